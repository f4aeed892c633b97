package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// batchLines returns n lines: genuine links and, every tenth, a dangerous one.
func batchLines(n int) string {
	var b strings.Builder
	for i := range n {
		if i%10 == 9 {
			fmt.Fprintf(&b, "https://myaccess.microsoft.com.evil.example/@contoso.onmicrosoft.com#/access-packages/%08x-3459-114d-5934-4d1159344d11\n", i)
			continue
		}
		fmt.Fprintf(&b, "https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/%08x-3459-114d-5934-4d1159344d11\n", i)
	}
	return b.String()
}

func TestBatchTenThousandLinesStaysResponsive(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/batch")
	// While it runs, the page keeps answering: progress is shown and a
	// timer in the page keeps firing.
	eval[bool](t, ctx, `(() => { window.ticks = 0; window.tick = setInterval(() => window.ticks++, 50); return true; })()`)
	input(t, ctx, "#batch-input", batchLines(10000))
	sawProgress := false
	deadline := time.Now().Add(60 * time.Second)
	for {
		state := eval[string](t, ctx, `document.querySelector(".batch-results").dataset.state + " " + (document.querySelector("#batch-progress") !== null)`)
		if strings.HasSuffix(state, "true") {
			sawProgress = true
		}
		if strings.HasPrefix(state, "done") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("batch not done: %s", state)
		}
		time.Sleep(20 * time.Millisecond)
	}
	processed := eval[string](t, ctx, `document.querySelector(".batch-results").dataset.processed`)
	elapsed := eval[string](t, ctx, `document.querySelector(".batch-results").dataset.elapsedMs`)
	ticks := eval[int](t, ctx, `(() => { clearInterval(window.tick); return window.ticks; })()`)
	t.Logf("10,000 lines in %s ms; %d timer ticks during the run; progress seen: %v", elapsed, ticks, sawProgress)
	if ticks == 0 {
		t.Error("the page's timers never ran during the batch: it froze")
	}
	if processed != "10000" {
		t.Fatalf("processed %s lines", processed)
	}
	counts := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll(".count")].map(li => [li.dataset.verdict, li.querySelector(".count-n").textContent]))`)
	if counts["ok"] != "9000" || counts["danger"] != "1000" {
		t.Errorf("counts %v", counts)
	}
	// Filter: only the dangerous rows.
	eval[bool](t, ctx, `(() => { const s = document.querySelector("#batch-filter"); s.value = "danger"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	poll[bool](t, ctx, `(() => { const rows = [...document.querySelectorAll(".batch-results tbody tr")]; return rows.length > 0 && rows.every(r => r.dataset.verdict === "danger"); })()`, 10*time.Second)
	if n := eval[int](t, ctx, `document.querySelectorAll(".batch-results tbody a[href]").length`); n != 0 {
		t.Errorf("%d dangerous rows are links", n)
	}
}

func TestBatchBuildsFromCSV(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/batch#mode=build&hint=contoso.onmicrosoft.com")
	input(t, ctx, "#batch-input", "name,id\nSales,114d3459-3459-114d-5934-4d1159344d11\nBroken,12\n")
	got := poll[string](t, ctx, `document.querySelector(".batch-results").dataset.state === "done" && document.querySelector(".batch-results tbody code")?.textContent`, 10*time.Second)
	if got != genuine {
		t.Errorf("built %q", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".batch-results tbody .field-error").length`); n != 1 {
		t.Errorf("%d problems shown, want 1", n)
	}

	// The built links export with their problems.
	records := exportedCSV(t, ctx, "accesslink-links.csv")
	if len(records) != 3 || records[1][4] != genuine || records[2][5] == "" {
		t.Errorf("CSV: %q", records)
	}
	name, content := clickToDownload(t, ctx, "Export JSON")
	if name != "accesslink-links.json" || !strings.Contains(string(content), genuine) {
		t.Errorf("JSON saved as %q: %s", name, content)
	}
}

// A file reaches the batch both ways the page offers: the file chooser and
// a drop on the box. The browser reads it; the page names it and checks it.
func TestBatchReadsDroppedAndChosenFiles(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/batch")
	lines := genuine + "\nhttps://myaccess-microsoft.com/@contoso.onmicrosoft.com\n"

	csv := filepath.Join(t.TempDir(), "links.csv")
	if err := os.WriteFile(csv, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS("#batch-file"), []string{csv})); err != nil {
		t.Fatal(err)
	}
	if note := poll[string](t, ctx, `document.querySelector(".batch-results").dataset.processed === "2" && document.querySelector("form .copied").textContent`, 10*time.Second); note != "Loaded links.csv." {
		t.Errorf("after choosing a file the page says %q", note)
	}

	eval[bool](t, ctx, `(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([`+jsString(genuine+"\n")+`], "one.txt", {type: "text/plain"}));
		document.querySelector(".drop").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true;
	})()`)
	if note := poll[string](t, ctx, `document.querySelector(".batch-results").dataset.processed === "1" && document.querySelector("form .copied").textContent`, 10*time.Second); note != "Loaded one.txt." {
		t.Errorf("after a drop the page says %q", note)
	}
	// go-app trims a textarea's value as it sets it.
	if got := eval[string](t, ctx, `document.querySelector("#batch-input").value`); got != genuine {
		t.Errorf("the box holds %q after the drop", got)
	}
}
