package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

const goodLink = "https://myaccess.microsoft.com/@contoso.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11"

func run(t testing.TB, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCheckExitCodes(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  int
	}{
		{"ok argument", "", []string{"check", goodLink}, exitOK},
		{"warning argument", "", []string{"check", "https://myaccess.microsoft.com/#/access-packages/114d3459-3459-114d-5934-4d1159344d11"}, exitOK},
		{"error argument", "", []string{"check", "https://myaccess.microsoft.com/@contoso.com#/access-packages/114d"}, exitFound},
		{"danger argument", "", []string{"check", "javascript:alert(1)"}, exitFound},
		{"one bad of two", "", []string{"check", goodLink, "https://evil.example/"}, exitFound},
		{"stdin ok", goodLink + "\n" + goodLink + "\r\n", []string{"check"}, exitOK},
		{"stdin danger", goodLink + "\nhttps://evil.example/", []string{"check", "--json"}, exitFound},
		{"empty stdin", "", []string{"check"}, exitOK},
		{"blank lines on stdin", "\n" + goodLink + "\n\n \t\r\n", []string{"check", "--json"}, exitOK},
		{"empty argument", "", []string{"check", ""}, exitFound},
		{"bad flag", "", []string{"check", "--nope"}, exitUsage},
		{"no command", "", nil, exitUsage},
		{"unknown command", "", []string{"frobnicate"}, exitUsage},
	}
	for _, tt := range tests {
		if code, out, errOut := run(t, tt.stdin, tt.args...); code != tt.want {
			t.Errorf("%s: exit %d, want %d\nstdout: %s\nstderr: %s", tt.name, code, tt.want, out, errOut)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	input := strings.Join([]string{
		goodLink,
		"https://nam02.safelinks.protection.outlook.com/?url=" + strings.ReplaceAll(strings.ReplaceAll(goodLink, "/", "%2F"), "#", "%23") + "&data=05%7C01%7Cadele%40contoso.com%7Csecret&sdata=abc%3D&reserved=0",
		"https://myaccess.microsoft.com@evil.example/",
		"no link here",
	}, "\n")
	code, out, _ := run(t, input, "check", "--json")
	if code != exitFound {
		t.Fatalf("exit %d, want %d", code, exitFound)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines of JSON, want 4:\n%s", len(lines), out)
	}
	var got []map[string]any
	for _, line := range lines {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		for _, key := range []string{"input", "verdict", "link", "cloud", "host", "directoryHint", "accessPackageId", "unwrapped", "findings"} {
			if _, ok := obj[key]; !ok {
				t.Errorf("line %q lacks %q", line, key)
			}
		}
		got = append(got, obj)
	}
	if got[0]["verdict"] != "ok" || got[0]["link"] != goodLink || got[0]["cloud"] != "commercial" ||
		got[0]["directoryHint"] != "contoso.com" || got[0]["accessPackageId"] != "114d3459-3459-114d-5934-4d1159344d11" {
		t.Errorf("genuine link: %v", got[0])
	}
	if got[1]["verdict"] != "warning" || got[1]["link"] != goodLink || got[1]["host"] != "myaccess.microsoft.com" {
		t.Errorf("wrapped link: %v", got[1])
	}
	if unwrapped, _ := got[1]["unwrapped"].([]any); len(unwrapped) != 1 {
		t.Errorf("wrapped link: unwrapped = %v", got[1]["unwrapped"])
	}
	if strings.Contains(out, "adele") || strings.Contains(out, "secret") || strings.Contains(out, "abc%3D") {
		t.Errorf("output echoes Safe Links tracking data:\n%s", out)
	}
	if got[2]["verdict"] != "danger" || got[2]["host"] != "evil.example" || got[2]["link"] != "" {
		t.Errorf("userinfo link: %v", got[2])
	}
	findings, _ := got[3]["findings"].([]any)
	if got[3]["verdict"] != "error" || len(findings) != 1 || findings[0].(map[string]any)["code"] != "no-link" {
		t.Errorf("no link: %v", got[3])
	}
}

func TestCheckTextOutput(t *testing.T) {
	_, out, _ := run(t, "", "check", "https://myaccess.microsoft.com/@contoso.com#/access-packages/114d\x1b[2J")
	for _, want := range []string{"✗ ERROR", "package-id-invalid", "fix:", `\x1b`} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("text output passes a terminal escape through:\n%q", out)
	}
}

func TestCheckSeveralLinksOnALine(t *testing.T) {
	code, out, _ := run(t, goodLink+" and https://evil.example/\n", "check", "--json")
	var obj map[string]any
	if err := json.Unmarshal([]byte(out), &obj); err != nil {
		t.Fatal(err)
	}
	others, _ := obj["otherLinks"].([]any)
	if code != exitFound || obj["verdict"] != "danger" || len(others) != 1 {
		t.Errorf("exit %d, object %v", code, obj)
	}
}

func TestBuild(t *testing.T) {
	tests := []struct {
		args    []string
		code    int
		out     string
		errPart string
	}{
		{[]string{"build", "--hint", "Contoso.com", "--id", "{114D3459-3459-114D-5934-4D1159344D11}"}, exitOK, goodLink + "\n", ""},
		{[]string{"build", "--hint", "contoso.onmicrosoft.us", "--id", "114d3459-3459-114d-5934-4d1159344d11", "--cloud", "usgov"}, exitOK,
			"https://myaccess.microsoft.us/@contoso.onmicrosoft.us#/access-packages/114d3459-3459-114d-5934-4d1159344d11\n", ""},
		{[]string{"build", "--hint", "admin@contoso.com", "--id", "114d"}, exitFound, "", "hint-invalid"},
		{[]string{"build", "--hint", "contoso.com", "--id", "114d"}, exitFound, "", "package-id-invalid"},
		{[]string{"build", "--hint", "contoso.com"}, exitUsage, "", "required"},
		{[]string{"build", "--hint", "contoso.com", "--id", "x", "--cloud", "mars"}, exitUsage, "", "unknown cloud"},
		{[]string{"build", "--hint", "contoso.com", "--id", "x", "extra"}, exitUsage, "", "unexpected"},
	}
	for _, tt := range tests {
		code, out, errOut := run(t, "", tt.args...)
		if code != tt.code || out != tt.out || !strings.Contains(errOut, tt.errPart) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", tt.args, code, out, errOut)
		}
	}
}

// BenchmarkCheckJSON100k measures "accesslink check --json" over 100,000
// lines (the README's figure; the budget is under 1 s).
func BenchmarkCheckJSON100k(b *testing.B) {
	var in strings.Builder
	lines := []string{goodLink, "https://myaccess.microsoft.com/#/access-packages/114d3459-3459-114d-5934-4d1159344d11", "https://evil.example/x", "hxxps://myaccess[.]microsoft[.]com/@contoso.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11"}
	for i := 0; i < 100000; i++ {
		in.WriteString(lines[i%len(lines)])
		in.WriteByte('\n')
	}
	text := in.String()
	for b.Loop() {
		var out bytes.Buffer
		Run([]string{"check", "--json"}, strings.NewReader(text), &out, &out)
	}
}

// A host's Unicode form can hold a bidi override; shown raw it would
// reorder the line on screen.
func TestCheckTextEscapesHostCharacters(t *testing.T) {
	_, out, _ := run(t, "", "check", "https://xn--abcd-wd7a.example/")
	if !strings.Contains(out, `\u202e`) || strings.Contains(out, "\u202e") {
		t.Errorf("the host's bidi override is not escaped:\n%q", out)
	}
}
