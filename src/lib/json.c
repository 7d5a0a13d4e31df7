/* json.c -- the JSON objects of the contract (README, "JSON"): an entry, an explained reply,
 * a comparison. The command prints them, and the bindings parse them, so that every output
 * has the same keys and values. Pretty-printed, two spaces per level. */
#include <stdio.h>

#include "internal.h"

/* A JSON string literal of len bytes that may hold anything (see the sink's JSON mode). */
static void string_n(struct sink *s, const char *text, size_t len)
{
	INTERNAL(put)(s, "\"");
	s->json = 1;
	INTERNAL(put_n)(s, text, len);
	s->json = 0;
	INTERNAL(put)(s, "\"");
}

static void string(struct sink *s, const char *text)
{
	if (text != NULL)
		string_n(s, text, strlen(text));
	else
		INTERNAL(put)(s, "null");
}

/* ",\n" and the indentation of a key at this level, then the key. */
static void key(struct sink *s, const char *name, int indent)
{
	INTERNAL(putf)(s, ",\n%*s\"%s\": ", indent + 2, "", name);
}

static void text_field(struct sink *s, const char *name, const char *value, int indent)
{
	key(s, name, indent);
	string(s, value);
}

static void int_field(struct sink *s, const char *name, int value, int indent)
{
	key(s, name, indent);
	if (value >= 0)
		INTERNAL(putf)(s, "%d", value);
	else
		INTERNAL(put)(s, "null");
}

static void strings_field(struct sink *s, const char *name, const char *const *items,
			  size_t n, int indent)
{
	size_t i;

	key(s, name, indent);
	INTERNAL(put)(s, "[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			INTERNAL(put)(s, ", ");
		string(s, items[i]);
	}
	INTERNAL(put)(s, "]");
}

/* How an entry matches when nothing else is known: by its most specific field. */
static enum smtpcode_match primary_match(const struct smtpcode_provider_entry *pe)
{
	if (pe->marker_count > 0)
		return SMTPCODE_MATCH_MARKER;
	if (pe->text_count > 0)
		return SMTPCODE_MATCH_CODES_TEXT;
	return pe->codes != NULL ? SMTPCODE_MATCH_CODES : SMTPCODE_MATCH_RANGE;
}

/* "provider_uses": the provider entries that give the code asked their own meaning. */
static void provider_uses(struct sink *s, const char *asked, int indent)
{
	const struct smtpcode_provider_entry *u;
	struct smtpcode_code c;
	size_t i = 0, n = 0;

	key(s, "provider_uses", indent);
	INTERNAL(put)(s, "[");
	if (smtpcode_parse_code(asked, &c) != SMTPCODE_OK)
		c.kind = SMTPCODE_ENHANCED, c.subject = -1;
	while ((u = INTERNAL(next_use)(&c, &i)) != NULL) {
		INTERNAL(putf)(s, "%s\n%*s{ \"provider\": ", n++ ? "," : "", indent + 4, "");
		string(s, u->provider->id);
		INTERNAL(put)(s, ", \"id\": ");
		string(s, u->id);
		INTERNAL(put)(s, ", \"match\": ");
		string(s, smtpcode_match_name(primary_match(u)));
		INTERNAL(put)(s, ", \"title\": ");
		string(s, u->title);
		INTERNAL(put)(s, ", \"summary\": ");
		string(s, u->summary);
		INTERNAL(put)(s, " }");
	}
	if (n > 0)
		INTERNAL(putf)(s, "\n%*s", indent + 2, "");
	INTERNAL(put)(s, "]");
}

/* The provider entry object; match and marker say how it matched a reply (marker NULL when
 * none). */
