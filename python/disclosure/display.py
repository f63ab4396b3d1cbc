"""Rich display in Jupyter (``_repr_html_``) and plain ``repr`` for forms, reports, findings and shares.

The compiled classes' ``_repr_html_`` and ``__repr__`` call the functions here
(python/python_methods.hpp); findings as text come from :mod:`disclosure.text`, as on the
command line.

Each HTML view is capped in size (``max_rows`` rows per table or group, default
:data:`MAX_ROWS`), says how much it left out, and has the same content as text (``repr``):

- a **form** as its printed tables, empty;
- a **report** laid out like the printed table (rows indented by level, the columns of table 三
  under their group), every value exact, each kind of missing shown as itself (never as 0),
  the cells of failing checks marked and the cells a single edit would fix outlined, with the
  messages as tooltips;
- **findings** grouped by severity, each with its evidence: both sides, the difference, every
  cell with its value, the parts read as 0, the subtotals derived, and the single edits that
  would fix it; not-assessable and passed checks folded;
- **shares** as a table of parts with the exact fraction, the rounded and the stated percentage.

>>> import disclosure
>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")  # doctest: +SKIP
>>> html = disclosure.display.report_html(region, lang="zh")                  # doctest: +SKIP
"""

from __future__ import annotations

import html
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Iterable, Optional, Sequence, SupportsIndex, Union, overload

from . import _core
from ._core import Cell, Category, Finding, Form, Missing, Report, Share, Status, Table
from .language import pick, resolve
from .text import SEVERITY_WORDS, STATUS_WORDS, breakdown_lines, clip, counts_line, findings_text, pad, shares_text, shown, width

if TYPE_CHECKING:
    import pandas

__all__ = ["Findings", "Shares", "Breakdowns", "MAX_ROWS", "form_html", "report_html", "findings_html", "finding_html", "shares_html",
           "table_html", "form_repr", "report_repr", "finding_repr", "share_repr", "cell_label"]

#: Rows shown per table or group before the rest is summarised.
MAX_ROWS = 60

_CSS = """<style>
.disclosure table{border-collapse:collapse;font-size:12px;margin:4px 0}
.disclosure th,.disclosure td{border:1px solid #ccc;padding:2px 6px;vertical-align:top}
.disclosure th{background:#f3f3f3;font-weight:600;text-align:center}
.disclosure td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.disclosure td.label{text-align:left}
.disclosure tr.group td.label{font-style:italic;color:#555}
.disclosure td.nocell{background:#eee}
.disclosure td.missing{color:#888;font-style:italic}
.disclosure td.fail{background:#fbd5d5}
.disclosure td.suspect{outline:2px dashed #d62728;outline-offset:-3px}
.disclosure .sev-error{color:#b00020;font-weight:600}
.disclosure .sev-warning{color:#a15c00;font-weight:600}
.disclosure .sev-info{color:#1f5fa8;font-weight:600}
.disclosure .bar{display:inline-block;height:9px;background:#4c72b0;vertical-align:middle}
.disclosure .note{color:#666;font-size:11px}
.disclosure ul{margin:0;padding-left:16px}
</style>"""

_MISSING_WORDS = {
    "zh": {"not_stated": "", "blank": "（空白）", "dash": "—", "slash": "/", "not_applicable": "不适用"},
    "en": {"not_stated": "", "blank": "(blank)", "dash": "—", "slash": "/", "not_applicable": "n/a"},
}
_MISSING_TITLES = {
    "zh": {"not_stated": "未填报", "blank": "空白", "dash": "填“—”", "slash": "填“/”", "not_applicable": "不适用"},
    "en": {"not_stated": "not stated", "blank": "printed blank", "dash": "printed “—”", "slash": "printed “/”", "not_applicable": "not applicable"},
}
Number = Union[int, Decimal]
Value = Union[int, Decimal, Missing]


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def cell_label(form: Form, key: str, lang: Optional[str] = None) -> str:
    """The printed label of a cell of ``form`` (or the key itself when the form has no such cell)."""
    if key not in form:
        return key
    cell = form.cell(key)
    return cell.label_zh if resolve(lang) == "zh" else cell.label_en


def _label(obj: Union[Category, Table, Cell, Form, _core.Dimension], lang: str) -> str:
    return str(obj.label_zh if lang == "zh" else obj.label_en)


