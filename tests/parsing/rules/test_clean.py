"""clean stage rules: (input, expected) tables, near-misses included."""
import pytest

from measures.parsing import clean as C
from measures.parsing.context import ParseContext


@pytest.mark.parametrize("text, expected", [
    ("<!DOCTYPE html><html><body><p>知识产权</p></body></html>", True),
    ("<div>一</div><p>二</p><br>", True),
    ("正文提到<p>一次", False),  # one tag is no page
    ('<legend id="h4sia"></legend><samp id="h4sia"></samp>\n<sup id="h4sia"></sup>\n<mark id="h4sia"><del id="h4sia"></del></mark>\n当前位置', True),  # b114 001
    ("指标<5%且>3%的企业</a>", False),  # comparisons and one stray closing tag
    ("一、加强执法。\n二、加强司法。", False),
])
def test_html_page(text, expected):
    assert C.html_page(text) is expected


@pytest.mark.parametrize("page, expected", [
    ("<html><title>沈阳市知识产权保护方案_政策文件</title></html>", "沈阳市知识产权保护方案_政策文件"),
    ("<title>\n  知识产权&amp;方案 <b>２０２４</b> </title>", "知识产权&方案 2024"),
    ("<title> </title>", None),
    ("<h1>没有标题标签</h1>", None),
])
def test_page_title(page, expected):
    assert C.page_title(page) == expected


@pytest.mark.parametrize("row, expected", [
    ("<tr><td><p>1</p></td><td><p>加强执法</p></td></tr>", "<tr><td>1</td><td>加强执法</td></tr>"),
    ("<tr><td>" + "很长的正文" * 70 + "</td></tr>", "<tr><td>" + "很长的正文" * 70 + "</td></tr>"),  # a layout row
    ("<tr><td><table><tr><td>x</td></tr></table></td></tr>", "<tr><td><table><tr><td>x</td></tr></table></td></tr>"),
])
def test_data_row(row, expected):
    assert C.data_row(row) == expected


@pytest.mark.parametrize("cells, expected", [
    (["序号", "重点任务", "牵头单位", "配合单位"], True),
    (["序号", "工作内容", "责任部门"], True),
    (["序號", "主要任務", "牽頭單位", "責任單位"], True),  # Traditional headers
    (["序号", "重点工作", "责任领导", "责任单位", "完成时限"], True),
    (["序号", "指标名称", "2025年目标"], False),  # an indicator table
    (["任务", "时限"], False),
])
def test_task_table_header(cells, expected):
    assert C.task_table_header(cells) is expected


@pytest.mark.parametrize("rows, expected", [
    ([["序号", "任务", "牵头单位", "配合单位"], ["1", "加强执法", "市公安局", "市法院"]],
     ["1.加强执法（牵头单位：市公安局；配合单位：市法院）"]),
    ([["序号", "任务", "牵头单位", "完成时限"], ["一、强化保护", "", "", ""], ["1", "加强执法", "市公安局", "2024年底"]],
     ["一、强化保护", "1.加强执法（牵头单位：市公安局）（完成时限：2024年底）"]),
    ([["序号", "任务", "牵头单位", "配合单位"], ["1", "加强执法", "市公安局", "/"]], ["1.加强执法（牵头单位：市公安局）"]),
    ([["指标", "2025年"], ["专利", "10"]], None),  # no task table
])
def test_task_table_lines(rows, expected):
    assert C.task_table_lines(rows) == expected


