#pragma once
// A small language for rules over cell keys, for users and for the built-in forms alike:
//
//   applications.new.total + applications.carried_over.total == applications.outcome.total + applications.carried_forward.total
//   requests.letter_fax.fax.year <= requests.total.year
//   sum(applications.outcome.withheld.*.total) >= applications.outcome.withheld.state_secret.total
//
// rule    := side ("==" | "<=" | ">=") side
// side    := term (("+" | "-") term)*
// term    := key | "sum(" pattern ")"
// key     := segment ("." segment)*, segment := [a-z0-9_]+
// pattern := a key in which a whole segment may be "*" (one segment of any name)
//
// A subtracted term moves to the other side and ">=" swaps the sides, so every rule becomes
// Σ lhs (== | <=) Σ rhs over cells with coefficient one. Patterns are expanded against the form
// when the rule is resolved (Form::resolve), where unknown keys name the closest valid ones.
#include <string>
#include <string_view>
#include <vector>

#include "disclosure/error.hpp"
#include "disclosure/rule.hpp"

namespace disclosure {

// A syntax error; the message gives the column (1-based) and what was expected there.
class RuleSyntaxError : public Error {
public:
  using Error::Error;
};

namespace detail {

class RuleParser {
public:
  explicit RuleParser(std::string_view text) : text_(text) {}

  RuleSpec parse() {
    RuleSpec spec;
    std::vector<std::string> left_pos, left_neg, right_pos, right_neg;
    side(left_pos, left_neg);
    skip_space();
    std::string op;
    if (text_.substr(pos_, 2) == "==" || text_.substr(pos_, 2) == "<=" || text_.substr(pos_, 2) == ">=") {
      op = std::string(text_.substr(pos_, 2));
      pos_ += 2;
    } else {
      fail("expected '==', '<=' or '>='");
    }
    side(right_pos, right_neg);
    skip_space();
    if (pos_ != text_.size()) fail("unexpected '" + std::string(1, text_[pos_]) + "' after the rule");
    // a − b op c − d  ⇔  a + d op c + b
    std::vector<std::string> lhs = left_pos, rhs = right_pos;
    lhs.insert(lhs.end(), right_neg.begin(), right_neg.end());
    rhs.insert(rhs.end(), left_neg.begin(), left_neg.end());
    if (op == ">=") std::swap(lhs, rhs);
    if (lhs.empty() || rhs.empty()) throw RuleSyntaxError("rule '" + std::string(text_) + "': each side needs at least one added term");
    spec.lhs = std::move(lhs);
    spec.rhs = std::move(rhs);
    spec.comparison = op == "==" ? Comparison::equal : Comparison::less_equal;
    return spec;
  }

private:
  [[noreturn]] void fail(const std::string& why) const {
    throw RuleSyntaxError("rule '" + std::string(text_) + "', column " + std::to_string(pos_ + 1) + ": " + why);
  }

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) ++pos_;
  }

  void side(std::vector<std::string>& pos, std::vector<std::string>& neg) {
    bool negative = false;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '-') {
      negative = true;
      ++pos_;
    }
    while (true) {
      (negative ? neg : pos).push_back(term());
      skip_space();
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
        negative = text_[pos_] == '-';
        ++pos_;
        continue;
      }
      return;
    }
  }

  std::string term() {
    skip_space();
    if (text_.substr(pos_, 4) == "sum(") {
      pos_ += 4;
      std::string pattern = key(true);
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != ')') fail("expected ')' to close sum(");
      ++pos_;
      if (pattern.find('*') == std::string::npos) fail("sum(…) takes a pattern with a '*' segment, e.g. sum(applications.outcome.withheld.*.total)");
      return pattern;
    }
    return key(false);
  }

  std::string key(bool allow_star) {
    skip_space();
    std::size_t start = pos_;
    bool segment_start = true;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      if (word) {
        segment_start = false;
      } else if (c == '*' && allow_star && segment_start && (pos_ + 1 >= text_.size() || text_[pos_ + 1] == '.' || text_[pos_ + 1] == ')')) {
        segment_start = false;
      } else if (c == '.' && !segment_start) {
        segment_start = true;
      } else {
        break;
      }
      ++pos_;
    }
    if (pos_ == start) fail(allow_star ? "expected a cell key pattern" : "expected a cell key or sum(…)");
    if (segment_start) fail("a key cannot end with '.'");
    return std::string(text_.substr(start, pos_ - start));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace detail

// Parses one rule; id, severity, basis and texts are the caller's to fill.
inline RuleSpec parse_rule(std::string_view text) { return detail::RuleParser(text).parse(); }

}  // namespace disclosure
