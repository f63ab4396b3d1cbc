#pragma once
// Evaluating rules on reports. A rule set is compiled once into two sparse matrices (left and
// right sides over the form's cells) so that a report, and later a whole panel, is checked by
// sparse products; the evidence for each finding is then read off the rule's own cells.
//
// Missing operands: a side whose cells are all missing makes the rule NOT_ASSESSABLE. When a side
// has some parts stated and others missing, the missing parts are read as holding nothing (a
// narrative list that omits a category, a blank template cell) and the finding lists them in
// `read_as_zero`, so the reading is never hidden. That reading is for a breakdown's parts: in a
// relation between totals (the printed balance 一 + 二 = 三 + 四, a user's rule), a total the
// report never states (not_stated, not derivable) is unknown, and the rule NOT_ASSESSABLE: an
// excerpt that gives 上年结转 but not 本年新收 says nothing of the latter. A missing subtotal whose
// own parts are stated (信函、传真 when letters and faxes are given apart) is derived from them and
// listed in `derived`; it never stands in for itself, so the rule that defines it stays
// NOT_ASSESSABLE.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <Eigen/SparseCore>

#include "disclosure/derive.hpp"
#include "disclosure/finding.hpp"
#include "disclosure/report.hpp"
#include "disclosure/form_rules.hpp"
#include "disclosure/rule.hpp"

namespace disclosure {

class RuleSet {
public:
  using Matrix = Eigen::SparseMatrix<std::int64_t, Eigen::RowMajor>;

  RuleSet(std::shared_ptr<const Form> form, std::vector<Rule> rules) : form_(std::move(form)), rules_(std::move(rules)) {
    if (!form_) throw Error("a rule set needs a form");
    totals_ = form_->partition_totals();
    std::vector<Eigen::Triplet<std::int64_t>> left, right;
    for (std::size_t r = 0; r < rules_.size(); ++r) {
      const Rule& rule = rules_[r];
      if (rule.lhs.empty() || rule.rhs.empty()) throw Error("rule '" + rule.id + "' needs cells on both sides");
      int scale = 0;
      for (auto c : rule.lhs) scale = std::max(scale, form_->cells()[c].decimals);
      for (auto c : rule.rhs) scale = std::max(scale, form_->cells()[c].decimals);
      auto coefficient = [&](std::size_t c) {
        int k = scale - form_->cells()[c].decimals;
        // Larger gaps could overflow 64-bit sums of values up to 2^53.
        if (k > 2) throw Error("rule '" + rule.id + "' mixes cells whose decimals differ by more than 2");
        return Decimal::pow10(k);
      };
      for (auto c : rule.lhs) left.emplace_back(static_cast<int>(r), static_cast<int>(c), coefficient(c));
      for (auto c : rule.rhs) right.emplace_back(static_cast<int>(r), static_cast<int>(c), coefficient(c));
      scales_.push_back(scale);
      enumerates_.push_back(rule.lhs.size() == 1 && form_->enumerates(rule.lhs.front(), rule.rhs));
    }
    auto rows = static_cast<Eigen::Index>(rules_.size()), cols = static_cast<Eigen::Index>(form_->size());
    lhs_.resize(rows, cols);
    rhs_.resize(rows, cols);
    lhs_.setFromTriplets(left.begin(), left.end());
    rhs_.setFromTriplets(right.begin(), right.end());
  }

  // The rules the form implies (its hierarchy and its declared relations), plus any given.
  static RuleSet for_form(std::shared_ptr<const Form> form, const std::vector<RuleSpec>& extra = {}) {
    auto rules = rules_from_form(*form);
    for (const auto& spec : extra) rules.push_back(form->resolve(spec));
    return RuleSet(std::move(form), std::move(rules));
  }

  const Form& form() const noexcept { return *form_; }
  const std::vector<Rule>& rules() const noexcept { return rules_; }
  const Matrix& lhs_matrix() const noexcept { return lhs_; }
  const Matrix& rhs_matrix() const noexcept { return rhs_; }

  std::vector<Finding> check(const Report& report) const {
    if (!(report.form() == *form_)) throw Error("report '" + report.id() + "' is on form '" + report.form().key() + "', the rules are for '" + form_->key() + "'");
    Eigen::Matrix<std::int64_t, Eigen::Dynamic, 1> x(static_cast<Eigen::Index>(form_->size()));
    const Derived derived = derive_subtotals(report);
    for (std::size_t i = 0; i < form_->size(); ++i) {
      std::optional<Decimal> n = number_or_derived(report, derived, i);
      x(static_cast<Eigen::Index>(i)) = n ? n->rescaled(form_->cells()[i].decimals).units() : 0;
    }
    Eigen::Matrix<std::int64_t, Eigen::Dynamic, 1> left = lhs_ * x, right = rhs_ * x;
    std::vector<Finding> out;
    out.reserve(rules_.size());
    for (std::size_t r = 0; r < rules_.size(); ++r)
      out.push_back(finding(report, rules_[r], left(static_cast<Eigen::Index>(r)), right(static_cast<Eigen::Index>(r)), scales_[r], enumerates_[r], derived));
    return out;
  }

