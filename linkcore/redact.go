package linkcore

import "strings"

// trackingParams are the query parameters in which gateways record who
// received a link: Safe Links' data and sdata hold the recipient's address
// and tenant, Proofpoint v2's r names the recipient.
var trackingParams = []string{"data", "sdata", "r"}

// redacted replaces a tracking value in everything Check returns.
const redacted = "[removed]"

// RedactTracking removes the values of the query parameters in which
// gateways record the recipient (Safe Links' data and sdata, Proofpoint's r)
// from a text that holds a wrapped link. Check applies it to the input of
// every wrapped link; apply it to any other copy of such input you show.
func RedactTracking(input string) string {
	var b strings.Builder
	for i := 0; i < len(input); {
		j := strings.IndexAny(input[i:], "?&")
		if j < 0 {
			b.WriteString(input[i:])
			break
		}
		j += i + 1
		b.WriteString(input[i:j])
		i = j
		for _, name := range trackingParams {
			if len(input)-j > len(name) && strings.EqualFold(input[j:j+len(name)], name) && input[j+len(name)] == '=' {
				end := strings.IndexAny(input[j:], "&#")
				if end < 0 {
					end = len(input) - j
				}
				b.WriteString(input[j : j+len(name)+1])
				b.WriteString(redacted)
				i = j + end
				break
			}
		}
	}
	return b.String()
}
