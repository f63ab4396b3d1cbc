// Forms as JSON (see disclosure/io/form_json.hpp).
#include "disclosure/io/form_json.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "disclosure/forms/builtin.hpp"
#include "disclosure/rule_language.hpp"
#include "json_where.hpp"

namespace disclosure::io {
namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;
using detail::Where;

Label read_label(const json& j, const Where& w) {
  if (!j.is_object()) w.fail("expected {\"zh\": …, \"en\": …}, got " + std::string(j.type_name()));
  detail::only_keys(j, {"zh", "en"}, w);
  Label l;
  if (j.contains("zh")) l.zh = detail::get_string(j["zh"], w.at("zh"));
  if (j.contains("en")) l.en = detail::get_string(j["en"], w.at("en"));
  return l;
}

Relation read_relation(const json& j, const Where& w) {
  std::string s = detail::get_string(j, w);
  for (Relation r : {Relation::none, Relation::partition, Relation::overlapping})
    if (to_string(r) == s) return r;
  w.fail("unknown relation \"" + s + "\" (expected none, partition or overlapping)");
}

int read_int(const json& j, const Where& w) {
  if (!j.is_number_integer()) w.fail("expected a whole number, got " + j.dump());
  return j.get<int>();
}

bool read_bool(const json& j, const Where& w) {
  if (!j.is_boolean()) w.fail("expected true or false, got " + j.dump());
  return j.get<bool>();
}

Category read_category(const json& j, const Where& w, int depth) {
  if (depth > 32) w.fail("categories nested more than 32 deep");
  if (!j.is_object()) w.fail("expected a category object, got " + std::string(j.type_name()));
  detail::only_keys(j, {"key", "label", "aliases", "relation", "derived", "parts_label", "total_label", "unit", "decimals", "allow_negative", "children"}, w);
  Category c;
  c.key = detail::get_string(detail::require(j, "key", w), w.at("key"));
  if (!is_valid_key_segment(c.key)) w.at("key").fail("\"" + c.key + "\" is not a key segment (lower-case ASCII letters, digits, '_')");
  if (j.contains("label")) c.label = read_label(j["label"], w.at("label"));
  if (j.contains("aliases")) {
    if (!j["aliases"].is_array()) w.at("aliases").fail("expected an array of strings");
    for (std::size_t i = 0; i < j["aliases"].size(); ++i) c.aliases.push_back(detail::get_string(j["aliases"][i], w.at("aliases").at(i)));
  }
  if (j.contains("relation")) c.relation = read_relation(j["relation"], w.at("relation"));
  if (j.contains("derived")) c.derived = read_bool(j["derived"], w.at("derived"));
  if (j.contains("parts_label")) c.parts_label = read_label(j["parts_label"], w.at("parts_label"));
  if (j.contains("total_label")) c.total_label = read_label(j["total_label"], w.at("total_label"));
  if (j.contains("unit")) c.unit = detail::get_string(j["unit"], w.at("unit"));
  if (j.contains("decimals")) c.decimals = read_int(j["decimals"], w.at("decimals"));
  if (j.contains("allow_negative")) c.allow_negative = read_bool(j["allow_negative"], w.at("allow_negative"));
  if (j.contains("children")) {
    if (!j["children"].is_array()) w.at("children").fail("expected an array of categories");
    for (std::size_t i = 0; i < j["children"].size(); ++i) c.children.push_back(read_category(j["children"][i], w.at("children").at(i), depth + 1));
  }
  return c;
}

Dimension read_dimension(const json& j, const Where& w) {
  if (!j.is_object()) w.fail("expected a dimension object");
  detail::only_keys(j, {"key", "label", "root"}, w);
  Dimension d;
  d.key = detail::get_string(detail::require(j, "key", w), w.at("key"));
  if (j.contains("label")) d.label = read_label(j["label"], w.at("label"));
  d.root = read_category(detail::require(j, "root", w), w.at("root"), 0);
  return d;
}

// The fields a rule has in both form files and rule files: severity, basis and texts.
void read_rule_details(const json& j, const Where& w, RuleSpec& r) {
  if (j.contains("severity")) {
    std::string s = detail::get_string(j["severity"], w.at("severity"));
    if (s == "error") r.severity = Severity::error;
    else if (s == "warning") r.severity = Severity::warning;
    else if (s == "info") r.severity = Severity::info;
    else w.at("severity").fail("unknown severity \"" + s + "\" (expected error, warning or info)");
  }
  r.basis.kind = BasisKind::user;
  if (j.contains("basis")) {
    const json& b = j["basis"];
    Where wb = w.at("basis");
    if (!b.is_object()) wb.fail("expected {\"kind\", \"note\"}");
    detail::only_keys(b, {"kind", "note"}, wb);
    std::string k = detail::get_string(detail::require(b, "kind", wb), wb.at("kind"));
    bool found = false;
    for (BasisKind bk : {BasisKind::printed, BasisKind::implied, BasisKind::heuristic, BasisKind::user})
      if (to_string(bk) == k) { r.basis.kind = bk; found = true; }
    if (!found) wb.at("kind").fail("unknown basis \"" + k + "\" (expected printed, implied, heuristic or user)");
    if (b.contains("note")) r.basis.note = detail::get_string(b["note"], wb.at("note"));
  }
  if (j.contains("lhs_text")) r.lhs_text = read_label(j["lhs_text"], w.at("lhs_text"));
  if (j.contains("rhs_text")) r.rhs_text = read_label(j["rhs_text"], w.at("rhs_text"));
}

RuleSpec read_rule(const json& j, const Where& w) {
  if (!j.is_object()) w.fail("expected a rule object");
  detail::only_keys(j, {"id", "lhs", "rhs", "comparison", "severity", "basis", "lhs_text", "rhs_text"}, w);
  RuleSpec r;
  r.id = detail::get_string(detail::require(j, "id", w), w.at("id"));
  for (const char* side : {"lhs", "rhs"}) {
    const json& s = detail::require(j, side, w);
    if (!s.is_array() || s.empty()) w.at(side).fail("expected a non-empty array of cell keys");
    for (std::size_t i = 0; i < s.size(); ++i) (side[0] == 'l' ? r.lhs : r.rhs).push_back(detail::get_string(s[i], w.at(side).at(i)));
  }
  if (j.contains("comparison")) {
    std::string c = detail::get_string(j["comparison"], w.at("comparison"));
    if (c == "==") r.comparison = Comparison::equal;
    else if (c == "<=") r.comparison = Comparison::less_equal;
    else w.at("comparison").fail("unknown comparison \"" + c + "\" (expected == or <=)");
  }
  read_rule_details(j, w, r);
  return r;
}

std::string join_terms(const std::vector<std::string>& terms) {
  std::string s;
  for (const auto& t : terms) s += (s.empty() ? "" : " + ") + (t.find('*') == std::string::npos ? t : "sum(" + t + ")");
  return s;
}

ordered label_json(const Label& l) { return ordered{{"zh", l.zh}, {"en", l.en}}; }

ordered category_json(const Category& c) {
  ordered j{{"key", c.key}, {"label", label_json(c.label)}};
  if (!c.aliases.empty()) j["aliases"] = c.aliases;
  if (c.relation != Relation::none) j["relation"] = std::string(to_string(c.relation));
  if (c.derived) j["derived"] = true;
  if (!(c.parts_label == Label{})) j["parts_label"] = label_json(c.parts_label);
  if (!(c.total_label == Label{})) j["total_label"] = label_json(c.total_label);
  if (!c.unit.empty()) j["unit"] = c.unit;
  if (c.decimals >= 0) j["decimals"] = c.decimals;
  if (c.allow_negative) j["allow_negative"] = true;
  if (!c.children.empty()) {
    j["children"] = ordered::array();
    for (const auto& child : c.children) j["children"].push_back(category_json(child));
  }
  return j;
}

std::vector<std::string> read_strings(const json& j, const Where& w) {
  if (!j.is_array()) w.fail("expected an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < j.size(); ++i) out.push_back(detail::get_string(j[i], w.at(i)));
  return out;
}

template <class T, class Read>
std::vector<T> read_array(const json& j, const Where& w, Read read) {
  if (!j.is_array()) w.fail("expected an array");
  std::vector<T> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_object()) w.at(i).fail("expected an object");
    out.push_back(read(j[i], w.at(i)));
  }
  return out;
}