static void provider_entry(struct sink *s, const struct smtpcode_provider_entry *pe,
			   enum smtpcode_match match, const char *marker, int indent)
{
	INTERNAL(putf)(s, "{\n%*s\"id\": ", indent + 2, "");
	string(s, pe->id);
	text_field(s, "provider", pe->provider->id, indent);
	text_field(s, "match", smtpcode_match_name(match), indent);
	text_field(s, "marker", marker != NULL && marker[0] != '\0' ? marker : NULL, indent);
	text_field(s, "title", pe->title, indent);
	text_field(s, "summary", pe->summary, indent);
	text_field(s, "meaning", pe->meaning, indent);
	text_field(s, "how_to_fix", pe->how_to_fix, indent);
	text_field(s, "who_acts", smtpcode_actor_name(pe->who_acts), indent);
	text_field(s, "retry", smtpcode_retry_name(pe->retry), indent);
	key(s, "suppress_recipient", indent);
	INTERNAL(put)(s, pe->suppress_recipient ? "true" : "false");
	text_field(s, "documented", smtpcode_documented_name(pe->documented), indent);
	text_field(s, "wire_code", pe->wire_code, indent);
	text_field(s, "source", pe->source, indent);
	text_field(s, "source_copy", pe->source_copy, indent);
	text_field(s, "verified", pe->verified, indent);
	INTERNAL(putf)(s, "\n%*s}", indent, "");
}

/* The entry object of e, met as the code asked; note says why it answers for less (an
 * unregistered detail), and makes "registered" false. */
static void entry(struct sink *s, const struct smtpcode_entry *e, const char *asked,
		  enum smtpcode_note note, int indent)
{
	int cls = smtpcode_asked_class(e, asked), cls2;
	size_t i;

	INTERNAL(putf)(s, "{\n%*s\"code\": ", indent + 2, "");
	string(s, asked);
	text_field(s, "canonical", e->code, indent);
	text_field(s, "kind", e->kind == SMTPCODE_BASIC ? "basic" : "enhanced", indent);
	int_field(s, "class", cls > 0 ? cls : -1, indent);
	text_field(s, "class_name", smtpcode_class_name(e->kind, cls), indent);
	text_field(s, "status", smtpcode_status_name(e->status), indent);
	key(s, "registered", indent);
	INTERNAL(put)(s, note == SMTPCODE_NOTE_NONE ? "true" : "false");
	if (note != SMTPCODE_NOTE_NONE)
		text_field(s, "note", smtpcode_note_text(note), indent);
	text_field(s, "title", e->title, indent);
	text_field(s, "summary", e->summary, indent);
	text_field(s, "description", e->description, indent);
	text_field(s, "when_seen", e->when_seen, indent);
	text_field(s, "how_to_fix", e->how_to_fix, indent);
	text_field(s, "who_acts", smtpcode_actor_name(e->who_acts), indent);
	text_field(s, "retry", smtpcode_retry_name(smtpcode_retry_for(e, cls)), indent);
	strings_field(s, "references", e->references, e->reference_count, indent);
	strings_field(s, "related", e->related, e->related_count, indent);
	text_field(s, "scope", smtpcode_scope_name(e->scope), indent);
	key(s, "stages", indent);
	INTERNAL(put)(s, "[");
	for (i = 0, cls2 = 0; i < 32; i++) {
		if (e->stages & (1ul << i)) {
			INTERNAL(put)(s, cls2++ ? ", " : "");
			string(s, smtpcode_stage_token((enum smtpcode_stage)i));
		}
	}
	INTERNAL(put)(s, "]");
	text_field(s, "next", smtpcode_next_name(e->next), indent);
	provider_uses(s, asked, indent);
	if (e->kind == SMTPCODE_ENHANCED) {
		int_field(s, "subject", e->subject, indent);
		text_field(s, "subject_name", e->subject_name, indent);
		int_field(s, "detail", e->detail, indent);
		key(s, "basic_codes", indent);
		INTERNAL(put)(s, "[");
		for (i = 0; i < e->basic_code_count; i++)
			INTERNAL(putf)(s, "%s%u", i ? ", " : "", (unsigned)e->basic_codes[i]);
		INTERNAL(put)(s, "]");
		key(s, "rfc_classes", indent);
		INTERNAL(put)(s, "[");
		for (i = 2, cls2 = 0; i <= 5; i++)
			if (e->rfc_classes & 1ul << i)
				INTERNAL(putf)(s, "%s%zu", cls2++ ? ", " : "", i);
		INTERNAL(put)(s, "]");
	}
	INTERNAL(putf)(s, "\n%*s}", indent, "");
}

