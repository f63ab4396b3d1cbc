"""Reports from Python: values, missing kinds, errors, JSON round trips."""

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import disclosure
from disclosure import Missing

FORM = disclosure.forms.ogi2008
KEYS = [c.key for c in FORM.cell_list()]


def test_missing_kinds_survive_a_round_trip():
    r = disclosure.Report(FORM, "x", issuer="某县人民政府", year=2016, scope="region")
    r["requests.total.year"] = 10
    r["requests.letter_fax.fax.year"] = 0
    r["requests.letter_fax.letter.year"] = Missing.blank
    r["requests.online.year"] = Missing.dash
    r["requests.email.year"] = Missing.slash
    r["requests.other.year"] = Missing.not_applicable
    back = disclosure.io.parse_reports(disclosure.io.reports_to_json([r]))[0]
    assert back == r
    assert back["requests.letter_fax.fax.year"] == 0
    assert back["requests.letter_fax.letter.year"] is Missing.blank
    assert back["requests.email.year"] is Missing.slash
    assert back["requests.in_person.year"] is Missing.not_stated
    assert back.values() == {
        "requests.total.year": 10, "requests.letter_fax.fax.year": 0, "requests.online.year": Missing.dash,
        "requests.letter_fax.letter.year": Missing.blank, "requests.email.year": Missing.slash, "requests.other.year": Missing.not_applicable,
    }


def test_bad_values_are_refused_with_the_cell():
    r = disclosure.Report(FORM, "x")
    with pytest.raises(ValueError, match="requests.total.*whole numbers"):
        r["requests.total.year"] = Decimal("1.5")
    with pytest.raises(ValueError, match="floats are not exact"):
        r["requests.total.year"] = 1.0
    with pytest.raises(ValueError, match="cannot be negative"):
        r["requests.total.year"] = -1
    with pytest.raises(KeyError, match="closest: requests.total.year"):
        r["requests.totl.year"] = 1
    assert r["requests.total.year"] is Missing.not_stated


def test_file_errors_name_file_and_path(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"reports": [{"id": "a", "form": "ogi2008", "values": {"requests.total.year": 1.5}}]}', encoding="utf-8")
    with pytest.raises(disclosure.ParseError, match=r'bad\.json: \$\["reports"\]\[0\]\["values"\]\["requests.total.year"\]'):
        disclosure.read_reports(str(bad))
    with pytest.raises(disclosure.ParseError, match="cannot open"):
        disclosure.read_reports(str(tmp_path / "nope.json"))
    assert issubclass(disclosure.ParseError, ValueError)


values = st.one_of(
    st.integers(min_value=0, max_value=2**53),
    st.sampled_from([Missing.blank, Missing.dash, Missing.slash, Missing.not_applicable]),
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), values), st.integers(1990, 2100), st.text(max_size=20))
def test_json_round_trip_is_lossless(cells, year, issuer):
    r = disclosure.Report(FORM, "gen", issuer=issuer, year=year, scope="agency")
    for key, value in cells.items():
        r[key] = value
    text = disclosure.io.reports_to_json([r])
    back = disclosure.io.parse_reports(text)[0]
    assert back == r
    assert back.values() == r.values()
    assert json.loads(text)["format"] == "disclosure/reports@1"
