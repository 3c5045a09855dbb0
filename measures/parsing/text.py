"""Decoding raw bytes and cleaning scraped pages into plain lines.

Everything here is a pure function of its input:

* :func:`html_to_text` strips markup when the input is an HTML page;
* :func:`clean_text` removes mirror-site pinyin, normalises spaces and digits;
* :func:`split_lines` yields the non-empty lines without portal chrome;
* :func:`fold` / :func:`fold_same_length` give Simplified forms of Traditional
  text for keyword matching (the original text is never replaced).
"""
from __future__ import annotations

import html
import re
from contextvars import ContextVar
from functools import lru_cache

from .errors import ParseError

MAX_CHARS = 3_000_000  # documents longer than this are truncated (genre never needs more)

# --------------------------------------------------------------------------- HTML

_HTML_SNIFF = re.compile(r"<(?:!doctype|html|body|div|p|table|td|br|span|meta)\b", re.I)
_DROP_BLOCKS = re.compile(
    r"<(script|style|noscript|iframe|svg|select|button|textarea)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_HEAD = re.compile(r"<head\b.*?</head\s*>", re.I | re.S)
_BREAKS = re.compile(
    r"<\s*(?:br|hr)\b[^>]*>|</?\s*(?:p|div|li|ul|ol|tr|table|tbody|thead|h[1-6]|section|article|"
    r"header|footer|nav|dd|dt|dl|blockquote|pre|form|center)\b[^>]*>", re.I)
_CELLS = re.compile(r"</?\s*(?:td|th)\b[^>]*>", re.I)
_TAGS = re.compile(r"<[^>]{0,2000}>")


def looks_like_html(text: str) -> bool:
    head = text[:20000]
    return len(_HTML_SNIFF.findall(head)) >= 3


_TABLE = re.compile(r"<table\b.*?</table\s*>", re.I | re.S)
_ROW = re.compile(r"<tr\b.*?(?:</tr\s*>|(?=<tr\b)|$)", re.I | re.S)
_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)(?:</t[dh]\s*>|(?=<t[dh]\b)|$)", re.I | re.S)
_TASK_HEAD = re.compile(r"任务|措施|工作内容|事项|内容")
_ROLE_HEADS = [("牵头单位", re.compile(r"牵头")), ("配合单位", re.compile(r"配合|协办|参与")),
               ("责任单位", re.compile(r"责任单位|责任部门|负责单位|实施单位|承办单位"))]


def _cell_text(raw: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAGS.sub(" ", raw))).strip()


def _task_table(match: "re.Match[str]") -> str:
    """A task-division table (序号 | 任务 | 牵头单位 | 配合单位 …) as numbered lines with responsibility brackets."""
    rows = [[_cell_text(c) for c in _CELL.findall(r)] for r in _ROW.findall(match.group())]
    out = _task_lines(rows)
    return "\n" + "\n".join(f"<p>{line}</p>" for line in out) + "\n" if out else match.group()


def task_tables_as_items(text: str) -> str:
    """The same for a task table pasted as text, one row per line, cells separated by tabs."""
    if "\t" not in text:
        return text
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        cells = [c.strip() for c in lines[i].split("\t")]
        if len(cells) >= 3 and any(_TASK_HEAD.search(c) for c in cells) \
                and any(rx.search(c) for c in cells for _, rx in _ROLE_HEADS):
            j = i + 1
            rows = [cells]
            while j < len(lines) and ("\t" in lines[j] or re.match(r"^\s*[一二三四五六七八九十]{1,3}、", lines[j])
                                      or not lines[j].strip()):
                rows.append([c.strip() for c in lines[j].split("\t")])
                j += 1
            items = _task_lines(rows)
            if items:
                out += items
                i = j
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _task_lines(rows: list[list[str]]) -> list[str] | None:
    rows = [r for r in rows if any(r)]
    head_i = next((i for i, r in enumerate(rows[:3]) if any(_TASK_HEAD.search(c) for c in r)
                   and any(rx.search(c) for c in r for _, rx in _ROLE_HEADS)), None)
    if head_i is None:
        return None
    head = rows[head_i]
    task_col = next(i for i, c in enumerate(head) if _TASK_HEAD.search(c))
    roles = []
    for label, rx in _ROLE_HEADS:
        col = next((i for i, c in enumerate(head) if rx.search(c) and i != task_col), None)
        if col is not None and all(col != c for _, c in roles):
            roles.append((label, col))
    due_col = next((i for i, c in enumerate(head) if re.search(r"时限|完成时间|时间节点|进度安排", c)), None)
    out = []
    for r in rows[head_i + 1:]:
        if len(r) != len(head) or not re.fullmatch(r"\d{1,3}", r[0] or ""):
            if r and re.fullmatch(r"[一二三四五六七八九十]{1,3}、.{2,40}", r[0] or ""):
                out.append(r[0])  # a section row spanning the table
            continue
        units = "；".join(f"{label}：{r[col]}" for label, col in roles if r[col] and r[col] not in ("/", "—", "-"))
        due = r[due_col] if due_col is not None and due_col < len(r) else ""
        out.append(f"{r[0]}.{r[task_col]}" + (f"（{units}）" if units else "")
                   + (f"（完成时限：{due}）" if due and due not in ("/", "—", "-") else ""))
    return out or None


