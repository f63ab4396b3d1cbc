#pragma once
// A page built from blocks in reading order (paragraphs, and tables as cells with their spans),
// for readers that find the layout themselves: the Word reader (docx.hpp) and the PDF reader of the
// Python package (python/disclosure/pdf.py). The page comes out as read_page's pages do, so the
// same extraction serves it; each block and cell may name where it came from in its file.
#include <cstdint>
#include <string>
#include <vector>

#include "disclosure/io/page.hpp"

namespace disclosure::io {

struct BlockCell {
  std::string text;
  int row = 0, col = 0;    // of its top-left slot
  int rows = 1, cols = 1;  // the slots it covers
  std::string origin;      // "PDF page 4, x 73, y 370"; "" for none
};

struct PageBlock {
  std::string text;              // a paragraph, when `cells` is empty
  std::vector<BlockCell> cells;  // a table: every cell inside rows × cols
  int rows = 0, cols = 0;
  std::string origin;
  std::vector<PageOrigin> parts;  // of a paragraph's later lines: position counted from its start
};

// Throws ParseError naming the page and block for a cell outside its grid, two cells on one slot
// or a grid beyond max_table_slots. A table under 2×2 becomes paragraphs, as in HTML.
Page assemble_page(const std::string& name, const std::vector<PageBlock>& blocks, const std::string& format, const std::string& title = "");

// Where the text at `position` came from ("" when the page records no origins).
std::string origin_at(const Page& page, std::int64_t position);

}  // namespace disclosure::io
