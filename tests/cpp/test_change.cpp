// Year-on-year changes and stated growth rates.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <numeric>

#include "disclosure/change.hpp"
#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/json.hpp"
#include "disclosure/review.hpp"
#include "helpers.hpp"

using namespace disclosure;

namespace {

Report pingtan(int year) {
  return io::read_reports_json(std::string(DISCLOSURE_TEST_DATA) + "/reports/" + std::to_string(year) + "_pingtan_zonghe_shiyanqu.json").at(0);
}

CellChange change_of(const std::vector<CellChange>& cs, const std::string& cell) {
  auto it = std::find_if(cs.begin(), cs.end(), [&](const CellChange& c) { return c.cell == cell; });
  if (it == cs.end()) throw std::runtime_error("no change for " + cell);
  return *it;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(change)

BOOST_AUTO_TEST_CASE(growth_rates_without_last_year_give_the_values_they_imply) {
  BOOST_TEST((implied_previous(Decimal(179), Decimal(10)) == std::vector<std::int64_t>{162, 163}));
  BOOST_TEST((implied_previous(Decimal(400), Decimal::parse("33.3")) == std::vector<std::int64_t>{300}));
  auto fs = check_growth(seed_reports()[1]);
  BOOST_REQUIRE(fs.size() == 2u);
  BOOST_TEST(fs[0].status == Status::not_assessable);
  BOOST_TEST((fs[0].implied == std::vector<std::int64_t>{162, 163}));
  BOOST_TEST(fs[0].message.en.find("162 or 163") != std::string::npos, fs[0].message.en);
}

BOOST_AUTO_TEST_CASE(growth_rates_are_checked_against_last_year) {
  Report last(forms::ogi2008(), "last"), now(forms::ogi2008(), "now");
  last.set("npc_cppcc.npc.handled", Value::count(163));
  now.set("npc_cppcc.npc.handled", Value::count(179));
  now.add_stated({StatedKind::growth_rate, "npc_cppcc.npc.handled", "", Decimal(10), "同比增加10%", -1});
  BOOST_TEST(check_growth(now, &last).front().status == Status::pass);  // 16/163 = 9.8% → 10
  last.set("npc_cppcc.npc.handled", Value::count(150));
  auto f = check_growth(now, &last).front();
  BOOST_TEST(f.status == Status::fail);  // 29/150 = 19.3%
  BOOST_TEST(f.rhs->to_string() == "19");
}

// A rate of −100% or below with a positive value implies no previous value (before: a division by
// zero and infinity converted to int64). The values found by bisection equal a scan of every p.
BOOST_AUTO_TEST_CASE(implied_previous_values_at_any_rate) {
  BOOST_TEST(implied_previous(Decimal(5), Decimal(-100)).empty());
  BOOST_TEST(implied_previous(Decimal(5), Decimal(-150)).empty());
  BOOST_TEST(implied_previous(Decimal(5), Decimal::parse("-100.0")).empty());
  for (const char* rate : {"-99.5", "-50", "0", "12.5", "250", "-99"}) {
    const Decimal r = Decimal::parse(rate);
    for (std::int64_t v : {1, 7, 31}) {
      std::vector<std::int64_t> scan;
      for (std::int64_t p = 1; p <= 20000 && scan.size() < max_implied_previous; ++p)
        for (Rounding m : {Rounding::half_up, Rounding::truncate})
          if (percent(Decimal(v) - Decimal(p), Decimal(p), {r.scale(), m}) == r) {
            scan.push_back(p);
            break;
          }
      BOOST_TEST((implied_previous(Decimal(v), r) == scan), rate << " " << v);
    }
  }
  // A rate near −100% implies a wide range: the smallest max_implied_previous of it, found quickly.
  auto wide = implied_previous(Decimal(1000000), Decimal::parse("-99.99"));
  BOOST_TEST(wide.size() == max_implied_previous);
  BOOST_TEST(wide.front() == 6666666667);  // the first p with 100·(10^6 − p)/p < −99.985, rounded to −99.99
}

BOOST_AUTO_TEST_CASE(growth_without_a_number_last_year_says_which) {
  Report last(forms::ogi2008(), "last"), now(forms::ogi2008(), "now");
  now.set("npc_cppcc.npc.handled", Value::count(179));
  now.add_stated({StatedKind::growth_rate, "npc_cppcc.npc.handled", "", Decimal(10), "同比增加10%", -1});
  last.set("npc_cppcc.npc.handled", Value::absent(Missing::dash));
  auto f = check_growth(now, &last).front();
  BOOST_TEST(f.status == Status::not_assessable);
  BOOST_TEST(f.message.en.find("no report of last year") == std::string::npos, f.message.en);
  BOOST_TEST(f.message.en.find("last year's report (last) has no number") != std::string::npos, f.message.en);
  BOOST_TEST((f.implied == std::vector<std::int64_t>{162, 163}));
  last.set("npc_cppcc.npc.handled", Value::count(0));
  f = check_growth(now, &last).front();
  BOOST_TEST(f.message.en.find("is 0") != std::string::npos, f.message.en);
  BOOST_TEST(check_growth(now).front().message.en.find("no report of last year") != std::string::npos);
  // A change past the supported magnitude is an error with its reason, not a throw.
  now.set("npc_cppcc.npc.handled", Value::count(Decimal::max_units));
  last.set("npc_cppcc.npc.handled", Value::count(1));
  BOOST_REQUIRE_NO_THROW(f = check_growth(now, &last).front());
  BOOST_TEST(f.status == Status::error);
  BOOST_TEST(f.message.en.find("2^53") != std::string::npos, f.message.en);
}

// check_reports pairs each report with last year's of its series (the last given of two), by key.
BOOST_AUTO_TEST_CASE(check_reports_pairs_growth_with_last_year_of_the_series) {
  auto make = [](const std::string& id, const std::string& series, int year, std::int64_t v) {
    Report r(forms::ogi2008(), id);
    r.series = series;
    r.year = year;
    r.set("npc_cppcc.npc.handled", Value::count(v));
    return r;
  };
  std::vector<Report> reports{make("a20-first", "a", 2020, 90), make("b20", "b", 2020, 50), make("a20", "a", 2020, 100), make("a21", "a", 2021, 110),
                              make("b21", "b", 2021, 110), make("c21", "c", 2021, 110)};
  for (std::size_t i = 3; i < reports.size(); ++i)
    reports[i].add_stated({StatedKind::growth_rate, "npc_cppcc.npc.handled", "", Decimal(10), "同比增加10%", -1});
  std::map<std::string, Status> growth;
  for (const auto& f : check_reports(reports))
    if (f.rule == "growth:npc_cppcc.npc.handled") growth[f.report] = f.status;
  BOOST_TEST(growth.size() == 3u);
  BOOST_TEST((growth["a21"] == Status::pass));  // 110 against a20's 100, not a20-first's 90
  BOOST_TEST((growth["b21"] == Status::fail));  // 110 against 50
  BOOST_TEST((growth["c21"] == Status::not_assessable));
}

BOOST_AUTO_TEST_CASE(changes_of_a_series_are_exact) {
  auto a = pingtan(2021), b = pingtan(2022);
  auto cs = changes(a, b);
  auto n = change_of(cs, "applications.new.total");
  BOOST_TEST(n.before->units() == 70);
  BOOST_TEST(n.after->units() == 74);
  BOOST_TEST(n.absolute->units() == 4);
  BOOST_TEST((n.relative == Fraction{2, 35}));
  BOOST_TEST(n.percent->to_string() == "5.71");
  auto zero = change_of(cs, "applications.carried_over.total");  // 0 in 2021
  BOOST_TEST(!zero.percent.has_value());
  BOOST_TEST(zero.why_absent == "before is 0");
  // Applying the change to the base gives back the later value.
  for (const auto& c : cs)
    if (c.absolute) BOOST_TEST((*c.before + *c.absolute == *c.after), c.cell);
}

BOOST_AUTO_TEST_CASE(across_the_2019_to_2021_template_change) {
  auto cs = changes(pingtan(2019), pingtan(2021));
  // 2019's single （六）其他处理 row against the sum of its three 2021 sub-rows.
  auto other = change_of(cs, "applications.outcome.other_handling.total");
  BOOST_TEST((other.before_cells == std::vector<std::string>{"applications.outcome.other_handling.total"}));
  BOOST_TEST(other.after.has_value());
  auto r = pingtan(2021);
  std::int64_t sum = 0;
  for (const char* sub : {"no_correction", "unpaid_fee", "other"}) sum += r.at(std::string("applications.outcome.other_handling.") + sub + ".total").number().units();
  BOOST_TEST(other.after->units() == sum);
  // Cells both templates share compare directly.
  BOOST_TEST(change_of(cs, "applications.new.total").before->units() == pingtan(2019).at("applications.new.total").number().units());
}

BOOST_AUTO_TEST_CASE(largest_remainder_shares_sum_to_exactly_100) {
  auto s = largest_remainder_percent({Decimal(1), Decimal(1), Decimal(1)}, 2);
  BOOST_TEST(s[0].to_string() == "33.34");
  BOOST_TEST(s[1].to_string() == "33.33");
  auto seed = largest_remainder_percent({Decimal(123), Decimal(5), Decimal(97), Decimal(22)}, 2);
  Decimal sum(0, 2);
  for (const auto& d : seed) sum = sum + d;
  BOOST_TEST(sum.to_string() == "100.00");
  BOOST_CHECK_THROW(largest_remainder_percent({Decimal(0)}), Error);
  BOOST_CHECK_THROW(largest_remainder_percent({Decimal(-1), Decimal(2)}), Error);
}

BOOST_AUTO_TEST_SUITE_END()

#include "disclosure/indicators.hpp"
#include "disclosure/share.hpp"

BOOST_AUTO_TEST_SUITE(indicator)

BOOST_AUTO_TEST_CASE(indicators_state_their_denominator_and_never_read_missing_as_zero) {
  auto r = io::read_reports_json(std::string(DISCLOSURE_TEST_DATA) + "/reports/2022_pingtan_zonghe_shiyanqu.json").at(0);
  auto vs = indicators(r);
  auto get = [&](const std::string& k) { return *std::find_if(vs.begin(), vs.end(), [&](const IndicatorValue& v) { return v.key == k; }); };
  auto rate = get("disclosure_rate");
  // (予以公开 + 部分公开) / （七）总计
  std::int64_t granted = r.at("applications.outcome.granted.total").number().units(), partial = r.at("applications.outcome.partial.total").number().units();
  BOOST_TEST(rate.numerator->units() == granted + partial);
  BOOST_TEST(rate.denominator->units() == r.at("applications.outcome.total").number().units());
  // Review corrections over reviews concluded: pending ones are not in the denominator.
  auto review = get("review_correction_rate");
  BOOST_TEST(review.denominator->units() == r.at("review_litigation.review.total").number().units() - r.at("review_litigation.review.pending").number().units());
  // The seed never states 同意部分公开: its 公开率 is not assessable, and says which operand is missing.
  auto seed = indicators(seed_reports()[0]);
  auto s = *std::find_if(seed.begin(), seed.end(), [](const IndicatorValue& v) { return v.key == "disclosure_rate"; });
  BOOST_TEST(!s.percent.has_value());
  BOOST_TEST((s.missing == std::vector<std::string>{"responses.partially_granted.year"}));
  BOOST_TEST(s.why_absent == "missing operand");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(versions)

BOOST_AUTO_TEST_CASE(a_pre_2019_report_mapped_to_the_2019_categories) {
  auto m = map_to_ogi2019(seed_reports()[0], forms::ogi2019());
  BOOST_TEST(m.report.at("applications.new.total").number().units() == 247);
  BOOST_TEST(m.report.at("applications.outcome.granted.total").number().units() == 130 + 76);  // 已主动公开 counted as disclosed
  BOOST_TEST(m.report.at("applications.outcome.unable.not_held.total").number().units() == 15 + 7);
  BOOST_TEST((m.report.at("applications.outcome.partial.total").missing() == Missing::not_stated));  // not stated stays not stated
  // 8 lawsuits not split into direct and after-review suits, 6 told to use another procedure, and 7
  // refusals without their reasons have no 2019 place.
  BOOST_TEST((m.unmapped == std::vector<std::string>{"litigation.total.year", "responses.other_route.year", "responses.refused.year"}));
  BOOST_TEST(m.report.source.note.find("series break") != std::string::npos);
  BOOST_CHECK_THROW(map_to_ogi2019(m.report, forms::ogi2019()), Error);
}

BOOST_AUTO_TEST_CASE(changes_across_forms_are_flagged_as_a_series_break) {
  auto r19 = io::read_reports_json(std::string(DISCLOSURE_TEST_DATA) + "/reports/2019_pingtan_zonghe_shiyanqu.json").at(0);
  auto r21 = io::read_reports_json(std::string(DISCLOSURE_TEST_DATA) + "/reports/2021_pingtan_zonghe_shiyanqu.json").at(0);
  for (const auto& c : changes(r19, r21)) BOOST_TEST(c.series_break, c.cell);
  for (const auto& c : changes(r21, r21)) BOOST_TEST(!c.series_break, c.cell);
}

BOOST_AUTO_TEST_CASE(shares_over_another_base) {
  auto r = io::read_reports_json(std::string(DISCLOSURE_TEST_DATA) + "/reports/2022_pingtan_zonghe_shiyanqu.json").at(0);
  // Outcomes over 答复数 including carried-over requests (new + carried over), not over （七）总计.
  auto s = shares_over(r, "applications.outcome.total", {"applications.new.total", "applications.carried_over.total"});
  std::int64_t base = r.at("applications.new.total").number().units() + r.at("applications.carried_over.total").number().units();
  BOOST_TEST(s.front().base == "applications.new.total+applications.carried_over.total");
  BOOST_TEST(s.front().fraction->denominator * r.at("applications.outcome.granted.total").number().units() == s.front().fraction->numerator * base);
}

BOOST_AUTO_TEST_SUITE_END()
