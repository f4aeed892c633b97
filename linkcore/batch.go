package linkcore

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// A BatchLine is one input of a batch and the line it came from (1-based).
type BatchLine struct {
	Line int
	Text string
}

// linkColumns are the header names of the column that holds the links in a
// CSV file people drop on the page; matched ignoring case and spaces.
var linkColumns = []string{"link", "url", "myaccesslink", "accesspackagelink", "href"}

// SplitBatch reads pasted lines, or a dropped text or CSV file, into the
// inputs of a batch: one per non-blank line. A CSV file whose header names a
// link column ("link", "url", …) gives that column's cells instead.
func SplitBatch(text string) []BatchLine {
	text = strings.TrimPrefix(text, "\uFEFF") // a spreadsheet's byte-order mark
	if col, rows, ok := csvWithColumn(text, linkColumns); ok {
		var out []BatchLine
		for i, row := range rows {
			if col < len(row) && strings.TrimSpace(row[col]) != "" {
				out = append(out, BatchLine{Line: i + 2, Text: strings.TrimSpace(row[col])})
			}
		}
		return out
	}
	var out []BatchLine
	for i, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, BatchLine{Line: i + 1, Text: line})
		}
	}
	return out
}

// headerKey is a header cell as compared: lower case, without spaces,
// hyphens and underscores.
func headerKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '\t':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// csvWithColumn parses text as CSV with a header row and finds the first
// header that is one of names. rows excludes the header.
func csvWithColumn(text string, names []string) (col int, rows [][]string, ok bool) {
	first, _, _ := strings.Cut(text, "\n")
	if !strings.ContainsAny(first, ",;") {
		return 0, nil, false
	}
	all, err := readCSV(text)
	if err != nil || len(all) == 0 {
		return 0, nil, false
	}
	for i, h := range all[0] {
		if slices.Contains(names, headerKey(h)) {
			return i, all[1:], true
		}
	}
	return 0, nil, false
}

