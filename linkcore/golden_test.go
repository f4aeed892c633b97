package linkcore_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"accesslink/internal/golden"
	"accesslink/linkcore"
)

var update = flag.Bool("update", false, "rewrite the expectations in testdata/check from the current results")

// loadGolden reads every golden case file.
func loadGolden(t testing.TB) []golden.Case {
	files, err := filepath.Glob("testdata/check/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	var all []golden.Case
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		cases, err := golden.Parse(file, data)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, cases...)
	}
	return all
}

// summarize turns reports into the golden fields: the worst verdict, the
// first link's host and canonical link, and every code found.
func summarize(input string) golden.Case {
	reports := linkcore.Check(input)
	c := golden.Case{Input: input, Host: reports[0].Host(), Canonical: reports[0].Canonical()}
	for _, r := range reports {
		for _, f := range r.Findings {
			c.Codes = append(c.Codes, string(f.Code))
		}
	}
	c.Verdict = linkcore.Worst(reports).String()
	slices.Sort(c.Codes)
	c.Codes = slices.Compact(c.Codes)
	return c
}

func TestGolden(t *testing.T) {
	cases := loadGolden(t)
	if *update {
		rewriteGolden(t, cases)
		return
	}
	if len(cases) < 150 {
		t.Errorf("only %d golden cases; keep at least 150", len(cases))
	}
	for _, want := range cases {
		got := summarize(want.Input)
		if got.Verdict != want.Verdict || got.Host != want.Host || got.Canonical != want.Canonical || !slices.Equal(got.Codes, want.Codes) {
			t.Errorf("%s:%d: Check(%q)\n got: %s\nwant: %s", want.File, want.Line, want.Input, golden.Format(got), golden.Format(want))
		}
	}
}

// rewriteGolden writes the current results into the golden files, keeping
// comments and order, for review with git diff.
func rewriteGolden(t *testing.T, cases []golden.Case) {
	byFile := map[string]map[int]golden.Case{}
	for _, c := range cases {
		if byFile[c.File] == nil {
			byFile[c.File] = map[int]golden.Case{}
		}
		byFile[c.File][c.Line] = c
	}
	for file, lines := range byFile {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		out := strings.Split(string(data), "\n")
		for n, c := range lines {
			out[n-1] = golden.Format(summarize(c.Input))
		}
		if err := os.WriteFile(file, []byte(strings.Join(out, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
