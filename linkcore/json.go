package linkcore

// ReportJSON is the stable JSON form of a Report, shared by
// "accesslink check --json" and the page's batch export. Scripts match on
// these names.
type ReportJSON struct {
	Input           string    `json:"input"`
	Verdict         string    `json:"verdict"`
	Link            string    `json:"link"` // canonical; empty when none
	Cloud           string    `json:"cloud"`
	Host            string    `json:"host"` // what the browser connects to, after unwrapping
	HostUnicode     string    `json:"hostUnicode,omitempty"`
	DirectoryHint   string    `json:"directoryHint"`
	HintKind        string    `json:"directoryHintKind"`
	AccessPackageID string    `json:"accessPackageId"`
	Page            string    `json:"page,omitempty"`
	Unwrapped       []string  `json:"unwrapped"` // outermost first
	Findings        []Finding `json:"findings"`
}

// JSON returns the report's JSON form. input is the text the report came
// from, shown as given unless a gateway wrapped the link, in which case its
// tracking data is removed.
func (r *Report) JSON(input string) ReportJSON {
	if len(r.Unwrapped) > 0 {
		input = RedactTracking(input)
	}
	j := ReportJSON{
		Input:     input,
		Verdict:   r.Verdict.String(),
		Link:      r.Canonical(),
		Host:      r.Host(),
		Unwrapped: r.Unwrapped,
		Findings:  r.Findings,
	}
	if j.Unwrapped == nil {
		j.Unwrapped = []string{}
	}
	if j.Findings == nil {
		j.Findings = []Finding{}
	}
	if u := r.HostUnicode(); u != j.Host {
		j.HostUnicode = u
	}
	if l := r.Link; l != nil {
		j.Cloud = l.Cloud.ID
		j.DirectoryHint = l.Hint.Value
		j.HintKind = l.Hint.Kind.String()
		if l.IsRequest() {
			j.AccessPackageID = l.PackageID.String()
		}
		j.Page = l.Page.Name
	}
	return j
}

// MarshalJSON writes a finding as {"code", "severity", "message", "fix"},
// with the severity as a word ("info", "warning", "error", "danger"). It
// leaves <, > and & as they are: messages say "admin center > Policies",
// and whatever shows them renders text, never markup.
func (f Finding) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 64+len(f.Message)+len(f.Fix))
	b = append(b, `{"code":`...)
	b = appendJSONString(b, string(f.Code))
	b = append(b, `,"severity":`...)
	b = appendJSONString(b, f.Severity.Label())
	b = append(b, `,"message":`...)
	b = appendJSONString(b, f.Message)
	if f.Fix != "" {
		b = append(b, `,"fix":`...)
		b = appendJSONString(b, f.Fix)
	}
	return append(b, '}'), nil
}

// appendJSONString appends s as a JSON string: quotes, backslashes and
// control characters escaped, and U+2028 and U+2029, which some JavaScript
// parsers take for line ends. Findings are written often (100,000 lines a
// second on the command line), so this avoids encoding/json's reflection.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9):
			b = append(b, '\\', 'u', '2', '0', '2', hex[s[i+2]&15])
			i += 2
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