@pytest.mark.parametrize("text, expected", [
    ("序号\t任务\t牵头单位\n1\t加强执法\t市公安局\n2\t加强司法\t市法院",
     "1.加强执法（牵头单位：市公安局）\n2.加强司法（牵头单位：市法院）"),
    ("前言\n序号\t任务\t牵头单位\n1\t加强执法\t市公安局\n结语", "前言\n1.加强执法（牵头单位：市公安局）\n结语"),
    ("指标\t基数\t目标\n专利\t1\t2", "指标\t基数\t目标\n专利\t1\t2"),  # not a task table
    ("没有制表符的文字", "没有制表符的文字"),
])
def test_tab_task_tables(text, expected):
    assert C.tab_task_tables(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("知識產(chǎn)權保護(hù)中心(TISC)", "知識產權保護中心(TISC)"),
    ("進一(yī / yì /yí)步支持,爲(wéi / wèi)企業發布了(le/liǎo)", "進一步支持,爲企業發布了"),  # a gloss with several readings
    ("规模(大/小)不限", "规模(大/小)不限"),  # near miss: Han characters, not pinyin
    ("２０２４年发明专利达到１２件", "2024年发明专利达到12件"),
    ("一\u3000\u3000二\u00a0三", "一 二 三"),
    ("甲\t \t乙", "甲\t乙"),
    ("行一\r\n行二", "行一\n\n行二"),
    ("(TISC)保持不变", "(TISC)保持不变"),  # near miss: no Han character before the bracket
    ("第" + "正文" * 160 + "\u3000\u3000第二段", "第" + "正文" * 160 + "\n第二段"),  # a flattened page
])
def test_normalise_text(text, expected):
    assert C.normalise_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("优化营商环境@@条例@@", "优化营商环境条例"),
    ("第@@三@@条@@", "第三条"),
    ("邮箱:ipr@163.com", "邮箱:ipr@163.com"),  # a single @ is no separator
])
def test_without_separators(text, expected):
    assert C.without_separators(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("优化营商环境@@条例@@", "优化营商环境@@条例@@"),  # the body keeps the text as written
    ("關于做好2020年電™♠子商務進農村綜合示範工(gōα₩™ng)作的通知", "關于做好2020年電子商務進農村綜合示範工(gōng)作的通知"),
    ("直轄σ≥市财政、扶貧主管部門(m™✔☆÷én):", "直轄市财政、扶貧主管部門(mén):"),
    ("電(diàn)™♠子商務", "電(diàn)子商務"),
    ("二OO九年九月二十一日", "二〇〇九年九月二十一日"), ("局长 王景川 二ΟΟ一年十二月三十日", "局长 王景川 二〇〇一年十二月三十日"),
    ("二O一五年", "二〇一五年"),
    ("合格率≥90%", "合格率≥90%"),  # a comparator before a number stays
    (">政务>政策文件>工作要点", ">政务>政策文件>工作要点"),  # b103 001: a breadcrumb trail keeps its marks
    ("专利>商标\n>政务>政策文件>工作要点", "专利商标\n>政务>政策文件>工作要点"),
    ("邮箱:ipr@163.com", "邮箱:ipr@163.com"), ("OLED显示(TISC)", "OLED显示(TISC)"),
])
def test_spam_symbols(text, expected):
    assert C.spam_symbols(text) == expected


def test_clean_stage_sets_the_context():
    ctx = ParseContext(text="<html><head><title>某方案</title></head><body><p>知識產權</p><div>x</div></body></html>")
    C.clean(ctx)
    assert ctx.page_title == "某方案" and "<p>" not in ctx.text
    assert ctx.simplified_only is False and ctx.warnings == ["little Chinese text"]
    ctx = ParseContext(text="知识产权" * 10)
    C.clean(ctx)
    assert ctx.simplified_only is True and ctx.warnings == []


