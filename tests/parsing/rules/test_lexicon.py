"""The lexicon is data: no list repeats an entry, every entry is Simplified (Traditional text is folded)."""
import pytest

from measures.parsing import lexicon as L
from measures.parsing.text import fold, has_traditional

LISTS = {name: value for name, value in vars(L).items() if name.isupper() and isinstance(value, (tuple, dict))}


def _words(value):
    if isinstance(value, dict):
        return list(value)
    return [w[0] if isinstance(w, tuple) else w for w in value]


def test_there_are_lists():
    assert {"CHROME_PHRASES", "META_LABELS", "NATIONAL_ISSUERS", "UNIT_SUFFIXES", "GENERAL_CHAPTERS",
            "COUNT_VERBS", "TARGET_UNITS"} <= set(LISTS)


@pytest.mark.parametrize("name", sorted(LISTS))
def test_no_duplicates(name):
    words = _words(LISTS[name])
    assert len(words) == len(set(words)), [w for w in set(words) if words.count(w) > 1]
    assert all(isinstance(w, str) and w for w in words)


@pytest.mark.parametrize("name", sorted(LISTS))
def test_entries_are_simplified(name):
    traditional = [w for w in _words(LISTS[name]) if has_traditional(w) or fold(w) != w]
    assert not traditional, traditional


@pytest.mark.parametrize("text, folded", [
    ("一、主要指標", "一、主要指标"),            # not 主要指针 (the Taiwan word for a pointer)
    ("國家檔案局", "国家档案局"),                # not 国家文件局
    ("推進智慧財產權保護", "推进知识产权保护"),  # Taiwan wording is still folded
    ("資訊服務", "信息服务"),
    ("軟體著作權登記", "软件著作权登记"),
    # a mirror's Traditional copy of a mainland document means its words as written (tw2sp made these
    # 运行, 创建, 文档, 进程, 数据, 蚌端口)
    ("現印發給你們,請認真貫徹執行。", "现印发给你们,请认真贯彻执行。"),
    ("建立健全相關文件和程序", "建立健全相关文件和程序"),
    ("統計資料", "统计资料"),
    ("蚌埠市知識產權局", "蚌埠市知识产权局"),
])
def test_fold_keeps_mainland_words(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("words, text, expected", [
    (("草案",), "(草 案)", "草 案"),
    (("草案", "试行草案"), "试 行草案", "试 行草案"),  # longest first
    (("草案",), "草稿", None),
])
def test_spread_alternation(words, text, expected):
    import re

    from measures.parsing import patterns as P
    m = re.search(P.spread_alternation(words), text)
    assert (m.group() if m else None) == expected
