"""Stage 1, decode: raw bytes → text and the encoding used.

The one place for BOMs, UTF-16/32, UTF-8, GB18030/GBK, Big5 and HTML charset
declarations. Only bytes that are not text (empty, binary, undecodable) raise
ParseError; the text that comes out has one kind of line end and no NUL.
Importable on its own: ``decode_bytes(data) -> Decoded(text, encoding)``.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .context import ParseContext, rule
from .errors import ParseError

MAGIC = (
    (b"%PDF", "a PDF file"), (b"PK\x03\x04", "a ZIP/Office (docx, xlsx) file"),
    (b"\xd0\xcf\x11\xe0", "an old Office (doc, xls) file"), (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"{\\rtf", "an RTF file"), (b"\x1f\x8b", "a gzip archive"),
)
BOMS = (  # UTF-32 first: its little-endian BOM starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# names a page may declare → the codecs tried, most inclusive first
FAMILIES = {
    "gb18030": ("gb18030",), "big5": ("cp950", "big5hkscs"),
}
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "gb_2312-80": "gb18030",
           "euc-cn": "gb18030", "big5-hkscs": "big5", "x-big5": "big5", "cp950": "big5", "big5hkscs": "big5"}
DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
MAX_BAD = 0.002  # replacement characters tolerated (a file cut in the middle of a character)


@dataclass(frozen=True)
class Decoded:
    """Text of a document and the encoding it was read with ("utf-8", "gb18030", "cp950", "utf-16-le" …)."""

    text: str
    encoding: str


def normalise(text: str) -> str:
    """One line end (\\n), no BOM, no NUL."""
    return NEWLINES.sub("\n", text.replace("\x00", "")).lstrip("\ufeff")


def decode_bytes(data: bytes | str) -> Decoded:
    """Decode ``data``; raise ParseError with a readable reason when it is not text."""
    if isinstance(data, str):
        decoded = Decoded(normalise(data), "unicode")
    else:
        decoded = _decode(bytes(data))
    if not decoded.text.strip():
        raise ParseError("empty document" if isinstance(data, str) else "empty file")
    return decoded


def decode(ctx: ParseContext, data: bytes | str) -> None:
    """ctx.text and ctx.encoding."""
    decoded = decode_bytes(data)
    ctx.text, ctx.encoding = decoded.text, decoded.encoding


def _decode(data: bytes) -> Decoded:
    if not data.strip():
        raise ParseError("empty file")
    for step in (binary_magic, bom, utf16_without_bom, control_bytes, utf8, declared_charset, guessed_chinese):
        found = step(data)
        if found:
            return found
    raise ParseError("cannot decode the file: neither UTF-8/16 nor GB18030/GBK nor Big5")


def _try(data: bytes, encoding: str) -> str | None:
    """``data`` decoded, or None when more than a few bytes are not in ``encoding`` (a character cut
    off at the end of the file does not count)."""
    try:
        return codecs.getincrementaldecoder(encoding)().decode(data, final=False)
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = data.decode(encoding, errors="replace")
    return text if text.count("\ufffd") <= MAX_BAD * len(text) else None


def _is_utf8(head: bytes) -> bool:
    """The bytes are UTF-8 (the last character may be cut off)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return True
    except UnicodeDecodeError:
        return False


def _result(data: bytes, encoding: str) -> Decoded | None:
    text = _try(data, encoding)
    return Decoded(normalise(text), codecs.lookup(encoding).name) if text is not None else None


