#pragma once
// A published report page as text blocks and tables, read from plain text, HTML, Word (.docx, see
// docx.hpp) or built from blocks (page_blocks.hpp: the PDF reader of the Python package). Tables keep
// their grid: a cell spanning rows or columns fills every slot it covers, so that a row label
// printed once beside ten rows labels each of them. Positions are code-point offsets in `text`,
// the page rendered as plain text (paragraphs on lines, table cells separated by tabs), so they
// are the same whatever encoding the page came in.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace disclosure::io {

struct PageCell {
  std::string text;            // whitespace collapsed, full-width forms normalised
  std::int64_t position = -1;  // of the cell's text in Page::text
  bool origin = true;          // false in the slots that a rowspan/colspan of another cell covers
};

struct PageTable {
  std::vector<std::vector<PageCell>> rows;  // every row as wide as the widest
  std::int64_t position = -1;
  std::size_t columns() const noexcept { return rows.empty() ? 0 : rows.front().size(); }
};

struct Paragraph {
  std::string text;
  std::int64_t position = -1;
};

// Where the text from `position` on came from in the source file, when that is not the page itself:
// "PDF page 4, x 73, y 370" or "document table 2, row 3, cell 4". Sorted by position.
struct PageOrigin {
  std::int64_t position = 0;
  std::string where;
};

struct Page {
  std::string name;                // file name, for messages
  std::string encoding;            // see DecodedText
  std::string declared_encoding;
  bool html = false;
  std::string title;
  std::vector<Paragraph> paragraphs;  // in page order, tables excluded
  std::vector<PageTable> tables;      // data tables (at least 2×2, no table inside)
  std::vector<std::string> notes;     // encoding notes, clipped spans
  std::string text;                   // the rendering the positions refer to
  std::string format;                 // "html", "text", "docx" or "pdf"
  std::vector<PageOrigin> origins;    // empty for HTML and text: positions are the page's own
};

// Reads bytes as a page: HTML when it looks like markup, else plain text (a paragraph per line).
Page read_page(std::string_view bytes, const std::string& name);
Page read_page_file(const std::string& path);

// Limits that keep a hostile page from taking time or memory out of proportion to its size.
inline constexpr int max_span = 1000;             // rowspan/colspan beyond this are clipped (and noted)
inline constexpr std::size_t max_table_slots = 1u << 20;  // rows × columns of one expanded table

}  // namespace disclosure::io
