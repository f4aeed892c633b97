// Package golden reads the golden cases in linkcore/testdata/check:
// one case per line, so that adding a case is adding a line.
//
//	# comment
//	<input> => <verdict> <host> <canonical link> <codes>
//
// The input is the raw text up to " => ", or a Go-quoted string when it
// starts with a double quote (for tabs, newlines and invisible characters).
// host, canonical link and codes are "-" when empty; codes is a
// comma-separated set of finding codes. The same cases seed the fuzz test
// and run against real Chromium in the browser tests.
package golden

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A Case is one golden line.
type Case struct {
	File      string
	Line      int
	Input     string
	Verdict   string
	Host      string
	Canonical string
	Codes     []string // sorted
}

const arrow = " => "

// Parse reads the cases of one file.
func Parse(file string, data []byte) ([]Case, error) {
	var cases []Case
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, n+1, err)
		}
		c.File, c.Line = file, n+1
		cases = append(cases, c)
	}
	return cases, nil
}

func parseLine(line string) (Case, error) {
	var c Case
	var rest string
	if strings.HasPrefix(line, `"`) {
		quoted, err := strconv.QuotedPrefix(line)
		if err != nil {
			return c, fmt.Errorf("bad quoted input: %v", err)
		}
		c.Input, _ = strconv.Unquote(quoted)
		var ok bool
		if rest, ok = strings.CutPrefix(line[len(quoted):], arrow); !ok {
			return c, fmt.Errorf("no %q after the quoted input", arrow)
		}
	} else {
		i := strings.LastIndex(line, arrow)
		if i < 0 {
			return c, fmt.Errorf("no %q in the line", arrow)
		}
		c.Input, rest = line[:i], line[i+len(arrow):]
	}
	fields := strings.Fields(rest)
	if len(fields) != 4 {
		return c, fmt.Errorf("want 4 fields after %q (verdict host canonical codes), have %d", arrow, len(fields))
	}
	switch fields[0] {
	case "ok", "warning", "error", "danger":
	default:
		return c, fmt.Errorf("unknown verdict %q", fields[0])
	}
	c.Verdict = fields[0]
	c.Host = dash(fields[1])
	c.Canonical = dash(fields[2])
	if codes := dash(fields[3]); codes != "" {
		c.Codes = strings.Split(codes, ",")
		slices.Sort(c.Codes)
	}
	return c, nil
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// Format writes a case back as its line, for regenerating expectations.
func Format(c Case) string {
	input := c.Input
	if strings.HasPrefix(input, `"`) || strings.Contains(input, arrow) || strconv.Quote(input) != `"`+input+`"` || strings.TrimSpace(input) != input || input == "" {
		input = strconv.Quote(input)
	}
	codes := strings.Join(c.Codes, ",")
	return fmt.Sprintf("%s%s%s %s %s %s", input, arrow, c.Verdict, orDash(c.Host), orDash(c.Canonical), orDash(codes))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// A URLCase is one line of testdata/url.txt: an input and the href the URL
// standard gives it, or "error" where the browser refuses it.
type URLCase struct {
	File  string
	Line  int
	Input string
	Href  string // "error" when the browser refuses the input
}

// ParseURLCases reads the lines of testdata/url.txt:
//
//	<input> => <href or error>
//
// with the input Go-quoted when it starts with a double quote.
func ParseURLCases(file string, data []byte) ([]URLCase, error) {
	var cases []URLCase
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := URLCase{File: file, Line: n + 1}
		var rest string
		if strings.HasPrefix(line, `"`) {
			quoted, err := strconv.QuotedPrefix(line)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad quoted input: %v", file, n+1, err)
			}
			c.Input, _ = strconv.Unquote(quoted)
			rest = line[len(quoted):]
		} else {
			i := strings.LastIndex(line, arrow)
			if i < 0 {
				return nil, fmt.Errorf("%s:%d: no %q in the line", file, n+1, arrow)
			}
			c.Input, rest = line[:i], line[i:]
		}
		href, ok := strings.CutPrefix(rest, arrow)
		if !ok || href == "" {
			return nil, fmt.Errorf("%s:%d: want %q and an href after the input", file, n+1, arrow)
		}
		c.Href = href
		cases = append(cases, c)
	}
	return cases, nil
}
