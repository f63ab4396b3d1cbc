#pragma once
// The schema of one kind of report: tables made of one or two dimensions, each cell with a
// stable key. A form is an immutable value; reports refer to it.
#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "disclosure/category.hpp"
#include "disclosure/decimal.hpp"
#include "disclosure/error.hpp"
#include "disclosure/indicator.hpp"
#include "disclosure/rule.hpp"
#include "disclosure/year_links.hpp"

namespace disclosure {

struct Dimension {
  std::string key;
  Label label;
  Category root;  // the dimension's total; its children break it down
  friend bool operator==(const Dimension&, const Dimension&) = default;
};

struct Table {
  std::string key;  // first segment of every cell key of the table
  Label label;
  std::string unit;               // 件, 条, 人, 个, 次, 万元, 元, %
  int decimals = 0;               // decimals a value may carry (0 for counts)
  bool allow_negative = false;    // signed columns such as the 2019 本年增/减
  Dimension rows;
  std::optional<Dimension> columns;
  friend bool operator==(const Table&, const Table&) = default;
};

// How a cell breaks down into other cells of its table, along one axis. Derived group
// categories are expanded to their parts, so `parts` are always fillable cells.
struct Breakdown {
  std::size_t parent = 0;
  std::vector<std::size_t> parts;
  Relation relation = Relation::none;
  bool along_columns = false;  // false: parts are rows of the parent's column; true: columns of its row
  friend bool operator==(const Breakdown&, const Breakdown&) = default;
};

// One fillable cell: a non-derived row category (× a non-derived column category).
struct Cell {
  std::string key;          // table.rowpath[.colpath]
  std::size_t table = 0;    // index into Form::tables()
  std::string row;          // path of the row category within its dimension ("total", "refused.state_secret")
  std::string column;       // path of the column category, empty for one-dimensional tables
  Label label;              // row label, with the column label in brackets for two-dimensional tables
  std::string unit;         // resolved: column category, else row category, else table
  int decimals = 0;
  bool allow_negative = false;
  friend bool operator==(const Cell&, const Cell&) = default;
};

namespace detail {

// Edit distance, for "did you mean" suggestions on unknown keys.
inline std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Path of a category below the dimension root: the root itself is its own key ("total").
inline std::string child_path(const std::string& parent_path, bool parent_is_root, const std::string& key) {
  return parent_is_root ? key : parent_path + "." + key;
}

}  // namespace detail

class Form {
public:
  // `years` and `indicators` are what the form knows beyond its tables and rules: which cells
  // continue the year before (links.hpp) and the indicators analysts compute from it.
  Form(std::string key, Label label, std::vector<Table> tables, std::vector<RuleSpec> declared = {}, YearLinks years = {},
       std::vector<Indicator> indicators = {})
      : key_(std::move(key)), label_(std::move(label)), tables_(std::move(tables)), declared_specs_(std::move(declared)), years_(std::move(years)),
        indicators_(std::move(indicators)) {
    if (!is_valid_key_segment(key_)) throw Error("form key '" + key_ + "' must be lower-case ASCII letters, digits and '_'");
    for (std::size_t t = 0; t < tables_.size(); ++t) index_table(t);
    for (std::size_t t = 0; t < tables_.size(); ++t) add_breakdowns(t);
    for (const auto& spec : declared_specs_) declared_.push_back(resolve(spec));
    check_knowledge();
  }

  // Cell keys matching a pattern whose "*" segments match any one segment, in form order.
  std::vector<std::size_t> matching(const std::string& pattern) const {
    auto split = [](const std::string& s) {
      std::vector<std::string> out;
      std::size_t start = 0;
      for (std::size_t dot; (dot = s.find('.', start)) != std::string::npos; start = dot + 1) out.push_back(s.substr(start, dot - start));
      out.push_back(s.substr(start));
      return out;
    };
    auto want = split(pattern);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < cells_.size(); ++i) {
      auto have = split(cells_[i].key);
      if (have.size() != want.size()) continue;
      bool ok = true;
      for (std::size_t j = 0; j < want.size() && ok; ++j) ok = want[j] == "*" || want[j] == have[j];
      if (ok) out.push_back(i);
    }
    return out;
  }

