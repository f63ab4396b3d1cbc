"""Reports to and from DataFrames, long and wide: every value, every kind of missing, every unit
and the metadata come back; a missing number is never 0."""

from __future__ import annotations

import pathlib
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import disclosure
from disclosure import Missing

ROOT = pathlib.Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "tests" / "data" / "reports").glob("*.json")) + [ROOT / "examples" / "data" / "qiqihar-2018.json"]
KINDS = [Missing.blank, Missing.dash, Missing.slash, Missing.not_applicable]


def everything(r: disclosure.Report) -> tuple:
    """All a frame must keep: metadata, each stated value with its type, each kind of missing, each unit."""
    values = r.values()
    return (r.id, r.form.key, r.issuer, r.year, r.scope, r.within, r.series, values,
            {k: type(v) for k, v in values.items()}, {k: r.unit(k) for k in values})


@pytest.fixture(scope="module")
def real():
    return [r for path in FILES for r in disclosure.read_reports(path)]


def test_long_frame_round_trip_of_every_real_report(real):
    frame = disclosure.frames.reports_frame(real)
    assert list(frame.columns) == disclosure.frames.LONG_COLUMNS
    back = disclosure.frames.reports_from_frame(frame)
    assert [everything(r) for r in back] == [everything(r) for r in real]
    # a report that states nothing keeps a row
    empty = next(r for r in real if not r.values())
    assert (frame.report == empty.id).sum() == 1
    seed = frame[frame.report == "qiqihar-2018-region"].set_index("key")
    assert seed.loc["requests.total.year", "value"] == 247 and pd.isna(seed.loc["requests.total.year", "missing"])


def test_wide_frames_round_trip_of_every_real_report(real):
    for form in ("ogi2008", "ogi2019", "ogi2021"):
        reports = [r for r in real if r.form.key == form]
        wide = disclosure.frames.reports_wide(reports)
        assert list(wide.values.columns) == [c.key for c in reports[0].form.cell_list()]
        assert list(wide.values.index) == [r.id for r in reports]
        back = disclosure.frames.reports_from_wide(*wide)
        assert [everything(r) for r in back] == [everything(r) for r in reports]
        assert [r.source for r in back] == [r.source for r in reports]


def test_wide_values_are_numbers_and_missing_kinds_stay_apart_from_zero():
    form = disclosure.forms.ogi2021
    a = disclosure.Report(form, "a", issuer="甲", year=2022, scope="region")
    b = disclosure.Report(form, "b", issuer="乙", year=2022, scope="agency")
    cells = ["applications.new.total", "applications.new.natural_person", "applications.carried_over.total", "applications.carried_forward.total",
             "applications.outcome.granted.total", "applications.outcome.partial.total"]
    for key, value in zip(cells, [0, Missing.blank, Missing.dash, Missing.slash, Missing.not_applicable, 7]):
        a[key] = value
    a["fees.fees.amount"] = Decimal("24252.311082")
    b["applications.new.total"] = 3
    values, missing, meta, units = disclosure.frames.reports_wide([a, b])
    assert str(values["applications.new.total"].dtype) == "Int64"
    assert values["applications.new.total"].sum() == 3  # 0 + 3; nothing else is counted
    assert values.loc["a", "fees.fees.amount"] == Decimal("24252.311082")
    kinds = missing.set_index(["report", "cell"])["kind"]
    assert kinds[("a", "applications.new.natural_person")] == "blank"
    assert kinds[("a", "applications.carried_over.total")] == "dash"
    assert kinds[("a", "applications.carried_forward.total")] == "slash"
    assert kinds[("a", "applications.outcome.granted.total")] == "not_applicable"
    assert kinds[("b", "applications.new.natural_person")] == "not_stated"
    assert ("a", "applications.new.total") not in kinds.index  # 0 is a number
    assert values[cells[1:5]].loc["a"].isna().all()
    assert list(missing["kind"].cat.categories) == ["not_stated", "blank", "dash", "slash", "not_applicable"]
    assert meta.loc["b", "scope"] == "agency"
    back = disclosure.frames.reports_from_wide(values, missing, meta, units)
    assert [everything(r) for r in back] == [everything(r) for r in (a, b)]


def test_panel_style_frames_are_read_too():
    """A Panel's frames hold 0 where a cell is missing and list the kind apart; decimals in their smallest unit."""
    form = disclosure.forms.ogi2021
    values = pd.DataFrame({"applications.new.total": [5, 0], "fees.fees.amount": [1_500_000, 0]},
                          index=pd.Index(["p", "q"], name="report"))
    values.attrs = {"form": "ogi2021", "decimals": {"fees.fees.amount": 6}}
    missing = pd.DataFrame({"report": ["q", "q"], "cell": ["applications.new.total", "fees.fees.amount"], "kind": ["dash", "blank"]})
    p, q = disclosure.frames.reports_from_wide(values, missing)
    assert p["applications.new.total"] == 5 and p["fees.fees.amount"] == Decimal("1.5")
    assert q["applications.new.total"] is Missing.dash and q["fees.fees.amount"] is Missing.blank
    assert p.form == form


