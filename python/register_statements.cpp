// Statements (what a report's text enumerates) for Python: read-only values.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "disclosure/report.hpp"
#include "disclosure/statement.hpp"

namespace py = pybind11;
using namespace disclosure;
using disclosure::python::to_py;

void register_statements(py::module_& m) {
  py::class_<StatementItem>(m, "StatementItem", R"doc(One figure of a statement: its words, count, unit, share and the cells it is linked to.

``link`` names the cells whose sum the figure states (one cell, a group heading's rows, a union of
categories); ``link_basis`` says how: "label", "group", "union" or "synonym".

>>> ex = disclosure.extract(b"2017\xe5\xb9\xb4\xe5\x85\xb1\xe6\x94\xb6\xe5\x88\xb0\xe7\x94\xb3\xe8\xaf\xb720\xe4\xbb\xb6\xef\xbc\x8c\xe5\x85\xb6\xe4\xb8\xad\xe5\xbd\x93\xe9\x9d\xa2\xe7\x94\xb3\xe8\xaf\xb75\xe4\xbb\xb6\xef\xbc\x8c\xe5\x8d\xa025%\xe3\x80\x82", name="r.txt")
>>> part = ex.reports[0].statements[0].parts[0]
>>> part.label, part.count, part.share, part.link
('当面申请', 5, 25, ['requests.in_person.year']))doc")
      .def_readonly("label", &StatementItem::label)
      .def_property_readonly("count", [](const StatementItem& i) { return to_py(i.count); })
      .def_readonly("unit", &StatementItem::unit)
      .def_readonly("approximate", &StatementItem::approximate)
      .def_property_readonly("share", [](const StatementItem& i) { return to_py(i.share); })
      .def_readonly("link", &StatementItem::link)
      .def_readonly("link_basis", &StatementItem::link_basis)
      .def_property_readonly("position", [](const StatementItem& i) { return i.position < 0 ? py::object(py::none()) : py::int_(i.position); })
      .def("__eq__", [](const StatementItem& a, const StatementItem& b) { return a == b; })
      .def("__repr__", [](const StatementItem& i) {
        return "StatementItem(" + py::repr(py::str(i.label)).cast<std::string>() + ", " + (i.count ? i.count->to_string() : "None") + i.unit +
               (i.share ? ", " + i.share->to_string() + "%" : "") + ")";
      });
  py::class_<Statement>(m, "Statement", R"doc(A sentence of the report that enumerates a total and its parts, kept whether or not its words
name cells of the form, and checked as a small table of its own (rules ``statement-*``).

``complete`` is true when the text presents the parts as all of the total (分别为);
``overlapping`` when the parts are channels an item may be published through several of;
``base_words`` and ``base`` the total a share is said to be of when it is not ``total``.

>>> ex = disclosure.extract(b"2017\xe5\xb9\xb4\xe5\x85\xb1\xe6\x94\xb6\xe5\x88\xb0\xe7\x94\xb3\xe8\xaf\xb720\xe4\xbb\xb6\xef\xbc\x8c\xe5\x85\xb6\xe4\xb8\xad\xe5\xbd\x93\xe9\x9d\xa2\xe7\x94\xb3\xe8\xaf\xb75\xe4\xbb\xb6\xef\xbc\x8c\xe5\x8d\xa025%\xe3\x80\x82", name="r.txt")
>>> s = ex.reports[0].statements[0]
>>> s.total.count, s.connective, len(s.parts), s.complete
(20, '其中', 1, False))doc")
      .def_property_readonly("total", [](const Statement& s) { return s.total ? py::cast(*s.total) : py::object(py::none()); })
      .def_readonly("parts", &Statement::parts)
      .def_readonly("connective", &Statement::connective)
      .def_readonly("complete", &Statement::complete)
      .def_readonly("overlapping", &Statement::overlapping)
      .def_readonly("base_words", &Statement::base_words)
      .def_property_readonly("base", [](const Statement& s) { return s.base ? py::cast(*s.base) : py::object(py::none()); })
      .def_property_readonly("multiple", [](const Statement& s) { return to_py(s.multiple); }, "The multiple printed (是上年的N倍), for connective '倍'.")
      .def_readonly("text", &Statement::text)
      .def_property_readonly("position", [](const Statement& s) { return s.position < 0 ? py::object(py::none()) : py::int_(s.position); })
      .def_readonly("where", &Statement::where)
      .def("__eq__", [](const Statement& a, const Statement& b) { return a == b; })
      .def("__repr__", [](const Statement& s) {
        return "<Statement " + (s.total && s.total->count ? s.total->count->to_string() + s.total->unit : std::string("(no total)")) + " " + s.connective + " " +
               std::to_string(s.parts.size()) + " parts>";
      });
}
