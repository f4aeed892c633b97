// Package e2e tests the generated site (dist/) end to end: served by the
// dev server exactly as `./build.sh run` serves it, driven in headless
// Chromium through the DevTools protocol.
//
// The tests need the site: ./build.sh test builds it and sets
// ACCESSLINK_DIST. Without it they are skipped.
package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

const genuine = "https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11"

var (
	serverBin  string // the accesslink binary, built once
	browserCtx context.Context
	origin     string // the shared server's http://127.0.0.1:port
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dist := os.Getenv("ACCESSLINK_DIST")
	if dist == "" {
		fmt.Println("e2e: ACCESSLINK_DIST is not set; run ./build.sh test to build the site and run these tests")
		return m.Run() // every test skips
	}
	tmp, err := os.MkdirTemp("", "accesslink-e2e")
	if err != nil {
		fmt.Println(err)
		return 1
	}
	defer os.RemoveAll(tmp)
	serverBin = filepath.Join(tmp, "accesslink")
	build := exec.Command("go", "build", "-o", serverBin, "..")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Println("building the server:", err)
		return 1
	}
	srv, err := startServer(dist)
	if err != nil {
		fmt.Println(err)
		return 1
	}
	defer srv.stop()
	origin = srv.origin

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), browserOptions(tmp)...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		fmt.Println("starting Chromium:", err)
		return 1
	}
	browserCtx = ctx
	return m.Run()
}

// browserOptions runs Debian's Chromium headless, as root, with a fresh
// profile and no background traffic of its own.
func browserOptions(tmp string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(filepath.Join(tmp, "profile")),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1280, 900),
	)
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// A server is the dev server serving dist/ on a free loopback port.
type server struct {
	cmd    *exec.Cmd
	origin string
}

func startServer(dist string) (*server, error) {
	cmd := exec.Command(serverBin, "serve", "-dist", dist, "-addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		return nil, fmt.Errorf("dev server: %v", err)
	}
	// "serving dist on http://127.0.0.1:port/"
	i := strings.Index(line, "http://")
	if i < 0 {
		cmd.Process.Kill()
		return nil, errors.New("dev server said: " + line)
	}
	return &server{cmd: cmd, origin: strings.TrimSuffix(strings.TrimSpace(line[i:]), "/")}, nil
}

func (s *server) stop() {
	s.cmd.Process.Kill()
	s.cmd.Wait()
}

// newTab opens a tab in a fresh browser context (its own cache, storage
// and service workers), with its console and network recorded.
func newTab(t *testing.T) (context.Context, *recorder) {
	t.Helper()
	if browserCtx == nil {
		t.Skip("ACCESSLINK_DIST not set")
	}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelTimeout)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	rec.start(ctx)
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	return ctx, rec
}

// A recorder keeps what a tab said on its console and what it requested.
type recorder struct {
	mu       sync.Mutex
	console  []string // errors and warnings, exceptions, CSP reports
	requests []string // every URL requested
}

func (r *recorder) start(ctx context.Context) {
	messages := chromedp.Console(ctx)
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if typ := string(m.Type); typ == "error" || typ == "warning" || typ == "exception" || typ == "assert" {
				r.mu.Lock()
				r.console = append(r.console, typ+": "+m.Text)
				r.mu.Unlock()
			}
		}
	}()
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			r.mu.Lock()
			r.requests = append(r.requests, ev.Request.URL)
			r.mu.Unlock()
		}
	}()
}

func (r *recorder) consoleMessages() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.console...)
}

func (r *recorder) requested() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...)
}

// open loads a route and waits until the app is live (the controls are
// enabled once the WebAssembly runs).
func open(t *testing.T, ctx context.Context, base, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+path)); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	waitLive(t, ctx)
}

func waitLive(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('form.task[aria-busy="false"]') !== null`,
		chromedp.WithPollingTimeout(45*time.Second))); err != nil {
		t.Fatalf("the page did not become live: %v", err)
	}
}

// input sets a field's value and fires the input event, as typing does.
func input(t *testing.T, ctx context.Context, selector, value string) {
	t.Helper()
	js := fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = %s; el.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`,
		selector, jsString(value))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err != nil {
		t.Fatalf("input %s: %.300v", selector, err)
	}
}

// poll waits for a JavaScript expression to be truthy and returns its value.
func poll[T any](t *testing.T, ctx context.Context, expr string, timeout time.Duration) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Poll[T](expr, chromedp.WithPollingTimeout(timeout)))
	if err != nil {
		t.Fatalf("waiting for %.300s: %v", expr, err)
	}
	return v
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%.300s: %v", expr, err)
	}
	return v
}

// jsString quotes s as a JavaScript string literal: JSON's string syntax,
// which escapes U+2028 and U+2029 too, is JavaScript's.
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// foreignRequests returns the requests that went to another origin than
// base; data: and blob: URLs never leave the browser and are not counted.
func foreignRequests(requests []string, base string) []string {
	var foreign []string
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil {
			foreign = append(foreign, r)
			continue
		}
		if u.Scheme == "data" || u.Scheme == "blob" {
			continue
		}
		if u.Scheme+"://"+u.Host != base {
			foreign = append(foreign, r)
		}
	}
	return foreign
}
