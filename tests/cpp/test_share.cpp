#include <boost/test/unit_test.hpp>

#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/json.hpp"
#include "disclosure/share.hpp"

using namespace disclosure;

BOOST_AUTO_TEST_SUITE(share)

BOOST_AUTO_TEST_CASE(seed_channel_shares_exact_rounded_and_stated) {
  auto reports = io::read_reports_json(std::string(DISCLOSURE_EXAMPLES) + "/data/qiqihar-2018.json");
  const Report& region = reports.at(0);
  const auto& b = region.form().breakdown_of("requests.total.year");
  auto s = shares(region, "requests.total.year", {2, Rounding::half_up});
  BOOST_REQUIRE(s.size() == 5u);  // in person, e-mail, online, letter or fax, other
  BOOST_TEST(s[0].part == "requests.in_person.year");
  BOOST_TEST(s[0].fraction->numerator == 123);
  BOOST_TEST(s[0].fraction->denominator == 247);
  BOOST_TEST(s[0].percent->to_string() == "49.80");
  BOOST_TEST(s[0].stated->value.to_string() == "49.79");
  BOOST_TEST(s[1].part == "requests.email.year");
  BOOST_TEST(!s[1].percent.has_value());
  BOOST_TEST(s[1].why_absent == "part not_stated");
  // 信函、传真 is not stated; letters (22) and faxes (5) are: 27/247, flagged as derived.
  BOOST_TEST(s[3].part == "requests.letter_fax.year");
  BOOST_TEST(s[3].part_derived);
  BOOST_TEST(s[3].fraction->numerator == 27);
  BOOST_TEST(!s[0].part_derived);
  // Letters over their own parent (the derived 27) and, as the report does, over all requests.
  auto letters = shares(region, "requests.letter_fax.year", {2, Rounding::truncate});
  BOOST_TEST(letters[0].base_derived);
  BOOST_TEST(letters[0].percent->to_string() == "81.48");  // 22/27
  // Under truncation every stated channel share of the seed is reproduced.
  for (const auto& x : shares(region, b, {2, Rounding::truncate}))
    if (x.stated) BOOST_TEST(x.percent.value() == x.stated->value, x.part);
}

BOOST_AUTO_TEST_CASE(every_partition_with_a_total_gets_shares) {
  auto reports = io::read_reports_json(std::string(DISCLOSURE_EXAMPLES) + "/data/qiqihar-2018.json");
  auto all = shares(reports.at(1));
  BOOST_REQUIRE(all.size() == 3u);  // channels, outcomes and staff of 市本级
  BOOST_TEST(all[1][1].part == "responses.granted.year");
  BOOST_TEST(all[1][1].percent->to_string() == "65.66");  // 65/99 = 65.656…; the report prints 65.65 (truncated)
  BOOST_TEST(all[2][0].part == "staff.full_time");
  BOOST_TEST(all[2][0].fraction->numerator == 12);
  BOOST_TEST(all[2][0].fraction->denominator == 71);
  BOOST_CHECK_THROW(shares(reports.at(1), "requests.letter_fax.fax.year"), KeyError);
}

BOOST_AUTO_TEST_CASE(a_zero_base_gives_no_share_and_says_why) {
  Report r(forms::ogi2008(), "z");
  r.set("requests.total.year", Value::count(0));
  r.set("requests.email.year", Value::count(0));
  auto s = shares(r, "requests.total.year");
  BOOST_TEST(!s[1].fraction.has_value());
  BOOST_TEST(s[1].why_absent == "base is 0");
}

BOOST_AUTO_TEST_SUITE_END()
