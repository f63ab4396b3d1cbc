#pragma once
// Checks of what a report's text enumerates (statement.hpp), each a small table of its own: the
// parts against their total, a part listed twice, each share against its count over the
// statement's base (under the rounding the report's shares follow), the shares against 100, and a
// figure against the cells it is linked to by a group heading, a union or a synonym.
//
// Severity follows certainty. Where a statement's figures begin and end (which count is the total,
// which are its parts, which total a share is of) is the reader's reading of the sentence, and on
// reports it was not developed on that reading failed where lists nest (a part's own 包括 list in
// brackets), run on past their total, or number their items: so no statement check is an error.
// A failure the sentence's own arithmetic makes plain is a warning; one that also rests on a
// reading of the words (channels that overlap, a base found by the words that name it, a wrong
// base, a link through a group, union or synonym) is a warning too, said as such in its message.
// An open list (其中, 主要有) that sums below its total is an info note: it names the main items.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "disclosure/derive.hpp"
#include "disclosure/finding.hpp"
#include "disclosure/report.hpp"
#include "disclosure/rounding.hpp"
#include "disclosure/stated.hpp"

namespace disclosure {
namespace detail {

inline std::string quoted(const std::string& s) { return "“" + s + "”"; }
// What a unit measures, for comparing figures: 件, 条, 个 … are all counts.
inline std::string measure_of_unit(const std::string& u) {
  for (const char* c : {"件", "条", "个", "项", "份", "起", "篇", "家", "户", ""})
    if (u == c) return "count";
  return u;
}
inline std::string item_words(const StatementItem& i) { return (i.label.empty() ? std::string("?") : i.label) + (i.count ? i.count->to_string() + i.unit : ""); }

// The most a statement check may say (see above).
inline constexpr Severity statement_severity = Severity::warning;

inline Finding statement_finding(const Report& r, const std::string& rule, Severity severity, const std::string& note) {
  Finding f;
  f.report = r.id();
  f.rule = rule;
  f.severity = severity;
  f.basis = {BasisKind::heuristic, note};
  return f;
}

inline void add_link_evidence(const Report& r, const StatementItem& item, Side side, Finding& f) {
  for (const auto& key : item.link) f.cells.push_back({key, side, r.at(key)});
}

// The rounding a report's shares follow, from its statements: the convention that reproduces most.
inline std::optional<RoundingPolicy> statement_convention(const Report& r) {
  std::vector<std::tuple<Decimal, Decimal, Decimal>> figures;
  for (const auto& s : r.statements()) {
    const StatementItem* base = s.base ? &*s.base : s.total ? &*s.total : nullptr;
    if (!base || !base->count || *base->count == Decimal(0)) continue;
    for (const auto& p : s.parts)
      if (p.share && p.count) figures.emplace_back(*p.share, *p.count, *base->count);
  }
  return best_convention(figures);
}

// Every part has a share and together they make 100 within rounding (half a unit of the last
// printed digit each).
// The parts' links cover a partition of the form, all of its parts and nothing else: the text
// lists every category (予以公开或部分公开、不予公开、无法提供、不予处理、其他处理 are all outcomes).
inline const Breakdown* partition_covered(const Report& r, const Statement& s) {
  std::vector<std::size_t> linked;
  for (const auto& p : s.parts) {
    if (p.link.empty()) return nullptr;
    for (const auto& key : p.link) linked.push_back(r.form().index(key));
  }
  std::sort(linked.begin(), linked.end());
  linked.erase(std::unique(linked.begin(), linked.end()), linked.end());
  for (const auto& b : r.form().breakdowns()) {
    if (b.relation != Relation::partition || b.along_columns || b.parts.size() != linked.size()) continue;
    std::vector<std::size_t> parts = b.parts;
    std::sort(parts.begin(), parts.end());
    if (parts == linked) return &b;
  }
  return nullptr;
}
inline bool covers_partition(const Report& r, const Statement& s) { return partition_covered(r, s) != nullptr; }

inline bool shares_make_whole(const Statement& s) {
  if (s.parts.size() < 2) return false;
  Decimal sum(0);
  int scale = 0;
  for (const auto& p : s.parts) {
    if (!p.share) return false;
    sum = sum + *p.share;
    scale = std::max(scale, p.share->scale());
  }
  const Decimal tolerance(static_cast<std::int64_t>(s.parts.size()), scale);  // a unit each: rounding or truncation
  return !(Decimal(100) - sum > tolerance) && !(sum - Decimal(100) > tolerance);
}

// Figures the prose reader put in cells by their labels are judged there, by the form's rules and
// the stated-figure checks; a statement check on them would say the same thing twice.
inline bool in_cell(const StatementItem& i) { return i.link_basis == "label" && i.link.size() == 1; }
inline bool judged_by_cells(const Statement& s) {
  return (!s.total || in_cell(*s.total)) && std::all_of(s.parts.begin(), s.parts.end(), in_cell);
}
inline bool share_judged_by_cell(const Report& r, const StatementItem& p) {
  if (!in_cell(p) || !p.share) return false;
  return std::any_of(r.stated().begin(), r.stated().end(),
                     [&](const StatedFigure& f) { return f.kind == StatedKind::percentage && f.cell == p.link.front() && f.value == *p.share; });
}

inline void check_statement_sum(const Report& r, const Statement& s, const std::string& id, std::vector<Finding>& out) {
  if (!s.total || !s.total->count || s.parts.empty() || judged_by_cells(s)) return;
  Finding f = statement_finding(r, "statement-sum:" + id, statement_severity, "the parts a sentence lists after its total sum to it (分别为), or at most to it (其中, 包括)");
  // Parts whose printed shares make 100% are presented as the whole, whatever the opening word.
  const bool whole_by_shares = !s.complete && (shares_make_whole(s) || covers_partition(r, s));
  const bool complete = s.complete || whole_by_shares;
  f.comparison = complete ? Comparison::equal : Comparison::less_equal;
  add_link_evidence(r, *s.total, Side::lhs, f);
  Decimal sum(0);
  bool approximate = s.total->approximate;
  std::string zh_parts, en_parts;
  try {
    for (const auto& p : s.parts) {
      if (!p.count) continue;
      sum = sum + *p.count;
      approximate = approximate || p.approximate;
      zh_parts += (zh_parts.empty() ? "" : "、") + item_words(p);
      add_link_evidence(r, p, Side::rhs, f);
    }
  } catch (const Error& e) {
    f.status = Status::error;
    f.message = {std::string("无法核对：") + e.what(), std::string("Could not be evaluated: ") + e.what()};
    out.push_back(std::move(f));
    return;
  }
  en_parts = zh_parts;
  const Decimal total = *s.total->count;
  f.lhs = total;
  f.rhs = sum;
  f.difference = total - sum;
  const std::string head_zh = "文中“" + item_words(*s.total) + "”，所列分项（" + zh_parts + "）合计" + sum.to_string();
  const std::string head_en = "The text's \"" + item_words(*s.total) + "\" lists parts (" + en_parts + ") that sum to " + sum.to_string();
  if (approximate) {
    f.status = Status::not_assessable;
    f.message = {head_zh + "；有约数，无法精确核对。", head_en + "; some figures are approximate, so they cannot be compared exactly."};
  } else if (sum == total || (!complete && sum < total)) {
    // One part of an open list ("答复3050件（含上年度结转34件）") is a subset, not a list of the main parts.
    const bool subset = !complete && s.parts.size() == 1;
    f.status = sum == total || subset ? Status::pass : Status::fail;
    f.severity = f.status == Status::pass ? statement_severity : Severity::info;
    f.message = sum == total ? Label{head_zh + "，与总数相符。", head_en + ", equal to the total."}
                : subset       ? Label{head_zh + "，不超过总数" + total.to_string() + "。", head_en + ", within the total " + total.to_string() + "."}
                             : Label{head_zh + "，少于总数" + total.to_string() + "（相差" + f.difference->to_string() + "）：所列为主要分项，并非全部。",
                                     head_en + ", less than the total " + total.to_string() + " (by " + f.difference->to_string() + "): the list names the main parts, not all."};
  } else {
    f.status = Status::fail;
    const bool over = total < sum;
    f.message = {head_zh + (over ? "，超过" : "，不等于") + "总数" + total.to_string() + "（相差" + (sum - total).to_string() + "）" +
                     (s.overlapping ? "；各分项为发布渠道，同一信息可能多渠道发布。" : "。"),
                 head_en + (over ? ", more than" : ", not") + " the total " + total.to_string() + " (by " + (sum - total).to_string() + ")" +
                     (s.overlapping ? "; the parts are channels, and one item may go out through several." : ".")};
  }
  out.push_back(std::move(f));
}

// A part's name without the words that only say it is information of a kind: 机构职能类信息 is 机构职能.
inline std::string part_name(std::string label) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view w : {"的信息", "类信息", "信息", "类", "的", "方面"})
      if (label.size() > w.size() && label.compare(label.size() - w.size(), w.size(), w) == 0) {
        label.erase(label.size() - w.size());
        again = true;
      }
  }
  return label;
}

