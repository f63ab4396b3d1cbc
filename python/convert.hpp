#pragma once
// Conversions between the core's numbers and Python's: counts are ints, decimals are
// decimal.Decimal (exact), missing cells are members of disclosure.Missing — never None or 0.
#include <pybind11/pybind11.h>

#include "disclosure/rounding.hpp"
#include "disclosure/value.hpp"

namespace disclosure::python {

namespace py = pybind11;

inline py::object to_py(Decimal d) {
  if (d.is_integer()) return py::int_(d.units());
  return py::module_::import("decimal").attr("Decimal")(d.to_string());
}

inline py::object to_py(const Value& v) {
  if (v.has_number()) return to_py(v.number());
  return py::cast(v.missing());
}

template <class T>
py::object to_py(const std::optional<T>& v) {
  return v ? to_py(*v) : py::none();
}

inline py::object to_py(Fraction f) { return py::module_::import("fractions").attr("Fraction")(f.numerator, f.denominator); }

// int, decimal.Decimal or str → Decimal; floats are refused (they are not exact).
inline Decimal decimal_from_py(const py::handle& h) {
  if (py::isinstance<py::bool_>(h)) throw Error("expected a number, got a bool");
  if (py::isinstance<py::int_>(h)) {
    auto v = h.cast<long long>();
    return Decimal(static_cast<std::int64_t>(v));
  }
  if (py::isinstance<py::float_>(h)) throw Error("floats are not exact: pass an int, a decimal.Decimal or a string such as '37.68'");
  if (py::isinstance<py::str>(h)) return Decimal::parse(h.cast<std::string>());
  if (py::isinstance(h, py::module_::import("decimal").attr("Decimal"))) return Decimal::parse(py::str(h).cast<std::string>());
  throw Error("expected an int, decimal.Decimal or str, got " + py::str(py::type::of(h).attr("__name__")).cast<std::string>());
}

inline Value value_from_py(const py::handle& h) {
  if (py::detail::make_caster<Missing> caster; caster.load(h, false)) {
    auto m = py::detail::cast_op<Missing>(caster);
    return m == Missing::not_stated ? Value() : Value::absent(m);
  }
  return Value(decimal_from_py(h));
}

}  // namespace disclosure::python
