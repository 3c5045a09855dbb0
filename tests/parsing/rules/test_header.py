"""header stage rules."""
import pytest

from measures.parsing import header as H
from measures.parsing.context import ParseContext
from measures.parsing.knowledge import Gazetteer, Knowledge

from ..conftest import REGIONS

CTX = ParseContext()


@pytest.mark.parametrize("text, expected", [
    ("2021年09月03日 18:30:00", "2021-09-03"), ("2019年9月5", "2019-09-05"), ("2024/12/02", "2024-12-02"),
    ("2024-7-9", "2024-07-09"), ("二〇二四年七月九日", "2024-07-09"), ("二○二三年十二月三十一日", "2023-12-31"),
    ("2022年12月", None), ("2022年13月1日", None), ("", None), (None, None), ("无", None),
])
def test_parse_date(text, expected):
    assert H.parse_date(text) == expected


@pytest.mark.parametrize("line, expected", [
    ("索引号：SY001 发布日期：2024-12-02", {"index": "SY001", "published": "2024-12-02"}),
    ("发文字号：渝北府办发〔2023〕51号", {"doc_number": "渝北府办发〔2023〕51号"}),
    ("索引号 SY0000123 主题分类 综合政务", {"index": "SY0000123", "topic": "综合政务"}),
    ("| 成文日期：2024-01-02 | 效力状态：有效 |", {"signed": "2024-01-02", "status": "有效"}),
    ("時間：2024-05-06", {"published": "2024-05-06"}),
    ("发文机构:吉安市人民政府 | 发文时间:2023-10-12", {"issuer": "吉安市人民政府", "published": "2023-10-12"}),
    ("时间：上午九点", {}),  # 时间/日期 only with a year
    ("本市于发布日期：前完成", None),  # a label inside a sentence
    ("加强知识产权保护", None),
    # b82 008: a colonless label opens a row that also has a pair with a colon
    ("文      号 洪政办〔2025〕1号 信息分类: 综合政务", {"doc_number": "洪政办〔2025〕1号", "topic": "综合政务"}),
    # b83 012: long labels glued to their values
    ("    發文單位大冶市人民政府辦公室 發文字號大冶政規〔2023〕4號", {"issuer": "大冶市人民政府辦公室", "doc_number": "大冶政規〔2023〕4號"}),
    ("发文单位要加强领导", None),   # one glued label in a sentence is none
    # b173 007: a law site's 颁布 labels
    ("颁布时间:2015-07-07 00:00:00.000 发文单位:重庆市人民政府", {"published": "2015-07-07 00:00:00.000", "issuer": "重庆市人民政府"}),
    # b323 001: an empty label's colon, then the date's label
    ("浏览量:时间:2023-07-02 07:44:46", {"published": "2023-07-02 07:44:46"}),
    # b552 004 (session 21): an encyclopedia's box, label and value in cells
    ("中文名 | 重庆市城市综合管廊管理办法 | 发布单位 | 重庆市人民政府 |",
     {"title": "重庆市城市综合管廊管理办法", "issuer": "重庆市人民政府"}),
    # b556 002 (session 21): a mirror's mojibake question marks inside the label
    ("標??題: | 安徽省人民政府關于銅陵市省級以上開發區優化整合方案的批復 | ||",
     {"title": "安徽省人民政府關于銅陵市省級以上開發區優化整合方案的批復"}),
    # b438 009: a short label spread over its cell, glued to the title before it
    ("名   稱:省發改委 省能源局關于建立新型儲能價格機制的通知文   號:", {"title": "省發改委 省能源局關于建立新型儲能價格機制的通知"}),
    ("名   称:关于X的通知文   号:鄂发改价管〔2025〕1号", {"title": "关于X的通知", "doc_number": "鄂发改价管〔2025〕1号"}),
    ("名称:关于调整文号:的说明", {"title": "关于调整文号:的说明"}),  # a label written closed up is no spread label
    # b494 010: a table row between bars
    ("| 索引號 | 01526265-2/20220619-00003 | 發布機構 | 龍陵縣教育體育局 |",
     {"index": "01526265-2/20220619-00003", "issuer": "龍陵縣教育體育局"}),
    ("| 公開目錄 | 重要政策執行情況 | 發布日期 | 2022-06-19 |", {"topic": "重要政策執行情況", "published": "2022-06-19"}),
    ("发文标题: 武汉市人民政府关于加快促进企业技术改造若干支持政策的通知",  # b629 001: a law database's header
     {"title": "武汉市人民政府关于加快促进企业技术改造若干支持政策的通知"}),
    ("(原标题:固安县创建国家卫生县指挥部关于在公共场所禁止吸烟的通告)",  # b776 002: a news site's note in brackets
     {"title": "固安县创建国家卫生县指挥部关于在公共场所禁止吸烟的通告"}),
    ("(2014年5月29日四川省第十二届人民代表大会常务委员会第九次会议通过)", None),  # no label: no metadata
    # b824 005, b831: an item of a power list or a service guide names itself and the body that acts
    ("事项名称 受理侵犯世界博览会标志专有权行为举报", {"title": "受理侵犯世界博览会标志专有权行为举报"}),
    ("实施主体 昌邑市市场监督管理局", {"issuer": "昌邑市市场监督管理局"}),
    ("第三条【实施主体】 深圳市前海管理局负责统筹外资奖励专项资金。", None),  # b491 007: an article's caption
])
def test_labelled_values(line, expected):
    assert H.labelled_values(line, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("发文机关阜阳市人民政府", {"issuer": "阜阳市人民政府"}),  # b877 001: one glued label to a line
    ("发文日期2023年08月18日", {"published": "2023年08月18日"}),
    # b183 009: two glued labels closed up on one line
    ("發文機構武漢市人民政府辦公廳發文字號武政辦〔2020〕1號", {"issuer": "武漢市人民政府辦公廳", "doc_number": "武政辦〔2020〕1號"}),
    ("发文单位要加强领导", {"issuer": "要加强领导"}),  # a sentence can open so too: parse_meta wants a box
    ("时效性现行有效", None),  # a short label is not read glued
    ("加强知识产权保护", None),
])
def test_glued_label_line(line, expected):
    assert H.glued_label_line(line, CTX) == expected


def test_parse_meta_a_box_of_glued_labels_one_to_a_line():
    lines = ["发文机关阜阳市人民政府", "发文日期2023年08月18日", "时效性现行有效", "发文字号阜政办〔2023〕11号",
             "各县、市、区人民政府:"]  # b877 001
    meta, used = H.parse_meta(lines, 5, CTX)
    assert meta == {"issuer": "阜阳市人民政府", "published": "2023年08月18日", "doc_number": "阜政办〔2023〕11号"}
    assert used == {0, 1, 3}
    meta, _ = H.parse_meta(["发文单位要加强领导", "各县、市、区人民政府:"], 2, CTX)
    assert meta == {}  # one glued label alone is a sentence's opening


def test_parse_meta_keeps_a_title_line_that_ends_with_a_date_label():
    lines = ["关于开展本市第四批中小学知识产权教育示范学校创建工作的通知 时间:2020-05-11", "发布日期：2020-05-12"]
    meta, used = H.parse_meta(lines, 2, CTX)
    assert meta == {"published": "2020-05-11"}
    assert used == {1}   # the first line still offers the title


def test_parse_meta_a_sharing_sites_upload_date():
    meta, _ = H.parse_meta(["b****8 文档编号:9303079 上传时间:2023-02-04 格式:DOCX"], 1, CTX)  # b525 003
    assert H.parse_date(meta.get("uploaded")) == "2023-02-04"
    meta, _ = H.parse_meta(["录入时间:2022年07月18日 来源:中山市"], 1, CTX)  # b514 011
    assert H.parse_date(meta.get("uploaded")) == "2022-07-18"


def test_parse_meta_an_empty_date_label_takes_no_name_below():
    lines = ["文  号:川办发〔2018〕42号", "废止日期:", "四川省人民政府办公厅", "关于印发四川省…实施方案的通知"]
    meta, used = H.parse_meta(lines, 4, CTX)
    assert meta == {"doc_number": "川办发〔2018〕42号"} and used == {0, 1}   # the name stays a head line (b29 012)
    meta, used = H.parse_meta(["废止日期:", "2020-01-01"], 2, CTX)
    assert meta == {"repealed": "2020-01-01"} and used == {0, 1}


@pytest.mark.parametrize("note, expected", [
    ("根据2021年9月29日河北省第十三届人民代表大会常务委员会第二十五次会议《关于修改〈河北省技术市场条例〉等十四部法规的决定》"
     "修正 2022年7月28日河北省第十三届人民代表大会常务委员会第三十二次会议修订)", "2022-07-28"),  # b32 005
    (" 2010年9月29日甘肃省第十一届人民代表大会常务委员会第十七次会议第一次修订 2012年11月28日甘肃省第十一届"
     "人民代表大会常务委员会第三十次会议第二次修订)", "2012-11-28"),
    (")", None),   # adopted, never revised
    ("。2023年5月1日起施行", None),
    # b89 003: an amendment closed by 修改, then a revision
    (" 根据1997年11月14日吉林省第八届人民代表大会常务委员会第三十四次会议《关于修改〈吉林省反不正当竞争条例〉的决定》修改 "
     "2025年9月23日吉林省第十四届人民代表大会常务委员会第十九次会议修订)", "2025-09-23"),
])
def test_latest_revision(note, expected):
    assert H.latest_revision(note, adopted=True) == expected


@pytest.mark.parametrize("note, adopted, expected", [
    # b89 003: after adoption, 修改 closes an amendment
    (" 根据1997年11月14日吉林省第八届人民代表大会常务委员会第三十四次会议《关于修改〈吉林省反不正当竞争条例〉的决定》修改)", True,
     "1997-11-14"),
    # b472 005: a decree's rule amended by other decrees keeps its first date (the gold's reading)
    (",根据2004年7月21日杭州市人民政府令第206号《杭州市人民政府关于修改〈…〉等24件市政府规章部分条款的决定》第一次修改)", False,
     None),
])
def test_latest_revision_amended_only_after_adoption(note, adopted, expected):
    assert H.latest_revision(note, adopted=adopted) == expected


NOTE_LINES = ["(1996年9月23日山西省第八届人民代表大会常务委员会第二十四次会议通过",
              "根据2011年12月1日山西省第十一届人民代表大会常务委员会第二十六次会议关于修改部分地方性法规的决定修正",
              "2022年9月28日山西省第十三届人民代表大会常务委员会第三十七次会议修订)",
              "第一条 为了实施《中华人民共和国反不正当竞争法》,…"]


@pytest.mark.parametrize("lines, expected", [
    (NOTE_LINES, "".join(NOTE_LINES[1:3])),  # b763 007: the note over three lines
    (["(2014年5月29日…会议通过)", "第一条 …"], ")"),  # closed on its line
    (NOTE_LINES[:1] + ["第一条 为了…", "第二条 …", "第三条 …", "第四条 …"], ""),  # never closed: that line only
    (["2014年5月29日…会议通过", "根据2011年…修正)"], ""),  # no bracket opened before it
])
def test_history_note(lines, expected):
    start = lines[0].index("通过") + 2
    assert H.history_note(lines, 0, start, CTX) == expected


@pytest.mark.parametrize("region, hint, expected", [
    ({"province": "天津市", "city": None}, "city", "province"),   # b32 012: 本市 in a municipality
    ({"province": "江苏省", "city": None}, "city", "city"),
    ({"province": "上海市", "city": None}, "district", "district"),
    ({"province": None, "city": None}, None, None),
])
def test_municipal_level(region, hint, expected):
    assert H.municipal_level(region, hint) == expected


def test_parse_meta_a_law_databases_box():
    lines = ["•【制定机关】延安市科学技术局", "•【公布日期】2018.03.23", "•【字号】延市科发〔2018〕24号", "字号：大 中 小"]
    meta, used = H.parse_meta(lines, 4, CTX)   # (b34 003); the page tool 字号 outside brackets is no 文号
    assert meta == {"issuer": "延安市科学技术局", "published": "2018.03.23", "doc_number": "延市科发〔2018〕24号"}
    assert used == {0, 1, 2}


def test_parse_meta_labels_alone_and_bracketed():
    lines = ["[发文字号] 渝北府办发〔2023〕51号", "成文日期", "2023-05-06", "正文"]
    meta, used = H.parse_meta(lines, 40, CTX)
    assert meta == {"doc_number": "渝北府办发〔2023〕51号", "signed": "2023-05-06"} and used == {0, 1, 2}


@pytest.mark.parametrize("title, expected", [
    ("《沈阳市知识产权保护方案》", "沈阳市知识产权保护方案"),
    ("沈阳市知识产权保护方案（征求意见稿）", "沈阳市知识产权保护方案"),
    ("沈阳市知识产权保护方案（已废止）", "沈阳市知识产权保护方案"),
    ("珠海市知識產權保護辦法（廢止）", "珠海市知識產權保護辦法"),
    ("番禺區品牌獎勵實施和管理辦法 (徵求意見稿)", "番禺區品牌獎勵實施和管理辦法"),  # a Traditional draft mark
    ("深圳市專利申請資助管理辦法第壹章", "深圳市專利申請資助管理辦法"),  # the first chapter's number glued on
    ("沈阳市（试行）方案", "沈阳市（试行）方案"),
    ("(荆门市)荆门市市场监管“十四五”规划", "荆门市市场监管“十四五”规划"),  # a site's place tag (b33 011)
    ("(试行)荆门市市场监管办法", "(试行)荆门市市场监管办法"),
    # a draft's stage in one mark (session 21, b557): a run of draft words
    ("深圳經濟特區全面禁止食用野生動物條例(草案征求意見稿)", "深圳經濟特區全面禁止食用野生動物條例"),
    ("遵义市地方立法条例(修订草案)", "遵义市地方立法条例"),
    ("湘西土家族苗族自治州自治条例(修正草案·二审稿)", "湘西土家族苗族自治州自治条例"),
    ("厦门经济特区社会信用条例(草案修改二稿 征求意见稿)", "厦门经济特区社会信用条例"),
    ("某市物业管理条例(修订)", "某市物业管理条例(修订)"),  # an edition, no draft
    ("自然资源部关于发布深地国家科技重大专项2026年度公开项目申报指南的通知发布机构:自然资源部发布日期:2026-02-10",
     "自然资源部关于发布深地国家科技重大专项2026年度公开项目申报指南的通知"),  # b194 004: the page's metadata run on
])
def test_clean_title(title, expected):
    assert H.clean_title(title, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("《黑龍江省促進(jìn)科技成果轉化條例》2016年修訂版(全文)", "《黑龍江省促進(jìn)科技成果轉化條例》"),
    ("《某省专利条例》(全文)", "《某省专利条例》"), ("《某省专利条例》最新版", "《某省专利条例》"),
    ("《中共中央 國務院關于促進中醫藥傳承創新發展的意見》全文", "《中共中央 國務院關于促進中醫藥傳承創新發展的意見》"),  # b149 002
    ("《北京市控制吸烟条例》前十条之规定", "《北京市控制吸烟条例》"), ("《某条例》(节选)", "《某条例》"),  # b320 012: the part shown
    ("《某条例》第十条规定", "《某条例》"),
    ("《内蒙古自治区安全生产条例》第六十三条——第六十四条", "《内蒙古自治区安全生产条例》"),  # b711 010: the articles shown
    ("《中华人民共和国外商投资法实施条例》英文版全文", "《中华人民共和国外商投资法实施条例》"),  # b513 002: a translation's page
    ("《某办法》(中英对照)", "《某办法》"),
    # near misses: the notice issues more than the quoted title; nothing after it; no 《》
    ("《“十三五”国家知识产权保护和运用规划》重点任务分工方案", "《“十三五”国家知识产权保护和运用规划》重点任务分工方案"),
    ("《某省专利条例》", "《某省专利条例》"), ("某省专利条例2016年修订版", "某省专利条例2016年修订版"),
])
def test_without_edition_tail(title, expected):
    assert H.without_edition_tail(title, CTX) == expected


@pytest.mark.parametrize("notice, expected", [
    ("沈阳市人民政府关于印发沈阳市知识产权保护方案的通知", "沈阳市知识产权保护方案"),
    ("省政府办公厅关于转发《省知识产权局关于加强保护的意见》的通知", "省知识产权局关于加强保护的意见"),
    ("中共湖北省委办公厅 湖北省人民政府办公厅印发《关于强化知识产权保护的若干措施》的通知", "关于强化知识产权保护的若干措施"),
    # a title that cites another inside it (b28 004), and near misses: an issuer before the 《》, nothing after
    ("市场监管总局等16部门关于印发贯彻实施《国家标准化发展纲要》行动计划的通知", "贯彻实施《国家标准化发展纲要》行动计划"),
    ("市政府办公室关于转发省政府《关于加强知识产权保护的意见》的通知", "关于加强知识产权保护的意见"),
    ("区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知",
     "2023年区《政府工作报告》确定的主要目标任务责任分解方案"),  # b30 008
    ("关于印发《沈阳市知识产权保护办法》实施细则的通知", "《沈阳市知识产权保护办法》实施细则"),  # (the older rule)
    ("关于加强知识产权保护的意见", None),
    ("遂宁市人民政府办公室关于印发的通知", None),  # b462 004: the site dropped the 《》 and their titles
    # a consultation notice that names its draft before the verb (session 21, b557 003, b37 005, b201 003)
    ("关于《鄂尔多斯市黄河河道管理条例(草案)》公开征求意见的公告", "鄂尔多斯市黄河河道管理条例"),
    ("金华市农业农村局关于《金华市区乡村振兴支持政策三十条》 第二次公开征求意见的公告", "金华市区乡村振兴支持政策三十条"),
    ("德州市城市管理局發布關于對《德州市供熱條例(草案征求意見稿)》公開征求意見的公告", "德州市供熱條例"),
])
def test_title_from_notice(notice, expected):
    assert H.title_from_notice(notice, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("中山市知识产权专项资金管理办法", True), ("中山市知识产权专项资金管理办法(2024年修订)", True),
    ("《关于印发某某方案的通知》", True), ("某市知识产权保护规划(2021—2025年)", True),
    ("技术性贸易措施资源", False),   # b83 007: a site's subtitle names a genre in passing
    ("东莞市石龙镇高新技术企业奖励政策:石龙镇推动经济高质量发展产业转型升级实施办法", True),
    ("國務院關于同意設立福州新區的批復", True),   # b390 009: a reply is a document of its own
    ("嘉兴市突发公共卫生事件应急预案", True), ("吉林省公共机构节约能源资源考核工作规程", True),  # b413 007, b537 007
    ("乡镇“四议两公开”工作制度", True), ("知识产权服务规范", True),
    ("泾阳县2016年重点工作任务分解", True), ("浙江省2024年政府工作报告重点工作责任分解表", True),  # b473 006, b188 004
    ("永兴县人民政府森林防火禁火令", True), ("岳陽市君山區人民政府森林防火禁令", True),  # b600: a ban by order
    ("金凤区2025年民生 “十心” 实事", True), ("2023年连云港市民生实事项目", True),  # b1039 011, b414: livelihood projects
])
def test_genre_at_end(line, expected):
    assert H.genre_at_end(line, CTX) is expected


@pytest.mark.parametrize("line, expected", [
    ("中华人民共和国统计法", True), ("中華人民共和國電子商務法", True),   # b1273 001, b923 009
    ("反不正当竞争法", True), ("《中华人民共和国慈善法》", True), ("四川省华侨投资权益保护法", True),
    ("电子商务法(草案三次审议稿)", True), ("中华人民共和国统计法(2009年修订)", True),
    ("中华人民共和国统计法》《", False),   # b646 006: a name cut from a list of citations
    ("怀远县全面推广证明事项告知承诺制实施方案怀府法", False),   # b420 004: a title run into its 文号
    ("某市知识产权管理办法", False), ("依法", False), ("坚持依法行政和综合执法", False), ("科学计算方法", False),
])
def test_law_title(line, expected):
    assert H.law_title(CTX.fold(line), CTX) is expected


@pytest.mark.parametrize("title, expected", [
    ("中华人民共和国统计法(2009年修订)", "中华人民共和国统计法"),   # b1274 001
    ("中华人民共和国农产品质量安全法(第二章 农产品质量安全标准)", "中华人民共和国农产品质量安全法"),   # b1135 001
    ("促进科技成果转化法(8)", "促进科技成果转化法"),   # b1306 001: a site's serial number
    ("中华人民共和国数据安全法 第三章 数据安全制度", "中华人民共和国数据安全法"),   # b368 005
    ("中华人民共和国反不正当竞争法(最新修正版)全文", "中华人民共和国反不正当竞争法"),   # b1113 001
    ("中华人民共和国电子商务法 第四十二条", "中华人民共和国电子商务法"),   # b1132 001: the one article on the page
    ("电子商务法(草案三次审议稿)", "电子商务法(草案三次审议稿)"),   # a draft keeps its mark
    ("中山市知识产权专项资金管理办法(2024年修订)", "中山市知识产权专项资金管理办法(2024年修订)"),   # not a law
])
def test_law_edition_off(title, expected):
    assert H.law_edition_off(title, CTX) == expected


