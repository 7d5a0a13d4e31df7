/* html_out.c -- the HTML writer: one self-contained page per command (inline CSS, no script),
 * headings in order, a card as a section, a comparison as the page of the markdown writer.
 * Every text goes through html_text; the server's through the sanitiser first (reply_text). */
#include <string.h>

#include "writer.h"

/* Writes text with HTML's special characters as entities. */
void html_text(FILE *out, const char *text)
{
	for (; text != NULL && *text != '\0'; text++) {
		switch (*text) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		default:
			fputc(*text, out);
		}
	}
}

/* "c2" .. "c5": the CSS class of a reply class, "cx" for an "X." code. */
static const char *class_css(int cls)
{
	static const char *const css[] = { "cx", "cx", "c2", "c3", "c4", "c5" };

	return cls >= 0 && cls <= 5 ? css[cls] : "cx";
}

/* A code as a coloured badge. */
void html_badge(FILE *out, const char *code, int cls)
{
	fprintf(out, "<span class=\"badge %s\">", class_css(cls));
	html_text(out, code);
	fputs("</span>", out);
}

/* An element holding text: <p>text</p>, or <p class="lead">text</p> with a CSS class. */
static void element_class(FILE *out, const char *tag, const char *css, const char *text)
{
	if (css != NULL)
		fprintf(out, "<%s class=\"%s\">", tag, css);
	else
		fprintf(out, "<%s>", tag);
	html_text(out, text != NULL ? text : "");
	fprintf(out, "</%s>\n", tag);
}

static void element(FILE *out, const char *tag, const char *text)
{
	element_class(out, tag, NULL, text);
}

/* A heading of level 1-6 with a label. */
static void heading(FILE *out, int level, enum smtpcode_label label)
{
	fprintf(out, "<h%d>", level);
	html_text(out, smtpcode_label(label));
	fprintf(out, "</h%d>\n", level);
}

/* One term and its text of a definition list. */
static void term(FILE *out, enum smtpcode_label label, const char *text)
{
	fputs("<dt>", out);
	html_text(out, smtpcode_label(label));
	fputs("</dt><dd>", out);
	html_text(out, text);
	fputs("</dd>\n", out);
}

/* The id of a code's section: "code-235", "code-X.7.8". */
static void code_id(FILE *out, const char *code)
{
	fputs(" id=\"code-", out);
	for (; *code != '\0'; code++)
		fputc(*code == ' ' ? '-' : *code, out);
	fputc('"', out);
}

/* ---- the reference site's pages (o->site) ---------------------------------------------- */

/* A page's file name: "PREFIXNAME.html", each byte of name but letters, digits, '.' and '-'
 * written as '_' ("yahoo/TSS04" -> "yahoo_TSS04"; provider ids hold no '_'). */
static const char *page_name(const char *prefix, const char *name, char *buf, size_t size)
{
	char safe[256];
	size_t i;

	for (i = 0; name[i] != '\0' && i + 1 < sizeof safe; i++) {
		unsigned char c = (unsigned char)name[i];
		int keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			   (c >= '0' && c <= '9') || c == '.' || c == '-';

		safe[i] = keep ? (char)c : '_';
	}
	safe[i] = '\0';
	snprintf(buf, size, "%s%s.html", prefix, safe);
	return buf;
}

const char *site_code_page(const char *code, char *buf, size_t size)
{
	return page_name("code-", code, buf, size);
}

const char *site_provider_page(const char *id, char *buf, size_t size)
{
	return page_name("provider-", id, buf, size);
}

const char *site_entry_page(const char *id, char *buf, size_t size)
{
	return page_name("entry-", id, buf, size);
}

const char *site_pair_page(const char *a, const char *b, char *buf, size_t size)
{
	char both[64];

	snprintf(both, sizeof both, "%s_%s", a, b);
	return page_name("pair-", both, buf, size);
}

/* <a href="page">, to be closed with </a>. */
static void link_open(FILE *out, const char *page)
{
	fputs("<a href=\"", out);
	html_text(out, page);
	fputs("\">", out);
}

