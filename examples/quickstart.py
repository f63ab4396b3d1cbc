"""disclosure from Python in one page: read, check, explain, shares, year on year, frames.

    python examples/quickstart.py [--lang zh]        # from the repository root

The tests run it and type-check it with mypy --strict, so it is also an example of the types:
a cell's value is ``int | Decimal | Missing``, a percentage ``Decimal | None`` …
"""

from __future__ import annotations

import argparse
import pathlib
from decimal import Decimal

import pandas as pd

import disclosure
from disclosure import Missing, Rounding, Status

ROOT = pathlib.Path(__file__).resolve().parents[1]


def explain(findings: disclosure.Findings, lang: str) -> list[str]:
    """Each failure with its sides, the parts read as 0 and the first single edit that would fix it."""
    lines = []
    for f in findings.failed:
        if f.rule == "locate":
            continue
        sides = "" if f.lhs is None else f" ({f.lhs} {f.comparison} {f.rhs})"
        lines.append(f"{f.report} {f.rule}{sides}: {f.message(lang)}")
        if f.read_as_zero:
            lines.append("  read as 0: " + ", ".join(f.read_as_zero))
        if f.suggestions:
            lines.append("  → " + f.suggestions[0].message(lang))
    return lines


def channel_shares(report: disclosure.Report) -> dict[str, Decimal | None]:
    """Each request channel's share, truncated as the report does; None where a part has no number."""
    out: dict[str, Decimal | None] = {}
    for s in disclosure.shares(report, "requests.total.year", 2, Rounding.truncate):
        out[s.part] = s.percent if s.percent is None or isinstance(s.percent, Decimal) else Decimal(s.percent)
    return out


def stated_or_why(report: disclosure.Report, key: str) -> str:
    value = report[key]
    return f"not a number: {value.name}" if isinstance(value, Missing) else str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=["zh", "en"], default="en")
    args = parser.parse_args(argv)
    lang: str = args.lang

    region, city = disclosure.read_reports(ROOT / "examples" / "data" / "qiqihar-2018.json")
    print(region)
    print("fax requests of the city's own level:", stated_or_why(city, "requests.letter_fax.fax.year"))

    findings = disclosure.check_reports([region, city])
    print(findings.counts())
    for line in explain(findings, lang):
        print(line)
    errors = [f for f in findings if f.status == Status.FAIL and f.severity == disclosure.Severity.error]
    print(f"{len(errors)} errors")

    print(channel_shares(region))

    reports = [r for p in sorted((ROOT / "tests" / "data" / "reports").glob("*_pingtan_zonghe_shiyanqu.json")) for r in disclosure.read_reports(p)]
    series: pd.DataFrame = disclosure.frames.series_frame(reports, "proactive.total.year")
    print(series[["year", "value", "missing"]].to_string(index=False))
    changes = disclosure.changes(reports[-2], reports[-1])
    grown = [c for c in changes if c.relative is not None and c.relative > 0]
    print(f"{len(grown)} cells grew from {reports[-2].year} to {reports[-1].year}")

    wide = disclosure.frames.reports_wide([r for r in reports if r.form.key == "ogi2021"])
    back = disclosure.frames.reports_from_wide(*wide)
    assert [r.values() for r in back] == [r.values() for r in reports if r.form.key == "ogi2021"]
    print(wide.values.shape, len(wide.missing))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
