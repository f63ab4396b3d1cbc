"""The PDF reader under mutated input (Hypothesis, within a time budget, as fuzz/ does for the C++
readers): bytes of the real Huaian PDF and of small written PDFs, changed, cut and spliced. Each
reading gives a page or a ParseError naming the file; nothing else escapes, and none takes long.
DISCLOSURE_FUZZ_PDF_EXAMPLES sets how many inputs (default 200, a few seconds)."""

from __future__ import annotations

import os
import pathlib
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfs import tiny_pdf

import disclosure

HUAIAN = (pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "pdf" / "2024_huaian_city.pdf").read_bytes()
SEEDS = [HUAIAN, tiny_pdf(2, ["2018 report", "total 5"]), tiny_pdf(1, ["(", ")"])]
EXAMPLES = int(os.environ.get("DISCLOSURE_FUZZ_PDF_EXAMPLES", "200"))


@st.composite
def mutated(draw):
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "cut", "insert", "splice"]))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at: at + draw(st.integers(1, 4096))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            other = draw(st.sampled_from(SEEDS))
            start = draw(st.integers(0, len(other) - 1))
            data[at:at] = other[start: start + draw(st.integers(1, 2048))]
        if not data:
            data = bytearray(b"%PDF-")
    return bytes(data)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_pdfs_give_a_page_or_a_parse_error_in_bounded_time(data):
    started = time.monotonic()
    try:
        page = disclosure.extraction.read_pdf(data, "fuzz.pdf")
        assert page.format == "pdf"
        disclosure._core.extract_page(page)
    except disclosure.ParseError as e:
        assert str(e).startswith("fuzz.pdf"), str(e)
    assert time.monotonic() - started < 20
