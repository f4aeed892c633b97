package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"accesslink/internal/golden"
)

// readyData is where the readiness package keeps its JSON test data.
const readyData = "../linkcore/readiness/testdata/"

// runReadyWith runs "accesslink ready" with stdin as "-" input.
func runReadyWith(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(append([]string{"ready"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// goldenPart extracts one file of a readiness golden archive into a
// temporary file and returns its path.
func goldenPart(t *testing.T, archive, name string) string {
	t.Helper()
	data, err := os.ReadFile(readyData + "golden/" + archive + ".txtar")
	if err != nil {
		t.Fatal(err)
	}
	_, files := golden.ParseArchive(data)
	part, ok := files[name]
	if !ok {
		t.Fatalf("%s has no %s", archive, name)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, part, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadyExitCodes(t *testing.T) {
	pkg, orgs := readyData+"e2e-package.json", readyData+"e2e-orgs.json"
	link := "https://myaccess.microsoft.com/@woodgrove.onmicrosoft.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11"
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"member by default", []string{"--graph", pkg}, exitOK},
		{"partner in a listed organization", []string{"--graph", pkg, "--orgs", orgs, "--as", "external:litware.com"}, exitOK},
		{"partner by tenant ID", []string{"--graph", pkg, "--orgs", orgs, "--as", "external:b9e1c5a2-7d4f-4e3a-9c8b-1f2e3d4c5b6a", "--link", link}, exitOK},
		{"partner without organizations", []string{"--graph", pkg, "--as", "external:litware.com"}, exitFound},
		{"partner not listed", []string{"--graph", pkg, "--orgs", orgs, "--as", "external:wingtiptoys.com"}, exitFound},
		{"guest", []string{"--graph", pkg, "--as", "guest", "--json"}, exitFound},
		{"conditional is a yes", []string{"--graph", goldenPart(t, "specific-directory-users-member", "package.json")}, exitOK},
		{"catalog unpublished", []string{"--graph", goldenPart(t, "all-external-catalog-unpublished", "package.json"), "--as", "external:contoso.com"}, exitFound},
		{"graph error", []string{"--graph", goldenPart(t, "graph-error-denied", "package.json")}, exitUsage},
		{"invalid JSON", []string{"--graph", goldenPart(t, "trailing-comma", "package.json"), "--json"}, exitUsage},
		{"missing file", []string{"--graph", "no-such-file.json"}, exitUsage},
		{"no --graph", []string{"--as", "member"}, exitUsage},
		{"bad --as", []string{"--graph", pkg, "--as", "partner"}, exitUsage},
		{"external without directory", []string{"--graph", pkg, "--as", "external"}, exitUsage},
		{"not a portal link", []string{"--graph", pkg, "--link", "https://evil.example/#/access-packages/114d3459-3459-114d-5934-4d1159344d11"}, exitUsage},
		{"both from stdin", []string{"--graph", "-", "--orgs", "-"}, exitUsage},
		{"stray argument", []string{"--graph", pkg, "extra"}, exitUsage},
		{"unknown flag", []string{"--graph", pkg, "--nope"}, exitUsage},
	}
	for _, tt := range tests {
		if code, out, errOut := runReadyWith(t, "", tt.args...); code != tt.want {
			t.Errorf("%s: exit %d, want %d\nstdout: %s\nstderr: %s", tt.name, code, tt.want, out, errOut)
		}
	}
}

func TestReadyJSON(t *testing.T) {
	pkg, err := os.ReadFile(readyData + "e2e-package.json")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runReadyWith(t, string(pkg), "--graph", "-", "--orgs", readyData+"e2e-orgs.json", "--as", "external:litware.com", "--json",
		"--link", "https://myaccess.microsoft.com/@woodgrove.onmicrosoft.com#/access-packages/3f9a8c2e-1d4b-4e6f-8a7c-5b2d9e0f1c3a")
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	var got struct {
		CanRequest      *bool   `json:"canRequest"`
		VisibleInPortal *bool   `json:"visibleInPortal"`
		Policy          *string `json:"policy"`
		Findings        []struct {
			Code, Severity, Message, Fix string
		} `json:"findings"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	if err := dec.Decode(&got); err != nil || dec.More() {
		t.Fatalf("stdout is not one JSON object (%v):\n%s", err, out)
	}
	if got.CanRequest == nil || !*got.CanRequest || got.VisibleInPortal == nil || *got.VisibleInPortal || got.Policy == nil || *got.Policy != "Partner organizations" {
		t.Errorf("canRequest %v, visibleInPortal %v, policy %v; want true, false, Partner organizations", got.CanRequest, got.VisibleInPortal, got.Policy)
	}
	found := false
	for _, f := range got.Findings {
		if f.Code == "link-package-mismatch" {
			found = f.Severity == "error" && strings.Contains(f.Message, "3f9a8c2e-1d4b-4e6f-8a7c-5b2d9e0f1c3a") && f.Fix != ""
		}
	}
	if !found {
		t.Errorf("no link-package-mismatch error naming the link's package in %+v", got.Findings)
	}
}

func TestReadyJSONError(t *testing.T) {
	code, out, errOut := runReadyWith(t, "{\n  \"id\": \"x\",\n}\n", "--graph", "-", "--json")
	if code != exitUsage {
		t.Fatalf("exit %d, want %d", code, exitUsage)
	}
	var got struct {
		Error struct {
			Source       string
			Line, Column int
			Reason       string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out)
	}
	if got.Error.Line != 3 || got.Error.Column != 1 || got.Error.Source != "package JSON" || !strings.Contains(errOut, "line 3, column 1") {
		t.Errorf("error = %+v, stderr %q; want line 3, column 1 of the package JSON", got.Error, errOut)
	}
}

func TestReadyText(t *testing.T) {
	code, out, _ := runReadyWith(t, "", "--graph", readyData+"e2e-package.json", "--as", "external:litware.com")
	if code != exitFound {
		t.Fatalf("exit %d, want %d", code, exitFound)
	}
	for _, want := range []string{
		"Can request through the link: cannot tell from this JSON",
		"connected-organizations-needed",
		"Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/connectedOrganizations' | ConvertTo-Json -Depth 20",
		"Connect-MgGraph -Scopes 'EntitlementManagement.Read.All'",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runReadyWith(t, "", "--graph", readyData+"e2e-package.json", "--orgs", readyData+"e2e-orgs.json", "--as", "external:litware.com")
	for _, want := range []string{
		"Can request through the link: yes",
		"Listed in the My Access portal without the link: no, the package is hidden",
		`Policy that applies: "Partner organizations"`,
		"Stage 2: \"Project owners\" (groupMembers 1623f912-5e86-41c2-af47-39dd67582b66); decide within 7 days; approvers must justify",
		"Access lasts 90 days after it is granted.",
		"1. What country are you working from? (required; choices: Kenya, United States, Japan)",
	} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("exit %d; output lacks %q:\n%s", code, want, out)
		}
	}
	if strings.Contains(out, "Requests to fetch") {
		t.Errorf("complete data, yet the output asks to fetch more:\n%s", out)
	}
}

func TestReadyTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	if err := os.WriteFile(path, bytes.Repeat([]byte(" "), 9<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runReadyWith(t, "", "--graph", path)
	if code != exitUsage || !strings.Contains(errOut, "at most 8388608") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runReadyWith(t, strings.Repeat(" ", 9<<20), "--graph", "-")
	if code != exitUsage || !strings.Contains(errOut, "larger than 8388608") {
		t.Errorf("stdin: exit %d, stderr %q", code, errOut)
	}
}

// A policy with neither a name nor an ID still applies: its approval and
// expiration are printed, and given in the JSON.
func TestReadyUnnamedPolicy(t *testing.T) {
	pkg := goldenPart(t, "unnamed-policy", "package.json")
	code, out, _ := runReadyWith(t, "", "--graph", pkg)
	for _, want := range []string{"Approval: required, 1 stage(s)", "Stage 1: requestorManager", "Access lasts 30 days after it is granted."} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("exit %d; output lacks %q:\n%s", code, want, out)
		}
	}
	_, out, _ = runReadyWith(t, "", "--graph", pkg, "--json")
	var got struct {
		Approval *struct {
			Required bool `json:"required"`
		} `json:"approval"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.Approval == nil || !got.Approval.Required {
		t.Errorf("approval in JSON: %+v (%v)\n%s", got.Approval, err, out)
	}
}

// Texts from the tenant's JSON (a question, its choices, an approver's
// description) reach the terminal escaped.
func TestReadyTextEscapesTerminalSequences(t *testing.T) {
	data, err := os.ReadFile(readyData + "e2e-package.json")
	if err != nil {
		t.Fatal(err)
	}
	hostile := strings.Replace(string(data), "What country are you working from?", `Why?\u001b[2J\u001b]0;pwned\u0007\u202e`, 1)
	if hostile == string(data) {
		t.Fatal("the fixture's question changed; update this test")
	}
	pkg := filepath.Join(t.TempDir(), "package.json")
	if err := os.WriteFile(pkg, []byte(hostile), 0o600); err != nil {
		t.Fatal(err)
	}
	_, out, _ := runReadyWith(t, "", "--graph", pkg, "--orgs", readyData+"e2e-orgs.json", "--as", "external:litware.com")
	if !strings.Contains(out, `Why?\x1b[2J\x1b]0;pwned\x07\u202e`) {
		t.Errorf("the question is not shown escaped:\n%s", out)
	}
	if strings.ContainsAny(out, "\x1b\x07\u202e") {
		t.Errorf("output passes terminal controls through:\n%q", out)
	}
}
