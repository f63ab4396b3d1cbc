"""Panels of many reports of one form, as DataFrames, and their batch checks.

A panel's values frame is wide: one row per report (indexed by report id), one int64 column per
cell key, in form order. Missing cells hold 0 there; their kinds are in the companion missing
frame (``report``, ``cell``, ``kind``), so a blank, a dash and 0 stay apart and
``Panel.from_frame(p.to_frame(), p.missing_frame(), p.meta_frame())`` gives ``p`` back.

Values are in each cell's own units: counts as they are; a cell with decimals (万元 with 6) in
its smallest unit (millionths), which ``frame.attrs["decimals"]`` records. An int64 column for such
a cell without that record is read as whole numbers.

``Panel.from_frame`` views the frame's memory without copying when the layout allows: every cell
a column, in form order, all int64 in one block (what ``to_frame`` gives and what
``pd.DataFrame(array_of_shape_reports_x_cells)`` builds). The panel keeps the memory alive;
do not change the frame while the panel is in use.

>>> import disclosure
>>> panel = disclosure.Panel.from_reports(disclosure.read_reports("examples/data/qiqihar-2018.json"))
>>> frame, missing, meta = panel.to_frame(), panel.missing_frame(), panel.meta_frame()
>>> frame.shape, disclosure.Panel.from_frame(frame, missing, meta) == panel
((2, 156), True)
>>> panel.check().counts_per_rule.query("fails > 0")[["rule", "fails"]].values.tolist()
[['sum:responses.total.year', 2]]
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import Iterable, NamedTuple, Sequence

import numpy as np
import pandas as pd

from . import _core
from ._core import Form, Missing, Panel, BatchResult, Report, Status

__all__ = ["Panel", "BatchResult", "GroupSum", "read_panel"]
# panel_from_frame, panel_to_frame … are the bodies of Panel.from_frame, Panel.to_frame … (python/python_methods.hpp)

META_COLUMNS = ["issuer", "year", "scope", "within", "series"]
_KINDS = {m.value: m.name for m in Missing}
_STATUS = {s.value: s.name for s in Status}


def _cell_decimals(form: Form) -> dict[str, int]:
    return {c.key: c.decimals for c in form.cell_list()}


def panel_from_array(
    form: Form,
    values: np.ndarray,
    missing: tuple[Sequence[int], Sequence[int], Sequence[int]] | None = None,
    *,
    ids: Sequence[str] | None = None,
    issuer: Sequence[str] | None = None,
    year: Sequence[int] | None = None,
    scope: Sequence[str] | None = None,
    within: Sequence[str] | None = None,
    series: Sequence[str] | None = None,
) -> Panel:
    """A panel over ``values`` (cells × reports, int64, each cell's row contiguous: viewed, not
    copied). ``missing``: (report indices, cell indices, kind codes = ``Missing.<kind>.value``)."""
    r, c, k = missing if missing is not None else ((), (), ())
    return Panel._from_array(
        form, values,
        np.asarray(r, dtype=np.uint32), np.asarray(c, dtype=np.uint32), np.asarray(k, dtype=np.uint8),
        list(ids or []), list(issuer or []), [int(y) for y in (year if year is not None else [])],
        list(scope or []), list(within or []), list(series or []), [],
    )


def panel_from_frame(values: pd.DataFrame, missing: pd.DataFrame | None = None, meta: pd.DataFrame | None = None, form: Form | None = None) -> Panel:
    """A panel from a wide values frame (rows: reports, columns: cell keys), an optional long
    missing frame (``report``, ``cell``, ``kind``) and an optional metadata frame indexed by report id
    (``issuer``, ``year``, ``scope``, ``within``, ``series``). Cells the frame lacks are not stated.
    ``form`` defaults to ``values.attrs["form"]``."""
    if form is None:
        key = values.attrs.get("form")
        if key is None:
            raise _core.Error("Panel.from_frame needs a form: pass form=, or set frame.attrs['form'] to a built-in form key")
        form = _core.builtin_form(key)
    keys = [c.key for c in form.cell_list()]
    index = {k: i for i, k in enumerate(keys)}
    for col in values.columns:
        if col not in index:
            form.cell(col)  # raises CellKeyError naming the closest keys
    decimals = _cell_decimals(form)
    in_units = values.attrs.get("decimals", {})
    n = len(values)
    ids = [str(i) for i in values.index]
    extra_missing: list[tuple[int, int, int]] = []

    view = None
    if list(values.columns) == keys and all(dt == np.int64 for dt in values.dtypes) and all(in_units.get(k, 0) == d for k, d in decimals.items()):
        arr = values.to_numpy()  # (reports, cells); a single int64 block comes back as a view
        if arr.T.strides[1] == 8:
            view = arr.T
    if view is None:
        view = np.zeros((len(keys), n), dtype=np.int64)
        for col in values.columns:
            i, d = index[col], decimals[col]
            series = values[col]
            if series.dtype == np.int64:
                view[i] = series.to_numpy() * (1 if in_units.get(col, 0) == d else 10**d)
            else:
                for j, v in enumerate(series.tolist()):
                    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
                        extra_missing.append((j, i, Missing.not_stated.value))
                    elif isinstance(v, float):
                        raise _core.Error(f"report '{ids[j]}', cell '{col}': floats are not exact; use int64, decimal.Decimal or str")
                    else:
                        units = Decimal(str(v)).scaleb(d)
                        if units != units.to_integral_value():
                            raise _core.Error(f"report '{ids[j]}', cell '{col}': {v} has more than {d} decimals")
                        view[i, j] = int(units)
        present = set(values.columns)
        for k in keys:
            if k not in present:
                extra_missing.extend((j, index[k], Missing.not_stated.value) for j in range(n))

    # The missing frame, vectorised: positions of its reports and cells, codes of its kinds.
    rows = np.zeros(0, dtype=np.int64)
    cells = np.zeros(0, dtype=np.int64)
    kinds = np.zeros(0, dtype=np.int64)
    if missing is not None and len(missing):
        rows = pd.Index(ids).get_indexer(missing["report"].astype(str))
        if (rows < 0).any():
            raise _core.Error(f"missing frame names report '{missing['report'].iloc[int(np.argmax(rows < 0))]}', which the values frame does not have")
        cells = pd.Index(keys).get_indexer(missing["cell"])
        if (cells < 0).any():
            form.cell(str(missing["cell"].iloc[int(np.argmax(cells < 0))]))  # raises CellKeyError naming the closest keys
        names = {m.name: m.value for m in Missing}
        kind = missing["kind"]
        codes = kind if pd.api.types.is_integer_dtype(kind) else kind.astype(object).map(names)
        if codes.isna().any():
            raise _core.Error(f"missing frame: kind '{kind[codes.isna()].iloc[0]}' is not a kind of missing ({', '.join(names)})")
        kinds = codes.to_numpy(dtype=np.int64)
    if extra_missing:
        extra = np.array(extra_missing, dtype=np.int64)
        have = set((rows * len(keys) + cells).tolist())
        keep = np.array([r * len(keys) + c not in have for r, c, _ in extra_missing])
        rows = np.concatenate([rows, extra[keep, 0]])
        cells = np.concatenate([cells, extra[keep, 1]])
        kinds = np.concatenate([kinds, extra[keep, 2]])
    m = meta.reindex(values.index) if meta is not None else None
    column = lambda name: [] if m is None or name not in m else m[name].fillna("").astype(str).tolist()
    return panel_from_array(
        form, view, (rows, cells, kinds), ids=ids, issuer=column("issuer"), scope=column("scope"), within=column("within"), series=column("series"),
        year=[] if m is None or "year" not in m else m["year"].fillna(0).astype(int).tolist(),
    )


def panel_to_frame(panel: Panel) -> pd.DataFrame:
    """The values as a wide int64 frame (rows: reports by id, columns: cell keys), a view of the
    panel's matrix where pandas allows. Missing cells hold 0: see ``missing_frame``."""
    keys = [c.key for c in panel.form.cell_list()]
    frame = pd.DataFrame(panel.values.T, index=pd.Index(panel.ids, name="report"), columns=keys, copy=False)
    frame.attrs["form"] = panel.form.key
    frame.attrs["decimals"] = {k: d for k, d in _cell_decimals(panel.form).items() if d}
    return frame


