package readiness

import (
	"strconv"
	"strings"
	"time"
)

// expirationWords says how long access lasts, from an expirationPattern.
func expirationWords(kind, duration, end string) string {
	switch strings.ToLower(kind) {
	case "noexpiration":
		return "Access does not expire."
	case "afterduration":
		if duration == "" {
			return "Access ends after a duration the policy does not give."
		}
		return "Access lasts " + durationWords(duration) + " after it is granted."
	case "afterdatetime":
		if t, err := time.Parse(time.RFC3339, end); err == nil {
			return "Access ends on " + t.UTC().Format("2 January 2006 at 15:04 UTC") + "."
		}
		if end == "" {
			return "Access ends at a date the policy does not give."
		}
		return "Access ends at " + quote(end) + "."
	case "", "notspecified":
		if duration != "" {
			return "Access lasts " + durationWords(duration) + " after it is granted."
		}
		return "The policy does not say when access ends."
	}
	return "The policy's expiration type " + quote(kind) + " is not one this checker knows."
}

// durationWords writes an ISO 8601 duration for people: "P365D" is
// "365 days", "P1Y6M" is "1 year and 6 months", "PT8H" is "8 hours". Text
// that is not such a duration is quoted as given.
func durationWords(d string) string {
	s := strings.ToUpper(strings.TrimSpace(d))
	if len(s) < 3 || s[0] != 'P' {
		return quote(d)
	}
	names := map[byte]string{'Y': "year", 'W': "week", 'D': "day", 'H': "hour", 'S': "second"}
	var parts []string
	inTime := false
	num := ""
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 'T' && !inTime && num == "":
			inTime = true
		case c >= '0' && c <= '9' || c == '.':
			num += string(c)
		case num != "":
			unit := names[c]
			if c == 'M' {
				unit = "month"
				if inTime {
					unit = "minute"
				}
			}
			if unit == "" || (inTime && (c == 'Y' || c == 'W' || c == 'D')) || (!inTime && (c == 'H' || c == 'S')) {
				return quote(d)
			}
			if n, err := strconv.ParseInt(num, 10, 64); err == nil {
				parts = append(parts, count(n, unit))
			} else {
				parts = append(parts, num+" "+unit+"s")
			}
			num = ""
		default:
			return quote(d)
		}
	}
	if num != "" || len(parts) == 0 {
		return quote(d)
	}
	return list(parts)
}

// count writes "1 day", "14 days".
func count(n int64, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.FormatInt(n, 10) + " " + unit + "s"
}

// list joins names for a sentence: "a", "a and b", "a, b and c".
func list(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// listSome is list for names that may be many: the first ten, then how
// many more.
func listSome(names []string) string {
	const max = 10
	if len(names) <= max {
		return list(names)
	}
	return strings.Join(names[:max], ", ") + " and " + strconv.Itoa(len(names)-max) + " more"
}
