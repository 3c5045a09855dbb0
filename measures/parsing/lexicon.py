"""Words the grammar relies on, as data (Simplified only: Traditional text is folded before matching).

Each tuple is one list of words; the stages build their patterns from them.
tests/parsing/rules/test_lexicon.py checks that no list repeats an entry and
that every entry is written in Simplified characters.
"""

# --- folding ---------------------------------------------------------------------------------------
# Taiwan's words for what the mainland names otherwise, folded to the mainland's (text.fold; longest first
# where one contains another). Mainland words stay as written: a mirror site's Traditional copy of a
# mainland document writes 建立, 文件, 执行, 程序, 资料 and means them.
TAIWAN_TERMS = (("智慧财产权", "知识产权"), ("智慧财产", "知识产权"), ("网际网路", "互联网"), ("资料库", "数据库"),
                ("软体", "软件"), ("硬体", "硬件"), ("网路", "网络"), ("资讯", "信息"), ("积体电路", "集成电路"),
                ("伺服器", "服务器"))

# --- clean / lines: the portal's frame around the document --------------------------
# a document-sharing site's terms, however long the line ("2、本站所有内容均由合作方或网友上传,本站不对…")
DOC_SHARE_TERMS = ("网友上传", "本站所有内容", "文档一经付费", "VIP文档", "版权申诉", "原创力文档", "下载文档前", "本站不对",
                   # a document site's download notes: "3.本站不支持迅雷下载…", "2.PDF文件下载后，可能会被浏览器默认打开…"
                   "本站不支持", "迅雷下载", "本站资源下载", "文件下载后", "试题试卷类文档", "浏览器默认打开",
                   # "1、本文档共3页，可阅读全部内容。" (b179 005): a preview's page count
                   "可阅读全部内容", "仅部分预览",
                   # "2.下载该文档所得收入归上传者、原创者。" "3.下载的文档,不会出现我们的网址水印。" (b627 004)
                   "所得收入归上传者", "网址水印",
                   # a download shop's notes (b251 005: "1.部分资料下载需要金币…", "2.已购买过的文档,再次下载不重复扣费")
                   "下载需要金币", "不重复扣费", "请先用软件解压")
# a document-sharing site's watermark written into the text, wherever a page of the preview broke ("精品文档---下载后
# 可任意编辑2024 年病媒生物防治…", "经营单位整改;二级下载后可任意编辑重大事故隐患…": clean.share_watermarks)
DOC_SHARE_WATERMARKS = ("下载后可任意编辑",)
DOC_SHARE_WATERMARK_LEADS = ("精品文档",)
CHROME_PHRASES = (
    "字体大小", "扫一扫", "我要纠错", "关闭窗口", "打印本页", "【打印】", "【关闭】", "相关词条", "热门词条", "联络我们",
    "分享到", "无障碍浏览", "无障碍阅读", "无障碍版", "无障碍模式", "关怀版", "浏览次数", "访问次数", "阅读次数", "附件下载", "返回顶部", "上一篇", "下一篇", "责任编辑",
    "手机扫描", "用手机", "微信扫", "欢迎来到", "网站地图", "版权所有", "主办单位", "ICP备", "网站标识码", "政府网站",
    "保存本页", "收藏本页", "视力保护色", "语音播报", "繁体", "简体版", "English",
    # a document-sharing site's terms list ("4、该文档为VIP文档,如果想要下载…")
    "VIP文档", "成为VIP", "下载本文档", "网友上传", "本站所有内容",
    "下载文档前", "仅部分预览", "如文档侵犯您的权益",
    # … and its download notes ("温馨提示: 1. …文件下载后无此问题,请放心下载。 2. 本文档由用户上传…")
    "下载后无此问题", "本文档由用户上传", "下载前请仔细阅读", "未能成功下载", "联系客服", "网站客服",
)
# a page's tools run on after a metadata value ("来源:交通局 打印", "来源:金安区乡村振兴局文字大小:[ ]"): cut off
# (header.ISSUER_CUT)
VALUE_TOOL_WORDS = ("打印页面", "关闭页面", "打印本页", "关闭窗口", "打印", "关闭", "文字大小", "字体大小", "字号", "点击", "浏览次数",
                    "阅读次数")
# a town that issues in its own name ("发布机构: 虹城街道", "信息来源:东白湖镇", b580 004, b152): the body, though a place
TOWNSHIP_ENDS = ("镇", "乡", "街道", "街道办事处", "苏木")
BREADCRUMB_HEADS = ("首页", "主页", "网站首页", "返回首页", "资讯首页", "新闻首页", "政务首页")
RELATED_HEADS = ("相关链接", "相关文章", "相关阅读", "相关文件", "相关新闻", "相关推荐", "相关信息", "相关政策", "延伸阅读",
                 "推荐阅读", "猜你喜欢", "热点推荐")
# task-division tables: the task column, the role columns, the deadline column
TABLE_TASK_HEADS = ("任务", "措施", "工作内容", "事项", "内容", "重点工作", "主要工作", "具体工作", "工作要点")
TABLE_LEAD_HEADS = ("牵头",)
TABLE_SUPPORT_HEADS = ("配合", "协办", "参与", "协助")
TABLE_PLAIN_HEADS = ("责任单位", "责任部门", "负责单位", "实施单位", "承办单位")
TABLE_NAME_HEADS = ("项目名称", "项目", "名称", "工程名称")   # a whole header cell: the row's project
TABLE_DUE_HEADS = ("时限", "完成时间", "时间节点", "进度安排", "期限")

# --- header ---------------------------------------------------------------------------------
# the furniture of a page's date line ("2016年07月15日 | 来源:… | 阅读量:2881"): the date beside it is the page's
PAGE_CHROME_LABELS = ("来源", "阅读", "浏览", "点击", "访问量", "作者", "字号", "字体", "打印", "分享到")
# a line opening with these is a sentence, not a title
SENTENCE_OPENERS = ("为", "根据", "按照", "经", "现将", "各")
# words that cite another document: "按照《…的通知》要求" names what the text follows, not itself
CITING_WORDS = ("根据", "按照", "依据", "依照", "遵照", "参照", "落实", "贯彻")
# what follows a title on a page flattened without breaks (lines.glued_title): the text's opening words
# ("…工作要点2013年是…" is a year: patterns.YEAR), its addressees, its first chapter or item, or the page's
# metadata ("…的通告来源:点击:时间:", "…管理办法文字:[大][中][小]")
GLUED_TITLE_FOLLOWERS = ("为了", "为", "根据", "按照", "依据", "依照", "现将", "现就", "现予", "经", "近日", "各", "第一章",
                         "第一条", "第1条", "总则", "一、", "(一)", "（一）", "来源", "信息来源", "文章来源", "发布时间",
                         "发布日期", "发文日期", "成文日期", "时间:", "时间：", "日期:", "日期：", "作者", "浏览",
                         "点击", "阅读", "字号", "文字:", "文字：", "索引号", "发布机构", "【", "[", "•")
# a page's date labels that are also everyday words: metadata only before a date ("時間:2023-08-01", not "申报时间:…至")
BARE_DATE_LABELS = ("时间", "日期")
# what opens the issued document after its title, once a covering notice is signed and dated (lines.signed_then_title)
SIGNED_TITLE_FOLLOWERS = ("第一章", "第一条", "第1条", "总则", "一、", "(一)", "（一）", "为", "根据", "按照")
# … the genre words a glued title may end with besides TITLE_END_NOUNS ("…保护工程实施名单的公示发布时间:…")
GLUED_TITLE_ENDS = ("公示",)
# a site's section name glued before the title it lists ("通知公告关于…的通知", "正文舉報…辦法", "政府信息公开达州市…")
GLUED_SECTION_WORDS = ("通知公告", "公示公告", "通知通告", "公告公示", "政府信息公开", "信息公开", "主动公开", "正文", "项目征集",
                       "政策文件", "政策法规", "法规文件", "文件通知", "工作要点", "文章详情", "最新动态", "工作动态", "热门城市",
                       "附件", "详细内容", "内容详情", "当前位置", "政务公开", "热点专题",
                       # … and a page's own chrome run into it ("0756-2620838咨询热线国家知识产权局关于…", "收藏详情荔波县…")
                       "详情", "收藏", "咨询热线", "法规政策", "搜索网", "门户网站")
# the fields of an item of a power list or a service guide ("事项名称 受理侵犯世界博览会标志专有权行为举报 / 实施主体 昌邑市
# 市场监督管理局", b824 005; "职权名称 对假冒专利行为的行政处罚", b831): the item is the document, its body the one who
# acts. Read as META_LABELS are, but never in brackets: "第三條【實施主體】…" (b491 007) captions an article
ITEM_FIELD_LABELS = {"事项名称": "title", "职权名称": "title", "权力名称": "title", "实施主体": "issuer", "实施机关": "issuer"}
# labels of the portal's metadata table -> field (ITEM_FIELD_LABELS among them)
META_LABELS = {
    **ITEM_FIELD_LABELS,
    "索引号": "index", "主题分类": "topic", "组配分类": "topic", "体裁分类": "topic", "主题词": "keywords",
    "发布机构": "issuer", "发文机关": "issuer", "发布单位": "issuer", "发文单位": "issuer", "制发机关": "issuer",
    "发布机关": "issuer", "发文机构": "issuer", "制发机构": "issuer", "成文机构": "issuer", "成文机关": "issuer",
    "来源": "source", "信息来源": "source", "文章来源": "source",
    "发文日期": "published", "发布日期": "published", "发布时间": "published", "公开日期": "published",
    "印发日期": "published", "时间": "published", "日期": "published", "发文时间": "published",
    # a copying site's date of entry or upload: the publication date when no other is given (header.document_of)
    "录入时间": "uploaded", "上传时间": "uploaded", "入库时间": "uploaded",
    "成文日期": "signed", "签发日期": "signed", "成文时间": "signed",
    "文号": "doc_number", "发文字号": "doc_number", "发布文号": "doc_number", "文件编号": "doc_number",
    "文件字号": "doc_number",
    "有效性": "status", "效力状态": "status", "时效性": "status", "时效": "status", "是否有效": "status",
    "有效状态": "status", "效力": "status",
    "名称": "title", "标题": "title", "信息名称": "title", "文件名称": "title",
    "中文名": "title",  # an encyclopedia's box ("中文名 | 重庆市城市综合管廊管理办法 | 发布单位 | 重庆市人民政府 |", b552 004)
    "关键词": "keywords", "内容概述": "summary", "浏览次数": "views", "专栏": "column",
    "生效日期": "effective", "废止日期": "repealed", "失效日期": "repealed",
    "生成日期": "generated", "分类": "topic", "统一编号": "index", "规范性文件统一编号": "index", "登记号": "index",
    "原标题": "title", "发文部门": "issuer", "发布部门": "issuer", "政策文号": "doc_number", "废止时间": "repealed",
    "生效时间": "effective", "实施日期": "effective", "发表日期": "published", "发表时间": "published",
    "浏览量": "views", "点击数": "views", "点击次数": "views", "访问量": "views", "阅读量": "views", "作者": "author",
    "编辑": "editor", "责任部门": "responsible", "政策级别": "policy_level", "政策主题": "topic", "信息分类": "topic", "公开目录": "topic",
    "公文目录": "topic", "文件状态": "status", "联合发文单位": "co_issuers",
    # a law database's box ("- 法规标题:… - 制定机构:… - 文书字号:…", b320 001)
    "法规标题": "title", "制定机构": "issuer", "文书字号": "doc_number",
    "发文标题": "title",  # a law database's header ("发文标题: 武汉市人民政府关于…的通知", b629 001)
    # a law database's box: "【制定机关】…", "【公布日期】2018.03.23", "【施行日期】…", "【效力等级】…"
    "制定机关": "issuer", "公布日期": "published", "施行日期": "effective", "效力等级": "policy_level",
    # "颁布时间:2015-07-07 00:00:00.000 发文单位:重庆市人民政府" (b173 007, b127), "【颁布部门】 工业和信息化部" (b94)
    "颁布时间": "published", "颁布日期": "published", "颁布部门": "issuer", "颁布机关": "issuer", "颁布单位": "issuer",
}
# who signs a decree or rule in person ("总理 温家宝", "部长 李小鹏", "市长 陈昆忠"): the date below is its signing date
LEADER_TITLES = ("总理", "副总理", "部长", "局长", "署长", "主任", "主席", "省长", "市长", "县长", "区长", "州长", "旗长",
                 "盟长", "委员长", "院长", "检察长", "行长", "代省长", "代市长", "代县长", "代区长")
