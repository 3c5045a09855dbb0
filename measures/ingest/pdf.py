"""PDF → text with pypdfium2 (PDFium, the engine of Chrome's PDF viewer).

The text layer is read character by character with its position, so that
the layout can be rebuilt rather than trusted to the content stream order:

* characters → line segments (same baseline, no big horizontal gap);
* two-column pages are detected from the empty gutter between the columns
  and read column by column (a title spanning both columns stays in place);
* running heads and footers (a line repeated at the top or bottom of most
  pages) and page numbers ("- 3 -", "第 3 页 共 9 页", "3/9") are dropped;
* hard wraps are joined: a line that reaches the right margin continues on
  the next line when that one starts at the left margin and opens no new
  numbered item (GB/T 9704 indents every paragraph by two characters), also
  across page breaks;
* ruled tables (a 任务分工表 drawn with lines) come out one row per line,
  cells separated by tabs, as the parser expects of task tables;
* Kangxi radicals and compatibility ideographs that some PDF producers map
  glyphs to (⽇ for 日) are folded to the ordinary characters.

A file with no text layer (a scan), an encrypted file or a damaged one raises
IngestError with a clear reason.
"""
from __future__ import annotations

import ctypes
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_lazy

from .errors import IngestError
from .extract import Extracted

ENCRYPTED = gettext_lazy("PDF 文件已加密（设有打开密码），无法读取文字：请提供未加密的文件")
BROKEN = gettext_lazy("PDF 文件已损坏或不完整，无法打开 (%(detail)s)")
SCANNED = gettext_lazy("PDF 没有文字层，可能是扫描件或图片：无法读取文字。请提供可复制文字的 PDF 或 Word 文件，"
                       "或先做文字识别 (OCR)")
UNMAPPED = gettext_lazy("PDF 的字体缺少字符编码映射，复制出的文字是乱码：请提供 Word 文件或重新导出的 PDF")
MAX_PAGES = 2000

# a page number alone on a line
PAGE_NUMBER = re.compile(
    r"^(?:[-—–－·•~〜\s]*[0-9]{1,4}[-—–－·•~〜\s]*|第\s*[0-9一二三四五六七八九十百]{1,4}\s*页(?:\s*[/，,、]?\s*共\s*[0-9]{1,4}\s*页)?|"
    r"[0-9]{1,4}\s*/\s*[0-9]{1,4}|(?:page|p\.)\s*[0-9]{1,4}(?:\s*(?:/|of)\s*[0-9]{1,4})?)$", re.I)
# a line that opens a numbered item (never the continuation of the line above)
ITEM_START = re.compile(
    r"^(?:[一二三四五六七八九十百]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十百0-9]{1,3}\s*[）)]|[0-9]{1,3}\s*[、.．](?![0-9])|"
    r"第[一二三四五六七八九十百零0-9]{1,5}\s*[章节条部分篇]|[①-⑳•·●○◆◇■□▪▶►]|附件|附表|抄送|主送|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$)")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


@dataclass(slots=True)
class Char:
    ch: str
    x0: float
    x1: float
    y0: float  # bottom (PDF coordinates: y grows upwards)
    y1: float  # top
    space: bool = False  # a space character stood before it in the text layer


