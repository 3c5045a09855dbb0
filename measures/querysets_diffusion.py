"""Measure filters of how policy spreads (used by measures.filters.MeasureFilter):
measures of documents that cite a document, measures with given specificity
flags, measures of given specificity scores."""
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_noop as N_

FLAG_CODES = {"target": "flag_target", "deadline": "flag_deadline", "unit": "flag_unit", "lead": "flag_lead",
              "money": "flag_money"}
FLAG_LABELS = {"target": N_("有量化目标"), "deadline": N_("有完成时限"), "unit": N_("明确责任单位"),
               "lead": N_("明确牵头单位"), "money": N_("明确资金")}   # translated where shown
SCORES = [str(n) for n in range(6)]


def citing(qs, document_id: int):
    """Measures of the documents that cite the document `document_id` (resolved citations)."""
    from .models import Citation

    return qs.filter(Exists(Citation.objects.filter(document_id=OuterRef("document_id"), target_id=document_id)))


def with_flags(qs, codes):
    """Measures with every one of the flags (target, deadline, unit, lead, money)."""
    return qs.filter(**{FLAG_CODES[c]: True for c in codes if c in FLAG_CODES})


def with_specificity(qs, scores):
    """Measures whose 具体度 is one of `scores` (0–5)."""
    values = sorted({int(s) for s in scores if str(s) in SCORES})
    return qs.filter(specificity__in=values)


def by_specificity(qs):
    """Most specific first; ties: the newest document, then document order."""
    from django.db.models import F

    return qs.order_by(F("specificity").desc(), F("document__published_date").desc(nulls_last=True),
                       "document_id", "ordinal")
