// Tables to cells. A data cell is named by the labels around it: the label cells at the start of
// its row and the header cells above it in its column (spans already fill every slot). A form
// cell matches when its row category and its column category are each named by one of those
// labels; the categories above them, when also named, decide between candidates. Ties and
// no-match are never guessed: the figure is listed as unplaced.
#include <algorithm>

#include "disclosure/io/encoding.hpp"
#include "extract_detail.hpp"

namespace disclosure::io::detail {
namespace {

bool is_value_text(const std::string& t) { return parse_number(t).has_value() || parse_missing(t).has_value(); }

// A number followed by a unit printed in the cell ("12件").
std::optional<Decimal> number_with_unit(const std::string& t, std::string& unit) {
  for (const auto& u : units())
    if (t.size() > u.size() && t.compare(t.size() - u.size(), u.size(), u) == 0)
      if (auto d = parse_number(t.substr(0, t.size() - u.size()))) {
        unit = u;
        return d;
      }
  return std::nullopt;
}

bool is_unit_text(const std::string& t) { return std::find(units().begin(), units().end(), t) != units().end() || t == "万元/元"; }

struct Component {
  std::string key;
  bool from_row;
};

struct Match {
  std::size_t cell;
  int score;
};

// Candidates for a data cell named by `comps`, best first; empty when none.
std::vector<Match> candidates(const FormIndex& index, const std::vector<Component>& comps) {
  static const std::vector<const Category*> none;
  std::vector<const std::vector<const Category*>*> named;  // per label, the categories it names
  for (const auto& comp : comps) {
    auto it = index.named.find(comp.key);
    named.push_back(it == index.named.end() ? &none : &it->second);
  }
  auto names = [&](const FormIndex&, const Category* c, std::size_t i) -> int { return std::find(named[i]->begin(), named[i]->end(), c) != named[i]->end(); };
  std::vector<Match> out;
  for (const auto& chain : index.cells) {
    const Category* row = chain.rows.back();
    const Category* col = chain.columns.empty() ? nullptr : chain.columns.back();
    int row_at = -1, col_at = -1;
    for (std::size_t i = 0; i < comps.size(); ++i) {
      if (row_at < 0 && names(index, row, i)) row_at = static_cast<int>(i);
    }
    if (row_at < 0) continue;
    if (col) {
      for (std::size_t i = 0; i < comps.size() && col_at < 0; ++i)
        if (static_cast<int>(i) != row_at && names(index, col, i)) col_at = static_cast<int>(i);
      if (col_at < 0) continue;
    } else {
      // A one-dimensional cell takes no column label that names another column (历年累计).
      bool other_column = false;
      for (std::size_t i = 0; i < comps.size(); ++i)
        if (!comps[i].from_row && std::find(index.column_keys.begin(), index.column_keys.end(), comps[i].key) != index.column_keys.end())
          other_column = true;
      if (other_column) continue;
    }
    // Labels that name a category above the cell count for it; a label that names nothing in its
    // chains counts against it ("(一)予以公开" under "三、本年度办理结果" is not the heading's cell).
    int score = col ? 1 : 0;  // a cell that accounts for the column label beats one that ignores it
    for (std::size_t i = 0; i < comps.size(); ++i) {
      if (static_cast<int>(i) == row_at || static_cast<int>(i) == col_at) continue;
      int hits = 0;
      for (std::size_t a = 0; a + 1 < chain.rows.size(); ++a) hits += names(index, chain.rows[a], i);
      for (std::size_t a = 0; a + 1 < chain.columns.size(); ++a) hits += names(index, chain.columns[a], i);
      score += hits > 0 ? hits : -1;
    }
    out.push_back({chain.cell, score});
  }
  std::stable_sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.score > b.score; });
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : "/") + p;
  return s;
}

// Labels are few: a printed table has at most three header rows and three label columns. A
// hostile one may have thousands; past `max_labels` the nearest ones are kept.
constexpr std::size_t max_labels = 8;

void push_distinct(std::vector<std::string>& v, const std::string& s) {
  if (s.empty() || std::find(v.begin(), v.end(), s) != v.end()) return;
  if (v.size() == max_labels) v.erase(v.begin());
  v.push_back(s);
}

}  // namespace

