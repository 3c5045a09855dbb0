"""Documents as editors bring them: uploads, pasted text, addresses of official pages.

A Candidate is one document about to be imported: the bytes the importer
gets (the file itself, or for a page with attachments their texts put
together), the original files to keep, the source URL. ``preview`` parses it
without writing anything and says what an import would do; ``import_one``
imports it through the Importer's import_bytes (the same rules as the
command: a known text is unchanged, a known source gets a new version that
keeps editors' corrections) and records its provenance: the original files,
the source URL (an editor's correction of it survives), excerpt, and the
version of the parser that read it.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from django.db import transaction
from django.utils.translation import gettext

from .errors import IngestError
from .extract import CONTENT_TYPES, INGEST_VERSION, detect_format, extract
from .fetch import Bundle, bundle_text, fetch_bundle, safe_filename

log = logging.getLogger(__name__)


def _setting(name, default):
    from django.conf import settings

    return getattr(settings, name, default)


def max_upload_bytes() -> int:
    return int(_setting("INGEST_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))


def too_large(size: int) -> str:
    """The message for a file over the upload limit, in the interface language."""
    return gettext("文件过大：%(size)s MB，上限 %(limit)s MB") % {"size": f"{size / 1048576:.1f}",
                                                             "limit": max_upload_bytes() // 1048576}


@lru_cache(maxsize=1)
def parser_version() -> str:
    """The parser's own version when it declares one, else a digest of its source files; plus the
    version of the format readers (what produced a document's measures)."""
    from measures import parsing

    declared = getattr(parsing, "__version__", None) or getattr(parsing, "PARSER_VERSION", None)
    if not declared:
        digest = hashlib.sha1()
        for path in sorted(Path(parsing.__file__).parent.glob("*.py")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        declared = digest.hexdigest()[:10]
    return f"{declared}+ingest{INGEST_VERSION}"


@dataclass
class Original:
    """One original file to keep with the document."""

    name: str
    data: bytes
    format: str = ""
    url: str = ""
    role: str = "main"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES.get(self.format, "application/octet-stream")


@dataclass
class Candidate:
    name: str  # what the editor sees: the file name or the address
    source: str  # Document.source: the file name, or the address without its scheme
    data: bytes | None = None  # what import_bytes gets
    originals: list[Original] = field(default_factory=list)
    source_url: str = ""
    excerpt: bool | None = None
    format: str = ""
    text: str = ""  # the text the parser reads
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None
    # filled by preview()
    parsed: dict | None = None
    action: str = ""  # new / update / unchanged / duplicate
    existing_id: int | None = None
    existing_title: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


# --- making candidates ------------------------------------------------------------------------

def readable(data: bytes, source: str) -> tuple[bytes, str]:
    """(the bytes the importer's decode stage should read, the format): a plain text file as it is,
    any other format (PDF, Word, OFD, an HTML page) as its extracted text in UTF-8.
    Raises IngestError for a file that has no text."""
    kind = detect_format(data, source)
    if kind == "txt":
        return data, kind
    result = extract(data, source)
    return result.text.encode("utf-8"), result.format


def from_upload(name: str, data: bytes) -> Candidate:
    name = safe_filename(name) or "upload"
    candidate = Candidate(name=name, source=name)
    if len(data) > max_upload_bytes():
        candidate.error = too_large(len(data))
        return candidate
    kind = detect_format(data, name)
    candidate.originals = [Original(name=name, data=data, format=kind)]
    candidate.data = data
    try:
        result = extract(data, name)
    except IngestError as exc:
        candidate.error = str(exc)
        return candidate
    candidate.format, candidate.text, candidate.pages = result.format, result.text, result.pages
    candidate.warnings += result.warnings
    return candidate


def from_text(text: str, name: str = "") -> Candidate:
    data = text.replace("\r\n", "\n").encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()[:8]
    name = safe_filename(name) or f"粘贴文本-{datetime.now():%Y%m%d}-{digest}.txt"
    if not name.lower().endswith(".txt"):
        name += ".txt"
    candidate = from_upload(name, data)
    return candidate


def url_source(url: str) -> str:
    """The Document.source of a page: its address without the scheme (at most 255 characters)."""
    parts = urlsplit(url)
    key = (parts.netloc + parts.path + (f"?{parts.query}" if parts.query else "")).strip("/")
    if len(key) > 255:
        key = key[:230] + "~" + hashlib.sha256(key.encode()).hexdigest()[:16]
    return key


def from_url(url: str) -> Candidate:
    url = url.strip()
    candidate = Candidate(name=url, source=url_source(url), source_url=url)
    try:
        bundle = fetch_bundle(url)
    except IngestError as exc:
        candidate.error = str(exc)
        return candidate
    return from_bundle(bundle, candidate)


def from_bundle(bundle: Bundle, candidate: Candidate) -> Candidate:
    page = bundle.page
    candidate.source_url = bundle.url
    candidate.source = url_source(bundle.url)
    candidate.warnings += bundle.warnings
    if bundle.extracted is not None and bundle.extracted.format != "html":
        # the address was a document itself
        candidate.data = page.data
        candidate.originals = [Original(page.filename or "document", page.data, bundle.extracted.format, page.url)]
        candidate.format, candidate.text = bundle.extracted.format, bundle.extracted.text
        candidate.pages = bundle.extracted.pages
        candidate.warnings += bundle.extracted.warnings
        return candidate
    text = bundle_text(bundle)
    name = page.filename if PurePosixPath(page.filename).suffix.lower() in (".html", ".htm", ".shtml") \
        else (PurePosixPath(page.filename).stem or "page") + ".html"
    candidate.originals = [Original(name, page.data, "html", page.url, role="page")]
    for a in bundle.attachments:
        if a.fetched is not None:
            candidate.originals.append(Original(a.fetched.filename or "attachment", a.fetched.data,
                                                a.extracted.format if a.extracted else detect_format(a.fetched.data),
                                                a.fetched.url, role="attachment"))
            if a.duplicate:
                candidate.warnings.append(gettext("附件《%(name)s》与网页正文相同，只保存原件，不重复导入")
                                          % {"name": a.label or a.fetched.filename})
    candidate.data = text.encode("utf-8")
    candidate.format = "html" + ("+" + "+".join(sorted({o.format for o in candidate.originals[1:]}))
                                 if len(candidate.originals) > 1 else "")
    candidate.text = text
    return candidate


# --- preview ----------------------------------------------------------------------------------

def preview(candidate: Candidate, knowledge=None) -> Candidate:
    """Parse without writing; say what an import would do."""
    from measures import parsing
    from measures.models import Document

    if not candidate.ok:
        return candidate
    try:
        parser_input, identity = _read(candidate.data, candidate.source)
        parsed = parsing.parse_document(parser_input, source=candidate.source, knowledge=knowledge)
    except IngestError as exc:
        candidate.error = str(exc)
        return candidate
    except parsing.ParseError as exc:
        candidate.error = gettext("解析失败：%(reason)s") % {"reason": exc}
        return candidate
    except Exception as exc:  # a parser bug: shown, not raised
        log.exception("parser crashed on %s", candidate.name)
        candidate.error = gettext("解析器内部错误：%(detail)s") % {"detail": f"{type(exc).__name__}: {exc}"}
        return candidate
    candidate.parsed = parsed
    candidate.warnings += [str(w) for w in parsed.get("warnings") or []]
    digests = {identity, hashlib.sha256(candidate.data).hexdigest()}
    same_text = Document.objects.filter(content_hash__in=digests).only("id", "title", "source").first()
    same_source = Document.objects.filter(source=candidate.source).only("id", "title", "source").first()
    if same_text is not None:
        candidate.action = "unchanged" if same_text.source == candidate.source else "duplicate"
        candidate.existing_id, candidate.existing_title = same_text.pk, same_text.title
    elif same_source is not None:
        candidate.action = "update"
        candidate.existing_id, candidate.existing_title = same_source.pk, same_source.title
    else:
        candidate.action = "new"
    return candidate


def _read(data: bytes, source: str) -> tuple[bytes, str]:
    """(what the parser reads, the hash the importer identifies the document by), read by the
    importer's own reading step so that the preview says what an import will do."""
    try:
        from measures.importer import ReadError, read_document, text_hash
    except ImportError:  # an importer without a reading step
        parser_input, _ = readable(data, source)
        return parser_input, hashlib.sha256(parser_input).hexdigest()
    try:
        found = read_document(data, source)
    except ReadError as exc:
        raise IngestError(str(exc)) from None
    return found.parser_input, text_hash(found.identity)


def outline(parsed: dict) -> list[dict]:
    """The measures of a parse with their chapter, units (with roles) and targets, for the preview."""
    targets: dict[int | None, list[dict]] = {}
    for t in parsed.get("targets") or []:
        targets.setdefault(t.get("measure"), []).append(t)
    roles = {"lead": gettext("牵头"), "support": gettext("配合")}
    rows, last_path = [], None
    for m in parsed.get("measures") or []:
        path = list(m.get("path") or [])
        units = m.get("units_detail") or [{"name": u, "role": "lead" if u in (m.get("lead_units") or []) else None}
                                          for u in m.get("units") or []]
        rows.append({
            "ordinal": m.get("ordinal"), "label": m.get("label") or "", "title": m.get("title") or "",
            "text": (m.get("text") or "")[:160], "path": " › ".join(path), "new_chapter": path != last_path,
            "units": [{"name": u.get("name"), "role": roles.get(u.get("role"), "")}
                      for u in units],
            "targets": [_target_text(t) for t in targets.get(m.get("ordinal"), [])],
        })
        last_path = path
    return rows


def document_targets(parsed: dict) -> list[str]:
    return [_target_text(t) for t in parsed.get("targets") or [] if not t.get("measure")]


def _target_text(t: dict) -> str:
    comparators = {">=": gettext("不低于"), ">": gettext("超过"), "<=": gettext("不高于"), "<": gettext("低于"),
                   "=": gettext("达到")}
    value = t.get("value")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    year = gettext("%(year)s年") % {"year": t["year"]} + " " if t.get("year") else ""
    return f"{year}{t.get('metric') or ''} {comparators.get(t.get('comparator'), t.get('comparator') or '')} " \
           f"{value}{t.get('unit') or ''}".strip()


# --- import -----------------------------------------------------------------------------------

def import_one(candidate: Candidate, importer, *, user=None):
    """Import through the Importer and record the provenance; returns the ImportResult."""
    from measures.importer import ADDED, FAILED, UNCHANGED, UPDATED

    if not candidate.ok:
        from measures.importer import ImportResult

        return ImportResult(candidate.name, FAILED, candidate.error)
    with transaction.atomic():
        result = importer.import_bytes(candidate.data, source=candidate.source, path=candidate.name)
        if result.document_id is not None and result.status in (ADDED, UPDATED, UNCHANGED):
            record(result.document_id, candidate.originals, source_url=candidate.source_url,
                   excerpt=candidate.excerpt, new_version=result.status in (ADDED, UPDATED), user=user,
                   same_source=_same_source(result.document_id, candidate.source))
    return result


def _provenance_updates(doc, *, source_url: str, excerpt: bool | None, new_version: bool) -> dict:
    """The Document fields an import's provenance changes: the source URL and the excerpt flag,
    three-way merged like the parsed fields (overwritten only while they still equal what the
    import set last time, as kept in ``parsed``), the parser version of a new text, and ``parsed``
    itself when what the import set changed. {} when nothing changes."""
    parsed = dict(doc.parsed or {})
    updates: dict = {}
    if source_url and doc.source_url != source_url and doc.source_url == parsed.get("source_url", ""):
        updates["source_url"] = source_url
    if source_url:
        parsed["source_url"] = source_url
    if excerpt is not None:
        if doc.excerpt != excerpt and doc.excerpt == parsed.get("excerpt", False):
            updates["excerpt"] = excerpt
        parsed["excerpt"] = excerpt
    if new_version:
        updates["parser_version"] = parser_version()
    if parsed != (doc.parsed or {}):
        updates["parsed"] = parsed
    return updates


def _same_source(document_id: int, source: str) -> bool:
    from measures.models import Document

    return Document.objects.filter(pk=document_id, source=source).exists()


@transaction.atomic
def record(document_id: int, originals: list[Original], *, source_url: str = "", excerpt: bool | None = None,
           new_version: bool, same_source: bool = True, user=None) -> None:
    """Keep the original files and the provenance of a document just imported.

    new_version: the document was added or got a new text: its files are replaced and the parser
    version recorded. Otherwise (unchanged) files are only added when it has none yet (documents
    loaded before originals were kept). A document that is the same text under another source
    keeps its own files. The source URL and the excerpt flag are three-way merged like the
    parsed fields: overwritten only while they still equal what the import set last time."""
    from measures.models import Document, SourceFile

    doc = Document.objects.select_for_update().only("id", "source_url", "excerpt", "parsed", "parser_version") \
        .get(pk=document_id)
    updates = _provenance_updates(doc, source_url=source_url, excerpt=excerpt, new_version=new_version)
    if updates:
        Document.objects.filter(pk=doc.pk).update(**updates)
    if not originals or not same_source:
        return
    has_files = SourceFile.objects.filter(document_id=doc.pk).exists()
    if has_files and not new_version:
        return
    SourceFile.objects.filter(document_id=doc.pk).delete()
    SourceFile.objects.bulk_create([
        SourceFile(document_id=doc.pk, position=i, role=o.role, name=o.name[:255], format=o.format,
                   content_type=o.content_type, size=len(o.data), sha256=hashlib.sha256(o.data).hexdigest(),
                   url=o.url[:1000], data=o.data, uploaded_by=user)
        for i, o in enumerate(originals)])


def record_file(result, path: Path, *, source: str | None = None, source_url: str = "",
                excerpt: bool | None = None) -> None:
    """Provenance of a file the command imported (the original read again from its path);
    ``source``: the Document.source it was imported under (default: the file name)."""
    from measures.importer import ADDED, UNCHANGED, UPDATED

    if result.document_id is None or result.status not in (ADDED, UPDATED, UNCHANGED):
        return  # failed, skipped, or the same text as another file: nothing of this file is kept
    try:
        data = Path(path).read_bytes()
    except OSError:
        return
    original = Original(Path(path).name, data, detect_format(data, Path(path).name))
    record(result.document_id, [original], source_url=source_url, excerpt=excerpt,
           new_version=result.status in (ADDED, UPDATED),
           same_source=_same_source(result.document_id, source or Path(path).name))


def record_files(entries: list[tuple], *, excerpt: bool | None = None) -> None:
    """record_file for a batch of imported files, [(result, path, source_url), ...], with a few
    statements for the whole batch (the documents' rows locked and updated at once, their files
    replaced with one DELETE and one INSERT). The same rows as record_file file by file."""
    from measures.importer import ADDED, UNCHANGED, UPDATED
    from measures.models import Document, SourceFile

    todo = []
    for result, path, source_url in entries:
        if result.document_id is None or result.status not in (ADDED, UPDATED, UNCHANGED):
            continue
        try:
            data = Path(path).read_bytes()
        except OSError:
            continue
        todo.append((result, Path(path), source_url, data))
    ids = [r.document_id for r, *_ in todo]
    if len(set(ids)) != len(ids):  # one document twice: file by file, in order
        for result, path, source_url, _ in todo:
            with transaction.atomic():
                record_file(result, path, source_url=source_url, excerpt=excerpt)
        return
    if not todo:
        return
    with transaction.atomic():
        docs = Document.objects.select_for_update().only(
            "id", "source", "source_url", "excerpt", "parsed", "parser_version").in_bulk(ids)
        with_files = set(SourceFile.objects.filter(document_id__in=ids).values_list("document_id", flat=True))
        changed, fields, replace, files = [], set(), [], []
        for result, path, source_url, data in todo:
            doc = docs.get(result.document_id)
            if doc is None:
                continue
            new_version = result.status in (ADDED, UPDATED)
            updates = _provenance_updates(doc, source_url=source_url, excerpt=excerpt, new_version=new_version)
            if updates:
                for name, value in updates.items():
                    setattr(doc, name, value)
                changed.append(doc)
                fields |= set(updates)
            if doc.source != path.name or (doc.pk in with_files and not new_version):
                continue  # the same text under another source keeps its files; unchanged ones kept
            replace.append(doc.pk)
            files.append(SourceFile(
                document_id=doc.pk, position=0, role="main", name=path.name[:255],
                format=detect_format(data, path.name), size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                data=data))
        for f in files:
            f.content_type = CONTENT_TYPES.get(f.format, "application/octet-stream")
        if changed:
            Document.objects.bulk_update(changed, sorted(fields))
        if replace:
            SourceFile.objects.filter(document_id__in=replace).delete()
            SourceFile.objects.bulk_create(files)


# --- source URLs for files: a CSV map or a sidecar ---------------------------------------------

def load_url_map(path: str | Path) -> dict[str, str]:
    """CSV lines "file,url" (a header line is allowed): file name or path → URL."""
    import csv

    mapping: dict[str, str] = {}
    with open(path, newline="", encoding="utf-8-sig") as fh:
        for row in csv.reader(fh):
            if len(row) < 2 or not row[1].strip().lower().startswith(("http://", "https://")):
                continue
            mapping[row[0].strip()] = row[1].strip()
    return mapping


def url_for(path: Path, url_map: dict[str, str] | None) -> str:
    """The source URL of a file: from the map (by path as given, by file name), else from a
    sidecar "<file>.url" (a line with the address) next to it."""
    path = Path(path)
    if url_map:
        for key in (str(path), path.name):
            if key in url_map:
                return url_map[key]
    sidecar = path.with_name(path.name + ".url")
    if sidecar.is_file():
        try:
            for line in sidecar.read_text(encoding="utf-8-sig").splitlines():
                line = line.strip()
                if line.startswith("URL="):  # a Windows Internet Shortcut
                    line = line[4:]
                if re.match(r"https?://", line):
                    return line
        except (OSError, UnicodeDecodeError):
            pass
    return ""
