package linkcore

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// HintKind says what a directory hint names.
type HintKind int

const (
	HintNone     HintKind = iota // no hint: people sign in to their own directory
	HintDomain                   // a domain name of the tenant
	HintTenantID                 // the tenant ID (a GUID)
)

func (k HintKind) String() string {
	switch k {
	case HintDomain:
		return "domain"
	case HintTenantID:
		return "tenant ID"
	}
	return "none"
}

// A DirectoryHint names the directory (tenant) whose portal the link opens.
type DirectoryHint struct {
	Kind HintKind
	// Value is the canonical form: a lower-case ASCII domain (Punycode for
	// international names) or a lower-case tenant ID.
	Value string
}

// Unicode returns the hint as people read it: international labels decoded.
func (h DirectoryHint) Unicode() string {
	if h.Kind == HintDomain {
		return domainToUnicode(h.Value)
	}
	return h.Value
}

// A HintError says why a text is not a directory hint.
type HintError struct {
	Input  string
	Reason string
}

func (e *HintError) Error() string {
	return "invalid directory hint " + quoteShort(e.Input) + ": " + e.Reason
}

// Limits from RFC 1035, in octets of the ASCII (Punycode) form.
const (
	maxLabelOctets  = 63
	maxDomainOctets = 253
)

// ParseDirectoryHint reads a directory hint: the tenant's domain name
// (Unicode in, Punycode out, as the browser maps it) or its tenant ID.
// Surrounding white space is ignored; an empty text is an error.
func ParseDirectoryHint(s string) (DirectoryHint, error) {
	if isPlainDomain(s) {
		return DirectoryHint{Kind: HintDomain, Value: s}, nil
	}
	text := strings.TrimSpace(s)
	fail := func(format string, args ...any) (DirectoryHint, error) {
		return DirectoryHint{}, &HintError{Input: s, Reason: fmt.Sprintf(format, args...)}
	}
	if text == "" {
		return fail("it is empty")
	}
	if looksLikeGUID(text) {
		id, err := parseGUID(text)
		if err != nil {
			return fail("it looks like a tenant ID but %v", err)
		}
		return DirectoryHint{Kind: HintTenantID, Value: id.String()}, nil
	}
	i := -1
	for _, r := range text {
		i++
		switch {
		case r == '@':
			if i == 0 {
				return fail("remove the leading \"@\": the link adds it")
			}
			return fail("character %d is \"@\": give the domain only (contoso.com), not an address", i+1)
		case r == '/' || r == '#' || r == '?' || r == '\\' || r == ':' || r == '%':
			return fail("character %d is %q, which cannot be in a domain name: give the domain only", i+1, r)
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0':
			return fail("character %d is a space; a domain name has none", i+1)
		case r < 0x20 || r == 0x7f || isInvisible(r) || isBidiControl(r):
			return fail("character %d is %s", i+1, describeRune(r))
		}
	}
	ascii, err := domainToASCII(text)
	if err != nil {
		return fail("%v", err)
	}
	if len(ascii) > maxDomainOctets {
		return fail("it is %d characters long; a domain name has at most %d", len(ascii), maxDomainOctets)
	}
	if !strings.Contains(ascii, ".") {
		return fail("a tenant domain has at least two labels, such as contoso.onmicrosoft.com")
	}
	labels := strings.Split(ascii, ".")
	for i, label := range labels {
		switch {
		case label == "" && i == len(labels)-1:
			return fail("it ends with a dot; remove it")
		case label == "":
			return fail("label %d is empty (two dots in a row, or a leading dot)", i+1)
		case len(label) > maxLabelOctets:
			return fail("label %d (%s) is %d characters long; a label has at most %d", i+1, quoteShort(label), len(label), maxLabelOctets)
		case label[0] == '-' || label[len(label)-1] == '-':
			return fail("label %d (%s) starts or ends with a hyphen", i+1, quoteShort(label))
		}
		for j := 0; j < len(label); j++ {
			if c := label[j]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				r, _ := utf8.DecodeRuneInString(label[j:])
				return fail("label %d has %s; a domain name has letters, digits and hyphens", i+1, describeRune(r))
			}
		}
	}
	return DirectoryHint{Kind: HintDomain, Value: ascii}, nil
}

// isPlainDomain reports, in one pass, whether s is already a canonical
// domain hint: lower-case letters, digits and hyphens in two or more valid
// labels. Anything else takes the general path, which explains the fault.
func isPlainDomain(s string) bool {
	if len(s) > maxDomainOctets || len(s) == 0 {
		return false
	}
	labelStart, dots := 0, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			n := i - labelStart
			if n == 0 || n > maxLabelOctets || s[labelStart] == '-' || s[i-1] == '-' ||
				(n >= 4 && s[labelStart+2] == '-' && s[labelStart+3] == '-') {
				return false // empty, long, hyphenated at an end, or "xn--"-like
			}
			if i < len(s) {
				dots++
			}
			labelStart = i + 1
			continue
		}
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return dots > 0
}

// looksLikeGUID reports whether s is shaped like a GUID rather than a domain:
// 32 or more hexadecimal digits and hyphens, with braces allowed around.
func looksLikeGUID(s string) bool {
	s = strings.Trim(s, "{}")
	if len(s) < 32 || strings.Contains(s, ".") {
		return false
	}
	for _, r := range s {
		if !isHex(r) && r != '-' {
			return false
		}
	}
	return true
}
