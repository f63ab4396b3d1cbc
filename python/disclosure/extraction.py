"""Reading published pages (HTML, text, PDF, Word) into reports: the page model, what was placed
and what was not, the statements the text enumerates.

``disclosure.extract(path)`` is the one call most need; the pieces are here: ``read_document``
(any file, chosen by its bytes) and ``read_page``/``read_page_file``/``read_pdf`` give a
:class:`Page`, ``detect_format`` its kind, and an :class:`Extraction` holds the reports, the
``placed`` and ``unplaced`` figures and the notes.

>>> import disclosure
>>> page = disclosure.extraction.read_document("tests/data/pages/2012_pingtan_county/page.html")
>>> disclosure.extraction.detect_format(page)
'narrative'
"""

from __future__ import annotations

from ._core import Extraction, Page, Paragraph, PlacedFigure, Statement, StatementItem, UnplacedFigure, detect_format, read_page, read_page_file
from .files import extract, read_document
from .pdf import read_pdf

__all__ = ["extract", "read_document", "read_page", "read_page_file", "read_pdf", "detect_format", "Extraction", "Page", "Paragraph",
           "PlacedFigure", "UnplacedFigure", "Statement", "StatementItem"]
