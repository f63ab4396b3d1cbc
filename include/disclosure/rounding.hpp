#pragma once
// Exact ratios and an explicit rounding policy for percentages. Reports print shares with
// 0–2 decimals, rounded half-up, sometimes truncated; comparing them needs the policy spelled
// out, never a float epsilon.
#include <cstdint>
#include <algorithm>
#include <numeric>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

#include "disclosure/decimal.hpp"
#include "disclosure/printing.hpp"

namespace disclosure {

enum class Rounding : unsigned char {
  half_up,    // 四舍五入: halves away from zero
  half_even,  // banker's rounding: halves to the even digit
  truncate,   // drop the digits (toward zero), as some reports do
};

inline constexpr std::string_view to_string(Rounding r) noexcept {
  switch (r) {
    case Rounding::half_up: return "half_up";
    case Rounding::half_even: return "half_even";
    case Rounding::truncate: return "truncate";
  }
  return "?";
}

inline Rounding rounding_from_string(std::string_view s) {
  for (Rounding r : {Rounding::half_up, Rounding::half_even, Rounding::truncate})
    if (to_string(r) == s) return r;
  throw Error("unknown rounding '" + std::string(s) + "' (expected half_up, half_even or truncate)");
}

struct RoundingPolicy {
  int decimals = 2;
  Rounding mode = Rounding::half_up;
  friend bool operator==(const RoundingPolicy&, const RoundingPolicy&) = default;
};

// An exact non-negative-denominator fraction in lowest terms.
struct Fraction {
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;
  friend bool operator==(const Fraction&, const Fraction&) = default;
};

namespace detail {

inline int128 abs128(int128 v) noexcept { return v < 0 ? -v : v; }

// a/b at a common scale, as 128-bit integers.
inline void common_scale(Decimal a, Decimal b, int128& x, int128& y) noexcept {
  int s = a.scale() > b.scale() ? a.scale() : b.scale();
  x = static_cast<detail::int128>(a.units()) * Decimal::pow10(s - a.scale());
  y = static_cast<detail::int128>(b.units()) * Decimal::pow10(s - b.scale());
}

}  // namespace detail

inline Fraction ratio(Decimal part, Decimal base) {
  detail::int128 x, y;
  detail::common_scale(part, base, x, y);
  if (y == 0) throw Error("ratio " + part.to_string() + "/" + base.to_string() + " has a zero base");
  if (y < 0) { x = -x; y = -y; }
  detail::int128 a = detail::abs128(x), b = y;
  while (b != 0) { detail::int128 t = a % b; a = b; b = t; }
  x /= a;
  y /= a;
  constexpr detail::int128 lim = INT64_MAX;
  if (detail::abs128(x) > lim || y > lim) throw Error("ratio " + part.to_string() + "/" + base.to_string() + " does not fit 64 bits");
  return {static_cast<std::int64_t>(x), static_cast<std::int64_t>(y)};
}

// 100 · part / base, rounded to policy.decimals under policy.mode, or nothing when it is beyond
// the supported magnitude (a count that grew a million-fold): callers say so instead of failing.
inline std::optional<Decimal> percent_if_representable(Decimal part, Decimal base, RoundingPolicy policy = {});

// 100 · part / base, rounded to policy.decimals under policy.mode. Exact integer arithmetic.
inline Decimal percent(Decimal part, Decimal base, RoundingPolicy policy = {}) {
  if (policy.decimals < 0 || policy.decimals > 6) throw Error("percentage decimals must be within 0..6, got " + std::to_string(policy.decimals));
  detail::int128 x, y;
  detail::common_scale(part, base, x, y);
  if (y == 0) throw Error("percentage " + part.to_string() + "/" + base.to_string() + " has a zero base");
  bool negative = (x < 0) != (y < 0);
  detail::int128 n = detail::abs128(x) * 100 * Decimal::pow10(policy.decimals), d = detail::abs128(y);
  detail::int128 q = n / d, r = n % d;
  switch (policy.mode) {
    case Rounding::half_up: if (2 * r >= d) ++q; break;
    case Rounding::half_even: if (2 * r > d || (2 * r == d && q % 2 == 1)) ++q; break;
    case Rounding::truncate: break;
  }
  if (q > Decimal::max_units) throw Error("percentage of " + part.to_string() + "/" + base.to_string() + " is too large");
  auto units = static_cast<std::int64_t>(q);
  return Decimal(negative ? -units : units, policy.decimals);
}

inline std::optional<Decimal> percent_if_representable(Decimal part, Decimal base, RoundingPolicy policy) {
  if (base == Decimal(0)) throw Error("percentage " + part.to_string() + "/" + base.to_string() + " has a zero base");
  if (policy.decimals < 0 || policy.decimals > 6) throw Error("percentage decimals must be within 0..6, got " + std::to_string(policy.decimals));
  try {
    return percent(part, base, policy);
  } catch (const Error&) {
    return std::nullopt;  // the only error left: the result's magnitude
  }
}

// Percentages of a partition that sum to exactly 100 (largest-remainder rounding): each part gets
// its truncated share, and the units still missing go to the largest remainders (ties to the
// earlier part). Parts must be non-negative with a positive sum.
inline std::vector<Decimal> largest_remainder_percent(const std::vector<Decimal>& parts, int decimals = 2) {
  if (decimals < 0 || decimals > 6) throw Error("percentage decimals must be within 0..6, got " + std::to_string(decimals));
  int scale = 0;
  for (const auto& p : parts) {
    if (p.units() < 0) throw Error("largest-remainder shares need non-negative parts, got " + p.to_string());
    scale = std::max(scale, p.scale());
  }
  detail::int128 total = 0;
  std::vector<detail::int128> units;
  for (const auto& p : parts) units.push_back(static_cast<detail::int128>(p.rescaled(scale).units())), total += units.back();
  if (total == 0) throw Error("largest-remainder shares of parts that sum to 0");
  const detail::int128 hundred = 100 * static_cast<detail::int128>(Decimal::pow10(decimals));
  std::vector<detail::int128> q(parts.size()), r(parts.size());
  detail::int128 given = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    q[i] = units[i] * hundred / total;
    r[i] = units[i] * hundred % total;
    given += q[i];
  }
  std::vector<std::size_t> order(parts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return r[a] > r[b]; });
  for (std::size_t k = 0; given < hundred && k < order.size(); ++k, ++given) ++q[order[k]];
  std::vector<Decimal> out;
  for (auto v : q) out.emplace_back(static_cast<std::int64_t>(v), decimals);
  return out;
}

}  // namespace disclosure
