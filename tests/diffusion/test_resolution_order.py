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
