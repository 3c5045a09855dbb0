"""Stage 7, units: the bodies responsible for a measure, with their roles.

Recognised shapes (brackets may be () （） 〔〕 【】 [] and may be left unclosed):

* (责任单位：市市场监管局、市公安局)          -> roles None
* 〔牵头单位：A；配合单位：B、C〕 / 【牵头单位】A   -> lead / support
* (A牵头，B、C配合) / (A（牵头）、B)          -> lead / support
* (市场监管局、公安局按职责分工负责) / (市场监管局负责)
* 〔市市场监管局(知识产权局)、市文旅局等〕     -> an unlabelled list of unit names
* 责任单位：A、B  (unbracketed, to the end of the line)

Matching runs on a Simplified copy with the same offsets; names are cut from
the original, so Traditional text keeps its Traditional names.
"""
from __future__ import annotations

import re

from . import lexicon as L
from . import patterns as P
from . import text as T
from .context import ParseContext, rule

_LONG = tuple(w for w in L.LEAD_LABELS + L.SUPPORT_LABELS if len(w) > 2)
_SHORT = tuple(w for w in L.LEAD_LABELS + L.SUPPORT_LABELS if len(w) <= 2)  # labels only before a colon
_ROLE_LABELS = P.alternation(L.LEAD_LABELS + L.SUPPORT_LABELS)
_ALL_LABELS = P.alternation(L.PLAIN_LABELS + L.LEAD_LABELS + L.SUPPORT_LABELS)
UNIT_LABEL_START = re.compile(rf"^\s*(?:{_ALL_LABELS})\s*[:：]")  # "主办单位:", "协办单位:" opening a line
LABEL = re.compile(rf"(?P<label>{P.alternation(_LONG)}|{P.alternation(L.PLAIN_LABELS)}|"
                   rf"(?:{P.alternation(_SHORT)})(?=\s*[:：]))\s*[:：]?\s*")
# "【责任单位】A、B", "【牵头单位】A【配合单位】B": a label in brackets, the names after it
BRACKET_LABEL = re.compile(rf"【\s*({_ALL_LABELS})\s*】\s*[:：]?\s*")
ROLE_LABEL_START = re.compile(rf"^\s*(?:{_ROLE_LABELS})")
LEAD_LABEL = re.compile(P.alternation(L.LEAD_LABELS))
SUPPORT_LABEL = re.compile(P.alternation(L.SUPPORT_LABELS))
# (after a comma too: "1、学前教育促进,牵头单位:市教体局。其中,…", b1211 007)
UNBRACKETED = re.compile(rf"(?:^|[。；;，,\n\s])((?:{_ALL_LABELS})\s*[:：][^\n]*)")
ORG_SUFFIX = re.compile(rf"(?:{P.alternation(L.UNIT_SUFFIXES)})$")
ACTION_START = re.compile(rf"^(?:{P.alternation(L.ACTION_VERBS)})")
ROLE_TAIL = re.compile(rf"(?:{P.alternation(L.ROLE_TAILS)})+(?:{P.alternation(L.ROLE_TAIL_OBJECTS)})?$")
# "由发展改革委会同农业部、财政部等部门研究提出落实意见": a task assigned in prose
PROSE_DIVISION = re.compile(r"(?:^|[，,。；;：:])\s*由(?P<a>[^，,。；;：:由]{2,60}?)会同(?P<b>[^，,。；;：:]{2,300}?)"
                            r"(?:等(?:有关|相关)?(?:部门|单位))?(?:负责|研究|共同|提出|落实|承担|制定|组织)")
# "由省经贸委负责，省农业厅、环保局配合，加快…": a lead and its supporters assigned in prose
PROSE_ROLES = re.compile(r"(?:^|[。；;])\s*由(?P<a>[^，,。；;：:由]{2,60}?)(?:牵头负责|负责|牵头|承办)[，,]\s*"
                         r"(?P<b>[^，,。；;：:由]{2,300}?)(?:等(?:有关|相关)?(?:部门|单位))?(?:配合|协办|协助|参与)")
