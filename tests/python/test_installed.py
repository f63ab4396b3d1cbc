import pathlib

import disclosure


def test_the_package_under_test_is_the_installed_one():
    here = pathlib.Path(disclosure.__file__).resolve()
    source_tree = pathlib.Path(__file__).resolve().parents[2] / "python"
    assert source_tree not in here.parents, f"tests imported the source tree: {here}"
    assert "site-packages" in here.parts
    assert pathlib.Path(disclosure._core.__file__).suffix in (".so", ".pyd")


def test_builtin_forms_are_exposed():
    assert "ogi2008" in disclosure.forms.builtin_form_keys()
    assert disclosure.forms.ogi2008 == disclosure.forms.builtin_form("ogi2008")
    assert "requests.in_person.year" in disclosure.forms.ogi2008
    assert disclosure.forms.ogi2008.cell("requests.in_person.year").label_zh == "当面申请（本年度）"


def test_the_version_is_written_once_and_the_license_ships():
    """CMakeLists.txt's project version is the package's (pyproject reads it with
    scikit-build-core's regex provider) and the compiled module's, which __version__ is."""
    import importlib.metadata
    import re
    import tomllib

    repo = pathlib.Path(__file__).resolve().parents[2]
    cmake = re.search(r"project\(disclosure VERSION ([0-9][0-9.]*)", (repo / "CMakeLists.txt").read_text(encoding="utf-8")).group(1)
    project = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert disclosure._core.__version__ == cmake
    assert disclosure.__version__ == cmake
    assert importlib.metadata.version("disclosure") == cmake
    license = (repo / "LICENSE").read_text(encoding="utf-8")
    assert license.startswith("MIT License") and "disclosure contributors" in license
    assert project["license"] == {"text": "MIT"}
