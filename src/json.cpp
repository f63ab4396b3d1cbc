// Reading and writing reports and check results as JSON (see disclosure/io/json.hpp).
#include "disclosure/io/json.hpp"

#include <cmath>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "disclosure/forms/builtin.hpp"
#include "disclosure/summary.hpp"
#include "json_where.hpp"
#include "statement_json.hpp"

namespace disclosure::io {
namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

using detail::get_string;
using detail::only_keys;
using detail::require;
using detail::Where;

std::string type_name(const json& j) { return j.type_name(); }

Value read_value(const json& j, const Where& w) {
  try {
    if (j.is_number_integer()) {
      if (j.is_number_unsigned() && j.get<std::uint64_t>() > static_cast<std::uint64_t>(Decimal::max_units))
        w.fail("number " + j.dump() + " is beyond the supported magnitude 2^53");
      return Value(Decimal(j.get<std::int64_t>()));
    }
    if (j.is_number_float() && std::abs(j.get<double>()) > static_cast<double>(Decimal::max_units))
      w.fail("number " + j.dump() + " is beyond the supported magnitude 2^53");
    if (j.is_number_float()) w.fail("write non-integers as strings so their digits stay exact (e.g. \"37.68\"), got " + j.dump());
    if (j.is_string()) return Value(Decimal::parse(j.get<std::string>()));
    if (j.is_object() && j.contains("number")) {
      only_keys(j, {"number", "unit"}, w);
      return read_value(j["number"], w.at("number"));
    }
    if (j.is_object()) {
      only_keys(j, {"missing"}, w);
      std::string kind = get_string(require(j, "missing", w), w.at("missing"));
      auto m = missing_from_string(kind);
      if (!m || *m == Missing::none || *m == Missing::not_stated)
        w.fail("unknown kind of missing \"" + kind + "\" (expected blank, dash, slash or not_applicable; leave a cell out when the report does not state it)");
      return Value::absent(*m);
    }
  } catch (const ParseError&) {
    throw;
  } catch (const Error& e) {
    w.fail(e.what());
  }
  w.fail("expected a number, a decimal string or {\"missing\": …}, got " + type_name(j));
}

std::int64_t read_position(const json& j, const Where& w) {
  if (!j.is_number_integer() || j.get<std::int64_t>() < 0) w.fail("expected a character offset (a whole number ≥ 0), got " + j.dump());
  return j.get<std::int64_t>();
}

Report read_report(const json& j, const Where& w, const FormRegistry& forms) {
  if (!j.is_object()) w.fail("expected a report object, got " + type_name(j));
  only_keys(j, {"id", "form", "issuer", "year", "scope", "within", "series", "source", "values", "stated", "extras", "statements"}, w);
  std::shared_ptr<const Form> form;
  try {
    form = forms.get(get_string(require(j, "form", w), w.at("form")));
  } catch (const KeyError& e) {
    w.at("form").fail(e.what());
  }
  Report r(form, get_string(require(j, "id", w), w.at("id")));
  if (j.contains("issuer")) r.issuer = get_string(j["issuer"], w.at("issuer"));
  if (j.contains("year")) {
    if (!j["year"].is_number_integer()) w.at("year").fail("expected a whole year, got " + j["year"].dump());
    r.year = j["year"].get<int>();
  }
  if (j.contains("scope")) r.scope = get_string(j["scope"], w.at("scope"));
  if (j.contains("within")) r.within = get_string(j["within"], w.at("within"));
  if (j.contains("series")) r.series = get_string(j["series"], w.at("series"));
  if (j.contains("source")) {
    const json& s = j["source"];
    Where ws = w.at("source");
    if (!s.is_object()) ws.fail("expected an object, got " + type_name(s));
    only_keys(s, {"url", "title", "published", "note"}, ws);
    if (s.contains("url")) r.source.url = get_string(s["url"], ws.at("url"));
    if (s.contains("title")) r.source.title = get_string(s["title"], ws.at("title"));
    if (s.contains("published")) r.source.published = get_string(s["published"], ws.at("published"));
    if (s.contains("note")) r.source.note = get_string(s["note"], ws.at("note"));
  }
  if (j.contains("values")) {
    const json& values = j["values"];
    Where wv = w.at("values");
    if (!values.is_object()) wv.fail("expected an object of cell key → value, got " + type_name(values));
    for (auto it = values.begin(); it != values.end(); ++it) {
      Where wc = wv.at(it.key());
      try {
        r.set(it.key(), read_value(it.value(), wc));
        if (it.value().is_object() && it.value().contains("unit")) r.set_unit(it.key(), get_string(it.value()["unit"], wc.at("unit")));
      } catch (const ParseError&) {
        throw;
      } catch (const Error& e) {
        wc.fail(e.what());
      }
    }
  }
  if (j.contains("stated")) {
    const json& stated = j["stated"];
    Where ws = w.at("stated");
    if (!stated.is_array()) ws.fail("expected an array, got " + type_name(stated));
    for (std::size_t i = 0; i < stated.size(); ++i) {
      const json& s = stated[i];
      Where wi = ws.at(i);
      if (!s.is_object()) wi.fail("expected an object, got " + type_name(s));
      only_keys(s, {"kind", "cell", "base", "value", "text", "position"}, wi);
      StatedFigure f;
      std::string kind = get_string(require(s, "kind", wi), wi.at("kind"));
      if (kind == "percentage") f.kind = StatedKind::percentage;
      else if (kind == "growth_rate") f.kind = StatedKind::growth_rate;
      else if (kind == "total") f.kind = StatedKind::total;
      else wi.at("kind").fail("unknown kind \"" + kind + "\" (expected percentage, growth_rate or total)");
      f.cell = get_string(require(s, "cell", wi), wi.at("cell"));
      if (s.contains("base")) f.base = get_string(s["base"], wi.at("base"));
      const json& v = require(s, "value", wi);
      if (!v.is_string()) wi.at("value").fail("expected the figure as printed, as a string (e.g. \"49.79\"), got " + v.dump());
      try {
        f.value = Decimal::parse(v.get<std::string>());
      } catch (const Error& e) {
        wi.at("value").fail(e.what());
      }
      if (s.contains("text")) f.text = get_string(s["text"], wi.at("text"));
      if (s.contains("position")) f.position = read_position(s["position"], wi.at("position"));
      try {
        r.add_stated(std::move(f));
      } catch (const Error& e) {
        wi.fail(e.what());
      }
    }
  }
  if (j.contains("extras")) {
    const json& extras = j["extras"];
    Where we = w.at("extras");
    if (!extras.is_array()) we.fail("expected an array, got " + type_name(extras));
    for (std::size_t i = 0; i < extras.size(); ++i) {
      const json& e = extras[i];
      Where wi = we.at(i);
      if (!e.is_object()) wi.fail("expected an object, got " + type_name(e));
      only_keys(e, {"label", "value", "unit", "text", "position"}, wi);
      Extra x;
      x.label = get_string(require(e, "label", wi), wi.at("label"));
      if (x.label.empty()) wi.at("label").fail("an extra figure needs a label");
      x.value = read_value(require(e, "value", wi), wi.at("value"));
      if (e.contains("unit")) x.unit = get_string(e["unit"], wi.at("unit"));
      if (e.contains("text")) x.text = get_string(e["text"], wi.at("text"));
      if (e.contains("position")) x.position = read_position(e["position"], wi.at("position"));
      r.add_extra(std::move(x));
    }
  }
  if (j.contains("statements")) {
    const json& statements = j["statements"];
    Where ws = w.at("statements");
    if (!statements.is_array()) ws.fail("expected an array, got " + type_name(statements));
    for (std::size_t i = 0; i < statements.size(); ++i) {
      try {
        r.add_statement(detail::read_statement(statements[i], ws.at(i)));
      } catch (const ParseError&) {
        throw;
      } catch (const Error& e) {
        ws.at(i).fail(e.what());
      }
    }
  }
  return r;
}

// Counts as JSON integers, decimals as strings with their printed digits ("8.90"), in check@1 as in
// reports@1: a double would drop digits.
ordered number_json(Decimal d) {
  if (d.is_integer()) return ordered(d.units());
  return ordered(d.to_string());
}

ordered value_json(const Value& v) {
  if (v.has_number()) return v.number().is_integer() ? ordered(v.number().units()) : ordered(v.number().to_string());
  return ordered{{"missing", std::string(to_string(v.missing()))}};
}

}  // namespace