@pytest.mark.parametrize("text, expected", [
    ("序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位\n"
     "1 加强水资源保 护 严守水资源开发利用控制红线 实施双控行动,防止不合理新增取水。 市水利局 市发展改革委、农业局等 各县(市、区)人民政府\n"
     "2  严守用水 效率控制 红线 落实用水效率评估体系。 市水利局 市发展改革委等 各县(市、区)人民政府\n"
     "3   抓好工业节水。加快实施工业节水技术改造。 市工业和信息化委 市发展改革委等 各县(市、区)人民政府\n"
     "附件",
     "一、加强水资源保 护\n"
     "1.严守水资源开发利用控制红线。实施双控行动,防止不合理新增取水。（牵头单位：市水利局；配合单位：市发展改革委、农业局等；"
     "责任单位：各县(市、区)人民政府）\n"
     "2.严守用水 效率控制 红线。落实用水效率评估体系。（牵头单位：市水利局；配合单位：市发展改革委等；责任单位：各县(市、区)人民政府）\n"
     "3.抓好工业节水。加快实施工业节水技术改造。（牵头单位：市工业和信息化委；配合单位：市发展改革委等；责任单位：各县(市、区)人民政府）\n"
     "附件"),
    ("序号 项目名称 金额\n1 某项目 100万元", "序号 项目名称 金额\n1 某项目 100万元"),  # no responsibility column
    ("1 加强保护 市水利局", "1 加强保护 市水利局"),  # no header row
    # b59 009: a letter-spaced header of three labels, rows of a task and its lead department
    ("序号 工 作 任 务 牵头负责部门\n1 居民消费价格涨幅3%左右 发展改革委\n2 城镇新增就业1000万人以上 人力资源社会保障部",
     "1.居民消费价格涨幅3%左右（牵头单位：发展改革委）\n2.城镇新增就业1000万人以上（牵头单位：人力资源社会保障部"),
])
def test_space_task_tables(text, expected):
    assert C.space_task_tables(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("分别给予承办机构5O万元、30万元", "分别给予承办机构50万元、30万元"),   # b93 001
    ("第2—3年租金5O%补贴", "第2—3年租金50%补贴"), ("2O2O年", "2020年"), ("1OO万元", "100万元"),
    ("GB/T 5O", "GB/T 5O"), ("OO7", "OO7"),
])
def test_letter_o_digits(text, expected):
    assert C.letter_o_digits(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("年专利申请量达到3 5 0件以上,其中发明专利占总申请量的3 0%以上", "年专利申请量达到350件以上,其中发明专利占总申请量的30%以上"),  # b229 010
    ("全市产值达到1 2 0亿,比重达到5 2%", "全市产值达到120亿,比重达到52%"),
    ("评分为2 3分", "评分为2 3分"),          # one on the page: perhaps two numbers, left as written
    ("1 2 3\n4 5 6", "1 2 3\n4 5 6"),        # no Han before, no unit after
])
def test_spaced_digits(text, expected):
    assert C.spaced_digits(text) == expected


@pytest.mark.parametrize("text, expected", [
    # b82 006: the page's only items
    ("发布日期 | 2022-02-22\n⑴强化招商意识。科学…\n⑵抢抓合作机遇。持续…\n⑶优化营商环境。实施…",
     "发布日期 | 2022-02-22\n(1)强化招商意识。科学…\n(2)抢抓合作机遇。持续…\n(3)优化营商环境。实施…"),
    ("⑽第十项\n⑾第十一项", "(10)第十项\n(11)第十一项"),
    # b26 011: under other numbering they list things inside an item
    ("6.统计档案管理\n⑴布置统计调查任务时制发的\n⑵统计报表", "6.统计档案管理\n⑴布置统计调查任务时制发的\n⑵统计报表"),
    ("保存以下材料:⑴申请表⑵证明", "保存以下材料:⑴申请表⑵证明"),   # inside a line
    ("⑴只有一项", "⑴只有一项"),
])
def test_parenthesized_digit_items(text, expected):
    assert C.parenthesized_digit_items(text) == expected


@pytest.mark.parametrize("text, expected", [
    # b481 005: a conversion wrote every parenthesis as 〔〕
    ("重点包括:〔一〕设置不合理的条件;〔二〕限定经营。", "重点包括:(一)设置不合理的条件;(二)限定经营。"),
    ("〔 一 〕甲\n〔 二 〕乙", "(一)甲\n(二)乙"),
    ("冀政发〔2016〕16号〔一〕甲〔二〕乙", "冀政发〔2016〕16号(一)甲(二)乙"),   # a 文号's year stays
    ("县人民政府〔办公室〕〔一〕只有一项", "县人民政府〔办公室〕〔一〕只有一项"),   # 〔一〕 alone: not items
    ("冀政发〔2016〕16号", "冀政发〔2016〕16号"),
])
def test_tortoise_bracket_items(text, expected):
    assert C.tortoise_bracket_items(text) == expected


