#pragma once
// Bytes of a published page to UTF-8 text. Pages come in UTF-8 or in GB18030 and its subsets
// (GBK, GB2312), and the charset a page declares is often wrong, so the bytes decide: valid UTF-8
// is UTF-8, otherwise GB18030 is tried; the declaration only adds a note when it disagrees.
#include <string>
#include <string_view>
#include <vector>

namespace disclosure::io {

struct DecodedText {
  std::string text;                // UTF-8, without a byte-order mark
  std::string encoding;            // what the bytes were: "utf-8", "utf-16le", "utf-16be" or "gb18030"
  std::string declared;            // the charset the page declares (meta / XML prolog), lower case; empty if none
  std::vector<std::string> notes;  // e.g. "declared utf-8, but the bytes are GB18030"
};

// Throws ParseError naming `name` and the byte offset when the bytes are neither UTF-8 nor GB18030.
DecodedText decode(std::string_view bytes, const std::string& name);

// The charset named in the first bytes of an HTML/XML page (`charset=gbk`, `encoding="utf-8"`), lower case.
std::string declared_charset(std::string_view bytes);

// Offset of the first byte that is not part of valid UTF-8 (overlongs and surrogates refused), or npos.
std::size_t invalid_utf8_at(std::string_view bytes) noexcept;

// Full-width ASCII forms (Ｕ+FF01–FF5E: digits, letters, ％，（）：) become their ASCII forms and the
// ideographic and no-break spaces become ' '. One code point stays one code point, so offsets in
// code points are the same before and after.
std::string normalise_width(std::string_view utf8);

// Number of code points in UTF-8 text (continuation bytes are not counted).
std::size_t code_points(std::string_view utf8) noexcept;

// Characters that OGI reports print in nearly every sentence (开, 报, 请, 关 …, 49 of them),
// counted in their traditional and in their simplified forms: a page copied by a mirror that
// converted it to traditional characters shows the first and hardly the second.
struct ScriptCount {
  std::size_t traditional = 0;
  std::size_t simplified = 0;
  bool traditional_page() const noexcept { return traditional >= 10 && traditional > 4 * simplified; }
};
ScriptCount count_script(std::string_view utf8) noexcept;

}  // namespace disclosure::io
