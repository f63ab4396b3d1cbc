"""The pieces under :func:`disclosure.check`, :func:`disclosure.shares` and
:func:`disclosure.changes`: the checks of stated figures and of links between reports run
alone, the rounding of percentages, growth, and the types of their results.

>>> import disclosure
>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> disclosure.checks.infer_percent_convention(region)
{'decimals': 2, 'mode': <Rounding.truncate: 2>, 'fitted': 11, 'total': 11}
>>> [f.rule for f in disclosure.checks.check_links([region, city]) if f.status == disclosure.Status.PASS][:1]
['within-scope:normative.issued']
"""

from __future__ import annotations

from ._core import (CellChange, IndicatorValue, RuleSummary, Share, Suggestion, check_links, check_stated, growth_series, implied_previous,
                    infer_percent_convention, largest_remainder_percent, percent)
from .analysis import scope_label

__all__ = ["check_stated", "check_links", "infer_percent_convention", "percent", "largest_remainder_percent", "implied_previous",
           "growth_series", "scope_label", "Suggestion", "Share", "CellChange", "IndicatorValue", "RuleSummary"]
