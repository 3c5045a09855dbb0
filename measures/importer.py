"""Import: parse raw files and load them into the database, idempotently.

One decoding step. Each file's bytes are decoded once by the parser's decode
stage (measures.parsing.decode_bytes); that text is the document's identity,
its stored source text and what the parser reads. The encoding used is kept
on the document and reported per file and per run.

Identity. A document is its normalised decoded text (content_hash: SHA-256 of
the text with the BOM removed, line ends as LF, trailing whitespace of each
line stripped, Unicode NFC), so the same text as UTF-8, GBK, GB18030, with a
BOM or CRLF, or under another file name is one document:

* text already loaded from the same file name: "unchanged";
* text already loaded from another file: "duplicate" (nothing written);
* a known file name with new text, or a new file whose title, issuer and 文号
  equal a loaded document's: a new version of that document, updated in place
  (an older version, by its date, arriving later is a "duplicate" of it);
* anything else: "added". Files a folder holds in a format the importer cannot
  read are "skipped" with the reason; files it cannot read or parse "failed".

Editors' corrections survive a re-import. Every editable object keeps, in
`parsed`, what the parser said last time. On re-import a field is overwritten
only while its current value still equals that old parse; a field that differs
was corrected by an editor and is kept (three-way merge). `parsed` is then
set to the new parse, so the admin can show where source and correction differ.
A re-parse whose output equals the stored one (Document.parsed["fingerprint"])
writes nothing; a merge writes only the rows that change.

Throughput. Files are read, decoded, parsed and their search vectors built in
worker processes (one per core); one writer, in file order, loads them in
batches: new documents with a handful of bulk statements per batch (rows and
history), the search index written once per batch. Each batch is one
transaction and each document inside it all-or-nothing: when the database
refuses a bulk write, the batch is loaded again one document at a time, each
in its own savepoint, and only the refused documents fail.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import unicodedata
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from operator import itemgetter
from pathlib import Path

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from simple_history.utils import bulk_create_with_history

from .ingest import DOCUMENT_SUFFIXES
from .models import Document, IPType, Measure, MeasureUnit, Region, ResponsibleUnit, Target, Theme, UnitAlias

log = logging.getLogger(__name__)

ADDED, UPDATED, UNCHANGED, DUPLICATE, SKIPPED, FAILED = (
    "added", "updated", "unchanged", "duplicate", "skipped", "failed")
STATUS_LABELS = [(ADDED, "新增"), (UPDATED, "更新"), (UNCHANGED, "未变"), (DUPLICATE, "重复"), (SKIPPED, "跳过"),
                 (FAILED, "失败")]

# True while the importer itself writes: its deletions are not editors' corrections.
_importing: ContextVar[bool] = ContextVar("importing", default=False)


def importing() -> bool:
    return _importing.get()


# The formats a folder import picks up: text files and web pages, and the documents as
# governments publish them that measures.ingest reads into text (PDF, Word, OFD …). Other
# files in a folder are reported as skipped.
TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".shtml", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | set(DOCUMENT_SUFFIXES)

BATCH_DOCUMENTS = 40       # documents per writer transaction
FIRST_BATCH_DOCUMENTS = 10  # … the first one smaller: the writer starts while the workers fill the next
BATCH_MEASURES = 2500      # … or fewer when they hold this many measures
POOL_MIN_FILES = 8         # fewer files are parsed in the writer itself


@dataclass
class ImportResult:
    path: str
    status: str
    reason: str = ""
    document_id: int | None = None
    encoding: str = ""


@dataclass
class ImportSummary:
    results: list[ImportResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[ImportResult]:
        return [r for r in self.results if r.status == FAILED]

    def encodings(self) -> Counter:
        """How many files were read in each encoding (files that could be decoded)."""
        return Counter(r.encoding for r in self.results if r.encoding)

    def line(self) -> str:
        zh = " · ".join(f"{label} {self.count(s)}" for s, label in STATUS_LABELS)
        en = ", ".join(f"{s} {self.count(s)}" for s, _ in STATUS_LABELS)
        return f"{zh} ({en})"

    def encoding_line(self) -> str:
        counts = self.encodings()
        if not counts:
            return "编码 (encodings): —"
        return "编码 (encodings): " + " · ".join(f"{enc} {n}" for enc, n in counts.most_common())


def scan(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """(file, None) for each file to import, (file, reason) for each file a folder holds
    that cannot be imported. Files named directly are always tried; hidden files skipped silently."""
    for p in map(Path, paths):
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if not child.is_file() or any(part.startswith(".") for part in child.relative_to(p).parts):
                    continue
                suffix = child.suffix.lower()
                if suffix in SUPPORTED_SUFFIXES:
                    yield child, None
                else:
                    yield child, f"暂不支持的格式 {suffix or '(无扩展名)'} (unsupported format)"
        else:
            yield p, None


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and the files of a supported format inside folders (sorted)."""
    return (p for p, reason in scan(paths) if reason is None)


def content_hash(data: bytes) -> str:
    """SHA-256 of the bytes (what content_hash held before documents were identified by their text)."""
    return hashlib.sha256(data).hexdigest()


