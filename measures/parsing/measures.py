"""Stage 6, measures: each measure node → ordinal, path, label, title, anchor and text.

Units, targets and themes are added by the next stages.
"""
from __future__ import annotations

import re

from . import lexicon as L
from . import patterns as P
from .context import ParseContext, rule
from .outline import Node, is_lead_in, match_numbering
from .units import strip_units

ANCHOR_LEN = 20
LABEL_PUNCT = re.compile(r"[\s()（）〔〕【】\[\].．、,，:：]")
HEADING_SENTENCE = re.compile(r"^([^。！!？?]{2,40}?)[。！!]\s*")
CLAUSE_MARK = re.compile(r"[，,；;：:]")
LEAD_IN_END = re.compile(r"[:：]\s*$")
COLON_HEADING = re.compile(r"^([^，,。；;：:]{2,16})(?<!\d)[：:]\s*(?=\S)")  # not a clock's "8:00"
LEAD_IN_WORDS = re.compile("|".join(L.LEAD_IN_WORDS))
# "资助申请实行年度集中受理。": a rule stated about a subject, not a heading naming an action
STATEMENT = re.compile(rf"^[^，,]{{2,}}?(?:{'|'.join(L.RULE_VERBS)}|由[^，,]{{1,12}}(?:负责|组织|审核|统筹))")
# "县政府实行县长负责制": an organisation (the sentence's subject) and what it does
SUBJECT_STATEMENT = re.compile(rf"^[{P.HAN}]{{1,24}}?(?:{P.alternation(L.ORG_LINE_ENDS + ('部门',))})"
                               rf"(?:{P.alternation(L.SUBJECT_VERBS)})")
# "申报时间每年…": a facet label glued to its text, no mark between (facet_label)
FACET_LABEL = re.compile(rf"^(?:{P.alternation(L.GLUED_FACET_LABELS)})(?![和与及、的])(?=[{P.HAN}\d*])")
GLUED_HEADING = re.compile(
    rf"^((?:{'|'.join(L.HEAD_VERBS)})[^，,。；;：:、“”《》()（）\d]{{3,18}}?(?:{'|'.join(L.HEAD_NOUNS)}))"
    rf"(?=(?:{'|'.join(L.BODY_OPENERS)})[^。]{{8,}}[，,；;。])")
UNIT_TAIL = re.compile(rf"[{re.escape(P.OPEN)}][^{re.escape(P.OPEN + P.CLOSE)}]*(?:{P.PAREN_OPEN}[^()（）]*{P.PAREN_CLOSE}"
                       rf"[^{re.escape(P.OPEN + P.CLOSE)}]*)*(?:[{re.escape(P.CLOSE)}]|$)\s*$")
UNIT_WORD = re.compile(r"责任|牵头|配合|负责|局|委|办|院|政府")
# "加强组织领导,落实工作责任": two short phrases, one comma
PAIRED_HEADING = re.compile(rf"^[{P.HAN}“”]{{2,8}}(?:[,，][{P.HAN}“”]{{2,8}}){{1,2}}$")
PAIRED_HEADING_MAX = 30
ARTICLE_HEADING_MAX = 20  # an article's first sentence longer than this states a rule, it is no heading
ENUMERATION_OPENS = re.compile(r"\s*一是(?=[^\s，,。])")
NO_TITLE = (None, None)  # a rule decided the item has no heading


@rule(stage="measures", example="'加强老字号传承。(责任单位:市商务局)' → '加强老字号传承。'")
def strip_units_for_title(text: str) -> str:
    """Text without trailing responsibility brackets (to decide whether a body follows a heading)."""
    prev = None
    while prev != text:
        prev = text
        m = UNIT_TAIL.search(text)
        if m and UNIT_WORD.search(m.group()):
            text = text[:m.start()].rstrip()
    return text


