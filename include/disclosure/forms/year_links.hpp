#pragma once
// Which cells of each built-in form continue the year before (links.hpp checks them).
#include "disclosure/year_links.hpp"

namespace disclosure::forms::detail {

// Table 三 of both templates: 上年结转 (t) = 结转下年度继续办理 (t−1), per applicant column; the 2019
// and 2021 templates share these keys, so a 2021 report continues a 2019 one. Table 二 of 2021:
// 现行有效件数 (t) = 现行有效件数 (t−1) + 本年制发件数 (t) − 本年废止件数 (t).
inline YearLinks template_years(int version) {
  YearLinks y;
  y.carry_over = {{"applications.carried_over.", "applications.carried_forward."}};
  if (version == 2021)
    y.roll_forward = {{"in-force", {"documents.regulations", "documents.normative"}, "in_force", "issued", "repealed",
                       {"现行有效件数", "documents in force"},
                       "现行有效件数 rolls forward by the documents issued and repealed (amendments and scope changes break it)"}};
  return y;
}

// The narrative reports' 历年累计 (t) = 历年累计 (t−1) + 本年度 (t).
inline YearLinks ogi2008_years() {
  YearLinks y;
  y.running_totals = {{"cumulative", "year"}};
  return y;
}

}  // namespace disclosure::forms::detail
