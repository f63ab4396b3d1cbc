#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

#include <algorithm>
#include <map>

#include "disclosure/check.hpp"
#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/json.hpp"

using namespace disclosure;

namespace {



Report ogi2008_report() { return Report(forms::ogi2008(), "r"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(check)

BOOST_AUTO_TEST_CASE(seed_outcomes_miss_their_total_in_both_scopes) {
  auto reports = seed_reports();
  BOOST_REQUIRE(reports.size() == 2u);
  auto rules = RuleSet::for_form(forms::ogi2008());
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> expected{{"qiqihar-2018-region", {247, 243}}, {"qiqihar-2018-own-level", {99, 94}}};
  for (const auto& r : reports) {
    auto fs = rules.check(r);
    const Finding outcomes = by_rule(fs, "sum:responses.total.year");
    BOOST_TEST(outcomes.status == Status::fail);
    BOOST_TEST(outcomes.severity == Severity::error);
    BOOST_TEST(outcomes.lhs->units() == expected[r.id()].first);
    BOOST_TEST(outcomes.rhs->units() == expected[r.id()].second);
    BOOST_TEST(outcomes.difference->units() == expected[r.id()].first - expected[r.id()].second);
    BOOST_TEST(outcomes.message.en.find("sum to " + std::to_string(expected[r.id()].second)) != std::string::npos, outcomes.message.en);
    BOOST_TEST(outcomes.message.zh.find("合计" + std::to_string(expected[r.id()].second)) != std::string::npos, outcomes.message.zh);
    const Finding channels = by_rule(fs, "sum:requests.total.year");
    BOOST_TEST(channels.status == Status::pass);
    BOOST_TEST(channels.lhs->units() == channels.rhs->units());
    // Exactly one error-severity failure per scope.
    auto fails = std::count_if(fs.begin(), fs.end(), [](const Finding& f) { return f.status == Status::fail; });
    BOOST_TEST(fails == 1);
  }
}

BOOST_AUTO_TEST_CASE(unstated_parts_are_read_as_zero_and_said_so) {
  auto reports = seed_reports();
  auto fs = RuleSet::for_form(forms::ogi2008()).check(reports[1]);  // 市本级: no fax, e-mail or other channel stated
  const Finding channels = by_rule(fs, "sum:requests.total.year");
  BOOST_TEST(channels.status == Status::pass);
  BOOST_TEST((channels.read_as_zero == std::vector<std::string>{"requests.email.year", "requests.other.year"}));
  // 信函、传真 is not stated: it is taken as letters (18) with faxes read as 0, and said so.
  BOOST_TEST((channels.derived == std::vector<std::string>{"requests.letter_fax.year"}));
  BOOST_TEST(channels.message.en.find("sum of its stated parts") != std::string::npos);
  // The rule that defines the subtotal cannot use it: not assessable, never passed.
  BOOST_TEST(by_rule(fs, "sum:requests.letter_fax.year").status == Status::not_assessable);
  BOOST_TEST(channels.message.en.find("read as 0") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missing_total_is_not_assessable_never_passed) {
  for (Missing kind : {Missing::not_stated, Missing::blank, Missing::dash, Missing::slash, Missing::not_applicable}) {
    Report r = ogi2008_report();
    if (kind != Missing::not_stated) r.set("requests.total.year", Value::absent(kind));
    r.set("requests.in_person.year", Value::count(3));
    const Finding f = by_rule(RuleSet::for_form(forms::ogi2008()).check(r), "sum:requests.total.year");
    BOOST_TEST(f.status == Status::not_assessable);
    BOOST_TEST(!f.lhs.has_value());
    BOOST_TEST(f.message.en.find(std::string(to_string(kind))) != std::string::npos, f.message.en);
  }
}

// An excerpt that gives 上年结转 14 and 结转下年度 35 but neither 本年新收 nor （七）总计: the balance
// 一 + 二 = 三 + 四 is unknown, not 14 against 35. Printed blank, the same totals are read as 0.
BOOST_AUTO_TEST_CASE(a_total_never_stated_is_unknown_but_a_blank_one_reads_as_zero) {
  const auto rules = RuleSet::for_form(forms::ogi2021());
  Report r(forms::ogi2021(), "excerpt");
  r.set("applications.carried_over.total", Value::count(14));
  r.set("applications.carried_forward.total", Value::count(35));
  const Finding unknown = by_rule(rules.check(r), "balance:applications.total");
  BOOST_TEST(unknown.status == Status::not_assessable);
  BOOST_TEST(unknown.message.en.find("does not state new requests this year (all applicants)") != std::string::npos, unknown.message.en);
  BOOST_TEST(unknown.message.en.find("not read as 0") != std::string::npos);
  r.set("applications.new.total", Value::absent(Missing::blank));
  r.set("applications.outcome.total", Value::absent(Missing::blank));
  const Finding blank = by_rule(rules.check(r), "balance:applications.total");
  BOOST_TEST(blank.status == Status::fail);
  BOOST_TEST((blank.read_as_zero == std::vector<std::string>{"applications.new.total", "applications.outcome.total"}));
  // A part left out of a stated breakdown is still read as 0 (the seed's missing categories).
  BOOST_TEST(by_rule(RuleSet::for_form(forms::ogi2008()).check(seed_reports()[0]), "sum:responses.total.year").status == Status::fail);
}

BOOST_AUTO_TEST_CASE(no_parts_stated_is_not_assessable) {
  Report r = ogi2008_report();
  r.set("requests.total.year", Value::count(10));
  const Finding f = by_rule(RuleSet::for_form(forms::ogi2008()).check(r), "sum:requests.total.year");
  BOOST_TEST(f.status == Status::not_assessable);
}

BOOST_AUTO_TEST_CASE(parts_over_the_total_fail_whatever_is_missing) {
  Report r = ogi2008_report();
  r.set("requests.total.year", Value::count(10));
  r.set("requests.letter_fax.fax.year", Value::count(7));
  r.set("requests.letter_fax.letter.year", Value::count(5));
  r.set("requests.online.year", Value::absent(Missing::blank));
  const Finding f = by_rule(RuleSet::for_form(forms::ogi2008()).check(r), "sum:requests.total.year");
  BOOST_TEST(f.status == Status::fail);
  BOOST_TEST(f.difference->units() == -2);
  BOOST_TEST(f.message.en.find("(2 over)") != std::string::npos, f.message.en);
}

BOOST_AUTO_TEST_CASE(overlapping_items_are_at_most_their_total) {
  Report r = ogi2008_report();
  r.set("responses.refused.year", Value::count(3));
  r.set("responses.refused.privacy.year", Value::count(4));
  r.set("responses.refused.state_secret.year", Value::count(3));
  auto fs = RuleSet::for_form(forms::ogi2008()).check(r);
  BOOST_TEST(by_rule(fs, "within:responses.refused.privacy.year").status == Status::fail);
  BOOST_TEST(by_rule(fs, "within:responses.refused.state_secret.year").status == Status::pass);
  BOOST_TEST(by_rule(fs, "within:responses.refused.commercial_secret.year").status == Status::not_assessable);
}

BOOST_AUTO_TEST_CASE(the_compiled_matrices_match_the_rules) {
  auto rules = RuleSet::for_form(forms::ogi2008());
  BOOST_TEST(rules.lhs_matrix().rows() == static_cast<Eigen::Index>(rules.rules().size()));
  BOOST_TEST(rules.lhs_matrix().cols() == static_cast<Eigen::Index>(forms::ogi2008()->size()));
  std::size_t terms = 0;
  for (const auto& rule : rules.rules()) terms += rule.lhs.size() + rule.rhs.size();
  BOOST_TEST(static_cast<std::size_t>(rules.lhs_matrix().nonZeros() + rules.rhs_matrix().nonZeros()) == terms);
}

BOOST_AUTO_TEST_CASE(reports_refuse_values_their_cells_cannot_hold) {
  Report r = ogi2008_report();
  BOOST_CHECK_THROW(r.set("requests.total.year", Value(Decimal::parse("1.5"))), Error);
  BOOST_CHECK_THROW(r.set("requests.total.year", Value::count(-1)), Error);
  BOOST_CHECK_THROW(r.set("requests.nope.year", Value::count(1)), KeyError);
  BOOST_TEST(!r.at("requests.total.year").has_number());
}

BOOST_AUTO_TEST_SUITE_END()
