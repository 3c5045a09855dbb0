"""targets stage rules."""
import re

import pytest

from measures.parsing import targets as Tg
from measures.parsing.context import ParseContext
from measures.parsing.outline import build_outline

CTX = ParseContext()


def number(text, value):
    """The Number of ``text`` whose digits are ``value``."""
    m = next(m for m in Tg.NUM.finditer(text) if m.group("num") == value)
    return Tg.Number(text, text, m)


@pytest.mark.parametrize("document, expected", [
    ({"signed_date": "2024-07-09", "published_date": "2024-12-02"}, 2024),
    ({"signed_date": None, "published_date": "2023-01-05"}, 2023),
    ({"title": "2023年知识产权工作要点"}, 2023),
    ({"title": "知识产权工作要点"}, None),
])
def test_document_year(document, expected):
    assert Tg.document_year(document) == expected


@pytest.mark.parametrize("title, expected", [
    ("2024年绍兴市知识产权工作要点", 2024), ("绍兴市2024年度知识产权工作计划", 2024),
    ("2021—2025年知识产权规划", None), ("2024年知识产权保护条例", None), ("知识产权工作要点", None),
    ("鼓楼区企业上市高地实施方案(2024年修订)", None),  # b26 012: a revision's year, not the plan's
    ("芜湖市人民政府关于2021年重点工作及责任分解的通知", 2021),    # b188 008: a year's tasks divided
    ("2021年区政府工作报告重点工作责任分工", 2021),                  # b117 012
    ("洋縣2024年十大民生實事項目", 2024),                            # b183 002: a year's livelihood projects
    ("太原市人民政府辦公廳關于下達2016年農村五保供養標準的通知", 2016),  # b653 003: a year's standard handed down
    ("市政府办公室关于分解下达2019年度能源消耗强度目标的通知", 2019),      # b709 007: a year's targets
    ("农村危房改造补助标准(2023年修订)", None),                        # a revision's year still names no plan
])
def test_plan_year(title, expected):
    assert Tg.plan_year({"title": title}) == expected


@pytest.mark.parametrize("text, expected", [
    ("开展专项行动。（2025年底前完成）", 2025), ("（完成时限：2024年12月底前）", 2024), ("完成时限：2026年", 2026),
    ("到2025年建成平台。", None), ("（2024年）", None),
])
def test_deadline_note(text, expected):
    assert Tg.deadline_note(text, CTX) == expected


@pytest.mark.parametrize("lines, expected", [
    (["一、工作目标", "（一）到2024年，体系更完善。", "1.新增商标12件。"], 2024),
    (["一、工作目标", "1.新增商标12件。"], None),
    (["一、到2025年，2027年底前全面达到", "1.新增商标12件。"], 2027),  # the last year of the heading
])
def test_inherited_year(lines, expected):
    assert Tg.inherited_year(build_outline(lines, CTX).nodes[-1], CTX) == expected


@pytest.mark.parametrize("text, doc_year, plan_year, expected", [
    ("到2026年，满意度达到84分", None, None, [(0, 2026)]),
    ("2025年底前建成", None, None, [(0, 2025)]),
    ("2024—2026年每年新增", None, None, [(0, 2026)]),  # a range: its last year
    ("力争两年内新增3个", 2024, None, [(0, 2026)]),
    ("企业两年内新增3个", 2024, None, []),  # no 力争/争取/用/在, inside its clause
    ("三年内认定市级众创空间60家以上", 2015, None, [(0, 2018)]),  # opening its clause
    ("全年授权6000件", 2024, 2024, [(0, 2024)]),
    ("全年授权6000件", 2024, None, []),
    ("2025年，全市授权3000件。", 2024, None, [(0, 2025)]),
    ("2020年，全市授权3000件。", 2024, None, []),  # a past baseline
    ("本年度拟认定省级高价值专利培育中心不超过20家", 2024, None, [(0, 2024)]),  # b80 004: this year said outright
    ("今年新增授权1000件", 2024, None, [(0, 2024)]),
    ("本年度拟认定20家", None, None, []),  # no document year to read it by
    ("今后5年,全县新增上市挂牌企业20家以上", 2022, None, [(0, 2027)]),  # b395 006
    ("未来五年新增10家", 2023, None, [(0, 2028)]),
    ("未来5年度预算", 2023, None, []),
    ("对于2020年第一季度产值同比增长的企业,给予1%的资金奖励", 2020, None, []),  # b534 005: 对于 names whom, no deadline
    ("于2020年底前完成改造", 2019, None, [(0, 2020)]),
])
def test_year_markers(text, doc_year, plan_year, expected):
    assert Tg.year_markers(text, doc_year, plan_year) == expected


@pytest.mark.parametrize("text, value, expected", [
    ("成立于2019年", "2019", True), ("第3次会议", "3", True), ("按“66条”执行", "66", True), ("排名前3名", "3", True),
    ("10月15日至23日", "15", True), ("3个月内", "3", False), ("建设12个示范区", "12", False), ("每年2次", "2", False),
    ("市政府第 8-9 次常务会议通过", "8", True),  # b48 005: an ordinal with a PDF's spaces
    ("比2010年的12.4万吨、1.07万吨分别减少11.9%", "12.4", True),  # b58 013: the base year's figures
    ("比2010年的12.4万吨、1.07万吨分别减少11.9%", "1.07", True),
    ("比2010年的12.4万吨、1.07万吨分别减少11.9%", "11.9", False),  # the cut itself
])
def test_not_a_quantity(text, value, expected):
    assert Tg.not_a_quantity(number(text, value)) is expected


@pytest.mark.parametrize("post, unit, expected", [
    ("以上", "件", (">=", 2)), ("及以上", "件", (">=", 3)), ("以内", "个工作日", ("<=", 2)),
    ("内办结", "个工作日", ("<=", 1)), ("内移送公安机关", "个工作日", ("<=", 1)), ("内移除相关侵权作品", "小时", ("<=", 1)),
    ("内容", "项", (None, 0)),
    ("内的企业", "家", (None, 0)), ("", "件", (None, 0)),
])
def test_comparator_after(post, unit, expected):
    assert Tg.comparator_after(post, unit) == expected


@pytest.mark.parametrize("pre, expected", [
    ("满意度不低于", ("不低于", ">=")), ("满意度低于", ("低于", "<")), ("周期缩短至", ("缩短至", "<=")),
    ("授权量达到 ", ("达到", ">=")), ("达到约", ("达到", ">=")), ("每年至少召开", (None, ">=")),
    ("建设", (None, None)), ("", (None, None)),
    ("每个申报单位限报", ("限", "<=")),  # real line: 每個申報單位限報1個示范區
    ("补助上限为", ("限", "<=")),
    ("按照最高不超过单笔实际贷款额度的", (None, "<=")),  # b68 003: a cap on a share
    # b173 004 (session 10 in view): a floor or a cap laid down as a rule, not "below"
    ("全市耕地保有量不得低于", ("不得低于", ">=")), ("费用不得超过", ("不得超过", "<=")),
    ("奖金标准由500万元/人调整为", ("调整为", "=")),  # b252 012: the new amount
    ("市区工业用水重复利用率≥", ("≥", ">=")), ("供水管网漏损率≤", ("≤", "<=")),  # b264 007: signs
    ("绿化覆盖面积中乔灌木所占比率>", (">", ">")), ("漏损率<=", ("<=", "<=")),  # b321 011: written half-width
    ("党建之窗>感悟体会>", (None, None)),  # b154 009: a site's trail, no comparator
])
def test_comparator_before(pre, expected):
    assert Tg.comparator_before(pre) == expected


@pytest.mark.parametrize("text, value, expected", [
    ("展会时间在3天以上的，主办方应当设立投诉机构", "3", True),
    ("年销售额1000万元以上的企业", "1000", True),
    ("培育5家以上的，给予奖励", "5", True),
    ("培育企业10家以上", "10", False),
    ("培育10家以上的示范企业", "10", False),
    # b60 005: the rewards of a clause opened by 对, granted before their 的
    ("对获得一、二、三等奖项的单位分别给予20万元、15万元、10万元的资助", "20", False),
    ("对获得一、二、三等奖项的单位分别给予20万元、15万元、10万元的资助", "15", False),
    ("对年销售额1000万元以上的企业给予5万元奖励", "1000", True),
])
def test_is_condition(text, value, expected):
    assert Tg.is_condition(tail_number(text, value)) is expected


@pytest.mark.parametrize("text, value, expected", [
    ("批发企业新增量达到300万元且增速达到20%以上的，给予1万元促销奖励", "300", True),
    ("批发企业新增量达到300万元且增速达到20%以上的，给予1万元促销奖励", "20", True),
    ("对第一季度批发业销售额超过5000万元以上，且增速20%以上的限上企业，给予5万元一次性奖补", "5000", True),
    ("对第一季度批发业销售额超过5000万元以上，且增速20%以上的限上企业，给予5万元一次性奖补", "5", False),
    ("新增企业300家，给予奖励", "300", False),
    ("销售额首次突破800万元,并有效提升农户增长的单位分别给予一次性奖励5万元", "800", True),
    ("销售额首次突破800万元,并有效提升农户增长的单位分别给予一次性奖励5万元", "5", False),
    ("建成示范园区10个,形成可复制的经验,给予表彰", "10", False),  # no beneficiary it qualifies
    ("对新认定的企业，给予50万元奖励", "50", False),
    ("到2025年，建成示范点20个以上", "20", False),
    # b1172 004: 发放 grants the amounts after it, so they are no condition of a grant after them
    ("对本、硕、博毕业生分别发放6万元、8万元、10万元的一次性购房补贴", "8", False),
])
def test_conditional_clause(text, value, expected):
    assert Tg.conditional_clause(tail_number(text, value)) is expected


