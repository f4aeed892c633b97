package linkcore

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that keep a check fast on hostile input.
const (
	// MaxInput is how many bytes of a text Check reads.
	MaxInput = 1 << 20
	// MaxLinks is how many links Check reports from one text.
	MaxLinks = 1000
	// maxJoinedLines is how many continuation lines one link may take.
	maxJoinedLines = 20
)

// A candidate is one link found in a text, with the repairs that made it
// readable.
type candidate struct {
	text  string
	notes []Code // CodeHTMLEntities, CodeQuotedPrintable, CodeDefanged, CodeLineBroken, CodeNoScheme
	ascii bool   // known to be ASCII, so free of invisible and bidi characters
}

// linkSchemes are the schemes that start a link in free text. Other
// "word:" tokens are prose.
var linkSchemes = []string{"https", "http", "hxxps", "hxxp", "javascript", "vbscript", "data", "file", "ftp", "wss", "ws", "blob"}

// findLinks returns the links in text, in order, repaired the way a person
// would repair them before clicking: quoted-printable and HTML entities
// decoded, defanged forms restored, links broken over lines joined, and
// surrounding brackets, quotes and trailing punctuation removed.
func findLinks(text string) []candidate {
	// Each repair sees the text the one before it made: decoding can
	// produce the "[.]" or "hxx" of a defanged link.
	var global []Code
	if decoded, ok := decodeQuotedPrintable(text); ok {
		text, global = decoded, append(global, CodeQuotedPrintable)
	}
	if decoded, ok := decodeEntities(text); ok {
		text, global = decoded, append(global, CodeHTMLEntities)
	}
	if refanged, ok := refang(text); ok {
		text, global = refanged, append(global, CodeDefanged)
	}
	if whole, ok := wholeLink(text); ok {
		return []candidate{{text: whole, notes: global}}
	}
	var found []candidate
	for i := 0; i < len(text) && len(found) < MaxLinks; {
		start, implied := nextLinkStart(text, i)
		if start < 0 {
			break
		}
		end := linkEnd(text, start)
		link := text[start:end]
		notes := append([]Code(nil), global...)
		for joins := 0; joins < maxJoinedLines; joins++ {
			more, next, ok := continuation(text, start, end, link)
			if !ok {
				break
			}
			link += more
			end = next
			if joins == 0 {
				notes = append(notes, CodeLineBroken)
			}
		}
		link = trimTrailing(link)
		if implied {
			link = "https://" + link
			notes = append(notes, CodeNoScheme)
		}
		found = append(found, candidate{text: link, notes: notes})
		i = end
	}
	return found
}

// plainNeedsWork marks the bytes that send a text down the full path of
// findLinks: white space, delimiters, the signs of encodings and defanging,
// and non-ASCII.
var plainNeedsWork = func() (set byteSet) {
	set = makeByteSet(" \t\n\r\f\v<>\"`'&=[](){}xX")
	for c := 0x80; c < 0x100; c++ {
		set[c] = true
	}
	return set
}()

// isPlainLink recognises the most common input, a bare https link with
// nothing around it and nothing to repair, in one pass.
func isPlainLink(text string) bool {
	if len(text) < 8 || !strings.EqualFold(text[:8], "https://") || plainNeedsWork.index(text) >= 0 {
		return false
	}
	return trimTrailing(text) == text
}

// wholeLink recognises a text that is one link with tabs or line breaks
// inside ("java\tscript:", a link wrapped in a chat box): the browser removes
// those characters from a link, so the whole text is the link. Text with
// spaces, a blank line, a second link on a later line, or a line that
// continuation would not join to the link ("…microsoft.com\nThanks") is
// prose.
func wholeLink(text string) (string, bool) {
	trimmed := trimC0Space(trimTrailing(trimC0Space(text)))
	if !hasTabOrNewline(trimmed) || strings.ContainsAny(trimmed, " \f\v") {
		return "", false
	}
	lines := strings.Split(trimmed, "\n")
	if len(lines) > 1+maxJoinedLines {
		return "", false
	}
	var joined strings.Builder
	for i, line := range lines {
		line = strings.TrimSuffix(line, "\r")
		if i > 0 && (line == "" || !joinsNextLine(joined.String(), len(lines[i-1]))) {
			return "", false
		}
		for j, token := range strings.Split(line, "\t") {
			if start, _ := nextLinkStart(token, 0); start == 0 && (i > 0 || j > 0) {
				return "", false
			}
			joined.WriteString(token)
		}
	}
	if start, implied := nextLinkStart(joined.String(), 0); start != 0 || implied {
		return "", false
	}
	return trimmed, true
}

