"""manage.py parse_document --json FILE [FILE ...]

Thin wrapper around measures.parsing: prints one JSON array (one object per
file: any text gives its document, measures, targets, "warnings" and
"encoding"; only a file that is not text gives {"source", "error"}). Touches
no database.
"""
import json
from pathlib import Path

from django.core.management.base import BaseCommand

from measures.parsing import Knowledge
from measures.parsing.__main__ import parse_files


class Command(BaseCommand):
    help = "Parse raw policy documents into the JSON structure of the parse-format spec (no database)."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="raw document files (text or HTML, UTF-8 or GBK)")
        parser.add_argument("--json", action="store_true", help="print one JSON array (the default output)")
        parser.add_argument("--fixtures", type=Path, help="directory with themes.json, ip_types.json, regions.json")
        parser.add_argument("--indent", type=int, default=None)

    def handle(self, *args, **options):
        knowledge = Knowledge.from_fixtures(options["fixtures"]) if options.get("fixtures") else None
        results = parse_files(options["files"], knowledge)
        self.stdout.write(json.dumps(results, ensure_ascii=False, indent=options.get("indent")))
