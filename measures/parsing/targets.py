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
from .header import parse_date
from .outline import condition_item, is_background, is_general, requirement_item
from .units import strip_units

CN_NUM_CHARS = "一二两三四五六七八九十百千万"
# "分别给予一次性奖励0.5万、1万、2万元", "奖励5万": an amount written without its 元 (bare_wan_amount)
BARE_WAN = "万"
RANGE_MULTIPLIERS = "万亿千萬億"  # "5000-3万元": the upper bound's own (range_lower_unit)
# a band with both ends ("1千克以上10千克以下": band_bound)
BAND_LOWER = re.compile(r"^(?:以上|及以上)\s*\d+(?:\.\d+)?\s*[^\d，,。；;]{0,4}?(?:以下|以内|及以下|不满)")
BAND_UPPER_BEFORE = re.compile(r"\d+(?:\.\d+)?\s*[^\d，,。；;]{0,4}?(?:以上|及以上)\s*$")
BAND_UPPER_AFTER = re.compile(r"^(?:以下|以内|及以下)")
# "分以上为优秀", "分以上90分以下为良好": the words after a score that bounds a grade (grade_band)
GRADE_BAND = re.compile(rf"^(?:以上|以下|及以上|及以下|\(含\)|（含）)?(?:[\d.]+分?(?:以上|以下|及以上|及以下)?)?的?"
                        rf"(?:为|评为|定为|确定为|评定为)(?:{P.alternation(L.GRADE_WORDS)})")
NUM = re.compile(rf"(?<![\d.A-Za-z\-/@])(?<!\d[:：])(?:(?P<num>\d+(?:\.\d+)?)|(?<![{CN_NUM_CHARS}第])(?P<cn>[{CN_NUM_CHARS}]{{1,4}}))"
                 rf"(?:\s*(?P<range>[~～\-—至到]\s*\d+(?:\.\d+)?))?"
                 rf"\s*(?P<unit>{P.alternation(L.COUNTRY_UNITS)}(?=[，,。；;、)）]|$)|(?<=\d){BARE_WAN}(?=[，,。；;、]|$)|"
                 rf"{P.alternation(L.TARGET_UNITS)})(?!(?<=分)之)"  # "百分之二十", "三分之一": a fraction, no score (分)
                 # "0.3元/斤", "30万吨/年", "2元/车/小时": what the amount is per, part of the unit as written
                 rf"(?P<per>(?:\s*[/／]\s*(?:{P.alternation(L.PER_UNIT_WORDS)})(?![{P.HAN}]{{0,1}}[率量]))*)")
DEFINITION = re.compile(r"是指|系指|本(?:办法|条例|规定|细则)所称")  # a sentence defining a term
# "—10%" after "3%": the upper bound of a range, the unit written twice (unit_range_after)
UNIT_RANGE = re.compile(r"^\s*[~～\-—至到]\s*\d+(?:\.\d+)?\s*(?P<unit>" + P.alternation(L.TARGET_UNITS) + ")")
# "原创作品:" before a number that opens its clause: a label of two to twelve characters (metric_before)
LABEL_BEFORE_COLON = re.compile(r"(?:^|[，,。；;：:、\s])([^，,。；;：:、\s]{2,12})\s*$")
# the characters T.HALF_WIDTH maps (_half_width: a paragraph without one needs no translate)
SIGN = re.compile(r"[<>]")
OCR_STOP = re.compile(rf"(?<=[%{P.HAN}])\.(?=[{P.HAN}])")
FULL_WIDTH_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in T.HALF_WIDTH) + "]")
CN_VALUES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SCALES = {"十": 10, "百": 100, "千": 1000, "万": 10000}
COMPARATORS = tuple(sorted(L.COMPARATORS_BEFORE, key=lambda p: -len(p[0])))  # longest first
AT_LEAST_BEFORE_VERB = re.compile(rf"(?:至少|不少于|不低于)[{P.HAN}]{{0,4}}$")
AT_MOST_BEFORE_VERB = re.compile(rf"(?:最多|最高|不超过)[{P.HAN}]{{0,4}}$")
# "最高不超过单笔实际贷款额度的3%": a cap on a share of something
AT_MOST_SHARE_OF = re.compile(r"(?:最多|最高|不超过|不高于)[^，,。；;]{1,16}的$")
LIMIT_VERB = re.compile(rf"内(?:进行|予以|依法|全部|及时|将[^，,。；;]{{1,12}}?)?(?:{'|'.join(L.LIMIT_VERBS)}|$)")
WORKDAY_LIMIT = re.compile(rf"内[{P.HAN}]")  # "5个工作日内移送": a working-day count before 内 is a limit
CLAUSE_COUNT = re.compile(f"(?:{'|'.join(L.CLAUSE_COUNT_VERBS)})")
COUNT_VERBS = re.compile(rf"(?:{'|'.join(L.COUNT_VERBS)})[^，,。；;]{{0,4}}$")
COUNT_VERB_JUST_BEFORE = re.compile(rf"(?:{'|'.join(L.COUNT_VERBS)})$")
REWARD = re.compile("|".join(L.REWARD_WORDS))
REWARD_TITLE = P.REWARD_AMOUNT  # a title naming the amounts (reward_titled)
DESCRIBED_NOUN = re.compile(rf"^[^、，,。；;：:\d]{{1,12}}、[^，,。；;：:\d]{{1,40}}?的(?P<noun>[{P.HAN}]{{2,16}})$")
# a base figure and its unit closing a clause ("…比2010年的165902吨、56237吨"): respective_metric drops it
FIGURE_TAIL = re.compile(r"\d[\d.]*\s*[^\d、，,]{0,2}$")
RATE_VERB = re.compile(r"^(?:予以|进行|实行|按|作为)")
AID = re.compile(f"(?:{'|'.join(L.AID_WORDS)})")
AID_SHARE_END = re.compile(f"(?<=.)(?:{'|'.join(L.AID_WORDS)})比例$")  # aid_share's ending: a cap after it is of the base
FILLER = re.compile(f"^(?:{'|'.join(L.METRIC_FILLERS)})+")
CAP_CLAUSE = re.compile(rf"\s*(?:{'|'.join(L.CAP_OPENERS)})")
CAP_TAIL = re.compile(r"(?:(?:最高|最多|不超过|不高于|原则上|累计|给予|可|的|\s)+)$")
THIS_YEAR = re.compile("|".join(L.THIS_YEAR_WORDS))
THIS_YEAR_NAMED = re.compile("|".join(L.THIS_YEAR_NAMED_WORDS))
RECURRING = re.compile("|".join(L.RECURRING_WORDS))
START_YEAR = re.compile(rf"(?:^|(?<=[，,。；;：:\s])){P.YEAR_G}\s*年(?:度)?(?:[，,：:]|(?=[{P.HAN}]))(?!以来|来|同比|比|的|底|末|前)")
# "力争两年内", "用3年时间", "今后5年", "未来五年" (b395 006): counted from the document's year
RELATIVE_YEAR = re.compile(r"(?:力争|争取|用|在|经过)?\s*(?P<n>\d|[一二两三四五六七八九十])\s*(?:个)?年(?:内|时间|左右)"
                           r"|(?:今后|未来)\s*(?P<ahead>\d|[一二两三四五六七八九十])\s*(?:个)?年(?![度级])")
RELATIVE_CUE = re.compile(r"力争|争取|用|经过|在|今后|未来")
CN_ONES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
CONDITION_DE = re.compile(r"的(?:[，,；;]|$)")
DE_START = re.compile(r"^[的之]")
# "950元、1300元、2000元的生活补贴": the amounts of a list, then the aid they are, named after 的 (listed_amounts_noun)
LISTED_AMOUNTS_NOUN = re.compile(
    rf"^(?:\s*[、和及或]\s*\d[\d.]*\s*(?:{P.alternation(L.MONEY_UNITS)})?)*\s*的"
    rf"(?P<noun>[{P.HAN}]{{0,8}}?(?:{P.alternation(L.AID_WORDS + L.AID_NOUN_WORDS)})[{P.HAN}]{{0,2}})(?=[，,。；;：:、)）]|$)")
COUNT_VERBS_FAR = re.compile(rf"(?:{'|'.join(L.COUNT_VERBS)})[{P.HAN}]{{5,10}}$")
HAN_END = re.compile(rf"[{P.HAN}]\s*$")  # "按交易额的 0.5%" (a PDF's space before the number, b146 003)
# "100万元,", "50%、": an amount and the stop after it, inside a later target's metric
EARLIER_AMOUNT = re.compile(rf"\d+(?:\.\d+)?\s*(?:{P.alternation(L.MONEY_UNITS + ('%',))})[,，、;；]")
CIRCLED_START = re.compile(rf"^[{P.CIRCLED}]\s*")
TIER_SEPARATOR = re.compile(r"\s*(?:[、,，]|和|及|或)\s*")  # between two tiers of a list of amounts
REWARD_TAIL = re.compile(r"(?:最高|一次性)?(?:给予|奖励|资助|补助|补贴)[^，,]{0,6}$")
COMMA_DUI = re.compile(r"[，,]对")
# "给予培养单位500万元", "给予引才单位最高500万元": who receives the reward, named after the verb (reward_metric)
REWARD_BENEFICIARY = re.compile(rf"(?:最高|一次性)?(?:给予|奖励|资助|补助|补贴)((?:(?!最高|不超过|一次性)[{P.HAN}]){{2,6}})"
                                rf"(?:最高|不超过|一次性)*\s*$")
PRIOR_AMOUNT = re.compile(rf"\d\s*(?:{P.alternation(L.MONEY_UNITS)})")  # an earlier amount in the same sentence
CLAUSE_DUI = re.compile(rf"[，,；;{P.CIRCLED}]对")
COMMA = re.compile(r"[，,]")
DUI_START = re.compile(rf"^[{P.CIRCLED}]?\s*对")
LIMIT_LEAD = re.compile(rf"\s*(?:{'|'.join(L.LIMIT_LEADS)})*")
LIMIT_TAIL = re.compile(r"[在于起]?\s*$")
FROM_DATE = re.compile(r"自.{0,10}")
BASIS = re.compile(r"按照|依照|参照|按")
BASIS_METRIC = re.compile(r"^(?:可|可以)?(?:按照|依照|参照|按)(?:不超过|不高于|最高|最多)?(.+?)的?$")
DE_TAIL = re.compile(r"的?[\s，,]*$")
YEAR_PREFIX = re.compile(rf"^(?:到|至)?\s*(?:{P.YEAR}\s*(?:年\s*)?[{P.DASH}]\s*)?{P.YEAR}\s*年(?:底|末|间|期间)?(?:前)?[，,\s]*")
DIGIT = re.compile(r"\d")
WRAPPED_MIN_LINES, WRAPPED_WIDTH = 8, 24  # a flattened table: most of many lines are this short
WRAP_STOP = re.compile(r"(?:[。；;！!？?：:]|以上|以下|以内)\s*$")  # a sentence or a target ends the cell
END_STOP = re.compile(r"[。；;！!？?…）)」”]\s*$")
CLAUSE_STOP = "，,；;。:：！!？?\n"
SENTENCE_STOP = "。；;！!？?\n"
# indicator tables ("主要指标": 指标名称 | 2022年基数 | 2025年目标)
# a bracketed note that closes the clause right after a number ("12件(上述指标均为预期性指标)。")
NOTE_AFTER = re.compile(rf"\s*{P.PAREN_OPEN}[^()（）]*{P.PAREN_CLOSE}?\s*(?:[，,。;；]|$)")
CELL_SPLIT = re.compile(r"\t+|\s{2,}|\s*[|｜]\s*")
GOAL_HEAD = re.compile(rf"{P.YEAR_G}\s*年?[^\d]{{0,6}}$|" + "|".join(L.TABLE_GOAL_HEADS))
BASE_HEAD = re.compile("|".join(L.TABLE_BASE_HEADS))
METRIC_HEAD = re.compile("|".join(L.TABLE_METRIC_HEADS))
UNIT_HEAD = re.compile(r"(?:计量)?单位")
# "奖励金额(万元)", "资助标准（元/件）": a column of reward amounts, its unit in the header
AMOUNT_HEAD = re.compile("|".join(L.TABLE_AMOUNT_HEADS))
UNIT_IN_NAME = re.compile(rf"{P.PAREN_OPEN}([^()（）]{{1,8}}){P.PAREN_CLOSE}\s*$")
TABLE_VALUE = re.compile(rf"^(?P<cmp>{P.alternation(k for k in L.TABLE_COMPARATORS if k not in ('以上', '以下', '以内'))})?"
                         rf"\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|‰|[{P.HAN}/]{{1,5}})?\s*(?P<suffix>以上|以下|以内)?$")
ANY_YEAR = re.compile(P.YEAR_G)
# a task's own deadline note ("（2025年底前完成）", "完成时限：2024年12月底前")
DEADLINE_NOTE = re.compile(rf"{P.PAREN_OPEN}\s*(?:完成时限[:：]\s*)?{P.YEAR_G}\s*年[^()（）]{{0,8}}?(?:底|末)?(?:以?前|之前)"
                           rf"(?:完成|落实|实现|到位)?\s*{P.PAREN_CLOSE}|完成时限[:：]\s*{P.YEAR_G}\s*年")
