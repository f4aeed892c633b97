package linkcore

import (
	"strings"
	"testing"
)

func TestRedactTracking(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://x.safelinks.protection.outlook.com/?url=u&data=05%7Cadele%40contoso.com&sdata=abc%3D&reserved=0",
			"https://x.safelinks.protection.outlook.com/?url=u&data=[removed]&sdata=[removed]&reserved=0"},
		{"https://x/?data=secret", "https://x/?data=[removed]"},
		{"https://x/?url=u&amp;data=secret&amp;reserved=0", "https://x/?url=u&amp;data=[removed]&amp;reserved=0"},
		{"https://urldefense.com/v3/__https://x/?url=u*26data*3D05*7Cadele*40contoso.com*26reserved*3D0__;!!a$",
			"https://urldefense.com/v3/__https://x/?url=u*26data*3D[removed]*26reserved*3D0__;!!a$"},
		{"https://urldefense.proofpoint.com/v2/url?u=https-3A__x_-3Furl-3Du-26data-3Dadele-40contoso.com-26reserved-3D0&d=D&r=recipient&m=m",
			"https://urldefense.proofpoint.com/v2/url?u=https-3A__x_-3Furl-3Du-26data-3D[removed]-26reserved-3D0&d=D&r=[removed]&m=m"},
		{"https://x/?url=https%3A%2F%2Fy%2F%3Fa%3D1%26data%3Dadele%2540contoso.com%26b%3D2",
			"https://x/?url=https%3A%2F%2Fy%2F%3Fa%3D1%26data%3D[removed]%26b%3D2"},
		{"https://x/?metadata=kept&r2=kept&dat=kept", "https://x/?metadata=kept&r2=kept&dat=kept"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := RedactTracking(tt.in); got != tt.want {
			t.Errorf("RedactTracking(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestCheckNeverEchoesRecipients runs the real wrapped links of
// testdata/unwrap.txt through Check: no output may hold the recipient's
// address that the gateways recorded in them.
func TestCheckNeverEchoesRecipients(t *testing.T) {
	checked := 0
	for _, c := range readUnwrapCases(t) {
		input := c.input
		secrets := trackingValues(input)
		for _, r := range Check(input) {
			checked++
			out := r.Input
			for _, f := range r.Findings {
				out += " " + f.Message + " " + f.Fix
			}
			for _, secret := range secrets {
				if strings.Contains(out, secret) {
					t.Errorf("Check(%.80q…) echoes the tracking value %q", input, secret)
				}
			}
		}
	}
	if checked < 30 {
		t.Fatalf("only %d wrapped links checked", checked)
	}
}

// trackingValues returns the start of every data= or sdata= value in s, in
// the spellings nested wrappers give them.
func trackingValues(s string) []string {
	var values []string
	for _, name := range []string{"data", "sdata"} {
		for _, eq := range []string{"=", "%3D", "*3D", "-3D"} {
			for rest := s; ; {
				i := strings.Index(rest, name+eq)
				if i < 0 {
					break
				}
				rest = rest[i+len(name+eq):]
				if value := rest[:min(len(rest), 16)]; len(value) >= 8 {
					values = append(values, value)
				}
			}
		}
	}
	return values
}
