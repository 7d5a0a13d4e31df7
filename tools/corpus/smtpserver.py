"""smtpserver.py -- the scripted SMTP server of the reply corpus (make corpus).

One Server holds the current scenario (a Plan, see scenarios.py). At the plan's stage it sends
the plan's reply, or drops the connection; everything else is answered the way an ordinary
ESMTP server answers. It listens on 127.0.0.1 only. A Sink on a second port accepts any
message: the MTAs deliver their bounces (DSNs) there.

Standard library only. Run by hand to try one scenario with any client:
    /usr/bin/python3 tools/corpus/smtpserver.py rcpt-5xx-single-enh
"""

import base64
import os
import socket
import socketserver
import ssl
import subprocess
import sys
import tempfile
import threading
import time

HOST = "127.0.0.1"  # never any other address: this machine is shared, the network is not ours

# The commands of each stage. EHLO and HELO are one stage: a client whose EHLO is refused
# falls back to HELO, and a server that refuses the one refuses the other.
STAGE_OF_VERB = {"EHLO": "helo", "HELO": "helo", "STARTTLS": "starttls", "AUTH": "auth",
                 "MAIL": "mail", "RCPT": "rcpt", "DATA": "data"}


class Dropped(Exception):
    """The plan says: close the connection here, without a reply."""


class Session:
    """One SMTP connection: the protocol state and what happened in it."""

    def __init__(self, server, sock):
        self.server = server
        self.plan = server.plan
        self.sock = sock
        self.rfile = sock.makefile("rb")
        self.tls = False
        self.in_mail = False
        self.good_rcpts = 0
        self.greeting_failed = False

    # ---- replies --------------------------------------------------------------------------
    def send(self, text):
        self.sock.sendall(text.encode("ascii") + b"\r\n")

    def ok(self, basic, enhanced, text):
        """A reply of the server's own (not the plan's): enhanced code only when advertised."""
        if self.plan.enhanced_codes and enhanced:
            text = enhanced + " " + text
        self.send("%s %s" % (basic, text))

    def fail(self, stage, arg=""):
        """The plan's reply at its stage (or the drop). Returns False when the plan does not
        fail here, so that the caller answers normally."""
        if not self.plan.fails_at(stage, arg):
            return False
        self.server.record(self.plan)
        if self.plan.drop:
            raise Dropped()
        self.sock.sendall(self.plan.wire_reply())
        if self.plan.basic == "421":  # 421: the server closes the channel (RFC 5321 3.8)
            raise Dropped()
        return True

    # ---- the conversation -----------------------------------------------------------------
    def run(self):
        try:
            self.sock.settimeout(30)
            if self.fail("connect"):
                self.greeting_failed = True
            else:
                self.send("220 %s ESMTP ready" % self.plan.server_name)
            while True:
                line = self.rfile.readline(4096)
                if not line:
                    return
                self.command(line.decode("ascii", "replace").rstrip("\r\n"))
        except (Dropped, OSError, ssl.SSLError):
            pass
        finally:
            self.close()

    def kick(self):
        try:
            self.sock.shutdown(socket.SHUT_RDWR)  # run() sees the end and closes
        except OSError:
            pass

    def close(self):
        try:
            if self.tls:
                self.sock = self.sock.unwrap()  # close_notify first, as a TLS peer expects
            self.sock.shutdown(socket.SHUT_RDWR)
        except (OSError, ValueError):  # ValueError: the TLS layer is gone already
            pass
        self.sock.close()

    def command(self, line):
        verb = line.split(" ", 1)[0].upper()
        arg = line[len(verb):].strip()
        if verb == "QUIT":
            self.ok("221", "2.0.0", "Bye")
            raise Dropped()
        if self.greeting_failed:
            # A server that refused the session keeps refusing it, with the same reply, so
            # that what the client shows is the greeting's reply.
            self.sock.sendall(self.plan.wire_reply())
            return
        stage = STAGE_OF_VERB.get(verb)
        # AUTH fails after the credentials (cmd_auth); every other stage at its command.
        if stage and stage != "auth" and self.fail(stage, arg):
            return
        handler = getattr(self, "cmd_" + verb.lower(), None)
        if handler is None:
            self.ok("502", "5.5.2", "Error: command not recognized")
        else:
            handler(arg)

    def cmd_ehlo(self, arg):
        self.in_mail = False
        lines = ["%s Hello %s" % (self.plan.server_name, arg or "there")]
        lines += ["PIPELINING", "SIZE 10240000", "8BITMIME", "AUTH PLAIN LOGIN"]
        if self.plan.enhanced_codes:
            lines.append("ENHANCEDSTATUSCODES")
        if self.server.offer_tls() and not self.tls:
            lines.append("STARTTLS")
        lines.append("HELP")
        for i, text in enumerate(lines):
            self.send("250%s%s" % (" " if i == len(lines) - 1 else "-", text))

    def cmd_helo(self, arg):
        self.in_mail = False
        self.send("250 %s" % self.plan.server_name)

    def cmd_starttls(self, arg):
        if not self.server.offer_tls() or self.tls:
            self.ok("502", "5.5.1", "Error: command not implemented")
            return
        self.ok("220", "2.0.0", "Ready to start TLS")
        self.sock = self.server.tls_context().wrap_socket(self.sock, server_side=True)
        self.rfile = self.sock.makefile("rb")
        self.tls = True
        self.in_mail = False

    def cmd_auth(self, arg):
        """AUTH PLAIN and LOGIN; any credentials are good unless the plan fails here."""
        if self.plan.drop:
            self.fail("auth")  # raises Dropped when the plan drops the connection at AUTH
        parts = arg.split()
        mech = parts[0].upper() if parts else ""
        if mech == "PLAIN":
            if len(parts) < 2:
                self.send("334 ")
                self.readline()
        elif mech == "LOGIN":
            if len(parts) < 2:
                self.send("334 " + base64.b64encode(b"Username:").decode())
                self.readline()
            self.send("334 " + base64.b64encode(b"Password:").decode())
            self.readline()
        else:
            self.ok("504", "5.5.4", "Unrecognized authentication type")
            return
        # The plan's AUTH failure comes after the credentials, as it does from real servers.
        if self.fail("auth"):
            return
        self.ok("235", "2.7.0", "Authentication successful")

    def readline(self):
        line = self.rfile.readline(4096)
        if not line:
            raise Dropped()
        if line.strip() == b"*":
            self.ok("501", "5.7.0", "Authentication aborted")
            raise Dropped()
        return line

    def cmd_mail(self, arg):
        self.in_mail = True
        self.good_rcpts = 0
        self.ok("250", "2.1.0", "Ok")

    def cmd_rcpt(self, arg):
        if not self.in_mail:
            self.ok("503", "5.5.1", "Error: need MAIL command")
            return
        self.good_rcpts += 1
        self.ok("250", "2.1.5", "Ok")

    def cmd_data(self, arg):
        if not self.good_rcpts:
            self.ok("554", "5.5.1", "Error: no valid recipients")
            return
        self.send("354 End data with <CR><LF>.<CR><LF>")
        message = self.read_message()
        self.in_mail = False
        if self.fail("end_of_data"):
            return
        self.server.received(message)
        self.ok("250", "2.0.0", "Ok: queued as %s" % self.server.queue_id())

    def read_message(self):
        lines = []
        while True:
            line = self.rfile.readline(1 << 20)
            if not line:
                raise Dropped()
            if line in (b".\r\n", b".\n"):
                return b"".join(lines)
            lines.append(line[1:] if line.startswith(b"..") else line)

    def cmd_rset(self, arg):
        self.in_mail = False
        self.ok("250", "2.0.0", "Ok")

    def cmd_noop(self, arg):
        self.ok("250", "2.0.0", "Ok")

    def cmd_help(self, arg):
        self.send("214 See RFC 5321")


