"""Stage 5, header: title, covering notice, issuer, 文号, dates, status, region and level.

Sources, in order of trust: the covering notice title ("X关于印发《Y》的通知"),
the portal's metadata table (索引号/发布机构/发文日期/文号/效力状态 …), the
signature block (organisation + date lines), and finally the body text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import lexicon as L
from . import patterns as P
from . import text as T
from .context import ParseContext, rule
from .clean import without_separators
from .knowledge import Gazetteer
from .outline import GENERAL as GENERAL_CHAPTER, match_numbering
from .text import parse_cn_number

# "標??題:" (b556 002): a mirror's mojibake question marks inside a label read as the spaces a cell puts there
_LABELS = "|".join(r"[\s?？]*".join(map(re.escape, k)) for k in sorted(L.META_LABELS, key=len, reverse=True))
LABEL_GAP = re.compile(r"[\s?？]+")
# a label opens the row, follows a space or cell edge, or follows an empty label's colon ("浏览量:时间:2023-07-02")
LABEL_COLON = re.compile(rf"(?:^|(?<=[\s|｜丨:：]))(?P<label>{_LABELS})\s*[:：]\s*")
LABEL_SPACED = re.compile(rf"(?:^|(?<=\s))(?P<label>{_LABELS})\s+(?=\S)")
_BRACKET_LABELS = "|".join(r"[\s?？]*".join(map(re.escape, k)) for k in sorted(L.META_LABELS, key=len, reverse=True)
                           if k not in L.ITEM_FIELD_LABELS)
LABEL_BRACKETED = re.compile(rf"[\[【]\s*(?P<label>{_BRACKET_LABELS}|{P.alternation(L.BRACKET_ONLY_LABELS)})\s*[\]】]\s*[:：]?\s*")
LIST_PREFIX = re.compile(r"^(?:\d{1,2}\s*[.、．]|[•·●◆▪■])\s*(?=[\[【])")  # "6. [发文字号] …", "•【公布日期】…"
_LONG_LABELS = "|".join(r"\s*".join(map(re.escape, k)) for k in sorted(L.META_LABELS, key=len, reverse=True) if len(k) >= 4)
# a long label glued to its value, at the start of the row or after a space: "發文字號大冶政規〔2023〕4號"
LABEL_RUN = re.compile(rf"(?:^|(?<=\s))(?P<label>{_LONG_LABELS})(?=[^\s:：])")
LABEL_GLUED = re.compile(rf"(?P<label>{_LONG_LABELS})\s*[:：]\s*")  # "…有限公司发表日期:2019-09-30"
LABEL_RUN_INSIDE = re.compile(rf"(?P<label>{_LONG_LABELS})(?=[^\s:：])")  # the next glued label, closed up to a value
_SPREAD_LABELS = "|".join(r"\s+".join(map(re.escape, k)) for k in sorted(L.META_LABELS, key=len, reverse=True)
                          if 2 <= len(k) <= 3)
# a short label spread over a table cell, glued to the value before it: "名   稱:…的通知文   號:鄂發改…" (b438 009)
LABEL_SPREAD = re.compile(rf"(?P<label>{_SPREAD_LABELS})\s*[:：]\s*")
DATE_KEYS = ("published", "signed", "uploaded")
# labels whose value is a date: an empty "废止日期:" does not take the issuer's line below as its value
DATE_VALUED = DATE_KEYS + ("effective", "repealed")
LABEL_ALONE = re.compile(rf"^(?P<label>{_LABELS})\s*[:：]?$")
CELL_EDGE = re.compile(r"^[\s|｜丨]*$")
TABLE_ROW = re.compile(r"^\s*[|｜]\s*(.*?)\s*[|｜]?\s*$")  # a markdown-like table row: its cells without the outer bars
YEAR_NEXT = re.compile(rf"\s*{P.YEAR}")

_NOTICE_END = f"(?:{'|'.join(L.NOTICE_ENDS)})"
# "温政办〔2022〕13号文件,《温州市人民政府办公室关于印发…的通知》。": the file named, then its notice
NUMBERED_FILE_NOTICE = re.compile(rf"^\s*(?P<num>{P.DOC_NUMBER.pattern})\s*文件\s*[,，、:：]?\s*《(?P<notice>[^》]{{8,160}}?的通知)》")
# "关于下达2020年丽水市国民经济和社会发展计划的通知" issues a plan; "关于下达2019年度福利彩票公益金的通知" is the document
_PLAN_AHEAD = rf"(?=《|[^《》]{{4,60}}?(?:{P.alternation(L.POLICY_NOUNS)})》?(?:的)?{_NOTICE_END}$)"
# "关于《鄂尔多斯市黄河河道管理条例(草案)》公开征求意见的公告", "关于对《…》第二次公开征求意见的通知": the draft
# named before the verb (a consultation notice: the draft is the document, b557)
_CONSULTED_AHEAD = (rf"(?=《[^《》]{{4,120}}》\s*(?:{P.PAREN_OPEN}[^()（）]{{1,16}}{P.PAREN_CLOSE})?\s*"
                    rf"(?:第[{P.CN_DIGITS}\d]次)?(?:{P.alternation(L.CONSULTING_VERBS)})意见)")
NOTICE = re.compile(rf"^(?P<issuer>.{{0,60}}?)(?:关于(?P<verb>{'|'.join(L.NOTICE_VERBS)}|(?:{'|'.join(L.PLAN_NOTICE_VERBS)}){_PLAN_AHEAD})|"
                    rf"关于对?(?P<consulted>{_CONSULTED_AHEAD})|"
                    rf"(?<=[厅室府委局会院部门])(?:印发|转发|批转)(?=《|[^《]{{0,40}}关于|[^《》]{{4,60}}?(?:{P.alternation(L.POLICY_NOUNS)})(?:{P.PAREN_OPEN}[^()（）]{{1,12}}{P.PAREN_CLOSE})?的通知$))"
                    rf"(?P<rest>.+?)(?:的)?{_NOTICE_END}$")  # "佛山市人民政府办公室印发佛山市城镇排水管理办法的通知" (b289)
NOTICE_END = re.compile(rf"{_NOTICE_END}$")
STATUS_MARK = re.compile(r"\s*[(（【\[]\s*(?:已|该文件已|全文)?(?:失效|废止|作废)\s*[)）】\]]\s*$")
DRAFT_MARK_END = re.compile(rf"\s*{P.PAREN_OPEN}\s*(?:{P.spread_alternation(L.DRAFT_MARKS_AT_END)})\s*{P.PAREN_CLOSE}\s*$")
# "(草 案)" too; "(草案征求意见稿)", "(修正草案·二审稿)": a run of marks holding one of DRAFT_MARKS
_DRAFT_RUN = rf"(?:(?:{P.spread_alternation(L.DRAFT_MARK_PARTS)})[·・\s]*)*?"
DRAFT_MARK = re.compile(rf"\s*{P.PAREN_OPEN}\s*{_DRAFT_RUN}(?:{P.spread_alternation(L.DRAFT_MARKS)})(?:[·・\s]*"
                        rf"(?:{P.spread_alternation(L.DRAFT_MARK_PARTS)}))*\s*{P.PAREN_CLOSE}\s*")
QUOTED_TITLE = re.compile(r"《(.+)》")
EDITION_MARK = re.compile(rf"(?<=[{P.HAN}])\s*[(（]\s*{P.YEAR}\s*年\s*[)）]$")  # "商标侵权判断标准(2020年)"
# what a law-database site writes after a 《title》: "2016年修订版(全文)", "(全文)", "最新版", "2021修正"
EDITION_TAIL = re.compile(rf"^(?:{P.YEAR}\s*年?)?\s*(?:最新|现行)?(?:修订|修正|完整)?版?\s*(?:[(（](?:全文|最新版?|修订版|修正版|完整版|现行有效)[)）]|全文)?$"
                          # a part of it: "前十条之规定", "第三章", "第六十三条——第六十四条" (b711 010), "节选" (b320 012)
                          rf"|^(?:前[{P.CN_DIGITS}\d]+条|第[{P.CN_DIGITS}\d]+[条章](?:(?:至|[{P.DASH}─–―-]{{1,2}}|、)第[{P.CN_DIGITS}\d]+[条章])?)(?:之?规定|内容)?$|^[(（]?(?:节选|摘录|摘要)[)）]?$"
                          # a translation's edition: "《…实施条例》英文版", "(中英对照)" (b513 002)
                          rf"|^[(（]?(?:{P.alternation(L.TRANSLATION_EDITIONS)})(?:对照)?版?[)）]?(?:全文)?$")
PERIOD_LINE = re.compile(rf"[(（]\s*{P.YEAR}\s*年?\s*[{P.DASH}─–―]\s*{P.YEAR}\s*年?\s*[)）]$")  # "(2013—2020年)"
CHAPTER_TAIL = re.compile(rf"(?<=[{P.HAN}])第[{P.CN_DIGITS}]{{1,3}}章$")
CRUMB_TRAIL = re.compile(r"\s[>＞»›]\s.*[>＞»›]|[>＞»›]\s*$")
SEAL_NOTE = re.compile(r"\s*[(（]\s*(?:代章|盖章|印章|公章|签章)\s*[)）]\s*$")
TRIAL_LINE = re.compile(rf"[(（]\s*(?:试\s*行|暂\s*行|(?:{P.YEAR}\s*年?\s*)?(?:修\s*订|修\s*正)版?)\s*[)）]$")  # "(试 行)", "(2024年修订)" below its title
TITLE_NOISE = re.compile(r"[\s《》〈〉“”\"'()（）\[\]〔〕【】,，。、:：—\-─–―－~～]")  # dashes of every kind: "2023─2035"
SENTENCE_OPENER = re.compile(f"^(?:{'|'.join(L.SENTENCE_OPENERS)})")
FIRST_ITEM = re.compile(rf"^(?:一|第一|{P.PAREN_OPEN}一{P.PAREN_CLOSE}|1[.、．])")
TITLE_PARTS = re.compile(r"\s*[-_|｜]\s*")
DRAFT_STRONG = re.compile(P.spread_alternation(L.DRAFT_WORDS))  # "草 案" too
# a draft's stage mark: "(征求意见稿)", "(修订征求意见稿)", "(讨论稿)", "(初稿)"; a paren may be lost ("征求意见稿)")
_STAGE_RUN = (rf"(?:(?:{P.spread_alternation(L.DRAFT_MARK_PARTS)})[·・\s]*)*?(?:{P.spread_alternation(L.DRAFT_STAGE_MARKS)})"
              rf"(?:[·・\s]*(?:{P.spread_alternation(L.DRAFT_MARK_PARTS)}))*")
DRAFT_STAGE_LINE = re.compile(rf"^\s*{P.PAREN_OPEN}?\s*{_STAGE_RUN}\s*{P.PAREN_CLOSE}?\s*$")
DRAFT_STAGE_MARK = re.compile(rf"\s*{P.PAREN_OPEN}\s*{_STAGE_RUN}\s*{P.PAREN_CLOSE}")
# expiry_noted: "[失效]", "【已廢止】", "(失效)" at a line's head or end or after the title; "有效性: 廢止",
# "【时效性】失效", "信息時效性: | 失效"; "本办法已于2024年7月26日废止", "此文件已于…宣布失效", "本法规全文废止"
EXPIRY_BRACKET = re.compile(r"[(（【\[]\s*(?:已|该文件已|全文)?(?:失效|废止|作废)\s*[)）】\]]")
_STATUS_LABEL = rf"(?:{P.spread_alternation(L.STATUS_LABELS)})\s*[】\]:：|\s]*\s*"  # "有 效 性: ", "【时效性】", "效力: | "
EXPIRY_LABEL = re.compile(rf"{_STATUS_LABEL}(?:全文)?(?:宣布|已)?(?:失效|废止)(?!日期|时间)")
VALID_LABEL = re.compile(rf"{_STATUS_LABEL}(?:现行)?有效(?!期)")
EXPIRY_SENTENCE = re.compile(r"(?:本|该|此)(?:篇)?(?:办法|规定|文件|法规|政策|通知|意见|细则|方案|规章)?(?:已于[^。，,；;]{1,20}?)?(?:宣布)?"
                             r"(?:全文)?(?:失效|废止)(?!日期|时间)|已被《[^《》]{2,60}废止")
# forwarded_title: "转发住房城乡建设部…关于…的通知", "瑞安市人民政府办公室转发温州市…的通知"; "现将…《X》…转发给你们"
FORWARD_TITLE = re.compile(rf"^(?P<org>[{P.HAN}、\s]{{0,30}}?)转发(?P<rest>.{{6,}}?)的?通知$")
FORWARDED_QUOTE = re.compile(r"现将[^。]{0,60}?《([^《》]{6,80})》[^。]{0,40}?转发")
ISSUED = re.compile(r"(?:现|现将[^。]{0,60})(?:印发|下发)给你们|现予(?:印发|公布)")  # a covering notice issuing the text
DRAFT_MARK_REACH = 80  # a stage mark after a title starts this near the head of its line
SENTENCE_MARKS = re.compile(r"[，,。；;]")  # a sentence's marks: not a title's run-on copy
ARTICLE_HEAD = re.compile(rf"^\s*第[{P.CN_DIGITS}\d]+[条條]")  # "第五条 审议某条例(草案)时": an article names a draft
DRAFT = re.compile(DRAFT_STRONG.pattern + "|征求意见的通知")
EXPIRED = re.compile("|".join(L.EXPIRED_WORDS))
EXPIRED_NOTE = re.compile(r"(?:该|本)(?:文件|政策|规定|办法)?(?:已)?(?:失效|废止)|^已(?:失效|废止)$")
NO_NUMBER = re.compile(r"^\s*(?:无|/|-|—)?\s*$")
YEAR_BRACKETS = re.compile(rf"[{P.YEAR_OPEN.replace('〔', '')}]{P.YEAR_G}[{P.YEAR_CLOSE}]|〔{P.YEAR_G}[{P.YEAR_CLOSE.replace('〕', '')}]")
ISSUER_IN_TITLE = re.compile(r"^(.{2,40}?)关于")
WRAPPED_PART_NOT = re.compile(r"[。，,；;：:\d]")  # a title's wrapped middle holds no sentence mark, label or figure
# "国家知识产权局2022年工作要点", "某市市场监督管理局2023年知识产权工作计划": an organisation, then the plan's year
ISSUER_BEFORE_YEAR = re.compile(rf"^([{P.HAN}（）()]{{2,30}}?(?:{P.alternation(L.ISSUER_ENDS)}|国务院|总局|署|部))\s*{P.YEAR}\s*年")
# the national bodies a document divides its tasks among ("(知识产权局、公安部负责)")
NATIONAL_BODY = re.compile(rf"(?<![省市县区州旗盟])(?:{P.alternation(L.NATIONAL_ISSUERS + L.NATIONAL_MINISTRIES + L.NATIONAL_BODY_SHORT)})"
                           r"(?![^，,、。；;()（）\s]{0,8}?(?:分行|支行|分局|分署|办事处))")
NATIONAL_DUTY = re.compile(rf"(?:{P.alternation(L.NATIONAL_ISSUERS)})负责全国")
# the State's departments as the subject in charge ("国务院文化行政部门负责组织…", "商务部会同相关部门…认定并公布"):
# a rule of the State, whatever 省级 bodies it names below them (state_in_charge)
STATE_IN_CHARGE = re.compile(rf"(?:国务院[{P.HAN}]{{0,10}}部门|(?<![省市县区州])(?:{P.alternation(L.NATIONAL_MINISTRIES)}))"
                             rf"(?:会同[^，,。；;]{{0,16}})?(?:负责|主管|统一|组织|认定)")
NATIONAL_BODIES_MIN = 3
# 国务院专利行政部门, 国家药品审评机构, 我国: how only the State's own texts speak (national_wording)
NATIONAL_SCOPE = re.compile(r"省、自治区、直辖市|省[(（]自治区、直辖市[)）]|省[(（]区、市[)）]")
LEVEL_AND_ABOVE = re.compile(r"[省市县区]级(?:以上|及以上|以下)")  # "县级以上地方人民政府": every level from there
# "设区的市人民政府", "城市人民政府", "省、市、县人民政府": governments of a kind, not the text's own (scope_level)
GENERIC_GOVERNMENT = re.compile(r"(?:设区的|直辖|地级|[省县区、城])市人民政府|自治区人民政府|[省市、]县人民政府|、区人民政府")
NATIONAL_WORDING = re.compile(rf"国务院[{P.HAN}]{{0,10}}部门|国家[{P.HAN}]{{1,8}}?(?:{P.alternation(L.NATIONAL_AUTHORITY_ENDS)})|"
                              rf"{P.alternation(L.NATIONAL_SELF_WORDS)}")
ISSUER_CUT = re.compile(rf"\s{{2,}}|[|｜]|\s*(?:{P.alternation(L.VALUE_TOOL_WORDS)})")
TOWNSHIP = re.compile(rf"^[{P.HAN}]{{2,12}}?(?:{P.alternation(L.TOWNSHIP_ENDS)})(?:[(（][{P.HAN}]{{2,10}}[)）])?$")
ISSUER_PARTS = re.compile(r"[\s、，,]+")
# "市政府", "省人民政府办公厅": a government named by its level only (issuer_in_full)
BARE_GOVERNMENT = re.compile(r"^(?P<level>[省市])(?:人民)?政府(?P<rest>办公室|办公厅)?$")
SELF_REFERENCE = re.compile(rf"^(?:{'|'.join(L.SELF_REFERENCE_PLACES)})(?:委|政府|人民政府|{P.HAN_CHAR}{{1,12}}(?:局|委|办|厅))")
# issuer_in_text: "X印发", "X现就…", "X决定开展…" (a decision followed by what it starts, not "…由市人民政府决定。")
ISSUER_IN_TEXT = re.compile(rf"({P.HAN_CHAR}{{2,20}}(?:{'|'.join(L.ISSUER_ENDS)}))"
                            rf"(?:{P.alternation(L.ISSUER_TEXT_VERBS)}|现?决定(?={P.alternation(L.DECISION_STARTS)}))")
NOT_SPEAKING = re.compile(P.alternation(L.NOT_SPEAKING_LEADS))
NATIONAL = re.compile(rf"^(?:国务院|{P.alternation(L.NATIONAL_ISSUERS + L.NATIONAL_MINISTRIES)})|"
                      rf"^国家(?!级){P.HAN_CHAR}{{2,12}}?(?:总局|局|署)(?:办公室|办公厅)?$|{'|'.join(L.NATIONAL_JOINT_MEETING)}|"
                      rf"^全国{P.HAN_CHAR}{{2,30}}?(?:{P.alternation(L.NATIONAL_COMMITTEE_ENDS)})(?:办公室)?$")
NATIONAL_SHORT = re.compile(rf"^(?:{P.alternation(L.NATIONAL_BODY_SHORT)})$")  # "药监局" beside "市场监管总局"
# --- lines around the title: what mirror sites put before and after it -------------------------------
_ORG_END = P.alternation(L.ORG_LINE_ENDS)
ORG_NAME = rf"[{P.HAN}（）()]{{1,30}}?(?:{_ORG_END})"
TAG_BAR = re.compile(r"^[^\s|｜]{1,4}\s?[|｜]\s*(?=\S)")                         # "时政|", "科技政策 | "
CRUMBS = re.compile(r"^(?:[^>＞»\n]{1,12}\s*[>＞»]\s*){2,}")                        # "好律师> 法律法规库> 政策参考> "
# "首页『摩臣5注册登陆』-摩臣5娱乐平台-首页-": a site's trail joined by dashes (a site word in it)
DASH_CRUMBS = re.compile(r"^(?:[^-－\n]{1,20}\s*[-－]\s*){2,}")
SITE_WORDS = re.compile(r"首[页頁]|平台|网站|網站|『|登[陆录陸錄]|注册|註冊")
LEADING_NUMBER = re.compile(rf"^\s*[(（]?{P.DOC_NUMBER.pattern}[)）]?\s*[_《]\s*")   # "渝府发〔2016〕56号《…"
# "嘉市监知〔2020〕173号上海市…的通知", "阳政办〔2019〕1号—区人民政府办公室关于印发…的通知"
BRACKETED_NUMBER = re.compile(rf"^\s*[(（]{P.DOC_NUMBER.pattern}[)）]\s*(?=[{P.HAN}])")  # "(贺农复〔2021〕27号)贺州市…"
GLUED_NUMBER = re.compile(rf"^{P.DOC_NUMBER.pattern}\s*[—–－-]{{0,2}}\s*(?=[{P.HAN}])")
TRAILING_NUMBER = re.compile(rf"\s*[(（]?\s*({P.DOC_NUMBER.pattern})\s*[)）]?\s*$")  # "…的通知 江府办函〔2018〕83号"
PAGE_MARK = re.compile(r"^(?:(?:Page\s*)?\d{1,3}\s*[―—–-]\s*(?=[\u4e00-\u9fff])|[\[【][^\]】]{1,6}[\]】]\s*)")  # "1 ― 番禺区…", "[接上页] ", "Page 6 - " (a flip-book)
# a preview's page mark written with a comma: "1,宁波市…条例" (a bare leading comma is a glossed mirror's line break)
COMMA_MARK = re.compile(rf"^\d{{1,2}}\s*[,，]\s*(?=[{P.HAN}])")
GLUED_DIGITS = re.compile(rf"^\d{{2,6}}(?!\d|{P.alternation(L.NUMBER_WORDS_AFTER)})(?=[{P.HAN}])")           # "12011新野县…"
TRAILING_BAR = re.compile(r"(?:\s*[|｜])+\s*$")   # "…的通知 | |" (a flattened table row)
# a file name's extension and what follows, with a copy counter before it: "(1).doc", "要点2.docx" (after a genre)
# what a site puts before a title (without_teaser): a teaser word and its mark, a 【tag】, an attachment label
TEASER = re.compile(rf"^\s*(?:(?:{P.alternation(L.TITLE_TEASERS)})\s*[!！:：]|【[^】]{{1,24}}】|附件\s*\d{{0,2}}\s*[:：\s])\s*")
FORM_TITLE = re.compile(r"(?:回执|表|表格)$")  # "附件1:…联系人回执": an attachment that is a form, no title
# "文件编号", "政府辦公廳發文字號" (a label with its office before it) glued before a 文号 (number_prefix_only)
NUMBER_LABEL = re.compile(rf"^[{P.HAN}]{{0,8}}?(?:文件编号|发文字号|发文编号|文件字号|文号|字号)[:：]?")
FILE_TAIL = re.compile(rf"(?:[(（]\d{{1,2}}[)）]|(?<=[{''.join(sorted({w[-1] for w in L.TITLE_END_NOUNS}))}])\d)?"
                       r"\.(?:pdf|docx?|wps|xlsx?)(?![a-z]).*$", re.I)
# "贯彻实施《国家标准化发展纲要》行动计划": a title with a cited title inside it (words before and after)
EMBEDDED_TITLE = re.compile(rf"^[{P.HAN}\d“”]{{2,}}《[^《》]+》[{P.HAN}]{{2,}}$")
# "国务院国有资产监督管理委员会文件": the issuer's letterhead above a document
LETTERHEAD = re.compile(rf"^(?P<org>[{P.HAN}（）()、 ]{{2,40}}?(?:{_ORG_END}))\s*文件$")
# site_tags: "(湖北省)", "(电子商务研究中心讯)" before a title; "(doc 13页)", "(完整版)" after it; "文化部《…》全文"
LEAD_SITE_TAG = re.compile(rf"^\s*[(（【](?:[{P.HAN}]{{2,6}}(?:省|自治区)|[^()（）【】]{{2,14}}讯)[)）】]\s*")
TRAIL_SITE_TAG = re.compile(r"\s*[(（](?:(?:doc|docx|pdf|wps)\s*\d{1,4}\s*页|完整版|全文)[)）]\s*$", re.I)
ISSUER_FULL_TEXT = re.compile(rf"^[{P.HAN}]{{2,12}}?(?:{P.alternation(L.ORG_LINE_ENDS)})《([^《》]{{6,}})》(?:全文|原文|最新版)?$")
# share_decorations: "(实用)…", "…三篇", "…范文(精选5篇)", "…(共10页)", "…全文"
LEAD_DECORATION = re.compile(rf"^\s*(?:{P.alternation(L.TITLE_LEAD_DECORATIONS)})\s*")
TRAIL_DECORATION = re.compile(rf"\s*(?:(?:范文)?[(（【]?(?:精选|通用)?\s*[{P.CN_DIGITS}\d]{{1,2}}\s*篇[)）】]?|[(（]共\s*\d{{1,3}}\s*页[)）]|"
                              rf"\s篇\s*\d{{1,2}}|"  # "…宣传工作方案 篇1" (b346 013)
                              rf"(?<=[案见見法则則知划劃点點])篇(?:{P.CN_SMALL_DIGIT}|\d){{1,2}}|"  # "…活動方案篇一" (b360 010)
                              rf"(?<=[{P.HAN}])P\.?\s?\d{{1,3}}|"  # a flip-book's page mark ("…若干政策意见P. 8", b412 001)
                              rf"{P.alternation(L.TITLE_TRAIL_DECORATIONS)})\s*$")
NEWEST_BEFORE_GENRE = re.compile(rf"最新(?=(?:{P.alternation(L.GENRE_WORDS)}))")
PLACE_TAG = re.compile(rf"^[(（]([{P.HAN}]{{2,8}})[)）]\s*(?=\1)")
LAYOUT_SPACE = re.compile(rf"(?<=[{P.HAN}])[ \u3000]+(?=[{P.HAN}])")
# "…工作的通知 时间:2020-05-11": the page's date label after the title, on the same line
DATE_TAIL = re.compile(rf"\s+(?:发布|发文|成文)?(?:时间|日期)\s*[:：]\s*{P.DATE_YMD.pattern}.*$")
# "…的通知 | 添加日期: | 2018-06-18": a page table's date cell run on after the title (b605 009)
BAR_DATE_TAIL = re.compile(rf"\s*[|｜]\s*(?:发布|发文|成文|添加|更新)?(?:时间|日期)\s*[:：]\s*(?:[|｜]\s*)?{P.DATE_YMD.pattern}.*$")
# "关于印发《…方案》的通知 2022-06-08": the page's date after a title that ends as titles end
_ISO_DATE = rf"{P.YEAR}-\d{{1,2}}-\d{{1,2}}"
_CN_DATE = rf"{P.YEAR}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
# "…的通知(2014年6月27日)": a gazette's date of the document after its title (dated_title_line)
TITLE_DATE_NOTE = re.compile(rf"^\s*[(（]\s*({_CN_DATE})\s*[)）]\s*$")
EXCERPT_TAIL = re.compile(rf"\s*[-—_－]{{1,3}}\s*(?:{P.alternation(L.EXCERPT_WORDS)})(?:及解读|与解读)?\s*$"
                          r"|\s*[(（]\s*(?:附|含|附政策)解读\s*[)）]\s*$")  # "…的通知(附解读)" (b505 005)
# a whole line in brackets (labelled_values): "(原标题:固安县…关于在公共场所禁止吸烟的通告)"
BRACKETED_NOTE = re.compile(r"[(（]([^()（）]{2,}[:：][^()（）]+)[)）]")
# "…試行辦法---佛山信合專利代理關小姐,,。" (b756 001): who posted the page, after a run of hyphens (a dash
# "——" may open a subtitle: "…三年行动方案——…强市工作方案", b92)
POSTER_TAIL = re.compile(r"\s*(?:-{2,}|－{2,})\s*[^-－\n]{2,30}$")
SITE_SUFFIX = re.compile(r"\s*[_｜|]\s*[^_｜|\s]{2,20}(?:网|網|网站|網站|门户|門戶|平台)\s*$")  # "…的通知_桂林旅游政务网"
BARE_DATE_TAIL = re.compile(rf"(?<=[{P.HAN}》)）])(?:\s+{_ISO_DATE}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
                            rf"|\s*[(（]\s*(?:{_ISO_DATE}|{P.YEAR})\s*[)）]"
                            rf"|\s*[(（]\s*{_CN_DATE}\s*[)）])$")  # "…的通知 ( 2025-01-27 )", "…的通知(2022)", "…的通知(2014年6月27日)"
ORG_VERB_PREFIX = re.compile(rf"^(?P<org>{ORG_NAME}(?:{ORG_NAME}){{0,3}})(?:联合)?印发(?=关于)")  # "省委省政府印发关于…"
LEAD_VERB = re.compile(r"(?:联合|正式|共同)?(?:研究制定|制定)?(?:印发|发布|公布|出台|制定)了?《")
LEAD_JOINT = re.compile(P.alternation(L.JOINT_ISSUE_WORDS))  # "X联合Y制定印发了《…》" (b489 002): X and Y issue it together
LEAD_TIME = re.compile(rf"^(?:{'|'.join(L.LEAD_TIME_WORDS)}|{P.YEAR}\s*年(?:\s*\d{{1,2}}\s*月)?(?:\s*\d{{1,2}}\s*日)?)[，,\s]*")
LEAD_TIME_AFTER = re.compile(rf"(?:{P.alternation(L.LEAD_TIME_WORDS)})\s*$")
LEAD_SPLIT = re.compile(r"[，,。:：！!？?；;“”\"]")
ORG_PARTS = re.compile(r"[、，,\s]+")
QUOTED_FIRST = re.compile(r"^[^《]{0,24}《")
ORG_QUOTED = re.compile(rf"^(?P<org>{ORG_NAME}(?:[、\s]{ORG_NAME}){{0,3}})\s*(?=《.+》$)")
# "2016年 第5号", "二〇二〇年 第4號": a decree numbered within its year
# "第722号", "2020年第3号", "〔2022〕第1号" (b600 002); a legislature's term before it: "〔十一屆〕第六十一號",
# "(十四届)第五十三号", "5届第15号"; a year without 年: "2025第21号" (b403, b352)
_ORDER_N = (rf"(?:(?:{P.YEAR}|[{P.CN_YEAR_DIGITS}]{{4}})\s*年?\s*|[〔\[]\s*{P.YEAR}\s*[〕\]]\s*|"
            rf"[〔\[(（]?\s*[\d{P.CN_DIGITS}]{{1,4}}\s*[届屆]\s*[〕\])）]?\s*)?第\s*[\d{P.CN_DIGITS}]+\s*[号號]")
ORDER_LINE = re.compile(rf"^(?:{L.STATE_NAME})?(?P<org>[{P.HAN}]{{2,30}}?)令\s*(?:[(（]?\s*(?P<n>{_ORDER_N})\s*[)）]?)?$")
ORDER_WRAP = re.compile(r"^[(（][^()（）]{4,40}令[^()（）]{2,20}[)）]$")
ORDER_NUMBER = re.compile(rf"^[(（]?\s*({_ORDER_N})\s*[)）]?$")
# "2009 年 第 3" on the line below "中华人民共和国商务部令" (b700 008): a year's number whose 号 the page lost
ORDER_NUMBER_NO_MARK = re.compile(rf"^((?:{P.YEAR}|[{P.CN_YEAR_DIGITS}]{{4}})\s*年\s*第\s*[\d{P.CN_DIGITS}]{{1,4}})$")
ORDER_NUMBER_TAIL = re.compile(rf"[(（]\s*({_ORDER_N})\s*[)）]\s*$")  # "(No. 3 [2020]) (2020年第3号)": a translation's first (b513 003)
# "江苏省人大常委会公告 (第77号)", "广东省第十三届人民代表大会常务委员会" / "公 告" / "(第62号)": a legislature's announcement
ANNOUNCEMENT_LINE = re.compile(rf"^(?P<org>[{P.HAN}]{{2,40}}?(?:{P.alternation(L.STANDING_COMMITTEE_ENDS)}|{_ORG_END}))公告"
                               rf"(?:[(（]?(?P<n>{_ORDER_N})[)）]?)?等?$")
# "海关总署公告2018年第67号", "财政部 税务总局公告2023年第7号", "公告 2014年 第18號": a ministry's or bureau's
# numbered announcement, as a heading (a title may follow after a space or in brackets) or a metadata value
ANNOUNCEMENT_FORM = re.compile(rf"^(?P<org>(?:[{P.HAN}]{{2,30}}?(?:{_ORG_END}|{P.alternation(L.STANDING_COMMITTEE_ENDS)})"
                               rf"(?:\s+(?=[{P.HAN}]))?){{0,4}})\s*公\s*告\s*[(（]?\s*(?P<n>{_ORDER_N})\s*[)）]?"
                               rf"(?=\s|[(（]关于|$)")  # read folded: 關於 is 关于
ORDER_FORM = re.compile(rf"[{P.HAN}]{{2,30}}令\s*第\s*[\d{P.CN_DIGITS}]+\s*[号號]")
# an organisation's name right before a date, perhaps its seal's note between: a signature (signed_org)
SIGNED_ORG = re.compile(rf"(?:^|(?<=[\s|。]))(?P<org>[{P.HAN}()（）、]{{2,40}}?(?:{P.alternation(L.ORG_LINE_ENDS)}))\s*"
                        rf"(?:[(（][{P.HAN}]{{0,20}}?代?章[)）]|章)?\s*(?P<date>{P.DATE_TEXT}|{P.DATE_CN.pattern})", re.M)
# "总理温家宝", "部长 李小鹏": a leader's signature above a decree's date (b292 001)
LEADER_SIGNATURE = re.compile(rf"^(?:{P.alternation(L.LEADER_TITLES)})\s*[:：]?\s*[{P.HAN}]{{2,4}}$")
HEAD_TITLE = re.compile(r"局长$|部长$|署长$|主任$|主席$")
LOST_BRACKETS = re.compile(rf"^[(（]?\s*([{P.HAN}]{{1,12}})\s*[{P.YEAR_OPEN}]?\s*({P.YEAR})\s*[{P.YEAR_CLOSE}]?\s*(\d{{1,4}})\s*[号號]?\s*[)）]?$")
PASSED = re.compile(rf"(?P<date>{P.DATE_TEXT})\s*(?P<org>[{P.HAN}][{P.HAN} ]{{1,40}}?)"
                    rf"第[{P.CN_DIGITS}\d]+次(?:常务)?会议(?:审议)?通过")
# "北京市第十四届人民代表大会常务委员会第十五次会议于2014年11月28日讨论通过": the date after the session (b320 012)
PASSED_ON = re.compile(rf"(?:^|(?<=[\s(（,，。]))(?P<org>[{P.HAN}]{{2,40}}?)第[{P.CN_DIGITS}\d]+次(?:常务)?会议\s*于\s*"
                       rf"(?P<date>{P.DATE_TEXT})\s*(?:审议|讨论)?通过")
# the decree's number in any of its forms ("令第8号", "令〔2016〕第8号", "令2022年第2号", "令(第307号)": b48 006, b821 001)
PROMULGATED = re.compile(rf"(?P<date>{P.DATE_TEXT}|{P.YEAR}-\d{{1,2}}-\d{{1,2}})\s*(?:以|由)?(?P<org>[{P.HAN}]{{2,30}}?(?:{_ORG_END}))"
                         rf"(?P<order>(?:令|公告)\s*[(（]?\s*{_ORDER_N}\s*[)）]?)?\s*(?:公布|发布)")
PROMULGATION_NOTE = re.compile(rf"(?P<date>{P.DATE_TEXT})[{P.HAN}]{{0,40}}?(?:公布|发布)")
SESSION = re.compile(rf"第[{P.CN_DIGITS}]+[届屆]")
# "…通过 根据2021年9月29日…《关于修改〈…〉的决定》修正 2022年7月28日…会议修订": the versions after adoption
REVISED = re.compile(rf"(?P<date>{P.DATE_TEXT})[^()（）。]{{0,120}}?(?:修订|修正)")
# "根据1997年11月14日…《关于修改〈…条例〉的决定》修改 2025年9月23日…修订" (b89 003): in an adopted regulation's note
# 修改 closes an amendment too (a decree's "…令第206号…第一次修改" keeps the decree's first date: b472 005, b705 006)
AMENDED = re.compile(rf"(?P<date>{P.DATE_TEXT})[^()（）。]{{0,120}}?(?:修订|修正|修改)")
# "…2021年2月15日中华人民共和国国务院令第740号第三次修订": a revision made by a decree of its own, not one made
# "根据2021年2月7日山东省人民政府令第340号修订" (a decree that amends many rules at once: the rule keeps its number)
REVISING_ORDER = re.compile(rf"(?<!根据)(?:{P.DATE_TEXT})\s*(?P<order>(?P<org>[{P.HAN}]{{2,30}}?(?:{_ORG_END}))令\s*[(（]?\s*{_ORDER_N}\s*[)）]?)"
                            rf"\s*(?:第[{P.CN_DIGITS}\d]+次)?(?:修订|修正)")
DIGIT_DATE = re.compile(rf"^[^\w]*({P.YEAR})\s*(\d{{1,2}})\s+(\d{{1,2}})\s*日?[^\w]*$|^[^\w]*({P.YEAR})(\d{{2,4}})\s*日?[^\w]*$")
# "现印发给你们,并就有关事项通知如下:", "印發給你們,請結合以下要求…": a notice issuing a document, with items of its own
CITING_ISSUER = re.compile(rf"^第{P.CN_NUMBER}[条條]|根据|按照|依据|依照")  # an article citing notices (is_notice)
ISSUED_WITH_ITEMS = re.compile(rf"(?:印发|转发)给?你们[^。]*?(?:{P.alternation(L.OWN_ITEMS_PHRASES)})")
# "现将…《…》予以印发,请结合实际贯彻落实。" then "…现将具体实施意见和有关事项通知如下:" (issued_with_own_items)
# (not 下达: a fund or a plan handed down, "现将…下达给我县的…资金…安排给你们", has no text of its own on the page:
# the notice's items are what it says, measures in the gold, b580 004, b717 010, b860 008)
ISSUING_SENTENCE = re.compile(r"现将[^。]{0,80}?(?:印发|转发|分解)|予以(?:印发|转发|分解)|(?:印发|转发)给?你们")
TRANSMITTAL_ONLY = re.compile(r"(?:印发|转发)给?你们[^。]{0,30}?(?:贯彻落实|贯彻执行|遵照执行|认真执行|抓好落实)。?$")
OWN_ITEMS_FOLLOW = re.compile(rf"(?:{P.alternation(L.OWN_ITEMS_PHRASES)})[:：。]?$")
TITLE_TAIL = re.compile(r"(?:[(（][^()（）]{1,16}[)）]\s*)+$")  # "(2024年修订)", "(试行)" after a title
PAREN_DATE = re.compile(r"^[(（]\s*(.+?)\s*[)）]$")
DATED_NUMBER = re.compile(rf"^({P.DATE_TEXT})\s*{P.DOC_NUMBER.pattern}$")  # "2010年1月28日 法发〔2010〕6号"
SIGNED_BY = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}长|主任|书记|主席)\s*[\u4e00-\u9fff]{2,4}\s+")  # "局长 王景川 二〇〇一年…"
MID_NUMBER = re.compile(rf"(?<=[知告见案法则])\s+({P.DOC_NUMBER.pattern})(?=\s)")  # "…的通知 国知战联办〔2018〕24号 2018年…"
INLINE_LOST = re.compile(rf"[(（]\s*([{P.HAN}]{{1,8}}[发發字函办辦])\s*({P.YEAR})(\d{{1,4}})\s*[号號]\s*[)）]")  # "(砚发201120 号)"
PAGE_DATE = re.compile(rf"(?<!\d){P.YEAR}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*\d{{1,2}}(?!\d)|(?<!\d)(\d{{1,2}})\.(\d{{1,2}})\.({P.YEAR})(?!\d)")
PAGE_CHROME = re.compile(P.alternation(L.PAGE_CHROME_LABELS))
DATE_LABEL = re.compile(P.alternation([k for k, v in L.META_LABELS.items() if v in ("published", "signed", "effective", "uploaded")]))
NATIONAL_ADDRESSEES = re.compile(r"(?:各|有关)省(?:、|[(（]|\s)*自治区")
UNIT_LABEL_LINE = re.compile(rf"^\s*(?:{P.alternation(L.PLAIN_LABELS + L.LEAD_LABELS + L.SUPPORT_LABELS)})\s*[:：]")
# a page flattened to one line with spaces for its breaks (flat_head_title)
FLAT_TITLE_MIN_LINE = 300
# "…的若干意见 各地级以上市人民政府,各县(市、区)人民政府:": addressees after a space, on the title's line
FLAT_SALUTATION = re.compile(rf"(?:\s|(?<={P.alternation(L.POLICY_NOUNS)}))各[^\s:：]{{2,80}}[:：]")  # glued after the genre too
FLAT_TITLE_SCAN = 400
TITLE_THEN_PURPOSE = re.compile(rf"^(.{{4,60}}?(?:{P.alternation(L.POLICY_NOUNS)}))(?:为|根据|按照|依据|各[^:：。]{{1,60}}[:：])")
FLAT_TITLE_PIECES = 12
# a title opening the page, its first sentence or addressees run on, or a full stop after it (title_then_purpose)
OPENING_TITLE = re.compile(rf"^([^，,。：:；;]{{4,60}}?(?:{P.alternation(L.POLICY_NOUNS)})(?:{P.PAREN_OPEN}[^()（）]{{1,16}}{P.PAREN_CLOSE})?)"
                           rf"(?:为|根据|按照|依据|各[^。，,]{{2,40}}[:：]|。$)")
OPENING_LINES = 3
SELF_NAMED = re.compile(rf"本(?:{P.alternation(L.POLICY_NOUNS)})|《")  # "制定本办法", "贯彻《…》": a sentence
# "…,特制定2024年“人人持证、技能河南”…建设工作方案。": the purpose sentence names the document (purpose_title)
PURPOSE_TITLE = re.compile(rf"[，,]\s*(?:特|现)?(?:制定|制订)\s*({P.YEAR}\s*年度?[^，,。；;：:《》]{{6,60}}?"
                           rf"(?:{P.alternation(L.POLICY_NOUNS)})(?:{P.PAREN_OPEN}[^()（）]{{1,16}}{P.PAREN_CLOSE})?)\s*。")
# "制定了《…》,现印发给你们", "现将《…》印发给你们", "《…》已经市政府同意": the document a notice issues
TRANSMITTAL_SCAN = 1500
TRANSMITTAL_REACH = 40
QUOTED_DOC = re.compile(r"《([^《》]{4,80})》")
TRANSMIT_BEFORE = re.compile(r"(?:制定|编制|起草|形成)了$|现将[^《。；]{0,20}$")
TRANSMIT_AFTER = re.compile(rf"(?:[(（][^()（）]{{1,30}}[)）])?(?:[和及、]?《[^《》]{{1,80}}》)*[,，]?\s*"
                            rf"(?:(?:已经?|经)[^。；《]{{0,30}}?(?:同意|通过)[,，]\s*(?:现|予以|印发|转发|{P.YEAR}\s*年)|"
                            r"现予?(?:以)?(?:印发|转发|发布|公布)|(?:印发|转发)给你们)")
# an issuer's wrapping on a page (issuer_wrapping_off)
ISSUER_LEAD = re.compile(rf"^(?:来自|来源|公告|发布机构|发文机关|第(?:{P.CN_SMALL_DIGIT}|\d){{1,2}}篇)\s*[:：]\s*|^附\s*《|"
                         rf"^经(?![济贸营信])(?=[{P.HAN}]{{1,30}}?(?:人民代表大会|人民政府|政府|部|委员会|局|厅|署))|"
                         # "八屆陽江市人民政府第…次常務會議": the government without its term (b410 006)
                         rf"^第?{P.CN_NUMBER}届(?=[{P.HAN}]{{2,20}}?人民政府)")  # not 转发: who forwards issues;
# "经河南省人民代表大会常务委员会…通过": who adopted it, without the 经 (b376 009)
ISSUER_TAIL = re.compile(r"(?:发布|印发)$")
# "为贯彻落实国务院办公厅…", "关于落实党中央国务院…": the body a purpose clause cites, never the issuer;
# "重庆市人民政府办公厅贯彻落实国务院办公厅…": the issuer is the one before the verb
CITING_LEAD = re.compile(r"^(?:为|关于)?(?:全面|深入|认真|进一步)?(?:贯彻落实|贯彻|落实)")
CITING_VERB = re.compile(r"(?:贯彻落实|贯彻|落实)")
# "附《…", "1附件…" before a title read off an attachment line (attachment_label_off), "附件:關于印發《…》的通知.pdf"
# (an attachment's file name as the only place the notice's title is given), "附件∶…", "附件1.+…" (b325 011, b329 006)
ATTACHMENT_LABEL = re.compile(r"^(?:\d{1,2}\s*附件\s*\d{0,2}\s*[:：]?|附件\s*\d{0,2}\s*(?:[:：]\s*(?=关于|關於|關于)|∶|[.．]?\s*\+)|"
                              r"附件\s*\d{1,2}\s*(?=[\u4e00-\u9fff《])|"  # "附件1浙江省碳排放权交易管理办法(试行)" (b333 005)
                              r"附\s*(?=《))\s*《?")
# a page's metadata run on after a title ("…的通知发布机构:自然资源部发布日期:2026-02-10", b194 004)
META_AFTER_TITLE = re.compile(r"(?:发布机构|发布日期|发布时间|发文机关|成文日期|信息来源)\s*[:：].*$")
# "…奖励政策:", "政务服务丨", "…指南!" before a title (label_before_title)
TITLE_LABEL_CUT = re.compile(r"\s*[:：丨|｜!！]\s*")
TITLE_LABEL_MAX = 20
# a title that names the nation, or a rule's genre at its end (national_title)
NATION_TITLE = re.compile(r"^(?:\d{4}年)?(?:全国|国家|中华人民共和国|中央|国务院)")
STATUTE_TITLE = re.compile(r"(?:条例|办法|规定|规则|细则|大纲|规范|标准)(?:\s*[(（][^()（）]{1,16}[)）])*$")
# a copied page's label before a document's title, or the signature and date the title followed in print
GLUED_LABEL = re.compile(r"(?:文档介绍|资源描述|内容摘要|文档简介)[:：]?\s*")
GLUED_DATE_REACH = 60
GLUED_LINES = 12
RED_HEADER_TAIL = 60  # tidy_head_line: the issuers and "文件" a red-header file runs on after its number
NOTICE_TITLE_MIN = 4  # title_from_notice: fewer Chinese characters than this are what a site left
SPACED_GENRE_END = re.compile(r"(的[通公])\s+([知告报])$")  # "…的通 告" (spaced_genre_end)
# call_title: the first lines looked at, the length of a call's name, what no name holds, a site's tag before it
CALL_LINES = 8
CALL_TITLE_MIN, CALL_TITLE_MAX = 8, 45
CALL_SENTENCE_MARKS = re.compile(r"[，,。；;：:！!？?、\s]")
CALL_TAG = re.compile(r"^[^|｜]{1,8}[|｜]\s*")
# "…条例 (2014年5月29日四川省第十二届人民代表大会常务委员会第九次会议通过)": the adoption note run on after a title
ADOPTION_TAIL = re.compile(rf"\s*[(（.．、,，]?\s*{P.DATE_TEXT}[^()（）]{{0,80}}?(?:通过|批准|公布|发布|修订|修正)[)）、,，。]?\s*$")
# "…分工的意见-湖南省人民政府门户网站": the site's name after the title (b341 002)
SITE_NAME_TAIL = re.compile(r"\s*[-_|｜—–]\s*[^-_|｜—–]{2,24}?(?:门户网站|政府网站|政府网|网站|网|平台)\s*$")
GLUED_TITLE = re.compile(rf"(.{{4,60}}?(?:{P.alternation(L.POLICY_NOUNS)})(?:[(（][^()（）]{{1,16}}[)）])?)"
                         r"(?:为了?|根据|按照|依据|第一章|第一条|一、|$)")
FIRST_STOP = re.compile(r"[。；;！？!?]")
SOME_DEPARTMENTS = re.compile(r"等(?:\d+个?)?部门$")  # "浙江省商务厅等23部门"
SELF_PRONOUN_ORG = re.compile(rf"[我本][{P.HAN}]{{1,2}}")  # 我局, 本委, 我厅: a body speaking of itself
# a one-line page's salutation: "…现行有效 各省、自治区、直辖市人民政府,新疆生产建设兵团:为贯彻落实…"
NATIONAL_SALUTATION_INLINE = re.compile(r"(?:各|有关)省(?:、|\s)*自治区(?:、|\s)*直辖市[^。:：]{0,60}[:：]")
NATIONAL_ADDRESSEES_FULL = re.compile(r"(?:各|有关)省(?:、|[(（]|\s)*自治区(?:、|[(（]|\s)*直辖市")
DIVISION = re.compile(rf"(?<=局)[{P.HAN}]{{2,10}}[处科]$")                                 # "…市场监督管理局知识产权发展处"
# "中共宿州市委宿州市人民政府", "中共银川市委办公室银川市人民政府办公室"
GLUED_JOINT = re.compile(rf"(?:(?<=委)(?!办公[室厅])|(?<=委办公室)|(?<=委办公厅))"
                         rf"(?=(?:[{P.HAN}]{{2,8}}(?:人民政府|政府)|省政府|市政府|县政府|区政府)(?:办公室|办公厅)?$)")
ISSUER_LIKE = re.compile(rf"(?:{_ORG_END}|中共中央|国务院|总局|常委会)$")
SIGN_OFF = re.compile(rf"特此(?:通知|函告|通告|公告)。?|此复。?|请[^。，,]{{0,12}}(?:{'|'.join(L.TRANSMITTAL_ENDS)})。")
# a notice dividing tasks among units (division_notice): in its title, or in its text with the attachment
DIVISION_TITLE = re.compile(r"(?:任务|工作)[^，,。]{0,6}(?:责任)?(?:分解|分工)|分解落实")
DIVISION_TEXT = re.compile(r"分解[^。]{0,12}(?:详见|见)附件|附件[^。]{0,20}分解")
# a development zone opening an issuer or a title (development_zone): "(重庆市)万盛经开区…", "新乡高新区…"
ZONE_SUBJECT = re.compile(rf"^(?:\d{{4}}年度?)?(?:[{P.HAN}]{{2,4}}?[省市])?(?P<zone>(?:(?![区县级])[{P.HAN}]){{2,8}}?"
                          rf"(?:{P.alternation(L.DEVELOPMENT_ZONE_ENDS)}))(?!(?:改革|建设|创建|发展))")
GLUED_SIGNATURE = re.compile(rf"(?P<org>[{P.HAN}（）()]{{2,40}}?(?:{_ORG_END}))(?P<date>{P.YEAR}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)")
GLUED_SIGNATURE_REACH = 120
INLINE_SIGNATURE = re.compile(rf"(?P<org>[{P.HAN}（）() ]{{2,60}}?(?:{_ORG_END}))\s*(?P<date>(?:{P.YEAR}|[{P.CN_YEAR_DIGITS}]{{4}})\s*年\s*[\d{P.CN_DIGITS}]{{1,3}}\s*月\s*[\d{P.CN_DIGITS}]{{1,3}}\s*日)")
POLICY_END = f"(?:{'|'.join(L.POLICY_NOUNS)})(?:[(（][^()（）]{{1,16}}[)）])?"
PLAIN_NOTICE = re.compile(rf"^(?P<issuer>.{{0,60}}?)关于(?P<rest>.+?{POLICY_END})的?通知$")
AGENCY_PREFIX = re.compile(rf"^[{P.HAN}]{{1,12}}?(?:局|厅|委|办公室)(?:等(?:\d+个?)?部门)?(?=关于|[{P.HAN}]{{1,6}}[市省县区])")
# a 文号 opening a line of a one-line page or before a note: "国知办发协字〔2017〕63号 各省…", "(漯政[2012]84号)文件节选"
# (also after a journal abstract's "<正>" mark and run into the addressees: "<正>鲁政办发[2019]31号各市人民政府,…", b369 002)
ABSTRACT_MARK = re.compile("^<正>?")  # its ">" goes with the spam symbols between two characters
LINE_START_NUMBER = re.compile(rf"^(?:{ABSTRACT_MARK.pattern[1:]})?(?:[(（](?!{'|'.join(L.SENTENCE_OPENERS)}|根据|按照|依据)[{P.HAN}]{{1,10}}\s*[{P.YEAR_OPEN}]\s*{P.YEAR}\s*"
                               rf"[{P.YEAR_CLOSE}]\s*\d{{1,4}}\s*[号號][)）]|(?!{'|'.join(L.SENTENCE_OPENERS)}|根据|按照|依据)"
                               rf"[{P.HAN}]{{1,10}}\s*[{P.YEAR_OPEN}]\s*{P.YEAR}\s*[{P.YEAR_CLOSE}]\s*\d{{1,4}}\s*[号號](?=\s|$|各))")
TRUSTED_SOURCES = 3  # issuer, notice title, title
NO_REGION = {"province": None, "city": None, "district": None, "level": None}


@dataclass
class Header:
    """What the first pass over the lines found."""

    meta: dict[str, str] = field(default_factory=dict)
    meta_lines: set[int] = field(default_factory=set)
    notice_title: str | None = None
    notice_line: int | None = None
    title: str | None = None
    body_start: int = 0
    signer: str | None = None
    signed_date: str | None = None
    expired_mark: bool = False  # the title line carries "（已废止）"
    zone: int = 0  # lines[:zone]: where the header may be
    heads: list = field(default_factory=list)  # HeadLine of each line in the zone
    notice_number: str | None = None  # a 文号 written with the notice title
    lead_issuer: str | None = None  # "X印发《…》" in a news lead or headline
    title_issuer: str | None = None  # an organisation's line right above a "关于…" title
    order: tuple | None = None  # (issuer, 文号) of a decree (令)
    passed: tuple | None = None  # (organisation, "signed"/"published", date) of "…会议通过" / "…公布"
    page_date: str | None = None  # a bare date near the top: the page's publication date
    own_items_end: int = 0  # where a notice's own items end (issued_with_own_items), 0 when it has none
    promulgated: str | None = None  # "…会议通过 2011年7月29日公布": the date the adopted rule was made public


@rule(stage="header", example="'2021年09月03日 18:30' → '2021-09-03'; '二〇二四年七月九日' → '2024-07-09'; '2022年12月' → None")
def parse_date(s: str | None) -> str | None:
    """An ISO date from a written date (digits with 年月日 - / ., or Chinese numerals); None when only
    the month is known or the day is impossible."""
    if not s:
        return None
    m = P.DATE_YMD.search(s.strip())
    if m:
        y, mo, d = map(int, m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = P.DATE_CN.search(s.strip())
    if m:
        y = int("".join(str(parse_cn_number(c) if c not in "○Ｏ" else 0) for c in m.group(1)))
        mo, d = parse_cn_number(m.group(2)), parse_cn_number(m.group(3))
        if y and mo and d and 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


LOST_MARKS_DATE = re.compile(r"^\s*(20[0-3]\d)(\d{2,3})\s*$")


@rule(stage="header", example="'2014530' → '2014-05-30'; '202149' → '2021-04-09'; '2015114' → None (1-14 or 11-4)")
def lost_marks_date(line: str) -> str | None:
    """A signature date whose 年, 月 and 日 a copy lost ("2014530", b626 001; "2016815", b620 004): the one
    month and day its digits can be, else None."""
    m = LOST_MARKS_DATE.match(line)
    if not m:
        return None
    y, rest = int(m.group(1)), m.group(2)
    splits = [(rest[:1], rest[1:])] + ([(rest[:2], rest[2:])] if len(rest) == 3 else [])
    valid = [(int(mo), int(d)) for mo, d in splits if mo[0] != "0" and d[0] != "0" and 1 <= int(mo) <= 12 and 1 <= int(d) <= 31]
    return f"{y:04d}-{valid[0][0]:02d}-{valid[0][1]:02d}" if len(valid) == 1 else None


def _key(label: str) -> str:
    return L.META_LABELS[LABEL_GAP.sub("", label)]


@rule(stage="header", example="'索引号：SY001 发布日期：2024-12-02' → {'index': 'SY001', 'published': '2024-12-02'}; '浏览量:时间:2023-07-02' → {'published': '2023-07-02'}")
def labelled_values(line: str, ctx: ParseContext) -> dict[str, str] | None:
    """Metadata on one line: "标签：值" pairs (several per row; a short label spread over its cell may be
    glued to the value before it: "名   称:…的通知文   号:鄂发改价管〔2025〕1号"), or a colonless table row starting with
    a label ("索引号 SY0000123 主题分类 综合政务", also before pairs with colons: "文  号 洪政办〔2025〕1号
    信息分类: 综合政务"), or a row of long labels glued to their values ("发文单位大冶市人民政府办公室
    发文字号大冶政规〔2023〕4号"). None: no metadata (a label in the middle of a sentence is none)."""
    if TABLE_ROW.match(line):  # "| 索引號 | … | 發布機構 | 龍陵縣教育體育局 |" (b494 010): the row's cells
        line = TABLE_ROW.match(line).group(1)
    if m := BRACKETED_NOTE.fullmatch(line.strip()):  # "(原标题:…的通告)" (b776 002): a news site's note
        line = m.group(1)
    f = ctx.fold_same(line)
    hits = list(LABEL_COLON.finditer(f))
    glued = [g for g in LABEL_GLUED.finditer(f) if not any(h.start() <= g.start() < h.end() or
                                                            g.start() <= h.start() < g.end() for h in hits)]
    glued += [g for g in LABEL_SPREAD.finditer(f) if not any(h.start() <= g.start() < h.end() or
                                                              g.start() <= h.start() < g.end() for h in hits + glued)]
    if hits and glued:
        hits = sorted(hits + glued, key=lambda h: h.start())
    found: dict[str, str] = {}
    lead = LABEL_SPACED.match(f)
    if hits and lead and lead.end() <= hits[0].start():
        hits = [lead] + hits  # "文      号 洪政办〔2025〕1号 信息分类: 综合政务": a colonless label opens the row
    if not hits:
        cells = list(LABEL_SPACED.finditer(f))
        if cells and cells[0].start() == 0 and (len(cells) >= 2 or len(f) <= 60):
            hits, plain = cells, True
        elif len(runs := list(LABEL_RUN.finditer(f))) >= 2 and not f[:runs[0].start()].strip():
            hits, plain = runs, True  # "發文單位大冶市人民政府辦公室 發文字號大冶政規〔2023〕4號": labels glued to values
        else:
            return None
    else:
        plain = False
        if hits[0].start() > 0 and not CELL_EDGE.match(f[:hits[0].start()]) and len(hits) < 2 \
                and not (_key(hits[0].group("label")) in DATE_KEYS and YEAR_NEXT.match(f[hits[0].end():])):
            return None  # a label inside a sentence (a date label before a year still counts)
    for j, h in enumerate(hits):
        if not plain and h.group("label") in ("时间", "日期") and not YEAR_NEXT.match(f[h.end():]):
            continue
        end = hits[j + 1].start() if j + 1 < len(hits) else len(line)
        value = line[h.end():end].strip(" \t|｜丨")
        if value:
            found.setdefault(_key(h.group("label")), value)
    return found


@rule(stage="header", example="'发文机关阜阳市人民政府' → {'issuer': '阜阳市人民政府'}; "
                               "'發文機構武漢市人民政府辦公廳發文字號武政辦〔2020〕1號' → {'issuer': '武漢市人民政府辦公廳', "
                               "'doc_number': '武政辦〔2020〕1號'}; '发文单位要加强领导' → {'issuer': '要加强领导'}")
def glued_label_line(line: str, ctx: ParseContext) -> dict[str, str] | None:
    """One line of a law database's box that writes a long label glued to its value, one label to a line
    ("发文机关阜阳市人民政府" / "发文日期2023年08月18日" / "发文字号阜政办〔2023〕11号", b877 001): its values, each
    running to the next long label glued after it ("發文機構武漢市人民政府辦公廳發文字號…", b183 009). None: the
    line does not open with a glued long label. A sentence can open so too, so parse_meta reads a line only
    beside another such line (glued_label_box)."""
    f = ctx.fold_same(line.strip())
    if not LABEL_RUN.match(f):
        return None
    hits = list(LABEL_RUN_INSIDE.finditer(f))
    found: dict[str, str] = {}
    for j, h in enumerate(hits):
        end = hits[j + 1].start() if j + 1 < len(hits) else len(f)
        value = line.strip()[h.end():end].strip(" \t|｜丨")
        if value:
            found.setdefault(_key(h.group("label")), value)
    return found


def glued_label_box(lines: list[str], i: int, ctx: ParseContext) -> dict[str, str] | None:
    """glued_label_line's values for line ``i`` when a line one or two before or after it opens with a
    glued label too (a box of such lines, a short label's line between: "时效性现行有效"); else None."""
    found = glued_label_line(lines[i], ctx)
    if found is None:
        return None
    near = [lines[j] for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(lines)]
    return found if any(glued_label_line(n, ctx) is not None for n in near) else None


FLAT_META_SPAN = 300  # flat_label_run: where in a page flattened to one line its box of labels may stand
FLAT_LABELS_MIN = 3    # … and how many labels make a box (glued to what stands before them)
FLAT_LABEL = re.compile(rf"(?P<label>{_LABELS})\s*[:：]\s*")


@rule(stage="header", example="'…规定Provisions…制定机关:国家知识产权局发文字号:国家知识产权局令第79号公布日期:2023.12.29施行日期:2024.02…' "
                               "(one line of 1,400 characters) → {'issuer': '国家知识产权局', 'doc_number': '国家知识产权局令第79号', "
                               "'published': '2023.12.29'}")
def flat_label_run(line: str, ctx: ParseContext) -> dict[str, str]:
    """A law database's box of labels run into a page flattened to one long line (b86 012, b816 009: "制定机关:…
    发文字号:…公布日期:…施行日期:…" then the articles): the labelled values near its head, each running to the
    next label; the last label's value runs on into the text, so it is left out. The line stays body text."""
    head = line[:FLAT_META_SPAN]
    hits = list(FLAT_LABEL.finditer(ctx.fold_same(head)))
    if len(hits) < FLAT_LABELS_MIN:
        return {}
    found: dict[str, str] = {}
    for h, nxt in zip(hits, hits[1:]):
        value = head[h.end():nxt.start()].strip(" \t|｜丨")
        if value:
            found.setdefault(_key(h.group("label")), value)
    return found


def parse_meta(lines: list[str], limit: int, ctx: ParseContext) -> tuple[dict[str, str], set[int]]:
    """Labelled metadata values in the first ``limit`` lines (and the last 15); a label alone on its
    line takes the next line as its value; a flattened page's run of labels (flat_label_run)."""
    meta: dict[str, str] = {}
    used: set[int] = set()
    for i in list(range(min(limit, len(lines)))) + list(range(max(limit, len(lines) - 15), len(lines))):
        line = lines[i]
        if len(line) > FLAT_META_SPAN:
            for key, value in flat_label_run(line, ctx).items():
                meta.setdefault(key, value)
            continue
        line = _unbracket_labels(line, ctx)
        alone = LABEL_ALONE.match(ctx.fold_same(line))
        nxt = _unbracket_labels(lines[i + 1], ctx) if i + 1 < len(lines) else ""
        if alone and nxt and not LABEL_ALONE.match(ctx.fold_same(nxt)) and not labelled_values(nxt, ctx) \
                and (_key(alone.group("label")) not in DATE_VALUED or YEAR_NEXT.match(nxt)) \
                and not title_below_label(_key(alone.group("label")), nxt, ctx):
            meta.setdefault(_key(alone.group("label")), lines[i + 1].strip())
            used.update((i, i + 1))
            continue
        found = labelled_values(line, ctx)
        if found is None:
            found = glued_label_box(lines, i, ctx)
        if found is not None:
            for key, value in found.items():
                meta.setdefault(key, value)
            tail = DATE_TAIL.search(ctx.fold_same(line))
            if not (tail and tail.start() >= 8):  # "…工作的通知 时间:2020-05-11" stays a title line too
                used.add(i)
    return meta, used


@rule(stage="header", example="('status', '深圳市深汕特别合作区知识产权促进产业创新发展专项资金管理办法') → True; "
                               "('issuer', '深圳市市场监督管理局') → False; ('title', '某某管理办法') → False")
def title_below_label(key: str, nxt: str, ctx: ParseContext) -> bool:
    """The line after an empty label (a site's box "分类:" / "文件状态:" with no value) that reads as the
    document's own title, ending with its genre ("…专项资金管理办法", b07 009), is no value of a label that
    holds no title: the box ended and the title follows."""
    return key != "title" and title_like(nxt, ctx) and genre_at_end(nxt, ctx)


def _unbracket_labels(line: str, ctx: ParseContext) -> str:
    """"6. [发文字号] 渝北府办发〔2023〕51号" → "发文字号：渝北府办发〔2023〕51号", "•【字号】…" → "文号：…" (Traditional
    labels too; values as written)."""
    if "[" not in line and "【" not in line:
        return line
    line = LIST_PREFIX.sub("", line)
    f = ctx.fold_same(line)
    out, last = [], 0
    for m in LABEL_BRACKETED.finditer(f):
        label = LABEL_GAP.sub("", m.group("label"))
        out += [line[last:m.start()], L.BRACKET_ONLY_LABELS.get(label, label), "："]
        last = m.end()
    return "".join(out) + line[last:]


PUBLIC_MARK = re.compile(r"^.{0,40}?[(（]\s*此件(?:公开发布|不公开|主动公开)\s*[)）]\s*")  # a signature run on before the title
# "⑴ 大連市…辦法": an enclosed number a list left; "、常州市规划局…规定", ". 惠州市临时建设管理规定" (b809 009, 012): a list's
# mark or a stop left before the title
# (also a law site's list mark: "Ⅰ 昆明市爱国卫生工作条例", "『壹』 大理白族自治州鄉村清潔條例", b846 003, 011)
STRAY_START = re.compile(rf"^(?:[\u2460-\u249b]|[、.．:：]+|[\u2160-\u2169]\s|『[壹贰貳叁參肆伍陆陸柒捌玖拾]』)\s*(?=[{P.HAN}])")
STRAY_END = re.compile(rf"(?<=[{P.HAN})）])\s*[.?？]$")  # "…管理办法." (a scan's stop), "…条例?" (mojibake)


@rule(stage="header", example="'江蘇省人民政府 2023年1月19日 (此件公開發布) 關于…的若干政策' → '關于…的若干政策'; "
                               "'玉林市城区古树名木保护管理办法.' → '玉林市城区古树名木保护管理办法'")
def title_stray_marks(s: str, ctx: ParseContext) -> str:
    """A title without a signature a one-line page ran on before it (the issuer, the date, "(此件公开发布)",
    b318 003), without the site's name after it ("…的意见-湖南省人民政府门户网站", b341 002), without the
    adoption note run on after it ("…条例 (2014年5月29日…会议通过)", b352 003, 007), without an enclosed
    number a list left before it ("⑴ 大連市…辦法", b445 009), and without a half-width stop or a question
    mark at its end (b321 001, b324 010)."""
    m = PUBLIC_MARK.match(ctx.fold_same(s))
    if m and len(s) - m.end() >= 6:
        s = s[m.end():]
    m = SITE_NAME_TAIL.search(ctx.fold_same(s))
    if m and m.start() >= 6 and genre_at_end(s[:m.start()], ctx):
        s = s[:m.start()]
    m = ADOPTION_TAIL.search(ctx.fold_same(s))
    if m and m.start() >= 5 and genre_at_end(s[:m.start()], ctx):
        s = s[:m.start()]  # b352 003, 007: the note is read for the issuer and date elsewhere
    return STRAY_END.sub("", STRAY_START.sub("", s))


@rule(stage="header", example="'《沈阳市…方案（征求意见稿）》（已废止）' → '沈阳市…方案'")
def clean_title(s: str, ctx: ParseContext) -> str:
    """A title without the 《》 around it (《A》重点任务 keeps its own), a status mark (（已废止）), a draft
    mark (（征求意见稿）), a site's place tag that the title repeats ("(荆门市)荆门市…") or the page's
    metadata run on after it ("…的通知发布机构:…")."""
    s = without_edition_tail(s.strip(), ctx)
    s = _unwrap(s)
    m = STATUS_MARK.search(ctx.fold_same(s))
    if m:
        s = s[:m.start()]
    s = _cut_folded(DRAFT_MARK, _cut_folded(DRAFT_MARK_END, s, ctx), ctx)  # （徵求意見稿） too
    s = EDITION_MARK.sub("", s)
    s = _cut_folded(CHAPTER_TAIL, s, ctx) if len(s) > 8 else s  # "…管理辦法第壹章" (通則 on the next line)
    s = echoed_place_tag(s, ctx)  # "(荆门市)荆门市…规划": a site's place tag that the title repeats
    s = _cut_folded(META_AFTER_TITLE, s, ctx) if len(s) > 12 else s  # "…的通知发布机构:自然资源部发布日期:…"
    s = restarted_title(site_tags(label_before_title(attachment_label_off(title_stray_marks(s.strip(), ctx), ctx), ctx), ctx))
    return law_edition_off(spaced_prefix_off(stray_digit_lead_off(lost_period_dash(signature_prefix_off(issuing_prefix_off(
        title_tail_off(_unwrap(doc_number_lead_off(news_date_off(s, ctx), ctx)), ctx), ctx), ctx)), ctx), ctx), ctx)


# what a site writes after a law's name: its edition, a part, a serial number, 全文, the article on the page
# ("(2009年修订)", "(第二章 农产品质量安全标准)", "(8)", " 第三章 数据安全制度", "(最新修正版)全文", " 第四十二条")
LAW_NAME_TAIL = re.compile(rf"(?:\s*(?:[(（][^()（）]{{1,24}}[)）]|全文|第[{P.CN_DIGITS}]{{1,5}}条))+$|\s+第[{P.CN_DIGITS}]{{1,3}}章.*$")


@rule(stage="header", example="'中华人民共和国统计法(2009年修订)' → '中华人民共和国统计法'; '中华人民共和国数据安全法 第三章 数据安全制度' → "
                               "'中华人民共和国数据安全法'; '电子商务法(草案三次审议稿)' → unchanged; '某某办法(2024年修订)' → unchanged")
def law_edition_off(s: str, ctx: ParseContext) -> str:
    """A law's name with what a site wrote after it (its edition, the chapter on the page, a serial number): the
    law's name alone, as a law is cited (law_title); a draft keeps its mark, and so does any other genre's title."""
    m = LAW_NAME_TAIL.search(s)
    if not m or m.start() == 0 or any(w in ctx.fold(m.group(0)) for w in L.DRAFT_MARKS):
        return s
    return s[:m.start()] if law_title(ctx.fold(s[:m.start()]), ctx) else s


SPACED_PREFIX_MAX = 14  # a site's tag or a spam word before the title, then a space: at most this long
PLACE_END = re.compile(rf"(?:{P.alternation(L.PLACE_NAME_ENDS)})$")
PREFIX_KEEPS = re.compile(rf"^{P.YEAR}|关于|(?:{P.alternation(L.TITLE_PREFIX_ENDS + L.CENTRAL_BODIES)})$|^[{L.PLACEHOLDER_CHARS}]+$")
PAIRED_MARKS = ("“”", "《》", "()", "（）", "〈〉")


@rule(stage="header", example="'金沙娱乐城 三水区民宿管理暂行办法' → '三水区民宿管理暂行办法'; '政策解读 铜川市人民政府关于…的实施意见' → "
                               "'铜川市人民政府关于…的实施意见'; '成都市促进卫星互联网 与卫星应用产业发展专项政策' → unchanged")
def spaced_prefix_off(s: str, ctx: ParseContext) -> str:
    """A title a page opened with its own word and a space: a betting site's name ("金沙娱乐城 …", b883 008),
    a site's category ("政策解读 …", b887 009), a law site's name ("EHS中国 法规首页 …", b352 010). The title
    without it, when what follows is a whole title of its own (complete_title) and the word is no body
    (ORG_LINE, "中共中央 国务院关于…"), no place ("上海市 …"), no year, no placeholder ("XX 市…") and no start of
    the title ("关于 …", "硚口区体育局关于2022年 硚口区…")."""
    for m in P.WHITESPACE.finditer(s[:SPACED_PREFIX_MAX + 1]):
        prefix, rest = s[:m.start()].strip(), s[m.end():].strip()
        if len(prefix) < 2 or len(rest) < 6 or P.WHITESPACE.search(rest):
            continue
        f = ctx.fold_same(prefix)
        if P.ORG_LINE.match(f) or PLACE_END.search(f) or PREFIX_KEEPS.search(f):
            return s
        if complete_title(rest, ctx):
            return rest
    return s


@rule(stage="header", example="'三水区民宿管理暂行办法' → True; '与卫星应用产业发展专项政策' → False; "
                               "'国务院办公厅关于…的意见》重点任务分解方案' → False")
def complete_title(s: str, ctx: ParseContext) -> bool:
    """A title that stands on its own: it reads as one (title_like, its genre at the end), its quotes and
    brackets pair up, and it opens as a title does: with a place the gazetteer knows ("三水区…"), or as a
    notice or decision does ("关于…", "X关于…")."""
    f = ctx.fold_same(s)
    if not (title_like(s, ctx) and genre_at_end(s, ctx)) or any(f.count(a) != f.count(b) for a, b in PAIRED_MARKS):
        return False
    gaz = ctx.knowledge.gazetteer if ctx.knowledge else None
    placed = bool(gaz) and any(p == 0 for p, _, _ in gaz.find(ctx.fold(s)))
    return placed or f.startswith("关于") or bool(ISSUER_IN_TITLE.match(f))


# "6縣城供熱管理制度", "7預防接種管理條例意見": a sharing site's list number glued to the title (not "2020年…", "3个…")
STRAY_DIGIT_LEAD = re.compile(rf"^\d(?=[{P.HAN}])(?!{P.alternation(L.NUMBER_WORDS_AFTER)})")


@rule(stage="header", example="'6縣城供熱管理制度' → '縣城供熱管理制度'; '3年行动计划' → unchanged; '5G发展行动计划' → unchanged")
def stray_digit_lead_off(s: str, ctx: ParseContext) -> str:
    """A sharing site's list number glued before a title ("6縣城供熱管理制度", b468 010; "7預防接種管理條例意見", b515):
    the title without it, when a genre ends what is left and the digit counts nothing (年, 个, 项 … after it)."""
    m = STRAY_DIGIT_LEAD.match(ctx.fold_same(s))
    return s[1:] if m and len(s) > 7 and genre_at_end(s[1:], ctx) else s


NEWS_DATE_LEAD = re.compile(rf"^\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*(?=[{P.HAN}])")


@rule(stage="header", example="'3月21日永登县公安局关于对县城部分道路实施临时交通管制的通告' → '永登县公安局关于对…的通告'; "
                               "'1月1日起施行的办法' → unchanged")
def news_date_off(s: str, ctx: ParseContext) -> str:
    """A headline that a news site dated with the day before it ("3月21日永登县公安局关于…的通告", b540 001): the
    title without the day, when what is left is a notice or ends with its genre."""
    m = NEWS_DATE_LEAD.match(s)
    rest = s[m.end():] if m else ""
    return rest if m and len(rest) >= 6 and (is_notice(ctx.fold_same(rest)) or genre_at_end(rest, ctx)) else s


DOC_NUMBER_LEAD = re.compile(rf"^\s*{P.DOC_NUMBER.pattern}\s*[:：]\s*")
# before a notice's title, a space or nothing after the 文号 will do ("穗府办规〔2024〕12号广州市人民政府办公厅关于…")
NOTICE_NUMBER_LEAD = re.compile(rf"^\s*{P.DOC_NUMBER.pattern}\s*(?:[:：]\s*|(?=[{P.HAN}]))")
NUMBER_BEFORE_NOTICE = re.compile(rf"^\s*{P.DOC_NUMBER.pattern}\s+(?=[{P.HAN}])")  # "济任政发﹝2023﹞4号 济宁市…的通知"


@rule(stage="header", example="'鹿政規〔2024〕3號:鹿寨縣人民政府關于印發…的通知' → '鹿寨縣人民政府關于印發…的通知'; "
                               "'关于印发某办法的通知' → unchanged")
def doc_number_lead_off(s: str, ctx: ParseContext, lead: "re.Pattern[str]" = DOC_NUMBER_LEAD) -> str:
    """A title a page's heading opened with its 文号 and a colon ("鹿政規〔2024〕3號:…的通知", b411 012), or a
    notice's title (``lead`` NOTICE_NUMBER_LEAD) with a space or nothing between ("穗府办规〔2024〕12号广州市人民政府
    办公厅关于…", b189 002): the title without it (the 文号 is a field of its own)."""
    m = lead.match(ctx.fold_same(s))
    return s[m.end():] if m and len(s) - m.end() >= 6 else s


@rule(stage="header", example="'福州市长乐区人民政府办公室2023年4月24日福州市长乐区会展业促进管理办法' → "
                               "'福州市长乐区会展业促进管理办法'; '2023年工作要点' → unchanged")
def signature_prefix_off(s: str, ctx: ParseContext) -> str:
    """A title whose line also holds the signature and date it followed in print, the page flattened
    ("X人民政府2023年6月15日Y办法", b102 008, b286 001): Y, when it reads as a title (as glued_title
    reads such a line when the title runs on into the body)."""
    start = after_signature(ctx.fold_same(s))
    rest = s[start:].strip() if start else ""
    return rest if len(rest) >= 6 and genre_at_end(rest, ctx) else s


def after_signature(f: str) -> int | None:
    """Where what follows a signature and its date begins on a line that opens with them ("福州市…办公室
    2023年4月24日…", "…2024年5月27日(此件公开发布)…"; ``f`` folded), or None: shared by glued_title and
    signature_prefix_off."""
    d = re.search(P.DATE_TEXT, f[:GLUED_DATE_REACH])
    if not d or not f[:d.start()].strip() or not P.ORG_LINE.match(f[:d.start()].strip()):
        return None
    mark = PUBLIC_MARK.match(f, d.end())  # "2024年5月27日(此件公开发布)"
    return mark.end() if mark else d.end()


# "临汾市政府印发临汾市…行动计划", "…办公室关于印发专利开放许可试点工作方案": a news headline's issuer and verb
# before the document's own name (never a notice's title: that ends in 通知)
ISSUING_PREFIX = re.compile(rf"^[^《》]{{0,40}}?(?:关于|關於|關于)?(?:印发|印發)《?(?P<rest>.{{6,120}}?"
                            rf"(?:{P.alternation(L.POLICY_NOUNS)})(?:{P.PAREN_OPEN}[^()（）]{{1,16}}{P.PAREN_CLOSE})?)》?$")


@rule(stage="header", example="'贵州省人民政府办公厅印发贵州省深入开展消费扶贫…的实施意见' → '贵州省深入开展消费扶贫…的实施意见'; "
                               "'关于印发外国人来华工作许可服务指南(试行)' → '外国人来华工作许可服务指南(试行)'; "
                               "'关于印发某方案的通知' → unchanged")
def issuing_prefix_off(s: str, ctx: ParseContext) -> str:
    """A title read off a headline that names who issued it and the verb ("X印发Y", "关于印发Y" with the
    notice's end lost): the document's own name Y, when Y ends as a policy does (no gold title keeps
    "X印发Y": b382 010, b377 013, b124, b250, b46 009)."""
    m = ISSUING_PREFIX.match(ctx.fold_same(s))
    return s[m.start("rest"):m.end("rest")] if m else s


LOST_PERIOD_DASH = re.compile(r"([(（])((?:19|20)\d\d)((?:19|20)\d\d年?[)）])")


@rule(stage="header", example="'数字农业农村发展规划(20192025年)' → '数字农业农村发展规划(2019—2025年)'; '(2019年)' → unchanged")
def lost_period_dash(s: str) -> str:
    """A plan period whose dash a copy lost ("(20192025年)", b383 003, b392 008, b358 004): the dash back."""
    return LOST_PERIOD_DASH.sub(r"\1\2—\3", s) if "(" in s or "（" in s else s


TITLE_PAIR_CUT = re.compile(r"》\s*(?=[和及与、]?\s*《|的(?:通知|政策解读|解读))")  # "A》和《B", "A》《B", "A》的通知"; not "A条例》实施办法", "…落实A条例》的实施意见"
TITLE_PART_TAIL = re.compile(rf"\s*{P.PAREN_OPEN}\s*(?:[一二三四五六七八九十上下]{{1,2}}|\d{{1,2}})\s*{P.PAREN_CLOSE}\s*$")  # "…方案(一)", "( 三 )", "…規定(2)"
# what share_decorations leaves when the page put a word count or a stray digit after the genre ("…办法4300字")
# "扬州市港口管理办法、": a list's mark after the title; "…的通知-" (b822 004): a dash a site's name left
TITLE_MARK_TAIL = re.compile(r"[、，,；;\-－]+\s*$")
# "陕西省城市地下管线管理条例全文(6)", "上海市供用电条例全文最新版(2)" (b800, b825): a law site's "full text" and page
TITLE_FULL_TEXT_TAIL = re.compile(rf"\s*全文(?:最新版)?\s*(?:{P.PAREN_OPEN}\s*\d{{1,2}}\s*{P.PAREN_CLOSE})?\s*$")
TITLE_SEO_TAIL = re.compile(r"\s*(?:\d{3,5}字|\d)\s*$")
TITLE_CHAPTER_TAIL = re.compile(rf"\s*的?\s*(?:第[{P.CN_DIGITS}]{{1,3}}章)?\s*总\s*则\s*$")  # "…条例的第一章总则" (b319 001)
# "…管理办法-预览页", "…的意见-天心经济开发区", "…选聘细则-细则": a sharing site's or a section's name after a dash
TITLE_SITE_TAIL = re.compile(rf"\s*[-_－]\s*[{P.HAN}]{{1,12}}$")
# "…核减标准一、租赁补贴发放标准", "…监测实施方案2020 年六月目录一、环境空气质量监测": the first heading run on
TITLE_HEADING_TAIL = re.compile(rf"\s*(?:{P.YEAR}\s*年\s*[{P.CN_DIGITS}\d]{{1,2}}\s*月)?\s*(?:目\s*录)?\s*一\s*[、.．][^。]*$")
TITLE_ARTICLE_TAIL = re.compile(rf"\s+第[{P.CN_DIGITS}]{{1,4}}[条條]$")  # "…保护条例 第十六条": a law database's one article (b436 002)
# "…条例(2009修订)", "…办法(2012修正)": a law database's edition note after a statute's title (law_edition_tail)
LAW_EDITION_TAIL = re.compile(rf"\s*[(（]\s*{P.YEAR}\s*年?\s*(?P<kind>{P.REVISION})\s*[)）]$")


@rule(stage="header", example="'海南省鄉村民宿管理辦法》和《海南省促進鄉村民宿發展實施方案' → '海南省鄉村民宿管理辦法'; "
                               "'海南省居住证实施办法(试行)( 三 )' → '海南省居住证实施办法(试行)'; "
                               "'县知识产权领域信用分级分类管理办法4300字' → '县知识产权领域信用分级分类管理办法'; "
                               "'社区垃圾分类的实施方案1' → '社区垃圾分类的实施方案'")
def title_tail_off(s: str, ctx: ParseContext) -> str:
    """A title without what follows it on a copied page: the rest of a 《A》和《B》 pair whose outer marks were
    lost (the first is the title, b278 007, b113 001, b248, b83 013), a part number ("(一)", "( 三 )", "(下)", "(2)":
    one page of a longer copy, b277 012, b112, b57, b199, b18), and a word count or a stray digit ("4300字",
    "…方案1"), the chapter shown ("…条例的第一章总则", "…法总则", b319) or the one article a law database
    shows ("…保护条例 第十六条", b436 002) or a list's mark left after it ("…港口管理办法、", b282 004), a site's or
    section's name after a dash ("…的意见-天心经济开发区", "…管理办法-预览页", b661 001, b256 009) or the first
    heading run on ("…核减标准一、租赁补贴发放标准", b659 004) when a genre ends what is left.
    The copying sites' words (最新, 范文, 【4篇】) are share_decorations', which runs before."""
    cut = TITLE_PAIR_CUT.search(s)
    if cut and "《" not in s[:cut.start()] and cut.start() >= 6:
        s = s[:cut.start()]
    for tail in (TITLE_FULL_TEXT_TAIL, TITLE_PART_TAIL, TITLE_SEO_TAIL, TITLE_CHAPTER_TAIL, TITLE_ARTICLE_TAIL, TITLE_MARK_TAIL, TITLE_SITE_TAIL,
                 TITLE_HEADING_TAIL):
        m = tail.search(s)
        if m and m.start() >= 5 and (genre_at_end(s[:m.start()], ctx) or
                                     tail is TITLE_CHAPTER_TAIL and ctx.fold(s[:m.start()]).endswith("法")):
            s = s[:m.start()]
    return law_edition_tail(s.strip(), ctx)


@rule(stage="header", example="'四川省中医药条例(2009修订)' → '四川省中医药条例'; '淄博市计量监督管理办法(2012修正)' → '淄博市计量监督管理办法'; "
                               "'余姚市人民政府质量奖管理办法(2025年修订)' → unchanged")
def law_edition_tail(s: str, ctx: ParseContext) -> str:
    """A law database's edition note after a statute's title: "(2009修订)" after a 条例 or 规定 or a
    实施《…》办法 (a local law), "(2012修正)", "(2011修改)" after any (amended by a decision: b133 010, b163 002,
    b218 006, b472 005 …). The revised edition an agency itself names ("…管理办法(2025年修订)", "…应急预案
    (2019年修订)", b38 007, b155 012) is its title."""
    m = LAW_EDITION_TAIL.search(s)
    if not m or m.start() < 4:
        return s
    head = ctx.fold(s[:m.start()])
    if ctx.fold(m.group("kind")) in ("修正", "修改") and genre_at_end(s[:m.start()], ctx) \
            or head.endswith(("条例", "规定")) or "实施《" in head and head.endswith("办法"):
        return s[:m.start()].rstrip()
    return s


TITLE_LABEL_REST_MIN = 6  # "首问责任制度" after "…十项机制第一项:" (b242 013) is part of the title, not all of it

@rule(stage="header", example="'济南市高新区高新技术企业奖励政策:济南高新区…若干政策实施细则(试行)' → '济南高新区…实施细则(试行)'; "
                               "'政务服务丨济宁市人民政府关于…的实施意见' → '济宁市人民政府关于…的实施意见'; "
                               "'贾家坪镇信访工作十项机制第一项:首问责任制度' → unchanged")
def label_before_title(s: str, ctx: ParseContext) -> str:
    """A site's label before a title, cut off by a colon, 丨, | or ! ("…奖励政策:", "政务服务丨",
    "知产类奖励申报指南!"): the title is what follows when that ends with its genre and is longer than
    the label if the label ends with one too (a title may go on after a colon: "…十项机制第一项:首问
    责任制度"); 附件: is an attachment's label, read elsewhere."""
    m = TITLE_LABEL_CUT.search(s)
    if not m or m.start() > TITLE_LABEL_MAX:
        return s
    label, rest = s[:m.start()].strip(), s[m.end():].strip()
    if len(rest) <= TITLE_LABEL_REST_MIN or not genre_at_end(rest, ctx) or TITLE_LABEL_CUT.search(rest) or label.startswith("附") \
            or genre_at_end(label, ctx) and len(rest) <= len(label):
        return s
    return rest


@rule(stage="header", example="'附《湖北省公安厅关于涉黑涉恶线索有奖举报的指导意见' → '湖北省公安厅关于…指导意见'; "
                               "'1附件河北省科技创新券实施细则试行' → '河北省科技创新券实施细则试行'; '附件管理办法' → '附件管理办法'")
def attachment_label_off(s: str, ctx: ParseContext) -> str:
    """A title read off an attachment's line as a copied page runs it together keeps no "附《" or "1附件"
    (a sharing site's page number, then the label) before it; a title about attachments keeps its word."""
    m = ATTACHMENT_LABEL.match(ctx.fold_same(s))
    return s[m.end():] if m and len(s) - m.end() >= 6 else s


@rule(stage="header", example="'国务院办公厅关于发展银发经济 国务院办公厅关于发展银发经济 增进老年人福祉的意见' → "
                               "'国务院办公厅关于发展银发经济 增进老年人福祉的意见'; '大連市專利導航補助暫行辦法大連市專利導航補助暫行辦法' → "
                               "'大連市專利導航補助暫行辦法'; '关于加强 知识产权保护的意见' → unchanged")
def restarted_title(s: str) -> str:
    """A title line that a page starts, breaks off and starts again (the first, cut copy before a space):
    the whole copy after it. A title written twice in a row (a sharing site's flattened preview, b590 001):
    one copy."""
    head, sep, rest = s.partition(" ")
    if sep and len(head) >= 6 and rest.strip().startswith(head):
        return rest.strip()
    half = len(s) // 2
    if len(s) % 2 == 0 and half >= 6 and s[:half] == s[half:]:
        return s[:half]
    return s


@rule(stage="header", example="'(湖北省)武汉市2023年…方案' → '武汉市2023年…方案'; '(電子商務研究中心訊) 余姚市…意見' → '余姚市…意見'; "
                               "'天津市住房公積金管理條例(doc 13頁)' → '天津市住房公積金管理條例'; '文化部《网络游戏管理暂行办法》全文' → "
                               "'网络游戏管理暂行办法'")
def site_tags(s: str, ctx: ParseContext) -> str:
    """A title without what a site put around it (b188 005, b189 005, b192 003, b197 007, b191 008): a
    province's tag before a city's title, a news agency's tag ("(…讯)"), a document-sharing site's note
    of the file after it ("(doc 13页)", "(完整版)"), and an issuer's name with 全文 around a title in 《》
    ("文化部《…》全文": the title in 《》)."""
    f = ctx.fold_same(s)
    m = LEAD_SITE_TAG.match(f)
    if m and len(s) - m.end() >= 6:
        s, f = s[m.end():], f[m.end():]
    m = TRAIL_SITE_TAG.search(f)
    if m and m.start() >= 6:
        s, f = s[:m.start()].rstrip(), f[:m.start()].rstrip()
    m = ISSUER_FULL_TEXT.match(f)
    return share_decorations(s[m.start(1):m.end(1)] if m else s, ctx)


@rule(stage="header", example="'(实用)农村生活垃圾分类最新实施方案' → '农村生活垃圾分类实施方案'; '乡镇清明期间森林防火实施方案三篇' → "
                               "'乡镇清明期间森林防火实施方案'; '城鎮老舊小區改造實施方案範文(精選5篇)' → '城鎮老舊小區改造實施方案'")
def share_decorations(s: str, ctx: ParseContext) -> str:
    """A title without what a document-sharing or template site wrapped it in (b213 003, 005; b176, b156,
    b48): a sales tag before it ("(实用)", "精选优质文档-倾情为你奉上", "最新版"), a count of versions or
    pages after it ("三篇", "范文(精选5篇)", "(共10页)"), "全文", and 最新 just before the genre word. What
    is left must still be a title of six characters or more."""
    for _ in range(2):  # "(实用)…最新版": a tag inside another
        f = ctx.fold_same(s)
        m = LEAD_DECORATION.match(f)
        if m and len(s) - m.end() >= 6:
            s = s[m.end():]
            continue
        m = TRAIL_DECORATION.search(f)
        if m and m.start() >= 6:
            s = s[:m.start()].rstrip()
            continue
        break
    f = ctx.fold_same(s)
    for m in reversed(list(NEWEST_BEFORE_GENRE.finditer(f))):
        s = s[:m.start()] + s[m.end():]
    return site_chain(s.lstrip("|｜ "), ctx)


@rule(stage="header", example="'古詩詞大全網 - 漢語詞典 - 財政專項資金管理辦法' → '財政專項資金管理辦法'; "
                               "'关于印发《A》的通知 - 政策文件' → unchanged")
def site_chain(s: str, ctx: ParseContext) -> str:
    """A title after a site's own names joined by " - " (b106 004: "古詩詞大全網 - 漢語詞典 - …"): the last
    part, when it alone names a genre (办法, 意见 …) and the parts before it name none."""
    parts = s.split(" - ")
    if len(parts) < 2:
        return s
    folded = [ctx.fold_same(p) for p in parts]
    if P.GENRE.search(folded[-1]) and not any(P.GENRE.search(f) for f in folded[:-1]) and len(parts[-1].strip()) >= 6:
        return parts[-1].strip()
    return s


def _cut_folded(rx: "re.Pattern[str]", s: str, ctx: ParseContext) -> str:
    """``s`` without the spans that ``rx`` finds in its Simplified form (offsets kept by fold_same)."""
    f = ctx.fold_same(s)
    spans = [m.span() for m in rx.finditer(f)]
    for a, b in reversed(spans):
        s = s[:a] + s[b:]
    return s


@rule(stage="header", example="'《黑龍江省促進科技成果轉化條例》2016年修訂版(全文)' → '《黑龍江省促進科技成果轉化條例》'; '《北京市控制吸烟条例》前十条之规定' → '《北京市控制吸烟条例》'")
def without_edition_tail(s: str, ctx: ParseContext) -> str:
    """A title in 《》 that a law-database site follows with its edition note ("2016年修订版", "(全文)",
    "最新版") or with the part it shows ("前十条之规定", "(节选)"): the note goes, the 《》 title stays. Any other text after 》 (《A》重点任务分工方案) stays."""
    if not s.startswith("《"):
        return s
    inner = _balanced_title(s, 0)
    if inner is None:
        return s
    tail = s[len(inner) + 2:]
    return s[:len(inner) + 2] if tail.strip() and EDITION_TAIL.match(ctx.fold_same(tail.strip())) else s


def _unwrap(s: str) -> str:
    """``s`` without the 《》 wrapping all of it, and without a 《 or 》 left unpaired at either end."""
    if s.startswith("《") and _balanced_title(s, 0) == s[1:-1]:
        return s[1:-1].strip()
    if s.startswith("〈") and s.endswith("〉") and s.count("〈") == 1:
        return s[1:-1].strip()
    if s.startswith("《") and _balanced_title(s, 0) is None:
        s = s[1:]
    if s.endswith("》") and s.count("》") > s.count("《"):
        s = s[:-1]
    return s.strip()


@rule(stage="header", example="'沈阳市人民政府关于印发沈阳市…方案的通知' → '沈阳市…方案'")
def title_from_notice(notice: str, ctx: ParseContext) -> str | None:
    """The policy's title inside its covering notice: in 《》, else what the notice issues; the whole of
    it when the 《》 only cites what the title is about ("贯彻实施《…纲要》行动计划"); none when a site
    dropped it ("关于印发的通知")."""
    m = NOTICE.match(ctx.fold_same(notice))
    rest = notice[m.start("rest"):m.end("rest")].strip() if m else None
    q = QUOTED_TITLE.search(notice)
    consulting = bool(m) and ("征求" in (m.group("verb") or "") or m.group("consulted") is not None)
    whole = bool(rest and m and not consulting and rest.startswith("《")
                 and re.search(r"》(?!等)[^《》]{4,}$", rest))  # 《A》重点任务分工方法: the notice issues more than A
    # "关于印发贯彻实施《国家标准化发展纲要》行动计划的通知": the 《》 names what the title is about, inside it
    embedded = bool(rest and q and EMBEDDED_TITLE.match(rest))
    if q and not whole and not embedded:
        return clean_title(q.group(1), ctx)
    title = clean_title(rest, ctx) if rest else None
    # "关于印发的通知": a site dropped the 《》 and what they held (b462 004); the title comes from elsewhere
    return title if title and T.han_count(title) >= NOTICE_TITLE_MIN else None


def _norm(s: str, ctx: ParseContext) -> str:
    return TITLE_NOISE.sub("", ctx.fold(s or ""))


# a service guide's time limit alone on its line ("40个工作日", b799 003): its 工作 names no genre
TIME_LIMIT_CELL = re.compile(r"\d+\s*个?(?:工作日|自然日|日|天|小时)")


@rule(stage="header", example="'沈阳市知识产权保护工作方案' → True; '为加强知识产权保护，制定本方案。' → False")
def title_like(line: str, ctx: ParseContext) -> bool:
    """A line that could be the policy's title: short, names a genre (方案, 意见, 办法 …), no sentence
    and no lead-in to what follows ("以下是本次政策的具体内容:", b318 009)."""
    f = ctx.fold(line)
    if CRUMB_TRAIL.search(f):
        return False  # a breadcrumb trail ("…网 > 资助项目 > 深圳市资助项目 >")
    if menu_line(f):
        return False  # a site's menu ("人事信息 重点工作 行政执法 … 工作规则 …")
    if NUMBERED_ATTACHMENT.match(f):
        return False  # an attachment's name after the text ("附件2011第五届中国专利周广东省各市活动项目表", b08 006)
    return (5 <= len(line) <= 90 and not f.endswith(("。", "；", "，", "：", ":")) and bool(P.GENRE.search(f))
            and not re.search(r"[，,_]|[A-Za-z]{6,}|^[^:：]{1,10}[:：]", f) and not TIME_LIMIT_CELL.fullmatch(f.strip())
            and match_numbering(line) is None and not LABEL_COLON.search(f) and not SENTENCE_OPENER.match(f))


NUMBERED_ATTACHMENT = re.compile(r"^附件\s*\d")  # "附件2011第五届…项目表", "附件1 申请表": an attachment, numbered or dated
MENU_ENTRY_MAX = 6   # a menu's entries are short words
MENU_ENTRIES_MIN = 4


@rule(stage="header", example="'人事信息 重点工作 行政执法 科普宣传 工作规则' → True; '关于加强 知识产权保护的意见' → False")
def menu_line(line: str) -> bool:
    """A site's menu on one line: four or more short entries parted by spaces (b428 002: "人事信息 重點工作
    行政執法 … 工作規則 …", whose 工作规则 reads as a genre), not a title a layout split in two."""
    parts = line.split()
    return len(parts) >= MENU_ENTRIES_MIN and all(len(p) <= MENU_ENTRY_MAX for p in parts)


@rule(stage="header", example="'中华人民共和国统计法' → True; '《反不正当竞争法》' → True; '中华人民共和国统计法》《' → False; "
                               "'…实施方案怀府法' → False")
def law_title(folded: str, ctx: ParseContext) -> bool:
    """A line that is a law's name and nothing else ("中华人民共和国统计法", "电子商务法(草案三次审议稿)", in 《》 or
    not; patterns.LAW_TITLE): the title of a page of a law's articles, which names no genre word (GENRE has no
    法: 依法, 执法, 办法). Not a name cut from a list of citations ("中华人民共和国统计法》《") and not a line that
    names a genre too ("…实施方案怀府法": a title run into its 文号)."""
    f = LAW_NAME_TAIL.sub("", folded.strip()) if 5 <= len(folded.strip()) <= 60 else ""
    if f.startswith("《") and f.endswith("》"):
        f = f[1:-1]
    return "《" not in f and "》" not in f and not P.GENRE.search(f) and bool(P.LAW_TITLE.fullmatch(f))


@rule(stage="header", example="'中山市知识产权专项资金管理办法' → True; '技术性贸易措施资源' (a site's subtitle) → False")
def genre_at_end(line: str, ctx: ParseContext) -> bool:
    """A title that ends with its genre (…办法, …方案, …的通知), a period or trial mark after it allowed
    ("…办法(2024年修订)", "…规划(2021—2025年)"): among the lines above the text that name a genre, the
    one that ends with it is the title (a site's subtitle "技术性贸易措施资源" only names one in passing)."""
    f = TITLE_TAIL.sub("", ctx.fold(line).strip().strip("《》"))
    return f.endswith(L.TITLE_END_NOUNS)


@rule(stage="header", example="'…关于印发…方案的通知（已废止）' → ('…关于印发…方案的通知', True)")
def without_status_mark(line: str, ctx: ParseContext) -> tuple[str, bool]:
    """A title line without 《》 (without_outer_quotes) and without its expiry mark ("（已废止）"), and whether it
    had one."""
    line = without_outer_quotes(line.strip())
    mark = STATUS_MARK.search(ctx.fold_same(line))
    return (line[:mark.start()] if mark else line), bool(mark)


@rule(stage="header", example="'沈阳市人民政府关于印发沈阳市…方案的通知' → True; '关于加强知识产权保护的意见' → False")
def is_notice(f: str) -> bool:
    """A covering notice's title (folded): "X关于印发《Y》的通知", "X印发《Y》的通知", at most 150 characters;
    a notice that publishes a list ("关于公布…名单的通知") is a document of its own (list_notice), and an
    article citing notices ("第一条根据财政部…的通知、…办公厅印发关于…的通知") is none."""
    m = NOTICE.match(f) if len(f) <= 150 else None
    return bool(m) and not CITING_ISSUER.search(m.group("issuer")) and not list_notice(f)


@rule(stage="header", example="'关于公布广东省特色农产品优势区名单的通知' → True; '关于公布第一批历史文化街区的通知' → True; '关于公布《XX办法》的通知' → False")
def list_notice(f: str) -> bool:
    """A notice that makes a list known (公布/发布 … 名单/名录/结果, "…名单暨启动第二批推荐工作") issues no
    policy: its own title is the document's title. A 《》 in it names an issued document, and a list
    noun inside a policy's name ("…名录管理办法") is that policy: a covering notice after all."""
    m = NOTICE.match(f)
    if not m or "《" in f or (m.group("verb") or "") not in L.LIST_VERBS:
        return False
    rest = m.group("rest").rstrip("的")
    if BATCH_LIST.match(rest) and not rest.endswith(L.POLICY_NOUNS):
        return True  # "关于公布第一批历史文化街区的通知" (b349 010): the places chosen, whatever they are called
    return rest.endswith(L.LIST_NOUNS) or (any(n in rest for n in L.LIST_NOUNS) and not rest.endswith(L.POLICY_NOUNS))


BATCH_LIST = re.compile(rf"^(?:{P.YEAR}年度?)?第[{P.CN_DIGITS}\d]{{1,3}}批")


@rule(stage="header", example="'宜昌市人民政府办公室关于印发宜昌市知识产权' + '保护和运用规划的通知' → the two joined")
def wrapped_notice(line: str, nxt: str, ctx: ParseContext) -> str | None:
    """A long notice title wrapped over two lines (the first without its 《》 and expiry mark); the
    second may be only its 通知, spaced out ("通 知"). A notice that publishes a list (list_notice:
    "…关于公布第二批…" + "…名单的通知") issues nothing: it is the document's own title, no covering notice."""
    f = ctx.fold_same(line.strip().strip("《》"))
    if "关于" not in f or len(f) > 100 or f.endswith(("。", "：", ":")) or match_numbering(line) is not None:
        return None
    nxt = nxt.strip()
    if P.WHITESPACE.sub("", ctx.fold_same(nxt)) in L.NOTICE_ENDS:
        nxt = P.WHITESPACE.sub("", nxt)  # "…责任分解的" + "通 知" (spaced out to the page's width)
    both = line.strip() + nxt
    fb = ctx.fold_same(both)
    if len(nxt) <= 60 and len(fb) <= 150 and NOTICE_END.search(fb) and NOTICE.match(fb) and not list_notice(fb):
        return both.strip("《》").strip()
    return None


@dataclass
class HeadLine:
    """A line near the top with what mirror sites put around a title taken off."""

    text: str
    doc_number: str | None = None
    expired: bool = False
    issuer: str | None = None


@rule(stage="header", example="'關注!國家知識產權局關于…的通知' → '國家知識產權局關于…的通知'; "
                               "'【市政府重点工作及责任分解】滁州市人民政府关于…的通知' → '滁州市人民政府关于…的通知'")
def without_teaser(s: str, ctx: ParseContext) -> str:
    """A title that a site opens with a teaser (關注!, 重磅:, b177 007), a tag in 【】 of any length
    (b183 005) or an attachment label ("附件 海口市…备忘录", b177 009; "附件1:…实施方案"): the title
    without it, when what follows is itself a title and no form ("附件1:…联系人回执" names none)."""
    m = TEASER.match(ctx.fold_same(s))
    if m and title_like(s[m.end():], ctx) and not FORM_TITLE.search(FILE_TAIL.sub("", s).rstrip()):
        return s[m.end():]
    return s


@rule(stage="header", example="'虞城县人民政府关于集中行使行政复议职责的通 告' → '…职责的通告'; '关于…的通 知' → '关于…的通知'")
def spaced_genre_end(s: str) -> str:
    """A title whose last word a typesetter spread over the line ("…的通 告", "…的通 知", b444 008): the
    word closed up, so that the line names its genre."""
    return SPACED_GENRE_END.sub(r"\1\2", s)


SPAM_TOKEN = re.compile(rf"^[A-Za-z][A-Za-z]*\d[A-Za-z0-9]{{0,14}}\s+(?=[{P.HAN}])")  # "yabo88 "


@rule(stage="header", example="'…开发利用的实施意见湘政办发〔2025】25号' (number read from '发利用的…') → where 湘政办发 starts; "
                               "'…的通知 粤府〔2024〕3号' → unchanged")
def glued_number_start(s: str, start: int, ctx: ParseContext) -> int:
    """Where a 文号 glued to the end of a title starts (b144 001, b278 005): its prefix of Han characters is
    read as far back as twelve, so the title's own end may be in it; the number starts after the last genre
    that ends the title within that reach, two characters at least before its bracket."""
    bracket = next((i for i in range(start, len(s)) if s[i] in "〔[【(（［﹝"), len(s))
    for k in range(bracket - 2, start, -1):
        if genre_at_end(s[:k], ctx):
            return k
    return start


@rule(stage="header", example="'yabo88 關於印發梅州市網上辦事大廳建設2017年工作方案的通知' → '關於印發…的通知'; "
                               "'G20杭州峰会保障工作方案' → unchanged")
def spam_token_off(s: str, ctx: ParseContext) -> str:
    """A title a spam mirror opened with a betting site's name of letters and digits and a space
    ("yabo88 關於…的通知", b462 009), when what follows is a title."""
    m = SPAM_TOKEN.match(s)
    return s[m.end():] if m and title_like(s[m.end():], ctx) else s


@rule(stage="header", example="'(界首市)界首市人民政府關于印發…的通知' → '界首市人民政府關于印發…的通知'; "
                               "'(湖北省)武汉市…方案' → unchanged (no echo); '(2024年)工作要点' → unchanged")
def echoed_place_tag(s: str, ctx: ParseContext) -> str:
    """A mirror's tag in brackets naming the place that the title itself opens with ("(界首市)界首市人民政府…",
    b709 003; "(荆门市)荆门市…规划" in a title): the line without the tag (PLACE_TAG: the tag repeated at once)."""
    return PLACE_TAG.sub("", s.strip(), count=1)


@rule(stage="header", example="'渝府发〔2016〕56号《重庆市人民政府关于印发…的通知》' → '重庆市人民政府关于印发…的通知' (文号 kept aside)")
def tidy_head_line(line: str, ctx: ParseContext) -> HeadLine:
    """A line that may hold the title without the site's additions: a tag and bar ("时政|"), a breadcrumb
    ("好律师> 法律法规库> 政策参考> ", "首页『…』-…平台-首页-"), a 文号 glued before the title (kept as the 文号), a page mark
    ("1 ― "), an attachment label before a 关于 file name ("附件:關于印發…"), digits glued before it, and after it a bar, a 文号, a file name's extension, a date label
    ("时间:2020-05-11"), a bare date ("…的通知 2022-06-08"), a site's name after the title ("…的通知_桂林旅游
    政务网"), an excerpt note ("…若干意见---摘录", "…办法-全文及解读") or a status mark (【全文废止】); "X印发关于…" gives the issuer X."""
    s = line.strip()
    out = HeadLine(s)
    for rx in (TAG_BAR, PAGE_MARK, ATTACHMENT_LABEL):
        s = rx.sub("", s, count=1)
    s = echoed_place_tag(spam_token_off(without_teaser(s, ctx), ctx), ctx)
    m = CRUMBS.match(s)
    if m and len(s) - m.end() >= 6:
        s = s[m.end():]
    m = DASH_CRUMBS.match(s)
    if m and len(s) - m.end() >= 6 and SITE_WORDS.search(m.group()):
        s = s[m.end():]
    m = LEADING_NUMBER.match(s) or GLUED_NUMBER.match(s) or BRACKETED_NUMBER.match(s)
    if m and len(s) - m.end() >= 6 and (m.re is LEADING_NUMBER or is_notice(ctx.fold_same(s[m.end():]))
                                        or title_like(s[m.end():], ctx)):
        out.doc_number = P.DOC_NUMBER.search(m.group()).group()
        s = s[m.end():]
    s = GLUED_DIGITS.sub("", s)
    m = COMMA_MARK.match(s)
    if m and len(s) - m.end() >= 6 and title_like(s[m.end():], ctx):  # "1,宁波市…条例" (b281 002)
        s = s[m.end():]
    s = FILE_TAIL.sub("", TRAILING_BAR.sub("", s))
    m = SITE_SUFFIX.search(s)
    if m and genre_at_end(s[:m.start()], ctx):  # "关于开展…的通知_桂林旅游政务网": the page title's site name
        s = s[:m.start()]
    m = BARE_DATE_TAIL.search(s)
    m = EXCERPT_TAIL.search(ctx.fold_same(s[:m.start()] if m else s))
    if m and genre_at_end(s[:m.start()], ctx):  # "…若干意见---摘录(2014-1-15)", "…管理办法-全文及解读"
        s = s[:m.start()]
    m = POSTER_TAIL.search(s)
    if m and genre_at_end(s[:m.start()], ctx) and not genre_at_end(m.group().rstrip(",，。 "), ctx):
        s = s[:m.start()]  # "…資助試行辦法---佛山信合專利代理關小姐,,。": who posted it
    m = DATE_TAIL.search(ctx.fold_same(s)) or BAR_DATE_TAIL.search(ctx.fold_same(s))  # "…實施方案 發布時間:2022-10-10 14:04"
    s = BARE_DATE_TAIL.sub("", s[:m.start()] if m else s)
    m = MID_NUMBER.search(ctx.fold_same(s))
    if m and m.start() >= 6 and genre_at_end(s[:m.start()], ctx) and len(s) - m.end() <= RED_HEADER_TAIL \
            and not re.search(r"[:：。，,]", s[m.end():]):
        # "关于下达…经费的通知 鄞科协〔2023〕6号 宁波市鄞州区科学技术协会 … 文件" (b441 002): a red-header file's
        # number and issuers run on after its title
        out.doc_number = out.doc_number or s[m.start(1):m.end(1)]
        s = s[:m.start()]
    m = TRAILING_NUMBER.search(s)
    if m and m.start() >= 6 and not s[:m.start()].rstrip().endswith(("》", "〉")):
        cut = m.start() if genre_at_end(s[:m.start()], ctx) else glued_number_start(s, m.start(1), ctx)
        cut = m.start() if cut == m.start(1) else cut  # no genre inside the number's reach: as read
        out.doc_number = out.doc_number or (m.group(1) if cut == m.start() else s[cut:m.end(1)].strip())
        s = s[:cut]
    s, out.expired = without_status_mark(without_edition_tail(s, ctx), ctx)
    s = spaced_genre_end(s)
    m = ORG_VERB_PREFIX.match(ctx.fold_same(s))
    if m:
        out.issuer, s = s[:len(m.group("org"))], s[m.end():]
    out.text = without_outer_quotes(s.strip())
    return out


@rule(stage="header", example="'《某某管理办法》' → '某某管理办法'; '《某某管理办法' → '某某管理办法'; "
                               "'关于印发 《A办法》' → unchanged; '《C办法》的通知' → 'C办法》的通知'")
def without_outer_quotes(s: str) -> str:
    """A head line without the 《 that opens it and the 》 that closes it, but a closing 》 that pairs with a 《
    inside the line stays: a notice title broken over lines ("关于印发 《A》" / "《B》" / "《C》的通知", b690 003)
    keeps its marks, so the lines join as the notice writes them."""
    s = s.strip().lstrip("《")
    while s.endswith("》") and s.count("《") < s.count("》"):
        s = s[:-1]
    return s.strip()


def _balanced_title(s: str, start: int) -> str | None:
    """The text inside the 《…》 opening at ``start`` (inner 《》 and 〈〉 kept)."""
    depth = 0
    for i in range(start, len(s)):
        if s[i] == "《":
            depth += 1
        elif s[i] == "》":
            depth -= 1
            if depth == 0:
                return s[start + 1:i]
    return None


def _org_list(s: str, ctx: ParseContext) -> str | None:
    """``s`` when it is one organisation or several joined by 、/spaces ("X等部门" counts), else None; a
    body speaking of itself (我局, 本委: "我局印发了《…》" cites an earlier document) names none."""
    s = s.strip()
    some = SOME_DEPARTMENTS.search(ctx.fold_same(s))  # "X等23部门" (等23部門 too)
    s = s[:some.start()] if some else s
    parts = [re.sub(r"[(（][^()（）]{2,16}[)）]$", "", p) for p in ORG_PARTS.split(ctx.fold(s)) if p]
    if any(SELF_PRONOUN_ORG.fullmatch(p) for p in parts):
        return None
    if parts and all(ISSUER_LIKE.search(p) or NATIONAL.search(p) for p in parts) and all(len(p) >= 2 for p in parts):
        return s
    return None


@rule(stage="header", example="'近日，国务院印发《关于落实〈政府工作报告〉重点工作分工的意见》' → ('国务院', '关于落实〈政府工作报告〉重点工作分工的意见')")
def lead_sentence(line: str, ctx: ParseContext) -> tuple[str | None, str] | None:
    """A news lead or headline naming the document: "(近日，)X(联合)印发(了)《Y》" → (X, Y), with X one
    or more organisations (else None; "X联合Y制定印发了《Z》" gives "X、Y"); "…《Y》印发", a transmittal "…:《Y》已经…同意" → (None, Y). None
    when the line says neither, or cites what it names ("按照X印发《Y》要求")."""
    f = ctx.fold_same(line)
    for m in LEAD_VERB.finditer(f[:200]):
        title = _balanced_title(line, m.end() - 1)
        if not title:
            continue
        before = LEAD_SPLIT.split(f[:m.start()])[-1]
        before = re.sub(rf"^[^{P.HAN}]*", "", before, count=1)  # "…@163.com教育部" → "教育部"
        before = LEAD_TIME.sub("", before).strip()
        end = len(f[:m.start()].rstrip())  # "中共中央辦公廳 國務院辦公廳 印發《…》": the space before the verb is no part of it
        if after := LEAD_TIME_AFTER.search(before):  # "X、Y近日联合印发《…》" (b484 010): the time after the issuers
            end -= len(before) - after.start()
            before = before[:after.start()]
        if before.startswith(L.CITING_WORDS):  # "按照国家知识产权局印发《…》要求": a document the text follows
            continue
        joint = LEAD_JOINT.sub("、", before)
        who = _org_list(joint, ctx) if before else None
        if who:
            seg, fseg = line[end - len(before):end], f[end - len(before):end]  # 聯合 as written, found folded
            for j in reversed([(j.start(), j.end()) for j in LEAD_JOINT.finditer(fseg)]):
                seg = seg[:j[0]] + "、" + seg[j[1]:]
            return seg.strip(), title
    m = ORG_QUOTED.match(f)  # "漯河市人民政府《关于实施商标战略促进经济发展的意见》"
    if m and _org_list(m.group("org"), ctx) and _balanced_title(line, m.end("org")) == line[m.end("org") + 1:-1]:
        return line[:m.end("org")], line[m.end("org") + 1:-1]
    m = QUOTED_FIRST.match(f)
    if m:
        title = _balanced_title(line, m.end() - 1)
        after = f[m.end() + len(title or ""):][:6] if title else ""
        if title and re.match(r"》\s*(?:印发|发布|出台|公布|已经|已由)", after):  # "《X》已经区人民政府同意"
            return None, title
    return None


@rule(stage="header", example="['广州市人民政府令', '(第21号)'] → ('广州市人民政府', '广州市人民政府令第21号')")
def order_number(lines: list[str], ctx: ParseContext) -> tuple[str, str] | None:
    """A 令 (decree) heading: "中华人民共和国国务院令 第722号", "国家知识产权局局长令 (第19号)" (the
    number on the same line or the next) → (issuer, 文号 "中华人民共和国国务院令第722号": the number keeps
    its form, as the spec says); the issuer without 中华人民共和国 and without 局长/部长. A year's number
    below whose 号 the page lost ("2009 年 第 3", b700 008) gets it back."""
    for i, line in enumerate(lines):
        raw = P.WHITESPACE.sub("", line)
        if ORDER_WRAP.match(raw):
            raw = raw[1:-1]  # "(中华人民共和国国务院令第553 号)" (b292 001): the whole heading in brackets
        m = ORDER_LINE.match(ctx.fold_same(raw))
        if not m:
            continue
        n = raw[m.start("n"):m.end("n")] if m.group("n") else None  # as written (第328號), not folded
        if not n and i + 1 < len(lines):
            nm = ORDER_NUMBER.match(P.WHITESPACE.sub("", lines[i + 1])) or ORDER_NUMBER_TAIL.search(lines[i + 1])
            n = P.WHITESPACE.sub("", nm.group(1)) if nm else None
            lost = None if nm else ORDER_NUMBER_NO_MARK.match(P.WHITESPACE.sub("", lines[i + 1]))
            n = n or (f"{lost.group(1)}号" if lost else None)
        if not n:
            continue
        org = raw[m.start("org"):m.end("org")]
        if len(org) < 2:
            continue
        head = HEAD_TITLE.search(ctx.fold_same(org))
        return (org[:head.start()] if head else org), f"{raw[:m.end('org')]}令{n}"  # the number keeps its form
    return announcement_number(lines, ctx)


@rule(stage="header", example="['江苏省人大常委会公告', '(第77号)'] → ('江苏省人大常委会', '江苏省人大常委会公告第77号'); "
                               "['广东省第十三届人民代表大会常务委员会', '公 告', '(第62号)'] → (…, '…常务委员会公告第62号')")
def announcement_number(lines: list[str], ctx: ParseContext) -> tuple[str, str] | None:
    """A standing committee's announcement that promulgates a local law ("江苏省人大常委会公告 (第77号)",
    b509 003-005, b114 002), or a ministry's or bureau's numbered announcement ("国家知识产权局公告" / "第四六七号",
    b329 005; announcement_form for one on a single line): its number is the document's 文号, written "X公告第N号"
    as the gold writes a decree's; the heading may be spread over two lines ("…常务委员会" / "公 告", or the
    legislature's name broken before 常务委员会) and the number on the next, its term's brackets kept."""
    for i, line in enumerate(lines):
        raw = P.WHITESPACE.sub("", ctx.fold_same(line))
        if not raw.endswith((*L.ORG_LINE_ENDS, "公告", ")", "）", "等")):
            continue
        before = P.WHITESPACE.sub("", ctx.fold_same(lines[i - 1])) if i else ""
        if raw.startswith(L.STANDING_COMMITTEE_ENDS) and before.endswith(L.CONGRESS_NAMES):
            # "昌吉回族自治州人民代表大會" / "常務委員會公告" / "(第5號)": the legislature's name broken (b608 007)
            raw, line = before + raw, P.WHITESPACE.sub("", lines[i - 1]) + line
        k = i + 1
        if raw.endswith(L.ORG_LINE_ENDS) and k < len(lines) and P.WHITESPACE.sub("", lines[k]) == "公告":
            raw, k = raw + "公告", k + 1
        m = ANNOUNCEMENT_LINE.match(raw)
        if not m:
            continue
        n = with_opener(m.group("n"), raw[:m.start("n")]) if m.group("n") else None
        if not n and k < len(lines):
            bare = P.WHITESPACE.sub("", lines[k])
            nm = ORDER_NUMBER.match(bare)
            n = with_opener(nm.group(1), bare[:nm.start(1)]) if nm else None
        if n:
            org = P.WHITESPACE.sub("", line)[:len(m.group("org"))]
            return org, f"{org}公告{n}"
    for line in lines:
        found = announcement_form(line)
        if found:
            return found
    return None


@rule(stage="header", example="'海关总署公告2018年第67号(关于进出口货物报关单申报电子报文格式的公告)' → ('海关总署', "
                               "'海关总署公告2018年第67号'); '财政部 税务总局公告2023年第7号' → ('财政部 税务总局', …); "
                               "'公告 2014年 第18號' → (None, '公告2014年第18號'); '根据财政部公告2019年第39号规定' → None")
def announcement_form(line: str) -> tuple[str | None, str] | None:
    """A ministry's or bureau's numbered announcement at a line's head ("国家税务总局公告2018年第58号 国家税务总局
    关于…的公告", b104 012; "海關總署公告2017年第26號(關于…的公告)", b116 006) or as a metadata value ("发文字号:
    海关总署公告2018年第67号", b637 004): (issuer or None, the number as written, spaces only between issuers)."""
    text = line.strip()
    label = NUMBER_LABEL.match(T.fold_same_length(text))  # "發文字號農業農村部公告第250號" (b637 006)
    text = text[label.end():].strip() if label else text
    m = ANNOUNCEMENT_FORM.match(T.fold_same_length(text))
    if not m:
        return None
    org = re.sub(r"\s+", " ", text[m.start("org"):m.end("org")]).strip()
    n = with_opener(P.WHITESPACE.sub("", text[m.start("n"):m.end("n")]), text[:m.start("n")].rstrip())
    return org or None, f"{org}公告{n}"


NUMBER_BRACKETS = {")": "(", "）": "（", "〕": "〔", "]": "["}


@rule(stage="header", example="('十四届)第五十三号', '…公告(') → '(十四届)第五十三号'; ('第45号', '…公告') → '第45号'")
def with_opener(number: str, before: str) -> str:
    """A number whose term is bracketed ("(十四届)第五十三号", b336 006) keeps the opening bracket that the
    optional bracket before the number took: the number as written, its brackets balanced."""
    for close, open_ in NUMBER_BRACKETS.items():
        if close in number and open_ not in number and before.endswith(open_):
            return open_ + number
    return number


@rule(stage="header", example="'牟政办发〔201746' → '牟政办发〔2017〕46号'; '(砚发201120 号)' → '砚发〔2011〕20号'")
def lost_bracket_number(line: str) -> str | None:
    """A 文号 alone on its line whose brackets or 号 the page lost: issuer abbreviation ending in 发/字/函/办,
    a four-digit year, the serial. None for anything else."""
    m = LOST_BRACKETS.match(line.strip())
    if not m or not re.search("[发字函办令]$", T.fold_same_length(m.group(1))):
        return None
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}{'號' if '號' in line else '号'}"


