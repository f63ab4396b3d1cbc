// Fuzz target: user form files (disclosure/form@1). Only disclosure::Error escapes; a form that
// reads writes back and reads again to the same form.
#include <cstddef>
#include <cstdint>
#include <string>

#include "disclosure/io/form_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    auto form = disclosure::io::parse_form_json(text, "fuzz.json");
    auto again = disclosure::io::parse_form_json(disclosure::io::form_to_json(*form), "round-trip.json");
    if (!(*again == *form)) __builtin_trap();
  } catch (const disclosure::Error&) {
  }
  return 0;
}
