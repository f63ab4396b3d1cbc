// The state of one extraction: the reports by scope, what was placed, stated and left unplaced.
#include <algorithm>

#include "extract_detail.hpp"

namespace disclosure::io::detail {

std::string where_paragraph(std::size_t i) { return "paragraph " + std::to_string(i + 1); }
std::string where_table(std::size_t t, std::size_t r, std::size_t c) {
  return "table " + std::to_string(t + 1) + ", row " + std::to_string(r + 1) + ", column " + std::to_string(c + 1);
}

Sink::Sink(Extraction& out, std::shared_ptr<const Form> form, std::string id, std::string issuer, int year, std::string default_scope)
    : out_(out), form_(std::move(form)), id_(std::move(id)), issuer_(std::move(issuer)), default_scope_(std::move(default_scope)), year_(year) {}

Report& Sink::report(const std::string& scope) {
  auto it = by_scope_.find(scope);
  if (it != by_scope_.end()) return out_.reports[it->second];
  out_.reports.emplace_back(form_, id_ + "#" + scope);
  by_scope_[scope] = out_.reports.size() - 1;
  Report& r = out_.reports.back();
  r.scope = scope;
  r.issuer = issuer_;
  r.year = year_;
  r.source.url = out_.source;
  return r;
}

bool Sink::filled(const std::string& scope, std::size_t cell) const {
  auto it = by_scope_.find(scope);
  return it != by_scope_.end() && out_.reports[it->second][cell].missing() != Missing::not_stated;
}

bool Sink::place(const std::string& scope, std::size_t cell, const Value& v, const std::string& kind, const std::string& text, std::int64_t pos,
                 const std::string& where, std::string& why, bool from_table) {
  Report& r = report(scope);
  const std::string& key = form_->cells()[cell].key;
  if (r[cell].missing() != Missing::not_stated) {
    bool earlier_from_table = from_table_[{scope, cell}];
    if (r[cell] == v && !(earlier_from_table && !from_table)) return true;
    if (!v.has_number()) {
      why = "the cell already holds " + r[cell].to_string();
      return false;
    }
    // Read twice: the first reading stays in the cell, the second is a stated total the checks compare.
    stated(scope, StatedFigure{StatedKind::total, key, "", v.number(), text, pos}, where);
    return true;
  }
  try {
    r.set(cell, v);
  } catch (const Error& e) {
    why = e.what();
    return false;
  }
  from_table_[{scope, cell}] = from_table;
  out_.placed.push_back({r.id(), key, v, kind, text, pos, where});
  return true;
}

void Sink::stated(const std::string& scope, StatedFigure f, const std::string& where) {
  Report& r = report(scope);
  if (!stated_seen_.emplace(scope, static_cast<int>(f.kind), f.cell, f.base, f.value.units(), f.value.scale()).second) return;
  std::string kind(to_string(f.kind));
  out_.placed.push_back({r.id(), f.cell, Value(f.value), kind == "total" ? "stated_total" : kind, f.text, f.position, where});
  r.add_stated(std::move(f));
}

void Sink::statement(const std::string& scope, Statement s) { report(scope).add_statement(std::move(s)); }

void Sink::unplaced(const std::string& scope, UnplacedFigure f) {
  Report& r = report(scope);
  f.report = r.id();
  Extra e;
  e.label = f.label.empty() ? "(unlabelled)" : f.label;
  e.value = f.value;
  e.unit = f.unit;
  e.text = f.text;
  e.position = f.position;
  r.add_extra(std::move(e));
  out_.unplaced.push_back(std::move(f));
}

// Final ids: one report keeps the given id; with two scopes each gets its scope as a suffix
// ("qiqihar-2018-region", "qiqihar-2018-own-level") and the narrower points to the region with `within`.
void Sink::finish() {
  if (out_.reports.empty()) report(default_scope_);
  std::string region_id;
  bool several = out_.reports.size() > 1;
  std::map<std::string, std::string> renamed;
  std::vector<Report> final_reports;
  for (const auto& r : out_.reports) {
    std::string id = !several ? id_ : id_ + "-" + replace_all(r.scope, "_", "-");
    renamed[r.id()] = id;
    Report n(form_, id);
    n.issuer = r.issuer;
    n.year = r.year;
    n.scope = r.scope;
    n.source = r.source;
    for (std::size_t c = 0; c < r.values().size(); ++c) n.set(c, r[c]);
    for (const auto& [c, u] : r.unit_overrides()) n.set_unit(form_->cells()[c].key, u);
    for (const auto& s : r.stated()) n.add_stated(s);
    for (const auto& e : r.extras()) n.add_extra(e);
    for (const auto& st : r.statements()) n.add_statement(st);
    if (r.scope == default_scope_) region_id = id;
    final_reports.push_back(std::move(n));
  }
  for (auto& r : final_reports)
    if (several && r.scope != default_scope_) r.within = region_id;
  // The region first.
  std::stable_partition(final_reports.begin(), final_reports.end(), [&](const Report& r) { return r.scope == default_scope_; });
  out_.reports = std::move(final_reports);
  for (auto& p : out_.placed) p.report = renamed[p.report];
  for (auto& u : out_.unplaced) u.report = renamed[u.report];
}

}  // namespace disclosure::io::detail
