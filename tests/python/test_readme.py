"""The README's Python examples run as printed, from the repository root."""

import contextlib
import io
import os
import re

from conftest import REPO


def _run(block: str) -> str:
    """What a README code block prints when run from the repository root."""
    out = io.StringIO()
    cwd = os.getcwd()
    try:
        os.chdir(REPO)
        with contextlib.redirect_stdout(out):
            exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    return out.getvalue()


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)


def test_readme_python_example_runs():
    assert "sum:responses.total.year 247 243 4" in _run(_blocks()[0])


def test_readme_statements_example_prints_what_it_says():
    block = next(b for b in _blocks() if ".statements" in b)
    block = "\n".join(line[2:] if line.startswith("  ") else line for line in block.splitlines())
    printed = _run(block).splitlines()
    promised = [line.lstrip("# ").split("  ")[0].strip() for line in block.splitlines() if line.startswith("# ")]
    assert printed == promised