// nextLinkStart finds where the next link starts at or after i: a known
// scheme at a word boundary, or else a bare portal host ("myaccess.…"), for
// which implied reports that "https://" must be added.
func nextLinkStart(text string, i int) (start int, implied bool) {
	for ; i < len(text); i++ {
		c := text[i] | 0x20
		if c < 'a' || c > 'z' || (i > 0 && isWordByte(text[i-1])) {
			continue
		}
		for _, scheme := range linkSchemes {
			n := len(scheme)
			if i+n < len(text) && text[i+n] == ':' && strings.EqualFold(text[i:i+n], scheme) {
				return i, false
			}
		}
		for _, cloud := range Clouds {
			n := len(cloud.Host)
			if i+n <= len(text) && strings.EqualFold(text[i:i+n], cloud.Host) {
				return i, true
			}
		}
	}
	return -1, false
}

// isWordByte reports the bytes that, right before a scheme, make it part of
// a longer word ("xhttps:"). '_' is not one: it is Markdown emphasis.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '+'
}

// linkEnd returns where a link starting at start ends: at white space, at a
// character that cannot be part of a link in text (<, >, ", `), or at the
// punctuation of other scripts that text puts right after a link (。，」”»…).
func linkEnd(text string, start int) int {
	for i := start; i < len(text); i++ {
		switch c := text[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
			c == '<' || c == '>' || c == '"' || c == '`':
			return i
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(text[i:])
			if (unicode.IsSpace(r) || strings.ContainsRune(textPunctuation, r)) && !continuesLink(text[i+size:]) {
				return i
			}
		}
	}
	return len(text)
}

// continuesLink reports whether text goes on the way a host or path does
// (".evil.example/…"). Then the mark before it is inside the link, as the
// browser would read it, and not punctuation after it: a space that Chromium
// maps into the host must not split "myaccess.microsoft.com\u3000.evil.example"
// into a genuine-looking link and prose.
func continuesLink(text string) bool {
	return text != "" && strings.IndexByte("./@:#?%\\", text[0]) >= 0
}

// textPunctuation are the non-ASCII marks that end a link in running text:
// CJK full stops, commas and brackets, typographic quotes and the ellipsis.
const textPunctuation = "。，、；：！？「」『』（）【】〈〉《》“”‘’«»…"

// continuation decides whether a link that ends at a line break goes on in
// the next line, as it does when a mail program wraps a long line. It
// returns the text to add and where the link now ends.
func continuation(text string, start, end int, link string) (more string, next int, ok bool) {
	i := end
	if i < len(text) && text[i] == '\r' {
		i++
	}
	if i >= len(text) || text[i] != '\n' {
		return "", 0, false
	}
	i++
	nextEnd := linkEnd(text, i)
	token := text[i:nextEnd]
	if token == "" || strings.Contains(token, "://") {
		return "", 0, false
	}
	if s, _ := nextLinkStart(token, 0); s == 0 {
		return "", 0, false
	}
	lineStart := strings.LastIndexByte(text[:start], '\n') + 1
	if !joinsNextLine(link, end-lineStart) {
		return "", 0, false
	}
	return token, nextEnd, true
}

// joinsNextLine reports whether a link that a line break cut after link, on
// a line lineLen bytes long, goes on on the next line: the link visibly stops
// short, or the line was wrapped (it is long) before the link's package ID
// was whole. After a whole ID, the next line is the message going on.
func joinsNextLine(link string, lineLen int) bool {
	if incompleteLink(link) {
		return true
	}
	id, isRequest := requestIDPart(link)
	return lineLen >= 70 && (!isRequest || len(id) < 36)
}

// incompleteLink reports a link that visibly stops short: it ends in a
// character that cannot end a link, or its package ID is too short.
func incompleteLink(link string) bool {
	if link == "" {
		return false
	}
	if strings.IndexByte("/-=@#?&%.:_", link[len(link)-1]) >= 0 {
		return true
	}
	id, isRequest := requestIDPart(link)
	return isRequest && len(id) < 36 && strings.Trim(id, "0123456789abcdef-") == ""
}

