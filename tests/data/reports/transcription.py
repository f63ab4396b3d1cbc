"""Code shared by the hand-run converters ``convert_templates.py`` and ``convert_narrative.py``.

Not a test and not part of the package. The two scripts import it as a sibling module: run as
``python tests/data/reports/convert_X.py``, a script's own directory is the first entry of
``sys.path``. It needs the installed ``disclosure`` package (for the forms' cell keys, e.g.
``build/venv-test/bin/python``); otherwise standard library only.
"""

from __future__ import annotations

import argparse
import functools
import html.parser
import json
import re
import sys
from pathlib import Path
from typing import Callable, Iterable

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEFAULT_SHARED = REPO.parent / "shared"

DECIMAL_RE = re.compile(r"^-?\d+(\.\d+)?$")


class Fail(Exception):
    """A transcription the converter will not guess about: the script stops with the message."""


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------------------------------------
# The form's cells, from the installed package.

@functools.lru_cache(maxsize=None)
def form_cells(name: str) -> dict[str, tuple[str, str]]:
    """Cell key → (label, unit) of the built-in form ``name``, in the form's order.

    The label is the row label, followed for two-dimensional tables by " / " and the column label
    ("规章 / 本年新制作数量"): the converters match the transcriptions' label paths against it. The
    package prints it as "规章（本年新制作数量）"; the column label is read from the form's JSON
    (disclosure/form@1), composed as the package composes it, and must close the printed label.
    """
    try:
        import disclosure
    except ImportError as e:
        raise Fail(f"cannot import the disclosure package ({e}); run with the test venv's python, "
                   "e.g. build/venv-test/bin/python") from e
    form = disclosure.builtin_form(name)

    # (table key, column path) → column label: the labels of derived groups above it, then its own.
    col_labels: dict[tuple[str, str], str] = {}

    def walk(table: str, cat: dict, path: str, prefix: str) -> None:
        own = (cat.get("total_label") or cat["label"])["zh"]
        if not cat.get("derived"):
            col_labels[(table, path)] = f"{prefix} {own}" if prefix else own
        child_prefix = (f"{prefix} {cat['label']['zh']}" if prefix else cat["label"]["zh"]) if cat.get("derived") else prefix
        for child in cat.get("children", []):
            walk(table, child, f"{path}.{child['key']}", child_prefix)

    for t in json.loads(form.to_json())["tables"]:
        root = (t.get("columns") or {}).get("root")
        if root:
            if not root.get("derived"):
                col_labels[(t["key"], root["key"])] = (root.get("total_label") or root["label"])["zh"]
            for child in root.get("children", []):
                walk(t["key"], child, child["key"], "")

    out: dict[str, tuple[str, str]] = {}
    for c in form.cell_list():
        label = c.label_zh
        if c.column:
            tail = f".{c.row}.{c.column}"
            col = col_labels.get((c.key[: -len(tail)], c.column)) if c.key.endswith(tail) else None
            if col is None or not label.endswith(f"（{col}）"):
                raise Fail(f"form {name}: cannot tell the column label of {c.key} ({label!r})")
            label = f"{label[: -len(col) - 2]} / {col}"
        if c.key in out:
            raise Fail(f"form {name}: duplicate key {c.key}")
        out[c.key] = (label, c.unit)
    return out


# ---------------------------------------------------------------------------------------------
# The archived page.

