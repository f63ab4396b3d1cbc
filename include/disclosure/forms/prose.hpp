#pragma once
// The cells of a form that the prose reader (src/extract_prose.cpp) places from set phrases of the
// narrative reports rather than from their labels. Only ogi2008 has them: the template reports
// give these figures in their tables.
#include <string>
#include <vector>

namespace disclosure::forms {

struct ProseAnchors {
  std::string requests;        // "未收到…申请": 0 requests; the requests a section's "全部予以答复" answers
  std::string answered;        // the requests answered, set to `requests` by "全部予以答复"
  std::string fees_collected;  // "无涉及收费", "未收取…费": no fees collected
  std::string fees_waived;     // "无涉及…减免": none waived
  std::string corrected;       // row and column of a table's corrected decisions: "没有发生纠错" is 0 of them
  std::string all_issued, all_disclosed;  // "全部公开": every document issued was disclosed
  std::vector<std::string> own_level_tables;  // handled by the government itself (承办), never summed over a region
};

inline const ProseAnchors& prose_anchors(const std::string& form_key) {
  static const ProseAnchors narrative{"requests.total.year", "responses.total.year", "fees.collected", "fees.waived",
                                      "corrected.year", "normative.issued", "normative.disclosed", {"npc_cppcc"}};
  static const ProseAnchors none{};
  return form_key == "ogi2008" ? narrative : none;
}

}  // namespace disclosure::forms