# "…促进知识产权培训工作经常化。由省委组织部、省知识产权局、财政厅负责落实。": the item's last sentence gives it (prose_by)
# (names may be parted by commas too: "由市发展改革委,各县市区人民政府,市经济开发区管委会负责落实", b584 002)
PROSE_BY = re.compile(r"(?:^|[。；;\n])\s*由(?P<a>[^。；;：:由]{2,200}?)(?:等(?:有关|相关)?(?:部门|单位))?"
                      r"(?P<verb>牵头负责|负责)(?:落实|实施|组织实施|推进)?[。；;]?\s*$")
# "…改善水环境质量。市生态环境局牵头,市水务局、各乡镇(街道)配合。", "…市生态环境局负责。": the item's last sentence
TRAILING_ROLES = re.compile(r"(?:^|[。；;])\s*(?P<a>[^，,。；;：:由]{2,80}?)(?P<verb>牵头负责|牵头|分别负责|负责)"
                            r"(?:[，,]\s*(?P<b>[^，,。；;：:]{2,200}?)(?:等(?:有关|相关)?(?:部门|单位))?(?:配合|协助|参与))?[。；;]?\s*$")
# "各县区", "各县(市、区)" (its bracket dropped first), "国务院相关部门及各地区"
LOCAL_GROUP = re.compile(rf"(?:^|[及和、])(?:{P.alternation(L.LOCAL_GROUP_HEADS)})(?:{P.alternation(L.LOCAL_GROUP_ENDS)})$")
# "6月底完成", "年内持续推进", "2025年底前": a deadline written among the names, not a unit
DEADLINE_NOTE = re.compile(rf"\d|[{P.CN_DIGITS}]+月|年底|年内|月底|长期|持续|完成|前$")
ROLE_VERB = re.compile(r"负责|牵头|配合")
ROLE_CLAUSE_END = re.compile(rf"(?:{P.PAREN_OPEN}\s*(?:牵头|配合)\s*{P.PAREN_CLOSE}|(?:{P.alternation(L.ROLE_TAILS)})+"
                             rf"(?:{P.alternation(L.ROLE_TAIL_OBJECTS)})?)$")
LEAD_MARK_END = re.compile(rf"{P.PAREN_OPEN}牵头{P.PAREN_CLOSE}$")
SUPPORT_WORD = re.compile(r"配合|参与|协助|参加|协办")
ROLE_MARK_END = re.compile(rf"{P.PAREN_OPEN}\s*(?:牵头|配合)\s*{P.PAREN_CLOSE}$")
ETC_END = re.compile(r"(?:等(?:有关|相关|其他)?(?:单位|部门|机构)|等)$")  # "省工商联等有关部门" (b404 001)
PAREN_GROUP = re.compile(rf"[{re.escape(P.OPEN)}][^{re.escape(P.OPEN + P.CLOSE)}]*[{re.escape(P.CLOSE)}]")
SENTENCE_STOP = re.compile(r"[。；;]")
ONLY_STOPS = re.compile(r"^[\s。；;|｜]*$")  # a table's cell bar may follow
# "…,以下各任务均需各县市人民政府落实,不再一一列出": a note about the items that follow (without_note_sentences)
NOTE_AFTER_COMMA = re.compile(r"[，,；;]\s*以下(?:各|均|所有|任务)")
NUMBER_LEAD = re.compile(rf"^\s*(?:{P.ITEM_NUMBER})\s*")  # "1." before a short item (short_item)
SHORT_ITEM_MAX = 24
BRACKET = re.compile(f"[{re.escape(P.OPEN + P.CLOSE)}]")
OPEN_RX = re.compile(f"[{re.escape(P.OPEN)}]")
CLOSE_RX = re.compile(f"[{re.escape(P.CLOSE)}]")
CLAUSE_SPLIT = re.compile(f"[{re.escape(P.OPEN + P.CLOSE)}，,；;]")
COMMA = re.compile(r"[,，]")
LIST_SPLIT = re.compile(f"[{re.escape(P.OPEN + P.CLOSE)}、]|会同|以及")  # "A会同B负责": two units, no roles; "A以及B" (b478 012)
# a responsibility line that covers the whole chapter before it
CHAPTER_SCOPE = re.compile(r"^(?:以上|上述)(?:各项)?(?:任务|工作|措施|事项)?(?:均)?由")
# "（责任单位：A、B。列第一位者为牵头单位，下同）": the convention, not a unit
# ("第一责任单位为牵头单位", "排在第一个的为牵头单位" too)
FIRST_IS_LEAD = re.compile(r"[。；;，,]?\s*(?:列|排|排名|排在|位列|排序)?(?:第一位|第1位|首位|第一个|第一)(?:者|的|单位|责任单位|部门)?为牵头"
                           r"(?:单位|部门|[^，,。；;)）]{0,2})(?:[，,]?\s*下同)?")


