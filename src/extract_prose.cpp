// Prose to cells. A figure is a number with a unit ("123件", "37.68万元", "49.79%", "80余万人");
// dates, numbering and codes have none and are passed over. The words before it, back to the
// last clause mark, name it: the longest label or alias of a cell found there, with only filler
// words ("达到", "的", "共") between it and the number, decides the cell. A total whose label is
// qualified by other words ("区直各部门主动公开政府信息1592条") is not the total: it goes to a part
// the qualifier names, or stays unplaced. "占…%" after a figure is its stated share, "同比增加…%"
// its stated growth. Scope words (市本级, 本行政区域, 全市) switch the report a figure goes to,
// until the next section heading.
#include <algorithm>
#include <cstring>
#include <set>
#include <unordered_map>

#include "disclosure/forms/prose.hpp"
#include "disclosure/io/encoding.hpp"
#include "extract_detail.hpp"

namespace disclosure::io::detail {
namespace {

bool starts_at(std::string_view s, std::size_t i, std::string_view p) { return s.substr(i, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

// Clause marks; "、" is not one, it joins the words of a label ("政策、规范性文件类信息").
bool clause_mark_before(std::string_view s, std::size_t i, std::size_t& len) {
  for (std::string_view m : {",", ";", ":", "!", "?", "。", "\n", "(", ")"}) {
    if (i >= m.size() && s.substr(i - m.size(), m.size()) == m) {
      len = m.size();
      return true;
    }
  }
  return false;
}

// "同比", "较上年", "比去年", or "较2022年" in a report for 2023: a comparison with the year before.
bool against_last_year(std::string_view c, int report_year) {
  for (std::string_view w : {"同比", "比上年", "较上年", "比去年", "较去年", "比上一年", "较上一年"})
    if (c.find(w) != std::string_view::npos) return true;
  if (report_year <= 0) return false;
  std::string last = std::to_string(report_year - 1) + "年";
  return c.find("比" + last) != std::string_view::npos || c.find("较" + last) != std::string_view::npos;
}

std::string squeeze(std::string_view s) { return without(s, " \t\"", {"“", "”", "‘", "’", "《", "》"}); }

// Words that may stand between a label and its number, or before a total's label.
const std::vector<std::string_view>& gap_words() {
  static const std::vector<std::string_view> w = {"达到", "共计", "合计", "总计", "累计", "总数", "数量", "总量", "共有", "分别", "案件", "为", "达", "共", "计", "数", "量", "的", "有", "是", "约", "近"};
  return w;
}
const std::vector<std::string_view>& prefix_words() {
  static const std::vector<std::string_view> w = {
      "本行政区域内", "本行政区域", "在", "市本级", "县本级", "区本级", "本级", "全市", "全区", "全县", "全省", "全州", "全旗", "全镇", "全乡", "我区", "我市", "我县",
      "本机关", "本单位", "本部门", "本局", "本委", "本办", "本厅", "本乡", "本镇", "本院", "全年", "本年度", "本年", "今年", "年内", "当年", "年度", "其中", "含", "共计", "共", "累计", "合计", "总计", "已", "有", "发生", "承接",
      "接收", "收到", "受理", "办理", "完成", "新增", "因", "依申请公开", "政府信息公开", "有效", "各类", "的", "年", "内", "以来", "一共", "全部", "涉及", "了",
      "通过", "对外"};
  return w;
}

// Strips the listed words from the front (prefix) or back of s; true if nothing else is left.
bool only_words(std::string s, const std::vector<std::string_view>& words, bool from_front) {
  for (bool again = true; again && !s.empty();) {
    again = false;
    // A year ("2018年") counts as a filler too.
    if (from_front && s.size() >= 4 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3])) {
      s.erase(0, 4);
      again = true;
      continue;
    }
    // The issuer speaking of itself: 我局, 我委, 我乡 … (我 and one character).
    if (from_front && s.size() >= 6 && s.rfind("我", 0) == 0 && (static_cast<unsigned char>(s[3]) & 0xF0) == 0xE0) {
      s.erase(0, 6);
      again = true;
      continue;
    }
    for (auto w : words) {
      if (from_front ? s.rfind(w, 0) == 0 : ends_with(s, w)) {
        if (from_front) s.erase(0, w.size());
        else s.erase(s.size() - w.size());
        again = true;
        break;
      }
    }
  }
  return s.empty();
}

// Section headings ("二、主动公开…", "(三)因政府信息公开…") end a scope.
bool heading_at(std::string_view p, std::size_t i) {
  static const char* numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  std::size_t k = i;
  if (starts_at(p, k, "(")) ++k;
  std::size_t n = 0;
  for (bool more = true; more;) {
    more = false;
    for (const char* d : numerals)
      if (starts_at(p, k + n, d)) { n += std::strlen(d); more = true; break; }
  }
  if (n == 0) return false;
  if (k > i) return starts_at(p, k + n, ")");
  return starts_at(p, k + n, "、");
}

struct ScopeWord {
  std::string_view word;
  const char* scope;
};
constexpr ScopeWord scope_words[] = {{"市本级", "own_level"}, {"县本级", "own_level"}, {"区本级", "own_level"}, {"本行政区域", "region"},
                                     {"全市", "region"},      {"全区", "region"},      {"全县", "region"},      {"全省", "region"}};

struct Placed {
  std::size_t cell;
  std::string scope;
  bool total;  // the cell has parts
  std::size_t paragraph;
};

class ProseReader {
public:
  ProseReader(const Page& page, const FormIndex& index, Sink& sink, bool fill_cells, std::string scope)
      : page_(page), index_(index), sink_(sink), anchors_(disclosure::forms::prose_anchors(sink.form().key())), fill_(fill_cells), default_scope_(std::move(scope)), scope_(default_scope_) {
    for (const auto& b : sink.form().breakdowns()) has_parts_.insert(b.parent);
    for (const auto& p : page_.paragraphs)
      for (const auto& w : scope_words)
        own_level_on_page_ = own_level_on_page_ || (std::string_view(w.scope) == "own_level" && p.text.find(w.word) != std::string::npos);
  }