inline void check_statement_duplicates(const Report& r, const Statement& s, const std::string& id, std::vector<Finding>& out) {
  for (std::size_t i = 0; i < s.parts.size(); ++i)
    for (std::size_t j = i + 1; j < s.parts.size(); ++j) {
      if (part_name(s.parts[i].label).size() < 6 || part_name(s.parts[i].label) != part_name(s.parts[j].label)) continue;
      Finding f = statement_finding(r, "statement-duplicate:" + id, Severity::warning, "a sentence lists each part once");
      f.status = Status::fail;
      if (s.parts[i].count) f.lhs = *s.parts[i].count;
      if (s.parts[j].count) f.rhs = *s.parts[j].count;
      if (f.lhs && f.rhs) f.difference = *f.lhs - *f.rhs;
      f.message = {"同一句中“" + s.parts[i].label + "”列出两次（" + item_words(s.parts[i]) + "，" + item_words(s.parts[j]) + "）：" + quoted(s.text),
                   "The same sentence lists \"" + s.parts[i].label + "\" twice (" + item_words(s.parts[i]) + ", " + item_words(s.parts[j]) + "): " + quoted(s.text)};
      out.push_back(std::move(f));
      return;
    }
}


inline void name_other_base(const Report& r, const Statement& s, const StatementItem& p, Decimal used, Finding& f);