def test_a_law_named_alone_titles_its_page():
    """b1273 001, b1274 001: a page of a law's articles whose title line is the law's name."""
    from measures.parsing import parse_document
    text = ("发布日期:2021-08-26\n中华人民共和国统计法\n(2009年6月27日第十一届全国人民代表大会常务委员会第九次会议修订)\n"
            "第一章 总则\n第一条 为了科学、有效地组织统计工作,制定本法。\n第二条 本法适用于各级人民政府。\n")
    assert parse_document(text, source="law.txt")["document"]["title"] == "中华人民共和国统计法"
    cited = "【法律】《中华人民共和国矿山安全法》第三十四条 |\n第一条 检查非煤矿山。\n第二条 检查尾矿库。\n"
    assert parse_document(cited, source="cited.txt")["document"]["title"] is None


@pytest.mark.parametrize("line, expected", [
    ("沈阳市知识产权保护工作方案", True), ("关于加强知识产权保护的实施意见", True),
    ("为加强知识产权保护，制定本方案。", False), ("一、工作方案", False), ("发布日期：2024年工作要点", False),
    ("首页", False), ("各区人民政府、市政府各部门工作", False),
    ("关于对2011年下半年以来获得中国驰名商标和新疆著名商标认定企业进行奖励的通报", True),  # b85 011: a 通报
    ("高新技术企业认定网 > 资助项目 > 深圳市资助项目 > 深圳市其他政策项目 >", False),  # a breadcrumb trail
    ("以下是本次政策的具体内容:", False), ("现将有关具体事项通知如下：", False),  # b318 009: a lead-in, no title
    ("人事信息 重點工作 行政執法 科普宣傳 參政議政 工作流程 工作規則 其他信息", False),  # b428 007: a site's menu
    ("商丘燃煤锅炉治理资金补贴标准", True), ("涵江区法律援助办案补贴标准", True),  # b676 008, b319 010: amounts by title
    ("全网唯一标准王", False),  # 标准 alone names no genre (GENRE_WORDS holds 补贴标准 …, not 标准)
    ("国家知识产权局关于同意建设中国(天津)知识产权保护中心的函", True),  # b684 003: a letter
    ("岫岩满族自治县危险化学品事故灾难应急预案", True),  # b677 004: a plan for emergencies
    ("40个工作日", False), ("90个工作日", False),  # b799 003: a service guide's time limit, 工作日 no genre
    # session 29: a table published as the document (b905 002); an attachment's name is no title (b08 006)
    ("2022年度市县民生实事未完成项目进度表(截至10月31日)", True), ("知识产权保护目标考核评分表", True),
    ("附件2011第五届中国专利周广东省各市活动项目表", False), ("附件1 申报项目一览表", False),
])
def test_title_like(line, expected):
    assert H.title_like(line, CTX) is expected


@pytest.mark.parametrize("line, expected", [
    ("…的通知（已废止）", ("…的通知", True)), ("《某方案》", ("某方案", False)), ("某通知【失效】", ("某通知", True)),
    ("某通知（试行）", ("某通知（试行）", False)),
])
def test_without_status_mark(line, expected):
    assert H.without_status_mark(line, CTX) == expected


@pytest.mark.parametrize("text, expected", [
    ("沈阳市人民政府关于印发沈阳市知识产权保护方案的通知", True),
    ("市政府办公室印发《某方案》的通知", True),
    ("关于公开征求《某办法（征求意见稿）》意见的通知", True),
    ("四川省科学技术厅关于面向社会公开征求《四川省“十四五”技术要素市场专项规划》意见的公告", True),  # b481 012
    ("关于加强知识产权保护的意见", False),
    ("关于《湘西土家族苗族自治州自治条例》(修正草案·二审稿)公开征求意见的通知", True),  # the draft, then the verb
    ("关于《某条例》实施情况的通报", False),  # a 《》 after 关于 that nobody is asked to comment on
    ("市政府印发了方案的通知" + "很长" * 80, False),
    ("关于公布广东省特色农产品优势区名单的通知", False),  # a list made known: its own document (b29 009)
    ("佛山市人民政府办公室印发佛山市城镇排水管理办法的通知", True),  # b289 004: no 《》, no 关于, the policy named
    ("市政府办公室印发工作情况的通知", False),  # no policy named
    ("第一条根据财政部、国家知识产权局关于做好2015年工作的通知、北京市人民政府办公厅印发关于加强市级政府投资基金管理的若干意见的通知",
     False),  # b111 007: an article citing notices
    # b473 005: 下达 issues a plan; money allocated by 下达 is the notice's own matter (folded, as is_notice reads)
    ("丽水市人民政府关于下达2020年丽水市国民经济和社会发展计划的通知", True),
    ("双牌县民政局双牌县财政局关于下达2019年度福利彩票公益金的通知", False),
    ("上海市民政局关于下达2025年民心工程和为民办实事项目任务指标的通知", False),
])
def test_is_notice(text, expected):
    assert H.is_notice(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("关于公布广东省特色农产品优势区名单的通知", True),
    ("省知识产权局关于发布2023年度知识产权示范企业名单的通知", True),
    ("关于公布《XX市专利资助名单管理办法》的通知", False),  # an issued document in 《》
    ("关于印发知识产权优势企业名单管理办法的通知", False),  # 印发 issues a policy
    ("关于发布XX市知识产权保护办法的通知", False),
    ("商务部等5部门关于公布中华老字号复核结果的通知", True),  # b103 004
    ("教育部办公厅关于公布第一批乡村温馨校园建设典型案例学校名单暨启动第二批乡村温馨校园推荐工作的通知", True),  # b104 006
    ("关于发布国家重点保护野生植物名录管理办法的通知", False),  # a list noun inside a policy's name
    ("工业和信息化部关于公布2023年团体标准应用示范项目的通告", True),  # b310 007: the projects chosen
    ("关于发布2023年度示范项目申报指南的通知", False),  # a guide is a policy
    ("黑龙江省人民政府关于公布第一批历史文化街区的通知", True),  # b349 010: a batch of places chosen
    ("关于公布第三批省级特色小镇的通知", True), ("关于公布第二批试点实施方案的通知", False),  # a policy noun ends it
])
def test_list_notice(text, expected):
    assert H.list_notice(text) is expected


@pytest.mark.parametrize("issuer, expected", [
    ("云南省科學技術廳云南省財政廳", "云南省科學技術廳、云南省財政廳"),  # b146 005 (round 10 in view)
    ("中共寧德市委辦公室寧德市人民政府辦公室", "中共寧德市委辦公室、寧德市人民政府辦公室"),
    ("云南省科学技术厅", "云南省科学技术厅"), ("江苏省人民政府办公厅", "江苏省人民政府办公厅"),
    ("市局办公室", "市局办公室"),
    ("宜昌市发改委市教育局市财政局", "宜昌市发改委、市教育局、市财政局"),  # b284 012: the level only after a placed name
    ("宜昌市市场监督管理局", "宜昌市市场监督管理局"), ("湛江市工商行政管理局霞山分局", "湛江市工商行政管理局霞山分局"),
])
def test_run_together_issuers(issuer, expected):
    from measures.parsing.knowledge import default_knowledge
    assert H.run_together_issuers(issuer, ParseContext(default_knowledge())) == expected


@pytest.mark.parametrize("number, expected", [
    ("发利用的实施意见湘政办发〔2025〕25号", "湘政办发〔2025〕25号"),  # b144 009: the title glued before it
    ("国办发〔2021〕7号", "国办发〔2021〕7号"), ("国知发管字〔2017〕6号", "国知发管字〔2017〕6号"),
    ("第一条根据", "第一条根据"),  # no 〔: left alone
    ("文件编号桐政办〔2022〕24号", "桐政办〔2022〕24号"),  # b149 008: the metadata's label glued on
    ("政府辦公廳發文字號武政辦〔2020〕1號", "武政辦〔2020〕1號"),  # b183 009: a Traditional label, its office first
])
def test_number_prefix_only(number, expected):
    assert H.number_prefix_only(number) == expected


@pytest.mark.parametrize("found, below, expected", [
    ("威海市荣成市人民政府办公室关于印发荣成市中小企业应急转贷资金管理办法的通知",
     "荣成市人民政府办公室关于印发荣成市中小企业应急转贷资金管理办法的通知", True),  # b143 006
    ("关于印发荣成市中小企业应急转贷资金管理办法的通知", "印发荣成市中小企业应急转贷资金管理办法的通知", False),  # no place
    ("荣成市人民政府办公室关于印发…的通知", "荣成市人民政府办公室关于印发…的通知", False),  # the same line
])
def test_place_prefixed(found, below, expected):
    from measures.parsing.knowledge import default_knowledge
    assert H.place_prefixed(found, below, ParseContext(default_knowledge())) is expected


@pytest.mark.parametrize("found, below, expected", [
    ("首页实用材料规章办法湘潭市人民政府关于印发《湘潭市“十四五” 教育事业发展规划》的通知",
     "湘潭市人民政府关于印发《湘潭市“十四五” 教育事业发展规划》的通知", True),  # b709 002
    ("网站首页湘潭市人民政府关于印发规划的通知", "规划的通知", False),  # what is left is no notice of its own
    ("湘潭市人民政府关于印发《甲规划》的通知", "关于印发《甲规划》的通知", False),  # no trail: the issuer is no site's
])
def test_crumb_prefixed(found, below, expected):
    assert H.crumb_prefixed(found, below, CTX) is expected


@pytest.mark.parametrize("line, expected", [
    ("(界首市)界首市人民政府關于印發界首市“十四五”生態環境保護規劃的通知",
     "界首市人民政府關于印發界首市“十四五”生態環境保護規劃的通知"),  # b709 003
    ("(湖北省)武汉市2023年工作方案", "(湖北省)武汉市2023年工作方案"),  # not an echo (site_tags takes it from titles)
    ("(荆门市)荆门市知识产权规划", "荆门市知识产权规划"),  # in a title too
    ("(2024年)工作要点", "(2024年)工作要点"),  # no echo
])
def test_echoed_place_tag(line, expected):
    from measures.parsing.knowledge import default_knowledge
    assert H.echoed_place_tag(line, ParseContext(default_knowledge())) == expected


@pytest.mark.parametrize("found, below, expected", [
    ("國家林業局印發《林業植物新品種保護行政執法辦法》的通知", "國家林業局關于印發《林業植物新品種保護行政執法辦法》的通知", True),  # b35 001
    ("国家林业局印发《甲办法》的通知", "国家林业局关于印发《乙办法》的通知", False),  # another document
    ("国家林业局关于印发《甲办法》的通知", "国家林业局关于印发《甲办法》的通知", False),
])
def test_formal_notice_below(found, below, expected):
    assert H.formal_notice_below(found, below, CTX) is expected




@pytest.mark.parametrize("text, expected", [
    # a national notice citing the measures it follows (b27 011): not this page's title
    ("按照《国家知识产权局关于印发〈国家知识产权强县工程试点、示范县(区)评定管理办法〉的通知》(国知管函", True),
    ("根据《省人民政府关于印发XX省知识产权强省建设纲要的通知", True),
    # the page's own title in 《》, with or without a site prefix
    ("《XX市人民政府关于印发XX市知识产权保护办法的通知", False),
    ("【政策文件】《XX市人民政府关于印发XX市知识产权保护办法的通知", False),
    ("XX市人民政府关于印发《XX市知识产权保护办法》的通知", False),
])
def test_cited_title(text, expected):
    assert H.cited_title(text) is expected


@pytest.mark.parametrize("line, nxt, expected", [
    ("宜昌市人民政府办公室关于印发宜昌市知识产权", "保护和运用“十四五”规划的通知",
     "宜昌市人民政府办公室关于印发宜昌市知识产权保护和运用“十四五”规划的通知"),
    ("宜昌市人民政府办公室关于印发宜昌市知识产权", "保护和运用规划", None),  # no notice ending
    ("关于印发2020年区政府重点工作责任分解的", "通 知", "关于印发2020年区政府重点工作责任分解的通知"),  # b45 003
    ("各县市区：关于做好", "工作的通知", None),
    ("一、关于印发", "方案的通知", None),  # a numbered line
    ("文化和旅游部关于公布第二批国家级", "夜间文化和旅游消费集聚区名单的通知", None),  # a list notice: a title (b279 006)
])
def test_wrapped_notice(line, nxt, expected):
    assert H.wrapped_notice(line, nxt, CTX) == expected


def _header(**kw):
    return H.Header(**kw)


@pytest.mark.parametrize("h, lines, expected", [
    (_header(notice_title="沈阳市人民政府关于印发沈阳市方案的通知"), [], "沈阳市人民政府"),
    (_header(notice_title="市政府关于印发昆山市措施的通知", signer="昆山市人民政府"), [], "昆山市人民政府"),
    # the letterhead above the notice writes the issuer out; the metadata's short name, the title's full one
    (_header(notice_title="市人民政府办公厅关于印发贵阳市方案的通知", notice_line=2), ["文 号: | 筑府办函〔2022〕117号 |",
     "贵阳市人民政府办公厅", "市人民政府办公厅关于印发贵阳市方案的通知"], "贵阳市人民政府办公厅"),
    (_header(meta={"issuer": "区市场监管局"}, title="上海市嘉定区市场监督管理局 上海市嘉定区司法局关于设立知识产权调解工作室的通知"), [],
     "上海市嘉定区市场监督管理局、上海市嘉定区司法局"),
    (_header(meta={"issuer": "区市场监管局"}, title="关于设立知识产权调解工作室的通知"), [], "区市场监管局"),  # nothing fuller
    (_header(meta={"issuer": "杭州市人民政府办公室"}), [], "杭州市人民政府办公室"),
    (_header(title="沈阳市市场监督管理局关于加强保护的意见"), [], "沈阳市市场监督管理局"),
    (_header(body_start=1), ["沈阳市人民政府印发了本方案", "正文"], "沈阳市人民政府"),
    (_header(meta={"source": "某市司法局  2024-01-02"}), [], "某市司法局"),
    (_header(meta={"issuer": "中共洛阳市委办公室、洛阳市人民政府办公室"},
             notice_title="中共洛阳市委办公室 洛阳市人民政府办公室关于印发某方案的通知"), [],
     "中共洛阳市委办公室、洛阳市人民政府办公室"),
    (_header(), ["正文"], None),
    (_header(title="国家知识产权局2022年工作要点"), [], "国家知识产权局"),  # an organisation, then the plan's year
    (_header(title="某市市场监督管理局2023年知识产权工作计划"), [], "某市市场监督管理局"),
    (_header(title="2023年知识产权工作计划"), [], None),
    # a letterhead "X文件" above a document with no notice or signature (b33 003)
    (_header(title="关于加强中央企业知识产权工作的指导意见"), ["国务院国有资产监督管理委员会文件", "国资发法规[2009]100号",
                                                         "关于加强中央企业知识产权工作的指导意见"], "国务院国有资产监督管理委员会"),
    (_header(), ["请各单位认真学习文件"], None),
    # b121 003: a law database's box writes the province before the name the title gives
    (_header(meta={"issuer": "河北省沧州市人民政府"}, title="沧州市人民政府关于进一步加强食品安全监管工作的意见"), [], "沧州市人民政府"),
    (_header(meta={"issuer": "武汉市人民政府"}, title="市人民政府关于支持氢能产业发展的意见"), [], "武汉市人民政府"),
    (_header(meta={"issuer": "上海市浦东新区知识产权局"}, title="浦东新区知识产权局关于开展试点的通知"), [],
     "上海市浦东新区知识产权局"),  # a municipality's own name before a district's body stays (genre g07)
    # b271 006: a table's short name, the signature's full one
    (_header(meta={"issuer": "区民政局"}, signer="丽水市莲都区民政局"), [], "丽水市莲都区民政局"),
    (_header(meta={"issuer": "区民政局"}, signer="丽水市莲都区财政局"), [], "区民政局"),  # another body signs
])
def test_issuer_of(h, lines, expected):
    assert H.issuer_of(h, lines, CTX) == expected


@pytest.mark.parametrize("issuer, listed, expected", [
    ("中共洛阳市委办公室 洛阳市人民政府办公室", None, "中共洛阳市委办公室、洛阳市人民政府办公室"),
    ("中共洛阳市委办公室 洛阳市人民政府办公室", "中共洛阳市委办公室，洛阳市人民政府办公室", "中共洛阳市委办公室，洛阳市人民政府办公室"),
    ("沈阳市 人民政府", None, "沈阳市 人民政府"),  # "沈阳市" alone is no organisation
    ("漳州市人民政府 漳州军分区", None, "漳州市人民政府、漳州军分区"),  # b327 009: a military body beside the government
])
def test_joint_issuers(issuer, listed, expected):
    assert H.joint_issuers(issuer, listed) == expected


@pytest.mark.parametrize("issuer, expected", [
    ("中共宿州市委宿州市人民政府", "中共宿州市委、宿州市人民政府"),
    ("中共银川市委办公室银川市人民政府办公室", "中共银川市委办公室、银川市人民政府办公室"),  # b34 011
    ("宿州市人民政府办公室", "宿州市人民政府办公室"),
])
def test_glued_joint_issuers(issuer, expected):
    assert H._issuer_form(issuer, CTX) == expected


@pytest.mark.parametrize("text, expected", [
    ("怀仁市人民政府 关于印发全面推进质量强市建设实施方案的 通 知", "怀仁市人民政府关于印发全面推进质量强市建设实施方案的通知"),
    ("盘锦市人民政府办公室关于 印发加快科技双创孵化载体建设实施方案的通知", "盘锦市人民政府办公室关于印发加快科技双创孵化载体建设实施方案的通知"),
    ("2021 年 5 月", "2021 年 5 月"),  # only spaces between Chinese characters go
])
def test_without_layout_spaces(text, expected):
    assert H.without_layout_spaces(text) == expected




@pytest.mark.parametrize("h, lines, expected", [
    (_header(meta={"doc_number": "冀政发[2016] 16号"}), [], "冀政发〔2016〕16号"),
    (_header(meta={"doc_number": "无"}), ["沈政发〔2024〕8号"], None),
    (_header(body_start=2), ["某通知", "（沈政发（2024）8号）", "正文"], "沈政发〔2024〕8号"),
    (_header(), ["珠府〔2018〕66號"], "珠府〔2018〕66號"),
    (_header(), ["根据沈政发〔2024〕8号文件要求"], None),  # inside a sentence
    # after the title on one line, read folded (意見 ends a title as 意见 does; b279 002)
    (_header(zone=1), ["國務院辦公廳關於支持多渠道靈活就業的意見 國辦發〔2020〕27號 2020年7月28日 發布機關:國務院辦公廳 |"],
     "國辦發〔2020〕27號"),
    (_header(body_start=2), ["某乡工作方案", "根据麻反诈打跨办〔2023〕1号《全县工作方案》通知精神,结合我乡实际制定本方案。"], None),  # b346 010: cited
    # b369 002: a journal abstract's "<正>" mark (its ">" already gone), the number run into the addressees
    (_header(body_start=1), ["摘要", "<正鲁政办发[2019]31号各市人民政府,各县(市、区)人民政府:为贯彻落实…"], "鲁政办发〔2019〕31号"),
    (_header(body_start=1), ["摘要", "鲁政办发[2019]31号文件精神"], None),  # a number run into other words
])
def test_doc_number_of(h, lines, expected):
    assert H.doc_number_of(h, lines) == expected


@pytest.mark.parametrize("h, lines, expected", [
    (_header(title="某办法（征求意见稿）", notice_title="关于公开征求《某办法（征求意见稿）》意见的通知"), [], "draft"),
    (_header(title="某方案", expired_mark=True), [], "expired"),
    (_header(title="某方案", meta={"status": "失效"}), [], "expired"),
    (_header(title="某方案", meta={"status": "现行有效"}), [], "in_force"),
    (_header(title="某方案"), ["该文件已废止"], "expired"),
    (_header(title="某方案"), ["加强知识产权保护"], "in_force"),
    # b320 013: a preview's run-on text, the draft mark right after the title
    (_header(title="公共场所控制吸烟条例", body_start=1), ["公共场所控制吸烟条例", "公共场所控制吸烟条例_第1页", "1/5",
                                                         "公共场所控制吸烟条例(送审稿)第一章 总 则第一条 为减少…"], "draft"),
    (_header(title="某条例", body_start=1), ["某条例", "第一条 为了…", "第二条 …", "第三条 …", "第四条 …",
                                             "第五条 审议某条例(草案)时…"], "in_force"),  # not right after the title
    # b455 001: the draft mark spread out, on the title's line
    (_header(title="上海市社会生活噪声污染防治若干规定(草 案)", body_start=1),
     ["上海市社会生活噪声污染防治若干规定(草 案)", "第一条 为了…"], "draft"),
    # b434 003: the stage mark on a line of its own under the title
    (_header(title="郑州市房屋安全管理条例", body_start=1), ["郑州市房屋安全管理条例", "(征求意见稿)", "第一章 总则"], "draft"),
    # b109 001: a mark left on a text its covering notice issues
    (_header(title="丽江市促进退役军人就业创业工作实施方案", body_start=3),
     ["《丽江市促进退役军人就业创业工作实施方案》已经市人民政府同意,现印发给你们,请认真贯彻执行。",
      "丽江市促进退役军人就业创业工作实施方案", "(送审稿)", "一、总体要求"], "in_force"),
])
def test_status_of(h, lines, expected):
    assert H.status_of(h, lines, CTX) == expected


