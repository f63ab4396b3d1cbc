#!/usr/bin/env python3
"""Convert the hand-transcribed template reports into disclosure/reports@1 files.

Run by hand, never by tests:

    build/venv-test/bin/python tests/data/reports/convert_templates.py [--shared DIR] [--out DIR]

It reads the transcriptions in ``../shared/reports/`` (relative to the repository root; the
project's shared material, outside this repository) and converts every report whose ``format``
is ``template-2019`` (form ``ogi2019``) or ``template-2021`` (form ``ogi2021``) into
``tests/data/reports/<same base name>.json``, next to this script (``--out`` writes elsewhere).
Standard library and the installed ``disclosure`` package; the code it shares with
``convert_narrative.py`` is in ``transcription.py`` next to it.

The valid cell keys, with their labels and units, come from the package's built-in forms
``ogi2019`` and ``ogi2021`` (``transcription.form_cells``). The script fails loudly on a label it
cannot place, on a key not in that list, on a cell filled twice, and when the number of placed
values differs from the number of transcribed values.

Placement:
- table cells (sections 二, 三, 四 of the template) go to ``values`` under their cell key;
  ``null`` becomes ``{"missing": "blank"}``, a printed dash ``{"missing": "dash"}``, a printed
  slash ``{"missing": "slash"}``; counts stay integers, decimals stay strings with their digits;
- figures of the narrative sections (一、总体情况 …) and table rows that the national form does
  not have (Hubei's 其他主动公开文件 row) go to ``extras`` with their label path as transcribed;
  the unit is the one the label shows in a trailing bracket (（项）, （场）, …), else the unit
  printed right after that number in the transcription's raw excerpt when every occurrence
  agrees, else "";
- a few figures of the narrative sections name a row of table 三 plainly and are put in its
  总计 cell (``PROSE_CELLS``, decided by hand: 收到…申请 is 本年新收 where the report counts
  carried-over requests separately, 上年结转 and 结转下年度继续办理 are the rows of those names);
  a growth rate stated of such a figure becomes a stated ``growth_rate`` of that cell;
- ``stated_totals`` that name a cell become ``stated`` figures of kind ``total``; those that name
  a narrative figure are already an extra with the same label and value and are not repeated;
- ``stated_percentages`` become ``stated`` figures only when both the cell and its base are
  cells of the form; otherwise they are extras with unit "%".

For the Pingtan reports the archived page (``raw/<name>/page.html``) is parsed with
``html.parser`` and every cell of tables 二, 三 and 四 is compared with the transcription. The
README of the shared material says the raw page is right: a disagreement is corrected to the
page's value and recorded in ``source.note``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import transcription
from transcription import DECIMAL_RE, Fail, form_cells, note_head, page_tables, report_doc

FORMS = {"template-2019": "ogi2019", "template-2021": "ogi2021"}

# id, scope and the reason for the scope, per transcription file.
META = {
    "2019_pingtan_zonghe_shiyanqu": ("pingtan-2019", "region", "the 管委会办公室 reports for the whole 平潭综合实验区 (汇总全区)"),
    "2021_pingtan_zonghe_shiyanqu": ("pingtan-2021", "region", "the 管委会办公室 reports for the whole 平潭综合实验区 (汇总全区)"),
    "2022_pingtan_zonghe_shiyanqu": ("pingtan-2022", "region", "the 管委会办公室 reports for the whole 平潭综合实验区 (汇总全区)"),
    "2020_wuhan_ecology_environment_bureau": ("wuhan-ecology-environment-bureau-2020", "agency", "武汉市生态环境局 is a single department of the Wuhan city government"),
    "2020_xiaochang_county": ("xiaochang-2020", "region", "the 孝昌县人民政府 report covers the county (孝感市, 湖北省)"),
    "2020_xiaogan_municipal_office": ("xiaogan-municipal-office-2020", "agency", "孝感市人民政府办公室 is a single office; the page is filed under 部门年报 (bmnb)"),
    "2022_shanghai_city": ("shanghai-2022", "region", "the 市政府办公厅 reports for the whole city (汇总全市)"),
    "2023_shanghai_city": ("shanghai-2023", "region", "the 市政府办公厅 reports for the whole city (汇总全市, 全市共收到…)"),
    "2024_shanghai_foreign_affairs_office": ("shanghai-foreign-affairs-office-2024", "agency", "上海市人民政府外事办公室 is a single department of the Shanghai city government"),
    "2024_huaian_city": ("huaian-2024", "region", "the 市政府办公室 reports for the whole city (汇总全市); transcribed from a PDF (tests/data/pdf)"),
    "2024_xiaogan_city": ("xiaogan-2024", "region", "the 孝感市 report covers the city (filed under 市政府年报, 2024nszfnb)"),
}

# Narrative figures (label as transcribed → cell) that name a row of table 三, and growth rates
# stated of them (label → cell). Shanghai 2023 says 收到 34290 and 答复 34430 "含上年度转结": its
# 收到 is 本年新收. Xiaogan 2024's 1022 "含上年结转14件" is 一 + 二, no single cell.
PROSE_CELLS = {
    "2023_shanghai_city": {"一、总体情况/（二）依申请公开方面/全市收到政府信息公开申请": "applications.new.total"},
    "2024_xiaogan_city": {"一、总体情况/（二）依申请公开办理情况/办理政府信息公开依申请/含上年结转": "applications.carried_over.total",
                          "一、总体情况/（二）依申请公开办理情况/结转下年度继续办理": "applications.carried_forward.total"},
}
PROSE_GROWTH = {
    "2023_shanghai_city": {"一、总体情况/（二）依申请公开方面/申请数量较2022年上升": "applications.new.total"},
}

APPROXIMATE = {"余", "多"}  # "5500余": more than 5500, no count
DASHES = {"-", "—", "–", "－", "——", "─"}
SLASHES = {"/", "／"}
# Units a label may show in a trailing bracket, or the raw text may print after a number.
UNIT_WORDS = ["篇/条", "人次", "家次", "批次", "件", "条", "项", "期", "场", "篇", "个", "次", "家", "人"]
SLASH_HOLD = "\x00"  # stands for the "/" inside "本年增/减" while label paths are split

T3_COLUMNS = {
    ("自然人",): "natural_person",
    ("法人或其他组织", "商业企业"): "legal_person.business",
    ("法人或其他组织", "科研机构"): "legal_person.research",
    ("法人或其他组织", "社会公益组织"): "legal_person.public_interest",
    ("法人或其他组织", "法律服务机构"): "legal_person.legal_services",
    ("法人或其他组织", "其他"): "legal_person.other",
    ("总计",): "total",
}
T3_PAGE_COLUMNS = ["natural_person", "legal_person.business", "legal_person.research", "legal_person.public_interest",
                   "legal_person.legal_services", "legal_person.other", "total"]
T4_PAGE_CELLS = [f"review_litigation.{g}.{c}" for g in ("review", "litigation.direct", "litigation.after_review")
                 for c in ("upheld", "corrected", "other", "pending", "total")]


def label_index(keys: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Label of a cell ("规章 / 本年新制作数量", see ``form_cells``) → cell key."""
    out = {}
    for key, (label, _) in keys.items():
        norm = hold(label)
        if norm in out:
            raise Fail(f"two cells share the label {label!r}: {out[norm]}, {key}")
        out[norm] = key
    return out


