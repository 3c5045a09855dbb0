"""DOCX → text with python-docx.

The body is read in document order, paragraphs and tables alike:

* a paragraph is one line; a manual line break inside it starts a new line;
* Word's automatic numbering is written out as the label Word shows
  ("一、", "（二）", "3.", "①"), since policy documents number their measures
  that way and the parser needs the numbers;
* a table is one line per row, cells separated by tabs (a merged cell that
  spans a whole row is written once) — so that a 任务分工表 (序号 | 任务 |
  牵头单位 | 配合单位 | 完成时限) becomes measures with their units and
  deadlines in the parser;
* headers, footers, comments and deleted revisions are left out.
"""
from __future__ import annotations

import io
import re
import zipfile

from django.utils.translation import gettext

from .errors import IngestError
from .extract import Extracted

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CHINESE_DIGITS = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def extract_docx(data: bytes) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(gettext("Word 文件已损坏，无法打开 (%(detail)s)") % {"detail": exc}) from None
    except Exception as exc:  # lxml errors on a damaged part
        raise IngestError(gettext("Word 文件已损坏，无法打开 (%(detail)s)")
                          % {"detail": f"{type(exc).__name__}: {exc}"}) from None
    numbering = Numbering(document)
    lines: list[str] = []
    _walk(document.element.body, lines, numbering)
    raw = "\n".join(lines)
    breaks = raw.count("\f")
    text = "\n".join(line for line in raw.replace("\f", "").split("\n") if line.strip()) + "\n"
    title = (document.core_properties.title or "").strip() or None
    return Extracted(text=text, format="docx", title=title, pages=_pages(data, text, breaks))


