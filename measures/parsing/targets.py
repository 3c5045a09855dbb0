"""Quantified commitments: a number with a unit, its metric, comparator and year.

Matching runs on a Simplified copy of the text with identical offsets, so the
metric and quote are cut from the original (Traditional stays Traditional).
"""
from __future__ import annotations

import re

from .text import HALF_WIDTH_NUMERIC, fold_same_length

UNITS = sorted([
    "个工作日", "工作日", "元/件", "件/年", "万元/件", "万元", "亿元", "千元", "元", "个百分点", "百分点",
    "分", "%", "件", "家", "项", "个", "名", "次", "人次", "万人次", "人", "所", "座", "场", "期", "批",
    "户", "种", "篇", "类", "倍", "天", "万件", "万人", "万家", "万个", "小时", "亩", "套", "台", "处",
    "个月", "年", "月", "日", "支", "部", "本", "条", "位", "笔", "单", "份", "起", "宗",
    "场次", "家次", "批次", "件次", "项次", "期次", "个次",
], key=len, reverse=True)
NOT_TARGET_UNITS = {"年", "月", "日", "个月", "小时"}
TIME_LIMITS = {"日", "个月", "小时"}  # targets only as a stated limit ("缩短至60日以内", "24小时内处理")
LIMIT_VERB = re.compile(r"内(?:进行|予以|依法|全部|及时|将[^，,。；;]{1,12}?)?(?:办结|完成|结案|审结|处理|作出|办理|答复|反馈|受理|审查|核查|回复|出具|给予|移送|移交|转交|"
                        r"转办|报送|上报|送达|告知|通知|公布|公示|立案|录入|解决|回应|核实|审核|审批|$)")
WORKDAY_LIMIT = re.compile(r"内[\u4e00-\u9fff]")  # "5个工作日内移送": a working-day count before 内 is a limit
CLAUSE_COUNT = re.compile(r"(?:建成|建设|设立|新增|培育|打造|组建|认定|创建|布局|新建|"
                          r"引进|举办|开展|发布|制定|选树|评选|遴选|命名|完成|组织|发行|安排|推出|挂牌|签约|签订|办理|培训|招引)")
MONEY = {"万元", "亿元", "千元", "元", "元/件", "万元/件"}

NUM = re.compile(
    r"(?<![\d.A-Za-z\-/:：@])(?P<num>\d+(?:\.\d+)?)(?:\s*(?P<range>[~～\-—至到]\s*\d+(?:\.\d+)?))?\s*(?P<unit>"
    + "|".join(re.escape(u) for u in UNITS) + r")")

COMPARATORS = [  # (word, comparator), longest first when matching
    ("不低于", ">="), ("不少于", ">="), ("不小于", ">="), ("至少", ">="), ("力争达到", ">="), ("达到", ">="),
    ("提高到", ">="), ("提高至", ">="), ("提升到", ">="), ("提升至", ">="), ("增加到", ">="), ("增加至", ">="),
    ("增长到", ">="), ("增至", ">="), ("保持在", ">="), ("稳定在", ">="), ("达", ">="),
    ("超过", ">"), ("高于", ">"), ("大于", ">"), ("多于", ">"), ("突破", ">"),
    ("不高于", "<="), ("不超过", "<="), ("不大于", "<="), ("缩短至", "<="), ("缩短到", "<="), ("缩短为", "<="),
    ("压缩至", "<="), ("压缩到", "<="), ("控制在", "<="), ("降至", "<="), ("降低到", "<="), ("降低至", "<="),
    ("减少到", "<="), ("减少至", "<="), ("压减至", "<="), ("最高", "<="),
    ("低于", "<"), ("少于", "<"), ("小于", "<"),
]
COMPARATORS.sort(key=lambda p: -len(p[0]))
SUFFIX = [("及以上", ">="), ("以上", ">="), ("以内", "<="), ("以下", "<="), ("之内", "<="), ("内", "<=")]
COUNT_VERBS = re.compile(
    r"(?:建设|建成|设立|培育|培养|打造|新增|组建|认定|引进|扶持|举办|组织|开展|争取|实施|申报|完成|创建|评选|"
    r"发布|制定|遴选|新建|布局|形成|入选|获得|托管|招引|孵化|服务|建立|推广|筛选|选树|命名|授予|评定|举行|"
    r"召开|奖励|资助|补助|给予|每年|年均|累计|共|有)[^，,。；;]{0,4}$")
