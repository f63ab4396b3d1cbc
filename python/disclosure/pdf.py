"""PDF reports read into the page model, so that the C++ extraction reads them as it reads HTML.

pdfplumber (MIT, on pdfminer.six, MIT) gives each character with its position and the ruling
lines and rectangles of the page; tables are rebuilt from those lines (merged cells from the cells'
edges, a table continued over a page break joined), the rest of the text made into paragraphs
from the lines' indents and lengths. Running headers, footers and page numbers ("- 4 -") are
dropped. A page with characters but no Unicode for them, or an image and no text (a scan), is an
error naming the page: OCR is not done. No stream may unpack to more than
pdf_limits.MAX_STREAM bytes. The page is assembled by ``_core.assemble_page``; every
paragraph and cell keeps its page and position as its origin ("PDF page 4, x 73, y 370").
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import time
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from . import _core, pdf_limits, pdf_tables
from .pdf_text import join_with_offsets, text_lines, tidy

MAX_PAGES = 1000  # a longer PDF is refused: no report has that many pages
TIME_BUDGET = 300.0  # seconds per file; the page being read when it runs out is named
PAGE_SECONDS = 30.0  # seconds one page may take (a real page takes well under one); main thread only

_PAGE_NUMBER = re.compile(r"^[-—–－~·\s]*(第\s*)?\d{1,4}(\s*页)?(\s*(/|共)\s*\d{1,4}\s*页?)?[-—–－~·\s]*$")
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    page_height: float


def _error(message: str) -> _core.ParseError:
    return _core.ParseError(message)


def _cause(e: BaseException) -> BaseException:
    """The pdfminer error that pdfplumber wraps in its PdfminerException."""
    return e.args[0] if e.args and isinstance(e.args[0], BaseException) else e


def _open(source: str | os.PathLike[str] | bytes, name: str) -> Any:
    import io

    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        return pdfplumber.open(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else os.fspath(source))
    except Exception as raised:  # pdfminer raises many kinds on damaged files
        e = _cause(raised)
        if isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise _error(f"{name}: the PDF is encrypted and needs a password; it is not read") from None
        raise _error(f"{name}: not a readable PDF ({type(e).__name__}: {e})") from None


def read_pdf(source: str | os.PathLike[str] | bytes, name: str = "") -> _core.Page:
    """Reads a PDF (a path or its bytes) into a page: paragraphs in reading order and tables as
    grids with merged cells. Raises ParseError naming the file, and the page where one is at fault.

    >>> page = disclosure.extraction.read_pdf("tests/data/pdf/2024_huaian_city.pdf")
    >>> page
    <Page tests/data/pdf/2024_huaian_city.pdf utf-8 pdf, 18 paragraphs, 3 tables>
    >>> page.tables[1].rows[5][0].text, page.origin_at(page.tables[1].rows[5][3].position)
    ('三、本年度办理结果', 'PDF page 4, x 251, y 504')
    """
    name = name or (os.fspath(source) if not isinstance(source, (bytes, bytearray)) else "<bytes>")
    pdf_limits.install()
    started = time.monotonic()
    pdf = _open(source, name)
    try:
        try:
            count = len(pdf.pages)
        except Exception as raised:
            e = _cause(raised)
            raise _error(f"{name}: not a readable PDF: its pages cannot be found ({type(e).__name__}: {e})") from None
        if count > MAX_PAGES:
            raise _error(f"{name}: {count} pages; more than {MAX_PAGES} are not read (page {MAX_PAGES + 1} on)")
        items: list[tuple[int, float, object]] = []
        for number, page in enumerate(pdf.pages, 1):
            if time.monotonic() - started > TIME_BUDGET:
                raise _error(f"{name}: page {number}: reading took over {TIME_BUDGET:.0f} s; the file is not read")
            try:
                with _deadline(PAGE_SECONDS):
                    items.extend((number, top, item) for top, item in _page_items(page, number, name))
            except _core.ParseError:
                raise
            except _PageTimeout:
                raise _error(f"{name}: page {number}: reading took over {PAGE_SECONDS:.0f} s; the file is not read") from None
            except Exception as raised:  # damage found only when the page is drawn
                e = _cause(raised)
                if isinstance(e, _PageTimeout):
                    raise _error(f"{name}: page {number}: reading took over {PAGE_SECONDS:.0f} s; the file is not read") from None
                raise _error(f"{name}: page {number}: cannot be read ({type(e).__name__}: {e})") from None
            finally:
                page.close()
    finally:
        _close(pdf)
    blocks = _blocks(_drop_running(items, count), name)
    return _core.assemble_page(name, blocks, "pdf", _title(blocks))


class _PageTimeout(BaseException):
    """A BaseException, as KeyboardInterrupt is, so that pdfminer's and pdfplumber's handlers of
    Exception let it through."""


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raises _PageTimeout in the block after `seconds` (SIGALRM: Unix, main thread; elsewhere only
    TIME_BUDGET between pages holds). A page of a million drawn segments, a few KB packed, would
    otherwise take minutes and gigabytes."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise _PageTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _close(pdf: Any) -> None:
    """pdfplumber's close walks the page tree again, which raises on a damaged tree (found by
    tests/python/test_fuzz_pdf.py): the error that counts was raised before."""
    try:
        pdf.close()
    except Exception:
        pass


def _page_items(page: Any, number: int, name: str) -> list[tuple[float, object]]:
    """The lines and tables of one page, each with its top, in reading order."""
    chars = page.chars
    if not chars:
        if page.images:
            raise _error(f"{name}: page {number} has no text layer: it is an image (a scan?); OCR is not done")
        return []
    sample = chars[:2000]
    if sum(1 for c in sample if _CID.fullmatch(c["text"])) > len(sample) // 2:
        raise _error(f"{name}: page {number}: its fonts give no Unicode for the characters (cid codes): the text cannot be read")
    tables = pdf_tables.find(page, number)
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    items: list[tuple[float, object]] = [(t.bbox[1], t) for t in tables]
    for raw, x0, x1, top, bottom in text_lines([c for c in chars if outside(c)]):
        text = tidy(raw)
        if text:
            items.append((top, Line(text, x0, x1, top, bottom, number, float(page.height))))
    items.sort(key=lambda it: it[0])
    return items


def _drop_running(items: list[tuple[int, float, object]], pages: int) -> list[tuple[int, float, object]]:
    """Without page numbers and the running headers and footers: lines in the top or bottom tenth
    of a page that are a page number, or whose text (digits aside) recurs on most pages."""
    def margin(line: Line) -> bool:
        return line.top < 0.1 * line.page_height or line.bottom > 0.9 * line.page_height

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text)

    seen: dict[str, set[int]] = {}
    for _, _, item in items:
        if isinstance(item, Line) and margin(item):
            seen.setdefault(key(item), set()).add(item.page)
    running = {k for k, on in seen.items() if pages >= 3 and len(on) >= max(3, pages // 2)}
    out = []
    for entry in items:
        item = entry[2]
        if isinstance(item, Line) and margin(item) and (_PAGE_NUMBER.match(item.text) or key(item) in running):
            continue
        out.append(entry)
    return out


def _blocks(items: list[tuple[int, float, object]], name: str) -> list[_core.PageBlock]:
    """Paragraphs from runs of lines, tables joined across page breaks, as blocks for assemble_page."""
    lines = [it[2] for it in items if isinstance(it[2], Line)]
    left, right, size = _margins(lines)
    blocks: list[_core.PageBlock] = []
    para: list[Line] = []

    def flush() -> None:
        if para:
            text, starts = join_with_offsets([ln.text for ln in para])
            parts = [(at, _where(ln)) for at, ln in zip(starts, para) if at > 0]
            blocks.append(_core.PageBlock(text=text, origin=_where(para[0]), parts=parts))
            para.clear()

    tables: list[pdf_tables.Table] = []
    for _, _, item in items:
        if isinstance(item, pdf_tables.Table):
            flush()
            if tables and blocks and blocks[-1] is _TABLE and pdf_tables.continues(tables[-1], item):
                tables[-1] = pdf_tables.join(tables[-1], item)
            else:
                tables.append(item)
                blocks.append(_TABLE)
            continue
        line: Line = item  # type: ignore[assignment]
        if para and _starts_paragraph(para[-1], line, left, right, size):
            flush()
        para.append(line)
    flush()
    tables.reverse()
    return [pdf_tables.block(tables.pop()) if b is _TABLE else b for b in blocks]


def _where(line: Line) -> str:
    return f"PDF page {line.page}, x {line.x0:.0f}, y {line.top:.0f}"


def _title(blocks: Sequence[_core.PageBlock]) -> str:
    """The report's title: its first short paragraphs up to the one naming the report
    (淮安市人民政府 / 2024年政府信息公开工作年度报告), as an HTML page's <title> gives it."""
    text = ""
    for b in blocks[:3]:
        if b.cells or len(b.text) > 40:
            break
        text += b.text
        if "报告" in b.text:
            return text
    return ""


_TABLE = _core.PageBlock(text="\0table")  # a placeholder in the block list, replaced at the end


def _margins(lines: Sequence[Line]) -> tuple[float, float, float]:
    """The body's left edge (the commonest line start), its right edge and the line height."""
    if not lines:
        return 0.0, 0.0, 10.0
    starts: dict[int, int] = {}
    for ln in lines:
        starts[round(ln.x0)] = starts.get(round(ln.x0), 0) + 1
    left = float(max(starts, key=lambda k: (starts[k], -k)))
    ends = sorted(ln.x1 for ln in lines)
    right = ends[int(0.9 * (len(ends) - 1))]
    heights = sorted(ln.bottom - ln.top for ln in lines)
    return left, right, max(heights[len(heights) // 2], 1.0)


def _starts_paragraph(prev: Line, line: Line, left: float, right: float, size: float) -> bool:
    """Whether a line begins a new paragraph after `prev`: it is indented, `prev` stops short of the
    right edge by more than four characters (a number too wide for the line goes whole to the next), or a gap lies between them on one page."""
    if line.x0 > left + 0.8 * size or prev.x1 < right - 4 * size:
        return True
    return line.page == prev.page and line.top - prev.bottom > 1.2 * size
