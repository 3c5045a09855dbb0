"""measures stage rules."""
import pytest

from measures.parsing import measures as M
from measures.parsing.context import ParseContext
from measures.parsing.outline import build_outline

CTX = ParseContext()


@pytest.mark.parametrize("text, expected", [
    ("加强老字号传承。(责任单位:市商务局)", "加强老字号传承。"),
    ("加强协作。（牵头单位：市科技局）（配合单位：市财政局）", "加强协作。"),
    ("推动设立中国(湖北)知识产权维权援助中心。", "推动设立中国(湖北)知识产权维权援助中心。"),
    ("建设平台（2025年底前）", "建设平台（2025年底前）"),  # no unit word in the bracket
])
def test_strip_units_for_title(text, expected):
    assert M.strip_units_for_title(text) == expected


@pytest.mark.parametrize("first, rest, article, expected", [
    ("加强统筹协调。成立工作专班。", "", False, ("加强统筹协调", "成立工作专班。")),
    ("加强老字号传承。(责任单位:市商务局)", "", False, M.NO_TITLE),  # nothing but units after it
    ("资助申请实行年度集中受理。区局每年发布通知。", "", True, M.NO_TITLE),  # an article's rule
    ("完善市、县两级管理体制,建立执法队伍。", "", False, None),  # a comma: no heading sentence
    ("没有句号的一行", "", False, None),
    ("加强组织领导,落实工作责任。为加强对专项行动的组织领导,保证各项任务落到实处。", "", False,
     ("加强组织领导,落实工作责任", "为加强对专项行动的组织领导,保证各项任务落到实处。")),  # two short phrases
    ("加强组织领导,落实工作责任。各部门要落实。", "", True, None),  # not in an article
    ("完善知识产权地方性法规政策制度体系,推动出台地方性法规。开展立法调研。", "", False, None),  # a phrase too long
    ("高度重視,精心組織,科學制訂辦理方案。各責任單位要逐項謀劃。", "", False,
     ("高度重視,精心組織,科學制訂辦理方案", "各責任單位要逐項謀劃。")),  # b56 008: three short phrases
    ("加强商标专用权的保护,强化驰名商标全链条保护。开展专项行动。", "", False, None),  # seed 004: phrases too long
    ("各地根据通知要求,结合实际情况,及时制定活动实施方案。报送省局。", "", False, None),  # a subject acts
    ("县政府实行县长负责制。县长主持县政府全面工作。", "", False, M.NO_TITLE),  # who does what: no heading
    ("優化線網,明確線路服務區域和等級。", "根據市民不同的出行需求,將全市公交線路分成4個層次。", False,
     ("優化線網,明確線路服務區域和等級", "根據市民不同的出行需求,將全市公交線路分成4個層次。")),  # alone on its line
    ("完善市、县两级管理体制,建立执法队伍。", "", False, None),  # nothing on the next line
    ("完善管理体制,建立执法队伍,落实工作经费,加强考核评估。", "各地要落实。", False, None),  # three commas: a sentence
    ("优化线网,明确线路服务区域和等级。", "(责任单位:市交通局)", False, None),  # only units after it
    ("推進《中華人民共和國反不正當競爭法》修改。制定發布《標準必要專利反壟斷指引》。", "", False, None),  # b86 002: tasks
    # b94 012: an article's long first sentence states a rule; a short one may head it
    ("海关根据企业信用状况将企业认定为认证企业、一般信用企业和失信企业。海关按照…", "", True, M.NO_TITLE),
    ("资金落实。由区财政将资金拨付至区科技局。", "", True, ("资金落实", "由区财政将资金拨付至区科技局。")),
    ("继续加大文化资源生产和配送力度,把更多优质文化资源送到群众身边。一是加强文艺创作。二是扶持团队。", "", False,
     ("继续加大文化资源生产和配送力度,把更多优质文化资源送到群众身边", "一是加强文艺创作。二是扶持团队。")),  # b84 003
])
def test_sentence_heading(first, rest, article, expected):
    assert M.sentence_heading(first, rest, article, CTX) == expected


