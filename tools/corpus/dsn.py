"""dsn.py -- a bounce (RFC 3464 DSN) as the sink received it, cut into the cases recorded:
the human-readable text/plain part, the message/delivery-status part, and the whole bounce.
Parts are taken from the raw text, not re-serialised, so that they stay as the MTA wrote them.
"""

import email
import email.policy
import re

from producer import Output


def outputs(raw):
    text = raw.decode("utf-8", "replace").replace("\r\n", "\n")  # as a mailbox stores it
    found = []
    for ctype, body in parts(text):
        # The first text/plain part is the notice; a later one belongs to the returned message.
        if ctype == "text/plain" and not any(o.kind.startswith("bounce, text") for o in found):
            found.append(Output(body, "bounce, text/plain part", "-"))
        elif ctype == "message/delivery-status":
            found.append(Output(body, "bounce, message/delivery-status part", status(body)))
    found.append(Output(text, "bounce, whole message", status(text)))
    return found


def status(text):
    """The DSN's own Status: field (the MTA's status, beside the server's reply)."""
    m = re.search(r"^Status:\s*(\d\.\d{1,3}\.\d{1,3})", text, re.M | re.I)
    return m.group(1) if m else "-"


def parts(text):
    """(content type, decoded body) of each leaf part, in order, from the raw message."""
    head, _, body = text.partition("\n\n")
    msg = email.message_from_string(head + "\n\n", policy=email.policy.compat32)
    ctype = msg.get_content_type()
    if ctype.startswith("multipart/"):
        boundary = msg.get_param("boundary")
        if not boundary:
            return []
        out = []
        for piece in ("\n" + body).split("\n--" + boundary)[1:]:  # [0]: the preamble
            if piece.startswith("--"):  # the closing boundary
                break
            out += parts(piece.partition("\n")[2])  # past the rest of the boundary line
        return out
    cte = (msg.get("Content-Transfer-Encoding") or "").strip().lower()
    if cte in ("quoted-printable", "base64"):
        part = email.message_from_string(text, policy=email.policy.compat32)
        body = part.get_payload(decode=True).decode("utf-8", "replace")
    return [(ctype, body)]
