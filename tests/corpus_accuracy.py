#!/usr/bin/env python3
"""How the library does on the corpus of many publishers (tests/data/corpus): per half, the
figures a careful reader transcribed that extraction places right, in a wrong cell, or misses;
the inconsistencies the reader found that `disclosure check` finds or misses; and its false
alarms (failures of severity error on figures that hold).

    python tests/corpus_accuracy.py                 # both halves, a table each
    python tests/corpus_accuracy.py --half dev -v   # one half, with every miss and false alarm
    python tests/corpus_accuracy.py --half dev --check   # exit 1 below the development targets

A figure is located by its quote in the page; it is placed right when extraction put that value,
read from within the quote, into the transcribed cell, or (a figure the form has no cell for, or a
share) kept it in a statement; in a wrong cell when it went to another cell. An inconsistency is
found when a failing finding (of severity warning or error; info for an incomplete list) compares
the printed figure with what the report's other figures give: one side equal to the stated value,
the other to the computed one (a fraction a/b as a share within one unit of its last printed
digit). A false alarm is a failing finding of severity error that matches no recorded
inconsistency. Targets for the development half (issue 13): at least 95% of the inconsistencies
found and no false alarm.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import disclosure

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
TARGET_FOUND = 0.95
# Two batches, each split by publisher before code was changed for it: development halves, and
# halves measured once (heldout/ was measured in its session and developed on after: see README).
HALVES = ["dev", "heldout", "dev2", "heldout2"]
DEVELOPMENT = ["dev", "dev2"]


@dataclass
class Tally:
    reports: int = 0
    publishers: set = field(default_factory=set)
    figures: int = 0
    right: int = 0
    wrong: list = field(default_factory=list)
    missed: list = field(default_factory=list)
    inconsistencies: int = 0
    found: int = 0
    not_found: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)
    unexpected_warnings: list = field(default_factory=list)


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(str(text).replace(",", ""))
    except Exception:
        return None


def _near(value, computed: str, percent: bool = True) -> bool:
    """A finding's side against the reader's computed figure: equal, or a fraction a/b within one
    unit of the side's last digit (as a share, or, for a rate or multiple, as it is)."""
    if value is None:
        return False
    side = Decimal(str(value))
    if "/" in str(computed):
        a, b = str(computed).split("/")
        if Decimal(b) == 0:
            return False
        share = Fraction(Decimal(a)) / Fraction(Decimal(b)) * (100 if percent else 1)
        unit = Fraction(1, 10 ** max(0, -side.as_tuple().exponent))
        return abs(Fraction(side) - share) < unit
    c = _number(computed)
    return c is not None and side == c


def _as_percent(inc: dict) -> bool:
    """A computed a/b is a share, but for a multiple and a rate that is no percentage (日均23条)."""
    return inc["kind"] != "multiple" and not (inc["kind"] == "rate" and "%" not in inc.get("quote", ""))


def _sides_match(finding, inc: dict) -> bool:
    stated, computed = _number(inc.get("stated", "")), str(inc.get("computed", ""))
    lhs, rhs = finding.lhs, finding.rhs
    if inc["kind"] == "duplicate-part":
        return "duplicate" in finding.rule and stated is not None and stated in {_number(lhs) if lhs is not None else None, _number(rhs) if rhs is not None else None}
    for a, b in ((lhs, rhs), (rhs, lhs)):
        if a is not None and stated is not None and Decimal(str(a)) == stated and _near(b, computed, _as_percent(inc)):
            return True
    return False


def _matches(finding, inc: dict) -> bool:
    if finding.status != disclosure.Status.FAIL:
        return False
    severity_ok = finding.severity != disclosure.Severity.info or inc["kind"] == "incomplete-list"
    return severity_ok and _sides_match(finding, inc)


def _placed_in(extraction, start: int, end: int):
    return [p for p in extraction.placed if start <= p.position < end]


def _statement_items(reports):
    for r in reports:
        for s in r.statements:
            for item in ([s.total] if s.total else []) + list(s.parts) + ([s.base] if s.base else []):
                yield s, item


