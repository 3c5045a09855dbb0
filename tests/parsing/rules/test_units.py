"""units stage rules."""
import pytest

from measures.parsing import units as U
from measures.parsing.context import ParseContext
from measures.parsing.outline import build_outline

CTX = ParseContext()


@pytest.mark.parametrize("raw, expected", [
    ("（市市场监管局（牵头）", "市市场监管局"),
    ("市市场监管局（牵头）等", "市市场监管局（牵头）"),  # 等 is cut after the role mark
    ("以上任务由市公安局", "市公安局"),
    ("市场监管局按职责分工负责", "市场监管局"),
    ("市食品药品监管局按职责分工分别负责", "市食品药品监管局"),  # a real bracket's tail
    ("市质监局按职责分工分别牵头负责", "市质监局"),
    ("市市场监管局(知识产权局)", "市市场监管局(知识产权局)"),
    ("各县(市、区)党委和人民政府", "各县(市、区)党委和人民政府"),
    ("〔市司法局等单位〕", "市司法局"),
    (" 市 财政局 ", "市财政局"),
    ("省工商联等有关部门", "省工商联"), ("市科技局等相关单位", "市科技局"),  # b404 001
    ("县政府有关部门", "县政府有关部门"),  # a unit of its own
])
def test_clean_unit(raw, expected):
    assert U.clean_unit(raw) == expected


@pytest.mark.parametrize("name, expected", [
    ("市市场监管局(知识产权局)", True), ("县公安局", True), ("市中级人民法院", True), ("镇江海关", True),
    ("市市場監管局", True), ("各街道", True),
    ("各县区", True), ("各县(市、区)", True), ("国务院相关部门及各地区", True), ("新闻出版总署〔版权局〕", True),
    ("相关市", True), ("相關市", True), ("有关县区", True),  # "(省发改委、交通运输厅、相关市、县政府负责)" (b29 008)
    ("县区", False), ("贫困地区", False), ("相关", False), ("相关城市", False),
    ("加强执法局", False), ("市场", False), ("推进知识产权保护工作的各有关单位和部门共同负责落实的工作小组", False),
    ("开展专项行动。市公安局", False),
    ("全县范围内全面禁止燃放烟花爆竹的重点场所", False), ("公共场所", False), ("县公安局城关派出所", True),  # b600 008
])
def test_is_unit_like(name, expected):
    assert U.is_unit_like(name, CTX) is expected


@pytest.mark.parametrize("content, expected", [
    ("牵头单位：市科技局；配合单位：市财政局、市教育局",
     [("市科技局", "lead"), ("市财政局", "support"), ("市教育局", "support")]),
    ("牵头科室(单位):计划科、科技资源统筹中心基建办", [("计划科", "lead"), ("科技资源统筹中心基建办", "lead")]),  # b34 003
    ("市场监管局牵头，公安局、法院配合", [("市场监管局", "lead"), ("公安局", "support"), ("法院", "support")]),
    ("市公安局（牵头）、市检察院", [("市公安局", "lead"), ("市检察院", None)]),
    ("责任单位：各县(市、区)党委和人民政府,市直有关单位", [("各县(市、区)党委和人民政府", None), ("市直有关单位", None)]),
    ("市文体广新局牵头负责,市公安局、市委网信办按职责分工分别负责",
     [("市文体广新局", "lead"), ("市公安局", None), ("市委网信办", None)]),
    ("市文体广新局、市质监局按职责分工分别牵头负责", [("市文体广新局", "lead"), ("市质监局", "lead")]),
    ("市发展改革委牵头,市委组织部、国家统计局济宁调查队参加",
     [("市发展改革委", "lead"), ("市委组织部", "support"), ("国家统计局济宁调查队", "support")]),
    ("法制办会同相关部门负责", [("法制办", None), ("相关部门", None)]),
    ("省科技厅、发展改革委、工业和信息化厅以及有关市政府按职责分工负责",   # b478 012: 以及 joins two units
     [("省科技厅", None), ("发展改革委", None), ("工业和信息化厅", None), ("有关市政府", None)]),
    # b339 001: those responsible lead beside those who assist
    ("责任单位:县农业农村局、县宅改办;配合单位:各乡镇人民政府",
     [("县农业农村局", "lead"), ("县宅改办", "lead"), ("各乡镇人民政府", "support")]),
    # b365 009: those responsible beside the lead unit
    ("牵头单位:市环保局。相关责任单位:市公安局、市住建局",
     [("市环保局", "lead"), ("市公安局", "support"), ("市住建局", "support")]),
    # b72 005: a lead unit labelled 牵头责任单位, the others 主要协作单位
    ("牵头责任单位:县卫健委 主要协作单位:县公安局、各乡镇人民政府",
     [("县卫健委", "lead"), ("县公安局", "support"), ("各乡镇人民政府", "support")]),
    ("", []),
])
def test_names_with_roles(content, expected):
    assert U.names_with_roles(content) == expected


