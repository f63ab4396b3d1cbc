// Where the error is: minimal sets of cells to change, and the single edits that explain a report.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/json.hpp"
#include "disclosure/locate.hpp"
#include "disclosure/review.hpp"

using namespace disclosure;

namespace {

Localisation locate_in(const Report& r, const std::map<std::string, double>& weights = {}) {
  auto rules = RuleSet::for_form(r.form_ptr());
  return locate(r, rules, rules.check(r), 3, weights);
}

bool has(const Localisation& l, const std::string& cell, std::int64_t to, SlipKind kind) {
  return std::any_of(l.suggestions.begin(), l.suggestions.end(), [&](const Suggestion& s) { return s.cell == cell && s.to.units() == to && s.kind == kind; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(locate_errors)

BOOST_AUTO_TEST_CASE(the_seed_misses_a_category_or_has_one_digit_wrong) {
  auto seed = io::read_reports_json(std::string(DISCLOSURE_EXAMPLES) + "/data/qiqihar-2018.json");
  auto region = locate_in(seed[0]);
  BOOST_TEST(region.minimal_sets.size() == 10u);  // the total or any one of the nine outcome categories
  for (const auto& e : region.minimal_sets) BOOST_TEST(e.cells.size() == 1u);
  BOOST_TEST(has(region, "responses.partially_granted.year", 4, SlipKind::missing_category));
  BOOST_TEST(has(region, "responses.total.year", 243, SlipKind::one_digit));
  BOOST_TEST(region.suggestions.front().kind == SlipKind::missing_category);
  auto city = locate_in(seed[1]);
  BOOST_TEST(has(city, "responses.partially_granted.year", 5, SlipKind::missing_category));
  BOOST_TEST(has(city, "responses.total.year", 94, SlipKind::one_digit));  // 99 → 94
}

BOOST_AUTO_TEST_CASE(one_wrong_cell_of_a_two_way_table_is_found_alone) {
  Report r(forms::ogi2021(), "t");
  // A consistent table 三: 5 requests from natural persons, 2 from businesses, all granted.
  for (const char* row : {"new", "outcome", "outcome.granted"}) {
    r.set(std::string("applications.") + row + ".natural_person", Value::count(5));
    r.set(std::string("applications.") + row + ".legal_person.business", Value::count(2));
    r.set(std::string("applications.") + row + ".total", Value::count(7));
  }
  BOOST_TEST(locate_in(r).minimal_sets.empty());
  r.set("applications.outcome.granted.natural_person", Value::count(6));  // breaks its row and its column
  auto l = locate_in(r);
  BOOST_REQUIRE(l.minimal_sets.size() == 1u);
  BOOST_TEST((l.minimal_sets.front().cells == std::vector<std::string>{"applications.outcome.granted.natural_person"}));
  BOOST_TEST(has(l, "applications.outcome.granted.natural_person", 5, SlipKind::one_digit) == false);  // a one-digit number: just "another value"
  BOOST_TEST(has(l, "applications.outcome.granted.natural_person", 5, SlipKind::other_value));
}

BOOST_AUTO_TEST_CASE(swapped_digits_are_recognised) {
  Report r(forms::ogi2008(), "t");
  r.set("requests.total.year", Value::count(50));
  r.set("requests.in_person.year", Value::count(81));  // should be 18
  r.set("requests.online.year", Value::count(32));
  auto l = locate_in(r);
  BOOST_TEST(has(l, "requests.in_person.year", 18, SlipKind::digits_swapped));
}

BOOST_AUTO_TEST_CASE(weights_keep_trusted_cells_out_of_the_minimal_sets) {
  Report r(forms::ogi2008(), "t");
  r.set("staff.total", Value::count(10));
  r.set("staff.full_time", Value::count(3));
  r.set("staff.part_time", Value::count(6));
  BOOST_TEST(locate_in(r).minimal_sets.size() == 3u);
  auto l = locate_in(r, {{"staff.total", 5.0}});
  BOOST_TEST(l.minimal_sets.size() == 2u);
  for (const auto& e : l.minimal_sets) BOOST_TEST(e.cells.front() != "staff.total");
}

BOOST_AUTO_TEST_CASE(findings_carry_the_suggestions_and_the_edit_sets) {
  auto seed = io::read_reports_json(std::string(DISCLOSURE_EXAMPLES) + "/data/qiqihar-2018.json");
  auto fs = check_reports(seed);
  auto fail = std::find_if(fs.begin(), fs.end(), [](const Finding& f) { return f.rule == "sum:responses.total.year" && f.report == "qiqihar-2018-region"; });
  BOOST_REQUIRE(fail != fs.end());
  BOOST_TEST(!fail->suggestions.empty());
  auto loc = std::find_if(fs.begin(), fs.end(), [](const Finding& f) { return f.rule == "locate" && f.report == "qiqihar-2018-region"; });
  BOOST_REQUIRE(loc != fs.end());
  BOOST_TEST(loc->severity == Severity::info);
  BOOST_TEST(loc->edit_sets.size() == 10u);
}

BOOST_AUTO_TEST_SUITE_END()
