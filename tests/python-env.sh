# python-env.sh -- sourced by the suites that load the shared library into Python (suite-ffi,
# suite-python): finds Debian's interpreter and, for a sanitizer build, the runtime it needs.
#
#   python_env NAME   sets PYTHON and preload; prints SKIP (or FAIL under CI) and returns 1
#                     when the library cannot be tested from Python here
#
# A library built with gcc's AddressSanitizer loads into a program only behind its runtime
# (the interpreter's own allocations are no concern of these tests). One built with clang's
# sanitizers cannot be loaded into an uninstrumented program at all: its UBSan handlers are
# meant to come from the executable, and clang's two runtimes refuse to be preloaded together.
# The plain build and gcc's sanitizer build run these suites.
python_env() {
	PYTHON=${PYTHON:-/usr/bin/python3}
	preload=""
	if [ ! -x "$PYTHON" ]; then
		if [ -n "${CI:-}" ]; then echo "FAIL $1: $PYTHON is not installed (make deps-ci)"
		else echo "SKIP: $1: $PYTHON is not installed (make deps-ci installs it)"; fi
		return 1
	fi
	if [ -n "${SANITIZE:-}" ]; then
		case $(${CC:-cc} --version 2>/dev/null) in
		*clang*)
			echo "SKIP: $1: a clang sanitizer build cannot be loaded by an uninstrumented interpreter"
			return 1
			;;
		esac
		f=$(${CC:-cc} -print-file-name=libasan.so 2>/dev/null)
		case $SANITIZE in *address*) [ -f "$f" ] && preload=$f ;; esac
	fi
	return 0
}
