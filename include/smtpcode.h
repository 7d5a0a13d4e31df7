/* smtpcode.h -- explain SMTP reply codes and enhanced status codes (libsmtpcode).
 *
 * Everything smtpcode knows is reachable through this header: the table of codes, the reply
 * reader, comparisons, and every English sentence and label the command prints.
 *
 * Memory and growth. Entries (struct smtpcode_entry) are const, live for the whole program and
 * belong to the library; fields are only ever appended to them. Every struct a caller
 * allocates begins with a size_t size that the caller sets to
 * sizeof the struct it was compiled with:
 *
 *     struct smtpcode_reply r = { .size = sizeof r };    (C99 and later)
 *     struct smtpcode_reply r = { sizeof r };            (also C89 and C++, but -Wextra
 *                                                          warns of the fields left out)
 *
 * A call given a size below the struct's first published size returns SMTPCODE_ESIZE and
 * writes nothing; otherwise it writes at most min(size, its own sizeof) bytes and never
 * changes size (struct smtpcode_code and struct smtpcode_difference have fixed layouts and
 * no size). Fields are only appended, so a program compiled against an older header keeps
 * working with a newer library. Functions that write text take a buffer and its size and work
 * as snprintf does: they always NUL-terminate when size > 0 and return the length of the
 * whole text, so a result >= size means the buffer was too small. No call allocates; every
 * call is thread-safe; error codes are only ever added.
 */
#ifndef SMTPCODE_H
#define SMTPCODE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The one place the version lives; the Makefile and pkg-config file read it from here. The
 * API version (MAJOR.MINOR.PATCH) says what the header offers; the ABI version says whether a
 * compiled program still links and runs: it names the shared library's soname,
 * libsmtpcode.so.ABI, and changes only when a symbol or a layout changes incompatibly. */
#define SMTPCODE_VERSION_MAJOR 0
#define SMTPCODE_VERSION_MINOR 6
#define SMTPCODE_VERSION_PATCH 0
#define SMTPCODE_ABI_VERSION 1

#if defined(__GNUC__) && !defined(SMTPCODE_STATIC_BUILD)
#define SMTPCODE_API __attribute__((visibility("default")))
#else
#define SMTPCODE_API
#endif

/* ---- Lists written once -----------------------------------------------------------------
 * Each list below is an X-macro: LIST(FIRST, NEXT) calls FIRST on its first item and NEXT on
 * every other, each with (NAME, token, value). The enums of this header, the library's name
 * tables and the data generator's checks all expand the same list, so they cannot drift. The
 * token is what the data files (codes/) write, and what the JSON output writes where a key
 * holds a token ("who_acts": "sender_admin"). */

#define SMTPCODE_STATUS_LIST(FIRST, NEXT) \
	FIRST(STANDARD, standard, 0)      /* defined by an RFC or the IANA registry */ \
	NEXT(NONSTANDARD, nonstandard, 1) /* sent by real servers, defined by no RFC */ \
	NEXT(DEPRECATED, deprecated, 2)   /* marked deprecated in the IANA registry */

#define SMTPCODE_ACTOR_LIST(FIRST, NEXT) \
	FIRST(NONE, none, 0)                    /* success or intermediate reply */ \
	NEXT(SENDER, sender, 1)                 /* the sending user */ \
	NEXT(SENDER_ADMIN, sender_admin, 2)     /* the sender's administrator, provider or software */ \
	NEXT(RECIPIENT, recipient, 3)           /* the recipient */ \
	NEXT(RECIPIENT_ADMIN, recipient_admin, 4) /* the receiving server's administrator */

#define SMTPCODE_RETRY_LIST(FIRST, NEXT) \
	FIRST(NONE, none, 0)                 /* nothing to retry */ \
	NEXT(LATER, later, 1)                /* transient: the same thing may succeed later */ \
	NEXT(AFTER_CHANGE, after_change, 2)  /* fails as sent: fix what the entry names first */ \
	NEXT(NEVER, never, 3)                /* do not send this again */

/* What a reply acts on. */
#define SMTPCODE_SCOPE_LIST(FIRST, NEXT) \
	FIRST(NONE, none, 0)               /* a success or intermediate reply: refuses nothing */ \
	NEXT(SESSION, session, 1)          /* the whole connection */ \
	NEXT(TRANSACTION, transaction, 2)  /* the message: MAIL FROM, DATA, end of data */ \
	NEXT(RECIPIENT, recipient, 3)      /* one recipient; the others go on */ \
	NEXT(COMMAND, command, 4)          /* only the command answered */

/* The next step, where retry cannot say it. */
#define SMTPCODE_NEXT_LIST(FIRST, NEXT) \
	FIRST(UNSPECIFIED, unspecified, 0)       /* nothing beyond the retry advice */ \
	NEXT(CONTINUE, continue, 1)              /* the session goes on: send the next command */ \
	NEXT(NEW_TRANSACTION, new_transaction, 2) /* send what was refused in a new transaction */ \
	NEXT(RECONNECT_LATER, reconnect_later, 3) /* the connection ends: connect again later */

/* The SMTP command or step a reply answers. */
#define SMTPCODE_STAGE_LIST(FIRST, NEXT) \
	FIRST(UNKNOWN, unknown, 0) \
	NEXT(CONNECT, connect, 1)         /* the greeting, on connection */ \
	NEXT(HELO, helo, 2)               /* EHLO or HELO */ \
	NEXT(STARTTLS, starttls, 3) \
	NEXT(AUTH, auth, 4) \
	NEXT(MAIL, mail, 5)               /* MAIL FROM */ \
	NEXT(RCPT, rcpt, 6)               /* RCPT TO */ \
	NEXT(DATA, data, 7)               /* the DATA command itself */ \
	NEXT(END_OF_DATA, end_of_data, 8) /* after the message: "." or the last BDAT chunk */ \
	NEXT(BDAT, bdat, 9) \
	NEXT(RSET, rset, 10) \
	NEXT(VRFY, vrfy, 11) \
	NEXT(EXPN, expn, 12) \
	NEXT(ETRN, etrn, 13) \
	NEXT(NOOP, noop, 14) \
	NEXT(QUIT, quit, 15) \
	NEXT(HELP, help, 16) \
	NEXT(ATRN, atrn, 17)              /* RFC 2645, On-Demand Mail Relay */

/* Warnings about a reply, as bits of smtpcode_reply.warnings, in the order they are shown. */
#define SMTPCODE_WARNING_LIST(FIRST, NEXT) \
	FIRST(NO_CODE, no_code, 0x80u)                   /* no code was found at all */ \
	NEXT(BAD_ENHANCED, bad_enhanced, 0x08u)          /* shaped like an enhanced code, malformed */ \
	NEXT(CLASS_MISMATCH, class_mismatch, 0x01u)      /* classes differ: 550 4.2.2 */ \
	NEXT(NOT_ASSOCIATED, not_associated, 0x02u)      /* the registry pairs the codes nowhere */ \
	NEXT(NONSTANDARD, nonstandard, 0x04u)            /* the basic code is defined by no RFC */ \
	NEXT(UNKNOWN_BASIC, unknown_basic, 0x10u)        /* well-formed basic code with no entry */ \
	NEXT(UNKNOWN_ENHANCED, unknown_enhanced, 0x20u)  /* enhanced code not registered: 5.7.708 */ \
	NEXT(INCONSISTENT, inconsistent, 0x40u)          /* lines of a multi-line reply disagree */

/* The form a reply was found in: how the text around it is written. */
#define SMTPCODE_FORM_LIST(FIRST, NEXT) \
	FIRST(PLAIN, plain, 0)             /* as the server sent it: "550 5.1.1 ..." */ \
	NEXT(POSTFIX, postfix, 1)          /* a Postfix log line or bounce: "said: 550 ..." */ \
	NEXT(EXIM, exim, 2)                /* an Exim log line or bounce */ \
	NEXT(SENDMAIL, sendmail, 3)        /* a Sendmail log line or bounce: "stat=", "reply=" */ \
	NEXT(OPENSMTPD, opensmtpd, 4)      /* an OpenSMTPD log line: result="..." */ \
	NEXT(EXCHANGE, exchange, 5)        /* Exchange or Microsoft 365 NDR text */ \
	NEXT(QMAIL, qmail, 6)              /* qmail: "Remote host said:", "(#5.1.1)" */ \
	NEXT(DSN, dsn, 7)                  /* a delivery status notification's fields */ \
	NEXT(APPLICATION, application, 8)  /* an error of a program or library that quotes it */ \
	NEXT(JSON, json, 9)                /* a JSON payload, as ESP webhooks send them */ \
	NEXT(TRANSCRIPT, transcript, 10)   /* a protocol transcript: "S:", "<<<", "<-" */ \
	NEXT(BARE, bare, 11)               /* a code alone, with no text */

/* How a provider entry is known: from the provider's own page, only from real replies, or
 * from a page whose codes differ from what the servers send. */
