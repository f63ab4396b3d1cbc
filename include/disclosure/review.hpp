#pragma once
// Everything the library checks, over a set of reports: each report's form rules (with where
// their errors may be) and its stated figures, then the links between reports (scopes and years).
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "disclosure/change.hpp"
#include "disclosure/check.hpp"
#include "disclosure/completeness.hpp"
#include "disclosure/links.hpp"
#include "disclosure/locate.hpp"
#include "disclosure/series.hpp"
#include "disclosure/stated.hpp"
#include "disclosure/statement_checks.hpp"

namespace disclosure {

// One report alone: its form's rules, what its tables leave out, its stated figures and what its
// text enumerates.
inline std::vector<Finding> check_report(const Report& report, const RuleSet& rules) {
  auto out = rules.check(report);
  attach_localisation(report, rules, out);
  for (auto& f : check_completeness(report)) out.push_back(std::move(f));
  for (auto& f : check_stated(report, rules.rules())) out.push_back(std::move(f));
  for (auto& f : check_statements(report, rules.rules())) out.push_back(std::move(f));
  return out;
}

// `extra` adds user rules by form key.
inline std::vector<Finding> check_reports(const std::vector<Report>& reports, const std::map<std::string, std::vector<RuleSpec>>& extra = {}) {
  std::map<const Form*, RuleSet> rule_sets;  // compiled once per form
  std::vector<Finding> out;
  for (const auto& r : reports) {
    auto it = rule_sets.find(&r.form());
    if (it == rule_sets.end()) {
      auto e = extra.find(r.form().key());
      it = rule_sets.emplace(&r.form(), RuleSet::for_form(r.form_ptr(), e == extra.end() ? std::vector<RuleSpec>{} : e->second)).first;
    }
    for (auto& f : check_report(r, it->second)) out.push_back(std::move(f));
  }
  // Stated growth rates, against last year's report of the same series when the set has it (the
  // last one given, when a series has two reports of a year). One map, as check_links pairs them.
  std::map<std::pair<std::string, int>, const Report*> by_year;
  std::vector<std::string> series;
  series.reserve(reports.size());
  for (const auto& r : reports) {
    series.push_back(series_of(r));
    by_year[{series.back(), r.year}] = &r;
  }
  for (std::size_t i = 0; i < reports.size(); ++i) {
    auto it = by_year.find({series[i], reports[i].year - 1});
    for (auto& f : check_growth(reports[i], it == by_year.end() ? nullptr : it->second)) out.push_back(std::move(f));
  }
  for (auto& f : check_links(reports)) out.push_back(std::move(f));
  return out;
}

}  // namespace disclosure
