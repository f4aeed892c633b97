package linkcore

import (
	"net/netip"
	"strconv"
	"strings"
)

// endsInNumber reports whether a host's last label is a number, which makes
// the browser read the whole host as IPv4 ("0x7f.1", "2130706433").
func endsInNumber(host string) bool {
	if host == "" {
		return false
	}
	if host[len(host)-1] == '.' {
		if len(host) == 1 {
			return false
		}
		host = host[:len(host)-1]
	}
	last := host[strings.LastIndexByte(host, '.')+1:]
	if last == "" {
		return false
	}
	// Digits only is a number even when it is not a valid one ("09"). The
	// test starts at the last byte, so a name such as "com" costs one
	// comparison on the way to parseIPv4Number.
	digits := true
	for i := len(last) - 1; i >= 0 && digits; i-- {
		digits = '0' <= last[i] && last[i] <= '9'
	}
	if digits {
		return true
	}
	_, ok := parseIPv4Number(last)
	return ok
}

// parseIPv4Number reads one IPv4 part: decimal, 0x hexadecimal or 0 octal.
func parseIPv4Number(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := 10
	switch {
	case len(s) >= 2 && (s[:2] == "0x" || s[:2] == "0X"):
		s, base = s[2:], 16
		if s == "" {
			return 0, true
		}
	case len(s) >= 2 && s[0] == '0':
		s, base = s[1:], 8
	}
	for i := 0; i < len(s); i++ {
		if !isDigitIn(s[i], base) {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		return 1 << 40, true // larger than any IPv4 part: fails the range check
	}
	return n, true
}

func isDigitIn(c byte, base int) bool {
	switch base {
	case 8:
		return '0' <= c && c <= '7'
	case 10:
		return '0' <= c && c <= '9'
	}
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// parseIPv4 reads the IPv4 forms browsers accept (1 to 4 parts, each
// decimal, octal or hexadecimal) and returns the dotted-decimal form.
func parseIPv4(host string) (string, bool) {
	parts := strings.Split(host, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return "", false
	}
	var numbers []uint64
	for _, part := range parts {
		n, ok := parseIPv4Number(part)
		if !ok {
			return "", false
		}
		numbers = append(numbers, n)
	}
	last := len(numbers) - 1
	for _, n := range numbers[:last] {
		if n > 255 {
			return "", false
		}
	}
	if numbers[last] >= 1<<(8*(5-len(numbers))) {
		return "", false
	}
	ipv4 := numbers[last]
	for i, n := range numbers[:last] {
		ipv4 += n << (8 * (3 - i))
	}
	return strconv.FormatUint(ipv4>>24, 10) + "." + strconv.FormatUint(ipv4>>16&255, 10) + "." +
		strconv.FormatUint(ipv4>>8&255, 10) + "." + strconv.FormatUint(ipv4&255, 10), true
}

// parseIPv6 reads the inside of "[…]" and returns it bracketed in the
// browser's form: lower case, longest zero run compressed, and an embedded
// IPv4 part written as hexadecimal groups.
func parseIPv6(s string) (string, bool) {
	if strings.ContainsAny(s, "%") {
		return "", false // zone identifiers are not allowed in URLs
	}
	addr, err := netip.ParseAddr(s)
	if err != nil || !addr.Is6() {
		return "", false
	}
	raw := addr.As16()
	var groups [8]uint16
	for i := range groups {
		groups[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
	}
	bestStart, bestLen := -1, 1
	for i := 0; i < 8; {
		if groups[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && groups[j] == 0 {
			j++
		}
		if j-i > bestLen {
			bestStart, bestLen = i, j-i
		}
		i = j
	}
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i < 8; i++ {
		if i == bestStart {
			b.WriteString("::")
			i += bestLen - 1
			continue
		}
		if i > 0 && i != bestStart+bestLen {
			b.WriteByte(':')
		}
		b.WriteString(strconv.FormatUint(uint64(groups[i]), 16))
	}
	b.WriteByte(']')
	return b.String(), true
}
