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
	if isASCII(s) {
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

// checkPunycodeLabels rejects "xn--" labels that do not decode, as browsers do.
func checkPunycodeLabels(ascii string) error {
	for _, label := range strings.Split(ascii, ".") {
		if len(label) < 4 || label[:4] != "xn--" {
			continue
		}
		if _, err := punyDecode(label[4:]); err != nil {
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
