package app

import (
	"errors"
	"net/url"
	"strings"

	"accesslink/linkcore"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// BuildPage is the Build task: a directory hint, a package ID and a cloud
// make the canonical link, with ways to share it.
type BuildPage struct {
	shell
	hint, id, cloud string
	subject, body   editable
	status          string // the announcement after copy or share
	// fields holds what the page puts in the boxes: the state restored from
	// the fragment. Typing does not change it, so no box is rewritten under
	// the cursor.
	fields url.Values
	qr     struct { // the QR code of link, kept until the link changes
		link, svg string
		err       error
	}
}

func (b *BuildPage) OnPreRender(ctx goapp.Context) { ctx.Page().SetTitle(taskTitle("/")) }

// OnNav restores the page from its fragment: on load, Back, or a pasted
// page address (see shell.start).
func (b *BuildPage) OnNav(ctx goapp.Context) {
	b.start(ctx, "/")
	b.restore(ctx)
}

func (b *BuildPage) restore(ctx goapp.Context) {
	v := readFragment(ctx)
	b.hint, b.id, b.cloud = v.Get("hint"), v.Get("id"), v.Get("cloud")
	b.subject.restore(v.Get("subject"))
	b.body.restore(v.Get("body"))
	b.fields = v
}

func (b *BuildPage) save(ctx goapp.Context) {
	writeFragment(ctx, map[string]string{"hint": b.hint, "id": b.id, "cloud": b.cloud, "subject": b.subject.text, "body": b.body.text})
}

// field returns an input handler that stores the value in *dst.
func (b *BuildPage) field(dst *string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		*dst = ctx.JSSrc().Get("value").String()
		b.save(ctx)
	}
}

// result builds the link. Problems are reported per field, and only for
// fields that have something in them.
func (b *BuildPage) result() (link string, hintErr, idErr string) {
	l, err := linkcore.Build(chosenCloud(b.cloud), b.hint, b.id)
	if err == nil {
		return l.String(), "", ""
	}
	var be *linkcore.BuildError
	if errors.As(err, &be) {
		if be.Hint != nil && strings.TrimSpace(b.hint) != "" {
			hintErr = be.Hint.Reason
		}
		if be.ID != nil && strings.TrimSpace(b.id) != "" {
			idErr = be.ID.Reason
		}
	}
	return "", hintErr, idErr
}

// An editable is a text the page proposes until someone edits it.
type editable struct {
	text   string // the edited text; "" while the proposal stands
	frozen string // what the box showed when editing began
}

func (e *editable) restore(v string) { e.text, e.frozen = v, v }

// value is the text to use.
func (e *editable) value(proposal string) string {
	if e.text != "" {
		return e.text
	}
	return proposal
}

// shown is the text to put in the box: once edited, it stays what it was,
// so that the box is not rewritten under the cursor.
func (e *editable) shown(proposal string) string {
	if e.text != "" {
		return e.frozen
	}
	return proposal
}

func (e *editable) edit(v, proposal string) {
	if e.text == "" {
		e.frozen = proposal
	}
	e.text = v
}

const defaultSubject = "Your link to request access in My Access"

// proposedBody is the e-mail the page proposes for a link.
func (b *BuildPage) proposedBody(link string) string {
	hint := strings.TrimSpace(b.hint)
	return "Hello,\n\n" +
		"Use this link to request access to an access package in Microsoft My Access:\n\n" +
		link + "\n\n" +
		"It opens the My Access portal of the directory " + hint + ". Sign in with your work account " +
		"(if you are a guest or partner, with your own organisation's account). You then see the access " +
		"package's request page: choose Request, answer any questions, and submit. " +
		"The request may need approval; you will get an e-mail when it is decided.\n"
}

// mailto builds a mailto: link with subject and body; spaces as %20, since
// mail programs do not read + as a space.
func mailto(subject, body string) string {
	esc := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	return "mailto:?subject=" + esc(subject) + "&body=" + esc(body)
}

// editor returns an input handler for an editable text.
func (b *BuildPage) editor(e *editable, proposal string) goapp.EventHandler {
	return func(ctx goapp.Context, ev goapp.Event) {
		e.edit(ctx.JSSrc().Get("value").String(), proposal)
		b.save(ctx)
	}
}

func (b *BuildPage) copier(text, what string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		copyText(ctx, text, what, &b.status)
	}
}

func (b *BuildPage) onShare(link string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		share(ctx, b.subject.value(defaultSubject), "Request access in My Access:", link, func(ctx goapp.Context, ok bool) {
			if ok {
				b.status = "Shared the link."
			}
		})
	}
}

