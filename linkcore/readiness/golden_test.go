package readiness

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"accesslink/internal/golden"
	"accesslink/linkcore"
)

// A goldenCase is one testdata/golden/*.txtar archive: a comment saying what
// it shows, then the files "args" (lines "as: …" and "link: …"),
// "package.json", optionally "orgs.json", and "want".
//
// The want file has one "key: value" per line: answer, canRequest,
// visibleInPortal, policy, expiration, approvalStages (how many), questions
// (their texts, " | " between), codes (every finding code, space-separated,
// in any order), contains (text that some finding's message or fix holds;
// repeatable) and, for input that cannot be assessed, error (text the error
// holds; repeatable).
type goldenCase struct {
	name    string
	as      string
	link    string
	pkg     []byte
	orgs    []byte
	want    map[string][]string
	comment string
}

// readGolden reads every golden case.
func readGolden(t testing.TB) []goldenCase {
	t.Helper()
	paths, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	var cases []goldenCase
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		comment, files := golden.ParseArchive(data)
		c := goldenCase{name: strings.TrimSuffix(filepath.Base(path), ".txtar"), comment: comment,
			pkg: files["package.json"], orgs: files["orgs.json"], want: map[string][]string{}}
		for _, line := range lines(files["args"]) {
			key, value, _ := strings.Cut(line, ":")
			switch key {
			case "as":
				c.as = strings.TrimSpace(value)
			case "link":
				c.link = strings.TrimSpace(value)
			default:
				t.Fatalf("%s: unknown args line %q", path, line)
			}
		}
		for _, line := range lines(files["want"]) {
			key, value, ok := strings.Cut(line, ":")
			if !ok {
				t.Fatalf("%s: want line %q has no colon", path, line)
			}
			c.want[key] = append(c.want[key], strings.TrimSpace(value))
		}
		if c.pkg == nil || len(c.want) == 0 || strings.TrimSpace(c.comment) == "" {
			t.Fatalf("%s: needs a comment, package.json and want", path)
		}
		cases = append(cases, c)
	}
	return cases
}

// lines returns the non-empty lines of a small text file.
func lines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// linkFor reads the link of a case; a case's link must be a genuine portal
// link.
func linkFor(t testing.TB, text string) *linkcore.Link {
	t.Helper()
	if text == "" {
		return nil
	}
	r := linkcore.CheckLink(text)
	if r.Link == nil {
		t.Fatalf("link %q is not a genuine portal link", text)
	}
	return r.Link
}

func TestGolden(t *testing.T) {
	cases := readGolden(t)
	if len(cases) < 25 {
		t.Errorf("only %d golden cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			who, err := ParseRequestor(c.as)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Assess(c.pkg, c.orgs, who, linkFor(t, c.link))
			if wantErr := c.want["error"]; wantErr != nil {
				if err == nil {
					t.Fatalf("Assess succeeded (answer %s); want an error holding %q", res.Answer, wantErr)
				}
				if _, ok := err.(*InputError); !ok {
					t.Errorf("error is %T, want *InputError", err)
				}
				for _, w := range wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q\ndoes not hold %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("Assess: %v", err)
			}
			check := func(key, got string) {
				if want, ok := c.want[key]; ok && got != want[0] {
					t.Errorf("%s = %q, want %q", key, got, want[0])
				}
			}
			check("answer", res.Answer)
			check("canRequest", strconv.FormatBool(res.CanRequest))
			check("visibleInPortal", strconv.FormatBool(res.VisibleInPortal))
			check("policy", res.Policy)
			check("expiration", res.Expiration)
			stages := 0
			if res.Approval != nil {
				stages = len(res.Approval.Stages)
			}
			check("approvalStages", strconv.Itoa(stages))
			var questions []string
			for _, q := range res.Questions {
				questions = append(questions, q.Text)
			}
			check("questions", strings.Join(questions, " | "))
			var codes []string
			var text strings.Builder
			for _, f := range res.Findings {
				codes = append(codes, string(f.Code))
				text.WriteString(f.Message + "\n" + f.Fix + "\n")
			}
			sort.Strings(codes)
			check("codes", strings.Join(codes, " "))
			for _, w := range c.want["contains"] {
				if !strings.Contains(text.String(), w) {
					t.Errorf("no finding holds %q; findings:\n%s", w, text.String())
				}
			}
			for _, key := range []string{"answer", "canRequest", "visibleInPortal", "policy", "codes"} {
				if _, ok := c.want[key]; !ok {
					t.Errorf("want has no %s", key)
				}
			}
		})
	}
}
