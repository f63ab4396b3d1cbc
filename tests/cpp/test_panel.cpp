#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "disclosure/batch_check.hpp"
#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/json.hpp"
#include "helpers.hpp"

using namespace disclosure;

namespace {

const char* const columns[] = {"natural_person", "legal_person.business", "legal_person.research", "legal_person.public_interest",
                               "legal_person.legal_services", "legal_person.other"};

// An error put into a report on purpose: which report, which cell, and what kind.
struct Injected {
  std::size_t report;
  std::string cell;
  std::string kind;
};

// ogi2021 reports drawn like real ones (mostly small counts, a few large), consistent before the
// injected errors of the kinds real reports show: a total off by a few, a category left blank, two
// digits swapped, a table printed as dashes, zeros printed as blanks (not an error).
std::vector<Report> generated_reports(std::size_t n, std::vector<Injected>& injected, unsigned seed = 7) {
  auto form = forms::ogi2021();
  std::mt19937_64 rng(seed);
  std::geometric_distribution<int> small(0.4);
  std::lognormal_distribution<double> size(1.5, 1.4);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<std::string> leaves;
  for (const auto& c : form->cells())
    if (c.key.rfind("applications.outcome.", 0) == 0 && c.column == "total" && c.row != "outcome") leaves.push_back(c.row.substr(8));
  std::vector<Report> out;
  for (std::size_t i = 0; i < n; ++i) {
    Report r(form, "r" + std::to_string(i));
    r.issuer = "issuer" + std::to_string(i % 97);
    r.year = 2021 + static_cast<int>(i % 3);
    r.scope = i % 5 ? "agency" : "region";
    auto set = [&](const std::string& k, std::int64_t v) { r.set(k, Value::count(v)); };
    auto get = [&](const std::string& k) { return r.at(k).number().units(); };
    const double scale = size(rng);
    std::map<std::string, std::int64_t> row_total;
    for (std::size_t a = 0; a < 6; ++a) {
      const double w = a == 0 ? 1.0 : 0.08;  // natural persons file most requests
      std::int64_t outcome = 0;
      for (std::size_t l = 0; l < leaves.size(); ++l) {
        std::int64_t v = u(rng) < 0.3 ? static_cast<std::int64_t>(small(rng) * scale * w * (l < 2 ? 3 : 0.3)) : 0;
        set("applications.outcome." + leaves[l] + "." + columns[a], v);
        outcome += v;
      }
      std::int64_t over = small(rng) / 2, forward = small(rng) / 2;
      std::int64_t fresh = outcome + forward - over;
      if (fresh < 0) forward -= fresh, fresh = 0;
      set(std::string("applications.outcome.") + columns[a], outcome);
      set(std::string("applications.carried_over.") + columns[a], over);
      set(std::string("applications.carried_forward.") + columns[a], forward);
      set(std::string("applications.new.") + columns[a], fresh);
    }
    for (const auto& c : form->cells())
      if (c.table == 4 && c.column == "total") {
        std::int64_t t = 0;
        for (auto col : columns) t += get("applications." + c.row + "." + col);
        set(c.key, t);
      }
    for (const char* row : {"review", "litigation.direct", "litigation.after_review"}) {
      std::int64_t t = 0;
      for (const char* k : {"upheld", "corrected", "other", "pending"}) {
        std::int64_t v = small(rng) / 3;
        set(std::string("review_litigation.") + row + "." + k, v);
        t += v;
      }
      set(std::string("review_litigation.") + row + ".total", t);
    }
    for (const auto& c : form->cells())
      if (c.table < 4) set(c.key, small(rng));
    r.set("fees.fees.amount", Value(Decimal(small(rng) * 12345, 6)));

    const double e = u(rng);
    const std::string granted = "applications.outcome.granted.natural_person";
    if (e < 0.03) {  // a total off by a few
      std::string k = "applications.outcome.natural_person";
      set(k, get(k) + 1 + static_cast<std::int64_t>(u(rng) * 5));
      injected.push_back({i, k, "total_off"});
    } else if (e < 0.05 && get(granted) > 0) {  // a category left blank: its count is lost
      r.set(granted, Value::absent(Missing::blank));
      injected.push_back({i, granted, "blank_part"});
    } else if (e < 0.07) {  // two digits swapped in a total
      std::string k = "applications.new.total";
      std::int64_t v = get(k);
      if (v >= 10 && (v / 10) % 10 != v % 10) {
        set(k, v / 100 * 100 + (v % 10) * 10 + (v / 10) % 10);
        injected.push_back({i, k, "digits_swapped"});
      }
    } else if (e < 0.08) {  // table 四 printed as dashes
      for (const auto& c : form->cells())
        if (c.table == 5) r.set(c.key, Value::absent(Missing::dash));
      injected.push_back({i, "review_litigation.review.total", "table_dashed"});
    } else if (e < 0.10) {  // zeros printed as blanks in the legal-person columns: not an error
      for (const auto& c : form->cells())
        if (c.table == 4 && c.column.rfind("legal_person.", 0) == 0 && r[form->index(c.key)].number().units() == 0)
          r.set(c.key, Value::absent(u(rng) < 0.5 ? Missing::blank : Missing::slash));
    } else if (e < 0.11) {  // a missing subtotal row: 总计 column printed empty, derived where it can be
      r.set("applications.new.total", Value::absent(Missing::blank));
      r.set("applications.outcome.total", Value::absent(Missing::not_applicable));
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(panel)

BOOST_AUTO_TEST_CASE(a_panel_gives_back_every_report_with_its_missing_kinds) {
  std::vector<Injected> injected;
  auto reports = generated_reports(400, injected);
  Panel p = Panel::from_reports(reports);
  BOOST_TEST(p.size() == 400u);
  BOOST_TEST(p.cells() == 200u);
  BOOST_TEST(!p.missing_cells().empty());
  for (std::size_t j = 0; j < reports.size(); ++j) BOOST_TEST((p.report(j) == reports[j]), "report " << j);
  // A dash, a blank and 0 stay apart.
  for (const auto& inj : injected)
    if (inj.kind == "table_dashed") BOOST_TEST(p.value("review_litigation.review.upheld", inj.report).missing() == Missing::dash);
  BOOST_TEST(p.values()(static_cast<Eigen::Index>(p.form().index("fees.fees.amount")), 0) % 12345 == 0);  // in millionths of 万元
  BOOST_TEST((Panel::from_reports(p.reports()) == p));
}

BOOST_AUTO_TEST_CASE(batch_results_equal_checking_each_report_alone) {
  std::vector<Injected> injected;
  auto reports = generated_reports(3000, injected);
  const auto rules = RuleSet::for_form(forms::ogi2021());
  const auto expected = per_report(reports, rules);
  const std::uint64_t passes = reports.size() * rules.rules().size() - expected.size();
  Panel p = Panel::from_reports(reports);
  for (unsigned threads : {1u, 2u, 3u}) {
    BatchResult res = check_panel(p, rules, threads);
    BOOST_TEST(res.findings.size() == expected.size(), "threads " << threads);
    BOOST_TEST((res.findings == expected), "threads " << threads);
    // Counts agree with the findings, per rule and per report; passes are all the rest.
    std::uint64_t fails = 0;
    for (std::size_t r = 0; r < rules.rules().size(); ++r) fails += res.per_rule[r].fails;
    BOOST_TEST(fails == static_cast<std::uint64_t>(std::count_if(expected.begin(), expected.end(), [](auto& f) { return f.status == Status::fail; })));
    std::uint64_t batch_passes = 0;
    for (std::size_t r = 0; r < rules.rules().size(); ++r) batch_passes += res.passes(r);
    BOOST_TEST(batch_passes == passes);
  }
  // The mix is the one meant: failures, not assessable, read-as-zero and derived readings all occur.
  auto has = [&](auto pred) { return std::any_of(expected.begin(), expected.end(), pred); };
  BOOST_TEST(has([](auto& f) { return f.status == Status::not_assessable; }));
  BOOST_TEST(has([](auto& f) { return f.read_as_zero; }));
  BOOST_TEST(has([](auto& f) { return f.derived; }));
}

// Reports that leave totals unstated (excerpts) or print them blank: the batch decides each rule
// as the per-report check does, unknown totals included.
BOOST_AUTO_TEST_CASE(unstated_and_blank_totals_check_as_they_do_alone) {
  std::vector<Injected> injected;
  auto reports = generated_reports(600, injected, 5);
  for (std::size_t j = 0; j < reports.size(); j += 3) {
    const char* cell = j % 2 ? "applications.new.total" : "applications.outcome.total";
    reports[j].set(cell, j % 9 == 0 ? Value::absent(Missing::blank) : Value::absent(Missing::not_stated));
  }
  const auto rules = RuleSet::for_form(forms::ogi2021());
  const auto expected = per_report(reports, rules);
  BOOST_TEST((check_panel(Panel::from_reports(reports), rules, 2).findings == expected));
  BOOST_TEST(std::any_of(expected.begin(), expected.end(), [&](const BatchFinding& f) {
    return f.status == Status::not_assessable && rules.rules()[f.rule].id == "balance:applications.total";
  }));
}

// The hard cases among generated reports: parts that sum past 2^53 (stated and derived), a cell in
// a unit of its own, totals unstated: the batch decides each as the per-report check does.
BOOST_AUTO_TEST_CASE(limits_units_and_missing_check_as_they_do_alone) {
  std::vector<Injected> injected;
  auto reports = generated_reports(1500, injected, 11);
  const auto huge = Value::count(Decimal::max_units - 10);
  for (std::size_t j = 0; j < reports.size(); ++j) {
    Report& r = reports[j];
    if (j % 50 == 0) {  // stated parts past 2^53
      r.set("applications.outcome.granted.natural_person", huge);
      r.set("applications.outcome.partial.natural_person", huge);
    }
    if (j % 70 == 1) {  // and their subtotal derived past it
      r.set("applications.outcome.granted.legal_person.business", huge);
      r.set("applications.outcome.partial.legal_person.business", huge);
      r.set("applications.outcome.legal_person.business", Value::absent(Missing::blank));
    }
    if (j % 90 == 2) r.set_unit("applications.new.natural_person", "个");
    if (j % 40 == 3) r.set("applications.carried_over.total", Value());
  }
  const auto rules = RuleSet::for_form(forms::ogi2021());
  const auto expected = per_report(reports, rules);
  Panel p = Panel::from_reports(reports);
  for (unsigned threads : {1u, 2u}) BOOST_TEST((check_panel(p, rules, threads).findings == expected), "threads " << threads);
  BOOST_TEST(std::count_if(expected.begin(), expected.end(), [](const BatchFinding& f) { return f.status == Status::error; }) > 30);
}

BOOST_AUTO_TEST_CASE(every_injected_error_is_found_with_its_evidence) {
  std::vector<Injected> injected;
  auto reports = generated_reports(2000, injected, 11);
  BOOST_REQUIRE(injected.size() > 100u);
  const auto rules = RuleSet::for_form(forms::ogi2021());
  Panel p = Panel::from_reports(reports);
  BatchResult res = check_panel(p, rules);
  for (const auto& inj : injected) {
    const std::size_t cell = p.form().index(inj.cell);
    bool found = false;
    for (const auto& f : res.findings) {
      if (f.report != inj.report) continue;
      const Rule& rule = rules.rules()[f.rule];
      bool touches = std::count(rule.lhs.begin(), rule.lhs.end(), cell) + std::count(rule.rhs.begin(), rule.rhs.end(), cell) > 0;
      if (!touches) continue;
      found = true;
      Status want = inj.kind == "table_dashed" ? Status::not_assessable : Status::fail;
      BOOST_TEST((f.status == want), inj.kind << " in report " << inj.report);
      if (inj.kind == "blank_part") BOOST_TEST(f.read_as_zero);
    }
    BOOST_TEST(found, inj.kind << " in report " << inj.report << " at " << inj.cell);
  }
  // The compact finding expands to the full one, with its message and cells.
  auto it = std::find_if(res.findings.begin(), res.findings.end(), [](auto& f) { return f.status == Status::fail; });
  BOOST_REQUIRE(it != res.findings.end());
  Finding full = res.finding(*it, p, rules);
  BOOST_TEST(full.report == p.id(it->report));
  BOOST_TEST(full.rule == res.rule_ids[it->rule]);
  BOOST_TEST(full.difference->units() == res.difference(*it).units());
  BOOST_TEST(!full.message.en.empty());
}

BOOST_AUTO_TEST_CASE(real_reports_of_every_form_check_as_they_do_alone) {
  std::map<std::string, std::vector<Report>> by_form;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(DISCLOSURE_TEST_DATA) + "/reports"))
    if (entry.path().extension() == ".json")
      for (auto& r : io::read_reports_json(entry.path().string())) by_form[r.form().key()].push_back(std::move(r));
  for (auto& r : seed_reports()) by_form[r.form().key()].push_back(std::move(r));
  BOOST_REQUIRE(by_form.size() == 3u);
  for (const auto& [key, reports] : by_form) {
    const auto rules = RuleSet::for_form(reports.front().form_ptr());
    BOOST_TEST((check_panel(Panel::from_reports(reports), rules).findings == per_report(reports, rules)), key);
  }
}

// A form whose rule mixes scales (a 2-decimal total of a 0-decimal part: coefficient 100), and
// reports that give a cell in their own unit (the rule errs on them).
BOOST_AUTO_TEST_CASE(rescaled_terms_and_own_units_check_as_they_do_alone) {
  Table t;
  t.key = "funds";
  t.label = {"经费", "funds"};
  t.unit = "万元";
  t.decimals = 2;
  t.rows = {"item", {"项目", "item"},
            breakdown(category("total", {"合计", "total"}), Relation::partition,
                      {category("a", {"甲", "a"}), measured(category("b", {"乙", "b"}), "万元", 0), category("c", {"丙", "c"})})};
  auto form = std::make_shared<const Form>("funds_form", Label{"经费", "funds"}, std::vector<Table>{t});
  std::mt19937_64 rng(3);
  std::vector<Report> reports;
  for (int i = 0; i < 600; ++i) {
    Report r(form, "f" + std::to_string(i));
    std::int64_t a = static_cast<std::int64_t>(rng() % 1000), b = static_cast<std::int64_t>(rng() % 50), c = static_cast<std::int64_t>(rng() % 300);
    r.set("funds.a", Value(Decimal(a, 2)));
    r.set("funds.b", Value(Decimal(b)));
    r.set("funds.c", Value(Decimal(c, 2)));
    r.set("funds.total", Value(Decimal(a + 100 * b + c + (i % 7 == 0 ? 1 : 0), 2)));
    if (i % 11 == 0) r.set("funds.c", Value::absent(Missing::dash));
    if (i % 13 == 0) r.set("funds.total", Value::absent(Missing::blank));
    if (i % 17 == 0) r.set_unit("funds.a", "元");
    reports.push_back(std::move(r));
  }
  const auto rules = RuleSet::for_form(form);
  Panel p = Panel::from_reports(reports);
  BOOST_TEST(p.unit_overrides().size() == 36u);
  const auto expected = per_report(reports, rules);
  BatchResult res = check_panel(p, rules, 2);
  BOOST_TEST((res.findings == expected));
  BOOST_TEST(res.per_rule[0].errors == 36u);  // units are looked at first, before a blank total
}

BOOST_AUTO_TEST_CASE(a_missing_cell_that_holds_a_number_is_refused_by_name) {
  auto form = forms::ogi2021();
  Panel::Matrix x = Panel::Matrix::Zero(200, 2);
  x(static_cast<Eigen::Index>(form->index("applications.new.total")), 1) = 5;
  Panel::Metadata meta;
  meta.id = {"a", "b"};
  try {
    Panel(form, x, {{1, static_cast<std::uint32_t>(form->index("applications.new.total")), Missing::blank}}, meta);
    BOOST_FAIL("accepted");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()).find("report 'b', cell 'applications.new.total' is blank but holds 5") != std::string::npos, e.what());
  }
  x(static_cast<Eigen::Index>(form->index("applications.new.total")), 1) = -1;
  try {
    Panel(form, x, {}, meta);
    BOOST_FAIL("accepted");
  } catch (const Error& e) {
    BOOST_TEST(std::string(e.what()).find("report 'b', cell 'applications.new.total': -1 (the cell cannot be negative)") != std::string::npos, e.what());
  }
  BOOST_CHECK_THROW(Panel(forms::ogi2008(), Panel::Matrix::Zero(3, 1)), Error);
}

BOOST_AUTO_TEST_SUITE_END()