@rule(stage="measures", example="'加强统筹协调。成立工作专班。' → ('加强统筹协调', '成立工作专班。')")
def sentence_heading(first: str, rest: str, article: bool, ctx: ParseContext):
    """A short first sentence without a comma, closed by 。 or ！, with a body after it (not one citing a
    document: "推进《商标法》修改。完成…" lists tasks); a heading of
    two or three short phrases joined by commas ("加强组织领导,落实工作责任。", "高度重视,精心组织,科学
    制订办理方案。", at most 30 characters, no phrase opening with a subject such as 各地) is one too.
    In an article a sentence that states a rule (…应当…, …实行…) is no heading."""
    m = HEADING_SENTENCE.match(first)
    if not m or "《" in m.group(1):
        return None  # "推進《商標法》修改。完成…": a sentence that cites a document is a task, not a heading
    if article and (STATEMENT.match(ctx.fold(m.group(1))) or len(m.group(1).strip()) > ARTICLE_HEADING_MAX) \
            or subject_statement(m.group(1), ctx):
        return NO_TITLE
    paired = PAIRED_HEADING.match(m.group(1).strip()) and len(m.group(1).strip()) <= PAIRED_HEADING_MAX \
        and not m.group(1).strip().startswith("各")  # "各地根据通知要求,结合实际…": a subject acts
    if CLAUSE_MARK.search(m.group(1)) and (article or not paired) \
            and not own_line_heading(first, rest, m, article) and not enumerated_after(first[m.end():]):
        return None
    body = first[m.end():] + ("\n" + rest if rest else "")
    return (m.group(1).strip(), body.strip()) if strip_units_for_title(body).strip() else NO_TITLE


@rule(stage="measures", example="'一是加强文艺创作和宣传…二是…' → True; '深刻学习领会…' → False")
def enumerated_after(body: str) -> bool:
    """The body after an item's first sentence opens an enumeration ("一是…。二是…"): that sentence
    announces what the enumeration spells out, a heading even with commas in it ("继续加大文化资源生产和
    配送力度,把更多优质文化资源送到群众身边。一是…")."""
    return bool(ENUMERATION_OPENS.match(body))


@rule(stage="measures", example="'優化線網,明確線路服務區域和等級。' + '\\n根據市民…' → True; '加强监管,严厉打击侵权行为。' + '' → False")
def own_line_heading(first: str, rest: str, m: "re.Match[str]", article: bool) -> bool:
    """A first sentence of two clauses that fills its line alone (at most 30 characters, one comma),
    the body starting on the next line: the layout makes it a heading ("优化线网,明确线路服务区域和等级。")."""
    return (not article and not first[m.end():].strip() and bool(strip_units_for_title(rest).strip())
            and len(m.group(1)) <= 30 and len(CLAUSE_MARK.findall(m.group(1))) == 1)


@rule(stage="measures", example="'县政府实行县长负责制' → True; '加强领导小组建设' → False")
def subject_statement(sentence: str, ctx: ParseContext) -> bool:
    """A first sentence whose subject is an organisation that then 将/实行/应当/负责… ("县政府实行县长
    负责制", "中央宣传部版权管理局将通过不同平台全面跟踪报道…"): it states who does what, it is no heading."""
    return bool(SUBJECT_STATEMENT.match(ctx.fold(sentence.strip())))


@rule(stage="measures", example="'知识产权强企工程' + '\\n支持企业…' → ('知识产权强企工程', '支持企业…')")
def line_heading(first: str, rest: str, text: str):
    """A heading alone on its first line (no sentence mark, or short phrases joined by commas:
    "提高工作认识,加强统筹推进"), the body on the next lines; a line that introduces the numbered list
    under it ("…主要包括：" + "(一)…") is no heading, nor a line broken inside a date or an amount
    ("…至12月31" / "日授权的…")."""
    paired = bool(PAIRED_HEADING.match(first.strip())) and len(first.strip()) <= PAIRED_HEADING_MAX
    if WRAPPED_FIGURE.match(first.strip()[-1:] + "\n" + rest.lstrip()[:1]):
        return None  # "2018年7月9日至12月31" / "日授权的…": a line broken inside a date or an amount (b551 002)
    if rest.strip() and len(first) <= 40 and (not P.SENTENCE_MARK.search(first) or paired) \
            and not (LEAD_IN_END.search(first) and match_numbering(rest.strip())) \
            and strip_units_for_title(text).strip() != first.strip():
        return first.strip().rstrip("：:"), rest.strip()
    return None


