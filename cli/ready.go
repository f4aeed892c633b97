package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"accesslink/linkcore"
	"accesslink/linkcore/readiness"
)

const readyUsage = `Usage: accesslink ready --graph FILE [--orgs FILE] [--as WHO] [--link LINK] [--json]

Explains, offline, whether a requestor can request an access package through
its My Access link, what happens after they do, and what to change if they
cannot. Nothing is sent anywhere.

  --graph FILE  the JSON Microsoft Graph returns for (read-only, permission
                EntitlementManagement.Read.All):
                GET https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages/{id}?$expand=catalog,assignmentPolicies
                "-" reads standard input.
  --orgs FILE   optional: GET .../identityGovernance/entitlementManagement/connectedOrganizations,
                needed to match a partner's domain or tenant ID to a connected organization
  --as WHO      member (the default: a member user of the tenant), guest (a guest
                already in the directory), or external:<domain or tenant ID> (a
                user of another organization, e.g. external:contoso.com). Give
                --as explicitly to check a partner: the default never assumes one.
  --link LINK   the link being shared: checked, then compared with the JSON
  --json        print one JSON object (canRequest, visibleInPortal, policy, findings, …)

Exit status: 0 the requestor can request (possibly only if they are in the
groups a policy lists), 1 they cannot or the JSON cannot tell, 2 bad usage or
input that cannot be read.
`

// runReady implements "accesslink ready"; "--graph -" and "--orgs -" read
// stdin.
func runReady(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("ready", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() { fmt.Fprint(stderr, readyUsage) }
	graphFile := flags.String("graph", "", "")
	orgsFile := flags.String("orgs", "", "")
	as := flags.String("as", "member", "")
	linkText := flags.String("link", "", "")
	asJSON := flags.Bool("json", false, "")
	if err := flags.Parse(args); err != nil {
		return exitUsage
	}
	switch {
	case flags.NArg() > 0:
		return usageError(stderr, "ready", fmt.Errorf("unexpected argument %q (give files with --graph and --orgs)", flags.Arg(0)))
	case *graphFile == "":
		return usageError(stderr, "ready", errors.New("--graph FILE is required: the access package JSON from Microsoft Graph"))
	case *graphFile == "-" && *orgsFile == "-":
		return usageError(stderr, "ready", errors.New("only one of --graph and --orgs can read standard input"))
	}
	who, err := readiness.ParseRequestor(*as)
	if err != nil {
		return usageError(stderr, "ready", fmt.Errorf("--as: %w", err))
	}
	var link *linkcore.Link
	var linkReport linkcore.Report
	if *linkText != "" {
		linkReport = linkcore.CheckLink(*linkText)
		if linkReport.Link == nil {
			reason := "it is not a My Access portal link"
			if len(linkReport.Findings) > 0 {
				reason += ": " + linkReport.Findings[0].Message
			}
			return usageError(stderr, "ready", fmt.Errorf("--link: %s", reason))
		}
		link = linkReport.Link
	}
	pkg, err := readInput(*graphFile, stdin)
	if err != nil {
		return usageError(stderr, "ready", fmt.Errorf("--graph: %w", err))
	}
	var orgs []byte
	if *orgsFile != "" {
		if orgs, err = readInput(*orgsFile, stdin); err != nil {
			return usageError(stderr, "ready", fmt.Errorf("--orgs: %w", err))
		}
	}

	res, err := readiness.Assess(pkg, orgs, who, link)
	if err != nil {
		var ie *readiness.InputError
		if *asJSON && errors.As(err, &ie) {
			writeJSON(stdout, map[string]any{"error": map[string]any{
				"source": ie.Source, "line": ie.Line, "column": ie.Column, "reason": ie.Reason}})
		}
		fmt.Fprintf(stderr, "accesslink ready: %v\n", err)
		return exitUsage
	}
	if *asJSON {
		writeJSON(stdout, res)
	} else {
		printReady(stdout, res, linkReport)
	}
	if res.CanRequest {
		return exitOK
	}
	return exitFound
}

// readInput reads a file, or standard input for "-", refusing more than
// the checker reads before reading it all.
func readInput(name string, stdin io.Reader) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > readiness.MaxInputBytes {
			return nil, fmt.Errorf("%s is %d bytes; the checker reads at most %d (8 MiB): fetch the one access package, not a whole list", name, info.Size(), readiness.MaxInputBytes)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, readiness.MaxInputBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > readiness.MaxInputBytes {
		return nil, fmt.Errorf("the input is larger than %d bytes (8 MiB), more than the checker reads", readiness.MaxInputBytes)
	}
	return data, nil
}

// writeJSON prints v as one JSON object, with > and & as themselves.
func writeJSON(w io.Writer, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err) // the values are plain data; encoding cannot fail
	}
	w.Write(b.Bytes())
}

