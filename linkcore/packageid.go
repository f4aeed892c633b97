package linkcore

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// An IDError says why a text is not an access package ID (or tenant ID).
type IDError struct {
	Input  string // the text as given
	Reason string // what is wrong, for people
}

func (e *IDError) Error() string { return "invalid ID " + quoteShort(e.Input) + ": " + e.Reason }

// ParsePackageID reads an access package ID the way people paste it:
// upper or lower case, with or without hyphens, in braces or parentheses,
// with a "urn:uuid:" prefix, with stray white space. Any 8-4-4-4-12
// hexadecimal value is accepted: Microsoft's own examples are not RFC 4122
// version-4 GUIDs, so version bits are not checked.
//
// Unlike uuid.Parse, which accepts any 38-character text with any two
// wrapper characters, it rejects everything else with the exact character
// and position at fault.
func ParsePackageID(s string) (uuid.UUID, error) {
	id, err := parseGUID(s)
	if err != nil {
		return uuid.UUID{}, &IDError{Input: s, Reason: err.Error()}
	}
	return id, nil
}

// parseGUID does the work of ParsePackageID; its errors carry only the reason.
func parseGUID(s string) (uuid.UUID, error) {
	if id, _, ok := parseHyphenatedGUID(s); ok {
		return id, nil
	}
	clean := s
	if !isCompactASCII(s) {
		clean = strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
				return -1
			}
			return r
		}, s)
	}
	if clean == "" {
		return uuid.UUID{}, fmt.Errorf("it is empty")
	}
	if len(clean) >= 9 && strings.EqualFold(clean[:9], "urn:uuid:") {
		clean = clean[9:]
	}
	if n := len(clean); n >= 2 {
		first, last := clean[0], clean[n-1]
		if (first == '{' && last == '}') || (first == '(' && last == ')') {
			clean = clean[1 : n-1]
		} else if first == '{' || first == '(' {
			return uuid.UUID{}, fmt.Errorf("it opens with %q but does not close", first)
		} else if last == '}' || last == ')' {
			return uuid.UUID{}, fmt.Errorf("it ends with %q but does not open", last)
		}
	}
	var hex [32]byte
	switch n := utf8.RuneCountInString(clean); {
	case n == 36:
		digits, i := 0, -1
		for _, r := range clean {
			i++
			if i == 8 || i == 13 || i == 18 || i == 23 {
				if r != '-' {
					return uuid.UUID{}, fmt.Errorf("character %d is %s; a hyphen belongs there (8-4-4-4-12 groups)", i+1, describeRune(r))
				}
				continue
			}
			if !isHex(r) {
				return uuid.UUID{}, fmt.Errorf("character %d is %s, not a hexadecimal digit (0-9, a-f)", i+1, describeRune(r))
			}
			hex[digits] = byte(r)
			digits++
		}
	case n == 32:
		i := -1
		for _, r := range clean {
			i++
			if !isHex(r) {
				return uuid.UUID{}, fmt.Errorf("character %d is %s, not a hexadecimal digit (0-9, a-f)", i+1, describeRune(r))
			}
			hex[i] = byte(r)
		}
	default:
		digits, i := 0, -1
		for _, r := range clean {
			i++
			switch {
			case isHex(r):
				digits++
			case r == '-':
			default:
				return uuid.UUID{}, fmt.Errorf("character %d is %s, not a hexadecimal digit (0-9, a-f)", i+1, describeRune(r))
			}
		}
		if digits < 32 {
			return uuid.UUID{}, fmt.Errorf("it has %d of the 32 hexadecimal digits an ID has (8-4-4-4-12): it may have been cut off", digits)
		}
		return uuid.UUID{}, fmt.Errorf("it has %d hexadecimal digits; an ID has 32 (8-4-4-4-12)", digits)
	}
	var id uuid.UUID
	for i := range id {
		id[i] = unhex(hex[2*i])<<4 | unhex(hex[2*i+1])
	}
	if id == uuid.Nil {
		return id, fmt.Errorf("it is the nil ID (all zeros), which no access package or tenant has")
	}
	return id, nil
}

// hexDigits maps a byte to its value as a hexadecimal digit, or to
// notHex; upper-case digits are marked with upperHex.
var hexDigits = func() (t [256]byte) {
	for c := range t {
		switch {
		case '0' <= c && c <= '9':
			t[c] = byte(c - '0')
		case 'a' <= c && c <= 'f':
			t[c] = byte(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			t[c] = byte(c-'A'+10) | upperHex
		default:
			t[c] = notHex
		}
	}
	return t
}()

const (
	upperHex = 0x10
	notHex   = 0x80
)

// parseHyphenatedGUID reads the form IDs nearly always come in, 8-4-4-4-12
// hexadecimal in either case, without the general path's checks. lower
// reports the canonical lower-case form.
func parseHyphenatedGUID(s string) (id uuid.UUID, lower, ok bool) {
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return id, false, false
	}
	var seen byte
	j := 0
	for i := 0; i < 36; i += 2 {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			i++
		}
		hi, lo := hexDigits[s[i]], hexDigits[s[i+1]]
		seen |= hi | lo
		id[j] = hi<<4 | lo&0xf
		j++
	}
	return id, seen&upperHex == 0, seen&notHex == 0 && id != uuid.Nil
}

// isCompactASCII reports whether s is ASCII without white space, the form
// IDs nearly always come in, so that parsing it needs no copy.
func isCompactASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

func isHex(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// describeRune names a character so that people can find it, including
// the ones they cannot see.
func describeRune(r rune) string {
	if r == utf8.RuneError {
		return "an invalid byte"
	}
	if unicode.IsPrint(r) && r < 0x80 {
		return fmt.Sprintf("%q", r)
	}
	if unicode.IsPrint(r) {
		return fmt.Sprintf("%q (U+%04X)", r, r)
	}
	return fmt.Sprintf("an invisible character (U+%04X)", r)
}

// quoteShort quotes s for a message, shortening long input.
func quoteShort(s string) string {
	const max = 80
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
