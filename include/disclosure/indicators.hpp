#pragma once
// Derived indicators analysts compute from reports (公开率, 结转率 …: each form lists its own, see
// forms/indicators.hpp), each with its formula and its denominator spelled out, since publishers
// disagree on denominators. Every operand must have a number (stated, or a derived subtotal): a
// missing one makes the indicator NOT_ASSESSABLE and is named, never read as 0.
#include <optional>
#include <string>
#include <vector>

#include "disclosure/derive.hpp"
#include "disclosure/indicator.hpp"
#include "disclosure/report.hpp"
#include "disclosure/rounding.hpp"

namespace disclosure {

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

// Every indicator the report's form defines.
inline std::vector<IndicatorValue> indicators(const Report& report, RoundingPolicy policy = {}) {
  std::vector<IndicatorValue> out;
  for (const auto& ind : report.form().indicators()) out.push_back(evaluate(report, ind, policy));
  return out;
}

}  // namespace disclosure
