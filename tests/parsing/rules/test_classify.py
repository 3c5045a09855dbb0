"""classify stage rules (driven by keyword data: a small knowledge here, the project's in the fixture)."""
import pytest

from measures.parsing import classify as Cl
from measures.parsing.context import ParseContext
from measures.parsing.knowledge import Knowledge

SMALL = Knowledge(
    themes=[{"code": "creation", "keywords": ["商标^3", "品牌^3"]}, {"code": "funding", "keywords": ["+万元奖励^1", "资金"]},
            {"code": "finance", "keywords": ["质押", "质押贷款^2", "!质押物"]}],
    ip_types=[{"code": "patent", "keywords": ["专利", "!专利周"]}, {"code": "trademark", "keywords": ["商标", "品牌^0.5"]}])


def scores(index, title, body, path=None):
    return [(index.rules[ri].code, score) for score, ri, _ in Cl.rule_scores(index, Cl.Texts.of(title, body, path))]


@pytest.mark.parametrize("title, body, path, expected", [
    (None, "鼓励银行开展质押贷款业务。", None, [("finance", 2.5)]),  # 质押 inside 质押贷款 counts half
    ("推进商标品牌建设", "培育品牌。", None, [("creation", 9.0)]),  # title words once more than the body
    (None, "完善质押物登记。", None, []),  # an ignored phrase
    (None, "加强执法。", ["商标保护"], [("creation", 6.0)]),  # the nearest heading weighs 2
    (None, "商标商标商标商标商标", None, [("creation", 9.0)]),  # body occurrences capped at 3
    (None, "商標品牌", None, [("creation", 6.0)]),  # Traditional folded
])
def test_rule_scores(title, body, path, expected):
    assert scores(SMALL.theme_index, title, body, path) == expected


@pytest.mark.parametrize("scored, expected", [
    ([(9.0, "creation", {"商标": 9.0}), (2.0, "funding", {"万元奖励": 1.0, "资金": 1.0})], ["creation", "funding"]),
    ([(9.0, "creation", {}), (2.0, "funding", {"资金": 2.0})], ["creation"]),  # no decisive keyword
    ([(8.0, "creation", {}), (4.0, "finance", {})], ["creation", "finance"]),
    ([(12.0, "creation", {}), (4.0, "finance", {})], ["creation"]),  # under THEME_RATIO (0.35) of the best
    ([(6.0, "creation", {}), (2.5, "finance", {})], ["creation"]),  # under THEME_MIN (3)
    # real line (总则): 市市场监管局负责工作站建设统筹布局、宏观管理、年度评价与指导监督等工作 scored
    # assistance 7.5, organization 3.5: both (the gold's pair)
    ([(7.5, "creation", {}), (3.5, "finance", {})], ["creation", "finance"]),
    # real line: 鼓励知识产权创造。(一)国内发明专利授权…资助1500元/件 scored funding 40.5, creation 3.25: one
    ([(40.5, "creation", {}), (3.25, "finance", {})], ["creation"]),
    ([(8.0, "creation", {}), (6.0, "finance", {}), (5.0, "funding", {})], ["creation", "finance"]),  # MAX_THEMES
    # real line: 完善数据全流程合规与监管规则体系 scored legal 5.5 + utilization/administrative: one theme
    ([(5.5, "creation", {}), (2.0, "finance", {}), (1.0, "funding", {})], ["creation"]),
    ([], []),
])
def test_choose_themes(scored, expected):
    index = SMALL.theme_index
    ri = {r.code: i for i, r in enumerate(index.rules)}
    assert Cl.choose_themes(index, [(s, ri[code], hits) for s, code, hits in scored]) == expected


@pytest.mark.parametrize("scored, expected", [
    ([(3.0, "trademark", {}), (0.5, "patent", {})], ["trademark"]),
    ([(1.0, "trademark", {}), (2.0, "patent", {})], ["patent", "trademark"]),  # in list order
    ([], []),
])
def test_choose_ip_types(scored, expected):
    index = SMALL.ip_index
    ri = {r.code: i for i, r in enumerate(index.rules)}
    assert Cl.choose_ip_types(index, [(s, ri[code], hits) for s, code, hits in scored]) == expected


