"""The built-in forms: ``disclosure.forms.ogi2008`` (narrative reports 2008–2018)."""

from ._core import Form, builtin_form

ogi2008: Form = builtin_form("ogi2008")

__all__ = ["ogi2008"]