# "2016年," opening a review (past_year_review): at the start, after a sentence, or after a plan's title
PAST_YEAR_OPENING = re.compile(rf"(?:^|(?<=[。；;])|(?<=计划)|(?<=规划)|(?<=方案))\s*{P.YEAR_G}\s*年(?:度)?[，,]")
PAST_VERBS = re.compile("|".join(L.PAST_REVIEW_VERBS))
# "“十三五”期间，…" opening a review of a past five-year plan (past_period_review), and where goals resume
PAST_PERIOD_OPENING = re.compile(rf"(?:^|(?<=[。；;）)])|(?<=成效)|(?<=基础)|(?<=回顾))\s*[“\"]?\s*({P.alternation(p for p, _ in L.FIVE_YEAR_PLANS)})"
                                 rf"\s*[”\"]?\s*(?:期间|时期|以来)[，,]")
GOALS_RESUME = re.compile(rf"到\s*{P.YEAR_G}\s*年|(?:^|(?<=[、)）.．]))\s*(?:{P.alternation(L.GOAL_CHAPTER_WORDS)})")
CHAPTER_START = re.compile(rf"^\s*[{P.CN_DIGITS}]+\s*[、.．]")
PLAN_YEAR = re.compile(rf"{P.YEAR_G}\s*年(?:度)?(?![{P.DASH}]|\d)")
ANNUAL_PLAN = re.compile("|".join(L.ANNUAL_PLAN_WORDS))
# "现对2024年全市生态环境工作作出如下安排", "三、2024年主要工作安排": the opening that names the year a page plans
OPENING_PLAN = re.compile(rf"{P.YEAR_G}\s*年(?:度)?[{P.HAN}、“”\"]{{0,24}}?(?:{P.alternation(L.OPENING_PLAN_NOUNS)})[{P.HAN}]{{0,4}}?"
                          rf"(?:{P.alternation(L.OPENING_PLAN_ENDS)})")
OPENING_PLAN_SPAN = 500
FIVE_YEAR_PLAN = re.compile(P.alternation(name for name, _ in L.FIVE_YEAR_PLANS))  # "“十四五”时期…责任分解"
YEARS_FROM = re.compile(rf"{P.YEAR}\s*[{P.DASH}]")
EDITION_YEAR = re.compile(rf"[(（]\s*{P.YEAR}\s*年\s*(?:修订|修正|修改|版)\s*[)）]")
# "到“十四五”末", "“十五五”期末": the last year of a five-year plan
FIVE_YEAR_END = re.compile(rf"[“\"]?({'|'.join(k for k, _ in L.FIVE_YEAR_PLANS)})[”\"]?(?:时期|期)?末")
FIVE_YEARS = dict(L.FIVE_YEAR_PLANS)
# "2022年8月底前", "2025年6月30日前": a deadline with its month
MONTH_DEADLINE = re.compile(rf"{P.YEAR_G}\s*年\s*\d{{1,2}}\s*月?\s*(?:\d{{1,2}}\s*日)?\s*(?:底|末)?(?:以?前|之前)")
# "确保2022年全省…": a year inside a commitment's sentence (it holds for that sentence only)
LEAD_YEAR = re.compile(rf"(?:{'|'.join(L.YEAR_LEAD_WORDS)})\s*(?:到|至|在)?\s*{P.YEAR_G}\s*年(?!以来|来|同比|度?[\d一二三四五六七八九十]+月)")
# the title's plan period: "(2022—2025)", "2021-2025年", "“十四五”"
TITLE_PERIOD = re.compile(rf"{P.YEAR}\s*(?:年\s*)?[{P.DASH}]\s*{P.YEAR_G}|"
                          rf"({'|'.join(k for k, _ in L.FIVE_YEAR_PLANS)})")
SENTENCE_OPENING = re.compile(rf"^[\s{P.CIRCLED}（(一二三四五六七八九十、）)\d.]*(?:{'|'.join(L.METRIC_FILLERS)}|力争|争取)*\s*$")
BASE = re.compile("|".join(L.BASE_WORDS))
FILING = re.compile("|".join(L.FILING_WORDS))
# "…均在" shares a value, "年人均", "户均" average one (b656 007: "泰山区、新泰市…供养标准年人均2600元" is one metric)
SHARED_VALUE = re.compile(rf"(?<![{''.join(L.AVERAGE_BEFORE)}])(?:{P.alternation(L.SHARED_VALUE_ENDS)})$")
SHARED_SPLIT = re.compile(r"[和与、及]")
JOINED_NEXT = re.compile(rf"[和及与、](?=\s*(?:\d|[{CN_NUM_CHARS}]+[{P.HAN}]))")
CONNECTOR = re.compile(r"[、和及与]")
LIST_GAP = re.compile(r"[^，,。；;：:]{0,30}")
# "同时符合以下两个或两个以上条件：(一)…": the numbers of a list of conditions
REWARD_GRANT = re.compile("|".join(L.REWARD_GRANT_WORDS))
# "…达到80%以上", "覆盖面达100%", "不低于85分": a heading's own quantified goal
HEADING_GOAL = re.compile(r"(?:达到|达|不低于|不少于|超过|突破|提高到|提升至|控制在)\s*\d+(?:\.\d+)?\s*[%％‰分个家件项人亿万]")
BENEFICIARY_DE = re.compile(rf"的(?:{P.alternation(L.BENEFICIARY_NOUNS)})")
CONDITIONS_LIST = re.compile(r"(?:以下|下列|如下)[^。；;]{0,12}条件")
# "…分别给予20万元、15万元、": a grant verb before the number with nothing but amounts between
GRANT_BEFORE = re.compile(r"(?:给予|奖励|资助|补助|补贴|奖补|发放)(?:一次性|最高|分别)?[\d.万元、和及\s]*$")
# "两项以上奖励的按最高级别予以奖励": the number qualifies the subject a rule applies to
# "十分重要": 十分 as "very" (before a word), not ten points
ADVERB_SHIFEN = re.compile(rf"十分(?=[{P.HAN}])")
# "…，给予最高10万元支持": a reward amount later in the same sentence (a count before it is what earns it)
REWARD_LATER = re.compile(rf"[^。；;！!？?\n]*?(?:{'|'.join(L.REWARD_WORDS)})[^。；;，,]{{0,8}}?\d+(?:\.\d+)?\s*(?:万元|亿元|千元|元)")
# "占我省企业总数的97%", "吸纳了55.5%的就业人员": a share or an achievement stated as it is
STATED_SHARE = re.compile(r"占[^，,。；;]{1,20}的$|了$")
QUALIFIED = re.compile(rf"^(?:[^，,。；;]{{0,24}}的)?\s*[{P.HAN}]{{0,4}}(?:{'|'.join(L.BENEFICIARY_NOUNS)})")
SUBJECT_DE = re.compile(rf"^[{P.HAN}]{{1,20}}的(?:[，,]|$|按|给予|予以|可)")


def _number(s: str) -> int | float:
    v = float(s)
    return int(v) if v.is_integer() else v


@rule(stage="targets", example="'十五' → 15; '五千' → 5000; '一' → 1; '十五万' → 150000")
def cn_value(s: str) -> int | None:
    """The value of a number written in Chinese characters (digits with 十 百 千 万)."""
    total, section, cur = 0, 0, None
    for c in s:
        if c in "零〇":
            continue
        if c in CN_VALUES:
            cur = CN_VALUES[c]
        elif c == "万":
            total += (section + (cur or 0)) * 10000
            section, cur = 0, None
        elif c in CN_SCALES:
            section += (cur if cur is not None else 1) * CN_SCALES[c]
            cur = None
        else:
            return None
    return total + section + (cur or 0)


def _value(m: "re.Match[str]") -> int | float | None:
    return _number(m.group("num")) if m.group("num") else cn_value(m.group("cn"))


# --- the years a document's targets refer to ------------------------------------------------

def dated_by_the_text(ctx: ParseContext) -> dict:
    """The document as its own text dates it: a publication date that is only a copying site's upload date
    ("上传时间:…", header) says nothing of the year its targets count from (b417 003, b48 003)."""
    doc = ctx.document or {}
    uploaded = ctx.header.meta.get("uploaded") if ctx.header is not None else None
    if uploaded and doc.get("published_date") and parse_date(uploaded) == doc["published_date"]:
        return dict(doc, published_date=None)
    return doc


@rule(stage="targets", example="{'signed_date': '2024-07-09'} → 2024; {'title': '2023年工作要点'} → 2023")
def document_year(document: dict) -> int | None:
    """The year the document speaks from: its signing or publication date, else a year in its title."""
    for key in ("signed_date", "published_date"):
        if document.get(key):
            return int(document[key][:4])
    m = ANY_YEAR.search(document.get("title") or "")
    return int(m.group(1)) if m else None


@rule(stage="targets", example="'2024年绍兴市知识产权工作要点' → 2024; '2021—2025年知识产权规划' → None; '关于落实《政府工作报告》重点工作部门分工的意见' (signed 2019) → 2019")
def plan_year(document: dict) -> int | None:
    """The year of an annual plan (要点, 计划, 方案 …; 要點 too): its 全年 and 今年 mean that year, and
    its goals chapter's indicators are for that year. A division of a government work report that names
    no year in its title is for the year it was made in."""
    title = EDITION_YEAR.sub("", T.fold(document.get("title") or ""))  # "…实施方案(2024年修订)": no plan year
    m = PLAN_YEAR.search(title)
    if m and ANNUAL_PLAN.search(title) and not YEARS_FROM.search(title):
        return int(m.group(1))
    if L.WORK_REPORT in title and not YEARS_FROM.search(title) and not FIVE_YEAR_PLAN.search(title):
        return document_year(document)  # "关于落实《政府工作报告》重点工作部门分工的意见": the report's year (b341 002)
    return None


@rule(stage="targets", example="'…现对2024年全市生态环境工作作出如下安排。' → 2024; '根据《省2023年工作要点》,…' → None")
def opening_plan_year(opening: str) -> int | None:
    """The year a page without a dated title plans for, named in its opening ("现对2024年全市生态环境工作作出
    如下安排", b123 009; "三、2024年主要工作安排", b473 007; "街道2023年工作要点"): its yearless figures are
    for that year, as an annual plan's are (plan_year). A plan quoted in 《》 is someone else's."""
    for m in OPENING_PLAN.finditer(opening):
        before = opening[:m.start()]
        if before.count("《") <= before.count("》"):
            return int(m.group(1))
    return None


ISSUING_NOTICE = re.compile(rf"{P.alternation(L.ISSUING_VERBS)}|(?:{P.alternation(L.PUBLISHING_VERBS)})\s*[《〈]")


@rule(stage="targets", example="'…关于下达2016年农村五保供养标准的通知' over '…标准:小店区7000元、…' → those lines; "
                               "'…关于印发《…实施方案》的通知' → []")
def own_notice_lines(ctx: ParseContext) -> list[str]:
    """The text of a notice that says what it decides itself, issuing no document ("关于下达2016年农村五保供养
    标准的通知", b653 003; "关于公布2023年城镇老旧小区改造计划的通知", b176 006): the header took it for a
    covering notice, but its figures are the document's (read where the page has no numbered measures).
    A notice that issues or forwards a document (印发, 转发, 发布《…》) only covers it: []."""
    h = ctx.header
    if h is None or h.notice_line is None or not h.notice_title or ISSUING_NOTICE.search(ctx.fold(h.notice_title)):
        return []
    return [line for i, line in enumerate(ctx.lines[h.notice_line + 1:h.body_start], h.notice_line + 1)
            if i not in h.meta_lines]


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


@rule(stage="targets", example="'到2026年，满意度达到84分' → [(0, 2026)]; '力争两年内…' (2024) → [(…, 2026)]; "
                               "'今后5年，全县新增…' (2022) → [(0, 2027)]")
def year_markers(folded: str, doc_year: int | None, plan_year: int | None) -> list[tuple[int, int]]:
    """(position, year) of every deadline in a paragraph: 到2026年 / 2025年底前 / 2022年8月底前, 到“十四五”末
    (the plan's last year), a range's last year,
    两年内 counted from the document's year, 全年/今年 in an annual plan, a clause opened by a year
    (not a past one)."""
    events = [(m.start(), int(next(g for g in m.groups() if g))) for m in P.YEAR_AT.finditer(folded)]
    events += [(m.start(), int(m.group(1))) for m in MONTH_DEADLINE.finditer(folded)
               if not any(p == m.start() for p, _ in events)]
    events += [(m.start(), FIVE_YEARS[m.group(1)]) for m in FIVE_YEAR_END.finditer(folded)]
    events += [(m.start(), int(m.group(2))) for m in P.YEAR_RANGE.finditer(folded)]
    for m in RELATIVE_YEAR.finditer(folded):
        opening = m.start() == 0 or folded[m.start() - 1] in CLAUSE_STOP
        if doc_year and (RELATIVE_CUE.search(folded[max(0, m.start() - 3):m.start() + 3]) or opening):
            n = m.group("n") or m.group("ahead")
            events.append((m.start(), doc_year + (int(n) if n.isdigit() else CN_ONES.get(n, 0))))
    if plan_year:
        events += [(m.start(), plan_year) for m in THIS_YEAR.finditer(folded)]
    elif doc_year:  # "本年度拟认定…不超过20家" in a notice of 2024: the document's year
        events += [(m.start(), doc_year) for m in THIS_YEAR_NAMED.finditer(folded)]
    events += [(m.start(1), int(m.group(1))) for m in START_YEAR.finditer(folded)
               if doc_year is None or int(m.group(1)) >= doc_year]
    return sorted(events)