@rule(stage="header", example="'2019222' → '2019-02-22'; '{ 2017 6 23' → '2017-06-23'; '2022821日)' → '2022-08-21'; '2017111' → None")
def digit_date(line: str) -> str | None:
    """A signature date whose 年月日 the page lost: digits alone, or year, month and day parted by spaces.
    Seven digits are read only when one split gives a real date."""
    m = DIGIT_DATE.match(line.strip())
    if not m:
        return None
    if m.group(1):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
    y, rest = int(m.group(4)), m.group(5)
    cuts = {4: (2,), 3: (1, 2), 2: (1,)}[len(rest)]
    good = [(int(rest[:k]), int(rest[k:])) for k in cuts
            if not (rest[k] == "0" and len(rest) - k == 2 and k == 1) and not rest.startswith("0")]
    good = [(mo, d) for mo, d in good if 1 <= mo <= 12 and 1 <= d <= 31]
    if len(good) != 1:
        return None
    mo, d = good[0]
    return f"{y:04d}-{mo:02d}-{d:02d}"


def signature_date(line: str) -> str | None:
    """The date of a signature line: "2024年7月9日", "二〇二四年七月九日", "(2025年5月5日)", "2019222";
    also a law book's note under a title with the date and the number: "(2010年1月28日 法发〔2010〕6号)"."""
    s = SIGNED_BY.sub("", line.strip())
    pm = PAREN_DATE.match(s)
    if pm:
        s = pm.group(1)
        dated = DATED_NUMBER.match(s)
        if dated:
            s = dated.group(1)
    if P.DATE_LINE.match(s):
        return parse_date(s)
    return digit_date(s)


