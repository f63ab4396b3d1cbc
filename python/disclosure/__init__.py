"""disclosure: statistics and consistency checks for OGI annual reports (政府信息公开工作年度报告).

>>> import disclosure
>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> [f.message("en") for f in disclosure.check(region) if f.status == disclosure.Status.FAIL][0]  # doctest: +ELLIPSIS
'requests answered (this year): 247 stated, but the outcome counts sum to 243 (4 short). ...'

The top level holds what an analyst reaches for first: reading, extracting, checking, shares and
changes, the classes those give, the enums and the errors. The rest is grouped by what it is for:

- :mod:`disclosure.forms`: the built-in forms and the pieces of a form;
- :mod:`disclosure.io`: report, form and findings files (``read_*``, ``parse_*``, ``write_*``, ``*_to_json``);
- :mod:`disclosure.extraction`: published pages (HTML, text, PDF, Word) and what was read from them;
- :mod:`disclosure.rules`: the rule language and rule sets;
- :mod:`disclosure.checks`: the pieces under ``check`` and ``shares`` (stated figures, links, rounding);
- :mod:`disclosure.frames`: pandas DataFrames to and from reports, findings and shares;
- :mod:`disclosure.panel`: many reports of one form as one matrix;
- :mod:`disclosure.display`, :mod:`disclosure.text`: HTML and text views; :mod:`disclosure.language`;
- ``disclosure.plots`` (matplotlib) and ``disclosure.synthetic``, imported when first used.

The logic lives in the C++ core (``disclosure._core``); a compiled class's methods that need
pandas or the display (``Report.to_frame``, ``_repr_html_``) are declared on the class and call
the Python functions of these modules. The names this package had at its top level before
(``disclosure.parse_rule`` …) still work for one version, with a DeprecationWarning.
"""

from __future__ import annotations

import importlib
from typing import Any

from . import _deprecated, analysis, checks, display, extraction, forms, frames, io, language, panel, rules, text, traditional
from ._core import (BatchResult, CellKeyError, EncodingError, Error, Finding, Form, Missing, Panel, ParseError, Report, Rounding, RuleSyntaxError,
                    Severity, Status, changes, indicators, map_to_ogi2019, summarise)
from ._core import __version__  # written once, in CMakeLists.txt (project VERSION)
from .analysis import check, check_reports, shares
from .display import Breakdowns, Findings, Shares
from .files import extract, read_reports, write_reports
from .language import get_language, set_language

__all__ = [
    # reading and checking
    "read_reports", "write_reports", "extract", "check", "check_reports", "summarise",
    # shares, changes, indicators
    "shares", "changes", "indicators", "map_to_ogi2019",
    # what they give
    "Report", "Form", "Finding", "Findings", "Shares", "Breakdowns", "Panel", "BatchResult",
    # enums and errors
    "Missing", "Rounding", "Status", "Severity", "Error", "ParseError", "CellKeyError", "EncodingError", "RuleSyntaxError",
    # language of messages and labels
    "get_language", "set_language",
    # the rest, by what it is for
    "forms", "io", "extraction", "rules", "checks", "frames", "panel", "display", "text", "language",
]

_LAZY = ("plots", "synthetic")  # plots needs matplotlib, synthetic NumPy's generators: imported when first used


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return importlib.import_module(f"disclosure.{name}")
    return _deprecated.moved(name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
