"""A cap on what one PDF stream may unpack to. pdfminer.six inflates each stream whole with
``zlib.decompress``, so a small PDF can ask for gigabytes (tests/python/pdfs.py: bomb_pdf); the
``zlib`` its pdftypes module uses is replaced by one that stops at MAX_STREAM bytes and raises
StreamTooLarge, which the reader reports with the page. Everything else is zlib's own."""

from __future__ import annotations

import zlib
from typing import Any

MAX_STREAM = 128 << 20  # bytes one stream may unpack to; a report's page needs a few hundred KB


class StreamTooLarge(Exception):
    def __init__(self) -> None:
        super().__init__(f"a stream unpacks to over {MAX_STREAM >> 20} MiB (a zip bomb?); refused")


class _CappedObject:
    """zlib's decompressor counting what it gives (pdfminer's decompress_corrupted uses one)."""

    def __init__(self, *args: Any) -> None:
        self._inner = zlib.decompressobj(*args)
        self._given = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._inner.decompress(data, max_length or MAX_STREAM + 1 - self._given)
        self._given += len(out)
        if self._given > MAX_STREAM:
            raise StreamTooLarge()
        return out

    def flush(self, *args: Any) -> bytes:
        return self._inner.flush(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _CappedZlib:
    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args: Any) -> bytes:
        d = zlib.decompressobj(*args)
        out = d.decompress(data, MAX_STREAM + 1)
        if len(out) > MAX_STREAM:
            raise StreamTooLarge()
        if not d.eof:  # as zlib.decompress does, so that pdfminer takes its path for damaged data
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*args: Any) -> _CappedObject:
        return _CappedObject(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def install() -> None:
    """Caps pdfminer's inflating (once; idempotent)."""
    import pdfminer.pdftypes as types

    if not isinstance(getattr(types, "zlib"), _CappedZlib):
        setattr(types, "zlib", _CappedZlib())
