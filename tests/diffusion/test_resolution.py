"""Citations resolved to documents of the corpus: by 文号 first, then by title
(Traditional and mirror-site spellings folded), kept as text otherwise; an
editor's correction survives a re-import."""

PLAN = "009_ip_14th_fyp_notice_2021_hant.txt"      # “十四五”国家知识产权保护和运用规划, 国发〔2021〕20号
OUTLINE = "n02_ip_power_outline_2021.txt"          # 知识产权强国建设纲要(2021—2035年)
OPINION_2019 = "n03_strengthen_ip_protection_opinion_2019.txt"
DEMO_ZONE = "n04_protection_demo_zone_plan_2022.txt"
OPINIONS_2015 = "n05_ip_power_opinions_2015.txt"
HUBEI = "p01_hubei_strengthen_protection_2020.txt"
FUJIAN = "p02_fujian_ip_power_plan_2024.txt"
LIAONING = "p03_liaoning_ip_14th_plan_2021.txt"
ANHUI = "p04_anhui_ip_province_plan_2016.txt"
WUHAN = "c01_wuhan_protection_opinion_2021.txt"

# citing document -> the documents of the corpus it cites (what a reader would say)
EXPECTED = {
    "000_c4e0c1df15afd4a9.txt": {HUBEI},                       # 潜江: 《…印发<…若干措施>的通知》鄂办发202021号
    "001_07ffb3bb428a376c.txt": {DEMO_ZONE},                   # 沈阳: 《国家知识产权局关于印发〈…〉的通知》(国知发保字〔2022〕27号)
    "002_d55733f8a75cea65.txt": {ANHUI},                       # 宣城: 皖政〔2016〕64号
    "003_c6c5b8a643bcdb17.txt": {OUTLINE},                     # 湖南 (Traditional): 《智慧財產權強國建設綱要(2021—2035年)》
    "004_de0660f12d225504.txt": {OUTLINE, PLAN, FUJIAN},       # 三明 draft
    "c04_sanming_ip_power_plan_final_2024.txt": {OUTLINE, PLAN, FUJIAN},
    WUHAN: {HUBEI, PLAN},                                      # by title and 文号
    "c02_dalian_ip_14th_plan_2022.txt": {PLAN, LIAONING},      # bare 国发〔2021〕20号, title of the province plan
    "c03_fuzhou_ip_power_plan_2024.txt": {FUJIAN},
    "d01_jiangxia_protection_plan_2022.txt": {WUHAN},          # 根据武汉市人民政府关于…的实施意见精神
    HUBEI: {OPINION_2019},
    FUJIAN: {OUTLINE, PLAN},
    LIAONING: {PLAN, OUTLINE},                                 # 按照国发〔2021〕20号文件要求
    ANHUI: {OPINIONS_2015},
    DEMO_ZONE: {OUTLINE, PLAN},
    OUTLINE: set(),
    OPINION_2019: set(),
    OPINIONS_2015: set(),
    PLAN: {OUTLINE},                                           # Traditional with pinyin glosses
    "010_ningxia_ip_14th_plan.txt": {PLAN},
    "007_xian_ip_demo_city_plan.txt": {OUTLINE, PLAN},
    "008_ncac_copyright_14th_plan.txt": {OUTLINE, PLAN},       # Traditional
    "001_national_dual_crackdown_points_2020_hant.txt": {OPINION_2019},   # 中辦發(fā)〔2019〕56號
    "001_ip_power_opinions_task_division_2016_spun.txt": {OPINIONS_2015},
}


def resolved_pairs():
    from measures.models import Citation

    pairs = {}
    for source, target in Citation.objects.filter(target__isnull=False).values_list("document__source",
                                                                                     "target__source"):
        pairs.setdefault(source, set()).add(target)
    return pairs


def test_expected_citation_pairs(spread):
    assert len(EXPECTED) >= 20
    pairs = resolved_pairs()
    for source, targets in EXPECTED.items():
        assert source in spread, source
        assert pairs.get(source, set()) == targets, source


def test_how_each_was_resolved(spread):
    from measures.models import Citation

    def method(source, target):
        return Citation.objects.get(document=spread[source], target=spread[target]).method

    assert method("000_c4e0c1df15afd4a9.txt", HUBEI) == "number"         # 鄂办发202021号
    assert method("c02_dalian_ip_14th_plan_2022.txt", PLAN) == "number"  # bare 文号
    assert method("003_c6c5b8a643bcdb17.txt", OUTLINE) == "title"        # Traditional title
    assert method("d01_jiangxia_protection_plan_2022.txt", WUHAN) == "title"
    assert Citation.objects.get(document=spread["d01_jiangxia_protection_plan_2022.txt"]).kind == "spirit"


def test_unresolved_references_are_kept_as_text(spread):
    from measures.models import Citation

    sanming = spread["004_de0660f12d225504.txt"]
    open_refs = {c.title for c in Citation.objects.filter(document=sanming, target__isnull=True)}
    assert "知识产权保护体系建设工程实施方案" in open_refs
    assert "中华人民共和国预算法" in open_refs


def test_an_editors_resolution_survives_reimport(spread, editor):
    from measures import services_diffusion
    from measures.importer import Importer
    from measures.models import Citation

    from .conftest import DATA

    dalian = spread["c02_dalian_ip_14th_plan_2022.txt"]
    c = Citation.objects.get(document=dalian, target=spread[LIAONING])
    services_diffusion.set_citation_target(c, spread[OUTLINE], user=editor)
    # a new version of the file (one more character) re-extracts the citations
    path = DATA / "c02_dalian_ip_14th_plan_2022.txt"
    Importer().import_bytes(path.read_bytes() + "\n".encode(), source=path.name)
    c.refresh_from_db()
    assert c.target == spread[OUTLINE] and c.method == "editor" and c.editor_set
    assert c.history.first().history_user == editor
    services_diffusion.release_citation(c)
    c.refresh_from_db()
    assert c.target == spread[LIAONING] and not c.editor_set


def test_a_corrected_document_number_moves_its_citations(spread, editor):
    """An editor corrects the plan's 文号: citations by number follow the document keys."""
    from measures import services
    from measures.models import Citation

    plan = spread[PLAN]
    plan.doc_number = "国发〔2021〕99号"
    services.save_document(plan, user=editor)
    services.document_edited(plan)
    c = Citation.objects.get(document=spread["c02_dalian_ip_14th_plan_2022.txt"], doc_number="国发〔2021〕20号")
    assert c.target_id is None
    plan.doc_number = "国發〔2021〕20號"
    services.save_document(plan, user=editor)
    services.document_edited(plan)
    c.refresh_from_db()
    assert c.target_id == plan.pk and c.method == "number"
