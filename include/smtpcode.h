/* smtpcode.h -- explain SMTP reply codes and enhanced status codes (libsmtpcode). */
#ifndef SMTPCODE_H
#define SMTPCODE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The one place the version lives; the Makefile and pkg-config file read it from here. */
#define SMTPCODE_VERSION_MAJOR 0
#define SMTPCODE_VERSION_MINOR 1
#define SMTPCODE_VERSION_PATCH 0

#if defined(__GNUC__) && !defined(SMTPCODE_STATIC_BUILD)
#define SMTPCODE_API __attribute__((visibility("default")))
#else
#define SMTPCODE_API
#endif

/* Error returns: 0 is success, every error is a negative constant. */
enum smtpcode_error {
	SMTPCODE_OK = 0,
	SMTPCODE_ENULL = -1,     /* a NULL pointer where a string was expected */
	SMTPCODE_EEMPTY = -2,    /* an empty string */
	SMTPCODE_ETOOLONG = -3,  /* longer than any code can be */
	SMTPCODE_ENOTASCII = -4, /* a byte outside printable ASCII (control, non-ASCII) */
	SMTPCODE_ESYNTAX = -5,   /* neither a reply code (535) nor an enhanced code (5.7.8) */
	SMTPCODE_ECLASS = -6,    /* right shape, but a class no SMTP code has (135, 3.1.1) */
	SMTPCODE_ENOTFOUND = -7, /* well-formed, but not in the table */
	SMTPCODE_ETRUNCATED = -8 /* the caller's buffer was too small; output was cut */
};

/* Which of the two code systems an entry belongs to. */
enum smtpcode_kind {
	SMTPCODE_BASIC = 1,   /* three-digit reply code, RFC 5321: "535" */
	SMTPCODE_ENHANCED = 2 /* enhanced status code, RFC 3463: "5.7.8" */
};

/* Standing of a code. */
enum smtpcode_status {
	SMTPCODE_STANDARD = 0,    /* defined by an RFC or the IANA registry */
	SMTPCODE_NONSTANDARD = 1, /* sent by real servers, defined by no RFC */
	SMTPCODE_DEPRECATED = 2   /* marked deprecated in the IANA registry */
};

/* Who has to do something about a reply. */
enum smtpcode_actor {
	SMTPCODE_ACTOR_NONE = 0,           /* success or intermediate reply */
	SMTPCODE_ACTOR_SENDER = 1,         /* the sending user */
	SMTPCODE_ACTOR_SENDER_ADMIN = 2,   /* the sender's administrator, provider or software */
	SMTPCODE_ACTOR_RECIPIENT = 3,      /* the recipient */
	SMTPCODE_ACTOR_RECIPIENT_ADMIN = 4 /* the receiving server's administrator */
};

/* Whether and when to send again. */
enum smtpcode_retry {
	SMTPCODE_RETRY_NONE = 0,         /* nothing to retry */
	SMTPCODE_RETRY_LATER = 1,        /* transient: the same thing may succeed later */
	SMTPCODE_RETRY_AFTER_CHANGE = 2, /* fails as sent: fix what the entry names first */
	SMTPCODE_RETRY_NEVER = 3         /* do not send this again */
};

/* One entry of the table. Entries are const and live for the whole program. */
struct smtpcode_entry {
	/* The code as written in the data: "535", "X.7.8" (valid in any class), "5.XXX.XXX"
	 * (a class sub-code) or "X.7.XXX" (a subject sub-code). */
	const char *code;
	enum smtpcode_kind kind;
	int reply_class; /* 2..5; 0 when the entry is valid in any class ("X.7.8") */
	int subject;     /* enhanced: 0..999; -1 for class entries and basic codes */
	int detail;      /* enhanced: 0..999; -1 for class/subject entries and basic codes */
	enum smtpcode_status status;
	const char *title;
	const char *description;
	const char *when_seen;
	const char *how_to_fix;
	enum smtpcode_actor who_acts;
	/* Advice for the entry's own class; for "X." entries, for the permanent (5) form:
	 * see smtpcode_retry_for(). */
	enum smtpcode_retry retry;
	const char *const *references; /* "RFC 4954 section 6", ... */
	size_t reference_count;
	const char *const *related; /* codes as in the data: "534", "X.7.8" */
	size_t related_count;
	const unsigned short *basic_codes; /* enhanced: the registry's associated reply codes */
	size_t basic_code_count;
	const char *subject_name; /* enhanced with a subject: "Security or Policy Status" */
};

