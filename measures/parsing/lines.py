"""Stage 3, lines: the cleaned text → one logical line per paragraph.

Pages scraped without line breaks are split at their numbered items, PDF hard
wraps are joined again, and lines that belong to the page rather than to the
document (portal chrome, page numbers, running heads, tables of contents,
bullets) are dropped.
"""
from __future__ import annotations

import re

from . import lexicon as L
from . import patterns as P
from .context import ParseContext, rule
from .outline import match_numbering
from .text import fold, fold_same_length, parse_cn_number, translation_line

# "无障碍" is a page tool where it stands alone ("首页 | 无障碍 | 长者版", "• 无障碍"); inside words it is text
# ("关于推进信息无障碍的指导意见", b279 003; "无障碍环境建设")
CHROME = re.compile(r"(?<![发文])字号[:：]|【字体|字体[:：]|[【\[]\s*[大中小]\s*[】\]]|所在的?位置|当前的?位置|现在的?位置|"
                    rf"(?<![{P.HAN}])无障碍(?![{P.HAN}])|"
                    + P.alternation(L.CHROME_PHRASES))
# a notice's title on its own line: "X关于…的通报", never a frame's line whatever words it holds
NOTICE_TITLE_LINE = re.compile(rf"^[{P.HAN}、()（）]{{0,40}}关于[^。；;,，:：>＞|]{{4,80}}的(?:{P.alternation(L.NOTICE_ENDS + ('通报', '意见', '批复', '决定'))})$")
BREADCRUMB = re.compile(rf"^(?:\d{{1,2}}[.、．]\s*)?(?:{P.alternation(L.BREADCRUMB_HEADS)})\s*(?:[>＞»›/|｜]|&gt;)|"
                        # a trail without its home link: ">> 走進嵊州 >> 投資嵊州 >> 投資政策"
                        r"^(?:\s*(?:>>|＞＞|»)\s*[^>＞»\s]{1,12})+\s*(?:>>|＞＞|»)\s*[^>＞»\s]{1,30}\s*$|"
                        # single marks: ">政务>政策文件>工作要点" (b103 001)
                        + P.SINGLE_MARK_TRAIL.pattern)
DATED_META = re.compile(rf"(?:日期|时间)\s*[:：]\s*{P.YEAR}|(?:文号|发文字号|索引号|有效性|效力状态|时效性)\s*[:：]")
ONLY_PUNCT = re.compile(r"^[\s\W_]*$")
HEADING_RUN_SPLIT = re.compile(rf"(?={P.CN_SMALL}、)")
HEADING_RUN_ITEM = re.compile(rf"^({P.CN_SMALL})、[^。；;！!？?:：]{{2,30}}$")  # "二、加强领导,责任到人,"
HEADING_RUN_MIN = 3
# a sidebar's link: a cut headline and its date ("- 习近平:激发市场主体活力弘扬企...2020-07-22")
LINK_ENTRY = re.compile(rf"^[-–•·●▪*]?\s*[^。；;]{{2,60}}?(?:\.{{3,}}|…+)\s*[\[(（]?{P.YEAR}[-/.]\d{{1,2}}[-/.]\d{{1,2}}[\])）]?$")
BULLET = re.compile(r"^[•·●○◆◇■□▪▶►\-–—*]+\s*")
# a table of contents: "二、总体要求 ………… 3", and its "目　录" heading
# a leader may mix its marks ("……………..…6", b216 001)
TOC_LINE = re.compile(r"(?:…{2,}|\.{4,}|·{4,}|－{3,}|-{4,}|_{4,}|…[….·]{3,})\s*\d{1,3}$|^目\s*录$")
# "— 23 —", "- 3 -", "第 3 页", "3/12", "·3·"
# "导读:…", "内容摘要：…": a site's digest of the page before the text
DIGEST = re.compile(rf"^\s*(?:{P.alternation(L.DIGEST_LABELS)})\s*[:：]")
# (a document-sharing site's page count alone on a line too: "6 页", "共6页", b213 004)
PAGE_NUMBER = re.compile(r"^(?:[-—–－·•\s]*\d{1,4}[-—–－·•\s]*|第\s*\d{1,4}\s*[页頁](?:\s*[/，,共]\s*共?\s*\d{1,4}\s*[页頁]?)?|"
                         r"\d{1,4}\s*/\s*\d{1,4}|共?\s*\d{1,4}\s*[页頁])$")  # 頁: a Traditional copy's too
# an item number inside a long line: ITEM_NUMBER, or three digits in a long task list after a full stop or a unit note
# ("…(责任单位:市教育局)206.启动…", b188 005; not after a word and a space: "…发展 131、依托…" is a contents line's
# page 13 and its item 1, b79 001)
INLINE_NUMBER = rf"{P.ITEM_NUMBER}|(?<![\d.])[1-9]\d{{2}}[.．、](?![\d.])"
# a numbered item starting right after a full stop inside a long line (or a table cell's border: "…坚持 || 2.持续开展…", b230 001)
# (an item's closing unit note counts as its end: "…〔责任单位：市司法局〕2.加强…")
INLINE_ITEM = re.compile(rf"(?<=[：:])\s*(?={P.CN_SMALL}、\s*[{P.HAN}“《])|(?<=[。！!？?〕】|])\s*(?=(?:{INLINE_NUMBER})\s*[{P.HAN}“《])|"
                         rf"(?<=[{P.HAN}”》）)]) (?=(?:{P.ITEM_NUMBER})\s*[{P.HAN}“《])|"
                         rf"(?<=[。！!？?])\s*(?={P.SPACED_CHAPTER})")
# "…(责任单位:市人社局)六、深化…": an item's closing unit note, the next item right after it
# also "…(市人社局、市财政局负责)2.继续…"
UNIT_NOTE_END = re.compile(rf"{P.PAREN_OPEN}\s*(?:(?:{P.alternation(L.LEAD_LABELS + L.SUPPORT_LABELS + L.PLAIN_LABELS)})"
                           rf"\s*[:：][^()（）〔〕\[\]【】]{{1,300}}|[^()（）〔〕\[\]【】。]{{2,300}}?"
                           rf"(?:{P.alternation(L.ROLE_TAILS)})){P.PAREN_CLOSE}\s*(?=(?:{INLINE_NUMBER})\s*[{P.HAN}“《])")
# "二、重点任务（一）强化制度保障1.完善…": a bare heading run into the next numbered item
HEAD_RUN_ON = re.compile(rf"^\s*((?:{P.SECTION_NUMBER}|{P.SPACED_CHAPTER})[^。，,；;：:（()）\d]{{2,30}}?)\s*"
                         rf"(?=(?:{P.PAREN_OPEN}{P.CN_SMALL}{P.PAREN_CLOSE}|\d{{1,2}}[.．、](?!\d))\s*(?:[{P.HAN}“《]|{P.YEAR}))")
# "2、重点工作(1)选准培训对象。…": a digit-numbered bare heading run into its first (1) item
DIGIT_HEAD_RUN_ON = re.compile(rf"^\s*(\d{{1,2}}[、．.](?!\d)[^。，,；;：:（()）\d]{{2,12}}?)\s*"
                               rf"(?={P.PAREN_OPEN}1{P.PAREN_CLOSE}\s*[{P.HAN}“《])")
# "第一章 总则 第一条 为…", "第一章总则第一条为了…": a chapter heading run into its first article
CHAPTER_RUN_ON = re.compile(rf"^\s*(第{P.INLINE_N}[章编篇]\s*[^\s。，,；;：:第]{{1,16}}?)\s*(?=第{P.INLINE_N}[条條])")
# "一、提高认识,明确任务全区各级…": a heading of two phrases of the same length, glued to its body
PARALLEL_HEADS = tuple(re.compile(rf"^\s*((?:{P.SECTION_NUMBER})\s*[{P.HAN}]{{{n}}}[,，、][{P.HAN}]{{{n}}})"
                                  rf"(?=\d{{1,2}}[.．、]|{P.alternation(L.BODY_OPENERS + L.GLUED_BODY_OPENERS)})")
                       for n in (4, 2, 3, 5, 6))
# "三、加强督查,狠抓工作落实 各地要…": the heading runs on to a space, its second phrase is longer (parallel_heading)
SPACED_REST = re.compile(rf"[{P.HAN}]{{1,4}}[ \u3000\xa0]")
WRAP_END = re.compile(r"[。！!？?；;：:]$")
# a table of contents entry: a short heading, its page number after a leader or a gap, table pipes
TOC_PAGE = re.compile(r"(?:[\s…．.·_|｜-]*\d{1,3}[\s|｜]*)$")
TOC_HEADING = re.compile(r"^[^。，,；;！!？?]{1,40}$")
TOC_NUMBERED_HEADING = re.compile(r"^[^。；;！!？?]{1,40}$")
TOC_PAGED = re.compile(r"[\s|｜…．.·_-]*?(?:…{2,}|\.{4,}|·{4,}|…[….·]{3,}|[\s|｜])\s*\d{1,3}[\s|｜]*$")
TOC_TEXT_END = re.compile(rf"[{P.HAN}”）)]$")
# (a document-sharing site's 提纲 / 大纲 of the text above it is one too, b230 008)
TOC_HEAD = re.compile(r"^(?:目\s*[录錄]|[提大]\s*[纲綱]\s*[:：]?)$")
# a table of contents on one line (without_run_on_toc): 目录, then page numbers each followed by a numbered entry
RUN_ON_TOC_HEAD = re.compile(r"目\s*[录錄]")
PAGED_ENTRY = re.compile(rf"(?<=\d)(?:[(（]\s*{P.CN_NUMBER}\s*[)）]|{P.CN_NUMBER}\s*、|\d{{1,2}}\s*、)")
TOC_LAST_PAGE = re.compile(r"\d{1,3}")
RUN_ON_TOC_MIN = 6
NOISE = re.compile(r"@+|\s+")
SECTION_NUMBER_ALONE = re.compile(r"^0[1-9]$")
# "第二章 实验区的评定 第五条 申报主体": a chapter heading running into its first article
# "天津市气象灾害防御条例全文第一章 总则": a rule's title (全文 after it) and its first chapter on one line
TITLE_THEN_CHAPTER = re.compile(rf"^(?!.*本(?:条例|办法|规定))([{P.HAN}“”《》()（）]{{4,60}}?(?:条例|條例|办法|辦法|规定|規定|细则|細則)"
                                rf"(?:全文)?)\s*(第[一壹]\s*章\s*(?!的)[{P.HAN}][{P.HAN}\s]{{1,11}})$")
# "…管理办法第一章总则第一条本办法所称…": the body's first chapter and first article inside a longer line
FIRST_CHAPTER_IN_LINE = re.compile(r"(?<=\S)(?=第[一壹1]\s*章\s*[^\s。，,；;：:第]{1,16}?\s*第[一壹1]\s*[条條])")
# "國家標準管理辦法( 2022年9月9日…令第59號公布 自2023年3月1日起施行)": a rule's title and its decree note
TITLE_THEN_DECREE_NOTE = re.compile(rf"^([^()（）]{{4,60}}?(?:{P.alternation(L.POLICY_NOUNS)}))\s*"
                                    rf"([(（]\s*(?:19|20)\d\d\s*年[^()（）]{{4,160}}?(?:公布|施行|通过|通過|修正|修订|修訂|发布|發布|批准)[^()（）]*[)）])$")
