// Rules, rule sets and findings.
#include <pybind11/native_enum.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "disclosure/check.hpp"
#include "disclosure/io/json.hpp"

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
      .def("message", [](const Finding& f, const std::string& lang) { return f.message(lang_from_string(lang)); }, py::arg("lang") = "en")
      .def("__repr__", [](const Finding& f) { return "<Finding " + std::string(to_string(f.status)) + " " + f.rule + " on " + f.report + ">"; });

  py::class_<RuleSet>(m, "RuleSet", "Rules compiled for one form.")
      .def_static("for_form", [](const std::shared_ptr<Form>& form) { return RuleSet::for_form(form); }, py::arg("form"),
                  "The rules the form's hierarchy implies.")
      .def_property_readonly("rules", &RuleSet::rules)
      .def("check", &RuleSet::check, py::arg("report"))
      .def("__len__", [](const RuleSet& s) { return s.rules().size(); });

  m.def("check_result_to_json", &io::check_result_to_json, py::arg("reports"), py::arg("findings"),
        "The JSON contract of `disclosure check --format json`.");
}