@pytest.mark.parametrize("clause, expected", [
    ("市文体广新局牵头负责", "lead"), ("市质监局按职责分工分别牵头负责", "lead"), ("市公安局（牵头）", "lead"),
    ("市委组织部、市教育局参加", "support"), ("公安局、法院配合", "support"),
    ("市公安局、市委网信办按职责分工分别负责", None), ("市公安局", None),
    ("商务部会同相关部门负责各自领域工作", None),
])
def test_role_of_clause(clause, expected):
    assert U.role_of_clause(clause) == expected


@pytest.mark.parametrize("inner, expected", [
    ("国家知识产权局牵头,教育部等按职责分工负责,年内持续推进", "国家知识产权局牵头,教育部等按职责分工负责"),
    ("人民银行、税务总局等按职责分工负责,6月底前出台相关政策,年内持续推进", "人民银行、税务总局等按职责分工负责"),
    ("市公安局负责", "市公安局负责"),
    ("市公安局牵头，市法院配合", "市公安局牵头，市法院配合"),  # no deadline: left alone
])
def test_without_deadline_clauses(inner, expected):
    assert U.without_deadline_clauses(inner, CTX) == expected


@pytest.mark.parametrize("names, cut, expected", [
    (["农业农村部", "国家知识产权局", "国家林草"], True, ["农业农村部", "国家知识产权局"]),  # the excerpt ends in it
    (["国资委", "知识"], True, ["国资委"]),
    (["农业农村部", "国家林草"], False, ["农业农村部", "国家林草"]),  # closed: nothing was cut
    (["州司法局", "各县市人民政府", "6月底完成"], False, ["州司法局", "各县市人民政府"]),
    (["省知识产权局"], True, ["省知识产权局"]),
])
def test_drop_cut_name(names, cut, expected):
    assert [n for n, _ in U.drop_cut_name([(n, None) for n in names], cut, CTX)] == expected


@pytest.mark.parametrize("text, expected", [
    ("关于“严守耕地保护红线”的问题,由国土资源部会同农业部等部门负责落实。", ["国土资源部", "农业部"]),
    ("的问题,由发展改革委会同中央农办、农业部、粮食局等部门研究提出落实意见。", ["发展改革委", "中央农办", "农业部", "粮食局"]),
    ("文化广电新闻出版部门要会同财政、采购办等部门做好督查工作。", []),  # an instruction, no 由
    ("由市场监管部门会同有关方面研究制定办法。", []),  # 有关方面 is no body's name
])
def test_prose_division(text, expected):
    assert [n for n, _ in U.prose_division(text, CTX)] == expected


@pytest.mark.parametrize("text, expected", [
    ("由省经贸委负责,省农业厅、环保局、福建出入境检验检疫局配合,加快省级无公害畜禽基地建设",
     [("省经贸委", "lead"), ("省农业厅", "support"), ("环保局", "support"), ("福建出入境检验检疫局", "support")]),
    ("加强监管。由市公安局牵头，市法院配合，开展行动。", [("市公安局", "lead"), ("市法院", "support")]),
    ("由企业负责,政府部门配合做好服务。", []),  # 企业 is no body's name
    ("由市公安局开展专项行动,市法院配合。", []),  # no role word after the first name
])
def test_prose_roles(text, expected):
    assert U.prose_roles(text, CTX) == expected


