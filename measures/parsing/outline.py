"""Stage 4, outline: numbered lines → a tree of headings and items.

Each line that opens with a numbering token (一、 (一) 〔一〕 1. 1、 (1) ① 第一条
第一章 2.1 一是 …) becomes a node. Kinds of numbering nest in order of
appearance (a stack, so restarted and continuous numbering both work), unless
a kind is plainly more major (RANK); unnumbered lines continue the node
above. Leaves are measures, inner nodes the headings of their path.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from . import lexicon as L
from . import patterns as P
from .context import ParseContext, rule
from . import text as T
from .text import parse_cn_number
from .units import is_unit_like

HEADING_KINDS = ("chapter", "part", "section", "article")  # may stand without text
# the usual hierarchy of the kinds, major first; equal ranks nest in order of appearance
RANK = {"part": 0, "chapter": 1, "section": 2, "article": 3, "cn": 4, "cnsp": 4, "action": 4, "numsp": 4, "caption": 4.5,
        "pcn": 5, "bcn": 5,
        "dec2": 5, "dec3": 6, "num": 6, "numfig": 6, "pnum": 7, "rnum": 7, "circ": 8, "shi": 9}
NUMSP_NOT_HEADING = re.compile(r"[，,。；;：:\t]")
PHONE_REST = re.compile(r"\d{7,8}(?!\d)")
DECIMAL_QUANTITY = re.compile(r"[万亿倍个件家项%]")
# "15 班次以上", "100 起以上", "1 亿元人民币或": a count and its unit on a wrapped line, not item 15
COUNT_AFTER_NUMBER = re.compile(rf"^(?:{P.alternation(u for u in L.TARGET_UNITS if u not in L.NOT_TARGET_UNITS)})"
                                rf"(?:及以上|以上|以下|以内|左右|人民币|美元|或|、|，|,|$)")

_GENERAL = P.alternation(L.GENERAL_CHAPTERS)
# a work plan's year before the chapter's kind: "2023年工作目标", "2023年知识产权工作目标任务"
_PLAN_YEAR = rf"(?:{P.YEAR}年(?:度)?)?"
GENERAL = re.compile(rf"^{_PLAN_YEAR}(?:{_GENERAL})(?:[和与及、]+(?:{P.alternation(L.GENERAL_JOINED)}))*$|"
                     # "试点工作原则", "创建工作目标": what a general chapter is about, then its kind
                     rf"^{_PLAN_YEAR}(?!{P.alternation(L.HEAD_VERBS)})[{P.HAN}]{{2,6}}(?:{P.alternation(L.GENERAL_AFTER_TOPIC)})$|"
                     # "专项治理目标": a topic's goals (not an act on goals: "完善考核目标", "明确目标")
                     rf"^{_PLAN_YEAR}(?!{P.alternation(L.HEAD_VERBS + L.GOAL_VERBS)})[{P.HAN}]{{2,4}}目标$|"
                     # "2010年全市促进就业目标责任制主要指标": a topic's main indicators (their items are targets)
                     rf"^{_PLAN_YEAR}(?!{P.alternation(L.HEAD_VERBS + L.GOAL_VERBS)})[{P.HAN}]{{2,16}}?(?:主要|预期|考核)(?:指标|目标)$|"
                     # "推行说理性行政处罚文书的目的和意义": why the policy is made (b185 002), no act
                     rf"^(?!{P.alternation(L.HEAD_VERBS)})[{P.HAN}“”]{{2,30}}的(?:{P.alternation(L.PURPOSE_CHAPTER_TAILS)})$|"
                     # "发展刀剪机械制造业的重要意义", "建立資源中心的重要意義" (b577 010, b494 001): whatever opens it
                     # (not "充分认识…的重要意义": significance_chapter's, kept as a notice's item when alone)
                     rf"^(?![^。]*(?:{P.alternation(L.SIGNIFICANCE_VERBS)}))[{P.HAN}“”]{{2,30}}的(?:重要|重大|现实|深远)意义$|"
                     # "明确质量发展六大目标" (b218 001): goals counted out, whatever verb sets them
                     rf"^(?:{P.alternation(L.GOAL_VERBS)})?[{P.HAN}]{{0,8}}?[{P.CN_DIGITS}]+(?:大|项|个)(?:发展|主要|重点)?目标$|"
                     # "全市经济社会发展主要预期目标": a 政府工作报告's goals for the year
                     rf"^{_PLAN_YEAR}[{P.HAN}]{{0,6}}?(?:经济社会发展|国民经济和社会发展|经济和社会发展)(?:的)?(?:主要)?(?:预期)?(?:目标|指标)(?:任务)?$")
# "充分认识…的重要意义", "深刻认识…的重要性和紧迫性": why the policy matters
SIGNIFICANCE = re.compile(rf"^(?:{P.alternation(L.SIGNIFICANCE_VERBS)})\S{{2,40}}?(?:{P.alternation(L.SIGNIFICANCE_TAILS)})"
                          rf"(?:[和与、](?:{P.alternation(L.SIGNIFICANCE_TAILS)}))?$")
BACKGROUND = re.compile(
    r"^(?:[“\"]?十[一二三四五]五[”\"]?(?:时期|期间)?)?(?:发展|现实|工作)?基础(?:[和与及、]+(?:面临(?:的)?形势|发展环境|"
    r"机遇(?:和|与)?挑战))?$|"
    rf"^(?:{P.alternation(L.BACKGROUND_CHAPTERS)})(?:[和与及、]+\S{{2,8}})?$|"
    r"^[“\"]?十[一二三四五]五[”\"]?时期(?:(?:取得的|主要)?(?:成效|成就|进展)|面临的形势)$|"
    # "“十三五”时期知识产权事业取得显著成效", "“十三五”期间全市专利工作取得新进展"
    rf"^[“\"]?十[一二三四五]五[”\"]?(?:时期|期间|以来)?[{P.HAN}]{{0,12}}(?:取得|实现)[{P.HAN}]{{0,6}}(?:成效|成就|进展|成绩)$|"
    # "“十四五”面临的发展形势"
    rf"^[“\"]?十[一二三四五]五[”\"]?(?:时期|期间)?面临的?(?:发展)?形势$|"
    # "“十二五”时期版权工作主要成就", "过去五年工作总体回顾", "版权工作发展环境", "取得的主要成绩"
    rf"^(?:[“\"]?十[一二三四五]五[”\"]?(?:时期|期间)?|过去{P.CN_SMALL}年|近{P.CN_SMALL}年)?(?:[{P.HAN}]{{0,10}}工作)?"
    rf"(?:{P.alternation(L.BACKGROUND_TAILS)})$")
# "2017年工作总结", "市知识产权局2022年工作总结", "一、2017年工作总结" (a year is required: "做好工作总结" acts)
SUMMARY_TITLE = re.compile(rf"^[{P.HAN}()（）]{{0,20}}?{P.YEAR}年度?(?:上半年|全年)?[{P.HAN}]{{0,10}}?"
                           rf"(?:{P.alternation(L.SUMMARY_TAILS)})$")
PLAN_TITLE = re.compile(rf"^[{P.HAN}()（）]{{0,20}}?{P.YEAR}年度?(?:下半年|全年)?[{P.HAN}]{{0,10}}?"
                        rf"(?:{P.alternation(L.PLAN_TAILS)})$")
# "…成效显著\n“十一五”期间,省人民政府…": an item that reviews a past plan period (past_review)
PAST_REVIEW = re.compile(r"^(?:[^。\n]{0,40}[。\n]\s*)?[“\"]?\s*(十[一二三四五]五)\s*[”\"]?\s*(?:期间|时期|以来)")
# "指导思想深入贯彻…", "主要目标到2025年，…": a general chapter's heading glued to its text
GENERAL_GLUED = re.compile(rf"^(?:{_GENERAL})(?![和与及、])")
# "规划背景人才是衡量…", "编制背景党的十八大以来,…": a background chapter's heading glued to its text (a page joined
# without breaks)
BACKGROUND_GLUED = re.compile(rf"^(?:{P.alternation(L.BACKGROUND_CHAPTERS)})(?![和与及、])")
GLUED_TEXT_MIN = 12  # a glued heading's line is longer than this: its text follows
# "1.发送电子邮件：…", "2.传真：…": how to send comments on a draft, not a measure
# how a consultation notice says to send comments (feedback_channel)
FEEDBACK_MAX = 160
FEEDBACK_WHAT = re.compile(r"(?:反馈|发送|寄|提交|填写|提出)[^。；;]{0,30}(?:意见|建议)|(?:意见|建议)[^。；;]{0,30}(?:发送|寄|反馈|提交)")
FEEDBACK_HOW = re.compile(P.alternation(L.FEEDBACK_CHANNELS))
# "发送电子邮件至邮箱:…", "登录…网站意见征集平台": an item that opens with the channel itself
FEEDBACK_OPENING = re.compile(rf"^\s*(?:通过|请|可)?(?:{P.alternation(L.FEEDBACK_CHANNELS)}|发送|来信|信函)")
# "联系人:…", and an item headed by it alone ("五、联系方式", "四、材料报送地址。…", b194 001)
CONTACT_ITEM = re.compile(rf"^(?:{P.alternation(L.CONTACT_HEADS)})\s*(?:[:：。]|$)")
HEADING_PUNCT = re.compile(r"[\s，,。；;：:?？]")  # "總?則", "總。則": a short heading's noise (mojibake, scrambled marks)
# "申报条件", "认定条件", "申报材料要求", "所需材料", "奖补对象": the heading of a list of requirements, conditions or
# scope (an item's own label in requirement_item, caption_line, paragraph_chapter)
HEAD_LABEL_END = re.compile(r"[\s:：。，,；;]")   # where an item's leading label ends (requirement_item)
REQUIREMENTS_HEADING = re.compile(rf"[{P.HAN}]{{0,6}}(?:{P.alternation(L.REQUIREMENT_HEADS)})(?:要求|清单|目录)?")
# requirement_item: a list of whom or what a call covers or rests on ("一、奖补对象及范围", "三、受理类别")
# (a qualifier in brackets after it too: "補貼依據文件(市、區縣級公開內容)", b914 010)
SCOPE_LIST_HEADING = re.compile(rf"[{P.HAN}]{{0,6}}(?:{P.alternation(tuple(h for h in L.REQUIREMENT_HEADS if h not in L.CONDITION_HEADS))})"
                                rf"(?:要求|清单|目录)?(?:[(（][^()（）]{{1,20}}[)）])?")
# condition_item: a list of conditions to apply or documents to hand in ("二、申報條件", "三、申报材料")
# (also after the name of what is recognised: "六安市知识产权优势企业认定标准", b807 005)
CONDITION_HEADING = re.compile(rf"[{P.HAN}]{{0,16}}(?:{P.alternation(L.CONDITION_HEADS)})(?:要求|清单|目录)?")
# … and any heading that names conditions ("第三章 企业重点实验室条件", "五、备案条件", "二、遴选条件", b863 006): its
# figures are conditions (condition_item; the items stay measures unless CONDITION_HEADS name them)
CONDITIONS_NAMED = re.compile(rf"[{P.HAN}、和及]{{0,16}}条件")
# announced_conditions: an unnumbered sentence announcing a list of conditions ("…应具备下列条件:", "需同时满足以下四项条件",
# "众创空间市级备案应具备哪些条件?", "条件如下:", "…企业申报需具备8项必备指标:" b783 007)
CONDITION_LEAD = re.compile(rf"(?:{P.alternation(L.CONDITION_LEAD_VERBS)})(?:下列|以下|如下)?[^。；;]{{0,10}}?"
                            rf"(?:{P.alternation(L.CONDITION_LEAD_NOUNS)})(?:之一)?\s*(?:[:：?？]|如下[:：]?)?\s*$"
                            r"|条件(?:如下|是|为)\s*[:：]?\s*$"
                            # "二、进一步满足以下条件的新型研发机构,可申请…:" (b863 003): who meets the conditions below may apply
                            # (not "对符合下列条件的企业给予奖励:", rewards)
                            rf"|(?:{P.alternation(L.CONDITION_LEAD_VERBS)})(?:下列|以下)[^。；;]{{0,8}}?条件的[^。；;]{{0,30}}?"
                            rf"可(?:以)?(?:{P.alternation(L.CONDITION_APPLY_VERBS)})[^。；;]{{0,30}}[:：]\s*$")
# an unnumbered caption over items (caption_line): two to eight characters, nothing else
CAPTION = re.compile(rf"[{P.HAN}]{{2,8}}")
CAPTION_WITH_COLON = re.compile(rf"[{P.HAN}]{{2,16}}")  # "專利質押融資貸款費用資助標準:" over its items
CAPTION_MIN_RANK = 5  # captions head (一) and 1. items, not chapters
END_MATTER = re.compile(
    rf"^(?:附件(?:\s*\d*|{P.CN_SMALL_DIGIT}*)\s*[:：]?|{P.alternation(L.END_MATTER_HEADS)}|{P.PAREN_OPEN}此件|来源[:：]|"
    rf"(?:发布|成文|发文)(?:日期|时间)\s*[:：]|本(?:{'|'.join(L.END_NOUNS)})[^。]{{0,30}}(?:自|从)[^。]{{0,30}}"
    r"(?:施行|实施|执行|生效))")
ATTACHMENT = re.compile(r"^附件")
# "傳統的口頭文學和作為其載體的語言;": one entry of a list inside an article, short and closed by ； or 。
# "…分享下列作品:", "有下列情形之一的:": an item announcing a list of things (not of acts: 事项, 措施, 工作 …)
# ("…符合下列情形之一的,应当进行资产评估:": what is due in those cases may follow the list's announcement, b529 004)
LISTED_CONTENT = re.compile(rf"(?:下列|以下|如下)[^。，,：:]{{0,16}}?(?:{P.alternation(L.LISTED_THING_NOUNS)})[^。，,：:]{{0,20}}"
                            rf"(?:[，,][^。，,：:]{{2,16}})?[:：]$")
# "(一)专利权人为个人的需提交:1、《…申请表》(一式两份);": an item announcing the materials to hand in, perhaps with
# its first entry run on after the colon (b650 003)
_HAND_IN = P.alternation(L.MATERIALS_LEAD_VERBS)
MATERIALS_LEAD = re.compile(rf"(?:(?:{P.alternation(L.MATERIALS_MODALS)})(?:{_HAND_IN})[^。，,：:]{{0,12}}|(?:{_HAND_IN})[^。，,：:]{{0,10}}"
                            rf"(?:{P.alternation(L.MATERIALS_NOUNS)}))[:：](?:[^。：:]{{0,60}}[；;。]?)?$")
# "对企业建立技术中心予以奖励", "对新认定的…给予补助": an act toward someone, named in a heading
ACT_HEADING = re.compile(rf"^(?:对[^，,。；;]{{2,24}}(?:予以|给予|实行|实施)[{P.HAN}]{{1,6}}|(?:{P.alternation(L.HEAD_VERBS + L.ACT_HEADING_VERBS)})[^，,。；;]{{2,20}})$")
# "三、补助标准" (b217 010): the amounts a policy pays are its substance
AMOUNT_HEADING = re.compile(rf"^[{P.HAN}]{{0,8}}{P.REWARD_AMOUNT.pattern}$")
LISTED_ITEM = re.compile(r"[^。；;\n]{2,60}[；;。]")
ARTICLE_LIST_KINDS = ("pcn", "bcn", "pnum", "rnum", "circ")  # how an article's own list is numbered: (一), 〔一〕, (1), ①
# "附件:1.云南省科技成果轉化獎補資金管理辦法": a notice's list of attachments opens (its first entry on the line)
ATTACHMENT_LIST = re.compile(r"^(?:备注\s*[:：]?\s*)?附件\s*[:：]")  # also in a law box's 备注 row (b381 006)
# what an attachment is: a document or a form, named and nothing more ("…管理办法", "《…》", "…申报表(2024年)")
ATTACHMENT_NAME = re.compile(rf"《?[^。，,；;：:]{{2,48}}(?:{P.alternation(L.POLICY_NOUNS + L.FORM_NOUNS)})》?"
                             rf"(?:[(（][^()（）]{{1,16}}[)）])?")
# a file's extension after an attachment's name, the site's size or version digits before it ("…裁量基准11.doc")
ATTACHMENT_FILE_TAIL = re.compile(rf"\d{{0,3}}\s*{P.FILE_EXTENSION}$", re.I)
# "4-5.": the numbers of two attachments sent in one file
ATTACHMENT_RANGE = re.compile(r"^\s*\d{1,2}\s*[-－—~～]\s*\d{1,2}\s*[.．、]\s*")
METADATA_ITEM = re.compile(rf"^[\[【]\s*([{P.HAN}]{{2,8}})\s*[\]】]")  # "【頒布時間】…" (metadata_item)
# "相关文章", also after the page's own title in 【】 ("【濟南公立幼兒園收費標準】相關文章:", b850 012)
RELATED = re.compile(rf"^(?:【[^】\n]{{1,40}}】\s*)?(?:{P.alternation(L.RELATED_HEADS)})\s*[:：]?")
SITE_FOOTER = re.compile(rf"{P.alternation(L.SITE_FOOTER_PHRASES)}|版权所有\s*[:：©]|©\s*{P.YEAR}")
# "本办法自发布之日起施行", "本办法由市财政局负责解释" (not "…按照本办法和申报指南…开展绩效自评")
BOILERPLATE = re.compile(rf"(?:本|以上[{P.HAN}]{{0,2}}?)(?:{'|'.join(L.BOILERPLATE_NOUNS)})[^。]{{0,20}}"
                         rf"(?:自(?=[^。，,]{{0,16}}(?:之日|起))|由(?=[^。]{{0,24}}解释)|所称|适用|施行(?![后後以之前])|解释|起执行|起实施)|"
                         rf"^(?:为|根据|依据|依照)[^。]{{4,150}}制定本(?:{'|'.join(L.PURPOSE_NOUNS)})|"
                         # "上述规定自2016年6月1日起执行。" (b564 004): a notice's last item, when its rules apply
                         rf"^(?:以上|上述)[^。]{{0,12}}?自[^。，,]{{0,20}}起(?:执行|施行|实施)")
# "一、主要目标 到2025年，…": a bare heading and its paragraph on one line
JOINED_HEADING = re.compile(r"^([^\s，,。；;：:！!？?、《“（(]{2,24}) +([^\s，,。；;：:].{10,})$")
# "申请资助应当符合下列条件：": the items that follow are the article's conditions
# (not after a verb that makes the list conditions or standards to follow: "…应当达到下列标准:", b800 012;
# "…应执行下列标准:", b1050 005)
LISTED_ACTS = re.compile(rf"(?<!{P.alternation(L.LISTED_CONTENT_VERBS + L.LISTED_STANDARD_VERBS + L.CONDITION_LEAD_VERBS)})(?:下列|以下|如下)"
                         rf"(?:{P.alternation(L.LISTED_ACT_NOUNS)})"
                         rf"(?![^。，,]{{0,4}}(?:{P.alternation(L.LISTED_OVERSIGHT_VERBS)}))[^。，,]{{0,8}}[:：]?$")
LEAD_IN = re.compile(rf"(?:下列|以下|如下)[{P.HAN}]{{0,8}}$")
CLAUSE_MARK = re.compile(r"[，,；;]")
CLOSED = re.compile(r"[。！!？?；;：:…”’」』）)】\]》〕.]$")
LIST_ITEM = re.compile(r"[：:、，,；;]")
FIRST_SENTENCE = re.compile(r"^(.*?)[。；;！!]")
COLON_HEADING = re.compile(r"^(.{2,30}?)[:：]")
# mirror-site noise: "第@@一@@章@@ 总@@ 则@@", pinyin glosses "第一(yī / yì /yí)章"
NOISE_MARK = re.compile(rf"@+|{P.GLOSS}")
PARALLEL_HEADING = re.compile(rf"^(?:[{P.HAN}]{{2}}[,，、][{P.HAN}]{{2}}|[{P.HAN}]{{3}}[,，、][{P.HAN}]{{3}}|"
                              rf"[{P.HAN}]{{4}}[,，、][{P.HAN}]{{4}}|[{P.HAN}]{{5}}[,，、][{P.HAN}]{{5}})$")
# articles of 总则 that are about the document: purpose, definitions, scope, what the thing is
PURPOSE_ARTICLE = re.compile(r"^(?:为了?|根据|依据|依照)[^。]*(?:制定|制订|修订本)")
# "为认真贯彻落实…精神,提升…。根据…,结合工作实际,制定本指南。": the purpose spread over two sentences
PURPOSE_CLOSING = re.compile(rf"^(?:为了?|根据|依据|依照)[^。]*。[^。]{{0,120}}(?:制定|制订|修订)本[{P.HAN}]{{1,6}}。?$")
PURPOSE_HEAD = re.compile(rf"^[{P.HAN}]{{0,8}}(?:{P.alternation(L.PURPOSE_HEADS)})$")
OPENING_HEAD = re.compile(rf"^[{P.HAN}]{{0,8}}(?:{P.alternation(L.OPENING_HEAD_ENDS)})$")
# 总则 of a fund's 办法: its principles, uses, ways of support ("原则上" is no principle)
OPENING_SCOPE = re.compile(rf"^[^，,。；;]{{0,12}}?(?:{P.alternation(L.FUND_NOUNS)})[^。；;]*?"
                           rf"(?:{P.alternation(L.OPENING_SCOPE_WORDS)})(?!上)")
DEFINING = re.compile(rf"{P.alternation(L.DEFINING_WORDS)}")
# "本办法旨在鼓励…": the document's aim
PURPOSE_AIM = re.compile(rf"^本(?:{P.alternation(L.PURPOSE_NOUNS)})(?:旨在|的目的是|的宗旨是)")
# "安全生产领域失信行为主体包括生产经营单位,及其…等。": a term and what it covers, one sentence
COVERS = re.compile(r"^([^，,。；;：:]{2,20}?)包括[^。；;：:]{2,}。?$")
COVERS_NOT = re.compile(r"应当|必须|不得|可以|予以|实行|支持|鼓励")  # a subject that acts: a rule
ARTICLE_LABEL = re.compile(r"^\s*[【\[［][^】\]］]{1,12}[】\]］]")  # "第一条【立法目的】", "第一条 [政策依据]"
# "第一條(目的依據)為加強…": a caption in brackets before the article's text
ARTICLE_CAPTION = re.compile(rf"^\s*(?:[【\[［](?P<a>[^】\]］]{{1,12}})[】\]］]|{P.PAREN_OPEN}(?P<b>[{P.HAN}、]{{2,10}}){P.PAREN_CLOSE})")
PRELIMINARY_CAPTION = re.compile(P.alternation(L.PRELIMINARY_CAPTION_WORDS))
# "专项资金的使用和管理坚持“统一管理、分级负责”的原则。": one sentence of principles, nothing else
PRINCIPLES_ONLY = re.compile(rf"^[^，,。；;]{{2,40}}?(?:{P.alternation(L.PRINCIPLE_VERBS)})[^。；;]{{2,80}}"
                             rf"(?:{P.alternation(L.PRINCIPLE_NOUNS)})。?$")
# "…按照政府引导、市场化运作的原则进行管理", "…应遵循以下原则：": an article that names its principles
PRINCIPLE_SENTENCE = re.compile(rf"^[^，,。；;]{{2,30}}?(?:{P.alternation(L.PRINCIPLE_LEADS)})[^。；;]{{2,60}}?原则"
                                rf"(?:进行|实施|开展)?[^。；;，,\s]{{0,6}}$")
PRINCIPLES_LISTED = re.compile(r"(?:以下|下列|如下)(?:基本)?原则\s*[:：]$")
PRINCIPLE_ARTICLE_MAX = 160
# "发展数字经济应当坚持…", "科技成果转化活动应当以企业为主体…": the norms a field follows
NORM_ARTICLE = re.compile(rf"^(?P<subject>[^，,。；;：:]{{2,24}}?)(?:[，,](?:应当|应|必须)|(?:应当|应|必须)?)"
                          rf"(?:(?:{P.alternation(L.NORM_VERBS)})(?!以下|下列|如下)|以[^，,。；;]{{2,12}}为"
                          rf"(?:{P.alternation(L.NORM_ROLES)}))")
ORG_SUBJECT = re.compile(P.alternation(L.ORG_SUBJECT_WORDS))
# "一、支持对象" / "专利资助对象为…" / "申报…指导站对象是…": who may apply or be supported
# "奖励(资助)对象": a second verb in brackets
SCOPE_HEADING = re.compile(rf"^[{P.HAN}]{{0,10}}(?:{P.alternation(L.SCOPE_VERBS)})(?:[(（](?:{P.alternation(L.SCOPE_VERBS)})[)）])?"
                           rf"(?:{P.alternation(L.SCOPE_NOUNS)})$")
# "重点支持产业包括:…", "支持项目包括：…": what the support covers, listed
SCOPE_LIST = re.compile(rf"^(?:重点)?(?:{P.alternation(L.SCOPE_VERBS)})[{P.HAN}]{{1,6}}包括[:：]")
SCOPE_SENTENCE = re.compile(rf"^[^，,。；;：:]{{0,6}}?(?:{P.alternation(L.SCOPE_VERBS)})[^，,。；;：:]{{0,12}}?"
                            rf"(?:{P.alternation(L.SCOPE_NOUNS)})(?:一般)?(?:是|为)|"
                            rf"^(?:{P.alternation(L.SCOPE_VERBS)})(?:{P.alternation(L.SCOPE_NOUNS)})[^，,。；;：:]+。?$")
ARTICLE_SECTION_MAX = 20  # the longest bare heading of a 第X条 that heads a section of items
TITLED_ITEM = re.compile(r"^[^。，,；;：:]{2,20}。\S")  # "市场化引才支持。支持社会机构…": a heading sentence, then the body
SCRAMBLED_GAP = re.compile(rf"(?<=[{P.HAN}])\s+(?=[{P.HAN}])")  # a space where a re-punctuating site lost a stop
# marks a scrambled copy left at a heading's ends: closing marks and dashes before it, opening marks after it
STRAY_HEAD_START = re.compile(rf"^[\s—–\-:：》〉】!?？！·]+(?=[{P.HAN}])")
STRAY_HEAD_END = re.compile(rf"(?<=[{P.HAN}》])[\s—–\-:：《〈【!?·]+$")
PADDED_HEADING = re.compile(rf"^[{P.HAN}](?:[ \u3000]+[{P.HAN}]){{1,5}}$")
NAME_END = re.compile(rf"(?:{P.alternation(L.NAME_ENDS)})(?:{P.PAREN_OPEN}[^()（）]{{1,12}}{P.PAREN_CLOSE})?$")
NAME_VERB = re.compile(P.alternation(L.HEAD_VERBS + L.ACTION_VERBS + L.CLAUSE_COUNT_VERBS))
NAME_LIST_MIN = 3
NAME_BARE_MAX = 20
# "农业部农产品质量安全监管局 薛志红 万凯": an organisation and the names of its contact persons
NAME_WITH_PERSONS = re.compile(rf"^(\S{{2,30}})(?:[ \u3000]+[{P.HAN}]{{2,4}}(?:[、,，][{P.HAN}]{{2,4}})*)+$")
CONTACT_LINE = re.compile(rf"^(?:{P.alternation(L.CONTACT_HEADS)})\s*[:：]")
DESCRIBING = re.compile(rf"{P.alternation(L.DESCRIBING_WORDS)}")  # mirror-site noise ("第@@一@@章@@ 总@@ 则@@")
# "1. [主题分类] 科技教育/知识产权", "6. [发文字号] 京知局〔2022〕88号": a row of the page's metadata box
METADATA_ROW = re.compile(rf"^\d{{1,2}}\s*[.．、]?\s*[\[【]\s*(?:{P.alternation(L.META_LABELS)}|[{P.HAN}]{{0,6}}"
                          rf"(?:{P.alternation(L.META_LABEL_ENDS)}))\s*[\]】]")


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
    summary: bool = False  # inside a report of past work (see summary_parts)

    @property
    def text(self) -> str:
        return "\n".join([self.head] + self.extra).strip()

    @property
    def heading(self) -> str:
        """Short heading of this node, for paths (first sentence of its line)."""
        return _heading_of_cached(self.head)

    @property
    def depth(self) -> int:
        return len(self.ancestors())

    def ancestors(self) -> list["Node"]:
        out, cur = [], self.parent
        while cur is not None:
            out.append(cur)
            cur = cur.parent
        return out[::-1]

    def subtree(self) -> list["Node"]:
        return [self] + [n for c in self.children for n in c.subtree()]


@dataclass
class Outline:
    roots: list[Node]
    preamble: list[str]  # unnumbered lines before the first numbered line
    nodes: list[Node]


@rule(stage="outline", example="'加强执法。开展专项行动。' → '加强执法'; '总 则' → '总则'")
def heading_of(head: str) -> str:
    """The heading of a numbered line for paths: its first sentence, or up to a colon when that is long."""
    head = NOISE_MARK.sub("", head)
    if PADDED_HEADING.match(head.strip()):
        head = P.WHITESPACE.sub("", head)  # "总 则", "附　则": a short heading spaced out to a width
    m = FIRST_SENTENCE.match(head)
    h = m.group(1) if m else head
    if len(h) > 60:
        m = COLON_HEADING.match(h)
        h = m.group(1) if m else h[:60]
    h = h.strip().rstrip("：:，,").strip()
    h = STRAY_HEAD_END.sub("", STRAY_HEAD_START.sub("", h))  # "— :总则 》" (a scrambled copy, b472 001) → "总则"
    return h if "《" in h or "》" not in h[-1:] else h[:-1].rstrip()




# the chapter and ancestor checks read a node's heading many times over (is_general, is_background …)
_heading_of_cached = lru_cache(maxsize=8192)(heading_of)

@rule(stage="outline", example="'第@@三@@条@@ 国家持续…' → ('article', '三', '国家持续…')")
def match_numbering(line: str) -> tuple[str, str, str] | None:
    """(kind, label, rest) when ``line`` opens with a numbering token. Not a number: a token with nothing
    after it (except 第…章/条), 一年/二月, "1 …" that is not a bare heading, "15 班次以上", "2.5万件", a metadata
    row ("1. [主题分类] 科技教育"). Mirror noise inside the token ("第@@三@@条@@", a pinyin gloss
    "第一(yī / yì /yí)條") is read through; the rest keeps it as written."""
    if not NOISE_MARK.search(line[:40]):
        return _match_numbering(line)
    num = _match_numbering(NOISE_MARK.sub("", line))
    if num is None:
        return None
    kind, label, rest = num
    consumed = len(NOISE_MARK.sub("", line)) - len(rest)
    pos = 0
    while consumed > 0 and pos < len(line):
        if m := NOISE_MARK.match(line, pos):
            pos = m.end()
            continue
        consumed -= 1
        pos += 1
    while m := NOISE_MARK.match(line, pos):
        pos = m.end()
    return kind, label, line[pos:].lstrip(" \u3000")


def _match_numbering(line: str) -> tuple[str, str, str] | None:
    if METADATA_ROW.match(T.fold_same_length(line)):  # "1. [主題分類] 經濟、交通" as Traditional pages write it (b490 010)
        return None
    for kind, rx in P.NUMBERING:
        # "任務一：" as Traditional pages write it (same length, so the rest is cut from the line as written)
        m = rx.match(T.fold_same_length(line) if kind == "action" else line)
        if m:
            rest = line[m.end():].strip()
            if not rest and kind not in HEADING_KINDS:
                return None
            if kind == "cn" and rest[:1] in "年月日" and "、" not in m.group():
                return None  # "一,年来…" is text; "三、年检内容" is a heading (b716 010)
            if kind == "numsp" and (len(rest) > 20 or NUMSP_NOT_HEADING.search(rest) or COUNT_AFTER_NUMBER.match(T.fold(rest))):
                return None
            if kind == "cnsp" and (len(rest) > 20 or P.SENTENCE_MARK.search(rest)):
                return None  # "一 完善知识产权制度" is a heading; "一 年来…" is text
            if kind in ("dec2", "dec3") and DECIMAL_QUANTITY.match(T.fold_same_length(rest[:1])):
                return None
            if kind == "pnum" and m.group("pd"):
                return kind, paren_digit_label(m.group("pd")), rest
            if kind == "pnum" and phone_number(m.group("n"), rest):
                return None
            return kind, m.group("n"), rest
    return None


@rule(stage="outline", example="'⑴' → '1'; '⑿' → '12'")
def paren_digit_label(char: str) -> str:
    """The label of an item numbered with one bracketed-digit character ("⑴孕妇为清远地区户籍", b939 009): its
    number, as "(1)" gives it."""
    return str(P.PAREN_DIGITS.index(char) + 1)


@rule(stage="outline", example="('028', '86604546') → True; ('028', '86605625(传真)') → True; ('3', '加强监管') → False; "
                               "('07', '对新认定…') → False")
def phone_number(label: str, rest: str) -> bool:
    """A bracketed area code and the number after it ("(028)86604546", a gazette's masthead), not item 28."""
    return label.startswith("0") and len(label) >= 3 and bool(PHONE_REST.match(rest))


@rule(stage="outline", example="'附件：1.申报表' → 'attachment'; '联系电话：…' → 'end'; '相关链接' → 'related'")
def after_document(line: str, ctx: ParseContext) -> str | None:
    """An unnumbered line after the operative text: an attachment (the document ends), end matter
    (contacts, copy lists, entry into force: skipped), the portal's related links or its footer
    ("版權所有:…門戶網站 主辦單位:…", "特别声明:…若有侵权,请联系我们删除": the page ends)."""
    if END_MATTER.match(line):
        return "attachment" if ATTACHMENT.match(line) else "end"
    if RELATED.match(ctx.fold(line)) or SITE_FOOTER.search(ctx.fold(line)):
        return "related"  # … or the site's footer or repost disclaimer: the page ends
    return None


@rule(stage="outline", example="'云南省科技創新券實施管理辦法' → True; '申报表' → True; '《价格法》行政处罚裁量基准13.doc' → True; "
                                "'加强组织领导。各地要…' → False")
def attachment_entry(text: str, ctx: ParseContext) -> bool:
    """An item of a notice's list of attachments ("附件:1.…獎補資金管理辦法" / "2.…實施管理辦法"): only the
    name of a document or form, no sentence, perhaps as a file ("…裁量基准13.doc", b925 011). Such items name
    what is attached; they are not measures."""
    return bool(ATTACHMENT_NAME.fullmatch(ATTACHMENT_FILE_TAIL.sub("", ctx.fold(text).strip())))


@rule(stage="outline", example="('dec2', '1.1') with '1.总则' open → its index; ('dec3', '2.3.1') with '2.3' open → its index; "
                               "('dec2', '2.1') with '1.总则' open → None")
def decimal_parent(kind: str, label: str, stack: list) -> int | None:
    """The open item a decimal section belongs to ("1.1 编制目的" in "1.总则", "2.3.1" in "2.3"): the index
    in ``stack`` of the item labelled with the section's prefix, so the section nests under it even where
    a decimal number ranks above a plain "1." elsewhere. None when no such item is open."""
    if kind not in ("dec2", "dec3"):
        return None
    prefix = label.rsplit(".", 1)[0]
    return next((j for j in range(len(stack) - 1, -1, -1) if stack[j].label == prefix
                 and stack[j].kind in ("num", "numsp", "dec2")), None)


@rule(stage="outline", example="'①按照相关应急预案要求…' under '6.进入预警状态后…采取下列措施:' → True; "
                               "'①…' with no item open above it → False; '(一)…' → False")
def sub_clause(kind: str, stack: list) -> bool:
    """A circled number (①②③) inside a numbered item lists the parts of that item, which the item holds
    as its own text: no measure of its own (no gold of the real set counts one)."""
    return kind == "circ" and bool(stack)


@rule(stage="outline", example="'1.既有多层住宅加装电梯…' open, then '2.50个小区新增…' → True (item 2: '50个小区…'); "
                                 "'2.50个小区…' with no item 1 open → False (a figure 2.50)")
def count_item_follows(label: str, stack: list) -> bool:
    """A line "2.50个小区…" (b190 007: a list of practical projects whose items open with a count) is item 2
    with the text "50个小区…" only where item 1 of the same kind (1. 2. …) is the open item just before
    it; anywhere else "2.50" is a figure."""
    return bool(stack) and stack[-1].kind == "num" and stack[-1].label.isdigit() \
        and int(stack[-1].label) + 1 == int(label)


@rule(stage="outline", example="header lines ending '附件:' / '4-5.《计量法》…裁量基准11.doc' → True; ending '现通知如下:' → False")
def attachment_list_open(ctx: ParseContext) -> bool:
    """A notice's list of attachments that opened above the text's start (b925 011: the header took "附件:" and
    its first entry, "4-5.《计量法》…裁量基准11.doc", for its own): the entries that follow are attachments too."""
    h = ctx.header
    if h is None or not getattr(h, "body_start", None):
        return False
    for line in reversed(ctx.lines[:h.body_start]):
        line = line.strip()
        if not line:
            continue
        if ATTACHMENT_LIST.match(line):
            return True
        num = match_numbering(line)
        if not attachment_entry(num[2] if num else ATTACHMENT_RANGE.sub("", line), ctx):
            return False
    return False


def build_outline(lines: list[str], ctx: ParseContext) -> Outline:
    roots: list[Node] = []
    nodes: list[Node] = []
    preamble: list[str] = []
    stack: list[Node] = []
    ended = False
    listing = attachment_list_open(ctx)  # inside a notice's list of attachments ("附件:1.…办法" / "2.…办法")
    for i, line in enumerate(lines):
        num = None if ended else match_numbering(line)
        if num is not None and num[0] == "numfig":
            num = ("num",) + num[1:] if count_item_follows(num[1], stack) else None
        if num is not None and sub_clause(num[0], stack):
            num = None  # "①按照相关应急预案要求…": a clause of the item above, kept in its text
        if listing and num is not None and attachment_entry(num[2], ctx):
            continue
        if listing and num is None and attachment_entry(ATTACHMENT_RANGE.sub("", line), ctx):
            continue  # "4-5.《计量法》《计量法实施细则》行政处罚裁量基准11.doc": two attachments in one file
        listing = not nodes and num is None and bool(ATTACHMENT_LIST.match(line))
        if num is None:
            if ended:
                continue
            if nodes:
                after = after_document(line, ctx)
                if after:
                    ended = after != "end"
                    continue
                if P.DATE_LINE.match(line) or P.ORG_LINE.match(line):
                    continue  # a signature
            (stack[-1].extra if stack else preamble).append(line)
            continue
        kind, label, rest = num
        holder = stack[-1].extra if stack else preamble
        dashed = dash_caption(holder[-1]) if holder and RANK.get(kind, 0) >= CAPTION_MIN_RANK else None
        if RANK.get(kind, 0) >= CAPTION_MIN_RANK and holder and (dashed or parse_cn_number(label) == 1
                                                                  and caption_line(holder[-1], ctx)):
            # "補助" over "(一)…(五)": an unnumbered caption heads the items that follow it
            while stack and RANK[stack[-1].kind] >= RANK["caption"]:
                stack.pop()  # the items (and the caption) before it close
            cap = Node("caption", "", dashed or holder.pop(), i, parent=stack[-1] if stack else None)
            if dashed:
                holder.pop()
            cap.token = ""
            (cap.parent.children if cap.parent else roots).append(cap)
            nodes.append(cap)
            stack.append(cap)
        kinds = [n.kind for n in stack]
        section_of = decimal_parent(kind, label, stack)
        if section_of is not None:
            del stack[section_of + 1:]  # "1.1 编制目的" under "1.总则": a decimal section nests in its chapter
        elif kind in kinds:
            del stack[kinds.index(kind):]
        else:
            # a kind not seen yet nests under the open items, unless it is plainly more major
            # ("二、" after "（二）" on a page that starts mid-document)
            minor = next((j for j, k in enumerate(kinds) if RANK[k] > RANK[kind]), None)
            if minor is not None and kind == "article" and minor == len(stack) - 1 and numbered_chapter(stack[minor]):
                minor = None  # "一、总则" / "第一条 …": the numbered heading is the articles' chapter
            if minor is not None:
                del stack[minor:]
        joined = JOINED_HEADING.match(rest)
        node = Node(kind, label, joined.group(1) if joined else rest, i, parent=stack[-1] if stack else None)
        if joined:
            node.extra.append(joined.group(2))
        node.token = line[:len(line) - len(rest)].strip() if rest else line.strip()
        (node.parent.children if node.parent else roots).append(node)
        nodes.append(node)
        stack.append(node)
    for node in nodes:
        if enumeration_parent(node, roots) or facet_parent(node, ctx):
            for child in node.children:
                for n in child.subtree():
                    n.folded = True
                node.extra.append("\n".join(n.token + n.text for n in child.subtree()))
            node.children = []
    return Outline(roots, preamble, [n for n in nodes if not n.folded])


NUMBERED_CHAPTER_MAX = 16


@rule(stage="outline", example="'一、总则' (nothing under it yet) → True; '一、加强组织领导,落实责任' → False")
def numbered_chapter(node: Node) -> bool:
    """A heading numbered 一、 with nothing under it yet, a bare phrase: when a 第X条 follows it, it is
    the chapter of the articles ("一、总则 / 第一条 目的。…", "二、支持条件 / 第六条 …", b407 006, b398 007),
    as a rule that numbers its chapters 一、二、 writes them; elsewhere an article after 二、 starts anew."""
    head = NOISE_MARK.sub("", node.head).strip()
    return node.kind in ("cn", "cnsp") and not node.children and not any(x.strip() for x in node.extra) \
        and 0 < len(head) <= NUMBERED_CHAPTER_MAX and not P.SENTENCE_MARK.search(head)


@rule(stage="outline", example="'補助' → True; '申报条件' → True; '加强保护。' → False; '某市知识产权管理办法' → False")
def caption_line(line: str, ctx: ParseContext) -> bool:
    """An unnumbered caption over the items that follow it ("補助" over "(一)…(五)", "申报条件" over
    "1.…"): a few characters, no punctuation (a longer one closed by a colon: "專利質押融資貸款費用資助
    標準:", "申报材料:"; not a lead-in such as "…以下条件:"), not the document's title or a kind of document."""
    bare = P.WHITESPACE.sub("", NOISE_MARK.sub("", line))  # "質(zhì)": glosses read through
    colon = bare.endswith((":", "："))
    bare = bare.rstrip(":：")
    if not (not colon and CAPTION.fullmatch(bare)
            or colon and CAPTION_WITH_COLON.fullmatch(bare)
            and (ctx.fold(bare).endswith(L.CAPTION_NOUNS) or REQUIREMENTS_HEADING.fullmatch(ctx.fold(bare)))):
        return False
    title = P.WHITESPACE.sub("", (ctx.document or {}).get("title") or "")
    return bare != title and not ctx.fold(bare).endswith(L.END_NOUNS)


@rule(stage="outline", example="'——推进教育高质量发展' over '204.推进学前教育…' → '推进教育高质量发展'; '——到2025年，全市…。' → None")
def dash_caption(line: str) -> str | None:
    """A caption led by a dash over the numbered items that follow it (b188 005: a work report's
    division, its sections "——推进教育高质量发展" over items 204–208): the caption without its dash. A
    dashed line that is a sentence ("——到2025年，…。") heads nothing."""
    m = P.DASH_CAPTION.match(line.strip())
    return m.group(1) if m else None


@rule(stage="outline", example="'第五条 申请资助应当符合下列条件：' + (一)(二) → True; '（三）强化司法保护' + 一是/二是 → True")
def enumeration_parent(node: Node, roots: list[Node]) -> bool:
    """An item whose sub-items enumerate its content rather than being measures: an article's items
    ((一)(二), 1. 2.: an article is the leaf — unless it announces a list of acts, "支持下列事项：",
    whose items are the measures; listed conditions or materials stay content), or "一是…二是…"
    paragraphs under an item whose siblings are measures."""
    if not node.children or node.folded:
        return False
    if node.kind == "article" and not any(c.kind in HEADING_KINDS for c in node.children):
        # an article is the leaf, unless it announces a list of acts ("重点支持下列事项：") or is a
        # section heading over items of their own ("第一条 人才输入支持" / "（一）…" / "1.…")
        return not LISTED_ACTS.search(T.fold(node.head)) and not article_as_section(node)  # 以下標準 too
    if content_list(node):
        return True
    if any(c.kind != "shi" for c in node.children):
        return False
    siblings = node.parent.children if node.parent else roots
    return node.depth >= 2 or any(not s.children for s in siblings if s is not node)


@rule(stage="outline", example="'八、产业联动发展奖励' over '1.申报条件' '2.支持标准' → True; '二、重点任务' over '1.加强执法' → False; "
                               "'三、申报程序' over '(一)申报时间' '(二)申报材料' → False; '二、申报内容及条件' over "
                               "'(一)申报条件' '(二)支持标准' → False")
def facet_parent(node: Node, ctx: ParseContext) -> bool:
    """A support item whose sub-items are its facets ("1.申报条件", "2.支持标准", "3.申报材料"): the item is
    the measure, who may apply and what they get are its content (two facets or more, one of them the
    conditions or a standard). An item that is itself such a facet ("三、申报程序" over "(一)申报时间"
    "(二)申报材料", b799 004) or names facets or the application ("申报内容及条件", "申報程序及材料", "“宝鸡老字号”
    申报": lexicon.FACET_SECTION_WORDS; b803 004, b1290 004) is a section of a call, whose items are its measures."""
    bare = _bare(node.heading, ctx).rstrip(":：")
    if len(node.children) < 2 or node.folded or bare in L.SUPPORT_FACET_HEADS or any(w in bare for w in L.FACET_SECTION_WORDS):
        return False
    heads = [_bare(c.heading, ctx).rstrip(":：") for c in node.children]
    return all(h in L.SUPPORT_FACET_HEADS for h in heads) and \
        any(h in L.REQUIREMENT_HEADS or h.endswith("标准") for h in heads)


@rule(stage="outline", example="'五、…制止用户违法上传、存储并分享下列作品:' over '(一)根据权利人通知已经移除的作品;' … → True; "
                               "'(一)专利权人为个人的需提交:1、《申请表》;' over '2、授权专利证书原件;' … → True; "
                               "'重点开展下列工作:' over '(一)加强执法;' → False")
def content_list(node: Node) -> bool:
    """An item that lists things, not acts: its head ends by announcing them ("…分享下列(未经授权的)作品:", "…有下列情形
    之一的:") and every item under it is a short entry closed by ；/; or 。 with nothing under it: the
    entries say what the item covers, the item is the measure (the last entry may be cut, unclosed, or be
    followed by the item's closing paragraph: "(四)企业与用户间的电子协议。" / "已在本市…应于…办理备案。", b486 004)."""
    head = T.fold(NOISE_MARK.sub("", node.head).strip())
    if not node.children or not (LISTED_CONTENT.search(head) or MATERIALS_LEAD.search(head) or listed_sublist(node, head)):
        return False
    last = node.children[-1]
    return all(not c.children and c.kind not in HEADING_KINDS and (
        LISTED_ITEM.fullmatch(c.text.strip()) or c is last and (
            len(c.text.strip()) <= 40 and "\n" not in c.text.strip() or LISTED_ITEM.match(c.head.strip())))
        for c in node.children)  # the last entry may be cut off by the excerpt's end


@rule(stage="outline", example="'(一)在设置红色禁止燃放标志的地点和部位60米范围内:' under '七、下列地点或者部位禁止燃放烟花爆竹:' → True; "
                               "'(一)加强执法:' under '二、重点任务' → False")
def listed_sublist(node: Node, head: str) -> bool:
    """A part of a list its parent announces ("七、下列地点或者部位禁止燃放烟花爆竹:" over "(一)在设置红色…标志的地点
    和部位60米范围内:" over "1.文物保护单位;" "2.…", b1338 002): the part, whose head ends with a colon, lists
    things too, and is the measure (content_list)."""
    if node.parent is None or not head.endswith((":", "：")):
        return False
    return bool(LISTED_CONTENT.search(T.fold(NOISE_MARK.sub("", node.parent.head).strip())))


@rule(stage="outline", example="'第一条 人才输入支持' over '（一）高层次人才引进支持' over '1.…' → True; "
                               "'第五条 申报条件' over '（一）…（二）…' → False")
def article_as_section(node: Node) -> bool:
    """A 计划 that numbers its sections 第X条: the "article" is a bare heading (a short phrase, no
    sentence) and its items have numbered items of their own that read as titled measures (a short
    heading sentence, then the body: "1.市场化引才支持。支持社会机构…"), so the innermost items are the
    measures. A bare article over a flat list, or over items that are labelled content ("1.申报条件:…",
    "1、特钢产业:…"), stays the leaf."""
    head = NOISE_MARK.sub("", node.head).strip()
    if len(head) > ARTICLE_SECTION_MAX or P.SENTENCE_MARK.search(head):
        return False
    inner = [g for c in node.children for g in c.children]
    titled = [g for g in inner if TITLED_ITEM.match(NOISE_MARK.sub("", g.head))]
    return len(inner) >= 2 and len(titled) * 2 > len(inner)


def _bare(heading: str, ctx: ParseContext) -> str:
    return HEADING_PUNCT.sub("", ctx.fold(heading))


@rule(stage="outline", example="'二、主要目标' → True; '二、重点任务' → False")
def is_general(node: Node, ctx: ParseContext) -> bool:
    """A general-requirements chapter (总体要求, 指导思想, 主要目标 …), also with its text glued to the
    heading ("一、指导思想深入贯彻…"), or a background chapter: no measures."""
    bare = _bare(node.heading, ctx)
    return bool(GENERAL.match(bare)) or is_background(node, ctx) or opened_by_general(node, ctx) or \
        (node.kind not in HEADING_KINDS and bool(GENERAL_GLUED.match(bare)) and len(bare) > GLUED_TEXT_MIN) or \
        significance_chapter(node, ctx)


@rule(stage="outline", example="'一、充分認識建立公平競爭審查制度的重要性和緊迫性' over '(一)…' '(二)…' → True; "
                               "the same heading as a leaf item of a notice → False")
def significance_chapter(node: Node, ctx: ParseContext) -> bool:
    """A chapter that sets out why the policy matters ("充分认识…的重要意义", "…的重要性和紧迫性") and
    holds items of its own: those items argue, they do not act. Alone, as one of a notice's items, such
    a heading is a measure (the notice asks its readers to see it so)."""
    return bool(node.children) and bool(SIGNIFICANCE.match(_bare(node.heading, ctx)))


@rule(stage="outline", example="'一、总体规划' whose first section is '（一）指导思想' → True; '二、重点任务' → False")
def opened_by_general(node: Node, ctx: ParseContext) -> bool:
    """A chapter under any name whose first section is 指导思想 is the general-requirements chapter:
    its other sections (发展思路, 建设原则 …) hold no measures either."""
    return bool(node.children) and _bare(node.children[0].heading, ctx) in L.GENERAL_OPENERS


@rule(stage="outline", example="'一、发展基础和面临形势' → True; '一、夯实发展基础' → False")
def is_background(node: Node, ctx: ParseContext) -> bool:
    """A 规划's review of the past, or a node under one: no measures, and its figures are not targets."""
    return any(n.summary or BACKGROUND.match(_bare(n.heading, ctx)) for n in [node] + node.ancestors()) \
        or past_review(node, ctx) or background_glued(node, ctx)


@rule(stage="outline", example="'一、规划背景人才是衡量一个国家综合国力的重要指标…' → True; '一、规划背景' → False (BACKGROUND's)")
def background_glued(node: Node, ctx: ParseContext) -> bool:
    """A background chapter whose heading runs into its text on a page joined without breaks ("一、编制背景
    党的十八大以来,…", b20 012 joined; "一、发展基础与面临的形势“十二五”期间,…"): no measure, its figures no
    targets. Only the whole chapter names of lexicon.BACKGROUND_CHAPTERS: "(一)发展基础较好,…" is a condition."""
    bare = _bare(node.heading, ctx)
    return node.kind not in HEADING_KINDS and bool(BACKGROUND_GLUED.match(bare)) and len(bare) > GLUED_TEXT_MIN


@rule(stage="outline", example="'专利创造能力大幅提升' + '“十一五”期间,全省累计新增专利申请量20560件' → True; "
                               "'加强知识产权保护。开展专项行动。' → False")
def past_review(node: Node, ctx: ParseContext) -> bool:
    """An item whose text, after its heading, opens by reviewing a past plan period ("“十一五”期间,…",
    "“十三五”时期,…"): a 规划's review of the past under any heading, no measure, its figures no targets.
    A period not over when the document was written ("“十四五”期間,產業結構…明顯優化" in 2022) is a goal."""
    m = PAST_REVIEW.match(ctx.fold(node.text))
    if not m:
        return False
    end = dict(L.FIVE_YEAR_PLANS).get(m.group(1))
    written = next((int(ctx.document[k][:4]) for k in ("signed_date", "published_date") if (ctx.document or {}).get(k)), None)
    return not (end and written and end >= written)


@rule(stage="outline", example="'2017年工作总结' → 'summary'; '2018年工作计划' → 'plan'; '加强知识产权保护' → None")
def summary_or_plan(line: str, ctx: ParseContext) -> str | None:
    """A line or heading that opens a report of past work ("市知识产权局2022年工作总结", "一、2017年工作总结")
    or the plan after it ("市知识产权局2023年工作要点"): a year is required, so "做好工作总结" acts."""
    num = match_numbering(line)
    bare = _bare(num[2] if num else line, ctx)
    if len(bare) > 40:
        return None
    return "summary" if SUMMARY_TITLE.match(bare) else "plan" if PLAN_TITLE.match(bare) else None


@rule(stage="outline", example="preamble '市知识产权局2022年工作总结' + '一、深入学习…' → that item in a summary")
def summary_parts(tree: Outline, ctx: ParseContext) -> list[int]:
    """Mark the items of a report of past work (a 工作总结 page, or the 总结 half of "2017年工作总结与2018年
    工作计划"): from a summary heading or title line to the plan's title line. Returns the indices of the
    preamble lines inside a summary (their figures are results, not targets)."""
    state = None
    lines_in: list[int] = []
    for i, line in enumerate(tree.preamble):
        state = summary_or_plan(line, ctx) or state
        if state == "summary":
            lines_in.append(i)
    for root in tree.roots:
        own = summary_or_plan(root.heading, ctx)
        state = own or state
        if state == "summary":
            for n in root.subtree():
                n.summary = True
        for n in root.subtree():
            for line in n.extra:
                state = summary_or_plan(line, ctx) or state
    return lines_in


@rule(stage="outline", example="'三、保障措施' → True; '三、加强领导，落实责任。' → False")
def is_heading_only(node: Node) -> bool:
    """The numbered line is a bare heading, no sentence of its own; a heading of two phrases of the
    same length without a stop ("加强领导,落实责任") is one too."""
    head = node.head.strip()
    return len(head) <= 30 and not P.SENTENCE_MARK.search(head.rstrip("。")) or bool(PARALLEL_HEADING.match(head))


@rule(stage="outline", example="'对企业建立技术中心予以奖励' → True; '扶持企業技術中心建設' → True; '保障措施' → False")
def act_heading(head: str) -> bool:
    """A heading that states an act ("对企业建立技术中心予以奖励", "对…给予补助", or an action verb first:
    "扶持企业技术中心建设", "加强组织领导"): its paragraph is a measure even among chapters that hold
    numbered items; a heading that only names a topic (保障措施, 工作目标) is not, but one naming the
    amounts paid ("补助标准", b217 010) is."""
    return bool(ACT_HEADING.match(head.strip())) or bool(AMOUNT_HEADING.match(head.strip()))


@rule(stage="outline", example="'第九条 省人民政府设立专项资金，重点支持下列事项：' → True")
def is_lead_in(node: Node) -> bool:
    """An item that only introduces its sub-items is no heading: it stays out of their paths."""
    h = node.heading
    return bool(LEAD_IN.search(h)) or (node.kind == "article" and bool(CLAUSE_MARK.search(h)))


@rule(stage="outline", example="'第一章 总则' → True; '二、基本原则' over articles → True; '一、总体要求' → False")
def is_opening_chapter(node: Node, ctx: ParseContext) -> bool:
    """The opening chapter of an 办法/条例 (第一章 总则): its articles are operative, except the
    preliminary ones (see preliminary_article); so are the articles of a rule's chapter of principles
    ("二、基本原则 第三条 铸造项目须符合国家产业政策…", b834 003, 006: lexicon.ARTICLE_PRINCIPLE_CHAPTERS)."""
    bare = _bare(node.heading, ctx)
    return node.kind in ("chapter", "part", "section") and bare in L.OPENING_CHAPTERS or \
        node.kind in ("chapter", "part", "section", "cn") and bare in L.ARTICLE_PRINCIPLE_CHAPTERS


# "附则", "总体要求", "工作原则", "指导思想": a rule's chapter that closes it or says how to go about it
ORIENTATION_CHAPTER = re.compile(rf"^(?:{P.alternation(L.CLOSING_CHAPTERS)})$|(?:{P.alternation(L.ORIENTATION_WORDS)})$")


@rule(stage="outline", example="'第四章 绩效目标' over '第十四条 绩效目标是…由各预算单位主管部门编报。' → True; "
                               "'一、主要目标' over '(一)…' → False")
def chapter_of_articles(node: Node, ctx: ParseContext) -> bool:
    """A rule's chapter (第X章, 第X节) that holds articles binds whatever it is named: "第四章 绩效目标" of a
    budget-performance rule says who sets the goals and how they are checked (b981 008), its articles are
    operative like any other ("第二章 适用范围 第五条 排污者有下列情形之一的,…责令其采取限制生产措施", b747 003).
    A plan's goals chapter (一、主要目标), a background chapter, a rule's closing chapter (附则: when it takes
    effect, who interprets it) and a chapter of requirements or principles ("第二章 工作原则", b420 010) stay
    without measures."""
    return node.kind in ("chapter", "section") and any(c.kind == "article" for c in node.children) and \
        not ORIENTATION_CHAPTER.search(_bare(node.heading, ctx)) and not is_background(node, ctx)


# an article that ends "…适用本条例", whatever stops a scrambled copy put in it (b314 003, 007)
SCOPE_END = re.compile(r"^.{0,120}?(?<!不)适用本(?:办法|条例|规定|细则|规则|实施办法|实施细则)[。，,、.\s]*$", re.S)


@rule(stage="outline", example="'第一条 为了…，制定本办法。' → True; '第二条 本办法所称…是指…' → True; "
                               "'第二条,在…境内管理 经营和使用邮政服务。快递业务…。适用本办法' → True; "
                               "'第三条 市场监管部门负责…' → False")
def preliminary_article(node: Node, ctx: ParseContext) -> bool:
    """An article about the document rather than an act: its purpose and basis (为…/根据…制定本办法,
    also over two sentences ending "…制定本指南。", an article headed 评奖宗旨 / 适用范围 / 目的和依据 / 术语含义
    (lexicon.PURPOSE_HEADS) or, in 总则, 登记原则 (lexicon.OPENING_HEAD_ENDS), or the first
    article of 总则; a label such as 【立法目的】 or a caption "(资金来源)" before it, even on a line of its own,
    is read through), definitions
    and scope (所称, 是指, 适用于, 适用本办法), a single sentence of principles ("专项资金的使用和管理
    坚持…的原则。"); the second article of 总则 when it says what the thing is or holds, who set it
    up or which ideas guide it (…是…, …包括：, 设立…, 以…为指导); any article of 总则 whose first
    sentence, about a fund, names the principles it follows, what it is used for or how it supports
    (专项资金…坚持…的原则, 专项资金主要用于…, 专项资金主要采用…等方式支持…)."""
    text = ctx.fold(NOISE_MARK.sub("", node.text)).strip()
    if preliminary_caption(text):
        return True
    text = ARTICLE_LABEL.sub("", text).strip()
    cap = ARTICLE_CAPTION.match(text)
    if cap and not all(c in P.CN_DIGITS for c in (cap.group("a") or cap.group("b"))):
        text = text[cap.end():].strip()  # "(资金来源)" on its own line over "本办法所称…是指…" (b325 003)
    first = FIRST_SENTENCE.match(text)
    first = first.group(1) if first else text.partition("\n")[0]
    if PURPOSE_ARTICLE.match(first) or DEFINING.search(first) or PRINCIPLES_ONLY.match(text) or \
            principles_article(first, text) or norm_article(first) or PURPOSE_CLOSING.match(text) or \
            PURPOSE_HEAD.match(text.partition("\n")[0].strip()) or PURPOSE_AIM.match(first) or covers_article(text) \
            or SCOPE_END.search(text):
        return True  # … or an article that ends "…适用本条例" whatever a scrambled copy made its stops (b314 003, 007)
    chapter = node.parent if node.parent is not None and is_opening_chapter(node.parent, ctx) else None
    if chapter is None:
        return False
    if OPENING_HEAD.match(text.partition("\n")[0].strip()):
        return True  # "第四条 登记原则": the principles of 总则 (b1111 009)
    articles = [c for c in chapter.children if c.kind == "article"]
    place = articles.index(node) if node in articles else -1
    return place == 0 and first.startswith("为") or place == 1 and bool(DESCRIBING.search(first)) \
        or bool(OPENING_SCOPE.match(first))


@rule(stage="outline", example="'(目的依据)为加强市级财政专项资金管理…' → True; '(适用事项)专项资金的设立…' → True; "
                               "'(资金用途)专项资金用于…' → False; '(一)加强…' → False")
def preliminary_caption(text: str) -> bool:
    """An article whose caption (in brackets before its text: "(目的依据)", "【适用范围】") names what a
    preliminary article is about: purpose, basis, scope, definitions, principles."""
    m = ARTICLE_CAPTION.match(text)
    if not m:
        return False
    caption = m.group("a") or m.group("b")
    return not all(c in P.CN_DIGITS for c in caption) and bool(PRELIMINARY_CAPTION.search(caption))


@rule(stage="outline", example="'失信行为主体包括生产经营单位及其负责人等。' → True; '扶持对象包括…，可以申请…' → False")
def covers_article(text: str) -> bool:
    """An article of one sentence saying what a term covers ("安全生产领域失信行为主体包括生产经营单位,
    及其法定代表人…等。"): a definition, no act; a sentence that rules or acts (应当, 可以, 支持…) is not this."""
    m = COVERS.match(text.strip())
    return bool(m) and not COVERS_NOT.search(text)


@rule(stage="outline", example="'风险补偿资金按照政府引导、市场化运作的原则进行管理。资金仅对…' → True")
def principles_article(first: str, text: str) -> bool:
    """A short article that opens by naming the principles something follows ("…按照政府引导、市场化
    运作的原则进行管理。", "…遵循申请自愿,认定公开的原则 …", a space standing for a lost stop), or
    that announces them as a list ("风险补偿资金使用应遵循以下原则：")."""
    if PRINCIPLES_LISTED.search(first.strip()):
        return True
    head = SCRAMBLED_GAP.split(first)[0]
    return len(text) <= PRINCIPLE_ARTICLE_MAX and bool(PRINCIPLE_SENTENCE.match(head.strip()))


@rule(stage="outline", example="'发展数字经济应当坚持数据赋能、市场主导，推动…' → True; '县级以上人民政府应当坚持…' → False")
def norm_article(first: str) -> bool:
    """An article whose first sentence states the norms a field or activity follows, its subject no
    organisation: "发展数字经济应当坚持…", "科技成果转化活动应当以企业为主体、以市场为导向,遵循…",
    "…保护工作应当贯彻…的方针", "工作站的建设和管理遵循…的原则,采用…"; an organisation that acts
    ("县级以上人民政府应当坚持…") states no norm but a duty."""
    m = NORM_ARTICLE.match(first.strip())
    return bool(m) and not ORG_SUBJECT.search(m.group("subject"))


@rule(stage="outline", example="'一、支持对象' → True; '专利资助对象为本县企业。' → True; '二、支持企业做大做强' → False")
def scope_item(node: Node, ctx: ParseContext) -> bool:
    """An item that only says who may apply or be supported: headed 支持对象 / 资助对象 / 申报主体 (also
    glued to a one-sentence body: "申报主体省内高等院校、科研院所。"), listing what support covers ("重点
    支持产业包括:…"), or opening "…资助对象为…" /
    "申报…对象是…" (eligibility is scope, no measure); who may apply on which conditions ("…的对象为
    专利权人,并符合以下条件之一:") is operative."""
    head = ctx.fold(NOISE_MARK.sub("", node.head)).strip()
    first = FIRST_SENTENCE.match(head)
    if "条件" in (first.group(1) if first else head):
        return False  # "…的对象为专利权人,并符合以下条件之一:": who and on which conditions, operative
    label = re.split(r"[:：]", ctx.fold(node.heading), maxsplit=1)[0]  # "…征集对象:本市范围内的…"
    return bool(SCOPE_HEADING.match(_bare(node.heading, ctx))) or bool(SCOPE_SENTENCE.match(head)) \
        or bool(SCOPE_LIST.match(head)) \
        or (label != ctx.fold(node.heading) and bool(SCOPE_HEADING.match(_bare(label, ctx))))


@rule(stage="outline", example="'1.2024年度…登记的技术合同;' under '一、奖补对象及范围' → True; "
                                "'(一)創立時間達50年(含)以上;' under '二、申報條件' → False (a condition: a measure); "
                                "'(一)加强保护。' under '二、重点任务' → False")
def requirement_item(node: Node, ctx: ParseContext) -> bool:
    """An item of a list of whom or what a call or policy covers or accepts (under 奖补对象及范围, 优待对象,
    受理类别, 认定范围 …, or one level further down), no measure; so is an item labelled with its conditions
    ("二、參評條件 凡是…") or with the documents a grant rests on ("一、补助依据 《…》"). Conditions to apply and
    documents to hand in (申报条件, 申报材料: lexicon.CONDITION_HEADS) are measures: over b01-b736 the gold
    counts them about two times in three (session 25); their figures are no targets (condition_item)."""
    if node.kind in HEADING_KINDS:
        return False
    own = HEAD_LABEL_END.split(ctx.fold(node.head.strip()), maxsplit=1)[0]   # "參評條件 凡是…": the item's own label
    own_conditions = bool(REQUIREMENTS_HEADING.fullmatch(own)) and ("条件" in own or "要求" in own)  # not "提交申报材料"
    # "一、补助依据 《…关于下达…的通知》" (b198 009, 012): the documents a grant rests on, no act
    return own_conditions or own in L.BASIS_ITEM_HEADS or any(
        SCOPE_LIST_HEADING.fullmatch(_bare(a.heading, ctx)) for a in node.ancestors()[-2:])


@rule(stage="outline", example="'(二)承担过专利分析项目不少于5项;' under '三、申报条件' → True; '1.营业执照复印件;' under "
                                "'三、申报材料' → True; '(一)加强保护。' under '二、重点任务' → False")
def condition_item(node: Node, ctx: ParseContext) -> bool:
    """A measure that is an item of a list of conditions to apply or documents to hand in (under 申报条件,
    评选条件, 申报材料 …, or one level further down, b723 009; under any heading that names conditions, "五、备案
    条件"; an article in a chapter of conditions, "第三章 企业重点实验室条件"): what it says in figures is a
    condition an applicant meets ("团队成员不少于8人"), no target."""
    if node.parent is not None and _bare(node.parent.heading, ctx).rstrip(":：") in L.SUPPORT_STANDARD_HEADS:
        return False  # "支持标准" under "申报内容及条件": what an applicant gets (b803 004)
    if node.kind == "article":  # a rule's articles in a chapter of conditions ("第三章 企业重点实验室条件", b863 006)
        return any(a.kind == "chapter" and CONDITIONS_NAMED.fullmatch(_bare(a.heading, ctx)) for a in node.ancestors())
    return node.kind not in HEADING_KINDS and (any(
        CONDITION_HEADING.fullmatch(_bare(a.heading, ctx)) or CONDITIONS_NAMED.fullmatch(_bare(a.heading, ctx))
        for a in node.ancestors()[-2:]) or announced_conditions(node, ctx)
        # an item whose own list of conditions stays in it ("二、进一步满足以下条件的…,可申请…: (一)…", b863 003)
        or bool(node.extra and CONDITION_LEAD.search(ctx.fold(node.head.strip()))))


@rule(stage="outline", example="'(三)可自主支配的场地面积不小于500平方米' after '众创空间市级备案应具备哪些条件?' → True; "
                                "'(一)加强保护。' after '主要任务如下:' → False")
def announced_conditions(node: Node, ctx: ParseContext) -> bool:
    """An item of a list that the unnumbered sentence just above it announces as conditions ("…应具备下列
    条件:", "需同时满足以下四项条件", "应具备哪些条件?": b760 011, b766 003-005): what it says in figures is a
    condition an applicant meets, as under a 申报条件 heading (condition_item), no target. The items stay
    measures, as a call's conditions do (README: the gold counts them about two times in three); until
    session 26 a list after "…符合下列条件:" was dropped from the measures instead (condition_run: on
    b01-b798, 58 measures right more and 38 wrong more without it)."""
    if node.kind in HEADING_KINDS or ctx.outline is None:
        return False
    siblings = node.parent.children if node.parent is not None else ctx.outline.roots
    if not siblings or siblings[0].kind != node.kind:
        return False  # the announced list is the one right below the sentence
    above = ([node.parent.head] + node.parent.extra) if node.parent is not None else ctx.outline.preamble
    lead = next((line.strip() for line in reversed(above) if line.strip()), "")
    return bool(CONDITION_LEAD.search(ctx.fold(lead))) or conditions_named_above(lead, node, ctx)


CONDITIONS_NAMING = re.compile(rf"(?:{P.alternation(L.CONDITION_HEADS)})(?:是什么|有哪些)?\s*[:：?？]?\s*$")
CONDITIONS_LINE_MAX = 60


@rule(stage="outline", example="'南京市申报2021年省级企业工程技术研究中心建设项目申报条件' over '1.建设主体…' → True; "
                                "(title '深圳市科技企業孵化器的申請條件是什么?') a top-level '1.基礎條件:…' → True; "
                                "'二、重点任务' → False")
def conditions_named_above(lead: str, node: Node, ctx: ParseContext) -> bool:
    """A list right below a line that names it as conditions to apply or documents to hand in, as a caption
    too long to be one ("国家重点实验室申报条件", "南京市申报…建设项目申报条件", b1207 001, 007), or a list at
    the top of a page whose title asks or names them ("深圳市科技企業孵化器的申請條件是什么?" over a date
    line, b1208 003): its figures are conditions an applicant meets (condition_item)."""
    f = ctx.fold(P.WHITESPACE.sub("", lead))
    if len(f) <= CONDITIONS_LINE_MAX and CONDITIONS_NAMING.search(f):
        return True
    title = ctx.fold(P.WHITESPACE.sub("", (ctx.document or {}).get("title") or ""))
    return node.parent is None and bool(title) and bool(CONDITIONS_NAMING.search(title))


@rule(stage="outline", example="'【頒布時間】2021-11-15' → True; '【法规全文】' → True; '【重点】加强保护。' → False")
def metadata_item(head: str, ctx: ParseContext) -> bool:
    """A numbered line of a law database's box ("1. 【頒布時間】2021-11-15", "3. 【發文號】…", "7. 【法規全文】"):
    a label in 【】 that names a field of the page (lexicon.META_LABELS, or ending as such labels end), no measure."""
    m = METADATA_ITEM.match(ctx.fold(head.strip()))
    return bool(m) and (m.group(1) in L.META_LABELS and m.group(1) not in L.ITEM_FIELD_LABELS  # "第三條【實施主體】…" acts
                        or m.group(1).endswith(L.META_LABEL_ENDS + L.FULL_TEXT_LABEL_ENDS))


@rule(stage="outline", example="'通过电子邮箱将具体意见发送至zyjs@hrss.sz.gov.cn' → True; '建立知识产权纠纷快速处理机制。' → False")
def feedback_channel(text: str, ctx: ParseContext) -> bool:
    """An item of a consultation notice saying how to send comments ("通过我局官网…填写反馈意见",
    "通过电子邮件方式将意见发送至邮箱…", "通过信函的方式将意见寄至…"): a channel, no measure. Short,
    naming a way to send them, and sending comments (发送/寄/反馈/提交…意见) or on a page that asks
    for comments ("发送电子邮件至邮箱:…" under a 征求意见 notice)."""
    f = ctx.fold(text)
    if len(f) > FEEDBACK_MAX or not FEEDBACK_HOW.search(f):
        return False
    return bool(FEEDBACK_WHAT.search(f)) or bool(FEEDBACK_OPENING.match(f)) and consultation(ctx)


def consultation(ctx: ParseContext) -> bool:
    """The page asks for comments on a draft (征求意见 in its title or notice, or a draft's page: b458 006,
    "…管理办法(征求意见稿)》,现面向社会公开征求意见" in its opening sentence)."""
    doc = ctx.document or {}
    head = ctx.fold((doc.get("notice_title") or "") + (doc.get("title") or ""))
    return any(w in head for w in L.CONSULTATION_MARKS) or doc.get("status") == "draft"


@rule(stage="outline", example="'本办法自2024年1月1日起施行。' → True; '第十三条' over '本办法由省工信厅负责解释。' → True")
def is_boilerplate(node: Node, ctx: ParseContext) -> bool:
    """A short item about the document itself (purpose, scope, interpretation, entry into force). "本办法
    施行后，首次被认定为…的，给予10万元扶持" (b221 011) acts: "施行后" dates an act, it enacts nothing.
    An article number alone on its line ("第十三条" over "本办法由省工信厅负责解释。", b318 001) is read
    by the line below it."""
    head = node.head if node.head.strip() else (node.extra[0] if node.extra else "")
    return bool(BOILERPLATE.search(ctx.fold(head).strip())) and len(node.text) < 160


SITE_TERMS = re.compile(rf"^(?:{P.alternation(L.SITE_TERMS_OPENERS)})")


@rule(stage="outline", example="'5. 本站仅提供交流平台,并不能对任何下载内容负责。' → True; '3、本文档由用户上传,…' → True; "
                               "'1.加强网站建设' → False")
def site_terms_item(node: Node, ctx: ParseContext) -> bool:
    """A numbered item of a sharing site's terms shown above or below the document ("本站仅提供交流平台…",
    "本文档由用户上传…", "未经权益所有人同意不得…", b666 005, b393): the site's rules, no measure."""
    return bool(SITE_TERMS.match(ctx.fold(NOISE_MARK.sub("", node.head)).strip()))


@rule(stage="outline", example="'北京市海淀区' → True; 'XX科技有限公司' → True; '建设知识产权保护中心' → False")
def is_name(head: str, ctx: ParseContext) -> bool:
    """A numbered line that is only a name: places the gazetteer knows, one after the other ("河北省
    石家庄市", "北京市海淀区"), or an organisation ("…有限公司", "…大学", "…知识产权局"), possibly
    with its contact persons after it ("…监管局 薛志红 万凯"); no sentence mark, no action verb."""
    text = ctx.fold(head.strip()).rstrip("。；;，,")
    if m := NAME_WITH_PERSONS.match(text):
        text = m.group(1)
    if not 2 <= len(text) <= 40 or P.SENTENCE_MARK.search(text) or text.startswith(tuple(L.SENTENCE_OPENERS)):
        return False
    gaz = ctx.knowledge.gazetteer if ctx.knowledge else None
    if gaz:
        found = gaz.find(text) or gaz.find(text, short=True)
        if found and sum(len(name) for _, name, _ in found) == len(text):
            return True
    return bool(NAME_END.search(text)) and not NAME_VERB.search(text)


# "一、民间文学 (共计6项)", "一、園林式單位(14個)": a category of a list of names, with its size
_COUNT = rf"(?:共计?|计|合计)?\s*\d{{1,4}}\s*(?:{P.ITEM_COUNT_UNITS})"
# … or "先进单位14个(排名不分先后)": a count, and the list's order noted
COUNT_HEADING = re.compile(rf"^[{P.HAN}、“”《》]{{2,24}}\s*(?:{P.PAREN_OPEN}\s*{_COUNT}\s*{P.PAREN_CLOSE}|"
                           rf"(?:{_COUNT})?\s*{P.PAREN_OPEN}(?:{P.alternation(L.LIST_ORDER_NOTES)}){P.PAREN_CLOSE})[。:：]?$")


@rule(stage="outline", example="'民间文学 (共计6项)' → True; '園林式單位(14個)' → True; '先进单位14个(排名不分先后)' → True; "
                               "'新增高新技术企业(10家)以上' → False")
def count_heading(head: str, ctx: ParseContext) -> bool:
    """A numbered line that names a category of a list and how many entries it holds ("一、民间文学 (共计6项)"
    over the 序号/名称 cells of a 非遗名录, "一、園林式單位(14個)" over the units named, b560 006/007), or says
    the list is in no order ("一、先进单位14个(排名不分先后)" over the units commended, b574 008): the heading
    of a list of names, no measure."""
    return bool(COUNT_HEADING.match(ctx.fold(head.strip())))


STATEMENT = re.compile(rf"^[^。，,；;:：]{{0,24}}?的?(?:{P.alternation(L.STATEMENT_NOUNS)})是")


@rule(stage="outline", example="'二、市政府工作的指导思想是,在…领导下…' → True; '三、市政府工作的准则是,执政为民…' → True; "
                               "'(一)坚持依法行政的基本原则。' → False")
def statement_item(node: Node, ctx: ParseContext) -> bool:
    """An item that states what a body's work is guided by ("市政府工作的指导思想是…", "县人民政府工作的准则是:…",
    "…的基本原则是…"): the opening items of a 政府工作规则 numbered 一、二、 (b574 006, b577 002, b216 011,
    b168 011), a statement and no measure, as a 总则's principles article is none."""
    return bool(STATEMENT.match(ctx.fold(node.text.strip())))


@rule(stage="outline", example="1.–15. each a city name (a 公示) → all 15; '1、某局 张三' + '联系电话：…' → True")
def name_items(outline: Outline, ctx: ParseContext) -> set[int]:
    """Ids of numbered items that name places, organisations or companies rather than commit to an act:
    three or more siblings whose lines are only names (a 公示 of cities, a list of winners), or an
    organisation with its contact persons ("…监管局 薛志红 万凯") or a contact line after it ("联系电话：…"). Text after the
    last name (the 公示's closing paragraph) goes with it."""
    out: set[int] = set()
    groups: dict[tuple[int, str], list[Node]] = {}
    for n in outline.nodes:
        groups.setdefault((id(n.parent), n.kind), []).append(n)
    for items in groups.values():
        names = [n for n in items if is_name(n.head, ctx)]
        if len(names) >= NAME_LIST_MIN and len(names) >= 0.8 * len(items):
            # in a list of names, a short bare line is a name the word lists do not know ("陜西省西安市")
            out.update(id(n) for n in items if n in names or (len(n.head) <= NAME_BARE_MAX and not
                       P.SENTENCE_MARK.search(n.head) and not NAME_VERB.search(ctx.fold(n.head))))
        for n in names:
            if NAME_WITH_PERSONS.match(ctx.fold(n.head.strip())) or \
                    (n.extra and CONTACT_LINE.match(ctx.fold(n.extra[0]))):
                out.add(id(n))
    return out


@rule(stage="outline", example="'(1)傳統的口頭文學…;' '(二)傳統藝術…;' … then '第四條…' → those list items; "
                               "'1.加强执法。' then '第一条…' → nothing")
def cut_article_list(outline: Outline) -> set[int]:
    """A page that starts inside an article's list ("(1)傳統的口頭文學和作為其載體的語言;" "(二)…;" before
    the first 第X条 of the page, or before a chapter holding articles): the items enumerate what the cut
    article says, they are not measures (ids of those nodes). Items of any length, with lines of their
    own, count since session 26 when they are bracketed ("(六)…", "(2)…", "①…": an article's own list):
    over b01-b791 the gold counts such leading items almost never (b772 005, b779 007, b758 004 …); other
    items ("2.企业规模…", "三、…") only when short and closed by ；/; or 。, as before (such items led by
    "1." or "一、" were a list of their own in b746 008, b736 010, b391 006)."""
    out: set[int] = set()
    for node in outline.roots:
        if node.kind in HEADING_KINDS:
            articles = node.kind == "article" or any(d.kind == "article" for d in node.subtree())
            return out if articles else set()
        if node.children or (node.kind not in ARTICLE_LIST_KINDS
                              and (node.extra or not LISTED_ITEM.fullmatch(node.head.strip()))):
            return set()
        out.add(id(node))
    return set()  # no article after them


# "(一)儿童与健康。 主要目标: 1.… 14.… 策略措施:1.…": a development plan's field sets goals, then the measures
SECTION_LABEL = re.compile(rf"(?P<goal>{P.alternation(L.GOAL_LABELS)})|(?P<act>{P.alternation(L.ACTION_LABELS)})\s*[:：]")


@rule(stage="outline", example="'(一)儿童与健康。 主要目标:' over '1.婴儿死亡率控制在10‰以下。' … '14.… 策略措施:1.加大投入。' "
                               "'2.加强服务体系建设。' → the goals 1–14")
def goals_label_run(outline: Outline, ctx: ParseContext) -> set[int]:
    """Items listed after a label "主要目标:" (or 发展目标:, 工作目标:) that ends their parent's heading or the
    item before them, up to a label "策略措施:" (主要措施:, 工作措施:) where the measures begin: goals, not
    measures, as a 妇女/儿童发展规划 lays out each of its fields (b317). Ids of those nodes."""
    out: set[int] = set()

    def last_label(text: str) -> str | None:
        found = list(SECTION_LABEL.finditer(ctx.fold(text)))
        return None if not found else "goal" if found[-1].group("goal") else "act"

    for parent in [None] + outline.nodes:
        kids = parent.children if parent is not None else outline.roots
        if not kids:
            continue
        mode = last_label(parent.text) if parent is not None else last_label("\n".join(outline.preamble))
        for k in kids:
            if mode == "goal":
                out.add(id(k))
            mode = last_label(k.text) or mode
    return out


_WHEN = rf"(?:{P.YEAR}\s*年)?\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?(?:底|中旬|上旬|下旬)?"
PERIOD_ONLY = re.compile(rf"^(?:[{P.HAN}]{{0,10}}?[:：]?\s*)?(?:自|从)?\s*(?:即日|{_WHEN}|{P.YEAR}\s*年)\s*(?:起)?\s*"
                         rf"(?:至|到|—|－|-|~|～)\s*(?:{_WHEN}|{P.YEAR}\s*年(?:底)?)\s*(?:止|结束)?[。；;]?$")


@rule(stage="outline", example="'二、2025年2月8日至2月20日。' → True; '二、活动时间:2021年5月-7月' → True; "
                               "'二、自即日起至2022年3月31日开展专项整治' → False")
def period_item(node: Node, ctx: ParseContext) -> bool:
    """An item that only gives a period (the consultation's or the campaign's dates: "2025年2月8日至2月20日。",
    "自即日起至2022年3月31日。", b330 008, b346 008): when, not what is done."""
    text = P.WHITESPACE.sub("", ctx.fold(NOISE_MARK.sub("", node.text)))
    return len(text) <= 60 and bool(PERIOD_ONLY.match(text))


TITLE_ITEM_NOISE = re.compile(r"[\s《》〈〉“”\"'()（）\[\]【】,，。、:：]")
TITLE_ITEM_EDITION = re.compile(rf"{P.YEAR}年?{P.REVISION}")  # a law database's edition note, brackets gone


@rule(stage="outline", example="'1. 浙江省实施《中华人民共和国慈善法》办法' on a page with that title → True; '1.加强组织领导' → False")
def title_item(node: Node, ctx: ParseContext) -> bool:
    """A numbered line that is the document's own title (a site's list number before it: "1. 浙江省实施《…》
    办法", b350 008): the title again, no measure."""
    doc = ctx.document or {}
    head = TITLE_ITEM_NOISE.sub("", ctx.fold(NOISE_MARK.sub("", node.head)))
    if node.extra or len(head) < 6:
        return False
    titles = [TITLE_ITEM_NOISE.sub("", ctx.fold(t)) for t in (doc.get("title"), doc.get("notice_title")) if t]
    # "1. 云南省…条例(2021修正)" under the title without its edition note (b471 001)
    return any(t and (head == t or head.startswith(t) and TITLE_ITEM_EDITION.fullmatch(head[len(t):])) for t in titles)


PRINCIPLE_ITEM = re.compile(rf"^(?:{P.alternation(L.PRINCIPLE_ITEM_LEADS)})")
PRINCIPLE_RUN_MIN = 3


@rule(stage="outline", example="'1.坚持服务大局。…' '2.坚持改革创新。…' '3.坚持司法主导。…' (no heading above) → all three; "
                               "'1.坚持问题导向,开展专项整治。' '2.加强执法。' '3.坚持…' → nothing")
def principles_run(outline: Outline, ctx: ParseContext) -> set[int]:
    """Three or more sibling items that all open with 坚持 ("坚持服务大局。…", "坚持严格保护。…") are a plan's 基本原则
    whose heading the page has lost (a site that copied the items alone, b632 002): principles, not measures.
    Ids of those nodes."""
    groups: dict[tuple[int, str], list[Node]] = {}
    for n in outline.nodes:
        groups.setdefault((id(n.parent), n.kind), []).append(n)
    out: set[int] = set()
    for items in groups.values():
        if len(items) >= PRINCIPLE_RUN_MIN and not any(n.children for n in items) and \
                all(PRINCIPLE_ITEM.match(ctx.fold(n.head.strip())) for n in items):
            out.update(id(n) for n in items)
    return out


def measure_nodes(outline: Outline, ctx: ParseContext) -> list[Node]:
    """Leaves that are measures, in document order."""
    general: dict[int, bool] = {}
    names = name_items(outline, ctx)

    def gen(n: Node) -> bool:
        if id(n) not in general:
            general[id(n)] = is_general(n, ctx)
        return general[id(n)]

    cut_list = cut_article_list(outline) | goals_label_run(outline, ctx) | \
        principles_run(outline, ctx)
    out = []
    for node in outline.nodes:
        if node.children or id(node) in cut_list or node.line_no < ctx.notice_items:
            continue  # … or a covering notice's own item (header.issued_with_own_items)
        general_above = [a for a in [node] + node.ancestors() if gen(a)]
        if general_above and not (node.kind == "article" and
                                  all(is_opening_chapter(a, ctx) or chapter_of_articles(a, ctx) for a in general_above)):
            continue
        if node.kind == "article" and preliminary_article(node, ctx):
            continue
        if node.kind in HEADING_KINDS and node.kind != "article" and not node.extra and is_heading_only(node):
            continue  # a chapter heading with nothing under it (a table of contents, the excerpt's end)
        siblings = node.parent.children if node.parent else outline.roots
        if is_heading_only(node) and node.extra and not act_heading(ctx.fold(node.head)) and \
                paragraph_chapter(node, siblings, ctx):
            continue  # a chapter written as paragraphs among chapters that hold numbered items
        if (not node.extra and not node.head) or is_boilerplate(node, ctx) or CONTACT_ITEM.match(ctx.fold(node.head)) or \
                id(node) in names or scope_item(node, ctx) or feedback_channel(node.text, ctx) or \
                requirement_item(node, ctx) or metadata_item(node.head, ctx) or period_item(node, ctx) or \
                title_item(node, ctx) or count_heading(node.head, ctx) or statement_item(node, ctx) or \
                site_terms_item(node, ctx):
            continue
        out.append(node)
    if out and out[-1] is outline.nodes[-1] and cut_short(out[-1]):
        out.pop()
    return out


@rule(stage="outline", example="'一、指导思想' (paragraphs) beside '二、重点任务' and '三、保障措施' (both with items) → True; "
                                "'一、…' … '四、…' (paragraphs) beside one '五、提交申请的方式' with (一)(二) → False")
def paragraph_chapter(node: Node, siblings: list[Node], ctx: ParseContext) -> bool:
    """A heading over paragraphs among siblings of its kind that hold numbered items is a chapter written
    as prose (指导思想, 发展现状), no measure, when such siblings are at least as many as the ones written
    as paragraphs (general chapters such as 总体要求 not counted). Where most siblings are paragraphs,
    they are the items and the one holding a list is the odd one (b444 008, a 通告's four items and
    "五、提交行政复议申请的方式" over its ways), unless the heading names a scope, an aim or a basis
    ("专项治理范围", "目的", "编制依据": PROSE_CHAPTER_ENDS). A notice that is its own document (its title
    ends 通知/通告/公告/函) writes its arrangements as chapters, prose or not: none is a mere chapter (b722 001);
    a chapter holding only conditions or materials holds no measures and does not count (b723 009)."""
    if ctx.fold((ctx.document or {}).get("title") or "").endswith(L.NOTICE_ENDS):
        return False  # a notice's own chapters are its items ("二、检查方式与分工", b722 001)
    same = [s for s in siblings if s.kind == node.kind]
    # a chapter holding only a list of conditions or materials ("二、推荐评选条件", b723 009) holds no measures
    holding = sum(1 for s in same if s.children and not REQUIREMENTS_HEADING.fullmatch(_bare(s.heading, ctx)))
    prose = sum(1 for s in same if not s.children and s.extra and not is_general(s, ctx))
    if holding and ctx.fold(node.head).rstrip("。:：").endswith(L.PROSE_CHAPTER_ENDS):
        return True  # "二、专项治理范围", "一、目的": what a chapter says about the document, never an act
    return holding > 0 and holding >= prose


@rule(stage="outline", example="last item '五、国' → True; last item '（四）健全名录' → True; '一、推廣改革舉 ……' → True; "
                               "'（四）健全名录制度。' → False")
def cut_short(node: Node) -> bool:
    """The excerpt ends inside the item's first words: fewer than 10 characters of text and no closing
    stop (an ellipsis at the end marks the cut, it is no stop). Such an item does not count (a cut item
    counts from 10 characters on)."""
    text = P.WHITESPACE.sub("", NOISE_MARK.sub("", node.text)).rstrip("…")
    return len(text) < 10 and not CLOSED.search(text)


@rule(stage="outline", example="first item '（二）主要目标' → True; first item '一、总体要求' → False")
def starts_mid_document(tree: Outline) -> bool:
    """The first numbered item is not the first of its kind (（二）, 5., 第三条): the page begins inside
    the document."""
    if not tree.nodes:
        return False
    label = tree.nodes[0].label
    n = P.CIRCLED.index(label) + 1 if label in P.CIRCLED else parse_cn_number(label.split(".")[0])
    return n is not None and n > 1


@rule(stage="outline", example="last line '（三）加强保护。完善知识产权保护中心建设，开展快速预审' → True")
def cut_off(tree: Outline) -> bool:
    """The document's last line stops inside a sentence: no closing punctuation after a clause, and
    not a list of responsible units ("…牵头部门：市地方金融监管局")."""
    last = (tree.nodes[-1].text if tree.nodes else "\n".join(tree.preamble)).rpartition("\n")[2].strip()
    return bool(last) and not CLOSED.search(last) and (len(last) >= 40 or bool(P.SENTENCE_MARK.search(last))) \
        and not is_unit_like(LIST_ITEM.split(last)[-1])


def outline(ctx: ParseContext) -> None:
    ctx.outline = build_outline(ctx.body_lines, ctx)
    ctx.summary_lines = summary_parts(ctx.outline, ctx)
    ctx.nodes = measure_nodes(ctx.outline, ctx)
    if not ctx.nodes:
        ctx.warn("no numbered measures found")
    if starts_mid_document(ctx.outline):
        ctx.warn("page starts mid-document")
    if cut_off(ctx.outline):
        ctx.warn("text appears truncated")
