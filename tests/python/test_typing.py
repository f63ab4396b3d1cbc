"""Types: the stubs of the compiled core name everything it has, and mypy --strict accepts the
package, the examples and the notebook's code."""

from __future__ import annotations

import ast
import os
import pathlib
import subprocess
import sys

import nbformat
import pytest

import disclosure
from disclosure import _core

ROOT = pathlib.Path(__file__).resolve().parents[2]
STUBS = ROOT / "python" / "disclosure" / "_core.pyi"
# The examples type-checked in strict mode (each file is listed so that a new example is added on purpose).
EXAMPLES = [ROOT / "examples" / "quickstart.py", ROOT / "docs" / "make_plots.py"]


def test_package_ships_stubs_and_py_typed():
    here = pathlib.Path(disclosure.__file__).parent
    assert (here / "py.typed").exists()
    assert (here / "_core.pyi").read_text(encoding="utf-8") == STUBS.read_text(encoding="utf-8")


def test_stubs_name_everything_the_core_has():
    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    names = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    names |= {t.id for n in tree.body if isinstance(n, ast.AnnAssign) for t in [n.target] if isinstance(t, ast.Name)}
    public = {n for n in dir(_core) if not n.startswith("_")}
    assert public - names == set(), "scripts/make_stubs.py: the stubs miss these"
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    for name, node in classes.items():
        declared = {m.name for m in node.body if isinstance(m, ast.FunctionDef)}
        declared |= {t.target.id for t in node.body if isinstance(t, ast.AnnAssign) and isinstance(t.target, ast.Name)}
        declared |= {t.id for a in node.body if isinstance(a, ast.Assign) for t in a.targets if isinstance(t, ast.Name)}
        members = {m for m in vars(getattr(_core, name)) if not m.startswith("_")}
        assert members - declared == set(), f"{name}: the stubs miss these members"


def _mypy(args: list[str], cwd: pathlib.Path, cache: pathlib.Path) -> None:
    pytest.importorskip("mypy")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), *args], cwd=cwd,
                          capture_output=True, text=True, env={**os.environ, "MYPYPATH": ""})
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("mypy-cache")


def test_mypy_strict_on_the_examples_and_the_notebook(tmp_path, cache):
    """Against the installed package (run outside the source tree), as a user's code is checked."""
    nb = nbformat.read(ROOT / "examples" / "walkthrough.ipynb", as_version=4)
    code = "\n\n".join(c.source for c in nb.cells if c.cell_type == "code")
    notebook = tmp_path / "walkthrough.py"
    notebook.write_text(code + "\n", encoding="utf-8")
    _mypy([str(p) for p in EXAMPLES] + [str(notebook)], tmp_path, cache)


# The modules of the Python layer held to mypy --strict (each listed, so that a new module is added on purpose).
STRICT_MODULES = ["disclosure", "disclosure.analysis", "disclosure.cli", "disclosure.display", "disclosure.files", "disclosure.forms",
                  "disclosure.frames", "disclosure.language", "disclosure.pdf", "disclosure.pdf_limits", "disclosure.pdf_tables", "disclosure.pdf_text", "disclosure.plots",
                  "disclosure.progress", "disclosure.reference", "disclosure.io", "disclosure.rules", "disclosure.checks", "disclosure.extraction",
                  "disclosure.text", "disclosure._deprecated"]


def test_mypy_strict_on_the_package_source(cache):
    args = ["--follow-imports=silent"]
    for module in STRICT_MODULES:
        args += ["-m", module]
    _mypy(args, ROOT / "python", cache)


def test_quickstart_runs(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "examples" / "quickstart.py"), "--lang", "zh"], capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert "相差4" in done.stdout and "2 errors" in done.stdout
