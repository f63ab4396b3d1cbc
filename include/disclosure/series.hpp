#pragma once
// Series identity: which reports are the same body's reports of different years. Every pairing
// of years (links.hpp, review.hpp, panel_aggregate.hpp, the command line's yoy) takes it from here.
#include <string>

#include "disclosure/report.hpp"

namespace disclosure {

// A report's `series` when it names one, else its issuer and scope joined by "|". The names are
// taken as written: no width, space or suffix normalisation ("齐齐哈尔市人民政府" and "齐齐哈尔市" are
// two series; give both reports one `series` to join them).
inline std::string series_key(const std::string& series, const std::string& issuer, const std::string& scope) {
  return series.empty() ? issuer + "|" + scope : series;
}

inline std::string series_of(const Report& r) { return series_key(r.series, r.issuer, r.scope); }

}  // namespace disclosure
