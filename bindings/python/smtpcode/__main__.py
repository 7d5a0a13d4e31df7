"""python3 -m smtpcode CODE|MARKER|REPLY...: what a code, a provider's marker or a reply
means, as "Label: value" lines.

Labels and values are the library's. Exit status as the smtpcode command's: 0 found, 1 a
well-formed code nothing is known about or a reply with no code, 2 a malformed code or
wrong usage, 3 the output could not be written.
"""

from __future__ import annotations

import os
import sys
from typing import List, Optional, Sequence, TextIO, Tuple

from . import (Error, NotFound, ProviderEntry, _is_reply, _label, _native, describe, explain,
               marker, sanitize)

USAGE = ("usage: python3 -m smtpcode [--] CODE|MARKER|REPLY...   "
         "(535, 5.7.8, TSS04, '550 5.1.1 User unknown')")
EXIT_IO = 3  # as the command's: the output could not be written


def _reply_rows(text: str) -> Tuple[List[Tuple[str, str]], bool]:
    e = explain(text)
    none_found = _label("none_found")
    rows = [(_label("reply_code"), str(e.basic_code) if e.basic_code is not None else none_found),
            (_label("enhanced_code"), e.enhanced_code or _label("none"))]
    if e.text is not None:
        rows.append((_label("server_said"), e.text))
    rows.append((_label("in_short"), e.message or (e.warnings[0] if e.warnings else "")))
    return rows, e.message is not None


def _marker_rows(entry: ProviderEntry) -> List[Tuple[str, str]]:
    return [(_label("provider_entry"), entry.id), (_label("title"), entry.title),
            (_label("meaning"), entry.meaning), (_label("how_to_fix"), entry.how_to_fix),
            (_label("source"), entry.source)]


def _rows(arg: str) -> Tuple[List[Tuple[str, str]], int]:
    """The lines for one operand and its exit status."""
    found = marker(arg) if "\0" not in arg else None
    if found is not None:
        return _marker_rows(found), 0
    if _is_reply(_native.to_bytes(arg, "operand")):
        rows, ok = _reply_rows(arg)
        return rows, 0 if ok else 1
    return describe(arg), 0


def _run(args: List[str], out: TextIO, err: TextIO) -> int:
    if args[:1] == ["--"]:
        args = args[1:]
    elif args and args[0] in ("-h", "--help"):
        print(USAGE, file=out)
        return 0
    elif args and args[0].startswith("-") and args[0] != "-":
        print(f"smtpcode: unknown option {sanitize(args[0])}\n{USAGE}", file=err)
        return 2
    if not args:
        print(USAGE, file=err)
        return 2
    status = 0
    for i, arg in enumerate(args):
        try:
            rows, found = _rows(arg)
        except NotFound as exc:
            print(f"smtpcode: {sanitize(str(exc))}", file=err)
            status = max(status, 1)
            continue
        except Error as exc:
            print(f"smtpcode: {sanitize(str(exc))}", file=err)
            status = 2
            continue
        status = max(status, found)
        if i > 0:
            print(file=out)
        for label, value in rows:
            print(f"{label}: {sanitize(value)}", file=out)
    out.flush()
    return status


def main(argv: Optional[Sequence[str]] = None, out: Optional[TextIO] = None,
         err: Optional[TextIO] = None) -> int:
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    for stream in (out, err):
        if hasattr(stream, "reconfigure"):  # a terminal or pipe that cannot show a character
            stream.reconfigure(errors="backslashreplace")
    try:
        return _run(list(sys.argv[1:] if argv is None else argv), out, err)
    except BrokenPipeError:
        # the reader went away (| head): what is still buffered goes nowhere at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return EXIT_IO
    except OSError as exc:
        print(f"smtpcode: cannot write the output: {exc.strerror}", file=err)
        return EXIT_IO


if __name__ == "__main__":
    sys.exit(main())
