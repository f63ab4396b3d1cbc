#include "disclosure/io/page.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>

#include "disclosure/error.hpp"
#include "disclosure/io/docx.hpp"
#include "disclosure/io/encoding.hpp"
#include "disclosure/io/page_blocks.hpp"
#include "json_where.hpp"

namespace disclosure::io {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Runs of whitespace become one space; ends trimmed. Text from the parser is normalised again:
// entities (&nbsp;, &#65297;) are only decoded by the parser.
std::string collapse(std::string_view raw) {
  std::string s = normalise_width(raw);
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (is_space(static_cast<unsigned char>(c))) { space = !out.empty(); continue; }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// libxml2's HTML parser gives element names in lower case.
const char* name_of(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

bool is_element(const xmlNode* n, const char* name) { return n->type == XML_ELEMENT_NODE && std::strcmp(name_of(n), name) == 0; }

bool one_of(const char* name, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (std::strcmp(name, n) == 0) return true;
  return false;
}

bool is_block(const char* n) {
  return one_of(n, {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "center", "dd", "dt", "dl",
                    "blockquote", "pre", "hr", "header", "footer", "nav", "form", "td", "th", "caption", "title"});
}

bool is_skipped(const char* n) { return one_of(n, {"script", "style", "noscript", "head", "select", "iframe", "template"}); }

void text_content(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      const char* nm = name_of(c);
      if (is_skipped(nm)) continue;
      if (is_block(nm)) out.push_back(' ');
      text_content(c->children, out);
      if (is_block(nm)) out.push_back(' ');
    }
  }
}

bool contains_table(const xmlNode* n) {
  for (const xmlNode* c = n; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (is_element(c, "table") || contains_table(c->children))) return true;
  return false;
}

void collect_rows(const xmlNode* n, std::vector<const xmlNode*>& rows) {
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is_element(c, "tr")) rows.push_back(c);
    else collect_rows(c->children, rows);
  }
}

int span_of(const xmlNode* cell, const char* attr, bool& clipped) {
  xmlChar* v = xmlGetProp(cell, reinterpret_cast<const xmlChar*>(attr));
  if (!v) return 1;
  long n = std::strtol(reinterpret_cast<const char*>(v), nullptr, 10);
  xmlFree(v);
  if (n < 1) return 1;
  if (n > max_span) { clipped = true; return max_span; }
  return static_cast<int>(n);
}

class Builder {
public:
  explicit Builder(Page& page) : page_(page) {}

  void paragraph(std::string_view raw) {
    std::string t = collapse(raw);
    if (t.empty()) return;
    page_.paragraphs.push_back({t, position_});
    append(t);
    append("\n");
  }

  void flush() {
    paragraph(pending_);
    pending_.clear();
  }

  void walk(const xmlNode* n) {
    for (const xmlNode* c = n; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (c->content) pending_ += reinterpret_cast<const char*>(c->content);
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      const char* nm = name_of(c);
      if (std::strcmp(nm, "title") == 0 && page_.title.empty()) {
        std::string t;
        text_content(c->children, t);
        page_.title = collapse(t);
        continue;
      }
      if (is_skipped(nm)) continue;
      bool is_table = std::strcmp(nm, "table") == 0;
      if (is_table && !contains_table(c->children) && table(c)) continue;
      bool block = is_block(nm) || is_table;
      if (block) flush();
      walk(c->children);
      if (block) flush();
    }
  }

  // A cell as printed: its text, where it starts in the grid and how far it spans.
  struct Raw { std::string text; int row, col, rows, cols; };