static int start(struct sink *s, char *buf, size_t size)
{
	if (buf == NULL && size > 0)
		return SMTPCODE_ENULL;
	INTERNAL(sink_init)(s, buf, size);
	return SMTPCODE_OK;
}

int smtpcode_json_entry(const char *code, int indent, char *buf, size_t size)
{
	struct smtpcode_resolution r = { .size = sizeof r };
	struct sink s;
	int rc = start(&s, buf, size);

	if (rc != SMTPCODE_OK || (rc = smtpcode_resolve(code, &r)) != SMTPCODE_OK)
		return rc;
	entry(&s, smtpcode_resolved_entry(&r), code, r.note, indent < 0 ? 0 : indent);
	return INTERNAL(sink_result)(&s);
}

/* The remote host as the contract writes it: lower case. */
static void lower_string(struct sink *s, const char *text, size_t n)
{
	char buf[256];
	size_t i;

	if (n == 0 || n >= sizeof buf) {
		INTERNAL(put)(s, "null");
		return;
	}
	for (i = 0; i < n; i++)
		buf[i] = (char)(text[i] >= 'A' && text[i] <= 'Z' ? text[i] - 'A' + 'a' : text[i]);
	string_n(s, buf, n);
}

int smtpcode_json_explain(const char *text, size_t length, int indent, char *buf, size_t size)
{
	return smtpcode_json_explain_hints(text, length, NULL, indent, buf, size);
}

/* A pair note object, or null. */
static void pair_note(struct sink *s, const struct smtpcode_pair_note *n, int indent)
{
	if (n == NULL) {
		INTERNAL(put)(s, "null");
		return;
	}
	INTERNAL(putf)(s, "{\n%*s\"separates\": ", indent + 2, "");
	string(s, n->separates);
	text_field(s, "how_to_tell", n->how_to_tell, indent);
	text_field(s, "what_to_do", n->what_to_do, indent);
	INTERNAL(putf)(s, "\n%*s}", indent, "");
}

/* The explain object of a reply text, written into s: SMTPCODE_OK, or the error of the hints
 * (nothing written then). */
