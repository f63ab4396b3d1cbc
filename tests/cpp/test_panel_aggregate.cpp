#include <boost/test/unit_test.hpp>

#include "disclosure/forms/builtin.hpp"
#include "disclosure/panel_aggregate.hpp"

using namespace disclosure;

namespace {

Report unit(const std::string& id, const std::string& issuer, int year, std::int64_t requests, const std::string& within = "") {
  Report r(forms::ogi2021(), id);
  r.issuer = issuer;
  r.year = year;
  r.scope = "region";
  r.within = within;
  r.set("applications.new.natural_person", Value::count(requests));
  r.set("applications.new.total", Value::count(requests));
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(panel_aggregate)

BOOST_AUTO_TEST_CASE(sums_by_issuer_keep_what_no_member_states_missing) {
  std::vector<Report> rs{unit("a1", "A", 2021, 3), unit("b1", "B", 2021, 10), unit("a2", "A", 2022, 4), unit("b2", "B", 2022, 1)};
  rs[0].set("applications.carried_over.total", Value::absent(Missing::blank));
  rs[2].set("applications.carried_over.total", Value::absent(Missing::blank));
  rs[1].set("applications.carried_over.total", Value::absent(Missing::dash));
  rs[3].set("applications.carried_over.total", Value::count(2));
  rs[1].set("applications.carried_forward.total", Value::absent(Missing::dash));
  rs[3].set("applications.carried_forward.total", Value::absent(Missing::slash));
  GroupSum g = group_by(Panel::from_reports(rs), "issuer");
  BOOST_TEST(g.sums.size() == 2u);
  BOOST_TEST(g.sums.id(0) == "A");
  BOOST_TEST(g.sums.metadata().issuer[1] == "B");
  BOOST_TEST(g.sums.metadata().year[0] == 0);  // the years differ
  BOOST_TEST((g.sums.value("applications.new.total", 0) == Value::count(7)));
  BOOST_TEST((g.sums.value("applications.new.total", 1) == Value::count(11)));
  BOOST_TEST(g.sums.value("applications.carried_over.total", 0).missing() == Missing::blank);  // both blank
  BOOST_TEST((g.sums.value("applications.carried_over.total", 1) == Value::count(2)));        // one member states it
  BOOST_TEST(g.stated(static_cast<Eigen::Index>(g.sums.form().index("applications.carried_over.total")), 1) == 1u);
  BOOST_TEST(g.sums.value("applications.carried_forward.total", 1).missing() == Missing::not_stated);  // a dash and a slash
  GroupSum years = group_by(Panel::from_reports(rs), "year");
  BOOST_TEST(years.sums.id(1) == "2022");
  BOOST_TEST((years.members[1] == std::vector<std::uint32_t>{2, 3}));
  BOOST_CHECK_THROW(group_by(Panel::from_reports(rs), "colour"), Error);
}

BOOST_AUTO_TEST_CASE(a_parent_is_checked_against_the_sum_of_its_children) {
  std::vector<Report> rs{unit("city", "市", 2021, 20), unit("d1", "一区", 2021, 8, "city"), unit("d2", "二区", 2021, 15, "city"),
                         unit("town", "县", 2021, 9), unit("t1", "镇", 2021, 4, "town")};
  rs[2].set("applications.new.total", Value::absent(Missing::blank));  // read as 0 in the sum, flagged
  Panel p = Panel::from_reports(rs);
  BatchResult res = check_children(p);
  // city: natural persons 8 + 15 = 23 > 20; total 8 (+ blank) ≤ 20 passes. town: 4 ≤ 9.
  BOOST_REQUIRE(res.findings.size() == 1u);
  const auto& f = res.findings[0];
  BOOST_TEST(p.id(f.report) == "city");
  BOOST_TEST(res.rule_ids[f.rule] == "children-sum:applications.new.natural_person");
  BOOST_TEST(f.status == Status::fail);
  BOOST_TEST(f.lhs == 23);
  BOOST_TEST(f.rhs == 20);
  BOOST_TEST(!f.read_as_zero);
  // When the children make up the parent, equality: the totals differ too (8 with a blank, 20), read as 0 flagged.
  BatchResult eq = check_children(p, Comparison::equal);
  auto it = std::find_if(eq.findings.begin(), eq.findings.end(), [&](auto& x) { return eq.rule_ids[x.rule] == "children-sum:applications.new.total" && p.id(x.report) == "city"; });
  BOOST_REQUIRE(it != eq.findings.end());
  BOOST_TEST(it->lhs == 8);
  BOOST_TEST(it->read_as_zero);
  BOOST_TEST(eq.per_report[0].fails == 2u);
}

BOOST_AUTO_TEST_CASE(cross_year_checks_run_over_every_series_of_a_panel) {
  std::vector<Report> rs;
  for (int year = 2021; year <= 2023; ++year)
    for (const char* issuer : {"A", "B"}) {
      Report r = unit(std::string(issuer) + std::to_string(year), issuer, year, 5 + year % 3);
      r.set("applications.carried_over.natural_person", Value::count(year - 2020));
      r.set("applications.carried_forward.natural_person", Value::count(year - 2019));
      rs.push_back(std::move(r));
    }
  rs[3].set("applications.carried_over.natural_person", Value::count(9));  // B 2022 carries over 9, B 2021 carried forward 2
  Panel p = Panel::from_reports(rs);
  auto fs = check_years(p);
  std::vector<Finding> fails;
  for (const auto& f : fs)
    if (f.status == Status::fail) fails.push_back(f);
  BOOST_REQUIRE(fails.size() == 1u);  // B 2022 against 2021 (2023 carries over what 2022 carried forward)
  BOOST_TEST(fails[0].report == "B2022");
  BOOST_TEST(fails[0].rule == "carry-over:applications.carried_over.natural_person");
  BOOST_TEST(fails[0].lhs->units() == 9);
  BOOST_TEST(fails[0].rhs->units() == 2);
  // The same as links.hpp on the series' reports.
  std::vector<Report> b{rs[1], rs[3], rs[5]};
  std::size_t expected = 0;
  for (const auto& f : check_links(b)) expected += f.status != Status::pass;
  BOOST_TEST(std::count_if(fs.begin(), fs.end(), [](auto& f) { return f.report[0] == 'B'; }) == static_cast<long>(expected));
}

BOOST_AUTO_TEST_SUITE_END()
