"""One text renderer (disclosure.text): the command line's text output and the repr of the
findings are the same lines, in both languages, with and without --all."""

from __future__ import annotations

import pathlib

import pytest

import disclosure
from disclosure import cli

ROOT = pathlib.Path(__file__).resolve().parents[2]
FILES = [ROOT / "examples" / "data" / "qiqihar-2018.json", ROOT / "tests" / "data" / "pages" / "2012_pingtan_county" / "page.html"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_the_command_line_prints_what_the_repr_shows(path, lang, capsys):
    status = cli.main(["check", str(path), "--lang", lang])
    out = capsys.readouterr().out
    reports = disclosure.read_reports(path) if path.suffix == ".json" else disclosure.extract(path).reports
    findings = disclosure.check_reports(reports)
    findings.lang = lang
    assert out == repr(findings) + "\n"
    assert status == (1 if any(f.status == disclosure.Status.FAIL and f.severity.name == "error" for f in findings) else 0)
    assert disclosure.text.findings_text(findings, reports, lang) == out


def test_all_lists_the_not_assessable_ones_as_show_all_does(capsys):
    cli.main(["check", str(FILES[0]), "--all"])
    out = capsys.readouterr().out
    reports = disclosure.read_reports(FILES[0])
    findings = disclosure.check_reports(reports)
    assert out == disclosure.text.findings_text(findings, reports, "en", show_all=True)
    assert out.count("\n  n/a ") == findings.counts()["NOT_ASSESSABLE"]


def test_a_failure_carries_its_evidence_in_both():
    region = disclosure.read_reports(FILES[0])[0]
    text = repr(disclosure.check(region).failed)
    assert "= 247 == 243, difference 4" in text
    assert "responses.partially_granted.year=<not_stated>" in text
    assert "→ partly disclosed (this year) is not stated; with 4 everything adds up" in text


def test_the_repr_is_capped_and_says_so():
    findings = disclosure.check_reports(disclosure.read_reports(FILES[0]))
    capped = disclosure.text.findings_text(findings, findings.reports, "en", max_rows=2)
    assert capped.count("more not listed") == 2
    heads = [line for line in capped.splitlines() if line.startswith("  FAIL") or line.startswith("  pass")]
    assert len(heads) == 4


def test_without_reports_each_report_is_named_by_its_id():
    findings = disclosure.check_reports(disclosure.read_reports(FILES[0]))
    plain = disclosure.Findings(list(findings))
    lines = repr(plain).splitlines()
    assert lines[0] == "qiqihar-2018-region"
    assert "qiqihar-2018-own-level" in lines
    assert lines[-1] == "2 reports: 6 failed (2 of severity error), 49 passed, 175 not assessable, 0 errors."


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_shares_command_prints_what_the_repr_shows(lang, capsys):
    cli.main(["shares", str(FILES[0]), "--lang", lang])
    out = capsys.readouterr().out
    expected = ""
    for report in disclosure.read_reports(FILES[0]):
        breakdowns = disclosure.shares(report)
        breakdowns.lang = lang
        expected += repr(breakdowns) + "\n\n"
    assert out == expected
    cli.main(["shares", str(FILES[0]), "--lang", lang, "--base", "requests.total.year"])
    one = capsys.readouterr().out.split("\n")
    region = disclosure.read_reports(FILES[0])[0]
    channels = disclosure.shares(region, "requests.total.year")
    channels.lang = lang
    assert one[1:1 + len(channels) + 1] == ["  " + line for line in repr(channels).split("\n")]
