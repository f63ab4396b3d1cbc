// Reports, their files, and shares.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "python_methods.hpp"
#include "disclosure/forms/builtin.hpp"
#include "disclosure/io/csv.hpp"
#include "disclosure/io/json.hpp"
#include "disclosure/change.hpp"
#include "disclosure/forms/templates.hpp"
#include "disclosure/indicators.hpp"
#include "disclosure/series.hpp"
#include "disclosure/share.hpp"

namespace py = pybind11;
using namespace disclosure;
using disclosure::python::to_py;
using disclosure::python::value_from_py;

void register_reports(py::module_& m) {
  py::class_<Report>(m, "Report", R"doc(One filled form: a value per cell (a number, or a Missing kind saying why there is none),
metadata, and the figures the report states. Floats are refused: they are not exact.

>>> r = disclosure.Report(disclosure.forms.ogi2008, "r", issuer="某县人民政府", year=2018)
>>> r["requests.total.year"] = 5
>>> r["requests.online.year"] = disclosure.Missing.dash     # printed "—"
>>> r["funding.special"] = "37.68"                          # 万元, kept exact
>>> r["requests.total.year"], r["requests.online.year"], r["funding.special"], r["requests.email.year"]
(5, <Missing.dash: 3>, Decimal('37.68'), <Missing.not_stated: 1>)
>>> r.values()
{'requests.total.year': 5, 'requests.online.year': <Missing.dash: 3>, 'funding.special': Decimal('37.68')})doc")
      .def(py::init([](const std::shared_ptr<Form>& form, const std::string& id, const std::string& issuer, int year, const std::string& scope,
                       const std::string& within) {
             Report r(form, id);
             r.issuer = issuer;
             r.year = year;
             r.scope = scope;
             r.within = within;
             return r;
           }),
           py::arg("form"), py::arg("id"), py::arg("issuer") = "", py::arg("year") = 0, py::arg("scope") = "", py::arg("within") = "")
      .def_property_readonly("id", &Report::id)
      .def_property_readonly("form", [](const Report& r) { return std::const_pointer_cast<Form>(r.form_ptr()); })
      .def_readwrite("issuer", &Report::issuer)
      .def_readwrite("year", &Report::year)
      .def_readwrite("scope", &Report::scope)
      .def_readwrite("within", &Report::within)
      .def_readwrite("series", &Report::series, "one issuer and scope across years; empty: issuer and scope")
      .def_property(
          "source",
          [](const Report& r) {
            return py::dict(py::arg("url") = r.source.url, py::arg("title") = r.source.title, py::arg("published") = r.source.published,
                            py::arg("note") = r.source.note);
          },
          [](Report& r, const py::dict& d) {
            Source s;
            for (auto [k, v] : d) {
              auto key = k.cast<std::string>();
              auto value = v.cast<std::string>();
              if (key == "url") s.url = value;
              else if (key == "title") s.title = value;
              else if (key == "published") s.published = value;
              else if (key == "note") s.note = value;
              else throw Error("unknown source field '" + key + "' (expected url, title, published, note)");
            }
            r.source = std::move(s);
          },
          "Where the report was published: {'url', 'title', 'published', 'note'}.")
      .def("__getitem__", [](const Report& r, const std::string& key) { return to_py(r.at(key)); }, py::arg("key"),
           "The cell's number (int or decimal.Decimal), or a Missing member saying why there is none.")
      .def("__setitem__", [](Report& r, const std::string& key, const py::object& v) { r.set(key, value_from_py(v)); })
      .def(
          "values",
          [](const Report& r) {
            py::dict out;
            for (std::size_t i = 0; i < r.form().size(); ++i)
              if (r[i].missing() != Missing::not_stated) out[py::str(r.form().cells()[i].key)] = to_py(r[i]);
            return out;
          },
          "Every cell the report states (numbers and printed blanks, dashes, slashes), by key.")
      .def_property_readonly("stated",
                             [](const Report& r) {
                               py::list out;
                               for (const auto& f : r.stated())
                                 out.append(py::dict(py::arg("kind") = std::string(to_string(f.kind)), py::arg("cell") = f.cell, py::arg("base") = f.base,
                                                     py::arg("value") = py::module_::import("decimal").attr("Decimal")(f.value.to_string()),
                                                     py::arg("text") = f.text,
                                                     py::arg("position") = f.position < 0 ? py::object(py::none()) : py::int_(f.position)));
                               return out;
                             })
      .def_property_readonly("extras",
                             [](const Report& r) {
                               py::list out;
                               for (const auto& e : r.extras())
                                 out.append(py::dict(py::arg("label") = e.label, py::arg("value") = to_py(e.value), py::arg("unit") = e.unit,
                                                     py::arg("text") = e.text, py::arg("position") = e.position < 0 ? py::object(py::none()) : py::int_(e.position)));
                               return out;
                             },
                             "Figures the report states that no cell of its form holds.")
      .def_property_readonly("statements", [](const Report& r) { return r.statements(); },
                             "What the report's text enumerates: a total and its parts (disclosure.extraction.Statement), in text order.")
      .def("add_extra",
           [](Report& r, const std::string& label, const py::object& value, const std::string& unit, const std::string& text, std::int64_t position) {
             r.add_extra({label, disclosure::python::value_from_py(value), unit, text, position});
           },
           py::arg("label"), py::arg("value"), py::arg("unit") = "", py::arg("text") = "", py::arg("position") = -1)
      .def("add_stated",
           [](Report& r, const std::string& kind, const std::string& cell, const py::object& value, const std::string& base, const std::string& text,
              std::int64_t position) {
             StatedFigure f;
             if (kind == "percentage") f.kind = StatedKind::percentage;
             else if (kind == "growth_rate") f.kind = StatedKind::growth_rate;
             else if (kind == "total") f.kind = StatedKind::total;
             else throw Error("unknown kind of stated figure '" + kind + "' (expected percentage, growth_rate or total)");
             f.cell = cell;
             f.base = base;
             f.value = disclosure::python::decimal_from_py(value);
             f.text = text;
             f.position = position;
             r.add_stated(std::move(f));
           },
           py::arg("kind"), py::arg("cell"), py::arg("value"), py::arg("base") = "", py::arg("text") = "", py::arg("position") = -1,
           "Records a figure the report prints about its cells, e.g. add_stated('percentage', 'requests.in_person.year', '49.79', base='requests.total.year').")
      .def("unit", [](const Report& r, const std::string& key) { return r.unit(r.form().index(key)); }, py::arg("key"),
           "The unit of the cell's value: the form's, or the one the report gives.")
      .def("set_unit", &Report::set_unit, py::arg("key"), py::arg("unit"))
      .def("__eq__", [](const Report& a, const Report& b) { return a == b; })
      .def("to_frame", disclosure::python::python_method("frames", "report_to_frame"),
           "to_frame(all_cells=False) -> DataFrame: the report's cells as a long DataFrame (disclosure.frames.report_to_frame).")
      .def_static("from_frame", disclosure::python::python_function("frames", "report_from_frame"),
                  "from_frame(frame, form=None, id=None, **metadata) -> Report: a report from a frame of to_frame() (disclosure.frames.report_from_frame).")
      .def("to_html", disclosure::python::python_method("display", "report_html"), "to_html(findings=None, lang=None, max_rows=MAX_ROWS) -> str: the report laid out like its printed tables (disclosure.display.report_html).")
      .def("_repr_html_", disclosure::python::python_method("display", "report_html"))
      .def("__repr__", disclosure::python::python_method("display", "report_repr"));

  m.def("read_reports_json", &io::read_reports_json, py::arg("path"), py::arg_v("forms", io::FormRegistry(), "..."),
        "Reads reports from a JSON file (format disclosure/reports@1).");
  m.def("parse_reports", &io::parse_reports_json, py::arg("text"), py::arg("source") = "<string>", py::arg_v("forms", io::FormRegistry(), "..."),
        R"doc(Reads reports from JSON text (format disclosure/reports@1); `source` names the text in error
messages, `forms` holds the user forms it may name.

>>> text = '''{"format": "disclosure/reports@1", "reports": [{"id": "r", "form": "ogi2008",
...           "values": {"requests.total.year": 5, "requests.online.year": {"missing": "blank"}}}]}'''
>>> [r] = disclosure.io.parse_reports(text)
>>> r["requests.total.year"], r["requests.online.year"]
(5, <Missing.blank: 2>))doc");
  m.def("reports_to_json", &io::reports_to_json, py::arg("reports"), R"doc(Reports as JSON text (format disclosure/reports@1), every value, kind of missing, stated
figure and extra kept; parse_reports reads it back.

>>> import json
>>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
>>> r["requests.total.year"] = 5; r["requests.online.year"] = disclosure.Missing.blank
>>> text = disclosure.io.reports_to_json([r])
>>> json.loads(text)["reports"][0]["values"]
{'requests.total.year': 5, 'requests.online.year': {'missing': 'blank'}}
>>> disclosure.io.parse_reports(text) == [r]
True)doc");
  m.def("read_reports_csv", &io::read_reports_csv, py::arg("path"), py::arg_v("forms", io::FormRegistry(), "..."), "Reads reports from a long-form CSV file.");
  m.def("parse_reports_csv", &io::parse_reports_csv, py::arg("text"), py::arg("source") = "<string>", py::arg_v("forms", io::FormRegistry(), "..."),
        R"doc(Reads reports from long-form CSV text (a row per report and cell, with the columns
reports_to_csv writes); `source` names the text in error messages.

>>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
>>> r["requests.total.year"] = 5; r["requests.online.year"] = disclosure.Missing.slash
>>> [back] = disclosure.io.parse_reports_csv(disclosure.io.reports_to_csv([r]), "mine.csv")
>>> back["requests.total.year"], back["requests.online.year"]
(5, <Missing.slash: 4>))doc");
  m.def("reports_to_csv", &io::reports_to_csv, py::arg("reports"), R"doc(Reports as long-form CSV text: a row per report, cell, stated figure, statement figure and extra, every value
and kind of missing kept; parse_reports_csv reads it back.

>>> r = disclosure.Report(disclosure.forms.ogi2008, "r", year=2018)
>>> r["requests.total.year"] = 5; r["requests.online.year"] = disclosure.Missing.blank
>>> text = disclosure.io.reports_to_csv([r])
>>> text.splitlines()[3]
'r,ogi2008,,2018,,,,value,requests.online.year,网络申请（本年度）,,blank,,,,,,,,,,,,'
>>> disclosure.io.parse_reports_csv(text) == [r]
True)doc");
  m.def("scope_label", [](const std::string& scope, const std::string& lang) { return scope_label(scope)(lang_from_string(lang)); }, py::arg("scope"),
        py::arg("lang") = "zh");

  py::class_<Share>(m, "Share", R"doc(One part of a breakdown over its base: both values, the exact fraction, the percentage under
the rounding asked for, and the percentage the report prints (or None).

>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> s = disclosure.shares(region, "requests.total.year", rounding=disclosure.Rounding.truncate)[0]
>>> s.part, s.part_value, s.base_value
('requests.in_person.year', 123, 247)
>>> s.fraction, s.percent, s.stated
(Fraction(123, 247), Decimal('49.79'), Decimal('49.79')))doc")
      .def_readonly("part", &Share::part)
      .def_readonly("base", &Share::base)
      .def_property_readonly("part_value", [](const Share& s) { return to_py(s.part_value); })
      .def_property_readonly("base_value", [](const Share& s) { return to_py(s.base_value); })
      .def_property_readonly("fraction", [](const Share& s) { return s.fraction ? to_py(*s.fraction) : py::none(); }, "fractions.Fraction, or None")
      .def_property_readonly("percent", [](const Share& s) { return to_py(s.percent); }, "decimal.Decimal under the policy, or None")
      .def_property_readonly("stated", [](const Share& s) {
        return s.stated ? py::module_::import("decimal").attr("Decimal")(s.stated->value.to_string()) : py::object(py::none());
      }, "the percentage the report prints, or None")
      .def_readonly("why_absent", &Share::why_absent)
      .def_readonly("part_derived", &Share::part_derived, "the part is a missing subtotal taken as the sum of its stated parts")
      .def_readonly("base_derived", &Share::base_derived)
      .def("__repr__", disclosure::python::python_method("display", "share_repr"));

  py::class_<CellChange>(m, "CellChange", R"doc(The change of one cell between two reports: both values, the absolute change, the exact
relative change and the rounded percentage (None, with the reason, when there is none).

>>> before = disclosure.Report(disclosure.forms.ogi2008, "2017", year=2017)
>>> after = disclosure.Report(disclosure.forms.ogi2008, "2018", year=2018)
>>> before["requests.total.year"] = 40; after["requests.total.year"] = 50
>>> c = disclosure.changes(before, after)[0]
>>> c.cell, c.before, c.after, c.absolute, c.relative, c.percent
('requests.total.year', 40, 50, 10, Fraction(1, 4), Decimal('25.00')))doc")
      .def_readonly("cell", &CellChange::cell)
      .def_readonly("before_cells", &CellChange::before_cells)
      .def_property_readonly("before", [](const CellChange& c) { return to_py(c.before); })
      .def_property_readonly("after", [](const CellChange& c) { return to_py(c.after); })
      .def_property_readonly("absolute", [](const CellChange& c) { return to_py(c.absolute); })
      .def_property_readonly("relative", [](const CellChange& c) { return c.relative ? to_py(*c.relative) : py::none(); }, "fractions.Fraction or None")
      .def_property_readonly("percent", [](const CellChange& c) { return to_py(c.percent); })
      .def_readonly("why_absent", &CellChange::why_absent)
      .def_readonly("series_break", &CellChange::series_break, "the reports are on different forms: categories may not mean the same")
      .def("__repr__", [](const CellChange& c) {
        return "<CellChange " + c.cell + " " + (c.before ? c.before->to_string() : "—") + " → " + (c.after ? c.after->to_string() : "—") + ">";
      });
  m.def("changes", [](const Report& before, const Report& after, int decimals, Rounding rounding) { return changes(before, after, {decimals, rounding}); },
        py::arg("before"), py::arg("after"), py::arg("decimals") = 2, py::arg("rounding") = Rounding::half_up,
        R"doc(The change of every cell that has a number in both reports, from `before` to `after`, exact; a
row the later form splits is compared with the sum of its sub-rows.

>>> before = disclosure.Report(disclosure.forms.ogi2008, "2017", year=2017)
>>> after = disclosure.Report(disclosure.forms.ogi2008, "2018", year=2018)
>>> before["requests.total.year"] = 40; after["requests.total.year"] = 50
>>> before["requests.online.year"] = 0; after["requests.online.year"] = 3
>>> [(c.cell, c.absolute, c.percent, c.why_absent) for c in disclosure.changes(before, after)]
[('requests.total.year', 10, Decimal('25.00'), ''), ('requests.online.year', 3, None, 'before is 0')])doc");
  m.def(
      "map_to_ogi2019",
      [](const Report& r) {
        auto mapped = map_to_ogi2019(r, forms::ogi2019());
        return py::make_tuple(mapped.report, mapped.unmapped);
      },
      py::arg("report"),
      R"doc(A pre-2019 (ogi2008) report on the 2019 categories (an analyst's mapping, a series break):
(report, cells that could not be placed).

>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> mapped, unmapped = disclosure.map_to_ogi2019(region)
>>> mapped.form.key, mapped["applications.new.total"], mapped["applications.outcome.granted.total"]   # 130 + 76
('ogi2019', 247, 206)
>>> unmapped
['litigation.total.year', 'responses.other_route.year', 'responses.refused.year'])doc");
  m.def("series_of", [](const Report& r) { return series_of(r); }, py::arg("report"),
        R"doc(The series a report belongs to, the key its years are paired on: its ``series`` when it names one,
else its issuer and scope joined by "|", as written (no normalisation of widths, spaces or suffixes).

>>> a = disclosure.Report(disclosure.forms.ogi2008, "a", issuer="齐齐哈尔市人民政府", year=2016, scope="region")
>>> disclosure._core.series_of(a)
'齐齐哈尔市人民政府|region')doc");
  m.def(
      "growth_series",
      [](const std::vector<Report>& reports, const std::string& cell) {
        std::vector<const Report*> ptrs;
        for (const auto& r : reports) ptrs.push_back(&r);
        GrowthSeries g = growth_series(ptrs, cell);
        py::list points;
        for (const auto& p : g.points)
          points.append(py::dict(py::arg("year") = p.year, py::arg("report") = p.report, py::arg("value") = to_py(p.value),
                                 py::arg("change") = to_py(p.change), py::arg("factor") = p.factor ? to_py(*p.factor) : py::none()));
        return py::dict(py::arg("cell") = g.cell, py::arg("points") = points, py::arg("cagr") = g.cagr ? py::object(py::float_(*g.cagr)) : py::none());
      },
      py::arg("reports"), py::arg("cell"),
      R"doc(One cell over the reports of a series, by year: value, change and growth factor (exact) per
year, and the compound annual growth (a float).

>>> a = disclosure.Report(disclosure.forms.ogi2008, "a", year=2016); a["requests.total.year"] = 40
>>> b = disclosure.Report(disclosure.forms.ogi2008, "b", year=2018); b["requests.total.year"] = 90
>>> g = disclosure.checks.growth_series([a, b], "requests.total.year")
>>> [(p["year"], p["value"], p["change"], p["factor"]) for p in g["points"]]
[(2016, 40, None, None), (2018, 90, 50, Fraction(9, 4))]
>>> g["cagr"]
0.5)doc");
  m.def(
      "implied_previous", [](const py::object& value, const py::object& rate) {
        return implied_previous(disclosure::python::decimal_from_py(value), disclosure::python::decimal_from_py(rate));
      },
      py::arg("value"), py::arg("rate"), R"doc(The whole previous values a stated growth rate implies (the rate taken at its printed decimals).

>>> disclosure.checks.implied_previous(179, 10)       # "179件，同比增长10%"
[162, 163]
>>> disclosure.checks.implied_previous(179, "10.5")
[162])doc");
  m.def(
      "largest_remainder_percent",
      [](const std::vector<py::object>& parts, int decimals) {
        std::vector<Decimal> ds;
        for (const auto& p : parts) ds.push_back(disclosure::python::decimal_from_py(p));
        py::list out;
        for (const auto& d : largest_remainder_percent(ds, decimals)) out.append(to_py(d));
        return out;
      },
      py::arg("parts"), py::arg("decimals") = 2, R"doc(Percentages of a partition's parts that sum to exactly 100 (largest-remainder rounding).

>>> disclosure.checks.largest_remainder_percent([1, 1, 1])
[Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
>>> disclosure.checks.largest_remainder_percent([1, 1, 1], decimals=0)
[34, 33, 33])doc");

  py::class_<IndicatorValue>(m, "IndicatorValue", R"doc(A derived indicator of one report (公开率, 结转率 …): its operands, the exact fraction, the rounded
percentage, and its formula in words; the operands without a number when it has none.

>>> r = disclosure.Report(disclosure.forms.ogi2008, "r")
>>> r["responses.total.year"] = 10; r["responses.already_public.year"] = 2; r["responses.granted.year"] = 3
>>> rate = disclosure.indicators(r)[0]
>>> rate.key, rate.percent, rate.missing
('disclosure_rate', None, ['responses.partially_granted.year'])
>>> r["responses.partially_granted.year"] = 1
>>> rate = disclosure.indicators(r)[0]
>>> rate.numerator, rate.denominator, rate.percent, rate.formula("en")
(6, 10, Decimal('60.00'), '(already public + disclosed + partly disclosed) ÷ requests answered'))doc")
      .def_readonly("key", &IndicatorValue::key)
      .def_property_readonly("label_zh", [](const IndicatorValue& v) { return v.label.zh; })
      .def_property_readonly("label_en", [](const IndicatorValue& v) { return v.label.en; })
      .def("formula", [](const IndicatorValue& v, const std::optional<std::string>& lang) { return v.formula(disclosure::python::message_lang(lang)); },
           py::arg("lang") = py::none(), "The indicator's formula in words, in `lang` ('zh' or 'en'; default: disclosure.get_language()).")
      .def_property_readonly("numerator", [](const IndicatorValue& v) { return to_py(v.numerator); })
      .def_property_readonly("denominator", [](const IndicatorValue& v) { return to_py(v.denominator); })
      .def_property_readonly("fraction", [](const IndicatorValue& v) { return v.fraction ? to_py(*v.fraction) : py::none(); })
      .def_property_readonly("percent", [](const IndicatorValue& v) { return to_py(v.percent); })
      .def_readonly("missing", &IndicatorValue::missing, "operands without a number (then the indicator is not assessable)")
      .def_readonly("why_absent", &IndicatorValue::why_absent)
      .def("__repr__", [](const IndicatorValue& v) {
        return "<IndicatorValue " + v.key + " = " + (v.percent ? v.percent->to_string() + "%" : "— (" + v.why_absent + ")") + ">";
      });
  m.def("indicators", [](const Report& r, int decimals, Rounding rounding) { return indicators(r, {decimals, rounding}); }, py::arg("report"),
        py::arg("decimals") = 2, py::arg("rounding") = Rounding::half_up,
        R"doc(Every built-in indicator defined for the report's form (公开率, 结转率, 复议纠错率, 败诉率, 办复率 …),
a list of IndicatorValue.

>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> [(i.key, i.percent) for i in disclosure.indicators(region)]  # doctest: +NORMALIZE_WHITESPACE
[('disclosure_rate', None), ('npc_answer_rate', None), ('cppcc_answer_rate', None),
 ('normative_disclosure_rate', Decimal('100.00'))])doc");

  m.def(
      "shares",
      [](const Report& r, const std::optional<std::string>& base, int decimals, Rounding rounding, const std::optional<std::vector<std::string>>& over) -> py::object {
        RoundingPolicy policy{decimals, rounding};
        if (over) {
          if (!base) throw Error("shares(..., over=[…]) needs the breakdown as `base`");
          return py::cast(shares_over(r, *base, *over, policy));
        }
        if (base) return py::cast(shares(r, *base, policy));
        return py::cast(shares(r, policy));
      },
      py::arg("report"), py::arg("base") = py::none(), py::arg("decimals") = 2, py::arg("rounding") = Rounding::half_up, py::arg("over") = py::none(),
      R"doc(Shares of the parts of `base`'s breakdown (a list of Share); without `base`, of every partition whose total has a
number (a list of such lists). With `over=[cells]`, the parts of `base`'s breakdown over the sum of those cells instead.
disclosure.shares wraps it, returning lists that display themselves.

>>> region, city = disclosure.read_reports("examples/data/qiqihar-2018.json")
>>> [s.percent for s in disclosure._core.shares(region, "requests.total.year", 2, disclosure.Rounding.truncate)]
[Decimal('49.79'), None, Decimal('39.27'), Decimal('10.93'), None])doc");
}
