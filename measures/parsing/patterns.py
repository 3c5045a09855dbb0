"""Fragments of the document grammar that several rules share, each defined once.

Fragments (strings, to build patterns from) are in capitals without a
suffix; compiled patterns that several stages use end in nothing either but
are ``re.Pattern`` objects (DOC_NUMBER, DATE_LINE, ORG_LINE …). A stage's own
patterns live at the top of its module, built from these.
"""
from __future__ import annotations

import re

from . import lexicon as L

# --- characters -----------------------------------------------------------------
HAN = "\u4e00-\u9fff"                      # CJK unified ideographs (inside a [] class)
HAN_CHAR = f"[{HAN}]"
HAN_ANY = "\u3400-\u9fff"                  # with extension A (pinyin glosses follow these)
# 壹: mirror sites' converters write 一 as 壹 ("第十壹條", "(壹)"): read as 一
CN_DIGITS = "一二三四五六七八九十百零〇两壹"
CN_NUMBER = f"[{CN_DIGITS}]+"              # 十九, 二十一, 一百零五
REVISION = "修[订訂正改]"                   # a law's revision or amendment, in its edition note ("(2009修订)")
CN_SMALL_DIGIT = "[一二三四五六七八九十壹]"
CN_SMALL = CN_SMALL_DIGIT + "{1,3}"        # chapter and item numbers
WEDGE_CHARS = "【】《》〈〉!！?？—"  # what a re-punctuating copy wedges between two characters ("为加强】电动")
WEDGE = f"[{WEDGE_CHARS}]"
WEDGED_MARK = f"[{WEDGE_CHARS}。，,:：;；.、]"  # … and every mark it leaves inside an article's number ("第【一条")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_DIGITS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"  # one character each for (1)…(20), as Word and OCR write them
SPACE_CHARS = " \u00a0\u2002\u2003\u2009\u200b\u3000"

WHITESPACE = re.compile(r"\s+")
# the addressees of a notice, closed by a colon: "各省、自治区、直辖市人民政府：", "有关单位："
SALUTATION = re.compile(r"^(?:各|有关).{2,200}[:：]$")
SENTENCE_MARK = re.compile(r"[。，,；;]")   # a line holding one of these is more than a bare heading
ROW_NUMBER = re.compile(r"\d{1,3}")       # the 序号 cell of a table row

# --- brackets ----------------------------------------------------------------------
OPEN = "(（〔【["                           # brackets around responsibility notes
CLOSE = ")）〕】]"
PAREN_OPEN, PAREN_CLOSE = "[(（]", "[)）]"
YEAR_OPEN = "〔\\[【(（［﹝"                  # brackets around a 文号's year
YEAR_CLOSE = "〕\\]】)）］﹞"

# --- years and dates -------------------------------------------------------------------
YEAR = r"(?:19|20)\d{2}"
YEAR_G = f"({YEAR})"
DASH = "—–\\-－~～至到"                     # between the two ends of a range
CN_YEAR_DIGITS = "〇零○Ｏ一二三四五六七八九"
# "2011年7月29日" written out in a note (a pattern piece, for notes of adoption, promulgation, revision)
DATE_TEXT = rf"{YEAR}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
DATE_YMD = re.compile(rf"{YEAR_G}\s*[-/.年]\s*(\d{{1,2}})\s*[-/.月]\s*(\d{{1,2}})")
DATE_CN = re.compile(rf"([{CN_DIGITS}○Ｏ]{{4}})\s*年\s*([{CN_DIGITS}]{{1,3}})\s*月\s*([{CN_DIGITS}]{{1,3}})\s*日?")
# a signature date on its own line: "2024年7月9日", "二〇二四年七月九日", "2023年12月印发"
DATE_LINE = re.compile(
    rf"^(?:{YEAR}|[{CN_YEAR_DIGITS}]{{4}})\s*年\s*(?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月"
    rf"\s*(?:(?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*日?)?\s*(?:印发|发布)?$")
DATE_ONLY_LINE = re.compile(rf"^{YEAR}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日?$")
# a deadline: "到2025年", "2025年底前", "2025年末"
# ("对于2020年第一季度…的企业,给予…": 对于 introduces whom a reward is for, no deadline, b534 005)
YEAR_AT = re.compile(rf"(?:到|至|在|(?<!对)于|截至|截止)\s*{YEAR_G}\s*年|{YEAR_G}\s*年(?:底|末)?(?:以?前|之前)|"
                     rf"{YEAR_G}\s*年(?:底|末)")
YEAR_RANGE = re.compile(rf"{YEAR_G}\s*(?:年\s*)?[{DASH}]\s*{YEAR_G}\s*年(?:间|期间)?")

