"""outline stage rules."""
import pytest

from measures.parsing import outline as O
from measures.parsing.context import ParseContext
from measures.parsing.knowledge import default_knowledge

CTX = ParseContext()


def tree(*lines):
    return O.build_outline(list(lines), CTX)


def node(*lines):
    """The last node of an outline of ``lines``."""
    return tree(*lines).nodes[-1]


@pytest.mark.parametrize("line, expected", [
    ("一、总体要求", ("cn", "一", "总体要求")),
    ("（一）强化保护", ("pcn", "一", "强化保护")),
    ("〔三〕加强司法", ("bcn", "三", "加强司法")),
    # a mirror site's 壹 for 一 (b32 007, 008)
    ("(壹)该商标所有人的住所在本省", ("pcn", "壹", "该商标所有人的住所在本省")),
    ("第十壹條 技術合同", ("article", "十壹", "技術合同")),
    ("第十九条 市场监督管理部门应当…", ("article", "十九", "市场监督管理部门应当…")),
    ("第三條 本辦法", ("article", "三", "本辦法")),
    ("第二章", ("chapter", "二", "")),
    ("1.加强执法", ("num", "1", "加强执法")),
    ("2.2011年7月底前，完成整改", ("num", "2", "2011年7月底前，完成整改")),  # item 2, not 2.2011
    ("12、加强执法", ("num", "12", "加强执法")),
    ("一 完善知識產權制度", ("cnsp", "一", "完善知識產權制度")),  # the 、 lost, a bare heading
    ("一 年来，我市加强执法", None),  # text, not a heading
    ("(3)建立机制", ("pnum", "3", "建立机制")),
    ("1）加大刑事打击力度", ("rnum", "1", "加大刑事打击力度")),
    ("①专利", ("circ", "①", "专利")),
    ("2.1 提升创造质量", ("dec2", "2.1", "提升创造质量")),
    ("2.1.1支持企业", ("dec3", "2.1.1", "支持企业")),
    ("4.1集团各部门应根据需要提出建议", ("dec2", "4.1", "集团各部门应根据需要提出建议")),   # b179 010: glued
    ("4.1  I级(特大)债务风险事件", ("dec2", "4.1", "I级(特大)债务风险事件")),   # b901 007: a grade opens it
    ("2.3.2 Ⅱ级响应", ("dec3", "2.3.2", "Ⅱ级响应")),
    ("2.5 IV", None),                                                        # a grade needs its 级
    ("2.5万元以上的项目给予奖励", None), ("1.5倍以上", None),                              # amounts, no sections
    ("1 总体目标", ("numsp", "1", "总体目标")),
    ("15 班次以上", None), ("100 起以上", None), ("3 项", None),  # a count on a wrapped table line
    ("3 项目管理", ("numsp", "3", "项目管理")), ("01 总体要求", ("numsp", "01", "总体要求")),
    ("专项行动一：高价值专利培育行动", ("action", "一", "高价值专利培育行动")),
    ("一是加强执法", ("shi", "一", "是加强执法"[1:])),
    ("第@@三@@条@@ 国家持续深化简政放权@@、放管结合", ("article", "三", "国家持续深化简政放权@@、放管结合")),
    ("第一@@章@@ 总@@ 则@@", ("chapter", "一", "总@@ 则@@")),
    ("第一(yī / yì /yí)章 總則", ("chapter", "一", "總則")),
    ("第四條 省人(rén)民政府加強", ("article", "四", "省人(rén)民政府加強")),
    ("第四節 健全資金保障機制", ("section", "四", "健全資金保障機制")),  # Traditional 節
    ("第二編 分則", ("chapter", "二", "分則")),  # a gloss after the token stays
    ("任務一:建立標識一體的公交線網", ("action", "一", "建立標識一體的公交線網")),  # Traditional 任務
    ("任务三：推进智慧交通建设", ("action", "三", "推进智慧交通建设")),
    ("一:代办事项", ("cn", "一", "代办事项")), ("五：代办内容", ("cn", "五", "代办内容")),  # b524 010: a colon closes the number
    # near misses
    ("一:30开始", None),  # no Han character after the colon
    ("1. [主题分类] 科技教育/知识产权", None),  # a row of the page's metadata box
    ("6. [发文字号] 京知局〔2022〕88号", None),
    ("3. [联合发文单位]", None),
    ("一年来，我市…", None),
    ("一,年来我市…", None),  # a comma after the numeral, 年 after it: text
    ("三、年检内容", ("cn", "三", "年检内容")),  # b716 010: with 、 it is a heading, whatever follows
    ("1 总体目标，到2025年", None),  # "1 …" only as a bare heading
    ("2.5万件专利", None),
    ("2.50個小區新增充電設施", ("numfig", "2", "50個小區新增充電設施")),  # b190 007 in Traditional: a count, not 2.50
    ("一、", None),
    ("2024年工作要点", None),
    ("任务一年内完成", None),  # 一年 is no number
    ("1 亿元人民币或", None),  # b57 011: an amount wrapped onto its own line
    ("1 億元人民幣或", None),  # … in a Traditional copy
    ("第一篇:红河县扶贫开发项目资金公告公示管理办法", None),  # b57 004: a document-sharing site's first piece
    ("加强执法", None),
    ("(028)86604546", None),  # b145 004: a gazette masthead's telephone
    ("1﹒加快智算中心建设。", ("num", "1", "加快智算中心建设。")),  # b144 002: a small full stop (U+FE52)
    ("3。通过贯标认证的企业应严格按照", ("num", "3", "通过贯标认证的企业应严格按照")),  # b799 004: an OCR'd stop
    ("1·《青岛市企业贯标认证奖励申请表》", ("num", "1", "《青岛市企业贯标认证奖励申请表》")),  # … and a middle dot
    ("2023。", None), ("12·5", None),  # near misses: a year closing a sentence, a figure
    ("第一、审前调查:", ("cn", "一", "审前调查:")),  # b409 008: an ordinal with 、
    ("第二項 對列入國家規劃重大工程", ("article", "二", "對列入國家規劃重大工程")),  # b424 001: 項 for 條
    ("第一项目", None),
    ("第一、二条规定的情形", None),  # a citation of two articles
    ("1. [主题分类] 科技教育/知识产权", None),  # b03 003: a row of the page's metadata box
    ("1. [主題分類] 經濟、交通/資訊産業", None),  # b490 010: … in a Traditional copy
    ("⑴孕妇为清远地区户籍;", ("pnum", "1", "孕妇为清远地区户籍;")),  # b939 009: (1) as one character
    ("⑿加强执法", ("pnum", "12", "加强执法")),
    ("⑴ 大連市營業性道路運輸機動車駕駛員崗位培訓管理辦法", None),  # b445 009: a doc-share piece's number, a space after it
])
def test_match_numbering(line, expected):
    assert O.match_numbering(line) == expected


@pytest.mark.parametrize("char, label", [("⑴", "1"), ("⑿", "12"), ("⒇", "20")])
def test_paren_digit_label(char, label):
    assert O.paren_digit_label(char) == label


def test_sub_clause_and_decimal_parent_in_build_outline():
    """b155 (round 12 in view): "1.1 编制目的" nests in "1.总则" (a general chapter: no measures), and
    ①–③ under an item stay its text (no gold counts a circled clause)."""
    ctx = ParseContext()
    tree = O.build_outline(["1.总则", "1.1 编制目的", "为了有效预防事故，编制本预案。", "1.2 编制依据", "依据有关法律。",
                            "2.预警", "2.1 预警行动", "进入预警状态后，采取下列措施：", "①加强监测。", "②转移人员。"], ctx)
    assert [a.label for a in tree.nodes[1].ancestors()] == ["1"]
    assert [n.label for n in tree.nodes] == ["1", "1.1", "1.2", "2", "2.1"]
    assert "①加强监测。" in tree.nodes[-1].extra
    assert [n.label for n in O.measure_nodes(tree, ctx)] == ["2.1"]


@pytest.mark.parametrize("kind, label, stack_labels, expected", [
    ("dec2", "1.1", [("num", "1")], 0), ("dec3", "2.3.1", [("num", "2"), ("dec2", "2.3")], 1),
    ("dec2", "2.1", [("num", "1")], None), ("num", "3", [("num", "2")], None),
])
def test_decimal_parent(kind, label, stack_labels, expected):
    stack = [O.Node(k, lab, "", 0) for k, lab in stack_labels]
    assert O.decimal_parent(kind, label, stack) == expected


@pytest.mark.parametrize("kind, open_items, expected", [("circ", 1, True), ("circ", 0, False), ("pcn", 1, False)])
def test_sub_clause(kind, open_items, expected):
    assert O.sub_clause(kind, [O.Node("num", "6", "", 0)] * open_items) is expected


@pytest.mark.parametrize("label, rest, expected", [
    ("028", "86604546", True), ("028", "86605625(传真)", True), ("0571", "8765432", True),
    ("3", "加强监管", False), ("07", "对新认定的企业", False),  # b146 003's zero-padded item labels stay items
    ("028", "123456789", False),  # nine digits: no telephone number
])
def test_phone_number(label, rest, expected):
    assert O.phone_number(label, rest) is expected


@pytest.mark.parametrize("head, expected", [
    ("加强执法。开展专项行动。", "加强执法"),
    ("强化保护", "强化保护"),
    ("主要目标：" + "到2025年全市发明专利拥有量达到3000件" * 3, "主要目标"),
    ("这是一个没有句号但是非常长的标题" * 5, ("这是一个没有句号但是非常长的标题" * 5)[:60]),
    ("总 则", "总则"), ("附　则", "附则"), ("保 障 措 施", "保障措施"),  # spaced out to a width
    ("加强 保护工作", "加强 保护工作"),
    ("— :总则 》", "总则"), ("》 户外广告的设置", "户外广告的设置"),  # b472 001: a scrambled copy's stray marks
    ("《中国制造2025》实施", "《中国制造2025》实施"), ("实施《中国制造2025》", "实施《中国制造2025》"),
])
def test_heading_of(head, expected):
    assert O.heading_of(head) == expected


@pytest.mark.parametrize("line, expected", [
    ("附件：1.申报表", "attachment"),
    ("附件2", "attachment"),
    ("抄送：市委办公室", "end"),
    ("联系电话：0598-8289917", "end"),
    ("本办法自2024年1月1日起施行。", "end"),
    ("相关链接：", "related"),
    ("相關文章", "related"),
    ("【濟南公立幼兒園收費標準】相關文章:", "related"),  # b850 012: after the page's own title in 【】
    ("【云南省殯葬管理條例】相關文章:", "related"),
    ("【实施主体】市知识产权局", None),
    ("本市将加强知识产权保护。", None),
    ("附近的企业", None),
    ("网友评论《创建省级卫生县城工作实施方案 》", "end"),  # b76 008: a site's comment box
    ("评论功能已关闭", "end"),
    # session 21: a repost disclaimer and a portal's footer run on (b564 006, b556 011)
    ("特别声明:索比光伏网转载其他网站内容,…若有侵权,请联系我们删除。", "related"),
    ("信息舉報網站 版權所有:斗門區人民政府門戶網站 主辦單位:珠海市斗門區人民政府辦公室 網站標識碼:4404030001", "related"),
    ("(三)保护版权所有人的合法权益,依法查处侵权行为。", None),  # 版权所有人: a copyright owner, no footer
])
def test_after_document(line, expected):
    assert O.after_document(line, CTX) == expected


