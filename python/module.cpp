// disclosure._core: the compiled core. Each area registers itself; the logic lives in the C++ headers.
#include <pybind11/pybind11.h>

#include "disclosure/error.hpp"
#include "disclosure/rule_language.hpp"

namespace py = pybind11;

void register_values(py::module_& m);
void register_forms(py::module_& m);
void register_reports(py::module_& m);
void register_checks(py::module_& m);
void register_panel(py::module_& m);

PYBIND11_MODULE(_core, m) {
  m.doc() = "Compiled core of disclosure: forms, reports, shares and checks of OGI annual reports.";
  // Translators run newest first, so the most derived exception is registered last.
  auto error = py::register_exception<disclosure::Error>(m, "Error", PyExc_ValueError);
  py::register_exception<disclosure::ParseError>(m, "ParseError", error.ptr());
  py::register_exception<disclosure::RuleSyntaxError>(m, "RuleSyntaxError", error.ptr());
  py::register_exception<disclosure::KeyError>(m, "CellKeyError", PyExc_KeyError);
  register_values(m);
  register_forms(m);
  register_reports(m);
  register_checks(m);
  register_panel(m);
}