/* A code as a link to its entry's page, when it has one; else as text. */
static void code_link(FILE *out, const char *code)
{
	const struct smtpcode_entry *e = smtpcode_lookup(code);
	char page[64];

	if (e == NULL) {
		html_text(out, code);
		return;
	}
	link_open(out, site_code_page(e->code, page, sizeof page));
	html_text(out, code);
	fputs("</a>", out);
}

/* A term of a card on the site: the related and basic codes as links. */
static void site_term(FILE *out, enum smtpcode_label label, const char *text)
{
	const char *p, *comma;
	char code[32];

	if (label != SMTPCODE_LABEL_RELATED && label != SMTPCODE_LABEL_BASIC_CODES) {
		term(out, label, text);
		return;
	}
	fputs("<dt>", out);
	html_text(out, smtpcode_label(label));
	fputs("</dt><dd>", out);
	for (p = text; p != NULL && *p != '\0'; p = comma != NULL ? comma + 2 : NULL) {
		size_t n;

		comma = strstr(p, ", ");
		n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		if (p != text)
			fputs(", ", out);
		snprintf(code, sizeof code, "%.*s", (int)n, p);
		if (n < sizeof code)
			code_link(out, code);
		else
			html_text(out, code);
	}
	fputs("</dd>\n", out);
}

/* The provider entries that give a code their own meaning, as links to their pages. */
#define USES_MAX 64
static void provider_uses(FILE *out, const char *code, int level)
{
	const struct smtpcode_provider_entry *uses[USES_MAX];
	size_t n = smtpcode_provider_uses(code, uses, USES_MAX), i;
	char page[320];

	if (n == 0)
		return;
	heading(out, level, SMTPCODE_LABEL_PROVIDER_USES);
	fputs("<ul>\n", out);
	for (i = 0; i < n && i < USES_MAX; i++) {
		fputs("<li>", out);
		link_open(out, site_entry_page(uses[i]->id, page, sizeof page));
		html_text(out, uses[i]->provider->name);
		fputs(": ", out);
		html_text(out, uses[i]->title);
		fputs("</a></li>\n", out);
	}
	fputs("</ul>\n", out);
}

/* One entry as a section whose heading has the given level (1-4). */
static void card(const struct out *o, const struct smtpcode_entry *e, const char *asked,
		 int level)
{
	FILE *out = o->fp;
	int cls = smtpcode_asked_class(e, asked);

	fputs("<section class=\"card\"", out);
	code_id(out, asked);
	fprintf(out, ">\n<h%d>", level);
	if (o->site && level > 1) {
		char page[64];

		link_open(out, site_code_page(e->code, page, sizeof page));
		html_badge(out, asked, cls);
		fputs("</a>", out);
	} else {
		html_badge(out, asked, cls);
	}
	fputc(' ', out);
	html_text(out, e->title);
	fprintf(out, "</h%d>\n<dl>\n", level);
	card_fields(e, cls, o->site ? site_term : term, out);
	fputs("</dl>\n", out);
	heading(out, level + 1, SMTPCODE_LABEL_DESCRIPTION);
	element(out, "p", e->description);
	heading(out, level + 1, SMTPCODE_LABEL_WHEN_SEEN);
	element(out, "p", e->when_seen);
	heading(out, level + 1, SMTPCODE_LABEL_HOW_TO_FIX);
	element(out, "p", e->how_to_fix);
	if (o->site)
		provider_uses(out, asked, level + 1);
	fputs("</section>\n", out);
}

static void one_code(const struct out *o, const char *asked,
		     const struct smtpcode_resolution *r)
{
	const struct smtpcode_entry *e = smtpcode_resolved_entry(r);
	char subject[32];

	if (r->note == SMTPCODE_NOTE_NONE) {
		card(o, e, asked, 1);
		return;
	}
	/* not registered itself: the note, then its class and its subject in the asked class */
	fputs("<section class=\"note\">\n<h1>", o->fp);
	html_badge(o->fp, asked, r->reply_class);
	fputs("</h1>\n", o->fp);
	element(o->fp, "p", smtpcode_note_text(r->note));
	if (r->class_entry != NULL)
		card(o, r->class_entry, r->class_entry->code, 2);
	card(o, e, code_in_class(e, r->reply_class, subject, sizeof subject), 2);
	fputs("</section>\n", o->fp);
}

