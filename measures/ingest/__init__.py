"""Ingest: documents as governments publish them → text the parser reads.

Format extraction lives here, outside the parser: the parser
(``measures.parsing``) reads text; this package turns the bytes of a PDF, a
Word file (.docx, .doc, .wps), an OFD, an HTML page or a plain text file into
that text, and fetches pages and their attachments from official web sites.

Public API:
    detect_format(data, filename=None) -> str      ("pdf", "docx", "html", "txt" …), from the bytes
    extract(data, filename=None) -> Extracted      text, title, page count, warnings, links
    IngestError(reason)                            a readable reason for a refused file (through i18n)
    DOCUMENT_SUFFIXES                              file suffixes a folder import picks up
    INGEST_VERSION                                 bumped whenever extraction changes its output

The format is judged from the bytes (magic numbers, the parts inside a ZIP or
an OLE container), the file name only breaks ties (.wps vs .doc).
"""
from .errors import IngestError
from .extract import DOCUMENT_SUFFIXES, INGEST_VERSION, Extracted, detect_format, extract, text_for_parser

__all__ = ["IngestError", "Extracted", "detect_format", "extract", "text_for_parser", "DOCUMENT_SUFFIXES",
           "INGEST_VERSION"]
