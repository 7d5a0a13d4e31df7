#!/bin/sh
# suite-json.sh -- every command's --json output is valid JSON of the documented shape, checked
# by a real parser (jq).
B=${1:-build}
bin=$B/smtpcode
if ! command -v jq >/dev/null 2>&1; then
	# in CI a missing test tool is a failure; a plain make check may skip the suite
	if [ -n "${CI:-}" ]; then echo "FAIL json: jq is not installed (make deps-ci installs it)"
	else echo "SKIP: json: jq is not installed (make deps-ci installs it)"; fi
	exit 0
fi

# check NAME JQ-FILTER ARGS...: the output parses and the filter (a boolean) is true
check() {
	name=$1 filter=$2
	shift 2
	if out=$("$bin" --json "$@" 2>/dev/null) && printf '%s' "$out" | jq -e "$filter" >/dev/null 2>&1; then
		echo "PASS json $name"
	else
		echo "FAIL json $name: $bin --json $*"
		printf '%s\n' "$out" | head -20
	fi
}

entry='(.code|type=="string") and (.kind=="basic" or .kind=="enhanced") and (.title|length>0)
	and (.description|length>0) and (.when_seen|length>0) and (.how_to_fix|length>0)
	and (.references|type=="array") and (.related|type=="array") and (.who_acts|type=="string")
	and (.retry|type=="string") and (.class_name|type=="string" or .class==null)'