def _org_line_parts(line: str, ctx: ParseContext) -> list[str] | None:
    """The organisations on a signature line ("国 家 数 据 局" closed up), or None."""
    s = line.strip()
    tokens = s.split()
    if len(tokens) > 2 and all(len(t) == 1 for t in tokens):
        s = "".join(tokens)
    parts = s.split()
    if parts and all(P.ORG_LINE.match(ctx.fold_same(p)) for p in parts):
        return parts
    return None


@rule(stage="header", example="['知识产权局 发展改革委', '农业部 商务部', '二〇一一年九月二十二日'], 2 → '知识产权局、发展改革委、农业部、商务部'")
def signer_above(lines: list[str], i: int, ctx: ParseContext) -> str | None:
    """The organisations signing above the date line ``i``: one or more lines of names (several per line
    parted by spaces, or one name spaced out character by character), joined with 、."""
    found: list[str] = []
    j = i - 1
    while j >= 0 and i - j <= 20:
        parts = _org_line_parts(lines[j], ctx)
        if not parts:
            if not lines[j].strip() or len(lines[j].strip()) <= 1:
                j -= 1
                continue
            break
        found = parts + found
        j -= 1
    return "、".join(found) if found else None


@rule(stage="header", example="'…附件:…奖励一览表贵港市人民政府办公室2021年12月24日(此件公开发布)' → ('贵港市人民政府办公室', '2021-12-24')")
def glued_signature(page: str, ctx: ParseContext) -> tuple[str, str] | None:
    """A signature glued into a page on one line (b184: a policy portal's digest) with no sign-off and
    no space: an organisation that starts with a place name, then its date, within GLUED_SIGNATURE_REACH
    characters of the page's start or end. The place name says where the organisation starts
    ("…一览表贵港市人民政府办公室": 贵港市…)."""
    f = ctx.fold_same(page)
    gaz = ctx.knowledge.gazetteer
    for m in reversed(list(GLUED_SIGNATURE.finditer(f))):
        if GLUED_SIGNATURE_REACH < m.start() and m.end() < len(f) - GLUED_SIGNATURE_REACH:
            continue
        org = m.group("org")
        hits = gaz.find(org)
        if not hits:
            continue
        start = hits[-1][0]
        for pos, name, _ in reversed(hits[:-1]):   # "寧波市江北區…": the places before it, each ending where the next starts
            if pos + len(name) == start:
                start = pos
        if not P.ORG_LINE.match(org[start:]):
            continue
        date = parse_date(m.group("date"))
        if date:
            return page[m.start("org") + start:m.end("org")], date
    return None


