#pragma once
// Private helpers of the JSON readers: where in a document we are, for error messages
// ("file.json: $["reports"][0]["values"]["x"]: why"), strict field checks, and parsing with
// line and column on syntax errors.
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "disclosure/io/encoding.hpp"

#include "disclosure/error.hpp"

namespace disclosure::io::detail {

using nlohmann::json;

struct Where {
  const std::string& source;
  std::string path;
  Where at(const std::string& key) const { return {source, path + "[\"" + key + "\"]"}; }
  Where at(std::size_t i) const { return {source, path + "[" + std::to_string(i) + "]"}; }
  [[noreturn]] void fail(const std::string& why) const { throw ParseError(source + ": " + path + ": " + why); }
};

inline const json& require(const json& obj, const char* key, const Where& w) {
  auto it = obj.find(key);
  if (it == obj.end()) w.fail(std::string("missing \"") + key + "\"");
  return *it;
}

inline std::string get_string(const json& j, const Where& w) {
  if (!j.is_string()) w.fail("expected a string, got " + std::string(j.type_name()));
  return j.get<std::string>();
}

// Unknown fields are errors, not silently dropped.
inline void only_keys(const json& obj, std::initializer_list<const char*> allowed, const Where& w) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || it.key() == a;
    if (!ok) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      w.fail("unknown field \"" + it.key() + "\" (allowed: " + list + ")");
    }
  }
}

inline std::string line_col(std::string_view text, std::size_t byte) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') { ++line; col = 1; } else ++col;
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

// Input quoted in a message, with bytes that are not UTF-8 shown as \xNN: a message is text.
inline std::string printable(std::string_view s) {
  std::string out;
  while (!s.empty()) {
    std::size_t bad = invalid_utf8_at(s);
    out += s.substr(0, bad == std::string_view::npos ? s.size() : bad);
    if (bad == std::string_view::npos) break;
    static const char* hex = "0123456789ABCDEF";
    auto b = static_cast<unsigned char>(s[bad]);
    out += std::string("\\x") + hex[b >> 4] + hex[b & 15];
    s.remove_prefix(bad + 1);
  }
  return out;
}

// Data files are UTF-8 (a byte-order mark is allowed): anything else is refused at its line and column.
inline void require_utf8(std::string_view text, const std::string& source) {
  std::size_t bad = invalid_utf8_at(text);
  if (bad == std::string_view::npos) return;
  throw EncodingError(source + ": " + line_col(text, bad) + ": not valid UTF-8 (byte " + std::to_string(bad) + ")", "utf-8", bad,
                      std::string(text.substr(bad, 4)));
}

inline json parse_document(std::string_view text, const std::string& source) {
  require_utf8(text, source);
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    auto pos = what.find("syntax error");
    throw ParseError(source + ": " + line_col(text, e.byte > 0 ? e.byte - 1 : 0) + ": invalid JSON: " + printable(pos == std::string::npos ? what : what.substr(pos)));
  } catch (const json::out_of_range& e) {
    // A number beyond a double (1e400, found by fuzzing): the parser names the token, not its place.
    std::string what = e.what();
    std::size_t open = what.find('\''), close = what.rfind('\'');
    std::string token = open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
    std::size_t at = token.empty() ? std::string_view::npos : text.find(token);
    throw ParseError(source + ": " + (at == std::string_view::npos ? std::string("") : line_col(text, at) + ": ") + "invalid JSON: number " + printable(token) +
                     " is out of range");
  } catch (const json::exception& e) {
    throw ParseError(source + ": invalid JSON: " + printable(e.what()));
  }
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ParseError(path + ": cannot open the file for reading");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw ParseError(path + ": read error");
  return buf.str();
}

}  // namespace disclosure::io::detail