@rule(stage="targets", example="'严格落实责任，确保2022年全省粮食播种面积稳定在…' → [(…, 2022, end of that sentence)]")
def sentence_years(folded: str, doc_year: int | None) -> list[tuple[int, int, int]]:
    """(position, year, end of its sentence) of a year that a commitment's sentence names inside it
    ("确保2022年…", "力争2025年…"): it holds for that sentence only, not a past year."""
    out = []
    for m in LEAD_YEAR.finditer(folded):
        y = int(m.group(1))
        if doc_year is None or y >= doc_year:
            e = m.end()
            while e < len(folded) and folded[e] not in SENTENCE_STOP:
                e += 1
            out.append((m.start(), y, e))
    return out


@rule(stage="targets", example="'到2025年，全省…。' → 2025 (carried to the next paragraphs); '确保2025年完成' → None")
def carried_year(folded: str, events: list[tuple[int, int]]) -> int | None:
    """The deadline a goals paragraph sets for the paragraphs after it: its last deadline that opens a
    sentence ("到2025年，…", "（一）总体目标。到2025年…") or leads a clause ("…目标2022年8月底前，…")."""
    carried = None
    for p, y in events:
        s = p
        while s > 0 and folded[s - 1] not in SENTENCE_STOP:
            s -= 1
        e = p
        while e < len(folded) and folded[e] not in CLAUSE_STOP:
            e += 1
        lead = T.han_count(folded[p:e]) <= 8 and folded[e:e + 1] in ("，", ",")
        if SENTENCE_OPENING.match(folded[s:p]) or lead:
            carried = y
    return carried


@rule(stage="targets", example="'广东省促进老字号创新发展行动方案(2022—2025)' → 2025; '…“十四五”知识产权规划' → 2025")
def title_period(document: dict) -> int | None:
    """The last year of the plan period a title names: a goals chapter's indicators without a year of
    their own are for that year."""
    m = TITLE_PERIOD.search(document.get("title") or "")
    if not m:
        return None
    return int(m.group(1)) if m.group(1) else FIVE_YEARS[m.group(2)]


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
    goal: bool = False  # a deadline year holds here (a goals list): plain counts are targets
    prev: tuple | None = None  # (sentence start, end, comparator, metric) of the last target found

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
    unit = property(lambda self: "万元" if self.m.group("unit") == BARE_WAN else self.m.group("unit"))
    pre = property(lambda self: self.folded[self.a:self.pos])
    post_full = property(lambda self: self.folded[self.end:self.b])


# "比2010年的12.4万吨、" before a number: the base year's figure, not a goal
BASELINE_BEFORE = re.compile(rf"比{P.YEAR}年(?:底|末)?的[\d.]*(?:[{P.HAN}]{{0,3}}[、和及])?\s*$")
BASELINE_SPAN = 20
# "从现在的每人每月不低于60元提高到…", "由18.92%增长到…": a change's starting value (change_start)
CHANGE_FROM = re.compile(r"(?:从|由)[^，,。；;从由]{0,16}$")
CHANGE_FROM_SPAN = 20
CHANGE_TO = re.compile(rf"^[^，,。；;]{{0,6}}?(?:{P.alternation(L.CHANGE_TO_VERBS)})")


RAISED_FROM = re.compile(rf"(?:从|由)[^，,。；;从由]{{0,30}}?(?:{P.alternation(L.RAISE_TO_VERBS)})\s*$")


@rule(stage="targets", example="'单次交易限值由人民币2000元提高至' → True; '奖扶标准从现在的每人每月不低于60元提高到每人每月不低于' → False; "
                               "'满意度提高到' → False")
def raised_from(pre: str) -> bool:
    """An amount raised from where it stands to a new one ("限值由2000元提高至5000元", "补助标准由400元/头提高至1000元/头",
    b649 011, b634 009): the new amount is set ("="), as an adjustment's is (调整为), not a floor; a floor written
    after the verb (提高到…不低于80元) stays one, and so does a goal counted in things ("床位从15.9万张增加到17.8万张",
    the caller reads money only)."""
    return bool(RAISED_FROM.search(pre))


@rule(stage="targets", example="'奖扶标准从现在的每人每月不低于60元提高到…80元' (60) → True; "
                               "'火化率由18.92%增长到24.67%' (18.92) → True, (24.67) → False")
def change_start(n: Number) -> bool:
    """The value a change starts from ("从…60元提高到…80元", "由18.92%增长到…"): where things stand,
    not the commitment (the value after the verb is)."""
    before = n.folded[max(n.a, n.pos - CHANGE_FROM_SPAN):n.pos]
    return bool(CHANGE_FROM.search(before)) and bool(CHANGE_TO.match(n.post_full[n.suffix_len:] if n.suffix_len else n.post_full))


DOC_PART_AFTER = re.compile(rf"^\s*[{P.HAN}]{{0,4}}?(?:{P.alternation(L.DOC_PART_NOUNS)})")
DOC_PART_BEFORE = re.compile(r"(?:共|分为|\d\s*[章节])\s*$")


@rule(stage="targets", example="'此次出台的《办法》设总则…附则共7章40条' (40) → True; '济南发布40条专项办法' → True; "
                               "'新建5条农村公路' → False")
def document_parts(n: Number) -> bool:
    """A count of a document's own parts: its chapters and articles ("共7章40条"), or its measures
    ("发布40条专项办法", "共14條具體措施", b330 007, b56 006): how the text is laid out, no commitment."""
    if n.unit not in L.DOC_PART_UNITS:
        return False
    return bool(DOC_PART_BEFORE.search(n.pre)) or bool(DOC_PART_AFTER.match(n.post_full))


# "…代表性项目名录(共计9项)予以公布": how many entries a list holds, in brackets
TALLY_BEFORE = re.compile(rf"[(（]\s*(?:{P.alternation(L.TALLY_WORDS)})\s*$")
TALLY_AFTER = re.compile(r"\s*[)）]")


@rule(stage="targets", example="'…项目名录(共计9项)予以公布' (9) → True; '共建成9个示范点' (9) → False")
def list_tally(n: Number) -> bool:
    """A count in brackets of the entries a list holds ("名录(共计9项)", "(共6个)", b220 011): what the page lists,
    no commitment."""
    return bool(TALLY_BEFORE.search(n.pre)) and bool(TALLY_AFTER.match(n.post_full))


RANGE_BEFORE = re.compile(rf"\d+(?:\.\d+)?\s*(?:{P.alternation(L.TARGET_UNITS)})?\s*[~～\-—至到]\s*$")


@rule(stage="targets", example="'奖励2000元至20000元' (20000) → True; '奖励2000元' → False; '5至10个工作日内办结' (10) → False")
def range_upper_bound(n: Number) -> bool:
    """The upper bound of a range written with a unit after each bound ("奖励2000元至20000元", b346 005): the
    range counts once, as ">=" its lower bound; a time limit's upper bound ("5至10个工作日内") is its limit."""
    if n.unit in L.TIME_LIMIT_UNITS or n.post_full.startswith("内"):
        return False
    return bool(RANGE_BEFORE.search(n.folded[n.a:n.pos]))


@rule(stage="targets", example="'成立于2019年' → True; '第3次' → True; '“66条”' → True; '比2010年的12.4万吨' → True; "
                               "'建设12个' → False")
def not_a_quantity(n: Number) -> bool:
    """Numbers that are no commitment: years, months and days of dates, ordinals (第3), 文号 parts, numbers
    inside quotes or 《》, and zero."""
    f, unit, pos, end = n.folded, n.unit, n.pos, n.end
    if unit in L.NOT_TARGET_UNITS and unit not in L.TIME_LIMIT_UNITS:
        return True
    if _value(n.m) == 0:
        return True  # "?0%的专利代理机构" (a digit lost to mojibake), a bare 万: zero commits to nothing
    if unit in L.TIME_LIMIT_UNITS and f[max(0, pos - 1):pos] in ("年", "月"):
        return True
    if f[end:end + 1] in ("年", "月", "日") and unit not in L.WORKDAY_UNITS:
        return True
    if unit == "个" and f[end:end + 1] in "月":
        return True
    if f[max(0, pos - 1):pos] in ("第", "前", "号", "/") or f[end:end + 1] in ("号",):
        return True
    if f[max(0, pos - 3):pos].rstrip(" \u3000").endswith("第"):
        return True  # "第 8-9 次常务会议": an ordinal with a PDF's spaces
    if BASELINE_BEFORE.search(f[max(n.sent_start, pos - BASELINE_SPAN):pos]):
        return True  # "比2010年的12.4万吨、1.07万吨分别减少…": the base the cut is measured from
    if change_start(n) or document_parts(n) or range_upper_bound(n) or list_tally(n):
        return True
    seg = f[n.sent_start:pos]
    return seg.count("“") > seg.count("”") or seg.count("《") > seg.count("》")


@rule(stage="targets", example="('以上', '件') → ('>=', 2); ('内办结', '个工作日') → ('<=', 1); ('内容', '项') → (None, 0)")
def comparator_after(post: str, unit: str) -> tuple[str | None, int]:
    """A comparator written after the number (以上, 以内, 以下 …; 内 only for a time limit) and its length;
    左右 ("50%左右") is read through (no comparator of its own)."""
    k = 2 if post.startswith("左右") else 0
    post = post[k:]
    for word, comp in L.COMPARATORS_AFTER:
        if post.startswith(word):
            if word == "内" and not (LIMIT_VERB.match(post) or unit in L.WORKDAY_UNITS and WORKDAY_LIMIT.match(post)):
                continue
            return comp, k + len(word)
    return None, k


@rule(stage="targets", example="'满意度不低于' → ('不低于', '>='); '每年至少召开' → (None, '>='); "
                               "'最高不超过贷款额度的' → (None, '<='); '建设' → (None, None)")
def comparator_before(pre: str) -> tuple[str | None, str | None]:
    """A comparator word just before the number (one character may stand between), or 至少/不少于
    (最多/最高/不超过) before the verb that counts ("同一件专利最多资助3个国家或地区": "<=") or before the
    whole a share is taken of ("最高不超过单笔实际贷款额度的3%": "<="). A sign written half-width ("绿化
    覆盖率>40%") only where it is the clause's one sign (not a site's trail "首页>政策>…")."""
    pre = pre.rstrip()
    for word, comp in COMPARATORS:
        if pre.endswith(word) or pre[:-1].endswith(word):
            if word[0] in "<>" and len(SIGN.findall(pre.rpartition("、")[2])) > 1:
                continue  # a site's trail ("党建之窗>感悟体会>百家争鸣", b154 009): no comparator
            return word, comp
    if AT_MOST_BEFORE_VERB.search(pre) or AT_MOST_SHARE_OF.search(pre):
        return None, "<="
    return None, ">=" if AT_LEAST_BEFORE_VERB.search(pre) else None


@rule(stage="targets", example="'缴获1千克以上10千克以下的' (1) → True, (10) → True; '培育企业10家以上' (10) → False")
def band_bound(n: Number) -> bool:
    """A bound of a band written with both ends ("1千克以上10千克以下", "50千克以上100千克以下"): the band
    sorts cases (a reward for each), it commits to neither end."""
    return bool(BAND_LOWER.match(n.post_full)) or \
        bool(BAND_UPPER_BEFORE.search(n.folded[n.a:n.pos]) and BAND_UPPER_AFTER.match(n.post_full))


@rule(stage="targets", example="'考核得分90分以上为优秀' (90) → True; '80分以上90分以下为良好' (80, 90) → True; "
                               "'满意度达到90分以上' → False")
def grade_band(n: Number) -> bool:
    """A score that bounds an assessment's grade ("90分以上为优秀", "60分以下为不合格", b264 006): how a
    result will be rated, not a commitment."""
    return bool(GRADE_BAND.match(n.post_full))


# the words just before an assessment's points: awarded, added, deducted, weighted ("奖励2分", "扣1分", "(0.4分)")
POINTS_BEFORE = re.compile(r"(?:(?:奖励|加|扣|减|记|各为)[^，,。；;\d]{0,5}|[(（]|得|计|基础分为|分值为?)\s*$")  # also "奖励其负责人1分";
# "有纳入考核的文件得10分", "有檔案計5分", "基础分为25分" (b878, b471): points scored, right before the number
POINTS_REACH = 8


