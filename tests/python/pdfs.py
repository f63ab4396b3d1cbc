"""Small PDFs written byte by byte for the tests: pages of Latin text in a standard font (no font
file needed), with a correct cross-reference table."""

from __future__ import annotations


HELVETICA = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
# A CID font with no ToUnicode map and no font file: its characters have no Unicode (cid codes).
NO_UNICODE = ("<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 "
              "/BaseFont /Song /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>")


def tiny_pdf(pages: int, lines: list[str] | None = None, font: str = HELVETICA, placed: list[tuple[float, float, str]] | None = None) -> bytes:
    """A PDF of `pages` pages sharing one content stream that prints `lines` (default one line)
    from the top left, or each (x, y, text) of `placed` at x, y points from the bottom left."""
    lines = lines or ["report"]
    ops = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({t}) '" for t in lines) + " ET"
    if placed:
        ops = " ".join(f"BT /F1 12 Tf {x} {y} Td ({t}) Tj ET" for x, y, t in placed)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [" + " ".join(f"{5 + i} 0 R" for i in range(pages)) + f"] /Count {pages} >>",
        f"<< /Length {len(ops)} >>\nstream\n{ops}\nendstream",
        font,
    ]
    objects += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _one_page(stream: bytes, filters: bytes = b"") -> bytes:
    """A one-page PDF whose content is `stream` (packed already when `filters` says so)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               b"<< /Length %d %s>>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def bomb_pdf(megabytes: int) -> bytes:
    """A one-page PDF whose content stream inflates to `megabytes` MB of spaces (about 1/1000 of it packed)."""
    import zlib

    z = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    packed = b"".join(z.compress(chunk) for _ in range(megabytes)) + z.flush()
    return _one_page(packed, b"/Filter /FlateDecode ")


def busy_pdf(segments: int) -> bytes:
    """A one-page PDF that draws `segments` line segments: small packed, slow to interpret (about 5,000
    a second with pdfplumber)."""
    import zlib

    return _one_page(zlib.compress(b"0 0 m 1 1 l S " * segments, 9), b"/Filter /FlateDecode ")
