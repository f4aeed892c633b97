package linkcore

import (
	"bytes"
	"encoding/json"
)

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
	j := ReportJSON{
		Input:     r.redact(input),
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

// findingJSON is the JSON form of a Finding.
type findingJSON struct {
	Code     Code   `json:"code"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Fix      string `json:"fix,omitempty"`
}

// MarshalJSON writes a finding as {"code", "severity", "message", "fix"},
// with the severity as a word ("info", "warning", "error", "danger"). It
// leaves <, > and & to the encoder that called it: messages say
// "admin center > Policies", which an encoder with SetEscapeHTML(false)
// keeps as it is.
func (f Finding) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(findingJSON{f.Code, f.Severity.Label(), f.Message, f.Fix}); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
