package e2e

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// samplePages are the routes with state in their fragment, so that the
// audit and the screenshots see answers, not only empty forms.
func samplePages(t *testing.T) []struct{ name, path string } {
	pkg, err := os.ReadFile("../linkcore/readiness/testdata/e2e-package.json")
	if err != nil {
		t.Fatal(err)
	}
	build := url.Values{"hint": {"contoso.onmicrosoft.com"}, "id": {"114d3459-3459-114d-5934-4d1159344d11"}}
	check := url.Values{"link": {"Please request access: https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/114d3459-3459-114d-5934-4d1159344d11 " +
		"and not https://myaccess.microsoft.com.evil.example/@contoso.onmicrosoft.com"}}
	batch := url.Values{"lines": {strings.TrimSpace(batchLines(12))}}
	ready := url.Values{"package": {string(pkg)}, "who": {"external"}, "from": {"litware.com"}}
	return []struct{ name, path string }{
		{"build", "/#" + build.Encode()},
		{"check", "/check#" + check.Encode()},
		{"batch", "/batch#" + batch.Encode()},
		{"ready", "/ready#" + ready.Encode()},
	}
}

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

func TestAccessibility(t *testing.T) {
	axe, err := os.ReadFile(filepath.Join("node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if browserCtx == nil {
			t.Skip("ACCESSLINK_DIST not set")
		}
		t.Fatalf("axe-core is not installed (./build.sh test installs it): %v", err)
	}
	ctx, _ := newTab(t)
	for _, scheme := range []string{"light", "dark"} {
		setColorScheme(t, ctx, scheme)
		for _, p := range samplePages(t) {
			open(t, ctx, origin, p.path)
			waitSettled(t, ctx)
			// DevTools evaluation is not subject to the page's CSP.
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(axe)+";true")); err != nil {
				t.Fatal(err)
			}
			raw := eval[string](t, ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}).then(r => JSON.stringify(r.violations))`)
			var violations []axeViolation
			if err := json.Unmarshal([]byte(raw), &violations); err != nil {
				t.Fatal(err)
			}
			for _, v := range violations {
				var where []string
				for _, n := range v.Nodes {
					where = append(where, n.HTML)
				}
				t.Errorf("%s (%s): %s: %s\n\t%s", p.name, scheme, v.ID, v.Help, strings.Join(where, "\n\t"))
			}
		}
	}
}

func setColorScheme(t *testing.T, ctx context.Context, scheme string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		t.Fatal(err)
	}
}

// waitSettled waits until the page's answers are rendered.
func waitSettled(t *testing.T, ctx context.Context) {
	t.Helper()
	poll[bool](t, ctx, `(() => {
		const a = document.querySelector(".answer"), b = document.querySelector(".batch-results");
		return (!a || a.getAttribute("aria-busy") !== "true") && (!b || b.dataset.state !== "running");
	})()`, 20*time.Second)
	time.Sleep(100 * time.Millisecond)
}

// TestScreenshots saves each route at a phone's and a laptop's width for
// the README, and checks that nothing overflows sideways at 320 px.
func TestScreenshots(t *testing.T) {
	ctx, _ := newTab(t)
	out := filepath.Join("..", "docs", "screenshots")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	setColorScheme(t, ctx, "light")
	for _, width := range []int64{320, 375, 1280} {
		height := int64(900)
		if width < 1000 {
			height = 812
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
			t.Fatal(err)
		}
		for _, p := range samplePages(t) {
			open(t, ctx, origin, p.path)
			waitSettled(t, ctx)
			if over := eval[int](t, ctx, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
				t.Errorf("%s at %d px: %d px wider than the screen", p.name, width, over)
			}
			if width == 320 {
				continue
			}
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(out, p.name+"-"+strconv.FormatInt(width, 10)+".png")
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
