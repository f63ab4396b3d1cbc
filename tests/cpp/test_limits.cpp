// Arithmetic limits (sums past 2^53) and other failure paths: each is a finding of status ERROR
// with its reason, in both engines, never an exception that stops a run or ends the process.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <stdexcept>

#include "disclosure/batch_check.hpp"
#include "disclosure/forms/builtin.hpp"
#include "disclosure/review.hpp"
#include "helpers.hpp"

using namespace disclosure;

namespace {

constexpr std::int64_t big = Decimal::max_units - 10;  // one cell is fine; two of them are not

// The seed's region report with two channels that together pass 2^53.
Report huge_parts() {
  Report r = seed_reports().front();
  r.set("requests.in_person.year", Value::count(big));
  r.set("requests.online.year", Value::count(big));
  return r;
}

// Letters and faxes past 2^53 together, their subtotal 信函、传真 not stated: the derivation errs.
Report huge_derived(const std::string& id) {
  Report r(forms::ogi2008(), id);
  r.set("requests.letter_fax.letter.year", Value::count(big));
  r.set("requests.letter_fax.fax.year", Value::count(big));
  r.set("requests.in_person.year", Value::count(3));
  r.set("requests.online.year", Value::count(4));
  r.set("requests.total.year", Value::count(7));
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(limits)

BOOST_AUTO_TEST_CASE(parts_past_2_53_are_an_error_finding_with_its_reason) {
  const auto rules = RuleSet::for_form(forms::ogi2008());
  std::vector<Finding> fs;
  BOOST_REQUIRE_NO_THROW(fs = rules.check(huge_parts()));
  const Finding f = by_rule(fs, "sum:requests.total.year");
  BOOST_TEST((f.status == Status::error));
  BOOST_TEST(!f.lhs.has_value());
  BOOST_TEST(f.message.en.find("2^53") != std::string::npos, f.message.en);
  BOOST_TEST(f.message.zh.find("2^53") != std::string::npos, f.message.zh);
  BOOST_TEST((by_rule(fs, "sum:staff.total").status == Status::pass));  // the other rules are checked
}

BOOST_AUTO_TEST_CASE(a_derived_subtotal_past_2_53_is_an_error_finding) {
  const auto rules = RuleSet::for_form(forms::ogi2008());
  std::vector<Finding> fs;
  BOOST_REQUIRE_NO_THROW(fs = rules.check(huge_derived("d")));
  const Finding f = by_rule(fs, "sum:requests.total.year");
  BOOST_TEST((f.status == Status::error));
  BOOST_TEST(f.message.en.find("requests.letter_fax") != std::string::npos, f.message.en);
  // The rule that defines the subtotal from these parts has no number on its left: not assessable.
  BOOST_TEST((by_rule(fs, "sum:requests.letter_fax.year").status == Status::not_assessable));
}

BOOST_AUTO_TEST_CASE(check_reports_goes_on_past_a_report_beyond_the_limit) {
  auto reports = seed_reports();
  reports.front() = huge_parts();
  reports.push_back(huge_derived("d"));
  std::vector<Finding> fs;
  BOOST_REQUIRE_NO_THROW(fs = check_reports(reports));
  std::size_t errors = 0, of_the_second = 0;
  for (const auto& f : fs) {
    errors += f.status == Status::error;
    of_the_second += f.report == "qiqihar-2018-own-level" && f.rule == "sum:responses.total.year" && f.status == Status::fail;
  }
  BOOST_TEST(errors >= 2u);
  BOOST_TEST(of_the_second == 1u);  // the other reports are checked as before
}

BOOST_AUTO_TEST_CASE(a_percentage_past_the_limit_is_an_error_finding) {
  Report r = seed_reports().front();
  r.set("requests.in_person.year", Value::count(big));
  r.set("requests.total.year", Value::count(1));
  std::vector<Finding> fs;
  BOOST_REQUIRE_NO_THROW(fs = check_stated(r, RuleSet::for_form(forms::ogi2008()).rules()));
  const Finding f = by_rule(fs, "percent:requests.in_person.year");
  BOOST_TEST((f.status == Status::error));
  BOOST_TEST(f.message.en.find("beyond") != std::string::npos, f.message.en);
}

// Reports past the limit in both threads' shares: the batch gives what checking each report gives
// (before, a worker's exception reached std::terminate).
BOOST_AUTO_TEST_CASE(the_batch_checks_reports_past_the_limit_as_they_check_alone) {
  auto seed = seed_reports();
  std::vector<Report> reports;
  for (int i = 0; i < 2000; ++i) {
    if (i == 10) reports.push_back(huge_derived("early"));
    else if (i == 1900) reports.push_back(huge_derived("late"));
    else if (i == 1901) reports.push_back(huge_parts());  // a plain report: no missing cell the batch must look at
    else reports.push_back(seed[static_cast<std::size_t>(i % 2)]);
  }
  Report plain(forms::ogi2008(), "plain");
  for (const auto& c : plain.form().cells()) plain.set(c.key, Value::count(c.decimals ? 0 : 1));
  plain.set("requests.in_person.year", Value::count(big));
  plain.set("requests.online.year", Value::count(big));
  reports.push_back(plain);
  const auto rules = RuleSet::for_form(forms::ogi2008());
  const auto expected = per_report(reports, rules);
  Panel p = Panel::from_reports(reports);
  BOOST_REQUIRE(p.is_plain(p.size() - 1));
  for (unsigned threads : {1u, 2u}) {
    BatchResult res;
    BOOST_REQUIRE_NO_THROW(res = check_panel(p, rules, threads));
    BOOST_TEST((res.findings == expected), "threads " << threads);
  }
}

BOOST_AUTO_TEST_CASE(a_workers_exception_is_carried_back_and_every_thread_joined) {
  std::atomic<int> ran{0};
  auto work = [&](unsigned t) {
    ++ran;
    if (t == 2) throw std::runtime_error("third");
    if (t == 0) throw Error("first");
  };
  // The earliest share's exception, as the library's error, whichever thread ends first.
  for (int round = 0; round < 20; ++round) {
    ran = 0;
    try {
      detail::run_shares(4, work);
      BOOST_FAIL("no exception");
    } catch (const Error& e) {
      BOOST_TEST(std::string(e.what()) == "first");
    }
    BOOST_TEST(ran.load() == 4);
  }
  try {
    detail::run_shares(3, [](unsigned t) { if (t == 1) throw std::runtime_error("boom"); });
    BOOST_FAIL("no exception");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()).find("boom") != std::string::npos, e.what());
  }
}

// A user rule over cells of different units (人 and 件, both whole numbers): ERROR per report, and
// the same in a panel, for plain reports and for reports with missing cells.
BOOST_AUTO_TEST_CASE(a_rule_over_different_units_errs_in_both_engines) {
  auto form = forms::ogi2008();
  RuleSpec spec;
  spec.id = "user:staff-vs-requests";
  spec.lhs = {"staff.total"};
  spec.rhs = {"requests.total.year"};
  spec.comparison = Comparison::less_equal;
  const auto rules = RuleSet::for_form(form, {spec});
  Report plain(form, "plain");
  for (const auto& c : form->cells()) plain.set(c.key, Value::count(c.decimals ? 0 : 1));
  std::vector<Report> reports{plain, seed_reports().front()};
  const auto alone = rules.check(plain);
  BOOST_TEST((alone.back().status == Status::error));
  BOOST_TEST((per_report(reports, rules) == check_panel(Panel::from_reports(reports), rules, 1).findings));
}

BOOST_AUTO_TEST_SUITE_END()
