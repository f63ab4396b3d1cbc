#pragma once
// Shared by the test suites: the seed report, a finding looked up by rule id, and what checking
// each report alone says in the batch engine's compact form.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "disclosure/batch_check.hpp"
#include "disclosure/check.hpp"
#include "disclosure/finding.hpp"
#include "disclosure/io/json.hpp"

inline std::vector<disclosure::Report> seed_reports() {
  return disclosure::io::read_reports_json(std::string(DISCLOSURE_EXAMPLES) + "/data/qiqihar-2018.json");
}

inline disclosure::Finding by_rule(const std::vector<disclosure::Finding>& fs, const std::string& rule) {
  auto it = std::find_if(fs.begin(), fs.end(), [&](const disclosure::Finding& f) { return f.rule == rule; });
  if (it == fs.end()) throw std::runtime_error("no finding for rule " + rule);
  return *it;
}

// What RuleSet::check says of each report, in the batch's compact form.
inline std::vector<disclosure::BatchFinding> per_report(const std::vector<disclosure::Report>& reports, const disclosure::RuleSet& rules) {
  using namespace disclosure;
  std::vector<BatchFinding> out;
  for (std::size_t j = 0; j < reports.size(); ++j) {
    auto fs = rules.check(reports[j]);
    for (std::size_t r = 0; r < fs.size(); ++r) {
      const Finding& f = fs[r];
      if (f.status == Status::pass) continue;
      BatchFinding b{static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(r), 0, 0, f.status, false, false};
      if (f.status == Status::fail) {
        b.lhs = f.lhs->units();
        b.rhs = f.rhs->units();
        b.read_as_zero = !f.read_as_zero.empty();
        b.derived = !f.derived.empty();
      }
      out.push_back(b);
    }
  }
  return out;
}
