"""Statements (what a report's text enumerates) through every file format, and the corpus of many
publishers: the development half held at the level reached, with no false alarm."""

from __future__ import annotations

import importlib.util
import pathlib
import sys

import pytest

import disclosure

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEV = sorted((ROOT / "tests" / "data" / "corpus" / "dev").glob("*.txt"))


def _accuracy():
    spec = importlib.util.spec_from_file_location("corpus_accuracy", ROOT / "tests" / "corpus_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_accuracy"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _readable(paths):
    for p in paths:
        try:
            yield p, disclosure.extract(p)
        except disclosure.ParseError:
            continue  # a traditional-character mirror is refused, and says why


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_statements_survive_a_file_round_trip(tmp_path, suffix):
    reports = [r for _, ex in _readable(DEV) for r in ex.reports]
    assert sum(len(r.statements) for r in reports) >= 20
    path = tmp_path / ("corpus" + suffix)
    disclosure.write_reports(reports, path)
    back = disclosure.read_reports(path)
    assert [r.statements for r in back] == [r.statements for r in reports]
    assert back == reports


def test_a_statement_keeps_its_words_counts_shares_and_links():
    ex = disclosure.extract(ROOT / "tests" / "data" / "corpus" / "dev" / "2010_meihekou_xinghua_township.txt")
    [s] = ex.reports[0].statements
    assert (s.total.label, s.total.count, s.total.link) == ("全乡累计主动公开政府信息", 65, ["proactive.total.cumulative"])
    assert [(p.label, p.count, p.share) for p in s.parts] == [("网上公开信息", 20, 30), ("兴华乡政务公开揭示板上公开", 45, 75)]
    assert s.connective == "其中" and not s.complete and s.where.startswith("paragraph")
    assert "65条" in s.text


def test_the_development_half_finds_what_a_reader_finds_and_raises_no_false_alarm():
    tally = _accuracy().score_half("dev")
    assert tally.reports >= 20 and len(tally.publishers) >= 15
    assert not tally.false_alarms, tally.false_alarms
    # Issue 13's target is 95%; reached so far: 14 of 15 (the one left is an info-level list whose
    # total stands in another section).
    assert tally.found / tally.inconsistencies >= 0.9, tally.not_found
    assert len(tally.wrong) <= 1, tally.wrong


def test_the_second_development_half_raises_no_false_alarm_nor_unexpected_warning():
    tally = _accuracy().score_half("dev2")
    assert tally.reports >= 20 and len(tally.publishers) >= 20
    assert not tally.false_alarms, tally.false_alarms
    assert not tally.unexpected_warnings, tally.unexpected_warnings
    assert tally.found >= 4, tally.not_found  # of 6: reached when the half was first developed on
