package readiness

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"accesslink/linkcore"
)

// A reader pulls typed fields out of decoded JSON (maps, slices, strings,
// json.Number, bools, nil). Graph writes camelCase; PowerShell objects turned
// into JSON write PascalCase, so names match ignoring case. A field of the
// wrong type becomes a wrong-type finding, never a failure.
type reader struct {
	notes      *notes
	wrongTypes int
	// reported holds the paths already reported as the wrong type: a
	// field that is read twice (to classify the object, then to read it)
	// is reported once.
	reported map[string]bool
	// psDepth records an object that PowerShell wrote as text because
	// ConvertTo-Json stopped at its default depth of 2.
	psDepth bool
}

// psFlattened reports whether s is how ConvertTo-Json writes an object or
// array nested deeper than its -Depth: "System.Collections.Hashtable",
// "@{displayName=…}", "System.Object[]".
func psFlattened(s string) bool {
	return strings.HasPrefix(s, "System.Collections.") || strings.HasPrefix(s, "@{") || s == "System.Object[]" ||
		strings.HasPrefix(s, "Microsoft.Graph.PowerShell.Models.")
}

// maxWrongTypeFindings is how many wrong-type fields are listed one by one.
const maxWrongTypeFindings = 10

// lookup finds key in obj, exactly or else ignoring case (the first such key
// in byte order, so the answer does not depend on map order).
func lookup(obj map[string]any, key string) (any, bool) {
	if v, ok := obj[key]; ok {
		return v, true
	}
	found := ""
	for k := range obj {
		if strings.EqualFold(k, key) && (found == "" || k < found) {
			found = k
		}
	}
	if found == "" {
		return nil, false
	}
	return obj[found], true
}

// has reports whether obj has key (ignoring case), whatever its value.
func has(obj map[string]any, key string) bool {
	_, ok := lookup(obj, key)
	return ok
}

// wrong records that path holds a value of the wrong type.
func (r *reader) wrong(path string, v any, want, outcome string) {
	if r.reported[path] {
		return
	}
	if r.reported == nil {
		r.reported = map[string]bool{}
	}
	r.reported[path] = true
	if text, ok := v.(string); ok && psFlattened(text) {
		r.psDepth = true
	}
	r.wrongTypes++
	if r.wrongTypes > maxWrongTypeFindings {
		return
	}
	r.notes.add(CodeWrongType,
		fmt.Sprintf("%s is %s, not %s; %s.", path, describeValue(v), want, outcome),
		"Paste the response exactly as Microsoft Graph returned it; do not edit it.")
}

// finish adds one finding for the wrong-type fields not listed one by one,
// and explains PowerShell's depth limit when it struck.
func (r *reader) finish() {
	if r.psDepth {
		r.notes.add(CodePowerShellDepth, "Some objects are PowerShell type names such as \"System.Collections.Hashtable\": ConvertTo-Json stopped at its default depth of 2 and wrote them as text.",
			"Run the command again with ConvertTo-Json -Depth 20.")
	}
	if extra := r.wrongTypes - maxWrongTypeFindings; extra > 0 {
		r.notes.add(CodeWrongType, fmt.Sprintf("%d more fields have the wrong type.", extra),
			"Paste the response exactly as Microsoft Graph returned it; do not edit it.")
	}
}

// str returns the string at key; absent and null give "".
func (r *reader) str(obj map[string]any, path, key string) string {
	v, ok := lookup(obj, key)
	if !ok || v == nil {
		return ""
	}
	switch t := v.(type) {
	case string:
		return t
	case json.Number:
		r.wrong(join(path, key), v, "text", "read as "+t.String())
		return t.String()
	}
	r.wrong(join(path, key), v, "text", "ignored")
	return ""
}