@rule(stage="targets", example="'第一名奖励2分' (2) → True; '考核加10分' (10) → True; '办理时限(0.4分)' (0.4) → True; "
                               "'社会满意度达到85分' (85) → False")
def assessment_points(n: Number) -> bool:
    """Points an assessment awards, deducts or weighs an item with ("引资额达5000万元奖励3分", "每次扣1分",
    "办理质量(0.6分)", b393 005, b378 004): how work is scored, no commitment (over b01–b393 none of 22
    such figures is gold). A score to reach ("满意度达到85分") stays."""
    return n.unit == "分" and bool(POINTS_BEFORE.search(n.folded[max(n.a, n.pos - POINTS_REACH):n.pos]))


INCIDENT_TOLL = re.compile(rf"(?:{P.alternation(L.INCIDENT_TOLL_WORDS)})[^，,。；;]*$")
COMMITTING = re.compile(rf"(?:{P.alternation(L.TOLL_COMMITMENT_VERBS)})")


@rule(stage="targets", example="'因灾死亡和失踪30人以上' (30) → True; '或因灾造成直接经济损失100万元以上' (100) → True; "
                               "'全年渔业船舶事故死亡人数控制在40人以内' (40) → False")
def incident_grade(n: Number) -> bool:
    """A disaster's or an accident's toll that sorts an incident into a grade in an emergency plan ("因灾死亡和
    失踪30人以上", "因灾紧急转移安置灾民2000人以上", "潜在经济损失5000万元以上", b622, b677): what starts a
    level of response, not a commitment (it took 23 figures out of the set, none of them gold). A toll kept under a
    ceiling ("死亡人数控制在40人以内") is a target."""
    clause = n.folded[n.a:n.pos]
    return bool(INCIDENT_TOLL.search(clause)) and not COMMITTING.search(clause)


@rule(stage="targets", example="'集中式供水水源是指供水人口一般大于1000人的在用水源' (1000) → True; "
                               "'风险补偿资金是指…总规模3000万元' (3000) → False")
def definition_threshold(n: Number) -> bool:
    """A count in a sentence that defines a term ("…是指供水人口一般大于1000人的…", "…是指具有四个以上车轮的
    车辆", b289, b292): what the term covers, no commitment. Amounts and shares in a definition are kept (a
    fund "是指…总规模3000万元" states its size: b15 006, b143 003 count them)."""
    return bool(DEFINITION.search(n.folded[n.sent_start:n.pos])) and n.unit not in L.MONEY_UNITS \
        and n.unit not in L.SHARE_UNITS


@rule(stage="targets", example="'展会时间在3天以上的，…' → True; '年销售额1000万元以上的企业' → True; "
                               "'对参保职工30人以上的企业' → True")
def is_condition(n: Number) -> bool:
    """A threshold that sets a condition ("…以上的"), not a commitment; a number inside the beneficiary
    phrase of a clause opened by 对 ("对…5个以上国家成功注册商标的企业") or of a subject ("两项以上奖励的
    按最高级别…"); the numbers of a list of conditions ("符合以下条件：…"); a definition's thresholds
    ("…是指供水人口一般大于1000人的…")."""
    post, k = n.post_full, n.suffix_len
    if grade_band(n) or band_bound(n) or assessment_points(n) or incident_grade(n):
        return True
    granted = GRANT_BEFORE.search(n.pre) is not None  # "…的单位分别给予20万元、15万元的资助": the reward itself
    if n.pre.lstrip().startswith("对") and "的" in post and not granted \
            or CONDITIONS_LIST.search(n.folded[n.sent_start:n.b]):
        return True
    lead = [c.end() for c in CONDITIONS_LIST.finditer(n.folded, 0, n.pos)]
    if lead and "。" not in n.folded[lead[-1]:n.pos]:
        return True
    if k and SUBJECT_DE.match(post[k:]):
        return True
    if qualifies_beneficiary(n) or conditional_clause(n) or definition_threshold(n) or sized_before_grant(n):
        return True
    return bool(k and post[k:k + 1] == "的" and (CONDITION_DE.match(post[k:]) or n.pre.rstrip().endswith("在")
                                                 or n.unit in L.MONEY_UNITS or n.unit in ("天", "日", "年", "个月")))


@rule(stage="targets", example="'新增量达到300万元且增速达到20%以上的，给予1万元奖励' (300) → True; "
                               "'对销售额超过5000万元以上，且增速20%以上的企业，给予5万元奖补' (5000) → True; "
                               "'新增企业300家，给予奖励' → False")
def conditional_clause(n: Number) -> bool:
    """A number in the condition of a reward: its clause ends in 的 before a comma ("…达到300万元且增速
    达到20%以上的，给予…"), it stands in a clause opened by 对 whose sentence goes on to "…的…，给予", or
    its sentence goes on to the beneficiary it qualifies and then the reward ("…首次突破800万元,并…的
    单位分别给予…"); never when a grant comes before it in its sentence."""
    f = n.folded
    if n.post_full.rstrip().endswith("的") and f[n.b:n.b + 1] in ("，", ","):
        return True
    end = n.b
    while end < len(f) and f[end] not in SENTENCE_STOP:
        end += 1
    rest = f[n.end:end]
    grant = REWARD_GRANT.search(rest)
    if not grant or REWARD_GRANT.search(f[n.sent_start:n.pos]):
        return False  # no reward after it, or the number follows the grant (it is the reward)
    if n.pre.lstrip().startswith("对"):
        return "的" in rest[:grant.start()]
    return bool(BENEFICIARY_DE.search(rest[:grant.start()]))


MONEY_AFTER = re.compile(rf"\d+(?:\.\d+)?\s*(?:{P.alternation(L.MONEY_UNITS)})")
CLAUSE_BREAK = re.compile(r"[，,]")


@rule(stage="targets", example="'大棚蔬菜连片100亩以上补助10000元' (100) → True; '营业面积达100平方米以上的给予5万元' (100) → True; "
                               "'新增设施农业面积1000亩以上' (1000) → False")
def sized_before_grant(n: Number) -> bool:
    """A size floor (an area, a headcount: "连片100亩以上", "营业面积在15平方米以上") that a grant of money
    follows in the same sentence ("…补助10000元", "…给予5万元"): who qualifies for the money, not a commitment
    (b152 001, b97 003, b272). Not when more than one clause stands between them (b566 008)."""
    if n.unit not in L.SIZE_THRESHOLD_UNITS or n.comparator not in (">=", ">"):
        return False
    f = n.folded
    end = n.b
    while end < len(f) and f[end] not in SENTENCE_STOP:
        end += 1
    rest = f[n.end:end]
    grant = REWARD_GRANT.search(rest)
    if not grant or len(CLAUSE_BREAK.findall(rest[:grant.start()])) > 1:
        return False  # the grant is the size's own consequence, not a later clause's (b566 008: 防控面积2500亩以上,…,补助…)
    return bool(MONEY_AFTER.search(rest, grant.end())) and not REWARD_GRANT.search(f[n.sent_start:n.pos])


@rule(stage="targets", example="'年主营业务收入首次突破10亿元的工业企业，给予…' → True; "
                               "'投资规模在500万元以上从事…加工的企业' → True; '营业收入突破1000亿元' → False")
def qualifies_beneficiary(n: Number) -> bool:
    """An amount or a share that says who qualifies: after a threshold (以上, 突破, 超过, 达 …) and before
    the beneficiary it describes (企业, 项目, 单位 …), as in "首次突破1亿元的企业" or "10亿元以上企业"."""
    if n.unit not in L.MONEY_UNITS and n.unit not in L.SHARE_UNITS:
        return False
    k = n.suffix_len
    if not k and comparator_before(n.pre)[0] is None:
        return False
    return bool(QUALIFIED.match(n.post_full[k:]))


@rule(stage="targets", example="'在已有141家企业的基础上' → True; '等32家市场为…' → True; '从75%提高到100%' (75) → True; "
                               "'请于…前将申报材料原件2份' → True; '建设12个示范区' → False")
def not_a_goal(n: Number) -> bool:
    """A quantity that is no commitment: a base value (已有, 现有, …的基础上), a starting value (从75%), the
    count of the items just listed (…等32家), a filing rule (申报材料原件2份)."""
    pre = n.pre.rstrip()
    return bool(BASE.search(n.folded[n.a:n.b]) or pre.endswith(("等", "从", "由")) or FILING.search(pre))


@rule(stage="targets", example="'每千人口拥有3岁以下婴幼儿托位数' (3) → True; '0-6岁儿童' → True; "
                               "'人均预期寿命达到78.5岁' → False")
def age_qualifier(n: Number) -> bool:
    """An age (N岁, N周岁) names whom a measure is for ("3岁以下婴幼儿", "65岁以上老年人", "0-6岁儿童"), no
    commitment; a life expectancy ("人均预期寿命达到78.5岁", lexicon.AGE_GOAL_WORDS before it in its
    sentence) is the one age that is a goal."""
    return n.unit in L.AGE_UNITS and not any(w in n.folded[n.sent_start:n.pos] for w in L.AGE_GOAL_WORDS)


@rule(stage="targets", example="'并处10000元以上30000元以下罚款' (10000) → True; '处违法经营额5倍以下的罚款' (5) → True; "
                                 "'处十日以上十五日以下拘留' (十五) → True; '给予30万元奖励' → False")
def penalty_amount(n: Number) -> bool:
    """An amount in a penalty clause (罚款, 罚金: "处500元以上1000元以下罚款", b191 008, b192 001), or a
    multiple of the gains it fines ("处违法经营额5倍以下的罚款", b824 007, b826 001), is a sanction a rule
    lays down, no commitment: no target (no gold of the set holds one); so are days of detention ("处十日以上
    十五日以下拘留", b866 007)."""
    clause = n.folded[n.a:n.b]
    return (n.unit in L.MONEY_UNITS or n.unit in L.PENALTY_MULTIPLE_UNITS) and any(w in clause for w in L.PENALTY_WORDS) \
        or n.unit in L.DETENTION_UNITS and any(w in clause for w in L.DETENTION_WORDS)


# "100元、200元、…3000元共十三个档次": a menu of amounts to choose from (tier_menu)
TIER_RUN = re.compile(r"(?:\d+(?:\.\d+)?\s*(?P<u>万元|元)\s*[、，,]\s*){3,}\d+(?:\.\d+)?\s*(?P=u)\s*"
                      rf"(?:共|等)?\s*(?:{P.CN_NUMBER}|\d{{1,2}})\s*个?(?:{P.alternation(L.TIER_WORDS)})")
# "缴100元补10元": the amount paid that earns the amount given after it (paid_tier)
PAID_BEFORE = re.compile(rf"(?:{P.alternation(L.PAID_VERBS)})\s*$")
GIVEN_AFTER = re.compile(rf"[^，,。；;、]{{0,6}}?(?:{P.alternation(L.AID_WORDS + L.GIVEN_VERBS)})")


@rule(stage="targets", example="'缴费标准为100元、200元、300元、500元共十三个档次' (200) → True; '奖励100元、200元、300元、500元' → False")
def tier_menu(n: Number) -> bool:
    """An amount in a list of four or more that ends "共N个档次" (contribution tiers a resident chooses
    from, b432 001, 003): a menu, no commitment."""
    return n.unit in L.MONEY_UNITS and any(m.start() <= n.pos < m.end() for m in TIER_RUN.finditer(n.folded, n.sent_start))


@rule(stage="targets", example="'缴100元补10元' (100) → True, (10) → False; '补贴100元' → False")
def paid_tier(n: Number) -> bool:
    """An amount someone pays that earns the amount given after it ("缴100元补10元、缴200元补15元",
    b432 001): the condition, not the subsidy."""
    return n.unit in L.MONEY_UNITS and bool(PAID_BEFORE.search(n.folded[max(n.a, n.pos - 3):n.pos])) \
        and bool(GIVEN_AFTER.match(n.folded, n.end))


# an amount that bounds a tier of a progressive reward ("1000万元(含1000万元)以内的按照5‰给予奖励", "1000万元至10000万元的
# 部分按照1‰…", "超过100万元的部分,按0.1%…"): the tier, read before its rate
_TIER_EDGE = P.alternation(L.TIER_EDGE_WORDS)
TIER_BOUND_AFTER = re.compile(r"\s*(?:[(（]含[^()（）]{0,12}[)）])?\s*(?:(?:至|-|~|～)\s*\d+(?:\.\d+)?\s*[万亿]?元?\s*"
                              rf"(?:[(（]含[^()（）]{{0,12}}[)）])?\s*)?(?:{_TIER_EDGE})?的?部分|"
                              r"\s*(?:[(（]含[^()（）]{0,12}[)）]|[)）])?\s*(?:以内|以下)的")
TIER_RATE_AFTER = re.compile(r"[^。；;]{0,30}?按(?:照)?[^。；;，,]{0,16}?\d+(?:\.\d+)?\s*[%‰]")


