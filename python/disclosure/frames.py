"""pandas views of forms and reports.

Values stay exact: counts are ``int``, decimals ``decimal.Decimal`` (object columns); a missing cell
has ``pd.NA`` as value and its kind (``blank``, ``dash``, ``slash``, ``not_applicable``,
``not_stated``) in the ``missing`` column. A report's metadata, stated figures and extras travel in
``DataFrame.attrs`` so that ``Report.from_frame(report.to_frame())`` gives the report back.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import _core
from ._core import Form, Missing, Report

CELL_COLUMNS = ["key", "table", "row", "column", "label_zh", "label_en", "unit", "decimals", "allow_negative"]


def form_cells(form: Form) -> pd.DataFrame:
    """Every fillable cell of the form, one row each, in form order."""
    tables = [t.key for t in form.tables]
    rows = []
    for cell in form.cell_list():
        rows.append([cell.key, cell.key.split(".", 1)[0], cell.row, cell.column, cell.label_zh, cell.label_en, cell.unit, cell.decimals, cell.allow_negative])
    frame = pd.DataFrame(rows, columns=CELL_COLUMNS)
    frame["table"] = pd.Categorical(frame["table"], categories=tables)
    return frame


def report_to_frame(report: Report, all_cells: bool = False) -> pd.DataFrame:
    """The report's cells as a long DataFrame: one row per cell the report states (every cell of the
    form with ``all_cells=True``), with the value, its kind of missing and its unit."""
    cells = form_cells(report.form)
    values = report.values()
    keep = cells["key"].isin(values.keys()) if not all_cells else pd.Series(True, index=cells.index)
    frame = cells.loc[keep, ["key", "table", "label_zh", "label_en"]].reset_index(drop=True)
    raw = [report[k] for k in frame["key"]]
    frame["value"] = pd.Series([pd.NA if isinstance(v, Missing) else v for v in raw], dtype=object)
    frame["missing"] = pd.Series([v.name if isinstance(v, Missing) else "" for v in raw], dtype="string")
    frame["unit"] = [report.unit(k) for k in frame["key"]]
    frame.attrs = {
        "id": report.id,
        "form": report.form.key,
        "issuer": report.issuer,
        "year": report.year,
        "scope": report.scope,
        "within": report.within,
        "series": report.series,
        "source": report.source,
        "stated": report.stated,
        "extras": report.extras,
    }
    return frame


def report_from_frame(frame: pd.DataFrame, form: Form | None = None, id: str | None = None, **metadata: Any) -> Report:
    """A report from a frame with columns ``key``, ``value`` and optionally ``missing`` and ``unit``.

    Metadata comes from ``frame.attrs`` (as ``to_frame`` leaves it) unless given as arguments.
    A row with neither a value nor a kind of missing is an error, never a silent 0.
    """
    attrs = dict(frame.attrs)
    if form is None:
        if "form" not in attrs:
            raise ValueError("report_from_frame: no form given and none in frame.attrs")
        form = _core.builtin_form(attrs["form"]) if isinstance(attrs["form"], str) else attrs["form"]
    report_id = id or attrs.get("id")
    if not report_id:
        raise ValueError("report_from_frame: no id given and none in frame.attrs")
    report = Report(form, report_id)
    for field in ("issuer", "year", "scope", "within", "series", "source"):
        value = metadata.get(field, attrs.get(field))
        if value is not None:
            setattr(report, field, value)
    for column in ("key", "value"):
        if column not in frame.columns:
            raise ValueError(f"report_from_frame: the frame has no '{column}' column")
    for position, row in enumerate(frame.itertuples(index=False)):
        key = row.key
        kind = getattr(row, "missing", "") if "missing" in frame.columns else ""
        kind = "" if kind is None or kind is pd.NA else str(kind)
        value = row.value
        if kind and kind != "not_stated":
            if not (value is None or value is pd.NA):
                raise ValueError(f"row {position} ({key}): both a value and missing kind '{kind}'")
            report[key] = Missing[kind]
        elif kind == "not_stated":
            continue
        elif value is None or value is pd.NA:
            raise ValueError(f"row {position} ({key}): no value and no kind of missing")
        else:
            report[key] = value
        unit = getattr(row, "unit", "") if "unit" in frame.columns else ""
        if unit and unit != report.form.cell(key).unit:
            report.set_unit(key, unit)
    for s in attrs.get("stated", []):
        report.add_stated(s["kind"], s["cell"], s["value"], base=s["base"], text=s["text"], position=-1 if s.get("position") is None else s["position"])
    for e in attrs.get("extras", []):
        report.add_extra(e["label"], e["value"], unit=e["unit"], text=e["text"], position=-1 if e.get("position") is None else e["position"])
    return report


FINDING_COLUMNS = ["report", "rule", "status", "severity", "basis", "comparison", "lhs", "rhs", "difference", "tolerance", "rounding",
                   "cells", "read_as_zero", "derived", "message_zh", "message_en"]


def findings_frame(findings: list[_core.Finding]) -> pd.DataFrame:
    """Findings as a DataFrame, one row each, with all of their evidence. Numbers stay exact
    (int or Decimal); a side that could not be evaluated is ``pd.NA``."""
    rows = []
    for f in findings:
        na = lambda v: pd.NA if v is None else v  # noqa: E731
        rows.append([f.report, f.rule, f.status.name, f.severity.name, f.basis["kind"], f.comparison, na(f.lhs), na(f.rhs), na(f.difference),
                     f.tolerance, f.rounding, f.cells, f.read_as_zero, f.derived, f.message("zh"), f.message("en")])
    frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    frame["status"] = pd.Categorical(frame["status"], categories=["FAIL", "ERROR", "NOT_ASSESSABLE", "PASS"])
    frame["severity"] = pd.Categorical(frame["severity"], categories=["error", "warning", "info"])
    return frame


def shares_frame(report: Report, base: str | None = None, decimals: int = 2, rounding: _core.Rounding = _core.Rounding.half_up) -> pd.DataFrame:
    """Shares of the report's breakdowns (or of ``base``'s) as a DataFrame: part, base, values,
    exact fraction, rounded percentage, the percentage the report states."""
    breakdowns = [_core.shares(report, base, decimals, rounding)] if base else _core.shares(report, None, decimals, rounding)
    rows = [[report.id, s.part, s.base, s.part_value, s.base_value, s.fraction, s.percent, s.stated, s.part_derived, s.why_absent]
            for b in breakdowns for s in b]
    return pd.DataFrame(rows, columns=["report", "part", "base", "part_value", "base_value", "fraction", "percent", "stated", "part_derived", "why_absent"])


def changes_frame(before: Report, after: Report, decimals: int = 2) -> pd.DataFrame:
    """The change of every cell from ``before`` to ``after`` as a DataFrame."""
    rows = [[before.id, after.id, c.cell, c.before, c.after, c.absolute, c.relative, c.percent, c.why_absent]
            for c in _core.changes(before, after, decimals)]
    return pd.DataFrame(rows, columns=["before_report", "after_report", "cell", "before", "after", "absolute", "relative", "percent", "why_absent"])


def series_frame(reports: list[Report], cell: str) -> pd.DataFrame:
    """One cell over the years of a series as a DataFrame: year, report, value, change and growth
    factor (exact); the compound annual growth over the span is in ``frame.attrs["cagr"]``."""
    g = _core.growth_series(list(reports), cell)
    frame = pd.DataFrame(g["points"], columns=["year", "report", "value", "change", "factor"])
    frame.attrs = {"cell": cell, "cagr": g["cagr"]}
    return frame
