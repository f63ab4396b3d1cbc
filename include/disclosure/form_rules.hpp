#pragma once
// The rules a form implies: every partition sums to its parent, every 其中 item is at most its
// parent (generated from the hierarchy), plus the relations the form itself declares (such as
// the printed 勾稽关系 of table 三).
#include <string>
#include <vector>

#include "disclosure/form.hpp"
#include "disclosure/rule.hpp"

namespace disclosure {

namespace detail {

inline const Category* find_category(const Category& root, const std::string& path) {
  if (path == root.key) return &root;
  const Category* cur = &root;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t dot = path.find('.', start);
    std::string seg = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    const Category* next = nullptr;
    for (const auto& c : cur->children)
      if (c.key == seg) next = &c;
    if (!next) return nullptr;
    cur = next;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return cur;
}

}  // namespace detail

// The category that a breakdown breaks down (its row category, or column category along columns).
inline const Category& breakdown_category(const Form& form, const Breakdown& b) {
  const Cell& parent = form.cells()[b.parent];
  const Table& t = form.tables()[parent.table];
  const Category* c = b.along_columns ? detail::find_category(t.columns->root, parent.column) : detail::find_category(t.rows.root, parent.row);
  if (!c) throw Error("internal: no category for cell '" + parent.key + "'");
  return *c;
}

// The rules implied by a form's hierarchy: every partition sums to its parent, every 其中 item is
// at most its parent. Derived group rows are expanded to their parts, so no rule asks for a
// subtotal the template does not print.
inline std::vector<Rule> rules_from_hierarchy(const Form& form) {
  std::vector<Rule> out;
  for (const auto& b : form.breakdowns()) {
    const Cell& parent = form.cells()[b.parent];
    const Category& cat = breakdown_category(form, b);
    if (b.relation == Relation::partition) {
      Rule r;
      r.id = "sum:" + parent.key;
      r.lhs = {b.parent};
      r.rhs = b.parts;
      r.comparison = Comparison::equal;
      r.basis = {BasisKind::implied, "the parts of a partition sum to their total (各分项之和等于合计)"};
      r.lhs_text = parent.label;
      r.rhs_text = cat.parts_label.zh.empty() ? Label{"各分项", "its parts"} : cat.parts_label;
      out.push_back(std::move(r));
    } else if (b.relation == Relation::overlapping) {
      for (std::size_t part : b.parts) {
        Rule r;
        r.id = "within:" + form.cells()[part].key;
        r.lhs = {part};
        r.rhs = {b.parent};
        r.comparison = Comparison::less_equal;
        r.basis = {BasisKind::implied, "a 其中 item is at most its total (其中项不超过合计)"};
        r.lhs_text = form.cells()[part].label;
        r.rhs_text = parent.label;
        out.push_back(std::move(r));
      }
    }
  }
  return out;
}

// Hierarchy rules, then the form's declared relations.
inline std::vector<Rule> rules_from_form(const Form& form) {
  auto out = rules_from_hierarchy(form);
  for (const auto& r : form.declared_rules()) out.push_back(r);
  return out;
}

}  // namespace disclosure