@pytest.mark.parametrize("pre, expected", [
    ("在重点区镇建设商业秘密保护示范点", "建设"), ("建成高价值专利培育中心", "建成"), ("完成产业专利导航项目", "完成"),
    ("建设", None), ("推动专利转化", None),
])
def test_counting_verb(pre, expected):
    m = Tg.counting_verb(pre)
    assert (m.group() if m else None) == expected


def _full(text, value):
    """A Number prepared as paragraph_targets prepares it (comparator and the words after it)."""
    n = number(text, value)
    Tg._comparator(n)
    n.post, n.pb = n.post_full[n.suffix_len:], n.b
    if "、" in n.post:
        n.post = n.post[:n.post.index("、")]
        n.pb = n.end + n.suffix_len + len(n.post)
    n.post_clean = Tg.DE_START.sub("", n.post).strip()
    return n


@pytest.mark.parametrize("text, value, last, expected", [
    ("按利息的50%给予贴息，单个企业每年最高20万元", "20", "贷款贴息", "贷款贴息（单个企业每年）"),
    ("奖励，每家最多给予10万元", "10", "奖励", "奖励（每家）"),
])
def test_cap_metric(text, value, last, expected):
    assert Tg.cap_metric(_full(text, value), last) == expected


@pytest.mark.parametrize("text, value, expected", [
    ("对新认定的驰名商标，给予30万元资金援助", "30", "新认定的驰名商标资金援助"),
    ("新认定的国家知识产权示范企业，给予30万元奖励", "30", "新认定的国家知识产权示范企业奖励"),
    ("①对获得金奖的，每项奖励50万元", "50", "获得金奖的，每项"),
    # real line (a 补助资金 办法): the aid is named before the amount, after a colon
    ("国际标准择优分三档给予补助资金:100万元", "100", "国际标准择优分三档补助资金"),
    ("对企业给予不超过50万元补助", "50", "企业补助"),  # the aid after the amount still wins
    # b128 001: a second reward in the sentence is for the one named after its verb
    ("对入选院士的,给予入选人才200万元奖励,并给予培养单位500万元奖励", "500", "培养单位奖励"),
    ("给予入选人才200万元奖励,并奖励现金10万元", "10", "给予入选人才200万元奖励,并"),  # near miss: 现金 is no one
])
def test_reward_metric(text, value, expected):
    assert Tg.reward_metric(_full(text, value)) == expected


@pytest.mark.parametrize("text, value, expected", [
    ("督促平台在5个工作日内处理完毕", "5", "平台处理完毕时限"),
    ("应当自接受案件之日起3日内进行审查", "3", "进行审查时限"),
])
def test_time_limit_metric(text, value, expected):
    assert Tg.time_limit_metric(_full(text, value)) == expected


@pytest.mark.parametrize("metric, expected", [
    ("平台处理完毕", "平台处理完毕时限"),
    ("无线电主管部门应当在受理后作出处理并将处理结果告知投诉人", "无线电主管部门应当在受理后作出处理并将处理结果告知投诉人时限"),
    ("办理期限", "办理期限"), ("审核时间", "审核时间"), ("辦理時限", "辦理時限"),
    ("", ""),
])
def test_named_limit(metric, expected):
    assert Tg.named_limit(metric) == expected


@pytest.mark.parametrize("text, value, expected", [
    ("对企业开展专利导航项目的，按项目实际支出的50%给予补助", "50", "企业开展专利导航项目补助"),
    ("按照贷款实际支付利息的50%给予贴息", "50", "贷款实际支付利息贴息比例"),  # aid_share
    ("按照企业实际发生的评估费用的 50%给予补助", "50", "企业实际发生的评估费用补助比例"),  # b1070 006
    ("对保费按30%给予补贴", "30", "保费补贴"),
])
def test_rate_metric(text, value, expected):
    assert Tg.rate_metric(_full(text, value)) == expected


def test_rate_before_yiyu_is_a_rate():
    """"…的60%予以奖励": a subsidy rate though 予以 comes before the aid word (b144 006, round 10 in view)."""
    from measures.parsing import parse_document
    found = parse_document("一、支持措施\n1.对揭榜项目，按算力成本的60%予以奖励。\n2.按照实际支出的30%予以补贴。\n",
                           source="t.txt")["targets"]
    assert [(t["metric"], t["value"]) for t in found] == [("揭榜项目奖励", 60), ("实际支出补贴比例", 30)]


@pytest.mark.parametrize("base, after, expected", [
    ("企业实际发生的评估费用", "给予补助", "企业实际发生的评估费用补助比例"),
    ("實際購買費用", "給予資助", "實際購買費用資助比例"),  # Traditional, as written
    ("贷款利息补助", "给予补助", "贷款利息补助"),  # the base names its aid already
    ("实际支出", "", "实际支出"),  # no aid after the rate
    ("", "给予补助", ""),
])
def test_aid_share(base, after, expected):
    from measures.parsing import text as T
    assert Tg.aid_share(base, T.fold(after), after) == expected


def test_cap_after_an_aid_share_is_of_the_base():
    """"…建设费用的50%给予扶持,单个企业扶持金额最高200万元": the cap names the base, not its share (b470 010)."""
    from measures.parsing import parse_document
    found = parse_document("一、支持措施\n1.按照建设费用的50%给予扶持，单个企业扶持金额最高不超过200万元。\n",
                           source="t.txt")["targets"]
    assert [(t["metric"], t["value"]) for t in found] == [
        ("建设费用扶持比例", 50), ("建设费用（单个企业扶持金额）", 200)]


@pytest.mark.parametrize("text, value, expected", [
    ("全市知识产权保护社会满意度不低于84分", "84", "知识产权保护社会满意度"),  # 全市 is filler
    ("力争全市发明专利拥有量达到3000件", "3000", "发明专利拥有量"),
    ("到2025年，全市专利授权量达到10000件", "10000", "专利授权量"),
    ("示范企业达到25家、优势企业达到90家", "90", "优势企业"),
    ("予以补贴。 (二)加氢站的补贴标准达到100万元", "100", "加氢站的补贴标准"),  # b455 009: items run together
])
def test_metric_before(text, value, expected):
    assert Tg.metric_before(_full(text, value)) == expected


@pytest.mark.parametrize("text, expected", [
    ("主要指标\n指标名称\t2022年基数\t2025年目标\n每万人口高价值发明专利拥有量（件）\t1.52\t2.6",
     [("每万人口高价值发明专利拥有量", ">=", 2.6, "件", 2025)]),
    ("指标 | 单位 | 现状 | 目标值\n专利授权量 | 件 | 100 | ≥200", [("专利授权量", ">=", 200, "件", None)]),
    ("序号\t指标\t2025年\n1\t办结时限（个工作日）\t≤60", [("办结时限", "<=", 60, "个工作日", 2025)]),
    ("指标名称\t2022年基数\t2023年完成\n专利\t1\t2", []),  # no goal column
    # b60 001: a table of rewards, the unit in the amount column's header
    ("序号 | 奖项名称 | 奖励金额(万元) |\n1 | 新获得中国质量奖 | 100 |\n2 | 新获得中国质量奖提名奖 | 20 |",
     [("新获得中国质量奖", "=", 100, "万元", None), ("新获得中国质量奖提名奖", "=", 20, "万元", None)]),
    ("序号 | 奖项名称 | 奖励金额 |\n1 | 新获得中国质量奖 | 100 |", []),  # no unit: no amount to read
    ("一行\t两格", []),
])
def test_indicator_table(text, expected):
    found, _ = Tg.indicator_table(text.split("\n"), None, CTX)
    assert [(t["metric"], t["comparator"], t["value"], t["unit"], t["year"]) for t in found] == expected


