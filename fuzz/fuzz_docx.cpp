// Fuzz target: Word documents. The first byte chooses what the rest is: a whole .docx (the zip,
// through libzip and its caps) or the document part alone (the XML walk and the grid of merged
// cells). Invariants: only disclosure::Error escapes; the reports extracted survive a JSON round
// trip unchanged.
#include <cstddef>
#include <cstdint>
#include <string>

#include "disclosure/io/docx.hpp"
#include "disclosure/io/json.hpp"
#include "disclosure/io/origins.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    auto page = (data[0] & 1) ? disclosure::io::read_docx_xml(bytes, "fuzz.docx") : disclosure::io::read_docx(bytes, "fuzz.docx");
    auto ex = disclosure::io::extract_with_origins(page);
    auto text = disclosure::io::reports_to_json(ex.reports);
    if (disclosure::io::reports_to_json(disclosure::io::parse_reports_json(text, "round-trip.json")) != text) __builtin_trap();
  } catch (const disclosure::Error&) {
  }
  return 0;
}
