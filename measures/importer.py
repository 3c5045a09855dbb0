"""Import: parse raw files and load them into the database, idempotently.

Each file is handled in its own transaction: a file that cannot be read or
parsed, or whose data the database refuses, is reported and skipped with
nothing of it written. A file whose content hash is already stored is
"unchanged". A file whose name is known but whose content changed is a new
version of that document: it is updated in place.

Editors' corrections survive a re-import. Every editable object keeps, in
`parsed`, what the parser said last time. On re-import a field is overwritten
only while its current value still equals that old parse; a field that differs
was corrected by an editor and is kept (three-way merge). `parsed` is then
set to the new parse, so the admin can show where source and correction differ.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import IntegrityError, DatabaseError, transaction
from django.db.models import F
from simple_history.utils import bulk_create_with_history

from .models import Document, IPType, Measure, MeasureUnit, Region, ResponsibleUnit, Target, Theme, UnitAlias

log = logging.getLogger(__name__)

ADDED, UPDATED, UNCHANGED, FAILED = "added", "updated", "unchanged", "failed"

# True while the importer itself writes: its deletions are not editors' corrections.
_importing: ContextVar[bool] = ContextVar("importing", default=False)


def importing() -> bool:
    return _importing.get()
TEXT_SUFFIXES = {".txt", ".html", ".htm", ".text", ".md"}
# … and documents as governments publish them, read into text by measures.ingest (PDF, Word, OFD …)
TEXT_SUFFIXES |= {".pdf", ".docx", ".doc", ".wps", ".ofd", ".mht", ".mhtml"}


@dataclass
class ImportResult:
    path: str
    status: str
    reason: str = ""
    document_id: int | None = None


@dataclass
class ImportSummary:
    results: list[ImportResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[ImportResult]:
        return [r for r in self.results if r.status == FAILED]

    def line(self) -> str:
        return (f"新增 {self.count(ADDED)} · 更新 {self.count(UPDATED)} · 未变 {self.count(UNCHANGED)} · "
                f"失败 {self.count(FAILED)} (added {self.count(ADDED)}, updated {self.count(UPDATED)}, "
                f"unchanged {self.count(UNCHANGED)}, failed {self.count(FAILED)})")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly, and the text/HTML files inside folders (sorted)."""
    for p in map(Path, paths):
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield p


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- the knowledge the parser needs, read from the database ------------------

def knowledge_from_db():
    """The parser's editable data (gazetteer, themes, IP types, aliases) from the database."""
    from .parsing import Knowledge

    regions = [
        {"code": r["code"], "name": r["name"], "short_name": r["short_name"], "level": r["level"],
         "parent": r["parent__code"]}
        for r in Region.objects.values("code", "name", "short_name", "level", "parent__code")
    ]
    return Knowledge(
        regions=regions,
        themes=list(Theme.objects.values("code", "name", "keywords", "order")),
        ip_types=list(IPType.objects.values("code", "name", "keywords", "order")),
        unit_aliases=list(UnitAlias.objects.values_list("alias", "canonical")),
    )


# --- the import service -------------------------------------------------------

