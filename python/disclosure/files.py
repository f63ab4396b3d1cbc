"""Reading and writing report files: JSON (``disclosure/reports@1``) or long-form CSV, by extension.

Writes are whole or nothing: the text goes to a temporary file in the same folder, which then
replaces the target, so a failed write never leaves a partial file.
"""

from __future__ import annotations

import os
import tempfile
from typing import Iterable, Sequence

from . import _core
from ._core import FormRegistry, Report


def _registry(forms: FormRegistry | Iterable[_core.Form] | None) -> FormRegistry:
    if isinstance(forms, FormRegistry):
        return forms
    registry = FormRegistry()
    for form in forms or ():
        registry.add(form)
    return registry


def _is_csv(path: str | os.PathLike[str]) -> bool:
    return os.fspath(path).lower().endswith(".csv")


def read_form(path: str | os.PathLike[str]) -> _core.Form:
    """A user-defined form from a data file (format ``disclosure/form@1``)."""
    return _core.read_form(os.fspath(path))


def read_reports(path: str | os.PathLike[str], forms: FormRegistry | Iterable[_core.Form] | None = None) -> list[Report]:
    """Reads reports from a ``.json`` or ``.csv`` file. ``forms``: user forms the file may name.

    >>> reports = read_reports("examples/data/qiqihar-2018.json")  # doctest: +SKIP
    """
    registry = _registry(forms)
    if _is_csv(path):
        return _core.read_reports_csv(os.fspath(path), registry)
    return _core.read_reports_json(os.fspath(path), registry)


def write_reports(reports: Sequence[Report], path: str | os.PathLike[str]) -> None:
    """Writes reports to a ``.json`` or ``.csv`` file, whole or not at all."""
    text = _core.reports_to_csv(list(reports)) if _is_csv(path) else _core.reports_to_json(list(reports))
    write_text_atomically(path, text)


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(prefix=".disclosure-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