@rule(stage="targets", example="'1000万元(含1000万元)以内的按照5‰给予奖励' (1000) → True, (5‰) → False; "
                               "'10000万元以上的部分按照0.5‰给予奖励' (10000) → True; '投资1000万元以内的项目给予补助' → False")
def tier_bound(n: Number) -> bool:
    """An amount that bounds a tier of a progressive reward ("超额累进": "1000万元以内的按照5‰给予奖励,1000万元至
    10000万元的部分按照1‰…", b884 009; "超过100万元的部分,按0.1%给予奖励", b862 013): the tier's edge, not a
    target; the rate after it is one (the gold names the tier in its metric)."""
    return n.unit in L.MONEY_UNITS and bool(TIER_BOUND_AFTER.match(n.folded, n.end)) \
        and bool(TIER_RATE_AFTER.match(n.folded, n.end))


@rule(stage="targets", example="'具有十分重要的战略意义' → True; '满意度达到九十分' → False; '得分十分' → False")
def adverb_not_points(n: Number) -> bool:
    """十分 before a word is the adverb "very" (十分重要, 十分必要), not a score of ten points."""
    return n.m.group("cn") == "十" and bool(ADVERB_SHIFEN.match(n.folded, n.pos))


@rule(stage="targets", example="'每引进1名高层次人才，给予最高5万元支持' (1) → True; '引进10名人才' → False")
def reward_base(n: Number) -> bool:
    """A count of one that the rest of its sentence rewards (每引进1个团队，给予…万元; 引进1名…，给予…万元)
    is what earns the reward, not a commitment; the amount is the target."""
    return _value(n.m) == 1 and n.unit not in L.MONEY_UNITS and bool(REWARD_LATER.match(n.folded, n.end))


@rule(stage="targets", example="'小微企业占我省企业总数的97%' → True; '吸纳了55.5%的就业人员' → True; "
                               "'到2025年占比达到15%' → False")
def stated_share(n: Number) -> bool:
    """A percentage stated as it is, not set as a goal: a share (占…的97%) or an achievement (吸纳了55.5%)
    with no comparator and no deadline year over it."""
    return n.unit in L.SHARE_UNITS and not n.goal and n.pre_word is None and bool(STATED_SHARE.search(n.pre.rstrip()))


@rule(stage="targets", example="'在重点区镇建设商业秘密保护示范点20个' → 建设 (a name stands between it and the number)")
def counting_verb(pre: str) -> "re.Match[str] | None":
    """The first counting verb of the clause that leaves a name before the number
    ("建成高价值专利培育中心5个": 建成, not 培育)."""
    return next((c for c in CLAUSE_COUNT.finditer(pre) if len(pre) - c.end() >= 2), None)


@rule(stage="targets", example="'…贴息，单个企业每年最高20万元' → '企业知识产权质押贷款贴息（单个企业每年）'")
def cap_metric(n: Number, last_metric: str) -> str:
    """The cap of the aid just named in the same sentence: that aid, with who it is capped for (the base of
    a rate named as its aid's share, aid_share: "建设费用扶持比例" capped "单个企业…200万元" is "建设费用（单个企业…）")."""
    cap = n.folded[n.a:n.pos]
    cut = len(cap) - len(CAP_TAIL.sub("", cap))
    return f"{AID_SHARE_END.sub('', last_metric)}（{n.para[n.a:n.pos - cut].strip()}）"


@rule(stage="targets", example="'对新认定的驰名商标，给予30万元资金援助' → '新认定的驰名商标资金援助'")
def reward_metric(n: Number) -> str:
    """What a reward is for: the beneficiary clause (from the last clause opening with 对, else the last
    two clauses before the amount) and the aid named after it, or before it ("给予补助资金：100万元")."""
    f, s = n.folded, n.sent_start
    tail = REWARD_TAIL.search(f[s:n.pos])
    lead = f[s:s + tail.start()] if tail else f[s:n.pos]
    aid = AID.search(tail.group(), tail.group().find("给予") + 2) if tail and not n.post_clean \
        and "给予" in tail.group() else None
    aid_orig = n.para[s + tail.start() + aid.start():s + tail.end()].strip(" :：，,、") if aid else ""
    starts = [k.start() + 1 for k in COMMA_DUI.finditer(lead)] + ([0] if lead.startswith("对") else [])
    if starts:
        ms = s + max(starts)
    else:
        cuts = [k.end() for k in COMMA.finditer(lead.rstrip("，, "))]
        ms = s + (cuts[-2] if len(cuts) >= 2 else 0)
    post_orig = n.para[n.pb - len(n.post_clean):n.pb] if n.post_clean else ""
    named = REWARD_BENEFICIARY.match(f[s + tail.start():n.pos]) if tail else None
    if named and PRIOR_AMOUNT.search(lead) and "分别" not in f[s:n.pos] \
            and not named.group(1).startswith(L.NOT_BENEFICIARY_WORDS):  # "…给予入选人才200万元奖励,并给予培养单位500万元奖励"
        metric = n.para[s + tail.start() + named.start(1):s + tail.start() + named.end(1)] + (post_orig or aid_orig)
        return metric.replace(" ", "")
    metric = (n.para[ms:s + len(lead)].strip(" ，,") + (post_orig or aid_orig).replace(" ", ""))[-80:]
    return DUI_START.sub("", metric)


@rule(stage="targets", example="'督促平台在5个工作日内处理完毕' → '平台处理完毕时限'")
def time_limit_metric(n: Number) -> str:
    """A time limit: who, and what is done within it, named as a time limit (named_limit)."""
    ws, we = n.a + LIMIT_LEAD.match(n.pre).end(), n.pos
    we = ws + LIMIT_TAIL.search(n.folded[ws:we]).start()
    if FROM_DATE.fullmatch(n.folded[ws:we]):
        we = ws
    return named_limit(n.para[ws:we] + n.para[n.pb - len(n.post_clean):n.pb])


@rule(stage="targets", example="'平台处理完毕' → '平台处理完毕时限'; '办理期限' → unchanged")
def named_limit(metric: str) -> str:
    """A time limit's metric names it as one: "…作出处理并告知投诉人" within 20 days is the complaint's
    handling time limit ("无线电有害干扰投诉处理时限 ≤ 20日", b1027 001), so "时限" follows the act unless the
    words already name a time (lexicon.TIME_LIMIT_WORDS)."""
    folded = T.fold(metric)
    return metric if not metric or any(w in folded for w in L.TIME_LIMIT_WORDS) else metric + "时限"


TIER_TEXT = re.compile(r"(?P<tier>[^，,。；;]{2,40}?)(?:的?部分|(?<=[内下])的)[，,]?\s*$")
INCLUSIVE_NOTE = re.compile(r"[(（]含[^()（）]{0,12}[)）]")


@rule(stage="targets", example="('1000万元(含1000万元)以内的', same) → '1000万元以内'; ('超过100万元的部分,', same) → '超过100万元'; "
                               "('对企业', same) → None")
def tier_of_rate(folded: str, lead: str) -> str | None:
    """The tier a progressive reward's rate applies to, read from the words before its 按 ("1000万元至10000万元的
    部分按照1‰给予奖励" → "1000万元至10000万元", b884 009; "超过100万元的部分,按0.1%…", b862 013), without an
    inclusive note ("(含1000万元)"): the rate's metric."""
    m = TIER_TEXT.search(folded)
    return INCLUSIVE_NOTE.sub("", lead[m.start("tier"):m.end("tier")]).strip() if m else None


@rule(stage="targets", example="'对企业开展专利导航项目的，按项目实际支出的50%给予补助' → '企业开展专利导航项目补助'")
def rate_metric(n: Number) -> str:
    """A subsidy rate: the beneficiary and the aid; without a beneficiary, what the rate applies to and
    the aid's share of it ("按贷款利息的50%给予贴息": 贷款利息贴息比例, aid_share)."""
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
    tier = tier_of_rate(f[s:s + len(lead)] if basis_at else "", para[s:s + len(lead)])
    if tier:
        aid = AID.search(f[n.end:n.b])
        return tier + (para[n.end + aid.start():n.end + aid.end()] if aid else "")
    metric = para[n.a:n.pos].strip()
    basis = list(BASIS.finditer(metric))
    metric = metric[basis[-1].end():] if basis else metric.removeprefix("对")
    return aid_share(metric.removesuffix("的"), f[n.end:n.b], para[n.end:n.b])


@rule(stage="targets", example="('企业实际发生的评估费用', '给予补助') → '企业实际发生的评估费用补助比例'; "
                               "('贷款利息补助', '给予补助') → unchanged")
def aid_share(base: str, folded_after: str, after: str) -> str:
    """A rate taken of a base with no beneficiary named ("按照企业实际发生的评估费用的50%给予补助"): the aid's
    share of that base, so the base, the aid that follows the rate (lexicon.AID_WORDS) and 比例, as the
    writers name it ("评估费补助比例", b1070 006); a base that already names its aid stays as it is. Over
    b01-b1089 (with cap_metric reading the base), 29 more targets right, none more given: 25 pages better, 3 worse."""
    aid = AID.search(folded_after)
    if not base or aid is None or aid.group() in T.fold(base):
        return base
    return base + after[aid.start():aid.end()] + "比例"


ITEM_MARK_LEAD = re.compile(rf"^{P.PAREN_OPEN}\s*(?:[{P.CN_DIGITS}]{{1,3}}|\d{{1,2}})\s*{P.PAREN_CLOSE}\s*")  # "(二)", "(2)"


@rule(stage="targets", example="'全市知识产权保护社会满意度不低于84分' → '知识产权保护社会满意度'; '(二)加氢站的补贴标准:' → '加氢站的补贴标准'")
def metric_before(n: Number) -> str:
    """The phrase before the number, without the comparator, fillers (力争, 全市 …), a leading year, an
    item's number when items run together on one line ("(二)加氢站的…"),
    or an earlier target of the same 、 list; a short label before a colon when the number opens its
    clause ("原创作品:3%—10%")."""
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
    metric = ITEM_MARK_LEAD.sub("", metric)  # "(二)加氢站的补贴标准:100万元/站": items run together on one line
    if not metric and n.a > 0 and n.para[n.a - 1] in ":：":
        m = LABEL_BEFORE_COLON.search(n.para[:n.a - 1])  # "原创作品:3%—10%": the label before the colon
        metric = m.group(1).strip() if m else ""
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
    if n.unit in L.SHARE_UNITS and REWARD.match(RATE_VERB.sub("", n.post_clean)):  # "…的60%(予以)奖励"
        return rate_metric(n)
    if T.han_count(n.post_clean) >= 2 and not (n.pre_word and T.han_count(n.post_clean) <= 3
                                               and T.han_count(FILLER.sub("", n.pre)) >= 6):
        return n.para[n.pb - len(n.post_clean):n.pb].strip()  # the noun after the number
    before = metric_before(n)
    return basis_metric(before) if n.unit in L.SHARE_UNITS else before


@rule(stage="targets", example="'可按不超过建设费用的' (50%) → '建设费用'; '按企业实际支付通信服务费的' → '企业实际支付通信服务费'; "
                               "'研发投入占比' → unchanged")
def basis_metric(metric: str) -> str:
    """A rate whose words before it only say what it is taken of ("可按不超过建设费用的50%", b198 003,
    b203 001): the metric is that base, without 可按/按照, a ceiling word and 的."""
    m = BASIS_METRIC.match(metric)
    return m.group(1) if m and T.han_count(m.group(1)) >= 2 else metric


@rule(stage="targets", example="'3%—10%' (3) → True; '3%，10%' (3) → False")
def unit_range_after(n: Number) -> bool:
    """A range written with the unit after both bounds ("3%—10%", "1%-7%"): the number is its lower bound."""
    m = UNIT_RANGE.match(n.post_full)
    return bool(m) and m.group("unit") == n.unit


@rule(stage="targets", example="'每案奖励5000-3万元' (5000) → '元'; '奖励1-3万元' (1) → '万元'; '达到5万人' → '万人'")
def range_lower_unit(n: Number, unit: str) -> str:
    """The unit of a range's lower bound: the upper bound's multiplier (万, 亿, 千) is the upper bound's
    alone when the lower bound is the larger number written ("5000-3万元": 5000 元 to 3 万元)."""
    rng = n.m.group("range")
    if not rng or len(unit) < 2 or unit[0] not in RANGE_MULTIPLIERS or not n.m.group("num"):
        return unit
    upper = re.search(r"\d+(?:\.\d+)?", rng)
    return unit[1:] if upper and float(n.m.group("num")) > float(upper.group()) else unit


@rule(stage="targets", example="'分别给予一次性奖励0.5万、1万、2万元' (0.5万) → True (0.5 万元); '人口达到5万,' → False")
def bare_wan_amount(n: Number) -> bool:
    """A number written with 万 and no 元 (b178 001: "…奖励5万", tiers "0.5万、1万、2万元") counts as 万元
    only where it is a reward (a reward word before it in its sentence); elsewhere "5万" counts
    people or things, and it is no target. True for every other unit."""
    return n.m.group("unit") != BARE_WAN or n.reward