// One value of a data row: named by its row's labels and the headers above its columns, then placed.
void place_value(const PageTable& table, std::size_t t, std::size_t r, std::size_t c, const std::vector<std::string>& row_labels,
                 const std::vector<std::vector<std::string>>& header, const FormIndex& index, Sink& sink, const std::string& scope) {
  const auto& row = table.rows[r];
  const std::size_t width = table.columns();
  const PageCell& cell = row[c];
  if (!cell.origin && c > 0 && row[c - 1].position == cell.position) return;  // a value spanning columns counts once
  if (is_unit_text(cell.text)) return;
  std::vector<Component> comps;
  std::vector<std::string> printed;
  for (const auto& l : row_labels) {
    comps.push_back({label_key(l), true});
    printed.push_back(l);
  }
  // A value spanning columns is named by the headers of every column it covers (Word's
  // tables split columns: a value under 商业企业 may also stand under a sliver of 自然人).
  std::vector<std::string> headers;
  for (std::size_t e = c; e < width && row[e].position == cell.position; ++e)
    for (const auto& h : header[e]) push_distinct(headers, h);
  for (const auto& h : headers) {
    comps.push_back({label_key(h), false});
    printed.push_back(h);
  }
  std::string unit;
  std::optional<Decimal> number = parse_number(cell.text);
  if (!number) number = number_with_unit(cell.text, unit);
  std::optional<Missing> missing = number ? std::nullopt : parse_missing(cell.text);
  std::string where = where_table(t, r, c);
  auto unplace = [&](const std::string& why) {
    if (!number) return;  // an unplaced blank or dash carries no figure
    sink.unplaced(scope, {"", joined(printed), cell.text, Value(*number), unit, joined(printed) + ": " + cell.text, cell.position, where, why});
  };
  if (!number && !missing) {
    return;  // words in a value column ("无", a note)
  }
  auto found = candidates(index, comps);
  if (found.empty()) {
    unplace("no cell of " + sink.form().key() + " has these labels");
    return;
  }
  if (found.size() > 1 && found[0].score == found[1].score && found[0].cell != found[1].cell) {
    unplace("the labels fit " + sink.form().cells()[found[0].cell].key + " and " + sink.form().cells()[found[1].cell].key + " alike");
    return;
  }
  const Cell& target = sink.form().cells()[found[0].cell];
  if (!unit.empty() && !same_measure(unit, target.unit)) {
    unplace("printed in " + unit + ", the cell " + target.key + " is in " + target.unit);
    return;
  }
  Value v = number ? Value(*number) : Value::absent(*missing);
  std::string why;
  if (!sink.place(scope, found[0].cell, v, "cell", joined(printed), cell.position, where, why, true)) unplace(why);
}

void extract_tables(const Page& page, const FormIndex& index, Sink& sink, const std::string& scope) {
  for (std::size_t t = 0; t < page.tables.size(); ++t) {
    const auto& rows = page.tables[t].rows;
    std::size_t width = page.tables[t].columns();
    std::vector<std::vector<std::string>> header(width);  // the header labels above each column
    bool last_was_data = false;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto& row = rows[r];
      // Label cells run up to the first value; a unit column (计量单位) is neither.
      std::size_t first_value = width;
      for (std::size_t c = 0; c < width; ++c)
        if (is_value_text(row[c].text) || (!row[c].text.empty() && std::string_view(row[c].text).find_first_not_of("0123456789.,-%") == std::string::npos)) {
          first_value = c;
          break;
        }
      bool has_number = false;
      for (std::size_t c = first_value; c < width; ++c) {
        std::string unit;
        has_number = has_number || parse_number(row[c].text) || number_with_unit(row[c].text, unit);
      }
      bool has_label = first_value > 0 && !row[0].text.empty();
      // A row of blanks is data only if nothing but values follows its label: a header row may
      // have an empty slot (a misaligned span) before its labels.
      bool only_values = true;
      for (std::size_t c = first_value; c < width; ++c) only_values = only_values && (is_value_text(row[c].text) || is_unit_text(row[c].text));
      // Cells that print the form's column labels make a header row, whatever blanks follow them
      // (a table pasted as text may end its rows with empty cells).
      bool names_columns = false;
      for (std::size_t c = 1; c < first_value && !names_columns; ++c)
        names_columns = std::find(index.column_keys.begin(), index.column_keys.end(), label_key(row[c].text)) != index.column_keys.end();
      bool data = has_number || (has_label && first_value < width && only_values && !names_columns);
      if (!data) {
        if (last_was_data) header.assign(width, {});
        for (std::size_t c = 0; c < width; ++c) push_distinct(header[c], row[c].text);
        last_was_data = false;
        continue;
      }
      last_was_data = true;
      std::vector<std::string> row_labels;
      for (std::size_t c = 0; c < first_value; ++c) push_distinct(row_labels, row[c].text);
      for (std::size_t c = first_value; c < width; ++c) place_value(page.tables[t], t, r, c, row_labels, header, index, sink, scope);
    }
  }
}

}  // namespace disclosure::io::detail