@pytest.mark.parametrize("text, expected", [
    ("云南省科技創新券實施管理辦法", True), ("2022年区政府工作报告重点工作任务分解表", True), ("《某某实施方案》", True),
    ("某市专利资助申请表(2024年)", True),
    ("“阳光餐饮”综合体(街区)基本要求", True), ("餐饮服务食品安全人员抽查考核流程", True),  # b381 006
    ("加强组织领导。各地要高度重视", False), ("推动量子通信器件国家重点实验室落地", False),
    ("明确工作要求", True),  # a bare name, as an attachment's is: read so only inside a list of attachments
    # session 29: attachments as files, a size or version digit before the extension (b925 011)
    ("《进口计量器具监督管理办法》行政处罚裁量基准3.doc", True), ("某市申报表.xlsx", True),
])
def test_attachment_entry(text, expected):
    assert O.attachment_entry(text, CTX) is expected


@pytest.mark.parametrize("lines, expected", [
    # b19 011: the page starts inside an article's list; the articles follow
    (["(一)传统的口头文学和作为其载体的语言;", "(二)传统技艺、医药、历法;", "(三)其他非物质文化遗产。",
      "第四条 本省非物质文化遗产通过鉴定、记录等方式进行保护。", "第五条 县级以上人民政府应当加强保护。"], 3),
    # items that are measures of their own, before the articles of an attached rule
    (["一、加强组织领导。各地要高度重视,把工作摆上重要议事日程,切实抓好落实。", "第一条 为了规范管理,制定本办法。"], 0),
    (["(一)传统技艺;", "(二)其他。"], 0),   # no article after them: a list of the page's own
    # b779 007 (session 26): long bracketed items, then a chapter holding the articles
    (["(六)建立市场商品准入制度,进行索证、索票管理,对市场摊位进行划行归类,防止商品交叉污染,保障消费者的合法权益不受侵害;",
      "(七)组织市场经营者申请法定计量检定机构对所用计量器具进行定期检定;", "第三章 市场经营",
      "第十九条 进入市场经营的单位或个人,须到有关部门办理相关手续。"], 2),
    (["(八)周村水库防洪水位线以内的水域和陆域为管理范围,", "保护范围另行划定。", "第九条 市政府有关部门应当征求意见。"], 1),  # b772 005
    # near misses (b746 008): long "2." items before a chapter are a list of their own; a chapter without articles
    (["2.企业规模。年主营销售收入2000万元以上,属种植业类的企业年农产品销售收入1000万元以上,资产总额1500万元以上。",
      "第三章 运行监测", "第十条 龙头企业实行动态管理。"], 0),
    (["(二)加强保护;", "第二章 保障措施", "一、加强领导。"], 0),
])
def test_cut_article_list(lines, expected):
    assert len(O.cut_article_list(O.build_outline(lines, CTX))) == expected


@pytest.mark.parametrize("lines, expected", [
    # b86 006: a list of works under an item
    (["五、網盤服務商應當采取有效措施,制止用戶違法上傳、存儲并分享下列作品:", "(一)根據權利人通知已經移除的作品;",
      "(二)權利人向網盤服務商發送了權利公示或者聲明的作品;", "(三)版權行政管理部門公布的重點監管作品。"], True),
    (["六、…制止用戶違法上傳、存儲并分享下列未經授權的作品:", "(一)正在熱播、熱賣的作品;", "(二)其他明顯感"], True),  # cut
    (["三、重点开展下列工作:", "(一)加强执法;", "(二)强化宣传。"], False),   # acts: the items are measures
    (["二、有下列情形之一的,不予资助:", "(一)弄虚作假的;", "(二)加强知识产权保护,完善制度,建立健全工作机制,"
      "推进知识产权强市建设,提升全社会知识产权意识和水平,营造尊重知识、崇尚创新、诚信守法的良好环境。"], False),  # an entry too long
    # b192 001: the places a ban covers
    (["二、全年任何时候禁止在禁放区以外的下列场所燃放烟花爆竹:", "(一)党政机关、事业单位办公用房;", "(二)文物保护单位;"], True),
    # b427 009: the information a department passes on, named far from 下列
    (["十、有关政府部门应当将下列税收减免前置审批事项认定的有关信息资料及时抄送同级国税、地税机关:",
      "(一)下岗职工再就业的认定信息;", "(二)安置残疾人员就业的认定信息;"], True),
    # b486 004: materials up to 60 characters, and the item's closing paragraph after the last entry
    (["四、企业应当在开始提供租赁服务前20日内备案。备案应提供以下材料:", "(一)营业执照复印件;",
      "(二)开展互联网自行车租赁服务的运营模式说明,服务管理、投诉和有关纠纷处理方式等制度文本;",
      "(三)企业与用户间的电子协议。", "已在本市提供服务的企业,应于本意见实施之日起20日内办理备案。"], True),
    # b529 004: what is due in the cases listed follows their announcement
    (["一、知识产权占有单位符合下列情形之一的,应当进行资产评估:", "(一)以知识产权质押,市场没有参照价格,质权人要求评估的;",
      "(二)行政单位拍卖、转让、置换知识产权的;"], True),
    # b650 003: the materials to hand in, the first entry run on after the colon, the last cut by a note
    (["二、专利权人为企业等需提交:1、《明溪县专利奖励申请表》(一式两份);", "(2)授权专利证书原件;", "(3)开具收款收据并加盖企业公章;",
      "(4)转入有效高价值发明专利权人提交专利产生效益的报告。(委托他人办理的需提供授权委托书和经办人身份证"], True),
    (["二、重点提供以下服务:", "(一)建设知识产权公共服务平台,为企业提供专利检索分析服务,帮助企业开展专利导航。",
      "(二)培育知识产权运营机构,促进专利转化运用和产业化,支持高校院所与企业对接。"], False),  # acts, not entries
])
def test_content_list(lines, expected):
    """A content list folds into its item (the item is the leaf); a list of acts keeps its items."""
    head = O.Node("cn", "五", lines[0].split("、", 1)[1], 0)
    for i, line in enumerate(lines[1:], 1):
        if line.startswith("("):
            head.children.append(O.Node("pcn", str(i), line.split(")", 1)[1], i, parent=head))
        else:  # a paragraph after the last entry: that entry's continuation, as the outline reads it
            head.children[-1].extra.append(line)
    assert O.content_list(head) is expected
    assert (not tree(*lines).roots[0].children) is expected


@pytest.mark.parametrize("parent, head, expected", [
    # b1338 002: a part of the list of places its parent announces
    ("下列地点或者部位禁止燃放烟花爆竹:", "在设置红色禁止燃放标志的地点和部位60米范围内:", True),
    ("重点任务", "加强执法:", False),   # the parent announces no list of things
    ("下列地点或者部位禁止燃放烟花爆竹:", "在设置红色禁止燃放标志的地点", False),   # no colon: no list of its own
])
def test_listed_sublist(parent, head, expected):
    top = O.Node("cn", "七", parent, 0)
    node = O.Node("pcn", "一", head, 1, parent=top)
    assert O.listed_sublist(node, head) is expected


@pytest.mark.parametrize("head, expected", [
    ("对企业建立技术中心予以奖励", True), ("对新认定的国家技术创新示范企业给予补助", True),   # b93 005
    ("扶持企業技術中心建設", True), ("加强组织领导", True),   # b93 006: an action verb opens it
    ("保障措施", False), ("对企业的支持", False), ("工作目标", False),
    ("补助标准", True), ("奖励额度", True), ("项目资助标准", True),   # b217 010: the amounts paid
    ("申报材料", False), ("评审标准", False),
])
def test_act_heading(head, expected):
    assert O.act_heading(head) is expected


def test_act_paragraphs_among_chapters_with_items():
    """b93 005: '一、对…予以奖励' + a paragraph is a measure beside '四、…' with (一)(二) items."""
    lines = ["一、对企业建立技术中心予以奖励", "对新认定的企业技术中心予以奖励,其中:国家级企业技术中心奖励200万元。",
             "二、对企业研发及应用新产品予以奖励", "(一)每年全市评选10项工业企业优秀创新产品,分等级给予奖励。",
             "(二)对认定为福建省首台(套)重大技术装备的企业给予奖励。"]
    assert [n.label for n in O.measure_nodes(tree(*lines), CTX)] == ["一", "一", "二"]


def test_attachment_list_is_not_measures():
    """b83 013: a notice's list of attachments, its first entry on the 附件 line, is not the text's items."""
    lines = ["各州市財政局:", "現印發你們,請遵照執行。", "附件:1.云南省科技成果轉化獎補資金管理辦法", "2.云南省科技創新券實施管理辦法",
             "3.云南省科技揭榜制實施管理辦法", "云南省財政廳", "附件1", "第一章 總則", "第二條 獎補資金用於支持科技成果轉化。"]
    outline = O.build_outline(lines, CTX)
    assert [n.label for n in outline.nodes if n.kind != "chapter"] == ["二"]


@pytest.mark.parametrize("lines, expected", [
    # a 计划 numbering its sections 第X條: the 1. items under (一) are the measures
    (("第一條 人才輸入支持", "此部分政策,旨在支持海內外人才來到福田。", "(一)高層次人才引進支持", "1.市場化引才支持。支持社會機構引進人才。",
      "2.人才考察支持。發放考察支持。"), True),
    # near misses: a bare article over a flat list of conditions; an article that is a sentence
    (("第五条 申报条件", "（一）注册在本市；", "（二）拥有专利。"), False),
    (("第六条 申请资助的单位应当提交下列材料：", "（一）申请表", "1.原件", "（二）证明"), False),
    # a 细则's article over labelled content ("1.申报条件:…"), a 办法's list of supported fields
    (("第二条 鼓励企业做大做强", "(一)鼓励企业做大", "1.申报条件:符合下列情形之一的企业。", "2.支持标准:给予奖励。"), False),
    (("第四条 专项资金支出的范围和要求", "(一)支持范围", "1、特钢及金属新材料产业:高品质特殊钢。", "2、微电子及集成电路产业:集成电路设计。"),
     False),
])
def test_article_as_section(lines, expected):
    t = tree(*lines)
    assert O.article_as_section(t.roots[0]) is expected