@pytest.mark.parametrize("text, expected", [
    # b506 004: a law database's box run into one line with the title and the text
    ("某办法的通知文章属性•【制定机关】芜湖市人民政府•【公布日期】2014.06.22•【时效性】失效•【主题分类】机关工作正文芜湖市人民政府办公室关于…",
     "某办法的通知\n文章属性\n•【制定机关】芜湖市人民政府\n•【公布日期】2014.06.22\n•【时效性】失效\n•【主题分类】机关工作\n正文\n"
     "芜湖市人民政府办公室关于…"),
    ("•【制定机关】某局", "•【制定机关】某局"),   # one entry: nothing run together
    ("•【制定机关】某局\n•【公布日期】2014.06.22", "•【制定机关】某局\n•【公布日期】2014.06.22"),   # already a line each
])
def test_law_box_lines(text, expected):
    assert C.law_box_lines(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("  1* .开展“一证多址”改革", "  1.开展“一证多址”改革"),   # b33 002
    ("2*.开展企业住所标准化登记", "2.开展企业住所标准化登记"),
    ("注:*号为必填项", "注:*号为必填项"),
    ("增长5*.2%", "增长5*.2%"),
])
def test_starred_numbers(text, expected):
    assert C.starred_numbers(text) == expected


@pytest.mark.parametrize("line, spaced_page, expected", [
    ("（ 一 ） 加 强 知 识 产 权 保 护 。", False, "（一）加强知识产权保护。"),
    ("关 于 加 强  知 识 产 权 保 护", False, "关于加强 知识产权保护"),  # a double space is a word gap
    ("　　1 . 加 强 专 利 保 护", False, "　　1.加强专利保护"),  # the indent stays
    ("2 0 2 0 年 5 月 2 7 日", False, "2020年5月27日"),
    ("国 务 院", False, "国 务 院"),  # too short on an ordinary page
    ("国 务 院", True, "国务院"),  # on a letter-spaced page
    ("2 0 2 1 1 1 2 7", True, "20211127"),  # a date of digits on a letter-spaced page
    ("1 2 3 4 5 6", False, "1 2 3 4 5 6"),  # no Han on an ordinary page: a row of numbers
    ("加强知识产权保护 是 一 个 重要的 事", False, "加强知识产权保护 是 一 个 重要的 事"),
    ("专利 商标 版权 地理标志 商业秘密 植物新品种", False, "专利 商标 版权 地理标志 商业秘密 植物新品种"),
])
def test_letter_spaced_line(line, spaced_page, expected):
    assert C.letter_spaced_line(line, spaced_page) == expected


@pytest.mark.parametrize("text, expected", [
    ("关 于 加 强 知 识 产 权 保 护 的 意 见\n一 、 总 体 要 求\n各 区 人 民 政 府 ：", True),
    ("关于加强知识产权保护的意见\n一、总体要求 (一) 指 导 思 想\n各区人民政府：现将方案印发给你们，请认真贯彻落实。", False),
    ("国 务 院", False),  # too little text to say
])
def test_letter_spaced_page(text, expected):
    assert C.letter_spaced_page(text) is expected


def test_a_letter_spaced_pdf_page_parses_like_the_same_page_unspaced():
    from measures.parsing import parse_document

    plain = ("国务院办公厅关于加强知识产权保护的意见\n国办发〔2024〕3号\n一、加强行政保护\n"
             "（一）加大执法力度。严厉打击商标侵权行为。\n（二）完善快速维权。建设知识产权保护中心。\n"
             "国务院办公厅\n2024年3月1日\n")
    spaced = "\n".join(" ".join(line) for line in plain.split("\n"))
    a, b = parse_document(plain.encode(), source="a.txt"), parse_document(spaced.encode(), source="b.txt")
    assert [(m["label"], m["title"]) for m in b["measures"]] == [(m["label"], m["title"]) for m in a["measures"]]
    assert len(b["measures"]) == 2
    for field in ("title", "issuer", "doc_number", "signed_date", "level"):
        assert b["document"][field] == a["document"][field], field


