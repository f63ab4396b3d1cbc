"""pandas views of forms and reports.

Values stay exact: counts are ``int``, decimals ``decimal.Decimal`` (object columns); a missing cell
has ``pd.NA`` as value and its kind (``blank``, ``dash``, ``slash``, ``not_applicable``,
``not_stated``) in the ``missing`` column. A report's metadata, stated figures and extras travel in
``DataFrame.attrs`` so that ``Report.from_frame(report.to_frame())`` gives the report back.

>>> import disclosure
>>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> long = disclosure.frames.reports_frame(reports)
>>> back = disclosure.frames.reports_from_frame(long)
>>> len(long), [r.values() for r in back] == [r.values() for r in reports]
(53, True)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable, NamedTuple, Optional

import pandas as pd

from . import _core
from ._core import Form, Missing, Report

__all__ = ["reports_frame", "reports_from_frame", "reports_wide", "reports_from_wide", "reports_meta_frame", "WideFrames", "report_to_frame",
           "report_from_frame", "form_cells", "findings_frame", "findings_matrix", "shares_frame", "shares_wide", "changes_frame", "series_frame"]

MISSING_KINDS = [m.name for m in Missing]
CELL_COLUMNS = ["key", "table", "row", "column", "label_zh", "label_en", "unit", "decimals", "allow_negative"]


def form_cells(form: Form) -> pd.DataFrame:
    """Every fillable cell of the form, one row each, in form order: key, table, row, column,
    labels, unit, decimals (also ``form.cells_frame()``).

    >>> cells = disclosure.frames.form_cells(disclosure.forms.ogi2008)
    >>> len(cells), cells.columns.tolist()
    (156, ['key', 'table', 'row', 'column', 'label_zh', 'label_en', 'unit', 'decimals', 'allow_negative'])
    >>> cells.loc[cells.key == "funding.special", ["label_zh", "unit", "decimals"]].values.tolist()
    [['政府信息公开专项经费', '万元', 6]]
    """
    tables = [t.key for t in form.tables]
    rows = []
    for cell in form.cell_list():
        rows.append([cell.key, cell.key.split(".", 1)[0], cell.row, cell.column, cell.label_zh, cell.label_en, cell.unit, cell.decimals, cell.allow_negative])
    frame = pd.DataFrame(rows, columns=CELL_COLUMNS)
    frame["table"] = pd.Categorical(frame["table"], categories=tables)
    return frame


def form_cells_deprecated(form: Form) -> pd.DataFrame:
    """``form.cells()`` of the previous version: :func:`form_cells`, with a DeprecationWarning
    (in the next version ``cells()`` gives the list of Cell objects, as ``Form::cells()`` in C++)."""
    import warnings

    warnings.warn("Form.cells() is deprecated: use Form.cells_frame() for the DataFrame, Form.cell_list() for the cells", DeprecationWarning, stacklevel=2)
    return form_cells(form)


def report_to_frame(report: Report, all_cells: bool = False) -> pd.DataFrame:
    """The report's cells as a long DataFrame: one row per cell the report states (every cell of the
    form with ``all_cells=True``), with the value, its kind of missing and its unit (also
    ``report.to_frame()``). Metadata, stated figures and extras are in ``frame.attrs``.

    >>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
    >>> r["requests.total.year"] = 5; r["requests.online.year"] = disclosure.Missing.blank
    >>> frame = disclosure.frames.report_to_frame(r)
    >>> frame[["key", "value", "missing", "unit"]].values.tolist()
    [['requests.total.year', 5, '', '件'], ['requests.online.year', <NA>, 'blank', '件']]
    >>> frame.attrs["id"], frame.attrs["form"], len(disclosure.frames.report_to_frame(r, all_cells=True))
    ('r', 'ogi2008', 156)
    """
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
    """A report from a frame with columns ``key``, ``value`` and optionally ``missing`` and ``unit``
    (also ``Report.from_frame``).

    Metadata comes from ``frame.attrs`` (as ``to_frame`` leaves it) unless given as arguments.
    A row with neither a value nor a kind of missing is an error, never a silent 0.

    >>> r = disclosure.Report(disclosure.forms.ogi2008, "r", year=2018)
    >>> r["requests.total.year"] = 5; r["requests.online.year"] = disclosure.Missing.blank
    >>> back = disclosure.frames.report_from_frame(r.to_frame())
    >>> back["requests.online.year"], back == r
    (<Missing.blank: 2>, True)
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"key": ["requests.total.year"], "value": [7]})
    >>> disclosure.frames.report_from_frame(frame, form=disclosure.forms.ogi2008, id="new")["requests.total.year"]
    7
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
    row: Any
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
    (int or Decimal); a side that could not be evaluated is ``pd.NA``.

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> frame = disclosure.frames.findings_frame(disclosure.check(region))
    >>> frame.loc[frame.status == "FAIL", ["rule", "severity", "lhs", "rhs"]].values.tolist()
    [['sum:responses.total.year', 'error', 247, 243], ['locate', 'info', <NA>, <NA>], ['percent:convention', 'warning', 11, 11]]
    """
    rows = []
    for f in findings:
        def na(v: Any) -> Any:
            return pd.NA if v is None else v

        rows.append([f.report, f.rule, f.status.name, f.severity.name, f.basis["kind"], f.comparison, na(f.lhs), na(f.rhs), na(f.difference),
                     f.tolerance, f.rounding, f.cells, f.read_as_zero, f.derived, f.message("zh"), f.message("en")])
    frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    frame["status"] = pd.Categorical(frame["status"], categories=["FAIL", "ERROR", "NOT_ASSESSABLE", "PASS"])
    frame["severity"] = pd.Categorical(frame["severity"], categories=["error", "warning", "info"])
    return frame


def shares_frame(report: Report, base: str | None = None, decimals: int = 2, rounding: _core.Rounding = _core.Rounding.half_up) -> pd.DataFrame:
    """Shares of the report's breakdowns (or of ``base``'s) as a DataFrame: part, base, values,
    exact fraction, rounded percentage, the percentage the report states.

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> frame = disclosure.frames.shares_frame(region, "requests.total.year")    # rounded half up
    >>> frame[["part", "fraction", "percent", "stated"]].values.tolist()[0]
    ['requests.in_person.year', Fraction(123, 247), Decimal('49.80'), Decimal('49.79')]
    """
    breakdowns = [_core.shares(report, base, decimals, rounding)] if base else _core.shares(report, None, decimals, rounding)
    rows = [[report.id, s.part, s.base, s.part_value, s.base_value, s.fraction, s.percent, s.stated, s.part_derived, s.why_absent]
            for b in breakdowns for s in b]
    return pd.DataFrame(rows, columns=["report", "part", "base", "part_value", "base_value", "fraction", "percent", "stated", "part_derived", "why_absent"])


def changes_frame(before: Report, after: Report, decimals: int = 2) -> pd.DataFrame:
    """The change of every cell from ``before`` to ``after`` as a DataFrame (see :func:`disclosure.changes`).

    >>> before = disclosure.Report(disclosure.forms.ogi2008, "2017", year=2017)
    >>> after = disclosure.Report(disclosure.forms.ogi2008, "2018", year=2018)
    >>> before["requests.total.year"] = 40; after["requests.total.year"] = 50
    >>> disclosure.frames.changes_frame(before, after)[["cell", "before", "after", "relative", "percent"]].values.tolist()
    [['requests.total.year', 40, 50, Fraction(1, 4), Decimal('25.00')]]
    """
    rows = [[before.id, after.id, c.cell, c.before, c.after, c.absolute, c.relative, c.percent, c.why_absent]
            for c in _core.changes(before, after, decimals)]
    return pd.DataFrame(rows, columns=["before_report", "after_report", "cell", "before", "after", "absolute", "relative", "percent", "why_absent"])


def series_frame(reports: list[Report], cell: str) -> pd.DataFrame:
    """One cell over the years of a series as a DataFrame: year, report, value, change and growth
    factor (exact; ``<NA>`` where there is no number), and ``missing``, why there is none (a kind
    of missing, or ``not_on_form``); the compound annual growth is in ``frame.attrs["cagr"]``.

    >>> a = disclosure.Report(disclosure.forms.ogi2008, "a", year=2016); a["requests.total.year"] = 40
    >>> b = disclosure.Report(disclosure.forms.ogi2008, "b", year=2017); b["requests.total.year"] = disclosure.Missing.dash
    >>> c = disclosure.Report(disclosure.forms.ogi2008, "c", year=2018); c["requests.total.year"] = 90
    >>> frame = disclosure.frames.series_frame([a, b, c], "requests.total.year")
    >>> frame["value"].tolist(), frame["missing"].tolist()[1], frame.attrs["cagr"]
    ([40, <NA>, 90], 'dash', 0.5)
    """
    reports = list(reports)
    g = _core.growth_series(reports, cell)
    by_id = {r.id: r for r in reports}
    frame = pd.DataFrame({"year": [p["year"] for p in g["points"]], "report": [p["report"] for p in g["points"]]})
    for column in ("value", "change"):
        numbers = [pd.NA if p[column] is None else p[column] for p in g["points"]]
        whole = all(isinstance(v, int) for v in numbers if v is not pd.NA)
        frame[column] = pd.array(numbers, dtype="Int64" if whole else object)
    frame["factor"] = pd.Series([pd.NA if p["factor"] is None else p["factor"] for p in g["points"]], dtype=object)
    kinds = []
    for p in g["points"]:
        r = by_id.get(p["report"])
        v = r[cell] if r is not None and cell in r.form else None
        kinds.append(v.name if isinstance(v, Missing) else None if v is not None else "not_on_form")
    frame["missing"] = pd.Categorical(kinds, categories=MISSING_KINDS + ["not_on_form"])
    frame.attrs = {"cell": cell, "cagr": g["cagr"]}
    return frame


# ---------------------------------------------------------------- many reports: long and wide

META_COLUMNS = ["form", "issuer", "year", "scope", "within", "series", "source_url", "source_title", "source_published", "source_note"]
LONG_COLUMNS = ["report", "form", "issuer", "year", "scope", "within", "series", "key", "label_zh", "label_en", "value", "missing", "unit"]


def _kinds(values: list[Any]) -> Any:
    return pd.Categorical(values, categories=MISSING_KINDS)


def _form_of(key: Any, forms: Any) -> Form:
    if isinstance(key, Form):
        return key
    if forms is not None:
        return _core.FormRegistry.get(forms, str(key)) if isinstance(forms, _core.FormRegistry) else {f.key: f for f in forms}[str(key)]
    return _core.builtin_form(str(key))


def _is_na(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def reports_frame(reports: Iterable[Report], all_cells: bool = False) -> pd.DataFrame:
    """Reports as one long DataFrame: a row per report and cell it states (every cell of its form
    with ``all_cells=True``), with the report's metadata on each row.

    ``value`` is exact (``int`` or ``decimal.Decimal``) or ``<NA>``; ``missing`` (categorical:
    not_stated, blank, dash, slash, not_applicable) says why there is no number; ``unit`` is the
    cell's unit in this report. :func:`reports_from_frame` gives the reports back.

    >>> frame = disclosure.frames.reports_frame(disclosure.read_reports("examples/data/qiqihar-2018.json"))
    >>> frame.loc[frame.key == "requests.total.year", ["report", "value"]].values.tolist()
    [['qiqihar-2018-region', 247], ['qiqihar-2018-own-level', 99]]
    >>> r = disclosure.Report(disclosure.forms.ogi2008, "r"); r["requests.online.year"] = disclosure.Missing.blank
    >>> disclosure.frames.reports_frame([r])[["key", "value", "missing"]].values.tolist()
    [['requests.online.year', <NA>, 'blank']]
    """
    rows: list[list[Any]] = []
    kinds: list[Any] = []
    for r in reports:
        stated = r.values()
        for n, cell in enumerate(r.form.cell_list()):
            # a report that states nothing still has a row (its first cell, not stated), so it is not lost
            if not all_cells and cell.key not in stated and (stated or n > 0):
                continue
            v = r[cell.key]
            rows.append([r.id, r.form.key, r.issuer, r.year, r.scope, r.within, r.series, cell.key, cell.label_zh, cell.label_en,
                         pd.NA if isinstance(v, Missing) else v, r.unit(cell.key)])
            kinds.append(v.name if isinstance(v, Missing) else None)
    frame = pd.DataFrame(rows, columns=[c for c in LONG_COLUMNS if c != "missing"])
    frame["value"] = frame["value"].astype(object)
    frame.insert(LONG_COLUMNS.index("missing"), "missing", _kinds(kinds))
    return frame


def _set_value(report: Report, key: str, value: Any, kind: Any, where: str) -> None:
    kind = "" if _is_na(kind) else str(kind)
    if kind:
        if kind not in MISSING_KINDS:
            raise _core.Error(f"{where}: '{kind}' is not a kind of missing ({', '.join(MISSING_KINDS)})")
        if not _is_na(value):
            raise _core.Error(f"{where}: both a value ({value}) and missing kind '{kind}'")
        report[key] = Missing[kind]
    elif _is_na(value):
        raise _core.Error(f"{where}: no value and no kind of missing (a missing number is never read as 0)")
    else:
        report[key] = value.item() if hasattr(value, "item") else value  # NumPy scalars as Python numbers


def reports_from_frame(frame: pd.DataFrame, forms: Any = None) -> list[Report]:
    """Reports from a long DataFrame as :func:`reports_frame` gives it (columns ``report``, ``form``,
    ``key``, ``value``, ``missing``; ``unit`` and metadata columns optional), in order of first appearance.

    A row with neither a value nor a kind of missing is an error, never a silent 0.

    >>> r = disclosure.Report(disclosure.forms.ogi2008, "r", year=2018)
    >>> r["requests.total.year"] = 5; r["requests.online.year"] = disclosure.Missing.blank
    >>> [back] = disclosure.frames.reports_from_frame(disclosure.frames.reports_frame([r]))
    >>> back["requests.total.year"], back["requests.online.year"], back == r
    (5, <Missing.blank: 2>, True)
    """
    for column in ("report", "form", "key", "value"):
        if column not in frame.columns:
            raise _core.Error(f"reports_from_frame: the frame has no '{column}' column")
    out: dict[str, Report] = {}
    has = set(frame.columns)
    for position, row in enumerate(frame.to_dict("records")):
        rid = str(row["report"])
        report = out.get(rid)
        if report is None:
            report = out[rid] = Report(_form_of(row["form"], forms), rid)
            for field in ("issuer", "year", "scope", "within", "series"):
                if field in has and not _is_na(row[field]):
                    setattr(report, field, int(row[field]) if field == "year" else str(row[field]))
        where = f"row {position} (report {rid}, cell {row['key']})"
        _set_value(report, str(row["key"]), row["value"], row.get("missing"), where)
        unit = row.get("unit")
        if not _is_na(unit) and unit and unit != report.form.cell(str(row["key"])).unit:
            report.set_unit(str(row["key"]), str(unit))
    return list(out.values())


class WideFrames(NamedTuple):
    """Reports of one form as wide DataFrames (the layout of a Panel's frames).

    - ``values``: a row per report (index ``report``), a column per cell key in form order; counts
      as nullable ``Int64``, cells with decimals as exact ``Decimal`` (object); ``<NA>`` where there is no number.
    - ``missing``: a row per cell without a number: ``report``, ``cell``, ``kind`` (categorical:
      not_stated, blank, dash, slash, not_applicable), so a blank, a dash and 0 stay apart.
    - ``meta``: a row per report (index ``report``): form, issuer, year, scope, within, series, source_*.
    - ``units``: ``report``, ``cell``, ``unit`` where a report gives a unit of its own.

    >>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> wide = disclosure.frames.reports_wide(reports)
    >>> wide.values.shape, wide.values["requests.total.year"].tolist()
    ((2, 156), [247, 99])
    >>> wide.missing[wide.missing.cell == "requests.letter_fax.fax.year"].values.tolist()
    [['qiqihar-2018-own-level', 'requests.letter_fax.fax.year', 'not_stated']]
    >>> wide.meta["scope"].tolist()
    ['region', 'own_level']
    """

    values: pd.DataFrame
    missing: pd.DataFrame
    meta: pd.DataFrame
    units: pd.DataFrame


def reports_meta_frame(reports: Iterable[Report]) -> pd.DataFrame:
    """The reports' metadata, a row per report (index ``report``): form, issuer, year, scope,
    within, series, source_*.

    >>> meta = disclosure.frames.reports_meta_frame(disclosure.read_reports("examples/data/qiqihar-2018.json"))
    >>> meta.index.tolist()
    ['qiqihar-2018-region', 'qiqihar-2018-own-level']
    >>> meta[["year", "scope", "within"]].values.tolist()
    [[2018, 'region', ''], [2018, 'own_level', 'qiqihar-2018-region']]
    """
    reports = list(reports)
    rows = [[r.form.key, r.issuer, r.year, r.scope, r.within, r.series, r.source["url"], r.source["title"], r.source["published"], r.source["note"]]
            for r in reports]
    return pd.DataFrame(rows, columns=META_COLUMNS, index=pd.Index([r.id for r in reports], name="report"))


def reports_wide(reports: Iterable[Report]) -> WideFrames:
    """Reports of one form as :class:`WideFrames` (values, missing, meta, units);
    :func:`reports_from_wide` gives them back, every value and every kind of missing kept.

    >>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
    >>> r["requests.total.year"] = 5; r["requests.online.year"] = disclosure.Missing.blank
    >>> values, missing, meta, units = disclosure.frames.reports_wide([r])
    >>> values[["requests.total.year", "requests.online.year"]].values.tolist()
    [[5, <NA>]]
    >>> missing[missing.kind == "blank"].values.tolist()
    [['r', 'requests.online.year', 'blank']]
    """
    reports = list(reports)
    if not reports:
        raise _core.Error("reports_wide: no reports")
    form = reports[0].form
    other = next((r for r in reports if r.form.key != form.key), None)
    if other is not None:
        raise _core.Error(f"reports_wide: report '{other.id}' is on form '{other.form.key}', not '{form.key}' (one wide frame per form)")
    cells = form.cell_list()
    index = pd.Index([r.id for r in reports], name="report")
    columns: dict[str, Any] = {}
    missing: list[tuple[str, str, str]] = []
    units: list[tuple[str, str, str]] = []
    raw = {c.key: [r[c.key] for r in reports] for c in cells}
    for c in cells:
        values = raw[c.key]
        numbers = [pd.NA if isinstance(v, Missing) else v for v in values]
        columns[c.key] = pd.array(numbers, dtype="Int64") if c.decimals == 0 else pd.array(numbers, dtype=object)  # type: ignore[call-overload]
    for j, r in enumerate(reports):
        for c in cells:
            v = raw[c.key][j]
            if isinstance(v, Missing):
                missing.append((r.id, c.key, v.name))
            elif r.unit(c.key) != c.unit:
                units.append((r.id, c.key, r.unit(c.key)))
    frame = pd.DataFrame(columns, index=index)
    frame.attrs["form"] = form.key
    m = pd.DataFrame(missing, columns=["report", "cell", "kind"])
    m["kind"] = _kinds(m["kind"].tolist())
    return WideFrames(frame, m, reports_meta_frame(reports), pd.DataFrame(units, columns=["report", "cell", "unit"]))


def reports_from_wide(values: pd.DataFrame, missing: Optional[pd.DataFrame] = None, meta: Optional[pd.DataFrame] = None,
                      units: Optional[pd.DataFrame] = None, form: Optional[Form] = None) -> list[Report]:
    """Reports from wide frames (:func:`reports_wide`, or a Panel's ``to_frame``/``missing_frame``/``meta_frame``).

    A cell listed in ``missing`` takes its kind (its value must be ``<NA>``, or 0 as a Panel's
    frame holds it); an ``<NA>`` not listed is not stated. ``form`` defaults to ``meta["form"]``,
    else ``values.attrs["form"]``. Floats are refused: they are not exact.

    >>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
    >>> r["requests.total.year"] = 5; r["requests.online.year"] = disclosure.Missing.blank
    >>> [back] = disclosure.frames.reports_from_wide(*disclosure.frames.reports_wide([r]))
    >>> back["requests.total.year"], back["requests.online.year"], back == r
    (5, <Missing.blank: 2>, True)
    """
    if form is None:
        key = None
        if meta is not None and "form" in meta.columns and len(meta):
            key = meta["form"].iloc[0]
        key = key or values.attrs.get("form")
        if not key:
            raise _core.Error("reports_from_wide needs a form: pass form=, a meta frame with a 'form' column, or values.attrs['form']")
        form = _core.builtin_form(str(key))
    for col in values.columns:
        form.cell(str(col))  # an unknown key raises CellKeyError naming the closest keys
    kinds: dict[tuple[str, str], str] = {}
    if missing is not None:
        for rid, cell, kind in zip(missing["report"].astype(str), missing["cell"].astype(str), missing["kind"]):
            kinds[(rid, cell)] = kind if isinstance(kind, str) else Missing(int(kind)).name
    own_units = {} if units is None else {(str(a), str(b)): str(u) for a, b, u in zip(units["report"], units["cell"], units["unit"])}
    meta_rows = {} if meta is None else {str(i): row for i, row in zip(meta.index, meta.to_dict("records"))}
    decimals = values.attrs.get("decimals", {})
    out: list[Report] = []
    records = values.to_dict("index")
    for rid_raw, row in records.items():
        rid = str(rid_raw)
        report = Report(form, rid)
        m = meta_rows.get(rid)
        if m is not None:
            for field in ("issuer", "year", "scope", "within", "series"):
                if field in m and not _is_na(m[field]):
                    setattr(report, field, int(m[field]) if field == "year" else str(m[field]))
            source = {k: str(m[f"source_{k}"]) for k in ("url", "title", "published", "note") if not _is_na(m.get(f"source_{k}"))}
            if source:
                report.source = source
        for key, value in row.items():
            key = str(key)
            kind = kinds.pop((rid, key), None)
            if kind is not None:
                if not (_is_na(value) or value == 0):
                    raise _core.Error(f"report '{rid}', cell '{key}': both a value ({value}) and missing kind '{kind}'")
                if kind != "not_stated":
                    report[key] = Missing[kind]
                continue
            if _is_na(value):
                continue  # not stated
            if isinstance(value, float):
                raise _core.Error(f"report '{rid}', cell '{key}': floats are not exact; use Int64, decimal.Decimal or str")
            value = value.item() if hasattr(value, "item") else value
            scale = decimals.get(key, 0)
            report[key] = Decimal(int(value)).scaleb(-scale) if scale else value
            unit = own_units.get((rid, key))
            if unit:
                report.set_unit(key, unit)
        out.append(report)
    if kinds:
        (rid, key), kind = next(iter(kinds.items()))
        form.cell(key)  # an unknown key raises CellKeyError naming the closest keys
        raise _core.Error(f"missing frame names report '{rid}', cell '{key}', which the values frame does not have")
    return out


def shares_wide(reports: Iterable[Report], base: str, decimals: int = 2, rounding: _core.Rounding = _core.Rounding.half_up) -> pd.DataFrame:
    """The shares of ``base``'s parts over many reports: a row per report, a column per part,
    the rounded percentage (``Decimal``) or ``<NA>`` where it cannot be computed.

    >>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> frame = disclosure.frames.shares_wide(reports, "requests.total.year")
    >>> frame.index.tolist(), frame["requests.online.year"].tolist()
    (['qiqihar-2018-region', 'qiqihar-2018-own-level'], [Decimal('39.27'), Decimal('62.63')])
    >>> frame["requests.email.year"].tolist()
    [<NA>, <NA>]
    """
    rows = {}
    for r in reports:
        rows[r.id] = {s.part: (pd.NA if s.percent is None else s.percent) for s in _core.shares(r, base, decimals, rounding)}
    frame = pd.DataFrame.from_dict(rows, orient="index").astype(object)
    frame.index.name = "report"
    frame.attrs["base"] = base
    return frame


STATUS_ORDER = ["FAIL", "ERROR", "NOT_ASSESSABLE", "PASS"]


def findings_matrix(findings: Iterable[_core.Finding]) -> pd.DataFrame:
    """Findings as a reports × rules table of statuses (categorical: FAIL, ERROR, NOT_ASSESSABLE,
    PASS; ``<NA>`` where a rule does not apply to a report), rules in order of first appearance.

    >>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> matrix = disclosure.frames.findings_matrix(disclosure.check_reports(reports))
    >>> matrix[["sum:responses.total.year", "sum:staff.total"]].values.tolist()
    [['FAIL', 'PASS'], ['FAIL', 'PASS']]
    >>> matrix.index.tolist()
    ['qiqihar-2018-region', 'qiqihar-2018-own-level']
    """
    cells: dict[str, dict[str, str]] = {}
    rules: dict[str, None] = {}
    for f in findings:
        cells.setdefault(f.report, {})[f.rule] = f.status.name
        rules.setdefault(f.rule, None)
    frame = pd.DataFrame.from_dict(cells, orient="index").reindex(columns=list(rules))
    for rule in frame.columns:
        frame[rule] = pd.Categorical(frame[rule], categories=STATUS_ORDER)
    frame.index.name = "report"
    frame.columns.name = "rule"
    return frame