@pytest.mark.parametrize("lines, labels, paths", [
    # b407 006: chapters numbered 一、 over articles: the chapter is the articles' path
    (("一、总则", "第一条 资金来源。资金来源为市财政预算资金。", "第二条 资金规模。每年不超过1000万元。", "二、支持条件",
      "第三条 供给方条件。应符合以下条件。"), ["一", "二", "三"], [["一"], ["一"], ["二"]]),
    # a sentence numbered 一、 is no chapter: the article after it starts anew
    (("一、加强组织领导,落实工作责任。", "第五条 市财政局负责资金管理。"), ["五"], [[]]),
])
def test_numbered_chapter(lines, labels, paths):
    t = tree(*lines)
    arts = [n for n in t.nodes if n.kind == "article"]
    assert [n.label for n in arts] == labels
    assert [[n.parent.label] if n.parent else [] for n in arts] == paths
    assert O.numbered_chapter(O.Node("cn", "一", "总则", 0)) is True
    assert O.numbered_chapter(O.Node("cn", "一", "加强组织领导,落实工作责任。", 0)) is False


def test_enumeration_parent():
    t = tree("第五条 申请资助应当符合下列条件：", "（一）注册在本市；", "（二）拥有专利。", "第六条 加强保护。")
    assert [n.label for n in t.nodes] == ["五", "六"] and "（一）注册在本市" in t.nodes[0].text
    t = tree("第四條 各級黨委和政府鄉村振興責任主要包括：", "（一）深入學習貫徹。", "（二）統攬工作。")
    assert [n.label for n in t.nodes] == ["四"]  # an article is the leaf, whatever lead-in it has
    t = tree("第四条 专利行政管理部门应当加强对展会知识产权的保护，履行下列职责：", "（一）受理投诉；", "（二）查处案件。")
    assert [n.label for n in t.nodes] == ["四"]
    t = tree("第九条 省人民政府设立知识产权专项资金，重点支持下列事项：", "（一）专利导航；", "（二）质押融资贴息。")
    assert [n.label for n in t.nodes] == ["九", "一", "二"]  # a list of supported acts: its items are measures
    t = tree("第二十九条 承包经营者应当采取下列措施实现草畜平衡:", "(一)发展灌溉草场;", "(二)实施划区禁牧。")
    assert [n.label for n in t.nodes] == ["二十九"]  # b817 001: a duty's list of measures stays in its article
    t = tree("第八条 人民防空工程的维护管理应当达到下列标准:", "(一)工程结构完好;", "(二)进出口道路畅通。")
    assert [n.label for n in t.nodes] == ["八"]  # b800 012: standards to meet, conditions of the article
    t = tree("第九条 使用国家通用语言文字时,应执行下列标准:", "(一)汉字以国家发布的规范汉字为准;", "(二)普通话以国家标准为准。")
    assert [n.label for n in t.nodes] == ["九"]  # b1050 005: standards to follow, the article's content
    t = tree("第四条 财政部门依法对下列事项实施监督:", "(一)预算编制;", "(二)本级财政资金的使用情况。")
    assert [n.label for n in t.nodes] == ["四"]  # b981 004: matters overseen, no acts
    t = tree("第一章 总则", "第一条 为了…，制定本办法。", "第二章 保护", "第三条 加强执法。")
    assert [n.label for n in t.nodes] == ["一", "一", "二", "三"]  # chapters hold their articles
    t = tree("一、重点任务", "（一）强化保护。", "一是加强执法。", "二是加强司法。", "（二）促进运用。")
    assert [n.label for n in t.nodes] == ["一", "一", "二"]  # 一是/二是 folded into （一）
    assert O.enumeration_parent(tree("一、重点任务", "（一）甲", "（二）乙").nodes[0], []) is False
    t = tree("一、重点任务", "一是加强执法。", "二是加强司法。")
    assert [n.kind for n in t.nodes] == ["cn", "shi", "shi"]  # the only item: its 一是 are the measures


@pytest.mark.parametrize("heading, expected", [
    ("二、主要目标", True), ("一、总体要求", True), ("一、指导思想和基本原则", True), ("第一章 总则", True),
    ("一、发展基础和面临形势", True),
    ("二、创建目标", True), ("二、目标任务", True),
    ("一、指导思想深入贯彻科学发展观，紧紧围绕加快转变", True),  # heading glued to its text
    ("二、创建目标2022年8底前，各项创建指标全部达到", True),
    ("二、重点任务", False), ("三、目标管理", False), ("一、主要目标任务分解", False),
    ("一、总则", True), ("（一）主要目标任务分解到各部门", False),
    ("二、试点工作原则", True), ("一、试点工作目标", True), ("一、“十二五”发展基础", True),
    # a yearly work plan's goals chapter, its year first
    ("一、2023年工作目标", True), ("一、2023年知识产权工作目标任务", True), ("二、2023年知识产权工作要点", False),
    ("一、2023年度主要目标", True), ("三、2024年重点任务", False),
    ("二、完善考核目标", False), ("三、试点工作任务", False), ("二、夯实发展基础", False),
    # a 分工方案's indicators chapter ("一、主要指标" / "到2020年:" / "1.每万人口发明专利拥有量达到12件。(…负责)")
    ("一、主要指标", True), ("二、发展指标", True), ("三、完善指标体系", False), ("（二）优化主要指标考核", False),
    ("二、活动时间@@", True), ("三、活动主题", True), ("四、活动内容", False),  # an event notice's information items
    # b74 002/008: a 政府工作报告 division's goals for the year, with units beside each (still goals)
    ("一、全市经济社会发展主要预期目标", True), ("一、2023年经济社会发展主要预期目标", True),
    ("二、推动经济社会发展取得新成效", False),
    ("一、适用范围", True), ("二、抽查对象", True), ("三、抽查时间", True), ("四、抽查内容", False),  # scope (b297 012)
    ("一、会议对象", True), ("二、会议时间、地点", True), ("三、会议内容", False),  # b72 007: a meeting notice's information
    ("一、发展意义", True),  # b76 007
    ("三、专项治理目标", True), ("四、明确目标", False), ("二、完成年度目标", False),  # b96 009: a topic's goals
    ("一、明确质量发展六大目标", True), ("三、实现三大目标", True), ("二、明确考核目标", False),  # b218 001: goals counted out
    ("一、2010年全市促进就业目标责任制主要指标", True), ("二、落实就业考核指标", False),  # b109 010: a topic's main indicators
    ("一、目标要求", True), ("一、总体情况", True),  # b144 009, 011 (round 10 in view)
    ("一、形势与需求", True), ("一、发展现状", True), ("二、完善现状评估", False),  # b146 006: background
    ("二、实施原则", True),  # b147 007 (round 11 in view)
    ("一、专项资金管理原则", True), ("二、资金使用原则", True), ("三、完善分配原则", False),  # b148 010 (round 11 in view)
    ("一、考核原则", True), ("二、考核内容", False),  # b173 004 (session 10 in view)
    ("一、推行说理性行政处罚文书的目的和意义", True), ("二、深化认识改革的意义", False),  # b185 002 (an act: 深化)
    ("一、确保完成全年主要预期目标", True), ("二、完成年度目标", False),   # b183 005, b188 008, b199 004
    ("二、行动原则", True),   # b196 001
    ("3 术语和定义", True),   # b179 010: a standard-like rule's definitions
    ("第一章 總?則", True),   # b199 003: mojibake inside the heading
    ("一、普查目的和意义", True), ("二、試點目的", True), ("一、普查目的", True),  # b267: why a census is done
    ("二、普查内容", False), ("三、普查组织实施", False),   # what is counted and how: acts
    ("三、总体目标与指标体系", True), ("四、完善指标体系", False),  # b328 006: the goals' indicators
    ("一、经济社会发展总体要求", True), ("二、推进经济社会发展", False),  # b138 006, b473 001: a six-character topic
    # session 21: why a policy matters, as a noun phrase (b577 010, b494 002), and a chapter of the plan's approach
    ("一、发展刀剪机械制造业的重要意义", True), ("一、建立資源中心的重要意義", True),
    ("一、提高政治站位,充分认识支持民营经济发展的重大意义", False),  # significance_chapter's (a notice's item when alone)
    ("二、发展思路", True), ("二、工作思路", True), ("二、创新工作思路", False),
])
def test_is_general(heading, expected):
    assert O.is_general(node(heading), CTX) is expected


@pytest.mark.parametrize("lines, expected", [
    (["一、发展基础和面临形势"], True),
    (["一、“十三五”时期取得的成效"], True),
    (["一、发展基础", "（一）专利量增长"], True),  # under a background chapter
    (["一、“十二五”时期版权工作主要成就"], True),
    (["一、过去五年工作总体回顾"], True),
    (["一、版权工作发展环境"], True),
    (["一、发展背景", "（一）现有基础"], True),
    (["一、序言"], True),
    (["一、“十三五”规划目标如期完成", "（一）“十三五”时期知识产权事业取得显著成效"], True),  # b55 011
    (["一、現狀與形勢"], True),  # b56 004 (folded)
    (["一、“十三五”回顾。“十三五”期间,全市市场监管系统取得成效。"], True),  # b64 010
    (["1.“十三五”发展取得的巨大成就。“十三五”是改革发展进程中极不平凡的五年。"], True),  # b79 011
    (["2.“十四五”面临的发展形势。今后五年将开启新征程。"], True),
    (["一、编制背景"], True),
    (["一、行动背景"], True),  # b316 005
    (["一、夯实发展基础"], False),
    (["一、巩固“十三五”时期取得的成效，加强保护"], False),
    (["一、优化发展环境"], False),
    (["一、回顾过去，展望未来，加强执法"], False),
    (["一、编制背景党的十八大以来,南昌市知识产权工作取得显著成效"], True),   # b20 012 joined: glued to its text
    (["一、发展基础与面临的形势“十二五”期间,重庆知识产权人才队伍不断壮大"], True),   # b237 002 joined
    (["(一)发展基础较好,上年度销售收入不低于5000万元"], False),   # b832 001: a condition, no chapter name
])
def test_is_background(lines, expected):
    assert O.is_background(node(*lines), CTX) is expected


@pytest.mark.parametrize("line, expected", [
    ("一、 2017年工作总结", "summary"), ("市知识产权局2022年工作总结", "summary"),
    ("2023年上半年工作开展情况", "summary"),
    ("市知识产权局2023年工作要点", "plan"), ("二、2018年工作计划", "plan"),
    ("（五）做好工作总结", None),  # no year: an act
    ("关于报送2012年软件正版化工作总结的函", None),  # a letter asking for one
    ("加强知识产权保护", None),
])
def test_summary_or_plan(line, expected):
    assert O.summary_or_plan(line, CTX) == expected


@pytest.mark.parametrize("lines, summary, preamble_in", [
    # b49 006 (天津): the summary's title line in the preamble, its items after it, then the plan's title
    (["现将总结和要点印发给你们。", "市知识产权局2022年工作总结", "2022年,全年发明专利授权11745件。",
      "一、深入学习宣传贯彻党的二十大精神。", "局党组组织学习。", "市知识产权局2023年工作要点", "一、加强保护。"],
     [True, False], [1, 2]),
    # b49 007 (厦门): a numbered summary chapter, then the plan's chapter
    (["一、 2017年工作总结", "（一）积极推进改革试点。", "二、2018年工作计划", "（一）加强保护。"],
     [True, True, False, False], []),
    (["一、加强保护。", "二、做好工作总结。"], [False, False], []),
])
def test_summary_parts(lines, summary, preamble_in):
    t = tree(*lines)
    assert O.summary_parts(t, CTX) == preamble_in
    assert [n.summary for n in t.nodes] == summary


