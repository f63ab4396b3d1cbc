"""The language of messages and labels: Chinese (``"zh"``) or English (``"en"``).

Every function that writes words for people takes ``lang=``; left out (``None``), it uses the
default, which is ``$DISCLOSURE_LANG`` when that is ``zh`` or ``en``, else English, and can be
changed for the session:

>>> import disclosure
>>> disclosure.set_language("zh")
>>> disclosure.get_language()
'zh'
>>> disclosure.set_language(None)   # back to $DISCLOSURE_LANG, else en
"""

from __future__ import annotations

import os
from typing import Literal, Optional

__all__ = ["get_language", "set_language", "resolve", "pick", "Lang"]

Lang = Literal["zh", "en"]
LANGUAGES: tuple[Lang, ...] = ("zh", "en")

_default: Optional[Lang] = None


def _from_environment() -> Lang:
    value = os.environ.get("DISCLOSURE_LANG", "")
    return "zh" if value == "zh" else "en"


def get_language() -> Lang:
    """The default language: the one set with :func:`set_language`, else ``$DISCLOSURE_LANG``, else ``"en"``.

    >>> disclosure.set_language("zh")
    >>> disclosure.get_language()
    'zh'
    >>> disclosure.set_language(None)   # back to $DISCLOSURE_LANG, else en
    """
    return _default if _default is not None else _from_environment()


def set_language(lang: Optional[str]) -> None:
    """Sets the default language for messages and labels (``"zh"`` or ``"en"``); ``None`` goes back
    to ``$DISCLOSURE_LANG``, else English.

    >>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
    >>> r["requests.total.year"] = 5; r["requests.in_person.year"] = 3
    >>> disclosure.set_language("zh")
    >>> disclosure.check(r).failed[0].message()  # doctest: +ELLIPSIS
    '收到申请数（本年度）填报5，但各渠道申请数合计3，相差2。...'
    >>> disclosure.set_language(None)
    """
    global _default
    _default = None if lang is None else resolve(lang)


def resolve(lang: Optional[str] = None) -> Lang:
    """``lang`` checked, or the default when it is ``None``."""
    if lang is None:
        return get_language()
    if lang == "zh":
        return "zh"
    if lang == "en":
        return "en"
    raise ValueError(f"unknown language {lang!r}: expected 'zh' or 'en'")


def pick(lang: Optional[str], zh: str, en: str) -> str:
    """``zh`` or ``en`` by language."""
    return zh if resolve(lang) == "zh" else en
