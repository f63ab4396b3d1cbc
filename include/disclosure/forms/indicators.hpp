#pragma once
// The indicators analysts compute from each built-in form (indicators.hpp evaluates them). Publishers
// disagree on denominators, so each spells its own out.
#include <vector>

#include "disclosure/indicator.hpp"

namespace disclosure::forms::detail {

// ogi2019 and ogi2021 share tables 三 and 四, and so these.
inline std::vector<Indicator> template_indicators() {
  return {
      {"disclosure_rate", {"公开率", "disclosure rate"},
       {{"applications.outcome.granted.total"}, {"applications.outcome.partial.total"}}, {{"applications.outcome.total"}},
       {"（予以公开 + 部分公开）÷ 办理结果总计（含上年结转）", "(disclosed + partly disclosed) ÷ all outcomes (carried-over requests included)"},
       "上海市普陀区 2022: 同意公开或部分公开81件 / 答复263件 = 30.80%"},
      {"withheld_rate", {"不予公开率", "withholding rate"},
       {{"applications.outcome.withheld.*.total"}}, {{"applications.outcome.total"}},
       {"不予公开（8项理由之和）÷ 办理结果总计", "withheld (all 8 reasons) ÷ all outcomes"}, "a share of the outcomes"},
      {"unable_rate", {"无法提供率", "cannot-provide rate"},
       {{"applications.outcome.unable.*.total"}}, {{"applications.outcome.total"}},
       {"无法提供（3项之和）÷ 办理结果总计", "cannot be provided (3 reasons) ÷ all outcomes"}, "a share of the outcomes"},
      {"carry_forward_rate", {"结转率", "carry-forward rate"},
       {{"applications.carried_forward.total"}}, {{"applications.new.total"}, {"applications.carried_over.total"}},
       {"结转下年度继续办理 ÷（本年新收 + 上年结转）", "carried forward ÷ (new + carried over)"}, "the backlog"},
      {"review_correction_rate", {"复议纠错率", "review correction rate"},
       {{"review_litigation.review.corrected"}}, {{"review_litigation.review.total"}, {"review_litigation.review.pending", -1}},
       {"行政复议结果纠正 ÷（复议总计 − 尚未审结）", "reviews corrected ÷ reviews concluded (total − pending)"}, "reviews concluded, the pending ones left out"},
      {"litigation_loss_rate", {"诉讼败诉率", "litigation loss rate"},
       {{"review_litigation.litigation.direct.corrected"}, {"review_litigation.litigation.after_review.corrected"}},
       {{"review_litigation.litigation.direct.total"}, {"review_litigation.litigation.direct.pending", -1},
        {"review_litigation.litigation.after_review.total"}, {"review_litigation.litigation.after_review.pending", -1}},
       {"行政诉讼结果纠正 ÷ 已审结的诉讼（直接起诉与复议后起诉）", "lawsuits lost (corrected) ÷ lawsuits concluded (direct and after review)"},
       "lawsuits concluded, the pending ones left out"},
  };
}

inline std::vector<Indicator> ogi2008_indicators() {
  return {
      {"disclosure_rate", {"公开率", "disclosure rate"},
       {{"responses.already_public.year"}, {"responses.granted.year"}, {"responses.partially_granted.year"}}, {{"responses.total.year"}},
       {"（属于已主动公开范围 + 同意公开 + 同意部分公开）÷ 申请答复数", "(already public + disclosed + partly disclosed) ÷ requests answered"},
       "pre-2019 categories as map_to_ogi2019 maps them (已主动公开 counted as disclosed)"},
      {"npc_answer_rate", {"人大代表建议办复率", "NPC suggestions answer rate"},
       {{"npc_cppcc.npc.answered"}}, {{"npc_cppcc.npc.handled"}}, {"办复数 ÷ 承办数", "answered ÷ handled"}, "suggestions answered of those handled"},
      {"cppcc_answer_rate", {"政协提案办复率", "CPPCC proposals answer rate"},
       {{"npc_cppcc.cppcc.answered"}}, {{"npc_cppcc.cppcc.handled"}}, {"办复数 ÷ 承办数", "answered ÷ handled"}, "proposals answered of those handled"},
      {"normative_disclosure_rate", {"规范性文件公开率", "normative documents disclosure rate"},
       {{"normative.disclosed"}}, {{"normative.issued"}}, {"主动公开规范性文件数 ÷ 制发规范性文件数", "disclosed ÷ issued"}, "主动公开率"},
  };
}

}  // namespace disclosure::forms::detail
