#pragma once
// Checks that join reports: a sub-scope within its scope (市本级 ≤ 本行政区域, cell by cell),
// and, along a series of years, the carry-over of pending requests, cumulative counts
// (历年累计), the 现行有效件数 roll-forward and tables copied from the year before.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "disclosure/derive.hpp"
#include "disclosure/finding.hpp"
#include "disclosure/report.hpp"
#include "disclosure/series.hpp"
#include "disclosure/year_links.hpp"

namespace disclosure {

namespace detail {

struct Reader {
  const Report& report;
  Derived derived;
  explicit Reader(const Report& r) : report(r), derived(derive_subtotals(r)) {}
  std::optional<Decimal> operator()(const std::string& key) const {
    auto i = report.form().find(key);
    if (!i) return std::nullopt;
    return number_or_derived(report, derived, *i);
  }
  Value raw(const std::string& key) const {
    auto i = report.form().find(key);
    return i ? report[*i] : Value();
  }
};

// lhs_keys of `a` summed (with signs) against rhs_keys of `b`; evidence keys are "report:cell".
struct Term {
  const Reader* reader;
  std::string key;
  int sign = 1;
};

inline Finding compare(const std::string& report_id, std::string rule, Severity severity, Basis basis, Comparison cmp, const std::vector<Term>& lhs,
                       const std::vector<Term>& rhs, const Label& what) {
  Finding f;
  f.report = report_id;
  f.rule = std::move(rule);
  f.severity = severity;
  f.basis = std::move(basis);
  f.comparison = cmp;
  Decimal l(0), r(0);
  bool beyond = false;  // a sum past 2^53
  std::string missing_zh, missing_en;
  auto side = [&](const std::vector<Term>& terms, Side s, Decimal& sum) {
    for (const auto& t : terms) {
      f.cells.push_back({t.reader->report.id() + ":" + t.key, s, t.reader->raw(t.key)});
      auto v = (*t.reader)(t.key);
      if (!v) {
        missing_zh += (missing_zh.empty() ? "" : "、") + t.reader->report.id() + " " + t.key;
        missing_en += (missing_en.empty() ? "" : ", ") + t.reader->report.id() + " " + t.key;
      } else if (auto next = add_if_representable(sum, t.sign > 0 ? *v : Decimal(-v->units(), v->scale()))) {
        sum = *next;
      } else {
        beyond = true;
      }
    }
  };
  side(lhs, Side::lhs, l);
  side(rhs, Side::rhs, r);
  if (!missing_zh.empty()) {
    f.status = Status::not_assessable;
    f.message = {"无法核对" + what.zh + "：" + missing_zh + "没有数值。", "Not assessable (" + what.en + "): no number for " + missing_en + "."};
    return f;
  }
  auto difference = add_if_representable(l, Decimal(-r.units(), r.scale()));
  if (beyond || !difference) {
    f.status = Status::error;
    f.message = {"无法核对" + what.zh + "：合计超出支持的范围（2^53）。", "Cannot evaluate (" + what.en + "): a sum is beyond the supported magnitude 2^53."};
    return f;
  }
  f.lhs = l;
  f.rhs = r;
  f.difference = *difference;
  bool holds = cmp == Comparison::equal ? l == r : l <= r;
  f.status = holds ? Status::pass : Status::fail;
  const std::string L = l.to_string(), R = r.to_string();
  f.message = holds ? Label{what.zh + "：" + L + (cmp == Comparison::equal ? " = " : " ≤ ") + R + "，相符。", what.en + ": " + L + (cmp == Comparison::equal ? " = " : " ≤ ") + R + ", as expected."}
                    : Label{what.zh + "：" + L + (cmp == Comparison::equal ? " ≠ " : " > ") + R + "，相差" + f.difference->to_string() + "。",
                            what.en + ": " + L + (cmp == Comparison::equal ? " ≠ " : " > ") + R + ", a difference of " + f.difference->to_string() + "."};
  return f;
}

inline std::string suffix_removed(const std::string& key, const std::string& suffix) {
  return key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0 ? key.substr(0, key.size() - suffix.size()) : "";
}

// A sub-scope within its scope, cell by cell (counts only: not rates, not signed changes).
inline void check_within_scope(const std::vector<Report>& reports, std::vector<Finding>& out) {
  std::map<std::string, const Report*> by_id;
  for (const auto& r : reports) by_id[r.id()] = &r;
  for (const auto& sub : reports) {
    if (sub.within.empty()) continue;
    auto it = by_id.find(sub.within);
    if (it == by_id.end() || !(it->second->form() == sub.form())) continue;
    const Report& whole = *it->second;
    Reader a(sub), b(whole);
    for (const auto& cell : sub.form().cells()) {
      if (cell.unit == "%" || cell.allow_negative) continue;
      if (!a(cell.key) && !b(cell.key)) continue;
      out.push_back(compare(sub.id(), "within-scope:" + cell.key, Severity::error,
                            {BasisKind::implied, "a part of a region (市本级) reports no more than the whole region (本行政区域)"}, Comparison::less_equal,
                            {{&a, cell.key}}, {{&b, cell.key}},
                            {cell.label.zh + "（" + sub.id() + " 不超过 " + whole.id() + "）", cell.label.en + " (" + sub.id() + " within " + whole.id() + ")"}));
    }
  }
}

// What the form of `cur` says continues the year before (forms/year_links.hpp for the built-in ones).
inline void check_year_links(const Report& cur, const Report& prev, std::vector<Finding>& out) {
  Reader now(cur), before(prev);
  const std::string years = std::to_string(prev.year) + "→" + std::to_string(cur.year);
  const YearLinks& links = cur.form().years();
  // 上年结转 (t) = 结转下年度继续办理 (t−1), per cell of this year's prefix.
  for (const auto& pair : links.carry_over)
    for (const auto& cell : cur.form().cells()) {
      if (cell.key.rfind(pair.this_year, 0) != 0) continue;  // a prefix, or the whole key of a single cell
      std::string prev_key = pair.last_year + cell.key.substr(pair.this_year.size());
      if (!prev.form().find(prev_key) || (!now(cell.key) && !before(prev_key))) continue;
      out.push_back(compare(cur.id(), "carry-over:" + cell.key, Severity::warning,
                            {BasisKind::heuristic, "上年结转 of a year equals 结转下年度继续办理 of the year before (breaks with reorganisations)"},
                            Comparison::equal, {{&now, cell.key}}, {{&before, prev_key}},
                            {"上年结转（" + years + "，" + cell.label.zh + "）", "carried over (" + years + ", " + cell.label.en + ")"}));
    }

  // 历年累计 (t) = 历年累计 (t−1) + 本年度 (t).
  if (cur.form() == prev.form())
    for (const auto& running : links.running_totals)
      for (const auto& cell : cur.form().cells()) {
        std::string row = suffix_removed(cell.key, "." + running.running);
        if (row.empty() || (!now(cell.key) && !before(cell.key))) continue;
        out.push_back(compare(cur.id(), "cumulative:" + row, Severity::warning,
                              {BasisKind::heuristic, "历年累计 of a year is that of the year before plus this year's count"}, Comparison::equal,
                              {{&now, cell.key}}, {{&before, cell.key}, {&now, row + "." + running.period}},
                              {"历年累计（" + years + "，" + cell.label.zh + "）", "cumulative (" + years + ", " + cell.label.en + ")"}));
      }

  // A stock that rolls forward (现行有效件数 (t) = 现行有效件数 (t−1) + 本年制发件数 (t) − 本年废止件数 (t)).
  for (const auto& roll : links.roll_forward)
    for (const auto& row : roll.rows) {
      std::string key = row + "." + roll.stock;
      if (!cur.form().find(key) || !prev.form().find(key) || (!now(key) && !before(key))) continue;
      out.push_back(compare(cur.id(), roll.rule + ":" + row, Severity::warning, {BasisKind::heuristic, roll.note}, Comparison::equal, {{&now, key}},
                            {{&before, key}, {&now, row + "." + roll.added}, {&now, row + "." + roll.removed, -1}},
                            {roll.label.zh + "（" + years + "）", roll.label.en + " (" + years + ")"}));
    }
}

// A table copied from the year before: every cell the same, and not all zero.
inline void check_copied_tables(const Report& cur, const Report& prev, std::vector<Finding>& out) {
  if (!(cur.form() == prev.form())) return;
  for (std::size_t t = 0; t < cur.form().tables().size(); ++t) {
    bool same = true, any = false;
    std::vector<CellEvidence> cells;
    for (std::size_t c = 0; c < cur.form().size() && same; ++c) {
      if (cur.form().cells()[c].table != t) continue;
      if (!(cur[c] == prev[c])) same = false;
      if (cur[c].has_number() && !(cur[c].number() == Decimal(0))) any = true;
      if (cur[c].missing() != Missing::not_stated) cells.push_back({cur.id() + ":" + cur.form().cells()[c].key, Side::lhs, cur[c]});
    }
    if (!same || !any) continue;
    Finding f;
    f.report = cur.id();
    f.rule = "identical-table:" + cur.form().tables()[t].key;
    f.status = Status::fail;
    f.severity = Severity::warning;
    f.basis = {BasisKind::heuristic, "a table identical to the year before is often copied forward (E8)"};
    f.cells = std::move(cells);
    f.message = {cur.form().tables()[t].label.zh + "与上一年（" + prev.id() + "）完全相同，可能沿用了旧数据。",
                 cur.form().tables()[t].label.en + " is identical to the year before (" + prev.id() + "): possibly copied forward."};
    out.push_back(std::move(f));
  }
}

}  // namespace detail

// Every link check over a set of reports: scopes, then consecutive years of each series.
inline std::vector<Finding> check_links(const std::vector<Report>& reports) {
  std::vector<Finding> out;
  detail::check_within_scope(reports, out);
  std::map<std::pair<std::string, int>, std::vector<const Report*>> by_year;
  for (const auto& r : reports) by_year[{series_of(r), r.year}].push_back(&r);
  for (const auto& [sy, current] : by_year) {
    auto prev_it = by_year.find({sy.first, sy.second - 1});
    if (prev_it == by_year.end() || current.size() != 1 || prev_it->second.size() != 1) continue;
    detail::check_year_links(*current.front(), *prev_it->second.front(), out);
    detail::check_copied_tables(*current.front(), *prev_it->second.front(), out);
  }
  return out;
}

}  // namespace disclosure