class Server(socketserver.ThreadingTCPServer):
    """The scripted server. The driver sets .plan before each scenario and reads .fired (how
    often the plan's reply was sent or the connection dropped) and .messages after it."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port, plan=None, certdir=None):
        super().__init__((HOST, port), self.Handler)
        self.plan = plan
        self.certdir = certdir
        self.tls_always = False  # set for a producer that talks only over TLS
        self.lock = threading.Lock()
        self._tls = None
        self._ids = 0
        self.sessions = set()
        self.reset()

    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            self.server.serve(Session(self.server, self.request))

    def serve(self, session):
        with self.lock:
            self.sessions.add(session)
        try:
            session.run()
        finally:
            with self.lock:
                self.sessions.discard(session)

    def reset(self, plan=None):
        """Starts a scenario. A connection still open from the one before (an MTA keeps an
        idle connection for the next message) is closed: the next message must meet the
        new plan from its greeting on."""
        with self.lock:
            if plan is not None:
                self.plan = plan
            self.fired = 0
            self.messages = []
            stale = [s for s in self.sessions if s.plan is not self.plan]
        for session in stale:
            session.kick()

    def record(self, plan):
        with self.lock:
            if plan is self.plan:  # not a late session of the scenario before
                self.fired += 1

    def received(self, message):
        with self.lock:
            self.messages.append(message)

    def queue_id(self):
        with self.lock:
            self._ids += 1
            return "4Q%06dX" % self._ids

    def offer_tls(self):
        return self.tls_always or self.plan.offer_starttls

    def tls_context(self):
        if self._tls is None:
            cert, key = make_certificate(self.certdir or tempfile.mkdtemp(prefix="corpus-tls-"))
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(cert, key)
            self._tls = ctx
        return self._tls

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self


def make_certificate(directory):
    """A self-signed certificate for STARTTLS (the producers are told not to verify it)."""
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    if not os.path.exists(cert):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=mx.example.net", "-keyout", key, "-out", cert],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


class SinkSession(Session):
    """Accepts every message (the bounces); never fails."""

    def fail(self, stage, arg=""):
        return False


class Sink(Server):
    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            self.server.serve(SinkSession(self.server, self.request))

    def __init__(self, port):
        from scenarios import Plan
        super().__init__(port, Plan.accept_all())


def wait_until(predicate, timeout, step=0.05):
    """Polls predicate until it is true or timeout seconds have passed; returns its value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(step)


def main(argv):
    from scenarios import SCENARIOS
    by_name = {s.name: s for s in SCENARIOS}
    if len(argv) != 2 or argv[1] not in by_name:
        sys.stderr.write("usage: smtpserver.py SCENARIO  (one of: %s)\n" % " ".join(by_name))
        return 2
    server = Server(2525, by_name[argv[1]])
    print("listening on %s:2525, scenario %s; Ctrl-C stops" % (HOST, argv[1]))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.dont_write_bytecode = True  # no __pycache__ in the repository
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main(sys.argv))