@rule(stage="decode", example="b'%PDF-1.4…' → ParseError('binary file (a PDF file) …')")
def binary_magic(data: bytes) -> None:
    """Files that announce a binary format by their first bytes (PDF, Office, images, archives)."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise ParseError(f"binary file ({what}); only text or HTML can be parsed")
    return None


@rule(stage="decode", example="b'\\xff\\xfe' + '知识产权'.encode('utf-16-le') → utf-16-le")
def bom(data: bytes) -> Decoded | None:
    """A byte-order mark decides the encoding (UTF-8, UTF-16 or UTF-32, either byte order)."""
    for mark, encoding in BOMS:
        if data.startswith(mark):
            found = _result(data[len(mark):], encoding)
            if found is None:
                raise ParseError(f"cannot decode the file as {encoding} (its byte-order mark says so)")
            return found
    return None


@rule(stage="decode", example="'知识产权\\n'.encode('utf-16-le') (no BOM) → utf-16-le")
def utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM: NUL bytes (the high bytes of ASCII characters, of 一 …), bytes that are not
    UTF-8, and one byte order reads as clean text (no control character, mostly Han beyond ASCII)."""
    head = data[:8192]
    if 0 not in head or _is_utf8(head):
        return None
    for order in ("utf-16-le", "utf-16-be"):
        found = _result(data[:len(data) // 2 * 2], order)
        sample = found.text[:4096] if found else ""
        if sample and not CONTROL.search(sample) and "\ufffd" not in sample \
                and (sample.isascii() or han_ratio(sample) >= 0.6):
            return found
    return None


@rule(stage="decode", example="b'\\x00\\x01\\x02\\x03' * 50 → ParseError('binary file (control bytes) …')")
def control_bytes(data: bytes) -> None:
    """More than 5% control bytes (NUL included, tabs and line ends excepted) in the first 8 KB: binary.
    A few stray NULs in a text are dropped instead."""
    head = data[:8192]
    if len(CONTROL_BYTES.findall(head)) > 0.05 * len(head):
        raise ParseError("binary file (control bytes); only text or HTML can be parsed")
    return None


@rule(stage="decode", example="'知识产权'.encode('utf-8') → utf-8")
def utf8(data: bytes) -> Decoded | None:
    """Valid UTF-8 (a file cut inside its last character still counts); tried before any declaration,
    since scrapers re-encode pages without updating their <meta charset>."""
    if data.isascii():
        return Decoded(normalise(data.decode("ascii")), "ascii")
    return _result(data, "utf-8")


@rule(stage="decode", example="b'<meta charset=\"big5\">…' → cp950")
def declared_charset(data: bytes) -> Decoded | None:
    """An HTML/XML declaration in the first 4 KB (<meta charset=gb2312>, content="text/html; charset=big5",
    encoding="GBK"); GB2312/GBK read as GB18030, Big5 as CP950 (then Big5-HKSCS)."""
    m = DECLARED.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    name = ALIASES.get(name, name)
    for encoding in FAMILIES.get(name, (name,)):
        found = _result(data, encoding)
        if found:
            return found
    return None


def han_ratio(text: str) -> float:
    """Share of Han characters among the non-ASCII, non-space characters of ``text``."""
    other = [c for c in text if not c.isascii() and not c.isspace()]
    return sum(1 for c in other if HAN.match(c)) / len(other) if other else 0.0


@rule(stage="decode", example="'智慧財產權'.encode('big5') (no charset) → cp950, not GB18030 garbage")
def guessed_chinese(data: bytes) -> Decoded | None:
    """Undeclared Chinese bytes: GB18030 or Big5. charset-normalizer's guess is kept unless the other
    reading has clearly more Han characters (Big5 read as GB18030 gives kana and symbols)."""
    readings = {}
    for family, encodings in FAMILIES.items():
        found = next(filter(None, (_result(data, e) for e in encodings)), None)
        if found:
            readings[family] = found
    if not readings:
        return None
    ratios = {family: han_ratio(found.text[:20000]) for family, found in readings.items()}
    best = max(ratios, key=lambda f: (ratios[f], f == "gb18030"))
    guess = _normaliser_guess(data)
    if guess in readings and ratios[guess] >= ratios[best] - 0.05:
        best = guess
    return readings[best]


def _normaliser_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - the dependency is declared
        return None
    match = from_bytes(data[:65536], cp_isolation=["gb18030", "big5", "cp950", "big5hkscs"]).best()
    if match is None:
        return None
    name = match.encoding.replace("_", "-")
    return "big5" if name in ("big5", "cp950", "big5hkscs") else "gb18030" if name == "gb18030" else None