@pytest.mark.parametrize("themes, expected", [
    ([{"code": "creation", "keywords": ["商标"]}, {"code": "organization", "keywords": ["考核"]}], ["organization"]),
    ([{"code": "creation", "keywords": ["商标"]}], []),  # a theme list without it: nothing
])
def test_fallback_theme(themes, expected):
    index = Knowledge(themes=themes).theme_index
    assert Cl.fallback_theme(index) == expected
    assert Cl.choose_themes(index, []) == expected  # a measure no keyword speaks to


THEMES = [{"code": "funding", "keywords": ["资金"]}, {"code": "organization", "keywords": ["考核"]}]


@pytest.mark.parametrize("chosen, body, expected", [
    (["funding"], "区财政部门负责审核、报批、下达专项资金预算。", ["funding", "organization"]),
    (["creation"], "市知识产权局牵头组织实施高价值专利培育工程。", ["creation", "organization"]),
    (["funding"], "设立知识产权专项资金，支持专利转化。", ["funding"]),  # no body given a duty
    (["funding", "creation"], "区财政部门负责下达专项资金。", ["funding", "creation"]),  # two themes already
    (["organization"], "区财政部门负责下达专项资金。", ["organization"]),
])
def test_with_duty_theme(chosen, body, expected):
    assert Cl.with_duty_theme(chosen, body, Knowledge(themes=THEMES).theme_index) == expected


MARKED = Knowledge(
    themes=[{"code": "legal_system", "keywords": ["产权制度^2 -知识产权制度", "条例^3"]}],
    ip_types=[{"code": "data", "keywords": ["数据知识产权", "~互联网^0.5", "~电子商务"]}])


@pytest.mark.parametrize("key, title, body, path, expected", [
    # real line (a non-IP page): 充分发挥互联网的创新驱动作用 gave the data IP type; weak keywords need IP talk
    ("ip", None, "大力发展众创空间。充分发挥互联网的创新驱动作用。", None, []),
    ("ip", None, "发展吸纳就业能力强的产业。加快发展电子商务。", None, []),
    # real line: 加强互联网侵权假冒治理 (the measure speaks of infringement): counted
    ("ip", None, "加强互联网侵权假冒治理。加强网络市场监管。", None, [("data", 0.5)]),
    ("ip", None, "规范电子商务平台。", ["加强电子商务领域知识产权保护"], [("data", 3.0)]),  # the heading speaks of IP
    ("ip", None, "推进数据知识产权登记。", None, [("data", 1.0)]),  # a plain keyword needs nothing
    # "-longer": 产权制度 does not count inside 知识产权制度 (another thing), elsewhere it does
    ("theme", None, "完善知识产权制度。", None, []),
    ("theme", None, "健全产权制度,完善知识产权制度。", None, [("legal_system", 2.0)]),
    ("theme", "完善产权制度", "修订条例。", None, [("legal_system", 5.0)]),  # title 2 + body 3
])
def test_weak_and_not_inside_keywords(key, title, body, path, expected):
    index = MARKED.ip_index if key == "ip" else MARKED.theme_index
    assert scores(index, title, body, path) == expected


@pytest.mark.parametrize("raw, expected", [
    ("~互联网^0.5", ("~", "互联网", 0.5, ())),
    ("+补贴^3", ("+", "补贴", 3.0, ())),
    ("产权制度^2 -知识产权制度", ("", "产权制度", 2.0, ("知识产权制度",))),
    ("专利", ("", "专利", 1.0, ())),
])
def test_parse_entry(raw, expected):
    from measures.parsing.knowledge import parse_entry

    assert parse_entry(raw) == expected


def test_project_keyword_entries_are_well_formed():
    """Every fixture keyword parses: a word, a number weight, "-longer" words that contain it."""
    from measures.parsing.knowledge import default_knowledge, parse_entry

    k = default_knowledge()
    for row in k.themes + k.ip_types:
        for raw in row["keywords"]:
            if raw.startswith("!"):
                continue
            marks, word, weight, longer = parse_entry(raw)
            assert word and "^" not in word and weight > 0, raw
            assert all(word in w and word != w for w in longer), raw