  // The reason a rule over cells of different units cannot be evaluated (元 against 万元, 人 against
  // 件), or nothing when they share one.
  static std::optional<Label> unit_mismatch(const Report& report, const Rule& rule) {
    const Form& form = report.form();
    const std::size_t d = rule.lhs.front();
    for (const auto* side : {&rule.lhs, &rule.rhs})
      for (auto c : *side)
        if (report.unit(c) != report.unit(d))
          return Label{form.cells()[d].key + "（" + report.unit(d) + "）与" + form.cells()[c].key + "（" + report.unit(c) + "）单位不同，无法比较。",
                       "Cannot compare " + form.cells()[d].key + " (" + report.unit(d) + ") with " + form.cells()[c].key + " (" + report.unit(c) + "): different units."};
    return std::nullopt;
  }

private:
  // What a missing operand is when the rule is evaluated: read as 0 (or unknown), derived, or a
  // derived subtotal past 2^53.
  struct Operands {
    std::vector<std::size_t> missing_l, missing_r, beyond;
  };
  Operands operands(const Report& report, const Rule& rule, const Derived& derived, Finding& f) const {
    Operands o;
    // A cell derived from exactly this rule's other side would stand in for itself: it stays missing.
    auto self_derived = [&](std::size_t c, const std::vector<std::size_t>& other) { return derived.from[c] && derived.from[c]->parts == other; };
    auto side = [&](const std::vector<std::size_t>& cells, const std::vector<std::size_t>& other, Side s, std::vector<std::size_t>& missing) {
      for (auto c : cells) {
        f.cells.push_back({form_->cells()[c].key, s, report[c]});
        if (report[c].has_number()) continue;
        if (!derived.from[c] || self_derived(c, other)) missing.push_back(c);
        else if (derived.beyond[c]) o.beyond.push_back(c);
        else f.derived.push_back(form_->cells()[c].key);
      }
    };
    side(rule.lhs, rule.rhs, Side::lhs, o.missing_l);
    side(rule.rhs, rule.lhs, Side::rhs, o.missing_r);
    return o;
  }

  // An arithmetic limit: a side, or their difference, beyond 2^53 units; or a derived subtotal that is.
  Label limit_message(const std::vector<std::size_t>& beyond, std::int64_t left, std::int64_t right) const {
    if (!beyond.empty()) {
      std::string keys;
      for (auto c : beyond) keys += (keys.empty() ? "" : ", ") + form_->cells()[c].key;
      return {"无法核对：" + keys + "的分项合计超出支持的范围（2^53）。", "Cannot evaluate: the parts of " + keys + " sum beyond the supported magnitude 2^53."};
    }
    const std::string l = std::to_string(left), r = std::to_string(right);
    return {"无法核对：两边（" + l + "，" + r + "，以最小单位计）或其差超出支持的范围（2^53）。",
            "Cannot evaluate: the sides (" + l + " and " + r + " units) or their difference are beyond the supported magnitude 2^53."};
  }

  static bool beyond_limit(std::int64_t v) noexcept { return v > Decimal::max_units || v < -Decimal::max_units; }

  Finding finding(const Report& report, const Rule& rule, std::int64_t left, std::int64_t right, int scale, bool enumerates, const Derived& derived) const {
    Finding f;
    f.report = report.id();
    f.rule = rule.id;
    f.severity = rule.severity;
    f.comparison = rule.comparison;
    f.basis = rule.basis;
    f.tolerance = Decimal(0, scale);
    const Operands o = operands(report, rule, derived, f);
    const auto& missing_l = o.missing_l;
    const auto& missing_r = o.missing_r;
    // Cells given in different units (元 against 万元) cannot be added: the rule errs, it does not fail.
    if (auto why = unit_mismatch(report, rule)) {
      f.status = Status::error;
      f.message = *why;
      return f;
    }
    if (!o.beyond.empty()) {
      f.status = Status::error;
      f.message = limit_message(o.beyond, left, right);
      return f;
    }
    std::vector<std::size_t> unknown;  // totals never stated, in a relation between totals: not 0, unknown
    for (const auto* side : {&missing_l, &missing_r})
      for (auto c : *side)
        if (!enumerates && totals_[c] && report[c].missing() == Missing::not_stated) unknown.push_back(c);
    if (!unknown.empty() && missing_l.size() < rule.lhs.size() && missing_r.size() < rule.rhs.size()) {
      f.status = Status::not_assessable;
      std::string zh, en;
      for (auto c : unknown) {
        zh += (zh.empty() ? "" : "、") + form_->cells()[c].label.zh;
        en += (en.empty() ? "" : ", ") + form_->cells()[c].label.en;
      }
      f.message = {"无法核对：报告未填报" + zh + "（合计项，不按0计）。", "Not assessable: the report does not state " + en + " (a total, not read as 0)."};
      return f;
    }
    if (missing_l.size() == rule.lhs.size() || missing_r.size() == rule.rhs.size()) {
      f.status = Status::not_assessable;
      auto& gone = missing_l.size() == rule.lhs.size() ? missing_l : missing_r;
      std::string zh, en;
      for (auto c : gone) {
        zh += (zh.empty() ? "" : "、") + form_->cells()[c].label.zh + "（" + std::string(to_string(report[c].missing())) + "）";
        en += (en.empty() ? "" : ", ") + form_->cells()[c].label.en + " (" + std::string(to_string(report[c].missing())) + ")";
      }
      f.message = {"无法核对：" + zh + "没有数值。", "Not assessable: no number for " + en + "."};
      return f;
    }
    if (beyond_limit(left) || beyond_limit(right) || beyond_limit(left - right)) {
      f.status = Status::error;
      f.message = limit_message({}, left, right);
      return f;
    }
    evaluated(f, rule, left, right, scale, o);
    return f;
  }

