#!/usr/bin/env python3
"""Convert the hand-transcribed narrative (pre-2019) reports into disclosure/reports@1 files.

Run by hand, never by tests:

    build/venv-test/bin/python tests/data/reports/convert_narrative.py [--shared DIR] [--out DIR]

It reads the transcriptions in ``../shared/reports/`` (relative to the repository root; the
project's shared material, outside this repository) and converts every report whose ``format``
is ``narrative-pre2019`` (form ``ogi2008``) into ``tests/data/reports/<same base name>.json``,
next to this script (``--out`` writes elsewhere). Standard library and the installed
``disclosure`` package. The sibling ``convert_templates.py`` does the same for the 2019 and 2021
templates; this script follows its conventions, and the code they share is in
``transcription.py`` next to them.

The valid cell keys come from the package's built-in form ``ogi2008``
(``transcription.form_cells``). The script fails loudly on a label it cannot place (every label
of every transcription is listed below, as a cell or as an extra), on a key not in that list, on
a cell filled twice, on a stated figure that names an unknown cell, and when a transcribed value
is not placed exactly once.

Placement:
- the appended 政府信息公开情况统计表: its "<year>年度" column is the ``.year`` cell, "历年累计"
  the ``.cumulative`` cell (``TABLE_ROWS``); rows with no cell of the form (接受行政诉讼、举报数,
  the 历年累计 of 收费减免金额) are extras;
- prose figures go to the cell ``PROSE`` (or a per-report entry of ``OVERRIDES``) names, else to
  ``extras`` with their label path as transcribed. When the table already fills that cell, the
  table's value stays in the cell and the prose figure becomes a stated figure of kind ``total``
  on it (prose and table may disagree: that is what the checker is for); when two prose figures
  name one cell, the first fills it and the second becomes a stated total;
- counts stay integers, decimals stay strings with their digits, percent-valued figures
  ("办结率 100%") are extras with unit "%";
- ``stated_totals`` of the transcription become stated totals on the cell their label filled,
  unless that statement is already recorded (same cell, same value) or the label is an extra;
- ``stated_percentages`` become stated percentages on the cell the label filled, over the base
  cell the report's words name (``PCT_BASE``), but only when that base cell holds the figure the
  words divide by (``WORDED_BASE``); a share of a figure that no cell holds (平潭 2012: shares of
  the prose 1913, while the cell holds the table's 739) is an extra with unit "%";
- the unit of an extra is the one its label shows in a trailing bracket (（人次）, （约，人次）),
  else the unit printed right after the number in the words it was read from, else "";
- ``text`` of stated figures and extras is the clause of the transcription's raw excerpt the
  figure was read from (``TEXTS`` where a figure has no digits in the report: "未收到…").

For the Pingtan reports the archived page (``raw/<name>/page.html``, ``page.txt``) is the
reference: every row of the 统计表 is compared cell by cell with the table parsed from
``page.html`` by ``html.parser``, and every prose figure and stated percentage is checked by
finding its clause, with its number, in ``page.txt``. The README of the shared material says the
raw page is right: a disagreement is corrected to the page's value and recorded in
``source.note`` ("corrected from transcription: …").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import transcription
from transcription import DECIMAL_RE, Fail, form_cells, note_head, page_tables, report_doc, squash

FORM = "ogi2008"
FORMAT = "narrative-pre2019"

EXTRA = "<extra>"

# id, scope and the reason for the scope, per transcription file.
META = {
    "2011_pingtan_county": ("pingtan-county-2011", "region", "平潭县人民政府 reports for the whole county (全县)"),
    "2011_pingtan_zonghe_shiyanqu": ("pingtan-2011", "region", "the 管委会办公室 reports for the whole 平潭综合实验区 (汇总全区)"),
    "2012_pingtan_county": ("pingtan-county-2012", "region", "平潭县人民政府 reports for the whole county (全县)"),
    "2012_pingtan_zonghe_shiyanqu": ("pingtan-2012", "region", "the 管委会办公室 reports for the whole 平潭综合实验区 (汇总全区)"),
    "2013_pingtan_dishui": ("pingtan-dishui-2013", "agency", "平潭综合实验区地方税务局 (平潭县地税局, 我局) is a single bureau"),
    "2015_pingtan_zonghe_shiyanqu": ("pingtan-2015", "region", "the 管委会办公室 reports for the whole 平潭综合实验区 (汇总全区)"),
    "2015_tunchang_county_bureau": ("tunchang-bureau-2015", "agency", "a single bureau (我局) of 屯昌县, filed under the departments' column (xgbmxxgk)"),
    "2016_beijing_etdz_admin_committee": ("beijing-etdz-2016", "agency",
                                          "北京经济技术开发区管理委员会 reports as one body (我委), a dispatched agency of the Beijing city government; its own "
                                          "figures, not a roll-up of district-level governments"),
    "2017_pingtan_zonghe_shiyanqu": ("pingtan-2017", "region", "the 管委会办公室 reports for the whole 平潭综合实验区 (全区)"),
    "2018_jinyun_sanxi_township": ("jinyun-sanxi-2018", "region",
                                   "三溪乡人民政府 reports for the whole township (我乡); it is the township's government, not one office of it"),
    "2018_pingtan_zonghe_shiyanqu": ("pingtan-2018", "region", "the 管委会办公室 reports for the whole 平潭综合实验区 (全区)"),
    "2018_xiamen_huli_district": ("xiamen-huli-2018", "region", "厦门市湖里区人民政府 reports for the whole district"),
}

# The 统计表: row label (without "其中：" and "1." / "1、") → cell key without the period, or EXTRA.
TABLE_ROWS = {
    "主动公开信息数": "proactive.total",
    "主动公开文件数": "proactive.total",
    "网站公开": "proactive.channel.website",
    "政府网站公开数": "proactive.channel.website",
    "政府公报公开": "proactive.channel.gazette",
    "政府公报公开数": "proactive.channel.gazette",
    "受理依申请公开信息总数": "requests.total",
    "受理政府信息依申请公开总数": "requests.total",  # 2017 page's wording; the transcription uses the common one
    "当面申请数": "requests.in_person",
    "传真申请数": "requests.letter_fax.fax",
    "电子邮件申请数": "requests.email",
    "网上申请数": "requests.online",
    "信函申请数": "requests.letter_fax.letter",
    "其它形式申请数": "requests.other",
    "信函、传真申请数": "requests.letter_fax",  # the subtotal of letters and faxes
    "对申请的答复数": "responses.total",
    "对申请的答复总数": "responses.total",
    "同意公开答复数": "responses.granted",
    "同意部分公开答复数": "responses.partially_granted",
    "否决公开答复数": "responses.refused",
    "不予公开答复数": "responses.refused",
    "其他类型答复数": "responses.other",
    "行政复议数": "review.total",
    "行政诉讼数": "litigation.total",
    "行政申诉数": "complaints.total",
    "行政申诉、举报数": "complaints.total",
    "接受行政诉讼、举报数": EXTRA,  # lawsuits and reports in one line, next to a separate 行政诉讼数 line: ambiguous
    "政府信息公开收费减免金额": "fees.waived",  # in 元; fees has no period: 本年度 only, 历年累计 is an extra
}
TABLE_NOTES = {
    "接受行政诉讼、举报数": "the 统计表 line 接受行政诉讼、举报数 is ambiguous (lawsuits? reports/complaints? both, next to a separate 行政诉讼数 line): "
                   "not put in litigation.total or complaints.total, kept as extras",
    "政府信息公开收费减免金额": "the 统计表 line 政府信息公开收费减免金额 (元) is the fees waived: 本年度 → fees.waived with its printed unit 元 "
                    "(the cell's unit is 万元), 历年累计 → extras, since fees.* has no period columns",
}

# Prose: the last level of a label path → cell key, or EXTRA (no cell of the form fits).
PROSE = {
    # 制作、获取政府信息 and its split
    "制作、获取政府信息总数": "produced.total",
    "制作政府信息": "produced.total",
    "作为依申请公开信息数": "produced.on_request",
    "依申请公开信息": "produced.on_request",
    "不予公开信息数": "produced.exempt",
    "不予公开信息": "produced.exempt",
    "主动公开信息": "produced.proactive",
    # 主动公开 (the split 主动公开政府信息 of a 制作、获取 total is in OVERRIDES)
    "主动公开政府信息": "proactive.total.year",
    "新增主动公开政府信息": "proactive.total.year",
    "主动公开政府信息（公文平台发文）": "proactive.total.year",
    "通过政府网站、政务微博、政务微信等渠道公开政府信息": "proactive.total.year",
    "通过“中国平潭网”门户网站公开政府信息": "proactive.channel.website.year",
    "政府网站公开信息数": "proactive.channel.website.year",
    "政务微信公开数": "proactive.channel.wechat.year",
    "县直各单位": "proactive.issuer.departments.year",
    "区直、县直各单位": "proactive.issuer.departments.year",
    "区管委会及区直各部门": "proactive.issuer.departments.year",
    "各乡镇": "proactive.issuer.townships.year",
    # 主要类别
    "机构职能类信息": "proactive.subject.institutional.year",
    "机构职能、主要职能、办事程序信息": "proactive.subject.institutional.year",
    "政策、规范性文件类信息": "proactive.subject.policy.year",
    "规划计划类信息": "proactive.subject.planning.year",
    "规划计划类": "proactive.subject.planning.year",
    "财政预决算类信息": "proactive.subject.finance.year",
    "行政事业性收费信息": "proactive.subject.fees.year",
    "政府集中采购项目类信息": "proactive.subject.procurement.year",
    "行政许可类信息": "proactive.subject.licensing.year",
    "重大建设项目": "proactive.subject.major_projects.year",
    "重大建设项目、为民办实事类信息": "proactive.subject.major_projects.year",
    "为民办实事类信息": "proactive.subject.livelihood.year",
    "民政扶贫救灾社会保障就业类信息": "proactive.subject.social_security.year",
    "民政扶贫救灾社会社保就业类信息": "proactive.subject.social_security.year",
    "扶贫、教育、医疗、社会保障、促进就业类信息": "proactive.subject.poverty_education_health.year",
    "国土资源城乡建设环保能源类信息": "proactive.subject.land_environment_energy.year",
    "国土资源、城乡建设、环保能类": "proactive.subject.land_environment_energy.year",
    "科教文体卫生类信息": "proactive.subject.science_culture_health.year",
    "安全生产、应急管理类信息": "proactive.subject.safety_emergency.year",
    "应急管理类信息": "proactive.subject.emergency.year",
    "环保、公共卫生、安全生产、食品药品、产品质量类信息": "proactive.subject.environment_health_safety.year",
    "城乡建设和管理的重大事项类信息": "proactive.subject.urban_rural.year",
    "社会公益事业建设类信息": "proactive.subject.public_welfare.year",
    "征收或征用土地类信息": "proactive.subject.land_acquisition.year",
    "其他信息": "proactive.subject.other_subject.year",
    "其他应主动公开的信息": "proactive.subject.other_subject.year",
    "政策法规及业务类": EXTRA,  # policy and regulations together with business information: fits no single category
    # 依申请公开
    "收到政府信息公开申请": "requests.total.year",
    "收到信息公开申请": "requests.total.year",
    "收到申请": "requests.total.year",
    "政府信息公开申请": "requests.total.year",
    "当面申请数": "requests.in_person.year",
    "电子邮件申请数": "requests.email.year",
    "答复总数": "responses.total.year",
    "同意公开答复数": "responses.granted.year",
    "免于公开答复数": "responses.refused.year",
    "其它公开答复数": EXTRA,  # no outcome of the form is "other disclosure"; see NOTES of 2012_pingtan_county
    "不予公开政府信息": "produced.exempt",
    # 复议、诉讼、申诉
    "收到政府信息公开行政复议申请": "review.total.year",
    "政府信息公开行政复议": "review.total.year",
    "行政复议、行政诉讼申请": EXTRA,  # review and litigation together
    "行政复议、行政诉讼案件": EXTRA,
    "复议、诉讼和申诉": EXTRA,
    # 收费、人员、经费、咨询
    "收取费用": "fees.collected",
    "全职人员": "staff.full_time",
    "兼职人员": "staff.part_time",
    "政府信息公开费用（万元）": "funding.special",
    "咨询（约，人次）": "consultations.total",
    "解答纳税人咨询（3000多，人次）": "consultations.total",  # second prose figure for the cell: a stated total
    "受理审批事项": "approvals.received",
    "办结": "approvals.completed",
    "现场咨询": "consultations.on_site",
    "电话咨询": "consultations.phone",
    "网上咨询": "consultations.online",
}
# Prose figures that no cell holds. Listed, so that a new label fails instead of vanishing.
PROSE_EXTRAS = {
    "公开办主动公开信息数（互联网）", "县政府公开办主动公开信息数（互联网）", "政府信息公开专栏访问量（人次）", "公众查阅点汇集单位数",
    "政务公开栏刊出期数", "其中涉及财政预算决算、“三公”经费和行政经费公开信息", "其中涉及保障性住房信息", "其中涉及食品安全信息",
    "其中涉及环境保护信息", "其中涉及招投标信息", "其中涉及生产安全事故信息", "其中涉及征地拆迁信息", "其中涉及价格和收费信息",
    "网上审批累计收件（截至12月14日）", "网上审批累计办结（截至12月14日）", "官方微博发布微博条数（截至12月14日）", "官方微博粉丝数",
    "办结率", "下岗失业人员减免税（件）", "下岗失业人员减免税金额（元）", "个人出售自有住房减免税（件）",
    "个人出售自有住房减免金额（元）", "无偿赠与和遗产继承减免税（件）",
    "全区权力清单事项", "公共服务清单事项", "征地告知书（宗）", "征收土地公告、征地补偿安置方案公告（宗）", "政府征地转发批文（份）",
    "保障性住房（公租房）选房套数", "政府采购项目信息", "网上竞价", "重点项目", "重点项目简报（期）", "“双百会战”简报（期）",
    "国控污染源监督性监测情况（期）", "安全生产信息简报（期）", "农产品抽检情况公示（期）", "入驻审批服务部门和单位", "开设窗口",
    "共受理申请（件）",
    "重大建设项目动态信息", "PPP项目相关信息", "财政资金信息", "政府预决算公开", "部门预决算公开", "“三公”经费", "专项资金", "债券发行",
    "征地信息", "采购信息", "工程招投标信息", "国资国企信息", "安全生产信息", "扶贫脱贫和社会救助信息", "教育信息", "医疗卫生信息",
    "环境保护信息", "环境监管信息公开", "环境违法曝光台", "空气质量预测预报", "排污单位信息公开", "饮用水水源水质监测",
    "建设单位环评信息公开", "环境政策措施", "住房信息", "食品药品安全信息", "公开发布信息",
    "回应公众关注热点或重大舆情数（次）", "参加或举办新闻发布会（次）", "接待公众咨询查阅（人次）", "主动公开重点领域政府信息",
    "主动公开政策性文件（份）", "公开立项审批信息和备案信息（件）", "“环境保护”栏目发布行政处罚（件）", "建设项目环境影响评价（件）",
    "收集网络信息（近，条）", "处置网络舆情（多，件）", "收到咨询投诉件", "已办结", "网友留言", "部门网站迁移整合单位", "新媒体数量",
    "微博", "微信公众号", "微博发布信息", "微信公众号发布信息",
}

# Per report: full label → cell key (or EXTRA), where the general table above does not fit.
SPLIT_PROACTIVE = "二、主动公开政府信息情况/（一）主动公开政府信息的数量/主动公开政府信息"
OVERRIDES = {
    # "其中主动公开政府信息425条，作为依申请公开信息数46条，不予公开信息数1402": the 主动公开 part of 制作、获取.
    "2011_pingtan_county": {SPLIT_PROACTIVE: "produced.proactive"},
    "2011_pingtan_zonghe_shiyanqu": {SPLIT_PROACTIVE: "produced.proactive"},
    "2012_pingtan_county": {SPLIT_PROACTIVE: "produced.proactive"},
}
# Per report: stated_totals label → the cell the statement is about, where it is not the cell the label's value filled.
STATED_TOTAL_CELL = {
    # 425 is stated as the whole that 县直各单位 303 + 各乡镇 122 split: the total of 主动公开 (the table's cell holds 425 too).
    "2011_pingtan_county": {SPLIT_PROACTIVE: "proactive.total.year"},
    "2011_pingtan_zonghe_shiyanqu": {SPLIT_PROACTIVE: "proactive.total.year"},
}

# Rates the prose states beside their counts: (cell, base) of the stated percentage they are.
RATE_OF = {"办结率": ("approvals.completed", "approvals.received")}

# The base a stated percentage's words name, by the cell the percentage is about (prefix match).
PCT_BASE = {
    "proactive.issuer.": "proactive.total.year",
    "proactive.subject.": "proactive.total.year",
    "consultations.": "consultations.total",
}
# Per report: the figure the words divide by ("在…主动公开的425条政府信息中", "约4900人次…其中"). A percentage is
# tied to its base cell only if that cell holds this figure; otherwise it is the share of a figure no cell holds.
WORDED_BASE = {
    "2011_pingtan_county": {"proactive.total.year": 425},
    "2011_pingtan_zonghe_shiyanqu": {"proactive.total.year": 425},
    "2012_pingtan_county": {"proactive.total.year": 2026},
    "2012_pingtan_zonghe_shiyanqu": {"proactive.total.year": 1913},
    "2013_pingtan_dishui": {"consultations.total": 4900},
    "2015_pingtan_zonghe_shiyanqu": {"proactive.total.year": 2949},
    "2017_pingtan_zonghe_shiyanqu": {"proactive.total.year": 2122},
    "2018_pingtan_zonghe_shiyanqu": {"proactive.total.year": 2069},
}

# Words for figures the report states without digits (0 written as "未收到…"), by full label.
TEXTS = {
    "2011_pingtan_county": {
        "二、主动公开政府信息情况/（三）主动公开政府信息的主要形式/公众查阅点汇集单位数": "目前已汇集了60个单位的主动公开的政府信息",
        "三、政府信息依申请公开工作情况/收到政府信息公开申请": "2011年全县未收到有关政府信息公开的申请",
        "三、政府信息依申请公开工作情况/收到政府信息公开行政复议申请": "未收到有关政府信息公开行政复议申请",
    },
    "2011_pingtan_zonghe_shiyanqu": {
        "二、主动公开政府信息情况/（三）主动公开政府信息的主要形式/公众查阅点汇集单位数": "目前已汇集了60个单位的主动公开的政府信息",
        "三、政府信息依申请公开工作情况/收到政府信息公开申请": "2011年全区未收到有关政府信息公开的申请",
        "三、政府信息依申请公开工作情况/收到政府信息公开行政复议申请": "未收到有关政府信息公开行政复议申请",
    },
    "2012_pingtan_county": {
        "二、主动公开政府信息情况/（三）主动公开政府信息的主要形式/公众查阅点汇集单位数": "目前已汇集了60个单位的主动公开的政府信息",
        "三、政府信息依申请公开工作情况/收到政府信息公开行政复议申请": "未收到有关政府信息公开行政复议申请",
    },
    "2012_pingtan_zonghe_shiyanqu": {
        "三、主动公开政府信息情况/（三）主动公开政府信息的主要形式/公众查阅点汇集单位数": "目前已汇集了60个单位的主动公开的政府信息",
        "四、政府信息依申请公开工作情况/收到政府信息公开申请": "2012年全区未收到有关政府信息公开的申请",
        "四、政府信息依申请公开工作情况/收到政府信息公开行政复议申请": "未收到有关政府信息公开行政复议申请",
    },
    "2013_pingtan_dishui": {
        "三、依申请公开、不予公开及咨询政府信息情况/（一）申请情况/政府信息公开申请": "2013年1月1日至12月31日期间我局办公室未收到政府信息公开申请",
        "六、工作人员及信息公开事务支出情况/全职人员": "我局没有从事政府信息公开工作的全职人员",
    },
    "2015_pingtan_zonghe_shiyanqu": {
        "三、政府信息依申请公开工作情况/收到政府信息公开申请": "2015年全区未收到有关政府信息公开申请",
        "五、因政府信息公开申请行政复议、提起行政诉讼的情况/行政复议、行政诉讼申请": "2015年我区未收到有关政府信息公开行政复议、提起行政诉讼的申请",
    },
    "2015_tunchang_county_bureau": {
        "三、政府信息依申请公开和不予公开情况/收到信息公开申请": "2015年未收到信息公开的申请",
        "三、政府信息依申请公开和不予公开情况/不予公开政府信息": "未涉及“不予公开”的政府信息",
        "四、政府信息公开的收费及减免情况/收取费用": "对依申请提供政府信息未收取检索、复印、邮寄等费用",
        "五、申请行政复议情况/复议、诉讼和申诉": "2015年度未发生针对政府信息公开事务的复议、诉讼和申诉",
    },
    "2017_pingtan_zonghe_shiyanqu": {
        "一、概述/（二）把握工作重点，扎实推进信息公开/扶贫脱贫和社会救助信息": "特困人员救助供养等内容，全年共发布25条信息",
        "一、概述/（二）把握工作重点，扎实推进信息公开/医疗卫生信息": "医用耗材价格等内容。全年共发布12条信息",
        "一、概述/（二）把握工作重点，扎实推进信息公开/安全生产信息": "落实好安全生产不良记录“黑名单”制度向社会公布。全年共发布信息84条",
        "三、政府信息依申请公开工作情况/收到政府信息公开申请": "2017年未收到有关政府信息公开申请",
        "四、因政府信息公开申请行政复议、提起行政诉讼的情况/行政复议、行政诉讼申请": "2017年未收到有关政府信息公开行政复议、提起行政诉讼的申请",
    },
    "2018_jinyun_sanxi_township": {
        "三、依申请公开和不予公开情况/收到申请": "本年度未收到查看主动公开以外信息的申请",
        "四、政务公开的收费及减免情况/收取费用": "暂未对依申请提供政府信息收取检索、复印、邮寄等费用",
        "五、因政务公开申请行政复议、提起行政诉讼的情况/行政复议、行政诉讼案件": "本年度没有发生有关政府信息公开事务的行政复议、行政诉讼案件",
    },
    "2018_pingtan_zonghe_shiyanqu": {
        "三、政府信息依申请公开工作情况/收到政府信息公开申请": "2018年未收到有关政府信息公开申请",
        "四、因政府信息公开申请行政复议、提起行政诉讼的情况/行政复议、行政诉讼申请": "2018年未收到有关政府信息公开行政复议、提起行政诉讼的申请",
    },
}

# Judgement calls, per report (general ones are added where they apply).
NOTES = {
    "2011_pingtan_county": [
        "主动公开政府信息 425 in the prose is the 主动公开 part of 制作、获取政府信息总数 1873 (produced.proactive); the table's 425 fills "
        "proactive.total.year, and the transcription's stated total 主动公开政府信息 425 (the whole of 县直各单位 303 + 各乡镇 122) is recorded on it",
    ],
    "2012_pingtan_county": [
        "主动公开政府信息 2026 in the prose is the 主动公开 part of 制作、获取政府信息总数 3978 (produced.proactive); the table's 2026 fills proactive.total.year",
        "县直各单位 2475 and 各乡镇 1503 are printed as the issuers of 主动公开 and fill the issuer cells; their shares 62.2%/37.8% are worded as shares of "
        "主动公开的政府信息 (2026) and are tied to proactive.total.year, although the report computed them on 制作、获取 3978 "
        "(2475/3978 = 62.2%): the checker should show the wrong base",
        "prose 其它公开答复数 2 names no outcome of the form (it probably is the table's 同意部分公开答复数 2, but the words do not say so): extras; "
        "prose 免于公开答复数 2 is the table's 否决公开答复数 (responses.refused) and is a stated total on it",
    ],
    "2012_pingtan_zonghe_shiyanqu": [
        "the prose 主动公开政府信息 1913 and the portal figure 通过“中国平潭网”门户网站公开政府信息 3636 differ from the table's 739 (主动公开信息数 and "
        "网站公开): the table's values fill proactive.total.year and proactive.channel.website.year, the prose figures are stated totals on them",
        "the issuer and category percentages are shares of the prose 1913, a figure no cell holds (the cell holds the table's 739): kept as extras "
        "with unit %; the counts themselves fill the issuer and category cells",
        "官方微博发布微博条数 1288 counts Weibo posts up to 12月14日 since the account opened, not this year's proactive items: extras",
    ],
    "2013_pingtan_dishui": [
        "咨询 约4900人次 fills consultations.total (the report says 约; 现场1600 + 电话3200 + 网上100 = 4900); the later 解答纳税人咨询达3000多人次 "
        "(section 四) is a second prose figure for the same cell and is a stated total 3000 (printed 3000多, a lower bound)",
        "政策法规及业务类 32 joins policies/regulations with business information: no single category of the form, extras; 规划计划类 13 → planning",
        "政府信息公开费用 1万元 (spent on tax publicity, notices, boards) → funding.special, the form's alias for it",
        "the 审批 figures 受理117 and 办结171 fill approvals.received / approvals.completed, 办结率100% is a stated percentage of "
        "approvals.completed over approvals.received; the 减免税 figures are extras",
        "no 统计表 on the page; the prose figures were checked against page.txt",
    ],
    "2015_pingtan_zonghe_shiyanqu": [
        "国土资源、城乡建设、环保能类 (sic, 环保能源) → land_environment_energy; 重大建设项目 29 and 为民办实事类信息 141 are printed apart → "
        "major_projects and livelihood",
    ],
    "2015_tunchang_county_bureau": [
        "“未涉及‘不予公开’的政府信息” is read as 不予公开信息 0 (produced.exempt), not as a count of refusals; "
        "“未收取…费用” → fees.collected 0; “未发生…复议、诉讼和申诉” is one figure for three tables: extras (it implies each is 0)",
        "no archived page: not checked against the page",
    ],
    "2016_beijing_etdz_admin_committee": [
        "通过政府网站、政务微博、政务微信等渠道公开政府信息 3226 is the year's proactive total over all channels → proactive.total.year",
        "接待公众咨询查阅 406人次 joins consultation and reading at the public reading place: not clearly consultations.total, extras",
        "the transcription saw only the start of the page (complete=false); no archived page: not checked against the page",
    ],
    "2017_pingtan_zonghe_shiyanqu": [
        "（四）开展政策解读工作情况 公开发布信息 82 counts published interpretation items, not normative documents with an interpretation: extras",
    ],
    "2018_jinyun_sanxi_township": [
        "主动公开政府信息（公文平台发文）113 → proactive.total.year; 政府网站公开信息数 71 and 政务微信公开数 63 → the website and WeChat channel "
        "cells, which the form treats as overlapping 其中 items (71 + 63 = 134 > 113 is not a broken partition)",
        "收到申请 0 → requests.total.year; 收取费用 0 → fees.collected; 行政复议、行政诉讼案件 0 is one figure for two tables: extras",
        "no archived page: not checked against the page",
    ],
    "2018_pingtan_zonghe_shiyanqu": [
        "新媒体 微博29个 / 微信公众号41个 and their 发布信息 1992 / 3404 are counts to date (截至目前), not this year's proactive items: extras",
        "主动公开政策性文件 90份 (截至发文之日) is not the year's normative-document count: extras",
    ],
    "2018_xiamen_huli_district": [
        "制作政府信息 3021 and its split 主动公开 1027 / 依申请公开 459 / 不予公开 1535 → produced.*",
        "the transcription saw only the first paragraph (complete=false); no archived page: not checked against the page",
    ],
}

UNIT_WORDS = ["万元", "人次", "元", "条", "件", "项", "期", "次", "宗", "份", "套", "个", "名", "人", "家"]
CLAUSE_SPLIT = re.compile(r"[，。；;,\n：:]|……")


def row_label(s: str) -> str:
    """统计表 row label without 其中：, the item number and a unit bracket."""
    s = squash(s)
    s = re.sub(r"^其中[：:]", "", s)
    s = re.sub(r"^\d+[.、．]", "", s)
    return re.sub(r"（[^（）]*）$", "", s)


def period_of(col: str, year: int) -> str:
    if col == f"{year}年度":
        return "year"
    if col == "历年累计":
        return "cumulative"
    raise Fail(f"unknown 统计表 column {col!r}")


def number(raw, where: str):
    """A transcribed value as a JSON value: int, decimal string, or a percentage (digits, True)."""
    if raw is None:
        return {"missing": "blank"}, False
    if isinstance(raw, bool) or isinstance(raw, float):
        raise Fail(f"{where}: cannot keep {raw!r}")
    if isinstance(raw, int):
        return raw, False
    s = str(raw).strip()
    pct = s.endswith("%")
    if pct:
        s = s[:-1]
    if not DECIMAL_RE.match(s):
        raise Fail(f"{where}: cannot read {raw!r} as a number")
    if pct:
        return s, True
    return (s if "." in s else int(s)), False


def digits(v) -> str:
    return str(v)


def num_re(v) -> str:
    return r"(?<![\d.])" + re.escape(digits(v)) + r"(?![\d.])"


def keywords(label: str) -> list[str]:
    """Words of a label's last level to find it in the text: the whole, then shorter pieces."""
    last = label.split("/")[-1]
    base = re.sub(r"（[^（）]*）", "", last)
    out = [base]
    for piece in re.split(r"[、，“”及和]", base):
        if len(piece) >= 2:
            out.append(piece)
    for n in (4, 3, 2):
        if len(base) > n:
            out.append(base[:n])
    return [k for k in out if k]


HEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、[^，。；\d]*?情况|（[一二三四五六七八九十]+）[^，。；\d]*?(?:情况|数量))")


def clauses(text: str) -> list[str]:
    """The excerpt cut at punctuation, each clause without the section headings it starts with."""
    out = []
    for c in CLAUSE_SPLIT.split(squash(text)):
        while HEADING_RE.match(c) and HEADING_RE.sub("", c, count=1):
            c = HEADING_RE.sub("", c, count=1)
        if c:
            out.append(c)
    return out


def find_clause(excerpt: str, label: str, value, pct: bool = False) -> str:
    """The clause of the excerpt a figure was read from; "" when it cannot be told."""
    cs = clauses(excerpt)
    target = digits(value) + "%" if pct else None
    cands = []
    for i, c in enumerate(cs):
        if pct:
            if target in c:
                prev = cs[i - 1] if i > 0 and not re.search(r"\d", c.split(target)[0]) else ""
                cands.append((prev + "，" + c) if prev else c)
        elif re.search(num_re(value), c):
            cands.append(c)
    for kw in keywords(label):
        hit = [c for c in cands if kw in c]
        if len(hit) == 1:
            return hit[0]
        if len(hit) > 1:
            # the clause where the keyword stands right before the number
            near = [c for c in hit if re.search(re.escape(kw) + r"[^，。；\d]{0,12}" + (re.escape(target) if pct else num_re(value)), c)]
            if len(near) == 1:
                return near[0]
    if len(cands) == 1:
        return cands[0]
    return ""


