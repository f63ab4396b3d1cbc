"""Tables of a PDF rebuilt from its ruling lines: pdfplumber finds the cells the lines enclose;
the distinct cell edges make the grid, and a cell whose edges skip grid lines spans those rows and
columns (a merged cell). A table that ends a page and one that starts the next with the same left
and right edges are one table, without the header rows a word processor repeats on each page; a
label cell cut by the break ("（四）无" / "法提供") is joined."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from . import _core
from .pdf_text import join_lines, text_lines, tidy

EDGE_TOLERANCE = 2.5  # points: edges nearer than this are one grid line
_NUMBER = re.compile(r"^[-+]?[\d,，.]+%?$")
_ENUMERATION = re.compile(r"^\s*([（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*、|\d+\s*[.、．]|第)")


@dataclass
class Cell:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    origin: str


@dataclass
class Table:
    cells: list[Cell]
    bbox: tuple[float, float, float, float]
    page: int
    page_height: float = 0.0
    pages: list[int] = field(default_factory=list)


def _cell_text(chars: Sequence[dict[str, Any]], box: Sequence[float]) -> str:
    inside = [c for c in chars if box[0] <= (c["x0"] + c["x1"]) / 2 <= box[2] and box[1] <= (c["top"] + c["bottom"]) / 2 <= box[3]]
    return join_lines(tidy(line[0]) for line in text_lines(inside))


def _white(color: Any) -> bool:
    if color is None:
        return True
    values = color if isinstance(color, (list, tuple)) else [color]
    return all(isinstance(v, (int, float)) and v >= 0.95 for v in values) if len(values) in (1, 3) else False


def _ruling(obj: dict[str, Any]) -> bool:
    """Whether a drawn object can rule a table: not a white or unstroked background box (the
    LibreOffice export of a web page fills every text block with white)."""
    kind = obj.get("object_type")
    if kind == "rect":
        thin = bool(min(obj["width"], obj["height"]) <= 2)
        if obj.get("stroke") and not _white(obj.get("stroking_color")):
            return True
        return thin and bool(obj.get("fill")) and not _white(obj.get("non_stroking_color"))
    if kind in ("line", "curve"):
        return not _white(obj.get("stroking_color"))
    return True


def _underline(obj: dict[str, Any], chars: Sequence[dict[str, Any]]) -> bool:
    """A horizontal rule right under characters that cover half its length: text underlined, not a
    cell border (a border keeps the cell's padding from the text)."""
    if obj.get("object_type") not in ("line", "rect") or obj["height"] > 1.5:
        return False
    y, x0, x1 = obj["top"], obj["x0"], obj["x1"]
    covered = sum(min(c["x1"], x1) - max(c["x0"], x0) for c in chars if 0 <= y - c["bottom"] <= 2.5 and c["x1"] > x0 and c["x0"] < x1)
    return bool(covered >= 0.5 * (x1 - x0))


def find(page: Any, number: int) -> list[Table]:
    """The tables of a page with at least two columns (ruled boxes round paragraphs are no table),
    each cell with its text and origin. A table of one row, unless it carries on a table of the page
    before, becomes paragraphs in assemble_page, as a small HTML table does."""
    out = []
    chars = page.chars
    for found in page.filter(lambda o: _ruling(o) and not _underline(o, chars)).find_tables():
        cells = [Cell(b[0], b[1], b[2], b[3], _cell_text(chars, b), f"PDF page {number}, x {b[0]:.0f}, y {b[1]:.0f}") for b in found.cells]
        xs, ys = _edges([c.x0 for c in cells] + [c.x1 for c in cells]), _edges([c.top for c in cells] + [c.bottom for c in cells])
        if len(xs) < 3 or len(ys) < 2:  # one row may carry on a table of the page before
            continue
        out.append(Table(cells, tuple(found.bbox), number, float(page.height), [number]))
    return out


def _edges(values: Sequence[float]) -> list[float]:
    """Distinct edges: values within EDGE_TOLERANCE of the previous are the same line."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_TOLERANCE:
            out.append(v)
    return out


def continues(prev: Table, nxt: Table) -> bool:
    """Whether `nxt`, first on its page, carries on `prev`, last on the page before."""
    return nxt.page == prev.pages[-1] + 1 and abs(prev.bbox[0] - nxt.bbox[0]) <= 3 * EDGE_TOLERANCE and abs(prev.bbox[2] - nxt.bbox[2]) <= 3 * EDGE_TOLERANCE


def _label(text: str) -> bool:
    return not _NUMBER.match(text)


def _snap(v: float, edges: list[float]) -> float:
    """v moved onto the nearest of `edges` when within twice the tolerance (a table continued on the
    next page is drawn a few points wider or narrower)."""
    near = min(edges, key=lambda e: abs(e - v), default=v)
    return near if abs(near - v) <= 2 * EDGE_TOLERANCE else v


def _heading(cell: Cell, cells: Sequence[Cell]) -> bool:
    """Whether a cell heads a group: two or more cells of the next column lie beside it."""
    beside = [c for c in cells if abs(c.x0 - cell.x1) <= EDGE_TOLERANCE and cell.top - EDGE_TOLERANCE <= (c.top + c.bottom) / 2 <= cell.bottom + EDGE_TOLERANCE]
    return len(beside) >= 2


def _fragment(text: str) -> bool:
    """Text that can be the rest of a label: words, without a numbering of its own."""
    return _label(text) and not _ENUMERATION.match(text)


def _repeated_header(prev: Table, nxt: Table, xs: list[float]) -> float | None:
    """Where nxt's body starts when its first rows repeat prev's first rows (a header row repeated
    on each page, as word processors do), else None."""
    tops_a, tops_b = _edges([c.top for c in prev.cells]), _edges([c.top for c in nxt.cells])
    for k in range(min(len(tops_a), len(tops_b), 5) - 1, 0, -1):
        a = sorted((round(_snap(c.x0, xs)), c.text) for c in prev.cells if c.top < tops_a[k] - EDGE_TOLERANCE)
        b = sorted((round(_snap(c.x0, xs)), c.text) for c in nxt.cells if c.top < tops_b[k] - EDGE_TOLERANCE)
        if a and a == b and all(_label(t) for _, t in a if t):
            return tops_b[k]
    return None


def join(prev: Table, nxt: Table) -> Table:
    """`nxt` appended below `prev`: a repeated header dropped, its cells moved down to start at
    prev's bottom edge, their columns put on prev's. A row split by the break (its cells' words on
    both pages) is one row again; else a cell of nxt's first row under a label of the same columns
    is the rest of it when it is empty (a vertical "三、本年度办理结果" over the break) or a group
    heading without its own numbering ("（四）无" / "法提供")."""
    xs = _edges([c.x0 for c in prev.cells] + [c.x1 for c in prev.cells])
    cut = _repeated_header(prev, nxt, xs)
    start = nxt.bbox[1] if cut is None else cut
    shift = prev.bbox[3] - start
    moved = [Cell(_snap(c.x0, xs), c.top + shift, _snap(c.x1, xs), c.bottom + shift, c.text, c.origin) for c in nxt.cells
             if c.top >= start - EDGE_TOLERANCE]
    bottom = prev.bbox[3]
    last = [c for c in prev.cells if abs(c.bottom - bottom) <= EDGE_TOLERANCE]
    pairs = {}
    for i, c in enumerate(moved):
        above = next((a for a in last if abs(a.x0 - c.x0) <= EDGE_TOLERANCE and abs(a.x1 - c.x1) <= EDGE_TOLERANCE), None)
        if abs(c.top - bottom) <= EDGE_TOLERANCE and above is not None:
            pairs[i] = above
    split = any(moved[i].text for i in pairs) and all(not a.text or not moved[i].text or (_label(a.text) and _fragment(moved[i].text)) for i, a in pairs.items())
    cells = list(prev.cells)
    for i, c in enumerate(moved):
        above = pairs.get(i)
        if above is not None and (split or (above.text and _label(above.text) and (not c.text or (_fragment(c.text) and _heading(c, moved))))):
            above.bottom, above.text = c.bottom, above.text + c.text
            continue
        cells.append(c)
    box = (prev.bbox[0], prev.bbox[1], prev.bbox[2], nxt.bbox[3] + shift)
    return Table(cells, box, prev.page, prev.page_height, prev.pages + [nxt.page])


def block(table: Table) -> _core.PageBlock:
    """The table as a block: each cell on the grid of all cell edges, spanning the grid lines it skips."""
    xs = _edges([c.x0 for c in table.cells] + [c.x1 for c in table.cells])
    ys = _edges([c.top for c in table.cells] + [c.bottom for c in table.cells])

    def at(edges: list[float], v: float) -> int:
        return min(range(len(edges)), key=lambda i: abs(edges[i] - v))

    taken: set[tuple[int, int]] = set()
    cells = []
    for c in sorted(table.cells, key=lambda c: (c.top, c.x0)):
        r0, r1, c0, c1 = at(ys, c.top), at(ys, c.bottom), at(xs, c.x0), at(xs, c.x1)
        slots = {(r, k) for r in range(r0, r1) for k in range(c0, c1)}
        if r1 <= r0 or c1 <= c0 or slots & taken:  # a degenerate or overlapping box from odd ruling
            continue
        taken |= slots
        cells.append(_core.BlockCell(c.text, r0, c0, r1 - r0, c1 - c0, c.origin))
    return _core.PageBlock(cells=cells, rows=len(ys) - 1, cols=len(xs) - 1, origin=f"PDF page {table.page}")
