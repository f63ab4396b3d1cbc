#pragma once
// A stated percentage against its counts, under the report's rounding convention: it agrees, it
// follows another rounding (a warning), or it does not agree (and a cell it would fit as its base
// is named: percent-base).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "disclosure/stated/context.hpp"
#include "disclosure/stated/convention.hpp"

namespace disclosure::detail {

// A stated percentage whose recomputation passes 2^53 units (a part many times its base): an
// arithmetic limit, so the finding is an ERROR with its reason, not a throw.
inline Finding percent_beyond(Finding f, Decimal part, Decimal base) {
  f.status = Status::error;
  f.message = {"无法核对：" + part.to_string() + "/" + base.to_string() + "的百分比超出支持的范围（2^53）。",
               "Cannot evaluate: the percentage " + part.to_string() + "/" + base.to_string() + " is beyond the supported magnitude 2^53."};
  return f;
}

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

// The truncated percentages a report's convention finding names, with what rounding would give.
struct Truncations {
  std::vector<std::string> cells;
  std::vector<Suggestion> suggestions;
};

inline Suggestion truncation(const StatedFigure& s, Decimal rounded) {
  return Suggestion{s.cell, Value(s.value), rounded, SlipKind::truncated_percentage,
                    {"所述" + pct(s.value) + "是截断的结果，四舍五入应为" + pct(rounded) + "。",
                     "The stated " + pct(s.value) + " is truncated; rounded it would be " + pct(rounded) + "."}};
}

// One stated percentage being judged: its counts, the policy it is judged under and what that gives.
struct PercentCase {
  const StatedFigure& s;
  Decimal part, base;
  RoundingPolicy policy;
  Decimal computed;
  std::string exact;  // "123/247 = 49.7975…%"
  std::string base_note_zh, base_note_en;