REWARD = re.compile(r"给予|奖励|资助|补助|补贴|补偿|贴息|资金援助|扶持|奖补|一次性")
CLAUSE_STOP = "，,；;。:：！!？?\n"
FILLER = re.compile(r"^(?:同时|其中|并|确保|力争|争取|努力|实现|使|推动|全市|全省|全县|全区|我市|我省|到|至|在)+")
YEAR_AT = re.compile(r"(?:到|至|在|于|截至|截止)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年(?:底|末)?(?:以?前|之前)|"
                     r"((?:19|20)\d{2})\s*年(?:底|末)")
YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*(?:年\s*)?[—–\-－~～至到]\s*((?:19|20)\d{2})\s*年(?:间|期间)?")
RELATIVE_YEAR = re.compile(r"(?:力争|争取|用|在|经过)?\s*(?P<n>\d|[一二两三四五六七八九十])\s*(?:个)?年(?:内|时间|左右)")
CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _number(s: str) -> int | float:
    v = float(s)
    return int(v) if v.is_integer() else v


def _inside_quotes(folded: str, pos: int, start: int) -> bool:
    seg = folded[start:pos]
    if seg.count("“") > seg.count("”") or seg.count("《") > seg.count("》"):
        return True
    return False


def _clause_bounds(folded: str, start: int, end: int) -> tuple[int, int]:
    a = start
    while a > 0 and folded[a - 1] not in CLAUSE_STOP:
        a -= 1
    b = end
    while b < len(folded) and folded[b] not in CLAUSE_STOP:
        b += 1
    return a, b


def _sentence_start(folded: str, pos: int) -> int:
    a = pos
    while a > 0 and folded[a - 1] not in "。；;！!？?\n":
        a -= 1
    return a


CAP_CLAUSE = re.compile(r"\s*(?:单个|单家|单项|单笔|单一|每个|每家|每件|每项|每户|每人|同一|每年最高|年度最高|累计最高)")
THIS_YEAR = re.compile(r"全年|今年|年内|本年度|当年")
START_YEAR = re.compile(r"(?:^|(?<=[，,。；;：:\s]))((?:19|20)\d{2})\s*年(?:度)?(?:[，,：:]|(?=[\u4e00-\u9fff]))(?!以来|来|同比|比|的|底|末|前)")
RECURRING = re.compile(r"每年|每季度|每月|每半年|每届")


def extract_targets(text: str, *, measure: int | None, doc_year: int | None,
                    year: int | None = None, plan_year: int | None = None) -> list[dict]:
    """Targets stated in ``text`` (one measure, or one document-level paragraph).
    plan_year: the year of an annual plan, which its 全年/今年 refer to."""
    out = []
    lines = text.split("\n")
    table_lines: set[int] = set()
    if "\t" in text or "  " in text or "|" in text:
        found, table_lines = _table_targets(lines, measure)
        out += found
    for i, para in enumerate(lines):
        if i not in table_lines:
            out += _paragraph_targets(para, measure, doc_year, year, plan_year)
    return out


# --- indicator tables ("主要指标": 指标名称 | 2022年基数 | 2025年目标) ------------

_CELL_SPLIT = re.compile(r"\t+|\s{2,}|\s*[|｜]\s*")
_GOAL_HEAD = re.compile(r"((?:19|20)\d{2})\s*年?[^\d]{0,6}$|目标|预期值|规划值")
_BASE_HEAD = re.compile(r"基数|基期|基准|现状|现值|完成|实际")
_METRIC_HEAD = re.compile(r"指标|名称|内容|项目")
_TABLE_VALUE = re.compile(r"^(?P<cmp>≥|≤|>|<|＞|＜|不低于|不少于|不高于|不超过|超过|低于)?\s*(?P<num>\d+(?:\.\d+)?)\s*"
                          r"(?P<unit>%|‰|[\u4e00-\u9fff/]{1,5})?\s*(?P<suffix>以上|以下|以内)?$")
_TABLE_CMP = {"≥": ">=", "不低于": ">=", "不少于": ">=", "≤": "<=", "不高于": "<=", "不超过": "<=", "以内": "<=",
              "以下": "<=", "以上": ">=", ">": ">", "＞": ">", "超过": ">", "<": "<", "＜": "<", "低于": "<"}


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _CELL_SPLIT.split(line.strip()) if c.strip()]


