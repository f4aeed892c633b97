package readiness

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Limits on what Assess reads. A Graph response for one package is a few
// kilobytes and nests about eight levels deep; these leave ample room while
// keeping hostile input cheap to refuse.
const (
	MaxInputBytes = 8 << 20 // bytes of one JSON input
	MaxDepth      = 64      // nesting of objects and arrays
)

// Which input an InputError is about.
const (
	SourcePackage       = "package JSON"
	SourceOrganizations = "connected organizations JSON"
)

// An InputError says why a JSON input cannot be assessed, and where.
type InputError struct {
	Source string // SourcePackage or SourceOrganizations
	// Line and Column (1-based, in characters) locate the problem; both are
	// 0 when it concerns the whole document.
	Line, Column int
	Reason       string
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s, line %d, column %d: %s", e.Source, e.Line, e.Column, e.Reason)
	}
	return e.Source + ": " + e.Reason
}

// inputText turns the bytes people paste or save into JSON text: it removes
// a UTF-8 byte order mark and decodes UTF-16, which Windows PowerShell 5.1
// writes with "> file". It refuses what is not text.
func inputText(data []byte, source string) ([]byte, error) {
	fail := func(reason string) ([]byte, error) { return nil, &InputError{Source: source, Reason: reason} }
	if len(data) > MaxInputBytes {
		return fail(fmt.Sprintf("it is %s; the checker reads at most %s. A single access package response is a few kilobytes: fetch the one package, not the whole list.", sizeWords(int64(len(data))), sizeWords(MaxInputBytes)))
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		if len(data)%2 != 0 {
			return fail("it is UTF-16 text with an odd number of bytes: the file is damaged")
		}
		units := make([]uint16, 0, len(data)/2-1)
		for i := 2; i+1 < len(data); i += 2 {
			if data[0] == 0xFF {
				units = append(units, uint16(data[i])|uint16(data[i+1])<<8)
			} else {
				units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
			}
		}
		data = []byte(string(utf16.Decode(units)))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fail("it is empty. Paste the response body that Graph Explorer or Invoke-MgGraphRequest shows.")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := position(data, i)
		return nil, &InputError{Source: source, Line: line, Column: col, Reason: "it contains a NUL byte, so it is a binary file, not JSON text"}
	}
	if !utf8.Valid(data) {
		i := firstInvalidUTF8(data)
		line, col := position(data, i)
		return nil, &InputError{Source: source, Line: line, Column: col, Reason: fmt.Sprintf("byte 0x%02X is not UTF-8 text; save the response as UTF-8", data[i])}
	}
	return data, nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// checkDepth refuses nesting deeper than MaxDepth before the JSON decoder
// sees it, so that a document of a million "[" costs one linear scan.
func checkDepth(data []byte, source string) error {
	depth, inString, escaped := 0, false, false
	for i, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > MaxDepth {
				line, col := position(data, i)
				return &InputError{Source: source, Line: line, Column: col,
					Reason: fmt.Sprintf("the JSON nests deeper than %d levels here; a Graph response nests about 8", MaxDepth)}
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}

// decodeValues reads the JSON values in an input as pasted (see inputText),
// one after another: a single response, or several pages pasted in a row.
// Numbers stay json.Number.
func decodeValues(input []byte, source string) ([]any, error) {
	data, err := inputText(input, source)
	if err != nil {
		return nil, err
	}
	if err := checkDepth(data, source); err != nil {
		return nil, err
	}
	if err := notJSONStart(data, source); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var values []any
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			return values, nil
		}
		if err != nil {
			return nil, syntaxError(data, dec.InputOffset(), err, source)
		}
		values = append(values, v)
	}
}

// notJSONStart explains text that does not start like JSON, such as a copied
// HTTP status line or PowerShell's table output.
func notJSONStart(data []byte, source string) error {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] == '{' || trimmed[0] == '[' {
		return nil
	}
	start := len(data) - len(trimmed)
	line, col := position(data, start)
	r, _ := utf8.DecodeRune(trimmed)
	reason := fmt.Sprintf("JSON starts with { but this starts with %q", r)
	if brace := bytes.IndexByte(trimmed, '{'); brace >= 0 {
		bl, bc := position(data, start+brace)
		reason += fmt.Sprintf("; the first { is at line %d, column %d: paste from there (the response body only, without status line or headers)", bl, bc)
	} else {
		reason += "; it holds no JSON object at all. In PowerShell, pipe the result to ConvertTo-Json -Depth 20"
	}
	return &InputError{Source: source, Line: line, Column: col, Reason: reason}
}

// cutOff explains JSON that stops in the middle.
const cutOff = "the JSON ends in the middle of a value: it was probably cut off when copied. Copy the whole response"

// syntaxError turns a decoder error into an InputError at the offending
// character.
func syntaxError(data []byte, offset int64, err error, source string) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		at := int(se.Offset) - 1 // Offset counts the bytes read, including the bad one
		if at < 0 {
			at = 0
		}
		if at < len(data) && len(bytes.TrimSpace(data[at:])) == 0 {
			// The bad character is the line break after the last line: the
			// text stops inside a string.
			line, col := position(data, at)
			return &InputError{Source: source, Line: line, Column: col, Reason: cutOff}
		}
		line, col := position(data, at)
		msg := strings.TrimPrefix(se.Error(), "json: ")
		return &InputError{Source: source, Line: line, Column: col, Reason: "invalid JSON: " + msg + hintAt(data, at)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := position(data, len(data))
		return &InputError{Source: source, Line: line, Column: col, Reason: cutOff}
	}
	line, col := position(data, int(offset))
	return &InputError{Source: source, Line: line, Column: col, Reason: "invalid JSON: " + err.Error()}
}

// hintAt adds the likely cause of the most common hand-editing mistakes.
func hintAt(data []byte, at int) string {
	if at >= len(data) {
		return ""
	}
	switch data[at] {
	case '\'':
		return " (JSON strings use double quotes)"
	case '}', ']':
		prev := bytes.TrimRight(data[:at], " \t\r\n")
		if len(prev) > 0 && prev[len(prev)-1] == ',' {
			return " (JSON allows no comma before a closing bracket)"
		}
	}
	return ""
}

// position returns the 1-based line and column (in characters) of byte
// offset i of data.
func position(data []byte, i int) (line, col int) {
	if i > len(data) {
		i = len(data)
	}
	before := data[:i]
	line = bytes.Count(before, []byte{'\n'}) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	col = utf8.RuneCount(before[lineStart:]) + 1
	return line, col
}

// sizeWords writes a byte count for people: "9.0 MiB", "512 bytes".
func sizeWords(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// quote quotes s for a message, shortening long input.
func quote(s string) string {
	const max = 80
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
