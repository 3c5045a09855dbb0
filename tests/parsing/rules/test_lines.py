"""lines stage rules."""
import pytest

from measures.parsing import lines as Li
from measures.parsing.text import parse_cn_number
from measures.parsing.context import ParseContext

CTX = ParseContext()


@pytest.mark.parametrize("row, expected", [
    ("导读:关于进一步加强高新技术企业培育工作的若干措施 一、加强人员配备 各乡镇(街道)必须配足配齐", True),   # b93 008
    ("       导读:为加快平桥区科技创新体系建设,特制定如下奖励办法: 一、发展高新技术产", True),   # b61 011
    ("一、加强人员配备", False), ("各地要认真做好导读:工作", False),
    ("        摘要:奖补政策参照谯政秘〔2018〕30号文件,相关内容如下:一、对流转土地发展中药材", True),  # b30 005
])
def test_digest_line(row, expected):
    assert Li.digest_line(row) is expected


@pytest.mark.parametrize("line, expected", [
    ("— 23 —", True), ("- 3 -", True), ("第 3 页", True), ("第3页/共12页", True), ("3/12", True), ("·3·", True),
    ("23个", False), ("第3条", False), ("一、总体要求", False),
    ("6 页", True), ("共6页", True), ("6页纸", False),  # b213 004: a document-sharing site's page count
])
def test_page_number(line, expected):
    assert Li.page_number(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("二、总体要求 ………… 3", True), ("（一）指导思想........12", True), ("目 录", True), ("目录", True),
    ("二、总体要求", False), ("目录管理办法", False), ("详见附件……", False),
    ("1.1编制目的……………………………………………..…6", True),  # b216 001: a leader of mixed marks
    ("增长…..3", False),  # too short a leader
])
def test_table_of_contents(line, expected):
    assert Li.table_of_contents(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("首页 > 政务公开 > 政策文件", True),
    ("【字体：大 中 小】", True),
    ("打印本页 关闭窗口", True),
    ("您当前的位置：首页", True),
    ("现在位置: 首页 / 2024知识产权宣传周 / 活动方案 / 关于开展2024年知识产权宣传周活动的方案", True),  # b15 002
    ("繁體 | 简体版", True),  # Traditional chrome folds to the Simplified phrase
    ("4、该文档为VIP文档,如果想要下载,成为VIP会员后,下载免费。", True),  # a document-sharing site's terms
    ("5、成为VIP后,下载本文档将扣除1次下载权益。", True),
    (">> 走進嵊州 >> 投資嵊州 >> 投資政策", True),  # a trail without its home link (b30 009)
    (">> 专题专栏 >> 归档专题 >> 2023市政府重点工作(已归档)", True),  # its last step a long page name (b74 002)
    ("1. 首頁 > 新聞資訊 > 行業新聞 >", True),  # a trail rendered as a list item (b33 012)
    (">政务>政策文件>工作要点", True),  # single marks (b103 001)
    ("> 政务公开 > 重点工作落实情况", True),  # b216 005: the trail's rest on a line of its own
    ("> 加强知识产权保护", False), ("A>B", False), (">加强 > 保护和运用知识产权的重点工作及其他各项任务安排", False),
    (">> 加强知识产权保护", False),
    # another site's download notes above the document (b27 012)
    ("1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题,请放心下载。", True),
    ("2. 本文档由用户上传,版权归属用户,汇文网负责整理代发布。如果您对本文档版权有争议请及时联系客服。", True),
    ("网站客服:3074922707", True),
    ("3、本站不支持迅雷下载,请使用电脑自带的IE浏览器。", True),  # b154 009: short download notes too
    ("3、申报材料请登录市知识产权局网站下载,按要求填写。", False),
    ("4、加强网络平台监管,督促平台履行主体责任。", False),
    ("发布日期：2022-11-15 字号：大 中 小", False),  # metadata that carries page tools is kept
    ("沈政发〔2024〕8号", False),
    ("- 广西壮族自治区玉林市宏进农副产...2020-07-15", True),  # a sidebar's dated link, headline cut
    ("· 习近平对“十四五”规划编制工作…2020-08-07", True),
    ("发布时间:2023-12-28 14:34:00", False), ("2023-12-28", False),  # a date alone or labelled is kept
    ("一、加强知识产权保护……2020-07-15", False),  # a numbered item is never a link
    ("加强知识产权保护，" + "建设高水平知识产权保护体系" * 6 + "，版权所有", False),  # long lines never
    # b18 001: a document-sharing site's numbered terms, however long
    ("2、本站所有内容均由合作方或网友上传,本站不对文档的完整性、权威性及其观点立场正确性做任何保证或承诺!文档内容仅供研究参考,"
     "付费前请自行鉴别。", True),
    ("1、本文档共3页,可阅读全部内容。", True),   # b179 005: a preview's page count
    ("2.下载该文档所得收入归上传者、原创者。", True), ("3.下载的文档,不会出现我们的网址水印。", True),  # b627 004
    ("资讯首页 > 农业政策", True),   # b194 013: a news section's trail
    # "无障碍" is a page tool alone, text inside words (b279 003)
    ("首页 | 加入收藏 | 无障碍阅读 | 长者模式", True), ("• 无障碍", True), ("智能問答| 無障礙 | 移動版 | 繁體版", True),
    ("工业和信息化部 中国残疾人联合会关于推进信息无障碍的指导意见", False), ("(三)加快无障碍环境建设。", False),
    # a notice's title that names the frame's words (b556 004/005): "政府网站" in a title, not in a footer
    ("隆阳区人民政府办公室关于2022年第四季度政府网站和政府系统政务新媒体检查情况的通报", False),
    ("主办单位:某市人民政府办公室 政府网站标识码:1234", True),
])
def test_chrome_line(line, expected):
    assert Li.chrome_line(line, CTX) is expected


LONG = "为加强知识产权保护，制定本方案。" * 8


@pytest.mark.parametrize("line, expected", [
    (LONG + "一、总体要求。坚持创新。二、重点任务。加强执法。", [LONG, "一、总体要求。坚持创新。", "二、重点任务。加强执法。"]),
    (LONG + "一、总体要求。", [LONG + "一、总体要求。"]),  # one cut is no flattened page
    ("短行。一、甲。二、乙。", ["短行。一、甲。二、乙。"]),
    (LONG + "共12.5万件。到2025年3.多项", [LONG + "共12.5万件。到2025年3.多项"]),
    # a chapter number whose 、 was lost, a space before its bare heading and its first (一)
    (LONG + "制定本計劃。 一 完善知識產權制度 (一)完善法律法規 1.推動完成修改。 2.推進修改。",
     [LONG + "制定本計劃。", " 一 完善知識產權制度", " (一)完善法律法規", " 1.推動完成修改。", " 2.推進修改。"]),
    (LONG + "其中一 部分企业 (一)", [LONG + "其中一 部分企业 (一)"]),  # no full stop before: no chapter
    # an item's closing unit note ends it: 〔责任单位:…〕, (责任单位:…), (…负责), (…牵头,…配合)
    (LONG + "1.加强立法。〔责任单位:市司法局〕2.加强执法。〔责任单位:市公安局〕",
     [LONG, "1.加强立法。〔责任单位:市司法局〕", "2.加强执法。〔责任单位:市公安局〕"]),
    (LONG + "(五)发展服务业。(责任单位:市科技局)(六)建立评议制度。(责任单位:市发改委)",
     [LONG, "(五)发展服务业。(责任单位:市科技局)", "(六)建立评议制度。(责任单位:市发改委)"]),
    (LONG + "1.降低费率。(市人社局、市财政局负责)2.减免保障金。(市残联负责)",
     [LONG, "1.降低费率。(市人社局、市财政局负责)", "2.减免保障金。(市残联负责)"]),
    (LONG + "1.精简审批。(区政务服务局牵头,区发改局配合)2.提高效率。(区国土分局牵头)",
     [LONG, "1.精简审批。(区政务服务局牵头,区发改局配合)", "2.提高效率。(区国土分局牵头)"]),
    (LONG + "按照规划(2021—2025年)2.加强", [LONG + "按照规划(2021—2025年)2.加强"]),  # a bracket that is no unit note
    # b188 005 joined: a long task list's three-digit numbers after a unit note or a full stop
    (LONG + "205.推进普通高中优质多样化发展。(责任单位:市教育局)206.启动实施“双优计划”。207.支持在汉高校建设。",
     [LONG, "205.推进普通高中优质多样化发展。(责任单位:市教育局)", "206.启动实施“双优计划”。", "207.支持在汉高校建设。"]),
    # b230 001 joined: a table's cell border closes a cell like a full stop
    (LONG + "| 1.建立土壤污染重点监管单位企业名单。 | 县生态环境分局 | 2025年11月底前 || 2.持续开展农药科学施用增效行动。 | 县农业农村局 |",
     [LONG + "|", " 1.建立土壤污染重点监管单位企业名单。 | 县生态环境分局 | 2025年11月底前 ||", " 2.持续开展农药科学施用增效行动。 | 县农业农村局 |"]),
    # b79 001 joined: a contents line's page 13 and item 1 after a word and a space are no item 131
    (LONG + "实现集中集聚集约发展 131、依托资源", [LONG + "实现集中集聚集约发展 131、依托资源"]),
    # b159 003: a Traditional one-line digest, read folded (責任單位); the cut text stays as written
    (LONG + "(三)支持技術改造,(責任單位:市工業和信息化局)(四)強化重點企業支持,(責任單位:各區政府)",
     [LONG, "(三)支持技術改造,(責任單位:市工業和信息化局)", "(四)強化重點企業支持,(責任單位:各區政府)"]),
    # b71 001: (1)(2) sub-items run on after their heading, each with its unit note
    ("1.深化商事制度改革。(1)落实多证合一改革。" + "按照能整合的尽量整合的原则推进。" * 6 + "(市工商质监局牵头负责)(2)完善登记电子化。(市工商质监局牵头负责)",
     ["1.深化商事制度改革。", "(1)落实多证合一改革。" + "按照能整合的尽量整合的原则推进。" * 6 + "(市工商质监局牵头负责)",
      "(2)完善登记电子化。(市工商质监局牵头负责)"]),
    # b116 008: a short line that announces its items runs into the first one
    ("经国务院同意,现就有关事项通知如下:一、延续实施稳岗返还政策。参保企业足额缴纳失业保险费。",
     ["经国务院同意,现就有关事项通知如下:", "一、延续实施稳岗返还政策。参保企业足额缴纳失业保险费。"]),
    ("具体要求如下:1.5倍以上的企业", ["具体要求如下:1.5倍以上的企业"]),  # near miss: a decimal
    # b531 007: a heading sentence and its first (1) item run on; the next items after the unit sentence before them
    ("27.建设知识产权人才队伍。(1)加快知识产权人才培养。实施省“百千万知识产权人才工程”。",
     ["27.建设知识产权人才队伍。", "(1)加快知识产权人才培养。实施省“百千万知识产权人才工程”。"]),
    ("由省教育厅、知识产权局负责落实。(2)建设知识产权人才培养基地。支持有条件的高等院校设立知识产权学科。",
     ["由省教育厅、知识产权局负责落实。", "(2)建设知识产权人才培养基地。支持有条件的高等院校设立知识产权学科。"]),
    # near miss (b203 007): the (1) item opens with a sentence, not a heading
    ("3.发放“标注券”。(1)促进工业企业生产经营数据开发利用,以大模型赋能。", ["3.发放“标注券”。(1)促进工业企业生产经营数据开发利用,以大模型赋能。"]),
])
def test_inline_items(line, expected):
    assert Li.inline_items(line) == expected


