"""Format detection from the bytes, and the dispatch to each format's reader."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _lazy

from .errors import CONVERT, IngestError

# Bumped whenever a reader changes the text it produces (stored with each document).
INGEST_VERSION = "1"

TEXT_FORMATS = {"txt", "html"}
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".shtml", ".pdf", ".docx", ".doc", ".wps", ".ofd",
                     ".mht", ".mhtml"}
CONTENT_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "html": "text/html",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "wps": "application/vnd.ms-works",
    "ofd": "application/ofd",
    "mht": "multipart/related",
}
FORMAT_NAMES = {"txt": _lazy("文本"), "html": _lazy("网页"), "pdf": "PDF", "docx": "Word (.docx)",
                "doc": "Word 97-2003 (.doc)", "wps": _lazy("WPS 文字"), "ofd": _lazy("OFD 版式文件"),
                "mht": _lazy("单个文件网页 (.mht)")}
# Refused kinds: lazy messages, %(convert)s is the advice to convert the file (errors.CONVERT).
UNSUPPORTED = {
    "xlsx": _lazy("Excel 表格 (.xlsx) 不是政策文件格式，%(convert)s"),
    "xls": _lazy("Excel 表格 (.xls) 不是政策文件格式，%(convert)s"),
    "pptx": _lazy("演示文稿 (.pptx) 不支持，%(convert)s"),
    "ppt": _lazy("演示文稿 (.ppt) 不支持，%(convert)s"),
    "rtf": _lazy("RTF 文件不支持，%(convert)s"),
    "zip": _lazy("压缩包 (.zip) 不支持：请解压后分别导入其中的文件"),
    "rar": _lazy("压缩包 (.rar) 不支持：请解压后分别导入其中的文件"),
    "7z": _lazy("压缩包 (.7z) 不支持：请解压后分别导入其中的文件"),
    "gzip": _lazy("压缩文件 (.gz) 不支持：请解压后再导入"),
    "image": _lazy("这是一张图片，没有可读取的文字层：请提供带文字的 PDF 或 Word 文件，或先做文字识别 (OCR)"),
    "ole": _lazy("无法识别的 Office 文件，%(convert)s"),
    "office-encrypted": _lazy("Office 文件已加密（设有打开密码），无法读取：请去除密码后再导入"),
    "wps-old": _lazy("旧版 WPS 文件无法读取，%(convert)s"),
    "binary": _lazy("无法识别的二进制文件，%(convert)s"),
}


def refused(kind: str) -> str:
    """Why a file of an unsupported kind is refused, in the active language."""
    return str(UNSUPPORTED[kind]) % {"convert": CONVERT}


@dataclass
class Extracted:
    """The text of one file, ready for the parser."""

    text: str
    format: str
    title: str | None = None
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    # attachment links of an HTML page: [(absolute or relative URL, link text)]
    links: list[tuple[str, str]] = field(default_factory=list)
    # what parse_document should get: the raw bytes for plain text (the parser decodes), else the text
    parser_input: bytes | str | None = None

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES.get(self.format, "application/octet-stream")


_IMAGE_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")
_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|div|p|table|br|title)\b", re.I)
_MIME = re.compile(rb"^(?:[\w-]+:[^\n]*\n)*?MIME-Version:\s*1\.0", re.I)


def suffix_of(filename: str | None) -> str:
    return PurePath(filename or "").suffix.lower()


def detect_format(data: bytes, filename: str | None = None) -> str:
    """The format of ``data``, judged from its bytes: pdf, docx, doc, wps, ofd, mht, html, txt; or one of the
    unsupported kinds (xlsx, xls, pptx, ppt, rtf, zip, rar, 7z, gzip, image, ole, office-encrypted, binary)."""
    head = bytes(data[:2048])
    suffix = suffix_of(filename)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_kind(data, suffix)
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"Rar!"):
        return "rar"
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(_IMAGE_MAGIC) or head[4:12] in (b"ftypheic", b"ftypavif") or head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if _MIME.match(head.lstrip()) and b"multipart/related" in data[:4096].lower():
        return "mht"
    if _looks_binary(head):
        return "wps-old" if suffix == ".wps" else "binary"
    if _HTML_SNIFF.search(head) and len(_HTML_SNIFF.findall(data[:20000])) >= 2:
        return "html"
    return "txt"


def _looks_binary(head: bytes) -> bool:
    """Control bytes that no text encoding (UTF-8/16, GBK, Big5) produces."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if head[:200].count(b"\x00") > 20 and (head[0::2].count(0) > 0.4 * len(head) // 2 or
                                           head[1::2].count(0) > 0.4 * len(head) // 2):
        return False  # UTF-16 without a BOM
    bad = sum(1 for b in head if b < 9 or 13 < b < 27 or 27 < b < 32)
    return bad > max(2, len(head) // 100)


def _zip_kind(data: bytes) -> str:
    try:
        names = {n.lower() for n in zipfile.ZipFile(io.BytesIO(data)).namelist()}
    except (zipfile.BadZipFile, ValueError, OSError):
        return "zip"
    if "word/document.xml" in names or any(n.endswith("/document.xml") and n.startswith("word") for n in names):
        return "docx"
    if "ofd.xml" in names:
        return "ofd"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    return "zip"


def _ole_kind(data: bytes, suffix: str) -> str:
    import olefile

    try:
        ole = olefile.OleFileIO(data)
    except Exception:
        return "ole"
    with ole:
        streams = {"/".join(s).lower() for s in ole.listdir(streams=True, storages=False)}
    if "encryptioninfo" in streams or "encryptedpackage" in streams:
        return "office-encrypted"
    if "worddocument" in streams:
        return "wps" if suffix == ".wps" else "doc"
    if "workbook" in streams or "book" in streams:
        return "xls"
    if "powerpoint document" in streams:
        return "ppt"
    return "wps-old" if suffix == ".wps" else "ole"


def extract(data: bytes, filename: str | None = None) -> Extracted:
    """The text of ``data``. Raises IngestError with a readable reason for a file that has none."""
    data = bytes(data)
    if not data.strip():
        raise IngestError(gettext("文件为空"))
    kind = detect_format(data, filename)
    if kind in UNSUPPORTED:
        raise IngestError(refused(kind))
    if kind == "txt":
        return Extracted(text=_decode_text(data), format="txt", parser_input=data)
    if kind == "html":
        from .html import extract_html

        result = extract_html(data)
    elif kind == "mht":
        from .html import extract_mht

        result = extract_mht(data)
    elif kind == "pdf":
        from .pdf import extract_pdf

        result = extract_pdf(data)
    elif kind == "docx":
        from .docx import extract_docx

        result = extract_docx(data)
    elif kind in ("doc", "wps"):
        from .legacy import extract_doc

        result = extract_doc(data, kind)
    elif kind == "ofd":
        from .legacy import extract_ofd

        result = extract_ofd(data)
    else:  # pragma: no cover - every kind is handled above
        raise IngestError(refused("binary"))
    if result.parser_input is None:
        result.parser_input = result.text
    if sum(1 for ch in result.text if "\u4e00" <= ch <= "\u9fff") < 20:
        name = FORMAT_NAMES.get(result.format, result.format)
        raise IngestError(gettext("%(format)s 中没有读到中文正文") % {"format": name})
    return result


def text_for_parser(data: bytes, filename: str | None = None) -> Extracted:
    """Alias of :func:`extract` for the importer: ``.parser_input`` is what parse_document gets."""
    return extract(data, filename)


def _decode_text(data: bytes) -> str:
    try:
        from measures.parsing.decode import decode_bytes

        return decode_bytes(data).text
    except Exception:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        return data.decode("utf-8", errors="replace")