# labels read only inside brackets ("【字号】延市科发〔2018〕24号"), where they cannot be page tools (字号：大 中 小)
BRACKET_ONLY_LABELS = {"字号": "文号"}
# "[联合发文单位]", "[实施日期]": how the labels of a metadata box end (beside META_LABELS)
FULL_TEXT_LABEL_ENDS = ("全文", "正文")  # "【法规全文】": where a law database's box says the text begins
META_LABEL_ENDS = ("日期", "时间", "机构", "机关", "单位", "字号", "文号", "分类", "来源", "有效性", "索引号")
GENRE_WORDS = ("方案", "意见", "措施", "办法", "规定", "计划", "规划", "细则", "条例", "纲要", "决定", "要点", "若干", "通知", "通报",
               "实施", "行动", "政策", "指引", "指南", "制度", "规则", "清单", "工作", "任务", "通告", "公告", "批复",
               "禁火令", "禁令", "禁烧令", "禁渔令",  # a county's ban by order ("永兴县人民政府森林防火禁火令", b600)
               # a notice of amounts titled by them ("商丘燃煤锅炉治理资金补贴标准", b676 008): 标准 alone names too much
               "补贴标准", "补助标准", "奖补标准", "奖励标准", "收费标准", "救助标准", "供养标准", "资助标准", "扶持标准",
               "补偿标准", "津贴标准",
               "预案", "的函",  # "…危险化学品事故灾难应急预案" (b677), "国家知识产权局关于同意…的函" (b684)
               "告知书",  # "…关于禁止制售假冒伪劣食品告知书" (b762 007, b754 012): what a bureau tells those it oversees
               # a table published as the document ("2022年度市县民生实事未完成项目进度表", b905 002): 表 alone names too much
               "一览表", "进度表", "评分表", "分工表", "项目表",
               # a year's list of practical projects for the people ("金凤区2025年民生“十心”实事", b1039 011; "…为民办实事项目")
               "实事")
# how a consultation notice asks for comments, before its draft ("关于公开征求《…》意见的通知") or after it
# ("关于《…条例(草案)》公开征求意见的公告")
CONSULTING_VERBS = ("面向社会公开征求", "向社会公开征求", "面向社会征求", "向社会征求", "公开征求", "征求")
NOTICE_VERBS = ("印发", "转发") + CONSULTING_VERBS + ("发布", "公布", "下发", "颁布", "出台", "修订印发", "重新印发", "废止", "批转",
                                                   "修订")  # "关于修订《…管理办法》的通知": the revised document goes with it
# what a digit before a title counts or dates ("3年行动计划", "5个专项", "80周岁及以上…"): then it is part of the title
# (header.stray_digit_lead_off, GLUED_DIGITS)
NUMBER_WORDS_AFTER = ("年", "月", "日", "号", "届", "个", "项", "条", "大", "类", "批", "次", "部", "家", "件", "万", "千", "百", "十",
                      "亿", "周岁", "岁", "后", "人", "名", "元", "余", "多", "种")
# what a fee's standard is named by: what people pay, no commitment (targets.LISTED_STANDARD)
FEE_WORDS = ("收费", "价格", "费")
# "(共计9项)": a list's tally (targets.list_tally)
TALLY_WORDS = ("共计", "共有", "合计", "共")
# a notice that issues or forwards a document it covers (targets.own_notice_lines: its own text sets nothing)
ISSUING_VERBS = ("印发", "转发", "批转", "颁发", "下发")
PUBLISHING_VERBS = ("发布", "公布")  # "关于发布《…》的公告": issuing too, with the document named
# what a list of names says of its order ("先进单位14个(排名不分先后)")
LIST_ORDER_NOTES = ("排名不分先后", "排名不分前后", "按姓氏笔画排序", "按姓氏笔画为序", "以姓氏笔画为序")
# what a rules document's opening items state rather than do ("市政府工作的指导思想是…", "…工作的准则是…")
STATEMENT_NOUNS = ("指导思想", "准则", "基本原则", "总体要求")
# verbs by which a notice issues a document only when a policy's genre ends what follows ("关于下达…发展计划的通知";
# "关于下达2019年度福利彩票公益金的通知" allocates money and is the document itself)
PLAN_NOTICE_VERBS = ("下达",)
# a notice that makes a list known ("关于公布…优势区名单的通知"): the notice is the document
LIST_VERBS = ("公布", "发布")
LIST_NOUNS = ("名单", "名录", "结果",  # 评审结果, 认定结果, 复核结果 …
              # "关于公布2023年团体标准应用示范项目的通告" (b310 007): the projects chosen
              "示范项目", "试点项目", "入选项目", "示范单位", "示范企业", "试点单位", "示范城市", "示范县")
# what a notice attaches besides policies: forms and lists ("附件:2.申报表")
FORM_NOUNS = ("表", "书", "名单", "名录", "目录", "通知", "模板", "样本", "说明", "要求", "流程",  # "…基本要求", "…考核流程" (b381 006)
              "基准")  # "《价格法》行政处罚裁量基准13.doc" (b925 011)
# what a covering notice without a verb wraps: "…关于知识产权助力…若干措施的通知"
# a law's title ("中华人民共和国统计法", "反不正当竞争法"): …法 after a name, not a word that ends in 法 ("管理办法",
# "依法", "执法", "违法", patterns.LAW_TITLE)
LAW_TITLE_NOT_BEFORE = ("办", "方", "做", "执", "司", "立", "依", "说", "看", "想", "用", "语", "算", "技", "手", "疗", "书",
                        "笔", "兵", "战", "守", "违", "合", "非", "犯", "效", "章", "作", "写", "玩")
POLICY_NOUNS = ("方案", "意见", "措施", "办法", "规定", "计划", "规划", "细则", "条例", "纲要", "要点", "指引", "指南", "规则",
                "标准", "清单", "政策")
# a news lead before the document: "近日，国务院印发《…》"
LEAD_TIME_WORDS = ("近日", "今日", "日前", "昨日", "近期", "今天", "本周", "近来")
# own-level words in the text ("我县", "县直各单位", "市政府各部门") → the issuer's level
LEVEL_WORDS = (("province", ("我省", "本省", "省政府各", "省人民政府各", "省直各", "省直有关", "自治区政府各", "自治区人民政府各")),
               ("city", ("我市", "本市", "市政府各", "市人民政府各", "市直各", "市直有关", "我州", "州政府", "全州", "州直")),
               ("district", ("我县", "本县", "我区", "本区", "县政府各", "区政府各", "县人民政府各", "区人民政府各",
                             "县直各", "区直各", "县直有关", "各乡镇", "各乡、镇", "各镇", "各街道", "县政府同意",
                             "区政府同意", "全县")))
# what names a township or a street in a title (header.township_title: the district level), and what ends a word
# that only looks like a township's name before them (城镇, 城乡, 美丽乡村, 特色小镇, 重点镇)
TOWNSHIP_WORDS = ("街道", "镇", "乡")
NOT_TOWNSHIP_NAME_ENDS = ("城", "乡", "村", "小", "美丽", "特色", "名", "古", "集", "重点", "中心", "建制", "新型", "和")
# the scope a text speaks of when nothing else names its level ("全市…", "市政府…"): a last resort only,
# since a province's text also says 全市 of its cities now and then
LEVEL_SCOPE_WORDS = (("province", ("全省", "省政府", "省委", "省级")),
                     ("city", ("全市", "市政府", "市委", "市级", "各县(市、区)", "各县市区", "各区县", "各县区")),
                     ("district", ("全县", "县政府", "县委", "县级", "全区", "区政府", "区委", "区级", "各乡镇", "各街道",
                                   # a township's or street's own text sits at the district level (no level below)
                                   "全镇", "镇政府", "镇党委", "我镇", "本镇", "全乡", "乡政府", "我乡", "全街道",
                                   "街道办事处", "街道党工委")))
