// Statements: the sentences of a report that enumerate a total and its parts ("共收到申请20件，
// 其中当面申请5件，占25%…", "A、B分别为3件、5件"), read from the structure of the sentence — a
// total, an opening word (其中, 分别为, 包括 …), then counts of the same measure, each with the
// share printed after it — not from phrases of one report. Each figure is then linked to the cell
// the prose reader put it in (same position), or to the cells a group heading or a union of
// categories stands for ("不予公开8件" is the sum of the eight reasons of table 三).
#include <algorithm>
#include <unordered_map>

#include "disclosure/forms/synonyms.hpp"
#include "disclosure/io/encoding.hpp"
#include "extract_detail.hpp"

namespace disclosure::io::detail {
namespace {

bool has(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }
bool has_any(std::string_view s, std::initializer_list<std::string_view> ws) {
  return std::any_of(ws.begin(), ws.end(), [&](std::string_view w) { return has(s, w); });
}
std::string squeezed(std::string_view s) { return without(s, " \t\"", {"“", "”", "‘", "’", "《", "》"}); }

// Words that open a list of parts, the complete ones first.
constexpr std::string_view complete_openers[] = {"分别为", "分别是", "分别有", "依次为", "分别占"};
constexpr std::string_view open_openers[] = {"其中", "主要包括", "主要有", "主要为", "包括", "包含", "含"};
// A label with one of these words is a total ("共收到", "累计公开").
constexpr std::string_view total_words[] = {"共", "累计", "合计", "总计", "总数", "总量", "全年"};
// Parts that are channels or platforms: one item is often published through several of them.
constexpr std::string_view channel_words[] = {"网站", "网上", "网页", "微信", "微博", "公开栏", "公告栏", "宣传栏", "公示栏", "公报", "客户端", "新媒体", "平台", "报刊",
                                              "报纸", "广播", "电视", "专栏", "门户", "抖音", "头条", "APP", "app", "媒体", "政务服务网", "栏目"};
// Bases a share may name that are the statement's own total.
constexpr std::string_view own_total_words[] = {"总数", "总体", "总量", "全部", "所有", "总", "全年", "合计", "总计", "比例", "比重", ""};

// The words without their bracketed notes: "微信(含转发)851条" opens no list, but the bracket
// of "94个查阅点(其中县市22个…" is still open: its list is in it.
std::string unbracketed(std::string_view words) {
  std::string out;
  std::size_t open = std::string::npos;
  for (char c : words) {
    if (c == '(') open = out.size();
    if (c == ')' && open != std::string::npos) {
      out.erase(open);
      open = std::string::npos;
      continue;
    }
    out += c;
  }
  return out;
}

// The words open a bracket they do not close.
bool opens_bracket(std::string_view words) { return has(unbracketed(words), "("); }

std::string_view opener_in(std::string_view bracketed, bool& complete) {
  const std::string words = unbracketed(bracketed);
  for (auto w : complete_openers)
    if (has(words, w)) { complete = true; return w; }
  for (auto w : open_openers)
    if (has(words, w)) { complete = false; return w; }
  return {};
}

// The label of a figure: its words back to the previous figure or clause mark, without the words
// that open or join a list.
std::string label_of(std::string context) {
  // A leading item number ("2.", "3、") is the list's, not the label's.
  std::size_t digits = 0;
  while (digits < context.size() && is_digit(context[digits])) ++digits;
  if (digits > 0 && context.compare(digits, 1, ".") == 0) context.erase(0, digits + 1);
  else if (digits > 0 && context.compare(digits, 3, "、") == 0) context.erase(0, digits + 3);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view w : {"其中", ",", ":", ";", "、", "和", "及", "以及", "另有", "另", "还有"})
      if (context.rfind(w, 0) == 0) { context.erase(0, w.size()); again = true; }
    for (std::string_view w : open_openers)
      if (w.size() > 3 && context.rfind(w, 0) == 0) { context.erase(0, w.size()); again = true; }
  }
  for (bool again = true; again;) {
    again = false;
    for (std::string_view w : {"为", "达", "共", "计", "有", "的", "是", "约", "近"})
      if (context.size() > w.size() && context.compare(context.size() - w.size(), w.size(), w) == 0) {
        context.erase(context.size() - w.size());
        again = true;
      }
  }
  return context;
}

