#!/bin/sh
# suite-docs.sh -- the man page is lint-clean and documents every option --help lists; the
# bash completion completes options and codes.
B=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
man=$top/man/smtpcode.1

if command -v mandoc >/dev/null 2>&1; then
	if out=$(mandoc -Tlint -Wwarning "$man" 2>&1) && [ -z "$out" ]; then
		echo "PASS docs man-lint"
	else
		echo "FAIL docs man-lint"; printf '%s\n' "$out"
	fi
elif command -v groff >/dev/null 2>&1; then
	if out=$(groff -ww -mdoc -z "$man" 2>&1) && [ -z "$out" ]; then
		echo "PASS docs man-lint"
	else
		echo "FAIL docs man-lint"; printf '%s\n' "$out"
	fi
elif [ -n "${CI:-}" ]; then
	echo "FAIL docs man-lint: neither mandoc nor groff is installed (make deps-ci)"
else
	echo "SKIP: docs: neither mandoc nor groff is installed (make deps-ci installs mandoc)"
fi

# every long option of --help appears in the man page, and the reverse
missing=""
for opt in $("$B/smtpcode" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	name=${opt#--}
	grep -q -- "Fl \\\\-$name" "$man" || missing="$missing $opt"
done
for name in $(grep -o 'Fl \\-[a-z][a-z-]*' "$man" | sed 's/.*-\([a-z]\)/\1/' | sort -u); do
	"$B/smtpcode" --help | grep -q -- "--$name" || missing="$missing (man only) --$name"
done
if [ -z "$missing" ]; then echo "PASS docs help-matches-man"; else echo "FAIL docs help-matches-man:$missing"; fi

if command -v bash >/dev/null 2>&1; then
	got=$(PATH="$B:$PATH" bash -c '
		. "$1/completion/smtpcode.bash"
		COMP_WORDS=(smtpcode 53); COMP_CWORD=1; _smtpcode; printf "%s " "${COMPREPLY[@]}"; echo
		COMP_WORDS=(smtpcode --li); COMP_CWORD=1; _smtpcode; printf "%s " "${COMPREPLY[@]}"; echo
		COMP_WORDS=(smtpcode --list 4); COMP_CWORD=2; _smtpcode; printf "%s " "${COMPREPLY[@]}"; echo
		COMP_WORDS=(smtpcode --format=m); COMP_CWORD=1; _smtpcode; printf "%s " "${COMPREPLY[@]}"
	' _ "$top")
	want="530 533 534 535 538 
--list 
4xx 
--format=markdown "
	if [ "$got" = "$want" ]; then echo "PASS docs bash-completion"; else
		echo "FAIL docs bash-completion: got:"; printf '%s\n' "$got"; fi
else
	echo "FAIL docs bash-completion: bash is not installed"
fi
