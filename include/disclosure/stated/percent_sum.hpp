#pragma once
// The stated shares of one base that cover a partition of it should add up to 100 within their
// rounding (percent-sum).
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "disclosure/stated/context.hpp"
#include "disclosure/stated/convention.hpp"

namespace disclosure::detail {

// Cover the base with stated shares: a part with no stated share is expanded into its own parts;
// a part with no number counts as 0%; any other part leaves the partition uncovered (empty).
inline std::optional<std::vector<std::string>> covering_shares(const StatedContext& ctx, const Breakdown& bd, const std::map<std::string, Decimal>& stated) {
  std::vector<std::string> used;
  std::vector<std::size_t> todo(bd.parts.rbegin(), bd.parts.rend());
  while (!todo.empty()) {
    std::size_t p = todo.back();
    todo.pop_back();
    const std::string& key = ctx.form.cells()[p].key;
    if (stated.count(key)) { used.push_back(key); continue; }
    auto v = ctx.value(key);
    if (!v || *v == Decimal(0)) continue;
    const Breakdown* sub = ctx.form.row_partition(p);
    if (!sub) return std::nullopt;
    todo.insert(todo.end(), sub->parts.rbegin(), sub->parts.rend());
  }
  return used;
}

inline Finding percent_sum_finding(const StatedContext& ctx, const std::string& base, const std::map<std::string, Decimal>& stated,
                                   const std::vector<std::string>& used, const std::optional<PercentConvention>& convention) {
  Finding f = ctx.finding("percent-sum:" + base, Severity::warning, BasisKind::heuristic, "the shares of a partition add up to 100% within their rounding");
  Decimal sum(0);
  int scale = 0;
  for (const auto& k : used) {
    sum = sum + stated.at(k);
    scale = std::max(scale, stated.at(k).scale());
    f.cells.push_back({k, Side::lhs, ctx.report.at(k)});
  }
  RoundingPolicy policy = convention ? convention->policy : RoundingPolicy{scale, Rounding::half_up};
  // Each truncated share can be up to one unit of its last decimal low; each rounded one half a
  // unit either way.
  const auto n = static_cast<std::int64_t>(used.size());
  const Decimal hundred(100);
  f.tolerance = policy.mode == Rounding::truncate ? Decimal(n, policy.decimals) : Decimal(5 * n, policy.decimals + 1);
  const bool ok = policy.mode == Rounding::truncate ? (sum <= hundred && hundred - sum <= f.tolerance)
                                                    : (sum - hundred <= f.tolerance && hundred - sum <= f.tolerance);
  f.lhs = sum;
  f.rhs = hundred;
  f.difference = sum - hundred;
  f.rounding = policy;
  f.status = ok ? Status::pass : Status::fail;
  const Label& label = ctx.label(base);
  f.message = ok ? Label{label.zh + "的各项占比合计" + pct(sum) + "，在取舍误差内等于100%。",
                         "The shares of " + label.en + " add up to " + pct(sum) + ", 100% within rounding."}
                 : Label{label.zh + "的各项占比合计" + pct(sum) + "，与100%相差超出取舍误差（" + f.tolerance.to_string() + "个百分点）。",
                         "The shares of " + label.en + " add up to " + pct(sum) + ", further from 100% than rounding allows (" + f.tolerance.to_string() + " points)."};
  return f;
}

// Shares of one base that together should make 100, a finding per base whose partition they cover.
inline void check_percent_sums(const StatedContext& ctx, const std::optional<PercentConvention>& convention, std::vector<Finding>& out) {
  std::map<std::string, std::map<std::string, Decimal>> by_base;
  for (const auto& s : ctx.report.stated())
    if (s.kind == StatedKind::percentage && !s.base.empty()) by_base[s.base][s.cell] = s.value;
  for (const auto& [base, stated] : by_base) {
    const Breakdown* bd = ctx.form.row_partition(ctx.form.index(base));
    if (!bd) continue;
    auto used = covering_shares(ctx, *bd, stated);
    if (!used || used->size() < 2) continue;
    out.push_back(percent_sum_finding(ctx, base, stated, *used, convention));
  }
}

}  // namespace disclosure::detail
