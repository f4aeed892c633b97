package linkcore

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// specialPorts lists the special schemes of the URL standard and their
// default ports ("" for file, which has none).
var specialPorts = map[string]string{
	"http": "80", "https": "443", "ws": "80", "wss": "443", "ftp": "21", "file": "",
}

// ParseURL reads s as a browser's address bar or link would: the WHATWG URL
// standard without a base URL, as Chromium implements it. Where Go's net/url
// and the standard disagree (backslashes, tabs and newlines, "https:host"
// without slashes, percent-encoded dots in hosts, IPv4 shorthand), ParseURL
// agrees with the browser; where Chromium departs from the standard (it
// escapes a space or '*' in a host, escapes '^' and '|' in a path, keeps
// file://localhost), ParseURL follows Chromium. It fails exactly where the
// browser would refuse the text, with a *ParseError.
func ParseURL(s string) (*URL, error) {
	p := urlParser{input: s}
	u, reason := p.parse()
	if reason != "" {
		return nil, &ParseError{Input: s, Reason: reason}
	}
	return u, nil
}

type urlParser struct {
	input string
	u     URL
}

func (p *urlParser) quirk(c Code) {
	for _, q := range p.u.Quirks {
		if q == c {
			return
		}
	}
	p.u.Quirks = append(p.u.Quirks, c)
}

// parse returns the URL, or a reason the browser would refuse it.
func (p *urlParser) parse() (*URL, string) {
	s := trimC0Space(p.input)
	if hasTabOrNewline(s) {
		s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
		p.quirk(CodeWhitespaceRemoved)
	}
	if s == "" {
		return nil, "it is empty"
	}
	colon := schemeEnd(s)
	if colon < 0 {
		return nil, "it has no scheme such as https: (a browser needs the full link)"
	}
	scheme := s[:colon]
	if lower := strings.ToLower(scheme); lower != scheme {
		p.quirk(CodeUppercase)
		scheme = lower
	}
	p.u.Scheme = scheme
	rest := s[colon+1:]
	defaultPort, special := specialPorts[scheme]
	switch {
	case scheme == "file":
		return p.parseFile(rest)
	case special:
		return p.parseSpecial(rest, defaultPort)
	}
	return p.parseOther(rest)
}

// schemeEnd returns the index of the ':' that ends a valid scheme, or -1.
func schemeEnd(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return i
		default:
			return -1
		}
	}
	return -1
}

func isSlash(c byte) bool { return c == '/' || c == '\\' }

// parseSpecial reads what follows "http:", "https:", "ws:", "wss:" or "ftp:".
func (p *urlParser) parseSpecial(rest, defaultPort string) (*URL, string) {
	slashes := 0
	for slashes < len(rest) && isSlash(rest[slashes]) {
		if rest[slashes] == '\\' {
			p.quirk(CodeBackslash)
		}
		slashes++
	}
	if slashes != 2 {
		p.quirk(CodeMissingSlashes)
	}
	rest = rest[slashes:]
	end := specialAuthorityEnd.indexOrEnd(rest)
	authority, tail := rest[:end], rest[end:]
	hostText, port, reason := p.splitAuthority(authority)
	if reason != "" {
		return nil, reason
	}
	if hostText == "" {
		return nil, "it has no host"
	}
	if port == defaultPort && port != "" {
		p.quirk(CodeExplicitPort)
		port = ""
	}
	p.u.Port = port
	if reason := p.parseHost(hostText); reason != "" {
		return nil, reason
	}
	p.parsePathQueryFragment(tail, true)
	return &p.u, ""
}

// parseFile reads what follows "file:"; its host rules differ.
func (p *urlParser) parseFile(rest string) (*URL, string) {
	if len(rest) >= 2 && isSlash(rest[0]) && isSlash(rest[1]) {
		rest = rest[2:]
		end := specialAuthorityEnd.indexOrEnd(rest)
		hostText := rest[:end]
		rest = rest[end:]
		if hostText != "" && !isWindowsDriveLetter(hostText) {
			if reason := p.parseHost(hostText); reason != "" {
				return nil, reason
			}
		}
	}
	p.parsePathQueryFragment(rest, true)
	return &p.u, ""
}

