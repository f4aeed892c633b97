package linkcore

import "strings"

// An encodeSet is one of the URL standard's percent-encode sets.
type encodeSet int

const (
	c0ControlSet    encodeSet = iota // C0 controls and non-ASCII
	fragmentSet                      // + space " < > `
	querySet                         // + space " # < >
	specialQuerySet                  // querySet + '
	pathSet                          // querySet + ? ^ ` { | } (Chromium adds ^ and | to the standard's set)
	userinfoSet                      // pathSet + ' / : ; = @ [ \ ] (Chromium adds ')
)

// encodeTables holds, per set, which bytes are percent-encoded: a table
// lookup keeps ParseURL within a small factor of net/url.
var encodeTables = func() (t [userinfoSet + 1][256]bool) {
	extra := [...]string{
		c0ControlSet:    "",
		fragmentSet:     " \"<>`",
		querySet:        " \"#<>",
		specialQuerySet: " \"#<>'",
		pathSet:         " \"#<>?^`{|}",
		userinfoSet:     " \"#'<>?^`{|}/:;=@[\\]",
	}
	for set, chars := range extra {
		for c := 0; c < 256; c++ {
			t[set][c] = c < 0x20 || c > 0x7e || strings.IndexByte(chars, byte(c)) >= 0
		}
	}
	return t
}()

// shouldEncode reports whether the byte c is percent-encoded in set.
func shouldEncode(c byte, set encodeSet) bool { return encodeTables[set][c] }

// percentEncode encodes the bytes of s that set requires, as UTF-8 bytes.
// It returns s itself, without allocating, when nothing needs encoding.
func percentEncode(s string, set encodeSet) string {
	i := 0
	for i < len(s) && !shouldEncode(s[i], set) {
		i++
	}
	if i == len(s) {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if shouldEncode(c, set) {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// percentDecode decodes %XX sequences; a '%' not followed by two hex digits
// stays as it is, as in the URL standard.
func percentDecode(s string) string {
	decoded, _ := percentDecodeStrict(s)
	return decoded
}

// percentDecodeStrict is percentDecode that also reports whether every '%'
// began a whole escape. The gateway decoders require that: a gateway writes
// every escape whole, so a broken one means the link was damaged, for
// instance cut off. Unlike form decoding, '+' stays as it is: the gateways
// write a plus as %2B.
func percentDecodeStrict(s string) (decoded string, complete bool) {
	if strings.IndexByte(s, '%') < 0 {
		return s, true
	}
	complete = true
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(rune(s[i+1])) && isHex(rune(s[i+2])) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		complete = complete && s[i] != '%'
		b = append(b, s[i])
	}
	return string(b), complete
}