CHAPTER_THEN_ARTICLE = re.compile(rf"^(第{P.INLINE_N}[章節节][^第。，,；;]{{0,30}}?)\s*(第{P.INLINE_N}[条條](?![的规規之所中款项項]).*)$")
# "第一章" alone, its name "总" / "则" (or "總 則") on the next lines (chapter_alone)
CHAPTER_ALONE = re.compile(rf"^第{P.CN_NUMBER}[章节節编編]$")
CHAPTER_NAME_ROWS = 6
CHAPTER_NAME_PIECE = 3
# a page flattened to one line (flat_header): its head is split again at its spaces
FLAT_HEAD_ROWS = 3
FLAT_HEAD_LINE = 300
WHITESPACE_RUN = re.compile(r"[ \t\u3000\xa0]+")
CLAUSE_MARK = re.compile(r"[，,；;。]")
SENTENCE_END = re.compile(r"[。：:！!？?]")
FLAT_PIECE_MAX = 40
FLAT_ITEM_PEEK = 40
FLAT_PIECE_MIN = 3  # "XX 市", "总 则": a shorter piece is a spaced word, not a line
NUMBER_SIDE = re.compile(r"[\d〔〕\[\]（）()号號年月日第]")
ARTICLE_OR_CHAPTER = re.compile(rf"第{P.CN_NUMBER}[章条條]")
# "中共中央 国务院关于…", "国家知识产权局 教育部关于…": names that a title joins with a space
JOINED_NAMES = re.compile(rf"^[{P.HAN}]{{2,12}}(?:中央|国务院|部|局|委|厅|办公室|政府|委员会)$")
TITLE_AFTER_NAMES = re.compile(rf"^[{P.HAN}]{{2,20}}关于")
# an item number with nothing after it on its line: "一、", "（三）", "2."
ITEM_NUMBER_ALONE = re.compile(rf"^(?:{P.CN_SMALL}\s*[、.．]|{P.PAREN_OPEN}\s*(?:{P.CN_SMALL}|\d{{1,2}})\s*{P.PAREN_CLOSE}|"
                               rf"\d{{1,2}}\s*[、．]|\d{{1,2}}\.)$")
# "一统一思想,充分认识…": a chapter number glued to its heading, the 、 lost; not 一是/一要/二〇一一年/一般/一批…
GLUED_CHAPTER = re.compile(rf"^(?P<n>{P.CN_SMALL_DIGIT})(?![是要〇○O0零一二三四五六七八九十年月日个件次批些般律体流致定直旦起道同样方面系线级站网把])"
                           rf"(?=[{P.HAN}])")
GLUED_CHAPTER_MAX = 60
BARE_HEADING = re.compile(rf"^[{P.HAN}“”、]{{2,20}}$")
# "第二章,管理 " just before an article that opens a chain (see article_chain)
CHAPTER_BEFORE = re.compile(rf"第{P.CN_NUMBER}[章编篇][^。第]{{0,16}}$")
# lines that stand alone even after a full-width line: a 文号, a date, a salutation
# "第二条" as a number in the text, not the start of an article: "依照第五条", "第二条第九点", "第三条规定"
ARTICLE_TOKEN = re.compile(rf"第({P.CN_NUMBER})[条條](?![第的规規之所中款项項]|[、和及或至到]第)")
ARTICLE_TEXT = re.compile(r"[。，,；;.：:\s]")  # an article's text has a clause mark (a list of names has none)
STOPLESS_ARTICLE_MIN = 20  # …where the line has no mark at all: "…特制定本细则第二条创新券是由政府…第三条…"
ARTICLE_CITED_BEFORE = re.compile(r"(?:本|依照|按照|根据|根據|依据|依據|违反|違反|见|見|照|[条條][、和及或至到])\s*$")
# "1、辽宁省…指南为支持…": a document-sharing preview numbers its pages at the start of long lines
PREVIEW_PAGE_MARK = re.compile(r"^\s*(\d{1,3})、")
# "1、市直机关培训费管理办法第一章总则第一条…": the first page's mark before the document's own title and its first
# chapter or article, run together
PREVIEW_TITLE_PAGE = re.compile(rf"^\s*1、(?=[^，,。；;：:\n]{{2,40}}?(?:{P.alternation(L.GENRE_WORDS)})"
                                rf"(?:{P.PAREN_OPEN}(?:试行|暂行|試行|暫行){P.PAREN_CLOSE})?\s*第[一1][章条條])")
PREVIEW_LINE_MIN = 150
FOOTNOTE_MARK = re.compile(rf"(?<=[{P.HAN}])([{P.CIRCLED}])(?=[{P.HAN}])")  # 知识产权①工作: a footnote's mark
OUTLINE_STOPS = re.compile(r"[。，,；;：:！!？?]")  # an outline_line has none of these
DOC_SHARE_LINE_MAX = 200  # a document-sharing site's terms line (chrome_line)
# a document-sharing site's header above its preview: the file name, the uploader, the page count
DOC_SHARE_SIGN = re.compile(r"\.(?:docx?|pdf|wps)\b|上[传傳]人|下[载載]文[档檔]|文[档檔]页数|[格]式\s*[:：]\s*(?:docx?|pdf)", re.I)
# "作者:   来源: 莲都区人民政府办公室   发布时间: 2023-04-17": a page's line about the page (unwrap_lines)
PAGE_META_LINE = re.compile(rf"^\s*(?:{P.alternation(L.PAGE_META_LABELS)})\s*[:：]")
NOT_CONTINUATION = re.compile(rf"^\S{{1,12}}[{P.YEAR_OPEN}]\d{{4}}[{P.YEAR_CLOSE}]\s*\d{{1,4}}\s*号$|"
                              rf"{P.DATE_ONLY_LINE.pattern}|^[^。，,]{{2,60}}[：:]$")


def split_lines(text: str, ctx: ParseContext) -> list[str]:
    """Non-empty, stripped lines without bullets, chrome and page furniture, PDF wraps joined."""
    out: list[str | None] = []
    rows = lost_first_chapter(glued_chapter_numbers(number_alone(chapter_alone(section_numbers_alone(
        flat_or_glued_head(glued_title_number(preview_page_marks(text.split("\n")))))))))
    pieces = next_chapter_in_line(next_article_in_line([piece for row in rows if not digest_line(row)
                                                        for piece in inline_items(without_run_on_toc(row))]))
    parts = [part for piece in pieces for sub in first_chapter_in_line(piece) for part in run_on_headings(sub)
             for part in chapter_then_article(part)]
    for k, raw in enumerate(parts):
        if page_number(raw.strip()):
            out.append(None)  # a page break: the running header next to it goes too
            continue
        line = raw.strip() if P.DASH_CAPTION.match(raw.strip()) else BULLET.sub("", raw.strip()).strip()
        line = stray_mark_before_number(news_dateline_off(continued_mark_off(line)))
        host = task_host_line(line, parts[k + 1] if k + 1 < len(parts) else "", ctx)
        if not line or ONLY_PUNCT.match(line) or (chrome_line(line, ctx) and not host) or headings_run(line) or \
                translation_line(line) or \
                outline_line(line) or \
                (table_of_contents(line) and not TOC_HEAD.match(NOISE.sub("", line))):  # 目录: its block goes later
            continue
        out.append(line)
    return glued_decimal_chapters(unwrap_lines(drop_table_of_contents(footnotes(drop_running_heads(out)))))


GLUED_DECIMAL_CHAPTER = re.compile(rf"^(?P<n>\d{{1,2}})(?![{P.DECIMAL_UNIT_CHARS}])(?P<head>[{P.HAN}]{{2,10}})$")
DECIMAL_FIRST = r"^{n}[.．]1(?!\d)"


@rule(stage="lines", example="['1总则', '1.1编制目的', …] → ['1 总则', '1.1编制目的', …]; ['88墨点', '正文…'] → unchanged")
def glued_decimal_chapters(lines: list[str]) -> list[str]:
    """A decimal plan's chapter number glued to its bare heading ("1总则", "2组织体系", b691 003) when the next
    line opens its first section (1.1, 2.1): the chapter heading with a space, as "1 总则" is read (numsp). A
    short line with a number before it and no section after ("88墨点", a page's chrome) is left alone. (A Chinese
    numeral glued to its heading, "一统一思想", is glued_chapter_numbers's.)"""
    out = list(lines)
    for i, line in enumerate(out[:-1]):
        m = GLUED_DECIMAL_CHAPTER.match(line or "")
        if m and re.match(DECIMAL_FIRST.format(n=m.group("n")), out[i + 1] or ""):
            out[i] = f"{m.group('n')} {m.group('head')}"
    return out


def lines(ctx: ParseContext) -> None:
    ctx.lines = split_lines(ctx.text, ctx)


CONTINUED_MARK = re.compile(r"^[\[【(（]\s*(?:接上页|续上页|接上頁|續上頁|续前页|續前頁)\s*[\]】)）]\s*")


STRAY_LEAD_MARK = re.compile(rf"^[.．,，、。;；:：]+\s*(?=第{P.CN_NUMBER}[章节條条節])")


@rule(stage="lines", example="'.第二章 经营性停车场的建设' → '第二章 经营性停车场的建设'; '。第五条 …' → '第五条 …'; '.5 亿元' → unchanged")
def stray_mark_before_number(line: str) -> str:
    """A chapter or article number that a scrambled copy opened with a stray mark (".第二章 …", b463 011):
    the number opens the line again."""
    return STRAY_LEAD_MARK.sub("", line)


HOST_LABEL = re.compile(rf"^\s*(?:{P.alternation(L.HOST_LABELS)})\s*[:：]")
ASSIST_LABEL = re.compile(rf"^\s*(?:{P.alternation(L.SUPPORT_LABELS)})\s*[:：]")


@rule(stage="lines", example="'主办单位:省海洋渔业局' over '协办单位:沿海三市政府' → True; '主办单位:达州市人民政府办公室' over "
                             "'网站标识码:…' → False")
def task_host_line(line: str, following: str, ctx: ParseContext) -> bool:
    """A task's lead unit labelled 主办单位 (b447 009: "主办单位:省海洋渔业局" / "协办单位:沿海三市政府"), which a
    site's footer also writes ("主办单位:…人民政府办公室" beside 网站标识码): a task's when the next line
    names those who assist it."""
    return bool(HOST_LABEL.match(ctx.fold_same(line))) and bool(ASSIST_LABEL.match(ctx.fold_same(following.strip())))


@rule(stage="lines", example="'[接上页] (二)预期性发展指标' → '(二)预期性发展指标'; '【接上页】' → ''")
def continued_mark_off(line: str) -> str:
    """A page's "continued from the last page" mark before its first line ([接上页], 【续上页】): page
    furniture, the line's numbering comes after it (b281 013)."""
    return CONTINUED_MARK.sub("", line)


# a news agency's dateline opening a report that carries a document: "新华社北京11月24日电", "中評社香港12月9日電/"
NEWS_DATELINE = re.compile(rf"^[{P.HAN}]{{1,6}}?[社网網报報][{P.HAN}]{{0,6}}?\s*[\d{P.CN_DIGITS}]{{1,2}}月[\d{P.CN_DIGITS}]{{1,3}}日[电電]"
                           r"\s*[/／:：]?\s*")


@rule(stage="lines", example="'中評社香港12月9日電/中共中央辦公廳、國務院辦公廳印發了…' → '中共中央辦公廳、國務院辦公廳印發了…'; "
                             "'新华社北京11月24日电' → ''")
def news_dateline_off(line: str) -> str:
    """A news agency's dateline before a report that carries a document ("新华社北京11月24日电 近日,…"):
    page furniture; the place in it is the agency's, not the document's (b375 008)."""
    return NEWS_DATELINE.sub("", line) if ("日电" in line[:24] or "日電" in line[:24]) else line