/* The hand-written note of a pair, which leads the page: its separating sentence, then how
 * to tell; what to do differently comes at the end (what_to_do). */
static void note_lead(FILE *out, const struct smtpcode_pair_note *n)
{
	element_class(out, "p", "lead", n->separates);
	heading(out, 2, SMTPCODE_LABEL_HOW_TO_TELL);
	element(out, "p", n->how_to_tell);
}

static void note_end(FILE *out, const struct smtpcode_pair_note *n)
{
	heading(out, 2, SMTPCODE_LABEL_WHAT_TO_DO_DIFFERENTLY);
	element(out, "p", n->what_to_do);
}

/* On the site, a code's title after its badge in a heading ("535 Authentication credentials
 * invalid vs ..."). */
static void site_title(const struct out *o, const struct smtpcode_entry *e)
{
	if (!o->site)
		return;
	fputc(' ', o->fp);
	html_text(o->fp, e->title);
}

/* The cards of the two codes compared. */
static void compare_cards(const struct out *o, const struct smtpcode_comparison *c)
{
	card(o, c->a, c->code_a, 2);
	if (c->a != c->b)
		card(o, c->b, c->code_b, 2);
}

static void compare(const struct out *o, const struct smtpcode_comparison *c)
{
	char buf[2048];
	size_t i;

	fputs("<h1>", o->fp);
	html_text(o->fp, smtpcode_label(SMTPCODE_LABEL_SMTP));
	fputc(' ', o->fp);
	html_badge(o->fp, c->code_a, c->class_a);
	site_title(o, c->a);
	fprintf(o->fp, " %s ", smtpcode_label(SMTPCODE_LABEL_VERSUS));
	html_badge(o->fp, c->code_b, c->class_b);
	site_title(o, c->b);
	fputs("</h1>\n", o->fp);
	if (c->note != NULL) {
		note_lead(o->fp, c->note);
	} else {
		smtpcode_difference_text(c, 0, buf, sizeof buf);
		element_class(o->fp, "p", "lead", buf);
	}
	if (!o->site) /* the site's pair pages: what separates them before the cards */
		compare_cards(o, c);
	heading(o->fp, 2, SMTPCODE_LABEL_KEY_DIFFERENCES);
	fputs("<ol class=\"differences\">\n", o->fp);
	for (i = 0; i < c->count; i++) {
		smtpcode_difference_text(c, i, buf, sizeof buf);
		element(o->fp, "li", buf);
	}
	fputs("</ol>\n", o->fp);
	heading(o->fp, 2, SMTPCODE_LABEL_WHAT_TO_DO);
	fputs("<dl>\n", o->fp);
	for (i = 0; i < 2; i++) {
		const struct smtpcode_entry *e = i == 0 ? c->a : c->b;

		if (i == 1 && c->a == c->b && c->class_a == c->class_b)
			break;
		smtpcode_advice(e, i == 0 ? c->class_a : c->class_b, buf, sizeof buf);
		fputs("<dt>", o->fp);
		html_text(o->fp, i == 0 ? c->code_a : c->code_b);
		fputs("</dt><dd>", o->fp);
		html_text(o->fp, buf);
		fputs("</dd>\n", o->fp);
	}
	fputs("</dl>\n", o->fp);
	if (c->note != NULL)
		note_end(o->fp, c->note);
	if (o->site)
		compare_cards(o, c);
}

