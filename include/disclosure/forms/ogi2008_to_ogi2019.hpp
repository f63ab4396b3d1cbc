#pragma once
// The one mapping between two built-in forms: the narrative reports' categories (ogi2008) onto the
// 2019 template's, so that a long series can be read on one set of categories.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "disclosure/derive.hpp"
#include "disclosure/error.hpp"
#include "disclosure/report.hpp"

namespace disclosure {

// A pre-2019 report (ogi2008) on the 2019 template's categories, for long series: an analyst's
// mapping, not an official one (the pairs below; docs/forms.md lists both forms' categories). Only the 总计 column can be filled (the old
// reports have no applicant types); a target whose sources are not all stated stays unstated; what
// has no counterpart is listed in `unmapped`. The result's source note says it is a series break.
struct MappedReport {
  Report report;
  std::vector<std::string> unmapped;
};

inline MappedReport map_to_ogi2019(const Report& old, std::shared_ptr<const Form> ogi2019) {
  if (old.form().key() != "ogi2008") throw Error("map_to_ogi2019 maps ogi2008 reports, not '" + old.form().key() + "'");
  Report r(ogi2019, old.id() + "-as-ogi2019");
  r.issuer = old.issuer;
  r.year = old.year;
  r.scope = old.scope;
  r.within = old.within.empty() ? "" : old.within + "-as-ogi2019";
  r.series = old.series;
  r.source = old.source;
  r.source.note = "Mapped from ogi2008 to the 2019 categories (an analyst's mapping, a series break). " + old.source.note;
  const Derived d = derive_subtotals(old);
  static const std::vector<std::pair<std::string, std::vector<std::string>>> mapping = {
      {"applications.new.total", {"requests.total.year"}},
      {"applications.outcome.total", {"responses.total.year"}},
      {"applications.outcome.granted.total", {"responses.already_public.year", "responses.granted.year"}},
      {"applications.outcome.partial.total", {"responses.partially_granted.year"}},
      {"applications.outcome.withheld.state_secret.total", {"responses.refused.state_secret.year"}},
      {"applications.outcome.withheld.third_party.total", {"responses.refused.commercial_secret.year", "responses.refused.privacy.year"}},
      {"applications.outcome.withheld.security_stability.total", {"responses.refused.security_stability.year"}},
      {"applications.outcome.withheld.other_law.total", {"responses.refused.other_legal.year"}},
      {"applications.outcome.unable.not_held.total", {"responses.not_this_agency.year", "responses.nonexistent.year"}},
      {"applications.outcome.unable.unclear.total", {"responses.clarification.year"}},
      {"review_litigation.review.total", {"review.total.year"}},
      {"review_litigation.review.upheld", {"review.upheld.year"}},
      {"review_litigation.review.corrected", {"review.corrected.year"}},
      {"review_litigation.review.other", {"review.other.year"}},
  };
  for (const auto& [target, sources] : mapping) {
    std::optional<Decimal> sum = Decimal(0);
    for (const auto& k : sources) {
      auto v = number_or_derived(old, d, old.form().index(k));
      if (!v) sum.reset();
      else if (sum) sum = *sum + *v;
    }
    if (sum) r.set(target, Value(*sum));
  }
  MappedReport out{std::move(r), {}};
  // Refusals without their reasons cannot be placed among the 2019 reasons.
  bool any_reason = false;
  for (const auto& c : old.form().cells())
    if (c.key.rfind("responses.refused.", 0) == 0 && c.key != "responses.refused.year" && c.column == "year" && old.at(c.key).has_number()) any_reason = true;
  if (auto v = number_or_derived(old, d, old.form().index("responses.refused.year")); v && !(*v == Decimal(0)) && !any_reason)
    out.unmapped.push_back("responses.refused.year");
  for (const char* k : {"responses.refused.not_government_information.year", "responses.other_route.year", "responses.other.year", "litigation.total.year"})
    if (auto v = number_or_derived(old, d, old.form().index(k)); v && !(*v == Decimal(0))) out.unmapped.push_back(k);
  std::sort(out.unmapped.begin(), out.unmapped.end());
  return out;
}

}  // namespace disclosure