@pytest.mark.parametrize("lines, expected", [
    (["一、总体规划", "（一）指导思想", "以实现农村流通现代化为目标。", "（二）发展思路", "以市场需求为导向。"], True),
    (["一、重点任务", "（一）加强执法", "开展行动。", "（二）指导思想宣传", "开展宣传。"], False),
    (["一、工作任务", "（一）主要目标", "到2025年。", "（二）重点任务", "开展行动。"], False),  # only 指导思想 opens one
])
def test_opened_by_general(lines, expected):
    assert O.opened_by_general(tree(*lines).roots[0], CTX) is expected


@pytest.mark.parametrize("lines, expected", [
    (["一、充分認識建立公平競爭審查制度的重要性和緊迫性", "（一）深入推進經濟體制改革的客觀需要。", "經濟體制改革…。",
      "（二）全面推進依法治國的有力保障。", "全面推進依法治國…。"], True),
    (["一、充分认识贯彻落实《意见》建设法治政府的重要意义", "1、提高认识。全面推进依法行政…。"], True),
    (["一、充分认识做好高校毕业生就业工作的重要性。各地要…。"], False),  # a notice's item: alone, it acts
    (["一、加强认识宣传", "（一）开展宣传。", "（二）开展培训。"], False),
    (["一、充分认识积分制在乡村治理中的积极作用", "（一）有利于增强基层党组织的领导作用。", "（二）有利于推动乡村振兴重点工作。"], True),
    (["一、准确把握深化推广应用清单制基本要求", "（一）坚持党建引领。发挥村级党组织作用。", "（二）坚持依法依规。"], True),  # b426 003
    (["一、落实基本要求", "（一）开展宣传。"], False),  # no verb of grasping
])
def test_significance_chapter(lines, expected):
    assert O.significance_chapter(tree(*lines).roots[0], CTX) is expected


@pytest.mark.parametrize("line, expected", [
    ("三、保障措施", True), ("三、保障措施。", True),
    ("三、加强领导，落实责任。", False), ("三、" + "很长的标题" * 7, False),
    ("二、加强领导,落实责任", True),  # two phrases of the same length, no stop
    ("二、加强领导,落实各项工作责任", False),
])
def test_is_heading_only(line, expected):
    assert O.is_heading_only(node(line)) is expected


@pytest.mark.parametrize("line, expected", [
    ("第九条 省人民政府设立专项资金，重点支持下列事项：", True),
    ("（一）支持以下方面", True),
    ("第九条 加强执法", False),
    ("（一）强化保护，加强执法", False),  # a comma makes only an article a lead-in
])
def test_is_lead_in(line, expected):
    assert O.is_lead_in(node(line)) is expected


@pytest.mark.parametrize("line, expected", [
    ("第二十条 本办法自2024年1月1日起施行。", True),
    ("第一条 为加强知识产权保护，根据有关法律法规，制定本办法。", True),
    ("第二条 本措施由市市场监管局负责解释。", True),
    ("第三条 加强行政执法。", False),
    ("一、 为加强知识产权行政执法协作，提升保护效能，制定本制度。", True),  # a numbered purpose item (b51 008)
    ("第二十条 本办法自2024年1月1日起施行。" + "其他内容" * 40, False),  # long items are kept
    ("十三、本通知自印发之日起实施。", True),  # b59 004
    ("三、本公告自发布之日起施行。", True),
    ("五、本通告自即日起实施。", True),  # b103 003
    # b148 003 (round 11 in view): 自 of 自评 and 自觉, not of 自…起施行
    ("第五条 申报单位严格按照本办法和申报指南要求进行申报,开展绩效自评,自觉接受监督。", False),
    ("第九条 本办法由市财政局、市文广新局负责解释。", True),
    ("第七条 本办法2008年1月1日起执行。", True),  # b172 006 (session 10 in view): no 自, 执行
    ("第八条 本办法的执行情况纳入年度考核。", False),  # 执行 not of the date it takes effect
    ("(一)本辦法施行后,首次被認定為瞪羚企業的,給予10萬元扶持。", False),  # b221 011: 施行后 dates an act
    ("第十条 本办法自发布之日起施行。", True),
    ("一、以上扶持措施自2017年1月1日起施行,有效期三年。", True),  # b263 010: 以上…措施
    ("一、以上企业按规定给予扶持,补助资金自次年起拨付。", False),
    ("一、根据《中华人民共和国宪法》《国务院工作规则》和《安徽省人民政府工作规则》,制定本规则。", True),  # b574 006: the basis
    ("二、上述规定自2016年6月1日起执行。", True),  # b564 004 (session 21): 上述…自…起执行
    ("二、以上电价调整自20xx年6月1日起执行。", True),  # b564 005
    ("二、上述企业自2016年起享受奖励,每家奖励10万元,自愿申请执行。", False),  # 自 of 自愿, no date to take effect
])
def test_is_boilerplate(line, expected):
    assert O.is_boilerplate(node(line), CTX) is expected


@pytest.mark.parametrize("head, expected", [
    ("民间文学 (共计6项)", True),  # b560 006: a 非遗名录's category over its cells
    ("園林式單位(14個)", True),  # b560 007 (Traditional, read folded)
    ("传统技艺(计3项):", True),
    ("新增高新技术企业(10家)以上", False),  # a count inside a commitment
    ("加强知识产权保护(3项)。各地要…", False),  # a sentence after it
    ("民间文学", False),
    ("先进单位14个(排名不分先后)", True),  # b574 008: a commendation's list, in no order
    ("先进个人(按姓氏笔画排序)", True),
    ("培育高新技术企业10家", False),  # a count alone is a commitment
])
def test_count_heading(head, expected):
    assert O.count_heading(head, CTX) is expected


@pytest.mark.parametrize("line, expected", [
    ("二、市政府工作的指导思想是,在以习近平同志为核心的党中央坚强领导下,高举中国特色社会主义伟大旗帜。", True),  # b574 006
    ("三、市政府工作的准则是,执政为民,依法行政,实事求是,民主公开,务实清廉。", True),
    ("四、解决高层次人才住房问题的基本原则是以货币补贴为主。", True),  # b441 012
    ("(一)坚持依法行政的基本原则。", False),  # a principle named, not stated
    ("五、市政府实行市长负责制。市长领导市政府工作。", False),
    ("六、各部门要把指导思想落到实处。其准则是务实。", False),  # the statement not at the item's start
])
def test_statement_item(line, expected):
    assert O.statement_item(node(line), CTX) is expected


@pytest.mark.parametrize("lines, expected", [
    (["第十二条", "本办法自发布之日起实行,有效期5年。"], True),  # b318 001: the number alone on its line
    (["第十三条", "本办法由省工信厅负责解释。"], True),
    (["第九条", "对列入《指导目录》的生产企业,省级财政给予配套奖励。"], False),
])
def test_is_boilerplate_below_its_number(lines, expected):
    assert O.is_boilerplate(node(*lines), CTX) is expected


@pytest.mark.parametrize("lines, expected", [
    (["（二）主要目标", "二、重点任务"], True),
    (["5.加强执法"], True),
    (["第三条 加强执法"], True),
    (["②专利"], True),
    (["一、总体要求", "（二）目标"], False),
    (["2.1 提升质量"], True),
    (["1.1 提升质量"], False),
    ([], False),
])
def test_starts_mid_document(lines, expected):
    assert O.starts_mid_document(tree(*lines)) is expected


@pytest.mark.parametrize("lines, expected", [
    (["（三）加强保护。完善知识产权保护中心建设，开展快速预审"], True),
    (["1.加强执法。" + "开展专项行动严厉打击侵权假冒" * 3], True),
    (["（三）加强保护。完善知识产权保护中心建设。"], False),
    (["1.扩大融资。推广保险。牵头部门：市金融局；配合部门：市知识产权局"], False),  # ends with units
    (["三、保障措施"], False),  # a bare heading
    (["1.加强执法（责任单位：市公安局）"], False),
])
def test_cut_off(lines, expected):
    assert O.cut_off(tree(*lines)) is expected


@pytest.mark.parametrize("heading, expected", [
    ("第一章 总则", True), ("第一章 总 则", True), ("第一@@章@@ 总@@ 则@@", True),
    ("第七章 附则", False), ("一、总则", False), ("第二章 组织管理", False),
    ("二、基本原则", True), ("第二章 基本原则", True),  # b834 003, 006: a rule's chapter of principles binds
    ("(二)基本原则", False), ("一、总体要求", False),
])
def test_is_opening_chapter(heading, expected):
    assert O.is_opening_chapter(node(heading), CTX) is expected


@pytest.mark.parametrize("lines, expected", [
    (["第四章 绩效目标", "第十四条 绩效目标是绩效评价对象计划在一定期限内达到的产出和效果，由各预算单位主管部门编报。"], True),  # b981 008
    (["第二章 適用范圍", "第五條 排污者有下列情形之一的，環境保護主管部門可以責令其採取限制生產措施："], True),  # b747 003
    (["第七章 附则", "第三十条 本办法自2020年1月1日起施行。"], False),
    (["第二章 工作原则", "第三条 以人为本、利企便民。"], False),  # b420 010
    (["第一章 总体要求", "第四条 建设任务。"], False),  # b943 005
    (["一、主要目标", "（一）到2025年，专利授权量达到1000件。"], False),  # a plan's goals chapter
    (["第四章 绩效目标"], False),  # nothing under it
])
def test_chapter_of_articles(lines, expected):
    assert O.chapter_of_articles(tree(*lines).nodes[0], CTX) is expected


