#!/bin/sh
# install-deps.sh -- installs what the build and the tests need, where it is missing:
# gperf, cmocka, jq (JSON checks in the tests) and pkg-config; and for the reliability steps
# of make ci (mk/reliability.mk): clang with its sanitizer and libFuzzer runtimes, valgrind,
# cppcheck, clang-tidy and gcovr; mandoc (man page lint) and cmark (markdown rendering
# test). Uses apt-get, else dnf, else brew; elsewhere it names the
# packages to install and exits 1.
CC=${CC:-cc}

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

missing=""
command -v gperf >/dev/null 2>&1 || missing="$missing gperf"
have_cmocka || missing="$missing cmocka"
command -v jq >/dev/null 2>&1 || missing="$missing jq"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v clang >/dev/null 2>&1 || missing="$missing clang"
command -v clang >/dev/null 2>&1 && ! have_clang_runtimes && missing="$missing clang-rt"
command -v valgrind >/dev/null 2>&1 || missing="$missing valgrind"
command -v cppcheck >/dev/null 2>&1 || missing="$missing cppcheck"
command -v clang-tidy >/dev/null 2>&1 || missing="$missing clang-tidy"
command -v gcovr >/dev/null 2>&1 || missing="$missing gcovr"
command -v mandoc >/dev/null 2>&1 || missing="$missing mandoc"
command -v cmark >/dev/null 2>&1 || missing="$missing cmark"

if [ -z "$missing" ]; then
	echo "deps: gperf, cmocka, jq, pkg-config, clang (+ runtimes), valgrind, cppcheck," \
		"clang-tidy, gcovr, mandoc and cmark are installed"
	exit 0
fi
echo "deps: missing:$missing"

sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then sudo=sudo; fi
fi

# package names per package manager
names() {
	for m in $missing; do
		case "$1:$m" in
		apt:cmocka) printf ' libcmocka-dev' ;;
		apt:clang) printf ' clang libclang-rt-dev' ;;
		apt:clang-rt) printf ' libclang-rt-dev' ;;
		dnf:cmocka) printf ' libcmocka-devel' ;;
		dnf:pkg-config) printf ' pkgconf-pkg-config' ;;
		dnf:clang) printf ' clang compiler-rt libasan libubsan' ;;
		dnf:clang-rt) printf ' compiler-rt' ;;
		dnf:clang-tidy) printf ' clang-tools-extra' ;;
		brew:clang | brew:clang-rt | brew:clang-tidy) printf ' llvm' ;;
		brew:valgrind) ;; # not packaged for current macOS; make memcheck needs Linux
		*) printf ' %s' "$m" ;;
		esac
	done
}

if command -v apt-get >/dev/null 2>&1; then
	pkgs=$(names apt)
	echo "deps: apt-get install$pkgs"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $pkgs ||
		{ $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $pkgs; } ||
		{ echo "deps: apt-get failed; install$pkgs by hand" >&2; exit 1; }
elif command -v dnf >/dev/null 2>&1; then
	pkgs=$(names dnf)
	echo "deps: dnf install$pkgs"
	$sudo dnf install -y $pkgs || { echo "deps: dnf failed; install$pkgs by hand" >&2; exit 1; }
elif command -v brew >/dev/null 2>&1; then
	pkgs=$(names brew)
	echo "deps: brew install$pkgs"
	brew install $pkgs || { echo "deps: brew failed; install$pkgs by hand" >&2; exit 1; }
else
	echo "deps: no apt-get, dnf or brew here; install these with your package manager:$missing" >&2
	exit 1
fi

have_cmocka || { echo "deps: cmocka still cannot be linked (-lcmocka); check its install" >&2; exit 1; }
command -v gperf >/dev/null 2>&1 || { echo "deps: gperf is still missing" >&2; exit 1; }
have_clang_runtimes ||
	{ echo "deps: clang cannot link -fsanitize=fuzzer / thread (runtimes missing)" >&2; exit 1; }
echo "deps: done"
