package linkcore

// A URL is one link as a browser reads it (the WHATWG URL standard, which
// Chromium follows). Every field is already in the form the browser
// serializes: lower-case scheme and host, Punycode, default port dropped,
// path percent-encoded and with dot segments resolved, query and fragment
// kept as typed except for the characters the browser percent-encodes.
type URL struct {
	Scheme   string // lower case, without ':'
	Username string // percent-encoded, as the browser keeps it
	Password string
	// Host is what the browser connects to: a lower-case ASCII domain
	// (Punycode for international names, a trailing dot kept), a dotted IPv4
	// address, or a bracketed IPv6 address. Empty for URLs without a host
	// (javascript:, data:, mailto:).
	Host     string
	HostKind HostKind
	Port     string // empty for the scheme's default port
	// Path is the serialized path; for a URL without a host (such as
	// javascript:…) it is the opaque rest of the URL.
	Path        string
	Query       string // without '?'
	HasQuery    bool
	Fragment    string // without '#'
	HasFragment bool

	// Quirks records how the text departs from its canonical form in ways
	// the browser silently repairs: CodeMissingSlashes, CodeBackslash,
	// CodeWhitespaceRemoved, CodeExplicitPort, CodeUppercase (in scheme or
	// host). Each code appears at most once.
	Quirks []Code
}

// HostKind says what kind of host a URL has.
type HostKind int

const (
	NoHost HostKind = iota
	DomainHost
	IPv4Host
	IPv6Host
	OpaqueHost // the host of a non-special scheme, kept as typed
)

// A ParseError says why a browser would refuse a text as a URL.
type ParseError struct {
	Input  string
	Reason string
}

func (e *ParseError) Error() string {
	return "cannot read " + quoteShort(e.Input) + " as a URL: " + e.Reason
}