# words whose 市 is no city government's ("城市管理部门", "市场监督管理部门": header.LEVEL_DEPARTMENTS)
NOT_GOVERNMENT_SHI = ("城市", "都市", "超市", "门市", "市场", "市民", "市容", "市政")
# a tier's edge as a progressive reward writes it ("1000万元以内的", "10000万元以上的部分": targets.tier_bound)
TIER_EDGE_WORDS = ("及以下", "及以上", "以内", "以下", "以上")
# words before a title that belong to it ("关于 …", "…印发 …"; header.spaced_prefix_off) and a masked name ("XX 市…")
TITLE_PREFIX_ENDS = ("印发", "转发", "的")
PLACEHOLDER_CHARS = "XxＸ×某"
# what a department of a government is called after its level's word ("市住房城乡建设部门", "县公安机关": header.scope_level)
DEPARTMENT_NOUNS = ("行政主管部门", "主管部门", "有关部门", "部门", "机关")
# a government named by its level ("经市人民政府批准"), counted with the scope words by header.scope_level
# once the generic ones are out ("设区的市人民政府", "城市人民政府", "省、市、县人民政府": every such government)
GOVERNMENT_SCOPE_WORDS = (("province", ("省人民政府",)), ("city", ("市人民政府",)), ("district", ("县人民政府", "区人民政府")))
NOTICE_ENDS = ("通知", "通告", "公告", "函")
# whose own rules a title may name (header.national_title: a firm's, a school's or a site's, no level)
OWN_RULES_ORGS = ("集团", "公司", "企业", "大学", "学院", "医院", "学校", "协会", "官网", "中心")
# how a covering notice's transmittal sentence closes ("…印发给你们，请认真贯彻执行。"): the signature follows
# "…若干意见---摘录", "…办法-全文及解读": what a site notes after a title it reproduces
EXCERPT_WORDS = ("摘录", "节选", "全文", "摘要")
# how a notice that issues or forwards a document announces items of its own ("…转发给你们,并做如下安排:")
OWN_ITEMS_PHRASES = ("通知如下", "以下要求", "如下要求", "要求如下", "如下安排", "安排如下")
TRANSMITTAL_ENDS = ("贯彻执行", "遵照执行", "认真执行", "贯彻落实", "认真落实", "抓好落实", "组织实施")
DRAFT_WORDS = ("征求意见稿", "公开征求", "草案")
DRAFT_MARKS = ("征求意见稿", "送审稿", "草案")  # "（征求意见稿）" after a title
# … and the longer marks of a draft's stage, read as a run of these ("(草案征求意见稿)", "(修正草案·二审稿)",
# "(草案修改二稿 征求意见稿)", "(修订草案)")
DRAFT_MARK_PARTS = DRAFT_MARKS + ("修订", "修正", "修改稿", "修改二稿", "审议稿", "二审稿", "三审稿", "修改")
DRAFT_MARKS_AT_END = DRAFT_MARKS + ("试行草案",)
# the stage marks a draft carries under or after its title, beside DRAFT_MARKS ("(讨论稿)", "(初稿)",
# "(修改稿)": a working draft; b168 003, b237 007, b516 012): they make the status draft, not the title
DRAFT_STAGE_MARKS = DRAFT_MARKS + ("讨论稿", "初稿", "修改稿", "修订稿", "征求意见")
# the labels of a page's status field ("有效性: 廢止", "【时效性】失效", "法规效力: 全文失效")
STATUS_LABELS = ("有效性", "时效性", "效力状态", "法规效力", "效力级别状态", "是否有效", "文件状态", "有效状态")
EXPIRED_WORDS = ("失效", "废止", "已废止", "已失效", "不再有效", "停止执行", "已修订")
# the last characters of an organisation's name on a signature line
ORG_LINE_ENDS = ("政府", "办公室", "办公厅", "局", "委员会", "委", "厅", "院", "中心", "小组", "部", "署", "海关", "分行",
                 "常委会", "管委会", "办", "总工会",
                 # people's organisations that sign jointly with bureaus ("宁波市鄞州区科学技术协会 宁波市鄞州区财政局", b441 002)
                 "科学技术协会", "科协", "妇联", "残联", "工商联", "团委", "红十字会",
                 # military bodies that issue jointly with governments ("漳州市人民政府 漳州军分区关于…", b327)
                 "军分区", "军区", "警备区",
                 # police and enforcement units that sign road and traffic notices ("嵊泗县公安局交通警察大队",
                 # "淄博市公安局交通警察支队周村大队", b812)
                 "大队", "支队", "总队")
# the general office after a national body's name ("教育部办公厅", "国务院办公厅": header.national_run)
OFFICE_SUFFIXES = ("办公厅", "办公室")
# an issuer named in a sentence: "…市人民政府印发"
ISSUER_ENDS = ("人民政府办公室", "人民政府办公厅", "人民政府", "委员会", "管理局", "监督管理局", "局")
# header.issuer_in_text: what the speaking body does in a notice's opening ("X印发…", "X现就…", "X决定开展…"), what a
# decision starts (not "…由市人民政府决定。"), and the words before a body the text only follows or cites
ISSUER_TEXT_VERBS = ("印发", "发布", "现对", "现就", "现将")
DECISION_STARTS = ("开展", "组织", "在", "对", "于", "从", "自", "成立", "命名", "授予", "表彰", "举办", "实施")
NOT_SPEAKING_LEADS = ("根据", "按照", "依据", "落实", "贯彻", "参照", "由", "经")
# an issuer written without its place: "市政府", "区市场监管局"
# an autonomous prefecture goes by its short name and 州 ("海南州" for 海南藏族自治州, not 海南省): (full ending, short ending)
PREFECTURE_SHORT_FORM = ("自治州", "州")
SELF_REFERENCE_PLACES = ("市", "省", "区", "县", "州", "自治区", "自治州", "旗", "盟")
# the characters that may stand before a two-character place name in running text ("在范县", "菏泽市单县"):
# after any other character the name may be the end of a word (示范县, 品牌兴县, 创新县)
# districts whose names are also common nouns (阳泉市矿区, 大同市城区, 铜陵市郊区): in running text they name the
# district only right after their city ("泰城、矿区" are a city's town and mining areas, b320 007)
COMMON_NOUN_DISTRICTS = ("矿区", "城区", "郊区")
PLACE_LEADS = ("在", "于", "对", "和", "与", "及", "、", "至", "到", "从", "由", "向", "为", "是", "省", "市", "州", "盟", "原",
               "驻", "赴", "去", "来", "经", "同", "跟")

# national issuers (level "national", no province, city or district)
NATIONAL_ISSUERS = (
    "国务院", "中共中央", "全国人民代表大会", "全国人大常委会", "最高人民法院", "最高人民检察院", "海关总署",
    "国家知识产权局", "国家市场监督管理总局", "国家版权局", "国家林业和草原局", "国家发展和改革委员会", "国家发展改革委",
    "国家药品监督管理局", "国家中医药管理局", "国家广播电视总局", "国家新闻出版署", "国家文物局", "国家统计局",
    "国家税务总局", "国家外汇管理局", "国家金融监督管理总局", "中国人民银行", "中国证券监督管理委员会", "中国证监会",
    "国家互联网信息办公室", "国家数据局", "国家标准化管理委员会", "国家国防科技工业局", "国家烟草专卖局",
    "国家邮政局", "国家铁路局", "国家能源局", "国家移民管理局", "国家体育总局", "国家卫生健康委员会", "国家卫生健康委",
    "国家民族事务委员会", "国家保密局", "国家档案局", "国家乡村振兴局", "全国打击侵权假冒工作领导小组",
    # national bureaus of the 2018 reform and the older names on older documents (b324 001, 006, 007)
    "国家矿山安全监察局", "国家医疗保障局", "国家粮食和物资储备局", "国家消防救援局", "国家疾病预防控制局", "国家信访局",
    "国家国际发展合作署", "中国民用航空局", "国家林业局", "国家海洋局", "国家旅游局", "国家新闻出版广电总局",
    "国家食品药品监督管理总局", "国家安全生产监督管理总局", "国家工商行政管理总局", "国家质量监督检验检疫总局",
    "国家卫生和计划生育委员会", "国家煤矿安全监察局",
    # national people's organisations that issue jointly with ministries ("工业和信息化部 中国残疾人联合会关于…", b279 003)
    "中国残疾人联合会", "中国残联", "中华全国总工会", "全国总工会", "中国科学技术协会", "中国科协", "共青团中央",
    "中华全国妇女联合会", "全国妇联", "中华全国工商业联合会", "全国工商联", "中国国际贸易促进委员会", "中国贸促会",
    # the military commission that decrees with the State Council ("国务院、中央军事委员会令", b529 001, 002)
    "中央军事委员会", "中央军委",
)
# ministries of the State Council: "…部" names that are national (provinces have 厅, not 部)
NATIONAL_MINISTRIES = (
    "外交部", "国防部", "教育部", "科学技术部", "科技部", "工业和信息化部", "工信部", "公安部", "国家安全部", "民政部", "司法部",
    "财政部", "人力资源和社会保障部", "人力资源社会保障部", "人社部", "自然资源部", "生态环境部", "住房和城乡建设部",
    "住房城乡建设部", "交通运输部", "水利部", "农业农村部", "商务部", "文化和旅游部", "文化旅游部",
    "退役军人事务部", "应急管理部", "审计署", "中宣部", "中央宣传部", "中央网信办",
    # earlier names still on older documents
    "农业部", "文化部", "卫生部", "工商总局", "质检总局", "新闻出版总署", "中国专利局", "国家发改委", "中国银保监会",
    "国土资源部", "环境保护部", "国家卫生计生委", "安全监管总局", "食品药品监管总局",
    # the official short names of national 总局 (a province has no 总局): "市场监管总局办公厅"
    "市场监管总局", "广电总局", "体育总局",
    "中国银行保险监督管理委员会",
)
# short names of national bodies as task-division brackets write them ("(知识产权局、工商总局负责)")
NATIONAL_BODY_SHORT = ("知识产权局", "市场监管总局", "广电总局", "税务总局", "版权局", "林草局", "林业局",
                       "中医药局", "国管局", "国资委", "发展改革委", "卫生健康委", "人民银行", "银保监会", "证监会", "法制办",
                       "中央编办", "中央组织部", "中央政法委", "高法院", "高检院", "中科院", "工程院", "贸促会", "药监局")
# "国务院知识产权战略实施工作部际联席会议办公室": a national joint meeting
NATIONAL_JOINT_MEETING = ("部际联席会议", "部际联席会议办公室")
# "全国知识产权宣传周活动组委会(办公室)": a nationwide body named 全国… ending in one of these
NATIONAL_COMMITTEE_ENDS = ("组委会", "组织委员会", "领导小组", "工作小组", "委员会")

# --- outline: chapters and lines that hold no measures ------------------------------------
GENERAL_CHAPTERS = ("总体要求", "基本要求", "基本原则", "工作原则", "总体原则", "实施原则", "指导原则", "主要目标", "发展目标", "工作目标", "总体目标",
                    "建设目标", "预期目标", "总体思路", "发展思路", "工作思路", "基本思路", "指导思想", "重要意义", "发展意义", "重大意义", "总则", "附则", "创建目标",
                    "规划目标", "目标要求", "总体情况",
                    # a standard-like rule's definitions section ("3 术语和定义 3.1 集团:指…", b179 010)
                    "术语和定义", "术语与定义", "名词解释",
                    "行动目标", "行动原则", "具体目标", "目标任务", "主要指标", "发展指标", "主要预期目标", "预期指标", "主要预期指标",
                    "主要经济指标", "主要发展指标",
                    # a plan's indicator lists ("(二)预期性发展指标 1.…达到50%", b281 013)
                    "预期性发展指标", "约束性发展指标", "预期性指标", "约束性指标",
                    # a work report division's goals chapter (b183 005, b188 008, b199 004: its items, each with
                    # a lead unit, are the year's indicators)
                    "确保完成全年主要预期目标", "完成全年主要预期目标",
                    # the principles an assessment or a selection follows ("考核原则: 1.依法依规原则…", b173 004)
                    "考核原则", "评审原则", "评选原则", "认定原则", "评价原则", "管理原则",
                    # an event notice's information items: when, under which slogan, where
                    "活动时间", "活动主题", "活动地点",
                    # what a plan or a check covers and when ("一、适用范围 本办法适用于…", "抽查对象", b297 012): scope,
                    # no measure (none such is a measure in the gold; 实施范围 is, now and then)
                    "适用范围", "抽查对象", "抽查时间",
                    # a meeting notice's: who attends, when and where (b72 007)
                    "会议对象", "参会对象", "参会人员", "会议时间", "会议地点", "会议时间、地点", "会议时间和地点")
