"""The importer's start: the slow imports (parser, segmenter) run in a thread while the first
queries wait on the database, and that thread is gone before anything could fork workers."""
import importlib
import sys
import threading

import pytest

from measures import importer
from measures.importer import Importer, _warm_up, fork_is_safe, knowledge_from_db


def _warm_up_threads():
    return [t for t in threading.enumerate() if t.name == "import-warm-up"]


def test_warm_up_imports_the_modules_and_joins_its_thread(monkeypatch):
    name = "xml.dom.pulldom"  # any module this process has not imported yet
    monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setattr(importer, "WARM_UP_MODULES", (name, "no_such_module_for_the_warm_up"))
    calls, real = [], importlib.import_module

    def spy(module, *args, **kwargs):  # which thread imports what (the thread may end before we look)
        calls.append((module, threading.current_thread().name))
        return real(module, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", spy)
    with _warm_up():
        pass
    assert (name, "import-warm-up") in calls, "the modules missing were imported in a thread"
    assert name in sys.modules  # imported; the missing one did not stop it
    assert not _warm_up_threads()  # joined before the block ends


def test_warm_up_is_skipped_when_everything_is_imported(monkeypatch):
    monkeypatch.setattr(importer, "WARM_UP_MODULES", ("json",))
    with _warm_up():
        assert not _warm_up_threads()


@pytest.mark.django_db
def test_importer_reads_its_knowledge_and_leaves_no_thread(monkeypatch):
    name = "xml.dom.pulldom"
    monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setattr(importer, "WARM_UP_MODULES", ("measures.parsing", name))
    before = threading.active_count()
    imp = Importer(workers=2)
    assert threading.active_count() == before
    assert not _warm_up_threads()
    expected = knowledge_from_db()
    assert imp.knowledge.regions == expected.regions and imp.knowledge.regions
    assert imp.knowledge.themes == expected.themes and imp.knowledge.themes
    assert imp.knowledge.unit_aliases == expected.unit_aliases
    if before == 1:  # a plain test run: the importer may still fork its workers
        assert fork_is_safe()
