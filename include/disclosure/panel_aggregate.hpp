#pragma once
// Panels summed and joined: reports summed by a key (issuer, year, scope, the parent unit), a
// parent's report checked against the sum of its children (the districts of a city), and the
// checks between consecutive years (links.hpp) over every series of a panel.
//
// A sum is of the numbers the members state: a cell no member gives a number for stays missing
// (with the members' kind when they agree, else not_stated), and the count of members that gave one
// is kept, so a sum over part of the members is never mistaken for a complete one.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "disclosure/batch_check.hpp"
#include "disclosure/links.hpp"
#include "disclosure/panel.hpp"
#include "disclosure/series.hpp"

namespace disclosure {

struct GroupSum {
  Panel sums;                                    // a column per group, in order of first appearance; ids are the keys
  std::vector<std::vector<std::uint32_t>> members;  // per group: its reports' indices in the panel
  Eigen::Matrix<std::uint32_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> stated;  // cells × groups: members with a number
};

// The reports summed by `keys` (one key per report). Cells a member gives in its own unit cannot
// be added to the others': an error names the report and the cell.
inline GroupSum group_sum(const Panel& p, const std::vector<std::string>& keys) {
  if (keys.size() != p.size()) throw Error("group_sum: " + std::to_string(keys.size()) + " keys for " + std::to_string(p.size()) + " reports");
  if (!p.unit_overrides().empty()) {
    const auto& u = p.unit_overrides().front();
    throw Error("group_sum: report '" + p.id(u.report) + "' gives cell '" + p.form().cells()[u.cell].key + "' in " + u.unit + ", not in the form's " +
                p.form().cells()[u.cell].unit + ": it cannot be added to the others");
  }
  std::unordered_map<std::string, std::uint32_t> index;
  std::vector<std::vector<std::uint32_t>> members;
  std::vector<std::uint32_t> group_of(p.size());
  for (std::size_t j = 0; j < p.size(); ++j) {
    auto [it, fresh] = index.emplace(keys[j], static_cast<std::uint32_t>(members.size()));
    if (fresh) members.emplace_back();
    members[it->second].push_back(static_cast<std::uint32_t>(j));
    group_of[j] = it->second;
  }
  const auto g = static_cast<Eigen::Index>(members.size()), m = static_cast<Eigen::Index>(p.cells());
  Panel::Matrix sums = Panel::Matrix::Zero(m, g);
  GroupSum out{Panel(p.form_ptr(), Panel::Matrix::Zero(m, 0)), members, decltype(GroupSum::stated)::Zero(m, g)};
  for (Eigen::Index c = 0; c < m; ++c) {
    const std::int64_t* x = p.row(static_cast<std::size_t>(c));
    for (std::size_t j = 0; j < p.size(); ++j) sums(c, group_of[j]) += x[j];
  }
  // Missing cells hold 0, so the sums above are of the stated numbers; count who stated, and keep
  // the members' kind of missing where they agree.
  constexpr std::uint8_t none_yet = 0xFF, mixed = 0xFE;
  const std::size_t groups = members.size();
  std::vector<std::uint32_t> absent(static_cast<std::size_t>(m) * groups, 0);
  std::vector<std::uint8_t> kind(static_cast<std::size_t>(m) * groups, none_yet);
  for (const auto& mc : p.missing_cells()) {
    const std::size_t at = mc.cell * groups + group_of[mc.report];
    ++absent[at];
    const auto k = static_cast<std::uint8_t>(mc.kind);
    kind[at] = kind[at] == none_yet || kind[at] == k ? k : mixed;
  }
  std::vector<Panel::MissingCell> missing;
  for (Eigen::Index c = 0; c < m; ++c)
    for (std::size_t k = 0; k < groups; ++k) {
      const std::size_t at = static_cast<std::size_t>(c) * groups + k;
      out.stated(c, static_cast<Eigen::Index>(k)) = static_cast<std::uint32_t>(members[k].size() - absent[at]);
      if (absent[at] < members[k].size()) continue;
      missing.push_back({static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(c), kind[at] == mixed ? Missing::not_stated : static_cast<Missing>(kind[at])});
    }
  // Metadata a group shares (its issuer, its year …), else empty.
  const auto& md = p.metadata();
  Panel::Metadata meta;
  auto common = [&](const auto& column, const auto& group, auto none) {
    for (auto j : group)
      if (column[j] != column[group.front()]) return none;
    return column[group.front()];
  };
  for (const auto& group : members) {
    meta.id.push_back(keys[group.front()]);
    meta.issuer.push_back(common(md.issuer, group, std::string()));
    meta.year.push_back(common(md.year, group, 0));
    meta.scope.push_back(common(md.scope, group, std::string()));
    meta.within.push_back(common(md.within, group, std::string()));
    meta.series.push_back(common(md.series, group, std::string()));
  }
  out.sums = Panel(p.form_ptr(), std::move(sums), std::move(missing), std::move(meta));
  return out;
}

// By a metadata column: "issuer", "year", "scope", "within" (the parent unit) or "series".
inline GroupSum group_by(const Panel& p, const std::string& column) {
  const auto& md = p.metadata();
  std::vector<std::string> keys(p.size());
  for (std::size_t j = 0; j < p.size(); ++j) {
    if (column == "issuer") keys[j] = md.issuer[j];
    else if (column == "year") keys[j] = std::to_string(md.year[j]);
    else if (column == "scope") keys[j] = md.scope[j];
    else if (column == "within") keys[j] = md.within[j];
    else if (column == "series") keys[j] = md.series[j];
    else throw Error("group_by: no metadata column '" + column + "' (issuer, year, scope, within, series)");
  }
  return group_sum(p, keys);
}

// Every parent report of the panel (one its other reports name in `within`) against the sum of
// its children, cell by cell: Σ children ≤ parent (the districts of a city are within the city's
// region), or == when the children make up the parent. Counts only (not rates, not signed
// changes). Kept: what does not pass; a cell neither side states is skipped, a side with no number
// is NOT_ASSESSABLE, and children that give no number for the cell are read as 0 (flagged).
// Findings are indexed by the parent's report and by cell (rule ids "children-sum:<cell>").
inline BatchResult check_children(const Panel& p, Comparison comparison = Comparison::less_equal) {
  std::vector<std::string> keys(p.metadata().within);
  GroupSum children = group_sum(p, keys);
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::size_t j = 0; j < p.size(); ++j) by_id.emplace(p.id(j), j);
  BatchResult out;
  out.reports = p.size();
  for (const auto& cell : p.form().cells()) {
    out.rule_ids.push_back("children-sum:" + cell.key);
    out.scales.push_back(cell.decimals);
  }
  for (std::size_t k = 0; k < children.members.size(); ++k) {
    const std::string& parent_id = children.sums.id(k);
    auto it = by_id.find(parent_id);
    if (parent_id.empty() || it == by_id.end()) continue;
    const std::size_t parent = it->second;
    std::vector<char> parent_missing(p.cells(), 0);
    for (const auto& mc : p.missing_of(parent)) parent_missing[mc.cell] = 1;
    for (std::size_t c = 0; c < p.cells(); ++c) {
      const Cell& cell = p.form().cells()[c];
      if (cell.unit == "%" || cell.allow_negative) continue;
      const auto stated = children.stated(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k));
      const bool has_sum = stated > 0, has_parent = !parent_missing[c];
      if (!has_sum && !has_parent) continue;
      BatchFinding f{static_cast<std::uint32_t>(parent), static_cast<std::uint32_t>(c), 0, 0, Status::not_assessable, false, false};
      if (has_sum && has_parent) {
        f.lhs = children.sums.row(c)[k];
        f.rhs = p.row(c)[parent];
        if (comparison == Comparison::equal ? f.lhs == f.rhs : f.lhs <= f.rhs) continue;
        f.status = Status::fail;
        f.read_as_zero = stated < children.members[k].size();
      }
      out.findings.push_back(f);
    }
  }
  std::sort(out.findings.begin(), out.findings.end(), [](const BatchFinding& a, const BatchFinding& b) { return std::pair(a.report, a.rule) < std::pair(b.report, b.rule); });
  out.count();
  return out;
}

// The checks between consecutive years (carry-over, cumulative counts, documents in force, copied
// tables: links.hpp) over every series of the panel (its `series`, else issuer and scope). Kept:
// what does not pass, as full findings.
inline std::vector<Finding> check_years(const Panel& p) {
  std::map<std::string, std::vector<std::size_t>> series;
  const auto& md = p.metadata();
  for (std::size_t j = 0; j < p.size(); ++j) series[series_key(md.series[j], md.issuer[j], md.scope[j])].push_back(j);
  std::vector<Finding> out;
  for (const auto& [key, columns] : series) {
    if (columns.size() < 2) continue;
    std::vector<Report> reports;
    for (auto j : columns) {
      reports.push_back(p.report(j));
      reports.back().within.clear();  // scopes are check_children's; here only the years
    }
    for (auto& f : check_links(reports))
      if (f.status != Status::pass) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace disclosure
