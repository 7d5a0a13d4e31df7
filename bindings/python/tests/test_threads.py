"""The library is thread-safe, and so is the package: 16 threads at once give the answers
one thread gives."""

from __future__ import annotations

import threading

import smtpcode

WORK = [("535", "550 5.1.1 <a@example.com>: User unknown"),
        ("5.7.8", "421-4.7.0 Try again later\r\n421 4.7.0 closing connection"),
        ("X.7.1", "552 5.3.4 Message size exceeds fixed limit"),
        ("4.2.2", "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked")]


def run(i: int):
    code, reply = WORK[i % len(WORK)]
    return (smtpcode.lookup(code), smtpcode.explain(reply), smtpcode.compare(code, "550"),
            smtpcode.sanitize(reply), smtpcode.search("mailbox")[:3])


def test_sixteen_threads():
    want = [run(i) for i in range(len(WORK))]
    got = {}
    errors = []
    start = threading.Barrier(16)

    def worker(n: int) -> None:
        try:
            start.wait()
            for k in range(25):
                got[(n, k)] = run(n + k)
        except Exception as exc:  # reported below, with the thread that raised it
            errors.append((n, exc))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(got) == 16 * 25
    for (n, k), value in got.items():
        assert value == want[(n + k) % len(WORK)]