def panel_missing_frame(panel: Panel) -> pd.DataFrame:
    """Every missing cell: ``report`` (id), ``cell`` (key), ``kind`` (blank, dash, slash, not_applicable, not_stated)."""
    r, c, k = panel.missing_arrays()
    keys = np.array([cell.key for cell in panel.form.cell_list()], dtype=object)
    ids = np.array(panel.ids, dtype=object)
    kinds = np.array([_KINDS.get(i, "?") for i in range(max(_KINDS) + 1)], dtype=object)
    return pd.DataFrame({"report": ids[r], "cell": keys[c], "kind": kinds[k]})


def panel_meta_frame(panel: Panel) -> pd.DataFrame:
    """Metadata per report, indexed by id."""
    return pd.DataFrame({"issuer": panel.issuer, "year": panel.year, "scope": panel.scope, "within": panel.within, "series": panel.series},
                        index=pd.Index(panel.ids, name="report"))


def read_panel(paths: Iterable[str | os.PathLike[str]]) -> Panel:
    """One panel from report files (.json or .csv; also ``Panel.read``); every report must be on
    the same form.

    >>> panel = disclosure.panel.read_panel(["examples/data/qiqihar-2018.json"])
    >>> panel, panel.scope
    (<Panel ogi2008: 2 reports × 156 cells>, ['region', 'own_level'])
    """
    from .files import read_reports

    reports: list[Report] = []
    for p in paths:
        reports.extend(read_reports(p))
    return Panel.from_reports(reports)


