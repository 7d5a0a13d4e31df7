"""python3 -m smtpcode: "Label: value" lines, labels and values from the library, and the
command's exit statuses."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import smtpcode
from smtpcode.__main__ import main


def run(*args: str):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out, err)
    return status, out.getvalue(), err.getvalue()


def test_one_code_prints_every_field_the_library_describes():
    status, out, err = run("535")
    assert status == 0 and err == ""
    want = "".join(f"{label}: {smtpcode.sanitize(value)}\n"
                   for label, value in smtpcode.describe("535"))
    assert out == want
    assert out.startswith("Code: 535\n")
    assert "Title: Authentication credentials invalid\n" in out


def test_as_a_module():
    done = subprocess.run([sys.executable, "-m", "smtpcode", "5.7.8"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Basic codes: 535, 554" in done.stdout


def test_a_reply():
    status, out, _ = run("550 5.1.1 <a@example.com>: User unknown")
    assert status == 0
    e = smtpcode.explain("550 5.1.1 <a@example.com>: User unknown")
    assert out.splitlines()[:2] == ["Reply code: 550", "Enhanced code: 5.1.1"]
    assert f"In short: {e.message}" in out


def test_exit_statuses_and_hostile_text():
    assert run("599")[0] == 1 and "no such code" in run("599")[2]
    status, out, err = run("abc")
    assert status == 2 and out == "" and err.startswith("smtpcode: 'abc': ")
    assert run()[0] == 2 and run("--help")[0] == 0
    status, out, _ = run("550 5.1.1 \x1b]0;pwned\x07 \u202eevil")
    assert status == 0 and "\x1b" not in out and "\u202e" not in out and "<U+001B>" in out
    assert run("hello there")[0] == 2  # as `smtpcode "hello there"`: no code, no reply


def test_markers_options_and_separator():
    status, out, _ = run("TSS04")
    entry = smtpcode.marker("TSS04")
    assert status == 0 and out.startswith("Provider entry: yahoo/TSS04\n")
    assert f"Source: {entry.source}\n" in out
    assert run("--", "535")[:2] == run("535")[:2]
    status, out, err = run("--json", "535")
    assert status == 2 and out == "" and "unknown option --json" in err


def test_output_that_cannot_be_written():
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "smtpcode", "550"], stdout=full,
                              capture_output=False, stderr=subprocess.PIPE, text=True,
                              check=False)
    assert done.returncode == 3 and "cannot write" in done.stderr
    many = [str(c) for c in range(200, 600) if smtpcode.lookup(str(c))] * 20
    p = subprocess.Popen([sys.executable, "-m", "smtpcode", *many], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    p.stdout.read(10)  # the reader goes away early, as `| head` does
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait() == 3 and "Traceback" not in err
    done = subprocess.run([sys.executable, "-m", "smtpcode", "550 5.1.1 caf\u00e9"],
                          capture_output=True, env={**os.environ, "PYTHONIOENCODING": "ascii"},
                          check=False)
    assert done.returncode == 0 and b"Traceback" not in done.stderr and b"caf\\xe9" in done.stdout