@pytest.mark.parametrize("line, expected", [
    # b799 003: a service guide's conditions run together with semicolons
    ("1、请求人是专利权人或者利害关系人;2、有明确的被请求人;3、有明确的请求事项和具体事实、理由;",
     ["1、请求人是专利权人或者利害关系人;", "2、有明确的被请求人;", "3、有明确的请求事项和具体事实、理由;"]),
    ("1.申请表;2.营业执照复印件;3.授权证书。", ["1.申请表;", "2.营业执照复印件;", "3.授权证书。"]),
    # b824 005: a field's label before the run
    ("实施程序 1、举报并提交证明材料;2、工商部门接受举报;3、进行调查了解;", ["实施程序 ", "1、举报并提交证明材料;", "2、工商部门接受举报;", "3、进行调查了解;"]),
    # near misses: two items only, a count that skips, no item 1 first, a table row (b561 012)
    ("1、申请表;2、营业执照复印件。", ["1、申请表;2、营业执照复印件。"]),
    ("1、申请表;3、营业执照复印件;4、授权证书。", ["1、申请表;3、营业执照复印件;4、授权证书。"]),
    ("按规定提交材料;2、营业执照;3、授权证书。", ["按规定提交材料;2、营业执照;3、授权证书。"]),
    ("1、违法行为轻微|2、首次违法;3、及时改正", ["1、违法行为轻微|2、首次违法;3、及时改正"]),
])
def test_semicolon_item_run(line, expected):
    assert len(Li.semicolon_item_run(line)) == len(expected) - 1
    assert Li.inline_items(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("源储量参数,边坡角不得大于估算的边坡角。 二、用作建筑材料的采矿权不得变更矿区范围。 三、用作建筑材料的采矿许可证已纳入",
     ["源储量参数,边坡角不得大于估算的边坡角。", " 二、用作建筑材料的采矿权不得变更矿区范围。", " 三、用作建筑材料的采矿许可证已纳入"]),  # b934 006
    ("落实责任。二、加强领导。", ["落实责任。二、加强领导。"]),  # one item only
    ("落实责任。二、加强领导。四、完善机制。", ["落实责任。二、加强领导。四、完善机制。"]),  # skips
    ("落实责任。二、加强领导。三、完善机制。", ["落实责任。", "二、加强领导。", "三、完善机制。"]),
    ("落实责任。一、加强领导。二、完善机制。", ["落实责任。一、加强领导。二、完善机制。"]),  # the list opens here
])
def test_sentence_item_run(line, expected):
    assert len(Li.sentence_item_run(line)) == len(expected) - 1 if len(expected) > 1 else Li.sentence_item_run(line) == []
    assert Li.inline_items(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("二、重点任务（一）强化制度保障1.完善地方立法。", ["二、重点任务", "（一）强化制度保障", "1.完善地方立法。"]),
    ("（一）强化保护 1.加强执法", ["（一）强化保护", "1.加强执法"]),
    ("二、重点任务，（一）强化", ["二、重点任务，（一）强化"]),  # a comma: not a bare heading
    ("1.加强执法。", ["1.加强执法。"]),
    ("第一章 总则 第一条 为进一步推动品牌强区战略，", ["第一章 总则", "第一条 为进一步推动品牌强区战略，"]),
    ("第一章总则第一条为了有效地处理专利纠纷，", ["第一章总则", "第一条为了有效地处理专利纠纷，"]),
    ("第一章 总则", ["第一章 总则"]),
    ("三、周密部署,统筹安排1.调查摸底阶段", ["三、周密部署,统筹安排", "1.调查摸底阶段"]),
    ("一 完善知識產權制度 (一)完善法律法規", ["一 完善知識產權制度", "(一)完善法律法規"]),  # 、 lost
    ("二、创建步骤(一)20212023年卫生乡镇创建", ["二、创建步骤", "(一)20212023年卫生乡镇创建"]),  # b413 002: a year opens (一)
    ("2、重点工作(1)选准培训对象。高素质农民培训对象为…", ["2、重点工作", "(1)选准培训对象。高素质农民培训对象为…"]),  # b496 001
    ("2、加强(2)完善", ["2、加强(2)完善"]),  # only a first item opens under a run-on heading
    ("2、对获得国家级认定的企业给予(1)万元", ["2、对获得国家级认定的企业给予(1)万元"]),  # too long for a bare heading
])
def test_run_on_headings(line, expected):
    assert Li.run_on_headings(line) == expected


@pytest.mark.parametrize("lines, expected", [
    (["正文一", None, "某省公报 2023年第19期", "正文二", None, "某省公报 2023年第19期", "正文三"],
     ["正文一", "正文二", "正文三"]),
    (["正文一", None, "某省公报", "正文二"], ["正文一", "某省公报", "正文二"]),  # beside one break only
    (["甲", "乙"], ["甲", "乙"]),
])
def test_drop_running_heads(lines, expected):
    assert Li.drop_running_heads(lines) == expected


WRAPPED = ("深入贯彻落实知识产权强国建设纲要" * 20)
W = [WRAPPED[i:i + 30] for i in range(0, 300, 30)]


@pytest.mark.parametrize("lines, expected", [
    (W + ["二、重点任务"], ["".join(W), "二、重点任务"]),
    (W[:9] + ["某政发〔2023〕51号", "2023年9月6日"], ["".join(W[:9]), "某政发〔2023〕51号", "2023年9月6日"]),
    (W[:5], W[:5]),  # too few lines to tell a fixed width
    ([w[:-1] + "。" for w in W], [w[:-1] + "。" for w in W]),  # every line ends a sentence
    # b216 005: a page's 作者/来源/发布时间 line is neither joined nor joined to
    (W[:9] + ["作者:   来源: 莲都区人民政府办公室   发布时间: 2023-04-1", "2023年莲都区政府工作报告重点工作责任分解"],
     ["".join(W[:9]), "作者:   来源: 莲都区人民政府办公室   发布时间: 2023-04-1", "2023年莲都区政府工作报告重点工作责任分解"]),
    (W[:9] + ["來源: 蓮都區人民政府辦公室   發布時間: 2023-04-17 08:50:33", "2023年蓮都區政府工作報告重點工作"],
     ["".join(W[:9]), "來源: 蓮都區人民政府辦公室   發布時間: 2023-04-17 08:50:33", "2023年蓮都區政府工作報告重點工作"]),
    # b298 001: a notice's title as wide as the wrapped lines ends its line
    (["某市科学技术局关于印发《某市重点实验室建设管理办法》的通知"[:30]] + W[:9], ["某市科学技术局关于印发《某市重点实验室建设管理办法》的通知"[:30]] + ["".join(W[:9])]),
])
def test_unwrap_lines(lines, expected):
    assert Li.unwrap_lines(lines) == expected


def test_split_lines_drops_bullets_chrome_and_page_breaks():
    text = "首页 > 政策\n• 一、总体要求\n\n— 2 —\n……\n1.加强执法。"
    assert Li.split_lines(text, CTX) == ["一、总体要求", "1.加强执法。"]


TOC_BODY = "“十四五”时期，是我国全面建成小康社会之后的第一个五年。"


