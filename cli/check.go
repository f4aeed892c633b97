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
		if linkcore.Worst(reports) >= linkcore.Error {
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
		// A blank line is a gap between inputs, as in Batch, not an
		// empty input: a file's last line break must not fail a script.
		if strings.TrimSpace(line) != "" {
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

// reportJSON is the --json object for one input: the first link's report,
// and the input's other links.
type reportJSON struct {
	linkcore.ReportJSON
	OtherLinks []linkcore.ReportJSON `json:"otherLinks,omitempty"`
}

// printJSON writes one object for the input: the first link's report, the
// worst verdict of all, and the other links under otherLinks.
func printJSON(w *bufio.Writer, input string, reports []linkcore.Report) {
	j := reportJSON{ReportJSON: reports[0].JSON(shownInput(input, reports))}
	for i := 1; i < len(reports); i++ {
		j.OtherLinks = append(j.OtherLinks, reports[i].JSON(reports[i].Input))
	}
	j.Verdict = linkcore.Worst(reports).String()
	data, err := json.Marshal(j)
	if err != nil {
		panic(err) // the JSON form holds only strings and slices of them
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
func printText(out *bufio.Writer, input string, reports []linkcore.Report) {
	var w strings.Builder
	for i := range reports {
		r := &reports[i]
		fmt.Fprintf(&w, "%s  %s\n", verdictMarks[r.Verdict], oneLine(r.Input))
		if len(r.Unwrapped) > 0 {
			fmt.Fprintf(&w, "  unwrapped:  %s\n", strings.Join(r.Unwrapped, " → "))
		}
		if host := r.Host(); host != "" {
			if u := r.HostUnicode(); u != host {
				host += " (" + u + ")"
			}
			fmt.Fprintf(&w, "  host:       %s\n", host)
		}
		if l := r.Link; l != nil {
			fmt.Fprintf(&w, "  cloud:      %s\n", l.Cloud.Name)
			if l.Hint.Kind != linkcore.HintNone {
				fmt.Fprintf(&w, "  hint:       %s (%s)\n", l.Hint.Unicode(), l.Hint.Kind)
			}
			if l.IsRequest() {
				fmt.Fprintf(&w, "  package:    %s\n", l.PackageID)
			}
		}
		if c := r.Canonical(); c != "" {
			fmt.Fprintf(&w, "  canonical:  %s\n", c)
		}
		for _, f := range r.Findings {
			fmt.Fprintf(&w, "  - %s [%s] %s\n", f.Severity.Label(), f.Code, f.Message)
			if f.Fix != "" {
				fmt.Fprintf(&w, "    fix: %s\n", f.Fix)
			}
		}
	}
	out.WriteString(forTerminal(w.String()))
}
