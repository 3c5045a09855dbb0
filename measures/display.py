"""How the pages show parsed text: always the text as the document writes it.

Search folds text (Traditional → Simplified, 新增 → 添加 by OpenCC's phrase
tables, no spaces); that folded form is for matching only and never shown.
Helpers here shape the written text for display:

- measure_heading: a heading for a measure without a title, cut from its first
  sentence, without the 〔责任单位:…〕 note (never a cut-off one);
- partial_date: a date known only to the year and month (2022年12月);
- unit_place: the place a responsible unit belongs to (沈阳市 · 市场监管局).
"""
from __future__ import annotations

import re

from django.utils.translation import gettext_noop

# Labels translated where they are shown (measures.querysets_diffusion.FLAG_LABELS,
# the specificity flags), marked here for the catalogue.
TRANSLATED_ELSEWHERE = [gettext_noop("有量化目标"), gettext_noop("有完成时限"), gettext_noop("明确责任单位"),
                        gettext_noop("明确牵头单位"), gettext_noop("明确资金")]

HEADING_LENGTH = 40

# A note naming the responsible units, in any bracket, closed or cut off:
# 〔责任单位:市市场监管局〕, (牵头单位:…;配合单位:…), 【责任部门:…
_UNIT_NOTE = re.compile(
    r"[〔(（\[【［]\s*(?:牵头|责任|配合|主责|负责|参与|协办|实施|落实)?(?:单位|部门)\s*[:：]"
    r"[^〔〕()（）\[\]【】［］]*(?:[(（][^()（）]*[)）][^〔〕()（）\[\]【】［］]*)*(?:[〕)）\]】］]|$)")
_SENTENCE_END = re.compile(r"[。!?;！？；]")
_CLAUSE_END = "，,、:："
_OPENERS = "〔(（[【［《“‘「『"
_CLOSERS = {"〔": "〕", "(": ")", "（": "）", "[": "]", "【": "】", "［": "］", "《": "》", "“": "”", "‘": "’",
            "「": "」", "『": "』"}


def strip_unit_notes(text: str) -> str:
    """The text without its 〔责任单位:…〕 notes."""
    return _UNIT_NOTE.sub("", text or "").strip()


def _balanced(text: str) -> bool:
    stack = []
    for ch in text:
        if ch in _CLOSERS:
            stack.append(_CLOSERS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
    return not stack


def measure_heading(title: str | None, text: str | None, limit: int = HEADING_LENGTH) -> str:
    """The measure's title as written; without one, its first sentence (at most
    `limit` characters, cut at a clause boundary and marked with …), never a
    responsible-unit note or a bracket left open."""
    if title and title.strip():
        return title.strip()
    body = strip_unit_notes(text) or (text or "").strip()
    body = re.sub(r"\s+", " ", body)
    match = _SENTENCE_END.search(body)
    sentence = body[:match.start()] if match else body
    sentence = sentence.strip(" ,,、::")
    if len(sentence) <= limit and _balanced(sentence):
        return sentence
    cut = sentence[:limit]
    # prefer ending at the last clause boundary in the second half
    boundary = max(cut.rfind(c) for c in _CLAUSE_END)
    if boundary >= limit // 2:
        cut = cut[:boundary]
    # never leave a bracket or quotation open: cut before it
    while cut and not _balanced(cut):
        opener = max(cut.rfind(c) for c in _CLOSERS)
        cut = cut[:opener].rstrip(" ,,、::")
        if opener <= 0:
            break
    cut = cut.rstrip(" ,,、::")
    return (cut or sentence[:limit]) + "…"


def partial_date(year: int | None, month: int | None = None) -> str:
    """2022年12月, 2022年, or '' (a date known only so far)."""
    from django.utils.translation import gettext as _

    if not year:
        return ""
    if month:
        return _("%(year)s年%(month)s月") % {"year": year, "month": month}
    return _("%(year)s年") % {"year": year}


def unit_place(region_name: str | None, unit_name: str) -> str:
    """沈阳市 · 市场监管局: the unit with its place; the name alone when it has
    no place or already starts with the place's name."""
    if not region_name or unit_name.startswith(region_name):
        return unit_name
    return f"{region_name} · {unit_name}"


# The parser's notes on a document (Document.parse_warnings) are stored as the
# parser writes them, short English sentences (measures/parsing: ctx.warn); they
# are shown in the interface language: each known note has a catalogue entry,
# a note this table does not know is shown as written.
_PARSE_NOTES = [
    (re.compile(r"no title found"), gettext_noop("未识别出标题")),
    (re.compile(r"little Chinese text"), gettext_noop("中文内容很少")),
    (re.compile(r"no numbered measures found"), gettext_noop("未找到编号的措施")),
    (re.compile(r"page starts mid-document"), gettext_noop("页面从文件中间开始")),
    (re.compile(r"text appears truncated"), gettext_noop("原文似乎不完整")),
    (re.compile(r"text cut at (?P<n>[\d,]+) characters"), gettext_noop("原文过长，只读取了前 %(n)s 个字符")),
]


def parse_note(note: str) -> str:
    """A stored parser note in the interface language (the stored value stays as written)."""
    from django.utils.translation import gettext

    text = str(note)
    for pattern, message in _PARSE_NOTES:
        m = pattern.fullmatch(text.strip())
        if m:
            return gettext(message) % m.groupdict() if m.groupdict() else gettext(message)
    return text