std::vector<Report> parse_reports_json(std::string_view text, const std::string& source, const FormRegistry& forms) {
  json doc = detail::parse_document(text, source);
  Where root{source, "$"};
  std::vector<Report> out;
  if (doc.is_object() && doc.contains("reports")) {
    only_keys(doc, {"format", "reports"}, root);
    if (doc.contains("format") && get_string(doc["format"], root.at("format")) != reports_format)
      root.at("format").fail("unsupported format \"" + doc["format"].get<std::string>() + "\" (this version reads " + std::string(reports_format) + ")");
    const json& reports = doc["reports"];
    if (!reports.is_array()) root.at("reports").fail("expected an array, got " + type_name(reports));
    for (std::size_t i = 0; i < reports.size(); ++i) out.push_back(read_report(reports[i], root.at("reports").at(i), forms));
  } else if (doc.is_object()) {
    out.push_back(read_report(doc, root, forms));
  } else {
    root.fail("expected an object with \"reports\", or one report object, got " + type_name(doc));
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!ids.insert(out[i].id()).second) root.at("reports").at(i).at("id").fail("duplicate report id \"" + out[i].id() + "\"");
  return out;
}

std::vector<Report> read_reports_json(const std::string& path, const FormRegistry& forms) {
  return parse_reports_json(detail::read_file(path), path, forms);
}