  // A table without a table inside, at least 2×2: a data table. Returns false for layout tables.
  bool table(const xmlNode* t) {
    std::vector<const xmlNode*> trs;
    collect_rows(t->children, trs);
    std::vector<Raw> cells;
    std::vector<std::vector<char>> taken;  // occupancy while placing spans
    std::size_t width = 0;
    bool clipped = false;
    for (std::size_t r = 0; r < trs.size(); ++r) {
      if (taken.size() <= r) taken.resize(r + 1);
      std::size_t col = 0;
      for (const xmlNode* c = trs[r]->children; c; c = c->next) {
        if (!is_element(c, "td") && !is_element(c, "th")) continue;
        while (col < taken[r].size() && taken[r][col]) ++col;
        int rs = span_of(c, "rowspan", clipped), cs = span_of(c, "colspan", clipped);
        // A rowspan that runs past the last row is cut at the table's end.
        std::size_t last_row = std::min(trs.size(), r + static_cast<std::size_t>(rs));
        if ((last_row) * (col + static_cast<std::size_t>(cs)) > max_table_slots) {
          page_.notes.push_back(page_.name + ": a table exceeds " + std::to_string(max_table_slots) + " cells; the rest is read as text");
          return false;
        }
        for (std::size_t rr = r; rr < last_row; ++rr) {
          if (taken.size() <= rr) taken.resize(rr + 1);
          if (taken[rr].size() < col + static_cast<std::size_t>(cs)) taken[rr].resize(col + static_cast<std::size_t>(cs), 0);
          for (std::size_t cc = col; cc < col + static_cast<std::size_t>(cs); ++cc) taken[rr][cc] = 1;
        }
        std::string text;
        text_content(c->children, text);
        cells.push_back({collapse(text), static_cast<int>(r), static_cast<int>(col), static_cast<int>(last_row - r), cs});
        col += static_cast<std::size_t>(cs);
        width = std::max(width, col);
      }
    }
    if (trs.size() < 2 || width < 2) return false;
    if (clipped) page_.notes.push_back(page_.name + ": a rowspan or colspan above " + std::to_string(max_span) + " was clipped");
    add_table(cells, trs.size(), width);
    return true;
  }

  // Lines of plain text whose cells are separated by "|" (a table copied into text, markdown
  // included); a "|" at either end of a line is a border, a row of dashes a rule. Returns false,
  // reading nothing, unless the lines make a table of at least 2×2.
  bool text_table(const std::vector<std::string_view>& lines) {
    std::vector<Raw> cells;
    std::size_t rows = 0, width = 0;
    for (auto line : lines) {
      std::string t = collapse(line);
      if (!t.empty() && t.front() == '|') t.erase(0, 1);
      if (!t.empty() && t.back() == '|') t.pop_back();
      if (t.find_first_not_of("-:| ") == std::string::npos) continue;
      // A line of a million bars is no table row: counted before any cell is made.
      if (static_cast<std::size_t>(std::count(t.begin(), t.end(), '|')) >= max_table_slots) return false;
      std::size_t col = 0;
      for (std::size_t start = 0;; ++col) {
        std::size_t bar = t.find('|', start);
        cells.push_back({collapse(std::string_view(t).substr(start, bar == std::string::npos ? std::string::npos : bar - start)),
                         static_cast<int>(rows), static_cast<int>(col), 1, 1});
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
      width = std::max(width, col + 1);
      if (rows * width > max_table_slots) return false;
      ++rows;
    }
    if (rows < 2 || width < 2) return false;
    add_table(cells, rows, width);
    return true;
  }

  // A table from cells already placed on a rows × width grid; origins recorded at each cell.
  void grid(const std::vector<Raw>& cells, std::size_t rows, std::size_t width, const std::vector<std::string>& origins) {
    add_table(cells, rows, width);
    const auto& t = page_.tables.back();
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (!origins[i].empty())
        page_.origins.push_back({t.rows[static_cast<std::size_t>(cells[i].row)][static_cast<std::size_t>(cells[i].col)].position, origins[i]});
  }

  std::int64_t position() const noexcept { return position_; }

  void origin(const std::string& where) {
    flush();
    if (!where.empty()) page_.origins.push_back({position_, where});
  }

private:
  // Lays the cells out on a rows × width grid (short rows padded with empty slots, a spanning
  // cell filling every slot it covers) and renders it into the page's text.
  void add_table(const std::vector<Raw>& cells, std::size_t rows, std::size_t width) {
    flush();
    PageTable out;
    out.rows.assign(rows, std::vector<PageCell>(width));
    for (auto& row : out.rows)
      for (auto& cell : row) cell.origin = false;
    for (const auto& c : cells)
      for (int rr = c.row; rr < c.row + c.rows; ++rr)
        for (int cc = c.col; cc < c.col + c.cols; ++cc) {
          auto& slot = out.rows[static_cast<std::size_t>(rr)][static_cast<std::size_t>(cc)];
          slot.text = c.text;
          slot.origin = rr == c.row && cc == c.col;
        }
    out.position = position_;
    for (auto& row : out.rows) {
      for (std::size_t cc = 0; cc < row.size(); ++cc) {
        if (cc) append("\t");
        row[cc].position = position_;
        if (row[cc].origin) append(row[cc].text);
      }
      append("\n");
    }
    // Covered slots point at their origin's text.
    for (const auto& c : cells)
      for (int rr = c.row; rr < c.row + c.rows; ++rr)
        for (int cc = c.col; cc < c.col + c.cols; ++cc)
          out.rows[static_cast<std::size_t>(rr)][static_cast<std::size_t>(cc)].position =
              out.rows[static_cast<std::size_t>(c.row)][static_cast<std::size_t>(c.col)].position;
    page_.tables.push_back(std::move(out));
  }

  void append(std::string_view s) {
    page_.text += s;
    position_ += static_cast<std::int64_t>(code_points(s));
  }

  Page& page_;
  std::string pending_;
  std::int64_t position_ = 0;
};

bool looks_like_html(std::string_view text) {
  std::string head(text.substr(0, 2048));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* marker : {"<!doctype html", "<html", "<body", "<table", "<p>", "<p ", "<div", "<meta", "<head"})
    if (head.find(marker) != std::string::npos) return true;
  return false;
}

