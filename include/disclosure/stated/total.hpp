#pragma once
// Totals stated twice: a figure of the text against its cell (stated-total), and, where they
// differ, against the parts of each equality the cell heads (stated-total-parts).
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "disclosure/stated/context.hpp"

namespace disclosure::detail {

// A figure that equals a whole side of an equality its cell is a term of: "收到申请75件" in the
// prose where the table gives 本年新收 74 and 上年结转 1 (一 + 二 = 三 + 四) counts both together.
inline std::optional<std::pair<std::vector<std::size_t>, Label>> whole_side(const StatedContext& ctx, const std::vector<Rule>& equalities,
                                                                            std::size_t cell, Decimal value) {
  for (const auto& rule : equalities) {
    if (rule.comparison != Comparison::equal) continue;
    for (const auto* side : {&rule.lhs, &rule.rhs}) {
      if (side->size() < 2 || std::find(side->begin(), side->end(), cell) == side->end()) continue;
      Decimal sum(0);
      bool all = true;
      for (auto c : *side) {
        auto v = ctx.value(c);
        auto next = v ? add_if_representable(sum, *v) : std::nullopt;
        if (!next) { all = false; break; }  // no number, or a sum past 2^53 that no figure equals
        sum = *next;
      }
      if (all && sum == value) return std::pair{*side, side == &rule.lhs ? rule.lhs_text : rule.rhs_text};
    }
  }
  return std::nullopt;
}

// Not a wrong number but a wider one: the text counts together what the table keeps apart.
inline void say_whole_side(Finding& f, const StatedContext& ctx, const StatedFigure& s, const std::pair<std::vector<std::size_t>, Label>& side) {
  f.severity = Severity::warning;
  std::string zh_terms, en_terms;
  // The side's other cells are named in the message, not added to the evidence: they are no
  // terms of this comparison.
  for (auto c : side.first) {
    const std::string& key = ctx.form.cells()[c].key;
    std::string v_text = ctx.value(c)->to_string();
    zh_terms += (zh_terms.empty() ? "" : " + ") + ctx.label(key).zh + v_text;
    en_terms += (en_terms.empty() ? "" : " + ") + ctx.label(key).en + " " + v_text;
  }
  std::string zh_side = side.second.zh.empty() ? "" : "“" + side.second.zh + "”：";
  std::string en_side = side.second.en.empty() ? "" : " (" + side.second.en + ")";
  f.message.zh += "文中的" + s.value.to_string() + "等于" + zh_side + zh_terms + "，似将其合计表述。";
  f.message.en += " The text's " + s.value.to_string() + " is the whole side" + en_side + ": " + en_terms + "; it seems to count them together.";
}

// The prose figure against the cell (often the table's).
inline Finding check_stated_total(const StatedContext& ctx, const StatedFigure& s, const std::vector<Rule>& equalities) {
  Finding f = ctx.finding("stated-total:" + s.cell, Severity::error, BasisKind::heuristic, "a figure stated twice in one report has one value");
  f.cells = {{s.cell, Side::rhs, ctx.report.at(s.cell)}};
  f.lhs = s.value;
  const Label& label = ctx.label(s.cell);
  auto v = ctx.value(s.cell);
  if (!v) {
    f.status = Status::not_assessable;
    f.message = {"无法核对：" + label.zh + "没有数值。", "Not assessable: no number for " + label.en + "."};
    return f;
  }
  f.rhs = *v;
  f.difference = s.value - *v;
  f.status = s.value == *v ? Status::pass : Status::fail;
  f.message = f.status == Status::pass
                  ? Label{label.zh + "两处所述一致：" + v->to_string() + "。", label.en + ": stated twice, both " + v->to_string() + "."}
                  : Label{label.zh + "一处为" + s.value.to_string() + "（“" + s.text + "”），另一处为" + v->to_string() + "。",
                          label.en + ": " + s.value.to_string() + " in one place (\"" + s.text + "\"), " + v->to_string() + " in another."};
  if (f.status == Status::fail)
    if (auto side = whole_side(ctx, equalities, ctx.form.index(s.cell), s.value)) say_whole_side(f, ctx, s, *side);
  return f;
}

// The parts of `rule` (headed by the cell of `s`) against the total the text states, if that says
// anything the stated-total finding does not.
inline std::optional<Finding> check_stated_total_parts(const StatedContext& ctx, const StatedFigure& s, const std::optional<Decimal>& v, const Rule& rule) {
  const Label& label = ctx.label(s.cell);
  Finding f = ctx.finding("stated-total-parts:" + rule.id, rule.severity, rule.basis.kind, rule.basis.note);
  Decimal sum(0);
  std::size_t stated_parts = 0;
  bool beyond = false;  // the parts sum past 2^53
  for (auto p : rule.rhs) {
    f.cells.push_back({ctx.form.cells()[p].key, Side::rhs, ctx.report[p]});
    if (auto pv = ctx.value(p)) {
      auto next = add_if_representable(sum, *pv);
      beyond = beyond || !next;
      if (next) sum = *next;
      ++stated_parts;
    }
  }
  f.lhs = s.value;
  if (beyond) {
    f.status = Status::error;
    f.message = {"无法核对：" + label.zh + "的分项合计超出支持的范围（2^53）。",
                 "Cannot evaluate: the parts of " + label.en + " sum beyond the supported magnitude 2^53."};
    return f;
  }
  if (v && stated_parts > 0 && sum == *v) return std::nullopt;  // the parts agree with the cell: the stated-total finding says it all
  if (stated_parts == 0) {
    f.status = Status::not_assessable;
    f.message = {"无法核对：" + label.zh + "的分项都没有数值。", "Not assessable: no part of " + label.en + " has a number."};
    return f;
  }
  f.rhs = sum;
  f.difference = s.value - sum;
  f.status = s.value == sum ? Status::pass : Status::fail;
  f.message = f.status == Status::pass
                  ? Label{"文中所述" + label.zh + s.value.to_string() + "，与各分项合计相符。", "The " + label.en + " stated in the text (" + s.value.to_string() + ") equals the sum of its parts."}
                  : Label{"文中所述" + label.zh + s.value.to_string() + "，但各分项合计" + sum.to_string() + "，相差" + f.difference->to_string() + "。",
                          "The " + label.en + " stated in the text is " + s.value.to_string() + ", but its parts sum to " + sum.to_string() + "."};
  return f;
}

// A total stated in the text (and differing from the cell) against the parts it should sum.
inline void check_stated_total_parts(const StatedContext& ctx, const StatedFigure& s, const std::vector<Rule>& equalities, std::vector<Finding>& out) {
  auto cell = ctx.form.index(s.cell);
  auto v = ctx.value(s.cell);
  if (v && *v == s.value) return;  // the rule on the cell says it already
  for (const auto& rule : equalities) {
    if (rule.comparison != Comparison::equal || rule.lhs.size() != 1 || rule.lhs.front() != cell) continue;
    if (auto f = check_stated_total_parts(ctx, s, v, rule)) out.push_back(std::move(*f));
  }
}

}  // namespace disclosure::detail
