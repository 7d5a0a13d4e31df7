#!/bin/sh
# suite-symbols.sh -- the public API agrees everywhere: every function include/smtpcode.h
# declares is marked SMTPCODE_API, exported by the shared library and documented in
# man/smtpcode.3; the shared library exports nothing else; no global symbol of the static
# library lacks the smtpcode_ prefix; the soname and its links follow the header's version.
# usage: sh tests/suite-symbols.sh BUILD_DIR
B=${1:-build}
LC_ALL=C
export LC_ALL
root=$(dirname "$0")/..
header=$root/include/smtpcode.h
page=$root/man/smtpcode.3
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

result() { # result OK NAME: one PASS/FAIL line
	if [ "$1" -eq 1 ]; then echo "PASS symbols $2"; else echo "FAIL symbols $2"; fi
}

# The header as one declaration per line: comments and preprocessor lines dropped, text
# joined and split at ';'.
awk '
	continued { continued = /\\$/; next }
	/^[ \t]*#/ { continued = /\\$/; next }
	{
		line = $0; out = ""
		while (line != "") {
			if (in_comment) {
				i = index(line, "*/")
				if (i == 0) { line = ""; break }
				line = substr(line, i + 2); in_comment = 0
			} else {
				i = index(line, "/*")
				if (i == 0) { out = out line; line = "" }
				else { out = out substr(line, 1, i - 1) " "; line = substr(line, i + 2); in_comment = 1 }
			}
		}
		printf "%s ", out
	}' "$header" | tr ';' '\n' >"$tmp/decls"

# Declared functions: the last name before the first '(' of each SMTPCODE_API declaration.
grep 'SMTPCODE_API' "$tmp/decls" | sed 's/.*SMTPCODE_API//; s/(.*//; s/.*[^A-Za-z0-9_]//' |
	sort -u >"$tmp/api"
n=$(wc -l <"$tmp/api")
ok=1
if [ "$n" -lt 10 ]; then
	echo "found only $n SMTPCODE_API functions in $header:"; cat "$tmp/api"
	ok=0
fi
result $ok header-parsed

# A prototype without SMTPCODE_API would be hidden by -fvisibility=hidden: a link error for
# every program that calls it.
grep '(' "$tmp/decls" | grep -v 'SMTPCODE_API' | grep -v '^[ }]*typedef' |
	grep -v '^[ }]*enum smtpcode_[a-z_]* { SMTPCODE_[A-Z_]*_LIST(' >"$tmp/unmarked"
ok=1
if [ -s "$tmp/unmarked" ]; then
	echo "declared without SMTPCODE_API:"; sed 's/^ */  /' "$tmp/unmarked"
	ok=0
fi
result $ok all-declarations-marked

# Shared library: defined dynamic symbols. The linker's own markers are allowed, and in a
# coverage build (--coverage) the part of the profiling runtime (gcc's libgcov, clang's
# profile runtime) linked into the library.
so=$B/libsmtpcode.so
ok=1
if ! nm -D --defined-only "$so" >"$tmp/nm-so" 2>"$tmp/err"; then
	cat "$tmp/err"; ok=0
fi
awk 'NF >= 3 { print $3 }' "$tmp/nm-so" | sort -u >"$tmp/so-all"
runtime='^$'
grep -E -q '^__gcov_|^lprofDirMode$' "$tmp/so-all" &&
	runtime='^__gcov_|^__llvm_|^lprof|^(mangle_path|reset_fn_list|writeout_fn_list)$'
grep -v '^smtpcode_' "$tmp/so-all" | grep -v -x -e _init -e _fini -e _edata -e _end \
	-e __bss_start | grep -E -v "$runtime" >"$tmp/so-bad"
if [ -s "$tmp/so-bad" ]; then
	echo "$so exports names without the smtpcode_ prefix:"; sed 's/^/  /' "$tmp/so-bad"
	ok=0
fi
[ -s "$tmp/so-all" ] || { echo "$so exports nothing"; ok=0; }
result $ok shared-exports-prefixed

awk 'NF >= 3 && ($2 == "T" || $2 == "W" || $2 == "i") { print $3 }' "$tmp/nm-so" |
	sort -u >"$tmp/so-funcs"
comm -23 "$tmp/api" "$tmp/so-funcs" >"$tmp/missing"
ok=1
if [ -s "$tmp/missing" ] || [ ! -s "$tmp/so-funcs" ]; then
	echo "declared in the header, not exported by $so:"; sed 's/^/  /' "$tmp/missing"
	ok=0
