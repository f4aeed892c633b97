package app

import goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

// shell is what every task page shares: the header and navigation, the
// loading state until the app is live, and the "reload to update" banner.
// Pages embed it.
type shell struct {
	goapp.Compo
	live      bool // the WebAssembly runs: controls work
	updatable bool // a new version is installed and waits for a reload
}

// start marks the page live once it runs in the browser and sets the title.
// Pages call it from OnNav, their one lifecycle hook: go-app calls OnNav
// right after OnMount on every load, so restoring in OnMount as well would
// run the check, batch or assessment twice.
func (s *shell) start(ctx goapp.Context, path string) {
	if goapp.IsClient && !s.live {
		// For the benchmark: when the page became usable.
		goapp.Window().Get("performance").Call("mark", "accesslink-live")
	}
	s.live = goapp.IsClient
	s.updatable = ctx.AppUpdateAvailable()
	ctx.Page().SetTitle(taskTitle(path))
}

// OnAppUpdate is called when a new deployment has been installed.
func (s *shell) OnAppUpdate(ctx goapp.Context) { s.updatable = ctx.AppUpdateAvailable() }

func (s *shell) reload(ctx goapp.Context, e goapp.Event) { ctx.Reload() }

func taskTitle(path string) string {
	for _, t := range tasks {
		if t.Path == path {
			return t.Title
		}
	}
	return Title
}

// layout wraps a task's content in the page frame.
func (s *shell) layout(path string, content ...goapp.UI) goapp.UI {
	items := make([]goapp.UI, len(tasks))
	for i, t := range tasks {
		a := el("a").Attr("href", t.Path).Text(t.Name)
		if t.Path == path {
			a = a.Aria("current", "page")
		}
		items[i] = el("li").Body(a)
	}
	var banner goapp.UI
	if s.updatable {
		banner = el("div").Class("update").Body(
			el("p").Text("A new version of AccessLink is ready."),
			el("button").Attr("type", "button").Text("Reload to update").OnClick(s.reload),
		)
	}
	return el("div").Class("frame").Body(
		el("header").Class("top").Body(
			el("a").Class("brand").Attr("href", "/").Body(
				void("img").Attr("src", "/web/icon.svg").Attr("alt", "").Attr("width", 32).Attr("height", 32),
				el("span").Text("AccessLink"),
			),
			el("nav").Aria("label", "Tasks").Body(el("ul").Body(items...)),
		),
		el("div").Role("status").Class("update-region").Body(banner),
		el("main").ID("main").Class("content").Body(content...),
		el("footer").Class("foot").Body(
			el("p").Text("AccessLink runs entirely in your browser: nothing you type is sent anywhere, "+
				"and it keeps working offline once visited."),
		),
	)
}

// loading is the note shown, and announced, until the controls work.
func (s *shell) loading(what string) goapp.UI {
	if s.live {
		return nil
	}
	return el("p").Class("loading").Role("status").Text("Loading " + what + "… the form works as soon as it is ready.")
}
