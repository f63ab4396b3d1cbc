#include "disclosure/io/extract.hpp"

#include <algorithm>
#include <mutex>

#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/encoding.hpp"
#include "extract_detail.hpp"
#include "json_where.hpp"

namespace disclosure::io {
namespace detail {
namespace {

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }


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

FormIndex::FormIndex(std::shared_ptr<const Form> f) : form_ptr(std::move(f)), form(*form_ptr) {
  struct Walk {
    static void run(const Category& c, const std::string& path, bool root, std::vector<const Category*> chain,
                    std::vector<std::pair<std::string, std::vector<const Category*>>>& out) {
      chain.push_back(&c);
      if (!c.derived) out.emplace_back(path, chain);
      for (const auto& ch : c.children) run(ch, root ? ch.key : path + "." + ch.key, false, chain, out);
    }
  };
  for (const auto& t : form.tables()) {
    std::vector<std::pair<std::string, std::vector<const Category*>>> rows, cols;
    Walk::run(t.rows.root, t.rows.root.key, true, {}, rows);
    if (t.columns) Walk::run(t.columns->root, t.columns->root.key, true, {}, cols);
    else cols.emplace_back("", std::vector<const Category*>{});
    bool periods = t.columns && t.columns->key == "period";
    for (const auto& [rp, rc] : rows)
      for (const auto& [cp, cc] : cols) {
        auto i = form.find(t.key + "." + rp + (cp.empty() ? "" : "." + cp));
        if (!i) continue;
        cells.push_back({*i, rc, cc, periods, measure_of(form.cells()[*i].unit)});
        for (const auto* cat : rc) keys.try_emplace(cat, variants(*cat));
        for (const auto* cat : cc) {
          keys.try_emplace(cat, variants(*cat));
          if (cat->key != "year")
            for (const auto& k : keys[cat]) column_keys.push_back(k);
        }
      }
  }
  for (const auto& [cat, ks] : keys)
    for (const auto& k : ks) named[k].push_back(cat);
  chain_of.assign(form.size(), 0);
  for (std::size_t i = 0; i < cells.size(); ++i) chain_of[cells[i].cell] = i;
  parents.assign(form.size(), {});
  share_parent.assign(form.size(), std::nullopt);
  for (const auto& b : form.breakdowns())
    for (auto part : b.parts) {
      parents[part].push_back(b.parent);
      if (!share_parent[part] || !b.along_columns) share_parent[part] = b.parent;
    }
}

const FormIndex& builtin_index(const std::string& form_key) {
  static std::mutex lock;
  static std::map<std::string, std::unique_ptr<FormIndex>> built;
  std::lock_guard<std::mutex> guard(lock);
  auto& slot = built[form_key];
  if (!slot) slot = std::make_unique<FormIndex>(forms::builtin(form_key));
  return *slot;
}

std::optional<Decimal> parse_number(std::string_view s) {
  std::string t;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',' && i > 0 && is_digit(s[i - 1]) && i + 3 < s.size() + 0 && i + 3 <= s.size() && is_digit(s[i + 1])) continue;
    t.push_back(s[i]);
  }
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
                                             "起", "家", "篇", "场", "名", "户", "%"};
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

std::string where_paragraph(std::size_t i) { return "paragraph " + std::to_string(i + 1); }
std::string where_table(std::size_t t, std::size_t r, std::size_t c) {
  return "table " + std::to_string(t + 1) + ", row " + std::to_string(r + 1) + ", column " + std::to_string(c + 1);
}

Sink::Sink(Extraction& out, std::shared_ptr<const Form> form, std::string id, std::string issuer, int year, std::string default_scope)
    : out_(out), form_(std::move(form)), id_(std::move(id)), issuer_(std::move(issuer)), default_scope_(std::move(default_scope)), year_(year) {}

Report& Sink::report(const std::string& scope) {
  auto it = by_scope_.find(scope);
  if (it != by_scope_.end()) return out_.reports[it->second];
  out_.reports.emplace_back(form_, id_ + "#" + scope);
  by_scope_[scope] = out_.reports.size() - 1;
  Report& r = out_.reports.back();
  r.scope = scope;
  r.issuer = issuer_;
  r.year = year_;
  r.source.url = out_.source;
  return r;
}

bool Sink::filled(const std::string& scope, std::size_t cell) const {
  auto it = by_scope_.find(scope);
  return it != by_scope_.end() && out_.reports[it->second][cell].missing() != Missing::not_stated;
}

bool Sink::place(const std::string& scope, std::size_t cell, const Value& v, const std::string& kind, const std::string& text, std::int64_t pos,
                 const std::string& where, std::string& why, bool from_table) {
  Report& r = report(scope);
  const std::string& key = form_->cells()[cell].key;
  if (r[cell].missing() != Missing::not_stated) {
    bool earlier_from_table = from_table_[{scope, cell}];
    if (r[cell] == v && !(earlier_from_table && !from_table)) return true;
    if (!v.has_number()) {
      why = "the cell already holds " + r[cell].to_string();
      return false;
    }
    // Read twice: the first reading stays in the cell, the second is a stated total the checks compare.
    stated(scope, StatedFigure{StatedKind::total, key, "", v.number(), text, pos}, where);
    return true;
  }
  try {
    r.set(cell, v);
  } catch (const Error& e) {
    why = e.what();
    return false;
  }
  from_table_[{scope, cell}] = from_table;
  out_.placed.push_back({r.id(), key, v, kind, text, pos, where});
  return true;
}

