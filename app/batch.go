package app

import (
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"accesslink/linkcore"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

const (
	// batchChunk is how many lines are checked between two chances for the
	// browser to paint and handle input: the page never freezes.
	batchChunk = 500
	// batchPage is how many result rows are rendered at a time.
	batchPage = 200
	// maxFileSize bounds a dropped file.
	maxFileSize = 8 << 20
)

// BatchPage is the Batch task: check many links, or build many from CSV.
type BatchPage struct {
	shell
	mode        string // "check" or "build"
	text        string
	field       string // what the page puts in the box (see CheckPage.field)
	hint, cloud string // build mode's defaults
	fields      url.Values

	// latest is the latest batch started; the goroutine that checks reads
	// it too, to stop when a newer batch replaces its own.
	latest   atomic.Int64
	total    int // lines to check, or rows built
	running  bool
	elapsed  time.Duration
	reports  []linkcore.LineReport
	built    []linkcore.BuildRow
	filter   string
	shown    int
	note     string // a message about the input (file too big, unreadable)
	dragOver bool
}

func (b *BatchPage) OnPreRender(ctx goapp.Context) { ctx.Page().SetTitle(taskTitle("/batch")) }

// OnNav restores the page from its fragment: on load, Back, or a pasted
// page address (see shell.start).
func (b *BatchPage) OnNav(ctx goapp.Context) {
	b.start(ctx, "/batch")
	b.restore(ctx)
}

func (b *BatchPage) restore(ctx goapp.Context) {
	v := readFragment(ctx)
	b.fields = v
	b.mode = v.Get("mode")
	if b.mode != "build" {
		b.mode = "check"
	}
	b.hint, b.cloud = v.Get("hint"), v.Get("cloud")
	if text := v.Get("lines"); text != b.text {
		b.text, b.field = text, text
	}
	b.process(ctx)
}

func (b *BatchPage) save(ctx goapp.Context) {
	mode := "" // checking, the default, is not written
	if b.mode == "build" {
		mode = "build"
	}
	writeFragment(ctx, map[string]string{"mode": mode, "hint": b.hint, "cloud": b.cloud, "lines": b.text})
}

// process runs the batch in chunks off the event handler, publishing
// progress after each chunk.
func (b *BatchPage) process(ctx goapp.Context) {
	run, mode, text := b.latest.Add(1), b.mode, b.text
	hint, cloud := b.hint, chosenCloud(b.cloud)
	b.reports, b.built, b.total, b.shown, b.elapsed = nil, nil, 0, batchPage, 0
	if strings.TrimSpace(text) == "" {
		b.running = false
		return
	}
	b.running = true
	start := time.Now()
	if mode == "build" {
		ctx.Async(func() {
			rows := linkcore.BuildFromCSV(text, hint, cloud)
			ctx.Dispatch(func(ctx goapp.Context) {
				if run == b.latest.Load() {
					b.built, b.total, b.running, b.elapsed = rows, len(rows), false, time.Since(start)
				}
			})
		})
		return
	}
	lines := linkcore.SplitBatch(text)
	b.total = len(lines)
	ctx.Async(func() {
		for i := 0; i < len(lines) && b.latest.Load() == run; i += batchChunk {
			chunk := linkcore.CheckBatch(lines[i:min(i+batchChunk, len(lines))])
			ctx.Dispatch(func(ctx goapp.Context) {
				if run != b.latest.Load() {
					return
				}
				b.reports = append(b.reports, chunk...)
				if len(b.reports) == b.total {
					b.running, b.elapsed = false, time.Since(start)
				}
			})
			// Give the browser its turn: paint the progress, handle input.
			time.Sleep(time.Millisecond)
		}
	})
}

func (b *BatchPage) onText(ctx goapp.Context, e goapp.Event) {
	b.text = ctx.JSSrc().Get("value").String()
	b.note = ""
	b.save(ctx)
	b.process(ctx)
}

// onField returns the handler of the control that edits *field: keep the
// new value in the fragment and process the batch again.
func (b *BatchPage) onField(field *string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		*field = ctx.JSSrc().Get("value").String()
		b.save(ctx)
		b.process(ctx)
	}
}

func (b *BatchPage) onFilter(ctx goapp.Context, e goapp.Event) {
	b.filter = ctx.JSSrc().Get("value").String()
	b.shown = batchPage
}

func (b *BatchPage) onMore(ctx goapp.Context, e goapp.Event) { b.shown += batchPage }

// load takes a file's text as the batch.
func (b *BatchPage) load(ctx goapp.Context, file goapp.Value) {
	readFile(ctx, file, maxFileSize, func(ctx goapp.Context, text, problem string) {
		if problem != "" {
			b.note = problem
			return
		}
		b.text, b.field = text, text
		b.note = "Loaded " + file.Get("name").String() + "."
		b.save(ctx)
		b.process(ctx)
	})
}