@pytest.mark.parametrize("text, expected", [
    ("实施省“百千万知识产权人才工程”,促进知识产权培训工作经常化、制度化。\n由省委组织部、省知识产权局、财政厅负责落实。",
     [("省委组织部", None), ("省知识产权局", None), ("财政厅", None)]),  # b531 007
    ("开展专项整治。由市公安局牵头负责。", [("市公安局", "lead")]),
    ("由企业负责落实。", []),  # 企业 is no body's name
    ("由市公安局负责落实,市法院配合做好审判工作。", []),  # not the item's last sentence
    ("确保完成年度投资计划。\n由市发展改革委,各县市区人民政府,市经济开发区管委会、市东新区管委会负责落实",
     [("市发展改革委", None), ("各县市区人民政府", None), ("市经济开发区管委会", None), ("市东新区管委会", None)]),  # b584 002
    ("由市公安局牵头,市法院配合,各区负责。", []),  # roles in clauses: prose_roles' shape, not this
])
def test_prose_by(text, expected):
    assert U.prose_by(text, CTX) == expected


@pytest.mark.parametrize("inner, expected", [
    ("責任單位:省人力社保廳、各市、縣〔市、區〕政府。以下均需各市、縣〔市、區〕政府落實,不再列出",
     "責任單位:省人力社保廳、各市、縣〔市、區〕政府"),
    ("牵头单位：市科技局。配合单位：市财政局", "牵头单位：市科技局。配合单位：市财政局"),
    ("责任单位：市科技局、市财政局。", "责任单位：市科技局、市财政局。"),
    # b227 002: the note after a comma
    ("责任单位:州政务服务中心,各县市人民政府按职责分工负责,以下各任务均需各县市人民政府落实,不再一一列出",
     "责任单位:州政务服务中心,各县市人民政府按职责分工负责"),
    ("责任单位：市科技局，以上单位按职责分工负责", "责任单位：市科技局，以上单位按职责分工负责"),
])
def test_without_note_sentences(inner, expected):
    assert U.without_note_sentences(inner, CTX) == expected


def _bracket(text):
    start, end, inner = U._bracket_groups(text)[-1]
    return U.bracket_units(text, start, end, inner, CTX)


@pytest.mark.parametrize("text, expected", [
    ("加强协作。(责任单位:市市场监管局、市公安局)", [("市市场监管局", None), ("市公安局", None)]),
    ("加强协作。(市场监管局、公安局按职责分工负责)", [("市场监管局", None), ("公安局", None)]),
    ("加强协作。〔市市场监管局(知识产权局)、市文旅局等〕", [("市市场监管局(知识产权局)", None), ("市文旅局", None)]),
    ("领导小组办公室设在市市场监督管理局(知识产权局)。", None),  # a qualifier, not a unit list
    ("推动设立中国(湖北)知识产权维权援助中心。", None),
    ("加强协作。(2025年底前完成)", None),
    ("加强协作（市场监管局、公安局）后开展行动。", None),  # a list inside the sentence
    # b208 005: a short item closed by its units, no label
    ("1.燃气灶具(综合行政执法大队,质量与认证监督管理股,各市监所);",
     [("综合行政执法大队", None), ("质量与认证监督管理股", None), ("各市监所", None)]),
    ("1.燃气灶具(市场监管局);", None),  # one name: may gloss the item
    ("协调市市场监管局（知识产权局、版权局）。", None),  # a sentence with a verb
])
def test_bracket_units(text, expected):
    assert _bracket(text) == expected


@pytest.mark.parametrize("before, expected", [
    ("1.燃气灶具", True), ("儿童玩具", True), ("(三)特种设备", True),
    ("协调市市场监管局", False),               # a verb of its own
    ("加强执法", False),                       # an action
    ("开展食品安全专项整治行动的各项工作", False),  # an action
    ("食品中非法添加药品及其衍生物", True), ("利用不公平格式条款侵害消费者权益", True),  # b208 005: longer names of what is covered
    ("城乡结合部农贸市场周边区域以及学校幼儿园医院车站等人员密集场所的食品", False),  # too long for a name
    ("燃气灶具。电动自行车", False), ("", False),
])
def test_short_item(before, expected):
    assert U.short_item(before) == expected


