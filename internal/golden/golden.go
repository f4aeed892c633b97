// Package golden reads the golden test data. The cases in
// linkcore/testdata/check (and url.txt) are one per line, so that adding a
// case is adding a line; the readiness cases are txtar archives
// (ParseArchive).
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
	return parseLines(file, data, func(n int, line string) (Case, error) {
		c, err := parseLine(line)
		c.File, c.Line = file, n
		return c, err
	})
}

// parseLines calls parse on each line of data that is neither blank nor a
// "#" comment, with its 1-based number, and names the line in an error.
func parseLines[T any](file string, data []byte, parse func(n int, line string) (T, error)) ([]T, error) {
	var cases []T
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c, err := parse(i+1, line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, i+1, err)
		}
		cases = append(cases, c)
	}
	return cases, nil
}

// splitInput splits a line at its arrow into the input, unquoted when it
// is written Go-quoted, and what follows the arrow.
func splitInput(line string) (input, rest string, err error) {
	if strings.HasPrefix(line, `"`) {
		quoted, err := strconv.QuotedPrefix(line)
		if err != nil {
			return "", "", fmt.Errorf("bad quoted input: %v", err)
		}
		input, _ = strconv.Unquote(quoted)
		rest, ok := strings.CutPrefix(line[len(quoted):], arrow)
		if !ok {
			return "", "", fmt.Errorf("no %q after the quoted input", arrow)
		}
		return input, rest, nil
	}
	i := strings.LastIndex(line, arrow)
	if i < 0 {
		return "", "", fmt.Errorf("no %q in the line", arrow)
	}
	return line[:i], line[i+len(arrow):], nil
}

func parseLine(line string) (Case, error) {
	var c Case
	input, rest, err := splitInput(line)
	if err != nil {
		return c, err
	}
	c.Input = input
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
	return parseLines(file, data, func(n int, line string) (URLCase, error) {
		input, href, err := splitInput(line)
		if err == nil && href == "" {
			err = fmt.Errorf("no href after %q", arrow)
		}
		return URLCase{File: file, Line: n, Input: input, Href: href}, err
	})
}
