package linkcore_test

import (
	"os"
	"testing"

	"accesslink/internal/golden"
	"accesslink/linkcore"
)

func loadURLCases(t testing.TB) []golden.URLCase {
	data, err := os.ReadFile("testdata/url.txt")
	if err != nil {
		t.Fatal(err)
	}
	cases, err := golden.ParseURLCases("testdata/url.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	return cases
}

// TestParseURLStandard checks ParseURL against the URL standard's answers
// (recorded from Node's URL; the browser tests recheck them in Chromium).
func TestParseURLStandard(t *testing.T) {
	for _, c := range loadURLCases(t) {
		u, err := linkcore.ParseURL(c.Input)
		got := "error"
		if err == nil {
			got = u.String()
		}
		if got != c.Href {
			t.Errorf("%s:%d: ParseURL(%q) = %s, want %s (err %v)", c.File, c.Line, c.Input, got, c.Href, err)
		}
	}
}

func TestParseURLQuirks(t *testing.T) {
	tests := []struct {
		in   string
		want []linkcore.Code
	}{
		{"https://myaccess.microsoft.com/", nil},
		{"https:myaccess.microsoft.com/", []linkcore.Code{linkcore.CodeMissingSlashes}},
		{`https:\\myaccess.microsoft.com\x`, []linkcore.Code{linkcore.CodeBackslash}},
		{"https://myaccess.microsoft.com:443/", []linkcore.Code{linkcore.CodeExplicitPort}},
		{"HTTPS://myaccess.microsoft.com/", []linkcore.Code{linkcore.CodeUppercase}},
		{"https://MyAccess.microsoft.com/", []linkcore.Code{linkcore.CodeUppercase}},
		{"https://myaccess.micro\tsoft.com/", []linkcore.Code{linkcore.CodeWhitespaceRemoved}},
	}
	for _, tt := range tests {
		u, err := linkcore.ParseURL(tt.in)
		if err != nil {
			t.Fatalf("ParseURL(%q): %v", tt.in, err)
		}
		if len(u.Quirks) != len(tt.want) || (len(tt.want) > 0 && u.Quirks[0] != tt.want[0]) {
			t.Errorf("ParseURL(%q).Quirks = %v, want %v", tt.in, u.Quirks, tt.want)
		}
	}
}

func TestParseURLErrorIsTyped(t *testing.T) {
	_, err := linkcore.ParseURL("https://exa<mple.com/")
	perr, ok := err.(*linkcore.ParseError)
	if !ok || perr.Input != "https://exa<mple.com/" || perr.Reason == "" {
		t.Fatalf("err = %#v, want a *ParseError with input and reason", err)
	}
}