def test_events_named_after_an_ip_type_are_not_that_type():
    assert Cl.classify_ip_types(SMALL, None, "举办专利周活动。") == []
    assert Cl.classify_ip_types(SMALL, None, "推动专利转化。") == ["patent"]


def test_classify_stage_uses_the_nearest_heading_for_themes_and_ip_types():
    ctx = ParseContext(SMALL, measures=[{"title": None, "path": ["商标保护", "加强执法"]}], bodies=["加强执法。"])
    Cl.classify(ctx)
    assert ctx.measures[0]["themes"] == [] and ctx.measures[0]["ip_types"] == []  # only the nearest heading counts
    ctx = ParseContext(SMALL, measures=[{"title": None, "path": ["一", "商标保护"]}], bodies=["加强执法。"])
    Cl.classify(ctx)
    assert ctx.measures[0]["themes"] == ["creation"] and ctx.measures[0]["ip_types"] == ["trademark"]


@pytest.mark.parametrize("title, body, path, expected", [
    # real lines: making or revising a named policy is about the rules (legal_system) beside its subject
    (None, "出臺《提升高等學校專利質量促進轉化運用的若干意見》。", None, ["utilization", "legal_system"]),
    (None, "出台《推进中央企业知识产权工作高质量发展的指导意见》。", None, ["legal_system"]),
    (None, "推动落实《知识产权强国建设纲要》各项任务。", None, ["organization"]),  # carrying a plan out: no
    # real line: the duties assigned to an office (负责统筹, 负责指导 …) are about organisation
    (None, "市场监督管理局负责统筹、指导商业秘密保护示范指导站建设,制定商业秘密保护示范指导站政策措施。", None,
     ["organization"]),
])
def test_project_theme_keywords(title, body, path, expected):
    keywords_only = Knowledge.from_fixtures()
    keywords_only.learned_themes = False  # the keyword data itself, without the trained model's reading

    assert Cl.classify_themes(keywords_only, title, body, path) == expected


# a trained model in miniature over SMALL's three themes: 商标 speaks for creation, 资金 for funding,
# a keyword score of finance for finance (second_min 0.3)
TINY_MODEL = {
    "codes": ["creation", "funding", "finance"], "ngram": [1, 3], "second_min": 0.3, "prune": 0.0,
    "bias": [-1.5, -1.0, -2.0],
    "keyword_weights": [[0.0] * 7, [0.0] * 7, [0.0, 0.0, 30.0, 0.0, 0.0, 0.0, 0.0]],
    "idf": {"商标": 1.0, "资金": 1.0, "加强": 1.0}, "weights": {"商标": [[0, 6.0]], "资金": [[1, 6.0]]},
}


@pytest.fixture
def tiny(tmp_path):
    import json

    path = tmp_path / "model.json"
    path.write_text(json.dumps(TINY_MODEL, ensure_ascii=False), encoding="utf-8")
    return Knowledge(themes=SMALL.themes, ip_types=SMALL.ip_types, theme_model_file=str(path))


@pytest.mark.parametrize("title, body, path, expected", [
    (None, "推进商标注册。", None, ["creation"]),  # 商标 alone: p(creation) 0.99, the others under 0.3
    (None, "安排商标资金。", None, ["funding", "creation"]),  # both n-grams: both reach second_min, likeliest first
    (None, "加强执法。", None, ["funding"]),  # nothing speaks: the likeliest by its bias is still given
    (None, "鼓励开展质押贷款。", None, ["finance"]),  # a keyword score of finance (质押 2.5) decides
])
def test_choose_themes_learned(tiny, title, body, path, expected):
    texts = Cl.Texts.of(title, body, path)
    scored = Cl.rule_scores(tiny.theme_index, texts)
    assert tiny.theme_model is not None
    assert Cl.choose_themes_learned(tiny.theme_model, tiny.theme_index, texts, scored) == expected
    assert Cl.classify_themes(tiny, title, body, path) == expected  # the classifier takes the model's reading


