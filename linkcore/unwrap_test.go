package linkcore

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// An unwrapCase is one line of testdata/unwrap.txt; the file's header
// describes the format.
type unwrapCase struct {
	line    int
	name    string
	wrapper string // "-" for none
	result  string
	input   string
}

func (c unwrapCase) String() string { return "unwrap.txt:" + strconv.Itoa(c.line) + " " + c.name }

func readUnwrapCases(t testing.TB) []unwrapCase {
	data, err := os.ReadFile("testdata/unwrap.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cases []unwrapCase
	seen := map[string]bool{}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.SplitN(line, " | ", 4)
		if len(fields) != 4 {
			t.Fatalf("unwrap.txt:%d: want name | wrapper | result | input, got %q", i+1, line)
		}
		c := unwrapCase{line: i + 1, name: fields[0], wrapper: fields[1], result: fields[2], input: fields[3]}
		if seen[c.name] {
			t.Fatalf("%v: the name is used twice", c)
		}
		seen[c.name] = true
		cases = append(cases, c)
	}
	return cases
}

// unwrapText parses text as the checker does and peels one layer.
func unwrapText(t testing.TB, text string) (inner, name string, err error) {
	u, perr := ParseURL(text)
	if perr != nil {
		t.Fatalf("ParseURL(%q): %v", text, perr)
	}
	return unwrap(u)
}

// checkUnwrapResult returns what is wrong with one result of unwrap, or "".
func checkUnwrapResult(c unwrapCase, inner, name string, err error) string {
	wantName := c.wrapper
	if wantName == "-" {
		wantName = ""
	}
	if name != wantName {
		return "wrapper " + strconv.Quote(name) + ", want " + strconv.Quote(wantName)
	}
	kind, want, _ := strings.Cut(c.result, " ")
	var werr *WrapperError
	if err != nil && !errors.As(err, &werr) {
		return "error is not a *WrapperError: " + err.Error()
	}
	switch kind {
	case "-":
		if inner != "" || err != nil {
			return "want no wrapper, got inner " + strconv.Quote(inner) + ", error " + errorText(err)
		}
	case "=":
		if err != nil {
			return "unexpected error: " + err.Error()
		}
		if inner != want {
			return "inner\n\t" + inner + "\nwant\n\t" + want
		}
	case "opaque", "damaged":
		if err == nil {
			return "want a " + kind + " *WrapperError, got inner " + strconv.Quote(inner)
		}
		if inner != "" {
			return "inner " + strconv.Quote(inner) + " returned with an error"
		}
		if werr.Wrapper != name {
			return "WrapperError.Wrapper " + strconv.Quote(werr.Wrapper) + ", want " + strconv.Quote(name)
		}
		if werr.Opaque != (kind == "opaque") {
			return "Opaque is " + strconv.FormatBool(werr.Opaque) + " for a " + kind + " wrapper: " + werr.Reason
		}
		if kind == "opaque" {
			if want == "-" {
				want = ""
			}
			if werr.Hint != want {
				return "Hint " + strconv.Quote(werr.Hint) + ", want " + strconv.Quote(want)
			}
		} else if !strings.Contains(werr.Reason, want) {
			return "Reason " + strconv.Quote(werr.Reason) + " does not say " + strconv.Quote(want)
		}
	default:
		return "unknown result " + strconv.Quote(c.result)
	}
	return ""
}

func errorText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestUnwrapGolden(t *testing.T) {
	cases := readUnwrapCases(t)
	for _, c := range cases {
		inner, name, err := unwrapText(t, c.input)
		if problem := checkUnwrapResult(c, inner, name, err); problem != "" {
			t.Errorf("%v: %s", c, problem)
		}
	}
}

// TestUnwrapGoldenCoverage keeps the golden file honest: every wrapper has
// cases that unwrap, and lookalikes that must not.
func TestUnwrapGoldenCoverage(t *testing.T) {
	cases := readUnwrapCases(t)
	if len(cases) < 30 {
		t.Errorf("%d golden cases, want at least 30", len(cases))
	}
	count := map[string]int{}
	for _, c := range cases {
		kind, _, _ := strings.Cut(c.result, " ")
		count[c.wrapper+" "+kind]++
	}
	for _, want := range []string{
		nameSafeLinks + " =", nameSafeLinks + " damaged",
		nameTeamsSafeLinks + " =", nameTeamsSafeLinks + " opaque", nameTeamsSafeLinks + " damaged",
		nameURLDefense + " v1 =", nameURLDefense + " v1 damaged",
		nameURLDefense + " v2 =", nameURLDefense + " v2 damaged",
		nameURLDefense + " v3 =", nameURLDefense + " v3 damaged",
		nameURLDefense + " damaged",
		nameMimecast + " opaque",
		"- -",
	} {
		if count[want] == 0 {
			t.Errorf("no golden case for %q", want)
		}
	}
}

// TestUnwrapResultsAreSentences checks that every Reason reads as one
// sentence for people and that Error names the wrapper and the reason.
func TestUnwrapResultsAreSentences(t *testing.T) {
	for _, c := range readUnwrapCases(t) {
		_, _, err := unwrapText(t, c.input)
		var werr *WrapperError
		if !errors.As(err, &werr) {
			continue
		}
		first, _ := utf8.DecodeRuneInString(werr.Reason)
		if !unicode.IsUpper(first) || !strings.HasSuffix(werr.Reason, ".") || strings.Contains(werr.Reason, ". ") {
			t.Errorf("%v: Reason %q is not one sentence", c, werr.Reason)
		}
		if msg := err.Error(); !strings.Contains(msg, werr.Wrapper) || !strings.Contains(msg, werr.Reason) {
			t.Errorf("%v: Error() = %q, want the wrapper and the reason in it", c, msg)
		}
	}
}

