#pragma once
// `ogi2008`: the counting categories of the narrative reports of 2008–2018, before the national
// template. Categories follow the 2014 national statistics form (国办发〔2014〕32号) and the
// provincial forms in domain.md §3; aliases are wordings seen in real reports.
#include <memory>

#include "disclosure/form.hpp"

namespace disclosure::forms {

inline std::shared_ptr<const Form> ogi2008() {
  static const auto form = [] {
    Table requests;
    requests.key = "requests";
    requests.label = {"依申请公开政府信息申请", "Requests for disclosure"};
    requests.unit = "件";
    requests.rows = {"channel", {"申请渠道", "Channel"},
                     breakdown(category("total", {"收到申请数", "requests received"}, {"申请总数", "受理申请数", "接收依申请公开政府信息"}),
                               Relation::partition,
                               {
                                   category("in_person", {"当面申请", "in person"}, {"当面申请数"}),
                                   category("fax", {"传真申请", "by fax"}, {"传真申请数"}),
                                   category("email", {"电子邮件申请", "by e-mail"}, {"电子邮件申请数"}),
                                   category("online", {"网络申请", "online"}, {"网上申请", "网络申请数", "网上申请数"}),
                                   category("letter", {"信函申请", "by letter"}, {"信函申请数"}),
                                   category("other", {"其他形式申请", "by other means"}, {"其他形式申请数"}),
                               },
                               {"各渠道申请数", "channel counts"})};

    Table responses;
    responses.key = "responses";
    responses.label = {"对申请的答复", "Responses to requests"};
    responses.unit = "件";
    responses.rows = {
        "response", {"答复类型", "Response"},
        breakdown(category("total", {"申请答复数", "requests answered"}, {"对申请的答复总数", "答复总数"}), Relation::partition,
                  {
                      category("already_public", {"属于已主动公开范围", "already proactively disclosed"}, {"属于已主动公开范围数"}),
                      category("granted", {"同意公开", "disclosed"}, {"同意公开答复数", "同意公开答复"}),
                      category("partially_granted", {"同意部分公开", "partly disclosed"}, {"同意部分公开答复数"}),
                      // The reasons are 其中 items: a refusal may cite several, so they need not sum to it.
                      breakdown(category("refused", {"不同意公开", "refused"}, {"不同意公开答复数", "不同意公开答复", "不予公开"}), Relation::overlapping,
                                {
                                    category("state_secret", {"涉及国家秘密", "state secret"}),
                                    category("commercial_secret", {"涉及商业秘密", "commercial secret"}),
                                    category("privacy", {"涉及个人隐私", "personal privacy"}),
                                    category("security_stability", {"危及国家安全、公共安全、经济安全和社会稳定", "endangers security or stability"}),
                                    category("not_government_information", {"不是《条例》所指政府信息", "not government information under the Regulations"}),
                                    category("other_legal", {"法律法规规定的其他情形", "other grounds in laws and regulations"}),
                                },
                                {"不同意公开的理由", "reasons for refusal"}),
                      category("not_this_agency", {"不属于本行政机关公开", "not this agency's to disclose"}, {"不属于本行政机关公开数", "非本部门掌握"}),
                      category("nonexistent", {"申请信息不存在", "information does not exist"}, {"申请信息不存在数", "信息不存在"}),
                      category("clarification", {"告知作出更改补充", "told to amend or supplement"}, {"告知作出更改补充数", "申请内容不明确"}),
                      category("other_route", {"告知通过其他途径办理", "told to use another procedure"}, {"告知通过其他途径办理数"}),
                  },
                  {"各类答复", "outcome counts"})};

    return std::make_shared<const Form>("ogi2008", Label{"2008–2018年叙述式年度报告", "Narrative reports 2008–2018 (pre-2019 categories)"},
                                        std::vector<Table>{requests, responses});
  }();
  return form;
}

}  // namespace disclosure::forms
