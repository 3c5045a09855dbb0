"""The search's usual filter states counted ahead, into the counts every process reads
(measures.search.totals, SHARED: the table measures_search_totals).

The list without search text reads its count and facets from its filter states' lexeme counts
(totals.counts_get); a state no process has counted is counted in the request, 1-9 s at a million
measures. `warm` counts the state without filters and those of one place (province, city), theme or
year (a year, and the years from it on: the form's 起 alone), the values with the most measures
first, and the ratio totals of every measure (totals.get: the wider set of every sampled search), so
that the first visitor of those pages waits for none of them. A count kept and still valid (the
tables unchanged) is read, not counted again.

Any write to the measures or documents leaves every kept count unread (their fingerprint moved), so
an import warms them again once its writes are committed: `after_import` (manage.py import_documents
and load_real_pages at their end, in the command's process) and `in_background` (the admin's import
page, after its transaction commits: in a thread of the web process, so that the editor's request
waits for none of it). An edit in the admin does the same (measures.admin.WarmsSearchCountsMixin: a
save, a delete or an action that finished on a document, measure, measure's unit, target or unit
schedules `in_background` after its transaction commits; many edits in a row, one warm-up and one
more at its end). A failure of the warm step is logged and never raised: nothing is lost, a state not
warmed is counted by the first request that needs it, as before.
"""
import logging
import threading
import time

from django.db import connection, connections

log = logging.getLogger(__name__)

FACETS = {   # name -> (the facet whose values are read, its rows' key, the parameters of a one-filter state)
    "province": ("province", "id", lambda v: {"province": str(v)}),
    "city": ("city", "id", lambda v: {"city": str(v)}),
    "theme": ("theme", "code", lambda v: {"theme": str(v)}),
    "year": ("year", "year", lambda v: {"year_from": str(v), "year_to": str(v)}),   # a year facet's link
    "year_from": ("year", "year", lambda v: {"year_from": str(v)}),                  # that year on
}


def warm(*, facets=tuple(FACETS), limit: int = 0, ratio: bool = True, say=None) -> int:
    """Count (or find kept) the state without filters, the one-filter states of `facets` (at most
    `limit` values of each, the largest first; 0: every value) and, with `ratio`, the ratio totals of
    every measure. say(line) reports each step's time. Returns the number of filter states."""
    from measures import selectors
    from measures.search import totals

    say = say or (lambda line: None)
    started = time.perf_counter()

    def state(params) -> dict:
        # (the list's own path: the same filter states, keys and counts as a visitor's request)
        return selectors.measure_search(params=params, page_size=1).facets

    every = state({})
    say(f"no filter: {time.perf_counter() - started:.1f} s")
    if ratio:
        at = time.perf_counter()
        totals.get_now("")
        say(f"ratio totals of every measure: {time.perf_counter() - at:.1f} s")
    states = 1
    for facet in facets:
        values_of, key, params_of = FACETS[facet]
        rows = sorted((r for r in every.get(values_of, []) if r.get(key) not in (None, "", "none")),
                      key=lambda r: -r["count"])
        if limit > 0:
            rows = rows[:limit]
        at = time.perf_counter()
        for row in rows:
            state(params_of(row[key]))
        states += len(rows)
        say(f"{facet}: {len(rows)} states, {time.perf_counter() - at:.1f} s")
    say(f"{states} filter states counted or found kept in {time.perf_counter() - started:.1f} s")
    return states


def flush_statistics() -> None:
    """This connection's pending statistics (the tuple counters of the writes it committed) sent to the
    server's shared statistics at once, which a backend does on its own within about a second, at most a
    minute: the fingerprint of the kept counts (totals._read_fingerprint) then tells the writes at once,
    so that the counts warmed next are kept under the tables' new fingerprint, not read as still valid
    under the old one. pg_stat_force_next_flush (PostgreSQL 15) flushes when the statement ends; the
    second statement runs after it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")
        cursor.execute("SELECT 1")


def _fresh_start() -> None:
    """What this process knows of the tables read again: the fingerprint (read at most every
    totals.FINGERPRINT_SECONDS otherwise), the search caches of its pages (selectors.cached, whose
    values from before the import would be returned without reading the counts) and its copy of the
    places', themes' and units' names (the import's new units: the unit facet's values)."""
    from measures import selectors
    from measures.search import totals

    totals.forget_fingerprint()
    selectors.bump_generation()
    selectors.reference_names(refresh=True)


def fingerprint():
    """The tables' fingerprint that the kept counts are kept under (totals._read_fingerprint), read now,
    before an import: after_import(since=…) warms only when the import moved it. None where it cannot be
    read (never an error)."""
    from measures.search import totals

    if connection.in_atomic_block:   # (after_import does nothing there)
        return None
    try:
        flush_statistics()   # (this connection's earlier writes in it, not the import's)
        return totals._read_fingerprint()
    except Exception:
        log.warning("could not read the tables' fingerprint before an import", exc_info=True)
        return None


def after_import(*, since=None, say=None, **options) -> bool:
    """Warm the counts after an import's writes were committed, in this process; never raises (a failure
    is logged: nothing is lost, each state is counted when first asked, as without this step). With
    `since` (fingerprint() before the import), nothing is done when the tables' fingerprint has not
    moved: the import wrote nothing (every file unchanged), the kept counts still hold. Inside a
    transaction (a test's) nothing is done: nothing counted there would be kept. Returns whether the
    counts were warmed."""
    if connection.in_atomic_block:
        return False
    try:
        flush_statistics()
        if since is not None:
            from measures.search import totals

            if totals._read_fingerprint() == since:
                return False
        _fresh_start()
        warm(say=say, **options)
        return True
    except Exception:   # the import is done and committed: its warm-up is no part of it
        log.exception("warming the search counts after an import or an edit failed "
                      "(they are counted when first asked)")
        return False


_lock = threading.Lock()
_thread: list = [None]      # the warm-up thread of this process, while it runs
_again = [False]            # another import or edit committed while it ran: once more when it ends


def in_background(**options) -> None:
    """after_import in a thread of this (web) process, for transaction.on_commit (the admin's import page
    and its edits): the statistics of the request's writes are flushed here, the counting goes on in the
    thread (at 1M measures about 90 s of PostgreSQL; seconds for thousands). One thread a process: an
    import or edit committed while it runs has it run once more at its end. Never raises."""
    try:
        if not connection.in_atomic_block:
            flush_statistics()
    except Exception:
        log.exception("could not flush the statistics after an import or an edit")
    with _lock:
        if _thread[0] is not None:
            _again[0] = True
            return
        thread = threading.Thread(target=_run, kwargs=options, daemon=True, name="warm-search-totals")
        _thread[0] = thread
    thread.start()


def _run(**options) -> None:
    try:
        while True:
            with _lock:
                _again[0] = False
            after_import(**options)
            with _lock:
                if not _again[0]:
                    _thread[0] = None
                    return
    except BaseException:   # pragma: no cover - after_import logs its own failures
        with _lock:
            _thread[0] = None
        raise
    finally:
        connections.close_all()


def wait(timeout: float = 300.0) -> bool:
    """Wait for this process's warm-up thread (tests); whether none runs now."""
    deadline = time.monotonic() + timeout
    while True:
        with _lock:
            thread = _thread[0]
        if thread is None:
            return True
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        thread.join(min(remaining, 0.5))