func isWindowsDriveLetter(s string) bool {
	return len(s) == 2 && (s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z') && (s[1] == ':' || s[1] == '|')
}

// parseOther reads the rest of a URL with a non-special scheme such as
// javascript:, data: or mailto:. Only "scheme://host" forms have a host.
func (p *urlParser) parseOther(rest string) (*URL, string) {
	if !strings.HasPrefix(rest, "//") {
		end := indexQueryOrFragment(rest)
		if strings.HasPrefix(rest, "/") {
			p.u.Path = serializePath(rest[:end], false, p)
		} else {
			p.u.Path = percentEncode(rest[:end], c0ControlSet)
		}
		p.parseQueryFragment(rest[end:], false)
		return &p.u, ""
	}
	rest = rest[2:]
	end := authorityEnd.indexOrEnd(rest)
	authority, tail := rest[:end], rest[end:]
	hostText, port, reason := p.splitAuthority(authority)
	if reason != "" {
		return nil, reason
	}
	p.u.Port = port
	if strings.HasPrefix(hostText, "[") {
		if reason := p.parseHost(hostText); reason != "" {
			return nil, reason
		}
	} else {
		for i := 0; i < len(hostText); i++ {
			if c := hostText[i]; forbiddenHostBytes[c] {
				return nil, "its host has the character " + strconv.QuoteRune(rune(c)) + ", which a host cannot contain"
			}
		}
		p.u.Host, p.u.HostKind = percentEncode(hostText, c0ControlSet), OpaqueHost
	}
	p.parsePathQueryFragment(tail, false)
	return &p.u, ""
}

// splitAuthority splits what lies between "//" and the path: user
// information up to the last '@' (the browser's reading, whatever the text
// before it looks like), then host and port.
func (p *urlParser) splitAuthority(authority string) (host, port, reason string) {
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		p.parseUserinfo(authority[:at])
		authority = authority[at+1:]
	}
	return splitHostPort(authority)
}

// parseUserinfo keeps the user name and password, percent-encoded as the
// browser keeps them. Their presence is what matters: they hide the host.
func (p *urlParser) parseUserinfo(userinfo string) {
	user, pass, _ := strings.Cut(userinfo, ":")
	p.u.Username = percentEncode(user, userinfoSet)
	p.u.Password = percentEncode(pass, userinfoSet)
}

// splitHostPort splits an authority without userinfo at the first ':'
// outside brackets, and validates the port as the browser does.
func splitHostPort(authority string) (host, port, reason string) {
	inBrackets := false
	for i := 0; i < len(authority); i++ {
		switch authority[i] {
		case '[':
			inBrackets = true
		case ']':
			inBrackets = false
		case ':':
			if inBrackets {
				continue
			}
			host, portText := authority[:i], authority[i+1:]
			if host == "" {
				return "", "", "it has no host"
			}
			if portText == "" {
				return host, "", ""
			}
			for j := 0; j < len(portText); j++ {
				if portText[j] < '0' || portText[j] > '9' {
					return "", "", "its port " + quoteShort(portText) + " is not a number"
				}
			}
			n, err := strconv.ParseUint(portText, 10, 32)
			if err != nil || n > 65535 {
				return "", "", "its port " + quoteShort(portText) + " is larger than 65535"
			}
			return host, strconv.FormatUint(n, 10), ""
		}
	}
	return authority, "", ""
}

// forbiddenHostBytes holds the forbidden host code points of the URL
// standard; forbiddenDomainBytes adds the rest of the forbidden domain
// code points (C0 controls, '%', DEL).
var (
	forbiddenHostBytes   = makeByteSet("\x00\t\n\r #/:<>?@[\\]^|")
	forbiddenDomainBytes = makeByteSet("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f" +
		"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f #%/:<>?@[\\]^|\x7f")
)

