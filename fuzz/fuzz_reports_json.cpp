// Fuzz target: report files in JSON. Only disclosure::Error escapes; what reads writes back and
// reads again to the same reports.
#include <cstddef>
#include <cstdint>
#include <string>

#include "disclosure/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    auto reports = disclosure::io::parse_reports_json(text, "fuzz.json");
    auto again = disclosure::io::parse_reports_json(disclosure::io::reports_to_json(reports), "round-trip.json");
    if (!(again == reports)) __builtin_trap();
  } catch (const disclosure::Error&) {
  }
  return 0;
}