// "占总数的", "所占比例为", "占全部申请的" → the base they name ("总数", "", "全部申请").
std::string share_base_words(std::string words) {
  std::size_t at = words.find("占");
  if (at == std::string::npos) return "";
  words = words.substr(at + std::string_view("占").size());
  for (std::string_view w : {"比例为", "比例", "比重为", "比重", "的", "为", "约"}) words = replace_all(words, w, "");
  return words;
}

bool own_total(const std::string& base_words) {
  return std::any_of(std::begin(own_total_words), std::end(own_total_words), [&](std::string_view w) { return base_words == w; });
}

// The noun of a named base: "在主动公开的信息中" → "主动公开".
std::string base_core(std::string words) {
  for (std::string_view w : {"在", "中", "的", "政府信息", "信息", "总数", "总量", "全部", "所有", "各类", "类"}) words = replace_all(words, w, "");
  return words;
}

// A figure of the sentence with its label and page position.
struct Item {
  Figure f;
  std::string label;
  std::int64_t position = -1;
  std::string before;  // the words between the previous figure and this one
  std::size_t paragraph = 0;
};

bool has_share(const Statement& s) {
  return std::any_of(s.parts.begin(), s.parts.end(), [](const StatementItem& p) { return p.share.has_value(); });
}

bool opens_with_total_word(const std::string& label) {
  return std::any_of(std::begin(total_words), std::end(total_words), [&](std::string_view w) { return label.rfind(w, 0) == 0 || has(label, w); });
}

StatementItem item_of(const Item& it) {
  StatementItem s;
  s.label = it.label;
  s.count = it.f.value;
  s.unit = it.f.unit;
  s.approximate = it.f.approximate;
  s.position = it.position;
  return s;
}

// "，占25%", "，所占比例为75%": a share of the figure before; "，政策解读比例为100%" is a rate of
// its own subject.
bool of_figure_before(const std::string& words) {
  std::string tail = words;
  for (std::string_view m : {",", ";", ":", "(", ")"})
    if (std::size_t at = tail.rfind(m); at != std::string::npos) tail = tail.substr(at + m.size());
  if (has(tail, "占")) return true;
  for (std::string_view w : {"比例", "比重"})
    if (tail.rfind(w, 0) == 0) return true;
  return false;
}

// "同比增长10%", "同上年相比，增加6条": the words say a change, not a share or a part.
bool is_change(std::string_view words) {
  return has_any(words, {"同比", "增长", "下降", "增加", "减少", "上升", "较", "比上年", "提高", "同上年", "与上年", "与去年"});
}

// "占25%" after a count is its share; a growth rate ("同比增长10%") is not. Returns whether it was attached.
bool attach_share(Statement& st, const Item& it) {
  const std::string& w = it.before;
  if (!has_any(w, {"占", "比例", "比重"}) || is_change(w) || it.f.approximate || !of_figure_before(w)) return false;
  StatementItem* target = !st.parts.empty() ? &st.parts.back() : st.total ? &*st.total : nullptr;
  if (!target || target->share) return false;
  target->share = it.f.value;
  std::string named = share_base_words(w);
  if (!own_total(named) && st.base_words.empty()) st.base_words = named;
  return true;
}

// A share of the whole ("占总体的72%", "占总数") rather than of the list it stands in.
bool names_whole(const Item& share) {
  std::string named = share_base_words(share.before);
  return !named.empty() && own_total(named) && named != "比例" && named != "比重";
}

// "日均发布量23条": an average, never a part; kept as a statement of its own (connective 日均
// or 月均) of the total it averages: the open statement's total, else the count before it.
std::string_view average_in(const std::string& label) {
  for (std::string_view w : {"日均", "日平均", "平均每天", "平均每日", "每日平均", "每天平均"})
    if (has(label, w)) return "日均";
  for (std::string_view w : {"月均", "月平均", "平均每月", "每月平均"})
    if (has(label, w)) return "月均";
  return {};
}

