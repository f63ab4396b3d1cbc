#pragma once
// Internals of extraction shared by the table and prose readers: label keys, the form's cells
// with their category chains, value parsing, and the state of one extraction.
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "disclosure/form.hpp"
#include "disclosure/io/extract.hpp"

namespace disclosure::io::detail {

// A label reduced for matching: whitespace, quotes and 其中 dropped, numbering
// (一、 (一) 1. ①) and a trailing bracketed note removed, known typos of the official labels
// mended, a leading year ("2018年度") reduced to "年度".
std::string label_key(std::string_view label);

// One fillable cell with the categories above it, root first.
struct CellChain {
  std::size_t cell = 0;
  std::vector<const Category*> rows;
  std::vector<const Category*> columns;  // empty for one-dimensional tables
  bool period_columns = false;           // columns are 本年度 / 历年累计
  std::string measure;                   // what the cell counts (see measure_of)
};

// Label keys of a category: its label, total label and aliases.
std::vector<std::string> variants(const Category& c);

struct FormIndex {
  explicit FormIndex(std::shared_ptr<const Form> form);
  std::shared_ptr<const Form> form_ptr;
  const Form& form;
  std::vector<CellChain> cells;
  std::map<const Category*, std::vector<std::string>> keys;  // label keys per category
  std::vector<std::string> column_keys;                      // label keys of every column category, but 本年度
  // The categories a label key names: a table label is looked up once, not compared with every cell.
  std::unordered_map<std::string, std::vector<const Category*>> named;
  // Per cell of the form: its chain in `cells`, the totals it is a part of, and the one its share
  // is of (its last row breakdown's total, else its first column breakdown's).
  std::vector<std::size_t> chain_of;
  std::vector<std::vector<std::size_t>> parents;
  std::vector<std::optional<std::size_t>> share_parent;
};

// The built-in form of a key with its index, built once per process (thread-safe).
const FormIndex& builtin_index(const std::string& form_key);

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
// The one thousands-separator rule: a comma between a digit and exactly three digits ("1,234").
bool thousands_separator_at(std::string_view s, std::size_t at);

// "12", "1,234", "37.68", "-3" → Decimal; nullopt for anything else.
std::optional<Decimal> parse_number(std::string_view s);
// blank, "—", "/" → the missing kind; nullopt for anything else.
std::optional<Missing> parse_missing(std::string_view s);

// Units of measure a figure may carry, longest first, and whether two units measure the same thing.
const std::vector<std::string>& units();
// What a unit measures: "count" for 件, 条, 个 …, "occasions" for 次, 场, 期, "visits" for 人次 …,
// "people" for 人 and 名, else the unit itself; a cell without a unit counts. A figure goes only
// to a cell that measures the same.
std::string measure_of(const std::string& unit);
inline bool same_measure(const std::string& figure_unit, const std::string& cell_unit) {
  return measure_of(figure_unit) == (cell_unit.empty() ? std::string("count") : measure_of(cell_unit));
}

// The state of one extraction: the reports by scope, and what was placed.
class Sink {
public:
  Sink(Extraction& out, std::shared_ptr<const Form> form, std::string id, std::string issuer, int year, std::string default_scope);
  Report& report(const std::string& scope);
  const Form& form() const { return *form_; }
  int year() const { return year_; }  // of the title; 0 when it gives none
  const std::string& issuer() const { return issuer_; }
  // Places a value; a cell that already holds another value keeps it and the new one becomes a
  // stated total on the cell (prose against table: a finding for the checks). Returns false when
  // the value does not fit the cell (decimals, sign).
  // `from_table`: read from a table cell, so that the same figure in prose becomes a stated total.
  bool place(const std::string& scope, std::size_t cell, const Value& v, const std::string& kind, const std::string& text, std::int64_t pos,
             const std::string& where, std::string& why, bool from_table = false);
  void unplaced(const std::string& scope, UnplacedFigure f);
  void stated(const std::string& scope, StatedFigure f, const std::string& where);
  bool filled(const std::string& scope, std::size_t cell) const;
  // Adds what the text enumerates to the report of `scope`.
  void statement(const std::string& scope, Statement s);
  // What has been placed so far (the statement reader links its figures to it).
  const Extraction& extraction() const { return out_; }
  void finish();

private:
  Extraction& out_;
  std::shared_ptr<const Form> form_;
  std::string id_, issuer_, default_scope_;
  int year_;
  std::map<std::string, std::size_t> by_scope_;
  std::map<std::pair<std::string, std::size_t>, bool> from_table_;
  std::set<std::tuple<std::string, int, std::string, std::string, std::int64_t, int>> stated_seen_;  // one stated figure once
};

void extract_tables(const Page& page, const FormIndex& index, Sink& sink, const std::string& scope);
void extract_prose(const Page& page, const FormIndex& index, Sink& sink, bool cells_from_prose, const std::string& scope);
// After the prose reader: every sentence that enumerates a total and its parts, its figures
// linked to the cells the prose reader placed them in, or to groups and unions of cells.
void extract_statements(const Page& page, const FormIndex& index, Sink& sink, const std::string& scope);

// `s` without the ASCII characters in `chars` and without the strings in `words`: one pass, so a
// page full of quotes costs no more than any other.
inline std::string without(std::string_view s, std::string_view chars, std::initializer_list<std::string_view> words) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (chars.find(s[i]) != std::string_view::npos) { ++i; continue; }
    bool dropped = false;
    for (auto w : words)
      if (s.substr(i, w.size()) == w) { i += w.size(); dropped = true; break; }
    if (!dropped) out.push_back(s[i++]);
  }
  return out;
}

// Every `from` in `s` replaced by `to`, in one pass.
inline std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s.substr(i, from.size()) == from) { out += to; i += from.size(); }
    else out.push_back(s[i++]);
  }
  return out;
}

// At most `bytes` bytes of UTF-8 text, never cutting a character.
inline std::string clip(const std::string& s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  while (bytes > 0 && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) --bytes;
  return s.substr(0, bytes);
}

// A figure of running text: a number with its unit ("123件", "37.68万元", "49.79%", "80余万人").
struct Figure {
  std::size_t begin = 0, end = 0;  // bytes in the paragraph: the whole "123件"
  std::string number;              // as printed
  Decimal value;
  std::string unit;                // empty: printed without one ("…46条，不予公开信息数1402。")
  bool approximate = false;
  bool unit_inherited = false;     // the unit of the figure before it in the sentence
  std::string context;             // the words before it in its clause (squeezed)
};

// The next figure of `p` at or after `from` (advanced past it); dates, numbering and codes are
// passed over.
std::optional<Figure> next_figure(std::string_view p, std::size_t& from);

std::string where_paragraph(std::size_t i);
std::string where_table(std::size_t t, std::size_t r, std::size_t c);

}  // namespace disclosure::io::detail
