// Rules, rule sets and findings.
#include <pybind11/native_enum.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "python_methods.hpp"
#include "disclosure/check.hpp"
#include "disclosure/io/csv.hpp"
#include "disclosure/io/form_json.hpp"
#include "disclosure/io/json.hpp"
#include "disclosure/review.hpp"
#include "disclosure/rule_language.hpp"
#include "disclosure/summary.hpp"

namespace py = pybind11;
using namespace disclosure;
using disclosure::python::to_py;

void register_checks(py::module_& m) {
  py::native_enum<Status>(m, "Status", "enum.Enum", R"doc(The outcome of one rule on one report: PASS, FAIL, NOT_ASSESSABLE (a side has no number;
never counted as passed) or ERROR (the check itself could not be made).

>>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
>>> r["requests.total.year"] = 5; r["requests.in_person.year"] = 3
>>> status = {f.rule: f.status for f in disclosure.check(r)}
>>> status["sum:requests.total.year"], status["sum:responses.total.year"]
(<Status.FAIL: 1>, <Status.NOT_ASSESSABLE: 2>))doc")
      .value("PASS", Status::pass)
      .value("FAIL", Status::fail)
      .value("NOT_ASSESSABLE", Status::not_assessable)
      .value("ERROR", Status::error).finalize();
  py::native_enum<Severity>(m, "Severity", "enum.Enum", R"doc(How much a failing check matters: error (the figures cannot all be right), warning (likely
wrong, or a questionable convention) or info (a hint, such as where an error may be).

