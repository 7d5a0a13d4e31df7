"""What an SMTP reply means, from libsmtpcode.

Every answer comes from the C library (found as described in :mod:`smtpcode._native`): this
package holds no SMTP knowledge of its own. It passes codes and text to the library and
returns what the library says, as typed objects whose attributes are the keys of smtpcode's
JSON contract (``class`` is ``class_``).

>>> import smtplib, smtpcode
>>> try:
...     smtp.login(user, password)
... except smtplib.SMTPException as exc:
...     print(smtpcode.explain_exception(exc).message)
"""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import json
import smtplib
import sys
from typing import Any, Dict, List, Optional, Tuple, Union

from . import _native
from ._model import (Actor, Comparison, Entry, Explanation, Kind, PairNote, Provider,
                     ProviderEntry, ProviderMatch, ProviderUse, ReplyClass, Retry, Stage,
                     Status)
from ._native import Error, LibraryNotFound, NotFound

__version__ = "0.6.0"
__all__ = [
    "Actor", "Comparison", "Entry", "Error", "Explanation", "Kind", "LibraryNotFound",
    "NotFound", "PairNote", "Provider", "ProviderEntry", "ProviderMatch", "ProviderUse",
    "ReplyClass", "Retry", "Stage", "Status", "abi_version", "compare", "describe",
    "entries", "explain", "explain_exception", "lookup", "marker", "provider_entries",
    "providers", "sanitize", "search", "version",
]

_LIB = _native.LIB
_OPERAND_REPLY = 2  # enum smtpcode_operand
# enum smtpcode_label: the labels describe() shows, in the order it shows them
_LABEL = {"class": 0, "subject": 1, "status": 2, "title": 3, "description": 4,
          "when_seen": 5, "how_to_fix": 6, "who_acts": 7, "retry": 8, "references": 9,
          "related": 10, "basic_codes": 11, "reply_code": 12, "enhanced_code": 13,
          "server_said": 15, "in_short": 16, "none_found": 21, "none": 22,
          "provider_entry": 35, "meaning": 36, "source": 37, "provider_uses": 38, "code": 43}
_KIND = {Kind.BASIC: 1, Kind.ENHANCED: 2}

Text = Union[str, bytes, bytearray, memoryview]


def version() -> str:
    """The library's API version, "MAJOR.MINOR.PATCH"."""
    return _LIB.smtpcode_version().decode("ascii")


def abi_version() -> int:
    """The library's ABI version, the number of its soname."""
    return int(_LIB.smtpcode_abi_version())


