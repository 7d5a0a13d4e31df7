"""Real clients against a real server: an aiosmtpd server on 127.0.0.1 refuses AUTH, a
recipient, the sender and the data, and greets with 421; smtplib and aiosmtplib raise what
they raise, and explain_exception must give the codes and the meaning of the reply the
server sent. The oracle for the meaning is the smtpcode command reading the same reply as
it went over the wire."""

from __future__ import annotations

import asyncio
import smtplib
import socket

import aiosmtplib
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult

import smtpcode
from conftest import cli_json

AUTH_535 = ("535-5.7.8 Username and Password not accepted. For more information, go to\r\n"
            "535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1-2 - gsmtp")
RCPT_550 = ("550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n"
            "550-5.1.1 double-checking the recipient's email address for typos or\r\n"
            "550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser a1-2"
            " - gsmtp")
RCPT_452 = "452 4.2.2 The email account that you tried to reach is over quota."
MAIL_553 = "553 5.7.1 <spoof@example.org>: Sender address rejected: not owned by user"
DATA_552 = "552 5.3.4 Message size exceeds fixed maximum message size"
GREETING_421 = "421 4.7.0 mx.example.net Try again later, closing connection."
MESSAGE = b"Subject: test\r\n\r\nhello\r\n"


class Handler:
    async def handle_MAIL(self, server, session, envelope, address, options):
        if address.startswith("spoof@"):
            return MAIL_553
        envelope.mail_from = address
        return "250 2.1.0 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.startswith("nobody@"):
            return RCPT_550
        if address.startswith("full@"):
            return RCPT_452
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        return DATA_552


def refuse_login(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=False, handled=False, message=AUTH_535)


class Greeting421(SMTP):
    async def _handle_client(self):
        await self.push(GREETING_421)
        self.transport.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RefusingController(Controller):
    def factory(self):
        return SMTP(self.handler, authenticator=refuse_login, auth_require_tls=False,
                    **self.SMTP_kwargs)


class GreetingController(Controller):
    def factory(self):
        return Greeting421(self.handler)


def running(controller_type):
    c = controller_type(Handler(), hostname="127.0.0.1", port=free_port())
    c.start()
    return c


@pytest.fixture(scope="module")
def server():
    c = running(RefusingController)
    yield c.hostname, c.port
    c.stop()


@pytest.fixture(scope="module")
def greeting_server():
    c = running(GreetingController)
    yield c.hostname, c.port
    c.stop()


def same_as_the_wire(explanation: smtpcode.Explanation, wire: str) -> None:
    """The explanation of what the client library kept is that of the reply as sent."""
    want = cli_json("--explain", wire)
    assert explanation.basic_code == want["basic_code"]
    assert explanation.enhanced_code == want["enhanced_code"]
    assert explanation.text == want["text"]
    assert explanation.message == want["message"]
    assert (explanation.provider_entry.id if explanation.provider_entry else None) == \
        (want["provider_entry"]["id"] if want["provider_entry"] else None)


# ---- smtplib --------------------------------------------------------------------------

def test_smtplib_auth(server):
    with smtplib.SMTP(*server, timeout=10) as s:
        s.ehlo()
        with pytest.raises(smtplib.SMTPAuthenticationError) as info:
            s.login("user@example.com", "wrong")
    e = smtpcode.explain_exception(info.value)
    assert (e.basic_code, e.enhanced_code) == (535, "5.7.8")
    assert e.provider is not None and e.provider.id == "google"
    assert e.provider_entry.id == "google/BadCredentials"
    assert "app password" in e.message
    same_as_the_wire(e, AUTH_535)
    assert e.replies == {}


def test_smtplib_one_refused_recipient_then_data(server):
    with smtplib.SMTP(*server, timeout=10) as s:
        with pytest.raises(smtplib.SMTPDataError) as info:
            s.sendmail("a@example.com", ["ok@example.com", "nobody@gmail.com"], MESSAGE)
    e = smtpcode.explain_exception(info.value)
    assert (e.basic_code, e.enhanced_code) == (552, "5.3.4")
    same_as_the_wire(e, DATA_552)


