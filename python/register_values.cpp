// Enums and rounding: Missing, Rounding, percent().
#include <pybind11/native_enum.h>
#include <pybind11/pybind11.h>

#include "convert.hpp"

namespace py = pybind11;
using namespace disclosure;
using disclosure::python::decimal_from_py;
using disclosure::python::to_py;

void register_values(py::module_& m) {
  py::native_enum<Missing>(m, "Missing", "enum.Enum", R"doc(Why a cell has no number: not stated at all, printed blank, "—", "/", or marked not applicable.
None of these is 0, and each stays distinct from the others.

>>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
>>> r["requests.online.year"] = disclosure.Missing.dash
>>> r["requests.online.year"], r["requests.email.year"]
(<Missing.dash: 3>, <Missing.not_stated: 1>)
>>> r["requests.online.year"] == 0
False)doc")
      .value("not_stated", Missing::not_stated, "the report says nothing about the cell")
      .value("blank", Missing::blank, "a table cell printed empty")
      .value("dash", Missing::dash, "printed '—' or '-'")
      .value("slash", Missing::slash, "printed '/'")
      .value("not_applicable", Missing::not_applicable, "marked as not applicable").finalize();

  py::native_enum<Rounding>(m, "Rounding", "enum.Enum", R"doc(How a percentage is cut to its printed decimals: half_up (四舍五入), half_even, or truncate
(digits dropped, as some reports do).

>>> disclosure.checks.percent(123, 247, 2, disclosure.Rounding.half_up)
Decimal('49.80')
>>> disclosure.checks.percent(123, 247, 2, disclosure.Rounding.truncate)
Decimal('49.79'))doc")
      .value("half_up", Rounding::half_up, "四舍五入: halves away from zero")
      .value("half_even", Rounding::half_even, "halves to the even digit")
      .value("truncate", Rounding::truncate, "digits dropped, as some reports do").finalize();

  m.def(
      "percent",
      [](const py::object& part, const py::object& base, int decimals, Rounding rounding) {
        return to_py(percent(decimal_from_py(part), decimal_from_py(base), {decimals, rounding}));
      },
      py::arg("part"), py::arg("base"), py::arg("decimals") = 2, py::arg("rounding") = Rounding::half_up,
      R"doc(100·part/base, computed exactly, then rounded to `decimals` under `rounding`; returns
decimal.Decimal (an int when decimals=0).

>>> disclosure.checks.percent(123, 247)
Decimal('49.80')
>>> disclosure.checks.percent(123, 247, 2, disclosure.Rounding.truncate)
Decimal('49.79')
>>> disclosure.checks.percent(1, 3, decimals=0)
33)doc");
}
