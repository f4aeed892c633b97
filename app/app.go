// Package app is the AccessLink page: go-app components that render what
// package linkcore decides. It holds no link logic of its own.
//
// Every task has its own route, prerendered into the static site so that its
// headline, form and explanation are readable before the WebAssembly
// arrives. What people type lives only in the fragment of the page's URL,
// which browsers never send to a server.
package app

import goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

// Title and Description are the site's defaults for the page head.
const (
	Title       = "AccessLink — build and check My Access links"
	Description = "Build, check and share Microsoft Entra My Access access-package links. " +
		"Runs in your browser; nothing you type is sent anywhere."
)

// A task is one of the page's routes.
type task struct {
	Path  string
	Name  string // the navigation label
	Title string // the page title
	Page  goapp.Composer
}

var tasks = []task{
	{"/", "Build", "Build a My Access link — AccessLink", &BuildPage{}},
	{"/check", "Check", "Check a My Access link — AccessLink", &CheckPage{}},
	{"/batch", "Batch", "Check or build many links — AccessLink", &BatchPage{}},
	{"/ready", "Readiness", "Can they request it? — AccessLink", &ReadyPage{}},
}

// Paths lists the routes, "/" first; the generator prerenders each.
var Paths = func() []string {
	p := make([]string, len(tasks))
	for i, t := range tasks {
		p[i] = t.Path
	}
	return p
}()

// Register tells go-app which component each route shows.
func Register() {
	for _, t := range tasks {
		goapp.Route(t.Path, t.Page)
	}
}