def unit_of(label: str, value, text: str) -> str:
    m = re.search(r"（([^（）]*)）$", label.split("/")[-1])
    if m:
        inner = m.group(1).split("，")[-1]
        if inner in UNIT_WORDS:
            return inner
    if text:
        m = re.search(num_re(value) + r"\s*(" + "|".join(map(re.escape, UNIT_WORDS)) + ")", text)
        if m:
            return m.group(1)
    return ""


# ---------------------------------------------------------------------------------------------
# The archived page.

def page_table(page: Path, year: int) -> dict[tuple[str, str], str] | None:
    """The 统计表 of the page: (row label, period) → printed text; None when the page has none."""
    found = [t for t in page_tables(page) if t and t[0][:1] == ["指标名称"]]
    if not found:
        return None
    if len(found) > 1:
        raise Fail(f"{page}: {len(found)} 统计表 tables")
    t = found[0]
    header = t[0]
    cols = [period_of(c, year) for c in header[2:]]
    out = {}
    for row in t[1:]:
        if len(row) != 2 + len(cols):
            raise Fail(f"{page}: 统计表 row {row} has {len(row)} cells")
        label = row_label(row[0])
        for col, text in zip(cols, row[2:]):
            if (label, col) in out:
                raise Fail(f"{page}: 统计表 row {label} / {col} twice")
            out[(label, col)] = text
    return out