// "years": which cells continue the year before (disclosure/year_links.hpp).
YearLinks read_years(const json& j, const Where& w) {
  if (!j.is_object()) w.fail("expected {\"carry_over\", \"running_totals\", \"roll_forward\"}");
  detail::only_keys(j, {"carry_over", "running_totals", "roll_forward"}, w);
  auto str = [](const json& o, const char* k, const Where& wo) { return detail::get_string(detail::require(o, k, wo), wo.at(k)); };
  YearLinks y;
  if (j.contains("carry_over"))
    y.carry_over = read_array<CarryOver>(j["carry_over"], w.at("carry_over"), [&](const json& o, const Where& wo) {
      detail::only_keys(o, {"this_year", "last_year"}, wo);
      return CarryOver{str(o, "this_year", wo), str(o, "last_year", wo)};
    });
  if (j.contains("running_totals"))
    y.running_totals = read_array<RunningTotal>(j["running_totals"], w.at("running_totals"), [&](const json& o, const Where& wo) {
      detail::only_keys(o, {"running", "period"}, wo);
      return RunningTotal{str(o, "running", wo), str(o, "period", wo)};
    });
  if (j.contains("roll_forward"))
    y.roll_forward = read_array<RollForward>(j["roll_forward"], w.at("roll_forward"), [&](const json& o, const Where& wo) {
      detail::only_keys(o, {"rule", "rows", "stock", "added", "removed", "label", "note"}, wo);
      RollForward r{str(o, "rule", wo), read_strings(detail::require(o, "rows", wo), wo.at("rows")), str(o, "stock", wo), str(o, "added", wo),
                    str(o, "removed", wo), {}, {}};
      if (o.contains("label")) r.label = read_label(o["label"], wo.at("label"));
      if (o.contains("note")) r.note = detail::get_string(o["note"], wo.at("note"));
      return r;
    });
  return y;
}

