"""lines stage rules."""
import pytest

from measures.parsing import lines as Li
from measures.parsing.context import ParseContext

CTX = ParseContext()


@pytest.mark.parametrize("line, expected", [
    ("— 23 —", True), ("- 3 -", True), ("第 3 页", True), ("第3页/共12页", True), ("3/12", True), ("·3·", True),
    ("23个", False), ("第3条", False), ("一、总体要求", False),
])
def test_page_number(line, expected):
    assert Li.page_number(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("二、总体要求 ………… 3", True), ("（一）指导思想........12", True), ("目 录", True), ("目录", True),
    ("二、总体要求", False), ("目录管理办法", False), ("详见附件……", False),
])
def test_table_of_contents(line, expected):
    assert Li.table_of_contents(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("首页 > 政务公开 > 政策文件", True),
    ("【字体：大 中 小】", True),
    ("打印本页 关闭窗口", True),
    ("您当前的位置：首页", True),
    ("繁體 | 简体版", True),  # Traditional chrome folds to the Simplified phrase
    ("发布日期：2022-11-15 字号：大 中 小", False),  # metadata that carries page tools is kept
    ("沈政发〔2024〕8号", False),
    ("加强知识产权保护，" + "建设高水平知识产权保护体系" * 6 + "，版权所有", False),  # long lines never
])
def test_chrome_line(line, expected):
    assert Li.chrome_line(line, CTX) is expected


LONG = "为加强知识产权保护，制定本方案。" * 8


@pytest.mark.parametrize("line, expected", [
    (LONG + "一、总体要求。坚持创新。二、重点任务。加强执法。", [LONG, "一、总体要求。坚持创新。", "二、重点任务。加强执法。"]),
    (LONG + "一、总体要求。", [LONG + "一、总体要求。"]),  # one cut is no flattened page
    ("短行。一、甲。二、乙。", ["短行。一、甲。二、乙。"]),
    (LONG + "共12.5万件。到2025年3.多项", [LONG + "共12.5万件。到2025年3.多项"]),
])
def test_inline_items(line, expected):
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
    # near misses
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
])
def test_parallel_heading(line, expected):
    m = Li.parallel_heading(line)
    assert (m.group(1) if m else None) == expected