@pytest.mark.parametrize("lines, expected", [
    (["郑州市房屋安全管理条例", "(征求意见稿)"], True),   # b434 003
    (["(讨论稿)"], True),                                 # b168 003: a working draft
    (["(初稿)"], True),                                   # b262 013
    (["征求意见稿)"], True),                              # b598 006: a paren lost
    (["(修订征求意见稿)"], True),                         # b353 001
    (["1、教科書使用作品支付報酬辦法(征求意見稿)第一條 為保護文學、藝術和科學作品作者的著作權"], True),  # b67 004
    (["第一篇:长沙市公共机构节能管理办法长沙市公共机构节能管理办法(征求意见稿)来源:"], True),  # b537 009
    (["根据《某某条例(草案)》的说明,本市…"], False),     # quoted inside 《》
    (["(修订)"], False),                                  # an edition, not a draft
    (["加强知识产权保护", "(试行)"], False),
    (["为做好工作,各单位要对照某某办法(征求意见稿)提出修改意见"], False),  # not after a title at a line's head
    (["第五条 审议某条例(草案)时,应当听取意见"], False),  # an article names a draft
])
def test_draft_stage_marked(lines, expected):
    assert H.draft_stage_marked(lines, CTX) == expected


@pytest.mark.parametrize("lines, title, expected", [
    (["台州市科学技术奖励办法[失效]"], "台州市科学技术奖励办法", True),                 # b146 010: after the title
    (["【已廢止】惠州市文化廣電旅游體育局關于印發…的通知"], None, True),              # b148 012: at the head
    (["(失效)西政办发〔2017〕13号 北京市西城区人民政府"], None, True),                # b576 007
    (["文件登記號: 早期文件無統一編號 有 效 性: 廢止"], None, True),                 # b287 003: a spread label
    (["∙【时效性】失效"], None, True),                                                 # b276 005
    (["本办法已于2024年7月26日废止。"], None, True),                                 # b524 006
    (["(此文件已于2017年12月29日宣布失效)"], None, True),                            # b39 005
    (["*注:本篇法规已被《南京市政府关于废止<南京市内河交通安全管理办法> 等政府规章的决定》废止"], None, True),
    (["有效性:有效", "有效性:失效", "有效性:废止"], None, False),                      # b40 001: a site's filter
    (["失效日期: 2025-06-03"], None, False),                                          # a date alone
    (["原《某办法》(已废止)的规定不再执行"], None, False),                             # a cited document's mark
    (["本办法自2024年1月1日起施行,原办法同时废止。"], None, False),
])
def test_expiry_noted(lines, title, expected):
    assert H.expiry_noted(lines, title, CTX) == expected


@pytest.mark.parametrize("h, lines, expected", [
    (_header(title="青岛市人民政府关于延续执行出租汽车行业管理有关政策的通知", body_start=1),
     ["青岛市人民政府关于延续执行出租汽车行业管理有关政策的通知(2014年6月27日)", "各区、市人民政府:"], "2014-06-27"),
    (_header(title="关于支持非公有制经济健康发展的十条意见", body_start=1),
     ["中共山东省委 山东省人民政府关于支持非公有制经济健康发展的十条意见 (2017年9月5日)"], None),  # not the title's line
    (_header(title="某某办法", body_start=1), ["某某办法(2014年修订)"], None),  # an edition, not a date
])
def test_dated_title_line(h, lines, expected):
    assert H.dated_title_line(h, lines, CTX) == expected


NATIONAL_CTX = ParseContext(Knowledge(regions=REGIONS + [
    {"code": "210100x", "name": "沈阳市税务局", "short_name": "", "level": "city", "parent": None}]))


XINJIANG = {"code": "650000", "name": "新疆维吾尔自治区", "short_name": "新疆", "level": "province", "parent": None}


@pytest.mark.parametrize("issuer, expected", [
    ("国务院", True), ("国务院办公厅", True), ("中共中央、国务院", True), ("中共中央办公厅 国务院办公厅", True),
    ("国家知识产权局", True), ("国家知识产权局办公室", True), ("國家知識產權局", True), ("国家市场监督管理总局", True),
    ("海关总署", True), ("公安部", True), ("国家知识产权局、公安部", True), ("最高人民法院", True),
    ("国务院知识产权战略实施工作部际联席会议办公室", True), ("国家林业和草原局", True),
    ("湖北省人民政府", False), ("国家知识产权局、湖北省人民政府", False), ("国家级经济技术开发区管委会", False),
    ("国家税务总局沈阳市税务局", False), ("市委宣传部", False), (None, False), ("", False),
    ("全国知识产权宣传周活动组委会办公室", True), ("全国打击侵权假冒工作领导小组", True),
    ("市场监管总局、国家发展改革委、工业和信息化部、公安部、商务部、海关总署、药监局", True),
    ("工业和信息化部 中国残疾人联合会", True), ("中国残联", True),  # national people's organisations (b279 003)
    ("药监局", False), ("全国知识产权宣传周活动", False), ("全国知识产权示范城市建设委员会、湖北省人民政府", False),
    ("国家矿山安全监察局", True), ("国土资源部", True), ("国家卫生和计划生育委员会", True),  # b324: 2018's and older names
    ("中華人民共和國最高人民法院", True), ("中华人民共和国商务部", True),  # b547 008, b399 012: the State's name before
    ("中華人民共和國國務院、中華人民共和國中央軍事委員會", True), ("中华人民共和国", False),  # b529 001
])
def test_national_issuer(issuer, expected):
    assert H.national_issuer(issuer, NATIONAL_CTX) is expected


@pytest.mark.parametrize("sources, expected", [
    (["潜江市市政府"], ("湖北省", "潜江市", None, "city")),
    (["湖南省委、省政府"], ("湖南省", None, None, "province")),
    (["沈阳市和平区人民政府"], ("辽宁省", "沈阳市", "和平区", "district")),
    (["和平区人民政府", None, None, None, "天津市和平区"], ("天津市", "天津市", "和平区", "district")),
    (["某某局"], (None, None, None, None)),
    # b499 007: the State lists 新疆生产建设兵团 beside the provinces
    ([None, None, None, None, "支持各省(自治区、直辖市)、新疆生产建设兵团贫困团场"], (None, None, None, None)),
    ([None, None, None, None, "新疆人民政府办公厅"], ("新疆维吾尔自治区", None, None, "province")),
    # b509 012: a pass named by its holders' origin names no place
    ([None, None, None, None, "凭港澳居民来往内地通行证、台湾居民来往大陆通行证、护照享受优待"], (None, None, None, None)),
])
def test_resolve_region(sources, expected):
    got = H.resolve_region(Gazetteer(REGIONS + [XINJIANG]), sources)
    assert (got["province"], got["city"], got["district"], got["level"]) == expected


HE_XIAN = [{"code": "340000", "name": "安徽省", "short_name": "安徽", "level": "province", "parent": None},
           {"code": "340500", "name": "马鞍山市", "short_name": "马鞍山", "level": "city", "parent": "340000"},
           {"code": "340523", "name": "和县", "short_name": "和县", "level": "district", "parent": "340500"}]


@pytest.mark.parametrize("sources, expected", [
    # b328 011: a trusted source's two-character name inside another word (南和县, now 南和区) is no 和县
    (["南和县人工影响天气办公室"], (None, None, None, None)),
    (["和县人民政府"], ("安徽省", "马鞍山市", "和县", "district")),
    (["马鞍山市和县人民政府"], ("安徽省", "马鞍山市", "和县", "district")),
])
def test_resolve_region_name_inside_a_word(sources, expected):
    got = H.resolve_region(Gazetteer(HE_XIAN), sources)
    assert (got["province"], got["city"], got["district"], got["level"]) == expected


@pytest.mark.parametrize("text, name, expected", [
    ("应当会同县级人民政府文化主管部门", "会同县", False),  # 会同 + 县级
    ("在产业基础较好的示范县,打造升级版", "范县", False),  # 示范县
    ("实现从质量立县到品牌兴县的跨越", "兴县", False),
    ("在范县开展试点", "范县", True), ("菏泽市单县人民政府", "单县", True), ("范县人民政府", "范县", True),
    ("会同县人民政府", "会同县", True),
    ("保证泰城、矿区居民食用", "矿区", False), ("阳泉市矿区人民政府", "矿区", True),  # b320 007: a common noun
])
def test_standalone_place(text, name, expected):
    assert H.standalone_place(text, text.index(name), name) is expected


@pytest.mark.parametrize("title, expected", [
    ("中华人民共和国档案法实施办法(3)", True),  # b168 008: a copy's third page
    ("国家湿地公园管理办法", True), ("国务院关于修改部分行政法规的决定", False),  # a decision is no statute title
    ("国家级文化产业示范园区管理办法", False), ("国家、省科学技术奖励项目市配套奖励细则", False),  # b252 010
    ("全国文明城市创建工作方案", False), (None, False),
    ("中华人民共和国统计法", True), ("中华人民共和国公共文化服务保障法", True),  # b1274 001, b1325 003: laws
])
def test_national_statute(title, expected):
    assert H.national_statute(title, CTX) is expected


@pytest.mark.parametrize("text, expected", [
    ("第四条 国务院文化行政部门负责组织、协调和监督全国范围内的保护工作。省级人民政府文化行政部门负责…", True),  # b1289 004
    ("第八条,商务部会同相关部门原则上每3年认定并公布新一批次中华老字号名录。", True),   # b1290 003
    ("第五条 省商务厅负责全省老字号的认定工作。", False), ("市商务局会同有关部门认定。", False),
    ("各地要加强与商务部的沟通。", False),   # the ministry named, not in charge
])
def test_state_in_charge(text, expected):
    assert H.state_in_charge([text], CTX) is expected


ZHUHAI = [
    {"code": "440000", "name": "广东省", "short_name": "广东", "level": "province", "parent": None},
    {"code": "440400", "name": "珠海市", "short_name": "珠海", "level": "city", "parent": "440000"},
    {"code": "440402", "name": "香洲区", "short_name": "香洲", "level": "district", "parent": "440400"},
    {"code": "440403", "name": "斗门区", "short_name": "斗门", "level": "district", "parent": "440400"},
    {"code": "440404", "name": "金湾区", "short_name": "金湾", "level": "district", "parent": "440400"},
]


@pytest.mark.parametrize("text, expected", [
    ("在香洲区、金湾区、斗门区设立不动产登记服务点", True),  # b406 007: the city speaks of its districts
    ("香洲区不动产登记中心负责受理", False),  # one district only
])
def test_sibling_districts(text, expected):
    gaz = Gazetteer(ZHUHAI)
    region = H.resolve_region(gaz, [None, None, None, text])
    assert H.sibling_districts(gaz, text, region) is expected


def test_header_stage_national_document(knowledge):
    ctx = ParseContext(knowledge, lines=["国家知识产权局关于印发某工作方案的通知", "湖北省、湖南省知识产权局：", "一、重点任务",
                                        "1.加强执法。"])
    H.header(ctx)
    d = ctx.document
    assert (d["issuer"], d["level"], d["province"], d["city"], d["district"]) == ("国家知识产权局", "national", None, None, None)


@pytest.mark.parametrize("line, text, number, expired, issuer", [
    ("时政|国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见", "国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见",
     None, False, None),
    ("好律师> 法律法规库> 政策参考> 四川省人民政府关于印发四川省知识产权战略纲要的通知", "四川省人民政府关于印发四川省知识产权战略纲要的通知",
     None, False, None),
    ("渝府发〔2016〕56号《重庆市人民政府关于印发重庆市建设支撑型知识产权强市实施方案的通知》",
     "重庆市人民政府关于印发重庆市建设支撑型知识产权强市实施方案的通知", "渝府发〔2016〕56号", False, None),
    ("江门市人民政府办公室关于印发江门市创建全国质量强市示范城市工作方案的通知 江府办函〔2018〕83号",
     "江门市人民政府办公室关于印发江门市创建全国质量强市示范城市工作方案的通知", "江府办函〔2018〕83号", False, None),
    ("衢州市人民政府办公室关于印发衢州市大力发展数字经济智慧产业实施意见的通知【全文废止】",
     "衢州市人民政府办公室关于印发衢州市大力发展数字经济智慧产业实施意见的通知", None, True, None),
    ("济宁市人民政府关于进一步做好新形势下就业创业工作的意见 |", "济宁市人民政府关于进一步做好新形势下就业创业工作的意见", None, False, None),
    ("1 ― 番禺区品牌奖励实施和管理办法", "番禺区品牌奖励实施和管理办法", None, False, None),
    ("嘉市监知〔2020〕173号上海市嘉定区市场监督管理局 上海市嘉定区司法局关于设立知识产权调解工作室的通知",
     "上海市嘉定区市场监督管理局 上海市嘉定区司法局关于设立知识产权调解工作室的通知", "嘉市监知〔2020〕173号", False, None),
    ("国发〔2016〕86号文件精神", "国发〔2016〕86号文件精神", None, False, None),  # a 文号 opening a phrase, no title after it
    ("省委省政府印发关于贯彻落实《质量强国建设纲要》深化质量强省建设的实施意见",
     "关于贯彻落实《质量强国建设纲要》深化质量强省建设的实施意见", None, False, "省委省政府"),
    ("科技政策 | 关于印发贯彻实施《国家标准化发展纲要》行动计划的通知", "关于印发贯彻实施《国家标准化发展纲要》行动计划的通知",
     None, False, None),  # a section tag and bar with spaces (b28 004)
    ("白银市人民政府办公室关于印发白银市知识产权领域改革方案的通知 | |", "白银市人民政府办公室关于印发白银市知识产权领域改革方案的通知",
     None, False, None),  # a flattened table row's bars (b34 009)
    # the page's date label after the title on its line (b27 009)
    ("关于开展本市第四批中小学知识产权 教育示范学校创建工作的通知 时间:2020-05-11",
     "关于开展本市第四批中小学知识产权 教育示范学校创建工作的通知", None, False, None),
    # the page's bare date after the notice title (b101 002); near miss: a date inside a title stays
    ("关于印发《杨浦区全力加快经济恢复和重振行动方案》的通知 2022-06-08",
     "关于印发《杨浦区全力加快经济恢复和重振行动方案》的通知", None, False, None),
    ("截至 2022-06-08 的统计", "截至 2022-06-08 的统计", None, False, None),
    ("上海市碳達峰實施方案 發布時間:2022-10-10 14:04", "上海市碳達峰實施方案", None, False, None),  # b105 005: Traditional label
    # b144 009: a 文号 glued to the title's end, its prefix read past the title's genre
    ("湖南省人民政府办公厅关于加快湖南省公共数据资源开发利用的实施意见湘政办发〔2025】25号",
     "湖南省人民政府办公厅关于加快湖南省公共数据资源开发利用的实施意见", "湘政办发〔2025】25号", False, None),
    # b606 003: a flip-book's page mark before the title
    ("Page 6 - 内蒙古自治区人民政府关于印发自治区“十四五”残疾人事业发展规划的通知",
     "内蒙古自治区人民政府关于印发自治区“十四五”残疾人事业发展规划的通知", None, False, None),
    # b605 009: a page table's date cell after the title; b605 007: a gazette's date after the title
    ("尧都区人民政府关于启动区级地方公益林生态效益补偿基金的通知 | 添加日期: | 2018-06-18",
     "尧都区人民政府关于启动区级地方公益林生态效益补偿基金的通知", None, False, None),
    ("青岛市人民政府关于延续执行出租汽车行业管理有关政策的通知(2014年6月27日)",
     "青岛市人民政府关于延续执行出租汽车行业管理有关政策的通知", None, False, None),
    ("关于开展桂林市2019年知识产权宣传周活动的通知_桂林旅游政务网", "关于开展桂林市2019年知识产权宣传周活动的通知",
     None, False, None),  # b103 006: the page title's site name
    ("专利导航_服务平台", "专利导航_服务平台", None, False, None),  # near miss: no genre before the site name
    ("国家知识产权局关于进一步提升专利申请质量的若干意见---摘录(2014-1-15)", "国家知识产权局关于进一步提升专利申请质量的若干意见",
     None, False, None),  # b111 003: an excerpt note and the page's date
    ("北京市重点产业知识产权运营基金管理办法-全文及解读.docx", "北京市重点产业知识产权运营基金管理办法", None, False, None),  # b111 007
    ("辽宁省知识产权局关于修订《辽宁省知识产权质押融资风险补偿基金管理办法》的通知(2022).docx",
     "辽宁省知识产权局关于修订《辽宁省知识产权质押融资风险补偿基金管理办法》的通知", None, False, None),  # b111 002
    ("京津冀-全文检索平台", "京津冀-全文检索平台", None, False, None),  # near miss: no genre before the note
    ("江門發明專利申請費用資助試行辦法---佛山信合專利代理關小姐,,。", "江門發明專利申請費用資助試行辦法",
     None, False, None),  # b756 001: who posted the page, after hyphens
    ("烟台市知识产权高质量发展三年行动方案——烟台市建设国家知识产权强市工作方案",  # near miss: a dash opens a subtitle
     "烟台市知识产权高质量发展三年行动方案——烟台市建设国家知识产权强市工作方案", None, False, None),
    ("某市实施方案--补充办法", "某市实施方案--补充办法", None, False, None),  # near miss: a genre after the hyphens
    ("杭州市科学技术局关于印发《杭州市重点科研计划项目管理办法》的通知(附解读)",  # b505 005: a reading attached
     "杭州市科学技术局关于印发《杭州市重点科研计划项目管理办法》的通知", None, False, None),
    ("上海市民政局关于下达2025年民心工程任务指标的通知 ( 2025-01-27 )", "上海市民政局关于下达2025年民心工程任务指标的通知",
     None, False, None),  # b109 008
    # a 文号 glued before the notice title with a dash (b45 012)
    ("阳政办〔2019〕1号—区人民政府办公室关于印发2019年责任分解方案的通知",
     "区人民政府办公室关于印发2019年责任分解方案的通知", "阳政办〔2019〕1号", False, None),
    # b57 005: a spam site's trail joined by dashes before the notice
    ("首页『摩臣5注册登陆』-摩臣5娱乐平台-首页-隆安县人民政府办公室关于印发隆安县财政专项扶贫资金管理办法的通知",
     "隆安县人民政府办公室关于印发隆安县财政专项扶贫资金管理办法的通知", None, False, None),
    # b712 010: the 文号 in brackets before the reply's title
    ("(贺农复〔2021〕27号)贺州市农业农村局关于划定贺州香芋农产品地理标志地域保护范围的批复",
     "贺州市农业农村局关于划定贺州香芋农产品地理标志地域保护范围的批复", "贺农复〔2021〕27号", False, None),
    ("(国办发〔2010〕47号)全文", "(国办发〔2010〕47号)全文", None, False, None),  # no title after it
    # near misses: a title that starts with a year, a citation in brackets after a title
    ("2023年知识产权工作要点", "2023年知识产权工作要点", None, False, None),
    ("京津冀-长三角-粤港澳知识产权协作方案", "京津冀-长三角-粤港澳知识产权协作方案", None, False, None),  # no site word
    ("《关于某事的通知》(国办发〔2010〕47号)", "关于某事的通知》(国办发〔2010〕47号)", None, False, None),
    # round 11 in view: a docshare file name with its copy counter (b152 005), an attachment's file name (b152 010)
    ("镇2023年政府工作要点2.docx", "镇2023年政府工作要点", None, False, None),
    ("附件:關于印發《鶴山市2023年輪作休耕項目實施方案》的通知.pdf", "關于印發《鶴山市2023年輪作休耕項目實施方案》的通知",
     None, False, None),
    ("附件:1.申报表", "附件:1.申报表", None, False, None),  # no 关于 file name: left alone
    ("1,宁波市文物保护点保护条例", "宁波市文物保护点保护条例", None, False, None),  # b281 002: a preview's page mark
    ("12011新野县住房公积金管理办法", "新野县住房公积金管理办法", None, False, None),  # GLUED_DIGITS: a glued list number
    ("80周岁及以上老年人高龄津贴政策", "80周岁及以上老年人高龄津贴政策", None, False, None),  # b671 004: the digits count years
    (",現提出以下意見", ",現提出以下意見", None, False, None),  # a glossed mirror's comma: no mark, no title
    # b441 002: a red-header file's number and issuers run on after its title
    ("关于下达2022年度奖励经费的通知 鄞科协〔2023〕6号 宁波市鄞州区科学技术协会 宁波市鄞州区财政局 文件",
     "关于下达2022年度奖励经费的通知", "鄞科协〔2023〕6号", False, None),
    # b454 012: a page flattened to one line goes on to its salutation: not a title line
    ("费县住房和城乡建设局 关于开展建筑业参加工伤保险工作的通知 费建发〔2016〕51号 各施工企业、有关单位: 根据…",
     "费县住房和城乡建设局 关于开展建筑业参加工伤保险工作的通知 费建发〔2016〕51号 各施工企业、有关单位: 根据…", None, False, None),
])
def test_tidy_head_line(line, text, number, expired, issuer):
    got = H.tidy_head_line(line, CTX)
    assert (got.text, got.doc_number, got.expired, got.issuer) == (text, number, expired, issuer)