class Importer:
    """Loads parsed documents. One instance caches lookups across files."""

    def __init__(self, knowledge=None, *, reindex=True, reparse=False):
        self.knowledge = knowledge if knowledge is not None else knowledge_from_db()
        self.reindex = reindex
        # reparse: parse files whose content is already loaded again (a new parser version);
        # the merge keeps every field an editor changed, as for a new version of the file
        self.reparse = reparse
        self._themes = {t.code: t for t in Theme.objects.all()}
        self._ip_types = {t.code: t for t in IPType.objects.all()}
        self._aliases = dict(UnitAlias.objects.values_list("alias", "canonical"))
        self._regions_by_name: dict[tuple[str, int | None], Region] = {}
        self._unit_cache: dict[tuple[str, int | None], ResponsibleUnit] = {}

    # public API
    def import_paths(self, paths: Iterable[str | Path], *, progress=None) -> ImportSummary:
        summary = ImportSummary()
        for path in iter_files(paths):
            result = self.import_file(path)
            summary.results.append(result)
            if progress is not None:
                progress(result)
        return summary

    def import_file(self, path: Path) -> ImportResult:
        from .parsing import ParseError, read_source

        path = Path(path)
        try:
            data = read_source(path)
        except OSError as exc:
            return ImportResult(str(path), FAILED, f"无法读取文件: {exc.strerror or exc}")
        except ParseError as exc:
            return ImportResult(str(path), FAILED, str(exc))
        return self.import_bytes(data, source=path.name, path=str(path))

    def import_bytes(self, data: bytes, *, source: str, path: str | None = None) -> ImportResult:
        from .parsing import ParseError, parse_document

        label = path or source
        digest = content_hash(data)
        existing = Document.objects.filter(content_hash=digest).values_list("id", "source").first()
        if existing is not None:
            if not self.reparse:
                return ImportResult(label, UNCHANGED, document_id=existing[0])
            source = existing[1]  # the same content under another file name is the same document
        from .ingest import IngestError
        from .ingest.service import readable

        try:
            # a PDF, Word or OFD file or a web page: its (main) text, read by measures.ingest
            text_data, _ = readable(data, source)
        except IngestError as exc:
            return ImportResult(label, FAILED, str(exc))
        try:
            parsed = parse_document(text_data, source=source, knowledge=self.knowledge)
        except ParseError as exc:
            return ImportResult(label, FAILED, str(exc))
        except Exception as exc:  # a parser bug must not stop a batch
            log.exception("parser crashed on %s", label)
            return ImportResult(label, FAILED, f"解析器内部错误: {type(exc).__name__}: {exc}")
        for attempt in (1, 2):
            try:
                token = _importing.set(True)
                try:
                    with transaction.atomic():
                        doc, created = self._save(parsed, data=text_data, digest=digest, source=source)
                finally:
                    _importing.reset(token)
                break
            except IntegrityError as exc:
                # Another process may have imported the same file meanwhile: look again once.
                existing = Document.objects.filter(content_hash=digest).values_list("id", flat=True).first()
                if existing is not None:
                    return ImportResult(label, UNCHANGED, document_id=existing)
                if attempt == 2:
                    return ImportResult(label, FAILED, f"数据库拒绝写入: {exc}".strip())
            except (DatabaseError, ValueError) as exc:
                return ImportResult(label, FAILED, f"数据库拒绝写入: {exc}".strip())
        return ImportResult(label, ADDED if created else UPDATED, document_id=doc.pk)

    # internals
    def _save(self, parsed: dict, *, data: bytes, digest: str, source: str) -> tuple[Document, bool]:
        d = parsed["document"]
        warnings = list(parsed.get("warnings") or [])
        title = (d.get("title") or "").strip()
        if not title:
            # never refuse a text: load it under its file name and let an editor name it
            title = f"（未识别标题）{Path(source).stem}"[:500]
            warnings.append("no title found")
        region, province, city = self._region(d)
        values = {
            "title": title,
            "notice_title": d.get("notice_title"),
            "issuer": d.get("issuer") or "",
            "doc_number": d.get("doc_number"),
            "level": d.get("level") or "",
            "signed_date": _date(d.get("signed_date")),
            "published_date": _date(d.get("published_date")),
            "status": d.get("status") or Document.Status.IN_FORCE,
            "script": d.get("script") or Document.Script.HANS,
            "region": region,
        }
        raw_text = parsed.get("text") or d.get("raw_text") or _decode_for_storage(data)
        doc = Document.objects.select_for_update().filter(source=source).first()
        created = doc is None
        if created:
            doc = Document(source=source, **values)
            doc.parsed = _jsonable(values)
        else:
            _merge(doc, values, Document.EDITABLE_FIELDS)
        doc.content_hash = digest
        doc.raw_text = raw_text
        doc.parse_warnings = warnings
        # province/city follow the (possibly corrected) region
        doc.province, doc.city = doc.region.province_and_city() if doc.region_id else (province, city)
        doc.save()
        measures = self._save_measures(doc, parsed["measures"], created=created)
        self._save_targets(doc, parsed.get("targets") or [], measures, created=created)
        if self.reindex:
            from .search.index import update_search_vectors

            update_search_vectors([m.pk for m in measures.values()])
        from .services_diffusion import after_import; after_import(doc)  # noqa: E702 citations, specificity, fingerprints
        return doc, created

    def _save_measures(self, doc: Document, items: list[dict], *, created: bool) -> dict[int, Measure]:
        existing = {} if created else {m.ordinal: m for m in doc.measures.all()}
        kept: dict[int, Measure] = {}
        matched_ids = set()
        # Free the ordinals first so renumbering never collides with the unique constraint.
        if existing:
            doc.measures.update(ordinal=F("ordinal") + 100000)
        suppressed = (doc.parsed or {}).get("suppressed") or {}
        deleted_measures = set(suppressed.get("measures") or [])
        prepared = []
        for item in items:
            values = {
                "path": list(item.get("path") or []),
                "label": item.get("label") or "",
                "title": item.get("title"),
                "text": (item.get("text") or _fallback_text(item)).strip(),
            }
            parsed_values = {**values, "themes": sorted(item.get("themes") or []),
                             "ip_types": sorted(item.get("ip_types") or [])}
            if measure_text_key(parsed_values) in deleted_measures:
                continue  # an editor deleted this measure
            prepared.append((item, values, parsed_values))
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
        fresh = []
        for (item, values, parsed_values), m in zip(prepared, rows):
            if m is None:
                fresh.append((item, values, parsed_values))
                continue
            m.ordinal = item["ordinal"]
            current_m2m = {"themes": sorted(m.themes.values_list("code", flat=True)),
                           "ip_types": sorted(m.ip_types.values_list("code", flat=True))}
            merged_m2m = _merge_values(current_m2m, parsed_values, m.parsed, ["themes", "ip_types"])
            _merge(m, values, ["path", "label", "title", "text"], new_parsed=parsed_values)
            m.save()
            if merged_m2m["themes"] != current_m2m["themes"]:
                m.themes.set([self._themes[c] for c in merged_m2m["themes"] if c in self._themes])
            if merged_m2m["ip_types"] != current_m2m["ip_types"]:
                m.ip_types.set([self._ip_types[c] for c in merged_m2m["ip_types"] if c in self._ip_types])
            matched_ids.add(m.pk)
            kept[m.ordinal] = m
            self._save_units(doc, m, item)
        for m in self._create_measures(doc, fresh):
            matched_ids.add(m.pk)
            kept[m.ordinal] = m
        # Measures that disappeared from the source: drop unless an editor reviewed them.
        for m in existing.values():
            if m.pk not in matched_ids:
                if m.reviewed:
                    m.ordinal = max(kept or [0]) + 1 + len(kept)
                    m.save(update_fields=["ordinal"])
                    kept[m.ordinal] = m
                else:
                    m.delete()
        return kept

    def _create_measures(self, doc: Document, fresh: list[tuple[dict, dict, dict]]) -> list[Measure]:
        """New measures in bulk: rows, their history entries, themes, IP types
        and unit links in a handful of statements, whatever their number."""
        if not fresh:
            return []
        objs = []
        for item, values, parsed_values in fresh:
            m = Measure(document=doc, ordinal=item["ordinal"], **values)
            m.parsed = _jsonable({**parsed_values, "units": _parsed_units(item)})
            objs.append(m)
        objs = bulk_create_with_history(objs, Measure, batch_size=500)
        themes, ip_types, links = [], [], []
        for m in objs:
            themes += [Measure.themes.through(measure_id=m.pk, theme_id=self._themes[c].pk)
                       for c in m.parsed["themes"] if c in self._themes]
            ip_types += [Measure.ip_types.through(measure_id=m.pk, iptype_id=self._ip_types[c].pk)
                         for c in m.parsed["ip_types"] if c in self._ip_types]
            links += self._unit_links(doc, m, m.parsed["units"])
        Measure.themes.through.objects.bulk_create(themes)
        Measure.ip_types.through.objects.bulk_create(ip_types)
        MeasureUnit.objects.bulk_create(links)
        self._m2m_history(objs, themes, ip_types)
        return objs

    @staticmethod
    def _m2m_history(objs: list[Measure], themes: list, ip_types: list) -> None:
        """The themes and IP types of the imported version, in the history, so
        that an editor can revert a measure to what was imported."""
        history = {h.id: h for h in Measure.history.filter(id__in=[m.pk for m in objs]).only("history_id", "id")}
        hist_model = Measure.history.model
        for name, rows, other in (("themes", themes, "theme_id"), ("ip_types", ip_types, "iptype_id")):
            model = next(r.related_model for r in hist_model._meta.related_objects
                         if r.related_model.__name__ == f"{hist_model.__name__}_{name}")
            model.objects.bulk_create([
                model(id=row.id, history_id=history[row.measure_id].history_id, measure_id=row.measure_id,
                      **{other: getattr(row, other)})
                for row in rows if row.measure_id in history
            ])

    def _unit_links(self, doc: Document, measure: Measure, parsed_units: list[dict]) -> list[MeasureUnit]:
        links, seen = [], set()
        for pos, u in enumerate(parsed_units):
            unit = self._unit(u["name"], doc.region)
            if unit.pk in seen:
                continue
            seen.add(unit.pk)
            links.append(MeasureUnit(measure=measure, unit=unit, role=u["role"], position=pos))
        return links

    def _save_units(self, doc: Document, measure: Measure, item: dict) -> None:
        parsed_units = _parsed_units(item)
        old_parsed = (measure.parsed or {}).get("units")
        current = [{"name": link.unit.name, "role": link.role} for link in measure.unit_links.select_related("unit")]
        if old_parsed is not None and current != old_parsed:
            # An editor changed the units: keep theirs, remember the new parse.
            pass
        elif current != parsed_units:
            measure.unit_links.all().delete()
            MeasureUnit.objects.bulk_create(self._unit_links(doc, measure, parsed_units))
        measure.parsed = {**(measure.parsed or {}), "units": parsed_units}
        Measure.objects.filter(pk=measure.pk).update(parsed=measure.parsed)

    def _save_targets(self, doc: Document, items: list[dict], measures: dict[int, Measure], *, created: bool) -> None:
        """Three-way merge of the parsed targets, field by field, like documents and measures.

        Each new item is matched to the target the parser produced last time (same quote,
        else same metric and measure, else same metric, unit and year); a matched target
        keeps the fields an editor corrected and takes the new parse for the others.
        Editor-added targets are never touched; an old parsed target with no match is
        dropped unless an editor corrected it.
        """
        existing = [] if created else list(doc.targets.select_related("measure"))
        editor_added = [t for t in existing if t.added_by_editor]
        editor_quotes = {t.quote for t in editor_added}
        unmatched = [t for t in existing if not t.added_by_editor]
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
        Target.objects.filter(pk__in=[t.pk for t in unmatched if not _target_edited(t)]).delete()
        new = []
        for pos, (values, measure, new_parsed, t) in enumerate(incoming):
            if t is None:
                new.append(Target(document=doc, measure=measure, position=pos, parsed=new_parsed, **values))
                continue
            old = t.parsed or {}
            for name in _TARGET_FIELDS:
                if name not in old or _current(t, name) == old[name]:
                    setattr(t, name, values[name])
            if not _target_measure_corrected(t, old):
                t.measure = measure
            t.position = pos
            t.parsed = new_parsed
            t.save()
        Target.objects.bulk_create(new)

    # lookups
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


def _merge(obj, values: dict, fields: list[str], *, new_parsed: dict | None = None) -> None:
    """Three-way merge of parser output into obj, keeping editors' corrections."""
    old = obj.parsed or {}
    for name in fields:
        if name not in values:
            continue
        if name not in old or _current(obj, name) == old.get(name):
            setattr(obj, name, values[name])
    obj.parsed = {**old, **_jsonable(new_parsed or values)}


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


def _decode_for_storage(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")
