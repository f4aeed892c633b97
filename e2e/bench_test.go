package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The browser benchmark (./build.sh bench): what a first visit downloads,
// compared with a go-app hello world built in the same run; first
// contentful paint and repeat-visit time under Lighthouse's mobile
// throttling; and a 10,000-line batch. It prints the figures for the README
// and fails when a budget is exceeded.

const (
	sizeBudget        = 1.15 // × the hello world's first visit
	fcpBudget         = 1800 * time.Millisecond
	repeatBudget      = 1000 * time.Millisecond
	batchBudget       = 2000 * time.Millisecond
	throttleLatencyMs = 150
	throttleDownBps   = 1.6e6 / 8
	throttleUpBps     = 750e3 / 8
	throttleCPU       = 4
)

// helloWorld is go-app's hello world, generating its own static site when
// run natively.
const helloWorld = `package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello World!") }

func main() {
	app.Route("/", &hello{})
	app.RunWhenOnBrowser()
	if err := app.GenerateStaticWebsite(os.Args[1], &app.Handler{Name: "Hello", Title: "Hello"}); err != nil {
		panic(err)
	}
}
`

func TestBenchmark(t *testing.T) {
	if os.Getenv("ACCESSLINK_BENCH") == "" {
		t.Skip("run by ./build.sh bench")
	}
	if browserCtx == nil {
		t.Skip("ACCESSLINK_DIST not set")
	}
	dist := os.Getenv("ACCESSLINK_DIST")
	hello := buildHelloWorld(t)
	helloNoInline := buildHelloWorld(t, "-gcflags=all=-l")

	ours := firstVisitBrotli(t, dist, origin, true)
	helloSrv, err := startServer(hello)
	if err != nil {
		t.Fatal(err)
	}
	defer helloSrv.stop()
	theirs := firstVisitBrotli(t, hello, helloSrv.origin, false)
	ratio := float64(ours.total) / float64(theirs.total)
	report("first visit, brotli: AccessLink %s, go-app hello world %s: %.3f× (budget %.2f×)",
		kb(ours.total), kb(theirs.total), ratio, sizeBudget)
	report("  AccessLink files: %s", ours.detail)
	report("  hello world files: %s", theirs.detail)
	if ratio > sizeBudget {
		t.Errorf("first visit is %.3f× the hello world's, over the %.2f× budget", ratio, sizeBudget)
	}
	// AccessLink's .wasm is built with inlining off, which makes it smaller;
	// for comparison, the hello world built the same way.
	standard := brotliSize(t, filepath.Join(hello, "web", "app.wasm"))
	noInline := brotliSize(t, filepath.Join(helloNoInline, "web", "app.wasm"))
	report("  for comparison, the hello world's .wasm built with -gcflags=all=-l as well: %s; with the same flags, AccessLink's first visit is %.3f× the hello world's",
		kb(noInline), float64(ours.total)/float64(theirs.total-standard+noInline))

	fcp, repeat := throttledVisits(t)
	report("first contentful paint, throttled (150 ms RTT, 1.6 Mbps, 4× CPU): %v (budget %v)", fcp, fcpBudget)
	report("repeat visit, throttled, served by the service worker: interactive in %v (budget %v)", repeat, repeatBudget)
	if fcp > fcpBudget {
		t.Errorf("FCP %v over budget", fcp)
	}
	if repeat > repeatBudget {
		t.Errorf("repeat visit %v over budget", repeat)
	}

	batch := batchTime(t)
	report("10,000-line batch, unthrottled: %v (budget %v)", batch, batchBudget)
	if batch > batchBudget {
		t.Errorf("batch %v over budget", batch)
	}
}

func report(format string, args ...any) { fmt.Printf("BENCH "+format+"\n", args...) }

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1000) }

// buildHelloWorld builds the hello world's .wasm with the same toolchain and
// the flags the budget names (-trimpath -ldflags="-s -w"), plus any extra
// build flags, and generates its site; it returns the site's directory.
func buildHelloWorld(t *testing.T, extra ...string) string {
	t.Helper()
	dir := t.TempDir()
	gosum, err := os.ReadFile("../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"main.go": helloWorld,
		"go.mod":  "module hello\n\ngo 1.26\n\nrequire github.com/maxence-charriere/go-app/v9 v9.8.0\n",
		"go.sum":  string(gosum),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site := filepath.Join(dir, "site")
	run := func(env []string, args ...string) {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), append(env, "GOFLAGS=-mod=mod")...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %v: %v\n%s", args, err, out)
		}
	}
	run(nil, "mod", "tidy")
	build := append([]string{"build", "-trimpath", "-ldflags=-s -w"}, extra...)
	run([]string{"GOOS=js", "GOARCH=wasm"}, append(build, "-o", filepath.Join(site, "web", "app.wasm"), ".")...)
	run(nil, "run", ".", site)
	return site
}