void Sink::stated(const std::string& scope, StatedFigure f, const std::string& where) {
  Report& r = report(scope);
  if (!stated_seen_.emplace(scope, static_cast<int>(f.kind), f.cell, f.base, f.value.units(), f.value.scale()).second) return;
  std::string kind(to_string(f.kind));
  out_.placed.push_back({r.id(), f.cell, Value(f.value), kind == "total" ? "stated_total" : kind, f.text, f.position, where});
  r.add_stated(std::move(f));
}

void Sink::unplaced(const std::string& scope, UnplacedFigure f) {
  Report& r = report(scope);
  f.report = r.id();
  Extra e;
  e.label = f.label.empty() ? "(unlabelled)" : f.label;
  e.value = f.value;
  e.unit = f.unit;
  e.text = f.text;
  e.position = f.position;
  r.add_extra(std::move(e));
  out_.unplaced.push_back(std::move(f));
}

// Final ids: one report keeps the given id; with two scopes each gets its scope as a suffix
// ("qiqihar-2018-region", "qiqihar-2018-own-level") and the narrower points to the region with `within`.
void Sink::finish() {
  if (out_.reports.empty()) report(default_scope_);
  std::string region_id;
  bool several = out_.reports.size() > 1;
  std::map<std::string, std::string> renamed;
  std::vector<Report> final_reports;
  for (const auto& r : out_.reports) {
    std::string id = !several ? id_ : id_ + "-" + replace_all(r.scope, "_", "-");
    renamed[r.id()] = id;
    Report n(form_, id);
    n.issuer = r.issuer;
    n.year = r.year;
    n.scope = r.scope;
    n.source = r.source;
    for (std::size_t c = 0; c < r.values().size(); ++c) n.set(c, r[c]);
    for (const auto& [c, u] : r.unit_overrides()) n.set_unit(form_->cells()[c].key, u);
    for (const auto& s : r.stated()) n.add_stated(s);
    for (const auto& e : r.extras()) n.add_extra(e);
    if (r.scope == default_scope_) region_id = id;
    final_reports.push_back(std::move(n));
  }
  for (auto& r : final_reports)
    if (several && r.scope != default_scope_) r.within = region_id;
  // The region first.
  std::stable_partition(final_reports.begin(), final_reports.end(), [&](const Report& r) { return r.scope == default_scope_; });
  out_.reports = std::move(final_reports);
  for (auto& p : out_.placed) p.report = renamed[p.report];
  for (auto& u : out_.unplaced) u.report = renamed[u.report];
}

}  // namespace detail

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

// The template a page's tables follow (domain.md §2.8), or "" when it has none of their labels.
std::string format_by_labels(const Page& page) {
  std::string all = detail::label_key(page.text);
  if (all.find("本年制发件数") != std::string::npos || all.find("本年废止件数") != std::string::npos) return "template-2021";
  if (all.find("本年新制作数量") != std::string::npos || all.find("本年新公开数量") != std::string::npos) return "template-2019";
  return "";
}

// Without a template table (a copy of a report's prose part only), the year in the title decides:
// reports for 2019 and 2020 follow the 2019 template, later ones the 2021 template.
std::string format_by_year(int year) { return year >= 2021 ? "template-2021" : year >= 2019 ? "template-2019" : "narrative"; }

}  // namespace

std::string detect_format(const Page& page) {
  std::string by_labels = format_by_labels(page);
  if (!by_labels.empty()) return by_labels;
  std::string issuer;
  int year = 0;
  read_title(page, issuer, year);
  return format_by_year(year);
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
  // The template whose labels the page prints, looked for once (a pass over the whole text).
  const std::string by_labels = format_by_labels(page);
  out.format = options.format;
  if (out.format.empty()) {
    out.format = by_labels;
    if (out.format.empty()) {
      out.format = format_by_year(year);
      if (out.format != "narrative")
        out.notes.push_back(page.name + ": no table of the 2019 or 2021 template; read as " + out.format + " by the year in the title, " + std::to_string(year));
    }
  }
  std::string form_key = out.format == "template-2021" ? "ogi2021" : out.format == "template-2019" ? "ogi2019" : out.format == "narrative" ? "ogi2008" : "";
  if (form_key.empty()) throw Error("unknown report format '" + out.format + "' (known: template-2021, template-2019, narrative)");
  const detail::FormIndex& index = detail::builtin_index(form_key);
  // Template tables fill the cells and the prose gives second readings of them (prose against table,
  // domain.md §4.3 E1); where there is no table, the prose is all there is.
  bool prose_fills = out.format == "narrative" || by_labels.empty();
  std::string scope = scope_of(issuer);
  detail::Sink sink(out, index.form_ptr, options.id.empty() ? stem(page.name) : options.id, issuer, year, scope);
  sink.report(scope).source.title = page.title;
  detail::extract_tables(page, index, sink, scope);
  detail::extract_prose(page, index, sink, prose_fills, scope);
  sink.finish();
  return out;
}

Extraction extract_file(const std::string& path, const ExtractOptions& options) { return extract(read_page_file(path), options); }

}  // namespace disclosure::io
