#!/bin/sh
# suite-scan.sh -- smtpcode --scan as a user runs it, on logs made of the lines real Postfix,
# Exim and OpenSMTPD wrote (tests/data/replies/corpus/, the "log" rows): the report in text and
# JSON against golden files (tests/scan/), --each, plain and gzip alike, --jobs alike, the
# filters, the exit statuses, and bad input (missing, a directory, truncated and corrupt
# gzip, binary data, a 10 MB line, terminal controls in replies), and the progress line on a
# terminal (a pty). To update a golden file, run the command by hand and review the diff.
B=${1:-build}
here=$(dirname "$0")
gold=$here/scan
sc=$(cd "$B" && pwd)/smtpcode
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
PY=/usr/bin/python3

pass() { echo "PASS scan $1"; }
fail() { echo "FAIL scan $1"; }
check() { # check NAME: the last command's status was 0
	if [ "$?" -eq 0 ]; then pass "$1"; else fail "$1"; fi
}

# the log lines of a corpus file, unescaped (\\n stays as the MTA wrote it: Exim escapes it)
corpus_log() {
	grep -v '^#' "$here/data/replies/corpus/$1.tsv" | awk -F'\t' 'NR > 1 && $6 ~ /, log(;|$)/ { print $1 }' |
		sed 's/\\\\/\\/g'
}
for m in postfix exim opensmtpd; do
	corpus_log $m >"$tmp/$m.log"
done
cat "$tmp/postfix.log" "$tmp/exim.log" "$tmp/opensmtpd.log" >"$tmp/mail.log"
# a yearless syslog time takes the file's year: fix it
touch -d '2026-12-03 12:00:00' "$tmp/postfix.log" "$tmp/exim.log" "$tmp/opensmtpd.log" "$tmp/mail.log"
[ "$(wc -l <"$tmp/mail.log")" -gt 150 ]
check "corpus logs made ($(wc -l <"$tmp/mail.log") lines)"

run() { # run NAME STATUS ARGS...: stdout to $tmp/NAME.out, stderr to $tmp/NAME.err
	name=$1 want=$2
	shift 2
	(cd "$tmp" && COLUMNS=80 NO_COLOR=1 "$sc" "$@" >"$name.out" 2>"$name.err" </dev/null)
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "$name: exit status $got, want $want"
		cat "$tmp/$name.err"
		return 1
	fi
}
golden() { # golden NAME: $tmp/NAME.out is tests/scan/NAME.out
	diff -u "$gold/$1.out" "$tmp/$1.out"
}

run report 0 --scan mail.log && golden report && [ ! -s "$tmp/report.err" ]
check "text report of the three MTAs' lines (golden)"
run report-json 0 --scan --json mail.log && golden report-json && jq -e . "$tmp/report-json.out" >/dev/null
check "JSON report (golden, valid JSON)"
run each 0 --scan --each mail.log && golden each &&
	[ "$(jq -s length "$tmp/each.out")" -eq "$(jq -s '[.[] | select(.basic_code != null or .enhanced_code != null)] | length' "$tmp/each.out")" ]
check "--each: one JSON line per reply line (golden)"
# --each's keys, each line: the contract's and no other
jq -e -s 'all(.[]; keys == (["basic_code","delivery","enhanced_code","file","line","provider","queue_id",
	"recipient_domain","remote_host","stage","status_code","text","time"]))' "$tmp/each.out" >/dev/null
