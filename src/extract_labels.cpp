// Labels reduced for matching: width, spaces and quotes, numbering, trailing notes and the known
// misprints of the official labels.
#include <algorithm>

#include "disclosure/io/encoding.hpp"
#include "extract_detail.hpp"

namespace disclosure::io::detail {
namespace {

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }


constexpr std::string_view cn_numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// Length of a run of Chinese numerals at the start of s, in bytes.
std::size_t cn_numeral_run(std::string_view s) {
  std::size_t n = 0;
  for (bool more = true; more;) {
    more = false;
    for (auto d : cn_numerals)
      if (starts(s.substr(n), d)) { n += d.size(); more = true; break; }
  }
  return n;
}

// Length of a leading numbering mark ("一、", "(一)", "1.", "1、", "①"), 0 if none.
std::size_t numbering(std::string_view s) {
  if (std::size_t n = cn_numeral_run(s); n > 0 && (starts(s.substr(n), "、") || starts(s.substr(n), ".")))
    return n + (starts(s.substr(n), "、") ? 3 : 1);
  if (starts(s, "(")) {
    std::size_t n = cn_numeral_run(s.substr(1));
    if (n == 0)
      while (1 + n < s.size() && is_digit(s[1 + n])) ++n;
    if (n > 0 && 1 + n < s.size() && s[1 + n] == ')') return n + 2;
  }
  std::size_t d = 0;
  while (d < s.size() && is_digit(s[d])) ++d;
  if (d > 0 && d < s.size()) {
    if (starts(s.substr(d), "、")) return d + 3;
    if (s[d] == '.' && !(d + 1 < s.size() && is_digit(s[d + 1]))) return d + 1;
  }
  // ① … ⑳ are U+2460 … U+2473: E2 91 A0 … E2 91 B3.
  if (s.size() >= 3 && s[0] == '\xE2' && s[1] == '\x91' && static_cast<unsigned char>(s[2]) >= 0xA0 && static_cast<unsigned char>(s[2]) <= 0xB3) return 3;
  return 0;
}

}  // namespace

std::string label_key(std::string_view raw) {
  // Form labels print （一）, pages may print (one) or put spaces and quotes anywhere.
  std::string s = without(normalise_width(raw), " \t\n\r\"'", {"“", "”", "‘", "’", "「", "」", "『", "』"});
  for (bool again = true; again && !s.empty();) {
    again = false;
    if (starts(s, "其中")) {
      s.erase(0, 6);
      if (!s.empty() && (s[0] == ':' || s[0] == ',')) s.erase(0, 1);
      again = true;
    }
    if (std::size_t n = numbering(s); n > 0 && n < s.size()) {
      s.erase(0, n);
      again = true;
    }
  }
  // A trailing note in brackets: "部分公开(区分处理的…)", "现行有效件数(历史累计)".
  while (ends(s, ")")) {
    int depth = 0;
    std::size_t open = std::string::npos;
    for (std::size_t i = s.size(); i-- > 0;) {
      if (s[i] == ')') ++depth;
      else if (s[i] == '(' && --depth == 0) { open = i; break; }
    }
    if (open == std::string::npos || open == 0) break;
    s.erase(open);
  }
  if (!s.empty() && s.back() == ':') s.pop_back();
  s = replace_all(s, "内容事务", "内部事务");
  s = replace_all(s, "其它", "其他");
  if (s.size() >= 7 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) && starts(std::string_view(s).substr(4), "年")) {
    s.erase(0, 4);
    if (s == "年") s = "年度";
  }
  return s;
}

std::vector<std::string> variants(const Category& c) {
  std::vector<std::string> out;
  auto add = [&](const std::string& l) {
    std::string k = label_key(l);
    if (!k.empty() && std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  };
  add(c.label.zh);
  if (!c.total_label.zh.empty()) add(c.total_label.zh);
  for (const auto& a : c.aliases) add(a);
  return out;
}


}  // namespace disclosure::io::detail
