"""Reading and writing report files: JSON (``disclosure/reports@1``) or long-form CSV, by extension.

Writes are whole or nothing: the text goes to a temporary file in the same folder, which then
replaces the target, so a failed write never leaves a partial file.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from typing import Iterable, Sequence

from . import _core, traditional
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


PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt", ".pdf", ".docx", ".doc")


def is_page(path: str | os.PathLike[str]) -> bool:
    """Whether a file is a published report page (HTML, text, PDF, Word) rather than a data file;
    a data-file name holding a PDF or Word document counts as a page too."""
    name = os.fspath(path).lower()
    if name.endswith(PAGE_SUFFIXES):
        return True
    try:
        with open(path, "rb") as f:
            return _kind(f.read(1024)) != "page"
    except OSError:
        return False


def _kind(head: bytes) -> str:
    """'pdf', 'doc' or 'page' (HTML, text or .docx, which the C++ reader tells apart) by the bytes."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "doc"  # or an encrypted .docx: _doc_kind tells them apart
    return "page"


def _doc_kind(data: bytes) -> str:
    """'encrypted' for a password-protected Office file (an EncryptionInfo stream), else 'doc'."""
    return "encrypted" if "EncryptionInfo".encode("utf-16-le") in data else "doc"


DOC_TIMEOUT = 120  # seconds LibreOffice may take to convert one .doc