void rate_of(const Statement& open, const std::vector<Item>& items, std::size_t k, std::string_view per, std::vector<Statement>& out) {
  const Item& avg = items[k];
  if (avg.f.approximate) return;
  Statement s;
  s.connective = std::string(per);
  if (open.total && open.total->count && measure_of(open.total->unit) == measure_of(avg.f.unit)) s.total = *open.total;
  for (std::size_t j = k; !s.total && j-- > 0;)
    if (items[j].f.unit != "%" && items[j].f.unit != "倍" && measure_of(items[j].f.unit) == measure_of(avg.f.unit) && average_in(items[j].label).empty()) s.total = item_of(items[j]);
  if (!s.total) return;
  s.parts.push_back(item_of(avg));
  out.push_back(std::move(s));
}

// The lists of one sentence, figure by figure: a total and its opening word, then its parts; a
// part that opens a list of its own (包括, 其中) and fits within what its total leaves nests, and
// its list ends when its parts make it up exactly ("…发布7287条、包括A12条、B5940条、C1335条、
// 微信公众号936条": the last is the outer list's again).
bool besides(const std::string& words) {
  std::string tail = words;
  for (std::string_view m : {",", ";", ":", "(", ")"})
    if (std::size_t at = tail.rfind(m); at != std::string::npos) tail = tail.substr(at + m.size());
  return tail.rfind("另有", 0) == 0 || tail.rfind("另外", 0) == 0 || tail.rfind("此外", 0) == 0;
}

// The parts' sum, when every one has an exact count.
std::optional<Decimal> counted_sum(const std::vector<StatementItem>& parts) {
  Decimal listed(0);
  for (const auto& p : parts) {
    if (!p.count || p.approximate) return std::nullopt;
    listed = listed + *p.count;
  }
  return listed;
}

class ListBuilder {
public:
  ListBuilder(const std::vector<Item>& items, std::string base_words, std::vector<StatementItem> earlier)
      : items_(items), base_words_(std::move(base_words)), dropped_(std::move(earlier)) {
    st_.base_words = base_words_;
  }

  void add(std::size_t k);
  std::vector<Statement> finish() {
    close();
    return std::move(out_);
  }

private:
  void share(std::size_t k);
  void close_one();
  void end_nested();
  void close();
  void start(StatementItem total, std::string_view opener, bool complete);
  bool fits(const Decimal& value, bool approximate) const;
  void nest(std::size_t k, std::string_view opener, bool complete);
  void part(const Item& it);

  const std::vector<Item>& items_;
  std::string base_words_;
  Statement st_;
  std::optional<Statement> outer_;  // while a part's own list is read
  bool in_bracket_ = false;          // the list being read is in brackets: it ends where they close
  bool outer_in_bracket_ = false;    // and the list it is nested in
  std::vector<StatementItem> dropped_;  // totals closed without parts (and the counts of a sentence a 其中 goes on from), latest last
  bool whole_named_ = false;              // a share of the nested list names the whole
  bool balanced_ = false;                 // the nested list's parts make up its total
  std::string measure_;
  std::vector<Statement> out_;
};

void ListBuilder::add(std::size_t k) {
  const Item& it = items_[k];
  if (outer_ && balanced_ && it.f.unit != "%") end_nested();
  if (in_bracket_ && has(it.before, ")")) {
    if (outer_) end_nested();
    else close();
  }
  if (it.f.unit == "%") return share(k);
  if (it.f.unit == "倍") return;
  if (std::string_view per = average_in(it.label); !per.empty()) return rate_of(st_, items_, k, per, out_);
  bool complete = false;
  std::string_view opener = opener_in(k + 1 < items_.size() ? items_[k + 1].before : "", complete);
  const bool bracketed = !opener.empty() && opens_bracket(items_[k + 1].before);
  if (!opener.empty() && (fits(it.f.value, it.f.approximate) || (bracketed && (st_.total || !st_.parts.empty())))) {
    st_.parts.push_back(item_of(it));
    return nest(k, opener, complete);
  }
  // "另有103件顺延到下年度": besides the list, not in it.
  if (besides(it.before)) close();
  bool starts_total = !opener.empty() || opens_with_total_word(it.label);
  if (starts_total && (!st_.parts.empty() || st_.total)) close();
  if (!st_.total && st_.parts.empty() && starts_total) {
    start(item_of(it), opener, complete);
    in_bracket_ = bracketed;
    return;
  }
  if (measure_.empty()) measure_ = measure_of(it.f.unit);
  // "同上年相比，增加6条" is a change of the total, not one of its parts.
  if (measure_of(it.f.unit) != measure_ || is_change(it.label)) return;
  part(it);
}

