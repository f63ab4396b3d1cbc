// Links between reports: a sub-scope within its scope, and consecutive years of one series.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/json.hpp"
#include "disclosure/links.hpp"
#include "disclosure/review.hpp"

using namespace disclosure;

namespace {

std::size_t count(const std::vector<Finding>& fs, const std::string& prefix, Status status) {
  return static_cast<std::size_t>(std::count_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.rule.rfind(prefix, 0) == 0 && f.status == status; }));
}

Report year(int y, std::int64_t cumulative, std::int64_t this_year) {
  Report r(forms::ogi2008(), "s-" + std::to_string(y));
  r.series = "s";
  r.year = y;
  r.set("proactive.total.cumulative", Value::count(cumulative));
  r.set("proactive.total.year", Value::count(this_year));
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(links)

BOOST_AUTO_TEST_CASE(the_seed_city_level_is_within_the_region_for_every_channel_and_outcome) {
  auto reports = io::read_reports_json(std::string(DISCLOSURE_EXAMPLES) + "/data/qiqihar-2018.json");
  auto fs = check_links(reports);
  BOOST_TEST(count(fs, "within-scope:", Status::fail) == 0u);
  for (const char* cell : {"requests.total.year", "requests.in_person.year", "requests.online.year", "requests.letter_fax.letter.year",
                           "responses.total.year", "responses.already_public.year", "responses.granted.year", "responses.refused.year",
                           "responses.not_this_agency.year", "responses.nonexistent.year", "responses.other_route.year"}) {
    auto it = std::find_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.rule == std::string("within-scope:") + cell; });
    BOOST_REQUIRE_MESSAGE(it != fs.end(), cell);
    BOOST_TEST(it->status == Status::pass, cell);
  }
  // The rates of NPC suggestions are not counts: never compared across scopes.
  BOOST_TEST(std::none_of(fs.begin(), fs.end(), [](const Finding& f) { return f.rule.find("rate") != std::string::npos; }));
}

BOOST_AUTO_TEST_CASE(a_sub_scope_above_its_scope_fails) {
  Report whole(forms::ogi2008(), "whole"), part(forms::ogi2008(), "part");
  part.within = "whole";
  whole.set("requests.total.year", Value::count(10));
  part.set("requests.total.year", Value::count(12));
  auto fs = check_links({whole, part});
  BOOST_TEST(count(fs, "within-scope:requests.total.year", Status::fail) == 1u);
}

BOOST_AUTO_TEST_CASE(cumulative_counts_roll_forward_year_to_year) {
  auto fs = check_links({year(2011, 1516, 425), year(2012, 1516 + 739, 739), year(2013, 9999, 10)});
  BOOST_TEST(count(fs, "cumulative:proactive.total", Status::pass) == 1u);  // 2011→2012
  BOOST_TEST(count(fs, "cumulative:proactive.total", Status::fail) == 1u);  // 2012→2013
  // A gap in the series is not a link.
  BOOST_TEST(check_links({year(2011, 1516, 425), year(2013, 9999, 10)}).empty());
}

// Last year's cumulative count and this year's summing past 2^53: an ERROR finding, not a throw.
BOOST_AUTO_TEST_CASE(a_cumulative_sum_past_2_53_is_an_error_finding) {
  const std::int64_t big = Decimal::max_units - 10;
  std::vector<Finding> fs;
  BOOST_REQUIRE_NO_THROW(fs = check_links({year(2011, big, 5), year(2012, big, big)}));
  BOOST_TEST(count(fs, "cumulative:proactive.total", Status::error) == 1u);
  auto it = std::find_if(fs.begin(), fs.end(), [](const Finding& f) { return f.rule == "cumulative:proactive.total"; });
  BOOST_REQUIRE(it != fs.end());
  BOOST_TEST(it->message.en.find("2^53") != std::string::npos, it->message.en);
}

BOOST_AUTO_TEST_CASE(carry_over_across_the_2019_to_2021_template_change) {
  Report a(forms::ogi2019(), "a"), b(forms::ogi2021(), "b");
  a.series = b.series = "x";
  a.year = 2020;
  b.year = 2021;
  a.set("applications.carried_forward.total", Value::count(3));
  b.set("applications.carried_over.total", Value::count(2));
  auto fs = check_links({a, b});
  BOOST_TEST(count(fs, "carry-over:applications.carried_over.total", Status::fail) == 1u);
  auto f = *std::find_if(fs.begin(), fs.end(), [](const Finding& x) { return x.rule == "carry-over:applications.carried_over.total"; });
  BOOST_TEST(f.severity == Severity::warning);
  BOOST_TEST(f.basis.kind == BasisKind::heuristic);
  BOOST_TEST(f.cells.front().key == "b:applications.carried_over.total");
}

BOOST_AUTO_TEST_CASE(a_table_copied_from_last_year_is_flagged) {
  Report a(forms::ogi2008(), "a"), b(forms::ogi2008(), "b");
  a.series = b.series = "x";
  a.year = 2009;
  b.year = 2010;
  for (Report* r : {&a, &b}) {
    r->set("staff.total", Value::count(5));
    r->set("staff.full_time", Value::count(2));
    r->set("staff.part_time", Value::count(3));
  }
  auto fs = check_links({a, b});
  BOOST_TEST(count(fs, "identical-table:staff", Status::fail) == 1u);
  b.set("staff.part_time", Value::count(4));
  BOOST_TEST(count(check_links({a, b}), "identical-table:staff", Status::fail) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
