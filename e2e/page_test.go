package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"accesslink/app"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

func TestCheckShowsVerdict(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/check")
	tests := []struct{ link, verdict string }{
		{genuine, "ok"},
		{"https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/", "error"},
		{`https://evil.example\@myaccess.microsoft.com/`, "danger"},
	}
	for _, tt := range tests {
		got := check(t, ctx, tt.link)
		if got != tt.verdict {
			t.Errorf("%q: data-verdict %q, want %q", tt.link, got, tt.verdict)
		}
	}
}

// check types text into the Check page's field and returns the verdict
// of the first report once the page has answered for exactly that text.
func check(t *testing.T, ctx context.Context, text string) string {
	t.Helper()
	before := countInputs(t, ctx)
	input(t, ctx, "#check-input", text)
	return answered(t, ctx, before)
}

// countInputs starts counting the input events of the Check field and
// returns the number of checks the page has answered so far.
func countInputs(t *testing.T, ctx context.Context) int {
	t.Helper()
	return eval[int](t, ctx, `(() => {
		if (window.inputs === undefined) {
			document.querySelector("#check-input").addEventListener("input", () => window.inputs++);
		}
		window.inputs = 0;
		return Number(document.querySelector(".answer").dataset.checks);
	})()`)
}

// answered waits for the answer to the last input event counted since
// countInputs returned before, and returns the first verdict. The field
// holds the new text at once, but go-app renders on its frame clock, so
// for a moment the page still shows an older, finished answer. Every input
// event starts one check, so the answer is current once data-checks has
// advanced by the number of events.
func answered(t *testing.T, ctx context.Context, before int) string {
	t.Helper()
	return poll[string](t, ctx, `(() => {
		const a = document.querySelector(".answer"), r = document.querySelector(".report");
		return a.dataset.checks === String(`+strconv.Itoa(before)+` + window.inputs) &&
			a.getAttribute("aria-busy") === "false" && r && r.dataset.verdict;
	})()`, 30*time.Second)
}

func TestCheckByKeyboard(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/check")
	// Tab from the top of the page reaches the field; typing answers.
	before := countInputs(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS("#check-input")), chromedp.KeyEvent(genuine)); err != nil {
		t.Fatal(err)
	}
	if got := answered(t, ctx, before); got != "ok" {
		t.Fatalf("verdict %q", got)
	}
	// The live region says it in words.
	if said := eval[string](t, ctx, `document.querySelector('.answer [aria-live="polite"]').textContent`); !strings.Contains(said, "OK") {
		t.Errorf("live region says %q", said)
	}
}

func TestBuildCopyPutsLinkOnClipboard(t *testing.T) {
	ctx, _ := newTab(t)
	c := chromedp.FromContext(ctx)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission:       &browser.PermissionDescriptor{Name: name},
			Setting:          browser.PermissionSettingGranted,
			Origin:           origin,
			BrowserContextID: c.BrowserContextID,
		}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, origin, "/")
	input(t, ctx, "#hint", "Contoso.onmicrosoft.com")
	input(t, ctx, "#package-id", "114D3459-3459-114D-5934-4D1159344D11")
	if got := poll[string](t, ctx, `document.querySelector("#link-out")?.textContent`, 10*time.Second); got != genuine {
		t.Fatalf("link %q, want %q", got, genuine)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#copy-link"))); err != nil {
		t.Fatal(err)
	}
	if said := poll[string](t, ctx, `document.querySelector(".result .copied")?.textContent`, 10*time.Second); !strings.HasPrefix(said, "Copied") {
		t.Fatalf("after Copy the page says %q", said)
	}
	if got := eval[string](t, ctx, `navigator.clipboard.readText()`); got != genuine {
		t.Fatalf("clipboard holds %q, want %q", got, genuine)
	}
}

func TestReloadRestoresInputFromFragment(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/check")
	check(t, ctx, genuine)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	before, _, _ := strings.Cut(loc, "#")
	if strings.Contains(before, "?") || !strings.Contains(loc, "#link=") {
		t.Fatalf("state not in the fragment only: %s", loc)
	}
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	if got := poll[string](t, ctx, `document.querySelector("#check-input").value`, 10*time.Second); got != genuine {
		t.Fatalf("after reload the field holds %q", got)
	}
	if got := poll[string](t, ctx, `document.querySelector(".report")?.dataset.verdict`, 10*time.Second); got != "ok" {
		t.Fatalf("after reload verdict %q", got)
	}

	// The Build page keeps its fields the same way.
	open(t, ctx, origin, "/")
	input(t, ctx, "#hint", "contoso.onmicrosoft.com")
	input(t, ctx, "#package-id", "114d3459-3459-114d-5934-4d1159344d11")
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	if got := poll[string](t, ctx, `document.querySelector("#link-out")?.textContent`, 10*time.Second); got != genuine {
		t.Fatalf("after reload the link is %q", got)
	}
}

