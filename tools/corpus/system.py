"""system.py -- what the corpus driver does to the machine: packages, config files, daemons.

Everything here is undone at the end: every file written is first saved (or noted as new)
and put back by Files.restore(); every daemon is started by us and stopped by its pid.
"""

import os
import signal
import subprocess
import time

APT_ENV = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
LOCK_WAIT = 1800  # seconds to wait for another process's apt-get/dpkg to finish


def run(argv, **kw):
    """Runs a command, output captured as text, never raising on a non-zero exit."""
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.STDOUT)
    return subprocess.run(argv, text=True, errors="replace", **kw)


def apt_get(*args):
    """apt-get with the dpkg lock waited for: the machine is shared, another install may be
    running. DPkg::Lock::Timeout makes apt wait itself; the loop covers the other locks."""
    argv = ["apt-get", "-y", "-q", "-o", "DPkg::Lock::Timeout=600",
            "-o", "Dpkg::Options::=--force-confold"] + list(args)
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        res = run(argv, env=APT_ENV)
        if res.returncode == 0:
            return res.stdout
        busy = "Could not get lock" in res.stdout or "is held by process" in res.stdout
        if not busy or time.monotonic() > deadline:
            raise RuntimeError("apt-get %s failed:\n%s" % (" ".join(args), res.stdout[-3000:]))
        time.sleep(15)


def debconf_set(lines):
    run(["debconf-set-selections"], input="\n".join(lines) + "\n")


def package_version(package):
    res = run(["dpkg-query", "-W", "-f", "${Status} ${Version}", package])
    words = res.stdout.split()
    if res.returncode != 0 or "installed" not in words[:3]:
        return None
    return words[-1]


class Files:
    """Config files written by the driver, with what was there before."""

    def __init__(self):
        self.saved = {}  # path -> previous bytes, or None when the file did not exist

    def save(self, path):
        """Notes what path holds now (or that it is missing), to be put back by restore."""
        if path not in self.saved:
            self.saved[path] = open(path, "rb").read() if os.path.exists(path) else None

    def write(self, path, text, mode=0o644):
        self.save(path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, mode)

    def restore(self):
        for path, old in self.saved.items():
            if old is None:
                if os.path.exists(path):
                    os.unlink(path)
            else:
                with open(path, "wb") as f:
                    f.write(old)
        self.saved.clear()


POLICY_RC = "/usr/sbin/policy-rc.d"


def forbid_service_starts(files):
    """No package may start a daemon (postfix, exim and smtpd would listen on port 25):
    policy-rc.d exiting 101 tells invoke-rc.d so. An existing one that already says 101 is
    left alone; otherwise it is saved and put back at the end."""
    if os.path.exists(POLICY_RC) and run([POLICY_RC]).returncode == 101:
        return
    files.write(POLICY_RC, "#!/bin/sh\n# written by tools/corpus (make corpus)\nexit 101\n",
                mode=0o755)


class Daemon:
    """A daemon that we started, stopped by its pid: either our own child kept in the
    foreground (spawn), or one that detached and wrote its pid to a file (from_pidfile)."""

    def __init__(self, pid, proc=None, log=None):
        self.pid, self.proc, self.log = pid, proc, log

    @classmethod
    def spawn(cls, argv, log_path, env=None):
        log = open(log_path, "ab")
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
        return cls(proc.pid, proc, log)

    @classmethod
    def from_pidfile(cls, path, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                return cls(int(open(path).read().split()[0]))
            except (OSError, ValueError, IndexError):
                time.sleep(0.2)
        raise RuntimeError("no pid in %s" % path)

    def alive(self):
        if self.proc:
            return self.proc.poll() is None
        return os.path.exists("/proc/%d" % self.pid)

    def stop(self, timeout=15):
        if self.alive():
            os.kill(self.pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while self.alive() and time.monotonic() < deadline:
                time.sleep(0.1)
            if self.alive():
                os.kill(self.pid, signal.SIGKILL)
        if self.proc:
            self.proc.wait()
        if self.log:
            self.log.close()


class Tail:
    """The lines appended to a log file since the last call."""

    def __init__(self, path):
        self.path = path
        self.offset = os.path.getsize(path) if os.path.exists(path) else 0

    def new_lines(self):
        if not os.path.exists(self.path):
            return []
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            data = f.read()
        end = data.rfind(b"\n") + 1  # a line still being written waits for the next call
        self.offset += end
        return data[:end].decode("utf-8", "replace").splitlines()