# "加强领导,坚持依法行政 各级政府要…": a heading of short phrases, a space, then its body (spaced_heading)
SPACED_HEADING = re.compile(rf"^\s*([{P.HAN}“”]{{2,12}}(?:\s*[,，]\s*[{P.HAN}“”]{{2,14}}){{1,2}})[ \u3000\xa0]+(?=[^\s，,。；;：:])")
SPACED_BODY_MIN = 10


@rule(stage="measures", example="'加强领导,坚持依法行政 各级政府要切实加强对淘汰落后产能工作的领导。' → ('加强领导,坚持依法行政', '各级政府要…'); "
                                "'加强领导 各级政府要…' → None")
def spaced_heading(first: str, text: str):
    """A heading of two or three short phrases joined by commas, set off from its body by a space instead
    of a stop or a line break, as whole pages on one line and PDF text give it (b518 003, b366 004,
    b241 009): the phrases are the title. One phrase alone before a space is left to the other rules, and
    an article's opening words before a space are a rule's subject ("…建设和管理,坚持政府主导 企业主体…")."""
    m = SPACED_HEADING.match(first)
    if m and len(text[m.end():].strip()) >= SPACED_BODY_MIN:
        return m.group(1).strip(), text[m.end():].strip()
    return None


WRAPPED_FIGURE = re.compile(r"\d\n[日月年号%％万亿元个件家项]$")  # the last character of a line, the first of the next
BRACKET_CAPTION = re.compile(rf"^\s*【([{P.HAN}“”、]{{2,16}})】\s*(?=\S)")


@rule(stage="measures", example="'【企业落户奖】在扶持办法有效期内新注册的企业…' → ('企业落户奖', '在扶持办法有效期内新注册的企业…')")
def bracket_caption(text: str):
    """A caption in 【】 that opens an item ("第三条【企业落户奖】…"): the item's title, the rest its body."""
    m = BRACKET_CAPTION.match(text)
    return (m.group(1), text[m.end():].strip()) if m else None


PAREN_CAPTION = re.compile(rf"^\s*[(（]([{P.HAN}“”、]{{2,16}})[)）]\s*(?=\S)")


@rule(stage="measures", example="'(地域管理)本办法列举的违法行为,由…查处' (an article) → ('地域管理', '本办法列举的违法行为,由…查处'); "
                                "'(含)以上' → None")
def paren_caption(text: str):
    """An article's caption in brackets, its rule run on after it on the line ("第五条 (地域管理)本办法…", the
    Shanghai style; b783 002, b332 004, b296 004, b433 005): the article's title, as when the caption stands on
    its own line; the rest its body."""
    m = PAREN_CAPTION.match(text)
    return (m.group(1), text[m.end():].strip()) if m else None


SCORED_CAPTION = re.compile(r"^\s*([^，,。；;：:\s(（]{2,20}[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）])\s*(?=[^\s，,。；;、])")


@rule(stage="measures", example="'民主集中制(1分)坚持集体领导、民主集中…' → ('民主集中制(1分)', '坚持集体领导、民主集中…'); "
                                "'按时报送(2分)' → None (nothing after it)")
def scored_caption(text: str):
    """An assessment item's caption closed by the points it weighs ("民主集中制(1分)", "“三会一课”(2分)", b694 010):
    the item's title with its points, as the gold writes it; the rest its body."""
    m = SCORED_CAPTION.match(text)
    return (m.group(1), text[m.end():].strip()) if m else None


@rule(stage="measures", example="'加强统筹协调：成立工作专班' → ('加强统筹协调', '成立工作专班'); '主要包括：…' → None")
def colon_heading(first: str, text: str):
    """A short heading closed by a colon (not a lead-in such as 如下/包括, nor a clock's "8:00", b463 009)."""
    m = COLON_HEADING.match(first)
    if m and not LEAD_IN_WORDS.search(m.group(1)):
        return m.group(1).strip(), text[m.end():].strip()
    return None


@rule(stage="measures", example="'加强知识产权交流合作鼓励企业…参加展会。' → ('加强知识产权交流合作', '鼓励企业…')")
def glued_heading(first: str, text: str):
    """A heading glued to its body without a stop: action verb … result noun, then a body opener."""
    m = GLUED_HEADING.match(first)
    if m and len(first) > len(m.group(1)) + 20:
        return m.group(1), text[m.end(1):].strip()
    return None


