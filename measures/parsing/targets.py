"""Stage 8, targets: quantified commitments (a number with a unit, its metric, comparator and year).

Matching runs on a Simplified, half-width copy of the text with identical
offsets, so the metric and quote are cut from the original (Traditional stays
Traditional).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as L
from . import patterns as P
from . import text as T
from .context import ParseContext, rule
from .outline import is_background, is_general
from .units import strip_units

NUM = re.compile(rf"(?<![\d.A-Za-z\-/:：@])(?P<num>\d+(?:\.\d+)?)(?:\s*(?P<range>[~～\-—至到]\s*\d+(?:\.\d+)?))?"
                 rf"\s*(?P<unit>{P.alternation(L.TARGET_UNITS)})")
COMPARATORS = tuple(sorted(L.COMPARATORS_BEFORE, key=lambda p: -len(p[0])))  # longest first
AT_LEAST_BEFORE_VERB = re.compile(rf"(?:至少|不少于|不低于)[{P.HAN}]{{0,4}}$")
LIMIT_VERB = re.compile(rf"内(?:进行|予以|依法|全部|及时|将[^，,。；;]{{1,12}}?)?(?:{'|'.join(L.LIMIT_VERBS)}|$)")
WORKDAY_LIMIT = re.compile(rf"内[{P.HAN}]")  # "5个工作日内移送": a working-day count before 内 is a limit
CLAUSE_COUNT = re.compile(f"(?:{'|'.join(L.CLAUSE_COUNT_VERBS)})")
COUNT_VERBS = re.compile(rf"(?:{'|'.join(L.COUNT_VERBS)})[^，,。；;]{{0,4}}$")
REWARD = re.compile("|".join(L.REWARD_WORDS))
AID = re.compile(f"(?:{'|'.join(L.AID_WORDS)})")
FILLER = re.compile(f"^(?:{'|'.join(L.METRIC_FILLERS)})+")
CAP_CLAUSE = re.compile(rf"\s*(?:{'|'.join(L.CAP_OPENERS)})")
CAP_TAIL = re.compile(r"(?:(?:最高|最多|不超过|不高于|原则上|累计|给予|可|的|\s)+)$")
THIS_YEAR = re.compile("|".join(L.THIS_YEAR_WORDS))
RECURRING = re.compile("|".join(L.RECURRING_WORDS))
START_YEAR = re.compile(rf"(?:^|(?<=[，,。；;：:\s])){P.YEAR_G}\s*年(?:度)?(?:[，,：:]|(?=[{P.HAN}]))(?!以来|来|同比|比|的|底|末|前)")
RELATIVE_YEAR = re.compile(r"(?:力争|争取|用|在|经过)?\s*(?P<n>\d|[一二两三四五六七八九十])\s*(?:个)?年(?:内|时间|左右)")
RELATIVE_CUE = re.compile(r"力争|争取|用|经过|在")
CN_ONES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
CONDITION_DE = re.compile(r"的(?:[，,；;]|$)")
DE_START = re.compile(r"^[的之]")
HAN_END = re.compile(rf"[{P.HAN}]$")
CIRCLED_START = re.compile(rf"^[{P.CIRCLED}]\s*")
REWARD_TAIL = re.compile(r"(?:最高|一次性)?(?:给予|奖励|资助|补助|补贴)[^，,]{0,6}$")
COMMA_DUI = re.compile(r"[，,]对")
CLAUSE_DUI = re.compile(rf"[，,；;{P.CIRCLED}]对")
COMMA = re.compile(r"[，,]")
DUI_START = re.compile(rf"^[{P.CIRCLED}]?\s*对")
LIMIT_LEAD = re.compile(rf"\s*(?:{'|'.join(L.LIMIT_LEADS)})*")
LIMIT_TAIL = re.compile(r"[在于起]?\s*$")
FROM_DATE = re.compile(r"自.{0,10}")
BASIS = re.compile(r"按照|依照|参照|按")
DE_TAIL = re.compile(r"的?[\s，,]*$")
YEAR_PREFIX = re.compile(rf"^(?:到|至)?\s*(?:{P.YEAR}\s*(?:年\s*)?[{P.DASH}]\s*)?{P.YEAR}\s*年(?:底|末|间|期间)?(?:前)?[，,\s]*")
DIGIT = re.compile(r"\d")
CLAUSE_STOP = "，,；;。:：！!？?\n"
SENTENCE_STOP = "。；;！!？?\n"
# indicator tables ("主要指标": 指标名称 | 2022年基数 | 2025年目标)
CELL_SPLIT = re.compile(r"\t+|\s{2,}|\s*[|｜]\s*")
GOAL_HEAD = re.compile(rf"{P.YEAR_G}\s*年?[^\d]{{0,6}}$|" + "|".join(L.TABLE_GOAL_HEADS))
BASE_HEAD = re.compile("|".join(L.TABLE_BASE_HEADS))
METRIC_HEAD = re.compile("|".join(L.TABLE_METRIC_HEADS))
UNIT_HEAD = re.compile(r"(?:计量)?单位")
UNIT_IN_NAME = re.compile(rf"{P.PAREN_OPEN}([^()（）]{{1,8}}){P.PAREN_CLOSE}\s*$")
TABLE_VALUE = re.compile(rf"^(?P<cmp>{P.alternation(k for k in L.TABLE_COMPARATORS if k not in ('以上', '以下', '以内'))})?"
                         rf"\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|‰|[{P.HAN}/]{{1,5}})?\s*(?P<suffix>以上|以下|以内)?$")
ANY_YEAR = re.compile(P.YEAR_G)
# a task's own deadline note ("（2025年底前完成）", "完成时限：2024年12月底前")
DEADLINE_NOTE = re.compile(rf"{P.PAREN_OPEN}\s*(?:完成时限[:：]\s*)?{P.YEAR_G}\s*年[^()（）]{{0,8}}?(?:底|末)?(?:以?前|之前)"
                           rf"(?:完成|落实|实现|到位)?\s*{P.PAREN_CLOSE}|完成时限[:：]\s*{P.YEAR_G}\s*年")
PLAN_YEAR = re.compile(rf"{P.YEAR_G}\s*年(?:度)?(?![{P.DASH}]|\d)")
ANNUAL_PLAN = re.compile("|".join(L.ANNUAL_PLAN_WORDS))
YEARS_FROM = re.compile(rf"{P.YEAR}\s*[{P.DASH}]")


def _number(s: str) -> int | float:
    v = float(s)
    return int(v) if v.is_integer() else v


# --- the years a document's targets refer to ------------------------------------------------

@rule(stage="targets", example="{'signed_date': '2024-07-09'} → 2024; {'title': '2023年工作要点'} → 2023")
def document_year(document: dict) -> int | None:
    """The year the document speaks from: its signing or publication date, else a year in its title."""
    for key in ("signed_date", "published_date"):
        if document.get(key):
            return int(document[key][:4])
    m = ANY_YEAR.search(document.get("title") or "")
    return int(m.group(1)) if m else None


@rule(stage="targets", example="'2024年绍兴市知识产权工作要点' → 2024; '2021—2025年知识产权规划' → None")
def plan_year(document: dict) -> int | None:
    """The year of an annual plan (要点, 计划, 方案 …): its 全年 and 今年 mean that year."""
    title = document.get("title") or ""
    m = PLAN_YEAR.search(title)
    if m and ANNUAL_PLAN.search(title) and not YEARS_FROM.search(title):
        return int(m.group(1))
    return None


@rule(stage="targets", example="'开展专项行动。（2025年底前完成）' → 2025; '完成时限：2024年12月底前' → 2024")
def deadline_note(text: str, ctx: ParseContext) -> int | None:
    """A task's own deadline note: the year of its targets."""
    m = DEADLINE_NOTE.search(ctx.fold_same(text))
    return int(m.group(1) or m.group(2)) if m else None


