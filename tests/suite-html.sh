#!/bin/sh
# suite-html.sh -- --format=html gives one self-contained page for every command: tidy finds
# no error or warning in it, it holds no script and says its language, its headings go down
# one level at a time, hostile server text comes out as text; the comparison page has its
# <h1>, a section for each code and the list of differences; and headless Chromium
# ($CHROMIUM, as the Makefile sets it) renders it to a screenshot of 5 KB or more in at least
# three colours. In CI a missing tidy or Chromium is a failure.
B=${1:-build}
bin=$B/smtpcode
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
CHROMIUM=${CHROMIUM:-chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=\$(mktemp -d)}

missing() { # missing TOOL: FAIL in CI, SKIP elsewhere
	if [ -n "${CI:-}" ]; then echo "FAIL html: $1 is not installed (make deps-ci installs it)"
	else echo "SKIP: html: $1 is not installed (make deps-ci installs it)"; fi
}

# page NAME ARGS...: the page of the command, checked by tidy and for what every page needs
page() {
	name=$1
	shift
	"$bin" --format=html "$@" >"$tmp/$name.html" 2>"$tmp/$name.err"
	ok=1 why=""
	if command -v tidy >/dev/null 2>&1; then
		tidy -q -e "$tmp/$name.html" >"$tmp/$name.tidy" 2>&1
		rc=$?
		if [ "$rc" -ne 0 ] || [ -s "$tmp/$name.tidy" ]; then
			ok=0 why="tidy (exit $rc): $(head -3 "$tmp/$name.tidy")"
		fi
	fi
	grep -q '^<html lang="en">$' "$tmp/$name.html" || { ok=0 why="$why no lang"; }
	grep -qi '<script' "$tmp/$name.html" && { ok=0 why="$why a script"; }
	grep -qi '<link\|src=' "$tmp/$name.html" && { ok=0 why="$why an outside resource"; }
	# heading levels: the first is 1, and none is more than one below the one before
	levels=$(grep -o '<h[1-6]' "$tmp/$name.html" | cut -c3 | tr '\n' ' ')
	prev=0
	for l in $levels; do
		[ "$l" -gt $((prev + 1)) ] && { ok=0 why="$why heading h$l after h$prev"; }
		prev=$l
	done
	case $levels in 1*) ;; *) ok=0 why="$why no h1 first ($levels)" ;; esac
	if [ "$ok" -eq 1 ]; then echo "PASS html $name"; else echo "FAIL html $name:$why"; fi
}

if ! command -v tidy >/dev/null 2>&1; then missing tidy; fi
page card 535
page card-enhanced 5.7.8
page unregistered 5.7.708
page several 421 450 550
page compare 235 535
page compare-basic-enhanced 554 5.7.1
page list --list 5.7
page search --search auth
page explain --explain 'host mx.example.net[192.0.2.1] said: 550 5.1.1 <a@example.org>: User unknown (in reply to RCPT TO command)'
page replies '550 5.7.1 Relay access denied' '554 5.7.1 Service unavailable'
page marker TSS04
page providers --list providers
page provider --list yahoo
page compare-same 550 550
page compare-x-form X.7.8 535
page short-form 5.7
page explain-provider --explain '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred - 4.16.55.1'
page explain-postfix --explain 'postfix/smtp[4242]: 3F2A1: to=<a@example.org>, relay=mx.example.net[192.0.2.1]:25, delay=1, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.1] said: 550 5.1.1 <a@example.org>: User unknown (in reply to RCPT TO command))'
page explain-warning --explain '451 4.1.3 Bad address syntax'
page explain-status --explain 'Status: 5.2.2'
page replies-note --explain '421 4.7.0 Try again later' --explain '450 4.2.0 Greylisted'
page replies-providers --explain '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent. - gsmtp' --explain '550 5.7.1 part of their network is on our block list (S3140)'

# the comparison page: its title, a section for each code, the differences
f=$tmp/compare.html
if grep -q '<h1>SMTP <span class="badge c2">235</span> vs <span class="badge c5">535</span></h1>' "$f" &&
   grep -q '<section class="card" id="code-235">' "$f" &&
   grep -q '<section class="card" id="code-535">' "$f" &&
   grep -q '<ol class="differences">' "$f" &&
   [ "$(sed -n '/<ol class="differences">/,/<\/ol>/p' "$f" | grep -c '^<li>')" -ge 3 ] &&
   grep -q '<p class="lead">235 means the AUTH exchange succeeded' "$f"; then
	echo "PASS html compare-page"
else
	echo "FAIL html compare-page: title, sections or differences missing"
fi

# server text is text: markup and controls in a reply do not become elements
printf '550 5.7.1 <script>alert(1)</script> & \033[31mred\033[0m \342\200\256' >"$tmp/hostile.txt"
"$bin" --format=html --explain - <"$tmp/hostile.txt" >"$tmp/hostile.html"
if ! grep -qi '<script' "$tmp/hostile.html" &&
   grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;U+001B&gt;\[31mred' "$tmp/hostile.html" &&
   grep -q '&lt;U+202E&gt;' "$tmp/hostile.html" &&
   ! grep -q "$(printf '\033')" "$tmp/hostile.html"; then
	echo "PASS html hostile-text"
else
	echo "FAIL html hostile-text"
fi

# rendered by a browser: a screenshot of some size and in colour
first=$(printf '%s' "$CHROMIUM" | cut -d' ' -f1)
if ! command -v "$first" >/dev/null 2>&1; then
	missing "$first (Chromium)"
else
	(cd "$tmp" && TMPDIR=$tmp eval "timeout 120 $CHROMIUM --window-size=1024,1400 \
		--screenshot=$tmp/shot.png file://$tmp/compare.html" >"$tmp/chromium.log" 2>&1)
	size=$(wc -c <"$tmp/shot.png" 2>/dev/null || echo 0)
	colours=$(/usr/bin/python3 "$top/tests/png_colours.py" "$tmp/shot.png" 2>/dev/null || echo 0)
	if [ "$size" -ge 5120 ] && [ "$colours" -ge 3 ]; then
		echo "PASS html screenshot ($size bytes, $colours colours)"
	else
		echo "FAIL html screenshot: $size bytes, $colours colours"
		tail -5 "$tmp/chromium.log"
	fi
fi
