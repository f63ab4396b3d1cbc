#pragma once
// Word documents (.docx: a zip of XML parts) read into the page model: the paragraphs and tables of
// word/document.xml in order, merged cells from w:gridSpan and w:vMerge. Running headers and footers
// live in other parts and are not read. Figures keep "document paragraph 12" or
// "document table 2, row 3, cell 4" as their origin (Page::origins).
#include <cstddef>
#include <string>
#include <string_view>

#include "disclosure/io/file_kind.hpp"
#include "disclosure/io/page.hpp"

namespace disclosure::io {

// Limits against zip bombs and hostile XML: the document part's size, unpacked, and its ratio to
// its packed size; past either the file is refused with both numbers.
inline constexpr std::size_t max_docx_part = std::size_t{64} << 20;
inline constexpr std::size_t max_docx_ratio = 200;

// Throws ParseError naming the file: not a zip, encrypted, no word/document.xml, over the limits,
// or XML that does not parse. No external entity or DTD is loaded, nothing from the network.
Page read_docx(std::string_view bytes, const std::string& name);

// The document part alone (word/document.xml, already out of its zip), as read_docx reads it.
Page read_docx_xml(std::string_view xml, const std::string& name);

}  // namespace disclosure::io
