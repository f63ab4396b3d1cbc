"""Findings and shares as text: the one renderer behind the text output of ``disclosure check``
and ``disclosure shares`` and the ``repr`` of :class:`disclosure.Findings`,
:class:`disclosure.Shares` and :class:`disclosure.Breakdowns`, so the command line and a
notebook say the same thing.

Each report's findings come under a line naming it, failures first (errors, then warnings, then
information), each with its evidence under it: both sides and the difference, every cell with
its value (a missing one as ``<not_stated>``, ``<blank>`` …), and the single edits that would fix
it. Not-assessable findings are named on one line unless asked for; a line of counts ends it.

>>> import disclosure
>>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> text = disclosure.text.findings_text(disclosure.check_reports(reports), reports)
>>> print(text.splitlines()[-1])
2 reports: 6 failed (2 of severity error), 49 passed, 175 not assessable, 0 errors.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Iterable, Optional, Sequence

from . import _core
from ._core import Finding, Form, Report, Share, Status
from .language import resolve

__all__ = ["findings_text", "finding_lines", "counts_line", "shares_text", "breakdown_lines", "shown", "width", "clip", "pad", "STATUS_WORDS",
           "SEVERITY_WORDS"]

STATUS_WORDS = {
    "en": {"PASS": "pass", "FAIL": "FAIL", "NOT_ASSESSABLE": "n/a", "ERROR": "ERROR"},
    "zh": {"PASS": "通过", "FAIL": "不符", "NOT_ASSESSABLE": "无法核对", "ERROR": "出错"},
}
SEVERITY_WORDS = {
    "en": {"error": "error", "warning": "warning", "info": "info"},
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
}
_STATUS_ORDER = {"FAIL": 0, "ERROR": 1, "NOT_ASSESSABLE": 2, "PASS": 3}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
EVIDENCE_CELLS = 6  # cells listed per side before "… (n more)"
SUGGESTIONS = 3  # single edits listed per finding before "n more"
LABEL_COLUMNS = 48  # labels of parts are cut to this many terminal columns, so that the numbers stay in view


def width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two.

    >>> disclosure.text.width("申请 ok")
    7
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, columns: int) -> str:
    """``text`` cut to ``columns`` terminal columns: its start and its end, with … between
    (labels differ at both ends: "（三）不予公开 3.危及…（法人或其他组织 商业企业）").

    >>> disclosure.text.clip("requests received (this year)", 16)
    'requests…s year)'
    """
    if width(text) <= columns:
        return text
    head_columns = columns * 11 // 20
    head = ""
    for ch in text:
        if width(head + ch) > head_columns:
            break
        head += ch
    tail = ""
    for ch in reversed(text[len(head):]):
        if width(head) + 1 + width(ch + tail) > columns:
            break
        tail = ch + tail
    return head + "…" + tail


def pad(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns.

    >>> disclosure.text.pad("不符", 6) + "|"
    '不符  |'
    """
    return text + " " * max(0, columns - width(text))


def shown(value: object) -> str:
    """A value as text: a number as printed, a kind of missing as ``<blank>``, ``<dash>`` …, None as —.

    >>> [disclosure.text.shown(v) for v in (4, disclosure.Missing.dash, None)]
    ['4', '<dash>', '—']
    """
    if isinstance(value, _core.Missing):
        return f"<{value.name}>"
    if value is None:
        return "—"
    return str(value)


def _evidence_cells(f: Finding) -> str:
    """The cells of a finding, side by side: ``lhs: a=1; rhs: b=2 + c=<blank> + …``."""
    sides: dict[str, list[str]] = {"lhs": [], "rhs": []}
    for key, side, value in f.cells:
        sides[side].append(f"{key}={shown(value)}")
    parts = []
    for side, cells in sides.items():
        if cells:
            more = f" + … ({len(cells) - EVIDENCE_CELLS} more)" if len(cells) > EVIDENCE_CELLS else ""
            parts.append(f"{side}: " + " + ".join(cells[:EVIDENCE_CELLS]) + more)
    return "; ".join(parts)