@pytest.mark.parametrize("p, second_min, expected", [
    ({"funding": 0.81, "organization": 0.42, "finance": 0.20}, 0.3, ["funding", "organization"]),
    ({"funding": 0.81, "organization": 0.29, "finance": 0.20}, 0.3, ["funding"]),  # the second under second_min
    ({"funding": 0.10, "organization": 0.05}, 0.3, ["funding"]),  # the likeliest always, however unlikely
    ({"a": 0.9, "b": 0.8, "c": 0.7}, 0.3, ["a", "b"]),  # MAX_THEMES in all
])
def test_likeliest_themes(p, second_min, expected):
    assert Cl.likeliest_themes(p, second_min) == expected


@pytest.mark.parametrize("probabilities, weight, expected", [
    ([{"f": 0.9, "o": 0.2}, {"f": 0.1, "o": 0.6}], 0.3, [{"f": 0.78, "o": 0.26}, {"f": 0.22, "o": 0.54}]),
    ([{"f": 0.9, "o": 0.2}], 0.3, [{"f": 0.9, "o": 0.2}]),  # a lone measure is its own mean
    ([{"f": 0.9, "o": 0.2}, {"f": 0.1, "o": 0.6}], 0.0, [{"f": 0.9, "o": 0.2}, {"f": 0.1, "o": 0.6}]),  # weight 0
    ([], 0.3, []),
])
def test_with_document_mean(probabilities, weight, expected):
    got = Cl.with_document_mean(probabilities, weight)
    assert [p.keys() for p in got] == [p.keys() for p in expected]
    assert all(abs(p[c] - q[c]) < 1e-9 for p, q in zip(got, expected) for c in p)


def test_classify_leans_a_silent_item_to_its_documents_themes(tiny, tmp_path):
    """In a document whose other items speak of trademarks, an item that names no theme word leans to
    the document's theme through the document mean (the tiny model: 商标 → creation; bias → funding)."""
    import json

    from measures.parsing.core import parse_context

    path = tmp_path / "leaning.json"
    path.write_text(json.dumps(dict(TINY_MODEL, document_weight=0.35), ensure_ascii=False), encoding="utf-8")
    leaning = Knowledge(themes=SMALL.themes, ip_types=SMALL.ip_types, theme_model_file=str(path))
    text = "关于推进商标工作的通知\n一、推进商标注册。\n二、推进商标运用。\n三、推进商标保护。\n四、加强执法。\n".encode()
    ctx = parse_context(text, source="t.txt", knowledge=leaning)
    assert [m["themes"][0] for m in ctx.measures] == ["creation"] * 4
    assert Cl.classify_themes(leaning, None, "加强执法。") == ["funding"]  # alone, its own reading
    ctx = parse_context(text, source="t.txt", knowledge=tiny)  # no document_weight in the file: 0
    assert [m["themes"][0] for m in ctx.measures] == ["creation"] * 3 + ["funding"]


def test_the_model_is_read_only_for_its_own_theme_list(tiny, tmp_path):
    other = Knowledge(themes=SMALL.themes + [{"code": "talent", "keywords": ["人才"]}],
                      theme_model_file=tiny.theme_model_file)
    assert other.theme_model is None  # a theme added since training: the keywords decide alone
    assert Cl.classify_themes(other, None, "安排商标资金。") == ["creation"]  # the keywords' reading (商标^3)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert Knowledge(themes=SMALL.themes, theme_model_file=str(broken)).theme_model is None
    assert Cl.explain_themes(tiny, None, "安排商标资金。")[0]["probability"] > 0.9  # explained with its p


@pytest.mark.parametrize("body, expected", [
    # b78 002: the items of a decision amending a bidding rule
    ("删去第三条。", True), ("将第二条第一款修改为:“依法必须进行招标的工程…”", True),
    ("將第五條修改為:…", True), ("增加一条,作为第十条:…", True), ("在第七条后增加一款:…", True),
    ("加强执法。", False), ("删去不合理的审批事项,减轻企业负担。", False),
])
def test_amendment_item(body, expected):
    assert Cl.amendment_item(body) is expected