@pytest.mark.parametrize("text, expected", [
    ("到2026年，全市知识产权保护社会满意度不低于84分。", [(84, "分", ">=", 2026)]),
    ("维权援助案件量超过400件/年。", [(400, "件/年", ">", None)]),
    ("建设12个地理标志保护示范区。", [(12, "个", "=", None)]),
    ("对新认定的驰名商标，给予30万元资金援助。", [(30, "万元", "=", None)]),
    ("每年至少召开2次联席会议。", [(2, "次", ">=", None)]),
    ("根据皖政〔2016〕64号文件要求，于2024年12月印发。", []),
    # real line: tiered amounts after a colon, each tier a target (equal amounts too)
    ("国际标准择优分三档给予补助资金:100万元、50万元和30万元;", [(100, "万元", "=", None), (50, "万元", "=", None),
                                                 (30, "万元", "=", None)]),
    ("分别给予20万元、10万元、10万元奖励。", [(20, "万元", "=", None), (10, "万元", "=", None), (10, "万元", "=", None)]),
    ("会议于9:30开始，时长2小时。", []),  # a clock time is no number after a colon
    # real lines: a cap on a reward is "<=" (a ceiling, as the gold of b17, b18, b20 and b22 writes it)
    ("引进1名高层次人才，给予最高5万元支持；", [(5, "万元", "<=", None)]),
    ("全员劳动生产率达到22万元/人。", [(22, "万元/人", ">=", None)]),  # a per-person amount
    # real line: 每项分别给予不超过50万元、30万元、10万元奖励 (the ceiling holds for every tier)
    ("每项分别给予不超过50万元、30万元、10万元奖励。", [(50, "万元", "<=", None), (30, "万元", "<=", None),
                                        (10, "万元", "<=", None)]),
    # b113 005, b110 010: launching counts (推出, 开通) and 组; b99 008: a rate per mille
    ("推出10个特色主题服务场景。", [(10, "个", "=", None)]),
    ("新增智能快件箱4000组以上。", [(4000, "组", ">=", None)]),
    ("婴儿死亡率分别下降到4.0‰。", [(4.0, "‰", "<=", None)]),
    ("按每生2500元/年标准补助给学校。", [(2500, "元/年", "=", None)]),  # b132 001: an amount per pupil and year
    # b301: a subsidy per household or per unit of energy keeps its "per"
    ("“气代煤”燃气壁挂炉补贴不超过2700元/户。", [(2700, "元/户", "<=", None)]),
    ("给予采暖期0.12元/千瓦时补贴。", [(0.12, "元/千瓦时", "=", None)]),
    # b455 009, 011: per station, per charging gun
    ("加氢站的补贴标准:100万元/站。", [(100, "万元/站", "=", None)]),
    ("給予6000元/槍的一次性建設獎勵。", [(6000, "元/槍", "=", None)]),
    # b437 002, b438 007: areas in 万平方公里, capacity in GWh
    ("全国新增水土流失治理面积32万平方公里。", [(32, "万平方公里", "=", None)]),
    ("全市储能电池总产能力争达到110GWh。", [(110, "GWh", ">=", None)]),
])
def test_paragraph_targets(text, expected):
    got = Tg.paragraph_targets(text, 1, 2024, None, None, CTX)
    assert [(t["value"], t["unit"], t["comparator"], t["year"]) for t in got] == expected
    assert all(t["quote"] in text and re.search(r"[\u4e00-\u9fff]{2}", t["metric"]) for t in got)


@pytest.mark.parametrize("text, expected", [("十五", 15), ("五千", 5000), ("一", 1), ("十五万", 150000), ("二十", 20),
                                            ("三百零五", 305)])
def test_cn_value(text, expected):
    assert Tg.cn_value(text) == expected


@pytest.mark.parametrize("text, doc_year, expected", [
    ("严格落实责任，确保2022年全省粮食播种面积稳定在6287万亩以上。推广杂交稻旱种50万亩", 2022, [(7, 2022, 33)]),
    ("确保2020年完成", 2024, []),  # a past year
    ("确保2022年5月完成", 2022, []),  # a date, not a year
])
def test_sentence_years(text, doc_year, expected):
    assert Tg.sentence_years(text, doc_year) == expected


@pytest.mark.parametrize("text, expected", [
    ("到2025年，全省质量总体水平显著提高。", 2025),
    ("（二）发展目标。到2022年，制造业总量提升", 2022),
    ("二、创建目标2022年8月底前，各项创建指标全部达到", 2022),
    ("到“十四五”末，民营经济实体数量达到25万户", 2025),
    ("严格落实责任，确保2022年全省粮食产量稳定", None),  # inside its sentence: no carry
    ("企业在2025年底前完成改造的给予奖励", None),
])
def test_carried_year(text, expected):
    assert Tg.carried_year(text, Tg.year_markers(text, 2021, None)) == expected


@pytest.mark.parametrize("title, expected", [
    ("广东省促进老字号创新发展行动方案(2022—2025)", 2025), ("知识产权“十四五”规划", 2025),
    ("2021-2025年知识产权规划", 2025), ("2024年知识产权工作要点", None), (None, None),
])
def test_title_period(title, expected):
    assert Tg.title_period({"title": title}) == expected


@pytest.mark.parametrize("title, doc_year, expected", [
    ("完成2024年食品安全重点工作指标任务", 2024, 2024), ("2020年以来成效显著", 2024, None),
    ("2019年工作回顾", 2024, None), (None, 2024, None),
])
def test_heading_year(title, doc_year, expected):
    assert Tg.heading_year(title, doc_year, CTX) == expected


@pytest.mark.parametrize("quote, last, expected", [
    ("建成不少于3个区域性市级商业秘密保护基", "到2025年，建成不少于3个区域性市级商业秘密保护基", True),
    ("建成不少于3个示范基地", "到2025年，建成不少于3个示范基地。", False),
    ("新增5家", "新增5家企业，建成…", False),
])
def test_cut_off_statement(quote, last, expected):
    assert Tg.cut_off_statement(quote, last) is expected


@pytest.mark.parametrize("metric, expected", [
    ("重点工业产品省级监督抽查合格率和药品省级监督抽检合格率均在", ["重点工业产品省级监督抽查合格率", "药品省级监督抽检合格率"]),
    ("主体追溯覆盖率与上传率", ["主体追溯覆盖率与上传率"]),  # no 均: one metric
    ("合格率均", ["合格率"]),
    # real line: 国家级制种大县和区域性良繁基地监督检查覆盖率、种子生产经营备案率、投诉举报案件查处反馈率达到100%
    ("国家级制种大县和区域性良繁基地监督检查覆盖率、种子生产经营备案率、投诉举报案件查处反馈率",
     ["国家级制种大县和区域性良繁基地监督检查覆盖率", "种子生产经营备案率", "投诉举报案件查处反馈率"]),
    ("专利、商标申请量", ["专利、商标申请量"]),  # not a list of rates: one metric
    ("企业研发投入、专利拥有率", ["企业研发投入、专利拥有率"]),  # not every part is a rate
    # b656 007: 年人均 averages the amount; the places share one standard
    ("泰山区、新泰市、肥城市集中供养标准年人均", ["泰山区、新泰市、肥城市集中供养标准年人均"]),
])
def test_shared_metrics(metric, expected):
    assert Tg.shared_metrics(metric) == expected


@pytest.mark.parametrize("text, value, expected", [
    ("在已有141家商业秘密保护联系企业的基础上", "141", True),
    ("现确定甲公司等32家市场为第二批规范化市场", "32", True),
    ("将加计扣除比例从75%提高到100%", "75", True),
    ("请于4月30日前将申报材料原件2份报送", "2", True),
    ("建设12个示范区", "12", False),
    # session 28: the present state a plan starts from (b849 002, b851 005, b849 001)
    ("目前全县地质灾害隐患点共23处", "23", True),
    ("我州目前已命名174名非物质文化遗产项目代表性传承人", "174", True),
    ("已查明地质灾害隐患点共计4处", "4", True),
    ("截至2022年底全市累计建成5G基站1200个", "1200", True),
    ("到2025年全县建成5G基站1200个", "1200", False),
])
def test_not_a_goal(text, value, expected):
    assert Tg.not_a_goal(number(text, value)) is expected


def any_number(text, value):
    """The Number of ``text`` written ``value`` (digits or Chinese numerals)."""
    m = next(m for m in Tg.NUM.finditer(text) if (m.group("num") or m.group("cn")) == value)
    return Tg.Number(text, text, m)


@pytest.mark.parametrize("text, value, expected", [
    # real line: 对于深入实施…总战略具有十分重要的战略意义 (read as 10 分)
    ("促进民营经济大发展具有十分重要的战略意义", "十", True),
    ("全市满意度达到九十分以上", "九十", False),  # a score
    ("考核得分十分。", "十", False),  # ten points, no word after
])
def test_adverb_not_points(text, value, expected):
    assert Tg.adverb_not_points(any_number(text, value)) is expected


@pytest.mark.parametrize("text, value, expected", [
    # real lines: 每引进1个省市创新创业团队…，给予最高10万元支持；引进1名高层次人才，给予最高5万元支持
    ("每引进1个省市创新创业团队或其它相当水平人才团队，给予最高10万元支持", "1", True),
    ("引进1名高层次人才，给予最高5万元支持", "1", True),
    ("引进10名高层次人才，给予最高5万元支持", "10", False),  # a count that is a goal
    ("建设1个示范区。对示范区给予50万元奖励", "1", False),  # the reward is in another sentence
    ("对获奖企业给予1万元奖励", "1", False),  # the amount itself
])
def test_reward_base(text, value, expected):
    assert Tg.reward_base(number(text, value)) is expected


@pytest.mark.parametrize("text, value, expected", [
    # b161 010, b161 006, b58 007: ages name whom the measure is for
    ("每千人口拥有3岁以下婴幼儿托位数达到4.5个", "3", True),
    ("进一步提高65岁以上老年人健康管理水平", "65", True),
    ("依托社区开展0-6岁儿童家长和看护人员培训", "0", True),  # the range is read from its first number
    # b54 005, b99 008: a life expectancy is a goal
    ("人均预期寿命达到78.5岁", "78.5", False),
    ("托位数达到4.5个", "4.5", False),  # no age
])
def test_age_qualifier(text, value, expected):
    assert Tg.age_qualifier(number(text, value)) is expected