@rule(stage="lines", example="'导读:关于进一步加强…若干措施 一、加强人员配备 各乡镇…' → True; '一、加强人员配备' → False")
def digest_line(row: str) -> bool:
    """A site's digest of the page on one line ("导读:…", "内容摘要:…"): it repeats the document's own
    opening (its items run together and cut), so it is page furniture, not text."""
    return bool(DIGEST.match(fold_same_length(row[:16])))


@rule(stage="lines", example="'— 23 —' → True; '第 3 页' → True; '2023' → True; '23个' → False")
def page_number(line: str) -> bool:
    """A page number on its own line ("— 23 —", "- 3 -", "第 3 页", "3/12", "·3·"): a page break."""
    return bool(PAGE_NUMBER.match(line))


@rule(stage="lines", example="'二、总体要求 ………… 3' → True; '目　录' → True")
def table_of_contents(line: str) -> bool:
    """A line of a table of contents (a heading, a leader, a page number) or its 目录 heading."""
    end = line[:-1] if line.endswith("\n") else line  # where TOC_LINE's $ may stand
    if not (end[-1:].isdigit() or line[:1] == "目"):  # neither a page number at its end nor 目录: no scan
        return False
    return bool(TOC_LINE.search(line))


@rule(stage="lines", example="'一、提高认识,明确任务,二、加强领导,责任到人,三、切实做好检查工作,' → True")
def headings_run(line: str) -> bool:
    """A table of contents flattened onto one line: nothing but three or more chapter headings
    numbered 一、二、三、… in order, each a short phrase without a full stop."""
    if line.count("、") < HEADING_RUN_MIN:  # each heading has its 、
        return False
    parts = [p for p in HEADING_RUN_SPLIT.split(line.strip()) if p]
    if len(parts) < HEADING_RUN_MIN or not all(HEADING_RUN_ITEM.match(p) for p in parts):
        return False
    return [parse_cn_number(HEADING_RUN_ITEM.match(p).group(1)) for p in parts] == list(range(1, len(parts) + 1))


@rule(stage="lines", example="'…“十四五”规划一、规划背景(一)发展现状(二)发展机遇二、总体要求(一)指导思想…三、重点任务…四' → True; "
                             "'一、加强领导。二、强化保障。三、严格考核。' → False")
def outline_line(line: str) -> bool:
    """A table of contents run onto one line with nothing between its headings (b182 007: a plan's
    site shows its outline above the text): 一、 二、 三、 in order and not one sentence or clause
    mark in 30 characters or more. A page on one line has its full stops and commas."""
    if len(line) < 30 or OUTLINE_STOPS.search(line):
        return False
    at = 0
    for n in "一二三":
        at = line.find(n + "、", at)
        if at < 0:
            return False
    return True


@rule(stage="lines", example="['…关于知识产权①工作的一系列决策部署…', '①知识产权:是基于创造成果…的统称'] → "
                             "['…关于知识产权①工作的一系列决策部署…']")
def footnotes(lines: list[str]) -> list[str]:
    """A plan's footnotes out (b182 007): a line opening with a circled number that an earlier line
    wrote between two words ("知识产权①工作") explains that word; it is no item. A circled number
    after a colon or a full stop ("措施:①加强…") numbers items, as ever."""
    if not any(c in line for line in lines for c in P.CIRCLED):
        return lines
    out, referred = [], set()
    for line in lines:
        if line[:1] in referred:
            continue
        out.append(line)
        referred.update(m.group(1) for m in FOOTNOTE_MARK.finditer(line))
    return out


@rule(stage="lines", example="'…規劃目 錄前言1一、“十一五”回顧1(一)產業規模持續擴大2…(六)實施知識產權戰略17前 言集成電路…' → "
                             "'…規劃\n前 言集成電路…'")
def without_run_on_toc(row: str) -> str:
    """A table of contents run onto one line with its page numbers (b181 004, a document-sharing
    preview: 目录 then heading, page, heading, page …): out, from 目录 to the last entry's page number;
    what follows it is the text. Six numbered entries after their pages at least; else the row as it is."""
    m = RUN_ON_TOC_HEAD.search(row)
    if not m:
        return row
    entries = list(PAGED_ENTRY.finditer(row, m.end()))
    if len(entries) < RUN_ON_TOC_MIN:
        return row
    last_page = TOC_LAST_PAGE.search(row, entries[-1].end())
    if not last_page:
        return row
    return row[:m.start()].rstrip() + "\n" + row[last_page.end():].lstrip()


@rule(stage="lines", example="'首页 > 政务公开 > 政策文件' → True; '发布日期：2022-11-15 字号：大 中 小' → False")
def chrome_line(line: str, ctx: ParseContext) -> bool:
    """A short line of the portal frame (breadcrumbs, page tools, site footer, a sidebar's dated link
    with its headline cut: "- 广西壮族自治区玉林市宏进农副产...2020-07-15"), or a document-sharing site's
    terms however long ("2、本站所有内容均由合作方或网友上传…"); a metadata line that also carries page
    tools is kept."""
    if len(line) > 80:
        return len(line) <= DOC_SHARE_LINE_MAX and any(w in ctx.fold_same(line) for w in L.DOC_SHARE_TERMS)
    f = ctx.fold_same(line)
    if BREADCRUMB.match(f) or LINK_ENTRY.match(f.strip()) and match_numbering(f.strip()) is None:
        return True
    if any(w in f for w in L.DOC_SHARE_TERMS):  # "3、本站不支持迅雷下载…", short as well
        return True
    if NOTICE_TITLE_LINE.match(f.strip()):
        return False  # "…关于2022年第四季度政府网站和…检查情况的通报" (b556 004): a title that names the frame's words
    return bool(CHROME.search(f)) and not DATED_META.search(f)


@rule(stage="lines", example="['国务院关于…的意见 国发〔2021〕5号 各省人民政府： 为…，现提出如下意见。 一、…'] → "
                             "['国务院关于…的意见', '国发〔2021〕5号', '各省人民政府：', '为…，现提出如下意见。', '一、…']")
def flat_header(rows: list[str]) -> list[str]:
    """A page flattened to one long line whose lines were joined with spaces: split again where a space
    ends a sentence (after 。：！？) or ends a short piece without a clause mark (a title, a 文号, a date,
    an issuer: "…实施办法 甘肃省人民政府 2021年12月2日"). A sentence a PDF wrapped with spaces stays whole
    (its pieces hold commas); so do "XX 市", "〔2016〕 66 号" and "中共中央 国务院关于…"."""
    first = next((i for i, r in enumerate(rows[:FLAT_HEAD_ROWS]) if r.strip()), None)
    if first is None or len(rows[first]) < FLAT_HEAD_LINE:
        return rows
    row = rows[first].strip()
    out: list[str] = []
    start = 0
    for gap in WHITESPACE_RUN.finditer(row):
        left, after = row[start:gap.start()], row[gap.end():]
        if not after or ARTICLE_OR_CHAPTER.search(left):
            break
        ends = SENTENCE_END.search(left[-1:]) is not None
        short = len(left) <= FLAT_PIECE_MAX and not CLAUSE_MARK.search(left)
        if match_numbering(after[:FLAT_ITEM_PEEK]) is not None:  # the items begin: inline_items splits them
            break
        if len(left) < FLAT_PIECE_MIN or (JOINED_NAMES.match(left) and TITLE_AFTER_NAMES.match(after)) \
                or (NUMBER_SIDE.match(row[gap.start() - 1]) and NUMBER_SIDE.match(after[:1])) or not (ends or short):
            continue  # "XX 市", "中共中央 国务院关于…", "〔2016〕 66 号", a wrapped sentence: one piece
        out.append(left)
        start = gap.end()
    if len(out) < 2:
        return rows
    return rows[:first] + out + [row[start:]] + rows[first + 1:]


# a flattened page's title, its 文号 and its addressees with nothing between them (glued_title_number)
# (the addressees after it: "各…" or a name list ending in a colon; never a number cited: "根据…意见国发〔2009〕36号精神")
TITLE_NUMBER_GLUED = re.compile(rf"^((?!{P.alternation(L.CITING_WORDS)})[^，,。；;：:\s]{{6,120}}?(?:{P.alternation(L.TITLE_END_NOUNS)}))"
                                rf"({P.DOC_NUMBER.pattern})\s*(?=各|[^。，,；;]{{2,60}}?[,，、][^。]{{0,200}}?[:：])")
GLUED_HEAD_ROWS = 3


@rule(stage="lines", example="['福建省财政厅关于…的实施意见闽财购〔2012〕34号省直各单位,…'] → "
                             "['福建省财政厅关于…的实施意见', '闽财购〔2012〕34号', '省直各单位,…']")
def glued_title_number(rows: list[str]) -> list[str]:
    """A page flattened without spaces whose first line runs its title, its 文号 and its addressees together
    (b391 001): split before and after the 文号 when the title before it ends as titles end and holds no
    space (a line with spaces is flat_header's)."""
    for i, row in enumerate(rows[:GLUED_HEAD_ROWS]):
        m = TITLE_NUMBER_GLUED.match(row.strip())
        if m:
            return rows[:i] + [m.group(1), m.group(2), row.strip()[m.end():]] + rows[i + 1:]
    return forwarded_glued_title_number(rows)


# the same further into a flattened page's first line: a covering note first, then the notice it forwards, signed
# and dated ("…联系人:王钟慧院科研办2017年4月5日福建省知识产权局关于…的通知闽知法〔2017〕15号各有关单位:根据…", b98 005)
INNER_TITLE_NUMBER = re.compile(r"(?<=[。:：\s日])" + TITLE_NUMBER_GLUED.pattern[1:])
SIGNED_DATE_END = re.compile(rf"^.*{P.DATE_TEXT}")
INNER_TITLE_WITHIN = 600


@rule(stage="lines", example="['各位老师:现将…转发给大家,…院科研办2017年4月5日福建省知识产权局关于…的通知闽知法〔2017〕15号各有关单位:根据…'] → "
                             "['各位老师:现将…2017年4月5日', '福建省知识产权局关于…的通知', '闽知法〔2017〕15号', '各有关单位:根据…']")
def forwarded_glued_title_number(rows: list[str]) -> list[str]:
    """A page flattened without breaks whose first line opens with a covering note and then runs the notice
    it forwards (title, 文号, addressees) together, as glued_title_number reads it at a line's start: split
    there, the note's signature and date staying with the note."""
    first = next((i for i, r in enumerate(rows[:FLAT_HEAD_ROWS]) if r.strip()), None)
    if first is None or len(rows[first].strip()) < GLUED_TITLE_LINE:
        return rows
    row = rows[first].strip()
    m = INNER_TITLE_NUMBER.search(row[:INNER_TITLE_WITHIN])
    if not m:
        return rows
    a = m.start(1)
    dated = SIGNED_DATE_END.match(m.group(1))
    if dated:
        a += dated.end()  # "王钟慧院科研办2017年4月5日福建省…": the note's signature and date stay above
    if a >= m.end(1) - 6:
        return rows
    return rows[:first] + [row[:a], row[a:m.end(1)], m.group(2), row[m.end():]] + rows[first + 1:]


# a flattened page's title with the text or the page's metadata right after it (glued_title): a run with no
# sentence mark, breadcrumb mark or bracket that ends as titles end, then what opens a text
GLUED_TITLE = re.compile(rf"(?P<title>(?![号號日年月]|{P.alternation(L.SENTENCE_OPENERS + L.CITING_WORDS)})"
                         rf"[^，,。；;：:！!？?\s>＞|｜【】\[\]\"]{{6,150}}?(?:{P.alternation(L.TITLE_END_NOUNS + L.GLUED_TITLE_ENDS)})"
                         rf"(?:{P.PAREN_OPEN}[^()（）]{{1,12}}{P.PAREN_CLOSE})?)"
                         rf"(?={P.alternation(L.GLUED_TITLE_FOLLOWERS)}|{P.YEAR}\s*(?:年|[-/.]\d)|(?:{P.alternation(L.BARE_DATE_LABELS)})\s+[:：]|{P.DOC_NUMBER.pattern}|"
                         # … or a title that opens the page with a qualifier, whatever follows ("…若干措施(征求意见稿)制造业是…")
                         rf"(?<={P.PAREN_CLOSE})(?![的》])(?P<qualified>))")