@rule(stage="targets", example="'（一）工作目标 到2024年，…' over '1.…达到12件' → 2024")
def inherited_year(node, ctx: ParseContext) -> int | None:
    """The deadline a goals chapter states for its items: the last one in the nearest heading that has one."""
    for anc in reversed(node.ancestors()):
        years = P.YEAR_AT.findall(ctx.fold_same(anc.text))
        if years:
            return int(next(g for g in years[-1] if g))
    return None


@rule(stage="targets", example="'到2026年，满意度达到84分' → [(0, 2026)]; '力争两年内…' (2024) → [(…, 2026)]")
def year_markers(folded: str, doc_year: int | None, plan_year: int | None) -> list[tuple[int, int]]:
    """(position, year) of every deadline in a paragraph: 到2026年 / 2025年底前, a range's last year,
    两年内 counted from the document's year, 全年/今年 in an annual plan, a clause opened by a year
    (not a past one)."""
    events = [(m.start(), int(next(g for g in m.groups() if g))) for m in P.YEAR_AT.finditer(folded)]
    events += [(m.start(), int(m.group(2))) for m in P.YEAR_RANGE.finditer(folded)]
    for m in RELATIVE_YEAR.finditer(folded):
        if doc_year and RELATIVE_CUE.search(folded[max(0, m.start() - 3):m.start() + 3]):
            n = m.group("n")
            events.append((m.start(), doc_year + (int(n) if n.isdigit() else CN_ONES.get(n, 0))))
    if plan_year:
        events += [(m.start(), plan_year) for m in THIS_YEAR.finditer(folded)]
    events += [(m.start(1), int(m.group(1))) for m in START_YEAR.finditer(folded)
               if doc_year is None or int(m.group(1)) >= doc_year]
    return sorted(events)


