package linkcore_test

import (
	"os"
	"strings"
	"testing"

	"accesslink/linkcore"
)

// TestCodesDocumented keeps the README's table of finding codes complete:
// scripts match on these codes, so each must be documented.
func TestCodesDocumented(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range linkcore.CodeTable {
		row := "| `" + string(c.Code) + "` | " + c.Severity.Label() + " | " + c.Meaning + " |"
		if !strings.Contains(string(readme), row) {
			t.Errorf("README.md lacks the row\n%s", row)
		}
	}
}