check basic "$entry and .code==\"535\" and .class==5 and .kind==\"basic\"" 535
check enhanced "$entry and .class==5 and .subject==7 and .detail==8 and (.basic_codes|index(535)!=null)" 5.7.8
check x-form "$entry and .class==null and .canonical==\"X.7.8\"" X.7.8
check fallback "$entry and .registered==false and (.note|length>0) and .class==4" 4.7.650
check several "length==3 and (map($entry)|all)" 421 450 550
check compare ".kind==\"codes\" and (.a|$entry) and (.b|$entry) and (.differences|length>=3) and (.differences[0]|test(\"235 is a 2xx\"))
	and (.note.separates|test(\"^235 means the AUTH exchange succeeded\")) and (.note.how_to_tell|length>0) and (.note.what_to_do|length>0)" 235 535
check compare-no-note ".kind==\"codes\" and .note==null and has(\"note\")" 250 421
check compare-same "(.differences|map(test(\"same entry\"))|any)" 550 550
check list "length > 100 and (map($entry)|all)" --list
check list-filter "length > 5 and (map(.code|startswith(\"5.7.\"))|all)" --list 5.7
check list-basic "(map(.kind==\"basic\")|all)" --list basic
check search "(map(.code)|index(\"535\")!=null) and (map($entry)|all)" --search auth
check markdown-ignored-in-json "$entry" --format=markdown --json 552
# every entry of the table, one at a time, through the parser
codes=$("$bin" --list --color=never | while read -r code _; do printf '%s ' "$code"; done)
bad=0
for c in $codes; do
	"$bin" --json -- "$c" | jq -e "$entry" >/dev/null 2>&1 || { echo "invalid JSON for $c"; bad=1; }
done
if [ "$bad" -eq 0 ]; then echo "PASS json every-entry"; else echo "FAIL json every-entry"; fi

# explain: the documented keys, also for a text without a code (exit 1, still JSON)
explain='has("basic_code") and has("enhanced_code") and has("status_code") and has("stage")
	and has("stage_token") and has("text") and has("message") and has("remote_host")
	and has("remote_ip") and has("form") and has("basic") and has("enhanced")
	and has("provider") and has("provider_entry") and (.warnings|type=="array")'
check explain "$explain and .basic_code==550 and .enhanced_code==\"5.1.1\" and .form==\"postfix\"
	and .remote_host==\"mx.example.net\" and .remote_ip==\"192.0.2.7\" and .stage_token==\"rcpt\"
	and .status_code==\"5.1.1\"" --explain 'dsn=5.1.1, status=bounced (host MX.example.net[192.0.2.7] said: 550 5.1.1 User unknown (in reply to RCPT TO command))'
out=$("$bin" --json --explain 'no code here' 2>/dev/null)
rc=$?
if [ "$rc" -eq 1 ] && printf '%s' "$out" | jq -e "$explain and .basic_code==null and .enhanced_code==null and .text==null" >/dev/null 2>&1; then
	echo "PASS json explain-nothing"
else
	echo "FAIL json explain-nothing: exit $rc"
	printf '%s\n' "$out" | head -20
fi
check compare-replies ".kind==\"replies\" and (.a|$explain) and (.b|$explain) and .a.basic_code==550
	and .b.basic_code==554 and (.differences|length>=3) and (.differences[0]|test(\"550 and 554\"))
	and (.note.separates|test(\"^550 refuses\"))" '550 5.7.1 Relay access denied' '554 5.7.1 Service unavailable'
check compare-replies-explain ".kind==\"replies\" and .a.provider.id==\"google\" and .b.provider.id==\"outlook\"
	and (.differences[0]|test(\"same codes\")) and .note==null" --explain '550 5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent. - gsmtp' --explain '550 5.7.1 messages weren'"'"'t sent (S3140)'
# providers: the explain object's provider keys, a marker operand, the lists
pentry='(.id|test("^[a-z0-9-]+/.")) and (.provider|type=="string")
	and (.match=="marker" or .match=="codes_text" or .match=="codes" or .match=="range")
	and has("marker") and (.title|length>0) and (.summary|length>0) and (.meaning|length>0)
	and (.how_to_fix|length>0) and (.who_acts|type=="string") and (.retry|type=="string")
	and (.suppress_recipient|type=="boolean")
	and (.documented=="documented" or .documented=="observed" or .documented=="doc_differs")
	and has("wire_code") and (.source|length>0) and has("source_copy")
	and (.verified|test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))'
check explain-provider "$explain and .provider.id==\"yahoo\" and .provider.name==\"Yahoo Mail / AOL Mail\"
	and .provider.evidence==\"signature\" and .provider.matched==\"TSS04\"
	and .provider.confidence==\"high\" and (.provider_entry|$pentry)
	and .provider_entry.id==\"yahoo/TSS04\" and .provider_entry.match==\"marker\"
	and .provider_entry.marker==\"TSS04\"" --explain '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1'
check explain-provider-hint "$explain and .provider.evidence==\"hint_rcpt\" and .provider.confidence==\"low\"
	and .provider.id==\"google\"" --rcpt gmail.com --explain '550 5.1.1 The email account that you tried to reach does not exist.'
check explain-no-provider "$explain and .provider==null and .provider_entry==null" --explain '550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual mailbox table'
check entry-provider-uses "$entry and (.summary|length>0) and (.provider_uses|length>=2)
	and (.provider_uses|map(has(\"provider\") and has(\"id\") and has(\"match\") and has(\"title\") and has(\"summary\"))|all)
	and (.provider_uses|map(.id)|index(\"microsoft365/5.7.708-ip-not-accepted\")!=null)" 5.7.708
check marker "length==1 and (map($pentry)|all) and .[0].id==\"yahoo/TSS04\"" TSS04
check list-providers "length>=26 and (map((.id|type==\"string\") and (.name|length>0) and (.entries>0)
	and (.verified|test(\"^[0-9]{4}-\")))|all) and (map(.id)|index(\"t-online\")!=null)" --list providers
check list-provider "length>100 and (map($pentry and .provider==\"google\")|all)" --list google
# every reply text of the case tables, through the library's writer and a real parser
if [ -x "$B/replies-dump" ]; then
	n=$("$B/replies-dump" --json tests/data/replies/*.tsv tests/data/replies/corpus/*.tsv |
		jq -s "map($explain) | map(select(.)) | length" 2>&1)
	rows=$(cat tests/data/replies/*.tsv tests/data/replies/corpus/*.tsv | grep -v '^#' | grep -c .)
	files=$(ls tests/data/replies/*.tsv tests/data/replies/corpus/*.tsv | wc -l)
	if [ "$n" = "$((rows - files))" ]; then
		echo "PASS json explain-every-case ($n)"
	else
		echo "FAIL json explain-every-case: $n valid of $((rows - files))"
	fi
else
	echo "FAIL json explain-every-case: $B/replies-dump is missing"
fi