// "办复率94.7%，其中予以公开…占56.47%…": a rate whose parts are listed with their shares; else
// the share of the figure before, which may open a list of its own ("业务动态类49条，占98%，
// (其中批复文件36条…)").
void ListBuilder::share(std::size_t k) {
  const Item& it = items_[k];
  bool complete = false;
  std::string_view opener = opener_in(k + 1 < items_.size() ? items_[k + 1].before : "", complete);
  if (outer_ && names_whole(it)) whole_named_ = true;
  if (opener.empty() || has_any(it.before, {"占", "比例", "比重"}) || it.f.approximate) {
    bool attached = attach_share(st_, it);
    if (attached && !opener.empty() && !outer_ && !st_.parts.empty()) {
      StatementItem last = st_.parts.back();
      st_.parts.pop_back();
      if (last.count && (fits(*last.count, last.approximate) || opens_bracket(items_[k + 1].before))) {
        st_.parts.push_back(last);
        nest(k, opener, complete);
      } else {
        st_.parts.push_back(last);
      }
    }
    return;
  }
  close();
  StatementItem rate = item_of(it);
  rate.count.reset();
  rate.share = it.f.value;
  st_.total = rate;
  st_.connective = std::string(opener);
  st_.complete = complete;
  measure_.clear();
}

// The last part opens its own list: the list so far waits in outer_.
void ListBuilder::nest(std::size_t k, std::string_view opener, bool complete) {
  StatementItem total = st_.parts.back();  // with its share of the whole, which its parts' shares make up
  outer_ = std::move(st_);
  st_ = Statement{};
  st_.base_words = base_words_;
  outer_in_bracket_ = in_bracket_;
  in_bracket_ = opens_bracket(items_[k + 1].before);
  whole_named_ = false;
  start(std::move(total), opener, complete);
}

void ListBuilder::start(StatementItem total, std::string_view opener, bool complete) {
  measure_ = measure_of(total.unit);
  st_.total = std::move(total);
  st_.connective = std::string(opener);
  st_.complete = complete;
}

// A part opens a list of its own when its total lists parts of the same measure and it fits in
// what the parts so far leave of that total.
bool ListBuilder::fits(const Decimal& value, bool approximate) const {
  if (!st_.total || !st_.total->count || st_.connective.empty() || st_.total->approximate || approximate) return false;
  auto listed = counted_sum(st_.parts);
  return listed && *listed + value <= *st_.total->count;
}

// A part; a nested list made up exactly by its parts ends, and the outer list goes on.
void ListBuilder::part(const Item& it) {
  st_.parts.push_back(item_of(it));
  if (!outer_ || !st_.total->count) return;
  // Made up exactly: it ends at the next figure that is no share of its last part.
  balanced_ = counted_sum(st_.parts) == *st_.total->count;
}

void ListBuilder::end_nested() {
  // "(其中批复文件36条，占总体的72%…)": shares of the whole, not of the part they are listed under.
  if (whole_named_ && outer_->total && outer_->total->count) {
    st_.base = outer_->total;
    st_.base_words = "总体";
  }
  close_one();
  st_ = std::move(*outer_);
  outer_.reset();
  in_bracket_ = outer_in_bracket_;
  balanced_ = false;
  measure_ = measure_of(st_.total->unit);
}

// A total with an opening word, or parts with shares or a named base: a bare run of counts is no enumeration.
void ListBuilder::close_one() {
  // "共接收申请101件，上年结转1件，其中自然人申请100件、法人1件": parts that overflow their
  // total but fit the total before it, left without parts, are that total's.
  if (st_.total && st_.total->count && !st_.parts.empty()) {
    auto listed = counted_sum(st_.parts);
    for (std::size_t j = dropped_.size(); listed && *listed > *st_.total->count && j-- > 0;)
      if (measure_of(dropped_[j].unit) == measure_of(st_.total->unit) && *listed <= *dropped_[j].count) st_.total = dropped_[j];
  }
  if (st_.total && st_.total->count && !st_.total->approximate && st_.parts.empty()) dropped_.push_back(*st_.total);
  in_bracket_ = false;
  bool enumerates = (st_.total && !st_.connective.empty()) || !st_.base_words.empty() || has_share(st_);
  if (!st_.parts.empty() && st_.parts.size() + (st_.total ? 1 : 0) >= 2 && enumerates) out_.push_back(std::move(st_));
  st_ = Statement{};
  st_.base_words = base_words_;
}

