#pragma once
// A checkable relation between cells of one report: Σ lhs (== | <=) Σ rhs, with its id,
// severity, basis and the words that messages use for each side. `RuleSpec` names cells by key
// (as a form definition or a rule file does); `Rule` holds the resolved cell indices.
#include <string>
#include <string_view>
#include <vector>

#include "disclosure/label.hpp"
#include "disclosure/printing.hpp"

namespace disclosure {

enum class Comparison : unsigned char { equal, less_equal };
enum class Severity : unsigned char { error, warning, info };
enum class BasisKind : unsigned char { printed, implied, heuristic, user };

inline constexpr std::string_view to_string(Comparison c) noexcept { return c == Comparison::equal ? "==" : "<="; }
inline constexpr std::string_view to_string(Severity s) noexcept {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "info";
}
inline constexpr std::string_view to_string(BasisKind b) noexcept {
  switch (b) {
    case BasisKind::printed: return "printed";
    case BasisKind::implied: return "implied";
    case BasisKind::heuristic: return "heuristic";
    case BasisKind::user: return "user";
  }
  return "?";
}

// Why a rule holds: printed in the template, implied by a label such as 总计, a heuristic, or a user's.
struct Basis {
  BasisKind kind = BasisKind::implied;
  std::string note;
  friend bool operator==(const Basis&, const Basis&) = default;
};

struct Rule {
  std::string id;
  std::vector<std::size_t> lhs;  // cells summed on the left
  std::vector<std::size_t> rhs;  // cells summed on the right
  Comparison comparison = Comparison::equal;
  Severity severity = Severity::error;
  Basis basis;
  Label lhs_text;  // how messages name each side
  Label rhs_text;
  friend bool operator==(const Rule&, const Rule&) = default;
};

struct RuleSpec {
  std::string id;
  std::vector<std::string> lhs;  // cell keys
  std::vector<std::string> rhs;
  Comparison comparison = Comparison::equal;
  Severity severity = Severity::error;
  Basis basis;
  Label lhs_text;
  Label rhs_text;
  friend bool operator==(const RuleSpec&, const RuleSpec&) = default;
};

}  // namespace disclosure
