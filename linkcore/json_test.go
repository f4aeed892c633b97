package linkcore_test

import (
	"encoding/json"
	"testing"

	"accesslink/linkcore"
)

func TestFindingJSON(t *testing.T) {
	tests := []linkcore.Finding{
		{Code: linkcore.CodeNoHint, Severity: linkcore.Warning, Message: "plain", Fix: "fix it"},
		{Code: linkcore.CodeSeveralLinks, Severity: linkcore.Info, Message: "no fix"},
		{Code: linkcore.CodeUnknownHost, Severity: linkcore.Danger, Message: "quotes \" and \\ and <b>&</b> \x00\x1f\t\n and \u2028\u2029 and é 😀 \xff"},
	}
	for _, f := range tests {
		data, err := json.Marshal(f)
		if err != nil {
			t.Fatalf("Marshal(%+v): %v", f, err)
		}
		var back struct{ Code, Severity, Message, Fix string }
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("%s does not parse: %v", data, err)
		}
		// What encoding/json makes of the message (invalid UTF-8 becomes U+FFFD).
		var wantMessage string
		std, _ := json.Marshal(f.Message)
		json.Unmarshal(std, &wantMessage)
		if back.Code != string(f.Code) || back.Severity != f.Severity.Label() || back.Message != wantMessage || back.Fix != f.Fix {
			t.Errorf("%s reads back as %+v", data, back)
		}
	}
}
