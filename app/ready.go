package app

import (
	"strconv"
	"strings"

	"accesslink/linkcore"
	"accesslink/linkcore/readiness"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// ReadyPage is the Readiness task: paste what Microsoft Graph says about an
// access package, describe who opens the link, and read whether they can
// request it and what to change. The answer comes from readiness.Assess.
type ReadyPage struct {
	shell
	link       string         // the link being checked, for the cross-checks and the requests
	linkField  string         // restored into the field; typing does not rewrite it
	linked     *linkcore.Link // what the link points to, when it is a genuine My Access link
	kind       string         // "member", "guest" or "external"
	directory  string         // the external requestor's domain or tenant ID
	dirField   string
	packageRaw string // the package JSON as pasted or dropped
	orgsRaw    string // the connected organizations JSON, optional
	// What the page puts in the two boxes: set on restore and on a file,
	// not by typing, so that go-app never rewrites (and trims) a box under
	// the cursor.
	packageField, orgsField string
	fileNote                string // what happened to the last dropped or chosen file

	result  *readiness.Result
	problem error // why the input could not be read; a *readiness.InputError names which input
	seq     int
	done    int
}

func (p *ReadyPage) OnPreRender(ctx goapp.Context) {
	ctx.Page().SetTitle(taskTitle("/ready"))
}

// OnNav restores the page from its fragment: on load, Back, or a pasted
// page address (see shell.start).
func (p *ReadyPage) OnNav(ctx goapp.Context) {
	p.start(ctx, "/ready")
	p.restore(ctx)
}

// restore reads the page's state from the fragment: the link, who opens
// it (who, from) and the JSON (package, orgs) while it is small enough to
// keep there (see writeFragment).
func (p *ReadyPage) restore(ctx goapp.Context) {
	state := readFragment(ctx)
	p.link, p.linkField = state.Get("link"), state.Get("link")
	p.kind = "member"
	if who := state.Get("who"); who == "guest" || who == "external" {
		p.kind = who
	}
	p.directory, p.dirField = state.Get("from"), state.Get("from")
	if pkg := state.Get("package"); pkg != "" {
		p.packageRaw, p.packageField = pkg, pkg
	}
	if orgs := state.Get("orgs"); orgs != "" {
		p.orgsRaw, p.orgsField = orgs, orgs
	}
	p.assess(ctx)
}

// requestor is the --as form of the chosen requestor.
func (p *ReadyPage) requestor() string {
	if p.kind == "external" {
		return "external:" + strings.TrimSpace(p.directory)
	}
	return p.kind
}

func (p *ReadyPage) save(ctx goapp.Context) {
	writeFragment(ctx, map[string]string{"who": p.kind, "link": p.link, "from": p.directory, "package": p.packageRaw, "orgs": p.orgsRaw})
}

// onField returns the handler of the input that edits *field: keep the new
// value in the fragment and answer again.
func (p *ReadyPage) onField(field *string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		*field = ctx.JSSrc().Get("value").String()
		p.save(ctx)
		p.assess(ctx)
	}
}

// onFile reads a chosen file into the field named by the input's
// data-target ("package" or "orgs").
func (p *ReadyPage) onFile(ctx goapp.Context, e goapp.Event) {
	input := ctx.JSSrc()
	target := input.Get("dataset").Get("target").String()
	file := input.Get("files").Index(0)
	readFile(ctx, file, readiness.MaxInputBytes, func(ctx goapp.Context, text, problem string) {
		if problem != "" {
			p.fileNote = problem
			return
		}
		if target == "orgs" {
			p.orgsRaw, p.orgsField = text, text
		} else {
			p.packageRaw, p.packageField = text, text
		}
		p.fileNote = "Read " + file.Get("name").String() + " (" + strconv.Itoa(len(text)) + " bytes)."
		p.save(ctx)
		p.assess(ctx)
	})
}

// assess runs readiness.Assess off the event handler and applies the
// latest result only.
func (p *ReadyPage) assess(ctx goapp.Context) {
	p.seq++
	seq := p.seq
	p.linked = nil
	if strings.TrimSpace(p.link) != "" {
		p.linked = linkcore.CheckLink(p.link).Link
	}
	pkg, orgs, who, link := p.packageRaw, p.orgsRaw, p.requestor(), p.linked
	if strings.TrimSpace(pkg) == "" {
		p.result, p.problem, p.done = nil, nil, seq
		return
	}
	ctx.Async(func() {
		result, problem := runAssess(pkg, orgs, who, link)
		ctx.Dispatch(func(ctx goapp.Context) {
			if seq == p.seq {
				p.result, p.problem, p.done = result, problem, seq
			}
		})
	})
}

