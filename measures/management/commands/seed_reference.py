"""Load and upgrade the editable reference data (gazetteer, themes, IP types,
unit aliases, synonyms, dictionary) from fixtures/, keeping editors' work.

Run on every start (setup_portal, so ./serve.sh and the container). Each
fixture row is matched to a stored row by its natural key (region code, theme
and IP-type code, alias, dictionary word; a synonym group by a shared term):

* no stored row: it is added, unless an editor deleted it (a deletion in the
  row's history);
* a stored row with other values: it takes the fixture's values unless an
  editor changed it. History tells: every row this command writes gets a
  history record with the reason SEED_REASON (the value it was seeded with);
  a later record by anyone else, a current value that differs from the seeded
  one, or, for rows loaded before this command kept history, any history at
  all, mark the row as the editors'. Those rows are kept as they are and listed.

Regions have no history: missing regions are added, stored ones never change.
The command prints what it added, updated and kept (-v0: nothing).
"""
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.core.management.color import no_style
from django.db import connection, transaction
from simple_history.utils import bulk_create_with_history

SEED_REASON = "参考数据 (fixtures)"

# fixture file -> model, natural key fields (None: synonym groups, matched by a shared term),
# the fields the fixture decides; in dependency order
REFERENCE_FIXTURES = [
    ("regions.json", "measures.Region", ("id",), ["code", "name", "short_name", "level", "parent_id"]),
    ("themes.json", "measures.Theme", ("code",), ["name", "description", "keywords", "order"]),
    ("ip_types.json", "measures.IPType", ("code",), ["name", "keywords", "order"]),
    ("unit_aliases.json", "measures.UnitAlias", ("alias",), ["canonical"]),
    ("synonyms.json", "measures.SynonymGroup", None, ["terms", "note"]),
    ("dictionary.json", "measures.DictionaryWord", ("word",), ["freq"]),
]
SHOW = 12  # names listed per line


def fixture_rows(path, model) -> list[dict]:
    """The fixture's rows as {field attname: value} (pk as "id", foreign keys as "<name>_id")."""
    import json

    rows = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        values = {"id": item.get("pk")}
        for name, value in item["fields"].items():
            field = model._meta.get_field(name)
            values[field.attname] = value
        rows.append(values)
    return rows


