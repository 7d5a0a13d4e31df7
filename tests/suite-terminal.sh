#!/bin/sh
# suite-terminal.sh -- hostile server text seen in a real terminal: tmux runs the command in
# an 80-column pane and the pane's contents are read back. C1 controls (raw and UTF-8), an
# escape that would clear the screen or set a title, and bidi overrides must show as
# <U+XXXX> and must not move the cursor, clear the screen or reorder what is read; long
# multibyte text wraps inside the pane. In CI a missing tmux is a failure.
# usage: sh tests/suite-terminal.sh BUILD_DIR
B=${1:-build}
bin=$(cd "$B" && pwd)/smtpcode
if ! command -v tmux >/dev/null 2>&1; then
	if [ -n "${CI:-}" ]; then echo "FAIL terminal: tmux is not installed (make deps-ci)"
	else echo "SKIP: terminal: tmux is not installed (make deps-ci installs it)"; fi
	exit 0
fi
tmp=$(mktemp -d) || exit 2
sock="smtpcode-check-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

# pane NAME TEXT: the command explains TEXT in a fresh pane of 80 columns, tall enough that
# nothing scrolls away; the pane as seen is left in $tmp/NAME.pane
pane() {
	printf '%s' "$2" >"$tmp/$1.in"
	printf '#!/bin/sh\nprintf "TOP LINE\\n"\n"%s" --color=never --explain - <"%s"\nprintf "END\\n"\nsleep 30\n' \
		"$bin" "$tmp/$1.in" >"$tmp/$1.sh"
	tmux -L "$sock" -f /dev/null new-session -d -s "$1" -x 80 -y 150 "sh $tmp/$1.sh"
	i=0
	while [ $i -lt 50 ]; do
		tmux -L "$sock" capture-pane -p -J -t "$1" >"$tmp/$1.pane" 2>/dev/null # -J: a line the terminal wrapped is one
		grep -q '^END' "$tmp/$1.pane" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

check() { # check PANE WHAT WHY COMMAND...: PASS when COMMAND succeeds
	name=$1 what=$2 why=$3
	shift 3
	if "$@"; then echo "PASS terminal $name $what"; else echo "FAIL terminal $name $what: $why"; sed 's/^/  | /' "$tmp/$name.pane"; fi
}

# the repro: UTF-8 CSI, a raw 8-bit CSI, a right-to-left override
hostile=$(printf '550 5.1.1 A\302\2332J B\23331m C\033]0;pwned\007 D\342\200\256evil\342\200\254 E\033[2J F')
if pane c1-bidi "$hostile"; then
	check c1-bidi screen "the screen was cleared, or a control was obeyed" \
		grep -q '^TOP LINE' "$tmp/c1-bidi.pane"
	check c1-bidi shown "the controls are not shown as <U+XXXX>" \
		sh -c "grep -F '<U+009B>2J' '$tmp/c1-bidi.pane' >/dev/null && grep -F '<U+202E>evil<U+202C>' '$tmp/c1-bidi.pane' >/dev/null && grep -F '<U+001B>[2J' '$tmp/c1-bidi.pane' >/dev/null"
	check c1-bidi title "the title escape reached the terminal" \
		sh -c "[ \"\$(tmux -L '$sock' display-message -p -t c1-bidi '#{pane_title}')\" != pwned ]"
else
	echo "FAIL terminal c1-bidi: the command's output never appeared in the pane"
fi

# wide text: 60 e-acute and 30 CJK characters wrap inside 80 columns, cut between characters
wide=$(printf '550 5.1.1 %s %s' "$(printf 'é%.0s' $(seq 60))" "$(printf '用%.0s' $(seq 30))")
if pane wide "$wide"; then
	check wide columns "a line is wider than the pane, or a character was cut" \
		/usr/bin/python3 -c '
import sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
cols = lambda line: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
sys.exit(0 if "\ufffd" not in text and text.count("\u00e9") == 60 and text.count("\u7528") == 30
         and max(map(cols, text.splitlines())) <= 80 else 1)' "$tmp/wide.pane"
else
	echo "FAIL terminal wide: the command's output never appeared in the pane"
fi
