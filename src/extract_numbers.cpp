// Numbers as printed: a figure in running text (digits, separators, 万/千/亿, 余/多/约, its unit),
// a number or a kind of missing in a table cell, and what each unit measures.
#include <cctype>
#include <cstring>

#include "extract_detail.hpp"

namespace disclosure::io::detail {
namespace {

bool starts_at(std::string_view s, std::size_t i, std::string_view p) { return s.substr(i, p.size()) == p; }

}  // namespace

bool thousands_separator_at(std::string_view s, std::size_t at) {
  if (at == 0 || at + 3 >= s.size() || s[at] != ',' || !is_digit(s[at - 1])) return false;
  return is_digit(s[at + 1]) && is_digit(s[at + 2]) && is_digit(s[at + 3]) && !(at + 4 < s.size() && is_digit(s[at + 4]));
}

std::optional<Decimal> parse_number(std::string_view s) {
  std::string t;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!thousands_separator_at(s, i)) t.push_back(s[i]);
  if (t.empty() || !(is_digit(t[0]) || (t[0] == '-' && t.size() > 1 && is_digit(t[1])))) return std::nullopt;
  try {
    return Decimal::parse(t);
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::optional<Missing> parse_missing(std::string_view s) {
  if (s.empty()) return Missing::blank;
  for (std::string_view d : {"-", "--", "—", "——", "–", "─", "－"})
    if (s == d) return Missing::dash;
  if (s == "/" || s == "//" || s == "\\") return Missing::slash;
  return std::nullopt;
}

const std::vector<std::string>& units() {
  static const std::vector<std::string> u = {"个工作日", "工作日", "万元", "人次", "件次", "万人", "元", "件", "条", "个", "人", "次", "项", "期", "份",
                                             "起", "家", "篇", "场", "名", "户", "倍", "%"};
  return u;
}

std::string measure_of(const std::string& u) {
  if (u.empty()) return "count";
  for (const char* c : {"件", "条", "个", "项", "份", "起", "篇", "家", "户"})
    if (u == c) return "count";
  // Meetings, broadcasts and issues are occasions, never items: "新闻发布会54场" is no count of
  // information disclosed through press conferences, "《关注·沟通》44期" no count of documents.
  for (const char* c : {"次", "场", "期"})
    if (u == c) return "occasions";
  if (u == "人次" || u == "家次" || u == "件次") return "visits";
  if (u == "人" || u == "名") return "people";
  return u;
}

const char* const multipliers[] = {"万", "千", "亿"};

// The next figure at or after `from`, if any.
std::optional<Figure> next_figure(std::string_view p, std::size_t& from) {
  while (from < p.size()) {
    std::size_t i = from;
    while (i < p.size() && !is_digit(p[i])) ++i;
    if (i >= p.size()) { from = p.size(); return std::nullopt; }
    std::size_t j = i;
    // Digits, a decimal point, and thousands separators.
    while (j < p.size() && (is_digit(p[j]) || (p[j] == '.' && j + 1 < p.size() && is_digit(p[j + 1])) || thousands_separator_at(p, j))) ++j;
    from = j;
    // Part of a code or a word with letters (IE9, 0591-2316, 〔2018〕), or a numbering "1." / "1、".
    char before = i > 0 ? p[i - 1] : ' ';
    if (std::isalpha(static_cast<unsigned char>(before)) || before == '-' || before == '.' || before == '@' || before == '/' || before == '_') continue;
    if (i >= 3 && (starts_at(p, i - 3, "〔") || starts_at(p, i - 3, "第"))) continue;
    // "见附表2", "附件3", "表1": the number of a table or an attachment.
    if ((i >= 6 && (starts_at(p, i - 6, "附表") || starts_at(p, i - 6, "附件"))) || (i >= 3 && (starts_at(p, i - 3, "表") || starts_at(p, i - 3, "图")))) continue;
    std::string printed(p.substr(i, j - i));
    auto value = parse_number(printed);
    if (!value) continue;
    std::size_t k = j;
    while (k < p.size() && p[k] == ' ') ++k;
    bool approx = false;
    std::int64_t scale = 1;
    auto take = [&](std::string_view w) {
      if (starts_at(p, k, w)) { k += w.size(); return true; }
      return false;
    };
    if (take("余") || take("多")) approx = true;
    for (const char* m : multipliers)
      if (take(m)) { scale = std::strcmp(m, "万") == 0 ? 10000 : std::strcmp(m, "千") == 0 ? 1000 : 100000000; break; }
    if (take("余") || take("多")) approx = true;
    std::string unit;
    if (scale == 10000 && starts_at(p, k, "元")) {
      unit = "万元";  // 万元 is a unit of its own, not ten thousand 元
      scale = 1;
      k += std::string_view("元").size();
    } else {
      for (const auto& u : units())
        if (starts_at(p, k, u)) { unit = u; break; }
      if (unit.empty()) {
        // A date or an age is never a count; any other bare number may be the last of a list.
        bool date = false;
        for (std::string_view d : {"年", "月", "日", "号", "时", "点", "岁", "届", "分"}) date = date || starts_at(p, k, d);
        // "2.政务动态类信息118条", "3、人事信息": the number of an item of a list, not a count.
        bool numbering = (starts_at(p, k, ".") || starts_at(p, k, "、")) && !(k + 1 < p.size() && is_digit(p[k + 1])) &&
                         !(starts_at(p, k, "、") && k + 3 < p.size() && is_digit(p[k + 3]));
        if (date || numbering || scale != 1 || approx) continue;
      }
      k += unit.size();
    }
    std::size_t end = k;
    if (starts_at(p, end, "以上")) { approx = true; end += std::string_view("以上").size(); }
    Figure f;
    f.begin = i;
    f.end = end;
    f.number = printed;
    f.unit = unit;
    f.approximate = approx;
    if (value->units() > Decimal::max_units / scale) continue;  // beyond the supported magnitude
    try {
      f.value = Decimal(value->units() * scale, value->scale());
    } catch (const Error&) {
      continue;  // beyond the supported magnitude: not a count of this kind
    }
    for (std::string_view q : {"约", "近", "超过", "逾", "将近", "大约"})
      if (i >= q.size() && p.substr(i - q.size(), q.size()) == q) { f.approximate = true; f.begin = i - q.size(); }
    from = end;
    return f;
  }
  return std::nullopt;
}


}  // namespace disclosure::io::detail
