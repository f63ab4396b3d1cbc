#include <boost/test/unit_test.hpp>

#include "disclosure/decimal.hpp"
#include "disclosure/value.hpp"

using disclosure::Decimal;

BOOST_AUTO_TEST_SUITE(decimal)

BOOST_AUTO_TEST_CASE(parses_and_prints_with_the_printed_digits) {
  BOOST_TEST(Decimal::parse("37.68").units() == 3768);
  BOOST_TEST(Decimal::parse("37.68").scale() == 2);
  BOOST_TEST(Decimal::parse("8.90").to_string() == "8.90");
  BOOST_TEST(Decimal::parse("-8").to_string() == "-8");
  BOOST_TEST(Decimal::parse("0.05").to_string() == "0.05");
  BOOST_TEST(Decimal(-5, 2).to_string() == "-0.05");
}

BOOST_AUTO_TEST_CASE(compares_numerically_across_scales) {
  BOOST_TEST((Decimal::parse("8.9") == Decimal::parse("8.90")));
  BOOST_TEST((Decimal::parse("8.9") < Decimal::parse("8.91")));
  BOOST_TEST((Decimal::parse("-1") < Decimal(0)));
  BOOST_TEST((Decimal::parse("1.5") + Decimal(2)).to_string() == "3.5");
  BOOST_TEST((Decimal(243) - Decimal(247)).to_string() == "-4");
}

BOOST_AUTO_TEST_CASE(refuses_what_it_cannot_hold_exactly) {
  for (const char* bad : {"", "-", "1.", ".5x", "1e3", "+1", "1,234", "12.3.4", "123456789012345678901", "1.123456789"})
    BOOST_CHECK_THROW(Decimal::parse(bad), disclosure::Error);
  BOOST_CHECK_THROW(Decimal(Decimal::max_units + 1), disclosure::Error);
  BOOST_CHECK_THROW(Decimal::parse("1.25").rescaled(1), disclosure::Error);
  BOOST_TEST(Decimal::parse("1.2").rescaled(4).units() == 12000);
}

BOOST_AUTO_TEST_CASE(missing_kinds_are_not_zero_and_not_each_other) {
  using disclosure::Missing;
  using disclosure::Value;
  BOOST_TEST(!(Value() == Value::count(0)));
  BOOST_TEST(!(Value::absent(Missing::blank) == Value::absent(Missing::dash)));
  BOOST_TEST(!(Value::absent(Missing::slash) == Value()));
  BOOST_TEST((Value().missing() == Missing::not_stated));
  BOOST_CHECK_THROW(Value().number(), disclosure::Error);
  BOOST_CHECK_THROW(Value::absent(Missing::none), disclosure::Error);
  BOOST_TEST((disclosure::missing_from_string("slash") == Missing::slash));
  BOOST_TEST(!disclosure::missing_from_string("zero").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
