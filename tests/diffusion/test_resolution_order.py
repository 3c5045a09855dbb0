"""Resolution does not depend on the order documents arrive in."""
PLAN = "009_ip_14th_fyp_notice_2021_hant.txt"
LIAONING = "p03_liaoning_ip_14th_plan_2021.txt"


def test_import_order_does_not_matter(db):
    """A citing document imported before the document it cites is resolved when
    the cited one arrives (the citations waiting for it)."""
    from measures.importer import Importer
    from measures.models import Citation

    from .conftest import DATA, REAL
    from .test_resolution import resolved_pairs

    Importer().import_paths([DATA / "c02_dalian_ip_14th_plan_2022.txt"])
    assert not Citation.objects.filter(target__isnull=False).exists()
    Importer().import_paths([REAL / "b02_national_b" / PLAN, DATA / "p03_liaoning_ip_14th_plan_2021.txt"])
    assert resolved_pairs()["c02_dalian_ip_14th_plan_2022.txt"] == {PLAN, LIAONING}


def test_a_citing_document_earlier_in_the_same_batch_is_resolved(db):
    """One batch: the citing document written first, the documents it cites after it (the
    batch's citations waiting for them are looked up once, then kept up to date)."""
    from measures.importer import Importer
    from measures.models import Citation

    from .conftest import DATA, REAL
    from .test_resolution import resolved_pairs

    summary = Importer().import_paths([DATA / "c02_dalian_ip_14th_plan_2022.txt", REAL / "b02_national_b" / PLAN,
                                       DATA / "p03_liaoning_ip_14th_plan_2021.txt"])
    assert summary.count("added") == 3
    assert resolved_pairs()["c02_dalian_ip_14th_plan_2022.txt"] == {PLAN, LIAONING}
    assert Citation.objects.filter(document__source="c02_dalian_ip_14th_plan_2022.txt", target__isnull=False).count() == 2
