#!/bin/sh
# suite-install.sh -- `make install` into a staging DESTDIR puts every file where the
# directory variables say; a program builds from the installed copy with pkg-config (shared,
# and --static) and runs; the manual pages pass a lint; `make uninstall` leaves the tree as
# it was. Runs once with the default layout and once with every directory variable set.
# usage: sh tests/suite-install.sh BUILD_DIR
B=${1:-build}
LC_ALL=C
export LC_ALL
root=$(cd "$(dirname "$0")/.." && pwd) || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$B" && B=$(cd "$B" && pwd) || exit 2
cd "$root" || exit 2
CC=${CC:-cc}
# the build's own link flags (make passes SANITIZE and LDFLAGS, e.g. --coverage, down)
san=${SANITIZE:+-fsanitize=$SANITIZE}
ldflags=${LDFLAGS:-}
# This runs under `make check`: a make started from here cannot share that make's jobserver.
MAKEFLAGS=$(printf '%s\n' "${MAKEFLAGS:-}" | sed 's/ *--jobserver-[a-z]*=[^ ]*//g')
export MAKEFLAGS

# the soname carries the ABI version, the file ABI.MINOR.PATCH (see include/smtpcode.h)
part() { sed -n "s/^#define SMTPCODE_$1 \\([0-9]*\\)\$/\\1/p" include/smtpcode.h; }
major=$(part ABI_VERSION)
libversion=$major.$(part VERSION_MINOR).$(part VERSION_PATCH)
version=$(part VERSION_MAJOR).$(part VERSION_MINOR).$(part VERSION_PATCH) # the API's

# A prefix that cannot exist outside the staging tree, so a file written without DESTDIR
# shows up.
prefix=/smtpcode-install-test-$$
dest=$tmp/dest

check() { # check OK NAME
	if [ "$1" -eq 1 ]; then echo "PASS install $2"; else echo "FAIL install $2"; fi
}

