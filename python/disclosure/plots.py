"""Charts with matplotlib (an optional dependency: ``pip install disclosure[plot]``). Each function
returns the matplotlib Figure and Axes so that a user can restyle them."""

from __future__ import annotations

from typing import Any, Sequence

from . import _core
from ._core import Report


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - exercised only without the extra
        raise ImportError("disclosure's plots need matplotlib: pip install 'disclosure[plot]'") from e
    return plt


# Families with Chinese glyphs, tried in order for lang="zh" (install e.g. Debian's fonts-wqy-microhei).
CJK_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "sans-serif"]


def _fonts(lang: str) -> dict[str, Any]:
    return {"fontfamily": CJK_FONTS} if lang == "zh" else {}


def plot_shares(report: Report, base: str, decimals: int = 2, lang: str = "en", ax: Any = None) -> tuple[Any, Any]:
    """A horizontal bar chart of the shares of ``base``'s parts, with the percentages the report
    states marked beside the computed ones. Parts without a number are left out and listed in the title."""
    plt = _pyplot()
    shares = _core.shares(report, base, decimals)
    form = report.form
    label = (lambda key: form.cell(key).label_zh) if lang == "zh" else (lambda key: form.cell(key).label_en)
    shown = [s for s in shares if s.percent is not None]
    missing = [label(s.part) for s in shares if s.percent is None]
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(7, 0.5 * len(shown) + 1.5))
    y = range(len(shown))
    ax.barh(list(y), [float(s.percent) for s in shown], color="#4c72b0", label="computed" if lang == "en" else "计算")
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
    ax.legend(loc="lower right", fontsize=8, prop={"family": CJK_FONTS} if lang == "zh" else None)
    fig.tight_layout()
    return fig, ax


def plot_series(reports: Sequence[Report], cell: str, lang: str = "en", ax: Any = None) -> tuple[Any, Any]:
    """A line chart of one cell over the years of a series; years without a number are gaps."""
    plt = _pyplot()
    g = _core.growth_series(list(reports), cell)
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(7, 3.5))
    years = [p["year"] for p in g["points"]]
    values = [float(p["value"]) if p["value"] is not None else float("nan") for p in g["points"]]
    ax.plot(years, values, marker="o", color="#4c72b0")
    ax.set_xticks(years)
    cagr = "" if g["cagr"] is None else f" (CAGR {g['cagr'] * 100:.1f}%)"
    first = next((r for r in reports if cell in r.form), None)
    name = cell if first is None else (first.form.cell(cell).label_zh if lang == "zh" else first.form.cell(cell).label_en)
    ax.set_title(f"{name}{cagr}", fontsize=9, **_fonts(lang))
    fig.tight_layout()
    return fig, ax