# ---------------------------------------------------------------------------------------------

def convert(src: Path, shared: Path) -> tuple[dict, dict]:
    d = json.loads(src.read_text(encoding="utf-8"))
    keys = form_cells(FORM)
    name = src.stem
    year = d["year"]
    rid, scope, scope_why = META[name]
    excerpt = d.get("raw_excerpt", "")
    texts = TEXTS.get(name, {})
    overrides = OVERRIDES.get(name, {})
    conv_notes: list[str] = list(NOTES.get(name, []))
    general_notes: set[str] = set()

    def check_key(key: str, where: str):
        if key not in keys:
            raise Fail(f"{name}: {where}: {key} is not a cell of {FORM}")

    def text_for(label: str, value, pct: bool = False) -> str:
        if label in texts and not pct:
            return texts[label]
        return find_clause(excerpt, label, value, pct)

    # 1. Where every transcribed value goes: (label, kind, key) with kind table/prose.
    plan = []
    for label, raw in d["values"].items():
        parts = label.split("/")
        if parts[0] == "政府信息公开情况统计表":
            row = row_label(parts[-2])
            base = TABLE_ROWS.get(row)
            if base is None:
                raise Fail(f"{name}: 统计表 row {parts[-2]!r} ({label!r}) is not in TABLE_ROWS")
            period = period_of(parts[-1], year)
            if base == EXTRA:
                key = EXTRA
            elif base.startswith("fees."):
                key = base if period == "year" else EXTRA
            else:
                key = f"{base}.{period}"
            if row in TABLE_NOTES:
                general_notes.add(TABLE_NOTES[row])
            plan.append((label, "table", key, row))
        else:
            last = parts[-1]
            if label in overrides:
                key = overrides[label]
            elif last in PROSE:
                key = PROSE[last]
            elif last in PROSE_EXTRAS:
                key = EXTRA
            else:
                raise Fail(f"{name}: prose label {label!r} is placed nowhere (add it to PROSE or PROSE_EXTRAS)")
            plan.append((label, "prose", key, None))

    values: dict[str, object] = {}
    value_source: dict[str, str] = {}
    stated: list[dict] = []
    extras: list[dict] = []
    dup_table: list[str] = []
    dup_prose: list[str] = []
    landed: dict[str, str] = {}  # label → "cell:<key>" / "stated:<key>" / "extra"
    label_key: dict[str, str] = {}  # label → the cell it is about (cell or stated), for stated figures

    def put_extra(label, raw, text=None):
        v, pct = number(raw, label)
        if isinstance(v, dict):
            raise Fail(f"{name}: {label}: a blank cannot be an extra")
        t = text if text is not None else text_for(label, v, pct)
        unit = "%" if pct else unit_of(label, v, t)
        extras.append({"label": label, "value": v, "unit": unit, "text": t})
        return v

    # Table cells first: where prose and table state one cell, the table's value fills it.
    for label, kind, key, row in plan:
        if kind != "table" or key == EXTRA:
            continue
        check_key(key, label)
        if key in values:
            raise Fail(f"{name}: cell {key} filled twice ({value_source[key]!r} and {label!r})")
        v, pct = number(d["values"][label], label)
        if pct:
            raise Fail(f"{name}: {label}: a percentage in the table")
        if key.startswith("fees.") and row == "政府信息公开收费减免金额":
            v = {"number": v, "unit": "元"}
        values[key] = v
        value_source[key] = label
        landed[label] = f"cell:{key}"
        label_key[label] = key

    for label, kind, key, row in plan:
        raw = d["values"][label]
        if kind == "table":
            if key == EXTRA:
                m = re.search(re.escape(row) + r"(?:（[^（）]*）)?(" + "|".join(map(re.escape, UNIT_WORDS)) + r")", squash(excerpt))
                v = put_extra(label, raw, text="")
                extras[-1]["unit"] = unit_of(label.rsplit("/", 1)[0], v, "") or (m.group(1) if m else "")
                landed[label] = "extra"
            continue
        if key == EXTRA and label.rsplit("/", 1)[-1] in RATE_OF:
            v, pct = number(raw, label)
            cell, base = RATE_OF[label.rsplit("/", 1)[-1]]
            stated.append({"kind": "percentage", "cell": cell, "base": base, "value": digits(v), "text": text_for(label, v, pct=True)})
            landed[label] = f"stated:{cell}"
            continue
        if key == EXTRA:
            put_extra(label, raw)
            landed[label] = "extra"
            continue
        check_key(key, label)
        v, pct = number(raw, label)
        if pct:
            raise Fail(f"{name}: {label}: percentage {raw!r} mapped to cell {key}")
        if key in values:
            first = value_source[key]
            what = "the 统计表" if first.startswith("政府信息公开情况统计表") else f"the earlier prose figure {first.split('/')[-1]}"
            if not isinstance(v, int) and not isinstance(v, str):
                raise Fail(f"{name}: {label}: cannot state {v!r}")
            stated.append({"kind": "total", "cell": key, "value": digits(v), "text": text_for(label, v)})
            landed[label] = f"stated:{key}"
            label_key[label] = key
            shown = values[key]["number"] if isinstance(values[key], dict) else values[key]
            pair = f"{label.split('/')[-1]} {raw} ({key}; {'table' if first.startswith('政府信息公开情况统计表/') else 'first: ' + first.split('/')[-1]} {shown}" \
                   f"{'' if shown == v else ', differs'})"
            (dup_table if first.startswith("政府信息公开情况统计表/") else dup_prose).append(pair)
            continue
        values[key] = v
        value_source[key] = label
        landed[label] = f"cell:{key}"
        label_key[label] = key

    placed = sum(1 for lab in d["values"] if lab in landed)
    if placed != len(d["values"]) or len(landed) != len(d["values"]):
        raise Fail(f"{name}: placed {placed} of {len(d['values'])} values")
    counts = {"cells": sum(1 for x in landed.values() if x.startswith("cell:")),
              "stated_from_values": sum(1 for x in landed.values() if x.startswith("stated:")),
              "extras_from_values": sum(1 for x in landed.values() if x == "extra")}

    # 2. Stated totals of the transcription.
    for label, raw in (d.get("stated_totals") or {}).items():
        if label not in d["values"]:
            raise Fail(f"{name}: stated total {label!r} is not a transcribed value")
        v, _ = number(raw, label)
        if landed[label] == "extra":
            if extras and any(e["label"] == label and e["value"] == v for e in extras):
                continue  # the extra of the same label and value says it already
            raise Fail(f"{name}: stated total {label!r} = {raw} differs from its extra")
        cell = STATED_TOTAL_CELL.get(name, {}).get(label, label_key[label])
        check_key(cell, label)
        if any(s["kind"] == "total" and s["cell"] == cell and s["value"] == digits(v) for s in stated):
            continue  # already a stated total (the prose figure of a table cell)
        stated.append({"kind": "total", "cell": cell, "value": digits(v), "text": text_for(label, v)})

    # 3. Stated percentages.
    worded = WORDED_BASE.get(name, {})
    pct_extras = 0
    for label, raw in (d.get("stated_percentages") or {}).items():
        v, pct = number(raw, label)
        if not pct:
            raise Fail(f"{name}: percentage {raw!r} of {label!r} without %")
        if label not in landed:
            raise Fail(f"{name}: percentage of {label!r}, which is no transcribed value")
        text = text_for(label, v, pct=True)
        cell = label_key.get(label)
        base = None
        if cell is not None and landed[label].startswith("cell:"):
            base = next((b for p, b in PCT_BASE.items() if cell.startswith(p)), None)
            if base is None:
                raise Fail(f"{name}: no base for the percentage of {cell}")
            if base not in worded:
                raise Fail(f"{name}: WORDED_BASE has no figure for {base}")
            held = values.get(base)
            stated_totals = [s["value"] for s in stated if s["kind"] == "total" and s["cell"] == base]
            if held != worded[base] and str(worded[base]) not in map(str, stated_totals):
                base = None  # a share of a figure neither the cell nor a stated total holds
        if base is None:
            extras.append({"label": label, "value": v, "unit": "%", "text": text})
            pct_extras += 1
        else:
            check_key(base, label)
            stated.append({"kind": "percentage", "cell": cell, "base": base, "value": v, "text": text})

    # 4. The archived page.
    corrections: list[str] = []
    page_notes: list[str] = []
    checked_table = checked_prose = 0
    raw_dir = shared / "reports" / "raw" / name
    if (raw_dir / "page.html").exists():
        page_txt = squash((raw_dir / "page.txt").read_text(encoding="utf-8", errors="replace"))
        on_page = page_table(raw_dir / "page.html", year)
        trans_rows = {(row_label(lab.split("/")[-2]), period_of(lab.split("/")[-1], year)): lab
                      for lab in d["values"] if lab.startswith("政府信息公开情况统计表/")}
        if on_page is None:
            if trans_rows:
                raise Fail(f"{name}: 统计表 transcribed, none on the page")
        else:
            norm = lambda r: "受理依申请公开信息总数" if r == "受理政府信息依申请公开总数" else r
            page_rows = {(norm(r), c): t for (r, c), t in on_page.items()}
            if set(page_rows) != set(trans_rows):
                raise Fail(f"{name}: 统计表 rows differ: page only {sorted(set(page_rows) - set(trans_rows))}, "
                           f"transcription only {sorted(set(trans_rows) - set(page_rows))}")
            for rc, text in page_rows.items():
                label = trans_rows[rc]
                pv, _ = number(text, f"page {rc}")
                tv, _ = number(d["values"][label], label)
                checked_table += 1
                if pv == tv:
                    continue
                corrections.append(f"{label} was {tv}, page shows {pv}")
                where = landed[label]
                if where.startswith("cell:"):
                    k = where[5:]
                    values[k] = {"number": pv, "unit": values[k]["unit"]} if isinstance(values[k], dict) else pv
                else:
                    for e in extras:
                        if e["label"] == label:
                            e["value"] = pv
        # Prose: the clause, with its number, must stand in page.txt.
        for label, raw in d["values"].items():
            if label.startswith("政府信息公开情况统计表/"):
                continue
            v, pct = number(raw, label)
            t = text_for(label, v, pct)
            if not t or squash(t) not in page_txt:
                raise Fail(f"{name}: prose {label!r} = {raw}: its words {t!r} are not on the page")
            if label not in texts and not re.search(num_re(v) + ("%" if pct else ""), t):
                raise Fail(f"{name}: prose {label!r} = {raw}: the page's words {t!r} do not show {v}")
            checked_prose += 1
        for label, raw in (d.get("stated_percentages") or {}).items():
            v, _ = number(raw, label)
            t = text_for(label, v, pct=True)
            if not t or squash(t) not in page_txt or (digits(v) + "%") not in t:
                raise Fail(f"{name}: percentage {label!r} {raw}: not found on the page ({t!r})")
            checked_prose += 1

    # Every stated figure and extra must carry words to stand on.
    for s in stated:
        if not s["text"]:
            raise Fail(f"{name}: stated {s['kind']} on {s['cell']} = {s['value']} has no text")

    note = note_head(Path(__file__).name, src, d, scope, scope_why, ("transcription_note", "coverage_note", "non_additive_note", "note"))
    conv = list(conv_notes)
    if dup_table:
        conv.append("prose figures for cells the 统计表 also states (the table's value fills the cell, the prose figure is a stated "
                    "total on it): " + ", ".join(dup_table))
    if dup_prose:
        conv.append("prose figures for a cell an earlier prose figure fills (a stated total on it): " + ", ".join(dup_prose))
    conv += sorted(general_notes)
    if pct_extras and name != "2012_pingtan_zonghe_shiyanqu":
        raise Fail(f"{name}: {pct_extras} percentages became extras; explain in NOTES")
    if conv:
        note.append("Conversion: " + "; ".join(conv) + ".")
    if checked_table or checked_prose:
        what = (f"{checked_table} 统计表 cells parsed from raw/{name}/page.html" if checked_table else f"raw/{name}/page.html has no 统计表")
        msg = f"Checked against the archived page: {what}; {checked_prose} prose figures and percentages found with their words in page.txt"
        if corrections:
            note.append(msg + "; " + "; ".join("corrected from transcription: " + c for c in corrections) + ".")
        else:
            note.append(msg + "; all agree with the transcription.")
    note.extend(page_notes)

    stats = {"name": name, "source_values": len(d["values"]), **counts, "values": len(values), "extras": len(extras),
             "stated": len(stated), "pct_extras": pct_extras, "table_checked": checked_table, "prose_checked": checked_prose,
             "corrections": corrections}
    return report_doc(name, rid, FORM, d, scope, note, values, stated, extras), stats


def summary(st: dict) -> str:
    return (f"{st['name']}: {st['source_values']} values placed = {st['cells']} cells + {st['stated_from_values']} stated totals + "
            f"{st['extras_from_values']} extras; values {st['values']}, extras {st['extras']} (incl. {st['pct_extras']} percentages), "
            f"stated {st['stated']}"
            + (f"; page: {st['table_checked']} table cells, {st['prose_checked']} prose figures checked, "
               f"{len(st['corrections'])} corrections" if st["table_checked"] or st["prose_checked"] else ""))


def main(argv=None) -> int:
    return transcription.main(argv, __doc__, "narrative", {FORMAT}, META, convert, summary)


if __name__ == "__main__":
    transcription.run(main, "convert_narrative")