# run_layout NAME BINDIR LIBDIR INCLUDEDIR MANDIR PKGCONFIGDIR [MAKE VARIABLE=VALUE...]
run_layout() {
	name=$1 bindir=$2 libdir=$3 includedir=$4 mandir=$5 pcdir=$6
	shift 6
	rm -rf "$dest"
	# what is already there must survive: a directory of the system's and another's file
	mkdir -p "$dest/usr" "$dest$prefix/share/doc/other"
	echo other >"$dest$prefix/share/doc/other/README"
	(cd "$dest" && find . | sort) >"$tmp/before"

	ok=1
	if ! make -s --no-print-directory B="$B" DESTDIR="$dest" PREFIX="$prefix" "$@" install \
		>"$tmp/log" 2>&1; then
		cat "$tmp/log"; ok=0
	fi
	check $ok "$name make-install"

	# exactly the expected files, nothing else
	{
		echo ".$bindir/smtpcode"
		echo ".$includedir/smtpcode.h"
		for f in libsmtpcode.a libsmtpcode.so "libsmtpcode.so.$major" "libsmtpcode.so.$libversion"; do
			echo ".$libdir/$f"
		done
		echo ".$pcdir/smtpcode.pc"
		echo ".$mandir/man3/smtpcode.3"
		[ -f man/smtpcode.1 ] && echo ".$mandir/man1/smtpcode.1"
		[ -f completion/smtpcode.bash ] &&
			echo ".$prefix/share/bash-completion/completions/smtpcode"
		echo ".$prefix/share/doc/other/README"
	} | sort >"$tmp/want"
	(cd "$dest" && find . \( -type f -o -type l \) | sort) >"$tmp/got"
	ok=1
	diff -u "$tmp/want" "$tmp/got" || ok=0
	[ -e "$prefix" ] && { echo "$prefix was written outside DESTDIR"; ok=0; }
	check $ok "$name files"

	ok=1
	lib=$dest$libdir
	[ -x "$dest$bindir/smtpcode" ] || { echo "smtpcode is not executable"; ok=0; }
	[ -L "$lib/libsmtpcode.so" ] && [ -L "$lib/libsmtpcode.so.$major" ] &&
		[ ! -L "$lib/libsmtpcode.so.$libversion" ] || { echo "wrong links in $lib"; ok=0; }
	# relative links, so they resolve inside DESTDIR
	cmp -s "$lib/libsmtpcode.so" "$B/libsmtpcode.so.$libversion" ||
		{ echo "$lib/libsmtpcode.so does not lead to the library"; ok=0; }
	cmp -s include/smtpcode.h "$dest$includedir/smtpcode.h" || { echo "header differs"; ok=0; }
	"$dest$bindir/smtpcode" --version >"$tmp/out" 2>&1 && grep -q "$version" "$tmp/out" ||
		{ echo "installed smtpcode --version:"; cat "$tmp/out"; ok=0; }
	check $ok "$name links-and-binary"

	# pkg-config finds the installed file; prefix=DIR relocates it into the staging tree
	ok=1
	pc() {
		PKG_CONFIG_PATH=$dest$pcdir PKG_CONFIG_LIBDIR=$dest$pcdir \
			pkg-config --define-variable=prefix="$dest$prefix" "$@" smtpcode
	}
	[ "$(pc --modversion)" = "$version" ] || { echo "pkg-config --modversion: $(pc --modversion)"; ok=0; }
	[ "$(PKG_CONFIG_LIBDIR=$dest$pcdir pkg-config --variable=prefix smtpcode)" = "$prefix" ] ||
		{ echo "the installed smtpcode.pc does not name prefix $prefix"; ok=0; }
	flags=$(echo $(pc --cflags --libs))
	[ "$flags" = "-I$dest$includedir -L$dest$libdir -lsmtpcode" ] ||
		{ echo "pkg-config --cflags --libs: $flags"; ok=0; }
	check $ok "$name pkg-config"

	ok=1
	rm -f "$tmp/explain"
	# (in $tmp: some compilers write side files, such as .gcno, to the current directory)
	# shellcheck disable=SC2046
	if ! (cd "$tmp" && $CC -std=c11 -Wall -Wextra -Wpedantic -Werror $san -o explain \
		"$root/examples/explain.c" $(pc --cflags --libs) $ldflags) >"$tmp/log" 2>&1; then
		cat "$tmp/log"; ok=0
	fi
	objdump -p "$tmp/explain" 2>/dev/null | grep -q "NEEDED *libsmtpcode.so.$major\$" ||
		{ echo "the program does not need libsmtpcode.so.$major"; ok=0; }
	LD_LIBRARY_PATH=$lib "$tmp/explain" '421 4.7.0 Try again later' >"$tmp/out" 2>&1
	[ $? -eq 0 ] && grep -q '^retry: yes' "$tmp/out" || { cat "$tmp/out"; ok=0; }
	LD_LIBRARY_PATH=$lib "$tmp/explain" '550 5.1.1 User unknown' >"$tmp/out" 2>&1
	[ $? -eq 1 ] && grep -q '^retry: no' "$tmp/out" || { cat "$tmp/out"; ok=0; }
	check $ok "$name example-shared"

	# --static: the archive goes in (-Bstatic picks libsmtpcode.a over the .so), together with
	# whatever Libs.private names.
	ok=1
	rm -f "$tmp/explain"
	# shellcheck disable=SC2046
	if ! (cd "$tmp" && $CC -std=c11 -Wall -Wextra -Wpedantic -Werror $san -o explain \
		"$root/examples/explain.c" $(pc --static --cflags) -Wl,-Bstatic \
		$(pc --static --libs) -Wl,-Bdynamic $ldflags) >"$tmp/log" 2>&1; then
		cat "$tmp/log"; ok=0
	fi
	objdump -p "$tmp/explain" 2>/dev/null | grep -q 'NEEDED *libsmtpcode' &&
		{ echo "the --static program needs the shared library"; ok=0; }
	"$tmp/explain" '550 5.1.1 User unknown' >"$tmp/out" 2>&1
	[ $? -eq 1 ] && grep -q '^retry: no' "$tmp/out" || { cat "$tmp/out"; ok=0; }
	check $ok "$name example-static"

	# the installed pages, version filled in, are lint-clean
	ok=1
	for page in "$dest$mandir"/man*/smtpcode.*; do
		[ -f "$page" ] || continue
		grep -q '@VERSION@' "$page" && { echo "$page: @VERSION@ not replaced"; ok=0; }
		if command -v mandoc >/dev/null 2>&1; then
			mandoc -Tlint -Wwarning "$page" >"$tmp/out" 2>&1 || { cat "$tmp/out"; ok=0; }
		elif command -v groff >/dev/null 2>&1; then
			groff -ww -mandoc -z "$page" >"$tmp/out" 2>&1
			[ -s "$tmp/out" ] && { cat "$tmp/out"; ok=0; }
		fi
	done
	grep -q "^\\.Os smtpcode $version\$" "$dest$mandir/man3/smtpcode.3" ||
		{ echo "smtpcode.3 does not carry version $version"; ok=0; }
	check $ok "$name man-pages"

	ok=1
	if ! make -s --no-print-directory B="$B" DESTDIR="$dest" PREFIX="$prefix" "$@" uninstall \
		>"$tmp/log" 2>&1; then
		cat "$tmp/log"; ok=0
	fi
	(cd "$dest" && find . | sort) >"$tmp/after"
	diff -u "$tmp/before" "$tmp/after" || ok=0
	check $ok "$name make-uninstall"
}

p=$prefix
run_layout default "$p/bin" "$p/lib" "$p/include" "$p/share/man" "$p/lib/pkgconfig"
run_layout variables "$p/sbin" "$p/lib64" "$p/inc" "$p/man" "$p/share/pkgconfig" \
	BINDIR="$p/sbin" LIBDIR="$p/lib64" INCLUDEDIR="$p/inc" MANDIR="$p/man" \
	PKGCONFIGDIR="$p/share/pkgconfig"
