"""Throughput of the format readers: PDF and DOCX pages per second (text extraction alone, and
extraction followed by the parser), on documents made from the seed corpus.

    manage.py bench_formats [--pages 200] [--repeat 3]

The PDFs hold the text as an office suite exports it (fpdf2, the Noto CJK font
embedded, when installed) and typeset like a government document with
reportlab's built-in CID font (a title, paragraphs indented and hard-wrapped,
a running head, page numbers; PDFium decodes CID fonts through CMaps, which is
slower), once in one column and once in two; the DOCX holds the same text
with a page break every 30 paragraphs (its page count is the breaks + 1). Needs the development
dependencies (reportlab), as the tests do: `uv sync`. Touches no database.
"""
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "PDF / DOCX 读取速度 (pages per second)"

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=200, help="about this many pages per document")
        parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (the median is printed)")

    def handle(self, *args, **options):
        try:
            from measures.ingest import samples
        except ImportError as exc:  # pragma: no cover
            raise CommandError(f"needs the development dependencies (uv sync): {exc}")
        from measures.ingest import extract
        from measures.parsing import default_knowledge, parse_document

        seeds = [p.read_text(encoding="utf-8") for p in sorted(Path(settings.CORPUS_DIR).glob("*.txt"))]
        if not seeds:
            raise CommandError("no seed corpus")
        body = "\n".join(line for text in seeds for line in samples.paragraphs(text)[1:])
        text = "某市知识产权保护工作文件汇编\n" + body
        try:
            one = samples.pdf_from_text(text, running_head="某市人民政府公报")
        except ImportError as exc:
            raise CommandError(f"reportlab is a development dependency (uv sync): {exc}")
        pages_per_copy = extract(one, "x.pdf").pages
        copies = max(1, round(options["pages"] / max(1, pages_per_copy)))
        big_text = "某市知识产权保护工作文件汇编\n" + "\n".join([body] * copies)
        documents = []
        embedded = samples.pdf_with_noto(big_text)
        if embedded is not None:
            documents.append(("PDF, embedded font", embedded, "x.pdf"))
        documents += [
            ("PDF, CID font", samples.pdf_from_text(big_text, running_head="某市人民政府公报"), "x.pdf"),
            ("PDF, two columns", samples.pdf_from_text(big_text, columns=2), "x.pdf"),
            ("DOCX", samples.docx_from_text(big_text, page_breaks_every=30), "x.docx"),
        ]
        knowledge = default_knowledge()
        self.stdout.write(f"{'format':<20}{'pages':>7}{'MB':>7}{'extract p/s':>13}{'+parse p/s':>12}{'chars/s':>12}")
        for label, data, name in documents:
            runs, result = [], None
            for _ in range(options["repeat"]):
                start = time.perf_counter()
                result = extract(data, name)
                runs.append(time.perf_counter() - start)
            extract_s = statistics.median(runs)
            start = time.perf_counter()
            parse_document(result.text, source=name, knowledge=knowledge)
            parse_s = time.perf_counter() - start
            pages = result.pages or 1
            self.stdout.write(f"{label:<20}{pages:>7}{len(data) / 1048576:>7.1f}{pages / extract_s:>13.1f}"
                              f"{pages / (extract_s + parse_s):>12.1f}{len(result.text) / extract_s:>12,.0f}")
        self.stdout.write("(extract: bytes → text; +parse: then the parser on that text; median of "
                          f"{options['repeat']} runs)")
