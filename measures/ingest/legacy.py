"""Word 97-2003 (.doc), WPS 文字 (.wps) and OFD files.

.doc and the .wps files that WPS Office writes today are OLE compound files
holding a Word binary document; olefile (pure Python) opens the container and
the text is read from the document's piece table ([MS-DOC] 2.4.1: the CLX in
the table stream lists where each run of characters lies in the WordDocument
stream, 8-bit or UTF-16). Field codes are dropped and their results kept;
table cells come out separated by tabs, a row a line (approximately: a cell
holding several paragraphs breaks its row). Encrypted files are refused.
Older WPS formats (WPS 97/2000) are not OLE files and are refused with a
request to convert them.

OFD (GB/T 33190, the Chinese fixed-layout format) is a ZIP of XML pages;
each TextCode carries its characters and their positions, which go through
the same layout as PDF text (lines, columns, page furniture, hard wraps).
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
from posixpath import dirname, join, normpath

from django.utils.translation import gettext, gettext_lazy

from .errors import CONVERT, IngestError
from .extract import Extracted

DOC_ENCRYPTED = gettext_lazy("Word 文件已加密（设有打开密码），无法读取：请去除密码后再导入")


def _refuse(message: str, **values) -> IngestError:
    """An IngestError whose message (already translated) ends with the advice to convert the file."""
    return IngestError(message % {**values, "convert": CONVERT})


def extract_doc(data: bytes, kind: str = "doc") -> Extracted:
    import olefile

    name = gettext("WPS 文件") if kind == "wps" else gettext("Word 97-2003 文件 (.doc)")
    try:
        ole = olefile.OleFileIO(data)
    except Exception as exc:
        raise _refuse(gettext("%(name)s已损坏，无法打开 (%(detail)s)；%(convert)s"), name=name, detail=exc) from None
    with ole:
        try:
            text = _doc_text(ole)
        except IngestError:
            raise
        except Exception as exc:
            raise _refuse(gettext("%(name)s无法读取 (%(detail)s)；%(convert)s"), name=name,
                          detail=f"{type(exc).__name__}: {exc}") from None
    lines = [re.sub(r"[ \u3000]+$", "", line).strip() for line in text.split("\n")]
    text = "\n".join(line for line in lines if line.strip()) + "\n"
    return Extracted(text=text, format=kind, pages=max(1, round(len(text) / 700)))


def _doc_text(ole) -> str:
    word = ole.openstream("WordDocument").read()
    if len(word) < 0x200 or struct.unpack_from("<H", word, 0)[0] != 0xA5EC:
        raise _refuse(gettext("不是可识别的 Word 文档；%(convert)s"))
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if flags & 0x0100:  # fEncrypted
        raise IngestError(DOC_ENCRYPTED)
    table_name = "1Table" if flags & 0x0200 else "0Table"
    if not ole.exists(table_name):
        raise _refuse(gettext("Word 文档缺少表格流 (%(stream)s)；%(convert)s"), stream=table_name)
    table = ole.openstream(table_name).read()
    pos = 32
    csw = struct.unpack_from("<H", word, pos)[0]
    pos += 2 + csw * 2
    cslw = struct.unpack_from("<H", word, pos)[0]
    ccp_text = struct.unpack_from("<i", word, pos + 2 + 3 * 4)[0]
    pos += 2 + cslw * 4
    cb = struct.unpack_from("<H", word, pos)[0]
    pos += 2
    if cb <= 33:
        raise _refuse(gettext("Word 文档版本过旧 (Word 6/95)；%(convert)s"))
    fc_clx, lcb_clx = struct.unpack_from("<II", word, pos + 33 * 8)
    clx = table[fc_clx:fc_clx + lcb_clx]
    i = 0
    while i < len(clx) and clx[i] == 0x01:  # Prc: property modifiers, skipped
        i += 3 + struct.unpack_from("<h", clx, i + 1)[0]
    if i >= len(clx) or clx[i] != 0x02:
        raise _refuse(gettext("Word 文档结构无法识别；%(convert)s"))
    lcb = struct.unpack_from("<I", clx, i + 1)[0]
    plc = clx[i + 5:i + 5 + lcb]
    n = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    out: list[str] = []
    total = 0
    for k in range(n):
        start, end = cps[k], cps[k + 1]
        if end <= start:
            continue
        pcd = plc[(n + 1) * 4 + k * 8:(n + 1) * 4 + (k + 1) * 8]
        fc_value = struct.unpack_from("<I", pcd, 2)[0]
        compressed = bool(fc_value & 0x40000000)
        fc = fc_value & 0x3FFFFFFF
        length = end - start
        if compressed:
            piece = word[fc // 2:fc // 2 + length].decode("cp1252", errors="replace")
        else:
            piece = word[fc:fc + 2 * length].decode("utf-16-le", errors="replace")
        out.append(piece)
        total += length
        if ccp_text and total >= ccp_text:
            break
    text = "".join(out)
    if ccp_text:
        text = text[:ccp_text]
    return _clean_doc(text)


def _clean_doc(text: str) -> str:
    # fields: \x13 code \x14 result \x15 → result (nested fields too)
    out, depth_code = [], []
    for ch in text:
        if ch == "\x13":
            depth_code.append(True)
        elif ch == "\x14":
            if depth_code:
                depth_code[-1] = False
        elif ch == "\x15":
            if depth_code:
                depth_code.pop()
        elif depth_code and depth_code[-1]:
            continue
        else:
            out.append(ch)
    text = "".join(out)
    text = text.replace("\x07\x07", "\n").replace("\x07", "\t")
    text = text.replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    text = text.replace("\x1e", "-").replace("\x1f", "")
    return re.sub(r"[\x00-\x08\x0e-\x1f]", "", text)


# --- OFD --------------------------------------------------------------------------------------

def extract_ofd(data: bytes) -> Extracted:
    from lxml import etree

    from .pdf import Char, _drop_furniture, _join, _layout

    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = {n.lower(): n for n in z.namelist()}
        root = etree.fromstring(z.read(names["ofd.xml"]))
        doc_root = _text(root, "DocRoot")
        if not doc_root:
            raise KeyError("DocRoot")
        doc_path = normpath(doc_root.lstrip("/"))
        document = etree.fromstring(z.read(names[doc_path.lower()]))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise _refuse(gettext("OFD 文件已损坏或结构无法识别 (%(detail)s)；%(convert)s"), detail=exc) from None
    if any(_local(el.tag) == "Encryptions" for el in root.iter()):
        raise _refuse(gettext("OFD 文件已加密，无法读取；%(convert)s"))
    base = dirname(doc_path)
    default_box = _box(_first(document, "PhysicalBox")) or (0, 0, 210, 297)
    pages, heights = [], []
    for page_el in (el for el in document.iter() if _local(el.tag) == "Page"):
        loc = page_el.get("BaseLoc")
        if not loc:
            continue
        path = normpath(loc.lstrip("/") if loc.startswith("/") else join(base, loc))
        try:
            content = etree.fromstring(z.read(names[path.lower()]))
        except (KeyError, etree.XMLSyntaxError):
            continue
        box = _box(_first(content, "PhysicalBox")) or default_box
        height = box[3]
        chars = []
        for obj in (el for el in content.iter() if _local(el.tag) == "TextObject"):
            bx, by = (_box(obj.get("Boundary")) or (0, 0, 0, 0))[:2]
            size = float(obj.get("Size") or 3.5)
            for code in (el for el in obj if _local(el.tag) == "TextCode"):
                chars += _code_chars(code, bx, by, size, height, Char)
        heights.append(height)
        pages.append(_layout(chars, box[2], []) if chars else [])
    if not pages:
        raise _refuse(gettext("OFD 文件中没有页面；%(convert)s"))
    if sum(len(p) for p in pages) == 0:
        raise IngestError(gettext("OFD 文件没有文字层，可能是扫描件：无法读取文字"))
    _drop_furniture(pages, heights)
    return Extracted(text=_join(pages), format="ofd", pages=len(pages))


def _code_chars(code, bx: float, by: float, size: float, page_height: float, Char) -> list:
    text = code.text or ""
    x = bx + float(code.get("X") or 0)
    y = by + float(code.get("Y") or 0)  # the baseline, from the top of the page
    deltas = _deltas(code.get("DeltaX"), len(text), size)
    out = []
    for ch, dx in zip(text, deltas):
        if not ch.isspace():
            top = page_height - (y - 0.88 * size)
            advance = dx if 0 < dx <= 1.5 * size else size * (0.5 if ch.isascii() else 1.0)
            out.append(Char(ch, x, x + advance, page_height - y - 0.12 * size, top))
        x += dx
    return out


def _deltas(spec: str | None, n: int, size: float) -> list[float]:
    values: list[float] = []
    if spec:
        parts = spec.split()
        i = 0
        while i < len(parts):
            if parts[i] == "g" and i + 2 < len(parts):
                values += [float(parts[i + 2])] * int(parts[i + 1])
                i += 3
            else:
                try:
                    values.append(float(parts[i]))
                except ValueError:
                    pass
                i += 1
    while len(values) < n:
        values.append(values[-1] if values else size)
    return values


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _first(root, name):
    return next((el for el in root.iter() if _local(el.tag) == name), None)


def _text(root, name) -> str | None:
    el = _first(root, name)
    return (el.text or "").strip() if el is not None else None


def _box(value) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else (value.text or "")
    try:
        nums = [float(v) for v in text.split()]
    except ValueError:
        return None
    return tuple(nums) if len(nums) == 4 else None
