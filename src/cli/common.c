/* common.c -- small helpers every writer uses: texts into buffers, cut to fit. */
#include <stdio.h>
#include <string.h>

#include "writer.h"

const char *reply_text(const char *text, size_t len, const struct smtpcode_reply *r, char *buf,
		       size_t size)
{
	char whole[4096];
	int w = smtpcode_reply_text(text, len, r, whole, sizeof whole);
	int n = smtpcode_sanitize(whole, w < 0 ? 0 : (size_t)w < sizeof whole ? (size_t)w
									       : sizeof whole - 1,
				  buf, size);
	size_t kept;

	if (n < 0) {
		buf[0] = '\0';
	} else if ((size_t)n >= size || (w > 0 && (size_t)w >= sizeof whole)) {
		/* cut with "..." between characters: not in a sequence's continuation bytes */
		kept = size - 4;
		while (kept > 0 && ((unsigned char)buf[kept] & 0xc0) == 0x80)
			kept--;
		memcpy(buf + kept, "...", 4);
	}
	return buf;
}

const char *remote_server(const char *text, const struct smtpcode_reply *r, char *buf,
			  size_t size)
{
	char raw[320];
	size_t h = r->remote_host_length, ip = r->remote_ip_length, n = 0, i;

	if (h == 0 && ip == 0)
		return NULL;
	if (h > 200)
		h = 200;
	if (ip > 64)
		ip = 64;
	for (i = 0; i < h; i++) {
		char c = text[r->remote_host_offset + i];

		raw[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	if (ip > 0) {
		if (h > 0)
			raw[n++] = ' ';
		raw[n++] = '[';
		memcpy(raw + n, text + r->remote_ip_offset, ip);
		n += ip;
		raw[n++] = ']';
	}
	if (smtpcode_sanitize(raw, n, buf, size) < 0)
		return NULL;
	return buf;
}

void provider_of(const char *text, size_t len, const struct smtpcode_reply *r,
		 const struct smtpcode_hints *hints, struct smtpcode_provider_match *m)
{
	m->size = sizeof *m;
	int rc = smtpcode_match_provider(text, len, r, hints, m);

	if (rc != SMTPCODE_OK && rc != SMTPCODE_ENOTFOUND) { /* m was not filled */
		m->provider = NULL;
		m->entry = NULL;
		m->match = SMTPCODE_MATCH_NONE;
	}
}

const char *provider_line(const struct smtpcode_provider_match *m, char *buf, size_t size)
{
	char raw[512];
	int n = smtpcode_provider_text(m, raw, sizeof raw);

	if (n <= 0 || smtpcode_sanitize(raw, (size_t)n < sizeof raw ? (size_t)n : sizeof raw - 1,
					buf, size) < 0)
		return NULL;
	return buf;
}

const char *explain_message(const char *text, size_t len, const struct smtpcode_hints *hints,
			    char *buf, size_t size)
{
	int n = smtpcode_explain_reply_hints(text, len, hints, buf, size);

	if (n < 0)
		return NULL;
	if ((size_t)n >= size)
		memcpy(buf + size - 4, "...", 4);
	return buf;
}

const char *joined(const struct smtpcode_entry *e, enum smtpcode_label list, char *buf,
		   size_t size)
{
	smtpcode_join(e, list, buf, size);
	return buf;
}

const char *class_label(const struct smtpcode_entry *e, int cls, int with_name, char *buf,
			size_t size)
{
	smtpcode_class_label(e->kind, cls, with_name, buf, size);
	return buf;
}

const char *code_in_class(const struct smtpcode_entry *e, int cls, char *buf, size_t size)
{
	smtpcode_format_code(e, cls, buf, size);
	return buf;
}

int reply_cards(const struct smtpcode_reply *r, const struct smtpcode_entry **basic,
		const struct smtpcode_entry **enhanced, char *asked, size_t size)
{
	enum smtpcode_note note;
	int known = smtpcode_reply_entries(r, basic, enhanced, &note);

	snprintf(asked, size, "%s", r->enhanced);
	if (*enhanced != NULL && note == SMTPCODE_NOTE_UNREGISTERED_DETAIL)
		code_in_class(*enhanced, r->enhanced_code.reply_class, asked, size);
	return known;
}

void card_fields(const struct smtpcode_entry *e, int cls,
		 void (*field)(FILE *out, enum smtpcode_label label, const char *text), FILE *out)
{
	char buf[4096];

	field(out, SMTPCODE_LABEL_CLASS, class_label(e, cls, 1, buf, sizeof buf));
	if (smtpcode_subject_label(e, buf, sizeof buf) >= 0)
		field(out, SMTPCODE_LABEL_SUBJECT, buf);
	if (e->status != SMTPCODE_STANDARD)
		field(out, SMTPCODE_LABEL_STATUS, smtpcode_status_text(e->status));
	field(out, SMTPCODE_LABEL_WHO_ACTS, smtpcode_actor_text(e->who_acts));
	field(out, SMTPCODE_LABEL_RETRY, smtpcode_retry_text(smtpcode_retry_for(e, cls)));
	field(out, SMTPCODE_LABEL_REFERENCES, joined(e, SMTPCODE_LABEL_REFERENCES, buf, sizeof buf));
	if (e->related_count > 0)
		field(out, SMTPCODE_LABEL_RELATED, joined(e, SMTPCODE_LABEL_RELATED, buf, sizeof buf));
	if (e->kind == SMTPCODE_ENHANCED)
		field(out, SMTPCODE_LABEL_BASIC_CODES,
		      joined(e, SMTPCODE_LABEL_BASIC_CODES, buf, sizeof buf));
}
