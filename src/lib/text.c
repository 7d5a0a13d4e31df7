/* text.c -- every English sentence and label the library writes, in one place: errors,
 * classes, actors, retry advice, stages, warnings, notes, labels, the sentences of a
 * comparison and the one-line explanation of a reply. Facts come from the table; this file
 * only words them. */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

const char *smtpcode_strerror(int err)
{
	switch (err) {
	case SMTPCODE_OK:
		return "success";
	case SMTPCODE_ENULL:
		return "no code given (NULL)";
	case SMTPCODE_EEMPTY:
		return "empty code";
	case SMTPCODE_ETOOLONG:
		return "too long to be a code";
	case SMTPCODE_ENOTASCII:
		return "contains a byte that is not printable ASCII";
	case SMTPCODE_ESYNTAX:
		return "not a reply code like 535 or an enhanced status code like 5.7.8";
	case SMTPCODE_ECLASS:
		return "no SMTP code has this class: reply codes start with 2-5, "
		       "enhanced codes with 2, 4 or 5";
	case SMTPCODE_ENOTFOUND:
		return "well-formed, but no such code is known";
	case SMTPCODE_ETRUNCATED:
		return "the buffer was too small; the text was cut";
	case SMTPCODE_ESIZE:
		return "the struct's size field is smaller than any version of the struct";
	default:
		return "unknown error";
	}
}

/* ---- classes ---------------------------------------------------------------------------- */

const char *smtpcode_class_name(enum smtpcode_kind kind, int reply_class)
{
	/* RFC 5321 section 4.2.1 names the classes of basic codes; the enhanced classes are
	 * named by the data's class entries ("5.XXX.XXX Permanent Failure") */
	static const char *const basic[] = {
		"Positive Completion", "Positive Intermediate", "Transient Negative Completion",
		"Permanent Negative Completion"
	};
	char key[SMTPCODE_CODE_MAX + 1];
	const struct smtpcode_entry *e;

	if (reply_class < 2 || reply_class > 5)
		return NULL;
	switch (kind) {
	case SMTPCODE_BASIC:
		return basic[reply_class - 2];
	case SMTPCODE_ENHANCED:
		e = INTERNAL(find)(key, INTERNAL(format_enhanced)(key, (char)('0' + reply_class),
								   -1, -1));
		return e != NULL ? e->title : NULL;
	}
	return NULL;
}

const char *smtpcode_class_text(int reply_class)
{
	switch (reply_class) {
	case 0:
		return "valid in any class";
	case 2:
		return "the request succeeded";
	case 3:
		return "the server is waiting for more input";
	case 4:
		return "a temporary failure, so the same request may succeed later";
	case 5:
		return "a permanent failure, so repeating the request unchanged fails again";
	default:
		return NULL;
	}
}

/* ---- the lists' texts -------------------------------------------------------------------- */

const char *smtpcode_status_text(enum smtpcode_status status)
{
	switch (status) {
	case SMTPCODE_STANDARD:
		return "standard: defined by an RFC or the IANA registry";
	case SMTPCODE_NONSTANDARD:
		return "non-standard: no RFC defines this code; a client acts on its first digit";
	case SMTPCODE_DEPRECATED:
		return "deprecated in the IANA registry";
	}
	return NULL;
}

const char *smtpcode_actor_text(enum smtpcode_actor actor)
{
	switch (actor) {
	case SMTPCODE_ACTOR_NONE:
		return "nobody: nothing went wrong";
	case SMTPCODE_ACTOR_SENDER:
		return "the sending user";
	case SMTPCODE_ACTOR_SENDER_ADMIN:
		return "the sender's administrator, mail provider or mail software";
	case SMTPCODE_ACTOR_RECIPIENT:
		return "the recipient";
	case SMTPCODE_ACTOR_RECIPIENT_ADMIN:
		return "the administrator of the receiving server";
	}
	return NULL;
}

const char *smtpcode_retry_text(enum smtpcode_retry retry)
{
	switch (retry) {
	case SMTPCODE_RETRY_NONE:
		return "nothing to retry";
	case SMTPCODE_RETRY_LATER:
		return "retry the same thing later; it is temporary";
	case SMTPCODE_RETRY_AFTER_CHANGE:
		return "retry only after fixing what it names";
	case SMTPCODE_RETRY_NEVER:
		return "do not retry this message";
	}
	return NULL;
}

