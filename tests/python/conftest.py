"""Shared fixtures. The tests import the installed package, never python/ of the source tree."""

from __future__ import annotations

import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def seed_path() -> pathlib.Path:
    return REPO / "examples" / "data" / "qiqihar-2018.json"


@pytest.fixture
def without_opencc(monkeypatch):
    """As if OpenCC were not installed (the test extra installs it): traditional pages are refused."""
    import builtins

    real_import = builtins.__import__

    def no_opencc(name, *args, **kwargs):
        if name == "opencc":
            raise ImportError("no opencc here")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_opencc)
