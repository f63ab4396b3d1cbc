#pragma once
// What a form says about consecutive years of one series: which cells of a year continue the
// year before. links.hpp checks them; each form declares its own (forms/, or a form file's "years").
#include <string>
#include <vector>

#include "disclosure/label.hpp"

namespace disclosure {

// This year's cell `this_year + rest` equals last year's `last_year + rest`, for every cell of the
// form whose key starts with `this_year` (上年结转 = last year's 结转下年度继续办理); two whole keys
// pair one cell.
struct CarryOver {
  std::string this_year;  // key prefix, e.g. "applications.carried_over."
  std::string last_year;  // key prefix, e.g. "applications.carried_forward."
  friend bool operator==(const CarryOver&, const CarryOver&) = default;
};

// A running total by column: row.running (t) = row.running (t−1) + row.period (t), for every row
// with a `running` column (历年累计 = last year's 历年累计 + 本年度).
struct RunningTotal {
  std::string running;  // column key, e.g. "cumulative"
  std::string period;   // column key, e.g. "year"
  friend bool operator==(const RunningTotal&, const RunningTotal&) = default;
};

// A stock that rolls forward: row.stock (t) = row.stock (t−1) + row.added (t) − row.removed (t).
struct RollForward {
  std::string rule;  // rule id prefix of its findings, e.g. "in-force"
  std::vector<std::string> rows;
  std::string stock, added, removed;  // column keys
  Label label;       // what the findings call the stock
  std::string note;  // the basis of the check: why it holds, and when it breaks
  friend bool operator==(const RollForward&, const RollForward&) = default;
};

struct YearLinks {
  std::vector<CarryOver> carry_over;
  std::vector<RunningTotal> running_totals;
  std::vector<RollForward> roll_forward;
  bool empty() const noexcept { return carry_over.empty() && running_totals.empty() && roll_forward.empty(); }
  friend bool operator==(const YearLinks&, const YearLinks&) = default;
};

}  // namespace disclosure
