#!/bin/sh
# suite-examples.sh -- runs the example programs (make examples builds them into
# BUILD_DIR/examples/) on server replies. Each case gives the reply, how it is passed
# (argument or standard input), the exit status and the expected output. The first line,
# the library's explanation, is compared up to its "):", as the rest is the data's prose;
# the retry line and stderr are compared whole.
# usage: sh tests/suite-examples.sh BUILD_DIR
B=${1:-build}
explain=$B/examples/explain
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cr=$(printf '\r')

# run NAME STATUS arg|stdin REPLY, with the expected stdout on standard input
run() {
	name=$1 want_status=$2 how=$3 reply=$4
	cat >"$tmp/want"
	if [ ! -x "$explain" ]; then
		echo "$explain is missing; run make examples"
		echo "FAIL examples $name"
		return
	fi
	if [ "$how" = stdin ]; then
		printf '%s' "$reply" | "$explain" >"$tmp/out" 2>"$tmp/err"
	else
		"$explain" "$reply" >"$tmp/out" 2>"$tmp/err" </dev/null
	fi
	status=$?
	ok=1
	[ "$status" -eq "$want_status" ] || { echo "exit status $status, want $want_status"; ok=0; }
	sed '1s/): .*/):/' "$tmp/out" >"$tmp/got"
	diff -u "$tmp/want" "$tmp/got" || ok=0
	if [ -s "$tmp/err" ] && [ "$status" -ne 2 ]; then
		echo "unexpected stderr:"; cat "$tmp/err"; ok=0
	fi
	# the whole explanation: one line, a full sentence (not cut at a buffer's end)
	if [ "$status" -ne 2 ]; then
		sed -n '1p' "$tmp/out" | grep -q '): .*[.!?]$' ||
			{ echo "explanation cut short: $(sed -n 1p "$tmp/out")"; ok=0; }
	fi
	cp "$tmp/err" "$tmp/last-err"
	if [ "$ok" -eq 1 ]; then echo "PASS examples $name"; else echo "FAIL examples $name"; fi
}

# stderr of a case that exits 2, compared whole
run_err() { # run_err NAME WANT-STDERR
	if [ "$(cat "$tmp/last-err")" = "$2" ]; then
		echo "PASS examples $1"
	else
		echo "stderr: $(cat "$tmp/last-err")"; echo "FAIL examples $1"
	fi
}

run permanent 1 arg '550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown' <<'EOF'
Bad destination mailbox address (550 5.1.1):
retry: no (retry only after fixing what it names)
EOF

run transient 0 arg '421 4.7.0 Try again later, closing connection.' <<'EOF'
Service not available, closing transmission channel (421 4.7.0):
retry: yes (retry the same thing later; it is temporary)
EOF

run success 1 arg '250 2.0.0 Ok: queued as 4B3C21' <<'EOF'
Requested mail action okay, completed (250 2.0.0):
retry: no (nothing to retry)
EOF

run mailbox-full-later 0 arg '452 4.2.2 Mailbox full' <<'EOF'
Mailbox full (452 4.2.2):
retry: yes (retry the same thing later; it is temporary)
EOF

# the basic code's class rules: 550 is permanent whatever the enhanced code says
run class-mismatch 1 arg '550 4.2.2 mailbox full' <<'EOF'
Mailbox full (550 4.2.2):
retry: no (retry only after fixing what it names)
EOF

run multi-line-stdin 1 stdin "550-5.1.1 The email account that you tried to reach does not exist.$cr
550 5.1.1 https://support.google.com/mail/?p=NoSuchUser$cr
" <<'EOF'
Gmail / Google Workspace: Gmail address does not exist (550 5.1.1):
retry: no (retry only after fixing what it names)
EOF

run enhanced-only 0 stdin '4.4.1 No answer from host' <<'EOF'
No answer from host (4.4.1):
retry: yes (retry the same thing later; it is temporary)
EOF

# no entry for 599: the class decides
run unknown-code 1 arg '599 odd' <<'EOF'
Unregistered code, Permanent Negative Completion (599):
retry: no (retry only after fixing what it names)
EOF

# an explanation longer than the example's first buffer (256 bytes)
run long-explanation 1 arg '533 needs encryption' <<'EOF'
Policy refusal, named only by the IANA registry (533):
retry: no (retry only after fixing what it names)
EOF

run no-code 2 arg 'hello world' </dev/null
run_err no-code-message 'explain: no SMTP reply code in the text'

run empty-stdin 2 stdin '' </dev/null
run_err empty-stdin-message 'explain: no SMTP reply code in the text'

if [ -x "$explain" ]; then
	"$explain" one two >"$tmp/out" 2>"$tmp/last-err" </dev/null
	status=$?
	if [ "$status" -eq 2 ] && [ ! -s "$tmp/out" ]; then
		run_err usage 'explain: usage: explain [REPLY]'
	else
		echo "exit status $status, want 2"; echo "FAIL examples usage"
	fi
fi