GLUED_SECTION = re.compile(rf"^(?:{P.alternation(L.GLUED_SECTION_WORDS)})(?=.{{6}})")
GLUED_SECTION_ANY = re.compile(P.alternation(L.GLUED_SECTION_WORDS))
GLUED_TITLE_LINE = 150  # a first line this long holds a flattened page
GLUED_CLAUSE_GAP = 20  # no comma this near before the title (a greeting in the chrome further up is fine)
SENTENCE_END_MARK = re.compile(r"[。；;！!？?]")
GLUED_PLACEHOLDER = re.compile(rf"(?<![^\s>＞|｜:：])[{L.PLACEHOLDER_CHARS}]{{2,4}}\s?$")
GLUED_TITLE_WITHIN = 400  # … and its title ends this near its start


@rule(stage="lines", example="['当前位置:首页>政务>政策文件>工作要点国家知识产权局2013年工作要点2013年是全面…'] → "
                             "['当前位置:首页>政务>政策文件>工作要点', '国家知识产权局2013年工作要点', '2013年是全面…']")
def glued_title(rows: list[str]) -> list[str]:
    """A page flattened without breaks or spaces whose first line runs the site's chrome, the title and the
    text together: the title goes on a line of its own when it ends as titles end (lexicon.TITLE_END_NOUNS,
    "…办法(试行)") within the line's first characters and the text, its addressees, its 文号, a date or
    the page's metadata follows at once (lexicon.GLUED_TITLE_FOLLOWERS). A page that keeps its breaks, or
    one whose first line is short, is left alone."""
    first = next((i for i, r in enumerate(rows[:FLAT_HEAD_ROWS]) if r.strip()), None)
    if first is None or len(rows[first].strip()) < GLUED_TITLE_LINE:
        return rows
    row = rows[first].strip()
    folded = fold_same_length(row[:GLUED_TITLE_WITHIN + 60])
    m = next((m for m in GLUED_TITLE.finditer(folded) if m.group("qualified") is None or m.start("title") == 0), None)
    # a title heads the page: no sentence has ended before it, no clause runs into it ("…补贴,经测算…补贴标准为…")
    if m and (SENTENCE_END_MARK.search(folded[:m.start("title")]) or CLAUSE_MARK.search(folded[max(0, m.start("title") - GLUED_CLAUSE_GAP):m.start("title")])):
        return rows
    if not m or m.end("title") > GLUED_TITLE_WITHIN:
        return rows
    a, b = m.start("title"), m.end("title")
    placeholder = GLUED_PLACEHOLDER.search(folded[:a])
    if placeholder:
        a = placeholder.start()  # "XX 县县直机关差旅费管理办法": a template's placeholder place, spaced
    section = GLUED_SECTION.match(folded[a:b])
    if section:
        a += section.end()  # "通知公告关于…的公示": the site's section goes with its chrome
    act = folded.find("关于", a, b)
    if act > a:  # "首页政策法规…正文国家知识产权局关于…": the issuer's name starts after the page's last chrome word
        a = max([a] + [m.end() for m in GLUED_SECTION_ANY.finditer(folded, a, act)])
    pieces = [p for p in (row[:a], row[a:b], row[b:]) if p.strip()]
    return rows[:first] + pieces + rows[first + 1:]


# a flattened page's metadata run on in its first lines (glued_meta): a label of a date, a 文号, an issuer or a source
# with its colon, the value after it; a date or time value, a 文号 value ends there
_GLUED_META_KEYS = ("published", "signed", "uploaded", "doc_number", "issuer", "source", "index")
GLUED_META_LABEL = re.compile(
    rf"(?P<label>{P.alternation(sorted({k for k, v in L.META_LABELS.items() if v in _GLUED_META_KEYS and len(k) >= 3} | set(L.PAGE_META_LABELS), key=len, reverse=True))}"
    rf"|{P.alternation(L.BARE_DATE_LABELS)})\s*[:：]\s*")
GLUED_META_SHORT = 4  # a shorter label (来源, 时间) only after a space, a mark or a figure: "資金來源:" is the text's
GLUED_META_AFTER = re.compile(r"[\s|｜丨:：>＞】\]\d]$")
GLUED_META_DATE = re.compile(rf"{P.DATE_YMD.pattern}\s*日?(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?")  # … with its time
GLUED_META_WITHIN = 400
# a 文号 opening a piece, its addressees right after it ("杭市管〔2023〕13号各区、县(市)市场监管局…")
NUMBER_THEN_ADDRESSEES = re.compile(rf"^\s*({P.DOC_NUMBER.pattern})(?=各|[^。，,；;]{{2,60}}?[,，、][^。]{{0,200}}?[:：])")


SPACED_PIECES_MIN = 6  # flat_header finds this many pieces at least in a page joined with spaces


def flat_or_glued_head(rows: list[str]) -> list[str]:
    """A flattened page's head: split at its spaces when its lines were joined with spaces (flat_header), else
    read without them (flattened_head)."""
    spaced = flat_header(rows)
    if len(spaced) - len(rows) >= SPACED_PIECES_MIN - 1:
        return spaced  # its lines were joined with spaces: they mark its pieces
    glued = flattened_head(rows)
    return spaced if glued is rows else flat_header(glued)  # (most pages: not flattened, flat_header once)


def flattened_head(rows: list[str]) -> list[str]:
    """A page flattened without breaks (its first line this long: GLUED_TITLE_LINE): that line's title
    (glued_title) and metadata (glued_meta) on lines of their own; any other page as it is."""
    first = next((i for i, r in enumerate(rows[:FLAT_HEAD_ROWS]) if r.strip()), None)
    if first is None or len(rows[first].strip()) < GLUED_TITLE_LINE:
        return rows
    return rows[:first] + signed_then_title(glued_meta(glued_title([rows[first]]))) + rows[first + 1:]


# a covering notice's signature and date, then the title of the document it issues, then that document's text,
# all run on after the notice's last sentence (signed_then_title)
SIGNED_THEN_TITLE = re.compile(
    rf"(?<=[。！!])\s*(?P<sig>[^，,。；;：:、\s]{{2,40}}?)\s*(?P<date>{P.DATE_TEXT})\s*"
    rf"(?P<title>[^，,。；;：:！!？?\s]{{6,100}}?(?:{P.alternation(L.TITLE_END_NOUNS)})(?:{P.PAREN_OPEN}[^()（）]{{1,12}}{P.PAREN_CLOSE})?)"
    rf"(?=\s*(?:{P.alternation(L.SIGNED_TITLE_FOLLOWERS)}))")
SIGNED_THEN_TITLE_WITHIN = 1500


@rule(stage="lines", example="['…请结合实际,认真贯彻落实。宣城市人民政府2013年12月18日宣城市专利申请费用资助办法第一条 为鼓励…'] → "
                             "['…请结合实际,认真贯彻落实。', '宣城市人民政府', '2013年12月18日', '宣城市专利申请费用资助办法', '第一条 为鼓励…']")
def signed_then_title(rows: list[str]) -> list[str]:
    """A flattened page whose covering notice ends, is signed and dated, and runs on into the title and the
    first article, chapter or item of the document it issues: the signature, the title and the text each on
    a line of their own, as the page printed them (the first such place in the pieces of its first line)."""
    for i, row in enumerate(rows):
        m = SIGNED_THEN_TITLE.search(fold_same_length(row[:SIGNED_THEN_TITLE_WITHIN]))
        if m:
            return rows[:i] + [p for p in (row[:m.start("sig")], row[m.start("sig"):m.end("sig")], row[m.start("date"):m.end("date")],
                                           row[m.start("title"):m.end("title")], row[m.end("title"):]) if p.strip()] + rows[i + 1:]
    return rows


@rule(stage="lines", example="['杭州市…的通知', '发布时间:2023-03-03 11:54:25杭市管〔2023〕13号各区、县(市)市场监管局:现将…'] → "
                             "['杭州市…的通知', '发布时间:2023-03-03 11:54:25', '杭市管〔2023〕13号', '各区、县(市)市场监管局:现将…']")
def glued_meta(rows: list[str]) -> list[str]:
    """The metadata of a page flattened without breaks, run on in one of its first long lines: a line of its
    own for each label (发布时间, 来源, 文号 …: lexicon.META_LABELS of dates, numbers, issuers and sources; a bare
    时间/日期 only before a date), the date or 文号 after it ending there, and a 文号 that opens the text
    before its addressees. The header then reads them as it reads a portal's metadata table. (Only the pieces
    of a flattened page's first line come here: flattened_head.)"""
    out: list[str] = []
    offset = 0
    for row in rows:
        folded = fold_same_length(row)
        cuts: set[int] = set()
        for m in GLUED_META_LABEL.finditer(folded[:max(0, GLUED_META_WITHIN - offset)]):
            date = GLUED_META_DATE.match(folded, m.end())
            if m.group("label") in L.BARE_DATE_LABELS and not date:
                continue
            if len(m.group("label")) < GLUED_META_SHORT and m.start() and not GLUED_META_AFTER.search(folded[:m.start()]):
                continue
            cuts.add(m.start())
            number = P.DOC_NUMBER.match(folded, m.end()) if L.META_LABELS.get(m.group("label")) == "doc_number" else None
            if date or number:
                cuts.add((date or number).end())
        bare = GLUED_META_DATE.match(folded)  # "2021-07-05 15:24浏览次数:…": the page's date right after its title
        if bare and offset:
            cuts.add(bare.end())
        offset += len(row)
        pieces = [row[a:b] for a, b in zip([0] + sorted(cuts), sorted(cuts) + [len(row)]) if row[a:b].strip()]
        for piece in pieces:
            num = NUMBER_THEN_ADDRESSEES.match(fold_same_length(piece))
            out.extend([piece[:num.end(1)], piece[num.end(1):]] if num else [piece])
    return out


# "…通知如下:一、…", "…意见如下:(一)…": a line that announces its items and runs into the first one
# "27.建设知识产权人才队伍。(1)加快知识产权人才培养。…" (b531 007): a numbered heading sentence closed by a stop and its
# first (1) item, itself opening with a heading sentence, run on after it (inline_items; "3.发放“标注券”。(1)促进工业企业
# 生产经营数据开发利用,以…" stays whole, b203 007)
# … and each next item run on after the unit sentence that closes the one before ("由省教育厅…负责落实。(2)建设…")
HEADED_SUBITEM = re.compile(rf"^\s*(?:(?:\d{{1,2}}[.．、]|{P.CN_SMALL}、)\s*[^。！!？?，,；;]{{2,24}}[。！!]\s*([(（]\s*1\s*[)）])|"
                            rf"由[^。！!？?]{{2,80}}负责(?:落实|实施|推进)?[。；;]\s*([(（]\s*\d{{1,2}}\s*[)）]))\s*[{P.HAN}][^。！!？?，,；;]{{1,23}}[。！!]")
ANNOUNCED_FIRST_ITEM = re.compile(r"如下\s*[:：]\s*(?=一、|[(（]一[)）]|1[.、．](?!\d)|第一[条條])")


