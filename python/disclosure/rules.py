"""Rules: those a form implies (``RuleSet.for_form``) and rules of your own, written as
``side (== | <= | >=) side`` over cell keys and read from files (format ``disclosure/rules@1``).

>>> import disclosure
>>> spec = disclosure.rules.parse_rule("responses.total.year <= requests.total.year", id="mine")
>>> spec.id, spec.lhs, spec.comparison
('mine', ['responses.total.year'], '<=')
>>> len(disclosure.rules.RuleSet.for_form(disclosure.forms.ogi2008))
85
"""

from __future__ import annotations

from ._core import Rule, RuleSet, RuleSpec, RuleSyntaxError, UserRule, parse_rule, parse_rules, read_rules

__all__ = ["Rule", "RuleSet", "RuleSpec", "UserRule", "RuleSyntaxError", "parse_rule", "parse_rules", "read_rules"]