type visitSize struct {
	total  int
	detail string
}

// firstVisitBrotli loads the site's home page in a fresh browser context,
// waits for its service worker to cache what it pre-caches, and adds up the
// brotli size (quality 11) of every file fetched from the site: by the page
// and by the worker. Requests to other origins (go-app's default icons) are
// listed but cannot be counted.
//
// The hello world's worker never activates here: it pre-caches go-app's
// default icons from another site, which the test machine cannot reach. Its
// pre-cache list is counted all the same.
func firstVisitBrotli(t *testing.T, dir, base string, worker bool) visitSize {
	t.Helper()
	ctx, rec := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	if worker {
		poll[bool](t, ctx, `navigator.serviceWorker.controller !== null`, 60*time.Second)
	} else {
		time.Sleep(2 * time.Second)
	}
	paths := map[string]bool{}
	for _, u := range rec.requested() {
		if strings.HasPrefix(u, base+"/") {
			p, _, _ := strings.Cut(strings.TrimPrefix(u, base), "?")
			paths[p] = true
		}
	}
	script, err := os.ReadFile(filepath.Join(dir, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const resourcesToCache = (\[.*?\]);`).FindSubmatch(script)
	if m == nil {
		t.Fatal("no resourcesToCache in app-worker.js")
	}
	var cached []string
	if err := json.Unmarshal(m[1], &cached); err != nil {
		t.Fatal(err)
	}
	paths["/app-worker.js"] = true
	for _, p := range cached {
		if strings.HasPrefix(p, "/") {
			paths[p] = true
		}
	}
	var names []string
	total := 0
	for p := range paths {
		file := filepath.Join(dir, filepath.FromSlash(p))
		if p == "/" {
			file = filepath.Join(dir, "index.html")
		} else if filepath.Ext(p) == "" {
			file += ".html"
		}
		n := brotliSize(t, file)
		total += n
		names = append(names, fmt.Sprintf("%s %s", p, kb(n)))
	}
	sort.Strings(names)
	return visitSize{total: total, detail: strings.Join(names, ", ")}
}

func brotliSize(t *testing.T, file string) int {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command("brotli", "-q", "11", "-c", file)
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("brotli %s: %v", file, err)
	}
	return out.Len()
}

func throttle(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{
			Latency: throttleLatencyMs, DownloadThroughput: throttleDownBps, UploadThroughput: throttleUpBps,
		}},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: throttleCPU}); err != nil {
		t.Fatal(err)
	}
}

// throttledVisits measures a cold first visit's first contentful paint and
// a repeat visit's time to interactive, both throttled.
func throttledVisits(t *testing.T) (fcp, repeat time.Duration) {
	ctx, _ := newTab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(412, 823)); err != nil {
		t.Fatal(err)
	}
	throttle(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(origin+"/check")); err != nil {
		t.Fatal(err)
	}
	ms := poll[float64](t, ctx, `performance.getEntriesByName("first-contentful-paint")[0]?.startTime`, 60*time.Second)
	fcp = time.Duration(ms * float64(time.Millisecond))
	waitLive(t, ctx)
	poll[bool](t, ctx, `navigator.serviceWorker.controller !== null`, 120*time.Second)
	// Let the worker finish caching before the second visit.
	deadline := time.Now().Add(120 * time.Second)
	for cachedFiles(t, ctx) < 8 {
		if time.Now().After(deadline) {
			t.Fatal("the worker did not fill its cache")
		}
		time.Sleep(200 * time.Millisecond)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(origin+"/check")); err != nil {
		t.Fatal(err)
	}
	ms = poll[float64](t, ctx, `performance.getEntriesByName("accesslink-live")[0]?.startTime`, 60*time.Second)
	return fcp, time.Duration(ms * float64(time.Millisecond))
}

func batchTime(t *testing.T) time.Duration {
	ctx, _ := newTab(t)
	open(t, ctx, origin, "/batch")
	input(t, ctx, "#batch-input", batchLines(10000))
	ms := poll[float64](t, ctx, `(() => { const r = document.querySelector(".batch-results"); return r.dataset.state === "done" && r.dataset.processed === "10000" && Number(r.dataset.elapsedMs); })()`, 60*time.Second)
	return time.Duration(ms * float64(time.Millisecond))
}