@rule(stage="lines", example="'…制定本方案。一、总体要求…。二、重点任务…' (150+ chars) → three lines; "
                             "'…(責任單位:各區政府)(三)支持…' → cut before (三)")
def inline_items(line: str) -> list[str]:
    """A long line scraped without breaks, split before each numbered item that follows a full stop
    or an item's closing unit note (a long task list's 206. too: INLINE_NUMBER), and any line after "…如下:" that runs into its first item ("…〔责任单位：市司法局〕2.", "…(责任单位:市人社局)六、");
    Traditional text is read folded, character for character ("(責任單位:各區政府)(三)")."""
    folded = fold_same_length(line)  # Traditional unit notes too ("(責任單位:各區政府)(三)…"); offsets kept
    announced = ANNOUNCED_FIRST_ITEM.search(folded)  # "…现就有关事项通知如下:一、延续实施…": the first item, announced
    headed = HEADED_SUBITEM.search(folded)  # "27.建设知识产权人才队伍。(1)加快…": a heading sentence, then its first item
    cut = (headed.start(1) if headed.group(1) else headed.start(2)) if headed else None
    if len(line) < 150:
        run = semicolon_item_run(folded) or sentence_item_run(folded)
        if run and not announced:
            bounds = [0] + run + [len(line)]
            return [line[a:b] for a, b in zip(bounds, bounds[1:])]
        if cut is not None and not announced:
            return [line[:cut], line[cut:]]
        return [line[:announced.end()], line[announced.end():]] if announced else [line]
    cuts = sorted({m.start() for m in INLINE_ITEM.finditer(folded)} | {m.end() for m in UNIT_NOTE_END.finditer(folded)}
                  | set(article_chain(folded)) | set(clause_item_chain(folded)) | set(decimal_chain(folded))
                  | ({announced.end()} if announced else set()))
    if len(cuts) < 2 and not announced:
        return [line[:cut], line[cut:]] if cut is not None else [line]
    bounds = [0] + [c for c in cuts if c > 0] + [len(line)]
    return [line[a:b] for a, b in zip(bounds, bounds[1:]) if line[a:b].strip()]


# a short line that is a list run together with semicolons: "1、请求人是专利权人;2、有明确的被请求人;3、…" (b799 003)
SEMICOLON_RUN_FIRST = re.compile(rf"^\s*(?:[{P.HAN}]{{2,8}}[ \u3000:：]+)?(?P<one>1)\s*[、.．](?!\d)")
SEMICOLON_RUN_NEXT = re.compile(r"(?<=[；;])\s*(\d{1,2})\s*[、.．](?!\d)")
SEMICOLON_RUN_MIN = 3  # items in all, the line's own first one included


@rule(stage="lines", example="'1、请求人是专利权人;2、有明确的被请求人;3、有明确的请求事项' → cuts before 2、 and 3、; "
                             "'实施程序 1、举报;2、受理;3、调查' → cuts before 1、 2、 3、; '1、加强执法;3、完善机制' → []")
def semicolon_item_run(line: str) -> list[int]:
    """Where the items of a short list written on one line begin: the line opens with item 1 (or with a
    short label before it, "实施程序 1、…", b824 005: the label stays a line of its own) and every later
    item follows a semicolon, numbered 2, 3, … in turn (three items at least). A lone "；2." or a count
    that skips is no list."""
    first = SEMICOLON_RUN_FIRST.match(line)
    if not first or "|" in line:
        return []  # … nor the cells of a table row ("1|…;2|…", b561 012)
    cuts = [first.start("one")] if first.start("one") > 0 else []
    labelled = len(cuts)
    for m in SEMICOLON_RUN_NEXT.finditer(line):
        if int(m.group(1)) != len(cuts) - labelled + 2:
            return []
        cuts.append(m.start(1))
    return cuts if len(cuts) - labelled + 1 >= SEMICOLON_RUN_MIN else []


# a short line holding two or more items, each after a full stop: "…边坡角。 二、用作…。 三、用作…" (b934 006)
SENTENCE_ITEM = re.compile(rf"(?<=[。！!？?])\s*(?P<n>{P.CN_SMALL})、\s*(?=[{P.HAN}“《])")
SENTENCE_ITEM_MIN = 2


@rule(stage="lines", example="'…边坡角。 二、用作普通建筑材料的…范围。 三、用作普通…' → cuts before 二、 and 三、; "
                             "'…边坡角。二、用作…' → [] (one item only); '…完成。二、加强…。四、完善…' → [] (skips)")
def sentence_item_run(line: str) -> list[int]:
    """Where the items of a short line begin when two or more of them, numbered 二、 三、 … in turn, each
    follow a full stop (a wrapped line of a PDF copy that ran on into the next items of a list opened on
    an earlier line, b934 006). A lone "。二、", numbers that skip or a list that opens on the line ("。一、")
    are left to the line."""
    found = list(SENTENCE_ITEM.finditer(line))
    values = [parse_cn_number(m.group("n")) for m in found]
    if len(found) < SENTENCE_ITEM_MIN or None in values or values[0] < 2 or \
            any(b != a + 1 for a, b in zip(values, values[1:])):
        return []  # (a short line that opens a list itself, "短行。一、甲。二、乙。", stays whole)
    return [m.start() for m in found]


# sections of a standard-like rule run onto one line (decimal_chain): "2 适用范围 …", "3.1 集团:…", "4.1集团各部门…"
DECIMAL_TOP = re.compile(rf"(?<=[\s。；;])(?P<a>\d{{1,2}}) (?=[{P.HAN}]{{2,10}} )")
DECIMAL_SUB = re.compile(rf"(?<=[\s。；;：:])(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}})(?![\d.])(?= ?[{P.HAN}])")
# … and on a page joined without any break, glued to the heading before it: "3.内容3.1总则3.1.1专利工作的目的:…"
# (not before a unit: "增长3.1亿元" is an amount)
DECIMAL_GLUED = re.compile(rf"(?<=[{P.HAN}：:。；;\s])(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}})(?:\.(?P<c>\d{{1,2}}))?(?![\d.])"
                           rf"(?=[{P.HAN}])(?![{P.DECIMAL_UNIT_CHARS}])")
DECIMAL_CHAIN_MIN = 4


def next_section(before: tuple[int, ...], number: tuple[int, ...]) -> bool:
    """Whether a section number continues the count after another: the next sibling (3.2 after 3.1), a first
    child (3.1.1 after 3.1) or the next of an ancestor, itself or its first child (3.3, 4, 4.1 after 3.2.6)."""
    if number == before + (1,):
        return True
    for k in range(len(before), 0, -1):
        up = before[:k - 1] + (before[k - 1] + 1,)
        if number in (up, up + (1,)):
            return True
    return False


@rule(stage="lines", example="'…特制订本办法。 2 适用范围 本制度适用于… 3 术语和定义 3.1 集团:指… 3.2 子公司:指… 4 机构与职责 4.1集团…' "
                             "→ cuts before 2, 3, 3.1, 3.2, 4 and 4.1; '…3.内容3.1总则3.1.1专利工作的目的:…3.1.2…3.2工作机构…' → "
                             "cuts before 3.1, 3.1.1, 3.1.2, 3.2")
def decimal_chain(line: str) -> list[int]:
    """Where the sections of a rule numbered like a standard (1 目的, 3.1, 3.2, 3.2.1, 4 …) begin on a page run
    onto one line (b179 010, a document-sharing copy; b179 002 joined without breaks, each number glued to the
    heading before it): only numbers that continue the count (3.2 after 3.1, 3.2.1 after 3.2, 4 or 4.1 after
    3.x), four at least with a sub-section among them; a figure such as "2.5万元" is not followed by a heading
    and never continues the count."""
    found = {m.start(): (int(m.group("a")),) for m in DECIMAL_TOP.finditer(line)}
    found.update({m.start(): (int(m.group("a")), int(m.group("b"))) for m in DECIMAL_SUB.finditer(line)})
    found.update({m.start(): tuple(int(g) for g in m.group("a", "b", "c") if g) for m in DECIMAL_GLUED.finditer(line)})
    cuts: list[int] = []
    last: tuple[int, ...] | None = None
    subs = 0
    for pos, number in sorted(found.items()):
        if last is None and all(n == 1 for n in number[1:]) or last is not None and next_section(last, number):
            cuts.append(pos)
            last = number
            subs += len(number) > 1
    if len(cuts) < DECIMAL_CHAIN_MIN or not subs:
        return []
    pieces = [line[a:b] for a, b in zip(cuts, cuts[1:])]
    return cuts if any(P.SENTENCE_MARK.search(piece) for piece in pieces) else []  # headings only: a run-on 目录


# items run together after a clause mark on a one-line page: "…,第四条…,第二章组织管理第七条…", "…,二、申报主体…",
# "…条件1.申报主体…,3.获贷企业…" (a number after a Chinese character only for 1. 2. …); an article's own
# (一)(二) stay in its line
CLAUSE_ITEM = re.compile(
    # (an OCR'd page's "." for 。 too: "…现制定如下六条意见.一、支持…,二、…", b523 008)
    rf"(?:(?<=[，,；;。：:.．])\s*(?:(?P<ch>第{P.CN_NUMBER}[章编篇][^。，,；;第]{{0,16}}?)?第(?P<art>{P.CN_NUMBER})[条條](?![第的规規之所中款项項])"
    rf"|(?P<cn>{P.CN_SMALL})(?:、|[.．](?=\s*[{P.HAN}])))"  # "…受理日。三.協調司…" (b1081 005 joined) too
    rf"|(?:(?<=[，,；;。：:])\s*|(?<=[{P.HAN}）)]))(?P<num>\d{{1,2}}) ?[.．、](?![\d.])"  # "…(模版附后)2.电子件" too
    # "…年度发展支持(二)鼓励关键技术攻关,…(三)支持…": a digest's (二)(三) glued on (three at least)
    # (also after a semicolon or full stop and one space: "…专利号标注方式; (二)认真查处…", b1161 001)
    rf"|(?:(?<=[{P.HAN}，,；;。：:])|(?<=[；;。] ))[(（](?P<pcn>{P.CN_SMALL})[)）]"
    # "备案条件:(1)注册…;(2)主要…;(3)…": a label's list of (1)(2) after its colon and semicolons (three at least)
    rf"|(?<=[；;：:。])[(（](?P<pnum>\d{{1,2}})[)）])(?=\s*[{P.HAN}“《【])")
DATED_BRACKET_BEFORE = re.compile(rf"[(（][^()（）]*{P.YEAR}\s*年[^()（）]*[)）]\s*$")  # "(1990年6月20日水利部令第1号)"
LINE_OPENING_CN = re.compile(rf"^\s*({P.CN_SMALL})、(?=\s*[{P.HAN}“《])")
CLAUSE_CHAIN_GAP = {"art": 6, "cn": 2, "num": 2, "pcn": 1, "pnum": 1}   # how far the next number may jump (a fragment page skips some)
CLAUSE_CHAIN_MIN = {"art": 3, "cn": 2, "num": 2, "pcn": 3, "pnum": 3}
# the label a chain of (1)(2)(3) opens under, after the sentence before it: "…预审服务。备案条件:(1)…" (clause_item_chain),
# or a sentence that announces it ("…。当事人提交的申请文件应当包括以下文件:(1)…", b823 002)
CHAIN_LABEL = re.compile(rf"(?:^|(?<=[。；;]))\s*[{P.HAN}]{{2,10}}[:：]\s*$")
FLATTENED_LINE_MIN = 600  # a line this long is a page (or most of one) joined without breaks, no paragraph
CHAIN_ANNOUNCED = re.compile(r"(?<=[。；;])\s*[^。；;：:]{2,60}(?:下列|以下|如下)[^。；;：:，,]{0,8}[:：]\s*$")
COLON_LABEL_MAX = 10
SKIPPING_DIGEST_MIN = 4  # skipping_digest: this many articles at least
ARTICLE_DIGEST_GAP = 15  # skipping_digest: an article this long at least
ARTICLE_DIGEST_MIN = 40   # two_article_digest: each article this long at least  # "申报条件:", "政策咨询单位:" (colon_list_after_sentence)