def test_frames_refuse_what_is_not_exact_or_not_said():
    frame = disclosure.frames.reports_frame(disclosure.read_reports(FILES[-1]))
    broken = frame.copy()
    broken.loc[0, "value"] = pd.NA
    with pytest.raises(disclosure.Error, match="row 0 .* no value and no kind of missing"):
        disclosure.frames.reports_from_frame(broken)
    both = frame.copy()
    both["missing"] = both["missing"].astype(object)
    both.loc[0, "missing"] = "blank"
    with pytest.raises(disclosure.Error, match="both a value"):
        disclosure.frames.reports_from_frame(both)
    wide = disclosure.frames.reports_wide(disclosure.read_reports(FILES[-1]))
    floats = wide.values.astype(object)
    floats.loc["qiqihar-2018-region", "requests.total.year"] = 247.0
    with pytest.raises(disclosure.Error, match="floats are not exact"):
        disclosure.frames.reports_from_wide(floats, wide.missing, wide.meta)
    with pytest.raises(disclosure.Error, match="one wide frame per form"):
        disclosure.frames.reports_wide(disclosure.read_reports(FILES[-1]) + disclosure.read_reports(ROOT / "tests" / "data" / "reports" / "2021_pingtan_zonghe_shiyanqu.json"))
    bad = wide.missing.copy()
    bad.loc[0, "cell"] = "requests.totl.year"
    with pytest.raises(KeyError, match="requests.total.year"):
        disclosure.frames.reports_from_wide(wide.values, bad, wide.meta)


FORM = disclosure.forms.ogi2021
KEYS = [c.key for c in FORM.cell_list()]


@st.composite
def reports(draw):
    out = []
    for i in range(draw(st.integers(1, 4))):
        r = disclosure.Report(FORM, f"r{i}", issuer=draw(st.text(max_size=5)), year=draw(st.integers(2000, 2030)),
                              scope=draw(st.sampled_from(["", "region", "agency"])))
        for key in draw(st.lists(st.sampled_from(KEYS), max_size=30, unique=True)):
            cell = FORM.cell(key)
            if draw(st.booleans()):
                r[key] = draw(st.sampled_from(KINDS))
            elif cell.decimals:
                r[key] = Decimal(draw(st.integers(0, 10**12))).scaleb(-cell.decimals)
                if draw(st.booleans()):
                    r.set_unit(key, "元")
            else:
                lo = -(10**6) if cell.allow_negative else 0
                r[key] = draw(st.integers(lo, 2**53))
        out.append(r)
    return out


@settings(max_examples=60, deadline=None)
@given(reports())
def test_round_trips_keep_every_value_and_kind(rs):
    wide = disclosure.frames.reports_wide(rs)
    assert [everything(r) for r in disclosure.frames.reports_from_wide(*wide)] == [everything(r) for r in rs]
    assert [everything(r) for r in disclosure.frames.reports_from_frame(disclosure.frames.reports_frame(rs))] == [everything(r) for r in rs]
    assert [everything(r) for r in disclosure.frames.reports_from_frame(disclosure.frames.reports_frame(rs, all_cells=True))] == [everything(r) for r in rs]


def test_shares_wide_and_findings_matrix(real):
    pingtan = [r for r in real if r.series == "pingtan" and r.form.key == "ogi2008"]
    shares = disclosure.frames.shares_wide(real[-2:], "requests.total.year", 2, disclosure.Rounding.truncate)
    assert shares.loc["qiqihar-2018-region", "requests.in_person.year"] == Decimal("49.79")
    assert pd.isna(shares.loc["qiqihar-2018-region", "requests.email.year"])
    matrix = disclosure.frames.findings_matrix(disclosure.check_reports(real))
    assert matrix.loc["qiqihar-2018-region", "sum:responses.total.year"] == "FAIL"
    assert matrix.loc["pingtan-county-2012", "sum:produced.total"] == "FAIL"
    assert pd.isna(matrix.loc["pingtan-2021", "sum:produced.total"])  # not a rule of that form
    assert len(pingtan) >= 4


def test_readme_frames_example_runs(monkeypatch):
    import re

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "reports_wide" in b)
    monkeypatch.chdir(ROOT)
    scope: dict = {}
    exec(compile(block, "README.md", "exec"), scope)
    assert [everything(r) for r in scope["reports21"]] == [everything(r) for r in scope["reports"] if r.form.key == "ogi2021"]
