#include <boost/test/unit_test.hpp>

#include "disclosure/rounding.hpp"

using disclosure::Decimal;
using disclosure::percent;
using disclosure::Rounding;
using disclosure::RoundingPolicy;

BOOST_AUTO_TEST_SUITE(rounding)

BOOST_AUTO_TEST_CASE(the_seed_report_truncates) {
  // 123/247 = 49.797…: rounded 49.80, truncated 49.79 — the report prints 49.79.
  BOOST_TEST(percent(Decimal(123), Decimal(247), {2, Rounding::half_up}).to_string() == "49.80");
  BOOST_TEST(percent(Decimal(123), Decimal(247), {2, Rounding::truncate}).to_string() == "49.79");
  BOOST_TEST(percent(Decimal(76), Decimal(247), {2, Rounding::truncate}).to_string() == "30.76");
  BOOST_TEST(percent(Decimal(76), Decimal(247), {2, Rounding::half_up}).to_string() == "30.77");
}

BOOST_AUTO_TEST_CASE(halves_go_where_the_policy_says) {
  // 1/8 = 12.5%
  BOOST_TEST(percent(Decimal(1), Decimal(8), {0, Rounding::half_up}).to_string() == "13");
  BOOST_TEST(percent(Decimal(1), Decimal(8), {0, Rounding::half_even}).to_string() == "12");
  BOOST_TEST(percent(Decimal(3), Decimal(8), {0, Rounding::half_even}).to_string() == "38");
  BOOST_TEST(percent(Decimal(1), Decimal(8), {0, Rounding::truncate}).to_string() == "12");
  BOOST_TEST(percent(Decimal(-1), Decimal(8), {0, Rounding::half_up}).to_string() == "-13");
  BOOST_TEST(percent(Decimal::parse("0.5"), Decimal::parse("2.00"), {1, Rounding::half_up}).to_string() == "25.0");
}

BOOST_AUTO_TEST_CASE(ratios_are_exact_and_reduced) {
  auto f = disclosure::ratio(Decimal(62), Decimal(99));
  BOOST_TEST(f.numerator == 62);
  BOOST_TEST(f.denominator == 99);
  auto g = disclosure::ratio(Decimal::parse("1.5"), Decimal(6));
  BOOST_TEST(g.numerator == 1);
  BOOST_TEST(g.denominator == 4);
  BOOST_CHECK_THROW(disclosure::ratio(Decimal(1), Decimal(0)), disclosure::Error);
  BOOST_CHECK_THROW(percent(Decimal(1), Decimal(0)), disclosure::Error);
  BOOST_TEST((disclosure::rounding_from_string("half_even") == Rounding::half_even));
  BOOST_CHECK_THROW(disclosure::rounding_from_string("bankers"), disclosure::Error);
}

BOOST_AUTO_TEST_CASE(a_percentage_too_large_to_hold_is_absent_not_an_exception) {
  BOOST_TEST(!disclosure::percent_if_representable(Decimal(900719925475), Decimal(1), {2, Rounding::half_up}).has_value());
  BOOST_TEST(disclosure::percent_if_representable(Decimal(123), Decimal(247), {2, Rounding::truncate})->to_string() == "49.79");
}

BOOST_AUTO_TEST_SUITE_END()