def _comparator(n: Number) -> str | None:
    """The comparator of a number, or None when it is no target; sets the fields the metric needs."""
    n.comparator, n.suffix_len = comparator_after(n.post_full, n.unit)
    if is_condition(n):
        return None
    if n.comparator is None and (n.m.group("range") or unit_range_after(n)):
        n.comparator = ">="  # a range 1~2 (or 3%—10%) is ">=" its lower bound
    n.pre_word, before = comparator_before(n.pre)
    n.comparator = n.comparator or before
    if n.comparator == before and "元" in n.unit and (n.pre_word in L.RAISE_TO_VERBS or raised_from(n.pre)):
        n.comparator = "="  # "限值由2000元提高至5000元", "缴费标准提高至900元/人": the new amount set, not a floor
    f = n.folded
    n.reward = bool(n.unit in L.MONEY_UNITS and (REWARD.search(f[n.sent_start:n.b]) or standard_amount(n)))
    if not bare_wan_amount(n):
        return None
    if n.unit in L.TIME_LIMIT_UNITS and not (n.comparator == "<=" and (n.pre_word or n.suffix_len)):
        return None
    if n.comparator is None and not n.reward and T.han_count(n.post_full) < 2:
        n.counted = counting_verb(n.pre)
        if n.counted:
            n.comparator = "="
    listed = listed_count(n)
    if n.comparator is None:
        if COUNT_VERBS.search(n.pre) or n.reward or (n.unit in L.SHARE_UNITS and HAN_END.search(n.pre)) or listed \
                or goal_count(n):
            n.comparator = "="
        else:
            return None
    if n.unit in ("个工作日", "工作日", "天") and n.comparator == "=":
        return None
    if n.m.group("cn") and not chinese_count_ok(n, listed):
        return None
    return n.comparator


# "农村五保分散供养标准:小店区7000元、迎泽区7000元、…": amounts listed by place or kind after a standard's label
# (a fee's is what people pay, no commitment: "检定收费标准为:首次检定…3650元/台", b647 005)
LISTED_STANDARD = re.compile(rf"{''.join(f'(?<!{w})' for w in L.FEE_WORDS)}标准(?:为|是)?\s*[:：](?:[^。；;:：\d]{{1,14}}?\d+(?:\.\d+)?\s*万?元\s*[、，,]\s*)*"
                             rf"[^。；;:：\d]{{1,14}}$")
# an amount right after whom or what it is paid per, or after a standard's "标准为" ("每人每月100元", "户均2万元")
STANDARD_BEFORE = re.compile(rf"(?:每(?:{P.alternation(L.STANDARD_PER)})(?:每(?:{P.alternation(L.STANDARD_PERIODS)}))?|"
                             rf"{P.alternation(L.STANDARD_AVERAGES + L.STANDARD_IS)})\s*[:：]?\s*$")


@rule(stage="targets", example="'因灾死亡和失踪人口:每人2万元' (2) → True; '口粮救助标准为每人每月100元' (100) → True; "
                               "'全年实现营业收入100万元' (100) → False")
def standard_amount(n: Number) -> bool:
    """An amount a policy pays or sets per person, household or item, with no reward word ("每人2万元",
    "每户2000元", "标准为每人每月100元", b380, b354): a standard, "=" as a subsidy is; so is each amount of
    a list of them after a standard's label ("农村五保分散供养标准:小店区7000元、迎泽区7000元…", b653 003)."""
    return n.unit in L.MONEY_UNITS and bool(STANDARD_BEFORE.search(n.folded[max(n.a, n.pos - 12):n.pos]) or
                                            LISTED_STANDARD.search(n.folded[n.sent_start:n.pos]))


@rule(stage="targets", example="(到2025年) '奶羊养殖示范点3个' → True; '推广杂交稻旱种50万亩' → True; "
                               "(no deadline) '奶羊养殖示范点3个' → False; (到2025年) '满意度90分' → False")
def goal_count(n: Number) -> bool:
    """Under a deadline ("到2025年，…", a goals chapter), a plain count is a target: a noun right before
    a count unit ("奶羊养殖示范点3个", "新(扩)建…规模养殖户47个") or a counting verb further back than the
    usual few characters ("推广杂交稻旱种50万亩")."""
    return n.goal and bool(COUNT_VERBS_FAR.search(n.pre) or (HAN_END.search(n.pre) and n.unit in L.COUNT_UNITS_GOAL))


@rule(stage="targets", example="'制修订国家标准100项、行业标准100项' (the second) → True; "
                               "'到2020年，…，2家企业获得长江质量奖' → True; '推进专利转化3项' (no deadline) → False")
def listed_count(n: Number) -> bool:
    """A plain count without a verb of its own: the next item of a list whose previous item was a target
    ("…国家标准100项、行业标准100项", "2个千亿级产业集群和6个五百亿级产业集群"), or, where a deadline holds
    (a goals list), a number that opens its clause ("2家企业获得…") or closes it ("主持制修订国际标准10项")."""
    f = n.folded
    if n.prev and n.prev[0] == n.sent_start:
        gap = f[n.prev[1]:n.pos]
        if LIST_GAP.fullmatch(gap) and (CONNECTOR.match(gap) or CONNECTOR.search(gap[-1:])):
            return True
    if not n.goal:
        return False
    post = n.post_full[n.suffix_len:].split("、")[0]
    opening = not FILLER.sub("", n.pre.strip()) and T.han_count(post) >= 2
    closing = not post.strip() and T.han_count(FILLER.sub("", n.pre)) >= 2
    return opening or closing


@rule(stage="targets", example="'建成十个省级品牌培育基地' → True; '超过五千亿规模' → True; '进一步' → False; '建立一个机制' → False")
def chinese_count_ok(n: Number, listed: bool) -> bool:
    """A number written in Chinese characters counts only beside a comparator (至少有一名, 超过五千亿), a
    counting verb right before it (建成十个) or as the next item of a list; never 一/两 without a comparator."""
    value = cn_value(n.m.group("cn")) or 0
    if n.folded[n.end:n.end + 1] == "级":  # "千亿级产业集群": a class, not a count
        return False
    if n.pre_word or AT_LEAST_BEFORE_VERB.search(n.pre.rstrip()) or n.suffix_len:
        return True
    if value < 3:
        return False
    return listed or bool(COUNT_VERB_JUST_BEFORE.search(n.pre.rstrip()))


def _year(n: Number, year, events, sentence_events) -> int | None:
    """The deadline of one number: the last marker before it in its paragraph (a reward's only from its
    own sentence), a sentence's own year, else the year that holds for the paragraph."""
    rate = n.unit in L.SHARE_UNITS and REWARD.search(n.folded[n.end:n.b])
    y = year
    for p, yy in events:
        if p <= n.pos and not ((n.reward or rate) and p < n.sent_start):
            y = yy
    for p, yy, e in sentence_events:
        if p <= n.pos <= e:
            y = yy
    own = any(n.sent_start <= p <= n.pos for p, _ in events) or any(p <= n.pos <= e for p, _, e in sentence_events)
    if y is not None and RECURRING.search(n.folded[n.a:n.pos]) and not own:
        y = None  # "每年完成…不少于2项": a recurring commitment has no deadline year (unless its sentence has one)
    return y


@rule(stage="targets", example="'给予补助资金：100万元、50万元和30万元' (50, 30) → True; '建设3个、培育5家' (5) → False")
def tier_amount(before: str, prev_end: int) -> bool:
    """A number that is the next tier of a list of amounts ("分三档给予补助资金：100万元、50万元和30万元",
    "每项分别给予50万元、30万元、10万元奖励"): only a separator stands between it and the previous target's
    number, so it has that target's metric (and its comparator when it has none of its own: "分别给予不超过
    50万元、30万元" caps both)."""
    return 0 <= prev_end <= len(before) and TIER_SEPARATOR.fullmatch(before[prev_end:]) is not None


@rule(stage="targets", example="'重点工业产品抽查合格率和药品抽检合格率均在' → ['重点工业产品抽查合格率', '药品抽检合格率']; "
                               "'监督检查覆盖率、种子生产经营备案率' → both")
def shared_metrics(metric: str) -> list[str]:
    """Metrics that share one value ("A和B均在95%以上", or rates listed with 、 "A率、B率达到100%"): each of
    them; else the metric itself ("覆盖率与上传率" without 均 is one metric)."""
    m = SHARED_VALUE.search(metric)
    if not m:
        parts = [p.strip() for p in metric.split("、")]
        if len(parts) >= 2 and all(T.han_count(p) >= 3 and p.endswith(L.RATE_ENDS) for p in parts):
            return parts
        return [metric]
    head = metric[:m.start()]
    parts = [p.strip() for p in SHARED_SPLIT.split(head)]
    if len(parts) >= 2 and all(T.han_count(p) >= 3 for p in parts):
        return parts
    return [head]


def _half_width(s: str) -> str:
    """``s.translate(T.HALF_WIDTH)``, the scan for a character to change first (most paragraphs have none);
    and a scanned page's full stop read as one (ocr_full_stop)."""
    s = s.translate(T.HALF_WIDTH) if FULL_WIDTH_CHARS.search(s) else s
    return ocr_full_stop(s) if "." in s else s


@rule(stage="targets", example="'绿化覆盖率>40%.人均公园绿地面积' → '绿化覆盖率>40%。人均公园绿地面积'; '0.90' → '0.90'")
def ocr_full_stop(s: str) -> str:
    """A half-width full stop between a Chinese character (or %) and a Chinese character is a sentence's
    end that OCR or a careless editor wrote as "." (b321 011: "…覆盖率>90%.绿化覆盖面积…"): read as 。, one
    character for one (offsets kept). A decimal point (0.90) and a list number (1.加强) stay."""
    return OCR_STOP.sub("。", s)


def paragraph_targets(para: str, measure, doc_year, year, plan_year, ctx: ParseContext, *,
                      folded: str | None = None, events: list | None = None) -> list[dict]:
    """Targets stated in one paragraph. ``folded``, ``events``: the paragraph folded and its
    year_markers (with ``plan_year``), when the caller has them already."""
    if folded is None:
        folded = _half_width(ctx.fold_same(para))
    if not NUM.search(folded):
        return []
    if events is None:
        events = year_markers(folded, doc_year, plan_year)
    sentence_events = sentence_years(folded, doc_year)
    out, seen = [], set()
    respective_lists: dict[tuple[int, str], int] = {}  # metrics given 分别 (respectively): amounts paired so far
    last_in_sentence = (None, "")  # (sentence start, metric) of the last target found
    prev = None
    for m in NUM.finditer(folded):
        n = Number(para, folded, m)
        if not_a_quantity(n) or not_a_goal(n) or adverb_not_points(n) or reward_base(n) or age_qualifier(n) \
                or penalty_amount(n) or tier_menu(n) or paid_tier(n) or tier_bound(n):
            continue
        n.prev = prev
        n.goal = year is not None or any(p <= n.pos for p, _ in events) or \
            any(p <= n.pos <= e for p, _, e in sentence_events)
        if _comparator(n) is None or stated_share(n):
            continue
        pos, end, a = n.pos, n.end, n.a
        n.post, n.pb = n.post_full[n.suffix_len:], n.b
        described = described_noun(n.post)
        listed = listed_amounts_noun(n)
        if listed:  # "给予每月950元、1300元、2000元的生活补贴": each amount is of the aid named after the list
            n.post = n.post[:listed.end()]
            n.pb = end + n.suffix_len + len(n.post)
        elif described:  # "300个显示度高、示范性强、复制性好的数据要素应用典型案例": the noun after the last 的
            n.post = n.post[:described.end()]
            n.pb = end + n.suffix_len + len(n.post)
        elif "、" in n.post:  # the words after the number end at the next item of a 、 list
            n.post = n.post[:n.post.index("、")]
            n.pb = end + n.suffix_len + len(n.post)
        joined = None if listed else JOINED_NEXT.search(n.post)  # "…产业集群和6个…": the next item of the list
        if joined:
            n.post = n.post[:joined.start()]
            n.pb = end + n.suffix_len + len(n.post)
        if not n.reward and note_after(n.post):
            n.post, n.pb = "", end + n.suffix_len
        n.post_clean = listed.group("noun") if listed else described.group("noun") if described \
            else DE_START.sub("", n.post).strip()
        capped = bool(n.reward and CAP_CLAUSE.match(folded[a:pos]) and last_in_sentence[0] == n.sent_start)
        metric = after_earlier_amount(CIRCLED_START.sub("", _metric(n, capped, last_in_sentence[1]).strip(" ，,、")))
        respective = respective_metric(n, metric)
        if respective:
            metric = respective
            respective_lists[(n.sent_start, metric)] = 0
        if (T.han_count(metric) < 2 or CAP_TAIL.fullmatch(metric)) and n.pre_word and prev and prev[0] == n.sent_start:
            metric = prev[3]  # "突破4万家，力争达到5万家": the same metric, its stretch goal
        tiered = bool(prev and prev[0] == n.sent_start and tier_amount(folded[n.a:n.pos], prev[1] - n.a))
        if tiered:
            metric = prev[3]  # "给予补助资金：100万元、50万元和30万元": each tier (equal amounts too) is a target
            if n.pre_word is None and not n.suffix_len:
                n.comparator = prev[2]  # "分别给予不超过50万元、30万元": the first tier's ceiling holds for all
        metric = weak_metric(n, metric)
        if T.han_count(metric) < 2:
            continue
        y = _year(n, year, events, sentence_events)
        qa = a
        if n.reward and not capped:
            rm = REWARD.search(folded[a:pos])
            qa = a + rm.start() if rm else max(a, pos - 6)
        if n.reward and n.post_clean:
            quote = para[qa:n.pb].strip(" ，,")
        else:
            quote = para[qa:end + n.suffix_len + (len(n.post) if n.post_clean and not n.reward else 0)].strip(" ，,")
        value = _value(m)
        if value is None or ((value, n.unit, metric) in seen and not tiered):
            continue
        seen.add((value, n.unit, metric))
        last_in_sentence = (n.sent_start, metric)
        prev = (n.sent_start, end + n.suffix_len, n.comparator, metric)
        ones = shared_metrics(metric)
        if (n.sent_start, metric) in respective_lists and len(ones) > 1:
            # "项目履约率、开工率、资金到位率分别达到90%、80%、30%": the k-th amount is the k-th item's
            k = respective_lists[(n.sent_start, metric)]
            respective_lists[(n.sent_start, metric)] = k + 1
            ones = [ones[k]] if k < len(ones) else ones
        for one in ones:
            if n.comparator == "<=" and n.unit in L.TIME_LIMIT_UNITS:
                one = named_limit(one)
            out.append({"measure": measure, "metric": one, "comparator": n.comparator, "value": value,
                        "unit": range_lower_unit(n, n.unit if m.group("unit") == BARE_WAN else
                                                 para[m.start("unit"):m.end("unit")].translate(T.HALF_WIDTH))
                        + P.WHITESPACE.sub("", para[m.start("per"):m.end("per")]).translate(T.HALF_WIDTH), "year": y,
                        "quote": quote})
    return out


