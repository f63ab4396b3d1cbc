// Word (.docx) into the page model: word/document.xml out of the zip (libzip, with size and ratio
// caps), parsed by libxml2 without entity substitution, DTD loading or network, then its body walked
// into paragraphs and tables (w:gridSpan, w:vMerge) and assembled as page_blocks.hpp says.
#include "disclosure/io/docx.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "disclosure/error.hpp"
#include "disclosure/io/page_blocks.hpp"

namespace disclosure::io {
namespace {

using Zip = std::unique_ptr<zip_t, void (*)(zip_t*)>;

void close_zip(zip_t* z) { zip_discard(z); }

// The unpacked bytes of one part, read no further than the caps allow whatever the zip declares.
std::string read_part(std::string_view bytes, const std::string& name, const char* part) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) throw ParseError(name + ": cannot read the zip: " + zip_error_strerror(&error));
  Zip zip(zip_open_from_source(src, ZIP_RDONLY, &error), close_zip);
  if (!zip) {
    zip_source_free(src);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw ParseError(name + ": not a readable .docx (zip): " + why);
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip.get(), part, 0, &st) != 0) throw ParseError(name + ": a zip without " + part + ": not a Word document");
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) throw ParseError(name + ": " + part + " is encrypted");
  std::size_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? static_cast<std::size_t>(st.comp_size) : bytes.size();
  std::size_t cap = std::min(max_docx_part, std::max<std::size_t>(packed, 1) * max_docx_ratio + (std::size_t{1} << 20));
  auto over = [&](std::size_t n) {
    return ParseError(name + ": " + part + " unpacks to " + (n > cap ? "over " : "") + std::to_string(n) + " bytes from " + std::to_string(packed) +
                      " (limits: " + std::to_string(max_docx_part) + " bytes, " + std::to_string(max_docx_ratio) + " times the packed size): refused as a zip bomb");
  };
  if ((st.valid & ZIP_STAT_SIZE) && st.size > cap) throw over(static_cast<std::size_t>(st.size));
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip.get(), part, 0), zip_fclose);
  if (!file) throw ParseError(name + ": cannot open " + part + ": " + zip_strerror(zip.get()));
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) throw ParseError(name + ": " + part + " is damaged: " + zip_file_strerror(file.get()));
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > cap) throw over(out.size());
  }
  return out;
}

const char* local(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }
bool is(const xmlNode* n, const char* name) { return n->type == XML_ELEMENT_NODE && std::strcmp(local(n), name) == 0; }

const xmlNode* child(const xmlNode* n, const char* name) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (is(c, name)) return c;
  return nullptr;
}

// w:val of a property element ("" when absent); namespaced or not.
std::string val(const xmlNode* n) {
  if (!n) return "";
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (std::strcmp(reinterpret_cast<const char*>(a->name), "val") == 0 && a->children && a->children->content)
      return reinterpret_cast<const char*>(a->children->content);
  return "";
}

bool skipped(const xmlNode* n) {
  for (const char* s : {"del", "delText", "instrText", "rPr", "pPr", "drawing", "pict", "object", "AlternateContent", "footnoteReference"})
    if (is(n, s)) return true;
  return false;
}

void run_text(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || skipped(c)) continue;
    if (is(c, "t")) {
      for (const xmlNode* t = c->children; t; t = t->next)
        if (t->content) out += reinterpret_cast<const char*>(t->content);
    } else if (is(c, "tab") || is(c, "br") || is(c, "cr")) {
      out.push_back(' ');
    } else {
      run_text(c->children, out);
    }
  }
}

class Walker {
public:
  std::vector<PageBlock> blocks;

  // The block-level children of the body, a cell or a content control, in order.
  void container(const xmlNode* n) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
      if (is(c, "p")) {
        PageBlock b;
        run_text(c->children, b.text);
        b.origin = "document paragraph " + std::to_string(++paragraphs_);
        blocks.push_back(std::move(b));
      } else if (is(c, "tbl")) {
        table(c);
      } else if (is(c, "sdt") || is(c, "sdtContent") || is(c, "customXml")) {
        container(is(c, "sdt") ? child(c, "sdtContent") : c);
      }
    }
  }