def _more(left_out: int, lang: str, hint: str = "") -> str:
    if left_out <= 0:
        return ""
    return f'<p class="note">{_e(pick(lang, f"另有{left_out}项未列出", f"… {left_out} more not shown"))}{_e(hint)}</p>'


# ---------------------------------------------------------------- tables laid out as printed


def _nodes(root: Category) -> list[tuple[str, Category, int]]:
    """The categories of a dimension in printed order: (path as in cell keys, category, depth)."""
    out: list[tuple[str, Category, int]] = [(root.key, root, 0)]

    def walk(category: Category, prefix: Optional[str], depth: int) -> None:
        for child in category.children:
            path = child.key if prefix is None else f"{prefix}.{child.key}"
            out.append((path, child, depth))
            walk(child, path, depth + 1)

    walk(root, None, 1)
    return out


def _table_cells(form: Form, table: Table) -> dict[tuple[str, str], Cell]:
    return {(c.row, c.column): c for c in form.cell_list() if c.key.split(".", 1)[0] == table.key}


def _header(table: Table, columns: list[tuple[str, Category, int]], lang: str) -> str:
    """Column headers of a table whose columns are all on one level (or of a one-column table)."""
    row_head = f"<th>{_e(_label(table.rows, lang))}</th>"
    if table.columns is None:
        return "<tr>" + row_head + f"<th>{_e(table.unit)}</th></tr>"
    return "<tr>" + row_head + "".join(f"<th>{_e(_label(c, lang))}</th>" for _, c, _ in columns) + "</tr>"


def _group_header(table: Table, columns: list[tuple[str, Category, int]], lang: str) -> str:
    """Column headers when a group heading (法人或其他组织) has no cell of its own: the heading spans its parts."""
    if table.columns is None or not any(depth >= 2 for _, _, depth in columns):
        return _header(table, columns, lang)
    parents = {path: category for path, category, _ in _nodes(table.columns.root)}
    first: list[str] = []
    second: list[str] = []
    i = 0
    while i < len(columns):
        path, category, depth = columns[i]
        if depth < 2:
            j = i + 1
            while j < len(columns) and columns[j][0].startswith(path + "."):
                j += 1
            if j == i + 1:
                first.append(f"<th rowspan=2>{_e(_label(category, lang))}</th>")
            else:
                first.append(f"<th colspan={j - i}>{_e(_label(category, lang))}</th>")
                second.append(f"<th>{_e(pick(lang, '小计', 'subtotal'))}</th>")
                second.extend(f"<th>{_e(_label(c, lang))}</th>" for _, c, _ in columns[i + 1 : j])
            i = j
            continue
        # parts of a heading without a cell: the heading spans them
        head = path.rsplit(".", 1)[0]
        j = i
        while j < len(columns) and columns[j][0].startswith(head + "."):
            j += 1
        heading = parents.get(head)
        first.append(f"<th colspan={j - i}>{_e(_label(heading, lang) if heading is not None else head)}</th>")
        second.extend(f"<th>{_e(_label(c, lang))}</th>" for _, c, _ in columns[i:j])
        i = j
    return "<tr><th rowspan=2>" + _e(_label(table.rows, lang)) + "</th>" + "".join(first) + "</tr><tr>" + "".join(second) + "</tr>"


def _value_cell(value: Value, lang: str, classes: list[str], titles: list[str]) -> str:
    if isinstance(value, Missing):
        classes = classes + ["missing"]
        titles = titles[:1] + [_MISSING_TITLES[lang][value.name]] + titles[1:]
        text = _MISSING_WORDS[lang][value.name]
    else:
        classes = classes + ["num"]
        text = str(value)
    title = f' title="{_e(chr(10).join(titles))}"' if titles else ""
    return f'<td class="{" ".join(classes)}"{title}>{_e(text)}</td>'


