"""producer.py -- what every producer of the corpus (MTA or client) has in common."""

import os
import time
from dataclasses import dataclass


@dataclass
class Output:
    """One thing a producer wrote for a scenario, recorded as one case."""
    text: str
    kind: str                 # what it is: "log", "bounce, text/plain part", "stderr", ...
    status_code: str = ""     # the MTA's own status (dsn=, Status:); "" when not checked


class Skip(Exception):
    """The producer wrote nothing usable for this scenario; the reason goes to the README."""


class Producer:
    """One MTA or client. The driver calls install, version, configure, start, then run for
    every scenario, and stop at the end (also after a failure)."""

    name = None               # the corpus file is NAME.tsv
    kind = None               # "mta" or "client"
    server_tls_always = False  # the scripted server offers STARTTLS in every scenario
    sink_tls = False

    def __init__(self, workdir):
        self.workdir = workdir

    def install(self):
        pass

    def version(self):
        raise NotImplementedError

    def configure(self, files):
        pass

    def start(self):
        pass

    def run(self, plan, server, sink):
        """The outputs for one scenario (server.plan is already plan); raises Skip."""
        raise NotImplementedError

    def stop(self):
        pass


def message_for(plan, sender):
    """The test message of a scenario: (its Message-ID, the message text)."""
    msgid = "corpus.%s.%d@client.example.org" % (plan.name, int(time.time() * 1000))
    headers = [
        "From: Corpus Sender <%s>" % sender,
        "To: %s" % ", ".join(plan.recipients),
        "Subject: smtpcode corpus: %s" % plan.name,
        "Date: %s" % time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime()),
        "Message-ID: <%s>" % msgid,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=us-ascii",
    ]
    body = ["Hello,", "", "this message tests how a refused delivery is reported.", ""]
    return msgid, "\n".join(headers + [""] + body)


def workfile(workdir, name, text):
    path = os.path.join(workdir, name)
    with open(path, "w") as f:
        f.write(text)
    return path
