"""The README's Python example runs as printed, from the repository root."""

import contextlib
import io
import os
import re

from conftest import REPO


def test_readme_python_example_runs():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    out = io.StringIO()
    cwd = os.getcwd()
    try:
        os.chdir(REPO)
        with contextlib.redirect_stdout(out):
            exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    assert "sum:responses.total.year 247 243 4" in out.getvalue()


def test_readme_statements_example_prints_what_it_says():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", text, re.S) if ".statements" in b)
    block = "\n".join(line[2:] if line.startswith("  ") else line for line in block.splitlines())
    out = io.StringIO()
    cwd = os.getcwd()
    try:
        os.chdir(REPO)
        with contextlib.redirect_stdout(out):
            exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    printed = out.getvalue().splitlines()
    promised = [line.lstrip("# ").split("  ")[0].strip() for line in block.splitlines() if line.startswith("# ")]
    assert printed == promised
