"""HTML → the main text of the page, with trafilatura.

trafilatura finds the content area of a page and leaves out navigation,
breadcrumbs, side bars, page tools, related-links lists and footers. Its XML
output is written out as lines: headings and paragraphs one a line, list
items one a line, table rows one a line with cells separated by tabs (so a
task table on a page reaches the parser as a task table).

Government pages carry the document's metadata (文号, 发布日期 …) in a
table or a line above the content area that a boilerplate filter may judge
chrome; such lines are kept from the whole page when the main text lacks
them, and the page title is put first when the content area does not start
with it. Links to attachments (PDF, Word, WPS, OFD) are collected from the
whole page, for the URL import to follow.
"""
from __future__ import annotations

import email
import email.policy
import re
from urllib.parse import unquote, urljoin, urlsplit

from django.utils.translation import gettext

from .errors import IngestError
from .extract import Extracted, _decode_text

ATTACHMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".wps", ".ofd")
META_LINE = re.compile(
    r"^\s*(?:文\s*号|发文字号|发文文号|索\s*引\s*号|发布机构|发文机关|发文单位|成文日期|发文日期|发布日期|发布时间|"
    r"印发日期|时间|日期|来源|效力状态|有效性|时效性)\s*[:：]")
SITE_SUFFIX = re.compile(r"\s*[_|｜—\-–]\s*[^_|｜—\-–]{2,40}(?:政府|网站|门户|网|局|委|厅|办|部|院|中心)[^_|｜]{0,10}$")
_WS = re.compile(r"[ \t\u3000\xa0]+")


def decode_html(data: bytes, charset: str | None = None) -> str:
    if charset:
        name = charset.strip().lower()
        if name in ("gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80"):
            name = "gb18030"
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode_text(data)


def extract_html(data: bytes | str, *, base_url: str | None = None, charset: str | None = None,
                 require_text: bool = True) -> Extracted:
    import trafilatura
    from lxml import etree
    from lxml import html as lxml_html

    page = data if isinstance(data, str) else decode_html(data, charset)
    page = page.replace("\x00", "")
    if not page.strip():
        raise IngestError(gettext("网页为空"))
    xml = trafilatura.extract(page, output_format="xml", include_tables=True, include_links=False,
                              include_images=False, include_comments=False, favor_recall=True,
                              with_metadata=True, url=base_url, deduplicate=False)
    lines: list[str] = []
    meta_title = None
    if xml:
        root = etree.fromstring(xml.encode("utf-8"))
        meta_title = (root.get("title") or "").strip() or None
        main = root.find("main")
        if main is not None:
            _xml_lines(main, lines)
    try:
        tree = lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        tree = None
    if sum(1 for line in lines for ch in line if "\u4e00" <= ch <= "\u9fff") < 20 and tree is not None:
        # nothing recognised as the main text: the page's own text, chrome and all (the parser drops chrome lines)
        baseline = trafilatura.html2txt(page) or ""
        lines = [line for line in (l.strip() for l in baseline.splitlines()) if line]
    title = _title(tree, meta_title)
    meta = _meta_lines(tree, lines) if tree is not None else []
    head = [title] if title and not any(_same(title, line) for line in lines[:6]) else []
    text = "\n".join(head + meta + lines).strip() + "\n"
    links = attachment_links(tree, base_url) if tree is not None else []
    if require_text and sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") < 20:
        raise IngestError(gettext("网页中没有读到正文"))
    return Extracted(text=text, format="html", title=title, links=links)


