/* fields.c -- an entry's fields by their JSON name, for bindings that should not mirror the
 * struct layout (Python's ctypes, WebAssembly). */
#include "internal.h"

enum field {
	FIELD_CANONICAL, FIELD_KIND, FIELD_CLASS, FIELD_CLASS_NAME, FIELD_STATUS,
	FIELD_REGISTERED, FIELD_NOTE, FIELD_TITLE, FIELD_SUMMARY, FIELD_DESCRIPTION,
	FIELD_WHEN_SEEN, FIELD_HOW_TO_FIX, FIELD_WHO_ACTS, FIELD_RETRY, FIELD_REFERENCES,
	FIELD_RELATED, FIELD_SCOPE, FIELD_STAGES, FIELD_NEXT, FIELD_SUBJECT, FIELD_SUBJECT_NAME,
	FIELD_DETAIL, FIELD_BASIC_CODES, FIELD_NONE
};

/* The JSON entry object's keys, in the order of enum field. */
static const char *const field_names[FIELD_NONE] = {
	"canonical", "kind", "class", "class_name", "status", "registered", "note", "title",
	"summary", "description", "when_seen", "how_to_fix", "who_acts", "retry", "references",
	"related", "scope", "stages", "next", "subject", "subject_name", "detail", "basic_codes"
};

static enum field field_of(const char *name)
{
	int i;

	for (i = 0; name != NULL && i < FIELD_NONE; i++)
		if (strcmp(field_names[i], name) == 0)
			return (enum field)i;
	return FIELD_NONE;
}

/* The entry that answers for code, and the class it was asked in; NULL when none does. */
static const struct smtpcode_entry *answer(const char *code, struct smtpcode_resolution *r)
{
	r->size = sizeof *r;
	if (smtpcode_resolve(code, r) != SMTPCODE_OK)
		return NULL;
	return smtpcode_resolved_entry(r);
}

const char *smtpcode_field(const char *code, const char *name)
{
	struct smtpcode_resolution r;
	const struct smtpcode_entry *e = answer(code, &r);
	int cls = r.reply_class;

	if (e == NULL)
		return NULL;
	if (cls == 0)
		cls = e->reply_class;
	switch (field_of(name)) {
	case FIELD_CANONICAL:
		return e->code;
	case FIELD_KIND:
		return e->kind == SMTPCODE_BASIC ? "basic" : "enhanced";
	case FIELD_CLASS_NAME:
		return smtpcode_class_name(e->kind, cls);
	case FIELD_STATUS:
		return smtpcode_status_name(e->status);
	case FIELD_NOTE:
		return smtpcode_note_text(r.note);
	case FIELD_TITLE:
		return e->title;
	case FIELD_SUMMARY:
		return e->summary;
	case FIELD_DESCRIPTION:
		return e->description;
	case FIELD_WHEN_SEEN:
		return e->when_seen;
	case FIELD_HOW_TO_FIX:
		return e->how_to_fix;
	case FIELD_WHO_ACTS:
		return smtpcode_actor_name(e->who_acts);
	case FIELD_RETRY:
		return smtpcode_retry_name(smtpcode_retry_for(e, cls));
	case FIELD_SCOPE:
		return smtpcode_scope_name(e->scope);
	case FIELD_NEXT:
		return e->next != SMTPCODE_NEXT_UNSPECIFIED ? smtpcode_next_name(e->next) : NULL;
	case FIELD_SUBJECT_NAME:
		return e->subject_name;
	case FIELD_CLASS:
	case FIELD_REGISTERED:
	case FIELD_REFERENCES:
	case FIELD_RELATED:
	case FIELD_STAGES:
	case FIELD_SUBJECT:
	case FIELD_DETAIL:
	case FIELD_BASIC_CODES:
	case FIELD_NONE:
		break; /* numbers and lists: smtpcode_field_int, smtpcode_field_at */
	}
	return NULL;
}

