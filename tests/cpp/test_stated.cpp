// Stated figures: percentages under the report's own convention, wrong bases, totals stated twice,
// shares that should add up to 100.
#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

#include <algorithm>
#include <set>

#include "disclosure/check.hpp"
#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/json.hpp"
#include "disclosure/stated.hpp"

using namespace disclosure;

namespace {



// A report with a total and parts, and the percentages it prints for them.
Report with_shares(std::int64_t total, const std::vector<std::pair<std::string, std::int64_t>>& parts, const std::vector<std::string>& printed) {
  Report r(forms::ogi2008(), "t");
  r.set("requests.total.year", Value::count(total));
  for (std::size_t i = 0; i < parts.size(); ++i) {
    r.set(parts[i].first, Value::count(parts[i].second));
    r.add_stated({StatedKind::percentage, parts[i].first, "requests.total.year", Decimal::parse(printed[i]), "", -1});
  }
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stated)

BOOST_AUTO_TEST_CASE(the_seed_truncates_and_says_which_figures_it_changed) {
  auto reports = seed_reports();
  std::vector<std::set<std::string>> expected = {{"49.79", "8.9", "30.76", "0.8", "2.42"}, {"62.62", "65.65"}};
  for (std::size_t i = 0; i < 2; ++i) {
    auto c = infer_percent_convention(reports[i]);
    BOOST_REQUIRE(c.has_value());
    BOOST_TEST((c->policy == RoundingPolicy{2, Rounding::truncate}));
    BOOST_TEST(c->fitted == c->total);
    auto fs = check_stated(reports[i]);
    Finding conv = by_rule(fs, "percent:convention");
    BOOST_TEST(conv.status == Status::fail);
    BOOST_TEST(conv.severity == Severity::warning);
    std::set<std::string> changed;
    for (const auto& cell : conv.cells)
      for (const auto& s : reports[i].stated())
        if (s.kind == StatedKind::percentage && s.cell == cell.key) changed.insert(s.value.to_string());
    BOOST_TEST((changed == expected[i]));
    // Each truncated figure comes with the value rounding would have printed.
    BOOST_TEST(conv.suggestions.size() == expected[i].size());
    for (const auto& sg : conv.suggestions) BOOST_TEST(sg.kind == SlipKind::truncated_percentage);
    for (const auto& f : fs) BOOST_TEST(!(f.status == Status::fail && f.severity == Severity::error), f.rule);
  }
}

BOOST_AUTO_TEST_CASE(the_seed_s_49_79_would_be_49_80_rounded) {
  auto conv = by_rule(check_stated(seed_reports()[0]), "percent:convention");
  auto it = std::find_if(conv.suggestions.begin(), conv.suggestions.end(), [](const Suggestion& s) { return s.cell == "requests.in_person.year"; });
  BOOST_REQUIRE(it != conv.suggestions.end());
  BOOST_TEST(it->to.to_string() == "49.80");
  BOOST_TEST(it->from.number().to_string() == "49.79");
}

BOOST_AUTO_TEST_CASE(rounding_is_inferred_when_the_report_rounds) {
  // 1/3 = 33.33…, 2/3 = 66.66…: rounded 33.3 / 66.7; truncated 33.3 / 66.6.
  auto r = with_shares(3, {{"requests.in_person.year", 1}, {"requests.online.year", 2}}, {"33.3", "66.7"});
  auto c = infer_percent_convention(r);
  BOOST_TEST((c->policy == RoundingPolicy{1, Rounding::half_up}));
  BOOST_TEST(by_rule(check_stated(r), "percent:convention").status == Status::pass);
  BOOST_TEST(by_rule(check_stated(r), "percent-sum:requests.total.year").status == Status::pass);
}

BOOST_AUTO_TEST_CASE(a_figure_no_rounding_explains_is_an_error) {
  auto r = with_shares(3, {{"requests.in_person.year", 1}, {"requests.online.year", 2}}, {"33.3", "60.7"});
  Finding f = by_rule(check_stated(r), "percent:requests.online.year");
  BOOST_TEST(f.status == Status::fail);
  BOOST_TEST(f.severity == Severity::error);
  BOOST_TEST(f.rhs->to_string() == "66.7");
  BOOST_TEST(f.rounding.has_value());
  BOOST_TEST(by_rule(check_stated(r), "percent-sum:requests.total.year").status == Status::fail);
}

BOOST_AUTO_TEST_CASE(a_wrong_base_is_named) {
  // As in 平潭县 2012: shares by issuer stated of the 100 items disclosed, taken of the 200 produced.
  Report r(forms::ogi2008(), "t");
  r.set("proactive.total.year", Value::count(100));
  r.set("produced.total", Value::count(200));
  r.set("proactive.issuer.departments.year", Value::count(150));
  r.set("proactive.issuer.townships.year", Value::count(50));
  r.add_stated({StatedKind::percentage, "proactive.issuer.departments.year", "proactive.total.year", Decimal(75), "", -1});
  r.add_stated({StatedKind::percentage, "proactive.issuer.townships.year", "proactive.total.year", Decimal(25), "", -1});
  auto fs = check_stated(r);
  Finding f = by_rule(fs, "percent-base:proactive.issuer.departments.year");
  BOOST_TEST(f.status == Status::fail);
  BOOST_TEST(f.message.en.find("produced") != std::string::npos, f.message.en);
  BOOST_TEST(std::any_of(f.cells.begin(), f.cells.end(), [](const CellEvidence& c) { return c.key == "produced.total"; }));
}

BOOST_AUTO_TEST_CASE(a_total_stated_twice_with_two_values_fails) {
  Report r(forms::ogi2008(), "t");
  r.set("proactive.total.year", Value::count(739));
  r.add_stated({StatedKind::total, "proactive.total.year", "", Decimal(1913), "2012年主动公开政府信息1913条", -1});
  r.add_stated({StatedKind::total, "proactive.total.year", "", Decimal(739), "统计表", -1});
  auto fs = check_stated(r);
  BOOST_TEST(std::count_if(fs.begin(), fs.end(), [](const Finding& f) { return f.status == Status::fail && f.rule == "stated-total:proactive.total.year"; }) == 1);
  BOOST_TEST(std::count_if(fs.begin(), fs.end(), [](const Finding& f) { return f.status == Status::pass && f.rule == "stated-total:proactive.total.year"; }) == 1);
}

// Pingtan 2022: "全区收到政府信息公开申请75件" where the table gives 本年新收 74 and 上年结转 1. The
// 75 is the first side of the printed balance 一 + 二 = 三 + 四: a warning that says so.
BOOST_AUTO_TEST_CASE(a_figure_that_is_a_whole_side_of_an_equality_is_said_so) {
  Report r(forms::ogi2021(), "t");
  r.set("applications.new.total", Value::count(74));
  r.set("applications.carried_over.total", Value::count(1));
  r.add_stated({StatedKind::total, "applications.new.total", "", Decimal(75), "全区收到政府信息公开申请75件", -1});
  const auto rules = RuleSet::for_form(forms::ogi2021());
  Finding f = by_rule(check_stated(r, rules.rules()), "stated-total:applications.new.total");
  BOOST_TEST(f.status == Status::fail);
  BOOST_TEST(f.severity == Severity::warning);
  BOOST_TEST(f.cells.size() == 1u);
  BOOST_TEST(f.message.en.find("whole side (new and carried-over requests)") != std::string::npos, f.message.en);
  BOOST_TEST(f.message.zh.find("第一项加第二项") != std::string::npos, f.message.zh);
  // Any other value stays an error: it is no side of anything.
  r.add_stated({StatedKind::total, "applications.new.total", "", Decimal(76), "76件", -1});
  auto fs = check_stated(r, rules.rules());
  BOOST_TEST(std::count_if(fs.begin(), fs.end(), [](const Finding& x) { return x.lhs && x.lhs->units() == 76 && x.severity == Severity::error; }) == 1);
}

BOOST_AUTO_TEST_CASE(a_percentage_without_its_counts_is_not_assessable) {
  Report r(forms::ogi2008(), "t");
  r.add_stated({StatedKind::percentage, "requests.online.year", "requests.total.year", Decimal::parse("12.5"), "", -1});
  Finding f = by_rule(check_stated(r), "percent:requests.online.year");
  BOOST_TEST(f.status == Status::not_assessable);
  BOOST_TEST(!f.rhs.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