func (b *BuildPage) Render() goapp.UI {
	link, hintErr, idErr := b.result()
	return b.layout("/",
		el("h1").Text("Build a link"),
		el("p").Class("intro").Text("Make the link that lets people request an access package in "+
			"Microsoft Entra My Access. Include your directory: without it, guests and partners sign in "+
			"to their own directory and do not find the package."),
		el("form").Class("task").Aria("busy", !b.live).OnSubmit(preventSubmit).Body(
			textField("hint", "Directory hint", "Your tenant's domain (contoso.onmicrosoft.com or a verified domain) or its tenant ID.",
				"contoso.onmicrosoft.com", b.fields.Get("hint"), hintErr, !b.live, b.field(&b.hint)),
			textField("package-id", "Access package ID", "The package's ID, from its Overview page in the admin center or from Microsoft Graph; any case, with or without braces or hyphens.",
				"00000000-0000-0000-0000-000000000000", b.fields.Get("id"), idErr, !b.live, b.field(&b.id)),
			cloudField("cloud", b.cloud, !b.live, b.field(&b.cloud)),
			b.loading("the builder"),
		),
		b.linkView(link),
	)
}

func (b *BuildPage) linkView(link string) goapp.UI {
	if link == "" {
		return el("section").Class("result").Aria("label", "Your link").Body(
			el("p").Class("placeholder").Text("Fill in both fields to get the link."),
		)
	}
	proposal := b.proposedBody(link)
	subject, body := b.subject.value(defaultSubject), b.body.value(proposal)
	markdown := "[Request access in My Access](" + link + ")"
	html := `<a href="` + link + `">Request access in My Access</a>`
	qr, qrErr := b.qrFor(link)
	return el("section").Class("result").Aria("labelledby", "link-heading").Body(
		el("h2").ID("link-heading").Text("Your link"),
		el("p").Class("link-out").Body(el("code").ID("link-out").Text(link)),
		el("div").Class("actions").Body(
			el("button").Attr("type", "button").ID("copy-link").Text("Copy link").OnClick(b.copier(link, "the link")),
			el("a").Class("button").Attr("href", mailto(subject, body)).Text("Email…"),
			goapp.If(canShare(), el("button").Attr("type", "button").Text("Share…").OnClick(b.onShare(link))),
			el("button").Attr("type", "button").Text("Copy as Markdown").OnClick(b.copier(markdown, "the Markdown link")),
			el("button").Attr("type", "button").Text("Copy as HTML").OnClick(b.copier(html, "the HTML link")),
		),
		el("p").Class("copied").Role("status").Text(b.status),
		el("details").Class("email").Body(
			el("summary").Text("Edit the e-mail"),
			el("div").Class("field").Body(
				el("label").Attr("for", "email-subject").Text("Subject"),
				void("input").ID("email-subject").Attr("type", "text").Attr("value", b.subject.shown(defaultSubject)).
					OnInput(b.editor(&b.subject, defaultSubject)),
			),
			el("div").Class("field").Body(
				el("label").Attr("for", "email-body").Text("Message"),
				el("textarea").ID("email-body").Attr("rows", 8).Attr("value", b.body.shown(proposal)).
					OnInput(b.editor(&b.body, proposal)),
			),
		),
		qrView(link, qr, qrErr),
	)
}

// qrFor returns the QR code of link, encoding it only when the link
// changes: the page renders again on every keystroke in the e-mail and
// every copy message.
func (b *BuildPage) qrFor(link string) (string, error) {
	if b.qr.link != link {
		b.qr.link = link
		b.qr.svg, b.qr.err = qrSVG(link)
	}
	return b.qr.svg, b.qr.err
}

func qrView(link, svg string, err error) goapp.UI {
	if err != nil {
		return el("p").Class("help").Text("No QR code: " + err.Error())
	}
	return el("figure").Class("qr").Body(
		goapp.Raw(svg),
		el("figcaption").Body(
			el("p").Body(el("code").Class("selectable").Text(link)),
			el("div").Class("actions").Body(
				el("button").Attr("type", "button").Text("Download QR as SVG").OnClick(func(ctx goapp.Context, e goapp.Event) {
					download("accesslink-qr.svg", "image/svg+xml", svg)
				}),
				el("button").Attr("type", "button").Text("Download QR as PNG").OnClick(func(ctx goapp.Context, e goapp.Event) {
					downloadSVGAsPNG("accesslink-qr.png", svg, 1024)
				}),
			),
		),
	)
}