class Tables(html.parser.HTMLParser):
    """Every <table> of a page as rows of cell texts (white space removed); an inner table comes
    before the table around it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.stack: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.stack.append([])
        elif tag == "tr" and self.stack:
            self.stack[-1].append([])
        elif tag in ("td", "th") and self.stack:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.stack:
            if not self.stack[-1]:
                self.stack[-1].append([])
            self.stack[-1][-1].append(squash("".join(self.cell)))
            self.cell = None
        elif tag == "table" and self.stack:
            self.tables.append(self.stack.pop())

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def page_tables(page: Path) -> list[list[list[str]]]:
    p = Tables()
    p.feed(page.read_text(encoding="utf-8", errors="replace"))
    return p.tables


# ---------------------------------------------------------------------------------------------
# The output.

def note_head(script: str, src: Path, d: dict, scope: str, scope_why: str, fields: Iterable[str]) -> list[str]:
    """The first sentences of ``source.note``: where the report comes from, its scope, the
    transcription's own notes (``fields``, in that order) and the inconsistencies it observed."""
    parts = [f"Converted by tests/data/reports/{script} from the hand transcription ../shared/reports/{src.name} "
             f"(format {d['format']}, complete={str(d.get('complete')).lower()})."]
    if d.get("sections_recorded"):
        parts.append("Sections recorded: " + "；".join(d["sections_recorded"]) + ".")
    parts.append(f"Scope {scope}: {scope_why}.")
    for field in fields:
        if d.get(field):
            parts.append(f"{'Transcription note' if field in ('transcription_note', 'note') else field.replace('_', ' ').capitalize()}: {d[field]}")
    for inc in d.get("observed_inconsistencies") or []:
        parts.append(f"Observed in the transcription ({inc['kind']}): {inc['text']}.")
    return parts


# Reports of one issuer and scope across years (issuer names vary between years).
SERIES = {"pingtan": "pingtan", "pingtan-county": "pingtan-county"}


def report_doc(name: str, rid: str, form: str, d: dict, scope: str, note: list[str], values: dict, stated: list[dict],
               extras: list[dict]) -> dict:
    """The disclosure/reports@1 document of one report, its values in the form's order; fails on a
    key that is no cell of ``form``."""
    keys = form_cells(form)
    order = list(keys)
    values = {k: values[k] for k in sorted(values, key=lambda k: order.index(k) if k in keys else len(order))}
    report = {
        "id": rid,
        "form": form,
        "issuer": d["issuer"],
        "year": d["year"],
        "scope": scope,
        **({"series": SERIES[rid.rsplit("-", 1)[0]]} if rid.rsplit("-", 1)[0] in SERIES else {}),
        "source": {"url": d["source_url"] or "", "title": "", "published": d.get("published", ""), "note": " ".join(note)},
        "values": values,
        "stated": stated,
        "extras": extras,
    }
    named = [("values", k) for k in values] + [(f"stated {s['kind']}", s[f]) for s in stated for f in ("cell", "base") if f in s]
    for where, k in named:
        if k not in keys:
            raise Fail(f"{name}: {where}: {k} is not a cell of {form}")
    for e in extras:
        if isinstance(e["value"], float):
            raise Fail(f"{name}: extra {e['label']!r}: float {e['value']!r}")
    return {"format": "disclosure/reports@1", "reports": [report]}


def main(argv, doc: str, what: str, formats: Iterable[str], meta: dict, convert: Callable[[Path, Path], tuple[dict, dict]],
         summary: Callable[[dict], str]) -> int:
    """Convert every transcription in ``<--shared>/reports`` whose ``format`` is one of ``formats``
    with ``convert(src, shared)`` → (document, stats) and write it to ``<--out>/<same name>.json``."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared material (default: ../shared from the repository root)")
    ap.add_argument("--out", type=Path, default=HERE, help="output directory (default: tests/data/reports, the committed fixtures)")
    args = ap.parse_args(argv)

    formats = set(formats)
    sources = [s for s in sorted((args.shared / "reports").glob("*.json"))
               if json.loads(s.read_text(encoding="utf-8")).get("format") in formats]
    unknown = {s.stem for s in sources} - set(meta)
    if unknown:
        raise Fail(f"{what} reports without an id/scope entry in META: {sorted(unknown)}")
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"{len(sources)} {what} reports in {args.shared / 'reports'}")
    for src in sources:
        out_doc, stats = convert(src, args.shared)
        (args.out / f"{src.stem}.json").write_text(json.dumps(out_doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(summary(stats))
        for c in stats["corrections"]:
            print(f"    corrected from transcription: {c}")
    return 0


def run(main: Callable[[], int], prog: str) -> None:
    """Run a converter's main; a Fail ends it with its message and exit status 1."""
    try:
        sys.exit(main())
    except Fail as e:
        print(f"{prog}: {e}", file=sys.stderr)
        sys.exit(1)
