"""A page a mirror converted to traditional characters: read back in simplified ones with OpenCC
(the test extra installs it), refused with the way out without it."""

from __future__ import annotations

import pathlib

import pytest

import disclosure

# 北京市信访办 2009, as a big5 gateway served it (tests/data/corpus/dev): 信息 became 資訊.
PAGE = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "corpus" / "dev" / "2009_beijing_xinfangban.txt"


def test_a_traditional_page_is_read_after_conversion():
    pytest.importorskip("opencc")
    ex = disclosure.extract(PAGE)
    [report] = ex.reports
    assert report["proactive.total.year"] == 19
    assert disclosure.traditional.NOTE in report.source["note"]
    # "在主动公开的信息中，机构职能类信息3条，占总体比例的15.79%…": shares of the 19 named before them.
    [s] = [s for s in report.statements if s.base_words]
    assert s.base.count == 19 and [str(p.share) for p in s.parts] == ["15.79", "84.21"]
    shares = [f for f in disclosure.check(report) if f.rule.startswith("statement-share:")]
    assert shares and all(f.status == disclosure.Status.PASS for f in shares)


def test_without_opencc_the_refusal_says_how_to_read_it(without_opencc):
    with pytest.raises(disclosure.ParseError, match=r"traditional characters.*pip install disclosure\[traditional\]"):
        disclosure.extract(PAGE)
