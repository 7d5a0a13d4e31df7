#!/bin/sh
# suite-markdown.sh -- the markdown comparison page renders (cmark) into the sections it
# promises: a title, a summary, a section per code, the key differences, when to use which.
B=${1:-build}
bin=$B/smtpcode
if ! command -v cmark >/dev/null 2>&1; then
	# in CI a missing test tool is a failure; a plain make check may skip the suite
	if [ -n "${CI:-}" ]; then echo "FAIL markdown: cmark is not installed (make deps-ci installs it)"
	else echo "SKIP: markdown: cmark is not installed (make deps-ci installs it)"; fi
	exit 0
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

for pair in "235 535" "550 5.7.1" "4.2.2 5.2.2" "421 450" "571 550" "550 550"; do
	set -- $pair
	name="$1-vs-$2"
	"$bin" --format=markdown "$1" "$2" >"$tmp/page.md" && cmark "$tmp/page.md" >"$tmp/page.html"
	html=$tmp/page.html
	ok=1
	grep -q "^<h1>SMTP $1 vs $2</h1>$" "$html" || { echo "no title"; ok=0; }
	[ "$(grep -c '^<h2>' "$html")" -ge 3 ] || { echo "fewer than 3 sections"; ok=0; }
	grep -q '^<h2>Key differences</h2>$' "$html" || { echo "no key differences"; ok=0; }
	grep -q '^<h2>When to use which</h2>$' "$html" || { echo "no when to use which"; ok=0; }
	[ "$(grep -c '^<li>' "$html")" -ge 6 ] || { echo "too few list items"; ok=0; }
	# text such as <a@example.com> or <CRLF> must be escaped, never become raw HTML
	if grep -v '^</\?[a-z0-9]*>' "$html" | sed 's/<\/\?\(h[1-6]\|p\|ul\|ol\|li\|strong\|em\|code\)>//g' | grep -q '<'; then
		echo "unescaped markup"; ok=0
	fi
	if [ "$ok" -eq 1 ]; then echo "PASS markdown $name"; else echo "FAIL markdown $name"; fi
done