@pytest.mark.parametrize("text, value, goal, expected", [
    # real line: 小微企业占我省企业总数的97%,吸纳了55.5%的就业人员 (a 2012 opinion's background)
    ("小微企业占我省企业总数的97%", "97", False, True),
    ("吸纳了55.5%的就业人员", "55.5", False, True),
    ("数字经济占GDP比重达到15%", "15", False, False),  # a comparator word: a goal
    ("制造业增加值占地区生产总值的35%", "35", True, False),  # under a deadline year
])
def test_stated_share(text, value, goal, expected):
    n = number(text, value)
    n.goal = goal
    n.comparator, n.suffix_len = Tg.comparator_after(n.post_full, n.unit)
    n.pre_word, _ = Tg.comparator_before(n.pre)
    assert Tg.stated_share(n) is expected


def _prepared(text, value, goal=False, prev=None):
    n = number(text, value)
    n.goal, n.prev = goal, prev
    n.comparator, n.suffix_len = Tg.comparator_after(n.post_full, n.unit)
    n.pre_word, _ = Tg.comparator_before(n.pre)
    return n


@pytest.mark.parametrize("text, value, goal, prev, expected", [
    ("制修订国家标准100项、行业标准100项", "100", False, None, False),
    ("到2015年，全市主持或参与制修订国际标准10项", "10", True, None, True),  # closes its clause
    ("力争1家企业获得中国质量奖", "1", True, None, True),  # opens its clause
    ("推进专利转化3项", "3", False, None, False),  # no deadline, no list
])
def test_listed_count(text, value, goal, prev, expected):
    assert Tg.listed_count(_prepared(text, value, goal, prev)) is expected


@pytest.mark.parametrize("text, value, goal, expected", [
    ("奶羊养殖示范点3个", "3", True, True),          # b126 001: a noun, then the count
    ("推广杂交稻旱种50万亩", "50", True, True),      # a counting verb six characters back
    ("奶羊养殖示范点3个", "3", False, False),         # no deadline in force
    ("社会满意度90分", "90", True, False),            # 分 is no count unit
])
def test_goal_count(text, value, goal, expected):
    assert Tg.goal_count(_prepared(text, value, goal)) is expected


def test_listed_count_continues_a_list():
    text = "制修订国家标准100项、行业标准200项"
    first = number(text, "100")
    assert Tg.listed_count(_prepared(text, "200", False, (first.sent_start, first.end, "=", "国家标准")))


@pytest.mark.parametrize("text, expected", [
    ("建成十个省级品牌培育基地", True), ("总量超过五千亿规模", True), ("至少有一名高校毕业生", True),
    ("进一步加强", False), ("建立一个机制", False), ("培育形成两个千亿级产业集群", False),
    ("建立“预防、打击、服务”三位一体机制", False),
])
def test_chinese_count_ok(text, expected):
    m = next(Tg.NUM.finditer(text), None)
    if m is None or not m.group("cn"):
        assert not expected
        return
    n = Tg.Number(text, text, m)
    n.comparator, n.suffix_len = Tg.comparator_after(n.post_full, n.unit)
    n.pre_word, _ = Tg.comparator_before(n.pre)
    assert Tg.chinese_count_ok(n, False) is expected


TABLE_LINES = ["建设浙江省打击侵权假冒行政", "执法与刑事司法衔接信息平台,", "完善信息平台与省行政执法平", "台对接,制定《浙江省打击侵权",
               "假冒两法衔接平台运行管理办", "法》,年度处理诉调对接专利民", "事纠纷案件 100 起以上", "省商务厅、法院、知",
               "识产权局", "举办小微企业知识产权培训班", "15 班次以上"]


@pytest.mark.parametrize("lines, expected", [
    (TABLE_LINES, ["建设浙江省打击侵权假冒行政执法与刑事司法衔接信息平台,完善信息平台与省行政执法平台对接,制定《浙江省打击侵权"
                   "假冒两法衔接平台运行管理办法》,年度处理诉调对接专利民事纠纷案件 100 起以上",
                   "省商务厅、法院、知识产权局举办小微企业知识产权培训班15 班次以上"]),
    (["一段完整的话，到2025年专利达到100件。"] * 9, ["一段完整的话，到2025年专利达到100件。"] * 9),  # long lines
    (["短行甲", "短行乙"], ["短行甲", "短行乙"]),  # too few lines to be a table
])
def test_wrapped_cells(lines, expected):
    assert Tg.wrapped_cells(lines) == expected


@pytest.mark.parametrize("before, prev_end, expected", [
    ("100万元、", 5, True),   # 给予补助资金：100万元、50万元 (the 50)
    ("100万元、50万元和", 10, True),
    ("示范区3个、培育示范企业", 4, False),  # another metric stands between
    ("", -1, False),
])
def test_tier_amount(before, prev_end, expected):
    assert Tg.tier_amount(before, prev_end) is expected


@pytest.mark.parametrize("path, expected", [
    (["主要指標"], True),  # real heading: the indicators of a 十三五 plan's task division, each a measure
    (["一、主要指标"], True), (["（二）发展目标"], True),
    (["锚定建设农业强国目标,科学谋划农业强省建设"], False),  # a long heading that only names a goal
    (["加强组织领导"], False), ([], False), (None, False),
])
def test_goals_heading(path, expected):
    assert Tg.goals_heading(path, CTX) is expected


@pytest.mark.parametrize("title, expected", [
    ("主要目标指标", True),  # b54 005: "1.主要目标指标。" under a task of an annual plan
    ("发展目标", True), ("加强知识产权保护", False), (None, False), ("", False),
])
def test_goals_title(title, expected):
    assert Tg.goals_title(title, CTX) is expected


def tail_number(text, value):
    """any_number with the comparator after it read (as the stage does before the condition checks)."""
    n = any_number(text, value)
    n.comparator, n.suffix_len = Tg.comparator_after(n.post_full, n.unit)
    return n


@pytest.mark.parametrize("text, value, expected", [
    # real lines: 年主营业务收入首次突破1000亿元企业，一次性给予企业高管人员最高1000万元奖励 (the revenue is who
    # qualifies); 固定资产投资规模在500万元以上从事农林牧水及农林牧副产品加工的企业，…给予奖励
    ("年主营业务收入首次突破1000亿元企业，一次性给予企业高管人员最高1000万元奖励", "1000", True),
    ("年主营业务收入首次突破10亿元的工业企业、重点服务业企业，一次性给予最高100万元奖励", "10", True),
    ("固定资产投资规模在500万元以上从事农林牧水及农林牧副产品加工的企业，给予奖励", "500", True),
    ("培育年产值10亿元以上企业20家", "10", True),
    # near misses: a goal of the same shape (no beneficiary after it), a count of the beneficiaries
    ("到2025年，全市营业收入突破1000亿元", "1000", False),
    ("培育10家以上示范企业", "10", False),  # 家 counts the enterprises: a goal
    ("研发投入占比达到3%以上，企业主体地位明显增强", "3", False),
])
def test_qualifies_beneficiary(text, value, expected):
    assert Tg.qualifies_beneficiary(tail_number(text, value)) is expected


@pytest.mark.parametrize("text, expected", [
    # real lines: 同一件专利最多资助3个国家或地区; 每件给予2万元补助,最多不超过5个国家
    ("同一件专利最多资助3个国家或地区。", [(3, "个国家或地区", "<=")]),
    ("被授予国外发明专利权的，每件给予2万元补助，最多不超过5个国家。",
     [(2, "万元", "="), (5, "个国家", "<=")]),
    ("建设3个国家级知识产权保护中心。", [(3, "个", "=")]),  # 国家级 names the centres: the counter alone
])
def test_country_counts(text, expected):
    found = Tg.extract_targets(text, measure=1, doc_year=None)
    assert [(t["value"], t["unit"], t["comparator"]) for t in found] == expected


@pytest.mark.parametrize("text, expected", [
    # b173 008/013 (session 10 in view): grain and land in their own units, not a bare 亿
    ("市、县粮食储备库存保持在2亿斤以上。", [(2, "亿斤", ">=")]),
    ("力争累计建成高标准农田13.5亿亩。", [(13.5, "亿亩", "=")]),
    ("全市基本农田保有量稳定在19.5万公顷以上。", [(19.5, "万公顷", ">=")]),
    ("营业收入突破10亿元。", [(10, "亿元", ">")]),  # money keeps its unit
])
def test_physical_units(text, expected):
    found = Tg.extract_targets(text, measure=1, doc_year=None)
    assert [(t["value"], t["unit"], t["comparator"]) for t in found] == expected


@pytest.mark.parametrize("head, expected", [
    ("全面推开食品安全信用体系建设工作,食品安全信用企业(单位)达到80%以上。", True),
    ("健全食品安全应急救援体系,应急救援网络覆盖面达100%。", True),
    ("加强知识产权保护", False),
    ("实施十大工程", False),
    ("2023年重点任务", False),
])
def test_heading_goal(head, expected):
    assert Tg.heading_goal(head) is expected


@pytest.mark.parametrize("target, plan, year", [
    ({"unit": "万人", "year": None, "quote": "城镇新增就业1000万人以上"}, 2016, 2016),  # b59 009: a task of the 2016 plan
    ({"unit": "万元", "year": None, "quote": "给予2万元奖励"}, 2016, None),  # a reward: a standing rule
    ({"unit": "亿元", "year": None, "quote": "安排地方专项债券4000亿元"}, 2016, 2016),  # a budget task of the year
    ({"unit": "%", "year": 2025, "quote": "达到30%"}, 2016, 2025),  # the text's own year stands
    ({"unit": "件", "year": None, "quote": "办理100件"}, None, None),  # no annual plan
    ({"unit": "家", "year": None, "quote": "力争每年新增储备企业100家"}, 2024, None),  # b26 012: a rate per year
    # session 29: a Traditional page's reward, its unit as written (b884 002, "2017年…扶持计划申请指南")
    ({"unit": "萬元", "year": None, "quote": "單個項目的資助上限為300萬元"}, 2017, None),
])
def test_plan_task_year(target, plan, year):
    assert Tg.plan_task_year(target, plan)["year"] == year