def extract_mht(data: bytes) -> Extracted:
    """A "single file web page" (.mht, also saved by Word as .doc): its HTML part."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            result = extract_html(payload, charset=part.get_content_charset())
            result.format = "mht"
            return result
    raise IngestError(gettext("单个文件网页 (.mht) 中没有网页内容"))


def _same(a: str, b: str) -> bool:
    a, b = re.sub(r"\s+", "", a), re.sub(r"\s+", "", b)
    return bool(a) and (a == b or (len(a) >= 8 and (a in b or b in a)))


def _xml_lines(element, lines: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == "table":
            lines += _table_lines(child)
        elif tag == "list":
            for item in child.iter("item"):
                text = _flat(item)
                if text:
                    lines.append(text)
        elif tag in ("p", "head", "quote", "code", "item"):
            for piece in _flat(child, keep_breaks=True).split("\n"):
                if piece.strip():
                    lines.append(piece.strip())
        elif len(child):
            _xml_lines(child, lines)
        elif (child.text or "").strip():
            lines.append(_WS.sub(" ", child.text).strip())


def _flat(el, keep_breaks: bool = False) -> str:
    parts: list[str] = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for sub in node:
            if sub.tag == "lb":
                parts.append("\n" if keep_breaks else " ")
            else:
                walk(sub)
            if sub.tail:
                parts.append(sub.tail)

    walk(el)
    text = "".join(parts)
    if keep_breaks:
        return "\n".join(_WS.sub(" ", line).strip() for line in text.split("\n"))
    return _WS.sub(" ", text.replace("\n", " ")).strip()


def _table_lines(table) -> list[str]:
    out = []
    for row in table.iter("row"):
        cells = [_flat(cell) for cell in row.iterchildren("cell")]
        non_empty = [c for c in cells if c]
        if not non_empty:
            continue
        pairs = _meta_pairs(cells)
        if pairs:
            out += pairs  # 文号 | 某政办〔2024〕3号 | 发布日期 | 2024-03-05: one "label：value" a line
        elif len(set(non_empty)) == 1:
            out.append(non_empty[0])  # a heading row across the table
        else:
            out.append("\t".join(cells))
    return out


def _meta_pairs(cells: list[str]) -> list[str]:
    """The label/value pairs of a metadata row, or [] when the row is not one."""
    cells = [c for c in cells if c]
    if len(cells) < 2 or len(cells) % 2:
        return []
    labels = cells[0::2]
    if not all(len(l) <= 10 and re.match(r"^[\u4e00-\u9fff\s]+[:：]?$", l) for l in labels):
        return []
    if not any(META_LINE.match(l.rstrip(":：") + "：") for l in labels):
        return []
    return [f"{l.rstrip(':：').strip()}：{v}" for l, v in zip(labels, cells[1::2])]


def _title(tree, meta_title: str | None) -> str | None:
    candidates = []
    if tree is not None:
        for xpath in ("//h1", "//*[contains(@class,'title')]", "//h2"):
            for el in tree.xpath(xpath)[:3]:
                text = _WS.sub(" ", el.text_content()).strip()
                if 6 <= len(text) <= 150 and re.search(r"[\u4e00-\u9fff]", text):
                    candidates.append(text)
    if meta_title:
        candidates.append(SITE_SUFFIX.sub("", meta_title).strip())
    # the longest heading that the <title> also carries, else the first heading
    for c in candidates:
        if meta_title and c in meta_title and len(c) >= 6:
            return c
    return candidates[0] if candidates else None


def _meta_lines(tree, lines: list[str]) -> list[str]:
    """Metadata lines of the page (文号, 发布日期 …) that the main text does not have."""
    present = "\n".join(lines[:40])
    found: list[str] = []
    body = tree.find("body")
    if body is None:
        return []
    for el in body.iter("tr", "p", "div", "span", "li", "td"):
        if el.tag in ("div", "span", "td", "li") and len(el):
            # only leaf-ish containers: a div of blocks is looked at through its children
            if any(child.tag in ("div", "p", "table", "ul") for child in el):
                continue
        text = _WS.sub(" ", el.text_content()).strip()
        if not text or len(text) > 200 or not re.search(r"[:：]", text):
            continue
        if el.tag == "tr":
            cells = [_WS.sub(" ", td.text_content()).strip() for td in el.iterchildren("td", "th")]
            for pair in _meta_pairs(cells):
                if pair not in found and not _in(pair, present):
                    found.append(pair)
            continue
        value = re.split(r"[:：]", text, 1)[-1].strip()
        if META_LINE.match(text) and len(value) >= 2 and text not in found and not _in(text, present):
            found.append(text)
        if len(found) >= 10:
            break
    return found


def _in(line: str, text: str) -> bool:
    value = re.split(r"[:：]", line, 1)[-1].strip()
    return bool(value) and re.sub(r"\s+", "", value) in re.sub(r"\s+", "", text)


def attachment_links(tree, base_url: str | None) -> list[tuple[str, str]]:
    """Links to attachments (PDF, Word, WPS, OFD): [(absolute URL, link text)], in page order, once each."""
    seen, out = set(), []
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        label = _WS.sub(" ", a.text_content()).strip()
        path = unquote(urlsplit(href).path).lower()
        if not (path.endswith(ATTACHMENT_SUFFIXES) or label.lower().endswith(ATTACHMENT_SUFFIXES)):
            continue
        url = urljoin(base_url, href) if base_url else href
        if url in seen:
            continue
        seen.add(url)
        out.append((url, label))
    return out
