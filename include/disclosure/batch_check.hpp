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
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "disclosure/check.hpp"
#include "disclosure/panel.hpp"

namespace disclosure {

namespace detail {

// work(0 … n−1), share 0 on the calling thread. Every thread is joined, whatever throws; then the
// exception of the earliest share that threw is raised again, as the library's Error.
template <class Work>
void run_shares(unsigned n, Work&& work) {
  std::vector<std::exception_ptr> errors(n);
  auto guarded = [&](unsigned t) noexcept {
    try {
      work(t);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> pool;  // joined when the scope ends, even if starting one throws
    pool.reserve(n);
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(guarded, t);
    guarded(0);
  }
  for (const auto& e : errors) {
    if (!e) continue;
    try {
      std::rethrow_exception(e);
    } catch (const Error&) {
      throw;
    } catch (const std::exception& x) {
      throw Error(std::string("batch check: ") + x.what());
    } catch (...) {
      throw Error("batch check: an exception that is not a std::exception");
    }
  }
}

}  // namespace detail

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
// Per report the counts are bounded by the number of rules: 12 bytes, not 24, for each of a
// million reports.
struct ReportCounts {
  std::uint32_t fails = 0, not_assessable = 0, errors = 0;
  friend bool operator==(const ReportCounts&, const ReportCounts&) = default;
};

class BatchResult {
public:
  std::size_t reports = 0;
  std::vector<std::string> rule_ids;
  std::vector<int> scales;             // per rule: decimals of its sides
  std::vector<BatchFinding> findings;  // sorted by report, then rule
  std::vector<BatchCounts> per_rule;
  std::vector<ReportCounts> per_report;

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
    auto add = [](auto& c, Status s) {
      if (s == Status::fail) ++c.fails;
      else if (s == Status::not_assessable) ++c.not_assessable;
      else ++c.errors;
    };
    for (const auto& f : findings) {
      add(per_rule[f.rule], f.status);
      add(per_report[f.report], f.status);
    }
  }
};

class BatchChecker {
public:
  explicit BatchChecker(const RuleSet& rules) : form_(rules.form()), rules_(rules.rules()), totals_(form_.partition_totals()) {
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
      bool mixed = false;  // cells of the form's own units that differ: the rule errs on every report
      for (auto c : rules_[r].lhs) mixed = mixed || form_.cells()[c].unit != form_.cells()[rules_[r].lhs.front()].unit;
      for (auto c : rules_[r].rhs) mixed = mixed || form_.cells()[c].unit != form_.cells()[rules_[r].lhs.front()].unit;
      mixed_units_.push_back(mixed);
      if (mixed) mixed_rules_.push_back(static_cast<std::uint32_t>(r));
      enumerates_.push_back(rules_[r].lhs.size() == 1 && form_.enumerates(rules_[r].lhs.front(), rules_[r].rhs));
      for (std::size_t k = rows_[r]; k < rows_[r + 1]; ++k) incidence_[terms_[k].cell].push_back(static_cast<std::uint32_t>(r));
    }
    std::int64_t largest = 1;
    for (const auto& t : terms_) largest = std::max(largest, t.coefficient < 0 ? -t.coefficient : t.coefficient);
    safe_sum_ = Decimal::max_units / largest;
    for (std::size_t c = 0; c < form_.size(); ++c)
      if (!incidence_[c].empty()) used_cells_.push_back(static_cast<std::uint32_t>(c));
    safe_or_ = 1;
    while (safe_or_ * 2 <= static_cast<std::uint64_t>(safe_sum_) / std::max<std::size_t>(1, used_cells_.size() + 1)) safe_or_ *= 2;
    safe_or_ -= 1;  // 2^k − 1: an or at most this has every value below 2^k
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
      Scratch s(rules_.size(), form_.size(), terms_.size());
      for (std::size_t j0 = begin; j0 < end; j0 += block) check_block(panel, j0, std::min(block, end - j0), s, parts[t]);
    };
    detail::run_shares(threads, work);
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

