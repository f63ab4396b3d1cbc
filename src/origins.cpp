#include "disclosure/io/origins.hpp"

#include "disclosure/io/page_blocks.hpp"

namespace disclosure::io {

namespace {
void add(std::string& where, const std::string& origin) {
  if (origin.empty()) return;
  where += where.empty() ? origin : "; " + origin;
}
}  // namespace

void add_origins(Extraction& extraction, const Page& page) {
  if (page.origins.empty()) return;
  for (auto& f : extraction.placed) add(f.where, origin_at(page, f.position));
  for (auto& f : extraction.unplaced) add(f.where, origin_at(page, f.position));
}

Extraction extract_with_origins(const Page& page, const ExtractOptions& options) {
  Extraction ex = extract(page, options);
  add_origins(ex, page);
  return ex;
}

}  // namespace disclosure::io