def normalised_text(text: str) -> str:
    """The text a document is identified by: no BOM, LF line ends, no trailing whitespace on a line,
    no blank lines at either end, Unicode NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    return unicodedata.normalize("NFC", text)


def text_hash(text: str) -> str:
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()


# --- the knowledge the parser needs, read from the database ------------------

def knowledge_from_db():
    """The parser's editable data (gazetteer, themes, IP types, aliases) from the database (read
    before the parser is imported: see _warm_up)."""
    regions = [
        {"code": r["code"], "name": r["name"], "short_name": r["short_name"], "level": r["level"],
         "parent": r["parent__code"]}
        for r in Region.objects.values("code", "name", "short_name", "level", "parent__code")
    ]
    themes = list(Theme.objects.values("code", "name", "keywords", "order"))
    ip_types = list(IPType.objects.values("code", "name", "keywords", "order"))
    unit_aliases = list(UnitAlias.objects.values_list("alias", "canonical"))
    from .parsing import Knowledge

    return Knowledge(regions=regions, themes=themes, ip_types=ip_types, unit_aliases=unit_aliases)


# Modules an import needs that take long to import (the parser compiles some 440 patterns, jieba's
# HMM tables are large sources): imported while this process waits on the database at its start.
WARM_UP_MODULES = ("measures.parsing", "jieba", "rjieba", "opencc")


@contextmanager
def _warm_up(enabled: bool = True):
    """Within: WARM_UP_MODULES are imported in a thread, joined on the way out. An import's first
    query usually waits for the embedded server to start (0.3-0.5 s, a subprocess), and the
    parser's and the segmenter's modules (0.5-0.6 s of compiling) need no database: the two overlap
    instead of following each other. The thread never touches the database and is gone when the
    block ends (no worker is forked beside another thread, fork_is_safe)."""
    import sys
    import threading

    missing = [name for name in WARM_UP_MODULES if name not in sys.modules] if enabled else []
    if not missing:
        yield
        return

    def load():
        import importlib

        for name in missing:
            try:
                importlib.import_module(name)
            except Exception:  # not installed (rjieba is optional): the caller's own import says so
                pass

    thread = threading.Thread(target=load, name="import-warm-up", daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()


# --- stage 1, no database: read, decode, parse, search vectors -----------------
# Runs in worker processes: everything here is a pure function of the file and the knowledge.

@dataclass
class Prepared:
    """One file read, decoded and (unless already known) parsed, ready for the writer."""

    label: str                       # the path as given (for messages)
    source: str                      # the file name: Document.source
    failed: str = ""                 # the reason it cannot be imported
    encoding: str = ""
    digest: str = ""                 # text_hash of the decoded text: the document's identity
    byte_hash: str = ""              # content_hash of the bytes (documents loaded before text identity)
    raw_text: str = ""               # the text the parser read (markup removed)
    parsed: dict | None = None       # None: not parsed (the text is known already)
    fingerprint: str = ""            # of the parse: an unchanged re-parse writes nothing
    vectors: dict | None = None      # ordinal -> (search_vector, title_vector) of the parsed values (binary)
    derived: dict | None = None      # ordinal -> specificity flags and text fingerprint (array literals) of a new measure
    refs: list | None = None         # the documents its text cites (services_diffusion.extract), when new
    data: bytes | None = None        # the bytes, kept by import_bytes only (there is no file to read again)

    @property
    def n_measures(self) -> int:
        return len(self.parsed["measures"]) if self.parsed else 0


def prepare_file(path: Path, knowledge, known=frozenset(), *, vectors=True) -> Prepared:
    from .parsing import ParseError, read_source

    path = Path(path)
    try:
        data = read_source(path)
    except OSError as exc:
        return Prepared(str(path), path.name, failed=f"无法读取文件: {exc.strerror or exc}")
    except ParseError as exc:
        return Prepared(str(path), path.name, failed=str(exc))
    return prepare_bytes(data, source=path.name, label=str(path), knowledge=knowledge, known=known,
                         vectors=vectors)


def prepare_bytes(data: bytes, *, source: str, label: str, knowledge, known=frozenset(),
                  vectors=True) -> Prepared:
    """Read once, identify, parse (unless ``known`` holds the text's or the bytes' hash), build
    the search vectors of what will be stored."""
    from . import parsing, partial_dates
    from .search.text import clear_segmentation_cache

    clear_segmentation_cache()  # jieba's blocks are cached per document (measures.search.text.segments)
    item = Prepared(label, source)
    try:
        readable = read_document(data, source)
    except ReadError as exc:
        item.failed = str(exc)
        return item
    except Exception as exc:  # a reader bug must not stop a batch
        log.exception("reading %s failed", label)
        item.failed = f"读取文件时内部错误: {type(exc).__name__}: {exc}"
        return item
    item.encoding = readable.encoding
    item.digest = text_hash(readable.identity)
    item.byte_hash = content_hash(data)
    item.raw_text = readable.text
    if item.digest in known or item.byte_hash in known:
        return item
    try:
        parsed = parsing.parse_document(readable.parser_input, source=source, knowledge=knowledge)
    except parsing.ParseError as exc:
        item.failed = str(exc)
        return item
    except Exception as exc:  # a parser bug must not stop a batch
        log.exception("parser crashed on %s", label)
        item.failed = f"解析器内部错误: {type(exc).__name__}: {exc}"
        return item
    if isinstance(parsed.get("text"), str) and parsed["text"].strip():
        item.raw_text = parsed["text"]  # the parser says what it read
    partial_dates.annotate(parsed, item.raw_text)  # dated only to the month: keep year and month
    item.parsed = parsed
    item.fingerprint = fingerprint(parsed)
    # the parser's copy of the body text (in the fingerprint): the writer never reads it, and it
    # is a tenth of what a worker sends back
    (parsed.get("document") or {}).pop("body_text", None)
    if vectors:
        folded: dict = {}  # text -> its foldings, for the vectors and the fingerprints
        item.vectors = _vectors(parsed, source, folded)
        item.derived = _derived(parsed, folded)
        item.refs = _references(parsed, source, item.raw_text)
    return item


class ReadError(Exception):
    """A file that has no text to import (empty, binary, damaged); the message says why."""


@dataclass
class Readable:
    identity: str          # the decoded text (for other formats the extracted text): what identifies it
    text: str              # what the parser reads, as stored in Document.raw_text (no markup)
    encoding: str          # "utf-8", "gb18030", "cp950", "utf-16-le" … (for other formats their name: "pdf" …)
    parser_input: bytes    # what parse_document gets


def read_document(data: bytes, source: str) -> Readable:
    """The one reading step. Text files and web pages are decoded by the parser's decode stage
    (measures.parsing.decode_bytes), once: that text identifies the document, and the parser reads
    the same bytes with the same stage, or for a page its main text (measures.ingest, else the
    parser's own markup removal). Other formats (PDF, Word, OFD …) are read by measures.ingest."""
    from . import parsing
    from .ingest import detect_format

    if detect_format(data, source) == "mht":  # a web page saved as one file (Word saves such .doc too)
        return _read_other_format(data, source, None)
    try:
        decoded = parsing.decode_bytes(data)
    except parsing.ParseError as exc:
        return _read_other_format(data, source, exc)
    text = decoded.text
    if not _html_page(text):
        return Readable(text, text, decoded.encoding, data)
    from .ingest import IngestError
    from .ingest.html import extract_html

    try:
        page_text = extract_html(text).text
    except IngestError as exc:
        raise ReadError(str(exc)) from None
    return Readable(text, page_text, decoded.encoding, page_text.encode("utf-8"))


def _read_other_format(data: bytes, source: str, not_text: Exception) -> Readable:
    from .ingest import IngestError, detect_format, extract

    try:
        kind = detect_format(data, source)
    except Exception:
        kind = "txt"
    if kind in ("txt", "html"):  # meant as text, and not text (empty, control bytes): the decoder says why
        raise ReadError(str(not_text))
    try:
        result = extract(data, source)
    except IngestError as exc:
        raise ReadError(str(exc)) from None
    return Readable(result.text, result.text, result.format, result.text.encode("utf-8"))


def _html_page(text: str) -> bool:
    """The parser's own test for a web page (its clean stage)."""
    try:
        from .parsing.clean import html_page
    except ImportError:  # pragma: no cover - an older parser layout
        from .parsing.text import looks_like_html as html_page
    return html_page(text)


# Bumped when the importer maps a parse to rows differently: every document is then merged again.
IMPORT_VERSION = 1


def fingerprint(parsed: dict) -> str:
    """Of the parse output (and the importer's version): a re-parse with the same one writes nothing."""
    payload = {k: parsed.get(k) for k in ("document", "measures", "targets", "warnings")}
    payload["importer"] = IMPORT_VERSION
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def document_values(parsed: dict, source: str) -> tuple[dict, list[str]]:
    """The Document fields the parse gives (region names unresolved) and the warnings."""
    d = parsed.get("document") or {}
    warnings = list(parsed.get("warnings") or [])
    title = (d.get("title") or "").strip()
    if not title:
        # never refuse a text: load it under its file name and let an editor name it
        title = f"（未识别标题）{Path(source).stem}"[:500]
        if "no title found" not in warnings:
            warnings.append("no title found")
    values = {
        "title": title,
        "notice_title": d.get("notice_title"),
        "issuer": d.get("issuer") or "",
        "doc_number": d.get("doc_number"),
        "level": d.get("level") or "",
        "signed_date": _date(d.get("signed_date")),
        "published_date": _date(d.get("published_date")),
        "date_year": d.get("date_year"),     # measures.partial_dates: 2022年12月
        "date_month": d.get("date_month"),
        "status": d.get("status") or Document.Status.IN_FORCE,
        "script": d.get("script") or Document.Script.HANS,
    }
    return values, warnings


def measure_values(item: dict) -> tuple[dict, dict]:
    """(stored values, parsed values incl. themes and IP types) of one parsed measure."""
    values = {
        "path": list(item.get("path") or []),
        "label": item.get("label") or "",
        "title": item.get("title"),
        "text": (item.get("text") or _fallback_text(item)).strip(),
    }
    parsed_values = {**values, "themes": sorted(item.get("themes") or []),
                     "ip_types": sorted(item.get("ip_types") or [])}
    return values, parsed_values


def _vectors(parsed: dict, source: str, cache: dict | None = None) -> dict | None:
    """Search vectors of each measure as it will be stored when new. ``cache``: the document's
    folded texts (measures.search.index._foldings), shared with _derived."""
    try:
        from .search.index import build_vectors_binary

        cache = {} if cache is None else cache
        out = {}
        for item in parsed.get("measures") or []:
            m, _ = measure_values(item)
            out[item["ordinal"]] = build_vectors_binary(m["title"], m["text"], cache)  # for the binary COPY
        return out
    except Exception:  # the writer indexes these measures itself
        log.exception("search vectors of %s", source)
        return None


def _derived(parsed: dict, folded: dict | None = None) -> dict | None:
    """Specificity flags and text fingerprint of each measure as it will be stored when new,
    computed as measures.services_diffusion.refresh_measures computes them (from the text, the
    targets and the unit links the measure gets); the writer stores them with the rows.
    ``folded``: text -> its foldings (the first is fold(text)), as _vectors left them."""
    try:
        from . import similarity as SIM
        from . import specificity as SPEC

        years: dict[int, list] = {}
        target_units: dict[int, list] = {}
        for t in parsed.get("targets") or []:
            if t.get("measure") and _decimal(t.get("value")) is not None:
                years.setdefault(t["measure"], []).append(t.get("year"))
                target_units.setdefault(t["measure"], []).append((t.get("unit") or "")[:32])
        out = {}
        for item in parsed.get("measures") or []:
            text = measure_values(item)[0]["text"]
            roles = {}
            for u in _parsed_units(item):
                roles.setdefault(u["name"], u["role"])  # one link per unit, as _unit_links makes them
            target_years = years.get(item["ordinal"], [])
            computed = SPEC.compute_flags(text, n_targets=len(target_years), target_years=target_years,
                                          n_units=len(roles),
                                          n_lead=sum(1 for r in roles.values() if r == MeasureUnit.Role.LEAD),
                                          target_units=target_units.get(item["ordinal"], []))
            merged = SPEC.merge_flags({name: False for name in SPEC.FLAG_NAMES}, computed, None)
            known = folded.get(text) if folded else None
            text_folded = known[0] if known else None
            weights = SIM.weighted_words(text, folded=text_folded)
            top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:SIM.KEYWORDS]
            # the fingerprint's arrays as the literals COPY reads (built here, beside the writer)
            out[item["ordinal"]] = {
                "flags": merged, "specificity": SPEC.score(merged), "specificity_auto": computed,
                "bands": _array_literal(SIM.bands(text, folded=text_folded), False),
                "terms": _array_literal([w[:40] for w, _ in top], True),
                "weights": _array_literal([round(v, 3) for _, v in top], False),
            }
        return out
    except Exception:  # the writer has them computed by measures.services_diffusion
        log.exception("specificity and fingerprints of %s", parsed.get("source"))
        return None