@rule(stage="header", example="'…特此通知。 附件:… 国家知识产权局办公室 2017年12月26日 联系人:…' → ('国家知识产权局办公室', '2017-12-26')")
def inline_signature(line: str, ctx: ParseContext) -> tuple[str, str] | None:
    """A signature run into a one-line page after its sign-off (特此通知。): the organisation and the date
    right after it."""
    f = ctx.fold_same(line)
    so = SIGN_OFF.search(f)
    if not so:
        return None
    for m in INLINE_SIGNATURE.finditer(f, so.end()):
        org = m.group("org").split()[-1] if m.group("org").split() else ""
        if P.ORG_LINE.match(org) and not re.search(r"[:：]", org):
            start = m.start("org") + m.group("org").rfind(org)
            date = parse_date(m.group("date"))
            if date:
                return line[start:start + len(org)], date
    return None


@rule(stage="header", example="['各乡镇人民政府，县直各单位：'] → 'district'; ['各省、自治区、直辖市知识产权局：'] → 'national'")
def level_hint(lines: list[str], ctx: ParseContext) -> str | None:
    """The issuer's level from how the text addresses its readers and itself: national when it writes to
    各省、自治区、直辖市 (on a line of its own or inside a one-line page); else own-level words (市政府各部门, 县直各单位, 我县, 我市 …), the salutation first."""
    sal = next((l for l in lines[:40] if P.SALUTATION.match(ctx.fold(l.strip())) and len(l) <= 200), None)
    if sal and NATIONAL_ADDRESSEES.search(ctx.fold(sal)) or any(national_addressees(l, ctx) for l in lines[:40]) \
            or NATIONAL_SALUTATION_INLINE.search(ctx.fold(" ".join(lines[:40])[:3000])):
        return "national"
    for text in ([ctx.fold(sal)] if sal else []) + [ctx.fold(" ".join(lines[:60]))]:
        best = most_named_level(text, L.LEVEL_WORDS, ("我区",))
        if best:
            return best
    return None