inline void check_statement_share(const Report& r, const Statement& s, std::size_t i, const std::string& id, const std::optional<RoundingPolicy>& convention,
                                  std::vector<Finding>& out) {
  const StatementItem& p = s.parts[i];
  if (!p.share || !p.count || share_judged_by_cell(r, p)) return;
  const bool named = !s.base_words.empty();
  const StatementItem* base = named ? (s.base ? &*s.base : nullptr) : (s.total ? &*s.total : nullptr);
  Finding f = statement_finding(r, "statement-share:" + id + "." + std::to_string(i + 1), statement_severity,
                                "a share printed after a count is that count over the total its sentence names, else over the sentence's own total");
  f.lhs = *p.share;
  add_link_evidence(r, p, Side::lhs, f);
  const std::string what = quoted(item_words(p) + "，占" + pct(*p.share));
  if (!base || !base->count || *base->count == Decimal(0) || p.approximate || base->approximate) {
    f.status = Status::not_assessable;
    f.message = named ? Label{"无法核对" + what + "：文中所称基数“" + s.base_words + "”未找到确切数字。", "Not assessable: " + what + " is said to be of \"" + s.base_words + "\", which has no exact number in the text."}
                      : Label{"无法核对" + what + "：该句没有确切的总数。", "Not assessable: " + what + " has no exact total in its sentence."};
    out.push_back(std::move(f));
    return;
  }
  if (share_judged_by_cell(r, p)) return;
  add_link_evidence(r, *base, Side::rhs, f);
  RoundingPolicy policy = convention ? *convention : RoundingPolicy{p.share->scale(), Rounding::half_up};
  if (p.share->scale() > policy.decimals || !fits(*p.share, *p.count, *base->count, policy)) policy.decimals = p.share->scale();
  const Decimal count = *p.count, whole = *base->count;
  auto computed = percent_if_representable(count, whole, policy);
  if (!computed) {
    f.status = Status::error;
    f.message = {"无法核对" + what + "：数值超出可计算范围。", "Could not be evaluated: " + what + " is beyond the supported magnitude."};
    out.push_back(std::move(f));
    return;
  }
  f.rhs = *computed;
  f.difference = *p.share - *computed;
  f.rounding = policy;
  f.tolerance = Decimal(0, policy.decimals);
  const std::string exact = count.to_string() + "/" + whole.to_string() + " = " + percent(count, whole, {4, Rounding::truncate}).to_string() + "…%";
  const Decimal rounded = percent(count, whole, {policy.decimals, Rounding::half_up});
  if (fits(*p.share, count, whole, policy) && policy.mode == Rounding::truncate && !(rounded == *p.share)) {
    // Right under the truncation the report's shares follow, but not as rounded (四舍五入).
    f.status = Status::fail;
    f.severity = Severity::warning;
    f.rhs = rounded;
    f.difference = *p.share - rounded;
    f.suggestions.push_back({p.link.size() == 1 ? p.link.front() : "", Value(*p.share), rounded, SlipKind::truncated_percentage,
                             {"所述" + pct(*p.share) + "是截断的结果，四舍五入应为" + pct(rounded) + "。", "The stated " + pct(*p.share) + " is truncated; rounded it would be " + pct(rounded) + "."}});
    f.message = {what + "与" + exact + "截断相符，四舍五入应为" + pct(rounded) + "。", what + " is " + exact + " truncated; rounded it would be " + pct(rounded) + "."};
  } else if (fits(*p.share, count, whole, policy)) {
    f.status = Status::pass;
    f.message = {what + "与" + exact + "相符。", what + " agrees with " + exact + "."};
  } else if (fits_any(*p.share, count, whole)) {
    f.status = Status::fail;
    f.severity = Severity::warning;
    f.message = {what + "不符合本报告其他占比的取舍规则（" + exact + "，按规则应为" + pct(*computed) + "）。",
                 what + " does not follow the rounding of the report's other shares (" + exact + "; by that rule " + pct(*computed) + ")."};
  } else {
    f.status = Status::fail;
    f.message = {what + "与" + exact + "不符，应为" + pct(*computed) + "。", what + " does not agree with " + exact + "; it would be " + pct(*computed) + "."};
    name_other_base(r, s, p, whole, f);
  }
  out.push_back(std::move(f));
}