static int explain_object(struct sink *out, const char *text, size_t length,
			  const struct smtpcode_hints *hints, int ind)
{
	struct smtpcode_reply r = { .size = sizeof r };
	struct smtpcode_provider_match m = { .size = sizeof m };
	unsigned warnings;
	int mrc;
	const struct smtpcode_entry *basic, *enhanced;
	struct smtpcode_resolution res = { .size = sizeof res };
	struct sink s = *out;
	char code[8], whole[4096];
	int rc, shown = 0, n;

	rc = smtpcode_parse_reply(text, length, &r);
	mrc = smtpcode_match_provider(text, length, &r, hints, &m);
	if (mrc == SMTPCODE_ESYNTAX || mrc == SMTPCODE_ESIZE)
		return mrc;
	smtpcode_reply_entries(&r, &basic, &enhanced, NULL);
	INTERNAL(putf)(&s, "{\n%*s\"basic_code\": ", ind + 2, "");
	if (r.basic >= 0)
		INTERNAL(putf)(&s, "%d", r.basic);
	else
		INTERNAL(put)(&s, "null");
	key(&s, "enhanced_code", ind);
	string(&s, r.enhanced[0] != '\0' ? r.enhanced : NULL);
	key(&s, "status_code", ind);
	string(&s, r.status[0] != '\0' ? r.status : NULL);
	key(&s, "stage", ind);
	string(&s, r.stage != SMTPCODE_STAGE_UNKNOWN ? smtpcode_stage_name(r.stage) : NULL);
	key(&s, "stage_token", ind);
	string(&s, r.stage != SMTPCODE_STAGE_UNKNOWN ? smtpcode_stage_token(r.stage) : NULL);
	key(&s, "text", ind);
	n = rc == SMTPCODE_OK ? smtpcode_reply_text(text, length, &r, whole, sizeof whole) : 0;
	if (n >= (int)sizeof whole)
		n = (int)sizeof whole - 1; /* a reply longer than 4 KiB is shown cut */
	if (rc == SMTPCODE_OK)
		string_n(&s, whole, n > 0 ? (size_t)n : 0);
	else
		INTERNAL(put)(&s, "null");
	key(&s, "message", ind);
	if (rc == SMTPCODE_OK) {
		INTERNAL(put)(&s, "\"");
		s.json = 1;
		INTERNAL(explain_matched)(&s, &r, &m);
		s.json = 0;
		INTERNAL(put)(&s, "\"");
	} else {
		INTERNAL(put)(&s, "null");
	}
	key(&s, "remote_host", ind);
	lower_string(&s, text + r.remote_host_offset, r.remote_host_length);
	key(&s, "remote_ip", ind);
	if (r.remote_ip_length > 0)
		string_n(&s, text + r.remote_ip_offset, r.remote_ip_length);
	else
		INTERNAL(put)(&s, "null");
	key(&s, "form", ind);
	string(&s, rc == SMTPCODE_OK ? smtpcode_form_name(r.form) : NULL);
	key(&s, "provider", ind);
	if (m.provider != NULL) {
		INTERNAL(putf)(&s, "{\n%*s\"id\": ", ind + 4, "");
		string(&s, m.provider->id);
		text_field(&s, "name", m.provider->name, ind + 2);
		text_field(&s, "evidence", smtpcode_evidence_name(m.evidence), ind + 2);
		text_field(&s, "matched", m.matched, ind + 2);
		text_field(&s, "confidence", smtpcode_confidence_name(m.confidence), ind + 2);
		INTERNAL(putf)(&s, "\n%*s}", ind + 2, "");
	} else {
		INTERNAL(put)(&s, "null");
	}
	key(&s, "provider_entry", ind);
	if (m.entry != NULL && rc == SMTPCODE_OK)
		provider_entry(&s, m.entry, m.match, m.marker, ind + 2);
	else
		INTERNAL(put)(&s, "null");
	key(&s, "basic", ind);
	if (basic != NULL) {
		snprintf(code, sizeof code, "%d", r.basic);
		entry(&s, basic, code, SMTPCODE_NOTE_NONE, ind + 2);
	} else {
		INTERNAL(put)(&s, "null");
	}
	key(&s, "enhanced", ind);
	if (enhanced != NULL && smtpcode_resolve(r.enhanced, &res) == SMTPCODE_OK)
		entry(&s, enhanced, r.enhanced, res.note, ind + 2);
	else
		INTERNAL(put)(&s, "null");
	key(&s, "warnings", ind);
	INTERNAL(put)(&s, "[");
	warnings = smtpcode_reply_warnings(&r, rc == SMTPCODE_OK ? &m : NULL); /* once */
#define WARNING_(name, token, value) \
	if (warnings & SMTPCODE_WARN_##name) { \
		INTERNAL(putf)(&s, "%s\n%*s", shown++ ? "," : "", ind + 4, ""); \
		string(&s, smtpcode_warning_text(SMTPCODE_WARN_##name)); \
	}
	SMTPCODE_WARNING_LIST(WARNING_, WARNING_)
#undef WARNING_
	if (shown)
		INTERNAL(putf)(&s, "\n%*s", ind + 2, "");
	INTERNAL(putf)(&s, "]\n%*s}", ind, "");
	*out = s;
	return SMTPCODE_OK;
}

int smtpcode_json_explain_hints(const char *text, size_t length, const struct smtpcode_hints *hints,
				int indent, char *buf, size_t size)
{
	struct sink s;
	int rc = start(&s, buf, size);

	if (rc != SMTPCODE_OK)
		return rc;
	if (text == NULL)
		return SMTPCODE_ENULL;
	rc = explain_object(&s, text, length, hints, indent < 0 ? 0 : indent);
	return rc != SMTPCODE_OK ? rc : INTERNAL(sink_result)(&s);
}

int smtpcode_json_compare_replies(const char *text_a, size_t length_a, const char *text_b,
				  size_t length_b, const struct smtpcode_hints *hints, int indent,
				  char *buf, size_t size)
{
	struct sink s;
	int rc = start(&s, buf, size), ind = indent < 0 ? 0 : indent;

	if (rc != SMTPCODE_OK)
		return rc;
	if (text_a == NULL || text_b == NULL)
		return SMTPCODE_ENULL;
	INTERNAL(putf)(&s, "{\n%*s\"kind\": \"replies\"", ind + 2, "");
	key(&s, "a", ind);
	if ((rc = explain_object(&s, text_a, length_a, hints, ind + 2)) != SMTPCODE_OK)
		return rc;
	key(&s, "b", ind);
	explain_object(&s, text_b, length_b, hints, ind + 2);
	key(&s, "differences", ind);
	if (INTERNAL(json_differences)(&s, text_a, length_a, text_b, length_b, hints, ind + 2) !=
	    SMTPCODE_OK)
		INTERNAL(put)(&s, "[]");
	key(&s, "note", ind);
	pair_note(&s, smtpcode_reply_pair_note(text_a, length_a, text_b, length_b), ind + 2);
	INTERNAL(putf)(&s, "\n%*s}", ind, "");
	return INTERNAL(sink_result)(&s);
}

int smtpcode_json_provider_entry(const struct smtpcode_provider_entry *pe, int indent, char *buf,
				 size_t size)
{
	struct sink s;
	int rc = start(&s, buf, size);

	if (rc != SMTPCODE_OK)
		return rc;
	if (pe == NULL)
		return SMTPCODE_ENULL;
	provider_entry(&s, pe, primary_match(pe), pe->marker_count > 0 ? pe->markers[0] : NULL,
		       indent < 0 ? 0 : indent);
	return INTERNAL(sink_result)(&s);
}

int smtpcode_json_provider(const struct smtpcode_provider *p, int indent, char *buf, size_t size)
{
	struct sink s;
	int rc = start(&s, buf, size), ind = indent < 0 ? 0 : indent;

	if (rc != SMTPCODE_OK)
		return rc;
	if (p == NULL)
		return SMTPCODE_ENULL;
	INTERNAL(putf)(&s, "{\n%*s\"id\": ", ind + 2, "");
	string(&s, p->id);
	text_field(&s, "name", p->name, ind);
	key(&s, "entries", ind);
	INTERNAL(putf)(&s, "%zu", p->entry_count);
	text_field(&s, "verified", p->verified, ind);
	INTERNAL(putf)(&s, "\n%*s}", ind, "");
	return INTERNAL(sink_result)(&s);
}

int smtpcode_json_compare(const char *code_a, const char *code_b, int indent, char *buf,
			  size_t size)
{
	struct smtpcode_comparison c = { .size = sizeof c };
	struct sink s;
	size_t i;
	int rc = start(&s, buf, size), ind = indent < 0 ? 0 : indent;

	if (rc != SMTPCODE_OK || (rc = smtpcode_compare(code_a, code_b, &c)) != SMTPCODE_OK)
		return rc;
	INTERNAL(putf)(&s, "{\n%*s\"kind\": \"codes\"", ind + 2, "");
	key(&s, "a", ind);
	entry(&s, c.a, c.code_a, c.note_a, ind + 2);
	key(&s, "b", ind);
	entry(&s, c.b, c.code_b, c.note_b, ind + 2);
	key(&s, "note", ind);
	pair_note(&s, c.note, ind + 2);
	key(&s, "differences", ind);
	INTERNAL(put)(&s, "[");
	for (i = 0; i < c.count; i++) {
		INTERNAL(putf)(&s, "%s\n%*s\"", i ? "," : "", ind + 4, "");
		s.json = 1;
		INTERNAL(difference)(&s, &c, i);
		s.json = 0;
		INTERNAL(put)(&s, "\"");
	}
	INTERNAL(putf)(&s, "\n%*s]\n%*s}", ind + 2, "", ind, "");
	return INTERNAL(sink_result)(&s);
}

/* ---- log scans ----------------------------------------------------------------------------- */

/* A string of [p, p+n), null when n is 0; lower case when lower. */
static void span_string(struct sink *s, const char *p, size_t n, int lower)
{
	if (n == 0)
		INTERNAL(put)(s, "null");
	else if (lower)
		lower_string(s, p, n);
	else
		string_n(s, p, n);
}

static void time_string(struct sink *s, int64_t t)
{
	char buf[32];

	if (t < 0) {
		INTERNAL(put)(s, "null");
		return;
	}
	smtpcode_scan_time_text(t, buf, sizeof buf);
	string(s, buf);
}

int smtpcode_json_scan_event(const struct smtpcode_scan_event *ev, const char *file, char *buf,
			     size_t size)
{
	const struct smtpcode_reply *r;
	struct sink s;
	char whole[4096];
	int rc = start(&s, buf, size), n;

	if (rc != SMTPCODE_OK)
		return rc;
	if (ev == NULL || ev->reply == NULL)
		return SMTPCODE_ENULL;
	r = ev->reply;
	INTERNAL(put)(&s, "{\"file\": ");
	string(&s, file);
	INTERNAL(putf)(&s, ", \"line\": %llu, \"time\": ", (unsigned long long)ev->line);
	span_string(&s, ev->text + ev->time_offset, ev->time_length, 0);
	INTERNAL(put)(&s, ", \"queue_id\": ");
	span_string(&s, ev->text + ev->queue_id_offset, ev->queue_id_length, 0);
	INTERNAL(put)(&s, ", \"recipient_domain\": ");
	span_string(&s, ev->text + ev->domain_offset, ev->domain_length, 1);
	INTERNAL(put)(&s, ", \"remote_host\": ");
	span_string(&s, ev->text + ev->host_offset, ev->host_length, 1);
	INTERNAL(put)(&s, ", \"basic_code\": ");
	if (r->basic >= 0)
		INTERNAL(putf)(&s, "%d", r->basic);
	else
		INTERNAL(put)(&s, "null");
	INTERNAL(put)(&s, ", \"enhanced_code\": ");
	string(&s, r->enhanced[0] != '\0' ? r->enhanced : NULL);
	INTERNAL(put)(&s, ", \"status_code\": ");
	string(&s, r->status[0] != '\0' ? r->status : NULL);
	INTERNAL(put)(&s, ", \"stage\": ");
	string(&s, r->stage != SMTPCODE_STAGE_UNKNOWN ? smtpcode_stage_name(r->stage) : NULL);
	INTERNAL(put)(&s, ", \"provider\": ");
	string(&s, ev->match != NULL && ev->match->provider != NULL ? ev->match->provider->id : NULL);
	INTERNAL(put)(&s, ", \"delivery\": ");
	string(&s, smtpcode_delivery_name(ev->delivery));
	INTERNAL(put)(&s, ", \"text\": ");
	n = smtpcode_reply_text(ev->text, ev->length, r, whole, sizeof whole);
	if (n >= (int)sizeof whole)
		n = (int)sizeof whole - 1; /* as the explain object: a reply over 4 KiB is cut */
	string_n(&s, whole, n > 0 ? (size_t)n : 0);
	INTERNAL(put)(&s, "}");
	return INTERNAL(sink_result)(&s);
}

static void tallies(struct sink *s, const char *name, const char *item,
		    const struct smtpcode_scan_tally *t, size_t n, int ind)
{
	key(s, name, ind);
	INTERNAL(put)(s, "[");
	for (size_t i = 0; i < n; i++) {
		INTERNAL(putf)(s, "%s{\"%s\": ", i > 0 ? ", " : "", item);
		string(s, t[i].name);
		INTERNAL(putf)(s, ", \"count\": %llu}", (unsigned long long)t[i].count);
	}
	INTERNAL(put)(s, "]");
}

static void count_field(struct sink *s, const char *name, unsigned long long v, int ind)
{
	key(s, name, ind);
	INTERNAL(putf)(s, "%llu", v);
}

int smtpcode_json_scan(struct smtpcode_scan *scan, const struct smtpcode_scan_file *files,
		       size_t nfiles, int indent, char *buf, size_t size)
{
	struct smtpcode_scan_totals t = { .size = sizeof t };
	struct sink s;
	int rc = start(&s, buf, size), ind = indent < 0 ? 0 : indent;
	size_t rows, i;

	if (rc != SMTPCODE_OK || (rc = smtpcode_scan_totals(scan, &t)) != SMTPCODE_OK)
		return rc;
	if (files == NULL && nfiles > 0)
		return SMTPCODE_ENULL;
	rows = smtpcode_scan_rank(scan);
	INTERNAL(putf)(&s, "{\n%*s\"files\": [", ind + 2, "");
	for (i = 0; i < nfiles; i++) {
		INTERNAL(putf)(&s, "%s{\"file\": ", i > 0 ? ", " : "");
		string(&s, files[i].name);
		INTERNAL(putf)(&s, ", \"lines\": %llu, \"error\": ", (unsigned long long)files[i].lines);
		string(&s, files[i].error);
		INTERNAL(put)(&s, "}");
	}
	INTERNAL(put)(&s, "]");
	count_field(&s, "lines", t.lines, ind);
	count_field(&s, "replies", t.replies, ind);
	count_field(&s, "failures", t.failures, ind);
	key(&s, "first_time", ind);
	time_string(&s, t.first_time);
	key(&s, "last_time", ind);
	time_string(&s, t.last_time);
	count_field(&s, "unranked", t.unranked, ind);
	key(&s, "rows", ind);
	INTERNAL(put)(&s, "[");
	for (i = 0; i < rows; i++) {
		struct smtpcode_scan_row r = { .size = sizeof r };
		int in = ind + 4;

		smtpcode_scan_row(scan, i, &r);
		INTERNAL(putf)(&s, "%s\n%*s{\n%*s\"basic_code\": ", i > 0 ? "," : "", ind + 4, "",
			       in + 2, "");
		if (r.basic >= 0)
			INTERNAL(putf)(&s, "%d", r.basic);
		else
			INTERNAL(put)(&s, "null");
		text_field(&s, "enhanced_code", r.enhanced[0] != '\0' ? r.enhanced : NULL, in);
		text_field(&s, "provider", r.provider != NULL ? r.provider->id : NULL, in);
		text_field(&s, "marker", r.marker[0] != '\0' ? r.marker : NULL, in);
		count_field(&s, "count", r.count, in);
		key(&s, "share", in);
		INTERNAL(putf)(&s, "%.4f", r.share);
		count_field(&s, "deferred", r.deferred, in);
		count_field(&s, "bounced", r.bounced, in);
		count_field(&s, "rejected", r.rejected, in);
		text_field(&s, "title", r.title, in);
		text_field(&s, "summary", r.summary, in);
		tallies(&s, "top_domains", "domain", r.domains, r.domain_count, in);
		count_field(&s, "other_domains", r.other_domains, in);
		tallies(&s, "top_hosts", "host", r.hosts, r.host_count, in);
		count_field(&s, "other_hosts", r.other_hosts, in);
		key(&s, "first_time", in);
		time_string(&s, r.first_time);
		key(&s, "last_time", in);
		time_string(&s, r.last_time);
		key(&s, "sample", in);
		string_n(&s, r.sample, r.sample_length);
		INTERNAL(putf)(&s, "\n%*s}", in, "");
	}
	INTERNAL(putf)(&s, "%s]\n%*s}", rows > 0 ? "\n  " : "", ind, "");
	return INTERNAL(sink_result)(&s);
}
