"""Every function of the package against the library's own answers: the JSON the smtpcode
command prints for the same input is the oracle."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest

import smtpcode
from conftest import agrees, cli_json, tokens

ROOT = Path(__file__).resolve().parents[3]


def test_versions_agree_with_the_header():
    header = (ROOT / "include" / "smtpcode.h").read_text()
    want = ".".join(re.search(rf"#define SMTPCODE_VERSION_{p} (\d+)", header).group(1)
                    for p in ("MAJOR", "MINOR", "PATCH"))
    assert smtpcode.version() == want
    assert smtpcode.__version__ == want
    assert smtpcode.abi_version() == int(
        re.search(r"#define SMTPCODE_ABI_VERSION (\d+)", header).group(1))


def test_installed_package_is_the_one_tested():
    where = os.environ.get("SMTPCODE_EXPECT_PREFIX")
    if where:
        assert Path(smtpcode.__file__).resolve().is_relative_to(Path(where).resolve())
    assert (Path(smtpcode.__file__).parent / "py.typed").is_file()


@pytest.mark.parametrize("code", ["535", "5.7.8", "X.7.8", "4.7.650", "5.7.708", "550", "5.7",
                                  "221", "5.1.1", "X.7.XXX"])
def test_lookup_equals_the_json_contract(code):
    entry = smtpcode.lookup(code)
    assert isinstance(entry, smtpcode.Entry)
    agrees(entry, cli_json("--", code))
    assert entry.code == code
    assert isinstance(entry.who_acts, smtpcode.Actor)
    assert isinstance(entry.retry, smtpcode.Retry)
    assert all(isinstance(s, smtpcode.Stage) for s in entry.stages)


def test_lookup_types():
    e = smtpcode.lookup("5.7.8")
    assert e.class_ is smtpcode.ReplyClass.PERMANENT_NEGATIVE and e.class_ == 5
    assert e.kind is smtpcode.Kind.ENHANCED and e.kind == "enhanced"
    assert e.who_acts is smtpcode.Actor.SENDER
    assert e.retry is smtpcode.Retry.AFTER_CHANGE
    assert smtpcode.Stage.AUTH in e.stages
    assert e.basic_codes == (535, 554)
    assert smtpcode.lookup("X.7.8").class_ is None
    assert smtpcode.lookup("535").subject is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.title = "changed"  # type: ignore[misc]
    # results are shared between callers: nothing in them can be changed
    with pytest.raises(AttributeError):
        e.references.append("changed")  # type: ignore[attr-defined]
    assert hash(e) == hash(smtpcode.lookup("5.7.8"))
    assert smtpcode.Stage("some_new") is smtpcode.Stage("some_new")


def test_lookup_unknown_and_malformed():
    assert smtpcode.lookup("599") is None
    assert smtpcode.lookup("5.9.9") is None
    for bad, name in [("abc", "SMTPCODE_ESYNTAX"), ("135", "SMTPCODE_ECLASS"),
                      ("", "SMTPCODE_EEMPTY"), ("５３５", "SMTPCODE_ENOTASCII"),
                      ("5" * 1_000_000, "SMTPCODE_ETOOLONG")]:
        with pytest.raises(ValueError) as info:
            smtpcode.lookup(bad)
        assert isinstance(info.value, smtpcode.Error)
        assert info.value.code == name
        assert len(str(info.value)) < 200  # a 1 MB code is not copied into the message
    with pytest.raises(ValueError, match="NUL"):
        smtpcode.lookup("5\x0035")
    with pytest.raises(TypeError):
        smtpcode.lookup(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        smtpcode.lookup(535)  # type: ignore[arg-type]
    assert smtpcode.lookup(b"535") == smtpcode.lookup("535")


def test_error_messages_are_the_librarys(lib):
    with pytest.raises(smtpcode.Error) as info:
        smtpcode.lookup("abc")
    assert str(info.value) == "'abc': " + lib.smtpcode_strerror(-5).decode()
    assert info.value.errno == -5


REPLIES = [
    "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n"
    "550-5.1.1 double-checking the recipient's email address for typos or\r\n"
    "550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser x - gsmtp",
    "Dec  2 10:00:00 mx postfix/smtp[1]: 4A1: to=<a@example.net>, relay=mx.example.net"
    "[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.1] said: 550 "
    "5.1.1 <a@example.net>: User unknown (in reply to RCPT TO command))",
    "421 4.7.0 Try again later, closing connection.",
    "no code at all",
    "",
]


@pytest.mark.parametrize("text", REPLIES)
def test_explain_equals_the_json_contract(text):
    e = smtpcode.explain(text)
    want = cli_json("--explain", text)
    agrees(e, want)
    assert e.replies == {}


def test_explain_hints_equal_the_commands():
    text = "550 5.7.1 Service unavailable; client host blocked"
    for args, kwargs in [(["--provider", "microsoft365"], {"provider": "microsoft365"}),
                         (["--host", "mx1.hotmail.com"], {"host": "mx1.hotmail.com"}),
                         (["--rcpt", "gmail.com"], {"rcpt": "gmail.com"})]:
        agrees(smtpcode.explain(text, **kwargs), cli_json(*args, "--explain", text))
    for bad in ("no-such-provider", ""):
        with pytest.raises(smtpcode.NotFound, match="no such provider"):
            smtpcode.explain(text, provider=bad)


def test_explain_odd_input():
    assert smtpcode.explain(b"550 5.1.1 x") == smtpcode.explain("550 5.1.1 x")
    e = smtpcode.explain(b"550 5.1.1 caf\xe9 \xff")  # not UTF-8
    assert e.basic_code == 550 and "\ufffd" in e.text
    e = smtpcode.explain("550 5.1.1 Benutzer unbekannt: Jörg 用户")
    assert e.enhanced_code == "5.1.1" and "Jörg 用户" in e.text
    e = smtpcode.explain("550 5.1.1 a\x00b\x1b[2J")
    assert e.basic_code == 550 and "\x1b" in e.text and "\x1b" not in smtpcode.sanitize(e.text)
    big = smtpcode.explain("550 5.1.1 " + "x" * 1_000_000)
    assert big.basic_code == 550 and 0 < len(big.text) < 1_000_000
    assert smtpcode.explain("x" * 1_000_000).basic_code is None
    with pytest.raises(TypeError):
        smtpcode.explain(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        smtpcode.explain("550 x", provider=5)  # type: ignore[arg-type]


@pytest.mark.parametrize("a,b", [("235", "535"), ("550", "5.1.1"), ("4.7.0", "5.7.1"),
                                 ("421", "450")])
def test_compare_codes_equals_the_json_contract(a, b):
    c = smtpcode.compare(a, b)
    assert c.kind == "codes" and isinstance(c.a, smtpcode.Entry)
    agrees(c, cli_json(a, b))


def test_compare_replies_equals_the_json_contract():
    a, b = REPLIES[0], "452 4.2.2 The email account that you tried to reach is over quota."
    c = smtpcode.compare(a, b)
    assert c.kind == "replies" and isinstance(c.b, smtpcode.Explanation)
    agrees(c, cli_json("--explain", a, "--explain", b))
    assert c.differences


def test_compare_errors():
    with pytest.raises(smtpcode.NotFound) as info:
        smtpcode.compare("535", "599")
    assert "'599'" in str(info.value) and isinstance(info.value, LookupError)
    for a, b in (("abc", "535"), ("599", "abc")):  # malformed before unknown, as the command
        with pytest.raises(smtpcode.Error) as info:
            smtpcode.compare(a, b)
        assert info.value.code == "SMTPCODE_ESYNTAX"
    with pytest.raises(TypeError):
        smtpcode.compare("535", None)  # type: ignore[arg-type]


def test_search_equals_the_commands():
    for words in (["password"], ["mailbox", "full"], ["RFC", "3463"]):
        agrees(smtpcode.search(*words), cli_json("--search", *words))
    assert smtpcode.search() == []
    assert smtpcode.search("zzzz-no-such-word") == []
    assert smtpcode.search("x" * 1_000_000) == []
    with pytest.raises(TypeError):
        smtpcode.search(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("f", ["5xx", "55x", "5.7", "x.7", "basic", "enhanced"])
def test_entries_equal_the_list(f):
    agrees(smtpcode.entries(f), cli_json("--list", f))


def test_entries_all_and_bad_filters():
    everything = smtpcode.entries()
    assert len(everything) == len(smtpcode.entries("basic")) + len(smtpcode.entries("enhanced"))
    assert len({e.canonical for e in everything}) == len(everything)
    assert smtpcode.entries("") == everything  # as `smtpcode --list ''`
    for bad in ("6xx", "google", "5.7.8.9"):
        with pytest.raises(smtpcode.Error):
            smtpcode.entries(bad)


def test_providers_equal_the_list():
    agrees(smtpcode.providers(), cli_json("--list", "providers"))
    agrees(smtpcode.provider_entries("google"), cli_json("--list", "google"))
    with pytest.raises(smtpcode.NotFound, match="'no-such-provider': no such provider"):
        smtpcode.provider_entries("no-such-provider")
    m = smtpcode.marker("TSS04")
    assert m is not None
    agrees([m], cli_json("TSS04"))
    assert m.who_acts in set(smtpcode.Actor)
    assert smtpcode.marker("NOSUCHMARKER") is None


def test_enums_are_the_librarys_tokens():
    assert {m.value for m in smtpcode.Actor} == set(tokens("smtpcode_actor_name"))
    assert {m.value for m in smtpcode.Retry} == set(tokens("smtpcode_retry_name"))
    assert {m.value for m in smtpcode.Status} == set(tokens("smtpcode_status_name"))
    # stage 0 is "unknown", which the JSON writes as null
    assert {m.value for m in smtpcode.Stage} == set(tokens("smtpcode_stage_token", first=1))
    assert {int(m) for m in smtpcode.ReplyClass} == {2, 3, 4, 5}


def test_a_newer_token_is_kept():
    assert smtpcode.Retry("some_new_token") == "some_new_token"


def test_objects_hold_every_key_the_library_writes():
    def keys(cls):
        return {"class" if f == "class_" else f for f in cls.__dataclass_fields__} - {"replies"}
    entry = cli_json("5.7.8")
    assert set(entry) <= keys(smtpcode.Entry)
    assert set(entry["provider_uses"][0]) <= keys(smtpcode.ProviderUse)
    e = cli_json("--explain", REPLIES[0])
    assert set(e) <= keys(smtpcode.Explanation)
    assert set(e["provider"]) <= keys(smtpcode.ProviderMatch)
    assert set(e["provider_entry"]) <= keys(smtpcode.ProviderEntry)
    c = cli_json("235", "535")
    assert set(c) <= keys(smtpcode.Comparison) and set(c["note"]) <= keys(smtpcode.PairNote)
    assert set(cli_json("--list", "providers")[0]) <= keys(smtpcode.Provider)


def test_sanitize_is_the_librarys():
    assert smtpcode.sanitize("a\x1b[2J\u202eb\u2028\ufeff") == \
        "a<U+001B>[2J<U+202E>b<U+2028><U+FEFF>"
    assert smtpcode.sanitize(b"caf\xe9\tx\ny") == "caf\ufffd x y"
    assert smtpcode.sanitize("\x9b") == "<U+009B>"
    assert smtpcode.sanitize(b"") == ""
    assert len(smtpcode.sanitize("é" * 500_000)) == 500_000


def test_describe_labels_and_values_are_the_librarys(lib):
    rows = dict(smtpcode.describe("5.7.8"))
    label = lambda n: lib.smtpcode_label(n).decode()  # noqa: E731
    e = smtpcode.lookup("5.7.8")
    assert rows[label(3)] == e.title and rows[label(6)] == e.how_to_fix
    assert rows[label(7)] == lib.smtpcode_actor_text(1).decode()  # SMTPCODE_ACTOR_SENDER
    assert rows[label(9)] == ", ".join(e.references)
    assert rows[label(11)] == "535, 554"
    with pytest.raises(smtpcode.NotFound):
        smtpcode.describe("599")
    with pytest.raises(smtpcode.Error):
        smtpcode.describe("abc")


def test_errors_pickle():
    import pickle
    with pytest.raises(smtpcode.Error) as info:
        smtpcode.lookup("abc")
    again = pickle.loads(pickle.dumps(info.value))
    assert (type(again), str(again), again.code, again.errno) == \
        (smtpcode.Error, str(info.value), "SMTPCODE_ESYNTAX", -5)
