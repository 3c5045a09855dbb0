"""Extracting references from real policy text (measures.citations, no database)."""
from pathlib import Path

import pytest

from measures.citations import (base_title, extract_references, is_draft_title, normalise_number, normalise_title,
                                number_parts, numbers_match, policy_text, title_keys)

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "parsing" / "data" / "real"
SEEDS = ROOT / "fixtures" / "corpus"


def refs_of(text, **own):
    return [(r.kind, r.title, r.doc_number) for r in extract_references(text, **own)]


@pytest.mark.parametrize("raw, expected", [
    ("国发〔2021〕20号", "国发〔2021〕20号"),
    ("國發(fā)〔2021〕20號", "国发〔2021〕20号"),          # mirror site: pinyin gloss, Traditional
    ("国办函[2011]58号", "国办函〔2011〕58号"),
    ("国知发规字[2011]126号", "国知发规字〔2011〕126号"),
    ("教科技〔2020〕1 號", "教科技〔2020〕1号"),
    ("呼政字 〔2019〕 84号", "呼政字〔2019〕84号"),
    ("鄂办发202021号", "鄂办发〔2020〕21号"),                 # both brackets lost (潜江 seed)
    ("宁党发〔201817号", "宁党发〔2018〕17号"),               # one bracket lost
    ("(渝府办发﹝2014﹞83号)", "渝府办发〔2014〕83号"),
    ("杭州市人民政府令第325号", "杭州市人民政府令第325号"),
    ("按照国办发〔2010〕47号文件", "国办发〔2010〕47号"),
    ("2019年第4期", ""),
])
def test_document_numbers_are_normalised(raw, expected):
    assert normalise_number(raw) == expected


def test_number_issuer_codes_match_with_words_in_front():
    assert numbers_match("国发", "国发")
    assert numbers_match("按国发", "国发")
    assert not numbers_match("国办发", "鄂办发")
    assert number_parts("国發〔2021〕20號")[:2] == ("国发", "〔2021〕20号")


def test_titles_fold_traditional_dashes_quotes_and_brackets():
    simplified = normalise_title("“十四五”国家知识产权保护和运用规划")
    assert normalise_title("“十四五”國家知識產權保護和運用規劃") == simplified == "十四五国家知识产权保护和运用规划"
    assert normalise_title("知識產權強國建設綱要(2021—2035年)") == normalise_title("知识产权强国建设纲要(2021-2035年)")
    assert normalise_title("知識產(chǎn)權(quán)強(qiáng)國建設(shè)綱要(2021—2035年)") == "知识产权强国建设纲要(2021-2035年)"
    assert normalise_title("智慧財產權強國建設綱要(2021—2035年)") == "知识产权强国建设纲要(2021-2035年)"


def test_a_covering_notice_is_also_keyed_by_the_policy_it_issues():
    keys = title_keys("国家知识产权局关于印发〈国家知识产权保护示范区建设方案〉的通知")
    assert "国家知识产权保护示范区建设方案" in keys
    keys = title_keys("福建省人民政府办公厅关于印发福建省贯彻知识产权强国建设纲要和“十四五”规划实施推进计划(2024—2025年)的通知")
    assert "福建省贯彻知识产权强国建设纲要和十四五规划实施推进计划(2024-2025年)" in keys
    # a document implementing <X> is not X
    keys = title_keys("宁夏回族自治区贯彻落实<国务院关于新形势下加快知识产权强国建设的若干意见>的实施方案")
    assert "国务院关于新形势下加快知识产权强国建设的若干意见" not in keys
    # the issuer may be left out when citing: a looser key
    assert "~关于新形势下加快知识产权强国建设的若干意见" in title_keys("国务院关于新形势下加快知识产权强国建设的若干意见")


def test_draft_markers():
    assert is_draft_title("三明市…推进计划(2024—2025年)(征求意见稿)")
    assert base_title("深圳经济特区中小企业发展促进条例(征求意见稿)") == base_title("深圳经济特区中小企业发展促进条例")
    assert not is_draft_title("知识产权强国建设纲要(2021—2035年)")


def test_seed_qianjiang_cites_hubei_by_garbled_number_and_inner_title():
    text = (SEEDS / "000_c4e0c1df15afd4a9.txt").read_text()
    refs = extract_references(policy_text(text), own_title="关于进一步强化知识产权保护的具体措施")
    first = refs[0]
    assert first.doc_number == "鄂办发〔2020〕21号" and first.kind == "title_number"
    assert "关于进一步强化全省知识产权保护的若干措施" in first.keys
    assert "根据" in first.context
    numbers = [r.doc_number for r in refs]
    assert "潜政发〔2020〕19号" in numbers
    # the page's own title (in 《》 at the top and in the 名称 line) is not a reference
    assert all(normalise_title(r.title) != "关于进一步强化知识产权保护的具体措施" for r in refs)


def test_seed_shenyang_own_number_and_own_policy_are_not_references():
    text = (SEEDS / "001_07ffb3bb428a376c.txt").read_text()
    refs = extract_references(policy_text(text), own_title="沈阳市国家知识产权保护示范区建设方案",
                              own_number="沈政发〔2024〕8号",
                              own_notice_title="沈阳市人民政府关于印发沈阳市国家知识产权保护示范区建设方案的通知")
    numbers = [r.doc_number for r in refs]
    assert "沈政发〔2024〕8号" not in numbers
    assert numbers[0] == "国知发保字〔2022〕27号"
    assert "国家知识产权保护示范区建设方案" in refs[0].keys
    titles = [r.title for r in refs]
    assert "沈阳市国家知识产权保护示范区建设方案" not in titles
    # 制定《沈阳市知识产权保护和促进条例》: a document still to be written, not a reference
    assert "沈阳市知识产权保护和促进条例" not in titles