long smtpcode_field_int(const char *code, const char *name)
{
	struct smtpcode_resolution r;
	const struct smtpcode_entry *e = answer(code, &r);
	int cls = r.reply_class;

	if (e == NULL)
		return -1;
	if (cls == 0)
		cls = e->reply_class;
	switch (field_of(name)) {
	case FIELD_KIND:
		return e->kind;
	case FIELD_CLASS:
		return cls > 0 ? cls : -1;
	case FIELD_STATUS:
		return e->status;
	case FIELD_REGISTERED:
		return r.note == SMTPCODE_NOTE_NONE;
	case FIELD_WHO_ACTS:
		return e->who_acts;
	case FIELD_RETRY:
		return smtpcode_retry_for(e, cls);
	case FIELD_SCOPE:
		return e->scope;
	case FIELD_NEXT:
		return e->next;
	case FIELD_SUBJECT:
		return e->kind == SMTPCODE_ENHANCED ? e->subject : -1;
	case FIELD_DETAIL:
		return e->kind == SMTPCODE_ENHANCED ? e->detail : -1;
	case FIELD_CANONICAL:
	case FIELD_CLASS_NAME:
	case FIELD_NOTE:
	case FIELD_TITLE:
	case FIELD_SUMMARY:
	case FIELD_DESCRIPTION:
	case FIELD_WHEN_SEEN:
	case FIELD_HOW_TO_FIX:
	case FIELD_REFERENCES:
	case FIELD_RELATED:
	case FIELD_STAGES:
	case FIELD_SUBJECT_NAME:
	case FIELD_BASIC_CODES:
	case FIELD_NONE:
		break; /* texts and lists: smtpcode_field, smtpcode_field_at */
	}
	return -1;
}

/* Stage i of an entry's stages, in the order of the stage list; -1 past the end. */
static int stage_at(const struct smtpcode_entry *e, size_t i)
{
	int s;

	for (s = 0; s < (int)(8 * sizeof e->stages); s++)
		if ((e->stages >> s & 1ul) && i-- == 0)
			return s;
	return -1;
}

static size_t stage_count(const struct smtpcode_entry *e)
{
	size_t n = 0;

	while (stage_at(e, n) >= 0)
		n++;
	return n;
}

/* The list fields, and which one a name is (-1 for none). */
enum list { LIST_REFERENCES, LIST_RELATED, LIST_BASIC_CODES, LIST_STAGES };

static int list_of(const char *name)
{
	enum field f = field_of(name);

	if (f == FIELD_REFERENCES)
		return LIST_REFERENCES;
	if (f == FIELD_RELATED)
		return LIST_RELATED;
	if (f == FIELD_BASIC_CODES)
		return LIST_BASIC_CODES;
	return f == FIELD_STAGES ? LIST_STAGES : -1;
}

size_t smtpcode_field_count(const char *code, const char *name)
{
	struct smtpcode_resolution r;
	const struct smtpcode_entry *e = answer(code, &r);

	if (e == NULL)
		return 0;
	switch (list_of(name)) {
	case LIST_REFERENCES:
		return e->reference_count;
	case LIST_RELATED:
		return e->related_count;
	case LIST_BASIC_CODES:
		return e->basic_code_count;
	case LIST_STAGES:
		return stage_count(e);
	default:
		return 0;
	}
}

const char *smtpcode_field_at(const char *code, const char *name, size_t i)
{
	struct smtpcode_resolution r;
	const struct smtpcode_entry *e = answer(code, &r);
	const struct smtpcode_entry *basic;

	if (e == NULL)
		return NULL;
	switch (list_of(name)) {
	case LIST_REFERENCES:
		return i < e->reference_count ? e->references[i] : NULL;
	case LIST_RELATED:
		return i < e->related_count ? e->related[i] : NULL;
	case LIST_BASIC_CODES:
		/* static storage for the number: the basic code's own entry, which the generator
		 * makes sure exists */
		if (i >= e->basic_code_count)
			return NULL;
		basic = smtpcode_lookup_basic(e->basic_codes[i]);
		return basic != NULL ? basic->code : NULL;
	case LIST_STAGES:
		return stage_at(e, i) >= 0 ? smtpcode_stage_token((enum smtpcode_stage)stage_at(e, i))
					   : NULL;
	default:
		return NULL;
	}
}
