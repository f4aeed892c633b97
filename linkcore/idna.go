package linkcore

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// domainToASCII maps a host name the way the URL standard's "domain to ASCII"
// does (UTS 46, non-transitional, CheckHyphens off, STD3 rules off), for the
// subset that matters here: ASCII case, full-width forms, the ideographic
// full stops, the characters UTS 46 ignores, spaces, the compatibility
// letters that imitate ASCII (mathematical, circled, Roman numerals), Unicode
// lower case, then Punycode for every non-ASCII label. A host that needs a
// mapping outside that subset is still reported as not genuine; it is never
// mistaken for a genuine host, only possibly shown with a different Punycode
// than the browser would show. Like Chromium, it does not validate "xn--"
// labels that are already ASCII.
func domainToASCII(s string) (string, error) {
	if plain, ascii := plainASCIIHost(s); plain {
		return s, nil
	} else if ascii {
		return strings.ToLower(s), nil
	}
	mapped := strings.Map(mapUTS46, s)
	if !utf8.ValidString(mapped) {
		return "", errors.New("the host is not valid UTF-8")
	}
	for _, r := range mapped {
		if disallowedUTS46(r) {
			return "", errors.New("the host has " + describeRune(r) + ", which host names cannot contain")
		}
	}
	labels := strings.Split(mapped, ".")
	for i, label := range labels {
		if isASCII(label) {
			continue
		}
		enc, err := punyEncode(label)
		if err != nil {
			return "", err
		}
		labels[i] = "xn--" + enc
	}
	return strings.Join(labels, "."), nil
}

// mapUTS46 maps one rune as UTS 46 does, for the subset described above;
// -1 drops the rune.
func mapUTS46(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r == '\u3002' || r == '\uff0e' || r == '\uff61':
		return '.'
	case r >= 0xff01 && r <= 0xff5e:
		return mapUTS46(r - 0xfee0)
	case r == '\u00a0' || ('\u2000' <= r && r <= '\u200a') || r == '\u202f' || r == '\u205f' || r == '\u3000':
		return ' ' // then escaped as %20, as Chromium does
	case r >= 0x1d400 && r <= 0x1d6a3 && unicode.IsLetter(r): // mathematical alphanumeric letters: 𝐦 𝑚 𝒎 …, not the unassigned holes
		return 'a' + (r-0x1d400)%52%26
	case r >= 0x1d7ce && r <= 0x1d7ff: // mathematical digits
		return '0' + (r-0x1d7ce)%10
	case r >= 0x24b6 && r <= 0x24e9: // circled letters: Ⓜ ⓜ
		return 'a' + (r-0x24b6)%26
	case r >= 0x2160 && r <= 0x217f: // Roman numerals that are one letter: Ⅿ ⅿ Ⅽ ⅽ …
		if letter, ok := romanLetters[(r-0x2160)%16]; ok {
			return letter
		}
	case r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff' || r == '\u034f' ||
		(r >= '\u180b' && r <= '\u180d') || (r >= '\ufe00' && r <= '\ufe0f'):
		return -1
	}
	return unicode.ToLower(r)
}

// romanLetters maps the one-letter Roman numerals (by offset from U+2160 or
// U+2170) to the letters NFKC gives them; the others become several
// letters and are left unmapped.
var romanLetters = map[rune]rune{0: 'i', 4: 'v', 9: 'x', 12: 'l', 13: 'c', 14: 'd', 15: 'm'}

// disallowedUTS46 reports the characters UTS 46 refuses in a host name,
// as far as they matter for links: controls, format characters (bidi
// controls, joiners), spaces, private use, and the replacement character.
func disallowedUTS46(r rune) bool {
	return r != ' ' && unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs, unicode.Zs, unicode.Zl, unicode.Zp) ||
		r == utf8.RuneError || r&0xfffe == 0xfffe || unassigned(r)
}

// unassigned reports a code point that no Unicode category holds (as of
// Go's Unicode version), such as the holes in the mathematical letters.
func unassigned(r rune) bool {
	return !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs)
}

// domainToUnicode shows an ASCII host as people read it: "xn--" labels
// decoded.
func domainToUnicode(ascii string) string {
	if !strings.Contains(ascii, "xn--") {
		return ascii
	}
	labels := strings.Split(ascii, ".")
	for i, label := range labels {
		if strings.HasPrefix(label, "xn--") {
			if u, err := punyDecode(label[4:]); err == nil {
				labels[i] = u
			}
		}
	}
	return strings.Join(labels, ".")
}

// plainASCIIHost reports, in one pass, whether s is ASCII (ascii) and
// whether it is already lower case without "xn--" labels (plain), the
// form nearly every host comes in.
func plainASCIIHost(s string) (plain, ascii bool) {
	plain = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return false, false
		case 'A' <= c && c <= 'Z':
			plain = false
		case c == '-' && i >= 3 && s[i-1] == '-' && s[i-2]|0x20 == 'n' && s[i-3]|0x20 == 'x':
			plain = false
		}
	}
	return plain, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