def _references(parsed: dict, source: str, raw_text: str) -> list | None:
    """The documents the text cites, as services_diffusion.extract reads them from the document
    the writer creates (its title, 文号 and source text); None: the writer extracts them."""
    try:
        from . import citations as C

        values, _ = document_values(parsed, source)
        return C.extract_references(C.policy_text(raw_text), own_title=values["title"],
                                    own_number=values["doc_number"] or "",
                                    own_notice_title=values["notice_title"] or "")
    except Exception:
        log.exception("citations of %s", source)
        return None


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except Exception:
        return None


# worker processes ---------------------------------------------------------------

@contextmanager
def _gc_frozen(enabled: bool = True):
    """Within: the objects alive now (Django, the segmenter's dictionaries, the knowledge) are left
    out of the cyclic garbage collector's passes (gc.freeze), here and in the workers forked
    inside, which inherit them. Each full pass otherwise walks that whole heap again (a sixth of a
    worker's time), and in a worker writes to every page it walks (copy-on-write). Nothing is
    frozen when something else froze objects already (a server that forks its workers)."""
    import gc

    if not enabled or gc.get_freeze_count():
        yield
        return
    from .search.text import get_tokenizer

    get_tokenizer()  # built first (the workers need it, see _prepare_all), so that it is frozen too
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


_worker_state: dict = {}
_inherited_connections: list = []


def _worker_init(knowledge, known, vectors) -> None:
    """A forked worker never touches the parent's database connections: they are set aside
    (kept referenced, so that nothing closes the parent's sockets) and never used."""
    import signal

    from django.db import connections

    # the parent's SIGTERM handler (portal.embedded_pg: a clean exit) is no use here: the pool
    # terminates a worker with SIGTERM and waits for it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for conn in connections.all(initialized_only=True):
        _inherited_connections.append(conn.connection)
        conn.connection = None
        conn.in_atomic_block = False
        conn.savepoint_ids = []
        conn.atomic_blocks = []
        conn.needs_rollback = False
    _worker_state.update(knowledge=knowledge, known=known, vectors=vectors)


def _worker_prepare(path: str) -> Prepared:
    s = _worker_state
    return prepare_file(Path(path), s["knowledge"], s["known"], vectors=s["vectors"])


def fork_is_safe() -> bool:
    """Whether worker processes may be forked from here: only when this process runs no other thread.
    A fork copies the locks other threads hold (a threaded web server's request threads, a test's live
    server, their database sockets), and the copies can hang the parent's other threads or the child;
    `manage.py import` and the benchmarks run single-threaded, and a threaded server parses in place."""
    import threading

    return threading.active_count() == 1


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# --- stage 2, the writer ----------------------------------------------------------

# The GIN indexes a run of new documents fills: the measures' search and title vectors, the text
# fingerprints. They are kept without a pending list (fastupdate off: searches read the tree
# alone), where each inserted row costs one tree insertion per lexeme; a run of many files turns
# the pending list on, so that rows are collected and merged into the tree in bulk, and turns it
# off and merges what is left when it ends.
GIN_INDEXES = ("measure_search_gin", "measure_title_gin", "fingerprint_bands_gin", "fingerprint_terms_gin")
GIN_LOCK_TIMEOUT = "2s"   # the switch locks each index for an instant; waiting longer: no switch


@contextmanager
def gin_pending_lists(enabled: bool = True):
    """Within: inserts into GIN_INDEXES go to their pending lists. Not inside a transaction (the
    switch would hold its lock to the end) and never at the cost of a failure: when the switch is
    refused (lock timeout, rights), the run goes on with the indexes as they are. Yields whether
    the pending lists are on."""
    from django.db import connection

    if not enabled or connection.vendor != "postgresql" or connection.in_atomic_block:
        yield False
        return
    switched = _set_fastupdate(True)
    try:
        yield switched
    finally:
        if switched:
            _set_fastupdate(False)
            try:
                with connection.cursor() as cursor:
                    for name in GIN_INDEXES:
                        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [name])
            except DatabaseError as exc:  # autovacuum merges them too
                log.warning("could not merge the GIN pending lists: %s", exc)


def _set_fastupdate(on: bool) -> bool:
    from django.db import connection

    value = "on" if on else "off"
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{GIN_LOCK_TIMEOUT}'")
            for name in GIN_INDEXES:
                cursor.execute(f'ALTER INDEX IF EXISTS "{name}" SET (fastupdate = {value})')
        return True
    except DatabaseError as exc:
        log.warning("GIN indexes: could not set fastupdate = %s (%s)", value, exc)
        return False