EMPTY_BRACKETS = re.compile(rf"{P.PAREN_OPEN}\s*{P.PAREN_CLOSE}")


def _split_top(content: str, splitter: "re.Pattern[str]") -> list[str]:
    """Split on separators that are not inside brackets."""
    parts, depth, prev = [], 0, 0
    for m in splitter.finditer(content):
        ch = m.group()
        if ch in P.OPEN:
            depth += 1
        elif ch in P.CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(content[prev:m.start()])
            prev = m.end()
    parts.append(content[prev:])
    return parts


def _wrapped(name: str) -> bool:
    """One pair of brackets wraps the whole name."""
    if len(name) < 2 or name[0] not in P.OPEN or name[-1] not in P.CLOSE:
        return False
    depth = 0
    for i, ch in enumerate(name):
        if ch in P.OPEN:
            depth += 1
        elif ch in P.CLOSE:
            depth -= 1
            if depth == 0 and i < len(name) - 1:
                return False
    return True


def _unwrap(name: str) -> str:
    """Drop brackets that do not belong to the name: unbalanced ones at the ends, or a wrapping pair."""
    while True:
        name = name.strip("，,、；;。:： \n")
        opens, closes = len(OPEN_RX.findall(name)), len(CLOSE_RX.findall(name))
        if name and name[0] in P.OPEN and (opens > closes or _wrapped(name)):
            name = name[1:]
        elif name and name[-1] in P.CLOSE and (closes > opens or _wrapped(name)):
            name = name[:-1]
        else:
            return name


@rule(stage="units", example="'（市市场监管局（牵头）' → '市市场监管局'; '以上任务由市公安局等' → '市公安局'")
def clean_unit(name: str) -> str:
    """A unit's name as written, without stray brackets, role marks, 等 or a chapter-scope opener."""
    name = _unwrap(P.WHITESPACE.sub("", name))
    name = ROLE_TAIL.sub("", ROLE_MARK_END.sub("", name))
    name = CHAPTER_SCOPE.sub("", ETC_END.sub("", name))
    return _unwrap(name)


@rule(stage="units", example="'市市场监管局(知识产权局)' → True; '加强执法局' → False; '市场' → False")
def is_unit_like(name: str, ctx: ParseContext | None = None) -> bool:
    """A body's name: 2–30 characters ending as organisations do (局, 委, 法院, 街道 …) or naming the
    governments below as a group (各县区, 各县(市、区), …及各地区), not a sentence and not an action (加强…)."""
    n = PAREN_GROUP.sub("", name)
    n = ctx.fold(n) if ctx else ParseContext().fold(n)
    return 2 <= len(n) <= 30 and bool(ORG_SUFFIX.search(n) or LOCAL_GROUP.search(n)) and not ACTION_START.match(n) \
        and not SENTENCE_STOP.search(n) and not n.endswith(L.PLACE_NOUNS)


def _bracket_groups(text: str) -> list[tuple[int, int, str]]:
    """Top-level bracket groups (start, end, inner text); an unclosed group runs to the end."""
    groups, depth, start = [], 0, None
    for m in BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in P.OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and start is not None:
                groups.append((start, i + 1, text[start + 1:i]))
                start = None
    if depth and start is not None:
        groups.append((start, len(text), text[start + 1:]))
    return groups


@rule(stage="units", example="'市文体广新局按职责分工分别牵头负责' → lead; '市公安局、市委网信办参加' → support")
def role_of_clause(clause: str) -> str | None:
    """The role that the words closing a clause give its names: 牵头 anywhere in the closing role words
    (牵头, 牵头负责, 按职责分工分别牵头负责, （牵头）) leads; 配合, 参与, 协助, 参加 support; None otherwise
    (负责, 按职责分工负责)."""
    m = ROLE_CLAUSE_END.search(clause)
    if not m:
        return None
    return "lead" if "牵头" in m.group() else "support" if SUPPORT_WORD.search(m.group()) else None


