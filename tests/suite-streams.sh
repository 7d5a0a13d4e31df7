#!/bin/sh
# suite-streams.sh -- how the command meets its output streams: a closed pipe ends it quietly,
# a full disk is an error with a message and exit status 3.
B=${1:-build}
bin=$B/smtpcode
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# head -c1 closes the pipe early: no message may appear
( "$bin" --list | head -c1 >/dev/null ) 2>"$tmp/err"
if [ ! -s "$tmp/err" ]; then echo "PASS streams closed-pipe-is-quiet"; else
	echo "FAIL streams closed-pipe-is-quiet"; cat "$tmp/err"; fi

if [ -w /dev/full ]; then
	"$bin" 535 >/dev/full 2>"$tmp/err"
	status=$?
	if [ "$status" -eq 3 ] && [ "$(cat "$tmp/err")" = "smtpcode: cannot write the output" ]; then
		echo "PASS streams full-disk"
	else
		echo "FAIL streams full-disk: status $status"; cat "$tmp/err"
	fi
fi

# nothing read from standard input for a code lookup (a closed stdin is fine)
if "$bin" 535 <&- >/dev/null 2>&1; then echo "PASS streams closed-stdin"; else
	echo "FAIL streams closed-stdin"; fi
