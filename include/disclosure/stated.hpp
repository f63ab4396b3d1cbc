#pragma once
// Checks of the figures a report states about its own cells: percentages against their counts
// (under the rounding convention the report itself follows, inferred from all of its
// percentages), percentages computed on another base than the one stated, totals stated twice
// (prose against table), and stated shares of a partition that do not add up to 100.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "disclosure/derive.hpp"
#include "disclosure/finding.hpp"
#include "disclosure/report.hpp"
#include "disclosure/rounding.hpp"

namespace disclosure {

// The convention a report's percentages follow, and how many of them it explains.
struct PercentConvention {
  RoundingPolicy policy;
  std::size_t fitted = 0;  // stated percentages this convention reproduces
  std::size_t total = 0;   // stated percentages that could be recomputed
  friend bool operator==(const PercentConvention&, const PercentConvention&) = default;
};

namespace detail {

// Does `stated` (printed with its own decimals) equal 100·part/base under `policy`? Printing may
// drop trailing zeros ("8.9" for 8.90), never digits.
inline bool fits(Decimal stated, Decimal part, Decimal base, RoundingPolicy policy) {
  if (base == Decimal(0) || stated.scale() > policy.decimals) return false;
  auto p = percent_if_representable(part, base, policy);
  return p && *p == stated;
}

inline bool fits_any(Decimal stated, Decimal part, Decimal base) {
  for (int d = std::max(0, stated.scale()); d <= 4; ++d)
    for (Rounding m : {Rounding::half_up, Rounding::truncate})
      if (fits(stated, part, base, {d, m})) return true;
  return false;
}

inline std::string pct(Decimal d) { return d.to_string() + "%"; }

// A stated percentage whose recomputation passes 2^53 units (a part many times its base): an
// arithmetic limit, so the finding is an ERROR with its reason, not a throw.
inline Finding percent_beyond(Finding f, Decimal part, Decimal base) {
  f.status = Status::error;
  f.message = {"无法核对：" + part.to_string() + "/" + base.to_string() + "的百分比超出支持的范围（2^53）。",
               "Cannot evaluate: the percentage " + part.to_string() + "/" + base.to_string() + " is beyond the supported magnitude 2^53."};
  return f;
}

}  // namespace detail

namespace detail {

// The policy (decimals 0–4; half-up or truncation) that reproduces most of (stated, part, base);
// ties go to rounding, then to fewer decimals. Empty when there is nothing to recompute.
inline std::optional<PercentConvention> best_fit(const std::vector<std::tuple<Decimal, Decimal, Decimal>>& figures) {
  if (figures.empty()) return std::nullopt;
  int min_decimals = 0;
  for (const auto& [v, p, b] : figures) min_decimals = std::max(min_decimals, v.scale());
  std::optional<PercentConvention> best;
  for (Rounding mode : {Rounding::half_up, Rounding::truncate})
    for (int d = min_decimals; d <= 4; ++d) {
      PercentConvention c{{d, mode}, 0, figures.size()};
      for (const auto& [v, p, b] : figures) c.fitted += fits(v, p, b, c.policy);
      if (!best || c.fitted > best->fitted) best = c;
    }
  return best;
}

inline std::optional<RoundingPolicy> best_convention(const std::vector<std::tuple<Decimal, Decimal, Decimal>>& figures) {
  auto c = best_fit(figures);
  return c ? std::optional<RoundingPolicy>(c->policy) : std::nullopt;
}

}  // namespace detail

// The convention that reproduces most of the report's stated percentages (see detail::best_fit).
inline std::optional<PercentConvention> infer_percent_convention(const Report& report) {
  const Form& form = report.form();
  const Derived derived = derive_subtotals(report);
  std::vector<std::tuple<Decimal, Decimal, Decimal>> figures;  // stated, part, base
  for (const auto& s : report.stated()) {
    if (s.kind != StatedKind::percentage || s.base.empty()) continue;
    auto part = number_or_derived(report, derived, form.index(s.cell));
    auto base = number_or_derived(report, derived, form.index(s.base));
    if (part && base && !(*base == Decimal(0))) figures.emplace_back(s.value, *part, *base);
  }
  return detail::best_fit(figures);
}

namespace detail {

// The statement part that prints this percentage of its cell, if any.
inline const Statement* statement_of_share(const Report& report, const StatedFigure& s) {
  for (const auto& st : report.statements())
    for (const auto& p : st.parts)
      if (p.share && *p.share == s.value && p.link.size() == 1 && p.link.front() == s.cell) return &st;
  return nullptr;
}

// How sure the base of a stated percentage is. A hand-entered one (no position in a text) and one
// whose sentence states that base as its total are certain; one the reader chose (the cell's
// parent, or the last total before it) is a reading. One whose sentence gives another base is
// judged with its statement (statement_checks.hpp), not here.
enum class BaseCertainty : unsigned char { certain, reading, judged_by_statement };
inline BaseCertainty base_certainty(const Report& report, const StatedFigure& s) {
  if (s.position < 0) return BaseCertainty::certain;
  const Statement* st = statement_of_share(report, s);
  if (!st) return BaseCertainty::reading;
  const std::optional<StatementItem>& base = st->base_words.empty() ? st->total : st->base;
  if (!base || !base->count) return BaseCertainty::reading;  // the sentence gives no base of its own
  if (base->link.size() == 1 && base->link.front() == s.base) return BaseCertainty::certain;
  return BaseCertainty::judged_by_statement;
}

}  // namespace detail

// Findings for every stated figure of the report, plus one for its percentage convention.
// `equalities` (the report's rules, optional) lets a total stated in the text be checked against
// the parts of each equality it heads.
inline std::vector<Finding> check_stated(const Report& report, const std::vector<Rule>& equalities = {}) {
  const Form& form = report.form();
  const Derived derived = derive_subtotals(report);
  std::vector<Finding> out;
  auto cell_value = [&](const std::string& key) { return number_or_derived(report, derived, form.index(key)); };
  auto label = [&](const std::string& key) -> const Label& { return form.cell(key).label; };
  auto base_finding = [&](const std::string& rule, Severity severity, BasisKind basis, const std::string& note) {
    Finding f;
    f.report = report.id();
    f.rule = rule;
    f.severity = severity;
    f.basis = {basis, note};
    return f;
  };

  const auto convention = infer_percent_convention(report);

  // Percentages, one finding each.
  std::vector<std::string> truncated_cells;
  std::vector<Suggestion> truncations;
  auto truncation = [&](const StatedFigure& s, Decimal rounded) {
    return Suggestion{s.cell, Value(s.value), rounded, SlipKind::truncated_percentage,
                      {"所述" + detail::pct(s.value) + "是截断的结果，四舍五入应为" + detail::pct(rounded) + "。",
                       "The stated " + detail::pct(s.value) + " is truncated; rounded it would be " + detail::pct(rounded) + "."}};
  };
  for (const auto& s : report.stated()) {
    if (s.kind != StatedKind::percentage) continue;
    const auto certainty = detail::base_certainty(report, s);
    if (certainty == detail::BaseCertainty::judged_by_statement) continue;
    Finding f = base_finding("percent:" + s.cell, Severity::error, BasisKind::heuristic,
                             "a stated percentage equals 100·part/base under the report's rounding convention");
    f.cells = {{s.cell, Side::rhs, report.at(s.cell)}};
    if (!s.base.empty()) f.cells.push_back({s.base, Side::rhs, report.at(s.base)});
    f.lhs = s.value;
    auto part = cell_value(s.cell);
    auto base = s.base.empty() ? std::nullopt : cell_value(s.base);
    if (!part || !base || *base == Decimal(0)) {
      f.status = Status::not_assessable;
      f.message = {"无法核对所述百分比" + detail::pct(s.value) + "：" + (s.base.empty() ? std::string("未说明基数") : "分子或基数没有数值或为0") + "。",
                   "Not assessable: the stated " + detail::pct(s.value) + " has " + (s.base.empty() ? std::string("no stated base") : "no number, or 0, for its part or base") + "."};
      out.push_back(std::move(f));
      continue;
    }
    RoundingPolicy policy = convention ? convention->policy : RoundingPolicy{s.value.scale(), Rounding::half_up};
    if (s.value.scale() > policy.decimals) policy.decimals = s.value.scale();
    if (!percent_if_representable(*part, *base, {std::max(4, policy.decimals), Rounding::half_up})) {
      out.push_back(detail::percent_beyond(std::move(f), *part, *base));
      continue;
    }
    // A report that states its base twice (prose 1913, table 739) may take shares of either.
    std::string base_note_zh, base_note_en;
    for (const auto& t : report.stated())
      if (t.kind == StatedKind::total && t.cell == s.base && !(t.value == *base) && !detail::fits_any(s.value, *part, *base) &&
          detail::fits_any(s.value, *part, t.value)) {
        base_note_zh = "（以文中所述" + t.value.to_string() + "为基数，而非" + base->to_string() + "）";
        base_note_en = " (of the " + t.value.to_string() + " stated in the text, not " + base->to_string() + ")";
        base = t.value;
      }
    Decimal computed = percent(*part, *base, policy);
    f.rhs = computed;
    f.difference = s.value - computed;
    f.tolerance = Decimal(0, policy.decimals);
    f.rounding = policy;
    const std::string exact = part->to_string() + "/" + base->to_string() + " = " + percent(*part, *base, {4, Rounding::truncate}).to_string() + "…%";
    // A figure printed with fewer decimals than the report's convention ("73%" among "6.95%") is
    // judged at its own precision, in the same mode.
    if (!detail::fits(s.value, *part, *base, policy) && s.value.scale() < policy.decimals &&
        detail::fits(s.value, *part, *base, {s.value.scale(), policy.mode})) {
      policy.decimals = s.value.scale();
      computed = percent(*part, *base, policy);
      f.rhs = computed;
      f.difference = s.value - computed;
      f.tolerance = Decimal(0, policy.decimals);
      f.rounding = policy;
    }
    if (detail::fits(s.value, *part, *base, policy)) {
      f.status = Status::pass;
      if (policy.mode == Rounding::truncate && !(percent(*part, *base, {policy.decimals, Rounding::half_up}) == s.value)) {
        truncated_cells.push_back(s.cell);
        truncations.push_back(truncation(s, percent(*part, *base, {policy.decimals, Rounding::half_up})));
      }
      f.message = {"所述" + detail::pct(s.value) + "与" + exact + "相符（" + std::to_string(policy.decimals) + "位小数，" + (policy.mode == Rounding::truncate ? "截断" : "四舍五入") + "）" + base_note_zh + "。",
                   "The stated " + detail::pct(s.value) + " agrees with " + exact + " (" + std::to_string(policy.decimals) + " decimals, " + std::string(to_string(policy.mode)) + ")" + base_note_en + "."};
    } else if (detail::fits_any(s.value, *part, *base)) {
      // Right under another rounding than the report's own: worth a warning, not an error.
      if (s.value.scale() < policy.decimals) {
        policy.decimals = s.value.scale();  // say what the report's rule gives at the printed precision
        computed = percent(*part, *base, policy);
        f.rhs = computed;
        f.difference = s.value - computed;
        f.tolerance = Decimal(0, policy.decimals);
        f.rounding = policy;
      }
      f.status = Status::fail;
      f.severity = Severity::warning;
      if (detail::fits(s.value, *part, *base, {policy.decimals, Rounding::truncate}))
        f.suggestions.push_back(truncation(s, percent(*part, *base, {policy.decimals, Rounding::half_up})));
      f.message = {"所述" + detail::pct(s.value) + "不符合本报告的取舍规则（" + exact + "，按规则应为" + detail::pct(computed) + "）" + base_note_zh + "。",
                   "The stated " + detail::pct(s.value) + " does not follow the report's own rounding (" + exact + "; by its rule " + detail::pct(computed) + ")" + base_note_en + "."};
    } else {
      f.status = Status::fail;
      // An error only when the base is certain; a base the reader chose is a reading.
      if (certainty == detail::BaseCertainty::reading) f.severity = Severity::warning;
      // Which other cells would make it right? Name them: a wrong base is the usual story.
      std::vector<std::string> bases;
      for (std::size_t c = 0; c < form.size(); ++c) {
        auto b = number_or_derived(report, derived, c);
        if (b && form.cells()[c].key != s.base && form.cells()[c].key != s.cell && form.cells()[c].unit == form.cell(s.base).unit && !(*b == Decimal(0)) &&
            detail::fits_any(s.value, *part, *b))
          bases.push_back(form.cells()[c].key);
      }
      std::string zh = "所述" + detail::pct(s.value) + "与" + exact + "不符，按本报告规则应为" + detail::pct(computed) + "。";
      std::string en = "The stated " + detail::pct(s.value) + " does not agree with " + exact + "; by the report's rule it would be " + detail::pct(computed) + ".";
      for (const auto& t : report.stated())
        if (t.kind == StatedKind::total && t.cell == s.base && !(t.value == *base) && !(t.value == Decimal(0)))
          if (auto other = percent_if_representable(*part, t.value, policy)) {
            zh += "以文中所述" + t.value.to_string() + "为基数则为" + detail::pct(*other) + "，也不相符。";
            en += " Of the " + t.value.to_string() + " stated in the text it would be " + detail::pct(*other) + ", which does not agree either.";
          }
      if (bases.size() == 1) {
        const std::string& b = bases.front();
        zh += "它与以" + label(b).zh + "（" + cell_value(b)->to_string() + "）为基数相符：基数用错了。";
        en += " It fits " + label(b).en + " (" + cell_value(b)->to_string() + ") as the base: the wrong base was used.";
        f.cells.push_back({b, Side::rhs, report.at(b)});
        f.rule = "percent-base:" + s.cell;
        f.severity = Severity::warning;  // which base a share was taken on is a reading
      }
      f.message = {zh, en};
    }
    out.push_back(std::move(f));
  }

  if (convention) {
    Finding f = base_finding("percent:convention", Severity::warning, BasisKind::heuristic,
                             "percentages are rounded half-up (四舍五入); a report that truncates understates its shares");
    f.rounding = convention->policy;
    f.lhs = Decimal(static_cast<std::int64_t>(convention->fitted));
    f.rhs = Decimal(static_cast<std::int64_t>(convention->total));
    const std::string rule = std::to_string(convention->policy.decimals) + " decimals, " + std::string(to_string(convention->policy.mode));
    const std::string counts = std::to_string(convention->fitted) + "/" + std::to_string(convention->total);
    for (const auto& c : truncated_cells) f.cells.push_back({c, Side::lhs, report.at(c)});
    f.suggestions = truncations;
    if (convention->policy.mode == Rounding::truncate && !truncated_cells.empty()) {
      f.status = Status::fail;
      std::string zh, en;
      for (const auto& c : truncated_cells)
        for (const auto& s : report.stated())
          if (s.kind == StatedKind::percentage && s.cell == c) {
            zh += (zh.empty() ? "" : "、") + detail::pct(s.value);
            en += (en.empty() ? "" : ", ") + detail::pct(s.value);
          }
      f.message = {"本报告的百分比是截断而非四舍五入（" + std::to_string(convention->policy.decimals) + "位小数，" + counts + "项相符）；截断改变了：" + zh + "。",
                   "The report truncates its percentages instead of rounding them (" + rule + ", " + counts + " fit); truncation changed " + en + "."};
    } else {
      f.status = Status::pass;
      f.message = {"本报告的百分比取舍规则：" + std::to_string(convention->policy.decimals) + "位小数，" + (convention->policy.mode == Rounding::truncate ? "截断" : "四舍五入") + "（" + counts + "项相符）。",
                   "The report's percentages follow " + rule + " (" + counts + " fit)."};
    }
    out.push_back(std::move(f));
  }

  // A figure that equals a whole side of an equality its cell is a term of: "收到申请75件" in the
  // prose where the table gives 本年新收 74 and 上年结转 1 (一 + 二 = 三 + 四) counts both together.
  auto whole_side = [&](std::size_t cell, Decimal value) -> std::optional<std::pair<std::vector<std::size_t>, Label>> {
    for (const auto& rule : equalities) {
      if (rule.comparison != Comparison::equal) continue;
      for (const auto* side : {&rule.lhs, &rule.rhs}) {
        if (side->size() < 2 || std::find(side->begin(), side->end(), cell) == side->end()) continue;
        Decimal sum(0);
        bool all = true;
        for (auto c : *side) {
          auto v = number_or_derived(report, derived, c);
          auto next = v ? add_if_representable(sum, *v) : std::nullopt;
          if (!next) { all = false; break; }  // no number, or a sum past 2^53 that no figure equals
          sum = *next;
        }
        if (all && sum == value) return std::pair{*side, side == &rule.lhs ? rule.lhs_text : rule.rhs_text};
      }
    }
    return std::nullopt;
  };

  // Totals stated twice: the prose figure against the cell (often the table's).
  for (const auto& s : report.stated()) {
    if (s.kind != StatedKind::total) continue;
    Finding f = base_finding("stated-total:" + s.cell, Severity::error, BasisKind::heuristic, "a figure stated twice in one report has one value");
    f.cells = {{s.cell, Side::rhs, report.at(s.cell)}};
    f.lhs = s.value;
    auto v = cell_value(s.cell);
    if (!v) {
      f.status = Status::not_assessable;
      f.message = {"无法核对：" + label(s.cell).zh + "没有数值。", "Not assessable: no number for " + label(s.cell).en + "."};
    } else {
      f.rhs = *v;
      f.difference = s.value - *v;
      f.status = s.value == *v ? Status::pass : Status::fail;
      f.message = f.status == Status::pass
                      ? Label{label(s.cell).zh + "两处所述一致：" + v->to_string() + "。", label(s.cell).en + ": stated twice, both " + v->to_string() + "."}
                      : Label{label(s.cell).zh + "一处为" + s.value.to_string() + "（“" + s.text + "”），另一处为" + v->to_string() + "。",
                              label(s.cell).en + ": " + s.value.to_string() + " in one place (\"" + s.text + "\"), " + v->to_string() + " in another."};
      if (auto side = f.status == Status::fail ? whole_side(form.index(s.cell), s.value) : std::nullopt) {
        // Not a wrong number but a wider one: the text counts together what the table keeps apart.
        f.severity = Severity::warning;
        std::string zh_terms, en_terms;
        // The side's other cells are named in the message, not added to the evidence: they are no
        // terms of this comparison.
        for (auto c : side->first) {
          const std::string& key = form.cells()[c].key;
          std::string v_text = number_or_derived(report, derived, c)->to_string();
          zh_terms += (zh_terms.empty() ? "" : " + ") + label(key).zh + v_text;
          en_terms += (en_terms.empty() ? "" : " + ") + label(key).en + " " + v_text;
        }
        std::string zh_side = side->second.zh.empty() ? "" : "“" + side->second.zh + "”：";
        std::string en_side = side->second.en.empty() ? "" : " (" + side->second.en + ")";
        f.message.zh += "文中的" + s.value.to_string() + "等于" + zh_side + zh_terms + "，似将其合计表述。";
        f.message.en += " The text's " + s.value.to_string() + " is the whole side" + en_side + ": " + en_terms + "; it seems to count them together.";
      }
    }
    out.push_back(std::move(f));
  }

  // A total stated in the text (and differing from the cell) against the parts it should sum.
  for (const auto& s : report.stated()) {
    if (s.kind != StatedKind::total) continue;
    auto cell = form.index(s.cell);
    auto v = cell_value(s.cell);
    if (v && *v == s.value) continue;  // the rule on the cell says it already
    for (const auto& rule : equalities) {
      if (rule.comparison != Comparison::equal || rule.lhs.size() != 1 || rule.lhs.front() != cell) continue;
      Finding f = base_finding("stated-total-parts:" + rule.id, rule.severity, rule.basis.kind, rule.basis.note);
      Decimal sum(0);
      std::size_t stated_parts = 0;
      bool beyond = false;  // the parts sum past 2^53
      for (auto p : rule.rhs) {
        f.cells.push_back({form.cells()[p].key, Side::rhs, report[p]});
        auto pv = number_or_derived(report, derived, p);
        if (pv) {
          auto next = add_if_representable(sum, *pv);
          beyond = beyond || !next;
          if (next) sum = *next;
          ++stated_parts;
        }
      }
      f.lhs = s.value;
      if (beyond) {
        f.status = Status::error;
        f.message = {"无法核对：" + label(s.cell).zh + "的分项合计超出支持的范围（2^53）。",
                     "Cannot evaluate: the parts of " + label(s.cell).en + " sum beyond the supported magnitude 2^53."};
        out.push_back(std::move(f));
        continue;
      }
      if (v && stated_parts > 0 && sum == *v) continue;  // the parts agree with the cell: the stated-total finding says it all
      if (stated_parts == 0) {
        f.status = Status::not_assessable;
        f.message = {"无法核对：" + label(s.cell).zh + "的分项都没有数值。", "Not assessable: no part of " + label(s.cell).en + " has a number."};
      } else {
        f.rhs = sum;
        f.difference = s.value - sum;
        f.status = s.value == sum ? Status::pass : Status::fail;
        f.message = f.status == Status::pass
                        ? Label{"文中所述" + label(s.cell).zh + s.value.to_string() + "，与各分项合计相符。", "The " + label(s.cell).en + " stated in the text (" + s.value.to_string() + ") equals the sum of its parts."}
                        : Label{"文中所述" + label(s.cell).zh + s.value.to_string() + "，但各分项合计" + sum.to_string() + "，相差" + f.difference->to_string() + "。",
                                "The " + label(s.cell).en + " stated in the text is " + s.value.to_string() + ", but its parts sum to " + sum.to_string() + "."};
      }
      out.push_back(std::move(f));
    }
  }

  // Shares of one base that together should make 100.
  std::map<std::string, std::map<std::string, Decimal>> by_base;
  for (const auto& s : report.stated())
    if (s.kind == StatedKind::percentage && !s.base.empty()) by_base[s.base][s.cell] = s.value;
  for (const auto& [base, stated] : by_base) {
    const Breakdown* bd = form.row_partition(form.index(base));
    if (!bd) continue;
    // Cover the base with stated shares: a part with no stated share is expanded into its own
    // parts; a part with no number counts as 0%; any other part leaves the partition uncovered.
    std::vector<std::string> used;
    bool covered = true;
    std::vector<std::size_t> todo(bd->parts.rbegin(), bd->parts.rend());
    while (!todo.empty() && covered) {
      std::size_t p = todo.back();
      todo.pop_back();
      const std::string& key = form.cells()[p].key;
      if (stated.count(key)) { used.push_back(key); continue; }
      auto v = cell_value(key);
      if (!v || *v == Decimal(0)) continue;
      const Breakdown* sub = form.row_partition(p);
      if (!sub) covered = false;
      else todo.insert(todo.end(), sub->parts.rbegin(), sub->parts.rend());
    }
    if (!covered || used.size() < 2) continue;
    Finding f = base_finding("percent-sum:" + base, Severity::warning, BasisKind::heuristic, "the shares of a partition add up to 100% within their rounding");
    Decimal sum(0);
    int scale = 0;
    for (const auto& k : used) {
      sum = sum + stated.at(k);
      scale = std::max(scale, stated.at(k).scale());
      f.cells.push_back({k, Side::lhs, report.at(k)});
    }
    RoundingPolicy policy = convention ? convention->policy : RoundingPolicy{scale, Rounding::half_up};
    // Each truncated share can be up to one unit of its last decimal low; each rounded one half a
    // unit either way.
    const auto n = static_cast<std::int64_t>(used.size());
    const Decimal hundred(100);
    f.tolerance = policy.mode == Rounding::truncate ? Decimal(n, policy.decimals) : Decimal(5 * n, policy.decimals + 1);
    const bool ok = policy.mode == Rounding::truncate ? (sum <= hundred && hundred - sum <= f.tolerance)
                                                      : (sum - hundred <= f.tolerance && hundred - sum <= f.tolerance);
    f.lhs = sum;
    f.rhs = hundred;
    f.difference = sum - hundred;
    f.rounding = policy;
    f.status = ok ? Status::pass : Status::fail;
    f.message = ok ? Label{label(base).zh + "的各项占比合计" + detail::pct(sum) + "，在取舍误差内等于100%。",
                           "The shares of " + label(base).en + " add up to " + detail::pct(sum) + ", 100% within rounding."}
                   : Label{label(base).zh + "的各项占比合计" + detail::pct(sum) + "，与100%相差超出取舍误差（" + f.tolerance.to_string() + "个百分点）。",
                           "The shares of " + label(base).en + " add up to " + detail::pct(sum) + ", further from 100% than rounding allows (" + f.tolerance.to_string() + " points)."};
    out.push_back(std::move(f));
  }
  clear_sides_if_not_assessable(out);
  return out;
}

}  // namespace disclosure