@pytest.mark.parametrize("lines, expected", [
    (["目 录", "第一章 规划背景 5", "一、发展成就 5", "第二章 总体要求 12", "第一章 规划背景", TOC_BODY],
     ["第一章 规划背景", TOC_BODY]),
    (["目@@ 录@@", "第一@@章@@ 总则@@", "第二@@章@@ 市@@场环境@@", "第一@@章@@ 总则@@", "第一@@条@@ 为了…。"],
     ["第一@@章@@ 总则@@", "第一@@条@@ 为了…。"]),
    (["规划", "目 录", "一、发展基础二、面临形势", "五、夯实知识产权保护基础 ……………… | 19 |", "一、健全知识产权公"],
     ["规划"]),  # the excerpt ends inside the table of contents
    (["规划", "第三章 构建新格局 10", "一、助力双城经济圈建设 10", "二、助推区域协调发展 11", TOC_BODY],
     ["规划", TOC_BODY]),  # page numbers without a 目录 heading
    (["总则", "1.1 编制目的", "1.2 编制依据", "组织体系", "2.1 指挥机构", "2.2 办事机构", "1 总则", "1.1 编制目的",
      "建立健全应急机制。"], ["1 总则", "1.1 编制目的", "建立健全应急机制。"]),  # bare headings, repeated where the body begins
    # an entry that lost its number inside the table (b33 011); the excerpt ends in the table
    (["规划", "目录", "第一章 发展现状和面临形势", "“十三五”时期市场监管工作回顾", "二、当前市场监管工作面临的形势",
      "第二章 指导思想与发展目标", "一、指导思想", "第三章 深化商事制度改革,打造更加规范的营商环境", "一、持续深化改革"],
     ["规划"]),
    (["目录", "第一章 总则", "为了加强保护，制定本办法。", "第二章 管理"],
     ["为了加强保护，制定本办法。", "第二章 管理"]),  # a sentence ends the table
    (["目錄", "第一章 總則", "第二章 管理", "第一章 總則", "第一條 為了加強保護"],
     ["第一章 總則", "第一條 為了加強保護"]),  # Traditional 目錄
    # the entries' number dropped before (a wiki's "1 印发通知"): the notice title and its 文号 are text
    (["目录", "印发通知", "成都市人民政府关于印发《成都市知识产权保护办法》的通知", "成府发〔2022〕9号", "各区（市）县政府："],
     ["成都市人民政府关于印发《成都市知识产权保护办法》的通知", "成府发〔2022〕9号", "各区（市）县政府："]),
    # b230 008: a document-sharing site's 提纲 above the text
    (["提纲:", "一、巩固提升农业产业发展", "二、做好良种繁育工作", "一、巩固提升农业产业发展。大力发展农产品加工业。"],
     ["一、巩固提升农业产业发展。大力发展农产品加工业。"]),
    # b258 008: an outline whose first heading comes back after the opening sentence, not right after it
    (["一、奖励的基本内容", "二、奖励对象及标准", "(六)双方均领取奖励金", "三、奖励金的管理和发放", "(一)奖励资金的管理",
      "为认真贯彻落实中央精神，结合我区实际，制定本办法。", "一、奖励的基本内容", "对落实结扎措施的给予奖励。"],
     ["为认真贯彻落实中央精神，结合我区实际，制定本办法。", "一、奖励的基本内容", "对落实结扎措施的给予奖励。"]),
    # near misses
    (["提纲挈领，加强执法。", "一、加强执法"], ["提纲挈领，加强执法。", "一、加强执法"]),
    (["一、总体要求", "（一）指导思想", "二、重点任务", "（一）强化保护", "1.加强执法", "三、保障措施"],
     ["一、总体要求", "（一）指导思想", "二、重点任务", "（一）强化保护", "1.加强执法", "三、保障措施"]),
    (["三、工作安排", "1.到2025年 10", "加强执法。"], ["三、工作安排", "1.到2025年 10", "加强执法。"]),
    (["4\t有效注册商标量（万件）\t8.6\t10", "5\t地理标志证明商标注册量（件）\t3\t5", "6\t质押融资额（亿元）\t26.3\t40"],
     ["4\t有效注册商标量（万件）\t8.6\t10", "5\t地理标志证明商标注册量（件）\t3\t5", "6\t质押融资额（亿元）\t26.3\t40"]),
    (["专利数 12", "商标数 30", "版权数 8"], ["专利数 12", "商标数 30", "版权数 8"]),  # numbers that fall: no pages
])
def test_drop_table_of_contents(lines, expected):
    assert Li.drop_table_of_contents(lines) == expected


def test_inline_items_after_a_colon():
    line = "现将有关事项通知如下:一、提高认识。" + LONG + "二、加强领导。" + LONG
    assert Li.inline_items(line) == ["现将有关事项通知如下:", "一、提高认识。" + LONG, "二、加强领导。" + LONG]
    line = "第四条 给予下列奖励和优惠: (一)项目须新征用地的。" + LONG + "(二)项目不须新征用地的。" + LONG
    assert Li.inline_items(line)[0].startswith("第四条 给予下列奖励和优惠: (一)")  # an article's list stays


@pytest.mark.parametrize("line, expected", [
    ("一、提高认识,明确任务全区各级政府机关带头使用正版软件", "一、提高认识,明确任务"),
    ("二、加强领导,落实责任各单位主要负责同志作为第一责任人", "二、加强领导,落实责任"),
    ("三、周密部署,统筹安排1.调查摸底阶段", "三、周密部署,统筹安排"),
    # near misses
    ("（一）加强领导，落实责任。各单位要…", None),  # a stop after the heading: nothing glued
    ("一、加强保护,严格执法行为规范", None),  # no body opener after the second phrase
    ("一、加强知识产权保护,落实责任各单位", None),  # phrases of different lengths
    ("一、提高認識,明確任務全區各級政府機關帶頭使用正版軟件", "一、提高認識,明確任務"),  # Traditional: 全區 opens the body
    ("三、加强督查,狠抓工作落实 各地要组织本地发改、经信等部门", None),  # the heading runs on to the space (b518 003)
    ("二、明确执法重点,加大查处力度以“护民生”为中心,突出两大主题", "二、明确执法重点,加大查处力度"),  # b208 005 flattened: 以… opens the body
    ("二、下列人員,不應認定為本集體經濟組織成員:", None),  # b262 007: 為 goes on the sentence
])
def test_parallel_heading(line, expected):
    m = Li.parallel_heading(line)
    assert (line[m.start(1):m.end(1)] if m else None) == expected


SCRAMBLED = ("第一章,总则第一条.为了有效保护我国的地理标志产品,规范地理标志产品名称的使用。根据有关规定 制定本办法,"
             "第二条。本办法所称地理标志产品。是指产自特定地域的产品,第三条.地理标志产品应当具备真实性.第四条,本办法适用于"
             "地理标志产品的保护申请等、第五条,国家知识产权局负责全国地理标志产品的管理和保护工作 第六条、地理标志产品保护"
             "遵循申请自愿原则.第七条。获得地理标志产品保护的、应当规范使用")


@pytest.mark.parametrize("line, starts", [
    # a whole 办法 on one line, the site's random punctuation after each 第X条
    (SCRAMBLED, ["第一章,总则", "第一条.", "第二条。", "第三条.", "第四条,", "第五条,", "第六条、", "第七条。"]),
    # cited articles are not starts: 依照第五条, 第二条第九点, 第三条规定
    ("第一条 为规范管理，制定本办法。第二条 根据通知第二条第九点规定，设立专项资金。依照第五条规定执行，第三条 专项资金"
     "遵循公开原则。第四条 专项资金支出的范围和要求" + "，支持重点项目" * 12,
     ["第一条", "第二条", "第三条", "第四条"]),
    ("依照本办法第三条、第四条和第五条的规定处理。" * 8, []),  # only citations
    ("根据通知精神，现暂停执行《办法》" + "第十条专利支持计划、第十一条知识产权领军企业支持计划、第十二条知识产权质量提升支持计划、"
     "第十三条知识产权服务支持计划、第十四条知识产权运营支持计划的资助政策。" * 2, []),
    ("第一条 为规范管理，制定本办法。第二条 专项资金用于…" * 6, []),  # no chain of three
    # b184 006: a digest that kept 第一条 and 第二条 only, each long, each after a clause mark
    ("东海县扶持新型农业经营主体发展暂行办法为深入贯彻落实国家、省、市关于实施乡村振兴战略的决策,第一条凡在我县区域范围内"
     "依法注册合法经营的农业企业、村级集体经济合作组织、农民专业合作社、家庭农场等新型农业经营主体均可享受本办法的扶持政策,"
     "第二条鼓励新型农业经营主体做大做强做优,项目扶持资金分别不低于20万元、10万元、5万元,新评为省、市级示范家庭农场的"
     "项目扶持资金分别不低于5万元、3万元。", ["第一条", "第二条"]),
    ("根据本办法,第一条规定的对象,第二条规定的程序办理。", []),   # short: citations, not a digest
    # b245 010: a page that lost every mark; long articles run together
    ("河北省科技创新券实施细则第一章总则第一条为贯彻落实省委省政府关于深化科技体制改革的实施意见特制定本细则第二条创新券是由政府"
     "向科技型中小企业免费发放的权益凭证主要用于鼓励企业开展研发活动第三条创新券专项资金来源于省财政科技专项资金",
     ["第一章总则", "第一条", "第二条", "第三条"]),
    ("依照本办法第三条第四条和第五条的规定处理" * 3, []),  # no mark anywhere, but cited: no chain
])
def test_article_chain(line, starts):
    cuts = Li.article_chain(line)
    assert [line[c:c + len(s)] for c, s in zip(cuts, starts)] == starts and len(cuts) == len(starts)


