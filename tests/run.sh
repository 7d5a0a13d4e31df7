#!/bin/sh
# run.sh -- runs every test: the cmocka programs and the script suites (tests/suite-*.sh).
# usage: sh tests/run.sh BUILD_DIR
# Prints each program's summary and ends with one line "N passed, N failed"; exits 1 on any
# failure.
B=${1:-build}
here=$(dirname "$0")
passed=0
failed=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# cmocka programs: count the summary lines; a program that dies without one is one failure.
for t in "$B"/tests/test_*; do
	[ -x "$t" ] || continue
	"$t" >"$tmp/out" 2>&1
	rc=$?
	cat "$tmp/out"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$tmp/out" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$tmp/out" | tail -n 1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ -z "$p$f" ] || { [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; }; then
		echo "FAIL: $t exited $rc without a cmocka summary"
		failed=$((failed + 1))
	fi
done

# Script suites (tests/suite-*.sh): each prints "PASS name" / "FAIL name" lines and diffs.
for suite in "$here"/suite-*.sh; do
	sh "$suite" "$B" >"$tmp/out" 2>&1
	cat "$tmp/out"
	p=$(grep -c '^PASS ' "$tmp/out")
	f=$(grep -c '^FAIL ' "$tmp/out")
	passed=$((passed + p))
	failed=$((failed + f))
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
