// The Word reader and pages built from blocks: a converted real report reads as its HTML page
// does, merged cells come from w:gridSpan and w:vMerge, and hostile files are refused by name.
#include <boost/test/unit_test.hpp>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parse_error.hpp"

#include "disclosure/io/docx.hpp"
#include "disclosure/io/extract.hpp"
#include "disclosure/io/origins.hpp"
#include "disclosure/io/page_blocks.hpp"

using namespace disclosure;

namespace {

std::string data(const std::string& rel) { return std::string(DISCLOSURE_TEST_DATA) + "/" + rel; }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A .docx holding `xml` as word/document.xml (libzip writes it to a temporary file).
std::string docx_of(const std::string& xml) {
  auto path = std::filesystem::temp_directory_path() / ("disclosure-test-" + std::to_string(std::rand()) + ".docx");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  BOOST_REQUIRE(z);
  zip_source_t* src = zip_source_buffer(z, xml.data(), xml.size(), 0);
  BOOST_REQUIRE(zip_file_add(z, "word/document.xml", src, ZIP_FL_OVERWRITE) >= 0);
  BOOST_REQUIRE(zip_close(z) == 0);
  std::string bytes = slurp(path.string());
  std::filesystem::remove(path);
  return bytes;
}

const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string body(const std::string& inner) { return "<w:document " + w + "><w:body>" + inner + "</w:body></w:document>"; }
std::string p(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }
std::string tc(const std::string& text, const std::string& pr = "") { return "<w:tc><w:tcPr>" + pr + "</w:tcPr>" + p(text) + "</w:tc>"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(docx)

BOOST_AUTO_TEST_CASE(a_converted_real_report_reads_as_its_html_page) {
  auto html = io::read_page_file(data("pages/2021_pingtan_zonghe_shiyanqu/page.html"));
  auto word = io::read_page_file(data("converted/2021_pingtan_zonghe_shiyanqu.docx"));
  BOOST_TEST(word.format == "docx");
  BOOST_REQUIRE(word.tables.size() == html.tables.size());
  for (std::size_t t = 0; t < html.tables.size(); ++t) {
    BOOST_REQUIRE(word.tables[t].rows.size() == html.tables[t].rows.size());
    for (std::size_t r = 0; r < html.tables[t].rows.size(); ++r)
      for (std::size_t c = 0; c < html.tables[t].columns(); ++c) BOOST_TEST(word.tables[t].rows[r][c].text == html.tables[t].rows[r][c].text);
  }
  auto a = io::extract(html), b = io::extract_with_origins(word);
  BOOST_REQUIRE(a.placed.size() == b.placed.size());
  for (std::size_t i = 0; i < a.placed.size(); ++i) {
    BOOST_TEST(a.placed[i].cell == b.placed[i].cell);
    BOOST_TEST(a.placed[i].value.to_string() == b.placed[i].value.to_string());
  }
  BOOST_TEST(b.placed.front().where.find("; document table") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(grid_span_and_vertical_merge_make_spanning_cells) {
  std::string xml = body(p("某县2021年报告") + "<w:tbl><w:tr>" + tc("三、本年度办理结果", "<w:vMerge w:val=\"restart\"/>") + tc("（一）予以公开") + tc("5") +
                         "</w:tr><w:tr>" + tc("", "<w:vMerge/>") + tc("（二）部分公开") + tc("6") + "</w:tr><w:tr>" + tc("总计", "<w:gridSpan w:val=\"2\"/>") +
                         tc("11") + "</w:tr></w:tbl>");
  auto page = io::read_docx(docx_of(xml), "t.docx");
  BOOST_REQUIRE(page.tables.size() == 1u);
  const auto& t = page.tables[0];
  BOOST_TEST(t.rows.size() == 3u);
  BOOST_TEST(t.columns() == 3u);
  BOOST_TEST(t.rows[1][0].text == "三、本年度办理结果");
  BOOST_TEST(!t.rows[1][0].origin);
  BOOST_TEST(t.rows[2][1].text == "总计");
  BOOST_TEST(io::origin_at(page, t.rows[2][2].position) == "document table 1, row 3, cell 2");
  BOOST_TEST(io::origin_at(page, page.paragraphs[0].position) == "document paragraph 1");
}

BOOST_AUTO_TEST_CASE(external_entities_are_not_loaded) {
  std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>" + body(p("a&x;b"));
  auto page = io::read_docx(docx_of(xml), "xxe.docx");
  BOOST_REQUIRE(page.paragraphs.size() == 1u);
  BOOST_TEST(page.paragraphs[0].text == "ab");
}

BOOST_AUTO_TEST_CASE(hostile_and_broken_files_are_refused_by_name) {
  std::string bomb = docx_of(body(p(std::string(30u << 20, ' '))));
  BOOST_TEST(bomb.size() < (1u << 20));
  BOOST_TEST(parse_error_of([&] { io::read_docx(bomb, "bomb.docx"); }).find("bomb.docx: word/document.xml unpacks to") == 0);
  std::string good = slurp(data("converted/2021_pingtan_zonghe_shiyanqu.docx"));
  BOOST_TEST(parse_error_of([&] { io::read_page(good.substr(0, good.size() / 2), "cut.docx"); }).find("cut.docx: not a readable .docx (zip)") == 0);
  BOOST_TEST(parse_error_of([&] { io::read_docx(docx_of("<w:document " + w + "><w:body><w:p>"), "bad.docx"); })
                 .find("bad.docx: word/document.xml is not well-formed XML") == 0);
  BOOST_TEST(parse_error_of([&] { io::read_page("%PDF-1.7\n...", "r.html"); }).find("r.html: a PDF; the C++ library reads no PDFs") == 0);
  BOOST_TEST(parse_error_of([&] { io::read_page(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "xx", "r.doc"); }).find("r.doc: a Word 97-2003") == 0);
}

BOOST_AUTO_TEST_CASE(a_paragraph_over_lines_and_pages_keeps_each_line_origin) {
  io::PageBlock p;
  p.text = "收到申请12件，答复10件。";
  p.origin = "PDF page 1, x 90, y 700";
  p.parts = {{8, "PDF page 2, x 90, y 72"}};  // "答复10件" (code point 8) starts the next page
  auto page = io::assemble_page("x.pdf", {p}, "pdf", "某县2021年报告");
  BOOST_TEST(page.title == "某县2021年报告");
  BOOST_TEST(io::origin_at(page, 0) == "PDF page 1, x 90, y 700");
  BOOST_TEST(io::origin_at(page, 7) == "PDF page 1, x 90, y 700");
  BOOST_TEST(io::origin_at(page, 8) == "PDF page 2, x 90, y 72");
  BOOST_TEST(io::origin_at(io::read_page("<p>x</p>", "x.html"), 0) == "");
}

BOOST_AUTO_TEST_CASE(blocks_outside_their_grid_or_overlapping_are_refused) {
  io::PageBlock t;
  t.rows = 2;
  t.cols = 2;
  t.cells = {{"a", 0, 0, 2, 1, ""}, {"b", 1, 0, 1, 1, ""}};
  BOOST_TEST(parse_error_of([&] { io::assemble_page("x.pdf", {t}, "pdf"); }) == "x.pdf: block 1: two cells cover row 1, column 0");
  t.cells = {{"a", 0, 1, 1, 2, ""}};
  BOOST_TEST(parse_error_of([&] { io::assemble_page("x.pdf", {t}, "pdf"); }) == "x.pdf: block 1: a cell at row 0, column 1 lies outside the table's grid");
}

BOOST_AUTO_TEST_SUITE_END()