def finding_lines(f: Finding, lang: Optional[str] = None, rule_width: int = 0) -> list[str]:
    """One finding: status, severity, rule and message on a line; for a failure or an error its
    evidence under it (sides, difference, cells) and the single edits that would fix it.

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> for line in disclosure.text.finding_lines(disclosure.check(city).failed[0], "en")[:2]:  # doctest: +ELLIPSIS
    ...     print(line)
      FAIL     error   sum:responses.total.year  requests answered (this year): 99 stated, but the outcome counts sum to 94 (5 short). ...
                                                 = 99 == 94, difference 5
    """
    lang = resolve(lang)
    status = f.status.name
    severity = SEVERITY_WORDS[lang][f.severity.name] if status == "FAIL" else ""
    lines = [f"  {pad(STATUS_WORDS[lang][status], 8)} {pad(severity, 7)} {f.rule:<{rule_width}}  {f.message(lang)}"]
    if status not in ("FAIL", "ERROR") or f.rule == "locate":
        return lines
    indent = f"  {'':8} {'':7} {'':<{rule_width}}  "
    if f.lhs is not None and f.rule != "percent:convention":  # there the sides count percentages, not cells
        diff = "" if f.difference is None else (f"，差{f.difference}" if lang == "zh" else f", difference {f.difference}")
        lines.append(f"{indent}= {shown(f.lhs)} {f.comparison} {shown(f.rhs)}{diff}")
    if f.cells:
        lines.append(f"{indent}  {_evidence_cells(f)}")
    for s in f.suggestions[:SUGGESTIONS]:
        lines.append(f"{indent}→ {s.message(lang)}")
    more = len(f.suggestions) - SUGGESTIONS
    if more > 0:
        lines.append(indent + (f"→ 另有{more}种单处改动也可使之相符" if lang == "zh" else f"→ {more} more single edits would also fix it"))
    return lines


def counts_line(findings: Sequence[Finding], lang: Optional[str] = None) -> str:
    """How many failed (of severity error), passed, were not assessable and were errors.

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> disclosure.text.counts_line(disclosure.check(region), "zh")
    '3项不符（其中错误1项），17项通过，79项无法核对，0项出错'
    """
    lang = resolve(lang)
    counts = Counter(f.status.name for f in findings)
    errors = sum(1 for f in findings if f.status == Status.FAIL and f.severity.name == "error")
    if lang == "zh":
        return (f"{counts['FAIL']}项不符（其中错误{errors}项），{counts['PASS']}项通过，"
                f"{counts['NOT_ASSESSABLE']}项无法核对，{counts['ERROR']}项出错")
    return (f"{counts['FAIL']} failed ({errors} of severity error), {counts['PASS']} passed, "
            f"{counts['NOT_ASSESSABLE']} not assessable, {counts['ERROR']} error{'' if counts['ERROR'] == 1 else 's'}")


def _heading(report_id: str, report: Optional[Report], lang: str) -> str:
    if report is None:
        return report_id
    scope = _core.scope_label(report.scope, lang) if report.scope else ""
    return f"{report.issuer} {report.year} · {scope} ({report.id}, {report.form.key})"


def _report_lines(rows: list[Finding], lang: str, show_all: bool, max_rows: Optional[int]) -> list[str]:
    """The lines of one report's findings, failures first; not-assessable ones named on one line
    unless ``show_all``; at most ``max_rows`` findings listed."""
    rows = sorted(rows, key=lambda f: (_STATUS_ORDER[f.status.name], _SEVERITY_ORDER[f.severity.name]))
    listed = [f for f in rows if show_all or f.status != Status.NOT_ASSESSABLE]
    hidden = [f for f in rows if not show_all and f.status == Status.NOT_ASSESSABLE]
    cut = listed[max_rows:] if max_rows is not None else []
    listed = listed[:max_rows] if max_rows is not None else listed
    rule_width = max((len(f.rule) for f in listed), default=0)
    lines = [line for f in listed for line in finding_lines(f, lang, rule_width)]
    if cut:
        lines.append("  " + (f"另有{len(cut)}项未列出" if lang == "zh" else f"… {len(cut)} more not listed"))
    if hidden:
        words = STATUS_WORDS[lang]["NOT_ASSESSABLE"]
        names = ", ".join(f.rule for f in hidden[:3]) + (", …" if len(hidden) > 3 else "")
        if lang == "zh":
            lines.append(f"  {pad(words, 8)} {len(hidden)}项缺少数值（--all 列出原因）：{names}")
        else:
            lines.append(f"  {pad(words, 8)} {len(hidden)} rules lack a number (--all lists why): {names}")
    return lines