  void run() {
    for (std::size_t i = 0; i < page_.paragraphs.size(); ++i) paragraph(i);
    end_section();
  }

private:
  // The page position of a byte of the current paragraph. Offsets only grow within a paragraph,
  // so code points are counted once, not from the paragraph's start for every figure.
  std::int64_t position_of(std::size_t byte) {
    const std::string& p = page_.paragraphs[paragraph_].text;
    if (byte < counted_bytes_) counted_bytes_ = 0, counted_points_ = 0;
    counted_points_ += code_points(std::string_view(p).substr(counted_bytes_, byte - counted_bytes_));
    counted_bytes_ = byte;
    return page_.paragraphs[paragraph_].position + static_cast<std::int64_t>(counted_points_);
  }

  void paragraph(std::size_t pi) {
    paragraph_ = pi;
    counted_bytes_ = counted_points_ = 0;
    const std::string& p = page_.paragraphs[pi].text;
    std::size_t from = 0, scanned = 0;
    std::size_t last_end = 0;
    if (heading_at(p, 0)) end_section();
    std::string sentence_unit;  // the unit of the last figure in the current sentence
    std::size_t sentence_unit_end = 0;
    while (auto f = next_figure(p, from)) {
      if (f->unit.empty()) {
        // A bare number takes the unit of the figure before it in the same sentence, or is no figure.
        if (sentence_unit.empty() || std::string_view(p).substr(sentence_unit_end, f->begin - sentence_unit_end).find("。") != std::string_view::npos) continue;
        f->unit = sentence_unit;
        f->unit_inherited = true;
      }
      sentence_unit = f->unit;
      sentence_unit_end = f->end;
      scan_words(p, scanned, f->begin);
      scanned = f->end;
      // The clause: back to the last clause mark or the previous figure.
      // A label is never long: the clause is cut at 240 bytes, so a page without clause marks stays linear.
      std::size_t lowest = std::max(last_end, f->begin > 240 ? f->begin - 240 : std::size_t{0});
      // "主动公开政府信息(公文平台发文)113条": a bracketed note between a label and its number is
      // passed over, as a trailing note is in a table's labels.
      std::size_t label_end = f->begin;
      if (label_end > lowest && p[label_end - 1] == ')') {
        std::size_t open = p.rfind('(', label_end - 1);
        if (open != std::string::npos && open > lowest && p.find(')', open) == label_end - 1) label_end = open;
      }
      std::size_t start = label_end;
      while (start > lowest) {
        std::size_t len = 0;
        if (clause_mark_before(p, start, len)) break;
        --start;
        while (start > lowest && (static_cast<unsigned char>(p[start]) & 0xC0) == 0x80) --start;
      }
      while (start < label_end && (static_cast<unsigned char>(p[start]) & 0xC0) == 0x80) ++start;  // never mid-character
      f->context = relative_years(squeeze(std::string_view(p).substr(start, label_end - start)));
      while (f->context.rfind("、", 0) == 0) f->context.erase(0, 3);
      std::string clause(std::string_view(p).substr(start, f->end - start));
      std::int64_t pos = position_of(f->begin);
      figure(*f, clause, pos, pi);
      last_end = f->end;
    }
    scan_words(p, scanned, p.size());
  }

