#!/bin/sh
# history.sh DUMP SUPPRESSIONS ABIDIFF -- the committed ABI dump may change incompatibly only
# together with the soname it records (an ABI bump). Compares the dump with its version before
# the last commit that changed it; passes when there is none (a clone without history, or the
# dump's first commit).
dump=$1 suppressions=$2 abidiff=${3:-abidiff}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
last=$(git log -n 1 --format=%H -- "$dump" 2>/dev/null)
if [ -z "$last" ] || ! git show "$last~1:$dump" >"$tmp/before.abi" 2>/dev/null; then
	echo "check-abi: $dump has no earlier version to compare with"
	exit 0
fi
soname() { sed -n "s/.* soname='\([^']*\)'.*/\1/p" "$1" | head -n 1; }
"$abidiff" --suppressions "$suppressions" "$tmp/before.abi" "$dump" >"$tmp/log" 2>&1
rc=$?
if [ $((rc & 8)) -ne 0 ] && [ "$(soname "$tmp/before.abi")" = "$(soname "$dump")" ]; then
	cat "$tmp/log"
	echo "check-abi: $dump changed incompatibly in $last without an ABI bump (soname $(soname "$dump"))"
	exit 1
fi
echo "check-abi: $dump since its last version: $(if [ $rc -eq 0 ]; then echo no change; elif [ "$(soname "$tmp/before.abi")" != "$(soname "$dump")" ]; then echo "ABI bumped to $(soname "$dump")"; else echo compatible additions; fi)"