@rule(stage="header", example="'全国计量工作部际联席会议各成员单位办公厅,…,各省、自治区、直辖市和新疆生产建设兵团市场监管局,…:' "
                               "→ True; '各区县人民政府:' → False")
def national_addressees(line: str, ctx: ParseContext) -> bool:
    """A list of addressees, however long and whoever it names first, that writes to 各省、自治区、直辖市:
    one line ending in a colon, no full stop in it. Only a national body writes so."""
    text = ctx.fold(line.strip())
    return text.endswith((":", "：")) and "。" not in text and bool(NATIONAL_ADDRESSEES_FULL.search(text))


@rule(stage="header", example="'责任部门:市环保局、市建设局' after the first numbered item → True; in the page's metadata box → False")
def unit_line_in_body(line: str, i: int, first_item: int, ctx: ParseContext) -> bool:
    """A labelled line after the first numbered line that names responsible units (责任部门：…, 牵头单位：…)
    belongs to the item above it, even when a site's metadata box uses the same label."""
    return i > first_item and bool(UNIT_LABEL_LINE.match(ctx.fold_same(line)))


def scan_header(lines: list[str], page_title: str | None, ctx: ParseContext) -> Header:
    h = Header()
    first_num = next((i for i, l in enumerate(lines) if match_numbering(l) and FIRST_ITEM.match(l)), len(lines))
    h.meta, h.meta_lines = parse_meta(lines, max(40, first_num), ctx)
    first_numbered = next((i for i, l in enumerate(lines) if match_numbering(l)), len(lines))
    h.meta_lines = {i for i in h.meta_lines if not unit_line_in_body(lines[i], i, first_numbered, ctx)}
    h.zone = min(len(lines), max(first_num, 1) + 5, 60)
    h.heads = [tidy_head_line(l, ctx) for l in lines[:h.zone]]
    _find_notice(h, lines, first_num, ctx)
    _find_title(h, lines, page_title, first_num, ctx)
    _find_body_and_signature(h, lines, first_num, ctx)
    _find_other_marks(h, lines, first_num, ctx)
    return h


@rule(stage="header", example="'怀仁市人民政府 关于印发…实施方案的 通 知' → '怀仁市人民政府关于印发…实施方案的通知'")
def without_layout_spaces(text: str) -> str:
    """A title line spaced out for layout (between the issuer and 关于, inside "通 知"): the spaces
    between Chinese characters dropped, as the title is written elsewhere."""
    return LAYOUT_SPACE.sub("", text)


@rule(stage="header", example="'X局印发《Y》的通知' then 'X局关于印发《Y》的通知' → True")
def formal_notice_below(found: str, below: str, ctx: ParseContext) -> bool:
    """A site's headline ("国家林业局印发《…》的通知") with the notice's own title just below it ("国家林业局
    关于印发《…》的通知"): the formal one, with 关于, is the notice title."""
    f, b = ctx.fold_same(found), ctx.fold_same(below)
    inner_f, inner_b = title_from_notice(found, ctx), title_from_notice(below, ctx)
    return "关于" in b and "关于" not in f and bool(inner_f) and inner_f == inner_b


@rule(stage="header", example="'威海市荣成市人民政府办公室关于印发…的通知' over '荣成市人民政府办公室关于印发…的通知' → True; "
                               "'关于印发…的通知' over '印发…的通知' → False")
def place_prefixed(found: str, below: str, ctx: ParseContext) -> bool:
    """A site's headline that puts the prefecture before a county's notice ("威海市荣成市人民政府办公室关于…"),
    with the notice as the document writes it further down: the document's own line is the notice title."""
    extra = len(found) - len(below)
    gaz = ctx.knowledge.gazetteer if ctx.knowledge else None
    return 2 <= extra <= 8 and found.endswith(below) and is_notice(ctx.fold_same(below)) and bool(gaz) \
        and any(p == 0 and len(n) == extra for p, n, _ in gaz.find(ctx.fold(found[:extra])))


@rule(stage="header", example="'首页实用材料规章办法湘潭市人民政府关于印发《…规划》的通知' over '湘潭市人民政府关于印发《…规划》的通知' → True; "
                               "'网站首页湘潭市人民政府关于印发规划的通知' over '规划的通知' (no notice of its own) → False")
def crumb_prefixed(found: str, below: str, ctx: ParseContext) -> bool:
    """A site's trail glued to the notice without a separator ("首页实用材料规章办法湘潭市人民政府关于…", b709 002),
    with the notice as the document writes it further down: the document's own line is the notice title."""
    f = ctx.fold_same(found)
    return len(below) >= 8 and len(found) > len(below) and found.endswith(below) and is_notice(ctx.fold_same(below)) \
        and any(f.startswith(head) for head in L.BREADCRUMB_HEADS)


@rule(stage="header", example="'…的通知 國發〔2021〕20號 各省…:' → [(the line, None), ('…的通知', '國發〔2021〕20號')]")
def notice_candidates(text: str, ctx: ParseContext) -> list[tuple[str, str | None]]:
    """The line, and on a one-line page its opening up to a notice ending that a 文号 or the salutation
    follows ("…的通告国办函〔2016〕66号各省…：" → the notice and its 文号, as written: never folded); a
    line that opens by naming the file ("溫政辦〔2022〕13號文件,《…的通知》。") gives the notice in 《》."""
    out = [(repeated_title_off(text, ctx), None)]
    m = NUMBERED_FILE_NOTICE.match(ctx.fold_same(text))
    if m and not text.lstrip().startswith(L.CITING_WORDS):  # "溫政辦〔2022〕13號文件,《溫州市人民政府辦公室關于印發…的通知》。為…"
        return out + [(text[m.start("notice"):m.end("notice")], text[m.start("num"):m.end("num")])]
    if len(text) > 60 and not ctx.fold_same(text).lstrip().startswith(L.SENTENCE_OPENERS + L.CITING_WORDS):
        # (a sentence that cites a notice is no title: "为深入贯彻落实…关于印发…的通知(黑政办发…)…", b369 004)
        f = ctx.fold_same(text)
        for m in re.finditer(_NOTICE_END, f[:220]):
            after = f[m.end():].lstrip()
            raw = text[m.end():].lstrip()  # fold_same keeps offsets: the same characters as written
            num = P.DOC_NUMBER.match(P.WHITESPACE.sub("", raw[:40]).lstrip("(（"))  # "…的通知(国办发(2023) 37号)"
            if num or after.startswith(("各", "(", "（")) or after[:1] != f[m.end():m.end() + 1]:
                if not cited_title(text[:m.end()]):
                    out.append((repeated_title_off(text[:m.end()], ctx), num.group() if num else None))
                break
    return out


@rule(stage="header", example="'按照《国家知识产权局关于印发〈…办法〉的通知》(国知管函' → True; '《XX市人民政府关于印发…的通知' → False")
def cited_title(text: str) -> bool:
    """A notice title that a sentence cites ("按照《…的通知》(国知管函字〔2012〕133号)要求，…"): it
    opens with a citing word (lexicon.CITING_WORDS) before its 《, so it is another document's title,
    not this page's. A page that opens with its own title in 《》 has nothing before the 《."""
    first = text.find("《")
    return first > 0 and text[:first].rstrip().endswith(L.CITING_WORDS)


@rule(stage="header", example="'“十四五”…规划国务院关于印发“十四五”…规划的通知' → '国务院关于印发“十四五”…规划的通知'")
def repeated_title_off(notice: str, ctx: ParseContext) -> str:
    """A notice title that the page's own heading (the policy's title) runs into without a break: the
    notice's issuer part opens with the very title the notice issues; that repeated title is dropped."""
    m = NOTICE.match(ctx.fold_same(notice))
    inner = title_from_notice(notice, ctx) if m else None
    want = _norm(inner, ctx) if inner else ""
    if not m or len(want) < 6 or not _norm(m.group("issuer"), ctx).startswith(want):
        return notice
    for k in range(len(want), m.end("issuer")):
        if _norm(notice[:k], ctx) == want:
            rest = notice[k:].lstrip()
            return rest if NOTICE.match(ctx.fold_same(rest)) and m.group("issuer")[k:].strip() else notice
    return notice


def _find_notice(h: Header, lines: list[str], first_num: int, ctx: ParseContext) -> None:
    found: list[tuple[int, str, bool, str | None]] = []
    for i, head in enumerate(h.heads[:max(first_num, 1) + 5]):
        if i in h.meta_lines:
            continue
        for text, number in notice_candidates(head.text, ctx):
            f = ctx.fold_same(text)
            if not is_notice(f) and is_notice(ctx.fold_same(without_layout_spaces(text))):
                text = without_layout_spaces(text)  # "怀仁市人民政府 关于印发…实施方案的 通 知"
                f = ctx.fold_same(text)
            if is_notice(f) or (PLAIN_NOTICE.match(f) and _policy_title_below(text, lines, i + 1, ctx)):
                found.append((i, text, head.expired, number or head.doc_number))
                break
        else:
            both = None
            for k in (1, 2, 3):  # a notice title wrapped over two to four lines
                if i + k >= len(lines) or (i + k < len(h.heads) and (i + k) in h.meta_lines):
                    break
                if i + k > len(h.heads):
                    break
                if not ("关于" in ctx.fold_same(head.text) or P.ORG_LINE.match(ctx.fold_same(head.text))) \
                        or any(NOTICE_END.search(x.text) or len(x.text) > 60 for x in h.heads[i:i + k]):
                    break
                # a line of a list of 《》 titles keeps its marks ("关于印发 《A》" / "《B》" / "《C》的通知", b690 003)
                first = "".join(lines[j].strip() if j > i and lines[j].strip().startswith("《") else x.text
                                for j, x in enumerate(h.heads[i:i + k], i))
                both = wrapped_notice(first, lines[i + k], ctx)
                if both:
                    found.append((i + k, both, head.expired, head.doc_number))
                    break
        if found:
            break
    if found:
        i, text, mark, number = found[0]
        text = doc_number_lead_off(text, ctx, NOTICE_NUMBER_LEAD)  # "鹿政規〔2024〕3號:…的通知" (b411 012)
        text = news_date_off(text, ctx)  # "8月15日德州市城市管理局發布關于對《…》公開征求意見的公告" (b201 003)
        h.notice_title, h.notice_line, h.expired_mark, h.notice_number = text, i, mark, number
        # a fuller version of the same notice just below ("关于印发…" / "潮州市…局关于印发…")
        for j in range(i + 1, min(i + 3, len(h.heads))):
            t = h.heads[j].text
            lead = NUMBER_BEFORE_NOTICE.match(ctx.fold_same(t))
            t = t[lead.end():] if lead else t  # "济任政发﹝2023﹞4号 济宁市…的通知" (b190 005): the notice once more
            if j not in h.meta_lines and len(t) > len(text) and is_notice(ctx.fold_same(t)) \
                    and (t.endswith(text) or formal_notice_below(text, t, ctx)):
                h.notice_title, h.notice_line = t, j
                break
        else:
            # the notice as the document writes it, further down, without the site's place prefix
            j = next((j for j in range(i + 1, min(i + 12, len(h.heads))) if j not in h.meta_lines
                      and (place_prefixed(h.notice_title, h.heads[j].text, ctx)
                           or crumb_prefixed(h.notice_title, h.heads[j].text, ctx))), None)
            if j is not None:
                h.notice_title, h.notice_line = h.heads[j].text, j
        if ctx.fold_same(h.notice_title).startswith("关于"):
            # the issuer on its own line(s) above ("重庆市人民政府" / "国家知识产权局" / "关于印发…")
            above: list[str] = []
            j = i - _wrapped_lines(h, i) - 1
            while j >= 0 and j not in h.meta_lines and P.ORG_LINE.match(ctx.fold_same(lines[j].strip())) and len(above) < 3:
                above.insert(0, lines[j].strip())
                j -= 1
            if above:
                h.notice_title = "".join(above) + h.notice_title
        return
    meta_title = without_layout_spaces(tidy_head_line(h.meta["title"], ctx).text) if h.meta.get("title") else ""
    if meta_title and NOTICE.match(ctx.fold(meta_title)) and not list_notice(ctx.fold(meta_title)):
        h.notice_title = doc_number_lead_off(meta_title, ctx, NOTICE_NUMBER_LEAD)  # "标  题: 盘政办发〔2021〕10号 盘锦市人民政府办公室关于 印发…的通知"


def _wrapped_lines(h: Header, i: int) -> int:
    """How many lines above ``i`` the notice title found at ``i`` started."""
    text = h.notice_title or ""
    n, acc = 0, h.heads[i].text if i < len(h.heads) else ""
    while not text.startswith(acc) and n < 3 and i - n - 1 >= 0:
        n += 1
        acc = h.heads[i - n].text + acc
    return n if text.startswith(acc) else 0


PERIOD_YEAR = re.compile(r"(?<=\d)年")


def _same_title(a: str, b: str, ctx: ParseContext, loose: bool = True) -> bool:
    """Two writings of one title: equal once brackets, 的, a leading 关于 and the 年 of a plan period
    ("(2018-2020)" / "(2018-2020年)") are set aside, or (loose) one ending the other (a notice names the
    policy after its issuer)."""
    x, y = (PERIOD_YEAR.sub("", re.sub("^关于", "", _norm(s, ctx).replace("的", ""))) for s in (a, b))
    return len(x) >= 6 and len(y) >= 6 and (x == y or loose and (x.endswith(y) or y.endswith(x)))


def _policy_title_below(notice: str, lines: list[str], start: int, ctx: ParseContext) -> str | None:
    """The policy's own title as the text writes it below its covering notice: a title line, or 《…》 in
    the transmittal sentence ("现将《…》印发给你们"); the first title line below when a site dropped the
    issued title from the notice ("关于印发的通知")."""
    m = NOTICE.match(ctx.fold_same(notice)) or PLAIN_NOTICE.match(ctx.fold_same(notice))  # the verb is not the title
    if not m:
        return None
    rest = notice[m.start("rest"):m.end("rest")]
    rest = AGENCY_PREFIX.sub("", rest) if len(rest) > 12 else rest
    quoted = None  # 《…》 in the transmittal sentence; the heading line of the policy itself wins
    prev = ""
    emptied = T.han_count(P.WHITESPACE.sub("", rest)) < NOTICE_TITLE_MIN  # "关于印发的通知" (b462 004)
    for line in lines[start:start + 40]:
        if emptied and title_like(line, ctx) and genre_at_end(line, ctx) and not is_notice(ctx.fold_same(line)):
            return clean_title(line, ctx)  # the notice lost what it issues: the first title below is it
        if title_like(line, ctx) or ctx.fold_same(line).startswith("关于"):
            c = clean_title(line, ctx)
            whole = len(_norm(c, ctx).replace("的", "")) >= len(_norm(rest, ctx).replace("的", ""))
            joined = clean_title(prev + line, ctx) if prev and not whole else None
            if joined and P.WHITESPACE.sub("", ctx.fold(joined)) == P.WHITESPACE.sub("", ctx.fold(clean_title(rest, ctx))):
                return joined  # "加快…载体建设" / "引育…实施方案": a title wrapped over two lines
            if _same_title(c, rest, ctx) and (whole or not quoted):  # not the second half of a wrapped title
                return c
        prev = line.strip() if line.strip() else prev
        for q in re.findall(r"《([^《》]{6,120})》", line):
            if not quoted and _same_title(clean_title(q, ctx), rest, ctx):
                quoted = clean_title(q, ctx)
    notice_title = clean_title(rest, ctx)
    if quoted and _norm(quoted, ctx) == _norm(notice_title, ctx) \
            and len(P.WHITESPACE.sub("", quoted)) < len(P.WHITESPACE.sub("", notice_title)):
        return None  # the notice's words with a mark lost ("(20162018年)"): the notice's writing is whole
    return quoted


# how the second line of a wrapped title ends: a notice's word, a genre, a reply ("…崛起" / "“十三五”规划的批复", b390 012)
WRAPPED_TITLE_END = re.compile(rf"(?:{_NOTICE_END}|{'|'.join(L.POLICY_NOUNS)}|批复)$")


# a notice's genre alone on a title's last line, perhaps with a qualifier ("通 知", "紧 急 通 知", "补充通知")
SPREAD_NOTICE_END = re.compile(rf"[{P.HAN}]{{0,2}}(?:{P.alternation(L.NOTICE_ENDS)})")


def _wrapped_title(heads: list[HeadLine], i: int, ctx: ParseContext) -> str | None:
    """A title broken over two lines: after "…关于", after a bare place name ("马鞍山市"), or a "X关于…"
    line whose end is on the next line ("湖南省人民政府办公厅关于加强普通高等学校" / "毕业生就业工作的通知");
    or over three ("国务院办公厅关于贯彻落实" / "全国知识产权保护与执法工作" / "电视电话会议精神任务分工的通知");
    or where the first line leaves a 《 open that the second closes ("…国务院《计量发展规划" / "(2021—2035年)》的实施意见")."""
    if i + 1 >= len(heads):
        return None
    a, b = heads[i].text, heads[i + 1].text
    if SPREAD_NOTICE_END.fullmatch(P.WHITESPACE.sub("", ctx.fold(b))):
        # "关于落实…责任的" / "通 知" (spaced out to the page's width, b281 011), "紧 急 通 知" (b477 008)
        b = P.WHITESPACE.sub("", b)
    fa, fb = ctx.fold(a), ctx.fold(b)
    if not a or not b or len(a) > 60 or len(b) > 80 or P.SENTENCE_MARK.search(fa + fb) or match_numbering(a) \
            or fb.startswith(fa):  # a site's cut headline repeated above the title ("…关于进一步完善…保险" twice)
        return None
    gaz = ctx.knowledge.gazetteer if ctx.knowledge else None
    place = bool(gaz) and len(fa) <= 10 and any(p == 0 and len(n) == len(fa) for p, n, _ in gaz.find(fa)) \
        and fb.startswith("关于")
    ends = bool(WRAPPED_TITLE_END.search(fb))
    led = bool(gaz) and any(p == 0 for p, _, _ in gaz.find(fa)) and not title_like(a, ctx) and len(b) <= 20 \
        and not P.ORG_LINE.match(fa) and not any(p == 0 for p, _, _ in gaz.find(fb)) \
        and bool(re.search(f"(?:{'|'.join(L.POLICY_NOUNS)})(?:[(（][^()（）]{{1,16}}[)）])?$", fb))
    # "关于开展数据基础制度建设" / "试点示范的实施方案": a 关于 line that does not end as a title does
    open_about = fa.startswith("关于") and ends and not WRAPPED_TITLE_END.search(fa)
    # "…关于贯彻落实国务院《计量发展规划" / "(2021—2035年)》的实施意见": a 《 the first line leaves open
    open_quote = fa.count("《") > fa.count("》") and fb.count("》") > fb.count("《") and ends
    if place or led or (fa.endswith("关于") and ends) or ("关于" in fa and ends and not title_like(a, ctx)) or open_about \
            or open_quote:
        return a + b
    title_end = WRAPPED_TITLE_END.pattern
    if "关于" in fa and not ends and not re.search(title_end, fa) and i + 2 < len(heads):  # broken over three lines
        c = heads[i + 2].text
        fc = ctx.fold(c)
        if c and len(c) <= 60 and not WRAPPED_PART_NOT.search(fb + fc) and not match_numbering(b) \
                and not match_numbering(c) and re.search(title_end, fc) and not fc.startswith(fa):
            return a + b + c
    return None


@rule(stage="header", example="['中共湖南省委', '湖南省人民政府', '关于进一步夯实农业基础…的意见'] (title at 2) → '中共湖南省委湖南省人民政府'")
def issuer_lines_above(lines: list[str], i: int, meta_lines: set[int], ctx: ParseContext) -> str:
    """The issuer's name on its own line(s) right above a title that opens with 关于 ("中共宁波市委 宁波市
    人民政府" / "关于建设国家创新型城市…的若干意见"): the title as the document heads itself begins with them,
    as a notice title does (at most three lines, each an organisation's name)."""
    above: list[str] = []
    j = i - 1
    while j >= 0 and j not in meta_lines and len(above) < 3 and P.ORG_LINE.match(ctx.fold_same(lines[j].strip())):
        above.insert(0, lines[j].strip())
        j -= 1
    return "".join(above)


@rule(stage="header", example="'关于印发2020年区政府重点工作责任分解的' in the notice '区人民政府办公室 关于印发…责任分解的通知' → True")
def notice_fragment(line: str, notice: str, ctx: ParseContext) -> bool:
    """A line below the notice title that is a piece of that title (it wraps again below the page's
    metadata: "关于印发…的" then "通 知"), not the policy's own title."""
    piece = P.WHITESPACE.sub("", ctx.fold_same(line))
    return len(piece) >= 6 and piece.startswith("关于") and piece in P.WHITESPACE.sub("", ctx.fold_same(notice))


def _find_title(h: Header, lines: list[str], page_title: str | None, first_num: int, ctx: ParseContext) -> None:
    if h.notice_title:
        h.title = title_from_notice(h.notice_title, ctx)
        below = _policy_title_below(h.notice_title, lines, (h.notice_line or 0) + 1, ctx)
        if below and notice_fragment(below, h.notice_title, ctx):
            below = None  # the notice's title again, wrapped ("关于印发…责任分解的" / "通 知")
        quoted = bool(QUOTED_TITLE.search(h.notice_title))
        if below and (not h.title or not quoted or _same_title(below, h.title, ctx, loose=False)):
            h.title = below
        if h.title and not QUOTED_TITLE.search(h.notice_title):
            h.title = AGENCY_PREFIX.sub("", h.title) if len(h.title) > 12 and h.title != below else h.title
    if not h.title and h.meta.get("title"):
        h.title = clean_title(tidy_head_line(h.meta["title"], ctx).text, ctx)
    if not h.title:
        for i, head in enumerate(h.heads[:max(first_num, 1)]):
            lead = lead_sentence(lines[i].strip(), ctx) if i not in h.meta_lines else None
            if lead:
                h.lead_issuer, h.title = lead[0], clean_title(lead[1], ctx)
                break
    for i, head in enumerate(h.heads[:max(first_num, 1)]):
        if head.issuer:
            h.lead_issuer = h.lead_issuer or head.issuer
    parts = [p for p in TITLE_PARTS.split(page_title or "") if P.GENRE.search(ctx.fold(p))]
    if not h.title:
        # the page's <title> names the document: its line in the text beats menu entries above it
        wanted = {_norm(clean_title(p, ctx), ctx) for p in parts}
        candidates = []
        crumbs = breadcrumb_entries(ctx.text.split("\n", BREADCRUMB_LINES)[:BREADCRUMB_LINES], ctx)  # page chrome: raw lines
        for i, head in enumerate(h.heads[:0 if starts_mid_document(lines) else first_num]):
            if i in h.meta_lines or _norm(head.text, ctx) in crumbs:
                continue
            joined = _wrapped_title(h.heads, i, ctx)
            if joined:
                candidates.append((i, joined))
            elif title_like(head.text, ctx) or law_title(ctx.fold(lines[i]), ctx):
                candidates.append((i, head.text))
        named = [c for c in candidates if _norm(clean_title(c[1], ctx), ctx) in wanted]
        issued = [c for c in candidates if ISSUER_IN_TITLE.match(ctx.fold_same(c[1]))
                  and _org_list(ctx.fold_same(c[1])[:ISSUER_IN_TITLE.match(ctx.fold_same(c[1])).end() - 2], ctx)]
        ended = [c for c in candidates if genre_at_end(c[1], ctx)]
        pick = (named or issued or ended or candidates or [None])[0]
        if pick:
            h.title = clean_title(pick[1], ctx)
            above = lines[pick[0] - 1].strip() if pick[0] > 0 and pick[0] - 1 not in h.meta_lines else ""
            if ctx.fold(h.title).startswith("关于") and P.ORG_LINE.match(ctx.fold_same(above)):
                h.title_issuer = above  # "国家知识产权局" / "关于加快建设知识产权强市的指导意见"
                h.title = issuer_lines_above(lines, pick[0], h.meta_lines, ctx) + h.title
            for k in (1, 2):  # "北京市“十三五”时期…规划" / (the title again) / "北京市发展和改革委"
                below = lines[pick[0] + k].strip() if pick[0] + k < len(lines) else ""
                if P.ORG_LINE.match(ctx.fold_same(below)) and pick[0] + k not in h.meta_lines:
                    h.title_issuer = h.title_issuer or below
                    break
                if not _same_title(below, pick[1], ctx):
                    break
    if not h.title and parts:
        h.title = clean_title(max(parts, key=len), ctx)
    if not h.title and lines:
        flat = flat_head_title(lines[0], ctx)
        h.title = clean_title(flat, ctx) if flat else None
    if not h.title:
        h.title = next(filter(None, (glued_title(line, ctx) for line in lines[:max(first_num, 1) + 1][:GLUED_LINES])), None)
    if not h.title:
        h.title = next(filter(None, (title_then_purpose(line, ctx) for i, line in enumerate(lines[:OPENING_LINES])
                                     if i not in h.meta_lines)), None)
    if not h.title:
        h.title = transmitted_title("\n".join(lines[:max(first_num, 1) + 1]), ctx)
    if not h.title:
        h.title = next(filter(None, (purpose_title(line, ctx) for i, line in enumerate(lines[:max(first_num, 1)][:OPENING_LINES])
                                     if i not in h.meta_lines)), None)
    if not h.title:
        h.title = next(filter(None, (call_title(line, ctx) for i, line in enumerate(lines[:max(first_num, 1)][:CALL_LINES])
                                     if i not in h.meta_lines)), None)
    if not h.title:
        h.title = page_mark_title(ctx.text, ctx)
    if not h.title:
        h.title = editor_lead_title(ctx.text[:EDITOR_LEAD_SPAN], ctx)
    h.title = period_below(h.title, lines[:max(first_num, 1) + 2], ctx)
    h.title = promulgated_title(h.title, lines[:max(first_num, 1) + 3], ctx) or h.title
    h.title = headed_form(h.title, lines[:max(first_num, 1) + 3], ctx)