// runAssess turns the page's fields into readiness.Assess's arguments.
func runAssess(pkg, orgs, who string, link *linkcore.Link) (*readiness.Result, error) {
	requestor, err := readiness.ParseRequestor(who)
	if err != nil {
		return nil, err
	}
	var orgsJSON []byte
	if strings.TrimSpace(orgs) != "" {
		orgsJSON = []byte(orgs)
	}
	return readiness.Assess([]byte(pkg), orgsJSON, requestor, link)
}

func (p *ReadyPage) Render() goapp.UI {
	return p.layout("/ready",
		el("h1").Text("Will the link work for them?"),
		el("p").Class("intro").Text("A correct link is not enough: the package may be hidden, the catalog not "+
			"enabled for external users, or no policy may cover your partner's directory. Fetch the package "+
			"from Microsoft Graph with the request below, paste the JSON here, and say who will open the link. "+
			"AccessLink reads it in your browser; nothing is sent anywhere."),
		el("form").Class("task").Aria("busy", !p.live).OnSubmit(preventSubmit).Body(
			el("label").Attr("for", "ready-link").Text("Link being checked (optional)"),
			void("input").ID("ready-link").Attr("type", "url").Attr("name", "link").Spellcheck(false).Attr("disabled", !p.live).
				Aria("describedby", "ready-link-help").Attr("value", p.linkField).OnInput(p.onField(&p.link)).
				Attr("placeholder", "https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/…"),
			el("p").ID("ready-link-help").Class("help").Text("Its package ID fills in the requests below, "+
				"and it is compared with the JSON."),

			el("fieldset").Body(
				el("legend").Text("Who will open the link"),
				radio("who", "who-member", "member", "A member of your tenant", p.kind == "member", !p.live, p.onField(&p.kind)),
				radio("who", "who-guest", "guest", "A guest already in your directory", p.kind == "guest", !p.live, p.onField(&p.kind)),
				radio("who", "who-external", "external", "A user from another organization", p.kind == "external", !p.live, p.onField(&p.kind)),
			),
			goapp.If(p.kind == "external",
				el("label").Attr("for", "ready-from").Text("Their domain or tenant ID"),
				void("input").ID("ready-from").Attr("type", "text").Attr("name", "from").Spellcheck(false).
					Attr("disabled", !p.live).Attr("value", p.dirField).OnInput(p.onField(&p.directory)).Attr("placeholder", "fabrikam.com"),
			),

			el("label").Attr("for", "ready-package").Text("Access package JSON from Microsoft Graph"),
			el("textarea").ID("ready-package").Attr("name", "package").Attr("rows", 8).Spellcheck(false).Attr("disabled", !p.live).
				Aria("describedby", "ready-package-help").Attr("value", p.packageField).OnInput(p.onField(&p.packageRaw)),
			el("p").ID("ready-package-help").Class("help").Text("The response of the first request below: "+
				"the package with its catalog and assignment policies."),
			el("label").Attr("for", "ready-package-file").Text("…or choose the saved file"),
			void("input").ID("ready-package-file").Attr("type", "file").Attr("accept", ".json,application/json,text/plain").
				DataSet("target", "package").Attr("disabled", !p.live).OnChange(p.onFile),

			el("label").Attr("for", "ready-orgs").Text("Connected organizations JSON (optional, for external users)"),
			el("textarea").ID("ready-orgs").Attr("name", "orgs").Attr("rows", 4).Spellcheck(false).Attr("disabled", !p.live).
				Attr("value", p.orgsField).OnInput(p.onField(&p.orgsRaw)),
			el("label").Attr("for", "ready-orgs-file").Text("…or choose the saved file"),
			void("input").ID("ready-orgs-file").Attr("type", "file").Attr("accept", ".json,application/json,text/plain").
				DataSet("target", "orgs").Attr("disabled", !p.live).OnChange(p.onFile),
			el("p").Class("file-note").Role("status").Text(p.fileNote),
			p.loading("the readiness check"),
		),
		el("section").Class("answer").Aria("label", "Answer").Aria("busy", p.done != p.seq).Body(
			el("div").Class("visually-hidden").Aria("live", "polite").Text(p.announcement()),
			p.answerView(),
		),
		requestsView(readiness.RequestsFor(p.linked, p.result)),
	)
}

