"""Extraction from published pages: the seed text, the real Pingtan pages, GBK input, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import disclosure

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "pages"
SEED_PAGE = ROOT / "examples" / "data" / "qiqihar-2018.txt"
sys.path.insert(0, str(ROOT / "tests"))
import extraction_accuracy  # noqa: E402


def _findings(reports):
    return sorted((f.report, f.rule, f.status.name, f.severity.name, str(f.lhs), str(f.rhs), str(f.cells), str(f.difference))
                  for f in disclosure.check_reports(reports))


def test_seed_text_extracts_to_the_hand_entered_reports_and_checks_alike():
    ex = disclosure.extract(SEED_PAGE)
    hand = disclosure.read_reports(ROOT / "examples" / "data" / "qiqihar-2018.json")
    got = {r.scope: r for r in ex.reports}
    assert set(got) == {"region", "own_level"}
    for want in hand:
        assert got[want.scope].values() == want.values()
        key = lambda s: (s["kind"], s["cell"], s["base"], str(s["value"]))  # noqa: E731
        assert sorted(map(key, got[want.scope].stated)) == sorted(map(key, want.stated))
    assert [r.id for r in ex.reports] == [r.id for r in hand]  # ids from the file name: qiqihar-2018-region, -own-level
    assert _findings(list(ex.reports)) == _findings(hand)  # every finding: rule, status, both sides, cells, difference


@pytest.fixture(scope="module")
def scores():
    s = [extraction_accuracy.score(n) for n in extraction_accuracy.names()]
    print("\n" + extraction_accuracy.table(s))
    return s


def test_accuracy_meets_the_targets_with_no_wrong_figure(scores):
    assert len(scores) == 11
    assert [w for s in scores for w in s.wrong] == []
    assert extraction_accuracy.misses_target(scores) == []
    template = [s for s in scores if s.kind == "template"]
    assert len(template) == 3 and all(s.share >= 0.95 for s in template)


@pytest.mark.parametrize("name", ["2018_pingtan_zonghe_shiyanqu", "2022_pingtan_zonghe_shiyanqu"])
def test_a_gbk_copy_gives_the_same_reports_as_the_utf8_original(name):
    text = (PAGES / name / "page.html").read_text(encoding="utf-8")
    utf8 = disclosure.extract(text.encode("utf-8"), id="x")
    gbk = disclosure.extract(text.encode("gb18030", errors="strict"), id="x")
    assert gbk.encoding == "gb18030" and utf8.encoding == "utf-8"
    assert disclosure.reports_to_json(list(gbk.reports)) == disclosure.reports_to_json(list(utf8.reports))
    assert [(f.cell, f.position) for f in gbk.placed] == [(f.cell, f.position) for f in utf8.placed]
    assert any("GB18030" in n for n in gbk.notes)  # the page declares utf-8


def test_cli_extract_writes_reports_that_read_back_and_check_reads_pages(tmp_path):
    out, figures = tmp_path / "seed.json", tmp_path / "figures.json"
    cli = [sys.executable, "-m", "disclosure"]
    r = subprocess.run(cli + ["extract", str(SEED_PAGE), "--output", str(out), "--figures", str(figures)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "2 report(s)" in r.stderr
    assert [x.scope for x in disclosure.read_reports(out)] == ["region", "own_level"]
    rows = json.loads(figures.read_text(encoding="utf-8"))
    assert {"placed", "unplaced"} == {x["status"] for x in rows}
    assert all(x["text"] for x in rows)
    r = subprocess.run(cli + ["check", "--format", "json", str(SEED_PAGE)], capture_output=True, text=True)
    assert r.returncode == 1  # the seed's 247 ≠ 243 is an error
    assert "sum:responses.total.year" in r.stdout


def test_undecodable_bytes_name_the_offset():
    with pytest.raises(disclosure.ParseError, match=r"page.html: byte 3"):
        disclosure.extract(b"abc\xff\xff\xff\x80", name="page.html")
