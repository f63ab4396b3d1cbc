"""Panels and their batch checks from Python: equal to checking each report alone, every injected
error found, frames viewed without copying and round-tripped with every kind of missing."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import disclosure
from disclosure import Missing, Panel, Status, synthetic

from conftest import REPO

OGI2021_REPORTS = sorted((REPO / "tests" / "data" / "reports").glob("202[1-9]_*.json"))  # 2021 on: the ogi2021 template


def per_report(reports, rules):
    """(report index, rule index) → (status, lhs, rhs, read_as_zero, derived) of what did not pass."""
    out = {}
    for j, r in enumerate(reports):
        for i, f in enumerate(rules.check(r)):
            if f.status != Status.PASS:
                fail = f.status == Status.FAIL
                out[(j, i)] = (f.status.value, f.lhs if fail else None, f.rhs if fail else None, fail and bool(f.read_as_zero), fail and bool(f.derived))
    return out


def batch(result):
    a = result.arrays()
    out = {}
    for j, i, s, l, r, z, d, scale in zip(*(a[k].tolist() for k in ("report", "rule", "status", "lhs", "rhs", "read_as_zero", "derived", "scale"))):
        fail = s == Status.FAIL.value
        num = (lambda u: u if scale == 0 else Decimal(u).scaleb(-scale))
        out[(j, i)] = (s, num(l) if fail else None, num(r) if fail else None, bool(z), bool(d))
    return out


@pytest.fixture(scope="module")
def generated():
    return synthetic.ogi2021(3000, seed=8)


def test_batch_equals_each_report_checked_alone(generated):
    panel = generated.panel()
    reports = panel.reports()
    rules = disclosure.rules.RuleSet.for_form(panel.form)
    expected = per_report(reports, rules)
    for threads in (1, 2):
        assert batch(panel.check(threads=threads)) == expected
    statuses = {v[0] for v in expected.values()}
    assert {Status.FAIL.value, Status.NOT_ASSESSABLE.value} <= statuses
    assert any(v[3] for v in expected.values())  # missing parts read as 0 occur


def test_every_injected_error_is_found(generated):
    panel = generated.panel()
    result = panel.check()
    findings = result.findings_frame()
    assert len(generated.injected) > 100
    assert set(generated.injected["kind"]) == set(synthetic.ERROR_RATES)
    by_report = {rid: g for rid, g in findings.groupby("report")}
    for rep, cell, kind in generated.injected[["report", "cell", "kind"]].itertuples(index=False):
        got = by_report.get(panel.ids[rep])
        assert got is not None, (kind, rep, cell)
        # The failing rule involves the injected cell: its full finding names it as evidence.
        hit = False
        for idx in got.index:
            full = result.finding(int(idx))
            if any(k == cell for k, _side, _v in full.cells):
                hit = True
                expected = Status.NOT_ASSESSABLE if kind == "table_dashed" else Status.FAIL
                assert full.status == expected, (kind, rep, cell, full.rule)
                if kind == "blank_part":
                    assert cell in full.read_as_zero
        assert hit, (kind, rep, cell)


def test_counts_per_rule_and_report_agree_with_the_findings(generated):
    result = generated.panel().check()
    findings = result.findings_frame()
    per_rule = result.counts_per_rule
    assert (per_rule["passes"] + per_rule["fails"] + per_rule["not_assessable"] + per_rule["errors"] == len(result.panel)).all()
    assert per_rule["fails"].sum() == (findings["status"] == "FAIL").sum()
    per_report = result.counts_per_report
    fails = findings[findings["status"] == "FAIL"].groupby("report").size()
    assert (per_report.loc[fails.index, "fails"] == fails).all()
    assert per_report["fails"].sum() == fails.sum()
    # Far smaller than the data: a finding per non-pass, none per pass.
    assert len(result) < 0.1 * len(result.panel) * len(result.rule_ids)


def test_a_frame_is_viewed_without_copying_and_round_trips_every_missing_kind(generated):
    panel = generated.panel()
    frame = panel.to_frame()
    assert np.shares_memory(frame.to_numpy(), panel.values)
    missing = panel.missing_frame()
    assert set(missing["kind"]) == {"blank", "dash", "slash"}
    back = Panel.from_frame(frame, missing, panel.meta_frame())
    assert back == panel
    assert np.shares_memory(back.values, panel.values)
    assert not panel.values.flags.writeable
    # A dash, a blank, a slash and 0 stay apart.
    kinds = {panel.value(c, int(r[1:])) for r, c in missing[["report", "cell"]].itertuples(index=False)}
    assert {Missing.blank, Missing.dash, Missing.slash} <= kinds
    zero = np.argwhere(panel.values == 0)[0]
    assert panel.value(panel.form.cell_list()[zero[0]].key, int(zero[1])) in (0, Missing.blank, Missing.dash, Missing.slash)


def test_a_hand_made_frame_with_gaps_and_decimals():
    form = disclosure.forms.ogi2021
    frame = pd.DataFrame({"applications.new.total": pd.array([3, None], dtype="Int64"), "applications.new.natural_person": [3, 2],
                          "fees.fees.amount": [Decimal("1.5"), "2"]}, index=["a", "b"])
    panel = Panel.from_frame(frame, form=form)
    assert panel.value("applications.new.total", 0) == 3
    assert panel.value("applications.new.total", 1) == Missing.not_stated
    assert panel.value("applications.carried_over.total", 0) == Missing.not_stated  # not in the frame
    assert panel.value("fees.fees.amount", 0) == Decimal("1.5")
    assert panel.to_frame().loc["a", "fees.fees.amount"] == 1_500_000  # in millionths, as attrs["decimals"] says
    with pytest.raises(disclosure.CellKeyError, match="closest"):
        Panel.from_frame(pd.DataFrame({"applications.new.totl": [1]}), form=form)
    with pytest.raises(disclosure.Error, match="report 'a', cell 'applications.new.total'.*cannot be negative"):
        Panel.from_frame(pd.DataFrame({"applications.new.total": [-1]}, index=["a"]), form=form)


def test_real_reports_as_a_panel_check_as_they_do_alone():
    reports = [r for p in OGI2021_REPORTS for r in disclosure.read_reports(p) if r.form.key == "ogi2021"]
    assert len(reports) >= 4
    panel = Panel.from_reports(reports)
    # Cells and metadata come back; decimals at the cell's scale (9116.36 as 9116.360000: equal numbers, the printed digits are not kept).
    for j, r in enumerate(reports):
        back = panel.report(j)
        assert back.values() == r.values() and (back.id, back.issuer, back.year, back.scope) == (r.id, r.issuer, r.year, r.scope)
    rules = disclosure.rules.RuleSet.for_form(panel.form)
    assert batch(panel.check()) == per_report(reports, rules)
    frame = panel.check().findings_frame()
    assert set(frame["issuer"]) <= {r.issuer for r in reports}



def _unit(rid, issuer, year, new, within=""):
    r = disclosure.Report(disclosure.forms.ogi2021, rid, issuer, year, "region", within)
    r["applications.new.natural_person"] = new
    r["applications.new.total"] = new
    return r


def test_districts_sum_into_their_city_and_the_city_is_checked_against_them():
    reports = [_unit("city", "市", 2021, 20), _unit("d1", "一区", 2021, 8, "city"), _unit("d2", "二区", 2021, 15, "city")]
    reports[1]["applications.carried_over.total"] = Missing.dash
    reports[2]["applications.carried_over.total"] = Missing.dash
    reports[2]["applications.carried_forward.total"] = Missing.slash  # and not stated in d1: no common kind
    panel = Panel.from_reports(reports)
    groups = panel.group_sum("within")
    assert groups.sums.ids == ["", "city"]
    assert groups.sums.value("applications.new.total", 1) == 23
    assert groups.sums.value("applications.carried_over.total", 1) == Missing.dash
    assert groups.sums.value("applications.carried_forward.total", 1) == Missing.not_stated
    assert groups.members == [[0], [1, 2]]
    frame = panel.check_children().findings_frame()
    assert frame[["report", "rule", "status", "lhs", "rhs"]].values.tolist() == [
        ["city", "children-sum:applications.new.total", "FAIL", 23, 20],
        ["city", "children-sum:applications.new.natural_person", "FAIL", 23, 20]]
    by_year = panel.group_sum("year").sums
    assert by_year.ids == ["2021"] and by_year.value("applications.new.total", 0) == 43


def test_cross_year_checks_over_a_panel_of_years():
    reports = []
    for year, over, forward in ((2021, 1, 2), (2022, 5, 3), (2023, 3, 1)):
        r = _unit(f"a{year}", "A", year, 4)
        r["applications.carried_over.total"] = over
        r["applications.carried_forward.total"] = forward
        reports.append(r)
    findings = Panel.from_reports(reports).check_years()
    fails = [(f.report, f.rule, f.lhs, f.rhs) for f in findings if f.status == Status.FAIL]
    assert fails == [("a2022", "carry-over:applications.carried_over.total", 5, 2)]


def test_a_panel_from_files_and_a_missing_frame_with_codes():
    panel = Panel.read(OGI2021_REPORTS)
    assert len(panel) == len(OGI2021_REPORTS) and panel.form.key == "ogi2021"
    missing = panel.missing_frame()
    assert len(missing) > 0
    coded = missing.assign(kind=[Missing[k].value for k in missing["kind"]])
    assert Panel.from_frame(panel.to_frame(), coded, panel.meta_frame()) == panel
    with pytest.raises(disclosure.Error, match="'smudged' is not a kind of missing"):
        Panel.from_frame(panel.to_frame(), missing.assign(kind="smudged"))
    with pytest.raises(disclosure.Error, match="names report 'nowhere'"):
        Panel.from_frame(panel.to_frame(), missing.assign(report="nowhere"))


def test_a_panel_viewing_an_array_keeps_it_alive_with_the_gil_held():
    """The panel holds the array it views; the reference is taken while the GIL is held (the
    module is built with pybind11's check that reference counts change only under the GIL, so
    taking it after releasing the GIL raised)."""
    import gc
    import sys

    form = disclosure.forms.ogi2008
    values = np.arange(len(form.cell_list()) * 3, dtype=np.int64).reshape(len(form.cell_list()), 3)
    before = sys.getrefcount(values)
    panel = Panel.from_array(form, values)
    assert sys.getrefcount(values) == before + 1  # one reference, held by the panel
    expected = values.copy()
    del values
    gc.collect()
    assert np.array_equal(panel.values, expected)  # viewed, not copied, and still alive
    del panel
    gc.collect()