std::vector<Term> read_terms(const json& j, const Where& w) {
  return read_array<Term>(j, w, [](const json& o, const Where& wo) {
    detail::only_keys(o, {"cell", "sign"}, wo);
    Term t{detail::get_string(detail::require(o, "cell", wo), wo.at("cell")), 1};
    if (o.contains("sign")) t.sign = read_int(o["sign"], wo.at("sign"));
    if (t.sign != 1 && t.sign != -1) wo.at("sign").fail("expected 1 or -1");
    return t;
  });
}

// "indicators": what analysts compute from the form (disclosure/indicator.hpp).
std::vector<Indicator> read_indicators(const json& j, const Where& w) {
  return read_array<Indicator>(j, w, [](const json& o, const Where& wo) {
    detail::only_keys(o, {"key", "label", "numerator", "denominator", "formula", "source"}, wo);
    Indicator ind;
    ind.key = detail::get_string(detail::require(o, "key", wo), wo.at("key"));
    if (o.contains("label")) ind.label = read_label(o["label"], wo.at("label"));
    ind.numerator = read_terms(detail::require(o, "numerator", wo), wo.at("numerator"));
    ind.denominator = read_terms(detail::require(o, "denominator", wo), wo.at("denominator"));
    if (o.contains("formula")) ind.formula = read_label(o["formula"], wo.at("formula"));
    if (o.contains("source")) ind.source = detail::get_string(o["source"], wo.at("source"));
    return ind;
  });
}

ordered years_json(const YearLinks& y) {
  ordered j = ordered::object();
  if (!y.carry_over.empty()) {
    j["carry_over"] = ordered::array();
    for (const auto& c : y.carry_over) j["carry_over"].push_back({{"this_year", c.this_year}, {"last_year", c.last_year}});
  }
  if (!y.running_totals.empty()) {
    j["running_totals"] = ordered::array();
    for (const auto& r : y.running_totals) j["running_totals"].push_back({{"running", r.running}, {"period", r.period}});
  }
  if (!y.roll_forward.empty()) {
    j["roll_forward"] = ordered::array();
    for (const auto& r : y.roll_forward)
      j["roll_forward"].push_back({{"rule", r.rule}, {"rows", r.rows}, {"stock", r.stock}, {"added", r.added}, {"removed", r.removed},
                                   {"label", label_json(r.label)}, {"note", r.note}});
  }
  return j;
}

