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


PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt")


def is_page(path: str | os.PathLike[str]) -> bool:
    """Whether a file is a published report page (HTML or text) rather than a data file."""
    return os.fspath(path).lower().endswith(PAGE_SUFFIXES)


def extract(source: str | os.PathLike[str] | bytes, *, id: str = "", format: str = "", name: str = "<bytes>") -> _core.Extraction:
    """Reads the reports of a published page: a path, or the page's bytes (UTF-8 or GB18030/GBK).

    ``format`` forces ``template-2021``, ``template-2019`` or ``narrative``; by default it is
    detected from the labels. The result has ``reports``, ``placed`` (each figure with its cell,
    words and position), ``unplaced`` (figures no cell takes, with the reason) and ``notes``.

    >>> ex = extract("examples/data/qiqihar-2018.txt")  # doctest: +SKIP
    >>> [r.scope for r in ex.reports]  # doctest: +SKIP
    ['region', 'own_level']
    """
    if isinstance(source, (bytes, bytearray)):
        page = _core.read_page(bytes(source), name)
    else:
        page = _core.read_page_file(os.fspath(source))
    return _core.extract_page(page, id=id, format=format)


def read_form(path: str | os.PathLike[str]) -> _core.Form:
    """A user-defined form from a data file (format ``disclosure/form@1``)."""
    return _core.read_form(os.fspath(path))


def read_reports(path: str | os.PathLike[str], forms: FormRegistry | Iterable[_core.Form] | None = None) -> list[Report]:
    """Reads reports from a ``.json`` or ``.csv`` file, or from a report page (``.html``, ``.txt``:
    see :func:`extract`). ``forms``: user forms the file may name.

    >>> reports = read_reports("examples/data/qiqihar-2018.json")  # doctest: +SKIP
    """
    if is_page(path):
        return list(extract(path).reports)
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
