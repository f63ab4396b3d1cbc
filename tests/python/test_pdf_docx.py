"""PDF and Word reports read into the same page model as HTML, so the same extraction serves them:
the real Huaian 2024 PDF (a WPS export, transcribed by hand) cell by cell, and the real pages
converted by LibreOffice (scripts/convert_pages.sh: the web page printed to PDF, saved as DOCX, and
that DOCX exported to PDF by Writer) equal to their HTML readings, figures, stated figures and
findings included."""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

import pytest

import disclosure
from disclosure import Status

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
HUAIAN = DATA / "pdf" / "2024_huaian_city.pdf"
NAMES = sorted(p.parent.name for p in (DATA / "pages").glob("*/page.html"))


def run(*args):
    return subprocess.run([sys.executable, "-m", "disclosure", *args], capture_output=True, text=True, encoding="utf-8")


def test_every_transcribed_cell_of_the_huaian_pdf_is_read_and_every_relation_passes():
    [transcribed] = disclosure.read_reports(DATA / "reports" / "2024_huaian_city.json")
    ex = disclosure.extract(HUAIAN, id="huaian-2024")
    assert ex.format == "template-2021" and len(ex.reports) == 1
    report = ex.reports[0]
    assert report.values() == transcribed.values() and len(transcribed.values()) == 200
    assert (report.issuer, report.year, report.scope) == ("淮安市人民政府", 2024, "region")
    findings = disclosure.check(report)
    assert findings.counts() == {"PASS": 51, "FAIL": 0, "NOT_ASSESSABLE": 0, "ERROR": 0}
    # Table 三's printed balance in each of its 7 columns, 35 sums (rows, columns, table 四), the
    # figures the prose states again (受理申请3119件; 行政复议351件，其中结果维持72件 …) against the
    # tables, and the prose's lawsuits (行政诉讼46件, a group of table 四) as a statement: its parts
    # sum to it, and it equals the table's two lawsuit totals; and 答复3050件(含上年度结转申请34件，
    # 另有103件顺延…): the one part within its total, the 103 besides the list.
    kinds = {}
    for f in findings:
        kinds[f.rule.split(":")[0]] = kinds.get(f.rule.split(":")[0], 0) + 1
    assert kinds == {"sum": 35, "balance": 7, "stated-total": 6, "statement-sum": 2, "statement-link": 1}