def test_seed_sanming_draft_cites_five_policies_and_not_itself():
    text = (SEEDS / "004_de0660f12d225504.txt").read_text()
    title = "三明市贯彻知识产权强国建设纲要和“十四五”规划实施推进计划(2024—2025年)"
    refs = extract_references(policy_text(text), own_title=title)
    keys = [r.keys[0] for r in refs]
    assert keys[:5] == ["知识产权强国建设纲要(2021-2035年)", "十四五国家知识产权保护和运用规划",
                        "专利转化运用专项行动方案(2023-2025年)", "知识产权保护体系建设工程实施方案",
                        "福建省贯彻知识产权强国建设纲要和十四五规划实施推进计划(2024-2025年)"]
    assert not any(base_title(r.title) == base_title(title) for r in refs)   # the draft names itself
    assert refs[0].occurrences == 2   # once in the notice, once in the preamble: one reference


def test_seed_hunan_traditional_cites_the_outline():
    text = (SEEDS / "003_c6c5b8a643bcdb17.txt").read_text()
    refs = extract_references(text, own_title="湖南省智慧財產權強省建設實施意見")
    assert refs[0].keys[0] == "知识产权强国建设纲要(2021-2035年)"
    assert refs[0].title == "智慧財產權強國建設綱要(2021—2035年)"   # shown as written


def test_real_mirror_page_with_pinyin_glosses_cites_by_title_and_number():
    text = (REAL / "b01_national_a" / "001_national_dual_crackdown_points_2020_hant.txt").read_text()
    refs = extract_references(text, own_title="2020年全國打擊侵犯知識產權和制售假冒偽劣商品工作要點")
    ref = next(r for r in refs if r.doc_number == "中办发〔2019〕56号")
    assert ref.kind == "title_number"
    assert ref.keys[0] == "关于强化知识产权保护的意见"
    assert "(fā)" not in ref.title and "(quán)" not in ref.title


def test_real_national_plan_notice_cites_the_outline_but_not_its_own_number():
    text = (REAL / "b02_national_b" / "009_ip_14th_fyp_notice_2021_hant.txt").read_text()
    refs = extract_references(text, own_title="“十四五”國家知識產權保護和運用規劃", own_number="國發〔2021〕20號")
    assert "国发〔2021〕20号" not in [r.doc_number for r in refs]
    assert "知识产权强国建设纲要(2021-2035年)" in [r.keys[0] for r in refs]
    assert "十四五国家知识产权保护和运用规划" not in [r.keys[0] for r in refs]   # 现将《…》印发给你们


def test_real_province_page_cites_the_national_plan_by_title_and_number():
    text = (REAL / "b04_province_b" / "010_ningxia_ip_14th_plan.txt").read_text()
    refs = extract_references(text, own_title="宁夏回族自治区知识产权保护和运用“十四五” 规划")
    plan = next(r for r in refs if r.doc_number == "国发〔2021〕20号")
    assert plan.kind == "title_number" and plan.keys[0] == "十四五国家知识产权保护和运用规划"
    assert "宁政办发〔2015〕135号" in [r.doc_number for r in refs]   # a bare number is kept too


def test_real_task_division_keeps_its_own_number_apart_from_the_title_it_implements():
    text = (REAL / "b02_national_b" / "001_ip_power_opinions_task_division_2016_spun.txt").read_text()
    refs = extract_references(text, own_title="《国务院关于新形势下加快知识产权强国建设的若干意见》重点任务分工方法",
                              own_number="国办函〔2016〕66号")
    numbers = [r.doc_number for r in refs]
    assert "国发〔2015〕71号" in numbers
    assert not any("66号" in n for n in numbers)
    opinions = [r for r in refs if "国务院关于新形势下加快知识产权强国建设的若干意见" in r.keys]
    assert len(opinions) == 1 and opinions[0].doc_number == "国发〔2015〕71号"   # title and number merged


def test_spirit_without_book_title_brackets():
    text = "根据武汉市人民政府关于加强知识产权保护工作的实施意见精神,结合我区实际,制定本方案。"
    assert refs_of(text) == [("spirit", "武汉市人民政府关于加强知识产权保护工作的实施意见", "")]
    # 党的二十大精神 is not a document
    assert refs_of("全面贯彻党的二十大精神,深入学习贯彻习近平总书记关于知识产权工作的重要论述。") == []


def test_abbreviations_and_short_titles_are_not_new_references():
    text = ("深入实施《知识产权强国建设纲要(2021—2035年)》(以下简称《纲要》),落实《纲要》确定的目标,"
            "根据《规划》确定的任务。")
    refs = extract_references(text)
    assert [r.keys[0] for r in refs] == ["知识产权强国建设纲要(2021-2035年)"]


def test_policy_text_drops_the_related_links_list():
    page = "正文。根据《甲市知识产权工作方案》制定。\n" + "措施。" * 40 + "\n相关文件:\n《乙市专利资助办法》\n《丙市商标品牌意见》"
    assert [r.title for r in extract_references(policy_text(page))] == ["甲市知识产权工作方案"]
