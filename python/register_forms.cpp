// Forms and their cells.
#include <pybind11/native_enum.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>

#include "convert.hpp"
#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/form_json.hpp"

namespace py = pybind11;
using namespace disclosure;

void register_forms(py::module_& m) {
  py::native_enum<Relation>(m, "Relation", "enum.Enum").value("none", Relation::none).value("partition", Relation::partition).value("overlapping", Relation::overlapping).finalize();

  py::class_<Category>(m, "Category", "A node of a counting hierarchy: key, labels, aliases, children and how they relate.")
      .def_readonly("key", &Category::key)
      .def_property_readonly("label_zh", [](const Category& c) { return c.label.zh; })
      .def_property_readonly("label_en", [](const Category& c) { return c.label.en; })
      .def_readonly("aliases", &Category::aliases)
      .def_readonly("relation", &Category::relation)
      .def_readonly("derived", &Category::derived, "a group heading with no cell of its own")
      .def_readonly("children", &Category::children)
      .def("__repr__", [](const Category& c) { return "<Category " + c.key + " " + c.label.zh + ">"; });

  py::class_<Dimension>(m, "Dimension")
      .def_readonly("key", &Dimension::key)
      .def_property_readonly("label_zh", [](const Dimension& d) { return d.label.zh; })
      .def_property_readonly("label_en", [](const Dimension& d) { return d.label.en; })
      .def_readonly("root", &Dimension::root);

  py::class_<Table>(m, "Table", "A table of a form: one or two dimensions and a unit.")
      .def_readonly("key", &Table::key)
      .def_property_readonly("label_zh", [](const Table& t) { return t.label.zh; })
      .def_property_readonly("label_en", [](const Table& t) { return t.label.en; })
      .def_readonly("unit", &Table::unit)
      .def_readonly("rows", &Table::rows)
      .def_readonly("columns", &Table::columns)
      .def("__repr__", [](const Table& t) { return "<Table " + t.key + " " + t.label.zh + ">"; });

  py::class_<Cell>(m, "Cell", "One fillable cell of a form.")
      .def_readonly("key", &Cell::key)
      .def_readonly("row", &Cell::row)
      .def_readonly("column", &Cell::column)
      .def_readonly("unit", &Cell::unit)
      .def_readonly("decimals", &Cell::decimals)
      .def_readonly("allow_negative", &Cell::allow_negative)
      .def_property_readonly("label_zh", [](const Cell& c) { return c.label.zh; })
      .def_property_readonly("label_en", [](const Cell& c) { return c.label.en; })
      .def("__repr__", [](const Cell& c) { return "<Cell " + c.key + " " + c.label.zh + ">"; });

  py::class_<Form, std::shared_ptr<Form>>(m, "Form", "The schema of one kind of report.")
      .def_property_readonly("key", &Form::key)
      .def_property_readonly("label_zh", [](const Form& f) { return f.label().zh; })
      .def_property_readonly("label_en", [](const Form& f) { return f.label().en; })
      .def("cell_list", [](const Form& f) { return f.cells(); }, "Every fillable cell, in form order (Cell objects).")
      .def_property_readonly("tables", [](const Form& f) { return f.tables(); })
      .def("to_json", [](const Form& f) { return io::form_to_json(f); }, "The form as a data file (format disclosure/form@1).")
      .def("cell", [](const Form& f, const std::string& key) { return f.cell(key); }, py::arg("key"))
      .def("__contains__", [](const Form& f, const std::string& key) { return f.find(key).has_value(); })
      .def("__len__", &Form::size)
      .def("__eq__", [](const Form& a, const Form& b) { return a == b; })
      .def("__repr__", [](const Form& f) { return "<Form " + f.key() + ": " + std::to_string(f.size()) + " cells>"; });

  m.def("builtin_form", [](const std::string& key) { return std::const_pointer_cast<Form>(forms::builtin(key)); }, py::arg("key"),
        "A built-in form by key ('ogi2008').");
  m.def("builtin_form_keys", &forms::builtin_keys);
  m.def("read_form", [](const std::string& path) { return std::const_pointer_cast<Form>(io::read_form_json(path)); }, py::arg("path"),
        "A user-defined form from a data file (format disclosure/form@1).");
  m.def("parse_form", [](const std::string& text, const std::string& source) { return std::const_pointer_cast<Form>(io::parse_form_json(text, source)); },
        py::arg("text"), py::arg("source") = "<string>");

  py::class_<io::FormRegistry>(m, "FormRegistry", "The forms report files may name: the built-in ones and any added.")
      .def(py::init<>())
      .def("add", [](io::FormRegistry& r, const std::shared_ptr<Form>& f) { r.add(f); }, py::arg("form"))
      .def("get", [](const io::FormRegistry& r, const std::string& k) { return std::const_pointer_cast<Form>(r.get(k)); }, py::arg("key"))
      .def("keys", &io::FormRegistry::keys);
}
