package linkcore

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
)

// maxWrapperDepth is how many gateway wrappers Check peels off one link.
const maxWrapperDepth = 5

// Check finds every link in text (a bare link, or a message around links)
// and reports on each: where the browser would go, whether that is a
// genuine and complete My Access request link, and what to fix. A text
// without any link gives one report with the finding "empty" or "no-link",
// so there is always at least one report.
func Check(text string) []Report {
	var truncated bool
	if len(text) > MaxInput {
		text, truncated = text[:MaxInput], true
	}
	if isPlainLink(text) && !truncated {
		return []Report{checkCandidate(candidate{text: text, ascii: true})}
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	candidates := findLinks(text)
	if len(candidates) == 0 {
		r := Report{Input: text, Verdict: OK}
		if strings.TrimSpace(text) == "" {
			r.add(CodeEmpty, "There is nothing to check.", "Paste a My Access link.")
		} else {
			r.add(CodeNoLink, "The text contains no link starting with https://.", "Paste the whole link, starting with https://myaccess.")
		}
		if truncated {
			r.addTooLong()
		}
		return []Report{r}
	}
	reports := make([]Report, len(candidates))
	for i, c := range candidates {
		reports[i] = checkCandidate(c)
		if truncated {
			reports[i].addTooLong()
		}
		if len(candidates) > 1 {
			reports[i].add(CodeSeveralLinks, "The text contains "+strconv.Itoa(len(candidates))+" links; this is link "+strconv.Itoa(i+1)+".", "")
		}
	}
	return reports
}

// addTooLong records that Check read only the first MaxInput bytes.
func (r *Report) addTooLong() {
	r.add(CodeInputTooLong, "Only the first 1 MiB of the text was read.", "Check a shorter text.")
}

// CheckLink checks a text that should hold one link and returns the report
// on its first link.
func CheckLink(text string) Report { return Check(text)[0] }

// checkCandidate reports on one link found in a text.
func checkCandidate(c candidate) Report {
	r := Report{Input: c.text}
	for _, note := range c.notes {
		r.add(note, noteMessages[note], "")
	}
	if !c.ascii {
		checkCharacters(&r, c.text)
	}
	text := c.text
	var u *URL
	for depth := 0; ; depth++ {
		parsed, err := ParseURL(text)
		if err != nil {
			r.add(CodeUnparsable, "A browser would not open this: "+err.(*ParseError).Reason+".", "Copy the link again from its source.")
			r.Input = r.redact(r.Input)
			return r
		}
		u = parsed
		if depth == maxWrapperDepth {
			r.add(CodeWrapperTooDeep, "The link is wrapped more than "+strconv.Itoa(maxWrapperDepth)+" times.", "Ask the sender for the original link.")
			r.URL = u
			r.Input = r.redact(r.Input)
			return r
		}
		if _, genuine := cloudByHost(strings.TrimSuffix(u.Host, ".")); genuine {
			break // the portal wraps nothing
		}
		inner, name, err := unwrap(u)
		if name == "" {
			break
		}
		r.Unwrapped = append(r.Unwrapped, name)
		if err != nil {
			werr := err.(*WrapperError)
			code, fix := CodeWrapperUndecodable, "Copy the link again, or ask the sender for the original link."
			if werr.Opaque {
				code, fix = CodeWrapperOpaque, "Ask the sender for the original link, or open it and copy the address the browser reaches."
			}
			msg := werr.Reason
			if werr.Hint != "" {
				msg += " The wrapper says it leads to " + quoteShort(werr.Hint) + "."
			}
			r.add(code, msg, fix)
			r.URL = u
			r.Input = r.redact(r.Input)
			return r
		}
		text = inner
	}
	r.Input = r.redact(r.Input)
	r.URL = u
	if len(r.Unwrapped) > 0 {
		r.add(CodeUnwrapped, "The link was wrapped by "+strings.Join(r.Unwrapped, " inside ")+"; the original link inside was recovered.",
			"Share the original link; gateway wrappers expire and carry the recipient's details.")
	}
	for _, q := range u.Quirks {
		r.add(q, quirkMessages[q], quirkFixes[q])
	}
	checkDestination(&r, u)
	return r
}

// redact removes a gateway's tracking data (which names the recipient)
// from s, a copy of the report's input, when the link was wrapped. Links
// that were not wrapped are kept as they are: their parameters are the
// sender's, not a gateway's.
func (r *Report) redact(s string) string {
	if len(r.Unwrapped) == 0 {
		return s
	}
	return RedactTracking(s)
}

// checkCharacters flags characters that hide or reorder what people see.
func checkCharacters(r *Report, text string) {
	var invisible, bidi rune = -1, -1
	for _, ch := range text {
		if invisible < 0 && isInvisible(ch) {
			invisible = ch
		}
		if bidi < 0 && isBidiControl(ch) {
			bidi = ch
		}
	}
	if invisible >= 0 {
		r.add(CodeInvisible, "The link contains "+describeRune(invisible)+", which you cannot see.", "Do not use this link; type or build it again.")
	}
	if bidi >= 0 {
		r.add(CodeBidi, "The link contains a bidirectional control character ("+describeRune(bidi)+") that reorders what you see.", "Do not use this link; type or build it again.")
	}
}

// checkDestination judges where the browser goes.
func checkDestination(r *Report, u *URL) {
	if u.Scheme != "https" && u.Scheme != "http" {
		r.add(CodeSchemeUnsafe, "This is a "+u.Scheme+": link, not a web link; it does not open the My Access portal.", "Do not open it. A My Access link starts with https://myaccess.")
		return
	}
	if u.Username != "" || u.Password != "" {
		r.add(CodeUserinfo, "The text before '@' is only a user name; the browser goes to "+quoteShort(u.Host)+".", "Do not open it. A My Access link has no '@' before the host.")
	}
	host := strings.TrimSuffix(u.Host, ".")
	cloud, genuine := cloudByHost(host)
	switch {
	case u.HostKind == IPv4Host || u.HostKind == IPv6Host:
		r.add(CodeIPHost, "The browser goes to the IP address "+u.Host+", not to a My Access portal.", "Do not open it.")
		return
	case !genuine:
		checkForeignHost(r, u.Host)
		return
	}
	if u.Username != "" || u.Password != "" {
		return
	}
	if host != u.Host {
		r.add(CodeTrailingDot, "The host "+quoteShort(u.Host)+" ends with a dot.", "Remove the dot after "+cloud.Host+".")
	}
	if u.Scheme == "http" {
		r.add(CodeHTTP, "The link starts with http:, not https:.", "Use https://.")
	}
	if u.Port != "" {
		r.add(CodeOtherPort, "The link names port "+u.Port+", which the portal does not serve.", "Remove :"+u.Port+" after the host.")
	}
	link := &Link{Cloud: cloud}
	r.Link = link
	checkPath(r, link, u)
	if u.HasQuery {
		r.add(CodeQuery, "The link has a query string (?"+quoteShort(u.Query)+") that the portal does not use.", "Remove the part from '?' up to '#'.")
	}
	checkFragment(r, link, u)
}

// checkForeignHost explains a host that is not a portal host.
func checkForeignHost(r *Report, host string) {
	unicodeHost := domainToUnicode(host)
	shown := quoteShort(host)
	if unicodeHost != host {
		shown = quoteShort(unicodeHost) + " (" + host + ")"
	}
	if genuine, why, ok := lookalikeOf(host); ok {
		r.add(CodeLookalikeHost, "The browser goes to "+shown+", which imitates "+genuine+": "+why+".", "Do not open it; report it as phishing.")
	} else {
		r.add(CodeUnknownHost, "The browser goes to "+shown+", which is not a My Access portal.", "Do not open it. A My Access link starts with https://myaccess.microsoft.com/ or https://myaccess.microsoft.us/.")
	}
	if label, scripts, ok := mixedScripts(unicodeHost); ok {
		r.add(CodeMixedScripts, "The label "+quoteShort(label)+" mixes "+strings.Join(scripts, " and ")+" letters.", "Do not open it.")
	}
}

// checkPath reads the directory hint from a genuine link's path: "/@hint".
func checkPath(r *Report, link *Link, u *URL) {
	if u.Path == "/" || u.Path == "" {
		r.add(CodeNoHint, "The link has no directory hint, so people from other directories sign in to their own and will not find the package.",
			"Add /@ and the tenant's domain or tenant ID after the host.")
		return
	}
	segment := u.Path[1:]
	if !strings.HasPrefix(segment, "@") || strings.Contains(segment, "/") {
		r.add(CodePathUnexpected, "The path "+quoteShort(u.Path)+" is not /@ followed by a directory hint.", "Use the form https://"+link.Cloud.Host+"/@<domain or tenant ID>#/access-packages/<ID>.")
		return
	}
	text := percentDecode(segment[1:])
	hint, err := ParseDirectoryHint(text)
	if err != nil {
		r.add(CodeHintInvalid, "The directory hint "+err.(*HintError).Reason+".", "Use the tenant's domain (such as contoso.onmicrosoft.com) or its tenant ID.")
		return
	}
	if hint.Value != text {
		r.add(CodeHintNotCanonical, "The directory hint "+quoteShort(text)+" is not in its canonical form "+quoteShort(hint.Value)+".", "Write the hint as "+hint.Value+".")
	}
	link.Hint = hint
}

// checkFragment reads the portal page from a genuine link's fragment.
func checkFragment(r *Report, link *Link, u *URL) {
	if !u.HasFragment || u.Fragment == "" || u.Fragment == "/" {
		r.add(CodeNoFragment, "The link opens the portal's home page, not an access package.", "Add #/access-packages/ and the package ID.")
		return
	}
	fragment := u.Fragment
	if decoded := percentDecode(fragment); decoded != fragment && strings.ContainsAny(decoded, "/#?") && !strings.ContainsAny(fragment, "/") {
		r.add(CodeFragmentEncoded, "The page part "+quoteShort("#"+fragment)+" is percent-encoded, so the portal will not recognise it.", "Write it as "+quoteShort("#"+decoded)+".")
		return
	}
	if len(fragment) < len(requestRoute) || !strings.EqualFold(fragment[:len(requestRoute)], requestRoute) {
		route, _, _ := strings.Cut(fragment, "?")
		if page, ok := pageByRoute(strings.TrimSuffix(route, "/")); ok && route != "" {
			addOtherPage(r, link, page)
			return
		}
		r.add(CodeUnknownPage, "The page "+quoteShort("#"+fragment)+" is not a known My Access page.", "Use #/access-packages/<package ID>.")
		return
	}
	if !strings.HasPrefix(fragment, requestRoute) {
		r.add(CodeUppercase, "The page part "+quoteShort("#"+fragment[:len(requestRoute)])+" is not in lower case.", "Write it as #"+requestRoute+"….")
	}
	rest := fragment[len(requestRoute):]
	idText, trailing := rest, ""
	if i := afterPackageID.index(rest); i >= 0 {
		idText, trailing = rest[:i], rest[i:]
	}
	if len(idText) < 36 && idText != "" {
		if page, ok := pageByRoute(requestRoute + idText); ok {
			addOtherPage(r, link, page)
			return
		}
	}
	if idText == "" {
		r.add(CodeIDMissing, "The link ends before the access package ID.", "Add the package ID after #/access-packages/.")
		return
	}
	id, lower, ok := parseHyphenatedGUID(idText)
	if !ok || !lower {
		if id, ok = checkIDForm(r, idText); !ok {
			return
		}
	}
	link.PackageID = id
	if trailing != "" {
		r.add(CodeFragmentTrailing, quoteShort(trailing)+" follows the access package ID.", "Remove everything after the ID.")
	}
}

// addOtherPage records that a genuine link opens another portal page.
func addOtherPage(r *Report, link *Link, page Page) {
	link.Page = page
	r.add(CodeOtherPage, "The link opens "+page.Name+", not a request for an access package.", "Copy the link from the access package's Overview page in the Entra admin center.")
}

// checkIDForm explains an access package ID that is not in canonical form.
// ok reports that it is still an ID (so the link's parts are known).
func checkIDForm(r *Report, idText string) (id uuid.UUID, ok bool) {
	id, err := parseGUID(percentDecode(idText))
	switch {
	case err != nil && isGUIDPrefix(idText):
		r.add(CodeIDTruncated, "The access package ID has "+strconv.Itoa(len(idText))+" of its 36 characters: the link was cut off.", "Copy the whole link again.")
		return id, false
	case err != nil:
		r.add(CodeIDInvalid, "The access package ID "+quoteShort(idText)+" is not valid: "+err.Error()+".", "Copy the package ID from the access package's Overview page.")
		return id, false
	case len(idText) == 36 && strings.ToLower(idText) == id.String():
		r.add(CodeIDNotCanonical, "The access package ID is in upper case.", "Write it as "+id.String()+".")
	default:
		r.add(CodeIDInvalid, "The access package ID "+quoteShort(idText)+" is not in the form the portal reads.", "Write it as "+id.String()+".")
	}
	return id, true
}

// isGUIDPrefix reports whether s is the start of an 8-4-4-4-12 ID.
func isGUIDPrefix(s string) bool {
	if len(s) >= 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if s[i] != '-' {
				return false
			}
		} else if !isHex(rune(s[i])) {
			return false
		}
	}
	return true
}

