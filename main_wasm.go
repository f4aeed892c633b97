//go:build wasm

package main

import goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

// run starts the page. Nothing else is reachable from the .wasm: the
// generator, the dev server and the CLI live in files built only natively.
func run() { goapp.RunWhenOnBrowser() }
