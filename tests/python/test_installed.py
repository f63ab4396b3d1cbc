import pathlib

import disclosure


def test_the_package_under_test_is_the_installed_one():
    here = pathlib.Path(disclosure.__file__).resolve()
    source_tree = pathlib.Path(__file__).resolve().parents[2] / "python"
    assert source_tree not in here.parents, f"tests imported the source tree: {here}"
    assert "site-packages" in here.parts
    assert pathlib.Path(disclosure._core.__file__).suffix in (".so", ".pyd")


def test_builtin_forms_are_exposed():
    assert "ogi2008" in disclosure.builtin_form_keys()
    assert disclosure.forms.ogi2008 == disclosure.builtin_form("ogi2008")
    assert "requests.in_person.year" in disclosure.forms.ogi2008
    assert disclosure.forms.ogi2008.cell("requests.in_person.year").label_zh == "当面申请（本年度）"
