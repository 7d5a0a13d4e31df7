#!/usr/bin/python3
"""check.py -- the boundary between the command and the library holds.

usage: check.py ALLOW_LIST LIBRARY_SO LIBRARY_A CLI_OBJECT... -- PREPROCESSED_FILE...

1. Symbols: a CLI object may reference a symbol the library defines only when the shared
   library exports it (an smtpcode_* function of the header); a hidden helper
   (smtpcode_internal_*) used by the command would mean the command knows the library's
   insides.
2. Strings: every string literal of src/cli/ (read from the preprocessed sources, so macros
   count) is either formatting (no letters once printf conversions, escapes and HTML tags and
   entities are taken out) or listed in ALLOW_LIST: JSON structure, option names, the --help and usage text, the
   command's own error messages, terminal colours. Every other text (SMTP facts, labels,
   sentences) must come from the library, so that the bindings and the site say the same.
Prints what is wrong and exits 1, else prints a summary and exits 0.
"""
import re
import subprocess
import sys


def symbols(args, path):
    out = subprocess.run(["nm"] + args + [path], capture_output=True, text=True, check=True)
    names = set()
    for line in out.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 2 and not line.endswith(":"):
            names.add(fields[-1])
    return names


def undefined(path):
    out = subprocess.run(["nm", "-u", path], capture_output=True, text=True, check=True)
    return {line.split()[-1] for line in out.stdout.splitlines() if line.strip()}


LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
CONVERSION = re.compile(r"%[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp%]")
ESCAPE = re.compile(r"\\(?:[nrt\\\"']|x[0-9a-fA-F]+|[0-7]{1,3})")


def literals(path):
    """The string literals of the lines that come from src/cli/, with where they stand."""
    current, line, found = "", 0, []
    for text in open(path, encoding="utf-8", errors="replace"):
        marker = re.match(r'^# (\d+) "([^"]*)"', text)
        if marker:
            line, current = int(marker.group(1)), marker.group(2)
            continue
        if "src/cli/" in current:
            for m in LITERAL.finditer(text):
                found.append((current, line, m.group(1)))
        line += 1
    return found


# HTML markup is formatting too: a tag, whole or begun in one literal and ended in the next
# ('<section class="card"', '</h%d>'), and an entity ("&amp;").
MARKUP = re.compile(r'</?[a-z][a-z0-9]*(?:\s+[a-z-]+(?:=\\"[^"\\]*\\")?)*\s*/?>?|&[a-z]+;')


def is_formatting(literal):
    rest = MARKUP.sub("", ESCAPE.sub(lambda m: m.group(0) if m.group(0) == '\\"' else "",
                                     CONVERSION.sub("", literal)))
    rest = rest.replace('\\"', "")
    return not re.search(r"[A-Za-z]", rest)


def main(argv):
    if "--" not in argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    split = argv.index("--")
    allow_path, so, archive = argv[1:4]
    objects, preprocessed = argv[4:split], argv[split + 1:]
    problems = []

    exported = symbols(["-D", "--defined-only"], so)
    in_library = symbols(["--defined-only"], archive)
    for obj in objects:
        for name in sorted(undefined(obj)):
            if name in in_library and name not in exported:
                problems.append(f"{obj}: uses {name}, which the library does not export")

    allowed = set()
    for text in open(allow_path, encoding="utf-8"):
        text = text.rstrip("\n")
        if text.startswith('"') and text.endswith('"'):
            allowed.add(text[1:-1])
    seen, count = set(), 0
    for path in preprocessed:
        for source, line, literal in literals(path):
            count += 1
            if is_formatting(literal) or literal in allowed:
                seen.add(literal)
                continue
            problems.append(f'{source}:{line}: the text "{literal}" is neither formatting nor '
                            f"in {allow_path}: take it from the library, or allow it there")
    unused = sorted(allowed - seen)
    for literal in unused:
        problems.append(f'{allow_path}: "{literal}" is allowed but no longer used: remove it')

    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"layering: {len(objects)} command objects use only exported symbols; "
          f"{count} string literals are formatting or allowed ({len(allowed)} allowed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
