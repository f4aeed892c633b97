package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"accesslink/app"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// A bundle is what the generator puts in dist/ beside go-app's own files.
type bundle struct {
	wasm    []byte            // the compiled page
	assets  map[string][]byte // /web/... path → content: web/ and the icons
	version string            // content hash of all of the above
}

// loadBundle reads the .wasm and web/ and draws the icons.
func loadBundle(wasmPath, webDir string) (*bundle, error) {
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return nil, err
	}
	s := &bundle{wasm: wasm, assets: map[string][]byte{"/web/icon.svg": iconSVG()}}
	for _, size := range []int{192, 512} {
		b, err := iconPNG(size)
		if err != nil {
			return nil, err
		}
		s.assets[fmt.Sprintf("/web/icon-%d.png", size)] = b
	}
	err = filepath.WalkDir(webDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(webDir, path)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(path)
		s.assets["/web/"+filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		return nil, err
	}
	s.version = s.hash()
	return s, nil
}

// hash is the build's Version: it changes exactly when something a visitor
// downloads changes, so a deployment of the same build updates nobody and a
// new build updates everybody.
func (s *bundle) hash() string {
	h := sha256.New()
	h.Write(s.wasm)
	paths := make([]string, 0, len(s.assets))
	for p := range s.assets {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		fmt.Fprintf(h, "%s %d\n", p, len(s.assets[p]))
		h.Write(s.assets[p])
	}
	h.Write([]byte(appWorkerJS))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// wasmPath is where the .wasm is served: its name carries the version, so it
// can be cached forever.
func (s *bundle) wasmPath() string { return "/web/wasm/app-" + s.version + ".wasm" }

// resources tells go-app where the files are: everything at the site's root.
type resources struct{ wasm string }

func (resources) Package() string   { return "" }
func (resources) Static() string    { return "" }
func (r resources) AppWASM() string { return r.wasm }

// handler is the go-app handler the static pages are generated from.
func (s *bundle) handler() *goapp.Handler {
	return &goapp.Handler{
		Name:            "AccessLink",
		ShortName:       "AccessLink",
		Title:           app.Title,
		Description:     app.Description,
		Lang:            "en",
		BackgroundColor: "#ffffff",
		ThemeColor:      iconBlue,
		Icon: goapp.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon.svg",
			AppleTouch: "/web/icon-192.png",
		},
		Styles: []string{"/web/style.css"},
		// No {progress}: hosts that compress the .wasm drop its length.
		LoadingLabel:          "Loading the interactive page…",
		Version:               s.version,
		Resources:             resources{wasm: s.wasmPath()},
		CacheableResources:    append(app.Paths[1:], "/web/icon.svg"),
		ServiceWorkerTemplate: appWorkerJS,
		// Pages left open look for a new deployment now and then.
		AutoUpdateInterval: 30 * time.Minute,
	}
}

// ogURL is the og:url go-app writes with the generator's loopback address.
var ogURL = regexp.MustCompile(`<meta[^>]*property="og:url"[^>]*>\s*`)

// Generate writes the static site into dist: every route of package app
// prerendered, the .wasm under a content-hashed name, web/ and the icons,
// the service worker and manifest.
func Generate(dist, wasmPath, webDir string) error {
	s, err := loadBundle(wasmPath, webDir)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(dist); err != nil {
		return err
	}
	if err := goapp.GenerateStaticWebsite(dist, s.handler(), app.Paths...); err != nil {
		return err
	}
	files := map[string][]byte{s.wasmPath(): s.wasm}
	for p, b := range s.assets {
		files[p] = b
	}
	for p, b := range files {
		name := filepath.Join(dist, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, b, 0o644); err != nil {
			return err
		}
	}
	for _, p := range app.Paths {
		if err := fixPage(pageFile(dist, p)); err != nil {
			return err
		}
	}
	return nil
}

// pageFile is the file GenerateStaticWebsite writes for a route.
func pageFile(dist, route string) string {
	return filepath.Join(dist, filepath.FromSlash(pageName(route)))
}

// pageName is the site path of a route's prerendered page: /index.html for
// "/", else the route with .html (/check serves /check.html).
func pageName(route string) string {
	if route == "/" {
		return "/index.html"
	}
	return route + ".html"
}

// bareARIA finds an ARIA attribute written without a value.
var bareARIA = regexp.MustCompile(`(\saria-[a-z]+)([\s>])`)

// inlineScript finds a <script> element without src: the CSP forbids it.
var inlineScript = regexp.MustCompile(`<script(\s[^>]*)?>\s*[^<\s]`)

// inlineStyle finds a style attribute or element: the CSP forbids them.
var inlineStyle = regexp.MustCompile(`\sstyle="|<style[\s>]`)

// fixPage drops og:url and refuses a page the CSP would break.
func fixPage(name string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	b = ogURL.ReplaceAll(b, nil)
	// go-app forbids zooming; people who need to zoom must be able to.
	b = bytes.Replace(b, []byte(`, maximum-scale=1, user-scalable=0`), nil, 1)
	// go-app prints an attribute whose value is "true" bare, as HTML does
	// boolean attributes; ARIA states need the word.
	b = bareARIA.ReplaceAll(b, []byte(`${1}="true"${2}`))
	if inlineScript.Match(b) {
		return errors.New(name + ": inline script would be blocked by the CSP")
	}
	if inlineStyle.Match(b) {
		return errors.New(name + ": inline style would be blocked by the CSP")
	}
	// An absolute URL in an attribute is a request to another origin waiting
	// to happen (go-app's default icons are).
	if m := absoluteURL.Find(b); m != nil {
		return fmt.Errorf("%s: %s would reach another origin", name, m)
	}
	return os.WriteFile(name, b, 0o644)
}

// absoluteURL finds an attribute holding an absolute URL.
var absoluteURL = regexp.MustCompile(`(?:src|href|content)="[a-z]+://[^"]*"`)