# "…的目的和意义": a chapter saying why the policy is made (outline.GENERAL)
PURPOSE_CHAPTER_TAILS = ("目的和意义", "目的与意义", "目的意义", "背景和意义", "背景与意义", "意义")
# "充分认识…的重要意义和紧迫性": a chapter on why the policy matters (outline.significance_chapter)
SIGNIFICANCE_VERBS = ("充分认识", "深刻认识", "深刻理解", "充分理解", "准确把握", "提高认识", "统一思想")
SIGNIFICANCE_TAILS = ("重要意义", "重大意义", "现实意义", "深远意义", "重要性", "紧迫性", "必要性", "意义", "积极作用", "重要作用",
                      # "准确把握深化推广应用清单制基本要求" (b426 003): the principles to grasp, no acts
                      "基本要求", "总体要求", "基本原则")
GENERAL_JOINED = ("总体要求", "基本要求", "基本原则", "工作原则", "主要目标", "发展目标", "工作目标", "总体目标", "总体思路",
                  "指导思想", "目标要求", "目标",  # "总体要求和目标" (b259 002)
                  "指标体系", "主要指标")  # "总体目标与指标体系" (b328 006): the indicators are the goals' figures
# "一、总体规划" opened by "（一）指导思想": a chapter whose first section is one of these is general as a whole
GENERAL_OPENERS = ("指导思想",)
# "试点工作原则", "创建工作目标": a general chapter named after its topic (2–4 characters before these)
# the state's name before a national body ("中华人民共和国国务院令"): part of a decree's number, not of its issuer
STATE_NAME = "中华人民共和国"
# how a policy's title ends: its genre ("…办法", "…的通知", "…的通报"), a period or trial mark aside
TITLE_END_NOUNS = POLICY_NOUNS + ("通知", "通报", "决定", "公告", "通告", "批复",  # 批复: a reply (b390 009)
                                  # genres the set's titles end with too: 43 …制度, 40 …预案, 15 …规程, 12 …规范 in the gold,
                                  # and a division of tasks ("…重点工作责任分解"; 分工 left out: "…分工方法", b02 001)
                                  "制度", "预案", "规程", "规范", "分解", "分解表",
                                  # a county's ban by order ("长沙县人民政府禁火令", "…森林防火禁令", b600)
                                  "禁火令", "禁令", "禁烧令", "禁渔令",
                                  "告知书",  # b762 007, b754 012
                                  "一览表", "进度表", "评分表", "分工表", "项目表",  # a table as the document (b905 002)
                                  "实事", "实事项目")  # a year's livelihood projects (b1039 011, b414)
# the labels of a site's digest of the page before the text ("导读:…")
DIGEST_LABELS = ("导读", "内容摘要", "摘要")
# verbs that open a heading naming an act ("扶持企业技术中心建设"): HEAD_VERBS and these
ACT_HEADING_VERBS = ("扶持", "奖励", "鼓励")
# verbs that make "…目标" an act on goals, not a goals chapter ("明确目标", "完成年度目标")
GOAL_VERBS = ("明确", "实现", "完成", "确保", "聚焦", "围绕", "对标", "分解", "落实", "锁定", "瞄准")
GENERAL_AFTER_TOPIC = ("工作原则", "基本原则", "工作目标", "总体目标", "主要目标", "总体要求", "指导思想", "工作目标任务",
                       "目标任务", "管理原则", "使用原则", "分配原则", "支持原则", "扶持原则", "资助原则",
                       # why a census or a pilot is done ("普查目的和意义", "试点目的", b267)
                       "目的", "目的和意义", "目的意义", "目的与意义")
# the opening chapter of an 办法/条例: its articles are measures unless they are about the document
OPENING_CHAPTERS = ("总则",)
# a rule's chapter of principles whose articles bind ("二、基本原则 第三条 铸造项目须符合国家产业政策…", b834 003, 006):
# its articles are measures, as the opening chapter's are (a plan's 基本原则 items stay general)
ARTICLE_PRINCIPLE_CHAPTERS = ("基本原则",)
# a rule's closing chapter: when it takes effect, who interprets it (its articles are no measures)
CLOSING_CHAPTERS = ("附则",)
# what a chapter of requirements or principles is named by: "总体要求", "工作原则", "指导思想", "发展思路"
ORIENTATION_WORDS = ("要求", "原则", "思想", "思路")
# an article that defines its terms or scope: "本办法所称…是指…", "…适用本办法"
DEFINING_WORDS = ("是指", "系指", "所称", "所指", "适用于", "适用本", "遵守本", "享受本", "适用范围", "支持范围", "范围包括", "用语的含义", "用语含义")
# an article headed by what it states about the document ("第一条 评奖宗旨", "第二条 适用范围")
PURPOSE_HEADS = ("宗旨", "目的", "立法目的", "制定目的", "制定依据", "立法依据", "依据", "适用范围", "定义", "含义")
# a headed article of 总则 naming its principles ("第四条 登记原则", b1111 009); in a later chapter it can rule ("乡村建设规划原则", b809 006)
OPENING_HEAD_ENDS = ("原则",)
# the second article of 总则 saying what the thing is, who set it up, which ideas guide it
DESCRIBING_WORDS = ("是", "设立", "包括", "为指导", "指导思想", "原则")
# an article that only states principles: "…坚持…的原则。", "…应当符合…的基本要求。"
# the caption of a preliminary article ("第一条(目的依据)", "【适用范围】"): purpose, basis, scope, terms
PRELIMINARY_CAPTION_WORDS = ("目的", "依据", "适用", "定义", "含义", "宗旨", "原则", "范围", "用语", "发展目标", "总体目标", "指导思想")
PRINCIPLE_VERBS = ("坚持", "遵循", "符合", "贯彻", "实行")
PRINCIPLE_NOUNS = ("原则", "基本要求", "要求", "方针")
# an article of 总则 that says which principles a fund follows, what it is used for or how it supports
# ("专项资金的使用和管理坚持“…”的原则,…", "专项资金主要用于…", "专项资金主要采用…等方式支持…")
OPENING_SCOPE_WORDS = ("原则", "主要用于", "用于支持", "主要采用", "方式支持", "使用范围", "资金来源")
FUND_NOUNS = ("资金", "基金")  # what such an article is about: "专项资金…", "引导基金…"
# "风险补偿资金按照政府引导、市场化运作的原则进行管理。": a first sentence that only names principles
PRINCIPLE_LEADS = ("坚持", "遵循", "按照", "本着", "贯彻", "实行")
# a 基本原则 item that lost its heading opens with one of these ("1.坚持服务大局。…", outline.principles_run)
PRINCIPLE_ITEM_LEADS = ("坚持",)
# an article stating the norms a field follows, its subject no organisation: "发展数字经济应当坚持…",
# "科技成果转化活动应当以企业为主体…", "非物质文化遗产保护工作应当贯彻…的方针"
NORM_VERBS = ("坚持", "遵循", "贯彻")
NORM_ROLES = ("主体", "导向", "核心", "主线", "根本", "重点", "原则", "依据", "准绳", "宗旨")  # "以事实为依据、以法律为准绳"
# an organisation as a sentence's subject: "县级以上人民政府应当坚持…" acts
ORG_SUBJECT_WORDS = ("政府", "部门", "机关", "单位", "局", "委员会", "办公室", "中心")
# an item that only says who may apply or be supported ("一、支持对象", "一、申报主体", "专利资助对象为…"):
# scope, no measure
SCOPE_VERBS = ("支持", "资助", "申报", "申请", "奖励", "补助", "扶持", "适用", "认定", "征集")
SCOPE_NOUNS = ("对象", "主体")
# how the heading of a review of the past ends: "版权工作发展环境", "过去五年工作总体回顾"
BACKGROUND_TAILS = ("发展环境", "回顾", "总体回顾", "主要成就", "主要成绩", "取得的成绩", "取得的成就", "发展背景", "编制背景", "现有基础",
                    "序言", "前言", "形势与需求", "形势与挑战", "发展形势", "面临形势", "形势分析", "发展现状", "基本情况")
# the items of a consultation notice that say where to send comments
CONTACT_HEADS = ("发送电子邮件", "电子邮件", "电子邮箱", "邮箱", "传真", "通信地址", "通讯地址", "邮寄地址", "联系电话", "电话",
                 "邮编", "邮政编码", "联系人", "联系方式", "联系人及联系方式", "联系方式及地址", "联系地址", "材料报送地址",
                 "报送地址", "受理地址", "联系人及电话")
# the ways a consultation notice names for sending comments ("通过电子邮箱将意见发送至…")
# what a caption closed by a colon names ("專利質押融資貸款費用資助標準:" over its items); "现将名单予以公示:" is a lead-in
CAPTION_NOUNS = ("标准", "内容", "范围", "方式", "程序", "流程", "对象", "措施", "政策", "项目", "事项", "任务", "重点")
# how a funding call's own name ends when the page gives no other title ("2025年深圳市知识产权保险资助项目", header.call_title)
CALL_OPENERS = SENTENCE_OPENERS + ("对", "凡", "给予")  # a line opening so is a sentence, not a call's name
CALL_TITLE_ENDS = ("资助项目", "项目申报", "专项资金", "资助", "奖励", "补贴", "核准制项目", "储备项目", "导航项目", "支持项目")
# a chapter in prose whose heading ends so says what the document covers, aims at or rests on (outline.paragraph_chapter)
PROSE_CHAPTER_ENDS = ("范围", "对象", "原则", "依据", "目的", "意义", "方向", "领域", "目标", "定位")
# the heading of a list of conditions to apply or documents to hand in: its items are measures whose figures
# are no targets (a call's terms; over b01-b736 the gold counts them about two times in three: outline.condition_item)
CONDITION_HEADS = ("申报条件", "申请条件", "认定条件", "评选条件", "基本条件", "资助条件", "奖励条件", "支持条件",
                   "申报材料", "申请材料", "所需材料", "提交材料", "报送材料", "申报资料", "申请资料",
                   "认定标准", "确认材料", "证明材料", "佐证材料",
                   # the criteria an applicant is judged by ("二、评审标准 1、历年累计有效专利12件…", b807 001)
                   "评审标准", "评定标准", "评选标准",
                   # who may enter an award ("三、参评条件 (一)已获得国家知识产权局授权", b839 009; an item labelled with
                   # them, b194 003 "二、參評條件 凡是…", is none: outline.requirement_item)
                   "参评条件", "参选条件")
