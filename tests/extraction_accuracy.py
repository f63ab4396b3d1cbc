#!/usr/bin/env python3
"""How well extraction reads real pages: for each page in tests/data/pages, the share of the
hand-transcribed figures (cells and stated figures of tests/data/reports/<name>.json) that
extraction gets exactly right, and the figures it puts in a cell with another value (wrong).

    python tests/extraction_accuracy.py            # prints the table; exit 1 if a target is missed

Targets (issue 6): at least 95% right on template reports, 85% on narrative ones, no wrong figure.
Columns: truth (figures transcribed), right, missed, wrong (a cell or stated figure extracted with a
value other than the transcribed one), new (cells extracted that the transcription leaves empty:
not counted as right or wrong, listed with --verbose).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import disclosure

ROOT = Path(__file__).resolve().parent / "data"
TARGETS = {"template": 0.95, "narrative": 0.85}


@dataclass
class Score:
    name: str
    kind: str
    truth: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)

    def compare(self, want: dict, have: dict, what: str) -> None:
        """Counts each transcribed figure as right, missed, or wrong (extracted with another value)."""
        for key, value in want.items():
            if key not in have:
                self.missed.append(f"{what}{key} = {value}")
            elif str(have[key]) == str(value):
                self.right += 1
            else:
                self.wrong.append(f"{what}{key}: extracted {have[key]}, transcribed {value}")

    @property
    def share(self) -> float:
        return self.right / self.truth if self.truth else 1.0


def _values(report: disclosure.Report) -> dict[str, object]:
    """Cell key → value: a number, or the Missing kind of a blank, "—" or "/" (not_stated left out)."""
    return {k: v for k, v in report.values().items() if v is not disclosure.Missing.not_stated}


def _stated(report: disclosure.Report) -> dict[tuple[str, str, str], str]:
    return {(s["kind"], s["cell"], s["base"]): str(s["value"]) for s in report.stated}


def score(name: str, pages: Path = ROOT / "pages", truths: Path = ROOT / "reports") -> Score:
    truth_reports = disclosure.read_reports(truths / f"{name}.json")
    ex = disclosure.extract(pages / name / "page.html")
    kind = "template" if ex.format.startswith("template") else "narrative"
    s = Score(name, kind)
    by_scope = {r.scope: r for r in ex.reports}
    for truth in truth_reports:
        got = by_scope.get(truth.scope)
        want_v, want_s = _values(truth), _stated(truth)
        have_v = _values(got) if got is not None and got.form.key == truth.form.key else {}
        have_s = _stated(got) if got is not None else {}
        s.truth += len(want_v) + len(want_s)
        s.compare(want_v, have_v, "")
        s.compare(want_s, have_s, "stated ")
        s.new += [f"{key} = {value}" for key, value in have_v.items() if key not in want_v]
        s.new += [f"stated {key} = {value}" for key, value in have_s.items() if key not in want_s and key[0] != "total"]
    return s


def names(pages: Path = ROOT / "pages") -> list[str]:
    return sorted(p.name for p in pages.iterdir() if (p / "page.html").exists())


def table(scores: list[Score]) -> str:
    lines = [f"{'report':<32} {'kind':<9} {'truth':>5} {'right':>5} {'missed':>6} {'wrong':>5} {'new':>4} {'right %':>7}"]
    for s in scores:
        lines.append(f"{s.name:<32} {s.kind:<9} {s.truth:>5} {s.right:>5} {len(s.missed):>6} {len(s.wrong):>5} {len(s.new):>4} {100 * s.share:>6.1f}%")
    for kind in TARGETS:
        group = [s for s in scores if s.kind == kind]
        if group:
            truth, right = sum(s.truth for s in group), sum(s.right for s in group)
            lines.append(f"{'all ' + kind:<32} {'':<9} {truth:>5} {right:>5} {sum(len(s.missed) for s in group):>6} "
                         f"{sum(len(s.wrong) for s in group):>5} {sum(len(s.new) for s in group):>4} {100 * right / truth:>6.1f}%  (target {100 * TARGETS[kind]:.0f}%)")
    return "\n".join(lines)


def misses_target(scores: list[Score]) -> list[str]:
    out = []
    for kind, target in TARGETS.items():
        group = [s for s in scores if s.kind == kind]
        truth, right = sum(s.truth for s in group), sum(s.right for s in group)
        if group and right / truth < target:
            out.append(f"{kind}: {100 * right / truth:.1f}% right, target {100 * target:.0f}%")
    out += [f"{s.name}: wrong {w}" for s in scores for w in s.wrong]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verbose", action="store_true", help="list every missed, wrong and new figure")
    args = ap.parse_args()
    scores = [score(n) for n in names()]
    print(table(scores))
    if args.verbose:
        for s in scores:
            for title, items in (("missed", s.missed), ("wrong", s.wrong), ("new", s.new)):
                for item in items:
                    print(f"  {s.name} {title}: {item}")
    problems = misses_target(scores)
    for p in problems:
        print("MISSED TARGET:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
