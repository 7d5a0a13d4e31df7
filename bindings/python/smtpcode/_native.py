"""Loading libsmtpcode and calling it through ctypes.

Nothing here knows SMTP: it finds the shared library, declares the C functions the package
calls, and turns their snprintf-style results and error returns into Python values.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from pathlib import Path
from typing import Callable, Iterator, List, Optional

#: ABI versions (the soname's number, ``smtpcode_abi_version()``) this package can call.
KNOWN_ABI = (1,)
#: The oldest library API version that has every function the package calls.
NEEDS_VERSION = (0, 6, 0)

#: The library's error returns (``enum smtpcode_error`` in smtpcode.h), by value.
ERROR_NAMES = {
    -1: "SMTPCODE_ENULL",
    -2: "SMTPCODE_EEMPTY",
    -3: "SMTPCODE_ETOOLONG",
    -4: "SMTPCODE_ENOTASCII",
    -5: "SMTPCODE_ESYNTAX",
    -6: "SMTPCODE_ECLASS",
    -7: "SMTPCODE_ENOTFOUND",
    -8: "SMTPCODE_ETRUNCATED",
    -9: "SMTPCODE_ESIZE",
}
ENOTFOUND = -7


class LibraryNotFound(ImportError):
    """libsmtpcode could not be loaded, or it is a version this package cannot call."""


class Hints(ctypes.Structure):
    """``struct smtpcode_hints``: who sent a reply, as far as the caller knows."""

    _fields_ = [
        ("size", ctypes.c_size_t),
        ("provider", ctypes.c_char_p),
        ("remote_host", ctypes.c_char_p),
        ("recipient_domain", ctypes.c_char_p),
    ]


class Filter(ctypes.Structure):
    """``struct smtpcode_filter``: a --list filter taken apart."""

    _fields_ = [
        ("size", ctypes.c_size_t),
        ("all", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("reply_class", ctypes.c_int),
        ("category", ctypes.c_int),
        ("subject", ctypes.c_int),
        ("shown_class", ctypes.c_char),
    ]


def _names() -> List[str]:
    newest_first = sorted(KNOWN_ABI, reverse=True)
    if sys.platform == "darwin":
        return [f"libsmtpcode.{abi}.dylib" for abi in newest_first] + ["libsmtpcode.dylib"]
    return [f"libsmtpcode.so.{abi}" for abi in newest_first] + ["libsmtpcode.so"]


def _candidates() -> Iterator[str]:
    """Where to look: SMTPCODE_LIBRARY alone when set; else the dynamic linker's search path
    (LD_LIBRARY_PATH, the ld.so cache), then the directories a `make install` or a package
    puts an installed library in."""
    forced = os.environ.get("SMTPCODE_LIBRARY")
    if forced:
        yield forced
        return
    yield from _names()
    found = ctypes.util.find_library("smtpcode")
    if found:
        yield found
    dirs = [Path(__file__).resolve().parent, Path(sys.prefix) / "lib", Path("/usr/local/lib"),
            Path("/usr/local/lib64"), Path("/opt/homebrew/lib"), Path("/usr/lib64")]
    for d in dirs:
        for name in _names():
            if (d / name).exists():
                yield str(d / name)


def _declare(lib: ctypes.CDLL) -> None:
    c_int, c_size, c_long, c_char, vp = (ctypes.c_int, ctypes.c_size_t, ctypes.c_long,
                                         ctypes.c_char_p, ctypes.c_void_p)
    buf = [ctypes.c_char_p, c_size]
    table = {
        "smtpcode_version": (c_char, []),
        "smtpcode_abi_version": (c_int, []),
        "smtpcode_strerror": (c_char, [c_int]),
        "smtpcode_label": (c_char, [c_int]),
        "smtpcode_resolve": (c_int, [c_char, vp]),
        "smtpcode_lookup": (vp, [c_char]),
        "smtpcode_entry_count": (c_size, []),
        "smtpcode_entry_at": (vp, [c_size]),
        "smtpcode_filter_parse": (c_int, [c_char, ctypes.POINTER(Filter)]),
        "smtpcode_filter_matches": (c_int, [ctypes.POINTER(Filter), vp]),
        "smtpcode_format_code": (c_int, [vp, c_int] + buf),
        "smtpcode_search": (c_size, [ctypes.POINTER(ctypes.c_char_p), c_size,
                                     ctypes.POINTER(vp), c_size]),
        "smtpcode_operand_kind": (c_int, [c_char]),
        "smtpcode_provider_count": (c_size, []),
        "smtpcode_provider_at": (vp, [c_size]),
        "smtpcode_provider_find": (vp, [c_char]),
        "smtpcode_provider_entry_at": (vp, [vp, c_size]),
        "smtpcode_marker_find": (vp, [c_char]),
        "smtpcode_field_int": (c_long, [c_char, c_char]),
        "smtpcode_asked_class": (c_int, [vp, c_char]),
        "smtpcode_status_text": (c_char, [c_int]),
        "smtpcode_actor_text": (c_char, [c_int]),
        "smtpcode_retry_text": (c_char, [c_int]),
        "smtpcode_actor_name": (c_char, [c_int]),
        "smtpcode_retry_name": (c_char, [c_int]),
        "smtpcode_stage_token": (c_char, [c_int]),
        "smtpcode_status_name": (c_char, [c_int]),
        "smtpcode_class_label": (c_int, [c_int, c_int, c_int] + buf),
        "smtpcode_subject_label": (c_int, [vp] + buf),
        "smtpcode_join": (c_int, [vp, c_int] + buf),
        "smtpcode_sanitize": (c_int, [c_char, c_size] + buf),
        "smtpcode_reply_rejoin": (c_int, [c_int, c_char, c_size] + buf),
        "smtpcode_json_entry": (c_int, [c_char, c_int] + buf),
        "smtpcode_json_explain_hints": (c_int, [c_char, c_size, ctypes.POINTER(Hints),
                                                c_int] + buf),
        "smtpcode_json_compare": (c_int, [c_char, c_char, c_int] + buf),
        "smtpcode_json_compare_replies": (c_int, [c_char, c_size, c_char, c_size,
                                                  ctypes.POINTER(Hints), c_int] + buf),
        "smtpcode_json_provider": (c_int, [vp, c_int] + buf),
        "smtpcode_json_provider_entry": (c_int, [vp, c_int] + buf),
    }
    for name, (restype, argtypes) in table.items():
        fn = getattr(lib, name)  # AttributeError: the library lacks it
        fn.restype = restype
        fn.argtypes = argtypes


def _version_tuple(text: str) -> tuple:
    try:
        return tuple(int(part) for part in text.split("."))
    except ValueError:
        return (0,)


def load() -> ctypes.CDLL:
    """Loads libsmtpcode, checks its ABI and version, and declares its functions."""
    tried: List[str] = []
    for where in _candidates():
        try:
            lib = ctypes.CDLL(where)
        except OSError as err:
            tried.append(f"{where} ({err})")
            continue
        try:
            abi = lib.smtpcode_abi_version()
        except AttributeError:
            tried.append(f"{where} (not libsmtpcode: no smtpcode_abi_version)")
            continue
        if abi not in KNOWN_ABI:
            raise LibraryNotFound(
                f"smtpcode: {where} has ABI {abi}, and this package knows ABI "
                f"{', '.join(map(str, KNOWN_ABI))}: install the Python package of the same "
                "smtpcode release as the library")
        lib.smtpcode_version.restype = ctypes.c_char_p
        version = lib.smtpcode_version().decode("ascii", "replace")
        try:
            _declare(lib)
        except AttributeError as err:
            raise LibraryNotFound(
                f"smtpcode: {where} is libsmtpcode {version}, which lacks {err.args[0]!r}; "
                f"this package needs {'.'.join(map(str, NEEDS_VERSION))} or newer") from None
        if _version_tuple(version) < NEEDS_VERSION:
            raise LibraryNotFound(
                f"smtpcode: {where} is libsmtpcode {version}; this package needs "
                f"{'.'.join(map(str, NEEDS_VERSION))} or newer")
        return lib
    raise LibraryNotFound(
        "smtpcode: cannot load libsmtpcode (tried: " + "; ".join(tried) + "). Install the C "
        "library (`make && sudo make install` in a smtpcode checkout, then `sudo ldconfig`), "
        f"or set SMTPCODE_LIBRARY to the path of libsmtpcode.so.{max(KNOWN_ABI)}.")


LIB = load()


class Error(ValueError):
    """An error return of libsmtpcode. ``code`` is its name (``"SMTPCODE_ESYNTAX"``),
    ``errno`` its value, and the message the library's own words for it (after what was
    given, when ``what`` says it), unless ``message`` replaces them."""

    def __init__(self, errno: int, what: Optional[str] = None, message: Optional[str] = None):
        self.errno = errno
        self.what = what
        self.code = ERROR_NAMES.get(errno, f"SMTPCODE_E{-errno}")
        if message is None:
            message = LIB.smtpcode_strerror(errno).decode("utf-8", "replace")
            message = f"{what}: {message}" if what else message
        super().__init__(message)

    def __reduce__(self) -> tuple:  # picklable, for process pools and task queues
        return (type(self), (self.errno, self.what, str(self)))


class NotFound(Error, LookupError):
    """A well-formed code, provider or marker the library knows nothing about
    (SMTPCODE_ENOTFOUND)."""


def unknown_provider(provider_id: object) -> NotFound:
    """The error for a provider id the data does not have."""
    return NotFound(ENOTFOUND, message=f"{provider_id!r}: no such provider (see providers())")


def error(errno: int, what: Optional[str] = None) -> Error:
    return NotFound(errno, what) if errno == ENOTFOUND else Error(errno, what)


def text(call: Callable[[Optional[ctypes.Array], int], int], what: Optional[str] = None,
         first: int = 4096) -> bytes:
    """The whole text an snprintf-style call writes: the call gets (buf, size) and returns
    the full length or a negative error."""
    size = first
    while True:
        buf = ctypes.create_string_buffer(size)
        n = call(buf, size)
        if n < 0:
            raise error(n, what)
        if n < size:
            return buf.raw[:n]
        size = n + 1


def string(value: Optional[bytes]) -> Optional[str]:
    return value.decode("utf-8", "replace") if value is not None else None


def to_bytes(value: object, name: str) -> bytes:
    """What the library reads: str as UTF-8, bytes as they are. A surrogate escape
    (U+DC80-U+DCFF, from decoding with "surrogateescape") is the byte it stands for; any
    other lone surrogate is written as the invalid bytes it would be, which the library
    shows as U+FFFD."""
    if isinstance(value, str):
        try:
            return value.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogatepass")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"{name} must be str or bytes, not {type(value).__name__}")


def c_string(value: object, name: str) -> bytes:
    """A NUL-terminated argument: NUL cannot be in it."""
    data = to_bytes(value, name)
    if b"\0" in data:
        raise ValueError(f"{name} holds a NUL character")
    return data


def hints(provider: Optional[str], host: Optional[str], rcpt: Optional[str]) -> Hints:
    h = Hints()
    h.size = ctypes.sizeof(Hints)
    if provider is not None and not LIB.smtpcode_provider_find(c_string(provider, "provider")):
        raise unknown_provider(provider)
    h.provider = c_string(provider, "provider") if provider is not None else None
    h.remote_host = c_string(host, "host") if host is not None else None
    h.recipient_domain = c_string(rcpt, "rcpt") if rcpt is not None else None
    return h


def entry_code(entry: int) -> bytes:
    """The first member of a struct smtpcode_entry, its code as in the data."""
    return ctypes.cast(entry, ctypes.POINTER(ctypes.c_char_p))[0]
