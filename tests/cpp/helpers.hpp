#pragma once
// Shared by the test suites: the seed report, and a finding looked up by rule id.
#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

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
