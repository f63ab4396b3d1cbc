#pragma once
// The national templates: `ogi2019` (《中华人民共和国政府信息公开工作年度报告格式（试行）》,
// 国办公开办函〔2019〕60号, reports for 2019–2020) and `ogi2021` (国办公开办函〔2021〕30号, reports
// for 2021 on). They share tables 三 and 四 but for the row （六）其他处理, which 2021 splits into
// three; table 二 differs block by block. Labels are the template's, verbatim (tests/data/
// template_labels.json holds them with their sources); aliases are variants and misprints seen in
// published reports.
#include <memory>
#include <string>
#include <vector>

#include "disclosure/form.hpp"
#include "disclosure/forms/indicators.hpp"
#include "disclosure/forms/year_links.hpp"
#include "disclosure/rule_language.hpp"

namespace disclosure::forms {
namespace detail {

inline Category heading(std::string key, Label label) { return group(category(std::move(key), std::move(label))); }

// A block of table 二: rows × columns with no totals.
inline Table block(std::string key, Label caption, std::vector<Category> rows, std::vector<Category> columns, std::string unit = "件") {
  Table t;
  t.key = std::move(key);
  t.label = std::move(caption);
  t.unit = std::move(unit);
  t.rows = {"content", {"信息内容", "content"}, breakdown(heading("items", {"信息内容", "content"}), Relation::none, std::move(rows))};
  t.columns = Dimension{"measure", {"指标", "measure"}, breakdown(heading("measures", {"指标", "measure"}), Relation::none, std::move(columns))};
  return t;
}

inline std::vector<Table> table_two(int version) {
  std::vector<Table> out;
  if (version == 2021) {
    out.push_back(block("documents", {"第二十条第（一）项", "Art. 20 (1): regulations and normative documents"},
                        {category("regulations", {"规章", "regulations"}),
                         category("normative", {"行政规范性文件", "administrative normative documents"}, {"规范性文件"})},
                        {category("issued", {"本年制发件数", "issued this year"}, {"本年制发数量"}),
                         category("repealed", {"本年废止件数", "repealed this year"}),
                         category("in_force", {"现行有效件数", "in force"}, {"现行有效件数（历史累计）", "现行有效件数(历史累计)"})}));
    auto decisions = category("decisions", {"本年处理决定数量", "decisions this year"}, {"处理决定数量"});
    out.push_back(block("licensing", {"第二十条第（五）项", "Art. 20 (5): administrative licensing"}, {category("licensing", {"行政许可", "administrative licensing"})},
                        {decisions}));
    out.push_back(block("enforcement", {"第二十条第（六）项", "Art. 20 (6): penalties and coercive measures"},
                        {category("penalty", {"行政处罚", "administrative penalties"}), category("coercion", {"行政强制", "administrative coercion"})}, {decisions}));
    out.push_back(block("fees", {"第二十条第（八）项", "Art. 20 (8): administrative fees"}, {category("fees", {"行政事业性收费", "administrative fees"})},
                        {measured(category("amount", {"本年收费金额（单位：万元）", "fees collected this year (10,000 yuan)"}, {"本年收费金额"}), "万元", 6)}));
    return out;
  }
  auto last_year = category("items_last_year", {"上一年项目数量", "items last year"});
  auto change = measured(category("change", {"本年增/减", "change this year"}, {"本年增／减", "本年增减"}), "件", 0, true);
  auto decisions = category("decisions", {"处理决定数量", "decisions"});
  out.push_back(block("documents", {"第二十条第（一）项", "Art. 20 (1): regulations and normative documents"},
                      {category("regulations", {"规章", "regulations"}), category("normative", {"规范性文件", "normative documents"}, {"行政规范性文件"})},
                      {category("made", {"本年新制作数量", "made this year"}), category("published", {"本年新公开数量", "published this year"}),
                       category("public_total", {"对外公开总数量", "public in total"})}));
  out.push_back(block("licensing", {"第二十条第（五）项", "Art. 20 (5): licensing and other services"},
                      {category("licensing", {"行政许可", "administrative licensing"}),
                       category("other_services", {"其他对外管理服务事项", "other external management and services"})},
                      {last_year, change, decisions}));
  out.push_back(block("enforcement", {"第二十条第（六）项", "Art. 20 (6): penalties and coercive measures"},
                      {category("penalty", {"行政处罚", "administrative penalties"}), category("coercion", {"行政强制", "administrative coercion"})},
                      {last_year, change, decisions}));
  out.push_back(block("fees", {"第二十条第（八）项", "Art. 20 (8): administrative fees"}, {category("fees", {"行政事业性收费", "administrative fees"})},
                      {last_year, change}));
  // The template prints no unit for 采购总金额; reports write 元 or 万元 themselves, so a report
  // may give the unit with the value. 元 with 2 decimals is the default.
  out.push_back(block("procurement", {"第二十条第（九）项", "Art. 20 (9): government procurement"},
                      {category("procurement", {"政府集中采购", "centralised government procurement"})},
                      {category("projects", {"采购项目数量", "procurement projects"}), measured(category("amount", {"采购总金额", "total amount"}), "元", 2)}));
  return out;
}

inline Table table_three(int version) {
  auto other_handling = category("other_handling", {"（六）其他处理", "other handling"});
  if (version == 2021)
    other_handling = group(breakdown(
        other_handling, Relation::partition,
        {category("no_correction", {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "applicant did not amend in time"}),
         category("unpaid_fee", {"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "applicant did not pay the fee in time"}),
         category("other", {"3.其他", "other"})}));
  auto outcome = with_total_label(
      breakdown(category("outcome", {"三、本年度办理结果", "outcomes this year"}), Relation::partition,
                {category("granted", {"（一）予以公开", "disclosed"}),
                 category("partial", {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly disclosed"},
                          {"（二）部分公开（区分处理的，只计这一情况，不计其他情形）", "（二）部分公开"}),
                 group(breakdown(category("withheld", {"（三）不予公开", "withheld"}), Relation::partition,
                                 {category("state_secret", {"1.属于国家秘密", "state secret"}),
                                  category("other_law", {"2.其他法律行政法规禁止公开", "prohibited by other laws"}),
                                  category("security_stability", {"3.危及“三安全一稳定”", "endangers the \"three securities and one stability\""},
                                           {"3.危及\"三安全一稳定\""}),
                                  category("third_party", {"4.保护第三方合法权益", "protects third-party rights"}),
                                  category("internal_affairs", {"5.属于三类内部事务信息", "internal affairs"}, {"5.属于三类内容事务信息"}),
                                  category("process_info", {"6.属于四类过程性信息", "process information"}),
                                  category("enforcement_files", {"7.属于行政执法案卷", "law-enforcement files"}),
                                  category("inquiry", {"8.属于行政查询事项", "administrative inquiry"})},
                                 {"不予公开的各项理由", "reasons for withholding"})),
                 group(breakdown(category("unable", {"（四）无法提供", "cannot be provided"}), Relation::partition,
                                 {category("not_held", {"1.本机关不掌握相关政府信息", "not held by this agency"}),
                                  category("needs_creation", {"2.没有现成信息需要另行制作", "would have to be created"}),
                                  category("unclear", {"3.补正后申请内容仍不明确", "still unclear after amendment"})})),
                 group(breakdown(category("not_processed", {"（五）不予处理", "not processed"}), Relation::partition,
                                 {category("petition", {"1.信访举报投诉类申请", "petitions, reports, complaints"}),
                                  category("repeated", {"2.重复申请", "repeated request"}),
                                  category("publication", {"3.要求提供公开出版物", "asks for a publication"}),
                                  category("mass_repeated", {"4.无正当理由大量反复申请", "mass repeated requests"}),
                                  category("confirmation", {"5.要求行政机关确认或重新出具已获取信息", "asks to confirm or reissue information"})})),
                 other_handling},
                {"各项办理结果", "outcome counts"}),
      {"（七）总计", "outcomes in total"});
  Table t;
  t.key = "applications";
  t.label = {"三、收到和处理政府信息公开申请情况", "Requests received and handled"};
  t.unit = "件";
  t.rows = {"item", {"本列数据", "item"},
            breakdown(heading("items", {"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "items"}), Relation::none,
                      {category("new", {"一、本年新收政府信息公开申请数量", "new requests this year"},
                                {"本年新收政府信息公开申请", "收到政府信息公开申请", "新收政府信息公开申请", "接收政府信息公开申请", "受理政府信息公开申请"}),
                       category("carried_over", {"二、上年结转政府信息公开申请数量", "carried over from last year"}, {"上年结转", "上年度结转", "上年结转政府信息公开申请", "上年度结转政府信息公开申请"}),
                       outcome,
                       category("carried_forward", {"四、结转下年度继续办理", "carried forward to next year"}, {"结转下年度办理", "结转至下年度", "结转下年度"})})};
  t.columns = Dimension{
      "applicant", {"申请人情况", "applicant"},
      breakdown(category("total", {"总计", "all applicants"}), Relation::partition,
                {category("natural_person", {"自然人", "natural persons"}),
                 group(breakdown(category("legal_person", {"法人或其他组织", "legal persons and other organisations"}), Relation::partition,
                                 {category("business", {"商业企业", "businesses"}), category("research", {"科研机构", "research institutions"}),
                                  category("public_interest", {"社会公益组织", "public-interest organisations"}),
                                  category("legal_services", {"法律服务机构", "legal service providers"}), category("other", {"其他", "other"})}))},
                {"各类申请人", "applicant counts"})};
  return t;
}

inline Table table_four() {
  auto results = breakdown(category("total", {"总计", "total"}), Relation::partition,
                           {category("upheld", {"结果维持", "upheld"}), category("corrected", {"结果纠正", "corrected"}),
                            category("other", {"其他结果", "other result"}), category("pending", {"尚未审结", "pending"})},
                           {"各项结果", "result counts"});
  Table t;
  t.key = "review_litigation";
  t.label = {"四、政府信息公开行政复议、行政诉讼情况", "Administrative review and litigation"};
  t.unit = "件";
  t.rows = {"case", {"案件类型", "case type"},
            breakdown(heading("cases", {"案件类型", "cases"}), Relation::none,
                      {category("review", {"行政复议", "administrative review"}),
                       group(breakdown(category("litigation", {"行政诉讼", "administrative litigation"}), Relation::partition,
                                       {category("direct", {"未经复议直接起诉", "sued without prior review"}),
                                        category("after_review", {"复议后起诉", "sued after review"})}))})};
  t.columns = Dimension{"result", {"结果", "result"}, results};
  return t;
}

// The balance printed in the top-left cell of table 三: for every column, 一 + 二 = 三 + 四.
inline std::vector<RuleSpec> table_three_balance(const Table& t) {
  std::vector<RuleSpec> out;
  for (const char* col : {"total", "natural_person", "legal_person.business", "legal_person.research", "legal_person.public_interest",
                          "legal_person.legal_services", "legal_person.other"}) {
    std::string c = col;
    const std::string k = t.key + ".";
    RuleSpec r = parse_rule(k + "new." + c + " + " + k + "carried_over." + c + " == " + k + "outcome." + c + " + " + k + "carried_forward." + c);
    r.id = "balance:applications." + c;
    r.basis = {BasisKind::printed, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"};
    r.lhs_text = {"第一项加第二项（新收与上年结转）", "new and carried-over requests"};
    r.rhs_text = {"第三项加第四项（办理结果总计与结转下年度）", "outcomes and requests carried forward"};
    out.push_back(std::move(r));
  }
  return out;
}

inline std::shared_ptr<const Form> national_template(int version) {
  auto tables = table_two(version);
  tables.push_back(table_three(version));
  tables.push_back(table_four());
  auto declared = table_three_balance(tables[tables.size() - 2]);
  if (version == 2021)
    return std::make_shared<const Form>("ogi2021", Label{"政府信息公开工作年度报告格式（2021年）", "National annual report template (2021)"}, std::move(tables),
                                        std::move(declared), template_years(version), template_indicators());
  return std::make_shared<const Form>("ogi2019", Label{"政府信息公开工作年度报告格式（试行，2019年）", "National annual report template (2019, trial)"},
                                      std::move(tables), std::move(declared), template_years(version), template_indicators());
}

}  // namespace detail

inline std::shared_ptr<const Form> ogi2019() {
  static const auto form = detail::national_template(2019);
  return form;
}

inline std::shared_ptr<const Form> ogi2021() {
  static const auto form = detail::national_template(2021);
  return form;
}

}  // namespace disclosure::forms