# --- one number in a paragraph ------------------------------------------------------------------

@dataclass
class Number:
    """A number with a unit and the clause around it (offsets into ``para`` and ``folded``)."""

    para: str
    folded: str
    m: "re.Match[str]"
    a: int = 0  # clause start
    b: int = 0  # clause end
    sent_start: int = 0
    comparator: str | None = None
    suffix_len: int = 0
    pre_word: str | None = None
    reward: bool = False
    counted: "re.Match[str] | None" = None
    post: str = ""
    pb: int = 0  # where the words after the number end
    post_clean: str = ""

    def __post_init__(self):
        f = self.folded
        a, b = self.m.start(), self.m.end()
        while a > 0 and f[a - 1] not in CLAUSE_STOP:
            a -= 1
        while b < len(f) and f[b] not in CLAUSE_STOP:
            b += 1
        s = self.m.start()
        while s > 0 and f[s - 1] not in SENTENCE_STOP:
            s -= 1
        self.a, self.b, self.sent_start = a, b, s

    pos = property(lambda self: self.m.start())
    end = property(lambda self: self.m.end())
    unit = property(lambda self: self.m.group("unit"))
    pre = property(lambda self: self.folded[self.a:self.pos])
    post_full = property(lambda self: self.folded[self.end:self.b])


@rule(stage="targets", example="'成立于2019年' → True; '第3次' → True; '“66条”' → True; '建设12个' → False")
def not_a_quantity(n: Number) -> bool:
    """Numbers that are no commitment: years, months and days of dates, ordinals (第3), 文号 parts, numbers
    inside quotes or 《》."""
    f, unit, pos, end = n.folded, n.unit, n.pos, n.end
    if unit in L.NOT_TARGET_UNITS and unit not in L.TIME_LIMIT_UNITS:
        return True
    if unit in L.TIME_LIMIT_UNITS and f[max(0, pos - 1):pos] in ("年", "月"):
        return True
    if f[end:end + 1] in ("年", "月", "日") and unit not in L.WORKDAY_UNITS:
        return True
    if unit == "个" and f[end:end + 1] in "月":
        return True
    if f[max(0, pos - 1):pos] in ("第", "前", "号", "/") or f[end:end + 1] in ("号",):
        return True
    seg = f[n.sent_start:pos]
    return seg.count("“") > seg.count("”") or seg.count("《") > seg.count("》")


