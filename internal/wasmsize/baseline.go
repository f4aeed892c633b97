//go:build baseline

package main

import "os"

func main() { os.Stdout.WriteString(os.Args[0]) }
