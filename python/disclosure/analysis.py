"""The checks and shares of the core, returning lists that display themselves, and messages in
the default language (see :mod:`disclosure.language`).

>>> import disclosure
>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")   # doctest: +SKIP
>>> findings = disclosure.check(region)                                          # doctest: +SKIP
>>> findings.failed[0].message("zh")                                             # doctest: +SKIP
'申请答复数（本年度）填报247，但各类答复合计243，相差4。…'
>>> disclosure.shares(region, "requests.total.year")                             # doctest: +SKIP
Shares of requests.total.year = 247 (qiqihar-2018-region) …
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence, overload

from . import _core
from ._core import Finding, IndicatorValue, Report, Rounding, RuleSpec, Suggestion, UserRule
from .display import Breakdowns, Findings, Shares
from .language import resolve


def check(report: Report, extra: Sequence[RuleSpec] = ()) -> Findings:
    """Every check of one report: its form's rules (plus ``extra``), where their errors may be,
    and its stated figures. :func:`check_reports` also checks the links between reports.

    >>> findings = check(region)                                    # doctest: +SKIP
    >>> [(f.rule, f.lhs, f.rhs) for f in findings.failed][:1]       # doctest: +SKIP
    [('sum:responses.total.year', 247, 243)]
    """
    return Findings(_core.check(report, list(extra)))


def check_reports(reports: Iterable[Report], rules: Sequence[UserRule] = ()) -> Findings:
    """Every check over a set of reports: each report's form rules (plus user ``rules``) and stated
    figures, then the links between them (scopes, carry-over, cumulative counts, copied tables).

    >>> check_reports(disclosure.read_reports("examples/data/qiqihar-2018.json")).counts()  # doctest: +SKIP
    {'PASS': 49, 'FAIL': 6, 'NOT_ASSESSABLE': 169, 'ERROR': 0}
    """
    return Findings(_core.check_reports(list(reports), list(rules)))


@overload
def shares(report: Report, base: str, decimals: int = 2, rounding: Rounding = Rounding.half_up, over: Optional[Sequence[str]] = None) -> Shares: ...
@overload
def shares(report: Report, base: None = None, decimals: int = 2, rounding: Rounding = Rounding.half_up, over: None = None) -> Breakdowns: ...
def shares(report: Report, base: Optional[str] = None, decimals: int = 2, rounding: Rounding = Rounding.half_up,
           over: Optional[Sequence[str]] = None) -> Shares | Breakdowns:
    """The shares of the parts of ``base``'s breakdown (:class:`Shares`, a list of :class:`Share`);
    without ``base``, of every partition whose total has a number (:class:`Breakdowns`, a list of
    :class:`Shares`). ``over=[cells]``: the parts over the sum of those cells instead.

    >>> [s.percent for s in shares(region, "requests.total.year", 2, Rounding.truncate)][:2]  # doctest: +SKIP
    [Decimal('49.79'), None]
    """
    if base is not None:
        one = Shares(_core.shares(report, base, decimals, rounding, None if over is None else list(over)))
        one.report = report
        return one
    if over is not None:
        raise _core.Error("shares(..., over=[…]) needs the breakdown as `base`")
    out = Breakdowns()
    for breakdown in _core.shares(report, None, decimals, rounding):
        s = Shares(breakdown)
        s.report = report
        out.append(s)
    return out


_finding_message = Finding.message
_suggestion_message = Suggestion.message
_indicator_formula = IndicatorValue.formula
_scope_label = _core.scope_label


def _message(self: Finding, lang: Optional[str] = None) -> str:
    """The finding's message in ``lang`` (``"zh"`` or ``"en"``; default: :func:`disclosure.get_language`)."""
    return _finding_message(self, resolve(lang))


def _suggestion(self: Suggestion, lang: Optional[str] = None) -> str:
    """The suggestion in words, in ``lang`` (default: :func:`disclosure.get_language`)."""
    return _suggestion_message(self, resolve(lang))


def _formula(self: IndicatorValue, lang: Optional[str] = None) -> str:
    """The indicator's formula in words, in ``lang`` (default: :func:`disclosure.get_language`)."""
    return _indicator_formula(self, resolve(lang))


def scope_label(scope: str, lang: Optional[str] = None) -> str:
    """The words for a report's scope (``region`` → 本行政区域 / whole administrative region)."""
    return _scope_label(scope, resolve(lang))


def install() -> None:
    """Makes ``lang`` optional on the compiled types' messages (done on ``import disclosure``)."""
    setattr(Finding, "message", _message)
    setattr(Suggestion, "message", _suggestion)
    setattr(IndicatorValue, "formula", _formula)