def _pages(data: bytes, text: str, breaks: int) -> int:
    """The page count Word saved (docProps/app.xml), else the explicit page breaks + 1, at least one
    page per 700 characters (a GB/T 9704 page holds 22 lines of 28 characters)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            app = z.read("docProps/app.xml").decode("utf-8", "replace")
        m = re.search(r"<Pages>(\d+)</Pages>", app)
        if m and int(m.group(1)) > 1:  # (templates say 1 whatever the length)
            return int(m.group(1))
    except (KeyError, zipfile.BadZipFile):
        pass
    return max(1, breaks + 1, round(len(text) / 700))


def _walk(element, lines: list[str], numbering: "Numbering") -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag == W + "p":
            lines += _paragraph_lines(child, numbering)
        elif tag == W + "tbl":
            lines += _table_lines(child, numbering)
        elif tag in (W + "sdt", W + "customXml", W + "smartTag"):
            content = child.find(W + "sdtContent")
            _walk(content if content is not None else child, lines, numbering)


def _run_text(p) -> str:
    """The visible text of a paragraph: runs, hyperlinks, fields' results, tabs and breaks;
    deleted revisions, field codes and text boxes left out."""
    out: list[str] = []
    in_field_code = False
    for el in p.iter():
        tag = el.tag
        if tag == W + "del" or tag == W + "txbxContent":
            continue
        if tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            in_field_code = kind == "begin"
            continue
        if in_field_code:
            continue
        if tag == W + "t":
            if _inside(el, (W + "del", W + "txbxContent")):
                continue
            out.append(el.text or "")
        elif tag == W + "tab" and el.getparent() is not None and el.getparent().tag == W + "r":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            if el.get(W + "type") == "page":
                out.append("\f")
            else:
                out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            try:
                out.append(chr(int(el.get(W + "char"), 16)))
            except (TypeError, ValueError):
                pass
    return "".join(out)


def _inside(el, tags) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        if parent.tag == W + "p":
            return False
        parent = parent.getparent()
    return False


def _paragraph_lines(p, numbering: "Numbering") -> list[str]:
    text = _run_text(p)
    label = numbering.label(p)
    # a page break stays as \f: counted for the page count, removed afterwards
    pieces = [piece.strip(" \u3000\t") for piece in text.split("\n")]
    if label and pieces and pieces[0].strip("\f"):
        pieces[0] = label + pieces[0]
    return pieces


def _cell_text(tc, numbering: "Numbering") -> str:
    lines: list[str] = []
    _walk(tc, lines, numbering)
    return " ".join(line.replace("\t", " ").replace("\f", "").strip() for line in lines if line.strip())


def _table_lines(tbl, numbering: "Numbering") -> list[str]:
    """One line per row; cells by tab; a vertically merged cell repeats its text in each row it covers;
    a row that is one cell (a section heading across the table) is that cell's text alone."""
    out: list[str] = []
    above: dict[int, str] = {}  # grid column → text of the cell that a vMerge continues
    for tr in tbl.iterchildren(W + "tr"):
        cells: list[str] = []
        col = 0
        for tc in tr.iterchildren(W + "tc"):
            props = tc.find(W + "tcPr")
            span, vmerge = 1, None
            if props is not None:
                grid_span = props.find(W + "gridSpan")
                if grid_span is not None:
                    try:
                        span = max(1, int(grid_span.get(W + "val")))
                    except (TypeError, ValueError):
                        span = 1
                vm = props.find(W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(W + "val") or "continue"
            text = _cell_text(tc, numbering)
            if vmerge == "continue":
                text = above.get(col, "")
            elif vmerge == "restart":
                above[col] = text
            else:
                above.pop(col, None)
            cells += [text] * span
            col += span
        non_empty = [c for c in cells if c]
        if not non_empty:
            continue
        if len(set(non_empty)) == 1 and len(cells) > 1 and all(c == non_empty[0] for c in cells):
            out.append(non_empty[0])  # merged across the whole row
        elif len(cells) == 1:
            out.append(cells[0])
        else:
            out.append("\t".join(cells))
    return out


# --- automatic numbering ----------------------------------------------------------------------

def _chinese(n: int) -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return CHINESE_DIGITS[n]
    if n < 20:
        return "十" + (CHINESE_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        return CHINESE_DIGITS[n // 10] + "十" + (CHINESE_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letter(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else str(n)
    if fmt == "ideographTraditional":
        return HEAVENLY_STEMS[(n - 1) % 10]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class Numbering:
    """Word's list numbering (numbering.xml), replayed paragraph by paragraph."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, dict]] = {}  # abstractNumId → ilvl → {start, fmt, text}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            part = None
        if part is not None:
            root = part.element
            for an in root.iterchildren(W + "abstractNum"):
                levels = {}
                for lvl in an.iterchildren(W + "lvl"):
                    ilvl = int(lvl.get(W + "ilvl", "0"))
                    levels[ilvl] = {"start": _val(lvl, "start", "1"), "fmt": _val(lvl, "numFmt", "decimal"),
                                    "text": _val(lvl, "lvlText", "")}
                self.levels[an.get(W + "abstractNumId")] = levels
            for num in root.iterchildren(W + "num"):
                abstract = _val(num, "abstractNumId", "")
                overrides = {}
                for ov in num.iterchildren(W + "lvlOverride"):
                    start = ov.find(W + "startOverride")
                    if start is not None:
                        overrides[int(ov.get(W + "ilvl", "0"))] = int(start.get(W + "val", "1"))
                self.nums[num.get(W + "numId")] = (abstract, overrides)
        try:
            for style in document.styles.element.iterchildren(W + "style"):
                ppr = style.find(W + "pPr")
                num_pr = ppr.find(W + "numPr") if ppr is not None else None
                if num_pr is not None:
                    num_id = _val(num_pr, "numId", None)
                    if num_id:
                        self.style_num[style.get(W + "styleId")] = (num_id, int(_val(num_pr, "ilvl", "0")))
        except AttributeError:
            pass

    def label(self, p) -> str:
        if not self.nums:
            return ""
        ppr = p.find(W + "pPr")
        num_id, ilvl = None, 0
        if ppr is not None:
            num_pr = ppr.find(W + "numPr")
            if num_pr is not None:
                num_id = _val(num_pr, "numId", None)
                ilvl = int(_val(num_pr, "ilvl", "0") or 0)
            elif ppr.find(W + "pStyle") is not None:
                found = self.style_num.get(ppr.find(W + "pStyle").get(W + "val"))
                if found:
                    num_id, ilvl = found
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, {})
        start = overrides.get(ilvl, int(levels[ilvl]["start"] or 1))
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl]["text"]
        if levels[ilvl]["fmt"] == "bullet":
            return ""

        def level_value(m):
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            value = counters.get(k, int(levels[k]["start"] or 1))
            return format_number(value, levels[k]["fmt"])

        return re.sub(r"%(\d)", level_value, text)


def _val(el, name: str, default):
    child = el.find(W + name)
    if child is None:
        return default
    return child.get(W + "val", default)
