package linkcore_test

import (
	"errors"
	"strings"
	"testing"

	"accesslink/linkcore"
)

const exampleID = "114d3459-3459-114d-5934-4d1159344d11"

var packageIDTests = []struct {
	in      string
	want    string // canonical ID, or "" for an error
	errPart string // part of the error message
}{
	{exampleID, exampleID, ""},
	{"114D3459-3459-114D-5934-4D1159344D11", exampleID, ""},
	{"{114d3459-3459-114d-5934-4d1159344d11}", exampleID, ""},
	{"(114d3459-3459-114d-5934-4d1159344d11)", exampleID, ""},
	{"urn:uuid:114d3459-3459-114d-5934-4d1159344d11", exampleID, ""},
	{"URN:UUID:{114d3459-3459-114d-5934-4d1159344d11}", exampleID, ""},
	{"114d34593459114d59344d1159344d11", exampleID, ""},
	{"  114d3459-3459-114d-5934-4d1159344d11\n", exampleID, ""},
	{"114d3459-3459-114d-5934-4d1159344d11\u200b", exampleID, ""},
	{"114d3459 3459 114d 5934 4d1159344d11", exampleID, ""},
	{"", "", "empty"},
	{"   ", "", "empty"},
	{"114d3459-3459-114d-5934", "", "20 of the 32"},
	{"114d3459-3459-114d-5934-4d1159344d11aa", "", "34 hexadecimal digits"},
	{"114d3459-3459-114d-5934-4d1159344d1g", "", `character 36 is 'g'`},
	{"114d3459_3459-114d-5934-4d1159344d11", "", `character 9 is '_'`},
	{"{114d3459-3459-114d-5934-4d1159344d11", "", "does not close"},
	{"114d3459-3459-114d-5934-4d1159344d11}", "", "does not open"},
	{"x14d3459-3459-114d-5934-4d1159344d11", "", `character 1 is 'x'`},
	{"114d3459-3459-114d-5934-4d1159344dк1", "", "U+043A"},
	{"ab{114d3459-3459-114d-5934-4d1159344d11}", "", "does not open"},
	{"\x00\xff", "", "U+0000"},
	{"\xff114d3459-3459-114d-5934-4d1159344d1", "", "invalid byte"},
}

func TestParsePackageID(t *testing.T) {
	for _, tt := range packageIDTests {
		id, err := linkcore.ParsePackageID(tt.in)
		if tt.want != "" {
			if err != nil || id.String() != tt.want {
				t.Errorf("ParsePackageID(%q) = %v, %v; want %s", tt.in, id, err, tt.want)
			}
			continue
		}
		var idErr *linkcore.IDError
		if !errors.As(err, &idErr) {
			t.Errorf("ParsePackageID(%q) error = %v, want *IDError", tt.in, err)
			continue
		}
		if !strings.Contains(idErr.Reason, tt.errPart) || idErr.Input != tt.in {
			t.Errorf("ParsePackageID(%q) error = %q, want it to mention %q", tt.in, idErr.Reason, tt.errPart)
		}
	}
}

var hintTests = []struct {
	in      string
	kind    linkcore.HintKind
	want    string
	errPart string
}{
	{"contoso.onmicrosoft.com", linkcore.HintDomain, "contoso.onmicrosoft.com", ""},
	{" Contoso.COM ", linkcore.HintDomain, "contoso.com", ""},
	{"münchen.de", linkcore.HintDomain, "xn--mnchen-3ya.de", ""},
	{"xn--mnchen-3ya.de", linkcore.HintDomain, "xn--mnchen-3ya.de", ""},
	{"72F988BF-86F1-41AF-91AB-2D7CD011DB47", linkcore.HintTenantID, "72f988bf-86f1-41af-91ab-2d7cd011db47", ""},
	{"{72f988bf-86f1-41af-91ab-2d7cd011db47}", linkcore.HintTenantID, "72f988bf-86f1-41af-91ab-2d7cd011db47", ""},
	{"", 0, "", "empty"},
	{"@contoso.com", 0, "", "leading"},
	{"admin@contoso.com", 0, "", `"@"`},
	{"contoso.com/x", 0, "", `'/'`},
	{"contoso.com#x", 0, "", `'#'`},
	{"contoso.com?x", 0, "", `'?'`},
	{`contoso\com`, 0, "", `'\\'`},
	{"con toso.com", 0, "", "space"},
	{"contoso", 0, "", "at least two labels"},
	{"contoso..com", 0, "", "label 2 is empty"},
	{".contoso.com", 0, "", "label 1 is empty"},
	{"contoso.com.", 0, "", "ends with a dot"},
	{strings.Repeat("a", 64) + ".com", 0, "", "at most 63"},
	{strings.Repeat("a.", 127) + "com", 0, "", "at most 253"},
	{"-contoso.com", 0, "", "hyphen"},
	{"contoso_corp.com", 0, "", `'_'`},
	{"cont\u200boso.com", 0, "", "U+200B"},
	{"contoso.com\u202e", 0, "", "U+202E"},
	{"72f988bf-86f1-41af-91ab-2d7cd011db4", 0, "", "tenant ID"},
}

