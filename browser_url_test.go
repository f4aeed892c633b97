//go:build js && wasm

package main

// The differential test: linkcore must read every golden link exactly as
// the browser this test runs in (headless Chromium, through wasmbrowsertest)
// does. The browser's own URL parser is the reference.

import (
	"embed"
	"io/fs"
	"syscall/js"
	"testing"

	"accesslink/internal/golden"
	"accesslink/linkcore"
)

//go:embed linkcore/testdata/check/*.txt linkcore/testdata/url.txt
var goldenFiles embed.FS

// browserURL is what the browser's URL parser makes of s; ok is false where
// it throws.
type browserURL struct {
	ok                       bool
	href, scheme, host, port string
}

func parseInBrowser(s string) (u browserURL) {
	defer func() {
		if recover() != nil {
			u = browserURL{}
		}
	}()
	v := js.Global().Get("URL").New(s)
	protocol := v.Get("protocol").String()
	return browserURL{
		ok:     true,
		href:   v.Get("href").String(),
		scheme: protocol[:len(protocol)-1],
		host:   v.Get("hostname").String(),
		port:   v.Get("port").String(),
	}
}

// TestURLStandardInChromium rechecks testdata/url.txt, whose expectations
// were recorded elsewhere, against this browser, and ParseURL against both.
func TestURLStandardInChromium(t *testing.T) {
	data, err := goldenFiles.ReadFile("linkcore/testdata/url.txt")
	if err != nil {
		t.Fatal(err)
	}
	cases, err := golden.ParseURLCases("url.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		b := parseInBrowser(c.Input)
		browser := "error"
		if b.ok {
			browser = b.href
		}
		if browser != c.Href {
			t.Errorf("url.txt:%d: Chromium reads %q as %s; the file says %s", c.Line, c.Input, browser, c.Href)
		}
		ours := "error"
		if u, err := linkcore.ParseURL(c.Input); err == nil {
			ours = u.String()
		}
		if ours != browser {
			t.Errorf("url.txt:%d: ParseURL(%q) = %s; Chromium: %s", c.Line, c.Input, ours, browser)
		}
	}
	t.Logf("%d URL cases agree with Chromium", len(cases))
}

// TestCheckAgreesWithChromium: for every golden check case, each link that
// Check found is read by linkcore and by the browser to the same scheme,
// host and port (or refused by both).
func TestCheckAgreesWithChromium(t *testing.T) {
	files, err := fs.Glob(goldenFiles, "linkcore/testdata/check/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	links := 0
	for _, file := range files {
		data, _ := goldenFiles.ReadFile(file)
		cases, err := golden.Parse(file, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			for _, r := range linkcore.Check(c.Input) {
				if r.Has(linkcore.CodeNoLink) || r.Has(linkcore.CodeEmpty) {
					continue
				}
				links++
				b := parseInBrowser(r.Input)
				u, err := linkcore.ParseURL(r.Input)
				if (err == nil) != b.ok {
					t.Errorf("%s:%d: link %q: linkcore parses: %v, Chromium parses: %v", file, c.Line, r.Input, err == nil, b.ok)
					continue
				}
				if err != nil {
					continue
				}
				if u.Scheme != b.scheme || u.Host != b.host || u.Port != b.port {
					t.Errorf("%s:%d: link %q: linkcore %s://%s:%s, Chromium %s://%s:%s", file, c.Line, r.Input, u.Scheme, u.Host, u.Port, b.scheme, b.host, b.port)
				}
			}
		}
	}
	t.Logf("%d links agree with Chromium", links)
}
