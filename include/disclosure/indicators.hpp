#pragma once
// Derived indicators analysts compute from reports (domain.md §5), each a named definition with its
// formula and its denominator spelled out, since publishers disagree on denominators. Every operand
// must have a number (stated, or a derived subtotal): a missing one makes the indicator
// NOT_ASSESSABLE and is named, never read as 0.
#include <optional>
#include <string>
#include <vector>

#include "disclosure/derive.hpp"
#include "disclosure/report.hpp"
#include "disclosure/rounding.hpp"

namespace disclosure {

struct Term {
  std::string cell;  // a key, or a pattern with "*" segments (summed)
  int sign = 1;
};

struct Indicator {
  std::string key;
  Label label;
  std::vector<std::string> forms;  // the forms it is defined for
  std::vector<Term> numerator, denominator;
  Label formula;  // in words, with the denominator made explicit
  std::string source;  // where analysts use it
};

struct IndicatorValue {
  std::string key;
  Label label;
  Label formula;
  std::optional<Decimal> numerator, denominator;
  std::optional<Fraction> fraction;
  std::optional<Decimal> percent;
  std::vector<std::string> missing;  // operands without a number
  std::string why_absent;            // "missing operand", "denominator is 0"
};

inline const std::vector<Indicator>& builtin_indicators() {
  static const std::vector<Indicator> all = {
      {"disclosure_rate", {"公开率", "disclosure rate"}, {"ogi2019", "ogi2021"},
       {{"applications.outcome.granted.total"}, {"applications.outcome.partial.total"}}, {{"applications.outcome.total"}},
       {"（予以公开 + 部分公开）÷ 办理结果总计（含上年结转）", "(disclosed + partly disclosed) ÷ all outcomes (carried-over requests included)"},
       "上海市普陀区 2022: 同意公开或部分公开81件 / 答复263件 = 30.80%"},
      {"disclosure_rate", {"公开率", "disclosure rate"}, {"ogi2008"},
       {{"responses.already_public.year"}, {"responses.granted.year"}, {"responses.partially_granted.year"}}, {{"responses.total.year"}},
       {"（属于已主动公开范围 + 同意公开 + 同意部分公开）÷ 申请答复数", "(already public + disclosed + partly disclosed) ÷ requests answered"},
       "pre-2019 categories mapped as in domain.md §3.5 (已主动公开 counted as disclosed)"},
      {"withheld_rate", {"不予公开率", "withholding rate"}, {"ogi2019", "ogi2021"},
       {{"applications.outcome.withheld.*.total"}}, {{"applications.outcome.total"}},
       {"不予公开（8项理由之和）÷ 办理结果总计", "withheld (all 8 reasons) ÷ all outcomes"}, "outcome share, domain.md §5.1"},
      {"unable_rate", {"无法提供率", "cannot-provide rate"}, {"ogi2019", "ogi2021"},
       {{"applications.outcome.unable.*.total"}}, {{"applications.outcome.total"}},
       {"无法提供（3项之和）÷ 办理结果总计", "cannot be provided (3 reasons) ÷ all outcomes"}, "outcome share, domain.md §5.1"},
      {"carry_forward_rate", {"结转率", "carry-forward rate"}, {"ogi2019", "ogi2021"},
       {{"applications.carried_forward.total"}}, {{"applications.new.total"}, {"applications.carried_over.total"}},
       {"结转下年度继续办理 ÷（本年新收 + 上年结转）", "carried forward ÷ (new + carried over)"}, "backlog, domain.md §5.1"},
      {"review_correction_rate", {"复议纠错率", "review correction rate"}, {"ogi2019", "ogi2021"},
       {{"review_litigation.review.corrected"}}, {{"review_litigation.review.total"}, {"review_litigation.review.pending", -1}},
       {"行政复议结果纠正 ÷（复议总计 − 尚未审结）", "reviews corrected ÷ reviews concluded (total − pending)"}, "domain.md §5.3"},
      {"litigation_loss_rate", {"诉讼败诉率", "litigation loss rate"}, {"ogi2019", "ogi2021"},
       {{"review_litigation.litigation.direct.corrected"}, {"review_litigation.litigation.after_review.corrected"}},
       {{"review_litigation.litigation.direct.total"}, {"review_litigation.litigation.direct.pending", -1},
        {"review_litigation.litigation.after_review.total"}, {"review_litigation.litigation.after_review.pending", -1}},
       {"行政诉讼结果纠正 ÷ 已审结的诉讼（直接起诉与复议后起诉）", "lawsuits lost (corrected) ÷ lawsuits concluded (direct and after review)"}, "domain.md §5.3"},
      {"npc_answer_rate", {"人大代表建议办复率", "NPC suggestions answer rate"}, {"ogi2008"},
       {{"npc_cppcc.npc.answered"}}, {{"npc_cppcc.npc.handled"}}, {"办复数 ÷ 承办数", "answered ÷ handled"}, "domain.md §5.4"},
      {"cppcc_answer_rate", {"政协提案办复率", "CPPCC proposals answer rate"}, {"ogi2008"},
       {{"npc_cppcc.cppcc.answered"}}, {{"npc_cppcc.cppcc.handled"}}, {"办复数 ÷ 承办数", "answered ÷ handled"}, "domain.md §5.4"},
      {"normative_disclosure_rate", {"规范性文件公开率", "normative documents disclosure rate"}, {"ogi2008"},
       {{"normative.disclosed"}}, {{"normative.issued"}}, {"主动公开规范性文件数 ÷ 制发规范性文件数", "disclosed ÷ issued"}, "主动公开率, domain.md §5.2"},
  };
  return all;
}

inline IndicatorValue evaluate(const Report& report, const Indicator& ind, RoundingPolicy policy = {}) {
  const Form& form = report.form();
  const Derived d = derive_subtotals(report);
  IndicatorValue v{ind.key, ind.label, ind.formula, {}, {}, {}, {}, {}, {}};
  auto side = [&](const std::vector<Term>& terms) -> std::optional<Decimal> {
    Decimal sum(0);
    bool ok = true;
    for (const auto& t : terms) {
      std::vector<std::size_t> cells;
      if (t.cell.find('*') == std::string::npos) cells.push_back(form.index(t.cell));
      else cells = form.matching(t.cell);
      for (auto c : cells) {
        auto n = number_or_derived(report, d, c);
        if (!n) {
          v.missing.push_back(form.cells()[c].key);
          ok = false;
        } else {
          sum = t.sign > 0 ? sum + *n : sum - *n;
        }
      }
    }
    return ok ? std::optional<Decimal>(sum) : std::nullopt;
  };
  v.numerator = side(ind.numerator);
  v.denominator = side(ind.denominator);
  if (!v.numerator || !v.denominator) v.why_absent = "missing operand";
  else if (*v.denominator == Decimal(0)) v.why_absent = "denominator is 0";
  else {
    v.fraction = ratio(*v.numerator, *v.denominator);
    v.percent = percent_if_representable(*v.numerator, *v.denominator, policy);
    if (!v.percent) v.why_absent = "percentage beyond the supported magnitude (the exact fraction is given)";
  }
  return v;
}

// Every built-in indicator defined for the report's form.
inline std::vector<IndicatorValue> indicators(const Report& report, RoundingPolicy policy = {}) {
  std::vector<IndicatorValue> out;
  for (const auto& ind : builtin_indicators())
    for (const auto& f : ind.forms)
      if (f == report.form().key()) out.push_back(evaluate(report, ind, policy));
  return out;
}

}  // namespace disclosure