const char *smtpcode_stage_name(enum smtpcode_stage stage)
{
	switch (stage) {
	case SMTPCODE_STAGE_UNKNOWN:
		return "unknown";
	case SMTPCODE_STAGE_CONNECT:
		return "connection greeting";
	case SMTPCODE_STAGE_HELO:
		return "EHLO/HELO";
	case SMTPCODE_STAGE_STARTTLS:
		return "STARTTLS";
	case SMTPCODE_STAGE_AUTH:
		return "AUTH";
	case SMTPCODE_STAGE_MAIL:
		return "MAIL FROM";
	case SMTPCODE_STAGE_RCPT:
		return "RCPT TO";
	case SMTPCODE_STAGE_DATA:
		return "DATA";
	case SMTPCODE_STAGE_END_OF_DATA:
		return "end of DATA";
	case SMTPCODE_STAGE_BDAT:
		return "BDAT";
	case SMTPCODE_STAGE_RSET:
		return "RSET";
	case SMTPCODE_STAGE_VRFY:
		return "VRFY";
	case SMTPCODE_STAGE_EXPN:
		return "EXPN";
	case SMTPCODE_STAGE_ETRN:
		return "ETRN";
	case SMTPCODE_STAGE_NOOP:
		return "NOOP";
	case SMTPCODE_STAGE_QUIT:
		return "QUIT";
	case SMTPCODE_STAGE_HELP:
		return "HELP";
	case SMTPCODE_STAGE_ATRN:
		return "ATRN";
	}
	return NULL;
}

const char *smtpcode_warning_text(enum smtpcode_warning warning)
{
	switch (warning) {
	case SMTPCODE_WARN_CLASS_MISMATCH:
		return "The enhanced code's class differs from the reply code's class, though "
		       "RFC 3463 says they should agree; trust the reply code, whose class "
		       "decides what the client does.";
	case SMTPCODE_WARN_NOT_ASSOCIATED:
		return "An unusual pair: the IANA registry lists this enhanced code only with "
		       "reply codes of another class (the Basic codes line of its card), so the "
		       "server uses it loosely; the reply code decides success or failure, the "
		       "enhanced code only adds detail.";
	case SMTPCODE_WARN_NONSTANDARD:
		return "The reply code is defined by no RFC, only some servers send it; trust "
		       "its first digit (4 temporary, 5 permanent) and the enhanced code.";
	case SMTPCODE_WARN_BAD_ENHANCED:
		return "Something shaped like an enhanced code is malformed (RFC 3463 wants "
		       "class 2, 4 or 5 and two more numbers, as in 5.1.1); ignore it and "
		       "trust the reply code.";
	case SMTPCODE_WARN_UNKNOWN_BASIC:
		return "The reply code is well-formed but not a known code; trust only its "
		       "first digit (2 success, 3 more input, 4 temporary, 5 permanent).";
	case SMTPCODE_WARN_UNKNOWN_ENHANCED:
		return "The enhanced code is well-formed but not registered (often a "
		       "provider's own detail); trust its class and subject, and read the "
		       "server's text for the rest.";
	case SMTPCODE_WARN_INCONSISTENT:
		return "The lines of this multi-line reply carry different codes, which RFC "
		       "5321 forbids; the first line's codes are shown, but clients act on "
		       "the last line's reply code, so trust that one.";
	case SMTPCODE_WARN_NO_CODE:
		return "No reply code or enhanced code was found; only the text itself can "
		       "be trusted.";
	}
	return NULL;
}

const char *smtpcode_evidence_text(enum smtpcode_evidence evidence)
{
	switch (evidence) {
	case SMTPCODE_EVIDENCE_NONE:
		return NULL;
	case SMTPCODE_EVIDENCE_HINT_PROVIDER:
		return "the provider you named";
	case SMTPCODE_EVIDENCE_SIGNATURE:
		return "a marker, signature, wording or code of its own in the text";
	case SMTPCODE_EVIDENCE_HELP_URL:
		return "a link to its help pages";
	case SMTPCODE_EVIDENCE_REMOTE_HOST:
		return "the remote server the text names";
	case SMTPCODE_EVIDENCE_HINT_HOST:
		return "the host you gave, one of its servers";
	case SMTPCODE_EVIDENCE_HINT_RCPT:
		return "the recipient domain you gave, one it serves";
	}
	return NULL;
}

int smtpcode_provider_text(const struct smtpcode_provider_match *m, char *buf, size_t size)
{
	struct sink s;

	if (m == NULL || (buf == NULL && size > 0))
		return SMTPCODE_ENULL;
	INTERNAL(sink_init)(&s, buf, size);
	if (m->provider != NULL && smtpcode_evidence_text(m->evidence) != NULL &&
	    smtpcode_confidence_name(m->confidence) != NULL)
		INTERNAL(putf)(&s, "%s (%s), from %s: %s; %s confidence", m->provider->name,
			       m->provider->id, smtpcode_evidence_text(m->evidence), m->matched,
			       smtpcode_confidence_name(m->confidence));
	return INTERNAL(sink_result)(&s);
}