INNER_QUOTES = re.compile(r"[〈〉<>＜＞]")
TITLE_SKELETON_DROP = re.compile(rf"[^{P.HAN}\dA-Za-z]")


@rule(stage="header", example="'关于贯彻落实〈计量发展规划(2021—2035年)〉的实施意见' with the line '关于贯彻落实《计量发展规划(2021—2035年)》的"
                               "实施意见' below → that line")
def headed_form(title: str | None, lines: list[str], ctx: ParseContext) -> str | None:
    """A title read from a covering notice's 《…〈…〉…》, whose inner quotes are 〈〉 or <> there, as the document's
    own heading line writes it, with 《》 (b145 005, b550 003, b551 006): the same words, the heading's marks."""
    if not title or not INNER_QUOTES.search(title) or any(line.strip() == title for line in lines):
        return title  # a heading line that writes 〈〉 itself keeps them (b544 001)
    want = TITLE_SKELETON_DROP.sub("", ctx.fold(title))
    for line in lines:
        s = line.strip()
        if s != title and "《" in s and not INNER_QUOTES.search(s) and TITLE_SKELETON_DROP.sub("", ctx.fold(s)) == want:
            return clean_title(s, ctx)
    return title


BREADCRUMB_SPLIT = re.compile(r"\s*[>＞»]+\s*")
BREADCRUMB_LINES = 40
BREADCRUMB_CATEGORY_MAX = 8


@rule(stage="header", example="['黑龙江高企政策', '当前位置: 主页 > 高企奖励政策 > 黑龙江高企政策'] → {'主页', '高企奖励政策', '黑龙江高企政策'}")
def breadcrumb_entries(lines: list[str], ctx: ParseContext) -> set[str]:
    """The entries of the page's breadcrumb trail ("当前位置: 主页 > 高企奖励政策 > 黑龙江高企政策"), the last one
    only when short (it often names the document itself): a line naming one of them is the site's category
    heading, not the document's title (b503 002: "黑龙江高企政策" ends with a genre word)."""
    out: set[str] = set()
    for line in lines:
        parts = BREADCRUMB_SPLIT.split(line.strip())
        if len(parts) >= 3 and all(0 < len(p) <= 20 for p in parts[:-1]):
            # the last entry is often the document itself ("首页 > 政策文件 > 某某办法"): a category only when short
            out.update(_norm(p.split(":")[-1].split("：")[-1], ctx) for p in parts
                       if p is not parts[-1] or len(p) <= BREADCRUMB_CATEGORY_MAX)
    return out


PROMULGATED_DOC = re.compile(r"《([^《》]{4,80})》\s*(?:已于|已由|已经|已报经|经|由)[^。《》]{0,120}?(?:通过|批准)[^。《》]{0,60}?现予(?:公布|公告)")
# "(2025第21号)" after an announcement heading: a number the heading pattern does not read (b403 008)
ANNOUNCEMENT_NUMBER_TAIL = re.compile(r"[(（][^()（）]{1,12}[号號][)）]$")


@rule(stage="header", example="'温州市第十四届人民代表大会常务委员会公告' over '《温州市青年发展促进条例》已于…通过,…批准,现予公布' → "
                               "'温州市青年发展促进条例'; '沈阳市人民代表大会常务委员会公告(第38号)' over "
                               "'《沈阳市知识产权保护和促进条例》由…通过,已经…批准,现予公布' → '沈阳市知识产权保护和促进条例'")
def promulgated_title(title: str | None, lines: list[str], ctx: ParseContext) -> str | None:
    """A title that is only a standing committee's announcement ("…常务委员会公告", b475 002, 012; with its
    number, "…公告(2025第21号)", b403 008): the law it promulgates ("《X》已于…通过…现予公布", "《X》由…通过",
    "《X》已报经…批准", b590 002, b410 005) is the document. None when the title is another or the text
    names no law."""
    if not title or not ANNOUNCEMENT_LINE.match(ANNOUNCEMENT_NUMBER_TAIL.sub("", P.WHITESPACE.sub("", ctx.fold(title)))):
        return None
    for line in lines:
        m = PROMULGATED_DOC.search(ctx.fold_same(line))
        if m and genre_at_end(line[m.start(1):m.end(1)], ctx):
            # a title quoted inside 《》 writes its own 《》 as 〈〉: the law's title line writes 《》
            return clean_title(line[m.start(1):m.end(1)].replace("〈", "《").replace("〉", "》"), ctx)
    return None


@rule(stage="header", example="['(二)加强配合,形成合力', '在专项行动中,…', '五、时间安排', '专项行动分三个阶段进行'] → True; "
                               "['一、总体要求', …] → False; ['1、推进预制菜产业发展三年行动方案…'] → False")
def starts_mid_document(lines: list[str]) -> bool:
    """A page whose first line is a numbered item other than the first ((二), 三、, 第五条): it starts inside
    the document, so no line below it is the document's title (a short heading further down, such as
    "专项行动分三个阶段进行", only looks like one). The next item of its kind must follow within a few lines:
    a page's meta description that quotes one article ("第二條 本條例所稱…" />) is not a start."""
    text = [line.strip() for line in lines if line.strip()]
    num = match_numbering(text[0]) if text else None
    if not num or num[0] not in ("pcn", "cn", "article") or FIRST_ITEM.match(text[0]):
        return False
    # the next item of its kind follows soon, numbered one on (not a page whose meta description quotes
    # one article before the whole text from 第一条)
    nxt = next((n for n in map(match_numbering, text[1:12]) if n and n[0] == num[0]), None)
    return bool(nxt) and T.parse_cn_number(nxt[1]) == (T.parse_cn_number(num[1]) or 0) + 1


@rule(stage="header", example="'国家知识产权局关于促进知识产权运营工作的通知 国知发〔2017〕1号 各省…：为…' (one long line) → "
                               "'国家知识产权局关于促进知识产权运营工作的通知'")
def flat_head_title(line: str, ctx: ParseContext) -> str | None:
    """The title of a page flattened to one line whose lines were joined with spaces (a long line, or
    one where the addressees follow the title after a space: "…的若干意见 各地级以上市人民政府,…:"),
    when nothing else gave one: among the first pieces of that line (split at spaces, before the first sentence), the
    first that reads as a title; a title glued to its purpose sentence ("…工作方案为切实加大…") ends at its genre."""
    if len(line) < FLAT_TITLE_MIN_LINE and not FLAT_SALUTATION.search(line[:FLAT_TITLE_SCAN]):
        return None
    head = FIRST_STOP.split(line[:FLAT_TITLE_SCAN], maxsplit=1)[0]
    for piece in head.split()[:FLAT_TITLE_PIECES]:
        piece = piece.strip("《》")
        glued = TITLE_THEN_PURPOSE.match(ctx.fold_same(piece))  # "…工作方案为切实加大…": the title, then its purpose
        piece = piece[:glued.end(1)] if glued else piece
        if title_like(piece, ctx) and not P.DOC_NUMBER.search(piece):
            return piece
    return None


@rule(stage="header", example="'…研究制定了《开封市新型研发机构备案与绩效评价办法(试行)》。现印发给你们' → "
                               "'开封市新型研发机构备案与绩效评价办法(试行)'; '为贯彻落实《X意见》,现印发给你们' → None")
def transmitted_title(text: str, ctx: ParseContext) -> str | None:
    """The document a covering notice issues, named in its transmittal sentence, when the page gave no
    title otherwise: 《X》 after 制定了/编制了/现将, or before "(已)经…同意, 现…" / "现印发" / "印发给你们",
    X ending with its genre (办法, 方案, …的通知). A document the sentence only cites ("为贯彻落实《…》,
    经市政府同意, 决定…", "适时修订《…条例》") is not it."""
    f = ctx.fold_same(text[:TRANSMITTAL_SCAN])
    for m in QUOTED_DOC.finditer(f):
        name = text[m.start(1):m.end(1)]
        if not genre_at_end(name, ctx):
            continue
        before, after = f[max(0, m.start() - TRANSMITTAL_REACH):m.start()], f[m.end():m.end() + TRANSMITTAL_REACH]
        if TRANSMIT_BEFORE.search(before) or TRANSMIT_AFTER.match(after):
            return clean_title(name, ctx)
    return None


# "东莞市2023年水污染防治工作方案_第1页": a document-sharing site's page image, named after the document
PAGE_IMAGE_NAME = re.compile(r"^\s*(\S.{3,80}?)_第\s*1\s*[页頁]\s*$", re.M)
FILE_NAME_TAIL = re.compile(rf"(?:\s*[(（]共\s*\d+\s*[页頁][)）])?\s*{P.FILE_EXTENSION}\s*$|(?:\s*[(（]共\s*\d+\s*[页頁][)）])\s*$", re.I)


@rule(stage="header", example="'东莞市2023年水污染防治工作方案_第1页' → '东莞市2023年水污染防治工作方案'; "
                               "'包虫病实施方案.docx_第1页' → '包虫病实施方案'; '第1页' → None")
def page_mark_title(text: str, ctx: ParseContext) -> str | None:
    """A page that gave no title otherwise, whose document-sharing site marks its page images with the
    document's name ("X_第1页", b543 009, b343 009, b398 …): that name, without the file's extension or page
    count, when it reads as a title."""
    m = PAGE_IMAGE_NAME.search(ctx.fold_same(text))
    if not m:
        return None
    name = FILE_NAME_TAIL.sub("", text[m.start(1):m.end(1)]).strip()
    return clean_title(name, ctx) if title_like(name, ctx) else None


GLOSSES = re.compile(P.GLOSS)
EDITOR_LEAD_SPAN = 1500  # how far into the page a template site's lead may stand
_EDITOR_VERBS = P.alternation(L.EDITOR_LEAD_VERBS)
_EDITOR_ENDS = P.alternation(L.EDITOR_LEAD_ENDS)
EDITOR_LEAD = re.compile(rf"小编[^。\n]{{0,8}}?(?:{_EDITOR_VERBS})[了的]?(?:关于)?[:：]?(?:【[^】\n]{{1,8}}】)?[“《\"]?"
                         rf"(?P<t>[^,，。!！》”\"\n]{{4,60}}?)[》”\"]?(?:[,，。!！]|{_EDITOR_ENDS})")


@rule(stage="header", example="'下面是小编为大家整理的光伏发电精准脱贫实施方案,请大家参阅。' → '光伏发电精准脱贫实施方案'; "
                               "'小编为您整理的《户外电子显示屏管理规范》,欢迎阅读!' → '户外电子显示屏管理规范'; "
                               "'本站小编为你精心准备了全市水库安全管理通知参考范文,…' → None")
def editor_lead_title(text: str, ctx: ParseContext) -> str | None:
    """A template or essay site's lead naming the document it serves ("下面是小编为大家整理的X,供大家参考",
    b301 004, b391 004, b193 010), on a page that gave no title otherwise: X, when it reads as a title that ends
    with its genre. A template's name ("本站小编为你精心准备了X参考范文") is none: the gold mostly gives no title."""
    text = GLOSSES.sub("", text)
    m = EDITOR_LEAD.search(ctx.fold_same(text))
    if not m:
        return None
    raw = text[m.start("t"):m.end("t")]
    if ctx.fold(raw).endswith(L.TEMPLATE_WORDS):
        return None
    name = clean_title(raw, ctx)
    return name if title_like(name, ctx) and genre_at_end(name, ctx) else None


@rule(stage="header", example="'2025年深圳市知识产权保险资助项目' → itself; '申报指南 | 深圳市2022年知识产权领域专项资金核准制项目' → "
                               "'深圳市2022年知识产权领域专项资金核准制项目'; '一、资助项目' → None")
def call_title(line: str, ctx: ParseContext) -> str | None:
    """A funding call's own name near the top of a page that gave no title otherwise: a short line without
    sentence marks that ends with what it funds ("…资助项目", "…专项资金", "…项目申报", "…奖励"), after a
    site's tag ("申报指南 | …"). Portals of subsidy calls title their pages so (b435 001, b96 …)."""
    s = CALL_TAG.sub("", line.strip())
    f = ctx.fold(s)
    if not (CALL_TITLE_MIN <= len(s) <= CALL_TITLE_MAX) or CALL_SENTENCE_MARKS.search(f) or CRUMB_TRAIL.search(f) \
            or match_numbering(s) or f.startswith(L.CALL_OPENERS) or not f.endswith(L.CALL_TITLE_ENDS):
        return None
    return clean_title(s, ctx)


@rule(stage="header", example="'福州市长乐区人民政府办公室2023年4月24日福州市长乐区会展业促进管理办法第一章总则第一条为…' → "
                               "'福州市长乐区会展业促进管理办法'; '文档介绍:镇远县招商引资优惠办法(暂行)' → '镇远县招商引资优惠办法(暂行)'")
def glued_title(line: str, ctx: ParseContext) -> str | None:
    """A title run together with what stands around it on a copied page: after a sharing site's label
    (文档介绍:, 资源描述) or the signature and date it followed in print, and before its first words
    (为…, 根据…, 第一章, 第一条, 一、) or alone; it ends with its genre and a trial or period mark."""
    f = ctx.fold_same(line.strip())
    start = 0
    lab = GLUED_LABEL.match(f)
    if lab:
        start = lab.end()
    else:
        start = after_signature(f) or 0
    if not start and not lab:
        return None
    m = GLUED_TITLE.match(f, start)
    if not m:
        return None
    title = line.strip()[m.start(1):m.end(1)]
    return clean_title(title, ctx) if title_like(title, ctx) else None


@rule(stage="header", example="'县技术标准化建设奖励实施方案为全面推进我县实施技术标准战略,…' → '县技术标准化建设奖励实施方案'; "
                               "'爱国卫生运动工作方案各村、镇直有关单位:为贯彻…' → '爱国卫生运动工作方案'; "
                               "'金华市农村产权流转交易管理暂行办法。' → '金华市农村产权流转交易管理暂行办法'; "
                               "'加强监管为重点的工作方案' → None")
def title_then_purpose(line: str, ctx: ParseContext) -> str | None:
    """A title at the very top of a page run into its first sentence (为…, 根据…, the addressees 各…:) or
    closed with a full stop, as previews and copying sites give it: the title, when it reads as one."""
    f = ctx.fold_same(line.strip())
    m = OPENING_TITLE.match(f)
    if not m:
        return None
    title = line.strip()[:m.end(1)]
    if SELF_NAMED.search(m.group(1)):
        return None  # "…(以下简称《条例》)制定本办法。": a purpose sentence, no title
    return clean_title(title, ctx) if title_like(title, ctx) else None


@rule(stage="header", example="'为…技能人才高地,特制定2024年“人人持证、技能河南”建设工作方案。' → "
                               "'2024年“人人持证、技能河南”建设工作方案'; '…,特制定服务外包产业发展政策意见。' → None")
def purpose_title(line: str, ctx: ParseContext) -> str | None:
    """A page without a title line whose opening purpose sentence names the year's plan it opens, without
    《》 ("为…,特制定2024年…工作方案。", b508 001): that name is the title. Only a name that opens with its
    year: "…特制定推动经济社会高质量发展的若干政策。" is a purpose, not a title (b189 009, b491 011)."""
    m = PURPOSE_TITLE.search(ctx.fold_same(line))
    if not m:
        return None
    title = line[m.start(1):m.end(1)].strip()
    return clean_title(title, ctx) if title_like(title, ctx) else None


@rule(stage="header", example="'内蒙古自治区知识产权战略纲要' / '(2013—2020年)' → '内蒙古自治区知识产权战略纲要(2013—2020年)'")
def period_below(title: str | None, lines: list[str], ctx: ParseContext) -> str | None:
    """A title whose plan period or trial mark stands alone on the next line ("(2013—2020年)",
    "(试 行)"): it is part of the title, as written (a trial mark without its layout spaces)."""
    if not title or PERIOD_LINE.search(title) or TRIAL_LINE.search(ctx.fold_same(title)):
        return title
    want = _norm(title, ctx)
    for i, line in enumerate(lines[:-1]):
        if len(want) >= 6 and _norm(line, ctx).endswith(want) and len(line) <= len(title) + 12:
            nxt = lines[i + 1].strip()
            if PERIOD_LINE.fullmatch(nxt):
                return title + nxt
            return title + P.WHITESPACE.sub("", nxt) if TRIAL_LINE.fullmatch(ctx.fold_same(nxt)) else title
    return title


@rule(stage="header", example="'《…分解方案》已经区人民政府同意,现印发给你们,并就有关事项通知如下:' '一、提高政治站位。…' → "
                               "len(lines) (nothing numbered after the signature); the same with the policy's items after "
                               "the signature → the line after it")
def issued_with_own_items(lines: list[str], start: int, ctx: ParseContext) -> int | None:
    """A notice that issues or forwards a document and announces items of its own ("现印发给你们,并就有关
    事项通知如下:", "转发你们,并将有关事项通知如下", "请结合以下要求…"): its items say how to carry the issued
    document out, they are not the policy's measures (their figures stay document-level targets). Where
    those items end: after the notice's signature when numbered lines follow it (the issued document
    without its title repeated), else the page's end. None when no such notice opens the page."""
    for i in range(start, min(len(lines), start + 40)):
        if not ("你" in lines[i] and (ISSUED_WITH_ITEMS.search(ctx.fold(lines[i])) or
                                      items_after_transmittal(lines[i], lines[i + 1] if i + 1 < len(lines) else "", ctx)) or
                "如下" in lines[i] and items_after_issuing(lines[i - 1] if i > start else "", lines[i], ctx)):
            continue
        for j in range(i + 1, len(lines)):
            if signature_date(lines[j]):
                if any(match_numbering(l) for l in lines[j + 1:]):
                    return j + 1
                break
        return len(lines)
    return None


@rule(stage="header", example="'《…任务分解》…现印发给你们,请认真抓好贯彻落实。' then '一、强化责任落实。…' → True")
def items_after_transmittal(line: str, nxt: str, ctx: ParseContext) -> bool:
    """A transmittal sentence that closes its paragraph ("…现印发给你们,请认真抓好贯彻落实。") followed at once
    by numbered items: the notice's own instructions for carrying the issued document out
    (issued_with_own_items); the issued document itself starts with its title, or, when the page lost
    it, with 第一条 or a general chapter (一、总体要求)."""
    num = match_numbering(nxt.strip())
    if num is None or num[0] == "article" or not TRANSMITTAL_ONLY.search(ctx.fold(line.strip())):
        return False
    head = re.split(r"[。，,；;：:\s]", ctx.fold(num[2]).strip(), maxsplit=1)[0]
    return not GENERAL_CHAPTER.match(head)  # "一、总体要求": the issued document's first chapter


@rule(stage="header", example="'现将…《全国专利事业发展战略》予以印发,请结合实际贯彻落实。' then '…现将具体实施意见和有关事项通知如下:' → True")
def items_after_issuing(prev: str, line: str, ctx: ParseContext) -> bool:
    """A notice that issues a document in one sentence and announces its own items in the next ("…予以印发,
    请结合实际贯彻落实。" / "…现将具体实施意见和有关事项通知如下:"), on one line or two: the items that
    follow say how to carry the issued document out (issued_with_own_items)."""
    f = ctx.fold(line.strip())
    m = OWN_ITEMS_FOLLOW.search(f)
    return bool(m) and bool(ISSUING_SENTENCE.search(ctx.fold(prev.strip()) + f[:m.start()]))


@rule(stage="header", example="notice '…通知如下:' '1.明確任務…' '2.統籌協調…' then its signature and nothing numbered → True")
def notice_items_only(lines: list[str], start: int, signature: int) -> bool:
    """A covering notice whose own numbered items are all the page holds (the policy it issues is not
    on the page): nothing numbered after the notice's signature, items before it. Those items are the
    operative text."""
    return not any(match_numbering(l) for l in lines[signature + 1:]) \
        and sum(1 for l in lines[start:signature] if match_numbering(l)) >= 2


@rule(stage="header", example="notice …, '2022年区政府要完成的与人民生活', '密切相关的实事', '1.既有多层住宅…' → the index of '1.…'")
def title_over_two_lines(lines: list[str], start: int, want: str, ctx: ParseContext) -> int | None:
    """Where the issued document starts when a covering notice is followed by its title broken over two
    lines (b190 007: "2022年区政府要完成的与人民生活" / "密切相关的实事"): the line after the second half,
    when numbered items follow. None when the title does not come back so."""
    for i in range(start, len(lines) - 1):
        n = _norm(clean_title(lines[i], ctx), ctx)
        if len(n) >= 6 and want.startswith(n) and n != want and not match_numbering(lines[i + 1]) \
                and _norm(clean_title(lines[i] + lines[i + 1], ctx), ctx) == want \
                and any(match_numbering(l) for l in lines[i + 2:i + 400]):
            return i + 2
    return None


@rule(stage="header", example="'关于《政府工作报告》确定的2021年重点工作责任分解的通知' + '一、加强组织领导…' → True; "
                               "'关于开展专利执法专项行动的通知' → False")
def division_notice(title: str | None, top: list[str], ctx: ParseContext) -> bool:
    """A notice that divides a year's tasks among units in an attached table ("…重点工作责任分解的通知",
    "…将各项工作任务分解(详见附件),现就有关事宜通知如下:", b195 004, 010, 012): its own numbered items
    (加强组织领导, 加强督查 …) say how to carry those tasks out; they are no measures. The tasks must be
    divided (分解, 分工) in the title, or in the text with the attachment named, and every 一、二、 item
    of the notice about carrying the work out (SAFEGUARD_WORDS: a notice dividing tasks in its own items,
    b34 003, keeps them as measures)."""
    t = ctx.fold(title or "")
    if not t.endswith("通知") or "印发" in t:
        return False
    if not (DIVISION_TITLE.search(t) or DIVISION_TEXT.search(ctx.fold(" ".join(top[:12])))):
        return False
    # its items are about carrying the work out (加强组织领导, 狠抓工作落实), every one of them
    heads = [ctx.fold(n[2])[:16] for n in map(match_numbering, top) if n and n[0] == "cn"]
    return len(heads) >= 2 and all(any(w in h for w in L.SAFEGUARD_WORDS) for h in heads)


def _find_body_and_signature(h: Header, lines: list[str], first_num: int, ctx: ParseContext) -> None:
    """The body starts after the policy title repeated below the notice, else after the notice's
    signature; the signature gives the signing date and signer (else one at the end of the document)."""
    start_from = (h.notice_line + 1) if h.notice_line is not None else 0
    want = _norm(h.title, ctx) if h.title else None
    body = None
    titled = False
    if want:
        for i in range(start_from, len(lines)):
            n = _norm(clean_title(lines[i], ctx), ctx)
            if (n == want or (len(want) > 8 and n.startswith(want) and len(n) <= len(want) + 8)) \
                    and any(match_numbering(l) for l in lines[i + 1:i + 400]):
                body, titled = i + 1, True
                break
        if body is None and h.notice_line is not None:
            body = title_over_two_lines(lines, start_from, want, ctx)
            titled = body is not None
    if h.notice_line is not None:
        end = body if body else min(len(lines), h.notice_line + 40)
    else:
        end = min(len(lines), max(body or 0, first_num), 40)
    for i in range(start_from, end):
        date = signature_date(lines[i])
        if not date:
            continue
        signer = signer_above(lines, i, ctx) if i - 1 >= start_from else None
        prev = lines[i - 1].strip() if i > 0 else ""
        if h.notice_line is None and not (signer or PAREN_DATE.match(lines[i].strip()) or prev.endswith("。")
                                          or SIGN_OFF.search(ctx.fold(prev)) or LEADER_SIGNATURE.match(ctx.fold(prev))):
            continue
        h.signed_date, h.signer = date, signer
        if body is None and h.notice_line is not None:
            body = i + 1 if not notice_items_only(lines, start_from, i) else start_from
        break
    if body is None:
        body = (h.notice_line + 1) if h.notice_line is not None else 0
    if not titled:
        issued = issued_with_own_items(lines, start_from, ctx)
        if issued is not None:
            h.own_items_end = max(issued, body)  # the notice's own items: kept in the body, no measures
    elif h.notice_line is None and division_notice(h.title, lines[body:], ctx):
        h.own_items_end = len(lines)  # its items say how to carry out the tasks it divides elsewhere
    h.body_start = body
    if h.signed_date is None:
        tail = lines[-12:]
        for j in range(len(tail) - 1, -1, -1):
            if P.DATE_LINE.match(tail[j]):
                h.signed_date = parse_date(tail[j])
                if j > 0 and P.ORG_LINE.match(ctx.fold_same(tail[j - 1])):
                    h.signer = h.signer or tail[j - 1]
                break
    if h.signed_date is None:
        tail = lines[-12:]
        for j in range(len(tail) - 1, 0, -1):  # "南阳市人民政府" / "2014530": a date whose 年月日 were lost
            d = lost_marks_date(tail[j])
            if d and P.ORG_LINE.match(ctx.fold_same(tail[j - 1])):
                h.signer, h.signed_date = h.signer or tail[j - 1], d
                break
    if h.signed_date is None and len(lines) <= 12:
        for line in lines[:3] + lines[-3:]:
            found = inline_signature(line, ctx)
            if found:
                h.signer, h.signed_date = h.signer or found[0], found[1]
                break
    if h.signed_date is None and ctx.knowledge is not None and "\n" not in ctx.text.strip():
        found = glued_signature(ctx.text.strip(), ctx)
        if found:
            h.signer, h.signed_date = h.signer or found[0], found[1]


def _find_other_marks(h: Header, lines: list[str], first_num: int, ctx: ParseContext) -> None:
    """Decree numbers, "…会议通过" and "…公布" notes, and the page's own date near the top."""
    top = lines[:h.zone]
    h.order = order_number(top, ctx)
    for i, line in enumerate(top[:max(first_num, 1) + 3]):
        f = ctx.fold_same(line)
        m = PASSED.search(f) or PASSED_ON.search(f) or PROMULGATED.search(f)
        if m and not h.passed:
            org = without_state_name(SESSION.sub("", P.WHITESPACE.sub("", line[m.start("org"):m.end("org")])), ctx)
            kind = "signed" if m.re in (PASSED, PASSED_ON) else "published"
            # an adopted regulation's note may run over lines; a decree's rule keeps its first date unless revised
            # on the same line (b708 007, b705 012: the gold's reading)
            note = history_note(top, i, m.end(), ctx) if kind == "signed" else f[m.end():]
            h.passed = (org, kind, latest_revision(note, adopted=kind == "signed") or parse_date(m.group("date")))
            if kind == "signed":
                h.promulgated = promulgation_after(f[m.end():])
            if m.re is PROMULGATED and m.group("order") and not h.order:
                # "(2006年6月30日山東省人民政府令第187號發布…)": the decree's number, as written
                h.order = (org, P.WHITESPACE.sub("", line[m.start("org"):m.end("order")]))
            elif m.re is not PROMULGATED and not h.order and (p := PROMULGATED.search(f, m.end())) and p.group("order"):
                # "(…常务会议审议通过 2015年10月16日南宁市人民政府令第41号公布 …)": passed, then promulgated by decree
                h.order = (without_state_name(P.WHITESPACE.sub("", line[p.start("org"):p.end("org")]), ctx),
                           P.WHITESPACE.sub("", line[p.start("org"):p.end("order")]))
            if m.re is PROMULGATED and (later := latest_revising_order(f[m.end():])):
                # b320 002; the revising decree's body issues the version shown ("农业部令2012年第2号公布,2022年1月21日
                # 农业农村部令2022年第2号修订", b700 003)
                h.order = (without_state_name(P.WHITESPACE.sub("", line[m.end() + later[0]:m.end() + later[2]]), ctx),
                           P.WHITESPACE.sub("", line[m.end() + later[0]:m.end() + later[1]]))
        if h.page_date is None and i not in h.meta_lines and len(line) <= 60:
            d = PAGE_DATE.search(line)
            if d:
                h.page_date = (parse_date(d.group()) if not d.group(1)
                               else parse_date(f"{d.group(3)}-{d.group(2)}-{d.group(1)}"))
        if h.page_date is None and len(line) <= 120:
            h.page_date = page_stamp(f)