# a sentence that announces a list of conditions ("…应具备下列条件:", "需同时满足以下四项条件", "…需具备8项必备指标:"):
# its verbs and what they announce (outline.CONDITION_LEAD, announced_conditions)
CONDITION_LEAD_VERBS = ("具备", "具有", "满足", "符合", "达到")
CONDITION_LEAD_NOUNS = ("条件", "必备指标")
# "…满足以下条件的新型研发机构,可申请认定…:" (outline.CONDITION_LEAD): what meeting the conditions lets one do
CONDITION_APPLY_VERBS = ("申请", "申报", "认定", "参评", "推荐")
# the heading of a list of whom or what a call covers, or what it rests on: no measures under it
REQUIREMENT_HEADS = CONDITION_HEADS + ("认定范围", "对象及范围", "对象和范围", "对象范围", "奖补对象", "资助对象", "补助对象", "支持对象", "申报对象",
                     # lists of whom or what a policy covers ("优待对象:1.现役军人;2.…", "奖励范围:1.产品质量类…")
                     "优待对象", "适用对象", "适用范围", "奖励范围", "考核对象",
                     # a call's list of what it supports or accepts ("支持的范围及重点领域: 1.高原基地建设…", "受理类别:
                     # 1.体育科技扶持项目…", b198): kinds of project, no acts (the b194 and b198 gold agree)
                     # ("重点支持领域" lists stay measures: b146 001's gold counts them, b198 004's does not)
                     "支持范围", "受理类别", "受理范围", "重点专项", "申报类别", "资助范围", "扶持范围",
                     "范围及重点领域",
                     # who may apply (b194 007 "项目申报单位要求"; 参评条件 are CONDITION_HEADS)
                     "申报单位要求", "申报主体要求",
                     # what may be reported (b242 002, 006), whose costs are waived (b243 011): lists, no acts.
                     # 受理条件 is not among them: the conditions on which a request is taken (a patent dispute's,
                     # b799 003, b824 011) are conditions to apply, measures as the README says (b247 011's gold,
                     # on a report's reward, left them out: over b01-b830 measures 0.8875 either way)
                     "举报内容", "举报范围", "减免对象",
                     # who is turned away ("五、不予资助的情形 1.…", b307 008): conditions, no acts
                     "不予资助的情形", "不予支持的情形", "不予受理的情形", "不予奖励的情形", "不予资助情形", "不予支持情形",
                     # the documents a power or a plan rests on ("权力行使根据: 1.《医疗器械监督管理条例》…", b185 007)
                     "依据", "根据", "依据文件")  # "補貼依據文件(市、區縣級公開內容)": a guide's list of them (b914 010)
# "八、产业联动发展奖励" over "1.申报条件" "2.支持标准": the facets of one support item (outline.facet_parent)
# a call's facet that says what an applicant gets ("支持标准: 1.…达到10亿元的,给予800万元奖励"): its figures are
# rewards, whatever heading above names conditions (outline.condition_item)
SUPPORT_STANDARD_HEADS = ("支持标准", "奖励标准", "补助标准", "扶持标准", "资助标准", "补贴标准", "支持方式", "奖励方式", "扶持方式",
                          "支持内容")
# a heading over facets that names facets or the application itself ("申报内容及条件", "申报程序及材料", "“宝鸡老字号”申报"):
# a section of a call, not one support item (outline.facet_parent)
FACET_SECTION_WORDS = ("条件", "标准", "程序", "流程", "材料", "对象", "内容", "范围", "申报")
SUPPORT_FACET_HEADS = REQUIREMENT_HEADS + SUPPORT_STANDARD_HEADS + (
    "申报程序", "申报流程", "兑现程序", "兑现方式", "办理流程", "操作流程", "责任单位", "政策依据", "奖励对象",
    "申报时间", "受理单位", "咨询电话", "联系方式")
# more labels a call glues to their text ("资金下达…", "禁烧范围我县…": measures.facet_label)
GLUED_FACET_LABELS = ("资金下达", "时间安排", "禁烧范围", "申报方式", "补助内容", "补助依据", "申报时间", "申报程序",
                      "申报流程", "支持标准", "奖励标准", "补助标准", "扶持标准", "资助标准", "补贴标准", "支持方式",
                      "奖励方式", "兑现程序", "兑现方式", "办理流程")
# a notice asking for comments on a draft (its items that name a channel are no measures)
CONSULTATION_MARKS = ("征求意见", "征求《", "意见征集", "公开征求", "征求社会")
FEEDBACK_CHANNELS = ("电子邮件", "电子邮箱", "邮箱", "信函", "邮寄", "寄至", "寄送", "传真", "网址", "官网", "网站", "登录", "登陆",
                     "栏目", "@", "电话", "拨打", "反馈截止", "截止时间", "截止日期")
# "2017年工作总结", "市知识产权局2022年工作总结": a report of past work (its items are no measures, its
# figures no targets); the plan that may follow it is headed "2023年工作要点"
SUMMARY_TAILS = ("工作总结", "工作回顾", "工作完成情况", "工作开展情况", "工作进展情况", "工作情况报告")
PLAN_TAILS = ("工作要点", "工作计划", "工作安排", "工作思路", "工作打算", "重点工作")
BACKGROUND_CHAPTERS = ("面临形势", "面临的形势", "发展环境", "规划背景", "发展现状", "现状分析", "基本情况", "形势分析",
                       "现状与形势", "现状和形势", "现状与问题", "现状和问题",
                       # "一、行动背景 新中国成立后…" (b316 001), "工作背景", "编制背景"
                       "行动背景", "工作背景", "编制背景", "背景情况", "战略背景",
                       # "一、发展基础与面临的形势“十二五”期间,…" (a page joined without breaks, outline.background_glued)
                       "发展基础与面临的形势", "发展基础和面临的形势", "发展基础与面临形势", "发展基础和面临形势")
# "本办法自…起施行" (end matter), "本措施由…负责解释" (boilerplate), "为…，制定本方案" (purpose)
END_NOUNS = ("办法", "措施", "规定", "细则", "方案", "意见", "计划", "政策", "实施意见", "若干措施", "实施方案", "工作方案",
             "行动方案", "行动计划", "要点", "通知", "决定")
BOILERPLATE_NOUNS = ("办法", "措施", "规定", "细则", "方案", "意见", "计划", "政策", "实施意见", "若干措施", "通知", "公告", "通告",
                     "决定", "操作规程", "规程", "指引", "标准")  # "本标准自2017年8月10日起施行" (b260 010)
PURPOSE_NOUNS = ("办法", "措施", "规定", "细则", "方案", "意见", "计划", "制度", "规则", "指引", "指南", "规程")
# a site's footer or repost disclaimer run into the last item ("特别声明:…转载…若有侵权,请联系我们删除",
# "信息舉報網站 版權所有:斗門區人民政府門戶網站 主辦單位:…", b564 006, b556 011): the page ends there
SITE_FOOTER_PHRASES = ("若有侵权", "如有侵权,请", "如有侵权，请", "侵权请联系", "请联系我们删除", "联系删除", "转载需获授权",
                       "网站标识码", "ICP备", "ICP证", "公网安备", "特别声明:", "特别声明：", "免责声明")
# how a sharing site's terms open their numbered items ("本站仅提供交流平台…", outline.site_terms_item)
SITE_TERMS_OPENERS = ("本站", "本网站", "本文档", "下载文件", "下载文档", "下载资源", "下载前", "未经权益所有人", "如文档", "如果您无法下载")
END_MATTER_HEADS = ("附件下载", "抄送", "抄报", "该文件", "本文件", "此件", "联系人", "联系电话", "联系方式",
                    "信息来源", "网友评论", "发表评论", "我要评论", "评论功能")
ACTION_CHAPTERS = ("专项行动", "重点行动", "行动", "专项工程", "工程", "专项任务", "重点任务", "任务")
# how the names in a numbered list of names end (a 公示 of companies, schools, zones; places come from the
# gazetteer): such items are no measures
NAME_ENDS = ("有限公司", "有限责任公司", "公司", "集团", "大学", "学院", "学校", "医院", "研究院", "研究所", "研究中心", "中心",
             "协会", "学会", "商会", "联合会", "促进会", "事务所", "银行", "分行", "支行", "委员会", "管理局", "局", "厅",
             "办公室", "合作社", "工作站", "服务站", "基地", "园区", "产业园", "开发区", "高新区", "示范区", "试验区",
             "市场", "商城", "厂", "社区", "村", "法院", "检察院", "海关", "实验室",
             # places a list notice names ("哈尔滨市中央大街历史文化街区", b349 010)
             "街区", "村落", "景区", "古镇", "名镇", "名村")
# "重点支持下列事项：", "按照下列标准给予奖励：" (each tier a reward): an article whose listed items are the measures
# (the genre set, g18). "采取下列措施" is not among them: over b01-b822 the gold keeps such an article whole (b83 005,
# b524 009, b798 004, b817 001)
LISTED_ACT_NOUNS = ("事项", "标准")
# "资金应当用于下列事项:", "申请书应当载明下列事项:": the matters listed are what the article covers, no acts
LISTED_CONTENT_VERBS = ("用于", "载明", "包括")
# "使用国家通用语言文字时,应执行下列标准:" (b1050 005): the standards to follow are the article's content, no acts
LISTED_STANDARD_VERBS = ("执行", "遵守", "遵循", "采用", "适用")
# "财政部门依法对下列事项实施监督:" (b981 004): the matters a body oversees, no acts of their own
LISTED_OVERSIGHT_VERBS = ("监督", "检查", "审计", "稽查", "核查")
# "…需提交:", "提供以下材料:" (not "重点提供以下服务:"): an item that lists the materials to hand in; its entries stay inside (outline.content_list)
MATERIALS_LEAD_VERBS = ("提交", "提供", "报送")
MATERIALS_NOUNS = ("材料", "资料", "文件", "证明")
MATERIALS_MODALS = ("需", "须", "应当", "应")  # "…需提交:" (not "重点提供以下服务:")
# "…分享下列作品:", "有下列情形之一的:": what a list of things (not acts) under an item names; its entries stay inside
# how a standing committee of a people's congress ends its name (header.announcement_number, promulgated_title)
STANDING_COMMITTEE_ENDS = ("常务委员会", "常委会")
# a people's congress, whose standing committee a heading may carry on the next line (header.announcement_number)
CONGRESS_NAMES = ("人民代表大会", "人大")
# words by which a news lead joins two issuers ("X联合Y制定印发了《…》", header.lead_sentence)
JOINT_ISSUE_WORDS = ("联合", "会同")
# a translation's edition after a title in 《》 ("…》英文版全文", "(中英对照)", header.without_edition_tail)
TRANSLATION_EDITIONS = ("中英文", "中英", "英文", "中英对照", "中英双语", "双语")
# what makes a place name part of another body's or thing's name (header.standalone_place): "各省(自治区、直辖市)…新疆
# 生产建设兵团", and the people a pass or a policy names by their origin ("台湾居民来往大陆通行证", "台湾同胞", b509 012)
NON_PLACE_TAILS = ("生产建设兵团", "居民来往", "同胞")
LISTED_THING_NOUNS = ("作品", "情形", "行为", "材料", "条件", "内容", "对象", "范围", "类型", "文件", "资料", "信息", "产品", "商品",
                      # places a rule covers ("禁止在禁放区以外的下列场所燃放烟花爆竹:", b192 001)
                      "场所", "区域", "地点", "部位")

# --- measures: headings -------------------------------------------------------------------
HEAD_VERBS = ("加强", "加大", "加快", "强化", "完善", "健全", "推进", "推动", "深化", "提升", "提高", "优化", "构建", "建立",
              "实施", "开展", "促进", "创新", "培育", "打造", "发挥", "支持", "规范", "严格", "拓展", "扩大")
HEAD_NOUNS = ("合作", "机制", "体系", "力度", "建设", "保护", "服务", "水平", "能力", "环境", "管理", "质量", "运用", "转化",
              "监管", "制度", "平台", "体制", "改革", "培育", "宣传", "交流", "执法", "协作", "援助", "治理", "布局")
