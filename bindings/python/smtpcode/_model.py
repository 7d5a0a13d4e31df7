"""The objects of the JSON contract as typed Python values.

Attribute names are the JSON keys (``class`` is ``class_``); the values are what the library
wrote. The enumerations list the JSON contract's tokens; a token a newer library adds
becomes a member of its own instead of an error.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields
from typing import Any, Callable, ClassVar, Dict, Mapping, Optional, Tuple, Type, TypeVar, Union


class _Token(str, enum.Enum):
    """A token of the JSON contract; compares equal to its string."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper()
        member._value_ = value
        # kept, so that the same token is the same member; a race makes an equal twin
        return cls._value2member_map_.setdefault(value, member)

    def __str__(self) -> str:
        return str(self.value)


class ReplyClass(enum.IntEnum):
    """The class of a code, its first digit (RFC 5321 section 4.2.1, RFC 3463 section 3.1)."""

    POSITIVE_COMPLETION = 2
    POSITIVE_INTERMEDIATE = 3
    TRANSIENT_NEGATIVE = 4
    PERMANENT_NEGATIVE = 5


class Kind(_Token):
    """Which of the two code systems an entry belongs to."""

    BASIC = "basic"
    ENHANCED = "enhanced"


class Status(_Token):
    """Whether a code is defined by a standard."""

    STANDARD = "standard"
    NONSTANDARD = "nonstandard"
    DEPRECATED = "deprecated"


class Actor(_Token):
    """Who must act on a reply (``who_acts``)."""

    NONE = "none"
    SENDER = "sender"
    SENDER_ADMIN = "sender_admin"
    RECIPIENT = "recipient"
    RECIPIENT_ADMIN = "recipient_admin"


class Retry(_Token):
    """Whether sending again can help (``retry``)."""

    NONE = "none"
    LATER = "later"
    AFTER_CHANGE = "after_change"
    NEVER = "never"


class Stage(_Token):
    """The command a reply answers (``stage_token``, ``stages``)."""

    CONNECT = "connect"
    HELO = "helo"
    STARTTLS = "starttls"
    AUTH = "auth"
    MAIL = "mail"
    RCPT = "rcpt"
    DATA = "data"
    END_OF_DATA = "end_of_data"
    BDAT = "bdat"
    RSET = "rset"
    VRFY = "vrfy"
    EXPN = "expn"
    ETRN = "etrn"
    NOOP = "noop"
    QUIT = "quit"
    HELP = "help"
    ATRN = "atrn"


T = TypeVar("T", bound="_Object")


