"""Charts with matplotlib (an optional dependency: ``pip install disclosure[plot]``).

Each function returns the matplotlib ``Figure`` and ``Axes`` so that a user can restyle them,
and draws into ``ax=`` when given one. Labels are in English unless ``lang="zh"`` (or the
default language is Chinese: :func:`disclosure.set_language`); Chinese labels need a font with
Chinese glyphs (Debian: ``apt-get install fonts-wqy-microhei`` or ``fonts-noto-cjk``).

>>> from disclosure.plots import plot_shares, plot_series, plot_findings       # doctest: +SKIP
>>> fig, ax = plot_shares(region, "requests.total.year")                       # doctest: +SKIP
>>> ax.set_title("Requests by channel"); fig.savefig("shares.png")             # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

from . import _core
from ._core import Finding, Missing, Report
from .display import cell_label
from .language import resolve

__all__ = ["plot_shares", "plot_series", "plot_findings", "cjk_font"]


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - exercised only without the extra
        raise ImportError("disclosure's plots need matplotlib: pip install 'disclosure[plot]'") from e
    return plt


# Families with Chinese glyphs, tried in order for lang="zh" (install e.g. Debian's fonts-wqy-microhei).
CJK_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei", "sans-serif"]


_cjk: list[str] = []


def cjk_font() -> str:
    """The first installed family of :data:`CJK_FONTS` (else ``sans-serif``: Chinese glyphs will be missing)."""
    if not _cjk:
        from matplotlib import font_manager

        installed = {f.name for f in font_manager.fontManager.ttflist}
        _cjk.append(next((name for name in CJK_FONTS if name in installed), "sans-serif"))
    return _cjk[0]


def _fonts(lang: str) -> dict[str, Any]:
    return {"fontfamily": cjk_font()} if lang == "zh" else {}


def _legend_font(lang: str, **extra: Any) -> Optional[dict[str, Any]]:
    """Legend font properties for ``lang``. The family goes in a list: a lone string is read by
    matplotlib as a fontconfig pattern, in which the fallback ``sans-serif`` does not parse."""
    return {"family": [cjk_font()], **extra} if lang == "zh" else None


def plot_shares(report: Report, base: str, decimals: int = 2, lang: Optional[str] = None, ax: Any = None,
                rounding: _core.Rounding = _core.Rounding.half_up) -> tuple[Any, Any]:
    """A horizontal bar chart of the shares of ``base``'s parts, with the percentages the report
    states marked beside the computed ones. Parts without a number are left out and named in the title."""
    plt = _pyplot()
    lang = resolve(lang)
    shares = _core.shares(report, base, decimals, rounding)
    def label(key: str) -> str:
        return cell_label(report.form, key, lang)

    shown = [s for s in shares if s.percent is not None]
    missing = [label(s.part) for s in shares if s.percent is None]
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(7, 0.5 * len(shown) + 1.5))
    y = range(len(shown))
    ax.barh(list(y), [float(s.percent or 0) for s in shown], color="#4c72b0", label="computed" if lang == "en" else "计算")
    stated = [(i, float(s.stated)) for i, s in enumerate(shown) if s.stated is not None]
    if stated:
        ax.scatter([v for _, v in stated], [i for i, _ in stated], color="#dd8452", zorder=3, label="stated" if lang == "en" else "报告所述")
    ax.set_yticks(list(y), [label(s.part) for s in shown], **_fonts(lang))
    ax.invert_yaxis()
    ax.set_xlabel("%")
    title = f"{report.issuer if lang == 'zh' else report.id} {report.year}: {label(base)}"
    if missing:
        title += ("\n(no number: " if lang == "en" else "\n（无数值：") + ", ".join(missing) + (")" if lang == "en" else "）")
    ax.set_title(title, fontsize=9, **_fonts(lang))
    ax.legend(loc="lower right", fontsize=8, prop=_legend_font(lang))
    fig.tight_layout()
    return fig, ax


def plot_series(reports: Sequence[Report], cell: str, lang: Optional[str] = None, ax: Any = None) -> tuple[Any, Any]:
    """A line chart of one cell over the years of a series. A year without a number is a gap,
    marked on the axis with why (not stated, blank, "—", "/", not on the form); never a 0."""
    plt = _pyplot()
    lang = resolve(lang)
    g = _core.growth_series(list(reports), cell)
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(7, 3.5))
    years = [p["year"] for p in g["points"]]
    numbers = [p["value"] if isinstance(p["value"], (int,)) or hasattr(p["value"], "as_tuple") else None for p in g["points"]]
    values = [float(v) if v is not None else float("nan") for v in numbers]
    ax.plot(years, values, marker="o", color="#4c72b0")
    by_id = {r.id: r for r in reports}
    for p, v in zip(g["points"], numbers):
        if v is not None:
            continue
        year, report = p["year"], by_id.get(p["report"])
        value = report[cell] if report is not None and cell in report.form else None
        why = value.name if isinstance(value, Missing) else ("not on the form" if lang == "en" else "表中无此项")
        ax.annotate("×", (year, 0), xycoords=("data", "axes fraction"), ha="center", va="bottom", color="#c44e52")
        ax.annotate(why, (year, 0.06), xycoords=("data", "axes fraction"), ha="center", va="bottom", fontsize=7, color="#c44e52", rotation=90, **_fonts(lang))
    ax.set_xticks(years)
    cagr = "" if g["cagr"] is None else f" (CAGR {g['cagr'] * 100:.1f}%)"
    first = next((r for r in reports if cell in r.form), None)
    name = cell if first is None else cell_label(first.form, cell, lang)
    ax.set_title(f"{name}{cagr}", fontsize=9, **_fonts(lang))
    fig.tight_layout()
    return fig, ax


#: Colours of the heatmap: a failure by severity, then the other statuses; white where a rule does not apply.
HEATMAP_COLOURS = {
    "FAIL error": "#c44e52",
    "FAIL warning": "#f0a04b",
    "FAIL info": "#8fb4e3",
    "ERROR": "#6a3d9a",
    "NOT_ASSESSABLE": "#dddddd",
    "PASS": "#8cc084",
    "": "#ffffff",
}
_HEATMAP_WORDS = {
    "en": {"FAIL error": "fails (error)", "FAIL warning": "fails (warning)", "FAIL info": "fails (info)", "ERROR": "check error",
           "NOT_ASSESSABLE": "not assessable", "PASS": "passes", "": "not a rule of the form"},
    "zh": {"FAIL error": "不符（错误）", "FAIL warning": "不符（警告）", "FAIL info": "不符（提示）", "ERROR": "核对出错",
           "NOT_ASSESSABLE": "无法核对", "PASS": "通过", "": "非该表规则"},
}


def plot_findings(findings: Iterable[Finding], rules: Optional[Sequence[str]] = None, reports: Optional[Sequence[Report]] = None,
                  all_rules: bool = False, lang: Optional[str] = None, ax: Any = None) -> tuple[Any, Any]:
    """Findings over many reports as a heatmap: a row per report, a column per rule, coloured by
    status (a failure by its severity). By default only the rules that fail or err somewhere are
    shown (``all_rules=True`` for every rule, ``rules=[…]`` to choose). With ``reports`` the rows
    are labelled by issuer and year and kept in that order.

    The returned ``ax.images[0]`` holds the status codes; ``ax.codes`` names them.
    """
    plt = _pyplot()
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    lang = resolve(lang)
    findings = list(findings)
    status: dict[tuple[str, str], str] = {}
    order_reports: dict[str, None] = {}
    order_rules: dict[str, None] = {}
    for f in findings:
        key = f"FAIL {f.severity.name}" if f.status.name == "FAIL" else f.status.name
        status[(f.report, f.rule)] = key
        order_reports.setdefault(f.report, None)
        order_rules.setdefault(f.rule, None)
    row_ids = [r.id for r in reports] if reports is not None else list(order_reports)
    if rules is not None:
        columns = list(rules)
    elif all_rules:
        columns = list(order_rules)
    else:
        columns = [rule for rule in order_rules if any(status.get((r, rule), "").startswith(("FAIL", "ERROR")) for r in row_ids)]
    codes = list(HEATMAP_COLOURS)
    grid = [[codes.index(status.get((r, rule), "")) for rule in columns] for r in row_ids]
    height = max(2.5, 0.28 * len(row_ids) + 2.2)
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(max(6.0, 0.3 * len(columns) + 3.5), height))
    cmap = ListedColormap([HEATMAP_COLOURS[c] for c in codes])
    ax.imshow(grid if grid and columns else [[codes.index("")]], cmap=cmap, vmin=-0.5, vmax=len(codes) - 0.5, aspect="auto", interpolation="nearest")
    ax.codes = codes
    by_id = {r.id: r for r in reports} if reports is not None else {}
    ylabels = [f"{by_id[r].issuer} {by_id[r].year}" if r in by_id and lang == "zh" else r for r in row_ids]
    ax.set_yticks(range(len(row_ids)), ylabels, fontsize=7, **_fonts(lang))
    ax.set_xticks(range(len(columns)), columns, rotation=90, fontsize=7)
    ax.set_xticks([x - 0.5 for x in range(1, len(columns))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(row_ids))], minor=True)
    ax.grid(which="minor", color="white", linewidth=0.8)
    ax.tick_params(which="minor", length=0)
    used = sorted({c for row in grid for c in row})
    handles = [Patch(facecolor=HEATMAP_COLOURS[codes[c]], edgecolor="#999999", label=_HEATMAP_WORDS[lang][codes[c]]) for c in used]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7, frameon=False,
              prop=_legend_font(lang, size=7))
    title = "Findings by report and rule" if lang == "en" else "各报告各规则的核对结果"
    if rules is None and not all_rules:
        title += " (rules that fail somewhere)" if lang == "en" else "（仅列出有不符的规则）"
    ax.set_title(title, fontsize=9, **_fonts(lang))
    fig.tight_layout()
    return fig, ax
