"""The seed report (Qiqihar 2018), from Python: load, shares, checks."""

from decimal import Decimal
from fractions import Fraction

import disclosure
from disclosure import Missing, Rounding, Status


def test_load_both_scopes(seed_path):
    reports = disclosure.read_reports(str(seed_path))
    assert [r.scope for r in reports] == ["region", "own_level"]
    region, city = reports
    assert region["requests.total.year"] == 247
    assert city["requests.total.year"] == 99
    assert city.within == region.id
    # Not stated is not zero, and says so.
    assert city["requests.letter_fax.fax.year"] is Missing.not_stated
    assert city["requests.letter_fax.fax.year"] != 0


def test_shares_exact_rounded_and_stated(seed_path):
    region = disclosure.read_reports(str(seed_path))[0]
    channels = disclosure.shares(region, "requests.total.year", decimals=2, rounding=Rounding.half_up)
    outcomes = disclosure.shares(region, "responses.total.year")
    in_person = channels[0]
    assert in_person.part == "requests.in_person.year"
    assert in_person.fraction == Fraction(123, 247)
    assert in_person.percent == Decimal("49.80")
    assert in_person.stated == Decimal("49.79")
    # The report truncates: under truncation every printed channel share is reproduced.
    truncated = disclosure.shares(region, "requests.total.year", decimals=2, rounding=Rounding.truncate)
    for share in truncated:
        if share.stated is not None:
            assert share.percent == share.stated, share.part
    # The shares of the stated outcomes sum to 243/247, not 1: the gap is the inconsistency.
    assert sum(s.fraction for s in outcomes if s.fraction is not None) == Fraction(243, 247)


def test_checks_find_the_two_mismatches_and_pass_the_channels(seed_path):
    expected = {"qiqihar-2018-region": (247, 243), "qiqihar-2018-own-level": (99, 94)}
    for report in disclosure.read_reports(str(seed_path)):
        findings = {f.rule: f for f in disclosure.check(report)}
        outcomes = findings["sum:responses.total.year"]
        assert outcomes.status == Status.FAIL
        assert (outcomes.lhs, outcomes.rhs) == expected[report.id]
        assert outcomes.difference == expected[report.id][0] - expected[report.id][1]
        assert "responses.partially_granted.year" in outcomes.read_as_zero
        assert str(expected[report.id][1]) in outcomes.message("zh")
        channels = findings["sum:requests.total.year"]
        assert channels.status == Status.PASS
        assert channels.lhs == channels.rhs == report["requests.total.year"]
        # Where the 4 (and 5) requests went: a category left out, or one digit wrong.
        first = outcomes.suggestions[0]
        assert (first.cell, first.kind, first.from_value) == ("responses.partially_granted.year", "missing_category", Missing.not_stated)
        assert first.to == expected[report.id][0] - expected[report.id][1]
        errors = [f.rule for f in findings.values() if f.status == Status.FAIL and f.severity == disclosure.Severity.error]
        assert errors == ["sum:responses.total.year"]
        # The truncated percentages are one warning about the report's convention, not errors.
        convention = findings["percent:convention"]
        assert (convention.status, convention.severity) == (Status.FAIL, disclosure.Severity.warning)
        assert convention.rounding == {"decimals": 2, "mode": Rounding.truncate}


def test_percent_is_exact_under_each_policy():
    assert disclosure.checks.percent(123, 247, 2, Rounding.truncate) == Decimal("49.79")
    assert disclosure.checks.percent(123, 247, 2, Rounding.half_up) == Decimal("49.80")
    assert disclosure.checks.percent(1, 8, 0, Rounding.half_even) == 12
    assert disclosure.checks.percent("0.5", Decimal("2"), 1) == Decimal("25.0")
