// Fuzz target: report files in long-form CSV. Only disclosure::Error escapes; what reads writes
// back and reads again to the same reports.
#include <cstddef>
#include <cstdint>
#include <string>

#include "disclosure/io/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    auto reports = disclosure::io::parse_reports_csv(text, "fuzz.csv");
    auto again = disclosure::io::parse_reports_csv(disclosure::io::reports_to_csv(reports), "round-trip.csv");
    if (!(again == reports)) __builtin_trap();
  } catch (const disclosure::Error&) {
  }
  return 0;
}