void read_html(Page& page, const std::string& utf8) {
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) throw ParseError(page.name + ": a page over 2 GiB is not read");
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | XML_PARSE_HUGE;  // HUGE: a 50 MB page on one line is still a page
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), page.name.c_str(), "UTF-8", options), xmlFreeDoc);
  if (!doc) throw ParseError(page.name + ": the HTML parser could not read the page");
  Builder b(page);
  // The <title> is in <head>, which the walk skips.
  for (const xmlNode* n = xmlDocGetRootElement(doc.get()); n; n = n->next)
    for (const xmlNode* c = n->children; c; c = c->next)
      if (is_element(c, "head"))
        for (const xmlNode* h = c->children; h; h = h->next)
          if (is_element(h, "title")) {
            std::string t;
            text_content(h->children, t);
            page.title = collapse(t);
          }
  b.walk(xmlDocGetRootElement(doc.get()));
  b.flush();
}

void read_text(Page& page, const std::string& utf8) {
  Builder b(page);
  std::vector<std::string_view> run;  // consecutive lines with a "|": perhaps a table
  auto end_run = [&] {
    if (run.size() >= 2 && b.text_table(run)) run.clear();
    for (auto line : run) b.paragraph(line);
    run.clear();
  };
  std::size_t start = 0;
  while (start <= utf8.size()) {
    std::size_t end = utf8.find('\n', start);
    if (end == std::string::npos) end = utf8.size();
    std::string_view line = std::string_view(utf8).substr(start, end - start);
    if (line.find('|') != std::string_view::npos) {
      run.push_back(line);
    } else {
      end_run();
      b.paragraph(line);
    }
    start = end + 1;
  }
  end_run();
}