ordered terms_json(const std::vector<Term>& terms) {
  ordered out = ordered::array();
  for (const auto& t : terms) out.push_back(t.sign == 1 ? ordered{{"cell", t.cell}} : ordered{{"cell", t.cell}, {"sign", t.sign}});
  return out;
}

ordered indicators_json(const std::vector<Indicator>& indicators) {
  ordered out = ordered::array();
  for (const auto& i : indicators)
    out.push_back({{"key", i.key}, {"label", label_json(i.label)}, {"numerator", terms_json(i.numerator)}, {"denominator", terms_json(i.denominator)},
                   {"formula", label_json(i.formula)}, {"source", i.source}});
  return out;
}

ordered dimension_json(const Dimension& d) { return ordered{{"key", d.key}, {"label", label_json(d.label)}, {"root", category_json(d.root)}}; }

}  // namespace

std::shared_ptr<const Form> parse_form_json(std::string_view text, const std::string& source) {
  json doc = detail::parse_document(text, source);
  Where root{source, "$"};
  if (!doc.is_object()) root.fail("expected a form object, got " + std::string(doc.type_name()));
  detail::only_keys(doc, {"format", "key", "label", "tables", "rules", "years", "indicators"}, root);
  if (doc.contains("format") && detail::get_string(doc["format"], root.at("format")) != form_format)
    root.at("format").fail("unsupported format (this version reads " + std::string(form_format) + ")");
  std::string key = detail::get_string(detail::require(doc, "key", root), root.at("key"));
  Label label = doc.contains("label") ? read_label(doc["label"], root.at("label")) : Label{};
  const json& tables = detail::require(doc, "tables", root);
  if (!tables.is_array()) root.at("tables").fail("expected an array of tables");
  std::vector<Table> out;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const json& t = tables[i];
    Where wt = root.at("tables").at(i);
    if (!t.is_object()) wt.fail("expected a table object");
    detail::only_keys(t, {"key", "label", "unit", "decimals", "allow_negative", "rows", "columns"}, wt);
    Table table;
    table.key = detail::get_string(detail::require(t, "key", wt), wt.at("key"));
    if (t.contains("label")) table.label = read_label(t["label"], wt.at("label"));
    if (t.contains("unit")) table.unit = detail::get_string(t["unit"], wt.at("unit"));
    if (t.contains("decimals")) table.decimals = read_int(t["decimals"], wt.at("decimals"));
    if (t.contains("allow_negative")) table.allow_negative = read_bool(t["allow_negative"], wt.at("allow_negative"));
    table.rows = read_dimension(detail::require(t, "rows", wt), wt.at("rows"));
    if (t.contains("columns")) table.columns = read_dimension(t["columns"], wt.at("columns"));
    out.push_back(std::move(table));
  }
  std::vector<RuleSpec> rules;
  if (doc.contains("rules")) {
    if (!doc["rules"].is_array()) root.at("rules").fail("expected an array of rules");
    for (std::size_t i = 0; i < doc["rules"].size(); ++i) rules.push_back(read_rule(doc["rules"][i], root.at("rules").at(i)));
  }
  YearLinks years = doc.contains("years") ? read_years(doc["years"], root.at("years")) : YearLinks{};
  std::vector<Indicator> indicators = doc.contains("indicators") ? read_indicators(doc["indicators"], root.at("indicators")) : std::vector<Indicator>{};
  try {
    return std::make_shared<const Form>(std::move(key), std::move(label), std::move(out), std::move(rules), std::move(years), std::move(indicators));
  } catch (const Error& e) {
    throw ParseError(source + ": " + e.what());
  }
}

std::shared_ptr<const Form> read_form_json(const std::string& path) { return parse_form_json(detail::read_file(path), path); }