PAGE1 = "1、辽宁省2023年实施专利开放许可(试点)工作指南为支持省内高等院校开展专利开放许可工作,特制定本工作指南。" + \
    "一、申报主体省内高等院校、科研院所和国有企业。" * 5 + "(一)征集项目各市局征集有市场化前"
PAGE2 = "2、景、实用性较强的专利技术。专利权人需提交以下材料:1 .信息表;2 .承诺函。" + "(二)线上申报专利权人将上述材料报送至各市局。" * 5


@pytest.mark.parametrize("rows, expected", [
    # a document-sharing preview: page numbers at line starts, page 2 goes on with page 1's word
    (["《指南.docx》由会员分享,可在线阅读。", PAGE1, PAGE2],
     ["《指南.docx》由会员分享,可在线阅读。", PAGE1[2:] + PAGE2[2:]]),
    (["标题", PAGE1, "", PAGE2], ["标题", PAGE1[2:] + PAGE2[2:]]),
    # numbered paragraphs that end their sentences are items, not pages
    (["1、" + "加强知识产权保护。" * 20, "2、" + "加强知识产权运用。" * 20],
     ["1、" + "加强知识产权保护。" * 20, "2、" + "加强知识产权运用。" * 20]),
    (["1、短行", "2、短行"], ["1、短行", "2、短行"]),
    ([PAGE1, "3、" + PAGE2[2:]], [PAGE1, "3、" + PAGE2[2:]]),  # not consecutive
    # b76 004: only the first page's mark, under the site's header
    (["方案(18頁).docx", "上傳人:Le****97", "1、" + PAGE1[2:]], ["方案(18頁).docx", "上傳人:Le****97", PAGE1[2:]]),
    (["某市人民政府", "1、" + PAGE1[2:]], ["某市人民政府", "1、" + PAGE1[2:]]),  # no site header: an item
    # b168 009 / b168 005 (session 10 in view): pages that each end a sentence, under the site's header;
    # a first page's mark run into the title and its first chapter, with no header at all
    (["规则.docx", "1、" + "第一条加强督查。" * 20, "2、" + "第二章督查范围第四条督查。" * 12],
     ["规则.docx", "第一条加强督查。" * 20, "第二章督查范围第四条督查。" * 12]),
    (["1、市直机关培训费管理办法第一章总则第一条为规范培训工作，制定本办法。" + "第二条适用范围。" * 20],
     ["市直机关培训费管理办法第一章总则第一条为规范培训工作，制定本办法。" + "第二条适用范围。" * 20]),
    (["1、完善知识产权管理办法。第一条" + "加强。" * 60], ["1、完善知识产权管理办法。第一条" + "加强。" * 60]),  # a sentence, no title
])
def test_preview_page_marks(rows, expected):
    assert Li.preview_page_marks(rows) == expected


PAGE_TEXT = "加强知识产权保护工作" * 16


@pytest.mark.parametrize("rows, marked, expected", [
    (["1、" + PAGE_TEXT, "2、" + PAGE_TEXT, "3、发明专利拥有量20022件,列全省第"], [0, 1], [2]),  # b210 002: the cut page
    (["1、" + PAGE_TEXT, "2、" + PAGE_TEXT, "", "3、发明专利拥有量"], [0, 1], [3]),
    (["1、" + PAGE_TEXT, "2、" + PAGE_TEXT, "4、发明专利拥有量"], [0, 1], []),  # not the next number
    (["18、" + PAGE_TEXT, "19、" + PAGE_TEXT, "五、加强组织领导", "20、建立工作机制"], [0, 1], []),  # b44 003: items, not pages
    (["1、" + PAGE_TEXT, "2、" + PAGE_TEXT, "3、" + PAGE_TEXT, "结束语"], [0, 1, 2], []),  # the last line is no page
    (["1、" + PAGE_TEXT, "2、短"], [0], []),  # one page is no run
])
def test_last_preview_page(rows, marked, expected):
    assert Li.last_preview_page(rows, marked) == expected


@pytest.mark.parametrize("rows, expected", [
    (["01", "", "总体要求", "", "(一)工作思路。"], ["01 总体要求", "", "", "", "(一)工作思路。"]),
    (["02", "重点任务"], ["02 重点任务", ""]),
    (["3", "总体要求"], ["3", "总体要求"]),  # a page number, not a padded chapter number
    (["01", "为深入贯彻落实纲要，制定本方案。"], ["01", "为深入贯彻落实纲要，制定本方案。"]),  # no bare heading
])
def test_section_numbers_alone(rows, expected):
    assert Li.section_numbers_alone(rows) == expected


@pytest.mark.parametrize("rows, expected", [
    # b53 003 (国办 正版软件 notice): each chapter number on a line of its own
    (["一、", "进一步提高认识。各级政府机关带头使用正版软件。", "二、", "开展专项检查工作。"],
     ["一、进一步提高认识。各级政府机关带头使用正版软件。", "", "二、开展专项检查工作。", ""]),
    (["(三)", "", "申请人应当提交材料。"], ["(三)申请人应当提交材料。", "", ""]),
    (["2.", "加强宣传。"], ["2.加强宣传。", ""]),
    (["一、", "(一)加强领导。"], ["一、", "(一)加强领导。"]),  # the next line is numbered itself
    (["一、", "二、"], ["一、", "二、"]),
    (["一、加强领导", "内容"], ["一、加强领导", "内容"]),  # not alone
])
def test_number_alone(rows, expected):
    assert Li.number_alone(rows) == expected


@pytest.mark.parametrize("rows, expected", [
    # b53 005 (厦门 procuratorate): 一 and 二 glued to their headings
    (["前言。", "一统一思想,充分认识知识产权司法保护的重大意义。", "知识产权是企业的核心产权。", "二依法严厉打击侵犯知识产权犯罪活动。"],
     ["前言。", "一、统一思想,充分认识知识产权司法保护的重大意义。", "知识产权是企业的核心产权。", "二、依法严厉打击侵犯知识产权犯罪活动。"]),
    (["一批企业入选。", "正文。"], ["一批企业入选。", "正文。"]),  # a word, and no 二
    (["一要统一思想。", "二要强化责任。"], ["一要统一思想。", "二要强化责任。"]),  # 一要/二要 stay
    (["四川省人民政府", "一统一思想。"], ["四川省人民政府", "一统一思想。"]),  # one line only
    (["一、总体要求", "一统一思想。", "二依法打击。"], ["一、总体要求", "一统一思想。", "二依法打击。"]),  # numbered the usual way
    (["二〇一一年九月", "一统一思想。"], ["二〇一一年九月", "一统一思想。"]),
])
def test_glued_chapter_numbers(rows, expected):
    assert Li.glued_chapter_numbers(rows) == expected


@pytest.mark.parametrize("rows, expected", [
    (["章 總 則", "條 為了…,制定本條例。", "第二條 本條例適用於…", "第二章 管理"],  # b191 001, b157 007
     ["第一章 總 則", "條 為了…,制定本條例。", "第二條 本條例適用於…", "第二章 管理"]),
    (["章 总则", "第二条 本办法适用于…"], ["第一章 总则", "第二条 本办法适用于…"]),
    (["章程附件的技术进口合同按有关规定办理。", "第二条 …"], None),  # a word, not a heading alone
    (["第一章 总则", "章 附则", "第二条 …"], None),  # the first chapter is there
    (["章 總  則", "二章 婚配登記機關", "三條 婚配登記機關是…"], None),  # b409 007: no article keeps its 第
])
def test_lost_first_chapter(rows, expected):
    assert Li.lost_first_chapter(rows) == (expected if expected is not None else rows)


@pytest.mark.parametrize("lines, expected", [
    (["1总则", "1.1编制目的", "为建立健全…"], ["1 总则", "1.1编制目的", "为建立健全…"]),  # b691 003
    (["2组织体系", "2.1 领导机构"], ["2 组织体系", "2.1 领导机构"]),
    (["88墨点", "正文。"], ["88墨点", "正文。"]),             # b633 002: a page's chrome, no section after
    (["1城市绿化管理办法试行", "第一章总则第一条为…"], ["1城市绿化管理办法试行", "第一章总则第一条为…"]),  # b321 004
    (["3月份", "3.1 …"], ["3月份", "3.1 …"]),               # a month, not a chapter
    (["1总则", "1.2编制依据"], ["1总则", "1.2编制依据"]),       # the chapter's first section must follow
])
def test_glued_decimal_chapters(lines, expected):
    assert Li.glued_decimal_chapters(lines) == expected


