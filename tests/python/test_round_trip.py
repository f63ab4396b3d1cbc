"""Nothing lost: generated reports — numbers, every missing kind, decimals, stated figures and
extras — read back equal from JSON and from CSV files, and a write that fails leaves the old file
as it was (written whole or not at all)."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import disclosure
from disclosure import Missing

FORM = disclosure.forms.ogi2008
COUNT_KEYS = ["requests.total.year", "requests.in_person.year", "responses.granted.cumulative", "staff.total", "review.upheld.year"]
MONEY_KEYS = ["funding.special", "fees.collected"]  # 万元, up to 6 decimals
MISSING = st.sampled_from([Missing.blank, Missing.dash, Missing.slash, Missing.not_applicable])
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)

counts = st.one_of(st.integers(min_value=0, max_value=2**53), MISSING)
money = st.one_of(st.decimals(min_value=0, max_value=10**6, places=6, allow_nan=False, allow_infinity=False), MISSING)
stated = st.tuples(st.sampled_from(["percentage", "total", "growth_rate"]), st.sampled_from(COUNT_KEYS),
                   st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False), TEXT,
                   st.integers(-1, 10**6))
extras = st.tuples(TEXT.filter(lambda s: s.strip() != ""), st.one_of(st.integers(0, 10**9), MISSING), TEXT, TEXT)


@st.composite
def reports(draw):
    r = disclosure.Report(FORM, draw(st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)), issuer=draw(TEXT),
                          year=draw(st.integers(1990, 2100)), scope=draw(st.sampled_from(["region", "own_level", "agency", "县直部门"])))
    for key, value in draw(st.dictionaries(st.sampled_from(COUNT_KEYS), counts)).items():
        r[key] = value
    for key, value in draw(st.dictionaries(st.sampled_from(MONEY_KEYS), money)).items():
        r[key] = value
    for kind, cell, value, text, position in draw(st.lists(stated, max_size=4)):
        base = "requests.total.year" if kind == "percentage" and cell != "requests.total.year" else ""
        if kind == "percentage" and not base:
            continue
        r.add_stated(kind, cell, str(value), base=base, text=text, position=position)
    for label, value, unit, text in draw(st.lists(extras, max_size=3)):
        r.add_extra(label, value, unit=unit, text=text)
    return r


@settings(max_examples=150, deadline=None)
@given(st.lists(reports(), min_size=1, max_size=3, unique_by=lambda r: r.id))
def test_json_and_csv_round_trips_keep_everything(tmp_path_factory, rs):
    folder = tmp_path_factory.mktemp("rt")
    for suffix in ("json", "csv"):
        path = folder / f"reports.{suffix}"
        disclosure.write_reports(rs, path)
        back = disclosure.read_reports(path)
        assert back == rs, suffix
        for a, b in zip(back, rs):
            assert a.values() == b.values()
            assert a.stated == b.stated and a.extras == b.extras


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "reports.json"
    seed = disclosure.read_reports(os.path.join(os.path.dirname(__file__), "..", "..", "examples", "data", "qiqihar-2018.json"))
    disclosure.write_reports(seed[:1], path)
    before = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        disclosure.write_reports(seed, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports.json"]
