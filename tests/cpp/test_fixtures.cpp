// Every real report in tests/data/reports: it loads on its form, and round-trips through JSON and
// CSV without losing a value, a missing kind, a stated figure or an extra.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "disclosure/check.hpp"
#include "disclosure/io/csv.hpp"
#include "disclosure/io/json.hpp"
#include "disclosure/review.hpp"

using namespace disclosure;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(fixtures)

BOOST_AUTO_TEST_CASE(every_real_report_round_trips_through_json_and_csv) {
  std::size_t files = 0, values = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(DISCLOSURE_TEST_DATA) / "reports")) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    auto reports = io::read_reports_json(entry.path().string());
    BOOST_TEST(!reports.empty(), entry.path());
    auto via_json = io::parse_reports_json(io::reports_to_json(reports), "json");
    auto via_csv = io::parse_reports_csv(io::reports_to_csv(reports), "csv");
    BOOST_REQUIRE(via_json.size() == reports.size());
    BOOST_REQUIRE(via_csv.size() == reports.size());
    for (std::size_t i = 0; i < reports.size(); ++i) {
      BOOST_TEST((via_json[i] == reports[i]), reports[i].id());
      BOOST_TEST((via_csv[i] == reports[i]), reports[i].id());
      for (const auto& v : reports[i].values()) values += v.missing() != Missing::not_stated;
      // Every rule evaluates: no rule errs on real data.
      for (const auto& f : RuleSet::for_form(reports[i].form_ptr()).check(reports[i])) BOOST_TEST(f.status != Status::error, f.rule);
    }
  }
  BOOST_TEST(files >= 22u);
  BOOST_TEST(values >= 960u);
}

BOOST_AUTO_TEST_CASE(not_assessable_findings_have_no_sides_on_any_real_report) {
  std::vector<Report> all;
  for (const auto& entry : fs::directory_iterator(fs::path(DISCLOSURE_TEST_DATA) / "reports"))
    if (entry.path().extension() == ".json")
      for (auto& r : io::read_reports_json(entry.path().string())) all.push_back(std::move(r));
  std::size_t na = 0;
  for (const auto& f : check_reports(all)) {
    if (f.status != Status::not_assessable) continue;
    ++na;
    BOOST_TEST((!f.lhs && !f.rhs && !f.difference), f.report << " " << f.rule);
  }
  BOOST_TEST(na > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
