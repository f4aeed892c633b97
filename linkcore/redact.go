package linkcore

import "strings"

// trackingParams are the query parameters in which gateways record who
// received a link: Safe Links' data and sdata hold the recipient's address
// and tenant, Proofpoint v2's r names the recipient.
var trackingParams = []string{"data", "sdata", "r"}

// redacted replaces a tracking value in everything Check returns.
const redacted = "[removed]"

// Inside a wrapped link, an inner wrapper's query is encoded: '&' and '='
// appear as %26 and %3D (percent-encoding), *26 and *3D (Proofpoint v3's
// tokens), -26 and -3D (Proofpoint v2), and '&' as &amp; when copied from
// HTML. A tracking parameter is found in any of these spellings.
var (
	paramStarts = []string{"&amp;", "?", "&", "%26", "*26", "-26", "%3F", "*3F", "-3F"} // longest match first
	paramEquals = []string{"=", "%3D", "*3D", "-3D"}
	valueEnds   = []string{"&", "#", "%26", "*26", "-26", "%23", "__"}
)

// RedactTracking removes the values of the query parameters in which
// gateways record the recipient (Safe Links' data and sdata, Proofpoint's r)
// from a text that holds a wrapped link, in whatever encoding a nested
// wrapper gives them. Check applies it to the input of every wrapped link;
// apply it to any other copy of such input you show.
func RedactTracking(input string) string {
	var b strings.Builder
	done := 0 // input[:done] is written
	for i := 0; i < len(input); i++ {
		start, ok := prefixAt(input, i, paramStarts)
		if !ok {
			continue
		}
		name := i + len(start)
		for _, param := range trackingParams {
			if len(input)-name <= len(param) || !strings.EqualFold(input[name:name+len(param)], param) {
				continue
			}
			eq, ok := prefixAt(input, name+len(param), paramEquals)
			if !ok {
				continue
			}
			value := name + len(param) + len(eq)
			// One forward scan to the first stop: searching the rest of
			// the input for each stop would make many short values
			// quadratic.
			end := value
			for end < len(input) {
				if _, stop := prefixAt(input, end, valueEnds); stop {
					break
				}
				end++
			}
			b.WriteString(input[done:value])
			b.WriteString(redacted)
			done, i = end, end-1
			break
		}
	}
	if done == 0 {
		return input
	}
	b.WriteString(input[done:])
	return b.String()
}

// prefixAt returns the first of prefixes that s has at index i.
func prefixAt(s string, i int, prefixes []string) (string, bool) {
	for _, p := range prefixes {
		if strings.HasPrefix(s[i:], p) {
			return p, true
		}
	}
	return "", false
}