// parseHost reads a special URL's host: IPv6 in brackets, else a domain
// (percent-decoded, mapped to ASCII) that may turn out to be IPv4.
func (p *urlParser) parseHost(text string) string {
	if strings.HasPrefix(text, "[") {
		if !strings.HasSuffix(text, "]") {
			return "its IPv6 host has no closing ']'"
		}
		ip, ok := parseIPv6(text[1 : len(text)-1])
		if !ok {
			return "its host " + quoteShort(text) + " is not a valid IPv6 address"
		}
		p.u.Host, p.u.HostKind = ip, IPv6Host
		return ""
	}
	decoded := percentDecode(text)
	ascii := decoded // a plain host, the usual one, is already what domainToASCII gives
	if plain, isASCII := plainASCIIHost(decoded); !plain {
		if !utf8.ValidString(decoded) {
			return "its host is not valid UTF-8 once percent-decoded"
		}
		if isASCII && decoded != strings.ToLower(decoded) {
			p.quirk(CodeUppercase)
		}
		var err error
		if ascii, err = domainToASCII(decoded); err != nil {
			return "its host " + quoteShort(text) + " cannot be mapped: " + err.Error()
		}
	}
	if ascii == "" {
		return "its host is empty"
	}
	escape := false
	for i := 0; i < len(ascii); i++ {
		c := ascii[i]
		if forbiddenDomainBytes[c] && c != ' ' {
			return "its host has " + describeRune(rune(c)) + ", which a host name cannot contain"
		}
		escape = escape || c == ' ' || c == '*'
	}
	if escape {
		ascii = chromiumHostEscapes.Replace(ascii)
	}
	if endsInNumber(ascii) {
		ip, ok := parseIPv4(ascii)
		if !ok {
			return "its host " + quoteShort(ascii) + " ends in a number but is not a valid IPv4 address"
		}
		p.u.Host, p.u.HostKind = ip, IPv4Host
		return ""
	}
	p.u.Host, p.u.HostKind = ascii, DomainHost
	return ""
}

// chromiumHostEscapes are the two host characters Chromium percent-encodes
// where the URL standard refuses the space and keeps the star.
var chromiumHostEscapes = strings.NewReplacer(" ", "%20", "*", "%2A")

// parsePathQueryFragment reads the path, then query and fragment.
func (p *urlParser) parsePathQueryFragment(tail string, special bool) {
	end := indexQueryOrFragment(tail)
	p.u.Path = serializePath(tail[:end], special, p)
	p.parseQueryFragment(tail[end:], special)
}

func (p *urlParser) parseQueryFragment(tail string, special bool) {
	if strings.HasPrefix(tail, "?") {
		end := strings.IndexByte(tail, '#')
		if end < 0 {
			end = len(tail)
		}
		set := querySet
		if special {
			set = specialQuerySet
		}
		p.u.Query, p.u.HasQuery = percentEncode(tail[1:end], set), true
		tail = tail[end:]
	}
	if strings.HasPrefix(tail, "#") {
		p.u.Fragment, p.u.HasFragment = percentEncode(tail[1:], fragmentSet), true
	}
}

// serializePath splits a path into segments, resolves "." and ".." (also
// percent-encoded) and percent-encodes each segment, as the browser does.
func serializePath(path string, special bool, p *urlParser) string {
	if path == "" {
		if special {
			return "/"
		}
		return ""
	}
	if path[0] == '/' && !strings.Contains(path, "\\") && !hasDotSegment(path) && percentEncode(path, pathSet) == path {
		return path // nothing to resolve or encode: the common case, without allocating
	}
	var segments []string
	isSep := func(c byte) bool { return c == '/' || special && c == '\\' }
	start := 0
	if isSep(path[0]) {
		if path[0] == '\\' {
			p.quirk(CodeBackslash)
		}
		start = 1
	}
	for i := start; ; i++ {
		if i < len(path) && !isSep(path[i]) {
			continue
		}
		if i < len(path) && path[i] == '\\' {
			p.quirk(CodeBackslash)
		}
		segment := path[start:i]
		last := i == len(path)
		switch {
		case isDoubleDot(segment):
			if len(segments) > 0 {
				segments = segments[:len(segments)-1]
			}
			if last {
				segments = append(segments, "")
			}
		case isSingleDot(segment):
			if last {
				segments = append(segments, "")
			}
		default:
			segments = append(segments, percentEncode(segment, pathSet))
		}
		if last {
			break
		}
		start = i + 1
	}
	return "/" + strings.Join(segments, "/")
}

// hasDotSegment reports whether a '/'-separated path has a segment that
// is "." or "..", plainly or percent-encoded.
func hasDotSegment(path string) bool {
	for len(path) > 0 {
		i := strings.IndexByte(path, '/')
		segment := path
		if i >= 0 {
			segment, path = path[:i], path[i+1:]
		} else {
			path = ""
		}
		if len(segment) <= 6 && (isSingleDot(segment) || isDoubleDot(segment)) {
			return true
		}
	}
	return false
}

func isSingleDot(s string) bool { return s == "." || strings.EqualFold(s, "%2e") }

func isDoubleDot(s string) bool {
	switch strings.ToLower(s) {
	case "..", ".%2e", "%2e.", "%2e%2e":
		return true
	}
	return false
}