@pytest.mark.parametrize("line, expected", [
    ("近日,國務院印發《關于落實〈政府工作報告〉重點工作分工的意見》(以下簡稱《分工意見》)",
     ("國務院", "關于落實〈政府工作報告〉重點工作分工的意見")),
    ("中共中央办公厅 国务院办公厅印发《关于强化知识产权保护的意见》", ("中共中央办公厅 国务院办公厅", "关于强化知识产权保护的意见")),
    ("今日,國家知識產權局 中國銀保監會 國家發展改革委聯合印發《知識產權質押融資入園惠企行動方案(2021—2023年)》",
     ("國家知識產權局 中國銀保監會 國家發展改革委", "知識產權質押融資入園惠企行動方案(2021—2023年)")),
    ("2023年12月,中共山西省委辦公廳、山西省人民政府辦公廳發布《山西省鄉村振興責任制實施細則》,自發布之日起施行。",
     ("中共山西省委辦公廳、山西省人民政府辦公廳", "山西省鄉村振興責任制實施細則")),
    ("7大類139項!《2023年知識產權強國建設綱要和“十四五”規劃實施推進計劃》印發 二維碼",
     (None, "2023年知識產權強國建設綱要和“十四五”規劃實施推進計劃")),
    ("区直及驻区有关单位:《赫山区知识产权扶持奖励办法》已经区人民政府同意,第三条扶持和奖励范围包括…",
     (None, "赫山区知识产权扶持奖励办法")),  # a transmittal sentence with no notice title above it
    # near misses: who published is no organisation; a document cited in a sentence
    ("为贯彻落实国务院关于加快发展的意见，《某规划》提出的任务已经完成", None),
    ("记者近日印发《某方案》", None),
    ("根据国家知识产权局印发的《某方案》要求", None),
    ("加强商标代理机构信用监管,按照国家知识产权局印发《关于商标代理机构重新备案的公告》要求", None),  # b110 010
    ("8月31日,我局印发了《关于认真学习贯彻全国卫生与健康大会精神的通知》", None),  # the issuer cites its own earlier notice
    # b326 008: a space before the verb
    ("中共中央辦公廳 國務院辦公廳 印發《農村人居環境整治提升五年行動方案(2021-2025年)》",
     ("中共中央辦公廳 國務院辦公廳", "農村人居環境整治提升五年行動方案(2021-2025年)")),
    # b489 002: two bodies joined by 聯合, the verb with 制定 before it
    ("近日,中共廣東省委宣傳部聯合廣東省文化和旅游廳制定印發了《關于推動廣東演藝市場高質量發展的若干政策措施》,主要內容如下",
     ("中共廣東省委宣傳部、廣東省文化和旅游廳", "關于推動廣東演藝市場高質量發展的若干政策措施")),
    ("国家知识产权局近日印发《关于加强专利保护的意见》", ("国家知识产权局", "关于加强专利保护的意见")),  # b484 010: the time after them
])
def test_lead_sentence(line, expected):
    assert H.lead_sentence(line, CTX) == expected


@pytest.mark.parametrize("lines, expected", [
    (["中华人民共和国国务院令", "第722号"], ("国务院", "中华人民共和国国务院令第722号")),
    (["广州市人民政府令", "(第21号)"], ("广州市人民政府", "广州市人民政府令第21号")),
    (["国家知识产权局局长令 第二十号"], ("国家知识产权局", "国家知识产权局局长令第二十号")),
    (["國家知識產權局局長令", "(第19號)"], ("國家知識產權局", "國家知識產權局局長令第19號")),  # as written
    (["中华人民共和国农业部令", "2016年 第5号"], ("农业部", "中华人民共和国农业部令2016年第5号")),  # b94 009: within its year
    (["中華人民共和國商務部令", "二〇二〇年 第4號"], ("商務部", "中華人民共和國商務部令二〇二〇年第4號")),  # b94 001
    (["市政府令"], None), (["某某令"], None),  # no number
    (["重慶市人民政府令第 328 號"], ("重慶市人民政府", "重慶市人民政府令第328號")),  # b141 006: 號 as written, one line
    # the heading in brackets (b292 001, 013)
    (["(中华人民共和国国务院令第553 号)"], ("国务院", "中华人民共和国国务院令第553号")),
    (["(中华人民共和国交通运输部令2018年第3号)"], ("交通运输部", "中华人民共和国交通运输部令2018年第3号")),
    (["中华人民共和国商务部令", "(No. 3 [2020]) (2020年第3号)"], ("商务部", "中华人民共和国商务部令2020年第3号")),  # b513 003
    (["临湘市人民政府令", "〔2022〕第1号"], ("临湘市人民政府", "临湘市人民政府令〔2022〕第1号")),  # b600 002: a bracketed year
    # b509 003-005: a standing committee's announcement promulgating a local law (announcement_number)
    (["江苏省人大常委会公告", "(第77号)"], ("江苏省人大常委会", "江苏省人大常委会公告第77号")),
    (["浙江省人民代表大会常务委员会公告(第55号)等"], ("浙江省人民代表大会常务委员会", "浙江省人民代表大会常务委员会公告第55号")),
    (["广东省第十三届人民代表大会常务委员会", "公 告", "(第62号)"],
     ("广东省第十三届人民代表大会常务委员会", "广东省第十三届人民代表大会常务委员会公告第62号")),
    (["温州市第十四届人民代表大会常务委员会公告", "《温州市青年发展促进条例》已于…通过"], None),  # no number
    # a term before the number, its brackets kept as written (b251 003, b336 006)
    (["福建省人民代表大会常务委员会公告", "〔十三届〕第八十二号"], ("福建省人民代表大会常务委员会", "福建省人民代表大会常务委员会公告〔十三届〕第八十二号")),
    (["安徽省人民代表大会常务委员会公告", "(十四届)第五十三号"], ("安徽省人民代表大会常务委员会", "安徽省人民代表大会常务委员会公告(十四届)第五十三号")),
    # the legislature's name broken before 常务委员会 (b608 007)
    (["昌吉回族自治州人民代表大會", "常務委員會公告", "(第5號)"], ("昌吉回族自治州人民代表大會常務委員會", "昌吉回族自治州人民代表大會常務委員會公告第5號")),
    # a ministry's announcement: its name and number on two lines (b329 005), or on one line before the title (announcement_form)
    (["国家知识产权局公告", "第四六七号"], ("国家知识产权局", "国家知识产权局公告第四六七号")),
    (["国家税务总局公告2018年第58号 国家税务总局关于简化小型微利企业所得税年度纳税申报有关措施的公告"],
     ("国家税务总局", "国家税务总局公告2018年第58号")),
    # a year's number whose 号 the page lost, spaced out below the decree's heading (b700 008)
    (["中华人民共和国商务部令", "2009 年 第 3"], ("商务部", "中华人民共和国商务部令2009年第3号")),
    (["中华人民共和国商务部令", "第 3"], None),  # no year: a bare 第3 may be anything
])
def test_order_number(lines, expected):
    assert H.order_number(lines, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("海关总署公告2018年第67号(关于进出口货物报关单申报电子报文格式的公告)", ("海关总署", "海关总署公告2018年第67号")),
    ("财政部 税务总局公告2023年第7号", ("财政部 税务总局", "财政部 税务总局公告2023年第7号")),
    ("公告 2014年 第18號", (None, "公告2014年第18號")),
    ("發文字號農業農村部公告第250號", ("農業農村部", "農業農村部公告第250號")),  # a label glued before it
    ("贵州省人民代表大会常务委员会公告(2025第21号)", ("贵州省人民代表大会常务委员会", "贵州省人民代表大会常务委员会公告2025第21号")),
    ("根据财政部公告2019年第39号规定", None), ("财政部公告2019年第39号规定的", None),  # cited, not a heading
])
def test_announcement_form(line, expected):
    assert H.announcement_form(line) == expected


@pytest.mark.parametrize("number, before, expected", [
    ("十四届)第五十三号", "安徽省人民代表大会常务委员会公告(", "(十四届)第五十三号"),
    ("第45号", "公告", "第45号"), ("〔十三届〕第八十二号", "公告", "〔十三届〕第八十二号"),
])
def test_with_opener(number, before, expected):
    assert H.with_opener(number, before) == expected


@pytest.mark.parametrize("line, expected", [
    ("牟政办发〔201746", "牟政办发〔2017〕46号"), ("(砚发201120 号)", "砚发〔2011〕20号"), ("苏委发〔202230", "苏委发〔2022〕30号"),
    ("牟政辦發〔201746", "牟政辦發〔2017〕46号"), ("(砚發201120 號)", "砚發〔2011〕20號"),  # Traditional
    ("2022821日)", None), ("新区〔2017〕", None), ("加强知识产权保护", None),
])
def test_lost_bracket_number(line, expected):
    assert H.lost_bracket_number(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("2019222", "2019-02-22"), ("{ 2017 6 23", "2017-06-23"), ("2022821日)", "2022-08-21"), ("20191225", "2019-12-25"),
    ("2017111", None),  # 1-11 or 11-1
    ("2019 年", None), ("2019年2月22日", None), ("12345678", None),
])
def test_digit_date(line, expected):
    assert H.digit_date(line) == expected


@pytest.mark.parametrize("lines, i, expected", [
    (["特此通知。", "知识产权局 发展改革委", "农业部 商务部", "二〇一一年九月二十二日"], 3, "知识产权局、发展改革委、农业部、商务部"),
    (["国 家 数 据 局", "中 央 网 信 办", "工业和信息化部", "2023年12月31日"], 3, "国家数据局、中央网信办、工业和信息化部"),
    (["安徽省市场监督管理局（知识产权局）", "2025年3月18日"], 1, "安徽省市场监督管理局（知识产权局）"),
    (["请认真贯彻执行。", "2025年3月18日"], 1, None),
    # b441 002: a science association signs with a bureau
    (["特此告知。", "宁波市鄞州区科学技术协会 宁波市鄞州区财政局", "2023年3月28日"], 2, "宁波市鄞州区科学技术协会、宁波市鄞州区财政局"),
    # b812 002: a traffic police unit signs a road notice
    (["特此通告", "嵊泗县公安局交通警察大队", "2023年5月31日"], 2, "嵊泗县公安局交通警察大队"),
])
def test_signer_above(lines, i, expected):
    assert H.signer_above(lines, i, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("…作用。 特此通知。 附件:第二批国家级知识产权保护规范化市场名单 国家知识产权局办公室 2017年12月26日 联系人:保护协调司",
     ("国家知识产权局办公室", "2017-12-26")),
    ("特此通知。 二〇〇九年三月十一日 (联系人:李强)", None),  # no organisation before the date
    ("国家知识产权局办公室 2017年12月26日", None),  # no sign-off: not a one-line signature
    # the transmittal sentence closes the covering notice; the signature follows it
    ("現將《“十四五”國家知識產權保護和運用規劃》印發給你們,請認真貫徹執行。 國務院 2021年10月9日 (此件公開發布)",
     ("國務院", "2021-10-09")),
    ("请认真贯彻执行，确保2025年底前完成。", None),  # no stop after the closing words: no signature
])
def test_inline_signature(line, expected):
    assert H.inline_signature(line, CTX) == expected


@pytest.mark.parametrize("lines, expected", [
    (["各乡镇人民政府，县直各单位：", "正文"], "district"),
    (["各省、自治区、直辖市知识产权局：", "正文"], "national"),
    (["有关省、自治区、直辖市财政、商务主管部门：", "正文"], "national"),
    (["各區(市)縣政府,市政府各部門:", "正文"], "city"),
    (["各市、州、县人民政府，省政府各部门：", "正文"], "province"),
    (["第一条 为鼓励投资，促进我县经济发展，制定本办法。"], "district"),
    (["发文日期: 2025-04-21 效力状态: 现行有效 各省、自治区、直辖市人民政府,新疆生产建设兵团:为贯彻落实…,现就有关事项通知如下:"],
     "national"),  # b116 008: a one-line page's salutation
    (["按照各省、自治区、直辖市的经验,我市…。"], "city"),  # near miss: named in a sentence, no salutation
    (["加强知识产权保护。"], None),
])
def test_level_hint(lines, expected):
    assert H.level_hint(lines, CTX) == expected


@pytest.mark.parametrize("s, expected", [
    ("国务院办公厅关于发展银发经济 国务院办公厅关于发展银发经济 增进老年人福祉的意见",
     "国务院办公厅关于发展银发经济 增进老年人福祉的意见"),
    ("魅力文明城市创建行动方案 魅力文明城市创建行动方案", "魅力文明城市创建行动方案"),
    ("关于加强 知识产权保护的意见", "关于加强 知识产权保护的意见"),
    ("专利法 专利法实施细则", "专利法 专利法实施细则"),  # a head under six characters: not a restart
    ("大連市專利導航補助暫行辦法大連市專利導航補助暫行辦法", "大連市專利導航補助暫行辦法"),  # b590 001: written twice
    ("条例条例", "条例条例"),  # too short to be a title written twice
])
def test_restarted_title(s, expected):
    assert H.restarted_title(s) == expected


@pytest.mark.parametrize("lines, expected", [
    (["(二)加强配合,形成合力", "在专项行动中,各部门要各司其职。", "(三)加强督导,狠抓落实", "五、时间安排",
      "专项行动分三个阶段进行"], True),
    (["三、保障措施", "加强领导。", "四、附则"], True),
    (["第二條 本條例所稱知識產權海關保護,是指…\" />", "當前位置:首頁 > 外貿知識", "第一條 為了實施知識產權海關保護"], False),
    (["(二)加强配合", "在专项行动中。"], False),  # nothing follows to show it is an item
    (["一、总体要求", "(一)指导思想", "二、主要任务"], False),  # the first item: the page starts at the top
    (["1、推进预制菜产业发展三年行动方案", "2、为适应消费升级"], False),  # docshare line numbers
])
def test_starts_mid_document(lines, expected):
    assert H.starts_mid_document(lines) is expected


@pytest.mark.parametrize("lines, expected", [
    (["到2023年，全市养老服务床位数达到1.35万张。", "（市民政局牵头）"], "city"),
    (["全县粮食播种面积稳定在30万亩，县政府统筹，全市排名前列。"], "district"),  # 全县 ×1 + 县政府 ×1 over 全市 ×1
    (["全省各地要加强领导，省政府将督查。"], "province"),
    (["广西壮族自治区：全区推进，自治区政府督查。"], None),  # 全区 of an autonomous region is not a district
    (["全市推进，全省统筹。"], None),  # a tie names nothing
    (["全镇各村要落实责任，镇政府统一部署，全市排名。"], "district"),  # b152: a township's own text (round 11 in view)
    (["加强知识产权保护。"], None),
    # "县级以上地方人民政府" names every level from there up: no scope (b278 001, 012)
    (["第四条 县级以上地方人民政府应当加强地名管理。", "第五条 县级以上人民政府民政部门负责本行政区域的地名管理。"], None),
    (["第四条 县级以上人民政府负责。全县推进。"], "district"),
    # a city's rules that name their government and no scope word (b114 004, b220 004: round 18)
    (["经营许可证需随车转让的,应当经市人民政府批准;", "市人民政府交通运输主管部门负责监督。"], "city"),
    # governments of a kind name no scope: "设区的市人民政府", "城市人民政府" (b289 001, a national rule)
    (["设区的市人民政府确定供水价格。", "城市人民政府应当制定规划。"], None),
    # session 29: a mid-document page of a city's rules that names its departments by level (b906 004)
    (["第四十七条、市住房城乡建设部门应当建立公共租赁住房档案。"], "city"),
    (["第八条 县公安机关负责道路交通安全管理。"], "district"),
    (["城市管理部门负责。", "市场监督管理部门负责。"], None),           # 城市, 市场: no government's 市
    (["市、县人民政府有关部门应当按照职责分工负责。"], None),           # every city and county
])
def test_scope_level(lines, expected):
    assert H.scope_level(lines, CTX) == expected


@pytest.mark.parametrize("text, region_words, expected", [
    ("我市加强，我市推进，我县配合", (), "city"), ("我市加强，我县配合", (), None),
    ("广西壮族自治区：我区推进", ("我区",), None), ("我区推进", ("我区",), "district"),
    ("各市、县(区)人民政府,自治区政府各部门、直属机构:", ("我区",), "province"),  # b690 012: not 区政府各
])
def test_most_named_level(text, region_words, expected):
    from measures.parsing import lexicon as L
    assert H.most_named_level(text, L.LEVEL_WORDS, region_words) == expected


@pytest.mark.parametrize("lines, expected", [
    (["1.修订专利法。（法制办会同相关部门负责）", "2.加强执法。（知识产权局、公安部、海关总署负责）"], True),
    (["第五条,国家知识产权局负责全国地理标志产品以及专用标志的管理和保护工作"], True),
    (["1.加强执法。（省知识产权局、省公安厅、省市场监管局负责）"], False),  # a province's own offices
    (["根据国家知识产权局的通知，开展专项行动。"], False),  # one national body cited
    (["（人民银行沈阳分行、教育部、科技部）"], False),  # a branch is local
])
def test_national_by_duties(lines, expected):
    assert H.national_by_duties(lines, CTX) is expected


@pytest.mark.parametrize("lines, title", [
    (["國務院辦公廳關於貫徹落實", "全國知識産權保護與執法工作", "電視電話會議精神任務分工的通知", "國辦函〔2010〕169號", "各部門：",
      "為全面貫徹會議精神，現將任務分工通知如下："],
     "國務院辦公廳關於貫徹落實全國知識産權保護與執法工作電視電話會議精神任務分工的通知"),
    # a whole title, then the page's labels: not one title over three lines
    (["《武汉市人民政府办公厅关于发挥品牌引领作用的意见》", "浏览量: 时间:2018-07-07", "武汉市人民政府办公厅关于发挥品牌引领作用的意见",
      "各区人民政府：", "为深入贯彻落实，提出如下意见："],
     "武汉市人民政府办公厅关于发挥品牌引领作用的意见"),
    # over two lines, the first a "关于…" that does not end as a title
    (["各县(市、区)人民政府:", "《关于开展数据基础制度建设试点示范的实施方案》已经市政府常务会议审议通过,现印发给你们。", "关于开展数据基础制度建设",
      "试点示范的实施方案", "为贯彻落实《实施意见》,特制定本方案。", "一、主要目标"],
     "关于开展数据基础制度建设试点示范的实施方案"),
    # the site's name above the title: not the title's first half
    (["九江市知识产权信息公共服务平台", "九江市知识产权强市建设实施方案", "时间:2023-08-24", "一、总体要求"], "九江市知识产权强市建设实施方案"),
    # b127 009: a site's cut headline twice above the whole title: no title made of the three
    (["云南省人社厅关于进一步完善城镇职工基本医疗保险", "云南省人社厅关于进一步完善城镇职工基本医疗保险",
      "云南省人社厅关于进一步完善城镇职工基本医疗保险门诊特殊病慢性病管理工作的通知", "各州、市人力资源社会保障局:"],
     "云南省人社厅关于进一步完善城镇职工基本医疗保险门诊特殊病慢性病管理工作的通知"),
    # b145 004: a 《 left open on the first line, closed on the second
    (["四川省人民政府关于贯彻落实国务院《计量发展规划", "(2021—2035年)》的实施意见", "川府发〔2023〕2号", "各市(州)人民政府:"],
     "四川省人民政府关于贯彻落实国务院《计量发展规划(2021—2035年)》的实施意见"),
])
def test_title_wrapped_over_three_lines(knowledge, lines, title):
    ctx = ParseContext(knowledge, lines=lines)
    H.header(ctx)
    assert ctx.document["title"] == title


@pytest.mark.parametrize("text, expected", [
    # a 文号 after the notice on a one-line page is kept as written (Traditional stays Traditional)
    ("國務院關於印發規劃的通知 國發〔2021〕20號 各省、自治區、直轄市人民政府,國務院各部委、各直屬機構:現將規劃印發給你們。",
     "國發〔2021〕20號"),
    ("国务院办公厅关于印发某方案的通知国办函〔2016〕66号各省、自治区、直辖市人民政府：现将某方案印发给你们，请认真贯彻执行。",
     "国办函〔2016〕66号"),
    ("国务院办公厅关于印发专利转化运用专项行动方案的通知(国办发(2023) 37号)各省、自治区、直辖市人民政府,国务院各部委:现将方案印发给你们。",
     "国办发(2023)37号"),  # in brackets after the notice (normalised to 〔〕 later)
    ("关于加强知识产权保护的意见", None),  # short: the line only
    # b56 007: the file named first, its notice in 《》 (as written, Traditional)
    ("溫政辦〔2022〕13號文件,《溫州市人民政府辦公室關于印發溫州市推動軟件產業發展十條政策的通知》。為深入貫徹…",
     "溫政辦〔2022〕13號"),
    # b369 004: a sentence that cites a notice and its 文号 is no title
    ("为深入贯彻落实黑龙江省人民政府办公厅关于印发2018年全省政务公开工作要点的通知(黑政办发〔2018〕35号)和绥化市人民政府办公室的通知", None),
])
def test_notice_candidates(text, expected):
    found = H.notice_candidates(text, CTX)
    assert found[-1][1] == expected