class Importer:
    """Loads parsed documents. One instance caches lookups across files.

    workers: processes that read and parse (default: one per core; 1 = in this process).
    """

    def __init__(self, knowledge=None, *, reindex=True, reparse=False, workers=None):
        with _warm_up(knowledge is None):
            self.knowledge = knowledge if knowledge is not None else knowledge_from_db()
        self.reindex = reindex
        # reparse: parse files whose content is already loaded again (a new parser version);
        # the merge keeps every field an editor changed, as for a new version of the file
        self.reparse = reparse
        self.workers = default_workers() if workers is None else max(1, int(workers))
        self._themes = {t.code: t for t in Theme.objects.all()}
        self._ip_types = {t.code: t for t in IPType.objects.all()}
        self._aliases = dict(UnitAlias.objects.values_list("alias", "canonical"))
        self._regions_by_name: dict[tuple[str, int | None], Region] = {}
        self._unit_cache: dict[tuple[str, int | None], ResponsibleUnit] = {}
        self._keys: dict | None = None
        self._previous: dict | None = None

    # public API ---------------------------------------------------------------------
    def import_paths(self, paths: Iterable[str | Path], *, progress=None, batch_done=None) -> ImportSummary:
        """progress(result) for each file as it is done; batch_done(results) after each batch
        written (the command records the batch's original files at once)."""
        summary = ImportSummary()

        def report(result):
            summary.results.append(result)
            if progress is not None:
                progress(result)

        files = []
        for path, reason in scan(paths):
            if reason is None:
                files.append(path)
            else:
                report(ImportResult(str(path), SKIPPED, reason))
        batch: list[Prepared] = []
        keys: set = set()
        limit = FIRST_BATCH_DOCUMENTS
        self._ahead = 0
        with gin_pending_lists(len(files) >= POOL_MIN_FILES), _gc_frozen(len(files) >= POOL_MIN_FILES):
            for n, item in enumerate(self._prepare_all(files), 1):
                item_keys = self._batch_keys(item)
                if batch and (item_keys & keys or len(batch) >= limit
                              or sum(b.n_measures for b in batch) + item.n_measures > BATCH_MEASURES):
                    # the last files (those the workers hold already) in small batches again: each is
                    # written while the workers finish the next, so that little is left to write
                    # after the last file is parsed (one core idle)
                    limit = FIRST_BATCH_DOCUMENTS if len(files) - n < self._ahead else BATCH_DOCUMENTS
                    written = self._write_batch(batch)
                    for result in written:
                        report(result)
                    if batch_done is not None:
                        batch_done(written)
                    batch, keys = [], set()
                batch.append(item)
                keys |= item_keys
            if batch:
                written = self._write_batch(batch)
                for result in written:
                    report(result)
                if batch_done is not None:
                    batch_done(written)
        return summary

    def import_file(self, path: Path) -> ImportResult:
        return self._write_batch([prepare_file(Path(path), self.knowledge, self._skip_set())])[0]

    def import_bytes(self, data: bytes, *, source: str, path: str | None = None) -> ImportResult:
        item = prepare_bytes(data, source=source, label=path or source, knowledge=self.knowledge,
                             known=self._skip_set())
        item.data = data
        return self._write_batch([item])[0]

    # stage 1 in workers ----------------------------------------------------------------
    def _skip_set(self) -> frozenset:
        """Hashes whose files need no parse: the current text (and, for documents loaded before
        text identity, byte) hashes of every document. None with --reparse."""
        if self.reparse:
            return frozenset()
        return frozenset(Document.objects.values_list("content_hash", flat=True))

    def _prepare_all(self, files: list[Path]) -> Iterator[Prepared]:
        known = self._skip_set()
        if self.workers <= 1 or len(files) < POOL_MIN_FILES or not fork_is_safe():
            for path in files:
                yield prepare_file(path, self.knowledge, known)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        try:
            context = multiprocessing.get_context("fork")
        except ValueError:  # pragma: no cover - no fork on this platform
            for path in files:
                yield prepare_file(path, self.knowledge, known)
            return
        from .search.text import get_tokenizer

        get_tokenizer()  # built here (it reads the dictionary table): the workers inherit it
        from concurrent.futures.process import BrokenProcessPool

        window: deque = deque()
        done = 0
        self._ahead = ahead = BATCH_DOCUMENTS + 4 * self.workers  # files the workers are given ahead of the writer
        try:
            with ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_init,
                                     initargs=(self.knowledge, known, True)) as pool:
                try:
                    for path in files:
                        window.append(pool.submit(_worker_prepare, str(path)))
                        # a batch's worth ahead: the workers go on parsing while the writer writes
                        if len(window) >= ahead:
                            item = window.popleft().result()
                            done += 1
                            yield item
                    while window:
                        item = window.popleft().result()
                        done += 1
                        yield item
                finally:
                    for future in window:
                        future.cancel()
        except BrokenProcessPool:  # a worker died (killed, out of memory): the rest here, in order
            log.warning("a worker process died: reading the remaining %d files in this process", len(files) - done)
            for path in files[done:]:
                yield prepare_file(path, self.knowledge, known)

    @staticmethod
    def _batch_keys(item: Prepared) -> set:
        """What two items of one batch must not share (the later one depends on the earlier)."""
        keys = {("source", item.source)}
        if item.digest:
            keys.add(("text", item.digest))
        if item.parsed:
            v, _ = document_values(item.parsed, item.source)
            if v["doc_number"]:
                keys.add(("version", v["title"], v["issuer"], v["doc_number"]))
        return keys

    # stage 2, one batch -----------------------------------------------------------------
    def _write_batch(self, batch: list[Prepared]) -> list[ImportResult]:
        results: list[ImportResult | None] = [None] * len(batch)
        new: list[int] = []
        updates: list[tuple[int, Document | None, str]] = []
        token = _importing.set(True)
        try:
            plan = self._plan(batch)
            for i, (item, (action, doc, note)) in enumerate(zip(batch, plan)):
                if action in (FAILED, UNCHANGED, DUPLICATE):
                    results[i] = ImportResult(item.label, action, note, doc.pk if doc else None, item.encoding)
                elif action == "new":
                    new.append(i)
                else:
                    updates.append((i, doc, note))
            self._write_unchanged(batch, plan)
            with transaction.atomic():
                reindex: set[int] = set()
                if new:
                    written = self._add_new_bulk([batch[i] for i in new], reindex)
                    if written is None:  # refused: one by one, each all-or-nothing
                        for i in new:
                            results[i] = self._one(batch[i], None, reindex)
                    else:
                        for i, doc in zip(new, written):
                            results[i] = ImportResult(batch[i].label, ADDED, "", doc.pk, batch[i].encoding)
                for i, doc, note in updates:
                    results[i] = self._one(batch[i], doc, reindex, note=note)
                self._write_index(reindex)
            written = [r.document_id for r in results if r.status in (ADDED, UPDATED, DUPLICATE) and r.document_id]
            if written:
                self._remember(Document.objects.filter(pk__in=written))
        finally:
            _importing.reset(token)
        return results

    def _plan(self, batch: list[Prepared]) -> list[tuple[str, Document | None, str]]:
        """What to do with each item: FAILED/UNCHANGED/DUPLICATE (nothing to write), "new", or
        "update" of a document (a new version, a re-parse, an older version recorded)."""
        digests = {b.digest for b in batch if b.digest} | {b.byte_hash for b in batch if b.byte_hash}
        sources = {b.source for b in batch}
        from django.db.models import Q

        docs = list(Document.objects.filter(Q(content_hash__in=digests) | Q(source__in=sources)).defer("raw_text"))
        by_hash = {d.content_hash: d for d in docs}
        by_source = {d.source: d for d in docs}
        older = self._older_versions(digests)
        plan = []
        for item in batch:
            if item.failed:
                plan.append((FAILED, None, item.failed))
                continue
            doc = by_hash.get(item.digest) or by_hash.get(item.byte_hash)
            if doc is not None:
                if doc.source != item.source:
                    plan.append((DUPLICATE, doc, f"与已导入的 {doc.source} 内容相同 (same text as {doc.source})"))
                elif self.reparse and item.parsed is not None:
                    plan.append(("update", doc, "reparse"))
                else:
                    plan.append((UNCHANGED, doc, ""))
                continue
            if item.digest in older and older[item.digest].source != item.source:
                doc = older[item.digest]
                plan.append((DUPLICATE, doc, f"{doc.source} 的旧版本 (an older version of {doc.source})"))
                continue
            if item.parsed is None:  # known when stage 1 ran, gone since: parse it now
                item = self._reprepare(item)
                if item.failed:
                    plan.append((FAILED, None, item.failed))
                    continue
            doc = by_source.get(item.source)
            if doc is not None:
                plan.append(("update", doc, "version"))
                continue
            doc = self._same_document(item)
            if doc is not None:
                plan.append(("update", doc, "version-of"))
                continue
            plan.append(("new", None, ""))
        return plan

    def _reprepare(self, item: Prepared) -> Prepared:
        if item.data is not None:
            fresh = prepare_bytes(item.data, source=item.source, label=item.label, knowledge=self.knowledge)
        else:
            fresh = prepare_file(Path(item.label), self.knowledge)
        item.__dict__.update(fresh.__dict__)
        return item

    # what identifies loaded documents besides their text: kept in memory for a run ------------
    def _catalogue(self) -> tuple[dict, dict]:
        """({(title, issuer, 文号): document id}, {an earlier version's text hash: document id}),
        read once per run and kept up to date by the batches it writes."""
        if self._keys is None:
            self._keys, self._previous = {}, {}
            self._remember(Document.objects.all())
        return self._keys, self._previous

    def _remember(self, queryset) -> None:
        if self._keys is None:
            return
        for pk, *keys, previous in queryset.values_list(
                "id", "title", "issuer", "doc_number", "parsed__title", "parsed__issuer", "parsed__doc_number",
                "parsed__previous_hashes"):
            for key in (tuple(keys[:3]), tuple(keys[3:])):
                if all(key):
                    self._keys.setdefault(key, pk)
            for h in previous or []:
                self._previous[h] = pk

    def _older_versions(self, digests: set[str]) -> dict[str, Document]:
        """Documents an earlier version of which had one of these texts."""
        _, previous = self._catalogue()
        ids = {h: previous[h] for h in digests if h in previous}
        docs = Document.objects.defer("raw_text").in_bulk(set(ids.values())) if ids else {}
        return {h: docs[pk] for h, pk in ids.items() if pk in docs}

    def _same_document(self, item: Prepared) -> Document | None:
        """A loaded document with the same title, issuer and 文号 (a corrected re-issue)."""
        values, _ = document_values(item.parsed, item.source)
        key = (values["title"], values["issuer"], values["doc_number"])
        if not all(key) or key[0].startswith("（未识别标题）"):
            return None
        pk = self._catalogue()[0].get(key)
        return Document.objects.defer("raw_text").filter(pk=pk).first() if pk else None

    def _write_unchanged(self, batch, plan) -> None:
        """Documents loaded before text identity (content_hash of the bytes) or before their
        encoding was kept: the hash, encoding and source text are brought up to date (no history)."""
        for item, (action, doc, _) in zip(batch, plan):
            if action != UNCHANGED or doc is None:
                continue
            if doc.content_hash == item.digest and doc.encoding == item.encoding:
                continue
            try:
                with transaction.atomic():
                    Document.objects.filter(pk=doc.pk).update(
                        content_hash=item.digest, encoding=item.encoding, raw_text=item.raw_text)
            except IntegrityError:  # two old rows of one text: keep them as they are
                pass

    # the fast path: new documents in bulk ----------------------------------------------------
    def _add_new_bulk(self, items: list[Prepared], reindex: set) -> list[Document] | None:
        """New documents with a few statements for the whole batch; None when the database
        refused something (nothing of the batch is then written)."""
        missing: set = set()
        try:
            with transaction.atomic():
                docs = self._bulk(items, missing)
        except (DatabaseError, ValueError) as exc:
            log.info("bulk write refused (%s): loading the batch one document at a time", exc)
            self._unit_cache.clear()  # units created in the rolled-back savepoint are gone
            return None
        reindex |= missing
        return docs

    def _bulk(self, items: list[Prepared], reindex: set) -> list[Document]:
        docs = []
        for item in items:
            values, warnings = document_values(item.parsed, item.source)
            region, province, city = self._region(item.parsed.get("document") or {})
            values["region"] = region
            doc = Document(source=item.source, **values)
            doc.parsed = {**_jsonable(values), "fingerprint": item.fingerprint}
            doc.content_hash = item.digest
            doc.encoding = item.encoding
            doc.raw_text = item.raw_text
            doc.parse_warnings = warnings
            doc.province, doc.city = region.province_and_city() if region else (province, city)
            docs.append(doc)
        docs = bulk_create_with_history(docs, Document, batch_size=500)
        self._prefetch_units(docs, items)
        fresh, owners = [], []
        for doc, item in zip(docs, items):
            prepared = self._prepared_measures(doc, item.parsed["measures"])
            fresh += prepared
            owners += [(doc, item)] * len(prepared)
        derived = [(item.derived or {}).get(entry[0]["ordinal"]) for entry, (doc, item) in zip(fresh, owners)]
        built = [(item.vectors or {}).get(entry[0]["ordinal"]) for entry, (doc, item) in zip(fresh, owners)]
        created = self._create_measures_multi(fresh, owners, derived, built)
        measures_by_doc: dict[int, dict[int, Measure]] = {}
        for m in created:
            measures_by_doc.setdefault(m.document_id, {})[m.ordinal] = m
        targets = []
        for doc, item in zip(docs, items):
            targets += self._new_targets(doc, item.parsed.get("targets") or [], measures_by_doc.get(doc.pk, {}))
        copy_insert(Target, targets, skip={"id"})
        # the vectors built in stage 1 went into the rows themselves; the others are indexed by
        # measures.search.index at the end of the batch
        reindex.update(m.pk for m in created if not m._indexed)
        self._derived_rows(docs, created, derived, items)
        return docs

    # the careful path: one document, merged -----------------------------------------------
    def _one(self, item: Prepared, doc: Document | None, reindex: set, *, note: str = "") -> ImportResult:
        for attempt in (1, 2):
            try:
                with transaction.atomic():
                    status, doc_out = self._save(item, doc, note, reindex)
                reason = f"{doc_out.source} 的旧版本 (an older version of {doc_out.source})" if status == DUPLICATE else ""
                return ImportResult(item.label, status, reason, doc_out.pk if doc_out else None, item.encoding)
            except IntegrityError as exc:
                self._unit_cache.clear()
                # Another process may have imported the same file meanwhile: look again once.
                existing = Document.objects.filter(content_hash=item.digest).first()
                if existing is not None:
                    status = UNCHANGED if existing.source == item.source else DUPLICATE
                    return ImportResult(item.label, status, "", existing.pk, item.encoding)
                if attempt == 2:
                    return ImportResult(item.label, FAILED, f"数据库拒绝写入: {exc}".strip(), None, item.encoding)
                doc = Document.objects.filter(source=item.source).first() or doc
            except (DatabaseError, ValueError) as exc:
                self._unit_cache.clear()
                return ImportResult(item.label, FAILED, f"数据库拒绝写入: {exc}".strip(), None, item.encoding)
        raise AssertionError("unreachable")  # pragma: no cover

    def _save(self, item: Prepared, doc: Document | None, note: str, reindex: set) -> tuple[str, Document]:
        parsed = item.parsed
        if doc is not None:
            doc = Document.objects.select_for_update().get(pk=doc.pk)
            if note == "reparse" and (doc.parsed or {}).get("fingerprint") == item.fingerprint:
                return UNCHANGED, doc  # the same parse again: nothing to write
            if note == "version-of" and self._is_older(parsed, doc):
                previous = list((doc.parsed or {}).get("previous_hashes") or [])
                if item.digest not in previous:
                    Document.objects.filter(pk=doc.pk).update(
                        parsed={**(doc.parsed or {}), "previous_hashes": previous + [item.digest]})
                return DUPLICATE, doc
        values, warnings = document_values(parsed, item.source)
        region, province, city = self._region(parsed.get("document") or {})
        values["region"] = region
        created = doc is None
        changed = created
        if created:
            doc = Document(source=item.source, **values)
            doc.parsed = _jsonable(values)
        else:
            changed = _merge(doc, values, Document.EDITABLE_FIELDS)
            if doc.content_hash not in (item.digest, item.byte_hash):
                previous = [h for h in (doc.parsed or {}).get("previous_hashes") or [] if h != item.digest]
                doc.parsed["previous_hashes"] = previous + [doc.content_hash]
            if doc.source != item.source:  # a new version under a new file name: it is the document now
                doc.source = item.source
                changed = True
        doc.parsed["fingerprint"] = item.fingerprint
        doc.parsed.pop("encoding", None)
        new_province_city = doc.region.province_and_city() if doc.region_id else (province, city)
        if (doc.province_id, doc.city_id) != tuple(r.pk if r else None for r in new_province_city):
            changed = True
        doc.province, doc.city = new_province_city
        quiet = {"content_hash": item.digest, "encoding": item.encoding, "raw_text": item.raw_text,
                 "parse_warnings": warnings}
        # a new text is a new version; the same bytes under their old hash (loaded before text
        # identity) or new source text for the same file (markup removed) are not
        changed = changed or doc.content_hash not in (item.digest, item.byte_hash)
        for k, v in quiet.items():
            setattr(doc, k, v)
        if created or changed:
            doc.save()
        else:  # only what the parser said changed: no history row
            Document.objects.filter(pk=doc.pk).update(parsed=doc.parsed, **{k: v for k, v in quiet.items()})
        measures, m_changed, touched = self._save_measures(doc, parsed["measures"], created=created)
        t_changed = self._save_targets(doc, parsed.get("targets") or [], measures, created=created)
        if self.reindex:
            if created or changed:
                reindex.update(m.pk for m in measures.values())
            else:
                reindex.update(touched)
        if created or changed or m_changed or t_changed:
            self._after_import(doc)
            return (ADDED if created else UPDATED), doc
        return UNCHANGED, doc

    @staticmethod
    def _is_older(parsed: dict, doc: Document) -> bool:
        values, _ = document_values(parsed, "")
        new_day = values["signed_date"] or values["published_date"]
        old_day = doc.signed_date or doc.published_date
        return bool(new_day and old_day and new_day < old_day)

    def _derived_rows(self, docs: list[Document], created: list[Measure], derived: list,
                      items: list[Prepared]) -> None:
        """New documents' derived data (measures.services_diffusion): their measures' text
        fingerprints computed in stage 1 in one statement, the rest recomputed there in batches;
        each document's keys and citations."""
        from .models import MeasureFingerprint
        from .services_diffusion import refresh_measures, refresh_new_documents

        prints, missing = [], []
        for m, d in zip(created, derived):
            if d is None:
                missing.append(m.pk)
            else:
                prints.append((m.pk, m.document_id, d["bands"], d["terms"], d["weights"]))  # array literals
        copy_rows(MeasureFingerprint, ("measure_id", "document_id", "bands", "terms", "weights"), prints)
        if missing:
            refresh_measures(missing)
        # keys, citations and those waiting for them (the flags came with the rows, the references
        # from stage 1), for the batch at once
        refresh_new_documents(docs, [item.refs for item in items])

    def _after_import(self, doc: Document) -> None:
        """Derived data of other parts of the portal (citations, specificity), when installed."""
        from .services_diffusion import after_import

        after_import(doc)

    def _write_index(self, reindex: set) -> None:
        """The search index of the measures the batch wrote without their vectors (updated
        measures, and new ones whose vectors stage 1 could not build): measures.search.index
        builds and writes them. New measures of the fast path carry theirs in their rows."""
        from .search import index

        if self.reindex and reindex:
            index.update_search_vectors(sorted(reindex))

    # measures ---------------------------------------------------------------------------
    def _prepared_measures(self, doc: Document, items: list[dict]) -> list[tuple[dict, dict, dict]]:
        suppressed = (doc.parsed or {}).get("suppressed") or {}
        deleted_measures = set(suppressed.get("measures") or [])
        prepared = []
        for item in items:
            values, parsed_values = measure_values(item)
            if measure_text_key(parsed_values) in deleted_measures:
                continue  # an editor deleted this measure
            prepared.append((item, values, parsed_values))
        return prepared

    def _save_measures(self, doc: Document, items: list[dict], *,
                       created: bool) -> tuple[dict[int, Measure], bool, set[int]]:
        """(measures by ordinal, whether anything changed, pks of the measures whose rows changed)."""
        existing = {} if created else {m.ordinal: m for m in doc.measures.all()}
        kept: dict[int, Measure] = {}
        matched_ids = set()
        touched: set[int] = set()
        changed = False
        prepared = self._prepared_measures(doc, items)
        # Which stored measure each new item is, judged on what the parser said last time:
        # same number and text, else same text, else (only then) the same position. Each
        # pass runs over all items before the next, so an inserted or renumbered measure
        # never takes the row (and the corrections) of the measure that moved down.
        rows: list[Measure | None] = [None] * len(prepared)
        unclaimed = {m.pk: m for m in existing.values()}
        for key in (_measure_key, measure_text_key):
            index = {}
            for m in unclaimed.values():
                if m.parsed and key(m.parsed):
                    index.setdefault(key(m.parsed), m)
            for i, (_, _, parsed_values) in enumerate(prepared):
                m = index.get(key(parsed_values)) if rows[i] is None and key(parsed_values) else None
                if m is not None and m.pk in unclaimed:
                    rows[i] = unclaimed.pop(m.pk)
        for i, (item, _, _) in enumerate(prepared):
            m = existing.get(item["ordinal"])
            if rows[i] is None and m is not None and m.pk in unclaimed:
                rows[i] = unclaimed.pop(m.pk)
        renumbered = any(m is not None and m.ordinal != item["ordinal"] for (item, _, _), m in zip(prepared, rows))
        leaving = [m for m in existing.values() if m.pk not in {r.pk for r in rows if r is not None}]
        if renumbered or (leaving and any(m.reviewed for m in leaving)):
            # Free the ordinals first so renumbering never collides with the unique constraint.
            doc.measures.update(ordinal=F("ordinal") + 100000)
            for m in existing.values():
                m.ordinal += 100000
        fresh = []
        for (item, values, parsed_values), m in zip(prepared, rows):
            if m is None:
                fresh.append((item, values, parsed_values))
                continue
            before = (m.ordinal, m.path, m.label, m.title, m.text)
            m.ordinal = item["ordinal"]
            current_m2m = {"themes": sorted(m.themes.values_list("code", flat=True)),
                           "ip_types": sorted(m.ip_types.values_list("code", flat=True))}
            merged_m2m = _merge_values(current_m2m, parsed_values, m.parsed, ["themes", "ip_types"])
            old_parsed = dict(m.parsed or {})
            _merge(m, values, ["path", "label", "title", "text"], new_parsed=parsed_values)
            if before != (m.ordinal, m.path, m.label, m.title, m.text):
                m.save()
                touched.add(m.pk)
                changed = True
            if merged_m2m["themes"] != current_m2m["themes"]:
                m.themes.set([self._themes[c] for c in merged_m2m["themes"] if c in self._themes])
                touched.add(m.pk)
                changed = True
            if merged_m2m["ip_types"] != current_m2m["ip_types"]:
                m.ip_types.set([self._ip_types[c] for c in merged_m2m["ip_types"] if c in self._ip_types])
                touched.add(m.pk)
                changed = True
            matched_ids.add(m.pk)
            kept[m.ordinal] = m
            units_changed = self._save_units(doc, m, item, old_parsed)
            if units_changed:   # its facet_vector holds its units
                touched.add(m.pk)
            changed = changed or units_changed
        new_objs = self._create_measures_multi(fresh, [(doc, None)] * len(fresh))
        for m in new_objs:
            matched_ids.add(m.pk)
            kept[m.ordinal] = m
            touched.add(m.pk)
            changed = True
        # Measures that disappeared from the source: drop unless an editor reviewed them.
        for m in existing.values():
            if m.pk not in matched_ids:
                changed = True
                if m.reviewed:
                    m.ordinal = max(kept or [0]) + 1 + len(kept)
                    m.save(update_fields=["ordinal"])
                    kept[m.ordinal] = m
                else:
                    m.delete()
        return kept, changed, touched

    def _create_measures_multi(self, fresh: list[tuple[dict, dict, dict]],
                               owners: list[tuple[Document, object]], derived: list | None = None,
                               vectors: list | None = None) -> list[Measure]:
        """New measures (of one or many documents) in bulk: rows, their history entries, themes,
        IP types and unit links, each with one COPY, whatever their number. ``derived``: each
        measure's specificity flags computed in stage 1 (or None), stored with the row;
        ``vectors``: its (search_vector, title_vector) built in stage 1 (or None), stored with the
        row along with its facet_vector (m._indexed tells which rows have them)."""
        from .search import index

        if not fresh:
            return []
        objs = []
        for n, ((item, values, parsed_values), (doc, _)) in enumerate(zip(fresh, owners)):
            m = Measure(document=doc, ordinal=item["ordinal"], **values)
            m.parsed = _jsonable({**parsed_values, "units": _parsed_units(item)})
            d = derived[n] if derived else None
            if d is not None:
                for name, value in d["flags"].items():
                    setattr(m, name, value)
                m.specificity, m.specificity_auto = d["specificity"], d["specificity_auto"]
            objs.append(m)
        unit_rows = []   # each measure's unit link rows, which its facet_vector holds too
        for n, (m, (pk, bucket)) in enumerate(zip(objs, index.next_ids_with_buckets(len(objs)))):
            m.pk = m.id = pk
            unit_rows.append(self._unit_link_rows(owners[n][0], pk, m.parsed["units"]))
            vec = vectors[n] if vectors and self.reindex else None
            m._indexed = vec is not None
            if vec is not None:
                doc = owners[n][0]
                day = doc.signed_date or doc.published_date
                m.search_vector, m.title_vector = vec
                m.facet_vector = index.facet_vector_binary(
                    province_id=doc.province_id, city_id=doc.city_id, bucket=bucket,
                    year=day.year if day else doc.date_year,
                    themes=[c for c in m.parsed["themes"] if c in self._themes],
                    ip_types=[c for c in m.parsed["ip_types"] if c in self._ip_types],
                    units=[(row[1], row[2]) for row in unit_rows[n]], issuer=doc.issuer, title=doc.title)
        written = copy_insert(Measure, objs, binary=True)  # the vectors in their binary form
        for m in objs:
            m._state.adding, m._state.db = False, "default"
        history = _history_rows(Measure, objs, written)
        # the link rows as plain tuples straight to COPY (no model instances): (measure, theme),
        # (measure, IP type), (measure, unit, role, position)
        theme_pk = {code: t.pk for code, t in self._themes.items()}
        ip_type_pk = {code: t.pk for code, t in self._ip_types.items()}
        themes, ip_types, links = [], [], []
        for m, rows in zip(objs, unit_rows):
            pk = m.pk
            themes += [(pk, theme_pk[c]) for c in m.parsed["themes"] if c in theme_pk]
            ip_types += [(pk, ip_type_pk[c]) for c in m.parsed["ip_types"] if c in ip_type_pk]
            links += rows
        themes = [(pk, *row) for row, pk in zip(themes, _next_ids(Measure.themes.through, len(themes)))]
        ip_types = [(pk, *row) for row, pk in zip(ip_types, _next_ids(Measure.ip_types.through, len(ip_types)))]
        copy_rows(Measure.themes.through, ("id", "measure_id", "theme_id"), themes)
        copy_rows(Measure.ip_types.through, ("id", "measure_id", "iptype_id"), ip_types)
        copy_rows(MeasureUnit, ("measure_id", "unit_id", "role", "position"), links, skip={"id"})
        self._m2m_history(history, themes, ip_types)
        return objs

    @staticmethod
    def _m2m_history(history: dict[int, int], themes: list[tuple], ip_types: list[tuple]) -> None:
        """The themes and IP types of the imported version, in the history, so
        that an editor can revert a measure to what was imported. ``themes`` and ``ip_types``:
        the (id, measure id, theme or IP type id) rows written."""
        hist_model = Measure.history.model
        for name, rows, other in (("themes", themes, "theme_id"), ("ip_types", ip_types, "iptype_id")):
            model = next(r.related_model for r in hist_model._meta.related_objects
                         if r.related_model.__name__ == f"{hist_model.__name__}_{name}")
            copy_rows(model, ("id", "measure_id", other, "history_id"),
                      [(pk, measure_id, other_id, history[measure_id])
                       for pk, measure_id, other_id in rows if measure_id in history],
                      skip={"m2m_history_id"})

    def _unit_link_rows(self, doc: Document, measure_id: int, parsed_units: list[dict]) -> list[tuple]:
        """_unit_links as (measure id, unit id, role, position) rows."""
        links, seen = [], set()
        region = doc.region
        for pos, u in enumerate(parsed_units):
            unit = self._unit(u["name"], region)
            if unit.pk in seen:
                continue
            seen.add(unit.pk)
            links.append((measure_id, unit.pk, u["role"], pos))
        return links

    def _unit_links(self, doc: Document, measure: Measure, parsed_units: list[dict]) -> list[MeasureUnit]:
        links, seen = [], set()
        for pos, u in enumerate(parsed_units):
            unit = self._unit(u["name"], doc.region)
            if unit.pk in seen:
                continue
            seen.add(unit.pk)
            links.append(MeasureUnit(measure=measure, unit=unit, role=u["role"], position=pos))
        return links

    def _save_units(self, doc: Document, measure: Measure, item: dict, old: dict) -> bool:
        parsed_units = _parsed_units(item)
        old_parsed = old.get("units")
        current = [{"name": link.unit.name, "role": link.role} for link in measure.unit_links.select_related("unit")]
        changed = False
        if old_parsed is not None and current != old_parsed:
            pass  # An editor changed the units: keep theirs, remember the new parse.
        elif current != parsed_units:
            measure.unit_links.all().delete()
            MeasureUnit.objects.bulk_create(self._unit_links(doc, measure, parsed_units))
            changed = True
        measure.parsed = {**(measure.parsed or {}), "units": parsed_units}
        if measure.parsed != old:
            Measure.objects.filter(pk=measure.pk).update(parsed=measure.parsed)
        return changed

    # targets ----------------------------------------------------------------------------
    def _incoming_targets(self, doc: Document, items: list[dict], measures: dict[int, Measure],
                          editor_quotes: set) -> list[list]:
        incoming = []
        deleted_quotes = set(((doc.parsed or {}).get("suppressed") or {}).get("targets") or [])
        for item in items:
            if item.get("quote") and item.get("quote") in editor_quotes | deleted_quotes:
                continue  # an editor already entered this target by hand, or deleted it
            try:
                value = Decimal(str(item["value"]))
            except Exception:
                continue
            values = {
                "metric": (item.get("metric") or "")[:300] or "未命名指标",
                "comparator": item.get("comparator") or "=",
                "value": value,
                "unit": (item.get("unit") or "")[:32],
                "year": item.get("year"),
                "quote": item.get("quote") or "",
            }
            measure = measures.get(item.get("measure")) if item.get("measure") else None
            new_parsed = _jsonable({**values, "measure": item.get("measure"),
                                    "measure_pk": measure.pk if measure else None})
            incoming.append([values, measure, new_parsed, None])
        return incoming

    def _new_targets(self, doc: Document, items: list[dict], measures: dict[int, Measure]) -> list[Target]:
        return [Target(document=doc, measure=measure, position=pos, parsed=new_parsed, **values)
                for pos, (values, measure, new_parsed, _) in
                enumerate(self._incoming_targets(doc, items, measures, set()))]

    def _save_targets(self, doc: Document, items: list[dict], measures: dict[int, Measure], *,
                      created: bool) -> bool:
        """Three-way merge of the parsed targets, field by field, like documents and measures.

        Each new item is matched to the target the parser produced last time (same quote,
        else same metric and measure, else same metric, unit and year); a matched target
        keeps the fields an editor corrected and takes the new parse for the others.
        Editor-added targets are never touched; an old parsed target with no match is
        dropped unless an editor corrected it. Returns whether anything changed.
        """
        existing = [] if created else list(doc.targets.select_related("measure"))
        editor_added = [t for t in existing if t.added_by_editor]
        unmatched = [t for t in existing if not t.added_by_editor]
        incoming = self._incoming_targets(doc, items, measures, {t.quote for t in editor_added})
        for key in _TARGET_KEYS:
            for entry in incoming:
                if entry[3] is not None:
                    continue
                wanted = key(entry[2])
                if wanted is None:
                    continue
                match = next((t for t in unmatched if t.parsed and key(t.parsed) == wanted), None)
                if match is not None:
                    entry[3] = match
                    unmatched.remove(match)
        gone = [t.pk for t in unmatched if not _target_edited(t)]
        changed = bool(gone)
        Target.objects.filter(pk__in=gone).delete()
        new = []
        for pos, (values, measure, new_parsed, t) in enumerate(incoming):
            if t is None:
                new.append(Target(document=doc, measure=measure, position=pos, parsed=new_parsed, **values))
                continue
            old = t.parsed or {}
            before = ([_current(t, n) for n in _TARGET_FIELDS], t.measure_id, t.position, t.parsed)
            for name in _TARGET_FIELDS:
                if name not in old or _current(t, name) == old[name]:
                    setattr(t, name, values[name])
            if not _target_measure_corrected(t, old):
                t.measure = measure
            t.position = pos
            t.parsed = new_parsed
            if before != ([_current(t, n) for n in _TARGET_FIELDS], t.measure_id, t.position, t.parsed):
                t.save()
                changed = True
        Target.objects.bulk_create(new)
        return changed or bool(new)

    # lookups ----------------------------------------------------------------------------
    def _region(self, d: dict) -> tuple[Region | None, Region | None, Region | None]:
        province = self._region_named(d.get("province"), None)
        city = self._region_named(d.get("city"), province.pk if province else None) if d.get("city") else None
        district = (self._region_named(d.get("district"), city.pk if city else (province.pk if province else None))
                    if d.get("district") else None)
        return district or city or province, province, city

    def _region_named(self, name: str | None, parent_id: int | None) -> Region | None:
        if not name:
            return None
        key = (name, parent_id)
        if key not in self._regions_by_name:
            qs = Region.objects.filter(name=name)
            if parent_id is not None:
                qs = qs.filter(parent_id=parent_id)
            self._regions_by_name[key] = qs.order_by("id").first()
        return self._regions_by_name[key]

    def _prefetch_units(self, docs: list[Document], items: list[Prepared]) -> None:
        """The batch's responsible units into the cache _unit reads, with a few statements for the
        whole batch: the units (and the canonical units their names fold to) already in the
        database in one query; the missing ones created with their history in bulk. What _unit
        does name by name, in the order _unit_links asks (a unit created here gets its canonical
        unit with its first history row)."""
        wanted = list(dict.fromkeys((u["name"], doc.region_id) for doc, item in zip(docs, items)
                                    for m in item.parsed.get("measures") or [] for u in _parsed_units(m)))
        wanted = [key for key in wanted if key not in self._unit_cache]
        if not wanted:
            return
        from django.db.models import Q

        regions = {doc.region_id: doc.region for doc in docs}
        cores = {key: canonical_unit_name(key[0], self._aliases, regions.get(key[1])) for key in wanted}
        names = set(wanted) | {(core, r) for (_, r), core in cores.items()}
        cond = Q()
        for region_id in {r for _, r in names}:
            cond |= Q(region_id=region_id, name__in=sorted(n for n, r in names if r == region_id))
        known = {(u.name, u.region_id): u for u in ResponsibleUnit.objects.filter(cond).order_by("pk")}
        created: list[ResponsibleUnit] = []
        recanonical: list[ResponsibleUnit] = []

        def get_or_new(name, region_id):
            unit = known.get((name, region_id))
            if unit is None:
                unit = known[(name, region_id)] = ResponsibleUnit(name=name, region=regions.get(region_id))
                created.append(unit)
            return unit

        for key in wanted:
            unit = get_or_new(*key)
            if unit.canonical_id is None and unit.canonical is None:
                core = cores[key]
                if core != key[0]:
                    canonical = get_or_new(core, key[1])
                    if canonical is not unit:
                        unit.canonical = canonical.canonical or canonical
                        if unit.pk is not None:
                            recanonical.append(unit)
            self._unit_cache[key] = unit
        # new units after the new units they point to (their canonical row needs its id first)
        while created:
            ready = [u for u in created if u.canonical is None or u.canonical.pk is not None]
            if not ready:  # units pointing to each other (an alias loop): refused, as one by one
                raise ValueError("responsible units whose canonical units form a loop")
            bulk_create_with_history(ready, ResponsibleUnit, batch_size=500)
            created = [u for u in created if u.pk is None]
        for unit in recanonical:  # a unit loaded before without its canonical unit
            unit.save(update_fields=["canonical"])

    def _unit(self, name: str, region: Region | None) -> ResponsibleUnit:
        region_id = region.pk if region else None
        key = (name, region_id)
        unit = self._unit_cache.get(key)
        if unit is None:
            unit, _ = ResponsibleUnit.objects.get_or_create(name=name, region=region)
            if unit.canonical_id is None:
                core = canonical_unit_name(name, self._aliases, region)
                if core != name:
                    canonical, _ = ResponsibleUnit.objects.get_or_create(name=core, region=region)
                    if canonical.pk != unit.pk:
                        unit.canonical = canonical.canonical or canonical
                        unit.save(update_fields=["canonical"])
            self._unit_cache[key] = unit
        return unit