// answerWords shows each answer with words and an icon as well as colour.
var answerWords = map[string]struct{ Icon, Verdict, Text string }{
	readiness.AnswerYes:         {"✓", "ok", "Yes: they can request the package through the link."},
	readiness.AnswerConditional: {"!", "warning", "Only if they are in the groups or users the policy lists."},
	readiness.AnswerNo:          {"✕", "error", "No: they cannot request the package through the link."},
	readiness.AnswerUnknown:     {"?", "warning", "The JSON cannot tell yet: see what to fetch below."},
}

func (p *ReadyPage) announcement() string {
	switch {
	case p.problem != nil:
		return "The input could not be read."
	case p.result != nil:
		return answerWords[p.result.Answer].Text
	}
	return ""
}

func (p *ReadyPage) answerView() goapp.UI {
	if p.problem != nil {
		return el("div").Class("ready-answer").DataSet("answer", "invalid").Body(
			banner("error", "✕", "Cannot read the input: ", p.problem.Error()),
		)
	}
	r := p.result
	if r == nil {
		return nil
	}
	look := answerWords[r.Answer]
	var facts []goapp.UI
	fact := func(name, value string) {
		if value != "" {
			facts = append(facts, el("dt").Text(name), el("dd").Text(value))
		}
	}
	fact("Access package", quoteName(r.PackageName, r.PackageID))
	fact("Catalog", r.CatalogName)
	fact("Requestor", r.Requestor.String())
	if r.VisibleInPortal {
		fact("Listed in My Access without the link", "yes")
	} else if r.Hidden {
		fact("Listed in My Access without the link", "no: the package is hidden (the link still works)")
	} else {
		fact("Listed in My Access without the link", "no")
	}
	fact("Policy that applies", r.Policy)
	if len(r.OtherPolicies) > 0 {
		fact("Other policies they may choose", strings.Join(r.OtherPolicies, ", "))
	}
	var stages goapp.UI
	if r.Approval != nil {
		stages = stagesView(r.Approval.Stages)
		if r.Approval.Required {
			fact("Approval", "required, "+strconv.Itoa(len(r.Approval.Stages))+" stage(s)")
		} else {
			fact("Approval", "not required")
		}
		fact("Access lasts", r.Expiration)
	}
	return el("div").Class("ready-answer").DataSet("answer", r.Answer).
		DataSet("can-request", r.CanRequest).Body(
		banner(look.Verdict, look.Icon, "Can they request it? ", look.Text),
		el("dl").Class("parts").Body(facts...),
		stages,
		questionsView(r.Questions),
		findingsView(r.Findings),
	)
}

func quoteName(name, id string) string {
	switch {
	case name != "" && id != "":
		return name + " (" + id + ")"
	case name != "":
		return name
	}
	return id
}

func stagesView(stages []readiness.Stage) goapp.UI {
	if len(stages) == 0 {
		return nil
	}
	return el("div").Class("stages").Body(
		el("h3").Text("Approval stages"),
		el("ol").Body(goapp.Range(stages).Slice(func(i int) goapp.UI {
			return el("li").Text(stages[i].Summary())
		})),
	)
}

func questionsView(questions []readiness.Question) goapp.UI {
	if len(questions) == 0 {
		return nil
	}
	return el("div").Class("questions").Body(
		el("h3").Text("Questions they will be asked"),
		el("ol").Body(goapp.Range(questions).Slice(func(i int) goapp.UI {
			return el("li").Text(questions[i].Summary())
		})),
	)
}

// requestsView shows the Graph requests to copy, for Graph Explorer and
// for Microsoft Graph PowerShell, with the permission each needs.
func requestsView(requests []readiness.GraphRequest) goapp.UI {
	return el("section").Class("requests").Aria("labelledby", "requests-title").Body(
		el("h2").ID("requests-title").Text("Get the JSON from Microsoft Graph"),
		el("p").Text("Run these read-only requests in Graph Explorer, or in Microsoft Graph PowerShell, "+
			"then paste or save the response."),
		goapp.Range(requests).Slice(func(i int) goapp.UI {
			r := requests[i]
			return el("div").Class("request").Body(
				el("h3").Text(r.Purpose),
				el("p").Body(el("strong").Text("Graph Explorer: "), goapp.Text("GET")),
				el("pre").Body(el("code").Text(r.URL)),
				el("p").Body(el("strong").Text("PowerShell:")),
				el("pre").Body(el("code").Text(r.Connect+"\n"+r.PowerShell)),
				el("p").Class("help").Text("Permission: "+r.Permission+" (read-only)."),
			)
		}),
	)
}