#define SMTPCODE_DOCUMENTED_LIST(FIRST, NEXT) \
	FIRST(DOCUMENTED, documented, 0)   /* the provider's own page says it */ \
	NEXT(OBSERVED, observed, 1)        /* seen in real replies; the provider documents nothing */ \
	NEXT(DOC_DIFFERS, doc_differs, 2)  /* documented, but the servers send other codes */

/* What told which provider sent a reply, strongest first. */
#define SMTPCODE_EVIDENCE_LIST(FIRST, NEXT) \
	FIRST(NONE, none, 0)                  /* no provider recognised */ \
	NEXT(HINT_PROVIDER, hint_provider, 1) /* the caller named it */ \
	NEXT(SIGNATURE, signature, 2)         /* a fragment or marker only its replies carry */ \
	NEXT(HELP_URL, help_url, 3)           /* a link to its help pages */ \
	NEXT(REMOTE_HOST, remote_host, 4)     /* the remote server the text names is one of its */ \
	NEXT(HINT_HOST, hint_host, 5)         /* the host the caller gave is one of its */ \
	NEXT(HINT_RCPT, hint_rcpt, 6)         /* the recipient domain the caller gave is one of its */

#define SMTPCODE_CONFIDENCE_LIST(FIRST, NEXT) \
	FIRST(NONE, none, 0) \
	NEXT(LOW, low, 1) \
	NEXT(MEDIUM, medium, 2) \
	NEXT(HIGH, high, 3)

/* How a provider entry matched a reply, most specific first. */
#define SMTPCODE_MATCH_LIST(FIRST, NEXT) \
	FIRST(NONE, none, 0) \
	NEXT(MARKER, marker, 1)         /* a token of the provider's: "TSS04", "S3140" */ \
	NEXT(CODES_TEXT, codes_text, 2) /* the codes and a fragment of the text */ \
	NEXT(CODES, codes, 3)           /* the codes alone */ \
	NEXT(RANGE, range, 4)           /* the enhanced code inside a range of details */

/* What one difference (or agreement) between two codes is about, in the order a comparison
 * lists them. */
#define SMTPCODE_ASPECT_LIST(FIRST, NEXT) \
	FIRST(SAME_CODE, same_code, 0) /* the two are the same entry */ \
	NEXT(CLASS, class, 1)          /* the class of each */ \
	NEXT(KIND, kind, 2)            /* basic reply code vs enhanced status code */ \
	NEXT(PAIRING, pairing, 3)      /* whether the registry pairs the enhanced code with the basic */ \
	NEXT(MEANING, meaning, 4)      /* what each means */ \
	NEXT(STAGE, stage, 5)          /* when each is seen */ \
	NEXT(WHO_ACTS, who_acts, 6)    /* who must act */ \
	NEXT(RETRY, retry, 7)          /* whether to retry */ \
	NEXT(STATUS, status, 8)        /* standard, non-standard, deprecated */ \
	NEXT(OUTCOME, outcome, 9)      /* the success and the failure of one step (235, 535) */ \
	NEXT(SCOPE, scope, 10)         /* what each refuses: the session, a message, a recipient */

/* Why a resolution says more than its entry (smtpcode_resolve). */
#define SMTPCODE_NOTE_LIST(FIRST, NEXT) \
	FIRST(NONE, none, 0)                         /* the code has an entry of its own */ \
	NEXT(SHORT_FORM, short_form, 1)              /* "5.7": a class and a subject, no detail */ \
	NEXT(UNREGISTERED_DETAIL, unregistered_detail, 2) /* "5.7.708": only class and subject */

/* Labels of fields and sections, as every output shows them (smtpcode_label). */
#define SMTPCODE_LABEL_LIST(FIRST, NEXT) \
	FIRST(CLASS, class, 0) \
	NEXT(SUBJECT, subject, 1) \
	NEXT(STATUS, status, 2) \
	NEXT(TITLE, title, 3) \
	NEXT(DESCRIPTION, description, 4) \
	NEXT(WHEN_SEEN, when_seen, 5) \
	NEXT(HOW_TO_FIX, how_to_fix, 6) \
	NEXT(WHO_ACTS, who_acts, 7) \
	NEXT(RETRY, retry, 8) \
	NEXT(REFERENCES, references, 9) \
	NEXT(RELATED, related, 10) \
	NEXT(BASIC_CODES, basic_codes, 11) \
	NEXT(REPLY_CODE, reply_code, 12) \
	NEXT(ENHANCED_CODE, enhanced_code, 13) \
	NEXT(IN_REPLY_TO, in_reply_to, 14) \
	NEXT(SERVER_SAID, server_said, 15) \
	NEXT(IN_SHORT, in_short, 16) \
	NEXT(WARNING, warning, 17) \
	NEXT(KEY_DIFFERENCES, key_differences, 18) \
	NEXT(WHAT_TO_DO, what_to_do, 19) \
	NEXT(WHEN_TO_USE_WHICH, when_to_use_which, 20) \
	NEXT(NONE_FOUND, none_found, 21)   /* no reply code in the text */ \
	NEXT(NONE, none, 22)               /* no enhanced code in the reply */ \
	NEXT(VERSUS, versus, 23)           /* between two codes compared: "vs" */ \
	NEXT(SMTP, smtp, 24)               /* before a code in a page title */ \
	NEXT(SMTP_REPLY, smtp_reply, 25)   /* before the codes of an explained reply */ \
	NEXT(NO_BASIC_CODES, no_basic_codes, 26) /* an enhanced code the registry pairs with none */ \
	NEXT(NO_REPLY_FOUND, no_reply_found, 27) /* explain found no code in the text */ \
	NEXT(NO_MATCH, no_match, 28)       /* a list filter matched no code */ \
	NEXT(NO_SEARCH_MATCH, no_search_match, 29) /* a search found no code */ \
	NEXT(UNKNOWN_CODE, unknown_code, 30) /* a well-formed code nothing is known about */ \
	NEXT(ANY_CLASS, any_class, 31)     /* the class of an "X." code */ \
	NEXT(MTA_STATUS, mta_status, 32)   /* the MTA's own status beside a reply's codes */ \
	NEXT(REMOTE_SERVER, remote_server, 33) /* the server a reply came from */ \
	NEXT(PROVIDER, provider, 34)       /* who sent a reply, and from what evidence */ \
	NEXT(PROVIDER_ENTRY, provider_entry, 35) /* the provider entry that explains it */ \
	NEXT(MEANING, meaning, 36)         /* what the provider means by a reply */ \
	NEXT(SOURCE, source, 37)           /* where a provider entry comes from */ \
	NEXT(PROVIDER_USES, provider_uses, 38) /* providers' own meanings of a code */ \
	NEXT(PROVIDERS, providers, 39)     /* the heading of the list of providers */ \
	NEXT(SEPARATES, separates, 40)     /* a pair note: what separates the two */ \
	NEXT(HOW_TO_TELL, how_to_tell, 41) /* a pair note: how to tell which you have */ \
	NEXT(WHAT_TO_DO_DIFFERENTLY, what_to_do_differently, 42) /* a pair note: what to do */ \
	NEXT(CODE, code, 43)               /* the column of codes in a list */ \
	NEXT(CODES, codes, 44)             /* the heading of a list of codes */ \
	NEXT(SCAN_FILES, scan_files, 45)   /* a log scan's header: files read */ \
	NEXT(SCAN_LINES, scan_lines, 46)   /* lines read */ \
	NEXT(SCAN_REPLIES, scan_replies, 47) /* lines holding a reply */ \
	NEXT(SCAN_FAILURES, scan_failures, 48) /* of those, 4xx and 5xx */ \
	NEXT(SCAN_SPAN, scan_span, 49)     /* the first and last time logged */ \
	NEXT(SCAN_COUNT, scan_count, 50)   /* a row: log lines holding the reply */ \
	NEXT(SCAN_SHARE, scan_share, 51)   /* a row: its share of the failures */ \
	NEXT(SCAN_DEFERRED, scan_deferred, 52) /* deliveries the MTA will try again */ \
	NEXT(SCAN_BOUNCED, scan_bounced, 53) /* deliveries given up */ \
	NEXT(SCAN_REJECTED, scan_rejected, 54) /* mail this server refused */ \
	NEXT(SCAN_DOMAINS, scan_domains, 55) /* the top recipient domains */ \
	NEXT(SCAN_HOSTS, scan_hosts, 56)   /* the top remote hosts */ \
	NEXT(SCAN_OTHER, scan_other, 57)   /* the rest of a bounded table */ \
	NEXT(SCAN_SEEN, scan_seen, 58)     /* first and last time of a row */ \
	NEXT(SCAN_SAMPLE, scan_sample, 59) /* one reply of the row as the log holds it */ \
	NEXT(SCAN_NO_FAILURES, scan_no_failures, 60) /* a scan that found no 4xx or 5xx */ \
	NEXT(SCAN_UNRANKED, scan_unranked, 61) /* failures past the bounded table of rows */ \
	NEXT(SCAN_CUT_LINE, scan_cut_line, 62) /* a line over 1 MiB, read in its first MiB */ \
	NEXT(SCAN_BINARY_LINE, scan_binary_line, 63) /* a line holding NUL bytes */ \
	NEXT(SITE_TITLE, site_title, 64)   /* the reference site's name (make site) */ \
	NEXT(REPLY_CODES, reply_codes, 65) /* the heading of the basic codes */ \
	NEXT(ENHANCED_CODES, enhanced_codes, 66) /* the heading of the enhanced codes */ \
	NEXT(EXPLAIN_A_REPLY, explain_a_reply, 67) /* the page that explains a pasted reply */ \
	NEXT(REPLY_TEXT, reply_text, 68)   /* the field a reply is pasted into */ \
	NEXT(EXPLAIN, explain, 69)         /* the button that explains it */ \
	NEXT(PAIRS, pairs, 70)             /* the heading of the pairs people compare */ \
	NEXT(VERIFIED, verified, 71)       /* the date a provider's source was read */ \
	NEXT(CONTENTS, contents, 72)       /* the link to the site's index */ \
	NEXT(EXPLAIN_OFFLINE, explain_offline, 73) /* the text stays in the page */ \
	NEXT(NEEDS_SCRIPT, needs_script, 74) /* the explain page without JavaScript */ \
	NEXT(ENTRIES, entries, 75)         /* the heading of a provider's entries */ \
	NEXT(SITE_NAVIGATION, site_navigation, 76) /* the name of the site's navigation */