class Segment:
    """Characters on one baseline, with their bounding box kept as they are added."""

    __slots__ = ("chars", "x0", "x1", "y0", "y1")

    def __init__(self, chars: list[Char]):
        self.chars = []
        self.x0 = self.y0 = float("inf")
        self.x1 = self.y1 = float("-inf")
        for c in chars:
            self.add(c)

    def add(self, c: Char) -> None:
        self.chars.append(c)
        if c.x0 < self.x0:
            self.x0 = c.x0
        if c.x1 > self.x1:
            self.x1 = c.x1
        if c.y0 < self.y0:
            self.y0 = c.y0
        if c.y1 > self.y1:
            self.y1 = c.y1

    @property
    def height(self):
        heights = sorted(c.y1 - c.y0 for c in self.chars)
        return heights[len(heights) // 2] or 1.0


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    em: float
    column: int = 0  # 0: full width, 1: left, 2: right
    left: float = 0.0  # the column's margins
    right: float = 0.0
    table: bool = False  # a table row (never joined)
    lines_in_column: int = 0
    space_before: bool = False  # the text layer has a space before its first character
    page_em: float = 0.0  # the body text's size on this page
    page_left: float = 0.0
    page_right: float = 0.0

    @property
    def mid(self):
        return (self.y0 + self.y1) / 2


def extract_pdf(data: bytes) -> Extracted:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise IngestError(ENCRYPTED) from None
        raise IngestError(str(BROKEN) % {"detail": message}) from None
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise IngestError(str(BROKEN) % {"detail": "no pages"})
        pages: list[list[Line]] = []
        heights: list[float] = []
        empty_pages: list[int] = []
        total_chars = unmapped = 0
        warnings: list[str] = []
        for index in range(min(n_pages, MAX_PAGES)):
            page = pdf[index]
            try:
                chars, bad = _page_chars(page)
                total_chars += len(chars)
                unmapped += bad
                if not chars:
                    empty_pages.append(index + 1)
                    pages.append([])
                    heights.append(page.get_height())
                    continue
                cells = _ruled_cells(page)
                pages.append(_layout(chars, page.get_width(), cells))
                heights.append(page.get_height())
            finally:
                page.close()
        if n_pages > MAX_PAGES:
            warnings.append(gettext("PDF 共 %(n)s 页，只读取了前 %(max)s 页") % {"n": n_pages, "max": MAX_PAGES})
        title = _metadata_title(pdf)
    finally:
        pdf.close()
    if total_chars < 20:
        raise IngestError(SCANNED)
    if unmapped > 0.3 * total_chars:
        raise IngestError(UNMAPPED)
    if empty_pages:
        listed = gettext("、").join(map(str, empty_pages[:10])) + (gettext("等") if len(empty_pages) > 10 else "")
        warnings.append(gettext("第 %(pages)s 页没有文字层（可能是扫描页），这些页的内容未能读取") % {"pages": listed})
    _drop_furniture(pages, heights)
    text = _join(pages)
    return Extracted(text=text, format="pdf", title=title, pages=n_pages, warnings=warnings)


def _metadata_title(pdf) -> str | None:
    try:
        title = (pdf.get_metadata_dict().get("Title") or "").strip()
    except Exception:
        return None
    # producers often leave "Microsoft Word - 文件名.docx" or nothing useful
    if not title or not _CJK.search(title) or title.lower().startswith("microsoft word"):
        return None
    return title


# --- characters -------------------------------------------------------------------------------

def _fold(ch: str) -> str:
    """Kangxi radicals, CJK radical supplements and compatibility ideographs → unified ideographs."""
    o = ord(ch)
    if 0x2E80 <= o <= 0x2FDF or 0xF900 <= o <= 0xFAFF:
        folded = unicodedata.normalize("NFKC", ch)
        return folded if len(folded) == 1 else ch
    return ch


def _page_chars(page) -> tuple[list[Char], int]:
    """The page's characters with their boxes (PDFium's loose boxes: the font's full height, so
    that punctuation sits on its line), and how many had no Unicode mapping in the font (sampled)."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = raw.FPDFText_CountChars(tp)
        if n <= 0:
            return [], 0
        buf = ctypes.create_string_buffer((n + 1) * 2)
        got = raw.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
        text = buf.raw[:max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
        if len(text) != n:  # characters outside the BMP (surrogate pairs): one call per character
            text = "".join(chr(raw.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(n))
        chars: list[Char] = []
        bad = sampled = 0
        rect = raw.FS_RECTF()
        box = raw.FPDFText_GetLooseCharBox
        space = False
        for i, ch in enumerate(text):
            if ch.isspace() or ch in "\xa0\ufffe\uffff\x00":
                # a space of the text layer (not one PDFium generated) separates words
                if not space and ch.isspace() and raw.FPDFText_IsGenerated(tp, i) != 1:
                    space = True
                continue
            if ch < " ":
                continue
            if i % 8 == 0:
                sampled += 1
                bad += raw.FPDFText_HasUnicodeMapError(tp, i) == 1
            if not box(tp, i, rect):
                continue
            x0, x1 = (rect.left, rect.right) if rect.left <= rect.right else (rect.right, rect.left)
            y0, y1 = (rect.bottom, rect.top) if rect.bottom <= rect.top else (rect.top, rect.bottom)
            if y1 - y0 <= 0.1:
                continue
            o = ord(ch)
            if 0x2E80 <= o <= 0x2FDF or 0xF900 <= o <= 0xFAFF:
                ch = _fold(ch)
            chars.append(Char(ch, x0, x1, y0, y1, space))
            space = False
        return chars, round(bad * len(chars) / sampled) if sampled else 0
    finally:
        textpage.close()


def _segments(chars: list[Char]) -> list[Segment]:
    """Runs of characters on one baseline, in the content stream's order, cut at big gaps."""
    segments: list[Segment] = []
    current: Segment | None = None
    for c in chars:
        h = c.y1 - c.y0
        if current is not None:
            last = current.chars[-1]
            lh = last.y1 - last.y0
            overlap = min(c.y1, last.y1) - max(c.y0, last.y0)
            same_line = overlap > 0.5 * min(h, lh)
            gap = c.x0 - last.x1
            if same_line and -0.5 * h < gap < 1.2 * max(h, lh):
                current.add(c)
                continue
        current = Segment([c])
        segments.append(current)
    return segments


# --- layout -----------------------------------------------------------------------------------

def _layout(chars: list[Char], width: float, cells: list[tuple[float, float, float, float]]) -> list[Line]:
    segments = _segments(chars)
    table_lines: list[Line] = []
    if cells:
        segments, table_lines = _take_tables(segments, cells)
    gutter = _gutter(segments, width)
    if gutter is None:
        lines = _lines(segments, column=0)
    else:
        lo, hi = gutter
        left = [s for s in segments if s.x1 <= lo + 0.01]
        right = [s for s in segments if s.x0 >= hi - 0.01]
        spanning = [s for s in segments if s.x1 > lo + 0.01 and s.x0 < hi - 0.01]
        across = _lines(spanning, column=0)
        # a line across both columns (a title) has the page's margins
        page_left, page_right = min(s.x0 for s in segments), max(s.x1 for s in segments)
        for line in across:
            line.left, line.right, line.lines_in_column = page_left, page_right, len(segments)
        lines = _column_order(_lines(left, column=1), _lines(right, column=2), across)
    if table_lines:
        lines = _merge_by_position(lines, table_lines)
    page_em = statistics.median(c.y1 - c.y0 for c in chars)
    page_left, page_right = min(c.x0 for c in chars), max(c.x1 for c in chars)
    for line in lines:
        line.page_em, line.page_left, line.page_right = page_em, page_left, page_right
    return lines


def _lines(segments: list[Segment], *, column: int) -> list[Line]:
    """Segments on the same line (vertically overlapping) joined left to right; lines top to bottom."""
    rows: list[list[Segment]] = []
    for s in sorted(segments, key=lambda s: (-(s.y0 + s.y1) / 2, s.x0)):
        mid = (s.y0 + s.y1) / 2
        for row in rows[-3:]:
            r0, r1 = min(x.y0 for x in row), max(x.y1 for x in row)
            if r0 <= mid <= r1 and min(s.y1, r1) - max(s.y0, r0) > 0.4 * min(s.y1 - s.y0, r1 - r0):
                row.append(s)
                break
        else:
            rows.append([s])
    lines = []
    for row in rows:
        row.sort(key=lambda s: s.x0)
        em = statistics.median(s.height for s in row)
        parts, prev_x1, table = [], None, False
        for s in row:
            if prev_x1 is not None:
                gap = s.x0 - prev_x1
                if gap > 2.5 * em:
                    parts.append("\t")
                    table = True
                elif gap > 0.25 * em or s.chars[0].space:
                    parts.append(" ")
            parts.append(_segment_text(s, em))
            prev_x1 = max(prev_x1 or s.x1, s.x1)
        text = "".join(parts).strip()
        if text:
            lines.append(Line(text, row[0].x0, max(s.x1 for s in row), min(s.y0 for s in row),
                              max(s.y1 for s in row), em, column, table=table, space_before=row[0].chars[0].space))
    _margins(lines)
    return lines


def _segment_text(s: Segment, em: float) -> str:
    out, prev = [], None
    for c in s.chars:
        if prev is not None and (c.space or c.x0 - prev.x1 > 0.25 * em):
            out.append(" ")  # letter-spaced signatures, words of Latin text
        out.append(c.ch)
        prev = c
    return "".join(out)


def _margins(lines: list[Line]) -> None:
    """Each line learns its column's left and right margins (robust to a few outliers)."""
    if not lines:
        return
    xs0 = sorted(l.x0 for l in lines)
    xs1 = sorted(l.x1 for l in lines)
    left = xs0[len(xs0) // 10]
    right = xs1[min(len(xs1) - 1, (9 * len(xs1)) // 10)]
    for l in lines:
        l.left, l.right, l.lines_in_column = left, right, len(lines)


def _gutter(segments: list[Segment], width: float) -> tuple[float, float] | None:
    """The empty vertical band between two columns of text, or None for a one-column page.

    Only one interior gap may exist: a table (several gaps) is not a column layout."""
    if len(segments) < 6 or width <= 0:
        return None
    xmin = min(s.x0 for s in segments)
    xmax = max(s.x1 for s in segments)
    span = xmax - xmin
    if span <= 0:
        return None
    step = 2.0
    nbins = int(span / step) + 1
    cover = [0] * nbins
    for s in segments:
        for b in range(int((s.x0 - xmin) / step), min(nbins, int((s.x1 - xmin) / step) + 1)):
            cover[b] += 1
    limit = max(3, len(segments) // 12)  # a spanning title, a running head, a page number may cross it
    em = statistics.median(s.height for s in segments)
    # the split in the middle of the page with the widest gap between the lines on either side
    # (short pieces such as a page number are not counted) and the fewest lines across it
    long = [s for s in segments if s.x1 - s.x0 >= 3 * em]
    first, last = int(0.38 * nbins), int(0.62 * nbins)
    best = None
    for b in range(first, last + 1):
        if cover[b] > limit:
            continue
        x = xmin + (b + 0.5) * step
        lefts = [s.x1 for s in long if s.x1 <= x]
        rights = [s.x0 for s in long if s.x0 >= x]
        crossing = sum(1 for s in long if s.x0 < x < s.x1)
        if not lefts or not rights or crossing > limit:
            continue
        score = (min(rights) - max(lefts)) - 2 * em * crossing
        if best is None or score > best[0]:
            best = (score, x, max(lefts), min(rights))
    if best is None:
        return None
    _, split, lo, hi = best
    if hi - lo < 0.8 * em:
        return None
    left = [s for s in segments if s.x1 <= split]
    right = [s for s in segments if s.x0 >= split]
    if not left or not right or len(left) + len(right) < 6:
        return None
    lo = max(lo, max(s.x1 for s in left))
    hi = min(hi, min(s.x0 for s in right))
    # another empty band inside the text: a table with several columns, not a two-column page
    a, z = int((lo - xmin) / step), int((hi - xmin) / step) + 1
    gap_start = None
    for b, n in enumerate(cover):
        if n == 0 and not (a <= b < z):
            gap_start = b if gap_start is None else gap_start
        elif gap_start is not None:
            if (b - gap_start) * step >= 0.8 * em and gap_start > 0:
                return None
            gap_start = None
    # prose: lines of several characters, not a column of labels or numbers beside another
    medians = sorted([statistics.median(len(s.chars) for s in left), statistics.median(len(s.chars) for s in right)])
    if medians[1] < 6 or (medians[0] < 3 and min(len(left), len(right)) >= 5):
        return None
    return lo, hi


def _column_order(left: list[Line], right: list[Line], spanning: list[Line]) -> list[Line]:
    """Bands between spanning lines; in each band the left column, then the right one."""
    out: list[Line] = []
    cuts = sorted(spanning, key=lambda l: -l.mid)
    pending_l, pending_r = list(left), list(right)
    for cut in cuts:
        out += [l for l in pending_l if l.mid > cut.mid] + [l for l in pending_r if l.mid > cut.mid]
        pending_l = [l for l in pending_l if l.mid <= cut.mid]
        pending_r = [l for l in pending_r if l.mid <= cut.mid]
        out.append(cut)
    return out + pending_l + pending_r


def _merge_by_position(lines: list[Line], extra: list[Line]) -> list[Line]:
    """Table rows placed among the text lines by their vertical position (one-column pages)."""
    out, pending = [], sorted(extra, key=lambda l: -l.mid)
    for line in lines:
        while pending and pending[0].mid > line.mid:
            out.append(pending.pop(0))
        out.append(line)
    return out + pending


# --- ruled tables -----------------------------------------------------------------------------

def _ruled_cells(page) -> list[tuple[float, float, float, float]]:
    """Cells of tables drawn with lines: the rectangles that thin horizontal and vertical
    strokes (or filled thin rectangles) enclose. Empty when the page draws fewer than a grid."""
    import pypdfium2.raw as raw

    horizontal: list[tuple[float, float, float]] = []  # (y, x0, x1)
    vertical: list[tuple[float, float, float]] = []  # (x, y0, y1)
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    for obj in _path_objects(page):
        if not raw.FPDFPageObj_GetBounds(obj, ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t)):
            continue
        x0, x1, y0, y1 = l.value, r.value, b.value, t.value
        w, h = x1 - x0, y1 - y0
        if h <= 3 and w > 8:
            horizontal.append(((y0 + y1) / 2, x0, x1))
        elif w <= 3 and h > 8:
            vertical.append(((x0 + x1) / 2, y0, y1))
        elif w > 8 and h > 8 and raw.FPDFPath_CountSegments(obj) in (4, 5, 6):
            # a stroked rectangle: its four edges
            horizontal += [(y0, x0, x1), (y1, x0, x1)]
            vertical += [(x0, y0, y1), (x1, y0, y1)]
    if len(horizontal) < 3 or len(vertical) < 3:
        return []
    ys = _cluster(sorted(y for y, _, _ in horizontal))
    xs = _cluster(sorted(x for x, _, _ in vertical))
    if len(ys) < 3 or len(xs) < 3:
        return []

    def has_h(y, xa, xb):
        return any(abs(hy - y) < 2 and hx0 <= xa + 2 and hx1 >= xb - 2 for hy, hx0, hx1 in horizontal)

    def has_v(x, ya, yb):
        return any(abs(vx - x) < 2 and vy0 <= ya + 2 and vy1 >= yb - 2 for vx, vy0, vy1 in vertical)

    cells = []
    ys_desc = sorted(ys, reverse=True)
    for i, top in enumerate(ys_desc[:-1]):
        for j, x_left in enumerate(xs[:-1]):
            if not has_v(x_left, ys_desc[i + 1], top):
                continue
            # the cell extends right to the next vertical line that closes it, down to the next rule
            for x_right in xs[j + 1:]:
                if has_v(x_right, ys_desc[i + 1], top):
                    break
            else:
                continue
            for bottom in ys_desc[i + 1:]:
                if has_h(bottom, x_left, x_right):
                    break
            else:
                continue
            if has_h(top, x_left, x_right):
                cells.append((x_left, bottom, x_right, top))
    return cells if len(cells) >= 4 else []


def _path_objects(page):
    """The page's path objects (raw handles), also those one form XObject deep."""
    import pypdfium2.raw as raw

    handle = page.raw
    for k in range(raw.FPDFPage_CountObjects(handle)):
        obj = raw.FPDFPage_GetObject(handle, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            yield obj
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            for j in range(raw.FPDFFormObj_CountObjects(obj)):
                sub = raw.FPDFFormObj_GetObject(obj, j)
                if raw.FPDFPageObj_GetType(sub) == raw.FPDF_PAGEOBJ_PATH:
                    yield sub


def _cluster(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in values:
        if out and v - out[-1] <= tolerance:
            continue
        out.append(v)
    return out


def _take_tables(segments: list[Segment], cells) -> tuple[list[Segment], list[Line]]:
    """Characters inside ruled cells become table rows (cells by tab, a cell's lines joined)."""
    inside: dict[tuple, list[Char]] = {}
    rest: list[Segment] = []
    for s in segments:
        outside = []
        for c in s.chars:
            cx, cy = (c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2
            cell = next((k for k in cells if k[0] <= cx <= k[2] and k[1] <= cy <= k[3]), None)
            if cell is None:
                outside.append(c)
            else:
                inside.setdefault(cell, []).append(c)
        if outside:
            rest += _segments(outside)
    if not inside:
        return segments, []
    # rows: cells sharing a top edge (merged cells spanning rows repeat in each row they cover)
    tops = sorted({k[3] for k in cells}, reverse=True)
    rows: list[Line] = []
    used_cells = [k for k in cells if k in inside]
    if not used_cells:
        return segments, []
    em = statistics.median(c.y1 - c.y0 for cs in inside.values() for c in cs)
    for top in tops:
        row_cells = sorted((k for k in cells if k[3] == top), key=lambda k: k[0])
        if not any(k in inside for k in row_cells):
            continue
        bottom = max(k[1] for k in row_cells)
        # a cell of an earlier row spanning down through this one (merged vertically)
        spanning = [k for k in cells if k[3] > top and k[1] < top - 1 and k[1] <= bottom + 1]
        all_cells = sorted(set(row_cells) | set(spanning), key=lambda k: k[0])
        texts = [_cell_text(inside.get(k, []), em) for k in all_cells]
        non_empty = [x for x in texts if x]
        if not non_empty:
            continue
        text = non_empty[0] if len(set(non_empty)) == 1 else "\t".join(texts)
        rows.append(Line(text, all_cells[0][0], all_cells[-1][2], bottom, top, em, 0, table=True))
    return rest, rows


def _cell_text(chars: list[Char], em: float) -> str:
    if not chars:
        return ""
    lines = _lines(_segments(chars), column=0)
    return "".join(l.text if i == 0 or not _latin_pair(lines[i - 1].text, l.text) else " " + l.text
                   for i, l in enumerate(lines)).replace("\t", " ").strip()


# --- page furniture ---------------------------------------------------------------------------

def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_furniture(pages: list[list[Line]], heights: list[float]) -> None:
    """Page numbers and running heads/footers out, in place."""
    zone_counts: Counter[str] = Counter()
    n_text_pages = sum(1 for p in pages if p)
    for lines, height in zip(pages, heights):
        for line in _zone(lines, height):
            zone_counts[_norm(line.text)] += 1
    repeated = {k for k, n in zone_counts.items()
                if n_text_pages >= 2 and n >= max(2, 0.4 * n_text_pages) and len(k) <= 60}
    for p, (lines, height) in enumerate(zip(pages, heights)):
        zone = {id(l) for l in _zone(lines, height)}
        pages[p] = [l for l in lines
                    if not (id(l) in zone and (PAGE_NUMBER.match(l.text.strip()) or _norm(l.text) in repeated))]


def _zone(lines: list[Line], height: float) -> list[Line]:
    """Lines that may be page furniture: up to two at the top and two at the bottom of a page,
    near its edges and set apart from the body (a wider gap than the line spacing, or a smaller
    or larger type)."""
    if len(lines) < 2:
        return list(lines)
    by_y = sorted(lines, key=lambda l: -l.mid)
    body_em = statistics.median(l.em for l in lines)
    picked: list[Line] = []
    for ordered, top in ((by_y, True), (by_y[::-1], False)):
        for k in range(min(2, len(ordered) - 1)):
            line, inner = ordered[k], ordered[k + 1]
            gap = (line.y0 - inner.y1) if top else (inner.y0 - line.y1)
            near_edge = line.mid > 0.8 * height if top else line.mid < 0.2 * height
            apart = gap > 1.2 * body_em or abs(line.em - body_em) > 0.15 * body_em
            if not (near_edge and apart):
                break
            picked.append(line)
    return picked


# --- hard wraps -------------------------------------------------------------------------------

def _latin_pair(a: str, b: str) -> bool:
    """Two words of Latin text cut by a wrap get a space back; digits cut in a number do not."""
    return bool(a) and bool(b) and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha()


def _centred(line: Line) -> bool:
    return abs((line.x0 - line.page_left) - (line.page_right - line.x1)) < 2 * line.em


def _continues(prev: Line, line: Line, *, new_page: bool) -> bool:
    if prev.table or line.table:
        return False
    if ITEM_START.match(line.text) or PAGE_NUMBER.match(line.text):
        return False
    if (not new_page and prev.em > 1.15 * prev.page_em and abs(prev.em - line.em) <= 0.1 * prev.em
            and _centred(prev) and _centred(line) and prev.mid - line.mid < 2 * prev.em):
        return True  # a title in large type, centred over several lines
    if prev.x1 < prev.right - 1.5 * prev.em:
        return False  # the line above ends short: its paragraph ends there
    if line.x0 > line.left + 0.8 * line.em:
        return False  # indented: a new paragraph
    if prev.lines_in_column < 4 or line.lines_in_column < 4:
        return False  # too few lines to know the margins
    if abs(prev.em - line.em) > 0.15 * max(prev.em, line.em):
        return False  # a change of font size: a heading and its text
    if not new_page and prev.column == line.column and prev.mid - line.mid > 2.6 * prev.em:
        return False  # a blank line between them
    if prev.x1 - prev.x0 < 8 * prev.em:
        return False  # a short line (a date, a signature) is never wrapped
    return True


def _join(pages: list[list[Line]]) -> str:
    out: list[str] = []
    prev: Line | None = None
    for lines in pages:
        for i, line in enumerate(lines):
            if prev is not None and _continues(prev, line, new_page=i == 0):
                out[-1] += (" " if line.space_before or _latin_pair(out[-1], line.text) else "") + line.text
            else:
                out.append(line.text)
            prev = line
    return "\n".join(out) + "\n"
