#pragma once
// One filled form: a value per cell (missing kinds kept apart from 0), who published it, for
// which year and scope, and the figures the report itself states (percentages, totals, growth
// rates) with where they stand in the text.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "disclosure/form.hpp"
#include "disclosure/label.hpp"
#include "disclosure/value.hpp"
#include "disclosure/printing.hpp"
#include "disclosure/statement.hpp"

namespace disclosure {

struct Source {
  std::string url;
  std::string title;
  std::string published;  // date as printed, ISO 8601 when known
  std::string note;
  friend bool operator==(const Source&, const Source&) = default;
};

// People's words for the scope keys; an unknown scope is shown as it was given.
inline Label scope_label(const std::string& scope) {
  if (scope == "region") return {"本行政区域", "whole administrative region"};
  if (scope == "own_level") return {"本级", "government at this level (市本级/县本级)"};
  if (scope == "agency") return {"本机关", "this agency"};
  return {scope, scope};
}

enum class StatedKind : unsigned char { percentage, growth_rate, total };

inline constexpr std::string_view to_string(StatedKind k) noexcept {
  switch (k) {
    case StatedKind::percentage: return "percentage";
    case StatedKind::growth_rate: return "growth_rate";
    case StatedKind::total: return "total";
  }
  return "?";
}

// A figure printed in the report about its own cells, e.g. "当面申请123件，占49.79%":
// kind percentage, cell requests.in_person, base requests.total, value 49.79 (2 decimals printed).
struct StatedFigure {
  StatedKind kind = StatedKind::percentage;
  std::string cell;
  std::string base;   // denominator cell for percentages; empty otherwise
  Decimal value;      // as printed: its scale is the number of decimals printed
  std::string text;   // the words it was read from
  std::int64_t position = -1;  // character offset of `text` in the source, -1 when unknown
  friend bool operator==(const StatedFigure&, const StatedFigure&) = default;
};

// A figure the report states that no cell of its form holds ("空气质量预测预报 322", "粉丝80余万"):
// kept with its printed label path, so nothing the report says is lost.
struct Extra {
  std::string label;  // as printed, levels joined by "/"
  Value value;
  std::string unit;
  std::string text;
  std::int64_t position = -1;
  friend bool operator==(const Extra&, const Extra&) = default;
};

class Report {
public:
  Report(std::shared_ptr<const Form> form, std::string id) : form_(std::move(form)), id_(std::move(id)) {
    if (!form_) throw Error("report '" + id_ + "' needs a form");
    if (id_.empty()) throw Error("a report needs a non-empty id");
    values_.resize(form_->size());
  }

  const Form& form() const noexcept { return *form_; }
  const std::shared_ptr<const Form>& form_ptr() const noexcept { return form_; }
  const std::string& id() const noexcept { return id_; }

  std::string issuer;
  int year = 0;
  std::string scope;   // "region" (本行政区域), "own_level" (市本级/县本级), "agency" (本机关), or as printed
  std::string within;  // id of the report whose scope contains this one, if any
  std::string series;  // one issuer and scope across years ("pingtan"); empty: issuer and scope
  Source source;

  const Value& operator[](std::size_t cell) const { return values_.at(cell); }
  const Value& at(const std::string& key) const { return values_[form_->index(key)]; }
  const std::vector<Value>& values() const noexcept { return values_; }

  // Sets a cell, checking the value against the cell's table: decimals allowed, sign allowed.
  void set(const std::string& key, Value v) { set(form_->index(key), std::move(v)); }
  void set(std::size_t cell, Value v) {
    const Cell& c = form_->cells().at(cell);
    if (v.has_number()) {
      Decimal d = v.number();
      if (d.scale() > c.decimals)
        throw Error("cell '" + c.key + "' takes " + (c.decimals == 0 ? std::string("whole numbers") : "at most " + std::to_string(c.decimals) + " decimals") + ", got " + d.to_string());
      if (!c.allow_negative && d.units() < 0) throw Error("cell '" + c.key + "' cannot be negative, got " + d.to_string());
    }
    values_.at(cell) = std::move(v);
  }

  // The unit a cell's value is in: the form's, unless the report gives its own for that cell (the
  // 2019 template prints no unit for 采购总金额; reports write 元 or 万元).
  const std::string& unit(std::size_t cell) const {
    auto it = units_.find(cell);
    return it == units_.end() ? form_->cells().at(cell).unit : it->second;
  }
  void set_unit(const std::string& key, std::string unit) {
    std::size_t cell = form_->index(key);
    if (unit.empty() || unit == form_->cells()[cell].unit) units_.erase(cell);
    else units_[cell] = std::move(unit);
  }
  // Cells whose unit the report gives, by cell index.
  const std::map<std::size_t, std::string>& unit_overrides() const noexcept { return units_; }

  const std::vector<StatedFigure>& stated() const noexcept { return stated_; }
  void add_stated(StatedFigure f) {
    form_->index(f.cell);
    if (!f.base.empty()) form_->index(f.base);
    stated_.push_back(std::move(f));
  }
  // The stated percentage of `cell` over `base`, if the report prints one.
  std::optional<StatedFigure> stated_percentage(const std::string& cell, const std::string& base) const {
    for (const auto& f : stated_)
      if (f.kind == StatedKind::percentage && f.cell == cell && f.base == base) return f;
    return std::nullopt;
  }

  // What the text enumerates (statement.hpp); a link must name cells of the form.
  const std::vector<Statement>& statements() const noexcept { return statements_; }
  void add_statement(Statement s) {
    auto check_links = [&](const StatementItem& item) {
      for (const auto& key : item.link) form_->index(key);
    };
    if (s.total) check_links(*s.total);
    for (const auto& p : s.parts) check_links(p);
    statements_.push_back(std::move(s));
  }
  // Replaces the last statement (a reader that adds a statement's figures one by one).
  void replace_last_statement(Statement s) {
    if (statements_.empty()) throw Error("report '" + id_ + "' has no statement to replace");
    statements_.pop_back();
    add_statement(std::move(s));
  }

  const std::vector<Extra>& extras() const noexcept { return extras_; }
  void add_extra(Extra e) {
    if (e.label.empty()) throw Error("report '" + id_ + "': an extra figure needs a label");
    extras_.push_back(std::move(e));
  }

  friend bool operator==(const Report& a, const Report& b) {
    return *a.form_ == *b.form_ && a.id_ == b.id_ && a.issuer == b.issuer && a.year == b.year && a.scope == b.scope && a.within == b.within && a.series == b.series &&
           a.source == b.source && a.values_ == b.values_ && a.units_ == b.units_ && a.stated_ == b.stated_ && a.extras_ == b.extras_ &&
           a.statements_ == b.statements_;
  }

private:
  std::shared_ptr<const Form> form_;
  std::string id_;
  std::vector<Value> values_;
  std::map<std::size_t, std::string> units_;
  std::vector<StatedFigure> stated_;
  std::vector<Extra> extras_;
  std::vector<Statement> statements_;
};

}  // namespace disclosure
