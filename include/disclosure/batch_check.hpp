#pragma once
// Checking a whole panel at once. The form's rules are compiled once into one sparse matrix
// D = L − R (rules × cells); a block of reports is checked by D·X_block, one vectorised pass over
// each cell row the rules use, and a rule fails where the row of the product is not 0 (==) or is
// above 0 (<=). Only what is not a pass is kept: the failures, NOT_ASSESSABLE and errors, each with
// both sides, plus counts per rule and per report; passes are counted, never stored, so the result
// stays far smaller than the data.
//
// The outcome equals RuleSet::check on each report alone (tested). A report whose cells are all
// numbers in the form's units is decided by the product alone. A report with missing cells or its
// own units goes, for the rules touching those cells only, through the same reasoning as
// RuleSet::check: units first (error), a side with no number (NOT_ASSESSABLE), missing parts read
// as 0, missing subtotals derived from their stated parts, never from this rule's other side.
//
// Blocks are split between threads (both cores of a small machine); each thread keeps its own
// findings, joined in report order.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "disclosure/check.hpp"
#include "disclosure/panel.hpp"

namespace disclosure {

// One rule on one report that did not pass: compact, with the evidence needed to rebuild the full
// Finding (BatchResult::finding).
struct BatchFinding {
  std::uint32_t report = 0;
  std::uint32_t rule = 0;
  std::int64_t lhs = 0;  // units at the rule's scale; 0 unless the status is FAIL
  std::int64_t rhs = 0;
  Status status = Status::fail;
  bool read_as_zero = false;  // some missing parts were read as 0
  bool derived = false;       // some missing subtotals were taken as the sum of their parts
  friend bool operator==(const BatchFinding&, const BatchFinding&) = default;
};

struct BatchCounts {
  std::uint64_t fails = 0, not_assessable = 0, errors = 0;
  friend bool operator==(const BatchCounts&, const BatchCounts&) = default;
};

class BatchResult {
public:
  std::size_t reports = 0;
  std::vector<std::string> rule_ids;
  std::vector<int> scales;             // per rule: decimals of its sides
  std::vector<BatchFinding> findings;  // sorted by report, then rule
  std::vector<BatchCounts> per_rule;
  std::vector<BatchCounts> per_report;

  std::uint64_t passes(std::size_t rule) const {
    const auto& c = per_rule.at(rule);
    return reports - c.fails - c.not_assessable - c.errors;
  }
  Decimal lhs(const BatchFinding& f) const { return Decimal(f.lhs, scales.at(f.rule)); }
  Decimal rhs(const BatchFinding& f) const { return Decimal(f.rhs, scales.at(f.rule)); }
  Decimal difference(const BatchFinding& f) const { return Decimal(f.lhs - f.rhs, scales.at(f.rule)); }

  // The full finding, with every cell, message and reading, as RuleSet::check gives it.
  Finding finding(const BatchFinding& f, const Panel& panel, const RuleSet& rules) const {
    auto all = rules.check(panel.report(f.report));
    return all.at(f.rule);
  }

  // Counts per rule and per report from the findings.
  void count() {
    per_rule.assign(rule_ids.size(), {});
    per_report.assign(reports, {});
    for (const auto& f : findings)
      for (auto* c : {&per_rule[f.rule], &per_report[f.report]}) {
        if (f.status == Status::fail) ++c->fails;
        else if (f.status == Status::not_assessable) ++c->not_assessable;
        else ++c->errors;
      }
  }
};

class BatchChecker {
public:
  explicit BatchChecker(const RuleSet& rules) : form_(rules.form()), rules_(rules.rules()) {
    // form_ is a copy: the checker may outlive the rule set; breakdowns below point into it.
    const auto& L = rules.lhs_matrix();
    const auto& R = rules.rhs_matrix();
    using It = RuleSet::Matrix::InnerIterator;
    rows_.resize(rules_.size() + 1);
    incidence_.assign(form_.size(), {});
    for (std::size_t r = 0; r < rules_.size(); ++r) {
      auto ri = static_cast<Eigen::Index>(r);
      for (It it(L, ri); it; ++it) terms_.push_back({static_cast<std::uint32_t>(it.col()), it.value(), it.value()});
      for (It it(R, ri); it; ++it) terms_.push_back({static_cast<std::uint32_t>(it.col()), -it.value(), 0});
      rows_[r + 1] = terms_.size();
      int scale = 0;
      for (auto c : rules_[r].lhs) scale = std::max(scale, form_.cells()[c].decimals);
      for (auto c : rules_[r].rhs) scale = std::max(scale, form_.cells()[c].decimals);
      scales_.push_back(scale);
      for (std::size_t k = rows_[r]; k < rows_[r + 1]; ++k) incidence_[terms_[k].cell].push_back(static_cast<std::uint32_t>(r));
    }
  }