def _each(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda values: tuple(convert(v) for v in values)


class _Object:
    """Built from a JSON object: known keys become attributes, keys a newer library adds are
    left out, and keys it does not write keep their defaults."""

    _convert: ClassVar[Mapping[str, Callable[[Any], Any]]] = {}

    @classmethod
    def from_json(cls: Type[T], data: Mapping[str, Any]) -> T:
        kwargs: Dict[str, Any] = {}
        for f in fields(cls):  # type: ignore[arg-type]
            key = "class" if f.name == "class_" else f.name
            if key in data:
                value = data[key]
                convert = cls._convert.get(f.name)
                if convert and value is not None:
                    value = convert(value)
                elif isinstance(value, list):
                    value = tuple(value)  # frozen all the way down: results are shared
                kwargs[f.name] = value
        return cls(**kwargs)


@dataclass(frozen=True)
class ProviderUse(_Object):
    """A provider's own meaning of a code (an entry's ``provider_uses``)."""

    provider: str = ""
    id: str = ""
    match: str = ""
    title: str = ""
    summary: str = ""


@dataclass(frozen=True)
class Entry(_Object):
    """What a code means: the entry object of the JSON contract."""

    code: str = ""
    canonical: str = ""
    kind: Optional[Kind] = None
    class_: Optional[ReplyClass] = None
    class_name: Optional[str] = None
    status: Optional[Status] = None
    registered: bool = True
    note: Optional[str] = None
    title: str = ""
    summary: Optional[str] = None
    description: str = ""
    when_seen: str = ""
    how_to_fix: str = ""
    who_acts: Optional[Actor] = None
    retry: Optional[Retry] = None
    references: Tuple[str, ...] = ()
    related: Tuple[str, ...] = ()
    scope: Optional[str] = None
    stages: Tuple[Stage, ...] = ()
    next: Optional[str] = None
    provider_uses: Tuple[ProviderUse, ...] = ()
    subject: Optional[int] = None
    subject_name: Optional[str] = None
    detail: Optional[int] = None
    basic_codes: Tuple[int, ...] = ()
    rfc_classes: Tuple[int, ...] = ()

    _convert: ClassVar[Mapping[str, Callable[[Any], Any]]] = {
        "kind": Kind, "class_": ReplyClass, "status": Status, "who_acts": Actor,
        "retry": Retry, "stages": _each(Stage), "provider_uses": _each(ProviderUse.from_json),
    }


@dataclass(frozen=True)
class Provider(_Object):
    """A provider the library has data for."""

    id: str = ""
    name: str = ""
    entries: int = 0
    verified: Optional[str] = None


@dataclass(frozen=True)
class ProviderMatch(_Object):
    """Which provider sent a reply, and what told (an explanation's ``provider``)."""

    id: str = ""
    name: str = ""
    evidence: str = ""
    matched: Optional[str] = None
    confidence: str = ""


@dataclass(frozen=True)
class ProviderEntry(_Object):
    """What a provider means by a reply, with its source and the date it was verified."""

    id: str = ""
    provider: str = ""
    match: str = ""
    marker: Optional[str] = None
    title: str = ""
    summary: str = ""
    meaning: str = ""
    how_to_fix: str = ""
    who_acts: Optional[Actor] = None
    retry: Optional[Retry] = None
    suppress_recipient: bool = False
    documented: str = ""
    wire_code: Optional[str] = None
    source: str = ""
    source_copy: Optional[str] = None
    verified: Optional[str] = None

    _convert: ClassVar[Mapping[str, Callable[[Any], Any]]] = {"who_acts": Actor,
                                                              "retry": Retry}


@dataclass(frozen=True)
class Explanation(_Object):
    """What a server's reply means: the explain object of the JSON contract, and for an
    error that refused several recipients, ``replies`` (recipient -> Explanation).

    ``text`` is the server's own text: pass it through :func:`smtpcode.sanitize` before
    showing it in a terminal. ``message`` is the library's one-line explanation.
    """

    basic_code: Optional[int] = None
    enhanced_code: Optional[str] = None
    status_code: Optional[str] = None
    stage: Optional[str] = None
    stage_token: Optional[Stage] = None
    text: Optional[str] = None
    message: Optional[str] = None
    remote_host: Optional[str] = None
    remote_ip: Optional[str] = None
    form: Optional[str] = None
    provider: Optional[ProviderMatch] = None
    provider_entry: Optional[ProviderEntry] = None
    basic: Optional[Entry] = None
    enhanced: Optional[Entry] = None
    warnings: Tuple[str, ...] = ()
    replies: Dict[str, "Explanation"] = field(default_factory=dict)

    _convert: ClassVar[Mapping[str, Callable[[Any], Any]]] = {
        "stage_token": Stage, "provider": ProviderMatch.from_json,
        "provider_entry": ProviderEntry.from_json, "basic": Entry.from_json,
        "enhanced": Entry.from_json,
    }

    def __str__(self) -> str:
        return self.message or ""


@dataclass(frozen=True)
class PairNote(_Object):
    """The hand-written note for a pair of codes people compare."""

    separates: str = ""
    how_to_tell: str = ""
    what_to_do: str = ""


@dataclass(frozen=True)
class Comparison(_Object):
    """Two codes (``kind == "codes"``, a and b are Entry) or two replies (``"replies"``, a
    and b are Explanation) side by side; ``differences`` has the separating sentence first."""

    kind: str = ""
    a: Union[Entry, Explanation, None] = None
    b: Union[Entry, Explanation, None] = None
    differences: Tuple[str, ...] = ()
    note: Optional[PairNote] = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Comparison":
        side = Explanation.from_json if data.get("kind") == "replies" else Entry.from_json
        note = data.get("note")
        return cls(kind=data.get("kind", ""), a=side(data["a"]), b=side(data["b"]),
                   differences=tuple(data.get("differences", [])),
                   note=PairNote.from_json(note) if note is not None else None)