_DATA_ROW = re.compile(r"<tr\b.*?</tr\s*>", re.I | re.S)
_CELL_BLOCKS = re.compile(r"</?(?:p|div|br|h[1-6])\b[^>]*>|\n", re.I)


def _inline_row(row: re.Match) -> str:
    """A data row's cells on one line; a layout row (a whole page in a <td>) is left alone."""
    r = row.group()
    if len(_TAGS.sub("", r)) > 300 or re.search(r"<table\b", r[3:], re.I):
        return r
    return _CELL_BLOCKS.sub("", r)


def html_to_text(text: str) -> tuple[str, str | None]:
    """Strip markup; return (text, content of <title> or None)."""
    m = _TITLE.search(text)
    page_title = clean_text(html.unescape(_TAGS.sub("", m.group(1)))).strip() if m else None
    if "<table" in text or "<TABLE" in text:
        text = _TABLE.sub(_task_table, text)
        # paragraphs inside a cell (Word exports) stay on the row's line
        text = _DATA_ROW.sub(_inline_row, text)
    text = _DROP_BLOCKS.sub(" ", text)
    text = _HEAD.sub("\n", text)
    text = _BREAKS.sub("\n", text)
    text = _CELLS.sub("\t", text)
    text = _TAGS.sub("", text)
    text = html.unescape(text)
    return text, page_title or None


# --------------------------------------------------------------------------- cleaning

# mirror sites insert pinyin after polyphonic characters: 知識產(chǎn)權
PINYIN = re.compile(
    r"[(（](?<=[\u3400-\u9fff][(（])\s?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[1-5]?\s?[)）]")
_SPACES = re.compile(r"[ \u00a0\u2002\u2003\u2009\u200b\u3000\xa0]+")
# a tab separates table cells (HTML cells arrive as tabs too): kept, one per gap
_TABS = re.compile(r"[ \u00a0\u2002\u2003\u2009\u200b\u3000\xa0]*\t[\s\t]*?(?=\S|\n|$)")
# full-width digits and number signs to ASCII, one character for one (offsets kept)
HALF_WIDTH_NUMERIC = {**{0xFF10 + i: 0x30 + i for i in range(10)}, ord("％"): "%", ord("．"): ".", ord("～"): "~",
                      ord("＞"): ">", ord("＜"): "<", ord("／"): "/"}
_FULLWIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                            **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
                            **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
                            "\ufeff": "", "\u200b": "", "\r": "\n"})


_NEEDS_WIDTH_FIX = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\ufeff\u200b\r]")


_FLAT_LINE = re.compile(r"[^\n]{300,}")
_INDENT = re.compile(r"(?<=\S)\u3000{2,}(?=\S)")


def clean_text(text: str) -> str:
    """Normalise one decoded document: pinyin glosses out, ASCII digits, one kind of space."""
    if _NEEDS_WIDTH_FIX.search(text):
        text = text.translate(_FULLWIDTH)
    if "\u3000\u3000" in text:
        # a page flattened to a few long lines keeps its paragraph indents: they break it again
        text = _FLAT_LINE.sub(lambda m: _INDENT.sub("\n", m.group()), text)
    text = PINYIN.sub("", text)
    if "\t" in text:
        text = _TABS.sub("\t", text)
    text = _SPACES.sub(" ", text)
    return text


CHROME = re.compile(
    r"字体大小|(?<![发文])字号[:：]|【字体|字体[:：]|[【\[]\s*[大中小]\s*[】\]]|扫一扫|我要纠错|关闭窗口|打印本页|【打印】|【关闭】|"
    r"相关词条|热门词条|联络我们|分享到|无障碍|所在的?位置|当前的?位置|浏览次数|访问次数|阅读次数|附件下载|"
    r"返回顶部|上一篇|下一篇|责任编辑|手机扫描|用手机|微信扫|欢迎来到|网站地图|版权所有|主办单位|"
    r"ICP备|网站标识码|政府网站|保存本页|收藏本页|视力保护色|语音播报|繁體|繁体|简体版|English")