@rule(stage="units", example="'牵头单位：市科技局；配合单位：市财政局、市教育局' → lead 市科技局, support the others")
def names_with_roles(content: str) -> list[tuple[str, str | None]]:
    """Names with roles inside a responsibility statement: labelled segments (牵头单位：A；配合单位：B; 责任单位：A；
    配合单位：B gives A the lead as well, where no 牵头 is named),
    role words closing a clause (A牵头，B、C配合), (牵头) after a name; names split on 、 outside brackets."""
    pieces, last_end, last_role = [], 0, None
    for m in LABEL.finditer(content):
        if m.start() > last_end:
            pieces.append((last_role, content[last_end:m.start()]))
        label = m.group("label")
        last_role = "lead" if LEAD_LABEL.match(label) else "support" if SUPPORT_LABEL.match(label) else \
            "duty" if P.WHITESPACE.sub("", label) in L.DUTY_LABELS else None
        last_end = m.end()
    pieces.append((last_role, content[last_end:]))
    roles = {r for r, _ in pieces}
    # "责任单位：A；配合单位：B" (b339 001, b144, b74): beside those who assist, those responsible lead
    duty = "lead" if "support" in roles and "lead" not in roles else None
    pieces = [(duty if r == "duty" else r, seg) for r, seg in pieces]
    out: list[tuple[str, str | None]] = []
    for role, seg in pieces:
        for clause in _split_top(seg, CLAUSE_SPLIT):
            stripped = clause.strip()
            clause_role = role_of_clause(stripped) or role
            for raw in _split_top(clause, LIST_SPLIT):
                name = clean_unit(raw)
                if name:
                    out.append((name, "lead" if LEAD_MARK_END.search(raw.strip()) else clause_role))
    return out


@rule(stage="units", example="'A牵头,有关部门按职责分工负责,6月底前出台相关政策,年内持续推进' → 'A牵头,有关部门按职责分工负责'")
def without_deadline_clauses(inner: str, ctx: ParseContext) -> str:
    """A responsibility bracket without the deadline clauses that close it ("，6月底前出台相关政策",
    "，年内持续推进", "，2025年底前完成"), so that its role words end it again."""
    parts = inner.rstrip("。； ").split("，") if "，" in inner else inner.rstrip("。； ").split(",")
    while len(parts) > 1 and DEADLINE_NOTE.search(ctx.fold(parts[-1])) and not ROLE_VERB.search(ctx.fold(parts[-1])):
        parts.pop()
    sep = "，" if "，" in inner else ","
    return sep.join(parts)


@rule(stage="units", example="'(农业农村部、国家知识产权局、国家林草' (cut) → 农业农村部, 国家知识产权局")
def drop_cut_name(names: list[tuple[str, str | None]], cut: bool, ctx: ParseContext) -> list[tuple[str, str | None]]:
    """In a bracket left open (the excerpt ends inside it), a last name that does not end as a body's name
    was cut mid-word ("国家林草", "知识"): it is dropped; so is any deadline note among the names
    ("6月底完成", "年内持续推进")."""
    names = [(n, r) for n, r in names if is_unit_like(n, ctx) or not DEADLINE_NOTE.search(n)]
    if cut and len(names) > 1 and not is_unit_like(names[-1][0], ctx):
        names = names[:-1]
    return names


def _labelled(inner: str, ctx: ParseContext) -> bool:
    f = ctx.fold(inner)
    return bool(LABEL.match(f.strip()) or ROLE_LABEL_START.match(f))


@rule(stage="units", example="'责任单位：省人力社保厅、各市政府。以下均需各市政府落实，不再列出' → '责任单位：省人力社保厅、各市政府'")
def without_note_sentences(inner: str, ctx: ParseContext) -> str:
    """A labelled responsibility statement without the remarks written after its list: a sentence after
    。 that does not open with a label ("以下均需各市、县政府落实，不再列出") is a note, not names;
    "牵头单位：A。配合单位：B" keeps both sentences. A note after a comma that opens with 以下
    ("…按职责分工负责,以下各任务均需各县市人民政府落实,不再一一列出", b227 002) goes too."""
    m = NOTE_AFTER_COMMA.search(inner)
    if m:
        inner = inner[:m.start()]
    parts = inner.split("。")
    keep = parts[:1]
    for part in parts[1:]:
        if part.strip() and not _labelled(part, ctx):
            break
        keep.append(part)
    return "。".join(keep)


