#!/usr/bin/python3
"""site_check.py -- checks of the reference site (make site) for tests/suite-site.sh.

usage: site_check.py pages SITE_DIR
           every page: lang, headings that start at h1 and go down one level at a time, no
           outside resource (no URL with a scheme in src or href, no <link>, no <img>), every
           input and textarea labelled; every internal link resolves to a file of the site,
           and its #fragment to an id in that file.
       site_check.py dom DUMPED_DOM EXPLAIN_JSON
           the explain page's DOM (chromium --dump-dom) shows the codes and the message of the
           command's explain object (smtpcode --json --explain) for the same reply.
Prints one "PASS site NAME" or "FAIL site NAME: why" line per check.
"""
import html.parser
import json
import os
import sys
import urllib.parse

VOID = {"meta", "br", "hr", "input", "link", "img", "area", "base", "col", "source", "wbr"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.headings = []
        self.links = []
        self.ids = set()
        self.outside = []
        self.controls = []
        self.labels = set()
        self.text_of = {}
        self._open = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a:
            self.ids.add(a["id"])
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.headings.append(int(tag[1]))
        if tag in ("link", "img", "iframe", "object", "embed"):
            self.outside.append(tag)
        for name in ("src", "href", "action"):
            value = a.get(name)
            if value is None:
                continue
            if urllib.parse.urlsplit(value).scheme or value.startswith("//"):
                self.outside.append(value)
            elif name == "href" and tag == "a":
                self.links.append(value)
        if tag in ("input", "textarea", "select") and a.get("type") != "hidden":
            self.controls.append(a.get("id"))
        if tag == "label" and "for" in a:
            self.labels.add(a["for"])
        if "id" in a:
            self._open.append((a["id"], []))
            self.text_of[a["id"]] = self._open[-1][1]
        else:
            self._open.append((None, None))
        if tag in VOID:  # never given an end tag
            self._open.pop()

    def handle_endtag(self, tag):
        if self._open and tag not in VOID:
            self._open.pop()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data):
        for _, parts in self._open:
            if parts is not None:
                parts.append(data)

    def text(self, id_):
        return "".join(self.text_of.get(id_, [])).strip()


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return p


def report(name, problems, count):
    if problems:
        print(f"FAIL site {name}: {len(problems)} problems, first: " + "; ".join(problems[:3]))
    else:
        print(f"PASS site {name} ({count} pages)")


def pages(site):
    names = sorted(n for n in os.listdir(site) if n.endswith(".html"))
    parsed = {n: parse(os.path.join(site, n)) for n in names}
    html_problems, link_problems, outside, labels = [], [], [], []
    links = 0
    for n, p in parsed.items():
        if p.lang != "en":
            html_problems.append(f"{n}: lang {p.lang!r}")
        prev = 0
        if not p.headings or p.headings[0] != 1:
            html_problems.append(f"{n}: the first heading is not h1")
        for level in p.headings:
            if level > prev + 1:
                html_problems.append(f"{n}: h{level} after h{prev}")
            prev = level
        outside += [f"{n}: {what}" for what in p.outside]
        labels += [f"{n}: a control {c!r} without a label" for c in p.controls
                   if c is None or c not in p.labels]
        for href in p.links:
            links += 1
            target, _, fragment = href.partition("#")
            target = urllib.parse.unquote(target) or n
            if target not in parsed:
                link_problems.append(f"{n}: {href} (no such page)")
            elif fragment and fragment not in parsed[target].ids:
                link_problems.append(f"{n}: {href} (no such id)")
    report("lang-and-headings", html_problems, len(names))
    report("no-outside-resources", outside, len(names))
    report("labelled-inputs", labels, len(names))
    if links == 0:
        link_problems.append("no links at all")
    report(f"links ({links} internal links)", link_problems, len(names))
    return 0


def dom(dumped, explained):
    with open(explained, encoding="utf-8") as f:
        want = json.load(f)
    p = parse(dumped)
    codes = " ".join(str(c) for c in (want["basic_code"], want["enhanced_code"]) if c is not None)
    problems = []
    if not codes:
        problems.append("the command found no code in the reply: pick another")
    if p.text("codes") != codes:
        problems.append(f"codes {p.text('codes')!r}, the command says {codes!r}")
    if p.text("message") != (want["message"] or ""):
        problems.append(f"message {p.text('message')!r}, the command says {want['message']!r}")
    for key, id_ in (("basic", "basic"), ("enhanced", "enhanced")):
        if want[key] is not None and want[key]["title"] not in p.text(id_):
            problems.append(f"{id_}: {p.text(id_)!r} lacks {want[key]['title']!r}")
    said = p.text("server")
    if "\u202e" in said or "\x1b" in said or "<U+202E>" not in said or "<U+001B>" not in said:
        problems.append(f"server text {said!r} not sanitised (U+202E and ESC as <U+XXXX>)")
    if want["provider"] is not None and p.text("provider") != want["provider"]["name"]:
        problems.append(f"provider {p.text('provider')!r}, not {want['provider']['name']!r}")
    if problems:
        print("FAIL site explain-fragment: " + "; ".join(problems))
    else:
        print(f"PASS site explain-fragment ({codes}: the library's codes and message)")
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "pages":
        return pages(argv[2])
    if len(argv) == 4 and argv[1] == "dom":
        return dom(argv[2], argv[3])
    print(__doc__.strip().splitlines()[2], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