// A share that another total of the report gives exactly: the wrong base, said as a warning.
inline void name_other_base(const Report& r, const Statement& s, const StatementItem& p, Decimal used, Finding& f) {
  std::vector<Decimal> fitting;
  auto consider = [&](const std::optional<StatementItem>& t) {
    if (t && t->count && !(*t->count == used) && !(*t->count == Decimal(0)) && fits_any(*p.share, *p.count, *t->count) &&
        std::find(fitting.begin(), fitting.end(), *t->count) == fitting.end())
      fitting.push_back(*t->count);
  };
  consider(s.total);
  for (const auto& other : r.statements()) consider(other.total);
  if (fitting.size() != 1) return;
  f.rule = "statement-share-base:" + f.rule.substr(std::string("statement-share:").size());
  f.severity = Severity::warning;
  f.message.zh += "以" + fitting.front().to_string() + "为基数则相符：可能用错了基数。";
  f.message.en += " It fits " + fitting.front().to_string() + " as the base: perhaps the wrong base was used.";
}



inline Decimal distance(Decimal a, Decimal b) { return a < b ? b - a : a - b; }

inline void check_statement_share_sum(const Report& r, const Statement& s, const std::string& id, const std::optional<RoundingPolicy>& convention,
                                      std::vector<Finding>& out) {
  std::vector<Decimal> shares;
  int scale = 0;
  if (std::all_of(s.parts.begin(), s.parts.end(), [&](const StatementItem& p) { return !p.share || share_judged_by_cell(r, p); })) return;
  for (const auto& p : s.parts)
    if (p.share) {
      shares.push_back(*p.share);
      scale = std::max(scale, p.share->scale());
    }
  if (shares.size() < 2) return;
  Finding f = statement_finding(r, "statement-share-sum:" + id, Severity::warning, "the shares of one breakdown add up to at most 100%, and to 100% when it is complete");
  RoundingPolicy policy = convention ? *convention : RoundingPolicy{scale, Rounding::half_up};
  policy.decimals = std::max(policy.decimals, scale);
  const auto n = static_cast<std::int64_t>(shares.size());
  f.tolerance = policy.mode == Rounding::truncate ? Decimal(n, policy.decimals) : Decimal(5 * n, policy.decimals + 1);
  f.rounding = policy;
  // The parts of a rate ("办复率94.7%，其中…占56.47%…") make the rate, not 100%.
  const bool of_rate = s.total && !s.total->count && s.total->share;
  // A total printed with its own share ("业务动态类49条，占98%，(其中批复文件36条，占总体的72%…)"):
  // its parts' shares may be of the whole, and then make up that share.
  Decimal sum(0);
  for (auto v : shares) sum = sum + v;
  const bool of_whole = s.total && s.total->count && s.total->share && distance(sum, *s.total->share) < distance(sum, Decimal(100));
  const Decimal hundred = of_rate || of_whole ? *s.total->share : Decimal(100);
  bool whole = s.complete || covers_partition(r, s) || (s.total && s.total->count && [&] {
                 Decimal c(0);
                 for (const auto& p : s.parts) c = c + p.count.value_or(Decimal(0));
                 return c == *s.total->count;
               }());
  const bool over = sum - hundred > (policy.mode == Rounding::truncate ? Decimal(0) : f.tolerance);
  const bool under = whole && hundred - sum > f.tolerance;
  f.lhs = sum;
  f.rhs = hundred;
  f.difference = sum - hundred;
  f.status = over || under ? Status::fail : Status::pass;
  // Shares of disjoint parts beyond 100% are impossible; of channels, or short of 100, a reading.
  f.message = f.status == Status::pass
                  ? Label{"所列占比合计" + detail::pct(sum) + "，在取舍误差内。", "The listed shares add up to " + detail::pct(sum) + ", within rounding."}
                  : Label{"所列占比合计" + detail::pct(sum) + (over ? "，超过" : "，不足") + detail::pct(hundred) + "（取舍误差" + f.tolerance.to_string() + "个百分点）：" + quoted(s.text),
                          "The listed shares add up to " + detail::pct(sum) + (over ? ", over " : ", short of ") + detail::pct(hundred) + " (rounding allows " + f.tolerance.to_string() +
                              " points): " + quoted(s.text)};
  out.push_back(std::move(f));
}