private:
  static bool nested(const xmlNode* tbl) {
    for (const xmlNode* tr = tbl->children; tr; tr = tr->next)
      for (const xmlNode* tc = is(tr, "tr") ? tr->children : nullptr; tc; tc = tc->next)
        if (is(tc, "tc") && child(tc, "tbl")) return true;
    return false;
  }

  static std::string cell_text(const xmlNode* tc) {
    std::string out;
    for (const xmlNode* p = tc->children; p; p = p->next)
      if (is(p, "p")) {
        if (!out.empty()) out.push_back(' ');
        run_text(p->children, out);
      }
    return out;
  }

  void table(const xmlNode* tbl);

  int paragraphs_ = 0, tables_ = 0;
};

// Rows of cells on the table's grid: w:gridBefore skips slots, w:gridSpan widens a cell, and a
// w:vMerge without "restart" lengthens the cell above it in the same slot.
void Walker::table(const xmlNode* tbl) {
  if (nested(tbl)) {  // a layout table, as in HTML: its cells read as blocks
    for (const xmlNode* tr = tbl->children; tr; tr = tr->next)
      for (const xmlNode* tc = is(tr, "tr") ? tr->children : nullptr; tc; tc = tc->next)
        if (is(tc, "tc")) container(tc);
    return;
  }
  PageBlock b;
  std::string where = "document table " + std::to_string(++tables_);
  std::vector<int> above;  // per slot: the cell that ends in the row above it there, or -1
  int row = 0;
  for (const xmlNode* tr = tbl->children; tr; tr = tr->next) {
    if (!is(tr, "tr")) continue;
    std::vector<int> here;
    int col = std::clamp(std::atoi(val(child(child(tr, "trPr"), "gridBefore")).c_str()), 0, max_span);
    here.assign(static_cast<std::size_t>(col), -1);
    int index = 0;
    for (const xmlNode* tc = tr->children; tc; tc = tc->next) {
      if (!is(tc, "tc")) continue;
      ++index;
      const xmlNode* pr = child(tc, "tcPr");
      int span = std::clamp(std::atoi(val(child(pr, "gridSpan")).c_str()), 1, max_span);
      const xmlNode* vm = child(pr, "vMerge");
      int up = static_cast<std::size_t>(col) < above.size() ? above[static_cast<std::size_t>(col)] : -1;
      if (vm && val(vm) != "restart" && up >= 0 && b.cells[static_cast<std::size_t>(up)].cols == span) {
        ++b.cells[static_cast<std::size_t>(up)].rows;
      } else {
        b.cells.push_back({cell_text(tc), row, col, 1, span, where + ", row " + std::to_string(row + 1) + ", cell " + std::to_string(index)});
        up = static_cast<int>(b.cells.size()) - 1;
      }
      here.resize(static_cast<std::size_t>(col + span), up);
      col += span;
      b.cols = std::max(b.cols, col);
      if (static_cast<std::size_t>(row + 1) * static_cast<std::size_t>(b.cols) > max_table_slots)
        throw ParseError(where + ": beyond " + std::to_string(max_table_slots) + " slots");
    }
    above = std::move(here);
    ++row;
  }
  b.rows = row;
  blocks.push_back(std::move(b));
}

}  // namespace

Page read_docx(std::string_view bytes, const std::string& name) { return read_docx_xml(read_part(bytes, name, "word/document.xml"), name); }

Page read_docx_xml(std::string_view xml, const std::string& name) {
  if (xml.size() > static_cast<std::size_t>(INT32_MAX)) throw ParseError(name + ": word/document.xml is too large");
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;  // no NOENT, no DTDLOAD: entities stay unexpanded
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "document.xml", nullptr, options), xmlFreeDoc);
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    throw ParseError(name + ": word/document.xml is not well-formed XML" + (e && e->message ? std::string(": ") + e->message : std::string()));
  }
  const xmlNode* body = child(xmlDocGetRootElement(doc.get()), "body");
  if (!body) throw ParseError(name + ": word/document.xml has no w:body");
  Walker w;
  try {
    w.container(body);
  } catch (const ParseError& e) {
    throw ParseError(name + ": " + e.what());
  }
  return assemble_page(name, w.blocks, "docx");
}

}  // namespace disclosure::io
