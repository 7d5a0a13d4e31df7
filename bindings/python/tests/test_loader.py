"""Finding the library: SMTPCODE_LIBRARY, the normal search path, and a clear error that
says what to install when neither has it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SO = os.environ["SMTPCODE_LIBRARY"]


def python(code: str, **env_changes):
    env = {k: v for k, v in os.environ.items() if k not in ("SMTPCODE_LIBRARY",
                                                             "LD_LIBRARY_PATH")}
    env.update({k: v for k, v in env_changes.items() if v is not None})
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd="/", check=False)


def test_through_smtpcode_library():
    done = python("import smtpcode; print(smtpcode.lookup('535').title)", SMTPCODE_LIBRARY=SO)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Authentication credentials invalid"


def test_through_the_search_path():
    done = python("import smtpcode; print(smtpcode.version())",
                  LD_LIBRARY_PATH=str(Path(SO).resolve().parent))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().count(".") == 2


def test_missing_library_says_what_to_install(tmp_path):
    done = python("import smtpcode", SMTPCODE_LIBRARY=str(tmp_path / "libsmtpcode.so.1"))
    assert done.returncode != 0
    assert "LibraryNotFound" in done.stderr
    assert "cannot load libsmtpcode" in done.stderr
    assert "make install" in done.stderr and "SMTPCODE_LIBRARY" in done.stderr


def test_another_library_is_refused():
    import ctypes.util
    other = ctypes.util.find_library("z") or ctypes.util.find_library("c")
    done = python("import smtpcode", SMTPCODE_LIBRARY=other)
    assert done.returncode != 0
    assert "not libsmtpcode" in done.stderr


def stub(tmp_path, source: str) -> str:
    """A shared library of a few lines: what an old or a future libsmtpcode answers."""
    import shutil
    cc = shutil.which(os.environ.get("CC", "cc")) or shutil.which("cc")
    assert cc, "a C compiler is needed to build the stub libraries"
    src, so = tmp_path / "stub.c", tmp_path / "libsmtpcode.so.1"
    src.write_text(source)
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(so), str(src)], check=True)
    return str(so)


@pytest.mark.parametrize("abi,version,says", [
    (2, "1.0.0", ["has ABI 2, and this package knows ABI 1"]),
    (1, "0.5.0", ["is libsmtpcode 0.5.0, which lacks", "needs 0.6.0 or newer"]),
])
def test_other_versions_are_refused(tmp_path, abi, version, says):
    so = stub(tmp_path, f"int smtpcode_abi_version(void) {{ return {abi}; }}\n"
                        f"const char *smtpcode_version(void) {{ return \"{version}\"; }}\n")
    done = python("import smtpcode", SMTPCODE_LIBRARY=so)
    assert done.returncode != 0
    for text in says:
        assert text in done.stderr


def test_next_to_the_interpreter_prefix(tmp_path):
    """An installed library beside the environment (PREFIX/lib, as `make install
    PREFIX=...` puts it) is found with no variable set."""
    import ctypes.util
    import shutil
    lib_dir = Path(sys.prefix) / "lib"
    target = lib_dir / Path(SO).name
    if target.exists():
        pytest.skip(f"{target} is there already")
    shutil.copy(Path(SO).resolve(), target)
    try:
        done = python("import smtpcode, sys; print(smtpcode._native.LIB._name)")
        assert done.returncode == 0, done.stderr
        system_wide = ctypes.util.find_library("smtpcode")  # an installed copy would win
        assert done.stdout.strip() == (Path(SO).name if system_wide else str(target))
    finally:
        target.unlink()