@pytest.mark.parametrize("text, expected", [
    # b67 003: statutory rates written as ranges with the unit twice, labelled before a colon
    ("原创作品:3%—10%;", [(3, "%", ">=", "原创作品")]),
    ("版税率：原创作品3%—10%，演绎作品1%—7%。", [(3, "%", ">=", "原创作品"), (1, "%", ">=", "演绎作品")]),
    ("共有3个，10个在建。", [(3, "个", "=", "共有")]),  # a comma is no range
])
def test_ranges_with_the_unit_twice(text, expected):
    found = Tg.extract_targets(text, measure=1, doc_year=2014)
    assert [(t["value"], t["unit"], t["comparator"], t["metric"]) for t in found] == expected


@pytest.mark.parametrize("text, value, expected", [
    ("原创作品:3%—10%", "3", True), ("1%-7%", "1", True), ("共有3个，10个", "3", False), ("3%—10个", "3", False),
])
def test_unit_range_after(text, value, expected):
    assert Tg.unit_range_after(_full(text, value)) is expected


@pytest.mark.parametrize("text, value, unit, expected", [
    ("缴获海洛因50-1000克以下,每案奖励5000-3万元", "5000", "万元", "元"),   # b242 001
    ("每件奖励1-3万元", "1", "万元", "万元"),
    ("培训人数达到5万人", "5", "万人", "万人"),                           # no range
    ("补助2000-5000元", "2000", "元", "元"),
])
def test_range_lower_unit(text, value, unit, expected):
    assert Tg.range_lower_unit(_full(text, value), unit) == expected


def test_conditions_to_apply_are_no_targets():
    """b80 008: the items of 申报条件 are conditions an applicant meets, not commitments (no measure, no target);
    a goal elsewhere in the same notice still counts."""
    from measures.parsing import parse_document

    text = ("江苏省知识产权局关于组织申报2023年度专利导航项目的通知\n各设区市知识产权局:\n"
            "一、工作目标\n到2025年,建设专利导航服务基地10家以上。\n三、申报条件\n申报单位应同时具备以下条件:\n"
            "(一)在江苏省内注册,具有独立法人资格;\n(二)承担过政府机关委托的专利分析项目不少于5项;\n"
            "(三)具有承担本项目的专业团队,团队成员不少于8人。\n")
    found = parse_document(text, source="t.txt")["targets"]
    assert [(t["value"], t["unit"]) for t in found] == [(10, "家")]


@pytest.mark.parametrize("text, value, metric, expected", [
    ("取得电影片公映许可证、电视剧发行许可证的，分别给予100万元", "100", "分别",
     "取得电影片公映许可证、电视剧发行许可证的"),                           # b148 006: only the word was left
    ("化学需氧量、二氧化硫排放总量比2010年的165902吨、56237吨分别下降8.82%", "8.82", "56237吨分别",
     "化学需氧量、二氧化硫排放总量比2010年的165902吨"),                    # b10 004: the list's clause, figures off
    ("设一等奖1名、二等奖2名,分别给予30万元", "30", "生产企业,设一等奖1名、二等奖2名,分别",
     "生产企业,设一等奖1名、二等奖2名"),                                     # the context kept, the word dropped
    ("对企业给予30万元奖励", "30", "企业奖励", None),                        # no 分别
    # b761 002: the subject before 分别 names too little (县级): the clause with the 、 list
    ("新增获批认定国级、省级、市级、县级农业龙头企业荣誉称号,带动地方特色产业发展,促农增收效果显著,县级分别一次性奖励5万元",
     "5", "促农增收效果显著,县级分别", "新增获批认定国级、省级、市级、县级农业龙头企业荣誉称号"),
])
def test_respective_metric(text, value, metric, expected):
    assert Tg.respective_metric(_full(text, value), metric) == expected


def test_respective_metric_takes_the_listing_clause():
    """"分别给予100万元、50万元、30万元奖励" after a list: the metric names the list, not the word 分别
    (b148 006, round 11 in view); each of 项目履约率、开工率、资金到位率 gets its own amount."""
    from measures.parsing import parse_document
    text = ("一、支持措施\n1.支持精品创作。对本市影视企业出品的影视作品，取得电影片公映许可证、电视剧发行许可证、"
            "网络剧片发行许可证的，分别给予100万元、50万元、30万元奖励。\n"
            "2.加快项目建设。确保项目履约率、开工率、资金到位率分别达到90%、80%、30%以上。\n")
    found = [(t["metric"], t["value"]) for t in parse_document(text, source="t.txt")["targets"]]
    listed = "取得电影片公映许可证、电视剧发行许可证、网络剧片发行许可证的"
    assert [v for _, v in found[:3]] == [100, 50, 30]
    assert all(m.endswith(listed) for m, _ in found[:3])  # the clause with its subject, without 分别
    assert found[3:] == [("项目履约率", 90), ("开工率", 80), ("资金到位率", 30)]


@pytest.mark.parametrize("post, expected", [
    ("个显示度高、示范性强、复制性好的数据要素应用典型案例", "数据要素应用典型案例"),  # b144 012 (round 10 in view)
    ("個全國領先、示范作用明顯的數據產業集聚區", "數據產業集聚區"),                  # b144 013
    ("个、培育5家", None),            # the next item of a list, no 的
    ("个示范点", None),               # no 、 list of qualities
])
def test_described_noun(post, expected):
    m = Tg.described_noun(post)
    assert (m.group("noun") if m else None) == expected


@pytest.mark.parametrize("post, expected", [
    ("(上述指标均为预期性指标)。", True),   # b85 010: the note closes the clause
    ("（暂定）", True),
    ("(2023年底达3.85件,", True),          # b92 007: "10件(2023年底达3.85件,2024年底达6.22件)", cut at its comma
    ("(含新增高技能人才15万人)取得相应证书", False),  # b12 005: words follow the note
    ("示范点", False),
])
def test_note_after(post, expected):
    assert Tg.note_after(post) is expected


def test_note_after_metric_is_the_phrase_before():
    from measures.parsing import parse_document
    text = "一、目标\n到2025年，每万人口高价值发明专利拥有量达到12件(上述指标均为预期性指标)。\n"
    found = parse_document(text, source="t.txt")["targets"]
    assert [(t["metric"], t["value"]) for t in found] == [("每万人口高价值发明专利拥有量", 12)]


@pytest.mark.parametrize("metric, expected", [
    ("获得市级优秀创新产品的工业企业给予奖励,一等奖100万元,二等奖", "获得市级优秀创新产品的工业企业给予奖励二等奖"),  # b93 005
    ("新认定的省级工业设计中心奖励50万元,国家级", "新认定的省级工业设计中心奖励国家级"),
    ("新认定的省级工业设计中心", "新认定的省级工业设计中心"),
    ("补助50万元,其", "补助50万元,其"),   # nothing named after the earlier amount
])
def test_after_earlier_amount(metric, expected):
    assert Tg.after_earlier_amount(metric) == expected


def test_a_notices_own_items_give_document_targets():
    """b98 004: the items a forwarding notice adds are no measures, their figures are document-level targets."""
    from measures.parsing import parse_document

    text = ("关于转发评选第十五届中国专利奖的通知\n各中央企业:\n"
            "现将国家知识产权局《关于评选第十五届中国专利奖的通知》转发你们,并将有关事项通知如下:\n"
            "一、请各中央企业积极组织本单位专利奖推荐工作,认真准备申报材料。\n二、每家中央企业严格限报1项。\n")
    parsed = parse_document(text, source="t.txt")
    assert parsed["measures"] == []
    assert [(t["value"], t["unit"], t["measure"]) for t in parsed["targets"]] == [(1, "项", None)]



@pytest.mark.parametrize("text, expected", [
    # b178 001: tiers written 万 without 元, and a last amount so written
    ("对通过复查换证、续展认证的,分别给予一次性奖励0.5万、1万、2万元。", [(0.5, "万元"), (1, "万元"), (2, "万元")]),
    ("对获得国家绿色食品原料基地认证的一次性奖励5万。", [(5, "万元")]),
    ("全县常住人口达到5万,城镇化率提高。", []),                 # no reward: people, no target
    ("出口额达500万(或进口1500万)美元以上奖励5万元。", [(5, "万元")]),   # 万 before a bracket: not an amount
])
def test_bare_wan_amount(text, expected):
    from measures.parsing import parse_document
    found = parse_document("一、支持措施\n1." + text + "\n", source="t.txt")["targets"]
    assert [(t["value"], t["unit"]) for t in found] == expected
    for m in Tg.NUM.finditer(text):
        if m.group("unit") == Tg.BARE_WAN:
            n = Tg.Number(text, text, m)
            Tg._comparator(n)
            assert Tg.bare_wan_amount(n) is bool(expected)


