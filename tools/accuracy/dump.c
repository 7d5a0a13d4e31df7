/* dump.c -- what the reply reader finds in every row of the case tables, one TSV line per
 * row: FILE, LINE, then the found basic, enhanced, stage, status_code, form, remote_host,
 * remote_ip, warnings and whole text ("-" for none). tools/accuracy/report.py compares it with
 * the tables' expectations and with two naive regular expressions (make accuracy).
 * With --json first, it writes each row's explain object instead, one after another, for
 * tests/suite-json.sh to hand to jq. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "tsv.h"

static void put_field(const char *s, size_t n)
{
	size_t i;

	if (n == 0) {
		fputs("-", stdout);
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\t')
			fputs("\\t", stdout);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\r')
			fputs("\\r", stdout);
		else if (c == '\\')
			fputs("\\\\", stdout);
		else if (c < 0x20 || c == 0x7F)
			printf("\\x%02X", c);
		else
			putchar(c);
	}
}

static void put_lower(const char *s, size_t n)
{
	char buf[256];
	size_t i;

	if (n >= sizeof buf)
		n = sizeof buf - 1;
	for (i = 0; i < n; i++)
		buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	put_field(buf, n);
}

static int json_mode;

static void dump_json(const char *s, size_t n)
{
	static char buf[1 << 20];
	int len = smtpcode_json_explain(s, n, 0, buf, sizeof buf);

	if (len < 0 || (size_t)len >= sizeof buf) {
		fprintf(stderr, "replies-dump: no JSON (%d)\n", len);
		exit(1);
	}
	fwrite(buf, 1, (size_t)len, stdout);
	putchar('\n');
}

static void dump_file(const char *path)
{
	struct tsv t;
	size_t row;
	int text_col;

	if (tsv_load(path, &t) != 0)
		exit(2);
	text_col = tsv_column(&t, "text");
	for (row = 0; row < t.nrows; row++) {
		const struct tsv_field *f = tsv_get(&t, row, text_col);
		struct smtpcode_reply r = { .size = sizeof r };
		static char text[65536];
		int n, w, first = 1;

		if (json_mode) {
			dump_json(f->s, f->len);
			continue;
		}
		smtpcode_parse_reply(f->s, f->len, &r);
		printf("%s\t%d\t", path, t.lines[row]);
		if (r.basic >= 0)
			printf("%d", r.basic);
		else
			fputs("-", stdout);
		printf("\t%s\t%s\t%s\t%s\t", r.enhanced[0] ? r.enhanced : "-",
		       r.stage != SMTPCODE_STAGE_UNKNOWN ? smtpcode_stage_token(r.stage) : "-",
		       r.status[0] ? r.status : "-", smtpcode_form_name(r.form));
		put_lower(f->s + r.remote_host_offset, r.remote_host_length);
		putchar('\t');
		put_field(f->s + r.remote_ip_offset, r.remote_ip_length);
		putchar('\t');
		for (w = 1; w <= 0x80; w <<= 1) {
			if (r.warnings & (unsigned)w) {
				printf("%s%s", first ? "" : ",", smtpcode_warning_name((enum smtpcode_warning)w));
				first = 0;
			}
		}
		if (first)
			fputs("-", stdout);
		putchar('\t');
		n = smtpcode_reply_text(f->s, f->len, &r, text, sizeof text);
		put_field(text, n > 0 ? ((size_t)n < sizeof text ? (size_t)n : sizeof text - 1) : 0);
		putchar('\n');
	}
	tsv_free(&t);
}

int main(int argc, char **argv)
{
	int i = 1;

	if (argc > 1 && strcmp(argv[1], "--json") == 0) {
		json_mode = 1;
		i++;
	}
	for (; i < argc; i++)
		dump_file(argv[i]);
	return 0;
}
