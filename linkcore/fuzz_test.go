package linkcore_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"accesslink/linkcore"
)

// FuzzCheck: Check never panics or hangs, always reports, and what it
// reports is consistent. Seeded from the golden cases.
func FuzzCheck(f *testing.F) {
	for _, c := range loadGolden(f) {
		f.Add(c.Input)
	}
	for _, c := range loadURLCases(f) {
		f.Add(c.Input)
	}
	f.Fuzz(func(t *testing.T, input string) {
		start := time.Now()
		reports := linkcore.Check(input)
		if elapsed := time.Since(start); elapsed > 2*time.Second {
			t.Fatalf("Check took %v on %d bytes", elapsed, len(input))
		}
		if len(reports) == 0 || len(reports) > linkcore.MaxLinks {
			t.Fatalf("Check returned %d reports", len(reports))
		}
		for _, r := range reports {
			checkReportInvariants(t, input, r)
		}
	})
}

func checkReportInvariants(t *testing.T, input string, r linkcore.Report) {
	t.Helper()
	worst := linkcore.OK
	for _, f := range r.Findings {
		worst = max(worst, f.Severity)
		if f.Message == "" || !utf8.ValidString(f.Message) {
			t.Fatalf("Check(%q): finding %s has message %q", input, f.Code, f.Message)
		}
	}
	if worst != r.Verdict {
		t.Fatalf("Check(%q): verdict %v but worst finding %v", input, r.Verdict, worst)
	}
	if r.Verdict == linkcore.OK && r.Link == nil {
		t.Fatalf("Check(%q): ok without a genuine link", input)
	}
	if r.Clickable() {
		if r.Verdict > linkcore.Warning || r.URL.Scheme != "https" || !strings.HasPrefix(r.Canonical(), "https://myaccess.microsoft.") {
			t.Fatalf("Check(%q): clickable but %v %v %q", input, r.Verdict, r.URL, r.Canonical())
		}
	}
	if c := r.Canonical(); c != "" {
		// The canonical link is a fixed point: checking it gives it back.
		again := linkcore.CheckLink(c)
		if again.Canonical() != c {
			t.Fatalf("Check(%q): canonical %q checks to canonical %q", input, c, again.Canonical())
		}
		if r.Link.IsRequest() && again.Verdict > linkcore.Warning {
			t.Fatalf("Check(%q): canonical %q is %v: %+v", input, c, again.Verdict, again.Findings)
		}
	}
}

// FuzzParseURL: ParseURL never panics, and its serialization is a fixed
// point, as the URL standard requires.
func FuzzParseURL(f *testing.F) {
	for _, c := range loadURLCases(f) {
		f.Add(c.Input)
	}
	f.Fuzz(func(t *testing.T, input string) {
		u, err := linkcore.ParseURL(input)
		if err != nil {
			return
		}
		href := u.String()
		again, err := linkcore.ParseURL(href)
		if err != nil {
			t.Fatalf("ParseURL(%q) = %q, which does not parse: %v", input, href, err)
		}
		if again.String() != href {
			t.Fatalf("ParseURL(%q) = %q, reparsed as %q", input, href, again.String())
		}
	})
}

// FuzzBuild: whatever Build accepts, Check reads back as the same parts.
func FuzzBuild(f *testing.F) {
	for _, tt := range hintTests {
		f.Add(tt.in, exampleID, 0)
	}
	for _, tt := range packageIDTests {
		f.Add("contoso.com", tt.in, 1)
	}
	f.Fuzz(func(t *testing.T, hint, id string, cloudIndex int) {
		cloud := linkcore.Clouds[uint(cloudIndex)%uint(len(linkcore.Clouds))]
		link, err := linkcore.Build(cloud, hint, id)
		if err != nil {
			return
		}
		r := linkcore.CheckLink(link.String())
		if r.Verdict != linkcore.OK || r.Link == nil || *r.Link != link || r.Canonical() != link.String() {
			t.Fatalf("Build(%q, %q) = %s; Check gives %v %+v %+v", hint, id, link, r.Verdict, r.Link, r.Findings)
		}
	})
}

// wrappedTracking is a Safe Links address of about n bytes whose query is
// nothing but short recipient values, each one to redact.
func wrappedTracking(n int) string {
	return "https://nam02.safelinks.protection.outlook.com/?" + strings.Repeat("&r=a", n/4)
}

// TestCheckHugeInput: the limits hold on the largest inputs.
func TestCheckHugeInput(t *testing.T) {
	link := "https://myaccess.microsoft.com/@contoso.com#/access-packages/" + exampleID + " "
	inputs := []string{
		strings.Repeat("a", 2<<20),
		strings.Repeat(link, (1<<20)/len(link)+10),
		"https://" + strings.Repeat("a.", 1<<19),
		"https://myaccess.microsoft.com/@contoso.com#/access-packages/" + strings.Repeat("1", 1<<20),
		strings.Repeat("https://x\n", 1<<17),
		strings.Repeat("&amp;", 1<<18),
		strings.Repeat("\xff", 1<<20),
		strings.Repeat("https:", 1<<18),
		wrappedTracking(1 << 20),
	}
	for _, in := range inputs {
		reports := linkcore.Check(in)
		if len(reports) == 0 || len(reports) > linkcore.MaxLinks {
			t.Fatalf("Check(%d bytes) = %d reports", len(in), len(reports))
		}
		if len(in) > linkcore.MaxInput && !reports[0].Has(linkcore.CodeInputTooLong) {
			t.Errorf("Check(%d bytes): no %s finding", len(in), linkcore.CodeInputTooLong)
		}
	}
}
