"""Text of PDF lines made like the text of a web page: the spaces a PDF puts between Chinese
characters (justified lines, "2024 年") removed, the Kangxi radicals and compatibility ideographs
that some fonts map their glyphs to (⽅ U+2F45 for 方) made the usual characters, and lines of one
label or paragraph joined without a break."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable, Sequence

# CJK ideographs, radicals, CJK punctuation and full-width forms: no space is printed next to them.
_WIDE = "\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE_AFTER_WIDE = re.compile(f"(?<=[{_WIDE}])[ \u00a0]+")
_SPACE_BEFORE_WIDE = re.compile(f"[ \u00a0]+(?=[{_WIDE}])")
_SPACE_IN_NUMBERING = re.compile(r"(?<=\d) +(?=[.．、])")  # "1 .信访" of a letter-spaced line
_RADICALS = re.compile("[\u2f00-\u2fdf\uf900-\ufaff]")


def tidy(text: str) -> str:
    """One line's text: radicals as ideographs, no spaces next to wide characters, ends trimmed.

    >>> tidy("2024 年，全市共受理 3119 件")
    '2024年，全市共受理3119件'
    >>> tidy("1 .信访举报")
    '1.信访举报'
    >>> tidy("⽅案")
    '方案'
    """
    text = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = _SPACE_BEFORE_WIDE.sub("", _SPACE_AFTER_WIDE.sub("", text))
    text = _SPACE_IN_NUMBERING.sub("", text)
    return text.strip()


def join_lines(lines: Iterable[str]) -> str:
    """Lines of one paragraph or cell as one text: joined directly (a label or a number broken over
    lines is whole again), with a space only between two Latin letters.

    >>> join_lines(["三、", "本", "年", "度"])
    '三、本年度'
    >>> join_lines(["email", "address"])
    'email address'
    """
    return join_with_offsets(lines)[0]


def join_with_offsets(lines: Iterable[str]) -> tuple[str, list[int]]:
    """join_lines, and where each line starts in the result (in code points; -1 for an empty line)."""
    out = ""
    starts = []
    for line in lines:
        line = line.strip()
        if not line:
            starts.append(-1)
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            out += " "
        starts.append(len(out))
        out += line
    return out, starts


def text_lines(chars: Sequence[dict[str, Any]]) -> list[tuple[str, float, float, float, float]]:
    """Characters grouped into lines, each (text, x0, x1, top, bottom) top to bottom. A character
    joins a line it overlaps vertically by half its height (a smaller digit on the same baseline, as
    in "2017年度", stays on its line); within a line characters go left to right, with a space where
    a gap of a quarter of their size lies between them."""
    lines: list[list[dict[str, Any]]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        h = max(c["bottom"] - c["top"], 0.1)
        for line in reversed(lines[-3:]):
            top, bottom = min(x["top"] for x in line), max(x["bottom"] for x in line)
            if min(bottom, c["bottom"]) - max(top, c["top"]) >= 0.5 * min(h, bottom - top):
                line.append(c)
                break
        else:
            lines.append([c])
    out = []
    for line in lines:
        line.sort(key=lambda c: c["x0"])
        text = ""
        for i, c in enumerate(line):
            if i and c["x0"] - line[i - 1]["x1"] > 0.25 * max(c.get("size", 10), 1) and not text.endswith(" "):
                text += " "
            text += c["text"]
        out.append((text, min(c["x0"] for c in line), max(c["x1"] for c in line), min(c["top"] for c in line), max(c["bottom"] for c in line)))
    return out