def hold(label: str) -> str:
    return label.replace("本年增/减", "本年增" + SLASH_HOLD + "减")


def split_path(label: str) -> list[str]:
    return [p.replace(SLASH_HOLD, "/") for p in hold(label).split("/")]


def cell_key_for(label: str, labels: dict[str, str]) -> str | None:
    """The cell key of a transcribed label path, None when the form has no such cell (raises on an
    unknown label inside tables 三 and 四, where every row belongs to the form)."""
    parts = split_path(label)
    section = parts[0]
    if section.startswith("二、"):  # 二、主动公开政府信息情况/第二十条第（x）项/row/column
        rest = [p for p in parts[1:] if not p.startswith("第二十条")]
        if len(rest) != 2:
            raise Fail(f"unexpected table 二 label {label!r}")
        return labels.get(hold(f"{rest[0]} / {rest[1]}"))
    if section.startswith("三、收到和处理"):
        rest = parts[1:]
        if rest and rest[0] == "三、本年度办理结果":
            rest = rest[1:]
        rest = [re.sub(r"^(\d+)、", r"\1.", p) for p in rest]  # Huaian 2024 numbers the （六） rows "1、"
        if len(rest) >= 3 and rest[-2] == "法人或其他组织":
            row, col = rest[:-2], rest[-2:]
        else:
            row, col = rest[:-1], rest[-1:]
        key = labels.get(" ".join(row) + " / " + " ".join(col))
        if key is None:
            raise Fail(f"table 三 label {label!r} matches no cell")
        return key
    if section.startswith("四、政府信息公开行政复议"):
        rest = parts[1:]
        key = labels.get(" ".join(rest[:-1]) + " / " + rest[-1])
        if key is None:
            raise Fail(f"table 四 label {label!r} matches no cell")
        return key
    if section.startswith(("一、", "六、")):  # 六、其他需要报告的事项: figures of prose, as in 一
        return None
    raise Fail(f"label {label!r} is in no known section")


