#!/bin/sh
# suite-python.sh -- the Python package (bindings/python): installed the way the README says,
# into a fresh venv with Debian's interpreter, then its pytest suite run against this build's
# library and command (the command's JSON is the oracle), from outside the source tree so that
# the installed package is the one imported. Each pytest test is one PASS or FAIL line.
# usage: sh tests/suite-python.sh BUILD_DIR
B=${1:-build}
here=$(dirname "$0")
root=$(cd "$here/.." && pwd)
. "$here/python-env.sh"
python_env python || exit 0
missing=""
for m in venv ensurepip setuptools wheel pytest aiosmtpd aiosmtplib; do
	"$PYTHON" -c "import $m" 2>/dev/null || missing="$missing $m"
done
if [ -n "$missing" ]; then
	if [ -n "${CI:-}" ]; then echo "FAIL python: $PYTHON lacks:$missing (make deps-ci)"
	else echo "SKIP: python: $PYTHON lacks:$missing (make deps-ci installs them)"; fi
	exit 0
fi
build=$(cd "$B" && pwd)
so=$(ls "$build"/libsmtpcode.so.[0-9] "$build"/libsmtpcode.so.[0-9][0-9] 2>/dev/null | head -n 1)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
V=$tmp/venv

# the README's install command, as it stands there
install='/usr/bin/python3 -m venv --system-site-packages V && V/bin/pip install --no-build-isolation --no-index ./bindings/python'
if grep -qF "$install" "$root/README.md"; then
	echo "PASS python readme: the install command below is the README's"
else
	echo "FAIL python readme: README.md no longer says: $install"
fi
if (cd "$root" && rm -rf bindings/python/build &&
	"$PYTHON" -m venv --system-site-packages "$V" &&
	"$V/bin/pip" install --no-build-isolation --no-index ./bindings/python) >"$tmp/install.log" 2>&1; then
	echo "PASS python install: venv --system-site-packages, pip install --no-build-isolation --no-index"
else
	echo "FAIL python install:"
	tail -n 30 "$tmp/install.log"
	exit 0
fi

(cd "$tmp" && env SMTPCODE_LIBRARY="$so" SMTPCODE_CLI="$build/smtpcode" SMTPCODE_EXPECT_PREFIX="$V" \
	${preload:+LD_PRELOAD="$preload" ASAN_OPTIONS=detect_leaks=0} \
	timeout 600 "$V/bin/python" -m pytest -rA -p no:cacheprovider \
	--rootdir="$root/bindings/python" "$root/bindings/python/tests") >"$tmp/pytest.log" 2>&1
rc=$?
sed -n -e 's|^PASSED [^ ]*bindings/python/|PASS python |p' -e 's|^FAILED [^ ]*bindings/python/|FAIL python |p' \
	-e 's|^ERROR [^ ]*bindings/python/|FAIL python |p' "$tmp/pytest.log" >"$tmp/lines"
cat "$tmp/lines"
if grep -q '^FAIL ' "$tmp/lines" || [ "$rc" -ne 0 ]; then
	grep -q '^FAIL ' "$tmp/lines" || echo "FAIL python pytest: exit status $rc"
	sed -n '/^=* FAILURES =*$/,/^=* short test summary/p' "$tmp/pytest.log" | head -n 200
	tail -n 20 "$tmp/pytest.log"
fi
[ -s "$tmp/lines" ] || { echo "FAIL python pytest: no test ran"; tail -n 30 "$tmp/pytest.log"; }
