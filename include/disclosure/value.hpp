#pragma once
// One cell's content. A report either prints a number or it does not, and the ways of not
// printing one are different facts: the cell is absent from the report, left blank, printed
// "—" or "/", or the form says it does not apply. None of them is 0.
#include <optional>
#include <string>
#include <string_view>

#include "disclosure/decimal.hpp"
#include "disclosure/printing.hpp"

namespace disclosure {

enum class Missing : unsigned char {
  none,            // a number is present
  not_stated,      // the report says nothing about this cell (typical of narrative reports)
  blank,           // a table cell printed empty
  dash,            // printed "—", "–" or "-"
  slash,           // printed "/"
  not_applicable,  // the form or the report marks the cell as not applicable
};

inline constexpr std::string_view to_string(Missing m) noexcept {
  switch (m) {
    case Missing::none: return "none";
    case Missing::not_stated: return "not_stated";
    case Missing::blank: return "blank";
    case Missing::dash: return "dash";
    case Missing::slash: return "slash";
    case Missing::not_applicable: return "not_applicable";
  }
  return "?";
}

inline std::optional<Missing> missing_from_string(std::string_view s) noexcept {
  for (Missing m : {Missing::none, Missing::not_stated, Missing::blank, Missing::dash, Missing::slash, Missing::not_applicable})
    if (to_string(m) == s) return m;
  return std::nullopt;
}

class Value {
public:
  Value() = default;  // not stated
  Value(Decimal number) : number_(number), missing_(Missing::none) {}
  static Value count(std::int64_t n) { return Value(Decimal(n)); }
  static Value absent(Missing kind) {
    if (kind == Missing::none) throw Error("Value::absent needs a kind of missing, not 'none'");
    Value v;
    v.missing_ = kind;
    return v;
  }

  bool has_number() const noexcept { return missing_ == Missing::none; }
  Missing missing() const noexcept { return missing_; }
  // The number; throws if the cell has none (callers must look at missing() first).
  Decimal number() const {
    if (!has_number()) throw Error("cell has no number (" + std::string(disclosure::to_string(missing_)) + ")");
    return number_;
  }

  std::string to_string() const { return has_number() ? number_.to_string() : "<" + std::string(disclosure::to_string(missing_)) + ">"; }

  friend bool operator==(const Value& a, const Value& b) noexcept {
    if (a.missing_ != b.missing_) return false;
    // Value equality is exact and keeps the printed precision apart: "8.9" and "8.90" differ as printed values.
    return !a.has_number() || (a.number_.units() == b.number_.units() && a.number_.scale() == b.number_.scale());
  }

private:
  Decimal number_{};
  Missing missing_ = Missing::not_stated;
};

}  // namespace disclosure
