"""The reference page of forms (docs/forms.md), generated from the form definitions themselves."""

from __future__ import annotations

from typing import Iterable

from . import _core
from ._core import Category, Form, Relation


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _tree(category: Category, depth: int, lines: list[str]) -> None:
    notes = []
    if category.derived:
        notes.append("group, no cell")
    if category.children and category.relation != Relation.none:
        notes.append(f"children: {category.relation.name}")
    if category.aliases:
        notes.append("aliases: " + "; ".join(category.aliases))
    suffix = f" — {', '.join(notes)}" if notes else ""
    lines.append(f"{'  ' * depth}- `{category.key}` {category.label_zh} / {category.label_en}{suffix}")
    for child in category.children:
        _tree(child, depth + 1, lines)


def form_markdown(form: Form) -> str:
    lines = [f"## `{form.key}`: {form.label_zh}", "", form.label_en, ""]
    for table in form.tables:
        lines += [f"### `{table.key}` {table.label_zh}", "", f"{table.label_en}. Unit: {table.unit or '—'}.", ""]
        lines.append(f"Rows ({table.rows.label_zh} / {table.rows.label_en}):")
        lines.append("")
        _tree(table.rows.root, 0, lines)
        if table.columns is not None:
            lines += ["", f"Columns ({table.columns.label_zh} / {table.columns.label_en}):", ""]
            _tree(table.columns.root, 0, lines)
        lines += ["", "| cell | 标签 | label | unit |", "|---|---|---|---|"]
        for cell in form.cell_list():
            if cell.key.split(".", 1)[0] != table.key:
                continue
            unit = cell.unit + (f", {cell.decimals} decimals" if cell.decimals else "") + (", signed" if cell.allow_negative else "")
            lines.append(f"| `{cell.key}` | {_escape(cell.label_zh)} | {_escape(cell.label_en)} | {unit} |")
        lines.append("")
    rules = _core.RuleSet.for_form(form).rules
    lines += [f"### Rules ({len(rules)})", "", "| id | relation | severity | basis |", "|---|---|---|---|"]
    for rule in rules:
        lines.append(f"| `{rule.id}` | {rule.comparison} | {rule.severity.name} | {rule.basis['kind']}: {_escape(rule.basis['note'])} |")
    lines.append("")
    return "\n".join(lines)


def reference_page(forms: Iterable[Form]) -> str:
    forms = list(forms)
    head = [
        "# Forms reference",
        "",
        "Generated from the form definitions by `disclosure forms --format markdown`; do not edit by hand.",
        "Cell keys are `table.row[.column]`; a group heading has no cell of its own. Rules are generated from",
        "each partition (parts sum to their total) and each 其中 item (at most its total), plus the relations",
        "a form declares (the printed 勾稽关系 of table 三).",
        "",
        "| form | label | cells |",
        "|---|---|---|",
    ]
    head += [f"| [`{f.key}`](#{f.key}-{_anchor(f.label_zh)}) | {f.label_zh} | {len(f)} |" for f in forms]
    return "\n".join(head) + "\n\n" + "\n".join(form_markdown(f) for f in forms)


def _anchor(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum() or ch in "-_").replace(" ", "-")
