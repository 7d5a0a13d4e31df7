/* site.c -- `make site`: the static reference site, written through the library by the
 * command's HTML writer (src/cli/html_out.c, with out.site set). Every word on a page comes
 * from the library: the data's entries, notes and providers, and its labels; this program
 * holds none of its own, only markup, and reads no file.
 *
 * usage: site DIR    writes DIR/index.html, a page per code, provider, provider entry and
 *                    pair, and DIR/explain.html (whose scripts make site copies beside it)
 * Exits 0, or 1 (with a line on stderr) when a page cannot be written. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "writer.h"

#define PAGE_MAX 320 /* a page's file name, with its directory */

static const char *dir;
static int failed;

/* Opens DIR/name for a page and fills o for it, with the page's title. */
static FILE *page_open(struct out *o, const char *name, const char *title)
{
	char path[PAGE_MAX + 256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "w");
	if (fp == NULL) {
		fprintf(stderr, "site: %s: %s\n", path, strerror(errno));
		failed = 1;
		return NULL;
	}
	memset(o, 0, sizeof *o);
	o->fp = fp;
	o->width = 80;
	o->site = 1;
	o->title = title;
	return fp;
}

static void page_close(struct out *o)
{
	if (ferror(o->fp) | (fclose(o->fp) != 0)) {
		fprintf(stderr, "site: a page could not be written\n");
		failed = 1;
	}
}

/* "TEXT - SITE TITLE": the title of a page. */
static const char *page_title(const char *text, char *buf, size_t size)
{
	snprintf(buf, size, "%s \xe2\x80\x94 %s", text, smtpcode_label(SMTPCODE_LABEL_SITE_TITLE));
	return buf;
}

static void heading(FILE *out, int level, const char *id, const char *text)
{
	if (id != NULL)
		fprintf(out, "<h%d id=\"%s\">", level, id);
	else
		fprintf(out, "<h%d>", level);
	html_text(out, text);
	fprintf(out, "</h%d>\n", level);
}

/* One item of a list of links: <li><a href="page">[badge] text</a></li>. */
static void link_item(FILE *out, const char *page, const char *badge, int cls, const char *text)
{
	fputs("<li><a href=\"", out);
	html_text(out, page);
	fputs("\">", out);
	if (badge != NULL) {
		html_badge(out, badge, cls);
		fputc(' ', out);
	}
	html_text(out, text);
	fputs("</a></li>\n", out);
}

/* A code's entry as an item of the index. */
static void code_item(FILE *out, const struct smtpcode_entry *e)
{
	char page[PAGE_MAX];

	link_item(out, site_code_page(e->code, page, sizeof page), e->code, e->reply_class,
		  e->title);
}

/* ---- index.html -------------------------------------------------------------------------- */

static void index_codes(FILE *out)
{
	size_t i, n = smtpcode_entry_count();
	char buf[256];
	int cls, subject = -2;

	heading(out, 2, "basic", smtpcode_label(SMTPCODE_LABEL_REPLY_CODES));
	for (cls = 2; cls <= 5; cls++) {
		smtpcode_class_label(SMTPCODE_BASIC, cls, 1, buf, sizeof buf);
		heading(out, 3, NULL, buf);
		fputs("<ul class=\"codes\">\n", out);
		for (i = 0; i < n; i++) {
			const struct smtpcode_entry *e = smtpcode_entry_at(i);

			if (e->kind == SMTPCODE_BASIC && e->reply_class == cls)
				code_item(out, e);
		}
		fputs("</ul>\n", out);
	}
	heading(out, 2, "enhanced", smtpcode_label(SMTPCODE_LABEL_ENHANCED_CODES));
	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);

		if (e->kind != SMTPCODE_ENHANCED)
			continue;
		if (e->subject != subject) { /* entries come by subject: a heading for each */
			if (subject != -2)
				fputs("</ul>\n", out);
			subject = e->subject;
			if (smtpcode_subject_label(e, buf, sizeof buf) < 0)
				snprintf(buf, sizeof buf, "%s", smtpcode_label(SMTPCODE_LABEL_CLASS));
			heading(out, 3, NULL, buf);
			fputs("<ul class=\"codes\">\n", out);
		}
		code_item(out, e);
	}
	if (subject != -2)
		fputs("</ul>\n", out);
}

