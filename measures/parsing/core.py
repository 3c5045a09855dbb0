"""parse_document: raw bytes/text -> the dict of ../shared/spec/parse-format.md."""
from __future__ import annotations

import re

from .decode import decode_bytes
from .classify import classify_ip_types, classify_themes
from .errors import ParseError
from .knowledge import Knowledge, default_knowledge
from .metadata import document_fields, scan_header
from .structure import build_outline, is_background, is_general, is_lead_in, measure_nodes, split_title
from .targets import YEAR_AT, extract_targets
from .text import MAX_CHARS, fold_same_length, SIMPLIFIED_ONLY, clean_text, has_traditional, detect_script, html_to_text, looks_like_html, split_lines, task_tables_as_items
from .units import CHAPTER_SCOPE, FIRST_IS_LEAD, extract_units, is_unit_like, strip_units

ANCHOR_LEN = 20
_HAN = re.compile(r"[\u4e00-\u9fff]")


def parse_document(data: bytes | str, *, source: str, knowledge: Knowledge | None = None) -> dict:
    token = SIMPLIFIED_ONLY.set(False)
    try:
        return _parse_document(data, source=source, knowledge=knowledge)
    finally:
        SIMPLIFIED_ONLY.reset(token)


def _parse_document(data: bytes | str, *, source: str, knowledge: Knowledge | None = None) -> dict:
    """Parse one raw document.

    Returns {"source", "document", "measures", "targets"}; each measure also
    carries "text" (its full text as written, title included, numbering
    excluded) and "units_detail" ([{"name", "role"}]); the document carries
    "body_text" (the operative text after the covering notice).
    Raises ParseError with a readable reason when the file cannot be parsed.
    """
    knowledge = knowledge or default_knowledge()
    decoded = decode_bytes(data)
    text = decoded.text
    page_title = None
    if looks_like_html(text):
        text, page_title = html_to_text(text)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
    text = task_tables_as_items(clean_text(text))
    # a document without a single Traditional character needs no folding at all (saves a check per call)
    SIMPLIFIED_ONLY.set(not has_traditional(text))
    lines = split_lines(text)
    if _han_count(text[:50000]) < 20:
        raise ParseError("no Chinese text found (not a policy document?)")
    header = scan_header(lines, page_title)
    script = detect_script(text)
    body_lines = [l for i, l in enumerate(lines[header.body_start:], header.body_start)
                  if i not in header.meta_lines]
    outline = build_outline(body_lines)
    nodes = measure_nodes(outline)
    if not nodes:
        raise ParseError("no numbered measures found in the document")
    document = document_fields(header, lines, knowledge.gazetteer, script)
    doc_year = _doc_year(document)
    plan_year = _plan_year(document)

    measures, targets = [], []
    heading_units = {id(n): _units_from_headings(n) for n in nodes}
    lead_chapters = any(u["role"] == "lead" for units in heading_units.values() for u in units)
    splits = {id(n): split_title(n.text, article=n.kind == "article") for n in nodes}
    articles = [n for n in nodes if n.kind == "article"]
    if len(articles) >= 5 and sum(1 for n in articles if splits[id(n)][0]) < 0.35 * len(articles):
        # articles written as rules ("市场监督管理部门应当…"): the few that open with a short
        # sentence have no heading either
        for n in articles:
            splits[id(n)] = (None, n.text)
    for ordinal, node in enumerate(nodes, 1):
        full = node.text
        # a chapter headed by its unit ("（一）县市场监管局牵头的任务") gives that unit to each
        # item, before the item's own units (its 配合单位)
        own = extract_units(full)
        heading = heading_units[id(node)]
        if heading and heading[0]["role"] is None and (
                lead_chapters or (own and all(u["role"] == "support" for u in own))):
            # the item names only its 配合单位, or the document splits its tasks by 牵头 unit
            # ("一、市市场监管局牵头的任务" … "二、市公安局"): the chapter's unit leads it
            heading = [dict(u, role="lead") if i == 0 else u for i, u in enumerate(heading)]
        units = _merge_units(heading, own)
        body_wo_units = strip_units(full)
        title, body = splits[id(node)]
        if title:
            title = title.rstrip("。").strip()
        anchor_src = strip_units(body) if title else body_wo_units
        anchor = re.sub(r"\s+", "", anchor_src)[:ANCHOR_LEN] or re.sub(r"\s+", "", full)[:ANCHOR_LEN]
        path = [a.heading for a in node.ancestors() if not is_lead_in(a)]
        # the number as written, without punctuation or the 第…条 frame: "1", "十九", "三"
        label = node.label if node.kind in ("dec2", "dec3") else re.sub(r"[\s()（）〔〕【】\[\].．、,，:：]", "", node.label)
        measures.append({
            "ordinal": ordinal,
            "path": path,
            "label": label,
            "title": title,
            "anchor": anchor,
            "units": [u["name"] for u in units],
            "lead_units": [u["name"] for u in units if u["role"] == "lead"],
            "themes": classify_themes(knowledge, title, body_wo_units, path[-1:]),
            "ip_types": classify_ip_types(knowledge, title, body_wo_units),
            "text": full,
            "units_detail": units,
        })
        targets += extract_targets(body_wo_units, measure=ordinal, doc_year=doc_year, plan_year=plan_year,
                                   year=_deadline(full))

    _chapter_units(nodes, measures)
    if FIRST_IS_LEAD.search(fold_same_length("\n".join(body_lines))):
        # "列第一位者为牵头单位，下同": the first unit named leads wherever no role is written
        for m in measures:
            if m["units"] and not m["lead_units"]:
                m["lead_units"] = m["units"][:1]
                m["units_detail"][0] = dict(m["units_detail"][0], role="lead")

    # document-level targets: the preamble, general-requirements chapters, unnumbered chapters
    measure_ids = {id(n) for n in nodes}
    doc_chunks = [(line, None) for line in outline.preamble]
    for node in outline.nodes:
        if id(node) in measure_ids or is_background(node):
            continue
        if is_general(node) or not node.children:
            doc_chunks.append((node.text, _inherited_year(node)))
        elif node.extra:
            doc_chunks.append(("\n".join(node.extra), _inherited_year(node)))
    doc_targets = []
    for chunk, year in doc_chunks:
        doc_targets += extract_targets(strip_units(chunk), measure=None, doc_year=doc_year, plan_year=plan_year,
                                       year=year)
    targets = doc_targets + targets

    document["body_text"] = "\n".join(body_lines)
    return {"source": source, "document": document, "measures": measures, "targets": targets,
            "encoding": decoded.encoding}


