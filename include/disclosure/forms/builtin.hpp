#pragma once
// The built-in forms by key.
#include <memory>
#include <string>
#include <vector>

#include "disclosure/forms/ogi2008.hpp"
#include "disclosure/forms/templates.hpp"

namespace disclosure::forms {

inline std::vector<std::string> builtin_keys() { return {"ogi2008", "ogi2019", "ogi2021"}; }

inline std::shared_ptr<const Form> builtin(const std::string& key) {
  if (key == "ogi2008") return ogi2008();
  if (key == "ogi2019") return ogi2019();
  if (key == "ogi2021") return ogi2021();
  std::string known;
  for (const auto& k : builtin_keys()) known += (known.empty() ? "" : ", ") + k;
  throw KeyError("no built-in form '" + key + "' (known: " + known + ")");
}

}  // namespace disclosure::forms
