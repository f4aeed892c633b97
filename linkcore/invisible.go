package linkcore

// isBidiControl reports the characters that reorder displayed text; in a
// link they can make "moc.evil" read as "live.com".
func isBidiControl(r rune) bool {
	return r == '\u061c' || r == '\u200e' || r == '\u200f' ||
		('\u202a' <= r && r <= '\u202e') || ('\u2066' <= r && r <= '\u2069')
}

// isInvisible reports characters that render as nothing (or as blank) and so
// can hide part of a link from the person reading it.
func isInvisible(r rune) bool {
	switch {
	case r == '\u00ad', r == '\u034f', r == '\u115f', r == '\u1160', r == '\u17b4', r == '\u17b5',
		r == '\u3164', r == '\ufeff', r == '\uffa0':
		return true
	case '\u180b' <= r && r <= '\u180e', '\u200b' <= r && r <= '\u200d', '\u2060' <= r && r <= '\u2064',
		'\u206a' <= r && r <= '\u206f', '\ufe00' <= r && r <= '\ufe0f', 0xe0000 <= r && r <= 0xe0fff:
		return true
	}
	return false
}