_ONLY_PUNCT = re.compile(r"^[\s\W_]*$")
_BULLET = re.compile(r"^[•·●○◆◇■□▪▶►\-–—*]+\s*")


_BREADCRUMB = re.compile(r"^(?:首页|主页|网站首页|返回首页)\s*(?:[>＞»›/|｜]|&gt;)")


def is_chrome(line: str) -> bool:
    """A short line that belongs to the portal frame, not to the document."""
    if len(line) > 80:
        return False
    f = fold_same_length(line)
    if _BREADCRUMB.match(f):
        return True  # "首页 > 政务公开 > 政策文件"
    if not CHROME.search(f):
        return False
    # a metadata line that also carries page tools ("发布日期：2022-11-15 … 字号：大 中 小") is kept
    return not _DATED_META.search(f)


_DATED_META = re.compile(r"(?:日期|时间)\s*[:：]\s*(?:19|20)\d{2}|(?:文号|发文字号|索引号|有效性|效力状态|时效性)\s*[:：]")


# a numbered item starting right after a full stop inside a long line (pages scraped without line breaks)
_INLINE_ITEM = re.compile(
    r"(?:(?<=[。！!？?])\s*|(?<=[\u4e00-\u9fff”》）)]) )(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|"
    r"(?<![\d.])\d{1,2}[.．、](?![\d.])|第[一二三四五六七八九十百]{1,4}[条條章])\s*[\u4e00-\u9fff“《])")


# "二、重点任务（一）强化制度保障1.完善…": a bare heading run into the next numbered item
_HEAD_RUN_ON = re.compile(
    r"^\s*((?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^。，,；;：:（()）\d]{2,30}?)\s*"
    r"(?=(?:[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d))\s*[\u4e00-\u9fff“《])")


def _split_heads(line: str) -> list[str]:
    parts = []
    while True:
        m = _HEAD_RUN_ON.match(line)
        if not m:
            break
        parts.append(m.group(1))
        line = line[m.end():]
    return parts + [line]


def _unflatten(line: str) -> list[str]:
    if len(line) < 150:
        return [line]
    cuts = [m.start() for m in _INLINE_ITEM.finditer(line)]
    if len(cuts) < 2:
        return [line]
    parts, prev = [], 0
    for c in cuts:
        parts.append(line[prev:c])
        prev = c
    parts.append(line[prev:])
    return parts


def split_lines(text: str) -> list[str]:
    """Non-empty, stripped lines with bullets, portal chrome and page furniture
    removed, and lines hard-wrapped by a PDF extraction joined again."""
    out = []
    for raw in (part for row in text.split("\n") for piece in _unflatten(row) for part in _split_heads(piece)):
        if PAGE_NUMBER.match(raw.strip()):
            out.append(None)  # a page break: the running header next to it goes too
            continue
        line = _BULLET.sub("", raw.strip()).strip()
        if not line or _ONLY_PUNCT.match(line) or is_chrome(line) or TOC_LINE.search(line):
            continue
        out.append(line)
    return unwrap_lines(_drop_running_heads(out))


# a table of contents: "二、总体要求 ………… 3", and its "目　录" heading
TOC_LINE = re.compile(r"(?:…{2,}|\.{4,}|·{4,}|－{3,}|-{4,}|_{4,})\s*\d{1,3}$|^目\s*录$")

# "— 23 —", "- 3 -", "第 3 页", "3/12", "·3·": a page number on its own line
PAGE_NUMBER = re.compile(r"^(?:[-—–－·•\s]*\d{1,4}[-—–－·•\s]*|第\s*\d{1,4}\s*页(?:\s*[/，,共]\s*共?\s*\d{1,4}\s*页?)?|"
                         r"\d{1,4}\s*/\s*\d{1,4})$")


def _drop_running_heads(lines: list[str | None]) -> list[str]:
    """Page breaks (None) out; a line printed beside several page breaks
    ("云南省人民政府公报 2023年第19期") is a running header or footer."""
    beside: dict[str, int] = {}
    for i, line in enumerate(lines):
        if line is None:
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and lines[j] is not None and len(lines[j]) <= 40:
                    beside[lines[j]] = beside.get(lines[j], 0) + 1
    counts: dict[str, int] = {}
    for line in lines:
        if line is not None and line in beside:
            counts[line] = counts.get(line, 0) + 1
    heads = {line for line, n in beside.items() if n >= 2 and counts[line] >= 2}
    return [line for line in lines if line is not None and line not in heads]


