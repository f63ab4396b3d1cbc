// Forms defined by users in data files, with the same power as the built-in ones.
#include <boost/test/unit_test.hpp>

#include "helpers.hpp"

#include "parse_error.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "disclosure/check.hpp"
#include "disclosure/indicators.hpp"
#include "disclosure/links.hpp"
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

namespace {

// Agency A's two years on the FOIA form: FY2023's pending at start is FY2022's pending at end.
std::vector<Report> foia_years(std::shared_ptr<const Form> foia, std::int64_t pending_start_2023) {
  auto year = [&](int y, std::int64_t start, std::int64_t received, std::int64_t processed, std::int64_t end) {
    Report r(foia, "agency-a-fy" + std::to_string(y));
    r.issuer = "Synthetic agency A";
    r.scope = "agency";
    r.year = y;
    r.set("requests.pending_start", Value(Decimal(start)));
    r.set("requests.received", Value(Decimal(received)));
    r.set("requests.processed", Value(Decimal(processed)));
    r.set("requests.pending_end", Value(Decimal(end)));
    r.set("dispositions.full_grant", Value(Decimal(600)));
    r.set("dispositions.partial_grant", Value(Decimal(500)));
    r.set("dispositions.total", Value(Decimal(1500)));
    return r;
  };
  return {year(2022, 90, 1400, 1370, 120), year(2023, pending_start_2023, 1480, 1500, 100)};
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_user_form_names_the_cells_that_continue_the_year_before) {
  auto foia = io::read_form_json(data + "/forms/us_foia.json");
  BOOST_TEST(foia->years().carry_over.size() == 1u);
  auto links = check_links(foia_years(foia, 120));
  BOOST_TEST(by_rule(links, "carry-over:requests.pending_start").status == Status::pass);
  BOOST_TEST(by_rule(links, "carry-over:requests.pending_start").report == "agency-a-fy2023");
  // 120 + 1480 − 1500 = 100: the form's own roll-forward, under the rule id it chose.
  auto backlog = by_rule(links, "backlog:requests");
  BOOST_TEST(backlog.status == Status::pass);
  BOOST_TEST(backlog.message.en == "requests pending at end (2022→2023): 100 = 100, as expected.");
  BOOST_TEST(backlog.basis.note.find("pending at a year's end") != std::string::npos);

  auto broken = check_links(foia_years(foia, 125));
  auto carry = by_rule(broken, "carry-over:requests.pending_start");
  BOOST_TEST(carry.status == Status::fail);
  BOOST_TEST(carry.difference->to_string() == "5");  // 125 this year against last year's 120
  BOOST_TEST(by_rule(broken, "backlog:requests").status == Status::pass);  // 120 + 1480 − 1500 = 100 still: the stocks agree
}

BOOST_AUTO_TEST_CASE(a_user_form_defines_its_own_indicators) {
  auto foia = io::read_form_json(data + "/forms/us_foia.json");
  auto values = indicators(foia_years(foia, 120)[1]);
  BOOST_REQUIRE(values.size() == 1u);
  BOOST_TEST(values[0].key == "grant_rate");
  BOOST_TEST(values[0].percent->to_string() == "73.33");  // (600 + 500) / 1500
  BOOST_TEST(values[0].formula.en == "(full + partial grants) ÷ all dispositions");
}

BOOST_AUTO_TEST_CASE(a_form_without_year_links_pairs_no_years_and_names_no_indicators) {
  // The same tables, without "years" and "indicators": nothing is assumed from the cell keys.
  std::string text = io::form_to_json(*io::read_form_json(data + "/forms/us_foia.json"));
  auto plain_json = nlohmann::json::parse(text);
  plain_json.erase("years");
  plain_json.erase("indicators");
  auto plain = io::parse_form_json(plain_json.dump(), "plain.json");
  auto links = check_links(foia_years(plain, 125));
  BOOST_TEST(!links.empty());  // the dispositions are the same both years: a copied table, the one check that needs no form knowledge
  for (const auto& f : links) BOOST_TEST(f.rule == "identical-table:dispositions");
  BOOST_TEST(indicators(foia_years(plain, 120)[1]).empty());
}

BOOST_AUTO_TEST_CASE(year_links_and_indicators_that_name_no_cell_are_refused) {
  const std::string form = R"({"key":"f","tables":[{"key":"t","rows":{"key":"r","root":{"key":"total","children":[{"key":"a"}]}}}])";
  BOOST_TEST(form_error(form + R"(,"years":{"carry_over":[{"this_year":"t.nope","last_year":"t.a"}]}})").find("carry-over 't.nope'") != std::string::npos);
  BOOST_TEST(form_error(form + R"(,"years":{"roll_forward":[{"rule":"x","rows":["t"],"stock":"a","added":"b","removed":"total"}]}})")
                 .find("form 'f' has no cell 't.b'") != std::string::npos);
  BOOST_TEST(form_error(form + R"(,"indicators":[{"key":"i","numerator":[{"cell":"t.a","sign":2}],"denominator":[{"cell":"t.total"}]}]})")
                 .find("expected 1 or -1") != std::string::npos);
  BOOST_TEST(form_error(form + R"(,"indicators":[{"key":"i","numerator":[{"cell":"t.*.x"}],"denominator":[{"cell":"t.total"}]}]})")
                 .find("pattern 't.*.x' matches no cell") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