@pytest.mark.parametrize("lines, expected", [
    (["第一条 为了持续优化营商环境，制定本条例。"], True),
    (["第一條 根據《中華人民共和國專利法》第六十八條的規定，制定本細則。"], True),
    (["第二条 本条例所称营商环境，是指企业等市场主体在市场经济活动中所涉及的体制机制性因素和条件。"], True),
    (["第二条 本省行政区域内与优化营商环境相关的活动，适用本条例。"], True),
    (["第二条 凡在我省行政区域内从事与专利有关活动的单位和个人，均应遵守本条例。"], True),
    (["第一条 凡到我县投资新办企业且符合国家产业政策的，除全面享受国家、省税收优惠政策外，均可享受本优惠政策。"], True),
    (["第一章 总则", "第一条 为进一步规范省政府质量奖管理工作，依据《产品质量法》", "第二条 省政府质量奖由党中央、国务院批准设立，是省政府授予的最高奖项。"], True),
    (["第一章 总 则", "第一條 為了全面落實鄉村振興責任制，根據…", "第二條 落實鄉村振興責任制，堅持以習近平新時代中國特色社會主義思想為指導。"], True),
    (["第一章 总则", "第一条 为…，制定本办法。", "第二条 本办法适用于…。", "第三条 市直行业主管部门是市级项目的责任主体。"], False),
    (["第三条 优化营商环境应当坚持市场化、法治化、国际化原则，以市场主体需求为导向，创新体制机制。"], True),  # norms
    (["第三条 专项资金的使用和管理坚持“统一管理、分级负责、专款专用”的原则。"], True),  # principles only
    (["第四條 規範性檔案應當符合合法、合理、程式正當、高效便民的基本要求。"], True),
    (["第四条 评审由企业自愿申请，遵循科学、公开、公平、公正的原则。"], False),  # an act first
    (["第一条 【立法目的】", "为了优化中小企业发展环境，制定本条例。"], True),
    (["第四条 县级以上人民政府应当加强对优化营商环境工作的组织领导。"], False),
    (["第五条 对获奖企业给予一次性奖励。"], False),
    (["第三條 本條例下列用語的含義:(一)計算機程序,是指…"], True),   # b90 004: definitions
    (["第一条  为认真贯彻落实《市优化营商环境领导小组关于全领域全系统推进优化营商环境改革事项的通知》精神,提升企业商业"
      "秘密自我保护意识,增强企业竞争力。根据《中华人民共和国反不正当竞争法》等法律法规,结合工作实际,制定本指南。"], True),
    (["第一条 为加强执法,市场监管局开展专项行动。对侵权行为依法查处。"], False),  # no 制定本…
    (["第一條  評獎(jiǎng)宗旨", "引導(dǎo)和推進(jìn)知識產權(quán)工作對供給側(cè)結(jié)構(gòu)性改革發揮重要作用。"], True),
    (["第二条  评奖周期", "国家知识产权局与世界知识产权组织共同开展评选工作。"], False),
    # 总则 articles on a fund's principles, uses and ways of support
    (["第一章 总则", "第一条 为…，制定本办法。", "第二条 设立专项资金。",
      "第三条  专项资金的使用和管理坚持“依法依规、公开公正”的原则,充分发挥财政资金的引导和带动作用。"], True),
    (["第一章 总则", "第一条 为…，制定本办法。", "第二条 设立专项资金。", "第四条  专项资金主要用于促进我市知识产权创造、运用、保护。"], True),
    (["第一章 总则", "第一条 为…，制定本办法。", "第二条 设立专项资金。",
      "第五条 专项资金主要采用政府引导基金、实施项目、补贴奖励等方式支持全市知识产权运营服务体系建设工作。"], True),
    # near misses: the same words outside 总则; an act in 总则
    (["第二章 资助标准", "第六条 专项资金主要用于资助发明专利，每件给予3000元。"], False),
    (["第一章 总则", "第一条 为…，制定本办法。", "第二条 设立专项资金。", "第三条 市知识产权局负责专项资金的申报受理。"], False),
    (["第一章 总则", "第一条 为…，制定本条例。", "第二条 本条例适用于本省。", "第三条 县级以上人民政府应当坚持市场化、法治化原则，创新体制机制。"],
     False),  # an organisation's duty, not the norms of a field
    (["第一章 总则", "第一条 为…，制定本办法。", "第二条 设立专项资金。", "第六条 对专项资金补贴类支持项目原则上按照“公开申报”方式。"],
     False),  # 原则上 ("as a rule") names no principle
    (["第一章 总则", "第三条本办法旨在鼓励我县传统产业转型升级,调整优化产业结构。煤炭采掘等项目不适用本办法。"], True),  # its aim
    (["第四条 安全生产领域失信行为主体包括生产经营单位,及其法定代表人、主要负责人等。"], True),  # what a term covers
    (["第四条 扶持对象包括小微企业,可以申请贷款贴息。"], False),  # it rules: 可以
    (["一、为进一步加强扶贫资金管理,根据《广西财政专项扶贫资金管理办法》等有关规定,修订本办法。"], True),  # b57 005
    # b314 003: a scrambled copy's stops inside the scope article
    (["第二条,在中华人民共和国境内管理 经营和使用邮政服务。快递业务及与此相关的安全活动。适用本办法"], True),
    (["第五条 邮政管理部门应当加强监督检查。违反规定的，适用本办法第二十条的规定处理。"], False),
    (["第二条 国务院药品监督管理部门组织建立登记平台,供持有人登记专利信息。未登记相关专利信息的,不适用本办法。"], False),  # b180 007
    # b325 003: the caption on its own line, the definition below it
    (["第二条(资金来源)", "本办法所称上海市电影专项资金,是指国家电影事业发展专项资金中按规定缴入上海市国库的部分。"], True),
    (["第五条(资金用途)", "专项资金用于支持电影创作生产。"], False),
    (["第三条 贷款人系指依法设立并经营贷款业务的金融机构。"], True),  # b68 008: 系指 defines
    (["第四条 示范资金管理实行“示范先行、突出重点、公开透明”的原则。"], True),  # b115 001: 实行…原则
    # b1111 009, 010: a headed article whose head names purpose and basis, terms or (in 总则) principles
    (["第一条 目的和依据", "为促进公共数据资源合规高效开发利用,规范登记工作,根据有关规定,结合实际。"], True),
    (["第三條 本規範中的術語含義", "公共數據資源,是指本省國家機關產生的數據。"], True),
    (["第一章 总则", "第一条 为…，制定本细则。", "第四条 登记原则", "公共数据资源登记应当维护国家安全和公共利益。"], True),
    (["第三章 乡村建设规划管理", "第四十六条 乡村建设规划原则", "乡村建设应当鼓励和引导适度集中。"], False),  # b809 006: it rules
])
def test_preliminary_article(lines, expected):
    assert O.preliminary_article(node(*lines), CTX) is expected


def test_measure_nodes_keep_operative_articles_of_the_opening_chapter():
    t = tree("第一章 总则", "第一条 为了优化营商环境，制定本条例。", "第二条 本条例所称营商环境，是指体制机制性因素。",
             "第三条 国家持续深化简政放权。", "第二章 市场环境", "第四条 保障平等。", "第五章 附则",
             "第九条 本条例由省人民政府负责解释，其他有关事项按照国家和省有关规定执行并做好衔接工作。", "第六章 法律责任")
    assert [n.label for n in O.measure_nodes(t, CTX)] == ["三", "四"]


@pytest.mark.parametrize("lines, expected", [
    (["四、建立机制", "五、国"], True), (["（三）甲。", "（四）健全名录"], True), (["五、規範性"], True),
    (["一、推廣改革舉 ……"], True), (["（四）健全名录制度。"], False), (["四、合理保障农民种粮收益水平"], False),
])
def test_cut_short(lines, expected):
    assert O.cut_short(node(*lines)) is expected


def test_measure_nodes_drop_a_last_item_cut_short_and_contact_items():
    t = tree("一、甲。加强执法工作。", "二、乙。加强司法保护。", "三、国")
    assert [n.label for n in O.measure_nodes(t, CTX)] == ["一", "二"]
    t = tree("1.发送电子邮件：abc@163.com", "2.传真：0316-2381673", "3.通信地址：某市某路1号")
    assert O.measure_nodes(t, CTX) == []
    t = tree("1.發送電子郵件：abc@163.com", "2.傳真：0316-2381673")  # b14 008 copied in Traditional
    assert O.measure_nodes(t, CTX) == []
    # b194 001: a call's address and contact items, headed by the word alone
    t = tree("三、申报要求。请于9月底前报送。", "四、材料报送地址。北京市西城区百万庄大街22号", "五、联系方式",
             "科技司:010-68205000")
    assert [n.label for n in O.measure_nodes(t, CTX)] == ["三"]


def test_measure_nodes_prose_chapters_among_chapters_of_the_same_kind():
    t = tree("二、加强领导,落实责任", "各单位主要负责同志作为第一责任人。", "三、周密部署,统筹安排", "1.调查摸底阶段。区文化局负责。")
    assert [n.label for n in O.measure_nodes(t, CTX)] == ["1"]
    t = tree("4.2011年8月底前，州新闻出版局会同有关部门抽查。", "（二）县、市政府机关软件正版化的方法与时间安排",
             "各县、市政府要参照州政府工作方案制定工作计划。", "五、建立长效机制", "（一）做好正版软件采购工作。加强审核。")
    assert [n.label for n in O.measure_nodes(t, CTX)] == ["4", "二", "一"]  # （二） is no sibling of 五、


def test_measure_nodes_skip_general_chapters_paragraph_chapters_and_boilerplate():
    t = tree("一、总体要求", "（一）指导思想。坚持创新。", "二、重点任务", "（一）加强执法。开展行动。",
             "三、保障措施", "加强领导，落实责任。", "四、本方案自印发之日起施行。")
    assert [n.head for n in O.measure_nodes(t, CTX)] == ["加强执法。开展行动。"]


def test_outline_stage_warns():
    ctx = ParseContext(body_lines=["（二）加强执法。开展专项行动，严厉打击侵权假冒，推动"])
    O.outline(ctx)
    assert ctx.warnings == ["page starts mid-document", "text appears truncated"]
    ctx = ParseContext(body_lines=["没有编号的段落。"])
    O.outline(ctx)
    assert ctx.warnings == ["no numbered measures found"]


KCTX = ParseContext(default_knowledge())


@pytest.mark.parametrize("head, expected", [
    ("北京市海淀區", True), ("河北省石家庄市", True), ("浙江省温州市", True),
    ("杭州某某科技有限公司", True), ("浙江大学", True), ("农业部农产品质量安全监管局 薛志红 万凯", True),
    ("建设知识产权保护中心", False), ("加强知识产权保护", False), ("各区人民政府", False),
    ("北京市海淀区开展知识产权保护工作", False), ("北京市，天津市", False),
    ("哈尔滨市中央大街历史文化街区", True), ("建设特色商业街区", False),  # b349 010: a list notice's places
])
def test_is_name(head, expected):
    assert O.is_name(head, KCTX) is expected


CITIES = ["北京市海淀區", "河北省石家莊市", "遼寧省沈陽市", "吉林省長春市", "陜西省西安市"]


@pytest.mark.parametrize("lines, names", [
    # a 公示 of candidate cities: numbered, but names (the last one is unknown to the word lists)
    (["现将名单予以公示:"] + [f"{i}.{c}" for i, c in enumerate(CITIES, 1)] + ["公示期为5个工作日。"], 5),
    (["联系人:", "1、农业部农产品质量安全监管局 薛志红 万凯", "联系电话:010-59192322",
      "2、农业部农产品质量安全中心 张梦飞、高芳", "联系电话:010-62196098"], 2),
    (["1.北京市海淀区", "2.加强知识产权保护。开展执法。", "3.健全机制。完善制度。"], 0),  # one name among measures
    (["1.建设知识产权保护中心。", "2.培育知识产权服务机构。", "3.加强人才培养。"], 0),
])
def test_name_items(lines, names):
    t = tree(*lines)
    assert len(O.name_items(t, KCTX)) == names
    assert len(O.measure_nodes(t, KCTX)) == len(t.nodes) - names