inline void check_statement_link(const Report& r, const Derived& derived, const StatementItem& item, const std::string& id, std::vector<Finding>& out) {
  if (item.link.empty() || item.link_basis == "label" || !item.count || item.approximate) return;
  Finding f = statement_finding(r, "statement-link:" + id, Severity::warning,
                                "a figure of the text equals the cells its words stand for: a group heading the sum of its rows, a union of categories their sum (" +
                                    item.link_basis + ")");
  add_link_evidence(r, item, Side::rhs, f);
  f.lhs = *item.count;
  Decimal sum(0);
  std::size_t numbers = 0;
  for (const auto& key : item.link) {
    const std::size_t c = r.form().index(key);
    auto v = number_or_derived(r, derived, c);
    if (v) {
      sum = sum + *v;
      ++numbers;
    } else if (r[c].missing() == Missing::not_stated) {
      numbers = 0;  // a cell the report never fills: the table does not say
      break;
    } else {
      f.read_as_zero.push_back(key);
    }
  }
  const std::string what = quoted(item_words(item));
  if (numbers == 0) {
    f.status = Status::not_assessable;
    f.read_as_zero.clear();
    f.message = {"无法核对文中" + what + "：表中对应单元格没有数值。", "Not assessable: the table has no number for the text's " + what + "."};
  } else {
    f.rhs = sum;
    f.difference = *item.count - sum;
    f.status = sum == *item.count ? Status::pass : Status::fail;
    f.message = f.status == Status::pass ? Label{"文中" + what + "与表中合计" + sum.to_string() + "相符。", "The text's " + what + " equals the table's " + sum.to_string() + "."}
                                         : Label{"文中" + what + "，表中对应合计为" + sum.to_string() + "（相差" + f.difference->to_string() + "）。",
                                                 "The text says " + what + "; the table's cells for it sum to " + sum.to_string() + " (difference " + f.difference->to_string() + ")."};
  }
  out.push_back(std::move(f));
}