void ListBuilder::close() {
  if (outer_) end_nested();
  close_one();
}

class StatementReader {
public:
  StatementReader(const Page& page, const FormIndex& index, Sink& sink, std::string scope)
      : page_(page), index_(index), sink_(sink), scope_(std::move(scope)) {
    for (std::size_t i = 0; i < sink.extraction().placed.size(); ++i) {
      placed_at_[sink.extraction().placed[i].position].push_back(i);
      placed_sorted_.emplace_back(sink.extraction().placed[i].position, i);
    }
    std::sort(placed_sorted_.begin(), placed_sorted_.end());
  }

  void run() {
    for (std::size_t i = 0; i < page_.paragraphs.size(); ++i) {
      paragraph(i);
      flush();  // a list never goes on into the next paragraph
    }
  }

private:
  void paragraph(std::size_t pi) {
    const std::string& p = page_.paragraphs[pi].text;
    std::vector<Item> items;  // of the sentence being read: a page without full stops stays linear
    std::size_t from = 0, points_at = 0, points = 0, last_end = 0;
    std::string unit;
    while (auto f = next_figure(p, from)) {
      std::string_view gap = std::string_view(p).substr(last_end, f->begin - last_end);
      const bool breaks = has(gap, "。") || has(gap, "!") || has(gap, "?");
      if (f->unit.empty()) {
        if (unit.empty() || breaks) continue;
        f->unit = unit;
      }
      unit = f->unit;
      points += code_points(std::string_view(p).substr(points_at, f->begin - points_at));
      points_at = f->begin;
      // Labels, opening words and named bases stand near the number: the last 240 bytes are kept.
      std::size_t keep = gap.size() > 240 ? gap.size() - 240 : 0;
      while (keep < gap.size() && (static_cast<unsigned char>(gap[keep]) & 0xC0) == 0x80) ++keep;
      Item it{*f, "", page_.paragraphs[pi].position + static_cast<std::int64_t>(points), squeezed(gap.substr(keep)), pi};
      it.label = label_of(clause_tail(it.before));
      last_end = f->end;
      // Sentences end at 。 ! ?; a sentence that opens with 其中 goes on from the one before.
      if (breaks && !items.empty()) end_sentence(items, pi);
      items.push_back(std::move(it));
    }
    if (!items.empty()) end_sentence(items, pi);
  }

  void end_sentence(std::vector<Item>& items, std::size_t pi) {
    sentence(items, pi);
    carried_.reset();
    carried_before_.clear();
    for (const auto& it : items) {
      if (it.f.unit == "%" || it.f.unit == "倍" || it.f.approximate) continue;
      if (carried_) carried_before_.push_back(item_of(*carried_));
      carried_ = it;
    }
    items.clear();
  }

  // The words after the last clause mark: a label never crosses one.
  static std::string clause_tail(std::string words) {
    // "财政决算(部门)2条": a bracketed note before the number stays with the words before it.
    std::string note;
    if (!words.empty() && words.back() == ')') {
      std::size_t open = words.rfind('(');
      if (open != std::string::npos && open > 0) {
        note = words.substr(open);
        words.erase(open);
      }
    }
    return clause_tail_plain(words) + note;
  }

  static std::string clause_tail_plain(const std::string& words) {
    std::size_t cut = 0;
    for (std::string_view m : {"。", ",", ";", ":", "!", "?", "(", ")"}) {
      std::size_t at = words.rfind(m);
      if (at != std::string::npos) cut = std::max(cut, at + m.size());
    }
    return words.substr(cut);
  }