  // D·X for one rule over a block: the ±1 terms (every term of a sum rule) as plain adds and
  // subtracts over 8 reports at a time, so the sums stay in registers and the compiler vectorises.
  struct RulePointers {
    const std::int64_t* const* plus;
    std::size_t n_plus;
    const std::int64_t* const* minus;
    std::size_t n_minus;
    const Term* other;  // terms with another coefficient (decimals rescaled), rare
    std::size_t n_other;
    const std::int64_t* const* other_rows;
  };
  struct Scratch {
    std::vector<std::int64_t> d;    // rules × block: D·X of the block
    std::vector<std::int64_t> alt;  // per missing cell of the report at hand: its derived subtotal, else 0
    std::vector<char> has;
    std::vector<char> unknown;  // a total the report at hand does not state (see RuleSet::check)
    std::vector<char> beyond;   // a derived subtotal past 2^53 (Derived::beyond)
    std::vector<std::uint64_t> magnitude;  // per report of the block: the or of the values the rules use
    std::vector<char> plain;              // per report of the block: decided by the product alone
    std::vector<const Breakdown*> from;
    std::vector<std::uint32_t> stamp;  // rule r is affected in report j when stamp[r] == j + 1
    std::vector<BatchFinding> block_out;
    std::vector<RulePointers> rps;
    std::vector<const std::int64_t*> pointers, minus_pointers, other_pointers;
    std::vector<Term> other_terms;
    Scratch(std::size_t rules, std::size_t cells, std::size_t terms)
        : d(rules * block), alt(cells, 0), has(cells, 1), unknown(cells, 0), beyond(cells, 0), magnitude(block), plain(block), from(cells, nullptr), stamp(rules, 0), rps(rules), pointers(terms),
          minus_pointers(terms), other_pointers(terms), other_terms(terms) {}
  };

  bool fails(std::size_t r, std::int64_t d) const noexcept { return rules_[r].comparison == Comparison::equal ? d != 0 : d > 0; }

#if defined(__GNUC__)
  __attribute__((always_inline))
#endif
  static inline void rule_sums(const RulePointers& rp, std::size_t b, std::int64_t* __restrict acc) {
    std::size_t j = 0;
    for (; j + 8 <= b; j += 8) {
      std::int64_t a[8] = {};
      for (std::size_t k = 0; k < rp.n_plus; ++k)
        for (std::size_t t = 0; t < 8; ++t) a[t] += rp.plus[k][j + t];
      for (std::size_t k = 0; k < rp.n_minus; ++k)
        for (std::size_t t = 0; t < 8; ++t) a[t] -= rp.minus[k][j + t];
      for (std::size_t k = 0; k < rp.n_other; ++k)
        for (std::size_t t = 0; t < 8; ++t) a[t] += rp.other[k].coefficient * rp.other_rows[k][j + t];
      for (std::size_t t = 0; t < 8; ++t) acc[j + t] = a[t];
    }
    for (; j < b; ++j) {
      std::int64_t a = 0;
      for (std::size_t k = 0; k < rp.n_plus; ++k) a += rp.plus[k][j];
      for (std::size_t k = 0; k < rp.n_minus; ++k) a -= rp.minus[k][j];
      for (std::size_t k = 0; k < rp.n_other; ++k) a += rp.other[k].coefficient * rp.other_rows[k][j];
      acc[j] = a;
    }
  }
#if defined(__GNUC__)
  __attribute__((always_inline))
#endif
  static inline void all_sums(const std::vector<RulePointers>& rps, std::size_t b, std::int64_t* d) {
    for (std::size_t r = 0; r < rps.size(); ++r) rule_sums(rps[r], b, d + r * block);
  }
  static void all_sums_default(const std::vector<RulePointers>& rps, std::size_t b, std::int64_t* d) { all_sums(rps, b, d); }
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  // The same loops compiled for AVX2 (4 int64 per instruction), chosen at run time: the library is
  // header-only and built for the baseline x86-64, which has 2.
  __attribute__((target("avx2"))) static void all_sums_avx2(const std::vector<RulePointers>& rps, std::size_t b, std::int64_t* d) { all_sums(rps, b, d); }
  static bool has_avx2() {
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
  }
#endif