@pytest.mark.parametrize("text, names, leads", [
    ("加强协作。(责任单位:市市场监管局、市文旅局 ", ["市市场监管局", "市文旅局"], []),  # unclosed
    ("加强协作。【牵头单位】市科技局【配合单位】市财政局", ["市科技局", "市财政局"], ["市科技局"]),
    ("加强协作。\n责任单位：市科技局、市财政局", ["市科技局", "市财政局"], []),
    ("加强协作。（责任单位：市科技局、市财政局。列第一位者为牵头单位，下同）", ["市科技局", "市财政局"], []),
    ("确保PPP项目协议落实到位。\n责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)\n时限要求:持续推进",
     ["市发改委", "市财政局"], []),  # the convention in brackets after the list: not a unit
    ("加強協作。（責任單位：市市場監管局、市公安局）", ["市市場監管局", "市公安局"], []),
    ("加强协作，开展行动。", [], []),
    ("推动网上亮照经营。(市工商局、市农业局、市质监局按职责分工分别负责)", ["市工商局", "市农业局", "市质监局"], []),
    ("专项治理行动(市文体广新局牵头负责,市公安局、市委网信办按职责分工分别负责)",
     ["市文体广新局", "市公安局", "市委网信办"], ["市文体广新局"]),
    ("争取国家资助。(省知识产权局、省财政厅) |", ["省知识产权局", "省财政厅"], []),  # a table's cell bar after it
    ("加强协作。(科技部、财政部牵头,有关部门按职责分工负责,年内持续推进)加强保护。(财政部、税务总局牵头)",
     ["科技部", "财政部", "有关部门", "税务总局"], ["科技部", "财政部", "税务总局"]),
    ("推进修改条例。(农业农村部、国家知识产权局、国家林草", ["农业农村部", "国家知识产权局"], []),
    ("落实中心组学习列席旁听制度。(责任科室:组干科、机关党委)", ["组干科", "机关党委"], []),
    ("建立联动机制。(責任單位:省人力社保廳、省發展改革委,各市、縣〔市、區〕政府。列第一位的為牽頭單位,下同。"
     "以下均需各市、縣〔市、區〕政府落實,不再列出)", ["省人力社保廳", "省發展改革委", "各市", "縣〔市、區〕政府"], []),
    ("由省经贸委负责,省农业厅、环保局配合,加快基地建设。", ["省经贸委", "省农业厅", "环保局"], ["省经贸委"]),
    # b447 009: labelled lines one under another are one statement (主办 leads beside 协办)
    ("完成加工量43万吨。\n主办单位:省海洋渔业局\n协办单位:沿海三市政府", ["省海洋渔业局", "沿海三市政府"], ["省海洋渔业局"]),
    # b1211 007: a label after a comma, the sentence after the names is none
    ("1、学前教育促进,牵头单位:市教体局。其中,8月份督查暗访发现问题", ["市教体局"], ["市教体局"]),
    # b1201 001: 主体责任单位 is a label of its own, not 主体 closing the name before it
    ("牵头部门:镇环保站 协作部门:镇水利站、镇城建办 主体责任单位:各村(居)",
     ["镇环保站", "镇水利站", "镇城建办", "各村(居)"], ["镇环保站"]),
])
def test_extract_units(text, names, leads):
    units = U.extract_units(text, CTX)
    assert [u["name"] for u in units] == names and [u["name"] for u in units if u["role"] == "lead"] == leads


@pytest.mark.parametrize("line, units, expected", [
    ("（以上任务由市市场监管局牵头，市公安局配合）", ["市市场监管局", "市公安局"], True),
    ("责任单位：市公安局", ["市公安局"], True),
    ("由市公安局开展专项执法行动", ["市公安局"], False),
])
def test_only_responsibility(line, units, expected):
    assert U.only_responsibility(line, [{"name": n, "role": None} for n in units]) is expected


def _nodes(*lines):
    return build_outline(list(lines), CTX).nodes