@pytest.mark.parametrize("title, expected", [
    ("專利實施強制許可辦法", ["patent"]), ("驰名商标认定和保护规定", ["trademark"]),   # b94 010, b86 011
    ("关于规范网盘服务版权秩序的通知", []),   # b86 006: copyright and the internet (data): two kinds
    ("关于加强知识产权保护的意见", []), ("专利和商标资助办法", []), (None, []),
    ("城市供水條例(2018修正版)", []), ("推进软件正版化工作实施方案", ["copyright"]),  # b289 001: 修正版 is no 正版
])
def test_document_ip_type(title, expected):
    from measures.parsing.knowledge import default_knowledge

    assert Cl.document_ip_type(default_knowledge(), title) == expected


CODES = {"patent", "trademark", "geographical_indication", "copyright"}


@pytest.mark.parametrize("text, expected", [
    ("专利权质押登记 受理条件 专利权有效 专利权人 专利 专利 申请表", ["patent"]),   # b823 001: a guide named by its pledge
    ("专利 专利 专利 专利 专利 商标", []),   # two kinds named: IP in general
    ("专利 专利 专利 专利", []),   # named too seldom to say
    ("著作权登记 版权 版权 著作权 作品 版权", ["copyright"]),
    ("加强执法 完善机制", []),
])
def test_page_ip_type(text, expected):
    assert Cl.page_ip_type(text, CODES) == expected


@pytest.mark.parametrize("title, expected", [
    ("黄埔区关于推进品牌创新发展的意见", True),   # b119 002: its 自主品牌 items are about trademarks
    ("福州老字號認定辦法", True), ("关于加强知识产权保护的意见", True), ("專利資助辦法", True),
    ("关于促进消费扩容提质的若干措施", False),    # b160 010: 品牌来鄂首发 is no trademark measure
    ("浙江省公共数据开放与安全管理暂行办法", False), (None, False),   # b141 007: public data is no data IP
])
def test_about_ip_throughout(title, expected):
    assert Cl.about_ip_throughout(title) is expected


def test_weak_ip_keywords_count_throughout_a_brand_document():
    """A measure that names no IP word: 品牌 and 公共数据 are weak (b160, b141: consumption plans and public
    data rules are no IP measures); in a document whose title speaks of brands or IP they count."""
    k = Knowledge(themes=[{"code": "creation", "keywords": ["培育"]}],
                  ip_types=[{"code": "trademark", "keywords": ["商标", "~品牌"]}])
    body = "对自主品牌企业参加国内外重大专业展会给予补助。"
    for title, expected in (("关于推进品牌创新发展的意见", ["trademark"]), ("关于促进消费的若干措施", [])):
        ctx = ParseContext(k, document={"title": title}, measures=[{"title": None, "path": []}], bodies=[body])
        Cl.classify(ctx)
        assert ctx.measures[0]["ip_types"] == expected, title


def test_a_measure_takes_its_documents_kind_of_ip():
    """b94 010: an article of a patent rule that names no kind of IP is about patents (b98 005: so are the
    materials of a patent-award call)."""
    from measures.parsing import parse_document

    text = ("专利实施强制许可办法\n第一章 总则\n第一条 为了规范实施强制许可,制定本办法。\n"
            "第二条 国家知识产权局负责受理和审查强制许可请求并作出决定。\n第三条 请求人应当按时缴纳费用。\n")
    found = {m["label"]: m["ip_types"] for m in parse_document(text, source="t.txt")["measures"]}
    assert found == {"二": ["patent"], "三": ["patent"]}



@pytest.mark.parametrize("text, expected", [
    ("加快推进《中华人民共和国着作权法实施条例》修订。", ["copyright"]),  # b594 004: 著 converted to 着
    ("基本稿酬标准和计算方法:原创作品每千字80-300元。", ["copyright"]),  # b615 006: a pay rule for works
    ("加强企业安全生产着力点建设。", []),                               # 着 alone is no copyright
])
def test_copyright_keywords_in_the_fixture(text, expected):
    from measures.parsing.knowledge import default_knowledge

    assert Cl.classify_ip_types(default_knowledge(), None, text) == expected