def test_notice_candidates_named_file_gives_the_notice():
    found = H.notice_candidates("温政办〔2022〕13号文件,《温州市人民政府办公室关于印发十条政策的通知》。为深入贯彻…", CTX)
    assert found[-1][0] == "温州市人民政府办公室关于印发十条政策的通知"
    # a sentence citing a file does not open with the file's number
    cited = H.notice_candidates("根据温政办〔2022〕13号文件,《温州市人民政府办公室关于印发十条政策的通知》要求。", CTX)
    assert all(c[0] != "温州市人民政府办公室关于印发十条政策的通知" for c in cited)


@pytest.mark.parametrize("notice, expected", [
    ("“十四五”國家知識產權保護和運用規劃國務院關于印發“十四五”國家知識產權保護和運用規劃的通知",
     "國務院關于印發“十四五”國家知識產權保護和運用規劃的通知"),
    ("某市知识产权保护方案某市人民政府关于印发某市知识产权保护方案的通知", "某市人民政府关于印发某市知识产权保护方案的通知"),
    # near misses: an issuer that is not the title again; a title that is only the issuer's topic
    ("沈阳市人民政府关于印发沈阳市知识产权保护方案的通知", "沈阳市人民政府关于印发沈阳市知识产权保护方案的通知"),
    ("关于印发知识产权保护方案的通知", "关于印发知识产权保护方案的通知"),
])
def test_repeated_title_off(notice, expected):
    assert H.repeated_title_off(notice, CTX) == expected


@pytest.mark.parametrize("lines, title", [
    # the notice writes "—" and a space, the transmittal sentence "─": one title, taken as the policy writes it
    (["吉安市人民政府关于印发吉安市知识产权强市建设行动方案 (2023—2035年)的通知",
      "各县(市、区)人民政府: 现将《吉安市知识产权强市建设行动方案(2023─2035年)》印发给你们,请认真贯彻执行。"],
     "吉安市知识产权强市建设行动方案(2023─2035年)"),
    # the transmittal sentence lost the dash: the notice's writing is whole
    (["佛山市人民政府办公室关于印发佛山市医疗卫生强基创优行动计划(2016—2018年)的通知",
      "各区人民政府: 现将《佛山市医疗卫生强基创优行动计划(20162018年)》印发给你们,请认真组织实施。",
      "佛山市医疗卫生强基创优行动计划"],
     "佛山市医疗卫生强基创优行动计划(2016—2018年)"),
    # the heading line writes the period's 年, the notice does not: the heading line is the policy's title
    (["木兰县人民政府办公室关于印发木兰县打赢蓝天保卫战三年行动计划实施方案(2018-2020)的通知",
      "各乡镇人民政府: 现将《木兰县打赢蓝天保卫战三年行动计划实施方案(2018-2020)》印发给你们,请认真贯彻执行。",
      "木兰县打赢蓝天保卫战三年行动计划实施方案(2018-2020年)"],
     "木兰县打赢蓝天保卫战三年行动计划实施方案(2018-2020年)"),
])
def test_title_below_notice_with_other_dashes(knowledge, lines, title):
    ctx = ParseContext(knowledge, lines=lines)
    H.header(ctx)
    assert ctx.document["title"] == title


@pytest.mark.parametrize("title, lines, expected", [
    ("内蒙古自治区知识产权战略纲要", ["【自治区文件】 内蒙古自治区知识产权战略纲要", "(2013—2020年)", "为贯彻落实科学发展观，制订本纲要。"],
     "内蒙古自治区知识产权战略纲要(2013—2020年)"),
    # near misses: the period is already there; the next line is a sentence; the title is not on a line
    ("某市规划(2021—2025年)", ["某市规划(2021—2025年)", "(2021—2025年)"], "某市规划(2021—2025年)"),
    ("某市知识产权规划", ["某市知识产权规划", "到2025年，建成知识产权强市。"], "某市知识产权规划"),
    ("某市知识产权规划", ["现将《某市知识产权规划》印发给你们，请认真贯彻执行。", "(2021—2025年)"], "某市知识产权规划"),
    (None, ["(2021—2025年)"], None),
    ("武汉市知识产权质押贷款风险补偿资金管理办法", ["武汉市知识产权质押贷款风险补偿资金管理办法", "(试 行)", "第一条"],
     "武汉市知识产权质押贷款风险补偿资金管理办法(试行)"),  # a trial mark spaced out alone below (b50 002)
])
def test_period_below(title, lines, expected):
    assert H.period_below(title, lines, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("2016年07月15日  |  来源:河南省人民政府办公厅网站  |  阅读量:2881", "2016-07-15"),
    ("来源: 2021-01-08 09:05:00", "2021-01-08"),
    ("发布时间：2023-05-06 来源：市场监管局 浏览次数：120", None),  # a labelled date: metadata
    ("成文日期：2024年1月2日 来源：市政府", None),
    ("2024年1月2日", None),  # a bare date: no page furniture beside it
    ("来源：沈阳市知识产权局", None),
])
def test_page_stamp(line, expected):
    assert H.page_stamp(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("全国计量工作部际联席会议各成员单位办公厅,中国铁路,各省、自治区、直辖市和新疆生产建设兵团市场监管局(厅、委),"
     "中国计量科学研究院,中国计量大学:", True),
    ("各省、自治区、直辖市知识产权局：", True),
    ("各区县人民政府，市政府各部门：", False),
    ("要求各省、自治区、直辖市抓好落实。具体如下：", False),  # a sentence, not addressees
])
def test_national_addressees(line, expected):
    assert H.national_addressees(line, ParseContext(text="")) is expected


@pytest.mark.parametrize("line, i, first, expected", [
    ("责任部门:市环保局、市建设局", 5, 2, True),
    ("牵头单位：市公安局", 3, 1, True),
    ("责任部门:市场监管局", 1, 4, False),  # the page's metadata box, above the first item
    ("发布机构：市政府", 6, 2, False),
])
def test_unit_line_in_body(line, i, first, expected):
    assert H.unit_line_in_body(line, i, first, ParseContext(text="")) is expected


@pytest.mark.parametrize("line, notice, expected", [
    ("关于印发2020年区政府重点工作责任分解的", "区人民政府办公室 关于印发2020年区政府重点工作责任分解的通知", True),
    ("2020年区政府重点工作责任分解", "区人民政府办公室 关于印发2020年区政府重点工作责任分解的通知", False),  # the policy's title
    ("关于加快发展的意见", "市政府关于印发关于加快发展的实施意见的通知", False),
])
def test_notice_fragment(line, notice, expected):
    assert H.notice_fragment(line, notice, CTX) is expected


FLAT = ("国家知识产权局关于促进知识产权运营工作的通知 国知发运字〔2017〕1号 各省、自治区、直辖市知识产权局: "
        "为深入贯彻落实党中央、国务院的决策部署，促进知识产权运营工作，现就有关事项通知如下。" + "一、总体要求 坚持市场主导。" * 20)


@pytest.mark.parametrize("line, expected", [
    (FLAT, "国家知识产权局关于促进知识产权运营工作的通知"),
    ("首页 > 政策文件 " + FLAT, "国家知识产权局关于促进知识产权运营工作的通知"),
    # b56 012: a shorter flattened line, the addressees after the title and a space
    ("廣東省人民政府關于支持廣州南沙新區加快開發建設的若幹意見 各地級以上市人民政府,各縣(市、區)人民政府: 爲深入貫徹規劃,現提出如下意見:",
     "廣東省人民政府關于支持廣州南沙新區加快開發建設的若幹意見"),
    # b129 003: the title glued to its purpose sentence on a one-line page
    ("杭州市土壤污染防治工作方案为切实加大土壤污染防治力度、逐步改善土壤环境质量.根据 国务院关于印发土壤污染防治行动计划的通知,国发。2016,31号 和" * 5,
     "杭州市土壤污染防治工作方案"),
    # b166 005: the addressees glued to the title's genre, no space between
    ("广州市人民政府关于促进慈善事业健康发展的实施意见各区人民政府,市政府各部门、各直属机构: 为贯彻落实《中华人民共和国慈善法》,提出如下实施意见。",
     "广州市人民政府关于促进慈善事业健康发展的实施意见"),
    # near misses: a short line; a flat line whose pieces before the first sentence hold no title
    ("国家知识产权局关于促进知识产权运营工作的通知", None),
    ("各省、自治区、直辖市知识产权局: 为深入贯彻落实党中央的决策部署。" + "一、总体要求 坚持市场主导。" * 20, None),
])
def test_flat_head_title(line, expected):
    assert H.flat_head_title(line, CTX) == expected


@pytest.mark.parametrize("text, expected", [
    ("结合本中心工作实际,制定了《广东省知识产权保护中心备案主体专利申请预审额度管理办法(试行)》,现予印发,请遵照执行。",
     "广东省知识产权保护中心备案主体专利申请预审额度管理办法(试行)"),
    ("各县(市、区)人民政府:《丽水市“农家书屋”工程建设实施意见》已经市政府同意,现印发给你们,请结合实际认真贯彻落实。",
     "丽水市“农家书屋”工程建设实施意见"),
    ("现将国家知识产权局《关于评选第十一届中国专利奖的通知》(国知发管字〔2009〕45号)转发给你们。",
     "关于评选第十一届中国专利奖的通知"),
    ("我厅制定了《甲省种质资源普查工作方案》《乙省畜禽遗传资源普查实施方案》,现印发给你们", "甲省种质资源普查工作方案"),
    # cited, not issued
    ("为加强领导,贯彻实施《国家知识产权战略纲要》,经市人民政府同意,决定建立市知识产权办公会议制度。", None),
    ("适时提请省人大常委会修订《安徽省农作物种子管理条例》,严格种子市场准入条件", None),
    ("抓紧制定《创业投资企业管理暂行办法》配套规章", None),
    ("根据《中华人民共和国专利法》,现印发给你们", None),  # a law, no genre at its end
])
def test_transmitted_title(text, expected):
    assert H.transmitted_title(text, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("为持续深入实施“人人持证、技能河南”建设,根据《高质量推进“人人持证、技能河南”建设工作方案》(豫办〔2021〕29号),"
     "特制定2024年“人人持证、技能河南”稳规模优结构增实效建设工作方案。",
     "2024年“人人持证、技能河南”稳规模优结构增实效建设工作方案"),
    ("为做好全年工作,现制订2023年度全县科技工作要点。", "2023年度全县科技工作要点"),
    ("为加快服务外包产业发展,特制定服务外包产业发展政策意见。", None),  # no year: a purpose, not a title (b491 011)
    ("为做好宣传周活动,特制定本方案。", None),
    ("根据《2024年知识产权工作方案》,制定如下措施。", None),
])
def test_purpose_title(line, expected):
    assert H.purpose_title(line, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("福州市长乐区人民政府办公室2023年4月24日福州市长乐区会展业促进管理办法第一章总则第一条为规范我区会展活动",
     "福州市长乐区会展业促进管理办法"),
    ("建湖縣人民政府2024年5月27日(此件公開發布)建湖縣縣長質量獎管理辦法第一章總則第一條為引導", "建湖縣縣長質量獎管理辦法"),
    ("文档介绍:镇远县招商引资优惠办法(暂行)", "镇远县招商引资优惠办法(暂行)"),
    ("资源描述管委会招商引资奖励办法为了加快国际技术合作产业园的发展", "管委会招商引资奖励办法"),
    ("武胜县人民政府办公室2023年10月7日武胜县鼓励企业上市挂牌若干措施为进一步加大我县企业上市挂牌工作力度", "武胜县鼓励企业上市挂牌若干措施"),
    ("沈阳市知识产权保护工作方案", None),  # nothing glued: the other rules find it
    ("2023年4月24日起施行的办法为规范", None),  # a date with no issuer before it
])
def test_glued_title(line, expected):
    assert H.glued_title(line, CTX) == expected


@pytest.mark.parametrize("issuer, expected", [
    ("广州市海珠区版权局(代章)", "广州市海珠区版权局"),
    ("市市场监督管理局（盖章）", "市市场监督管理局"),
    ("市场监管局（知识产权局）", "市场监管局（知识产权局）"),
    (None, None),
])
def test_without_seal_note(issuer, expected):
    assert H.without_seal_note(issuer) == expected



@pytest.mark.parametrize("lines, start, signature, expected", [
    # b69 007: the notice's own items 1.-3., its signature, and no policy after it
    (["盤錦市人民政府辦公室關于印發方案的通知", "各縣、區人民政府:", "現將方案印發給你們,并通知如下:", "1.明確任務,壓實責任。",
      "2.統籌協調,合力攻堅。", "盤錦市人民政府辦公室", "2021年1月30日"], 1, 6, True),
    (["关于印发方案的通知", "各县区:", "现将方案印发给你们。", "某市人民政府", "2021年1月30日", "某方案", "一、总体要求", "二、重点任务"],
     1, 4, False),  # the policy follows the signature
    (["关于印发方案的通知", "各县区:", "1.认真执行。", "某市人民政府", "2021年1月30日"], 1, 4, False),  # one item only
])
def test_notice_items_only(lines, start, signature, expected):
    assert H.notice_items_only(lines, start, signature) is expected


@pytest.mark.parametrize("lines, expected", [
    # b82 007: the notice's own items, no signature on the page: nothing of it is the policy
    (["各乡、镇人民政府:", "《分解方案》已经区人民政府同意,现印发给你们,并就有关事项通知如下:", "一、提高政治站位。今年是…",
      "二、压实工作责任。各地各部门…"], 4),
    # b69 007 (Traditional): items, then the signature, nothing numbered after it
    (["各縣、區人民政府:", "現將方案印發給你們,并就有關事項通知如下:", "1.明確任務,壓實責任。", "2.統籌協調,合力攻堅。",
      "盤錦市人民政府辦公室", "2021年1月25日"], 6),
    # the issued policy follows the signature without its title: it starts there
    (["各县区:", "现将方案印发给你们,请结合以下要求抓好落实:", "一、加强领导。", "某市人民政府办公室", "2021年1月25日",
      "一、总体要求", "二、重点任务"], 5),
    # b98 004: a forwarding notice, "转发你们" without 给
    (["各中央企業:", "現將國家知識產權局《關于評選第十五屆中國專利獎的通知》轉發你們,并將有關事項通知如下:",
      "一、請各中央企業積極組織本單位專利獎推薦工作。", "二、每家中央企業嚴格限報1項。"], 4),
    # a notice that only issues the document: the rule does not apply
    (["各县区:", "现将方案印发给你们,请认真贯彻执行。", "一、总体要求", "二、重点任务"], None),
])
def test_issued_with_own_items(lines, expected):
    assert H.issued_with_own_items(lines, 0, CTX) == expected


@pytest.mark.parametrize("issuer, region, text, expected", [
    ("市政府", {"city": "苏州市", "province": "江苏省"}, "苏州市创建省知识产权保护示范区实施方案", "苏州市人民政府"),  # b65 001
    ("省政府", {"city": None, "province": "河北省"}, "河北省人工影响天气管理规定", "河北省人民政府"),  # b38 010
    ("市政府辦公室", {"city": "达州市", "province": "四川省"}, "達州市農業品牌", "達州市人民政府辦公室"),  # as the page writes it
    ("市知识产权局", {"city": "苏州市", "province": "江苏省"}, "苏州市…", "市知识产权局"),  # a department: as written
    ("市政府", {"city": None, "province": None}, "关于…的通知", "市政府"),  # no place known
])
def test_issuer_in_full(issuer, region, text, expected):
    ctx = ParseContext(text=text)
    assert H.issuer_in_full(issuer, region, ctx) == expected


@pytest.mark.parametrize("rest, expected", [
    (" 2011年7月29日公布 自2011年10月1日起施行", "2011-07-29"),   # b89 008
    (" 2009年3月26日山西省第十一届人民代表大会常务委员会第九次会议批准 2009年4月1日太原市人民代表大会常务委员会公告公布",
     "2009-04-01"),   # b89 001: approved by the province first
    (" 自2011年10月1日起施行", None),
])
def test_promulgation_after(rest, expected):
    assert H.promulgation_after(rest) == expected


@pytest.mark.parametrize("lines, issuer, number", [
    # b73 010: the page opens at the decree's promulgation note
    (["(2006年6月30日山東省人民政府令第187號發布根據2021年2月7日山東省人民政府令第340號修訂自2006年8月1日起施行)",
      "第一條為了獎勵在科學技術進步活動中做出突出貢獻的個人、組織,制定本辦法。", "第二條本辦法適用於本省。"],
     "山東省人民政府", "山東省人民政府令第187號"),  # amended "根据" a later decree: the rule keeps its own number
    # b320 002: revised by a decree of the State Council's own, the last one
    (["(2004年5月26日中華人民共和國國務院令第407号公布 根據2016年2月6日《國務院關于修改部分行政法規的決定》第二次修訂 "
      "2021年2月15日中華人民共和國國務院令第740号第三次修訂)", "第一條 爲了保護糧食生産者的積極性,制定本條例。"],
     "國務院", "中華人民共和國國務院令第740号"),
    (["(2019年5月1日某市人民政府公布)", "第一条 为了规范管理，制定本办法。"], "某市人民政府", None),  # no decree number
    # b90 005: the State Council's decree: the number keeps its form, the issuer is 国务院
    (["(2004年12月28日中華人民共和國國務院令第429號公布 根據2013年12月7日《國務院關於修改部分行政法規的決定》修訂)",
      "第一條為了規範著作權集體管理活動,制定本條例。", "第二條本條例所稱著作權集體管理,是指…"],
     "國務院", "中華人民共和國國務院令第429號"),
    # b256 008: passed at a meeting, then promulgated by a decree on the same line
    (["题 注 : (2015年9月1日南宁市十三届人民政府第103次常务会议审议通过 2015年10月16日南宁市人民政府令第41号公布 自公布之日起施行)",
      "第一条 为了加强养犬管理,制定本办法。", "第二条 本办法适用于本市。"], "南宁市人民政府", "南宁市人民政府令第41号"),
    # b86 011: the date written 2014-07-03
    (["(2014-07-03國家工商行政管理總局令第66號發布公布之日起30日后施行)", "第一條為規範馳名商標認定工作,制定本規定。",
      "第二條本規定適用於商標。"], "國家工商行政管理總局", "國家工商行政管理總局令第66號"),
    # session 28: the number with the year in brackets (b821 001) or within its year, revised (b700 003)
    (["张家口市滑雪场所安全管理办法 (2018年10月15日张家口市人民政府令 〔2018〕第3 号公布)", "第一条 为了加强滑雪场所安全管理,制定本办法。",
      "第二条 本办法适用于本市。"], "张家口市人民政府", "张家口市人民政府令〔2018〕第3号"),
    (["农业植物品种命名规定(2012年3月14日农业部令2012年第2号公布,2022年1月21日农业农村部令2022年第2号修订)",
      "第一条为规范农业植物品种命名,制定本规定。", "第二条本规定适用于品种命名。"], "农业农村部", "农业农村部令2022年第2号"),
])
def test_promulgation_note_gives_the_decree(knowledge, lines, issuer, number):
    ctx = ParseContext(knowledge, lines=lines)
    H.header(ctx)
    assert (ctx.document["issuer"], ctx.document["doc_number"]) == (issuer, number)


@pytest.mark.parametrize("note, expected", [
    ("公布 根据2016年2月6日《国务院关于修改部分行政法规的决定》第二次修订 2021年2月15日中华人民共和国国务院令第740号第三次修订)",
     "中华人民共和国国务院令第740号"),
    ("发布 根据2021年2月7日山东省人民政府令第340号修订 2023年1月5日山东省人民政府令第350号修正)", "山东省人民政府令第350号"),
    ("公布 根据2013年12月7日《国务院关于修改部分行政法规的决定》修订)", None),  # revised by a decision, no decree
    ("发布 根据2021年2月7日山东省人民政府令第340号修订)", None),  # amended by a decree that amends many rules (b73 010)
    ("公布,2022年1月21日农业农村部令2022年第2号修订)", "农业农村部令2022年第2号"),  # b700 003: a year's number
])
def test_latest_revising_order(note, expected):
    span = H.latest_revising_order(note)
    assert (note[span[0]:span[1]] if span else None) == expected


@pytest.mark.parametrize("lines, issuer, signed", [
    # b320 012: the session's date after 会议于
    (["《北京市控制吸烟条例》", "北京市第十四届人民代表大会常务委员会第十五次会议于2014年11月28日讨论通过,2015年6月1日起施行。",
      "第一条 为了减少吸烟造成的危害,制定本条例。", "第二条 本条例适用于本市行政区域内控制吸烟工作。"],
     "北京市人民代表大会常务委员会", "2014-11-28"),
    # b352 003: the note's body name broken by a space
    (["四川省电力设施保护和供用电秩序维护条例", "(2014年5月29日四川省第十二届人民代表大会 常务委员会第九次会议通过)",
      "第一条 为了保护电力设施,制定本条例。", "第二条 本条例适用于本省。"], "四川省人民代表大会常务委员会", "2014-05-29"),
])
def test_passed_on_a_date_after_the_session(knowledge, lines, issuer, signed):
    ctx = ParseContext(knowledge, lines=lines)
    H.header(ctx)
    assert (ctx.document["issuer"], ctx.document["signed_date"]) == (issuer, signed)


