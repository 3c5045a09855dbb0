"""Pure-Python parser for IP-protection policy documents (no database, no ORM).

Public API:
    parse_document(data, *, source, knowledge=None) -> dict   (spec: shared/spec/parse-format.md)
    decode_bytes(data) -> Decoded(text, encoding)             (the decode stage alone)
    ParseError(reason)                                        (only for bytes that are not text)
    Knowledge (+ Knowledge.from_fixtures(directory), default_knowledge())
    explain_themes / explain_ip_types / classify_themes / classify_ip_types
"""
from .classify import classify_ip_types, classify_themes, explain_ip_types, explain_themes
from .core import parse_document
from .decode import Decoded, decode_bytes
from .errors import ParseError
from .knowledge import Knowledge, default_knowledge
from .text import read_source

__all__ = [
    "parse_document", "decode_bytes", "Decoded", "read_source", "ParseError", "Knowledge", "default_knowledge",
    "explain_themes", "explain_ip_types", "classify_themes", "classify_ip_types",
]
