"""The README's panel example runs as printed."""

import re

from conftest import REPO


def test_readme_panel_example_runs():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "Panel" in b)
    scope: dict = {}
    exec(compile(block, "README.md", "exec"), scope)
    assert len(scope["result"].findings_frame()) == len(scope["result"]) > 0
