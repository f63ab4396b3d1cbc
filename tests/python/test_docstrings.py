"""Docstrings: every public name of ``disclosure`` and of its submodules says what it does and
shows it, and the examples are true (each one is run here, from the repository root, as a user
would run it) and use no deprecated name."""

from __future__ import annotations

import doctest
import importlib
import pathlib
import types
import warnings

import pytest

import disclosure

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODULES = ["", "forms", "io", "extraction", "rules", "checks", "frames", "panel", "text"]


def _names() -> list[str]:
    """Every public name once, under the first module that lists it (the top level first)."""
    seen: dict[int, str] = {}
    for module in MODULES:
        mod = importlib.import_module("disclosure" + (f".{module}" if module else ""))
        if module:
            seen.setdefault(id(mod), module)
        for name in mod.__all__:
            obj = getattr(mod, name)
            if isinstance(obj, types.ModuleType) or isinstance(obj, (dict, str)) or type(obj).__name__ == "Form":
                continue
            seen.setdefault(id(obj), f"{module}.{name}" if module else name)
    return list(seen.values())


NAMES = _names()


@pytest.fixture
def at_root(monkeypatch):
    """The examples read files relative to the repository root, and print messages in English."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("DISCLOSURE_LANG", raising=False)
    disclosure.set_language(None)
    yield
    disclosure.set_language(None)


def test_every_public_name_is_checked():
    assert len(NAMES) > 90
    assert sorted(set(NAMES)) == sorted(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_docstring_has_a_true_example(name, at_root):
    obj: object = disclosure
    for part in name.split("."):
        obj = getattr(obj, part)
    doc = obj.__doc__ or ""
    assert ">>>" in doc, f"disclosure.{name} has no example in its docstring"
    finder = doctest.DocTestFinder(recurse=False)
    tests = finder.find(obj, f"disclosure.{name}", globs={"disclosure": disclosure})
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    report: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)  # the examples show the names of this version
        for test in tests:
            runner.run(test, out=report.append)
    results = runner.summarize(verbose=False)
    assert results.attempted > 0, f"disclosure.{name}: no example was run (all skipped?)"
    assert results.failed == 0, "".join(report)