# "资助申请实行年度集中受理。": a first sentence stating a rule, not a heading
RULE_VERBS = ("应当", "必须", "不得", "实行", "予以", "负责", "是指", "可以", "按照")
# "县政府实行县长负责制。", "中央宣传部版权管理局将通过…报道…": an organisation as the subject, then one of
# these: a statement about who does what, not a heading naming an action
SUBJECT_VERBS = ("将", "实行", "应当", "要", "须", "必须", "负责", "会同", "已")
# "主要包括：": a colon that introduces a list, not a heading
LEAD_IN_WORDS = ("如下", "包括", "主要", "具体")
BODY_OPENERS = ("鼓励", "支持", "推动", "建立", "完善", "加强", "积极", "依托", "围绕", "聚焦", "深入", "开展", "实施", "推进",
                "引导", "组织", "探索", "健全", "落实", "发挥", "按照", "结合", "对", "各", "市", "县", "区", "省")
# more openers of a body after a two-phrase heading ("提高认识,明确任务全区各级…")
GLUED_BODY_OPENERS = ("全区", "全市", "全省", "全县", "全州", "全镇", "全乡", "本次", "今年", "要", "以", "坚持")

# --- units: responsible bodies -------------------------------------------------------------
LEAD_LABELS = ("牵头责任单位", "牵头实施单位", "牵头单位", "牵头部门", "主责单位", "主责部门", "牵头科室(单位)", "牵头科室（单位）", "牵头科室", "牵头处室",
               "牵头股室", "牵头")  # a bureau's own sections: "牵头科室(单位):计划科、…"
# labels of those responsible: they lead where others are labelled as assisting ("责任单位：A；配合单位：B")
DUTY_LABELS = ("责任单位", "责任部门", "主要责任单位", "责任科室", "责任处室", "主办单位")
SUPPORT_LABELS = ("配合单位", "配合部门", "协办单位", "协助单位", "参与单位", "协同单位", "参加单位", "配合科室", "配合处室",
                  "主要协作单位", "协作单位", "协作部门",  # "牵头责任单位:县卫健委 主要协作单位:…" (b72 005)
                  "配合", "参与", "协办",
                  "相关责任单位")  # "牵头单位:市环保局。相关责任单位:各市(区)政府…" (b365 009)
# places whose names end as a body's do (…所, as 派出所): "…禁止燃放烟花爆竹的重点场所" heads a list of places (b600 008)
PLACE_NOUNS = ("场所", "住所", "处所")
# the label a site's footer shares with a task's lead unit ("主办单位:…"; lines.task_host_line tells them apart)
HOST_LABELS = ("主办单位",)
PLAIN_LABELS = ("责任单位", "责任部门", "主办单位", "实施单位", "承办单位", "落实单位", "完成单位", "负责单位", "责任主体",
                "责任科室", "责任处室", "责任股室",
                "主体责任单位")  # "协作部门:镇水利站、镇城建办 主体责任单位:各村(居)" (b1201 001): not "镇城建办主体"
UNIT_SUFFIXES = ("局", "委", "委员会", "院", "办", "办公室", "厅", "部", "部门", "政府", "中心", "分行", "支行", "行", "海关",
                 "集团", "公司", "协会", "学会", "商会", "联合会", "工会", "团委", "妇联", "科协", "党校", "大学", "学院",
                 "法院", "检察院", "队", "所", "站", "会", "处", "科", "室", "小组", "单位", "机关", "社", "联", "署", "团",
                 "馆", "台", "部队", "管委会", "园区", "开发区", "高新区", "新区", "镇", "街道", "乡", "股")
ACTION_VERBS = ("加强", "推进", "完善", "健全", "建立", "强化", "提升", "深化", "优化", "构建", "实施", "开展", "促进", "推动",
                "落实", "加大", "创新", "支持", "打造", "培育", "鼓励", "引导", "积极", "做好", "严格", "全面", "持续", "探索",
                "发挥", "组织", "提高", "扩大", "规范", "保障", "坚持", "依法")
ROLE_TAILS = ("按照职责分工负责", "按职责分工负责", "按职责负责", "分工负责", "按职责分工", "共同负责", "分别负责", "负责",
              "牵头", "配合", "参与", "落实", "按照职责分工", "按照职责", "按职责", "分别", "参加", "协助")
# what a role tail may end with after 负责 ("…会同相关部门负责各自领域工作")
ROLE_TAIL_OBJECTS = ("各自领域工作", "各自领域的工作", "相关工作", "具体工作", "组织实施")
# how a template site's editor serves a document ("下面是小编为大家整理的X,供大家参考", header.editor_lead_title)
EDITOR_LEAD_VERBS = ("精心准备", "精心整理", "整理", "准备", "收集", "带来")
# (not "…参考范文": a template's name, which the gold gives as no title, b223 012, b328 012, b820 002)
EDITOR_LEAD_ENDS = ("供大家", "欢迎", "仅供", "请大家", "希望")
TEMPLATE_WORDS = ("范文", "范本", "模板")  # "…专项行动方案范文": a template's name
# the Party's central bodies, which issue jointly with the State Council ("中共中央 国务院关于…"): ORG_LINE_ENDS misses them
CENTRAL_BODIES = ("中共中央", "中央军委", "中央委员会")
# how a place's name ends ("上海市", "中华人民共和国", "深圳经济特区"): a word before a title that names a place
# is part of it (header.spaced_prefix_off)
PLACE_NAME_ENDS = ("国", "省", "自治区", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "特区")
# "各县区", "各县(市、区)", "国务院相关部门及各地区": the governments below, named as a group
LOCAL_GROUP_ENDS = ("县区", "区县", "县市区", "县市", "县", "区", "市", "地", "地区", "乡镇")
# … named as a group: "各县区", and "相关市、县政府" (the relevant cities and counties)
LOCAL_GROUP_HEADS = ("各", "相关", "有关")
# words of a line that states responsibility and nothing else
ROLE_WORDS = ("责任单位", "责任部门", "牵头单位", "牵头部门", "配合单位", "配合部门", "主责单位", "协办单位", "主办单位", "以上", "上述",
              "任务", "工作", "按照职责分工", "按职责分工", "分工", "负责", "牵头", "配合", "共同", "分别", "落实", "等", "由",
              "各")

# a measure that opens with a body's duty ("区财政部门负责…"): who it is, what it does (classify.with_duty_theme)
DUTY_BODIES = ("部门", "局", "委员会", "委", "政府", "办公室", "办公厅", "中心", "小组", "机构", "单位")
DUTY_VERBS = ("负责", "主管", "牵头")

# a heading that names the amounts a policy pays ("三、补助标准"): its paragraph is a measure (outline.act_heading)
# and its verbless amounts are rewards (targets.reward_titled)
REWARD_NOUNS = ("奖励", "资助", "补助", "补贴", "奖补", "扶持", "支持")
AMOUNT_NOUNS = ("额度", "标准", "金额")

# what a document-sharing or template site puts around a title (header.share_decorations): before it, after it,
# and 最新 just before the genre word ("农村生活垃圾分类最新实施方案")
TITLE_LEAD_DECORATIONS = ("精选优质文档-倾情为你奉上", "(实用)", "（实用）", "【精选】", "(精选)", "（精选）", "【最新】",
                          "最新版", "最新", "【政策】", "【政策文件】",  # "【政策】法律援助法总则" (b319 003)
                          "精品文档")  # "精品文档昆明市人工影响天气管理办法" (b461 001)
TITLE_TRAIL_DECORATIONS = ("(最新)", "（最新）", "全文", "点击此处下载本文件word格式", "最新版本", "最新版", "最新", "(范文推荐)", "（范文推荐）", "范文推荐", "范文", "范例", "中华文库",
                           "政府政策", "含附件",
                           # a law database's status tag and a download link ("…办法 [现行有效]", b294 003;
                           # "…管理办法Word文件下载", b305 011)
                           "[现行有效]", "【现行有效】", "(现行有效)", "（现行有效）", "Word文件下载", "word文件下载", "文件下载",
                           # "…条例修订草案Word格式文档下载" (b437 012), a copy's editing note "(编辑修改稿)" (b466 011)
                           "Word格式文档下载", "word格式文档下载", "格式文档下载", "(编辑修改稿)", "（编辑修改稿）",
                           # a template site's "…工作方案范本" (b366 007), a sharing site's sales tags (b359 005),
                           # a standards site's name after a space ("…不动产登记条例 建标库", b359 008)
                           "范本", "VIP专享VIP免费", "VIP专享", "VIP免费", "建标库",
                           # a sharing site's edition tag and category ("…考核办法(精简篇)", "…试行办法-规章制度",
                           # b393 003, 005), a law database's language tag ("…海关保护条例(中英双语)", b394 012)
                           "(精简篇)", "（精简篇）", "(精简版)", "（精简版）", "-规章制度",
                           "(中英双语)", "（中英双语）", "(中英文)", "（中英文）", "(中英文对照)", "（中英文对照）",
                           # an abstract or an excerpt of the text ("…实施办法(摘要)", b604 002)
                           "(摘要)", "（摘要）", "(节选)", "（节选）",
                           # a government site's button glued after the title ("…的若干措施政策咨询", b478 002)
                           "政策咨询",
                           # a policy portal's link after the name ("…项目的通知 [阅读原文]", b591 001)
                           "[阅读原文]", "【阅读原文】", "[查看原文]", "【查看原文】")

# the labels of a page's line about itself ("作者: … 来源: … 发布时间: …"): never a wrapped line's rest
PAGE_META_LABELS = ("作者", "来源", "信息来源", "文章来源", "发布时间", "发布日期", "发布机构", "阅读次数", "浏览次数", "点击数")