  void sentence(std::vector<Item> items, std::size_t pi) {  // a copy: the carried figure may go in front
    // The words before the sentence's first figure: 其中 continues the sentence before; "在…中" names the base.
    std::string lead = items.front().before;
    if (std::size_t stop = lead.rfind("。"); stop != std::string::npos) lead = lead.substr(stop + std::string_view("。").size());
    std::string base_words;
    if (std::size_t in = lead.find("在"); in != std::string::npos && has(lead.substr(in), "中"))
      base_words = lead.substr(in, lead.find("中", in) + std::string_view("中").size() - in);
    // "其中…" or "在主动公开的信息中，其中…": the parts of the last figure before.
    std::string after_base = base_words.empty() ? lead : lead.substr(lead.find(base_words) + base_words.size());
    while (after_base.rfind(",", 0) == 0) after_base.erase(0, 1);
    // "完成答复54件，转下一年度继续办理3件。其中，…6件": the parts are of the last count, or, when
    // they overflow it, of an earlier one of that sentence.
    std::vector<StatementItem> earlier;
    if (after_base.rfind("其中", 0) == 0 && carried_) {
      items.insert(items.begin(), *carried_);
      earlier = carried_before_;
    }
    ListBuilder lists(items, base_words, std::move(earlier));
    for (std::size_t k = 0; k < items.size(); ++k) lists.add(k);
    std::vector<Statement> out = lists.finish();
    multiples(items, out);
    if (out.empty() && continues_list(items)) {
      for (const auto& it : items) pending_[*last_open_].statement.parts.push_back(item_of(it));
      return;
    }
    flush();
    for (auto& s : out) {
      // "A、B分别为3件、5件": the labels stand before the opening word.
      if (s.complete && s.total && s.parts.size() >= 2) name_parts_listed_before(s, items);
      // The sentence's text is cut from this paragraph: a total carried from the one before is not in it.
      const Item& first = items.front().paragraph == pi ? items.front() : items[std::min<std::size_t>(1, items.size() - 1)];
      pending_.push_back({std::move(s), first.f.begin, items.back().f.end, items.front().position, pi});
    }
    if (!pending_.empty() && !pending_.back().statement.complete && !pending_.back().statement.connective.empty() &&
        pending_.back().statement.total && pending_.back().statement.total->count)
      last_open_ = pending_.size() - 1;
  }

