// Reports as long-form CSV (see disclosure/io/csv.hpp).
//
// The reader is a strict RFC 4180 state machine written here rather than taken from a library:
// it must report the line and column of every problem, and Debian's libcsv (a C callback API)
// gives neither and would become a link dependency of the exported static library.
#include "disclosure/io/csv.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "json_where.hpp"

namespace disclosure::io {
namespace {

const std::vector<std::string> columns = {"report",   "form",       "issuer",       "year",            "scope",      "within", "series",
                                          "record",   "cell",       "label",        "value",           "missing",    "unit",   "base",
                                          "kind",     "text",       "position",     "source_url",      "source_title", "source_published", "source_note",
                                          "share",    "flags",      "where"};
// Columns added after the first version: a file without them is read as before.
const std::vector<std::string> later_columns = {"share", "flags", "where"};
// Column positions, by name, so that the code reads as the format does.
enum Col : std::size_t { c_report, c_form, c_issuer, c_year, c_scope, c_within, c_series, c_record, c_cell, c_label, c_value, c_missing, c_unit,
                         c_base, c_kind, c_text, c_position, c_source_url, c_source_title, c_source_published, c_source_note, c_share, c_flags, c_where };

std::string quote(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

struct Row {
  std::size_t line;  // line where the record starts
  std::vector<std::string> fields;
};

// RFC 4180: fields separated by commas, records by CRLF or LF, quotes doubled inside quoted fields.
std::vector<Row> parse_rows(std::string_view text, const std::string& source) {
  std::vector<Row> rows;
  std::size_t i = 0, line = 1, col = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  auto fail = [&](const std::string& why) { throw ParseError(source + ": line " + std::to_string(line) + ", column " + std::to_string(col) + ": " + why); };
  while (i < text.size()) {
    Row row{line, {}};
    while (true) {
      std::string field;
      if (i < text.size() && text[i] == '"') {
        ++i, ++col;
        while (true) {
          if (i >= text.size()) fail("a quoted field is not closed");
          char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; i += 2; col += 2; continue; }
            ++i, ++col;
            break;
          }
          if (c == '\n') { ++line; col = 1; } else ++col;
          field += c;
          ++i;
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') fail("unexpected character after a closing quote");
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') fail("a quote inside an unquoted field (quote the field and double the quote)");
          field += text[i++];
          ++col;
        }
      }
      row.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') { ++i, ++col; continue; }
      break;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size()) {
      if (text[i] != '\n') fail("a carriage return without a line feed");
      ++i;
    }
    ++line;
    col = 1;
    if (!(row.fields.size() == 1 && row.fields[0].empty())) rows.push_back(std::move(row));  // skip blank lines
  }
  return rows;
}

Value parse_value(const std::string& value, const std::string& missing, const std::string& where) {
  if (!value.empty() && !missing.empty()) throw ParseError(where + ": both a value and a kind of missing");
  if (!missing.empty()) {
    auto m = missing_from_string(missing);
    if (!m || *m == Missing::none || *m == Missing::not_stated)
      throw ParseError(where + ": unknown kind of missing '" + missing + "' (expected blank, dash, slash or not_applicable)");
    return Value::absent(*m);
  }
  if (value.empty()) throw ParseError(where + ": no value and no kind of missing");
  try {
    return Value(Decimal::parse(value));
  } catch (const Error& e) {
    throw ParseError(where + ": " + e.what());
  }
}

std::int64_t parse_position(const std::string& s, const std::string& where) {
  if (s.empty()) return -1;
  try {
    Decimal d = Decimal::parse(s);
    if (!d.is_integer() || d.units() < 0) throw Error("not a whole number ≥ 0");
    return d.units();
  } catch (const Error& e) {
    throw ParseError(where + ": position '" + s + "': " + e.what());
  }
}

bool has_flag(const std::string& flags, std::string_view flag) {
  std::size_t at = flags.find(flag);
  return at != std::string::npos && (at == 0 || flags[at - 1] == ' ') && (at + flag.size() == flags.size() || flags[at + flag.size()] == ' ');
}

// A statement is a 'statement' row (its sentence, opening word, flags) followed by a row for its
// total, its base and each part: count in value, share in share, linked cells joined by '+'.
template <class Row, class Line>
void statement_rows(const Statement& st, const Row& row, const Line& line) {
  auto f = row("statement");
  f[c_kind] = st.connective, f[c_label] = st.base_words, f[c_text] = st.text, f[c_where] = st.where;
  f[c_flags] = std::string(st.complete ? "complete" : "") + (st.overlapping ? (st.complete ? " overlapping" : "overlapping") : "");
  if (st.position >= 0) f[c_position] = std::to_string(st.position);
  if (st.multiple) f[c_share] = st.multiple->to_string();
  line(f);
  auto item = [&](const char* record, const StatementItem& i) {
    auto g = row(record);
    g[c_label] = i.label, g[c_unit] = i.unit, g[c_kind] = i.link_basis;
    if (i.count) g[c_value] = i.count->to_string();
    if (i.share) g[c_share] = i.share->to_string();
    for (std::size_t k = 0; k < i.link.size(); ++k) g[c_cell] += (k ? "+" : "") + i.link[k];
    if (i.approximate) g[c_flags] = "approximate";
    if (i.position >= 0) g[c_position] = std::to_string(i.position);
    line(g);
  };
  if (st.total) item("statement_total", *st.total);
  if (st.base) item("statement_base", *st.base);
  for (const auto& p : st.parts) item("statement_part", p);
}

template <class Get>
Statement read_statement_row(const Get& get) {
  Statement st;
  st.connective = get("kind"), st.base_words = get("label"), st.text = get("text"), st.where = get("where");
  st.complete = has_flag(get("flags"), "complete");
  st.overlapping = has_flag(get("flags"), "overlapping");
  st.position = parse_position(get("position"), "statement");
  if (!get("share").empty()) st.multiple = Decimal::parse(get("share"));
  return st;
}

template <class Get>
void add_statement_item(Statement& st, const std::string& record, const Get& get, const std::string& where) {
  StatementItem i;
  i.label = get("label"), i.unit = get("unit"), i.link_basis = get("kind");
  if (!get("value").empty()) i.count = Decimal::parse(get("value"));
  if (!get("share").empty()) i.share = Decimal::parse(get("share"));
  const std::string& cells = get("cell");
  for (std::size_t start = 0; !cells.empty() && start <= cells.size();) {
    std::size_t plus = cells.find('+', start);
    i.link.push_back(cells.substr(start, plus == std::string::npos ? std::string::npos : plus - start));
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  i.approximate = has_flag(get("flags"), "approximate");
  i.position = parse_position(get("position"), where);
  if (record == "statement_total") st.total = std::move(i);
  else if (record == "statement_base") st.base = std::move(i);
  else if (record == "statement_part") st.parts.push_back(std::move(i));
  else throw ParseError(where + ": unknown record '" + record + "'");
}

}  // namespace

std::string reports_to_csv(const std::vector<Report>& reports) {
  std::string out;
  auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + quote(fields[i]);
    out += "\r\n";
  };
  line(columns);
  for (const auto& r : reports) {
    auto row = [&](const std::string& record) {
      std::vector<std::string> f(columns.size());
      f[c_report] = r.id(), f[c_form] = r.form().key(), f[c_issuer] = r.issuer, f[c_year] = std::to_string(r.year), f[c_scope] = r.scope;
      f[c_within] = r.within, f[c_series] = r.series, f[c_record] = record;
      return f;
    };
    auto f = row("report");
    f[c_source_url] = r.source.url, f[c_source_title] = r.source.title, f[c_source_published] = r.source.published, f[c_source_note] = r.source.note;
    line(f);
    for (std::size_t i = 0; i < r.form().size(); ++i) {
      const Value& v = r[i];
      if (v.missing() == Missing::not_stated) continue;
      f = row("value");
      f[c_cell] = r.form().cells()[i].key;
      f[c_label] = r.form().cells()[i].label.zh;
      if (v.has_number()) f[c_value] = v.number().to_string(); else f[c_missing] = std::string(to_string(v.missing()));
      if (r.unit_overrides().count(i)) f[c_unit] = r.unit(i);
      line(f);
    }
    for (const auto& s : r.stated()) {
      f = row("stated");
      f[c_cell] = s.cell, f[c_value] = s.value.to_string(), f[c_base] = s.base, f[c_kind] = std::string(to_string(s.kind)), f[c_text] = s.text;
      if (s.position >= 0) f[c_position] = std::to_string(s.position);
      line(f);
    }
    for (const auto& st : r.statements()) statement_rows(st, row, line);
    for (const auto& e : r.extras()) {
      f = row("extra");
      f[c_label] = e.label, f[c_unit] = e.unit, f[c_text] = e.text;
      if (e.value.has_number()) f[c_value] = e.value.number().to_string(); else f[c_missing] = std::string(to_string(e.value.missing()));
      if (e.position >= 0) f[c_position] = std::to_string(e.position);
      line(f);
    }
  }
  return out;
}

