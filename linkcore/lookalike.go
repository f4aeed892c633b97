package linkcore

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lookalike hosts are told apart from hosts that are merely elsewhere the way
// Chromium's lookalike checks do (docs/idn.md, lookalike-domains.md): a host
// imitates a genuine portal host when
//
//  1. its confusable skeleton (UTS #39) equals the genuine host's: Cyrillic
//     "а" for "a", "0" for "o", "rn" for "m", accented letters;
//  2. it is one edit (insert, delete, replace, or swap two neighbours) away
//     from the genuine host, as typed or as skeletons: "myacess", ".co";
//  3. it shows the genuine host, as words separated by dots or hyphens, inside
//     a domain that is not Microsoft's: "myaccess.microsoft.com.evil.example".
//
// Skeletons use confusables_table.go, generated from Unicode's data by
// internal/gen/confusables. The table holds only the characters whose
// skeleton is spelt with the letters of the genuine hosts, so that a few
// kilobytes reach the .wasm, not the whole of confusables.txt. The table
// already carries each precomposed letter's decomposition with its accents
// removed ("ó" → "o"), which is the NFD step of the skeleton done ahead of
// time; combining marks that stand alone are dropped. So the skeleton here
// is Chromium's "diacritics removed" skeleton, lower-cased; it is only
// compared, never shown.

// lookalikeOf reports whether a host that is not exactly a genuine portal host
// imitates one. asciiHost is the host as the browser serializes it: lower-case
// ASCII, "xn--" labels for Unicode ones, perhaps a trailing dot. genuine is
// the imitated host from Clouds; why is one sentence naming the trick.
func lookalikeOf(asciiHost string) (genuine, why string, ok bool) {
	host := strings.TrimSuffix(asciiHost, ".")
	if host == "" {
		return "", "", false
	}
	if _, genuine := cloudByHost(host); genuine {
		return "", "", false
	}
	shown := domainToUnicode(host)
	skel := skeleton(shown)
	for i, c := range Clouds {
		if skel == genuineSkeletons[i] {
			return c.Host, confusableWhy(host, shown, c.Host), true
		}
	}
	for _, c := range Clouds {
		if start, endHost, endGenuine, ok := oneEdit(host, c.Host); ok {
			return c.Host, editWhy(c.Host, host[start:endHost], c.Host[start:endGenuine]), true
		}
	}
	folded := foldLetters(skel)
	for i, c := range Clouds {
		if _, _, _, ok := oneEdit(folded, foldedSkeletons[i]); ok {
			return c.Host, "it differs from " + c.Host + " by one character once its look-alike characters are read as the letters they imitate" + unicodeNote(host, shown), true
		}
	}
	if microsoftOwned(host) {
		return "", "", false
	}
	for i, c := range Clouds {
		if start, end, ok := embedded(skel, genuineSkeletons[i]); ok {
			return c.Host, embeddedWhy(host, shown, skel, c.Host, start, end), true
		}
	}
	return "", "", false
}

// genuineSkeletons holds the skeleton of each Clouds host, in order.
var genuineSkeletons = func() []string {
	s := make([]string, len(Clouds))
	for i, c := range Clouds {
		s[i] = skeleton(c.Host)
	}
	return s
}()

// A skeleton spells "m" as "rn", so "rnicrosoft.co" would be two edits from
// "microsoft.com" (the "m" of "com" is two letters). Edits are counted on
// skeletons with each genuine letter's multi-letter skeleton folded back
// into the letter. A skeleton never holds the letter itself, so folding
// loses nothing.
var (
	letterFolds = func() *strings.Replacer {
		var pairs []string
		for _, c := range Clouds {
			for _, r := range c.Host {
				if sk := skeletonOf(r); len(sk) > 1 && !slices.Contains(pairs, sk) {
					pairs = append(pairs, sk, string(r))
				}
			}
		}
		return strings.NewReplacer(pairs...)
	}()
	foldedSkeletons = func() []string {
		s := make([]string, len(genuineSkeletons))
		for i, sk := range genuineSkeletons {
			s[i] = foldLetters(sk)
		}
		return s
	}()
)

func foldLetters(skel string) string { return letterFolds.Replace(skel) }

