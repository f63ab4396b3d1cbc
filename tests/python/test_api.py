"""The shape of the Python API (issue 15): a small top level, submodules for the rest, nothing of
the previous version lost (each old name works, with a DeprecationWarning, and is the same
object as in its new place), compiled classes complete without patching, names as in C++."""

from __future__ import annotations

import importlib
import pathlib
import types
import warnings

import pytest

import disclosure
from disclosure import _core

SEED = pathlib.Path(__file__).resolve().parents[2] / "examples" / "data" / "qiqihar-2018.json"
SUBMODULES = ["forms", "io", "extraction", "rules", "checks", "frames", "panel", "display", "text", "language", "plots", "synthetic"]

# Every public name of the previous version (0.1.0's disclosure.__all__ and the other attributes
# its __init__ made), as it was on main before the API was grouped.
OLD_ALL = [
    "Breakdowns", "Category", "Cell", "CellChange", "CellKeyError", "Dimension", "Error", "Extraction", "Finding", "Findings", "Form",
    "FormRegistry", "IndicatorValue", "Missing", "Page", "Panel", "PanelResult", "ParseError", "PlacedFigure", "Relation", "Report", "Rounding",
    "Rule", "RuleSet", "RuleSpec", "RuleSummary", "RuleSyntaxError", "Severity", "Share", "Shares", "Statement", "StatementItem", "Status",
    "Suggestion", "Table", "UnplacedFigure", "UserRule", "WideFrames", "builtin_form", "builtin_form_keys", "changes", "changes_frame", "check",
    "check_links", "check_reports", "check_result_to_json", "check_stated", "detect_format", "display", "extract", "findings_frame",
    "findings_matrix", "findings_to_csv", "form_cells", "forms", "get_language", "growth_series", "implied_previous", "indicators", "language",
    "largest_remainder_percent", "map_to_ogi2019", "parse_form", "parse_reports", "parse_reports_csv", "parse_rule", "parse_rules", "percent",
    "percent_convention", "read_document", "read_form", "read_page", "read_page_file", "read_panel", "read_pdf", "read_reports", "read_rules",
    "report_from_frame", "report_to_frame", "reports_frame", "reports_from_frame", "reports_from_wide", "reports_meta_frame", "reports_to_csv",
    "reports_to_json", "reports_wide", "scope_label", "series_frame", "set_language", "shares", "shares_frame", "shares_wide", "summarise",
    "traditional", "write_reports",
]
OLD_OTHER = ["analysis", "counts_per_report", "counts_per_rule", "files", "findings_frame_of", "frames", "panel", "panel_from_array",
             "panel_from_frame", "panel_group_sum", "panel_meta_frame", "panel_missing_frame", "panel_to_frame", "pdf"]


def test_the_top_level_is_small_and_listed_once():
    assert len(disclosure.__all__) <= 40
    assert len(set(disclosure.__all__)) == len(disclosure.__all__)
    for name in disclosure.__all__:
        getattr(disclosure, name)  # no AttributeError, no warning (the module is imported with warnings as errors below)


@pytest.mark.parametrize("module", SUBMODULES)
def test_every_submodule_name_resolves(module):
    if module == "plots":
        pytest.importorskip("matplotlib")
    mod = importlib.import_module(f"disclosure.{module}")
    assert getattr(disclosure, module) is mod
    names = getattr(mod, "__all__")
    assert names and len(set(names)) == len(names)
    for name in names:
        assert hasattr(mod, name), f"disclosure.{module}.__all__ lists {name}, which it lacks"


def _home(name: str) -> object:
    """Where an old name lives now: the top level, or the submodule the deprecation table names."""
    if name in disclosure.__all__ or isinstance(vars(disclosure).get(name), types.ModuleType):
        return vars(disclosure)[name]
    module, new = disclosure._deprecated.MOVED[name]
    return getattr(importlib.import_module(f"disclosure.{module}"), new)


@pytest.mark.parametrize("name", OLD_ALL + OLD_OTHER)
def test_every_old_name_still_works(name):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        obj = getattr(disclosure, name)
    assert obj is _home(name)
    moved = name in disclosure._deprecated.MOVED
    deprecations = [w for w in caught if issubclass(w.category, DeprecationWarning)]
    assert len(deprecations) == (1 if moved else 0), [str(w.message) for w in caught]
    if moved:
        module, new = disclosure._deprecated.MOVED[name]
        assert f"disclosure.{module}.{new}" in str(deprecations[0].message)
        assert deprecations[0].filename == __file__  # the warning points at the caller's line


