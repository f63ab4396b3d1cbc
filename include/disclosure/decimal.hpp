#pragma once
// Exact decimal numbers: an integer count of 10^-scale units. Counts are decimals of scale 0;
// money keeps the digits it was printed with ("37.68" stays 37.68, never 37.679999…).
#include <compare>
#include <ostream>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "disclosure/error.hpp"

namespace disclosure {

namespace detail {
// 128-bit intermediates make comparisons and percentages exact without overflow checks.
// (GCC and Clang; `__extension__` keeps -Wpedantic quiet.)
__extension__ using int128 = __int128;
}  // namespace detail

class Decimal {
public:
  // Magnitudes are capped at 2^53 units so that every value is also exact as a float64
  // (NumPy, pandas) and sums over any table stay far from int64 overflow.
  static constexpr std::int64_t max_units = std::int64_t{1} << 53;
  static constexpr int max_scale = 8;

  constexpr Decimal() = default;
  Decimal(std::int64_t units, int scale = 0) : units_(units), scale_(static_cast<std::uint8_t>(scale)) {
    if (scale < 0 || scale > max_scale) throw Error("decimal scale " + std::to_string(scale) + " is outside 0.." + std::to_string(max_scale));
    if (units > max_units || units < -max_units) throw Error("number " + std::to_string(units) + " is beyond the supported magnitude 2^53");
  }

  // Parses "123", "-8", "37.68". No exponent, no thousands separator, no leading '+'.
  static Decimal parse(std::string_view text) {
    auto fail = [&](const char* why) { return Error("'" + std::string(text) + "' is not a decimal number: " + why); };
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && text[i] == '-') { negative = true; ++i; }
    std::int64_t units = 0;
    int scale = 0, digits = 0;
    bool point = false;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (c == '.' && !point) { point = true; continue; }
      if (c < '0' || c > '9') throw fail("unexpected character");
      if (point) ++scale;
      ++digits;
      if (units > (max_units - (c - '0')) / 10) throw fail("beyond the supported magnitude 2^53");
      units = units * 10 + (c - '0');
    }
    if (digits == 0) throw fail("no digits");
    if (point && scale == 0) throw fail("no digits after the decimal point");
    if (scale > max_scale) throw fail("more than 8 decimals");
    return Decimal(negative ? -units : units, scale);
  }

  std::int64_t units() const noexcept { return units_; }
  int scale() const noexcept { return scale_; }
  bool is_integer() const noexcept { return scale_ == 0; }

  // The same number at a larger scale (exact); throws if it would lose digits or overflow.
  Decimal rescaled(int scale) const {
    if (scale < scale_) {
      std::int64_t div = pow10(scale_ - scale);
      if (units_ % div != 0) throw Error(to_string() + " has more than " + std::to_string(scale) + " decimals");
      return Decimal(units_ / div, scale);
    }
    std::int64_t mul = pow10(scale - scale_);
    if (units_ > max_units / mul || units_ < -max_units / mul) throw Error(to_string() + " is beyond the supported magnitude at scale " + std::to_string(scale));
    return Decimal(units_ * mul, scale);
  }

  std::string to_string() const {
    std::string digits = std::to_string(units_ < 0 ? -units_ : units_);
    if (scale_ > 0) {
      if (digits.size() <= scale_) digits.insert(0, scale_ + 1 - digits.size(), '0');
      digits.insert(digits.size() - scale_, 1, '.');
    }
    return units_ < 0 ? "-" + digits : digits;
  }

  double to_double() const noexcept { return static_cast<double>(units_) / static_cast<double>(pow10(scale_)); }

  friend Decimal operator+(Decimal a, Decimal b) {
    int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    return Decimal(a.rescaled(s).units_ + b.rescaled(s).units_, s);
  }
  friend Decimal operator-(Decimal a, Decimal b) {
    int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    return Decimal(a.rescaled(s).units_ - b.rescaled(s).units_, s);
  }
  // Numeric comparison: 8.9 == 8.90. (Printed precision is kept, but it is not part of the value.)
  friend std::strong_ordering operator<=>(Decimal a, Decimal b) noexcept {
    // Compare a.units * 10^(s-a.scale) with b.units * 10^(s-b.scale) in 128 bits: never overflows.
    int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    detail::int128 x = static_cast<detail::int128>(a.units_) * pow10(s - a.scale_);
    detail::int128 y = static_cast<detail::int128>(b.units_) * pow10(s - b.scale_);
    return x <=> y;
  }
  friend bool operator==(Decimal a, Decimal b) noexcept { return (a <=> b) == 0; }

  // a + b, or nothing when the sum is beyond 2^53 (a caller that reports the limit, not throws it).
  friend std::optional<Decimal> add_if_representable(Decimal a, Decimal b) noexcept {
    int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
    detail::int128 x = static_cast<detail::int128>(a.units_) * pow10(s - a.scale_) + static_cast<detail::int128>(b.units_) * pow10(s - b.scale_);
    if (x > max_units || x < -max_units) return std::nullopt;
    Decimal out;
    out.units_ = static_cast<std::int64_t>(x);
    out.scale_ = static_cast<std::uint8_t>(s);
    return out;
  }

  static constexpr std::int64_t pow10(int n) noexcept {
    std::int64_t p = 1;
    while (n-- > 0) p *= 10;
    return p;
  }

  friend std::ostream& operator<<(std::ostream& os, Decimal d) { return os << d.to_string(); }

private:
  std::int64_t units_ = 0;
  std::uint8_t scale_ = 0;
};

}  // namespace disclosure
