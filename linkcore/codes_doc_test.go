package linkcore_test

import (
	"os"
	"strings"
	"testing"

	"accesslink/linkcore"
	"accesslink/linkcore/readiness"
)

// TestCodesDocumented keeps the README's tables of finding codes, for links
// and for readiness, complete: scripts match on these codes, so each must
// be documented.
func TestCodesDocumented(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range [][]linkcore.CodeInfo{linkcore.CodeTable, readiness.CodeTable} {
		for _, c := range table {
			row := "| `" + string(c.Code) + "` | " + c.Severity.Label() + " | " + c.Meaning + " |"
			if !strings.Contains(string(readme), row) {
				t.Errorf("README.md lacks the row\n%s", row)
			}
		}
	}
}
