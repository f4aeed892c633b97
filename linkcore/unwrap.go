package linkcore

import (
	"encoding/base64"
	"slices"
	"strings"
	"unicode/utf8"
)

// Mail and chat gateways rewrite every link in a message so that a click
// goes through them first. unwrap recognises a gateway by the parsed host
// alone (never by text that merely contains a gateway's name) and recovers
// the link inside, one layer at a time: wrappers nest, and the caller
// decides how deep to follow them.

// The wrappers' human names, as reports show them.
const (
	nameSafeLinks      = "Outlook Safe Links"
	nameTeamsSafeLinks = "Teams Safe Links"
	nameURLDefense     = "Proofpoint URL Defense"
	nameMimecast       = "Mimecast URL Protect"
)

// A WrapperError says why a wrapped link cannot be recovered.
type WrapperError struct {
	Wrapper string // human name
	// Opaque is true when the wrapper by design does not carry the link
	// (Mimecast; a Teams page copied without ?url=), false when the wrapper
	// is damaged.
	Opaque bool
	Hint   string // a destination hint the wrapper shows, e.g. Mimecast's domain=; may be empty
	Reason string // one sentence for people
}

func (e *WrapperError) Error() string {
	return "cannot unwrap the " + e.Wrapper + " link: " + e.Reason
}

// unwrap peels one gateway wrapper off u, matching by the parsed host (exact
// host or exact documented suffix such as ".safelinks.protection.outlook.com"),
// never by a substring of the text. It returns the wrapped link text (fully
// decoded, ready to be parsed again) and the wrapper's human name.
// Not a wrapper: inner == "" && name == "" && err == nil.
// A recognised wrapper that cannot be decoded: name set and err a *WrapperError.
//
// Nothing unwrap returns repeats the query parameters in which Safe Links
// records the recipient (data, sdata, reserved).
func unwrap(u *URL) (inner, name string, err error) {
	if u.Scheme != "https" && u.Scheme != "http" || u.HostKind != DomainHost || u.Port != "" {
		return "", "", nil
	}
	// A trailing dot names the same DNS host, as for the portal hosts.
	host := strings.TrimSuffix(u.Host, ".")
	switch {
	case isSafeLinksHost(host):
		return unwrapSafeLinks(u)
	case isTeamsSafeLinksPage(host, u.Path):
		return unwrapTeamsSafeLinks(u)
	case isURLDefenseHost(host):
		return unwrapURLDefense(u)
	case isMimecastHost(host):
		return "", nameMimecast, &WrapperError{
			Wrapper: nameMimecast,
			Opaque:  true,
			Hint:    mimecastHint(u.Query),
			Reason:  "Mimecast keeps the original link on its own servers; the link itself does not contain it.",
		}
	}
	return "", "", nil
}

// singleLabelBefore reports whether host is exactly one DNS label followed
// by suffix, such as "nam02" + ".safelinks.protection.outlook.com".
func singleLabelBefore(host, suffix string) (label string, ok bool) {
	label, ok = strings.CutSuffix(host, suffix)
	return label, ok && label != "" && !strings.Contains(label, ".")
}

// Outlook Safe Links: https://<region>.safelinks.protection.outlook.com/?url=…
// (US Government: <region>.safelinks.protection.office365.us).

func isSafeLinksHost(host string) bool {
	_, commercial := singleLabelBefore(host, ".safelinks.protection.outlook.com")
	_, usGov := singleLabelBefore(host, ".safelinks.protection.office365.us")
	return commercial || usGov
}

// isSafeLinksPath reports whether path is "/" or "/ap/<x>" with anything
// after it: the forms Outlook writes (the second for shared documents).
func isSafeLinksPath(path string) bool {
	if path == "/" {
		return true
	}
	rest, ok := strings.CutPrefix(path, "/ap/")
	segment, _, _ := strings.Cut(rest, "/")
	return ok && segment != ""
}

func unwrapSafeLinks(u *URL) (string, string, error) {
	fail := func(reason string) (string, string, error) {
		return "", nameSafeLinks, &WrapperError{Wrapper: nameSafeLinks, Reason: reason}
	}
	if !isSafeLinksPath(u.Path) {
		return fail("The path of this Safe Links address is not one Outlook writes (/ or /ap/…), so the link inside is not read.")
	}
	values := queryValues(u.Query, "url")
	if len(values) == 0 {
		return fail("The Safe Links address has no url parameter, which holds the original link.")
	}
	inner, reason := decodeWrapped(values, "url", percentDecodeStrict)
	if reason != "" {
		return fail(reason)
	}
	return inner, nameSafeLinks, nil
}

// Teams Safe Links: a static page on Microsoft's CDN that takes the link in
// its url parameter.

var teamsSafeLinksHosts = []string{
	"statics.teams.cdn.office.net",
	"staticsint.teams.cdn.office.net", // an internal ring, seen in real copied links
	"teams.public.onecdn.static.microsoft",
}

var teamsSafeLinksPaths = []string{
	"/evergreen-assets/safelinks/1/atp-safelinks.html",
	"/evergreen-assets/safelinks/2/atp-safelinks.html",
}