def _next_ids(model, n: int) -> list[int]:
    """n primary keys from the table's sequence (rows written by COPY need theirs beforehand)."""
    from django.db import connection

    if n <= 0:
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [model._meta.db_table, model._meta.pk.column, n])
        return [row[0] for row in cursor.fetchall()]


def copy_insert(model, objs: list, *, skip=frozenset(), binary: bool = False) -> tuple[list[str], list[list]]:
    """INSERT model instances with one COPY: every concrete field but those in ``skip`` (left to
    their database default, e.g. an identity column), values prepared as Django's INSERT
    prepares them (auto_now fields, JSON, arrays, dates). Returns (attnames, rows written).
    ``binary``: a binary COPY, the search vectors given as index.BinaryTsvector (or None) and
    arrays as lists (the rows written can be written again by a text COPY, copy_rows)."""
    from django.db import connection

    if not objs:
        return [], []
    fields = [f for f in model._meta.local_concrete_fields if f.attname not in skip and f.name not in skip]
    prepare = [_copy_value(f, connection, binary) for f in fields]
    rows = [[fn(obj) for fn in prepare] for obj in objs]
    _copy(model, [f.column for f in fields], rows, [_binary_type(f, connection) for f in fields] if binary else None)
    return [f.attname for f in fields], rows


