package linkcore

// Severity orders how much a finding matters. A report's Verdict is the
// highest severity among its findings.
type Severity int

const (
	Info    Severity = iota // worth knowing; changes nothing
	Warning                 // the link works, but should be fixed
	Error                   // the genuine portal, but it will not request the package
	Danger                  // leads elsewhere, or is unsafe to click
)

// A Verdict is the overall answer for one link: "ok", "warning", "error" or
// "danger". It is a Severity; Info means ok.
type Verdict = Severity

// OK is the verdict of a link with nothing above Info.
const OK = Info

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	case Danger:
		return "danger"
	}
	return "ok"
}

// Label is the severity as a finding's label: "info" rather than "ok".
func (s Severity) Label() string {
	if s == Info {
		return "info"
	}
	return s.String()
}

// MarshalText writes the verdict word, so JSON carries "danger", not 3.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// A Code names a kind of finding. Codes are stable kebab-case words that
// scripts may match on; CodeTable lists them all.
type Code string

// A Finding is one thing a check found: what, how bad, and how to fix it.
type Finding struct {
	Code     Code
	Severity Severity
	Message  string // one sentence about this input
	Fix      string // how to fix it; may be empty
}

// CodeInfo documents one finding code.
type CodeInfo struct {
	Code     Code
	Severity Severity
	Meaning  string
}

// The finding codes. Their severities and meanings are in CodeTable.
const (
	// The text and how it was read.
	CodeEmpty             Code = "empty"
	CodeNoLink            Code = "no-link"
	CodeInputTooLong      Code = "input-too-long"
	CodeSeveralLinks      Code = "several-links"
	CodeHTMLEntities      Code = "html-entities"
	CodeQuotedPrintable   Code = "quoted-printable"
	CodeDefanged          Code = "defanged"
	CodeLineBroken        Code = "line-broken"
	CodeNoScheme          Code = "no-scheme"
	CodeWhitespaceRemoved Code = "whitespace-removed"
	CodeInvisible         Code = "invisible-characters"
	CodeBidi              Code = "bidi-control"
	CodeUnparsable        Code = "unparsable"

	// Wrappers.
	CodeUnwrapped          Code = "unwrapped"
	CodeWrapperOpaque      Code = "wrapper-opaque"
	CodeWrapperUndecodable Code = "wrapper-undecodable"
	CodeWrapperTooDeep     Code = "wrapper-too-deep"

	// Scheme, userinfo, host and port.
	CodeSchemeUnsafe   Code = "scheme-unsafe"
	CodeHTTP           Code = "http-scheme"
	CodeMissingSlashes Code = "missing-slashes"
	CodeBackslash      Code = "backslash"
	CodeUserinfo       Code = "userinfo"
	CodeIPHost         Code = "ip-host"
	CodeUnknownHost    Code = "unknown-host"
	CodeLookalikeHost  Code = "lookalike-host"
	CodeMixedScripts   Code = "mixed-scripts"
	CodeTrailingDot    Code = "trailing-dot"
	CodeUppercase      Code = "uppercase"
	CodeExplicitPort   Code = "explicit-port"
	CodeOtherPort      Code = "other-port"

	// Path, query and fragment of a genuine portal link.
	CodeNoHint           Code = "no-directory-hint"
	CodeHintInvalid      Code = "hint-invalid"
	CodeHintNotCanonical Code = "hint-not-canonical"
	CodePathUnexpected   Code = "path-unexpected"
	CodeQuery            Code = "query-present"
	CodeNoFragment       Code = "no-page"
	CodeOtherPage        Code = "other-page"
	CodeUnknownPage      Code = "unknown-page"
	CodeFragmentEncoded  Code = "fragment-encoded"
	CodeIDMissing        Code = "package-id-missing"
	CodeIDTruncated      Code = "package-id-truncated"
	CodeIDInvalid        Code = "package-id-invalid"
	CodeIDNotCanonical   Code = "package-id-not-canonical"
	CodeFragmentTrailing Code = "fragment-trailing"
)