/* A code string taken apart (smtpcode_parse_code). */
struct smtpcode_code {
	enum smtpcode_kind kind;
	int reply_class; /* 2..5; 0 for an "X." code */
	int basic;       /* basic: the number (535); enhanced: -1 */
	int subject;     /* enhanced: 0..999, -1 when written "XXX"; basic: -1 */
	int detail;      /* enhanced: 0..999, -1 when written "XXX"; basic: -1 */
};

/* Longest code string smtpcode_parse_code accepts ("5.XXX.XXX", "5.123.456" is 9). */
#define SMTPCODE_CODE_MAX 9

/* Takes a code string apart without looking it up. Accepts a basic reply code (three digits,
 * first 2-5: "535"), an enhanced status code "C.S.D" (C is 2, 4, 5 or X; S and D are 1-3
 * digits: "5.7.8", "4.7.650", "X.7.8"), and the registry's class and subject forms
 * ("5.XXX.XXX", "X.7.XXX"). No white space is allowed. Returns SMTPCODE_OK and fills *out, or a
 * negative smtpcode_error (out is then untouched). out may be NULL to only validate. */
SMTPCODE_API int smtpcode_parse_code(const char *code, struct smtpcode_code *out);

/* Looks a code up. Returns the entry, or NULL when the code is malformed (see
 * smtpcode_parse_code; NULL and "" included) or not in the table. An enhanced code is looked up
 * as written ("5.7.8") and then in its class-independent form ("X.7.8"), so "5.7.8" returns
 * the "X.7.8" entry. Thread-safe; never allocates. */
SMTPCODE_API const struct smtpcode_entry *smtpcode_lookup(const char *code);

/* As smtpcode_lookup, and says why it failed: *err (if err is not NULL) is set to SMTPCODE_OK
 * or to a negative smtpcode_error (SMTPCODE_ENOTFOUND for a well-formed unknown code). */
SMTPCODE_API const struct smtpcode_entry *smtpcode_lookup_err(const char *code, int *err);

/* What smtpcode_resolve found. */
struct smtpcode_resolution {
	/* The code's own entry ("5.7.8" -> X.7.8; "5.7" -> X.7.XXX), or NULL when the code is not
	 * registered. */
	const struct smtpcode_entry *entry;
	/* For an enhanced code, its subject entry (X.S.XXX) and class entry (C.XXX.XXX) when they
	 * exist; NULL otherwise and for basic codes. */
	const struct smtpcode_entry *subject_entry;
	const struct smtpcode_entry *class_entry;
	/* When entry is NULL or a subject entry asked for in short form: one English sentence on
	 * what the answer covers ("... the detail is not registered ..."); NULL otherwise. */
	const char *note;
	int reply_class; /* the class the code was met in: 2..5, or 0 for an "X." code */
};

/* Like smtpcode_lookup, and more forgiving where the registry allows a useful answer: an
 * enhanced code whose detail is not registered ("5.7.708", provider-specific) resolves to its
 * subject and class; the short form "C.S" ("5.7") names a subject within a class. Returns
 * SMTPCODE_OK when out->entry or out->subject_entry is set; otherwise an smtpcode_error
 * (SMTPCODE_ENOTFOUND for a well-formed code nothing is known about). out is always filled. */
SMTPCODE_API int smtpcode_resolve(const char *code, struct smtpcode_resolution *out);

/* Iteration: entries in a stable order (basic codes ascending, then enhanced codes by subject,
 * detail and class). smtpcode_entry_at returns NULL when index >= smtpcode_entry_count(). */
SMTPCODE_API size_t smtpcode_entry_count(void);
SMTPCODE_API const struct smtpcode_entry *smtpcode_entry_at(size_t index);

/* Name of a class: for SMTPCODE_BASIC, RFC 5321's ("Permanent Negative Completion"); for
 * SMTPCODE_ENHANCED, RFC 3463's ("Permanent Failure"). NULL for a class with no name. */
SMTPCODE_API const char *smtpcode_class_name(enum smtpcode_kind kind, int reply_class);

/* Token and English text of an actor / retry value ("sender_admin", "the sender's ...").
 * NULL for a value outside the enum. */
SMTPCODE_API const char *smtpcode_actor_name(enum smtpcode_actor actor);
SMTPCODE_API const char *smtpcode_actor_text(enum smtpcode_actor actor);
SMTPCODE_API const char *smtpcode_retry_name(enum smtpcode_retry retry);
SMTPCODE_API const char *smtpcode_retry_text(enum smtpcode_retry retry);

/* Retry advice for an entry met in a given class: an "X." entry met as 2.x.x needs none, met
 * as 4.x.x is transient (later); otherwise the entry's own advice. */
