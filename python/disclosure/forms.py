"""The built-in forms, and user-defined forms from data files.

``disclosure.forms.ogi2008`` (narrative reports 2008–2018), ``ogi2019`` (the 2019 national
template) and ``ogi2021`` (the 2021 national template). ``disclosure.read_form(path)`` reads a
form of your own (format ``disclosure/form@1``; see ``Form.to_json()`` of any built-in form).
"""

from ._core import Form, builtin_form

ogi2008: Form = builtin_form("ogi2008")
ogi2019: Form = builtin_form("ogi2019")
ogi2021: Form = builtin_form("ogi2021")

__all__ = ["ogi2008", "ogi2019", "ogi2021"]