/* Builds "PREFIX_NAME = value" enumerators from a list. */
#define SMTPCODE_ENUM_FIRST_(prefix, name, token, value) prefix##name = value
#define SMTPCODE_ENUM_NEXT_(prefix, name, token, value) , prefix##name = value

/* ---- Errors ------------------------------------------------------------------------------ */

/* Error returns: 0 is success, every error is a negative constant; codes are only added. */
enum smtpcode_error {
	SMTPCODE_OK = 0,
	SMTPCODE_ENULL = -1,     /* a NULL pointer where a string or struct was expected */
	SMTPCODE_EEMPTY = -2,    /* an empty string */
	SMTPCODE_ETOOLONG = -3,  /* longer than any code can be */
	SMTPCODE_ENOTASCII = -4, /* a byte outside printable ASCII (control, non-ASCII) */
	SMTPCODE_ESYNTAX = -5,   /* neither a reply code (535) nor an enhanced code (5.7.8) */
	SMTPCODE_ECLASS = -6,    /* right shape, but a class no SMTP code has (135, 3.1.1) */
	SMTPCODE_ENOTFOUND = -7, /* well-formed, but not in the table; or nothing found */
	SMTPCODE_ETRUNCATED = -8, /* reserved: never returned; text calls return the full length
				   * as snprintf does, so compare the result with the size */
	SMTPCODE_ESIZE = -9      /* a struct's size field is below its first published size */
};

/* English text for an smtpcode_error; never NULL. */
SMTPCODE_API const char *smtpcode_strerror(int err);

/* The library's API version, "MAJOR.MINOR.PATCH", and its ABI version (the soname's number). */
SMTPCODE_API const char *smtpcode_version(void);
SMTPCODE_API int smtpcode_abi_version(void);

/* ---- Enumerations ------------------------------------------------------------------------ */

/* Which of the two code systems an entry belongs to. */
enum smtpcode_kind {
	SMTPCODE_BASIC = 1,   /* three-digit reply code, RFC 5321: "535" */
	SMTPCODE_ENHANCED = 2 /* enhanced status code, RFC 3463: "5.7.8" */
};

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_, name, token, value)
enum smtpcode_status { SMTPCODE_STATUS_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_ACTOR_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_ACTOR_, name, token, value)
enum smtpcode_actor { SMTPCODE_ACTOR_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_RETRY_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_RETRY_, name, token, value)
enum smtpcode_retry { SMTPCODE_RETRY_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_SCOPE_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_SCOPE_, name, token, value)
enum smtpcode_scope { SMTPCODE_SCOPE_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_NEXT_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_NEXT_, name, token, value)
enum smtpcode_next { SMTPCODE_NEXT_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_STAGE_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_STAGE_, name, token, value)
enum smtpcode_stage { SMTPCODE_STAGE_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_FORM_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_FORM_, name, token, value)
enum smtpcode_form { SMTPCODE_FORM_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_DOCUMENTED_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_DOCUMENTED_, name, token, value)
enum smtpcode_documented { SMTPCODE_DOCUMENTED_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_EVIDENCE_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_EVIDENCE_, name, token, value)
enum smtpcode_evidence { SMTPCODE_EVIDENCE_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_CONFIDENCE_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_CONFIDENCE_, name, token, value)
enum smtpcode_confidence { SMTPCODE_CONFIDENCE_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_MATCH_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_MATCH_, name, token, value)
enum smtpcode_match { SMTPCODE_MATCH_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_WARN_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_WARN_, name, token, value)
enum smtpcode_warning { SMTPCODE_WARNING_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_ASPECT_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_ASPECT_, name, token, value)
enum smtpcode_aspect { SMTPCODE_ASPECT_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_NOTE_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_NOTE_, name, token, value)
enum smtpcode_note { SMTPCODE_NOTE_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_LABEL_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_LABEL_, name, token, value)
enum smtpcode_label { SMTPCODE_LABEL_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

/* Token of a value, as the data and JSON write it ("sender_admin", "rcpt", "no_code"); NULL
 * for a value outside the enum. A warning is one SMTPCODE_WARN_* bit. */
SMTPCODE_API const char *smtpcode_status_name(enum smtpcode_status status);
SMTPCODE_API const char *smtpcode_actor_name(enum smtpcode_actor actor);
SMTPCODE_API const char *smtpcode_retry_name(enum smtpcode_retry retry);
SMTPCODE_API const char *smtpcode_scope_name(enum smtpcode_scope scope);
SMTPCODE_API const char *smtpcode_next_name(enum smtpcode_next next);
SMTPCODE_API const char *smtpcode_stage_token(enum smtpcode_stage stage);
SMTPCODE_API const char *smtpcode_warning_name(enum smtpcode_warning warning);
SMTPCODE_API const char *smtpcode_aspect_name(enum smtpcode_aspect aspect);
SMTPCODE_API const char *smtpcode_form_name(enum smtpcode_form form);
SMTPCODE_API const char *smtpcode_documented_name(enum smtpcode_documented documented);
SMTPCODE_API const char *smtpcode_evidence_name(enum smtpcode_evidence evidence);
SMTPCODE_API const char *smtpcode_confidence_name(enum smtpcode_confidence confidence);
SMTPCODE_API const char *smtpcode_match_name(enum smtpcode_match match);

/* English text of a value, as a person reads it; NULL for a value outside the enum (and for
 * SMTPCODE_NOTE_NONE). status: "non-standard: no RFC defines this code; ..." (a card shows
 * it only for a code that is not standard). stage: the display name ("RCPT TO",
 * "connection greeting"). */
SMTPCODE_API const char *smtpcode_status_text(enum smtpcode_status status);
SMTPCODE_API const char *smtpcode_actor_text(enum smtpcode_actor actor);
SMTPCODE_API const char *smtpcode_retry_text(enum smtpcode_retry retry);
SMTPCODE_API const char *smtpcode_stage_name(enum smtpcode_stage stage);
SMTPCODE_API const char *smtpcode_warning_text(enum smtpcode_warning warning);
SMTPCODE_API const char *smtpcode_note_text(enum smtpcode_note note);
/* evidence: what told which provider sent a reply ("a link to its help pages");
 * documented: how a provider entry is known ("observed in real replies; the provider
 * documents nothing"). */
SMTPCODE_API const char *smtpcode_evidence_text(enum smtpcode_evidence evidence);
SMTPCODE_API const char *smtpcode_documented_text(enum smtpcode_documented documented);

/* The label of a field or section ("When you see it", "Key differences"); NULL outside the
 * enum. Every output format and binding shows the same words. */
SMTPCODE_API const char *smtpcode_label(enum smtpcode_label label);

/* ---- Codes and entries ------------------------------------------------------------------- */

/* One entry of the table. Entries are const and live for the whole program; fields are only
 * ever appended. */
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
	/* ABI 1 */
	const char *summary; /* one sentence that stands alone; NULL where the data has none */
	unsigned long stages; /* bit (1ul << stage) for each stage the reply answers */
	enum smtpcode_scope scope;
	enum smtpcode_next next;
	/* ABI 1, 0.4: bit (1ul << class) for each class the defining RFC gives an enhanced
	 * detail ("This is useful only as a permanent error": 1ul << 5); 0 where it says none */
	unsigned long rfc_classes;
};

/* A code string taken apart (smtpcode_parse_code). A fixed layout: it never grows. */
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
 * first 2-5: "535"), an enhanced status code "C.S.D" (C is 2, 4 or 5 or X; S and D are 1-3
 * digits: "5.7.8", "4.7.650", "X.7.8"), and the registry's class and subject forms
 * ("5.XXX.XXX", "X.7.XXX"). No white space is allowed. Returns SMTPCODE_OK and fills *out, or a
 * negative smtpcode_error (out is then untouched). out may be NULL to only validate. */
SMTPCODE_API int smtpcode_parse_code(const char *code, struct smtpcode_code *out);