@pytest.mark.parametrize("rows, expected", [
    (["第五條 縣級以上人民政府文化主管部門負責保護工作。", "村(居)民委員會應當協助當地人民政府做好保護工作。第六條 縣級以上人民政府應當開展宣傳。"],
     ["第五條 縣級以上人民政府文化主管部門負責保護工作。", "村(居)民委員會應當協助當地人民政府做好保護工作。",
      "第六條 縣級以上人民政府應當開展宣傳。"]),
    (["第五条 加强保护。", "依照本办法执行。第九条规定的情形除外。"],
     ["第五条 加强保护。", "依照本办法执行。第九条规定的情形除外。"]),  # not the next article
    (["加强保护。第二条 开展行动。"], ["加强保护。第二条 开展行动。"]),  # no article before it, none after
    # a page that starts mid-办法: its first run-in article counts when the next one follows (b32 008)
    (["依照本办法认定的注册商标。第三条 省工商部门负责认定。", "协助做好保护工作。第四条 认定应当遵循原则。第五条 应当符合下列条件:"],
     ["依照本办法认定的注册商标。", "第三条 省工商部门负责认定。", "协助做好保护工作。", "第四条 认定应当遵循原则。",
      "第五条 应当符合下列条件:"]),
    (["依照本办法执行。第九条 规定的情形除外。", "加强保护。第三条 开展行动。"],
     ["依照本办法执行。第九条 规定的情形除外。", "加强保护。第三条 开展行动。"]),  # 9 then 3: no chain
    # b73 009: a fragment page skips articles, and a chapter heading stands between the stop and the article
    (["有關行政機關的審批,不適用本條例。第四條行政許可的設定應當遵循合法原則。",
      "縣級以上人民政府負責日常管理工作。第二章行政許可的設定第七條本省地方性法規壹般不設定行政許可。"],
     ["有關行政機關的審批,不適用本條例。", "第四條行政許可的設定應當遵循合法原則。", "縣級以上人民政府負責日常管理工作。",
      "第二章行政許可的設定第七條本省地方性法規壹般不設定行政許可。"]),
    # b212 005: a spun copy writes its articles in Arabic digits
    (["第1条 为了鼓励创新,制定本办法。 第2条 市政府设立奖项。 第3条 每年评审1次。"],
     ["第1条 为了鼓励创新,制定本办法。", " 第2条 市政府设立奖项。", " 第3条 每年评审1次。"]),
    # b368 001: a forum copy ends its sentences with a half-width "."
    (["第二十二条 管理机构履行下列职责:", "(七)督促落实本单位安全生产整改措施. 第二十三条 管理机构应当恪尽职守."],
     ["第二十二条 管理机构履行下列职责:", "(七)督促落实本单位安全生产整改措施.", " 第二十三条 管理机构应当恪尽职守."]),
    (["第二条 适用范围。", "见附件1.第三条 另行规定。"], ["第二条 适用范围。", "见附件1.第三条 另行规定。"]),  # "1." is no stop
])
def test_next_article_in_line(rows, expected):
    assert Li.next_article_in_line(rows) == expected


@pytest.mark.parametrize("line, expected", [
    ("一、提高認識,明確任務,二、加強領導,責任到人,三、切實做好指導、檢查、驗收和總結工作,", True),
    ("一、总体要求 二、重点任务 三、保障措施", True),
    # near misses: two headings only; an item with its text; numbers out of order
    ("一、总体要求,二、重点任务,", False),
    ("一、加强领导。各部门要成立机构,二、落实责任,三、加强考核", False),
    ("二、重点任务,三、保障措施,四、附则", False),
])
def test_headings_run(line, expected):
    assert Li.headings_run(line) is expected


ONE_LINE_CALL = ("各有关单位:现将有关事项通知如下:一、支持项目银行业金融机构开展专利质押融资工作,二、申报主体及条件1.申报主体须为"
                 "依法设立的银行业金融机构,3.获贷企业专利权质押登记在2023年之间,三、支持政策按照贷款金额的0.1%给予奖励")


URUMQI_FLAT = ("寄交申请文件是指当事人通过邮寄方式提交到代办处的全部申请文件。" * 20 +
               "当事人提交的申请文件应当包括以下文件:(1)专利权质押登记申请表;(2)专利权质押合同;(3)出质人与质权人的身份证明;")


@pytest.mark.parametrize("line, starts", [
    # a call for applications joined with commas (b33 001): 二、 三、 after commas, 1. after a heading, 3. after a comma
    (ONE_LINE_CALL, ["一、支持项目", "二、申报主体", "1.申报主体", "3.获贷企业", "三、支持政策"]),
    # articles of a fragment page, numbers skipped, a chapter heading before one (b33 005)
    ("第二条本办法适用于评定活动,第四条评定工作以促进效益为宗旨,第二章组织管理第七条为确保评定结果的公正性,第九条评定委的主要职责",
     ["第四条评定", "第二章组织管理第七条", "第九条评定委"]),
    # b101 009: a short label's colon opens the list; near miss (b66 008): a sentence's colon lists what it names
    ("(一)新增产能增购设备投资补助,申报条件:1.列入目录的企业;2.企业纳入省市统一调配的产品需服从调配;", ["1.列入", "2.企业"]),
    ("申报材料要求请按照申报指南要求进行申报,项目申报单位和项目实施主体明确:1.地理标志农产品保护项目申报指南;2.农业品牌精品培育项目申报指南", []),
    ("申报材料要求请按照申报指南要求进行申报,项目实施主体明确,附件:1.地理标志农产品保护项目申报指南2.农业品牌精品培育项目申报指南", []),
    # near misses: a lone "，2.", a cited article, an article's own (一)(二), numbers that fall
    ("加强知识产权保护,2.5亿元用于奖励,严格执法", []),
    ("依照第五条和第六条的规定执行,依照第七条处理", []),
    ("第四条 给予下列奖励和优惠:(一)项目须新征用地的,(二)项目不须新征用地的", []),
    ("一、加强领导,三、完善机制,二、强化保障", []),
    # b122 006: a digest's articles, each headed by its caption in 【】
    ("办法第一条为高质量打造示范区,第三条【企业落户奖】在有效期内新注册的企业,第四条【经营贡献奖】对企业给予奖励,第十条【人才奖】符合条件的企业",
     ["第三条【企业", "第四条【经营", "第十条【人才"]),
    # b123 010: a number written with a space before its dot ("2 .全面落实")
    ("县教育局2024年工作要点1.全面坚持党对教育工作的领导。加快推动党的组织全覆盖。2 .全面落实立德树人根本任务。全面贯彻党的教育方针。",
     ["1.全面", "2 .全面"]),
    # b60 005: the line's own chapter number opens the chain
    ("二、扶持标准(一)对获得奖项的单位给予20万元的一次性支持,三、申报材料(一)中国标准创新贡献奖", ["二、扶持标准", "三、申报材料"]),
    # b203 004: a digest's (二)(三)(四) glued on after the text, three in a row
    ("可给予单个经营主体最高1000万元的一次性支持(二)鼓励关键技术攻关,给予最高1000万元支持(三)支持开发智能终端产品,"
     "给予最高1000万元奖励(四)鼓励应用场景建设,给予最高1000万元支持", ["(二)鼓励", "(三)支持", "(四)鼓励"]),
    # b1161 001: (二)(三)(四) each after a semicolon and one space
    ("二、活动内容 (一)大力宣传、规范专利标记; (二)认真查处假冒他人专利的违法行为; (三)严厉打击专利诈骗; (四)公开审理重大专利侵权案件。",
     ["(二)认真", "(三)严厉", "(四)公开"]),
    ("对企业给予支持(一)加强领导(二)强化保障", []),                 # two only: no chain
    # b523 008: an OCR'd page's "." for 。 before some of the numbers
    ("现制定如下六条意见.一、支持15个大型养殖场建设.对验收达标的大型养殖场,各扶持30万元,二、支持养殖专业村建设.每个专业村各扶持20万元."
     "三、支持5个示范场建设,各扶持40万元.四、县政府每年预算100万元", ["一、支持", "二、支持", "三、支持", "四、县政"]),
    # b1081 005 joined: a Chinese number with a dot ("三.協調司"), as an OCR'd or careless copy writes 、
    ("專利權質押合同登記程序。二.登記申請文件齊備之日為受理日。三.協調司將受理后的申請文件輸入數據庫。四.如需補正,通知當事人限期補正。",
     ["二.登記", "三.協調", "四.如需"]),
    ("收费标准为二.五元每次,三.五元每次", []),  # near miss: 二. follows no clause mark, and a lone ",三." is no chain
    # b98 005 flattened: a number right after a closing bracket
    ("二、应报送的材料及要求1.纸件:推荐函1份(模版附后)2.电子件:申报书(word2007版)3.每个推荐项目建立一个文件夹", ["1.纸件", "2.电子", "3.每个"]),
    # b799 009 flattened: a label's (1)(2)(3) after a full stop, the label cut too
    ("提供预审服务。备案条件:(1)注册地区在苏州;(2)属于新材料产业领域;(3)具有较好的创新基础。所需材料:(1)营业执照", ["备案条件", "(1)注册", "(2)属于", "(3)具有"]),
    ("3.给予资助5万元:(1)省知识产权优势企业;(2)高新技术企业;(3)专利代理机构。", []),  # an item's own list stays in it
    # b823 002 flattened: a list announced by a sentence on a page's one long line, the sentence cut too
    (URUMQI_FLAT, ["当事人提交", "(1)专利", "(2)专利", "(3)出质"]),
    ("3.审核。" + URUMQI_FLAT, []),           # the line is an item: its own list
    (URUMQI_FLAT[-120:], []),                # a paragraph, not a flattened page: its own list
    # b907 008: a catalogue of rules, each dated in brackets: no items
    ("现行有效规章(52件)1.河道采砂收费管理办法(1990年6月20日水利部令第1号)2.黄河下游浮桥建设管理办法(1991年4月1日)3.河道管理办法", []),
])
def test_clause_item_chain(line, starts):
    assert [line[c:c + len(s)] for c, s in zip(Li.clause_item_chain(line), starts)] == starts
    assert len(Li.clause_item_chain(line)) == len(starts)


