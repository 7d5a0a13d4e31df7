#!/bin/sh
# memcheck.sh -- runs the CLI cases (tests/cli/*.args), every cmocka program and the generator
# (on codes/ and every tests/generator/*.codes) under valgrind memcheck. Any memory error, or a
# definite or indirect leak, fails the case; valgrind's report is printed for it.
# usage: sh tests/memcheck.sh BUILD_DIR   (a build without sanitizers: make memcheck)
# Prints "PASS memcheck NAME" / "FAIL memcheck NAME" lines and "N passed, N failed".
B=${1:-build}
VALGRIND=${VALGRIND:-valgrind}
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# The exit status 99 is valgrind's own, so that a program's status 1 or 2 is not taken for a
# memory error; the log is read as well, in case a program exits 99 itself.
vg() {
	name=$1
	shift
	"$VALGRIND" --quiet --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
		--track-origins=yes --log-file="$tmp/vg.log" "$@" >"$tmp/out" 2>&1 </dev/null
	rc=$?
	if [ "$rc" -eq 99 ] || [ -s "$tmp/vg.log" ]; then
		echo "FAIL memcheck $name (exit status $rc)"
		cat "$tmp/vg.log"
		failed=$((failed + 1))
	else
		echo "PASS memcheck $name"
		passed=$((passed + 1))
	fi
}

for f in "$here"/cli/*.args; do
	name=$(basename "$f" .args)
	set --
	while IFS= read -r line || [ -n "$line" ]; do
		set -- "$@" "$line"
	done <"$f"
	COLUMNS=80 NO_COLOR=1 vg "cli $name" "$B/smtpcode" "$@"
done

for t in "$B"/tests/test_*; do
	[ -x "$t" ] || continue
	vg "$(basename "$t")" "$t"
done

cd "$top" || exit 2
mkdir -p "$tmp/gen"
vg "gencodes codes/" "$B/gencodes" -o "$tmp/gen" codes/*.codes
for f in tests/generator/*.codes; do
	vg "gencodes $(basename "$f" .codes)" "$B/gencodes" --check "$f"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