# --- targets ------------------------------------------------------------------------------
TARGET_UNITS = (
    "个工作日", "工作日", "元/件", "件/年", "万元/件", "万元/人", "元/人/年", "元/生/年", "万元/年", "元/年", "元/人", "万元", "亿元", "万亿元", "千元", "元", "个百分点",
    "百分点", "亿",
    "分", "%", "件", "家", "项", "个", "名", "次", "人次", "万人次", "人", "所", "座", "场", "期", "批",
    "户", "种", "篇", "类", "倍", "天", "万件", "万人", "万家", "万个", "万户", "万亩", "万吨", "吨", "小时", "亩", "套", "台", "处",
    "个月", "年", "月", "日", "支", "部", "本", "条", "位", "笔", "单", "份", "起", "宗", "组", "‰",
    "场次", "家次", "批次", "件次", "项次", "期次", "个次", "/10万", "班次", "期班",
    # physical quantities of plans in other fields (ecology, housing, transport, health)
    "万平方米", "平方米", "平方公里", "公里", "元/亩次", "元/亩", "元/平方米", "亿立方米", "万立方米", "岁", "微克每立方米",
    "微克/立方米", "张", "人年",
    # an amount per item rewarded ("给予奖励2万元/项")
    "万元/项", "元/项", "万元/个", "万元/家", "元/个",
    # grain, land, energy and stock of plans in other fields ("粮食储备库存保持在2亿斤以上", "累计建成高标准农田13.5亿亩")
    "万亿斤", "亿斤", "万斤", "亿亩", "万公顷", "公顷", "亿吨", "万吨标准煤", "吨标准煤", "万千瓦", "万头", "万只", "万张", "辆", "栋",
    "立方米", "万元/亩", "万元/户",
    # stock, harvests, trade and power counted in tens of thousands ("充电基础设施达到15万台以上", "收购865万公斤")
    "万台", "万公斤", "公斤", "千克", "亿千瓦时", "万千瓦时", "万元/辆", "元/月",
    # a subsidy per household, per unit of energy or goods ("不超过2700元/户", "0.12元/千瓦时", "0.8元/立方米", b301)
    "元/户", "元/千瓦时", "元/立方米", "元/瓦", "元/千瓦", "元/吨", "元/头", "元/只",
    "元/台", "元/辆", "元/公里", "元/课时", "元/学时", "元/人次", "元/天", "元/次",
    # areas in tens of thousands of km², energy capacity in Latin units ("新增治理面积32万平方公里", "总产能110GWh": b437, b438)
    "万平方公里", "GWh", "MWh", "GW", "MW",
    # a standard per person and day (meeting, training and travel expenses: "不超过80元/人/天", "320元/人天", b375)
    "元/人/天", "元/人天", "元/人·天", "元/人/日", "元/人日",
    # computing power ("算力规模达到100EFlops", b219 001)
    "EFlops", "PFlops", "EFLOPS", "PFLOPS",
)
# what an amount is per, after a "/" ("0.3元/斤", "30万吨/年", "2元/车/小时", b417 012, b416 012): part of the unit
PER_UNIT_WORDS = ("斤", "公斤", "千克", "克", "吨", "年", "月", "天", "日", "小时", "半小时", "人", "户", "亩", "平方米", "米",
                  "车", "辆", "台", "头", "只", "袋", "具", "盏", "栋", "度", "证", "家", "件", "项", "个", "次", "学期",
                  "生", "千字", "千瓦", "千瓦时", "立方米", "人次", "公里", "标箱", "床", "间", "套", "张", "株", "棵",
                  "站", "枪", "桩", "座", "所", "村", "羽", "匹",  # a culling subsidy per bird or horse ("15元/羽", b544 012)
                  "m3", "m³", "方")  # a water price per cubic metre ("1.2元/m3", "2.14元/方", b697 008)
# the units of a size floor that says who qualifies for a grant ("连片100亩以上补助…", targets.sized_before_grant)
SIZE_THRESHOLD_UNITS = ("亩", "平方米", "人")
# words that say nothing of what a target measures ("给予一定的奖励,最高不超过": targets.weak_metric)
GENERIC_METRIC_WORDS = ("最高", "最多", "不超过", "不高于", "不低于", "原则上", "累计", "给予", "可以", "可", "的", "一定", "予以",
                        "一次性", "分别", "按照", "按", "标准", "为", "实施", "执行", "发放", "政策", "奖励", "补贴",
                        "补助", "资助", "扶持", "每年", "每家", "单个", "金额", "额度", "资金", "以内", "在", "其", "经评定",
                        "其中", "共", "约", "年度", "支持", "单家", "企业", "每个", "一般", "掌握", "规模")
# whom or what a standard amount is paid per ("每人2万元", "每户每月100元", "户均2万元": targets.standard_amount)
STANDARD_PER = ("人", "户", "件", "个", "名", "床", "亩", "所", "家")
STANDARD_PERIODS = ("月", "年", "天", "日")
STANDARD_AVERAGES = ("人均", "户均")
STANDARD_IS = ("标准为", "额度为")  # read folded: Traditional text matches too
# a menu of amounts ends "共十三个档次" (targets.tier_menu); an amount paid ("缴100元补10元": targets.paid_tier)
TIER_WORDS = ("档次", "档")
PAID_VERBS = ("缴", "缴纳", "缴费", "交")
GIVEN_VERBS = ("补", "奖", "给")
# a share of something ("按交易额的1%给予奖励", "按贷款额5‰给予奖励"): a rate, read as % is
SHARE_UNITS = ("%", "‰")
NOT_TARGET_UNITS = ("年", "月", "日", "个月", "小时")
# an age says who a measure is for ("3岁以下婴幼儿", "65岁以上老年人"); the one age that is a goal is a life
# expectancy ("人均预期寿命达到78.5岁"): targets.age_qualifier
AGE_UNITS = ("岁", "周岁")
AGE_GOAL_WORDS = ("寿命",)
TIME_LIMIT_UNITS = ("日", "个月", "小时")
MONEY_UNITS = ("万元", "亿元", "千元", "元", "元/件", "万元/件", "万元/人", "元/人", "万元/项", "元/项", "万元/个", "万元/家",
               "元/个", "元/人/年", "元/生/年", "万元/年", "元/年", "元/户", "元/千瓦时", "元/立方米", "元/瓦",
               "元/千瓦", "元/吨", "元/头", "元/只", "元/台", "元/辆", "元/公里", "元/课时",
               "元/学时", "元/人次", "元/天", "元/次", "元/亩次", "元/亩", "元/平方米", "元/人/天", "元/人天", "元/人·天", "元/人/日", "元/人日")
WORKDAY_UNITS = ("个工作日", "工作日")
# a change from one value to another ("由18.92%增长到24.67%": targets.change_start)
CHANGE_TO_VERBS = ("提高到", "提高至", "提升到", "提升至", "增长到", "增加到", "增加至", "增至", "调整为", "调整到", "调整至",
                   "降低到", "降低至", "下降到", "下降至", "降至", "减少到", "减少至", "缩短至", "缩短到", "扩大到", "扩大至",
                   "上升到", "上升至", "压缩到", "压缩至")  # "从2010年的56.6%上升到85.2%" (b1293 006)
# a value raised from where it stands ("由2000元提高至5000元": the new value, "=", targets.raised_from)
RAISE_TO_VERBS = ("提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增至", "上升到", "上升至")
# a disaster's or an accident's toll that grades an incident in an emergency plan (targets.incident_grade), and the
# verbs that make a toll a commitment instead ("死亡人数控制在40人以内")
INCIDENT_TOLL_WORDS = ("因灾", "灾民", "死亡和失踪", "死亡(含失踪)", "死亡(失踪)", "失踪", "潜在经济损失", "直接经济损失",
                       "搬迁转移", "紧急转移", "受伤", "重伤", "中毒")
TOLL_COMMITMENT_VERBS = ("控制在", "控制", "降至", "降低", "下降", "减少", "低于", "不超过", "以内")
# the grades an assessment rates results by ("90分以上为优秀": targets.grade_band)
GRADE_WORDS = ("优秀", "良好", "合格", "不合格", "基本合格", "较好", "一般", "较差", "称职", "基本称职", "不称职", "达标", "不达标",
               "A级", "B级", "C级", "D级", "好", "中", "差")
# (word before the number, comparator)
COMPARATORS_BEFORE = (
    # "耕地保有量不得低于502.73万亩": a floor or a cap laid down as a rule
    ("不得低于", ">="), ("不得少于", ">="), ("不得小于", ">="), ("不应低于", ">="), ("不应少于", ">="),
    ("不得高于", "<="), ("不得超过", "<="), ("不得大于", "<="), ("不应高于", "<="), ("不应超过", "<="),
    ("不低于", ">="), ("不少于", ">="), ("不小于", ">="), ("至少", ">="), ("力争达到", ">="), ("达到", ">="),
    ("提高到", ">="), ("提高至", ">="), ("提升到", ">="), ("提升至", ">="), ("增加到", ">="), ("增加至", ">="),
    ("增长到", ">="), ("增至", ">="), ("保持在", ">="), ("稳定在", ">="), ("达", ">="),
    ("超过", ">"), ("高于", ">"), ("大于", ">"), ("多于", ">"), ("突破", ">"),
    ("不高于", "<="), ("不超过", "<="), ("不大于", "<="), ("缩短至", "<="), ("缩短到", "<="), ("缩短为", "<="),
    ("压缩至", "<="), ("压缩到", "<="), ("控制在", "<="), ("降至", "<="), ("降低到", "<="), ("降低至", "<="),
    ("减少到", "<="), ("减少至", "<="), ("压减至", "<="), ("最高", "<="), ("限", "<="),
    ("下降到", "<="), ("下降至", "<="), ("降到", "<="),  # "死亡率下降到4.0‰": down to, at most
    ("调整为", "="), ("调整到", "="), ("调整至", "="),  # "奖金标准由500万元/人调整为800万元/人" (b252 012): the new amount
    ("低于", "<"), ("少于", "<"), ("小于", "<"),
    # signs in a list of indicators ("用水重复利用率≥75%", b264 007)
    ("≥", ">="), ("≧", ">="), ("≤", "<="), ("≦", "<="), ("＞", ">"), ("＜", "<"),
    (">=", ">="), ("<=", "<="), (">", ">"), ("<", "<"),  # written half-width ("绿化覆盖率>40%", b321 011)
    # a cut by a share ("比2015年下降15%", "减少11.9%"): at least that much
    ("下降", ">="), ("减少", ">="), ("降低", ">="),
)
# a field of a development plan: "主要目标:" then its goals, "策略措施:" then its measures (outline.goals_label_run)
GOAL_LABELS = ("主要目标：", "主要目标:", "发展目标：", "发展目标:", "工作目标：", "工作目标:")
ACTION_LABELS = ("策略措施", "主要措施", "工作措施", "具体措施", "主要任务", "重点任务")
# a count of a document's own parts ("共7章40条", "发布40条专项办法", "共14条具体措施": targets.document_parts)
DOC_PART_UNITS = ("条", "章", "节", "款", "项")
DOC_PART_NOUNS = ("措施", "政策", "办法", "意见", "条例", "举措", "规定", "细则", "条款")
# (word after the number, comparator), tried in this order
COMPARATORS_AFTER = (("及以上", ">="), ("以上", ">="), ("以内", "<="), ("以下", "<="), ("之内", "<="), ("内", "<="))
# indicator tables: the goal column (not the base year's), the metric column
TABLE_GOAL_HEADS = ("目标", "预期值", "规划值")
TABLE_BASE_HEADS = ("基数", "基期", "基准", "现状", "现值", "完成", "实际")
TABLE_AMOUNT_HEADS = ("金额", "奖励标准", "资助标准", "补助标准", "补贴标准", "奖励额度", "资助额度", "补助额度")
TABLE_METRIC_HEADS = ("指标", "名称", "内容", "项目")
TABLE_COMPARATORS = {"≥": ">=", "不低于": ">=", "不少于": ">=", "≤": "<=", "不高于": "<=", "不超过": "<=", "以内": "<=",
                     "以下": "<=", "以上": ">=", ">": ">", "＞": ">", "超过": ">", "<": "<", "＜": "<", "低于": "<"}
# "…内办结": a time limit
LIMIT_VERBS = ("办结", "完成", "结案", "审结", "处理", "作出", "办理", "答复", "反馈", "受理", "审查", "核查", "回复", "出具",
               "给予", "移送", "移交", "转交", "转办", "报送", "上报", "送达", "告知", "通知", "公布", "公示", "立案", "录入",
               "解决", "回应", "核实", "审核", "审批", "移除", "删除", "屏蔽", "下架", "断开")