@rule(stage="targets", example="('以上', '件') → ('>=', 2); ('内办结', '个工作日') → ('<=', 1); ('内容', '项') → (None, 0)")
def comparator_after(post: str, unit: str) -> tuple[str | None, int]:
    """A comparator written after the number (以上, 以内, 以下 …; 内 only for a time limit) and its length."""
    for word, comp in L.COMPARATORS_AFTER:
        if post.startswith(word):
            if word == "内" and not (LIMIT_VERB.match(post) or unit in L.WORKDAY_UNITS and WORKDAY_LIMIT.match(post)):
                continue
            return comp, len(word)
    return None, 0


@rule(stage="targets", example="'满意度不低于' → ('不低于', '>='); '每年至少召开' → (None, '>='); '建设' → (None, None)")
def comparator_before(pre: str) -> tuple[str | None, str | None]:
    """A comparator word just before the number (one character may stand between), or 至少/不少于
    before the verb that counts."""
    pre = pre.rstrip()
    for word, comp in COMPARATORS:
        if pre.endswith(word) or pre[:-1].endswith(word):
            return word, comp
    return None, ">=" if AT_LEAST_BEFORE_VERB.search(pre) else None


@rule(stage="targets", example="'展会时间在3天以上的，…' → True; '年销售额1000万元以上的企业' → True")
def is_condition(n: Number) -> bool:
    """A threshold that sets a condition ("…以上的"), not a commitment."""
    post, k = n.post_full, n.suffix_len
    return bool(k and post[k:k + 1] == "的" and (CONDITION_DE.match(post[k:]) or n.pre.rstrip().endswith("在")
                                                 or n.unit in L.MONEY_UNITS or n.unit in ("天", "日", "年", "个月")))


@rule(stage="targets", example="'在重点区镇建设商业秘密保护示范点20个' → 建设 (a name stands between it and the number)")
def counting_verb(pre: str) -> "re.Match[str] | None":
    """The first counting verb of the clause that leaves a name before the number
    ("建成高价值专利培育中心5个": 建成, not 培育)."""
    return next((c for c in CLAUSE_COUNT.finditer(pre) if len(pre) - c.end() >= 2), None)


@rule(stage="targets", example="'…贴息，单个企业每年最高20万元' → '企业知识产权质押贷款贴息（单个企业每年）'")
def cap_metric(n: Number, last_metric: str) -> str:
    """The cap of the aid just named in the same sentence: that aid, with who it is capped for."""
    cap = n.folded[n.a:n.pos]
    cut = len(cap) - len(CAP_TAIL.sub("", cap))
    return f"{last_metric}（{n.para[n.a:n.pos - cut].strip()}）"


@rule(stage="targets", example="'对新认定的驰名商标，给予30万元资金援助' → '新认定的驰名商标资金援助'")
def reward_metric(n: Number) -> str:
    """What a reward is for: the beneficiary clause (from the last clause opening with 对, else the last
    two clauses before the amount) and the aid named after it."""
    f, s = n.folded, n.sent_start
    lead = REWARD_TAIL.sub("", f[s:n.pos])
    starts = [k.start() + 1 for k in COMMA_DUI.finditer(lead)] + ([0] if lead.startswith("对") else [])
    if starts:
        ms = s + max(starts)
    else:
        cuts = [k.end() for k in COMMA.finditer(lead.rstrip("，, "))]
        ms = s + (cuts[-2] if len(cuts) >= 2 else 0)
    post_orig = n.para[n.pb - len(n.post_clean):n.pb] if n.post_clean else ""
    metric = (n.para[ms:s + len(lead)].strip(" ，,") + post_orig.replace(" ", ""))[-80:]
    return DUI_START.sub("", metric)