def _number(units: int, scale: int) -> int | Decimal:
    return int(units) if scale == 0 else Decimal(int(units)).scaleb(-int(scale))


def findings_frame_of(result: BatchResult, metadata: bool = True) -> pd.DataFrame:
    """What did not pass, one row each: report (id), rule (id), status, lhs, rhs, difference, and
    whether missing parts were read as 0 or subtotals derived; with the report's metadata."""
    a = result.arrays()
    panel = result.panel
    ids = np.array(panel.ids, dtype=object)
    rules = np.array(result.rule_ids, dtype=object)
    frame = pd.DataFrame({"report": ids[a["report"]], "rule": rules[a["rule"]],
                          "status": pd.Categorical([_STATUS[s] for s in a["status"].tolist()], categories=list(_STATUS.values()))})
    assessed = a["status"] == Status.FAIL.value
    if (a["scale"] == 0).all():
        frame["lhs"] = pd.array(np.where(assessed, a["lhs"], 0), dtype="Int64")
        frame["rhs"] = pd.array(np.where(assessed, a["rhs"], 0), dtype="Int64")
        frame["difference"] = pd.array(a["lhs"] - a["rhs"], dtype="Int64")
        for col in ("lhs", "rhs", "difference"):
            frame.loc[~assessed, col] = pd.NA
    else:
        for col, v in (("lhs", a["lhs"]), ("rhs", a["rhs"]), ("difference", a["lhs"] - a["rhs"])):
            frame[col] = pd.Series([_number(x, s) if ok else pd.NA for x, s, ok in zip(v.tolist(), a["scale"].tolist(), assessed.tolist())], dtype=object)
    frame["read_as_zero"] = a["read_as_zero"].astype(bool)
    frame["derived"] = a["derived"].astype(bool)
    if metadata:
        for name in ("issuer", "year", "scope", "within"):
            col = np.asarray(getattr(panel, name), dtype=object if name != "year" else np.int64)
            frame[name] = col[a["report"]]
    frame.attrs["reports"] = result.reports
    return frame


def counts_per_rule(result: BatchResult) -> pd.DataFrame:
    """Per rule: items (reports), passes, fails, not_assessable, errors — as disclosure.summarise gives."""
    p, f, n, e = result.rule_counts()
    return pd.DataFrame({"rule": result.rule_ids, "items": result.reports, "passes": p, "fails": f, "not_assessable": n, "errors": e})


def counts_per_report(result: BatchResult) -> pd.DataFrame:
    """Per report (by id): fails, not_assessable, errors."""
    f, n, e = result.report_counts()
    return pd.DataFrame({"fails": f, "not_assessable": n, "errors": e}, index=pd.Index(result.panel.ids, name="report"))


class GroupSum(NamedTuple):
    """Reports summed by group (``Panel.group_sum``): the sums as a panel with a report per group,
    each group's members, and per cell and group how many members state a number.

    >>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> g = disclosure.Panel.from_reports(reports).group_sum("issuer")
    >>> g.sums.value("requests.total.year", 0), g.members, g.stated.shape
    (346, [[0, 1]], (156, 1))
    """

    sums: Panel  # a column per group (ids are the keys), in order of first appearance
    members: list[list[int]]  # per group: its reports' indices
    stated: np.ndarray  # cells × groups: how many members state a number (a partial sum is not a complete one)


def panel_group_sum(panel: Panel, by: str | Sequence[str]) -> GroupSum:
    """The reports summed by a metadata column (``"issuer"``, ``"year"``, ``"scope"``, ``"within"``
    — the parent unit — or ``"series"``) or by a key per report. A cell no member gives a number for
    stays missing (with the members' kind when they agree)."""
    sums, members, stated = panel._group_sum(by if isinstance(by, str) else [str(k) for k in by])
    return GroupSum(sums, members, stated)