def _binary_type(field, connection) -> str:
    """The type name psycopg's binary COPY writes a field's values as (the column's own type)."""
    db_type = field.db_type(connection)
    name = re.sub(r"\(\d+\)", "", db_type)
    return {"bigint": "int8", "integer": "int4", "smallint": "int2", "boolean": "bool",
            "timestamp with time zone": "timestamptz", "double precision": "float8", "bigserial": "int8",
            "serial": "int4"}.get(name, name)


_checked_columns: set = set()


def copy_rows(model, columns: tuple[str, ...], rows: list, *, skip=frozenset()) -> None:
    """INSERT rows given as plain tuples, in the order of ``columns`` (attnames), with one COPY:
    values ready as copy_insert prepares them (numbers, text, booleans, None, dates, array and
    tsvector literals). The columns must be every concrete field of the model but those in
    ``skip`` (left to their database default): checked once per model, so that a field added to
    the model fails here (the batch is then written one document at a time) instead of being
    left out silently."""
    key = (model, tuple(columns), frozenset(skip))
    if key not in _checked_columns:
        fields = {f.attname for f in model._meta.local_concrete_fields}
        if set(columns) | set(skip) != fields or len(set(columns)) != len(columns):
            raise ValueError(f"copy_rows: {model.__name__} has the columns {sorted(fields)}, "
                             f"not {list(columns)} and {sorted(skip)}")
        _checked_columns.add(key)
    if not rows:
        return
    by_attname = {f.attname: f.column for f in model._meta.local_concrete_fields}
    _copy(model, [by_attname[c] for c in columns], rows)