  void check_block(const Panel& panel, std::size_t j0, std::size_t b, Scratch& s, std::vector<BatchFinding>& out) const {
    s.block_out.clear();
    // Row pointers of this block, per rule: plus, minus, other.
    for (std::size_t r = 0; r < rules_.size(); ++r) {
      RulePointers& rp = s.rps[r];
      std::size_t k0 = rows_[r], np = 0, nm = 0, no = 0;
      for (std::size_t k = rows_[r]; k < rows_[r + 1]; ++k) {
        const std::int64_t* x = panel.row(terms_[k].cell) + j0;
        if (terms_[k].coefficient == 1) s.pointers[k0 + np++] = x;
        else if (terms_[k].coefficient == -1) s.minus_pointers[k0 + nm++] = x;
        else s.other_pointers[k0 + no] = x, s.other_terms[k0 + no++] = terms_[k];
      }
      rp = {s.pointers.data() + k0, np, s.minus_pointers.data() + k0, nm, s.other_terms.data() + k0, no, s.other_pointers.data() + k0};
    }
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (has_avx2()) all_sums_avx2(s.rps, b, s.d.data());
    else all_sums_default(s.rps, b, s.d.data());
#else
    all_sums_default(s.rps, b, s.d.data());
#endif
    plain_reports(panel, j0, b, s);
    for (std::size_t r = 0; r < rules_.size(); ++r) {
      const std::int64_t* acc = s.d.data() + r * block;
      if (mixed_units_[r]) {  // cells of different units: an error on every report (RuleSet::unit_mismatch)
        for (std::size_t j = 0; j < b; ++j)
          if (s.plain[j]) s.block_out.push_back({static_cast<std::uint32_t>(j0 + j), static_cast<std::uint32_t>(r), 0, 0, Status::error, false, false});
        continue;
      }
      std::int64_t any = 0;
      if (rules_[r].comparison == Comparison::equal) for (std::size_t j = 0; j < b; ++j) any |= acc[j];
      else for (std::size_t j = 0; j < b; ++j) any = std::max(any, acc[j]);
      if (any == 0) continue;
      for (std::size_t j = 0; j < b; ++j)
        if (fails(r, acc[j]) && s.plain[j]) {
          std::int64_t left = 0;
          for (std::size_t k = rows_[r]; k < rows_[r + 1]; ++k) left += terms_[k].left * panel.row(terms_[k].cell)[j0 + j];
          s.block_out.push_back({static_cast<std::uint32_t>(j0 + j), static_cast<std::uint32_t>(r), left, left - acc[j], Status::fail, false, false});
        }
    }
    for (std::size_t j = 0; j < b; ++j)
      if (!s.plain[j]) check_exceptional(panel, j0 + j, s.d.data() + j, s);
    std::sort(s.block_out.begin(), s.block_out.end(), [](const BatchFinding& a, const BatchFinding& c) { return a.report != c.report ? a.report < c.report : a.rule < c.rule; });
    out.insert(out.end(), s.block_out.begin(), s.block_out.end());
  }

  // The reports of the block decided by the product alone: no missing cells, no units of their
  // own, and no value above safe_or_ (then no side of a rule, nor a difference, passes 2^53). A
  // panel whose largest value is within it needs no look at the values; otherwise the bitwise or of
  // each report's values (as unsigned: a negative one sets the top bit) bounds them all.
  void plain_reports(const Panel& panel, std::size_t j0, std::size_t b, Scratch& s) const {
    for (std::size_t j = 0; j < b; ++j) s.plain[j] = panel.is_plain(j0 + j);
    if (static_cast<std::uint64_t>(panel.largest_magnitude()) <= safe_or_) return;
    std::uint64_t* __restrict m = s.magnitude.data();
    std::fill(m, m + b, 0);
    for (auto c : used_cells_) {
      const std::int64_t* __restrict x = panel.row(c) + j0;
      for (std::size_t j = 0; j < b; ++j) m[j] |= static_cast<std::uint64_t>(x[j]);
    }
    for (std::size_t j = 0; j < b; ++j) s.plain[j] = s.plain[j] && m[j] <= safe_or_;
  }

