#pragma once
// Shares of each part of a breakdown over its total, exact and rounded under a stated policy,
// beside the percentage the report printed for it, if any.
#include <optional>
#include <string>
#include <vector>

#include "disclosure/report.hpp"
#include "disclosure/rounding.hpp"

namespace disclosure {

struct Share {
  std::string part;   // cell key
  std::string base;   // cell key of the denominator
  Value part_value;
  Value base_value;
  std::optional<Fraction> fraction;  // absent when an operand is missing or the base is 0
  std::optional<Decimal> percent;    // 100·fraction under the policy
  std::optional<StatedFigure> stated;
  std::string why_absent;            // "part not stated", "base is 0", …
};

// Shares of the parts of one breakdown over its parent.
inline std::vector<Share> shares(const Report& report, const Breakdown& b, RoundingPolicy policy = {}) {
  const Form& form = report.form();
  std::vector<Share> out;
  const Value& base = report[b.parent];
  for (std::size_t part : b.parts) {
    Share s;
    s.part = form.cells()[part].key;
    s.base = form.cells()[b.parent].key;
    s.part_value = report[part];
    s.base_value = base;
    s.stated = report.stated_percentage(s.part, s.base);
    if (!base.has_number()) s.why_absent = "base " + std::string(to_string(base.missing()));
    else if (!s.part_value.has_number()) s.why_absent = "part " + std::string(to_string(s.part_value.missing()));
    else if (base.number() == Decimal(0)) s.why_absent = "base is 0";
    else {
      s.fraction = ratio(s.part_value.number(), base.number());
      s.percent = percent(s.part_value.number(), base.number(), policy);
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Shares of the parts of the breakdown of `parent_key` (e.g. "requests.total.year").
inline std::vector<Share> shares(const Report& report, const std::string& parent_key, RoundingPolicy policy = {}) {
  return shares(report, report.form().breakdown_of(parent_key), policy);
}

// Shares of every partition of the report's form whose parent has a number.
inline std::vector<std::vector<Share>> shares(const Report& report, RoundingPolicy policy = {}) {
  std::vector<std::vector<Share>> out;
  for (const auto& b : report.form().breakdowns())
    if (b.relation == Relation::partition && report[b.parent].has_number()) out.push_back(shares(report, b, policy));
  return out;
}

}  // namespace disclosure
