#pragma once
// What a file is by its first bytes, whatever its name says: a PDF, a Word 97-2003 document (an
// OLE compound file) or a zip (a .docx). A page named .html that is a PDF is read as a PDF.
#include <string_view>

namespace disclosure::io {

// "%PDF-" within the first 1024 bytes: readers accept leading junk before the header.
inline bool looks_like_pdf(std::string_view bytes) noexcept { return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos; }

inline bool looks_like_doc(std::string_view bytes) noexcept { return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8); }

// An OLE compound file with an "EncryptionInfo" stream: a password-protected .docx (Office keeps
// encrypted OOXML in a compound file). The stream's name is UTF-16 in the file's directory.
inline bool looks_like_encrypted_office(std::string_view bytes) noexcept {
  static constexpr char name[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
  return looks_like_doc(bytes) && bytes.find(std::string_view(name, sizeof name - 1)) != std::string_view::npos;
}

// A zip's local file header; read_docx says so if it holds no word/document.xml.
inline bool looks_like_docx(std::string_view bytes) noexcept { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

}  // namespace disclosure::io
