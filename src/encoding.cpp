#include "disclosure/io/encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <memory>

#include "disclosure/error.hpp"

namespace disclosure::io {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// Converts with iconv; on failure returns false and the input offset where it stopped.
bool convert(std::string_view in, const char* from, std::string& out, std::size_t& failed_at) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) throw Error(std::string("iconv cannot convert from ") + from);
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  out.clear();
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  std::size_t written = 0;
  while (src_left > 0) {
    char* dst = out.data() + written;
    std::size_t dst_left = out.size() - written;
    std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    written = out.size() - dst_left;
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    failed_at = in.size() - src_left;
    return false;
  }
  out.resize(written);
  return true;
}

bool is_gb_family(const std::string& cs) { return cs == "gbk" || cs == "gb2312" || cs == "gb18030" || cs == "gb_2312-80" || cs == "x-gbk" || cs == "cp936"; }

}  // namespace

std::size_t invalid_utf8_at(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1Fu; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0Fu; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07u; }
    else return i;
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3Fu);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string declared_charset(std::string_view bytes) {
  std::string head = lowered(bytes.substr(0, 4096));
  for (const char* marker : {"charset=", "encoding="}) {
    std::size_t at = head.find(marker);
    if (at == std::string::npos) continue;
    std::size_t i = at + std::string_view(marker).size();
    while (i < head.size() && (head[i] == '"' || head[i] == '\'' || head[i] == ' ')) ++i;
    std::size_t j = i;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' || head[j] == '_')) ++j;
    if (j > i) return head.substr(i, j - i);
  }
  return "";
}

DecodedText decode(std::string_view bytes, const std::string& name) {
  DecodedText out;
  out.declared = declared_charset(bytes);
  auto note_mismatch = [&](const char* actual, bool declared_ok) {
    if (!out.declared.empty() && !declared_ok)
      out.notes.push_back("declared " + out.declared + ", but the bytes are " + actual);
  };
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    bool le = bytes[0] == '\xFF';
    std::size_t failed_at = 0;
    if (!convert(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE", out.text, failed_at))
      throw EncodingError(name + ": byte " + std::to_string(failed_at + 2) + ": invalid UTF-16 after a byte-order mark", le ? "utf-16-le" : "utf-16-be",
                          failed_at + 2, std::string(bytes.substr(failed_at + 2, 2)));
    out.encoding = le ? "utf-16le" : "utf-16be";
    return out;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::size_t bad = invalid_utf8_at(bytes);
  if (bad == std::string_view::npos) {
    out.text = std::string(bytes);
    out.encoding = "utf-8";
    note_mismatch("valid UTF-8", out.declared == "utf-8" || out.declared == "utf8" || out.declared == "us-ascii");
    return out;
  }
  std::size_t failed_at = 0;
  if (convert(bytes, "GB18030", out.text, failed_at)) {
    out.encoding = "gb18030";
    note_mismatch("GB18030 (GBK)", is_gb_family(out.declared));
    return out;
  }
  throw EncodingError(name + ": byte " + std::to_string(bad) + ": not valid UTF-8, and not GB18030 either (byte " + std::to_string(failed_at) + ")" +
                          (out.declared.empty() ? "" : "; the page declares " + out.declared),
                      "utf-8", bad, std::string(bytes.substr(bad, 4)));
}

std::string normalise_width(std::string_view s) {
  // Most text has nothing to change: the lead bytes of the forms changed are EF, E3 and C2.
  if (s.find_first_of("\xEF\xE3\xC2") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    // U+FF01..U+FF5E is EF BC 81..EF BD 9E; U+3000 is E3 80 80; U+00A0 is C2 A0.
    if (c == 0xEF && i + 2 < s.size()) {
      auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      unsigned cp = ((c & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
        i += 3;
        continue;
      }
    }
    if (c == 0xE3 && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x80') { out.push_back(' '); i += 3; continue; }
    if (c == 0xC2 && i + 1 < s.size() && s[i + 1] == '\xA0') { out.push_back(' '); i += 2; continue; }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

std::size_t code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

ScriptCount count_script(std::string_view utf8) noexcept {
  // Sorted code points of the same 49 characters, traditional (開 報 請 關 …) and simplified (开 报 请 关 …).
  static constexpr std::array<char32_t, 49> traditional = {
      0x500B, 0x52D9, 0x5340, 0x55AE, 0x570B, 0x5831, 0x5BE6, 0x5BE9, 0x5C0E, 0x5C6C, 0x5EF3, 0x5FA9, 0x61C9, 0x64DA, 0x6578, 0x6642, 0x66F8,
      0x6703, 0x689D, 0x6A5F, 0x6B0A, 0x6B77, 0x6C7A, 0x70BA, 0x73FE, 0x767C, 0x7BC4, 0x7D1A, 0x7D50, 0x7DB2, 0x7E23, 0x7E3D, 0x8207, 0x8655,
      0x898F, 0x8A08, 0x8A0A, 0x8A1F, 0x8ACB, 0x8B70, 0x8CBB, 0x8CC7, 0x8FA6, 0x9019, 0x9580, 0x958B, 0x95DC, 0x9805, 0x985E};
  static constexpr std::array<char32_t, 49> simplified = {
      0x4E0E, 0x4E2A, 0x4E3A, 0x4E66, 0x4F1A, 0x5173, 0x51B3, 0x529E, 0x52A1, 0x533A, 0x5355, 0x5385, 0x5386, 0x53BF, 0x53D1, 0x56FD, 0x5904,
      0x590D, 0x5B9E, 0x5BA1, 0x5BFC, 0x5C5E, 0x5E94, 0x5F00, 0x603B, 0x62A5, 0x636E, 0x6570, 0x65F6, 0x673A, 0x6743, 0x6761, 0x73B0, 0x7C7B,
      0x7EA7, 0x7ED3, 0x7F51, 0x8303, 0x89C4, 0x8BA1, 0x8BAE, 0x8BAF, 0x8BBC, 0x8BF7, 0x8D39, 0x8D44, 0x8FD9, 0x95E8, 0x9879};
  ScriptCount n;
  for (std::size_t i = 0; i + 2 < utf8.size(); ++i) {
    auto b0 = static_cast<unsigned char>(utf8[i]);
    if ((b0 & 0xF0) != 0xE0) continue;  // the CJK characters counted are all three bytes long
    char32_t cp = static_cast<char32_t>(((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6) |
                                        (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu));
    if (std::binary_search(traditional.begin(), traditional.end(), cp)) ++n.traditional;
    else if (std::binary_search(simplified.begin(), simplified.end(), cp)) ++n.simplified;
    i += 2;
  }
  return n;
}

}  // namespace disclosure::io