  // A rule whose operands all have numbers (or are read as 0): the comparison and its message.
  void evaluated(Finding& f, const Rule& rule, std::int64_t left, std::int64_t right, int scale, const Operands& o) const {
    for (auto c : o.missing_l) f.read_as_zero.push_back(form_->cells()[c].key);
    for (auto c : o.missing_r) f.read_as_zero.push_back(form_->cells()[c].key);
    f.lhs = Decimal(left, scale);
    f.rhs = Decimal(right, scale);
    f.difference = Decimal(left - right, scale);
    bool holds = rule.comparison == Comparison::equal ? left == right : left <= right;
    f.status = holds ? Status::pass : Status::fail;
    f.message = message(rule, *f.lhs, *f.rhs, *f.difference, holds);
    if (!f.read_as_zero.empty()) {
      std::string zh, en;
      for (const auto* side : {&o.missing_l, &o.missing_r})
        for (auto c : *side) { zh += (zh.empty() ? "" : "、") + form_->cells()[c].label.zh; en += (en.empty() ? "" : ", ") + form_->cells()[c].label.en; }
      f.message.zh += "未填报的分项按0计：" + zh + "。";
      f.message.en += " Parts with no number, read as 0: " + en + ".";
    }
    if (!f.derived.empty()) {
      std::string zh, en;
      for (const auto& k : f.derived) {
        zh += (zh.empty() ? "" : "、") + form_->cell(k).label.zh;
        en += (en.empty() ? "" : ", ") + form_->cell(k).label.en;
      }
      f.message.zh += "由其分项合计得出：" + zh + "。";
      f.message.en += " Taken as the sum of its stated parts: " + en + ".";
    }
  }

  static Label message(const Rule& rule, Decimal l, Decimal r, Decimal d, bool holds) {
    const std::string L = l.to_string(), R = r.to_string();
    const std::string D = (d.units() < 0 ? Decimal(-d.units(), d.scale()) : d).to_string();
    const auto& lz = rule.lhs_text.zh; const auto& le = rule.lhs_text.en;
    const auto& rz = rule.rhs_text.zh; const auto& re = rule.rhs_text.en;
    if (rule.comparison == Comparison::less_equal) {
      if (holds) return {lz + L + "，未超过" + rz + R + "。", le + ": " + L + ", not more than the " + re + ": " + R + "."};
      return {lz + L + "，超过" + rz + R + "，多" + D + "。", le + ": " + L + ", more than the " + re + ": " + R + ", by " + D + "."};
    }
    if (rule.lhs.size() > 1)
      return holds ? Label{lz + L + "，等于" + rz + R + "。", "The " + le + " come to " + L + ", equal to the " + re + "."}
                   : Label{lz + "为" + L + "，" + rz + "为" + R + "，相差" + D + "。", "The " + le + " come to " + L + " but the " + re + " to " + R + ": a difference of " + D + "."};
    bool sum = rule.rhs.size() > 1;
    if (holds)
      return sum ? Label{rz + "合计" + R + "，与" + lz + L + "相符。", "The " + re + " sum to " + R + ", equal to the " + le + " stated."}
                 : Label{lz + L + "，与" + rz + R + "相符。", le + ": " + L + ", equal to the " + re + "."};
    std::string dir_en = d.units() > 0 ? " short" : " over";
    if (sum)
      return {lz + "填报" + L + "，但" + rz + "合计" + R + "，相差" + D + "。",
              le + ": " + L + " stated, but the " + re + " sum to " + R + " (" + D + dir_en + ")."};
    return {lz + L + "，" + rz + R + "，相差" + D + "。", le + ": " + L + ", but the " + re + ": " + R + ", a difference of " + D + "."};
  }

  std::shared_ptr<const Form> form_;
  std::vector<Rule> rules_;
  std::vector<char> totals_;       // Form::partition_totals
  std::vector<char> enumerates_;   // per rule: total == Σ the parts of one of its breakdowns
  std::vector<int> scales_;
  Matrix lhs_, rhs_;
};

}  // namespace disclosure