@pytest.mark.parametrize("text, expected", [
    ("㈦依法治理饮用水源污染。", "(七)依法治理饮用水源污染。"),
    ("⒈加强监测。⒉完善制度。", "1.加强监测。2.完善制度。"),
    ("保存以下材料:⑴任务文件", "保存以下材料:⑴任务文件"),  # a list inside an item stays as written
])
def test_normalise_text_enclosed_numbers(text, expected):
    assert C.normalise_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("清单\n序号 |\n重点工作 |\n责任单位 |\n1 |\n优化营商环境。 |\n招商局 |\n2 |\n盘活存量土地。 |\n改革办 |\n附件",
     "清单\n1.优化营商环境。（责任单位：招商局）\n2.盘活存量土地。（责任单位：改革办）\n附件"),
    # blank lines between the cells, no "|"
    ("序号\n\n重点工作\n\n牵头单位\n\n1\n\n联动共建科学城。\n\n区科技局\n",
     "1.联动共建科学城。（牵头单位：区科技局）\n"),
    # near misses: a goals table (no task column); a row that does not add up ends the table
    ("序号\n预期目标\n责任单位\n1\n增长5%\n区发改委", "序号\n预期目标\n责任单位\n1\n增长5%\n区发改委"),
    ("序号 |\n重点工作 |\n责任单位 |\n1 |\n优化环境。", "序号 |\n重点工作 |\n责任单位 |\n1 |\n优化环境。"),
    # b74 005: a letter-spaced leader column beside the task and the units
    ("序号 |\n目标与任务 |\n分 管 县领导 |\n牵头责任单位 |\n责任单位 |\n80 |\n新增托位数400个以上。\n俞 悦 |\n县教育局 |\n县各有关单位 |",
     "80.新增托位数400个以上。（牵头单位：县教育局；责任单位：县各有关单位）"),
    # b183 002: "|" lines alone between the rows, a year and an amount among a row's cells, a project-name
    # column before the task, and the page cut inside the last row
    ("序號 |\n項目名稱 |\n建設時間 |\n2024年建設內容 |\n年度投資金額 (萬元) |\n責任單位 |\n|\n1 |\n城北小學門前道路建設項目 |\n"
     "2024 |\n建成唐塔北路延伸段道路。 |\n300 |\n住建局 |\n|\n2 |\n高標準農田建設項目 |\n2024 |\n實施田塊整治500畝。 |",
     "1.城北小學門前道路建設項目：建成唐塔北路延伸段道路。（责任单位：住建局）\n2.高標準農田建設項目：實施田塊整治500畝。"),
])
def test_cell_line_tables(text, expected):
    assert C.cell_line_tables(text) == expected


@pytest.mark.parametrize("cells, expected", [
    (["序号", "工", "作", "任", "务", "牵头负责部门"], ["序号", "工作任务", "牵头负责部门"]),
    (["序号", "主要任务", "责任单位"], ["序号", "主要任务", "责任单位"]),
    (["序号", "任务", "A", "B"], ["序号", "任务", "AB"]),  # one-character cells run together
])
def test_spaced_header_cells(cells, expected):
    assert C.spaced_header_cells(cells) == expected


@pytest.mark.parametrize("text, expected", [
    ("园难”问题。Р2.加快学前教育Р3.提高学前", "园难”问题。\n2.加快学前教育\n3.提高学前"),  # b99 003
    ("English 日本語 한국어 Русский 站群导航", "English 日本語 한국어 Русский 站群导航"),  # a language menu
    ("问题。Р2.加快", "问题。Р2.加快"),  # one mark is no pattern
    ("事故。Р 二、措施落实Р 1、秸秆禁烧", "事故。\n二、措施落实\n1、秸秆禁烧"),  # b417 004: a space after the mark
])
def test_paragraph_marks(text, expected):
    assert C.paragraph_marks(text) == expected