def _shown(value: object) -> str:
    """A value for an error message: short, and in repr's escapes."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _json(call: Any, first: int = 8192) -> Any:
    return json.loads(_native.text(call, first=first).decode("utf-8"))


@functools.lru_cache(maxsize=4096)
def _entry(code: bytes) -> Entry:
    """The entry object of a code (the tables are const: safe to keep)."""
    return Entry.from_json(_json(lambda b, n: _LIB.smtpcode_json_entry(code, 0, b, n)))


def lookup(code: Text) -> Optional[Entry]:
    """The entry of a code as asked ("535", "5.7.8", "X.7.8", "5.7.708"); None when the code
    is well-formed but unknown. Raises Error (a ValueError) with the library's message when
    it is malformed, TypeError when it is not a string."""
    raw = _native.c_string(code, "code")
    try:
        return _entry(raw)
    except NotFound:
        return None
    except Error as err:
        raise Error(err.errno, _shown(code)) from None


def _hints_ref(provider: Optional[str], host: Optional[str], rcpt: Optional[str]) -> Any:
    if provider is None and host is None and rcpt is None:
        return None
    return ctypes.byref(_native.hints(provider, host, rcpt))


def explain(text: Text, provider: Optional[str] = None, host: Optional[str] = None,
            rcpt: Optional[str] = None) -> Explanation:
    """Explains a server reply, or any text holding one (a log line, an application's error,
    a DSN): its codes, stage, whole text, warnings, the provider and its entry, and the
    one-line ``message`` (None when the text holds no code). ``provider`` (an id such as
    "google"), ``host`` (the server's name) and ``rcpt`` (the recipient's domain) say who
    sent it when the text does not."""
    data = _native.to_bytes(text, "text")
    ref = _hints_ref(provider, host, rcpt)
    return Explanation.from_json(_json(
        lambda b, n: _LIB.smtpcode_json_explain_hints(data, len(data), ref, 0, b, n),
        first=16384))


def _is_reply(data: bytes) -> bool:
    return b"\0" in data or _LIB.smtpcode_operand_kind(data) == _OPERAND_REPLY


def compare(a: Text, b: Text, provider: Optional[str] = None, host: Optional[str] = None,
            rcpt: Optional[str] = None) -> Comparison:
    """Two codes ("235", "535") or two replies side by side: ``differences`` starts with
    what separates them, ``note`` is the hand-written note for the pair where there is one.
    Raises Error for a malformed code, NotFound for an unknown one."""
    da, db = _native.to_bytes(a, "a"), _native.to_bytes(b, "b")
    if _is_reply(da) or _is_reply(db):
        ref = _hints_ref(provider, host, rcpt)
        return Comparison.from_json(_json(lambda buf, n: _LIB.smtpcode_json_compare_replies(
            da, len(da), db, len(db), ref, 0, buf, n), first=32768))
    known = [lookup(a), lookup(b)]  # a malformed code raises, before an unknown one
    if None in known:
        bad = a if known[0] is None else b
        raise NotFound(_native.ENOTFOUND, _shown(bad))
    return Comparison.from_json(_json(
        lambda buf, n: _LIB.smtpcode_json_compare(da, db, 0, buf, n), first=32768))


def _entry_pointers() -> List[int]:
    return [_LIB.smtpcode_entry_at(i) for i in range(_LIB.smtpcode_entry_count())]


def search(*words: Text) -> List[Entry]:
    """Entries whose title or texts hold every word (case-insensitive), best first."""
    raw = [_native.c_string(w, "word") for w in words]
    if not raw:
        return []
    array = (ctypes.c_char_p * len(raw))(*raw)
    size = _LIB.smtpcode_entry_count()
    out = (ctypes.c_void_p * size)()
    found = min(_LIB.smtpcode_search(array, len(raw), out, size), size)
    return [_entry(_native.entry_code(out[i])) for i in range(found)]


def entries(filter: Optional[Text] = None) -> List[Entry]:  # noqa: A002 (the CLI's word)
    """Every entry, or those a filter selects: "2xx", "4xx", "55x", "5.7", "x.7", "5.x",
    "basic", "enhanced"; codes valid in any class are given in the filter's class ("5.7.8"
    for "5.7"). Raises Error for a filter the library does not know (providers have
    providers() and provider_entries())."""
    f = _native.Filter()
    f.size = ctypes.sizeof(f)
    if filter is None:
        f.all = 1
    else:
        rc = _LIB.smtpcode_filter_parse(_native.c_string(filter, "filter"), ctypes.byref(f))
        if rc < 0:
            raise Error(rc, _shown(filter))
    shown = f.shown_class[0] - ord("0") if f.shown_class not in (b"", b"\0") else 0
    return [_entry(_native.text(lambda b, n, p=p: _LIB.smtpcode_format_code(p, shown, b, n)))
            for p in _entry_pointers() if _LIB.smtpcode_filter_matches(ctypes.byref(f), p)]


def providers() -> List[Provider]:
    """The providers the library has data for, with their entry count and verified date."""
    return [Provider.from_json(_json(lambda b, n, p=p: _LIB.smtpcode_json_provider(p, 0, b, n)))
            for p in (_LIB.smtpcode_provider_at(i) for i in range(_LIB.smtpcode_provider_count()))]


def _provider_entry(pointer: int) -> ProviderEntry:
    return ProviderEntry.from_json(_json(
        lambda b, n: _LIB.smtpcode_json_provider_entry(pointer, 0, b, n)))


def provider_entries(provider_id: Text) -> List[ProviderEntry]:
    """What one provider means by its replies ("google"). Raises NotFound for an unknown
    id."""
    p = _LIB.smtpcode_provider_find(_native.c_string(provider_id, "provider_id"))
    if not p:
        raise _native.unknown_provider(provider_id)
    result = []
    i = 0
    while True:
        e = _LIB.smtpcode_provider_entry_at(p, i)
        if not e:
            return result
        result.append(_provider_entry(e))
        i += 1


def marker(token: Text) -> Optional[ProviderEntry]:
    """The provider entry a marker names ("TSS04", "S3140", "BadCredentials"), or None."""
    e = _LIB.smtpcode_marker_find(_native.c_string(token, "token"))
    return _provider_entry(e) if e else None


def sanitize(text: Text) -> str:
    """Server text made safe to show a person, by the library's one sanitiser: invalid UTF-8
    becomes U+FFFD, tab and newline a space, and every other control, bidi control, line
    separator and the BOM the text <U+XXXX>."""
    data = _native.to_bytes(text, "text")
    out = _native.text(lambda b, n: _LIB.smtpcode_sanitize(data, len(data), b, n),
                       first=len(data) + 64)
    return out.decode("utf-8")


def _label(name: str) -> str:
    return _LIB.smtpcode_label(_LABEL[name]).decode("utf-8")


def _call_text(call: Any) -> str:
    return _native.text(call).decode("utf-8")


def describe(code: Text) -> List[Tuple[str, str]]:
    """An entry's fields as a person reads them: (label, value) pairs, the labels and the
    values both the library's. Raises Error for a malformed code, NotFound for an unknown
    one."""
    entry = lookup(code)
    raw = _native.c_string(code, "code")
    if entry is None:
        raise NotFound(_native.ENOTFOUND, _shown(code))
    pointer = _LIB.smtpcode_lookup(entry.canonical.encode("ascii"))
    cls = _LIB.smtpcode_asked_class(pointer, raw)
    rows = [(_label("code"), entry.code),
            (_label("class"), _call_text(lambda b, n: _LIB.smtpcode_class_label(
                _KIND[entry.kind], cls, 1, b, n)))]
    if entry.kind == Kind.ENHANCED:
        try:
            rows.append((_label("subject"), _call_text(
                lambda b, n: _LIB.smtpcode_subject_label(pointer, b, n))))
        except NotFound:
            pass  # a class entry ("5.XXX.XXX") has no subject

    def named(field: str, to_text: Any) -> str:
        return to_text(_LIB.smtpcode_field_int(raw, field.encode())).decode("utf-8")

    rows.append((_label("status"), named("status", _LIB.smtpcode_status_text)))
    for field in ("title", "description", "when_seen", "how_to_fix"):
        rows.append((_label(field), getattr(entry, field)))
    rows.append((_label("who_acts"), named("who_acts", _LIB.smtpcode_actor_text)))
    rows.append((_label("retry"), named("retry", _LIB.smtpcode_retry_text)))
    lists = ["references", "related"] + (["basic_codes"] if entry.kind == Kind.ENHANCED else [])
    for field in lists:
        rows.append((_label(field), _call_text(
            lambda b, n, f=field: _LIB.smtpcode_join(pointer, _LABEL[f], b, n))))
    if entry.provider_uses:
        rows.append((_label("provider_uses"), ", ".join(u.id for u in entry.provider_uses)))
    return rows


# ---- exceptions of mail libraries --------------------------------------------------------

def _reply_bytes(value: Any) -> bytes:
    """The text an exception holds, whatever its type: never an error."""
    if value is None:
        return b""
    if isinstance(value, (str, bytes, bytearray, memoryview)):
        return _native.to_bytes(value, "message")
    return _native.to_bytes(str(value), "message")


def _split_reply(code: Optional[int], text: Any, hints: Tuple[Optional[str], ...]) -> Explanation:
    """A reply a client library split into its code and text, rebuilt by the library and
    explained. code None: the text begins with the code, if it holds a reply at all (no
    codes otherwise); a code no reply has (smtplib's -1) leaves the text alone."""
    data = _reply_bytes(text)
    if code is None or (isinstance(code, int) and 100 <= code <= 999):
        try:
            reply = _native.text(lambda b, n: _LIB.smtpcode_reply_rejoin(
                code or 0, data, len(data), b, n))
        except Error:
            reply = b"" if code is None else data
    else:
        reply = data
    return _with_message(explain(reply, *hints))


def _with_message(e: Explanation) -> Explanation:
    """explain_exception always has a message: when no code was found, the library's
    warning that says so."""
    if e.message is not None:
        return e
    return dataclasses.replace(e, message=e.warnings[0] if e.warnings else "")


def _address(value: Any) -> str:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return value if isinstance(value, str) else str(value)


def _refused(exc: BaseException) -> Optional[List[Tuple[str, Any, Any]]]:
    """The refused recipients an exception carries: (address, code, text), in order."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        recipients = getattr(exc, "recipients", None)
        if not isinstance(recipients, dict):
            return None
        return [(_address(addr), reply[0], reply[1]) for addr, reply in recipients.items()
                if isinstance(reply, tuple) and len(reply) == 2]
    aio = sys.modules.get("aiosmtplib")
    refused_type = getattr(aio, "SMTPRecipientsRefused", None)
    if refused_type is not None and isinstance(exc, refused_type):
        recipients = getattr(exc, "recipients", None)
        if not isinstance(recipients, (list, tuple)):
            return None
        return [(_address(getattr(r, "recipient", "")), getattr(r, "code", None),
                 getattr(r, "message", None)) for r in recipients]
    return None


def _response(exc: BaseException) -> Optional[Tuple[Optional[int], Any]]:
    """The code and text of the one reply an exception carries; code None when the text
    holds both."""
    if isinstance(exc, smtplib.SMTPResponseException):
        error = getattr(exc, "smtp_error", None)
        if isinstance(error, str):
            return None  # smtplib reads replies as bytes: a str is its own ("Line too long.")
        return getattr(exc, "smtp_code", None), error
    aio = sys.modules.get("aiosmtplib")
    response_type = getattr(aio, "SMTPResponseException", None)
    if response_type is not None and isinstance(exc, response_type):
        return getattr(exc, "code", None), getattr(exc, "message", None)
    connect_type = getattr(aio, "SMTPConnectError", None)
    if connect_type is not None and isinstance(exc, connect_type):
        return None, getattr(exc, "message", None)  # a refused greeting: "421 text..."
    return None


def explain_exception(exc: BaseException, provider: Optional[str] = None,
                      host: Optional[str] = None, rcpt: Optional[str] = None) -> Explanation:
    """Explains what a mail library raised: smtplib's SMTPResponseException and its
    subclasses (SMTPAuthenticationError, SMTPSenderRefused, SMTPDataError,
    SMTPConnectError, ...) and SMTPRecipientsRefused, and aiosmtplib's errors. Always
    returns one Explanation with a ``message``; for refused recipients ``replies`` maps each
    to its Explanation and the top-level fields describe the first. Any other exception,
    and the errors smtplib makes up itself rather than reads from the server, give an
    Explanation with no codes. The hints are as for explain(): the recipients' domains are
    not used as hints, since the server that refused them is most often a relay. Raises
    TypeError for anything not an exception, ValueError for a bad hint."""
    if not isinstance(exc, BaseException):
        raise TypeError(f"exc must be an exception, not {type(exc).__name__}")
    hints = (provider, host, rcpt)
    refused = _refused(exc)
    if refused:
        replies: Dict[str, Explanation] = {}
        for address, code, text in refused:
            if address not in replies:  # the first refusal of an address counts
                replies[address] = _split_reply(code if isinstance(code, int) else -1,
                                                text, hints)
        first = next(iter(replies.values()))
        return dataclasses.replace(first, replies=replies)
    response = _response(exc)
    if response is not None:
        code, text = response
        return _split_reply(code if code is None or isinstance(code, int) else -1, text, hints)
    return _with_message(explain(b"", *hints))
