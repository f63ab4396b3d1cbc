#pragma once
// The definition of an indicator analysts compute from a report (公开率, 结转率 …): a numerator and a
// denominator over the form's cells, with its formula in words. Each form lists its own (forms/);
// indicators.hpp evaluates them.
#include <string>
#include <vector>

#include "disclosure/label.hpp"

namespace disclosure {

struct Term {
  std::string cell;  // a key, or a pattern with "*" segments (summed)
  int sign = 1;
  friend bool operator==(const Term&, const Term&) = default;
};

struct Indicator {
  std::string key;
  Label label;
  std::vector<Term> numerator, denominator;
  Label formula;       // in words, with the denominator made explicit
  std::string source;  // where analysts use it
  friend bool operator==(const Indicator&, const Indicator&) = default;
};

}  // namespace disclosure
