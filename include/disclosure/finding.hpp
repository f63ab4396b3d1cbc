#pragma once
// The result of one rule on one report, with all of its evidence.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "disclosure/rounding.hpp"
#include "disclosure/rule.hpp"
#include "disclosure/value.hpp"
#include "disclosure/printing.hpp"

namespace disclosure {

enum class Status : unsigned char {
  pass,
  fail,
  not_assessable,  // an operand is missing: the finding names which; never counted as passed
  error,           // the rule could not be evaluated (e.g. an arithmetic limit)
};

inline constexpr std::string_view to_string(Status s) noexcept {
  switch (s) {
    case Status::pass: return "PASS";
    case Status::fail: return "FAIL";
    case Status::not_assessable: return "NOT_ASSESSABLE";
    case Status::error: return "ERROR";
  }
  return "?";
}

enum class Side : unsigned char { lhs, rhs };

struct CellEvidence {
  std::string key;
  Side side = Side::lhs;
  Value value;
  friend bool operator==(const CellEvidence&, const CellEvidence&) = default;
};

enum class SlipKind : unsigned char { missing_category, one_digit, digits_swapped, truncated_percentage, other_value };

inline constexpr std::string_view to_string(SlipKind k) noexcept {
  switch (k) {
    case SlipKind::missing_category: return "missing_category";
    case SlipKind::one_digit: return "one_digit";
    case SlipKind::digits_swapped: return "digits_swapped";
    case SlipKind::truncated_percentage: return "truncated_percentage";
    case SlipKind::other_value: return "other_value";
  }
  return "?";
}

// One edit that alone would satisfy every violated equality of the report (see locate.hpp), or,
// for a percentage, the value it would have had if it were rounded rather than truncated.
struct Suggestion {
  std::string cell;
  Value from;
  Decimal to;
  SlipKind kind = SlipKind::other_value;
  Label message;
  friend bool operator==(const Suggestion&, const Suggestion&) = default;
};

struct Finding {
  std::string report;  // report id
  std::string rule;    // rule id
  Status status = Status::pass;
  Severity severity = Severity::error;
  Comparison comparison = Comparison::equal;
  Basis basis;
  std::vector<CellEvidence> cells;
  std::optional<Decimal> lhs, rhs, difference;  // difference = lhs − rhs; absent when not assessable
  Decimal tolerance;                              // 0: counts are compared exactly
  std::optional<RoundingPolicy> rounding;         // the rounding a percentage was compared under
  // Missing cells that were read as holding nothing because other parts of the same side are
  // stated (a narrative list that omits a category, a blank cell in a template row).
  std::vector<std::string> read_as_zero;
  // Missing subtotals taken as the sum of their stated parts.
  std::vector<std::string> derived;
  // Where the error may be (locate.hpp): single edits that would fix the report, and, on the
  // `locate` finding, the minimal sets of cells to change.
  std::vector<Suggestion> suggestions;
  std::vector<std::vector<std::string>> edit_sets;
  // For a stated growth rate with no report of last year: the previous values it implies.
  std::vector<std::int64_t> implied;
  Label message;
};

// A finding that could not be evaluated has no sides: the contract reports them as null.
inline void clear_sides_if_not_assessable(std::vector<Finding>& findings) {
  for (auto& f : findings)
    if (f.status == Status::not_assessable) {
      f.lhs.reset();
      f.rhs.reset();
      f.difference.reset();
    }
}

}  // namespace disclosure