func TestHostileInputStaysText(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/check")
	hostile := []string{
		`<img src=x onerror="window.pwned=1">`,
		`javascript:window.pwned=1`,
		`JaVaScRiPt:window.pwned=1//https://myaccess.microsoft.com/`,
		`https://myaccess.microsoft.com/@x#"><img src=x onerror=window.pwned=1>`,
		`<a href="javascript:window.pwned=1">https://myaccess.microsoft.com/</a>`,
		"data:text/html,<script>window.pwned=1</script>",
		`<svg onload=window.pwned=1>`,
	}
	for _, h := range hostile {
		check(t, ctx, h)
		checkNothingExecuted(t, ctx, h)
	}

	// 1 MiB of text: the page answers and stays responsive.
	big := strings.Repeat("https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/x <img src=x onerror=window.pwned=1> ", 1<<20/100)
	start := time.Now()
	check(t, ctx, big)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("1 MiB took %v", d)
	}
	if got := eval[int](t, ctx, `1 + 1`); got != 2 {
		t.Fatal("page not responsive")
	}
	checkNothingExecuted(t, ctx, "1 MiB")
}

func checkNothingExecuted(t *testing.T, ctx context.Context, input string) {
	t.Helper()
	if eval[bool](t, ctx, `window.pwned === 1`) {
		t.Fatalf("%q executed", input)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("main img, main script, main iframe, main object, main embed").length`); n != 0 {
		t.Errorf("%q: %d elements made from input", input, n)
	}
	hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll("main a[href]")].map(a => a.getAttribute("href"))`)
	for _, h := range hrefs {
		if !strings.HasPrefix(h, "https://myaccess.microsoft.com/") && !strings.HasPrefix(h, "https://myaccess.microsoft.us/") {
			t.Errorf("%q became a link to %q", input, h)
		}
	}
}

// visitEveryPage opens each route, then builds a link so that the QR code
// and its assets load too.
func visitEveryPage(t *testing.T, ctx context.Context) {
	t.Helper()
	for _, r := range app.Paths {
		open(t, ctx, origin, r)
	}
	open(t, ctx, origin, "/")
	input(t, ctx, "#hint", "contoso.onmicrosoft.com")
	input(t, ctx, "#package-id", "114d3459-3459-114d-5934-4d1159344d11")
	poll[bool](t, ctx, `document.querySelector(".qr svg") !== null`, 10*time.Second)
}

func TestNoRequestsToOtherOrigins(t *testing.T) {
	ctx, rec := newTab(t)
	visitEveryPage(t, ctx)
	if len(rec.requested()) == 0 {
		t.Fatal("no requests recorded at all")
	}
	if foreign := foreignRequests(rec.requested(), origin); len(foreign) > 0 {
		t.Fatalf("requests to other origins: %v", foreign)
	}
}

func TestNoConsoleErrorsUnderCSP(t *testing.T) {
	ctx, rec := newTab(t)
	visitEveryPage(t, ctx)
	open(t, ctx, origin, "/check#link="+genuine)
	poll[bool](t, ctx, `document.querySelector(".report") !== null`, 10*time.Second)
	time.Sleep(500 * time.Millisecond) // let late reports arrive
	if msgs := rec.consoleMessages(); len(msgs) > 0 {
		t.Fatalf("console:\n%s", strings.Join(msgs, "\n"))
	}
}

func TestPrerenderedWithoutWasm(t *testing.T) {
	ctx, _ := newTab(t)
	// Block the .wasm: the headline, form and explanation must still show.
	if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
		URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/*.wasm", Block: true}},
	}); err != nil {
		t.Fatal(err)
	}
	for _, r := range app.Paths {
		if err := chromedp.Do(ctx, chromedp.Navigate(origin+r)); err != nil {
			t.Fatal(err)
		}
		h1 := eval[string](t, ctx, `document.querySelector("h1")?.textContent ?? ""`)
		intro := eval[string](t, ctx, `document.querySelector(".intro")?.textContent ?? ""`)
		loading := eval[string](t, ctx, `document.querySelector(".loading")?.textContent ?? ""`)
		visible := eval[bool](t, ctx, `(() => { const r = document.querySelector("main").getBoundingClientRect(); return r.height > 100 && getComputedStyle(document.querySelector("#app-wasm-loader")).display === "none"; })()`)
		if h1 == "" || len(intro) < 40 || !strings.HasPrefix(loading, "Loading") || !visible {
			t.Errorf("%s before the .wasm: h1 %q, intro %d bytes, loading %q, visible %v", r, h1, len(intro), loading, visible)
		}
	}
}

func TestKeyboardFocusIsVisible(t *testing.T) {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/check#link="+genuine)
	// The check runs off the event loop: wait for its answer, or Tab can
	// walk past the field before the Copy button exists.
	poll[bool](t, ctx, `document.querySelector(".answer[aria-busy=false] .report") !== null`, 10*time.Second)
	// From the top of the page, Tab walks the navigation to the field and
	// on to the answer's controls; every stop shows a focus outline.
	var stops []string
	reached := false
	for range 12 {
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		stop := eval[string](t, ctx, `(() => { const e = document.activeElement; const s = getComputedStyle(e);
			return e.tagName.toLowerCase() + "#" + e.id + "|" + e.textContent.slice(0, 20) + "|" + s.outlineStyle + " " + s.outlineWidth; })()`)
		stops = append(stops, stop)
		if strings.Contains(stop, "|none ") || strings.HasSuffix(stop, " 0px") {
			t.Errorf("focus not visible on %s", stop)
		}
		if strings.HasPrefix(stop, "button") && strings.Contains(stop, "Copy canonical") {
			reached = true
			break
		}
	}
	if !reached {
		t.Errorf("Tab never reached the Copy button: %v", stops)
	}
	if !strings.Contains(strings.Join(stops, " "), "textarea#check-input") {
		t.Errorf("Tab never reached the field: %v", stops)
	}
}