// Parts that cover a partition of the form state its total: against that cell when the report has
// a number for it ("答复申请20件" stated elsewhere), else against what the form's equalities give it
// from the other cells (一 + 二 − 四 for （七）总计). The links rest on the words: a warning.
inline void check_statement_cover(const Report& r, const Derived& derived, const std::vector<Rule>& equalities, const Statement& s, const std::string& id,
                                  std::vector<Finding>& out) {
  if (s.total && s.total->count) return;  // a stated total: statement-sum compares it
  const Breakdown* b = partition_covered(r, s);
  if (!b || std::any_of(s.parts.begin(), s.parts.end(), [](const StatementItem& p) { return !p.count || p.approximate; })) return;
  Decimal listed(0);
  for (const auto& p : s.parts) listed = listed + *p.count;
  const std::string& key = r.form().cells()[b->parent].key;
  const Label& label = r.form().cells()[b->parent].label;
  Finding f = statement_finding(r, "statement-cover:" + id, Severity::warning, "the parts the text lists cover every category of " + key + ", so they sum to it");
  f.cells.push_back({key, Side::rhs, r[b->parent]});
  f.lhs = listed;
  std::string how_zh, how_en;
  if (auto v = number_or_derived(r, derived, b->parent)) {
    f.rhs = *v;
  } else {
    for (const auto& rule : equalities) {
      if (rule.comparison != Comparison::equal) continue;
      const bool left = std::find(rule.lhs.begin(), rule.lhs.end(), b->parent) != rule.lhs.end();
      const bool right = std::find(rule.rhs.begin(), rule.rhs.end(), b->parent) != rule.rhs.end();
      if (left == right) continue;
      // The sum of a side's cells but the total, when every one has a number.
      auto sum_of = [&](const std::vector<std::size_t>& cells) -> std::optional<Decimal> {
        Decimal sum(0);
        for (auto c : cells) {
          if (c == b->parent) continue;
          auto cell_value = number_or_derived(r, derived, c);
          if (!cell_value) return std::nullopt;
          sum = sum + *cell_value;
        }
        return sum;
      };
      auto other = sum_of(left ? rule.rhs : rule.lhs), same = sum_of(left ? rule.lhs : rule.rhs);
      if (!other || !same) continue;
      f.rhs = *other - *same;
      how_zh = "（按" + rule.id + "推算）";
      how_en = " (by " + rule.id + ")";
      break;
    }
  }
  if (!f.rhs) return;  // nothing to compare with: the statement's own checks say the rest
  f.difference = listed - *f.rhs;
  f.status = listed == *f.rhs ? Status::pass : Status::fail;
  f.message = f.status == Status::pass ? Label{"文中所列各类合计" + listed.to_string() + "，与" + label.zh + f.rhs->to_string() + how_zh + "相符。",
                                               "The categories the text lists sum to " + listed.to_string() + ", equal to " + label.en + " " + f.rhs->to_string() + how_en + "."}
                                       : Label{"文中所列各类合计" + listed.to_string() + "，但" + label.zh + "为" + f.rhs->to_string() + how_zh + "：" + quoted(s.text),
                                               "The categories the text lists sum to " + listed.to_string() + ", but " + label.en + " is " + f.rhs->to_string() + how_en + ": " + quoted(s.text)};
  out.push_back(std::move(f));
}

// a/b at `decimals` decimals, rounded half-up or truncated; nothing when beyond the magnitude.
inline std::optional<Decimal> quotient(Decimal a, Decimal b, int decimals, Rounding mode) {
  if (decimals > 6) return std::nullopt;
  try {
    Fraction f = ratio(a, b);
    detail::int128 n = static_cast<detail::int128>(f.numerator) * Decimal::pow10(decimals), d = f.denominator;
    detail::int128 q = n / d, rest = n % d;
    if (mode != Rounding::truncate && 2 * rest >= d) ++q;
    if (q > Decimal::max_units || q < -Decimal::max_units) return std::nullopt;
    return Decimal(static_cast<std::int64_t>(q), decimals);
  } catch (const Error&) {
    return std::nullopt;
  }
}

