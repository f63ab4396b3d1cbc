// Series identity (series.hpp): the growth check (review.hpp), the links between years (links.hpp)
// and a panel's years (panel_aggregate.hpp) pair the same reports, on names taken as written.
#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

#include <algorithm>

#include "disclosure/forms/templates.hpp"
#include "disclosure/panel_aggregate.hpp"
#include "disclosure/review.hpp"
#include "disclosure/series.hpp"

using namespace disclosure;

namespace {

struct Who {
  std::string issuer, scope, series;
};

// Two years of one body as `a` and `b` name it; 2021 carries over 7 where 2020 carried forward 5,
// and states a growth of 10% on its new requests (100 → 110).
std::vector<Report> two_years(const Who& a, const Who& b) {
  auto year = [](const Who& who, int y) {
    Report r(forms::ogi2019(), "r" + std::to_string(y));
    r.issuer = who.issuer;
    r.scope = who.scope;
    r.series = who.series;
    r.year = y;
    r.set("applications.new.total", Value::count(y == 2020 ? 100 : 110));
    r.set(y == 2020 ? "applications.carried_forward.total" : "applications.carried_over.total", Value::count(y == 2020 ? 5 : 7));
    if (y == 2021) r.add_stated({StatedKind::growth_rate, "applications.new.total", "", Decimal(10), "同比增加10%", -1});
    return r;
  };
  return {year(a, 2020), year(b, 2021)};
}

bool links_pair(const std::vector<Report>& rs) {
  auto fs = check_links(rs);
  return std::any_of(fs.begin(), fs.end(), [](const Finding& f) { return f.rule == "carry-over:applications.carried_over.total"; });
}

bool growth_pairs(const std::vector<Report>& rs) {
  auto f = by_rule(check_reports(rs), "growth:applications.new.total");
  return f.cells.size() == 2u;  // the cell, and last year's
}

bool panel_pairs(const std::vector<Report>& rs) {
  auto fs = check_years(Panel::from_reports(rs));
  return std::any_of(fs.begin(), fs.end(), [](const Finding& f) { return f.rule == "carry-over:applications.carried_over.total"; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(series)

BOOST_AUTO_TEST_CASE(the_three_pairings_of_years_agree_with_series_of) {
  const std::string city = "齐齐哈尔市人民政府";
  struct Case {
    Who a, b;
    bool same;
  };
  const std::vector<Case> cases = {
      {{city, "region", ""}, {city, "region", ""}, true},
      {{city, "region", ""}, {"齐齐哈尔市", "region", ""}, false},                   // 人民政府 dropped: another name
      {{city, "region", ""}, {"齐齐哈尔市　人民政府", "region", ""}, false},          // a full-width space inside
      {{city, "region", ""}, {city + " ", "region", ""}, false},                     // a trailing space
      {{city, "region", ""}, {"齊齊哈爾市人民政府", "region", ""}, false},            // traditional characters
      {{city, "region", ""}, {city, "own_level", ""}, false},                        // the same body, another scope
      {{city, "region", "qiqihar"}, {"齐齐哈尔市", "region", "qiqihar"}, true},       // one series named for both
      {{city, "region", "qiqihar"}, {city, "region", ""}, false},                    // a named series is its own
      {{city, "region", city + "|region"}, {city, "region", ""}, true},              // … unless named as the default would be
  };
  for (const auto& c : cases) {
    auto rs = two_years(c.a, c.b);
    const std::string what = c.a.issuer + "/" + c.a.scope + "/" + c.a.series + " against " + c.b.issuer + "/" + c.b.scope + "/" + c.b.series;
    BOOST_TEST((series_of(rs[0]) == series_of(rs[1])) == c.same, what);
    BOOST_TEST(links_pair(rs) == c.same, what);
    BOOST_TEST(growth_pairs(rs) == c.same, what);
    BOOST_TEST(panel_pairs(rs) == c.same, what);
  }
}

BOOST_AUTO_TEST_CASE(the_key_joins_issuer_and_scope_as_written) {
  BOOST_TEST(series_key("", "平潭县人民政府", "region") == "平潭县人民政府|region");
  BOOST_TEST(series_key("pingtan", "平潭县人民政府", "region") == "pingtan");
  // A "|" inside a name can make two bodies one key (no report in tests/data has one); the three
  // pairings share the key, so they agree on that too.
  BOOST_TEST(series_key("", "a|b", "c") == series_key("", "a", "b|c"));
  auto rs = two_years({"a|b", "c", ""}, {"a", "b|c", ""});
  BOOST_TEST(links_pair(rs) == growth_pairs(rs));
  BOOST_TEST(panel_pairs(rs) == growth_pairs(rs));
}

BOOST_AUTO_TEST_SUITE_END()
