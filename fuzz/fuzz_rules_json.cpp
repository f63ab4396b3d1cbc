// Fuzz target: user rule files (disclosure/rules@1) against the built-in forms, and the rule
// language inside them. Only disclosure::Error escapes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "disclosure/io/form_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const disclosure::io::FormRegistry forms;
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    for (const auto& rule : disclosure::io::parse_rules_json(text, "fuzz.json", forms)) forms.get(rule.form)->resolve(rule.spec);
  } catch (const disclosure::Error&) {
  }
  return 0;
}
