package readiness

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"accesslink/linkcore"
)

func TestParseRequestor(t *testing.T) {
	tests := []struct {
		in      string
		want    Requestor
		wantErr string
	}{
		{"member", Requestor{Kind: Member}, ""},
		{" Guest ", Requestor{Kind: Guest}, ""},
		{"external:contoso.com", Requestor{Kind: External, Directory: "contoso.com"}, ""},
		{"EXTERNAL:Contoso.COM", Requestor{Kind: External, Directory: "contoso.com"}, ""},
		{"external:alice@contoso.com", Requestor{Kind: External, Directory: "contoso.com"}, ""},
		{"external:{7C3E4F1A-9B2D-4C5E-8F6A-1B2C3D4E5F60}", Requestor{Kind: External, Directory: "7c3e4f1a-9b2d-4c5e-8f6a-1b2c3d4e5f60"}, ""},
		{"external:bücher.example", Requestor{Kind: External, Directory: "xn--bcher-kva.example"}, ""},
		{"external", Requestor{}, "name the user's home directory"},
		{"external:", Requestor{}, "name the user's home directory"},
		{"external:contoso", Requestor{}, "at least two labels"},
		{"guest:contoso.com", Requestor{}, "external:contoso.com"},
		{"member:contoso.com", Requestor{}, "write just \"member\""},
		{"partner", Requestor{}, "say member, guest, or external"},
		{"", Requestor{}, "say member, guest, or external"},
	}
	for _, tt := range tests {
		got, err := ParseRequestor(tt.in)
		if tt.wantErr != "" {
			var re *RequestorError
			if !errors.As(err, &re) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseRequestor(%q) error = %v, want a *RequestorError holding %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseRequestor(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
		if again, err := ParseRequestor(got.Flag()); err != nil || again != got {
			t.Errorf("ParseRequestor(%q.Flag() = %q) = %+v, %v; want a round trip", tt.in, got.Flag(), again, err)
		}
	}
}

func TestDurationWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"P365D", "365 days"},
		{"P1D", "1 day"},
		{"P14D", "14 days"},
		{"P2W", "2 weeks"},
		{"P1Y6M", "1 year and 6 months"},
		{"PT8H", "8 hours"},
		{"PT1H30M", "1 hour and 30 minutes"},
		{"P1DT12H", "1 day and 12 hours"},
		{"PT0S", "0 seconds"},
		{"p90d", "90 days"},
		{"P", `"P"`},
		{"365", `"365"`},
		{"P5X", `"P5X"`},
		{"PT5D", `"PT5D"`},
		{"P5H", `"P5H"`},
		{"P5", `"P5"`},
	}
	for _, tt := range tests {
		if got := durationWords(tt.in); got != tt.want {
			t.Errorf("durationWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExpirationWords(t *testing.T) {
	tests := []struct{ kind, duration, end, want string }{
		{"noExpiration", "", "", "Access does not expire."},
		{"afterDuration", "P365D", "", "Access lasts 365 days after it is granted."},
		{"afterDuration", "", "", "Access ends after a duration the policy does not give."},
		{"afterDateTime", "", "2026-12-31T17:00:00Z", "Access ends on 31 December 2026 at 17:00 UTC."},
		{"afterDateTime", "", "next year", `Access ends at "next year".`},
		{"notSpecified", "", "", "The policy does not say when access ends."},
		{"", "P30D", "", "Access lasts 30 days after it is granted."},
		{"sometimes", "", "", `The policy's expiration type "sometimes" is not one this checker knows.`},
	}
	for _, tt := range tests {
		if got := expirationWords(tt.kind, tt.duration, tt.end); got != tt.want {
			t.Errorf("expirationWords(%q, %q, %q) = %q, want %q", tt.kind, tt.duration, tt.end, got, tt.want)
		}
	}
}

func TestEntitySet(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://graph.microsoft.com/v1.0/$metadata#identityGovernance/entitlementManagement/accessPackages(catalog(),assignmentPolicies())/$entity", "accessPackages"},
		{"https://graph.microsoft.com/v1.0/$metadata#identityGovernance/entitlementManagement/catalogs/$entity", "catalogs"},
		{"https://graph.microsoft.com/v1.0/$metadata#identityGovernance/entitlementManagement/accessPackages('114d3459-3459-114d-5934-4d1159344d11')/assignmentPolicies", "assignmentPolicies"},
		{"https://graph.microsoft.com/v1.0/$metadata#identityGovernance/entitlementManagement/connectedOrganizations", "connectedOrganizations"},
		{"https://graph.microsoft.com/v1.0/$metadata", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := entitySet(tt.in); got != tt.want {
			t.Errorf("entitySet(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// e2e reads the realistic package and connected organizations kept for the
// page's end-to-end test.
func e2e(t testing.TB) (pkg, orgs []byte) {
	t.Helper()
	pkg, err := os.ReadFile("testdata/e2e-package.json")
	if err != nil {
		t.Fatal(err)
	}
	orgs, err = os.ReadFile("testdata/e2e-orgs.json")
	if err != nil {
		t.Fatal(err)
	}
	return pkg, orgs
}

// TestE2EAnswers pins the answers the page's end-to-end test relies on.
func TestE2EAnswers(t *testing.T) {
	pkg, orgs := e2e(t)
	tests := []struct {
		as       string
		withOrgs bool
		answer   string
		policy   string
		code     linkcore.Code // a finding the answer must have, "" for none
	}{
		{"external:litware.com", true, AnswerYes, "Partner organizations", CodeSponsorApprover},
		{"external:litware.com", false, AnswerUnknown, "", CodeOrgsNeeded},
		{"external:b9e1c5a2-7d4f-4e3a-9c8b-1f2e3d4c5b6a", true, AnswerYes, "Partner organizations", ""},
		{"external:fabrikam.com", true, AnswerUnknown, "", CodeOrgUnverifiable},
		{"external:wingtiptoys.com", true, AnswerNo, "", CodeOutOfScope},
		{"external:tailspintoys.com", true, AnswerUnknown, "", CodeOrgUnverifiable}, // Fabrikam is known by tenant ID only
		{"member", false, AnswerYes, "Employees", CodeHidden},
		{"guest", false, AnswerNo, "", CodeNotInScope},
	}
	for _, tt := range tests {
		who, err := ParseRequestor(tt.as)
		if err != nil {
			t.Fatal(err)
		}
		var o []byte
		if tt.withOrgs {
			o = orgs
		}
		res, err := Assess(pkg, o, who, nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.as, err)
		}
		if res.Answer != tt.answer || res.Policy != tt.policy || res.VisibleInPortal {
			t.Errorf("%s (orgs %v): answer %q, policy %q, visible %v; want %q, %q, false (the package is hidden)",
				tt.as, tt.withOrgs, res.Answer, res.Policy, res.VisibleInPortal, tt.answer, tt.policy)
		}
		if tt.code != "" && !hasCode(res, tt.code) {
			t.Errorf("%s (orgs %v): no %s finding in %v", tt.as, tt.withOrgs, tt.code, res.Findings)
		}
	}
}

func hasCode(res *Result, code linkcore.Code) bool {
	for _, f := range res.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

func TestResultJSON(t *testing.T) {
	pkg, orgs := e2e(t)
	who, _ := ParseRequestor("external:litware.com")
	res, err := Assess(pkg, orgs, who, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	var got struct {
		CanRequest      *bool   `json:"canRequest"`
		VisibleInPortal *bool   `json:"visibleInPortal"`
		Policy          *string `json:"policy"`
		Answer          string  `json:"answer"`
		Requestor       string  `json:"requestor"`
		Approval        struct {
			Required bool
			Stages   []struct {
				Approvers []Subject `json:"approvers"`
			}
		} `json:"approval"`
		Findings []map[string]string `json:"findings"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.CanRequest == nil || !*got.CanRequest || got.VisibleInPortal == nil || *got.VisibleInPortal ||
		got.Policy == nil || *got.Policy != "Partner organizations" || got.Answer != "yes" || got.Requestor != "external:litware.com" {
		t.Errorf("JSON = %s", b)
	}
	if !got.Approval.Required || len(got.Approval.Stages) != 2 || got.Approval.Stages[0].Approvers[0].Type != "internalSponsors" {
		t.Errorf("approval in JSON = %+v", got.Approval)
	}
	for _, f := range got.Findings {
		if f["code"] == "" || f["message"] == "" || (f["severity"] != "info" && f["severity"] != "warning" && f["severity"] != "error") {
			t.Errorf("finding %v lacks code, message or a severity word", f)
		}
	}
	if bytes.Contains(b, []byte(`\u003e`)) {
		t.Errorf("JSON escapes > as \\u003e: %s", b)
	}
}

// TestCodeTable checks that every code constant is documented once, and
// every documented code is declared.
func TestCodeTable(t *testing.T) {
	src, err := os.ReadFile("codes.go")
	if err != nil {
		t.Fatal(err)
	}
	declared := regexp.MustCompile(`(?m)^\s+Code\w+\s+linkcore\.Code = "([a-z-]+)"`).FindAllStringSubmatch(string(src), -1)
	seen := map[linkcore.Code]bool{}
	for _, c := range CodeTable {
		if seen[c.Code] {
			t.Errorf("code %q is in CodeTable twice", c.Code)
		}
		seen[c.Code] = true
		if c.Meaning == "" || c.Severity > linkcore.Error {
			t.Errorf("code %q: meaning %q, severity %v", c.Code, c.Meaning, c.Severity)
		}
	}
	if len(declared) != len(CodeTable) {
		t.Errorf("%d codes declared, %d in CodeTable", len(declared), len(CodeTable))
	}
	for _, m := range declared {
		if !seen[linkcore.Code(m[1])] {
			t.Errorf("code %q is not in CodeTable", m[1])
		}
	}
}

// TestHostile feeds input that must give a precise *InputError quickly.
func TestHostile(t *testing.T) {
	utf16le := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	big := append([]byte(`{"id":"114d3459-3459-114d-5934-4d1159344d11","description":"`), bytes.Repeat([]byte("a"), 9<<20)...)
	big = append(big, `"}`...)
	tests := []struct {
		name       string
		in         []byte
		line, col  int
		wantReason string
	}{
		{"100k brackets", bytes.Repeat([]byte("["), 100_000), 1, MaxDepth + 1, "nests deeper than 64"},
		{"100k braces in a value", append([]byte(`{"a":`), bytes.Repeat([]byte(`{"a":`), 100_000)...), 1, 5*MaxDepth + 1, "nests deeper"},
		{"9 MiB", big, 0, 0, "9.0 MiB; the checker reads at most 8.0 MiB"},
		{"NUL bytes", []byte("{\"id\":\x00}"), 1, 7, "binary file"},
		{"a PNG", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 3, 1, "binary file"},
		{"Latin-1", []byte("{\"displayName\":\"Caf\xe9\"}"), 1, 20, "byte 0xE9 is not UTF-8"},
		{"empty", nil, 0, 0, "it is empty"},
		{"spaces", []byte(" \n\t "), 0, 0, "it is empty"},
		{"null", []byte("null"), 1, 1, "starts with 'n'"},
		{"number", []byte("42"), 1, 1, "starts with '4'"},
		{"string", []byte(`"id"`), 1, 1, "holds no JSON object"},
		{"array of numbers", []byte("[1,2]"), 0, 0, "item 1 of the list is the number 1"},
		{"empty array", []byte("[]"), 0, 0, "the list is empty"},
		{"empty object", []byte("{}"), 0, 0, "empty object"},
		{"two documents", []byte(`{"id":"a"} {"id":"b"}`), 0, 0, "2 JSON documents"},
		{"unknown object", []byte(`{"name":"x","size":3}`), 0, 0, "its fields are name, size"},
		{"odd UTF-16", []byte{0xFF, 0xFE, 0x7B}, 0, 0, "odd number of bytes"},
		{"bad string escape", []byte(`{"id":"\q"}`), 1, 9, "invalid character 'q'"},
		{"OAuth error", []byte(`{"error":"invalid_grant","error_description":"AADSTS50173: The provided grant has expired."}`), 0, 0, "sign in again"},
	}
	for _, tt := range tests {
		_, err := Assess(tt.in, nil, Requestor{Kind: Member}, nil)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: error = %v, want an *InputError", tt.name, err)
			continue
		}
		if ie.Line != tt.line || ie.Column != tt.col || !strings.Contains(ie.Reason, tt.wantReason) {
			t.Errorf("%s: got line %d, column %d, %q; want %d, %d, holding %q", tt.name, ie.Line, ie.Column, ie.Reason, tt.line, tt.col, tt.wantReason)
		}
	}

	// Encodings Windows tools write are read, not refused.
	pkg, _ := e2e(t)
	for name, in := range map[string][]byte{
		"UTF-8 BOM":        append([]byte{0xEF, 0xBB, 0xBF}, pkg...),
		"UTF-16 LE":        utf16le(string(pkg)),
		"CRLF":             bytes.ReplaceAll(pkg, []byte("\n"), []byte("\r\n")),
		"PowerShell array": append(append([]byte("["), pkg...), ']'),
	} {
		res, err := Assess(in, nil, Requestor{Kind: Member}, nil)
		if err != nil || res.Policy != "Employees" {
			t.Errorf("%s: %v, %+v", name, err, res)
		}
	}
}

// TestLimits checks that many wrong fields and many policies give a bounded
// answer.
func TestLimits(t *testing.T) {
	var policies []string
	for i := 0; i < 1000; i++ {
		policies = append(policies, `{"displayName":"p","allowedTargetScope":"notSpecified","requestorSettings":{"enableTargetsToSelfAddAccess":"no"}}`)
	}
	pkg := `{"id":"114d3459-3459-114d-5934-4d1159344d11","isHidden":false,"catalog":{"state":"published","isExternallyVisible":true},"assignmentPolicies":[` + strings.Join(policies, ",") + `]}`
	res, err := Assess([]byte(pkg), nil, Requestor{Kind: Member}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) > maxFindings+1 {
		t.Errorf("%d findings, want at most %d", len(res.Findings), maxFindings+1)
	}
	wrong := 0
	for _, f := range res.Findings {
		if f.Code == CodeWrongType {
			wrong++
		}
	}
	if wrong != maxWrongTypeFindings+1 || !hasCode(res, CodeTruncated) || res.Answer != AnswerNo {
		t.Errorf("wrong-type findings %d (want %d), truncated %v, answer %s", wrong, maxWrongTypeFindings+1, hasCode(res, CodeTruncated), res.Answer)
	}
}

// RequestsFor follows the link, else the JSON: its Graph host and its ID.
func TestRequestsFor(t *testing.T) {
	const id, other = "114d3459-3459-114d-5934-4d1159344d11", "0b4fd4f9-1d1e-4d5b-8a46-4e8c5f0b2a11"
	usgov, _ := linkcore.CloudByID("usgov")
	govJSON := []byte(`{"@odata.context":"https://graph.microsoft.us/v1.0/$metadata#accessPackages/$entity","id":"` + other + `","catalog":{"state":"published","isExternallyVisible":true},"assignmentPolicies":[]}`)
	res, err := Assess(govJSON, nil, Requestor{Kind: Member}, nil)
	if err != nil {
		t.Fatal(err)
	}
	link := func(text string) *linkcore.Link { return linkcore.CheckLink(text).Link }
	for _, tt := range []struct {
		name      string
		link      *linkcore.Link
		res       *Result
		cloud     linkcore.Cloud
		packageID string
	}{
		{"nothing", nil, nil, linkcore.DefaultCloud, ""},
		{"JSON from graph.microsoft.us", nil, res, usgov, other},
		{"request link", link("https://myaccess.microsoft.com/@contoso.com#/access-packages/" + id), res, linkcore.DefaultCloud, id},
		{"link without a package", link("https://myaccess.microsoft.us/@contoso.com"), res, usgov, other},
	} {
		if got, want := RequestsFor(tt.link, tt.res), Requests(tt.cloud, tt.packageID); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", tt.name, got, want)
		}
	}
}

func TestRequests(t *testing.T) {
	commercial := Requests(linkcore.DefaultCloud, "{114D3459-3459-114D-5934-4D1159344D11}")
	if len(commercial) != 2 {
		t.Fatalf("%d requests, want 2", len(commercial))
	}
	want := "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages/114d3459-3459-114d-5934-4d1159344d11?$expand=catalog,assignmentPolicies"
	if commercial[0].URL != want || commercial[0].Input != SourcePackage {
		t.Errorf("package request = %q, want %q", commercial[0].URL, want)
	}
	if ps := commercial[0].PowerShell; ps != "Invoke-MgGraphRequest -Method GET -Uri '"+want+"' | ConvertTo-Json -Depth 20" {
		t.Errorf("PowerShell = %q", ps)
	}
	if commercial[1].URL != "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/connectedOrganizations" || commercial[1].Input != SourceOrganizations {
		t.Errorf("organizations request = %q", commercial[1].URL)
	}
	for _, r := range commercial {
		if r.Permission != "EntitlementManagement.Read.All" || r.Connect != "Connect-MgGraph -Scopes 'EntitlementManagement.Read.All'" {
			t.Errorf("%s: permission %q, connect %q", r.Purpose, r.Permission, r.Connect)
		}
	}
	usgov, _ := linkcore.CloudByID("usgov")
	gov := Requests(usgov, "not an id")
	if !strings.HasPrefix(gov[0].URL, "https://graph.microsoft.us/v1.0/") || !strings.Contains(gov[0].URL, "/accessPackages/{accessPackageId}?") ||
		!strings.HasSuffix(gov[0].Connect, "-Environment USGov") {
		t.Errorf("US Government request = %q, connect %q", gov[0].URL, gov[0].Connect)
	}
}

func BenchmarkAssess(b *testing.B) {
	pkg, orgs := e2e(b)
	who, _ := ParseRequestor("external:litware.com")
	b.SetBytes(int64(len(pkg) + len(orgs)))
	for b.Loop() {
		if _, err := Assess(pkg, orgs, who, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssessLargest: two inputs of 8 MiB, 42,000 policies and 106,000
// connected organizations; a step quadratic in their numbers shows here.
func BenchmarkAssessLargest(b *testing.B) {
	who, _ := ParseRequestor("external:contoso.com")
	for _, state := range []string{"configured", "proposed"} {
		b.Run(state, func(b *testing.B) {
			pkg, orgs := largestInputs(state)
			b.SetBytes(int64(len(pkg) + len(orgs)))
			for b.Loop() {
				if _, err := Assess(pkg, orgs, who, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func FuzzAssess(f *testing.F) {
	for _, c := range readGolden(f) {
		f.Add(c.pkg, c.orgs, c.as, c.link)
	}
	f.Fuzz(func(t *testing.T, pkg, orgs []byte, as, linkText string) {
		who, err := ParseRequestor(as)
		if err != nil {
			who = Requestor{Kind: External, Directory: "contoso.com"}
		}
		res, err := Assess(pkg, orgs, who, linkcore.CheckLink(linkText).Link)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Reason == "" {
				t.Fatalf("error %v is not an *InputError with a reason", err)
			}
			return
		}
		if res.CanRequest != (res.Answer == AnswerYes || res.Answer == AnswerConditional) {
			t.Fatalf("canRequest %v with answer %q", res.CanRequest, res.Answer)
		}
		if res.VisibleInPortal && !res.CanRequest {
			t.Fatal("visible in the portal but cannot request")
		}
		if res.Answer == AnswerNo && res.Findings[0].Severity != linkcore.Error {
			t.Fatalf("answer no without an error finding first: %v", res.Findings)
		}
		if _, err := json.Marshal(res); err != nil {
			t.Fatal(err)
		}
	})
}

// TestOrgsPages checks that connected organization pages given one after
// another are all read, and that a package given as organizations is named.
func TestOrgsPages(t *testing.T) {
	pkg, orgs := e2e(t)
	page2 := `{"value":[{"id":"35ff48a8-e9d8-4405-8425-0b23694287a4","displayName":"Litware","state":"configured",
		"identitySources":[{"@odata.type":"#microsoft.graph.domainIdentitySource","domainName":"litware.com"}]}]}`
	page1 := `{"value":[],"@odata.nextLink":"https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/connectedOrganizations?$skiptoken=x"}`
	who, _ := ParseRequestor("external:litware.com")
	res, err := Assess(pkg, []byte(page1+"\n"+page2), who, nil)
	if err != nil || res.Answer != AnswerYes || !hasCode(res, CodeOrgsPaged) {
		t.Errorf("two pages: %v, answer %v, paged finding %v", err, res.Answer, hasCode(res, CodeOrgsPaged))
	}
	_, err = Assess(pkg, pkg, who, nil)
	var ie *InputError
	if !errors.As(err, &ie) || ie.Source != SourceOrganizations || !strings.Contains(ie.Reason, "looks like an access package") {
		t.Errorf("package as organizations: %v", err)
	}
	if _, err := Assess(orgs, nil, who, nil); err == nil || !strings.Contains(err.Error(), "looks like a connected organization") {
		t.Errorf("organizations as package: %v", err)
	}
}

// largestInputs returns a package and a connected-organizations list, each
// just under MaxInputBytes and full of policies and organizations in the
// given state.
func largestInputs(orgState string) (pkg, orgs []byte) {
	var p, o bytes.Buffer
	p.WriteString(`{"id":"114d3459-3459-114d-5934-4d1159344d11","catalog":{"state":"published","isExternallyVisible":true},"assignmentPolicies":[`)
	for i := 0; p.Len() < MaxInputBytes-300; i++ {
		if i > 0 {
			p.WriteByte(',')
		}
		scope := []string{"allExternalUsers", "specificConnectedOrganizationUsers", "allConfiguredConnectedOrganizationUsers"}[i%3]
		fmt.Fprintf(&p, `{"displayName":"p%d","allowedTargetScope":%q,"specificAllowedTargets":[{"connectedOrganizationId":"o%d"}],"requestorSettings":{"enableTargetsToSelfAddAccess":true}}`, i, scope, i)
	}
	p.WriteString(`]}`)
	o.WriteString(`{"value":[`)
	for i := 0; o.Len() < MaxInputBytes-300; i++ {
		if i > 0 {
			o.WriteByte(',')
		}
		fmt.Fprintf(&o, `{"id":"o%d","state":%q,"identitySources":[{"tenantId":"t%d"}]}`, i, orgState, i)
	}
	o.WriteString(`]}`)
	return p.Bytes(), o.Bytes()
}

// TestLargestInputs: the largest inputs Assess accepts are answered, with
// the findings capped. How fast is BenchmarkAssessLargest's business.
func TestLargestInputs(t *testing.T) {
	who, _ := ParseRequestor("external:contoso.com")
	for _, state := range []string{"configured", "proposed"} {
		pkg, orgs := largestInputs(state)
		res, err := Assess(pkg, orgs, who, nil)
		if err != nil {
			t.Fatal(err)
		}
		// Every third policy is for all external users: the answer is yes
		// whatever the organizations' state.
		if len(res.Findings) > maxFindings+1 || res.Answer != AnswerYes || !hasCode(res, CodeSeveralPolicies) {
			t.Errorf("organizations %s: %d findings, answer %s", state, len(res.Findings), res.Answer)
		}
	}
}

func TestStageAndQuestionSummaries(t *testing.T) {
	group := Subject{Type: "groupMembers", ID: "1623f912-5e86-41c2-af47-39dd67582b66", Description: "Project owners"}
	stages := []struct {
		stage Stage
		want  string
	}{
		{Stage{}, "no approver named"},
		{Stage{Approvers: []Subject{{Type: "requestorManager"}}, DecideWithin: "14 days"}, "requestorManager; decide within 14 days"},
		{Stage{Approvers: []Subject{{Type: "internalSponsors"}, group}, FallbackApprovers: []Subject{{Type: "externalSponsors"}},
			EscalationApprovers: []Subject{group}, JustificationRequired: true},
			`internalSponsors and "Project owners" (groupMembers 1623f912-5e86-41c2-af47-39dd67582b66); fallback externalSponsors; ` +
				`escalation "Project owners" (groupMembers 1623f912-5e86-41c2-af47-39dd67582b66); approvers must justify`},
	}
	for _, tt := range stages {
		if got := tt.stage.Summary(); got != tt.want {
			t.Errorf("%+v.Summary() = %q, want %q", tt.stage, got, tt.want)
		}
	}
	questions := []struct {
		question Question
		want     string
	}{
		{Question{Text: "Why?"}, "Why?"},
		{Question{Text: "Why?", Required: true}, "Why? (required)"},
		{Question{Text: "Where?", Required: true, Choices: []string{"Kenya", "Japan"}}, "Where? (required; choices: Kenya, Japan)"},
		{Question{Text: "Where?", Choices: []string{"Kenya"}}, "Where? (choices: Kenya)"},
	}
	for _, tt := range questions {
		if got := tt.question.Summary(); got != tt.want {
			t.Errorf("%+v.Summary() = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// Every cloud linkcore knows has its Microsoft Graph here, and each Graph
// host leads back to its cloud.
func TestEveryCloudHasAGraph(t *testing.T) {
	for _, c := range linkcore.Clouds {
		g, ok := graphClouds[c.ID]
		if !ok || g.host == "" {
			t.Errorf("cloud %q has no Graph host in graphClouds", c.ID)
			continue
		}
		for _, host := range append([]string{g.host}, g.otherHosts...) {
			if back, ok := cloudOfGraphHost(host); !ok || back != c {
				t.Errorf("cloudOfGraphHost(%q) = %v, %v; want %v", host, back, ok, c)
			}
		}
	}
	if c, ok := cloudOfGraphHost("graph.example"); ok {
		t.Errorf("cloudOfGraphHost(graph.example) = %v", c)
	}
}

func TestNeedsData(t *testing.T) {
	for _, tt := range []struct {
		codes []linkcore.Code
		want  bool
	}{
		{nil, false},
		{[]linkcore.Code{CodeHidden, CodeNotShown}, false},
		{[]linkcore.Code{CodeHidden, CodeOrgsNeeded}, true},
		{[]linkcore.Code{CodePowerShellDepth}, true},
	} {
		res := &Result{}
		for _, c := range tt.codes {
			res.Findings = append(res.Findings, linkcore.Finding{Code: c})
		}
		if got := res.NeedsData(); got != tt.want {
			t.Errorf("NeedsData with %v = %v, want %v", tt.codes, got, tt.want)
		}
	}
}