// skeleton returns s with every character replaced by the letters it
// imitates (confusables_table.go) and combining marks removed.
func skeleton(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		b.WriteString(skeletonOf(r))
	}
	return b.String()
}

// skeletonOf returns the skeleton of one character: "" for a combining mark,
// the table's entry, or the character itself.
func skeletonOf(r rune) string {
	if r >= 0x80 && unicode.Is(unicode.Mn, r) {
		return ""
	}
	lo, hi := 0, len(confusables)
	if r < 0x80 { // the ASCII entries come first and are few
		for lo < hi && rune(confusables[lo]>>8) < r {
			lo++
		}
	} else {
		for lo < hi {
			mid := int(uint(lo+hi) >> 1)
			if rune(confusables[mid]>>8) < r {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
	}
	if lo < len(confusables) && rune(confusables[lo]>>8) == r {
		return confusableTargets[confusables[lo]&0xff]
	}
	if r < 0x80 {
		return asciiStrings[r : r+1]
	}
	return string(r)
}

// asciiStrings lets skeletonOf return an ASCII character without allocating.
const asciiStrings = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f"

// oneEdit reports whether a and b differ by exactly one edit: one character
// inserted, deleted or replaced, or two neighbours swapped (Damerau). The
// differing parts are a[start:endA] and b[start:endB]. b is ASCII (a genuine
// host or its skeleton), so every byte a and b share is a whole character.
func oneEdit(a, b string) (start, endA, endB int, ok bool) {
	if a == b || len(a) > len(b)+utf8.UTFMax || len(b) > len(a)+utf8.UTFMax {
		return 0, 0, 0, false
	}
	for start < len(a) && start < len(b) && a[start] == b[start] {
		start++
	}
	endA, endB = len(a), len(b)
	for endA > start && endB > start && a[endA-1] == b[endB-1] {
		endA--
		endB--
	}
	x, y := a[start:endA], b[start:endB]
	nx, ny := utf8.RuneCountInString(x), len(y)
	switch {
	case nx <= 1 && ny <= 1: // replaced, inserted or deleted
		return start, endA, endB, true
	case nx == 2 && ny == 2: // swapped
		first, size := utf8.DecodeRuneInString(x)
		second, _ := utf8.DecodeRuneInString(x[size:])
		return start, endA, endB, first == rune(y[1]) && second == rune(y[0])
	}
	return 0, 0, 0, false
}

// embedded finds genuine (a skeleton) in skel as whole words: starting and
// ending at the ends of skel or at a '.' or '-', with each of genuine's dots
// written as '.' or '-'. The host itself, dots and all, was already compared.
func embedded(skel, genuine string) (start, end int, ok bool) {
	for start = 0; start+len(genuine) <= len(skel); start++ {
		if start > 0 && !isWordBreak(skel[start-1]) {
			continue
		}
		end = start + len(genuine)
		if end < len(skel) && !isWordBreak(skel[end]) {
			continue
		}
		if sameWords(skel[start:end], genuine) {
			return start, end, true
		}
	}
	return 0, 0, false
}

// isWordBreak reports what separates words in a host: dots, hyphens, and
// the '%' of the %20 that Chromium writes for a space in a host.
func isWordBreak(c byte) bool { return c == '.' || c == '-' || c == '%' }

// sameWords compares s with genuine, letting a '-' stand for a '.'.
func sameWords(s, genuine string) bool {
	for i := 0; i < len(genuine); i++ {
		if s[i] != genuine[i] && !(genuine[i] == '.' && s[i] == '-') {
			return false
		}
	}
	return true
}

// microsoftOwned reports whether host is under the registrable domain of a
// genuine host (its last two labels: "microsoft.com", "microsoft.us"): such
// a host is Microsoft's own, whatever its first labels say.
func microsoftOwned(host string) bool {
	for _, c := range Clouds {
		owner := registrableDomain(c.Host)
		if strings.HasSuffix(host, owner) && (len(host) == len(owner) || host[len(host)-len(owner)-1] == '.') {
			return true
		}
	}
	return false
}

// registrableDomain returns the last two labels of host. That is the
// registrable domain for the genuine hosts, whose top-level domains (com,
// us) take registrations directly; it is not a public-suffix lookup.
func registrableDomain(host string) string {
	i := strings.LastIndexByte(host, '.')
	if i <= 0 {
		return host
	}
	if j := strings.LastIndexByte(host[:i], '.'); j >= 0 {
		return host[j+1:]
	}
	return host
}

// confusableWhy explains a host whose skeleton equals genuine's: which
// characters stand for which, and in which writing system.
func confusableWhy(host, shown, genuine string) string {
	pairs := substitutions(shown, genuine)
	var list []string
	var scripts []string
	accents := false
	for _, p := range pairs {
		list = appendNew(list, quote(p[0])+" for "+quote(p[1]))
		for _, r := range p[0] {
			switch name := scriptName(r); name {
			case "":
			case "Latin":
				accents = accents || r >= 0x80
			default:
				scripts = appendNew(scripts, name)
			}
		}
	}
	if len(list) > 4 {
		list = append(list[:4], "…")
	}
	detail := strings.Join(list, ", ")
	note := unicodeNote(host, shown)
	if len(scripts) == 1 && wholeScriptLabel(shown, scripts[0]) {
		return "it is written in " + scripts[0] + " letters that look like Latin ones (" + detail + ")" + note
	}
	switch {
	case len(scripts) > 0:
		return "it mixes " + strings.Join(scripts, " and ") + " letters that look like Latin ones into " + genuine + " (" + detail + ")" + note
	case accents:
		return "it imitates " + genuine + " with accented letters (" + detail + ")" + note
	}
	return "it imitates " + genuine + " with look-alike characters (" + detail + ")" + note
}

// substitutions lines up shown and genuine, whose skeletons are equal, and
// returns each stretch that differs as {shown's text, genuine's text}:
// {"rn", "m"}, {"а", "a"}.
func substitutions(shown, genuine string) [][2]string {
	var pairs [][2]string
	h, g := []rune(shown), []rune(genuine)
	var hs, gs int // skeleton bytes consumed on each side
	i, j := 0, 0
	hFrom, gFrom := 0, 0
	for i < len(h) || j < len(g) {
		if i < len(h) && (hs <= gs || j == len(g)) {
			hs += len(skeletonOf(h[i]))
			i++
		} else {
			gs += len(skeletonOf(g[j]))
			j++
		}
		for i < len(h) && skeletonOf(h[i]) == "" { // marks belong to their letter
			i++
		}
		if hs == gs && i > hFrom && j > gFrom {
			if a, b := string(h[hFrom:i]), string(g[gFrom:j]); a != b {
				pairs = append(pairs, [2]string{a, b})
			}
			hFrom, gFrom = i, j
		}
	}
	return pairs
}

// wholeScriptLabel reports whether some label of shown is written only in
// script (apart from digits, hyphens and marks): an all-Cyrillic "аррӏе".
func wholeScriptLabel(shown, script string) bool {
	for _, label := range strings.Split(shown, ".") {
		only := label != ""
		for _, r := range label {
			if name := scriptName(r); name != "" && name != script {
				only = false
				break
			}
		}
		if only && strings.ContainsFunc(label, func(r rune) bool { return scriptName(r) == script }) {
			return true
		}
	}
	return false
}

// editWhy explains a one-edit difference: x is the host's part, y genuine's.
func editWhy(genuine, x, y string) string {
	var what string
	switch {
	case x == "":
		what = quote(y) + " left out"
	case y == "":
		what = "an extra " + quote(x)
	case utf8.RuneCountInString(x) == 2:
		what = quote(x) + " for " + quote(y) + ", two characters swapped"
	default:
		what = quote(x) + " for " + quote(y)
	}
	return "it differs from " + genuine + " by one character (" + what + ")"
}

// embeddedWhy explains a host that shows genuine inside another domain;
// skel[start:end] is where genuine's skeleton was found.
func embeddedWhy(host, shown, skel, genuine string, start, end int) string {
	tail := registrableDomain(shown)
	if tail != shown {
		tail = "…" + tail
	}
	var how string
	switch {
	case end < len(skel):
		how = "it puts " + genuine + " in front of another domain (" + tail + ")"
	case start > 0:
		how = "it shows " + genuine + " as part of another domain (" + tail + ")"
	default:
		how = "it writes " + genuine + " with hyphens for dots"
	}
	if part := skeletonSpan(shown, start, end); strings.ReplaceAll(part, "-", ".") != genuine {
		how += ", in look-alike characters (" + part + ")"
	}
	return how + "; the host is not under " + registrableDomain(genuine) + unicodeNote(host, shown)
}

// skeletonSpan returns the part of s whose skeleton is skeleton(s)[start:end].
func skeletonSpan(s string, start, end int) string {
	from, to, at := -1, len(s), 0
	for i, r := range s {
		if at == start && from < 0 {
			from = i
		}
		if at == end && i > from {
			to = i
			break
		}
		at += len(skeletonOf(r))
	}
	if from < 0 {
		return ""
	}
	return s[from:to]
}

// unicodeNote shows the Unicode form of a host that has Punycode labels.
func unicodeNote(host, shown string) string {
	if host == shown {
		return ""
	}
	return " (shown as Unicode: " + shown + ")"
}

func quote(s string) string { return "'" + s + "'" }

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// mixedScripts reports a label of a Unicode host that mixes writing systems
// the way UTS #39's restriction levels forbid and Chromium's IDN spoof checker
// refuses to show: more than one script, except Latin with Han and the
// scripts that go with Han (Japanese kana, Bopomofo, Hangul), and Latin with
// one other script that has no letters imitating Latin ones. It returns the
// label and the scripts' English names in the order they appear. Digits,
// hyphens and combining marks belong to no script.
func mixedScripts(unicodeHost string) (label string, scripts []string, ok bool) {
	for _, label := range strings.Split(unicodeHost, ".") {
		if isASCII(label) {
			continue
		}
		var found []string
		for _, r := range label {
			if name := scriptName(r); name != "" {
				found = appendNew(found, name)
			}
		}
		if !allowedScripts(found) {
			return label, found, true
		}
	}
	return "", nil, false
}

// allowedScripts reports whether one label may use all of scripts.
func allowedScripts(scripts []string) bool {
	if len(scripts) <= 1 {
		return true
	}
	for _, set := range allowedScriptSets {
		if subset(scripts, set) {
			return true
		}
	}
	if len(scripts) == 2 && (scripts[0] == "Latin" || scripts[1] == "Latin") {
		return !slices.ContainsFunc(scripts, imitatesLatin)
	}
	return false
}

// allowedScriptSets are UTS #39's "highly restrictive" combinations.
var allowedScriptSets = [][]string{
	{"Latin", "Han", "Hiragana", "Katakana"},
	{"Latin", "Han", "Bopomofo"},
	{"Latin", "Han", "Hangul"},
}

// imitatesLatin reports the scripts that may not be mixed with Latin even at
// UTS #39's "moderately restrictive" level (Cyrillic, Greek), and two whose
// lower-case letters imitate Latin ones so often that a mix with Latin in a
// host is a trick, not a name: Armenian (օ ս հ ո) and Cherokee, which
// UTS #39 does not recommend for identifiers at all.
func imitatesLatin(script string) bool {
	switch script {
	case "Cyrillic", "Greek", "Armenian", "Cherokee":
		return true
	}
	return false
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// scriptTables are the scripts named in findings. A letter of any other
// script is "another script".
var scriptTables = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Latin", unicode.Latin},
	{"Cyrillic", unicode.Cyrillic},
	{"Greek", unicode.Greek},
	{"Armenian", unicode.Armenian},
	{"Cherokee", unicode.Cherokee},
	{"Georgian", unicode.Georgian},
	{"Hebrew", unicode.Hebrew},
	{"Arabic", unicode.Arabic},
	{"Han", unicode.Han},
	{"Hiragana", unicode.Hiragana},
	{"Katakana", unicode.Katakana},
	{"Bopomofo", unicode.Bopomofo},
	{"Hangul", unicode.Hangul},
}

// scriptName returns the English name of r's script, or "" for characters
// that belong to none in particular: digits, punctuation, marks.
func scriptName(r rune) string {
	if r < 0x80 {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return "Latin"
		}
		return ""
	}
	for _, s := range scriptTables {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	if unicode.IsLetter(r) {
		return "another script"
	}
	return ""
}
