"""Hostile and broken input: each row of the table is an input and the behaviour it must show —
a clear error naming the file, the position and the problem (and its Python type), or a
documented reading. None may crash, hang, or take memory out of proportion to its size.
The README's table of accepted and refused inputs summarises this file."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import textwrap

import pytest

import disclosure


def report(values: dict, form: str = "ogi2008") -> str:
    return json.dumps({"format": "disclosure/reports@1", "reports": [{"id": "x", "form": form, "values": values}]})


def with_statement(statement: dict) -> str:
    return json.dumps({"format": "disclosure/reports@1", "reports": [{"id": "x", "form": "ogi2008", "statements": [statement]}]}, ensure_ascii=False)


def json_text(values: str) -> str:
    return '{"format":"disclosure/reports@1","reports":[{"id":"x","form":"ogi2008","values":{%s}}]}' % values




def csv_of(rows: list[list[str]]) -> str:
    head = "report,form,issuer,year,scope,within,series,record,cell,label,value,missing,unit,base,kind,text,position,source_url,source_title,source_published,source_note"
    return head + "\n" + "\n".join(",".join(r) for r in rows) + "\n"


def csv_row(cell: str, value: str = "", missing: str = "", record: str = "value") -> list[str]:
    return ["x", "ogi2008", "", "2018", "region", "", "", record, cell, "", value, missing, "", "", "", "", "", "", "", "", ""]


REPORT_ROW = ["x", "ogi2008", "", "2018", "region", "", "", "report", "", "", "", "", "", "", "", "", "", "", "", "", ""]

# (name, reader, text, expected exception type, fragments the message must contain)
REFUSED = [
    ("negative count", "json", report({"requests.total.year": -3}), disclosure.ParseError,
     ["negative.json", '["requests.total.year"]', "cannot be negative, got -3"]),
    ("fractional count", "json", report({"requests.total.year": 2.5}), disclosure.ParseError,
     ["fractional.json", "requests.total.year", "got 2.5"]),
    ("count beyond 64 bits", "json", report({"requests.total.year": 123456789012345678901234567890}), disclosure.ParseError,
     ["requests.total.year", "beyond the supported magnitude 2^53"]),
    ("count beyond 2^53", "json", report({"requests.total.year": 2**60}), disclosure.ParseError, ["1152921504606846976", "2^53"]),
    ("NaN", "json", json_text('"requests.total.year": NaN'), disclosure.ParseError, ["line 1, column", "invalid JSON", "invalid literal"]),
    ("infinity", "json", json_text('"requests.total.year": Infinity'), disclosure.ParseError, ["line 1, column", "invalid literal"]),
    # Found by fuzzing: a number beyond a double escaped as a C++ exception of the JSON library.
    ("number beyond a double", "json", json_text('"requests.total.year": 44e4442222222'), disclosure.ParseError,
     ["line 1, column 105", "number 44e4442222222 is out of range"]),
    ("empty JSON file", "json", "", disclosure.ParseError, ["line 1, column 1", "unexpected end of input"]),
    ("truncated JSON", "json", report({"requests.total.year": 3})[:-7], disclosure.ParseError, ["line 1, column", "unexpected end of input"]),
    ("deeply nested JSON", "json", "[" * 100_000 + "]" * 100_000, disclosure.ParseError, ["expected an object"]),
    ("a form that does not exist", "json", report({}, form="ogi1999"), disclosure.ParseError, ['["form"]', "no form 'ogi1999'", "known: ogi2008"]),
    ("an unknown cell", "json", report({"requests.totl.year": 3}), disclosure.ParseError, ["no cell 'requests.totl.year'", "closest: requests.total.year"]),
    ("a statement linked to an unknown cell", "json", with_statement({"parts": [{"label": "当面申请", "count": "5", "link": ["requests.in_persn.year"]}]}),
     disclosure.ParseError, ['["statements"][0]', "requests.in_persn.year", "closest: requests.in_person.year"]),
    ("a statement count as a float", "json", with_statement({"total": {"label": "申请", "count": 2.5}}), disclosure.ParseError,
     ['["statements"][0]["total"]["count"]', "as a string"]),
    ("a statement with an unknown field", "json", with_statement({"parts": [], "sum": "3"}), disclosure.ParseError, ['["statements"][0]', "sum"]),
    ("a statement row before its statement", "csv", csv_of([REPORT_ROW, csv_row("", "5", record="statement_part")]), disclosure.ParseError,
     ["line 3", "before any 'statement' row"]),
    ("a cell twice in CSV", "csv", csv_of([REPORT_ROW, csv_row("requests.total.year", "3"), csv_row("requests.total.year", "4")]), disclosure.ParseError,
     ["line 4", "requests.total.year"]),
    ("a CSV with a missing column", "csv", "report,form,cell,value\nx,ogi2008,requests.total.year,3\n", disclosure.ParseError, ["line 1", "column"]),
    ("a CSV with the wrong delimiter", "csv", csv_of([REPORT_ROW]).replace(",", ";"), disclosure.ParseError, ["line 1"]),
    ("an empty CSV file", "csv", "", disclosure.ParseError, ["empty"]),
]


@pytest.mark.parametrize("name, reader, text, error, fragments", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_with_a_clear_error(name, reader, text, error, fragments):
    source = name.split()[0] + "." + reader
    fragments = [f.replace("negative.json", source).replace("fractional.json", source) for f in fragments]
    with pytest.raises(error) as raised:
        if reader == "json":
            disclosure.io.parse_reports(text, source)
        else:
            disclosure.io.parse_reports_csv(text, source)
    message = str(raised.value)
    assert message.startswith(source), message
    for fragment in fragments:
        assert fragment in message, message
    assert isinstance(raised.value, ValueError)


def test_unknown_cell_key_in_python_is_a_key_error():
    r = disclosure.Report(disclosure.forms.ogi2008, "x")
    with pytest.raises(KeyError) as raised:
        r["requests.totl.year"] = 3
    assert "closest: requests.total.year" in str(raised.value)


def test_byte_order_mark_is_read_as_utf8():
    reports = disclosure.io.parse_reports("\ufeff" + report({"requests.total.year": 3}), "bom.json")
    assert reports[0].values()["requests.total.year"] == 3


RULES = [
    ("syntax error", "responses.total.year <= + requests.total.year", ["rules.json", '["rules"][0]', "column"]),
    ("unknown cell", "responses.totl.year <= requests.total.year", ["rules.json", "responses.totl.year", "closest"]),
    ("refers to itself", "requests.total.year == requests.total.year", ["rules.json", "both sides"]),
]


@pytest.mark.parametrize("name, rule, fragments", RULES, ids=[r[0] for r in RULES])
def test_rule_files_are_refused_with_the_rule_and_the_problem(name, rule, fragments):
    text = json.dumps({"format": "disclosure/rules@1", "rules": [{"id": "r", "form": "ogi2008", "rule": rule}]})
    with pytest.raises(ValueError) as raised:
        disclosure.rules.parse_rules(text, "rules.json", disclosure.forms.FormRegistry())
    for fragment in fragments:
        assert fragment in str(raised.value), str(raised.value)


def test_invalid_bytes_are_an_encoding_error_with_the_offset():
    with pytest.raises(UnicodeDecodeError) as raised:
        disclosure.extract(b"<p>abc\xff\xfe\xfd\x80</p>", name="page.html")
    e = raised.value
    assert isinstance(e, disclosure.ParseError) and isinstance(e, ValueError)
    assert str(e).startswith("page.html: byte 6: not valid UTF-8, and not GB18030 either")
    assert e.offset == 6 and e.object.startswith(b"\xff")


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"<html><head><title>x</title><script>var a=1;</script></head><body></body></html>"])
def test_a_page_without_text_is_refused(data):
    with pytest.raises(disclosure.ParseError, match=r"^empty.html: the page has no text to read$"):
        disclosure.extract(data, name="empty.html")


def test_a_page_in_traditional_characters_is_refused_by_the_core_and_bars_make_tables_only_in_proportion():
    trad = ("武漢市生態環境局2020年政府信息公開工作年度報告\n根據市政務服務和大數據管理局轉發的通知，"
            "現將我局2020年度政府信息公開情況報告如下：本機關收到申請，依法辦理。\n")
    # The C++ extraction refuses it (its labels are simplified); disclosure.extract converts it
    # with OpenCC when that is installed (tests/python/test_traditional.py).
    with pytest.raises(disclosure.ParseError, match=r"^trad.txt: the page is in traditional characters"):
        disclosure._core.extract_page(disclosure.extraction.read_page(trad.encode("utf-8"), "trad.txt"))
    bars = ("a" + "|" * 2_000_000 + "\n") * 2  # two lines of two million cells: beyond a table's slots, read as text
    page = disclosure.extraction.read_page(bars.encode(), "bars.txt")
    assert page.tables == [] and len(page.paragraphs) == 2


def test_gbk_declared_as_utf8_is_read_as_gbk_with_a_note():
    page = '<meta charset="utf-8"><p>某县2016年政府信息公开工作年度报告</p><p>全年收到申请数12件。</p>'.encode("gbk")
    ex = disclosure.extract(page, name="p.html")
    assert ex.encoding == "gb18030"
    assert any("declared utf-8, but the bytes are GB18030" in n for n in ex.notes)
    assert ex.reports[0].values()["requests.total.year"] == 12


def test_invalid_utf8_in_a_json_file_is_refused(tmp_path):
    path = tmp_path / "bad.json"
    path.write_bytes(report({"requests.total.year": 3}).replace('"x"', '"\xff"').encode("latin-1"))
    with pytest.raises(UnicodeDecodeError) as raised:
        disclosure.read_reports(path)
    assert isinstance(raised.value, disclosure.ParseError)
    assert str(raised.value).startswith(f"{path}: line 1, column ")
    assert "not valid UTF-8" in str(raised.value)


def test_invalid_utf8_in_a_csv_file_is_refused_at_its_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_of([REPORT_ROW]).encode() + b"x,ogi2008,\xff\n")
    with pytest.raises(UnicodeDecodeError) as raised:
        disclosure.read_reports(path)
    assert str(raised.value).startswith(f"{path}: line 3, column 11: not valid UTF-8")


def test_ragged_rows_overrunning_rowspans_and_a_thousand_columns():
    ragged = "<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>3</td><td>9</td><td>9</td></tr><tr><td>x</td></tr></table>"
    overrun = "<table><tr><td rowspan=99999>规章</td><td colspan=5000>1</td></tr><tr><td>2</td></tr></table>"
    wide = "<table>" + ("<tr>" + "<td>1</td>" * 1000 + "</tr>") * 3 + "</table>"
    page = disclosure.extraction.read_page(("<html><body>" + ragged + overrun + wide + "</body></html>").encode(), "t.html")
    assert [len(t.rows) for t in page.tables] == [3, 2, 3]
    assert all(len(row) == len(t.rows[0]) for t in page.tables for row in t.rows)  # every row as wide as the widest
    assert page.tables[1].rows[1][0].text == "规章"  # the rowspan is cut at the table's end
    assert any("clipped" in n for n in page.notes)  # colspan 5000 > 1000
    assert page.tables[2].rows[0][999].text == "1"


def _run_measured(code: str) -> tuple[float, int]:
    """Seconds and peak memory (kB) of `code` run in a fresh interpreter."""
    script = textwrap.dedent(code) + textwrap.dedent("""
        import resource, sys
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
    """)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before, int(out.stderr.strip().splitlines()[-1])


def test_a_50mb_page_on_one_line_is_read_in_proportion():
    # 50 MB of prose without a line break: figures, clause marks, and stretches with no mark at all.
    seconds, peak_kb = _run_measured("""
        import disclosure
        unit = "本行政区域内共接收有效依申请公开政府信息247件,其中当面申请123件,占49.79%;" + "无标点的文字" * 40 + "1件"
        data = ("<html><body><p>" + unit * (50_000_000 // len(unit.encode())) + "</p></body></html>").encode()
        ex = disclosure.extract(data, name="big.html")
        assert len(ex.reports) >= 1
    """)
    assert seconds < 60, seconds
    assert peak_kb < 50 * 1024 * 30, peak_kb  # under 30 bytes of memory per byte of page (1.5 GB)


def test_percentages_above_100_are_read_as_printed_and_checked():
    r = disclosure.Report(disclosure.forms.ogi2008, "x")
    r["requests.total.year"] = 10
    r["requests.in_person.year"] = 5
    r.add_stated("percentage", "requests.in_person.year", "120", base="requests.total.year", text="当面申请5件，占120%")
    failed = [f for f in disclosure.check(r) if f.status.name == "FAIL" and f.rule.startswith("percent:")]
    assert failed and "120" in failed[0].message("en")


# ---------------------------------------------------------------- PDF and Word files

DATA = __import__("pathlib").Path(__file__).resolve().parents[2] / "tests" / "data"


def _zip(entries: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def _image_pdf() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (300, 400), "white").save(out, "PDF")
    return out.getvalue()


def _scan_on_page_two() -> bytes:
    """A text page and then a scanned one, joined by pypdfium2 (a dependency of pdfplumber)."""
    import io

    import pypdfium2
    from pdfs import tiny_pdf

    doc = pypdfium2.PdfDocument(tiny_pdf(1, ["2018 report"]))
    doc.import_pages(pypdfium2.PdfDocument(_image_pdf()))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>'
HUAIAN = (DATA / "pdf" / "2024_huaian_city.pdf").read_bytes()
DOCX = (DATA / "converted" / "2021_pingtan_zonghe_shiyanqu.docx").read_bytes()


def _bad_documents():
    from pdfs import NO_UNICODE, bomb_pdf, tiny_pdf

    return [
        ("encrypted PDF", "enc.pdf", (DATA / "pdf" / "encrypted.pdf").read_bytes(), ["enc.pdf: the PDF is encrypted and needs a password"]),
        ("truncated PDF", "cut.pdf", HUAIAN[: len(HUAIAN) // 2], ["cut.pdf: not a readable PDF"]),
        ("PDF header and nothing else", "head.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ["head.pdf: not a readable PDF"]),
        ("a scan: an image and no text", "scan.pdf", _image_pdf(), ["scan.pdf: page 1 has no text layer: it is an image", "OCR is not done"]),
        ("a scanned page after a text page", "mixed.pdf", _scan_on_page_two(), ["mixed.pdf: page 2 has no text layer: it is an image"]),
        ("a PDF whose font has no Unicode", "cid.pdf", tiny_pdf(1, ["ABCDEFGH"], font=NO_UNICODE), ["cid.pdf: page 1: its fonts give no Unicode"]),
        ("a PDF of 5,000 pages", "long.pdf", tiny_pdf(5000), ["long.pdf: 5000 pages; more than 1000 are not read"]),
        ("a PDF stream that inflates to 400 MB", "bomb.pdf", bomb_pdf(400), ["bomb.pdf: page 1: cannot be read", "a stream unpacks to over 128 MiB"]),
        ("a PDF of empty pages", "blank.pdf", tiny_pdf(3, [""]), ["blank.pdf: the page has no text to read"]),
        ("zip bomb DOCX", "bomb.docx", _zip({"word/document.xml": W % (b" " * (40 << 20))}), ["bomb.docx: word/document.xml unpacks to", "refused as a zip bomb"]),
        ("truncated DOCX", "cut.docx", DOCX[: len(DOCX) // 2], ["cut.docx: not a readable .docx (zip)"]),
        ("a zip that is no Word file", "other.docx", _zip({"content.xml": b"<a/>"}), ["other.docx: a zip without word/document.xml"]),
        ("DOCX with broken XML", "xml.docx", _zip({"word/document.xml": W % b"<w:p>"}), ["xml.docx: word/document.xml is not well-formed XML"]),
        ("DOCX without a body", "nobody.docx", _zip({"word/document.xml": b"<w:document/>"}), ["nobody.docx: word/document.xml has no w:body"]),
        ("password-protected DOCX", "secret.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64,
         ["secret.docx: a password-protected (encrypted) Word document"]),
    ]


BAD_DOCUMENTS = _bad_documents()


@pytest.mark.parametrize("name, file, data, fragments", BAD_DOCUMENTS, ids=[d[0] for d in BAD_DOCUMENTS])
def test_bad_pdf_and_word_files_are_refused_naming_file_and_page(name, file, data, fragments, tmp_path):
    import time

    path = tmp_path / file
    path.write_bytes(data)
    started = time.monotonic()
    with pytest.raises(disclosure.ParseError) as raised:
        disclosure.extract(path)
    assert time.monotonic() - started < 30
    message = str(raised.value)
    assert message.startswith(str(path)), message
    for fragment in fragments:
        assert fragment.split(": ", 1)[-1] in message, message


def test_an_external_entity_in_a_docx_is_not_loaded(tmp_path):
    xml = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + W % b"<w:p><w:r><w:t>a&x;b</w:t></w:r></w:p>"
    path = tmp_path / "xxe.docx"
    path.write_bytes(_zip({"word/document.xml": xml}))
    page = disclosure.extraction.read_document(path)
    assert [p.text for p in page.paragraphs] == ["ab"]


def test_one_bad_file_in_a_batch_is_named_and_the_others_are_read(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(HUAIAN)
    (folder / "b.pdf").write_bytes(HUAIAN[:5000])
    (folder / "c.docx").write_bytes(DOCX)
    out = subprocess.run([sys.executable, "-m", "disclosure", "extract", str(folder)], capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 2, out.stderr
    assert f"{folder / 'b.pdf'}: not a readable PDF" in out.stderr
    assert [r["id"] for r in json.loads(out.stdout)["reports"]] == ["a", "c"]
    checked = subprocess.run([sys.executable, "-m", "disclosure", "check", "--format", "json", str(folder)], capture_output=True, text=True, encoding="utf-8")
    assert checked.returncode == 2 and "b.pdf: not a readable PDF" in checked.stderr
    assert {f["report"] for f in json.loads(checked.stdout)["findings"]} == {"a", "c"}
    strict = subprocess.run([sys.executable, "-m", "disclosure", "check", "--stop-on-unreadable", str(folder)], capture_output=True, text=True, encoding="utf-8")
    assert strict.returncode == 2 and "b.pdf: not a readable PDF" in strict.stderr and strict.stdout == ""


def test_a_page_that_takes_too_long_is_named(tmp_path, monkeypatch):
    # 100,000 drawn segments in 2 KB: some 20 s of pdfminer's time, stopped at the page's limit.
    import time

    from pdfs import busy_pdf

    monkeypatch.setattr(disclosure.pdf, "PAGE_SECONDS", 1.0)
    path = tmp_path / "busy.pdf"
    path.write_bytes(busy_pdf(100_000))
    assert path.stat().st_size < 10_000
    started = time.monotonic()
    with pytest.raises(disclosure.ParseError, match=r"busy.pdf: page 1: reading took over 1 s; the file is not read$"):
        disclosure.extract(path)
    assert time.monotonic() - started < 5
