#pragma once
// Counts per rule over many findings: items, passes, fails, not assessable, errors. A rule that
// could not be evaluated is counted as such, never among the passes.
#include <map>
#include <string>
#include <vector>

#include "disclosure/finding.hpp"

namespace disclosure {

struct RuleSummary {
  std::string rule;
  std::size_t items = 0, passes = 0, fails = 0, not_assessable = 0, errors = 0;
  friend bool operator==(const RuleSummary&, const RuleSummary&) = default;
};

inline std::vector<RuleSummary> summarise(const std::vector<Finding>& findings) {
  std::map<std::string, RuleSummary> by_rule;
  for (const auto& f : findings) {
    RuleSummary& s = by_rule[f.rule];
    s.rule = f.rule;
    ++s.items;
    switch (f.status) {
      case Status::pass: ++s.passes; break;
      case Status::fail: ++s.fails; break;
      case Status::not_assessable: ++s.not_assessable; break;
      case Status::error: ++s.errors; break;
    }
  }
  std::vector<RuleSummary> out;
  for (auto& [k, s] : by_rule) out.push_back(std::move(s));
  return out;
}

}  // namespace disclosure