static void explain(const struct out *o, const char *text, size_t len,
		    const struct smtpcode_reply *r)
{
	const struct smtpcode_entry *basic, *enhanced;
	struct smtpcode_provider_match m;
	unsigned warnings;
	char buf[4096], codes[32], code[16], asked[32];

	reply_cards(r, &basic, &enhanced, asked, sizeof asked);
	smtpcode_reply_codes(r, codes, sizeof codes);
	fputs("<section class=\"reply\">\n<h1>", o->fp);
	html_text(o->fp, smtpcode_label(SMTPCODE_LABEL_SMTP_REPLY));
	fputc(' ', o->fp);
	html_badge(o->fp, codes, r->basic >= 0 ? r->basic / 100 : r->enhanced_code.reply_class);
	fputs("</h1>\n", o->fp);
	if (explain_message(text, len, o->hints, buf, sizeof buf) != NULL)
		element_class(o->fp, "p", "lead", buf);
	fputs("<dl>\n", o->fp);
	if (r->stage != SMTPCODE_STAGE_UNKNOWN)
		term(o->fp, SMTPCODE_LABEL_IN_REPLY_TO, smtpcode_stage_name(r->stage));
	provider_of(text, len, r, o->hints, &m);
	if (provider_line(&m, buf, sizeof buf) != NULL)
		term(o->fp, SMTPCODE_LABEL_PROVIDER, buf);
	if (m.entry != NULL) {
		term(o->fp, SMTPCODE_LABEL_PROVIDER_ENTRY, m.entry->id);
		term(o->fp, SMTPCODE_LABEL_MEANING, m.entry->meaning);
		term(o->fp, SMTPCODE_LABEL_WHAT_TO_DO, m.entry->how_to_fix);
		term(o->fp, SMTPCODE_LABEL_SOURCE, m.entry->source);
	}
	if (r->status[0] != '\0')
		term(o->fp, SMTPCODE_LABEL_MTA_STATUS, r->status);
	if (remote_server(text, r, buf, sizeof buf) != NULL)
		term(o->fp, SMTPCODE_LABEL_REMOTE_SERVER, buf);
	if (r->text_length > 0 || r->lines > 1)
		term(o->fp, SMTPCODE_LABEL_SERVER_SAID, reply_text(text, len, r, buf, sizeof buf));
	warnings = smtpcode_reply_warnings(r, &m); /* once, not per bit the macro tests */
#define WARNING_(name, token, value) \
	if (warnings & SMTPCODE_WARN_##name) \
		term(o->fp, SMTPCODE_LABEL_WARNING, smtpcode_warning_text(SMTPCODE_WARN_##name));
	SMTPCODE_WARNING_LIST(WARNING_, WARNING_)
#undef WARNING_
	fputs("</dl>\n", o->fp);
	if (basic != NULL) {
		snprintf(code, sizeof code, "%d", r->basic);
		card(o, basic, code, 2);
	}
	if (enhanced != NULL)
		card(o, enhanced, asked, 2);
	fputs("</section>\n", o->fp);
}

/* The site's styles, after the page's own: links, navigation, the explain form, a dark mode
 * that follows the system and a print style. */
static void site_style(FILE *out)
{
	fputs("a { color: #0b5cad; } nav ul { list-style: none; padding: 0; margin: 0;"
	      " display: flex; flex-wrap: wrap; gap: .3em 1.2em; }\n"
	      "header { border-bottom: 1px solid #d0d7de; padding-bottom: .4em; }\n"
	      "ul.codes { columns: 2 18em; } ul.codes li { break-inside: avoid; }\n"
	      "textarea { width: 100%; box-sizing: border-box; font: 14px/1.4 ui-monospace,"
	      " monospace; } label { display: block; font-weight: 600; margin: .4em 0; }\n"
	      "button { font: inherit; padding: .3em 1.2em; margin: .5em 0; }\n"
	      "@media (prefers-color-scheme: dark) {\n"
	      " body { color: #e6edf3; background: #0d1117; } a, h2 { color: #6cb6ff; }\n"
	      " h1 { border-color: #6cb6ff; } .lead { background: #161b22; border-color: #6cb6ff; }\n"
	      " header, .card, td, th { border-color: #30363d; }\n"
	      " textarea, button { color: #e6edf3; background: #161b22; }\n"
	      "}\n"
	      "@media print {\n"
	      " header, form { display: none; } body { max-width: none; color: #000;"
	      " background: #fff; font-size: 11pt; }\n"
	      " a { color: inherit; text-decoration: none; } h2 { color: #000; }\n"
	      " .badge { color: #000; background: none; border: 1px solid #000; }\n"
	      " .card { break-inside: avoid; }\n"
	      "}\n",
	      out);
}

/* The site's navigation: its name, the index, the explain page, the pairs, the providers. */
static void site_navigation(FILE *out)
{
	static const struct {
		const char *page;
		enum smtpcode_label label;
	} links[] = {
		{ "index.html", SMTPCODE_LABEL_CONTENTS },
		{ "explain.html", SMTPCODE_LABEL_EXPLAIN_A_REPLY },
		{ "index.html#pairs", SMTPCODE_LABEL_PAIRS },
		{ "index.html#providers", SMTPCODE_LABEL_PROVIDERS },
	};
	size_t i;

	fputs("<header>\n<nav aria-label=\"", out);
	html_text(out, smtpcode_label(SMTPCODE_LABEL_SITE_NAVIGATION));
	fputs("\">\n<ul>\n<li><strong>", out);
	html_text(out, smtpcode_label(SMTPCODE_LABEL_SITE_TITLE));
	fputs("</strong></li>\n", out);
	for (i = 0; i < sizeof links / sizeof links[0]; i++) {
		fputs("<li>", out);
		link_open(out, links[i].page);
		html_text(out, smtpcode_label(links[i].label));
		fputs("</a></li>\n", out);
	}
	fputs("</ul>\n</nav>\n</header>\n", out);
}

static void begin(const struct out *o)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
	      o->fp);
	if (o->title != NULL) {
		fputs("<title>", o->fp);
		html_text(o->fp, o->title);
		fputs("</title>\n<style>\n", o->fp);
	} else {
		fputs("<title>smtpcode</title>\n<style>\n", o->fp);
	}
	fputs("body { font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #fff;"
	      " margin: 0 auto; max-width: 52em; padding: 1em 1.5em; }\n"
	      "h1 { font-size: 1.7em; border-bottom: 3px solid #0b5cad; padding-bottom: .2em; }\n"
	      "h2 { font-size: 1.3em; color: #0b5cad; margin-top: 1.6em; }\n"
	      "h3 { font-size: 1.05em; }\n"
	      ".badge { display: inline-block; padding: 0 .4em; border-radius: .3em; color: #fff;"
	      " font-family: ui-monospace, monospace; }\n"
	      ".c2 { background: #1a7f37; } .c3 { background: #0b5cad; }"
	      " .c4 { background: #9a6700; } .c5 { background: #cf222e; } .cx { background: #57606a; }\n"
	      ".lead { font-size: 1.15em; background: #f6f8fa; border-left: 4px solid #0b5cad;"
	      " padding: .6em 1em; }\n"
	      ".card { border: 1px solid #d0d7de; border-radius: .5em; padding: 0 1em;"
	      " margin: 1em 0; }\n"
	      "dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }\n"
	      "dt { font-weight: 600; } dd { margin: 0; }\n"
	      "table { border-collapse: collapse; } td, th { padding: .2em .6em;"
	      " border-bottom: 1px solid #d0d7de; text-align: left; }\n",
	      o->fp);
	if (o->site)
		site_style(o->fp);
	fputs("</style>\n</head>\n<body>\n", o->fp);
	if (o->site)
		site_navigation(o->fp);
	fputs("<main>\n", o->fp);
}

static void between(const struct out *o)
{
	(void)o;
}

static void end(const struct out *o, size_t shown)
{
	(void)shown;
	fputs("</main>\n</body>\n</html>\n", o->fp);
}

static void list(const struct out *o, const struct smtpcode_entry *const *entries, size_t n,
		 char shown_class)
{
	char asked[SMTPCODE_CODE_MAX + 1], buf[256];
	size_t i;

	begin(o); /* a list is a whole document */
	heading(o->fp, 1, SMTPCODE_LABEL_CODES);
	fputs("<table>\n<thead><tr><th>", o->fp);
	html_text(o->fp, smtpcode_label(SMTPCODE_LABEL_CODE));
	fputs("</th><th>", o->fp);
	html_text(o->fp, smtpcode_label(SMTPCODE_LABEL_CLASS));
	fputs("</th><th>", o->fp);
	html_text(o->fp, smtpcode_label(SMTPCODE_LABEL_TITLE));
	fputs("</th></tr></thead>\n<tbody>\n", o->fp);
	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *e = entries[i];
		int cls = shown_class ? shown_class - '0' : e->reply_class;

		code_in_class(e, shown_class ? shown_class - '0' : 0, asked, sizeof asked);
		fputs("<tr><td>", o->fp);
		html_badge(o->fp, asked, cls);
		fputs("</td><td>", o->fp);
		html_text(o->fp, class_label(e, cls, 0, buf, sizeof buf));
		fputs("</td><td>", o->fp);
		html_text(o->fp, e->title);
		fputs("</td></tr>\n", o->fp);
	}
	fputs("</tbody>\n</table>\n", o->fp);
	end(o, n);
}

