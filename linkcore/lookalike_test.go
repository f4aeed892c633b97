package linkcore

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A lookalikeCase is one line of testdata/lookalike.txt.
type lookalikeCase struct {
	line    int
	host    string
	genuine string // "" for not a lookalike
	how     string
	detail  string // a part of the reason, or ""
}

func loadLookalikeCases(t testing.TB) []lookalikeCase {
	data, err := os.ReadFile("testdata/lookalike.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cases []lookalikeCase
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		host, rest, ok := strings.Cut(line, " => ")
		if !ok {
			t.Fatalf("testdata/lookalike.txt:%d: no ' => ' in %q", i+1, line)
		}
		if strings.HasPrefix(host, `"`) {
			if host, err = strconv.Unquote(host); err != nil {
				t.Fatalf("testdata/lookalike.txt:%d: %v", i+1, err)
			}
		}
		want, detail, _ := strings.Cut(rest, " | ")
		fields := strings.Fields(want)
		if len(fields) != 2 {
			t.Fatalf("testdata/lookalike.txt:%d: want 'genuine how', got %q", i+1, want)
		}
		c := lookalikeCase{line: i + 1, host: host, genuine: fields[0], how: fields[1], detail: detail}
		if c.genuine == "-" {
			c.genuine = ""
		}
		cases = append(cases, c)
	}
	return cases
}

// howOf names the kind of trick a reason describes, as the golden file does.
func howOf(why string) string {
	switch {
	case strings.HasPrefix(why, "it is written in "):
		return "whole-script"
	case strings.HasPrefix(why, "it mixes "):
		return "mixed"
	case strings.HasPrefix(why, "it imitates ") && strings.Contains(why, " with accented letters "):
		return "accents"
	case strings.HasPrefix(why, "it imitates ") && strings.Contains(why, " with look-alike characters "):
		return "confusable"
	case strings.HasPrefix(why, "it differs from ") && strings.Contains(why, " once its look-alike characters "):
		return "skeleton-edit"
	case strings.HasPrefix(why, "it differs from "):
		return "edit"
	case strings.HasPrefix(why, "it puts "), strings.HasPrefix(why, "it shows "), strings.HasPrefix(why, "it writes "):
		return "embedded"
	}
	return "unknown: " + why
}

func TestLookalikeGolden(t *testing.T) {
	cases := loadLookalikeCases(t)
	if len(cases) < 40 {
		t.Errorf("only %d cases in testdata/lookalike.txt; keep at least 40", len(cases))
	}
	for _, c := range cases {
		genuine, why, ok := lookalikeOf(c.host)
		if genuine != c.genuine || ok != (c.genuine != "") {
			t.Errorf("testdata/lookalike.txt:%d: lookalikeOf(%q) = %q, %q, %v; want %q", c.line, c.host, genuine, why, ok, c.genuine)
			continue
		}
		if !ok {
			if why != "" {
				t.Errorf("testdata/lookalike.txt:%d: lookalikeOf(%q) not ok but why = %q", c.line, c.host, why)
			}
			checkNotLookalikeTag(t, c)
			continue
		}
		if got := howOf(why); got != c.how {
			t.Errorf("testdata/lookalike.txt:%d: lookalikeOf(%q) is %s, want %s: %q", c.line, c.host, got, c.how, why)
		}
		if !strings.Contains(why, c.detail) {
			t.Errorf("testdata/lookalike.txt:%d: lookalikeOf(%q) why = %q, want it to contain %q", c.line, c.host, why, c.detail)
		}
	}
}

// checkNotLookalikeTag checks what the golden file says about a host that
// imitates nothing.
func checkNotLookalikeTag(t *testing.T, c lookalikeCase) {
	t.Helper()
	host := strings.TrimSuffix(c.host, ".")
	isGenuine := slices.ContainsFunc(Clouds, func(cl Cloud) bool { return cl.Host == host })
	var ok bool
	switch c.how {
	case "genuine":
		ok = isGenuine
	case "microsoft":
		ok = !isGenuine && microsoftOwned(host)
	case "unrelated":
		ok = host != "" && !isGenuine && !microsoftOwned(host)
	case "empty":
		ok = host == ""
	}
	if !ok {
		t.Errorf("testdata/lookalike.txt:%d: %q is not %s", c.line, c.host, c.how)
	}
}

