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