def _han_count(text: str) -> int:
    head = text[:4000]
    n = len(head) - len(_HAN.sub("", head))
    if n >= 20 or len(text) <= 4000:
        return n
    return len(text) - len(_HAN.sub("", text))


def _inherited_year(node) -> int | None:
    """The deadline a goals chapter states for its items ("（一）工作目标 到2024年，…" over "1.…达到12件")."""
    for anc in reversed(node.ancestors()):
        years = YEAR_AT.findall(fold_same_length(anc.text))
        if years:
            return int(next(g for g in years[-1] if g))
    return None


_DEADLINE = re.compile(r"[(（]\s*(?:完成时限[:：]\s*)?((?:19|20)\d{2})\s*年[^()（）]{0,8}?(?:底|末)?(?:以?前|之前)"
                       r"(?:完成|落实|实现|到位)?\s*[)）]|完成时限[:：]\s*((?:19|20)\d{2})\s*年")


def _deadline(text: str) -> int | None:
    """A task's own deadline note ("（2025年底前完成）", "完成时限：2024年12月底前"): the year of its targets."""
    m = _DEADLINE.search(fold_same_length(text))
    return int(m.group(1) or m.group(2)) if m else None


def _plan_year(document: dict) -> int | None:
    """The year of an annual plan ("2024年绍兴市知识产权工作要点"): its 全年 and 今年 mean that year."""
    title = document.get("title") or ""
    m = re.search(r"((?:19|20)\d{2})\s*年(?:度)?(?![—\-－~～至到]|\d)", title)
    if m and re.search(r"要点|计划|安排|任务|清单|方案", title) and not re.search(r"(?:19|20)\d{2}\s*[—\-－~～至到]", title):
        return int(m.group(1))
    return None


def _doc_year(document: dict) -> int | None:
    for key in ("signed_date", "published_date"):
        if document.get(key):
            return int(document[key][:4])
    m = re.search(r"((?:19|20)\d{2})", document.get("title") or "")
    return int(m.group(1)) if m else None


def _chapter_units(nodes, measures: list[dict]) -> None:
    """Responsibility stated once for a chapter, on its own line after the last measure
    ("（以上任务由市市场监管局牵头，市公安局配合）", or a bare "责任单位：…" when no other
    measure of the chapter names any): every measure of the chapter without units of its own
    gets it."""
    groups: dict[int, list[int]] = {}
    for i, node in enumerate(nodes):
        if node.parent is not None:
            groups.setdefault(id(node.parent), []).append(i)
    for idx in groups.values():
        if len(idx) < 2:
            continue
        last = nodes[idx[-1]]
        line = last.extra[-1] if last.extra else ""
        units = extract_units(line) if line else []
        if not units or not _only_responsibility(line, units):
            # "…推动知识产权保护进校园。（以上任务由市市场监管局牵头，…配合）" at the end of its paragraph
            inline = re.search(r"[(（]\s*(?:以上|上述)[^。]*$", last.text)
            line = inline.group() if inline else ""
            units = extract_units(line) if line else []
            if not units:
                continue
        scoped = CHAPTER_SCOPE.search(re.sub(r"^[(（〔【\s]+", "", line))
        if not scoped and any(measures[i]["units"] for i in idx[:-1]):
            continue
        for i in idx[:-1]:
            m = measures[i]
            if not m["units"]:
                m["units_detail"] = [dict(u) for u in units]
                m["units"] = [u["name"] for u in units]
                m["lead_units"] = [u["name"] for u in units if u["role"] == "lead"]


_ROLE_WORDS = re.compile(r"责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|主责单位|协办单位|以上|上述|任务|工作|"
                         r"按照?职责分工|分工|负责|牵头|配合|共同|分别|落实|等|由|各")


def _only_responsibility(line: str, units: list[dict]) -> bool:
    """The line names units and roles and nothing else."""
    rest = line
    for u in sorted(units, key=lambda u: -len(u["name"])):
        rest = rest.replace(u["name"], "")
    return _han_count(_ROLE_WORDS.sub("", rest)) <= 2


def _merge_units(first: list[dict], then: list[dict]) -> list[dict]:
    seen = {u["name"] for u in first}
    return first + [u for u in then if u["name"] not in seen]


def _units_from_headings(node) -> list[dict]:
    """A chapter headed by a unit ("一、市市场监管局" or "（一）市公安局牵头") gives its items that unit."""
    for anc in reversed(node.ancestors()):
        h = re.sub(r"(?:牵头|负责)(?:的?(?:任务|事项|工作))?$", "", anc.heading.strip())
        parts = [p for p in re.split(r"[、，,]", h) if p]
        if parts and all(is_unit_like(p) for p in parts):
            lead = bool(re.search(r"牵头(?:的?(?:任务|事项|工作))?$", anc.heading.strip()))
            return [{"name": p, "role": "lead" if lead and i == 0 else None} for i, p in enumerate(parts)]
    return []