// TestUnwrapChains follows real nested wrappers to the end, as the checker
// does, one layer per call.
func TestUnwrapChains(t *testing.T) {
	byName := map[string]unwrapCase{}
	for _, c := range readUnwrapCases(t) {
		byName[c.name] = c
	}
	tests := []struct {
		start  string
		layers []string
		final  string
	}{
		{"urldefense-v3-around-safelinks",
			[]string{nameURLDefense + " v3", nameSafeLinks, nameURLDefense + " v3"},
			"http://sites.computer.org/debull/bull_issues.html"},
		{"safelinks-around-urldefense-v2",
			[]string{nameSafeLinks, nameURLDefense + " v2"},
			"https://docs.google.com/spreadsheets/d/1OvZkGkizNnx_nZ9OVDOkJJIVFuIMK_7FYKC77YhoUac/edit?usp=sharing"},
	}
	for _, tt := range tests {
		c, ok := byName[tt.start]
		if !ok {
			t.Fatalf("no golden case %q", tt.start)
		}
		text := c.input
		var layers []string
		for range 5 {
			inner, name, err := unwrapText(t, text)
			if err != nil {
				t.Fatalf("%s: layer %d: %v", tt.start, len(layers)+1, err)
			}
			if name == "" {
				break
			}
			layers = append(layers, name)
			text = inner
		}
		if strings.Join(layers, ", ") != strings.Join(tt.layers, ", ") || text != tt.final {
			t.Errorf("%s: layers %q ending at %q, want %q ending at %q", tt.start, layers, text, tt.layers, tt.final)
		}
	}
}

// TestReplaceURLDefenseTokens pins the token rules of Proofpoint's reference
// decoder (\*(\*.)?) where the golden file cannot show them: a line feed
// after "**", and "**" at the very end.
func TestReplaceURLDefenseTokens(t *testing.T) {
	tests := []struct {
		link, replacements, want, reason string
	}{
		{link: "a*b", replacements: "#", want: "a#b"},
		{link: "a**Ab", replacements: "#%", want: "a#%b"},
		{link: "a**\nb", replacements: "#%", want: "a#%\nb"},
		{link: "a**", replacements: "#%", want: "a#%"},
		{link: "a**", replacements: "#", reason: "more replacement characters"},
		{link: "**é", replacements: "##", reason: "(U+00E9), which is not a run length"},
		{link: "*é*", replacements: "é#", want: "éé#"},
	}
	for _, tt := range tests {
		got, reason := replaceURLDefenseTokens(tt.link, []rune(tt.replacements))
		if got != tt.want || !strings.Contains(reason, tt.reason) || (tt.reason == "") != (reason == "") {
			t.Errorf("replaceURLDefenseTokens(%q, %q) = %q, %q; want %q, reason with %q", tt.link, tt.replacements, got, reason, tt.want, tt.reason)
		}
	}
}

// TestUnwrapKeepsRecipientPrivate checks that nothing unwrap returns for a
// Safe Links address repeats its data or sdata values (they hold the
// recipient's address), nor the addresses inside them, whether it unwraps or
// fails.
func TestUnwrapKeepsRecipientPrivate(t *testing.T) {
	checked := 0
	for _, c := range readUnwrapCases(t) {
		u, err := ParseURL(c.input)
		if err != nil {
			t.Fatalf("%v: %v", c, err)
		}
		inner, name, err := unwrap(u)
		if name != nameSafeLinks {
			continue
		}
		returned := []string{inner, errorText(err)}
		var werr *WrapperError
		if errors.As(err, &werr) {
			returned = append(returned, werr.Reason, werr.Hint)
		}
		var secrets []string
		for _, pair := range strings.Split(u.Query, "&") {
			key, value, _ := strings.Cut(pair, "=")
			if key = strings.TrimPrefix(key, "amp;"); (key == "data" || key == "sdata") && value != "" {
				decoded := percentDecode(value)
				secrets = append(secrets, value, decoded)
				for _, field := range strings.Split(decoded, "|") {
					if strings.Contains(field, "@") {
						secrets = append(secrets, field)
					}
				}
			}
		}
		if len(secrets) == 0 {
			continue
		}
		checked++
		for _, s := range returned {
			for _, secret := range secrets {
				if strings.Contains(s, secret) {
					t.Errorf("%v: unwrap returned %q, which contains the recipient's %q", c, s, secret)
				}
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d Safe Links cases carry data or sdata; the test needs at least 10", checked)
	}
}

func FuzzUnwrap(f *testing.F) {
	for _, c := range readUnwrapCases(f) {
		f.Add(c.input)
	}
	f.Fuzz(func(t *testing.T, text string) {
		u, err := ParseURL(text)
		if err != nil {
			return
		}
		inner, name, err := unwrap(u)
		switch {
		case err != nil:
			var werr *WrapperError
			if !errors.As(err, &werr) {
				t.Fatalf("error %T is not a *WrapperError: %v", err, err)
			}
			if inner != "" || name == "" || werr.Wrapper != name || werr.Reason == "" {
				t.Fatalf("inconsistent failure: inner %q, name %q, error %+v", inner, name, werr)
			}
		case name == "":
			if inner != "" {
				t.Fatalf("inner %q without a wrapper name", inner)
			}
		case inner == "" || !utf8.ValidString(inner):
			t.Fatalf("%s returned an empty or invalid inner link %q", name, inner)
		}
	})
}

func BenchmarkUnwrap(b *testing.B) {
	var urls []*URL
	for _, c := range readUnwrapCases(b) {
		u, err := ParseURL(c.input)
		if err != nil {
			b.Fatal(err)
		}
		urls = append(urls, u)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, u := range urls {
			unwrap(u)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(urls)), "ns/link")
}
