package app

import (
	"strconv"

	"accesslink/linkcore"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// maxReportsShown bounds how many reports the page renders for one paste;
// the rest are counted, so that a huge paste cannot stall the page.
const maxReportsShown = 50

// CheckPage is the Check task: paste a link (or a message), read the answer.
type CheckPage struct {
	shell
	input string
	// field is what the page puts in the text box: the input restored from
	// the fragment. Typing does not change it, so the box is never rewritten
	// under the cursor (go-app would trim it).
	field   string
	reports []linkcore.Report
	seq     int    // the latest check started; older results are dropped
	done    int    // the check whose result is shown
	copied  string // the announcement after a copy
}

func (c *CheckPage) OnPreRender(ctx goapp.Context) {
	ctx.Page().SetTitle(taskTitle("/check"))
}

// OnNav restores the page from its fragment: on load, Back, or a pasted
// page address (see shell.start).
func (c *CheckPage) OnNav(ctx goapp.Context) {
	c.start(ctx, "/check")
	c.restore(ctx)
}

func (c *CheckPage) restore(ctx goapp.Context) {
	text := readFragment(ctx).Get("link")
	if text != c.input || c.reports == nil && text != "" {
		c.input, c.field = text, text
		c.check(ctx)
	}
}

func (c *CheckPage) onInput(ctx goapp.Context, e goapp.Event) {
	c.input = ctx.JSSrc().Get("value").String()
	writeFragment(ctx, map[string]string{"link": c.input})
	c.check(ctx)
}

// check runs linkcore.Check off the event handler and applies the latest
// result only.
func (c *CheckPage) check(ctx goapp.Context) {
	c.seq++
	seq, text := c.seq, c.input
	if text == "" {
		c.reports, c.done = nil, seq
		return
	}
	ctx.Async(func() {
		reports := linkcore.Check(text)
		ctx.Dispatch(func(ctx goapp.Context) {
			if seq == c.seq {
				c.reports, c.done = reports, seq
			}
		})
	})
}

func (c *CheckPage) onCopy(ctx goapp.Context, e goapp.Event) {
	copyText(ctx, ctx.JSSrc().Get("dataset").Get("link").String(), "the canonical link", &c.copied)
}

func (c *CheckPage) Render() goapp.UI {
	return c.layout("/check",
		el("h1").Text("Check a link"),
		el("p").Class("intro").Text("Paste a My Access link, or a whole message that contains links. "+
			"AccessLink reads each link exactly as a browser would, unwraps mail-gateway links "+
			"(Safe Links, Proofpoint and others), and tells you where it really leads, "+
			"whether it will request the access package, and what to fix."),
		el("form").Class("task").Aria("busy", !c.live).OnSubmit(preventSubmit).Body(
			el("label").Attr("for", "check-input").Text("Link to check"),
			el("textarea").ID("check-input").Attr("name", "link").Attr("rows", 4).
				Spellcheck(false).Attr("disabled", !c.live).
				Aria("describedby", "check-help").
				Attr("placeholder", "https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/…").
				Attr("value", c.field).OnInput(c.onInput),
			el("p").ID("check-help").Class("help").Text("The answer appears as you type. "+
				"Nothing you paste leaves this page."),
			c.loading("the checker"),
		),
		el("section").Class("answer").Aria("label", "Answer").Aria("busy", c.done != c.seq).
			DataSet("checks", c.done).Body(
			el("div").Class("visually-hidden").Aria("live", "polite").Text(c.announcement()),
			el("p").Class("copied").Role("status").Text(c.copied),
			c.reportsView(),
		),
	)
}

// announcement is the short text screen readers hear when the verdict
// changes.
func (c *CheckPage) announcement() string {
	if len(c.reports) == 0 {
		return ""
	}
	if len(c.reports) == 1 {
		look := verdictLooks[c.reports[0].Verdict]
		return look.Word + ": " + look.Summary
	}
	return strconv.Itoa(len(c.reports)) + " links checked; the worst is " + linkcore.Worst(c.reports).String() + "."
}

func (c *CheckPage) reportsView() goapp.UI {
	if len(c.reports) == 0 {
		return nil
	}
	shown := c.reports[:min(len(c.reports), maxReportsShown)]
	var more goapp.UI
	if n := len(c.reports) - len(shown); n > 0 {
		more = el("p").Class("more").Text(strconv.Itoa(n) + " more links are not shown; use Batch to check them all.")
	}
	return el("div").Class("reports").Body(
		goapp.Range(shown).Slice(func(i int) goapp.UI {
			return reportView(&shown[i], c.onCopy)
		}),
		more,
	)
}

// preventSubmit keeps Enter in a field from reloading the page.
func preventSubmit(ctx goapp.Context, e goapp.Event) { e.PreventDefault() }
