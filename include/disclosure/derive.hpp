#pragma once
// Missing subtotals derived from their stated parts: a report that gives letters (22) and faxes (5)
// but not 信函、传真 together has 27 there. Used by the checks and by shares; never written back
// into the report, and always reported as derived.
#include <optional>
#include <vector>

#include "disclosure/report.hpp"

namespace disclosure {

struct Derived {
  std::vector<std::optional<Decimal>> value;  // per cell: the derived sum, for missing cells that have one
  std::vector<const Breakdown*> from;         // per cell: the breakdown it was derived from
  // per cell: its parts sum past 2^53 (from is set, value is not): a rule that reads it errs
  std::vector<char> beyond;
};

// A cell's number: the one the report states, else the subtotal derived from its parts, else none.
inline std::optional<Decimal> number_or_derived(const Report& report, const Derived& derived, std::size_t cell) {
  return report[cell].has_number() ? std::optional<Decimal>(report[cell].number()) : derived.value[cell];
}

// Bottom-up over the form's row partitions: a missing parent with at least one part that has a
// number (stated or itself derived) gets the sum of those parts; a sum past 2^53 (or a part that
// is) marks the parent `beyond` instead of throwing.
inline Derived derive_subtotals(const Report& report) {
  const Form& form = report.form();
  Derived d{std::vector<std::optional<Decimal>>(form.size()), std::vector<const Breakdown*>(form.size(), nullptr), std::vector<char>(form.size(), 0)};
  const auto& all = form.breakdowns();
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    const Breakdown& b = *it;
    if (b.relation != Relation::partition || b.along_columns || report[b.parent].has_number() || d.from[b.parent]) continue;
    std::optional<Decimal> sum;
    bool beyond = false;
    for (auto p : b.parts) {
      beyond = beyond || d.beyond[p];
      std::optional<Decimal> v = number_or_derived(report, d, p);
      if (!v || beyond) continue;
      sum = sum ? add_if_representable(*sum, *v) : v;
      beyond = !sum;
    }
    if (!sum && !beyond) continue;
    if (beyond) d.beyond[b.parent] = 1;
    else d.value[b.parent] = sum;
    d.from[b.parent] = &b;
  }
  return d;
}

}  // namespace disclosure