@rule(stage="header", example="'中華人民共和國國務院' → '國務院'; '国家知识产权局' → '国家知识产权局'")
def without_state_name(org: str, ctx: ParseContext) -> str:
    """An issuer without the state's name before it (中华人民共和国国务院 → 国务院, in either script): the
    name belongs to a decree's number, not to the body that issues it."""
    n = len(L.STATE_NAME)
    return org[n:] if len(org) >= n + 2 and ctx.fold_same(org[:n]) == L.STATE_NAME else org


@rule(stage="header", example="'… 2011年7月29日公布 自2011年10月1日起施行' → '2011-07-29'; "
                               "'… 2009年4月1日太原市人民代表大会常务委员会公告公布' → '2009-04-01'; '自2011年10月1日起施行' → None")
def promulgation_after(rest: str) -> str | None:
    """After a "…会议通过" note, the date the rule was made public: "2011年7月29日公布", also with who
    announced it ("…常务委员会公告公布")."""
    m = PROMULGATION_NOTE.search(rest)
    return parse_date(m.group("date")) if m else None


@rule(stage="header", example="'2016年07月15日 | 来源:河南省人民政府办公厅网站 | 阅读量:2881' → '2016-07-15'; "
                               "'来源: 2021-01-08 09:05:00' → '2021-01-08'; '成文日期：2024年1月2日' → None")
def page_stamp(line: str) -> str | None:
    """The page's own date on a line of page furniture near the top: a date beside the source, the
    author or the read count ("2016年07月15日 | 来源:…", a site's "来源: 2021-01-08 09:05:00") is when
    the page was published. A line labelled with a date of the document (成文日期, 发布日期 …) is
    metadata, read elsewhere."""
    if not PAGE_CHROME.search(line) or DATE_LABEL.search(line):
        return None
    d = P.DATE_YMD.search(line)
    return parse_date(d.group()) if d else None


@rule(stage="header", example="'…第一次修订 2021年2月15日中华人民共和国国务院令第740号第三次修订)' → the span of '中华人民共和国国务院令第740号'")
def latest_revising_order(note: str) -> tuple[int, int, int] | None:
    """Where the last decree number that made a revision stands in a regulation's history note after its
    first publication ("…令第407号公布 根据…修订 …令第740号第三次修订"), and where its body's name ends: the
    text shown is that version, so its decree is the document's number. None: no revision by a numbered decree."""
    found = list(REVISING_ORDER.finditer(note))
    return (found[-1].start("order"), found[-1].end("order"), found[-1].end("org")) if found else None


@rule(stage="header", example="['(1996年9月23日…会议通过', '根据2011年12月1日…修正', '2022年9月28日…修订)'] after 通过 → "
                               "'根据2011年12月1日…修正2022年9月28日…修订)'; '(…通过)' → ')'")
def history_note(lines: list[str], i: int, start: int, ctx: ParseContext) -> str:
    """A regulation's history note after its adoption (from ``start`` on line ``i``), over the lines it
    spans: a note whose bracket opens before the adoption and does not close on that line goes on to the
    line that closes it, three lines at most (b763 007: adopted, amended and revised on three lines)."""
    f = ctx.fold_same(lines[i])
    rest = f[start:]
    if not re.search(r"[(（][^)）]*$", f[:start]) or re.search(r"[)）]", rest):
        return rest
    for line in lines[i + 1:i + 4]:
        rest += ctx.fold_same(line)
        if re.search(r"[)）]", line):
            return rest
    return f[start:]


@rule(stage="header", example="'…通过 根据2021年9月29日…《关于修改〈…〉的决定》修正 2022年7月28日…修订)' → '2022-07-28'")
def latest_revision(note: str, adopted: bool = False) -> str | None:
    """The date of the last revision (修订) or amendment (修正; in an ``adopted`` regulation's note, 修改 too)
    in a regulation's history note after its adoption ("…会议通过") or publication: the text shown is that
    version, so it is the document's date. None: never revised."""
    dates = [parse_date(m.group("date")) for m in (AMENDED if adopted else REVISED).finditer(note)]
    dates = [d for d in dates if d]
    return max(dates) if dates else None


@rule(stage="header", example="'来源:国资数据中心' with '© 2003-2024 国资数据中心 版权所有' at the foot → True; "
                               "'来源:深圳市人民政府办公厅' → False")
def site_source(source: str | None, ctx: ParseContext) -> bool:
    """A page's 来源 that is the site itself: the copyright line at the page's foot names it ("© 2003-2024
    国资数据中心 版权所有", b529 002, 003): it published the page, it issued nothing."""
    if not source or len(source.strip()) < 2:
        return False
    name = re.escape(source.strip())
    return bool(re.search(rf"(?:©|copyright|版权所有)[^\n]{{0,20}}{name}|{name}[^\n]{{0,20}}版权所有", ctx.text, re.I))


@rule(stage="header", example="notice '市政府关于印发…的通知', signature '昆山市人民政府' → '昆山市人民政府'")
def issuer_of(h: Header, lines: list[str], ctx: ParseContext) -> str | None:
    """The issuing body: the notice's own words, written out in full from the signature or the
    metadata when the notice abbreviates it (市政府) or lists "X等部门"; else the metadata, the
    signature, a letterhead ("X文件"), the title ("X关于…"), a news lead ("X印发《…》"), a decree (X令), a
    sentence "X印发…", the page's 来源. Joint issuers are listed with 、; a bare place name is no issuer."""
    meta = h.meta
    issuer = None
    if h.notice_title:
        m = NOTICE.match(ctx.fold_same(h.notice_title)) or PLAIN_NOTICE.match(ctx.fold_same(h.notice_title))
        if m and m.group("issuer"):
            issuer = h.notice_title[:len(m.group("issuer"))].strip()
    letterhead = [l.strip() for l in lines[:h.notice_line or 0] if P.ORG_LINE.match(ctx.fold_same(l.strip()))]
    if issuer and (SELF_REFERENCE.match(issuer) or SOME_DEPARTMENTS.search(ctx.fold_same(issuer))):
        fuller = next((c.strip() for c in (h.signer, meta.get("issuer"), *letterhead)
                       if c and len(c.strip()) > len(issuer) and (ctx.fold(c.strip())[-2:] == ctx.fold(issuer)[-2:]
                                                                  or c.startswith(issuer[:3]))), None)
        issuer = fuller or issuer
    if issuer and h.signer and "、" in h.signer and "、" not in issuer and " " not in issuer \
            and P.WHITESPACE.sub("", issuer) != P.WHITESPACE.sub("", h.signer) and issuer.startswith(h.signer[:2]) \
            and issuer.endswith(h.signer.split("、")[-1]):
        issuer = h.signer  # "中共银川市委银川市人民政府" signed "中共银川市委员会 银川市人民政府"
    title_issuer = None
    if h.title:
        m = ISSUER_IN_TITLE.match(ctx.fold_same(h.title))
        if m:
            title_issuer = h.title[:len(m.group(1))]
        elif m := ISSUER_BEFORE_YEAR.match(ctx.fold_same(h.title)):  # "国家知识产权局2022年工作要点"
            title_issuer = h.title[:len(m.group(1))]
        elif SELF_REFERENCE.match(ctx.fold_same(h.title)):  # "市政府实施名牌战略的补充意见"
            m = re.match(rf"^[{P.HAN}]{{1,12}}?(?:政府|局|委|办|厅)", ctx.fold_same(h.title))
            title_issuer = h.title[:m.end()] if m else None
    in_text = next((found for line in lines[:h.body_start + 10] for found in [issuer_in_text(line, ctx)] if found), None)
    red_header = next((l.strip()[:m.end("org")] for l in lines[:5] for m in [LETTERHEAD.match(ctx.fold_same(l.strip()))]
                       if m), None)
    labelled = (meta.get("issuer"), None if site_source(meta.get("source"), ctx) else meta.get("source"))
    for cand in (issuer, meta.get("issuer"), h.signer, red_header, h.title_issuer, title_issuer,
                 org_line_above_title(h, lines, ctx), h.lead_issuer,
                 h.order[0] if h.order else None, h.passed[0] if h.passed else None, in_text,
                 meta.get("author"), labelled[1]):
        cand = _issuer_form(cand, ctx)
        if cand:
            issuer = cand
            break
    else:
        issuer = None
    if issuer and title_issuer and issuer != title_issuer and issuer.endswith(title_issuer) \
            and issuer[:-len(title_issuer)].endswith(("省", "自治区")) \
            and _issuer_form(title_issuer, ctx) and not SELF_REFERENCE.match(ctx.fold(title_issuer)):
        # "河北省沧州市人民政府" in a law database's box, "沧州市人民政府关于…" as the title has it; a municipality's
        # own name before a district's body stays ("上海市浦东新区知识产权局", the genre set's g07)
        issuer = title_issuer
    if issuer and SELF_REFERENCE.match(ctx.fold(issuer)):
        # "区市场监管局" in the metadata, the title or letterhead naming the issuer(s) in full
        issuer = next((f for c in (title_issuer, h.title_issuer, *letterhead) for f in [_issuer_form(c, ctx)]
                       if f and len(f) > len(issuer) and not SELF_REFERENCE.match(ctx.fold(f))
                       and ctx.fold(f).split()[0][-1:] == ctx.fold(issuer)[-1:]), issuer)
        # "| 发布机构 | 区民政局 |" in a table, "丽水市莲都区民政局" signing the notice (b271 006)
        signer = _issuer_form(h.signer, ctx) or signed_org(ctx.text, ctx)
        if SELF_REFERENCE.match(ctx.fold(issuer)) and signer and len(signer) > len(issuer) \
                and ctx.fold(signer).endswith(ctx.fold(issuer)[1:]) and not SELF_REFERENCE.match(ctx.fold(signer)):
            issuer = signer
    if not issuer:
        issuer = signed_org(ctx.text, ctx)
    if not issuer:  # the last resort: a town the metadata names as its publisher or source
        issuer = next((t for c in labelled if c for t in [township_issuer(c, ctx)] if t), None)
    if issuer and " " in issuer:
        return joint_issuers(issuer, meta.get("issuer"))
    return run_together_issuers(issuer, ctx) if issuer else issuer


@rule(stage="header", example="'市知识产权局印发《…》' → '市知识产权局'; '…环境,大冶市市场监督管理局现对全市各经营者提醒告诫如下' → "
                               "'大冶市市场监督管理局'; '…,长沙市司法局决定在全市范围内选任…' → '长沙市司法局'; "
                               "'…由市人民政府决定。' → None")
def issuer_in_text(line: str, ctx: ParseContext) -> str | None:
    """A sentence whose subject is the issuing body (a late resort of issuer_of): "X印发…", "X发布…", "X现对 /
    现就 / 现将…" (b871 006, 009: a price reminder's opening), "X决定开展 / 在 / 表彰…" (b811 011, b680 007: a
    notice's decision); the name as written. Not a body cited (《…》), one the text follows (根据 X …) or one that
    decides in a rule's article ("由市人民政府决定。")."""
    m = ISSUER_IN_TEXT.search(ctx.fold_same(line))
    if not m or _cited(line, m.start()) or NOT_SPEAKING.match(m.group(1)):
        return None
    return line[m.start(1):m.end(1)]


@rule(stage="header", example="'…请认真贯彻执行。\n上海市嘉定区教育局\n2019年12月4日\n附件1…' → '上海市嘉定区教育局'; "
                               "'漳州市科技特派员工作联席会议办公室\n(漳州市科学技术局代章)\n2025年3月27日' → that office; "
                               "'…常务委员会第五次会议于2008年8月26日制定' → None")
def signed_org(text: str, ctx: ParseContext) -> str | None:
    """The last resort for the issuer: an organisation's name set right before a date (its seal's note "(X代章)",
    "章" or "(章)" between), as a signature is, wherever it stands (above attachments and tables, before the
    title of a page that opens with the notice's end, run together on a one-line page): the first one that is
    an organisation's name."""
    found = signature_of(text, ctx)
    return found[0] if found else None


@rule(stage="header", example="('…特此通知。\\n上海市嘉定区教育局\\n2019年12月4日\\n附件1…', '上海市嘉定区教育局') → '2019-12-04'")
def signed_by_issuer(text: str, issuer: str | None, ctx: ParseContext) -> str | None:
    """The signing date's last resort: the date of the issuer's own signature found anywhere (signature_of)."""
    found = signature_of(text, ctx) if issuer else None
    return found[1] if found and ctx.fold(found[0]) == ctx.fold(issuer) else None


def signature_of(text: str, ctx: ParseContext) -> tuple[str, str | None] | None:
    """(organisation, date) of the first signature signed_org finds."""
    for m in SIGNED_ORG.finditer(ctx.fold_same(text)):
        org = _issuer_form(text[m.start("org"):m.end("org")], ctx)
        if org and not SELF_REFERENCE.match(ctx.fold(org)):
            return org, parse_date(m.group("date"))
    return None


@rule(stage="header", example="'市政府' on a page of 苏州市 → '苏州市人民政府'; '省政府' (河北省) → '河北省人民政府'; '市知识产权局' → '市知识产权局'")
def issuer_in_full(issuer: str | None, region: dict, ctx: ParseContext) -> str | None:
    """A government that names itself by its level only ("市政府", "省政府办公室"), on a page whose title
    or text names the place: written out ("苏州市人民政府", "达州市人民政府办公室"); the place as the page
    writes it. A department keeps its short name (市知识产权局: the text never gives more)."""
    if not issuer:
        return issuer
    m = BARE_GOVERNMENT.match(ctx.fold(issuer))
    if not m:
        return issuer
    place = region.get("province") if m.group("level") == "省" else region.get("city") if m.group("level") == "市" else None
    if not place or not place.endswith(m.group("level")):
        return issuer
    at = ctx.fold_same(ctx.text).find(place)
    if at < 0:
        return issuer
    rest = issuer[len(issuer) - len(m.group("rest")):] if m.group("rest") else ""  # 办公室 / 辦公室 as written
    return ctx.text[at:at + len(place)] + "人民政府" + rest


@rule(stage="header", example="'中央农村工作领导小组办公室、农业农村部发布' → '中央农村工作领导小组办公室、农业农村部'; "
                               "'公告:国家林业局' → '国家林业局'; '附《湖北省公安厅' → '湖北省公安厅'; '来自:市畜牧中心' → '市畜牧中心'")
def issuer_wrapping_off(s: str, ctx: ParseContext) -> str:
    """An issuer as a page wraps it: a label before it (来自:, 公告:, 附《) and the verb a news line puts
    after it (…发布, …印发) are no part of its name ("转发X" stays: the forwarder is the issuer, not X); a
    body a purpose clause cites ("为贯彻落实国务院办公厅…") is none (""), and "X贯彻落实Y…" is X; a people's
    congress is named without its term (第十四届)."""
    f = ctx.fold_same(s)
    if CITING_LEAD.match(f):
        return ""
    if (m := CITING_VERB.search(f)) and m.start() >= 4:
        s, f = s[:m.start()], f[:m.start()]
    if m := ISSUER_LEAD.match(f):
        s, f = s[m.end():], f[m.end():]
    if (m := ISSUER_TAIL.search(f)) and m.start() >= 4:
        s = s[:m.start()]
    f = ctx.fold_same(s)
    if (m := SESSION.search(f)) and f[m.end():].lstrip().startswith("人民代表大会"):
        s = s[:m.start()] + s[m.end():]  # "武汉市第十四届人民代表大会常务委员会": the congress, not its term (b346 001)
    return s.strip()


@rule(stage="header", example="title '关于加快第三产业发展的实施意见(试行)' with '沙县人民政府' on the line above its second "
                               "copy → '沙县人民政府'; '中共南充市委办公室 南充市人民政府办公室' / '关于印发…的通知' → the line")
def org_line_above_title(h: Header, lines: list[str], ctx: ParseContext) -> str | None:
    """The organisations on the line right above a "关于…" title or notice title, wherever on the page
    that title stands (a site's heading repeats it higher up, b45 013; a red header names two offices, b598
    007): the issuer, when nothing else names one."""
    heads = [t for t in (h.notice_title, h.title) if t and ctx.fold_same(t).startswith("关于")]
    for t in heads:
        key = P.WHITESPACE.sub("", ctx.fold_same(t))[:12]
        for i in range(1, min(len(lines), h.body_start + 3)):
            if i - 1 in h.meta_lines or not P.WHITESPACE.sub("", ctx.fold_same(lines[i])).startswith(key):
                continue
            above = lines[i - 1].strip()
            if P.ORG_LINE.match(ctx.fold_same(above)):
                return above
    return None


def _issuer_form(s: str | None, ctx: ParseContext) -> str | None:
    """An issuer candidate as the document field writes it, or None when it names no organisation:
    cut at page furniture, an internal division (…局知识产权发展处) dropped, glued joint issuers
    ("中共宿州市委宿州市人民政府") parted with 、."""
    if not s:
        return None
    s = re.split(r"[【\[]|\s+(?=\S*[:：])", s.strip())[0].strip()
    s = ISSUER_CUT.split(s)[0].strip() if s else s
    if not s:
        return None
    s = DIVISION.sub("", s)
    s = issuer_wrapping_off(s, ctx)
    if not (_org_list(s, ctx) or " " in s and all(_org_list(p, ctx) for p in s.split())):
        return None
    if " " not in s and "、" not in s and GLUED_JOINT.search(s):
        s = "、".join(GLUED_JOINT.split(s))
    if " " not in s and "、" not in s:
        s = glued_same_place(s)
    return s


@rule(stage="header", example="'虹城街道' (发布机构) → '虹城街道'; '东白湖镇' (信息来源) → '东白湖镇'; '安义县万埠镇' → itself; "
                               "'镇江' → None")
def township_issuer(value: str, ctx: ParseContext) -> str | None:
    """A town or street office that a page's metadata names as its publisher or source ("发布机构: 虹城街道",
    "信息来源:东白湖镇", b580 004, b152 009): the town issues in its own name, though its name is a place's.
    Only from those labels (a place named elsewhere is no issuer)."""
    s = ISSUER_CUT.split(value.strip())[0].strip()
    return s if TOWNSHIP.match(ctx.fold_same(s)) else None


# two bodies of one place glued together ("青岛市总工会青岛市地方税务局", b372 011)
GLUED_SAME_PLACE = re.compile(rf"^((?P<place>[{P.HAN}]{{2,4}}?[省市县区州盟])[{P.HAN}]{{0,20}}?(?:{_ORG_END}))(?=(?P=place)[{P.HAN}]{{2,20}})")


@rule(stage="header", example="'青岛市总工会青岛市地方税务局' → '青岛市总工会、青岛市地方税务局'; '青岛市人民政府办公厅' → unchanged")
def glued_same_place(s: str) -> str:
    """Joint issuers of one place written without a separator: parted with 、 where the place's name
    starts again right after a body's name ends (…总工会 | 青岛市…)."""
    parts = []
    while m := GLUED_SAME_PLACE.match(s):
        parts.append(m.group(1))
        s = s[m.end(1):]
    return "、".join(parts + [s]) if parts else s


def _cited(line: str, pos: int) -> bool:
    """The name at ``pos`` is what the text cites ("根据X印发的…"), not who issued it."""
    return bool(re.search(r"(?:根据|按照|依据|落实|贯彻|参照|结合)[^，,。；;]*$", line[:pos]))


@rule(stage="header", example="'中共洛阳市委办公室 洛阳市人民政府办公室' → '中共洛阳市委办公室、洛阳市人民政府办公室'")
def joint_issuers(issuer: str, listed: str | None) -> str:
    """Joint issuers set side by side: as the metadata table lists them, else joined with 、 when
    every part is an organisation's name."""
    if listed and ISSUER_PARTS.sub("", listed.strip()) == P.WHITESPACE.sub("", issuer):
        issuer = listed.strip()
    parts = issuer.split()
    folded = [T.fold_same_length(p) for p in parts]
    if " " in issuer and len(parts) > 1 and all(P.ORG_LINE.match(p) or NATIONAL.search(p) for p in folded):
        return "、".join(parts)
    return issuer


@rule(stage="header", example="'云南省科學技術廳云南省財政廳' → '云南省科學技術廳、云南省財政廳'; "
                               "'中共寧德市委辦公室寧德市人民政府辦公室' → '中共寧德市委辦公室、寧德市人民政府辦公室'; "
                               "'云南省科学技术厅' → unchanged")
def run_together_issuers(issuer: str, ctx: ParseContext, placed: bool = False) -> str:
    """Joint issuers whose signature lines ran together ("云南省科學技術廳云南省財政廳"): split where one
    organisation's name ends (厅, 局, 办公室 …) and the next begins with a place (or 中共 and a place),
    each part an organisation's name; joined with 、. National bodies run together ("財政部國家發展改革委
    水利部中國人民銀行", b304 007) split where one known national name ends and the next begins; a "?" an
    encoding left between two names ("國家發展改革委?國家數據局", b310 003) parts them too; after a name with its
    place, the next may name only its level ("宜昌市发改委市教育局市财政局", b284 012)."""
    national = national_run(issuer, ctx)
    if national:
        return national
    gaz = ctx.knowledge.gazetteer if ctx.knowledge else None
    f = ctx.fold_same(issuer)
    if not gaz or len(f) < 8:
        return issuer
    placed = placed or any(p == 0 for p, _, _ in gaz.find(f[:12]))
    for k in range(4, len(f) - 3):
        if not f[:k].endswith(L.ORG_LINE_ENDS):
            continue
        rest = f[k + 2:] if f.startswith("中共", k) else f[k:]
        level_only = placed and rest[:1] in "市县区" and len(rest) >= 4 and not rest.startswith(("区域", "市场", "县域"))
        if (any(p == 0 for p, _, _ in gaz.find(rest[:12])) or level_only) and P.ORG_LINE.match(f[:k]) \
                and P.ORG_LINE.match(f[k:]):
            return issuer[:k] + "、" + run_together_issuers(issuer[k:], ctx, placed)
    return issuer


NATIONAL_NAMES = tuple(sorted(set(L.NATIONAL_ISSUERS + L.NATIONAL_MINISTRIES), key=len, reverse=True))


@rule(stage="header", example="'財政部國家發展改革委水利部中國人民銀行' → '財政部、國家發展改革委、水利部、中國人民銀行'; "
                               "'國家發展改革委?國家數據局' → '國家發展改革委、國家數據局'; '国家知识产权局' → None")
def national_run(issuer: str, ctx: ParseContext) -> str | None:
    """Two or more known national bodies' names written one after another (nothing, or a stray "?" or space
    between), each perhaps with its 办公厅 ("工业和信息化部办公厅教育部办公厅…", b451 007): each name, joined
    with 、; None when the string is anything else."""
    f = ctx.fold_same(issuer)
    parts, i = [], 0
    while i < len(f):
        if f[i] in "?？ ":
            i += 1
            continue
        name = next((n for n in NATIONAL_NAMES if f.startswith(n, i)), None)
        if name is None:
            return None
        office = next((o for o in L.OFFICE_SUFFIXES if f.startswith(o, i + len(name))), "")  # "教育部办公厅"
        parts.append(issuer[i:i + len(name) + len(office)])
        i += len(name) + len(office)
    return "、".join(parts) if len(parts) >= 2 else None


@rule(stage="header", example="'冀政发[2016] 16号' → '冀政发〔2016〕16号'; '无' → None")
def doc_number_of(h: Header, lines: list[str]) -> str | None:
    """The 文号 from the metadata, else one written with the notice or title ("渝府发〔2016〕56号《…》",
    "…的通知 江府办函〔2018〕83号"), else a line of its own (or opening a line) above the body, a 文号
    whose brackets the page lost, a decree's number (国务院令第722号); brackets normalised to 〔〕."""
    raw = h.meta.get("doc_number")
    m = P.DOC_NUMBER.search(raw.replace(" ", "")) if raw is not None else None
    if m is None and raw is not None and ORDER_FORM.search(raw):
        return P.WHITESPACE.sub("", ORDER_FORM.search(raw).group())
    if m is None and raw is not None and (announced := announcement_form(raw)):
        return announced[1]  # "海关总署公告2018年第67号" (b637 004)
    found = m.group(0) if m else None
    if found is None and (raw is None or not NO_NUMBER.match(raw)):
        found = h.notice_number
        end = min(len(lines), max(h.body_start, 1) + 3, 60)
        end = max(end, min(h.zone, len(lines)))
        for line in lines[:end] if not found else []:
            bare = P.WHITESPACE.sub("", line)
            if T.fold_same_length(bare).startswith(L.CITING_WORDS):
                continue  # "根据麻反诈打跨办〔2023〕1号《…》通知精神": a number cited, not the page's own (b346 010)
            m = P.DOC_NUMBER.fullmatch(bare.strip("()（）")) or (
                P.DOC_NUMBER.match(ABSTRACT_MARK.sub("", bare).lstrip("(（")) if LINE_START_NUMBER.match(line.strip()) else None)
            if m:
                found = m.group(0)
                break
            lost = lost_bracket_number(line) if len(bare) <= 20 else None
            if lost:
                found = lost
                break
        found = found or next((x.doc_number for x in h.heads if x.doc_number), None)
        for line in lines[:min(h.zone, len(lines))] if not found else []:
            m = MID_NUMBER.search(T.fold_same_length(line[:300]))  # "…的意見 國辦發〔2020〕27號" read folded
            lost = INLINE_LOST.search(line[:300])
            if m or lost:
                found = line[m.start(1):m.end(1)] if m else f"{lost.group(1)}〔{lost.group(2)}〕{lost.group(3)}号"
                break
        if found is None and h.order:
            return h.order[1]
    return number_prefix_only(YEAR_BRACKETS.sub(r"〔\1\2〕", P.WHITESPACE.sub("", found))) if found else None


@rule(stage="header", example="'发利用的实施意见湘政办发〔2025〕25号' → '湘政办发〔2025〕25号'; '文件编号桐政办〔2022〕24号' → "
                               "'桐政办〔2022〕24号'; '国办发〔2021〕7号' → unchanged")
def number_prefix_only(number: str) -> str:
    """A 文号 read off a line that glues the title to it ("…开发利用的实施意见湘政办发〔2025】25号"): its
    prefix starts after the title's last 的 or genre noun, which no issuer's abbreviation contains; a
    metadata label glued before it ("文件编号桐政办〔2022〕24号", "政府辦公廳發文字號武政辦〔2020〕1號", b183 009)
    goes too."""
    m = NUMBER_LABEL.match(T.fold_same_length(number))  # "文件编号桐政办〔2022〕24号": the label glued to it
    if m and "〔" in number[m.end():]:
        number = number[m.end():]
    head, bracket, tail = number.partition("〔")
    cut = max([head.rfind("的") + 1] + [head.rfind(w) + len(w) for w in L.TITLE_END_NOUNS if w in head])
    return head[cut:] + bracket + tail if bracket and 0 < cut < len(head) else number


@rule(stage="header", example="notice '…（征求意见稿）…的通知' → 'draft'; '某条例(送审稿)第一章…' → 'draft'; metadata 效力状态：已废止 → 'expired'")
def status_of(h: Header, lines: list[str], ctx: ParseContext) -> str:
    """draft (征求意见稿, 公开征求, 草案 near the title, or a draft mark right after the title where a
    preview's text runs on: "…条例(送审稿)第一章…"), expired (an expiry mark on the title, the
    metadata's status, or a note such as 该文件已废止 near the top or the end), else in_force."""
    titles = " ".join(filter(None, [h.notice_title, h.title]))
    head_text = " ".join(filter(None, [h.notice_title, h.title, " ".join(lines[:h.body_start + 3])]))
    near_title = titles + " ".join(lines[h.body_start:h.body_start + 3]) + " ".join(lines[:h.body_start])
    if DRAFT.search(ctx.fold(head_text)) and DRAFT_STRONG.search(ctx.fold(near_title)):
        return "draft"
    if h.title and any(l.startswith(h.title) and DRAFT_MARK.match(l[len(h.title):])
                       for l in lines[:h.body_start + 15]):
        return "draft"  # a preview's run-on text: "公共场所控制吸烟条例(送审稿)第一章 总 则第一条…" (b320 013)
    if draft_stage_marked(lines[:h.body_start + 40], ctx) and not any(
            ISSUED.search(ctx.fold_same(l)) for l in lines[:h.body_start + 40]):
        return "draft"  # not a mark left on a document its covering notice issues (b109 001: "(送审稿)")
    if h.expired_mark:
        return "expired"
    repealed = parse_date(h.meta.get("repealed"))
    if repealed and repealed <= date.today().isoformat():
        return "expired"  # 废止时间: 2020-01-23 (a date in the past)
    st = ctx.fold(h.meta.get("status") or "")
    if st and EXPIRED.search(st) and "现行有效" not in st:
        return "expired"
    if any(len(l) <= 40 and EXPIRED_NOTE.search(ctx.fold(l)) for l in lines[:h.body_start + 5] + lines[-10:]):
        return "expired"
    if expiry_noted(lines[:h.body_start + 20] + lines[-10:], h.title, ctx):
        return "expired"
    return "in_force"


@rule(stage="header", example="['郑州市房屋安全管理条例', '(征求意见稿)'] → True; "
                               "['1、教科書使用作品支付報酬辦法(征求意見稿)第一條 為保護…'] → True; "
                               "['根据《某某条例(草案)》的说明，本市…'] → False")
def draft_stage_marked(lines: list[str], ctx: ParseContext) -> bool:
    """A draft by its stage mark near the top: a line that is only the mark ("(征求意见稿)", "(讨论稿)",
    "(初稿)", "征求意见稿)", b434 003, b168 003, b598 006), or the mark right after a title that ends with
    its genre near the head of a line (a sharing site's run-on copy, "…办法(征求意见稿)第一條…", b67 004,
    b537 009), not one quoted inside 《》 or named in a sentence or an article ("各单位要对照某办法(征求意见稿)…",
    "第五条 审议某条例(草案)时…")."""
    for line in lines:
        f = ctx.fold_same(line)
        if DRAFT_STAGE_LINE.match(f):
            return True
        for m in DRAFT_STAGE_MARK.finditer(f[:DRAFT_MARK_REACH + 20]):
            before = f[:m.start()]
            if m.start() <= DRAFT_MARK_REACH and before.count("《") == before.count("》") and not SENTENCE_MARKS.search(before) \
                    and not ARTICLE_HEAD.match(before) and genre_at_end(before, ctx):
                return True
    return False


