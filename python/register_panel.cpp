// Panels of reports and their batch checks. Values cross to NumPy without copying: a panel views
// a (cells × reports) int64 array whose rows are contiguous (a DataFrame's block, transposed), and
// `Panel.values` is a read-only view of the panel's own matrix.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "python_methods.hpp"
#include "disclosure/batch_check.hpp"
#include "disclosure/panel.hpp"
#include "disclosure/panel_aggregate.hpp"

namespace py = pybind11;
using namespace disclosure;

namespace {

// A checked panel: the result with what it needs to expand a finding in full (the rules; none
// for the children-sum check, whose findings are their arrays).
struct PanelCheck {
  Panel panel;
  std::optional<RuleSet> rules;
  BatchResult result;
};

// Keeps a Python object alive for as long as a panel views its memory; released under the GIL.
std::shared_ptr<const void> keep_alive(py::object o) {
  auto* held = new py::object(std::move(o));
  return std::shared_ptr<const void>(held, [](const void* p) {
    py::gil_scoped_acquire gil;
    delete static_cast<const py::object*>(p);
  });
}

template <class T>
py::array_t<T> to_numpy(std::vector<T> v) {
  auto* held = new std::vector<T>(std::move(v));
  py::capsule free(held, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>(static_cast<py::ssize_t>(held->size()), held->data(), free);
}

Panel from_array(const std::shared_ptr<Form>& form, const py::array& values, const py::array_t<std::uint32_t>& m_report, const py::array_t<std::uint32_t>& m_cell,
                 const py::array_t<std::uint8_t>& m_kind, Panel::Metadata meta, const std::vector<std::tuple<std::uint32_t, std::uint32_t, std::string>>& units) {
  if (!form) throw Error("a panel needs a form");
  if (values.ndim() != 2) throw Error("panel values must be a 2-dimensional array (cells × reports)");
  if (!values.dtype().is(py::dtype::of<std::int64_t>())) throw Error("panel values must be int64, got " + py::str(values.dtype()).cast<std::string>());
  if (static_cast<std::size_t>(values.shape(0)) != form->size())
    throw Error("panel values have " + std::to_string(values.shape(0)) + " rows; form '" + form->key() + "' has " + std::to_string(form->size()) + " cells");
  const auto n = static_cast<std::size_t>(values.shape(1));
  std::vector<Panel::MissingCell> missing(static_cast<std::size_t>(m_report.size()));
  if (m_cell.size() != m_report.size() || m_kind.size() != m_report.size()) throw Error("the missing arrays (report, cell, kind) differ in length");
  auto r = m_report.unchecked<1>();
  auto c = m_cell.unchecked<1>();
  auto k = m_kind.unchecked<1>();
  for (py::ssize_t i = 0; i < m_report.size(); ++i) {
    if (k(i) > static_cast<std::uint8_t>(Missing::not_applicable)) throw Error("missing kind code " + std::to_string(k(i)) + " is not a kind of missing");
    missing[static_cast<std::size_t>(i)] = {r(i), c(i), static_cast<Missing>(k(i))};
  }
  std::vector<Panel::UnitOverride> overrides;
  for (const auto& [ur, uc, u] : units) overrides.push_back({ur, uc, u});
  // Rows contiguous: view in place. Otherwise copy into an owned matrix.
  if (values.strides(1) == static_cast<py::ssize_t>(sizeof(std::int64_t)) && values.strides(0) % static_cast<py::ssize_t>(sizeof(std::int64_t)) == 0 &&
      (n <= 1 || values.strides(0) >= values.shape(1) * static_cast<py::ssize_t>(sizeof(std::int64_t)))) {
    const auto* data = static_cast<const std::int64_t*>(values.data());
    std::ptrdiff_t stride = values.strides(0) / static_cast<py::ssize_t>(sizeof(std::int64_t));
    if (form->size() <= 1) stride = static_cast<std::ptrdiff_t>(n);
    auto owner = keep_alive(values);  // a new reference: taken while the GIL is held
    py::gil_scoped_release release;
    return Panel(form, data, n, stride, std::move(owner), std::move(missing), std::move(meta), std::move(overrides));
  }
  auto a = values.unchecked<std::int64_t, 2>();
  Panel::Matrix x(values.shape(0), values.shape(1));
  for (py::ssize_t i = 0; i < values.shape(0); ++i)
    for (py::ssize_t j = 0; j < values.shape(1); ++j) x(i, j) = a(i, j);
  return Panel(form, std::move(x), std::move(missing), std::move(meta), std::move(overrides));
}

}  // namespace

void register_panel(py::module_& m) {
  py::class_<Panel>(m, "Panel",
                    R"doc(Many reports of one form: a cells × reports int64 matrix (values in each cell's units), a sparse mask of missing cells with their kinds,
and metadata per report. Build with Panel.from_reports, Panel.from_frame or Panel.from_array; check() checks every report in one pass.

>>> reports = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> panel = disclosure.Panel.from_reports(reports)
>>> panel, panel.ids
(<Panel ogi2008: 2 reports × 156 cells>, ['qiqihar-2018-region', 'qiqihar-2018-own-level'])
>>> panel.value("requests.total.year", 1), panel.value("requests.letter_fax.fax.year", 1)
(99, <Missing.not_stated: 1>)
>>> frame = panel.check().findings_frame()
>>> frame[frame.status == "FAIL"][["report", "rule", "lhs", "rhs"]].values.tolist()
[['qiqihar-2018-region', 'sum:responses.total.year', 247, 243], ['qiqihar-2018-own-level', 'sum:responses.total.year', 99, 94]])doc")
      .def_static("from_reports", &Panel::from_reports, py::arg("reports"), "The reports' cells and metadata (stated figures and extras stay with the reports).")
      .def_static("from_frame", disclosure::python::python_function("panel", "panel_from_frame"),
                  "from_frame(values, missing=None, meta=None, form=None) -> Panel: a panel from a wide frame of values, the missing cells and the metadata "
                  "(disclosure.panel.panel_from_frame).")
      .def_static("from_array", disclosure::python::python_function("panel", "panel_from_array"),
                  "from_array(form, values, missing=None, *, ids=None, issuer=None, year=None, scope=None, within=None, series=None) -> Panel: a panel over "
                  "a cells × reports int64 array (disclosure.panel.panel_from_array).")
      .def_static("read", disclosure::python::python_function("panel", "read_panel"), "read(paths) -> Panel: the reports of files of one form as a panel (disclosure.panel.read_panel).")
      .def("to_frame", disclosure::python::python_method("panel", "panel_to_frame"), "to_frame() -> DataFrame: the values as a wide int64 DataFrame, a view (disclosure.panel.panel_to_frame).")
      .def("missing_frame", disclosure::python::python_method("panel", "panel_missing_frame"), "missing_frame() -> DataFrame: the missing cells: report, cell, kind.")
      .def("meta_frame", disclosure::python::python_method("panel", "panel_meta_frame"), "meta_frame() -> DataFrame: the metadata per report.")
      .def("group_sum", disclosure::python::python_method("panel", "panel_group_sum"),
           "group_sum(by) -> GroupSum: sums of the reports by a metadata column or a key per report (disclosure.panel.panel_group_sum).")
      .def_static(
          "_from_array",
          [](const std::shared_ptr<Form>& form, const py::array& values, const py::array_t<std::uint32_t>& m_report, const py::array_t<std::uint32_t>& m_cell,
             const py::array_t<std::uint8_t>& m_kind, std::vector<std::string> ids, std::vector<std::string> issuer, std::vector<int> year,
             std::vector<std::string> scope, std::vector<std::string> within, std::vector<std::string> series,
             const std::vector<std::tuple<std::uint32_t, std::uint32_t, std::string>>& units) {
            Panel::Metadata meta{std::move(ids), std::move(issuer), std::move(scope), std::move(within), std::move(series), std::move(year)};
            return from_array(form, values, m_report, m_cell, m_kind, std::move(meta), units);
          },
          py::arg("form"), py::arg("values"), py::arg("missing_report"), py::arg("missing_cell"), py::arg("missing_kind"), py::arg("ids"), py::arg("issuer"),
          py::arg("year"), py::arg("scope"), py::arg("within"), py::arg("series"), py::arg("units"))
      .def_property_readonly("form", [](const Panel& p) { return std::const_pointer_cast<Form>(p.form_ptr()); })
      .def("__len__", &Panel::size)
      .def_property_readonly("cells", &Panel::cells, "number of cells (rows of the matrix)")
      .def_property_readonly(
          "values",
          [](py::object self) {
            const Panel& p = self.cast<const Panel&>();
            py::array_t<std::int64_t> a({static_cast<py::ssize_t>(p.cells()), static_cast<py::ssize_t>(p.size())},
                                        {static_cast<py::ssize_t>(p.row_stride() * 8), static_cast<py::ssize_t>(8)}, p.row(0), self);
            a.attr("setflags")(py::arg("write") = false);
            return a;
          },
          "The cells × reports matrix as a read-only NumPy view (no copy). Missing cells hold 0; see missing_arrays().")
      .def_property_readonly("nbytes", &Panel::bytes, "bytes held: values, mask, metadata")
      .def(
          "missing_arrays",
          [](const Panel& p) {
            std::vector<std::uint32_t> r, c;
            std::vector<std::uint8_t> k;
            for (const auto& mc : p.missing_cells()) {
              r.push_back(mc.report);
              c.push_back(mc.cell);
              k.push_back(static_cast<std::uint8_t>(mc.kind));
            }
            return py::make_tuple(to_numpy(std::move(r)), to_numpy(std::move(c)), to_numpy(std::move(k)));
          },
          "(report index, cell index, kind code) of every missing cell; kind codes are the values of disclosure.Missing.")
      .def("unit_overrides",
           [](const Panel& p) {
             py::list out;
             for (const auto& u : p.unit_overrides()) out.append(py::make_tuple(u.report, u.cell, u.unit));
             return out;
           })
      .def_property_readonly("ids", [](const Panel& p) { return p.metadata().id; })
      .def_property_readonly("issuer", [](const Panel& p) { return p.metadata().issuer; })
      .def_property_readonly("year", [](const Panel& p) { return to_numpy(std::vector<int>(p.metadata().year)); })
      .def_property_readonly("scope", [](const Panel& p) { return p.metadata().scope; })
      .def_property_readonly("within", [](const Panel& p) { return p.metadata().within; })
      .def_property_readonly("series", [](const Panel& p) { return p.metadata().series; })
      .def("report", &Panel::report, py::arg("index"), "One column as a Report.")
      .def("reports", &Panel::reports)
      .def("value", [](const Panel& p, const std::string& key, std::size_t j) { return python::to_py(p.value(key, j)); }, py::arg("key"), py::arg("index"))
      .def(
          "check",
          [](const Panel& p, const std::vector<RuleSpec>& extra, unsigned threads) {
            auto rules = RuleSet::for_form(p.form_ptr(), extra);
            BatchResult res;
            {
              py::gil_scoped_release release;
              res = check_panel(p, rules, threads);
            }
            return PanelCheck{p, std::move(rules), std::move(res)};
          },
          py::arg("extra") = std::vector<RuleSpec>{}, py::arg("threads") = 0u,
          "Every rule of the form (plus `extra`) on every report, in one pass; keeps what did not pass. threads=0: the machine's cores.")
      .def(
          "column_sums",
          [](const Panel& p, unsigned threads) {
            std::vector<std::int64_t> out(p.size());
            {
              py::gil_scoped_release release;
              auto sums = p.column_sums(threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads);
              std::copy(sums.begin(), sums.end(), out.begin());
            }
            return to_numpy(std::move(out));
          },
          py::arg("threads") = 0u, "The sum of every report's values: one pass over the matrix (the floor the benchmark compares against).")
      .def(
          "_group_sum",
          [](const Panel& p, const py::object& by) {
            GroupSum g = py::isinstance<py::str>(by) ? group_by(p, by.cast<std::string>()) : group_sum(p, by.cast<std::vector<std::string>>());
            std::vector<std::uint32_t> stated(g.stated.data(), g.stated.data() + g.stated.size());
            auto a = to_numpy(std::move(stated)).reshape({static_cast<py::ssize_t>(g.stated.rows()), static_cast<py::ssize_t>(g.stated.cols())});
            return py::make_tuple(g.sums, g.members, a);
          },
          py::arg("by"),
          "Reports summed by a metadata column ('issuer', 'year', 'scope', 'within', 'series') or by a key per report: "
          "(panel of sums, members of each group, cells × groups count of members that state a number).")
      .def(
          "check_children",
          [](const Panel& p, bool equal) {
            BatchResult res;
            {
              py::gil_scoped_release release;
              res = check_children(p, equal ? Comparison::equal : Comparison::less_equal);
            }
            return PanelCheck{p, std::nullopt, std::move(res)};
          },
          py::arg("equal") = false,
          "Every parent report (one that others name in `within`) against the sum of its children, cell by cell: "
          "Σ children ≤ parent, or == with equal=True. Rule ids are children-sum:<cell>.")
      .def(
          "check_years", [](const Panel& p) { return check_years(p); },
          "The checks between consecutive years (carry-over, cumulative, in force, copied tables) over every series; what did not pass.")
      .def("__eq__", [](const Panel& a, const Panel& b) { return a == b; })
      .def("__repr__", [](const Panel& p) { return "<Panel " + p.form().key() + ": " + std::to_string(p.size()) + " reports × " + std::to_string(p.cells()) + " cells>"; });

  py::class_<PanelCheck>(m, "BatchResult", R"doc(The batch check of a panel: what did not pass (report, rule, status, both sides), with counts
per rule and per report; finding(i) expands one in full.

>>> panel = disclosure.Panel.from_reports(disclosure.read_reports("examples/data/qiqihar-2018.json"))
>>> result = panel.check()
>>> result
<BatchResult 2 reports × 85 rules: 162 not passed>
>>> result.counts_per_report["fails"].tolist()
[1, 1]
>>> first_fail = result.arrays()["status"].tolist().index(1)      # 1: FAIL
>>> result.finding(first_fail).message("en")  # doctest: +ELLIPSIS
'requests answered (this year): 247 stated, but the outcome counts sum to 243 (4 short). ...')doc")
      .def_property_readonly("reports", [](const PanelCheck& c) { return c.result.reports; })
      .def_property_readonly("rule_ids", [](const PanelCheck& c) { return c.result.rule_ids; })
      .def_property_readonly("panel", [](const PanelCheck& c) { return c.panel; })
      .def("__len__", [](const PanelCheck& c) { return c.result.findings.size(); })
      .def("findings_frame", disclosure::python::python_method("panel", "findings_frame_of"),
           "findings_frame(metadata=True) -> DataFrame: what did not pass, a row each, with the reports' metadata (disclosure.panel.findings_frame_of).")
      .def_property_readonly("counts_per_rule", disclosure::python::python_method("panel", "counts_per_rule"), "rule, items, passes, fails, not_assessable, errors")
      .def_property_readonly("counts_per_report", disclosure::python::python_method("panel", "counts_per_report"), "fails, not_assessable, errors per report")
      .def(
          "arrays",
          [](const PanelCheck& c) {
            const auto& fs = c.result.findings;
            std::vector<std::uint32_t> report(fs.size()), rule(fs.size());
            std::vector<std::int64_t> lhs(fs.size()), rhs(fs.size());
            std::vector<std::uint8_t> status(fs.size());
            std::vector<std::int32_t> scale(fs.size());
            for (std::size_t i = 0; i < fs.size(); ++i) {
              report[i] = fs[i].report;
              rule[i] = fs[i].rule;
              lhs[i] = fs[i].lhs;
              rhs[i] = fs[i].rhs;
              status[i] = static_cast<std::uint8_t>(fs[i].status);
              scale[i] = c.result.scales[fs[i].rule];
            }
            py::dict d;
            d["report"] = to_numpy(std::move(report));
            d["rule"] = to_numpy(std::move(rule));
            d["status"] = to_numpy(std::move(status));
            d["lhs"] = to_numpy(std::move(lhs));
            d["rhs"] = to_numpy(std::move(rhs));
            d["scale"] = to_numpy(std::move(scale));
            std::vector<std::uint8_t> rz(fs.size()), dv(fs.size());
            for (std::size_t i = 0; i < fs.size(); ++i) rz[i] = fs[i].read_as_zero, dv[i] = fs[i].derived;
            d["read_as_zero"] = to_numpy(std::move(rz));
            d["derived"] = to_numpy(std::move(dv));
            return d;
          },
          "The findings as NumPy arrays: report and rule indices, status code (0 PASS, 1 FAIL, 2 NOT_ASSESSABLE, 3 ERROR), lhs and rhs in units of "
          "10^-scale, read_as_zero and derived flags.")
      .def(
          "rule_counts",
          [](const PanelCheck& c) {
            std::vector<std::uint64_t> f, n, e, p;
            for (std::size_t r = 0; r < c.result.per_rule.size(); ++r) {
              f.push_back(c.result.per_rule[r].fails);
              n.push_back(c.result.per_rule[r].not_assessable);
              e.push_back(c.result.per_rule[r].errors);
              p.push_back(c.result.passes(r));
            }
            return py::make_tuple(to_numpy(std::move(p)), to_numpy(std::move(f)), to_numpy(std::move(n)), to_numpy(std::move(e)));
          },
          "(passes, fails, not_assessable, errors) per rule.")
      .def(
          "report_counts",
          [](const PanelCheck& c) {
            std::vector<std::uint32_t> f, n, e;
            for (const auto& x : c.result.per_report) {
              f.push_back(x.fails);
              n.push_back(x.not_assessable);
              e.push_back(x.errors);
            }
            return py::make_tuple(to_numpy(std::move(f)), to_numpy(std::move(n)), to_numpy(std::move(e)));
          },
          "(fails, not_assessable, errors) per report.")
      .def(
          "finding",
          [](const PanelCheck& c, std::size_t i) {
            if (i >= c.result.findings.size()) throw py::index_error("no finding " + std::to_string(i));
            if (!c.rules) throw Error("these are children-sum findings: their evidence is in arrays() and findings_frame()");
            return c.result.finding(c.result.findings[i], c.panel, *c.rules);
          },
          py::arg("index"), "The i-th finding in full (every cell, the message), as disclosure.check gives it.")
      .def("__repr__", [](const PanelCheck& c) {
        return "<BatchResult " + std::to_string(c.result.reports) + " reports × " + std::to_string(c.result.rule_ids.size()) + " rules: " +
               std::to_string(c.result.findings.size()) + " not passed>";
      });
}
