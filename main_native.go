//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"

	"accesslink/cli"
	"accesslink/site"
)

// run dispatches the native commands: the site's own two, and everything
// else to the command-line checker.
func run() {
	os.Exit(command(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func command(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "generate":
			return generateCommand(args[1:], stdout, stderr)
		case "serve":
			return serveCommand(args[1:], stdout, stderr)
		}
	}
	return cli.Run(args, stdin, stdout, stderr)
}

func generateCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dist := fs.String("dist", "dist", "directory to write the site into (replaced)")
	wasm := fs.String("wasm", "app.wasm", "the page compiled with GOOS=js GOARCH=wasm")
	web := fs.String("web", "web", "directory of the page's own assets")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := site.Generate(*dist, *wasm, *web); err != nil {
		fmt.Fprintln(stderr, "generate:", err)
		return 1
	}
	fmt.Fprintln(stdout, "site written to", *dist)
	return 0
}

func serveCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dist := fs.String("dist", "dist", "directory of the generated site")
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on (development only)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return 1
	}
	// The first line names the address, so that tests can listen on port 0.
	fmt.Fprintf(stdout, "serving %s on http://%s/\n", *dist, ln.Addr())
	if err := http.Serve(ln, site.Server(*dist)); err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return 1
	}
	return 0
}
