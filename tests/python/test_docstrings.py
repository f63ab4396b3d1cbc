"""Docstrings: every public name of ``disclosure`` says what it does and shows it, and the examples
are true (each one is run here, from the repository root, as a user would run it)."""

from __future__ import annotations

import doctest
import pathlib
import types

import pytest

import disclosure

ROOT = pathlib.Path(__file__).resolve().parents[2]
NAMES = [n for n in disclosure.__all__ if not isinstance(getattr(disclosure, n), types.ModuleType)]


@pytest.fixture
def at_root(monkeypatch):
    """The examples read files relative to the repository root, and print messages in English."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("DISCLOSURE_LANG", raising=False)
    disclosure.set_language(None)
    yield
    disclosure.set_language(None)


def test_every_public_name_is_checked():
    assert len(NAMES) > 80
    assert sorted(set(NAMES)) == sorted(NAMES), "a name is listed twice in disclosure.__all__"


@pytest.mark.parametrize("name", NAMES)
def test_docstring_has_a_true_example(name, at_root):
    obj = getattr(disclosure, name)
    doc = obj.__doc__ or ""
    assert ">>>" in doc, f"disclosure.{name} has no example in its docstring"
    finder = doctest.DocTestFinder(recurse=False)
    tests = finder.find(obj, f"disclosure.{name}", globs={"disclosure": disclosure})
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    report: list[str] = []
    for test in tests:
        runner.run(test, out=report.append)
    results = runner.summarize(verbose=False)
    assert results.attempted > 0, f"disclosure.{name}: no example was run (all skipped?)"
    assert results.failed == 0, "".join(report)