@rule(stage="targets", example="'督促平台在5个工作日内处理完毕' → '平台处理完毕'")
def time_limit_metric(n: Number) -> str:
    """A time limit: who, and what is done within it."""
    ws, we = n.a + LIMIT_LEAD.match(n.pre).end(), n.pos
    we = ws + LIMIT_TAIL.search(n.folded[ws:we]).start()
    if FROM_DATE.fullmatch(n.folded[ws:we]):
        we = ws
    return n.para[ws:we] + n.para[n.pb - len(n.post_clean):n.pb]


@rule(stage="targets", example="'对企业开展专利导航项目的，按项目实际支出的50%给予补助' → '企业开展专利导航项目补助'")
def rate_metric(n: Number) -> str:
    """A subsidy rate: the beneficiary and the aid; without a beneficiary, what the rate applies to
    ("按贷款利息的50%给予贴息": 贷款利息)."""
    f, s, para = n.folded, n.sent_start, n.para
    lead = f[s:n.pos]
    basis_at = [k.start() for k in BASIS.finditer(lead)]
    lead = lead[:basis_at[-1]] if basis_at else ""
    starts = [k.start() + 1 for k in CLAUSE_DUI.finditer(lead)] + ([0] if lead.startswith("对") else [])
    beneficiary = ""
    if starts:
        bs, be = s + max(starts) + 1, s + len(lead)
        seg = f[bs:be]
        be -= len(seg) - len(DE_TAIL.sub("", seg))
        beneficiary = para[bs:be].strip()
    if T.han_count(beneficiary) >= 2:
        aid = AID.search(f[n.end:n.b])
        return beneficiary + (para[n.end + aid.start():n.end + aid.end()] if aid else "")
    metric = para[n.a:n.pos].strip()
    basis = list(BASIS.finditer(metric))
    metric = metric[basis[-1].end():] if basis else metric.removeprefix("对")
    return metric.removesuffix("的")


@rule(stage="targets", example="'全市知识产权保护社会满意度不低于84分' → '知识产权保护社会满意度'")
def metric_before(n: Number) -> str:
    """The phrase before the number, without the comparator, fillers (力争, 全市 …), a leading year,
    or an earlier target of the same 、 list."""
    head = n.pre
    if n.pre_word:
        head = head.rstrip()
        idx = head.rfind(n.pre_word)
        head = head[:idx] if idx >= 0 else head
    lead = len(head) - len(FILLER.sub("", head))
    year_prefix = YEAR_PREFIX.match(head[lead:])
    if year_prefix:
        lead += year_prefix.end()
    metric = n.para[n.a + lead:n.a + len(head)].strip()
    if "、" in metric and DIGIT.search(metric[:metric.rindex("、")]):
        metric = metric[metric.rindex("、") + 1:]
    return metric


def _metric(n: Number, capped: bool, last_metric: str) -> str:
    if capped:
        return cap_metric(n, last_metric)
    if n.reward:
        return reward_metric(n)
    if n.post_full.startswith("内") and T.han_count(n.post_clean) >= 2:
        return time_limit_metric(n)
    if n.counted is not None:
        return n.para[n.a + n.counted.end():n.pos].strip()
    if n.unit == "%" and REWARD.match(n.post_clean):
        return rate_metric(n)
    if T.han_count(n.post_clean) >= 2:  # the noun after the number
        return n.para[n.pb - len(n.post_clean):n.pb].strip()
    return metric_before(n)


def _comparator(n: Number) -> str | None:
    """The comparator of a number, or None when it is no target; sets the fields the metric needs."""
    n.comparator, n.suffix_len = comparator_after(n.post_full, n.unit)
    if is_condition(n):
        return None
    if n.comparator is None and n.m.group("range"):
        n.comparator = ">="  # a range 1~2 is ">=" its lower bound
    n.pre_word, before = comparator_before(n.pre)
    n.comparator = n.comparator or before
    f = n.folded
    n.reward = bool(n.unit in L.MONEY_UNITS and REWARD.search(f[n.sent_start:n.b]))
    if n.unit in L.TIME_LIMIT_UNITS and not (n.comparator == "<=" and (n.pre_word or n.suffix_len)):
        return None
    if (n.reward or (n.unit == "%" and REWARD.search(f[n.a:n.b]))) and n.pre_word == "最高":
        n.comparator = "="  # a reward amount
    if n.comparator is None and not n.reward and T.han_count(n.post_full) < 2:
        n.counted = counting_verb(n.pre)
        if n.counted:
            n.comparator = "="
    if n.comparator is None:
        if COUNT_VERBS.search(n.pre) or n.reward or (n.unit == "%" and HAN_END.search(n.pre)):
            n.comparator = "="
        else:
            return None
    if n.unit in ("个工作日", "工作日", "天") and n.comparator == "=":
        return None
    return n.comparator


