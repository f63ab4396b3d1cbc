#pragma once
// What a file is by its first bytes, whatever its name says: a PDF, a Word 97-2003 document (an
// OLE compound file) or a zip (a .docx). A page named .html that is a PDF is read as a PDF.
#include <string_view>

namespace disclosure::io {

// "%PDF-" within the first 1024 bytes: readers accept leading junk before the header.
inline bool looks_like_pdf(std::string_view bytes) noexcept { return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos; }

inline bool looks_like_doc(std::string_view bytes) noexcept { return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8); }

// A zip's local file header; read_docx says so if it holds no word/document.xml.
inline bool looks_like_docx(std::string_view bytes) noexcept { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

}  // namespace disclosure::io
