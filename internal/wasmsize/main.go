//go:build !baseline

// Command wasmsize is the smallest program that uses linkcore. "./build.sh
// bench" builds it for GOOS=js GOARCH=wasm twice, with and without the
// "baseline" tag, and reports the difference: what linkcore adds to a .wasm.
package main

import (
	"os"

	"accesslink/linkcore"
)

func main() {
	for _, r := range linkcore.Check(os.Args[0]) {
		os.Stdout.WriteString(r.Verdict.String() + r.Canonical())
	}
	link, _ := linkcore.Build(linkcore.DefaultCloud, os.Args[0], os.Args[0])
	os.Stdout.WriteString(link.String())
}