@rule(stage="units", example="'加强协作。(市场监管局牵头，公安局、法院配合)' → [(市场监管局, lead), (公安局, support), (法院, support)]")
def bracket_units(text: str, start: int, end: int, inner: str, ctx: ParseContext) -> list[tuple[str, str | None]] | None:
    """A bracket group naming units: labelled (责任单位：…), ending in a role (…按职责分工负责, …牵头),
    or a bare list of unit names closing the item or a sentence (〔A、B等〕). None: not a unit group."""
    cut = end - start - 1 == len(inner)  # unclosed: the excerpt may end inside a name
    if _labelled(inner, ctx):
        return drop_cut_name(names_with_roles(without_note_sentences(inner, ctx).strip()), cut, ctx)
    inner = without_deadline_clauses(inner, ctx)
    f = ctx.fold(inner)
    if ROLE_TAIL.search(f.strip().rstrip("。")) and ROLE_VERB.search(f):
        names = names_with_roles(inner.strip().rstrip("。"))
        if names and all(is_unit_like(n, ctx) for n, _ in names):
            return names
    before = text[:start].rstrip()[-1:]
    if ONLY_STOPS.match(text[end:].strip()) and (not before or before in "。；;!！\n" or text[start] in "〔【["):
        names = drop_cut_name(names_with_roles(inner.strip()), cut, ctx)
        if names and sum(is_unit_like(n, ctx) for n, _ in names) >= max(1, 0.8 * len(names)) \
                and (len(names) > 1 or start > 0):
            return names
    if ONLY_STOPS.match(text[end:].strip()) and short_item(text[:start]):
        names = drop_cut_name(names_with_roles(inner.strip()), cut, ctx)
        if len(names) > 1 and all(is_unit_like(n, ctx) for n, _ in names):
            return names
    return None


@rule(stage="units", example="'燃气灶具' → True (then '(综合行政执法大队,质量与认证监督管理股,各市监所);'); "
                             "'协调市市场监管局' → False")
def short_item(before: str) -> bool:
    """An item that is only a short name of what it covers ("1.燃气灶具", b208 005): a list of units in
    the bracket closing it is the item's units even with no label and no stop before the bracket (at
    least two names, every one a unit's). An item with a verb of its own is a sentence, and one ending as
    a unit does ("协调市市场监管局") is glossed by its bracket."""
    b = NUMBER_LEAD.sub("", before.strip())
    return 0 < len(b) <= SHORT_ITEM_MAX and not SENTENCE_STOP.search(b) and not ACTION_START.match(b) \
        and not any(v in b for v in L.ACTION_VERBS) and not is_unit_like(b)


@rule(stage="units", example="'由国土资源部会同农业部等部门负责落实。' → 国土资源部, 农业部 (no roles)")
def prose_division(text: str, ctx: ParseContext) -> list[tuple[str, str | None]]:
    """A task assigned in a sentence, "由A(、B)会同C、D(等部门)负责/研究/落实…": every name, no roles
    (会同 is not 牵头); only when each is a body's name. "A要会同B…" (no 由) is an instruction, not this."""
    for m in PROSE_DIVISION.finditer(text):
        names = [clean_unit(n) for part in (m.group("a"), m.group("b")) for n in _split_top(part, LIST_SPLIT)]
        names = [n for n in names if n]
        if names and all(is_unit_like(n, ctx) for n in names):
            return [(n, None) for n in names]
    return []


@rule(stage="units", example="'…改善水质。市生态环境局牵头,市水务局、市住建局配合。' → 市生态环境局 lead, the others support; "
                             "'…建立长效机制。市发改局、市住建局分别负责。' → both, no role")
def trailing_roles(text: str, ctx: ParseContext) -> list[tuple[str, str | None]]:
    """Units named by the item's last sentence without brackets or 由: "A牵头(负责),B、C配合。" (A leads, B and
    C support) or "A(、B)(分别)负责。" (no roles); only when each is a body's name ("企业负责。" is not read)."""
    m = TRAILING_ROLES.search(text.strip())
    if not m:
        return []
    leads = [clean_unit(n) for n in _split_top(m.group("a"), LIST_SPLIT)]
    role = "lead" if "牵头" in m.group("verb") else None
    supports = [clean_unit(n) for n in _split_top(m.group("b"), LIST_SPLIT)] if m.group("b") else []
    names = [(n, role) for n in leads if n] + [(n, "support") for n in supports if n]
    return names if names and all(is_unit_like(n, ctx) for n, _ in names) else []


