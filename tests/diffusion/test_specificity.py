"""具体度: five flags per measure computed at import, kept when an editor corrects
them, recomputed when targets or units change."""
import pytest

from measures.specificity import compute_flags, merge_flags, score

REAL = [
    # (text as published, flags expected: target, deadline, unit, lead, money)
    ("到2026年,全市知识产权保护社会满意度不低于84分;专利密集型产业增加值占GDP比重达到13%。", "TD---"),
    ("强化政策扶持。对本市商标权利人申请认定驰名商标,予以驰名商标扩大保护的,给予30万元资金援助。", "----M"),
    ("推动保险公司拓展知识产权保险业务,对投保企业按保费的50%给予补贴。", "----M"),
    ("加强专利侵权纠纷行政裁决能力建设,加大专利侵权纠纷行政裁决办案力度,2025年底前实现设区市行政裁决全覆盖。", "-D---"),
    ("开展地理标志助力乡村振兴行动争取申报实施1~2个地理标志运用促进工程项目,建设12个地理标志保护示范区。", "T----"),
    ("为深入贯彻落实《知识产权强国建设纲要(2021—2035年)》,加强知识产权法规制度建设。", "-----"),   # years of a title
    ("加强组织领导。各地各部门要进一步深入学习习近平总书记在中央政治局第二十五次集体学习时的重要讲话精神。", "-----"),
    ("对获得国家级维权援助工作站的单位给予20万元奖励,每年开展知识产权培训不少于4场。", "T---M"),
]


@pytest.mark.parametrize("text, expected", REAL)
def test_flags_from_real_measure_texts(text, expected):
    flags = compute_flags(text)
    got = "".join(c if flags[name] else "-" for c, name in zip(
        "TDULM", ["flag_target", "flag_deadline", "flag_unit", "flag_lead", "flag_money"]))
    assert got == expected


def test_targets_units_and_roles_count():
    flags = compute_flags("建设维权援助中心。", n_targets=1, target_years=[2025], n_units=2, n_lead=1,
                          target_units=["家"])
    assert score(flags) == 4 and not flags["flag_money"]
    # a target in 元 is money, not a target to reach
    flags = compute_flags("给予奖励。", n_targets=1, target_years=[None], target_units=["元/件"])
    assert flags["flag_money"] and not flags["flag_target"]


def test_merge_keeps_an_editors_correction():
    computed_before = {"flag_target": True, "flag_deadline": False, "flag_unit": True, "flag_lead": False,
                       "flag_money": False}
    current = dict(computed_before, flag_target=False)          # an editor says: no real target
    computed_now = dict(computed_before, flag_deadline=True)     # the text changed: a deadline appeared
    merged = merge_flags(current, computed_now, computed_before)
    assert merged["flag_target"] is False and merged["flag_deadline"] is True


@pytest.fixture
def measure(make_document):
    from measures.models import Measure
    from measures.services_diffusion import refresh_measures

    doc = make_document(title="某市知识产权保护若干措施")
    m = Measure.objects.create(document=doc, ordinal=1, text="建设知识产权保护中心,为重点产业提供快速预审服务。")
    refresh_measures([m.pk])
    m.refresh_from_db()
    return m


def test_editing_targets_and_units_recomputes_the_flags(measure, editor):
    from decimal import Decimal

    from measures import services
    from measures.models import MeasureUnit, ResponsibleUnit, Target

    assert measure.specificity == 0
    target = Target(measure=measure, metric="快速预审服务企业", comparator=">=", value=Decimal(100), unit="家", year=2025,
                    quote="到2025年服务企业100家")
    services.save_target(target, user=editor)
    measure.refresh_from_db()
    assert measure.flag_target and measure.flag_deadline and measure.specificity == 2
    unit = ResponsibleUnit.objects.create(name="市市场监管局")
    services.save_measure(measure, user=editor, units=[(unit, MeasureUnit.Role.LEAD)])
    measure.refresh_from_db()
    assert measure.flag_unit and measure.flag_lead and measure.specificity == 4
    target.delete()   # an editor deletes the target (post_delete)
    measure.refresh_from_db()
    assert not measure.flag_target and not measure.flag_deadline and measure.specificity == 2


def test_an_editors_flag_survives_recomputation_and_reimport_merge(measure, editor):
    from measures import services
    from measures.services_diffusion import refresh_measures

    measure.flag_money = True            # the editor knows the measure is funded
    services.save_measure(measure, user=editor)
    measure.refresh_from_db()
    assert measure.flag_money and measure.specificity == 1
    measure.text = "建设知识产权保护中心,2024年底前建成。"
    services.save_measure(measure, user=editor)
    refresh_measures([measure.pk])
    measure.refresh_from_db()
    assert measure.flag_money and measure.flag_deadline and measure.specificity == 2


def test_flags_are_editable_in_the_admin(measure, editor_client):
    from django.urls import reverse

    url = reverse("admin:measures_measure_change", args=[measure.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="flag_money"' in html and "具体度" in html
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, (list, dict))}
    data.update({"path": "", "label": measure.label, "title": "", "text": measure.text, "flag_money": "on",
                 "flag_target": "", "themes": [], "ip_types": []})
    for prefix in ("unit_links", "targets"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0",
                     f"{prefix}-MAX_NUM_FORMS": "1000"})
    data = {k: v for k, v in data.items() if v != ""}
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    measure.refresh_from_db()
    assert measure.flag_money and measure.specificity == 1