  // "访问量2401次，是上年（1128次）的2.13倍": this year's figure, the multiple, and last year's
  // figure when the sentence gives it.
  void multiples(const std::vector<Item>& items, std::vector<Statement>& out) const {
    const std::string last_year = sink_.year() > 0 ? std::to_string(sink_.year() - 1) + "年" : "上年";
    const std::initializer_list<std::string_view> words = {"上年", "去年", "上一年", "同期", last_year};
    auto is_count = [](const Item& it) { return it.f.unit != "%" && it.f.unit != "倍"; };
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (items[k].f.unit != "倍" || items[k].f.approximate) continue;
      // Back from the multiple to the words that name last year: the counts after them are last
      // year's, the count before them this year's.
      std::size_t named = k + 1;
      for (std::size_t j = k + 1; j-- > 0 && named == k + 1;)
        if (has_any(items[j].before, words)) named = j;
      if (named == k + 1) continue;
      const Item* now = nullptr;
      for (std::size_t j = named; j-- > 0;)
        if (is_count(items[j])) { now = &items[j]; break; }
      if (!now) continue;
      Statement s;
      s.connective = "倍";
      s.multiple = items[k].f.value;
      s.total = item_of(*now);
      for (std::size_t j = named; j < k; ++j)
        if (is_count(items[j]) && measure_of(items[j].f.unit) == measure_of(now->f.unit)) {
          s.parts.push_back(item_of(items[j]));
          break;
        }
      out.push_back(std::move(s));
    }
  }

  // "…其中A2条，B51条。C类46条。": a sentence of nothing but category counts (…类N条) goes on
  // with the open list just before it.
  bool continues_list(const std::vector<Item>& items) const {
    if (!last_open_ || items.empty()) return false;
    const std::string measure = measure_of(pending_[*last_open_].statement.total->unit);
    return std::all_of(items.begin(), items.end(), [&](const Item& it) {
      std::string l = it.label;
      return measure_of(it.f.unit) == measure && !it.f.approximate && l.size() >= 6 && l.compare(l.size() - 3, 3, "类") == 0 && !opens_with_total_word(l);
    });
  }

  // Statements of the last sentence, kept until the next one shows whether it goes on with them.
  struct Pending {
    Statement statement;
    std::size_t first_byte, last_byte;
    std::int64_t position;
    std::size_t paragraph;
  };
  void flush() {
    for (auto& p : pending_) finish(p);
    pending_.clear();
    last_open_.reset();
  }

  void finish(Pending& pending) {
    Statement& s = pending.statement;
    s.overlapping = std::all_of(s.parts.begin(), s.parts.end(), [](const StatementItem& p) {
      return std::any_of(std::begin(channel_words), std::end(channel_words), [&](std::string_view w) { return has(p.label, w); });
    });
    s.position = pending.position;
    s.where = where_paragraph(pending.paragraph);
    const std::string& p = page_.paragraphs[pending.paragraph].text;
    pending.first_byte = std::min(pending.first_byte, p.size());
    pending.last_byte = std::min(pending.last_byte, p.size());
    // The sentence: back to its full stop (at most 400 bytes), on to 40 bytes past its last figure.
    std::size_t window = pending.first_byte > 400 ? pending.first_byte - 400 : 0;
    std::size_t from = std::string_view(p).substr(window, pending.first_byte - window).rfind("。");
    from = from == std::string_view::npos ? window : window + from + std::string_view("。").size();
    while (from < p.size() && (static_cast<unsigned char>(p[from]) & 0xC0) == 0x80) ++from;
    s.text = clip(clip(p.substr(from, std::min(p.size() - from, std::size_t{1200})), std::min(pending.last_byte + 40, p.size()) - from), 400);
    // A named base that is the statement's own total ("累计主动公开…915条。在主动公开的信息中，其中…").
    if (!s.base_words.empty() && s.total && base_core(s.base_words).size() >= 6 && has(s.total->label, base_core(s.base_words))) s.base_words.clear();
    if (!s.base_words.empty()) s.base = named_base(s.base_words, s.position);
    std::string scope = scope_;
    if (s.total) scope = link(*s.total, scope);
    for (auto& part : s.parts) scope = link(part, scope);
    sink_.statement(scope, std::move(s));
  }

  void name_parts_listed_before(Statement& s, const std::vector<Item>& items) {
    for (const auto& it : items) {
      if (it.position != s.parts.front().position) continue;
      std::string words = it.before;
      for (auto w : complete_openers) {
        std::size_t at = words.find(w);
        if (at == std::string::npos) continue;
        std::string names = clause_tail(words.substr(0, at));
        std::vector<std::string> labels;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= names.size();) {
          std::size_t len = 0;
          for (std::string_view sep : {"、", "和", "及", "与"})
            if (names.compare(i, sep.size(), sep) == 0) len = sep.size();
          if (i == names.size() || len) {
            if (i > start) labels.push_back(names.substr(start, i - start));
            start = i + std::max<std::size_t>(len, 1);
            i += std::max<std::size_t>(len, 1);
          } else {
            ++i;
          }
        }
        if (labels.size() == s.parts.size())
          for (std::size_t k = 0; k < labels.size(); ++k) s.parts[k].label = labels[k];
        return;
      }
    }
  }

  // The figure a named base stands for: the latest count before the statement whose label has its noun.
  std::optional<StatementItem> named_base(const std::string& words, std::int64_t before) const {
    std::string core = base_core(words);
    if (core.size() < 6) return std::nullopt;  // two characters at least
    // The latest figures placed before the statement, 200 at most: a base is named near its total.
    auto end = std::lower_bound(placed_sorted_.begin(), placed_sorted_.end(), std::pair<std::int64_t, std::size_t>{before, 0});
    std::size_t looked = 0;
    for (auto it = end; it != placed_sorted_.begin() && looked < 200; ++looked) {
      --it;
      const PlacedFigure& pf = sink_.extraction().placed[it->second];
      if (!pf.value.has_number() || pf.kind == "percentage" || pf.kind == "growth_rate") continue;
      const Cell& cell = index_.form.cell(pf.cell);
      if (!has(label_key(cell.label.zh), core) && !has(pf.text, core)) continue;
      StatementItem b;
      b.label = cell.label.zh;
      b.count = pf.value.number();
      b.link = {pf.cell};
      b.link_basis = "label";
      b.position = pf.position;
      return b;
    }
    return std::nullopt;
  }

  // Links an item to the cell the prose reader placed at its position, else to a group or union
  // its words name; returns the scope of the report it went to.
  std::string link(StatementItem& item, const std::string& scope) {
    auto it = placed_at_.find(item.position);
    if (it != placed_at_.end())
      for (auto i : it->second) {
        const PlacedFigure& pf = sink_.extraction().placed[i];
        if (pf.kind != "cell" && pf.kind != "stated_total") continue;
        if (!pf.value.has_number() || !item.count || !(pf.value.number() == *item.count)) continue;
        item.link = {pf.cell};
        item.link_basis = "label";
        std::size_t hash = pf.report.find('#');
        return hash == std::string::npos ? scope : pf.report.substr(hash + 1);
      }
    link_by_words(item);
    return scope;
  }

  // The cells a category stands for in its table's total column: its own, or a group heading's rows.
  std::vector<std::string> cells_of(const Category* cat) const {
    std::vector<std::string> out;
    for (const auto& chain : index_.cells) {
      bool total_column = chain.columns.empty() || chain.columns.back()->key == (chain.period_columns ? "year" : "total");
      if (!total_column || std::find(chain.rows.begin(), chain.rows.end(), cat) == chain.rows.end()) continue;
      if (chain.rows.back() == cat || chain.rows.back()->children.empty()) out.push_back(index_.form.cells()[chain.cell].key);
      if (chain.rows.back() == cat) return {out.back()};
    }
    return out;
  }

  // The category whose label ends the words, the longest winning.
  const Category* category_ending(const std::string& words, const std::string& measure) const {
    const Category* best = nullptr;
    std::size_t best_len = 0;
    for (std::size_t at = 0; at < words.size(); ++at) {
      if ((static_cast<unsigned char>(words[at]) & 0xC0) == 0x80) continue;
      auto it = index_.named.find(words.substr(at));
      if (it == index_.named.end()) continue;
      for (const auto* cat : it->second) {
        auto cells = cells_of(cat);
        if (cells.empty() || measure_of(index_.form.cell(cells.front()).unit) != measure) continue;
        if (words.size() - at > best_len) best = cat, best_len = words.size() - at;
      }
      if (best) break;
    }
    return best;
  }

  // A group heading ("不予公开") or a union of categories ("予以公开及部分公开") the words name,
  // or one of the form's synonyms.
  void link_by_words(StatementItem& item) const {
    if (!item.count) return;
    const std::string words = label_key(item.label), measure = measure_of(item.unit);
    std::vector<std::string> pieces;
    std::size_t start = 0;
    for (std::size_t i = 0; i < words.size(); ++i)
      for (std::string_view sep : {"及", "和", "与", "或", "、"})
        if (words.compare(i, sep.size(), sep) == 0) {
          pieces.push_back(words.substr(start, i - start));
          start = i + sep.size();
        }
    pieces.push_back(words.substr(start));
    std::vector<std::string> cells;
    for (const auto& piece : pieces) {
      const Category* cat = piece.empty() ? nullptr : category_ending(piece, measure);
      if (!cat || (pieces.size() == 1 && !cat->derived)) return link_by_synonym(item, words);
      for (auto& c : cells_of(cat)) cells.push_back(std::move(c));
    }
    std::sort(cells.begin(), cells.end());
    bool repeated = std::adjacent_find(cells.begin(), cells.end()) != cells.end();
    if (repeated || cells.empty()) return;  // two words for one category is no union
    item.link = cells;
    item.link_basis = pieces.size() > 1 ? "union" : "group";
  }

  void link_by_synonym(StatementItem& item, const std::string& words) const {
    for (const auto& syn : forms::synonyms(index_.form.key()))
      if (std::all_of(syn.words.begin(), syn.words.end(), [&](const std::string& w) { return has(words, w); }) && index_.form.find(syn.cell)) {
        item.link = {syn.cell};
        item.link_basis = "synonym";
        return;
      }
  }

  const Page& page_;
  const FormIndex& index_;
  Sink& sink_;
  std::string scope_;
  std::unordered_map<std::int64_t, std::vector<std::size_t>> placed_at_;
  std::vector<std::pair<std::int64_t, std::size_t>> placed_sorted_;  // (position, index in placed)
  std::optional<Item> carried_;  // the last count of the sentence before, for a 其中 that opens one
  std::vector<StatementItem> carried_before_;  // and its other counts
  std::vector<Pending> pending_;  // statements of the paragraph, finished at its end
  std::optional<std::size_t> last_open_;  // in pending_: the paragraph's last open list (其中 …), which a sentence of categories may go on
};

}  // namespace

void extract_statements(const Page& page, const FormIndex& index, Sink& sink, const std::string& scope) {
  StatementReader(page, index, sink, scope).run();
}

}  // namespace disclosure::io::detail