def _doc_to_docx(data: bytes, name: str) -> bytes:
    """A Word 97-2003 document converted to .docx by LibreOffice headless, when it is installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise _core.ParseError(f"{name}: a Word 97-2003 document (.doc); reading it needs LibreOffice (soffice), which is not installed: "
                               "install it (Debian: libreoffice-writer-nogui) or save the file as .docx")
    with tempfile.TemporaryDirectory(prefix="disclosure-doc-") as work:
        src = os.path.join(work, "in.doc")
        with open(src, "wb") as f:
            f.write(data)
        try:
            subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "docx", "--outdir", work, src],
                           check=True, capture_output=True, timeout=DOC_TIMEOUT)
            with open(os.path.join(work, "in.docx"), "rb") as f:
                return f.read()
        except (subprocess.SubprocessError, OSError) as e:
            raise _core.ParseError(f"{name}: LibreOffice could not convert the .doc ({type(e).__name__})") from None


def read_document(source: str | os.PathLike[str] | bytes, name: str = "<bytes>") -> _core.Page:
    """A page from a path or bytes, by content whatever the name: PDF (:func:`disclosure.extraction.read_pdf`),
    Word (.docx in C++; .doc through LibreOffice), else HTML or text.

    >>> disclosure.extraction.read_document("tests/data/converted/2021_pingtan_zonghe_shiyanqu.docx")
    <Page tests/data/converted/2021_pingtan_zonghe_shiyanqu.docx utf-8 docx, 102 paragraphs, 3 tables>
    """
    from .pdf import read_pdf

    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
    else:
        name = os.fspath(source)
        with open(name, "rb") as f:
            head = f.read(1024)
        if _kind(head) == "pdf":
            return read_pdf(name, name)
        if _kind(head) == "page":
            return _core.read_page_file(name)
        with open(name, "rb") as f:
            data = f.read()
    kind = _kind(data[:1024])
    if kind == "pdf":
        return read_pdf(data, name)
    if kind == "doc" and _doc_kind(data) == "doc":
        return _core.read_page(_doc_to_docx(data, name), name)
    return _core.read_page(data, name)


def extract(source: str | os.PathLike[str] | bytes, *, id: str = "", format: str = "", name: str = "<bytes>") -> _core.Extraction:
    """Reads the reports of a published page: a path, or the page's bytes (HTML or text in UTF-8 or
    GB18030/GBK, PDF, Word .docx or .doc: told by the bytes, whatever the name).

    ``format`` forces ``template-2021``, ``template-2019`` or ``narrative``; by default it is
    detected from the labels. The result has ``reports``, ``placed`` (each figure with its cell,
    words and position; from a PDF or Word file also its page or paragraph in ``where``),
    ``unplaced`` (figures no cell takes, with the reason) and ``notes``.

    >>> ex = disclosure.extract("examples/data/qiqihar-2018.txt")
    >>> ex
    <Extraction examples/data/qiqihar-2018.txt (narrative, utf-8): 2 reports, 75 placed, 13 unplaced>
    >>> [r.scope for r in ex.reports], ex.reports[0]["requests.total.year"]
    (['region', 'own_level'], 247)
    >>> ex.unplaced[0]
    <UnplacedFigure 26件: no cell label in '全年印发规范性文件'>
    """
    page = read_document(source, name)
    try:
        return _core.extract_page(page, id=id, format=format)
    except _core.ParseError as e:
        if not traditional.is_refusal(e):
            raise
        return _extract_simplified(source, page, e, id, format)


def _extract_simplified(source: str | os.PathLike[str] | bytes, page: _core.Page, refusal: Exception, id: str, format: str) -> _core.Extraction:
    """A traditional-character page (a mirror's conversion) read after OpenCC converts it back."""
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
    else:
        with open(source, "rb") as f:
            data = f.read()
    converted = traditional.simplified_page(data, page.encoding, page.name) if _kind(data[:1024]) == "page" else None
    if converted is None:
        raise _core.ParseError(f"{refusal}; or install OpenCC (pip install disclosure[traditional]) and it is converted for you") from None
    return traditional.mark_converted(_core.extract_page(converted, id=id, format=format))


def read_form(path: str | os.PathLike[str]) -> _core.Form:
    """A user-defined form from a data file (format ``disclosure/form@1``; ``Form.to_json()`` of a
    built-in form shows the format).

    >>> form = disclosure.io.read_form("tests/data/forms/us_foia.json")
    >>> form.key, len(form), [t.key for t in form.tables]
    ('us_foia', 17, ['requests', 'dispositions'])
    """
    return _core.read_form(os.fspath(path))


def read_reports(path: str | os.PathLike[str], forms: FormRegistry | Iterable[_core.Form] | None = None) -> list[Report]:
    """Reads reports from a ``.json`` or ``.csv`` file, or from a report page (``.html``, ``.txt``,
    ``.pdf``, ``.docx``, ``.doc``: see :func:`extract`). ``forms``: user forms the file may name.

    >>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
    >>> region
    <Report qiqihar-2018-region (ogi2008, 齐齐哈尔市人民政府 2018, region): 29 of 156 cells stated>
    >>> region["requests.in_person.year"], city["requests.letter_fax.fax.year"]
    (123, <Missing.not_stated: 1>)
    """
    if is_page(path):
        return list(extract(path).reports)
    registry = _registry(forms)
    if _is_csv(path):
        return _core.read_reports_csv(os.fspath(path), registry)
    return _core.read_reports_json(os.fspath(path), registry)


def write_reports(reports: Sequence[Report], path: str | os.PathLike[str]) -> None:
    """Writes reports to a ``.json`` or ``.csv`` file (by its extension), whole or not at all: a
    failed write never leaves a partial file.

    >>> import os, tempfile
    >>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
    >>> r["requests.total.year"] = 5; r["requests.online.year"] = disclosure.Missing.blank
    >>> path = os.path.join(tempfile.mkdtemp(), "reports.csv")
    >>> disclosure.write_reports([r], path)
    >>> disclosure.read_reports(path) == [r]
    True
    """
    text = _core.reports_to_csv(list(reports)) if _is_csv(path) else _core.reports_to_json(list(reports))
    write_text_atomically(path, text)


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Writes ``text`` (UTF-8) to ``path`` whole or not at all: a temporary file in the same folder
    replaces the target. The file gets the target's permissions, or the usual ones for a new file."""
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(prefix=".disclosure-", suffix=".tmp", dir=folder)
    try:
        try:
            mode = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


DATA_SUFFIXES = (".json", ".csv")


def report_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The report files that paths name: files as given; folders searched recursively for report
    files (``.json``, ``.csv``) and pages (``.html``, ``.htm``, ``.txt``, ``.pdf``, ``.docx``, ``.doc`` …), in sorted order, hidden
    ones skipped; globs (``reports/*.json``, ``reports/**/*.html``) expanded when no file has that name.
    Each file once, in the order named. A folder or glob that names no file is an error.

    >>> report_paths(["tests/data/reports"])[:1]   # doctest: +SKIP
    ['tests/data/reports/2011_pingtan_county.json']
    """
    out: dict[str, None] = {}
    for raw in paths:
        path = os.fspath(raw)
        if os.path.isdir(path):
            found = _folder(path)
            if not found:
                raise _core.Error(f"{path}: the folder has no report files (.json, .csv) or pages ({', '.join(PAGE_SUFFIXES)})")
            out.update(dict.fromkeys(found))
        elif not os.path.exists(path) and glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                raise _core.Error(f"{path}: no file matches")
            for m in matches:
                out.update(dict.fromkeys(_folder(m) if os.path.isdir(m) else [m]))
        else:
            out[path] = None
    return list(out)


def _folder(folder: str) -> list[str]:
    found: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, n) for n in sorted(names)
                     if not n.startswith(".") and n.lower().endswith(DATA_SUFFIXES + PAGE_SUFFIXES))
    return found