GANSU_FLAT = ("各市、自治州人民政府,省政府各部门: 现将《甘肃省人民政府质量奖实施办法》印发你们,请认真贯彻执行。 甘肃省人民政府 "
              "2021年12月2日 (此件公开发布) 甘肃省人民政府质量奖实施办法 第一章 总 则 第一条 为进一步规范省政府质量奖管理工作,"
              "促进质量管理创新,制定本实施办法。" + "第二条 省政府质量奖是省政府在质量管理领域授予的最高奖项。" * 9)


@pytest.mark.parametrize("rows, expected", [
    # a notice flattened with spaces: its lines again, up to where the articles begin
    ([GANSU_FLAT], ["各市、自治州人民政府,省政府各部门:", "现将《甘肃省人民政府质量奖实施办法》印发你们,请认真贯彻执行。",
                    "甘肃省人民政府", "2021年12月2日 (此件公开发布)",
                    GANSU_FLAT[GANSU_FLAT.index("甘肃省人民政府质量奖实施办法 第一章"):]]),
    # "中共中央 国务院关于…" and "〔2016〕 66 号" stay whole
    (["中共中央 国务院关于构建数据基础制度的意见 国办函〔2016〕 66 号 各省人民政府: " + "为构建数据基础制度,提出如下意见。" * 20],
     ["中共中央 国务院关于构建数据基础制度的意见", "国办函〔2016〕 66 号", "各省人民政府:",
      "为构建数据基础制度,提出如下意见。" * 20]),
    # a sentence a PDF wrapped with spaces (its pieces hold commas) is no header
    (["为贯彻落实党中央关于加强知识产权强国建设 的决策部署,根据省纲要要求,按照市 规划部署,制定本方案。" * 6],
     ["为贯彻落实党中央关于加强知识产权强国建设 的决策部署,根据省纲要要求,按照市 规划部署,制定本方案。" * 6]),
    (["短行", "二行"], ["短行", "二行"]),  # no long line
])
def test_flat_header(rows, expected):
    assert Li.flat_header(rows) == expected


@pytest.mark.parametrize("rows, expected", [
    # b57 008: the chapter's name a character a line
    (["第一章", "总", "则", "第一条", "为了规范管理,制定本条例。"], ["第一章 总则", "", "", "第一条", "为了规范管理,制定本条例。"]),
    # b60 008: the name on a line of its own after blank lines
    (["第一章", "", "", "總 則", "第一條為樹立質量第一的理念"], ["第一章 總 則", "", "", "", "第一條為樹立質量第一的理念"]),
    (["第一章", "第一条 为了规范管理。"], ["第一章", "第一条 为了规范管理。"]),  # nothing to join
    (["第一章", "加强知识产权保护工作的总体要求"], ["第一章", "加强知识产权保护工作的总体要求"]),  # a long line is text
])
def test_chapter_alone(rows, expected):
    assert Li.chapter_alone(rows) == expected


@pytest.mark.parametrize("line, expected", [
    ("第二章 河南省专利导航产业发展实验区的评定 第五条 申报主体", ["第二章 河南省专利导航产业发展实验区的评定", "第五条 申报主体"]),  # b68 007
    ("第一章 总则 第一条 为了规范管理,制定本办法。", ["第一章 总则", "第一条 为了规范管理,制定本办法。"]),
    ("第二章 依照第五条的规定执行", ["第二章 依照第五条的规定执行"]),  # 第五条 cited in the heading
    ("第三条 加强管理。", ["第三条 加强管理。"]),
    ("天津市气象灾害防御条例全文第一章 总则", ["天津市气象灾害防御条例全文", "第一章 总则"]),   # b201 006: a title, then its chapter
    ("第1章 总则 第1条 为了规范管理,制定本办法。", ["第1章 总则", "第1条 为了规范管理,制定本办法。"]),  # b212 005: Arabic
    ("关于执行本条例第一章的说明", ["关于执行本条例第一章的说明"]),   # the chapter cited
])
def test_chapter_then_article(line, expected):
    assert Li.chapter_then_article(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("2023年8月24日安溪县县域商业建设行动专项资金管理办法第一章总则第一条本办法所称…",  # b338 001
     ["2023年8月24日安溪县县域商业建设行动专项资金管理办法", "第一章总则第一条本办法所称…"]),
    ("國家標準管理辦法( 2022年9月9日國家市場監督管理總局令第59號公布 自2023年3月1日起施行)第一章 總則第一條 為了…",  # b73 004
     ["國家標準管理辦法", "( 2022年9月9日國家市場監督管理總局令第59號公布 自2023年3月1日起施行)", "第一章 總則第一條 為了…"]),
    ("第一章 总则 第一条 为了规范管理", ["第一章 总则 第一条 为了规范管理"]),  # already opening its line
    ("依照本办法第一章第二条的规定", ["依照本办法第一章第二条的规定"]),  # a citation: no 第一条 after the chapter
])
def test_first_chapter_in_line(line, expected):
    assert Li.first_chapter_in_line(line) == expected


@pytest.mark.parametrize("before, expected", [
    ("(一)新增产能投资补助,申报条件:", False),  # a short label opens the list
    ("项目申报单位和项目实施主体明确的项目按照要求提交:", True),  # a sentence's colon lists what it names
    ("实施内容详细,附件:", True),  # attachments
    ("加强知识产权保护,", False),  # no colon
])
def test_colon_list_after_sentence(before, expected):
    assert Li.colon_list_after_sentence(before) is expected


@pytest.mark.parametrize("line, expected", [
    # b182 007: the site's outline of a plan run onto one line above its text
    ("宜昌市知识产权保护与运用“十四五”规划一、规划背景(一)发展现状(二)发展机遇二、总体要求(一)指导思想"
     "(二)基本原则(三)主要目标三、重点任务(一)提高知识产权创造质量四", True),
    ("一、加强领导。二、强化保障。三、严格考核。", False),                  # a page on one line: sentences
    ("一、规划背景二、总体要求", False),                                    # two headings, short
    ("关于开展一、二、三类企业认定工作的通知补充说明材料清单汇总表格", False),   # no 三、 after 二、
])
def test_outline_line(line, expected):
    assert Li.outline_line(line) is expected


OUTLINE = ["一、规划背景", "(一)发展现状", "(二)发展机遇", "二、总体要求", "(一)指导思想", "(二)基本原则",
           "(三)主要目标", "三、重点任务", "(一)提高知识产权创造质量", "(二)增进知识产权运用效益"]


@pytest.mark.parametrize("rows, expected", [
    (["宜昌市规划"] + OUTLINE + ["为贯彻落实…,制定本规划。"], ["宜昌市规划", "为贯彻落实…,制定本规划。"]),   # b182 007
    # short items of a work plan are no outline: no chapter of goals or background among them
    (["1.开展专利执法", "2.开展商标执法", "3.开展版权执法", "4.开展宣传", "5.开展培训", "6.开展调解",
      "7.开展检查", "8.开展评估", "9.开展考核"], None),
    (OUTLINE[:7] + ["为贯彻落实…。"], None),                                # seven headings: too few to tell
])
def test_outline_without_pages_is_a_table_of_contents(rows, expected):
    assert Li.drop_table_of_contents(rows) == (rows if expected is None else expected)
    assert Li.outline_end(rows, 1 if expected else 0) == (len(OUTLINE) + 1 if expected else 0)


@pytest.mark.parametrize("rows, expected", [
    (["为贯彻落实关于知识产权①工作的决策部署,制定本规划。", "①知识产权:是基于创造成果和工商标记依法产生的权利的统称。",
      "一、规划背景"], ["为贯彻落实关于知识产权①工作的决策部署,制定本规划。", "一、规划背景"]),   # b182 007
    (["主要措施:", "①加强执法。", "②强化保护。"], ["主要措施:", "①加强执法。", "②强化保护。"]),   # items
    (["措施包括:①加强执法;②强化保护。", "①加强执法。"], ["措施包括:①加强执法;②强化保护。", "①加强执法。"]),
])
def test_footnotes(rows, expected):
    assert Li.footnotes(rows) == expected


TOC_ROW = ("集成電路產業“十二五”發展規劃目 錄前言1一、“十一五”回顧1(一)產業規模持續擴大2(二)創新能力顯著提升2"
           "二、“十二五”面臨的形勢4(一)戰略性新興產業的崛起5三、指導思想、基本原則和發展目標6(一)指導思想和基本原則6"
           "(二)發展目標8前 言集成電路(IC)產業是國民經濟和社會發展的戰略性產業。")


@pytest.mark.parametrize("row, expected", [
    (TOC_ROW, "集成電路產業“十二五”發展規劃\n前 言集成電路(IC)產業是國民經濟和社會發展的戰略性產業。"),   # b181 004
    ("目录中列明的1、2、3项材料须齐全。", "目录中列明的1、2、3项材料须齐全。"),       # no entries after pages
    ("一、总体要求二、主要任务三、保障措施", "一、总体要求二、主要任务三、保障措施"),   # no 目录
])
def test_without_run_on_toc(row, expected):
    assert Li.without_run_on_toc(row) == expected