/* Looks a code up. Returns the entry, or NULL when the code is malformed (see
 * smtpcode_parse_code; NULL and "" included) or not in the table. An enhanced code is looked up
 * as written ("5.7.8") and then in its class-independent form ("X.7.8"), so "5.7.8" returns
 * the "X.7.8" entry. */
SMTPCODE_API const struct smtpcode_entry *smtpcode_lookup(const char *code);

/* As smtpcode_lookup, and says why it failed: *err (if err is not NULL) is set to SMTPCODE_OK
 * or to a negative smtpcode_error (SMTPCODE_ENOTFOUND for a well-formed unknown code). */
SMTPCODE_API const struct smtpcode_entry *smtpcode_lookup_err(const char *code, int *err);

/* The entry of a basic reply code given as a number (550), or NULL: for programs that hold
 * the code as an integer. */
SMTPCODE_API const struct smtpcode_entry *smtpcode_lookup_basic(int code);

/* What smtpcode_resolve found. Caller-allocated: set size first. */
struct smtpcode_resolution {
	size_t size;
	/* The code's own entry ("5.7.8" -> X.7.8; "5.7" -> X.7.XXX), or NULL when the code is not
	 * registered. */
	const struct smtpcode_entry *entry;
	/* For an enhanced code, its subject entry (X.S.XXX) and class entry (C.XXX.XXX) when they
	 * exist; NULL otherwise and for basic codes. */
	const struct smtpcode_entry *subject_entry;
	const struct smtpcode_entry *class_entry;
	/* Why the answer covers less than the code asked: smtpcode_note_text() says it. */
	enum smtpcode_note note;
	int reply_class; /* the class the code was met in: 2..5, or 0 for an "X." code */
};

/* Like smtpcode_lookup, and more forgiving where the registry allows a useful answer: an
 * enhanced code whose detail is not registered ("5.7.708", provider-specific) resolves to its
 * subject and class; the short form "C.S" ("5.7") names a subject within a class. Returns
 * SMTPCODE_OK when out->entry or out->subject_entry is set; otherwise an smtpcode_error
 * (SMTPCODE_ENOTFOUND for a well-formed code nothing is known about; SMTPCODE_ENULL when out
 * is NULL; SMTPCODE_ESIZE when out->size is too small). out is filled whenever size allows. */
SMTPCODE_API int smtpcode_resolve(const char *code, struct smtpcode_resolution *out);

/* The entry that answers for a resolution: its own, or its subject's when the detail is not
 * registered ("5.7.708"). NULL when r is NULL or resolved nothing. */
SMTPCODE_API const struct smtpcode_entry *smtpcode_resolved_entry(
	const struct smtpcode_resolution *r);

/* Iteration: entries in a stable order (basic codes ascending, then enhanced codes by subject,
 * detail and class). smtpcode_entry_at returns NULL when index >= smtpcode_entry_count(). */
SMTPCODE_API size_t smtpcode_entry_count(void);
SMTPCODE_API const struct smtpcode_entry *smtpcode_entry_at(size_t index);

/* Name of a class: for SMTPCODE_BASIC, RFC 5321's ("Permanent Negative Completion"); for
 * SMTPCODE_ENHANCED, RFC 3463's ("Permanent Failure"). NULL for a class with no name. */
SMTPCODE_API const char *smtpcode_class_name(enum smtpcode_kind kind, int reply_class);

/* What a class means for the client, in a few words ("a permanent failure, so repeating the
 * request unchanged fails again"); for class 0, "valid in any class". NULL outside 0 and 2-5. */
SMTPCODE_API const char *smtpcode_class_text(int reply_class);

/* The class a code string names, from its first character: 2..5 for "535", "5.7.8" and the
 * short form "5.7"; 0 for an "X." code, NULL or anything else. Does not validate the rest. */
SMTPCODE_API int smtpcode_code_class(const char *code);

/* The class an entry is shown in when asked as code: the asked class (5 for "5.7.8"), else
 * the entry's own (0 for "X.7.8"). */
SMTPCODE_API int smtpcode_asked_class(const struct smtpcode_entry *entry, const char *code);

/* Retry advice for an entry met in a given class: an "X." entry met as 2.x.x needs none, met
 * as 4.x.x is transient (later); otherwise the entry's own advice. */
SMTPCODE_API enum smtpcode_retry smtpcode_retry_for(const struct smtpcode_entry *entry,
						    int reply_class);

/* Writes an entry's code as met in a class: "535"; X.7.8 in class 5 is "5.7.8", in class 0
 * "X.7.8"; the subject entry X.7.XXX in class 5 is "5.7.XXX". snprintf-style; returns
 * SMTPCODE_ENULL for a NULL entry, or when buf is NULL and size is not 0. */
SMTPCODE_API int smtpcode_format_code(const struct smtpcode_entry *entry, int reply_class,
				      char *buf, size_t size);

/* Writes the label of a class: "5xx" for a basic code, "5.XXX.XXX" for an enhanced one,
 * "X.XXX.XXX" for an enhanced code of any class; with_name adds the class's name ("5xx
 * Permanent Negative Completion", "5.XXX.XXX Permanent Failure"), and for class 0 says what
 * that means. snprintf-style; SMTPCODE_ENULL as for smtpcode_format_code. */
SMTPCODE_API int smtpcode_class_label(enum smtpcode_kind kind, int reply_class, int with_name,
				      char *buf, size_t size);

/* Writes the label of an enhanced entry's subject: "X.7.XXX Security or Policy Status".
 * snprintf-style; SMTPCODE_ENOTFOUND (and "") when the entry has no subject. */
SMTPCODE_API int smtpcode_subject_label(const struct smtpcode_entry *entry, char *buf,
					size_t size);

/* The advice line for an entry met in a class: the retry advice as a sentence, then what to
 * do first ("Retry only after fixing what it names. Check the user name ..."). snprintf-style;
 * SMTPCODE_ENULL as for smtpcode_format_code. */
SMTPCODE_API int smtpcode_advice(const struct smtpcode_entry *entry, int reply_class,
				 char *buf, size_t size);

/* Writes a list field of an entry joined with ", ": the references, the related codes, or the
 * basic codes (SMTPCODE_LABEL_REFERENCES, _RELATED, _BASIC_CODES; for an enhanced entry with
 * no basic codes, the registry's "none" phrase). snprintf-style; SMTPCODE_ENOTFOUND for any
 * other label. */
SMTPCODE_API int smtpcode_join(const struct smtpcode_entry *entry, enum smtpcode_label list,
			       char *buf, size_t size);

/* ---- Access by name, for bindings: no struct layout needed -------------------------------
 * name is a key of the JSON entry object (see README): "title", "how_to_fix", "who_acts",
 * "canonical", "class", "references", ..., or one of the entry's members "summary", "scope",
 * "stages", "next". The code is resolved as smtpcode_resolve does, so "5.7.708" answers with
 * its subject's fields and "registered" is 0. */

/* A text field, or an enum field's token ("sender_admin"). Static storage; NULL when the code
 * is unknown or malformed, the name is no text field, or the entry has no such value. */
SMTPCODE_API const char *smtpcode_field(const char *code, const char *name);

/* A number or flag field ("class", "subject", "detail", "registered"), or an enum field's
 * value; -1 when absent, unknown or not a number field. */
SMTPCODE_API long smtpcode_field_int(const char *code, const char *name);

/* A list field ("references", "related", "basic_codes", "stages"): the number of items, and
 * item i as text (basic codes as digits "550", stages as tokens). Static storage; count 0 and
 * NULL past the end or for anything else. */
SMTPCODE_API size_t smtpcode_field_count(const char *code, const char *name);
SMTPCODE_API const char *smtpcode_field_at(const char *code, const char *name, size_t i);

/* ---- Operands ---------------------------------------------------------------------------- */

/* What a string a user typed is. */
enum smtpcode_operand {
	SMTPCODE_OPERAND_MALFORMED = 0, /* neither a code nor a reply: "abc", "135" */
	SMTPCODE_OPERAND_CODE = 1,      /* a code or a short form: "535", "5.7.8", "5.7" */
	SMTPCODE_OPERAND_REPLY = 2      /* a reply with words besides its code: "550 5.1.1 ..." */
};

/* Tells a code from a reply. A reply has words besides its code ("550 5.1.1 User unknown");
 * " 535" alone is a malformed code, not a reply. NULL is malformed. */
SMTPCODE_API enum smtpcode_operand smtpcode_operand_kind(const char *text);

/* ---- Listing and searching ------------------------------------------------------------- */

/* A list filter, parsed once and matched against many entries. Caller-allocated: set size. */
struct smtpcode_filter {
	size_t size;
	int all;          /* every entry */
	int kind;         /* 0 any, or an smtpcode_kind */
	int reply_class;  /* 0 any, else 2..5 */
	int category;     /* basic "55x": the second digit, else -1 */
	int subject;      /* enhanced "5.7", "x.7": the subject, else -1 */
	/* A class-specific enhanced filter ("5.7", "5.x"): the class digit to show "X." codes
	 * in ("5.7.8" for X.7.8); '\0' otherwise. */
	char shown_class;
};