  // A report with missing cells, its own units or large numbers: the rules touching those cells
  // (every rule, for large numbers) are decided as RuleSet::check decides them; the others by the
  // product (d, strided by `block`).
  void check_exceptional(const Panel& panel, std::size_t j, const std::int64_t* d, Scratch& s) const {
    const auto stamp = static_cast<std::uint32_t>(j + 1);
    auto missing = panel.missing_of(j);
    std::vector<std::pair<std::uint32_t, const std::string*>> units;  // this report's own units
    for (const auto& u : panel.units_of(j)) units.emplace_back(u.cell, &u.unit);
    for (const auto& m : missing) {
      s.has[m.cell] = 0;
      s.unknown[m.cell] = totals_[m.cell] && m.kind == Missing::not_stated;
      for (auto r : incidence_[m.cell]) s.stamp[r] = stamp;
    }
    for (const auto& [c, u] : units)
      for (auto r : incidence_[c]) s.stamp[r] = stamp;
    for (auto r : mixed_rules_) s.stamp[r] = stamp;
    derive(panel, j, s);
    const bool large = !within_limit(panel, j, s);
    if (large) std::fill(s.stamp.begin(), s.stamp.end(), stamp);
    for (std::size_t r = 0; r < rules_.size(); ++r) {
      if (s.stamp[r] == stamp) {
        decide(panel, j, r, d[r * block], large, units, s);
        continue;
      }
      std::int64_t dr = d[r * block];
      if (!fails(r, dr)) continue;
      std::int64_t left = 0;
      for (std::size_t k = rows_[r]; k < rows_[r + 1]; ++k) left += terms_[k].left * value(panel, j, terms_[k].cell, s);
      s.block_out.push_back({static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(r), left, left - dr, Status::fail, false, false});
    }
    for (const auto& m : missing) {
      s.has[m.cell] = 1;
      s.unknown[m.cell] = 0;
      s.beyond[m.cell] = 0;
      s.alt[m.cell] = 0;
      s.from[m.cell] = nullptr;
    }
  }

  // Σ |x| over the cells the rules use, derived subtotals included, is within safe_sum_: no side of
  // any rule, nor a difference, passes 2^53.
  bool within_limit(const Panel& panel, std::size_t j, const Scratch& s) const {
    std::int64_t sum = 0;
    for (auto c : used_cells_) {
      std::int64_t v = value(panel, j, c, s);
      sum += v < 0 ? -v : v;
      if (sum > safe_sum_) return false;
    }
    return true;
  }

  // A cell's number as RuleSet::check reads it: stated, else derived, else 0.
  static std::int64_t value(const Panel& panel, std::size_t j, std::size_t c, const Scratch& s) { return s.has[c] ? panel.row(c)[j] : s.alt[c]; }

  // One rule on one exceptional report, in RuleSet::check's order: units (error), a derived
  // subtotal past 2^53 (error), a side with no number or an unknown total (NOT_ASSESSABLE), sides
  // past 2^53 (error), then the comparison with missing parts read as 0.
  void decide(const Panel& panel, std::size_t j, std::size_t r, std::int64_t dr, bool large, const std::vector<std::pair<std::uint32_t, const std::string*>>& units,
              Scratch& s) const {
    const Rule& rule = rules_[r];
    BatchFinding f{static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(r), 0, 0, Status::fail, false, false};
    const BatchFinding error{f.report, f.rule, 0, 0, Status::error, false, false};
    auto unit = [&](std::size_t c) -> const std::string& {
      for (const auto& [uc, u] : units)
        if (uc == c) return *u;
      return form_.cells()[c].unit;
    };
    bool unit_error = mixed_units_[r];
    if (!units.empty()) {
      const std::string& first = unit(rule.lhs.front());
      for (auto c : rule.lhs) unit_error = unit_error || unit(c) != first;
      for (auto c : rule.rhs) unit_error = unit_error || unit(c) != first;
    }
    bool reads_derived = false;  // some cell holds a derived subtotal, not the 0 of the matrix
    bool unknown_total = false;  // a total the report does not state: not read as 0
    bool beyond = false;         // a derived subtotal past 2^53
    auto absent = [&](const std::vector<std::size_t>& side, const std::vector<std::size_t>& other) {
      std::size_t n = 0;
      for (auto c : side) {
        if (s.has[c]) continue;
        if (s.from[c] && s.from[c]->parts != other) {
          reads_derived = true;
          if (s.beyond[c]) beyond = true;
          else f.derived = true;
        } else {
          ++n;
          unknown_total = unknown_total || (s.unknown[c] && !enumerates_[r]);
        }
      }
      return n;
    };
    std::size_t missing_l = absent(rule.lhs, rule.rhs), missing_r = absent(rule.rhs, rule.lhs);
    if (unit_error || beyond) return s.block_out.push_back(error);
    if (missing_l == rule.lhs.size() || missing_r == rule.rhs.size() || unknown_total)
      return s.block_out.push_back({f.report, f.rule, 0, 0, Status::not_assessable, false, false});
    f.read_as_zero = missing_l + missing_r > 0;
    // Missing cells hold 0 in the matrix: unless a derived subtotal stands in, the product is the sum.
    std::int64_t left = 0, diff = dr;
    if (reads_derived || large) {
      diff = 0;
      for (std::size_t k = rows_[r]; k < rows_[r + 1]; ++k) diff += terms_[k].coefficient * value(panel, j, terms_[k].cell, s);
    }
    if (!large && !fails(r, diff)) return;
    for (std::size_t k = rows_[r]; k < rows_[r + 1]; ++k) left += terms_[k].left * value(panel, j, terms_[k].cell, s);
    auto past = [](std::int64_t v) { return v > Decimal::max_units || v < -Decimal::max_units; };
    if (past(left) || past(left - diff) || past(diff)) return s.block_out.push_back(error);
    if (!fails(r, diff)) return;
    f.lhs = left;
    f.rhs = left - diff;
    s.block_out.push_back(f);
  }

