"""A small, hand-built corpus for the page tests (independent of the parser).

`build_corpus(n)` makes three places — 沈阳市 (city), 湖南省 (province-level,
Traditional script) and 三明市 (city) — each with one document of `n` measures,
units (with an alias folded into its canonical unit), themes, IP types and
targets, so that tests can compare query counts for different sizes.
"""
from datetime import date
from decimal import Decimal

import pytest


@pytest.fixture(autouse=True)
def fresh_search_caches():
    from measures.search.query import reset_synonyms

    reset_synonyms()
    yield
    reset_synonyms()


PLACES = [
    # (source, title, province, city, level, script, satisfaction target)
    ("syang.txt", "沈阳市国家知识产权保护示范区建设方案", 210000, 210100, "city", "hans",
     ("全市知识产权保护社会满意度", Decimal("84"), 2026)),
    ("hunan.txt", "湖南省智慧財產權強省建設實施意見", 430000, None, "province", "hant",
     ("智慧財產權保護社會滿意度", Decimal("85"), 2025)),
    ("sanming.txt", "三明市知识产权推进计划", 350000, 350400, "city", "hans", None),
]

TEXTS = [
    "深入开展专利侵权纠纷行政裁决试点工作,提高行政裁决效率。",
    "加强商标专用权保护,严厉打击商标侵权和假冒注册商标行为。",
    "推进知识产权质押融资,扩大质押融资规模。",
    "完善知识产权纠纷多元化解机制,推动人民调解与司法确认衔接。",
]
THEMES = ["administrative", "criminal", "finance", "disputes"]
IP_TYPES = ["patent", "trademark", None, None]


@pytest.fixture
def build_corpus(db):
    from measures.models import (Document, IPType, Measure, MeasureUnit, Region, ResponsibleUnit, Target,
                                 Theme)
    from measures.search.index import update_search_vectors
    from measures.services_diffusion import refresh_measures

    themes = {t.code: t for t in Theme.objects.all()}
    ip_types = {t.code: t for t in IPType.objects.all()}

    def build(n_measures=3):
        docs = []
        for i, (source, title, prov, city, level, script, target) in enumerate(PLACES):
            region = Region.objects.get(pk=city or prov)
            doc = Document.objects.create(
                source=source, content_hash=f"h-{source}", raw_text=f"{title}\n一、重点任务\n正文……", title=title,
                issuer=f"{region.name}人民政府", doc_number=f"{region.short_name}政发〔2024〕{i + 1}号",
                region=region, province_id=prov, city_id=city, level=level, script=script,
                signed_date=date(2024, 7, 9), published_date=date(2024, 12, 3 - i),
            )
            canonical = ResponsibleUnit.objects.create(name="市场监管局", region=region)
            alias = ResponsibleUnit.objects.create(name=f"{region.name}市场监督管理局", region=region,
                                                   canonical=canonical)
            court = ResponsibleUnit.objects.create(name="中级人民法院", region=region)
            ids = []
            for k in range(n_measures):
                j = k % len(TEXTS)
                m = Measure.objects.create(
                    document=doc, ordinal=k + 1, label=str(k + 1), path=["重点任务", f"第{k // 2 + 1}组"],
                    title=f"措施标题{k + 1}" if k % 2 == 0 else None, text=TEXTS[j] + f"(第{k + 1}条)",
                )
                m.themes.set([themes[THEMES[j]]])
                if IP_TYPES[j]:
                    m.ip_types.set([ip_types[IP_TYPES[j]]])
                MeasureUnit.objects.create(measure=m, unit=alias if k % 2 else canonical, role="lead", position=0)
                MeasureUnit.objects.create(measure=m, unit=court, role="support", position=1)
                Target.objects.create(document=doc, measure=m, position=k + 10, metric=f"专利质押项目{k}",
                                      comparator="=", value=Decimal(k + 1), unit="个", quote=f"质押项目{k + 1}个")
                ids.append(m.pk)
            if target:
                metric, value, year = target
                Target.objects.create(document=doc, position=0, metric=metric, comparator=">=", value=value,
                                      unit="分", year=year, quote=f"{metric}不低于{value}分")
            update_search_vectors(ids)
            refresh_measures(ids)   # specificity flags and text fingerprints, as the importer makes them
            docs.append(doc)
        return docs

    return build
