package site

import (
	"bytes"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite netlify.toml from headerRules")

// TestNetlifyTOML keeps netlify.toml and the dev server's headers one
// source: the committed file must be what headerRules generates.
func TestNetlifyTOML(t *testing.T) {
	want := netlifyTOML()
	if *update {
		if err := os.WriteFile("../netlify.toml", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("netlify.toml differs from headerRules; run: go test -run TestNetlifyTOML -update ./site")
	}
}

func TestHeaderRulesDoNotOverlap(t *testing.T) {
	// Netlify joins the values of one header set by several matching rules.
	paths := append([]string{"/web/wasm/app-0123456789abcdef.wasm", "/app-worker.js", "/web/style.css", "/app.js"}, pagePaths...)
	for _, p := range paths {
		seen := map[string]string{}
		for _, r := range headerRules {
			if !r.matches(p) {
				continue
			}
			for _, kv := range r.Headers {
				if prev, ok := seen[kv[0]]; ok {
					t.Errorf("%s: %s set by %q and %q", p, kv[0], prev, r.For)
				}
				seen[kv[0]] = r.For
			}
		}
	}
}

func TestContentSecurityPolicy(t *testing.T) {
	for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval';", "frame-ancestors 'none'", "style-src 'self';"} {
		if !strings.Contains(contentSecurityPolicy, want) {
			t.Errorf("CSP lacks %q", want)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval'", "*", "http:", "https:"} {
		if strings.Contains(strings.ReplaceAll(contentSecurityPolicy, "wasm-unsafe-eval", ""), bad) {
			t.Errorf("CSP allows %q", bad)
		}
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestStaticSite(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"index.html":               "home",
		"check.html":               "check",
		"web/wasm/app-1.wasm":      "wasm",
		"web/wasm/app-1.wasm.br":   "wasm-br",
		"web/wasm/app-1.wasm.gz":   "wasm-gz",
		"app-worker.js":            "worker",
		"web/style.css":            "css",
		"secret/../outside.txt.br": "",
	})
	srv := httptest.NewServer(staticSite{dir: dir})
	defer srv.Close()

	tests := []struct {
		path, accept     string
		status           int
		body, enc, ctype string
		cache            string
	}{
		{"/", "", 200, "home", "", "text/html; charset=utf-8", "no-cache"},
		{"/check", "", 200, "check", "", "text/html; charset=utf-8", "no-cache"},
		{"/check?x=1", "", 200, "check", "", "text/html; charset=utf-8", "no-cache"},
		{"/web/wasm/app-1.wasm", "gzip, br", 200, "wasm-br", "br", "application/wasm", "public, max-age=31536000, immutable"},
		{"/web/wasm/app-1.wasm", "gzip", 200, "wasm-gz", "gzip", "application/wasm", "public, max-age=31536000, immutable"},
		{"/web/wasm/app-1.wasm", "br;q=0", 200, "wasm", "", "application/wasm", "public, max-age=31536000, immutable"},
		{"/app-worker.js", "", 200, "worker", "", "text/javascript; charset=utf-8", "no-cache"},
		{"/web/style.css", "", 200, "css", "", "text/css; charset=utf-8", ""},
		{"/missing", "", 404, "", "", "", ""},
		{"/../../etc/passwd", "", 404, "", "", "", ""},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", srv.URL+tt.path, nil)
		req.Header.Set("Accept-Encoding", tt.accept)
		// Keep Go's client from asking for gzip and decoding it itself.
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		body.ReadFrom(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, res.StatusCode, tt.status)
			continue
		}
		if got := res.Header.Get("Content-Security-Policy"); got != contentSecurityPolicy {
			t.Errorf("%s: CSP %q", tt.path, got)
		}
		if tt.status != 200 {
			continue
		}
		if body.String() != tt.body {
			t.Errorf("%s (%s): body %q, want %q", tt.path, tt.accept, body.String(), tt.body)
		}
		if got := res.Header.Get("Content-Encoding"); got != tt.enc {
			t.Errorf("%s (%s): Content-Encoding %q, want %q", tt.path, tt.accept, got, tt.enc)
		}
		if got := res.Header.Get("Content-Type"); got != tt.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tt.path, got, tt.ctype)
		}
		if got := res.Header.Get("Cache-Control"); got != tt.cache {
			t.Errorf("%s: Cache-Control %q, want %q", tt.path, got, tt.cache)
		}
	}
}

func TestFixPage(t *testing.T) {
	tests := []struct {
		name, page string
		ok         bool
	}{
		{"clean", `<head><meta property="og:url" content="http://127.0.0.1:1234/check">` +
			`<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover">` +
			`<script defer src="/app.js"></script></head><form class="task" aria-busy><p aria-hidden aria-label="x">`, true},
		{"inline script", `<script>alert(1)</script>`, false},
		{"inline style attribute", `<div style="color:red"></div>`, false},
		{"style element", `<style>p{}</style>`, false},
		{"remote icon", `<link rel="icon" href="https://raw.githubusercontent.com/icon.png">`, false},
	}
	for _, tt := range tests {
		dir := writeFiles(t, map[string]string{"p.html": tt.page})
		name := filepath.Join(dir, "p.html")
		err := fixPage(name)
		if (err == nil) != tt.ok {
			t.Errorf("%s: err = %v, want ok=%v", tt.name, err, tt.ok)
			continue
		}
		if !tt.ok {
			continue
		}
		b, _ := os.ReadFile(name)
		if strings.Contains(string(b), "og:url") || strings.Contains(string(b), "user-scalable") ||
			!strings.Contains(string(b), `aria-busy="true">`) || !strings.Contains(string(b), `aria-hidden="true" aria-label="x"`) {
			t.Errorf("%s: not fixed: %s", tt.name, b)
		}
	}
}

func TestAcceptsEncoding(t *testing.T) {
	tests := []struct {
		header, token string
		want          bool
	}{
		{"gzip, deflate, br, zstd", "br", true},
		{"gzip", "br", false},
		{"br;q=0", "br", false},
		{"BR; q=0.5", "br", true},
		{"", "gzip", false},
	}
	for _, tt := range tests {
		if got := acceptsEncoding(tt.header, tt.token); got != tt.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v", tt.header, tt.token, got)
		}
	}
}