def _copy(model, columns: list[str], rows: list, types: list[str] | None = None) -> None:
    """COPY the rows; ``types``: a binary COPY, each column's values written as that type."""
    from django.db import connection
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN" + (" (FORMAT BINARY)" if types else "")).format(
        sql.Identifier(model._meta.db_table), sql.SQL(", ").join(sql.Identifier(c) for c in columns))
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if types:
            cursor.cursor.adapters.register_dumper(_binary_tsvector_class(), _binary_tsvector_dumper())
        with cursor.cursor.copy(statement) as copy:
            if types:
                copy.set_types(types)
            write = copy.write_row
            for row in rows:
                write(row)


def _binary_tsvector_class():
    from .search.index import BinaryTsvector

    return BinaryTsvector


_tsvector_dumper = None


def _binary_tsvector_dumper():
    """psycopg's dumper of index.BinaryTsvector: its bytes as they are, a tsvector in binary. Any
    other value (a literal) is refused: the binary COPY would store garbage."""
    global _tsvector_dumper
    if _tsvector_dumper is None:
        from psycopg.adapt import Dumper
        from psycopg.postgres import types
        from psycopg.pq import Format

        from .search.index import BinaryTsvector

        class BinaryTsvectorDumper(Dumper):
            format = Format.BINARY
            oid = types["tsvector"].oid

            def dump(self, obj):
                if type(obj) is not BinaryTsvector:
                    raise ValueError(f"a binary COPY of tsvectors takes index.BinaryTsvector, not {type(obj)}")
                return obj

        _tsvector_dumper = BinaryTsvectorDumper
    return _tsvector_dumper


