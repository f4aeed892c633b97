package app

import (
	"errors"
	"maps"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"accesslink/linkcore"
	"accesslink/linkcore/readiness"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// These tests run natively and, through wasm_test.go's package, in the
// browser: go-app's client tester mounts the components either way.

const (
	genuine   = "https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11"
	packageID = "114d3459-3459-114d-5934-4d1159344d11"
)

// navTo mounts c on a page whose URL has the fragment and returns the
// dispatcher, already consumed.
func navTo(t *testing.T, c goapp.UI, fragment url.Values) goapp.ClientDispatcher {
	t.Helper()
	d := goapp.NewClientTester(c)
	d.Nav(&url.URL{Scheme: "https", Host: "accesslink.example", Path: "/", RawFragment: fragment.Encode(), Fragment: mustUnescape(t, fragment.Encode())})
	d.Consume()
	return d
}

func mustUnescape(t *testing.T, s string) string {
	u, err := url.PathUnescape(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestCheckPageFromFragment(t *testing.T) {
	tests := []struct {
		input, verdict string
		clickable      bool
	}{
		{genuine, "ok", true},
		{`https://evil.example\@myaccess.microsoft.com/`, "danger", false},
		{`javascript:alert(1)//https://myaccess.microsoft.com/`, "danger", false},
		{"https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/114d3459", "error", false},
	}
	for _, tt := range tests {
		c := &CheckPage{}
		d := navTo(t, c, url.Values{"link": {tt.input}})
		if len(c.reports) == 0 {
			t.Fatalf("%q: no report", tt.input)
		}
		r := c.reports[0]
		if got := r.Verdict.String(); got != tt.verdict {
			t.Errorf("%q: verdict %s, want %s", tt.input, got, tt.verdict)
		}
		if r.Clickable() != tt.clickable {
			t.Errorf("%q: clickable %v, want %v", tt.input, r.Clickable(), tt.clickable)
		}
		d.Close()
	}
}

func TestCheckPageEmptyFragment(t *testing.T) {
	c := &CheckPage{}
	d := navTo(t, c, url.Values{})
	defer d.Close()
	if c.reports != nil {
		t.Fatalf("reports for empty input: %v", c.reports)
	}
}

func TestBuildPageResult(t *testing.T) {
	tests := []struct {
		hint, id, cloud    string
		link               string
		hintError, idError bool
	}{
		{"contoso.onmicrosoft.com", packageID, "", genuine, false, false},
		{"Contoso.OnMicrosoft.com", strings.ToUpper(packageID), "commercial", genuine, false, false},
		{"contoso.onmicrosoft.us", packageID, "usgov", "https://myaccess.microsoft.us/@contoso.onmicrosoft.us#/access-packages/" + packageID, false, false},
		{"not a domain!", packageID, "", "", true, false},
		{"contoso.onmicrosoft.com", "1234", "", "", false, true},
		{"", "", "", "", false, false}, // nothing typed: nothing to complain about
	}
	for _, tt := range tests {
		b := &BuildPage{}
		d := navTo(t, b, url.Values{"hint": {tt.hint}, "id": {tt.id}, "cloud": {tt.cloud}})
		link, hintErr, idErr := b.result()
		if link != tt.link {
			t.Errorf("%q %q: link %q, want %q", tt.hint, tt.id, link, tt.link)
		}
		if (hintErr != "") != tt.hintError || (idErr != "") != tt.idError {
			t.Errorf("%q %q: errors %q / %q", tt.hint, tt.id, hintErr, idErr)
		}
		d.Close()
	}
}

func TestMailto(t *testing.T) {
	got := mailto("Access & more", "Line 1\nhttps://x/?a=b#c")
	want := "mailto:?subject=Access%20%26%20more&body=Line%201%0Ahttps%3A%2F%2Fx%2F%3Fa%3Db%23c"
	if got != want {
		t.Errorf("mailto = %q, want %q", got, want)
	}
}

func TestShorten(t *testing.T) {
	if got := shorten("héllo", 2); got != "h… (5 more bytes)" {
		t.Errorf("shorten = %q", got)
	}
	if got := shorten("abc", 3); got != "abc" {
		t.Errorf("shorten = %q", got)
	}
}

func TestBatchPageChecksInChunks(t *testing.T) {
	var lines []string
	for range batchChunk*2 + 7 {
		lines = append(lines, genuine)
	}
	lines = append(lines, "javascript:alert(1)")
	b := &BatchPage{}
	d := navTo(t, b, url.Values{"lines": {strings.Join(lines, "\n")}})
	defer d.Close()
	if b.running || b.processed() != len(lines) || len(b.reports) != len(lines) {
		t.Fatalf("running %v, processed %d of %d", b.running, b.processed(), len(lines))
	}
	if got := b.reports[len(lines)-1].Report.Verdict.String(); got != "danger" {
		t.Errorf("last line %s", got)
	}
	if b.state() != "done" {
		t.Errorf("state %s", b.state())
	}
}

func TestBatchPageBuildsFromCSV(t *testing.T) {
	b := &BatchPage{}
	d := navTo(t, b, url.Values{"mode": {"build"}, "hint": {"contoso.onmicrosoft.com"}, "lines": {"name,id\nSales," + packageID + "\nBad,12\n"}})
	defer d.Close()
	if len(b.built) != 2 || b.built[0].Link != genuine || b.built[1].Problem == "" {
		t.Fatalf("built %+v", b.built)
	}
}

func TestReadyPageAnswersForExternalUser(t *testing.T) {
	pkg, err := os.ReadFile("../linkcore/readiness/testdata/e2e-package.json")
	if err != nil {
		t.Fatal(err)
	}
	orgs, err := os.ReadFile("../linkcore/readiness/testdata/e2e-orgs.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		who, from string
		orgs      bool
		answer    string
	}{
		{"external", "litware.com", true, "yes"},
		{"external", "litware.com", false, "unknown"},
		{"member", "", false, "yes"},
		{"guest", "", false, "no"},
	}
	for _, tt := range tests {
		p := &ReadyPage{}
		state := url.Values{"package": {string(pkg)}, "who": {tt.who}, "from": {tt.from}}
		if tt.orgs {
			state.Set("orgs", string(orgs))
		}
		d := navTo(t, p, state)
		// The tester mounts, then navigates, as a page load does: the
		// package is assessed once, not once per lifecycle hook.
		if p.seq != 1 {
			t.Errorf("%s %s: assessed %d times on load, want once", tt.who, tt.from, p.seq)
		}
		if p.result == nil {
			t.Fatalf("%s %s: no result (%v)", tt.who, tt.from, p.problem)
		}
		if p.result.Answer != tt.answer {
			t.Errorf("%s %s orgs=%v: answer %q, want %q", tt.who, tt.from, tt.orgs, p.result.Answer, tt.answer)
		}
		d.Close()
	}
}

func TestReadyPageShowsInputError(t *testing.T) {
	p := &ReadyPage{}
	d := navTo(t, p, url.Values{"package": {"{not json"}})
	defer d.Close()
	var ie *readiness.InputError
	if !errors.As(p.problem, &ie) || ie.Source != readiness.SourcePackage {
		t.Fatalf("no problem with the package JSON for invalid JSON: %v", p.problem)
	}
}

// The requests to copy follow the link being checked: its cloud and its
// package ID, before any JSON is pasted.
func TestReadyPageRequestsFollowTheLink(t *testing.T) {
	gov := "https://myaccess.microsoft.us/@contoso.onmicrosoft.us#/access-packages/" + packageID
	for _, tt := range []struct{ link, cloud, id string }{
		{gov, "usgov", packageID},
		{"https://myaccess.microsoft.us/@contoso.onmicrosoft.us", "usgov", ""},
		{"https://myaccess.example/#/access-packages/" + packageID, "commercial", ""},
		{"", "commercial", ""},
	} {
		p := &ReadyPage{}
		d := navTo(t, p, url.Values{"link": {tt.link}})
		cloud, _ := linkcore.CloudByID(tt.cloud)
		want := readiness.Requests(cloud, tt.id)
		if got := readiness.RequestsFor(p.linked, p.result); !slices.Equal(got, want) {
			t.Errorf("link %q: requests %v; want %v", tt.link, got, want)
		}
		d.Close()
	}
}

// A value too long for the page address is left out of the fragment; the
// short ones that say who and where are kept.
func TestEncodeFragmentKeepsShortValues(t *testing.T) {
	big := strings.Repeat("x", maxFragment)
	tests := []struct {
		state map[string]string
		want  url.Values
	}{
		{map[string]string{"link": genuine, "who": "", "from": "contoso.com"}, url.Values{"link": {genuine}, "from": {"contoso.com"}}},
		{map[string]string{"who": "external", "from": "contoso.com", "package": big}, url.Values{"who": {"external"}, "from": {"contoso.com"}}},
		{map[string]string{"lines": big[:maxFragment/2], "orgs": big[:maxFragment/2+1], "mode": "build"},
			url.Values{"lines": {big[:maxFragment/2]}, "mode": {"build"}}},
	}
	for _, tt := range tests {
		enc := encodeFragment(tt.state)
		got, err := url.ParseQuery(enc)
		if err != nil || !reflect.DeepEqual(got, tt.want) || len(enc) > maxFragment {
			t.Errorf("encodeFragment keeps %v (%d bytes, %v), want %v", slices.Sorted(maps.Keys(got)), len(enc), err, slices.Sorted(maps.Keys(tt.want)))
		}
	}
}
