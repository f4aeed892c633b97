package site

import (
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Server serves the generated site in dir, for development only: the
// product is the static site itself.
func Server(dir string) http.Handler { return staticSite{dir: dir} }

// staticSite serves a generated dist/ the way Netlify does: pretty URLs
// (/check serves check.html), the headers of headerRules, and the
// pre-compressed .br or .gz file when the browser accepts it.
type staticSite struct{ dir string }

func (s staticSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	setHeaders(w.Header(), p)
	name, ok := s.resolve(p)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if w.Header().Get("Content-Type") == "" {
		ctype := mime.TypeByExtension(filepath.Ext(name))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ctype)
	}
	w.Header().Add("Vary", "Accept-Encoding")
	accept := r.Header.Get("Accept-Encoding")
	// The pre-compressed files first, then the file itself ("" encoding).
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}, {"", ""}} {
		if enc.token != "" && !acceptsEncoding(accept, enc.token) {
			continue
		}
		f, err := os.Open(name + enc.ext)
		if err != nil {
			continue
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			continue
		}
		if enc.token != "" {
			w.Header().Set("Content-Encoding", enc.token)
		}
		http.ServeContent(w, r, "", st.ModTime(), f)
		return
	}
	http.NotFound(w, r)
}

// resolve maps a clean URL path to a file in the site: the file itself, or
// for a page route its .html file.
func (s staticSite) resolve(p string) (string, bool) {
	candidates := []string{p}
	if path.Ext(p) == "" {
		candidates = append(candidates, pageName(p))
	}
	for _, c := range candidates {
		name := filepath.Join(s.dir, filepath.FromSlash(c))
		if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() {
			return name, true
		}
	}
	return "", false
}

// acceptsEncoding reports whether an Accept-Encoding header allows token
// (q=0 refuses it).
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
