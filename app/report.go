package app

import (
	"strings"

	"accesslink/linkcore"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// How each verdict is shown: an icon and words as well as a colour, so that
// the colour is never the only signal.
var verdictLooks = map[string]struct{ Icon, Word, Summary string }{
	"ok":      {"✓", "OK", "This link requests the access package."},
	"warning": {"!", "Works, with warnings", "This link works, but should be fixed."},
	"error":   {"✕", "Will not work", "This link will not request the access package."},
	"danger":  {"⚠", "Dangerous", "Do not open this link: it does not lead where it seems to."},
}

// verdictBanner shows a verdict with data-verdict for scripts and tests.
func verdictBanner(v linkcore.Verdict, extra string) goapp.UI {
	word := v.String()
	look := verdictLooks[word]
	text := look.Summary
	if extra != "" {
		text = extra
	}
	return goapp.Div().Class("verdict verdict-"+word).DataSet("verdict", word).Body(
		goapp.Span().Class("verdict-icon").Aria("hidden", "true").Text(look.Icon),
		goapp.Strong().Text(look.Word+": "),
		goapp.Span().Text(text),
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
		parts = append(parts, goapp.Dt().Text(name), goapp.Dd().Body(goapp.Code().Text(value)))
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
	canonical := r.Canonical()
	if r.Clickable() {
		link = goapp.P().Class("link-line").Body(
			goapp.Span().Class("label").Text("Open: "),
			goapp.A().Href(canonical).Rel("noopener noreferrer").Target("_blank").Text(canonical),
		)
	} else if r.Input != "" {
		link = goapp.P().Class("link-line").Body(
			goapp.Span().Class("label").Text("As found (not a live link): "),
			goapp.Code().Class("inert").Text(shorten(r.Input, 2000)),
		)
	}

	var chain goapp.UI
	if len(r.Unwrapped) > 0 {
		chain = goapp.Div().Class("chain").Body(
			goapp.H2().Text("Unwrapped from"),
			goapp.Ol().Body(goapp.Range(r.Unwrapped).Slice(func(i int) goapp.UI {
				return goapp.Li().Text(r.Unwrapped[i])
			})),
		)
	}

	var copyButton goapp.UI
	if canonical != "" {
		copyButton = goapp.Button().Type("button").Class("copy-canonical").DataSet("link", canonical).
			Text("Copy canonical link").OnClick(onCopy)
	}

	return goapp.Article().Class("report").DataSet("verdict", r.Verdict.String()).Body(
		verdictBanner(r.Verdict, ""),
		link,
		goapp.If(len(parts) > 0, goapp.Dl().Class("parts").Body(parts...)),
		chain,
		findingsView(r.Findings),
		copyButton,
	)
}

// findingsView lists findings with their fixes.
func findingsView(fs []linkcore.Finding) goapp.UI {
	if len(fs) == 0 {
		return nil
	}
	return goapp.Div().Class("findings").Body(
		goapp.H2().Text("Findings"),
		goapp.Ul().Body(goapp.Range(fs).Slice(func(i int) goapp.UI {
			f := fs[i]
			label := f.Severity.Label()
			return goapp.Li().Class("finding sev-"+label).DataSet("code", string(f.Code)).Body(
				goapp.Span().Class("badge").Text(label),
				goapp.Span().Class("message").Text(" "+f.Message),
				goapp.If(f.Fix != "", goapp.P().Class("fix").Text("Fix: "+f.Fix)),
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
	return cut + "… (" + itoa(len(s)-len(cut)) + " more bytes)"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
