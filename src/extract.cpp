#include "disclosure/io/extract.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/encoding.hpp"
#include "extract_detail.hpp"
#include "json_where.hpp"

namespace disclosure::io {
namespace {

// "齐齐哈尔市2018年政府信息公开工作年度报告" → issuer 齐齐哈尔市, year 2018.
void read_title(const Page& page, std::string& issuer, int& year) {
  std::vector<std::string> candidates{page.title};
  for (std::size_t i = 0; i < page.paragraphs.size() && i < 40; ++i) candidates.push_back(page.paragraphs[i].text);
  for (const auto& raw : candidates) {
    // Not label_key: it drops a leading year, and a department's title may be the year alone.
    std::string t = detail::without(raw, " \t", {"“", "”", "《", "》"});
    for (std::string_view marker : {"年度政府信息公开工作年度报告", "年政府信息公开工作年度报告", "年度政府信息公开年度报告", "年政府信息公开年度报告", "年度政府信息公开工作报告",
                                    "年政府信息公开工作报告", "年度信息公开年度报告", "年信息公开年度报告", "年度信息公开工作年度报告", "年信息公开工作年度报告"}) {
      std::size_t at = t.find(marker);
      if (at == std::string::npos || at < 4) continue;
      std::string digits = t.substr(at - 4, 4);
      if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      year = std::stoi(digits);
      issuer = t.substr(0, at - 4);
      for (std::string_view cut : {"标题:", "关于"})
        if (issuer.rfind(cut, 0) == 0) issuer.erase(0, cut.size());
      return;
    }
  }
}

// A government reports for its region; a department or office for itself.
std::string scope_of(const std::string& issuer) {
  for (std::string_view end : {"局", "委员会", "办公室", "厅", "中心", "委", "办", "署", "院", "所", "站", "队"})
    if (issuer.size() >= end.size() && issuer.compare(issuer.size() - end.size(), end.size(), end) == 0) return "agency";
  return "region";
}

std::string stem(const std::string& path) {
  std::string s = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  if (s == "page.html" || s == "page.txt" || s == "index.html") {
    std::string dir = path.substr(0, path.find_last_of('/'));
    s = dir.substr(dir.find_last_of('/') == std::string::npos ? 0 : dir.find_last_of('/') + 1);
  } else if (auto dot = s.find('.'); dot != std::string::npos && dot > 0) {
    s = s.substr(0, dot);
  }
  return s.empty() ? "report" : s;
}

// The template a page's tables follow, or "" when it has none of their labels.
std::string format_by_labels(const Page& page) {
  std::string all = detail::label_key(page.text);
  if (all.find("本年制发件数") != std::string::npos || all.find("本年废止件数") != std::string::npos) return "template-2021";
  if (all.find("本年新制作数量") != std::string::npos || all.find("本年新公开数量") != std::string::npos) return "template-2019";
  return "";
}

// The format notice a report cites: 国办公开办函〔2021〕30号 is the 2021 template, 〔2019〕60号 the 2019 one.
std::string format_by_citation(const Page& page) {
  const std::string head = detail::clip(page.text, 6000);
  if (head.find("〔2021〕30号") != std::string::npos || head.find("[2021]30号") != std::string::npos) return "template-2021";
  if (head.find("〔2019〕60号") != std::string::npos || head.find("[2019]60号") != std::string::npos) return "template-2019";
  return "";
}

// The year a page reports on when its title gives none: the year of its statistics period
// ("自2023年1月1日", "2023年度"), else of "截至2023年底", else the one its opening names most.
int year_in_text(const Page& page) {
  const std::string head = detail::clip(page.text, 3000);
  std::map<int, int> weight;
  for (std::size_t i = 0; i + 7 <= head.size(); ++i) {
    if (!std::all_of(head.begin() + static_cast<std::ptrdiff_t>(i), head.begin() + static_cast<std::ptrdiff_t>(i + 4), [](char c) { return c >= '0' && c <= '9'; })) continue;
    if (i > 0 && head[i - 1] >= '0' && head[i - 1] <= '9') continue;
    if (head.compare(i + 4, 3, "年") != 0) continue;
    int y = std::stoi(head.substr(i, 4));
    if (y < 2007 || y > 2035) continue;
    std::string_view after = std::string_view(head).substr(i + 7);
    int w = 1;
    if (after.substr(0, 3) == "度" || after.substr(0, 6) == "1月1日" || after.substr(0, 3) == "底") w = 3;
    if (i >= 6 && head.compare(i - 6, 6, "截至") == 0) w = 3;
    weight[y] += w;
  }
  int best = 0, best_w = 0;
  for (const auto& [y, w] : weight)
    if (w > best_w) best = y, best_w = w;
  return best;
}

// Without a template table (a copy of a report's prose part only), the year in the title decides:
// reports for 2019 and 2020 follow the 2019 template, later ones the 2021 template.
std::string format_by_year(int year) { return year >= 2021 ? "template-2021" : year >= 2019 ? "template-2019" : "narrative"; }

}  // namespace

std::string detect_format(const Page& page) {
  std::string by_labels = format_by_labels(page);
  if (!by_labels.empty()) return by_labels;
  if (std::string cited = format_by_citation(page); !cited.empty()) return cited;
  std::string issuer;
  int year = 0;
  read_title(page, issuer, year);
  return format_by_year(year ? year : year_in_text(page));
}

Extraction extract(const Page& page, const ExtractOptions& options) {
  // A page with no text at all is not a report with nothing in it.
  if (page.paragraphs.empty() && page.tables.empty()) throw ParseError(page.name + ": the page has no text to read");
  // The forms' labels are simplified Chinese; a page in traditional characters would match none of
  // them and come out as an empty report of a guessed form.
  if (auto script = count_script(page.text); script.traditional_page())
    throw ParseError(page.name + ": the page is in traditional characters (" + std::to_string(script.traditional) +
                     " traditional forms of words such as 開, 報, 請 against " + std::to_string(script.simplified) +
                     " simplified); the forms' labels are simplified Chinese: convert the page first (OpenCC's t2s, say)");
  Extraction out;
  out.source = page.name;
  out.encoding = page.encoding;
  out.notes = page.notes;
  std::string issuer;
  int year = 0;
  read_title(page, issuer, year);
  std::string year_from = "the year in the title";
  if (year == 0) {
    year = year_in_text(page);
    year_from = "the year the text reports on";
    if (year) out.notes.push_back(page.name + ": no year in the title; the text reports on " + std::to_string(year));
  }
  // The template whose labels the page prints, looked for once (a pass over the whole text).
  const std::string by_labels = format_by_labels(page);
  out.format = options.format;
  if (out.format.empty()) {
    out.format = by_labels;
    if (out.format.empty()) out.format = format_by_citation(page);
    if (out.format.empty()) {
      out.format = format_by_year(year);
      if (out.format != "narrative")
        out.notes.push_back(page.name + ": no table of the 2019 or 2021 template; read as " + out.format + " by " + year_from + ", " + std::to_string(year));
    }
  }
  std::string form_key = out.format == "template-2021" ? "ogi2021" : out.format == "template-2019" ? "ogi2019" : out.format == "narrative" ? "ogi2008" : "";
  if (form_key.empty()) throw Error("unknown report format '" + out.format + "' (known: template-2021, template-2019, narrative)");
  const detail::FormIndex& index = detail::builtin_index(form_key);
  // Template tables fill the cells and the prose gives second readings of them (prose against
  // table: the stated-total check); where there is no table, the prose is all there is.
  bool prose_fills = out.format == "narrative" || by_labels.empty();
  std::string scope = scope_of(issuer);
  detail::Sink sink(out, index.form_ptr, options.id.empty() ? stem(page.name) : options.id, issuer, year, scope);
  sink.report(scope).source.title = page.title;
  detail::extract_tables(page, index, sink, scope);
  detail::extract_prose(page, index, sink, prose_fills, scope);
  detail::extract_statements(page, index, sink, scope);
  sink.finish();
  return out;
}

Extraction extract_file(const std::string& path, const ExtractOptions& options) { return extract(read_page_file(path), options); }

}  // namespace disclosure::io