@rule(stage="units", example="'由省经贸委负责，省农业厅、环保局配合，加快基地建设' → 省经贸委 lead, the others support")
def prose_roles(text: str, ctx: ParseContext) -> list[tuple[str, str | None]]:
    """A task given in a sentence with roles, "由A负责/牵头/承办，B、C(等部门)配合/协助/协办": A leads,
    B and C support; only when each is a body's name ("由企业负责，政府配合" is not read)."""
    for m in PROSE_ROLES.finditer(text):
        leads = [clean_unit(n) for n in _split_top(m.group("a"), LIST_SPLIT)]
        supports = [clean_unit(n) for n in _split_top(m.group("b"), LIST_SPLIT)]
        names = [(n, "lead") for n in leads if n] + [(n, "support") for n in supports if n]
        if names and all(is_unit_like(n, ctx) for n, _ in names):
            return names
    return []


@rule(stage="units", example="'…制度化。由省委组织部、省知识产权局、财政厅负责落实。' → 省委组织部, 省知识产权局, 财政厅 (no roles)")
def prose_by(text: str, ctx: ParseContext) -> list[tuple[str, str | None]]:
    """The item's last sentence naming who carries it out, "由A、B(等部门)负责(落实)。" (b531 007: a provincial
    strategy's task list): every name, leads when they 牵头负责; only when each is a body's name ("由企业负责。"
    is not read)."""
    m = PROSE_BY.search(text.strip())
    if not m:
        return []
    if ROLE_VERB.search(m.group("a")) or SUPPORT_WORD.search(m.group("a")):
        return []  # "由A牵头,B配合,C负责。": roles given clause by clause (prose_roles reads them)
    role = "lead" if "牵头" in m.group("verb") else None
    names = [clean_unit(n) for part in _split_top(m.group("a"), LIST_SPLIT) for n in COMMA.split(part)]
    names = [(n, role) for n in names if n]
    return names if names and all(is_unit_like(n, ctx) for n, _ in names) else []


def _units(text: str, ctx: ParseContext) -> list[dict]:
    if not BRACKET.search(text) and "：" not in text and ":" not in text and "会同" not in text and "由" not in text \
            and "负责" not in text and "牵头" not in text:
        return []  # neither a bracket, a "责任单位：" label, a task given "由A会同B" nor a closing "A负责。"
    if "牵头" in text:
        # "(第一责任单位为牵头单位,下同)" was all (FIRST_IS_LEAD holds "为牵头": no scan without it)
        text = EMPTY_BRACKETS.sub("", FIRST_IS_LEAD.sub("", text) if "为牵头" in text else text)
    if "【" in text:
        text = BRACKET_LABEL.sub(lambda m: ("；" if m.start() else "") + m.group(1) + "：", text)
    found: list[tuple[str, str | None]] = []
    used_spans = []
    for start, end, inner in _bracket_groups(text):
        names = bracket_units(text, start, end, inner, ctx)
        if names is not None:
            found += names
            used_spans.append((start, end))
    # "责任单位：A、B" to the end of the line; labelled lines one under another ("主办单位:A" / "协办单位:B",
    # b447 009) are read as one statement, so that beside those who assist, those responsible lead
    labelled = [without_note_sentences(m.group(1), ctx).rstrip("。") for m in UNBRACKETED.finditer(text)
                if not any(s <= m.start(1) < e for s, e in used_spans)]
    if labelled:
        found += names_with_roles("；".join(labelled))
    if not found and "会同" in text:
        found = prose_division(text, ctx)
    if not found and "由" in text:
        found = prose_roles(text, ctx) or prose_by(text, ctx)
    if not found and ("负责" in text or "牵头" in text):
        found = trailing_roles(text, ctx)
    out, seen = [], {}
    for name, role in found:
        if name not in seen:
            seen[name] = len(out)
            out.append({"name": name, "role": role})
        elif role == "lead":  # named again as a lead in a later bracket of the same item
            out[seen[name]]["role"] = "lead"
    return out


