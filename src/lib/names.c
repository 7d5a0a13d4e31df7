/* names.c -- the tokens of the header's lists, as the data and JSON write them; versions. */
#include "internal.h"

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

/* Each function switches on its enum, one case per item of the header's list, so that
 * -Wswitch-enum names an item a function misses and a value outside the enum gives NULL.
 * TOKEN_FUNCTION(fn, type, list, case) defines const char *fn(enum type), with case(name,
 * token, value) writing one case of the list. */
#define TOKEN_CASE(prefix, name, token) \
	case prefix##name: \
		return #token;
#define TOKEN_FUNCTION(fn, type, list, case_) \
	const char *fn(enum type value) \
	{ \
		switch (value) { \
		list(case_, case_) \
		} \
		return NULL; \
	}

#define CASE_STATUS_(name, token, value) TOKEN_CASE(SMTPCODE_, name, token)
#define CASE_ACTOR_(name, token, value) TOKEN_CASE(SMTPCODE_ACTOR_, name, token)
#define CASE_RETRY_(name, token, value) TOKEN_CASE(SMTPCODE_RETRY_, name, token)
#define CASE_SCOPE_(name, token, value) TOKEN_CASE(SMTPCODE_SCOPE_, name, token)
#define CASE_NEXT_(name, token, value) TOKEN_CASE(SMTPCODE_NEXT_, name, token)
#define CASE_STAGE_(name, token, value) TOKEN_CASE(SMTPCODE_STAGE_, name, token)
#define CASE_WARNING_(name, token, value) TOKEN_CASE(SMTPCODE_WARN_, name, token)
#define CASE_ASPECT_(name, token, value) TOKEN_CASE(SMTPCODE_ASPECT_, name, token)
#define CASE_FORM_(name, token, value) TOKEN_CASE(SMTPCODE_FORM_, name, token)
#define CASE_DOCUMENTED_(name, token, value) TOKEN_CASE(SMTPCODE_DOCUMENTED_, name, token)
#define CASE_EVIDENCE_(name, token, value) TOKEN_CASE(SMTPCODE_EVIDENCE_, name, token)
#define CASE_CONFIDENCE_(name, token, value) TOKEN_CASE(SMTPCODE_CONFIDENCE_, name, token)
#define CASE_MATCH_(name, token, value) TOKEN_CASE(SMTPCODE_MATCH_, name, token)

TOKEN_FUNCTION(smtpcode_status_name, smtpcode_status, SMTPCODE_STATUS_LIST, CASE_STATUS_)
TOKEN_FUNCTION(smtpcode_actor_name, smtpcode_actor, SMTPCODE_ACTOR_LIST, CASE_ACTOR_)
TOKEN_FUNCTION(smtpcode_retry_name, smtpcode_retry, SMTPCODE_RETRY_LIST, CASE_RETRY_)
TOKEN_FUNCTION(smtpcode_scope_name, smtpcode_scope, SMTPCODE_SCOPE_LIST, CASE_SCOPE_)
TOKEN_FUNCTION(smtpcode_next_name, smtpcode_next, SMTPCODE_NEXT_LIST, CASE_NEXT_)
TOKEN_FUNCTION(smtpcode_stage_token, smtpcode_stage, SMTPCODE_STAGE_LIST, CASE_STAGE_)
TOKEN_FUNCTION(smtpcode_warning_name, smtpcode_warning, SMTPCODE_WARNING_LIST, CASE_WARNING_)
TOKEN_FUNCTION(smtpcode_aspect_name, smtpcode_aspect, SMTPCODE_ASPECT_LIST, CASE_ASPECT_)
TOKEN_FUNCTION(smtpcode_form_name, smtpcode_form, SMTPCODE_FORM_LIST, CASE_FORM_)
TOKEN_FUNCTION(smtpcode_documented_name, smtpcode_documented, SMTPCODE_DOCUMENTED_LIST,
	       CASE_DOCUMENTED_)
TOKEN_FUNCTION(smtpcode_evidence_name, smtpcode_evidence, SMTPCODE_EVIDENCE_LIST, CASE_EVIDENCE_)
TOKEN_FUNCTION(smtpcode_confidence_name, smtpcode_confidence, SMTPCODE_CONFIDENCE_LIST,
	       CASE_CONFIDENCE_)
TOKEN_FUNCTION(smtpcode_match_name, smtpcode_match, SMTPCODE_MATCH_LIST, CASE_MATCH_)

#define CASE_DELIVERY_(name, token, value) TOKEN_CASE(SMTPCODE_DELIVERY_, name, token)
static TOKEN_FUNCTION(delivery_token, smtpcode_delivery, SMTPCODE_DELIVERY_LIST, CASE_DELIVERY_)

const char *smtpcode_delivery_name(enum smtpcode_delivery delivery)
{
	/* "unknown" is no value JSON writes: a line that does not say is null */
	return delivery == SMTPCODE_DELIVERY_UNKNOWN ? NULL : delivery_token(delivery);
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

const char *smtpcode_version(void)
{
	return STRINGIFY(SMTPCODE_VERSION_MAJOR) "." STRINGIFY(SMTPCODE_VERSION_MINOR) "."
		STRINGIFY(SMTPCODE_VERSION_PATCH);
}

int smtpcode_abi_version(void)
{
	return SMTPCODE_ABI_VERSION;
}
