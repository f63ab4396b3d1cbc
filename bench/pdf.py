"""PDF reading speed: disclosure.extraction.read_pdf (pdfplumber's characters and ruling lines, tables rebuilt,
the page model assembled in C++) and disclosure.extract from a PDF, against the plain text that
the libraries themselves give, in the same run: pdfplumber's extract_text (the library chosen) and
pypdfium2's get_text_range (pdfium, the faster text layer), over the Huaian PDF and the converted
real pages. Prints pages/s and MB/s of each and writes them to bench/results/pdf.txt.
Usage: python bench/pdf.py [REPEATS]"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

import pdfplumber
import pypdfium2

import disclosure

ROOT = Path(__file__).resolve().parents[1]


def files() -> list[tuple[str, bytes]]:
    paths = [ROOT / "tests" / "data" / "pdf" / "2024_huaian_city.pdf"] + sorted((ROOT / "tests" / "data" / "converted").glob("*.pdf"))
    return [(p.name, p.read_bytes()) for p in paths]


def plumber_text(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def pdfium_text(data: bytes) -> int:
    doc = pypdfium2.PdfDocument(data)
    try:
        return sum(len(doc[i].get_textpage().get_text_range()) for i in range(len(doc)))
    finally:
        doc.close()


def timed(fn, data: list[bytes], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for d in data:
            fn(d)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(repeats: int) -> None:
    named = files()
    data = [d for _, d in named]
    pages = sum(len(pypdfium2.PdfDocument(d)) for d in data)
    mb = sum(len(d) for d in data) / 1e6
    print(f"{len(data)} PDFs, {pages} pages, {mb:.2f} MB; median of {repeats} runs")
    rows = [
        ("pypdfium2 get_text_range (text only)", pdfium_text),
        ("pdfplumber extract_text (text only)", plumber_text),
        ("disclosure.extraction.read_pdf (page model: tables, paragraphs)", lambda d: disclosure.extraction.read_pdf(d, "bench.pdf")),
        ("disclosure.extract (read_pdf + C++ extraction)", lambda d: disclosure.extract(d, name="bench.pdf")),
    ]
    lines = [f"{len(data)} PDFs, {pages} pages, {mb:.2f} MB; median of {repeats} runs"]
    seconds = [timed(fn, data, repeats) for _, fn in rows]
    for (label, _), t in zip(rows, seconds):
        lines.append(f"  {label:55s} {t:7.3f} s  {pages / t:7.1f} pages/s  {mb / t:6.2f} MB/s  {t / seconds[0]:5.1f}x pdfium")
    lines.append(f"  read_pdf against pdfplumber's own extract_text: {seconds[2] / seconds[1]:.2f}x the time")
    print("\n".join(lines[1:]))
    (ROOT / "bench" / "results" / "pdf.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
