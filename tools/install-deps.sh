#!/bin/sh
# install-deps.sh -- installs what is missing, with apt-get, else dnf, else brew; elsewhere it
# names what to install and exits 1.
#
#   sh tools/install-deps.sh build   what `make all` needs: gperf, pkg-config, zlib (make deps)
#   sh tools/install-deps.sh ci      that, and everything the tests and CI steps need
#                                    (make deps-ci): cmocka, jq, clang with its sanitizer and
#                                    libFuzzer runtimes, valgrind, cppcheck, clang-tidy, gcovr,
#                                    mandoc, cmark, abigail-tools (abidw, abidiff), python3
#                                    with venv, setuptools, wheel, pytest, aiosmtpd and
#                                    aiosmtplib (the Python package's tests), emscripten,
#                                    node and npm (the WebAssembly build and the npm
#                                    package, whose devDependencies npm ci installs),
#                                    unicode-data, tidy and Chromium (the HTML pages), tmux
#                                    (hostile text seen in a real terminal)
set -u
CC=${CC:-cc}
what=${1:-build}

have_cmocka() {
	printf '#include <stdarg.h>\n#include <stddef.h>\n#include <stdint.h>\n#include <setjmp.h>\n#include <cmocka.h>\nint main(void) { return 0; }\n' |
		$CC -x c - -o /dev/null -lcmocka >/dev/null 2>&1
}

# clang links a libFuzzer target with ASan and UBSan, and a ThreadSanitizer program.
have_clang_runtimes() {
	printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' |
		clang -fsanitize=fuzzer,address,undefined -x c - -o /dev/null >/dev/null 2>&1 &&
	printf 'int main(void) { return 0; }\n' |
		clang -fsanitize=thread -x c - -o /dev/null >/dev/null 2>&1
}

have() { command -v "$1" >/dev/null 2>&1; }

# zlib's header and library, which the command links to read gzip logs.
have_zlib() {
	printf '#include <zlib.h>\nint main(void) { return zlibVersion() == 0; }\n' |
		$CC -x c - -o /dev/null -lz >/dev/null 2>&1
}

# A module of Debian's interpreter (the first python3 on PATH may be another build).
have_pymod() {
	/usr/bin/python3 -c "import $1" >/dev/null 2>&1
}

# The tools to check, by the name this script gives them; each is looked for by its command.
missing=""
need() { # need NAME [COMMAND]: NAME is missing when COMMAND (default NAME) is not found
	have "${2:-$1}" || missing="$missing $1"
}

need gperf
need pkg-config
have_zlib || missing="$missing zlib"
if [ "$what" = ci ]; then
	have_cmocka || missing="$missing cmocka"
	need jq
	need clang
	have clang && ! have_clang_runtimes && missing="$missing clang-rt"
	need valgrind
	need cppcheck
	need clang-tidy
	need gcovr
	need mandoc
	need cmark
	need abigail-tools abidiff
	need python3 /usr/bin/python3
	for m in venv:ensurepip setuptools wheel pytest aiosmtpd aiosmtplib; do
		have_pymod "${m#*:}" || missing="$missing py-${m%%:*}"
	done
	need tidy
	need tmux
	need chromium
	need emscripten emcc
	need nodejs node
	need npm
	[ -f /usr/share/unicode/EastAsianWidth.txt ] || missing="$missing unicode-data"
elif [ "$what" != build ]; then
	echo "usage: install-deps.sh build|ci" >&2
	exit 2
fi

# The npm package's devDependencies (nodemailer, typescript), exactly as locked.
npm_deps() {
	[ "$what" = ci ] || return 0
	js=$(dirname "$0")/../bindings/js
	(cd "$js" && npm ls --depth=0 >/dev/null 2>&1) && return 0
	echo "deps: npm ci in bindings/js"
	(cd "$js" && npm ci --no-audit --no-fund) || { echo "deps: npm ci failed in bindings/js" >&2; exit 1; }
}

if [ -z "$missing" ]; then
	echo "deps ($what): everything is installed"
	npm_deps
	exit 0
fi
echo "deps ($what): missing:$missing"

sudo=""
if [ "$(id -u)" -ne 0 ] && have sudo; then
	sudo=sudo
fi

# package names per package manager
names() {
	for m in $missing; do
		case "$1:$m" in
		apt:cmocka) printf ' libcmocka-dev' ;;
		dnf:py-venv) printf " python3" ;; # venv and ensurepip are part of it
		apt:py-* | dnf:py-*) printf ' python3-%s' "${m#py-}" ;;
		brew:py-*) ;; # Homebrew's python3 has venv; the rest: pip install pytest aiosmtpd aiosmtplib
		apt:zlib) printf ' zlib1g-dev' ;;
		dnf:zlib) printf ' zlib-devel' ;;
		apt:clang) printf ' clang libclang-rt-dev' ;;
		apt:clang-rt) printf ' libclang-rt-dev' ;;
		dnf:cmocka) printf ' libcmocka-devel' ;;
		dnf:pkg-config) printf ' pkgconf-pkg-config' ;;
		dnf:clang) printf ' clang compiler-rt libasan libubsan' ;;
		dnf:clang-rt) printf ' compiler-rt' ;;
		dnf:clang-tidy) printf ' clang-tools-extra' ;;
		dnf:abigail-tools) printf ' libabigail' ;;
		dnf:unicode-data) printf ' unicode-ucd' ;;
		brew:unicode-data) ;; # not packaged: make width-table needs the files by hand
		brew:clang | brew:clang-rt | brew:clang-tidy) printf ' llvm' ;;
		brew:valgrind | brew:abigail-tools) ;; # not packaged for current macOS: Linux only
		brew:tidy) printf ' tidy-html5' ;;
		*) printf ' %s' "$m" ;;
		esac
	done
}

if have apt-get; then
	pkgs=$(names apt)
	echo "deps: apt-get install$pkgs"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $pkgs ||
		{ $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $pkgs; } ||
		{ echo "deps: apt-get failed; install$pkgs by hand" >&2; exit 1; }
elif have dnf; then
	pkgs=$(names dnf)
	echo "deps: dnf install$pkgs"
	$sudo dnf install -y $pkgs || { echo "deps: dnf failed; install$pkgs by hand" >&2; exit 1; }
elif have brew; then
	pkgs=$(names brew)
	echo "deps: brew install$pkgs"
	brew install $pkgs || { echo "deps: brew failed; install$pkgs by hand" >&2; exit 1; }
else
	echo "deps: no apt-get, dnf or brew here; install these with your package manager:$missing" >&2
	exit 1
fi

have gperf || { echo "deps: gperf is still missing" >&2; exit 1; }
have_zlib || { echo "deps: zlib still cannot be linked (-lz); check its install" >&2; exit 1; }
if [ "$what" = ci ]; then
	have_cmocka || { echo "deps: cmocka still cannot be linked (-lcmocka); check its install" >&2; exit 1; }
	have_clang_runtimes ||
		{ echo "deps: clang cannot link -fsanitize=fuzzer / thread (runtimes missing)" >&2; exit 1; }
fi
npm_deps
echo "deps: done"