func TestParseDirectoryHint(t *testing.T) {
	for _, tt := range hintTests {
		h, err := linkcore.ParseDirectoryHint(tt.in)
		if tt.errPart == "" {
			if err != nil || h.Kind != tt.kind || h.Value != tt.want {
				t.Errorf("ParseDirectoryHint(%q) = %+v, %v; want %v %s", tt.in, h, err, tt.kind, tt.want)
			}
			continue
		}
		var hintErr *linkcore.HintError
		if !errors.As(err, &hintErr) || !strings.Contains(hintErr.Reason, tt.errPart) {
			t.Errorf("ParseDirectoryHint(%q) error = %v, want a *HintError mentioning %q", tt.in, err, tt.errPart)
		}
	}
}

func TestHintUnicode(t *testing.T) {
	h, err := linkcore.ParseDirectoryHint("MÜNCHEN.de")
	if err != nil || h.Unicode() != "münchen.de" || h.Value != "xn--mnchen-3ya.de" {
		t.Fatalf("got %+v (%q), %v", h, h.Unicode(), err)
	}
}

func TestBuildReportsEachField(t *testing.T) {
	_, err := linkcore.Build(linkcore.DefaultCloud, "admin@contoso.com", "123")
	var berr *linkcore.BuildError
	if !errors.As(err, &berr) || berr.Hint == nil || berr.ID == nil {
		t.Fatalf("Build error = %#v, want both fields set", err)
	}
	_, err = linkcore.Build(linkcore.DefaultCloud, "contoso.com", "123")
	if !errors.As(err, &berr) || berr.Hint != nil || berr.ID == nil {
		t.Fatalf("Build error = %#v, want only ID set", err)
	}
}

func TestBuildEveryCloud(t *testing.T) {
	for _, cloud := range linkcore.Clouds {
		link, err := linkcore.Build(cloud, "contoso.com", strings.ToUpper(exampleID))
		if err != nil {
			t.Fatal(err)
		}
		want := "https://" + cloud.Host + "/@contoso.com#/access-packages/" + exampleID
		if link.String() != want {
			t.Errorf("Build(%s) = %s, want %s", cloud.ID, link, want)
		}
		if r := linkcore.CheckLink(link.String()); r.Verdict != linkcore.OK || r.Link.Cloud != cloud {
			t.Errorf("Check(Build(%s)) = %v %+v", cloud.ID, r.Verdict, r.Findings)
		}
	}
}

func TestCloudByID(t *testing.T) {
	if c, ok := linkcore.CloudByID("USGov"); !ok || c.Host != "myaccess.microsoft.us" {
		t.Errorf("CloudByID(USGov) = %+v, %v", c, ok)
	}
	if _, ok := linkcore.CloudByID("china"); ok {
		t.Error("CloudByID(china) found a cloud that is not documented")
	}
}

func TestCodeTableComplete(t *testing.T) {
	seen := map[linkcore.Code]bool{}
	for _, c := range linkcore.CodeTable {
		if seen[c.Code] {
			t.Errorf("code %s listed twice", c.Code)
		}
		seen[c.Code] = true
		if c.Meaning == "" || strings.ToLower(string(c.Code)) != string(c.Code) || strings.ContainsAny(string(c.Code), " _") {
			t.Errorf("code %q: want kebab-case and a meaning", c.Code)
		}
	}
	for _, c := range loadGolden(t) {
		for _, code := range c.Codes {
			if !seen[linkcore.Code(code)] {
				t.Errorf("%s:%d: code %s is not in CodeTable", c.File, c.Line, code)
			}
		}
	}
}