def paragraph_targets(para: str, measure, doc_year, year, plan_year, ctx: ParseContext) -> list[dict]:
    """Targets stated in one paragraph."""
    if not DIGIT.search(para):
        return []
    folded = ctx.fold_same(para).translate(T.HALF_WIDTH)
    events = year_markers(folded, doc_year, plan_year)
    out, seen = [], set()
    last_in_sentence = (None, "")  # (sentence start, metric) of the last target found
    for m in NUM.finditer(folded):
        n = Number(para, folded, m)
        if not_a_quantity(n) or _comparator(n) is None:
            continue
        pos, end, a = n.pos, n.end, n.a
        n.post, n.pb = n.post_full[n.suffix_len:], n.b
        if "、" in n.post:  # the words after the number end at the next item of a 、 list
            n.post = n.post[:n.post.index("、")]
            n.pb = end + n.suffix_len + len(n.post)
        n.post_clean = DE_START.sub("", n.post).strip()
        capped = bool(n.reward and CAP_CLAUSE.match(folded[a:pos]) and last_in_sentence[0] == n.sent_start)
        metric = CIRCLED_START.sub("", _metric(n, capped, last_in_sentence[1]).strip(" ，,、"))
        if T.han_count(metric) < 2:
            continue
        rate = n.unit == "%" and REWARD.search(folded[end:n.b])
        y = year
        for p, yy in events:
            if p <= pos and not ((n.reward or rate) and p < n.sent_start):
                y = yy
        if y is not None and RECURRING.search(folded[a:pos]) and not any(a <= p <= pos for p, _ in events):
            y = None  # "每年完成…不少于2项": a recurring commitment has no deadline year
        qa = a
        if n.reward and not capped:
            rm = REWARD.search(folded[a:pos])
            qa = a + rm.start() if rm else max(a, pos - 6)
        if n.reward and n.post_clean:
            quote = para[qa:n.pb].strip(" ，,")
        else:
            quote = para[qa:end + n.suffix_len + (len(n.post) if n.post_clean and not n.reward else 0)].strip(" ，,")
        value = _number(m.group("num"))
        if (value, n.unit, metric) in seen:
            continue
        seen.add((value, n.unit, metric))
        last_in_sentence = (n.sent_start, metric)
        out.append({"measure": measure, "metric": metric, "comparator": n.comparator, "value": value,
                    "unit": para[m.start("unit"):m.end("unit")].translate(T.HALF_WIDTH), "year": y, "quote": quote})
    return out


def _cells(line: str) -> list[str]:
    return [c.strip() for c in CELL_SPLIT.split(line.strip()) if c.strip()]


