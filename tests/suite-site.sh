#!/bin/sh
# suite-site.sh -- the reference site (make site, in $B/site/) in headless Chromium from
# file:// ($CHROMIUM, as the Makefile sets it): the explain page, given a reply in its URL
# fragment (#reply=..., a reply that no generated file holds), shows the library's codes and
# message for it, as `smtpcode --json --explain` gives them; every page has its language,
# headings in order, labelled inputs and no outside resource; every internal link resolves;
# tidy finds no error or warning in any page; and screenshots of the index, a code page, a
# pair page and the explain page, kept in $B/site-check/ for a person to look at, are 5 KB or
# more in at least three colours. Without the site (no emcc) or a tool the suite SKIPs; in CI
# it FAILs.
B=${1:-build}
site=$B/site
shots=$B/site-check
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
CHROMIUM=${CHROMIUM:-chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=\$(mktemp -d)}
PY=/usr/bin/python3

missing() { # missing WHAT: FAIL in CI, SKIP elsewhere
	if [ -n "${CI:-}" ]; then echo "FAIL site: $1"
	else echo "SKIP: site: $1"; fi
}

if [ -n "${SANITIZE:-}" ]; then
	echo "SKIP: site: the WebAssembly module the site holds has no sanitizer build (plain make check runs this suite)"
	exit 0
fi
if [ ! -f "$site/index.html" ] || [ ! -f "$site/explain.html" ]; then
	missing "no site in $site (make site needs emcc: make deps-ci installs it)"
	exit 0
fi
site=$(cd "$site" && pwd) # the browser is given file:// URLs
mkdir -p "$shots" && shots=$(cd "$shots" && pwd)

# the pages: language, headings, outside resources, labels, links
"$PY" "$top/tests/site_check.py" pages "$site"

# tidy on every page (there are some hundreds; tidy takes a few seconds for all)
if ! command -v tidy >/dev/null 2>&1; then
	missing "tidy is not installed (make deps-ci installs it)"
else
	n=0 bad=0 first=""
	for f in "$site"/*.html; do
		n=$((n + 1))
		tidy -q -e "$f" >"$tmp/tidy" 2>&1
		rc=$?
		if [ "$rc" -ne 0 ] || [ -s "$tmp/tidy" ]; then
			bad=$((bad + 1))
			[ -n "$first" ] || first="$(basename "$f"): $(head -2 "$tmp/tidy" | tr '\n' ' ')"
		fi
	done
	if [ "$bad" -eq 0 ]; then echo "PASS site tidy ($n pages)"
	else echo "FAIL site tidy: $bad of $n pages, first $first"; fi
fi

first=$(printf '%s' "$CHROMIUM" | cut -d' ' -f1)
if ! command -v "$first" >/dev/null 2>&1; then
	missing "$first (Chromium) is not installed (make deps-ci installs it)"
	exit 0
fi

# browse URL OPTIONS...: runs the browser on a page of the site, its output in $tmp/out
browse() {
	url=$1
	shift
	(cd "$tmp" && TMPDIR=$tmp eval "timeout 60 $CHROMIUM $* '$url'" >"$tmp/out" 2>"$tmp/chromium.log")
}

# the explain page: a reply given in the fragment, one that no page holds (its host is made
# up for this run), explained in the page by the WebAssembly build as the command explains it
host="mx$$.site-check.example"
# (and a bidi override and an escape sequence the page must show as <U+XXXX>, not obey)
reply="550-5.7.26 Unauthenticated email from $host is not accepted due to domain's DMARC policy. Please contact the administrator of $host domain - gsmtp $(printf '\342\200\256')evil$(printf '\033')[2J"
if grep -rqF "$host" "$site"; then
	echo "FAIL site explain-fragment: the reply is in a generated file"
else
	encoded=$("$PY" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$reply")
	"$B/smtpcode" --json --explain "$reply" >"$tmp/explain.json"
	browse "file://$site/explain.html#reply=$encoded" --dump-dom --virtual-time-budget=5000
	if [ -s "$tmp/out" ]; then
		"$PY" "$top/tests/site_check.py" dom "$tmp/out" "$tmp/explain.json"
	else
		echo "FAIL site explain-fragment: no DOM from the browser"
		tail -3 "$tmp/chromium.log"
	fi
fi

# screenshots, kept for a person to look at
for page in index.html code-535.html pair-530_535.html "explain.html#reply=421%204.7.0%20%5BTSS04%5D%20Messages%20from%20192.0.2.1%20temporarily%20deferred"; do
	name=${page%%.html*}
	rm -f "$shots/$name.png"
	browse "file://$site/$page" --screenshot="$shots/$name.png" \
		--window-size=1200,1600 --virtual-time-budget=5000
	size=$(wc -c <"$shots/$name.png" 2>/dev/null || echo 0)
	colours=$("$PY" "$top/tests/png_colours.py" "$shots/$name.png" 2>/dev/null || echo 0)
	if [ "$size" -ge 5120 ] && [ "$colours" -ge 3 ]; then
		echo "PASS site screenshot-$name ($size bytes, $colours colours, $shots/$name.png)"
	else
		echo "FAIL site screenshot-$name: $size bytes, $colours colours"
		tail -3 "$tmp/chromium.log"
	fi
done
