"""The ``disclosure`` command line.

Exit status: 0 when no finding of severity error fails, 1 when one does, 2 for bad usage or
unreadable input (the message names the file and the problem).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import unicodedata
from collections import Counter
from typing import Sequence

from . import _core, files

EXAMPLES = """examples:
  disclosure check examples/data/qiqihar-2018.json
  disclosure check --lang zh --format json reports/*.json
  disclosure shares --base requests.total.year --rounding truncate examples/data/qiqihar-2018.json
  disclosure yoy --cell proactive.total.year reports/*.json
  disclosure forms --format markdown
  disclosure extract page.html --output report.json --figures figures.json
  disclosure check page.html
"""

_STATUS_WORD = {
    "en": {"PASS": "pass", "FAIL": "FAIL", "NOT_ASSESSABLE": "n/a", "ERROR": "ERROR"},
    "zh": {"PASS": "通过", "FAIL": "不符", "NOT_ASSESSABLE": "无法核对", "ERROR": "出错"},
}


_SEVERITY_WORD = {
    "en": {"error": "error", "warning": "warning", "info": "info"},
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
}


def _pad(text: str, width: int) -> str:
    """Pads to a terminal width: CJK characters take two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="disclosure",
        description="Statistics and consistency checks for OGI annual reports (政府信息公开工作年度报告).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = sub.add_parser(
        "check",
        help="check reports and print the findings",
        description="Check every report in the files against the rules of its form.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("files", nargs="+", metavar="FILE",
                       help="report files (.json, format disclosure/reports@1, or long-form .csv) or report pages (.html, .txt), read by extraction")
    check.add_argument("--form", action="append", default=[], metavar="FORM.json", help="a user-defined form the report files name (repeatable)")
    check.add_argument("--rules", action="append", default=[], metavar="RULES.json",
                       help="rules of your own (format disclosure/rules@1, e.g. \"a + b == c\"), checked with the built-in ones (repeatable)")
    check.add_argument("--format", choices=["text", "json", "csv"], default="text", help="output format (default: text)")
    check.add_argument(
        "--lang",
        choices=["zh", "en"],
        default=os.environ.get("DISCLOSURE_LANG", "en") if os.environ.get("DISCLOSURE_LANG") in ("zh", "en") else "en",
        help="language of messages (default: $DISCLOSURE_LANG or en)",
    )
    check.add_argument("--all", action="store_true", help="in text output, list every not-assessable finding with its reason")
    shares = sub.add_parser("shares", help="shares of each breakdown", description="The share of each part of each breakdown, exact and rounded.")
    shares.add_argument("files", nargs="+", metavar="FILE")
    shares.add_argument("--base", metavar="CELL", help="only the breakdown of this cell (default: every partition with a total)")
    shares.add_argument("--decimals", type=int, default=2)
    shares.add_argument("--rounding", choices=["half_up", "half_even", "truncate"], default="half_up")
    shares.add_argument("--format", choices=["text", "json", "csv"], default="text")
    shares.add_argument("--form", action="append", default=[], metavar="FORM.json")
    yoy = sub.add_parser("yoy", help="year-on-year changes", description="Changes between consecutive years of each series, or one cell over the years.")
    yoy.add_argument("files", nargs="+", metavar="FILE")
    yoy.add_argument("--cell", metavar="CELL", help="one cell over every year of each series (with growth factors and CAGR)")
    yoy.add_argument("--decimals", type=int, default=2)
    yoy.add_argument("--format", choices=["text", "json", "csv"], default="text")
    yoy.add_argument("--form", action="append", default=[], metavar="FORM.json")
    extract = sub.add_parser(
        "extract",
        help="read reports from published pages",
        description="Read the reports of published report pages (HTML or text, UTF-8 or GBK) and write them as JSON (disclosure/reports@1).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("files", nargs="+", metavar="PAGE", help="report pages (.html, .htm, .txt)")
    extract.add_argument("--format", choices=["json", "csv"], default="json", help="output format of the reports (default: json)")
    extract.add_argument("--output", metavar="FILE", help="write the reports here, whole or not at all (default: standard output)")
    extract.add_argument("--figures", metavar="FILE", help="also write every figure read, placed or not, with its words and position (JSON)")
    extract.add_argument("--report-format", dest="report_format", choices=["template-2021", "template-2019", "narrative"],
                         help="read the pages as this format (default: detected from their labels)")
    forms = sub.add_parser("forms", help="list the forms, or describe them", description="List the built-in forms, or write their reference.")
    forms.add_argument("keys", nargs="*", metavar="KEY", help="forms to describe (default: all built-in forms)")
    forms.add_argument("--form", action="append", default=[], metavar="FORM.json", help="a user-defined form to include (repeatable)")
    forms.add_argument("--format", choices=["text", "markdown", "json"], default="text",
                       help="text: one line per form; markdown: the reference page; json: the form definitions")
    return parser


def _render_text(reports: list[_core.Report], findings: list[_core.Finding], lang: str, show_all: bool) -> str:
    words = _STATUS_WORD[lang]
    lines: list[str] = []
    by_report: dict[str, list[_core.Finding]] = {}
    for f in findings:
        by_report.setdefault(f.report, []).append(f)
    order = {"FAIL": 0, "ERROR": 1, "NOT_ASSESSABLE": 2, "PASS": 3}
    for report in reports:
        scope = _core.scope_label(report.scope, lang) if report.scope else ""
        lines.append(f"{report.issuer} {report.year} · {scope} ({report.id}, {report.form.key})")
        rows = sorted(by_report.get(report.id, []), key=lambda f: order[f.status.name])
        # Not-assessable findings are listed one by one only with --all; otherwise named on one line.
        listed = [f for f in rows if show_all or f.status.name != "NOT_ASSESSABLE"]
        hidden = [f for f in rows if f not in listed]
        width = max((len(f.rule) for f in listed), default=0)
        for f in listed:
            status = _pad(words[f.status.name], 8)
            severity = _pad(_SEVERITY_WORD[lang][f.severity.name] if f.status.name == "FAIL" else "", 7)
            lines.append(f"  {status} {severity} {f.rule:<{width}}  {f.message(lang)}")
            if f.rule != "locate":
                for s in f.suggestions[:3]:
                    lines.append(f"  {'':8} {'':7} {'':<{width}}  {'→ ' + s.message(lang)}")
                if len(f.suggestions) > 3:
                    more = len(f.suggestions) - 3
                    lines.append(f"  {'':8} {'':7} {'':<{width}}  " + (f"→ 另有{more}种单处改动也可使之相符" if lang == "zh" else f"→ {more} more single edits would also fix it"))
        if hidden:
            names = ", ".join(f.rule for f in hidden[:3]) + (", …" if len(hidden) > 3 else "")
            if lang == "zh":
                lines.append(f"  {_pad(words['NOT_ASSESSABLE'], 8)} {len(hidden)}项缺少数值（--all 列出原因）：{names}")
            else:
                lines.append(f"  {_pad(words['NOT_ASSESSABLE'], 8)} {len(hidden)} rules lack a number (--all lists why): {names}")
        lines.append("")
    counts = Counter(f.status.name for f in findings)
    errors = sum(1 for f in findings if f.status.name == "FAIL" and f.severity.name == "error")
    if lang == "zh":
        lines.append(
            f"共{len(reports)}份报告：{counts['FAIL']}项不符（其中错误{errors}项），{counts['PASS']}项通过，"
            f"{counts['NOT_ASSESSABLE']}项无法核对，{counts['ERROR']}项出错。"
        )
    else:
        lines.append(
            f"{len(reports)} reports: {counts['FAIL']} failed ({errors} of severity error), {counts['PASS']} passed, "
            f"{counts['NOT_ASSESSABLE']} not assessable, {counts['ERROR']} errors."
        )
    return "\n".join(lines) + "\n"


def _check(args: argparse.Namespace) -> int:
    reports: list[_core.Report] = []
    registry = _core.FormRegistry()
    try:
        for path in args.form:
            registry.add(_core.read_form(path))
        for path in args.files:
            reports.extend(files.read_reports(path, registry))
        rules = [rule for path in args.rules for rule in _core.read_rules(path, registry)]
    except (_core.Error, KeyError) as e:  # ParseError and CellKeyError name the file and position
        print(f"disclosure: {e}", file=sys.stderr)
        return 2
    findings = _core.check_reports(reports, rules)
    if args.format == "json":
        sys.stdout.write(_core.check_result_to_json(reports, findings))
    elif args.format == "csv":
        sys.stdout.write(_core.findings_to_csv(findings))
    else:
        sys.stdout.write(_render_text(reports, findings, args.lang, args.all))
    failed = any(f.status.name == "FAIL" and f.severity.name == "error" for f in findings)
    return 1 if failed else 0


def _figure_rows(ex: _core.Extraction) -> list[dict]:
    rows = [{"source": ex.source, "report": f.report, "status": "placed", "kind": f.kind, "cell": f.cell, "value": _shown(f.value),
             "unit": "", "label": "", "text": f.text, "position": f.position, "where": f.where, "reason": ""} for f in ex.placed]
    rows += [{"source": ex.source, "report": f.report, "status": "unplaced", "kind": "", "cell": "", "value": _shown(f.value), "unit": f.unit,
              "label": f.label, "text": f.text, "position": f.position, "where": f.where, "reason": f.reason} for f in ex.unplaced]
    return rows


def _extract(args: argparse.Namespace) -> int:
    reports: list[_core.Report] = []
    figures: list[dict] = []
    try:
        for path in args.files:
            ex = files.extract(path, format=args.report_format or "")
            reports.extend(ex.reports)
            figures.extend(_figure_rows(ex))
            for note in ex.notes:
                print(f"disclosure: {note}", file=sys.stderr)
            placed = sum(1 for f in ex.placed if f.kind == "cell")
            print(f"disclosure: {path}: {ex.format}, {ex.encoding}: {len(ex.reports)} report(s), {placed} cells filled, "
                  f"{len(ex.placed) - placed} stated figures and readings, {len(ex.unplaced)} figures unplaced", file=sys.stderr)
    except (_core.Error, KeyError, OSError) as e:
        print(f"disclosure: {e}", file=sys.stderr)
        return 2
    text = _core.reports_to_csv(reports) if args.format == "csv" else _core.reports_to_json(reports)
    if args.output:
        files.write_text_atomically(args.output, text)
    else:
        sys.stdout.write(text)
    if args.figures:
        files.write_text_atomically(args.figures, json.dumps(figures, ensure_ascii=False, indent=1) + "\n")
    return 0


def _load(args: argparse.Namespace) -> list[_core.Report] | None:
    registry = _core.FormRegistry()
    try:
        for path in args.form:
            registry.add(_core.read_form(path))
        return [r for path in args.files for r in files.read_reports(path, registry)]
    except (_core.Error, KeyError) as e:
        print(f"disclosure: {e}", file=sys.stderr)
        return None


def _shown(value: object) -> str:
    return f"<{value.name}>" if isinstance(value, _core.Missing) else str(value)


def _emit(rows: list[dict], fmt: str, text_lines: list[str]) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "csv":
        out = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["report"], lineterminator="\n")
        out.writeheader()
        out.writerows(rows)
    else:
        sys.stdout.write("\n".join(text_lines) + "\n")


def _shares(args: argparse.Namespace) -> int:
    reports = _load(args)
    if reports is None:
        return 2
    rows: list[dict] = []
    lines: list[str] = []
    try:
        for r in reports:
            breakdowns = [_core.shares(r, args.base, args.decimals, _core.Rounding[args.rounding])] if args.base else \
                _core.shares(r, None, args.decimals, _core.Rounding[args.rounding])
            lines.append(f"{r.issuer} {r.year} · {r.scope} ({r.id})")
            for b in breakdowns:
                for s in b:
                    shown = f"{s.percent}%" if s.percent is not None else f"— ({s.why_absent})"
                    stated = f"  stated {s.stated}%" if s.stated is not None else ""
                    derived = "  (part derived from its stated parts)" if s.part_derived else ""
                    lines.append(f"  {s.part:<45} of {s.base:<28} {_shown(s.part_value):>14} {shown:>10}{stated}{derived}")
                    rows.append({"report": r.id, "part": s.part, "base": s.base, "part_value": _shown(s.part_value), "base_value": _shown(s.base_value),
                                 "fraction": s.fraction, "percent": s.percent, "stated": s.stated, "part_derived": s.part_derived,
                                 "why_absent": s.why_absent})
    except (_core.Error, KeyError) as e:
        print(f"disclosure: {e}", file=sys.stderr)
        return 2
    _emit(rows, args.format, lines)
    return 0


def _yoy(args: argparse.Namespace) -> int:
    reports = _load(args)
    if reports is None:
        return 2
    series: dict[str, list[_core.Report]] = {}
    for r in reports:
        series.setdefault(r.series or f"{r.issuer}|{r.scope}", []).append(r)
    rows: list[dict] = []
    lines: list[str] = []
    try:
        for name, members in series.items():
            members.sort(key=lambda r: r.year)
            if args.cell:
                g = _core.growth_series(members, args.cell)
                cagr = "—" if g["cagr"] is None else f"{g['cagr'] * 100:.{args.decimals}f}%"
                lines.append(f"{name}: {args.cell} (CAGR {cagr})")
                for p in g["points"]:
                    lines.append(f"  {p['year']}  {str(p['value']):>10}  change {str(p['change']):>8}  factor {str(p['factor']):>10}")
                    rows.append({"series": name, "cell": args.cell, **p, "cagr": g["cagr"]})
                continue
            for before, after in zip(members, members[1:]):
                if after.year != before.year + 1:
                    continue
                lines.append(f"{name}: {before.year} → {after.year} ({before.id} → {after.id})")
                for c in _core.changes(before, after, args.decimals):
                    shown = f"{c.percent}%" if c.percent is not None else f"— ({c.why_absent})"
                    lines.append(f"  {c.cell:<55} {str(c.before):>10} → {str(c.after):<10} {shown}")
                    rows.append({"series": name, "before_report": before.id, "after_report": after.id, "cell": c.cell, "before": c.before,
                                 "after": c.after, "absolute": c.absolute, "relative": c.relative, "percent": c.percent, "why_absent": c.why_absent})
    except (_core.Error, KeyError) as e:
        print(f"disclosure: {e}", file=sys.stderr)
        return 2
    _emit(rows, args.format, lines)
    return 0


def _forms(args: argparse.Namespace) -> int:
    try:
        registry = _core.FormRegistry()
        for path in args.form:
            registry.add(_core.read_form(path))
        keys = args.keys or (_core.builtin_form_keys() + [_core.read_form(p).key for p in args.form])
        forms = [registry.get(k) for k in keys]
    except (_core.Error, KeyError) as e:
        print(f"disclosure: {e}", file=sys.stderr)
        return 2
    if args.format == "markdown":
        from .reference import reference_page

        sys.stdout.write(reference_page(forms))
    elif args.format == "json":
        sys.stdout.write("".join(f.to_json() for f in forms) if len(forms) == 1 else "[" + ",".join(f.to_json() for f in forms) + "]\n")
    else:
        for f in forms:
            print(f"{f.key:<10} {len(f):>4} cells  {f.label_zh if args.lang == 'zh' else f.label_en}" if hasattr(args, "lang") else f"{f.key:<10} {len(f):>4} cells  {f.label_en}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        return _check(args)
    if args.command == "forms":
        return _forms(args)
    if args.command == "extract":
        return _extract(args)
    if args.command == "shares":
        return _shares(args)
    if args.command == "yoy":
        return _yoy(args)
    return 2  # unreachable: argparse requires a command


if __name__ == "__main__":
    sys.exit(main())