@rule(stage="header", example="['台州市科学技术奖励办法[失效]'] → True; ['【已廢止】惠州市…的通知'] → True; ['有 效 性: 廢止'] → True; "
                               "['本办法已于2024年7月26日废止。'] → True; ['有效性: 有效'] → False; "
                               "['原《某办法》(已废止)的规定不再执行'] → False")
def expiry_noted(lines: list[str], title: str | None, ctx: ParseContext) -> bool:
    """The page says the document no longer applies: an expiry mark in brackets at a line's head or end or
    right after the title ("…办法[失效]", "【已廢止】惠州市…", "(失效)西政办发〔2017〕13号", b146 010,
    b148 012, b576 007), a status label with that value ("有效性: 廢止", "【时效性】失效", b287 003, b276
    005), or a note ("本办法已于2024年7月26日废止", "此文件已于…宣布失效", "本篇法规已被《…》废止", b524 006,
    b39 005, b265 012). A date of expiry alone is not (writers read "失效日期: 2025-06-03" as in force), nor a
    label on a page whose labels also say 有效 (a site's filter of every value, b40 001)."""
    t = ctx.fold_same(title or "")
    folded = [ctx.fold(line).strip() for line in lines]
    # a site's filter lists every value ("有效性:有效", "有效性:失效", "有效性:废止", b40 001): no label counts
    labels = not any(VALID_LABEL.search(f) for f in folded)
    for f in folded:
        for m in EXPIRY_BRACKET.finditer(f):
            if m.start() <= 1 or m.end() >= len(f) - 1 or (t and f[:m.start()].rstrip().endswith(ctx.fold(t))):
                return True
        if labels and EXPIRY_LABEL.search(f) or EXPIRY_SENTENCE.search(f):
            return True
    return False


@rule(stage="header", example="title '青岛市人民政府关于延续执行出租汽车行业管理有关政策的通知' over the line "
                               "'青岛市人民政府关于…的通知(2014年6月27日)' → '2014-06-27'")
def dated_title_line(h: Header, lines: list[str], ctx: ParseContext) -> str | None:
    """The date a gazette or law database writes in brackets after a document's title on its line
    ("…的通知(2014年6月27日)", "…十条意见 (2017年9月5日)", b605 007): the date it was signed, when no
    signature gives one."""
    for title in filter(None, (h.notice_title, h.title)):
        t = ctx.fold_same(title)
        for line in lines[:h.body_start + 3]:
            f = ctx.fold_same(line).strip()
            if f.startswith(t):
                m = TITLE_DATE_NOTE.match(f[len(t):])
                if m:
                    return parse_date(m.group(1))
    return None


def _heads_line(title: str, line: str) -> bool:
    """The title stands on the line as a heading (its head at least, when it wraps), not quoted in a
    sentence (《…》)."""
    k = P.WHITESPACE.sub("", line).find(P.WHITESPACE.sub("", title)[:12])
    return k >= 0 and "《" not in P.WHITESPACE.sub("", line)[:k]


@rule(stage="header", example="'转发住房城乡建设部 财政部 中国人民银行关于放宽提取住房公积金支付房租条件的通知' → "
                               "('关于放宽提取住房公积金支付房租条件的通知', '转发…的通知'); '关于加强管理的通知' → unchanged")
def forwarded_title(title: str, lines: list[str], ctx: ParseContext) -> tuple[str, str | None]:
    """(title, notice title) of a page headed by a forwarding notice with no 关于 before 转发 ("转发X关于Y的
    通知", "瑞安市人民政府办公室转发…的通知", b165 008, b612 001, 003): the forwarded document is the title (the
    one the notice names in 《》 when it says "现将…《Y》…转发给你们", else what follows 转发, from its 关于 on),
    and the forwarding line is the notice's title."""
    f = ctx.fold_same(title)
    m = FORWARD_TITLE.match(f)
    # a chain of forwards ("…办公厅转发国务院办公厅转发…") stays whole, as does a title quoted from the text
    if not m or f.count("转发") > 1 or not any(_heads_line(f, ctx.fold_same(line)) for line in lines):
        return title, None
    for line in lines:
        q = FORWARDED_QUOTE.search(ctx.fold_same(line))
        if q and genre_at_end(q.group(1), ctx):
            return clean_title(line[q.start(1):q.end(1)], ctx), title
    start = m.start("rest")
    about = f.find("关于", start)
    if 0 <= about - start <= 30:
        start = about
    inner = title[start:].strip()
    if not (f[start:].startswith("关于") or genre_at_end(inner, ctx)):
        return title, None
    return inner, title


@rule(stage="header", example="'国务院办公厅' → True; '国家知识产权局、公安部' → True; '国家税务总局沈阳市税务局' → False")
def national_issuer(issuer: str | None, ctx: ParseContext) -> bool:
    """国务院 and its offices, ministries, national bureaus (国家知识产权局, 海关总署 …), the supreme court
    and procuratorate, 国务院…部际联席会议(办公室), a nationwide 全国…组委会/领导小组, and joint issuers
    that are all of these (beside one of them, a national body's short name such as 药监局 counts), each
    with the State's name before it or not; a local branch of a national body names its place and is not
    national."""
    parts = [p for p in ISSUER_PARTS.split(ctx.fold(issuer or "")) if p]
    # "中华人民共和国最高人民法院", "中华人民共和国国务院": the State's name before a national body (b547 008)
    parts = [p[len(L.STATE_NAME):] if p.startswith(L.STATE_NAME) and len(p) > len(L.STATE_NAME) + 1 else p for p in parts]
    gaz = ctx.knowledge.gazetteer if ctx.knowledge else None
    named = [bool(NATIONAL.search(p)) for p in parts]
    return bool(parts) and any(named) and all(
        (full or len(parts) > 1 and NATIONAL_SHORT.match(p)) and not (gaz and (gaz.find(p) or gaz.find(p, short=True)))
        for p, full in zip(parts, named))


@rule(stage="header", example="'广州市海珠区版权局(代章)' → '广州市海珠区版权局'; '市场监管局（知识产权局）' → unchanged")
def without_seal_note(issuer: str | None) -> str | None:
    """An issuer without the seal note its signature carries ("(代章)", "（盖章）"): the body, not the
    stamp."""
    return SEAL_NOTE.sub("", issuer).strip() or None if issuer else issuer


def header(ctx: ParseContext) -> None:
    """ctx.header, ctx.body_lines (the operative text after the covering notice, metadata lines out)
    and ctx.document."""
    # the header reads lines without scraper separators (@@); the body keeps them as written
    lines = [without_separators(line) for line in ctx.lines]
    h = ctx.header = scan_header(lines, ctx.page_title, ctx)
    if h.title and not h.notice_title:
        h.title, h.notice_title = forwarded_title(h.title, lines[:h.body_start + 8], ctx)
    ctx.body_lines = [l for i, l in enumerate(ctx.lines[h.body_start:], h.body_start) if i not in h.meta_lines]
    ctx.notice_items = sum(1 for i in range(h.body_start, min(h.own_items_end, len(ctx.lines))) if i not in h.meta_lines)
    number = doc_number_of(h, lines)
    issuer = without_seal_note(issuer_of(h, lines, ctx))
    region = township_level(region_of(h, issuer, lines, ctx), h.title, ctx)
    issuer = issuer_in_full(issuer, region, ctx)
    passed = h.passed or (None, None, None)
    ctx.document = {
        "title": h.title,
        "notice_title": h.notice_title,
        "issuer": issuer,
        "doc_number": number,
        "province": region["province"], "city": region["city"], "district": region["district"],
        "level": region["level"],
        # the date under the signature first; 成文日期 of the portal's table, a "…会议通过" note after it
        "signed_date": h.signed_date or parse_date(h.meta.get("signed")) or (passed[2] if passed[1] == "signed" else None)
        or signed_by_issuer(ctx.text, issuer, ctx) or dated_title_line(h, lines, ctx),
        # 生成日期 (the portal's record date) stands for the publication date when no other is given
        "published_date": parse_date(h.meta.get("published")) or parse_date(h.meta.get("generated"))
        or (passed[2] if passed[1] == "published" else None) or h.promulgated or h.page_date
        or parse_date(h.meta.get("uploaded")),  # "上传时间:2023-02-04" of a sharing site: when it was made public there
        "status": status_of(h, lines, ctx),
        "script": ctx.script,
        "body_text": "\n".join(ctx.body_lines),
    }


LEVEL_RANK = {"national": 0, "province": 1, "city": 2, "district": 3}
SELF_LEVEL = {"省": "province", "自治区": "province", "市": "city", "州": "city", "盟": "city", "区": "district",
              "县": "district", "旗": "district"}


@rule(stage="header", example="['新乡高新区', …] → '新乡高新区'; [None, '重庆市万盛经开区碳达峰实施方案'] → '万盛经开区'; "
                               "[None, '关于促进我市开发区改革和创新发展的实施方案'] → None")
def development_zone(sources: list[str | None], ctx: ParseContext) -> str | None:
    """A development zone that issues the document or whose title it opens with (新乡高新区…, 重庆市万盛
    经开区…, 广州开发区…): the zone is governed as a district (the gold of b119, b143, b167, b200, b28,
    b38, b45, b93 gives level district), its name as written without the province or city before it."""
    for src in sources:
        m = ZONE_SUBJECT.match(ctx.fold_same(src or ""))
        if m:
            return (src or "")[m.start("zone"):m.end("zone")]
    return None


TOWNSHIP_TITLE = re.compile(rf"^(?:\d{{4}}年度?)?(?P<name>[{P.HAN}XＸ×*＊]{{1,6}}?)(?:{P.alternation(L.TOWNSHIP_WORDS)})"
                            r"(?![市县区村镇级])")


@rule(stage="header", example="'新安街道城市环卫一体化考核评分细则' → '新安街道'; '2022年XX镇卫生保洁…考核办法' → 'XX镇'; "
                               "'鞍山市城乡居民医疗保险实施细则' → None; '萍乡市河长制…' → None")
def township_title(title: str | None, ctx: ParseContext) -> str | None:
    """A title that opens with a township or a street (…街道, …镇, …乡, after the year at most): the township's own
    document, and a township sits at the district level (no level below it: 73 such pages of the set are district
    in the gold, 18 were read as city, province, national or none). 城乡, 城镇, 美丽乡村, 特色小镇 name no township;
    the caller skips a name that opens a place it knows (新乡 is a city). The township's name, folded, or None."""
    m = TOWNSHIP_TITLE.match(ctx.fold(title or "").strip())
    if not m or m.group("name").endswith(L.NOT_TOWNSHIP_NAME_ENDS) or "关于" in m.group("name"):
        return None
    return m.group()[m.start("name"):]


@rule(stage="header", example="({level: 'city', city: '东莞市'}, '厚街镇促进经济高质量发展专项资金管理办法') → level 'district'; "
                               "({level: 'city', city: '新乡市'}, '新乡养犬管理办法') → unchanged")
def township_level(region: dict, title: str | None, ctx: ParseContext) -> dict:
    """The region with level district when the title opens with a township or a street (township_title),
    unless that name opens a place the region already names (新乡 is a city, not a 乡)."""
    township = township_title(title, ctx)
    if not township or region["level"] == "district" or \
            any((region[k] or "").startswith(township) for k in ("province", "city", "district")):
        return region
    return dict(region, level="district")


def region_of(h: Header, issuer: str | None, lines: list[str], ctx: ParseContext) -> dict:
    """Region and level of the issuer: national issuers have none; the issuer, notice and title decide
    first; else the level the text gives itself (level_hint) with a region named in the body that is
    not finer than that level (a salutation's addressees never count)."""
    if national_issuer(issuer, ctx):
        return dict(NO_REGION, level="national")
    gaz = ctx.knowledge.gazetteer if ctx.knowledge else None
    first = re.split(r"[、，,]", issuer)[0] if issuer else None  # joint issuers: the first names the place
    region = resolve_region(gaz, [first, h.notice_title, h.title], ctx)
    zone = development_zone([first, h.title], ctx)
    if zone and region["level"] in ("city", "province", None) and not region["district"]:
        return dict(region, district=zone, level="district")
    if region["level"]:
        return region
    if national_statute(h.title, ctx):
        return dict(NO_REGION, level="national")
    own = SELF_REFERENCE.match(ctx.fold(issuer or ""))
    hint = next((lv for k, lv in SELF_LEVEL.items() if own and ctx.fold(issuer).startswith(k)), None) \
        or level_hint(lines, ctx)
    if hint == "national":
        return dict(NO_REGION, level="national")
    body = [l for l in lines[h.body_start:h.body_start + 30]
            if not P.SALUTATION.match(ctx.fold(l.strip())) and not contact_line(l, ctx)]
    if h.notice_line is not None:  # the covering notice's signature above the body names the place too
        body = [l for l in lines[h.notice_line + 1:h.body_start] if P.ORG_LINE.match(ctx.fold_same(l.strip()))] + body
    region = resolve_region(gaz, [None, None, None, h.meta.get("issuer"), h.meta.get("source"), " ".join(body)], ctx)
    if region["level"] == "district" and not h.meta.get("issuer") and sibling_districts(gaz, ctx.fold(" ".join(body)), region):
        region = dict(region, district=None, level="city")  # "香洲区、金湾区、斗门区…": the city speaks of its districts
    if hint and region["level"] and LEVEL_RANK[region["level"]] > LEVEL_RANK[hint]:
        if hint == "city" and region["level"] == "district" and (region["district"] or "").endswith("市") \
                and county_city_speaks(region["district"], ctx):
            return region  # "市应急管理局" of 桐乡市: a county-level city speaks of itself as 市 too
        return dict(NO_REGION, level=hint)
    hint = municipal_level(region, hint)
    if hint:
        region = dict(region, level=hint)
    elif not region["level"] and (national_by_duties(lines[h.body_start:], ctx) or national_scope(lines, ctx)
                                  or state_in_charge(lines, ctx)):
        return dict(NO_REGION, level="national")
    elif not region["level"]:
        region = dict(region, level=scope_level(lines, ctx))
        if not region["level"] and not region["province"] and \
                (national_wording(lines, ctx) or national_title(h.title, lines, ctx)):
            region = dict(NO_REGION, level="national")
    return region


CONTACT_LINE = re.compile(rf"^(?:{P.alternation(L.CONTACT_HEADS)})\s*[:：]")
COUNTY_CITY_ORG = rf"[^，,。；;、\s]{{0,14}}?(?:{P.alternation(L.ISSUER_ENDS + ('政府', '办公室'))})"


@rule(stage="header", example="('大冶市', '…大冶市市场监督管理局现对全市各经营者…') → True; ('桐乡市', '桐乡市…桐乡市…') → True; "
                               "('兴城市', '…建设新兴城市…') → False")
def county_city_speaks(name: str, ctx: ParseContext) -> bool:
    """A county-level city (a 市 of district level) is the text's own place although it calls itself 市
    ("全市", "市政府"): named twice at least, or once as the body that speaks ("大冶市市场监督管理局现对全市…",
    b871 006; "如皋市人民政府", b827). One mention inside a word ("新兴城市" holds 兴城市) is no place."""
    text, f = ctx.fold(ctx.text), ctx.fold(name)
    return text.count(f) >= 2 or re.search(re.escape(f) + COUNTY_CITY_ORG, text) is not None


@rule(stage="header", example="'邮寄地址:北京市西城区西长安街13号工业和信息化部' → True; '北京市西城区人民政府' → False")
def contact_line(line: str, ctx: ParseContext) -> bool:
    """A line of contact details (联系方式:, 邮寄地址:, 电话:): whom to write to, not where the document
    applies, so the place in it never gives the region (b448 001: a ministry's notice, its address in 西城区)."""
    return bool(CONTACT_LINE.match(ctx.fold(line.strip())))


NATIONAL_STATUTE = re.compile(r"^(?:中华人民共和国|国务院|国家(?![级、，,和及与省市]))")  # not "国家、省…奖励"
STATUTE_PART_MARK = re.compile(r"\s*[(（]\d{1,2}[)）]$")  # "…实施办法(3)": a copy's third page


@rule(stage="header", example="'中华人民共和国档案法实施办法(3)' → True; '国家湿地公园管理办法' → True; '中华人民共和国统计法' → True; "
                               "'国家级文化产业示范园区管理办法' → False; '全国文明城市创建方案' → False")
def national_statute(title: str | None, ctx: ParseContext) -> bool:
    """A rule titled after the State (中华人民共和国…, 国务院…, 国家…, not 国家级…) whose issuer names no place:
    the State's, whatever places or levels its text names (b168 008, b103 010, b180 003: the body's
    惠山区 or 县级 describe whom the rule reaches)."""
    t = ctx.fold(title or "").strip()
    return bool(NATIONAL_STATUTE.match(t) and (STATUTE_TITLE.search(STATUTE_PART_MARK.sub("", t)) or law_title(t, ctx)))


SIBLING_DISTRICTS_MIN = 2


@rule(stage="header", example="'…在香洲区、金湾区、斗门区开展…' (the body of a page without issuer) → True; '香洲区人民政府…' → False")
def sibling_districts(gaz, text: str, region: dict) -> bool:
    """A body that names two districts or counties of the same city or more (b406 007 香洲区, 金湾区 and 斗门区;
    b418 005, b414 006): without an issuer, the page is the city's, which speaks of its districts, not
    one district's."""
    names = set()
    for pos, name, cands in gaz.find(text):
        if not standalone_place(text, pos, name):
            continue
        for c in cands:
            d = gaz.describe(c)
            if d["level"] == "district" and d["city"] == region["city"] and d["province"] == region["province"]:
                names.add(d["district"])
    return len(names) >= SIBLING_DISTRICTS_MIN


@rule(stage="header", example="'計算機軟件保護條例' on a page that names no place → True; '2025年全国计量工作要点' → True; "
                               "'…促进科技成果转移转化实施办法' with 本市 in its text → False; '某集团官网专利资助管理办法' → False")
def national_title(title: str | None, lines: list[str], ctx: ParseContext) -> bool:
    """A rule's title without a place (…条例, …办法, …规定, …细则 …) or one naming the nation (全国…, 国家…,
    中华人民共和国…), on a page whose text names no place and speaks of no scope of its own (本市, 全县,
    县政府 …): a local rule carries its place in its title or its text, so this is the State's (b67 002
    著作權質權登記辦法, b90 004 計算機軟件保護條例, b218 003 全国计量工作要点). A firm's, a school's or a
    centre's own rules are nobody's level. Only the last resort of region_of."""
    t = ctx.fold(title or "").strip()
    if not t or any(w in t for w in L.OWN_RULES_ORGS):
        return False
    if not (NATION_TITLE.match(t) or STATUTE_TITLE.search(t) or law_title(t, ctx)):
        return False
    text = ctx.fold(" ".join(lines))
    return not any(w in text for _, words in L.LEVEL_WORDS + L.LEVEL_SCOPE_WORDS for w in words if not w.endswith("级"))


@rule(stage="header", example="'国务院药品监督管理部门组织建立…平台' (no issuer, place or scope word) → True; "
                               "'省知识产权局负责…' → False")
def national_wording(lines: list[str], ctx: ParseContext) -> bool:
    """A page that names no issuer, no place and no scope of its own but speaks as the State does: of
    国务院…部门 and 国家…主管部门 as the bodies in charge, or of 我国, 全国, 党中央 or 中央和国家机关 (b180
    001, 002, 007: national rules copied without their header; b29 001, b39 002, b42 002: national opinions
    and plans; 全国 and 党中央 added in session 22: 29 pages of the set right, none wrong). Only the last
    resort of region_of."""
    return bool(NATIONAL_WORDING.search(ctx.fold(" ".join(lines[:120]))))


@rule(stage="header", example="'第四条 国务院文化行政部门负责组织、协调…' → True; '商务部会同相关部门…认定并公布' → True; "
                               "'省商务厅负责…' → False")
def state_in_charge(lines: list[str], ctx: ParseContext) -> bool:
    """A page that names no issuer and no place whose rule puts the State's departments in charge (国务院…部门负责,
    商务部会同…认定): the State's rule, though it names the 省级 bodies below them (b1289 004, b1290 003), which
    scope_level would read as a province's own words."""
    return bool(STATE_IN_CHARGE.search(ctx.fold(" ".join(lines[:120]))))


@rule(stage="header", example="'…由各省、自治区、直辖市人民政府确定…' → True; '各省辖市人民政府' → False")
def national_scope(lines: list[str], ctx: ParseContext) -> bool:
    """A page that names no issuer and no place but speaks of every province (省、自治区、直辖市, 省(区、市)),
    anywhere in its text, not only in the salutation: the State's (every page of the set that does is
    national in the gold, 233 of them). Only a last resort of region_of."""
    return bool(NATIONAL_SCOPE.search(ctx.fold(" ".join(lines))))


# a department named by its government's level ("市住房城乡建设部门", "县公安机关", "省人民政府有关部门"): the level's word
# (not 城市/超市/门市 …, not 市场/市民/市容/市政, whose 市 is no government)
_DEPARTMENT = rf"[{P.HAN}]{{1,10}}?(?:{P.alternation(L.DEPARTMENT_NOUNS)})"
# (nor "市、县人民政府有关部门", "省、市…": every government of those levels, as national rules write)
_SHI_BEFORE = "".join(w[0] for w in L.NOT_GOVERNMENT_SHI if w.endswith("市"))   # 城市, 超市 …
_SHI_AFTER = "".join(w[1] for w in L.NOT_GOVERNMENT_SHI if w.startswith("市"))   # 市场, 市民 …
LEVEL_DEPARTMENTS = ((re.compile(rf"(?<![{_SHI_BEFORE}省县区州])(?<![省县区]、)市(?![{_SHI_AFTER}区县]|、[县区])(?={_DEPARTMENT})"), "市级"),
                     (re.compile(rf"(?<![各])省(?![市区级]|、[市县区])(?={_DEPARTMENT})"), "省级"),
                     (re.compile(rf"(?<![各郡市])(?<![省市]、)县(?![市区级]|、[区乡镇])(?={_DEPARTMENT})"), "县级"))


@rule(stage="header", example="'…全市养老服务床位数达到1.35万张…市民政局牵头' → 'city'; '全县…县政府…全市' → 'district'; "
                               "'加强知识产权保护' → None")
def scope_level(lines: list[str], ctx: ParseContext) -> str | None:
    """The level a text speaks at when no issuer, place or address names it: the scope words it uses most
    (全市, 市政府, 市级, 市人民政府 … against 全省, 全县, 全区 …), read over the whole page (a mid-document
    page has no header to go by). None on a tie or when it names no scope. "县级以上(地方)人民政府" names
    every government from that level up, as the State's and a province's rules do (b278 001, 012), and
    "设区的市人民政府" or "城市人民政府" a government of a kind: no scope."""
    text = LEVEL_AND_ABOVE.sub("", ctx.fold(" ".join(lines)))
    for rx, word in LEVEL_DEPARTMENTS:
        text = rx.sub(word, text)  # "市住房城乡建设部门" speaks as 市级 does (b906 004)
    text = GENERIC_GOVERNMENT.sub("", text)
    table = tuple((level, words + own) for (level, words), (_, own) in zip(L.LEVEL_SCOPE_WORDS, L.GOVERNMENT_SCOPE_WORDS))
    return most_named_level(text, table, ("全区", "区政府", "区委"))


@rule(stage="header", example="('我市…我市…我县', LEVEL_WORDS) → 'city'; ('我市…我县', …) → None (a tie); "
                               "('自治区…我区', …, ('我区',)) → None")
def most_named_level(text: str, table: tuple, region_words: tuple[str, ...]) -> str | None:
    """The level whose words ``table`` finds most often in ``text``; None on a tie or when none is
    found. In an autonomous region's text (自治区) ``region_words`` (我区, 全区 …) speak of the region,
    not of a district, and do not count for the district; nor do the district's words inside 自治区 ("自治区政府
    各部门" holds 区政府各, b690 012)."""
    regionless = text.replace("自治区", "〇")
    counts = {level: sum((regionless if level == "district" else text).count(w) for w in words) for level, words in table}
    if "自治区" in text:
        counts["district"] -= sum(text.count(w) for w in region_words)
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] > 0 and list(counts.values()).count(counts[best]) == 1 else None


@rule(stage="header", example="天津市 (no city) and the hint 'city' (本市, 市和区县) → 'province'; 苏州 → 'city' as hinted")
def municipal_level(region: dict, hint: str | None) -> str | None:
    """The level the text gives itself, read for a municipality: "本市" in Beijing, Tianjin, Shanghai or
    Chongqing is the provincial level (the municipality is the province, its 区/县 the level below)."""
    if hint == "city" and region.get("province") and not region.get("city") \
            and region["province"].endswith("市"):
        return "province"
    return hint


@rule(stage="header", example="'…（知识产权局、公安部负责）…（海关总署、工商总局负责）' → True; '国家知识产权局负责全国…' → True")
def national_by_duties(lines: list[str], ctx: ParseContext) -> bool:
    """A page that names no issuer and no place but divides its tasks among national bodies (three or
    more ministries and bureaus: 教育部, 知识产权局, 海关总署 …), or says a national bureau is in charge
    nationwide ("国家知识产权局负责全国…"): a national document."""
    text = ctx.fold(" ".join(lines[:120]))
    return len(set(NATIONAL_BODY.findall(text))) >= NATIONAL_BODIES_MIN or bool(NATIONAL_DUTY.search(text))


@rule(stage="header", example="'应当会同县级人民政府' → 会同县 False; '结合示范县的经验' → 范县 False; '在范县开展' → True; '泰城、矿区' → 矿区 False")
def standalone_place(text: str, pos: int, name: str) -> bool:
    """A place name read in running text stands for itself: not when 级 follows (会同县级 is 会同 + 县级),
    and a two-character name (范县, 兴县, 新县) only at the start, after a non-Han character or after a
    word that may lead a place (在, 和, 市 …): after any other character it may close a word (示范县,
    品牌兴县, 创新县). A district named by a common noun (矿区, 城区, 郊区) only right after its city. "新疆生产建设兵团"
    is a body the State lists beside the provinces (NON_PLACE_TAILS, b499 007), not a place."""
    if text[pos + len(name):pos + len(name) + 1] == "级" or inside_other_name(text, pos, name):
        return False
    if name in L.COMMON_NOUN_DISTRICTS:
        return text[max(pos - 1, 0):pos] in ("市", "州", "盟")
    if len(name) <= 2 and pos > 0:
        before = text[pos - 1]
        return not ("\u4e00" <= before <= "\u9fff") or before in L.PLACE_LEADS
    return True


def inside_other_name(text: str, pos: int, name: str) -> bool:
    """The place name at ``pos`` begins another body's or thing's name (NON_PLACE_TAILS): "新疆生产建设兵团",
    "台湾居民来往大陆通行证" name no place, whether the full or the short name is read."""
    return text.startswith(L.NON_PLACE_TAILS, pos + len(name))


@rule(stage="header", example="'北京朝阳区加快推进中小企业梯度培育若干措施' (北京市 found by its short name) → 朝阳区 of 北京市")
def ambiguous_below(gaz: Gazetteer, text: str, region: dict) -> dict | None:
    """A full name that many places share (朝阳区: 北京 and 长春), standing after a region found by its short name
    in the same source (北京): the one of them under that region (b549 008)."""
    for pos, name, cands in gaz.find(text):
        if len(cands) > 1 and standalone_place(text, pos, name):
            below = [c for c in cands if region["code"] in {a["code"] for a in gaz.ancestors(c)}]
            if len(below) == 1:
                return below[0]
    return None


@rule(stage="header", example="['潜江市人民政府'] → {'province': '湖北省', 'city': '潜江市', 'district': None, 'level': 'city'}")
def resolve_region(gaz: Gazetteer, sources: list[str | None], ctx: ParseContext | None = None) -> dict:
    """Region of the issuer: the first source naming a known region decides. The issuer, notice and
    title are trusted with short names too ("延边州人民政府" is 延边朝鲜族自治州 even when the body
    names 吉林省); the rest only after every full name has been looked for. A full name counts only where
    it stands for itself (standalone_place), in trusted sources too ("南和县…办公室" names no 和县, b328 011)."""
    if not gaz:
        return dict(NO_REGION)
    fold = ctx.fold if ctx else T.fold
    folded = [fold(src) if src else src for src in sources]
    mentioned_cache: list[set] = []

    def mentioned() -> set:
        """Regions named unambiguously anywhere in the sources (computed only for ambiguous names)."""
        if not mentioned_cache:
            found = [hit for src in folded if src for hit in gaz.find(src)]
            mentioned_cache.append({r["code"] for _, _, cands in found for r in cands if len(cands) == 1})
        return mentioned_cache[0]

    def under(region: dict, ancestor: dict | None) -> bool:
        return ancestor is not None and ancestor["code"] in {a["code"] for a in gaz.ancestors(region)}

    trusted = [(i, short) for i in range(min(TRUSTED_SOURCES, len(folded))) for short in (False, True)]
    rest = [(i, short) for short in (False, True) for i in range(TRUSTED_SOURCES, len(folded))]
    for i, short in trusted + rest:
        src = folded[i]
        found = gaz.find(src, short=short) if src else []
        if not short:  # short names (湖北, 苏州) are looked up only after full ones
            found = [hit for hit in found if standalone_place(src, hit[0], hit[1])]
        else:  # "新疆生产建设兵团" in the State's list of provinces names no place (b499 007)
            found = [hit for hit in found if not inside_other_name(src, hit[0], hit[1])]
        best = None
        for _, name, cands in found:
            if len(cands) > 1:
                ctx_cands = [c for c in cands if any(a["code"] in mentioned() for a in gaz.ancestors(c))]
                if len(ctx_cands) != 1:  # ambiguous name: prefer one under an already chosen region
                    ctx_cands = [c for c in cands if under(c, best)]
                if len(ctx_cands) != 1:
                    continue
                cand = ctx_cands[0]
            else:
                cand = cands[0]
            if best is None or under(cand, best):
                best = cand  # more specific, consistent with what we have
        if best is not None and short:
            best = ambiguous_below(gaz, src, best) or best  # "北京朝阳区…": 朝阳区 of 北京市, named by its full name
        if best is not None:
            if not short and i < TRUSTED_SOURCES and best["level"] != "district":
                # "吉林省延边州人民政府": a short name under the full one is more specific
                taken = [(pos, pos + len(name)) for pos, name, _ in found]
                for pos, _, cands in gaz.find(src, short=True):
                    if any(a <= pos < b for a, b in taken):
                        continue
                    inside = [c for c in cands if under(c, best)]
                    if len(inside) == 1:
                        best = inside[0]
                        break
            return gaz.describe(best)
    return dict(NO_REGION)
