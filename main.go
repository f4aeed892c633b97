// Command accesslink is the AccessLink web page and its command line.
//
// Compiled to WebAssembly, it is the page: it registers the routes and runs
// go-app in the browser. Compiled natively, it generates the static site
// ("generate"), serves it for development ("serve"), and otherwise runs the
// command-line checker.
package main

import "accesslink/app"

func main() {
	app.Register()
	run()
}
