"""Report, form and findings files: reading, parsing and writing them.

``read_reports`` and ``write_reports`` take ``.json`` (format ``disclosure/reports@1``) or long-form
``.csv``; writes are whole or nothing. ``parse_*`` read text already in memory; ``reports_to_*``,
``check_result_to_json`` and ``findings_to_csv`` give the text. Pages (HTML, text, PDF, Word) are
read by :mod:`disclosure.extraction`, rules files by :mod:`disclosure.rules`.

>>> import disclosure
>>> reports = disclosure.io.read_reports("examples/data/qiqihar-2018.json")
>>> disclosure.io.parse_reports(disclosure.io.reports_to_json(reports)) == reports
True
"""

from __future__ import annotations

from ._core import check_result_to_json, findings_to_csv, parse_form, parse_reports, parse_reports_csv, reports_to_csv, reports_to_json
from .files import read_form, read_reports, write_reports

# Writers of other formats (a workbook, an HTML report, Parquet) belong here too: each in its
# own module (workbook.py, html_report.py, parquet.py), its functions imported and listed below.

__all__ = [
    "read_reports", "write_reports", "read_form", "parse_form", "parse_reports", "parse_reports_csv",
    "reports_to_json", "reports_to_csv", "check_result_to_json", "findings_to_csv",
]