GENERIC_METRIC = re.compile(rf"(?:{P.alternation(L.GENERIC_METRIC_WORDS)}|[\s，,、:：()（）])+")
WEAK_METRIC_CONTEXT = 40


@rule(stage="targets", example="'给予一定的奖励,最高不超过' (100万元) in '对新引进的总部企业,给予一定的奖励,最高不超过100万元' → "
                               "'新引进的总部企业,给予一定的奖励'; '知识产权质押融资额' → unchanged")
def weak_metric(n: Number, metric: str) -> str:
    """A metric made only of words that say nothing of what is measured (给予, 一定的, 奖励, 最高, 不超过 …,
    "给予一定的奖励,最高不超过100万元"): the sentence before the number instead, up to forty characters,
    without its opening 对 and the cap words before the number, so the target says whom it is for."""
    if T.han_count(GENERIC_METRIC.sub("", metric)) >= 2 or T.han_count(metric) < 2:
        return metric  # a metric of one character is no target at all (paragraph_targets drops it)
    before = CAP_TAIL.sub("", n.para[n.sent_start:n.pos]).strip(" ，,、:：")
    before = before[-WEAK_METRIC_CONTEXT:].removeprefix("对")
    return before if T.han_count(GENERIC_METRIC.sub("", before)) >= 2 else metric


@rule(stage="targets", example="'给予每月950元、1300元、2000元的生活补贴' (950) → noun '生活补贴'; "
                               "'分别发放6万元、8万元、10万元的一次性购房补贴' (8) → '一次性购房补贴'; '奖励2万元,并' → None")
def listed_amounts_noun(n: Number) -> "re.Match[str] | None":
    """An amount of money followed by the other amounts of its list and then 的 and the aid they are
    ("每月950元、1300元、2000元的生活补贴", b1172 004): the aid (lexicon.AID_WORDS, AID_NOUN_WORDS) is what
    each amount is, so it ends every amount's metric, not only the last one's."""
    if n.unit not in L.MONEY_UNITS:
        return None
    return LISTED_AMOUNTS_NOUN.match(n.post_full[n.suffix_len:])


@rule(stage="targets", example="'个显示度高、示范性强、复制性好的数据要素应用典型案例' → noun '数据要素应用典型案例'; "
                               "'个全國領先、示范作用明顯的數據產業集聚區' → '數據產業集聚區'; '个、培育5家' → None")
def described_noun(post: str) -> "re.Match[str] | None":
    """The words after a count that describe what is counted with a 、 list of qualities and then name it
    after 的 ("300个显示度高、示范性强…的典型案例"): the noun is what follows the last 的, not the first
    quality (the 、 there does not start the next target)."""
    return DESCRIBED_NOUN.match(post)


@rule(stage="targets", example="'…取得电影片公映许可证、电视剧发行许可证的，分别给予100万元、50万元奖励' (metric '分别') → "
                               "'取得电影片公映许可证、电视剧发行许可证的'; metric '企业奖励' → None")
def respective_metric(n: Number, metric: str) -> str | None:
    """Amounts given 分别 (respectively) to the items of a list before them ("…取得电影片公映许可证、电视剧发行
    许可证、网络剧片发行许可证的，分别给予100万元、50万元、30万元奖励"): when the metric found is only
    the word 分别 or the scraps of its clause ("56237吨分别", "的,分别"), it is the clause that lists
    what the amounts are for: the metric without 分别 when it names something, else the nearest clause
    before 分别 with a 、 list, else the one just before."""
    f = n.folded
    at = f.rfind("分别", n.sent_start, n.pos)
    if at < 0 or not metric.endswith("分别"):
        return None
    kept = metric[:-2].rstrip(" ，,、")
    subject = re.split(r"[，,；;]", kept)[-1]  # "…促农增收效果显著,县级分别" (b761 002): 县级 names too little
    if T.han_count(FIGURE_TAIL.sub("", kept)) >= 3 and T.han_count(FIGURE_TAIL.sub("", subject)) >= 3:
        return kept  # "…的生产企业,设一等奖1名、二等奖2名、三等奖3名,分别": the context without the word
    spans, start = [], n.sent_start
    for k in range(n.sent_start, at + 1):
        if k == at or f[k] in "，,；;":
            if T.han_count(f[start:k]) >= 2:
                spans.append((start, k))
            start = k + 1
    if not spans:
        return None
    a, b = next((sp for sp in reversed(spans) if "、" in f[sp[0]:sp[1]]), spans[-1])
    clause = n.para[a:b].strip(" ，,")
    clause = clause[1:] if clause.startswith(("对", "對")) else clause
    if DIGIT.search(clause[-3:]):  # "…比2010年的165902吨、56237吨": the base figures off
        clause = FIGURE_TAIL.sub("", clause).rstrip("、，, ")
    return clause if T.han_count(clause) >= 3 else None


@rule(stage="targets", example="'(上述指标均为预期性指标)。' → True; '（暂定）' → True; "
                               "'(含新增高技能人才15万人)取得相应证书' → False; '示范点' → False")
def note_after(post: str) -> bool:
    """The words after a number are a bracketed note that closes the clause ("…拥有量达到12件(上述指标均为
    预期性指标)。", or "10件(2023年底达3.85件," where the words after stop at a comma inside it): not the
    noun counted, so the metric is the phrase before the number. A bracket followed by more words
    ("45万人(含…)取得相应证书") leaves those words as the noun after."""
    return bool(NOTE_AFTER.match(post))


@rule(stage="targets", example="'获得市级优秀创新产品的工业企业给予奖励,一等奖100万元,二等奖' → '获得市级优秀创新产品的工业企业给予奖励二等奖'; "
                               "'新认定的省级工业设计中心' → '新认定的省级工业设计中心'")
def after_earlier_amount(metric: str) -> str:
    """A metric that runs over an earlier amount of its sentence ("…,一等奖100万元,二等奖" for the 50万元 of
    二等奖): what it is about is the words before the first tier ("…工业企业给予奖励") and the tier after
    the last amount ("二等奖"); the first tier's own label and amount are another target's."""
    parts = EARLIER_AMOUNT.split(metric)
    if len(parts) < 2 or T.han_count(parts[-1]) < 2:
        return metric
    head = parts[0]
    cut = max(head.rfind(c) for c in ",，、;；:：")
    return (head[:cut] if cut > 0 else head) + parts[-1]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in CELL_SPLIT.split(line.strip()) if c.strip()]


@rule(stage="targets", example="'指标名称\\t2022年基数\\t2025年目标' + '专利拥有量（件）\\t1.52\\t2.6' → 2.6 件 >= 2025")
def indicator_table(lines: list[str], measure, ctx: ParseContext) -> tuple[list[dict], set[int]]:
    """Targets of an indicator table whose cells are split by tabs, runs of spaces or bars: a header
    naming the metric column and a goal column (2025年目标, not the base year), one row per metric; or a
    table of rewards whose amount column names its unit ("奖项名称 | 奖励金额(万元)": "=" amounts).
    Returns the targets and the lines the table used."""
    out, used = [], set()
    i = 0
    while i < len(lines):
        head = _cells(ctx.fold_same(lines[i]))
        goal_cols = [k for k, c in enumerate(head) if GOAL_HEAD.search(c) and not BASE_HEAD.search(c)]
        amounts = not goal_cols  # a table of rewards: its amount column, its unit in the header
        if amounts:
            goal_cols = [k for k, c in enumerate(head) if AMOUNT_HEAD.search(c) and UNIT_IN_NAME.search(c)]
        metric_col = next((k for k, c in enumerate(head) if METRIC_HEAD.search(c)), None)
        if len(head) < 3 or not goal_cols or metric_col is None or metric_col in goal_cols:
            i += 1
            continue
        goal = goal_cols[-1]
        ym = ANY_YEAR.search(head[goal])
        year = int(ym.group(1)) if ym and not amounts else None
        head_unit = UNIT_IN_NAME.search(head[goal]).group(1) if amounts else None
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
            unit = unit or head_unit
            if vm and T.han_count(metric) >= 2:
                comparator = L.TABLE_COMPARATORS.get(vm.group("cmp") or vm.group("suffix") or "", "=" if amounts else ">=")
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


@rule(stage="targets", example="'…发展计划2016年,在省委…领导下,…实现了…,增长7.9%…' in a 2017 plan → where 2016年 starts; "
                               "'2025年,全市新增高新技术企业50家' in a 2025 plan → None")
def past_year_review(folded: str, year: int | None) -> int | None:
    """Where a paragraph reviewing a year before the document's own begins ("2016年," in the 2017 plan,
    at the paragraph's start or after a sentence or a title it was joined to, b199 001) and says what
    was done (实现了, 完成了 …): its figures are results, no targets. None when there is none."""
    if not year:
        return None
    for m in PAST_YEAR_OPENING.finditer(folded):
        if int(m.group(1)) < year and PAST_VERBS.search(folded, m.end(), m.end() + 400):
            return m.start()
    return None


@rule(stage="targets", example="'“十三五”期间，我市新增专利申请190919件…到2025年，…' in a 十四五 plan → (0, where 到2025年 starts, "
                               "False); '“十四五”期间，力争新增…' in a 2021 plan → None")
def past_period_review(folded: str, ctx: ParseContext, ongoing: bool = False) -> tuple[int, int, bool] | None:
    """The span of a review of a five-year plan that was over when the document was written ("“十三五”期间，
    全市新增专利申请190919件" in a 十四五 plan, a one-line page whose headings were lost, b210 002): its
    figures are results, no targets. The span runs to where goals resume (到2025年, 主要目标) or the
    paragraph's end; the third value says it ran to the end, so that the next paragraph (``ongoing``) goes
    on with it from its start until goals resume or a chapter (二、) begins. When the document was written
    is its date, or else the start of the plan period its title names."""
    end = None
    if ongoing:
        if CHAPTER_START.match(folded):
            return None
        start = after = 0
    else:
        m = PAST_PERIOD_OPENING.search(folded)
        if not m:
            return None
        end = dict(L.FIVE_YEAR_PLANS)[m.group(1)]
        doc = ctx.document or {}
        period = title_period(doc)
        written = document_year(doc) or (period - 4 if period else None)
        if not written or end >= written:
            return None
        start, after = m.start(), m.end()
    resume = next((r for r in GOALS_RESUME.finditer(folded, after)
                   if not (r.group(1) and end and int(r.group(1)) <= end)), None)  # "到2020年底" reviews 十三五
    return (start, resume.start(), False) if resume else (start, len(folded), True)


def extract_targets(text: str, *, measure: int | None, doc_year: int | None, year: int | None = None,
                    plan_year: int | None = None, ctx: ParseContext | None = None) -> list[dict]:
    """Targets stated in ``text`` (one measure, or one document-level paragraph). year: the deadline
    that holds unless the text states one; plan_year: the year an annual plan's 全年/今年 refer to."""
    return _extract(text, measure=measure, doc_year=doc_year, year=year, plan_year=plan_year, ctx=ctx)[0]