>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> [(f.rule, f.severity) for f in disclosure.check(region).failed]  # doctest: +NORMALIZE_WHITESPACE
[('sum:responses.total.year', <Severity.error: 0>), ('percent:convention', <Severity.warning: 1>),
 ('locate', <Severity.info: 2>)])doc")
      .value("error", Severity::error)
      .value("warning", Severity::warning)
      .value("info", Severity::info).finalize();

  py::class_<Rule>(m, "Rule", R"doc(A relation Σ lhs (== | <=) Σ rhs between cells of a report, with its severity and the basis
it rests on (implied by the form, declared, or a user's).

>>> rules = disclosure.rules.RuleSet.for_form(disclosure.forms.ogi2008).rules
>>> rule = next(r for r in rules if r.id == "sum:requests.total.year")
>>> rule.comparison, rule.severity, rule.basis["kind"]
('==', <Severity.error: 0>, 'implied'))doc")
      .def_readonly("id", &Rule::id)
      .def_readonly("severity", &Rule::severity)
      .def_property_readonly("comparison", [](const Rule& r) { return std::string(to_string(r.comparison)); })
      .def_property_readonly("basis", [](const Rule& r) { return py::dict(py::arg("kind") = std::string(to_string(r.basis.kind)), py::arg("note") = r.basis.note); })
      .def("__repr__", [](const Rule& r) { return "<Rule " + r.id + ">"; });

  py::class_<Suggestion>(m, "Suggestion", R"doc(One edit that alone would make the report's equalities hold: the cell, its value now, the
value it would need, and what kind of slip that would be.

>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> s = disclosure.check(region).failed[0].suggestions[0]
>>> s.cell, s.from_value, s.to, s.kind
('responses.partially_granted.year', <Missing.not_stated: 1>, 4, 'missing_category')
>>> s.message("en")
'partly disclosed (this year) is not stated; with 4 everything adds up (a category left out of the breakdown?).')doc")
      .def_readonly("cell", &Suggestion::cell)
      .def_property_readonly("from_value", [](const Suggestion& s) { return to_py(s.from); })
      .def_property_readonly("to", [](const Suggestion& s) { return to_py(s.to); })
      .def_property_readonly("kind", [](const Suggestion& s) { return std::string(to_string(s.kind)); },
                             "missing_category, one_digit, digits_swapped or other_value")
      .def("message", [](const Suggestion& s, const std::optional<std::string>& lang) { return s.message(disclosure::python::message_lang(lang)); },
           py::arg("lang") = py::none(), "The suggestion in words, in `lang` ('zh' or 'en'; default: disclosure.get_language()).")
      .def("__repr__", [](const Suggestion& s) { return "<Suggestion " + s.cell + " → " + s.to.to_string() + " (" + std::string(to_string(s.kind)) + ")>"; });

  py::class_<Finding>(m, "Finding", R"doc(One rule on one report, with its evidence: status, both sides and their difference, every
cell, the parts read as 0, suggested edits, and a message in Chinese or English.

>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> f = disclosure.check(region).failed[0]
>>> f.rule, f.status, f.lhs, f.rhs, f.difference
('sum:responses.total.year', <Status.FAIL: 1>, 247, 243, 4)
>>> f.read_as_zero
['responses.partially_granted.year', 'responses.other.year']
>>> f.message("zh")  # doctest: +ELLIPSIS
'申请答复数（本年度）填报247，但各类答复合计243，相差4。未填报的分项按0计：...')doc")
      .def_readonly("report", &Finding::report)
      .def_readonly("rule", &Finding::rule)
      .def_readonly("status", &Finding::status)
      .def_readonly("severity", &Finding::severity)
      .def_property_readonly("comparison", [](const Finding& f) { return std::string(to_string(f.comparison)); })
      .def_property_readonly("basis", [](const Finding& f) { return py::dict(py::arg("kind") = std::string(to_string(f.basis.kind)), py::arg("note") = f.basis.note); })
      .def_property_readonly("cells",
                             [](const Finding& f) {
                               py::list out;
                               for (const auto& c : f.cells) out.append(py::make_tuple(c.key, c.side == Side::lhs ? "lhs" : "rhs", to_py(c.value)));
                               return out;
                             },
                             "(key, side, value) for every cell of the rule")
      .def_property_readonly("lhs", [](const Finding& f) { return to_py(f.lhs); })
      .def_property_readonly("rhs", [](const Finding& f) { return to_py(f.rhs); })
      .def_property_readonly("difference", [](const Finding& f) { return to_py(f.difference); })
      .def_property_readonly("tolerance", [](const Finding& f) { return to_py(f.tolerance); })
      .def_readonly("read_as_zero", &Finding::read_as_zero)
      .def_readonly("derived", &Finding::derived, "missing subtotals taken as the sum of their stated parts")
      .def_readonly("suggestions", &Finding::suggestions, "single edits that would make the report's equalities hold")
      .def_readonly("edit_sets", &Finding::edit_sets, "on the `locate` finding: the minimal sets of cells to change")
      .def_readonly("implied", &Finding::implied, "for a stated growth rate without last year's report: the previous values it implies")
      .def_property_readonly("rounding",
                             [](const Finding& f) -> py::object {
                               if (!f.rounding) return py::none();
                               return py::dict(py::arg("decimals") = f.rounding->decimals, py::arg("mode") = f.rounding->mode);
                             },
                             "the rounding a percentage was compared under, or None")
      .def("message", [](const Finding& f, const std::optional<std::string>& lang) { return f.message(disclosure::python::message_lang(lang)); },
           py::arg("lang") = py::none(), "The finding's message in `lang` ('zh' or 'en'; default: disclosure.get_language()).")
      .def("_repr_html_", disclosure::python::python_method("display", "finding_html"))
      .def("__repr__", disclosure::python::python_method("display", "finding_repr"));

  py::class_<RuleSpec>(m, "RuleSpec", R"doc(A rule over cell keys, before it is resolved against a form: what parse_rule gives, and
what check() and RuleSet.for_form take as `extra`.

>>> spec = disclosure.rules.parse_rule("responses.total.year <= requests.total.year", id="answered-at-most-received")
>>> spec, spec.lhs, spec.comparison, spec.rhs
(<RuleSpec answered-at-most-received>, ['responses.total.year'], '<=', ['requests.total.year']))doc")
      .def_readwrite("id", &RuleSpec::id)
      .def_readonly("lhs", &RuleSpec::lhs)
      .def_readonly("rhs", &RuleSpec::rhs)
      .def_readwrite("severity", &RuleSpec::severity)
      .def_property_readonly("comparison", [](const RuleSpec& r) { return std::string(to_string(r.comparison)); })
      .def("__repr__", [](const RuleSpec& r) { return "<RuleSpec " + r.id + ">"; });

  m.def(
      "parse_rule",
      [](const std::string& text, const std::string& id, Severity severity, const std::string& note) {
        RuleSpec r = parse_rule(text);
        r.id = id.empty() ? text : id;
        r.severity = severity;
        r.basis = {BasisKind::user, note};
        r.lhs_text = {text.substr(0, text.find_first_of("=<>")), text.substr(0, text.find_first_of("=<>"))};
        r.rhs_text = {text.substr(text.find_first_of("=<>") + 2), text.substr(text.find_first_of("=<>") + 2)};
        return r;
      },
      py::arg("text"), py::arg("id") = "", py::arg("severity") = Severity::error, py::arg("note") = "",
      R"doc(A rule in the rule language, to check alongside the form's own rules.

Grammar: side (== | <= | >=) side; a side is cell keys or sum(pattern) joined by + and -, a
pattern has '*' segments (sum(requests.*.year)).

>>> spec = disclosure.rules.parse_rule("responses.total.year <= requests.total.year", id="mine",
...                              severity=disclosure.Severity.warning)
>>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
>>> r["requests.total.year"] = 7; r["responses.total.year"] = 9
>>> [(f.status, f.severity, f.lhs, f.rhs) for f in disclosure.check(r, [spec]) if f.rule == "mine"]
[(<Status.FAIL: 1>, <Severity.warning: 1>, 9, 7)])doc");

  py::class_<io::UserRule>(m, "UserRule", R"doc(A user's rule and the key of the form it is for: what read_rules and parse_rules give, and
what check_reports takes as `rules`.

>>> text = '''{"format": "disclosure/rules@1", "rules": [{"id": "mine", "form": "ogi2008",
...           "rule": "npc_cppcc.cppcc.handled <= npc_cppcc.npc.handled"}]}'''
>>> [rule] = disclosure.rules.parse_rules(text)
>>> rule, rule.form, rule.spec.lhs
(<UserRule mine for ogi2008>, 'ogi2008', ['npc_cppcc.cppcc.handled'])
>>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> [(f.report, f.lhs, f.rhs) for f in disclosure.check_reports(reports, [rule]).failed if f.rule == "mine"]
[('qiqihar-2018-own-level', 400, 179)])doc")
      .def_readonly("form", &io::UserRule::form)
      .def_readonly("spec", &io::UserRule::spec)
      .def("__repr__", [](const io::UserRule& u) { return "<UserRule " + u.spec.id + " for " + u.form + ">"; });
  m.def("read_rules", &io::read_rules_json, py::arg("path"), py::arg_v("forms", io::FormRegistry(), "..."),
        R"doc(Rules from a file (format disclosure/rules@1), each parsed and resolved against its form;
`forms`: user forms the rules may name.

>>> rules = disclosure.rules.read_rules("tests/data/rules/analyst.json")
>>> [(rule.form, rule.spec.id) for rule in rules]  # doctest: +NORMALIZE_WHITESPACE
[('ogi2008', 'analyst:answered-at-most-received'), ('ogi2008', 'analyst:proposals-at-most-suggestions'),
 ('ogi2021', 'analyst:withheld-share')])doc");
  m.def("parse_rules", &io::parse_rules_json, py::arg("text"), py::arg("source") = "<string>", py::arg_v("forms", io::FormRegistry(), "..."),
        R"doc(Rules from JSON text (format disclosure/rules@1), as read_rules reads a file; `source` names
the text in error messages.

>>> text = '''{"format": "disclosure/rules@1", "rules": [{"id": "mine", "form": "ogi2008",
...           "rule": "responses.total.year <= requests.total.year", "severity": "warning"}]}'''
>>> [rule] = disclosure.rules.parse_rules(text)
>>> rule.form, rule.spec.id, rule.spec.comparison, rule.spec.severity
('ogi2008', 'mine', '<=', <Severity.warning: 1>))doc");

  py::class_<RuleSet>(m, "RuleSet", R"doc(The rules a form implies (parts of a partition sum to their total, a 其中 item is at most its
whole, declared relations), plus any extra ones, compiled for that form.

>>> rules = disclosure.rules.RuleSet.for_form(disclosure.forms.ogi2008)
>>> len(rules), rules.rules[0]
(85, <Rule sum:produced.total>)
>>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
>>> r["staff.total"] = 5; r["staff.full_time"] = 2; r["staff.part_time"] = 2
>>> [(f.rule, f.lhs, f.rhs) for f in rules.check(r) if f.status == disclosure.Status.FAIL]
[('sum:staff.total', 5, 4)])doc")
      .def_static("for_form", [](const std::shared_ptr<Form>& form, const std::vector<RuleSpec>& extra) { return RuleSet::for_form(form, extra); },
                  py::arg("form"), py::arg("extra") = std::vector<RuleSpec>{},
                  "The rules the form implies (hierarchy and declared relations), plus `extra` rules.")
      .def_property_readonly("rules", &RuleSet::rules)
      .def("check", &RuleSet::check, py::arg("report"))
      .def("__len__", [](const RuleSet& s) { return s.rules().size(); })
      .def("__repr__", [](const RuleSet& s) { return "<RuleSet: " + std::to_string(s.rules().size()) + " rules>"; });

  m.def("check_result_to_json", &io::check_result_to_json, py::arg("reports"), py::arg("findings"),
        R"doc(Reports and their findings as JSON text: the contract of `disclosure check --format json`
(format disclosure/check@1).

>>> import json
>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> result = json.loads(disclosure.io.check_result_to_json([region], disclosure.check(region)))
>>> result["format"], sorted(result)
('disclosure/check@1', ['findings', 'format', 'reports', 'summary'])
>>> failed = [f for f in result["findings"] if f["status"] == "FAIL"]
>>> failed[0]["rule"], failed[0]["lhs"], failed[0]["rhs"], failed[0]["read_as_zero"]
('sum:responses.total.year', 247, 243, ['responses.partially_granted.year', 'responses.other.year']))doc");
  m.def("findings_to_csv", &io::findings_to_csv, py::arg("findings"), R"doc(Findings as CSV text, one row each, with their evidence and messages in both languages.

>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> lines = disclosure.io.findings_to_csv(disclosure.check(region).failed).splitlines()
>>> lines[0]
'report,rule,status,severity,basis,basis_note,comparison,lhs,rhs,difference,tolerance,rounding,cells,read_as_zero,derived,suggestions,edit_sets,message_zh,message_en'
>>> lines[1]  # doctest: +ELLIPSIS
'qiqihar-2018-region,sum:responses.total.year,FAIL,error,implied,...')doc");
  m.def(
      "check",
      [](const Report& r, const std::vector<RuleSpec>& extra) { return check_report(r, RuleSet::for_form(r.form_ptr(), extra)); },
      py::arg("report"), py::arg("extra") = std::vector<RuleSpec>{},
      "Every check of one report: its form's rules (plus `extra`), where their errors may be, and its stated figures.\n"
      "check_reports() also checks the links between reports (scopes, years).");
  m.def(
      "check_stated", [](const Report& r) { return check_stated(r, rules_from_form(r.form())); }, py::arg("report"),
      R"doc(The report's stated figures against its cells: the percentages it prints (under the rounding
it is seen to use), the totals (also against the parts they head) and the shares.

