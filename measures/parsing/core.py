"""parse_document: raw bytes/text → the dict of ../shared/spec/parse-format.md, as a pipeline.

    decode → clean → lines → header → outline → measures → units → targets → classify

Each stage reads and fills one ParseContext; only bytes that are not text raise ParseError.
"""
from __future__ import annotations

from .classify import classify
from .clean import clean
from .context import ParseContext
from .decode import decode
from .header import header
from .knowledge import Knowledge, default_knowledge
from .lines import lines
from .measures import measures
from .outline import outline
from .targets import targets
from .units import assign_units


def parse_document(data: bytes | str, *, source: str, knowledge: Knowledge | None = None) -> dict:
    """Parse one raw document.

    Returns {"source", "document", "measures", "targets", "warnings", "encoding"}; each measure also
    carries "text" (its full text, numbering excluded) and "units_detail" ([{"name", "role"}]); the
    document carries "body_text" (the operative text after the covering notice).
    """
    ctx = parse_context(data, source=source, knowledge=knowledge)
    return {"source": source, "document": ctx.document, "measures": ctx.measures, "targets": ctx.targets,
            "warnings": ctx.warnings, "encoding": ctx.encoding}


def parse_context(data: bytes | str, *, source: str, knowledge: Knowledge | None = None) -> ParseContext:
    """Every stage over one raw document; the context they leave (scripts/train_theme_model.py reads the
    measures' texts from it as the classify stage does)."""
    ctx = ParseContext(knowledge or default_knowledge(), source=source)
    decode(ctx, data)   # bytes → text; ParseError when they are not text
    clean(ctx)          # markup, task tables, full-width characters, pinyin glosses; the script
    lines(ctx)          # one line per paragraph, page chrome out
    header(ctx)         # title, notice, issuer, 文号, dates, status, region and level; the body's lines
    outline(ctx)        # numbered items → a tree; the measure nodes
    measures(ctx)       # ordinal, path, label, title, anchor of each measure
    assign_units(ctx)   # responsible units and their roles
    targets(ctx)        # quantified commitments, document-level first
    classify(ctx)       # themes and IP types
    return ctx