@pytest.mark.parametrize("org, expected", [
    ("中華人民共和國國務院", "國務院"), ("中华人民共和国国务院", "国务院"),
    ("国家知识产权局", "国家知识产权局"), ("中华人民共和国", "中华人民共和国"),   # nothing after it: kept
])
def test_without_state_name(org, expected):
    assert H.without_state_name(org, CTX) == expected


@pytest.mark.parametrize("prev, line, expected", [
    # b103 002: the issuing sentence on the line above, the items announced on their own line
    ("为…,我局决定制定并实施《全国专利事业发展战略》。现将业已制定完毕的《全国专利事业发展战略》予以印发,请结合实际贯彻落实。",
     "为了更好地贯彻落实《全国专利事业发展战略》中提出的各项战略目标、任务和措施,现将具体实施意见和有关事项通知如下:", True),
    ("", "现将《实施方案》印发给各单位,请认真贯彻执行。现就有关事项通知如下:", True),  # one line
    ("", "现根据省政府的要求,将商务部等九部委《关于开展…专项治理的通知》转发给你们,并做如下安排:", True),  # b110 007
    ("", "为落实责任,经州政府同意,现将州政府工作报告重点任务予以分解,并就有关事项通知如下。", True),  # b117 008
    ("为加强知识产权保护,结合我市实际,", "现就有关事项通知如下:", False),  # a notice of its own: its items are measures
    ("现将《方案》予以印发。", "请认真贯彻执行。", False),  # no items announced
    # b860 008: a fund handed down is no document issued; the notice's items are its measures
    ("", "现将迪庆州财政局(迪财社〔2020〕17号)下达给我县的2020年基本公共卫生服务中央补助资金906.33万元安排给你们,"
         "用于开展国家基本公共卫生服务项目和疫情防控。现将有关事项通知如下:", False),
])
def test_items_after_issuing(prev, line, expected):
    assert H.items_after_issuing(prev, line, CTX) is expected


@pytest.mark.parametrize("line, nxt, expected", [
    ("《2021年县政府重点工作任务分解》已经县人民政府同意,现印发给你们,请认真抓好贯彻落实。", "一、强化责任落实。县政府重点工作…", True),  # b117 004
    ("现将《隆安县财政专项扶贫资金管理办法》印发给你们,请结合实际认真贯彻执行。", "第一条为加强资金管理,…", False),  # b57 005: the document's articles
    ("现印发给你们,请认真贯彻落实。", "隆安县财政专项扶贫资金管理办法", False),  # the issued document's title follows
])
def test_items_after_transmittal(line, nxt, expected):
    assert H.items_after_transmittal(line, nxt, CTX) is expected


@pytest.mark.parametrize("lines, i, expected", [
    (["中共湖南省委", "湖南省人民政府", "关于进一步夯实农业基础增强农村发展活力的意见"], 2, "中共湖南省委湖南省人民政府"),  # b121 010
    (["中共宁波市委 宁波市人民政府", "关于建设国家创新型城市促进经济转型升级的若干意见"], 1, "中共宁波市委 宁波市人民政府"),  # b121 006
    (["来源:百度文库", "关于加强知识产权保护的意见"], 1, ""),  # near miss: no organisation's name above
])
def test_issuer_lines_above(lines, i, expected):
    assert H.issuer_lines_above(lines, i, set(), CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("關注!國家知識產權局關于持續嚴厲打擊商標惡意注冊行為的通知", "國家知識產權局關于持續嚴厲打擊商標惡意注冊行為的通知"),  # b177 007
    ("【市政府重点工作及责任分解】滁州市人民政府关于2020年市政府重点工作及责任分解的通知",                  # b183 005
     "滁州市人民政府关于2020年市政府重点工作及责任分解的通知"),
    ("附件 海口市知识产权(专利)领域严重失信主体联合惩戒实施方案",           # b177 009: "附件?nbsp;" then the title
     "海口市知识产权(专利)领域严重失信主体联合惩戒实施方案"),
    ("附件1:知识产权纠纷快速处理试点工作负责人和联系人回执.docx",                                      # b153 010: a form
     "附件1:知识产权纠纷快速处理试点工作负责人和联系人回执.docx"),
    ("关注:我市知识产权保护成效显著", "关注:我市知识产权保护成效显著"),      # no title after the teaser
    ("关注知识产权保护工作的通知", "关注知识产权保护工作的通知"),          # the word without its mark
    ("全文公布!中共上海市长宁区委关于制定长宁区国民经济和社会发展第十五个五年规划的建议",  # b602 012
     "中共上海市长宁区委关于制定长宁区国民经济和社会发展第十五个五年规划的建议"),
])
def test_without_teaser(line, expected):
    assert H.without_teaser(line, CTX) == expected


@pytest.mark.parametrize("lines, expected", [
    (["第二条 国务院药品监督管理部门组织建立中国上市药品专利信息登记平台。"], True),   # b180 007
    (["第二條 為促進我國軟件產業發展,國家著作權行政管理部門鼓勵軟件登記。"], True),     # b180 002, Traditional
    (["一、充分认识加强知识产权保护的重要意义", "我国正处于…关键时期。"], True),          # b29 001
    (["第三条 省知识产权局负责全省专利工作。"], False),
    (["第五条 县级以上人民政府管理专利工作的部门负责本行政区域内的专利执法。"], False),
    (["经中长期青年发展规划实施工作部际联席会议审议通过,决定开展试点。"], True),   # b475 009
    (["第二条 本办法适用于中央和国家机关及其所属单位的培训。"], True),              # b375: the central bodies
    (["认真贯彻落实党中央、国务院决策部署,…"], True),
    (["到2020年,全国儿童健康水平显著提高。"], True),                              # b317 001: the whole country
])
def test_national_wording(lines, expected):
    assert H.national_wording(lines, CTX) is expected


@pytest.mark.parametrize("title, lines, expected", [
    ("計算機軟件保護條例", ["第一條 為了保護計算機軟件著作權人的權益,制定本條例。"], True),          # b90 004
    ("2025年全国计量工作要点", ["一、加强计量法治建设。"], True),                                    # b218 003
    ("著作權質權登記辦法", ["第一條 為規範著作權出質行為,制定本辦法。"], True),                        # b67 002
    ("促进科技成果转移转化实施办法", ["第一条 为促进本市科技成果转移转化,制定本办法。"], False),      # 本市: local
    ("太阳集团官网专利申报资助专项基金管理办法(试行)", ["第一条 为鼓励专利申报,制定本办法。"], False),  # a site's or firm's
    ("加强知识产权保护的工作方案", ["一、加强执法。"], False),                                        # no rule's genre
    (None, ["第一条 …"], False),
])
def test_national_title(title, lines, expected):
    assert H.national_title(title, lines, CTX) is expected


FILLER = "为进一步加快文化旅游产业发展,结合我市实际,对专项资金奖励政策作如下调整:" * 3


@pytest.mark.parametrize("page, expected", [
    (FILLER + "附件:贵港市文化旅游发展专项资金奖励一览表贵港市人民政府办公室2021年12月24日(此件公开发布)",   # b184 003
     ("贵港市人民政府办公室", "2021-12-24")),
    ("武胜县人民政府办公室2023年10月7日武胜县鼓励企业上市挂牌若干措施" + FILLER, ("武胜县人民政府办公室", "2023-10-07")),
    (FILLER + "附件:申报表寧波市江北區市場監督管理局2023年9月11日",                                       # b184 001
     ("寧波市江北區市場監督管理局", "2023-09-11")),
    (FILLER + "市人民政府办公室2021年12月24日" + FILLER, None),       # in the middle of the page: not a signature
    (FILLER + "全市各部门2021年12月24日前报送", None),                  # no place name starts it
])
def test_glued_signature(page, expected):
    from measures.parsing.knowledge import default_knowledge
    assert H.glued_signature(page, ParseContext(default_knowledge())) == expected


def test_title_over_two_lines():
    """b190 007: the issued document's title comes back broken over two lines; its items follow."""
    lines = ["上海市宝山区人民政府办公室关于印发《2022年区政府要完成的与人民生活密切相关的实事》的通知", "各镇人民政府:",
             "现将《实事》印发给你们。", "上海市宝山区人民政府办公室", "2022年区政府要完成的与人民生活", "密切相关的实事",
             "1.既有多层住宅加装电梯新增400台。", "2.开设40个小学生爱心暑托班办班点。"]
    want = "2022年区政府要完成的与人民生活密切相关的实事"
    assert H.title_over_two_lines(lines, 1, want, CTX) == 6
    assert H.title_over_two_lines(lines[:6], 1, want, CTX) is None               # no items after it
    assert H.title_over_two_lines(lines, 1, want + "补充", CTX) is None           # the halves make another title


@pytest.mark.parametrize("title, top, expected", [
    # b195 012: tasks divided (分解落实), the notice's own items about carrying them out
    ("县人民政府关于分解落实2022年县政府重点工作任务的通知",
     ["现将重点任务分解落实有关事项通知如下:", "一、提高政治站位,加强组织领导", "2022年是…", "二、不断改进作风,狠抓工作落实"], True),
    # b195 010: the division in the attachment, said in the text
    ("关于做好2018年政府工作报告主要目标任务和为民办实事的通知",
     ["将各项工作任务分解(详见附件),现就有关事宜通知如下:", "一、落实责任,确保质量", "二、密切配合,各负其责"], True),
    # b34 003: a division notice whose own items are the tasks
    ("延安市科学技术局关于分解落实2018年重点工作任务的通知",
     ["现将重点工作任务分解如下:", "一、加快科技资源统筹中心建设", "二、强化组织领导"], False),
    ("关于开展专利执法专项行动的通知", ["一、加强组织领导", "二、强化督查"], False),        # no division
    ("关于印发2022年重点工作任务分解方案的通知", ["一、加强组织领导", "二、强化督查"], False),  # issues it: another rule
])
def test_division_notice(title, top, expected):
    assert H.division_notice(title, top, CTX) is expected


@pytest.mark.parametrize("title, expected", [
    ("(湖北省)武汉市2023年《政府工作报告》目标任务责任分解方案", "武汉市2023年《政府工作报告》目标任务责任分解方案"),   # b188 005
    ("(電子商務研究中心訊) 余姚市人民政府關于加快我市電子商務發展的若干政策意見",                                  # b189 005
     "余姚市人民政府關于加快我市電子商務發展的若干政策意見"),
    ("天津市住房公積金管理條例(doc 13頁)", "天津市住房公積金管理條例"),                                          # b192 003
    ("文化創意產業扶持政策(完整版)", "文化創意產業扶持政策"),                                                    # b197 007
    ("文化部《网络游戏管理暂行办法》全文", "网络游戏管理暂行办法"),                                              # b191 008
    ("关于印发《专利资助办法》的通知", "关于印发《专利资助办法》的通知"),    # a notice: not an issuer with 全文
    ("(试行)专利资助办法", "(试行)专利资助办法"), ("(2024年)工作要点", "(2024年)工作要点"),
])
def test_site_tags(title, expected):
    assert H.site_tags(title, CTX) == expected


@pytest.mark.parametrize("sources, expected", [
    (["新乡高新区", None], "新乡高新区"),                                  # b38 003
    ([None, "重庆市万盛经开区碳达峰实施方案"], "万盛经开区"),                # b167 012
    ([None, "2017年合肥高新区支持产业发展若干政策"], "合肥高新区"),           # b93 002
    (["广州开发区营商环境改革局", None], "广州开发区"),                      # b33 002
    ([None, "关于促进我市开发区改革和创新发展的实施方案"], None),              # a city's zones, not one zone
    ([None, "重庆市开州区创建市级高新技术产业开发区工作方案"], None),          # a district creating a zone
    ([None, "新乡经开区工程建设领域市政公用服务报装接入专项提升方案"], "新乡经开区"),  # b514 007: 工程建设 is its topic
    ([None, "新乡高新区深化改革创新加快推动高质量发展工作方案"], "新乡高新区"),      # b45 010
    ([None, "西安高新区建设发展三年行动方案"], None),                        # the zone's building: the city's plan
])
def test_development_zone(sources, expected):
    assert H.development_zone(sources, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("(实用)农村生活垃圾分类最新实施方案", "农村生活垃圾分类实施方案"),        # b213 003
    ("乡镇清明期间森林防火实施方案三篇", "乡镇清明期间森林防火实施方案"),      # b213 005
    ("城鎮老舊小區改造實施方案範文(精選5篇)", "城鎮老舊小區改造實施方案"),      # b176 004
    ("精选优质文档-倾情为你奉上盘县招商引资优惠办法(试行)", "盘县招商引资优惠办法(试行)"),  # b26 003
    ("江岸区促进楼宇经济发展奖励办法(共10页)", "江岸区促进楼宇经济发展奖励办法"),  # b48 003
    ("最新版物业管理条例全文", "物业管理条例"),                                # b176 010
    ("关于实施“百篇”优秀论文计划的通知", "关于实施“百篇”优秀论文计划的通知"),   # 篇 inside the title
    ("三篇", "三篇"),                                                          # nothing left
    # the copying sites' words title_tail_off first took (session 14), now the one list (TITLE_TRAIL_DECORATIONS)
    ("山东省商品房销售条例最新", "山东省商品房销售条例"), ("农村红白理事规定【4篇】", "农村红白理事规定"),  # b275 011, b246 008
    ("专利优先审查管理办法 [现行有效]", "专利优先审查管理办法"),  # b294 005: a law database's status tag
    ("市社会工作者一次性奖励资金的管理办法Word文件下载", "市社会工作者一次性奖励资金的管理办法"),  # b305 011
    ("市区扶持跨境电子商务发展暂行策划方案(范文推荐)", "市区扶持跨境电子商务发展暂行策划方案"),  # b322 007
    ("2022年防范电信网络诈骗宣传工作方案 篇1", "2022年防范电信网络诈骗宣传工作方案"),  # b346 013
    ("【政策】中华人民共和国法律援助法", "中华人民共和国法律援助法"),  # b319 003: a site's tag
    ("全國碘缺乏病防治日活動方案篇一", "全國碘缺乏病防治日活動方案"),  # b360 010
    ("某某乡2019春季暨清明节期间森林草原防火工作方案范本", "某某乡2019春季暨清明节期间森林草原防火工作方案"),  # b366 007
    ("天津市不动产登记条例 建标库", "天津市不动产登记条例"),  # b359 008: the standards site's name
    ("深圳市门楼牌管理办法VIP专享VIP免费", "深圳市门楼牌管理办法"),  # b359 005
    ("关于开展“千篇一律”问题整治的通知", "关于开展“千篇一律”问题整治的通知"),  # 篇一 inside the title
    ("关于加快推进工业经济高质量发展的若干政策意见P. 8", "关于加快推进工业经济高质量发展的若干政策意见"),  # b412 001
    ("镇机关目标管理考核办法(精简篇)", "镇机关目标管理考核办法"),  # b393 003
    ("中华人民共和国知识产权海关保护条例(中英双语)", "中华人民共和国知识产权海关保护条例"),  # b394 012
    ("山东省防震减灾条例修订草案Word格式文档下载", "山东省防震减灾条例修订草案"),  # b437 012
    ("精品文档昆明市人工影响天气管理办法", "昆明市人工影响天气管理办法"),  # b461 001
    ("市屬國有企業負責人經營業績考核與薪酬管理暫行辦法(編輯修改稿)", "市屬國有企業負責人經營業績考核與薪酬管理暫行辦法"),  # b466 011
    ("深圳市推动软件产业高质量发展的若干措施政策咨询", "深圳市推动软件产业高质量发展的若干措施"),  # b478 002: a button
    ("关于开展政策咨询", "关于开展政策咨询"),  # no genre before it
    ("关于申报2021年度永川区知识产权资助 奖励项目的通知 [阅读原文]", "关于申报2021年度永川区知识产权资助 奖励项目的通知"),  # b591 001
    ("成都市《中华人民共和国献血法》实施办法(摘要)", "成都市《中华人民共和国献血法》实施办法"),  # b604 009: an abstract
])
def test_share_decorations(title, expected):
    assert H.share_decorations(title, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("古詩詞大全網 - 漢語詞典 - 財政專項資金管理辦法", "財政專項資金管理辦法"),   # b106 004
    ("Page 22 - 温州市“惠企政策”汇编", "温州市“惠企政策”汇编"),                # b171 004
    ("关于印发《专利资助办法》的通知 - 政策文件", "关于印发《专利资助办法》的通知 - 政策文件"),  # the genre first
    ("某市 - 办法", "某市 - 办法"),                                              # too short a last part
])
def test_site_chain(title, expected):
    assert H.site_chain(title, CTX) == expected


@pytest.mark.parametrize("issuer, expected", [
    ("中央农村工作领导小组办公室、农业农村部发布", "中央农村工作领导小组办公室、农业农村部"),   # b246 001
    ("公告:国家林业局", "国家林业局"),                                                         # b244 007
    ("附《湖北省公安厅", "湖北省公安厅"),                                                       # b242 006
    ("來自:市畜牧漁業事業發展中心", "市畜牧漁業事業發展中心"),
    ("转发住房城乡建设部、财政部", "转发住房城乡建设部、财政部"),  # the forwarder issues: left for the others
    ("国家发布", "国家发布"),                                         # too short to be a name and a verb
    ("第一篇:国家旅游局", "国家旅游局"),                                # b280 006: a compilation's part label
    ("为贯彻落实国务院办公厅", ""), ("关于落实党中央国务院", ""),          # a cited body: no issuer (b128 010, b104 011)
    ("重庆市人民政府办公厅贯彻落实国务院办公厅", "重庆市人民政府办公厅"),  # b280 013: the one before the verb
    ("武汉市第十四届人民代表大会常务委员会", "武汉市人民代表大会常务委员会"),  # b346 001: without the congress's term
    ("经河南省人民代表大会常务委员会", "河南省人民代表大会常务委员会"),  # b376 009: who adopted it, without 经
    ("经济和信息化委员会", "经济和信息化委员会"),  # 经 opening a name
    ("經農業農村部", "農業農村部"),  # b415: a ministry that adopted it
    ("经贸委", "经贸委"), ("经营管理局", "经营管理局"),  # 经 opening a name
    ("八屆陽江市人民政府", "陽江市人民政府"),  # b410 006: the government without its term
])
def test_issuer_wrapping_off(issuer, expected):
    assert H.issuer_wrapping_off(issuer, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("附《湖北省公安厅关于涉黑涉恶线索有奖举报的指导意见", "湖北省公安厅关于涉黑涉恶线索有奖举报的指导意见"),  # b242 006
    ("1附件河北省科技创新券实施细则试行", "河北省科技创新券实施细则试行"),                                # b245 010
    ("附件管理办法", "附件管理办法"),
    ("附件:贵州省农业系统知识产权宣传周活动方案", "附件:贵州省农业系统知识产权宣传周活动方案"),  # other rules read these
    ("附件∶馬鞍山市2021年國家電影事業發展專項資金補助分配方案", "馬鞍山市2021年國家電影事業發展專項資金補助分配方案"),  # b325 011
    ("附件1.+商标注册申请快速审查办法(修订)", "商标注册申请快速审查办法(修订)"),  # b329 006
    ("附件:關于印發《某市專利資助辦法》的通知", "關于印發《某市專利資助辦法》的通知"),  # a file name as the notice's title
    ("附件1浙江省碳排放权交易管理办法(试行)", "浙江省碳排放权交易管理办法(试行)"),  # b333 005
])
def test_attachment_label_off(title, expected):
    assert H.attachment_label_off(title, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("济南市高新区高新技术企业奖励政策:济南高新区加快创新创业发展若干政策实施细则(试行)",
     "济南高新区加快创新创业发展若干政策实施细则(试行)"),                                              # b18 004
    ("政务服务丨济宁市人民政府关于持续深化“市县同权”改革的实施意见", "济宁市人民政府关于持续深化“市县同权”改革的实施意见"),  # b113 006
    ("贾家坪镇信访工作十项机制第一项:首问责任制度", "贾家坪镇信访工作十项机制第一项:首问责任制度"),  # b242 013: rest too short
    ("附件:贵州省农业系统知识产权宣传周活动方案", "附件:贵州省农业系统知识产权宣传周活动方案"),      # an attachment's label
    ("文旅部通知!3月20日起恢复!", "文旅部通知!3月20日起恢复!"),                                    # no genre after it
])
def test_label_before_title(title, expected):
    assert H.label_before_title(title, CTX) == expected



