"""Shared by the tests: the command that is the oracle for the JSON contract, and the
library's own token lists."""

from __future__ import annotations

import ctypes
import dataclasses
import json
import os
import subprocess
from typing import Any, List

import pytest

import smtpcode
from smtpcode import _native

CLI = os.environ.get("SMTPCODE_CLI", "")


def cli_json(*args: str) -> Any:
    """What `smtpcode --json ARGS` prints, parsed: the contract the package must agree
    with."""
    if not CLI:
        pytest.fail("SMTPCODE_CLI is not set: tests/suite-python.sh sets it to the build's "
                    "smtpcode")
    done = subprocess.run([CLI, "--json", *args], capture_output=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def agrees(value: Any, want: Any, where: str = "") -> None:
    """A package object says what the JSON contract's object says: each key is an
    attribute (class as class_) with the same value, tokens equal to their strings; an
    attribute the JSON lacks (an enhanced entry's subject on a basic entry) keeps its
    default; `replies`, which only the packages add, is left out."""
    if dataclasses.is_dataclass(value):
        assert isinstance(want, dict), f"{where}: {want!r} is no object"
        names = {f.name: f for f in dataclasses.fields(value)}
        for key, item in want.items():
            name = "class_" if key == "class" else key
            assert name in names, f"{where}.{key}: no such attribute"
            agrees(getattr(value, name), item, f"{where}.{key}")
        for name, f in names.items():
            if ("class" if name == "class_" else name) not in want and name != "replies":
                default = f.default_factory() if callable(f.default_factory) else f.default  # type: ignore[misc]
                assert getattr(value, name) == default, f"{where}.{name}: not in the JSON"
    elif isinstance(value, (list, tuple)):
        assert isinstance(want, list) and len(value) == len(want), f"{where}: lengths differ"
        for i, (v, w) in enumerate(zip(value, want)):
            agrees(v, w, f"{where}[{i}]")
    else:
        assert type(want) is not dict and value == want, f"{where}: {value!r} != {want!r}"
        assert isinstance(value, bool) == isinstance(want, bool), f"{where}: bool vs number"


def tokens(function: str, first: int = 0) -> List[str]:
    """Every token a name function of the library gives, from value `first` up."""
    fn = getattr(_native.LIB, function)
    out = []
    for i in range(first, 256):
        name = fn(i)
        if name is not None:
            out.append(name.decode())
    return out


@pytest.fixture
def lib() -> ctypes.CDLL:
    return _native.LIB
