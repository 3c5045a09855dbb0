import pytest

from measures.search.index import update_search_vectors
from measures.search.query import reset_synonyms


@pytest.fixture(autouse=True)
def fresh_search_caches():
    """Synonyms are cached per process; tests roll back their rows."""
    reset_synonyms()
    yield
    reset_synonyms()


@pytest.fixture
def make_measure(db, make_document):
    """Create an indexed Measure; `document` may be given or is created."""
    from measures.models import Measure

    counter = {"n": 0}

    def make(text, *, title=None, document=None, path=(), **kwargs):
        counter["n"] += 1
        document = document or make_document()
        ordinal = kwargs.pop("ordinal", None) or (document.measures.count() + 1)
        m = Measure.objects.create(document=document, ordinal=ordinal, text=text, title=title, path=list(path),
                                   label=str(ordinal), **kwargs)
        update_search_vectors([m.pk])
        return m

    return make


@pytest.fixture
def search_ids():
    from measures.models import Measure

    def run(q, qs=None):
        return list((qs or Measure.objects.all()).search(q).by_relevance().values_list("pk", flat=True))

    return run
