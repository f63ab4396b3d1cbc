"""Extraction in plain Python, for the benchmark: the same job as disclosure.extract, written the
way a capable analyst would with the standard library (re, html.parser, unicodedata).

It decodes (UTF-8, else GB18030), normalises the width (NFKC), builds the page's tables with
rowspan/colspan expanded, names each table value by its row and header labels and matches them to
the form's labels and aliases, then reads the prose: every number with a unit, the words before it
in its clause matched against the cell labels, with the same filler words. It skips the finer
readings (scopes, 其中, shares, qualified totals), so it does less than the library: the ratio the
benchmark prints is a floor on the library's advantage.
"""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser

NUMBERING = re.compile(r"^(其中[:,]?|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.](?!\d)|[①-⑳])+")
TRAILING_NOTE = re.compile(r"\([^()]*\)$")
FIGURE = re.compile(r"(\d+(?:\.\d+)?)(余|多)?(万|千|亿)?(余|多)?(个工作日|工作日|万元|人次|件次|万人|元|件|条|个|人|次|项|期|份|起|家|篇|场|名|户|%)")
CLAUSE = re.compile(r"[,;:!?。()\n]")
FILLER = re.compile(r"^(达到|共计|合计|总计|累计|总数|数量|总量|共有|分别|为|达|共|计|数|量|的|有|是|约|近)*$")
BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "td", "th", "table", "section", "article", "center"}
SKIP = {"script", "style", "head", "noscript"}


def label_key(label: str) -> str:
    s = re.sub(r"[\s\"'“”‘’]", "", unicodedata.normalize("NFKC", label))
    s = NUMBERING.sub("", s)
    while s.endswith(")") and TRAILING_NOTE.search(s) and not s.startswith("("):
        s = TRAILING_NOTE.sub("", s)
    return s.replace("内容事务", "内部事务").replace("其它", "其他")


def decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    return unicodedata.normalize("NFKC", text)


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._text: list[str] = []
        self._skip = 0
        self._rows: list[list[tuple[str, int, int]]] | None = None
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self._skip += 1
        elif tag == "table":
            self._flush()
            self._rows = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            a = dict(attrs)
            self._cell = []
            self._span = (int(a.get("rowspan") or 1), int(a.get("colspan") or 1))
        elif tag in BLOCKS and self._cell is None:
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None and self._rows:
            self._rows[-1].append((" ".join("".join(self._cell).split()), *self._span))
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables.append(grid(self._rows))
            self._rows = None
        elif tag in BLOCKS and self._cell is None:
            self._flush()

    def handle_data(self, data):
        if self._skip:
            return
        (self._cell if self._cell is not None else self._text).append(data)

    def _flush(self):
        t = " ".join("".join(self._text).split())
        if t:
            self.paragraphs.append(t)
        self._text = []


def grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    out: dict[tuple[int, int], str] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for text, rs, cs in row:
            while (r, c) in out:
                c += 1
            for rr in range(r, min(len(rows), r + rs)):
                for cc in range(c, c + cs):
                    out[(rr, cc)] = text
            c += cs
            width = max(width, c)
    return [[out.get((r, c), "") for c in range(width)] for r in range(len(rows))]


def form_cells(form_json: str) -> list[tuple[str, set[str], set[str], set[str]]]:
    """Cell key, label keys of its row, of its column, and of the categories above them."""
    doc = json.loads(form_json)

    def walk(cat, path, root, above, out):
        keys = {label_key(cat["label"]["zh"])} | {label_key(a) for a in cat.get("aliases", [])}
        if "total_label" in cat:
            keys.add(label_key(cat["total_label"]["zh"]))
        if not cat.get("derived"):
            out.append((path, keys, above))
        for ch in cat.get("children", []):
            walk(ch, ch["key"] if root else path + "." + ch["key"], False, above | keys, out)

    cells = []
    for t in doc["tables"]:
        rows, cols = [], []
        walk(t["rows"]["root"], t["rows"]["root"]["key"], True, set(), rows)
        if "columns" in t:
            walk(t["columns"]["root"], t["columns"]["root"]["key"], True, set(), cols)
        for rp, rk, ra in rows:
            for cp, ck, ca in cols or [("", set(), set())]:
                cells.append((t["key"] + "." + rp + ("." + cp if cp else ""), rk, ck, ra | ca))
    return cells


def number(text: str):
    t = text.replace(",", "")
    return float(t) if re.fullmatch(r"-?\d+(\.\d+)?", t) else None


def extract(data: bytes, cells) -> dict[str, float]:
    page = Page()
    page.feed(decode(data))
    page.close()
    values: dict[str, float] = {}
    for table in page.tables:
        header: dict[int, list[str]] = {}
        last_data = False
        for row in table:
            first = next((i for i, t in enumerate(row) if number(t) is not None or t in ("", "-", "—", "/")), len(row))
            if not any(number(t) is not None for t in row[first:]):
                if last_data:
                    header = {}
                for i, t in enumerate(row):
                    header.setdefault(i, []).append(label_key(t))
                last_data = False
                continue
            last_data = True
            labels = [label_key(t) for t in row[:first]]
            for i in range(first, len(row)):
                v = number(row[i])
                if v is None:
                    continue
                comps = labels + header.get(i, [])
                best = [(sum(c in above for c in comps), key) for key, rk, ck, above in cells
                        if any(c in rk for c in comps) and (not ck or any(c in ck for c in comps))]
                best.sort(reverse=True)
                if best and (len(best) == 1 or best[0][0] > best[1][0]):
                    values.setdefault(best[0][1], v)
    for p in page.paragraphs:
        start = 0
        for m in FIGURE.finditer(p):
            cut = max((x.end() for x in CLAUSE.finditer(p, start, m.start())), default=start)
            context = re.sub(r"[\s\"“”]", "", p[cut:m.start()])
            start = m.end()
            found = []
            for key, rk, ck, _ in cells:
                for v in rk:
                    at = context.rfind(v)
                    if at >= 0 and FILLER.match(context[at + len(v):]):
                        found.append((len(v), key))
            found.sort(reverse=True)
            if found and (len(found) == 1 or found[0][0] > found[1][0]) and m.group(2) is None and m.group(4) is None:
                values.setdefault(found[0][1], float(m.group(1)))
    return values
