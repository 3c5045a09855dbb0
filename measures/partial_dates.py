"""Dates known only to the month (2022年12月).

The parser's spec keeps signed_date null when the text gives only a year and
a month (../shared/spec/parse-format.md). Such a document still has a year
and a month worth keeping: the importer stores them in Document.date_year and
Document.date_month (annotate(), called on the parse before it is loaded), the
pages show 2022年12月, and the year filters and facets count it in 2022.

Only a month-only date that dates the document itself is taken: a line that
is nothing but the date (the signature), or a sentence that names the
document's own title (《湖南省…实施意见》是2022年12月…印发的). A date in a
sentence citing another document (根据2021年9月印发的《纲要》) is not.
"""
from __future__ import annotations

import re

HEAD_CHARS = 2000   # the header: where a page says when the document was issued
TAIL_CHARS = 1500   # the end: where the signature and its date stand

_DIGITS = str.maketrans("０１２３４５６７８９〇", "01234567890")
_MONTH_ONLY = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})\s*年\s*(1[0-2]|0?[1-9])\s*月(?!\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号號])")
_SENTENCE = re.compile(r"[^。!?;！？；\n]+")
_CITING = re.compile(r"根据|根據|按照|贯彻|貫徹|落实|落實|依据|依據")


def _fold(text: str) -> str:
    from measures.search.text import fold_chars

    return re.sub(r"[\s《》〈〉<>“”\"]", "", fold_chars(text or ""))


def month_only_date(text: str, title: str = "") -> tuple[int, int] | None:
    """(year, month) of a document dated only to the month, or None."""
    text = (text or "").translate(_DIGITS)
    title_key = _fold(title)[:40]
    for part in (text[:HEAD_CHARS], text[-TAIL_CHARS:]):
        for line in part.splitlines():
            stripped = re.sub(r"\s+", "", line)
            for m in _MONTH_ONLY.finditer(line):
                year, month = int(m.group(1)), int(m.group(2))
                if stripped == re.sub(r"\s+", "", m.group(0)):
                    return year, month  # a line holding only the date: the signature
                sentence = next((s.group(0) for s in _SENTENCE.finditer(line)
                                 if s.start() <= m.start() < s.end()), line)
                if title_key and len(title_key) >= 6 and title_key in _fold(sentence) \
                        and not _CITING.search(sentence[:sentence.find(m.group(0)) + 1]):
                    return year, month
    return None


def annotate(parsed: dict, text: str) -> dict:
    """Add date_year and date_month to the parse's document when it has no full
    date and the text dates it to the month; returns the parse."""
    d = parsed.get("document")
    if not isinstance(d, dict) or d.get("signed_date") or d.get("published_date"):
        return parsed
    found = month_only_date(text, d.get("title") or "")
    if found:
        d["date_year"], d["date_month"] = found
    return parsed
