"""manage.py parse_document --json FILE [FILE ...]

Thin wrapper around measures.parsing: prints one JSON array (one object per
file: any text gives its document, measures, targets, "warnings" and
"encoding"; only a file that is not text gives {"source", "error"}). Touches
no database. A PDF, Word (.docx, .doc), WPS or OFD file is read into text by
measures.ingest first (a scan, an encrypted or damaged file gives its reason
as the error).
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

    @staticmethod
    def _parse(path: str, knowledge) -> dict:
        """A text or HTML file through the parser as it is; a document in another format through
        measures.ingest first."""
        from measures.ingest import IngestError, detect_format, extract
        from measures.parsing import default_knowledge, parse_document

        try:
            with open(path, "rb") as fh:
                head = fh.read(65536)
        except OSError:
            return parse_files([path], knowledge)[0]  # the parser's own message
        if detect_format(head, path) in ("txt", "html"):
            return parse_files([path], knowledge)[0]
        name = Path(path).name
        try:
            text = extract(Path(path).read_bytes(), name).text
            return parse_document(text, source=name, knowledge=knowledge or default_knowledge())
        except IngestError as exc:
            return {"source": name, "error": str(exc)}
        except Exception as exc:  # never crash the whole run on one bad file
            return {"source": name, "error": f"internal error: {type(exc).__name__}: {exc}"}

    def handle(self, *args, **options):
        knowledge = Knowledge.from_fixtures(options["fixtures"]) if options.get("fixtures") else None
        results = [self._parse(path, knowledge) for path in options["files"]]
        self.stdout.write(json.dumps(results, ensure_ascii=False, indent=options.get("indent")))