const char *smtpcode_documented_text(enum smtpcode_documented documented)
{
	switch (documented) {
	case SMTPCODE_DOCUMENTED_DOCUMENTED:
		return "documented by the provider";
	case SMTPCODE_DOCUMENTED_OBSERVED:
		return "observed in real replies; the provider documents nothing";
	case SMTPCODE_DOCUMENTED_DOC_DIFFERS:
		return "documented, but the provider's servers send other codes";
	}
	return NULL;
}

const char *smtpcode_note_text(enum smtpcode_note note)
{
	switch (note) {
	case SMTPCODE_NOTE_NONE:
		return NULL;
	case SMTPCODE_NOTE_SHORT_FORM:
		return "A class and a subject without a detail: this is what the class and the "
		       "subject say.";
	case SMTPCODE_NOTE_UNREGISTERED_DETAIL:
		return "The IANA registry has no such detail under this subject: servers use "
		       "unregistered details for their own, provider-specific reasons, so only the "
		       "class and the subject below apply, and the reply text tells the rest.";
	}
	return NULL;
}

const char *smtpcode_label(enum smtpcode_label label)
{
	switch (label) {
	case SMTPCODE_LABEL_CLASS:
		return "Class";
	case SMTPCODE_LABEL_SUBJECT:
		return "Subject";
	case SMTPCODE_LABEL_STATUS:
		return "Status";
	case SMTPCODE_LABEL_TITLE:
		return "Title";
	case SMTPCODE_LABEL_DESCRIPTION:
		return "Description";
	case SMTPCODE_LABEL_WHEN_SEEN:
		return "When you see it";
	case SMTPCODE_LABEL_HOW_TO_FIX:
		return "How to fix";
	case SMTPCODE_LABEL_WHO_ACTS:
		return "Who acts";
	case SMTPCODE_LABEL_RETRY:
		return "Retry";
	case SMTPCODE_LABEL_REFERENCES:
		return "References";
	case SMTPCODE_LABEL_RELATED:
		return "Related";
	case SMTPCODE_LABEL_BASIC_CODES:
		return "Basic codes";
	case SMTPCODE_LABEL_REPLY_CODE:
		return "Reply code";
	case SMTPCODE_LABEL_ENHANCED_CODE:
		return "Enhanced code";
	case SMTPCODE_LABEL_IN_REPLY_TO:
		return "In reply to";
	case SMTPCODE_LABEL_SERVER_SAID:
		return "Server said";
	case SMTPCODE_LABEL_MTA_STATUS:
		return "MTA status";
	case SMTPCODE_LABEL_PROVIDER:
		return "Provider";
	case SMTPCODE_LABEL_PROVIDER_ENTRY:
		return "Provider entry";
	case SMTPCODE_LABEL_MEANING:
		return "Meaning";
	case SMTPCODE_LABEL_SOURCE:
		return "Source";
	case SMTPCODE_LABEL_PROVIDER_USES:
		return "Provider uses";
	case SMTPCODE_LABEL_PROVIDERS:
		return "Providers";
	case SMTPCODE_LABEL_SEPARATES:
		return "What separates them";
	case SMTPCODE_LABEL_HOW_TO_TELL:
		return "How to tell which you have";
	case SMTPCODE_LABEL_WHAT_TO_DO_DIFFERENTLY:
		return "What to do differently";
	case SMTPCODE_LABEL_CODE:
		return "Code";
	case SMTPCODE_LABEL_CODES:
		return "SMTP codes";
	case SMTPCODE_LABEL_REMOTE_SERVER:
		return "Remote server";
	case SMTPCODE_LABEL_IN_SHORT:
		return "In short";
	case SMTPCODE_LABEL_WARNING:
		return "Warning";
	case SMTPCODE_LABEL_KEY_DIFFERENCES:
		return "Key differences";
	case SMTPCODE_LABEL_WHAT_TO_DO:
		return "What to do";
	case SMTPCODE_LABEL_WHEN_TO_USE_WHICH:
		return "When to use which";
	case SMTPCODE_LABEL_NONE_FOUND:
		return "none found";
	case SMTPCODE_LABEL_NONE:
		return "none";
	case SMTPCODE_LABEL_VERSUS:
		return "vs";
	case SMTPCODE_LABEL_SMTP:
		return "SMTP";
	case SMTPCODE_LABEL_SMTP_REPLY:
		return "SMTP reply";
	case SMTPCODE_LABEL_NO_BASIC_CODES:
		return "none given by the registry";
	case SMTPCODE_LABEL_NO_REPLY_FOUND:
		return "no reply code found in the text; expected something like "
		       "'550 5.1.1 User unknown'";
	case SMTPCODE_LABEL_NO_MATCH:
		return "no code matches this filter";
	case SMTPCODE_LABEL_NO_SEARCH_MATCH:
		return "no code mentions every word given; try fewer or shorter words";
	case SMTPCODE_LABEL_UNKNOWN_CODE:
		return "no such code is known; 'smtpcode --list' shows every known code";
	case SMTPCODE_LABEL_ANY_CLASS:
		return "X (any class: the meaning does not depend on it)";
	case SMTPCODE_LABEL_SCAN_FILES:
		return "Files";
	case SMTPCODE_LABEL_SCAN_LINES:
		return "lines";
	case SMTPCODE_LABEL_SCAN_REPLIES:
		return "replies";
	case SMTPCODE_LABEL_SCAN_FAILURES:
		return "failures";
	case SMTPCODE_LABEL_SCAN_SPAN:
		return "from";
	case SMTPCODE_LABEL_SCAN_COUNT:
		return "count";
	case SMTPCODE_LABEL_SCAN_SHARE:
		return "share";
	case SMTPCODE_LABEL_SCAN_DEFERRED:
		return "deferred";
	case SMTPCODE_LABEL_SCAN_BOUNCED:
		return "bounced";
	case SMTPCODE_LABEL_SCAN_REJECTED:
		return "rejected";
	case SMTPCODE_LABEL_SCAN_DOMAINS:
		return "Recipient domains";
	case SMTPCODE_LABEL_SCAN_HOSTS:
		return "Remote hosts";
	case SMTPCODE_LABEL_SCAN_OTHER:
		return "other";
	case SMTPCODE_LABEL_SCAN_SEEN:
		return "Seen";
	case SMTPCODE_LABEL_SCAN_SAMPLE:
		return "Sample";
	case SMTPCODE_LABEL_SCAN_NO_FAILURES:
		return "no 4xx or 5xx reply in the log";
	case SMTPCODE_LABEL_SCAN_UNRANKED:
		return "failures of further distinct replies, past the rows the report holds";
	case SMTPCODE_LABEL_SCAN_CUT_LINE:
		return "a line longer than 1 MiB, read in its first MiB only";
	case SMTPCODE_LABEL_SCAN_BINARY_LINE:
		return "a line holding NUL bytes (binary data?), read as text";
	case SMTPCODE_LABEL_SITE_TITLE:
		return "SMTP reply codes explained";
	case SMTPCODE_LABEL_REPLY_CODES:
		return "Reply codes";
	case SMTPCODE_LABEL_ENHANCED_CODES:
		return "Enhanced status codes";
	case SMTPCODE_LABEL_EXPLAIN_A_REPLY:
		return "Explain a reply";
	case SMTPCODE_LABEL_REPLY_TEXT:
		return "The server's reply, or the log line or bounce that holds it";
	case SMTPCODE_LABEL_EXPLAIN:
		return "Explain";
	case SMTPCODE_LABEL_PAIRS:
		return "Codes people confuse";
	case SMTPCODE_LABEL_VERIFIED:
		return "Verified";
	case SMTPCODE_LABEL_CONTENTS:
		return "All codes";
	case SMTPCODE_LABEL_EXPLAIN_OFFLINE:
		return "The reply is explained in this page, by the library compiled to "
		       "WebAssembly: the text never leaves your computer.";
	case SMTPCODE_LABEL_NEEDS_SCRIPT:
		return "Explaining a reply here needs JavaScript; the command smtpcode --explain "
		       "does the same.";
	case SMTPCODE_LABEL_ENTRIES:
		return "Entries";
	case SMTPCODE_LABEL_SITE_NAVIGATION:
		return "Site";
	}
	return NULL;
}

