// Statements in JSON (see statement_json.hpp).
#include "statement_json.hpp"

namespace disclosure::io::detail {
namespace {

using ordered = nlohmann::ordered_json;

Decimal read_decimal(const json& j, const Where& w) {
  if (!j.is_string()) w.fail("expected the figure as printed, as a string (e.g. \"49.79\"), got " + j.dump());
  try {
    return Decimal::parse(j.get<std::string>());
  } catch (const Error& e) {
    w.fail(e.what());
  }
}

bool read_bool(const json& j, const Where& w) {
  if (!j.is_boolean()) w.fail("expected true or false, got " + j.dump());
  return j.get<bool>();
}

std::int64_t read_offset(const json& j, const Where& w) {
  if (!j.is_number_integer() || j.get<std::int64_t>() < 0) w.fail("expected a character offset (a whole number ≥ 0), got " + j.dump());
  return j.get<std::int64_t>();
}

StatementItem read_item(const json& j, const Where& w) {
  if (!j.is_object()) w.fail("expected an object, got " + std::string(j.type_name()));
  only_keys(j, {"label", "count", "unit", "approximate", "share", "link", "link_basis", "position"}, w);
  StatementItem i;
  if (j.contains("label")) i.label = get_string(j["label"], w.at("label"));
  if (j.contains("count")) i.count = read_decimal(j["count"], w.at("count"));
  if (j.contains("unit")) i.unit = get_string(j["unit"], w.at("unit"));
  if (j.contains("approximate")) i.approximate = read_bool(j["approximate"], w.at("approximate"));
  if (j.contains("share")) i.share = read_decimal(j["share"], w.at("share"));
  if (j.contains("link")) {
    const json& l = j["link"];
    if (!l.is_array()) w.at("link").fail("expected an array of cell keys, got " + std::string(l.type_name()));
    for (std::size_t k = 0; k < l.size(); ++k) i.link.push_back(get_string(l[k], w.at("link").at(k)));
  }
  if (j.contains("link_basis")) i.link_basis = get_string(j["link_basis"], w.at("link_basis"));
  if (j.contains("position")) i.position = read_offset(j["position"], w.at("position"));
  return i;
}

ordered item_json(const StatementItem& i) {
  ordered j{{"label", i.label}};
  if (i.count) j["count"] = i.count->to_string();
  if (!i.unit.empty()) j["unit"] = i.unit;
  if (i.approximate) j["approximate"] = true;
  if (i.share) j["share"] = i.share->to_string();
  if (!i.link.empty()) {
    j["link"] = i.link;
    j["link_basis"] = i.link_basis;
  }
  if (i.position >= 0) j["position"] = i.position;
  return j;
}

}  // namespace

Statement read_statement(const json& j, const Where& w) {
  if (!j.is_object()) w.fail("expected an object, got " + std::string(j.type_name()));
  only_keys(j, {"total", "parts", "connective", "complete", "overlapping", "base_words", "base", "multiple", "text", "position", "where"}, w);
  Statement s;
  if (j.contains("total") && !j["total"].is_null()) s.total = read_item(j["total"], w.at("total"));
  if (j.contains("parts")) {
    const json& parts = j["parts"];
    if (!parts.is_array()) w.at("parts").fail("expected an array, got " + std::string(parts.type_name()));
    for (std::size_t k = 0; k < parts.size(); ++k) s.parts.push_back(read_item(parts[k], w.at("parts").at(k)));
  }
  if (j.contains("connective")) s.connective = get_string(j["connective"], w.at("connective"));
  if (j.contains("complete")) s.complete = read_bool(j["complete"], w.at("complete"));
  if (j.contains("overlapping")) s.overlapping = read_bool(j["overlapping"], w.at("overlapping"));
  if (j.contains("base_words")) s.base_words = get_string(j["base_words"], w.at("base_words"));
  if (j.contains("base") && !j["base"].is_null()) s.base = read_item(j["base"], w.at("base"));
  if (j.contains("multiple")) s.multiple = read_decimal(j["multiple"], w.at("multiple"));
  if (j.contains("text")) s.text = get_string(j["text"], w.at("text"));
  if (j.contains("position")) s.position = read_offset(j["position"], w.at("position"));
  if (j.contains("where")) s.where = get_string(j["where"], w.at("where"));
  return s;
}

ordered statement_json(const Statement& s) {
  ordered j;
  j["total"] = s.total ? item_json(*s.total) : ordered();
  ordered parts = ordered::array();
  for (const auto& p : s.parts) parts.push_back(item_json(p));
  j["parts"] = parts;
  j["connective"] = s.connective;
  j["complete"] = s.complete;
  if (s.overlapping) j["overlapping"] = true;
  if (!s.base_words.empty()) j["base_words"] = s.base_words;
  if (s.base) j["base"] = item_json(*s.base);
  if (s.multiple) j["multiple"] = s.multiple->to_string();
  j["text"] = s.text;
  if (s.position >= 0) j["position"] = s.position;
  if (!s.where.empty()) j["where"] = s.where;
  return j;
}

}  // namespace disclosure::io::detail
