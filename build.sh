#!/usr/bin/env bash
# AccessLink build script.
#
#   ./build.sh site    build the .wasm and generate the static site into dist/
#   ./build.sh run     site, then serve dist/ on http://127.0.0.1:8000/ (development only)
#   ./build.sh test    every check: gofmt, vet, native tests, short fuzz runs,
#                      the page's tests in headless Chromium, end-to-end tests
#   ./build.sh bench   the browser benchmark (sizes, paint and load times, batch)
#
# It installs what it needs and is missing (Chromium, brotli and npm with apt-get,
# wasmbrowsertest with go install, axe-core with npm), so it runs on a clean
# machine as root.
set -euo pipefail
cd "$(dirname "$0")"

ROOT=$PWD
TOOLS=$ROOT/.tools
export PATH="$TOOLS/bin:$(go env GOROOT)/bin:$PATH"
WASMBROWSERTEST_VERSION=v0.11.0

log() { printf '==> %s\n' "$*" >&2; }

apt_install() { # command package
	command -v "$1" >/dev/null 2>&1 && return 0
	if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
		log "$1 is missing and cannot be installed here (needs root and apt-get)"
		return 1
	fi
	log "installing $2"
	if [ -z "${APT_UPDATED:-}" ]; then
		apt-get update -qq >&2
		APT_UPDATED=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
}

# chromium_wrapper puts a "headless_shell" first on PATH: chromedp-based
# tools (wasmbrowsertest) look for that name first. It adds the flags
# Chromium needs headless as root. It execs, so that the tool's kill at the
# end reaches Chromium itself rather than leaving it running; chromedp gives
# each run a fresh profile and removes it.
chromium_wrapper() {
	apt_install chromium chromium
	mkdir -p "$TOOLS/bin"
	cat >"$TOOLS/bin/headless_shell" <<'WRAP'
#!/usr/bin/env bash
exec /usr/bin/chromium --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --no-first-run --disable-quic --disable-sync \
	--disable-dev-shm-usage "$@"
WRAP
	chmod +x "$TOOLS/bin/headless_shell"
}

wasm_exec() {
	if [ ! -x "$TOOLS/bin/go_js_wasm_exec" ]; then
		log "installing wasmbrowsertest $WASMBROWSERTEST_VERSION"
		GOBIN="$TOOLS/bin" go install "github.com/agnivade/wasmbrowsertest@$WASMBROWSERTEST_VERSION"
		mv "$TOOLS/bin/wasmbrowsertest" "$TOOLS/bin/go_js_wasm_exec"
	fi
}

axe() {
	if [ ! -f e2e/node_modules/axe-core/axe.min.js ]; then
		apt_install npm npm
		log "installing axe-core"
		(cd e2e && npm ci --no-audit --no-fund --silent >&2)
	fi
}

build_wasm() {
	log "building the .wasm"
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -gcflags=all=-l -o "$TOOLS/app.wasm" .
}

compress() {
	log "pre-compressing"
	if ! apt_install brotli brotli; then
		log "no brotli: skipping .br files"
	fi
	find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' \
		-o -name '*.svg' -o -name '*.webmanifest' -o -name '*.json' \) -print0 |
		while IFS= read -r -d '' f; do
			gzip -9 -n -k -f "$f"
			if command -v brotli >/dev/null 2>&1; then brotli -q 11 -k -f "$f"; fi
		done
}

site() {
	mkdir -p "$TOOLS"
	build_wasm
	log "generating dist/"
	go run . generate -dist dist -wasm "$TOOLS/app.wasm" -web web
	compress
	log "dist/ holds $(find dist -type f | wc -l) files; app.wasm $(wc -c <"$TOOLS/app.wasm") bytes"
}

check_format() {
	log "gofmt and go vet"
	local unformatted
	unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.tools/*' -not -path '*/node_modules/*'))
	if [ -n "$unformatted" ]; then
		printf 'not gofmt-ed:\n%s\n' "$unformatted" >&2
		return 1
	fi
	go vet ./...
	GOOS=js GOARCH=wasm go vet . ./app/...
}

# Each fuzz target runs a fixed number of new inputs, not for a fixed time:
# with a duration, Go 1.26's fuzz coordinator can fail at the deadline with
# "context deadline exceeded" although nothing failed (go.dev/issue/75804,
# fixed in Go 1.27). 50,000 inputs take a few seconds per target here.
FUZZ_INPUTS=50000x

fuzz() {
	local pkg target
	for pkg in $(go list ./linkcore/...); do
		for target in $(go test -list 'Fuzz.*' "$pkg" | grep '^Fuzz' || true); do
			log "fuzzing $pkg $target with $FUZZ_INPUTS new inputs"
			go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZ_INPUTS" "$pkg"
		done
	done
}

test_all() {
	check_format
	log "native tests"
	go test ./...
	fuzz
	chromium_wrapper
	wasm_exec
	log "page tests in headless Chromium"
	GOOS=js GOARCH=wasm go test -exec="$TOOLS/bin/go_js_wasm_exec" . ./app/
	site
	axe
	log "end-to-end tests"
	ACCESSLINK_DIST="$ROOT/dist" go test -count=1 ./e2e/
}

bench() {
	chromium_wrapper
	site
	log "browser benchmark"
	ACCESSLINK_DIST="$ROOT/dist" ACCESSLINK_BENCH=1 go test -count=1 -v ./e2e/ -run "^TestBenchmark$" -timeout 20m | grep -E "^(BENCH|---|ok|FAIL|PASS|\s+bench_test)"
}

case "${1:-}" in
site) site ;;
run)
	site
	log "serving on http://127.0.0.1:8000/ (development only; Ctrl-C stops)"
	exec go run . serve -dist dist -addr 127.0.0.1:8000
	;;
test) test_all ;;
bench) bench ;;
*)
	sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
	;;
esac