def test_every_name_of_a_submodule_is_reachable_from_the_old_api_or_is_new():
    old = set(OLD_ALL) | set(OLD_OTHER)
    renamed = {new for old_name, (_, new) in disclosure._deprecated.MOVED.items() if old_name != new}
    for module in ["forms", "io", "extraction", "rules", "checks", "frames"]:
        for name in importlib.import_module(f"disclosure.{module}").__all__:
            assert name in old or name in renamed or name in {"ogi2008", "ogi2019", "ogi2021", "Form", "Paragraph", "RuleSyntaxError",
                                                                  "write_reports", "read_reports", "extract"}, f"disclosure.{module}.{name}"


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'no_such_thing'"):
        disclosure.no_such_thing  # noqa: B018
    assert not hasattr(disclosure, "no_such_thing")


def test_the_compiled_classes_are_complete_without_patching():
    """The methods with a Python body are the bindings' own (python_methods.hpp), not functions
    set on the class at import; objects the core returns have them."""
    for cls, name in [(_core.Report, "to_frame"), (_core.Report, "from_frame"), (_core.Report, "_repr_html_"), (_core.Form, "cells_frame"),
                      (_core.Panel, "to_frame"), (_core.Panel, "from_frame"), (_core.BatchResult, "findings_frame"),
                      (_core.Finding, "message"), (_core.Finding, "__repr__")]:
        member = vars(cls)[name]
        function = getattr(member, "__func__", getattr(member, "fget", member))  # a staticmethod's or property's function
        assert not isinstance(function, types.FunctionType), f"{cls.__name__}.{name} is a Python function set on the class"
        assert type(function).__name__ in ("instancemethod", "builtin_function_or_method"), (cls.__name__, name, type(function))
    reports = disclosure.io.parse_reports(SEED.read_text(encoding="utf-8"))
    frame = reports[0].to_frame()
    assert disclosure.Report.from_frame(frame) == reports[0]
    panel = disclosure.Panel.from_reports(reports)
    assert panel.report(1).to_frame().equals(reports[1].to_frame())
    assert panel.check().findings_frame().shape[0] == len(panel.check())


def test_names_are_those_of_cpp():
    assert _core.BatchResult.__name__ == "BatchResult"
    assert "PanelResult" not in dir(_core) and "percent_convention" not in dir(_core)
    assert disclosure.checks.infer_percent_convention.__name__ == "infer_percent_convention"
    cells = disclosure.forms.ogi2008.cell_list()
    assert [c.key for c in cells] == disclosure.forms.ogi2008.cells_frame()["key"].tolist()


def test_form_cells_warns_and_gives_the_frame():
    form = disclosure.forms.ogi2019
    with pytest.warns(DeprecationWarning, match="cells_frame") as caught:
        old = form.cells()
    assert caught[0].filename == __file__  # the warning points at the caller's line
    assert old.equals(form.cells_frame())


def test_errors():
    assert issubclass(disclosure.CellKeyError, disclosure.Error) and issubclass(disclosure.CellKeyError, KeyError)
    assert issubclass(disclosure.EncodingError, disclosure.ParseError) and issubclass(disclosure.EncodingError, UnicodeDecodeError)
    with pytest.raises(disclosure.Error, match="closest: requests.total.year"):
        disclosure.forms.ogi2008.cell("requests.totl.year")
    with pytest.raises(KeyError):
        disclosure.Report(disclosure.forms.ogi2008, "r")["requests.totl.year"]


def test_messages_follow_the_language_when_none_is_given():
    region = disclosure.read_reports(SEED)[0]
    f = disclosure.check(region).failed[0]
    try:
        disclosure.set_language("zh")
        assert f.message() == f.message("zh") != f.message("en")
        assert f.suggestions[0].message() == f.suggestions[0].message("zh")
        assert disclosure.indicators(region)[0].formula() == disclosure.indicators(region)[0].formula("zh")
    finally:
        disclosure.set_language(None)
    with pytest.raises(ValueError, match="unknown language"):
        f.message("fr")


@pytest.mark.parametrize("command", [["check"], ["shares"], ["yoy"], ["extract"], ["forms", "--format", "markdown"]])
def test_the_package_itself_uses_no_deprecated_name(command, tmp_path, capsys):
    from disclosure import cli

    page = SEED.parents[2] / "tests" / "data" / "pages" / "2012_pingtan_county" / "page.html"
    files = [] if command[0] == "forms" else [str(page if command[0] == "extract" else SEED)]
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        assert cli.main(command + files + ["--output", str(tmp_path / "out")]) in (0, 1)
        assert (tmp_path / "out").read_text(encoding="utf-8")