/* ---- lists of an entry ------------------------------------------------------------------ */

int smtpcode_join(const struct smtpcode_entry *e, enum smtpcode_label list, char *buf,
		  size_t size)
{
	struct sink s;
	size_t i;

	if (e == NULL || (buf == NULL && size > 0))
		return SMTPCODE_ENULL;
	INTERNAL(sink_init)(&s, buf, size);
	if (list == SMTPCODE_LABEL_REFERENCES) {
		for (i = 0; i < e->reference_count; i++)
			INTERNAL(putf)(&s, "%s%s", i ? ", " : "", e->references[i]);
	} else if (list == SMTPCODE_LABEL_RELATED) {
		for (i = 0; i < e->related_count; i++)
			INTERNAL(putf)(&s, "%s%s", i ? ", " : "", e->related[i]);
	} else if (list == SMTPCODE_LABEL_BASIC_CODES) {
		for (i = 0; i < e->basic_code_count; i++)
			INTERNAL(putf)(&s, "%s%u", i ? ", " : "", (unsigned)e->basic_codes[i]);
		if (e->kind == SMTPCODE_ENHANCED && e->basic_code_count == 0)
			INTERNAL(put)(&s, smtpcode_label(SMTPCODE_LABEL_NO_BASIC_CODES));
	} else {
		return SMTPCODE_ENOTFOUND;
	}
	return INTERNAL(sink_result)(&s);
}