@pytest.mark.parametrize("first, text, expected", [
    ("风险补偿资金按照政府引导、市场化运作的原则进行管理", "风险补偿资金按照政府引导、市场化运作的原则进行管理。资金仅对"
     "纯知识产权质押贷款本金提供风险补偿。", True),
    ("风险补偿资金使用应遵循以下原则:", "风险补偿资金使用应遵循以下原则:\n(一)为企业提供补偿。", True),
    ("地理标志产品保护遵循申请自愿,认定公开的原则 申请地理标志产品保护", "地理标志产品保护遵循申请自愿,认定公开的原则 "
     "申请地理标志产品保护。使用专用标志应当遵循诚实信用原则.", True),
    ("建筑垃圾管理实行以属地管理为主的原则", "建筑垃圾管理实行以属地管理为主的原则。建筑垃圾处置工作应当遵循减量化原则。", True),
    ("优化营商环境应当坚持市场化、法治化、国际化原则，以市场主体需求为导向，创新体制机制", "", False),
    ("评审由企业自愿申请，遵循科学、公开、公平、公正的原则", "", False),  # an act first
    ("市知识产权局按照职责负责资金管理", "市知识产权局按照职责负责资金管理。", False),
    ("风险补偿资金按照政府引导、市场化运作的原则进行管理", "风险补偿资金按照政府引导、市场化运作的原则进行管理。" + "合作银行应当"
     "及时报送贷款信息并配合开展尽职调查。" * 8, False),  # a long article does more than name principles
    ("示范资金管理实行“示范先行、突出重点、公开透明”的原则", "示范资金管理实行“示范先行、突出重点、公开透明”的原则。", True),
])
def test_principles_article(first, text, expected):
    assert O.principles_article(first, text) is expected


@pytest.mark.parametrize("first, expected", [
    ("發展數字經濟應當堅持數據賦能、突出優勢、市場主導、包容審慎,推動數字經濟創新、協同、開放、安全發展", True),
    ("科技成果轉化活動應當以企業為主體、以市場為導向,遵循自願、互利、公平、誠實信用的原則", True),
    ("非物質文化遺產保護工作應當貫徹保護為主、搶救第壹、合理利用、傳承發展的方針,堅持政府主導", True),
    ("工作站的建设和管理遵循“市县联动、协同推进、服务产业、择优设置”的原则,采用指导申报、定期评价、动态管理的工作机制", True),
    ("专利侵权纠纷行政裁决应当以事实为依据、以法律为准绳,遵循公正、及时的原则", True),  # b27 004
    ("省级预算的编制,应当坚持“量入为出、收支平衡”的原则", True),  # a comma before 应当 (b38 012)
    ("全面实施乡村振兴战略,应当坚持中国共产党的领导", True),  # b38 013
    ("质量奖的评定以提升企业综合竞争实力为宗旨", True),
    ("加强知识产权保护,坚持严格保护", False),  # a comma without 应当: an act
    # near misses: an organisation's duty; conditions to meet; an act
    ("縣級以上人民政府應當堅持政府主導,加強對非物質文化遺產保護工作的領導", False),
    ("省人民政府數據主管部門負責統籌推進數字經濟發展", False),
    ("申报项目应当遵循以下要求：", False),
    ("评审由企业自愿申请，遵循科学、公开、公平、公正的原则", False),
    ("获得地理标志产品保护的、应当规范使用地理标志产品名称和专用标志", False),
    ("市人民政府应当以事实为依据,对侵权行为依法处理", False),  # an organisation acts
])
def test_norm_article(first, expected):
    assert O.norm_article(CTX.fold(first)) is expected


@pytest.mark.parametrize("lines, expected", [
    (["一、支持对象", "支持对象一般是在本区注册经营、纳税和统计的企业。"], True),
    (["二、專利資助對象", "專利資助對象為以本縣轄區內申請專利的企事業單位或個人。"], True),
    (["一、申报主体省内高等院校、科研院所和国有企业。"], True),
    (["（四）申报商业秘密保护示范指导站对象是各乡镇的重点企业。"], True),
    # near misses: an act on the same nouns; conditions to meet
    (["二、鼓励企业做大做强", "（一）鼓励企业做大"], False),
    (["（三）强化企业创新主体地位。支持企业建设研发机构。"], False),
    (["五、申报商业秘密保护示范指导站,应同时具备以下条件:"], False),
    (["（二）加大对中小企业的支持力度，资助对象向专精特新企业倾斜。"], False),
    (["第三条 专利授权资助申领的对象为专利权人,并符合以下条件之一:"], False),
    # b46 013: who may apply, labelled before a colon
    (["一、征集对象", "(一)维权援助工作站征集对象:本市范围内的产业园区、行业协会等。"], True),
    (["(二)加强管理:明确支持对象的申报程序。"], False),  # the label is no scope
    (["2.重点支持产业包括:国家、省、市重点发展的各类战略性新兴产业。"], True),   # b93 002: what support covers
    (["3.支持企业开展研发,研发投入包括:人员费用、设备费用。"], False),
    (["一、獎勵(資助)對象", "凡依法在本區注冊登記或實際經營的企業。"], True),  # b28 008: a second verb in brackets
])
def test_scope_item(lines, expected):
    assert O.scope_item(node(*lines), CTX) is expected


@pytest.mark.parametrize("text, expected", [
    ("安全生产领域失信行为主体包括生产经营单位,及其法定代表人、主要负责人、负有直接责任的有关人员等。", True),
    ("支持内容包括研发补助、贷款贴息等,对符合条件的企业予以支持。", False),  # it acts: 予以, 支持
    ("失信行为主体包括生产经营单位。对其实施联合惩戒。", False),  # two sentences
])
def test_covers_article(text, expected):
    assert O.covers_article(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("(目的依据)为加强市级财政专项资金管理，制定本办法。", True),
    ("（适用事项）专项资金的设立、调整、撤销、分配、使用、监督适用本办法。", True),
    ("【立法目的】为了保护知识产权，制定本条例。", True),
    ("(定义)本办法所称专项资金，是指…", True),
    ("【发展目标】自贸试验区应当围绕建设制造强国，发挥区位优势。", True),  # b61 003: a goal, no measure
    # near misses: an operative caption, an item number, no caption
    ("(资金用途)专项资金用于支持企业研发。", False),
    ("(一)加强知识产权保护。", False),
    ("（十一）完善纠纷调解机制。", False),
    ("为加强管理，制定本办法。", False),
    ("[政策依据] 根据《中华人民共和国土地管理法》…", True),   # b262 011: square brackets
    ("[基本原则] 坚守土地公有制性质不改变…", True),
    ("[指导思想]\n农村集体经营性建设用地入市以符合规划为前提", True),
    ("[交易规则] 入市交易应当公开进行。", False),
])
def test_preliminary_caption(text, expected):
    assert O.preliminary_caption(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("通过我局官网“民意征集”栏目直接填写反馈意见(网址:http://hrss.sz.gov.cn/zmhd/mydc/)。", True),
    ("通过电子邮箱将具体意见发送至电子邮箱zyjs@hrss.sz.gov.cn,并请注明“规范性文件征求意见”字样。", True),
    ("通过信函的方式将意见寄至金华市婺城区双龙南街828号,邮编:321017。", True),
    ("意見反饋截止時間為2016年1月9日。", True),  # b147 012 (round 11 in view): when comments close
    # near misses: a measure about comments or about websites
    ("建立知识产权纠纷快速处理机制。", False),
    ("建设知识产权信息公共服务网站,广泛听取企业意见,完善服务功能。", False),  # comments heard, not sent
    ("广泛征求企业意见,完善政策措施。", False),  # no channel
])
def test_feedback_channel(text, expected):
    assert O.feedback_channel(text, CTX) is expected


@pytest.mark.parametrize("text, consultation, expected", [
    # b61 012: a notice asking for comments lists its channels without the word 意见
    ("发送电子邮件至邮箱:473525483@qq.com", True, True),
    ("登录金寨县政府网站意见征集平台(https://www.ahjinzhai.gov.cn)", True, True),
    ("发送电子邮件至邮箱:473525483@qq.com", False, False),  # not a consultation: no comments asked for
    ("电话沟通。请拨打电话将有关建议和意见向联系人反馈。", False, True),  # b18 009: comments sent by phone
    ("建设知识产权信息公共服务网站,完善服务功能。", True, False),  # an act, though a channel word
])
def test_feedback_channel_on_a_consultation(text, consultation, expected):
    ctx = ParseContext()
    ctx.document = {"title": "区域公用品牌管理办法", "notice_title": "关于征求《管理办法(征求意见稿)》修改意见的公告"
                    if consultation else None}
    assert O.feedback_channel(text, ctx) is expected


@pytest.mark.parametrize("status, expected", [("draft", True), ("in_force", False)])
def test_feedback_channel_on_a_draft(status, expected):
    """b458 006: a draft's page asks for comments in its opening sentence, its title says nothing of it."""
    ctx = ParseContext()
    ctx.document = {"title": "吉林省大学生创业园管理办法", "notice_title": None, "status": status}
    assert O.feedback_channel("电子邮件请发送至:jlsrcxxwlc@163.com。", ctx) is expected


@pytest.mark.parametrize("line, expected", [
    ("補助", True), ("申报条件", True), ("重点任务", True),
    ("加强保护。", False),  # a sentence
    ("某市知识产权管理办法", False),  # a kind of document: a title
    ("知识产权强市建设的主要任务和保障措施", False),  # too long for a caption
    ("專利質(zhì)押融資貸款費(fèi)用資助標(biāo)準(zhǔn):", True),  # b68 003: a longer one closed by a colon
    ("申请人应具备以下条件:", False),  # a lead-in
    ("现将名单予以公示:", False),
])
def test_caption_line(line, expected):
    assert O.caption_line(line, CTX) is expected


def test_a_caption_heads_the_items_below_it():
    # b60 004: "補助" over (一)…(三), then "申報材料" over its own items
    t = tree("申報條件", "在江門市登記注冊。", "補助", "(一)對新增地理標志產品給予獎勵20萬元。", "(二)對新增品牌給予獎勵。",
             "申報材料", "(一)申請表。")
    leaves = [n for n in t.nodes if not n.children]
    assert [[a.heading for a in n.ancestors()] for n in leaves] == [["補助"], ["補助"], ["申報材料"]]
    assert t.preamble == ["申報條件", "在江門市登記注冊。"]  # not over a numbered item: stays text