static void index_pairs(FILE *out)
{
	char a[16], b[16], page[PAGE_MAX], text[64];
	size_t i;

	heading(out, 2, "pairs", smtpcode_label(SMTPCODE_LABEL_PAIRS));
	fputs("<ul class=\"codes\">\n", out);
	for (i = 0; smtpcode_pair_at(i, a, b, sizeof a) != NULL; i++) {
		snprintf(text, sizeof text, "%s %s %s", a, smtpcode_label(SMTPCODE_LABEL_VERSUS), b);
		link_item(out, site_pair_page(a, b, page, sizeof page), NULL, 0, text);
	}
	fputs("</ul>\n", out);
}

static void index_providers(FILE *out)
{
	char page[PAGE_MAX];
	size_t i;

	heading(out, 2, "providers", smtpcode_label(SMTPCODE_LABEL_PROVIDERS));
	fputs("<ul class=\"codes\">\n", out);
	for (i = 0; i < smtpcode_provider_count(); i++) {
		const struct smtpcode_provider *p = smtpcode_provider_at(i);

		link_item(out, site_provider_page(p->id, page, sizeof page), NULL, 0, p->name);
	}
	fputs("</ul>\n", out);
}

static void index_page(void)
{
	struct out o;

	if (page_open(&o, "index.html", smtpcode_label(SMTPCODE_LABEL_SITE_TITLE)) == NULL)
		return;
	html_writer.begin(&o);
	heading(o.fp, 1, NULL, smtpcode_label(SMTPCODE_LABEL_SITE_TITLE));
	fputs("<p><a href=\"explain.html\">", o.fp);
	html_text(o.fp, smtpcode_label(SMTPCODE_LABEL_EXPLAIN_A_REPLY));
	fputs("</a></p>\n", o.fp);
	index_codes(o.fp);
	index_pairs(o.fp);
	index_providers(o.fp);
	html_writer.end(&o, 1);
	page_close(&o);
}

/* ---- a page per code, provider, provider entry and pair ---------------------------------- */

static void code_pages(void)
{
	char page[PAGE_MAX], title[512], text[256];
	size_t i;

	for (i = 0; i < smtpcode_entry_count(); i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);
		struct smtpcode_resolution r = { .size = sizeof r };
		struct out o;

		snprintf(text, sizeof text, "%s %s", e->code, e->title);
		if (smtpcode_resolve(e->code, &r) != SMTPCODE_OK ||
		    page_open(&o, site_code_page(e->code, page, sizeof page),
			      page_title(text, title, sizeof title)) == NULL) {
			failed = 1;
			continue;
		}
		html_writer.begin(&o);
		html_writer.code(&o, e->code, &r);
		html_writer.end(&o, 1);
		page_close(&o);
	}
}

static void provider_pages(void)
{
	char page[PAGE_MAX], title[512], text[256];
	size_t i, k;

	for (i = 0; i < smtpcode_provider_count(); i++) {
		const struct smtpcode_provider *p = smtpcode_provider_at(i);
		const struct smtpcode_provider_entry *e;
		struct out o;

		if (page_open(&o, site_provider_page(p->id, page, sizeof page),
			      page_title(p->name, title, sizeof title)) != NULL) {
			html_writer.providers(&o, p); /* a whole document */
			page_close(&o);
		}
		for (k = 0; (e = smtpcode_provider_entry_at(p, k)) != NULL; k++) {
			snprintf(text, sizeof text, "%s: %s", e->id, e->title);
			if (page_open(&o, site_entry_page(e->id, page, sizeof page),
				      page_title(text, title, sizeof title)) == NULL)
				continue;
			html_writer.begin(&o);
			html_writer.pentry(&o, e);
			html_writer.end(&o, 1);
			page_close(&o);
		}
	}
}

