package readiness_test

import (
	"os"
	"strings"
	"testing"

	"accesslink/linkcore/readiness"
)

// TestCodesDocumented keeps the README's table of readiness findings
// complete.
func TestCodesDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range readiness.CodeTable {
		row := "| `" + string(c.Code) + "` | " + c.Severity.Label() + " | " + c.Meaning + " |"
		if !strings.Contains(string(readme), row) {
			t.Errorf("README.md lacks the row\n%s", row)
		}
	}
}
