"""python3 -m smtpcode CODE|REPLY...: what a code or a reply means, as "Label: value" lines.

Labels and values are the library's. Exit status as the smtpcode command's: 0 found, 1 a
well-formed code nothing is known about or a reply with no code, 2 a malformed code or
wrong usage.
"""

from __future__ import annotations

import sys
from typing import List, Optional, Sequence, TextIO, Tuple

from . import (Error, NotFound, _is_reply, _label, _native, describe, explain, sanitize)

USAGE = "usage: python3 -m smtpcode CODE|REPLY...   (535, 5.7.8, '550 5.1.1 User unknown')"


def _reply_rows(text: str) -> Tuple[List[Tuple[str, str]], bool]:
    e = explain(text)
    none_found = _label("none_found")
    rows = [(_label("reply_code"), str(e.basic_code) if e.basic_code is not None else none_found),
            (_label("enhanced_code"), e.enhanced_code or _label("none"))]
    if e.text is not None:
        rows.append((_label("server_said"), e.text))
    rows.append((_label("in_short"), e.message or (e.warnings[0] if e.warnings else "")))
    return rows, e.message is not None


def main(argv: Optional[Sequence[str]] = None, out: TextIO = sys.stdout,
         err: TextIO = sys.stderr) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(USAGE, file=out if args else err)
        return 0 if args else 2
    status = 0
    for i, arg in enumerate(args):
        try:
            if _is_reply(_native.to_bytes(arg, "operand")):
                rows, found = _reply_rows(arg)
                status = max(status, 0 if found else 1)
            else:
                rows = describe(arg)
        except NotFound as exc:
            print(f"smtpcode: {sanitize(str(exc))}", file=err)
            status = max(status, 1)
            continue
        except Error as exc:
            print(f"smtpcode: {sanitize(str(exc))}", file=err)
            status = 2
            continue
        if i > 0:
            print(file=out)
        for label, value in rows:
            print(f"{label}: {sanitize(value)}", file=out)
    return status


if __name__ == "__main__":
    sys.exit(main())