@pytest.mark.parametrize("body, expected", [
    ("一是加强文艺创作和宣传。二是…", True), (" 一是持续推进。", True), ("深刻学习领会党的十九大精神", False), ("一是", False),
])
def test_enumerated_after(body, expected):
    assert M.enumerated_after(body) is expected


@pytest.mark.parametrize("first, rest, expected", [
    ("知识产权强企工程", "支持企业贯标。", ("知识产权强企工程", "支持企业贯标。")),
    ("加强执法：", "开展行动。", ("加强执法", "开展行动。")),
    ("提高工作认识,加强统筹推进", "各地要充分认识。", ("提高工作认识,加强统筹推进", "各地要充分认识。")),  # b68 006
    ("加强执法，在全市范围内组织开展专项执法检查行动", "第二行。", None),  # a clause, not a phrase
    ("知识产权强企工程", "", None),
    ("各級黨委和政府鄉村振興責任主要包括:", "(一)深入學習貫徹。", None),  # a lead-in to its list
    ("办理建议、提案的范围：", "（一）市人大代表的建议。", None),
    ("2018年7月9日至12月31", "日授權的專利權人為企業的國內外發明專利獎勵。", None),  # b551 002: a date broken by the line
    ("奖励资金300", "万元,用于支持企业。", None),                                   # … an amount
])
def test_line_heading(first, rest, expected):
    text = first + ("\n" + rest if rest else "")
    assert M.line_heading(first, rest, text) == expected


@pytest.mark.parametrize("first, expected", [
    ("加强统筹协调：成立工作专班", ("加强统筹协调", "成立工作专班")),
    ("主要包括：专利、商标", None),
    ("具体如下：", None),
    ("这是一个太长太长太长太长的标题文字了：正文", None),  # over 16 characters
    ("路邊停車收費時段為每天8:00-20:00", None),  # b463 009: a clock's colon
    ("收费时间:8时至20时", ("收费时间", "8时至20时")),
])
def test_colon_heading(first, expected):
    assert M.colon_heading(first, first) == expected


@pytest.mark.parametrize("first, expected", [
    ("加强知识产权交流合作鼓励企业、行业协会等参加中国发明展等交流活动，支持企业参加海外展会。",
     ("加强知识产权交流合作", "鼓励企业、行业协会等参加中国发明展等交流活动，支持企业参加海外展会。")),
    ("加强知识产权交流合作鼓励企业参加。", None),  # too short a body
    ("完善知识产权法规和政策，推动出台地方性法规。", None),
])
def test_glued_heading(first, expected):
    assert M.glued_heading(first, first) == expected


@pytest.mark.parametrize("text, article, expected", [
    ("加强统筹协调。成立工作专班。", False, ("加强统筹协调", "成立工作专班。")),
    ("知识产权强企工程\n支持企业贯标。", False, ("知识产权强企工程", "支持企业贯标。")),
    ("建立专利侵权纠纷行政裁决繁简分流机制。对事实清楚的案件适用简易程序。", True,
     ("建立专利侵权纠纷行政裁决繁简分流机制", "对事实清楚的案件适用简易程序。")),
    ("完善知识产权法规和政策，推动出台地方性法规。", False, (None, "完善知识产权法规和政策，推动出台地方性法规。")),
])
def test_split_title(text, article, expected):
    assert M.split_title(text, article=article, ctx=CTX) == expected


def _articles(*heads):
    return build_outline([f"第{n}条 {h}" for n, h in zip("一二三四五六七", heads)], CTX).nodes