@pytest.mark.parametrize("lines, expected", [
    (["一、县市场监管局牵头的任务", "1.加强执法。"], [{"name": "县市场监管局", "role": "lead"}]),
    (["一、市公安局、市检察院", "1.加强执法。"], [{"name": "市公安局", "role": None}, {"name": "市检察院", "role": None}]),
    (["一、重点任务", "1.加强执法。"], []),
    # b192 006, b188 007: the chapter's units in brackets after its heading
    (["一、强化科技创新(区科技局牵头)", "1.对新认定的高新技术企业给予奖励。"], [{"name": "区科技局", "role": "lead"}]),
    (["一、推进教育科技人才一体发展(由市科技局牵头)", "1.推动高能级科创平台提质增效。"], [{"name": "市科技局", "role": "lead"}]),
    (["一、完善制度(2024年)", "1.加强执法。"], []),                    # a bracket naming no unit and no role
    # b296 009: after the heading's full stop, a long bracket of leads and those who carry it out
    (["1.健全公示制度。(县司法局、县委编办、县行政审批服务管理局、县市场质量监督管理局牵头,各乡镇人民政府、各行政执法部门落实)",
      "(1)制定或修订行政执法公示实施办法。"],
     [{"name": "县司法局", "role": "lead"}, {"name": "县委编办", "role": "lead"}, {"name": "县行政审批服务管理局", "role": "lead"},
      {"name": "县市场质量监督管理局", "role": "lead"}, {"name": "各乡镇人民政府", "role": None},
      {"name": "各行政执法部门", "role": None}]),  # 落实: no role of the spec's
    (["三、优待内容及责任单位", "(一)免费乘坐城市公共交通工具;"], []),  # b509 012: a column's label, no unit
])
def test_units_from_headings(lines, expected):
    assert U.units_from_headings(_nodes(*lines)[-1], CTX) == expected


@pytest.mark.parametrize("lines, expected", [
    (["一、强化保护", "1.加强执法。", "2.加强司法。", "（以上任务由市市场监管局牵头，市公安局配合）"],
     [["市市场监管局", "市公安局"], ["市市场监管局", "市公安局"]]),
    (["一、强化保护", "1.加强执法。（责任单位：市公安局）", "2.加强司法。", "责任单位：市法院"],
     [["市公安局"], ["市法院"]]),  # a bare line does not reach an item that has units
    (["一、强化保护", "1.加强执法。", "2.加强司法。由市公安局开展专项行动"], [[], []]),
])
def test_chapter_units(lines, expected):
    ctx = ParseContext()
    ctx.nodes = [n for n in _nodes(*lines) if not n.children]
    ctx.measures = [{"units": [], "lead_units": [], "units_detail": []} for _ in ctx.nodes]
    for m, n in zip(ctx.measures, ctx.nodes):
        U._set_units(m, U.extract_units(n.text, ctx))
    U.chapter_units(ctx.nodes, ctx.measures, ctx)
    assert [m["units"] for m in ctx.measures] == expected


@pytest.mark.parametrize("texts, expected", [
    (["加强执法。（知识产权局负责）", "推进改革。（中央编办、知识产权局负责。列第1位者为牵头部门，下同）", "开展试点。"], 1),
    (["加强执法。（知识产权局、公安部负责）", "推进改革。"], 0),
    (["加强执法。\n责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)", "推进改革。\n责任单位:市建设局"], 0),
])
def test_convention_start(texts, expected):
    assert U.convention_start([type("N", (), {"text": t})() for t in texts], CTX) == expected


def test_strip_units():
    assert U.strip_units("加强协作。（责任单位：市公安局）开展行动（2025年）", CTX) == "加强协作。开展行动（2025年）"


@pytest.mark.parametrize("text, expected", [
    # b129 005: the item's last sentence names its units, no brackets
    ("推动断面水质稳定达标。市生态环境局牵头,市水务局、市住建局、各乡镇(街道)配合。",
     [("市生态环境局", "lead"), ("市水务局", "support"), ("市住建局", "support"), ("各乡镇(街道)", "support")]),
    ("建立分级负责的管理机制。市生态环境局负责。", [("市生态环境局", None)]),
    ("逐步压减污泥填埋规模。市发改局、市住建局分别负责。", [("市发改局", None), ("市住建局", None)]),
    ("加强日常监管。企业负责。", []),  # near misses: not a body's name; a duty inside the sentence
    ("由各乡镇负责指派专组专人,研究对策。", []),
])
def test_trailing_roles(text, expected):
    assert U.trailing_roles(text, CTX) == expected


@pytest.mark.parametrize("extra, expected", [
    (["完成加工量43万吨。", "主办单位:省海洋渔业局", "协办单位:沿海三市政府"], "主办单位:省海洋渔业局；协办单位:沿海三市政府"),
    (["加强执法。", "（以上任务由市公安局牵头）"], "（以上任务由市公安局牵头）"),
    (["责任单位:市科技局"], "责任单位:市科技局"),
    ([], ""),
])
def test_closing_unit_lines(extra, expected):
    assert U.closing_unit_lines(extra, CTX) == expected
