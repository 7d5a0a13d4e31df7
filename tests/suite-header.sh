#!/bin/sh
# suite-header.sh -- include/smtpcode.h stands alone: it compiles first and twice in a
# translation unit as C99 and C11 with gcc and clang (those present) at -Wall -Wextra
# -Wpedantic -Werror, and as C++98 and C++11 (g++, clang++); a program calling smtpcode_lookup
# through extern "C" links against the static library and runs (g++, or clang++ for clang).
# usage: sh tests/suite-header.sh BUILD_DIR
B=${1:-build}
include=$(cd "$(dirname "$0")/../include" && pwd) || exit 2
B=$(cd "$B" && pwd) || { echo "FAIL header no build directory ${1:-build}"; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# the build's own link flags (make passes SANITIZE and LDFLAGS, e.g. --coverage, down)
san=${SANITIZE:+-fsanitize=$SANITIZE}
ldflags=${LDFLAGS:-}
warn="-Wall -Wextra -Wpedantic -Werror"

# Only the header, twice (the include guard), then a use of every kind of declaration.
cat >"$tmp/alone.c" <<'EOF'
#include <smtpcode.h>
#include <smtpcode.h>

int smtpcode_header_test(void);
int smtpcode_header_test(void)
{
	struct smtpcode_reply reply;
	struct smtpcode_comparison comparison;
	const struct smtpcode_entry *e = smtpcode_lookup("535");
	size_t n = sizeof reply + sizeof comparison + SMTPCODE_CODE_MAX;

	return e != NULL && n > 0 && SMTPCODE_VERSION_MAJOR >= 0 ? SMTPCODE_OK : SMTPCODE_ENULL;
}
EOF

cat >"$tmp/call.cpp" <<'EOF'
#include <smtpcode.h>
#include <cstdio>
#include <cstring>

int main()
{
	const smtpcode_entry *e = smtpcode_lookup("535");
	int err = SMTPCODE_OK;

	if (e == nullptr || std::strcmp(e->code, "535") != 0 || e->kind != SMTPCODE_BASIC)
		return 1;
	if (smtpcode_lookup_err("5.9.9.9", &err) != nullptr || err != SMTPCODE_ESYNTAX)
		return 1;
	std::printf("%s %s\n", smtpcode_version(), e->title);
	return 0;
}
EOF

# Compilers run in $tmp: some write side files (.gcno of --coverage) to the current directory.
compile() { # compile NAME COMMAND...: PASS when the command succeeds silently
	name=$1
	shift
	if (cd "$tmp" && "$@") >"$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]; then
		echo "PASS header $name"
	else
		echo "$*"; head -n 30 "$tmp/out"; echo "FAIL header $name"
	fi
}

found=0
for cc in gcc clang; do
	command -v $cc >/dev/null 2>&1 || continue
	found=1
	for std in c99 c11; do
		compile "$cc-$std" $cc -std=$std $warn -Wstrict-prototypes -Wmissing-prototypes \
			-Wshadow -Wcast-qual -I"$include" -c -o "$tmp/alone.o" "$tmp/alone.c"
	done
done
[ "$found" -eq 1 ] || echo "FAIL header no gcc or clang to compile with"

found=0
for cxx in g++ clang++; do
	command -v $cxx >/dev/null 2>&1 || continue
	found=1
	compile "$cxx-c++98" $cxx -x c++ -std=c++98 $warn -I"$include" -fsyntax-only \
		-Dnullptr=0 "$tmp/call.cpp"
	compile "$cxx-c++11" $cxx -x c++ -std=c++11 $warn -I"$include" -fsyntax-only \
		"$tmp/call.cpp"
done
[ "$found" -eq 1 ] || echo "FAIL header no g++ or clang++ to compile C++ with"

# Linking takes the C++ compiler of the library's C compiler: their runtimes (sanitizers,
# coverage) differ.
case $(${CC:-cc} --version 2>/dev/null) in
*clang*) cxx=clang++ ;;
*) cxx=g++ ;;
esac
rm -f "$tmp/call"
compile "$cxx-link" $cxx -x c++ -std=c++11 $warn $san -I"$include" \
	-o "$tmp/call" "$tmp/call.cpp" -x none "$B/libsmtpcode.a" $ldflags
if [ -x "$tmp/call" ] && "$tmp/call" >"$tmp/out" 2>&1 && grep -q '^[0-9]*\.[0-9]*\.[0-9]* .' "$tmp/out"; then
	echo "PASS header $cxx-run"
else
	cat "$tmp/out"; echo "FAIL header $cxx-run"
fi
