#pragma once
// What a printed table leaves out. A total printed blank or dashed while its parts hold numbers
// makes every sum on it not assessable, so without a finding of its own the report would read as
// clean; parts all blank under a stated total say nothing of how it divides. Both are warnings
// that name the cells. Nothing is read as 0 to produce them: only printed blanks, dashes and
// slashes count, never a cell the report does not print at all.
#include <string>
#include <vector>

#include "disclosure/finding.hpp"
#include "disclosure/report.hpp"

namespace disclosure {
namespace detail {

inline bool printed_missing(const Value& v) { return v.missing() == Missing::blank || v.missing() == Missing::dash || v.missing() == Missing::slash; }

inline Finding completeness_finding(const Report& r, const std::string& rule) {
  Finding f;
  f.report = r.id();
  f.rule = rule;
  f.status = Status::fail;
  f.severity = Severity::warning;
  f.basis = {BasisKind::implied, "a table prints the total of the parts it prints, and the parts of a total it prints"};
  return f;
}

}  // namespace detail

inline std::vector<Finding> check_completeness(const Report& report) {
  const Form& form = report.form();
  std::vector<Finding> out;
  for (const auto& b : form.breakdowns()) {
    if (b.relation != Relation::partition) continue;
    const Value& total = report[b.parent];
    std::vector<std::size_t> numbered, blank;
    for (auto p : b.parts) {
      if (report[p].has_number()) numbered.push_back(p);
      else if (detail::printed_missing(report[p])) blank.push_back(p);
    }
    const std::string& key = form.cells()[b.parent].key;
    const Label& label = form.cells()[b.parent].label;
    if (detail::printed_missing(total) && !numbered.empty()) {
      Finding f = detail::completeness_finding(report, "completeness:total:" + key);
      f.cells.push_back({key, Side::lhs, total});
      Decimal sum(0);
      for (auto p : numbered) {
        f.cells.push_back({form.cells()[p].key, Side::rhs, report[p]});
        sum = sum + report[p].number();
      }
      f.rhs = sum;
      f.message = {label.zh + "印为" + total.to_string() + "，但其分项有数值（合计" + sum.to_string() + "）：总数缺失，相关核对均无法进行。",
                   label.en + " is printed " + total.to_string() + " while its parts hold numbers (summing to " + sum.to_string() +
                       "): the total is missing, and every check on it is not assessable."};
      out.push_back(std::move(f));
    } else if (total.has_number() && Decimal(0) < total.number() && numbered.empty() && blank.size() == b.parts.size()) {
      Finding f = detail::completeness_finding(report, "completeness:parts:" + key);
      f.cells.push_back({key, Side::lhs, total});
      for (auto p : blank) f.cells.push_back({form.cells()[p].key, Side::rhs, report[p]});
      f.lhs = total.number();
      f.message = {label.zh + "为" + total.number().to_string() + "，但其分项全部空白：无法知道如何构成。",
                   label.en + " is " + total.number().to_string() + " but its parts are all printed blank: how it divides is not said."};
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace disclosure