SMTPCODE_API enum smtpcode_retry smtpcode_retry_for(const struct smtpcode_entry *entry,
						    int reply_class);

/* The class a code string names, from its first character: 2..5 for "535", "5.7.8" and the
 * short form "5.7"; 0 for an "X." code, NULL or anything else. Does not validate the rest. */
SMTPCODE_API int smtpcode_code_class(const char *code);

/* Token of a status: "standard", "nonstandard" or "deprecated"; NULL outside the enum. */
SMTPCODE_API const char *smtpcode_status_name(enum smtpcode_status status);

/* English text for an smtpcode_error; never NULL. */
SMTPCODE_API const char *smtpcode_strerror(int err);

/* The library's version, "MAJOR.MINOR.PATCH". */
SMTPCODE_API const char *smtpcode_version(void);

/* ---- Listing and searching ----------------------------------------------------------- */

/* Whether an entry belongs to a list filter: "2xx" "4xx" "5xx" (basic codes of a class),
 * "55x" (basic codes of a class and category), "5.7" (enhanced codes of subject 7 usable in
 * class 5: the X.7.* entries and any 5.7.* ones), "x.7" (enhanced codes of subject 7),
 * "5.x" (every enhanced code usable in class 5), "basic", "enhanced", or NULL/"" for all.
 * Case-insensitive. Returns 1 or 0, or SMTPCODE_ESYNTAX for a filter it does not know. */
SMTPCODE_API int smtpcode_filter_match(const struct smtpcode_entry *entry, const char *filter);

/* Searches titles and texts (description, when you see it, how to fix) for entries holding
 * every word (case-insensitive substrings), best first: entries whose title holds the words
 * come before those that only mention them. Writes at most max entries to out and returns
 * how many matched in all (which may be more than max). No allocation; thread-safe. Returns
 * 0 when words is NULL or nwords is 0. */
SMTPCODE_API size_t smtpcode_search(const char *const *words, size_t nwords,
				    const struct smtpcode_entry **out, size_t max);

/* ---- Server replies ------------------------------------------------------------------- */

/* The SMTP command or stage a reply answered, where the text says so. */
enum smtpcode_stage {
	SMTPCODE_STAGE_UNKNOWN = 0,
	SMTPCODE_STAGE_CONNECT,     /* the greeting, on connection */
	SMTPCODE_STAGE_HELO,        /* EHLO or HELO */
	SMTPCODE_STAGE_STARTTLS,
	SMTPCODE_STAGE_AUTH,
	SMTPCODE_STAGE_MAIL,        /* MAIL FROM */
	SMTPCODE_STAGE_RCPT,        /* RCPT TO */
	SMTPCODE_STAGE_DATA,        /* the DATA command itself */
	SMTPCODE_STAGE_END_OF_DATA, /* after the message: "." or the last BDAT chunk */
	SMTPCODE_STAGE_BDAT,
	SMTPCODE_STAGE_RSET,
	SMTPCODE_STAGE_VRFY,
	SMTPCODE_STAGE_EXPN,
	SMTPCODE_STAGE_ETRN,
	SMTPCODE_STAGE_NOOP,
	SMTPCODE_STAGE_QUIT
};

/* Warnings about a reply (bits of smtpcode_reply.warnings). */
#define SMTPCODE_WARN_CLASS_MISMATCH 0x01u /* enhanced class differs from the reply's: 550 4.2.2 */
#define SMTPCODE_WARN_NOT_ASSOCIATED 0x02u /* the registry does not pair the two codes */
#define SMTPCODE_WARN_NONSTANDARD 0x04u    /* the basic code is defined by no RFC: 571 */
#define SMTPCODE_WARN_BAD_ENHANCED 0x08u   /* something like an enhanced code, malformed */
#define SMTPCODE_WARN_UNKNOWN_BASIC 0x10u  /* well-formed basic code with no entry */
#define SMTPCODE_WARN_UNKNOWN_ENHANCED 0x20u /* enhanced code not registered (5.7.708) */
#define SMTPCODE_WARN_INCONSISTENT 0x40u   /* lines of a multi-line reply disagree */
#define SMTPCODE_WARN_NO_CODE 0x80u        /* no code was found at all */

/* What smtpcode_parse_reply found. Pointers point into the caller's text. */
struct smtpcode_reply {
	int basic;                 /* the reply's own code (550), or -1 if none was found */
	struct smtpcode_code enhanced_code;    /* valid when enhanced[0] != '\0' */
	char enhanced[SMTPCODE_CODE_MAX + 1]; /* the enhanced code as written, "5.1.1", or "" */
	const char *text;          /* the first line's reply text after the codes */
	size_t text_length;
	enum smtpcode_stage stage; /* the command answered, where the text names it */
	unsigned warnings;         /* SMTPCODE_WARN_* bits */
};