// readCSV reads comma- or semicolon-separated values (spreadsheets in many
// locales write semicolons), allowing rows of different lengths.
func readCSV(text string) ([][]string, error) {
	r := csv.NewReader(strings.NewReader(text))
	first, _, _ := strings.Cut(text, "\n")
	if strings.Count(first, ";") > strings.Count(first, ",") {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	return r.ReadAll()
}

// A BuildRow is one link built from a row of a CSV file.
type BuildRow struct {
	Line    int    `json:"line"`
	Name    string `json:"name"`
	ID      string `json:"accessPackageId"`
	Hint    string `json:"directoryHint"`
	Link    string `json:"link,omitempty"`
	Problem string `json:"problem,omitempty"` // why no link could be built
}

// Header names accepted for the columns of BuildFromCSV.
var (
	nameColumns = []string{"name", "displayname", "accesspackage", "package", "packagename"}
	idColumns   = []string{"id", "packageid", "accesspackageid", "guid"}
	hintColumns = []string{"hint", "directoryhint", "domain", "tenant", "tenantid", "directory"}
)

// BuildFromCSV builds one link per row of a CSV file with the columns name,
// ID and, optionally, directory hint. The columns are found by their header;
// without a recognised header they are taken in that order. Rows without a
// hint use defaultHint. Blank rows are skipped; a row whose link cannot be
// built says why in Problem.
func BuildFromCSV(text, defaultHint string, cloud Cloud) []BuildRow {
	text = strings.TrimPrefix(text, "\uFEFF")
	all, err := readCSV(text)
	if err != nil {
		return []BuildRow{{Line: 1, Problem: "The file is not CSV: " + err.Error()}}
	}
	nameCol, idCol, hintCol, start := 0, 1, 2, 0
	if len(all) > 0 {
		if n, i, h, ok := buildHeader(all[0]); ok {
			nameCol, idCol, hintCol, start = n, i, h, 1
		}
	}
	cell := func(row []string, i int) string {
		if i < 0 || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	var rows []BuildRow
	for i := start; i < len(all); i++ {
		row := all[i]
		r := BuildRow{Line: i + 1, Name: cell(row, nameCol), ID: cell(row, idCol), Hint: cell(row, hintCol)}
		if r.Name == "" && r.ID == "" && r.Hint == "" {
			continue
		}
		if r.Hint == "" {
			r.Hint = strings.TrimSpace(defaultHint)
		}
		l, err := Build(cloud, r.Hint, r.ID)
		if be, ok := err.(*BuildError); ok {
			var problems []string
			if be.Hint != nil {
				problems = append(problems, "directory hint: "+be.Hint.Reason)
			}
			if be.ID != nil {
				problems = append(problems, "package ID: "+be.ID.Reason)
			}
			r.Problem = strings.Join(problems, "; ")
		} else {
			r.Link = l.String()
		}
		rows = append(rows, r)
	}
	return rows
}

// buildHeader finds the name, ID and hint columns in a header row; hint is
// -1 when absent. ok is false when the row is not a header.
func buildHeader(row []string) (name, id, hint int, ok bool) {
	name, id, hint = -1, -1, -1
	for i, h := range row {
		k := headerKey(h)
		switch {
		case name < 0 && slices.Contains(nameColumns, k):
			name = i
		case id < 0 && slices.Contains(idColumns, k):
			id = i
		case hint < 0 && slices.Contains(hintColumns, k):
			hint = i
		}
	}
	return name, id, hint, id >= 0
}

// A LineReport is the report on one line of a batch.
type LineReport struct {
	Line   int
	Text   string // the line as given
	Report Report
}

// CheckBatch checks each line of a batch, reporting on its first link.
func CheckBatch(lines []BatchLine) []LineReport {
	out := make([]LineReport, len(lines))
	for i, l := range lines {
		out[i] = LineReport{Line: l.Line, Text: l.Text, Report: CheckLink(l.Text)}
	}
	return out
}

// lineJSON is the exported form of a LineReport: the command line's --json
// object with the line number.
type lineJSON struct {
	Line int `json:"line"`
	ReportJSON
}

func exportLine(lr LineReport) lineJSON {
	return lineJSON{Line: lr.Line, ReportJSON: lr.Report.JSON(lr.Text)}
}

// ReportsJSON exports a checked batch as a JSON array.
func ReportsJSON(reports []LineReport) []byte {
	out := make([]lineJSON, len(reports))
	for i, lr := range reports {
		out[i] = exportLine(lr)
	}
	b, _ := json.MarshalIndent(out, "", "  ") // plain strings and ints cannot fail
	return append(b, '\n')
}

// ReportsCSV exports a checked batch as CSV, one row per line, the finding
// codes separated by spaces.
func ReportsCSV(reports []LineReport) []byte {
	rows := [][]string{{"line", "input", "verdict", "link", "host", "cloud", "directory hint", "access package id", "findings"}}
	for _, lr := range reports {
		j := exportLine(lr)
		codes := make([]string, len(j.Findings))
		for i, f := range j.Findings {
			codes[i] = string(f.Code)
		}
		rows = append(rows, []string{strconv.Itoa(j.Line), j.Input, j.Verdict, j.Link, j.Host, j.Cloud,
			j.DirectoryHint, j.AccessPackageID, strings.Join(codes, " ")})
	}
	return writeCSV(rows)
}

// BuildRowsJSON exports built links as a JSON array.
func BuildRowsJSON(rows []BuildRow) []byte {
	if rows == nil {
		rows = []BuildRow{}
	}
	b, _ := json.MarshalIndent(rows, "", "  ")
	return append(b, '\n')
}

// BuildRowsCSV exports built links as CSV.
func BuildRowsCSV(rows []BuildRow) []byte {
	out := [][]string{{"line", "name", "access package id", "directory hint", "link", "problem"}}
	for _, r := range rows {
		out = append(out, []string{strconv.Itoa(r.Line), r.Name, r.ID, r.Hint, r.Link, r.Problem})
	}
	return writeCSV(out)
}

// writeCSV writes rows, defusing cells a spreadsheet would run as a
// formula: the input is untrusted text.
func writeCSV(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, c := range row {
			safe[i] = defuseFormula(c)
		}
		w.Write(safe) // a bytes.Buffer does not fail
	}
	w.Flush()
	return b.Bytes()
}

// defuseFormula prefixes a cell that starts like a spreadsheet formula with
// an apostrophe (OWASP's advice for CSV injection).
func defuseFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
