#pragma once
// The words reports use for a form's cells where they do not print its label: "答复申请20件" for
// the template's 三（七）总计, "受理申请" for 本年新收. A reading through a synonym is a heuristic
// (what the sentence refers to), so checks on it are warnings at most.
#include <string>
#include <vector>

namespace disclosure::forms {

struct Synonym {
  std::vector<std::string> words;  // all of them in the figure's label
  std::string cell;
};

inline const std::vector<Synonym>& synonyms(const std::string& form_key) {
  static const std::vector<Synonym> templates = {
      {{"答复", "申请"}, "applications.outcome.total"}, {{"办结", "申请"}, "applications.outcome.total"},
      {{"受理", "申请"}, "applications.new.total"},     {{"新收", "申请"}, "applications.new.total"},
      {{"上年结转"}, "applications.carried_over.total"}, {{"结转下年"}, "applications.carried_forward.total"}};
  static const std::vector<Synonym> narrative = {
      {{"答复", "申请"}, "responses.total.year"}, {{"办结", "申请"}, "responses.total.year"}, {{"受理", "申请"}, "requests.total.year"}};
  static const std::vector<Synonym> none;
  if (form_key == "ogi2019" || form_key == "ogi2021") return templates;
  if (form_key == "ogi2008") return narrative;
  return none;
}

}  // namespace disclosure::forms
