#pragma once
// The finding on a report's percentage convention: it passes when the report rounds, and fails
// (a warning) when it truncates and truncation changed some of its figures.
#include <optional>
#include <string>

#include "disclosure/stated/context.hpp"
#include "disclosure/stated/convention.hpp"
#include "disclosure/stated/percent.hpp"

namespace disclosure::detail {

inline Finding convention_finding(const StatedContext& ctx, const PercentConvention& convention, const Truncations& truncated) {
  const Report& report = ctx.report;
  Finding f = ctx.finding("percent:convention", Severity::warning, BasisKind::heuristic,
                          "percentages are rounded half-up (四舍五入); a report that truncates understates its shares");
  f.rounding = convention.policy;
  f.lhs = Decimal(static_cast<std::int64_t>(convention.fitted));
  f.rhs = Decimal(static_cast<std::int64_t>(convention.total));
  const std::string rule = std::to_string(convention.policy.decimals) + " decimals, " + std::string(to_string(convention.policy.mode));
  const std::string counts = std::to_string(convention.fitted) + "/" + std::to_string(convention.total);
  for (const auto& c : truncated.cells) f.cells.push_back({c, Side::lhs, report.at(c)});
  f.suggestions = truncated.suggestions;
  if (convention.policy.mode == Rounding::truncate && !truncated.cells.empty()) {
    f.status = Status::fail;
    std::string zh, en;
    for (const auto& c : truncated.cells)
      for (const auto& s : report.stated())
        if (s.kind == StatedKind::percentage && s.cell == c) {
          zh += (zh.empty() ? "" : "、") + pct(s.value);
          en += (en.empty() ? "" : ", ") + pct(s.value);
        }
    f.message = {"本报告的百分比是截断而非四舍五入（" + std::to_string(convention.policy.decimals) + "位小数，" + counts + "项相符）；截断改变了：" + zh + "。",
                 "The report truncates its percentages instead of rounding them (" + rule + ", " + counts + " fit); truncation changed " + en + "."};
  } else {
    f.status = Status::pass;
    f.message = {"本报告的百分比取舍规则：" + std::to_string(convention.policy.decimals) + "位小数，" + (convention.policy.mode == Rounding::truncate ? "截断" : "四舍五入") + "（" + counts + "项相符）。",
                 "The report's percentages follow " + rule + " (" + counts + " fit)."};
  }
  return f;
}

}  // namespace disclosure::detail