  // The report's neighbouring years in the words of the form: in a report for 2023, "2022年结转"
  // is 上年结转 and "结转至2024年" 结转至下年度.
  std::string relative_years(std::string context) const {
    if (sink_.year() <= 0) return context;
    context = replace_all(context, std::to_string(sink_.year() - 1) + "年度", "上年度");
    context = replace_all(context, std::to_string(sink_.year() - 1) + "年", "上年");
    context = replace_all(context, std::to_string(sink_.year() + 1) + "年度", "下年度");
    return replace_all(context, std::to_string(sink_.year() + 1) + "年", "下年度");
  }

  // Words between figures: headings end a section; scope words switch the scope; readings such as
  // "全部予以答复" are noted.
  void scan_words(const std::string& p, std::size_t from, std::size_t to) {
    std::string_view s = std::string_view(p).substr(from, to - from);
    words_position_ = position_of(from);
    // One pass, in order: a heading ends the section (and its scope), a scope word switches it.
    for (std::size_t i = 0; i < s.size(); ++i) {
      unsigned char b = static_cast<unsigned char>(s[i]);
      if ((b & 0xC0) == 0x80) continue;  // inside a character
      bool boundary = i > 0 && (s[i - 1] == ')' || s[i - 1] == ' ' || s[i - 1] == ';' || s[i - 1] == ':' || (i >= 3 && starts_at(s, i - 3, "。")));
      if (boundary && (b == '(' || b >= 0xE4) && heading_at(s, i)) end_section();
      if (b >= 0xE4)
        for (const auto& w : scope_words)
          if (static_cast<char>(b) == w.word[0] && starts_at(s, i, w.word)) scope_ = w.scope;
    }
    std::string words = squeeze(s);
    auto has = [&](std::string_view w) { return words.find(w) != std::string::npos; };
    if ((has("全部") || has("均已")) && (has("答复") || has("回复") || has("办结"))) {
      all_answered_ = clip(words, 120);
      all_answered_position_ = words_position_;
      all_answered_where_ = where_paragraph(paragraph_);
    }
    if (has("全部公开") || has("已全部在")) imply(anchors_.all_issued, anchors_.all_disclosed, words);
    zero_readings(words);
  }

  void imply(const std::string& from_key, const std::string& to_key, const std::string& words) {
    if (!last_ || sink_.form().cells()[last_->cell].key != from_key) return;
    auto to = sink_.form().find(to_key);
    if (!to || sink_.filled(last_->scope, *to)) return;
    const Report& r = sink_.report(last_->scope);
    std::string why;
    sink_.place(last_->scope, *to, r[last_->cell], "reading", clip(words, 120), words_position_, where_paragraph(paragraph_), why);
    last_.reset();
  }

  // The sentence of `words` (between "。" marks) in which `w` first stands; empty if it does not.
  static std::string sentence_with(const std::string& words, std::string_view w) {
    std::size_t at = words.find(w);
    if (at == std::string::npos) return "";
    std::size_t begin = words.rfind("。", at);
    begin = begin == std::string::npos ? 0 : begin + std::string_view("。").size();
    std::size_t end = words.find("。", at);
    return words.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  }

