// Fuzz target: report pages (text or HTML, any bytes) through decoding, the page reader and
// extraction. Invariants: only disclosure::Error escapes; the reports extracted survive a JSON
// round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <string>

#include "disclosure/io/extract.hpp"
#include "disclosure/io/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    auto ex = disclosure::io::extract(disclosure::io::read_page(bytes, "fuzz.html"));
    auto text = disclosure::io::reports_to_json(ex.reports);
    if (disclosure::io::reports_to_json(disclosure::io::parse_reports_json(text, "round-trip.json")) != text) __builtin_trap();
  } catch (const disclosure::Error&) {
  }
  return 0;
}
