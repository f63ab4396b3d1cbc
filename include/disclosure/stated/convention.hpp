#pragma once
// The rounding convention a report's percentages follow: 0–4 decimals, half-up or truncation,
// inferred from all of its stated percentages against their counts.
#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "disclosure/derive.hpp"
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

}  // namespace disclosure