@rule(stage="lines", example="'…开展业务,3.获贷企业…,三、支持政策…,四、申报材料要求1.项目申报书…,2.为企业…' → cuts before 三、四、1.2.")
def clause_item_chain(line: str) -> list[int]:
    """Where items of a one-line page begin when a site joined them with commas: numbers of one kind
    (第N条, 一、 or 一. before a character, 1.) after a clause mark (1. also right after a heading's last character or a short label's
    colon, "申报条件:1."; 一、 also opening the line), rising
    by small steps (a fragment page skips some), at least two of them (three articles). A lone "，2." or
    a cited "依照第五条" is no item."""
    found: dict[str, list[tuple[int, int]]] = {}
    opening = LINE_OPENING_CN.match(line)  # "二、扶持标准(一)…,三、申报材料…": the line's own chapter number opens the chain
    if opening:
        found["cn"] = [(opening.start(1), parse_cn_number(opening.group(1)))]
    for m in CLAUSE_ITEM.finditer(line):
        kind = next(k for k in ("art", "cn", "num", "pcn", "pnum") if m.group(k))
        if kind == "art" and ARTICLE_CITED_BEFORE.search(line[max(0, m.start() - 3):m.start()]):
            continue
        if kind == "num" and colon_list_after_sentence(line[:m.start()]):
            continue
        if kind == "num" and DATED_BRACKET_BEFORE.search(line[max(0, m.start() - 60):m.start("num")]):
            continue  # "…管理办法(1990年6月20日水利部令第1号)2.黄河…": a catalogue of rules, no items (b907 008)
        n = parse_cn_number(m.group(kind))
        start = m.start("ch") if kind == "art" and m.group("ch") else m.start(kind) - (kind in ("art", "pcn", "pnum"))
        if n is not None:
            found.setdefault(kind, []).append((start, n))
    cn = found.get("cn", [])
    if opening and (len(cn) < 2 or cn[1][1] != cn[0][1] + 1):
        found["cn"] = cn[1:]  # the opening number counts only when the next one follows it at once
    cuts: list[int] = []
    for kind, items in found.items():
        chain: list[tuple[int, int]] = []
        for pos, n in items:
            if chain and 0 < n - chain[-1][1] <= CLAUSE_CHAIN_GAP[kind]:
                chain.append((pos, n))
                continue
            if len(chain) >= CLAUSE_CHAIN_MIN[kind]:
                cuts += _chain_cuts(line, kind, chain)
            chain = [(pos, n)]
        if len(chain) >= CLAUSE_CHAIN_MIN[kind]:
            cuts += _chain_cuts(line, kind, chain)
    return sorted(set(cuts))


def _chain_cuts(line: str, kind: str, chain: list[tuple[int, int]]) -> list[int]:
    """The cuts of one chain; a (1)(2)(3) chain only under a label after a full stop ("…服务。备案条件:(1)…"),
    the label on a line of its own, or under a sentence that announces it on a flattened page's line that is
    no item itself ("…全部申请文件。当事人提交的申请文件应当包括以下文件:(1)…;(2)…", a page joined without breaks, b823 002)."""
    cuts = [p for p, _ in chain]
    if kind != "pnum":
        return cuts
    label = CHAIN_LABEL.search(line[:chain[0][0]]) or \
        (CHAIN_ANNOUNCED.search(line[:chain[0][0]]) if len(line) >= FLATTENED_LINE_MIN and not match_numbering(line) else None)
    if not label:
        return []  # "3.…:(1)…;(2)…;(3)…": an item's own list stays in it (also after a sentence that announces it)
    return cuts + [label.start() + len(label.group()) - len(label.group().lstrip())]


LABEL_BEFORE_COLON = re.compile(rf"(?:^|[，,；;。])[^，,；;。]{{0,{COLON_LABEL_MAX}}}[:：]\s*$")


@rule(stage="lines", example="'…申报条件:' → False (a label opens the list); '…请按照申报指南要求进行申报,项目实施主体明确:' → True")
def colon_list_after_sentence(before: str) -> bool:
    """A number right after a colon opens a list of items only when a short label stands before the colon
    ("申报条件:1.…;2.…"); after a sentence ("…项目实施主体明确:1.…申报指南;2.…") it lists what the sentence names,
    after 附件 the attachments."""
    if not before.rstrip().endswith((":", "：")):
        return False
    label = LABEL_BEFORE_COLON.search(before)
    return not label or label.group().lstrip("，,；;。").startswith("附件")  # "…,附件:1.…指南2.…": attachments


ARTICLE_OPENING = re.compile(rf"^\s*第({P.INLINE_N})[条條]")
# "…工作。第二章行政許可的設定第七條本省…": a chapter heading may stand between the stop and the article
ARTICLE_AFTER_STOP = re.compile(rf"(?:(?<=[。；;])|(?<=[{P.HAN}]\.))\s*(?:第{P.INLINE_N}[章节節][^。，,；;第]{{0,16}}?)?第({P.INLINE_N})[条條]"
                                rf"(?![第的规規之所中款项項])")
ARTICLE_GAP = 3  # a fragment page may skip a few articles (第四條 … 第七條)


@rule(stage="lines", example="['第五條 …負責。', '村民委員會應當協助…工作。第六條 縣級以上…'] → second row split before 第六條")
def next_article_in_line(rows: list[str]) -> list[str]:
    """An article run into the last paragraph of the one before it ("…做好保护工作。第六條 縣級…", also
    after a chapter heading: "…工作。第二章…的設定第七條…"): the row is split before 第N条 (or its
    chapter) when a full stop precedes it and the last article opening a row (or split off before) was
    one of the three before it (a fragment page skips some), or, on a page that starts mid-办法 with no article yet, when the next
    article is 第N+1条; a cited "第六条" (no article just before it) stays in the text."""
    # (row, opening?, match, number) of every article token in order: a page that starts mid-办法 has no
    # article before its first run-in one, which counts when the next one follows it
    tokens = []
    for r, row in enumerate(rows):
        if m := ARTICLE_OPENING.match(row):
            tokens.append((r, True, m, parse_cn_number(m.group(1))))
        tokens += [(r, False, m, parse_cn_number(m.group(1))) for m in ARTICLE_AFTER_STOP.finditer(row)]
    cuts: dict[int, list[int]] = {}
    last = None
    for k, (r, opening, m, n) in enumerate(tokens):
        if opening:
            last = n
            continue
        following = tokens[k + 1][3] if k + 1 < len(tokens) else None
        if n is not None and (last is not None and last < n <= last + ARTICLE_GAP
                              or last is None and following is not None and n < following <= n + ARTICLE_GAP) \
                and m.start() > max(cuts.get(r, [0])):
            cuts.setdefault(r, []).append(m.start())
            last = n
    return cut_rows(rows, cuts)


def cut_rows(rows: list[str], cuts: dict[int, list[int]]) -> list[str]:
    """The rows, each cut at its offsets (next_article_in_line, next_chapter_in_line)."""
    out: list[str] = []
    for r, row in enumerate(rows):
        bounds = [0] + cuts.get(r, []) + [len(row)]
        out += [row[a:b] for a, b in zip(bounds, bounds[1:])]
    return out


CHAPTER_OPENING = re.compile(rf"^\s*({P.CN_SMALL})、")
FIRST_CHAPTER_AFTER = "。：:！!"  # "…争取更大成绩。一、获…": the first chapter, run on after a notice's opening
# a chapter number inside a row, a heading after it ("…工作;六、申报材料", "(知识产权局)二、政策依据", "2022年7月20日五、
# 申报对象", "…尊重知识产权三、宣传重点"): not after a comma (a digest's "一、…,二、…"), not a cited "第三、", not a
# run of numbers ("一、二类"), not one of a parallel pair ("逢三、逢八": the same character before the number and after it)
CHAPTER_IN_ROW = re.compile(rf"(?<![第，,、{P.CN_DIGITS}])(?P<before>[^第，,、{P.CN_DIGITS}])(?P<n>{P.CN_SMALL})、"
                            rf"(?=[{P.HAN}“《])(?![{P.CN_DIGITS}])(?!(?P=before))")


@rule(stage="lines", example="['五、申报对象', '1、…;', '…收入占比不低于40%5、…;六、申报材料', '1、申请表;'] → "
                             "the third row cut before 六、")
def next_chapter_in_line(rows: list[str]) -> list[str]:
    """A chapter (一、二、…) run into the last item of the one before it on a page joined without breaks
    ("…并有专人负责专利工作;六、申报材料1、…", "四、申报时间2022年6月6日五、申报对象", b832 003): the row is cut
    before a chapter number that is the next one after the last chapter opening a row (or cut off before), or
    before the first one (一、) after a full stop or a colon where no chapter came yet ("…争取更大成绩。一、获…
    奖金:20万元二、获…", b650 001); a number that does not follow on ("…二、三类…", a cited "第四、") stays in the text."""
    cuts: dict[int, list[int]] = {}
    last = None
    for r, row in enumerate(rows):
        if m := CHAPTER_OPENING.match(row):
            last = parse_cn_number(m.group(1))
        for m in CHAPTER_IN_ROW.finditer(row):
            n = parse_cn_number(m.group("n"))
            if last is None and n == 1 and m.group("before") in FIRST_CHAPTER_AFTER or last is not None and n == last + 1:
                cuts.setdefault(r, []).append(m.start("n"))
                last = n
    return cut_rows(rows, cuts)


@rule(stage="lines", example="'第一章,总则第一条.为了…制定本办法,第二条。本办法所称…第三条.…' → cuts before 第一条, 第二条, 第三条")
def two_article_digest(line: str, chain: list[int]) -> bool:
    """Two articles are a chain too where a digest kept only 第一条 and 第二条 (b184 006): each after a
    clause mark, and long ones (ARTICLE_DIGEST_MIN characters or more each)."""
    if len(chain) != 2 or parse_cn_number(ARTICLE_TOKEN.match(line, chain[0]).group(1)) != 1:
        return False
    first, second = chain
    return all(p > 0 and line[p - 1] in "，,。；;" for p in chain) and second - first >= ARTICLE_DIGEST_MIN \
        and len(line) - second >= ARTICLE_DIGEST_MIN


@rule(stage="lines", example="'第二条本县…适用本办法,第四条县人民政府应…,第八条县民政部门会同…,第十一条公益性公墓…' → "
                             "the four articles' starts")
def skipping_digest(line: str, found: list[tuple[int, int, int]]) -> list[int]:
    """A digest that kept some articles of a 办法 and skipped the rest (b212 003: 第二条, 第四条, 第八条,
    第十一条 … run together after commas): SKIPPING_DIGEST_MIN or more articles, each opening the line
    or after a clause mark (a chapter heading may stand between: "…费用,第二章资金管理第五条…"), their
    numbers rising, each ARTICLE_DIGEST_GAP characters or more after the one before; three are enough
    when a chapter heading opens one of them (b224 004). ``found``: (start, end, number) of the line's
    article tokens not cited."""
    chain, last_n, last_pos, chaptered = [], 0, -ARTICLE_DIGEST_GAP, 0
    for pos, _end, n in found:
        chapter = CHAPTER_BEFORE.search(line, max(0, pos - 24), pos)
        at = chapter.start() if chapter else pos
        if (at == 0 or line[at - 1] in "，,。；;") and n > last_n and pos - last_pos >= ARTICLE_DIGEST_GAP:
            chain.append(pos)
            last_n, last_pos, chaptered = n, pos, chaptered + bool(chapter)
    return chain if len(chain) >= SKIPPING_DIGEST_MIN or len(chain) >= 3 and chaptered else []