// The cells of one block on its grid, each slot taken once.
std::vector<Builder::Raw> placed_cells(const PageBlock& b, const std::string& where) {
  if (b.rows < 0 || b.cols < 0 || static_cast<std::size_t>(b.rows) * static_cast<std::size_t>(b.cols) > max_table_slots)
    throw ParseError(where + ": a table of " + std::to_string(b.rows) + " × " + std::to_string(b.cols) + " slots is beyond " + std::to_string(max_table_slots));
  std::vector<char> taken(static_cast<std::size_t>(b.rows) * static_cast<std::size_t>(b.cols), 0);
  std::vector<Builder::Raw> cells;
  for (const auto& c : b.cells) {
    if (c.row < 0 || c.col < 0 || c.rows < 1 || c.cols < 1 || c.row + c.rows > b.rows || c.col + c.cols > b.cols)
      throw ParseError(where + ": a cell at row " + std::to_string(c.row) + ", column " + std::to_string(c.col) + " lies outside the table's grid");
    for (int r = c.row; r < c.row + c.rows; ++r)
      for (int k = c.col; k < c.col + c.cols; ++k) {
        char& t = taken[static_cast<std::size_t>(r) * static_cast<std::size_t>(b.cols) + static_cast<std::size_t>(k)];
        if (t) throw ParseError(where + ": two cells cover row " + std::to_string(r) + ", column " + std::to_string(k));
        t = 1;
      }
    cells.push_back({collapse(c.text), c.row, c.col, c.rows, c.cols});
  }
  return cells;
}

}  // namespace

Page assemble_page(const std::string& name, const std::vector<PageBlock>& blocks, const std::string& format, const std::string& title) {
  Page page;
  page.name = name;
  page.title = collapse(title);
  page.encoding = "utf-8";
  page.format = format;
  Builder b(page);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const PageBlock& block = blocks[i];
    if (block.cells.empty()) {
      b.origin(block.origin);
      std::int64_t start = b.position();
      b.paragraph(normalise_width(block.text));
      for (const auto& part : block.parts)
        if (!part.where.empty()) page.origins.push_back({start + part.position, part.where});
      continue;
    }
    auto cells = placed_cells(block, name + ": block " + std::to_string(i + 1));
    if (block.rows < 2 || block.cols < 2) {  // as in HTML: not a data table
      for (std::size_t k = 0; k < cells.size(); ++k) {
        b.origin(block.cells[k].origin);
        b.paragraph(cells[k].text);
      }
      continue;
    }
    std::vector<std::string> origins;
    for (const auto& c : block.cells) origins.push_back(c.origin);
    b.grid(cells, static_cast<std::size_t>(block.rows), static_cast<std::size_t>(block.cols), origins);
  }
  b.flush();
  std::stable_sort(page.origins.begin(), page.origins.end(), [](const PageOrigin& x, const PageOrigin& y) { return x.position < y.position; });
  return page;
}

std::string origin_at(const Page& page, std::int64_t position) {
  auto it = std::upper_bound(page.origins.begin(), page.origins.end(), position, [](std::int64_t p, const PageOrigin& o) { return p < o.position; });
  return it == page.origins.begin() ? std::string() : std::prev(it)->where;
}

Page read_page(std::string_view bytes, const std::string& name) {
  if (looks_like_pdf(bytes))
    throw ParseError(name + ": a PDF; the C++ library reads no PDFs: read it with the Python package (disclosure.extraction.read_pdf, or disclosure check/extract), "
                            "or build the page with assemble_page");
  if (looks_like_encrypted_office(bytes)) throw ParseError(name + ": a password-protected (encrypted) Word document; it is not read");
  if (looks_like_doc(bytes))
    throw ParseError(name + ": a Word 97-2003 document (.doc); convert it to .docx (soffice --headless --convert-to docx), "
                            "or read it with the Python package, which does so when LibreOffice is installed");
  if (looks_like_docx(bytes)) return read_docx(bytes, name);
  DecodedText d = decode(bytes, name);
  Page page;
  page.name = name;
  page.encoding = d.encoding;
  page.declared_encoding = d.declared;
  for (auto& n : d.notes) page.notes.push_back(name + ": " + n);
  std::string text = normalise_width(d.text);
  page.html = looks_like_html(text);
  page.format = page.html ? "html" : "text";
  if (page.html) read_html(page, text);
  else read_text(page, text);
  return page;
}

Page read_page_file(const std::string& path) { return read_page(detail::read_file(path), path); }

}  // namespace disclosure::io