def extract_units(text: str, ctx: ParseContext | None = None) -> list[dict]:
    """Units with roles, in order written: [{"name": ..., "role": "lead"|"support"|None}]."""
    ctx = ctx or ParseContext()
    folded = ctx.fold_same(text)
    if folded == text:
        return _units(text, ctx)
    out, pos = [], 0
    for unit in _units(folded, ctx):
        name = unit["name"]
        i = folded.find(name, pos)
        if i < 0:
            i = folded.find(name)
        if i >= 0:
            pos = i + len(name)
            name = text[i:i + len(name)]
        out.append({"name": name, "role": unit["role"]})
    return out


def strip_units(text: str, ctx: ParseContext) -> str:
    """``text`` without its labelled responsibility brackets (for titles, anchors, targets)."""
    for start, end, inner in reversed(_bracket_groups(text)):
        if _labelled(inner, ctx):
            text = text[:start] + text[end:]
    return text


# --- the units stage: units of each measure, from its text, its chapter and the document ------------

HEADING_ROLE_END = re.compile(r"(?:牵头|负责)(?:的?(?:任务|事项|工作))?$")
HEADING_LEAD_END = re.compile(r"牵头(?:的?(?:任务|事项|工作))?$")
HEADING_SPLIT = re.compile(r"[、，,]")
INLINE_SCOPE = re.compile(rf"{P.PAREN_OPEN}\s*(?:以上|上述)[^。]*$")
SCOPE_OPEN = re.compile(r"^[(（〔【\s]+")
ROLE_WORDS = re.compile(P.alternation(L.ROLE_WORDS))


BRACKET_BY = re.compile(r"^([（(])由")
ROLE_LABELS = tuple(L.LEAD_LABELS + L.SUPPORT_LABELS + L.PLAIN_LABELS)
HEADING_UNIT_BRACKET = re.compile(r"[（(][^()（）]{2,120}[)）]\s*$")  # "…(区科技局牵头)" closing a heading


@rule(stage="units", example="chapter '一、县市场监管局牵头的任务' → [{'name': '县市场监管局', 'role': 'lead'}]")
def units_from_headings(node, ctx: ParseContext) -> list[dict]:
    """A chapter headed by units ("一、市市场监管局", "（一）市公安局牵头") gives its items those units;
    the first leads when the heading says 牵头. So does a chapter whose heading ends with its units in
    brackets ("一、强化科技创新(区科技局牵头)", "(由市科技局牵头)"), also after its full stop and however many
    ("1.健全公示制度。(县司法局、县委编办…牵头,各乡镇人民政府…落实)", b296 009)."""
    for anc in reversed(node.ancestors()):
        heading = anc.heading.strip()
        parts = [p for p in HEADING_SPLIT.split(HEADING_ROLE_END.sub("", heading)) if p]
        # "三、优待内容及责任单位" (b509 012): a column's label that names what follows, no unit
        if parts and all(is_unit_like(p, ctx) for p in parts) and not any(p.endswith(ROLE_LABELS) for p in parts):
            lead = bool(HEADING_LEAD_END.search(heading))
            return [{"name": p, "role": "lead" if lead and i == 0 else None} for i, p in enumerate(parts)]
        bracket = HEADING_UNIT_BRACKET.search(heading) or HEADING_UNIT_BRACKET.search((anc.head or "").strip())
        if bracket and ROLE_WORDS.search(bracket.group()):
            # "一、强化科技创新(区科技局牵头)": the chapter's lead, named after its heading (b192 006, b188 002)
            units = extract_units(BRACKET_BY.sub(r"\1", bracket.group()), ctx)   # "(由市科技局牵头)"
            if units:
                return units
    return []


@rule(stage="units", example="'（以上任务由市市场监管局牵头，市公安局配合）' → True; '由市公安局开展专项行动' → False")
def only_responsibility(line: str, units: list[dict]) -> bool:
    """The line names units and roles and nothing else."""
    rest = line
    for u in sorted(units, key=lambda u: -len(u["name"])):
        rest = rest.replace(u["name"], "")
    return T.han_count(ROLE_WORDS.sub("", rest)) <= 2


