#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "disclosure/forms/builtin.hpp"
#include "disclosure/form_rules.hpp"

using namespace disclosure;

namespace {

// A two-dimensional form with a derived group row, in the shape of table 三.
std::shared_ptr<const Form> small_grid() {
  Table t;
  t.key = "t";
  t.label = {"表", "table"};
  t.unit = "件";
  t.rows = {"outcome", {"结果", "outcome"},
            breakdown(category("total", {"总计", "total"}), Relation::partition,
                      {category("granted", {"予以公开", "granted"}),
                       [] {
                         auto g = breakdown(category("withheld", {"不予公开", "withheld"}), Relation::partition,
                                            {category("secret", {"国家秘密", "secret"}), category("third", {"第三方", "third party"})});
                         g.derived = true;
                         return g;
                       }()})};
  t.columns = Dimension{"applicant", {"申请人", "applicant"},
                        breakdown(category("total", {"总计", "total"}), Relation::partition,
                                  {category("person", {"自然人", "natural person"}), category("firm", {"商业企业", "business"})})};
  return std::make_shared<const Form>("grid", Label{"表", "grid"}, std::vector<Table>{t});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(form)

BOOST_AUTO_TEST_CASE(ogi2008_has_the_seed_categories) {
  auto f = forms::ogi2008();
  BOOST_TEST(f->key() == "ogi2008");
  for (const char* key : {"requests.total.year", "requests.in_person.year", "requests.letter_fax.fax.year", "requests.online.year", "requests.letter_fax.letter.year", "responses.total.year",
                          "responses.already_public.year", "responses.granted.year", "responses.refused.year", "responses.refused.state_secret.year",
                          "responses.not_this_agency.year", "responses.nonexistent.year", "responses.clarification.year", "responses.other_route.year"})
    BOOST_TEST(f->find(key).has_value(), key);
  BOOST_TEST(f->cell("requests.in_person.year").label.zh == "当面申请（本年度）");
  BOOST_TEST(f->cell("proactive.subject.other_subject.cumulative").label.zh == "主要类别 其他信息（历年累计）");
  BOOST_TEST(f->cell("funding.special").unit == "万元");
  BOOST_TEST(f->cell("npc_cppcc.npc.satisfaction_rate").unit == "%");
  BOOST_TEST(f->cell("npc_cppcc.npc.satisfaction_rate").decimals == 2);
  BOOST_TEST(f->size() == 156u);
}

BOOST_AUTO_TEST_CASE(unknown_keys_name_the_closest_ones) {
  auto f = forms::ogi2008();
  try {
    f->index("requests.inperson.year");
    BOOST_FAIL("expected KeyError");
  } catch (const KeyError& e) {
    std::string what = e.what();
    BOOST_TEST(what.find("requests.inperson.year") != std::string::npos);
    BOOST_TEST(what.find("closest: requests.in_person.year") != std::string::npos, what);
  }
  BOOST_CHECK_THROW(forms::builtin("ogi1999"), KeyError);
}

BOOST_AUTO_TEST_CASE(derived_groups_have_no_cell_and_expand_in_breakdowns) {
  auto f = small_grid();
  BOOST_TEST(!f->find("t.withheld.total").has_value());
  BOOST_TEST(f->find("t.withheld.secret.person").has_value());
  BOOST_TEST(f->size() == 4u * 3u);  // total, granted, secret, third × total, person, firm
  auto rules = rules_from_hierarchy(*f);
  // rows: one partition per column (3); columns: one per fillable row (4)
  BOOST_TEST(rules.size() == 7u);
  auto it = std::find_if(rules.begin(), rules.end(), [](const Rule& r) { return r.id == "sum:t.total.person"; });
  BOOST_REQUIRE(it != rules.end());
  std::vector<std::string> parts;
  for (auto c : it->rhs) parts.push_back(f->cells()[c].key);
  BOOST_TEST((parts == std::vector<std::string>{"t.granted.person", "t.withheld.secret.person", "t.withheld.third.person"}));
}

BOOST_AUTO_TEST_CASE(invalid_definitions_are_refused_with_the_key) {
  Table t;
  t.key = "t";
  t.rows = {"d", {}, breakdown(category("total", {}), Relation::partition, {category("a", {}), category("a", {})})};
  try {
    Form("bad", {}, {t});
    BOOST_FAIL("expected Error");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()).find("duplicate cell key 't.a'") != std::string::npos, e.what());
  }
  t.rows = {"d", {}, breakdown(category("Total", {}), Relation::partition, {category("a", {})})};
  BOOST_CHECK_THROW(Form("bad", {}, {t}), Error);
  BOOST_CHECK_THROW(Form("Bad-Key", {}, {}), Error);
}

BOOST_AUTO_TEST_SUITE_END()
