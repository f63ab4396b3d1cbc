"""Draws the pictures of docs/plots/ that the README shows, from the data in the repository.

    python docs/make_plots.py            # from the repository root, with disclosure[plot] installed

The Chinese picture needs a font with Chinese glyphs (Debian: apt-get install fonts-wqy-microhei);
without one it is skipped, and said so.
"""

from __future__ import annotations

import pathlib
import sys

import matplotlib

matplotlib.use("Agg")

import disclosure  # noqa: E402
from disclosure.plots import cjk_font, plot_findings, plot_series, plot_shares  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "plots"
REPORTS = ROOT / "tests" / "data" / "reports"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    region, city = disclosure.read_reports(ROOT / "examples" / "data" / "qiqihar-2018.json")
    fig, _ = plot_shares(region, "requests.total.year", rounding=disclosure.Rounding.truncate, lang="en")
    fig.savefig(OUT / "shares.png", dpi=110)
    if cjk_font() != "sans-serif":
        fig, _ = plot_shares(region, "requests.total.year", rounding=disclosure.Rounding.truncate, lang="zh")
        fig.savefig(OUT / "shares-zh.png", dpi=110)
    else:
        print("make_plots: no font with Chinese glyphs; shares-zh.png not drawn", file=sys.stderr)
    pingtan = [r for p in sorted(REPORTS.glob("*_pingtan_zonghe_shiyanqu.json")) for r in disclosure.read_reports(p)]
    fig, _ = plot_series(pingtan, "proactive.total.year", lang="en")
    fig.savefig(OUT / "series.png", dpi=110)
    narrative = [r for p in sorted(REPORTS.glob("*.json")) for r in disclosure.read_reports(p) if r.form.key == "ogi2008"] + [region, city]
    fig, _ = plot_findings(disclosure.check_reports(narrative), reports=narrative, lang="en")
    fig.savefig(OUT / "findings.png", dpi=110)
    print(f"make_plots: wrote {', '.join(sorted(p.name for p in OUT.glob('*.png')))} to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