def _table_targets(lines: list[str], measure) -> tuple[list[dict], set[int]]:
    """Targets of indicator tables whose cells are split by tabs, runs of
    spaces or bars (HTML tables arrive that way too): a header naming the
    metric column and a goal column (2025年目标), then one row per metric."""
    out, used = [], set()
    i = 0
    while i < len(lines):
        head = _cells(fold_same_length(lines[i]))
        goal_cols = [k for k, c in enumerate(head) if _GOAL_HEAD.search(c) and not _BASE_HEAD.search(c)]
        metric_col = next((k for k, c in enumerate(head) if _METRIC_HEAD.search(c)), None)
        if len(head) < 3 or not goal_cols or metric_col is None or metric_col in goal_cols:
            i += 1
            continue
        goal = goal_cols[-1]
        ym = re.search(r"((?:19|20)\d{2})", head[goal])
        year = int(ym.group(1)) if ym else None
        unit_col = next((k for k, c in enumerate(head) if re.fullmatch(r"(?:计量)?单位", c)), None)
        rows_found, j = 0, i + 1
        while j < len(lines):
            raw_cells = _cells(lines[j])
            if len(raw_cells) < 3:
                break
            # a row may omit an empty cell at the start (序号) or the end (属性)
            shift = len(head) - len(raw_cells)
            if shift < 0 or shift > 1:
                break
            cells = raw_cells if shift == 0 else ([""] + raw_cells if not re.fullmatch(r"\d{1,3}", raw_cells[0])
                                                   else raw_cells + [""])
            if goal >= len(cells) or metric_col >= len(cells):
                break
            folded_value = fold_same_length(cells[goal]).replace(" ", "")
            vm = _TABLE_VALUE.match(folded_value)
            metric = cells[metric_col]
            unit = None
            um = re.search(r"[(（]([^()（）]{1,8})[)）]\s*$", metric)
            if um:
                unit, metric = um.group(1), metric[:um.start()].strip()
            if unit_col is not None and unit_col < len(cells) and cells[unit_col]:
                unit = cells[unit_col]
            if vm and vm.group("unit"):
                unit = unit or cells[goal][vm.start("unit"):vm.end("unit")]
            if vm and len(re.findall(r"[\u4e00-\u9fff]", metric)) >= 2:
                comparator = _TABLE_CMP.get(vm.group("cmp") or vm.group("suffix") or "", ">=")
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


_DIGIT = re.compile(r"\d")


