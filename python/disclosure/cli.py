"""The ``disclosure`` command line.

Every command reads files, folders (searched recursively) and globs; ``--format`` chooses text,
JSON or CSV; ``--lang`` the language of messages and labels; ``--output FILE`` writes the output
whole or not at all. A progress bar runs on standard error while files are read, when it is a
terminal.

Exit status: 0 when no finding of severity error fails, 1 when one does, 2 for bad usage or
unreadable input (the message names the file and the problem).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from typing import Any, Optional, Sequence

from . import _core, files
from .display import cell_label as _label
from .text import LABEL_COLUMNS, clip, findings_text, pad, shares_text, shown, width
from .language import LANGUAGES, resolve
from .progress import Progress

EXAMPLES = """examples:
  disclosure check examples/data/qiqihar-2018.json
  disclosure check --lang zh --format json reports/              # a folder, searched recursively
  disclosure check 'reports/**/*.html' --format csv --output findings.csv
  disclosure shares --base requests.total.year --rounding truncate examples/data/qiqihar-2018.json
  disclosure yoy --cell proactive.total.year reports/*.json
  disclosure forms --format markdown
  disclosure extract page.html --output report.json --figures figures.json
  disclosure check page.html

exit status: 0 when no finding of severity error fails, 1 when one does, 2 for bad usage or unreadable input
"""

COMMAND_EXAMPLES = {
    "check": """examples:
  disclosure check examples/data/qiqihar-2018.json
  disclosure check --lang zh reports/                          # every .json, .csv and page below reports/
  disclosure check --format json --output findings.json 'reports/*.json'
  disclosure check --format csv --rules mine.json reports/ > findings.csv
  disclosure check --all page.html                             # also list why each rule could not be assessed

exit status: 0 when no finding of severity error fails, 1 when one does, 2 for bad usage or unreadable input
""",
    "shares": """examples:
  disclosure shares examples/data/qiqihar-2018.json            # every breakdown with a total
  disclosure shares --base requests.total.year --rounding truncate --lang zh examples/data/qiqihar-2018.json
  disclosure shares --format csv --output shares.csv reports/
""",
    "yoy": """examples:
  disclosure yoy reports/                                      # every cell, consecutive years of each series
  disclosure yoy --cell proactive.total.year 'reports/*pingtan*.json'
  disclosure yoy --format json --output changes.json reports/
""",
    "extract": """examples:
  disclosure extract page.html                                 # the reports as JSON on standard output
  disclosure extract pages/ --format csv --output reports.csv  # every page below pages/
  disclosure extract page.html --output report.json --figures figures.json
""",
    "forms": """examples:
  disclosure forms                                             # one line per built-in form
  disclosure forms ogi2021 --lang zh
  disclosure forms --format markdown --output docs/forms.md
  disclosure forms ogi2008 --format json > ogi2008.json
""",
}

FILES_HELP = ("report files (.json, format disclosure/reports@1, or long-form .csv), report pages (.html, .txt, .pdf, .docx, .doc: read by extraction), "
              "folders (searched recursively) or globs")


def _common(p: argparse.ArgumentParser, formats: Sequence[str], default: str, help: str = "", reads_files: bool = True) -> None:
    p.add_argument("--format", choices=list(formats), default=default, help=help or f"output format (default: {default})")
    p.add_argument("--lang", choices=list(LANGUAGES), default=None, help="language of messages and labels (default: $DISCLOSURE_LANG, else en)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the output here, whole or not at all (default: standard output)")
    if reads_files:
        p.add_argument("--stop-on-unreadable", dest="stop_on_unreadable", action="store_true",
                       help="stop at the first file that cannot be read; default: name each one, go on with the others, exit status 2 at the end")


def _command(sub: Any, name: str, help: str, description: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help, description=description, epilog=COMMAND_EXAMPLES[name],
                                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    return parser


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="disclosure",
        description="Statistics and consistency checks for OGI annual reports (政府信息公开工作年度报告).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = _command(sub, "check", "check reports and print the findings",
                     "Check every report in the files against the rules of its form, and the links between them.")
    check.add_argument("files", nargs="+", metavar="FILE", help=FILES_HELP)
    check.add_argument("--form", action="append", default=[], metavar="FORM.json", help="a user-defined form the report files name (repeatable)")
    check.add_argument("--rules", action="append", default=[], metavar="RULES.json",
                       help="rules of your own (format disclosure/rules@1, e.g. \"a + b == c\"), checked with the built-in ones (repeatable)")
    _common(check, ["text", "json", "csv"], "text")
    check.add_argument("--all", action="store_true", help="in text output, list every not-assessable finding with its reason")

    shares = _command(sub, "shares", "shares of each breakdown",
                      "The share of each part of each breakdown, exact and rounded, beside the share the report states.")
    shares.add_argument("files", nargs="+", metavar="FILE", help=FILES_HELP)
    shares.add_argument("--base", metavar="CELL", help="only the breakdown of this cell (default: every partition with a total)")
    shares.add_argument("--decimals", type=int, default=2, help="decimals of the rounded percentage (default: 2)")
    shares.add_argument("--rounding", choices=["half_up", "half_even", "truncate"], default="half_up",
                        help="rounding of the percentage (default: half_up, 四舍五入)")
    shares.add_argument("--form", action="append", default=[], metavar="FORM.json", help="a user-defined form the report files name (repeatable)")
    _common(shares, ["text", "json", "csv"], "text")

    yoy = _command(sub, "yoy", "year-on-year changes", "Changes between consecutive years of each series, or one cell over the years.")
    yoy.add_argument("files", nargs="+", metavar="FILE", help=FILES_HELP)
    yoy.add_argument("--cell", metavar="CELL", help="one cell over every year of each series (with growth factors and CAGR)")
    yoy.add_argument("--decimals", type=int, default=2, help="decimals of the rounded percentage (default: 2)")
    yoy.add_argument("--form", action="append", default=[], metavar="FORM.json", help="a user-defined form the report files name (repeatable)")
    _common(yoy, ["text", "json", "csv"], "text")

    extract = _command(sub, "extract", "read reports from published pages",
                       "Read the reports of published report pages (HTML or text in UTF-8 or GBK, PDF, Word) and write them as JSON "
                       "(disclosure/reports@1) or long-form CSV.")
    extract.add_argument("files", nargs="+", metavar="PAGE", help="report pages (.html, .htm, .txt, .pdf, .docx, .doc), folders (searched recursively) or globs")
    extract.add_argument("--figures", metavar="FILE", help="also write every figure read, placed or not, with its words and position (JSON)")
    extract.add_argument("--report-format", dest="report_format", choices=["template-2021", "template-2019", "narrative"],
                         help="read the pages as this format (default: detected from their labels)")
    _common(extract, ["json", "csv"], "json", "format of the reports (default: json)")

    forms = _command(sub, "forms", "list the forms, or describe them", "List the built-in forms, or write their reference.")
    forms.add_argument("keys", nargs="*", metavar="KEY", help="forms to describe (default: all built-in forms)")
    forms.add_argument("--form", action="append", default=[], metavar="FORM.json", help="a user-defined form to include (repeatable)")
    _common(forms, ["text", "markdown", "json"], "text", "text: one line per form; markdown: the reference page; json: the form definitions",
            reads_files=False)
    return parser


# ---------------------------------------------------------------- input and output


def _registry(args: argparse.Namespace) -> _core.FormRegistry:
    registry = _core.FormRegistry()
    for path in args.form:
        registry.add(_core.read_form(path))
    return registry


def _each(args: argparse.Namespace, paths: list[str], verb: str, read: Any) -> None:
    """read(path) for every path with a progress bar; a file that cannot be read is named and
    skipped (the exit status is 2 once the rest are out), or with --stop-on-unreadable ends the run."""
    skipped = 0
    with Progress(len(paths), verb) as progress:
        for path in paths:
            try:
                read(path)
            except (_core.Error, OSError) as e:
                if getattr(args, "stop_on_unreadable", False):
                    raise
                print(f"disclosure: {e}", file=sys.stderr)
                skipped += 1
            progress.step(path)
    if skipped:
        args.unreadable = skipped


def _read(args: argparse.Namespace, registry: _core.FormRegistry) -> list[_core.Report]:
    """Every report in the files, folders and globs named, with a progress bar over the files."""
    reports: list[_core.Report] = []
    _each(args, files.report_paths(args.files), "reading", lambda path: reports.extend(files.read_reports(path, registry)))
    return reports


def _write(args: argparse.Namespace, text: str) -> None:
    """The output, to --output (whole or not at all) or standard output."""
    if args.output:
        files.write_text_atomically(args.output, text)
    else:
        sys.stdout.write(text)


def _shown(value: object) -> str:
    return shown(value)


def _emit(rows: list[dict[str, Any]], fmt: str, text_lines: list[str]) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["report"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    return "\n".join(text_lines) + "\n"


# ---------------------------------------------------------------- check


def _check(args: argparse.Namespace) -> int:
    registry = _registry(args)
    reports = _read(args, registry)
    rules = [rule for path in args.rules for rule in _core.read_rules(path, registry)]
    findings = _core.check_reports(reports, rules)
    if args.format == "json":
        text = _core.check_result_to_json(reports, findings)
    elif args.format == "csv":
        text = _core.findings_to_csv(findings)
    else:
        text = findings_text(findings, reports, resolve(args.lang), show_all=args.all)
    _write(args, text)
    failed = any(f.status.name == "FAIL" and f.severity.name == "error" for f in findings)
    return 1 if failed else 0


# ---------------------------------------------------------------- extract


def _figure_rows(ex: _core.Extraction) -> list[dict[str, Any]]:
    rows = [{"source": ex.source, "report": f.report, "status": "placed", "kind": f.kind, "cell": f.cell, "value": _shown(f.value),
             "unit": "", "label": "", "text": f.text, "position": f.position, "where": f.where, "reason": ""} for f in ex.placed]
    rows += [{"source": ex.source, "report": f.report, "status": "unplaced", "kind": "", "cell": "", "value": _shown(f.value), "unit": f.unit,
              "label": f.label, "text": f.text, "position": f.position, "where": f.where, "reason": f.reason} for f in ex.unplaced]
    return rows


def _extract(args: argparse.Namespace) -> int:
    reports: list[_core.Report] = []
    figures: list[dict[str, Any]] = []
    notes: list[str] = []

    def read(path: str) -> None:
        ex = files.extract(path, format=args.report_format or "")
        reports.extend(ex.reports)
        figures.extend(_figure_rows(ex))
        notes.extend(f"disclosure: {note}" for note in ex.notes)
        placed = sum(1 for f in ex.placed if f.kind == "cell")
        notes.append(f"disclosure: {path}: {ex.format}, {ex.encoding}: {len(ex.reports)} report(s), {placed} cells filled, "
                     f"{len(ex.placed) - placed} stated figures and readings, {len(ex.unplaced)} figures unplaced")

    _each(args, files.report_paths(args.files), "extracting", read)
    for note in notes:
        print(note, file=sys.stderr)
    _write(args, _core.reports_to_csv(reports) if args.format == "csv" else _core.reports_to_json(reports))
    if args.figures:
        files.write_text_atomically(args.figures, json.dumps(figures, ensure_ascii=False, indent=1) + "\n")
    return 0


# ---------------------------------------------------------------- shares and yoy


def _shares(args: argparse.Namespace) -> int:
    reports = _read(args, _registry(args))
    lang = resolve(args.lang)
    rows: list[dict[str, Any]] = []
    text: list[str] = []
    for r in reports:
        rounding = _core.Rounding[args.rounding]
        breakdowns = [_core.shares(r, args.base, args.decimals, rounding)] if args.base else _core.shares(r, None, args.decimals, rounding)
        text.append(shares_text(r, breakdowns, lang))
        for b in breakdowns:
            for s in b:
                rows.append({"report": r.id, "part": s.part, "base": s.base, "part_value": _shown(s.part_value), "base_value": _shown(s.base_value),
                             "fraction": s.fraction, "percent": s.percent, "stated": s.stated, "part_derived": s.part_derived,
                             "why_absent": s.why_absent})
    _write(args, "".join(text) if args.format == "text" else _emit(rows, args.format, []))
    return 0


def _yoy(args: argparse.Namespace) -> int:
    reports = _read(args, _registry(args))
    lang = resolve(args.lang)
    series: dict[str, list[_core.Report]] = {}
    for r in reports:
        series.setdefault(_core.series_of(r), []).append(r)
    rows: list[dict[str, Any]] = []
    lines: list[str] = []
    for name, members in series.items():
        members.sort(key=lambda r: r.year)
        if args.cell:
            g = _core.growth_series(members, args.cell)
            cagr = "—" if g["cagr"] is None else f"{g['cagr'] * 100:.{args.decimals}f}%"
            label = next((_label(m.form, args.cell, lang) for m in members if args.cell in m.form), args.cell)
            lines.append(f"{name}: {label} ({args.cell}), CAGR {cagr}")
            change, factor = ("变化", "倍数") if lang == "zh" else ("change", "factor")
            for p in g["points"]:
                lines.append(f"  {p['year']}  {_shown(p['value']):>10}  {change} {_shown(p['change']):>8}  {factor} {_shown(p['factor']):>10}")
                rows.append({"series": name, "cell": args.cell, **p, "cagr": g["cagr"]})
            continue
        for before, after in zip(members, members[1:]):
            if after.year != before.year + 1:
                continue
            lines.append(f"{name}: {before.year} → {after.year} ({before.id} → {after.id})")
            changes = _core.changes(before, after, args.decimals)
            labels = [clip(_label(after.form, c.cell, lang), LABEL_COLUMNS) for c in changes]
            label_width = max((width(label) for label in labels), default=0)
            before_width = max((len(_shown(c.before)) for c in changes), default=0)
            after_width = max((len(_shown(c.after)) for c in changes), default=0)
            for c, label in zip(changes, labels):
                percent = f"{c.percent}%" if c.percent is not None else f"— ({c.why_absent})"
                lines.append(f"  {pad(label, label_width)}  {_shown(c.before):>{before_width}} → {_shown(c.after):<{after_width}}  {percent}")
                rows.append({"series": name, "before_report": before.id, "after_report": after.id, "cell": c.cell, "before": c.before,
                             "after": c.after, "absolute": c.absolute, "relative": c.relative, "percent": c.percent, "why_absent": c.why_absent})
    if not lines:
        lines.append("没有相邻年份的报告可比。" if lang == "zh" else "No series has reports of consecutive years to compare.")
    _write(args, _emit(rows, args.format, lines))
    return 0


# ---------------------------------------------------------------- forms


def _forms(args: argparse.Namespace) -> int:
    registry = _registry(args)
    keys = args.keys or (_core.builtin_form_keys() + [_core.read_form(p).key for p in args.form])
    forms = [registry.get(k) for k in keys]
    lang = resolve(args.lang)
    if args.format == "markdown":
        from .reference import reference_page

        text = reference_page(forms)
    elif args.format == "json":
        text = "".join(f.to_json() for f in forms) if len(forms) == 1 else "[" + ",".join(f.to_json() for f in forms) + "]\n"
    else:
        text = "".join(f"{f.key:<10} {len(f):>4} {'格' if lang == 'zh' else 'cells'}  {f.label_zh if lang == 'zh' else f.label_en}\n" for f in forms)
    _write(args, text)
    return 0


COMMANDS = {"check": _check, "forms": _forms, "extract": _extract, "shares": _shares, "yoy": _yoy}


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        status = COMMANDS[args.command](args)
        return 2 if getattr(args, "unreadable", 0) else status
    except (_core.Error, _core.CellKeyError, OSError) as e:  # ParseError and CellKeyError name the file and position; any other KeyError is a bug
        print(f"disclosure: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