def test_smtplib_recipients_refused(server):
    with smtplib.SMTP(*server, timeout=10) as s:
        with pytest.raises(smtplib.SMTPRecipientsRefused) as info:
            s.sendmail("a@example.com", ["nobody@gmail.com", "full@example.net"], MESSAGE)
    e = smtpcode.explain_exception(info.value)
    assert list(e.replies) == ["nobody@gmail.com", "full@example.net"]
    first, second = e.replies.values()
    assert (first.basic_code, first.enhanced_code) == (550, "5.1.1")
    assert "unnecessary spaces" in first.text  # every line of the multi-line reply
    same_as_the_wire(first, RCPT_550)
    assert (second.basic_code, second.enhanced_code) == (452, "4.2.2")
    same_as_the_wire(second, RCPT_452)
    # the top level is the first refused recipient's reply
    assert (e.basic_code, e.message, e.text) == (first.basic_code, first.message, first.text)


def test_smtplib_sender_refused(server):
    with smtplib.SMTP(*server, timeout=10) as s:
        with pytest.raises(smtplib.SMTPSenderRefused) as info:
            s.sendmail("spoof@example.org", ["ok@example.com"], MESSAGE)
    e = smtpcode.explain_exception(info.value)
    assert (e.basic_code, e.enhanced_code) == (553, "5.7.1")
    same_as_the_wire(e, MAIL_553)


def test_smtplib_greeting(greeting_server):
    with pytest.raises(smtplib.SMTPConnectError) as info:
        smtplib.SMTP(*greeting_server, timeout=10)
    e = smtpcode.explain_exception(info.value)
    assert (e.basic_code, e.enhanced_code) == (421, "4.7.0")
    same_as_the_wire(e, GREETING_421)


# ---- aiosmtplib -----------------------------------------------------------------------

def aio(coro):
    return asyncio.run(coro)


def test_aiosmtplib_auth(server):
    async def go():
        async with aiosmtplib.SMTP(hostname=server[0], port=server[1], timeout=10,
                                   start_tls=False) as s:
            await s.login("user@example.com", "wrong")
    with pytest.raises(aiosmtplib.SMTPAuthenticationError) as info:
        aio(go())
    e = smtpcode.explain_exception(info.value)
    assert (e.basic_code, e.enhanced_code) == (535, "5.7.8")
    same_as_the_wire(e, AUTH_535)


def test_aiosmtplib_recipients_and_data(server):
    async def some():
        async with aiosmtplib.SMTP(hostname=server[0], port=server[1], timeout=10,
                                   start_tls=False) as s:
            await s.sendmail("a@example.com", ["ok@example.com", "nobody@gmail.com"], MESSAGE)

    async def none():
        async with aiosmtplib.SMTP(hostname=server[0], port=server[1], timeout=10,
                                   start_tls=False) as s:
            await s.sendmail("a@example.com", ["nobody@gmail.com", "full@example.net"],
                             MESSAGE)
    with pytest.raises(aiosmtplib.SMTPDataError) as info:
        aio(some())
    e = smtpcode.explain_exception(info.value)
    assert (e.basic_code, e.enhanced_code) == (552, "5.3.4")
    same_as_the_wire(e, DATA_552)
    with pytest.raises(aiosmtplib.SMTPRecipientsRefused) as info:
        aio(none())
    e = smtpcode.explain_exception(info.value)
    assert list(e.replies) == ["nobody@gmail.com", "full@example.net"]
    same_as_the_wire(e.replies["nobody@gmail.com"], RCPT_550)
    same_as_the_wire(e.replies["full@example.net"], RCPT_452)
    assert e.enhanced_code == "5.1.1"


def test_aiosmtplib_greeting(greeting_server):
    async def go():
        s = aiosmtplib.SMTP(hostname=greeting_server[0], port=greeting_server[1], timeout=10,
                            start_tls=False)
        await s.connect()
    with pytest.raises(aiosmtplib.SMTPConnectError) as info:  # code and text in one string
        aio(go())
    e = smtpcode.explain_exception(info.value)
    assert (e.basic_code, e.enhanced_code) == (421, "4.7.0")
    same_as_the_wire(e, GREETING_421)


# ---- anything else --------------------------------------------------------------------

def test_other_exceptions_have_no_codes():
    for exc in (ConnectionRefusedError(111, "Connection refused"), TimeoutError("450 s"),
                smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
                ValueError("550 5.1.1 not a mail library's error")):
        e = smtpcode.explain_exception(exc)
        assert e.basic_code is None and e.enhanced_code is None and e.replies == {}
        assert e.message and e.message == e.warnings[0]