// isTeamsSafeLinksPage matches the page only: the same CDN hosts serve many
// other files, which are not wrappers.
func isTeamsSafeLinksPage(host, path string) bool {
	return slices.Contains(teamsSafeLinksHosts, host) && slices.Contains(teamsSafeLinksPaths, path)
}

func unwrapTeamsSafeLinks(u *URL) (string, string, error) {
	values := queryValues(u.Query, "url")
	if len(values) == 0 {
		return "", nameTeamsSafeLinks, &WrapperError{
			Wrapper: nameTeamsSafeLinks,
			Opaque:  true,
			Reason:  "This is the Teams safe-links page copied without its url parameter, so the original link is not in it.",
		}
	}
	inner, reason := decodeWrapped(values, "url", percentDecodeStrict)
	if reason != "" {
		return "", nameTeamsSafeLinks, &WrapperError{Wrapper: nameTeamsSafeLinks, Reason: reason}
	}
	return inner, nameTeamsSafeLinks, nil
}

// Proofpoint URL Defense, as Proofpoint's reference decoder reads it:
//
//	v1: https://urldefense.proofpoint.com/v1/url?u=<percent-encoded>&k=…
//	v2: https://urldefense.proofpoint.com/v2/url?u=<'-' for '%', '_' for '/'>&d=…
//	v3: https://urldefense.com/v3/__<link>__;<base64url>!…$
//
// The reference decoder accepts every version on both hosts, and so does
// unwrap; urldefense.us is the US government instance.

func isURLDefenseHost(host string) bool {
	return host == "urldefense.proofpoint.com" || host == "urldefense.com" || host == "urldefense.us"
}

func unwrapURLDefense(u *URL) (string, string, error) {
	var name, inner, reason string
	switch {
	case strings.HasPrefix(u.Path, "/v1/"):
		name = nameURLDefense + " v1"
		inner, reason = urlDefenseParam(u, "/v1/url", percentDecodeStrict)
	case strings.HasPrefix(u.Path, "/v2/"):
		name = nameURLDefense + " v2"
		inner, reason = urlDefenseParam(u, "/v2/url", decodeURLDefenseV2)
	case strings.HasPrefix(u.Path, "/v3/"):
		name = nameURLDefense + " v3"
		inner, reason = decodeURLDefenseV3(u)
	default:
		name = nameURLDefense
		reason = "The address is not a URL Defense v1, v2 or v3 link, the forms this checker can read."
	}
	if reason != "" {
		return "", name, &WrapperError{Wrapper: name, Reason: reason}
	}
	return inner, name, nil
}

// urlDefenseParam reads the u parameter of a v1 or v2 link. Like the
// reference decoder it then decodes HTML character references, which
// Proofpoint copies from the message's HTML into the link (&amp; for &);
// decodeEntities knows the ones found in links, without the 18 KB (brotli)
// table that html.UnescapeString would add to the page.
func urlDefenseParam(u *URL, path string, decode func(string) (string, bool)) (string, string) {
	if u.Path != path {
		return "", "The path is not " + path + ", the only path this URL Defense version uses."
	}
	values := queryValues(u.Query, "u")
	if len(values) == 0 {
		return "", "The address has no u parameter, which holds the original link."
	}
	inner, reason := decodeWrapped(values, "u", decode)
	if reason != "" {
		return "", reason
	}
	inner, _ = decodeEntities(inner)
	return inner, ""
}

// decodeURLDefenseV2 undoes v2's substitutions ('-' for '%', '_' for '/'),
// then percent-decodes.
func decodeURLDefenseV2(s string) (string, bool) {
	return percentDecodeStrict(strings.Map(func(r rune) rune {
		switch r {
		case '-':
			return '%'
		case '_':
			return '/'
		}
		return r
	}, s))
}

// decodeURLDefenseV3 reads "/v3/__<link>__;<replacements>!…". Proofpoint
// writes each character it will not leave in the link as '*' and lists the
// characters, base64url-encoded, after "__;": '*' takes the next one, "**X"
// a run whose length X encodes. As in the reference decoder, the link part
// is percent-decoded before the tokens are replaced, which also undoes the
// escapes the browser adds to the wrapper's path and query (a space, a
// quote, non-ASCII letters).
func decodeURLDefenseV3(u *URL) (string, string) {
	// The wrapped link may hold '?' and '#', which the browser took as the
	// start of the wrapper's query and fragment: put them back.
	text := u.Path
	if u.HasQuery {
		text += "?" + u.Query
	}
	if u.HasFragment {
		text += "#" + u.Fragment
	}
	rest, ok := strings.CutPrefix(text, "/v3/__")
	if !ok {
		return "", "The path does not start with /v3/__, where a v3 link begins."
	}
	encoded, tail, ok := strings.Cut(rest, "__;")
	if !ok {
		return "", "The \"__;\" that ends the wrapped link is missing; the link was probably cut off."
	}
	if encoded == "" {
		return "", "The wrapped link is empty."
	}
	// The replacements end at the first '!'; a copy cut off right after
	// them still holds them all.
	b64, _, _ := strings.Cut(tail, "!")
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(b64, "="))
	if err != nil {
		return "", "The replacement characters after \"__;\" are not valid base64url, so the link cannot be rebuilt."
	}
	if !utf8.Valid(raw) {
		return "", "The replacement characters after \"__;\" are not valid UTF-8 text."
	}
	link, ok := percentDecodeStrict(encoded)
	if !ok {
		return "", "The wrapped link has a '%' that is not followed by two hexadecimal digits."
	}
	if !utf8.ValidString(link) {
		return "", "The wrapped link decodes to bytes that are not UTF-8 text."
	}
	return replaceURLDefenseTokens(link, []rune(string(raw)))
}