  // A rule named by cell keys (or patterns with "*" segments), resolved to cell indices. Unknown
  // keys throw KeyError naming the closest valid ones; a cell on both sides is refused.
  Rule resolve(const RuleSpec& spec) const {
    Rule r;
    r.id = spec.id;
    auto add = [&](const std::string& k, std::vector<std::size_t>& side) {
      if (k.find('*') == std::string::npos) return side.push_back(index(k));
      auto cells = matching(k);
      if (cells.empty()) throw KeyError("pattern '" + k + "' matches no cell of form '" + key_ + "'");
      side.insert(side.end(), cells.begin(), cells.end());
    };
    try {
      for (const auto& k : spec.lhs) add(k, r.lhs);
      for (const auto& k : spec.rhs) add(k, r.rhs);
    } catch (const KeyError& e) {
      throw KeyError("rule '" + spec.id + "': " + e.what());
    }
    if (r.lhs.empty() || r.rhs.empty()) throw Error("rule '" + spec.id + "' needs cells on both sides");
    for (auto a : r.lhs)
      for (auto b : r.rhs)
        if (a == b) throw Error("rule '" + spec.id + "' refers to cell '" + cells_[a].key + "' on both sides");
    for (const auto* side : {&r.lhs, &r.rhs})
      for (std::size_t i = 0; i < side->size(); ++i)
        for (std::size_t j = i + 1; j < side->size(); ++j)
          if ((*side)[i] == (*side)[j]) throw Error("rule '" + spec.id + "' counts cell '" + cells_[(*side)[i]].key + "' twice");
    r.comparison = spec.comparison;
    r.severity = spec.severity;
    r.basis = spec.basis;
    r.lhs_text = spec.lhs_text;
    r.rhs_text = spec.rhs_text;
    return r;
  }

  // Relations the form itself states (the printed 勾稽关系), resolved.
  const std::vector<Rule>& declared_rules() const noexcept { return declared_; }
  const std::vector<RuleSpec>& declared_specs() const noexcept { return declared_specs_; }
  const YearLinks& years() const noexcept { return years_; }
  const std::vector<Indicator>& indicators() const noexcept { return indicators_; }

  const std::string& key() const noexcept { return key_; }
  const Label& label() const noexcept { return label_; }
  const std::vector<Table>& tables() const noexcept { return tables_; }
  const std::vector<Cell>& cells() const noexcept { return cells_; }
  std::size_t size() const noexcept { return cells_.size(); }

  std::optional<std::size_t> find(const std::string& key) const {
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }

  // Index of a cell; an unknown key throws KeyError naming the closest valid keys.
  std::size_t index(const std::string& key) const {
    if (auto i = find(key)) return *i;
    throw KeyError("form '" + key_ + "' has no cell '" + key + "'" + suggestions(key));
  }
  const Cell& cell(const std::string& key) const { return cells_[index(key)]; }
  const Table& table_of(std::size_t cell) const { return tables_[cells_.at(cell).table]; }
  // Every breakdown of the form (partition and overlapping), in table order.
  const std::vector<Breakdown>& breakdowns() const noexcept { return breakdowns_; }
  // Per cell: is it the total of a partition (its rows or its columns sum to it)?
  std::vector<char> partition_totals() const {
    std::vector<char> out(cells_.size(), 0);
    for (const auto& b : breakdowns_)
      if (b.relation == Relation::partition) out[b.parent] = 1;
    return out;
  }
  // Does `parts` list exactly the parts of a breakdown of `total`? (A rule total == Σ parts that
  // enumerates a breakdown, as the sums generated from the hierarchy do.)
  bool enumerates(std::size_t total, std::vector<std::size_t> parts) const {
    std::sort(parts.begin(), parts.end());
    for (const auto& b : breakdowns_) {
      if (b.parent != total || b.parts.size() != parts.size()) continue;
      std::vector<std::size_t> own = b.parts;
      std::sort(own.begin(), own.end());
      if (own == parts) return true;
    }
    return false;
  }
  // The partition of a cell along its rows, or nullptr.
  const Breakdown* row_partition(std::size_t parent) const noexcept {
    for (const auto& b : breakdowns_)
      if (b.parent == parent && b.relation == Relation::partition && !b.along_columns) return &b;
    return nullptr;
  }
  // The breakdown of a cell along its rows (or, if it has none, along its columns).
  const Breakdown& breakdown_of(const std::string& parent_key) const {
    std::size_t parent = index(parent_key);
    const Breakdown* found = nullptr;
    for (const auto& b : breakdowns_)
      if (b.parent == parent && (!found || (found->along_columns && !b.along_columns))) found = &b;
    if (!found) throw KeyError("cell '" + parent_key + "' of form '" + key_ + "' has no breakdown");
    return *found;
  }