>>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
>>> r["requests.total.year"] = 3; r["requests.in_person.year"] = 1
>>> r.add_stated("percentage", "requests.in_person.year", "30", base="requests.total.year")
>>> f = disclosure.checks.check_stated(r)[0]
>>> f.rule, f.status, f.lhs, f.rhs      # 1/3 is 33%, not the 30% printed
('percent:requests.in_person.year', <Status.FAIL: 1>, 30, 33))doc");
  m.def("check_links", &check_links, py::arg("reports"), R"doc(The checks between reports: a sub-scope at most its whole (市本级 within 本行政区域), carry-over
and cumulative counts from one year to the next, tables copied from another year.

>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> f = next(f for f in disclosure.checks.check_links([region, city]) if f.rule == "within-scope:requests.total.year")
>>> f.report, f.status, f.lhs, f.comparison, f.rhs
('qiqihar-2018-own-level', <Status.PASS: 0>, 99, '<=', 247))doc");
  m.def(
      "check_reports",
      [](const std::vector<Report>& reports, const std::vector<io::UserRule>& rules) {
        std::map<std::string, std::vector<RuleSpec>> extra;
        for (const auto& r : rules) extra[r.form].push_back(r.spec);
        return check_reports(reports, extra);
      },
      py::arg("reports"), py::arg("rules") = std::vector<io::UserRule>{},
      "Every check over a set of reports: each report's form rules (plus user `rules`) and stated figures, then the links between them.");
  m.def(
      "infer_percent_convention",
      [](const Report& r) -> py::object {
        auto c = infer_percent_convention(r);
        if (!c) return py::none();
        return py::dict(py::arg("decimals") = c->policy.decimals, py::arg("mode") = c->policy.mode, py::arg("fitted") = c->fitted, py::arg("total") = c->total);
      },
      py::arg("report"), R"doc(The rounding convention that reproduces most of the report's stated percentages (decimals,
mode, how many it fits of how many), or None when the report states none.

