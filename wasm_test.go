//go:build js && wasm

package main

// These tests run in headless Chromium (GOOS=js GOARCH=wasm go test with
// wasmbrowsertest as go_js_wasm_exec): the components render into the real
// DOM, so what they produce is checked the way a browser holds it.

import (
	"net/url"
	"strings"
	"testing"

	"accesslink/app"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

const genuine = "https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11"

// mount shows c on a page whose URL fragment holds state.
func mount(t *testing.T, c goapp.Composer, state url.Values) goapp.ClientDispatcher {
	t.Helper()
	d := goapp.NewClientTester(c)
	enc := state.Encode()
	frag, _ := url.PathUnescape(enc)
	d.Nav(&url.URL{Scheme: "https", Host: "accesslink.example", Path: "/", Fragment: frag, RawFragment: enc})
	d.Consume()
	return d
}

func query(c goapp.Composer, selector string) goapp.Value {
	return c.JSValue().Call("querySelector", selector)
}

func queryAll(c goapp.Composer, selector string) []goapp.Value {
	list := c.JSValue().Call("querySelectorAll", selector)
	out := make([]goapp.Value, list.Length())
	for i := range out {
		out[i] = list.Index(i)
	}
	return out
}

func TestCheckRendersVerdict(t *testing.T) {
	tests := []struct {
		input, verdict string
		href           string // the only link in the answer, if any
	}{
		{genuine, "ok", genuine},
		{"https://MyAccess.Microsoft.com/@contoso.onmicrosoft.com#/access-packages/114D3459-3459-114D-5934-4D1159344D11", "warning", genuine},
		{`https://evil.example\@myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11`, "danger", ""},
		{"http://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11", "warning", ""},
	}
	for _, tt := range tests {
		c := &app.CheckPage{}
		d := mount(t, c, url.Values{"link": {tt.input}})
		banner := query(c, ".report [data-verdict]")
		if banner.IsNull() {
			t.Fatalf("%q: no verdict banner", tt.input)
		}
		if got := banner.Get("dataset").Get("verdict").String(); got != tt.verdict {
			t.Errorf("%q: data-verdict %q, want %q", tt.input, got, tt.verdict)
		}
		// Icon and words, not colour alone.
		if text := banner.Get("textContent").String(); len(strings.TrimSpace(text)) < 4 {
			t.Errorf("%q: banner text %q", tt.input, text)
		}
		links := queryAll(c, ".answer a[href]")
		switch {
		case tt.href == "" && len(links) > 0:
			t.Errorf("%q: rendered a link to %s", tt.input, links[0].Call("getAttribute", "href").String())
		case tt.href != "" && (len(links) != 1 || links[0].Call("getAttribute", "href").String() != tt.href):
			t.Errorf("%q: want exactly one link to %s, got %d", tt.input, tt.href, len(links))
		}
		d.Close()
	}
}

func TestCheckKeepsHostileInputAsText(t *testing.T) {
	hostile := []string{
		`<img src=x onerror="document.title='pwned'">`,
		`https://myaccess.microsoft.com/@x#"><img src=x onerror=document.title='pwned'>`,
		`javascript:document.title='pwned'`,
		`<a href="javascript:document.title='pwned'">https://myaccess.microsoft.com/</a>`,
	}
	for _, input := range hostile {
		c := &app.CheckPage{}
		d := mount(t, c, url.Values{"link": {input}})
		if n := len(queryAll(c, ".answer img, .answer script, .answer iframe")); n != 0 {
			t.Errorf("%q: %d elements made from the input", input, n)
		}
		for _, a := range queryAll(c, ".answer a") {
			href := a.Call("getAttribute", "href").String()
			if !strings.HasPrefix(href, "https://myaccess.microsoft.") {
				t.Errorf("%q: link to %q", input, href)
			}
		}
		for _, el := range queryAll(c, "*") {
			for _, attr := range []string{"onerror", "onclick", "onload"} {
				if el.Call("hasAttribute", attr).Bool() {
					t.Errorf("%q: element with %s", input, attr)
				}
			}
		}
		d.Close()
	}
}

func TestBuildRendersLinkAndFieldErrors(t *testing.T) {
	c := &app.BuildPage{}
	d := mount(t, c, url.Values{"hint": {"contoso.onmicrosoft.com"}, "id": {"114d3459-3459-114d-5934-4d1159344d11"}})
	if got := query(c, "#link-out").Get("textContent").String(); got != genuine {
		t.Errorf("link %q, want %q", got, genuine)
	}
	if query(c, ".qr svg").IsNull() {
		t.Error("no QR code")
	}
	mail := query(c, `a[href^="mailto:"]`)
	if mail.IsNull() || !strings.Contains(mail.Call("getAttribute", "href").String(), url.QueryEscape(genuine)) {
		t.Error("no mailto link carrying the link")
	}
	d.Close()

	c = &app.BuildPage{}
	d = mount(t, c, url.Values{"hint": {"contoso.onmicrosoft.com"}, "id": {"1234"}})
	defer d.Close()
	if !query(c, "#hint-error").IsNull() {
		t.Error("error shown for a good hint")
	}
	idErr := query(c, "#package-id-error")
	if idErr.IsNull() {
		t.Fatal("no error next to the package ID")
	}
	if desc := query(c, "#package-id").Call("getAttribute", "aria-describedby").String(); !strings.Contains(desc, "package-id-error") {
		t.Errorf("aria-describedby %q does not name the error", desc)
	}
	if query(c, "#package-id").Call("getAttribute", "aria-invalid").String() != "true" {
		t.Error("field not marked invalid")
	}
}
