"""Pages a mirror converted to traditional characters, read back in simplified ones.

The forms' labels are simplified Chinese, so the C++ extraction refuses a traditional page (it
would come out as an empty report). With OpenCC installed (``pip install disclosure[traditional]``,
Apache-2.0) such a page is converted with its ``tw2sp`` configuration, which also undoes the
gateways' Taiwan vocabulary (資訊 → 信息, 網路 → 网络), and read again; each report's source note
says so. Without OpenCC the refusal stands, and says how to read the page.
"""

from __future__ import annotations

from . import _core

NOTE = "converted from traditional characters with OpenCC tw2sp before reading"


def is_refusal(error: Exception) -> bool:
    """Whether a ParseError is extraction's refusal of a traditional-character page."""
    return isinstance(error, _core.ParseError) and "traditional characters" in str(error)


def simplified_page(data: bytes, encoding: str, name: str) -> _core.Page | None:
    """The page's bytes converted to simplified characters and read again; None without OpenCC.

    >>> page = disclosure.traditional.simplified_page("主動公開政府資訊19條".encode(), "utf-8", "t.txt")
    >>> page is None or page.paragraphs[0].text == "主动公开政府信息19条"
    True
    """
    try:
        import opencc  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    text = data.decode("gb18030" if encoding.lower() in ("gb18030", "gbk", "gb2312") else "utf-8", errors="replace")
    converted = opencc.OpenCC("tw2sp").convert(text)
    return _core.read_page(converted.encode("utf-8"), name)


def mark_converted(extraction: _core.Extraction) -> _core.Extraction:
    """Says in each report's source note that its page was converted."""
    for report in extraction.reports:
        source = dict(report.source)
        source["note"] = (source.get("note", "") + "; " if source.get("note") else "") + NOTE
        report.source = source
    return extraction
