package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// clickToDownload clicks the button labelled label and returns the name
// and content of the file the page saves. The file is made in the page
// from a blob: link, so the download also proves nothing was fetched.
func clickToDownload(t *testing.T, ctx context.Context, label string) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	c := chromedp.FromContext(ctx)
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorAllowAndName,
		BrowserContextID: c.BrowserContextID,
		DownloadPath:     dir,
		EventsEnabled:    new(true),
	}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	begun := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.Search(`//button[text()="`+label+`"]`))); err != nil {
		t.Fatalf("click %s: %v", label, err)
	}
	var name, guid string
	for ev, err := range begun {
		if err != nil {
			t.Fatalf("%s: no download began: %v", label, err)
		}
		name, guid = ev.SuggestedFilename, ev.GUID
		break
	}
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("%s: the download did not finish: %v", label, err)
		}
		if ev.GUID == guid && ev.State == browser.DownloadProgressStateCompleted {
			break
		}
		if ev.GUID == guid && ev.State == browser.DownloadProgressStateCanceled {
			t.Fatalf("%s: the download was canceled", label)
		}
	}
	content, err := os.ReadFile(filepath.Join(dir, guid))
	if err != nil {
		t.Fatal(err)
	}
	return name, content
}

// exportedCSV clicks Export CSV, checks the name of the file saved, and
// returns its records.
func exportedCSV(t *testing.T, ctx context.Context, name string) [][]string {
	t.Helper()
	saved, content := clickToDownload(t, ctx, "Export CSV")
	if saved != name {
		t.Errorf("CSV saved as %q, want %q", saved, name)
	}
	records, err := csv.NewReader(bytes.NewReader(content)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return records
}

// Batch shows results a page at a time, and exports all of them.
func TestBatchShowsMoreAndExportsEverything(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/batch")
	input(t, ctx, "#batch-input", batchLines(450))
	rows := `document.querySelectorAll(".batch-results tbody tr").length`
	poll[bool](t, ctx, `document.querySelector(".batch-results").dataset.state === "done" && `+rows+` > 0`, 30*time.Second)
	for _, want := range []int{200, 400, 450} {
		if got := poll[int](t, ctx, rows+` >= `+strconv.Itoa(want)+` && `+rows, 10*time.Second); got != want {
			t.Fatalf("%d rows shown, want %d", got, want)
		}
		more := eval[bool](t, ctx, `[...document.querySelectorAll("button")].some(b => b.textContent.startsWith("Show more"))`)
		if more != (want < 450) {
			t.Fatalf("with %d of 450 rows shown, a Show more button: %v", want, more)
		}
		if more {
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.Search(`//button[starts-with(text(), "Show more")]`))); err != nil {
				t.Fatal(err)
			}
		}
	}

	records := exportedCSV(t, ctx, "accesslink-check.csv")
	if len(records) != 451 || records[0][0] != "line" || records[10][2] != "danger" || records[1][2] != "ok" {
		t.Errorf("CSV has %d records; header %v; line 1 %v; line 10 %v", len(records), records[0], records[1], records[10])
	}

	name, content := clickToDownload(t, ctx, "Export JSON")
	if name != "accesslink-check.json" {
		t.Errorf("JSON saved as %q", name)
	}
	var lines []struct {
		Line    int    `json:"line"`
		Verdict string `json:"verdict"`
	}
	if err := json.Unmarshal(content, &lines); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 450 || lines[449].Line != 450 || lines[9].Verdict != "danger" {
		t.Errorf("JSON has %d lines; last %+v; line 10 %+v", len(lines), lines[len(lines)-1], lines[9])
	}
}

// The QR code downloads as the SVG the page shows and as a 1024-pixel PNG
// the browser draws from it.
func TestQRCodeDownloads(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/")
	input(t, ctx, "#hint", "contoso.onmicrosoft.com")
	input(t, ctx, "#package-id", "114d3459-3459-114d-5934-4d1159344d11")
	shown := poll[string](t, ctx, `document.querySelector(".qr svg")?.outerHTML`, 10*time.Second)

	name, svg := clickToDownload(t, ctx, "Download QR as SVG")
	if name != "accesslink-qr.svg" || !strings.HasPrefix(string(svg), "<svg") {
		t.Errorf("SVG saved as %q: %.80s", name, svg)
	}
	if got := eval[string](t, ctx, `(() => { const d = document.createElement("div"); d.innerHTML = `+jsString(string(svg))+`; return d.firstElementChild.outerHTML; })()`); got != shown {
		t.Errorf("the SVG saved differs from the SVG shown:\n%.200s\n%.200s", got, shown)
	}

	name, content := clickToDownload(t, ctx, "Download QR as PNG")
	if name != "accesslink-qr.png" {
		t.Errorf("PNG saved as %q", name)
	}
	img, err := png.Decode(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() != 1024 || b.Dy() != 1024 {
		t.Fatalf("PNG is %v, want 1024×1024", b)
	}
	// Drawn, not blank: light in the 4-module quiet zone, dark in the
	// middle of the top-left finder pattern after it.
	var side int
	if _, err := fmt.Sscanf(string(svg), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d`, &side); err != nil {
		t.Fatalf("no viewBox in the SVG: %v", err)
	}
	module := 1024 / float64(side)
	if y := luma(img.At(int(2*module), int(2*module))); y < 200 {
		t.Errorf("the quiet zone is not light: luma %d", y)
	}
	if y := luma(img.At(int(7.5*module), int(7.5*module))); y > 50 {
		t.Errorf("the finder pattern is not dark: luma %d", y)
	}
}

// luma is a colour's brightness, 0 to 255.
func luma(c color.Color) int {
	r, g, b, _ := c.RGBA()
	return int((299*r + 587*g + 114*b) / 1000 >> 8)
}
