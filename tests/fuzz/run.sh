#!/bin/sh
# run.sh -- runs libFuzzer targets, each for a bounded time, on a copy of its seed corpus.
# usage: sh tests/fuzz/run.sh FUZZ_BUILD_DIR SECONDS TARGET...
# FUZZ_BUILD_DIR holds fuzz/fuzz_TARGET (make fuzz). Seeds come from tests/fuzz/corpus/TARGET
# and are copied into FUZZ_BUILD_DIR/corpus/TARGET, where new inputs are added, so the
# repository is never written; a crash is saved in FUZZ_BUILD_DIR/artifacts/. Every seed is
# replayed first, so the inputs of past crashes (kept with the seeds) are regression tests.
# Prints one line per target and "N passed, N failed"; exits 1 when any target failed.
B=${1:?usage: run.sh FUZZ_BUILD_DIR SECONDS TARGET...}
secs=${2:?usage: run.sh FUZZ_BUILD_DIR SECONDS TARGET...}
shift 2
here=$(dirname "$0")
passed=0
failed=0
mkdir -p "$B/artifacts" || exit 2

for t in "$@"; do
	bin=$B/fuzz/fuzz_$t
	work=$B/corpus/$t
	log=$B/fuzz_$t.log
	mkdir -p "$work" || exit 2
	cp "$here/corpus/$t"/* "$work/" 2>/dev/null
	start=$(date +%s)
	"$bin" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -max_len=4096 \
		-print_final_stats=1 -artifact_prefix="$B/artifacts/$t-" "$work" >"$log" 2>&1
	rc=$?
	end=$(date +%s)
	runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
	cov=$(sed -n 's/^stat::.*//; s/.* cov: \([0-9]*\) .*/\1/p' "$log" | tail -n 1)
	units=$(ls "$work" | wc -l)
	if [ "$rc" -eq 0 ] && [ -n "$runs" ]; then
		echo "PASS fuzz $t: $runs runs in $((end - start)) s, coverage $cov edges," \
			"corpus $units inputs"
		passed=$((passed + 1))
	else
		echo "FAIL fuzz $t: exit status $rc after $((end - start)) s; the end of $log:"
		tail -n 40 "$log"
		ls "$B/artifacts/$t-"* 2>/dev/null | sed 's/^/  crash input: /'
		failed=$((failed + 1))
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