/* A provider entry's first terms on the site: its provider and its codes, as links. */
static void site_pentry_head(FILE *out, const struct smtpcode_provider_entry *e)
{
	const char *p, *space;
	char page[320], code[32];

	fputs("<dt>", out);
	html_text(out, smtpcode_label(SMTPCODE_LABEL_PROVIDER));
	fputs("</dt><dd>", out);
	link_open(out, site_provider_page(e->provider->id, page, sizeof page));
	html_text(out, e->provider->name);
	fputs("</a></dd>\n", out);
	if (e->codes == NULL && e->range == NULL)
		return;
	fputs("<dt>", out);
	html_text(out, smtpcode_label(SMTPCODE_LABEL_CODES));
	fputs("</dt><dd>", out);
	for (p = e->codes; p != NULL && *p != '\0'; p = space != NULL ? space + 1 : NULL) {
		size_t n;

		space = strchr(p, ' ');
		n = space != NULL ? (size_t)(space - p) : strlen(p);
		snprintf(code, sizeof code, "%.*s", (int)n, p);
		if (p != e->codes)
			fputc(' ', out);
		code_link(out, code);
	}
	if (e->range != NULL) {
		if (e->codes != NULL)
			fputc(' ', out);
		html_text(out, e->range);
	}
	fputs("</dd>\n", out);
}

