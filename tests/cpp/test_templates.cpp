// The 2019 and 2021 national templates against their printed labels (tests/data/template_labels.json, with its sources).
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "disclosure/forms/builtin.hpp"
#include "disclosure/form_rules.hpp"

using namespace disclosure;

namespace {

nlohmann::json labels() {
  std::ifstream in(std::string(DISCLOSURE_TEST_DATA) + "/template_labels.json");
  return nlohmann::json::parse(in);
}

void gather(const Category& c, std::set<std::string>& out, std::map<std::string, std::string>& aliases) {
  out.insert(c.label.zh);
  if (!c.total_label.zh.empty()) out.insert(c.total_label.zh);
  for (const auto& a : c.aliases) aliases[a] = c.label.zh;
  for (const auto& child : c.children) gather(child, out, aliases);
}

std::set<std::string> form_labels(const Form& f, std::map<std::string, std::string>& aliases) {
  std::set<std::string> out;
  for (const auto& t : f.tables()) {
    out.insert(t.label.zh);
    out.insert(t.rows.label.zh);
    gather(t.rows.root, out, aliases);
    if (t.columns) {
      out.insert(t.columns->label.zh);
      gather(t.columns->root, out, aliases);
    }
  }
  return out;
}

std::size_t cells_in(const Form& f, const std::string& table) {
  std::size_t n = 0;
  for (const auto& c : f.cells()) n += f.tables()[c.table].key == table;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(every_printed_label_is_present_verbatim) {
  auto doc = labels();
  for (const char* key : {"ogi2019", "ogi2021"}) {
    std::map<std::string, std::string> aliases;
    auto present = form_labels(*forms::builtin(key), aliases);
    for (const char* part : {"table2", "table3", "table4"})
      for (const auto& label : doc[key][part]) BOOST_TEST(present.count(label.get<std::string>()) == 1u, key << ": " << label.get<std::string>());
    for (auto it = doc["misprints"].begin(); it != doc["misprints"].end(); ++it) {
      if (it.key() == "note" || present.count(it.value().get<std::string>()) == 0) continue;  // base label not in this version
      BOOST_TEST(aliases[it.key()] == it.value().get<std::string>(), key << ": alias " << it.key());
    }
  }
}

BOOST_AUTO_TEST_CASE(cell_counts_match_the_templates) {
  auto doc = labels();
  for (const char* key : {"ogi2019", "ogi2021"}) {
    auto f = forms::builtin(key);
    auto rc = doc[key]["counts"]["applications"];
    BOOST_TEST(cells_in(*f, "applications") == rc[0].get<std::size_t>() * rc[1].get<std::size_t>(), key);
    BOOST_TEST(cells_in(*f, "review_litigation") == doc[key]["counts"]["review_litigation"].get<std::size_t>(), key);
  }
  auto f21 = forms::ogi2021();
  BOOST_TEST(cells_in(*f21, "documents") == 6u);
  BOOST_TEST(cells_in(*f21, "licensing") == 1u);
  BOOST_TEST(cells_in(*f21, "enforcement") == 2u);
  BOOST_TEST(cells_in(*f21, "fees") == 1u);
}

BOOST_AUTO_TEST_CASE(group_rows_are_derived_not_cells) {
  for (const char* key : {"ogi2019", "ogi2021"}) {
    auto f = forms::builtin(key);
    for (const char* group : {"applications.outcome.withheld.total", "applications.outcome.unable.total", "applications.outcome.not_processed.total",
                              "applications.new.legal_person", "review_litigation.litigation.total"})
      BOOST_TEST(!f->find(group).has_value(), key << ": " << group);
    BOOST_TEST(f->find("applications.outcome.total").has_value());
    BOOST_TEST(f->cell("applications.outcome.total").label.zh == "（七）总计（总计）");
    BOOST_TEST(f->cell("applications.outcome.withheld.state_secret.natural_person").label.zh == "（三）不予公开 1.属于国家秘密（自然人）");
  }
}

BOOST_AUTO_TEST_CASE(differences_2019_to_2021) {
  auto f19 = forms::ogi2019(), f21 = forms::ogi2021();
  // （六）其他处理: one data row in 2019, three sub-rows in 2021.
  BOOST_TEST(f19->find("applications.outcome.other_handling.total").has_value());
  BOOST_TEST(!f21->find("applications.outcome.other_handling.total").has_value());
  for (const char* sub : {"no_correction", "unpaid_fee", "other"})
    BOOST_TEST(f21->find(std::string("applications.outcome.other_handling.") + sub + ".total").has_value(), sub);
  // Table 二: procurement removed, columns changed, （五） keeps only 行政许可, fees in 万元.
  BOOST_TEST(f19->find("procurement.procurement.amount").has_value());
  BOOST_TEST(!f21->find("procurement.procurement.amount").has_value());
  BOOST_TEST(f19->find("documents.normative.made").has_value());
  BOOST_TEST(f21->find("documents.normative.issued").has_value());
  BOOST_TEST(!f21->find("licensing.other_services.decisions").has_value());
  BOOST_TEST(f21->cell("fees.fees.amount").unit == "万元");
  BOOST_TEST(f21->cell("fees.fees.amount").decimals == 6);
  BOOST_TEST(f19->cell("licensing.licensing.change").allow_negative);
  BOOST_TEST(!f19->cell("licensing.licensing.decisions").allow_negative);
  BOOST_TEST(!f21->cell("licensing.licensing.decisions").allow_negative);
}

BOOST_AUTO_TEST_CASE(the_printed_balance_holds_per_column) {
  for (const char* key : {"ogi2019", "ogi2021"}) {
    auto f = forms::builtin(key);
    BOOST_TEST(f->declared_rules().size() == 7u);
    for (const auto& r : f->declared_rules()) {
      BOOST_TEST(r.basis.kind == BasisKind::printed);
      BOOST_TEST(r.basis.note == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
      BOOST_TEST(r.lhs.size() == 2u);
      BOOST_TEST(r.rhs.size() == 2u);
    }
    auto rules = rules_from_form(*f);
    // Leaf outcomes sum to （七）总计 in every column, through the derived groups.
    auto it = std::find_if(rules.begin(), rules.end(), [](const Rule& r) { return r.id == "sum:applications.outcome.natural_person"; });
    BOOST_REQUIRE(it != rules.end());
    BOOST_TEST(it->rhs.size() == (std::string(key) == "ogi2021" ? 21u : 19u));
  }
}

BOOST_AUTO_TEST_SUITE_END()