@pytest.mark.parametrize("text, expected", [
    # b141 006: a page whose spaces all became "?"
    ("第一章 ?總 ???則\n第一條??為規範政務數據資源管理。\n市 ?長 ?唐良智? ? ? ??",
     "第一章  總    則\n第一條  為規範政務數據資源管理。\n市  長  唐良智        "),
    ("見 http://x.cn/index.jsp?id=3 與 a.php?b=1", "見 http://x.cn/index.jsp?id=3 與 a.php?b=1"),  # queries stay
    ("第一條??為規範", "第一條??為規範"),  # one such run: no evidence the page lost its spaces
    ("2、?加强火源管控。3、?加强干部值守。四、?工作要求1、?坚持常抓不懈", "2、 加强火源管控。3、 加强干部值守。四、 工作要求1、 坚持常抓不懈"),  # b366 007
    ("是否?、?否", "是否?、?否"),  # near miss: no item number before the 、
])
def test_lost_spaces(text, expected):
    assert C.lost_spaces(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("??一、讓企業辦事更省心\n??(一)提升線上服務友好度。", "一、讓企業辦事更省心\n(一)提升線上服務友好度。"),  # b120 007
    ("??", "??"), ("为什么??不", "为什么??不"),  # near misses: nothing after it, not at a line start
])
def test_lost_indents(text, expected):
    assert C.lost_indents(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("一,、適用范圍1,、2022年1月1日起", "一、適用范圍1、2022年1月1日起"),  # b398 001
    ("人力資源和社會保障局,、財政局,,市各相關單位", "人力資源和社會保障局、財政局,,市各相關單位"),
    ("一，、加强保护", "一、加强保护"),
    ("一、加强保护,推进运用", "一、加强保护,推进运用"),
])
def test_comma_before_dun(text, expected):
    assert C.comma_before_dun(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("为加强】电动:。自行车】管理维护】道路交通】秩序保障】道路交通安《全畅】通结合本市实际制定本办法", True),  # b362 003: lone 】
    ("第四十条【擅自占用】违反本条例 第四十一条【罚则】违反本条例规定的", False),  # captions pair their brackets (b292 009)
    ("【政策】关于印发《实施方案》的通知", False),
    ("加强】管理【完善】制度", False),  # too few lone brackets for a page
])
def test_scrambled_page(text, expected):
    assert C.scrambled_page(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("一《。。、为进一步加强城市!地下管线管理 《五、:管线产权单位", "一、为进一步加强城市地下管线管理 五、管线产权单位"),  # b362 001
    ("第【一条 为了加强】电动:。自行车管理", "第一条 为了加强电动:。自行车管理"),  # one article number is enough here
    ("发改、国土、经委】、水务", "发改、国土、经委】、水务"),  # a mark before a list's 、 stays
    ("依照第一、二条的规定", "依照第一、二条的规定"),
])
def test_unscrambled(text, expected):
    assert C.unscrambled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("第【一条 为了加强】电动 第】二条 本办法【适用 第三【条 本办法所称", "第一条 为了加强】电动 第二条 本办法【适用 第三条 本办法所称"),  # b362 003
    ("第十【四条 城市 第二十!条 排水", "第十四条 城市 第二十条 排水"),
    ("第【一条 为了", "第【一条 为了"),                     # one alone: not yet a scrambled page
    ("依照第一、二条的规定 第【一条 第】二条", "依照第一、二条的规定 第一条 第二条"),  # near miss: two articles cited
    ("第:二,十条 住宅专项 第二十一》。条 使用", "第二十条 住宅专项 第二十一条 使用"),  # b434 002: marks before and inside
])
def test_scrambled_article_numbers(text, expected):
    assert C.scrambled_article_numbers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("第四條第四條 各級人民政府應當", "第四條 各級人民政府應當"),  # b130 003
    ("第十一条 第十一条 遗体应及时火化", "第十一条 遗体应及时火化"),  # b627 004: a space between the two
    ("第一條第一條為了加強", "第一條為了加強"),
    ("依照第四条第五条的规定", "依照第四条第五条的规定"),  # near miss: two different articles cited
])
def test_doubled_article_numbers(text, expected):
    assert C.doubled_article_numbers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("附件?nbsp;海口市关于对知识产权(专利)领域严重失信主体开展联合惩戒的合作备忘录",   # b177 009
     "附件\xa0海口市关于对知识产权(专利)领域严重失信主体开展联合惩戒的合作备忘录"),
    ("一、检查时闳/p>\n2023?月至11月、/p>", "一、检查时闳\n2023?月至11月、"),                 # b177 008
    ("关于印发<海口?021年优化营商环境行动计?gt;的通知", "关于印发<海口?021年优化营商环境行动计>的通知"),
    ("开展?ldquo;蓝天?rdquo;专项整治", "开展“蓝天”专项整治"),
    ("<p>正文</p>", "<p>正文</p>"),                        # a real tag is the HTML reader's
    ("详见www.gov.cn/p>", "详见www.gov.cn/p>"),            # part of an address
    ("现提出如下意见?", "现提出如下意见?"),
])
def test_stray_markup(text, expected):
    assert C.stray_markup(text) == expected