_WRAP_END = re.compile(r"[。！!？?；;：:]$")
# lines that stand alone even after a full-width line: a 文号, a date, a salutation
_NOT_CONTINUATION = re.compile(r"^\S{1,12}[〔\[【(（［﹝]\d{4}[〕\]】)）］﹞]\s*\d{1,4}\s*号$|"
                               r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^[^。，,]{2,60}[：:]$")


def unwrap_lines(lines: list[str]) -> list[str]:
    """Join lines that a PDF extraction cut at a fixed width ("…知" / "识产权…").

    A text counts as hard-wrapped when many lines have (nearly) the same
    length; a line of that full width that does not end a sentence then
    continues on the next line, unless the next line opens a numbered item."""
    from .structure import match_numbering  # structure imports this module

    long = [len(l) for l in lines if len(l) >= 15]
    if len(long) < 8:
        return lines
    width, best = 0, 0
    for w in set(long):
        n = sum(1 for x in long if w - 2 <= x <= w + 1)
        if n > best or (n == best and w > width):
            width, best = w, n
    if best < 8 or best < 0.4 * len(long) or width > 60:
        return lines
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and match_numbering(line) is None and not _NOT_CONTINUATION.search(line):
            out[-1] += line
        else:
            out.append(line)
        last = out[-1]
        joining = len(line) >= width - 2 and not _WRAP_END.search(last)
    return out


# --------------------------------------------------------------------------- script folding

@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc  # imported lazily: the package is optional for pure-Simplified input
    return opencc.OpenCC(config)


@lru_cache(maxsize=1)
def _trad_table() -> tuple[dict[int, str], "re.Pattern[str]"]:
    """Character-level Traditional -> Simplified table (same length) and a regex finding such characters."""
    try:
        conv = _converter("t2s")
    except Exception:  # pragma: no cover - opencc missing
        return {}, re.compile(r"(?!)")
    chars = [chr(i) for i in range(0x3400, 0xA000)] + [chr(i) for i in range(0xF900, 0xFB00)]
    out = conv.convert("\n".join(chars)).split("\n")
    table = {}
    if len(out) == len(chars):
        for a, b in zip(chars, out):
            if a != b and len(b) == 1:
                table[ord(a)] = b
    if not table:
        return {}, re.compile(r"(?!)")
    cls = "".join(sorted(chr(c) for c in table))
    return table, re.compile("[" + re.escape(cls) + "]")


# set by parse_document while it works on a text that holds no Traditional character
SIMPLIFIED_ONLY: ContextVar[bool] = ContextVar("SIMPLIFIED_ONLY", default=False)


def has_traditional(text: str) -> bool:
    """True when ``text`` holds at least one character that Simplified Chinese writes differently."""
    return bool(text) and _trad_table()[1].search(text) is not None


@lru_cache(maxsize=1024)
def _fold_cached(text: str) -> str:
    try:
        return _converter("tw2sp").convert(text)
    except Exception:  # pragma: no cover - opencc missing or broken
        return text


def fold(text: str) -> str:
    """Simplified, mainland-vocabulary form of ``text`` (知識產權/智慧財產權 → 知识产权).

    Lengths may change; use for keyword matching only.  Text without any
    Traditional character is returned unchanged (no OpenCC call).
    """
    if not text or SIMPLIFIED_ONLY.get() or text.isascii() or not has_traditional(text):
        return text
    if len(text) <= 4000:  # themes and IP types fold the same measure text: convert it once
        return _fold_cached(text)
    return _fold_cached.__wrapped__(text)


def fold_same_length(text: str) -> str:
    """Character-level Traditional → Simplified conversion that keeps every offset."""
    if not text or SIMPLIFIED_ONLY.get() or text.isascii():
        return text
    table, rx = _trad_table()
    if rx.search(text) is None:
        return text
    if len(text) <= 4000:
        return _translate_cached(text)
    return text.translate(table)


@lru_cache(maxsize=4096)
def _translate_cached(text: str) -> str:
    return text.translate(_trad_table()[0])


_HAN = re.compile(r"[\u4e00-\u9fff]")


def detect_script(text: str) -> str:
    """'hant' when the text is written in Traditional characters, else 'hans'."""
    head = text[:20000]
    if not has_traditional(head):
        return "hans"
    n = len(head) - len(_HAN.sub("", head))
    if n < 20:
        return "hans"
    changed = len(head) - len(_trad_table()[1].sub("", head))
    return "hant" if changed / n > 0.04 else "hans"


MAX_FILE_BYTES = 20 * 1024 * 1024  # the genre's largest pages are well under 1 MB


def read_source(path) -> bytes:
    """A document file's bytes, refusing (ParseError) a file too large to be
    a policy text without ever holding more than the limit in memory."""
    from pathlib import Path

    with Path(path).open("rb") as fh:
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(f"文件过大 (file too large): more than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return data
