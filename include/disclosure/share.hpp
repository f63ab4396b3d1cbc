#pragma once
// Shares of each part of a breakdown over its total, exact and rounded under a stated policy,
// beside the percentage the report printed for it, if any.
#include <optional>
#include <string>
#include <vector>

#include "disclosure/derive.hpp"
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
  bool part_derived = false;         // the part is a missing subtotal taken as the sum of its stated parts
  bool base_derived = false;
};

// Shares of the parts of one breakdown over its parent.
inline std::vector<Share> shares(const Report& report, const Breakdown& b, RoundingPolicy policy = {}) {
  const Form& form = report.form();
  const Derived derived = derive_subtotals(report);
  // A stated value, else a derived subtotal (flagged), else the cell's own kind of missing.
  auto number = [&](std::size_t cell, bool& was_derived) -> std::optional<Decimal> {
    was_derived = !report[cell].has_number() && derived.value[cell].has_value();
    return number_or_derived(report, derived, cell);
  };
  std::vector<Share> out;
  for (std::size_t part : b.parts) {
    Share s;
    s.part = form.cells()[part].key;
    s.base = form.cells()[b.parent].key;
    s.part_value = report[part];
    s.base_value = report[b.parent];
    s.stated = report.stated_percentage(s.part, s.base);
    auto base = number(b.parent, s.base_derived);
    auto value = number(part, s.part_derived);
    if (!base) s.why_absent = "base " + std::string(to_string(s.base_value.missing()));
    else if (!value) s.why_absent = "part " + std::string(to_string(s.part_value.missing()));
    else if (*base == Decimal(0)) s.why_absent = "base is 0";
    else {
      s.fraction = ratio(*value, *base);
      s.percent = percent_if_representable(*value, *base, policy);
      if (!s.percent) s.why_absent = "percentage beyond the supported magnitude (the exact fraction is given)";
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Shares of the parts of the breakdown of `parent_key` (e.g. "requests.total.year").
inline std::vector<Share> shares(const Report& report, const std::string& parent_key, RoundingPolicy policy = {}) {
  return shares(report, report.form().breakdown_of(parent_key), policy);
}

// Shares of the parts of `parent_key`'s breakdown over another base: the sum of `over` (答复数
// with carried-over requests, say), instead of the parent.
inline std::vector<Share> shares_over(const Report& report, const std::string& parent_key, const std::vector<std::string>& over, RoundingPolicy policy = {}) {
  const Form& form = report.form();
  if (over.empty()) throw Error("shares_over needs at least one base cell");
  const Derived derived = derive_subtotals(report);
  std::optional<Decimal> base = Decimal(0);
  std::string base_name, why;
  for (const auto& k : over) {
    std::size_t i = form.index(k);
    auto v = number_or_derived(report, derived, i);
    base_name += (base_name.empty() ? "" : "+") + k;
    if (!v) {
      why = "base " + k + " " + std::string(to_string(report[i].missing()));
      base.reset();
    } else if (base) {
      base = *base + *v;
    }
  }
  auto out = shares(report, form.breakdown_of(parent_key), policy);
  for (auto& s : out) {
    s.base = base_name;
    s.base_value = base ? Value(*base) : Value();
    s.base_derived = false;
    s.stated = report.stated_percentage(s.part, over.size() == 1 ? over.front() : base_name);
    s.fraction.reset();
    s.percent.reset();
    s.why_absent.clear();
    const std::size_t part = form.index(s.part);
    auto v = number_or_derived(report, derived, part);
    s.part_derived = !report[part].has_number() && v.has_value();
    if (!base) s.why_absent = why;
    else if (!v) s.why_absent = "part " + std::string(to_string(s.part_value.missing()));
    else if (*base == Decimal(0)) s.why_absent = "base is 0";
    else {
      s.fraction = ratio(*v, *base);
      s.percent = percent_if_representable(*v, *base, policy);
      if (!s.percent) s.why_absent = "percentage beyond the supported magnitude (the exact fraction is given)";
    }
  }
  return out;
}

// Shares of every partition of the report's form whose parent has a number.
inline std::vector<std::vector<Share>> shares(const Report& report, RoundingPolicy policy = {}) {
  std::vector<std::vector<Share>> out;
  for (const auto& b : report.form().breakdowns())
    if (b.relation == Relation::partition && report[b.parent].has_number()) out.push_back(shares(report, b, policy));
  return out;
}

}  // namespace disclosure