def cell_value(raw, unit: str, where: str, notes: list[str]):
    if raw is None:
        return {"missing": "blank"}
    if isinstance(raw, bool):
        raise Fail(f"{where}: boolean value {raw!r}")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        raise Fail(f"{where}: float {raw!r} in the transcription; decimals must be strings")
    if isinstance(raw, str):
        s = raw.strip()
        if s in DASHES:
            return {"missing": "dash"}
        if s in SLASHES:
            return {"missing": "slash"}
        if s == "":
            return {"missing": "blank"}
        if unit and s.endswith(unit) and DECIMAL_RE.match(s[: -len(unit)]):
            notes.append(f"{where} printed as {s!r}: the unit {unit} (the cell's own unit) is dropped, the digits are kept")
            s = s[: -len(unit)]
        if not DECIMAL_RE.match(s):
            raise Fail(f"{where}: cannot read {raw!r} as a number")
        if "." in s or unit in ("万元", "元"):
            return s
        return int(s)
    raise Fail(f"{where}: unexpected value {raw!r}")


def extra_value(raw, where: str):
    if isinstance(raw, bool) or raw is None or isinstance(raw, float):
        raise Fail(f"{where}: cannot keep {raw!r} as an extra")
    if isinstance(raw, int):
        return raw
    s = str(raw).strip()
    if not DECIMAL_RE.match(s):
        raise Fail(f"{where}: cannot read {raw!r} as a number")
    return int(s) if "." not in s else s


def unit_of(label: str, value, raw_text: str) -> tuple[str, str]:
    """(unit, where it came from) for an extra: the label's trailing bracket ("（场）", "（近，家次）"),
    else the unit printed right after the number in the raw excerpt -- first right after the
    label's last word ("修改14件"), else wherever the number stands if all its occurrences agree."""
    m = re.search(r"（([^（）]*)）$", label)
    if m:
        inner = m.group(1).split("，")[-1]
        if inner in UNIT_WORDS:
            return inner, "label"
    num = re.escape(str(value))
    units = "(" + "|".join(map(re.escape, UNIT_WORDS)) + ")"
    word = re.sub(r"（[^（）]*）$", "", split_path(label)[-1])
    found = set(re.findall(re.escape(word) + r"\s*" + num + r"(?![\d.])\s*" + units, raw_text)) if word else set()
    if len(found) != 1:
        found = set(re.findall(r"(?<![\d.])" + num + r"(?![\d.])\s*" + units, raw_text))
    if len(found) == 1:
        return found.pop(), "raw"
    return "", ""


# ---------------------------------------------------------------------------------------------
# The archived page: tables 二, 三, 四 as parsed by html.parser.

