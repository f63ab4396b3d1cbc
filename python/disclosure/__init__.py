"""disclosure: statistics and consistency checks for OGI annual reports (政府信息公开工作年度报告).

>>> import disclosure
>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> [f.message("en") for f in disclosure.check(region) if f.status == disclosure.Status.FAIL][0]  # doctest: +ELLIPSIS
'requests answered (this year): 247 stated, but the outcome counts sum to 243 (4 short). ...'

The logic lives in the C++ core (``disclosure._core``); this package re-exports it and adds
pandas views, file helpers and the command line (``disclosure check``).
"""

from __future__ import annotations

from . import forms
from ._core import (
    Category,
    Cell,
    CellChange,
    CellKeyError,
    Dimension,
    Error,
    Extraction,
    Finding,
    Form,
    FormRegistry,
    Missing,
    Panel,
    PanelResult,
    ParseError,
    Relation,
    Report,
    Rounding,
    Rule,
    RuleSet,
    Severity,
    Share,
    Status,
    Suggestion,
    Table,
    RuleSpec,
    RuleSummary,
    RuleSyntaxError,
    UserRule,
    builtin_form,
    changes,
    builtin_form_keys,
    check_links,
    check_result_to_json,
    check_stated,
    findings_to_csv,
    growth_series,
    IndicatorValue,
    implied_previous,
    indicators,
    largest_remainder_percent,
    map_to_ogi2019,
    parse_form,
    parse_reports,
    parse_reports_csv,
    parse_rule,
    parse_rules,
    Page,
    PlacedFigure,
    Statement,
    StatementItem,
    UnplacedFigure,
    detect_format,
    read_page,
    read_page_file,
    percent,
    percent_convention,
    read_rules,
    reports_to_csv,
    reports_to_json,
    summarise,
)
from . import analysis, display, language, traditional
from .analysis import check, check_reports, scope_label, shares
from .display import Breakdowns, Findings, Shares
from .files import extract, read_document, read_form, read_reports, write_reports
from .pdf import read_pdf
from .language import get_language, set_language
from .frames import (WideFrames, changes_frame, findings_frame, findings_matrix, form_cells, report_from_frame, report_to_frame, reports_frame,
                     reports_from_frame, reports_from_wide, reports_meta_frame, reports_wide, series_frame, shares_frame, shares_wide)
from .panel import (counts_per_report, counts_per_rule, findings_frame_of, panel_from_array, panel_from_frame, panel_group_sum, panel_meta_frame,
                    panel_missing_frame, panel_to_frame, read_panel)

from ._core import __version__  # written once, in CMakeLists.txt (project VERSION)

# The pandas views as methods, so that they read naturally in a notebook.
Form.cells = form_cells  # type: ignore[method-assign,assignment]
Report.to_frame = report_to_frame  # type: ignore[method-assign,assignment]
Report.from_frame = staticmethod(report_from_frame)  # type: ignore[method-assign]
Panel.from_frame = staticmethod(panel_from_frame)  # type: ignore[method-assign]
Panel.from_array = staticmethod(panel_from_array)  # type: ignore[method-assign]
Panel.read = staticmethod(read_panel)  # type: ignore[method-assign]
Panel.to_frame = panel_to_frame  # type: ignore[method-assign,assignment]
Panel.missing_frame = panel_missing_frame  # type: ignore[method-assign,assignment]
Panel.meta_frame = panel_meta_frame  # type: ignore[method-assign,assignment]
Panel.group_sum = panel_group_sum  # type: ignore[method-assign,assignment]
PanelResult.findings_frame = findings_frame_of  # type: ignore[method-assign,assignment]
PanelResult.counts_per_rule = property(counts_per_rule)  # type: ignore[method-assign,assignment]
PanelResult.counts_per_report = property(counts_per_report)  # type: ignore[method-assign,assignment]
# Jupyter displays, plain reprs, and messages in the default language.
display.install()
analysis.install()

__all__ = [
    "Breakdowns", "Findings", "Shares", "WideFrames", "findings_matrix", "reports_frame", "reports_from_frame", "reports_from_wide",
    "reports_meta_frame", "reports_wide", "shares_wide", "RuleSpec", "RuleSummary", "RuleSyntaxError", "UserRule", "check_links", "check_stated",
    "parse_rule", "parse_rules", "percent_convention", "read_rules", "summarise", "get_language", "set_language", "display", "language", "traditional",
    "Category", "Cell", "CellChange", "CellKeyError", "Dimension", "Error", "Finding", "Form", "FormRegistry", "Missing",
    "Panel", "PanelResult", "ParseError", "Relation", "Report", "Rounding", "Rule", "RuleSet", "Severity", "Share", "Status", "Suggestion", "Table",
    "Extraction", "Page", "PlacedFigure", "Statement", "StatementItem", "UnplacedFigure", "detect_format", "extract", "read_page", "read_page_file", "read_document", "read_pdf",
    "builtin_form", "builtin_form_keys", "changes", "changes_frame", "check", "check_reports", "check_result_to_json", "findings_frame", "findings_to_csv", "growth_series", "IndicatorValue", "implied_previous", "indicators", "map_to_ogi2019", "largest_remainder_percent", "form_cells", "forms", "parse_form",
    "parse_reports", "parse_reports_csv", "read_panel", "percent", "read_form", "read_reports", "report_from_frame",
    "report_to_frame", "reports_to_csv", "reports_to_json", "scope_label", "series_frame", "shares", "shares_frame", "write_reports",
]