@pytest.mark.parametrize("lines, expected", [
    # b66 011 / b62 003: conditions and documents to hand in were no measures; since session 25 they are (the
    # gold counts them about two times in three over b01-b736: condition_item keeps their figures off targets)
    (["二、申報條件", "(一)創立時間達50年(含)以上;"], False),
    (["三、申报材料", "1.营业执照复印件;"], False),
    (["一、认定范围", "(一)在上海市依法设立并从事经营活动;"], True),  # what is recognised: a scope
    (["二、重点任务", "(一)加强知识产权保护。"], False),
    (["一、申报范围", "(一)示范区建设申报单位为县级以上人民政府。"], False),  # b21 003: the writer counted these
    (["第五条 申请资助应当符合下列条件:", "(一)具有独立法人资格;"], False),  # an article's own list (folded into it)
    (["三、申报材料", "(一)中国标准创新贡献奖", "1.标准化扶持政策资金申请表"], False),  # b60 005: documents, a measure
    # b146 013 (round 10 in view): who may apply, and the documents that confirm a claim
    (["一、奖补对象及范围", "1.2024年度经我市技术合同登记机构认定且登记的技术合同;"], True),
    (["三、核对确认材料", "(一)2024年度技术合同认定登记奖补核对确认表;"], False),  # documents to hand in: a measure
    # b163 008 / b170 002 / b41 002 (session 10 in view): whom or what a policy covers, listed
    (["二、优待对象", "1.现役军人;"], True),
    (["一、我市優待工作適用對象", "(一)義務兵家庭;"], True),
    (["二、奖励范围", "1.产品质量类。中国质量奖(含提名奖)。"], True),
    (["一、考核对象", "(一)各县(区、市)人民政府。"], True),
    (["二、优待内容", "1.免收门票。"], False),  # what the policy gives is operative
    # b198 001/002: a call's list of kinds of project it supports or accepts
    (["二、支持的范围及重点领域", "1.高原基地建设"], True), (["三、受理类别", "1.体育科技扶持项目;"], True),
    (["二、重点支持领域", "1.绿色低碳新型墙体材料的研发。"], False),   # b146 001's gold counts these
    # b194 003 / 007: an item that is itself a list of who may enter ("二、參評條件 凡是…")
    (["二、參評條件 凡是已獲得國家知識產權局授權的專利,均可參評。"], True),
    (["三、参评条件", "(一)已获得国家知识产权局授权;"], False),  # b839 009: the conditions to enter, measures
    (["三、项目申报单位要求", "1.申报单位为合法注册主体;"], True),
    (["二、提交申报材料 申报企业应认真填写申报表,按时报送。"], False),   # b194 002: an act (submit)
    (["一、补助依据 《市财政局关于下达2024年专项资金的通知》"], True),   # b198 012: what a grant rests on
    (["三、权力行使根据", "1.医疗器械监督管理条例(国务院令第650号);"], True),   # b185 007: the documents a power rests on
    (["五、不予资助的情形", "1.经查询被纳入严重失信主体名单的;"], True),   # b307 008: who is turned away
    (["一、受理条件", "(一)请求人是专利权人或者利害关系人;"], False),   # b824 011: conditions to apply, measures
    # session 29: a guide's list of the documents a subsidy rests on, a qualifier after its heading (b914 010)
    (["一、補貼依據文件(市、區縣級公開內容)", "1.國家人口計生委《關于印發…的通知》;"], True),
])
def test_requirement_item(lines, expected):
    assert O.requirement_item(node(*lines), CTX) is expected


@pytest.mark.parametrize("lines, expected", [
    (["三、申报条件", "(二)承担过政府机关委托的专利分析项目不少于5项;"], True),  # b80 008: a condition, no target
    (["三、申报材料", "1.营业执照复印件;"], True),
    (["二、推荐评选条件", "(一)三八红旗集体评选条件", "1、单位女性比例占60%以上。"], True),  # b723 009: one level down
    (["二、重点任务", "(一)加强知识产权保护。"], False),
    (["一、奖补对象及范围", "1.2024年度登记的技术合同;"], False),  # a scope: no measure at all (requirement_item)
    (["二、评审标准", "2、历年累计有效专利12件以上。"], True),  # b807 001: the criteria an applicant is judged by
    (["一、六安市知识产权优势企业认定标准", "1.配备专职管理人员1人以上。"], True),  # b807 005: after what is recognised
    (["三、奖励标准", "1.给予10万元奖励。"], False),  # what a policy pays: targets
    # session 28: a heading that names conditions (b863 006), whatever their kind
    (["第三章 企业重点实验室条件", "第十三条 实验室具有先进、完备的研究与开发条件,面积在1500平方米以上。"], True),
    (["五、备案条件", "(一)专职人员不少于5人。"], True),
    (["二、保障措施", "(一)加大投入,每年安排资金500万元。"], False),
    (["第三章 保障措施", "第十三条 市财政每年安排资金500万元。"], False),
    # b863 003: who meets the conditions below may apply; the list stays in the item
    (["二、進一步滿足以下條件的新型研發機構,可申請認定為市級新型研發機構:", "(一)在廈辦公和科研場所面積不少于1000平方米。",
      "(二)常駐研發人員不少于20人。"], True),
    (["二、对符合下列条件的企业给予奖励:", "(一)新认定的国家级企业技术中心,奖励50万元。", "(二)新认定的省级中心,奖励20万元。"], False),
    # b803 004: what an applicant gets, under a heading that names conditions above it
    (["二、申报内容及条件", "(二)支持标准", "1.固定资产投入额达到10亿元的,给予800万元奖励;"], False),
    (["二、申报内容及条件", "(一)申报条件", "1.固定资产投入达到10亿元以上的;"], True),
])
def test_condition_item(lines, expected):
    assert O.condition_item(node(*lines), CTX) is expected


@pytest.mark.parametrize("lines, expected", [
    # b766 004: a question announces the list (the outline's preamble)
    (["众创空间市级备案应具备哪些条件?", "(一)运营主体为在武汉地区注册的企业。", "(三)可自主支配的场地面积不小于500平方米。"], True),
    (["省级科技型企业孵化器应具备下列条件:", "1、在本省行政区域内登记注册;", "2、中高级管理人员中具有大专以上学历的占50%以上;"], True),
    (["專精特新中小企業認定需同時滿足以下四項條件", "(一)從事特定細分市場時間達到2年以上。"], True),  # b766 005
    (["已建立工業設計中心的企業申報需具備8項必備指標:", "1.遵守國家法律法規;", "6.從業人員50人以上;"], True),  # b783 007
    (["一、申报要求", "申报企业应当符合以下条件:", "(一)在本市注册;", "(二)研发投入占比3%以上。"], True),  # under an item
    (["申请人应当具备以下条件之一:", "1.获得国家发明专利授权;", "2.获得中国专利奖。"], True),
    (["二、主要任务如下:", "(一)加强知识产权保护。"], False),
    (["重点开展下列工作:", "(一)加强执法。", "(二)完善制度。"], False),  # acts, not conditions
    (["对符合下列条件的企业给予奖励:", "(一)新认定的国家级企业技术中心,奖励50万元。"], False),  # rewards, not conditions
    (["一、认定条件", "(一)在本市注册。", "二、奖励标准", "(一)奖励50万元。"], False),  # a later list, not announced
])
def test_announced_conditions(lines, expected):
    ctx = ParseContext()
    ctx.outline = O.build_outline(list(lines), ctx)
    assert O.announced_conditions(ctx.outline.nodes[-1], ctx) is expected


@pytest.mark.parametrize("lines, title, expected", [
    # b1207 007: a line naming the conditions, too long for a caption
    (["南京市申报2021年省级企业工程技术研究中心建设项目申报条件", "1.建设主体:在宁已建有市级工程中心。"], None, True),
    (["国家重点实验室申报条件", "一、依托内地高等院校和科研院所;"], None, True),  # b1207 001
    # b1208 003: the title asks for the conditions; a date line stands between
    (["發布時間:2025-07-21", "1.基礎條件:孵化場地面積不低于3000平方米;"], "深圳市科技企業孵化器的申請條件是什么?", True),
    (["發布時間:2025-07-21", "1.加强保护。"], "关于加强知识产权保护的意见", False),
    (["二、重点任务", "(一)建成示范园区10个。"], None, False),
    # a list under a numbered heading: the title does not reach it
    (["一、加强保护", "(一)建成示范园区10个。"], "孵化器的申请条件是什么?", False),
])
def test_conditions_named_above(lines, title, expected):
    ctx = ParseContext(document={"title": title})
    ctx.outline = O.build_outline(list(lines), ctx)
    n = ctx.outline.nodes[-1]
    above = ([n.parent.head] + n.parent.extra) if n.parent is not None else ctx.outline.preamble
    lead = next((line.strip() for line in reversed(above) if line.strip()), "")
    assert O.conditions_named_above(lead, n, ctx) is expected


@pytest.mark.parametrize("lines, expected", [
    # b79 009: a 规划's review of the past under a heading of its own
    (["(二)专利创造能力大幅提升", "“十一五”期间,全省累计新增专利申请量20560件。"], True),
    (["(二)巩固提升。“十三五”时期,全市专利授权量年均增长20%。"], True),
    (["一、如期全面建成小康社会", "“ 十三五 ” 时期,面对错综复杂的外部环境。"], True),  # b79 004: PDF spaces
    (["(二)加强知识产权保护。开展专项行动。"], False),
    (["(二)总结“十三五”期间的经验,开展评估。"], False),  # it acts on the past, it does not review it
])
def test_past_review(lines, expected):
    assert O.past_review(node(*lines), CTX) is expected


@pytest.mark.parametrize("published, expected", [
    ("2022-10-10", False),  # b105 005: the current plan period's goals ("“十四五”期間,…到2025年…下降14%")
    ("2026-03-01", True),  # written after the period: a review
])
def test_past_review_of_a_period_not_over(published, expected):
    ctx = ParseContext(document={"published_date": published})
    n = O.build_outline(["一、主要目標", "“十四五”期間,產業結構和能源結構明顯優化。"], ctx).nodes[-1]
    assert O.past_review(n, ctx) is expected


@pytest.mark.parametrize("head, expected", [
    ("【頒布時間】2021-11-15", True), ("【發文號】國發〔2021〕26號", True), ("【法規全文】", True),  # b104 004
    ("【失效時間】", True), ("【颁布单位】国务院", True),
    ("【重点】加强知识产权保护。", False), ("加强执法。【责任单位:市局】", False),  # near misses
    ("【實施主體】 深圳市前海管理局負責統籌外資獎勵專項資金。", False),  # b491 007: an article's caption, it acts
])
def test_metadata_item(head, expected):
    assert O.metadata_item(head, CTX) is expected


@pytest.mark.parametrize("lines, expected", [
    # b107 005: a support item whose sub-items are its facets
    (["八、产业联动发展奖励", "1.申报条件", "规模以上物流企业承接区内采购、运输。", "2.支持标准", "按外包总费用的2%给予奖励。"], True),
    (["九、平台建设奖励", "1.申报条件", "(1)满足协同性强。", "2.支持标准", "(1)按投入的10%给予奖励。"], True),
    (["二、重点任务", "1.加强执法", "2.完善机制"], False),  # measures, not facets
    (["三、支持政策", "1.申报条件", "2.加快培育龙头企业。"], False),  # a measure among them
    # b799 004: a call's own procedure section over its time and materials: a section, not one support item
    (["三、申报程序", "1.申报时间", "每季度末前提交。", "2.申报材料", "申请表一份。"], False),
    # b803 004, b1205 011: a heading that names the facets is a section too
    (["二、申报内容及条件", "1.申报条件", "投入达到10亿元以上。", "2.支持标准", "给予800万元奖励。"], False),
    (["一、资助内容及标准", "1.支持内容", "参加境外展会。", "2.支持标准", "按展位费的50%给予资助。"], False),
])
def test_facet_parent(lines, expected):
    root = tree(*lines).roots[0]  # build_outline folds a facet parent's sub-items into its text
    assert (not root.children and lines[1] in root.text) is expected
    parent = O.Node("cn", "八", lines[0][2:], 0)  # and the rule itself, on the unfolded item
    parent.children = [O.Node("num", line[0], line[2:], i, parent=parent) for i, line in enumerate(lines[1:], 1)
                       if line[:1].isdigit()]
    assert O.facet_parent(parent, CTX) is expected