func (b *BatchPage) onFile(ctx goapp.Context, e goapp.Event) {
	b.load(ctx, ctx.JSSrc().Get("files").Index(0))
}

func (b *BatchPage) onDragOver(ctx goapp.Context, e goapp.Event) {
	e.PreventDefault()
	b.dragOver = true
}

func (b *BatchPage) onDragLeave(ctx goapp.Context, e goapp.Event) { b.dragOver = false }

func (b *BatchPage) onDrop(ctx goapp.Context, e goapp.Event) {
	e.PreventDefault()
	b.dragOver = false
	b.load(ctx, e.Get("dataTransfer").Get("files").Index(0))
}

// exportButtons offers the results as name.csv and name.json, each made
// only when its button is pressed.
func exportButtons(name string, disabled bool, csv, json func() []byte) goapp.UI {
	button := func(label, file, mimeType string, content func() []byte) goapp.UI {
		return el("button").Attr("type", "button").Text(label).Attr("disabled", disabled).
			OnClick(func(ctx goapp.Context, e goapp.Event) { download(file, mimeType, string(content())) })
	}
	return el("div").Class("actions").Body(
		button("Export CSV", name+".csv", "text/csv", csv),
		button("Export JSON", name+".json", "application/json", json),
	)
}

// moreButton shows the next rows; nil when no row is hidden.
func (b *BatchPage) moreButton(hidden int) goapp.UI {
	if hidden <= 0 {
		return nil
	}
	return el("button").Attr("type", "button").Class("secondary").
		Text("Show more (" + strconv.Itoa(hidden) + " not shown)").OnClick(b.onMore)
}

func (b *BatchPage) Render() goapp.UI {
	building := b.mode == "build"
	label, help := "Links to check, one per line", "Paste lines, or drop a text or CSV file (a column named link or url is used)."
	if building {
		label, help = "CSV: name, access package ID, optional directory hint", "A header row names the columns; without one they are taken in that order."
	}
	dropClass := "drop"
	if b.dragOver {
		dropClass += " over"
	}
	return b.layout("/batch",
		el("h1").Text("Check or build many links"),
		el("p").Class("intro").Text("Check a list of links at once, for example every link in a newsletter or a "+
			"spreadsheet, or build one link per access package from a CSV file. Export the results as CSV or JSON. "+
			"Everything runs in this page; nothing is uploaded."),
		el("form").Class("task").Aria("busy", !b.live).OnSubmit(preventSubmit).Body(
			el("fieldset").Class("modes").Body(
				el("legend").Text("Task"),
				radio("batch-mode", "mode-check", "check", "Check links", !building, !b.live, b.onField(&b.mode)),
				radio("batch-mode", "mode-build", "build", "Build links from CSV", building, !b.live, b.onField(&b.mode)),
			),
			goapp.If(building, b.buildDefaults()),
			el("div").Class(dropClass).OnDragOver(b.onDragOver).OnDragLeave(b.onDragLeave).OnDrop(b.onDrop).Body(
				el("label").Attr("for", "batch-input").Text(label),
				el("textarea").ID("batch-input").Attr("rows", 8).Spellcheck(false).Attr("disabled", !b.live).
					Aria("describedby", "batch-help").Attr("value", b.field).OnInput(b.onText),
				el("p").ID("batch-help").Class("help").Text(help),
				el("label").Attr("for", "batch-file").Text("Or choose a file"),
				void("input").ID("batch-file").Attr("type", "file").Attr("accept", ".txt,.csv,text/plain,text/csv").
					Attr("disabled", !b.live).OnChange(b.onFile),
			),
			el("p").Class("copied").Role("status").Text(b.note),
			b.loading("the batch checker"),
		),
		b.resultsView(),
	)
}

func (b *BatchPage) buildDefaults() goapp.UI {
	return el("div").Class("defaults").Body(
		el("div").Class("field").Body(
			el("label").Attr("for", "batch-hint").Text("Default directory hint"),
			void("input").ID("batch-hint").Attr("type", "text").Attr("value", b.fields.Get("hint")).Attr("placeholder", "contoso.onmicrosoft.com").
				Aria("describedby", "batch-hint-help").OnInput(b.onField(&b.hint)),
			el("p").ID("batch-hint-help").Class("help").Text("Used for rows without a hint of their own."),
		),
		cloudField("batch-cloud", b.cloud, !b.live, b.onField(&b.cloud)),
	)
}

// state is the batch's progress for scripts and tests: idle, running, done.
// processed is how many lines are checked, or rows built, so far.
func (b *BatchPage) processed() int {
	if b.mode == "build" {
		return len(b.built)
	}
	return len(b.reports)
}

func (b *BatchPage) state() string {
	switch {
	case b.running:
		return "running"
	case b.total > 0:
		return "done"
	}
	return "idle"
}