def _paragraph_targets(para: str, measure, doc_year, year, plan_year=None) -> list[dict]:
    if not _DIGIT.search(para):
        return []
    # Simplified and half-width ("１．２万件", "４０％"), offsets unchanged
    folded = fold_same_length(para).translate(HALF_WIDTH_NUMERIC)
    events = []  # (position, year) markers
    for m in YEAR_AT.finditer(folded):
        y = next(g for g in m.groups() if g)
        events.append((m.start(), int(y)))
    for m in YEAR_RANGE.finditer(folded):
        # "2024—2026年每年新增…不少于3000件": the plan's period ends in its last year
        events.append((m.start(), int(m.group(2))))
    for m in RELATIVE_YEAR.finditer(folded):
        if doc_year and re.search(r"力争|争取|用|经过|在", folded[max(0, m.start() - 3):m.start() + 3]):
            n = m.group("n")
            events.append((m.start(), doc_year + (int(n) if n.isdigit() else CN.get(n, 0))))
    if plan_year:
        events += [(m.start(), plan_year) for m in THIS_YEAR.finditer(folded)]
    for m in START_YEAR.finditer(folded):
        # "2024年，全市发明专利授权量达到…": a clause opened by a year (not a past baseline)
        if doc_year is None or int(m.group(1)) >= doc_year:
            events.append((m.start(1), int(m.group(1))))
    events.sort()
    out = []
    seen = set()
    last_in_sentence = (None, "")  # (sentence start, metric) of the last target found
    for m in NUM.finditer(folded):
        unit = m.group("unit")
        pos, end = m.start(), m.end()
        if unit in NOT_TARGET_UNITS and unit not in TIME_LIMITS:
            continue
        if unit in TIME_LIMITS and folded[max(0, pos - 1):pos] in ("年", "月"):
            continue  # a date
        if folded[end:end + 1] in ("年", "月", "日") and unit not in ("个工作日", "工作日"):
            continue
        if unit == "个" and folded[end:end + 1] in "月":
            continue
        if folded[max(0, pos - 1):pos] in ("第", "前", "号", "/") or folded[end:end + 1] in ("号",):
            continue
        sent_start = _sentence_start(folded, pos)
        if _inside_quotes(folded, pos, sent_start):
            continue
        a, b = _clause_bounds(folded, pos, end)
        pre = folded[a:pos]
        post_full = folded[end:b]
        comparator, suffix_len = None, 0
        for word, comp in SUFFIX:
            if post_full.startswith(word):
                if word == "内" and not (LIMIT_VERB.match(post_full)
                                         or unit in ("个工作日", "工作日") and WORKDAY_LIMIT.match(post_full)):
                    continue
                comparator, suffix_len = comp, len(word)
                break
        if suffix_len and post_full[suffix_len:suffix_len + 1] == "的" and (
                re.match(r"的(?:[，,；;]|$)", post_full[suffix_len:]) or pre.rstrip().endswith("在")
                or unit in MONEY or unit in ("天", "日", "年", "个月")):
            continue  # "展会时间在3天以上的，…", "年销售额1000万元以上的企业": a condition, not a commitment
        if comparator is None and m.group("range"):
            comparator = ">="
        pre_word = None
        for word, comp in COMPARATORS:
            if pre.rstrip().endswith(word) or pre.rstrip()[:-1].endswith(word):
                pre_word = word
                if comparator is None:
                    comparator = comp
                break
        if comparator is None and re.search(r"(?:至少|不少于|不低于)[\u4e00-\u9fff]{0,4}$", pre.rstrip()):
            comparator = ">="  # "每年至少召开2次", "至少配备1名"
        reward = unit in MONEY and REWARD.search(folded[sent_start:b])
        rate = unit == "%" and REWARD.search(folded[end:b])  # "按…的50%给予补助"
        if unit in TIME_LIMITS and not (comparator == "<=" and (pre_word or suffix_len)):
            continue
        if (reward or (unit == "%" and REWARD.search(folded[a:b]))) and pre_word == "最高":
            comparator = "="  # a reward amount (spec: rewards are "=")
        counted = None
        if comparator is None and not reward and len(re.findall(r"[\u4e00-\u9fff]", post_full)) < 2:
            # "在重点区镇建设商业秘密保护示范点20个": the first counting verb of the clause that
            # leaves a name before the number ("建成高价值专利培育中心5个": 建成, not 培育)
            counted = next((c for c in CLAUSE_COUNT.finditer(pre) if len(pre) - c.end() >= 2), None)
            if counted:
                comparator = "="
            else:
                counted = None
        if comparator is None:
            if COUNT_VERBS.search(pre) or reward:
                comparator = "="
            elif unit == "%" and re.search(r"[\u4e00-\u9fff]$", pre):
                comparator = "="
            else:
                continue
        if unit in ("个工作日", "工作日", "天") and comparator == "=":
            continue
        post = post_full[suffix_len:]
        pb = b  # where the words after the number end: the clause, or the next item of a 、 list
        if "、" in post:
            post = post[:post.index("、")]
            pb = end + suffix_len + len(post)
        post_clean = re.sub(r"^[的之]", "", post).strip()
        # metric: the noun after the number, else the phrase before it
        capped = bool(reward and CAP_CLAUSE.match(folded[a:pos]) and last_in_sentence[0] == sent_start)
        if capped:
            # "按利息的50%给予贴息，单个企业每年最高20万元": the cap of the aid just named
            cap = folded[a:pos]
            cut = len(cap) - len(re.sub(r"(?:(?:最高|最多|不超过|不高于|原则上|累计|给予|可|的|\s)+)$", "", cap))
            metric = f"{last_in_sentence[1]}（{para[a:pos - cut].strip()}）"
        elif reward:
            lead = folded[sent_start:pos]
            lead = re.sub(r"(?:最高|一次性)?(?:给予|奖励|资助|补助|补贴)[^，,]{0,6}$", "", lead)
            # the beneficiary clause: from the last clause opening with 对, else the last two clauses
            starts = [k.start() + 1 for k in re.finditer(r"[，,]对", lead)] + ([0] if lead.startswith("对") else [])
            if starts:
                ms = sent_start + max(starts)
            else:
                cuts = [k.end() for k in re.finditer(r"[，,]", lead.rstrip("，, "))]
                ms = sent_start + (cuts[-2] if len(cuts) >= 2 else 0)
            me = sent_start + len(lead)
            post_orig = para[pb - len(post_clean):pb] if post_clean else ""
            metric = (para[ms:me].strip(" ，,") + post_orig.replace(" ", ""))[-80:]
            metric = re.sub(r"^[①-⑳]?\s*对", "", metric)
        elif post_full.startswith("内") and len(re.findall(r"[\u4e00-\u9fff]", post_clean)) >= 2:
            # a time limit "督促平台在5个工作日内处理完毕": who + what is done
            ws, we = a, pos
            lead_m = re.match(r"\s*(?:督促|要求|确保|实行|实现|力争|推动|并|应当|应|须|必须|一般)*", pre)
            ws += lead_m.end()
            tail = re.search(r"[在于起]?\s*$", folded[ws:we])
            we = ws + tail.start()
            if re.fullmatch(r"自.{0,10}", folded[ws:we]):
                we = ws
            metric = para[ws:we] + para[pb - len(post_clean):pb]
        elif counted is not None:
            metric = para[a + counted.end():pos].strip()
        elif unit == "%" and REWARD.match(post_clean):
            # "对开展专利导航项目的企业，按实际支出的50%给予补助": the beneficiary and the aid;
            # without one, "按贷款利息的50%给予贴息": what is subsidised stands before the rate
            lead = folded[sent_start:pos]
            basis_at = [k.start() for k in re.finditer(r"按照|依照|参照|按", lead)]
            lead = lead[:basis_at[-1]] if basis_at else ""
            starts = [k.start() + 1 for k in re.finditer(r"[，,；;①-⑳]对", lead)] + ([0] if lead.startswith("对") else [])
            beneficiary = ""
            if starts:
                bs = sent_start + max(starts) + 1  # after 对
                be = sent_start + len(lead)
                seg = folded[bs:be]
                be -= len(seg) - len(re.sub(r"的?[\s，,]*$", "", seg))
                beneficiary = para[bs:be].strip()
            if len(re.findall(r"[\u4e00-\u9fff]", beneficiary)) >= 2:
                aid = re.search(r"(?:贴息|奖励|资助|补助|补贴|补偿|资金援助|扶持|奖补)", folded[end:b])
                metric = beneficiary + (para[end + aid.start():end + aid.end()] if aid else "")
            else:
                metric = para[a:pos].strip()
                basis = list(re.finditer(r"按照|依照|参照|按", metric))
                metric = metric[basis[-1].end():] if basis else re.sub(r"^对", "", metric)
                metric = re.sub(r"的$", "", metric)
        elif len(re.findall(r"[\u4e00-\u9fff]", post_clean)) >= 2:
            metric = para[pb - len(post_clean):pb] if post_clean else ""
            metric = metric.strip()
        else:
            head = pre
            if pre_word:
                head = head.rstrip()
                idx = head.rfind(pre_word)
                head = head[:idx] if idx >= 0 else head
            lead = len(head) - len(FILLER.sub("", head))
            year_prefix = re.match(r"^(?:到|至)?\s*(?:(?:19|20)\d{2}\s*(?:年\s*)?[—–\-－~～至到]\s*)?(?:19|20)\d{2}\s*年"
                                   r"(?:底|末|间|期间)?(?:前)?[，,\s]*", head[lead:])
            if year_prefix:
                lead += year_prefix.end()
            metric = para[a + lead:a + len(head)].strip()
            if "、" in metric and _DIGIT.search(metric[:metric.rindex("、")]):
                # "示范企业达到25家、优势企业达到90家": the previous target is not this one's metric
                metric = metric[metric.rindex("、") + 1:]
        metric = re.sub(r"^[①-⑳]\s*", "", metric.strip(" ，,、"))
        if len(re.findall(r"[\u4e00-\u9fff]", metric)) < 2:
            continue
        y = year
        for p, yy in events:
            if p <= pos and not ((reward or rate) and p < sent_start):
                y = yy
        if y is not None and RECURRING.search(folded[a:pos]) and not any(a <= p <= pos for p, _ in events):
            y = None  # "每年完成…不少于2项": a recurring commitment has no deadline year
        qa = a
        if reward and not capped:
            qa = max(a, pos - 6)
            rm = REWARD.search(folded[a:pos])
            if rm:
                qa = a + rm.start()
        quote = para[qa:end + suffix_len + (len(post) if post_clean and not reward else 0)].strip(" ，,")
        if reward and post_clean:
            quote = para[qa:pb].strip(" ，,")
        value = _number(m.group("num"))
        key = (value, unit, metric)
        if key in seen:
            continue
        seen.add(key)
        last_in_sentence = (sent_start, metric)
        out.append({"measure": measure, "metric": metric, "comparator": comparator, "value": value,
                    "unit": para[m.start("unit"):m.end("unit")].translate(HALF_WIDTH_NUMERIC), "year": y, "quote": quote})
    return out
