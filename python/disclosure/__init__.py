"""disclosure: statistics and consistency checks for OGI annual reports (政府信息公开工作年度报告).

>>> import disclosure
>>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")   # doctest: +SKIP
>>> [f.message("en") for f in disclosure.check(reports[0]) if f.status == disclosure.Status.FAIL]  # doctest: +SKIP
['The requests answered stated is 247, but the outcome counts sum to 243: 4 short. ...']

The logic lives in the C++ core (``disclosure._core``); this package re-exports it and adds the
command line (``disclosure check``).
"""

from __future__ import annotations

from . import forms
from ._core import (
    Cell,
    CellKeyError,
    Error,
    Finding,
    Form,
    Missing,
    ParseError,
    Relation,
    Report,
    Rounding,
    Rule,
    RuleSet,
    Severity,
    Share,
    Status,
    builtin_form,
    builtin_form_keys,
    check_result_to_json,
    parse_reports,
    percent,
    read_reports,
    reports_to_json,
    scope_label,
    shares,
)

__version__ = "0.1.0"

__all__ = [
    "Cell", "CellKeyError", "Error", "Finding", "Form", "Missing", "ParseError", "Relation", "Report",
    "Rounding", "Rule", "RuleSet", "Severity", "Share", "Status", "builtin_form", "builtin_form_keys",
    "check", "check_result_to_json", "forms", "parse_reports", "percent", "read_reports",
    "reports_to_json", "scope_label", "shares",
]


def check(report: Report) -> list[Finding]:
    """Every rule of the report's form, evaluated on the report (a finding per rule)."""
    return RuleSet.for_form(report.form).check(report)