// requestIDPart returns, lower-cased, what follows the request route
// ("#/access-packages/") in link, and whether link has the route.
func requestIDPart(link string) (id string, isRequest bool) {
	lower := strings.ToLower(link)
	at := strings.LastIndex(lower, "#"+requestRoute)
	if at < 0 {
		return "", false
	}
	return lower[at+1+len(requestRoute):], true
}

// trimTrailing removes what text puts after a link: sentence punctuation,
// and closing brackets or quotes that have no opening one in the link.
func trimTrailing(link string) string {
	for link != "" {
		last := link[len(link)-1]
		switch last {
		case '.', ',', ';', ':', '!', '?', '\'', '*', '_':
		case ')':
			if strings.Count(link, "(") >= strings.Count(link, ")") {
				return link
			}
		case ']':
			if strings.Count(link, "[") >= strings.Count(link, "]") {
				return link
			}
		case '}':
			if strings.Count(link, "{") >= strings.Count(link, "}") {
				return link
			}
		default:
			return link
		}
		link = link[:len(link)-1]
	}
	return link
}

// decodeQuotedPrintable undoes quoted-printable encoding in text copied from
// plain-text mail: "=" at a line end is a soft break and "=3D" is "=". It
// changes nothing unless the text shows one of those signs.
func decodeQuotedPrintable(text string) (string, bool) {
	if !strings.Contains(text, "=\n") && !strings.Contains(text, "=\r\n") && !strings.Contains(text, "=3D") {
		return text, false
	}
	r := strings.NewReplacer("=\r\n", "", "=\n", "", "=3D", "=", "=3d", "=")
	return r.Replace(text), true
}

// entities are the named HTML entities that appear around links in mail.
// Numeric entities (&#47; &#x2F;) are decoded too.
var entities = map[string]string{
	"amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u00a0",
	"sol": "/", "colon": ":", "num": "#", "quest": "?", "equals": "=", "commat": "@", "period": ".",
}

// decodeEntities decodes HTML character references such as &amp; and &#x2F;.
func decodeEntities(text string) (string, bool) {
	if strings.IndexByte(text, '&') < 0 {
		return text, false
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(text); i++ {
		if text[i] != '&' {
			b.WriteByte(text[i])
			continue
		}
		semi := strings.IndexByte(text[i:min(len(text), i+12)], ';')
		if semi < 2 {
			b.WriteByte('&')
			continue
		}
		name := text[i+1 : i+semi]
		if repl, ok := entityValue(name); ok {
			b.WriteString(repl)
			i += semi
			changed = true
			continue
		}
		b.WriteByte('&')
	}
	if !changed {
		return text, false
	}
	return b.String(), true
}

func entityValue(name string) (string, bool) {
	if v, ok := entities[strings.ToLower(name)]; ok {
		return v, true
	}
	if len(name) < 2 || name[0] != '#' {
		return "", false
	}
	var n uint64
	var err error
	if name[1] == 'x' || name[1] == 'X' {
		n, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(name[1:], 10, 32)
	}
	if err != nil || n == 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) {
		return "", false
	}
	return string(rune(n)), true
}

// containsHXX reports whether text has "hxx" in any case.
func containsHXX(text string) bool {
	for i := 0; i+2 < len(text); i++ {
		if text[i]|0x20 == 'h' && text[i+1]|0x20 == 'x' && text[i+2]|0x20 == 'x' {
			return true
		}
	}
	return false
}

// defangs are the ways people and security tools make links unclickable.
var defangs = strings.NewReplacer(
	"hxxps://", "https://", "hXXps://", "https://", "HXXPS://", "https://",
	"hxxp://", "http://", "hXXp://", "http://", "HXXP://", "http://",
	"hxxps[:]//", "https://", "hxxp[:]//", "http://", "https[:]//", "https://", "http[:]//", "http://",
	"[://]", "://", "[:]", ":", "[.]", ".", "(.)", ".", "{.}", ".", "[dot]", ".", "(dot)", ".",
)

// refang restores defanged links.
func refang(text string) (string, bool) {
	if !strings.ContainsAny(text, "[({") && !containsHXX(text) {
		return text, false
	}
	out := defangs.Replace(text)
	return out, out != text
}
