/* gencodes.h -- the data generator's shared parts: blocks, fields, errors, lists. */
#ifndef GENCODES_H
#define GENCODES_H

#include <stdio.h>
#include <stdlib.h>

#define MAX_LINE 100       /* columns a data line may use */
#define MAX_TITLE 60       /* characters a title may have */
#define MAX_FILE (8 << 20) /* bytes a data file may have */
#define MAX_ERRORS 50      /* stop reporting after this many */
#define MAX_LIST 32        /* items in a list field */
#define MAX_FIELDS 24      /* fields a block kind may have */

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

/* One field of a block: the text of its lines joined with one space. */
struct text {
	char *s;     /* NUL-terminated; NULL when the field is absent */
	size_t len, cap;
	int line;    /* line of the field's first line; negative: present but empty (reported) */
};

/* The kinds of block, told apart by their first field. */
enum kind { K_CODE, K_PAIR, K_PROVIDER, K_PENTRY, K_FORM, K_COUNT };

/* A block as read: where it starts and its fields, indexed as its kind's names. */
struct block {
	enum kind kind;
	const char *file;
	int line;
	struct text f[MAX_FIELDS];
};

/* The fields of each kind, in the order the data writes them; the first starts a block. */
enum code_field {
	F_CODE, F_CLASS, F_STATUS, F_TITLE, F_SUMMARY, F_DESCRIPTION, F_WHEN_SEEN, F_HOW_TO_FIX,
	F_WHO_ACTS, F_RETRY, F_SCOPE, F_STAGES, F_NEXT, F_REFERENCES, F_RELATED, F_BASIC_CODES,
	F_CLASSES, F_CODE_COUNT
};
enum pair_field {
	P_PAIR, P_SEPARATES, P_HOW_TO_TELL, P_WHAT_TO_DO, P_REFERENCES, P_COUNT
};
enum provider_field {
	V_PROVIDER, V_NAME, V_SIGNATURES, V_HELP_HOSTS, V_MX_SUFFIXES, V_DOMAINS, V_ABOUT, V_COUNT
};
enum pentry_field {
	E_ENTRY, E_MARKER, E_CODES, E_RANGE, E_TEXT, E_TITLE, E_SUMMARY, E_MEANING, E_HOW_TO_FIX,
	E_WHO_ACTS, E_RETRY, E_SUPPRESS, E_DOCUMENTED, E_WIRE_CODE, E_SOURCE, E_SOURCE_COPY,
	E_VERIFIED, E_SAMPLE, E_COUNT
};
enum form_field {
	R_FORM, R_DOES, R_KIND, R_TRUST, R_AT, R_REACH, R_SIDE, R_STAGE, R_CASE, R_NOTE, R_COUNT
};

/* What a kind of block is: its field names (the first one starts a block of this kind) and
 * what to do with a finished block, which takes over the texts it keeps. */
struct kind_def {
	const char *const *fields;
	int nfields;
	void (*finish)(struct block *b);
};

extern const struct kind_def kinds[K_COUNT];
extern int nerrors;
extern FILE *diag_fp; /* where problems are reported; NULL means stderr */
FILE *diag(void);

void error_at(const char *file, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);
void *xrealloc(void *p, size_t n);
char *xstrndup(const char *s, size_t n);
char *take_text(struct text *t); /* the text, now the caller's; the field forgets it */
void free_block(struct block *b);

/* Reads one file's bytes (need not be NUL-terminated) into blocks, finishing each. */
void parse_buffer(const char *file, const char *buf, size_t size);

/* Validation helpers shared by the kinds. */
int token_index(const char *const *tokens, int n, const char *s);
const char *token_list(const char *const *tokens, int n, char *buf, size_t size);
/* The index of a token field's value in tokens[first..n), def when the field is absent, -1
 * (reported) for any other value. */
int token_field(const char *file, const struct text *t, const char *field,
		const char *const *tokens, int n, int first, int def);
int ends_with_sentence(const char *s, size_t n);
/* Splits a comma-separated list (sep ',') or a " | " list into trimmed items it allocates.
 * Returns the count; reports an empty item or too many and returns -1. */
int split_items(const char *file, const struct text *t, const char *field, const char *sep,
		char **items);
void free_items(char **items, int n);
int is_reference(const char *s);
/* Parses a data code: 0 and fills kind (1 basic, 2 enhanced), cls (0 for X), subject and
 * detail (-1 for XXX), or -1. */
int parse_data_code(const char *s, int *kind, int *cls, int *subject, int *detail);
/* Parses 1-3 digits without a leading zero (or "0"); the value or -1. */
int parse_number(const char *s, size_t n);
/* Checks the required fields, the empty ones, the prose that must end a sentence and the
 * length of the title; returns 0 when the kind's first field is present. */
void check_common(struct block *b, const int *required, int nrequired, const int *prose,
		  int nprose, int title);

/* The token lists of include/smtpcode.h, as the data writes them. */
extern const char *const status_tokens[], *const actor_tokens[], *const retry_tokens[];
extern const char *const scope_tokens[], *const next_tokens[], *const stage_tokens[];
extern const char *const status_enums[], *const actor_enums[], *const retry_enums[];
extern const char *const scope_enums[], *const next_enums[];
extern const int nstatus, nactor, nretry, nscope, nnext, nstage;

/* Writes s as a C string literal, split into pieces C's minimum limits allow. */
void put_c_string(FILE *fp, const char *s);
/* "static const char *const smtpcode_NAME_I_[] = { ... };" for n items. */
void put_string_array(FILE *fp, const char *name, size_t i, char *const *items, int n);
extern const char banner[];

/* The kinds' own parts (entries.c, pairs.c, providers.c). */
void finish_code(struct block *b);
void finish_pair(struct block *b);
void finish_provider(struct block *b);
void finish_pentry(struct block *b);
void finish_form(struct block *b);
void check_forms(void);
void write_forms(FILE *fp);
void free_forms(void);
void check_entries(void);
void check_pairs(void);
void check_providers(void);
size_t entry_total(void);
long find_entry(const char *code); /* index in the sorted table, or -1 */
/* The entry index and class a user's code names ("5.7.26" -> X.7.26 in class 5); -1. */
long resolve_user_code(const char *code, int *cls);
void write_gperf(FILE *fp);
void write_table(FILE *fp);
void write_pairs(FILE *fp);
void write_providers(FILE *fp);
void write_markers(FILE *fp);
void free_entries(void);
void free_pairs(void);
void free_providers(void);

/* Runs the generator as its command line says; main() is only this call. */
int gencodes_main(int argc, char **argv);

#endif
