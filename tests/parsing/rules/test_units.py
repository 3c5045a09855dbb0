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
    ("市市场监管局(知识产权局)", "市市场监管局(知识产权局)"),
    ("各县(市、区)党委和人民政府", "各县(市、区)党委和人民政府"),
    ("〔市司法局等单位〕", "市司法局"),
    (" 市 财政局 ", "市财政局"),
])
def test_clean_unit(raw, expected):
    assert U.clean_unit(raw) == expected


@pytest.mark.parametrize("name, expected", [
    ("市市场监管局(知识产权局)", True), ("县公安局", True), ("市中级人民法院", True), ("镇江海关", True),
    ("市市場監管局", True), ("各街道", True),
    ("加强执法局", False), ("市场", False), ("推进知识产权保护工作的各有关单位和部门共同负责落实的工作小组", False),
    ("开展专项行动。市公安局", False),
])
def test_is_unit_like(name, expected):
    assert U.is_unit_like(name, CTX) is expected


@pytest.mark.parametrize("content, expected", [
    ("牵头单位：市科技局；配合单位：市财政局、市教育局",
     [("市科技局", "lead"), ("市财政局", "support"), ("市教育局", "support")]),
    ("市场监管局牵头，公安局、法院配合", [("市场监管局", "lead"), ("公安局", "support"), ("法院", "support")]),
    ("市公安局（牵头）、市检察院", [("市公安局", "lead"), ("市检察院", None)]),
    ("责任单位：各县(市、区)党委和人民政府,市直有关单位", [("各县(市、区)党委和人民政府", None), ("市直有关单位", None)]),
    ("", []),
])
def test_names_with_roles(content, expected):
    assert U.names_with_roles(content) == expected


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
])
def test_bracket_units(text, expected):
    assert _bracket(text) == expected


@pytest.mark.parametrize("text, names, leads", [
    ("加强协作。(责任单位:市市场监管局、市文旅局 ", ["市市场监管局", "市文旅局"], []),  # unclosed
    ("加强协作。【牵头单位】市科技局【配合单位】市财政局", ["市科技局", "市财政局"], ["市科技局"]),
    ("加强协作。\n责任单位：市科技局、市财政局", ["市科技局", "市财政局"], []),
    ("加强协作。（责任单位：市科技局、市财政局。列第一位者为牵头单位，下同）", ["市科技局", "市财政局"], []),
    ("加強協作。（責任單位：市市場監管局、市公安局）", ["市市場監管局", "市公安局"], []),
    ("加强协作，开展行动。", [], []),
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


def test_strip_units():
    assert U.strip_units("加强协作。（责任单位：市公安局）开展行动（2025年）", CTX) == "加强协作。开展行动（2025年）"