/* A provider entry, as a section of the page. */
static void pentry(const struct out *o, const struct smtpcode_provider_entry *e)
{
	fputs("<section class=\"card\">\n<h1>", o->fp);
	html_text(o->fp, e->id);
	fputs(": ", o->fp);
	html_text(o->fp, e->title);
	fputs("</h1>\n", o->fp);
	element_class(o->fp, "p", "lead", e->summary);
	fputs("<dl>\n", o->fp);
	if (o->site)
		site_pentry_head(o->fp, e);
	else
		term(o->fp, SMTPCODE_LABEL_PROVIDER, e->provider->name);
	term(o->fp, SMTPCODE_LABEL_MEANING, e->meaning);
	term(o->fp, SMTPCODE_LABEL_HOW_TO_FIX, e->how_to_fix);
	term(o->fp, SMTPCODE_LABEL_SOURCE, e->source);
	if (o->site) {
		term(o->fp, SMTPCODE_LABEL_VERIFIED, e->verified);
		term(o->fp, SMTPCODE_LABEL_STATUS, smtpcode_documented_text(e->documented));
	}
	fputs("</dl>\n</section>\n", o->fp);
}

/* text, on the site as a link to page. */
static void site_link(const struct out *o, const char *page, const char *text)
{
	if (!o->site) {
		html_text(o->fp, text);
		return;
	}
	link_open(o->fp, page);
	html_text(o->fp, text);
	fputs("</a>", o->fp);
}