DECIMAL_ROW = ("×集团公司知识产权保护管理办法 1 目的 为了明确保护范围,特制订本办法。 2 适用范围 本制度适用于××集团。 "
               "3 术语和定义 3.1 集团:指××有限公司。 3.2 子公司:指下属公司。 4 机构与职责 4.1集团各部门应提出建议。 "
               "4.2所有参与人员均需填写声明。")


GLUED_DECIMAL_ROW = ("2.范围本制度适用本院各部门。3.内容3.1总则3.1.1专利工作的目的:增强医院的综合竞争力。3.1.2专利工作的基本任务是"
                     "贯彻执行专利法。3.2工作机构及其职责3.2.1医院专利管理由科研处具体负责。3.2.2基本职责包括:")


@pytest.mark.parametrize("row, starts", [
    (DECIMAL_ROW, ["1 目的", "2 适用范围", "3 术语和定义", "3.1 集团", "3.2 子公司", "4 机构与职责", "4.1集团", "4.2所有"]),  # b179 010
    ("资金 1 万元以上的,补助 2.5 万元;超过 3 000 户的,补助 4.1 万元。", []),     # amounts, no count of sections
    ("1 目的 为了明确。 3.1 集团:指公司。 7 附则 本办法自印发之日起施行。", []),   # numbers that skip: no chain
    (GLUED_DECIMAL_ROW, ["3.1总则", "3.1.1专利", "3.1.2专利", "3.2工作", "3.2.1医院", "3.2.2基本"]),   # b179 002, joined
    ("目录1总则1.1编制目的1.2编制依据1.3适用范围1.4工作原则2 组织指挥体系", []),   # headings only: a run-on 目录 (b152 009)
    ("全年增长3.1亿元,其中国企3.2亿元,民企3.3亿元,外企3.4亿元。", []),   # amounts before a unit
])
def test_decimal_chain(row, starts):
    cuts = Li.decimal_chain(row)
    assert [row[c:c + len(s)] for c, s in zip(cuts, starts)] == starts and len(cuts) == len(starts)


def test_two_article_digest():
    line = "前言," + "第一条" + "甲" * 45 + "。第二条" + "乙" * 45
    chain = [line.index("第一条"), line.index("第二条")]
    assert Li.two_article_digest(line, chain) is True
    assert Li.two_article_digest(line.replace("前言,", "前言"), [c - 1 for c in chain]) is False   # no clause mark



def _found(line):
    return [(m.start(), m.end(), parse_cn_number(m.group(1))) for m in Li.ARTICLE_TOKEN.finditer(line)]


DIGEST = ("第二条本县行政区域内的殡葬活动及管理适用本办法,第四条县人民政府应将公益性公墓纳入城乡建设规划,"
          "第八条县民政部门会同县自然资源规划等部门编制规划,第十一条公益性公墓的建设应坚持生态原则,")


@pytest.mark.parametrize("line, expected", [
    (DIGEST, 4),                                                   # b212 003: 2, 4, 8, 11 after commas
    (DIGEST[:DIGEST.index("第十一条")], 0),                         # three are too few
    (DIGEST.replace("第八条", "第十八条").replace("第十一条", "第三条"), 0),   # the numbers fall back
    ("依照第二条、第四条、第八条、第十一条的规定执行。", 0),           # a list of cited articles
    # b224 004: three articles, one opened by its chapter heading
    ("规范专项资金管理工作,代为补偿银行等机构开展质押融资时产生的部分风险损失,第二章资金管理第五条风险补偿专项资金工作小组是牵头机构,"
     "第三章扶持对象第十条风险补偿专项资金扶持对象为市内企业,第二十三条合作机构主导负责借款企业贷后管理工作。", 3),
    (DIGEST[:DIGEST.index("第十一条")], 0),                         # three without a chapter: too few
])
def test_skipping_digest(line, expected):
    assert len(Li.skipping_digest(line, _found(line))) == expected


def test_preview_page_marks_before_a_flat_header_splits_the_first_page():
    """b296 009: the first page's "1、" and the site's spaced banner on one long line, the last page cut short;
    the flat header's split must not hide the first page's mark from preview_page_marks (which runs first)."""
    from pathlib import Path

    page = next(Path(__file__).parents[1].glob("data/real/b296_*/009_*.txt")).read_text(encoding="utf-8")
    lines = Li.split_lines(page, CTX)
    assert not any(line.startswith(("1、", "2、", "3、")) for line in lines)
    assert any("行政执法公示实施办法" in line for line in lines)


@pytest.mark.parametrize("line, expected", [
    ("[接上页] (二)预期性发展指标", "(二)预期性发展指标"),  # b281 013
    ("【续上页】第十二条 加强管理。", "第十二条 加强管理。"), ("【接上页】", ""),
    ("[附件] 申报表", "[附件] 申报表"),  # another bracketed label stays
])
def test_continued_mark_off(line, expected):
    assert Li.continued_mark_off(line) == expected


@pytest.mark.parametrize("chain, want, n, following, expected", [
    ([10, 138], 17, 18, [19], True),    # b362 009: 第十七条's number lost, 第十八条 then 第十九条
    ([10, 138], 17, 18, [], False),     # nothing after it to confirm the chain goes on
    ([10], 16, 17, [18], False),        # one article is no chain yet
    ([10, 138], 17, 19, [20], False),   # two numbers lost: a cited article, more likely
])
def test_lost_article_number(chain, want, n, following, expected):
    assert Li.lost_article_number(chain, want, n, following) is expected


@pytest.mark.parametrize("line, expected", [
    ("中評社香港12月9日電/中共中央辦公廳、國務院辦公廳印發了", "中共中央辦公廳、國務院辦公廳印發了"),  # b375 008
    ("新华社北京11月24日电近日,中共中央办公厅印发了", "近日,中共中央办公厅印发了"),
    ("人民網成都8月1日電 據成都市政府網消息", "據成都市政府網消息"),
    ("关于11月24日电力检修的通知", "关于11月24日电力检修的通知"),  # near miss: no agency, 电 opens a word
])
def test_news_dateline_off(line, expected):
    assert Li.news_dateline_off(line) == expected


GLUED_LONG = "…" * 160  # what makes a first line a flattened page's


@pytest.mark.parametrize("rows, expected", [
    (["当前位置:首页>政务>政策文件>工作要点国家知识产权局2013年工作要点2013年是全面深入贯彻落实党的十八大精神的开局之年" + GLUED_LONG],
     ["当前位置:首页>政务>政策文件>工作要点", "国家知识产权局2013年工作要点", "2013年是全面深入贯彻落实党的十八大精神的开局之年" + GLUED_LONG]),
    (["通知公告关于地理标志农产品保护工程实施名单的公示发布时间:2020-07-10 来源:本站" + GLUED_LONG],  # a site's section before it
     ["通知公告", "关于地理标志农产品保护工程实施名单的公示", "发布时间:2020-07-10 来源:本站" + GLUED_LONG]),
    (["0756-2620838咨询热线国家知识产权局关于进一步严厉打击非正常专利申请代理行为的通知各省知识产权局:" + GLUED_LONG],  # chrome run into it
     ["0756-2620838咨询热线", "国家知识产权局关于进一步严厉打击非正常专利申请代理行为的通知", "各省知识产权局:" + GLUED_LONG]),
    (["深圳市關于推動制造業高質量發展的若干措施(征求意見稿)制造業是實體經濟的主體" + GLUED_LONG],  # a qualifier ends it
     ["深圳市關于推動制造業高質量發展的若干措施(征求意見稿)", "制造業是實體經濟的主體" + GLUED_LONG]),
    (["关于2020年度农业生产补助政策的若干意见2021-07-05 15:24 浏览次数: 信息来源:东白湖镇" + GLUED_LONG],  # a date follows
     ["关于2020年度农业生产补助政策的若干意见", "2021-07-05 15:24 浏览次数: 信息来源:东白湖镇" + GLUED_LONG]),
    (["XX 县县直机关差旅费管理办法第一章总则第一条为进一步加强县直机关差旅费管理" + GLUED_LONG],  # a template's placeholder
     ["XX 县县直机关差旅费管理办法", "第一章总则第一条为进一步加强县直机关差旅费管理" + GLUED_LONG]),
    (["对2021年实际种棉农民发放一次性补贴,经测算此次对实际种棉农民一次性补贴标准为214.28元/亩" + GLUED_LONG],  # a clause runs into it
     ["对2021年实际种棉农民发放一次性补贴,经测算此次对实际种棉农民一次性补贴标准为214.28元/亩" + GLUED_LONG]),
    (["根據《江蘇省幼兒園收費管理辦法》(蘇價規〔2017〕9號)文件精神,現擬定我縣收費標準為每月每生480元" + GLUED_LONG],  # a citation
     ["根據《江蘇省幼兒園收費管理辦法》(蘇價規〔2017〕9號)文件精神,現擬定我縣收費標準為每月每生480元" + GLUED_LONG]),
    (["国家知识产权局2013年工作要点", "2013年是全面深入贯彻落实党的十八大精神的开局之年"],  # lines kept: nothing to do
     ["国家知识产权局2013年工作要点", "2013年是全面深入贯彻落实党的十八大精神的开局之年"]),
])
def test_glued_title(rows, expected):
    assert Li.glued_title(rows) == expected