def score_figures(tally: Tally, name: str, text: str, page_text: str, extraction, truth: dict) -> None:
    items = list(_statement_items(extraction.reports))
    for fig in truth["figures"]:
        tally.figures += 1
        at = page_text.find(fig["quote"])
        value = _number(fig["value"])
        label = f"{name}: {fig['quote']} = {fig['value']}" + (f" ({fig['cell']})" if fig.get("cell") else "")
        if value is None:
            tally.missed.append(label + " [not a number]")
            continue
        if at < 0:
            # A table's cells are rendered apart in the page text: the cell decides.
            held = fig.get("cell") and any(_number(r.values().get(fig["cell"])) == value for r in extraction.reports if isinstance(r.values().get(fig["cell"]), (int, Decimal)))
            if held:
                tally.right += 1
            else:
                tally.missed.append(label + " [quote not in the page text]")
            continue
        end = at + len(fig["quote"])
        if f"{fig['value']}万" in fig["quote"]:
            value *= 10000  # "67.45万条": the reader writes the number, the unit says ten thousand
        placed = [p for p in _placed_in(extraction, at, end) if p.value is not None and not isinstance(p.value, disclosure.Missing) and Decimal(str(p.value)) == value]
        cells = {p.cell for p in placed if p.kind in ("cell", "stated_total", "reading")}
        if fig.get("cell") and fig["cell"] in cells:
            tally.right += 1
            continue
        if fig.get("cell") and cells:
            tally.wrong.append(f"{label}: extracted into {', '.join(sorted(cells))}")
            continue
        share = fig.get("unit") == "%"
        kept = any(
            (share and item.share is not None and Decimal(str(item.share)) == value and at - 80 <= (item.position or 0) < end)
            or (not share and item.count is not None and Decimal(str(item.count)) == value and at <= (item.position or -1) < end)
            for _, item in items
        ) or (share and any(p.kind in ("percentage", "growth_rate") for p in placed))
        if kept or (not fig.get("cell") and cells):
            tally.right += 1
        else:
            tally.missed.append(label)


def score_findings(tally: Tally, name: str, findings, truth: dict) -> None:
    matched = set()
    for inc in truth["inconsistencies"]:
        tally.inconsistencies += 1
        hits = [i for i, f in enumerate(findings) if _matches(f, inc)]
        if hits:
            tally.found += 1
            matched.update(hits)
        else:
            tally.not_found.append(f"{name}: {inc['kind']} ({inc['severity']}): {inc['arithmetic']}")
    for i, f in enumerate(findings):
        if f.status != disclosure.Status.FAIL or i in matched or f.rule in ("locate",):
            continue
        line = f"{name}: {f.rule} {f.lhs} vs {f.rhs}: {f.message('en')[:160]}"
        if f.severity == disclosure.Severity.error:
            tally.false_alarms.append(line)
        elif f.severity == disclosure.Severity.warning:
            tally.unexpected_warnings.append(line)


def _read(raw: bytes, name: str, stem: str, truth: dict):
    """The page and its extraction, as disclosure.extract reads it: a traditional-character page is
    converted (when OpenCC is installed), and so are the quotes that locate its figures."""
    page = disclosure._core.read_page(raw, name)
    try:
        return page, disclosure._core.extract_page(page, id=stem, format="")
    except disclosure.ParseError as e:
        converted = disclosure.traditional.simplified_page(raw, page.encoding, name) if disclosure.traditional.is_refusal(e) else None
        if converted is None:
            raise
        import opencc  # present: simplified_page needs it

        to_simplified = opencc.OpenCC("tw2sp").convert
        for fig in truth["figures"]:
            fig["quote"] = to_simplified(fig["quote"])
        return converted, disclosure._core.extract_page(converted, id=stem, format="")


def score_half(half: str) -> Tally:
    tally = Tally()
    for path in sorted((CORPUS / half).glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        txt = path.with_suffix(".txt")
        raw = txt.read_bytes()
        tally.reports += 1
        tally.publishers.add(truth["issuer"])
        try:
            page, extraction = _read(raw, txt.name, path.stem, truth)
        except disclosure.Error as e:
            tally.figures += len(truth["figures"])
            tally.missed += [f"{path.stem}: {f['quote']} [refused: {e}]" for f in truth["figures"]]
            tally.inconsistencies += len(truth["inconsistencies"])
            tally.not_found += [f"{path.stem}: {i['kind']} [refused]" for i in truth["inconsistencies"]]
            continue
        score_figures(tally, path.stem, raw.decode("utf-8"), page.text, extraction, truth)
        score_findings(tally, path.stem, disclosure.check_reports(list(extraction.reports)), truth)
    return tally


def table(half: str, t: Tally) -> str:
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "—"
    return (
        f"{half}: {t.reports} reports, {len(t.publishers)} publishers\n"
        f"  figures        {t.figures:4d}   right {t.right} ({pct(t.right, t.figures)})   wrong cell {len(t.wrong)}   missed {len(t.missed)}\n"
        f"  inconsistencies {t.inconsistencies:3d}   found {t.found} ({pct(t.found, t.inconsistencies)})   missed {len(t.not_found)}\n"
        f"  false alarms (error)  {len(t.false_alarms)}   other warnings {len(t.unexpected_warnings)}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=HALVES, action="append")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--check", action="store_true", help="exit 1 when the development half misses its targets")
    args = ap.parse_args(argv)
    ok = True
    for half in args.half or HALVES:
        t = score_half(half)
        print(table(half, t))
        if args.verbose:
            for title, rows in (("wrong cell", t.wrong), ("missed figures", t.missed), ("missed inconsistencies", t.not_found),
                                ("false alarms", t.false_alarms), ("other warnings", t.unexpected_warnings)):
                for row in rows:
                    print(f"    {title}: {row}")
        if args.check and half in DEVELOPMENT:
            ok = ok and t.inconsistencies > 0 and t.found / t.inconsistencies >= TARGET_FOUND and not t.false_alarms
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
