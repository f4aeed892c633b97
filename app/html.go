package app

import goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

// The page builds every element with go-app's generic Elem rather than its
// typed constructors (goapp.Div, goapp.Input, …): each typed element drags
// its whole method table into the .wasm, about 1.4 KB of brotli apiece,
// 57 KB for the 42 elements the page used. Attributes are set by name.

// el returns an element with the tag.
func el(tag string) goapp.HTMLElem { return goapp.Elem(tag) }

// void returns an element that has no content or closing tag (input, img).
func void(tag string) goapp.HTMLElemSelfClosing { return goapp.ElemSelfClosing(tag) }