def _copy_value(field, connection, binary: bool = False):
    """How copy_insert reads a field's value: plain values (text, numbers, booleans, keys, dates,
    tsvector literals) as they are, integer/float/text arrays as array literals (``binary``: as
    lists), everything else (JSON, auto_now, decimals …) through the field's get_db_prep_save as
    an INSERT would."""
    from django.contrib.postgres.fields import ArrayField
    from django.contrib.postgres.search import SearchVectorField
    from django.db import models

    attname = field.attname
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)
    if binary and isinstance(field, ArrayField):
        return lambda obj: None if getattr(obj, attname) is None else list(getattr(obj, attname))
    if isinstance(field, ArrayField) and isinstance(field.base_field, (models.IntegerField, models.FloatField,
                                                                      models.CharField, models.TextField)):
        quote = isinstance(field.base_field, (models.CharField, models.TextField))
        return lambda obj: _array_literal(getattr(obj, attname), quote)
    if isinstance(field, (models.CharField, models.TextField)):
        def text(obj):
            value = getattr(obj, attname)
            return value if value is None or type(value) is str else str(value)  # choices: their value
        return text
    if isinstance(field, (models.IntegerField, models.AutoField, models.BigAutoField)):
        def integer(obj):
            value = getattr(obj, attname)
            return value if value is None or type(value) is int else int(value)
        return integer
    if isinstance(field, (SearchVectorField, models.BooleanField, models.ForeignKey, models.FloatField)) or (
            isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)):
        return lambda obj: getattr(obj, attname)
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)


def _array_literal(values, quote: bool):
    if values is None:
        return None
    if quote:
        items = ("NULL" if v is None else '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'
                 for v in values)
    elif None in values:
        items = ("NULL" if v is None else str(v) for v in values)
    else:
        items = map(str, values)
    return "{" + ",".join(items) + "}"


def _history_rows(model, objs: list, written: tuple[list[str], list[list]] | None = None) -> dict[int, int]:
    """The "+" history records of newly created rows (as simple_history's bulk_history_create
    writes them), by COPY; returns {row pk: history_id}. ``written``: what copy_insert returned
    for these rows (their values, prepared once, are reused for the tracked fields)."""
    from django.db import connection
    from django.utils import timezone

    history_model = model.history.model
    if not objs:
        return {}
    user = getattr(objs[0], "_history_user", None) or history_model.get_default_history_user(objs[0])
    extra = {"history_date": timezone.now(), "history_user_id": user.pk if user is not None else None,
             "history_change_reason": "", "history_type": "+"}
    tracked_names = {f.attname for f in history_model.tracked_fields}
    tracked = [f for f in history_model._meta.local_concrete_fields if f.attname in tracked_names]
    attnames, values = written if written else ([], [])
    where = {name: i for i, name in enumerate(attnames)}
    reused = [f.attname for f in tracked if f.attname in where]  # the value written for the row itself
    prepared = [f for f in tracked if f.attname not in where]    # else as the history field prepares it
    pick = itemgetter(*[where[name] for name in reused]) if reused else (lambda row: ())
    if len(reused) == 1:
        pick = (lambda get: lambda row: (get(row),))(pick)
    prepare = [_copy_value(f, connection) for f in prepared]
    columns = (*reused, *(f.attname for f in prepared), "history_id", *extra)
    if set(columns) != {f.attname for f in history_model._meta.local_concrete_fields}:
        raise ValueError(f"the history columns of {history_model.__name__} are not {columns}")
    constants = tuple(extra.values())
    ids = _next_ids(history_model, len(objs))
    rows = [(*pick(values[n] if values else ()), *(fn(obj) for fn in prepare), history_id, *constants)
            for n, (obj, history_id) in enumerate(zip(objs, ids))]
    copy_rows(history_model, columns, rows)
    return {obj.pk: history_id for obj, history_id in zip(objs, ids)}


# --- helpers ------------------------------------------------------------------

def canonical_unit_name(name: str, aliases: dict[str, str], region: Region | None) -> str:
    """The canonical form of a unit name: region prefix (市/省/区/县 or the
    region's own name) removed, then mapped through the alias table."""
    core = name.strip()
    prefixes = []
    node = region
    while node is not None:
        prefixes += [node.name, node.short_name]
        node = node.parent
    for prefix in sorted(filter(None, prefixes), key=len, reverse=True):
        if core.startswith(prefix) and len(core) > len(prefix) + 1:
            core = core[len(prefix):]
            break
    core = re.sub(r"^[省市](?!委|政府|人民|直|级|属|区|县|辖|场)(?=.{2,})", "", core)
    core = re.sub(r"[((][^))]*[))]$", "", core) or core
    return aliases.get(core, core)


def _parsed_units(item: dict) -> list[dict]:
    """The item's units as [{"name", "role"}], roles lead/support/responsible."""
    detail = item.get("units_detail")
    if detail is None:
        leads = set(item.get("lead_units") or [])
        detail = [{"name": n, "role": "lead" if n in leads else None} for n in item.get("units") or []]
    return [{"name": u["name"], "role": _role(u.get("role"))} for u in detail]


def _role(role) -> str:
    if role in ("lead", "support"):
        return role
    return MeasureUnit.Role.RESPONSIBLE


def _date(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _jsonable(values: dict) -> dict:
    out = {}
    for k, v in values.items():
        if isinstance(v, Region):
            v = v.pk
        elif isinstance(v, date):
            v = v.isoformat()
        elif isinstance(v, Decimal):
            v = float(v)
        out[k] = v
    return out


def _current(obj, name):
    if name == "region":
        return obj.region_id
    v = getattr(obj, name)
    return _jsonable({name: v})[name]


def _merge(obj, values: dict, fields: list[str], *, new_parsed: dict | None = None) -> bool:
    """Three-way merge of parser output into obj, keeping editors' corrections; True when a
    field's value changed."""
    old = obj.parsed or {}
    changed = False
    for name in fields:
        if name not in values:
            continue
        if name not in old or _current(obj, name) == old.get(name):
            if _current(obj, name) != _jsonable({name: values[name]})[name]:
                changed = True
            setattr(obj, name, values[name])
    obj.parsed = {**old, **_jsonable(new_parsed or values)}
    return changed


def _merge_values(current: dict, new: dict, old: dict | None, fields: list[str]) -> dict:
    old = old or {}
    return {f: (new[f] if f not in old or current[f] == old.get(f) else current[f]) for f in fields}


_TARGET_FIELDS = ["metric", "comparator", "value", "unit", "year", "quote"]
# How a new parsed target is recognised as one parsed before, most specific first.
_TARGET_KEYS = [
    lambda p: ("quote", p.get("quote")) if p.get("quote") else None,
    lambda p: ("metric+measure", p.get("metric"), p.get("measure")),
    lambda p: ("metric+unit+year", p.get("metric"), p.get("unit"), p.get("year")),
]


def _target_measure_corrected(t: Target, old: dict) -> bool:
    if "measure_pk" in old:  # by row: measure ordinals may shift between versions
        return t.measure_id != old["measure_pk"]
    if "measure" in old:
        return (t.measure.ordinal if t.measure_id else None) != old["measure"]
    return False


def _target_edited(t: Target) -> bool:
    p = t.parsed or {}
    if not p:
        return False
    return any(_current(t, k) != p[k] for k in _TARGET_FIELDS if k in p) or _target_measure_corrected(t, p)


def _measure_key(values: dict) -> str:
    text = re.sub(r"\s+", "", values.get("text") or "")
    return f"{values.get('label')}|{text[:40]}"


def measure_text_key(values: dict) -> str:
    return re.sub(r"\s+", "", values.get("text") or "")[:40]


def _fallback_text(item: dict) -> str:
    title = item.get("title") or ""
    return f"{title}。{item.get('anchor') or ''}" if title else (item.get("anchor") or "")
