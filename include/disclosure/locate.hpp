#pragma once
// Where the error is. For a report that breaks some of its equalities, the smallest (least
// weight) sets of cells whose values could change so that every violated equality holds and no
// satisfied one breaks — error localisation in the Fellegi–Holt way, for linear edits. A set is
// feasible when the changes it needs solve the system restricted to its cells: rank(A_C) equals
// rank([A_C | −r]) over all assessable equalities (Eigen's FullPivLU). Cells a report left out
// (read as 0) are candidates too: "a category missing from the breakdown" is one edit.
//
// Then, for each cell that alone explains a violation, the edit it needs and what kind of slip it
// looks like: a category left out, one digit wrong, two neighbouring digits swapped.
// Inequalities (≤) are not localised: they need linear programming, not rank.
#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "disclosure/check.hpp"

namespace disclosure {

struct EditSet {
  std::vector<std::string> cells;
  double weight = 0;
  friend bool operator==(const EditSet&, const EditSet&) = default;
};

struct Localisation {
  std::vector<EditSet> minimal_sets;  // least total weight first
  std::vector<Suggestion> suggestions;
};

namespace detail {

inline bool one_digit_apart(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.size() < 2) return false;  // any change of a one-digit number is "one digit"
  int diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff += a[i] != b[i];
  return diff == 1;
}

inline bool adjacent_swap(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i + 1 < a.size(); ++i) {
    std::string s = a;
    std::swap(s[i], s[i + 1]);
    if (s != a && s == b) return true;
  }
  return false;
}

inline bool rank_consistent(const Eigen::MatrixXd& a, const Eigen::VectorXd& r) {
  Eigen::MatrixXd aug(a.rows(), a.cols() + 1);
  aug << a, r;
  Eigen::FullPivLU<Eigen::MatrixXd> lu_a(a), lu_aug(aug);
  lu_a.setThreshold(1e-9);
  lu_aug.setThreshold(1e-9);
  return lu_a.rank() == lu_aug.rank();
}

}  // namespace detail

// `findings` are the rule set's findings on the report; `weights` (by cell key, default 1) say how
// much a cell is trusted: a heavier cell is changed only when lighter sets cannot do it.
inline Localisation locate(const Report& report, const RuleSet& rules, const std::vector<Finding>& findings, std::size_t max_cells = 3,
                           const std::map<std::string, double>& weights = {}) {
  Localisation out;
  const Form& form = report.form();
  std::vector<std::size_t> eqs;  // assessable equalities
  bool violated = false;
  for (std::size_t r = 0; r < rules.rules().size() && r < findings.size(); ++r) {
    const Finding& f = findings[r];
    if (rules.rules()[r].comparison != Comparison::equal || (f.status != Status::pass && f.status != Status::fail) || f.rounding) continue;
    eqs.push_back(r);
    violated = violated || f.status == Status::fail;
  }
  if (!violated) return out;

  // Candidates: the cells of violated equalities; coefficients over all assessable equalities.
  std::vector<std::size_t> candidates;
  for (auto r : eqs) {
    if (findings[r].status != Status::fail) continue;
    for (const auto* side : {&rules.rules()[r].lhs, &rules.rules()[r].rhs})
      for (auto c : *side)
        if (std::find(candidates.begin(), candidates.end(), c) == candidates.end()) candidates.push_back(c);
  }
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(eqs.size()), static_cast<Eigen::Index>(candidates.size()));
  Eigen::VectorXd residual(static_cast<Eigen::Index>(eqs.size()));
  for (std::size_t i = 0; i < eqs.size(); ++i) {
    const Rule& rule = rules.rules()[eqs[i]];
    residual(static_cast<Eigen::Index>(i)) = -findings[eqs[i]].difference->to_double();  // the change must cancel lhs − rhs
    for (std::size_t j = 0; j < candidates.size(); ++j) {
      double coef = 0;
      for (auto c : rule.lhs) coef += c == candidates[j] ? 1 : 0;
      for (auto c : rule.rhs) coef -= c == candidates[j] ? 1 : 0;
      a(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = coef;
    }
  }
  auto weight_of = [&](std::size_t c) {
    auto it = weights.find(form.cells()[c].key);
    return it == weights.end() ? 1.0 : it->second;
  };

  // Subsets by size; a superset of a feasible set is never minimal.
  std::vector<std::vector<std::size_t>> feasible;
  std::vector<std::size_t> pick;
  auto is_superset = [&](const std::vector<std::size_t>& s) {
    for (const auto& f : feasible)
      if (std::includes(s.begin(), s.end(), f.begin(), f.end())) return true;
    return false;
  };
  std::function<void(std::size_t, std::size_t)> choose = [&](std::size_t start, std::size_t k) {
    if (pick.size() == k) {
      if (is_superset(pick)) return;
      Eigen::MatrixXd sub(a.rows(), static_cast<Eigen::Index>(k));
      for (std::size_t j = 0; j < k; ++j) sub.col(static_cast<Eigen::Index>(j)) = a.col(static_cast<Eigen::Index>(pick[j]));
      if (detail::rank_consistent(sub, residual)) feasible.push_back(pick);
      return;
    }
    for (std::size_t j = start; j < candidates.size(); ++j) {
      pick.push_back(j);
      choose(j + 1, k);
      pick.pop_back();
    }
  };
  for (std::size_t k = 1; k <= std::min(max_cells, candidates.size()); ++k) choose(0, k);

  for (const auto& set : feasible) {
    EditSet e;
    for (auto j : set) {
      e.cells.push_back(form.cells()[candidates[j]].key);
      e.weight += weight_of(candidates[j]);
    }
    out.minimal_sets.push_back(std::move(e));
  }
  std::stable_sort(out.minimal_sets.begin(), out.minimal_sets.end(), [](const EditSet& x, const EditSet& y) { return x.weight < y.weight; });
  if (!out.minimal_sets.empty()) {
    double best = out.minimal_sets.front().weight;
    std::erase_if(out.minimal_sets, [&](const EditSet& e) { return e.weight > best + 1e-9; });
  }

  // Single-cell fixes: the value each needs, and what kind of slip it would be.
  for (const auto& set : feasible) {
    if (set.size() != 1) continue;
    std::size_t j = set.front(), c = candidates[j];
    Eigen::VectorXd col = a.col(static_cast<Eigen::Index>(j));
    Eigen::Index row;
    col.cwiseAbs().maxCoeff(&row);
    double delta = residual(row) / col(row);
    const Cell& cell = form.cells()[c];
    const Value& from = report[c];
    Decimal base = from.has_number() ? from.number().rescaled(cell.decimals) : Decimal(0, cell.decimals);
    Decimal to(base.units() + static_cast<std::int64_t>(std::llround(delta)), cell.decimals);
    if (to.units() < 0 && !cell.allow_negative) continue;
    Suggestion s{cell.key, from, to, SlipKind::other_value, {}};
    const std::string was = from.has_number() ? from.number().to_string() : "—";
    if (!from.has_number()) {
      s.kind = SlipKind::missing_category;
      s.message = {cell.label.zh + "未填报；若为" + to.to_string() + "则各项相符（漏列了一个分类？）。",
                   cell.label.en + " is not stated; with " + to.to_string() + " everything adds up (a category left out of the breakdown?)."};
    } else if (detail::adjacent_swap(was, to.to_string())) {
      s.kind = SlipKind::digits_swapped;
      s.message = {cell.label.zh + "填报" + was + "，若为" + to.to_string() + "则各项相符（两位数字颠倒？）。",
                   cell.label.en + " is " + was + "; as " + to.to_string() + " everything adds up (two digits swapped?)."};
    } else if (detail::one_digit_apart(was, to.to_string())) {
      s.kind = SlipKind::one_digit;
      s.message = {cell.label.zh + "填报" + was + "，若为" + to.to_string() + "则各项相符（一位数字有误？）。",
                   cell.label.en + " is " + was + "; as " + to.to_string() + " everything adds up (one digit wrong?)."};
    } else {
      s.message = {cell.label.zh + "填报" + was + "，若为" + to.to_string() + "则各项相符。", cell.label.en + " is " + was + "; as " + to.to_string() + " everything adds up."};
    }
    out.suggestions.push_back(std::move(s));
  }
  // The likeliest stories first: a left-out category, a swap, one digit; then any other value.
  std::stable_sort(out.suggestions.begin(), out.suggestions.end(), [](const Suggestion& x, const Suggestion& y) { return x.kind < y.kind; });
  return out;
}

