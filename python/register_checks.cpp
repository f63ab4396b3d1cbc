// Rules, rule sets and findings.
#include <pybind11/native_enum.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
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
  py::native_enum<Status>(m, "Status", "enum.Enum")
      .value("PASS", Status::pass)
      .value("FAIL", Status::fail)
      .value("NOT_ASSESSABLE", Status::not_assessable)
      .value("ERROR", Status::error).finalize();
  py::native_enum<Severity>(m, "Severity", "enum.Enum").value("error", Severity::error).value("warning", Severity::warning).value("info", Severity::info).finalize();

  py::class_<Rule>(m, "Rule", "A relation Σ lhs (== | <=) Σ rhs between cells of a report.")
      .def_readonly("id", &Rule::id)
      .def_readonly("severity", &Rule::severity)
      .def_property_readonly("comparison", [](const Rule& r) { return std::string(to_string(r.comparison)); })
      .def_property_readonly("basis", [](const Rule& r) { return py::dict(py::arg("kind") = std::string(to_string(r.basis.kind)), py::arg("note") = r.basis.note); })
      .def("__repr__", [](const Rule& r) { return "<Rule " + r.id + ">"; });

  py::class_<Suggestion>(m, "Suggestion", "One edit that alone would make the report's equalities hold.")
      .def_readonly("cell", &Suggestion::cell)
      .def_property_readonly("from_value", [](const Suggestion& s) { return to_py(s.from); })
      .def_property_readonly("to", [](const Suggestion& s) { return to_py(s.to); })
      .def_property_readonly("kind", [](const Suggestion& s) { return std::string(to_string(s.kind)); },
                             "missing_category, one_digit, digits_swapped or other_value")
      .def("message", [](const Suggestion& s, const std::string& lang) { return s.message(lang_from_string(lang)); }, py::arg("lang") = "en")
      .def("__repr__", [](const Suggestion& s) { return "<Suggestion " + s.cell + " → " + s.to.to_string() + " (" + std::string(to_string(s.kind)) + ")>"; });

  py::class_<Finding>(m, "Finding", "One rule on one report, with its evidence.")
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
      .def("message", [](const Finding& f, const std::string& lang) { return f.message(lang_from_string(lang)); }, py::arg("lang") = "en")
      .def("__repr__", [](const Finding& f) { return "<Finding " + std::string(to_string(f.status)) + " " + f.rule + " on " + f.report + ">"; });

  py::class_<RuleSpec>(m, "RuleSpec", "A rule over cell keys, before it is resolved against a form.")
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
      "A rule in the rule language, e.g. parse_rule('a.b + a.c == a.total', id='mine').\n\n"
      "Grammar: side (== | <= | >=) side; a side is keys or sum(pattern) joined by + and -, a pattern has '*' segments.");

  py::class_<io::UserRule>(m, "UserRule", "A user's rule and the form it is for.")
      .def_readonly("form", &io::UserRule::form)
      .def_readonly("spec", &io::UserRule::spec);
  m.def("read_rules", &io::read_rules_json, py::arg("path"), py::arg("forms") = io::FormRegistry(),
        "Rules from a file (format disclosure/rules@1), each parsed and resolved against its form.");
  m.def("parse_rules", &io::parse_rules_json, py::arg("text"), py::arg("source") = "<string>", py::arg("forms") = io::FormRegistry());

  py::class_<RuleSet>(m, "RuleSet", "Rules compiled for one form.")
      .def_static("for_form", [](const std::shared_ptr<Form>& form, const std::vector<RuleSpec>& extra) { return RuleSet::for_form(form, extra); },
                  py::arg("form"), py::arg("extra") = std::vector<RuleSpec>{},
                  "The rules the form implies (hierarchy and declared relations), plus `extra` rules.")
      .def_property_readonly("rules", &RuleSet::rules)
      .def("check", &RuleSet::check, py::arg("report"))
      .def("__len__", [](const RuleSet& s) { return s.rules().size(); });

  m.def("check_result_to_json", &io::check_result_to_json, py::arg("reports"), py::arg("findings"),
        "The JSON contract of `disclosure check --format json`.");
  m.def("findings_to_csv", &io::findings_to_csv, py::arg("findings"), "Findings as CSV, one row each.");
  m.def(
      "check",
      [](const Report& r, const std::vector<RuleSpec>& extra) { return check_report(r, RuleSet::for_form(r.form_ptr(), extra)); },
      py::arg("report"), py::arg("extra") = std::vector<RuleSpec>{},
      "Every check of one report: its form's rules (plus `extra`), where their errors may be, and its stated figures.\n"
      "check_reports() also checks the links between reports (scopes, years).");
  m.def(
      "check_stated", [](const Report& r) { return check_stated(r, rules_from_form(r.form())); }, py::arg("report"),
      "The report's stated percentages, totals (also against the parts they head) and shares against its cells.");
  m.def("check_links", &check_links, py::arg("reports"), "Checks between reports: sub-scopes, carry-over, cumulative counts, copied tables.");
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
      "percent_convention",
      [](const Report& r) -> py::object {
        auto c = infer_percent_convention(r);
        if (!c) return py::none();
        return py::dict(py::arg("decimals") = c->policy.decimals, py::arg("mode") = c->policy.mode, py::arg("fitted") = c->fitted, py::arg("total") = c->total);
      },
      py::arg("report"), "The rounding convention that reproduces most of the report's stated percentages, or None.");

  py::class_<RuleSummary>(m, "RuleSummary", "Counts of one rule over many findings.")
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
  m.def("summarise", &summarise, py::arg("findings"), "Per rule: items, passes, fails, not assessable, errors.");
}
