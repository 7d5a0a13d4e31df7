#!/bin/sh
# suite-generator.sh -- every broken data file under tests/generator/ must be rejected with the
# exact messages in its .expected file (FILE:LINE: what is wrong) and exit status 1; every
# good-*.codes file must be accepted and produce both outputs.
B=${1:-build}
B=$(cd "$B" && pwd) || exit 2
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
dir=tests/generator  # relative, as the messages name it
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/out" || exit 2

for f in "$dir"/*.codes; do
	name=$(basename "$f" .codes)
	case $name in
	good-*)
		# accepted, and both outputs are valid input for gperf and the C compiler
		if "$B/gencodes" -o "$tmp/out" "$f" 2>"$tmp/err" &&
		   [ ! -s "$tmp/err" ] && ${GPERF:-gperf} "$tmp/out/codes.gperf" >"$tmp/hash.c" &&
		   printf '#include "smtpcode.h"\n#include "%s"\n' "$tmp/out/codes-table.inc" |
		   ${CC:-cc} -std=c11 -Wall -Werror -Wno-unused-variable -I"$top/include" \
			-fsyntax-only -x c - 2>>"$tmp/err"; then
			echo "PASS generator $name"
		else
			echo "FAIL generator $name: rejected a good file"
			cat "$tmp/err"
		fi
		rm -f "$tmp"/out/*
		continue
		;;
	esac
	"$B/gencodes" -o "$tmp/out" "$f" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ne 1 ]; then
		echo "FAIL generator $name: exit status $rc, want 1"
	elif [ -n "$(ls "$tmp/out")" ]; then
		echo "FAIL generator $name: wrote output although the data is bad"
	elif ! diff -u "$dir/$name.expected" "$tmp/err"; then
		echo "FAIL generator $name: messages differ (diff above)"
	else
		echo "PASS generator $name"
	fi
	rm -f "$tmp"/out/*
done

# A failed write leaves the old outputs as they were and no temporary file: the second
# output's .tmp path is a directory, so that write fails after the first .tmp was written.
good=$dir/good-continuations.codes
"$B/gencodes" -o "$tmp/out" "$good" 2>"$tmp/err" && cp -p "$tmp"/out/* "$tmp/" &&
	mkdir "$tmp/out/codes-table.inc.tmp" &&
	awk '{ print } /^code: 535$/ { on = 1; $0 = "code: 536" } on { more = more $0 "\n" }
	     on && /^$/ { on = 0 } END { printf "\n%s", more }' "$good" >"$tmp/changed.codes"
"$B/gencodes" -o "$tmp/out" "$tmp/changed.codes" 2>"$tmp/err"
rc=$?
left=$(cd "$tmp/out" && ls | grep -v '^codes-table\.inc\.tmp$' | grep '\.tmp$')
changed=
for f in "$tmp"/out/*.inc "$tmp"/out/*.gperf; do
	cmp -s "$f" "$tmp/$(basename "$f")" || changed="$changed $(basename "$f")"
done
if [ "$rc" -ne 1 ] || ! grep -q 'cannot write .*codes-table\.inc\.tmp' "$tmp/err"; then
	echo "FAIL generator failed-second-write: exit status $rc, messages:"; cat "$tmp/err"
elif [ -n "$left$changed" ]; then
	echo "FAIL generator failed-second-write: left $left, changed$changed"
else
	echo "PASS generator failed-second-write"
fi
