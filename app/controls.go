package app

import (
	"accesslink/linkcore"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The form controls the task pages share.

// textField is a labelled input with its help and, when there is one, its
// problem, both tied to the input for screen readers.
func textField(id, label, help, placeholder, value, problem string, disabled bool, onInput goapp.EventHandler) goapp.UI {
	described := id + "-help"
	var errView goapp.UI
	if problem != "" {
		described += " " + id + "-error"
		errView = el("p").ID(id+"-error").Class("field-error").Body(
			el("span").Aria("hidden", "true").Text("✕ "),
			goapp.Text(problem),
		)
	}
	return el("div").Class("field").Body(
		el("label").Attr("for", id).Text(label),
		void("input").ID(id).Attr("name", id).Attr("type", "text").Attr("value", value).Attr("placeholder", placeholder).
			Attr("autocomplete", "off").Spellcheck(false).Attr("disabled", disabled).
			Aria("describedby", described).Aria("invalid", problem != "").OnInput(onInput),
		el("p").ID(id+"-help").Class("help").Text(help),
		errView,
	)
}

// radio is one labelled choice of the radio group name.
func radio(name, id, value, label string, checked, disabled bool, onChange goapp.EventHandler) goapp.UI {
	return el("div").Class("radio").Body(
		void("input").Attr("type", "radio").Attr("name", name).ID(id).Attr("value", value).Attr("checked", checked).Attr("disabled", disabled).OnChange(onChange),
		el("label").Attr("for", id).Text(label),
	)
}

// cloudField is the Cloud select of a form, showing the chosen cloud.
func cloudField(id, chosen string, disabled bool, onChange goapp.EventHandler) goapp.UI {
	selected := chosenCloud(chosen)
	options := make([]goapp.UI, len(linkcore.Clouds))
	for i, c := range linkcore.Clouds {
		options[i] = el("option").Attr("value", c.ID).Attr("selected", c.ID == selected.ID).Text(c.Name + " — " + c.Host)
	}
	return el("div").Class("field").Body(
		el("label").Attr("for", id).Text("Cloud"),
		el("select").ID(id).Attr("name", id).Attr("disabled", disabled).OnChange(onChange).Body(options...),
	)
}

// chosenCloud is the cloud with the ID a form holds; the default cloud when
// it holds none, or an unknown ID from an old or edited page address.
func chosenCloud(id string) linkcore.Cloud {
	if c, ok := linkcore.CloudByID(id); ok {
		return c
	}
	return linkcore.DefaultCloud
}

// table is a table of rows under one header per column, with a caption
// that names it for screen readers.
func table(caption string, columns []string, rows []goapp.UI) goapp.UI {
	headers := make([]goapp.UI, len(columns))
	for i, c := range columns {
		headers[i] = el("th").Attr("scope", "col").Text(c)
	}
	return el("div").Class("table-wrap").Body(
		el("table").Body(
			el("caption").Class("visually-hidden").Text(caption),
			el("thead").Body(el("tr").Body(headers...)),
			el("tbody").Body(rows...),
		),
	)
}