// noteMessages explain the repairs findLinks made.
var noteMessages = map[Code]string{
	CodeHTMLEntities:    "HTML entities such as &amp; in the text were decoded, as a mail program shows them.",
	CodeQuotedPrintable: "Quoted-printable encoding (=3D, soft line breaks) in the text was decoded.",
	CodeDefanged:        "The text was defanged (hxxps, [.]); the link has been restored to check it.",
	CodeLineBroken:      "The link was broken over several lines; the lines were joined.",
	CodeNoScheme:        "The link has no https:// in front; it was added to check it.",
}

// quirkMessages and quirkFixes explain what ParseURL repaired as a browser.
var quirkMessages = map[Code]string{
	CodeMissingSlashes:    "The link does not have exactly two slashes after the scheme; the browser repairs this.",
	CodeBackslash:         "The link has backslashes, which the browser reads as slashes.",
	CodeWhitespaceRemoved: "Tabs or line breaks inside the link were removed, as the browser removes them.",
	CodeExplicitPort:      "The link names the default port :443.",
	CodeUppercase:         "The scheme or host is in upper case.",
}

var quirkFixes = map[Code]string{
	CodeMissingSlashes:    "Write the link as https://….",
	CodeBackslash:         "Replace the backslashes with slashes.",
	CodeWhitespaceRemoved: "Remove the white space from the link.",
	CodeExplicitPort:      "Remove :443.",
	CodeUppercase:         "Write the link in lower case.",
}