/* Parses a filter: "2xx" "4xx" "5xx" (basic codes of a class), "55x" (of a class and
 * category), "5.7" (enhanced codes of subject 7 usable in class 5), "x.7" (of subject 7),
 * "5.x" (every enhanced code usable in class 5), "basic", "enhanced", or NULL/"" for all.
 * Case-insensitive. Returns SMTPCODE_OK, SMTPCODE_ESYNTAX for a filter it does not know
 * (out untouched), SMTPCODE_ENULL or SMTPCODE_ESIZE for a bad out. */
SMTPCODE_API int smtpcode_filter_parse(const char *text, struct smtpcode_filter *out);

/* Whether an entry passes a parsed filter: 1 or 0; 0 when either is NULL. */
SMTPCODE_API int smtpcode_filter_matches(const struct smtpcode_filter *filter,
					 const struct smtpcode_entry *entry);

/* Both at once: 1 or 0, SMTPCODE_ESYNTAX for an unknown filter, SMTPCODE_ENULL for a NULL
 * entry. */
SMTPCODE_API int smtpcode_filter_match(const struct smtpcode_entry *entry, const char *filter);

/* Searches titles and texts (description, when you see it, how to fix) for entries holding
 * every word (case-insensitive substrings), best first: entries whose title holds the words
 * come before those that only mention them. Writes at most max entries to out and returns
 * how many matched in all (which may be more than max). Returns 0 when words is NULL or no
 * word is given. */
SMTPCODE_API size_t smtpcode_search(const char *const *words, size_t nwords,
				    const struct smtpcode_entry **out, size_t max);

/* ---- Server replies -------------------------------------------------------------------- */

/* One reply found in a text. Caller-allocated: set size first (the fields up to warnings are
 * the first published size). Offsets are into the caller's text; a length of 0 means absent. */
struct smtpcode_reply {
	size_t size;
	int basic;                 /* the reply's own code (550), or -1 if none was found */
	struct smtpcode_code enhanced_code;    /* valid when enhanced[0] != '\0' */
	/* The enhanced code as written, "5.1.1", or "". The reply's own; only when the text holds
	 * no reply at all (a DSN "Status:" alone, a Postfix line with only "dsn=") the MTA's
	 * status, which is then also in status. */
	char enhanced[SMTPCODE_CODE_MAX + 1];
	size_t text_offset;        /* the first line's reply text after the codes */
	size_t text_length;
	enum smtpcode_stage stage; /* the command answered, where the text names it */
	unsigned warnings;         /* smtpcode_warning bits */
	/* ABI 1, version 0.3 */
	size_t start, end;         /* the reply's span: its first code to the end of its last line */
	unsigned lines;            /* lines the reply spans (a multi-line reply has several) */
	enum smtpcode_form form;   /* how the text around the reply is written */
	/* The MTA's own status apart from the reply's (Postfix "dsn=4.0.0", a DSN "Status:", an
	 * ESP's status field), as written, or "" */
	char status[SMTPCODE_CODE_MAX + 1];
	struct smtpcode_code status_code; /* valid when status[0] != '\0' */
	/* The remote server the text names ("host mx.example.net[192.0.2.1] said:", Exim's "H=",
	 * "Remote-MTA: dns; ..."): its host name as written (compare it case-insensitively) and
	 * its IP address, each absent (length 0) when the text does not give it. */
	size_t remote_host_offset, remote_host_length;
	size_t remote_ip_offset, remote_ip_length;
};

/* Finds the reply that matters in a text as people paste it: a plain or multi-line reply
 * ("550-5.1.1 ..."), a DSN ("Diagnostic-Code: smtp; 550 5.1.1 ...", "Status: 5.1.1"), an MTA
 * log line or bounce (Postfix, Exim, Sendmail, OpenSMTPD, Exchange, qmail), an application's
 * error that quotes it (nodemailer, smtplib, PHPMailer, Symfony, JavaMail, .NET, Ruby, Go,
 * curl, msmtp), an ESP's JSON payload, a protocol transcript, or a bare code. Of several
 * replies it picks a failure over a success and the remote server's own reply over one
 * wrapped around it. text need not be NUL-terminated and may hold any bytes. Linear time, no
 * allocation. Returns SMTPCODE_OK when a code was found, SMTPCODE_ENOTFOUND when none was
 * (out is still filled, with SMTPCODE_WARN_NO_CODE and the remote server if the text names
 * one), SMTPCODE_ENULL when text or out is NULL, SMTPCODE_ESIZE when out->size is too small. */
SMTPCODE_API int smtpcode_parse_reply(const char *text, size_t length,
				      struct smtpcode_reply *out);

/* Walks every reply of a text in order: finds the first reply at or after *offset, fills out
 * and moves *offset past it (past the last line of a multi-line reply). Returns SMTPCODE_OK,
 * or SMTPCODE_ENOTFOUND when no reply is left (*offset is then length). A line holding only
 * an MTA's status ("dsn=4.4.1" of a connection that failed) is a reply with basic -1. Linear
 * in total over the whole walk. SMTPCODE_ENULL for a NULL text, offset or out, SMTPCODE_ESIZE
 * for a bad out->size; an *offset past length is length. */
SMTPCODE_API int smtpcode_reply_next(const char *text, size_t length, size_t *offset,
				     struct smtpcode_reply *out);

/* Writes the whole text of a parsed reply into buf: every line of a multi-line reply with its
 * prefix ("550-5.1.1 ", "S: ", "msmtp: server message: ") removed, joined by one space, runs
 * of white space made one space, a Postfix "(in reply to ... command)" left out. The bytes are
 * the server's: show them through smtpcode_sanitize(). text and length must be those the
 * reply was parsed from. snprintf-style; SMTPCODE_ENULL for a NULL text or reply, or a NULL
 * buf with a size. */
SMTPCODE_API int smtpcode_reply_text(const char *text, size_t length,
				     const struct smtpcode_reply *reply, char *buf, size_t size);

/* Rebuilds a reply that a client library split into its code and its text (Python smtplib's
 * smtp_code and smtp_error, aiosmtplib's code and message: the lines without their codes,
 * joined by newlines) as the server sent it: "CODE-line" and CRLF for every line but the
 * last, "CODE line" for the last ("CODE" alone for no text), ready for smtpcode_parse_reply or
 * smtpcode_json_explain. A line that still begins with the code and a separator keeps one
 * code; a final line break is dropped; the bytes are copied as they are. A code of 0 takes
 * the code the first line begins with, for a text that kept only that one (aiosmtplib's
 * SMTPConnectError: "421 first line\nsecond line"). snprintf-style; SMTPCODE_ESYNTAX for a
 * code outside 100-999 (a client's -1 for a reply it could not read, a 0 with no code),
 * the error of smtpcode_parse_code for a number no reply has (135); SMTPCODE_ENULL for a NULL
 * lines with a length, or a NULL buf with a size. */
SMTPCODE_API int smtpcode_reply_rejoin(int code, const char *lines, size_t length, char *buf,
				       size_t size);

/* The codes a parsed reply carries, as a person writes them: "550 5.7.1", "550", "5.7.1";
 * "" for none. snprintf-style; SMTPCODE_ENULL for a NULL reply, or a NULL buf with a
 * size. */
SMTPCODE_API int smtpcode_reply_codes(const struct smtpcode_reply *reply, char *buf,
				      size_t size);

/* The entries that explain a parsed reply: the basic code's, and the enhanced code's own or,
 * for an unregistered detail, its subject's (*enhanced_note then says so). Any pointer may be
 * NULL. Returns whether either entry was found. */
SMTPCODE_API int smtpcode_reply_entries(const struct smtpcode_reply *reply,
					const struct smtpcode_entry **basic,
					const struct smtpcode_entry **enhanced,
					enum smtpcode_note *enhanced_note);

/* Writes a one-line, human-readable explanation of a server reply into buf, e.g.
 * "Bad destination mailbox address (550 5.1.1): Check the local part letter by letter ..."
 * snprintf-style. SMTPCODE_ENOTFOUND when the reply holds no code; SMTPCODE_ENULL when text
 * is NULL, or buf is NULL with size > 0. */
SMTPCODE_API int smtpcode_explain_reply(const char *text, size_t length, char *buf,
					size_t size);

/* ---- Providers ------------------------------------------------------------------------
 * Providers reuse registered codes for their own meanings (Gmail's "421 4.7.27" is a failed
 * SPF check, not a null MX). The provider data (codes/providers/) says how to recognise a
 * provider's replies and what it means by them; every entry names its source and the date of
 * the copy read. Providers and entries are library-owned and const; fields are only
 * appended. */

struct smtpcode_provider {
	const char *id;    /* "google", "microsoft365", "t-online" */
	const char *name;  /* "Gmail / Google Workspace" */
	const char *about; /* who it is and what is special about its replies */
	/* literal fragments only its replies carry, matched in any case ("- gsmtp") */
	const char *const *signatures;
	size_t signature_count;
	const char *const *help_hosts;  /* hosts of the help pages its replies link to */
	size_t help_host_count;
	const char *const *mx_suffixes; /* suffixes of its receiving servers' names */
	size_t mx_suffix_count;
	const char *const *domains;     /* the mailbox domains it serves */
	size_t domain_count;
	size_t entry_count;
	const char *verified; /* the newest verified date of its entries, "YYYY-MM-DD" */
};