>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> disclosure.checks.infer_percent_convention(region)
{'decimals': 2, 'mode': <Rounding.truncate: 2>, 'fitted': 11, 'total': 11}
>>> disclosure.checks.infer_percent_convention(disclosure.Report(disclosure.forms.ogi2008, "r")) is None
True)doc");

  py::class_<RuleSummary>(m, "RuleSummary", R"doc(Counts of one rule over many findings: items (reports), passes, fails, not assessable, errors.

>>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> summary = {s.rule: s for s in disclosure.summarise(disclosure.check_reports(reports))}
>>> summary["sum:responses.total.year"]
<RuleSummary sum:responses.total.year: 2 items, 0 pass, 2 fail, 0 n/a, 0 error>
>>> summary["sum:staff.total"].passes
2)doc")
      .def_readonly("rule", &RuleSummary::rule)
      .def_readonly("items", &RuleSummary::items)
      .def_readonly("passes", &RuleSummary::passes)
      .def_readonly("fails", &RuleSummary::fails)
      .def_readonly("not_assessable", &RuleSummary::not_assessable)
      .def_readonly("errors", &RuleSummary::errors)
      .def("__repr__", [](const RuleSummary& s) {
        return "<RuleSummary " + s.rule + ": " + std::to_string(s.items) + " items, " + std::to_string(s.passes) + " pass, " + std::to_string(s.fails) +
               " fail, " + std::to_string(s.not_assessable) + " n/a, " + std::to_string(s.errors) + " error>";
      });
  m.def("summarise", &summarise, py::arg("findings"), R"doc(Findings counted per rule (a list of RuleSummary, by rule id): items, passes, fails, not
assessable, errors.

>>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> [s for s in disclosure.summarise(disclosure.check_reports(reports)) if s.fails]  # doctest: +NORMALIZE_WHITESPACE
[<RuleSummary locate: 2 items, 0 pass, 2 fail, 0 n/a, 0 error>,
 <RuleSummary percent:convention: 2 items, 0 pass, 2 fail, 0 n/a, 0 error>,
 <RuleSummary sum:responses.total.year: 2 items, 0 pass, 2 fail, 0 n/a, 0 error>])doc");
}