check "--each lines carry exactly the contract's keys"
# the JSON report's rows: counts add up, shares sum to 1, rows ranked by count
jq -e '(.rows | map(.count) | add) == .failures - .unranked and
	((.rows | map(.share) | add) - 1 | fabs) < 0.01 and
	(.rows | map(.count) | . == (sort | reverse)) and
	all(.rows[]; .count == ((.top_domains | map(.count) | add // 0) + .other_domains))' \
	"$tmp/report-json.out" >/dev/null
check "JSON rows: counts add up to the failures, shares to 1, ranked"

# gzip: the same report from the same bytes compressed, in one member or several
gzip -c "$tmp/mail.log" >"$tmp/mail.log.gz"
{ gzip -c "$tmp/postfix.log"; gzip -c "$tmp/exim.log"; gzip -c "$tmp/opensmtpd.log"; } >"$tmp/members.gz"
cp "$tmp/mail.log.gz" "$tmp/no-suffix"
touch -d '2026-12-03 12:00:00' "$tmp/mail.log.gz" "$tmp/members.gz" "$tmp/no-suffix"
run gz 0 --scan mail.log.gz && diff -u "$tmp/report.out" "$tmp/gz.out"
check "gzip log: the same report as plain"
run members 0 --scan members.gz && diff -u "$tmp/report.out" "$tmp/members.out"
check "gzip of several members: the same report"
run magic 0 --scan no-suffix && diff -u "$tmp/report.out" "$tmp/magic.out"
check "gzip found by its magic bytes, not its name"
run gz-each 0 --scan --each mail.log.gz && sed 's/"file": "mail.log.gz"/"file": "mail.log"/' "$tmp/gz-each.out" | diff -u "$tmp/each.out" -
check "gzip log: the same --each lines"

# several files, and --jobs: the same report whatever the number of jobs
run three 0 --scan postfix.log exim.log opensmtpd.log
run three-jobs 0 --scan --jobs 2 postfix.log exim.log opensmtpd.log && cmp "$tmp/three.out" "$tmp/three-jobs.out" &&
	sed -n 1p "$tmp/three.out" | grep -q '^Files 3, ' && sed 1d "$tmp/three.out" | diff -u - "$(sed 1d "$tmp/report.out" >"$tmp/r1"; echo "$tmp/r1")"
check "three files, --jobs 1 and 2: one report, byte for byte, as of the files joined"
run three-json 0 --scan --json --jobs 3 postfix.log exim.log opensmtpd.log &&
	jq -e '.files | map(.file) == ["postfix.log","exim.log","opensmtpd.log"] and all(.[]; .error == null and .lines > 0)' "$tmp/three-json.out" >/dev/null
check "--json files: each file with its lines, in order"

run jobs-errors 2 --scan --jobs 3 postfix.log no-such.log exim.log &&
	[ "$(grep -c '^smtpcode: no-such.log: No such file or directory$' "$tmp/jobs-errors.err")" -eq 1 ] &&
	grep -q '^Files 3, ' "$tmp/jobs-errors.out"
check "--jobs 3 with a missing file among them: named once, the rest reported"
run each-jobs 0 --scan --each --jobs 2 postfix.log exim.log &&
	[ "$(jq -s 'map(.file) | . == (sort_by(. != "postfix.log"))' "$tmp/each-jobs.out")" = true ]
check "--each with --jobs: the lines in the order of the files"

cp "$sc" "$tmp/bin1"
cp "$sc" "$tmp/bin2"
(cd "$tmp" && "$sc" --scan --jobs 2 bin1 bin2 >bins.out 2>bins.err </dev/null)
[ "$?" -le 1 ] && [ "$(grep -c 'a line holding NUL bytes' "$tmp/bins.err")" -eq 2 ] &&
	grep -q '^smtpcode: bin1:' "$tmp/bins.err" && grep -q '^smtpcode: bin2:' "$tmp/bins.err"
check "--jobs 2 on two binary files: one warning each, written whole"
run until-minute 0 --scan --each --until 2026-12-02T07:42 exim.log &&
	jq -e -s 'length > 0 and all(.[]; .time <= "2026-12-02 07:42:59")' "$tmp/until-minute.out" >/dev/null
check "--until without seconds: its whole minute"

# standard input, as "-" and as no operand
(cd "$tmp" && COLUMNS=80 "$sc" --scan --each - <mail.log >stdin.out 2>stdin.err) &&
	sed 's/"file": "-"/"file": "mail.log"/' "$tmp/stdin.out" | sed 's/"time": "Dec/"time": "Dec/' >"$tmp/stdin.cmp" &&
	[ "$(jq -s length "$tmp/stdin.out")" -eq "$(jq -s length "$tmp/each.out")" ] &&
	jq -e -s 'all(.[]; .file == "-")' "$tmp/stdin.out" >/dev/null
check "standard input as '-': the same lines, file \"-\""
(cd "$tmp" && COLUMNS=80 "$sc" --scan <mail.log >stdin2.out 2>&1) && grep -q '^Files 1, lines ' "$tmp/stdin2.out"
check "standard input with no operand"

# filters
run f-class 0 --scan --json --class 4 mail.log && jq -e '.rows | length > 0 and all(.[]; (.basic_code // 400) < 500 and ((.enhanced_code // "4") | startswith("4")))' "$tmp/f-class.out" >/dev/null
check "--class 4: only 4xx rows"
run f-code 0 --scan --each --code 5.7 mail.log && jq -e -s 'length > 0 and all(.[]; .enhanced_code | startswith("5.7."))' "$tmp/f-code.out" >/dev/null
check "--code 5.7: only 5.7.x lines"
run f-code55 0 --scan --each --code 55x mail.log && jq -e -s 'length > 0 and all(.[]; .basic_code >= 550 and .basic_code < 560)' "$tmp/f-code55.out" >/dev/null
check "--code 55x: only 55x lines"
run f-exact 0 --scan --each --code 421 mail.log && jq -e -s 'length > 0 and all(.[]; .basic_code == 421)' "$tmp/f-exact.out" >/dev/null
check "--code 421: only 421 lines"
run f-domain 0 --scan --each --domain EXAMPLE.net mail.log && jq -e -s 'length > 0 and all(.[]; .recipient_domain == "example.net")' "$tmp/f-domain.out" >/dev/null
check "--domain: only that recipient domain"
run f-since 0 --scan --each --since 2026-12-02T07:42 --until '2026-12-02 07:42:30' exim.log &&
	jq -e -s 'length > 0 and all(.[]; .time >= "2026-12-02 07:42:00" and .time <= "2026-12-02 07:42:30")' "$tmp/f-since.out" >/dev/null &&
	[ "$(jq -s length "$tmp/f-since.out")" -lt "$(grep -c . "$tmp/exim.log")" ]
check "--since and --until (ISO): only lines of that span"
run f-syslog 0 --scan --each --since 'Dec  2 07:41:40' postfix.log && jq -e -s 'length > 0 and all(.[]; .time >= "Dec 02 07:41:40")' "$tmp/f-syslog.out" >/dev/null
check "--since in syslog form"
run f-none 1 --scan --each --since 2030-01-01 mail.log && [ ! -s "$tmp/f-none.out" ]
check "a filter nothing passes: no lines, exit 1"
printf '%s\n' '2026-12-02T10:00:00 mx postfix/smtp[1]: 4A1: to=<a@example.com>, relay=gmail-smtp-in.l.google.com[192.0.2.9]:25, dsn=5.1.1, status=bounced (host gmail-smtp-in.l.google.com[192.0.2.9] said: 550-5.1.1 The email account that you tried to reach does not exist. https://support.google.com/mail/?p=NoSuchUser x1-2 - gsmtp (in reply to RCPT TO command))' >"$tmp/gmail.log"
cat "$tmp/mail.log" >>"$tmp/gmail.log"
run f-provider 0 --scan --json --provider google gmail.log &&
	jq -e '.replies == 1 and .rows[0].provider == "google" and .rows[0].marker == "NoSuchUser" and .rows[0].title != null' "$tmp/f-provider.out" >/dev/null
check "--provider as a filter: only the Gmail line, with its entry"

run gmail-text 0 --scan gmail.log && grep -q '^ *[0-9]*\. 550 5\.1\.1 (google NoSuchUser)  count 1  ' "$tmp/gmail-text.out"
check "the text report names the provider and marker of a row"
awk 'BEGIN { for (i = 0; i < 1100; i++) printf "2026-12-01T10:00:00 mx postfix/smtp[1]: 4A%d: to=<a@x.example>, relay=mx.x.example[192.0.2.1]:25, status=bounced (host mx.x.example[192.0.2.1] said: 550 5.%d.%d no (in reply to RCPT TO command))\n", i, 1 + int(i / 1000), i % 1000 }' >"$tmp/many.log"
run many 0 --scan many.log && grep -q '^76 failures of further distinct replies' "$tmp/many.out" &&
	[ "$(grep -c '^ *[0-9]*\. 550 5\.' "$tmp/many.out")" -eq 1024 ]
check "1,100 distinct replies: 1,024 rows, the rest counted as unranked"

# usage errors (exit 2, one line on stderr)
for args in "--scan --host mx.example.net mail.log" "--scan --rcpt example.com mail.log" \
	"--scan --class 3 mail.log" "--scan --jobs 0 mail.log" "--scan --jobs x mail.log" \
	"--scan --code abc mail.log" "--scan --since yesterday mail.log" "--scan --until 2026-13-01 mail.log" \
	"--scan --format=html mail.log" "--scan --each --format=markdown mail.log" "--each 550" \
	"--since 2026-12-01 550" "--scan --explain x" "--scan --provider nosuch mail.log" "--scan --domain"; do
	# shellcheck disable=SC2086
	run usage 2 $args && [ "$(wc -l <"$tmp/usage.err")" -eq 1 ] && grep -q '^smtpcode: ' "$tmp/usage.err" && [ ! -s "$tmp/usage.out" ]
	check "usage error: $args"
done

# bad input
run missing 2 --scan postfix.log no-such.log && grep -q '^smtpcode: no-such.log: No such file or directory$' "$tmp/missing.err" &&
	grep -q '^Files 2, ' "$tmp/missing.out"
check "a missing file: named, the rest reported, exit 2"
mkdir "$tmp/adir"
run dir 2 --scan --json adir postfix.log && jq -e '.files[0].error == "Is a directory" and .files[1].error == null and .replies > 0' "$tmp/dir.out" >/dev/null
check "a directory: its error in the JSON, exit 2"
head -c 300 "$tmp/mail.log.gz" >"$tmp/truncated.gz"
run truncated 2 --scan truncated.gz && grep -q '^smtpcode: truncated.gz: the gzip data is truncated$' "$tmp/truncated.err" && grep -q '^Files 1' "$tmp/truncated.out"
check "truncated gzip: the report of what was read, then the error, exit 2"
$PY -c "import sys; d = bytearray(open(sys.argv[1], 'rb').read()); d[40:60] = b'\xff' * 20; open(sys.argv[2], 'wb').write(d)" "$tmp/mail.log.gz" "$tmp/corrupt.gz"
run corrupt 2 --scan corrupt.gz && grep -q '^smtpcode: corrupt.gz: corrupt gzip data' "$tmp/corrupt.err"
check "corrupt gzip: named, exit 2"
(cd "$tmp" && "$sc" --scan "$sc" >binary.out 2>binary.err </dev/null)
[ "$?" -le 1 ] && grep -q 'a line holding NUL bytes' "$tmp/binary.err" && [ "$(grep -c 'NUL bytes' "$tmp/binary.err")" -eq 1 ] &&
	! LC_ALL=C grep -q "$(printf '\033')" "$tmp/binary.out"
check "binary data (the smtpcode executable): one warning with file:line, no control in the output"
$PY -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('x' * (10 << 20) + ' 550 5.1.1 past the first MiB\n')
    f.write('2026-12-02T10:00:00 mx postfix/smtp[1]: 4A1: to=<a@example.net>, relay=mx.example.net[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.1] said: 550 5.1.1 gone (in reply to RCPT TO command))\n')
" "$tmp/long.log"
gzip -c "$tmp/long.log" >"$tmp/long.gz"
run long-gz 0 --scan --each long.gz && grep -q '^smtpcode: long.gz:1: a line longer than 1 MiB' "$tmp/long-gz.err" &&
	jq -e -s 'length == 1 and .[0].line == 2' "$tmp/long-gz.out" >/dev/null
check "a 10 MB line in gzip: cut across inflated pieces, the next line read"
run long 0 --scan --each long.log && grep -q '^smtpcode: long.log:1: a line longer than 1 MiB' "$tmp/long.err" &&
	[ "$(wc -l <"$tmp/long.err")" -eq 1 ] && jq -e -s 'length == 1 and .[0].line == 2' "$tmp/long.out" >/dev/null
check "a 10 MB line: one warning naming long.log:1, the next line read"
printf '2026-12-02T10:00:00 mx postfix/smtp[1]: 4A1: to=<a@example.net>, relay=mx.example.net[192.0.2.1]:25, dsn=5.7.1, status=bounced (host mx.example.net[192.0.2.1] said: 550 5.7.1 \033]0;owned\007\033[2J\342\200\256evil \377 (in reply to RCPT TO command))\n' >"$tmp/hostile.log"
run hostile 0 --scan hostile.log && ! LC_ALL=C grep -q "$(printf '\033')" "$tmp/hostile.out" &&
	grep -q '<U+001B>\]0;owned<U+0007><U+001B>\[2J<U+202E>evil' "$tmp/hostile.out"
check "terminal controls in a reply: shown as <U+XXXX>, none reaches the terminal"
run hostile-json 0 --scan --each hostile.log && jq -e -s '.[0].text | contains("\u001b]0;owned")' "$tmp/hostile-json.out" >/dev/null &&
	! LC_ALL=C grep -q "$(printf '\033')" "$tmp/hostile-json.out"
check "terminal controls in --each: escaped as \\u001b"
printf 'nothing here\nno code at all\n' >"$tmp/none.log"
run none 1 --scan none.log && grep -q '^Files 1, lines 2, replies 0, failures 0' "$tmp/none.out"
check "no reply at all: the report, exit 1"
: >"$tmp/empty.log"
run empty 1 --scan empty.log
check "an empty file: exit 1"

# progress on a terminal: a pty for stderr, standard input over 8 MiB delivered slowly
$PY - "$sc" "$tmp/mail.log" <<'EOF'
import os, pty, subprocess, sys, tempfile, time
cli, log = sys.argv[1], sys.argv[2]
data = open(log, 'rb').read()
master, slave = pty.openpty()
os.set_blocking(master, False)
def drain():
    """What the command wrote to the terminal so far."""
    time.sleep(0.1)
    err = b''
    try:
        while True:
            b = os.read(master, 65536)
            if not b:
                break
            err += b
    except (BlockingIOError, OSError):
        pass
    return err
def run(args):
    global elapsed
    began = time.monotonic()
    outf = tempfile.TemporaryFile()
    p = subprocess.Popen([cli] + args, stdin=subprocess.PIPE, stdout=outf, stderr=slave)
    sent = 0
    chunk = data * 8
    pauses = 0
    while sent < (12 << 20):
        p.stdin.write(chunk)
        p.stdin.flush()
        sent += len(chunk)
        if sent > (9 << 20) and pauses < 3:
            time.sleep(0.4)
            pauses += 1
    p.stdin.close()
    p.wait()
    elapsed = time.monotonic() - began
    outf.seek(0)
    out = outf.read()
    return p.returncode, out, drain()
rc, out, err = run(['--scan'])
assert rc == 0, rc
assert b'\r\x1b[K' in err and b'MB' in err and b'lines/s' in err, err[:200]
assert err.endswith(b'\r\x1b[K'), err[-40:]
assert 1 <= err.count(b'lines/s') <= 4 * elapsed + 1, (err.count(b'lines/s'), elapsed)  # at most 4 a second
assert out.startswith(b'Files 1, '), out[:80]
big = log + '.big'
with open(big, 'wb') as f:
    f.write(data * ((48 << 20) // len(data) + 1))
began = time.monotonic()
p = subprocess.Popen([cli, '--scan', big], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
p.wait()
err = drain()
os.unlink(big)
assert p.returncode == 0, p.returncode
if time.monotonic() - began > 0.5:  # a file read in under 0.25 s has no update to show
    assert b'%' in err and b's left' in err, err[:200]
rc, out, err = run(['--scan', '--json'])
assert rc == 0 and err == b'', err[:200]
rc, out, err = run(['--scan', '--each'])
assert rc == 0 and err == b'', err[:200]
EOF
check "progress on a terminal: bytes and lines/s, erased at the end; none with --json or --each"