// Localises the report's violated equalities and records the result in the findings: each failing
// equality gets the suggestions that touch its cells, and one `locate` finding (severity info)
// carries the minimal sets of cells to change.
inline void attach_localisation(const Report& report, const RuleSet& rules, std::vector<Finding>& findings) {
  Localisation l = locate(report, rules, findings);
  if (l.minimal_sets.empty()) return;
  for (std::size_t r = 0; r < rules.rules().size() && r < findings.size(); ++r) {
    Finding& f = findings[r];
    if (f.status != Status::fail || rules.rules()[r].comparison != Comparison::equal) continue;
    for (const auto& s : l.suggestions)
      if (std::any_of(f.cells.begin(), f.cells.end(), [&](const CellEvidence& c) { return c.key == s.cell; })) f.suggestions.push_back(s);
  }
  Finding f;
  f.report = report.id();
  f.rule = "locate";
  f.status = Status::fail;
  f.severity = Severity::info;
  f.basis = {BasisKind::heuristic, "Fellegi–Holt error localisation over the report's linear equalities: the least-weight sets of cells whose change satisfies every violated equality without breaking a satisfied one"};
  std::string zh, en;
  for (const auto& e : l.minimal_sets) {
    f.edit_sets.push_back(e.cells);
    std::string set;
    for (const auto& c : e.cells) set += (set.empty() ? "" : " + ") + c;
    zh += (zh.empty() ? "" : "；") + set;
    en += (en.empty() ? "" : "; ") + set;
    for (const auto& c : e.cells)
      if (std::none_of(f.cells.begin(), f.cells.end(), [&](const CellEvidence& x) { return x.key == c; })) f.cells.push_back({c, Side::lhs, report.at(c)});
  }
  f.suggestions = l.suggestions;
  const std::string n = std::to_string(l.minimal_sets.size()), k = std::to_string(l.minimal_sets.front().cells.size());
  f.message = {"改动以下任一组" + k + "个单元格即可使各项相符（共" + n + "组）：" + zh + "。", "Changing any one of these " + n + " sets of " + k + " cell(s) would make every equality hold: " + en + "."};
  findings.push_back(std::move(f));
}

}  // namespace disclosure
