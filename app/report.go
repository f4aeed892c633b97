package app

import (
	"strconv"
	"strings"

	"accesslink/linkcore"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// How each verdict is shown: an icon and words as well as a colour, so that
// the colour is never the only signal.
var verdictLooks = [...]struct{ Icon, Word, Summary string }{
	linkcore.OK:      {"✓", "OK", "This link requests the access package."},
	linkcore.Warning: {"!", "Works, with warnings", "This link works, but should be fixed."},
	linkcore.Error:   {"✕", "Will not work", "This link will not request the access package."},
	linkcore.Danger:  {"⚠", "Dangerous", "Do not open this link: it does not lead where it seems to."},
}

// verdictBanner shows a link's verdict.
func verdictBanner(v linkcore.Verdict) goapp.UI {
	look := verdictLooks[v]
	return banner(v.String(), look.Icon, look.Word+": ", look.Summary)
}

// banner shows a verdict (ok, warning, error or danger: the colour, and
// data-verdict for scripts and tests) with an icon, a heading and words.
func banner(verdict, icon, heading, text string) goapp.UI {
	return el("div").Class("verdict verdict-"+verdict).DataSet("verdict", verdict).Body(
		el("span").Class("verdict-icon").Aria("hidden", "true").Text(icon),
		el("strong").Text(heading),
		el("span").Text(text),
	)
}

// reportView renders one report. Everything from the input is text; the
// link becomes an <a href> only when linkcore says it may be clicked, and
// then the href is the canonical link, never the input.
func reportView(r *linkcore.Report, onCopy goapp.EventHandler) goapp.UI {
	var parts []goapp.UI
	row := func(name, value string) {
		if value == "" {
			return
		}
		parts = append(parts, el("dt").Text(name), el("dd").Body(el("code").Text(value)))
	}
	if l := r.Link; l != nil {
		row("Cloud", l.Cloud.Name)
	}
	if host := r.Host(); host != "" {
		shown := host
		if u := r.HostUnicode(); u != host {
			shown = host + " (shown as " + u + ")"
		}
		row("Host the browser opens", shown)
	} else if r.URL != nil {
		row("Scheme", r.URL.Scheme+":")
	}
	if l := r.Link; l != nil {
		if l.Hint.Kind != linkcore.HintNone {
			row("Directory hint ("+l.Hint.Kind.String()+")", l.Hint.Unicode())
		} else {
			row("Directory hint", "none")
		}
		if l.IsRequest() {
			row("Access package ID", l.PackageID.String())
		} else if l.Page.Name != "" {
			row("Page", l.Page.Name)
		}
	}

	var link goapp.UI
	if a := liveLink(r); a != nil {
		link = el("p").Class("link-line").Body(
			el("span").Class("label").Text("Open: "),
			a,
		)
	} else if r.Input != "" {
		link = el("p").Class("link-line").Body(
			el("span").Class("label").Text("As found (not a live link): "),
			el("code").Class("inert").Text(shorten(r.Input, 2000)),
		)
	}

	var chain goapp.UI
	if len(r.Unwrapped) > 0 {
		chain = el("div").Class("chain").Body(
			el("h2").Text("Unwrapped from"),
			el("ol").Body(goapp.Range(r.Unwrapped).Slice(func(i int) goapp.UI {
				return el("li").Text(r.Unwrapped[i])
			})),
		)
	}

	var copyButton goapp.UI
	if canonical := r.Canonical(); canonical != "" {
		copyButton = el("button").Attr("type", "button").Class("copy-canonical").DataSet("link", canonical).
			Text("Copy canonical link").OnClick(onCopy)
	}

	return el("article").Class("report").DataSet("verdict", r.Verdict.String()).Body(
		verdictBanner(r.Verdict),
		link,
		goapp.If(len(parts) > 0, el("dl").Class("parts").Body(parts...)),
		chain,
		findingsView(r.Findings),
		copyButton,
	)
}

// liveLink is the report's canonical link as an <a href> when linkcore says
// it may be clicked, and nil otherwise: the one place where the page makes
// a checked link clickable.
func liveLink(r *linkcore.Report) goapp.UI {
	if !r.Clickable() {
		return nil
	}
	canonical := r.Canonical()
	return el("a").Attr("href", canonical).Attr("rel", "noopener noreferrer").Attr("target", "_blank").Text(canonical)
}

// findingsView lists findings with their fixes.
func findingsView(fs []linkcore.Finding) goapp.UI {
	if len(fs) == 0 {
		return nil
	}
	return el("div").Class("findings").Body(
		el("h2").Text("Findings"),
		el("ul").Body(goapp.Range(fs).Slice(func(i int) goapp.UI {
			f := fs[i]
			label := f.Severity.Label()
			return el("li").Class("finding sev-"+label).DataSet("code", string(f.Code)).Body(
				el("span").Class("badge").Text(label),
				el("span").Class("message").Text(" "+f.Message),
				goapp.If(f.Fix != "", el("p").Class("fix").Text("Fix: "+f.Fix)),
			)
		})),
	)
}

// shorten cuts s to at most n bytes on a rune boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.ToValidUTF8(s[:n], "")
	return cut + "… (" + strconv.Itoa(len(s)-len(cut)) + " more bytes)"
}