struct smtpcode_provider_entry {
	const char *id;  /* stable: "PROVIDER/KEY", "yahoo/TSS04" */
	const char *key; /* "TSS04" */
	const struct smtpcode_provider *provider;
	const char *const *markers; /* tokens the text carries, as the data writes them */
	size_t marker_count;
	const char *codes; /* the codes its replies carry, as the data writes them, or NULL */
	const char *range; /* a range of details, "5.7.700-749", or NULL */
	const char *const *texts; /* literal fragments of the text, with codes or range */
	size_t text_count;
	const char *title;
	const char *summary;    /* one sentence that stands alone */
	const char *meaning;
	const char *how_to_fix;
	enum smtpcode_actor who_acts;
	enum smtpcode_retry retry;
	int suppress_recipient; /* 1: do not mail the address again */
	enum smtpcode_documented documented;
	const char *wire_code;   /* with SMTPCODE_DOCUMENTED_DOC_DIFFERS: what servers send */
	const char *source;      /* the page, or "owner/repo:path" of a collection */
	const char *source_copy; /* the stored copy read, "owner/repo:path", or NULL */
	const char *verified;    /* the date of that copy, "YYYY-MM-DD" */
	const char *sample;      /* a reply of this kind (invented hosts and addresses) */
};

/* Who sent a reply, as the caller knows it. Caller-allocated: set size first. Any field may
 * be NULL. provider: an id ("google") that overrides what the text says; remote_host: the
 * server the reply came from; recipient_domain: the domain of the refused address. */
struct smtpcode_hints {
	size_t size;
	const char *provider;
	const char *remote_host;
	const char *recipient_domain;
};

/* Which provider sent a reply, and which of its entries explains it. Caller-allocated: set
 * size first. */
struct smtpcode_provider_match {
	size_t size;
	const struct smtpcode_provider *provider; /* NULL when none was recognised */
	enum smtpcode_evidence evidence;
	enum smtpcode_confidence confidence;
	char matched[64]; /* what matched: the signature, host, domain or id; cut to fit */
	const struct smtpcode_provider_entry *entry; /* NULL when no entry matched */
	enum smtpcode_match match;
	char marker[64]; /* the marker that matched, as in the data, or "" */
};

/* The providers, in id order: count and the i-th (NULL past the end); by id (NULL when
 * unknown). */
SMTPCODE_API size_t smtpcode_provider_count(void);
SMTPCODE_API const struct smtpcode_provider *smtpcode_provider_at(size_t i);
SMTPCODE_API const struct smtpcode_provider *smtpcode_provider_find(const char *id);

/* The i-th entry of a provider, in the order of its file; NULL past the end or for NULL. */
SMTPCODE_API const struct smtpcode_provider_entry *
smtpcode_provider_entry_at(const struct smtpcode_provider *provider, size_t i);

/* The entry whose marker is exactly token ("TSS04", "S3140"), or NULL. */
SMTPCODE_API const struct smtpcode_provider_entry *smtpcode_marker_find(const char *token);

/* The entries that give a code a provider's meaning: for "5.7.708" those whose codes or range
 * cover it, for "421" those that name 421 alone (with any enhanced code). Writes at most max into out; returns how many there
 * are in all, 0 for a malformed code or NULL. */
SMTPCODE_API size_t smtpcode_provider_uses(const char *code,
					   const struct smtpcode_provider_entry **out, size_t max);

/* The newest verified date of all provider data, "YYYY-MM-DD". */
SMTPCODE_API const char *smtpcode_data_verified(void);

/* Finds the provider of a reply parsed from text (smtpcode_parse_reply) and the entry that
 * explains it. The evidence, strongest first: the caller's provider id, a marker or signature
 * in the text, a link to the provider's help pages, the remote host the text names, the
 * caller's host and recipient domain, then (with medium or low confidence) a provider's own
 * wording of an unregistered detail or that detail alone (5.7.509). Within the provider the most specific entry wins:
 * marker, codes and text, codes, range. hints may be NULL. Returns SMTPCODE_OK when an entry
 * matched, SMTPCODE_ENOTFOUND otherwise (out is filled all the same: provider may be set with
 * no entry), SMTPCODE_ENULL for a NULL text, reply or out, SMTPCODE_ESIZE for a bad size,
 * SMTPCODE_ESYNTAX when hints->provider names no provider. */
SMTPCODE_API int smtpcode_match_provider(const char *text, size_t length,
					 const struct smtpcode_reply *reply,
					 const struct smtpcode_hints *hints,
					 struct smtpcode_provider_match *out);

/* Who sent a reply, as a person reads it: "Yahoo Mail / AOL Mail (yahoo), from a marker,
 * signature, wording or code of its own in the text: TSS04; high confidence". The matched
 * string is the server's: show the line through smtpcode_sanitize(). snprintf-style; 0 for no provider,
 * SMTPCODE_ENULL for a NULL match. */
SMTPCODE_API int smtpcode_provider_text(const struct smtpcode_provider_match *match, char *buf,
					size_t size);

/* The warnings to show for a reply explained with a provider match (NULL for none): the
 * reply's own, less SMTPCODE_WARN_NOT_ASSOCIATED when the provider's entry names these very
 * codes (Microsoft 365's "550 5.4.1" is its everyday pair, however odd to the registry).
 * 0 for a NULL reply. */
SMTPCODE_API unsigned smtpcode_reply_warnings(const struct smtpcode_reply *reply,
					      const struct smtpcode_provider_match *match);

/* smtpcode_explain_reply with hints: when a provider entry matches, the line says the
 * provider's meaning ("Gmail / Google Workspace: SPF did not pass (deferred) (421 4.7.27): ..."). */
SMTPCODE_API int smtpcode_explain_reply_hints(const char *text, size_t length,
					      const struct smtpcode_hints *hints, char *buf,
					      size_t size);

/* ---- Comparing two codes ------------------------------------------------------------- */

#define SMTPCODE_DIFF_MAX 16 /* differences a comparison holds at most */

/* One element of a comparison's array: a fixed layout, which never grows. */
struct smtpcode_difference {
	enum smtpcode_aspect aspect;
	int same; /* 1 when the two codes agree on this aspect */
};

/* A note written by hand for a pair of codes people compare (codes/pairs.codes): the
 * sentence that separates them, how to tell which you have, and what to do differently for
 * each. Library-owned and const. */
struct smtpcode_pair_note {
	const char *separates;
	const char *how_to_tell;
	const char *what_to_do;
	const char *const *references; /* "RFC 4954 section 6" */
	size_t reference_count;
};

/* The note for two codes as asked ("530", "535"; "5.7.26", "X.7.26"), in either order, or
 * NULL when there is none or a code is malformed or unknown. An unregistered detail has its
 * subject's notes. */
SMTPCODE_API const struct smtpcode_pair_note *smtpcode_pair_note(const char *code_a,
								  const char *code_b);

/* 0.6: the pairs of codes that have a note (codes/pairs.codes), in the order of that file:
 * how many there are, and pair i: its note, with its two codes as the file writes them
 * ("530", "5.7.26", "X.7.1") written into code_a and code_b (each of size bytes; 16 holds
 * any code, a code that does not fit is cut). Returns NULL (and writes nothing) when
 * i >= smtpcode_pair_count(); code_a and code_b may be NULL when size is 0. */
SMTPCODE_API size_t smtpcode_pair_count(void);
SMTPCODE_API const struct smtpcode_pair_note *smtpcode_pair_at(size_t i, char *code_a,
								char *code_b, size_t size);

/* Two codes side by side, as data. Caller-allocated: set size first. It holds no pointer
 * into the caller's strings: the codes as asked are copied. */
struct smtpcode_comparison {
	size_t size;
	const struct smtpcode_entry *a, *b;
	int class_a, class_b; /* the class each was met in (2..5; 0 for "X." codes) */
	/* For a code that is not registered itself (5.7.708), why: smtpcode_note_text() */
	enum smtpcode_note note_a, note_b;
	char code_a[16], code_b[16]; /* the codes as asked */
	size_t count;         /* differences[0 .. count-1], the class contrast first */
	struct smtpcode_difference differences[SMTPCODE_DIFF_MAX];
	/* 0.4: the hand-written note of the pair (smtpcode_pair_note), or NULL; where there is
	 * one it comes first, and the differences never contradict it */
	const struct smtpcode_pair_note *note;
};

/* Two replies side by side (smtpcode '550 5.7.1' '554 5.7.1'): difference i of the reply in
 * text_a and the one in text_b, as a sentence. The basic codes' differences come first (as
 * smtpcode_compare gives them), then the enhanced codes' (after the basic codes', only their
 * meanings and who acts where that differs), then what each provider means by its reply;
 * when the codes agree or cannot be compared, a sentence saying so leads. hints apply to both. snprintf-style; SMTPCODE_ENOTFOUND past the
 * last difference or when a text holds no code, SMTPCODE_ENULL for a NULL text (or a NULL
 * buf with a size), SMTPCODE_ESYNTAX or SMTPCODE_ESIZE for bad hints. */