  // threads = 0: the machine's cores, each given at least min_reports_per_thread (below that,
  // starting a thread costs more than it saves).
  BatchResult check(const Panel& panel, unsigned threads = 0) const {
    if (!(panel.form() == form_)) throw Error("the panel is on form '" + panel.form().key() + "', the rules are for '" + form_.key() + "'");
    BatchResult out;
    out.reports = panel.size();
    for (const auto& r : rules_) out.rule_ids.push_back(r.id);
    out.scales = scales_;
    const std::size_t n = panel.size();
    if (threads == 0)
      threads = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), std::max<std::size_t>(1, n / min_reports_per_thread)));
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, (n + block - 1) / block)));
    std::vector<std::vector<BatchFinding>> parts(threads);
    const std::size_t chunk = (n / threads + block - 1) / block * block;
    auto work = [&](unsigned t) {
      std::size_t begin = std::min(n, t * chunk), end = t + 1 == threads ? n : std::min(n, (t + 1) * chunk);
      Scratch s(rules_.size(), form_.size());
      for (std::size_t j0 = begin; j0 < end; j0 += block) check_block(panel, j0, std::min(block, end - j0), s, parts[t]);
    };
    if (threads == 1) work(0);
    else {
      std::vector<std::thread> pool;
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
      work(0);
      for (auto& th : pool) th.join();
    }
    std::size_t total = 0;
    for (const auto& p : parts) total += p.size();
    out.findings.reserve(total);
    for (auto& p : parts) out.findings.insert(out.findings.end(), p.begin(), p.end());
    out.count();
    return out;
  }

  static constexpr std::size_t block = 256;  // 256 reports × 200 cells × 8 bytes fit in L2
  static constexpr std::size_t min_reports_per_thread = 16384;

