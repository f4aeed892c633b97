package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// ownServer serves a private copy of dist/, so that a test can cut it off
// or change it without touching the other tests.
func ownServer(t *testing.T) (*server, string) {
	t.Helper()
	if browserCtx == nil {
		t.Skip("ACCESSLINK_DIST not set")
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(os.Getenv("ACCESSLINK_DIST"))); err != nil {
		t.Fatal(err)
	}
	srv, err := startServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.stop)
	return srv, dir
}

// cachedFiles counts the files in the page's caches.
func cachedFiles(t *testing.T, ctx context.Context) int {
	t.Helper()
	return eval[int](t, ctx, `caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys())))).then(all => all.flat().length)`)
}

// waitForWorker waits until the service worker controls the page and has
// filled its cache.
func waitForWorker(t *testing.T, ctx context.Context) {
	t.Helper()
	poll[bool](t, ctx, `navigator.serviceWorker.controller !== null`, 30*time.Second)
	if n := cachedFiles(t, ctx); n < 8 {
		t.Fatalf("the service worker cached %d files", n)
	}
}

func TestWorksOfflineAfterFirstVisit(t *testing.T) {
	srv, _ := ownServer(t)
	ctx, _ := newTab(t)
	open(t, ctx, srv.origin, "/")
	waitForWorker(t, ctx)

	// Cut the network: the server stops and the browser is offline.
	srv.stop()
	offline := true
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &offline,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: true}},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true}); err != nil {
		t.Fatal(err)
	}

	for _, r := range []string{"/check?utm=x#link=" + genuine, "/batch", "/ready", "/"} {
		open(t, ctx, srv.origin, r)
		if h1 := eval[string](t, ctx, `document.querySelector("h1").textContent`); h1 == "" {
			t.Errorf("%s offline: no headline", r)
		}
	}
	// The checker works offline.
	open(t, ctx, srv.origin, "/check#link="+genuine)
	if got := poll[string](t, ctx, `document.querySelector(".report")?.dataset.verdict`, 20*time.Second); got != "ok" {
		t.Fatalf("offline verdict %q", got)
	}
}

func TestNewVersionOffersReload(t *testing.T) {
	srv, dir := ownServer(t)
	ctx, _ := newTab(t)
	open(t, ctx, srv.origin, "/check")
	waitForWorker(t, ctx)
	if n := eval[int](t, ctx, `document.querySelectorAll(".update").length`); n != 0 {
		t.Fatal("update offered before any new version")
	}

	deployNewWorker(t, dir)

	// Browsers look for a new worker on their own schedule; ask now.
	eval[bool](t, ctx, `navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)`)
	poll[bool](t, ctx, `document.querySelector(".update button") !== null`, 30*time.Second)
	said := eval[string](t, ctx, `document.querySelector(".update").textContent`)
	if !strings.Contains(said, "Reload to update") {
		t.Errorf("update banner says %q", said)
	}
	eval[bool](t, ctx, `window.oldPage = true`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".update button"))); err != nil {
		t.Fatal(err)
	}
	waitReloaded(t, ctx)
	deadline := time.Now().Add(20 * time.Second)
	for !eval[bool](t, ctx, `caches.keys().then(keys => keys.some(k => k.startsWith("app-next-")))`) {
		if time.Now().After(deadline) {
			t.Fatal("the new version's cache never appeared")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitReloaded waits until the page marked window.oldPage has been replaced
// by a live one. While the page reloads, its JavaScript context goes away
// under an evaluation; that error only means "not yet".
func waitReloaded(t *testing.T, ctx context.Context) {
	t.Helper()
	const reloaded = `window.oldPage === undefined && document.querySelector('form.task[aria-busy="false"]') !== null`
	deadline := time.Now().Add(45 * time.Second)
	for {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](reloaded))
		if err == nil && done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page did not reload and become live: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// deployNewWorker stands for a new deployment: the service worker script
// changes (and with it the cache it fills).
func deployNewWorker(t *testing.T, dir string) {
	t.Helper()
	worker := filepath.Join(dir, "app-worker.js")
	b, err := os.ReadFile(worker)
	if err != nil {
		t.Fatal(err)
	}
	b = []byte(strings.Replace(string(b), `const cacheName = "app-"`, `const cacheName = "app-next-"`, 1))
	if err := os.WriteFile(worker, b, 0o644); err != nil {
		t.Fatal(err)
	}
	// HTTP dates have whole seconds: a file rewritten in the second it was
	// first served would look unmodified to the browser's update check.
	later := time.Now().Add(2 * time.Second)
	if err := os.Chtimes(worker, later, later); err != nil {
		t.Fatal(err)
	}
	os.Remove(worker + ".br")
	os.Remove(worker + ".gz")
}

// TestUpdateFoundOnNextVisitIsOffered: opening the page after a deployment
// makes the browser fetch the new worker at once; the page, still served by
// the old version, offers the reload.
func TestUpdateFoundOnNextVisitIsOffered(t *testing.T) {
	srv, dir := ownServer(t)
	ctx, _ := newTab(t)
	open(t, ctx, srv.origin, "/check")
	waitForWorker(t, ctx)
	deployNewWorker(t, dir)
	open(t, ctx, srv.origin, "/batch")
	poll[bool](t, ctx, `document.querySelector(".update button") !== null`, 30*time.Second)
	if !eval[bool](t, ctx, `caches.keys().then(keys => keys.some(k => k.startsWith("app-next-")))`) {
		t.Error("the update is offered but the new version's cache is missing")
	}
}