  // derive_subtotals (derive.hpp) over one panel column: a missing parent of a row partition with
  // at least one part that has a number (stated or derived) is the sum of those parts. Units are
  // summed at the parent's scale (parts of a partition share it; one that does not is rescaled).
  void derive(const Panel& panel, std::size_t j, Scratch& s) const {
    const auto& all = form_.breakdowns();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      const Breakdown& b = *it;
      if (b.relation != Relation::partition || b.along_columns || s.has[b.parent] || s.from[b.parent]) continue;
      const int scale = form_.cells()[b.parent].decimals;
      detail::int128 sum = 0;
      bool any = false, beyond = false;
      for (auto p : b.parts) {
        if (!s.has[p] && !s.from[p]) continue;
        beyond = beyond || s.beyond[p];
        std::int64_t v = s.has[p] ? panel.row(p)[j] : s.alt[p];
        const int ps = form_.cells()[p].decimals;
        detail::int128 w = v;
        if (ps < scale) w *= Decimal::pow10(scale - ps);
        else if (ps > scale) w = Decimal(v, ps).rescaled(scale).units();
        sum += w;
        any = true;
        beyond = beyond || sum > Decimal::max_units || sum < -Decimal::max_units;  // the 2^53 cap, as Decimal sums have it
      }
      if (!any) continue;
      if (beyond) s.beyond[b.parent] = 1;
      else s.alt[b.parent] = static_cast<std::int64_t>(sum);
      s.from[b.parent] = &b;
    }
  }

  Form form_;
  std::vector<Rule> rules_;
  std::vector<Term> terms_;
  std::vector<std::size_t> rows_;  // terms_ of rule r: [rows_[r], rows_[r+1])
  std::vector<int> scales_;
  std::vector<bool> mixed_units_;
  std::vector<std::uint32_t> mixed_rules_;  // the rules whose cells differ in the form's own units
  std::int64_t safe_sum_ = 0;               // Σ |x| within which no rule's side passes 2^53
  std::uint64_t safe_or_ = 0;               // the or of a report's values within which Σ |x| ≤ safe_sum_
  std::vector<std::uint32_t> used_cells_;   // the cells some rule uses
  std::vector<char> totals_;      // Form::partition_totals
  std::vector<char> enumerates_;  // per rule, as RuleSet::check reads it
  std::vector<std::vector<std::uint32_t>> incidence_;  // per cell: the rules that use it
};

// Every rule of `rules` on every report of the panel.
inline BatchResult check_panel(const Panel& panel, const RuleSet& rules, unsigned threads = 0) { return BatchChecker(rules).check(panel, threads); }

}  // namespace disclosure