def _extract(text: str, *, measure, doc_year, year, plan_year, ctx) -> tuple[list[dict], int | None]:
    """extract_targets, and the year the text leaves in force for what follows it (a goals paragraph's
    "到2025年，…" holds for the indicators listed in the next paragraphs)."""
    ctx = ctx or ParseContext()
    out = []
    lines = text.split("\n")
    table_lines: set[int] = set()
    if "\t" in text or "  " in text or "|" in text:
        out, table_lines = indicator_table(lines, measure, ctx)
    reviewing = False  # a past plan period's review goes on from the paragraph before
    for i, para in enumerate(lines):
        if i not in table_lines:
            # the paragraph folded and its deadlines once, for its targets and for the year it carries on
            folded = _half_width(ctx.fold_same(para))
            review = past_year_review(folded, plan_year or doc_year)
            if review is not None:  # a review of a past year from here on: its figures are results
                para, folded = para[:review], folded[:review]
            period = past_period_review(folded, ctx, reviewing)
            reviewing = bool(period and period[2])
            if period is not None:  # a past plan period's review: its figures are results
                para, folded = para[:period[0]] + para[period[1]:], folded[:period[0]] + folded[period[1]:]
            carried = year_markers(folded, doc_year, None)
            events = year_markers(folded, doc_year, plan_year) if plan_year else carried
            out += paragraph_targets(para, measure, doc_year, year, plan_year, ctx, folded=folded, events=events)
            year = carried_year(folded, carried) or year
    return out, year


# a document that divides a plan's targets among the units ("…目标责任分解书", "…目标任务分解方案")
TARGETS_BREAKDOWN = re.compile(r"目标(?:任务)?(?:责任)?分解")


@rule(stage="targets", example="'《广东省妇女发展规划(2011—2020年)》目标责任分解书' → True; '…规划(2011—2020年)' → False; "
                               "'2024年目标任务分解方案' (no period) → False")
def targets_breakdown(ctx: ParseContext) -> bool:
    """A document that divides a plan's targets among its units ("《广东省妇女发展规划(2011—2020年)》目标责任分解书",
    b1293 001, b317 003): every figure in it without a year of its own is for the end of the period its title names,
    as a goals chapter's are."""
    title = ctx.fold((ctx.document or {}).get("title") or "")
    return bool(TARGETS_BREAKDOWN.search(title)) and title_period(ctx.document) is not None


def targets(ctx: ParseContext) -> None:
    """ctx.targets: document-level targets (preamble, general-requirements chapters, unnumbered chapters;
    not a 规划's background), then each measure's, in document order."""
    doc_year, plan = document_year(dated_by_the_text(ctx)), plan_year(ctx.document)
    if plan is None and not ANY_YEAR.search(ctx.document.get("title") or ""):
        plan = opening_plan_year(ctx.fold(ctx.text[:OPENING_PLAN_SPAN]))
    period = title_period(ctx.document)
    measure_ids = {id(n) for n in ctx.nodes}
    skip = set(ctx.summary_lines)  # a report of past work: its figures are results
    preamble = [line for i, line in enumerate(ctx.outline.preamble) if i not in skip]
    preamble = (own_notice_lines(ctx) if not ctx.nodes else []) + preamble
    breakdown = targets_breakdown(ctx)
    chunks = [(line, None, "preamble", breakdown) for line in wrapped_cells(preamble)]
    for node in ctx.outline.nodes:
        if id(node) in measure_ids or is_background(node, ctx) or requirement_item(node, ctx) or condition_item(node, ctx):
            continue  # a measure's own targets come below; a condition to apply ("团队成员不少于8人") is none
        root = id(([node] + node.ancestors())[-1])
        goals = is_general(node, ctx) or any(is_general(a, ctx) for a in node.ancestors()) \
            or goals_title(node.heading, ctx)
        if is_general(node, ctx) or not node.children:
            chunks.append((node.text, inherited_year(node, ctx), root, goals))
        else:
            own = "\n".join(([node.head] if heading_goal(node.head) else []) + node.extra)
            if own:
                chunks.append((own, inherited_year(node, ctx), root, goals))
    running, scope = None, None  # a goals paragraph's year holds for the next chunks of its chapter
    for chunk, year, root, goals in chunks:
        if root != scope:
            running, scope = None, root
        year = year or running or ((period or plan) if goals else None)
        found, left = _extract(strip_units(chunk, ctx), measure=None, doc_year=doc_year, year=year,
                               plan_year=plan, ctx=ctx)
        ctx.targets += [plan_task_year(t, plan) for t in found]
        running = left or running
    for m, node, body in zip(ctx.measures, ctx.nodes, ctx.bodies):
        if condition_item(node, ctx):
            continue  # a condition to apply ("团队成员不少于8人") is no target
        year = deadline_note(node.text, ctx) or heading_year(m.get("title"), doc_year, ctx) \
            or ((period or plan) if goals_heading(m.get("path"), ctx) or goals_title(m.get("title"), ctx)
                or breakdown else None)
        found = extract_targets(reward_titled(m.get("title"), body, ctx, (m.get("path") or [None])[-1]), measure=m["ordinal"],
                                doc_year=doc_year,
                                year=year, plan_year=plan, ctx=ctx)
        ctx.targets += [plan_task_year(t, plan) for t in found if not regulated_minimum(t, node, m.get("units"))]
    last = next((line.strip() for line in reversed(ctx.lines) if line.strip()), "")
    ctx.targets = [t for t in ctx.targets if not cut_off_statement(t["quote"], last)]


@rule(stage="targets", example="(第五条) '注册资本不少于100万元' (>=) → True; '市财政每年安排不少于50万元' → False; "
                               "'奖金不低于500元' → False; '每年至少召开1次' → False; (一、…) '注册资本不少于100万元' → False; "
                               "'设立调解组织10家以上' with units → False")
def regulated_minimum(target: dict, node, units: list[str] | None = None) -> bool:
    """A floor in an article of a rule (第X条, or an item under one: "不少于3名", "注册资本100万元以上",
    "水域面积不小于250平方米") is a condition on those the rule regulates, no commitment of its issuer: no
    target. Over b01-b973 such floors are rarely gold (54 of 289 on pages of articles). A floor the issuer
    sets itself stays (its finance or government is the subject, lexicon.ISSUER_COMMITMENT_WORDS), as do the
    least amount of a reward or standard it pays (lexicon.PAYMENT_WORDS) and how often a body acts
    (lexicon.FREQUENCY_UNITS), and every floor of an article that names its responsible units ("…设立调解组织10家
    以上。(市司法局…负责)": a task of the issuer's departments, as a plan's)."""
    if target["comparator"] not in (">=", ">") or units or not any(n.kind == "article" for n in [node] + node.ancestors()):
        return False
    quote, unit = T.fold(f"{target.get('metric') or ''} {target['quote']}"), T.fold(target["unit"] or "")
    return not (unit in L.FREQUENCY_UNITS or any(w in quote for w in L.ISSUER_COMMITMENT_WORDS)
                or unit in L.MONEY_UNITS and any(w in quote for w in L.REWARD_WORDS + L.PAYMENT_WORDS))


@rule(stage="targets", example="title '奖励额度', body '发明专利10000元/项;实用新型400元/项。' → '奖励额度：发明专利10000元/项;…'; "
                               "title '耕(肉)牛', heading '补贴标准', body '成年牛3000元/头' → '补贴标准：成年牛3000元/头'")
def reward_titled(title: str | None, body: str, ctx: ParseContext, heading: str | None = None) -> str:
    """A measure titled as a reward or subsidy (奖励额度, 资助标准, 补贴标准) whose body lists amounts
    without a verb ("发明专利10000元/项;实用新型400元/项", b179 005): the amounts are rewards, read
    with the title before them. Items under such a heading are read so too, when their own title names no
    reward ("补贴标准" over "1.猪(非洲猪瘟):大猪1200元/头、中猪750元/头", b544 012)."""
    if (not title or not REWARD_TITLE.search(ctx.fold(title))) and heading and REWARD_TITLE.search(ctx.fold(heading)) \
            and not REWARD.search(ctx.fold(body)):
        return f"{heading}：{body}"
    if not title or not REWARD_TITLE.search(ctx.fold(title)):
        return body
    if body.startswith(title + "\n"):  # the title on a line of its own: its amounts follow on the next
        return f"{title}：{body[len(title) + 1:]}"
    return body if REWARD.search(ctx.fold(body)) else f"{title}：{body}"


@rule(stage="targets", example="(2016 plan) '城镇新增就业1000万人以上' → year 2016; '给予2万元奖励' → year None")
def plan_task_year(target: dict, plan: int | None) -> dict:
    """A task of an annual plan (2016年…任务分工, 2023年工作要点) that states a number without a year is
    for the plan's year ("安排地方专项债券4000亿元" too); a reward or subsidy amount (给予…万元) is a
    standing rule, no deadline, and stays yearless (its unit folded: "萬元" on a Traditional page, b884 002), as does a rate per year
    ("每年新增储备企业100家").
    The preamble's and goals' figures of a yearly task list too ("下达2025年…任务指标的通知")."""
    quote = T.fold(target["quote"])
    reward = T.fold(target["unit"] or "") in L.MONEY_UNITS and any(w in quote for w in L.REWARD_WORDS)
    if plan and target["year"] is None and not reward and not any(w in quote for w in L.RECURRING_WORDS):
        return {**target, "year": plan}
    return target


@rule(stage="targets", example="'全面推开食品安全信用体系建设工作,食品安全信用企业(单位)达到80%以上。' → True; "
                               "'加强知识产权保护' → False; '实施十大工程' → False")
def heading_goal(head: str) -> bool:
    """A heading over items that states a quantified goal of its own, with a comparator ("…达到80%以上",
    "…覆盖面达100%"): its goal is a target beside those of the items under it."""
    return bool(HEADING_GOAL.search(head))


@rule(stage="targets", example="['…年度处理诉调对接专利民', '事纠纷案件 100 起以上', …short lines] → "
                               "['…年度处理诉调对接专利民事纠纷案件 100 起以上', …]")
def wrapped_cells(lines: list[str]) -> list[str]:
    """A table flattened into short wrapped lines (a PDF's task table: each cell wrapped at a few
    characters, "年度处理诉调对接专利民" + "事纠纷案件 100 起以上"): when most of many lines are short,
    a line that does not end a sentence runs on into the next, so that a target's metric and its
    number are read together."""
    filled = [l for l in lines if l.strip()]
    if len(filled) < WRAPPED_MIN_LINES or sum(1 for l in filled if len(l.strip()) <= WRAPPED_WIDTH) < 0.6 * len(filled):
        return lines
    out: list[str] = []
    for line in filled:
        if out and not WRAP_STOP.search(out[-1]):
            out[-1] += line.strip()
        else:
            out.append(line.strip())
    return out


@rule(stage="targets", example="quote '建成不少于3个区域性市级商业秘密保护基' at the end of a text cut there → True")
def cut_off_statement(quote: str, last_line: str) -> bool:
    """A target whose statement runs into the end of an excerpt cut mid-sentence: not wholly present."""
    return bool(quote) and not END_STOP.search(last_line) and last_line.endswith(quote.strip())


@rule(stage="targets", example="'完成2024年食品安全重点工作指标任务' (2024) → 2024; '2020年以来成效' → None")
def heading_year(title: str | None, doc_year: int | None, ctx: ParseContext) -> int | None:
    """A year the measure's own heading names (not a past one): its indicators are for that year."""
    if not title:
        return None
    for m in PLAN_YEAR.finditer(ctx.fold_same(title)):
        y = int(m.group(1))
        after = title[m.end():m.end() + 2]
        if (doc_year is None or y >= doc_year) and not after.startswith(("以来", "来", "同比")):
            return y
    return None


# the numbering before a heading ("一、", "（二）", "3.")
HEADING_NUMBER = re.compile(rf"^[\s{P.CIRCLED}（(一二三四五六七八九十、）)\d.．]*")


@rule(stage="targets", example="'主要目标指标' → True; '加强知识产权保护' → False")
def goals_title(title: str | None, ctx: ParseContext) -> bool:
    """The measure is itself headed as a plan's indicators ("1.主要目标指标。" under a task of an annual
    plan): its numbers without a year are for the plan's year (or the last year of its period)."""
    return bool(title) and goals_heading([title], ctx)


@rule(stage="targets", example="['一、主要指标'] → True; ['（二）发展目标'] → True; ['锚定建设农业强国目标，科学谋划'] → False")
def goals_heading(path: list[str] | None, ctx: ParseContext) -> bool:
    """The measure stands under a short heading over a plan's indicators (主要指标, 发展目标): a number of
    its own without a year is for the last year of the plan period the title names."""
    if not path:
        return False
    head = HEADING_NUMBER.sub("", ctx.fold_same(path[-1])).strip()
    return len(head) <= 8 and head.endswith(L.GOAL_HEADING_ENDS)
