package linkcore

import "strings"

// A byteSet is a set of ASCII bytes for scanning. strings.IndexAny builds
// its set on every call; these are built once, which keeps a check of a
// typical link within a small factor of net/url.Parse.
type byteSet [256]bool

func makeByteSet(chars string) (set byteSet) {
	for i := 0; i < len(chars); i++ {
		set[chars[i]] = true
	}
	return set
}

// index returns the index of the first byte of s in the set, or -1.
func (set *byteSet) index(s string) int {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return i
		}
	}
	return -1
}

// indexOrEnd is index, with len(s) for none.
func (set *byteSet) indexOrEnd(s string) int {
	if i := set.index(s); i >= 0 {
		return i
	}
	return len(s)
}

var (
	specialAuthorityEnd = makeByteSet("/\\?#")
	authorityEnd        = makeByteSet("/?#")
	afterPackageID      = makeByteSet("/?&#")
)

// hasTabOrNewline reports whether s holds a tab, CR or LF, which the URL
// standard removes from anywhere in a URL. Three vectorised searches beat
// one byte loop on link-sized strings.
func hasTabOrNewline(s string) bool {
	return strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\t') >= 0 || strings.IndexByte(s, '\r') >= 0
}

// indexQueryOrFragment returns the index of the first '?' or '#' in s, or
// len(s).
func indexQueryOrFragment(s string) int {
	end := strings.IndexByte(s, '#')
	if end < 0 {
		end = len(s)
	}
	if q := strings.IndexByte(s[:end], '?'); q >= 0 {
		return q
	}
	return end
}

// trimC0Space removes leading and trailing C0 controls and spaces, as the
// URL standard does before parsing.
func trimC0Space(s string) string {
	for len(s) > 0 && s[0] <= ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] <= ' ' {
		s = s[:len(s)-1]
	}
	return s
}