  std::string suggestions(const std::string& key) const {
    std::vector<std::pair<std::size_t, const std::string*>> scored;
    for (const auto& c : cells_) scored.emplace_back(detail::edit_distance(key, c.key), &c.key);
    std::sort(scored.begin(), scored.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first < b.first : *a.second < *b.second; });
    std::string out;
    for (std::size_t i = 0; i < scored.size() && i < 3; ++i) out += (i ? ", " : "; closest: ") + *scored[i].second;
    return out;
  }

  friend bool operator==(const Form& a, const Form& b) {
    return a.key_ == b.key_ && a.label_ == b.label_ && a.tables_ == b.tables_ && a.declared_specs_ == b.declared_specs_ && a.years_ == b.years_ &&
           a.indicators_ == b.indicators_;
  }

private:
  // Every cell the form's knowledge names exists: a mistyped key is an error when the form is made,
  // not a check that silently never runs.
  void check_knowledge() const {
    auto has_prefix = [&](const std::string& prefix) {
      return std::any_of(cells_.begin(), cells_.end(), [&](const Cell& c) { return c.key.rfind(prefix, 0) == 0; });
    };
    for (const auto& c : years_.carry_over)
      if (c.this_year.empty() || c.last_year.empty() || !has_prefix(c.this_year))
        throw Error("form '" + key_ + "': carry-over '" + c.this_year + "' → '" + c.last_year + "' names no cell of the form");
    for (const auto& r : years_.running_totals)
      if (r.running.empty() || r.period.empty() || std::none_of(cells_.begin(), cells_.end(), [&](const Cell& c) { return c.column == r.running; }))
        throw Error("form '" + key_ + "': running total '" + r.running + "' is no column of the form");
    for (const auto& r : years_.roll_forward)
      for (const auto& row : r.rows)
        for (const auto* col : {&r.stock, &r.added, &r.removed}) index(row + "." + *col);
    for (const auto& ind : indicators_)
      for (const auto* side : {&ind.numerator, &ind.denominator})
        for (const auto& t : *side)
          if (t.cell.find('*') == std::string::npos) index(t.cell);
          else if (matching(t.cell).empty()) throw KeyError("form '" + key_ + "': indicator '" + ind.key + "': pattern '" + t.cell + "' matches no cell");
  }

  void index_table(std::size_t t) {
    const Table& table = tables_[t];
    if (!is_valid_key_segment(table.key)) throw Error("form '" + key_ + "': table key '" + table.key + "' is not a valid key segment");
    if (table.decimals < 0 || table.decimals > Decimal::max_scale) throw Error("form '" + key_ + "': table '" + table.key + "' has decimals outside 0..8");
    std::vector<Collected> rows, cols;
    collect(table.rows.root, table.rows.root.key, true, {}, rows, table.key);
    if (table.columns) collect(table.columns->root, table.columns->root.key, true, {}, cols, table.key);
    else cols.push_back({"", nullptr, {}});
    for (const auto& r : rows)
      for (const auto& col : cols) {
        Cell c;
        c.key = table.key + "." + r.path + (col.path.empty() ? "" : "." + col.path);
        c.table = t;
        c.row = r.path;
        c.column = col.path;
        c.label = col.category ? Label{r.label.zh + "（" + col.label.zh + "）", r.label.en + " (" + col.label.en + ")"} : r.label;
        resolve_measure(c, table, *r.category, col.category);
        if (!index_.emplace(c.key, cells_.size()).second) throw Error("form '" + key_ + "': duplicate cell key '" + c.key + "'");
        cells_.push_back(std::move(c));
      }
  }

  // Unit, decimals and sign of a cell: the column category's, else the row category's, else the table's.
  void resolve_measure(Cell& c, const Table& table, const Category& row, const Category* col) const {
    c.unit = table.unit;
    c.decimals = table.decimals;
    c.allow_negative = table.allow_negative;
    for (const Category* cat : {&row, col}) {
      if (!cat) continue;
      if (!cat->unit.empty()) c.unit = cat->unit;
      if (cat->decimals >= 0) c.decimals = cat->decimals;
      c.allow_negative = c.allow_negative || cat->allow_negative;
    }
    if (c.decimals > Decimal::max_scale) throw Error("form '" + key_ + "': cell '" + c.key + "' has more than 8 decimals");
  }

  // Fillable categories with their paths and labels; a category under a group heading is labelled
  // with the heading too ("（三）不予公开 1.属于国家秘密"), since "3.其他" alone is ambiguous.
  struct Collected {
    std::string path;
    const Category* category;
    Label label;
  };
  void collect(const Category& cat, const std::string& path, bool is_root, const Label& prefix, std::vector<Collected>& out, const std::string& table) {
    if (!is_valid_key_segment(cat.key)) throw Error("form '" + key_ + "', table '" + table + "': category key '" + cat.key + "' is not a valid key segment");
    const Label& own = cat.total_label.zh.empty() ? cat.label : cat.total_label;
    Label label{prefix.zh.empty() ? own.zh : prefix.zh + " " + own.zh, prefix.en.empty() ? own.en : prefix.en + ": " + own.en};
    if (!cat.derived) out.push_back({path, &cat, label});
    Label child_prefix = cat.derived && !is_root ? Label{prefix.zh.empty() ? cat.label.zh : prefix.zh + " " + cat.label.zh,
                                                         prefix.en.empty() ? cat.label.en : prefix.en + ": " + cat.label.en}
                                                 : prefix;
    for (const auto& child : cat.children) collect(child, detail::child_path(path, is_root, child.key), false, child_prefix, out, table);
  }

  // Paths of the fillable cells a category stands for: itself, or (derived) its children's.
  // Under a partition a group must itself be a partition (its parts add up to it); under 其中 items
  // (overlapping) any group works, each of its parts being at most the parent.
  void fillable_paths(const Category& cat, const std::string& path, bool is_root, std::vector<std::string>& out, bool require_partition) const {
    if (!cat.derived) {
      out.push_back(path);
      return;
    }
    if (require_partition && cat.relation != Relation::partition)
      throw Error("form '" + key_ + "': group '" + path + "' stands in a partition, so it must be a partition of its children");
    for (const auto& child : cat.children) fillable_paths(child, detail::child_path(path, is_root, child.key), false, out, require_partition);
  }

  void breakdowns_of(const Table& table, const Category& cat, const std::string& path, bool is_root, const std::vector<std::string>& others, bool along_columns) {
    if (!cat.derived && cat.relation != Relation::none && !cat.children.empty()) {
      std::vector<std::string> parts;
      for (const auto& child : cat.children)
        fillable_paths(child, detail::child_path(path, is_root, child.key), false, parts, cat.relation == Relation::partition);
      for (const auto& other : others) {
        auto key_of = [&](const std::string& p) {
          std::string rc = along_columns ? other + "." + p : (other.empty() ? p : p + "." + other);
          return index_.at(table.key + "." + rc);
        };
        Breakdown b;
        b.parent = key_of(path);
        b.relation = cat.relation;
        b.along_columns = along_columns;
        for (const auto& p : parts) b.parts.push_back(key_of(p));
        breakdowns_.push_back(std::move(b));
      }
    }
    for (const auto& child : cat.children) breakdowns_of(table, child, detail::child_path(path, is_root, child.key), false, others, along_columns);
  }

  void add_breakdowns(std::size_t t) {
    const Table& table = tables_[t];
    std::vector<std::string> row_paths, col_paths;
    fillable_paths_all(table.rows.root, table.rows.root.key, true, row_paths);
    if (table.columns) fillable_paths_all(table.columns->root, table.columns->root.key, true, col_paths);
    else col_paths.emplace_back("");
    breakdowns_of(table, table.rows.root, table.rows.root.key, true, col_paths, false);
    if (table.columns) breakdowns_of(table, table.columns->root, table.columns->root.key, true, row_paths, true);
  }

  static void fillable_paths_all(const Category& cat, const std::string& path, bool is_root, std::vector<std::string>& out) {
    if (!cat.derived) out.push_back(path);
    for (const auto& child : cat.children) fillable_paths_all(child, detail::child_path(path, is_root, child.key), false, out);
  }

  std::string key_;
  Label label_;
  std::vector<Table> tables_;
  std::vector<Cell> cells_;
  std::map<std::string, std::size_t> index_;
  std::vector<Breakdown> breakdowns_;
  std::vector<RuleSpec> declared_specs_;
  YearLinks years_;
  std::vector<Indicator> indicators_;
  std::vector<Rule> declared_;
};

}  // namespace disclosure