@pytest.mark.parametrize("text, value, expected", [
    ("违反本办法的,并处10000元以上30000元以下罚款。", "10000", True),          # b191 008
    ("並可處以500元以上1000元以下罰款。", "500", True),                        # b192 001, Traditional
    ("对新认定的企业给予30万元奖励。", "30", False),
    ("由市场监管部门责令停止侵权,处违法经营额5倍以下的罚款。", "5", True),     # b824 007: a multiple of the gains
    ("力争专利产值增长1倍。", "1", False),
    ("由公安机关处10日以上15日以下拘留。", "15", True),                          # b866 007: days of detention
    ("应当在15日内办结。", "15", False),
])
def test_penalty_amount(text, value, expected):
    from measures.parsing.text import fold_same_length
    folded = fold_same_length(text)
    m = next(m for m in Tg.NUM.finditer(folded) if m.group("num") == value)
    assert Tg.penalty_amount(Tg.Number(text, folded, m)) is expected


def test_small_and_care_of_percent_signs_are_per_cent():
    """b193 012: "合格率达 98℅以上", "免疫率达 100﹪": the unit is %, the quote keeps the glyph."""
    from measures.parsing import parse_document
    found = parse_document("一、\n1.上市瓜菜抽检合格率达 98℅以上。\n2.防控工作免疫率达 100﹪。\n", source="t.txt")["targets"]
    assert [(t["value"], t["unit"]) for t in found] == [(98, "%"), (100, "%")]
    assert found[1]["quote"].endswith("100﹪")


@pytest.mark.parametrize("text, year, expected", [
    # b199 001: the review of 2016 joined to the 2017 plan's title and signature
    ("湖南省人民政府2017年3月31日湖南省2017年国民经济和社会发展计划2016年,在省委领导下,我省实现了良好开局。全省实现地区生产总值3.12万亿,增长7.9%",
     2017, "2016年"),
    ("2025年,全市新增高新技术企业50家,实现了稳步增长。", 2025, None),      # the document's own year
    ("2023年,全市新增高新技术企业50家。", 2025, None),                    # no word of what was done
])
def test_past_year_review(text, year, expected):
    at = Tg.past_year_review(text, year)
    assert (text[at:at + 5] if at is not None else None) == expected


def _doc_ctx(document):
    ctx = ParseContext()
    ctx.document = document
    return ctx


PLAN_14 = {"title": "嘉兴市知识产权发展“十四五”规划"}


@pytest.mark.parametrize("text, document, ongoing, expected", [
    # b210 002: a 十四五 plan's review of 十三五, its goals after
    ("“十三五”期间，我市新增专利申请190919件。到2025年，每万人发明专利拥有量达到50件。", PLAN_14, False,
     ("“十三五”期间", "到2025年")),
    ("发展成效“十三五”期间，新增专利申请190919件", PLAN_14, False, ("“十三五”期间", "")),  # glued to its heading
    ("“十三五”期间，到2020年底新增190919件，（二）主要目标", PLAN_14, False, ("“十三五”期间", "主要目标")),
    ("“十三五”规划既定的发展目标如期完成，新增190919件", PLAN_14, False, None),  # no opening
    ("“十四五”期间，力争新增专利申请5万件", {"title": "关于…的意见", "signed_date": "2021-05-01"}, False, None),
    ("“十三五”期间，新增专利申请5万件", {"title": "关于…的意见"}, False, None),  # written when? unknown
    ("有效发明专利拥有量20022件", PLAN_14, True, ("有效发明专利", "")),  # the review goes on
    ("二、指导思想", PLAN_14, True, None),  # a chapter ends it
])
def test_past_period_review(text, document, ongoing, expected):
    span = Tg.past_period_review(text, _doc_ctx(document), ongoing)
    if expected is None:
        assert span is None
    else:
        assert text[span[0]:].startswith(expected[0]) and text[span[1]:].startswith(expected[1])
        assert span[2] == (span[1] == len(text))


@pytest.mark.parametrize("metric, expected", [
    ("可按不超过建设费用的", "建设费用"),                       # b198 003
    ("按企业实际支付通信服务费的", "企业实际支付通信服务费"),      # b203 001
    ("研发投入占比", "研发投入占比"), ("按的", "按的"),
])
def test_basis_metric(metric, expected):
    assert Tg.basis_metric(metric) == expected


@pytest.mark.parametrize("title, body, expected", [
    ("奖励额度", "奖励额度\n发明专利10000元/项;实用新型400元/项。", "奖励额度：发明专利10000元/项;实用新型400元/项。"),   # b179 005
    ("补助标准", "每家企业30万元。", "补助标准：每家企业30万元。"),
    ("奖励额度", "给予每项专利1万元奖励。", "给予每项专利1万元奖励。"),      # the body names the reward itself
    ("加强执法", "加强执法\n查处案件100件。", "加强执法\n查处案件100件。"),      # no reward title
])
def test_reward_titled(title, body, expected):
    assert Tg.reward_titled(title, body, CTX) == expected


@pytest.mark.parametrize("title, body, heading, expected", [
    ("猪(非洲猪瘟)", "大猪1200元/头、中猪750元/头。", "补贴标准", "补贴标准：大猪1200元/头、中猪750元/头。"),  # b544 012
    ("羊", "给予成年羊500元/只补助。", "补贴标准", "给予成年羊500元/只补助。"),  # the body names the subsidy itself
    ("加强执法", "查处案件100件。", "重点任务", "查处案件100件。"),             # no reward heading
])
def test_reward_titled_under_a_heading(title, body, heading, expected):
    assert Tg.reward_titled(title, body, CTX, heading) == expected


def test_zero_and_trillion_jin():
    """b177 008: "?0%的专利代理机构" (a digit lost) is no target; b187 001: 1.3 万亿斤 is 1.3 of 万亿斤."""
    from measures.parsing import parse_document
    found = parse_document("一、\n1.检查在我省备案?0%的专利代理机构。\n2.粮食产量保持在 1.3 万亿斤以上。\n",
                           source="t.txt")["targets"]
    assert [(t["value"], t["unit"]) for t in found] == [(1.3, "万亿斤")]


@pytest.mark.parametrize("text, expected", [
    ("充电基础设施达到15万台以上。", (15, "万台")),          # b215 004
    ("确保全县烟叶收购量达到865万公斤。", (865, "万公斤")),  # b216 006
    ("引进外资500万美元以上的项目。", None),                 # 万美元: a condition's unit, read as no target
])
def test_units_of_stock_and_harvests(text, expected):
    from measures.parsing import parse_document
    found = parse_document("一、\n1." + text + "\n", source="t.txt")["targets"]
    assert [(t["value"], t["unit"]) for t in found][:1] == ([expected] if expected else [])


@pytest.mark.parametrize("text, expected", [
    ("依据上年度总技术交易额的1‰给予奖励。", [(1, "‰")]),   # b217 010: a share in per mille, as in per cent
    ("按交易额的1%给予奖励。", [(1, "%")]),
    ("死亡率下降到4.0‰。", [(4, "‰")]),
    ("算力規模達到100EFlops。", [(100, "EFlops")]),   # b219 001: computing power
    ("会议用餐伙食费不超过80元/人/天。", [(80, "元/人/天")]),  # b375 006: a standard per person and day
    ("交售农户的废旧地膜补贴标准为0.8元/斤。", [(0.8, "元/斤")]),  # b417 012: what an amount is per, after "/"
    ("收费标准为2元/车/小时。", [(2, "元/车/小时")]),
    ("回收率达到80%/年以上。", [(80, "%/年")]),
    ("居民生活用水价格调整为1.1元/m3。", [(1.1, "元/m3")]),  # b697 008: a water price per cubic metre
])
def test_share_and_power_units(text, expected):
    assert [(t["value"], t["unit"]) for t in Tg.extract_targets(text, measure=1, doc_year=None)] == expected


@pytest.mark.parametrize("text, value, expected", [
    ("考核得分90分以上为优秀", "90", True),                 # b264 006: how a result is rated
    ("80分以上90分以下为良好", "80", True), ("80分以上90分以下为良好", "90", True),
    ("60分以下为不合格", "60", True),
    ("群众满意度达到90分以上", "90", False),               # a commitment
    ("考核优秀等次比例不超过30%", "30", False),
])
def test_grade_band(text, value, expected):
    assert Tg.grade_band(_full(text, value)) is expected


@pytest.mark.parametrize("text, value, expected", [
    ("因灾死亡和失踪30人以上", "30", True),                      # b677 012: the toll that grades an incident
    ("或因灾造成直接经济损失100万元以上", "100", True),
    ("因灾紧急转移安置灾民2000人以上", "2000", True),           # b622 001
    ("需搬迁转移人数在500人以上、1000人以下", "500", True),
    ("全年渔业船舶事故死亡人数控制在40人以内", "40", False),     # b282 011: a ceiling kept, a target
    ("年均因灾直接经济损失占GDP比例控制在1%以内", "1", False),   # b76 004
    ("新建应急避难场所30个以上", "30", False),                  # no toll
])
def test_incident_grade(text, value, expected):
    assert Tg.incident_grade(_full(text, value)) is expected


