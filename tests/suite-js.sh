#!/bin/sh
# suite-js.sh -- the npm package (bindings/js) over the WebAssembly build (make wasm, which
# make check runs first when emcc is here): its tests with Node's own runner, against this
# build's command as the oracle of the JSON contract, including nodemailer sending to a
# scripted server on 127.0.0.1 and `npm pack` installed into an empty directory. Each test is
# one PASS or FAIL line.
# usage: sh tests/suite-js.sh BUILD_DIR
B=${1:-build}
here=$(dirname "$0")
js=$(cd "$here/../bindings/js" && pwd)
build=$(cd "$B" && pwd)

missing() { # missing WHAT: FAIL in CI, SKIP elsewhere
	if [ -n "${CI:-}" ]; then echo "FAIL js: $1 (make deps-ci)"
	else echo "SKIP: js: $1 (make deps-ci installs it)"; fi
	exit 0
}
if [ -n "${SANITIZE:-}" ]; then
	echo "SKIP: js: the WebAssembly module has no sanitizer build (plain make check runs this suite)"
	exit 0
fi
command -v node >/dev/null 2>&1 || missing "node is not installed"
command -v npm >/dev/null 2>&1 || missing "npm is not installed"
command -v emcc >/dev/null 2>&1 || missing "emcc (emscripten) is not installed"
[ -f "$js/dist/smtpcode.js" ] || missing "bindings/js/dist/smtpcode.js is not built (make wasm)"
[ -d "$js/node_modules/nodemailer" ] && [ -d "$js/node_modules/typescript" ] ||
	missing "bindings/js/node_modules lacks the devDependencies (npm ci in bindings/js)"
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

(cd "$js" && SMTPCODE_CLI="$build/smtpcode" timeout 600 node --test --test-reporter=tap \
	test/*.test.js test/*.test.mjs) >"$tmp/tap" 2>&1
rc=$?
sed -n -e 's/^ *ok [0-9]* - /PASS js /p' -e 's/^ *not ok [0-9]* - /FAIL js /p' "$tmp/tap" |
	sed 's/ # .*//' >"$tmp/lines"
cat "$tmp/lines"
if grep -q '^FAIL ' "$tmp/lines" || [ "$rc" -ne 0 ]; then
	grep -q '^FAIL ' "$tmp/lines" || echo "FAIL js node --test: exit status $rc"
	grep -B2 -A30 '^ *not ok' "$tmp/tap" | head -n 200
fi
[ -s "$tmp/lines" ] || { echo "FAIL js node --test: no test ran"; tail -n 30 "$tmp/tap"; }
