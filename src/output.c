/* output.c -- text wrapping and JSON writing shared by the command's output formats. */
#include <string.h>

#include "output.h"
#include "render.h"

void put_spaces(FILE *fp, int n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

size_t wrap_next(const char **text, size_t width, const char **line)
{
	const char *p = *text, *end, *stop;

	while (*p == ' ')
		p++;
	if (*p == '\0' || width == 0) {
		*text = p;
		return 0;
	}
	*line = p;
	stop = p; /* end of the last word that fits */
	for (end = p; *end != '\0' && (size_t)(end - p) <= width; ) {
		const char *word_end = end + strcspn(end, " ");

		if ((size_t)(word_end - p) > width)
			break;
		stop = word_end;
		end = word_end;
		while (*end == ' ')
			end++;
	}
	if (stop == p) /* a word longer than the line: cut it */
		stop = p + width;
	*text = stop;
	return (size_t)(stop - p);
}

void out_wrapped(FILE *fp, const char *text, int indent, int width)
{
	int room = width - indent;
	const char *line;
	size_t n, lines = 0;

	if (room < 10)
		room = 10;
	while ((n = wrap_next(&text, (size_t)room, &line)) > 0) {
		if (lines++ > 0) {
			fputc('\n', fp);
			put_spaces(fp, indent);
		}
		fwrite(line, 1, n, fp);
	}
	fputc('\n', fp);
}

/* Length of the valid UTF-8 sequence at s (avail bytes readable), or 0 if it is not one. */
static size_t utf8_length(const unsigned char *s, size_t avail)
{
	size_t n, i;
	unsigned long cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (n > avail)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

void json_string_n(FILE *fp, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	fputc('"', fp);
	while (p < end) {
		size_t n;

		if (*p == '"' || *p == '\\') {
			fputc('\\', fp);
			fputc(*p++, fp);
		} else if (*p == '\n') {
			fputs("\\n", fp);
			p++;
		} else if (*p == '\t') {
			fputs("\\t", fp);
			p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			fprintf(fp, "\\u%04x", *p++);
		} else if ((n = utf8_length(p, (size_t)(end - p))) == 0) {
			fputs("\\ufffd", fp);
			p++;
		} else {
			fwrite(p, 1, n, fp);
			p += n;
		}
	}
	fputc('"', fp);
}

void json_string(FILE *fp, const char *s)
{
	json_string_n(fp, s, strlen(s));
}

static void json_key(FILE *fp, const char *key, int indent)
{
	fputs(",\n", fp);
	put_spaces(fp, indent + 2);
	fprintf(fp, "\"%s\": ", key);
}

static void json_text(FILE *fp, const char *key, const char *value, int indent)
{
	json_key(fp, key, indent);
	if (value != NULL)
		json_string(fp, value);
	else
		fputs("null", fp);
}

static void json_int(FILE *fp, const char *key, int value, int indent)
{
	json_key(fp, key, indent);
	if (value >= 0)
		fprintf(fp, "%d", value);
	else
		fputs("null", fp);
}

static void json_strings(FILE *fp, const char *key, const char *const *items, size_t n,
			 int indent)
{
	size_t i;

	json_key(fp, key, indent);
	fputc('[', fp);
	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(", ", fp);
		json_string(fp, items[i]);
	}
	fputc(']', fp);
}

void json_entry(FILE *fp, const struct smtpcode_entry *e, const char *asked, const char *note,
		int indent)
{
	int cls = asked_class(e, asked);
	size_t i;

	fputs("{\n", fp);
	put_spaces(fp, indent + 2);
	fputs("\"code\": ", fp);
	json_string(fp, asked);
	json_text(fp, "canonical", e->code, indent);
	json_text(fp, "kind", e->kind == SMTPCODE_BASIC ? "basic" : "enhanced", indent);
	json_int(fp, "class", cls > 0 ? cls : -1, indent);
	json_text(fp, "class_name", smtpcode_class_name(e->kind, cls), indent);
	json_text(fp, "status", smtpcode_status_name(e->status), indent);
	json_key(fp, "registered", indent);
	fputs(note == NULL ? "true" : "false", fp);
	if (note != NULL)
		json_text(fp, "note", note, indent);
	json_text(fp, "title", e->title, indent);
	json_text(fp, "description", e->description, indent);
	json_text(fp, "when_seen", e->when_seen, indent);
	json_text(fp, "how_to_fix", e->how_to_fix, indent);
	json_text(fp, "who_acts", smtpcode_actor_name(e->who_acts), indent);
	json_text(fp, "retry", smtpcode_retry_name(smtpcode_retry_for(e, cls)), indent);
	json_strings(fp, "references", e->references, e->reference_count, indent);
	json_strings(fp, "related", e->related, e->related_count, indent);
	if (e->kind == SMTPCODE_ENHANCED) {
		json_int(fp, "subject", e->subject, indent);
		json_text(fp, "subject_name", e->subject_name, indent);
		json_int(fp, "detail", e->detail, indent);
		json_key(fp, "basic_codes", indent);
		fputc('[', fp);
		for (i = 0; i < e->basic_code_count; i++)
			fprintf(fp, "%s%u", i ? ", " : "", (unsigned)e->basic_codes[i]);
		fputc(']', fp);
	}
	fputc('\n', fp);
	put_spaces(fp, indent);
	fputc('}', fp);
}