def page_cells(page: Path, labels: dict[str, str], form: str) -> dict[str, object]:
    """Every cell of tables 二, 三 and 四 of the archived page, by cell key."""
    out: dict[str, object] = {}

    def put(key, text):
        if key in out:
            raise Fail(f"{page}: cell {key} read twice")
        out[key] = text

    t2 = t3 = t4 = None
    for t in page_tables(page):
        flat = "".join("".join(r) for r in t)
        if "第二十条第（一）项" in flat:
            t2 = t
        elif "本年新收政府信息公开申请数量" in flat:
            t3 = t
        elif "行政复议" in flat and "复议后起诉" in flat:
            t4 = t
    if t2 is None or t3 is None or t4 is None:
        raise Fail(f"{page}: tables 二/三/四 not all found")

    # 二: header rows "信息内容 | col | col …" set the columns of the rows that follow.
    cols: list[str] = []
    for row in t2:
        if row and row[0] == "信息内容":
            cols = row[1:]
        elif len(row) >= 2 and not row[0].startswith("第二十条"):
            for col, text in zip(cols, row[1:]):
                key = labels.get(hold(f"{row[0]} / {col}"))
                if key is None:
                    raise Fail(f"{page}: table 二 cell {row[0]} / {col} matches no cell")
                put(key, text)

    # 三: data rows are the rows with seven numbers; their labels are the non-numeric cells.
    group = ""
    for row in t3:
        nums = [c for c in row if re.fullmatch(r"\d+", c)]
        names = [c for c in row if not re.fullmatch(r"\d+", c) and c != ""]
        if len(nums) != 7:
            continue
        names = [n for n in names if n != "三、本年度办理结果"]
        if len(names) == 2:
            group = names[0]
        elif len(names) == 1 and re.match(r"^\d+\.", names[0]):
            names = [group, names[0]]
        elif len(names) == 1:
            group = ""
        row_label = " ".join(names)
        for col, text in zip(T3_PAGE_COLUMNS, nums):
            col_label = {"natural_person": "自然人", "total": "总计"}.get(col)
            if col_label is None:
                col_label = "法人或其他组织 " + {"business": "商业企业", "research": "科研机构", "public_interest": "社会公益组织",
                                              "legal_services": "法律服务机构", "other": "其他"}[col.split(".")[1]]
            key = labels.get(f"{row_label} / {col_label}")
            if key is None:
                raise Fail(f"{page}: table 三 cell {row_label} / {col_label} matches no cell")
            put(key, text)

    # 四: the one row of 15 numbers.
    data = [r for r in t4 if len(r) == 15 and all(re.fullmatch(r"\d+", c) for c in r)]
    if len(data) != 1:
        raise Fail(f"{page}: table 四 has {len(data)} data rows")
    for key, text in zip(T4_PAGE_CELLS, data[0]):
        put(key, text)
    return out


def as_page_value(text: str, unit: str):
    s = text.strip()
    if unit and s.endswith(unit):
        s = s[: -len(unit)]
    if "." in s or unit in ("万元", "元"):
        return s
    return int(s)


# ---------------------------------------------------------------------------------------------