class Upgrade:
    """The merge of one fixture into its table."""

    def __init__(self, model, key, fields, rows):
        self.model, self.key, self.fields, self.rows = model, key, fields, rows
        self.history = getattr(model, "history", None)
        self.added, self.updated, self.kept, self.refused = [], [], [], []

    def label(self, values) -> str:
        if self.key is None:
            return "/".join(values["terms"][:3])
        if self.key == ("id",):
            return str(values.get("name") or values["id"])
        key = str(values[self.key[0]])
        return f"{values['name']} ({key})" if values.get("name") else key

    def run(self) -> None:
        stored = list(self.model.objects.all())
        taken_pks = {obj.pk for obj in stored}
        new = []
        for row in self.rows:
            obj = self.match(stored, row)
            if obj is None:
                if self.deleted_by_editor(row):
                    self.refused.append(self.label(row))
                    continue
                values = {f: row[f] for f in (*(self.key or ()), *self.fields) if f != "id"}
                if self.key == ("id",) or (row.get("id") is not None and row["id"] not in taken_pks):
                    values["id"] = row["id"]
                    taken_pks.add(row["id"])
                new.append(self.model(**values))
                self.added.append(self.label(row))
                continue
            if self.key == ("id",) or all(_same(getattr(obj, f), row[f]) for f in self.fields):
                continue  # regions are never overwritten (no history tells an editor's change)
            if self.edited(obj):
                self.kept.append(self.label(row))
                continue
            for f in self.fields:
                setattr(obj, f, row[f])
            obj._change_reason = SEED_REASON
            obj.save()
            self.updated.append(self.label(row))
        if new:
            if self.key == ("id",):  # regions: parents first
                order = {"province": 0, "city": 1, "district": 2}
                new.sort(key=lambda r: (order.get(r.level, 3), r.pk))
            if self.history is not None:
                bulk_create_with_history(new, self.model, batch_size=500, default_change_reason=SEED_REASON)
            else:
                self.model.objects.bulk_create(new, batch_size=500)
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [self.model]):
                    cursor.execute(sql)

    def match(self, stored, row):
        if self.key is None:  # the unclaimed group sharing most terms; each group matches one row
            claimed = self.__dict__.setdefault("_claimed", set())
            terms = set(row["terms"])
            best = max((g for g in stored if g.pk not in claimed), key=lambda g: len(terms & set(g.terms)),
                       default=None)
            if best is None or not terms & set(best.terms):
                return None
            claimed.add(best.pk)
            return best
        if not hasattr(self, "_index"):
            self._index = {tuple(getattr(o, k) for k in self.key): o for o in stored}
        return self._index.get(tuple(row[k] for k in self.key))

    def deleted_by_editor(self, row) -> bool:
        if self.history is None:
            return False
        deletions = self.history.filter(history_type="-")
        if self.key is None:
            return deletions.filter(terms__overlap=row["terms"]).exists()
        return deletions.filter(**{k: row[k] for k in self.key}).exists()

    def edited(self, obj) -> bool:
        """True when an editor changed (or created) the row; see the module docstring."""
        if self.history is None:
            return True
        records = list(self.history.filter(id=obj.pk).order_by("history_date", "history_id")
                       .values("history_change_reason", *self.fields))
        seeded = [i for i, r in enumerate(records) if r["history_change_reason"] == SEED_REASON]
        if not seeded:
            return bool(records)  # loaded without history (the old seed): any record is an editor's
        last = seeded[-1]
        if records[last + 1:]:
            return True
        return any(not _same(getattr(obj, f), records[last][f]) for f in self.fields)

    def report(self, name: str) -> list[str]:
        lines = []
        for what, items in (("新增 (added)", self.added), ("更新 (updated)", self.updated),
                            ("保留编辑修改 (kept, changed by editors)", self.kept),
                            ("不再添加编辑删除的 (deleted by editors, not added again)", self.refused)):
            if items:
                shown = "、".join(items[:SHOW]) + (f" … (+{len(items) - SHOW})" if len(items) > SHOW else "")
                lines.append(f"{name}: {what} {len(items)}: {shown}")
        return lines


def _same(a, b) -> bool:
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return list(a or []) == list(b or [])
    return a == b


class Command(BaseCommand):
    help = "载入并升级参考数据 (load new reference rows from fixtures/, keeping editors' changes)"

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="load every fixture as it is, overwriting stored rows by pk (editors' changes too)")

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0
        changed = set()
        for filename, label, key, fields in REFERENCE_FIXTURES:
            path = settings.FIXTURES_DIR / filename
            model = apps.get_model(label)
            name = str(model._meta.verbose_name)
            if not path.exists():
                if verbose:
                    self.stdout.write(f"skip {filename}: no such fixture")
                continue
            if options["force"]:
                call_command("loaddata", str(path), verbosity=0)
                if verbose:
                    self.stdout.write(f"loaded {label}: {model.objects.count()} rows (--force)")
                continue
            with transaction.atomic():
                upgrade = Upgrade(model, key, fields, fixture_rows(path, model))
                upgrade.run()
            if upgrade.added or upgrade.updated:
                changed.add(model.__name__)
            if verbose:
                lines = upgrade.report(f"{name} ({label})")
                for line in lines:
                    self.stdout.write(line)
                if not lines:
                    self.stdout.write(f"{name} ({label}): 已是最新 (up to date, {model.objects.count()} rows)")
        if verbose and changed & {"DictionaryWord"}:
            self.stdout.write("领域词典有变化: 运行 manage.py reindex 以更新检索索引 (dictionary changed: run reindex)")
        if verbose and changed & {"Theme", "IPType", "UnitAlias", "Region"}:
            self.stdout.write("分类或别名有变化: 已导入的文件可用 import_documents --reparse 重新解析 "
                              "(themes/aliases changed: reparse loaded files to apply them)")
        if changed:
            # bulk writes send no signals: this process reads regions and
            # synonyms again (the dictionary just below)
            from measures.search import reset_reference_caches

            reset_reference_caches()
        if changed & {"DictionaryWord"}:
            from measures.search.text import reset_tokenizer

            reset_tokenizer()