def table_html(
    form: Form,
    table: Table,
    report: Optional[Report] = None,
    lang: Optional[str] = None,
    fails: Optional[dict[str, list[str]]] = None,
    suspects: Optional[dict[str, list[str]]] = None,
    max_rows: int = MAX_ROWS,
) -> str:
    """One table of a form as printed: rows down, columns across; with a report's values when given."""
    lang = resolve(lang)
    cells = _table_cells(form, table)
    column_paths = {col for _, col in cells}
    if table.columns is None:
        columns: list[tuple[str, Category, int]] = []
        keys_of_columns = [""]
    else:
        columns = [n for n in _nodes(table.columns.root) if n[0] in column_paths]
        keys_of_columns = [path for path, _, _ in columns]
    row_paths = {row for row, _ in cells}
    rows = [n for n in _nodes(table.rows.root) if n[0] in row_paths or (n[1].derived and n[2] > 0)]
    body: list[str] = []
    for path, category, depth in rows[:max_rows]:
        indent = f' style="padding-left:{6 + 14 * max(0, depth - 1)}px"'
        if path not in row_paths:
            body.append(f'<tr class="group"><td class="label"{indent}>{_e(_label(category, lang))}</td>'
                        + "".join('<td class="nocell"></td>' for _ in keys_of_columns) + "</tr>")
            continue
        tds = [f'<td class="label"{indent} title="{_e(path)}">{_e(_label(category, lang))}</td>']
        for column in keys_of_columns:
            cell = cells.get((path, column))
            if cell is None:
                tds.append('<td class="nocell"></td>')
                continue
            if report is None:
                tds.append(f'<td class="note">{_e(cell.key)}</td>')
                continue
            classes: list[str] = []
            titles = [cell.key]
            if fails and cell.key in fails:
                classes.append("fail")
                titles += fails[cell.key]
            if suspects and cell.key in suspects:
                classes.append("suspect")
                titles += suspects[cell.key]
            value = report[cell.key]
            unit = report.unit(cell.key)
            if unit != cell.unit and not isinstance(value, Missing):
                titles.append(pick(lang, f"单位：{unit}", f"unit: {unit}"))
            tds.append(_value_cell(value, lang, classes, titles))
        body.append("<tr>" + "".join(tds) + "</tr>")
    head = _group_header(table, columns, lang)
    caption = f"<caption style='text-align:left;font-weight:600'>{_e(_label(table, lang))}" + (
        f" <span class='note'>({_e(table.unit)})</span>" if table.unit else "") + "</caption>"
    return f"<table>{caption}<thead>{head}</thead><tbody>{''.join(body)}</tbody></table>" + _more(len(rows) - max_rows, lang)


# ---------------------------------------------------------------- forms


def form_html(form: Form, lang: Optional[str] = None, max_rows: int = MAX_ROWS) -> str:
    """A form as its printed tables (folded), with the key of every cell."""
    lang = resolve(lang)
    parts = [f"<div class='disclosure'>{_CSS}<b>{_e(_label(form, lang))}</b> <code>{_e(form.key)}</code> · "
             + _e(pick(lang, f"{len(form)}个单元格，{len(form.tables)}张表", f"{len(form)} cells in {len(form.tables)} tables"))]
    for table in form.tables:
        n = sum(1 for c in form.cell_list() if c.key.split(".", 1)[0] == table.key)
        parts.append(f"<details><summary><code>{_e(table.key)}</code> {_e(_label(table, lang))} "
                     f"<span class='note'>({_e(pick(lang, f'{n}格', f'{n} cells'))})</span></summary>"
                     + table_html(form, table, None, lang, max_rows=max_rows) + "</details>")
    return "".join(parts) + "</div>"


def form_repr(form: Form) -> str:
    tables = ", ".join(t.key for t in form.tables)
    return f"<Form {form.key}: {len(form)} cells in {len(form.tables)} tables ({tables}) — {form.label_en}>"


# ---------------------------------------------------------------- reports


