#!/bin/sh
# suite-layering.sh -- the layering check (tests/layering/check.py, run by make check-layering)
# catches what it is for: a command object that uses a hidden library symbol, a text of the
# library's written in the command, and an allow-list line nothing uses.
# usage: sh tests/suite-layering.sh BUILD_DIR
B=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
if [ ! -x "$PYTHON" ]; then
	if [ -n "${CI:-}" ]; then echo "FAIL layering: $PYTHON is not installed (make deps-ci)"
	else echo "SKIP: layering: $PYTHON is not installed (make deps-ci installs it)"; fi
	exit 0
fi
so=$(readlink -f "$B/libsmtpcode.so" 2>/dev/null) # the real name, not a stale one

# expect NAME WANT-STATUS PATTERN ARGS...: the check exits so and says PATTERN
expect() {
	name=$1 want=$2 pattern=$3
	shift 3
	"$PYTHON" "$top/tests/layering/check.py" "$@" >"$tmp/out" 2>&1
	status=$?
	if [ "$status" -eq "$want" ] && grep -q -e "$pattern" "$tmp/out"; then
		echo "PASS layering $name"
	else
		echo "exit status $status, want $want; output:"; cat "$tmp/out"
		echo "FAIL layering $name"
	fi
}

# a command source using a hidden helper and writing an SMTP text of its own
cat >"$tmp/bad.c" <<'CODE'
#include <smtpcode.h>
size_t smtpcode_internal_format_enhanced(char *buf, char cls, int subject, int detail);
const char *bad(void);
const char *bad(void)
{
	static char key[16];
	smtpcode_internal_format_enhanced(key, '5', 7, 8);
	return "Authentication credentials invalid";
}
CODE
mkdir -p "$tmp/src/cli"
cp "$tmp/bad.c" "$tmp/src/cli/bad.c"
${CC:-cc} -I"$top/include" -c -o "$tmp/bad.o" "$tmp/src/cli/bad.c" &&
	${CC:-cc} -I"$top/include" -E -o "$tmp/bad.i" "$tmp/src/cli/bad.c" || {
	echo "FAIL layering cannot-compile-the-bad-source"; exit 0; }
printf '"%s"\n' "not used anywhere" >"$tmp/allow.txt"
expect hidden-symbol 1 'uses smtpcode_internal_format_enhanced, which the library does not export' \
	"$tmp/allow.txt" "$so" "$B/libsmtpcode.a" "$tmp/bad.o" -- "$tmp/bad.i"
expect library-text 1 'the text "Authentication credentials invalid" is neither formatting' \
	"$tmp/allow.txt" "$so" "$B/libsmtpcode.a" "$tmp/bad.o" -- "$tmp/bad.i"
expect unused-allowance 1 '"not used anywhere" is allowed but no longer used' \
	"$tmp/allow.txt" "$so" "$B/libsmtpcode.a" "$tmp/bad.o" -- "$tmp/bad.i"
# and the real command passes it
for f in "$top"/src/cli/*.c; do
	${CC:-cc} -D_POSIX_C_SOURCE=200809L -I"$top/include" -E -o "$tmp/$(basename "$f" .c).i" "$f"
done
rm -f "$tmp/bad.i"
expect the-command-holds 0 'use only exported symbols' "$top/tests/layering/cli-strings.txt" \
	"$so" "$B/libsmtpcode.a" "$B"/cli/*.o -- "$tmp"/*.i