std::vector<Report> parse_reports_csv(std::string_view text, const std::string& source, const FormRegistry& forms) {
  detail::require_utf8(text, source);
  auto rows = parse_rows(text, source);
  if (rows.empty()) throw ParseError(source + ": empty file (expected a header row)");
  const auto& header = rows[0].fields;
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < header.size(); ++i)
    if (!col.emplace(header[i], i).second) throw ParseError(source + ": line 1: column '" + header[i] + "' appears twice");
  for (const auto& name : columns)
    if (!col.count(name) && std::find(later_columns.begin(), later_columns.end(), name) == later_columns.end()) throw ParseError(source + ": line 1: missing column '" + name + "'" + (header.size() == 1 ? " (is the delimiter a comma?)" : ""));
  for (const auto& [name, i] : col)
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) throw ParseError(source + ": line 1: unknown column '" + name + "'");

  std::vector<Report> out;
  std::map<std::string, std::size_t> index;
  std::set<std::pair<std::string, std::string>> seen_cells;
  for (std::size_t n = 1; n < rows.size(); ++n) {
    const Row& row = rows[n];
    const std::string where = source + ": line " + std::to_string(row.line);
    if (row.fields.size() != header.size())
      throw ParseError(where + ": " + std::to_string(row.fields.size()) + " fields, the header has " + std::to_string(header.size()));
    static const std::string none;
    auto get = [&](const char* name) -> const std::string& {
      auto c = col.find(name);
      return c == col.end() ? none : row.fields[c->second];
    };
    const std::string& id = get("report");
    const std::string& record = get("record");
    if (record == "report") {
      if (index.count(id)) throw ParseError(where + ": report '" + id + "' appears twice");
      std::shared_ptr<const Form> form;
      try {
        form = forms.get(get("form"));
      } catch (const KeyError& e) {
        throw ParseError(where + ": " + e.what());
      }
      Report r(form, id);
      r.issuer = get("issuer");
      try {
        Decimal y = Decimal::parse(get("year"));
        if (!y.is_integer() || y.units() > 9999 || y.units() < -9999) throw Error("not a year");
        r.year = static_cast<int>(y.units());
      } catch (const Error&) {
        throw ParseError(where + ": year '" + get("year") + "' is not a whole number");
      }
      r.scope = get("scope");
      r.within = get("within");
      r.series = get("series");
      r.source = {get("source_url"), get("source_title"), get("source_published"), get("source_note")};
      index[id] = out.size();
      out.push_back(std::move(r));
      continue;
    }
    auto it = index.find(id);
    if (it == index.end()) throw ParseError(where + ": report '" + id + "' has no 'report' row before its " + record + " rows");
    Report& r = out[it->second];
    if (get("form") != r.form().key() || get("issuer") != r.issuer || get("scope") != r.scope || get("within") != r.within || get("series") != r.series || get("year") != std::to_string(r.year))
      throw ParseError(where + ": the report columns differ from report '" + id + "''s 'report' row");
    try {
      if (record == "value") {
        if (!seen_cells.insert({id, get("cell")}).second) throw ParseError(where + ": cell '" + get("cell") + "' of report '" + id + "' appears twice");
        r.set(get("cell"), parse_value(get("value"), get("missing"), where));
        if (!get("unit").empty()) r.set_unit(get("cell"), get("unit"));
      } else if (record == "stated") {
        StatedFigure s;
        const std::string& kind = get("kind");
        if (kind == "percentage") s.kind = StatedKind::percentage;
        else if (kind == "growth_rate") s.kind = StatedKind::growth_rate;
        else if (kind == "total") s.kind = StatedKind::total;
        else throw ParseError(where + ": unknown kind '" + kind + "' of a stated figure");
        s.cell = get("cell");
        s.base = get("base");
        s.value = Decimal::parse(get("value"));
        s.text = get("text");
        s.position = parse_position(get("position"), where);
        r.add_stated(std::move(s));
      } else if (record == "statement") {
        r.add_statement(read_statement_row(get));
      } else if (record.rfind("statement_", 0) == 0) {
        if (r.statements().empty()) throw ParseError(where + ": a " + record + " row before any 'statement' row of report '" + id + "'");
        Statement st = r.statements().back();
        add_statement_item(st, record, get, where);
        r.replace_last_statement(std::move(st));
      } else if (record == "extra") {
        r.add_extra({get("label"), parse_value(get("value"), get("missing"), where), get("unit"), get("text"), parse_position(get("position"), where)});
      } else {
        throw ParseError(where + ": unknown record '" + record + "' (expected report, value, stated, statement, statement_total, statement_base, statement_part or extra)");
      }
    } catch (const ParseError&) {
      throw;
    } catch (const Error& e) {
      throw ParseError(where + ": " + e.what());
    }
  }
  return out;
}