// CodeTable documents every finding code, in the order a report lists them.
var CodeTable = []CodeInfo{
	{CodeEmpty, Error, "The input is empty."},
	{CodeNoLink, Error, "The text contains no link."},
	{CodeInputTooLong, Warning, "The input is longer than the checker reads; only the start was checked."},
	{CodeSeveralLinks, Info, "The text contains more than one link; each is checked."},
	{CodeHTMLEntities, Info, "HTML entities such as &amp; were decoded, as a mail program would."},
	{CodeQuotedPrintable, Info, "Quoted-printable soft line breaks and =3D were decoded."},
	{CodeDefanged, Warning, "The link was defanged (hxxps, [.]) and has been restored."},
	{CodeLineBroken, Info, "The link was broken over lines and has been joined."},
	{CodeNoScheme, Warning, "The link has no https:// in front; a browser given it in a message would not open it."},
	{CodeWhitespaceRemoved, Warning, "Tabs or line breaks inside the link were removed, as the browser removes them."},
	{CodeInvisible, Danger, "The link contains invisible characters that can hide where it leads."},
	{CodeBidi, Danger, "The link contains bidirectional control characters that can reorder what you see."},
	{CodeUnparsable, Error, "A browser cannot open this text as a link."},
	{CodeUnwrapped, Warning, "The link was wrapped by a mail or chat gateway; the original inside it was recovered."},
	{CodeWrapperOpaque, Error, "The link is wrapped by a gateway that cannot be decoded offline."},
	{CodeWrapperUndecodable, Error, "The gateway wrapper is damaged; the original link cannot be recovered."},
	{CodeWrapperTooDeep, Danger, "The link is wrapped too many times to follow."},
	{CodeSchemeUnsafe, Danger, "The link is not a web link (javascript:, data:, file: and others)."},
	{CodeHTTP, Warning, "The link uses http: instead of https:."},
	{CodeMissingSlashes, Warning, "The link lacks the // after the scheme; the browser adds it."},
	{CodeBackslash, Warning, "The link has backslashes, which the browser reads as slashes."},
	{CodeUserinfo, Danger, "The link has a user name or password before the host, a common phishing trick."},
	{CodeIPHost, Danger, "The link leads to an IP address, not to the My Access portal."},
	{CodeUnknownHost, Danger, "The link leads to a host that is not a My Access portal."},
	{CodeLookalikeHost, Danger, "The host imitates a My Access portal host."},
	{CodeMixedScripts, Danger, "The host mixes writing systems, as homograph attacks do."},
	{CodeTrailingDot, Warning, "The host ends with a dot."},
	{CodeUppercase, Warning, "Parts of the link are in upper case."},
	{CodeExplicitPort, Warning, "The link names the default port :443."},
	{CodeOtherPort, Error, "The link names a port the portal does not serve."},
	{CodeNoHint, Warning, "The link has no directory hint: people from other directories sign in to their own and will not find the package."},
	{CodeHintInvalid, Error, "The directory hint is not a domain name or tenant ID."},
	{CodeHintNotCanonical, Warning, "The directory hint is not in its canonical form (lower case; Punycode for international names)."},
	{CodePathUnexpected, Error, "The path is not /@<directory hint>."},
	{CodeQuery, Warning, "The link has a query string the portal does not need."},
	{CodeNoFragment, Error, "The link opens the portal but no page in it."},
	{CodeOtherPage, Error, "The link opens another My Access page, not an access package request."},
	{CodeUnknownPage, Error, "The link opens a My Access page that is not known."},
	{CodeFragmentEncoded, Error, "The page part of the link is percent-encoded, so the portal will not recognise it."},
	{CodeIDMissing, Error, "The link has no access package ID."},
	{CodeIDTruncated, Error, "The access package ID is cut off."},
	{CodeIDInvalid, Error, "The access package ID is not a valid ID."},
	{CodeIDNotCanonical, Warning, "The access package ID is not written in lower case 8-4-4-4-12 form."},
	{CodeFragmentTrailing, Warning, "Something follows the access package ID."},
}

// codeSeverity returns the severity CodeTable gives code.
func codeSeverity(code Code) Severity {
	for _, c := range CodeTable {
		if c.Code == code {
			return c.Severity
		}
	}
	panic("linkcore: finding code not in CodeTable: " + string(code))
}
