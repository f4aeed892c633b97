package linkcore

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// Punycode (RFC 3492) encodes a Unicode domain label as "xn--…" ASCII.
// The browser needs nothing more than this for the hosts we care about, and
// it costs a few hundred bytes of .wasm where golang.org/x/net/idna costs
// about 75 KB (brotli).

const (
	punyBase        = 36
	punyTMin        = 1
	punyTMax        = 26
	punySkew        = 38
	punyDamp        = 700
	punyInitialBias = 72
	punyInitialN    = 128
)

var errPunycode = errors.New("invalid punycode")

func punyAdapt(delta, numPoints int32, first bool) int32 {
	if first {
		delta /= punyDamp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := int32(0)
	for delta > ((punyBase-punyTMin)*punyTMax)/2 {
		delta /= punyBase - punyTMin
		k += punyBase
	}
	return k + (punyBase-punyTMin+1)*delta/(delta+punySkew)
}

func punyDigit(d int32) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}

// punyEncode returns the Punycode of label without the "xn--" prefix.
func punyEncode(label string) (string, error) {
	var out strings.Builder
	runes := []rune(label)
	for _, r := range runes {
		if r < 0x80 {
			out.WriteByte(byte(r))
		}
	}
	basic := int32(out.Len())
	handled := basic
	if basic > 0 {
		out.WriteByte('-')
	}
	n, delta, bias := int32(punyInitialN), int32(0), int32(punyInitialBias)
	total := int32(len(runes))
	for handled < total {
		m := int32(utf8.MaxRune + 1)
		for _, r := range runes {
			if r >= n && r < m {
				m = r
			}
		}
		if (m - n) > (1<<31-1-delta)/(handled+1) {
			return "", errPunycode
		}
		delta += (m - n) * (handled + 1)
		n = m
		for _, r := range runes {
			if r < n {
				delta++
				if delta < 0 {
					return "", errPunycode
				}
			}
			if r != n {
				continue
			}
			q := delta
			for k := int32(punyBase); ; k += punyBase {
				t := k - bias
				if t < punyTMin {
					t = punyTMin
				} else if t > punyTMax {
					t = punyTMax
				}
				if q < t {
					break
				}
				out.WriteByte(punyDigit(t + (q-t)%(punyBase-t)))
				q = (q - t) / (punyBase - t)
			}
			out.WriteByte(punyDigit(q))
			bias = punyAdapt(delta, handled+1, handled == basic)
			delta = 0
			handled++
		}
		delta++
		n++
	}
	return out.String(), nil
}

// punyDecode decodes Punycode (without the "xn--" prefix) to Unicode.
func punyDecode(encoded string) (string, error) {
	var out []rune
	pos := 0
	if i := strings.LastIndexByte(encoded, '-'); i >= 0 {
		for _, c := range []byte(encoded[:i]) {
			if c >= 0x80 {
				return "", errPunycode
			}
			out = append(out, rune(c))
		}
		pos = i + 1
	}
	n, i, bias := int32(punyInitialN), int32(0), int32(punyInitialBias)
	for pos < len(encoded) {
		oldI, w := i, int32(1)
		for k := int32(punyBase); ; k += punyBase {
			if pos == len(encoded) {
				return "", errPunycode
			}
			c := encoded[pos]
			pos++
			var digit int32
			switch {
			case '0' <= c && c <= '9':
				digit = int32(c-'0') + 26
			case 'a' <= c && c <= 'z':
				digit = int32(c - 'a')
			case 'A' <= c && c <= 'Z':
				digit = int32(c - 'A')
			default:
				return "", errPunycode
			}
			if digit > (1<<31-1-i)/w {
				return "", errPunycode
			}
			i += digit * w
			t := k - bias
			if t < punyTMin {
				t = punyTMin
			} else if t > punyTMax {
				t = punyTMax
			}
			if digit < t {
				break
			}
			if w > (1<<31-1)/(punyBase-t) {
				return "", errPunycode
			}
			w *= punyBase - t
		}
		count := int32(len(out) + 1)
		bias = punyAdapt(i-oldI, count, oldI == 0)
		if i/count > (1<<31-1)-n {
			return "", errPunycode
		}
		n += i / count
		i %= count
		if n > utf8.MaxRune || (0xD800 <= n && n <= 0xDFFF) {
			return "", errPunycode
		}
		out = append(out, 0)
		copy(out[i+1:], out[i:])
		out[i] = n
		i++
	}
	return string(out), nil
}
