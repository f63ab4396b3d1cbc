#pragma once
// What every check of a report's stated figures reads: the report, its derived subtotals, the
// cells' labels, and a finding to fill in.
#include <optional>
#include <string>

#include "disclosure/derive.hpp"
#include "disclosure/finding.hpp"
#include "disclosure/report.hpp"

namespace disclosure::detail {

struct StatedContext {
  const Report& report;
  const Form& form;
  Derived derived;
  explicit StatedContext(const Report& r) : report(r), form(r.form()), derived(derive_subtotals(r)) {}

  std::optional<Decimal> value(const std::string& key) const { return number_or_derived(report, derived, form.index(key)); }
  std::optional<Decimal> value(std::size_t cell) const { return number_or_derived(report, derived, cell); }
  const Label& label(const std::string& key) const { return form.cell(key).label; }
  Finding finding(const std::string& rule, Severity severity, BasisKind basis, const std::string& note) const {
    Finding f;
    f.report = report.id();
    f.rule = rule;
    f.severity = severity;
    f.basis = {basis, note};
    return f;
  }
};

}  // namespace disclosure::detail