@pytest.mark.parametrize("text, value, expected", [
    ("大棚蔬菜连片100亩以上补助10000元", "100", True),            # b152 001: who qualifies for the money
    ("对营业面积达100平方米以上的,给予5万元奖励", "100", True),
    ("新增设施农业面积1000亩以上", "1000", False),                # a goal: no grant follows
    ("红火蚁防控面积2500亩以上,资金及时拨付率100%,补助不超过80元/亩", "2500", False),  # b566 008: clauses apart
    ("每户最多扶持5亩", "5", False),                              # a ceiling, no floor
])
def test_sized_before_grant(text, value, expected):
    assert Tg.sized_before_grant(_full(text, value)) is expected


@pytest.mark.parametrize("text, value, expected", [
    ("因灾死亡和失踪人口:每人2万元", "2", True),              # b380 005: a relief standard
    ("口粮救助标准为每人每月100元", "100", True), ("房屋一般损坏每户2000元", "2000", True),
    ("重建房屋户均2万元", "2", True), ("实用新型专利每件0.2万元", "0.2", True),  # b17 005
    ("全年实现营业收入100万元", "100", False),                # no standard: what it is paid per is missing
    ("每人1件棉衣", "1", False),                              # not money
])
def test_standard_amount(text, value, expected):
    assert Tg.standard_amount(_full(text, value)) is expected


@pytest.mark.parametrize("text, value, expected", [
    ("即第一名奖励2分、第二名奖励1.5分", "2", True),          # b393 006: an assessment's points
    ("奖励其负责人1分", "1", True), ("年终目标考核加10分", "10", True), ("每次扣1分", "1", True),
    ("办理质量(0.6分)", "0.6", True),                         # b378 004: an item's weight
    ("知识产权保护社会满意度达到85分", "85", False),          # a score to reach
    ("奖励2万元", "2", False),                                 # not points
    # session 28: points scored right before the number (b878 007, b471 010)
    ("有纳入考核的文件得10分,否则不得分", "10", True), ("有档案计5分", "5", True), ("初次信访事项办理基础分为25分", "25", True),
    ("全市知识产权保护社会满意度得分达到85分", "85", False),  # 得分 then a score to reach
])
def test_assessment_points(text, value, expected):
    assert Tg.assessment_points(_full(text, value)) is expected


@pytest.mark.parametrize("text, value, expected", [
    ("奖扶标准从现在的每人每月不低于60元提高到每人每月不低于80元", "60", True),   # b258 001: where things stand
    ("奖扶标准从现在的每人每月不低于60元提高到每人每月不低于80元", "80", False),  # the commitment
    ("火化率由18.92%增长到24.67%", "18.92", True),
    ("由市财政给予30万元补助", "30", False),                                      # 由 names who pays: no change
])
def test_change_start(text, value, expected):
    assert Tg.change_start(_full(text, value)) is expected


@pytest.mark.parametrize("text, value, expected", [
    ("缴获1千克以上10千克以下的,每案奖励5000元", "1", True),    # b242 002: a band sorts cases
    ("缴获1千克以上10千克以下的,每案奖励5000元", "10", True),
    ("缴获1千克以上10千克以下的,每案奖励5000元", "5000", False),
    ("培育企业10家以上", "10", False),
])
def test_band_bound(text, value, expected):
    assert Tg.band_bound(_full(text, value)) is expected



@pytest.mark.parametrize("text, expected", [
    ("集中式供水水源是指供水人口一般大于1000人的在用水源。", []),  # b289 008: a definition's threshold
    ("机动车是指具有四个或四个以上车轮的非轨道承载的车辆。", []),  # b292
    ("风险补偿资金池是指由财政出资设立的资金，总规模3000万元。", [(3000, "万元")]),  # a fund's size stays (b15 006)
    ("经营者的市场份额合计不超过百分之二十。", []),  # a fraction is no score of 100 points (b294 006)
])
def test_definition_threshold_and_fraction(text, expected):
    got = Tg.paragraph_targets(text, 1, 2024, None, None, CTX)
    assert [(t["value"], t["unit"]) for t in got] == expected


@pytest.mark.parametrize("text, value, expected", [
    ("集中式供水水源是指供水人口一般大于1000人的在用水源", "1000", True),
    ("风险补偿资金池是指由财政出资设立的资金，总规模3000万元", "3000", False),  # an amount stays
    ("新增供水人口1000人", "1000", False),  # no definition
])
def test_definition_threshold(text, value, expected):
    assert Tg.definition_threshold(any_number(text, value)) is expected


@pytest.mark.parametrize("s, expected", [
    ("绿化覆盖率>40%.人均公园绿地面积》12平方米", "绿化覆盖率>40%。人均公园绿地面积》12平方米"),  # b321 011
    ("防护绿地实施率>90%.生产绿地", "防护绿地实施率>90%。生产绿地"),
    ("本地木本植物指数>0.90", "本地木本植物指数>0.90"), ("1.加强组织领导", "1.加强组织领导"),  # a decimal, a list number
])
def test_ocr_full_stop(s, expected):
    assert Tg.ocr_full_stop(s) == expected


@pytest.mark.parametrize("text, value, expected", [
    ("此次出台的《办法》设总则、基础设施、附则共7章40条", "40", True),  # b330 007: the document's own parts
    ("济南发布40条专项办法", "40", True), ("共14条具体措施", "14", True),
    ("新建5条农村公路", "5", False), ("培育重点项目10项以上", "10", False),
])
def test_document_parts(text, value, expected):
    assert Tg.document_parts(number(text, value)) is expected


@pytest.mark.parametrize("document, expected", [
    ({"title": "湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见", "signed_date": "2019-04-02"}, 2019),  # b341 002
    ({"title": "政府工作报告“十四五”时期重点工作责任分解", "signed_date": "2021-03-01"}, None),  # a five-year span
    ({"title": "2023年区《政府工作报告》确定的重点工作任务责任分解方案", "signed_date": None}, 2023),
    ({"title": "关于加强知识产权保护的实施意见", "signed_date": "2019-04-02"}, None),
])
def test_plan_year_of_a_work_report(document, expected):
    assert Tg.plan_year(document) == expected


@pytest.mark.parametrize("text, value, expected", [
    ("对重大案件的,奖励2000元至20000元", "20000", True), ("对重大案件的,奖励2000元至20000元", "2000", False),  # b346 005
    ("给予50万元—100万元奖励", "100", True), ("5个工作日至10个工作日内办结", "10", False),  # a time limit's bound is its limit
    ("奖励2000元", "2000", False),
])
def test_range_upper_bound(text, value, expected):
    assert Tg.range_upper_bound(number(text, value)) is expected


@pytest.mark.parametrize("text, value, expected", [
    ("缴费标准为100元、200元、300元、400元、500元共十三个档次,由参保人选择", "200", True),  # b432 001: a menu
    ("缴费标准目前设为每年100元、200元、300元、3000元14个档次。", "3000", True),  # b432 003
    ("分别奖励100元、200元、300元、500元。", "200", False),  # rewards, no tiers named
    ("缴费标准为100元、200元两个档次", "100", False),  # too short a list to be a menu
])
def test_tier_menu(text, value, expected):
    assert Tg.tier_menu(number(text, value)) is expected


@pytest.mark.parametrize("text, value, expected", [
    ("县财政每年补贴为:缴100元补10元、缴200元补15元。", "100", True),  # b432 001: the amount paid
    ("县财政每年补贴为:缴100元补10元、缴200元补15元。", "10", False),   # the subsidy it earns
    ("对参保人缴费给予补贴100元。", "100", False),
])
def test_paid_tier(text, value, expected):
    assert Tg.paid_tier(number(text, value)) is expected


PROGRESSIVE = "1000万元(含1000万元)以内的按照5‰给予奖励,1000万元至10000万元的部分按照1‰给予奖励,10000万元以上的部分按照0.5‰给予奖励。"


@pytest.mark.parametrize("text, value, expected", [
    # session 29: the edges of a progressive reward's tiers (b884 009)
    (PROGRESSIVE, "1000", True), (PROGRESSIVE, "10000", True), (PROGRESSIVE, "5", False),
    ("超过100万元的部分,按0.1%给予奖励。", "100", True),
    ("对投资1000万元以内的项目给予补助。", "1000", False),          # no rate after it: a condition read elsewhere
])
def test_tier_bound(text, value, expected):
    assert Tg.tier_bound(number(text, value)) is expected


@pytest.mark.parametrize("folded, expected", [
    ("1000万元(含1000万元)以内的", "1000万元以内"), ("超过100万元的部分,", "超过100万元"),
    ("实际技术交易金额年累计在3000万元及以下部分", "实际技术交易金额年累计在3000万元及以下"),
    ("年度业务收入200万元以上的,", None),     # a threshold for the whole reward, no tier
    ("对企业", None),
])
def test_tier_of_rate(folded, expected):
    assert Tg.tier_of_rate(folded, folded) == expected


def test_progressive_reward_rates():
    """Each tier's rate is a target named by its tier; the tiers' edges are none (b884 009, b146 003)."""
    got = [(t["metric"], t["value"], t["unit"]) for t in Tg.extract_targets(PROGRESSIVE, measure=1, doc_year=2020, ctx=CTX)]
    assert got == [("1000万元以内奖励", 5, "‰"), ("1000万元至10000万元奖励", 1, "‰"), ("10000万元以上奖励", 0.5, "‰")]
    spaced = Tg.extract_targets("实际技术交易金额年累计在 3000 万元及以下部分按交易额的 0.5%给予奖励", measure=1, doc_year=2020, ctx=CTX)
    assert [(t["value"], t["unit"]) for t in spaced] == [(0.5, "%")]


