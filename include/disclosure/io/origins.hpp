#pragma once
// Figures traced to their file: for a page built from a PDF or a Word document, each figure's
// `where` ("table 3, row 5, column 2") gains the place in the file that the page records
// ("table 3, row 5, column 2; PDF page 4, x 301, y 412").
#include "disclosure/io/extract.hpp"

namespace disclosure::io {

void add_origins(Extraction& extraction, const Page& page);

// extract(), then add_origins(): what the command line and the Python package run.
Extraction extract_with_origins(const Page& page, const ExtractOptions& options = {});

}  // namespace disclosure::io