SMTPCODE_API int smtpcode_reply_difference(const char *text_a, size_t length_a,
					   const char *text_b, size_t length_b,
					   const struct smtpcode_hints *hints, size_t i, char *buf,
					   size_t size);

/* The note of two replies' codes: of their basic codes where those differ, else of their
 * enhanced codes; NULL when there is none or a text holds no code. */
SMTPCODE_API const struct smtpcode_pair_note *
smtpcode_reply_pair_note(const char *text_a, size_t length_a, const char *text_b,
			 size_t length_b);

/* Compares two codes as asked ("235", "5.7.8"): fills out with the entries and the key
 * differences: the class contrast first, then outcome, scope, kind, pairing, meaning, stage,
 * who acts, retry, status (those that apply), and the pair's note. Two codes that agree on an aspect get a
 * sentence saying so (same == 1), never a contradiction. Returns SMTPCODE_OK, or the
 * smtpcode_error of the first code that could not be resolved (out is then untouched),
 * SMTPCODE_ENULL or SMTPCODE_ESIZE for a bad out. */
SMTPCODE_API int smtpcode_compare(const char *code_a, const char *code_b,
				  struct smtpcode_comparison *out);

/* The sentence of difference i of a comparison. snprintf-style; SMTPCODE_ENOTFOUND when i >=
 * c->count, SMTPCODE_ENULL for a NULL comparison. */
SMTPCODE_API int smtpcode_difference_text(const struct smtpcode_comparison *c, size_t i,
					  char *buf, size_t size);

/* The first sentence of a text (up to and including its period), copied into buf; returns
 * its length, or the full length when it did not fit (compare with size, as with snprintf).
 * NULL text is the empty text; buf may be NULL only when size is 0. */
SMTPCODE_API size_t smtpcode_first_sentence(const char *text, char *buf, size_t size);

/* ---- Text shown to a person ------------------------------------------------------------
 * Server text is hostile: it may hold terminal controls, bidi overrides that reorder what the
 * reader sees, and invalid UTF-8. Every output shows it through this one sanitiser. */

/* Writes length bytes of any text as valid UTF-8 that cannot move a terminal: invalid
 * sequences become U+FFFD; tab and newline become a space; every other C0 control, DEL, C1
 * control, bidi control (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), U+2028,
 * U+2029 and the BOM (U+FEFF) becomes "<U+XXXX>"; nothing else is changed or dropped. The JSON
 * writers escape the same code points as \uXXXX instead. snprintf-style; SMTPCODE_ENULL when
 * text is NULL with a length, or buf is NULL with a size. */
SMTPCODE_API int smtpcode_sanitize(const char *text, size_t length, char *buf, size_t size);

/* Terminal columns, from a table made from the Unicode data (smtpcode_unicode_version()), not
 * from the locale: East Asian wide and fullwidth characters take two, combining marks and
 * format characters none, every code point the sanitiser hides none (raw), all else one.
 * smtpcode_char_columns: of one code point. smtpcode_text_columns: of length bytes of text, an
 * invalid byte counting as the one column of U+FFFD. */
SMTPCODE_API int smtpcode_char_columns(unsigned long code_point);
SMTPCODE_API size_t smtpcode_text_columns(const char *text, size_t length);

/* How many bytes of text fit in columns terminal columns, cut only between characters (a
 * combining mark stays with its base): at least one character, even one wider than columns,
 * unless text is empty. *used (if not NULL) gets the columns they take. */
SMTPCODE_API size_t smtpcode_text_fit(const char *text, size_t length, size_t columns,
				      size_t *used);

/* The version of the Unicode data the width table was made from, "15.0.0". */
SMTPCODE_API const char *smtpcode_unicode_version(void);

/* ---- JSON ------------------------------------------------------------------------------
 * The objects of the JSON contract (README, "JSON"), as the command prints them: keys are only
 * ever added. Pretty-printed with two spaces per level; indent is the column of the closing
 * brace (and the first key's indentation minus two), to nest an object in a larger document.
 * snprintf-style. */

/* The entry object of a code as asked ("5.7.8", "5.7.708"). The error of smtpcode_resolve when
 * the code cannot be resolved; SMTPCODE_ENULL when buf is NULL and size is not 0. */
SMTPCODE_API int smtpcode_json_entry(const char *code, int indent, char *buf, size_t size);

/* The explain object of a reply text: the codes, stage, text, message, the provider and its
 * entry where the text says which, both entries and the warnings; basic_code and
 * enhanced_code are null when the text holds no code.
 * SMTPCODE_ENULL when text is NULL, or buf is NULL and size is not 0. */
SMTPCODE_API int smtpcode_json_explain(const char *text, size_t length, int indent, char *buf,
				       size_t size);

/* smtpcode_json_explain with hints for the provider (smtpcode_match_provider). */
SMTPCODE_API int smtpcode_json_explain_hints(const char *text, size_t length,
					     const struct smtpcode_hints *hints, int indent,
					     char *buf, size_t size);

/* The comparison of two replies: {"kind": "replies", "a": explain, "b": explain,
 * "differences": [...], "note": null | {...}}. Errors as smtpcode_json_explain_hints. */
SMTPCODE_API int smtpcode_json_compare_replies(const char *text_a, size_t length_a,
					       const char *text_b, size_t length_b,
					       const struct smtpcode_hints *hints, int indent,
					       char *buf, size_t size);

/* The provider entry object of the JSON contract. SMTPCODE_ENULL for a NULL entry. */
SMTPCODE_API int smtpcode_json_provider_entry(const struct smtpcode_provider_entry *entry,
					      int indent, char *buf, size_t size);

/* The provider object of the list ({"id", "name", "entries", "verified"}). */
SMTPCODE_API int smtpcode_json_provider(const struct smtpcode_provider *provider, int indent,
					char *buf, size_t size);

/* The comparison object of two codes: both entries and the differences. The error of
 * smtpcode_compare when a code cannot be resolved. */
SMTPCODE_API int smtpcode_json_compare(const char *code_a, const char *code_b, int indent,
				       char *buf, size_t size);

/* ---- Log scanning ----------------------------------------------------------------------
 * A mail log read line by line (Postfix, Exim, Sendmail, OpenSMTPD, and any line the reply
 * reader reads): each line holding a reply becomes an event (its time, queue id, recipient
 * domain, remote host, what the MTA did), and the failures (4xx, 5xx) are tallied into rows,
 * one per distinct reply (basic code, enhanced code, provider, marker), ranked by count.
 * Memory is bounded whatever the log's size: the whole state is one block of
 * smtpcode_scan_size() bytes that the caller provides (one allocation, or static storage);
 * nothing is allocated per line or ever. The scanner takes plain bytes: decompressing is the
 * caller's. A state is used by one thread at a time; several states are independent. */

/* A line longer than this is read in its first SMTPCODE_SCAN_LINE_MAX bytes only. */
#define SMTPCODE_SCAN_LINE_MAX ((size_t)1 << 20)
/* Recipient domains and remote hosts a row reports at most (the rest is "other"). */
#define SMTPCODE_SCAN_TOP 5
/* Distinct failing replies ranked at most; failures beyond are counted as unranked. */
#define SMTPCODE_SCAN_ROWS 1024

/* What the MTA did with the delivery a log line tells of. */
#define SMTPCODE_DELIVERY_LIST(FIRST, NEXT) \
	FIRST(UNKNOWN, unknown, 0)   /* the line does not say */ \
	NEXT(SENT, sent, 1)          /* delivered (Postfix status=sent, Exim =>, Ok) */ \
	NEXT(DEFERRED, deferred, 2)  /* kept to try again (status=deferred, Exim ==) */ \
	NEXT(BOUNCED, bounced, 3)    /* given up, the sender told (status=bounced, Exim **) */ \
	NEXT(REJECTED, rejected, 4)  /* refused by this server (Postfix reject:, milter-reject) */

#define SMTPCODE_X_(name, token, value) SMTPCODE_ENUM_FIRST_(SMTPCODE_DELIVERY_, name, token, value)
#define SMTPCODE_Y_(name, token, value) SMTPCODE_ENUM_NEXT_(SMTPCODE_DELIVERY_, name, token, value)
enum smtpcode_delivery { SMTPCODE_DELIVERY_LIST(SMTPCODE_X_, SMTPCODE_Y_) };
#undef SMTPCODE_X_
#undef SMTPCODE_Y_

/* "sent", "deferred", "bounced", "rejected"; NULL for SMTPCODE_DELIVERY_UNKNOWN and values
 * outside the enum. */
SMTPCODE_API const char *smtpcode_delivery_name(enum smtpcode_delivery delivery);

