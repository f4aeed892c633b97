// Package cli is the accesslink command line: check and build My Access
// links, and explain a tenant's readiness, for scripts and terminals.
//
// It is plain Go over io.Reader and io.Writer so that it is tested without a
// process; main.go passes the real standard streams.
package cli

import (
	"fmt"
	"io"
)

// Exit codes.
const (
	exitOK    = 0 // every input is fine (ok or warning; for ready: can request)
	exitFound = 1 // some input is an error or danger (for ready: cannot request)
	exitUsage = 2 // the command line or the input data is unusable
)

const usage = `accesslink checks and builds Microsoft Entra My Access links.

Usage:
  accesslink check [--json] [LINK...]     check links (one per line on stdin when none given)
  accesslink build --hint H --id ID [--cloud commercial|usgov]
                                          print the canonical request link
  accesslink ready --graph FILE [--orgs FILE] [--as WHO] [--link LINK] [--json]
                                          explain who can request an access package
  accesslink serve | generate             (development server and static site; see README)

Exit status: 0 all fine, 1 a link is an error or danger (ready: cannot request), 2 usage error.
`

// Run runs the command line args (without the program name) and returns the
// exit code.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "check":
		return runCheck(args[1:], stdin, stdout, stderr)
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "ready":
		return runReady(args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "accesslink: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// usageError reports a bad command line.
func usageError(stderr io.Writer, command string, err error) int {
	fmt.Fprintf(stderr, "accesslink %s: %v\n", command, err)
	return exitUsage
}