def test_recipients_domains_are_no_hints():
    """smtplib talks to a relay: a local refusal of a gmail.com address is not Gmail's."""
    local = b"5.1.1 <c@gmail.com>: Recipient address rejected: User unknown in virtual mailbox table"
    e = smtpcode.explain_exception(smtplib.SMTPRecipientsRefused({"c@gmail.com": (550, local)}),
                                   host="smtp.mycompany.example")
    assert e.provider is None and e.provider_entry is None
    assert e.message == cli_json("--host", "smtp.mycompany.example", "--explain",
                                 "550 " + local.decode())["message"]


def test_errors_smtplib_makes_up_have_no_codes():
    # what smtplib raises for a reply line over its limit: its words, not the server's
    e = smtpcode.explain_exception(smtplib.SMTPResponseException(500, "Line too long."))
    assert e.basic_code is None and e.message == e.warnings[0]


def test_odd_exceptions():
    e = smtpcode.explain_exception(smtplib.SMTPResponseException(-1, b"garbled \xff\x00"))
    assert e.basic_code is None and e.message
    e = smtpcode.explain_exception(smtplib.SMTPResponseException(550, b"5.1.1 \xff\xfe"))
    assert e.basic_code == 550 and "\ufffd" in e.text
    e = smtpcode.explain_exception(smtplib.SMTPResponseException(550, None))
    assert e.basic_code == 550
    e = smtpcode.explain_exception(smtplib.SMTPResponseException(554, b"x" * 1_000_000))
    assert e.basic_code == 554
    # a code that is no reply's leaves the text alone, whatever the number
    e = smtpcode.explain_exception(smtplib.SMTPResponseException(2**32 + 550, b"5.1.1 x"))
    assert e.basic_code is None and e.enhanced_code == "5.1.1"
    e = smtpcode.explain_exception(smtplib.SMTPResponseException(0, b"452 4.2.2 full"))
    assert (e.basic_code, e.enhanced_code) == (452, "4.2.2")
    e = smtpcode.explain_exception(smtplib.SMTPResponseException(550, 42))
    assert e.basic_code == 550 and e.message
    e = smtpcode.explain_exception(aiosmtplib.SMTPResponseException(550, "5.1.1 \ud800 x"))
    assert e.enhanced_code == "5.1.1" and "\ufffd" in e.text
    e = smtpcode.explain_exception(aiosmtplib.SMTPResponseException(550, 42))
    assert e.basic_code == 550
    # a subclass that never set its fields
    class Bare(smtplib.SMTPResponseException):
        def __init__(self):
            Exception.__init__(self)
    assert smtpcode.explain_exception(Bare()).basic_code is None
    for recipients in ({}, {"a@b": "not a tuple"}, {"a@gm\0ail.com": (550, b"x")},
                       {"a@\ud800.com": (550, b"5.1.1 x")}, {b"a@b": (550, b"5.1.1 x")},
                       {"a@b": ("550", b"5.1.1 x")}):
        e = smtpcode.explain_exception(smtplib.SMTPRecipientsRefused(recipients))
        assert e.message
    e = smtpcode.explain_exception(smtplib.SMTPRecipientsRefused({b"a@b": (550, b"5.1.1 x")}))
    assert list(e.replies) == ["a@b"]
    for recipients in (None, [object()], "text"):
        e = smtpcode.explain_exception(aiosmtplib.SMTPRecipientsRefused(recipients))
        assert e.message
    twice = [aiosmtplib.SMTPRecipientRefused(550, "5.1.1 first", "a@b"),
             aiosmtplib.SMTPRecipientRefused(452, "4.2.2 second", "a@b")]
    e = smtpcode.explain_exception(aiosmtplib.SMTPRecipientsRefused(twice))
    assert list(e.replies) == ["a@b"] and e.basic_code == 550
    with pytest.raises(smtpcode.NotFound):
        smtpcode.explain_exception(smtplib.SMTPResponseException(550, b"x"), provider="nope")
    with pytest.raises(TypeError):
        smtpcode.explain_exception("550 5.1.1 a string")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        smtpcode.explain_exception(None)  # type: ignore[arg-type]
