#pragma once
// A node of a counting hierarchy (applicant type, channel, outcome …), and how its children
// relate to it. The relation is what the checks are generated from.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "disclosure/label.hpp"
#include "disclosure/printing.hpp"

namespace disclosure {

enum class Relation : unsigned char {
  none,         // children are listed under the parent but imply nothing about it
  partition,    // every item of the parent is in exactly one child: parent = Σ children
  overlapping,  // 其中 items: each child is at most the parent, they may overlap or not cover it
};

inline constexpr std::string_view to_string(Relation r) noexcept {
  switch (r) {
    case Relation::none: return "none";
    case Relation::partition: return "partition";
    case Relation::overlapping: return "overlapping";
  }
  return "?";
}

struct Category {
  std::string key;                   // one ASCII segment: [a-z0-9_]+
  Label label;                       // as printed in the official form (zh) and in English
  std::vector<std::string> aliases;  // other printed labels seen in real reports
  Relation relation = Relation::none;
  // A group label printed without a number of its own (三、本年度办理结果, （三）不予公开):
  // its value is derived from its children, it has no cell.
  bool derived = false;
  // How messages name the children together ("the outcome counts", "各类答复"); empty: "its parts".
  Label parts_label;
  // The label of the category's own cell when it differs from its heading: the row （七）总计
  // holds the value of the heading 三、本年度办理结果.
  Label total_label;
  // What the category's cells hold, when it differs from its table: a money column in a table of
  // counts, or the signed 本年增/减 of the 2019 template. Empty unit / negative decimals: inherit.
  std::string unit;
  int decimals = -1;
  bool allow_negative = false;
  std::vector<Category> children;

  friend bool operator==(const Category&, const Category&) = default;
};

// Builders, so that forms written in C++ read like the printed tables.
inline Category category(std::string key, Label label, std::vector<std::string> aliases = {}) {
  Category c;
  c.key = std::move(key);
  c.label = std::move(label);
  c.aliases = std::move(aliases);
  return c;
}

// `parent` broken down into `children` related by `relation`; `parts_label` names them together.
inline Category breakdown(Category parent, Relation relation, std::vector<Category> children, Label parts_label = {}) {
  parent.relation = relation;
  parent.children = std::move(children);
  parent.parts_label = std::move(parts_label);
  return parent;
}

// A group heading printed without a number of its own (三、本年度办理结果's children （三）不予公开 …,
// 法人或其他组织): no cell; as a partition its value is the sum of its parts.
// A heading whose own cell is printed under another label (（七）总计).
inline Category with_total_label(Category c, Label total_label) {
  c.total_label = std::move(total_label);
  return c;
}

inline Category group(Category c) {
  c.derived = true;
  return c;
}

// A column or row whose cells hold another unit or decimals than the table's.
inline Category measured(Category c, std::string unit, int decimals = 0, bool allow_negative = false) {
  c.unit = std::move(unit);
  c.decimals = decimals;
  c.allow_negative = allow_negative;
  return c;
}

inline bool is_valid_key_segment(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace disclosure
