// Forms defined by users in data files, with the same power as the built-in ones.
#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

#include "parse_error.hpp"

#include <algorithm>

#include "disclosure/check.hpp"
#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/form_json.hpp"
#include "disclosure/io/json.hpp"

using namespace disclosure;

namespace {

const std::string data = DISCLOSURE_TEST_DATA;


std::string form_error(const std::string& text) {
  return parse_error_of([&] { io::parse_form_json(text, "form.json"); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(user_forms)

BOOST_AUTO_TEST_CASE(every_builtin_form_round_trips_through_the_data_format) {
  for (const auto& key : forms::builtin_keys()) {
    auto f = forms::builtin(key);
    auto back = io::parse_form_json(io::form_to_json(*f), key);
    BOOST_TEST((*back == *f), key);
    BOOST_TEST(back->size() == f->size());
    BOOST_TEST(back->breakdowns().size() == f->breakdowns().size());
    BOOST_TEST(back->declared_rules().size() == f->declared_rules().size());
  }
}

BOOST_AUTO_TEST_CASE(a_foia_report_form_defined_in_a_file) {
  auto foia = io::read_form_json(data + "/forms/us_foia.json");
  BOOST_TEST(foia->key() == "us_foia");
  BOOST_TEST(foia->size() == 4u + 13u);  // 4 stages; total, 3 direct dispositions, 9 other reasons
  BOOST_TEST(!foia->find("dispositions.other_reasons").has_value());  // a derived group
  io::FormRegistry registry;
  registry.add(foia);
  BOOST_CHECK_THROW(registry.add(foia), Error);
  auto reports = io::read_reports_json(data + "/forms/us_foia_reports.json", registry);
  BOOST_REQUIRE(reports.size() == 2u);
  auto rules = RuleSet::for_form(foia);
  auto a = rules.check(reports[0]);
  BOOST_TEST(by_rule(a, "balance:requests").status == Status::pass);
  BOOST_TEST(by_rule(a, "dispositions:processed").status == Status::pass);
  BOOST_TEST(by_rule(a, "sum:dispositions.total").status == Status::pass);
  auto b = rules.check(reports[1]);
  BOOST_TEST(by_rule(b, "balance:requests").status == Status::fail);        // 10 + 95 ≠ 90 + 20
  BOOST_TEST(by_rule(b, "dispositions:processed").status == Status::fail);  // 92 ≠ 90
  BOOST_TEST(by_rule(b, "sum:dispositions.total").status == Status::pass);  // 50 + 30 + 5 + 7 = 92
  // Without the user form, the reports name an unknown form.
  BOOST_CHECK_THROW(io::read_reports_json(data + "/forms/us_foia_reports.json"), ParseError);
}

BOOST_AUTO_TEST_CASE(bad_form_files_name_the_path_and_the_problem) {
  const std::string table = R"({"key":"t","rows":{"key":"r","root":)";
  BOOST_TEST(form_error(R"({"key":"f","tables":[)" + table + R"({"key":"Total"}}}]})").find(R"(form.json: $["tables"][0]["rows"]["root"]["key"]: "Total" is not a key segment)") == 0u);
  BOOST_TEST(form_error(R"({"key":"f","tables":[)" + table + R"({"key":"t","relation":"sum"}}}]})").find("unknown relation \"sum\"") != std::string::npos);
  BOOST_TEST(form_error(R"({"key":"f","tables":[)" + table + R"({"key":"t"}}}],"rules":[{"id":"x","lhs":["t.nope"],"rhs":["t.t"]}]})").find("rule 'x': form 'f' has no cell 't.nope'") != std::string::npos);
  BOOST_TEST(form_error(R"({"key":"f","tables":[)" + table + R"({"key":"t","children":[{"key":"a"},{"key":"a"}]}}}]})").find("duplicate cell key 't.t.a'") == std::string::npos);
  BOOST_TEST(form_error(R"({"key":"f","tables":[)" + table + R"({"key":"t","children":[{"key":"a"},{"key":"a"}]}}}]})").find("duplicate cell key 't.a'") != std::string::npos);
  BOOST_TEST(form_error(R"({"key":"f","tables":[],"colour":1})").find("unknown field \"colour\"") != std::string::npos);
  std::string deep = R"({"key":"f","tables":[)" + table;
  for (int i = 0; i < 40; ++i) deep += R"({"key":"c","children":[)";
  deep += R"({"key":"c"})";
  for (int i = 0; i < 40; ++i) deep += "]}";
  deep += "}}]}";
  BOOST_TEST(form_error(deep).find("nested more than 32 deep") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
