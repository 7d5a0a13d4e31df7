/* forms.h -- the vocabulary of codes/forms.codes: what a form does, where it may stand, how
 * far it reaches and how far to trust it. The generator (tools/gencodes/forms.c) checks the
 * file's tokens against these lists and writes the table with these names; the reader
 * (reply.c) acts on them. X(NAME, token) for each item. */
#ifndef SMTPCODE_FORMS_H
#define SMTPCODE_FORMS_H

/* What a phrase says about the code next to it, or about its line. */
#define FORM_DOES_LIST(X) \
	X(REPLY, reply)     /* a reply follows: "said:", "Diagnostic-Code: smtp;" */ \
	X(CODE, code)       /* a basic code follows whose text is elsewhere: "\"code\":" */ \
	X(STATUS, status)   /* the MTA's own status follows: "dsn=", "Status:" */ \
	X(SKIP, skip)       /* the number next to it is not a code: "port ", " ms" */ \
	X(CLIENT, client)   /* the rest of the line is what the client sent: "C:", ">>>" */ \
	X(HOST, host)       /* the remote server's name or address follows: "host " */ \
	X(STAGE, stage)     /* names the command answered, or a command follows */ \
	X(COMMAND, command) /* an SMTP command: "RCPT TO", "DATA" */ \
	X(MARK, mark)       /* says which software wrote the text: "postfix/" */ \
	X(TEXT, text)       /* the reply's text follows, apart from its code: "Detail:" */

/* Where the phrase may stand. */
#define FORM_AT_LIST(X) \
	X(WORD, word)   /* not inside a word: no letter or digit touches its ends */ \
	X(ANY, any)     /* anywhere, also ending a longer word: "...Exception:" */ \
	X(LINE, line)   /* first on its line, after white space */ \
	X(WHOLE, whole) /* the whole line, apart from white space */

/* How far from the phrase its code may be. */
#define FORM_REACH_LIST(X) \
	X(NEAR, near) /* right after it: only blanks, quotes and opening brackets between */ \
	X(LINE, line) /* anywhere later on its line, or at the start of the next line */

/* How far to trust a code the phrase introduces. */
#define FORM_TRUST_LIST(X) \
	X(HIGH, high) /* any well-formed code */ \
	X(LOW, low)   /* only a standard code, or one followed by an enhanced code */

/* Which side of the code the phrase stands on. */
#define FORM_SIDE_LIST(X) \
	X(BEFORE, before) /* "said: 550" */ \
	X(AFTER, after)   /* "550 ms", "(550, b'" */

#define FORM_X_DOES_(name, token) FORM_DOES_##name,
#define FORM_X_AT_(name, token) FORM_AT_##name,
#define FORM_X_REACH_(name, token) FORM_REACH_##name,
#define FORM_X_TRUST_(name, token) FORM_TRUST_##name,
#define FORM_X_SIDE_(name, token) FORM_SIDE_##name,
enum form_does { FORM_DOES_LIST(FORM_X_DOES_) FORM_DOES_COUNT };
enum form_at { FORM_AT_LIST(FORM_X_AT_) FORM_AT_COUNT };
enum form_reach { FORM_REACH_LIST(FORM_X_REACH_) FORM_REACH_COUNT };
enum form_trust { FORM_TRUST_LIST(FORM_X_TRUST_) FORM_TRUST_COUNT };
enum form_side { FORM_SIDE_LIST(FORM_X_SIDE_) FORM_SIDE_COUNT };

/* A stage form whose command follows it ("in reply to RCPT TO command") has this stage. */
#define FORM_STAGE_COMMAND 255

/* One row of the table. phrase holds length bytes (no NUL inside); a space in it stands for
 * a run of white space. */
struct form_def {
	const char *phrase;
	unsigned char length;
	unsigned char does, at, reach, trust, side;
	unsigned char exact;    /* letters match only in the case written */
	unsigned char kind;     /* enum smtpcode_form of the reply it introduces, or 255 */
	unsigned char stage;    /* enum smtpcode_stage, FORM_STAGE_COMMAND, or 0 */
	unsigned char second;   /* the second byte in lower case, or 0 where any may be */
};

#define FORM_NO_KIND 255

#endif
