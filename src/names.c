/* names.c -- fixed names and texts: classes, actors, retry advice, errors, version. */
#include "smtpcode.h"

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

const char *smtpcode_class_name(enum smtpcode_kind kind, int reply_class)
{
	static const char *const basic[] = {
		"Positive Completion", "Positive Intermediate", "Transient Negative Completion",
		"Permanent Negative Completion"
	};
	static const char *const enhanced[] = {
		"Success", NULL, "Persistent Transient Failure", "Permanent Failure"
	};

	if (reply_class < 2 || reply_class > 5)
		return NULL;
	if (kind == SMTPCODE_BASIC)
		return basic[reply_class - 2];
	if (kind == SMTPCODE_ENHANCED)
		return enhanced[reply_class - 2];
	return NULL;
}

const char *smtpcode_actor_name(enum smtpcode_actor actor)
{
	static const char *const names[] = {
		"none", "sender", "sender_admin", "recipient", "recipient_admin"
	};

	return (unsigned)actor < sizeof names / sizeof names[0] ? names[actor] : NULL;
}

const char *smtpcode_actor_text(enum smtpcode_actor actor)
{
	static const char *const texts[] = {
		"nobody: nothing went wrong",
		"the sending user",
		"the sender's administrator, mail provider or mail software",
		"the recipient",
		"the administrator of the receiving server"
	};

	return (unsigned)actor < sizeof texts / sizeof texts[0] ? texts[actor] : NULL;
}

const char *smtpcode_retry_name(enum smtpcode_retry retry)
{
	static const char *const names[] = { "none", "later", "after_change", "never" };

	return (unsigned)retry < sizeof names / sizeof names[0] ? names[retry] : NULL;
}

const char *smtpcode_retry_text(enum smtpcode_retry retry)
{
	static const char *const texts[] = {
		"nothing to retry",
		"retry the same thing later; it is temporary",
		"retry only after fixing what it names",
		"do not retry this message"
	};

	return (unsigned)retry < sizeof texts / sizeof texts[0] ? texts[retry] : NULL;
}

enum smtpcode_retry smtpcode_retry_for(const struct smtpcode_entry *entry, int reply_class)
{
	if (entry == NULL)
		return SMTPCODE_RETRY_NONE;
	if (entry->reply_class == 0 && reply_class == 2)
		return SMTPCODE_RETRY_NONE;
	if (entry->reply_class == 0 && reply_class == 4)
		return SMTPCODE_RETRY_LATER;
	return entry->retry;
}

int smtpcode_code_class(const char *code)
{
	return code != NULL && code[0] >= '2' && code[0] <= '5' ? code[0] - '0' : 0;
}

const char *smtpcode_status_name(enum smtpcode_status status)
{
	static const char *const names[] = { "standard", "nonstandard", "deprecated" };

	return (unsigned)status < sizeof names / sizeof names[0] ? names[status] : NULL;
}

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
	default:
		return "unknown error";
	}
}

const char *smtpcode_version(void)
{
	return STRINGIFY(SMTPCODE_VERSION_MAJOR) "." STRINGIFY(SMTPCODE_VERSION_MINOR) "."
		STRINGIFY(SMTPCODE_VERSION_PATCH);
}