  // "未收到…申请" is 0 requests; "没有发生被依法纠错" is 0 of that category; "无涉及收费和减免" is no fees.
  void zero_readings(const std::string& words) {
    auto zero = [&](const std::string& key, const std::string& text) {
      auto c = sink_.form().find(key);
      if (!c) return;
      std::string why;
      Value v(Decimal(0));
      if (sink_.filled(scope_, *c)) {
        // Said in words and printed in a table: the words are a stated total the checks compare.
        sink_.stated(scope_, StatedFigure{StatedKind::total, key, "", Decimal(0), text, words_position_}, where_paragraph(paragraph_));
        return;
      }
      if (fill_) sink_.place(scope_, *c, v, "reading", text, words_position_, where_paragraph(paragraph_), why);
    };
    auto has = [&](std::string_view w) { return words.find(w) != std::string::npos; };
    std::string text = clip(words, 150);
    if ((has("未收到") || has("没有收到") || has("未接到")) && has("申请")) {
      std::size_t at = has("未收到") ? words.find("未收到") : has("没有收到") ? words.find("没有收到") : words.find("未接到");
      std::string after = clip(words.substr(at, 300), 150);
      std::size_t cut = after.find("。");
      if (cut != std::string::npos) after = after.substr(0, cut);
      if (after.find("复议") == std::string::npos && after.find("诉讼") == std::string::npos) zero(anchors_.requests, after);
    }
    if ((has("没有发生") || has("未发生")) && has("纠错") && last_ && !anchors_.corrected.empty()) {
      std::string table = sink_.form().tables()[sink_.form().cells()[last_->cell].table].key;
      zero(table + "." + anchors_.corrected, text);
    }
    if ((has("无涉及收费") || has("未收取")) && has("减免")) {
      zero(anchors_.fees_collected, text);
      zero(anchors_.fees_waived, text);
    } else if (auto sentence = sentence_with(words, "收取"); !sentence.empty()) {
      // "对依申请提供政府信息未收取检索、复印、邮寄等费用": no fees charged (and nothing said of waivers).
      std::size_t at = sentence.find("收取");
      std::string before = sentence.substr(0, at);
      bool negated = before.find("未") != std::string::npos || before.find("没有") != std::string::npos || before.find("不") != std::string::npos;
      if (negated && sentence.find("费", at) != std::string::npos) zero(anchors_.fees_collected, clip(sentence, 150));
    }
  }

  void end_section() {
    // "全部予以答复": every request of the section answered.
    if (!all_answered_.empty()) {
      auto req = sink_.form().find(anchors_.requests), resp = sink_.form().find(anchors_.answered);
      for (const auto& s : section_request_scopes_)
        if (req && resp && !sink_.filled(s, *resp) && sink_.filled(s, *req)) {
          std::string why;
          sink_.place(s, *resp, sink_.report(s)[*req], "reading", all_answered_, all_answered_position_, all_answered_where_, why);
        }
    }
    all_answered_.clear();
    section_request_scopes_.clear();
    scope_ = default_scope_;
    last_total_.clear();
    last_.reset();
  }

  struct Candidate {
    std::size_t cell;
    std::size_t row_len, col_len, depth;
    std::size_t label_begin, label_end;
  };

  // Every cell of the figure's measure whose row (and column) labels the context names.
  std::vector<Candidate> labelled_cells(const std::string& c, const std::string& measure, const Category* subject_row) const {
    // 累计 is to date, but 全年累计, 本年累计 and 2018年累计 are the year's.
    bool cumulative = c.find("累计") != std::string::npos && !this_year(c);
    // The longest label of a category in the context, looked up once per category.
    struct Hit {
      std::size_t len = 0, begin = 0, end = 0;
    };
    std::unordered_map<const Category*, Hit> hits;
    auto best = [&](const Category* cat, std::size_t& b, std::size_t& e) {
      auto [it, fresh] = hits.try_emplace(cat);
      if (fresh)
        for (const auto& v : index_.keys.at(cat)) {
          std::size_t at = c.rfind(v);
          if (at != std::string::npos && v.size() > it->second.len) it->second = {v.size(), at, at + v.size()};
        }
      b = it->second.begin;
      e = it->second.end;
      return it->second.len;
    };
    std::vector<Candidate> found;
    for (const auto& chain : index_.cells) {
      if (chain.measure != measure) continue;
      std::size_t rb = 0, re = 0, cb = 0, ce = 0;
      std::size_t row_len = best(chain.rows.back(), rb, re);
      if (row_len == 0) {
        // "办复率100%" after "人大代表建议179件": the row is the sentence's subject.
        if (!subject_row || chain.rows.back() != subject_row) continue;
        rb = re = 0;
      }
      std::size_t col_len = 0;
      if (chain.period_columns) {
        if ((chain.columns.back()->key == "cumulative") != cumulative) continue;
      } else if (!chain.columns.empty()) {
        col_len = best(chain.columns.back(), cb, ce);
        // A row of a two-way table named without a column is the row's total: "收到政府信息公开申请75件"
        // is 本年新收 in the 总计 column of table 三, "行政复议案件2件" the 总计 of table 四.
        if (col_len == 0 && (chain.columns.size() != 1 || row_len == 0)) continue;
      }
      if (row_len == 0 && col_len == 0) continue;
      std::size_t label_begin = row_len ? rb : cb, label_end = std::max(re, ce);
      if (col_len && row_len) label_begin = std::min(rb, cb);
      found.push_back({chain.cell, row_len, col_len, chain.rows.size(), label_begin, label_end});
    }
    return found;
  }