@pytest.mark.parametrize("rows, expected", [
    (["杭州市市场监督管理局关于印发某办法的通知", "发布时间:2023-03-03 11:54:25杭市管〔2023〕13号各区、县(市)市场监管局:现将《某办法》印发给你们"],
     ["杭州市市场监督管理局关于印发某办法的通知", "发布时间:2023-03-03 11:54:25", "杭市管〔2023〕13号", "各区、县(市)市场监管局:现将《某办法》印发给你们"]),
    (["韶關市市場監督管理局關于印發《某辦法》的通告", "來源:點擊:時間:2023-08-01 15:36:47《某辦法》已經局務會議審議通過"],  # Traditional
     ["韶關市市場監督管理局關于印發《某辦法》的通告", "來源:點擊:", "時間:2023-08-01 15:36:47", "《某辦法》已經局務會議審議通過"]),
    (["(一)网上申报时间:2022年7月4日至7月25日,资金来源:区级财政"], ["(一)网上申报时间:2022年7月4日至7月25日,资金来源:区级财政"]),  # the text's
    (["关于2020年度农业生产补助政策的若干意见", "2021-07-05 15:24 浏览次数: 信息来源:东白湖镇各行政村"],  # a bare date after the title
     ["关于2020年度农业生产补助政策的若干意见", "2021-07-05 15:24", "浏览次数: ", "信息来源:东白湖镇各行政村"]),
])
def test_glued_meta(rows, expected):
    assert Li.glued_meta(rows) == expected


@pytest.mark.parametrize("rows, expected", [
    (["各县(市、区)人民政府:现将《宣城市专利申请费用资助办法》印发给你们,请结合实际,认真贯彻落实。宣城市人民政府2013年12月18日"
      "宣城市专利申请费用资助办法第一条 为鼓励发明创造"],
     ["各县(市、区)人民政府:现将《宣城市专利申请费用资助办法》印发给你们,请结合实际,认真贯彻落实。", "宣城市人民政府", "2013年12月18日",
      "宣城市专利申请费用资助办法", "第一条 为鼓励发明创造"]),
    (["…认真贯彻落实。宣城市人民政府2013年12月18日印发了本办法,请遵照执行。"], ["…认真贯彻落实。宣城市人民政府2013年12月18日印发了本办法,请遵照执行。"]),
])
def test_signed_then_title(rows, expected):
    assert Li.signed_then_title(rows) == expected


def test_flat_or_glued_head():
    spaced = ["某市人民政府办公室 某市关于印发某办法的通知 某政办发〔2010〕99号 各县(市、区)人民政府: 现将《某办法》印发给你们。 "
              "某市人民政府办公室 2010年5月1日 某办法 第一条 为了规范管理,制定本办法。" + "第二条 本办法适用于全市。" * 30]
    flat_or_glued = Li.flat_or_glued_head(spaced)  # joined with spaces: flat_header's pieces
    assert flat_or_glued[:2] == ["某市人民政府办公室 某市关于印发某办法的通知", "某政办发〔2010〕99号"]
    glued = ["杭州市市场监督管理局关于印发某办法的通知发布时间:2023-03-03 11:54:25杭市管〔2023〕13号各区、县(市)市场监管局:现将" + GLUED_LONG]
    assert Li.flat_or_glued_head(glued)[:2] == ["杭州市市场监督管理局关于印发某办法的通知", "发布时间:2023-03-03 11:54:25"]


def test_flattened_head():
    page = ["杭州市市场监督管理局关于印发某办法的通知发布时间:2023-03-03 11:54:25杭市管〔2023〕13号各区、县(市)市场监管局:现将" + GLUED_LONG]
    assert Li.flattened_head(page) == ["杭州市市场监督管理局关于印发某办法的通知", "发布时间:2023-03-03 11:54:25", "杭市管〔2023〕13号",
                                        "各区、县(市)市场监管局:现将" + GLUED_LONG]
    assert Li.flattened_head(["某办法", "发布时间:2023-03-03"]) == ["某办法", "发布时间:2023-03-03"]  # a page with its breaks


@pytest.mark.parametrize("rows, expected", [
    (["各位老师:现将福建省知识产权局关于做好第十九届中国专利奖组织推荐工作的通知转发给大家,联系人:王钟慧院科研办2017年4月5日"
      "福建省知识产权局关于做好第十九届中国专利奖组织推荐工作的通知闽知法〔2017〕15号各有关单位:根据国家知识产权局要求" + GLUED_LONG],
     ["各位老师:现将福建省知识产权局关于做好第十九届中国专利奖组织推荐工作的通知转发给大家,联系人:王钟慧院科研办2017年4月5日",
      "福建省知识产权局关于做好第十九届中国专利奖组织推荐工作的通知", "闽知法〔2017〕15号", "各有关单位:根据国家知识产权局要求" + GLUED_LONG]),
    (["为贯彻落实国务院关于进一步促进中小企业发展的若干意见国发〔2009〕36号精神,结合我省实际" + GLUED_LONG],  # a number cited
     ["为贯彻落实国务院关于进一步促进中小企业发展的若干意见国发〔2009〕36号精神,结合我省实际" + GLUED_LONG]),
])
def test_forwarded_glued_title_number(rows, expected):
    assert Li.forwarded_glued_title_number(rows) == expected


@pytest.mark.parametrize("rows, expected", [
    (["福建省财政厅关于进一步落实政府采购促进中小企业发展的实施意见闽财购〔2012〕34号省直各单位,各设区市财政局:为了进一步"],  # b391 001
     ["福建省财政厅关于进一步落实政府采购促进中小企业发展的实施意见", "闽财购〔2012〕34号", "省直各单位,各设区市财政局:为了进一步"]),
    (["根据国务院关于进一步促进中小企业发展的若干意见国发〔2009〕36号精神,结合"],  # a number cited
     ["根据国务院关于进一步促进中小企业发展的若干意见国发〔2009〕36号精神,结合"]),
    (["国务院关于进一步促进中小企业发展的若干意见国发〔2009〕36号精神,结合我省实际。"],  # no addressees after it
     ["国务院关于进一步促进中小企业发展的若干意见国发〔2009〕36号精神,结合我省实际。"]),
    (["某市人民政府办公室 某市关于印发某办法的通知 某政办发〔2010〕99号 各县(市、区)人民政府:"],  # spaces: flat_header's
     ["某市人民政府办公室 某市关于印发某办法的通知 某政办发〔2010〕99号 各县(市、区)人民政府:"]),
])
def test_glued_title_number(rows, expected):
    assert Li.glued_title_number(rows) == expected


@pytest.mark.parametrize("line, following, expected", [
    ("主办单位:省海洋渔业局", "协办单位:沿海三市政府", True),  # b447 009: a task's lead unit
    ("主办单位:达州市人民政府办公室", "网站标识码:5117000005", False),  # a site's footer
    ("主办单位:省海洋渔业局", "", False),
    ("责任单位:市科技局", "配合单位:市财政局", False),  # not the footer's label: never chrome anyway
])
def test_task_host_line(line, following, expected):
    assert Li.task_host_line(line, following, CTX) is expected


@pytest.mark.parametrize("line, expected", [
    (".第二章 经营性停车场的建设和占道停车场的设置、", "第二章 经营性停车场的建设和占道停车场的设置、"),  # b463 011
    ("。第五条 鼓励单位和个人投资建设停车场", "第五条 鼓励单位和个人投资建设停车场"),
    (".5亿元", ".5亿元"),
    ("第二章 总则", "第二章 总则"),
])
def test_stray_mark_before_number(line, expected):
    assert Li.stray_mark_before_number(line) == expected


@pytest.mark.parametrize("rows, expected", [
    (["四、申报时间2022年6月6日五、申报对象", "1、企业;"], ["四、申报时间2022年6月6日", "五、申报对象", "1、企业;"]),  # b832 003
    (["二、活动主题倡导创新文化尊重知识产权三、宣传重点", "(一)学习贯彻…"],
     ["二、活动主题倡导创新文化尊重知识产权", "三、宣传重点", "(一)学习贯彻…"]),     # b692 010, after a heading
    (["六、申报条件", "1、管理机制完善;七、申报材料1、申请表;"], ["六、申报条件", "1、管理机制完善;", "七、申报材料1、申请表;"]),
    (["一、提高认识,明确任务,二、加强领导,三、做好总结,"], ["一、提高认识,明确任务,二、加强领导,三、做好总结,"]),  # a digest (b22 012)
    (["二、统计周期", "经济普查逢三、逢八的年份进行"], ["二、统计周期", "经济普查逢三、逢八的年份进行"]),     # a parallel pair (b41 008)
    (["二、主要任务", "按一、二类标准执行;四、保障措施"], ["二、主要任务", "按一、二类标准执行;四、保障措施"]),  # not the next chapter
    (["正文没有章节;二、后文"], ["正文没有章节;二、后文"]),     # no chapter opened a row yet
    (["…争取更大成绩。一、获中国名牌的企业 奖金:20万元二、获驰名商标的企业"],      # b650 001: the first chapter after a stop
     ["…争取更大成绩。", "一、获中国名牌的企业 奖金:20万元", "二、获驰名商标的企业"]),
    (["按照第一、二项执行;一、二类企业"], ["按照第一、二项执行;一、二类企业"]),   # no chapter: a cited list
])
def test_next_chapter_in_line(rows, expected):
    assert Li.next_chapter_in_line(rows) == expected