  // Judge at `policy` from now on, and say so on the finding.
  void judge_at(Finding& f, RoundingPolicy p) {
    policy = p;
    computed = percent(part, base, policy);
    f.rhs = computed;
    f.difference = s.value - computed;
    f.tolerance = Decimal(0, policy.decimals);
    f.rounding = policy;
  }
};

inline void percent_agrees(Finding& f, const PercentCase& c, Truncations& truncated) {
  const StatedFigure& s = c.s;
  const RoundingPolicy& policy = c.policy;
  f.status = Status::pass;
  if (policy.mode == Rounding::truncate && !(percent(c.part, c.base, {policy.decimals, Rounding::half_up}) == s.value)) {
    truncated.cells.push_back(s.cell);
    truncated.suggestions.push_back(truncation(s, percent(c.part, c.base, {policy.decimals, Rounding::half_up})));
  }
  f.message = {"所述" + pct(s.value) + "与" + c.exact + "相符（" + std::to_string(policy.decimals) + "位小数，" + (policy.mode == Rounding::truncate ? "截断" : "四舍五入") + "）" + c.base_note_zh + "。",
               "The stated " + pct(s.value) + " agrees with " + c.exact + " (" + std::to_string(policy.decimals) + " decimals, " + std::string(to_string(policy.mode)) + ")" + c.base_note_en + "."};
}

// Right under another rounding than the report's own: worth a warning, not an error.
inline void percent_other_rounding(Finding& f, PercentCase& c) {
  const StatedFigure& s = c.s;
  if (s.value.scale() < c.policy.decimals) c.judge_at(f, {s.value.scale(), c.policy.mode});  // what the report's rule gives at the printed precision
  f.status = Status::fail;
  f.severity = Severity::warning;
  if (fits(s.value, c.part, c.base, {c.policy.decimals, Rounding::truncate}))
    f.suggestions.push_back(truncation(s, percent(c.part, c.base, {c.policy.decimals, Rounding::half_up})));
  f.message = {"所述" + pct(s.value) + "不符合本报告的取舍规则（" + c.exact + "，按规则应为" + pct(c.computed) + "）" + c.base_note_zh + "。",
               "The stated " + pct(s.value) + " does not follow the report's own rounding (" + c.exact + "; by its rule " + pct(c.computed) + ")" + c.base_note_en + "."};
}

// Which other cells of the base's unit would make the stated share right? A wrong base is the usual story.
inline std::vector<std::string> fitting_bases(const StatedContext& ctx, const PercentCase& c) {
  const Form& form = ctx.form;
  std::vector<std::string> bases;
  for (std::size_t i = 0; i < form.size(); ++i) {
    auto b = ctx.value(i);
    const Cell& cell = form.cells()[i];
    if (b && cell.key != c.s.base && cell.key != c.s.cell && cell.unit == form.cell(c.s.base).unit && !(*b == Decimal(0)) && fits_any(c.s.value, c.part, *b))
      bases.push_back(cell.key);
  }
  return bases;
}

inline void percent_disagrees(Finding& f, const StatedContext& ctx, const PercentCase& c, BaseCertainty certainty) {
  const StatedFigure& s = c.s;
  f.status = Status::fail;
  // An error only when the base is certain; a base the reader chose is a reading.
  if (certainty == BaseCertainty::reading) f.severity = Severity::warning;
  const std::vector<std::string> bases = fitting_bases(ctx, c);
  std::string zh = "所述" + pct(s.value) + "与" + c.exact + "不符，按本报告规则应为" + pct(c.computed) + "。";
  std::string en = "The stated " + pct(s.value) + " does not agree with " + c.exact + "; by the report's rule it would be " + pct(c.computed) + ".";
  for (const auto& t : ctx.report.stated())
    if (t.kind == StatedKind::total && t.cell == s.base && !(t.value == c.base) && !(t.value == Decimal(0)))
      if (auto other = percent_if_representable(c.part, t.value, c.policy)) {
        zh += "以文中所述" + t.value.to_string() + "为基数则为" + pct(*other) + "，也不相符。";
        en += " Of the " + t.value.to_string() + " stated in the text it would be " + pct(*other) + ", which does not agree either.";
      }
  if (bases.size() == 1) {
    const std::string& b = bases.front();
    zh += "它与以" + ctx.label(b).zh + "（" + ctx.value(b)->to_string() + "）为基数相符：基数用错了。";
    en += " It fits " + ctx.label(b).en + " (" + ctx.value(b)->to_string() + ") as the base: the wrong base was used.";
    f.cells.push_back({b, Side::rhs, ctx.report.at(b)});
    f.rule = "percent-base:" + s.cell;
    f.severity = Severity::warning;  // which base a share was taken on is a reading
  }
  f.message = {zh, en};
}

// A report that states its base twice (prose 1913, table 739) may take shares of either.
inline void prefer_stated_base(const StatedContext& ctx, PercentCase& c) {
  for (const auto& t : ctx.report.stated())
    if (t.kind == StatedKind::total && t.cell == c.s.base && !(t.value == c.base) && !fits_any(c.s.value, c.part, c.base) && fits_any(c.s.value, c.part, t.value)) {
      c.base_note_zh = "（以文中所述" + t.value.to_string() + "为基数，而非" + c.base.to_string() + "）";
      c.base_note_en = " (of the " + t.value.to_string() + " stated in the text, not " + c.base.to_string() + ")";
      c.base = t.value;
    }
}

// The finding on one stated percentage; the ones rounding would change go to `truncated`.
inline Finding check_percentage(const StatedContext& ctx, const StatedFigure& s, BaseCertainty certainty,
                                const std::optional<PercentConvention>& convention, Truncations& truncated) {
  Finding f = ctx.finding("percent:" + s.cell, Severity::error, BasisKind::heuristic,
                          "a stated percentage equals 100·part/base under the report's rounding convention");
  f.cells = {{s.cell, Side::rhs, ctx.report.at(s.cell)}};
  if (!s.base.empty()) f.cells.push_back({s.base, Side::rhs, ctx.report.at(s.base)});
  f.lhs = s.value;
  auto part = ctx.value(s.cell);
  auto base = s.base.empty() ? std::nullopt : ctx.value(s.base);
  if (!part || !base || *base == Decimal(0)) {
    f.status = Status::not_assessable;
    f.message = {"无法核对所述百分比" + pct(s.value) + "：" + (s.base.empty() ? std::string("未说明基数") : "分子或基数没有数值或为0") + "。",
                 "Not assessable: the stated " + pct(s.value) + " has " + (s.base.empty() ? std::string("no stated base") : "no number, or 0, for its part or base") + "."};
    return f;
  }
  RoundingPolicy policy = convention ? convention->policy : RoundingPolicy{s.value.scale(), Rounding::half_up};
  if (s.value.scale() > policy.decimals) policy.decimals = s.value.scale();
  if (!percent_if_representable(*part, *base, {std::max(4, policy.decimals), Rounding::half_up})) return percent_beyond(std::move(f), *part, *base);
  PercentCase c{s, *part, *base, policy, Decimal(0), {}, {}, {}};
  prefer_stated_base(ctx, c);
  c.judge_at(f, policy);
  c.exact = c.part.to_string() + "/" + c.base.to_string() + " = " + percent(c.part, c.base, {4, Rounding::truncate}).to_string() + "…%";
  // A figure printed with fewer decimals than the report's convention ("73%" among "6.95%") is
  // judged at its own precision, in the same mode.
  if (!fits(s.value, c.part, c.base, c.policy) && s.value.scale() < c.policy.decimals && fits(s.value, c.part, c.base, {s.value.scale(), c.policy.mode}))
    c.judge_at(f, {s.value.scale(), c.policy.mode});
  if (fits(s.value, c.part, c.base, c.policy)) percent_agrees(f, c, truncated);
  else if (fits_any(s.value, c.part, c.base)) percent_other_rounding(f, c);
  else percent_disagrees(f, ctx, c, certainty);
  return f;
}

}  // namespace disclosure::detail