// longHosts are hosts of a thousand labels or more, with the genuine host
// they imitate ("" for none).
var longHosts = func() []struct{ host, genuine string } {
	long := strings.Repeat("a.", 1000)
	return []struct{ host, genuine string }{
		{long + "example", ""},
		{long + "myaccess.microsoft.com", ""}, // Microsoft's own subdomain
		{long + "myaccess.microsoft.com.evil.example", "myaccess.microsoft.com"},
		{"myaccess.microsoft.com." + long + "example", "myaccess.microsoft.com"},
		{strings.Repeat("myaccess-", 1000) + "example", ""},
		{strings.Repeat("xn--80ak6aa92e.", 1000) + "com", ""},
	}
}()

// A host of a thousand labels is answered correctly; how fast is
// BenchmarkLookalikeOfLongHosts' business.
func TestLookalikeLongHost(t *testing.T) {
	for _, tc := range longHosts {
		genuine, _, _ := lookalikeOf(tc.host)
		if genuine != tc.genuine {
			t.Errorf("lookalikeOf(%.30q…) = %q, want %q", tc.host, genuine, tc.genuine)
		}
	}
}

func TestSkeleton(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"myaccess.microsoft.com", "rnyaccess.rnicrosoft.corn"},
		{"myaccess.microsoft.us", "rnyaccess.rnicrosoft.us"},
		{"муассеѕѕ", "rnyaccess"},               // Cyrillic, м by Chromium's extra mapping
		{"micrοsoft", "rnicrosoft"},             // Greek omicron
		{"micr0s0ft", "rnicrosoft"},             // digit zero
		{"m1crosoft", "rnicrosoft"},             // digit one
		{"mícrósoft", "rnicrosoft"},             // precomposed accents
		{"mi\u0301cro\u0301soft", "rnicrosoft"}, // combining accents
		{"example", "exarnpie"},
		{"‐", "-"}, // U+2010 HYPHEN
		{"東京", "東京"},
		{"", ""},
	} {
		if got := skeleton(tc.in); got != tc.want {
			t.Errorf("skeleton(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The generated table must be sorted, point at existing targets, and cover
// every character of the genuine hosts' skeletons: a cloud whose host needs
// another letter needs the table regenerated.
func TestConfusablesTable(t *testing.T) {
	for i := 1; i < len(confusables); i++ {
		if confusables[i]>>8 <= confusables[i-1]>>8 {
			t.Fatalf("confusables not sorted at entry %d (U+%04X)", i, confusables[i]>>8)
		}
	}
	for _, e := range confusables {
		if int(e&0xff) >= len(confusableTargets) {
			t.Fatalf("U+%04X points at target %d of %d", e>>8, e&0xff, len(confusableTargets))
		}
	}
	for _, target := range confusableTargets {
		if strings.Trim(target, confusableAlphabet) != "" {
			t.Errorf("target %q is not spelt with %q", target, confusableAlphabet)
		}
	}
	for _, c := range Clouds {
		if s := strings.Trim(skeleton(c.Host), confusableAlphabet); s != "" {
			t.Errorf("the skeleton of %s needs %q, which confusables_table.go lacks: regenerate it with -hosts naming every Clouds host (see internal/gen/confusables)", c.Host, s)
		}
	}
}

func TestOneEdit(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		ok   bool
		x, y string // a's and b's differing parts
	}{
		{"myacess", "myaccess", true, "", "c"},
		{"myaccesss", "myaccess", true, "s", ""},
		{"myaccesz", "myaccess", true, "z", "s"},
		{"myacecss", "myaccess", true, "ec", "ce"},
		{"ymaccess", "myaccess", true, "ym", "my"},
		{"myaccéss", "myaccess", true, "é", "e"},
		{"myaccess", "myaccess", false, "", ""},
		{"myapps", "myaccess", false, "", ""},
		{"mayccses", "myaccess", false, "", ""},
		{"", "a", true, "", "a"},
		{"ab", "", false, "", ""},
		{"aa", "a", true, "a", ""},
		{"éé", "ab", false, "", ""},
	} {
		start, endA, endB, ok := oneEdit(tc.a, tc.b)
		if ok != tc.ok || ok && (tc.a[start:endA] != tc.x || tc.b[start:endB] != tc.y) {
			t.Errorf("oneEdit(%q, %q) = %d, %d, %d, %v; want %v with %q, %q", tc.a, tc.b, start, endA, endB, ok, tc.ok, tc.x, tc.y)
		}
	}
}

func TestMixedScripts(t *testing.T) {
	for _, tc := range []struct {
		host    string
		label   string
		scripts []string
	}{
		{"myaccess.microsoft.com", "", nil},
		{"myаccess.microsoft.com", "myаccess", []string{"Latin", "Cyrillic"}},
		{"myaccess.micrοsoft.com", "micrοsoft", []string{"Latin", "Greek"}},
		{"ρaypal.com", "ρaypal", []string{"Greek", "Latin"}},
		{"myaccess.micrօsoft.com", "micrօsoft", []string{"Latin", "Armenian"}},
		{"ᏣᎳᎩabc.com", "ᏣᎳᎩabc", []string{"Cherokee", "Latin"}},
		{"тест-test.example", "тест-test", []string{"Cyrillic", "Latin"}},
		{"ελληνικάрусский.example", "ελληνικάрусский", []string{"Greek", "Cyrillic"}},
		{"ひらがな한국.example", "ひらがな한국", []string{"Hiragana", "Hangul"}},
		{"аррӏе.com", "", nil},               // one script, however it looks
		{"πλάτων.gr", "", nil},               // Greek alone
		{"café.example", "", nil},            // accented Latin is Latin
		{"東京tokyo.jp", "", nil},              // Latin with Han
		{"ひらがなカタカナ漢字abc.jp", "", nil},        // Japanese with Latin
		{"中文한국.kr", "", nil},                 // Han with Hangul
		{"注音ㄅㄆabc.tw", "", nil},              // Han, Bopomofo and Latin
		{"שלוםabc.example", "", nil},         // Latin with one script that does not imitate it
		{"пример-123.рф", "", nil},           // digits and hyphens belong to no script
		{"mi\u0301crosoft.example", "", nil}, // a combining mark belongs to no script
		{"ab\u16a0.example", "", nil},        // Latin with one unnamed script (Runic)
		{"\u16a0тест.example", "\u16a0тест", []string{"another script", "Cyrillic"}}, // two scripts, neither Latin
		{"", "", nil},
		{"...", "", nil},
	} {
		label, scripts, ok := mixedScripts(tc.host)
		if ok != (tc.label != "") || label != tc.label || !slices.Equal(scripts, tc.scripts) {
			t.Errorf("mixedScripts(%q) = %q, %q, %v; want %q, %q", tc.host, label, scripts, ok, tc.label, tc.scripts)
		}
	}
}

func FuzzLookalike(f *testing.F) {
	for _, c := range loadLookalikeCases(f) {
		f.Add(c.host)
	}
	f.Fuzz(func(t *testing.T, host string) {
		genuine, why, ok := lookalikeOf(host)
		if !ok {
			if genuine != "" || why != "" {
				t.Fatalf("lookalikeOf(%q) = %q, %q, false", host, genuine, why)
			}
		} else {
			if !slices.ContainsFunc(Clouds, func(c Cloud) bool { return c.Host == genuine }) {
				t.Fatalf("lookalikeOf(%q) names %q, not a Clouds host", host, genuine)
			}
			if why == "" {
				t.Fatalf("lookalikeOf(%q) gives no reason", host)
			}
			if strings.TrimSuffix(host, ".") == genuine {
				t.Fatalf("lookalikeOf(%q) reports the genuine host itself", host)
			}
		}
		label, scripts, mixed := mixedScripts(domainToUnicode(host))
		if mixed != (len(scripts) > 1) || mixed != (label != "") {
			t.Fatalf("mixedScripts(%q) = %q, %q, %v", host, label, scripts, mixed)
		}
	})
}

// BenchmarkLookalikeOfLongHosts: one op checks every long host; a step
// quadratic in the number of labels would show here.
func BenchmarkLookalikeOfLongHosts(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, tc := range longHosts {
			lookalikeOf(tc.host)
		}
	}
}

func BenchmarkLookalikeOf(b *testing.B) {
	for _, host := range []string{
		"example.com",
		"myaccess.microsoft.com",
		"login.microsoftonline.com",
		"xn--myccess-3fg.microsoft.com",
		"myaccess.microsoft.com.evil.example",
	} {
		b.Run(host, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				lookalikeOf(host)
			}
		})
	}
}