  // The cell whose labels the context names, or nullopt with a reason.
  std::optional<Candidate> match(const Figure& f, std::string& why, const Placed* subject) {
    const std::string& c = f.context;
    const std::string measure = measure_of(f.unit);
    std::vector<Candidate> found = labelled_cells(c, measure, subject ? row_category(subject->cell) : nullptr);
    if (found.empty()) {
      why = "no cell label in '" + c + "'";
      return std::nullopt;
    }
    // Only labels that end where the number begins (but for filler words) name it.
    std::string first_gap = c.substr(found.front().label_end);
    // "政府网站公开政府信息30447条": the words of the part's own total may stand between as well.
    std::erase_if(found, [&](const Candidate& x) { return !only_words(c.substr(x.label_end), gap_words(), true) && !names_parent(x.cell, c.substr(x.label_end)); });
    if (found.empty()) {
      why = "other words ('" + first_gap + "') between the label and the number";
      return std::nullopt;
    }
    // A bare word of two characters ("办结171件", "受理", "咨询") names a cell only after a figure of
    // the same table ("受理审批事项117件，办结171件"), or with a unit that cell alone takes ("咨询…人次"):
    // "按时办结987件" in a paragraph on requests is no count of administrative approvals.
    constexpr std::size_t bare_word = 6;  // bytes: two CJK characters in UTF-8
    std::string bare = c.substr(found.front().label_begin, found.front().label_end - found.front().label_begin);
    std::erase_if(found, [&](const Candidate& x) {
      if (x.row_len > bare_word || x.col_len > bare_word) return false;
      bool same_table = subject && sink_.form().cells()[x.cell].table == sink_.form().cells()[subject->cell].table;
      return !same_table && measure == "count";
    });
    if (found.empty()) {
      why = "only the bare word '" + bare + "' names it, and no figure of its table comes before it";
      return std::nullopt;
    }
    // "总数1873条，其中主动公开政府信息425条": after 其中, a part of the figure before it.
    auto part_of_subject = [&](std::size_t cell) {
      if (!subject || c.rfind("其中", 0) != 0) return false;
      const auto& ps = index_.parents[cell];
      return std::find(ps.begin(), ps.end(), subject->cell) != ps.end();
    };
    auto better = [&](const Candidate& a, const Candidate& b) {
      if (a.row_len + a.col_len != b.row_len + b.col_len) return a.row_len + a.col_len > b.row_len + b.col_len;
      if (part_of_subject(a.cell) != part_of_subject(b.cell)) return part_of_subject(a.cell);
      return a.depth < b.depth;  // the same words name a total before a part of another table
    };
    std::stable_sort(found.begin(), found.end(), better);
    if (found.size() > 1 && !better(found[0], found[1])) {
      // Tied labels: the table of the sentence's previous figure decides (其他情形 after 行政诉讼).
      std::vector<Candidate> same;
      if (subject)
        for (const auto& x : found)
          if (!better(found[0], x) && sink_.form().cells()[x.cell].table == sink_.form().cells()[subject->cell].table) same.push_back(x);
      if (same.size() != 1) {
        why = "the words fit " + sink_.form().cells()[found[0].cell].key + " and " + sink_.form().cells()[found[1].cell].key + " alike";
        return std::nullopt;
      }
      found = same;
    }
    return found[0];
  }