@pytest.mark.parametrize("title, expected", [
    ("海南省鄉村民宿管理辦法》和《海南省促進鄉村民宿發展實施方案", "海南省鄉村民宿管理辦法"),  # b278 007: a pair, marks lost
    ("云南省科技成果轉化獎補資金管理辦法》 《云南省科技創新券實施管理辦法", "云南省科技成果轉化獎補資金管理辦法"),
    ("普陀區商業秘密保護示范點培育建設的工作方案》的通知", "普陀區商業秘密保護示范點培育建設的工作方案"),
    ("宁波市职业教育校企合作促进条例》实施办法", "宁波市职业教育校企合作促进条例》实施办法"),  # 》 inside the title
    ("杭州市人民政府办公厅关于贯彻落实杭州市慈善促进条例》的实施意见", "杭州市人民政府办公厅关于贯彻落实杭州市慈善促进条例》的实施意见"),
    ("海南省居住证实施办法(试行)( 三 )", "海南省居住证实施办法(试行)"),  # b277 012: a part number
    ("湖北省科技创新“十三五”规划(下)", "湖北省科技创新“十三五”规划"),
    ("县知识产权领域信用分级分类管理办法4300字", "县知识产权领域信用分级分类管理办法"),
    ("社区垃圾分类的实施方案1", "社区垃圾分类的实施方案"),  # b273 007: a stray digit
    ("2023年度专利资助最新", "2023年度专利资助最新"),  # no genre before the tail
    ("关于做好2024年防汛工作(一)", "关于做好2024年防汛工作(一)"),
    ("安徽省法律援助条例的第一章总则", "安徽省法律援助条例"), ("法律援助法总则", "法律援助法"),  # b319: the chapter shown
    ("某某工作总则", "某某工作总则"),  # no genre before it
    ("機動車駕駛培訓管理規定(2)", "機動車駕駛培訓管理規定"),  # b445 010: a copy's second page
    ("深圳经济特区知识产权保护条例 第十六条", "深圳经济特区知识产权保护条例"),  # b436 002: one article shown
    ("关于第十六条", "关于第十六条"),
    ("关于进一步促进人工智能产业发展的意见-天心经济开发区", "关于进一步促进人工智能产业发展的意见"),  # b661 001: a site's name
    ("青島市戶外廣告設置管理辦法-預覽頁", "青島市戶外廣告設置管理辦法"), ("县政务督办工作规则-文档", "县政务督办工作规则"),
    ("长三角-嘉兴", "长三角-嘉兴"),  # no genre before the dash
    ("融安縣公共租賃住房租賃補貼及租金核減標準一、租賃補貼發放標準", "融安縣公共租賃住房租賃補貼及租金核減標準"),  # b659 007
    ("2020 年芜湖市生态环境监测实施方案2020 年六月目录一、环境空气质量监测", "2020 年芜湖市生态环境监测实施方案"),  # b524 012
    ("陕西省城市地下管线管理条例全文(6)", "陕西省城市地下管线管理条例"),  # b800 002: a law site's full text, page 6
    ("上海市供用电条例全文最新版(2)", "上海市供用电条例"), ("关于防范高空坠物安全事故的通知-", "关于防范高空坠物安全事故的通知"),
    ("大厂县民营经济发展政策措施摘编(2)", "大厂县民营经济发展政策措施摘编(2)"),  # b229: no genre ends it, the part stays
])
def test_title_tail_off(title, expected):
    assert H.title_tail_off(title, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("四川省中医药条例(2009修订)", "四川省中医药条例"),  # b133 010: a law database's edition note
    ("淄博市计量监督管理办法(2012修正)", "淄博市计量监督管理办法"),  # b218 006: amended by a decision
    ("杭州市夜景灯光设置管理办法(2011修改)", "杭州市夜景灯光设置管理办法"),  # b472 005
    ("江苏省实施《中华人民共和国人民防空法》办法(2017年修订)", "江苏省实施《中华人民共和国人民防空法》办法"),  # b303 013
    ("機動車維修管理規定(2015年修正)", "機動車維修管理規定"),  # b292 008
    ("余姚市人民政府质量奖管理办法(2025年修订)", "余姚市人民政府质量奖管理办法(2025年修订)"),  # b38 007: the agency's edition
    ("鹿寨县防汛抢险应急预案(2019年修订)", "鹿寨县防汛抢险应急预案(2019年修订)"),  # b155 012
])
def test_law_edition_tail(title, expected):
    assert H.law_edition_tail(title, CTX) == expected


@pytest.mark.parametrize("lines, expected", [
    # b281 011: a plain notice wrapped over two lines, its 通知 spaced out to the page's width
    (["关于落实各级文物保护单位安全管理责任的", "通 知"], "关于落实各级文物保护单位安全管理责任的通知"),
    # b477 008: a qualified genre spread out on its own line
    (["关于进一步加强手足口病防控工作的", "紧 急 通 知"], "关于进一步加强手足口病防控工作的紧急通知"),
    (["关于进一步加强手足口病防控工作的", "以 下 简 称 通 知"], None),
    (["湖南省人民政府办公厅关于加强普通高等学校", "毕业生就业工作的通知"], "湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知"),
    (["关于落实各级文物保护单位安全管理责任的", "各镇人民政府:"], None),
    (["國務院關于促進中部地區崛起", "“十三五”規劃的批復"], "國務院關于促進中部地區崛起“十三五”規劃的批復"),  # b390 012: a reply
])
def test_wrapped_title(lines, expected):
    assert H._wrapped_title([H.HeadLine(x) for x in lines], 0, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("2024年7月9日", "2024-07-09"),
    ("二〇二四年七月九日", "2024-07-09"),
    ("(2025年5月5日)", "2025-05-05"),
    ("(2010年1月28日 法发〔2010〕6号)", "2010-01-28"),  # b436 001: a law book's note under the title
    ("(2014年9月27日海财规〔2014〕12号文件发布)", None),
    ("法发〔2010〕6号", None),
])
def test_signature_date(line, expected):
    assert H.signature_date(line) == expected


@pytest.mark.parametrize("signature, expected", [
    (["总理温家宝", "二○○九年四月十三日"], "2009-04-13"),  # b292 001: a leader signs the decree in person
    (["部长 李小鹏", "2018年2月13日"], "2018-02-13"),
])
def test_leader_signature_date(signature, expected):
    from measures.parsing import default_knowledge, parse_document

    text = "\n".join(["民用机场管理条例", "(中华人民共和国国务院令第553号)", *signature,
                      "第一章 总则", "第一条 为了规范民用机场的建设与管理，制定本条例。", "第二条 本条例适用于民用机场。"])
    assert parse_document(text.encode(), source="t.txt", knowledge=default_knowledge())["document"]["signed_date"] == expected


@pytest.mark.parametrize("text, expected", [
    ("请认真贯彻执行。\n上海市嘉定区教育局\n2019年12月4日\n附件1\n补贴情况表", "上海市嘉定区教育局"),  # b132 005: above a table
    ("特此通知。\n漳州市科技特派员工作联席会议办公室\n(漳州市科学技术局代章)\n2025年3月27日", "漳州市科技特派员工作联席会议办公室"),
    ("国家工商行政管理总局章\n\n二〇一〇年三月五日", "国家工商行政管理总局"),  # a seal's note
    ("本条例由市人民代表大会常务委员会第五次会议于2008年8月26日制定", None),  # a date in a sentence
    ("市人民政府\n2020年1月2日", None),  # a government named by its level only: left to the others
])
def test_signed_org(text, expected):
    assert H.signed_org(text, CTX) == expected


@pytest.mark.parametrize("text, issuer, expected", [
    ("请认真贯彻执行。\n上海市嘉定区教育局\n2019年12月4日\n附件1\n补贴情况表", "上海市嘉定区教育局", "2019-12-04"),
    ("请认真贯彻执行。\n上海市嘉定区教育局\n2019年12月4日", "上海市教育委员会", None),  # another body's signature
    ("请认真贯彻执行。", "上海市嘉定区教育局", None),
])
def test_signed_by_issuer(text, issuer, expected):
    assert H.signed_by_issuer(text, issuer, CTX) == expected


@pytest.mark.parametrize("lines, expected", [
    (["第五条 各省、自治区、直辖市人民政府应当确定本地区的补助标准。"], True),  # every province: the State speaks
    (["由省(区、市)统筹安排。"], True), (["各省辖市人民政府要加强领导。"], False), (["全省推进。"], False),
])
def test_national_scope(lines, expected):
    assert H.national_scope(lines, CTX) is expected


@pytest.mark.parametrize("body, expected", [
    # a county-level city's bureau calls itself 市…局; the page names the city twice (b34 004, b50 003)
    (["今年桐乡市将加强应急管理。", "(一)完善桐乡市应急预案体系。"], ("district", "桐乡市")),
    (["今年全市将加强应急管理。", "(一)推动复兴城市更新。"], ("city", None)),  # no county-level city named
])
def test_county_level_city_speaks_as_shi(body, expected):
    from measures.parsing import default_knowledge, parse_document

    text = "\n".join(["市应急管理局2024年工作要点", *body, "(二)加强队伍建设。"])
    doc = parse_document(text.encode(), source="t.txt", knowledge=default_knowledge())["document"]
    assert (doc["level"], doc["district"]) == expected


@pytest.mark.parametrize("line, expected", [
    ("县技术标准化建设奖励实施方案为全面推进我县实施技术标准战略,鼓励和支持企事业单位", "县技术标准化建设奖励实施方案"),  # b218 002
    ("爱国卫生运动工作方案各村、镇直有关单位:为贯彻落实省、市、县爱国卫生清洁运动会议精神", "爱国卫生运动工作方案"),  # b213 010
    ("金华市农村产权流转交易管理暂行办法。", "金华市农村产权流转交易管理暂行办法"),  # b262 002
    ("*條 為貫徹《計算機軟件保護條例》(以下簡稱《條例》)制定本辦法。", None),  # b180 002: a purpose sentence
    ("加强监管为重点", None),
])
def test_title_then_purpose(line, expected):
    assert H.title_then_purpose(line, CTX) == expected


@pytest.mark.parametrize("issuer, expected", [
    ("財政部國家發展改革委水利部中國人民銀行", "財政部、國家發展改革委、水利部、中國人民銀行"),  # b304 007
    ("國家發展改革委?國家數據局", "國家發展改革委、國家數據局"),  # b310 003: an encoding's "?" between the names
    ("国家知识产权局", None), ("国家知识产权局沈阳代办处", None),  # one name, or more than names
    # b451 007: each with its general office
    ("工业和信息化部办公厅教育部办公厅文化和旅游部办公厅广电总局办公厅", "工业和信息化部办公厅、教育部办公厅、文化和旅游部办公厅、广电总局办公厅"),
])
def test_national_run(issuer, expected):
    assert H.national_run(issuer, ParseContext(Knowledge.from_fixtures())) == expected


@pytest.mark.parametrize("title, expected", [
    ("江蘇省人民政府 2023年1月19日 (此件公開發布) 關于進一步促進集成電路產業 高質量發展的若干政策",
     "關于進一步促進集成電路產業 高質量發展的若干政策"),  # b318 003: a signature run on before the title
    ("玉林市城区古树名木保护管理办法.", "玉林市城区古树名木保护管理办法"), ("礦山地質環境恢復治理條例?", "礦山地質環境恢復治理條例"),
    ("某市专利资助办法", "某市专利资助办法"), ("2.0版", "2.0版"),
    # b352 003, 007: the adoption note run on after the title
    ("四川省电力设施保护和供用电秩序维护条例 (2014年5月29日四川省第十二届人民代表大会 常务委员会第九次会议通过)",
     "四川省电力设施保护和供用电秩序维护条例"),
    ("浙江省无线电管理条例.2017年9月30日浙江省第十二届人民代表大会常务委员会第四十四次会议通过、", "浙江省无线电管理条例"),
    ("关于2023年5月8日会议通过事项的通知", "关于2023年5月8日会议通过事项的通知"),  # no genre before the date
    ("湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见-湖南省人民政府门户网站",
     "湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见"),  # b341 002: the site's name
    ("⑴ 大連市營業性道路運輸機動車駕駛員崗位培訓管理辦法", "大連市營業性道路運輸機動車駕駛員崗位培訓管理辦法"),  # b445 009
    ("、常州市规划局建设工程规划核实管理规定", "常州市规划局建设工程规划核实管理规定"),  # b809 009: a list's mark left
    (". 惠州市临时建设管理规定", "惠州市临时建设管理规定"),  # b809 012: a stop left
    ("Ⅰ 昆明市爱国卫生工作条例", "昆明市爱国卫生工作条例"),  # b846 003: a law site's list mark
    ("『壹』 大理白族自治州鄉村清潔條例", "大理白族自治州鄉村清潔條例"),  # b846 011
    ("Ⅱ级应急响应工作规程", "Ⅱ级应急响应工作规程"),  # a grade, no mark
])
def test_title_stray_marks(title, expected):
    assert H.title_stray_marks(title, CTX) == expected


@pytest.mark.parametrize("issuer, expected", [
    ("青岛市总工会青岛市地方税务局", "青岛市总工会、青岛市地方税务局"),  # b372 011
    ("滁州市总工会滁州市地方税务局滁州市财政局", "滁州市总工会、滁州市地方税务局、滁州市财政局"),
    ("青岛市人民政府办公厅", "青岛市人民政府办公厅"),  # one body
    ("中共宿州市委宿州市人民政府", "中共宿州市委宿州市人民政府"),  # GLUED_JOINT's (its place after 中共)
])
def test_glued_same_place(issuer, expected):
    assert H.glued_same_place(issuer) == expected


@pytest.mark.parametrize("title, expected", [
    ("贵州省人民政府办公厅印发贵州省深入开展消费扶贫助力打赢脱贫攻坚战的实施意见",  # b382 010
     "贵州省深入开展消费扶贫助力打赢脱贫攻坚战的实施意见"),
    ("关于印发外国人来华工作许可服务指南(试行)", "外国人来华工作许可服务指南(试行)"),  # b377 013: the notice's end lost
    ("廣州市關于印發《2021年度支持專利轉讓許可項目申報指南", "2021年度支持專利轉讓許可項目申報指南"),  # b154 012
    ("关于印发某市知识产权保护实施方案的通知", "关于印发某市知识产权保护实施方案的通知"),  # a notice's title stays
    ("关于加强知识产权保护的意见", "关于加强知识产权保护的意见"),  # nothing issued
])
def test_issuing_prefix_off(title, expected):
    assert H.issuing_prefix_off(title, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("福州市长乐区人民政府办公室2023年4月24日福州市长乐区会展业促进管理办法", "福州市长乐区会展业促进管理办法"),  # b102 008
    ("茂名市人民政府2023年6月15日茂名市知識產權工作資助辦法(試行)", "茂名市知識產權工作資助辦法(試行)"),  # b286 001
    ("2023年知识产权工作要点", "2023年知识产权工作要点"),  # a year, no signature before it
    ("福州市人民政府2023年4月24日", "福州市人民政府2023年4月24日"),  # nothing titled after the date
])
def test_signature_prefix_off(title, expected):
    assert H.signature_prefix_off(title, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("鹿政規〔2024〕3號:鹿寨縣人民政府關于印發《鹿寨縣農村產權流轉交易市場管理辦法(修訂)》的通知",  # b411 012
     "鹿寨縣人民政府關于印發《鹿寨縣農村產權流轉交易市場管理辦法(修訂)》的通知"),
    ("关于印发某办法的通知", "关于印发某办法的通知"),
    ("冀政发〔2016〕16号:", "冀政发〔2016〕16号:"),  # nothing after the 文号
])
def test_doc_number_lead_off(title, expected):
    assert H.doc_number_lead_off(title, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("穗府办规〔2024〕12号广州市人民政府办公厅关于印发广州市推动工业企业加快实施技术改造若干措施的通知",  # b189 002
     "广州市人民政府办公厅关于印发广州市推动工业企业加快实施技术改造若干措施的通知"),
    ("城委乡振组发〔2021〕3号 关于印发《城步苗族自治县巩固提升就业帮扶车间等“七大专项行动”实施方案》的通知",
     "关于印发《城步苗族自治县巩固提升就业帮扶车间等“七大专项行动”实施方案》的通知"),  # b548 005
    ("关于印发某办法的通知", "关于印发某办法的通知"),
])
def test_doc_number_lead_off_a_notice(title, expected):
    assert H.doc_number_lead_off(title, CTX, H.NOTICE_NUMBER_LEAD) == expected
    assert H.doc_number_lead_off(title, CTX) in (title, expected)  # a title needs the colon


@pytest.mark.parametrize("title, expected", [
    ("数字农业农村发展规划(20192025年)", "数字农业农村发展规划(2019—2025年)"),  # b383 003
    ("某规划(2021—2025年)", "某规划(2021—2025年)"), ("某方案(2019年)", "某方案(2019年)"),
])
def test_lost_period_dash(title, expected):
    assert H.lost_period_dash(title) == expected


@pytest.mark.parametrize("line, expected", [
    ("2025年深圳市知识产权保险资助项目", "2025年深圳市知识产权保险资助项目"),  # b435 001
    ("南山區知識產權證券化融資支持項目申報", "南山區知識產權證券化融資支持項目申報"),  # b435 002 (glosses already off)
    ("申报指南 | 深圳市2022年知识产权领域专项资金核准制项目", "深圳市2022年知识产权领域专项资金核准制项目"),  # b232 008
    ("福州市2020年度技术合同认定登记机构奖励", "福州市2020年度技术合同认定登记机构奖励"),  # b217 001
    ("一、资助项目", None),  # a numbered heading
    ("对获评国家知识产权示范企业的给予奖励", None),  # a sentence's opening
    ("2023年度江蘇省院士工作站開始申報,積極建設", None),  # a sentence
    ("免费评估 我要申报", None),
])
def test_call_title(line, expected):
    assert H.call_title(line, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("虞城县人民政府关于集中行使行政复议职责的通 告", "虞城县人民政府关于集中行使行政复议职责的通告"),  # b444 008
    ("关于印发…的通 知", "关于印发…的通知"),
    ("关于印发…的通知", "关于印发…的通知"),
    ("互通 知识", "互通 知识"),  # no 的 before it: no title's end
])
def test_spaced_genre_end(line, expected):
    assert H.spaced_genre_end(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("       邮寄地址:北京市西城区西长安街13号工业和信息化部", True),  # b448 001
    ("联系方式:工业和信息化部(原材料工业司)     魏茹欣 010-68205565", True),
    ("北京市西城区人民政府", False),
    ("各区要加强地址管理:", False),
])
def test_contact_line(line, expected):
    assert H.contact_line(line, CTX) is expected


def test_notice_that_lost_its_title():
    """b462 004: "关于印发的通知" (a site dropped the 《》 and what they held): the first title below is the title."""
    from measures.parsing import default_knowledge, parse_document

    text = "\n".join(["遂府办发〔2025〕6号", "遂宁市人民政府办公室", "关于印发的通知", "各县(市、区)人民政府:",
                      "《遂宁市政务信息化项目管理办法》已经市政府同意,现印发给你们,请遵照执行。", "遂宁市人民政府办公室",
                      "2025年6月28日", "遂宁市政务信息化项目管理办法", "第一章 总则", "第一条 为加强管理,制定本办法。",
                      "第二条 本办法适用于市级项目。", "第三条 市数据局负责项目管理。"])
    doc = parse_document(text.encode(), source="t.txt", knowledge=default_knowledge())["document"]
    assert doc["title"] == "遂宁市政务信息化项目管理办法"


@pytest.mark.parametrize("line, expected", [
    ("yabo88 關於印發梅州市網上辦事大廳建設2017年工作方案的通知", "關於印發梅州市網上辦事大廳建設2017年工作方案的通知"),  # b462 009
    ("G20杭州峰会保障工作方案", "G20杭州峰会保障工作方案"),  # no space: a name of the title
    ("5G 网络建设实施方案", "5G 网络建设实施方案"),  # no letters first
    ("abc88 加强知识产权保护", "abc88 加强知识产权保护"),  # no title after it
])
def test_spam_token_off(line, expected):
    assert H.spam_token_off(line, CTX) == expected


def test_notice_again_below_with_its_number():
    """b190 005: the notice once more below, opened by its 文号 and a space, is no fuller version of it."""
    from measures.parsing import default_knowledge, parse_document

    text = "\n".join(["济宁市任城区人民政府关于下达济宁市任城区2023年国民经济和社会发展计划的通知",
                      "济任政发﹝2023﹞4号 济宁市任城区人民政府关于下达济宁市任城区2023年国民经济和社会发展计划的通知",
                      "各镇人民政府、街道办事处:", "现将《济宁市任城区2023年国民经济和社会发展计划》下达给你们,请认真贯彻执行。",
                      "一、主要目标", "地区生产总值增长6%左右。"])
    doc = parse_document(text.encode(), source="t.txt", knowledge=default_knowledge())["document"]
    assert doc["notice_title"] == "济宁市任城区人民政府关于下达济宁市任城区2023年国民经济和社会发展计划的通知"


@pytest.mark.parametrize("lines, expected", [
    # b503 002: the site's category, a short last entry, is no title
    (["当前位置: 主页 > 高企奖励政策 > 黑龙江高企政策"], {"主页", "高企奖励政策", "黑龙江高企政策"}),
    # the last entry often names the document itself: it stays a title when long
    (["首页 > 政策文件 > 某市知识产权专项资金管理办法"], {"首页", "政策文件"}),
    (["当前位置:首頁 » 法規百科 » 海關知識產權保護條例"], {"首页", "法规百科"}),  # b228 005
    (["加强知识产权保护 > 完善制度"], set()),   # two parts: no trail
])
def test_breadcrumb_entries(lines, expected):
    assert H.breadcrumb_entries(lines, CTX) == expected