@rule(stage="targets", example="'指标名称\\t2022年基数\\t2025年目标' + '专利拥有量（件）\\t1.52\\t2.6' → 2.6 件 >= 2025")
def indicator_table(lines: list[str], measure, ctx: ParseContext) -> tuple[list[dict], set[int]]:
    """Targets of an indicator table whose cells are split by tabs, runs of spaces or bars: a header
    naming the metric column and a goal column (2025年目标, not the base year), one row per metric.
    Returns the targets and the lines the table used."""
    out, used = [], set()
    i = 0
    while i < len(lines):
        head = _cells(ctx.fold_same(lines[i]))
        goal_cols = [k for k, c in enumerate(head) if GOAL_HEAD.search(c) and not BASE_HEAD.search(c)]
        metric_col = next((k for k, c in enumerate(head) if METRIC_HEAD.search(c)), None)
        if len(head) < 3 or not goal_cols or metric_col is None or metric_col in goal_cols:
            i += 1
            continue
        goal = goal_cols[-1]
        ym = ANY_YEAR.search(head[goal])
        year = int(ym.group(1)) if ym else None
        unit_col = next((k for k, c in enumerate(head) if UNIT_HEAD.fullmatch(c)), None)
        rows_found, j = 0, i + 1
        while j < len(lines):
            raw_cells = _cells(lines[j])
            shift = len(head) - len(raw_cells)  # a row may omit an empty cell at the start (序号) or the end
            if len(raw_cells) < 3 or shift < 0 or shift > 1:
                break
            cells = raw_cells if shift == 0 else ([""] + raw_cells if not P.ROW_NUMBER.fullmatch(raw_cells[0])
                                                   else raw_cells + [""])
            if goal >= len(cells) or metric_col >= len(cells):
                break
            vm = TABLE_VALUE.match(ctx.fold_same(cells[goal]).replace(" ", ""))
            metric, unit = cells[metric_col], None
            um = UNIT_IN_NAME.search(metric)
            if um:
                unit, metric = um.group(1), metric[:um.start()].strip()
            if unit_col is not None and unit_col < len(cells) and cells[unit_col]:
                unit = cells[unit_col]
            if vm and vm.group("unit"):
                unit = unit or cells[goal][vm.start("unit"):vm.end("unit")]
            if vm and T.han_count(metric) >= 2:
                comparator = L.TABLE_COMPARATORS.get(vm.group("cmp") or vm.group("suffix") or "", ">=")
                out.append({"measure": measure, "metric": metric, "comparator": comparator,
                            "value": _number(vm.group("num")), "unit": unit or "", "year": year,
                            "quote": lines[j].strip()})
                rows_found += 1
            used.add(j)
            j += 1
        if rows_found:
            used.add(i)
        i = j if rows_found else i + 1
    return out, used


def extract_targets(text: str, *, measure: int | None, doc_year: int | None, year: int | None = None,
                    plan_year: int | None = None, ctx: ParseContext | None = None) -> list[dict]:
    """Targets stated in ``text`` (one measure, or one document-level paragraph). year: the deadline
    that holds unless the text states one; plan_year: the year an annual plan's 全年/今年 refer to."""
    ctx = ctx or ParseContext()
    out = []
    lines = text.split("\n")
    table_lines: set[int] = set()
    if "\t" in text or "  " in text or "|" in text:
        out, table_lines = indicator_table(lines, measure, ctx)
    for i, para in enumerate(lines):
        if i not in table_lines:
            out += paragraph_targets(para, measure, doc_year, year, plan_year, ctx)
    return out


def targets(ctx: ParseContext) -> None:
    """ctx.targets: document-level targets (preamble, general-requirements chapters, unnumbered chapters;
    not a 规划's background), then each measure's, in document order."""
    doc_year, plan = document_year(ctx.document), plan_year(ctx.document)
    measure_ids = {id(n) for n in ctx.nodes}
    chunks = [(line, None) for line in ctx.outline.preamble]
    for node in ctx.outline.nodes:
        if id(node) in measure_ids or is_background(node, ctx):
            continue
        if is_general(node, ctx) or not node.children:
            chunks.append((node.text, inherited_year(node, ctx)))
        elif node.extra:
            chunks.append(("\n".join(node.extra), inherited_year(node, ctx)))
    for chunk, year in chunks:
        ctx.targets += extract_targets(strip_units(chunk, ctx), measure=None, doc_year=doc_year, year=year,
                                       plan_year=plan, ctx=ctx)
    for m, node, body in zip(ctx.measures, ctx.nodes, ctx.bodies):
        ctx.targets += extract_targets(body, measure=m["ordinal"], doc_year=doc_year, year=deadline_note(node.text, ctx),
                                       plan_year=plan, ctx=ctx)
