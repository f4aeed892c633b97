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
// full stops, the characters UTS 46 ignores, Unicode lower case, then
// Punycode for every non-ASCII label. A host that needs a mapping outside
// that subset (compatibility forms such as "ⅿ" for "m") is still reported
// as not genuine; it is never mistaken for a genuine host, only possibly
// shown with a different Punycode than the browser would show.
func domainToASCII(s string) (string, error) {
	if plain, ascii := plainASCIIHost(s); plain {
		return s, nil
	} else if ascii {
		lower := strings.ToLower(s)
		if !strings.Contains(lower, "xn--") {
			return lower, nil
		}
		return lower, checkPunycodeLabels(lower)
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
	ascii := strings.Join(labels, ".")
	return ascii, checkPunycodeLabels(ascii)
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
	case r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff' || r == '\u034f' ||
		(r >= '\u180b' && r <= '\u180d') || (r >= '\ufe00' && r <= '\ufe0f'):
		return -1
	}
	return unicode.ToLower(r)
}

// disallowedUTS46 reports the characters UTS 46 refuses in a host name,
// as far as they matter for links: controls, format characters (bidi
// controls, joiners), spaces, private use, and the replacement character.
func disallowedUTS46(r rune) bool {
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs, unicode.Zs, unicode.Zl, unicode.Zp) ||
		r == utf8.RuneError || r&0xfffe == 0xfffe
}

// checkPunycodeLabels rejects "xn--" labels that browsers reject: ones that
// do not decode, decode to plain ASCII, or decode to disallowed characters.
func checkPunycodeLabels(ascii string) error {
	for _, label := range strings.Split(ascii, ".") {
		if len(label) < 4 || label[:4] != "xn--" {
			continue
		}
		decoded, err := punyDecode(label[4:])
		if err == nil && isASCII(decoded) {
			err = errPunycode
		}
		for _, r := range decoded {
			if err == nil && (disallowedUTS46(r) || mapUTS46(r) != r) {
				err = errPunycode
			}
		}
		if err != nil {
			return errors.New("the label " + quoteShort(label) + " is not valid Punycode")
		}
	}
	return nil
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