static void pair_pages(void)
{
	char a[16], b[16], page[PAGE_MAX], title[512], text[128];
	size_t i;

	for (i = 0; smtpcode_pair_at(i, a, b, sizeof a) != NULL; i++) {
		struct smtpcode_comparison c = { .size = sizeof c };
		struct out o;

		snprintf(text, sizeof text, "%s %s %s %s", smtpcode_label(SMTPCODE_LABEL_SMTP), a,
			 smtpcode_label(SMTPCODE_LABEL_VERSUS), b);
		if (smtpcode_compare(a, b, &c) != SMTPCODE_OK ||
		    page_open(&o, site_pair_page(a, b, page, sizeof page),
			      page_title(text, title, sizeof title)) == NULL) {
			failed = 1;
			continue;
		}
		html_writer.begin(&o);
		html_writer.compare(&o, &c);
		html_writer.end(&o, 1);
		page_close(&o);
	}
}

/* ---- explain.html: the WebAssembly build explains a reply in the page -------------------- */

/* A term of the result whose text the page's script fills in (and hides while empty). */
static void result_term(FILE *out, const char *id, enum smtpcode_label label)
{
	fputs("<dt hidden>", out);
	html_text(out, smtpcode_label(label));
	fprintf(out, "</dt><dd id=\"%s\" hidden></dd>\n", id);
}

static void explain_page(void)
{
	/* the page before its result: each label after the markup that leads to it */
	static const struct {
		const char *before;
		enum smtpcode_label label;
	} parts[] = {
		{ "<h1>", SMTPCODE_LABEL_EXPLAIN_A_REPLY },
		{ "</h1>\n<p class=\"lead\">", SMTPCODE_LABEL_EXPLAIN_OFFLINE },
		{ "</p>\n<form id=\"explain-form\">\n<label for=\"reply\">",
		  SMTPCODE_LABEL_REPLY_TEXT },
		{ "</label>\n<textarea id=\"reply\" name=\"reply\" rows=\"6\" cols=\"80\""
		  " spellcheck=\"false\"></textarea>\n<button type=\"submit\">",
		  SMTPCODE_LABEL_EXPLAIN },
		{ "</button>\n</form>\n<noscript><p>", SMTPCODE_LABEL_NEEDS_SCRIPT },
		{ "</p></noscript>\n<p id=\"none\" hidden>", SMTPCODE_LABEL_NO_REPLY_FOUND },
		{ "</p>\n<section id=\"result\" class=\"reply\" hidden>\n<h2>",
		  SMTPCODE_LABEL_SMTP_REPLY },
	};
	char title[512];
	struct out o;
	size_t i;
	FILE *out;

	out = page_open(&o, "explain.html",
			page_title(smtpcode_label(SMTPCODE_LABEL_EXPLAIN_A_REPLY), title,
				   sizeof title));
	if (out == NULL)
		return;
	html_writer.begin(&o);
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		fputs(parts[i].before, out);
		html_text(out, smtpcode_label(parts[i].label));
	}
	fputs(" <span id=\"codes\" class=\"badge cx\"></span></h2>\n"
	      "<p id=\"message\" class=\"lead\"></p>\n<dl>\n",
	      out);
	result_term(out, "basic", SMTPCODE_LABEL_REPLY_CODE);
	result_term(out, "enhanced", SMTPCODE_LABEL_ENHANCED_CODE);
	result_term(out, "stage", SMTPCODE_LABEL_IN_REPLY_TO);
	result_term(out, "provider", SMTPCODE_LABEL_PROVIDER);
	result_term(out, "entry", SMTPCODE_LABEL_PROVIDER_ENTRY);
	result_term(out, "meaning", SMTPCODE_LABEL_MEANING);
	result_term(out, "fix", SMTPCODE_LABEL_HOW_TO_FIX);
	result_term(out, "status", SMTPCODE_LABEL_MTA_STATUS);
	result_term(out, "server", SMTPCODE_LABEL_SERVER_SAID);
	fputs("</dl>\n</section>\n"
	      "<script src=\"smtpcode.js\"></script>\n<script src=\"index.js\"></script>\n"
	      "<script src=\"explain.js\"></script>\n",
	      out);
	html_writer.end(&o, 1);
	page_close(&o);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: site DIR\n", stderr);
		return 2;
	}
	dir = argv[1];
	index_page();
	code_pages();
	provider_pages();
	pair_pages();
	explain_page();
	return failed;
}
