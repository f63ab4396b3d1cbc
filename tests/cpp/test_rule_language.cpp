// The rule language and rule files.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "disclosure/check.hpp"
#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/form_json.hpp"
#include "disclosure/io/json.hpp"
#include "disclosure/rule_language.hpp"
#include "parse_error.hpp"

using namespace disclosure;

namespace {

std::string syntax_error(const std::string& text) {
  try {
    parse_rule(text);
  } catch (const RuleSyntaxError& e) {
    return e.what();
  }
  return "<no error>";
}

std::string resolve_error(const std::string& text) {
  try {
    forms::ogi2021()->resolve(parse_rule(text));
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rule_language)

BOOST_AUTO_TEST_CASE(sides_signs_and_comparisons_normalise) {
  auto r = parse_rule("a.x + a.y == b.z + b.w");
  BOOST_TEST((r.lhs == std::vector<std::string>{"a.x", "a.y"}));
  BOOST_TEST((r.rhs == std::vector<std::string>{"b.z", "b.w"}));
  BOOST_TEST(r.comparison == Comparison::equal);
  // a − b >= c  ⇔  c + b <= a
  auto s = parse_rule("a.x - a.y >= b.z");
  BOOST_TEST((s.lhs == std::vector<std::string>{"b.z", "a.y"}));
  BOOST_TEST((s.rhs == std::vector<std::string>{"a.x"}));
  BOOST_TEST(s.comparison == Comparison::less_equal);
  auto t = parse_rule("  sum(t.*.total)<=t.total ");
  BOOST_TEST((t.lhs == std::vector<std::string>{"t.*.total"}));
}

BOOST_AUTO_TEST_CASE(syntax_errors_give_the_column) {
  BOOST_TEST(syntax_error("a.b + == c").find("column 7: expected a cell key or sum(…)") != std::string::npos);
  BOOST_TEST(syntax_error("a.b = c").find("column 5: expected '==', '<=' or '>='") != std::string::npos);
  BOOST_TEST(syntax_error("a.b == c d").find("column 10: unexpected 'd'") != std::string::npos);
  BOOST_TEST(syntax_error("sum(a.b == c").find("expected ')'") != std::string::npos);
  BOOST_TEST(syntax_error("sum(a.b) == c").find("takes a pattern") != std::string::npos);
  BOOST_TEST(syntax_error("a. == b").find("cannot end with '.'") != std::string::npos);
  BOOST_TEST(syntax_error("-a == b").find("at least one added term") != std::string::npos);
  BOOST_TEST(syntax_error("").find("column 1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(resolving_expands_patterns_and_refuses_bad_references) {
  Rule r = forms::ogi2021()->resolve(parse_rule("sum(applications.outcome.withheld.*.total) <= applications.outcome.total"));
  BOOST_TEST(r.lhs.size() == 8u);
  BOOST_TEST(resolve_error("applications.new.totl == applications.outcome.total").find("closest: applications.new.total") != std::string::npos);
  BOOST_TEST(resolve_error("sum(applications.*.nobody) == applications.outcome.total").find("matches no cell") != std::string::npos);
  BOOST_TEST(resolve_error("applications.new.total == applications.new.total").find("on both sides") != std::string::npos);
  BOOST_TEST(resolve_error("applications.new.total + applications.new.total == applications.outcome.total").find("twice") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_printed_balance_is_written_in_the_language) {
  const auto& spec = forms::ogi2021()->declared_specs().front();
  auto parsed = parse_rule("applications.new.total + applications.carried_over.total == applications.outcome.total + applications.carried_forward.total");
  BOOST_TEST(spec.lhs == parsed.lhs);
  BOOST_TEST(spec.rhs == parsed.rhs);
}

BOOST_AUTO_TEST_CASE(rule_files_add_rules_that_are_checked_like_the_built_in_ones) {
  io::FormRegistry forms;
  auto rules = io::read_rules_json(std::string(DISCLOSURE_TEST_DATA) + "/rules/analyst.json", forms);
  BOOST_REQUIRE(rules.size() == 3u);
  std::vector<RuleSpec> for_2008;
  for (const auto& r : rules)
    if (r.form == "ogi2008") for_2008.push_back(r.spec);
  auto set = RuleSet::for_form(forms::ogi2008(), for_2008);
  auto seed = io::read_reports_json(std::string(DISCLOSURE_EXAMPLES) + "/data/qiqihar-2018.json");
  auto fs = set.check(seed[0]);
  auto f = *std::find_if(fs.begin(), fs.end(), [](const Finding& x) { return x.rule == "analyst:answered-at-most-received"; });
  BOOST_TEST(f.status == Status::pass);
  BOOST_TEST(f.severity == Severity::warning);
  BOOST_TEST(f.basis.kind == BasisKind::user);
  auto city = set.check(seed[1]);
  auto g = *std::find_if(city.begin(), city.end(), [](const Finding& x) { return x.rule == "analyst:proposals-at-most-suggestions"; });
  BOOST_TEST(g.status == Status::fail);  // 400 proposals, 179 suggestions
  BOOST_TEST(g.severity == Severity::info);
  BOOST_TEST(g.difference->units() == 221);
}

BOOST_AUTO_TEST_CASE(bad_rule_files_name_the_rule_and_the_problem) {
  io::FormRegistry forms;
  auto err = [&](const std::string& rule) {
    return parse_error_of([&] { io::parse_rules_json(R"({"rules":[{"id":"r","form":"ogi2021","rule":")" + rule + R"("}]})", "rules.json", forms); });
  };
  BOOST_TEST(err("applications.new.total = 1").find(R"(rules.json: $["rules"][0]["rule"]: rule 'applications.new.total = 1', column 24)") == 0u);
  BOOST_TEST(err("applications.new.totl == applications.outcome.total").find("closest: applications.new.total") != std::string::npos);
  BOOST_TEST(err("applications.new.total <= applications.new.total").find("on both sides") != std::string::npos);
  BOOST_TEST(parse_error_of([&] { io::parse_rules_json(R"({"rules":[{"id":"r","form":"ogi1999","rule":"a.b == c.d"}]})", "rules.json", forms); })
                 .find("no form 'ogi1999'") != std::string::npos);
  BOOST_TEST(parse_error_of([&] {
               io::parse_rules_json(R"({"rules":[{"id":"r","form":"ogi2021","rule":"applications.new.total <= applications.outcome.total"},)"
                                    R"({"id":"r","form":"ogi2021","rule":"applications.new.total <= applications.outcome.total"}]})",
                                    "rules.json", forms);
             }).find("duplicate rule id") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