@pytest.mark.parametrize("title, lines, expected", [
    # b475 012: the announcement is the page's only heading; the law it promulgates is the document
    ("温州市第十四届人民代表大会常务委员会公告",
     ["《温州市青年发展促进条例》已于2024年12月25日由温州市第十四届人民代表大会常务委员会第二十四次会议通过,"
      "2025年3月28日经浙江省第十四届人民代表大会常务委员会第十六次会议批准,现予公布,自2025年5月1日起施行。"],
     "温州市青年发展促进条例"),
    ("温州市第十四届人民代表大会常务委员会公告", ["根据《中华人民共和国立法法》规定,现予公布。"], None),  # a law cited
    ("温州市青年发展促进条例", ["《温州市青年发展促进条例》已于2024年12月25日通过,现予公布。"], None),  # the title already
    # b590 002: "由…通过" and the number after the heading
    ("沈阳市人民代表大会常务委员会公告(第38号)",
     ["《沈阳市知识产权保护和促进条例》由沈阳市第十七届人民代表大会常务委员会第二十七次会议于2025年10月27日通过,"
      "已经辽宁省第十四届人民代表大会常务委员会第十九次会议于2025年11月27日批准,现予公布,自2026年1月1日起施行。"],
     "沈阳市知识产权保护和促进条例"),
    # b403 008: a number the heading pattern does not read
    ("贵州省人民代表大会常务委员会公告(2025第21号)",
     ["《贵州省实施〈中华人民共和国反恐怖主义法〉办法》已于2025年12月3日经贵州省第十四届人民代表大会常务委员会"
      "第二十次会议通过,现予公布,自2026年1月1日起施行。"], "贵州省实施《中华人民共和国反恐怖主义法》办法"),
    # b410 005: "已报经…批准"
    ("宁波市第十五届人民代表大会常务委员会公告",
     ["《宁波市建筑垃圾管理条例》已报经浙江省第十三届人民代表大会常务委员会第三十五次会议于2022年3月18日批准,"
      "现予公布,自2022年7月1日起施行。"], "宁波市建筑垃圾管理条例"),
])
def test_promulgated_title(title, lines, expected):
    assert H.promulgated_title(title, lines, CTX) == expected


@pytest.mark.parametrize("text, source, expected", [
    ("国防专利条例\n来源:国资数据中心\n第一条 …\n© 2003-2024 国资数据中心  版权所有", "国资数据中心", True),  # b529 002
    ("…\n国资数据中心版权所有 未经许可不得转载", "国资数据中心", True),
    ("来源:深圳市人民政府办公厅\n第一条 …\n版权所有:深圳市人民政府", "深圳市人民政府办公厅", False),  # the site is another body
    ("来源:国资数据中心", None, False),
])
def test_site_source(text, source, expected):
    assert H.site_source(source, ParseContext(text=text)) is expected


@pytest.mark.parametrize("title, lines, expected", [
    ("关于贯彻落实〈计量发展规划(2021—2035年)〉的实施意见",
     ["经省人民政府同意,现将《关于贯彻落实〈计量发展规划(2021—2035年)〉的实施意见》印发给你们。", "湖北省人民政府办公厅",
      "关于贯彻落实《计量发展规划(2021—2035年)》的实施意见"],
     "关于贯彻落实《计量发展规划(2021—2035年)》的实施意见"),  # b145 005: the heading's marks
    ("浙江省实施〈生猪屠宰管理条例〉办法", ["浙江省实施〈生猪屠宰管理条例〉办法", "浙江省实施《生猪屠宰管理条例》办法"],
     "浙江省实施〈生猪屠宰管理条例〉办法"),  # b544 001: a heading line writes 〈〉 itself
    ("海宁市贯彻〈浙江省若干政策〉承接落实方案", ["各镇人民政府:"], "海宁市贯彻〈浙江省若干政策〉承接落实方案"),  # no heading line
])
def test_headed_form(title, lines, expected):
    assert H.headed_form(title, lines, CTX) == expected


CHAOYANG = [{"code": "110000", "name": "北京市", "short_name": "北京", "level": "province", "parent": None},
            {"code": "110105", "name": "朝阳区", "short_name": "朝阳", "level": "district", "parent": "110000"},
            {"code": "220000", "name": "吉林省", "short_name": "吉林", "level": "province", "parent": None},
            {"code": "220100", "name": "长春市", "short_name": "长春", "level": "city", "parent": "220000"},
            {"code": "220104", "name": "朝阳区", "short_name": "朝阳", "level": "district", "parent": "220100"}]


@pytest.mark.parametrize("text, region, expected", [
    ("北京朝阳区加快推进中小企业梯度培育若干措施", "110000", "110105"),  # b549 008
    ("长春朝阳区关于…的通知", "220100", "220104"),
    ("北京市关于…的通知", "110000", None),  # no shared name after it
])
def test_ambiguous_below(text, region, expected):
    gaz = Gazetteer(CHAOYANG)
    got = H.ambiguous_below(gaz, text, gaz.by_code[region])
    assert (got["code"] if got else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("东莞市2023年水污染防治工作方案_第1页\n东莞市2023年水污染防治工作方案_第2页\n全文预览已结束", "东莞市2023年水污染防治工作方案"),  # b543 009
    ("包虫病实施方案.docx_第1页\n包虫病实施方案.docx_第2页", "包虫病实施方案"),
    ("大野外用火管理办法(共2页).doc_第1页", "大野外用火管理办法"),
    ("1 ― 番禺区品牌奖励实施和管理办法 (征求意见稿)\n第一章 总则", None),  # no page image
    ("第1页\n第2页", None),
])
def test_page_mark_title(text, expected):
    assert H.page_mark_title(text, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("3月21日永登县公安局关于对县城部分道路实施临时交通管制的通告", "永登县公安局关于对县城部分道路实施临时交通管制的通告"),  # b540 001
    ("12月5日某市知识产权保护条例", "某市知识产权保护条例"),
    ("1月1日起施行", "1月1日起施行"),  # no title after the day
    ("永登县公安局关于实施交通管制的通告", "永登县公安局关于实施交通管制的通告"),
])
def test_news_date_off(title, expected):
    assert H.news_date_off(title, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("扬州市港口管理办法、", "扬州市港口管理办法"),  # b282 004
    ("酒泉市地下水资源管理办法；", "酒泉市地下水资源管理办法"),
    ("关于加强、", "关于加强、"),  # no genre before the mark
    ("吉林省公共机构节约能源资源考核工作规程、", "吉林省公共机构节约能源资源考核工作规程"),  # b537 007: 规程 is a genre
])
def test_title_tail_off_list_marks(title, expected):
    assert H.title_tail_off(title, CTX) == expected



@pytest.mark.parametrize("title, lines, expected", [
    # b165 008: the forwarded document after 转发, from its 关于 on
    ("转发住房城乡建设部 财政部 中国人民银行关于放宽提取住房公积金支付房租条件的通知",
     ["转发住房城乡建设部 财政部 中国人民银行关于放宽提取住房公积金支付房租条件的通知", "各市住房公积金管理中心:"],
     ("关于放宽提取住房公积金支付房租条件的通知", "转发住房城乡建设部 财政部 中国人民银行关于放宽提取住房公积金支付房租条件的通知")),
    # b612 003: the notice names the forwarded document in 《》; the title wraps over two lines
    ("转发省农业农村厅关于开展2021年广东省十大杰出高素质农民认定活动的通知",
     ["转发省农业农村厅关于开展2021年广东省", "十大杰出高素质农民认定活动的通知",
      "现将省农业农村厅《关于开展2021年广东省十大杰出高素质农民认定活动的通知》(粤农农函〔2021〕636号)转发给你们,请按照通知要求组织。"],
     ("关于开展2021年广东省十大杰出高素质农民认定活动的通知", "转发省农业农村厅关于开展2021年广东省十大杰出高素质农民认定活动的通知")),
    # a chain of forwards stays whole
    ("广东省人民政府办公厅转发国务院办公厅转发国家机关事务管理局关于清理规范驻省会城市办事机构指导意见的通知",
     ["广东省人民政府办公厅转发国务院办公厅转发国家机关事务管理局关于清理规范驻省会城市办事机构指导意见的通知"],
     ("广东省人民政府办公厅转发国务院办公厅转发国家机关事务管理局关于清理规范驻省会城市办事机构指导意见的通知", None)),
    # b588 007: a title quoted from the text ("现将…《转发…》转发给你们") stays
    ("转发省农业农村厅关于开展广东省规模猪场贷款贴息项目入库工作的通知",
     ["各乡镇人民政府:", "现将市农业农村局《转发省农业农村厅关于开展广东省规模猪场贷款贴息项目入库工作的通知》转发给你们"],
     ("转发省农业农村厅关于开展广东省规模猪场贷款贴息项目入库工作的通知", None)),
    ("关于加强管理的通知", ["关于加强管理的通知"], ("关于加强管理的通知", None)),
])
def test_forwarded_title(title, lines, expected):
    assert H.forwarded_title(title, lines, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("2014530", "2014-05-30"),    # b626 001: 5-30 (53-0 is no date)
    ("2016815", "2016-08-15"),    # b620 004
    ("202149", "2021-04-09"),     # b602 003
    ("2015114", None),            # b605 010: 1-14 or 11-4
    ("20151231", None),           # eight digits: not this rule's
    ("2014年5月30日", None),      # its marks kept: parse_date's
    ("2023102", "2023-10-02"),    # 1-02 has a zero day lead: only 10-2
])
def test_lost_marks_date(line, expected):
    assert H.lost_marks_date(line) == expected


@pytest.mark.parametrize("h, lines, expected", [
    # b45 013: the title repeated below the site's heading, the county on the line above it
    (_header(title="关于加快第三产业发展的实施意见(试行)", body_start=6),
     ["关于加快第三产业发展的实施意见(试行)", "日期:2012-10-11 16:17 来源:本网", "沙县人民政府",
      "关于加快第三产业发展的实施意见(试行)", "各乡镇人民政府:"], "沙县人民政府"),
    (_header(title="关于加快第三产业发展的实施意见", body_start=3),
     ["关于加快第三产业发展的实施意见", "各乡镇人民政府:"], None),                 # nothing above it
    (_header(title="某某办法", body_start=2), ["沙县人民政府", "某某办法"], None),  # not a 关于 title
])
def test_org_line_above_title(h, lines, expected):
    assert H.org_line_above_title(h, lines, CTX) == expected


@pytest.mark.parametrize("s, start, expected", [
    # b144 009: the number's prefix read from "发利用的实施意见湘政办发": it starts after 实施意见
    ("湖南省人民政府办公厅关于加快湖南省公共数据资源开发利用的实施意见湘政办发〔2025】25号", 25, 32),
    ("重庆市人民政府办公厅关于切实加强文物安全工作的实施意见渝府办发[2018]3号", 18, 27),
    ("重大生产安全事故查处挂牌督办通知书(安委督〔2023〕13号)", 18, 18),  # no genre in reach: as read
])
def test_glued_number_start(s, start, expected):
    assert H.glued_number_start(s, start, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("人事信息 重点工作 行政执法 科普宣传 工作规则", True),     # b428 007
    ("关于加强 知识产权保护的意见", False),                      # a title a layout split
    ("网站首页 政策文件 关于印发某某市知识产权专项资金管理办法的通知", False),  # one long entry: not a menu
])
def test_menu_line(line, expected):
    assert H.menu_line(line) is expected


@pytest.mark.parametrize("title, expected", [
    ("6縣城供熱管理制度", "縣城供熱管理制度"), ("1宜宾市住房公积金管理办法", "宜宾市住房公积金管理办法"),  # b468 010, b165 001
    ("3年行动计划", "3年行动计划"), ("5个专项行动方案", "5个专项行动方案"),  # the digit counts something
    ("5G发展", "5G发展"),
])
def test_stray_digit_lead_off(title, expected):
    assert H.stray_digit_lead_off(title, CTX) == expected


@pytest.mark.parametrize("title, expected", [
    ("新安街道城市环卫一体化考核评分细则", "新安街道"), ("2022年XX镇卫生保洁及人居环境整治考核办法", "XX镇"),  # b673 007, 010
    ("青龙乡城乡特困供养补助2023年政策标准", "青龙乡"), ("魁鬥鎮關於對農村獨生子女父母獎勵的通知", "魁斗镇"),  # b656, folded
    ("鞍山市城乡居民医疗保险实施细则", None), ("云南省城镇污水处理提质增效三年行动实施方案", None),  # 城乡, 城镇
    ("萍乡市河长制湖长制市级会议制度", None), ("景德镇市陶瓷文化传承创新条例", None),  # a city's name
    ("赣州市美丽乡镇建设五年行动方案", None), ("美丽乡村建设方案", None), ("关于支持特色小镇建设的意见", None),
    ("新乡养犬管理办法", "新乡"),  # the caller sees that 新乡 opens the city's name (region_of's 新乡市)
    (None, None),
])
def test_township_title(title, expected):
    assert H.township_title(title, CTX) == expected


@pytest.mark.parametrize("region, title, level", [
    ({"province": "广东省", "city": "东莞市", "district": None, "level": "city"}, "厚街镇促进经济高质量发展专项资金管理办法",
     "district"),  # b137 004
    ({"province": "河南省", "city": "新乡市", "district": None, "level": "city"}, "新乡养犬管理办法", "city"),  # b256 001
    ({"province": None, "city": None, "district": None, "level": "national"}, "新安街道城市环卫一体化考核评分细则",
     "district"),  # b673 007
    ({"province": "浙江省", "city": None, "district": None, "level": "province"}, "浙江省生活垃圾管理条例", "province"),
])
def test_township_level(region, title, level):
    assert H.township_level(region, title, CTX)["level"] == level


@pytest.mark.parametrize("line, expected", [
    ("《某某管理办法》", "某某管理办法"), ("《某某管理办法", "某某管理办法"), ("某某管理办法》", "某某管理办法"),
    ("关于印发 《A办法》", "关于印发 《A办法》"),  # b690 003: the 》 closes a 《 inside the line
    ("《C办法》的通知", "C办法》的通知"),  # as before: the lead mark goes, the rest is a notice's end
])
def test_without_outer_quotes(line, expected):
    assert H.without_outer_quotes(line) == expected


@pytest.mark.parametrize("name, text, expected", [
    # session 28: a county-level city speaks of itself as 市 (b871 006, b827)
    ("大冶市", "为进一步规范我市节日期间市场价格行为,大冶市市场监督管理局现对全市各经营者提醒告诫如下。", True),
    ("桐乡市", "桐乡市应急管理局…全市…桐乡市", True),                     # named twice
    ("兴城市", "推进城市更新,建设新兴城市,全市各区…", False),             # inside a word
    ("昆山市", "全市各县(市、区)要学习昆山市的经验。", False),             # named once, not the body that speaks
])
def test_county_city_speaks(name, text, expected):
    ctx = ParseContext()
    ctx.text = text
    assert H.county_city_speaks(name, ctx) is expected


@pytest.mark.parametrize("line, expected", [
    # session 28: a law database's box run into a page flattened to one line (b86 012, b816 009)
    ("集体商标、证明商标注册和管理规定ProvisionsontheRegistration制定机关:国家知识产权局发文字号:国家知识产权局令第79号"
     "公布日期:2023.12.29施行日期:2024.02.01第一条 为了规范集体商标、证明商标的注册和使用管理……" + "。" * 300,
     {"issuer": "国家知识产权局", "doc_number": "国家知识产权局令第79号", "published": "2023.12.29"}),
    ("为加强管理,现就有关事项通知如下:一、发布日期:以公告为准。" + "。" * 300, {}),   # one label: no box
])
def test_flat_label_run(line, expected):
    assert H.flat_label_run(line, CTX) == expected


@pytest.mark.parametrize("line, expected", [
    ("市知识产权局印发《知识产权强市建设方案》", "市知识产权局"),
    # session 28: a price reminder's and a notice's opening (b871 006, b811 011)
    ("为规范我市节日期间市场价格行为,大冶市市场监督管理局现对全市各经营者提醒告诫如下。", "大冶市市场监督管理局"),
    ("根据《长沙市人民监督员选任管理改革工作实施方案》,长沙市司法局决定在全市范围内选任人民监督员。", "长沙市司法局"),
    ("具体收费标准由市人民政府决定。", None),                   # a rule's article: no speaker
    ("法律、法规规定或市人民政府决定的其他事项。", None),       # no decision that starts anything
    ("根据国家知识产权局印发的《…》要求", None),               # a body the text follows
])
def test_issuer_in_text(line, expected):
    assert H.issuer_in_text(line, CTX) == expected


@pytest.mark.parametrize("value, expected", [
    # session 28: a town that the metadata names as its publisher or source (b580 010, b855 001, b726)
    ("虹城街道", "虹城街道"), ("东白湖镇", "东白湖镇"), ("安义县万埠镇", "安义县万埠镇"),
    ("东白湖镇 打印", "东白湖镇"),           # the page's tools run on after the value
    ("镇江", None), ("金安区乡村振兴局", None),  # a city's name; a body (issuer_of's usual forms)
])
def test_township_issuer(value, expected):
    assert H.township_issuer(value, CTX) == expected


@pytest.mark.parametrize("key, line, expected", [
    # session 29: a site's box whose last labels are empty ("分类:" / "文件状态:"), then the title (b07 009)
    ("status", "深圳市深汕特别合作区知识产权促进产业创新发展专项资金管理办法", True),
    ("topic", "威海市电子商务扶持资金申报指南", True),
    ("title", "深圳市深汕特别合作区知识产权促进产业创新发展专项资金管理办法", False),  # a title label's value
    ("issuer", "深圳市市场监督管理局深汕监管局", False),     # a value that is no title
    ("topic", "综合政务", False),
])
def test_title_below_label(key, line, expected):
    assert H.title_below_label(key, line, CTX) is expected


@pytest.mark.parametrize("line, expected", [
    # session 29: a spam word, a site's category or a law site's name and a space before the title
    ("金沙娱乐城 三水区民宿管理暂行办法", "三水区民宿管理暂行办法"),                    # b883 008
    ("政策解读 铜川市人民政府关于进一步加快棚户区改造工作的实施意见", "铜川市人民政府关于进一步加快棚户区改造工作的实施意见"),
    ("EHS中国 法规首页 贵州省石油天然气管道建设和保护条例", "贵州省石油天然气管道建设和保护条例"),  # b352 010
    ("中华人民共和国 专利法实施细则", "中华人民共和国 专利法实施细则"),              # a place: part of the title
    ("中共中央 国务院关于构建数据基础制度更好发挥数据要素作用的意见",
     "中共中央 国务院关于构建数据基础制度更好发挥数据要素作用的意见"),              # joint issuers (b02 002)
    ("临沭县人民政府 关于进一步加强12345政务服务热线办理工作的通知",
     "临沭县人民政府 关于进一步加强12345政务服务热线办理工作的通知"),              # a body
    ("关于 进一步加强知识产权保护的意见", "关于 进一步加强知识产权保护的意见"),        # the title's own start
    ("XX 市绿色建筑促进办法", "XX 市绿色建筑促进办法"),                            # a placeholder (b338 004)
    ("2009年 广播电台电视台播放录音制品支付报酬暂行办法", "2009年 广播电台电视台播放录音制品支付报酬暂行办法"),
    ("成都市促进卫星互联网 与卫星应用产业发展专项政策", "成都市促进卫星互联网 与卫星应用产业发展专项政策"),  # b516 005
])
def test_spaced_prefix_off(line, expected):
    from measures.parsing.knowledge import default_knowledge
    assert H.spaced_prefix_off(line, ParseContext(default_knowledge())) == expected


@pytest.mark.parametrize("line, expected", [
    ("三水区民宿管理暂行办法", True),                                   # opens with a place
    ("关于进一步加强知识产权保护的意见", True),                           # opens as a notice does
    ("铜川市人民政府关于进一步加快棚户区改造工作的实施意见", True),
    ("与卫星应用产业发展专项政策", False),                                # opens mid-title
    ("国务院办公厅关于进一步加强矿山安全生产工作的意见》重点任务分解方案", False),  # a 》 without its 《
    ("净美家园”村庄清洁专项整治行动实施方案", False),
])
def test_complete_title(line, expected):
    from measures.parsing.knowledge import default_knowledge
    assert H.complete_title(line, ParseContext(default_knowledge())) is expected


@pytest.mark.parametrize("text, expected", [
    # session 29: a template or essay site's lead naming the document it serves
    ("下面是小编为大家整理的光伏发电精准脱贫实施方案,请大家参阅。", "光伏发电精准脱贫实施方案"),            # b301 004
    ("小编收集的关于北京市机动车停车管理办法,仅供参考!", "北京市机动车停车管理办法"),                   # b391 004
    ("下面是小编为大家整理的2022年度教育厅教育工作要点(2022年),供大家参考。", "2022年度教育厅教育工作要点"),
    ("下面是小編整理的集中打擊傳銷專項行動方案范文,供大家參考閱讀。", None),                          # a template
    ("本站小编为你精心准备了全市水库安全管理通知参考范文,愿这些范文能点燃您思维的火花", None),
    ("小编为大家整理了相关内容。", None),
])
def test_editor_lead_title(text, expected):
    assert H.editor_lead_title(text, CTX) == expected

