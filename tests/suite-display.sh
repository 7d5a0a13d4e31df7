#!/bin/sh
# suite-display.sh -- what the command shows of hostile server text: no byte of it can move a
# terminal, every output is valid UTF-8, and lines are wrapped in terminal columns, cut only
# between characters; the width rule (COLUMNS, else the terminal's, else 80; at least 40) holds
# for COLUMNS and for a real terminal (a pty). Checked by Python, not by the code under test.
# usage: sh tests/suite-display.sh BUILD_DIR
B=${1:-build}
PYTHON=${PYTHON:-/usr/bin/python3}
if [ ! -x "$PYTHON" ]; then
	if [ -n "${CI:-}" ]; then echo "FAIL display: $PYTHON is not installed (make deps-ci)"
	else echo "SKIP: display: $PYTHON is not installed (make deps-ci installs it)"; fi
	exit 0
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# check NAME WIDTH FILE: FILE is valid UTF-8, holds no C0 but newline, no DEL, C1, bidi
# control, U+2028/U+2029 or BOM, and no line wider than WIDTH columns (0: any width)
cat >"$tmp/check.py" <<'PY'
import sys, unicodedata
path, width = sys.argv[1], int(sys.argv[2])
data = open(path, "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    sys.exit(f"not valid UTF-8: {e}")
bad = {0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0xFEFF} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
for ch in text:
    o = ord(ch)
    if (o < 0x20 and ch != "\n") or 0x7F <= o <= 0x9F or o in bad:
        sys.exit(f"a hidden code point U+{o:04X} is shown raw")
def columns(line):
    n = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n
if width:
    for line in text.split("\n"):
        if columns(line) > width:
            sys.exit(f"a line of {columns(line)} columns, over {width}: {line!r}")
PY
check() {
	if out=$("$PYTHON" "$tmp/check.py" "$3" "$2" 2>&1); then echo "PASS display $1"; else
		echo "$out"; echo "FAIL display $1"; fi
}
# expect NAME FILE TEXT: FILE holds TEXT
expect() {
	if grep -q -F -- "$3" "$2"; then echo "PASS display $1"; else
		echo "no '$3' in:"; head -20 "$2"; echo "FAIL display $1"; fi
}

hostile=$(printf '550 5.1.1 A\302\2332J B\23331m D\342\200\256evil\342\200\254 \033[31mred\033]0;t\007')
for format in text markdown json; do
	COLUMNS=80 NO_COLOR=1 "$B/smtpcode" --format=$format --explain "$hostile" >"$tmp/$format" 2>&1
	check "hostile-$format" 0 "$tmp/$format"
done
expect hostile-text-shows-csi "$tmp/text" "A<U+009B>2J"
expect hostile-text-shows-override "$tmp/text" "D<U+202E>evil<U+202C>"
expect hostile-markdown-shows-escape "$tmp/markdown" "\\<U+001B\\>" # escaped for markdown
expect hostile-json-escapes "$tmp/json" '\u009b2J'

# invalid UTF-8 in a reply: text and markdown are valid UTF-8 all the same
bad=$(printf '550 5.1.1 caf\303 \377\376 x\355\240\200y')
for format in text markdown; do
	COLUMNS=80 "$B/smtpcode" --format=$format --explain "$bad" >"$tmp/bad-$format" 2>&1
	check "invalid-utf8-$format" 0 "$tmp/bad-$format"
done

# wrapping in columns: 60 two-byte letters, 30 CJK characters, a 200-column word
e60=$("$PYTHON" -c 'print("\u00e9" * 60)')
cjk=$("$PYTHON" -c 'print("\u4e2d" * 30 + " \u6587\u5b57")')
long=$("$PYTHON" -c 'print("x" * 200)')
COLUMNS=40 "$B/smtpcode" --explain "550 5.1.1 $e60" >"$tmp/e60" 2>&1
check wrap-two-byte-letters 40 "$tmp/e60"
expect wrap-keeps-the-letters "$tmp/e60" "$("$PYTHON" -c 'print("\u00e9" * 21)')"
COLUMNS=40 "$B/smtpcode" --explain "550 5.1.1 $cjk" >"$tmp/cjk" 2>&1
check wrap-cjk 40 "$tmp/cjk"
COLUMNS=40 "$B/smtpcode" --explain "550 5.1.1 $long" >"$tmp/long" 2>&1
check wrap-long-word 40 "$tmp/long"

# the width rule: COLUMNS=20 and a 20-column terminal both give 40-column lines
COLUMNS=20 "$B/smtpcode" 535 >"$tmp/c20" 2>&1
check columns-20-is-40 40 "$tmp/c20"
awk 'length > 20 { found = 1 } END { exit !found }' "$tmp/c20" &&
	echo "PASS display columns-20-wraps-at-40" || echo "FAIL display columns-20-wraps-at-40"
if "$PYTHON" - "$B/smtpcode" "$tmp/pty" <<'PY'
import fcntl, os, pty, struct, sys, termios
prog, out = sys.argv[1], sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["NO_COLOR"] = "1"
    os.execve(prog, [prog, "535"], env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 20, 0, 0))
data = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
os.waitpid(pid, 0)
open(out, "wb").write(data.replace(b"\r\n", b"\n"))
PY
then
	check terminal-20-is-40 40 "$tmp/pty"
	awk 'length > 20 { found = 1 } END { exit !found }' "$tmp/pty" &&
		echo "PASS display terminal-20-wraps-at-40" || echo "FAIL display terminal-20-wraps-at-40"
else
	echo "FAIL display terminal-20: the pty could not be run"
fi

# the committed width table is what tools/width/gen-width.py makes of the Unicode data
top=$(cd "$(dirname "$0")/.." && pwd)
table=$top/src/lib/width-table.inc
if [ -f /usr/share/unicode/EastAsianWidth.txt ]; then
	"$PYTHON" "$top/tools/width/gen-width.py" /usr/share/unicode >"$tmp/width.inc" 2>&1
	if cmp -s "$tmp/width.inc" "$table"; then echo "PASS display width-table-remade"; else
		diff "$table" "$tmp/width.inc" | head -5
		echo "FAIL display width-table-remade: run make width-table (another Unicode version?)"
	fi
elif [ -n "${CI:-}" ]; then
	echo "FAIL display width-table: no /usr/share/unicode (make deps-ci installs unicode-data)"
else
	echo "SKIP: display: no /usr/share/unicode to remake the width table from (unicode-data)"
fi