std::string reports_to_json(const std::vector<Report>& reports) {
  ordered doc;
  doc["format"] = std::string(reports_format);
  doc["reports"] = ordered::array();
  for (const auto& r : reports) {
    ordered j;
    j["id"] = r.id();
    j["form"] = r.form().key();
    j["issuer"] = r.issuer;
    j["year"] = r.year;
    j["scope"] = r.scope;
    if (!r.within.empty()) j["within"] = r.within;
    if (!r.series.empty()) j["series"] = r.series;
    j["source"] = {{"url", r.source.url}, {"title", r.source.title}, {"published", r.source.published}, {"note", r.source.note}};
    ordered values = ordered::object();
    for (std::size_t i = 0; i < r.form().size(); ++i) {
      if (r[i].missing() == Missing::not_stated) continue;
      ordered v = value_json(r[i]);
      if (r.unit_overrides().count(i)) v = ordered{{"number", v}, {"unit", r.unit(i)}};
      values[r.form().cells()[i].key] = v;
    }
    j["values"] = values;
    ordered stated = ordered::array();
    for (const auto& f : r.stated()) {
      ordered s{{"kind", std::string(to_string(f.kind))}, {"cell", f.cell}};
      if (!f.base.empty()) s["base"] = f.base;
      s["value"] = f.value.to_string();
      s["text"] = f.text;
      if (f.position >= 0) s["position"] = f.position;
      stated.push_back(s);
    }
    j["stated"] = stated;
    ordered extras = ordered::array();
    for (const auto& e : r.extras()) {
      ordered x{{"label", e.label}, {"value", value_json(e.value)}, {"unit", e.unit}, {"text", e.text}};
      if (e.position >= 0) x["position"] = e.position;
      extras.push_back(x);
    }
    j["extras"] = extras;
    if (!r.statements().empty()) {
      ordered statements = ordered::array();
      for (const auto& st : r.statements()) statements.push_back(detail::statement_json(st));
      j["statements"] = statements;
    }
    doc["reports"].push_back(j);
  }
  return doc.dump(2, ' ', false) + "\n";
}

std::string check_result_to_json(const std::vector<Report>& reports, const std::vector<Finding>& findings) {
  ordered doc;
  doc["format"] = std::string(check_format);
  doc["reports"] = ordered::array();
  for (const auto& r : reports)
    doc["reports"].push_back({{"id", r.id()}, {"form", r.form().key()}, {"issuer", r.issuer}, {"year", r.year}, {"scope", r.scope}});
  doc["findings"] = ordered::array();
  std::map<std::string, std::size_t> counts{{"PASS", 0}, {"FAIL", 0}, {"NOT_ASSESSABLE", 0}, {"ERROR", 0}};
  for (const auto& f : findings) {
    ++counts[std::string(to_string(f.status))];
    ordered cells = ordered::array();
    for (const auto& c : f.cells) {
      ordered cj{{"key", c.key}, {"side", c.side == Side::lhs ? "lhs" : "rhs"}};
      cj["value"] = c.value.has_number() ? number_json(c.value.number()) : ordered(nullptr);
      cj["missing"] = c.value.has_number() ? ordered(nullptr) : ordered(std::string(to_string(c.value.missing())));
      cells.push_back(cj);
    }
    ordered j;
    j["report"] = f.report;
    j["rule"] = f.rule;
    j["status"] = std::string(to_string(f.status));
    j["severity"] = std::string(to_string(f.severity));
    j["comparison"] = std::string(to_string(f.comparison));
    j["cells"] = cells;
    j["lhs"] = f.lhs ? number_json(*f.lhs) : ordered(nullptr);
    j["rhs"] = f.rhs ? number_json(*f.rhs) : ordered(nullptr);
    j["difference"] = f.difference ? number_json(*f.difference) : ordered(nullptr);
    j["tolerance"] = number_json(f.tolerance);
    j["rounding"] = f.rounding ? ordered{{"decimals", f.rounding->decimals}, {"mode", std::string(to_string(f.rounding->mode))}} : ordered(nullptr);
    j["read_as_zero"] = f.read_as_zero;
    j["derived"] = f.derived;
    ordered suggestions = ordered::array();
    for (const auto& sg : f.suggestions)
      suggestions.push_back({{"cell", sg.cell}, {"from", sg.from.has_number() ? number_json(sg.from.number()) : ordered(nullptr)},
                             {"to", number_json(sg.to)}, {"kind", std::string(to_string(sg.kind))}, {"message", {{"zh", sg.message.zh}, {"en", sg.message.en}}}});
    j["suggestions"] = suggestions;
    j["edit_sets"] = f.edit_sets;
    j["implied"] = f.implied;
    j["basis"] = {{"kind", std::string(to_string(f.basis.kind))}, {"note", f.basis.note}};
    j["message"] = {{"zh", f.message.zh}, {"en", f.message.en}};
    doc["findings"].push_back(j);
  }
  ordered rules = ordered::array();
  for (const auto& r : summarise(findings))
    rules.push_back({{"rule", r.rule}, {"items", r.items}, {"passes", r.passes}, {"fails", r.fails}, {"not_assessable", r.not_assessable}, {"errors", r.errors}});
  doc["summary"] = {{"reports", reports.size()}, {"findings", findings.size()}, {"by_status", counts}, {"rules", rules}};
  return doc.dump(2, ' ', false) + "\n";
}

}  // namespace disclosure::io
