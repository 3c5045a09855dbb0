"""Unit tests of the parser's pure functions."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from measures.parsing import explain_ip_types, explain_themes
from measures.parsing.knowledge import Gazetteer, parse_keyword, prefecture_short_form
from measures.parsing.header import parse_date, resolve_region
from measures.parsing.context import ParseContext
from measures.parsing.measures import split_title
from measures.parsing.outline import build_outline, measure_nodes
from measures.parsing.text import parse_cn_number, translation_line
from measures.parsing.targets import extract_targets
from measures.parsing.decode import decode_bytes
from measures.parsing.clean import PINYIN
from measures.parsing.units import extract_units

from .conftest import DATA, REGIONS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text, names, leads", [
    ("加强协作。(责任单位:市市场监管局、市公安局)", ["市市场监管局", "市公安局"], []),
    ("加强协作。〔责任单位：市市场监管局(知识产权局)、市司法局等〕", ["市市场监管局(知识产权局)", "市司法局"], []),
    ("加强协作。(责任单位:市市场监管局、市文旅局 ", ["市市场监管局", "市文旅局"], []),  # unclosed
    ("加强协作。（牵头单位：市科技局；配合单位：市财政局、市教育局）", ["市科技局", "市财政局", "市教育局"], ["市科技局"]),
    ("加强协作。(市场监管局牵头，公安局、法院配合)", ["市场监管局", "公安局", "法院"], ["市场监管局"]),
    ("加强协作。(市场监管局、公安局按职责分工负责)", ["市场监管局", "公安局"], []),
    ("加强协作。(市场监管局负责)", ["市场监管局"], []),
    ("加强协作。〔市市场监管局(知识产权局)、市文旅局等〕", ["市市场监管局(知识产权局)", "市文旅局"], []),
    ("加强协作。〔责任单位:各县(市、区)党委和人民政府,市直有关单位〕", ["各县(市、区)党委和人民政府", "市直有关单位"], []),
    ("领导小组办公室设在市市场监督管理局(知识产权局)。", [], []),  # a qualifier, not a unit list
    ("推动设立中国(湖北)知识产权维权援助中心。", [], []),
])
def test_units(text, names, leads):
    units = extract_units(text)
    assert [u["name"] for u in units] == names
    assert [u["name"] for u in units if u["role"] == "lead"] == leads


@pytest.mark.parametrize("text, expect", [
    ("到2026年，全市知识产权保护社会满意度不低于84分。", (84, "分", ">=", 2026)),
    ("维权援助案件量超过400件/年。", (400, "件/年", ">", None)),
    ("知识产权民事案件上诉率低于20%。", (20, "%", "<", None)),
    ("平均办案周期缩短至30个工作日。", (30, "个工作日", "<=", None)),
    ("每年组织2次以上联合执法行动。", (2, "次", ">=", None)),
    ("争取申报实施1~2个地理标志运用促进工程项目。", (1, "个", ">=", None)),
    ("建设12个地理标志保护示范区。", (12, "个", "=", None)),
    ("对新认定的驰名商标，给予30万元资金援助。", (30, "万元", "=", None)),
    ("力争两年内新入选省级项目3个以上。", (3, "个", ">=", 2026)),
])
def test_targets(text, expect):
    ts = extract_targets(text, measure=7, doc_year=2024)
    assert len(ts) == 1, ts
    t = ts[0]
    assert (t["value"], t["unit"], t["comparator"], t["year"]) == expect
    assert t["measure"] == 7 and t["quote"] in text and t["metric"]


@pytest.mark.parametrize("text", [
    "根据《“十四五”规划》和惠台“66条”精神，制定本方案。",
    "征求意见时间为10月15日至10月23日，联系电话0598-8289917。",
    "根据皖政〔2016〕64号文件要求，于2024年12月印发。",
])
def test_no_false_targets(text):
    assert extract_targets(text, measure=None, doc_year=2024) == []


def test_outline_levels_restart_and_general_chapters():
    lines = ["一、总体要求", "（一）指导思想。坚持创新。", "（二）主要目标。到2025年达到10家。",
             "二、重点任务", "（一）强化保护", "1.加强执法。开展行动。", "2.加强司法。完善审判。",
             "（二）促进运用", "1.推进转化。建设平台。", "三、保障措施", "加强领导，落实责任。"]
    ctx = ParseContext()
    outline = build_outline(lines, ctx)
    ms = measure_nodes(outline, ctx)
    assert [(m.label, [a.heading for a in m.ancestors()]) for m in ms] == [
        ("1", ["重点任务", "强化保护"]), ("2", ["重点任务", "强化保护"]), ("1", ["重点任务", "促进运用"])]


def test_split_title():
    assert split_title("加强统筹协调。成立工作专班。") == ("加强统筹协调", "成立工作专班。")
    assert split_title("加强老字号传承和运用。(责任单位:市商务局)")[0] is None
    assert split_title("完善市、县两级管理体制,建立执法队伍。加强能力建设。")[0] is None


@pytest.mark.parametrize("line, expected", [
    ("1、Please follow the arrangements of the epidemic prevention staff after entry.", True),   # b513 009
    ("外商投資企業の苦情申立てに関連する業務制度の完全化を要望することに関する商務部弁公庁のレター", True),  # b513 004
    ("商务部办公厅关于请完善外商投资企业投诉相关工作制度的函", False),
    ("积极参与WTO改革和WIPO框架下的知识产权规则制定", False),   # Latin words inside Chinese
    ("Word格式文档下载", False),
    ("http://www.example.gov.cn", False),   # a link: chrome, not a translation
])
def test_translation_line(line, expected):
    assert translation_line(line) is expected


def test_cn_numbers_and_dates():
    assert [parse_cn_number(s) for s in ("十九", "二十一", "一百零五", "63")] == [19, 21, 105, 63]
    assert [parse_cn_number(s) for s in ("①", "²")] == [None, None]  # isdigit() says yes, int() says no
    assert parse_date("2021年09月03日 18:30:00") == "2021-09-03"
    assert parse_date("2019年9月5") == "2019-09-05"
    assert parse_date("2024/12/02") == "2024-12-02"
    assert parse_date("二〇二四年七月九日") == "2024-07-09"
    assert parse_date("2022年12月") is None


def test_region_levels():
    gaz = Gazetteer(REGIONS)
    assert resolve_region(gaz, ["潜江市市政府"]) == {"province": "湖北省", "city": "潜江市", "district": None,
                                                     "level": "city"}
    assert resolve_region(gaz, ["湖南省委、省政府"])["level"] == "province"
    assert resolve_region(gaz, ["湖南省委、省政府"])["city"] is None
    # an ambiguous district name is resolved by its city
    assert resolve_region(gaz, ["沈阳市和平区人民政府"])["district"] == "和平区"
    assert resolve_region(gaz, ["沈阳市和平区人民政府"])["province"] == "辽宁省"
    # an autonomous prefecture by its short form with 州 (b99 009), not the province of the same short name
    gaz = Gazetteer(REGIONS + [
        {"code": "460000", "name": "海南省", "short_name": "海南", "level": "province", "parent": None},
        {"code": "630000", "name": "青海省", "short_name": "青海", "level": "province", "parent": None},
        {"code": "632500", "name": "海南藏族自治州", "short_name": "海南", "level": "city", "parent": "630000"}])
    assert resolve_region(gaz, ["海南州卫生健康局"])["city"] == "海南藏族自治州"
    assert resolve_region(gaz, ["海南州卫生健康局"])["province"] == "青海省"
    assert resolve_region(gaz, ["海南省卫生健康委员会"])["province"] == "海南省"


@pytest.mark.parametrize("name, short, expected", [
    ("海南藏族自治州", "海南", "海南州"), ("黔东南苗族侗族自治州", "黔东南", "黔东南州"),
    ("海南省", "海南", "海南"), ("杭州市", "杭州", "杭州"),  # near misses: no prefecture
])
def test_prefecture_short_form(name, short, expected):
    assert prefecture_short_form(name, short) == expected


def test_classifier_explains_itself(knowledge):
    ex = explain_themes(knowledge, "加强知识产权质押融资", "鼓励银行开展专利权质押贷款业务。", [])
    assert ex[0]["code"] == "finance"
    assert "质押" in ex[0]["keywords"]
    # Traditional / Taiwan wording is folded before matching
    ex = explain_themes(knowledge, None, "推進智慧財產權侵權糾紛調解工作。", [])
    assert ex[0]["code"] == "disputes"
    # events named after an IP type do not make the measure about that type
    assert not explain_ip_types(knowledge, None, "充分利用世界知识产权日、专利周、品牌日等活动开展宣传。")
    assert parse_keyword("行政裁决^3") == ("行政裁决", 3.0)


def test_decode_gbk_and_pinyin():
    assert decode_bytes("知识产权".encode("gb18030")).text == "知识产权"
    assert PINYIN.sub("", "知識產(chǎn)權保護(hù)中心(TISC)") == "知識產權保護中心(TISC)"


def test_cli_prints_one_array_and_survives_bad_files(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    run = subprocess.run([sys.executable, "-m", "measures.parsing", "--json", str(DATA / "dun_numbering.txt"),
                          str(bad), str(missing)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert [o["source"] for o in out] == ["dun_numbering.txt", "empty.txt", "missing.txt"]
    assert "measures" in out[0] and "error" in out[1] and "error" in out[2]


def test_large_document_is_linear():
    import time
    from measures.parsing import parse_document, Knowledge
    body = "\n".join(f"{i}.加强第{i}项工作。开展专项行动，建设{i}个示范基地。（责任单位：市市场监管局）"
                     for i in range(1, 3001))
    start = time.perf_counter()
    d = parse_document("某市知识产权工作方案\n一、重点任务\n" + body, source="big.txt", knowledge=Knowledge())
    assert len(d["measures"]) == 3000
    assert time.perf_counter() - start < 30


@pytest.mark.parametrize("text, expect", [
    # a counting verb inside the clause, not only at its start
    ("在重点区镇和园区建设商业秘密保护示范点20个。", (20, "个", "=", None)),
    ("完成产业专利导航项目2项。", (2, "项", "=", None)),
    # 场次 is a unit of its own; the metric stops at the next item of a 、 list
    ("每年组织商户知识产权培训不少于10场次。", (10, "场次", ">=", None)),
    # a working-day limit before any verb
    ("涉嫌犯罪的，应当在5个工作日内移送公安机关。", (5, "个工作日", "<=", None)),
    ("知识产权保护社会满意度保持在85分以上。", (85, "分", ">=", None)),
])
def test_more_target_shapes(text, expect):
    ts = extract_targets(text, measure=3, doc_year=2024)
    assert len(ts) == 1, ts
    t = ts[0]
    assert (t["value"], t["unit"], t["comparator"], t["year"]) == expect
    assert "保持在" not in t["metric"]


def test_list_of_counts_keeps_each_metric():
    ts = extract_targets("每年举办知识产权专题培训班不少于4期、培训人员500人次以上。", measure=1, doc_year=2024)
    assert [(t["value"], t["unit"]) for t in ts] == [(4, "期"), (500, "人次")]
    assert "500" not in ts[0]["metric"] and "培训班" in ts[0]["metric"]


def test_rewards_do_not_inherit_a_year_from_an_earlier_sentence():
    text = ("力争三年内新增国家知识产权示范企业15家以上。"
            "对新认定的国家知识产权示范企业、优势企业，分别给予30万元、10万元奖励。")
    ts = extract_targets(text, measure=2, doc_year=2023)
    assert [(t["value"], t["year"]) for t in ts] == [(15, 2026), (30, None), (10, None)]


def test_rates_of_a_subsidy_name_what_is_paid_for():
    ts = extract_targets("按照贷款实际支付利息的50%给予贴息。", measure=1, doc_year=2024)
    assert ts[0]["metric"] == "贷款实际支付利息贴息比例" and ts[0]["value"] == 50


def test_this_year_in_an_annual_plan():
    text = "主要目标：全年发明专利授权量达到6000件以上，知识产权质押融资登记金额突破200亿元。"
    assert {t["year"] for t in extract_targets(text, measure=None, doc_year=2024, plan_year=2024)} == {2024}
    assert {t["year"] for t in extract_targets(text, measure=None, doc_year=2024)} == {None}


def test_indicator_table_rows_are_targets():
    text = ("主要指标达到下表要求：\n"
            "序号\t指标名称\t2022年基数\t2025年目标\t指标属性\n"
            "1\t每万人口高价值发明专利拥有量（件）\t1.52\t2.6\t预期性\n"
            "2\t知识产权质押融资登记金额（亿元）\t2.3\t5\t预期性\n"
            "3\t知识产权侵权案件平均办结时限（个工作日）\t68\t≤60\t约束性")
    ts = extract_targets(text, measure=None, doc_year=2023)
    assert [(t["metric"], t["comparator"], t["value"], t["unit"], t["year"]) for t in ts] == [
        ("每万人口高价值发明专利拥有量", ">=", 2.6, "件", 2025),
        ("知识产权质押融资登记金额", ">=", 5, "亿元", 2025),
        ("知识产权侵权案件平均办结时限", "<=", 60, "个工作日", 2025),
    ]
    assert all("1.52" not in t["quote"] or t["value"] == 2.6 for t in ts)


def test_short_region_names_in_the_issuer_beat_full_names_in_the_body():
    from measures.parsing import default_knowledge

    gaz = default_knowledge().gazetteer
    sources = ["延边州人民政府办公室", None, "延边州知识产权强州建设实施方案", None, "吉林省委、省政府部署"]
    assert resolve_region(gaz, sources) == {"province": "吉林省", "city": "延边朝鲜族自治州", "district": None,
                                            "level": "city"}
    assert resolve_region(gaz, ["吉林省延边州人民政府"])["city"] == "延边朝鲜族自治州"
    assert resolve_region(gaz, ["中共吉林省委办公厅"]) == {"province": "吉林省", "city": None, "district": None,
                                                       "level": "province"}


def test_article_statements_are_not_titles():
    assert split_title("资助申请实行年度集中受理。区市场监管局每年发布申报通知。", article=True)[0] is None
    assert split_title("建立专利侵权纠纷行政裁决繁简分流机制。对事实清楚的案件适用简易程序。", article=True)[0] \
        == "建立专利侵权纠纷行政裁决繁简分流机制"


def test_a_clause_opened_by_a_year_sets_the_deadline_and_recurring_ones_have_none():
    ts = extract_targets("2025年，全市发明专利授权量达到3000件。每年完成专利导航项目不少于2项。",
                         measure=1, doc_year=2024)
    assert [(t["value"], t["year"]) for t in ts] == [(3000, 2025), (2, None)]
    # a past baseline is not a deadline
    ts = extract_targets("2020年，全市商标注册量为5万件。", measure=1, doc_year=2024)
    assert all(t["year"] != 2020 for t in ts)


def test_a_list_of_targets_splits_metrics_at_the_enumeration_comma():
    ts = extract_targets("培育知识产权示范企业达到25家、优势企业达到90家。", measure=1, doc_year=2024)
    assert [(t["metric"], t["value"]) for t in ts][-1] == ("优势企业", 90)


def test_goals_chapter_year_reaches_its_items_and_heading_units_lead():
    from measures.parsing import default_knowledge, parse_document

    text = ("某县知识产权保护工作方案\n"
            "一、工作目标\n到2025年，知识产权保护体系更加完善。\n"
            "1.新增地理标志证明商标达到12件。\n"
            "二、重点任务\n（一）县市场监管局牵头的任务\n"
            "1.加强商标执法，开展专项行动。（配合单位：县公安局）\n")
    d = parse_document(text, source="t.txt", knowledge=default_knowledge())
    goal = [t for t in d["targets"] if t["value"] == 12]
    assert goal and goal[0]["year"] == 2025
    m = d["measures"][-1]
    assert m["units"] == ["县市场监管局", "县公安局"]
    assert m["lead_units"] == ["县市场监管局"]


def test_percent_subsidies_name_the_beneficiary_and_thresholds_are_conditions():
    ts = extract_targets("对企业开展专利导航项目的，按项目实际支出的50%给予补助。", measure=1, doc_year=2024)
    assert [(t["metric"], t["value"]) for t in ts] == [("企业开展专利导航项目补助", 50)]
    assert extract_targets("展会时间在3天以上的，主办方应当设立投诉机构。", measure=1, doc_year=2024) == []
    ts = extract_targets("培育年营业收入5000万元以上的企业10家以上。", measure=1, doc_year=2024)
    assert [(t["value"], t["unit"]) for t in ts] == [(10, "家")]
    ts = extract_targets("应当自接受案件之日起3日内进行审查。", measure=1, doc_year=2024)
    assert [(t["value"], t["unit"], t["comparator"]) for t in ts] == [(3, "日", "<=")]


def test_pdf_hard_wraps_page_numbers_and_running_heads():
    from measures.parsing.lines import split_lines

    para = "为深入贯彻落实知识产权强国建设纲要和国家知识产权局部署要求，全面加强我省知识产权保护工作，" * 6 + "制定本方案。"
    wrapped = [para[i:i + 30] for i in range(0, len(para), 30)]
    lines = (["某省知识产权保护工作方案", "一、总体要求"] + wrapped[:4] + ["— 23 —", "某省人民政府公报 2023年第19期"]
             + wrapped[4:] + ["- 24 -", "某省人民政府公报 2023年第19期", "二、主要任务", "1.加强地方立法。"])
    out = split_lines("\n".join(lines), ParseContext())
    assert para in out
    assert not any("公报" in l or "23" in l for l in out)
    assert out[-2:] == ["二、主要任务", "1.加强地方立法。"]


def test_full_width_numbers_are_targets_with_ascii_units():
    ts = extract_targets("到２０２６年，全市有效发明专利拥有量达到１．２万件，专利转化率达到４０％。", measure=None, doc_year=2024)
    assert [(t["value"], t["unit"], t["year"]) for t in ts] == [(1.2, "万件", 2026), (40, "%", 2026)]


def test_at_least_before_the_verb_and_caps_of_a_named_aid():
    ts = extract_targets("每年至少召开2次联席会议。", measure=1, doc_year=2024)
    assert [(t["value"], t["comparator"]) for t in ts] == [(2, ">=")]
    ts = extract_targets("对企业知识产权质押贷款按实际支付利息的50%给予贴息，单个企业每年最高20万元。",
                         measure=1, doc_year=2024)
    assert [t["metric"] for t in ts] == ["企业知识产权质押贷款贴息", "企业知识产权质押贷款贴息（单个企业每年）"]


def test_decisive_keywords_add_their_theme(knowledge):
    from measures.parsing.classify import classify_themes
    from measures.parsing.knowledge import Knowledge, compile_rules

    text = "实施商标品牌战略，培育区域品牌，对新认定的中国驰名商标给予50万元奖励。"
    assert "funding" in classify_themes(knowledge, "推进商标品牌建设", text)
    plain = Knowledge(themes=[{"code": "creation", "keywords": ["商标^3", "品牌^3"]},
                              {"code": "funding", "keywords": ["万元奖励^1"]}])
    strong = Knowledge(themes=[{"code": "creation", "keywords": ["商标^3", "品牌^3"]},
                               {"code": "funding", "keywords": ["+万元奖励^1"]}])
    assert classify_themes(plain, "推进商标品牌建设", text) == ["creation"]
    assert classify_themes(strong, "推进商标品牌建设", text) == ["creation", "funding"]
    assert compile_rules([{"code": "x", "keywords": ["+补贴^3"]}])[0].decisive == ("补贴",)


def test_unwrapping_leaves_document_numbers_dates_and_salutations_alone():
    from measures.parsing.lines import unwrap_lines

    title = "某省人民政府办公厅关于印发某省知识产权保护体系建设工程"
    body = [("深入贯彻落实知识产权强国建设纲要要求" * 2)[:len(title)]] * 9
    lines = body + [title, "某政办发〔2023〕51号",
                    "各州、市人民政府，省直各委、办、厅、局：", "2023年9月6日"]
    out = unwrap_lines(lines)
    assert out[-3:] == lines[-3:]
