// Package site turns the page into the static site that is AccessLink's
// product, and serves it for development: the generator (Generate), the dev
// server (Server), the one table of response headers that both the dev
// server and netlify.toml use (headers.go), the icons drawn in Go, and the
// service worker. It runs natively only; nothing here reaches the .wasm.
package site
