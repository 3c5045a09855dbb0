"""Numbered structure of a policy text: headings, measures and free paragraphs.

Each line that opens with a numbering token (一、 (一) （一） 〔一〕 1. 1、 1．
(1) ① 第一条 第一章 一是 ...) becomes a node.  Kinds of numbering are given
levels in order of appearance (a stack, so restarted and continuous numbering
both work); unnumbered lines are continuation text of the previous node.
Leaves are measures, inner nodes are the headings of their ``path``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import fold

CN_DIGITS = "一二三四五六七八九十百零〇两"
_C = f"[{CN_DIGITS}]+"

# (kind, regex) tried in order at the start of a line; group "n" is the label
NUMBERING = [
    ("chapter", re.compile(rf"^第(?P<n>{_C}|\d+)[章编篇](?![程])[\s:：、.．]*")),
    ("part", re.compile(rf"^第(?P<n>{_C}|\d+)部分[\s:：、.．]*")),
    ("section", re.compile(rf"^第(?P<n>{_C}|\d+)节[\s:：、.．]*")),
    ("article", re.compile(rf"^第(?P<n>{_C}|\d+)[条條][\s:：、.．]*")),
    ("cn", re.compile(rf"^(?P<n>{_C})\s*[、，,．.](?!\d)\s*")),
    ("pcn", re.compile(rf"^[(（]\s*(?P<n>{_C})\s*[)）][\s、.．]*")),
    ("bcn", re.compile(rf"^[〔【\[]\s*(?P<n>{_C})\s*[〕】\]][\s、.．]*")),
    # decimal section numbers of 规划-style texts: "2.1 提升…", "2.1.1 支持…", "1 总体目标"
    ("dec3", re.compile(r"^(?P<n>\d{1,2}\.\d{1,2}\.\d{1,2})(?![\d.])\s*(?=[\u4e00-\u9fff“《])")),
    ("dec2", re.compile(r"^(?P<n>\d{1,2}\.\d{1,2})(?![\d.])[ \u3000]+(?=[\u4e00-\u9fff“《])")),
    ("numsp", re.compile(r"^(?P<n>\d{1,2})[ \u3000]+(?=[\u4e00-\u9fff])")),
    ("num", re.compile(r"^(?P<n>\d{1,4})\s*(?:[、．]|\.(?!\d))\s*")),
    ("pnum", re.compile(r"^[(（〔【\[]\s*(?P<n>\d{1,3})\s*[)）〕】\]][\s、.．]*")),
    ("rnum", re.compile(r"^(?P<n>\d{1,3})\s*[)）]\s*(?=[\u4e00-\u9fff“《])")),
    ("circ", re.compile(r"^(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
    ("action", re.compile(rf"^(?:专项行动|重点行动|行动|专项工程|工程|专项任务)(?P<n>{_C})\s*[:：、.．]\s*")),
    ("shi", re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})是(?=[^\s，,。])")),
]

# the usual hierarchy of the kinds, major first; equal ranks nest in order of appearance
RANK = {"part": 0, "chapter": 1, "section": 2, "article": 3, "cn": 4, "action": 4, "numsp": 4, "pcn": 5, "bcn": 5,
        "dec2": 5, "dec3": 6, "num": 6,
        "pnum": 7, "rnum": 7, "circ": 8, "shi": 9}

# chapters whose items are not measures (their targets are document-level)
GENERAL = re.compile(
    r"^(?:(?:总体|基本)要求|(?:基本|工作|总体)原则|(?:主要|发展|工作|总体|建设|预期)目标|总体思路|指导思想|重要意义|总则|附则)"
    r"(?:[和与及、]+(?:(?:总体|基本)要求|(?:基本|工作)原则|(?:主要|发展|工作|总体)目标|总体思路|指导思想))*$")

# lines after the operative part: attachments, validity notes, copy lists
END_MATTER = re.compile(
    r"^(?:附件(?:\s*\d*|[一二三四五六七八九十]*)\s*[:：]?|附件下载|抄送|抄报|(?:该|本)文件|此件|[(（]此件|"
    r"联系人|联系电话|联系方式|信息来源|来源[:：]|(?:发布|成文|发文)(?:日期|时间)\s*[:：]|"
    r"本(?:办法|措施|规定|细则|方案|意见|计划|政策|实施意见|若干措施|实施方案|工作方案|行动方案|行动计划|要点|通知|决定)"
    r"[^。]{0,30}(?:自|从)[^。]{0,30}(?:施行|实施|执行|生效))")
RELATED = re.compile(r"^(?:相关链接|相关文章|相关阅读|相关文件|相关新闻|相关推荐|相关信息|相关政策|延伸阅读|推荐阅读|"
                     r"猜你喜欢|热点推荐)\s*[:：]?")
DATE_LINE = re.compile(
    rf"^(?:(?:19|20)\d{{2}}|[〇零○Ｏ一二三四五六七八九]{{4}})\s*年\s*(?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月"
    rf"\s*(?:(?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*日?)?\s*(?:印发|发布)?$")
ORG_LINE = re.compile(r"^[\u4e00-\u9fff()（）、 ]{2,40}(?:政府|办公室|办公厅|局|委员会|委|厅|院|中心|小组)(?:[(（][\u4e00-\u9fff]{2,12}[)）])?$")
BOILERPLATE = re.compile(r"本(?:办法|措施|规定|细则|方案|意见|计划|政策|实施意见|若干措施)[^。]{0,20}(?:自|由|所称|适用|施行|解释)|"
                         r"^为[^。]{4,120}制定本(?:办法|措施|规定|细则|方案|意见|计划)")


def parse_cn_number(s: str) -> int | None:
    """'十九' -> 19, '二十一' -> 21, '105' -> 105."""
    if s.isdigit():
        return int(s)
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
    if s and all(c in digits for c in s):  # 二〇二四 style
        return int("".join(str(digits[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c in digits:
            cur = digits[c]
        elif c == "十":
            total += (cur or 1) * 10
            cur = 0
        elif c == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


@dataclass
class Node:
    kind: str
    label: str
    head: str  # text of the numbered line without its number
    line_no: int
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # continuation lines
    token: str = ""  # the numbering as written ("第三條", "（一）")
    folded: bool = False  # an enumeration merged back into its parent's text

    @property
    def text(self) -> str:
        return "\n".join([self.head] + self.extra).strip()

    @property
    def heading(self) -> str:
        """Short heading of this node, for paths (first sentence of its line)."""
        return heading_of(self.head)

    @property
    def depth(self) -> int:
        d, cur = 0, self.parent
        while cur is not None:
            d, cur = d + 1, cur.parent
        return d

    def ancestors(self) -> list["Node"]:
        out, cur = [], self.parent
        while cur is not None:
            out.append(cur)
            cur = cur.parent
        return out[::-1]


def heading_of(head: str) -> str:
    m = re.match(r"^(.*?)[。；;！!]", head)
    h = m.group(1) if m else head
    if len(h) > 60:
        m = re.match(r"^(.{2,30}?)[:：]", h)
        h = m.group(1) if m else h[:60]
    return h.strip().rstrip("：:，,").strip()


def match_numbering(line: str) -> tuple[str, str, str] | None:
    """(kind, label, rest) when ``line`` opens with a numbering token."""
    for kind, rx in NUMBERING:
        m = rx.match(line)
        if m:
            rest = line[m.end():].strip()
            if not rest and kind not in ("chapter", "part", "section", "article"):
                return None
            if kind == "cn" and rest[:1] in "年月日":
                return None
            if kind == "numsp" and (len(rest) > 20 or re.search(r"[，,。；;：:\t]", rest)):
                return None  # only a bare heading ("1 总体目标"), never a wrapped line
            if kind in ("dec2", "dec3") and re.match(r"[万亿倍个件家项%]", rest):
                return None
            return kind, m.group("n"), rest
    return None


@dataclass
class Outline:
    roots: list[Node]
    preamble: list[str]  # unnumbered lines before the first numbered line
    nodes: list[Node]


_JOINED_HEADING = re.compile(r"^([^\s，,。；;：:！!？?、《“（(]{2,24}) +([^\s，,。；;：:].{10,})$")


def build_outline(lines: list[str]) -> Outline:
    roots: list[Node] = []
    nodes: list[Node] = []
    preamble: list[str] = []
    stack: list[Node] = []
    ended = False
    for i, line in enumerate(lines):
        num = match_numbering(line)
        if num is None:
            if ended:
                continue
            if nodes and END_MATTER.match(line):
                if re.match(r"^附件", line):
                    ended = True
                continue
            if nodes and RELATED.match(fold(line)):
                ended = True  # the portal's list of related pages follows the document
                continue
            if nodes and (DATE_LINE.match(line) or ORG_LINE.match(line)):
                continue
            if stack:
                stack[-1].extra.append(line)
            else:
                preamble.append(line)
            continue
        if ended:
            continue
        kind, label, rest = num
        kinds = [n.kind for n in stack]
        if kind in kinds:
            del stack[kinds.index(kind):]
        else:
            # a kind not seen yet nests under the open items, unless it is plainly more major
            # ("二、" after "（二）" on a page that starts mid-document)
            minor = next((j for j, k in enumerate(kinds) if RANK[k] > RANK[kind]), None)
            if minor is not None:
                del stack[minor:]
        # "一、主要目标 到2025年，…": a bare heading and its paragraph joined on one line
        joined = _JOINED_HEADING.match(rest)
        node = Node(kind, label, joined.group(1) if joined else rest, i, parent=stack[-1] if stack else None)
        if joined:
            node.extra.append(joined.group(2))
        node.token = line[:len(line) - len(rest)].strip() if rest else line.strip()
        (node.parent.children if node.parent else roots).append(node)
        nodes.append(node)
        stack.append(node)
    _fold_enumerations(nodes, roots)
    return Outline(roots, preamble, [n for n in nodes if not n.folded])


# "申请资助应当符合下列条件：" "应当提交下列材料：" "有下列情形之一的，…": the items that follow
# are the article's conditions, not measures of their own
CONDITIONS = re.compile(r"(?:下列|以下|如下)(?:基本)?(?:条件|材料|资料|情形|要求|证明)")


def _fold_enumerations(nodes: list[Node], roots: list[Node]) -> None:
    """"一是…" "二是…" paragraphs under an item whose siblings are measures
    ("〔三〕强化司法保护。" then 一是/二是/三是 and the group's 责任单位 line) enumerate
    that item's content, and so do the conditions listed under an article: they go back
    into its text instead of becoming measures."""
    for node in nodes:
        if not node.children or node.folded:
            continue
        if node.kind == "article" and CONDITIONS.search(node.head) and not any(c.children for c in node.children):
            fold_in = True
        elif any(c.kind != "shi" for c in node.children):
            continue
        else:
            siblings = node.parent.children if node.parent else roots
            fold_in = node.depth >= 2 or any(not s.children for s in siblings if s is not node)
        if fold_in:
            for child in node.children:
                for n in _subtree(child):
                    n.folded = True
                node.extra.append("\n".join(n.token + n.text for n in _subtree(child)))
            node.children = []


def _subtree(node: Node) -> list[Node]:
    out = [node]
    for c in node.children:
        out += _subtree(c)
    return out


def is_general(node: Node) -> bool:
    h = re.sub(r"[\s，,。；;：:]", "", fold(node.heading))
    return bool(GENERAL.match(h)) or is_background(node)


# a 规划's review of the past ("一、发展基础和面临形势"): no measures, and its figures are
# statistics, not targets
BACKGROUND = re.compile(
    r"^(?:发展|现实|工作)?基础(?:[和与及、]+(?:面临(?:的)?形势|发展环境|机遇(?:和|与)?挑战))?$|"
    r"^(?:面临(?:的)?形势|发展环境|规划背景|发展现状|现状分析|基本情况|形势分析)(?:[和与及、]+\S{2,8})?$|"
    r"^[“\"]?十[一二三四五]五[”\"]?时期(?:取得的|主要)?(?:成效|成就|进展)$|^[“\"]?十[一二三四五]五[”\"]?时期面临的形势$")


def is_background(node: Node) -> bool:
    h = re.sub(r"[\s，,。；;：:]", "", fold(node.heading))
    return bool(BACKGROUND.match(h)) or any(BACKGROUND.match(re.sub(r"[\s，,。；;：:]", "", fold(a.heading)))
                                            for a in node.ancestors())


def is_heading_only(node: Node) -> bool:
    """The numbered line is a bare heading ("三、保障措施"), no sentence of its own."""
    head = node.head
    return len(head) <= 30 and not re.search(r"[。；;，,]", head.rstrip("。"))


_LEAD_IN = re.compile(r"(?:下列|以下|如下)[\u4e00-\u9fff]{0,8}$")


def is_lead_in(node: Node) -> bool:
    """An item that only introduces its sub-items ("第九条 省人民政府设立知识产权专项资金，重点支持下列事项：")
    is no heading: it stays out of its sub-items' paths."""
    h = node.heading
    return bool(_LEAD_IN.search(h)) or (node.kind == "article" and bool(re.search(r"[，,；;]", h)))


def measure_nodes(outline: Outline) -> list[Node]:
    """Leaves that are measures, in document order."""
    out = []
    general: dict[int, bool] = {}

    def gen(n: Node) -> bool:
        g = general.get(id(n))
        if g is None:
            g = general[id(n)] = is_general(n)
        return g

    for node in outline.nodes:
        if node.children:
            continue
        if gen(node) or any(gen(a) for a in node.ancestors()):
            continue
        siblings = node.parent.children if node.parent else outline.roots
        if is_heading_only(node) and node.extra:
            # a chapter written as paragraphs among chapters that hold numbered items
            if any(s.children for s in siblings if s is not node):
                continue
        if not node.extra and not node.head:
            continue
        if BOILERPLATE.search(fold(node.head)) and len(node.text) < 160:
            continue
        out.append(node)
    return out


# "资助申请实行年度集中受理。": a rule stated about a subject, not a heading naming an action
_STATEMENT = re.compile(r"^[^，,]{2,}?(?:应当|必须|不得|实行|予以|负责|是指|由[^，,]{1,12}(?:负责|组织|审核|统筹)|可以|按照)")


def split_title(text: str, *, article: bool = False) -> tuple[str | None, str]:
    """(title, body) of a measure text; title None when the item has no heading.
    article: the item is an article (第五条) of a 办法 or 条例, whose first
    sentence is more often a rule than a heading."""
    first_line, _, rest_lines = text.partition("\n")
    stripped = strip_units_for_title(text)
    m = re.match(r"^([^。！!？?]{2,40}?)[。！!]\s*", first_line)
    if m and article and _STATEMENT.match(fold(m.group(1))):
        return None, text
    if m and not re.search(r"[，,；;：:]", m.group(1)):
        body = first_line[m.end():] + ("\n" + rest_lines if rest_lines else "")
        if strip_units_for_title(body).strip():
            return m.group(1).strip(), body.strip()
        return None, text
    # a heading alone on its line, the body on the next lines
    if rest_lines.strip() and len(first_line) <= 40 and not re.search(r"[。，,；;]", first_line) \
            and stripped.strip() != first_line.strip():
        return first_line.strip().rstrip("：:"), rest_lines.strip()
    # a heading closed by a colon: "加强统筹协调：成立…"
    m = re.match(r"^([^，,。；;：:]{2,16})[：:]\s*(?=\S)", first_line)
    if m and not re.search(r"如下|包括|主要|具体", m.group(1)):
        return m.group(1).strip(), text[m.end():].strip()
    # a heading glued to its body without a stop: "加强知识产权交流合作鼓励企业…"
    m = _GLUED_HEADING.match(first_line)
    if m and len(first_line) > len(m.group(1)) + 20:
        return m.group(1), text[m.end(1):].strip()
    return None, text


_HEAD_VERB = r"(?:加强|加大|加快|强化|完善|健全|推进|推动|深化|提升|提高|优化|构建|建立|实施|开展|促进|创新|培育|打造|发挥|支持|规范|严格|拓展|扩大)"
_GLUED_HEADING = re.compile(
    rf"^({_HEAD_VERB}[^，,。；;：:、“”《》()（）\d]{{3,18}}?(?:合作|机制|体系|力度|建设|保护|服务|水平|能力|环境|管理|质量|"
    rf"运用|转化|监管|制度|平台|体制|改革|培育|宣传|交流|执法|协作|援助|治理|布局))"
    r"(?=(?:鼓励|支持|推动|建立|完善|加强|积极|依托|围绕|聚焦|深入|开展|实施|推进|引导|组织|探索|健全|落实|发挥|按照|结合|对|各|市|县|区|省)"
    r"[^。]{8,}[，,；;。])")


_UNIT_TAIL = re.compile(r"[(（〔【\[][^()（）〔〕【】\[\]]*(?:[(（][^()（）]*[)）][^()（）〔〕【】\[\]]*)*"
                        r"(?:[)）〕】\]]|$)\s*$")


def strip_units_for_title(text: str) -> str:
    """Text without a trailing responsibility bracket (used to decide if a body follows)."""
    prev = None
    while prev != text:
        prev = text
        m = _UNIT_TAIL.search(text)
        if m and re.search(r"责任|牵头|配合|负责|局|委|办|院|政府", m.group()):
            text = text[:m.start()].rstrip()
    return text
