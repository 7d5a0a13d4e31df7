#!/bin/sh
# suite-cli.sh -- runs the command for every tests/cli/NAME.args (the arguments, one per line)
# with COLUMNS=80 and compares stdout with NAME.out, stderr with NAME.err and the exit status
# with NAME.status (missing .err/.status files mean empty and 0). To update an expectation,
# run the command by hand and review the diff like any other change.
B=${1:-build}
dir=$(dirname "$0")/cli
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

for f in "$dir"/*.args; do
	name=$(basename "$f" .args)
	want_status=0
	[ -f "$dir/$name.status" ] && want_status=$(cat "$dir/$name.status")
	# one argument per line; an empty line is an empty argument
	set --
	while IFS= read -r line || [ -n "$line" ]; do
		set -- "$@" "$line"
	done <"$f"
	COLUMNS=80 NO_COLOR=1 "$B/smtpcode" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
	ok=1
	if [ "$status" -ne "$want_status" ]; then
		echo "exit status $status, want $want_status"
		ok=0
	fi
	if ! diff -u "$dir/$name.out" "$tmp/out"; then ok=0; fi
	if [ -f "$dir/$name.err" ]; then
		diff -u "$dir/$name.err" "$tmp/err" || ok=0
	elif [ -s "$tmp/err" ]; then
		echo "unexpected stderr:"; cat "$tmp/err"; ok=0
	fi
	if [ "$ok" -eq 1 ]; then echo "PASS cli $name"; else echo "FAIL cli $name"; fi
done
