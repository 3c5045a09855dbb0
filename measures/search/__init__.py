"""Chinese full-text search over measures: folding, tokenising, the index,
query parsing and highlighting. See text.py, index.py, query.py, highlight.py."""
from django.db.models.signals import post_delete, post_migrate, post_save


def _reset_synonyms(**kwargs):
    from .query import reset_synonyms

    reset_synonyms()


def _reset_dictionary(**kwargs):
    from .text import reset_tokenizer

    reset_tokenizer()


def _reset_regions(**kwargs):
    from measures.filters import reset_regions

    reset_regions()


def reset_reference_caches(**kwargs):
    """Drop the per-process copies of regions and synonyms: after bulk writes
    that send no signals (seed_reference, a flush, loaddata) the next request
    reads them again. (The segmenter's dictionary is reloaded only when it
    changed: seed_reference, an admin edit; reloading it costs a second.)"""
    _reset_regions()
    _reset_synonyms()


# A flush (and migrate) ends with post_migrate: the tables may have been emptied.
post_migrate.connect(reset_reference_caches, dispatch_uid="search-reference-post-migrate")

# Edits in the admin take effect at once in this process; other processes
# reload synonyms within query.SYNONYM_TTL, regions within filters.REGION_TTL
# and the dictionary on restart.
for _signal in (post_save, post_delete):
    _signal.connect(_reset_regions, sender="measures.Region", dispatch_uid=f"search-regions-{_signal}")
    _signal.connect(_reset_synonyms, sender="measures.SynonymGroup", dispatch_uid=f"search-syn-{_signal}")
    _signal.connect(_reset_dictionary, sender="measures.DictionaryWord", dispatch_uid=f"search-dict-{_signal}")
