"""The names ``disclosure`` had at its top level before they were grouped into submodules: each
still works for one version, with a DeprecationWarning that names its new place.

>>> import warnings, disclosure
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     disclosure.parse_rule is disclosure.rules.parse_rule
True
>>> str(caught[0].message)
'disclosure.parse_rule is deprecated: use disclosure.rules.parse_rule (it goes in the next version)'
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

#: old top-level name → (submodule, name there)
MOVED: dict[str, tuple[str, str]] = {
    **{n: ("forms", n) for n in ["Category", "Cell", "Dimension", "FormRegistry", "Relation", "Table", "builtin_form", "builtin_form_keys"]},
    **{n: ("io", n) for n in ["check_result_to_json", "findings_to_csv", "parse_form", "parse_reports", "parse_reports_csv", "read_form",
                               "reports_to_csv", "reports_to_json"]},
    **{n: ("rules", n) for n in ["Rule", "RuleSet", "RuleSpec", "UserRule", "parse_rule", "parse_rules", "read_rules"]},
    **{n: ("extraction", n) for n in ["Extraction", "Page", "PlacedFigure", "Statement", "StatementItem", "UnplacedFigure", "detect_format",
                                       "read_document", "read_page", "read_page_file", "read_pdf"]},
    **{n: ("checks", n) for n in ["CellChange", "IndicatorValue", "RuleSummary", "Share", "Suggestion", "check_links", "check_stated",
                                   "growth_series", "implied_previous", "largest_remainder_percent", "percent", "scope_label"]},
    "percent_convention": ("checks", "infer_percent_convention"),
    **{n: ("frames", n) for n in ["WideFrames", "changes_frame", "findings_frame", "findings_matrix", "form_cells", "report_from_frame",
                                   "report_to_frame", "reports_frame", "reports_from_frame", "reports_from_wide", "reports_meta_frame",
                                   "reports_wide", "series_frame", "shares_frame", "shares_wide"]},
    "PanelResult": ("panel", "BatchResult"),
    **{n: ("panel", n) for n in ["read_panel", "counts_per_report", "counts_per_rule", "findings_frame_of", "panel_from_array",
                                  "panel_from_frame", "panel_group_sum", "panel_meta_frame", "panel_missing_frame", "panel_to_frame"]},
}


def moved(name: str) -> Any:
    """The object an old top-level name stands for, with a DeprecationWarning; AttributeError for
    a name that never was."""
    if name not in MOVED:
        raise AttributeError(f"module 'disclosure' has no attribute {name!r}")
    module, new = MOVED[name]
    warnings.warn(f"disclosure.{name} is deprecated: use disclosure.{module}.{new} (it goes in the next version)", DeprecationWarning, stacklevel=3)
    return getattr(importlib.import_module(f"disclosure.{module}"), new)
