"""Responsible units named for a measure.

Recognised shapes (brackets may be () （） 〔〕 【】 [] and may be left unclosed):

* (责任单位：市市场监管局、市公安局)      -> roles None
* 〔牵头单位：A；配合单位：B、C〕 / 牵头部门 / 配合部门 -> lead / support
* (A牵头，B、C配合) / (A（牵头）、B)      -> lead / support
* (市场监管局、公安局按职责分工负责) / (市场监管局负责)
* 〔市市场监管局(知识产权局)、市文旅局等〕 -> an unlabelled list of unit names
* 责任单位：A、B  (unbracketed, to the end of the line)
"""
from __future__ import annotations

import re

from .text import fold, fold_same_length, has_traditional

OPEN = "(（〔【["
CLOSE = ")）〕】]"

LEAD_LABEL = r"牵头单位|牵头部门|主责单位|主责部门|牵头"
SUPPORT_LABEL = r"配合单位|配合部门|协办单位|协助单位|参与单位|协同单位|参加单位|配合|参与|协办"
PLAIN_LABEL = r"责任单位|责任部门|主办单位|实施单位|承办单位|落实单位|完成单位|负责单位|责任主体"
LABEL = re.compile(r"(?P<label>牵头单位|牵头部门|主责单位|主责部门|配合单位|配合部门|协办单位|协助单位|参与单位|协同单位|"
                   rf"参加单位|{PLAIN_LABEL}|(?:牵头|配合|参与|协办)(?=\s*[:：]))\s*[:：]?\s*")
# "【责任单位】A、B", "【牵头单位】A【配合单位】B": a label in brackets, the names after it
BRACKET_LABEL = re.compile(rf"【\s*({PLAIN_LABEL}|{LEAD_LABEL}|{SUPPORT_LABEL})\s*】\s*[:：]?\s*")
ORG_SUFFIX = re.compile(
    r"(?:局|委|委员会|院|办|办公室|厅|部|部门|政府|中心|分行|支行|行|海关|集团|公司|协会|学会|商会|联合会|工会|"
    r"团委|妇联|科协|党校|大学|学院|法院|检察院|队|所|站|会|处|科|室|小组|单位|机关|社|联|署|团|馆|台|部队|管委会|园区|"
    r"开发区|高新区|新区|镇|街道|乡)$")
VERB_START = re.compile(r"^(?:加强|推进|完善|健全|建立|强化|提升|深化|优化|构建|实施|开展|促进|推动|落实|加大|创新|支持|打造|培育|"
                        r"鼓励|引导|积极|做好|严格|全面|持续|探索|发挥|组织|提高|扩大|规范|保障|坚持|依法)")
ROLE_TAIL = re.compile(r"(?:按照?职责分工负责|按职责负责|分工负责|按职责分工|共同负责|分别负责|负责|牵头|配合|参与|落实)$")


_SPLIT_RX: dict[str, "re.Pattern[str]"] = {}


def _split_top(content: str, seps: str = "、，,；;") -> list[str]:
    """Split on separators that are not inside brackets."""
    rx = _SPLIT_RX.get(seps)
    if rx is None:
        rx = _SPLIT_RX[seps] = re.compile("[" + re.escape(OPEN + CLOSE + seps) + "]")
    parts, depth, prev = [], 0, 0
    for m in rx.finditer(content):
        ch = m.group()
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(content[prev:m.start()])
            prev = m.end()
    parts.append(content[prev:])
    return parts


_OPEN_RX = re.compile("[" + re.escape(OPEN) + "]")
_CLOSE_RX = re.compile("[" + re.escape(CLOSE) + "]")


def _unwrap(name: str) -> str:
    """Drop brackets that do not belong to the name: unbalanced ones at the ends, or a wrapping pair."""
    while True:
        name = name.strip("，,、；;。:： \n")
        opens = len(_OPEN_RX.findall(name))
        closes = len(_CLOSE_RX.findall(name))
        if name and name[0] in OPEN and (opens > closes or _wrapped(name)):
            name = name[1:]
        elif name and name[-1] in CLOSE and (closes > opens or _wrapped(name)):
            name = name[:-1]
        else:
            return name


def _wrapped(name: str) -> bool:
    if len(name) < 2 or name[0] not in OPEN or name[-1] not in CLOSE:
        return False
    depth = 0
    for i, ch in enumerate(name):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth == 0 and i < len(name) - 1:
                return False
    return True


def clean_unit(name: str) -> str:
    name = _unwrap(re.sub(r"\s+", "", name))
    name = re.sub(r"[(（]\s*(?:牵头|配合)\s*[)）]$", "", name)
    name = ROLE_TAIL.sub("", name)
    name = re.sub(r"(?:等单位|等部门|等)$", "", name)
    name = CHAPTER_SCOPE.sub("", name)  # "以上任务由市市场监管局（牵头）"
    return _unwrap(name)


# a responsibility line that covers the whole chapter before it
CHAPTER_SCOPE = re.compile(r"^(?:以上|上述)(?:各项)?(?:任务|工作|措施|事项)?(?:均)?由")


def is_unit_like(name: str) -> bool:
    n = fold(re.sub(r"[(（][^()（）]*[)）]", "", name))
    return 2 <= len(n) <= 30 and bool(ORG_SUFFIX.search(n)) and not VERB_START.match(n) \
        and not re.search(r"[。；;]", n)