# --- documents ------------------------------------------------------------------------
# 文号: issuer abbreviation, year in brackets, serial, 号 ("冀政发〔2016〕16号")
DOC_NUMBER = re.compile(rf"{HAN_CHAR}{{1,12}}[{YEAR_OPEN}]\s*{YEAR_G}\s*[{YEAR_CLOSE}]\s*\d{{1,4}}\s*[号號]")
# a breadcrumb trail with single marks on a line of its own: ">政务>政策文件>工作要点", "首页>政务>政策文件"
# (clean keeps its marks from the spam-symbol pass; lines drops it as page chrome)
# (or the trail's rest after a line break, opening with its mark: "> 政务公开 > 重点工作落实情况", b216 005)
SINGLE_MARK_TRAIL = re.compile(r"^\s*(?:[>＞]?(?:\s*[^>＞»\s]{1,12}\s*[>＞]){2,}|[>＞](?:\s*[^>＞»\s]{1,12}\s*[>＞])+)"
                               r"\s*[^>＞»\s]{0,12}\s*$")
# an organisation's name alone on a line (a signature): "沈阳市人民政府", "省市场监管局（知识产权局）"
ORG_LINE = re.compile(rf"^[{HAN}()（）、 ]{{2,40}}(?:{'|'.join(L.ORG_LINE_ENDS)})(?:{PAREN_OPEN}{HAN_CHAR}{{2,12}}{PAREN_CLOSE})?$")
GENRE = re.compile("|".join(L.GENRE_WORDS))
# a law's name, folded ("中华人民共和国统计法", "反不正当竞争法"; header.law_title strips what a site writes after it):
# GENRE names no law
LAW_TITLE = re.compile(rf"(?:中华人民共和国)?[{HAN}]{{2,24}}(?<![{''.join(L.LAW_TITLE_NOT_BEFORE)}])法")

# "补助标准", "奖励额度": a heading or title naming the amounts a policy pays
REWARD_AMOUNT = re.compile(rf"(?:{'|'.join(L.REWARD_NOUNS)})(?:{'|'.join(L.AMOUNT_NOUNS)})")

