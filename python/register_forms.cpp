// Forms and their cells.
#include <pybind11/native_enum.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>

#include "convert.hpp"
#include "python_methods.hpp"
#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/form_json.hpp"

namespace py = pybind11;
using namespace disclosure;

void register_forms(py::module_& m) {
  py::native_enum<Relation>(m, "Relation", "enum.Enum", R"doc(How the children of a category relate to it: none (listed under it, implying nothing),
partition (every item in exactly one child: they sum to it) or overlapping (其中 items: each
child at most the parent).

>>> tables = {t.key: t for t in disclosure.forms.ogi2008.tables}
>>> tables["requests"].rows.root.relation      # the channels sum to the total
<Relation.partition: 1>
>>> tables["normative"].rows.root.relation     # disclosed and interpreted: each at most issued
<Relation.overlapping: 2>)doc")
      .value("none", Relation::none)
      .value("partition", Relation::partition)
      .value("overlapping", Relation::overlapping).finalize();

  py::class_<Category>(m, "Category", R"doc(A node of a counting hierarchy: its key, labels, the aliases reports use for it, its children
and how they relate to it.

>>> root = {t.key: t for t in disclosure.forms.ogi2008.tables}["requests"].rows.root
>>> root, root.relation
(<Category total 收到申请数>, <Relation.partition: 1>)
>>> [c.key for c in root.children]
['in_person', 'email', 'online', 'letter_fax', 'other']
>>> root.children[2].label_zh, root.children[2].aliases
('网络申请', ['网上申请', '网络申请数', '网上申请数']))doc")
      .def_readonly("key", &Category::key)
      .def_property_readonly("label_zh", [](const Category& c) { return c.label.zh; })
      .def_property_readonly("label_en", [](const Category& c) { return c.label.en; })
      .def_readonly("aliases", &Category::aliases)
      .def_readonly("relation", &Category::relation)
      .def_readonly("derived", &Category::derived, "a group heading with no cell of its own")
      .def_readonly("children", &Category::children)
      .def("__repr__", [](const Category& c) { return "<Category " + c.key + " " + c.label.zh + ">"; });

  py::class_<Dimension>(m, "Dimension", R"doc(One axis of a table (its rows or its columns): a key, labels, and the category tree whose
root is the axis's total.

>>> requests = {t.key: t for t in disclosure.forms.ogi2008.tables}["requests"]
>>> requests.rows
<Dimension requests 依申请公开政府信息申请: 5 categories>
>>> requests.columns.label_en, [c.key for c in requests.columns.root.children]
('period', ['year', 'cumulative']))doc")
      .def_readonly("key", &Dimension::key)
      .def_property_readonly("label_zh", [](const Dimension& d) { return d.label.zh; })
      .def_property_readonly("label_en", [](const Dimension& d) { return d.label.en; })
      .def_readonly("root", &Dimension::root)
      .def("__repr__", [](const Dimension& d) {
        return "<Dimension " + d.key + " " + d.label.zh + ": " + std::to_string(d.root.children.size()) + " categories>";
      });

  py::class_<Table>(m, "Table", R"doc(A table of a form: one or two dimensions (rows, and columns or None) and a unit; its key is
the first segment of its cells' keys.

>>> requests = {t.key: t for t in disclosure.forms.ogi2008.tables}["requests"]
>>> requests, requests.label_en, requests.unit
(<Table requests 依申请公开政府信息申请>, 'Requests for disclosure', '件')
>>> requests.rows.key, requests.columns.key
('requests', 'period'))doc")
      .def_readonly("key", &Table::key)
      .def_property_readonly("label_zh", [](const Table& t) { return t.label.zh; })
      .def_property_readonly("label_en", [](const Table& t) { return t.label.en; })
      .def_readonly("unit", &Table::unit)
      .def_readonly("rows", &Table::rows)
      .def_readonly("columns", &Table::columns)
      .def("__repr__", [](const Table& t) { return "<Table " + t.key + " " + t.label.zh + ">"; });

  py::class_<Cell>(m, "Cell", R"doc(One fillable cell of a form: its key (table.row.column), labels, unit and decimals.

>>> cell = disclosure.forms.ogi2008.cell("requests.total.year")
>>> cell, cell.row, cell.column, cell.unit
(<Cell requests.total.year 收到申请数（本年度）>, 'total', 'year', '件')
>>> funds = disclosure.forms.ogi2008.cell("funding.special")
>>> funds.unit, funds.decimals
('万元', 6))doc")
      .def_readonly("key", &Cell::key)
      .def_readonly("row", &Cell::row)
      .def_readonly("column", &Cell::column)
      .def_readonly("unit", &Cell::unit)
      .def_readonly("decimals", &Cell::decimals)
      .def_readonly("allow_negative", &Cell::allow_negative)
      .def_property_readonly("label_zh", [](const Cell& c) { return c.label.zh; })
      .def_property_readonly("label_en", [](const Cell& c) { return c.label.en; })
      .def("__repr__", [](const Cell& c) { return "<Cell " + c.key + " " + c.label.zh + ">"; });

  py::class_<Form, std::shared_ptr<Form>>(m, "Form", R"doc(The schema of one kind of report: its tables and their cells, and the relations the checks
follow. The built-in forms are disclosure.forms.ogi2008, ogi2019 and ogi2021.

>>> form = disclosure.forms.ogi2008
>>> form.key, len(form), "requests.total.year" in form
('ogi2008', 156, True)
>>> [t.key for t in form.tables][:5]
['produced', 'proactive', 'approvals', 'normative', 'requests']
>>> form.cell("requests.total.year").label_en
'requests received (this year)')doc")
      .def_property_readonly("key", &Form::key)
      .def_property_readonly("label_zh", [](const Form& f) { return f.label().zh; })
      .def_property_readonly("label_en", [](const Form& f) { return f.label().en; })
      .def("cell_list", [](const Form& f) { return f.cells(); }, "Every fillable cell, in form order (Cell objects), as Form::cells() in C++.")
      .def("cells_frame", disclosure::python::python_method("frames", "form_cells"),
           "cells_frame() -> DataFrame: the cells, one row each (disclosure.frames.form_cells).")
      .def("cells", disclosure::python::python_method("frames", "form_cells_deprecated"),
           "Deprecated: cells_frame(). In the next version cells() gives the list of Cell objects, as Form::cells() in C++.")
      .def_property_readonly("tables", [](const Form& f) { return f.tables(); })
      .def("to_json", [](const Form& f) { return io::form_to_json(f); }, "The form as a data file (format disclosure/form@1).")
      .def("cell", [](const Form& f, const std::string& key) { return f.cell(key); }, py::arg("key"))
      .def("__contains__", [](const Form& f, const std::string& key) { return f.find(key).has_value(); })
      .def("__len__", &Form::size)
      .def("__eq__", [](const Form& a, const Form& b) { return a == b; })
      .def("_repr_html_", disclosure::python::python_method("display", "form_html"))
      .def("__repr__", disclosure::python::python_method("display", "form_repr"));

  m.def("builtin_form", [](const std::string& key) { return std::const_pointer_cast<Form>(forms::builtin(key)); }, py::arg("key"),
        R"doc(A built-in form by key: 'ogi2008', 'ogi2019' or 'ogi2021' (also disclosure.forms.<key>).

>>> form = disclosure.forms.builtin_form("ogi2021")
>>> form.key, form.label_zh
('ogi2021', '政府信息公开工作年度报告格式（2021年）')
>>> form == disclosure.forms.ogi2021
True)doc");
  m.def("builtin_form_keys", &forms::builtin_keys, R"doc(The keys of the built-in forms, oldest first.

>>> disclosure.forms.builtin_form_keys()
['ogi2008', 'ogi2019', 'ogi2021'])doc");
  m.def("read_form", [](const std::string& path) { return std::const_pointer_cast<Form>(io::read_form_json(path)); }, py::arg("path"),
        "A user-defined form from a data file (format disclosure/form@1).");
  m.def("parse_form", [](const std::string& text, const std::string& source) { return std::const_pointer_cast<Form>(io::parse_form_json(text, source)); },
        py::arg("text"), py::arg("source") = "<string>", R"doc(A user-defined form from JSON text (format disclosure/form@1); `source` names the text in
error messages. Form.to_json() gives any form in this format.

>>> form = disclosure.io.parse_form(disclosure.forms.ogi2008.to_json())
>>> form.key, len(form), form == disclosure.forms.ogi2008
('ogi2008', 156, True))doc");

  py::class_<io::FormRegistry>(m, "FormRegistry", R"doc(The forms report files may name: the built-in ones and any added. Pass it (or a list of
forms) as `forms` when reading reports or rules on a form of your own.

>>> forms = disclosure.forms.FormRegistry()
>>> forms.keys()
['ogi2008', 'ogi2019', 'ogi2021']
>>> forms.add(disclosure.io.read_form("tests/data/forms/us_foia.json"))
>>> forms.get("us_foia")
<Form us_foia: 17 cells in 2 tables (requests, dispositions) — US FOIA annual report, requests section>)doc")
      .def(py::init<>())
      .def("add", [](io::FormRegistry& r, const std::shared_ptr<Form>& f) { r.add(f); }, py::arg("form"))
      .def("get", [](const io::FormRegistry& r, const std::string& k) { return std::const_pointer_cast<Form>(r.get(k)); }, py::arg("key"))
      .def("keys", &io::FormRegistry::keys)
      .def("__repr__", [](const io::FormRegistry& r) {
        std::string keys;
        for (const auto& k : r.keys()) keys += (keys.empty() ? "" : ", ") + k;
        return "<FormRegistry " + keys + ">";
      });
}
