"""parse_document: raw bytes/text → the dict of ../shared/spec/parse-format.md, as a pipeline.

    decode → clean → lines → header → outline → measures → units → targets → classify

Each stage reads and fills one ParseContext; only bytes that are not text raise ParseError.
"""
from __future__ import annotations

from .classify import classify
from .clean import clean
from .context import ParseContext
from .decode import decode_bytes
from .header import header
from .knowledge import Knowledge, default_knowledge
from .lines import lines
from .measures import measures
from .outline import outline
from .targets import targets
from .text import detect_script
from .units import assign_units


def parse_document(data: bytes | str, *, source: str, knowledge: Knowledge | None = None) -> dict:
    """Parse one raw document.

    Returns {"source", "document", "measures", "targets", "warnings", "encoding"}; each measure also
    carries "text" (its full text, numbering excluded) and "units_detail" ([{"name", "role"}]); the
    document carries "body_text" (the operative text after the covering notice).
    """
    ctx = ParseContext(knowledge or default_knowledge(), source=source)
    decoded = decode_bytes(data)
    ctx.text, ctx.encoding = decoded.text, decoded.encoding
    clean(ctx)
    lines(ctx)
    ctx.script = detect_script(ctx.text)
    header(ctx)
    outline(ctx)
    measures(ctx)
    assign_units(ctx)
    targets(ctx)
    classify(ctx)
    ctx.document["body_text"] = "\n".join(ctx.body_lines)
    return {"source": source, "document": ctx.document, "measures": ctx.measures, "targets": ctx.targets,
            "warnings": ctx.warnings, "encoding": ctx.encoding}
