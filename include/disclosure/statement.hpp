#pragma once
// What a report's text enumerates: a total and its parts, each with its count and share where
// printed ("累计主动公开政府信息120条。其中，网上公开信息90条，所占比例为75%…"). A sentence that
// lists a total and its parts is a small table of its own, checked as such (statement_checks.hpp)
// whether or not its words name cells of the form; where they do, each figure is linked to the
// cells whose sum it states (one cell, a group heading's rows, a union of categories), so prose
// is also checked against the tables.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "disclosure/decimal.hpp"

namespace disclosure {

// One figure of a statement: its words, its count, its share.
struct StatementItem {
  std::string label;             // the words that name it, as printed (spaces and quotes dropped)
  std::optional<Decimal> count;  // absent for a share printed without a count
  std::string unit;              // as printed: 件, 条, 人次 …
  bool approximate = false;      // 约, 余, 多, 以上
  std::optional<Decimal> share;  // the percentage printed with it, as printed (its decimals kept)
  // The cells whose sum the figure states: one cell, the rows of a group heading (不予公开 is
  // the sum of its eight reasons), the categories of a union (予以公开及部分公开). Empty: none.
  std::vector<std::string> link;
  std::string link_basis;        // how the link was made: "label", "group", "union", "synonym"
  std::int64_t position = -1;    // code-point offset of the number in the page text
  friend bool operator==(const StatementItem&, const StatementItem&) = default;
};

struct Statement {
  std::optional<StatementItem> total;  // the whole the parts are of, when the text states it
  std::vector<StatementItem> parts;
  std::string connective;  // the word that opens the parts: 其中, 分别为, 包括, 主要有 … ("" for a bare list)
  // The text presents the parts as all of the total (分别为, 依次为): their sum must equal it; an
  // open list (其中, 主要有, 包括) must only not exceed it.
  bool complete = false;
  // The parts are channels or platforms (网站, 微信, 公开栏 …): one item may be published through
  // several, so parts over their total is no certain error.
  bool overlapping = false;
  // The base a share is said to be of, as printed ("在主动公开的信息中", "占总数"); empty: the
  // statement's own total.
  std::string base_words;
  std::optional<StatementItem> base;  // the figure base_words name, found earlier in the text
  // "是上年的2.5倍" (connective "倍"): the total is this year's figure, the one part last year's, and
  // this the multiple printed between them.
  std::optional<Decimal> multiple;
  std::string text;             // the sentence
  std::int64_t position = -1;   // of the sentence in the page text
  std::string where;            // "paragraph 12"
  friend bool operator==(const Statement&, const Statement&) = default;
};

}  // namespace disclosure
