package app

import (
	"strconv"
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The few browser APIs the page calls directly. Each takes a callback run
// on the UI goroutine with the outcome, so that the page can say what
// happened.

// copyText writes text to the clipboard and says in *status, which the page
// shows in a live region for five seconds, that what was copied, or how to
// copy it by hand.
func copyText(ctx goapp.Context, text, what string, status *string) {
	done := func(ctx goapp.Context, ok bool) {
		*status = "Could not copy: select " + what + " and copy it by hand."
		if ok {
			*status = "Copied " + what + "."
		}
		ctx.After(5*time.Second, func(ctx goapp.Context) { *status = "" })
	}
	clip := goapp.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		done(ctx, false)
		return
	}
	settle(ctx, clip.Call("writeText", text), func(ctx goapp.Context, _ goapp.Value, ok bool) { done(ctx, ok) })
}

// canShare reports whether the browser has the Web Share API.
func canShare() bool {
	return goapp.IsClient && goapp.Window().Get("navigator").Get("share").Truthy()
}

// share opens the system share sheet.
func share(ctx goapp.Context, title, text, link string, done func(ctx goapp.Context, ok bool)) {
	data := map[string]any{"title": title, "text": text, "url": link}
	settle(ctx, goapp.Window().Get("navigator").Call("share", data), func(ctx goapp.Context, _ goapp.Value, ok bool) { done(ctx, ok) })
}

// settle calls done on the UI goroutine once promise settles, with the
// value it resolved to and whether it resolved.
func settle(ctx goapp.Context, promise goapp.Value, done func(ctx goapp.Context, value goapp.Value, ok bool)) {
	var resolved, rejected goapp.Func
	finish := func(args []goapp.Value, ok bool) {
		resolved.Release()
		rejected.Release()
		value := goapp.Undefined()
		if len(args) > 0 {
			value = args[0]
		}
		ctx.Dispatch(func(ctx goapp.Context) { done(ctx, value, ok) })
	}
	resolved = goapp.FuncOf(func(_ goapp.Value, args []goapp.Value) any { finish(args, true); return nil })
	rejected = goapp.FuncOf(func(_ goapp.Value, args []goapp.Value) any { finish(args, false); return nil })
	promise.Call("then", resolved, rejected)
}

// download saves content as a file named name, through a temporary blob:
// link (nothing is fetched).
func download(name, mimeType, content string) {
	blob := goapp.Window().Get("Blob").New([]any{content}, map[string]any{"type": mimeType})
	downloadBlob(name, blob)
}

func downloadBlob(name string, blob goapp.Value) {
	urlAPI := goapp.Window().Get("URL")
	href := urlAPI.Call("createObjectURL", blob)
	doc := goapp.Window().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// Revoke later: some browsers start the download after click returns.
	revoke := urlAPI.Get("revokeObjectURL").Call("bind", urlAPI, href)
	goapp.Window().Call("setTimeout", revoke, 10000)
}

// downloadSVGAsPNG draws an SVG document onto a px×px canvas and saves the
// canvas as a PNG file. The browser does the PNG encoding, so the .wasm
// carries no image codec.
func downloadSVGAsPNG(name, svg string, px int) {
	win := goapp.Window()
	blob := win.Get("Blob").New([]any{svg}, map[string]any{"type": "image/svg+xml"})
	src := win.Get("URL").Call("createObjectURL", blob)
	img := win.Get("Image").New()
	var onload, onblob goapp.Func
	onload = goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		onload.Release()
		canvas := win.Get("document").Call("createElement", "canvas")
		canvas.Set("width", px)
		canvas.Set("height", px)
		ctx2d := canvas.Call("getContext", "2d")
		ctx2d.Set("imageSmoothingEnabled", false)
		ctx2d.Call("drawImage", img, 0, 0, px, px)
		win.Get("URL").Call("revokeObjectURL", src)
		onblob = goapp.FuncOf(func(_ goapp.Value, args []goapp.Value) any {
			onblob.Release()
			if len(args) > 0 && args[0].Truthy() {
				downloadBlob(name, args[0])
			}
			return nil
		})
		canvas.Call("toBlob", onblob, "image/png")
		return nil
	})
	img.Set("onload", onload)
	img.Set("src", src)
}

// readFile reads a File (from a file input or a drop) as text, and calls
// done with it, or with a sentence that says why there is none. Without a
// file it does nothing. A file over limit bytes is not read at all: the
// browser would first hold the whole of it in memory.
func readFile(ctx goapp.Context, file goapp.Value, limit int, done func(ctx goapp.Context, text, problem string)) {
	if !file.Truthy() {
		return
	}
	name := file.Get("name").String()
	if file.Get("size").Int() > limit {
		done(ctx, "", name+" is larger than "+strconv.Itoa(limit>>20)+" MB, more than this page reads.")
		return
	}
	settle(ctx, file.Call("text"), func(ctx goapp.Context, text goapp.Value, ok bool) {
		if !ok {
			done(ctx, "", "Could not read "+name+".")
			return
		}
		done(ctx, text.String(), "")
	})
}
