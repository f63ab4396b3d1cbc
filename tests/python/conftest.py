"""Shared fixtures. The tests import the installed package, never python/ of the source tree."""

from __future__ import annotations

import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def seed_path() -> pathlib.Path:
    return REPO / "examples" / "data" / "qiqihar-2018.json"