@pytest.mark.parametrize("text, value, metric, expected", [
    # b38 003: a metric of aid words only gives way to the sentence before the amount
    ("在新三板成功挂牌的企业,高新区给予一定的奖励,最高不超过100万元。", "100", "给予一定的奖励,最高不超过",
     "在新三板成功挂牌的企业,高新区给予一定的奖励"),
    ("对企业给予奖励100万元。", "100", "知识产权质押融资额", "知识产权质押融资额"),  # a metric that names something
    ("对企业给予奖励100万元。", "100", "奖", "奖"),  # one character: dropped later, not revived
])
def test_weak_metric(text, value, metric, expected):
    assert Tg.weak_metric(number(text, value), metric) == expected


def test_an_upload_date_gives_no_document_year():
    from measures.parsing.header import Header

    ctx = ParseContext()
    ctx.document = {"published_date": "2023-02-04", "signed_date": None, "title": "某镇实施方案"}
    ctx.header = Header()
    ctx.header.meta = {"uploaded": "2023-02-04"}
    assert Tg.document_year(Tg.dated_by_the_text(ctx)) is None  # b417 003: the sharing site's date
    ctx.header.meta = {"published": "2023-02-04"}
    assert Tg.document_year(Tg.dated_by_the_text(ctx)) == 2023



@pytest.mark.parametrize("opening, expected", [
    ("根据省生态环境厅和市委、市政府工作要求,现对2024年全市生态环境工作作出如下安排。", 2024),  # b123 009
    ("今年经济社会发展主要预期目标是:…三、2024年主要工作安排 围绕上述目标", 2024),             # b473 007
    ("根据《省2023年知识产权工作要点》,结合实际,制定本方案。", None),                        # someone else's plan
    ("为加强知识产权保护,制定本方案。", None),
])
def test_opening_plan_year(opening, expected):
    assert Tg.opening_plan_year(opening) == expected


@pytest.mark.parametrize("pre, expected", [
    ("将跨境电子商务零售进口商品的单次交易限值由人民币2000元提高至", True),  # b649 011
    ("补助标准由400元/头提高至", True),
    ("奖扶标准从现在的每人每月不低于60元提高到每人每月不低于", False),  # a floor written after the verb
    ("满意度提高到", False),  # no starting value
])
def test_raised_from(pre, expected):
    assert Tg.raised_from(pre) is expected


@pytest.mark.parametrize("text, comparator", [
    ("将跨境电子商务零售进口商品的单次交易限值由人民币2000元提高至5000元。", "="),
    ("全市养老床位从15.9万张增加到17.8万张。", ">="),  # a goal counted in things stays a floor
    ("2021年我市城乡居民医保参保缴费标准提高至900元/人。", "="),  # an amount raised, no starting value (b606 004)
    ("奖扶标准提高到每人每月不低于80元。", ">="),  # a floor after the verb
])
def test_raised_amount_is_set(text, comparator):
    found = Tg.extract_targets(text, measure=None, doc_year=2018)
    assert found and found[-1]["comparator"] == comparator


@pytest.mark.parametrize("text, values", [
    ("农村五保分散供养标准:小店区7000元、迎泽区7000元、古交市5000元。", [7000, 7000, 5000]),  # b653 003
    ("检定收费标准为:首次检定3650元/台、后续检定1800元/台。", []),  # a fee people pay, no commitment (b647 005)
    ("现将第一批区级非物质文化遗产代表性项目名录(共计9项)予以公布。", []),  # a list's tally (b220 011, b560 006)
    ("共建成9个示范点。", [9]),
])
def test_listed_standards_and_tallies(text, values):
    assert [t["value"] for t in Tg.extract_targets(text, measure=None, doc_year=2016)] == values


OWN_NOTICE = ("太原市人民政府办公厅关于下达2016年农村五保供养标准的通知\n并政办发〔2016〕32号\n各县(市、区)人民政府:\n"
              "经市政府批准,2016年各县(市、区)农村五保供养标准已确定,现予下达:\n"
              "农村五保分散供养标准:小店区7000元、古交市5000元。\n特此通知。\n太原市人民政府办公厅\n2016年6月8日\n")
ISSUING_NOTICE = ("太原市人民政府办公厅关于印发《太原市农村五保供养办法》的通知\n各县(市、区)人民政府:\n"
                  "现将《太原市农村五保供养办法》印发给你们,全市已建成养老院30所,请认真贯彻执行。\n太原市人民政府办公厅\n2016年6月8日\n"
                  "太原市农村五保供养办法\n第一条 为做好农村五保供养工作,制定本办法。\n第二条 分散供养标准不低于每人每年5000元。\n")


@pytest.mark.parametrize("text, values", [
    (OWN_NOTICE, [7000, 5000]),   # the notice sets the standards itself (b653 003)
    (ISSUING_NOTICE, [5000]),     # the covering notice's own figures are not the document's
])
def test_own_notice_lines(knowledge, text, values):
    from measures.parsing.core import parse_document
    doc = parse_document(text, source="t.txt", knowledge=knowledge)
    assert [t["value"] for t in doc["targets"]] == values


@pytest.mark.parametrize("text, value, expected", [
    ("现将第一批区级非物质文化遗产代表性项目名录(共计9项)予以公布。", "9", True),  # b220 011
    ("2017年度事业单位工作人员年度考核工作的通知(共12篇)", "12", True),  # b538 005
    ("共建成9个示范点。", "9", False),  # a count, no brackets
])
def test_list_tally(text, value, expected):
    assert Tg.list_tally(number(text, value)) is expected


@pytest.mark.parametrize("text, expected", [
    (OWN_NOTICE, ["经市政府批准,2016年各县(市、区)农村五保供养标准已确定,现予下达:",
                  "农村五保分散供养标准:小店区7000元、古交市5000元。"]),
    (ISSUING_NOTICE, []),  # a covering notice covers the document it issues
])
def test_own_notice_lines_are_read(knowledge, text, expected):
    from measures.parsing.core import parse_context
    ctx = parse_context(text, source="t.txt", knowledge=knowledge)
    lines = Tg.own_notice_lines(ctx)
    assert all(any(e in line for line in lines) for e in expected) and (bool(lines) == bool(expected))


def _floor(quote, unit, comparator=">="):
    return {"quote": quote, "unit": unit, "comparator": comparator}


@pytest.mark.parametrize("lines, target, expected", [
    (["第五条 拍卖企业应当具备下列条件:注册资本不少于100万元。"], _floor("注册资本不少于100万元", "万元"), True),
    (["第五条 游泳场所人均水域面积不少于2.5平方米。"], _floor("人均水域面积不少于2.5平方米", "平方米"), True),
    (["第三条 市财政每年安排不少于50万元专项资金。"], _floor("市财政每年安排不少于50万元", "万元"), False),  # the issuer's own
    (["第九条 一项发明专利的奖金最低不少于3000元。"], _floor("一项发明专利的奖金最低不少于3000元", "元"), False),  # a reward
    (["第七条 联席会议每年至少召开1次。"], _floor("联席会议每年至少召开1次", "次"), False),  # how often
    (["第八条 应当在10个工作日内办结。"], _floor("应当在10个工作日内办结", "个工作日", "<="), False),  # no floor
    (["一、主要目标", "(一)企业注册资本不少于100万元。"], _floor("企业注册资本不少于100万元", "万元"), False),  # no article
])
def test_regulated_minimum(lines, target, expected):
    assert Tg.regulated_minimum(target, build_outline(lines, CTX).nodes[-1]) is expected


def test_regulated_minimum_with_units():
    node = build_outline(["第四条 在全市设立知识产权调解组织10家以上。（市司法局负责）"], CTX).nodes[-1]
    target = _floor("在全市设立知识产权调解组织10家以上", "家")
    assert Tg.regulated_minimum(target, node) is True
    assert Tg.regulated_minimum(target, node, ["市司法局"]) is False   # a task of the issuer's departments


@pytest.mark.parametrize("text, value, expected", [
    ("给予每月950元、1300元、2000元的生活补贴", "950", "生活补贴"),  # b1172 004: each amount of the list
    ("给予每月950元、1300元、2000元的生活补贴", "2000", "生活补贴"),
    ("分别发放6万元、8万元、10万元的一次性购房补贴。", "6", "一次性购房补贴"),
    ("给予贷款利息的50%、不超过100万元的贴息资助", "100", "贴息资助"),  # b480 004: the whole noun
    ("省50万元、市30万元的打假作业经费", "50", None),  # a place between the amounts: no list of amounts alone
    ("奖励2万元,并授予称号", "2", None),
    ("建成示范点3个、培育5家的补贴", "3", None),  # a count, not money
])
def test_listed_amounts_noun(text, value, expected):
    m = Tg.listed_amounts_noun(number(text, value))
    assert (m.group("noun") if m else None) == expected


@pytest.mark.parametrize("title, expected", [
    ("《广东省妇女发展规划(2011—2020年)》目标责任分解书", True),   # b1293 001, b317 003
    ("广东省妇女发展规划(2011—2020年)", False),                      # the plan itself: its goals chapter decides
    ("2024年目标任务分解方案", False),                                # no plan period to give a year
])
def test_targets_breakdown(title, expected):
    from measures.parsing.context import ParseContext
    ctx = ParseContext()
    ctx.document = {"title": title}
    assert Tg.targets_breakdown(ctx) is expected