@rule(stage="lines", example="chain 第十四条, 第十五条, 第十六条, then 第十八条 and 第十九条 (第十七条's number lost) → True")
def lost_article_number(chain: list[int], want: int, n: int, following: list[int]) -> bool:
    """One article whose number a copy lost ("…第。咛 amp。nbsp.排水单位应当…", b362 009): a chain of two
    articles at least goes on one number later when the article after that one follows it (第十八条 then
    第十九条); the lost article stays in the text of the one before."""
    return len(chain) >= 2 and n == want + 1 and following == [n + 1]


def article_chain(line: str) -> list[int]:
    """Where the articles of a whole 办法 run together on one line begin, whatever punctuation a site
    put before or after them ("…本办法,第二条。本办法所称…", "…等、第五条,国家…"): three or more
    articles numbered one after the other (第一条, 第二条, 第三条 …). A number cited in the text
    ("依照第五条", "第二条第九点规定") or a list of them ("第十条专利支持计划、第十一条…", no
    clause mark between them) is not an article's start; on a line without a single mark (a page whose
    punctuation was lost) an article of STOPLESS_ARTICLE_MIN characters or more stands for one. A chapter heading just before an
    article ("第二章,管理 第五条") is cut off with it."""
    found = []
    for m in ARTICLE_TOKEN.finditer(line):
        n = parse_cn_number(m.group(1))
        if n is not None and not ARTICLE_CITED_BEFORE.search(line[max(0, m.start() - 3):m.start()]):
            found.append((m.start(), m.end(), n))
    if len(found) < 2:
        return []
    chain: list[int] = []
    want, last_end = None, 0
    stopless = not ARTICLE_TEXT.search(line)  # a page that lost every mark (b245 010): a long text is the clause
    numbers = [n for _, _, n in found]
    for k, (pos, end, n) in enumerate(found):
        if chain and not (ARTICLE_TEXT.search(line, last_end, pos) or stopless and pos - last_end >= STOPLESS_ARTICLE_MIN):
            continue  # "第十条专利支持计划、第十一条…": a list of cited articles, no clause between them
        if want is None or n == want or lost_article_number(chain, want, n, numbers[k + 1:k + 2]):
            chain.append(pos)
            want, last_end = n + 1, end
        elif not chain[1:] and n == 1:
            chain, want, last_end = [pos], 2, end  # a false start: begin again at 第一条
    if len(chain) < 3 and not two_article_digest(line, chain):
        chain = skipping_digest(line, found)
        if not chain:
            return []
    cuts = []
    for pos in chain:
        start = max(0, pos - 24)
        if ch := CHAPTER_BEFORE.search(line, start, pos):
            cuts.append(ch.start())
        cuts.append(pos)
    return cuts


@rule(stage="lines", example="['…在第壹文秘上搜索。', '1、…指南为支持…征集有市场化前', '2、景、实用性较强…'] → "
                             "['…在第壹文秘上搜索。', '…指南为支持…征集有市场化前景、实用性较强…']")
def preview_page_marks(rows: list[str]) -> list[str]:
    """A document-sharing site's preview numbers its pages "1、" "2、" at the start of long lines, the
    next page continuing the last one's sentence ("…征集有市场化前" + "2、景、…"). When long lines open
    with consecutive numbers and one of them goes on with a sentence the line before left open, the
    numbers are page marks: dropped, and each page joined to the one before. A lone "1、" opening the
    first long line under the site's header (".docx", "上传人:") is the first page's mark, and so are
    1、2、… under that header where every page ends a sentence, and a "1、" run into the document's title
    and its first chapter or article ("1、市直机关培训费管理办法第一章总则第一条…")."""
    marked = [i for i, r in enumerate(rows) if PREVIEW_PAGE_MARK.match(r) and len(r.strip()) >= PREVIEW_LINE_MIN]
    marked += last_preview_page(rows, marked)
    under_header = bool(marked) and any(DOC_SHARE_SIGN.search(r) for r in rows[:marked[0]])
    if marked and PREVIEW_TITLE_PAGE.match(rows[marked[0]]):
        # "1、市直机关培训费管理办法第一章总则…": the first page's mark before the title, whatever follows
        rows = rows[:marked[0]] + [PREVIEW_PAGE_MARK.sub("", rows[marked[0]], count=1)] + rows[marked[0] + 1:]
        marked = marked[1:]
        if len(marked) < 2:
            return rows
    if len(marked) == 1 and int(PREVIEW_PAGE_MARK.match(rows[marked[0]]).group(1)) == 1 and under_header:
        # the preview's first page only, under a document-sharing site's header (".docx", "上传人:")
        return rows[:marked[0]] + [PREVIEW_PAGE_MARK.sub("", rows[marked[0]], count=1)] + rows[marked[0] + 1:]
    if len(marked) < 2:
        return rows
    numbers = [int(PREVIEW_PAGE_MARK.match(rows[i]).group(1)) for i in marked]
    if any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
        return rows
    mid_sentence = [i for i in marked[1:] if not WRAP_END.search(_previous(rows, i))]
    if not mid_sentence and not (under_header and numbers[0] == 1):
        return rows  # under a site's header, pages 1, 2, … are marks even where each ends a sentence
    out: list[str] = []
    for i, r in enumerate(rows):
        if i in marked:
            body = PREVIEW_PAGE_MARK.sub("", r, count=1)
            if i in mid_sentence and out:
                while out and not out[-1].strip():
                    out.pop()
                out[-1] = out[-1].rstrip() + body.strip()
                continue
            r = body
        out.append(r)
    return out


@rule(stage="lines", example="['1、…(150+ characters)', '2、…(150+)', '3、发明专利拥有量20022件,列全省第'] → [2]")
def last_preview_page(rows: list[str], marked: list[int]) -> list[int]:
    """The page the excerpt was cut in: the last line of the text, numbered next after the preview's
    long marked pages 1、2、… ("3、发明专利拥有量20022件,列全省第" after pages 1 and 2, b210 002), is a page too,
    however short."""
    last = next((i for i in range(len(rows) - 1, -1, -1) if rows[i].strip()), None)
    if len(marked) < 2 or last is None or last <= marked[-1] or PREVIEW_PAGE_MARK.match(rows[marked[0]]).group(1) != "1":
        return []  # a preview's pages start at 1 (items 18、19、20、 then 21、 are a plan's items, b44 003)
    m = PREVIEW_PAGE_MARK.match(rows[last])
    prev = PREVIEW_PAGE_MARK.match(rows[marked[-1]])
    return [last] if m and int(m.group(1)) == int(prev.group(1)) + 1 else []


def _previous(rows: list[str], i: int) -> str:
    """The last non-empty row before row ``i``."""
    return next((r.strip() for r in reversed(rows[:i]) if r.strip()), "")


@rule(stage="lines", example="'二、重点任务（一）强化制度保障1.完善…' → ['二、重点任务', '（一）强化制度保障', '1.完善…']; "
                              "'2、重点工作(1)选准培训对象。' → ['2、重点工作', '(1)选准培训对象。']")
def run_on_headings(line: str) -> list[str]:
    """Bare headings run into the next numbered item on one line, each on its own line; a chapter
    heading run into its first article ("第一章 总则 第一条 为…") and a two-phrase heading glued to
    its body (see parallel_heading) too."""
    parts = []
    if m := CHAPTER_RUN_ON.match(line):
        parts.append(m.group(1))
        line = line[m.end():]
    while m := HEAD_RUN_ON.match(line) or DIGIT_HEAD_RUN_ON.match(line) or parallel_heading(line):
        parts.append(line[m.start(1):m.end(1)])  # as written (parallel_heading reads the line folded)
        line = line[m.end():]
    return parts + [line]


@rule(stage="lines", example="'一、提高认识,明确任务全区各级政府机关…' → match '一、提高认识,明确任务'")
def parallel_heading(line: str) -> "re.Match[str] | None":
    """A numbered heading of two phrases of the same length ("提高认识,明确任务", "加强领导,落实责任")
    glued to the body that follows it without a stop, when the body opens like one (各…, 全区…, 1.); not
    when a space follows a few characters on ("加强督查,狠抓工作落实 各地要…": the heading ends there)."""
    folded = fold_same_length(line)  # "提高認識,明確任務全區…": its body opens with 全區 (offsets kept)
    for rx in PARALLEL_HEADS:
        if (m := rx.match(folded)) and not SPACED_REST.match(folded, m.end()):
            return m
    return None


@rule(stage="lines", example="['正文', None, '某省公报 2023年第19期', '正文', None, '某省公报 2023年第19期'] → ['正文', '正文']")
def drop_running_heads(lines: list[str | None]) -> list[str]:
    """Page breaks (None) out; a short line printed beside several page breaks is a running head or foot."""
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


@rule(stage="lines", example="['01', '', '总体要求', '(一)工作思路。'] → ['01 总体要求', '', '(一)工作思路。']")
def section_numbers_alone(rows: list[str]) -> list[str]:
    """A chapter number set zero-padded on a line of its own above its heading, as designed pages do
    ("01" then "总体要求"): the two make one numbered heading (not a page number and a line)."""
    out = list(rows)
    for i, row in enumerate(out):
        if not SECTION_NUMBER_ALONE.match(row.strip()):
            continue
        j = next((j for j in range(i + 1, min(i + 4, len(out))) if out[j].strip()), None)
        if j is not None and BARE_HEADING.match(out[j].strip()):
            out[i], out[j] = f"{row.strip()} {out[j].strip()}", ""
    return out


@rule(stage="lines", example="['一、', '进一步提高认识。各级政府机关…'] → ['一、进一步提高认识。各级政府机关…', '']")
def number_alone(rows: list[str]) -> list[str]:
    """An item number alone on its line ("一、", "（三）", "2.") with its text on the next line: the two
    make one numbered item. Not when the next line opens another number (a list cut short)."""
    out = list(rows)
    for i, row in enumerate(out):
        if not ITEM_NUMBER_ALONE.match(row.strip()):
            continue
        j = next((j for j in range(i + 1, min(i + 4, len(out))) if out[j].strip()), None)
        if j is not None and match_numbering(out[j].strip()) is None and not ITEM_NUMBER_ALONE.match(out[j].strip()):
            out[i], out[j] = row.strip() + out[j].strip(), ""
    return out


@rule(stage="lines", example="'…2023年8月24日安溪县…资金管理办法第一章总则第一条本办法所称…' → "
                             "['…2023年8月24日安溪县…资金管理办法', '第一章总则第一条本办法所称…']")
def first_chapter_in_line(line: str) -> list[str]:
    """A line that runs into the body's first chapter and its first article ("…管理办法第一章总则第一条…",
    a flattened page's header, b338 001, b122 004): cut before the chapter, so that the chapter heads
    its articles. 第一章 right before 第一条 is the body's start, never a citation or a contents list.
    A rule's title left with its decree note ("…辦法( 2022年9月9日…令第59號公布 自…施行)", b73 004) is
    two lines, as a law site prints them."""
    m = FIRST_CHAPTER_IN_LINE.search(line)
    if not m:
        return [line]
    head = line[:m.start()].strip()
    note = TITLE_THEN_DECREE_NOTE.match(fold_same_length(head))  # Traditional too (辦法, 公佈); offsets kept
    return ([head[:note.end(1)], head[note.start(2):]] if note else [line[:m.start()]]) + [line[m.start():]]