_BRACKET = re.compile(r"[(（〔【\[)）〕】\]]")


def _bracket_groups(text: str) -> list[tuple[int, int, str]]:
    """Top-level bracket groups (start, end, inner text); an unclosed group runs to the end."""
    groups, depth, start = [], 0, None
    for m in _BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in OPEN:
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


def _parse_content(content: str) -> list[tuple[str, str | None]]:
    """Names with roles from the inside of a responsibility statement."""
    out: list[tuple[str, str | None]] = []
    # split into labelled segments: 牵头单位：A；配合单位：B
    pieces = []
    last_end, last_role = 0, None
    for m in LABEL.finditer(content):
        if m.start() > last_end:
            pieces.append((last_role, content[last_end:m.start()]))
        label = m.group("label")
        last_role = "lead" if re.match(LEAD_LABEL, label) else "support" if re.match(SUPPORT_LABEL, label) else None
        last_end = m.end()
    pieces.append((last_role, content[last_end:]))
    for role, seg in pieces:
        # "A牵头，B、C配合": role markers at the end of comma/semicolon clauses
        for clause in _split_top(seg, "，,；;"):
            clause_role = role
            stripped = clause.strip()
            if re.search(r"(?:牵头|[(（]牵头[)）])$", stripped):
                clause_role = "lead"
            elif re.search(r"(?:配合|参与|协助|[(（]配合[)）])$", stripped):
                clause_role = "support"
            for raw in _split_top(clause, "、"):
                r = clause_role
                if re.search(r"[(（]牵头[)）]$", raw.strip()):
                    r = "lead"
                name = clean_unit(raw)
                if name:
                    out.append((name, r))
    return out


def extract_units(text: str) -> list[dict]:
    """Units with roles, in order written: [{"name": ..., "role": "lead"|"support"|None}].

    Matching runs on a Simplified copy with the same offsets; names are cut
    from the original, so Traditional text keeps its Traditional names.
    """
    if not has_traditional(text):
        return _extract_units(text)
    folded = fold_same_length(text)
    out, pos = [], 0
    for unit in _extract_units(folded):
        name = unit["name"]
        i = folded.find(name, pos)
        if i < 0:
            i = folded.find(name)
        if i >= 0:
            pos = i + len(name)
            name = text[i:i + len(name)]
        out.append({"name": name, "role": unit["role"]})
    return out


# "（责任单位：A、B。列第一位者为牵头单位，下同）": the convention, not a unit
FIRST_IS_LEAD = re.compile(r"[。；;，,]?\s*(?:列|排|排名|排在|位列|排序)?(?:第一位|首位|第一)(?:者|的|单位)?为牵头(?:单位|部门)"
                           r"(?:[，,]?\s*下同)?")


def _extract_units(text: str) -> list[dict]:
    if not _BRACKET.search(text) and "：" not in text and ":" not in text:
        return []  # neither a bracket nor a "责任单位：" label
    if "牵头" in text:
        text = FIRST_IS_LEAD.sub("", text)
    if "【" in text:
        text = BRACKET_LABEL.sub(lambda m: ("；" if m.start() else "") + m.group(1) + "：", text)
    found: list[tuple[str, str | None]] = []
    groups = _bracket_groups(text)
    used_spans = []
    for start, end, inner in groups:
        f = fold(inner)
        label = LABEL.match(f.strip())
        if label or re.match(rf"^\s*(?:{LEAD_LABEL}|{SUPPORT_LABEL})", f):
            found += _parse_content(inner.strip())
            used_spans.append((start, end))
            continue
        if ROLE_TAIL.search(f.strip().rstrip("。")) and re.search(r"负责|牵头|配合", f):
            names = _parse_content(inner.strip().rstrip("。"))
            if names and all(is_unit_like(n) for n, _ in names):
                found += names
                used_spans.append((start, end))
                continue
        # an unlabelled list of unit names closing the item (or a sentence)
        tail = text[end:].strip()
        before = text[:start].rstrip()[-1:]
        if re.match(r"^[\s。；;]*$", tail) and (not before or before in "。；;!！\n" or text[start] in "〔【["):
            names = _parse_content(inner.strip())
            if names and sum(is_unit_like(n) for n, _ in names) >= max(1, 0.8 * len(names)) \
                    and (len(names) > 1 or start > 0):
                found += names
                used_spans.append((start, end))
    # unbracketed "责任单位：A、B" to the end of the line
    for m in re.finditer(rf"(?:^|[。；;\n\s])((?:{PLAIN_LABEL}|{LEAD_LABEL}|{SUPPORT_LABEL})\s*[:：][^\n]*)", text):
        if any(s <= m.start(1) < e for s, e in used_spans):
            continue
        found += _parse_content(m.group(1).rstrip("。"))
    out, seen = [], set()
    for name, role in found:
        if name in seen:
            continue
        seen.add(name)
        out.append({"name": name, "role": role})
    return out


def strip_units(text: str) -> str:
    """``text`` without responsibility brackets (for titles, anchors, targets)."""
    spans = []
    for start, end, inner in _bracket_groups(text):
        f = fold(inner)
        if LABEL.match(f.strip()) or re.match(rf"^\s*(?:{LEAD_LABEL}|{SUPPORT_LABEL})", f):
            spans.append((start, end))
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    return text