def _set_units(m: dict, units: list[dict]) -> None:
    m["units"] = [u["name"] for u in units]
    m["lead_units"] = [u["name"] for u in units if u["role"] == "lead"]
    m["units_detail"] = units


@rule(stage="units", example="['…完成加工量43万吨。', '主办单位:省海洋渔业局', '协办单位:沿海三市政府'] → "
                            "'主办单位:省海洋渔业局；协办单位:沿海三市政府'; ['…。', '（以上任务由市公安局牵头）'] → that line")
def closing_unit_lines(extra: list[str], ctx: ParseContext) -> str:
    """The line that closes a chapter's last measure, with the labelled unit lines right above it when it
    is one too (b447 009: "主办单位:…" over "协办单位:…"), joined as one statement."""
    if not extra:
        return ""
    k = len(extra) - 1
    while k > 0 and UNIT_LABEL_START.match(ctx.fold_same(extra[k])) and UNIT_LABEL_START.match(ctx.fold_same(extra[k - 1])):
        k -= 1
    return "；".join(extra[k:])


@rule(stage="units", example="items 1–3, then '（以上任务由市市场监管局牵头）' → each item without units gets it")
def chapter_units(nodes: list, measures: list[dict], ctx: ParseContext) -> None:
    """Responsibility stated once for a chapter, on its own line after its last measure (or closing
    that measure's paragraph): the chapter's measures without units of their own get it. A bare
    "责任单位：…" line counts only when no other measure of the chapter names any."""
    groups: dict[int, list[int]] = {}
    for i, node in enumerate(nodes):
        if node.parent is not None:
            groups.setdefault(id(node.parent), []).append(i)
    for idx in groups.values():
        if len(idx) < 2:
            continue
        last = nodes[idx[-1]]
        line = closing_unit_lines(last.extra, ctx)
        units = extract_units(line, ctx) if line else []
        if not units or not only_responsibility(line, units):
            inline = INLINE_SCOPE.search(last.text)
            line = inline.group() if inline else ""
            units = extract_units(line, ctx) if line else []
            if not units:
                continue
        if not CHAPTER_SCOPE.search(SCOPE_OPEN.sub("", line)) and any(measures[i]["units"] for i in idx[:-1]):
            continue
        for i in idx[:-1]:
            if not measures[i]["units"]:
                _set_units(measures[i], [dict(u) for u in units])


@rule(stage="units", example="items 1, 2 '(A、B负责。列第1位者为牵头单位，下同)', 3 → the convention holds from item 2")
def convention_start(nodes: list, ctx: ParseContext) -> int:
    """Where "列第一位者为牵头单位(，下同)" starts to hold: at the first measure that states it (the
    measures before it mark no roles), or at the first measure when it is stated outside them."""
    for i, node in enumerate(nodes):
        if FIRST_IS_LEAD.search(ctx.fold_same(node.text)):
            return i
    return 0


def assign_units(ctx: ParseContext) -> None:
    """Each measure's units: its chapter's heading units first (leading when the item names only its
    配合单位 or the document splits its tasks by lead unit), then its own; then chapter-wide lines
    and the "列第一位者为牵头单位" convention."""
    heading_units = [units_from_headings(n, ctx) for n in ctx.nodes]
    lead_chapters = any(u["role"] == "lead" for units in heading_units for u in units)
    for m, node, heading in zip(ctx.measures, ctx.nodes, heading_units):
        own = extract_units(node.text, ctx)
        if heading and heading[0]["role"] is None and (
                lead_chapters or (own and all(u["role"] == "support" for u in own))):
            heading = [dict(u, role="lead") if i == 0 else u for i, u in enumerate(heading)]
        seen = {u["name"] for u in heading}
        _set_units(m, heading + [u for u in own if u["name"] not in seen])
    chapter_units(ctx.nodes, ctx.measures, ctx)
    body = ctx.fold_same("\n".join(ctx.body_lines))
    if "为牵头" in body and FIRST_IS_LEAD.search(body):  # the pattern holds "为牵头": no scan without it
        first = convention_start(ctx.nodes, ctx)
        for m in ctx.measures[first:]:
            if m["units"] and not m["lead_units"]:
                m["lead_units"] = m["units"][:1]
                m["units_detail"][0] = dict(m["units_detail"][0], role="lead")
