#pragma once
// `ogi2008`: the counting categories of the narrative reports of 2008–2018, before the national
// template. Categories follow the 2014 national statistics form (国办发〔2014〕32号) and the
// provincial forms; aliases are wordings seen in real reports (tests/data/reports, tests/data/pages). Tables that the
// appended 政府信息公开情况统计表 prints for 本年度 and 历年累计 have both as columns. Figures a
// report states outside these categories are kept as the report's extras.
#include <memory>
#include <string>
#include <vector>

#include "disclosure/form.hpp"
#include "disclosure/forms/indicators.hpp"
#include "disclosure/forms/year_links.hpp"
#include "disclosure/rule_language.hpp"

namespace disclosure::forms {
namespace detail {

// Columns 本年度 / 历年累计 (cumulative since the Regulations took effect).
inline Dimension periods() {
  return {"period", {"统计期", "period"},
          breakdown(group(category("periods", {"统计期", "period"})), Relation::none,
                    {category("year", {"本年度", "this year"}, {"本年", "年度"}), category("cumulative", {"历年累计", "cumulative"}, {"累计"})})};
}

inline Table table(std::string key, Label label, std::string unit, Category rows, bool with_periods, int decimals = 0) {
  Table t;
  t.key = std::move(key);
  t.label = std::move(label);
  t.unit = std::move(unit);
  t.decimals = decimals;
  t.rows = {t.key, t.label, std::move(rows)};
  if (with_periods) t.columns = periods();
  return t;
}

inline std::vector<Table> ogi2008_tables() {
  std::vector<Table> t;
  t.push_back(table("produced", {"制作、获取政府信息", "Information produced or obtained"}, "条",
                    breakdown(category("total", {"制作、获取政府信息总数", "information produced or obtained"}, {"制作政府信息", "制作、获取政府信息"}),
                              Relation::partition,
                              {category("proactive", {"主动公开信息", "disclosed proactively"}, {"主动公开政府信息", "主动公开信息数"}),
                               category("on_request", {"依申请公开信息", "disclosable on request"}, {"作为依申请公开信息数", "依申请公开信息数"}),
                               category("exempt", {"不予公开信息", "not to be disclosed"}, {"不予公开信息数"})},
                              {"各类信息", "kinds of information"}),
                    false));
  t.push_back(table(
      "proactive", {"主动公开政府信息", "Proactive disclosure"}, "条",
      breakdown(category("total", {"主动公开政府信息数", "information disclosed proactively"}, {"主动公开信息数", "主动公开文件数", "主动公开政府信息", "新增主动公开政府信息"}),
                Relation::overlapping,
                {
                    // Channels overlap: one item published through several channels counts once in the total.
                    group(breakdown(category("channel", {"公开渠道", "channel"}), Relation::none,
                                    {category("website", {"政府网站", "government website"}, {"网站公开", "政府网站公开数", "政府网站公开信息数"}),
                                     category("gazette", {"政府公报", "government gazette"}, {"政府公报公开", "政府公报公开数"}),
                                     category("weibo", {"政务微博", "government Weibo"}),
                                     category("wechat", {"政务微信", "government WeChat"}, {"政务微信公开数"}),
                                     category("press", {"新闻发布会及新闻媒体", "press conferences and media"}, {"新闻发布会", "新闻媒体"}),
                                     category("other_channel", {"其他方式", "other channels"})})),
                    // Subjects: "主要类别" lists are often not exhaustive.
                    group(breakdown(category("subject", {"主要类别", "subject"}), Relation::none,
                                    {category("institutional", {"机构职能类信息", "organisation and functions"}, {"机构职能、主要职能、办事程序信息", "机构职能类"}),
                                     category("policy", {"政策、规范性文件类信息", "policies and normative documents"}),
                                     category("planning", {"规划计划类信息", "plans"}),
                                     category("finance", {"财政预决算类信息", "budgets and final accounts"}),
                                     category("fees", {"行政事业性收费信息", "administrative fees"}),
                                     category("procurement", {"政府集中采购项目类信息", "government procurement"}),
                                     category("licensing", {"行政许可类信息", "administrative licensing"}),
                                     category("major_projects", {"重大建设项目", "major construction projects"}, {"重大建设项目、为民办实事类信息"}),
                                     category("livelihood", {"为民办实事类信息", "projects for the people"}),
                                     category("social_security", {"民政扶贫救灾社会保障就业类信息", "civil affairs, relief, social security, employment"},
                                              {"民政扶贫救灾社会社保就业类信息"}),
                                     category("poverty_education_health", {"扶贫、教育、医疗、社会保障、促进就业类信息", "poverty, education, health, social security, employment"}),
                                     category("land_environment_energy", {"国土资源城乡建设环保能源类信息", "land, construction, environment, energy"},
                                              {"国土资源、城乡建设、环保能类"}),
                                     category("science_culture_health", {"科教文体卫生类信息", "science, education, culture, sport, health"}),
                                     category("safety_emergency", {"安全生产、应急管理类信息", "work safety and emergencies"}),
                                     category("emergency", {"应急管理类信息", "emergency management"}),
                                     category("environment_health_safety", {"环保、公共卫生、安全生产、食品药品、产品质量类信息", "environment, public health, safety, food and drugs, quality"}),
                                     category("urban_rural", {"城乡建设和管理的重大事项类信息", "urban and rural construction"}),
                                     category("public_welfare", {"社会公益事业建设类信息", "public welfare"}),
                                     category("land_acquisition", {"征收或征用土地类信息", "land expropriation"}),
                                     category("other_subject", {"其他信息", "other subjects"}, {"其他应主动公开的信息"})})),
                    group(breakdown(category("issuer", {"公开主体", "issuer"}), Relation::none,
                                    {category("departments", {"本级政府部门", "departments at this level"}, {"县直各单位", "区直、县直各单位", "区管委会及区直各部门"}),
                                     category("townships", {"各乡镇", "townships"}, {"乡镇"})})),
                },
                {"其中各项", "the items included"}),
      true));
  t.push_back(table("approvals", {"行政审批", "Administrative approvals"}, "件",
                    breakdown(group(category("approvals", {"行政审批", "approvals"})), Relation::none,
                              {category("received", {"受理审批事项", "applications accepted"}, {"受理审批", "受理"}),
                               category("completed", {"办结审批事项", "applications completed"}, {"办结"})}),
                    false));
  t.push_back(table("normative", {"规范性文件", "Normative documents"}, "件",
                    breakdown(category("issued", {"制发规范性文件数", "normative documents issued"}, {"制发的规范性文件", "制发规范性文件总数"}),
                              Relation::overlapping,
                              {category("disclosed", {"主动公开规范性文件数", "disclosed"}, {"已公开"}),
                               category("interpreted", {"配有政策解读的规范性文件数", "with a policy interpretation"})}),
                    false));
  t.push_back(table("requests", {"依申请公开政府信息申请", "Requests for disclosure"}, "件",
                    breakdown(category("total", {"收到申请数", "requests received"}, {"申请总数", "受理申请数", "受理依申请公开信息总数", "接收依申请公开政府信息", "接收有效依申请公开政府信息", "收到申请",
                                                                                        "收到政府信息公开申请", "收到信息公开申请", "受理政府信息公开申请", "受理信息公开申请", "接收政府信息公开申请"}),
                              Relation::partition,
                              {category("in_person", {"当面申请", "in person"}, {"当面申请数"}),
                               category("email", {"电子邮件申请", "by e-mail"}, {"电子邮件申请数"}),
                               category("online", {"网络申请", "online"}, {"网上申请", "网络申请数", "网上申请数"}),
                               // Some statistics tables print letters and faxes as one line (信函、传真申请数).
                               breakdown(category("letter_fax", {"信函、传真申请", "by letter or fax"}, {"信函、传真申请数", "信函及传真申请数"}), Relation::partition,
                                         {category("letter", {"信函申请", "by letter"}, {"信函申请数"}), category("fax", {"传真申请", "by fax"}, {"传真申请数"})},
                                         {"信函与传真申请", "letter and fax counts"}),
                               category("other", {"其他形式申请", "by other means"}, {"其他形式申请数", "其它形式申请数"})},
                              {"各渠道申请数", "channel counts"}),
                    true));
  t.push_back(table(
      "responses", {"对申请的答复", "Responses to requests"}, "件",
      breakdown(category("total", {"申请答复数", "requests answered"}, {"对申请的答复总数", "答复总数", "对申请的答复数"}), Relation::partition,
                {category("already_public", {"属于已主动公开范围", "already proactively disclosed"}, {"属于已主动公开范围数"}),
                 category("granted", {"同意公开", "disclosed"}, {"同意公开答复数", "同意公开答复"}),
                 category("partially_granted", {"同意部分公开", "partly disclosed"}, {"同意部分公开答复数"}),
                 // The reasons are 其中 items: a refusal may cite several, so they need not sum to it.
                 breakdown(category("refused", {"不同意公开", "refused"}, {"不同意公开答复数", "不同意公开答复", "否决公开答复数", "不予公开答复数", "免于公开答复数"}),
                           Relation::overlapping,
                           {category("state_secret", {"涉及国家秘密", "state secret"}), category("commercial_secret", {"涉及商业秘密", "commercial secret"}),
                            category("privacy", {"涉及个人隐私", "personal privacy"}),
                            category("security_stability", {"危及国家安全、公共安全、经济安全和社会稳定", "endangers security or stability"}),
                            category("not_government_information", {"不是《条例》所指政府信息", "not government information under the Regulations"}),
                            category("other_legal", {"法律法规规定的其他情形", "other grounds in laws and regulations"})},
                           {"不同意公开的理由", "reasons for refusal"}),
                 category("not_this_agency", {"不属于本行政机关公开", "not this agency's to disclose"}, {"不属于本行政机关公开数", "非本部门掌握"}),
                 category("nonexistent", {"申请信息不存在", "information does not exist"}, {"申请信息不存在数", "信息不存在"}),
                 category("clarification", {"告知作出更改补充", "told to amend or supplement"}, {"告知作出更改补充数", "申请内容不明确"}),
                 category("other_route", {"告知通过其他途径办理", "told to use another procedure"}, {"告知通过其他途径办理数"}),
                 category("other", {"其他类型答复", "other responses"}, {"其他类型答复数"})},
                {"各类答复", "outcome counts"}),
      true));
  auto case_results = [](std::string key, Label label, std::vector<std::string> aliases, Label upheld, std::vector<std::string> upheld_aliases) {
    return breakdown(category(std::move(key), std::move(label), std::move(aliases)), Relation::partition,
                     {category("upheld", std::move(upheld), std::move(upheld_aliases)), category("corrected", {"被依法纠错", "corrected"}, {"被依法纠错数"}),
                      category("other", {"其他情形", "other"}, {"其他情形数"})},
                     {"各项结果", "result counts"});
  };
  t.push_back(table("review", {"行政复议", "Administrative review"}, "件",
                    case_results("total", {"行政复议数量", "review cases"}, {"行政复议数", "行政复议案件"}, {"维持具体行政行为", "upheld"}, {}), true));
  t.push_back(table("litigation", {"行政诉讼", "Administrative litigation"}, "件",
                    case_results("total", {"行政诉讼数量", "lawsuits"}, {"行政诉讼数", "行政诉讼案件", "行政诉讼的案件"},
                                 {"维持具体行政行为或者驳回原告诉讼请求", "upheld or claim dismissed"}, {"维持具体行政行为或驳回原告诉讼请求"}),
                    true));
  t.push_back(table("complaints", {"举报投诉", "Complaints"}, "件",
                    category("total", {"举报投诉数量", "complaints"}, {"行政申诉数", "行政申诉、举报数", "举报投诉数"}), true));
  t.push_back(table("fees", {"收费及减免", "Fees and waivers"}, "万元",
                    breakdown(group(category("fees", {"收费及减免", "fees"})), Relation::none,
                              {category("collected", {"依申请公开信息收取的费用", "fees collected"}, {"收取费用", "收取费用总数"}),
                               category("waived", {"减免费用", "fees waived"}, {"减免"})}),
                    false, 6));
  t.push_back(table("consultations", {"咨询处理", "Consultations"}, "人次",
                    breakdown(category("total", {"咨询总数", "consultations"}, {"咨询"}), Relation::partition,
                              {category("on_site", {"现场咨询", "on site"}, {"现场接待人数"}), category("phone", {"电话咨询", "by phone"}, {"咨询电话接听数"}),
                               category("online", {"网上咨询", "online"}, {"网上咨询数"})},
                              {"各渠道咨询", "channel counts"}),
                    false));
  t.push_back(table("organisation", {"机构建设", "Organisation"}, "个",
                    breakdown(group(category("organisation", {"机构建设", "organisation"})), Relation::none,
                              {category("offices", {"政府信息公开工作机构数", "OGI offices"}, {"政府信息公开工作专门机构数", "政府信息公开机构"}),
                               category("reading_points", {"政府信息公开查阅点数", "public reading points"}, {"设置政府信息公开查阅点数", "公众查阅点"})}),
                    false));
  t.push_back(table("staff", {"工作人员", "Staff"}, "人",
                    breakdown(category("total", {"从事政府信息公开工作人员数", "staff working on OGI"}, {"工作人员数"}), Relation::partition,
                              {category("full_time", {"专职人员", "full-time"}, {"专职人员数", "全职人员", "全职工作人员", "专职工作人员"}),
                               category("part_time", {"兼职人员", "part-time"}, {"兼职人员数", "兼职工作人员"})},
                              {"专职与兼职人员", "full- and part-time staff"}),
                    false));
  t.push_back(table("funding", {"经费保障", "Funding"}, "万元",
                    category("special", {"政府信息公开专项经费", "dedicated OGI funds"}, {"政府信息公开专项经费投入", "政府信息公开费用"}), false, 6));
  t.push_back(table("training", {"会议和培训", "Meetings and training"}, "次",
                    breakdown(group(category("training", {"会议和培训", "meetings and training"})), Relation::none,
                              {category("meetings", {"召开政府信息公开工作会议数", "meetings held"}, {"召开会议数"}),
                               category("courses", {"举办各类培训班数", "training courses"}, {"举办培训班数"}),
                               measured(category("trainees", {"接受培训人员数", "people trained"}), "人次")}),
                    false));
  Table npc = table("npc_cppcc", {"人大代表建议和政协提案办理", "NPC suggestions and CPPCC proposals"}, "件",
                    breakdown(group(category("items", {"建议提案", "items"})), Relation::none,
                              {category("npc", {"人大代表建议", "NPC deputies' suggestions"}), category("cppcc", {"政协委员提案", "CPPCC members' proposals"}, {"政协提案"})}),
                    false);
  npc.columns = Dimension{"measure", {"指标", "measure"},
                          breakdown(group(category("measures", {"指标", "measure"})), Relation::none,
                                    {category("handled", {"承办数", "handled"}, {"承接", "办理"}), category("answered", {"办复数", "answered"}),
                                     measured(category("answer_rate", {"办复率", "answer rate"}, {"办结率", "答复率"}), "%", 2),
                                     measured(category("satisfaction_rate", {"满意率", "satisfaction rate"}), "%", 2)})};
  t.push_back(npc);
  return t;
}

// The issuer split of a region's proactive disclosure (本级部门 + 各乡镇) is its whole: a heuristic,
// since a report may list only the larger issuers.
inline std::vector<RuleSpec> ogi2008_rules() {
  std::vector<RuleSpec> out;
  for (const char* period : {"year", "cumulative"}) {
    const std::string p = period;
    RuleSpec r = parse_rule("proactive.total." + p + " == proactive.issuer.departments." + p + " + proactive.issuer.townships." + p);
    r.id = "issuers:proactive.total." + p;
    r.severity = Severity::warning;
    r.basis = {BasisKind::heuristic, "a region's proactive disclosure is published by its departments or by its townships (本级部门 + 各乡镇)"};
    r.lhs_text = {"主动公开政府信息数", "information disclosed proactively"};
    r.rhs_text = {"本级部门与各乡镇公开数", "items published by departments and townships"};
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace detail

inline std::shared_ptr<const Form> ogi2008() {
  static const auto form = std::make_shared<const Form>(
      "ogi2008", Label{"2008–2018年叙述式年度报告", "Narrative reports 2008–2018 (pre-2019 categories)"}, detail::ogi2008_tables(), detail::ogi2008_rules(),
      detail::ogi2008_years(), detail::ogi2008_indicators());
  return form;
}

}  // namespace disclosure::forms
