#pragma once
// Checks of the figures a report states about its own cells, one kind per file under stated/:
// percentages against their counts under the rounding convention the report itself follows
// (stated/percent.hpp, stated/convention.hpp), that convention (stated/convention_finding.hpp),
// totals stated twice, prose against table (stated/total.hpp), and stated shares of a partition
// that do not add up to 100 (stated/percent_sum.hpp).
#include <optional>
#include <vector>

#include "disclosure/finding.hpp"
#include "disclosure/report.hpp"
#include "disclosure/stated/context.hpp"
#include "disclosure/stated/convention.hpp"
#include "disclosure/stated/convention_finding.hpp"
#include "disclosure/stated/percent.hpp"
#include "disclosure/stated/percent_sum.hpp"
#include "disclosure/stated/total.hpp"

namespace disclosure {

// Findings for every stated figure of the report, plus one for its percentage convention.
// `equalities` (the report's rules, optional) lets a total stated in the text be checked against
// the parts of each equality it heads.
inline std::vector<Finding> check_stated(const Report& report, const std::vector<Rule>& equalities = {}) {
  const detail::StatedContext ctx(report);
  const auto convention = infer_percent_convention(report);
  std::vector<Finding> out;
  detail::Truncations truncated;
  for (const auto& s : report.stated()) {
    if (s.kind != StatedKind::percentage) continue;
    const auto certainty = detail::base_certainty(report, s);
    if (certainty == detail::BaseCertainty::judged_by_statement) continue;
    out.push_back(detail::check_percentage(ctx, s, certainty, convention, truncated));
  }
  if (convention) out.push_back(detail::convention_finding(ctx, *convention, truncated));
  for (const auto& s : report.stated())
    if (s.kind == StatedKind::total) out.push_back(detail::check_stated_total(ctx, s, equalities));
  for (const auto& s : report.stated())
    if (s.kind == StatedKind::total) detail::check_stated_total_parts(ctx, s, equalities, out);
  detail::check_percent_sums(ctx, convention, out);
  clear_sides_if_not_assessable(out);
  return out;
}

}  // namespace disclosure
