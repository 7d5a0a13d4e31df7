"""The README's Python example is valid Python and uses only what the package exports."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import smtpcode

README = Path(__file__).resolve().parents[3] / "README.md"


def test_readme_example():
    text = README.read_text()
    section = text[text.index("## From Python"):]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    tree = ast.parse(block)
    used = {n.attr for n in ast.walk(tree)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
            and n.value.id == "smtpcode"}
    assert used and used <= set(smtpcode.__all__)
    for name in re.findall(r"`(\w+)\(", section):
        if name in smtpcode.__all__:
            assert callable(getattr(smtpcode, name))
