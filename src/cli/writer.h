/* writer.h -- one writer per output format (text, markdown, JSON), as mandoc has one per
 * output: the command decides what to show, a writer how. */
#ifndef SMTPCODE_CLI_WRITER_H
#define SMTPCODE_CLI_WRITER_H

#include <stdio.h>

#include <smtpcode.h>

/* Where and how to write. */
struct out {
	FILE *fp;
	int width; /* columns to wrap text at */
	int color; /* colour codes by class */
	int brief; /* one line per code */
	int several; /* the items are elements of one document (a JSON array) */
	const struct smtpcode_hints *hints; /* who sent the replies explained, or NULL */
	/* The reference site's program (tools/site) sets these; the command leaves them 0, and
	 * its pages do not change: with site, codes, providers and entries link to their pages,
	 * a card lists its code's provider uses, and every page begins with the site's
	 * navigation and its dark and print styles; title is the page's title (NULL: the
	 * command's). */
	int site;
	const char *title;
};

struct writer {
	/* Around the items of one command (o->several: more than one may follow, and JSON
	 * writes an array), shown how many were written. */
	void (*begin)(const struct out *o);
	void (*between)(const struct out *o); /* before every item but the first */
	void (*end)(const struct out *o, size_t shown);
	/* One code as asked, resolved. */
	void (*code)(const struct out *o, const char *asked, const struct smtpcode_resolution *r);
	/* Two codes side by side. */
	void (*compare)(const struct out *o, const struct smtpcode_comparison *c);
	/* A reply, as parsed from len bytes of text. */
	void (*explain)(const struct out *o, const char *text, size_t len,
			const struct smtpcode_reply *r);
	/* Entries of a list or a search, a whole document: one line each in text; "X." codes
	 * shown in shown_class (a digit, or '\0' for their own). */
	void (*list)(const struct out *o, const struct smtpcode_entry *const *list, size_t n,
		     char shown_class);
	/* Whether explain is called for a text that holds no code, too (JSON always answers). */
	int explains_nothing;
	/* A provider's entry, asked for by its marker. */
	void (*pentry)(const struct out *o, const struct smtpcode_provider_entry *e);
	/* A whole document: the providers (p NULL), or the entries of provider p. */
	void (*providers)(const struct out *o, const struct smtpcode_provider *p);
	/* Two replies side by side, each of len bytes; both hold a code. */
	void (*replies)(const struct out *o, const char *a, size_t len_a, const char *b,
			size_t len_b);
};

extern const struct writer text_writer, markdown_writer, json_writer, html_writer;

/* Helpers the writers share (common.c). Each returns the text it wrote into buf. */

/* The reply's whole text (smtpcode_reply_text) for display, sanitised (smtpcode_sanitize),
 * cut with "..." between characters when longer than the buffer. */
const char *reply_text(const char *text, size_t len, const struct smtpcode_reply *r, char *buf,
		       size_t size);

/* The remote server a reply names, "mx.example.net [192.0.2.1]", sanitised; NULL for none. */
const char *remote_server(const char *text, const struct smtpcode_reply *r, char *buf,
			  size_t size);

/* The one-line explanation, cut with "..." when longer than the buffer; NULL when the reply
 * holds no code. */
const char *explain_message(const char *text, size_t len, const struct smtpcode_hints *hints,
			    char *buf, size_t size);

/* Which provider sent the reply and which entry explains it (smtpcode_match_provider). */
void provider_of(const char *text, size_t len, const struct smtpcode_reply *r,
		 const struct smtpcode_hints *hints, struct smtpcode_provider_match *m);

/* "Yahoo Mail / AOL Mail (yahoo), from a marker or signature only its replies carry:
 * TSS04; high confidence" */
const char *provider_line(const struct smtpcode_provider_match *m, char *buf, size_t size);

/* The short fields of an entry's card, in their order (class, subject, status, who acts,
 * retry, references, related, basic codes), each given to field with its label; cls is the
 * class the code was asked in. */
void card_fields(const struct smtpcode_entry *e, int cls,
		 void (*field)(FILE *out, enum smtpcode_label label, const char *text), FILE *out);

/* A list field of an entry (smtpcode_join), or a class label (smtpcode_class_label), or an
 * entry's code as met in a class (smtpcode_format_code). */
const char *joined(const struct smtpcode_entry *e, enum smtpcode_label list, char *buf,
		   size_t size);
const char *class_label(const struct smtpcode_entry *e, int cls, int with_name, char *buf,
			size_t size);
const char *code_in_class(const struct smtpcode_entry *e, int cls, char *buf, size_t size);

/* The entries of a parsed reply and the code to show the enhanced one as (its subject's,
 * "5.7.XXX", for an unregistered detail); returns whether either is known. */
int reply_cards(const struct smtpcode_reply *r, const struct smtpcode_entry **basic,
		const struct smtpcode_entry **enhanced, char *asked, size_t size);

/* For the reference site's pages (tools/site), the HTML writer's own pieces (html_out.c):
 * text with HTML's special characters as entities; a code as a badge of its class (2..5, 0
 * for "X."); and the file names of the site's pages, written into buf: a code's (as the data
 * writes it, "X.7.8"), a provider's (by id), a provider entry's (by id, "yahoo/TSS04"), and a
 * pair's (its two codes). */
void html_text(FILE *out, const char *text);
void html_badge(FILE *out, const char *code, int cls);
const char *site_code_page(const char *code, char *buf, size_t size);
const char *site_provider_page(const char *id, char *buf, size_t size);
const char *site_entry_page(const char *id, char *buf, size_t size);
const char *site_pair_page(const char *a, const char *b, char *buf, size_t size);

#endif