// replaceURLDefenseTokens replaces v3's '*' and "**X" tokens in link with
// characters taken in order from replacements. As in the reference decoder
// (a regular expression \*(\*.)?), "**" followed by a line feed or by
// nothing is two single tokens.
func replaceURLDefenseTokens(link string, replacements []rune) (string, string) {
	var b strings.Builder
	b.Grow(len(link) + len(replacements))
	next := 0
	for i := 0; i < len(link); {
		if link[i] != '*' {
			b.WriteByte(link[i])
			i++
			continue
		}
		n, width := 1, 1
		if i+2 < len(link) && link[i+1] == '*' && link[i+2] != '\n' {
			r, size := utf8.DecodeRuneInString(link[i+2:])
			n = urlDefenseRunLength(r)
			if n == 0 {
				return "", "The wrapped link has a run marker \"**\" followed by " + describeRune(r) + ", which is not a run length."
			}
			width = 2 + size
		}
		if next+n > len(replacements) {
			return "", "The wrapped link needs more replacement characters than the link carries after \"__;\"."
		}
		b.WriteString(string(replacements[next : next+n]))
		next += n
		i += width
	}
	return b.String(), ""
}

// urlDefenseRunLength returns the run length that r stands for after "**"
// (A=2, B=3, … in the order A–Z a–z 0–9 - _), or 0.
func urlDefenseRunLength(r rune) int {
	const runLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	if r >= 0x80 {
		return 0
	}
	if i := strings.IndexByte(runLetters, byte(r)); i >= 0 {
		return i + 2
	}
	return 0
}

// Mimecast URL Protect: https://protect-<region>.mimecast.com/s/<token>?domain=<host>
// and url.<grid>.m.mimecastprotect.com (or .a.): the token is a key into
// Mimecast's database, so only the domain hint can be read.

func isMimecastHost(host string) bool {
	if label, ok := singleLabelBefore(host, ".mimecast.com"); ok {
		region, ok := strings.CutPrefix(label, "protect-")
		return ok && region != ""
	}
	rest, ok := strings.CutPrefix(host, "url.")
	_, m := singleLabelBefore(rest, ".m.mimecastprotect.com")
	_, a := singleLabelBefore(rest, ".a.mimecastprotect.com")
	return ok && (m || a)
}

// mimecastHint returns the domain parameter when it is one well-formed host
// name, in lower case, and "" otherwise: the hint is shown to people, so it
// must not be able to carry a sentence of its own.
func mimecastHint(query string) string {
	values := queryValues(query, "domain")
	if len(values) != 1 {
		return ""
	}
	domain, ok := percentDecodeStrict(values[0])
	if !ok || domain == "" || len(domain) > maxDomainOctets {
		return ""
	}
	domain = strings.ToLower(domain)
	for i := 0; i < len(domain); i++ {
		if c := domain[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return ""
		}
	}
	return domain
}

// Query parameters and escapes.

// queryValues returns, in order, the raw values of the parameters in query
// named name. Names are compared after percent-decoding, as a server reads
// them, so "%75rl=" is a url parameter too.
func queryValues(query, name string) []string {
	var values []string
	for query != "" {
		var pair string
		pair, query, _ = strings.Cut(query, "&")
		key, value, _ := strings.Cut(pair, "=")
		if key == name || percentDecode(key) == name {
			values = append(values, value)
		}
	}
	return values
}

// decodeWrapped decodes the single parameter value that holds a wrapped
// link. It returns a reason instead when the parameter is repeated (a
// server may take either one, so where the link leads is ambiguous), empty,
// badly escaped or not UTF-8 text. Reasons name the parameter but never
// repeat its value, nor any other part of the query.
func decodeWrapped(values []string, param string, decode func(string) (string, bool)) (string, string) {
	switch {
	case len(values) > 1:
		return "", "The address has more than one " + param + " parameter, so where it leads is ambiguous."
	case values[0] == "":
		return "", "The " + param + " parameter, which holds the original link, is empty."
	}
	inner, ok := decode(values[0])
	if !ok {
		return "", "The " + param + " parameter has a broken escape (an escape character not followed by two hexadecimal digits)."
	}
	if !utf8.ValidString(inner) {
		return "", "The " + param + " parameter decodes to bytes that are not UTF-8 text."
	}
	return inner, ""
}
