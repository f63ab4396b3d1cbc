"""A copy of a converted DOCX whose table 三 (the document's second table) repeats its three header
rows on each page and keeps each row on one page (w:tblHeader, w:cantSplit), as reports made in
Word often do; twelve empty paragraphs before it make it break over pages. Run by
scripts/convert_pages.sh:  python3 scripts/repeat_header_rows.py IN.docx OUT.docx"""
import re
import sys
import zipfile

src, dst = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(src)
xml = z.read("word/document.xml").decode()
t = [m.start() for m in re.finditer("<w:tbl>", xml)][1]
end = xml.find("</w:tbl>", t)
table = xml[t:end]
rows = 0
def mark(m):
    global rows
    rows += 1
    props = "<w:cantSplit/>" + ("<w:tblHeader/>" if rows <= 3 else "")
    return m.group(1) + "<w:trPr>" + props + (m.group(2) or "</w:trPr>")
table = re.sub(r"(<w:tr(?: [^>]*)?>)(?:<w:trPr>((?:(?!</w:trPr>).)*</w:trPr>))?", mark, table)
xml = xml[:t] + "<w:p/>" * 12 + table + xml[end:]  # empty paragraphs before it, so that it breaks over a page
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
    for info in z.infolist():
        out.writestr(info, xml.encode() if info.filename == "word/document.xml" else z.read(info.filename))