static void providers(const struct out *o, const struct smtpcode_provider *p)
{
	const struct smtpcode_provider_entry *e;
	char page[320];
	size_t i;

	begin(o); /* a whole document */
	fputs("<h1>", o->fp);
	html_text(o->fp, p != NULL ? p->name : smtpcode_label(SMTPCODE_LABEL_PROVIDERS));
	fputs("</h1>\n", o->fp);
	if (o->site && p != NULL) {
		element_class(o->fp, "p", "lead", p->about);
		fputs("<dl>\n", o->fp);
		term(o->fp, SMTPCODE_LABEL_VERIFIED, p->verified);
		fputs("</dl>\n", o->fp);
		heading(o->fp, 2, SMTPCODE_LABEL_ENTRIES);
	}
	fputs("<dl>\n", o->fp);
	for (i = 0; p == NULL && i < smtpcode_provider_count(); i++) {
		fputs("<dt>", o->fp);
		site_link(o, site_provider_page(smtpcode_provider_at(i)->id, page, sizeof page),
			  smtpcode_provider_at(i)->id);
		fputs("</dt><dd>", o->fp);
		html_text(o->fp, smtpcode_provider_at(i)->name);
		fputs("</dd>\n", o->fp);
	}
	for (i = 0; p != NULL && (e = smtpcode_provider_entry_at(p, i)) != NULL; i++) {
		fputs("<dt>", o->fp);
		site_link(o, site_entry_page(e->id, page, sizeof page), e->id);
		fputs("</dt><dd>", o->fp);
		html_text(o->fp, e->title);
		fputs("</dd>\n", o->fp);
	}
	fputs("</dl>\n", o->fp);
	end(o, 1);
}

/* Two replies, as a page: the separating sentence, how to tell, each reply in one line, the
 * differences, what to do differently. */
static void replies(const struct out *o, const char *a, size_t len_a, const char *b,
		    size_t len_b)
{
	struct smtpcode_reply ra = { .size = sizeof ra }, rb = { .size = sizeof rb };
	const struct smtpcode_pair_note *n = smtpcode_reply_pair_note(a, len_a, b, len_b);
	char ca[32], cb[32], buf[2048];
	size_t i;

	smtpcode_parse_reply(a, len_a, &ra);
	smtpcode_parse_reply(b, len_b, &rb);
	smtpcode_reply_codes(&ra, ca, sizeof ca);
	smtpcode_reply_codes(&rb, cb, sizeof cb);
	fputs("<h1>", o->fp);
	html_text(o->fp, smtpcode_label(SMTPCODE_LABEL_SMTP));
	fputc(' ', o->fp);
	html_badge(o->fp, ca, ra.basic >= 0 ? ra.basic / 100 : ra.enhanced_code.reply_class);
	fprintf(o->fp, " %s ", smtpcode_label(SMTPCODE_LABEL_VERSUS));
	html_badge(o->fp, cb, rb.basic >= 0 ? rb.basic / 100 : rb.enhanced_code.reply_class);
	fputs("</h1>\n", o->fp);
	if (n != NULL)
		note_lead(o->fp, n);
	fputs("<dl>\n<dt>", o->fp);
	html_text(o->fp, ca);
	fputs("</dt><dd>", o->fp);
	html_text(o->fp, explain_message(a, len_a, o->hints, buf, sizeof buf));
	fputs("</dd>\n<dt>", o->fp);
	html_text(o->fp, cb);
	fputs("</dt><dd>", o->fp);
	html_text(o->fp, explain_message(b, len_b, o->hints, buf, sizeof buf));
	fputs("</dd>\n</dl>\n", o->fp);
	heading(o->fp, 2, SMTPCODE_LABEL_KEY_DIFFERENCES);
	fputs("<ol class=\"differences\">\n", o->fp);
	for (i = 0; smtpcode_reply_difference(a, len_a, b, len_b, o->hints, i, buf, sizeof buf) >= 0;
	     i++)
		element(o->fp, "li", buf);
	fputs("</ol>\n", o->fp);
	if (n != NULL)
		note_end(o->fp, n);
}

const struct writer html_writer = { begin,   between, end,	 one_code,
				    compare, explain, list,	 0,
				    pentry,  providers, replies };
