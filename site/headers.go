package site

import (
	"net/http"
	"strconv"
	"strings"

	"accesslink/app"
)

// contentSecurityPolicy lets the page run its own scripts and WebAssembly
// and nothing else: no inline script or style attribute, no other origin, no
// framing. img-src allows blob: for the QR code's PNG download, drawn from
// the SVG through a canvas.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' blob:; connect-src 'self'; font-src 'self'; " +
	"manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'"

// A headerRule sets headers on the paths For matches, in Netlify's syntax:
// an exact path, or a prefix ending in "*". Rules must not set the same
// header on overlapping paths, because Netlify joins such values.
type headerRule struct {
	For     string
	Headers [][2]string
}

// pagePaths are the prerendered pages, by route and by file. They must
// never be cached without asking, or a deployment would not reach returning
// visitors.
var pagePaths = func() (paths []string) {
	for _, route := range app.Paths {
		paths = append(paths, route, pageName(route))
	}
	return paths
}()

// headerRules is the single source of the site's response headers: the dev
// server applies it and netlify.toml is generated from it (a test fails if
// the committed netlify.toml differs).
var headerRules = func() []headerRule {
	rules := []headerRule{
		{For: "/*", Headers: [][2]string{
			{"Content-Security-Policy", contentSecurityPolicy},
			{"Referrer-Policy", "no-referrer"},
			{"X-Content-Type-Options", "nosniff"},
			{"X-Frame-Options", "DENY"},
			{"Cross-Origin-Opener-Policy", "same-origin"},
			{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"},
		}},
		// The .wasm's name carries the build's content hash: cache it forever.
		{For: "/web/wasm/*", Headers: [][2]string{
			{"Content-Type", "application/wasm"},
			{"Cache-Control", "public, max-age=31536000, immutable"},
		}},
		// The service worker decides when a new version is installed: the
		// browser must always ask for it.
		{For: "/app-worker.js", Headers: [][2]string{{"Cache-Control", "no-cache"}}},
	}
	for _, p := range pagePaths {
		rules = append(rules, headerRule{For: p, Headers: [][2]string{{"Cache-Control", "no-cache"}}})
	}
	return rules
}()

// matches reports whether the rule applies to path.
func (r headerRule) matches(path string) bool {
	if prefix, ok := strings.CutSuffix(r.For, "*"); ok {
		return strings.HasPrefix(path, prefix)
	}
	return path == r.For
}

// setHeaders applies every matching rule to h, as Netlify does.
func setHeaders(h http.Header, path string) {
	for _, r := range headerRules {
		if !r.matches(path) {
			continue
		}
		for _, kv := range r.Headers {
			h.Set(kv[0], kv[1])
		}
	}
}

// netlifyTOML renders netlify.toml: the build settings and headerRules.
func netlifyTOML() []byte {
	var b strings.Builder
	b.WriteString("# Generated from site/headers.go by `go test -run TestNetlifyTOML -update ./site`; do not edit.\n")
	b.WriteString("# The site is built by ./build.sh (Go, then the static generator) and\n")
	b.WriteString("# Netlify publishes dist/.\n\n")
	b.WriteString("[build]\n")
	b.WriteString("  command = \"./build.sh site\"\n")
	b.WriteString("  publish = \"dist\"\n\n")
	b.WriteString("[build.environment]\n")
	b.WriteString("  GO_VERSION = \"1.26.8\"\n")
	for _, r := range headerRules {
		b.WriteString("\n[[headers]]\n")
		b.WriteString("  for = " + strconv.Quote(r.For) + "\n")
		b.WriteString("  [headers.values]\n")
		for _, kv := range r.Headers {
			b.WriteString("    " + strconv.Quote(kv[0]) + " = " + strconv.Quote(kv[1]) + "\n")
		}
	}
	return []byte(b.String())
}