/* Which replies a scan keeps. Caller-allocated: set size. Every filter is off at 0 / NULL. */
struct smtpcode_scan_options {
	size_t size;
	/* Times are seconds of the civil time as logged (smtpcode_scan_time); the zone a line
	 * may give is not applied. With since or until set (>= 0), a line without a time is
	 * left out. -1: no bound. */
	int64_t since, until;
	int reply_class;      /* 4 or 5: only that class; 0 any */
	const char *code;     /* "550", "5.7.1", or a list filter "5.7" "55x" "5xx" */
	const char *domain;   /* the recipient domain, or a parent of it ("example.com") */
	const char *provider; /* a provider id: only replies matched to that provider */
};

/* One log line holding a reply, or a line the caller should hear of (flags). Library-owned:
 * valid during the callback only. Offsets are into text; a length of 0 means absent. */
struct smtpcode_scan_event {
	unsigned flags;                /* SMTPCODE_SCAN_* bits */
	uint64_t line;       /* 1-based, in the stream since smtpcode_scan_begin */
	const char *text;              /* the line, without its newline; cut at LINE_MAX */
	size_t length;
	const struct smtpcode_reply *reply;          /* with SMTPCODE_SCAN_REPLY, else NULL */
	const struct smtpcode_provider_match *match; /* with SMTPCODE_SCAN_REPLY, else NULL */
	size_t time_offset, time_length;             /* the time as logged */
	int64_t time;                              /* smtpcode_scan_time of it, or -1 */
	size_t queue_id_offset, queue_id_length;
	size_t domain_offset, domain_length;         /* the recipient's domain */
	size_t host_offset, host_length;             /* the remote host (or the client refused) */
	enum smtpcode_delivery delivery;
	int failure;                                 /* 1 for a 4xx or 5xx */
};

#define SMTPCODE_SCAN_REPLY 1u  /* the line holds a reply that passed the filters */
#define SMTPCODE_SCAN_CUT 2u    /* the line is longer than SMTPCODE_SCAN_LINE_MAX */
#define SMTPCODE_SCAN_BINARY 4u /* the line holds NUL bytes */

/* Called for every event; may be NULL where only the tally is wanted. */
typedef void (*smtpcode_scan_fn)(void *context, const struct smtpcode_scan_event *event);

struct smtpcode_scan; /* opaque: lives in the caller's block */

/* The bytes of the block a scan state needs (about 5 MiB). */
SMTPCODE_API size_t smtpcode_scan_size(void);

/* Makes a scan state in block, aligned for any type (malloc's is). *out points into block.
 * SMTPCODE_ENULL for a NULL block or out, SMTPCODE_ESIZE for a block smaller than
 * smtpcode_scan_size() or options with a bad size, SMTPCODE_ESYNTAX for an options->code
 * that is no code or filter, SMTPCODE_ENOTFOUND for an options->provider no provider has.
 * options may be NULL (no filter). */
SMTPCODE_API int smtpcode_scan_init(void *block, size_t size,
				    const struct smtpcode_scan_options *options,
				    struct smtpcode_scan **out);

/* Starts a stream (a file): line numbers from 1, no bytes carried. year and month (1-12) are
 * those a yearless syslog time ("Dec  2 03:00:00") is read against, usually of the file's
 * modification time: its year, or the year before for a month after month. 0: such times
 * stay unknown. */
SMTPCODE_API void smtpcode_scan_begin(struct smtpcode_scan *scan, int year, int month);

/* Feeds length bytes of the stream; complete lines are read at once, a partial last line is
 * kept (at most LINE_MAX bytes) for the next call. fn hears each event in line order. Returns
 * SMTPCODE_OK, SMTPCODE_ENULL for a NULL scan, or a NULL buf with a length. */
SMTPCODE_API int smtpcode_scan_feed(struct smtpcode_scan *scan, const char *buf, size_t length,
				    smtpcode_scan_fn fn, void *context);

/* Ends the stream: reads a last line that has no newline. SMTPCODE_ENULL for a NULL scan. */
SMTPCODE_API int smtpcode_scan_end(struct smtpcode_scan *scan, smtpcode_scan_fn fn,
				   void *context);

/* Adds the tally of from (another stream, read by another thread) into into, as if from's
 * streams had been read after into's: counts add, the first sample and times are kept.
 * While no row saw more distinct domains or hosts than it tracks (16), the result is the
 * same as reading every stream into one state; beyond, the top tables are estimates either
 * way. SMTPCODE_ENULL for NULL. */
SMTPCODE_API int smtpcode_scan_merge(struct smtpcode_scan *into, const struct smtpcode_scan *from);

/* The whole scan so far. Caller-allocated: set size. */
struct smtpcode_scan_totals {
	size_t size;
	uint64_t lines;    /* every line read */
	uint64_t replies;  /* lines holding a reply that passed the filters */
	uint64_t failures; /* of those, 4xx and 5xx */
	uint64_t unranked; /* failures of replies past SMTPCODE_SCAN_ROWS rows */
	uint64_t cut_lines, binary_lines;
	int64_t first_time, last_time; /* of the replies counted, or -1 */
	size_t rows;                     /* distinct failing replies */
};
SMTPCODE_API int smtpcode_scan_totals(const struct smtpcode_scan *scan,
				      struct smtpcode_scan_totals *out);

/* Ranks the rows: by count, most first; ties by basic code, enhanced code, provider id and
 * marker, so that the order depends on nothing but the tally. Returns the number of rows. */
SMTPCODE_API size_t smtpcode_scan_rank(struct smtpcode_scan *scan);

struct smtpcode_scan_tally {
	const char *name; /* lower case; a name over 63 bytes is cut, ending in "..." */
	uint64_t count;
};

/* One row of the ranking. Caller-allocated: set size. Pointers are into the state (valid
 * until it next changes) or the const tables. */
struct smtpcode_scan_row {
	size_t size;
	int basic;                               /* -1 when the log gives only the MTA's status */
	char enhanced[SMTPCODE_CODE_MAX + 1];    /* or "" */
	const struct smtpcode_provider *provider;    /* or NULL */
	const struct smtpcode_provider_entry *entry; /* the provider's entry, or NULL */
	char marker[64];                             /* its marker that matched, or "" */
	uint64_t count, deferred, bounced, rejected;
	double share;                                /* of all failures, 0..1 */
	int64_t first_time, last_time;
	/* The provider's title and summary when its entry is known, else the enhanced code's,
	 * else the basic code's; NULL when none is known */
	const char *title, *summary;
	size_t domain_count;
	struct smtpcode_scan_tally domains[SMTPCODE_SCAN_TOP];
	uint64_t other_domains; /* the rest, and lines that name no domain */
	size_t host_count;
	struct smtpcode_scan_tally hosts[SMTPCODE_SCAN_TOP];
	uint64_t other_hosts;
	const char *sample; /* the first reply's text (smtpcode_reply_text), the server's bytes */
	size_t sample_length;
};

/* The i-th row after smtpcode_scan_rank. SMTPCODE_ENOTFOUND past the end, SMTPCODE_ENULL or
 * SMTPCODE_ESIZE for a bad scan or out. */
SMTPCODE_API int smtpcode_scan_row(const struct smtpcode_scan *scan, size_t i,
				   struct smtpcode_scan_row *out);

/* Reads a time at the start of text: ISO "2026-12-02", "2026-12-02T03:00", "2026-12-02
 * 03:00:00" (a fraction and zone after it are skipped), or syslog "Dec  2 03:00:00" against
 * year and month as smtpcode_scan_begin says. Writes the seconds of that civil time (no zone
 * applied) into *seconds and returns the bytes it took, or 0 when text starts with no time
 * (or a yearless one with year 0). NULL text or seconds: 0. */
SMTPCODE_API size_t smtpcode_scan_time(const char *text, size_t length, int year, int month,
				       int64_t *seconds);

/* A file of a scan, for its JSON report. Caller-allocated: set size. */
struct smtpcode_scan_file {
	size_t size;
	const char *name;          /* as the user named it; "-" for standard input */
	uint64_t lines;  /* lines read from it */
	const char *error;         /* why it could not be read (whole), or NULL */
};

/* The scan report of the JSON contract: {"files", "lines", "replies", "failures",
 * "first_time", "last_time", "unranked", "rows": [...]}, the rows ranked (smtpcode_scan_rank).
 * snprintf-style; SMTPCODE_ENULL for a NULL scan, or NULL files with nfiles. */
SMTPCODE_API int smtpcode_json_scan(struct smtpcode_scan *scan,
				    const struct smtpcode_scan_file *files, size_t nfiles,
				    int indent, char *buf, size_t size);

/* One event as a line of --each (NDJSON, no newline): file, line, time, queue_id,
 * recipient_domain, remote_host, basic_code, enhanced_code, status_code, stage, provider,
 * delivery, text. SMTPCODE_ENULL for an event without a reply. */
SMTPCODE_API int smtpcode_json_scan_event(const struct smtpcode_scan_event *event,
					  const char *file, char *buf, size_t size);

/* Writes seconds as ISO 8601, "2026-12-02T03:00:00"; "" for a negative time.
 * snprintf-style; SMTPCODE_ENULL for a NULL buf with a size. */
SMTPCODE_API int smtpcode_scan_time_text(int64_t seconds, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
