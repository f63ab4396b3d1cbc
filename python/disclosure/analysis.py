"""The checks and shares of the core, returning lists that display themselves, and messages in
the default language (see :mod:`disclosure.language`).

>>> import disclosure
>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> findings = disclosure.check(region)
>>> findings.failed[0].message("zh")  # doctest: +ELLIPSIS
'申请答复数（本年度）填报247，但各类答复合计243，相差4。...'
>>> disclosure.shares(region, "requests.total.year")  # doctest: +ELLIPSIS
requests received (this year) (requests.total.year) = 247
  in person (this year) ...
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence, overload

from . import _core
from ._core import Report, Rounding, RuleSpec, UserRule
from .display import Breakdowns, Findings, Shares
from .language import resolve


def check(report: Report, extra: Sequence[RuleSpec] = ()) -> Findings:
    """Every check of one report: its form's rules (plus ``extra``), where their errors may be,
    and its stated figures (a :class:`Findings` list). :func:`check_reports` also checks the
    links between reports.

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> [(f.rule, f.status.name, f.lhs, f.rhs) for f in disclosure.check(region).failed][:2]
    [('sum:responses.total.year', 'FAIL', 247, 243), ('percent:convention', 'FAIL', 11, 11)]
    >>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
    >>> r["requests.total.year"] = 5; r["requests.in_person.year"] = 3
    >>> disclosure.check(r).failed[0].message("en")  # doctest: +ELLIPSIS
    'requests received (this year): 5 stated, but the channel counts sum to 3 (2 short). Parts with no number, read as 0: ...'
    """
    return Findings(_core.check(report, list(extra)), [report])


def check_reports(reports: Iterable[Report], rules: Sequence[UserRule] = ()) -> Findings:
    """Every check over a set of reports: each report's form rules (plus user ``rules``) and stated
    figures, then the links between them (scopes, carry-over, cumulative counts, copied tables).

    >>> findings = disclosure.check_reports(disclosure.read_reports("examples/data/qiqihar-2018.json"))
    >>> findings.counts()
    {'PASS': 49, 'FAIL': 6, 'NOT_ASSESSABLE': 175, 'ERROR': 0}
    >>> [(f.report, f.lhs, f.rhs) for f in findings.failed if f.rule == "sum:responses.total.year"]
    [('qiqihar-2018-region', 247, 243), ('qiqihar-2018-own-level', 99, 94)]
    """
    reports = list(reports)
    return Findings(_core.check_reports(reports, list(rules)), reports)


@overload
def shares(report: Report, base: str, decimals: int = 2, rounding: Rounding = Rounding.half_up, over: Optional[Sequence[str]] = None) -> Shares: ...
@overload
def shares(report: Report, base: None = None, decimals: int = 2, rounding: Rounding = Rounding.half_up, over: None = None) -> Breakdowns: ...
def shares(report: Report, base: Optional[str] = None, decimals: int = 2, rounding: Rounding = Rounding.half_up,
           over: Optional[Sequence[str]] = None) -> Shares | Breakdowns:
    """The shares of the parts of ``base``'s breakdown (:class:`Shares`, a list of :class:`Share`);
    without ``base``, of every partition whose total has a number (:class:`Breakdowns`, a list of
    :class:`Shares`). ``over=[cells]``: the parts over the sum of those cells instead.

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> channels = disclosure.shares(region, "requests.total.year", 2, disclosure.Rounding.truncate)
    >>> [(s.part, s.percent, s.stated) for s in channels][:2]
    [('requests.in_person.year', Decimal('49.79'), Decimal('49.79')), ('requests.email.year', None, None)]
    >>> [b.base for b in disclosure.shares(region)][:2]
    ['requests.total.year', 'responses.total.year']
    """
    if base is not None:
        one = Shares(_core.shares(report, base, decimals, rounding, None if over is None else list(over)))
        one.report = report
        return one
    if over is not None:
        raise _core.Error("shares(..., over=[…]) needs the breakdown as `base`")
    out = Breakdowns()
    out.report = report
    for breakdown in _core.shares(report, None, decimals, rounding):
        s = Shares(breakdown)
        s.report = report
        out.append(s)
    return out


def scope_label(scope: str, lang: Optional[str] = None) -> str:
    """The words for a report's scope (``region`` → 本行政区域 / whole administrative region), in
    ``lang`` (default: :func:`disclosure.get_language`).

    >>> disclosure.checks.scope_label("region", "zh"), disclosure.checks.scope_label("region", "en")
    ('本行政区域', 'whole administrative region')
    >>> disclosure.checks.scope_label("own_level", "zh")
    '本级'
    """
    return _core.scope_label(scope, resolve(lang))