def _marks(report: Report, findings: Iterable[Finding], lang: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    fails: dict[str, list[str]] = {}
    suspects: dict[str, list[str]] = {}
    prefix = report.id + ":"
    for f in findings:
        if f.status != Status.FAIL or (f.report and f.report != report.id):
            continue
        if f.rule != "locate":
            for key, _, _ in f.cells:
                key = key[len(prefix):] if key.startswith(prefix) else key
                if key in report.form:
                    fails.setdefault(key, []).append(f"{f.rule}: {f.message(lang)}")
        for s in f.suggestions:
            key = s.cell[len(prefix):] if s.cell.startswith(prefix) else s.cell
            if key in report.form:
                text = s.message(lang)
                if text not in suspects.get(key, []):
                    suspects.setdefault(key, []).append(text)
    return fails, suspects


def _title(report: Report, lang: str) -> str:
    scope = _core.scope_label(report.scope, lang) if report.scope else ""
    return f"{report.issuer} {report.year or ''} · {scope}".strip(" ·")


def report_html(report: Report, findings: Optional[Sequence[Finding]] = None, lang: Optional[str] = None, max_rows: int = MAX_ROWS) -> str:
    """A report laid out like its printed tables, failing cells marked. ``findings`` default to
    ``disclosure.check(report)``; tables with no stated cell are listed by name only."""
    lang = resolve(lang)
    if findings is None:
        findings = _core.check(report)
    fails, suspects = _marks(report, findings, lang)
    stated = set(report.values())
    head = (f"<b>{_e(_title(report, lang))}</b> <code>{_e(report.id)}</code> <code>{_e(report.form.key)}</code><br>"
            f"<span class='note'>{_e(pick(lang, '填报', 'stated'))} {len(stated)}/{len(report.form)} · {_e(counts_line(findings, lang))}"
            + (f" · <a href='{_e(report.source['url'])}'>{_e(pick(lang, '来源', 'source'))}</a>" if report.source.get("url") else "") + "</span>")
    parts = [f"<div class='disclosure'>{_CSS}{head}"]
    empty: list[str] = []
    for table in report.form.tables:
        keys = [c.key for c in report.form.cell_list() if c.key.split(".", 1)[0] == table.key]
        if not any(k in stated for k in keys):
            empty.append(_label(table, lang))
            continue
        parts.append(table_html(report.form, table, report, lang, fails, suspects, max_rows))
    if empty:
        parts.append(f"<p class='note'>{_e(pick(lang, '未填报的表：', 'Tables with nothing stated: '))}{_e('; '.join(empty))}</p>")
    legend = pick(lang, "红底：不符的核对所涉单元格；虚线框：改动一处即可相符的单元格；悬停看说明。空白、“—”、“/”与0各不相同。",
                  "Red: cells of a failing check; dashed: a single edit there would fix it; hover for the messages. "
                  "Blank, “—”, “/” and 0 are different facts.")
    parts.append(f"<p class='note'>{_e(legend)}</p></div>")
    return "".join(parts)


def report_repr(report: Report) -> str:
    stated = len(report.values())
    scope = f", {report.scope}" if report.scope else ""
    return f"<Report {report.id} ({report.form.key}, {report.issuer} {report.year}{scope}): {stated} of {len(report.form)} cells stated>"


# ---------------------------------------------------------------- findings


def _evidence(f: Finding, lang: str) -> str:
    items = "".join(f"<li><code>{_e(k)}</code> ({_e(side)}) = {_e(shown(v))}</li>" for k, side, v in f.cells[:12])
    if len(f.cells) > 12:
        items += f"<li>… {len(f.cells) - 12}</li>"
    extra = ""
    if f.read_as_zero:
        extra += f"<div class='note'>{_e(pick(lang, '按0计：', 'read as 0: '))}{_e(', '.join(f.read_as_zero))}</div>"
    if f.derived:
        extra += f"<div class='note'>{_e(pick(lang, '由分项推得：', 'derived from parts: '))}{_e(', '.join(f.derived))}</div>"
    return f"<ul>{items}</ul>{extra}"


def _suggestions(f: Finding, lang: str) -> str:
    if not f.suggestions:
        return ""
    shown_ = f.suggestions[:3]
    more = len(f.suggestions) - len(shown_)
    items = "".join(f"<li>{_e(s.message(lang))}</li>" for s in shown_)
    if more > 0:
        items += f"<li class='note'>{_e(pick(lang, f'另有{more}种', f'{more} more'))}</li>"
    return f"<ul>{items}</ul>"


def _finding_rows(findings: Sequence[Finding], lang: str, with_report: bool) -> str:
    rows = []
    for f in findings:
        sev = f.severity.name
        report = f"<td><code>{_e(f.report)}</code></td>" if with_report else ""
        rows.append(
            f"<tr>{report}<td><code>{_e(f.rule)}</code><div class='note'>{_e(f.basis['kind'])}</div></td>"
            f"<td class='num'>{_e(shown(f.lhs))}</td><td>{_e(f.comparison)}</td><td class='num'>{_e(shown(f.rhs))}</td>"
            f"<td class='num'>{_e(shown(f.difference))}</td>"
            f"<td class='label'><span class='sev-{sev}'>{_e(SEVERITY_WORDS[lang][sev])}</span> {_e(f.message(lang))}{_suggestions(f, lang)}</td>"
            f"<td class='label'>{_evidence(f, lang)}</td></tr>")
    return "".join(rows)


def _finding_table(findings: Sequence[Finding], lang: str, with_report: bool, max_rows: int) -> str:
    report = f"<th>{_e(pick(lang, '报告', 'report'))}</th>" if with_report else ""
    head = (f"<tr>{report}<th>{_e(pick(lang, '规则', 'rule'))}</th><th>{_e(pick(lang, '左边', 'lhs'))}</th><th></th>"
            f"<th>{_e(pick(lang, '右边', 'rhs'))}</th><th>{_e(pick(lang, '差', 'difference'))}</th>"
            f"<th>{_e(pick(lang, '说明', 'message'))}</th><th>{_e(pick(lang, '依据', 'evidence'))}</th></tr>")
    return f"<table><thead>{head}</thead><tbody>{_finding_rows(findings[:max_rows], lang, with_report)}</tbody></table>" + _more(
        len(findings) - max_rows, lang, pick(lang, "（findings_frame() 列出全部）", " (findings_frame() has them all)"))


def findings_html(findings: Sequence[Finding], lang: Optional[str] = None, max_rows: int = MAX_ROWS) -> str:
    """Findings grouped by severity (failures first, each with its evidence); errors of the
    checks themselves next; not-assessable and passed checks folded, with their reasons."""
    lang = resolve(lang)
    reports = sorted({f.report for f in findings})
    with_report = len(reports) > 1
    parts = [f"<div class='disclosure'>{_CSS}<b>{_e(pick(lang, f'{len(findings)}项核对', f'{len(findings)} findings'))}</b>"
             + (f" · {_e(pick(lang, f'{len(reports)}份报告', f'{len(reports)} reports'))}" if with_report else "")
             + f" · {_e(counts_line(findings, lang))}"]
    for severity in ("error", "warning", "info"):
        group = [f for f in findings if f.status == Status.FAIL and f.severity.name == severity]
        if group:
            parts.append(f"<h4 class='sev-{severity}' style='margin:8px 0 2px'>{_e(SEVERITY_WORDS[lang][severity])} ({len(group)})</h4>")
            parts.append(_finding_table(group, lang, with_report, max_rows))
    errors = [f for f in findings if f.status == Status.ERROR]
    if errors:
        parts.append(f"<h4 style='margin:8px 0 2px'>{_e(STATUS_WORDS[lang]['ERROR'])} ({len(errors)})</h4>")
        parts.append(_finding_table(errors, lang, with_report, max_rows))
    for status in ("NOT_ASSESSABLE", "PASS"):
        group = [f for f in findings if f.status.name == status]
        if not group:
            continue
        items = "".join(f"<li>{f'<code>{_e(f.report)}</code> ' if with_report else ''}<code>{_e(f.rule)}</code> "
                        f"<span class='note'>{_e(f.message(lang))}</span></li>" for f in group[:max_rows])
        parts.append(f"<details><summary>{_e(STATUS_WORDS[lang][status])} ({len(group)})</summary><ul>{items}</ul>"
                     f"{_more(len(group) - max_rows, lang)}</details>")
    return "".join(parts) + "</div>"


def finding_html(finding: Finding, lang: Optional[str] = None) -> str:
    lang = resolve(lang)
    status = STATUS_WORDS[lang][finding.status.name]
    note = finding.basis.get("note", "")
    return (f"<div class='disclosure'>{_CSS}<b>{_e(status)}</b> <code>{_e(finding.rule)}</code> · <code>{_e(finding.report)}</code>"
            f" <span class='note'>{_e(finding.basis['kind'])}: {_e(note)}</span>"
            + _finding_table([finding], lang, False, 1) + "</div>")


def finding_repr(f: Finding) -> str:
    sides = "" if f.lhs is None else f" {shown(f.lhs)} {f.comparison} {shown(f.rhs)}"
    return f"<Finding {f.status.name} {f.severity.name} {f.rule} on {f.report}:{sides}>"


class Findings(list[Finding]):
    """A list of findings that shows itself grouped by severity (in Jupyter) and, as ``repr``, as
    ``disclosure check`` prints it (:func:`disclosure.text.findings_text`: failures first with
    their evidence, each report under a line naming it when its reports are known).

    It is a plain ``list`` otherwise: index it, filter it, pass it on. ``failed`` keeps the
    failures (errors first), ``counts()`` counts each status, ``frame()`` is a DataFrame.

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> findings = disclosure.check(region)
    >>> findings.counts()
    {'PASS': 17, 'FAIL': 3, 'NOT_ASSESSABLE': 79, 'ERROR': 0}
    >>> findings.failed  # doctest: +ELLIPSIS
    齐齐哈尔市人民政府 2018 · whole administrative region (qiqihar-2018-region, ogi2008)
      FAIL     error   sum:responses.total.year  requests answered (this year): 247 stated, but the outcome counts sum to 243 (4 short). ...
                                                 = 247 == 243, difference 4
    ...
    1 report: 3 failed (1 of severity error), 0 passed, 0 not assessable, 0 errors.
    >>> findings.frame().shape
    (99, 16)
    """

    lang: Optional[str] = None

    def __init__(self, findings: Iterable[Finding] = (), reports: Optional[Sequence[Report]] = None) -> None:
        super().__init__(findings)
        #: The reports checked, when known: the repr names them as the command line does.
        self.reports: Optional[list[Report]] = None if reports is None else list(reports)

    def _like(self, findings: Iterable[Finding]) -> "Findings":
        out = Findings(findings, self.reports)
        out.lang = self.lang
        return out

    @property
    def failed(self) -> "Findings":
        """The findings that failed, errors first."""
        order = {"error": 0, "warning": 1, "info": 2}
        return self._like(sorted((f for f in self if f.status == Status.FAIL), key=lambda f: order[f.severity.name]))

    def by_status(self, status: Union[Status, str]) -> "Findings":
        """The findings of one status (a Status or its name)."""
        name = status if isinstance(status, str) else status.name
        return self._like(f for f in self if f.status.name == name)

    def counts(self) -> dict[str, int]:
        """How many findings have each status (PASS, FAIL, NOT_ASSESSABLE, ERROR)."""
        counts = Counter(f.status.name for f in self)
        return {s.name: counts[s.name] for s in Status}

    def frame(self) -> "pandas.DataFrame":
        """A DataFrame, one row per finding (see :func:`disclosure.frames.findings_frame`)."""
        from .frames import findings_frame

        return findings_frame(list(self))

    @overload
    def __getitem__(self, i: SupportsIndex) -> Finding: ...
    @overload
    def __getitem__(self, s: slice) -> "Findings": ...
    def __getitem__(self, i: Union[SupportsIndex, slice]) -> Union[Finding, "Findings"]:
        if isinstance(i, slice):
            return self._like(list.__getitem__(self, i))
        return list.__getitem__(self, i)

    def _repr_html_(self) -> str:
        return findings_html(self, self.lang)

    def __repr__(self) -> str:
        return findings_text(self, self.reports, self.lang, max_rows=MAX_ROWS).rstrip("\n")


# ---------------------------------------------------------------- shares


def _percent_bar(percent: Optional[Number]) -> str:
    if percent is None:
        return ""
    width = max(0.0, min(100.0, float(percent)))
    return f"<span class='bar' style='width:{width * 0.8:.1f}px'></span> "


def shares_html(shares: Sequence[Share], report: Optional[Report] = None, lang: Optional[str] = None, max_rows: int = MAX_ROWS) -> str:
    """The parts of one breakdown over its base: value, exact fraction, rounded and stated percentage."""
    lang = resolve(lang)
    form = report.form if report is not None else None
    def label(key: str) -> str:
        return cell_label(form, key, lang) if form is not None else key

    if not shares:
        return f"<div class='disclosure'>{_e(pick(lang, '没有份额', 'No shares'))}</div>"
    base = shares[0].base
    head = (f"<b>{_e(label(base))}</b> <code>{_e(base)}</code> = {_e(shown(shares[0].base_value))}"
            + (f" · <code>{_e(report.id)}</code>" if report is not None else ""))
    rows = []
    for s in shares[:max_rows]:
        note = s.why_absent if s.percent is None else ""
        if s.part_derived:
            note = (note + "; " if note else "") + pick(lang, "由分项推得", "derived from its parts")
        rows.append(f"<tr><td class='label' title='{_e(s.part)}'>{_e(label(s.part))}</td><td class='num'>{_e(shown(s.part_value))}</td>"
                    f"<td class='num'>{_e('' if s.fraction is None else s.fraction)}</td>"
                    f"<td class='num'>{_percent_bar(s.percent)}{_e('—' if s.percent is None else f'{s.percent}%')}</td>"
                    f"<td class='num'>{_e('' if s.stated is None else f'{s.stated}%')}</td><td class='note'>{_e(note)}</td></tr>")
    th = "".join(f"<th>{_e(pick(lang, zh, en))}</th>" for zh, en in
                 (("分项", "part"), ("数值", "value"), ("分数", "fraction"), ("占比", "percent"), ("报告所述", "stated"), ("备注", "note")))
    return (f"<div class='disclosure'>{_CSS}{head}<table><thead><tr>{th}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            + _more(len(shares) - max_rows, lang) + "</div>")


def share_repr(s: Share) -> str:
    percent = f"{s.percent}%" if s.percent is not None else f"— ({s.why_absent})"
    stated = f", stated {s.stated}%" if s.stated is not None else ""
    return f"<Share {s.part} = {shown(s.part_value)} of {s.base} = {shown(s.base_value)}: {percent}{stated}>"


class Shares(list[Share]):
    """The shares of one breakdown: a ``list`` of :class:`Share` that shows itself as a table
    (in Jupyter) and, as ``repr``, as ``disclosure shares`` prints it
    (:func:`disclosure.text.breakdown_lines`): each part with its value, the exact fraction, the
    rounded and the stated percentage.

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> channels = disclosure.shares(region, "requests.total.year", rounding=disclosure.Rounding.truncate)
    >>> channels.base, [s.percent for s in channels]
    ('requests.total.year', [Decimal('49.79'), None, Decimal('39.27'), Decimal('10.93'), None])
    >>> channels
    requests received (this year) (requests.total.year) = 247
      in person (this year)                  123  123/247    49.79%  stated 49.79%
      by e-mail (this year)         <not_stated>           — (part not_stated)
      online (this year)                      97   97/247    39.27%  stated 39.27%
      by letter or fax (this year)  <not_stated>   27/247    10.93%  (part derived from its stated parts)
      by other means (this year)    <not_stated>           — (part not_stated)
    """

    report: Optional[Report] = None
    lang: Optional[str] = None

    @property
    def base(self) -> Optional[str]:
        """The key of the breakdown's total, None for no breakdown."""
        return self[0].base if self else None

    def _repr_html_(self) -> str:
        return shares_html(self, self.report, self.lang)

    def __repr__(self) -> str:
        if not self:
            return "Shares([])"
        form = self.report.form if self.report is not None else None
        lines = breakdown_lines(self[:MAX_ROWS], form, self.lang)
        if len(self) > MAX_ROWS:
            lines.append(f"  … {len(self) - MAX_ROWS} more")
        return "\n".join(lines)


class Breakdowns(list[Shares]):
    """The shares of every breakdown of a report whose total has a number: a ``list`` of
    :class:`Shares`, shown one table after another; as ``repr``, as ``disclosure shares`` prints
    the report (:func:`disclosure.text.shares_text`).

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> breakdowns = disclosure.shares(region)
    >>> [b.base for b in breakdowns]
    ['requests.total.year', 'responses.total.year', 'review.total.year', 'litigation.total.year', 'staff.total']
    >>> breakdowns[-1]
    staff working on OGI (staff.total) = 165
      full-time   26   26/165    15.76%
      part-time  139  139/165    84.24%
    """

    report: Optional[Report] = None
    lang: Optional[str] = None

    def _repr_html_(self) -> str:
        return "".join(s._repr_html_() for s in self[:MAX_ROWS]) + _more(len(self) - MAX_ROWS, resolve(None))

    def __repr__(self) -> str:
        if self.report is None:
            return "\n".join(repr(s) for s in self)
        return shares_text(self.report, self, self.lang).rstrip("\n")
