package cli

import (
	"fmt"
	"strings"
	"unicode"
)

// forTerminal escapes what a terminal would act on, or what would disguise
// the text, in output for people: control characters (escape sequences move
// the cursor, clear the screen, retitle the window) other than line breaks,
// and format characters (bidi overrides reorder the text on screen;
// zero-width characters hide in it). They are written as \x1b or \u202e.
// Inputs, hosts, and the texts of a tenant's JSON all reach the output, so
// the whole output goes through it once.
func forTerminal(s string) string {
	if !strings.ContainsFunc(s, hidden) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !hidden(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// hidden reports the characters forTerminal escapes.
func hidden(r rune) bool {
	return r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r))
}

// oneLine shows an input on one terminal line: long input shortened, line
// breaks escaped with the rest of what forTerminal escapes.
func oneLine(s string) string {
	const max = 200
	if i := runeOffset(s, max); i < len(s) {
		s = s[:i] + "…"
	}
	return strings.ReplaceAll(forTerminal(s), "\n", `\x0a`)
}

// runeOffset is the byte offset of the nth rune of s, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