// boolean returns the boolean at key and whether there is one. The texts
// "true" and "false" are read as such, with a finding.
func (r *reader) boolean(obj map[string]any, path, key string) (value, ok bool) {
	v, present := lookup(obj, key)
	if !present || v == nil {
		return false, false
	}
	switch t := v.(type) {
	case bool:
		return t, true
	case string:
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "true":
			r.wrong(join(path, key), v, "true or false", "read as true")
			return true, true
		case "false":
			r.wrong(join(path, key), v, "true or false", "read as false")
			return false, true
		}
	}
	r.wrong(join(path, key), v, "true or false", "ignored")
	return false, false
}

// integer returns the whole number at key and whether there is one.
func (r *reader) integer(obj map[string]any, path, key string) (int64, bool) {
	v, present := lookup(obj, key)
	if !present || v == nil {
		return 0, false
	}
	switch t := v.(type) {
	case json.Number:
		if n, err := strconv.ParseInt(t.String(), 10, 64); err == nil {
			return n, true
		}
	case string:
		if n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64); err == nil {
			r.wrong(join(path, key), v, "a number", "read as "+strconv.FormatInt(n, 10))
			return n, true
		}
	}
	r.wrong(join(path, key), v, "a whole number", "ignored")
	return 0, false
}

// object returns the object at key. present is true when the key exists,
// even if its value is null or of the wrong type (then obj is nil).
func (r *reader) object(obj map[string]any, path, key string) (child map[string]any, present bool) {
	v, present := lookup(obj, key)
	if !present || v == nil {
		return nil, present
	}
	if m, ok := v.(map[string]any); ok {
		return m, true
	}
	r.wrong(join(path, key), v, "an object", "ignored")
	return nil, true
}

// array returns the array at key; present as for object. A single object
// where an array belongs is read as an array of one, as PowerShell writes a
// one-element collection.
func (r *reader) array(obj map[string]any, path, key string) (items []any, present bool) {
	v, present := lookup(obj, key)
	if !present || v == nil {
		return nil, present
	}
	switch t := v.(type) {
	case []any:
		return t, true
	case map[string]any:
		r.wrong(join(path, key), v, "an array", "read as an array of one")
		return []any{t}, true
	}
	r.wrong(join(path, key), v, "an array", "ignored")
	return nil, true
}

// objects returns the objects in the array at key, skipping (with a
// finding) items that are not objects.
func (r *reader) objects(obj map[string]any, path, key string) (items []map[string]any, present bool) {
	raw, present := r.array(obj, path, key)
	for i, v := range raw {
		m, ok := v.(map[string]any)
		if !ok {
			r.wrong(fmt.Sprintf("%s[%d]", join(path, key), i), v, "an object", "ignored")
			continue
		}
		items = append(items, m)
	}
	return items, present
}

// odataType returns the object's "@odata.type" without "#" and the
// "microsoft.graph." namespace: "singleUser", "accessPackage".
func (r *reader) odataType(obj map[string]any, path string) string {
	t := r.str(obj, path, "@odata.type")
	t = strings.TrimPrefix(strings.TrimSpace(t), "#")
	return strings.TrimPrefix(t, "microsoft.graph.")
}

// join appends a field name to a JSON path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// describeValue names a JSON value for a message.
func describeValue(v any) string {
	switch t := v.(type) {
	case string:
		return "the text " + quote(t)
	case json.Number:
		return "the number " + t.String()
	case bool:
		return strconv.FormatBool(t)
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "null"
}

// notes collects findings, at most maxFindings of them.
type notes struct {
	list    []linkcore.Finding
	dropped int
}

// maxFindings bounds an answer: hostile input with thousands of policies
// must not produce thousands of findings.
const maxFindings = 100

func (n *notes) add(code linkcore.Code, message, fix string) {
	if len(n.list) >= maxFindings {
		n.dropped++
		return
	}
	n.list = append(n.list, linkcore.Finding{Code: code, Severity: severityOf(code), Message: message, Fix: fix})
}

// done returns the findings, with a last one when some were left out.
func (n *notes) done() []linkcore.Finding {
	if n.dropped > 0 {
		n.list = append(n.list, linkcore.Finding{Code: CodeTruncated, Severity: severityOf(CodeTruncated),
			Message: fmt.Sprintf("%d more findings were left out.", n.dropped)})
	}
	return n.list
}
