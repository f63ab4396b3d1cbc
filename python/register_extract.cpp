// Extraction from report pages: read_page and extract, with what was placed and what was not.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "disclosure/io/extract.hpp"
#include "disclosure/io/origins.hpp"
#include "disclosure/io/page_blocks.hpp"

namespace py = pybind11;
using namespace disclosure;
using disclosure::python::to_py;

void register_extract(py::module_& m) {
  py::class_<io::PageCell>(m, "PageCell", "One slot of a page table; a spanning cell fills every slot it covers.")
      .def_readonly("text", &io::PageCell::text)
      .def_readonly("position", &io::PageCell::position)
      .def_readonly("origin", &io::PageCell::origin, "False in the slots another cell's rowspan/colspan covers")
      .def("__repr__", [](const io::PageCell& c) { return "PageCell(" + py::repr(py::str(c.text)).cast<std::string>() + ")"; });
  py::class_<io::PageTable>(m, "PageTable", "A table of a page as a grid.")
      .def_readonly("rows", &io::PageTable::rows)
      .def_readonly("position", &io::PageTable::position)
      .def("texts", [](const io::PageTable& t) {
        std::vector<std::vector<std::string>> out;
        for (const auto& r : t.rows) {
          out.emplace_back();
          for (const auto& c : r) out.back().push_back(c.text);
        }
        return out;
      }, "The grid as lists of strings.")
      .def("__repr__", [](const io::PageTable& t) { return "<PageTable " + std::to_string(t.rows.size()) + "×" + std::to_string(t.columns()) + ">"; });
  py::class_<io::PageOrigin>(m, "PageOrigin").def_readonly("position", &io::PageOrigin::position).def_readonly("where", &io::PageOrigin::where);
  py::class_<io::BlockCell>(m, "BlockCell", "A table cell for assemble_page: its text, top-left slot, the slots it spans and its origin.")
      .def(py::init<std::string, int, int, int, int, std::string>(), py::arg("text"), py::arg("row"), py::arg("col"), py::arg("rows") = 1,
           py::arg("cols") = 1, py::arg("origin") = "")
      .def_readonly("text", &io::BlockCell::text)
      .def_readonly("row", &io::BlockCell::row)
      .def_readonly("col", &io::BlockCell::col)
      .def_readonly("rows", &io::BlockCell::rows)
      .def_readonly("cols", &io::BlockCell::cols)
      .def_readonly("origin", &io::BlockCell::origin);
  py::class_<io::PageBlock>(m, "PageBlock", "A paragraph (text) or a table (cells on a rows × cols grid) for assemble_page.")
      .def(py::init([](std::string text, std::vector<io::BlockCell> cells, int rows, int cols, std::string origin, std::vector<std::pair<std::int64_t, std::string>> parts) {
             io::PageBlock b{std::move(text), std::move(cells), rows, cols, std::move(origin), {}};
             for (auto& [at, where] : parts) b.parts.push_back({at, std::move(where)});
             return b;
           }),
           py::arg("text") = "", py::arg("cells") = std::vector<io::BlockCell>{}, py::arg("rows") = 0, py::arg("cols") = 0, py::arg("origin") = "",
           py::arg("parts") = std::vector<std::pair<std::int64_t, std::string>>{}, "parts: (code-point offset in text, origin) of a paragraph's later lines")
      .def_readonly("text", &io::PageBlock::text)
      .def_readonly("cells", &io::PageBlock::cells)
      .def_readonly("rows", &io::PageBlock::rows)
      .def_readonly("cols", &io::PageBlock::cols)
      .def_readonly("origin", &io::PageBlock::origin);
  py::class_<io::Paragraph>(m, "Paragraph", R"doc(A paragraph of a page: its text and where it starts in the page's text (code points).

>>> page = disclosure.extraction.read_page("第一段。\n\n第二段。".encode(), "p.txt")
>>> page.paragraphs
[<Paragraph at 0: '第一段。'>, <Paragraph at 5: '第二段。'>])doc")
      .def_readonly("text", &io::Paragraph::text)
      .def_readonly("position", &io::Paragraph::position)
      .def("__repr__", [](const io::Paragraph& p) {
        return "<Paragraph at " + std::to_string(p.position) + ": " + py::repr(py::str(p.text).attr("__getitem__")(py::slice(0, 30, 1))).cast<std::string>() +
               (py::len(py::str(p.text)) > 30 ? "…" : "") + ">";
      });
  py::class_<io::Page>(m, "Page", R"doc(A report page read as paragraphs and tables (a grid per table), with its encoding and title;
positions are code-point offsets in `text`.

>>> html = "<title>2021年报告</title><table><tr><td>本年制发件数</td><td>3</td></tr><tr><td>本年废止件数</td><td>1</td></tr></table>"
>>> page = disclosure.extraction.read_page(html.encode(), "report.html")
>>> page
<Page report.html utf-8 html, 0 paragraphs, 1 tables>
>>> page.title, page.tables[0].texts()
('2021年报告', [['本年制发件数', '3'], ['本年废止件数', '1']]))doc")
      .def_readonly("name", &io::Page::name)
      .def_readonly("encoding", &io::Page::encoding)
      .def_readonly("declared_encoding", &io::Page::declared_encoding)
      .def_readonly("html", &io::Page::html)
      .def_readonly("title", &io::Page::title)
      .def_readonly("paragraphs", &io::Page::paragraphs)
      .def_readonly("tables", &io::Page::tables)
      .def_readonly("notes", &io::Page::notes)
      .def_readonly("text", &io::Page::text)
      .def_readonly("format", &io::Page::format, "'html', 'text', 'docx' or 'pdf'")
      .def_readonly("origins", &io::Page::origins, "Where the text from each position on came from in the file (PDF and Word)")
      .def("origin_at", &io::origin_at, py::arg("position"), "Where the text at a position came from ('' for HTML and text pages)")
      .def("__repr__", [](const io::Page& p) {
        return "<Page " + p.name + " " + p.encoding + " " + (p.format.empty() ? (p.html ? "html" : "text") : p.format) + ", " + std::to_string(p.paragraphs.size()) + " paragraphs, " +
               std::to_string(p.tables.size()) + " tables>";
      });
  py::class_<io::PlacedFigure>(m, "PlacedFigure", R"doc(A figure read into a cell (or a stated figure on it), with the words it was read from and
where they are on the page.

>>> ex = disclosure.extract("某县2018年政府信息公开工作年度报告。收到申请数12件，其中当面申请5件。".encode())
>>> p = ex.placed[0]
>>> p.cell, p.value, p.kind, p.where
('requests.total.year', 12, 'cell', 'paragraph 1'))doc")
      .def_readonly("report", &io::PlacedFigure::report)
      .def_readonly("cell", &io::PlacedFigure::cell)
      .def_property_readonly("value", [](const io::PlacedFigure& f) { return to_py(f.value); })
      .def_readonly("kind", &io::PlacedFigure::kind)
      .def_readonly("text", &io::PlacedFigure::text)
      .def_readonly("position", &io::PlacedFigure::position)
      .def_readonly("where", &io::PlacedFigure::where)
      .def("__repr__", [](const io::PlacedFigure& f) { return "<PlacedFigure " + f.cell + " = " + f.value.to_string() + " (" + f.kind + ", " + f.where + ")>"; });
  py::class_<io::UnplacedFigure>(m, "UnplacedFigure", R"doc(A figure of the page that no cell takes, and why; it is also kept in its report's extras,
so nothing the page says is lost.

>>> ex = disclosure.extract("某县2018年政府信息公开工作年度报告。收到申请数12件，另有咨询30余次。".encode())
>>> u = ex.unplaced[0]
>>> u.number, u.unit, u.text
('30', '次', '另有咨询30余次')
>>> u.reason
"an approximate figure (约/近/余/多/以上) is not a cell's count")doc")
      .def_readonly("report", &io::UnplacedFigure::report)
      .def_readonly("label", &io::UnplacedFigure::label)
      .def_readonly("number", &io::UnplacedFigure::number)
      .def_property_readonly("value", [](const io::UnplacedFigure& f) { return to_py(f.value); })
      .def_readonly("unit", &io::UnplacedFigure::unit)
      .def_readonly("text", &io::UnplacedFigure::text)
      .def_readonly("position", &io::UnplacedFigure::position)
      .def_readonly("where", &io::UnplacedFigure::where)
      .def_readonly("reason", &io::UnplacedFigure::reason)
      .def("__repr__", [](const io::UnplacedFigure& f) { return "<UnplacedFigure " + f.number + f.unit + ": " + f.reason + ">"; });
  py::class_<io::Extraction>(m, "Extraction", R"doc(The reports read from one page (disclosure.extract), what was placed in them, what was not
and why, and notes on how the page was read.

>>> ex = disclosure.extract("某县2018年政府信息公开工作年度报告。收到申请数12件，其中当面申请5件，另有咨询30余次。".encode())
>>> ex
<Extraction <bytes> (narrative, utf-8): 1 reports, 2 placed, 1 unplaced>
>>> ex.reports[0].values()
{'requests.total.year': 12, 'requests.in_person.year': 5})doc")
      .def_readonly("source", &io::Extraction::source)
      .def_readonly("encoding", &io::Extraction::encoding)
      .def_readonly("format", &io::Extraction::format)
      .def_readonly("reports", &io::Extraction::reports)
      .def_readonly("placed", &io::Extraction::placed)
      .def_readonly("unplaced", &io::Extraction::unplaced)
      .def_readonly("notes", &io::Extraction::notes)
      .def("__repr__", [](const io::Extraction& e) {
        return "<Extraction " + e.source + " (" + e.format + ", " + e.encoding + "): " + std::to_string(e.reports.size()) + " reports, " +
               std::to_string(e.placed.size()) + " placed, " + std::to_string(e.unplaced.size()) + " unplaced>";
      });
  m.def("read_page", [](const py::bytes& data, const std::string& name) { return io::read_page(std::string(data), name); }, py::arg("data"), py::arg("name") = "<bytes>",
        R"doc(Reads page bytes (UTF-8 or GB18030/GBK, HTML or text) into paragraphs and tables; the bytes
decide the encoding, whatever the page declares. `name` names the page in messages.

>>> page = disclosure.extraction.read_page("某县2018年政府信息公开工作年度报告".encode("gbk"))
>>> page.encoding, page.html, page.paragraphs[0].text
('gb18030', False, '某县2018年政府信息公开工作年度报告'))doc");
  m.def("read_page_file", &io::read_page_file, py::arg("path"), R"doc(Reads a page file (HTML or text, UTF-8 or GB18030/GBK) into paragraphs and tables, as read_page
does for bytes.

>>> page = disclosure.extraction.read_page_file("examples/data/qiqihar-2018.txt")
>>> page
<Page examples/data/qiqihar-2018.txt utf-8 text, 48 paragraphs, 0 tables>
>>> page.paragraphs[2].text
'齐齐哈尔市2018年政府信息公开工作年度报告')doc");
  m.def(
      "extract_page",
      [](const io::Page& page, const std::string& id, const std::string& format) {
        py::gil_scoped_release release;
        return io::extract_with_origins(page, {id, format});
      },
      py::arg("page"), py::arg("id") = "", py::arg("format") = "");
  m.def("assemble_page", &io::assemble_page, py::arg("name"), py::arg("blocks"), py::arg("format"), py::arg("title") = "",
        R"doc(A page from blocks in reading order (paragraphs, tables of cells with spans), as the PDF reader builds it; the C++
extraction reads it as it reads an HTML page.

>>> cells = [disclosure._core.BlockCell(t, r, c) for r, row in enumerate([["本年制发件数", "3"], ["本年废止件数", "1"]]) for c, t in enumerate(row)]
>>> page = disclosure._core.assemble_page("x.pdf", [disclosure._core.PageBlock("某市2021年报告", origin="PDF page 1"), disclosure._core.PageBlock(cells=cells, rows=2, cols=2)], "pdf")
>>> page, page.tables[0].texts(), page.origin_at(0)
(<Page x.pdf utf-8 pdf, 1 paragraphs, 1 tables>, [['本年制发件数', '3'], ['本年废止件数', '1']], 'PDF page 1'))doc");
  m.def("detect_format", &io::detect_format, py::arg("page"), R"doc(The kind of report a page is: 'template-2021', 'template-2019' or 'narrative', from the labels
of its tables, else from the year in its title.

>>> disclosure.extraction.detect_format(disclosure.extraction.read_page_file("examples/data/qiqihar-2018.txt"))
'narrative'
>>> disclosure.extraction.detect_format(disclosure.extraction.read_page("某市2020年政府信息公开工作年度报告".encode()))
'template-2019')doc");
}
