/* render.h -- how the command shows entries and comparisons: text, brief, markdown, JSON. */
#ifndef SMTPCODE_RENDER_H
#define SMTPCODE_RENDER_H

#include <stdio.h>

#include "smtpcode.h"

#define LABEL_WIDTH 19 /* "  When you see it  ": the label column of cards and tables */

/* The class a code was asked in (5 for "5.7.8"), or the entry's own class. */
int asked_class(const struct smtpcode_entry *e, const char *asked);

/* Small formatters into a caller's buffer; each returns the text to print. */
const char *format_class(char *buf, size_t size, const struct smtpcode_entry *e, int cls);
const char *join_list(char *buf, size_t size, const char *const *items, size_t n);
const char *join_basic_codes(char *buf, size_t size, const struct smtpcode_entry *e);

/* A note for non-standard and deprecated entries; NULL for standard ones. */
const char *status_text(const struct smtpcode_entry *e);

/* Writes text with markdown's special characters escaped. */
void md_text(FILE *out, const char *text);

/* Writes text, coloured by class (2 green, 3 cyan, 4 yellow, 5 red, else bold) when color. */
void put_colored(FILE *out, const char *text, int cls, int color);

/* The full card of one entry, wrapped at width columns. */
void render_card(FILE *out, const struct smtpcode_entry *e, const char *asked, int width,
		 int color);

/* One line: "535 5xx Authentication credentials invalid"; when align, in columns with the
 * title wrapped within width (for --list and --search). */
void render_brief(FILE *out, const struct smtpcode_entry *e, const char *asked, int color,
		  int align, int width);

/* One entry as a markdown section whose heading has the given level (1-5). */
void render_card_markdown(FILE *out, const struct smtpcode_entry *e, const char *asked,
			  int level);

/* Two codes side by side: a table that fits width (one code after the other below 80
 * columns), then the key differences and what to do. */
void render_compare_text(FILE *out, const struct smtpcode_comparison *c, const char *code_a,
			 const char *code_b, int width, int color);

/* The comparison as a markdown page, ready to publish. */
void render_compare_markdown(FILE *out, const struct smtpcode_comparison *c,
			     const char *code_a, const char *code_b);

/* {"a": entry, "b": entry, "differences": [...]} */
void render_compare_json(FILE *out, const struct smtpcode_comparison *c, const char *code_a,
			 const char *code_b);

/* A server reply explained (smtpcode_parse_reply), with the one-line message. Each returns
 * whether any of the reply's codes is known. */
int render_explain_text(FILE *out, const struct smtpcode_reply *r, const char *message,
			int width, int color);
int render_explain_markdown(FILE *out, const struct smtpcode_reply *r, const char *message);
int render_explain_json(FILE *out, const struct smtpcode_reply *r, const char *message);

#endif