/* ---- sentences --------------------------------------------------------------------------- */

size_t smtpcode_first_sentence(const char *text, char *buf, size_t size)
{
	size_t n = 0, copy;

	if (text == NULL)
		text = "";
	int quoted = 0;

	for (; text[n] != '\0'; n++) {
		/* a quotation ("550 5.7.26 Unauthenticated email ... blocked.") is one piece */
		if (text[n] == '"')
			quoted = !quoted;
		if (quoted || (text[n] != '.' && text[n] != '?' && text[n] != '!') ||
		    (text[n + 1] != ' ' && text[n + 1] != '\0'))
			continue;
		/* "e.g." and "i.e." do not end a sentence, nor does an ellipsis ("...") */
		if (n >= 3 && (strncmp(text + n - 3, "e.g", 3) == 0 ||
			       strncmp(text + n - 3, "i.e", 3) == 0))
			continue;
		if (n >= 2 && text[n - 1] == '.' && text[n - 2] == '.')
			continue;
		n++;
		break;
	}
	if (size > 0 && buf != NULL) {
		copy = n < size - 1 ? n : size - 1;
		memcpy(buf, text, copy);
		buf[copy] = '\0';
	}
	return n;
}

static int ends_sentence(const char *s, size_t len)
{
	return len > 0 && (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?');
}

int smtpcode_advice(const struct smtpcode_entry *e, int reply_class, char *buf, size_t size)
{
	const char *retry;
	struct sink s;

	if (e == NULL || (buf == NULL && size > 0))
		return SMTPCODE_ENULL;
	retry = smtpcode_retry_text(smtpcode_retry_for(e, reply_class));
	INTERNAL(sink_init)(&s, buf, size);
	/* the retry advice as a sentence, then what to do first */
	INTERNAL(putf)(&s, "%c%s. ", retry[0] - 'a' + 'A', retry + 1);
	INTERNAL(put_n)(&s, e->how_to_fix, smtpcode_first_sentence(e->how_to_fix, NULL, 0));
	return INTERNAL(sink_result)(&s);
}

/* The one-line explanation of a reply whose codes were found as written in codes: its
 * entry's title and first advice, or for a code with no entry what its class says. */
void INTERNAL(explain_line)(struct sink *s, const struct smtpcode_entry *e,
			    enum smtpcode_kind kind, int reply_class, const char *codes)
{
	const char *name, *meaning;
	size_t len;

	if (e != NULL) {
		/* the entry's summary stands alone; an entry without one (a program's own data
		 * of an older format) gives the first sentence of how to fix */
		const char *line = e->summary != NULL ? e->summary : e->how_to_fix;

		len = smtpcode_first_sentence(line, NULL, 0);
		INTERNAL(put)(s, e->title);
		INTERNAL(put)(s, " (");
		INTERNAL(put)(s, codes);
		INTERNAL(put)(s, "): ");
		INTERNAL(put_n)(s, line, len);
		if (!ends_sentence(line, len))
			INTERNAL(put)(s, ".");
		return;
	}
	name = smtpcode_class_name(kind, reply_class);
	meaning = reply_class != 0 ? smtpcode_class_text(reply_class) : NULL;
	INTERNAL(put)(s, "Unregistered code, ");
	INTERNAL(put)(s, name != NULL ? name : "unknown class");
	INTERNAL(put)(s, " (");
	INTERNAL(put)(s, codes);
	INTERNAL(put)(s, "): ");
	INTERNAL(put)(s, meaning != NULL ? meaning : "the code's class is unknown");
	INTERNAL(put)(s, ".");
}

/* ---- the sentences of a comparison -------------------------------------------------------- */

/* One side of a comparison, as the sentences need it. */
struct side {
	const char *code;
	const struct smtpcode_entry *e;
	int cls;
};

/* "a 5xx Permanent Negative Completion reply (a permanent failure, ...)", "an enhanced status
 * code of class 5 (Permanent Failure: a permanent failure, ...)"; plural forms for "Both ...
 * are ...". The gloss, when asked for, says what the class means for the client. */
static void describe_class(struct sink *d, const struct side *s, int plural, int gloss)
{
	const char *name = smtpcode_class_name(s->e->kind, s->cls);

	if (name == NULL) {
		INTERNAL(put)(d, plural ? "enhanced status codes valid in any class"
					: "an enhanced status code valid in any class");
		return;
	}
	if (s->e->kind == SMTPCODE_BASIC)
		INTERNAL(putf)(d, plural ? "%dxx %s replies" : "a %dxx %s reply", s->cls, name);
	else
		INTERNAL(putf)(d, plural ? "enhanced status codes of class %d (%s" :
					   "an enhanced status code of class %d (%s", s->cls, name);
	if (gloss)
		INTERNAL(putf)(d, s->e->kind == SMTPCODE_BASIC ? " (%s)" : ": %s",
			       smtpcode_class_text(s->cls));
	if (s->e->kind != SMTPCODE_BASIC)
		INTERNAL(put)(d, ")");
}

static void class_sentence(struct sink *d, const struct side *a, const struct side *b)
{
	int same = a->cls == b->cls;

	if (same && a->e->kind == b->e->kind) {
		INTERNAL(putf)(d, "Both %s and %s are ", a->code, b->code);
		describe_class(d, a, 1, 1);
		INTERNAL(put)(d, ".");
		return;
	}
	INTERNAL(putf)(d, "%s is ", a->code);
	describe_class(d, a, 0, !same);
	INTERNAL(putf)(d, same ? " and %s is " : ", while %s is ", b->code);
	describe_class(d, b, 0, !same);
	if (same && a->cls != 0)
		INTERNAL(putf)(d, "; both mean %s.", smtpcode_class_text(a->cls));
	else
		INTERNAL(put)(d, ".");
}

/* The RFC that defines a code, from its first reference ("RFC 4954 section 6" gives
 * "RFC 4954"); "RFC 5321" when it names none. */
static void defining_rfc(const struct smtpcode_entry *e, char *buf, size_t size)
{
	const char *r = e->reference_count > 0 && strncmp(e->references[0], "RFC ", 4) == 0
				? e->references[0]
				: "RFC 5321";
	size_t n = 4;

	while (r[n] >= '0' && r[n] <= '9')
		n++;
	snprintf(buf, size, "%.*s", (int)n, r);
}

static void kind_sentence(struct sink *d, const struct side *basic, const struct side *enh)
{
	char rfc[16];

	defining_rfc(basic->e, rfc, sizeof rfc);
	INTERNAL(putf)(d, "%s is a basic reply code (%s), the number every reply starts with; %s "
		       "is an enhanced status code (RFC 3463) that a server adds after it to say "
		       "more precisely what happened.", basic->code, rfc, enh->code);
}

static void put_basic_codes(struct sink *d, const struct smtpcode_entry *e)
{
	size_t i;

	for (i = 0; i < e->basic_code_count; i++)
		INTERNAL(putf)(d, "%s%u", i ? ", " : "", (unsigned)e->basic_codes[i]);
}

static void pairing_sentence(struct sink *d, const struct side *basic, const struct side *enh,
			     int paired)
{
	int number = (int)strtol(basic->code, NULL, 10);

	if (enh->cls != 0 && enh->cls != number / 100) {
		INTERNAL(putf)(d, "The classes disagree: %s is a %dxx reply, %s an enhanced code of "
			       "class %d; RFC 3463 wants them to agree, and a client goes by the reply "
			       "code. The IANA registry lists %s with ", basic->code, number / 100,
			       enh->code, enh->cls, enh->e->code);
		put_basic_codes(d, enh->e);
		INTERNAL(put)(d, ".");
		return;
	}
	if (paired) {
		INTERNAL(putf)(d, "The IANA registry lists %s among the reply codes used with %s, "
			       "so \"%s %s\" is an expected pair.", basic->code, enh->e->code,
			       basic->code, enh->code);
	} else if (INTERNAL(lists_class)(enh->e, number / 100)) {
		INTERNAL(putf)(d, "The IANA registry's examples for %s (", enh->e->code);
		put_basic_codes(d, enh->e);
		INTERNAL(putf)(d, ") name other %dxx codes but not %s; they are examples, so \"%s "
			       "%s\" is an ordinary pair.", number / 100, basic->code, basic->code,
			       enh->code);
	} else if (!INTERNAL(unusual_pair)(enh->e, number) && enh->e->rfc_classes != 0) {
		INTERNAL(putf)(d, "The IANA registry lists %s only with ", enh->e->code);
		put_basic_codes(d, enh->e);
		INTERNAL(putf)(d, ", but its RFC gives the detail class %d too, so \"%s %s\" is an "
			       "ordinary pair.", number / 100, basic->code, enh->code);
	} else if (!INTERNAL(unusual_pair)(enh->e, number)) {
		INTERNAL(putf)(d, "The IANA registry lists %s only with ", enh->e->code);
		put_basic_codes(d, enh->e);
		INTERNAL(putf)(d, "; a failure's class digit only says whether it is transient, so "
			       "\"%s %s\" is the transient or permanent form of that pair.",
			       basic->code, enh->code);
	} else {
		INTERNAL(putf)(d, "\"%s %s\" is an unusual pair: the IANA registry lists %s only "
			       "with ", basic->code, enh->code, enh->e->code);
		put_basic_codes(d, enh->e);
		INTERNAL(putf)(d, ", and %s the detail %s %dxx use; the reply code decides what the "
			       "client does.", enh->e->rfc_classes != 0 ? "its RFC gives" : "nothing gives",
			       enh->e->rfc_classes != 0 ? "no" : "a", number / 100);
	}
}

/* The first sentence of text, cut at a word boundary with "..." when it is longer than the
 * buffer, so that two of them fit in one sentence of the comparison. */
static void clip_sentence(const char *text, char *buf, size_t size)
{
	size_t n = smtpcode_first_sentence(text, buf, size);
	char *cut;

	if (n < size)
		return;
	buf[size - 4] = '\0'; /* room for "..." */
	cut = strrchr(buf, ' ');
	if (cut == NULL)
		cut = buf + size - 4;
	while (cut > buf && (cut[-1] == ' ' || cut[-1] == ',' || cut[-1] == ';'))
		cut--;
	memcpy(cut, "...", 4);
}

#define CLIP_SIZE 280 /* bytes of one clipped sentence, NUL included */

/* Whether the first sentences of the two when-seen texts are the same: the stage aspect's
 * "same" flag, which the comparison computes here so both agree on what is compared. */
int INTERNAL(same_stage)(const struct smtpcode_entry *a, const struct smtpcode_entry *b)
{
	char sa[CLIP_SIZE], sb[CLIP_SIZE];

	clip_sentence(a->when_seen, sa, sizeof sa);
	clip_sentence(b->when_seen, sb, sizeof sb);
	return strcmp(sa, sb) == 0;
}

static void stage_sentence(struct sink *d, const struct side *a, const struct side *b)
{
	char sa[CLIP_SIZE], sb[CLIP_SIZE];

	clip_sentence(a->e->when_seen, sa, sizeof sa);
	clip_sentence(b->e->when_seen, sb, sizeof sb);
	INTERNAL(putf)(d, "When you see them: %s -- ", a->code);
	INTERNAL(put)(d, sa);
	INTERNAL(putf)(d, " %s -- ", b->code);
	INTERNAL(put)(d, sb);
}

static void describe_actor(struct sink *d, enum smtpcode_actor actor)
{
	if (actor == SMTPCODE_ACTOR_NONE)
		INTERNAL(put)(d, "nobody needs to act");
	else
		INTERNAL(putf)(d, "%s must act", smtpcode_actor_text(actor));
}

static void actor_sentence(struct sink *d, const struct side *a, const struct side *b, int same)
{
	if (same) {
		INTERNAL(put)(d, "For both, ");
		describe_actor(d, a->e->who_acts);
		INTERNAL(put)(d, ".");
		return;
	}
	INTERNAL(putf)(d, "For %s, ", a->code);
	describe_actor(d, a->e->who_acts);
	INTERNAL(putf)(d, "; for %s, ", b->code);
	describe_actor(d, b->e->who_acts);
	INTERNAL(put)(d, ".");
}

static void retry_sentence(struct sink *d, const struct side *a, const struct side *b, int same)
{
	enum smtpcode_retry ra = smtpcode_retry_for(a->e, a->cls);
	enum smtpcode_retry rb = smtpcode_retry_for(b->e, b->cls);

	if (same)
		INTERNAL(putf)(d, "Retry advice is the same for both: %s.", smtpcode_retry_text(ra));
	else
		INTERNAL(putf)(d, "Retry: for %s, %s; for %s, %s.", a->code, smtpcode_retry_text(ra),
			       b->code, smtpcode_retry_text(rb));
}

/* What a reply of each scope does, as a clause. */
static const char *scope_clause(enum smtpcode_scope scope)
{
	switch (scope) {
	case SMTPCODE_SCOPE_NONE:
		break;
	case SMTPCODE_SCOPE_SESSION:
		return "ends the whole session: the connection closes and nothing more goes over it";
	case SMTPCODE_SCOPE_TRANSACTION:
		return "refuses the whole message, for every recipient at once";
	case SMTPCODE_SCOPE_RECIPIENT:
		return "refuses only the one recipient (or sender) it answers, and the transaction "
		       "goes on for the others";
	case SMTPCODE_SCOPE_COMMAND:
		return "refuses only the command it answers, and the session goes on";
	}
	return "refuses nothing";
}

static void scope_sentence(struct sink *d, const struct side *a, const struct side *b)
{
	INTERNAL(putf)(d, "%s %s; %s %s.", a->code, scope_clause(a->e->scope), b->code,
		       scope_clause(b->e->scope));
}

static void outcome_sentence(struct sink *d, const struct side *a, const struct side *b)
{
	const struct side *ok = a->cls == 2 ? a : b, *bad = ok == a ? b : a;

	INTERNAL(putf)(d, "%s and %s are the two outcomes of the same step, %s: %s says it "
		       "succeeded, %s that it failed%s.", a->code, b->code,
		       smtpcode_stage_name(INTERNAL(one_step)(a->e, b->e, a->cls, b->cls)),
		       ok->code, bad->code, bad->cls == 4 ? " for now" : "");
}

static void same_sentence(struct sink *d, const struct side *a, const struct side *b)
{
	if (a->cls == b->cls)
		INTERNAL(putf)(d, "%s and %s are the same entry, \"%s\": what they mean, when you "
			       "see them and what to do are the same.", a->code, b->code,
			       a->e->title);
	else
		INTERNAL(putf)(d, "%s and %s are one entry, \"%s\", met in two classes: the "
			       "meaning is the same, but the class decides whether to send again.",
			       a->code, b->code, a->e->title);
}

int INTERNAL(difference)(struct sink *s, const struct smtpcode_comparison *c, size_t i)
{
	struct side a, b;
	const struct side *basic, *enh;
	const struct smtpcode_difference *d;

	if (i >= c->count || i >= SMTPCODE_DIFF_MAX || c->a == NULL || c->b == NULL)
		return SMTPCODE_ENOTFOUND;
	d = &c->differences[i];
	a.code = c->code_a;
	a.e = c->a;
	a.cls = c->class_a;
	b.code = c->code_b;
	b.e = c->b;
	b.cls = c->class_b;
	basic = a.e->kind == SMTPCODE_BASIC ? &a : &b;
	enh = basic == &a ? &b : &a;
	switch (d->aspect) {
	case SMTPCODE_ASPECT_SAME_CODE:
		same_sentence(s, &a, &b);
		break;
	case SMTPCODE_ASPECT_CLASS:
		class_sentence(s, &a, &b);
		break;
	case SMTPCODE_ASPECT_KIND:
		kind_sentence(s, basic, enh);
		break;
	case SMTPCODE_ASPECT_PAIRING:
		pairing_sentence(s, basic, enh, d->same);
		break;
	case SMTPCODE_ASPECT_MEANING:
		INTERNAL(putf)(s, "%s means \"", a.code);
		INTERNAL(put)(s, a.e->title);
		INTERNAL(putf)(s, "\"; %s means \"", b.code);
		INTERNAL(put)(s, b.e->title);
		INTERNAL(put)(s, "\".");
		break;
	case SMTPCODE_ASPECT_STAGE:
		stage_sentence(s, &a, &b);
		break;
	case SMTPCODE_ASPECT_WHO_ACTS:
		actor_sentence(s, &a, &b, d->same);
		break;
	case SMTPCODE_ASPECT_RETRY:
		retry_sentence(s, &a, &b, d->same);
		break;
	case SMTPCODE_ASPECT_OUTCOME:
		outcome_sentence(s, &a, &b);
		break;
	case SMTPCODE_ASPECT_SCOPE:
		scope_sentence(s, &a, &b);
		break;
	case SMTPCODE_ASPECT_STATUS:
		INTERNAL(putf)(s, "%s is ", a.code);
		INTERNAL(put)(s, smtpcode_status_text(a.e->status));
		INTERNAL(putf)(s, ", while %s is ", b.code);
		INTERNAL(put)(s, smtpcode_status_text(b.e->status));
		INTERNAL(put)(s, ".");
		break;
	}
	return SMTPCODE_OK;
}

int smtpcode_difference_text(const struct smtpcode_comparison *c, size_t i, char *buf,
			     size_t size)
{
	struct sink s;
	int rc;

	if (c == NULL || (buf == NULL && size > 0))
		return SMTPCODE_ENULL;
	INTERNAL(sink_init)(&s, buf, size);
	rc = INTERNAL(difference)(&s, c, i);
	return rc != SMTPCODE_OK ? rc : INTERNAL(sink_result)(&s);
}
