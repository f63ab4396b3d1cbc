// Forms and their cells.
#include <pybind11/native_enum.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "disclosure/forms/builtin.hpp"

namespace py = pybind11;
using namespace disclosure;

void register_forms(py::module_& m) {
  py::native_enum<Relation>(m, "Relation", "enum.Enum").value("none", Relation::none).value("partition", Relation::partition).value("overlapping", Relation::overlapping).finalize();

  py::class_<Cell>(m, "Cell", "One fillable cell of a form.")
      .def_readonly("key", &Cell::key)
      .def_readonly("row", &Cell::row)
      .def_readonly("column", &Cell::column)
      .def_property_readonly("label_zh", [](const Cell& c) { return c.label.zh; })
      .def_property_readonly("label_en", [](const Cell& c) { return c.label.en; })
      .def("__repr__", [](const Cell& c) { return "<Cell " + c.key + " " + c.label.zh + ">"; });

  py::class_<Form, std::shared_ptr<Form>>(m, "Form", "The schema of one kind of report.")
      .def_property_readonly("key", &Form::key)
      .def_property_readonly("label_zh", [](const Form& f) { return f.label().zh; })
      .def_property_readonly("label_en", [](const Form& f) { return f.label().en; })
      .def("cells", [](const Form& f) { return f.cells(); }, "Every fillable cell, in form order.")
      .def("cell", [](const Form& f, const std::string& key) { return f.cell(key); }, py::arg("key"))
      .def("__contains__", [](const Form& f, const std::string& key) { return f.find(key).has_value(); })
      .def("__len__", &Form::size)
      .def("__eq__", [](const Form& a, const Form& b) { return a == b; })
      .def("__repr__", [](const Form& f) { return "<Form " + f.key() + ": " + std::to_string(f.size()) + " cells>"; });

  m.def("builtin_form", [](const std::string& key) { return std::const_pointer_cast<Form>(forms::builtin(key)); }, py::arg("key"),
        "A built-in form by key ('ogi2008').");
  m.def("builtin_form_keys", &forms::builtin_keys);
}
