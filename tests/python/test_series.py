"""Series identity is one function of the core (``series_of``): the growth check of
``check_reports`` and the command line's ``yoy`` pair the same reports, on names taken as written."""

from __future__ import annotations

import json

import pytest

import disclosure
from disclosure import _core
from disclosure.cli import main

CITY = "齐齐哈尔市人民政府"
CASES = [  # (issuer, scope, series) of 2020, then of 2021, and whether they are one series
    ((CITY, "region", ""), (CITY, "region", ""), True),
    ((CITY, "region", ""), ("齐齐哈尔市", "region", ""), False),
    ((CITY, "region", ""), ("齐齐哈尔市\u3000人民政府", "region", ""), False),
    ((CITY, "region", ""), (CITY, "own_level", ""), False),
    ((CITY, "region", "qiqihar"), ("齐齐哈尔市", "region", "qiqihar"), True),
]


def two_years(a, b):
    out = []
    for (issuer, scope, series), year in ((a, 2020), (b, 2021)):
        r = disclosure.Report(disclosure.forms.ogi2019, f"r{year}", issuer=issuer, year=year, scope=scope)
        r.series = series
        r["applications.new.total"] = 100 if year == 2020 else 110
        out.append(r)
    return out


@pytest.mark.parametrize("a,b,same", CASES)
def test_yoy_groups_as_series_of_says(a, b, same, tmp_path, capsys):
    reports = two_years(a, b)
    assert (_core.series_of(reports[0]) == _core.series_of(reports[1])) is same
    path = tmp_path / "two.json"
    disclosure.write_reports(reports, str(path))
    assert main(["yoy", "--format", "json", str(path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    paired = {(row["series"], row["before_report"], row["after_report"]) for row in rows}
    assert paired == ({(_core.series_of(reports[1]), "r2020", "r2021")} if same else set())