// "是上年的N倍": this year's figure over last year's, at the multiple's printed decimals, rounded
// or truncated. Which figures the words compare is a reading: a warning.
inline void check_statement_multiple(const Report& r, const Statement& s, const std::string& id, std::vector<Finding>& out) {
  if (!s.multiple || !s.total || !s.total->count) return;
  Finding f = statement_finding(r, "statement-multiple:" + id, Severity::warning, "a stated multiple is this year's figure over last year's");
  f.lhs = *s.multiple;
  const std::string what = quoted(s.text);
  if (s.parts.empty() || !s.parts.front().count || *s.parts.front().count == Decimal(0)) {
    f.status = Status::not_assessable;
    f.message = {"无法核对倍数" + s.multiple->to_string() + "：该句没有上年的数字。", "Not assessable: the multiple " + s.multiple->to_string() + " has no figure of last year in its sentence."};
    out.push_back(std::move(f));
    return;
  }
  const Decimal now = *s.total->count, before = *s.parts.front().count;
  const int d = s.multiple->scale();
  auto rounded = quotient(now, before, d, Rounding::half_up), truncated = quotient(now, before, d, Rounding::truncate);
  if (!rounded || !truncated) {
    f.status = Status::error;
    f.message = {"无法核对：数值超出可计算范围。", "Could not be evaluated: beyond the supported magnitude."};
    out.push_back(std::move(f));
    return;
  }
  f.rhs = *rounded;
  f.difference = *s.multiple - *rounded;
  f.status = (*rounded == *s.multiple || *truncated == *s.multiple) ? Status::pass : Status::fail;
  const std::string exact = now.to_string() + "/" + before.to_string() + " = " + rounded->to_string();
  f.message = f.status == Status::pass ? Label{"所述倍数" + s.multiple->to_string() + "与" + exact + "相符。", "The stated multiple " + s.multiple->to_string() + " agrees with " + exact + "."}
                                       : Label{"所述倍数" + s.multiple->to_string() + "与" + exact + "不符：" + what, "The stated multiple " + s.multiple->to_string() + " does not agree with " + exact + ": " + what};
  out.push_back(std::move(f));
}

// "日均发布量23条" after "主动公开各类信息8032条" (connective "日均" or "月均"): the one part is
// the total over the days (or months) of the report's year, at the part's printed decimals,
// rounded or truncated. Which total it averages, and over which days, is a reading: a warning.
inline bool is_rate(const Statement& s) { return s.connective == "日均" || s.connective == "月均"; }

inline std::vector<int> periods_of(const Statement& s, int year) {
  if (s.connective == "月均") return {12};
  if (year <= 0) return {365, 366};
  return {(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 366 : 365};
}

inline void check_statement_rate(const Report& r, const Statement& s, const std::string& id, std::vector<Finding>& out) {
  if (!s.total || !s.total->count || s.parts.size() != 1 || !s.parts.front().count || s.total->approximate || s.parts.front().approximate) return;
  const Decimal whole = *s.total->count, stated = *s.parts.front().count;
  Finding f = statement_finding(r, "statement-rate:" + id, Severity::warning, "a daily or monthly average is its total over the days or months of the year");
  f.lhs = stated;
  std::optional<Decimal> nearest;
  int used = 0;
  for (int periods : periods_of(s, r.year)) {
    for (Rounding mode : {Rounding::half_up, Rounding::truncate}) {
      auto q = quotient(whole, Decimal(periods), stated.scale(), mode);
      if (!q) continue;
      if (!nearest || *q == stated) nearest = q, used = periods;
    }
  }
  if (!nearest) {
    f.status = Status::error;
    f.message = {"无法核对：数值超出可计算范围。", "Could not be evaluated: beyond the supported magnitude."};
    out.push_back(std::move(f));
    return;
  }
  f.rhs = *nearest;
  f.difference = stated - *nearest;
  f.status = *nearest == stated ? Status::pass : Status::fail;
  const std::string exact = whole.to_string() + "/" + std::to_string(used) + " = " + nearest->to_string();
  const std::string per_zh = s.connective == "月均" ? "个月" : "天", per_en = s.connective == "月均" ? " months" : " days";
  f.message = f.status == Status::pass
                  ? Label{"所述" + item_words(s.parts.front()) + "与" + exact + "相符。", "The stated " + item_words(s.parts.front()) + " agrees with " + exact + "."}
                  : Label{"所述" + item_words(s.parts.front()) + "与" + exact + "（" + std::to_string(used) + per_zh + "）不符：" + quoted(s.text),
                          "The stated " + item_words(s.parts.front()) + " does not agree with " + exact + " (over " + std::to_string(used) + per_en + "): " + quoted(s.text)};
  out.push_back(std::move(f));
}

// One figure stated twice with two values: the same words and unit in two statements, outside the
// cells (a figure in a cell is checked as a stated total).
inline void check_statement_repeats(const Report& r, std::vector<Finding>& out) {
  std::map<std::pair<std::string, std::string>, const StatementItem*> seen;
  for (const auto& s : r.statements()) {
    if (s.multiple || is_rate(s)) continue;
    std::vector<const StatementItem*> items;
    if (s.total) items.push_back(&*s.total);
    for (const auto& p : s.parts) items.push_back(&p);
    for (const auto* i : items) {
      const std::string name = part_name(i->label);
      if (!i->count || i->approximate || in_cell(*i) || name.size() < 9) continue;
      bool dated = false;
      for (std::string_view w : {"累计", "截至", "历年", "以来", "同比", "上年", "去年", "年底", "月"}) dated = dated || name.find(w) != std::string::npos;
      if (dated) continue;
      auto [it, fresh] = seen.try_emplace({name, measure_of_unit(i->unit)}, i);
      if (fresh || *it->second->count == *i->count) continue;
      Finding f = statement_finding(r, "statement-repeat:" + name, Severity::warning, "a figure stated twice in one report has one value");
      f.status = Status::fail;
      f.lhs = *it->second->count;
      f.rhs = *i->count;
      f.difference = *f.lhs - *f.rhs;
      f.message = {"“" + name + "”一处为" + item_words(*it->second) + "，另一处为" + item_words(*i) + "。",
                   "\"" + name + "\" is " + item_words(*it->second) + " in one place and " + item_words(*i) + " in another."};
      out.push_back(std::move(f));
      it->second = i;
    }
  }
}

}  // namespace detail