@pytest.mark.parametrize("text, expected", [
    # b230 001: spanned section cells in the first row they span only, the item's own 1.
    ("| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |\n"
     "| 一、加大治理力度 | (一)强化源头治理 | 1.加强源头防控。 | 县生态环境分局 | 11月底前 |\n"
     "| 2.开展减量行动。 | 县农业农村局 | 11月底前 | ||\n\n附件2",
     ["一、加大治理力度", "(一)强化源头治理", "1.加强源头防控。（责任单位：县生态环境分局）（完成时限：11月底前）",
      "2.开展减量行动。（责任单位：县农业农村局）（完成时限：11月底前）", "", "附件2"]),
    # b253 003: the number in a cell of its own; a row cut over two lines
    ("工作任务 | 具体要求 | 责任单位 | 时限要求 | ||\n"
     "一、以公开助力发展。 | (一)加强信息公开。 | 1 | 增强透明度。 | 市政府各部门 | 持续推进 |\n"
     "2 | 开设专题。 | 市政府各部门 市商务局\n| 持续推进 |",
     ["一、以公开助力发展。", "(一)加强信息公开。", "1.增强透明度。（责任单位：市政府各部门）（完成时限：持续推进）",
      "2.开设专题。（责任单位：市政府各部门、市商务局）（完成时限：持续推进）"]),
    # near misses: a page's metadata in cells, a table of one item
    ("索引号: | 1134/2022-00054 | 组配分类: | 工作推进 |\n发布机构: | 市文旅局 |", None),
    ("| 序号 | 工作任务 | 责任单位 |\n| 1 | 加强执法。 | 市场监管局 |", None),
])
def test_pipe_task_tables(text, expected):
    out = C.pipe_task_tables(text)
    assert out.split("\n") == expected if expected is not None else out == text



@pytest.mark.parametrize("text, expected", [
    ("0 N* Q, G& X8 o. O' h  第一条 为规范志愿者注册工作", "  第一条 为规范志愿者注册工作"),  # b166 008: at a line's head
    ("国卫办医政函〔2023〕199号/ G; t3 d8 f* N* I# ~\n各省", "国卫办医政函〔2023〕199号\n各省"),  # b610 005: at its end
    ("第二章 注册' L& w, Y* N6 t\n", "第二章 注册\n"),
    ("| | | | | |", "| | | | | |"),             # a table's bars: no letters or digits
    ("1 + 2 = 3 的公式", "1 + 2 = 3 的公式"),      # too few marks
    ("A B C D 四级", "A B C D 四级"),              # letters only
])
def test_forum_jammer(text, expected):
    assert C.forum_jammer(text) == expected


@pytest.mark.parametrize("text, expected", [
    # session 28: a document-sharing site's watermark, wherever the preview's page broke (b755 002, b846 013, b862 007)
    ("经营单位整改;二级下载后可任意编辑重大事故隐患由市安委会办", "经营单位整改;二级重大事故隐患由市安委会办"),
    ("施。精品文档---下载后可任意编辑 (二)灭蚊。", "施。 (二)灭蚊。"),
    ("下载后可任意编辑成都市技术合同认定登记办事指南", "成都市技术合同认定登记办事指南"),
    ("注意事项下载后可任意编辑\n1.申请", "注意事项\n1.申请"),
    ("下载后请仔细核对", "下载后请仔细核对"),  # no watermark
])
def test_share_watermarks(text, expected):
    assert C.share_watermarks(text) == expected