  // The words before 累计 name the year: 全年, 本年, 年度, 今年, or the report's own year.
  bool this_year(const std::string& c) const {
    std::string before = c.substr(0, c.find("累计"));
    for (std::string_view w : {"全年", "本年", "年度", "今年", "当年"})
      if (before.find(w) != std::string::npos) return true;
    return sink_.year() > 0 && before.find(std::to_string(sink_.year()) + "年") != std::string::npos && before.find("截至") == std::string::npos &&
           before.find("截止") == std::string::npos;
  }

  // The issuer speaking of itself: its name or the end of it ("安镇街道" of 锡山区安镇街道办事处), or
  // the bare word for its kind of office (街道, 镇, 乡), with time and filler words around.
  bool self_reference(std::string words) const {
    for (std::string_view w : {"2", "0", "1", "3", "4", "5", "6", "7", "8", "9"}) words = replace_all(words, w, "");
    for (std::string_view w : {"年度", "年", "共计", "共", "全年", "累计", "本", "我", "的", "在"}) words = replace_all(words, w, "");
    if (words.empty()) return true;
    for (std::string_view w : {"街道", "镇", "乡", "区", "县", "市", "局", "委", "办", "中心", "街道办事处", "办事处"})
      if (words == w) return true;
    const std::string& issuer = sink_.issuer();
    return words.size() >= 6 && issuer.find(words) != std::string::npos;
  }

  // Are `words` (filler aside) part of the label of a total the cell is a part of?
  bool names_parent(std::size_t cell, std::string words) const {
    for (auto w : gap_words())
      if (words.size() > w.size() && words.compare(words.size() - w.size(), w.size(), w) == 0) words.erase(words.size() - w.size());
    if (words.size() < 9) return false;  // three characters at least
    for (auto parent : index_.parents[cell])
      for (const auto& v : index_.keys.at(row_category(parent)))
        if (v.find(words) != std::string::npos) return true;
    return false;
  }

  const Category* row_category(std::size_t cell) const { return index_.cells[index_.chain_of[cell]].rows.back(); }

  void figure(Figure& f, const std::string& clause, std::int64_t pos, std::size_t pi) {
    std::string where = where_paragraph(pi);
    auto unplace = [&](const std::string& why) {
      std::string label = f.context;
      sink_.unplaced(scope_, {"", label, f.number, Value(f.value), f.unit, clause, pos, where, why});
    };
    for (const auto& w : scope_words)
      if (f.context.find(w.word) != std::string::npos) scope_ = w.scope;
    const Placed* subject = last_ && last_->paragraph == pi ? &*last_ : nullptr;
    if (f.unit == "%") {
      std::string c = f.context;
      bool share = c.empty() || c.rfind("占", 0) == 0 || c.rfind("约占", 0) == 0 || c == "比例为" || c == "占比";
      bool up = c.find("增加") != std::string::npos || c.find("增长") != std::string::npos || c.find("上升") != std::string::npos || c.find("提高") != std::string::npos;
      bool down = c.find("下降") != std::string::npos || c.find("减少") != std::string::npos || c.find("降低") != std::string::npos;
      bool growth = against_last_year(c, sink_.year()) && (up || down);
      if ((share || growth) && subject && !f.approximate) {
        const std::string& key = sink_.form().cells()[subject->cell].key;
        if (share) {
          std::string base = base_of(subject->cell, subject->scope);
          if (base.empty()) return unplace("a share, but of which total is not said");
          sink_.stated(subject->scope, StatedFigure{StatedKind::percentage, key, base, f.value, clause, pos}, where);
        } else {
          Decimal v = down ? Decimal(-f.value.units(), f.value.scale()) : f.value;
          sink_.stated(subject->scope, StatedFigure{StatedKind::growth_rate, key, "", v, clause, pos}, where);
        }
        return;
      }
      if (share || growth) return unplace(share ? "a share of a figure that was not placed" : "a growth rate of a figure that was not placed");
    }
    if (f.approximate) return unplace("an approximate figure (约/近/余/多/以上) is not a cell's count");
    if (f.context.find("截至") != std::string::npos || f.context.find("以来") != std::string::npos)
      if (f.context.find("累计") == std::string::npos) return unplace("a figure to date, not the year's");
    std::string why;
    auto m = match(f, why, subject);
    if (!m) {
      last_.reset();
      if (f.unit_inherited) return;  // a bare number no label names is not taken for a figure
      return unplace(why);
    }
    std::size_t cell = m->cell;
    bool total = has_parts_.count(cell) > 0;
    // Words before a total's label that are neither scope, time nor verbs qualify it: a part, not the total.
    std::string prefix = f.context.substr(0, m->label_begin);
    if (total && !only_words(prefix, prefix_words(), true) && !self_reference(prefix)) {
      // "区直各部门主动公开政府信息1592条": the qualifier names a part of the total (公开主体).
      auto part = part_named(cell, prefix);
      if (!part) {
        last_.reset();
        return unplace("the label of " + sink_.form().cells()[cell].key + " is qualified by '" + prefix + "'");
      }
      cell = *part;
      total = false;
    }
    std::string scope = scope_;
    const std::string& key = sink_.form().cells()[cell].key;
    // Suggestions and proposals are handled by the government itself (承办), never summed over a region.
    if (own_level_on_page_ && std::any_of(anchors_.own_level_tables.begin(), anchors_.own_level_tables.end(),
                                          [&](const std::string& t) { return key.rfind(t + ".", 0) == 0; }))
      scope = "own_level";
    if (!fill_ && !sink_.filled(scope, cell)) return unplace("the template's tables, not its prose, fill the cells");
    if (!sink_.place(scope, cell, Value(f.value), "cell", clause, pos, where, why)) return unplace(why);
    last_ = Placed{cell, scope, total, pi};
    if (total && !is_part(cell)) last_total_[scope] = cell;
    if (!anchors_.requests.empty() && key == anchors_.requests) section_request_scopes_.insert(scope);
  }