private:
  struct Term {
    std::uint32_t cell;
    std::int64_t coefficient;  // in D = L − R
    std::int64_t left;         // in L (0 for a right-hand cell)
  };

  struct Scratch {
    std::vector<std::int64_t> d;  // rules × block: D·X of the block
    std::vector<std::int64_t> x;  // one report's values, derived subtotals filled in
    std::vector<char> has;
    std::vector<std::optional<Decimal>> derived;
    std::vector<const Breakdown*> from;
    std::vector<std::uint32_t> stamp;  // rule r is affected in report j when stamp[r] == j + 1
    std::vector<BatchFinding> block_out;
    Scratch(std::size_t rules, std::size_t cells) : d(rules * block), x(cells), has(cells, 1), derived(cells), from(cells, nullptr), stamp(rules, 0) {}
  };

  bool fails(std::size_t r, std::int64_t d) const noexcept { return rules_[r].comparison == Comparison::equal ? d != 0 : d > 0; }

  void check_block(const Panel& panel, std::size_t j0, std::size_t b, Scratch& s, std::vector<BatchFinding>& out) const {
    s.block_out.clear();
    for (std::size_t r = 0; r < rules_.size(); ++r) {
      std::int64_t* __restrict acc = s.d.data() + r * block;
      std::fill(acc, acc + b, 0);
      for (std::size_t k = rows_[r]; k < rows_[r + 1]; ++k) {
        const std::int64_t* __restrict x = panel.row(terms_[k].cell) + j0;
        const std::int64_t a = terms_[k].coefficient;
        if (a == 1) for (std::size_t j = 0; j < b; ++j) acc[j] += x[j];
        else if (a == -1) for (std::size_t j = 0; j < b; ++j) acc[j] -= x[j];
        else for (std::size_t j = 0; j < b; ++j) acc[j] += a * x[j];
      }
      std::int64_t any = 0;
      if (rules_[r].comparison == Comparison::equal) for (std::size_t j = 0; j < b; ++j) any |= acc[j];
      else for (std::size_t j = 0; j < b; ++j) any = std::max(any, acc[j]);
      if (any == 0) continue;
      for (std::size_t j = 0; j < b; ++j)
        if (fails(r, acc[j]) && panel.is_plain(j0 + j)) {
          std::int64_t left = 0;
          for (std::size_t k = rows_[r]; k < rows_[r + 1]; ++k) left += terms_[k].left * panel.row(terms_[k].cell)[j0 + j];
          s.block_out.push_back({static_cast<std::uint32_t>(j0 + j), static_cast<std::uint32_t>(r), left, left - acc[j], Status::fail, false, false});
        }
    }
    for (std::size_t j = 0; j < b; ++j)
      if (!panel.is_plain(j0 + j)) check_exceptional(panel, j0 + j, s.d.data() + j, s);
    std::sort(s.block_out.begin(), s.block_out.end(), [](const BatchFinding& a, const BatchFinding& c) { return a.report != c.report ? a.report < c.report : a.rule < c.rule; });
    out.insert(out.end(), s.block_out.begin(), s.block_out.end());
  }

  // A report with missing cells or its own units: the rules touching those cells are decided as
  // RuleSet::check decides them; the others by the product (d, strided by `block`).
  void check_exceptional(const Panel& panel, std::size_t j, const std::int64_t* d, Scratch& s) const {
    const auto stamp = static_cast<std::uint32_t>(j + 1);
    auto missing = panel.missing_of(j);
    std::vector<std::pair<std::uint32_t, const std::string*>> units;  // this report's own units
    for (const auto& u : panel.unit_overrides())
      if (u.report == j) units.emplace_back(u.cell, &u.unit);
    for (const auto& m : missing) {
      s.has[m.cell] = 0;
      for (auto r : incidence_[m.cell]) s.stamp[r] = stamp;
    }
    for (const auto& [c, u] : units)
      for (auto r : incidence_[c]) s.stamp[r] = stamp;
    for (std::size_t c = 0; c < form_.size(); ++c) s.x[c] = panel.row(c)[j];
    derive(panel, j, s);
    for (const auto& m : missing)
      if (s.derived[m.cell]) s.x[m.cell] = s.derived[m.cell]->rescaled(form_.cells()[m.cell].decimals).units();

    auto unit = [&](std::size_t c) -> const std::string& {
      for (const auto& [uc, u] : units)
        if (uc == c) return *u;
      return form_.cells()[c].unit;
    };
    for (std::size_t r = 0; r < rules_.size(); ++r) {
      const auto rule_index = static_cast<std::uint32_t>(r);
      if (s.stamp[r] != stamp) {
        std::int64_t dr = d[r * block];
        if (!fails(r, dr)) continue;
        std::int64_t left = 0;
        for (std::size_t k = rows_[r]; k < rows_[r + 1]; ++k) left += terms_[k].left * s.x[terms_[k].cell];
        s.block_out.push_back({static_cast<std::uint32_t>(j), rule_index, left, left - dr, Status::fail, false, false});
        continue;
      }
      const Rule& rule = rules_[r];
      BatchFinding f{static_cast<std::uint32_t>(j), rule_index, 0, 0, Status::fail, false, false};
      bool unit_error = false;
      const std::string& first = unit(rule.lhs.front());
      for (auto c : rule.lhs) unit_error = unit_error || unit(c) != first;
      for (auto c : rule.rhs) unit_error = unit_error || unit(c) != first;
      if (unit_error) {
        f.status = Status::error;
        s.block_out.push_back(f);
        continue;
      }
      auto absent = [&](const std::vector<std::size_t>& side, const std::vector<std::size_t>& other) {
        std::size_t n = 0;
        for (auto c : side) {
          if (s.has[c]) continue;
          if (s.from[c] && s.from[c]->parts != other) f.derived = true;
          else ++n;
        }
        return n;
      };
      std::size_t missing_l = absent(rule.lhs, rule.rhs), missing_r = absent(rule.rhs, rule.lhs);
      if (missing_l == rule.lhs.size() || missing_r == rule.rhs.size()) {
        s.block_out.push_back({f.report, f.rule, 0, 0, Status::not_assessable, false, false});
        continue;
      }
      f.read_as_zero = missing_l + missing_r > 0;
      std::int64_t left = 0, diff = 0;
      for (std::size_t k = rows_[r]; k < rows_[r + 1]; ++k) {
        left += terms_[k].left * s.x[terms_[k].cell];
        diff += terms_[k].coefficient * s.x[terms_[k].cell];
      }
      if (!fails(r, diff)) continue;
      f.lhs = left;
      f.rhs = left - diff;
      s.block_out.push_back(f);
    }
    for (const auto& m : missing) {
      s.has[m.cell] = 1;
      s.derived[m.cell].reset();
      s.from[m.cell] = nullptr;
    }
  }

  // derive_subtotals (derive.hpp) over one panel column: a missing parent of a row partition with
  // at least one part that has a number (stated or derived) is the sum of those parts.
  void derive(const Panel& panel, std::size_t j, Scratch& s) const {
    const auto& all = form_.breakdowns();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      const Breakdown& b = *it;
      if (b.relation != Relation::partition || b.along_columns || s.has[b.parent] || s.derived[b.parent]) continue;
      std::optional<Decimal> sum;
      for (auto p : b.parts) {
        std::optional<Decimal> v = s.has[p] ? std::optional<Decimal>(Decimal(panel.row(p)[j], form_.cells()[p].decimals)) : s.derived[p];
        if (v) sum = sum ? *sum + *v : *v;
      }
      if (!sum) continue;
      s.derived[b.parent] = sum;
      s.from[b.parent] = &b;
    }
  }

  Form form_;
  std::vector<Rule> rules_;
  std::vector<Term> terms_;
  std::vector<std::size_t> rows_;  // terms_ of rule r: [rows_[r], rows_[r+1])
  std::vector<int> scales_;
  std::vector<std::vector<std::uint32_t>> incidence_;  // per cell: the rules that use it
};

// Every rule of `rules` on every report of the panel.
inline BatchResult check_panel(const Panel& panel, const RuleSet& rules, unsigned threads = 0) { return BatchChecker(rules).check(panel, threads); }

}  // namespace disclosure
