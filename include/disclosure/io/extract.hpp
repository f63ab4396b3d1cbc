#pragma once
// Reports read from published pages: the template tables of 2019 and 2021 (二, 三, 四) and the
// prose and appended 统计表 of the narrative reports before 2019. Every figure placed in a cell
// keeps the words and the position it was read from; every figure that could not be placed is
// listed with its reason and kept in its report's extras, so nothing is lost and nothing invented.
#include <cstdint>
#include <string>
#include <vector>

#include "disclosure/io/page.hpp"
#include "disclosure/report.hpp"

namespace disclosure::io {

struct PlacedFigure {
  std::string report;          // id of the report the figure went to
  std::string cell;            // cell key
  Value value;                 // a number or a missing kind (blank, dash, slash)
  std::string kind;            // "cell", "stated_total", "percentage", "growth_rate", or "reading" (a sentence such as 已全部公开)
  std::string text;            // the words or the table labels it was read from
  std::int64_t position = -1;  // code-point offset in Page::text
  std::string where;           // "table 3, row 5, column 2" or "paragraph 12"
};

struct UnplacedFigure {
  std::string report;
  std::string label;   // the words before the number, or the table labels
  std::string number;  // as printed (after width normalisation): "80" of "80余万人"
  Value value;         // what it stands for: 800000; missing when it is not a number
  std::string unit;
  std::string text;
  std::int64_t position = -1;
  std::string where;
  std::string reason;
};

struct Extraction {
  std::string source;    // the page's name
  std::string encoding;  // of the bytes
  std::string format;    // "template-2021", "template-2019" or "narrative"
  std::vector<Report> reports;
  std::vector<PlacedFigure> placed;
  std::vector<UnplacedFigure> unplaced;
  std::vector<std::string> notes;
};

struct ExtractOptions {
  std::string id;      // report id (a second scope gets "-own-level"); default: the file name's stem
  std::string format;  // force "template-2021", "template-2019" or "narrative"; default: detected
};

// The format of a page, from the labels it prints: "本年制发件数" is 2021,
// "本年新制作数量" is 2019; with neither, the year in its title (2019–2020 the 2019 template,
// from 2021 the 2021 template, before 2019 or none the narrative era).
std::string detect_format(const Page& page);

Extraction extract(const Page& page, const ExtractOptions& options = {});
Extraction extract_file(const std::string& path, const ExtractOptions& options = {});

}  // namespace disclosure::io