@pytest.mark.parametrize("heads, expected", [
    (["加强执法。开展行动。"] + ["市场监管部门应当依法查处侵权行为，维护秩序。"] * 4, True),
    (["加强执法。开展行动。"] * 2 + ["部门应当依法查处侵权行为，维护秩序。"] * 3, False),
    (["部门应当依法查处侵权行为，维护秩序。"] * 4, True),  # no article opens with a heading: none has one
    (["省政府质量奖有效期为5年。对期满的重新考核。"] + ["部门应当依法查处侵权行为，维护秩序。"] * 3, True),
    (["加强执法。开展行动。"] + ["部门应当依法查处侵权行为，维护秩序。"], False),  # fewer than three articles
])
def test_rule_style_articles(heads, expected):
    nodes = _articles(*heads)
    splits = {id(n): M.split_title(n.text, article=True, ctx=CTX) for n in nodes}
    assert M.rule_style_articles(nodes, splits) is expected


@pytest.mark.parametrize("line, expected", [
    ("（一）加强执法", "一"), ("第十九条 加强执法", "十九"), ("2.1.3 加强执法", "2.1.3"), ("63.加强执法", "63"),
    ("〔三〕加强执法", "三"), ("①加强执法", "①"),
])
def test_label_of(line, expected):
    assert M.label_of(build_outline([line], CTX).nodes[0]) == expected


def test_measures_stage():
    ctx = ParseContext()
    ctx.nodes = build_outline(["一、重点任务", "（一）加强执法。开展专项行动，打击侵权。（责任单位：市公安局）"], ctx).nodes[1:]
    M.measures(ctx)
    m = ctx.measures[0]
    assert (m["ordinal"], m["path"], m["label"], m["title"]) == (1, ["重点任务"], "一", "加强执法")
    assert m["anchor"] == "开展专项行动，打击侵权。" and ctx.bodies == ["加强执法。开展专项行动，打击侵权。"]


@pytest.mark.parametrize("sentence, expected", [
    ("县政府实行县长负责制", True),
    ("中央宣传部版权管理局将通过不同平台全面跟踪报道宣传周期间举办的各项活动", True),
    ("各级知识产权管理部门要加强协作", True),
    # near misses: headings that name an action on an organisation
    ("加强领导小组建设", False), ("发挥行业协会作用", False), ("建立联席会议制度", False), ("完善知识产权保护中心布局", False),
])
def test_subject_statement(sentence, expected):
    assert M.subject_statement(sentence, CTX) is expected


@pytest.mark.parametrize("first, rest, article, expected", [
    ("優化線網,明確線路服務區域和等級。", "根據市民不同的出行需求,將全市公交線路分成4個層次。", False, True),
    ("優化線網,明確線路服務區域和等級。", "根據市民不同的出行需求。", True, False),  # an article's first sentence
    ("优化线网,明确线路服务区域和等级。根据市民需求。", "", False, False),  # the body on the same line
    ("优化线网,明确线路服务区域和等级。", "(责任单位:市交通局)", False, False),  # only units after it
])
def test_own_line_heading(first, rest, article, expected):
    assert M.own_line_heading(first, rest, M.HEADING_SENTENCE.match(first), article) is expected


@pytest.mark.parametrize("text, expected", [
    ("【企业落户奖】在扶持办法有效期内新注册、新迁入的企业", ("企业落户奖", "在扶持办法有效期内新注册、新迁入的企业")),  # b122 006
    ("加强执法【重点】", None), ("【】空", None),  # near misses: not at the start, no caption
])
def test_bracket_caption(text, expected):
    assert M.bracket_caption(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("(地域管理)本办法列举的违法行为,由侵权行为实施地的著作权行政管理部门负责查处。",  # b783 002
     ("地域管理", "本办法列举的违法行为,由侵权行为实施地的著作权行政管理部门负责查处。")),
    ("（管理主體）  專項資金由財政部門和知識產權管理部門共同管理。", ("管理主體", "專項資金由財政部門和知識產權管理部門共同管理。")),
    ("(奖项设置)\n市政府设立下列成都市科学技术奖:", ("奖项设置", "市政府设立下列成都市科学技术奖:")),  # on its own line, as before
    ("(含)以上的企业给予奖励。", None), ("(一)加强保护。", None),  # near misses: one character
    ("本办法(试行)自发布之日起施行。", None),  # not at the start
])
def test_paren_caption(text, expected):
    assert M.paren_caption(text) == expected


