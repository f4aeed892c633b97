package linkcore

// A Report is what Check found about one link.
type Report struct {
	// Input is the link as found in the text, after the repairs listed in
	// the findings, with a gateway's tracking data (which names the
	// recipient) removed.
	Input   string
	Verdict Verdict
	// URL is where the browser goes, after unwrapping; nil when the text is
	// not a URL the browser would open.
	URL *URL
	// Unwrapped names the gateway wrappers peeled off, outermost first.
	Unwrapped []string
	// Link is set when URL is on a genuine My Access host; it holds the
	// parts that could be read, even when the verdict is an error.
	Link     *Link
	Findings []Finding
}

// Worst returns the most severe verdict of reports, OK when there are none:
// the verdict of a text that holds several links.
func Worst(reports []Report) Verdict {
	worst := OK
	for i := range reports {
		worst = max(worst, reports[i].Verdict)
	}
	return worst
}

// Host is the host the browser connects to (ASCII, as serialized), or "".
func (r *Report) Host() string {
	if r.URL == nil {
		return ""
	}
	return r.URL.Host
}

// HostUnicode is Host as people read it, international labels decoded.
func (r *Report) HostUnicode() string { return domainToUnicode(r.Host()) }

// Canonical returns the canonical form of a genuine portal link that could
// be read completely (any verdict but danger), or "".
func (r *Report) Canonical() string {
	if r.Link == nil || r.Verdict == Danger || !r.complete() {
		return ""
	}
	return r.Link.String()
}

// complete reports that no part of the genuine link was unreadable.
func (r *Report) complete() bool {
	for _, f := range r.Findings {
		switch f.Code {
		case CodeHintInvalid, CodeIDInvalid, CodeIDTruncated, CodeIDMissing, CodeUnknownPage, CodeFragmentEncoded,
			CodePathUnexpected, CodeNoFragment:
			return false
		}
	}
	return true
}

// Clickable reports whether a page may show this link as a live link: only
// a checked, genuine https link whose verdict is ok or warning. The target
// to use is Canonical.
func (r *Report) Clickable() bool {
	return r.Verdict <= Warning && r.URL != nil && r.URL.Scheme == "https" && r.Link != nil && r.Canonical() != ""
}

// Has reports whether the report has a finding with the code.
func (r *Report) Has(code Code) bool {
	for _, f := range r.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

// add records a finding; the severity comes from CodeTable.
func (r *Report) add(code Code, message, fix string) {
	f := Finding{Code: code, Severity: codeSeverity(code), Message: message, Fix: fix}
	r.Findings = append(r.Findings, f)
	if f.Severity > r.Verdict {
		r.Verdict = f.Severity
	}
}