std::string findings_to_csv(const std::vector<Finding>& findings) {
  std::string out;
  auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + quote(fields[i]);
    out += "\r\n";
  };
  auto join = [](const std::vector<std::string>& xs) {
    std::string s;
    for (const auto& x : xs) s += (s.empty() ? "" : "; ") + x;
    return s;
  };
  auto num = [](const std::optional<Decimal>& d) { return d ? d->to_string() : std::string(); };
  auto suggestions = [&](const Finding& f) {
    std::vector<std::string> xs;
    for (const auto& s : f.suggestions) xs.push_back(s.cell + "=" + s.to.to_string() + " (" + std::string(to_string(s.kind)) + ")");
    return join(xs);
  };
  auto edit_sets = [&](const Finding& f) {
    std::vector<std::string> xs;
    for (const auto& set : f.edit_sets) {
      std::string s;
      for (const auto& c : set) s += (s.empty() ? "" : " + ") + c;
      xs.push_back(s);
    }
    return join(xs);
  };
  line({"report", "rule", "status", "severity", "basis", "basis_note", "comparison", "lhs", "rhs", "difference", "tolerance", "rounding", "cells",
        "read_as_zero", "derived", "suggestions", "edit_sets", "message_zh", "message_en"});
  for (const auto& f : findings) {
    std::vector<std::string> cells;
    for (const auto& c : f.cells) cells.push_back(c.key + "=" + c.value.to_string());
    line({f.report, f.rule, std::string(to_string(f.status)), std::string(to_string(f.severity)), std::string(to_string(f.basis.kind)), f.basis.note,
          std::string(to_string(f.comparison)), num(f.lhs), num(f.rhs), num(f.difference), f.tolerance.to_string(),
          f.rounding ? std::to_string(f.rounding->decimals) + " " + std::string(to_string(f.rounding->mode)) : "", join(cells), join(f.read_as_zero),
          join(f.derived), suggestions(f), edit_sets(f), f.message.zh, f.message.en});
  }
  return out;
}

std::vector<Report> read_reports_csv(const std::string& path, const FormRegistry& forms) {
  return parse_reports_csv(detail::read_file(path), path, forms);
}

}  // namespace disclosure::io