def test_paren_caption_titles_articles_only():
    assert M.split_title("(地域管理)本办法列举的违法行为,由实施地的部门负责查处。", article=True)[0] == "地域管理"
    assert M.split_title("(重点企业)给予奖励五万元,分三年拨付到位,由财政局负责。", article=False)[0] != "重点企业"


@pytest.mark.parametrize("text, expected", [
    ("民主集中制(1分)坚持集体领导、民主集中、个别酝酿", ("民主集中制(1分)", "坚持集体领导、民主集中、个别酝酿")),  # b694 010
    ("“三会一课”(2分)总支(支委)会按要求频次开展", ("“三会一课”(2分)", "总支(支委)会按要求频次开展")),
    ("按时报送(2分)", None),  # nothing after the points
    ("每发现一处扣(1分),扣完为止", None),  # a deduction: its clause goes on after a stop, no caption
    ("对考核优秀的,奖励(2分)并通报", None),
])
def test_scored_caption(text, expected):
    assert M.scored_caption(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("加强领导,坚持依法行政 各级政府要切实加强对淘汰落后产能工作的领导,强化组织协调。",
     ("加强领导,坚持依法行政", "各级政府要切实加强对淘汰落后产能工作的领导,强化组织协调。")),  # b518 003
    ("提高政治站位 ,增强防汛意识 各村、各单位要把抓好防汛工作作为一项重要政治任务",
     ("提高政治站位 ,增强防汛意识", "各村、各单位要把抓好防汛工作作为一项重要政治任务")),  # b213 007
    ("加強組織領導,成立工作專班 為了保證創建目標的實現,加強對此項工作的組織", ("加強組織領導,成立工作專班", "為了保證創建目標的實現,加強對此項工作的組織")),
    # near misses
    ("加强领导 各级政府要切实加强对淘汰落后产能工作的领导。", None),  # one phrase: left to the other rules
    ("加强领导,落实责任 到位", None),  # no body worth the name after the space
    ("加强领导,落实责任。各级政府要切实加强领导。", None),  # a stop, not a space
])
def test_spaced_heading(text, expected):
    assert M.spaced_heading(text.partition("\n")[0], text) == expected


@pytest.mark.parametrize("first, expected", [
    ("申报时间每年3-5月。", ("申报时间", "每年3-5月。")),                        # b198 012
    ("禁烧范围我县行政区域内不得出现秸秆露天焚烧行为。", ("禁烧范围", "我县行政区域内不得出现秸秆露天焚烧行为。")),   # b200 005
    ("申报程序:由企业在线提交。", None),        # a colon: colon_heading's
    ("申报时间和地点另行通知。", None),         # the label goes on
    ("根据《专利法》制定。", None),
])
def test_facet_label(first, expected):
    assert M.facet_label(first, first, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("开会迟到、早退、缺席,以及在会场内接听电话等违反会场纪律的", True),  # b538 006: a case
    ("将第一条修改为", True), ("城区入口为", True),                       # b256 008, b540 001: a predicate
    ("规范收费行为", False), ("提高认识,主动作为", False), ("交易标的", False), ("工作目的", False),
    ("加强组织领导", False),
])
def test_open_clause(title, expected):
    assert M.open_clause(title) is expected


@pytest.mark.parametrize("text, expected", [
    ("公车私驾或领导干部自驾公车经查属实的。\n给予通报批评。", None),
    ("将第一条修改为:“为加强本市停车场的规划、建设和管理,制定本规定。”", None),
    ("规范收费行为。各地要加强对收费的监管。", "规范收费行为"),
])
def test_split_title_leaves_open_clauses(text, expected):
    assert M.split_title(text)[0] == expected