namespace detail {

// Every check of one statement.
inline void check_statement(const Report& report, const Derived& derived, const std::vector<Rule>& equalities, const std::optional<RoundingPolicy>& convention,
                            const Statement& s, const std::string& id, std::vector<Finding>& out) {
  if (s.multiple) return check_statement_multiple(report, s, id, out);
  if (is_rate(s)) return check_statement_rate(report, s, id, out);
  check_statement_sum(report, s, id, out);
  check_statement_duplicates(report, s, id, out);
  for (std::size_t i = 0; i < s.parts.size(); ++i) check_statement_share(report, s, i, id, convention, out);
  check_statement_share_sum(report, s, id, convention, out);
  check_statement_cover(report, derived, equalities, s, id, out);
  if (s.total) check_statement_link(report, derived, *s.total, id + ".0", out);
  for (std::size_t i = 0; i < s.parts.size(); ++i) check_statement_link(report, derived, s.parts[i], id + "." + std::to_string(i + 1), out);
}

// An arithmetic limit (a sum past 2^53) makes a check an ERROR finding that says why.
inline Finding beyond_limit(const Report& report, const std::string& rule, const Error& e) {
  Finding f = statement_finding(report, rule, statement_severity, "a statement's figures within the supported magnitude");
  f.status = Status::error;
  f.message = {std::string("无法核对：") + e.what(), std::string("Could not be evaluated: ") + e.what()};
  return f;
}

}  // namespace detail

// Findings for every statement of the report; `equalities` (the report's rules, optional) let parts
// that cover a partition be checked against the total the form's relations give it.
inline std::vector<Finding> check_statements(const Report& report, const std::vector<Rule>& equalities = {}) {
  std::vector<Finding> out;
  const auto convention = detail::statement_convention(report);
  const Derived derived = derive_subtotals(report);
  for (std::size_t n = 0; n < report.statements().size(); ++n) {
    const std::string id = std::to_string(n + 1);
    try {
      detail::check_statement(report, derived, equalities, convention, report.statements()[n], id, out);
    } catch (const Error& e) {
      out.push_back(detail::beyond_limit(report, "statement:" + id, e));
    }
  }
  try {
    detail::check_statement_repeats(report, out);
  } catch (const Error& e) {
    out.push_back(detail::beyond_limit(report, "statement-repeat", e));
  }
  clear_sides_if_not_assessable(out);
  return out;
}

}  // namespace disclosure
