package cli

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"accesslink/linkcore"
)

// runCheck implements "accesslink check [--json] [LINK...]".
func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("check", flag.ContinueOnError)
	flags.SetOutput(stderr)
	asJSON := flags.Bool("json", false, "print one JSON object per input, one per line")
	if err := flags.Parse(args); err != nil {
		return exitUsage
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	print := printText
	if *asJSON {
		print = printJSON
	}
	code := exitOK
	checkOne := func(input string) {
		reports := linkcore.Check(input)
		if worst(reports) >= linkcore.Error {
			code = exitFound
		}
		print(out, input, reports)
	}
	if flags.NArg() > 0 {
		for _, input := range flags.Args() {
			checkOne(input)
		}
		return code
	}
	in := bufio.NewReaderSize(stdin, 64<<10)
	for {
		line, err := in.ReadString('\n')
		if line != "" {
			checkOne(strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r"))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(stderr, "accesslink check: reading input: %v\n", err)
			return exitUsage
		}
	}
	return code
}

func worst(reports []linkcore.Report) linkcore.Verdict {
	v := linkcore.OK
	for _, r := range reports {
		v = max(v, r.Verdict)
	}
	return v
}

// reportJSON is the --json form of one link's report. Its field names are
// a stable interface for scripts.
type reportJSON struct {
	Input           string        `json:"input"`
	Verdict         string        `json:"verdict"`
	Link            string        `json:"link"`
	Cloud           string        `json:"cloud"`
	Host            string        `json:"host"`
	HostUnicode     string        `json:"hostUnicode,omitempty"`
	DirectoryHint   string        `json:"directoryHint"`
	HintKind        string        `json:"directoryHintKind"`
	AccessPackageID string        `json:"accessPackageId"`
	Page            string        `json:"page,omitempty"`
	Unwrapped       []string      `json:"unwrapped"`
	Findings        []findingJSON `json:"findings"`
	OtherLinks      []reportJSON  `json:"otherLinks,omitempty"`
}

type findingJSON struct {
	Code     linkcore.Code `json:"code"`
	Severity string        `json:"severity"`
	Message  string        `json:"message"`
	Fix      string        `json:"fix,omitempty"`
}

func toJSON(r *linkcore.Report) reportJSON {
	j := reportJSON{
		Input:     r.Input,
		Verdict:   r.Verdict.String(),
		Link:      r.Canonical(),
		Host:      r.Host(),
		Unwrapped: r.Unwrapped,
		Findings:  make([]findingJSON, len(r.Findings)),
	}
	if j.Unwrapped == nil {
		j.Unwrapped = []string{}
	}
	if u := r.HostUnicode(); u != j.Host {
		j.HostUnicode = u
	}
	if l := r.Link; l != nil {
		j.Cloud = l.Cloud.ID
		j.DirectoryHint = l.Hint.Value
		j.HintKind = l.Hint.Kind.String()
		if l.IsRequest() {
			j.AccessPackageID = l.PackageID.String()
		}
		j.Page = l.Page.Name
	}
	for i, f := range r.Findings {
		j.Findings[i] = findingJSON{Code: f.Code, Severity: f.Severity.Label(), Message: f.Message, Fix: f.Fix}
	}
	return j
}

// printJSON writes one object for the input: the first link's report, the
// worst verdict of all, and the other links under otherLinks.
func printJSON(w *bufio.Writer, input string, reports []linkcore.Report) {
	j := toJSON(&reports[0])
	for i := 1; i < len(reports); i++ {
		j.OtherLinks = append(j.OtherLinks, toJSON(&reports[i]))
	}
	j.Verdict = worst(reports).String()
	j.Input = shownInput(input, reports)
	data, err := json.Marshal(j)
	if err != nil {
		panic(err) // reportJSON holds only strings and slices of them
	}
	w.Write(data)
	w.WriteByte('\n')
}

// shownInput is the input as the output may show it: without a gateway's
// tracking data, which names the recipient.
func shownInput(input string, reports []linkcore.Report) string {
	for i := range reports {
		if len(reports[i].Unwrapped) > 0 {
			return linkcore.RedactTracking(input)
		}
	}
	return input
}

// verdictMarks pairs each verdict with a sign so that it never relies on
// colour alone, not even in a terminal.
var verdictMarks = map[linkcore.Verdict]string{
	linkcore.OK: "✓ OK", linkcore.Warning: "! WARNING", linkcore.Error: "✗ ERROR", linkcore.Danger: "⚠ DANGER",
}

// printText writes a report for people.
func printText(w *bufio.Writer, input string, reports []linkcore.Report) {
	for i := range reports {
		r := &reports[i]
		fmt.Fprintf(w, "%s  %s\n", verdictMarks[r.Verdict], oneLine(r.Input))
		if len(r.Unwrapped) > 0 {
			fmt.Fprintf(w, "  unwrapped:  %s\n", strings.Join(r.Unwrapped, " → "))
		}
		if host := r.Host(); host != "" {
			if u := r.HostUnicode(); u != host {
				host += " (" + u + ")"
			}
			fmt.Fprintf(w, "  host:       %s\n", host)
		}
		if l := r.Link; l != nil {
			fmt.Fprintf(w, "  cloud:      %s\n", l.Cloud.Name)
			if l.Hint.Kind != linkcore.HintNone {
				fmt.Fprintf(w, "  hint:       %s (%s)\n", l.Hint.Unicode(), l.Hint.Kind)
			}
			if l.IsRequest() {
				fmt.Fprintf(w, "  package:    %s\n", l.PackageID)
			}
		}
		if c := r.Canonical(); c != "" {
			fmt.Fprintf(w, "  canonical:  %s\n", c)
		}
		for _, f := range r.Findings {
			fmt.Fprintf(w, "  - %s [%s] %s\n", f.Severity.Label(), f.Code, f.Message)
			if f.Fix != "" {
				fmt.Fprintf(w, "    fix: %s\n", f.Fix)
			}
		}
	}
}

// oneLine shows an input on one terminal line: control characters escaped
// (they could move the cursor or hide text), long input shortened.
func oneLine(s string) string {
	const max = 200
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			b.WriteString("…")
			break
		}
		n++
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			fmt.Fprintf(&b, "\\x%02x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