// answerWords says the answer in a line.
var answerWords = map[string]string{
	readiness.AnswerYes:         "yes",
	readiness.AnswerConditional: "yes, if they are among the users or groups the policy lists",
	readiness.AnswerNo:          "no",
	readiness.AnswerUnknown:     "cannot tell from this JSON (see below what to fetch)",
}

// printReady prints the answer for people.
func printReady(w io.Writer, res *readiness.Result, report linkcore.Report) {
	link := report.Link // nil without --link
	var b strings.Builder
	fmt.Fprintf(&b, "Access package %q (%s)\n", res.PackageName, res.PackageID)
	if res.CatalogName != "" {
		fmt.Fprintf(&b, "Catalog        %q\n", res.CatalogName)
	}
	fmt.Fprintf(&b, "Requestor      %s (--as %s)\n", res.Requestor, res.Requestor.Flag())
	if link != nil {
		var codes []string
		for _, f := range report.Findings {
			if f.Severity > linkcore.Info {
				codes = append(codes, string(f.Code))
			}
		}
		verdict := report.Verdict.String()
		if len(codes) > 0 {
			verdict += ": " + strings.Join(codes, ", ") + "; run accesslink check for details"
		}
		fmt.Fprintf(&b, "Link           %s (link check: %s)\n", report.Input, verdict)
	}
	fmt.Fprintf(&b, "\nCan request through the link: %s\n", answerWords[res.Answer])
	visible := "no"
	switch {
	case res.VisibleInPortal:
		visible = "yes"
	case res.CanRequest && res.Hidden:
		visible = "no, the package is hidden (the link still works)"
	}
	fmt.Fprintf(&b, "Listed in the My Access portal without the link: %s\n", visible)
	if res.Approval != nil {
		applies := "Policy that applies"
		if !res.CanRequest {
			applies = "Policy that would apply once the errors below are fixed"
		}
		fmt.Fprintf(&b, "\n%s: %q\n", applies, res.Policy)
		if len(res.OtherPolicies) > 0 {
			fmt.Fprintf(&b, "  (equally: %s; the portal asks which)\n", strings.Join(res.OtherPolicies, ", "))
		}
		if !res.Approval.Required {
			b.WriteString("  Approval: none; access is granted on request\n")
		} else {
			fmt.Fprintf(&b, "  Approval: required, %d stage(s)\n", len(res.Approval.Stages))
			for i, s := range res.Approval.Stages {
				fmt.Fprintf(&b, "    Stage %d: %s\n", i+1, s.Summary())
			}
		}
		if res.Expiration != "" {
			fmt.Fprintf(&b, "  %s\n", res.Expiration)
		}
		if res.CustomSchedule {
			b.WriteString("  Requestors may choose when access starts and ends.\n")
		}
		if len(res.Questions) > 0 {
			b.WriteString("  Questions asked:\n")
			for i, q := range res.Questions {
				fmt.Fprintf(&b, "    %d. %s\n", i+1, q.Summary())
			}
		}
	}
	if len(res.Findings) > 0 {
		b.WriteString("\nFindings:\n")
		for _, f := range res.Findings {
			fmt.Fprintf(&b, "  %-7s %s: %s\n", f.Severity.Label(), f.Code, f.Message)
			if f.Fix != "" {
				fmt.Fprintf(&b, "          fix: %s\n", f.Fix)
			}
		}
	}
	if res.NeedsData() {
		fmt.Fprintf(&b, "\nRequests to fetch the data (read-only; permission %s):\n", readiness.ReadPermission)
		for _, r := range readiness.RequestsFor(link, res) {
			fmt.Fprintf(&b, "  %s (%s):\n    Graph Explorer: GET %s\n    PowerShell:     %s\n                    %s\n", r.Purpose, r.Input, r.URL, r.Connect, r.PowerShell)
		}
	}
	io.WriteString(w, forTerminal(b.String()))
}