def findings_text(findings: Sequence[Finding], reports: Optional[Iterable[Report]] = None, lang: Optional[str] = None,
                  show_all: bool = False, max_rows: Optional[int] = None) -> str:
    """The findings as ``disclosure check`` prints them: under each report (in the order of
    ``reports``, else of the findings) its findings, failures first with their evidence; then the
    counts. ``show_all`` lists each not-assessable finding; ``max_rows`` caps the findings listed
    per report.

    >>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> print(disclosure.text.findings_text(disclosure.check_reports(reports), reports, max_rows=1))  # doctest: +ELLIPSIS
    齐齐哈尔市人民政府 2018 · whole administrative region (qiqihar-2018-region, ogi2008)
      FAIL     error   sum:responses.total.year  requests answered (this year): 247 stated, ...
    ...
      … 19 more not listed
      n/a      79 rules lack a number (--all lists why): sum:produced.total, ...
    ...
    2 reports: 6 failed (2 of severity error), 49 passed, 175 not assessable, 0 errors.
    <BLANKLINE>
    """
    lang = resolve(lang)
    by_report: dict[str, list[Finding]] = {}
    for f in findings:
        by_report.setdefault(f.report, []).append(f)
    known = {r.id: r for r in reports} if reports is not None else {}
    order = list(known) if reports is not None else list(by_report)
    lines: list[str] = []
    for report_id in order:
        lines.append(_heading(report_id, known.get(report_id), lang))
        lines += _report_lines(by_report.get(report_id, []), lang, show_all, max_rows)
        lines.append("")
    n = len(order)
    if lang == "zh":
        lines.append(f"共{n}份报告：{counts_line(findings, lang)}。")
    else:
        lines.append(f"{n} report{'' if n == 1 else 's'}: {counts_line(findings, lang)}.")
    return "\n".join(lines) + "\n"


def _label(form: Optional[Form], key: str, lang: str) -> str:
    if form is None or key not in form:
        return key
    cell = form.cell(key)
    return str(cell.label_zh if lang == "zh" else cell.label_en)


def breakdown_lines(shares: Sequence[Share], form: Optional[Form] = None, lang: Optional[str] = None) -> list[str]:
    """One breakdown: its base with its value, then each part with its value, the exact
    fraction, the rounded percentage and the one the report states.

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> for line in disclosure.text.breakdown_lines(disclosure.shares(region, "staff.total"), region.form, "zh"):
    ...     print(line)
    从事政府信息公开工作人员数 (staff.total) = 165
      专职人员   26   26/165    15.76%
      兼职人员  139  139/165    84.24%
    """
    lang = resolve(lang)
    if not shares:
        return []
    labels = [clip(_label(form, s.part, lang), LABEL_COLUMNS) for s in shares]
    label_width = max(width(label) for label in labels)
    value_width = max(len(shown(s.part_value)) for s in shares)
    fraction_width = max(len("" if s.fraction is None else str(s.fraction)) for s in shares)
    lines = [f"{_label(form, shares[0].base, lang)} ({shares[0].base}) = {shown(shares[0].base_value)}"]
    for s, label in zip(shares, labels):
        percent = f"{s.percent}%" if s.percent is not None else f"— ({s.why_absent})"
        stated = (("  报告所述 " if lang == "zh" else "  stated ") + f"{s.stated}%") if s.stated is not None else ""
        derived = ("  （由分项推得）" if lang == "zh" else "  (part derived from its stated parts)") if s.part_derived else ""
        fraction = "" if s.fraction is None else str(s.fraction)
        lines.append(f"  {pad(label, label_width)}  {shown(s.part_value):>{value_width}}  {fraction:>{fraction_width}}  {percent:>8}{stated}{derived}")
    return lines


def shares_text(report: Report, breakdowns: Iterable[Sequence[Share]], lang: Optional[str] = None) -> str:
    """A report's breakdowns as ``disclosure shares`` prints them: the report, then each breakdown.

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> print(disclosure.text.shares_text(region, [disclosure.shares(region, "staff.total")]))
    齐齐哈尔市人民政府 2018 · whole administrative region (qiqihar-2018-region, ogi2008)
      staff working on OGI (staff.total) = 165
        full-time   26   26/165    15.76%
        part-time  139  139/165    84.24%
    <BLANKLINE>
    <BLANKLINE>
    """
    lang = resolve(lang)
    lines = [_heading(report.id, report, lang)]
    for shares in breakdowns:
        lines += ["  " + line for line in breakdown_lines(shares, report.form, lang)]
    return "\n".join(lines + [""]) + "\n"