fi
result $ok shared-exports-header

grep '^smtpcode_' "$tmp/so-all" | comm -23 - "$tmp/api" >"$tmp/extra"
ok=1
if [ -s "$tmp/extra" ]; then
	echo "exported by $so, not declared in the header:"; sed 's/^/  /' "$tmp/extra"
	ok=0
fi
result $ok shared-exports-only-header

# Static library: every global symbol it defines carries the prefix, hidden helpers too,
# since they share the namespace of the program that links the archive.
a=$B/libsmtpcode.a
ok=1
if ! nm -g --defined-only "$a" >"$tmp/nm-a" 2>"$tmp/err"; then
	cat "$tmp/err"; ok=0
fi
awk 'NF >= 3 { print $3 }' "$tmp/nm-a" | sort -u >"$tmp/a-all"
grep -v '^smtpcode_' "$tmp/a-all" >"$tmp/a-bad"
if [ -s "$tmp/a-bad" ] || [ ! -s "$tmp/a-all" ]; then
	echo "$a defines global names without the smtpcode_ prefix:"; sed 's/^/  /' "$tmp/a-bad"
	ok=0
fi
result $ok static-globals-prefixed

comm -23 "$tmp/api" "$tmp/a-all" >"$tmp/missing"
ok=1
if [ -s "$tmp/missing" ]; then
	echo "declared in the header, not defined in $a:"; sed 's/^/  /' "$tmp/missing"
	ok=0
fi
result $ok static-defines-header

# soname libsmtpcode.so.ABI, links libsmtpcode.so -> .so.ABI -> .so.ABI.MINOR.PATCH
# the soname carries the ABI version, the file ABI.MINOR.PATCH (see include/smtpcode.h)
part() { sed -n "s/^#define SMTPCODE_$1 \\([0-9]*\\)\$/\\1/p" "$header"; }
major=$(part ABI_VERSION)
version=$major.$(part VERSION_MINOR).$(part VERSION_PATCH)
ok=1
soname=$(objdump -p "$so" 2>/dev/null | awk '$1 == "SONAME" { print $2 }')
if [ "$soname" != "libsmtpcode.so.$major" ]; then
	echo "soname of $so is '$soname', want libsmtpcode.so.$major"; ok=0
fi
for f in "$B/libsmtpcode.so" "$B/libsmtpcode.so.$major"; do
	[ -L "$f" ] || { echo "$f is not a symbolic link"; ok=0; }
done
[ -f "$B/libsmtpcode.so.$version" ] && [ ! -L "$B/libsmtpcode.so.$version" ] ||
	{ echo "$B/libsmtpcode.so.$version is missing or a link"; ok=0; }
[ "$(cd "$B" && ls -l libsmtpcode.so | sed 's/.* -> //')" = "libsmtpcode.so.$major" ] ||
	{ echo "$B/libsmtpcode.so does not point to libsmtpcode.so.$major"; ok=0; }
[ "$(cd "$B" && ls -l "libsmtpcode.so.$major" | sed 's/.* -> //')" = "libsmtpcode.so.$version" ] ||
	{ echo "$B/libsmtpcode.so.$major does not point to libsmtpcode.so.$version"; ok=0; }
result $ok soname

# The manual page documents every function (.Fn/.Fo), type and error constant.
ok=1
if [ ! -f "$page" ]; then
	echo "$page is missing"; ok=0
else
	{
		cat "$tmp/api"
		awk '{
			while (match($0, /(enum|struct) smtpcode_[a-z_]+|SMTPCODE_(E[A-Z]+|OK)/)) {
				# an error constant is a whole name: not SMTPCODE_EVIDENCE_LIST
				if (substr($0, RSTART + RLENGTH, 1) != "_")
					print substr($0, RSTART, RLENGTH)
				$0 = substr($0, RSTART + RLENGTH)
			}
		}' "$tmp/decls" | sort -u
	} >"$tmp/names"
	while IFS= read -r name; do
		case $name in
		smtpcode_*) pattern="^\\.(Fn|Fo) $name( |\$)" ;;
		enum* | struct*) pattern="^\\.Vt $name( |\$)" ;;
		*) pattern="^\\.(It )?Dv $name( |\$)" ;;
		esac
		grep -E -q "$pattern" "$page" || { echo "$page does not document $name"; ok=0; }
	done <"$tmp/names"
fi
result $ok man-page-documents-header
