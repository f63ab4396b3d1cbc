"""Plots return their matplotlib objects and draw what the data says; the docs pictures come from a script."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import matplotlib
import pytest

matplotlib.use("Agg")

import disclosure  # noqa: E402
from disclosure.plots import HEATMAP_COLOURS, plot_findings, plot_series, plot_shares  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "reports"


@pytest.fixture(scope="module")
def narrative():
    return [r for p in sorted(DATA.glob("*.json")) for r in disclosure.read_reports(p) if r.form.key == "ogi2008"]


def test_findings_heatmap_is_reports_by_rules(narrative):
    findings = disclosure.check_reports(narrative)
    fig, ax = plot_findings(findings, reports=narrative)
    grid = ax.images[0].get_array()
    rules = [t.get_text() for t in ax.get_xticklabels()]
    assert grid.shape == (len(narrative), len(rules))
    assert [t.get_text() for t in ax.get_yticklabels()] == [r.id for r in narrative]
    codes = ax.codes
    matrix = disclosure.frames.findings_matrix(findings)
    for i, r in enumerate(narrative):
        for j, rule in enumerate(rules):
            status = matrix.loc[r.id, rule] if rule in matrix.columns else None
            code = codes[int(grid[i, j])]
            if status is None or str(status) == "nan":
                assert code == ""
            elif status == "FAIL":
                severity = next(f.severity.name for f in findings if f.report == r.id and f.rule == rule)
                assert code == f"FAIL {severity}"
            else:
                assert code == status
    # only rules that fail somewhere, by default; each of them fails at least once
    assert all(any(codes[int(grid[i, j])].startswith("FAIL") for i in range(len(narrative))) for j in range(len(rules)))
    assert codes[int(grid[[r.id for r in narrative].index("pingtan-county-2012"), rules.index("sum:produced.total")])] == "FAIL error"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "fails (error)" in legend and "passes" in legend
    _, every = plot_findings(findings, all_rules=True, lang="zh")
    assert every.images[0].get_array().shape[1] == len({f.rule for f in findings})
    assert "各报告" in every.get_title()
    assert set(HEATMAP_COLOURS) >= {"FAIL error", "PASS", "NOT_ASSESSABLE", ""}


def test_series_marks_years_without_a_number():
    pingtan = [r for p in sorted(DATA.glob("*_pingtan_zonghe_shiyanqu.json")) for r in disclosure.read_reports(p)]
    fig, ax = plot_series(pingtan, "proactive.total.year")
    xs, ys = ax.lines[0].get_data()
    assert list(xs) == [2011, 2012, 2015, 2017, 2018, 2019, 2021, 2022]
    assert list(ys[:5]) == [425, 739, 2949, 2122, 2069]
    assert all(y != y for y in ys[5:])  # gaps, never 0
    notes = [t.get_text() for t in ax.texts]
    assert notes.count("not on the form") == 3
    blank = disclosure.Report(disclosure.forms.ogi2008, "b", year=2013)
    blank["proactive.total.year"] = disclosure.Missing.dash
    _, ax = plot_series(pingtan[:2] + [blank], "proactive.total.year", lang="zh")
    assert "dash" in [t.get_text() for t in ax.texts]
    assert ax.get_title().startswith("主动公开政府信息数（本年度）")


@pytest.fixture(params=["installed", "none"])
def cjk(request, monkeypatch):
    """Each Chinese-label test runs with the machine's CJK font and as if none were installed."""
    if request.param == "none":
        monkeypatch.setattr(disclosure.plots, "_cjk", ["sans-serif"])
    return request.param


def test_plots_draw_into_a_given_axes(seed_path, cjk, narrative):
    import matplotlib.pyplot as plt

    _, ax = plot_findings(disclosure.check_reports(narrative[:3]), reports=narrative[:3], lang="zh")
    assert ax.get_legend() is not None and ax.get_title().startswith("各报告各规则")
    region, _ = disclosure.read_reports(seed_path)
    fig, axes = plt.subplots(1, 2)
    got_fig, got_ax = plot_shares(region, "requests.total.year", ax=axes[1], lang="zh")
    assert got_fig is fig and got_ax is axes[1]
    assert [t.get_text() for t in got_ax.get_yticklabels()] == ["当面申请（本年度）", "网络申请（本年度）", "信函、传真申请（本年度）"]


def test_docs_pictures_are_made_by_the_committed_script(tmp_path):
    script = ROOT / "docs" / "make_plots.py"
    assert script.exists()
    for name in ("shares.png", "series.png", "findings.png"):
        assert (ROOT / "docs" / "plots" / name).stat().st_size > 5000
        assert f"docs/plots/{name}" in (ROOT / "README.md").read_text(encoding="utf-8")
