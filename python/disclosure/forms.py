"""The built-in forms, user-defined forms from data files, and the pieces of a form.

``disclosure.forms.ogi2008`` (narrative reports 2008–2018), ``ogi2019`` (the 2019 national
template) and ``ogi2021`` (the 2021 national template). ``disclosure.io.read_form(path)`` reads a
form of your own (format ``disclosure/form@1``; see ``Form.to_json()`` of any built-in form), and
a :class:`FormRegistry` names the forms report files may use.

>>> import disclosure
>>> disclosure.forms.ogi2021.key, disclosure.forms.builtin_form_keys()
('ogi2021', ['ogi2008', 'ogi2019', 'ogi2021'])
"""

from ._core import Category, Cell, Dimension, Form, FormRegistry, Relation, Table, builtin_form, builtin_form_keys

ogi2008: Form = builtin_form("ogi2008")
ogi2019: Form = builtin_form("ogi2019")
ogi2021: Form = builtin_form("ogi2021")

__all__ = ["ogi2008", "ogi2019", "ogi2021", "Form", "FormRegistry", "builtin_form", "builtin_form_keys", "Table", "Dimension", "Category",
           "Cell", "Relation"]