@rule(stage="measures", example="'申报时间每年*-**月。' → ('申报时间', '每年*-**月。'); '申报程序:…' → None (colon_heading's)")
def facet_label(first: str, text: str, ctx: ParseContext):
    """A call's facet label glued to its text with no mark between them ("申报时间每年3-5月", "禁烧范围我县…",
    b198 012, b200 005): the label is the title."""
    m = FACET_LABEL.match(ctx.fold_same(first))
    if m and len(first) > m.end() + 4:
        return text[:m.end()], text[m.end():].strip()
    return None


# "…违反会场纪律的。", "将第一条修改为:", "城区入口为:": a clause that needs what follows, no heading
# ("规范收费行为", "主动作为", "交易标的" aside; b393 006 is the one gold that titles a case, "…有功的")
OPEN_CLAUSE_END = re.compile(r"(?:(?<![标目])的|(?<![行作有])为)$")  # 交易标的, 工作目的: nouns


@rule(stage="measures", example="'开会迟到、早退、缺席等违反会场纪律的' → True; '将第一条修改为' → True; '规范收费行为' → False")
def open_clause(title: str) -> bool:
    """A would-be title that ends as a clause waiting for the rest of its sentence: a case ("…查属实的", then
    what follows from it) or a predicate ("…修改为", "…范围为", then its object): no heading (b538 006, b540 001,
    b256 008, b460 006: the gold gives none)."""
    return bool(OPEN_CLAUSE_END.search(title.strip()))


def split_title(text: str, *, article: bool = False, ctx: ParseContext | None = None) -> tuple[str | None, str]:
    """(title, body) of a measure's text; title None when the item has no heading. article: the
    item is an article (第五条), whose first sentence is more often a rule than a heading."""
    ctx = ctx or ParseContext()
    first, _, rest = text.partition("\n")
    for found in (bracket_caption(text), paren_caption(text) if article else None, scored_caption(first), facet_label(first, text, ctx), spaced_heading(first, text) if not article else None,
                  sentence_heading(first, rest, article, ctx),
                  line_heading(first, rest, text), colon_heading(first, text), glued_heading(first, text)):
        if found is NO_TITLE or found and open_clause(found[0]):
            return None, text
        if found:
            return found
    return None, text


@rule(stage="measures", example="4 articles of which 1 opens with a short sentence → all without titles")
def rule_style_articles(nodes: list[Node], splits: dict) -> bool:
    """Articles written as rules ("市场监督管理部门应当…"): when fewer than 35% of three or more
    articles open with a heading, the few that do have none either."""
    articles = [n for n in nodes if n.kind == "article"]
    return len(articles) >= 3 and sum(1 for n in articles if splits[id(n)][0]) < 0.35 * len(articles)


@rule(stage="measures", example="'（一）' → '一'; '第十九条' → '十九'; '2.1.3' → '2.1.3'")
def label_of(node: Node) -> str:
    """The number as written, without punctuation or brackets (decimal section numbers kept whole)."""
    return node.label if node.kind in ("dec2", "dec3") else LABEL_PUNCT.sub("", node.label)


def measures(ctx: ParseContext) -> None:
    """ctx.measures (one dict per measure node, units/themes still empty) and ctx.bodies (each text
    without its responsibility brackets)."""
    splits = {id(n): split_title(n.text, article=n.kind == "article", ctx=ctx) for n in ctx.nodes}
    if rule_style_articles(ctx.nodes, splits):
        splits.update({id(n): (None, n.text) for n in ctx.nodes if n.kind == "article"})
    for ordinal, node in enumerate(ctx.nodes, 1):
        full = node.text
        body_wo_units = strip_units(full, ctx)
        title, body = splits[id(node)]
        if title:
            title = title.rstrip("。").strip()
        anchor = P.WHITESPACE.sub("", strip_units(body, ctx) if title else body_wo_units)[:ANCHOR_LEN] \
            or P.WHITESPACE.sub("", full)[:ANCHOR_LEN]
        ctx.bodies.append(body_wo_units)
        ctx.measures.append({
            "ordinal": ordinal,
            "path": [a.heading for a in node.ancestors() if not is_lead_in(a)],
            "label": label_of(node),
            "title": title,
            "anchor": anchor,
            "units": [], "lead_units": [], "themes": [], "ip_types": [],
            "text": full,
            "units_detail": [],
        })