std::string form_to_json(const Form& form) {
  ordered doc{{"format", std::string(form_format)}, {"key", form.key()}, {"label", label_json(form.label())}, {"tables", ordered::array()}};
  for (const auto& t : form.tables()) {
    ordered j{{"key", t.key}, {"label", label_json(t.label)}, {"unit", t.unit}, {"decimals", t.decimals}, {"allow_negative", t.allow_negative},
              {"rows", dimension_json(t.rows)}};
    if (t.columns) j["columns"] = dimension_json(*t.columns);
    doc["tables"].push_back(j);
  }
  if (!form.declared_specs().empty()) {
    doc["rules"] = ordered::array();
    for (const auto& r : form.declared_specs())
      doc["rules"].push_back({{"id", r.id}, {"lhs", r.lhs}, {"rhs", r.rhs}, {"comparison", std::string(to_string(r.comparison))},
                              {"severity", std::string(to_string(r.severity))},
                              {"basis", {{"kind", std::string(to_string(r.basis.kind))}, {"note", r.basis.note}}},
                              {"lhs_text", label_json(r.lhs_text)}, {"rhs_text", label_json(r.rhs_text)}});
  }
  if (!form.years().empty()) doc["years"] = years_json(form.years());
  if (!form.indicators().empty()) doc["indicators"] = indicators_json(form.indicators());
  return doc.dump(2, ' ', false) + "\n";
}

std::vector<UserRule> parse_rules_json(std::string_view text, const std::string& source, const FormRegistry& forms) {
  json doc = detail::parse_document(text, source);
  Where root{source, "$"};
  if (!doc.is_object()) root.fail("expected {\"format\": \"disclosure/rules@1\", \"rules\": […]}, got " + std::string(doc.type_name()));
  detail::only_keys(doc, {"format", "rules"}, root);
  if (doc.contains("format") && detail::get_string(doc["format"], root.at("format")) != "disclosure/rules@1")
    root.at("format").fail("unsupported format (this version reads disclosure/rules@1)");
  const json& rules = detail::require(doc, "rules", root);
  if (!rules.is_array()) root.at("rules").fail("expected an array of rules");
  std::vector<UserRule> out;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const json& j = rules[i];
    Where w = root.at("rules").at(i);
    if (!j.is_object()) w.fail("expected a rule object");
    detail::only_keys(j, {"id", "form", "rule", "severity", "basis", "lhs_text", "rhs_text"}, w);
    UserRule u;
    u.form = detail::get_string(detail::require(j, "form", w), w.at("form"));
    std::shared_ptr<const Form> form;
    try {
      form = forms.get(u.form);
    } catch (const KeyError& e) {
      w.at("form").fail(e.what());
    }
    try {
      u.spec = parse_rule(detail::get_string(detail::require(j, "rule", w), w.at("rule")));
    } catch (const RuleSyntaxError& e) {
      w.at("rule").fail(e.what());
    }
    u.spec.id = detail::get_string(detail::require(j, "id", w), w.at("id"));
    if (!ids.insert(u.spec.id).second) w.at("id").fail("duplicate rule id \"" + u.spec.id + "\"");
    u.spec.lhs_text = {join_terms(u.spec.lhs), join_terms(u.spec.lhs)};
    u.spec.rhs_text = {join_terms(u.spec.rhs), join_terms(u.spec.rhs)};
    read_rule_details(j, w, u.spec);
    try {
      form->resolve(u.spec);
    } catch (const Error& e) {
      w.at("rule").fail(e.what());
    }
    out.push_back(std::move(u));
  }
  return out;
}

std::vector<UserRule> read_rules_json(const std::string& path, const FormRegistry& forms) { return parse_rules_json(detail::read_file(path), path, forms); }

FormRegistry::FormRegistry() {
  for (const auto& k : forms::builtin_keys()) forms_[k] = forms::builtin(k);
}

void FormRegistry::add(std::shared_ptr<const Form> form) {
  if (!form) throw Error("FormRegistry::add: no form");
  if (!forms_.emplace(form->key(), form).second) throw Error("a form with key '" + form->key() + "' is already known");
}

std::shared_ptr<const Form> FormRegistry::get(const std::string& key) const {
  auto it = forms_.find(key);
  if (it != forms_.end()) return it->second;
  std::string known;
  for (const auto& [k, f] : forms_) known += (known.empty() ? "" : ", ") + k;
  throw KeyError("no form '" + key + "' (known: " + known + ")");
}

std::vector<std::string> FormRegistry::keys() const {
  std::vector<std::string> out;
  for (const auto& [k, f] : forms_) out.push_back(k);
  return out;
}

}  // namespace disclosure::io
