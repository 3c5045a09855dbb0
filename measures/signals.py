"""An editor's deletion is a correction too: remember it so that a re-import
does not bring the deleted item back.

When a parsed measure or target is deleted other than by the importer itself
or by deleting its whole document, the text key of what the parser said is
added to the document's `parsed["suppressed"]`; the importer skips parsed
items found there (measures.importer).
"""
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Document, Measure, Target


def _suppress(document_id: int, kind: str, key: str) -> None:
    if not key:
        return
    doc = Document.objects.filter(pk=document_id).only("parsed").first()
    if doc is None:
        return
    parsed = dict(doc.parsed or {})
    suppressed = {k: list(v) for k, v in (parsed.get("suppressed") or {}).items()}
    if key not in suppressed.setdefault(kind, []):
        suppressed[kind].append(key)
        parsed["suppressed"] = suppressed
        Document.objects.filter(pk=document_id).update(parsed=parsed)


def _by_editor(origin) -> bool:
    from .importer import importing

    if importing():
        return False
    # Deleting a document (or documents) takes its measures and targets along: nothing to remember.
    model = getattr(origin, "model", None) or type(origin)
    return model is not Document


@receiver(post_delete, sender=Measure, dispatch_uid="suppress_deleted_measure")
def measure_deleted(sender, instance: Measure, origin=None, **kwargs):
    from .importer import measure_text_key

    if instance.parsed and _by_editor(origin):
        _suppress(instance.document_id, "measures", measure_text_key(instance.parsed))


@receiver(post_delete, sender=Target, dispatch_uid="suppress_deleted_target")
def target_deleted(sender, instance: Target, origin=None, **kwargs):
    if instance.parsed and not instance.added_by_editor and _by_editor(origin):
        _suppress(instance.document_id, "targets", instance.parsed.get("quote") or "")


@receiver(post_delete, sender=Target, dispatch_uid="specificity_after_target_deleted")
def target_deleted_refresh_flags(sender, instance: Target, origin=None, **kwargs):
    """An editor deleted a target: the measure's specificity flags follow (the importer
    recomputes a whole document itself)."""
    from .importer import importing
    from .services_diffusion import refresh_measures

    # Only a target deleted for itself: when its measure or document is being deleted
    # (a cascade), the measure is about to go too and must not get a new fingerprint row.
    model = getattr(origin, "model", None) or type(origin)
    if instance.measure_id and not importing() and model is Target:
        refresh_measures([instance.measure_id])
