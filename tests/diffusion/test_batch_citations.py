"""The importer's batch of new documents (services_diffusion.refresh_new_documents: no savepoint
per document, the batch's citations inserted together) writes the rows that documents imported
one at a time write: the same citations, targets and methods, and a citation that a later
document of the batch takes up is updated in the table (its history has the change)."""
import logging

PLAN = "009_ip_14th_fyp_notice_2021_hant.txt"


def _files():
    from .conftest import DATA, REAL

    return [DATA / "c02_dalian_ip_14th_plan_2022.txt", REAL / "b02_national_b" / PLAN,
            DATA / "p03_liaoning_ip_14th_plan_2021.txt"]


def _citations():
    from measures.models import Citation

    return sorted(Citation.objects.values_list("document__source", "ref_key", "target__source", "method", "kind",
                                               "position", "occurrences"))


def _updates():
    """The citation changes in the history: (citing document, reference, new target, method)."""
    from measures.models import Citation, Document

    sources = dict(Document.objects.values_list("pk", "source"))
    return sorted((sources.get(h.document_id), h.ref_key, sources.get(h.target_id), h.method)
                  for h in Citation.history.filter(history_type="~"))


def test_a_batch_writes_what_one_at_a_time_writes(db, caplog):
    from measures.importer import Importer
    from measures.models import Citation, Document

    with caplog.at_level(logging.INFO, logger="measures.importer"):
        summary = Importer().import_paths(_files())  # one batch
    assert summary.count("added") == 3
    assert "bulk write refused" not in caplog.text  # the batch path itself, not its fallback
    in_batch, batch_updates = _citations(), _updates()
    assert any(target for _, _, target, *_ in in_batch)
    # the Dalian plan's references to the two documents after it in the batch: updated in the table
    assert batch_updates == [
        ("c02_dalian_ip_14th_plan_2022.txt", "n:国发〔2021〕20号", PLAN, "number"),
        ("c02_dalian_ip_14th_plan_2022.txt", "t:辽宁省知识产权保护和运用十四五规划", "p03_liaoning_ip_14th_plan_2021.txt",
         "title")]
    Document.objects.all().delete()
    Citation.history.all().delete()
    for path in _files():  # one at a time: each a batch of one
        assert Importer().import_paths([path]).count("added") == 1
    assert _citations() == in_batch
    assert _updates() == batch_updates