def convert(src: Path, shared: Path) -> tuple[dict, dict]:
    d = json.loads(src.read_text(encoding="utf-8"))
    name = src.stem
    form = FORMS[d["format"]]
    keys = form_cells(form)
    labels = label_index(keys)
    rid, scope, scope_why = META[name]
    raw_text = d.get("raw_excerpt", "")
    conv_notes: list[str] = []

    values: dict[str, object] = {}
    value_source: dict[str, str] = {}
    extras: list[dict] = []
    placed_cells = placed_extras = units_from_raw = 0
    extra_labels: dict[str, object] = {}
    for label, raw in d["values"].items():
        key = PROSE_CELLS.get(name, {}).get(label) or cell_key_for(label, labels)
        if key is not None:
            if key not in keys:
                raise Fail(f"{name}: key {key} is not a cell of {form}")
            if key in values:
                raise Fail(f"{name}: cell {key} filled twice ({value_source[key]!r} and {label!r})")
            values[key] = cell_value(raw, keys[key][1], key, conv_notes)
            value_source[key] = label
            placed_cells += 1
        elif isinstance(raw, str) and raw.strip()[-1:] in APPROXIMATE:
            placed_extras += 1  # counted as read: the number is no count, and no extra holds it
            conv_notes.append(f"{label!r} = {raw} is an approximate figure; not kept as a number")
        elif isinstance(raw, str) and raw.strip().endswith("%") and label in (d.get("stated_percentages") or {}):
            placed_extras += 1  # the stated percentage of the same label is kept below
            conv_notes.append(f"{label!r} = {raw} is kept with the stated percentages")
        else:
            value = extra_value(raw, label)
            unit, how = unit_of(label, value, raw_text)
            if how == "raw":
                units_from_raw += 1
            extras.append({"label": label, "value": value, "unit": unit, "text": ""})
            extra_labels[label] = value
            placed_extras += 1
            if not label.startswith("一、"):
                conv_notes.append(f"{label!r} = {raw} is a row the national {form} form does not have; kept as an extra")
    if units_from_raw:
        conv_notes.append(f"the unit of {units_from_raw} extras whose label shows none is the one printed after the number in the report's text")
    if placed_cells + placed_extras != len(d["values"]):
        raise Fail(f"{name}: placed {placed_cells}+{placed_extras} of {len(d['values'])} values")

    stated: list[dict] = []
    for label, raw in (d.get("stated_totals") or {}).items():
        key = cell_key_for(label, labels)
        if key is not None:
            if key not in keys:
                raise Fail(f"{name}: stated total on unknown key {key}")
            stated.append({"kind": "total", "cell": key, "value": str(raw), "text": ""})
        elif extra_labels.get(label) == raw:
            conv_notes.append(f"stated total {label!r} = {raw} is the extra of the same label; not repeated")
        else:
            extras.append({"label": label, "value": extra_value(raw, label), "unit": unit_of(label, raw, raw_text)[0], "text": ""})
            conv_notes.append(f"stated total {label!r} = {raw} names no cell; kept as an extra")
    pct_extras = 0
    for label, raw in (d.get("stated_percentages") or {}).items():
        text = str(raw).strip()
        digits = text[:-1] if text.endswith("%") else text
        if not DECIMAL_RE.match(digits):
            raise Fail(f"{name}: percentage {raw!r}")
        # A percentage ties to a cell only if both it and its base are cells; the transcriptions'
        # percentages all name narrative figures, so none can be tied here.
        if label in PROSE_GROWTH.get(name, {}):
            stated.append({"kind": "growth_rate", "cell": PROSE_GROWTH[name][label], "value": digits, "text": ""})
            conv_notes.append(f"stated percentage {label!r} {text} is the growth of {PROSE_GROWTH[name][label]} over last year")
            continue
        key = cell_key_for(label, labels)
        if key is not None:
            raise Fail(f"{name}: percentage {label!r} names cell {key}; decide its base by hand")
        extras.append({"label": label, "value": digits, "unit": "%", "text": ""})
        pct_extras += 1
        conv_notes.append(f"stated percentage {label!r} {text}: its figure and base are narrative, not cells of the form; kept as an extra with unit %")

    # The archived page, where there is one.
    corrections: list[str] = []
    page = shared / "reports" / "raw" / name / "page.html"
    checked = 0
    if page.exists():
        on_page = page_cells(page, labels, form)
        for key, text in on_page.items():
            page_value = as_page_value(text, keys[key][1])
            if key not in values:
                raise Fail(f"{name}: page has {key} = {text!r}, the transcription has no such cell")
            checked += 1
            if values[key] != page_value:
                corrections.append(f"{key} was {json.dumps(values[key], ensure_ascii=False)}, page shows {json.dumps(page_value, ensure_ascii=False)}")
                values[key] = page_value
        for key in values:
            if key.startswith(("applications.", "review_litigation.")) and key not in on_page:
                raise Fail(f"{name}: {key} is transcribed but not on the page")

    note_parts = note_head(Path(__file__).name, src, d, scope, scope_why,
                           ("transcription_note", "coverage_note", "cross_year_note", "non_additive_note", "note"))
    if conv_notes:
        note_parts.append("Conversion: " + "; ".join(conv_notes) + ".")
    if page.exists():
        if corrections:
            note_parts.append("Checked against raw/" + name + "/page.html (tables 二, 三, 四, " + str(checked) + " cells); "
                              + "; ".join("corrected from transcription: " + c for c in corrections) + ".")
        else:
            note_parts.append(f"All {checked} cells of tables 二, 三 and 四 agree with raw/{name}/page.html.")

    stats = {"name": name, "source_values": len(d["values"]), "cells": placed_cells, "extras_from_values": placed_extras,
             "extras": len(extras), "stated": len(stated), "pct_extras": pct_extras, "page_checked": checked,
             "corrections": corrections}
    return report_doc(name, rid, form, d, scope, note_parts, values, stated, extras), stats


def summary(st: dict) -> str:
    return (f"{st['name']}: {st['source_values']} values placed = {st['cells']} cells + {st['extras_from_values']} extras; "
            f"extras {st['extras']} (incl. {st['pct_extras']} percentages), stated {st['stated']}"
            + (f"; page cells checked {st['page_checked']}, corrections {len(st['corrections'])}" if st["page_checked"] else ""))


def main(argv=None) -> int:
    return transcription.main(argv, __doc__, "template", FORMS, META, convert, summary)


if __name__ == "__main__":
    transcription.run(main, "convert_templates")
