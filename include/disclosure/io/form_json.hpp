#pragma once
// Forms as data files, with the same power as the built-in forms (every built-in form writes to
// this format and reads back equal). Compiled in disclosure::io.
//
// {"format": "disclosure/form@1", "key": "us_foia", "label": {"zh": "…", "en": "…"},
//  "tables": [{"key", "label", "unit", "decimals", "allow_negative",
//              "rows": {"key", "label", "root": CATEGORY}, "columns": {…} (optional)}],
//  "rules": [{"id", "lhs": [cell keys], "rhs": [cell keys], "comparison": "==" | "<=",
//             "severity": "error|warning|info", "basis": {"kind": "printed|implied|heuristic|user", "note"},
//             "lhs_text": LABEL, "rhs_text": LABEL}]}
// CATEGORY: {"key", "label": {"zh", "en"}, "aliases": […], "relation": "none|partition|overlapping",
//            "derived": false, "parts_label", "total_label", "unit", "decimals", "allow_negative", "children": […]}
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "disclosure/form.hpp"

namespace disclosure::io {

inline constexpr std::string_view form_format = "disclosure/form@1";

std::shared_ptr<const Form> parse_form_json(std::string_view text, const std::string& source);
std::shared_ptr<const Form> read_form_json(const std::string& path);
std::string form_to_json(const Form& form);

// Rules written by users (format disclosure/rules@1), each for one form:
// {"format": "disclosure/rules@1", "rules": [{"id", "form", "rule": "a + b == c", "severity",
//   "basis": {"kind", "note"}, "lhs_text": LABEL, "rhs_text": LABEL}]}
// Every rule is parsed and resolved against its form while reading, so a syntax error, an unknown
// cell or a self-reference is reported with the file and the rule's JSON path.

// The forms that report files may name: the built-in ones, plus forms a user adds.
class FormRegistry;

struct UserRule {
  std::string form;  // form key
  RuleSpec spec;
};

std::vector<UserRule> parse_rules_json(std::string_view text, const std::string& source, const FormRegistry& forms);
std::vector<UserRule> read_rules_json(const std::string& path, const FormRegistry& forms);

class FormRegistry {
public:
  FormRegistry();
  // Adds a user form; a key already taken (built-in or added) is an error.
  void add(std::shared_ptr<const Form> form);
  std::shared_ptr<const Form> get(const std::string& key) const;  // KeyError naming the known keys
  std::vector<std::string> keys() const;

private:
  std::map<std::string, std::shared_ptr<const Form>> forms_;
};

}  // namespace disclosure::io