/* Finds the codes in a server reply as people paste it: a plain or multi-line reply
 * ("550-5.1.1 ..."), a DSN field ("Diagnostic-Code: smtp; 550 5.1.1 ...", "Status: 5.1.1"),
 * an MTA log or bounce line (Postfix, Exim, Sendmail, Exchange, qmail "(#5.1.1)"), or a bare
 * code. text need not be NUL-terminated and may hold any bytes. Linear time, no allocation.
 * Returns SMTPCODE_OK when at least one code was found, SMTPCODE_ENOTFOUND when none was (out
 * is still filled, with SMTPCODE_WARN_NO_CODE), SMTPCODE_ENULL when text or out is NULL. */
SMTPCODE_API int smtpcode_parse_reply(const char *text, size_t length,
				      struct smtpcode_reply *out);

/* English text of one SMTPCODE_WARN_* bit; NULL for anything else. */
SMTPCODE_API const char *smtpcode_warning_text(unsigned warning);

/* Name of a stage ("RCPT TO"); NULL for a value outside the enum. */
SMTPCODE_API const char *smtpcode_stage_name(enum smtpcode_stage stage);

/* Writes a one-line, human-readable explanation of a server reply into buf, e.g.
 * "The recipient's mailbox does not exist (550 5.1.1): check the address for typos."
 * Always NUL-terminates when size > 0. Returns the length of the full message (as snprintf
 * does), or a negative smtpcode_error: SMTPCODE_ETRUNCATED is not returned; compare the
 * result with size to detect truncation. SMTPCODE_ENOTFOUND when the reply holds no code. */
SMTPCODE_API int smtpcode_explain_reply(const char *text, size_t length, char *buf,
					size_t size);

/* ---- Comparing two codes ------------------------------------------------------------ */

/* What one difference (or agreement) between two codes is about. */
enum smtpcode_aspect {
	SMTPCODE_ASPECT_SAME_CODE = 0, /* the two are the same entry */
	SMTPCODE_ASPECT_CLASS,         /* the class of each */
	SMTPCODE_ASPECT_KIND,          /* basic reply code vs enhanced status code */
	SMTPCODE_ASPECT_PAIRING,       /* whether the registry pairs an enhanced code with a basic */
	SMTPCODE_ASPECT_MEANING,       /* what each means */
	SMTPCODE_ASPECT_STAGE,         /* when each is seen */
	SMTPCODE_ASPECT_WHO_ACTS,      /* who must act */
	SMTPCODE_ASPECT_RETRY,         /* whether to retry */
	SMTPCODE_ASPECT_STATUS         /* standard, non-standard, deprecated */
};

#define SMTPCODE_DIFF_MAX 9        /* differences a comparison holds at most */
#define SMTPCODE_DIFF_TEXT_MAX 640 /* bytes of one difference's text, NUL included */

struct smtpcode_difference {
	enum smtpcode_aspect aspect;
	int same; /* 1 when the two codes agree on this aspect */
	char text[SMTPCODE_DIFF_TEXT_MAX]; /* one English sentence or two */
};

/* Two codes side by side. Lives on the caller's stack; holds no pointer into it. */
struct smtpcode_comparison {
	const struct smtpcode_entry *a, *b;
	int class_a, class_b; /* the class each was met in (2..5; 0 for "X." codes) */
	/* For a code that is not registered itself (5.7.708), the resolution's note; else NULL */
	const char *note_a, *note_b;
	size_t count;         /* differences[0 .. count-1], the class contrast first */
	struct smtpcode_difference differences[SMTPCODE_DIFF_MAX];
};

/* Compares two codes as asked ("235", "5.7.8"): fills out with the entries and the key
 * differences, in order: class, kind and pairing, meaning, stage, who acts, retry, status.
 * Two codes that agree on an aspect get a sentence saying so (same == 1), never a
 * contradiction. Returns SMTPCODE_OK, or the smtpcode_error of the first code that could not
 * be looked up (*out is then untouched). No allocation; thread-safe. */
SMTPCODE_API int smtpcode_compare(const char *code_a, const char *code_b,
				  struct smtpcode_comparison *out);

/* The first sentence of a text (up to and including its period), copied into buf; returns
 * its length, or the full length when it did not fit (compare with size, as with snprintf). */
SMTPCODE_API size_t smtpcode_first_sentence(const char *text, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
