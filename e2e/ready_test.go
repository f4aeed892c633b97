package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestReadinessForExternalRequestor(t *testing.T) {
	pkg, err := os.ReadFile("../linkcore/readiness/testdata/e2e-package.json")
	if err != nil {
		t.Fatal(err)
	}
	orgs, err := os.ReadFile("../linkcore/readiness/testdata/e2e-orgs.json")
	if err != nil {
		t.Fatal(err)
	}
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/ready")
	input(t, ctx, "#ready-package", string(pkg))
	// A member can request it: the first answer.
	if got := poll[string](t, ctx, `document.querySelector(".ready-answer")?.dataset.answer`, 10*time.Second); got != "yes" {
		t.Fatalf("member: answer %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#who-external"))); err != nil {
		t.Fatal(err)
	}
	poll[bool](t, ctx, `document.querySelector("#ready-from") !== null`, 10*time.Second)
	input(t, ctx, "#ready-from", "litware.com")
	// Without the connected organizations the page cannot tell, and says
	// what to fetch.
	if got := poll[string](t, ctx, `(() => { const a = document.querySelector(".ready-answer"); return a && a.dataset.answer !== "yes" && a.dataset.answer; })()`, 10*time.Second); got != "unknown" {
		t.Fatalf("external without orgs: answer %q", got)
	}
	if !eval[bool](t, ctx, `!!document.querySelector('.ready-answer [data-code="connected-organizations-needed"]')`) {
		t.Error("no finding asking for the connected organizations")
	}
	input(t, ctx, "#ready-orgs", string(orgs))
	if got := poll[string](t, ctx, `(() => { const a = document.querySelector(".ready-answer"); return a && a.dataset.answer !== "unknown" && a.dataset.answer; })()`, 10*time.Second); got != "yes" {
		t.Fatalf("external from litware.com: answer %q", got)
	}
	text := eval[string](t, ctx, `document.querySelector(".ready-answer").textContent`)
	for _, want := range []string{"Partner organizations", "Partner project workspace", "hidden"} {
		if !strings.Contains(text, want) {
			t.Errorf("answer lacks %q", want)
		}
	}
	// The requests to copy are prefilled with the package's ID.
	reqs := eval[string](t, ctx, `document.querySelector(".requests").textContent`)
	if !strings.Contains(reqs, "114d3459-3459-114d-5934-4d1159344d11") {
		t.Errorf("requests not prefilled: %.300s", reqs)
	}
}

// A package saved to a file (as Graph PowerShell writes it) is read from the
// file chooser.
func TestReadinessReadsChosenFile(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/ready")
	file, err := filepath.Abs("../linkcore/readiness/testdata/e2e-package.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS("#ready-package-file"), []string{file})); err != nil {
		t.Fatal(err)
	}
	if got := poll[string](t, ctx, `document.querySelector(".ready-answer")?.dataset.answer`, 10*time.Second); got != "yes" {
		t.Fatalf("member: answer %q", got)
	}
	if note := eval[string](t, ctx, `document.querySelector(".file-note").textContent`); !strings.HasPrefix(note, "Read e2e-package.json (") {
		t.Errorf("the page says %q", note)
	}
}

// A file larger than Readiness reads is refused before the browser loads
// it, with a note; the answer already shown stays.
func TestReadinessRefusesHugeFile(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/ready")
	huge := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(9 << 20); err != nil { // sparse: no 9 MB written to disk
		t.Fatal(err)
	}
	f.Close()
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS("#ready-package-file"), []string{huge})); err != nil {
		t.Fatal(err)
	}
	if note := poll[string](t, ctx, `document.querySelector(".file-note").textContent`, 10*time.Second); note != "huge.json is larger than 8 MB, more than this page reads." {
		t.Errorf("the page says %q", note)
	}
	if n := eval[int](t, ctx, `document.querySelector("#ready-package").value.length`); n != 0 {
		t.Errorf("the package box holds %d characters", n)
	}
}