  // The one part of `total` (same column) whose label is in `words`, the longest label winning.
  std::optional<std::size_t> part_named(std::size_t total, const std::string& words) const {
    const CellChain* whole = &index_.cells[index_.chain_of[total]];
    std::optional<std::size_t> found;
    std::size_t best = 0;
    bool tie = false;
    for (const auto& chain : index_.cells) {
      if (chain.cell == total || chain.rows.size() <= whole->rows.size() || chain.rows[whole->rows.size() - 1] != whole->rows.back() ||
          chain.columns != whole->columns)
        continue;
      for (const auto& v : index_.keys.at(chain.rows.back())) {
        if (words.find(v) == std::string::npos || v.size() < best) continue;
        tie = v.size() == best && found && *found != chain.cell;
        if (v.size() > best) tie = false;
        best = v.size();
        found = chain.cell;
      }
    }
    if (tie) return std::nullopt;
    return found;
  }

  bool is_part(std::size_t cell) const { return !index_.parents[cell].empty(); }

  // A share's base: the total the cell is a part of, when the report gives it; else the last total
  // stated before it in the section ("共接收…247件…属于已主动公开范围的130件，占52.63%").
  std::string base_of(std::size_t cell, const std::string& scope) {
    std::optional<std::size_t> parent = index_.share_parent[cell];
    if (parent && sink_.filled(scope, *parent)) return sink_.form().cells()[*parent].key;
    auto it = last_total_.find(scope);
    if (it != last_total_.end() && it->second != cell) return sink_.form().cells()[it->second].key;
    return parent ? sink_.form().cells()[*parent].key : "";
  }

  const Page& page_;
  const FormIndex& index_;
  Sink& sink_;
  const disclosure::forms::ProseAnchors& anchors_;  // the cells set phrases fill, the form's own
  bool fill_;
  std::string default_scope_, scope_;
  std::set<std::size_t> has_parts_;
  bool own_level_on_page_ = false;  // the page speaks of 市本级/县本级: suggestions go to that report
  std::optional<Placed> last_;
  std::map<std::string, std::size_t> last_total_;
  std::string all_answered_, all_answered_where_;
  std::int64_t all_answered_position_ = -1;
  std::size_t paragraph_ = 0;            // the paragraph being read
  std::size_t counted_bytes_ = 0, counted_points_ = 0;
  std::int64_t words_position_ = -1;     // where the words being scanned start
  std::set<std::string> section_request_scopes_;
};

}  // namespace

void extract_prose(const Page& page, const FormIndex& index, Sink& sink, bool fill_cells, const std::string& scope) {
  ProseReader(page, index, sink, fill_cells, scope).run();
}

}  // namespace disclosure::io::detail