# a verb inside the clause that counts what follows ("建设商业秘密保护示范点20个")
CLAUSE_COUNT_VERBS = ("建成", "建设", "设立", "新增", "培育", "打造", "组建", "认定", "创建", "布局", "新建", "引进", "举办",
                      "开展", "发布", "制定", "选树", "评选", "遴选", "命名", "完成", "组织", "发行", "安排", "推出", "挂牌",
                      "签约", "签订", "办理", "培训", "招引")
# a verb just before the number ("新增…5家")
COUNT_UNITS_GOAL = ("个", "家", "项", "名", "所", "条", "座", "处", "只", "头", "户", "万户", "万亩", "亩", "万人", "人", "套", "部", "台")
COUNT_VERBS = ("建设", "建成", "设立", "培育", "培养", "打造", "新增", "组建", "认定", "引进", "扶持", "举办", "组织", "开展",
               "争取", "实施", "申报", "完成", "创建", "评选", "发布", "制定", "遴选", "新建", "布局", "形成", "入选", "获得",
               "托管", "招引", "孵化", "服务", "建立", "推广", "筛选", "选树", "命名", "授予", "评定", "举行", "召开", "奖励",
               "资助", "补助", "给予", "每年", "年均", "累计", "共", "有", "争创", "推出", "开通", "开设", "新开", "开辟", "打通")
# "奖励现金10万元", "奖励人民币3000元", "补助总计2.5万元": what follows a reward verb without naming who gets it
NOT_BENEFICIARY_WORDS = ("现金", "人民币", "总计", "合计", "累计", "资金", "经费", "金额")
REWARD_WORDS = ("给予", "奖励", "资助", "补助", "补贴", "补偿", "贴息", "资金援助", "扶持", "奖补", "一次性")
AID_WORDS = ("贴息", "奖励", "资助", "补助", "补贴", "补偿", "资金援助", "扶持", "奖补")
# aid named by what is paid rather than the act (listed_amounts_noun: "…2000元的奖金", "…的工作经费")
AID_NOUN_WORDS = ("奖金", "津贴", "经费", "补助金", "资助金", "奖励金", "补贴金", "慰问金", "救助金")
METRIC_FILLERS = ("同时", "其中", "并", "确保", "力争", "争取", "努力", "实现", "使", "推动", "全市", "全省", "全县", "全区",
                  "我市", "我省", "到", "至", "在")
CAP_OPENERS = ("单个", "单家", "单项", "单笔", "单一", "每个", "每家", "每件", "每项", "每户", "每人", "同一", "每年最高",
               "年度最高", "累计最高")
THIS_YEAR_WORDS = ("全年", "今年", "年内", "本年度", "当年")
# "this year" said outright: the document's year in any document, not only in an annual plan
THIS_YEAR_NAMED_WORDS = ("本年度", "今年")
# "每年新增储备企业100家": a rate per year, no deadline year (targets.plan_task_year, targets.RECURRING; 年均 is read
# as a goal over the plan's years: b37 009, b76 004 give it its year)
RECURRING_WORDS = ("每年", "每季度", "每月", "每半年", "每届")
# an article's floor that binds the issuer itself ("市财政每年安排不少于50万元", "县级人民政府…不少于"), not those the
# rule regulates (targets.regulated_minimum)
ISSUER_COMMITMENT_WORDS = ("财政", "政府", "预算", "本级")
# floors of an article that stay targets: how often a body meets or acts ("每年至少召开1次", targets.regulated_minimum)
FREQUENCY_UNITS = ("次",)
# … and the least amount the issuer pays, besides REWARD_WORDS ("奖金最低不少于3000元", "供养标准不低于每人每年5000元")
PAYMENT_WORDS = ("奖金", "标准", "津贴", "报酬")
# what a reward clause grants after its condition ("…以上的企业，给予5万元奖补")
REWARD_GRANT_WORDS = ("给予", "予以", "奖励", "奖补", "补助", "补贴", "资助", "发放")
ANNUAL_PLAN_WORDS = ("要点", "计划", "安排", "任务", "清单", "方案", "重点工作", "责任分解", "分工", "实事",
                     # a year's standard or targets handed down ("关于下达2016年农村五保供养标准的通知", b653 003;
                     # "…分解下达2019年度能源消耗强度目标的通知", b709 007)
                     "标准", "目标")
# how a page's opening names the year it plans ("现对2024年全市生态环境工作作出如下安排", targets.opening_plan_year)
OPENING_PLAN_ENDS = ("作出如下安排", "安排如下", "如下安排", "要点", "计划", "安排")
OPENING_PLAN_NOUNS = ("工作", "任务")
WORK_REPORT = "政府工作报告"  # a government work report's year is the year it is given (targets.plan_year)
LIMIT_LEADS = ("督促", "要求", "确保", "实行", "实现", "力争", "推动", "并", "应当", "应", "须", "必须", "一般")
# "到“十四五”末": the last year of a five-year plan
# a goals chapter's name: where the goals resume after a review of the past (targets.past_period_review)
GOAL_CHAPTER_WORDS = ("主要目标", "发展目标", "总体目标", "工作目标", "预期目标", "目标任务")
FIVE_YEAR_PLANS = (("十一五", 2010), ("十二五", 2015), ("十三五", 2020), ("十四五", 2025), ("十五五", 2030),
                   ("十六五", 2035))
# "确保2022年全省…": a year that a commitment's own sentence opens with these words
YEAR_LEAD_WORDS = ("确保", "力争", "争取", "实现", "预计", "完成")
# a number that is a base, not a goal: "在已有141家…的基础上", "现有…"; the present state a plan starts from
# ("目前全县地质灾害隐患点共23处", "截至2022年底…", "已命名174名…传承人": b849, b851; over b01-b853 targets
# 0.6657 -> 0.6659: 8 wrong fewer, none right lost)
BASE_WORDS = ("已有", "现有", "原有", "基础上", "目前", "现已", "已查明", "截至", "截止", "已命名", "已认定", "已累计")
# a number in an application rule: "请于…前将申报材料原件2份"
FILING_WORDS = ("申报材料", "申请材料", "原件", "复印件", "一式")
# "A和B均在95%以上": one value for several metrics
SHARED_VALUE_ENDS = ("均在", "均达到", "均达", "均为", "均", "都在", "都达到", "分别达到", "分别在")
# "人均", "年均", "户均", "平均": 均 after these averages a value, it shares none
AVERAGE_BEFORE = ("人", "年", "户", "月", "日", "平", "亩")
# "主要指标", "发展目标": a short heading over a plan's indicators (their year is the plan period's last)
GOAL_HEADING_ENDS = ("指标", "目标")
# "年主营业务收入首次突破10亿元的工业企业", "…的单位分别给予…": who an amount or a share qualifies (a condition, not
# a goal). (A longer list with 组织, 专利权人, 申请人, 主体, 园区, 个体户 was written once and never read: with it one page
# gains and one loses, b322 007 and b383 008.)
BENEFICIARY_NOUNS = ("企业", "项目", "单位", "机构", "个人", "团队")
# "最多资助3个国家或地区": a count of countries is written with its noun as the unit
COUNTRY_UNITS = ("个国家或地区", "个国家和地区", "个国家(地区)", "个国家")
# "覆盖率、备案率、反馈率达到100%": a list of rates shares the value after it
RATE_ENDS = ("率", "比重", "占比")

# entities left in a page's text, written out or with "?" for their "&" (clean.stray_markup)
STRAY_ENTITIES = ("nbsp", "ldquo", "rdquo", "lsquo", "rsquo", "mdash", "ndash", "hellip", "middot", "quot", "amp",
                  "lt", "gt")

# teasers a site puts before a title, with "!" or ":" (header.without_teaser)
TITLE_TEASERS = ("关注", "重磅", "最新", "速看", "推荐", "转发", "转载", "收藏", "热点", "头条", "快讯", "全文公布")

# how a national text names the bodies in charge (国家…主管部门) and itself (header.national_wording)
NATIONAL_AUTHORITY_ENDS = ("行政管理部门", "行政部门", "主管部门", "审评机构")
# "经…部际联席会议审议通过" (b475 009): the ministries together; "全国", "党中央", "中央和国家机关": the State's words
NATIONAL_SELF_WORDS = ("我国", "部际联席会议", "中央和国家机关", "党中央", "全国")

# what a notice's items say when they are about carrying work out, not the work (header.division_notice)
SAFEGUARD_WORDS = ("组织领导", "领导", "站位", "督查", "督办", "督促", "落实", "配合", "协调", "作风", "责任", "考核",
                   "保障", "宣传", "调度")

# a penalty clause's words: its amounts are no targets (targets.penalty_amount)
PENALTY_WORDS = ("罚款", "罚金", "没收")
PENALTY_MULTIPLE_UNITS = ("倍",)  # "处违法所得1倍以上5倍以下的罚款": a multiple of what is fined
# "处十日以上十五日以下拘留" (b866 007): days of detention a penalty clause lays down
DETENTION_WORDS = ("拘留",)
DETENTION_UNITS = ("日", "天")

# what a review of a past year says it did ("实现了…良好开局", "完成…"): targets.past_year_review
PAST_REVIEW_VERBS = ("实现了", "完成了", "取得了", "全省实现", "全市实现", "全县实现", "全区实现", "比上年", "同比")

# how a development zone's name ends (header.development_zone: such a zone is governed as a district)
DEVELOPMENT_ZONE_ENDS = ("高新技术产业开发区", "经济技术开发区", "高新技术产业园区", "经济开发区", "高新区", "经开区", "开发区")

# an item that only names the documents a grant rests on ("一、补助依据 《…》", outline.requirement_item)
BASIS_ITEM_HEADS = ("依据", "文件依据", "补助依据", "政策依据", "申报依据", "资金依据", "项目依据")

# --- classify ---------------------------------------------------------------------------------------
# a measure that speaks of IP: only then do weak ("~") keywords count ("互联网" gives the data IP type in
# "加强互联网侵权假冒治理", not in "充分发挥互联网的创新驱动作用")
IP_CONTEXT_WORDS = ("知识产权", "专利", "商标", "版权", "著作权", "地理标志", "商业秘密", "植物新品种", "侵权", "假冒",
                    "仿冒", "盗版", "山寨", "集成电路布图", "数据产权", "数据确权")
# a document whose title names one of these is about IP throughout (品牌创新发展的意见, 老字号认定办法):
# its measures' weak IP-type keywords ("~品牌") count even where the measure itself names no IP
IP_TITLE_WORDS = ("品牌", "名牌", "老字号")
# the words that name one kind of IP plainly, by IP-type code (classify.page_ip_type counts them over a page without
# a title: "专利权质押登记" guides, power-list items on patent penalties)
IP_TYPE_NAMES = {"patent": ("专利",), "trademark": ("商标",), "geographical_indication": ("地理标志",),
                 "copyright": ("著作权", "版权"), "plant_variety": ("植物新品种",),
                 "traditional_knowledge": ("非物质文化遗产", "非遗")}
# how often a page must name its one kind of IP (and name no other) for its measures to be about that kind
PAGE_IP_TYPE_MIN = 5
# words that already name a time limit in a target's metric ("办理期限", "审核时间")
TIME_LIMIT_WORDS = ("时限", "期限", "时间", "期间", "周期")