# --- numbering ------------------------------------------------------------------------
_N = rf"(?P<n>{CN_NUMBER}|\d+)"
# the number of a chapter or an article found inside a line: 第十二条, and 第12条 as some copies write it
INLINE_N = rf"(?:{CN_NUMBER}|\d{{1,3}})"
_TAIL = r"[\s:：、.．]*"
# after 第X章/第X条 a re-punctuating site may put a comma or a full stop ("第一章,总则", "第二条。本办法…")
_HEAD_TAIL = r"[\s:：、.．,，。]*"
# the kinds of item numbers: (kind, pattern) tried in order at the start of a line; group "n" is the label
# a mirror's pinyin gloss after a character ("關(guān)于", "準(zhǔn)備"): outline.NOISE_MARK, header.editor_lead_title
GLOSS = r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü /]{1,30}[)）]"
# a file's extension after its name ("…管理办法.doc", "…裁量基准3.docx"): header.FILE_NAME_TAIL, outline.ATTACHMENT_FILE_TAIL
FILE_EXTENSION = r"\.(?:docx?|xlsx?|pdf|wps|et|txt|zip|rar)"
# a grade as emergency plans write their levels ("I级", "Ⅱ级", "IV級")
GRADE = r"[IVXⅠ-Ⅻ]{1,4}[级級]"
# what follows a decimal amount ("2.5万元", "1.5倍", "3.2亿", "0.5个百分点"): such a line opens with no section number
# "——推进教育高质量发展": a caption led by a dash (outline.dash_caption; the lines stage keeps its dash)
DASH_CAPTION = re.compile(rf"^[—－-]{{2}}\s*([{HAN}“”、]{{2,24}})$")
ITEM_COUNT_UNITS = "[个個](?!百分[点點])|家|所|座|[场場]|[户戶]|名|[台臺]|[条條]|[处處]|[项項]"   # a count opening an item's text (numfig; raw lines: Traditional too)
DECIMAL_UNIT_CHARS = "万亿千百元倍个件家项名人次年月日天小时分岁吨亩米公斤里萬億個項時歲噸畝裏"  # then their Traditional forms (raw lines)
NUMBERING = (
    # "第一篇:红河县…办法": a document-sharing site's "first piece", not a part of the text
    ("chapter", re.compile(rf"^第{_N}(?:[章编編]|篇(?![:：]))(?![程]){_HEAD_TAIL}")),
    ("part", re.compile(rf"^第{_N}部分{_HEAD_TAIL}")),
    ("section", re.compile(rf"^第{_N}[节節]{_HEAD_TAIL}")),
    ("article", re.compile(rf"^第{_N}[条條]{_HEAD_TAIL}")),
    # "第二項 對列入…" (b424 001, a copy whose spinner wrote 項 for 條): numbered as articles are
    ("article", re.compile(rf"^第{_N}[项項](?![目])[\s:：、.．,，]*(?=[{HAN}“《])")),
    # "第一、审前调查:" (b409 008): an ordinal with 、 numbers an item as 一、 does; "第一、二条规定" cites articles
    ("cn", re.compile(rf"^第(?P<n>{CN_SMALL})、(?![{CN_DIGITS}]+[条條章款项項])\s*")),
    # "一、2023年工作目标" is a heading; "一.5" / "一,2" are not ("、" is never a decimal point)
    # "一:代办事项" as a site's editor wrote it (b524 010): a colon closes the number too
    ("cn", re.compile(rf"^(?P<n>{CN_NUMBER})\s*(?:、|[，,．.](?!\d)|[:：](?=\s*[{HAN}]))\s*")),
    # "一 完善知识产权制度": a chapter number whose 、 the page lost (a bare heading only, see outline)
    ("cnsp", re.compile(rf"^(?P<n>{CN_SMALL})[ \u3000]+(?=[{HAN}])")),
    ("pcn", re.compile(rf"^{PAREN_OPEN}\s*(?P<n>{CN_NUMBER})\s*{PAREN_CLOSE}[\s、.．]*")),
    ("bcn", re.compile(rf"^[〔【\[]\s*(?P<n>{CN_NUMBER})\s*[〕】\]][\s、.．]*")),
    # decimal section numbers of 规划-style texts: "2.1 提升…", "2.1.1 支持…", "1 总体目标"
    # (a grade may open the heading: "4.1 I级(特大)债务风险事件", an emergency plan's levels, b901 007)
    ("dec3", re.compile(rf"^(?P<n>\d{{1,2}}\.\d{{1,2}}\.\d{{1,2}})(?![\d.])\s*(?=[{HAN}“《]|{GRADE})")),
    # "4.1集团各部门…" glued to its text too, unless a unit follows ("2.5万元", "1.5倍" are amounts)
    ("dec2", re.compile(rf"^(?P<n>\d{{1,2}}\.\d{{1,2}})(?![\d.])(?:[ \u3000]+|(?![{DECIMAL_UNIT_CHARS}]))(?=[{HAN}“《]|{GRADE})")),
    ("numsp", re.compile(rf"^(?P<n>\d{{1,2}})[ \u3000]+(?=[{HAN}])")),
    # "2.2011年7月底前…" is item 2 (a year after the stop), not 2.2011
    # "1﹒加快…": a small full stop (U+FE52) as some editors write it
    ("num", re.compile(rf"^(?P<n>\d{{1,4}})\s*(?:[、．﹒]|\.(?!\d)|\.(?={YEAR}年))\s*")),
    # "3。通过贯标认证的企业…", "1·《申请表》…" (b799 004): an OCR'd or retyped stop after a small item number
    ("num", re.compile(rf"^(?P<n>\d{{1,2}})[。·•](?=[{HAN}“《])")),
    # "2.50个小区新增…", "4.460个居村…": an item whose text opens with a count (numfig: a sibling's number must
    # come just before it, see outline)
    ("numfig", re.compile(rf"^(?P<n>\d{{1,2}})\.(?=\d{{1,4}}(?:{ITEM_COUNT_UNITS})[{HAN}])")),
    ("pnum", re.compile(rf"^(?:[(（〔【\[]\s*(?P<n>\d{{1,3}})\s*[)）〕】\]]|(?P<pd>[{PAREN_DIGITS}])(?!\s))[\s、.．]*")),  # "⑴ 大連市…辦法": a doc-share piece's number
    ("rnum", re.compile(rf"^(?P<n>\d{{1,3}})\s*{PAREN_CLOSE}\s*(?=[{HAN}“《])")),
    ("circ", re.compile(rf"^(?P<n>[{CIRCLED}])\s*")),
    ("action", re.compile(rf"^(?:{'|'.join(L.ACTION_CHAPTERS)})(?P<n>{CN_NUMBER})\s*[:：、.．]\s*")),
    ("shi", re.compile(rf"^(?P<n>{CN_SMALL})是(?=[^\s，,。])")),
)
# an item number that may open a line, as a lookahead-friendly alternation
ITEM_NUMBER = (rf"{CN_SMALL}、|{PAREN_OPEN}{CN_SMALL}{PAREN_CLOSE}|{PAREN_OPEN}\d{{1,2}}{PAREN_CLOSE}|(?<![\d.])\d{{1,2}}[.．﹒、](?![\d.])|"
               rf"第[一二三四五六七八九十百]{{1,4}}[条條章]")
SECTION_NUMBER = rf"(?:{CN_SMALL}、|{PAREN_OPEN}{CN_SMALL}{PAREN_CLOSE})"
# "一 完善知识产权制度 (一)…": a chapter number followed by a space instead of 、, before a bare heading
SPACED_CHAPTER = rf"{CN_SMALL}[ \u3000]+(?=[{HAN}]{{2,20}}[ \u3000]*{PAREN_OPEN}{CN_SMALL}{PAREN_CLOSE})"


def alternation(words) -> str:
    """Words as one regex alternation, longest first (so that 牵头单位 wins over 牵头)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def spread_alternation(words) -> str:
    """As alternation, each word also matched spread out with spaces between its characters ("草 案")."""
    return "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))
