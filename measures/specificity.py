"""How specific a measure is (具体度): five flags and their sum, 0–5.

Pure functions, no database. A measure is more specific the more of these it
states, each worth one point:

- flag_target   有量化目标: a quantified target — a Target row of the measure
  (not one in 元: that is money), or a number with a counting unit in its text
  (建设12个示范区, 达到85%).
- flag_deadline 有完成时限: a year to reach (到2025年, 2024年底前), a target
  year, or a 完成时限 / 年底前 / 年内完成 note.
- flag_unit     明确责任单位: at least one responsible unit is named.
- flag_lead     明确牵头单位: a unit is named as the lead (牵头).
- flag_money    明确资金: an amount of money (给予30万元, 2000元/件) or a
  rate of support (按实际发生费用的50%给予补贴).

Years inside document titles (《纲要(2021—2035年)》) and amounts inside 《》
do not count. The measure's own text is read, not its chapter.
"""
from __future__ import annotations

import re
import unicodedata

FLAGS = [
    ("flag_target", "有量化目标"),
    ("flag_deadline", "有完成时限"),
    ("flag_unit", "明确责任单位"),
    ("flag_lead", "明确牵头单位"),
    ("flag_money", "明确资金"),
]
FLAG_NAMES = [name for name, _ in FLAGS]
SHORT_LABELS = {"flag_target": "目标", "flag_deadline": "时限", "flag_unit": "单位", "flag_lead": "牵头",
                "flag_money": "资金"}
SPECIFIC_AT = 3   # a measure with at least this score counts as "specific" (heat map share)

_NUM = r"(?:\d+(?:\.\d+)?|[零一二两三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九两]百[零一二三四五六七八九十]*|[一二三四五六七八九两]千)"
_COUNT_UNIT = (r"(?:个百分点|个工作日|个|家|件|项|所|名|人次|人|次|场|批|倍|户|条|部|套|座|亩|公里|平方米|%|‰|"
               r"分(?![类别工析级支解配享钟]))")
_TARGET_RE = re.compile(rf"(?<![第\d.零一二两三四五六七八九十百千])({_NUM})\s*(?:万|亿)?\s*(?:余|多|以上)?\s*{_COUNT_UNIT}")
_RANGE_RE = re.compile(rf"(?<![第\d])\d+\s*[~～\-—至]\s*\d+\s*{_COUNT_UNIT}")

_YEAR = r"(?:19|20)\d{2}"
_DEADLINE_RE = re.compile(
    rf"(?:到|至|截至|截止|于|在|力争|争取|计划|确保)?\s*{_YEAR}\s*年(?:底|末|前|以前|内|上半年|下半年|\d{{1,2}}月)?"
    r"|年底前|年内完成|年底完成|完成时限|时间节点|[一二三四五六七八九十\d]+个月内(?:完成|建成|出台)")
_MONEY_RE = re.compile(rf"(?<![第\d])(?:{_NUM}|\d+)\s*(?:万|亿|千)?\s*元")
_RATE_WORDS = r"(?:补贴|补助|资助|奖励|贴息|奖补|补偿|保费|担保费|费用|贷款|利息|扶持|支持)"
_RATE_RE = re.compile(
    rf"{_RATE_WORDS}[^。;;]{{0,30}}?\d+(?:\.\d+)?\s*(?:%|个百分点|成)"
    rf"|\d+(?:\.\d+)?\s*(?:%|个百分点)[^。;;]{{0,16}}?{_RATE_WORDS}")
_BOOK_TITLE = re.compile(r"《[^《》]*》|〔[^〔〕]*〕")


def _plain(text: str) -> str:
    """The text without 《titles》 and 〔brackets〕 (their years and numbers are not the measure's)."""
    return _BOOK_TITLE.sub("《》", unicodedata.normalize("NFKC", text or ""))


def mentions_quantity(text: str) -> bool:
    plain = _RATE_RE.sub("", _plain(text))   # a rate of support is money, not a target
    for m in _TARGET_RE.finditer(plain):
        tail = plain[m.end():m.end() + 1]
        if tail == "元":
            continue
        return True
    return bool(_RANGE_RE.search(plain))


def mentions_deadline(text: str) -> bool:
    return bool(_DEADLINE_RE.search(_plain(text)))


def mentions_money(text: str) -> bool:
    plain = _plain(text)
    return bool(_MONEY_RE.search(plain) or _RATE_RE.search(plain))


def is_money_unit(unit: str | None) -> bool:
    """A target in 元, 万元, 元/件 … is an amount of support, not a target to reach."""
    return "元" in (unit or "")


def compute_flags(text: str, *, n_targets: int = 0, target_years=(), n_units: int = 0,
                  n_lead: int = 0, target_units=()) -> dict[str, bool]:
    """The five flags of a measure from its text, its targets (how many, their
    years, their units: a target in 元 counts as money, not as a target) and its
    unit links (how many, how many lead)."""
    money_targets = sum(1 for u in target_units if is_money_unit(u))
    return {
        "flag_target": (n_targets - money_targets) > 0 or mentions_quantity(text),
        "flag_deadline": any(y for y in target_years) or mentions_deadline(text),
        "flag_unit": n_units > 0,
        "flag_lead": n_lead > 0,
        "flag_money": money_targets > 0 or mentions_money(text),
    }


def score(flags: dict) -> int:
    return sum(1 for name in FLAG_NAMES if flags.get(name))


def merge_flags(current: dict, computed: dict, previous: dict | None) -> dict:
    """Three-way merge: a flag whose current value still equals what was computed
    last time (or that was never computed) takes the new computation; a flag an
    editor changed keeps the editor's value."""
    previous = previous or {}
    return {name: (computed[name] if name not in previous or current.get(name) == previous[name]
                   else current.get(name, computed[name]))
            for name in FLAG_NAMES}
