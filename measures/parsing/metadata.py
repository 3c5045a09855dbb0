"""Document-level fields: title, covering notice, issuer, 文号, region, dates, status.

Sources, in order of trust: the covering notice title ("X关于印发《Y》的通知"),
the portal's metadata table (索引号/发布机构/发文日期/文号/效力状态 ...), the
signature block (organisation + date lines), and finally the body text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .knowledge import Gazetteer
from .structure import CN_DIGITS, DATE_LINE, ORG_LINE, match_numbering
from .text import fold, fold_same_length

# metadata labels (Simplified; lines are folded before matching) -> field
META_LABELS = {
    "索引号": "index", "主题分类": "topic", "组配分类": "topic", "体裁分类": "topic", "主题词": "keywords",
    "发布机构": "issuer", "发文机关": "issuer", "发布单位": "issuer", "发文单位": "issuer", "制发机关": "issuer",
    "发布机关": "issuer", "发文机构": "issuer", "制发机构": "issuer", "成文机构": "issuer", "成文机关": "issuer", "来源": "source", "信息来源": "source", "文章来源": "source",
    "发文日期": "published", "发布日期": "published", "发布时间": "published", "公开日期": "published",
    "印发日期": "published", "时间": "published", "日期": "published",
    "成文日期": "signed", "签发日期": "signed", "成文时间": "signed",
    "文号": "doc_number", "发文字号": "doc_number", "发布文号": "doc_number", "文件编号": "doc_number",
    "文件字号": "doc_number",
    "有效性": "status", "效力状态": "status", "时效性": "status", "时效": "status", "是否有效": "status",
    "有效状态": "status", "效力": "status",
    "名称": "title", "标题": "title", "信息名称": "title", "文件名称": "title",
    "关键词": "keywords", "内容概述": "summary", "浏览次数": "views", "专栏": "column",
    "生效日期": "effective", "废止日期": "repealed", "失效日期": "repealed",
    "生成日期": "generated", "分类": "topic", "统一编号": "index", "规范性文件统一编号": "index", "登记号": "index",
}
_LABEL_ALT = "|".join(r"\s*".join(map(re.escape, k)) for k in sorted(META_LABELS, key=len, reverse=True))
LABEL_COLON = re.compile(rf"(?:^|(?<=[\s|｜丨]))(?P<label>{_LABEL_ALT})\s*[:：]\s*")
LABEL_SPACED = re.compile(rf"(?:^|(?<=\s))(?P<label>{_LABEL_ALT})\s+(?=\S)")
LABEL_BRACKETED = re.compile(rf"[\[【]\s*(?P<label>{_LABEL_ALT})\s*[\]】]\s*[:：]?\s*")
LABEL_ALONE = re.compile(rf"^(?P<label>{_LABEL_ALT})\s*[:：]?$")

GENRE = re.compile(r"方案|意见|措施|办法|规定|计划|规划|细则|条例|纲要|决定|要点|若干|通知|实施|行动|政策|指引|指南|制度|规则|清单|工作|任务")
NOTICE = re.compile(r"^(?P<issuer>.{0,60}?)(?:关于(?P<verb>印发|转发|公开征求|征求|发布|公布|下发|颁布|出台|修订印发|重新印发|废止)|"
                    r"(?<=[厅室府委局会院部])(?:印发|转发)(?=《))"
                    r"(?P<rest>.+?)(?:的)?(?:通知|通告|公告|函)$")
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}[〔\[【(（［﹝]\s*((?:19|20)\d{2})\s*[〕\]】)）］﹞]\s*\d{1,4}\s*[号號]")
DRAFT = re.compile(r"征求意见稿|公开征求|征求意见的通知|草案")
EXPIRED = re.compile(r"失效|废止|已废止|已失效|不再有效|停止执行|已修订")


@dataclass
class Header:
    """What the first pass over the lines found."""

    meta: dict[str, str] = field(default_factory=dict)
    meta_lines: set[int] = field(default_factory=set)
    notice_title: str | None = None
    notice_line: int | None = None
    title: str | None = None
    body_start: int = 0
    signer: str | None = None
    signed_date: str | None = None
    expired_mark: bool = False  # the title line carries "（已废止）"


def parse_date(s: str | None, *, allow_month_only: bool = False) -> str | None:
    if not s:
        return None
    s = s.strip()
    m = re.search(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", s)
    if m:
        y, mo, d = map(int, m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
        return None
    m = re.search(rf"([{CN_DIGITS}○Ｏ]{{4}})\s*年\s*([{CN_DIGITS}]{{1,3}})\s*月\s*([{CN_DIGITS}]{{1,3}})\s*日?", s)
    if m:
        from .structure import parse_cn_number
        y = int("".join(str(parse_cn_number(c) if c not in "○Ｏ" else 0) for c in m.group(1)))
        mo, d = parse_cn_number(m.group(2)), parse_cn_number(m.group(3))
        if y and mo and d and 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def parse_meta(lines: list[str], limit: int) -> tuple[dict[str, str], set[int]]:
    """Labelled metadata values found in the first ``limit`` lines (and the last 15)."""
    meta: dict[str, str] = {}
    used: set[int] = set()
    idx = list(range(min(limit, len(lines)))) + list(range(max(limit, len(lines) - 15), len(lines)))
    for i in idx:
        line = lines[i]
        if len(line) > 300:
            continue
        if "[" in line or "【" in line:
            line = LABEL_BRACKETED.sub(r"\g<label>：", line)  # "[发文字号] 渝北府办发〔2023〕51号"
        f = fold_same_length(line)
        alone = LABEL_ALONE.match(f)
        if alone and i + 1 < len(lines) and not LABEL_ALONE.match(fold_same_length(lines[i + 1])):
            key = META_LABELS[re.sub(r"\s+", "", alone.group("label"))]
            meta.setdefault(key, lines[i + 1].strip())
            used.update((i, i + 1))
            continue
        hits = list(LABEL_COLON.finditer(f))
        if not hits:
            # a table row without colons: "索引号 SY0000123 主题分类 综合政务"
            cells = list(LABEL_SPACED.finditer(f))
            if cells and cells[0].start() == 0 and (len(cells) >= 2 or len(f) <= 60):
                for j, c in enumerate(cells):
                    end = cells[j + 1].start() if j + 1 < len(cells) else len(line)
                    value = line[c.end():end].strip(" \t|｜丨")
                    if value:
                        meta.setdefault(META_LABELS[re.sub(r"\s+", "", c.group("label"))], value)
                used.add(i)
            continue
        if hits[0].start() > 0 and not re.match(r"^[\s|｜丨]*$", f[:hits[0].start()]):
            # a label in the middle of a sentence is not metadata
            if len(hits) < 2:
                continue
        for j, h in enumerate(hits):
            key = META_LABELS[re.sub(r"\s+", "", h.group("label"))]
            if key in ("published",) and h.group("label") in ("时间", "日期") and not re.match(
                    r"\s*(?:19|20)\d{2}", f[h.end():]):
                continue
            end = hits[j + 1].start() if j + 1 < len(hits) else len(line)
            value = line[h.end():end].strip(" \t|｜丨")
            if value:
                meta.setdefault(key, value)
        used.add(i)
    return meta, used


STATUS_MARK = re.compile(r"\s*[(（【\[]\s*(?:已|该文件已)?(?:失效|废止|作废|廢止)\s*[)）】\]]\s*$")


def clean_title(s: str) -> str:
    s = s.strip().strip("《》").strip()
    m = STATUS_MARK.search(fold_same_length(s))
    if m:
        s = s[:m.start()]
    s = re.sub(r"\s*[(（]\s*(?:征求意见稿|送审稿|草案|试行草案)\s*[)）]\s*$", "", s)
    s = re.sub(r"\s*[(（]\s*(?:征求意见稿|送审稿|草案)\s*[)）]\s*", "", s)
    return s.strip().strip("《》").strip()


def title_from_notice(notice: str) -> str | None:
    m = re.search(r"《(.+)》", notice)
    if m:
        return clean_title(m.group(1))
    m = NOTICE.match(fold_same_length(notice))
    if m:
        return clean_title(notice[m.start("rest"):m.end("rest")])
    return None


def _norm(s: str) -> str:
    return re.sub(r"[\s《》“”\"'()（）\[\]〔〕【】,，。、:：—\-]", "", fold(s or ""))


def is_title_like(line: str) -> bool:
    f = fold(line)
    return (5 <= len(line) <= 90 and not f.endswith(("。", "；", "，")) and bool(GENRE.search(f))
            and match_numbering(line) is None and not LABEL_COLON.search(f)
            and not re.match(r"^(?:为|根据|按照|经|现将|各)", f))


def scan_header(lines: list[str], page_title: str | None = None) -> Header:
    h = Header()
    first_num = next((i for i, l in enumerate(lines) if match_numbering(l) and re.match(
        r"^(?:一|第一|[(（]一[)）]|1[.、．])", l)), len(lines))
    h.meta, h.meta_lines = parse_meta(lines, max(40, first_num))
    # covering notice
    for i, line in enumerate(lines[:max(first_num, 1) + 5]):
        line = line.strip().strip("《》")
        mark = STATUS_MARK.search(fold_same_length(line))
        if mark:  # "…的通知（已废止）"
            line = line[:mark.start()]
        f = fold_same_length(line.strip().strip("《》"))
        if len(f) <= 150 and NOTICE.match(f) and i not in h.meta_lines:
            h.notice_title, h.notice_line = line.strip().strip("《》").strip(), i
            prev = lines[i - 1].strip() if i > 0 else ""
            if f.startswith("关于") and i - 1 not in h.meta_lines and ORG_LINE.match(prev):
                # "绵阳市人民政府办公室" / "关于印发…的通知": the issuer on the line above
                h.notice_title = prev + h.notice_title
            h.expired_mark = bool(mark)
            break
        # a long notice title wrapped over two lines
        if "关于" in f and len(f) <= 100 and i + 1 < len(lines) and i not in h.meta_lines \
                and not f.endswith(("。", "：", ":")) and match_numbering(line) is None:
            nxt = lines[i + 1].strip()
            both = line.strip() + nxt
            fb = fold_same_length(both)
            if len(nxt) <= 60 and len(fb) <= 150 and re.search(r"(?:通知|通告|公告|函)$", fb) and NOTICE.match(fb):
                h.notice_title, h.notice_line = both.strip("《》").strip(), i + 1
                break
    if h.notice_title is None and h.meta.get("title") and NOTICE.match(fold(h.meta["title"])):
        h.notice_title = h.meta["title"].strip().strip("《》")
    # title
    if h.notice_title:
        h.title = title_from_notice(h.notice_title)
    if not h.title and h.meta.get("title"):
        h.title = clean_title(h.meta["title"])
    parts = [p for p in re.split(r"\s*[-_|｜]\s*", page_title or "") if GENRE.search(fold(p))]
    if not h.title:
        # the page's <title> names the document: its line in the text beats menu entries above it
        # ("政府信息公开指南")
        wanted = {_norm(clean_title(p)) for p in parts}
        candidates = [i for i, line in enumerate(lines[:first_num]) if i not in h.meta_lines and is_title_like(line)]
        named = [i for i in candidates if _norm(clean_title(lines[i])) in wanted]
        if named or candidates:
            h.title = clean_title(lines[(named or candidates)[0]])
    if not h.title and parts:
        h.title = clean_title(max(parts, key=len))
    # body start: the policy title repeated after the notice, else after the notice's signature
    start_from = (h.notice_line + 1) if h.notice_line is not None else 0
    want = _norm(h.title) if h.title else None
    body = None
    if want:
        for i in range(start_from, len(lines)):
            n = _norm(clean_title(lines[i]))
            if n == want or (len(want) > 8 and n.startswith(want) and len(n) <= len(want) + 8):
                if any(match_numbering(l) for l in lines[i + 1:i + 400]):
                    body = i + 1
                    if h.notice_line is not None:
                        break
                    # without a notice the first occurrence that is followed by text wins
                    break
    sig_zone_end = body if body is not None else None
    if h.notice_line is not None:
        zone = range(h.notice_line + 1, sig_zone_end if sig_zone_end else min(len(lines), h.notice_line + 40))
        for i in zone:
            if DATE_LINE.match(lines[i]) or re.match(r"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日?$", lines[i]):
                h.signed_date = parse_date(lines[i])
                if i > 0 and ORG_LINE.match(lines[i - 1]):
                    h.signer = lines[i - 1]
                if body is None:
                    body = i + 1
                break
    if body is None:
        body = (h.notice_line + 1) if h.notice_line is not None else 0
    h.body_start = body
    if h.signed_date is None:
        # a signature at the end of the document
        tail = lines[-12:]
        for j in range(len(tail) - 1, -1, -1):
            if DATE_LINE.match(tail[j]):
                h.signed_date = parse_date(tail[j])
                if j > 0 and ORG_LINE.match(tail[j - 1]):
                    h.signer = h.signer or tail[j - 1]
                break
    return h


def document_fields(h: Header, lines: list[str], gaz: Gazetteer, script: str) -> dict:
    meta = h.meta
    issuer = None
    if h.notice_title:
        m = NOTICE.match(fold_same_length(h.notice_title))
        if m and m.group("issuer"):
            issuer = h.notice_title[:len(m.group("issuer"))].strip()
    if issuer and _SELF_REFERENCE.match(issuer):
        # "市政府关于印发…": the signature or the metadata names the body in full
        fuller = next((c.strip() for c in (h.signer, meta.get("issuer"))
                       if c and len(c.strip()) > len(issuer) and fold(c.strip())[-2:] == fold(issuer)[-2:]), None)
        issuer = fuller or issuer
    if not issuer and meta.get("issuer"):
        issuer = meta["issuer"].strip()
    if not issuer and h.signer:
        issuer = h.signer
    if not issuer and h.title:
        m = re.match(r"^(.{2,40}?)关于", fold_same_length(h.title))
        if m:
            issuer = h.title[:len(m.group(1))]
    if not issuer:
        issuer = _issuer_from_text(lines[:h.body_start + 10]) or (meta.get("source") or "").strip() or None
    if issuer:
        issuer = re.split(r"\s{2,}|[|｜]", issuer)[0].strip() or None
    if issuer and meta.get("issuer") and " " in issuer:
        # joint issuers set side by side in the notice ("中共洛阳市委办公室 洛阳市人民政府办公室")
        # and listed with 、 in the metadata table: the table writes them out
        listed = meta["issuer"].strip()
        if re.sub(r"[\s、，,]", "", listed) == re.sub(r"\s", "", issuer):
            issuer = listed
    if issuer and " " in issuer:
        parts = issuer.split()
        if len(parts) > 1 and all(ORG_LINE.match(p) for p in parts):
            issuer = "、".join(parts)  # joint issuers, listed as the spec writes them ("省委、省政府")

    doc_number = None
    raw_no = meta.get("doc_number")
    if raw_no is not None:
        m = DOC_NUMBER.search(raw_no.replace(" ", ""))
        doc_number = m.group(0) if m else None
    if doc_number is None and (raw_no is None or not re.match(r"^\s*(?:无|/|-|—)?\s*$", raw_no)):
        for line in lines[:max(h.body_start, 1) + 3]:
            m = DOC_NUMBER.fullmatch(line.strip().strip("()（）"))
            if m:
                doc_number = m.group(0)
                break
    if doc_number:
        doc_number = re.sub(r"\s+", "", doc_number)
        doc_number = re.sub(r"[\[【(（［﹝]((?:19|20)\d{2})[\]】)）］〕﹞]", r"〔\1〕", doc_number)
        doc_number = re.sub(r"〔((?:19|20)\d{2})[\]】)）］﹞]", r"〔\1〕", doc_number)

    # 生成日期 (the portal's record date) stands for the publication date when no other is given
    published = parse_date(meta.get("published")) or parse_date(meta.get("generated"))
    signed = parse_date(meta.get("signed")) or h.signed_date

    head_text = " ".join(filter(None, [h.notice_title, h.title, " ".join(lines[:h.body_start + 3])]))
    status = "in_force"
    if DRAFT.search(fold(head_text)) and re.search(r"征求意见稿|公开征求|草案", fold(" ".join(filter(None, [h.notice_title, h.title])) + " ".join(lines[h.body_start:h.body_start + 3]) + " ".join(lines[:h.body_start]))):
        status = "draft"
    if status != "draft" and h.expired_mark:
        status = "expired"
    elif status != "draft":
        st = fold(meta.get("status") or "")
        if st and EXPIRED.search(st) and "现行有效" not in st:
            status = "expired"
        elif any(len(l) <= 40 and re.search(r"(?:该|本)(?:文件|政策|规定|办法)?(?:已)?(?:失效|废止)|^已(?:失效|废止)$",
                                              fold(l)) for l in lines[:h.body_start + 5] + lines[-10:]):
            status = "expired"

    region = resolve_region(gaz, [issuer, h.notice_title, h.title, meta.get("source"),
                                  " ".join(lines[h.body_start:h.body_start + 30])])
    return {
        "title": h.title,
        "notice_title": h.notice_title,
        "issuer": issuer,
        "doc_number": doc_number,
        "province": region.get("province"),
        "city": region.get("city"),
        "district": region.get("district"),
        "level": region.get("level"),
        "signed_date": signed,
        "published_date": published,
        "status": status,
        "script": script,
    }


# an issuer written without its place name ("市政府", "省政府办公厅", "区市场监管局")
_SELF_REFERENCE = re.compile(r"^(?:市|省|区|县|州|自治区|自治州|旗|盟)(?:委|政府|人民政府|[\u4e00-\u9fff]{1,12}(?:局|委|办|厅))")


def _issuer_from_text(lines: list[str]) -> str | None:
    for line in lines:
        m = re.search(r"([\u4e00-\u9fff]{2,20}(?:人民政府办公室|人民政府办公厅|人民政府|委员会|管理局|监督管理局|局))(?:印发|发布)", line)
        if m:
            return m.group(1)
    return None


TRUSTED_SOURCES = 3  # issuer, notice title, title


def resolve_region(gaz: Gazetteer, sources: list[str | None]) -> dict:
    """Region of the issuer: the first source naming a known region decides."""
    empty = {"province": None, "city": None, "district": None, "level": None}
    if not gaz:
        return empty
    folded = [fold(src) if src else src for src in sources]
    mentioned_cache: list[set] = []

    def mentioned() -> set:
        """Regions named unambiguously anywhere in the sources (computed only for ambiguous names)."""
        if not mentioned_cache:
            all_found = []
            for src in folded:
                if src:
                    all_found += gaz.find(src)
            mentioned_cache.append({r["code"] for _, _, cands in all_found for r in cands if len(cands) == 1})
        return mentioned_cache[0]

    # The issuer, notice and title are trusted with short names too ("延边州人民政府"
    # is 延边朝鲜族自治州 even when the body names 吉林省); the rest only after
    # every full name has been looked for.
    trusted = [(i, short) for i in range(min(TRUSTED_SOURCES, len(folded))) for short in (False, True)]
    rest = [(i, short) for short in (False, True) for i in range(TRUSTED_SOURCES, len(folded))]
    for i, short in trusted + rest:
        src = folded[i]
        if not src:
            continue
        found = gaz.find(src, short=short)
        if not found:
            continue
        best = None
        for _, name, cands in found:
            if len(cands) > 1:
                ctx = [c for c in cands if any(a["code"] in mentioned() for a in gaz.ancestors(c))]
                if len(ctx) != 1:
                    # ambiguous name: prefer one under an already chosen region
                    ctx = [c for c in cands if best and best["code"] in {a["code"] for a in gaz.ancestors(c)}]
                if len(ctx) != 1:
                    continue
                cand = ctx[0]
            else:
                cand = cands[0]
            if best is None:
                best = cand
            elif best["code"] in {a["code"] for a in gaz.ancestors(cand)}:
                best = cand  # more specific, consistent with what we have
            elif short is False and best["level"] == "province" and cand["level"] != "province" \
                    and best["code"] not in {a["code"] for a in gaz.ancestors(cand)}:
                continue
        if best is not None:
            if not short and i < TRUSTED_SOURCES and best["level"] != "district":
                # "吉林省延边州人民政府": a short name under the full one is more specific
                taken = [(pos, pos + len(name)) for pos, name, _ in found]
                for pos, _, cands in gaz.find(src, short=True):
                    if any(a <= pos < b for a, b in taken):
                        continue
                    under = [c for c in cands if best["code"] in {a["code"] for a in gaz.ancestors(c)}]
                    if len(under) == 1:
                        best = under[0]
                        break
            return gaz.describe(best)
    return empty