@rule(stage="lines", example="'第二章 实验区的评定 第五条 申报主体' → ['第二章 实验区的评定', '第五条 申报主体']")
def chapter_then_article(line: str) -> list[str]:
    """A chapter heading and the first article of the chapter on one line: two lines. So is a rule's
    title with its first chapter after it ("天津市气象灾害防御条例全文第一章 总则", b201 006)."""
    m = CHAPTER_THEN_ARTICLE.match(line.strip()) or TITLE_THEN_CHAPTER.match(line.strip())
    return [m.group(1).strip(), m.group(2)] if m else [line]


@rule(stage="lines", example="['第一章', '总', '则', '第一条', '为了…'] → ['第一章 总则', '', '', '第一条', '为了…']")
def chapter_alone(rows: list[str]) -> list[str]:
    """A chapter number alone on its line with its name on the next lines, a character or two a line
    ("第一章" / "总" / "则", "第一章" / "總 則"): one heading again."""
    out = list(rows)
    for i, row in enumerate(out):
        if not CHAPTER_ALONE.match(row.strip()):
            continue
        name, j = [], i + 1
        while j < len(out) and j <= i + CHAPTER_NAME_ROWS and len(name) < CHAPTER_NAME_ROWS:
            piece = out[j].strip()
            if piece and (len(piece.replace(" ", "")) > CHAPTER_NAME_PIECE or match_numbering(piece) is not None):
                break
            if piece:
                name.append(j)
            j += 1
        if name:
            out[i] = row.strip() + " " + "".join(out[k].strip() for k in name)
            for k in name:
                out[k] = ""
    return out


@rule(stage="lines", example="['一统一思想,充分认识重大意义。', '知识产权是…', '二依法严厉打击侵权犯罪。'] → "
                             "['一、统一思想,充分认识重大意义。', '知识产权是…', '二、依法严厉打击侵权犯罪。']")
def glued_chapter_numbers(rows: list[str]) -> list[str]:
    """Chapter numbers glued to their headings, the 、 lost ("一统一思想,…", "二依法严厉打击…"): read as
    "一、" when short heading lines open with 一 and then 二 in order, and no line is numbered "一、"
    the usual way. One such line alone is a word (一批, 一流, 四川…), not a number."""
    if any(re.match(rf"\s*{P.CN_SMALL}\s*、", r) for r in rows):
        return rows
    found: list[int] = []
    want = 1
    for i, row in enumerate(rows):
        m = GLUED_CHAPTER.match(row.strip())
        if m and len(row.strip()) <= GLUED_CHAPTER_MAX and parse_cn_number(m.group("n")) == want:
            found.append(i)
            want += 1
    if len(found) < 2:
        return rows
    out = list(rows)
    for i in found:
        row = out[i].strip()
        out[i] = row[:1] + "、" + row[1:]
    return out


# "章 總 則", "章 总则": the first chapter's heading whose 第一 a copy lost (lost_first_chapter)
LOST_FIRST_CHAPTER = re.compile(rf"^(\s*)章(\s*[{P.HAN}][{P.HAN}\s]{{0,10}})$")


@rule(stage="lines", example="['章 總 則', '條 為了…', '第二條 …'] → ['第一章 總 則', '條 為了…', '第二條 …']; "
                             "['章程附件…'] → unchanged")
def lost_first_chapter(rows: list[str]) -> list[str]:
    """The first chapter's heading whose 第一 a copy lost ("章 總 則" at the head of a regulation whose next
    chapters read 第二章…, b191 001, b157 007, b164 007): read as 第一章, so its articles have their chapter
    (the gold writes 总则 in their paths). Only a short heading alone on its line, before any 第一章, on a
    page whose articles keep their 第."""
    if any(re.match(r"\s*第\s*[一1]\s*章", r) for r in rows) or \
            not any(re.match(rf"\s*第\s*{P.CN_NUMBER}\s*[条條]", r) for r in rows):
        return rows  # … or no article keeps its 第 (b409 007: "二章", "三條"): the whole numbering is damaged
    out = list(rows)
    for i, row in enumerate(rows):
        if re.match(rf"\s*第\s*{P.CN_NUMBER}\s*章", row):
            return rows  # a later chapter came first: not the first one
        m = LOST_FIRST_CHAPTER.match(row)
        if m:
            out[i] = f"{m.group(1)}第一章{m.group(2)}"
            return out
    return rows


NOTICE_LINE_END = re.compile(r"的(?:通知|通告|公告|决定|批复|意见)$")


@rule(stage="lines", example="9+ lines of 30 characters: '…深入贯彻知' + '识产权…' → one line")
def unwrap_lines(lines: list[str]) -> list[str]:
    """Lines a PDF extraction cut at a fixed width, joined. A text is hard-wrapped when many lines
    have (nearly) the same length; a full-width line that does not end a sentence continues on the
    next, unless that one opens a numbered item or is a 文号, a date or a salutation. A page's own
    line of 作者/来源/发布时间 is never joined to the lines around it (b216 005: it stood between a
    headline and the title, in a table whose rows gave the text a width)."""
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
        meta = bool(PAGE_META_LINE.match(fold_same_length(line)))  # 來源/發布時間 too
        if joining and not meta and match_numbering(line) is None and not NOT_CONTINUATION.search(line):
            out[-1] += line
        else:
            out.append(line)
        joining = not meta and len(line) >= width - 2 and not WRAP_END.search(out[-1]) \
            and not NOTICE_LINE_END.search(out[-1])  # "…关于印发《…》的通知" ends its line (b298 001)
    return out


def _toc_key(line: str, numbered: bool = True) -> str:
    """A heading as a table of contents and the body both write it: no page number, no spaces, no noise."""
    spaced = NOISE.sub(" ", line).strip()
    key = TOC_PAGE.sub("", spaced) or spaced
    if not numbered:
        num = match_numbering(key)
        key = num[2] if num else key
    return NOISE.sub("", key)


def _toc_page(line: str) -> int | None:
    """The page number of a table of contents entry written with one ("二、助推区域协调发展 11"); None
    for other lines, such as a table row ("4\t有效注册商标量（万件）\t8.6\t10")."""
    m = TOC_PAGED.search(line)
    if not m or "\t" in line or not _toc_entry(line) or not TOC_TEXT_END.search(line[:m.start()]):
        return None
    return int(re.search(r"\d+", m.group()).group())


def _toc_entry(line: str) -> bool:
    """A heading as a table of contents lists it; a numbered one may have a comma in it ("第三章
    深化商事制度改革,打造更加规范的营商环境"). A line citing a document in 《》 or carrying a 文号 is not
    one ("成都市人民政府关于印发《…》的通知" after the entries)."""
    bare = NOISE.sub("", line)
    if not 0 < len(bare) <= 40:  # longer than either heading pattern allows (tested first: most lines are)
        return False
    if "《" in bare or P.DOC_NUMBER.search(bare):  # a notice's title or its 文号: the text has begun
        return False
    return bool(TOC_HEADING.match(bare) or TOC_NUMBERED_HEADING.match(bare) and match_numbering(bare))


@rule(stage="lines", example="['目 录', '第一章 规划背景 5', '一、发展成就 5', '第一章 规划背景', '“十四五”时期，…'] → "
                             "['第一章 规划背景', '“十四五”时期，…']")
def drop_table_of_contents(lines: list[str]) -> list[str]:
    """A table of contents out: its 目录 heading and the short headings after it, up to the first line
    that is a sentence or repeats the first entry (the body begins); without a 目录 heading, a run of
    three or more headings ending in page numbers ("二、助推区域协调发展 11"), or a run of five or more
    bare headings whose first one comes back, numbered, where the body begins ("总则", "1.1 编制目的",
    … "1 总则")."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        end = _toc_end(lines, i)
        if end > i:
            i = end
            continue
        out.append(lines[i])
        i += 1
    return out


# chapters that hold no measures, as an outline lists them (outline_end)
OUTLINE_CHAPTERS = frozenset(L.GENERAL_CHAPTERS + L.BACKGROUND_CHAPTERS + L.GENERAL_OPENERS)
# a short heading without sentence marks: inside a table of contents, an entry whose number was lost
TOC_RETURN_REACH = 4  # lines after an outline within which its first heading comes back (the salutation, the opening)
TOC_UNNUMBERED = re.compile(r"^[^。，,；;：:！？!?]{2,30}$")


def _toc_end(lines: list[str], i: int) -> int:
    """Index of the first line after a table of contents starting at ``i`` (``i`` when none starts there)."""
    line = NOISE.sub("", lines[i])
    if TOC_HEAD.match(line):
        j = i + 1
        # the body begins where the first entry comes back, with or without its number ("1 印发通知" … "印发通知")
        first = _toc_key(lines[j], numbered=False) if j < len(lines) else ""
        while j < len(lines):
            if _toc_entry(lines[j]) and (j == i + 1 or _toc_key(lines[j], numbered=False) != first):
                j += 1
            elif TOC_UNNUMBERED.match(lines[j].strip()) and j + 1 < len(lines) and _toc_entry(lines[j + 1]) \
                    and first not in (_toc_key(lines[j], numbered=False), _toc_key(lines[j + 1], numbered=False)):
                j += 1  # an entry that lost its number ("“十三五”时期市场监管工作回顾"), more entries after it
            else:
                break
        return j
    if len(line) > 40 or not _toc_entry(lines[i]):  # line: lines[i] without noise, longer than an entry may be
        return i
    j, last = i, 0
    while j < len(lines) and (page := _toc_page(lines[j])) is not None and page >= last:
        j, last = j + 1, page
    if j - i >= 3:
        return j
    first = _toc_key(lines[i], numbered=False)
    j = i + 1
    while j < len(lines) and _toc_entry(lines[j]) and _toc_key(lines[j], numbered=False) != first:
        j += 1
    if j < len(lines) and j - i >= 5 and _toc_key(lines[j], numbered=False) == first \
            and match_numbering(lines[j]) and sum(1 for l in lines[i:j] if match_numbering(l)) >= 3:
        return j
    if j - i >= 5 and sum(1 for l in lines[i:j] if match_numbering(l)) >= 3 and any(
            _toc_key(lines[k], numbered=False) == first and match_numbering(lines[k])
            for k in range(j + 1, min(len(lines), j + 1 + TOC_RETURN_REACH))):
        return j  # the notice's salutation and opening between the outline and its first heading again (b297 010)
    return outline_end(lines, i)


@rule(stage="lines", example="['一、规划背景', '(一)发展现状', '二、总体要求', '(一)指导思想', … '(三)强化监督考评', "
                             "'为贯彻落实…制定本规划。'] → the eight or more headings are an outline")
def outline_end(lines: list[str], i: int) -> int:
    """A table of contents without 目录 or page numbers (b182 007, a plan's outline above its preamble):
    eight or more numbered headings in a row with no text among them, two or more of them the
    chapters no plan's measures sit in (总体要求, 规划背景 …). Index of the first line after it, or ``i``."""
    if i > 0 and _toc_entry(lines[i - 1]) and match_numbering(lines[i - 1]):
        return i  # inside a run of headings already read from its start (each run is read once)
    j = i
    while j < len(lines) and _toc_entry(lines[j]) and match_numbering(lines[j]):
        j += 1
    if j - i < 8:
        return i
    general = sum(1 for l in lines[i:j] if fold(_toc_key(l, numbered=False)) in OUTLINE_CHAPTERS)  # 總體要求 too
    return j if general >= 2 else i