def test_facets_with_lists_of_their_own_stay_sections():
    """b1290 004: "一、“宝鸡老字号”申报" over "(一)认定条件" "(二)申报材料", each listing its own numbered entries:
    a heading that names the application is a section of a guide whose entries are the measures, not one
    support item (lexicon.FACET_SECTION_WORDS)."""
    lines = ["一、“宝鸡老字号”申报", "(一)认定条件", "1.品牌创立时间30年以上;", "2.主营业务连续经营20年以上;",
             "(二)申报材料", "1.创立时间证明材料;", "2.注册商标的权属证明文件;"]
    outline = tree(*lines)
    assert [n.head[:4] for n in outline.nodes if not n.children] == ["品牌创立", "主营业务", "创立时间", "注册商标"]
    assert O.facet_parent(outline.roots[0], CTX) is False


def test_count_item_follows():
    """b190 007: "2.50个小区新增…" after item 1 is item 2 ("50个小区…"); with no item 1 open it is a figure."""
    from measures.parsing.context import ParseContext
    lines = ["1.既有多层住宅加装电梯新增400台。", "2.50个小区新增电动自行车充电设施。", "3.开设40个小学生爱心暑托班办班点。"]
    found = [(n.label, n.text[:6]) for n in O.build_outline(lines, ParseContext()).nodes]
    assert found == [("1", "既有多层住宅"), ("2", "50个小区新"), ("3", "开设40个小")]
    assert O.match_numbering("2.50个小区新增") == ("numfig", "2", "50个小区新增")
    assert O.count_item_follows("2", []) is False
    alone = O.build_outline(["为推进工作,现通知如下:", "2.50个小区新增电动自行车充电设施。"], ParseContext())
    assert not alone.nodes



@pytest.mark.parametrize("line, expected", [
    ("——推进教育高质量发展", "推进教育高质量发展"),          # b188 005
    ("  ——加快建设健康武汉", "加快建设健康武汉"),
    ("——到2025年，全市专利授权量达到1万件。", None),        # a sentence in a goals list heads nothing
    ("—— 完善制度", "完善制度"), ("推进教育高质量发展", None),
])
def test_dash_caption(line, expected):
    assert O.dash_caption(line) == expected


def test_dash_captions_head_the_items_after_them():
    """b188 005: a work report's division, "——推进教育高质量发展" over 204. 205., "——加快建设健康武汉" over 209."""
    from measures.parsing import parse_document
    text = ("武汉市2023年《政府工作报告》目标任务责任分解方案\n——推进教育高质量发展\n204.推进学前教育优质普惠发展。(责任单位:市教育局)\n"
            "205.推进普通高中优质多样化发展。(责任单位:市教育局)\n——加快建设健康武汉\n209.认真落实新阶段疫情防控措施。(责任单位:市卫健委)\n")
    found = [(m["label"], m["path"]) for m in parse_document(text, source="t.txt")["measures"]]
    assert found == [("204", ["推进教育高质量发展"]), ("205", ["推进教育高质量发展"]), ("209", ["加快建设健康武汉"])]


@pytest.mark.parametrize("lines, cut", [
    # b317 013: a development plan's field, its goals, then its measures
    (["(二)儿童与教育。 主要目标:", "1.基本普及学前教育。", "2.九年义务教育巩固率达到95%。 策略措施:",
      "1.落实教育优先发展战略。", "2.依法保障儿童受教育的权利。"], ["1.基本普及学前教育。", "2.九年义务教育巩固率达到95%。 策略措施:"]),
    (["(一)加强保护。", "1.开展专项行动。", "2.加强执法。"], []),  # no label: nothing cut
])
def test_goals_label_run(lines, cut):
    t = tree(*lines)
    ids = O.goals_label_run(t, CTX)
    assert [n.token + n.head for n in t.nodes if id(n) in ids] == cut


@pytest.mark.parametrize("lines, expected", [
    (["一、征求意见方式", "二、征求意见时间 2025年2月8日至2月20日。"], True),  # b330 008: when, not what
    (["一、工作目标", "二、时间安排 自即日起至2022年3月31日。"], True),  # b346 008
    (["一、工作目标", "二、自即日起至2022年3月31日，在全镇开展专项整治行动。"], False),  # an act with its period
])
def test_period_item(lines, expected):
    assert O.period_item(node(*lines), CTX) is expected


@pytest.mark.parametrize("title, line, expected", [
    ("浙江省实施《中华人民共和国慈善法》办法", "1. 浙江省实施《中华人民共和国慈善法》办法", True),  # b350 008: the title again
    ("浙江省实施《中华人民共和国慈善法》办法", "1.加强组织领导", False),
    # b471 001: the title again with the law database's edition note the title left out
    ("云南省奖励和保护见义勇为人员条例", "1. 云南省奖励和保护见义勇为人员条例(2021修正)", True),
    ("云南省奖励和保护见义勇为人员条例", "1. 云南省奖励和保护见义勇为人员条例实施细则", False),
])
def test_title_item(title, line, expected):
    ctx = ParseContext()
    ctx.document = {"title": title, "notice_title": None}
    assert O.title_item(node(line), ctx) is expected


@pytest.mark.parametrize("line, expected", [
    ("附件:1.餐饮质量安全提升行动工作情况统计表", True), ("备注 附件:1.餐饮质量安全提升行动工作情况统计表", True),  # b381 006
    ("备注:无", False), ("附件下载", False),
])
def test_attachment_list(line, expected):
    assert bool(O.ATTACHMENT_LIST.match(line)) is expected


@pytest.mark.parametrize("lines, label, expected", [
    # prose chapters beside chapters with items: chapters (指导思想, 基本原则)
    (["一、指导思想", "以习近平新时代中国特色社会主义思想为指导。", "二、主要任务", "（一）加强保护。", "三、保障措施",
      "（一）加强领导。"], "一", True),
    # a 通告's four items in prose and one item over a list (b444 008): the prose ones are the items
    (["一、县政府集中行使行政复议职责", "县人民政府集中行使行政复议职责。", "二、按时间节点处理复议案件", "及时转送。",
      "三、规范执法文书", "告知复议途径。", "四、提交行政复议申请的方式", "申请人可以通过以下方式提交:", "（一）现场递交。"],
     "一", False),
    # most siblings in prose, but this one names a scope: a chapter still
    (["一、专项治理范围", "全市所有食用农产品销售市场。", "二、治理时间", "2018年全年。", "三、工作措施",
      "（一）加强检查。"], "一", True),
    # b723 009: the only sibling holding items holds conditions, which are no measures: the prose one is an item
    (["一、推荐评选名额", "县三八红旗集体17个,县三八红旗手23名。", "二、推荐评选条件", "（一）三八红旗集体评选条件",
      "1、单位女性具有爱国主义精神。", "2、团结协作,积极进取。"], "一", False),
])
def test_paragraph_chapter(lines, label, expected):
    t = tree(*lines)
    n = next(x for x in t.roots if x.label == label)
    assert O.paragraph_chapter(n, t.roots, CTX) is expected


@pytest.mark.parametrize("title, expected", [
    ("关于开展2011年“五一”节前安全生产大检查的通知", False),  # b722 001: the notice's own chapters are its items
    ("兰溪市安全生产大检查实施方案", True),  # a plan: the prose chapter beside chapters with items is a chapter
])
def test_paragraph_chapter_in_a_notice(title, expected):
    t = tree("一、检查重点", "（一）危险化学品企业。", "（二）人员密集场所。", "二、检查方式与分工",
             "本次安全生产大检查采用全面检查与重点抽查相结合的方式。", "三、工作要求", "（一）加强领导。")
    ctx = ParseContext()
    ctx.document = {"title": title, "notice_title": None}
    n = next(x for x in t.roots if x.label == "二")
    assert O.paragraph_chapter(n, t.roots, ctx) is expected


@pytest.mark.parametrize("lines, principles", [
    # a 基本原则 list whose heading the page lost (b632 002)
    (["1.坚持服务大局。服务大局是人民法院审判工作的根本使命。", "2.坚持改革创新。改革创新是动力源泉。",
      "3.坚持司法主导。发挥司法保护的主导作用。"], 3),
    (["1.坚持问题导向,开展专项整治。", "2.加强执法。", "3.坚持部门协作。"], 0),  # measures among them
    (["1.坚持服务大局。", "2.坚持改革创新。"], 0),  # two are too few to tell
])
def test_principles_run(lines, principles):
    t = tree(*lines)
    assert len(O.principles_run(t, KCTX)) == principles
    assert len(O.measure_nodes(t, KCTX)) == len(t.nodes) - principles


@pytest.mark.parametrize("head, expected", [
    ("本站仅提供交流平台,并不能对任何下载内容负责。", True),  # b666 005: a sharing site's terms
    ("本文档由用户上传,本站不保证质量和数量令人满意。", True),
    ("未经权益所有人同意不得将文件中的内容挪作商业或盈利用途。", True),
    ("加强政府网站建设,本市各部门网站统一集约。", False),
])
def test_site_terms_item(head, expected):
    assert O.site_terms_item(O.Node("num", "1", head, 0), CTX) is expected


@pytest.mark.parametrize("text, expected", [
    # session 29: the header took "附件:" and the list's first entry (b925 011)
    ("市市场监管委起草了裁量基准,现面向社会公开征求意见。\n2023年11月21日\n附件:\n"
     "4-5.《计量法》《计量法实施细则》行政处罚裁量基准11.doc\n18.《进口计量器具监督管理办法》行政处罚裁量基准3.doc\n"
     "19.《工业产品生产许可证管理条例》行政处罚裁量基准13.doc\n", True),
    ("各区人民政府:\n现将有关事项通知如下:\n一、加强组织领导。各区要高度重视。\n二、强化督查考核。\n", False),
])
def test_attachment_list_open(text, expected):
    from measures.parsing import core
    ctx = core.parse_context(text.encode("utf-8"), source="t.txt")
    assert O.attachment_list_open(ctx) is expected
    if expected:
        assert ctx.measures == []  # the attachments are no measures



@pytest.mark.parametrize("lines, expected", [
    (["一、规划背景人才是衡量一个国家综合国力的重要指标,人才资源是第一资源"], True),   # b16 011 joined
    (["一、规划背景"], False),                                                  # a heading alone: BACKGROUND's
    (["(一)发展基础较好,上年度销售收入不低于5000万元"], False),
])
def test_background_glued(lines, expected):
    assert O.background_glued(node(*lines), CTX) is expected