func (b *BatchPage) resultsView() goapp.UI {
	section := el("section").Class("batch-results").Aria("label", "Results").
		DataSet("state", b.state()).DataSet("processed", b.processed()).DataSet("elapsed-ms", b.elapsed.Milliseconds())
	if b.total == 0 {
		return section.Body(el("div").Aria("live", "polite"))
	}
	var progress goapp.UI
	if b.running {
		progress = el("div").Class("progress").Body(
			el("label").Attr("for", "batch-progress").Text("Checked "+strconv.Itoa(b.processed())+" of "+strconv.Itoa(b.total)+" lines"),
			el("progress").ID("batch-progress").Attr("max", b.total).Attr("value", b.processed()),
		)
	}
	if b.mode == "build" {
		return section.Body(el("div").Aria("live", "polite").Text(strconv.Itoa(len(b.built))+" rows read."), b.builtView())
	}
	return section.Body(
		el("div").Aria("live", "polite").Text(b.summary()),
		progress,
		b.countsView(),
		b.reportsTable(),
	)
}

func (b *BatchPage) summary() string {
	if b.running {
		return ""
	}
	return "Checked " + strconv.Itoa(b.total) + " lines in " + strconv.Itoa(int(b.elapsed.Milliseconds())) + " ms."
}

func (b *BatchPage) countsView() goapp.UI {
	var counts [len(verdictLooks)]int
	for i := range b.reports {
		counts[b.reports[i].Report.Verdict]++
	}
	var items []goapp.UI
	options := []goapp.UI{el("option").Attr("value", "").Attr("selected", b.filter == "").Text("All verdicts")}
	for v, look := range verdictLooks {
		name := linkcore.Verdict(v).String()
		items = append(items, el("li").Class("count verdict-"+name).DataSet("verdict", name).Body(
			el("span").Class("verdict-icon").Aria("hidden", "true").Text(look.Icon+" "),
			goapp.Text(look.Word+": "),
			el("strong").Class("count-n").Text(strconv.Itoa(counts[v])),
		))
		options = append(options, el("option").Attr("value", name).Attr("selected", b.filter == name).Text(look.Word))
	}
	return el("div").Class("batch-summary").Body(
		el("ul").Class("counts").Body(items...),
		el("div").Class("field").Body(
			el("label").Attr("for", "batch-filter").Text("Show"),
			el("select").ID("batch-filter").OnChange(b.onFilter).Body(options...),
		),
		exportButtons("accesslink-check", b.running,
			func() []byte { return linkcore.ReportsCSV(b.reports) },
			func() []byte { return linkcore.ReportsJSON(b.reports) }),
	)
}

func (b *BatchPage) reportsTable() goapp.UI {
	var rows []goapp.UI
	matched := 0
	for i := range b.reports {
		lr := &b.reports[i]
		v := lr.Report.Verdict.String()
		if b.filter != "" && v != b.filter {
			continue
		}
		matched++
		if len(rows) < b.shown {
			rows = append(rows, reportRow(lr))
		}
	}
	return el("div").Body(
		table("Results per line", []string{"Line", "Verdict", "Link", "Findings"}, rows),
		b.moreButton(matched-len(rows)),
	)
}

func reportRow(lr *linkcore.LineReport) goapp.UI {
	r := &lr.Report
	v := r.Verdict.String()
	link := liveLink(r)
	if link == nil {
		link = el("code").Class("inert").Text(shorten(lr.Text, 300))
	}
	codes := make([]string, 0, len(r.Findings))
	for _, f := range r.Findings {
		codes = append(codes, string(f.Code))
	}
	return el("tr").DataSet("verdict", v).Body(
		el("td").Text(strconv.Itoa(lr.Line)),
		el("td").Class("sev-"+r.Verdict.Label()).Body(
			el("span").Class("badge").Text(verdictLooks[r.Verdict].Icon+" "+v),
		),
		el("td").Body(link),
		el("td").Text(strings.Join(codes, " ")),
	)
}

func (b *BatchPage) builtView() goapp.UI {
	rows := make([]goapp.UI, 0, min(len(b.built), b.shown))
	for i := range b.built {
		if i >= b.shown {
			break
		}
		r := &b.built[i]
		var result goapp.UI
		if r.Link != "" {
			result = el("code").Class("selectable").Text(r.Link)
		} else {
			result = el("span").Class("field-error").Text("✕ " + r.Problem)
		}
		rows = append(rows, el("tr").Body(
			el("td").Text(strconv.Itoa(r.Line)),
			el("td").Text(r.Name),
			el("td").Body(result),
		))
	}
	return el("div").Body(
		exportButtons("accesslink-links", false,
			func() []byte { return linkcore.BuildRowsCSV(b.built) },
			func() []byte { return linkcore.BuildRowsJSON(b.built) }),
		table("Links built per row", []string{"Line", "Name", "Link"}, rows),
		b.moreButton(len(b.built)-len(rows)),
	)
}
