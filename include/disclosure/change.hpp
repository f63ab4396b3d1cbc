#pragma once
// Year-on-year: the change of every cell between two reports of one issuer and scope, exact and
// explained, across the 2019 → 2021 template change too; and the growth rates reports state
// ("同比增加10%") against last year's report, or, without it, the values they imply.
#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "disclosure/derive.hpp"
#include "disclosure/finding.hpp"
#include "disclosure/forms/ogi2008_to_ogi2019.hpp"
#include "disclosure/report.hpp"
#include "disclosure/rounding.hpp"

namespace disclosure {

struct CellChange {
  std::string cell;                    // key in the later report's form
  std::vector<std::string> before_cells;  // the earlier report's cells it was compared with (several when a row was split)
  std::optional<Decimal> before, after;
  std::optional<Decimal> absolute;     // after − before
  std::optional<Fraction> relative;    // (after − before) / before, exact
  std::optional<Decimal> percent;      // 100 · relative under the policy
  std::string why_absent;              // "before not_stated", "before is 0", …
  bool series_break = false;           // the two reports are on different forms: categories may not mean the same
};

// The change of every cell the later report has a number for (or derives), against the earlier.
// A cell the later form splits out of an earlier row is compared at the level of that row: the
// earlier row against the sum of the later sub-rows, under the later row's parent key.
inline std::vector<CellChange> changes(const Report& before, const Report& after, RoundingPolicy policy = {}) {
  const Form& fb = before.form();
  const Form& fa = after.form();
  const Derived db = derive_subtotals(before), da = derive_subtotals(after);
  std::vector<CellChange> out;
  const bool series_break = !(fb == fa);
  auto finish = [&](CellChange& c) {
    c.series_break = series_break;
    if (!c.before || !c.after) {
      c.why_absent = !c.before ? "before has no number" : "after has no number";
      return;
    }
    c.absolute = *c.after - *c.before;
    if (*c.before == Decimal(0)) {
      c.why_absent = "before is 0";
      return;
    }
    c.relative = ratio(*c.absolute, *c.before);
    c.percent = percent_if_representable(*c.absolute, *c.before, policy);
    if (!c.percent) c.why_absent = "percentage beyond the supported magnitude (the exact ratio is given)";
  };
  // Earlier cells with no counterpart key in the later form: rows the later form split.
  std::vector<bool> consumed(fb.size(), false);
  for (std::size_t i = 0; i < fa.size(); ++i) {
    const std::string& key = fa.cells()[i].key;
    auto j = fb.find(key);
    if (!j) continue;
    consumed[*j] = true;
    CellChange c;
    c.cell = key;
    c.before_cells = {key};
    c.before = number_or_derived(before, db, *j);
    c.after = number_or_derived(after, da, i);
    if (!c.before && !c.after) continue;
    finish(c);
    out.push_back(std::move(c));
  }
  for (std::size_t j = 0; j < fb.size(); ++j) {
    if (consumed[j]) continue;
    // Later cells one segment deeper, same column: prefix.X.column for earlier prefix.column.
    const Cell& cell = fb.cells()[j];
    const std::string row_prefix = fb.tables()[cell.table].key + "." + cell.row + ".";
    const std::string column = cell.column.empty() ? "" : "." + cell.column;
    CellChange c;
    c.cell = cell.key;
    c.before_cells = {cell.key};
    std::optional<Decimal> sum;
    for (std::size_t i = 0; i < fa.size(); ++i) {
      const Cell& later = fa.cells()[i];
      if (later.key.rfind(row_prefix, 0) != 0 || later.column != cell.column) continue;
      std::string middle = later.key.substr(row_prefix.size(), later.key.size() - row_prefix.size() - column.size());
      if (middle.empty() || middle.find('.') != std::string::npos) continue;
      auto v = number_or_derived(after, da, i);
      if (v) sum = sum ? *sum + *v : *v;
    }
    c.before = number_or_derived(before, db, j);
    c.after = sum;
    if (!c.before && !c.after) continue;
    finish(c);
    out.push_back(std::move(c));
  }
  return out;
}

struct SeriesPoint {
  int year = 0;
  std::string report;
  std::optional<Decimal> value;
  std::optional<Decimal> change;     // against the previous point
  std::optional<Fraction> factor;    // value / previous value
};

struct GrowthSeries {
  std::string cell;
  std::vector<SeriesPoint> points;   // by year
  // Compound annual growth from the first to the last point with a number: (last/first)^(1/years) − 1.
  // Irrational in general, so a double; absent when either end is missing or the first is 0.
  std::optional<double> cagr;
};

// One cell over the reports of a series, in year order (give reports of one series).
inline GrowthSeries growth_series(std::vector<const Report*> reports, const std::string& cell) {
  std::sort(reports.begin(), reports.end(), [](const Report* a, const Report* b) { return a->year < b->year; });
  GrowthSeries g{cell, {}, std::nullopt};
  std::optional<Decimal> previous;
  for (const Report* r : reports) {
    SeriesPoint p{r->year, r->id(), std::nullopt, std::nullopt, std::nullopt};
    if (auto i = r->form().find(cell)) {
      const Derived d = derive_subtotals(*r);
      p.value = number_or_derived(*r, d, *i);
    }
    if (p.value && previous) {
      p.change = *p.value - *previous;
      if (!(*previous == Decimal(0))) p.factor = ratio(*p.value, *previous);
    }
    previous = p.value;
    g.points.push_back(std::move(p));
  }
  const SeriesPoint* first = nullptr;
  const SeriesPoint* last = nullptr;
  for (const auto& p : g.points)
    if (p.value) {
      if (!first) first = &p;
      last = &p;
    }
  if (first && last && last->year > first->year && first->value->units() > 0 && last->value->units() >= 0)
    g.cagr = std::pow(last->value->to_double() / first->value->to_double(), 1.0 / (last->year - first->year)) - 1.0;
  return g;
}

// At most this many previous values are given (the smallest): a rate near −100% implies a wide range.
inline constexpr std::size_t max_implied_previous = 100;

// The previous values a stated growth rate implies: every whole previous count p for which
// 100·(value − p)/p, printed with the rate's decimals (rounded half-up or truncated), is the rate.
// That percentage falls as p grows, so the values are one range, found by bisection; a rate of
// −100% or below implies none for a positive value.
inline std::vector<std::int64_t> implied_previous(Decimal value, Decimal rate) {
  std::vector<std::int64_t> out;
  if (!value.is_integer() || value.units() <= 0 || rate <= Decimal(-100)) return out;
  // The percentage at p under `mode`, compared with the rate: −1, 0, 1 (a p too small to represent is above).
  auto compare = [&](std::int64_t p, Rounding mode) {
    auto got = percent_if_representable(value - Decimal(p), Decimal(p), {rate.scale(), mode});
    if (!got) return 1;
    return *got < rate ? -1 : *got == rate ? 0 : 1;
  };
  // The first p in [1, 2^53] whose comparison is at most `at` (−1 or 0); 2^53 + 1 when none is.
  auto first = [&](Rounding mode, int at) {
    std::int64_t lo = 1, hi = Decimal::max_units + 1;
    while (lo < hi) {
      std::int64_t mid = lo + (hi - lo) / 2;
      if (compare(mid, mode) <= at) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  std::int64_t from = Decimal::max_units + 1, to = 0;  // the union of the two modes' ranges [first ≤ 0, first < 0)
  for (Rounding m : {Rounding::half_up, Rounding::truncate}) {
    std::int64_t a = first(m, 0), b = first(m, -1);
    if (a < b) from = std::min(from, a), to = std::max(to, b);
  }
  for (std::int64_t p = from; p < to && out.size() < max_implied_previous; ++p) out.push_back(p);
  return out;
}

// Why a stated growth rate has no last year's value to be checked against.
inline Label growth_no_previous(const Report* previous, const std::optional<Decimal>& then) {
  if (!previous) return {"没有上年报告", "no report of last year"};
  if (!then) return {"上年报告（" + previous->id() + "）该项没有数值", "last year's report (" + previous->id() + ") has no number for it"};
  return {"上年报告（" + previous->id() + "）该项为0", "last year's value (" + previous->id() + ") is 0"};
}

// The growth rates a report states: against the same cell of last year's report when given, else
// the previous values they imply (NOT_ASSESSABLE, with the values in the message).
inline std::vector<Finding> check_growth(const Report& report, const Report* previous = nullptr) {
  std::vector<Finding> out;
  const Derived d = derive_subtotals(report);
  for (const auto& s : report.stated()) {
    if (s.kind != StatedKind::growth_rate) continue;
    const std::size_t i = report.form().index(s.cell);
    const Label& label = report.form().cells()[i].label;
    Finding f;
    f.report = report.id();
    f.rule = "growth:" + s.cell;
    f.severity = Severity::error;
    f.basis = {BasisKind::heuristic, "a stated year-on-year change equals (this year − last year) / last year"};
    f.cells = {{s.cell, Side::rhs, report[i]}};
    f.lhs = s.value;
    auto now = number_or_derived(report, d, i);
    std::optional<Decimal> then;
    if (previous && previous->form().find(s.cell)) {
      const Derived dp = derive_subtotals(*previous);
      then = number_or_derived(*previous, dp, previous->form().index(s.cell));
      f.cells.push_back({previous->id() + ":" + s.cell, Side::rhs, (*previous)[previous->form().index(s.cell)]});
    }
    RoundingPolicy policy{s.value.scale(), Rounding::half_up};
    const auto representable = now && then && !(*then == Decimal(0)) ? percent_if_representable(*now - *then, *then, policy) : std::nullopt;
    if (now && then && !(*then == Decimal(0)) && !representable) {
      f.status = Status::error;
      f.message = {label.zh + "：" + now->to_string() + "对上年" + then->to_string() + "的变化率超出支持的范围（2^53）。",
                   label.en + ": the change from " + then->to_string() + " to " + now->to_string() + " is beyond the supported magnitude 2^53 as a percentage."};
    } else if (representable) {
      Decimal computed = *representable;
      bool truncated = percent(*now - *then, *then, {s.value.scale(), Rounding::truncate}) == s.value;
      f.rhs = computed;
      f.difference = s.value - computed;
      f.rounding = policy;
      f.status = computed == s.value || truncated ? Status::pass : Status::fail;
      const std::string txt = now->to_string() + " against " + then->to_string() + " last year";
      f.message = f.status == Status::pass
                      ? Label{label.zh + "同比" + s.value.to_string() + "%，与" + now->to_string() + "对上年" + then->to_string() + "相符。",
                              label.en + ": the stated change of " + s.value.to_string() + "% agrees with " + txt + "."}
                      : Label{label.zh + "所述同比" + s.value.to_string() + "%，但" + now->to_string() + "对上年" + then->to_string() + "为" + computed.to_string() + "%。",
                              label.en + ": the stated change of " + s.value.to_string() + "% does not agree with " + txt + " (" + computed.to_string() + "%)."};
    } else if (now) {
      auto ps = implied_previous(*now, s.value);
      f.status = Status::not_assessable;
      std::string list;
      for (auto p : ps) list += (list.empty() ? "" : ps.size() > 2 ? ", " : " or ") + std::to_string(p);
      const Label why = growth_no_previous(previous, then);
      f.message = ps.empty() ? Label{label.zh + "所述同比" + s.value.to_string() + "%：" + why.zh + "，也推不出上年的整数值。",
                                     label.en + ": " + why.en + ", and no whole previous value gives " + s.value.to_string() + "%."}
                             : Label{label.zh + "所述同比" + s.value.to_string() + "%：" + why.zh + "，无法核对；它意味着上年为" + list + "。",
                                     label.en + ": " + why.en + " to check against; the stated " + s.value.to_string() + "% implies last year's value was " + list + "."};
      f.implied = ps;
    } else {
      f.status = Status::not_assessable;
      f.message = {label.zh + "没有数值。", "No number for " + label.en + "."};
    }
    out.push_back(std::move(f));
  }
  clear_sides_if_not_assessable(out);
  return out;
}

}  // namespace disclosure
