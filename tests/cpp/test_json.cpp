#include <boost/test/unit_test.hpp>

#include "parse_error.hpp"

#include <nlohmann/json.hpp>

#include "disclosure/check.hpp"
#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/form_json.hpp"
#include "disclosure/io/json.hpp"

using namespace disclosure;

namespace {

std::string error_of(const std::string& text) {
  return parse_error_of([&] { io::parse_reports_json(text, "in.json"); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_io)

BOOST_AUTO_TEST_CASE(round_trip_keeps_values_missing_kinds_and_stated_figures) {
  Report r(forms::ogi2008(), "x");
  r.issuer = "某市人民政府";
  r.year = 2017;
  r.scope = "region";
  r.source = {"http://example.gov.cn/r", "年报", "2018-03-01", "n"};
  r.set("requests.total.year", Value::count(10));
  r.set("requests.letter_fax.fax.year", Value::count(0));
  r.set("requests.letter_fax.letter.year", Value::absent(Missing::blank));
  r.set("requests.online.year", Value::absent(Missing::dash));
  r.set("requests.email.year", Value::absent(Missing::slash));
  r.set("requests.other.year", Value::absent(Missing::not_applicable));
  r.add_stated({StatedKind::percentage, "requests.letter_fax.fax.year", "requests.total.year", Decimal::parse("0.0"), "传真申请0件，占0.0%"});
  std::string text = io::reports_to_json({r});
  auto back = io::parse_reports_json(text, "mem");
  BOOST_REQUIRE(back.size() == 1u);
  BOOST_TEST((back[0] == r));
  BOOST_TEST(back[0].stated()[0].value.to_string() == "0.0");
  BOOST_TEST(io::reports_to_json(back) == text);
  BOOST_TEST((back[0].at("requests.in_person.year").missing() == Missing::not_stated));
}

BOOST_AUTO_TEST_CASE(errors_name_the_file_the_path_and_the_problem) {
  const std::string head = R"({"reports":[{"id":"a","form":"ogi2008","values":{)";
  BOOST_TEST(error_of(head + R"("requests.total.year": 12.5}}]})").find(R"(in.json: $["reports"][0]["values"]["requests.total.year"]: write non-integers as strings)") == 0u);
  BOOST_TEST(error_of(head + R"("requests.totl.year": 1}}]})").find("closest: requests.total.year") != std::string::npos);
  BOOST_TEST(error_of(head + R"("requests.total.year": "1.5"}}]})").find("takes whole numbers") != std::string::npos);
  BOOST_TEST(error_of(head + R"("requests.total.year": -3}}]})").find("cannot be negative") != std::string::npos);
  BOOST_TEST(error_of(head + R"("requests.total.year": 99999999999999999999}}]})").find("beyond the supported magnitude") != std::string::npos);
  BOOST_TEST(error_of(head + R"("requests.total.year": {"missing": "zero"}}}]})").find("unknown kind of missing") != std::string::npos);
  BOOST_TEST(error_of(head + R"("requests.total.year": null}}]})").find("got null") != std::string::npos);
  BOOST_TEST(error_of(R"({"reports":[{"id":"a","form":"ogi1999"}]})").find(R"($["reports"][0]["form"]: no form 'ogi1999' (known: ogi2008, ogi2019, ogi2021))") != std::string::npos);
  BOOST_TEST(error_of(R"({"reports":[{"id":"a","form":"ogi2008","colour":1}]})").find("unknown field \"colour\"") != std::string::npos);
  BOOST_TEST(error_of(R"({"reports":[{"id":"a","form":"ogi2008"},{"id":"a","form":"ogi2008"}]})").find("duplicate report id") != std::string::npos);
  BOOST_TEST(error_of("{\n  \"reports\": [,]\n}").find("in.json: line 2, column") == 0u);
  BOOST_TEST(error_of("").find("invalid JSON") != std::string::npos);
  BOOST_TEST(error_of("[1]").find("expected an object") != std::string::npos);
  BOOST_CHECK_THROW(io::read_reports_json("/nonexistent/file.json"), ParseError);
}

BOOST_AUTO_TEST_CASE(check_result_contract) {
  auto reports = io::read_reports_json(std::string(DISCLOSURE_EXAMPLES) + "/data/qiqihar-2018.json");
  std::vector<Finding> all;
  for (const auto& r : reports)
    for (auto& f : RuleSet::for_form(r.form_ptr()).check(r)) all.push_back(std::move(f));
  auto doc = nlohmann::json::parse(io::check_result_to_json(reports, all));
  BOOST_TEST(doc["reports"].size() == 2u);
  for (const char* key : {"id", "form", "issuer", "year", "scope"}) BOOST_TEST(doc["reports"][0].contains(key), key);
  bool seen = false;
  for (const auto& f : doc["findings"]) {
    for (const char* key : {"report", "rule", "status", "severity", "cells", "lhs", "rhs", "difference", "message"}) BOOST_TEST(f.contains(key), key);
    if (f["report"] == "qiqihar-2018-region" && f["rule"] == "sum:responses.total.year") {
      seen = true;
      BOOST_TEST(f["status"] == "FAIL");
      BOOST_TEST(f["lhs"] == 247);
      BOOST_TEST(f["rhs"] == 243);
      BOOST_TEST(f["difference"] == 4);
      BOOST_TEST(f["message"]["zh"].get<std::string>().find("243") != std::string::npos);
    }
    if (f["status"] == "NOT_ASSESSABLE") BOOST_TEST(f["lhs"].is_null());
  }
  BOOST_TEST(seen);
}


// check@1 writes decimals as strings, as reports@1 does (a double would print 8.9 for "8.90" and
// round digits past 2^53); counts stay integers.
BOOST_AUTO_TEST_CASE(check_results_write_decimals_as_strings) {
  auto reports = io::read_reports_json(std::string(DISCLOSURE_EXAMPLES) + "/data/qiqihar-2018.json");
  Finding f;
  f.report = reports.front().id();
  f.rule = "percent:x";
  f.cells = {{"funding.special", Side::lhs, Value(Decimal::parse("37.68"))}, {"requests.total.year", Side::rhs, Value::count(247)}};
  f.lhs = Decimal::parse("8.90");
  f.rhs = Decimal::parse("8.91");
  f.difference = Decimal::parse("-0.01");
  f.tolerance = Decimal(0, 2);
  f.suggestions = {{"funding.special", Value(Decimal::parse("37.68")), Decimal::parse("37.86"), SlipKind::digits_swapped, {}}};
  auto doc = nlohmann::json::parse(io::check_result_to_json(reports, {f}));
  const auto& j = doc["findings"][0];
  BOOST_TEST(doc["format"] == "disclosure/check@1");
  BOOST_TEST(j["lhs"] == "8.90");
  BOOST_TEST(j["rhs"] == "8.91");
  BOOST_TEST(j["difference"] == "-0.01");
  BOOST_TEST(j["tolerance"] == "0.00");
  BOOST_TEST(j["cells"][0]["value"] == "37.68");
  BOOST_TEST(j["cells"][1]["value"] == 247);
  BOOST_TEST(j["suggestions"][0]["from"] == "37.68");
  BOOST_TEST(j["suggestions"][0]["to"] == "37.86");
}

// Regression (fuzz.rules_json): a number beyond a double threw the JSON library's own exception
// past every reader; it is a ParseError naming the line, column and token.
BOOST_AUTO_TEST_CASE(json_number_beyond_a_double_is_a_parse_error) {
  std::string text = std::string(R"({"format": "disclosure/rules@1", "rules": [)") + "\n  44e4442222222 ]}";
  std::string msg = parse_error_of([&] { io::parse_rules_json(text, "rules.json", io::FormRegistry()); });
  BOOST_TEST(msg.find("rules.json: line 2, column 3: invalid JSON: number 44e4442222222 is out of range") == 0u, msg);
  BOOST_TEST(error_of(R"({"format":"disclosure/reports@1","reports":[{"id":"x","form":"ogi2008","values":{"requests.total.year": 1e400}}]})")
                 .find("number 1e400 is out of range") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