def test_huaian_layout_the_joined_table_and_provenance():
    page = disclosure.extraction.read_pdf(HUAIAN)
    assert page.format == "pdf" and page.title == "淮安市人民政府2024年政府信息公开工作年度报告"
    # Page numbers ("- 1 -") are gone; paragraphs run on over page breaks.
    assert not any(p.text.strip("- ").isdigit() for p in page.paragraphs)
    assert any(p.text.startswith("(二)依申请公开情况。") and "均在法定期限内予以答复" in p.text for p in page.paragraphs)
    table3 = next(t for t in page.tables if any(row[0].text == "四、结转下年度继续办理" for row in t.rows))
    texts = table3.texts()
    # One table over pages 4 and 5; the vertical heading one label; "（四）无" / "法提供" joined.
    assert [row[0] for row in texts].count("三、本年度办理结果") == 22
    assert sum(1 for row in texts if row[1] == "(四)无法提供") == 3
    assert ["三、本年度办理结果", "(六)其他处理", "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "67", "3", "0", "0", "1", "0", "71"] in texts
    ex = disclosure.extract(HUAIAN)
    cell = next(f for f in ex.placed if f.cell == "applications.outcome.unable.not_held.total")
    assert cell.value == 769 and cell.where.endswith("PDF page 4, x 486, y 759"), cell.where  # the cell round "769" (x 493, y 766)
    after_break = next(f for f in ex.placed if f.cell == "applications.outcome.total")
    assert "PDF page 5" in after_break.where
    prose = next(f for f in ex.unplaced if f.number == "3940")
    assert prose.where.startswith("paragraph ") and "PDF page 6" in prose.where


def _reading(ex):
    """What a page gives: each report's values, metadata and stated figures (positions aside: they
    count characters of different renderings), and every finding of the checks."""
    reports = [(r.id, r.issuer, r.year, r.scope, r.values(), sorted(str({k: v for k, v in s.items() if k != "position"}) for s in r.stated))
               for r in ex.reports]
    placed = sorted((f.cell, f.kind, str(f.value)) for f in ex.placed)
    findings = sorted((f.report, f.rule, f.status.name, str(f.lhs), str(f.rhs)) for f in disclosure.check_reports(list(ex.reports)))
    return reports, placed, findings


@pytest.mark.parametrize("kind", ["pdf", "docx", "writer.pdf"])
@pytest.mark.parametrize("name", NAMES)
def test_converted_pdf_and_docx_read_as_their_html_page(name, kind):
    html = disclosure.extract(DATA / "pages" / name / "page.html")
    other = disclosure.extract(DATA / "converted" / f"{name}.{kind}")
    assert other.format == html.format
    assert _reading(other) == _reading(html)


def test_header_rows_repeated_on_each_page_are_read_once():
    # Table 三 of Pingtan 2021 over four pages, its three header rows repeated on each (Writer's export
    # of a DOCX with w:tblHeader rows, scripts/repeat_header_rows.py).
    path = DATA / "converted" / "2021_pingtan_zonghe_shiyanqu.header.pdf"
    page = disclosure.extraction.read_pdf(path)
    table3 = page.tables[1]
    assert len(table3.rows) == 28 and sum("本列数据" in row[0] for row in table3.texts()) == 3  # the three header rows, once
    assert len({o.where.split(",")[0] for o in page.origins if o.position >= table3.position}) >= 4  # cells from four pages
    html = disclosure.extract(DATA / "pages" / "2021_pingtan_zonghe_shiyanqu" / "page.html")
    assert _reading(disclosure.extract(path)) == _reading(html)


def test_the_recorded_inconsistencies_are_found_in_the_converted_files():
    # 平潭县 2012: 3978 produced ≠ 2026 + 46 + 1854 (tests/python/test_real_reports.py)
    for kind in ("pdf", "docx"):
        ex = disclosure.extract(DATA / "converted" / f"2012_pingtan_county.{kind}")
        failed = {(f.rule, f.lhs, f.rhs) for f in disclosure.check(ex.reports[0]) if f.status == Status.FAIL}
        assert ("sum:produced.total", 3978, 3926) in failed


def test_files_are_read_by_content_whatever_their_name(tmp_path):
    pdf_as_html = tmp_path / "report.html"
    pdf_as_html.write_bytes(HUAIAN.read_bytes())
    docx_as_txt = tmp_path / "report.txt"
    docx_as_txt.write_bytes((DATA / "converted" / "2021_pingtan_zonghe_shiyanqu.docx").read_bytes())
    assert disclosure.extraction.read_document(pdf_as_html).format == "pdf"
    assert disclosure.extraction.read_document(docx_as_txt).format == "docx"
    assert disclosure.extract(HUAIAN.read_bytes(), name="x.pdf").reports[0].values() == disclosure.extract(HUAIAN).reports[0].values()
    pdf_as_json = tmp_path / "report.json"  # a data-file name holding a PDF is still read as a page
    pdf_as_json.write_bytes(HUAIAN.read_bytes())
    assert [r.values() for r in disclosure.read_reports(pdf_as_json)] == [disclosure.extract(HUAIAN).reports[0].values()]


def test_the_command_line_checks_pdf_and_docx_files_folders_and_globs(tmp_path):
    done = run("check", str(HUAIAN))
    assert done.returncode == 0, done.stderr
    assert "51 passed" in done.stdout and "0 failed" in done.stdout
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("2021_pingtan_zonghe_shiyanqu.pdf", "2021_pingtan_zonghe_shiyanqu.docx"):
        shutil.copy(DATA / "converted" / name, folder / name)
    shutil.copy(HUAIAN, folder / "huaian.pdf")
    by_folder = run("extract", str(folder))
    assert by_folder.returncode == 0, by_folder.stderr
    assert by_folder.stdout.count('"form": "ogi2021"') == 3
    by_glob = run("extract", str(folder / "*.pdf"))
    assert by_glob.stdout.count('"form": "ogi2021"') == 2


def test_a_doc_file_needs_libreoffice_and_says_so(monkeypatch):
    doc = DATA / "converted" / "2013_pingtan_dishui.doc"
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(disclosure.ParseError, match=r"2013_pingtan_dishui.doc: a Word 97-2003 document \(.doc\); reading it needs LibreOffice"):
        disclosure.extract(doc)


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed")
def test_a_doc_file_reads_through_libreoffice():
    doc = disclosure.extract(DATA / "converted" / "2013_pingtan_dishui.doc")
    html = disclosure.extract(DATA / "pages" / "2013_pingtan_dishui" / "page.html")
    assert _reading(doc)[0] == _reading(html)[0]


def test_running_headers_footers_and_page_numbers_are_dropped():
    from pdfs import tiny_pdf

    placed = [(72, 800, "Annual report of the county"), (72, 700, "Requests received 12"), (280, 30, "- 4 -")]
    page = disclosure.extraction.read_pdf(tiny_pdf(3, placed=placed), "running.pdf")
    # The body line of each page, run on into one paragraph (no indent, no short line before it);
    # the header repeated on every page and the page numbers are gone.
    assert [p.text for p in page.paragraphs] == ["Requests received 12" * 3]
    assert [o.where for o in page.origins] == [f"PDF page {n}, x 72, y 132" for n in (1, 2, 3)]


def test_the_command_line_writes_each_figure_with_its_pdf_page(tmp_path):
    figures = tmp_path / "figures.json"
    done = run("extract", str(HUAIAN), "--figures", str(figures))
    assert done.returncode == 0, done.stderr
    rows = __import__("json").loads(figures.read_text(encoding="utf-8"))
    assert len(rows) == 224 and all("PDF page " in r["where"] for r in rows)
