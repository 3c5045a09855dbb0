"""Load the editable reference data (gazetteer, themes, IP types, aliases,
synonyms, dictionary) from fixtures/ — only into empty tables, so that an
editor's changes are never overwritten by a later run."""
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

# fixture file -> model it seeds, in dependency order
REFERENCE_FIXTURES = [
    ("regions.json", "measures.Region"),
    ("themes.json", "measures.Theme"),
    ("ip_types.json", "measures.IPType"),
    ("unit_aliases.json", "measures.UnitAlias"),
    ("synonyms.json", "measures.SynonymGroup"),
    ("dictionary.json", "measures.DictionaryWord"),
]


class Command(BaseCommand):
    help = "载入参考数据 (seed reference data into empty tables)"

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="load even into tables that have rows (overwrites by pk)")

    def handle(self, *args, **options):
        for filename, label in REFERENCE_FIXTURES:
            path = settings.FIXTURES_DIR / filename
            model = apps.get_model(label)
            if not path.exists():
                if options["verbosity"]: self.stdout.write(f"skip {filename}: no such fixture")
                continue
            if model.objects.exists() and not options["force"]:
                if options["verbosity"]: self.stdout.write(f"keep {label}: {model.objects.count()} rows already")
                continue
            call_command("loaddata", str(path), verbosity=0)
            if options["verbosity"]: self.stdout.write(f"seeded {label}: {model.objects.count()} rows")
