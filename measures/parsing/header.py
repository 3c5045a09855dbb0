"""Stage 5, header: title, covering notice, issuer, 文号, dates, status, region and level.

Sources, in order of trust: the covering notice title ("X关于印发《Y》的通知"),
the portal's metadata table (索引号/发布机构/发文日期/文号/效力状态 …), the
signature block (organisation + date lines), and finally the body text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon as L
from . import patterns as P
from . import text as T
from .context import ParseContext, rule
from .knowledge import Gazetteer
from .outline import match_numbering
from .text import parse_cn_number

_LABELS = "|".join(r"\s*".join(map(re.escape, k)) for k in sorted(L.META_LABELS, key=len, reverse=True))
LABEL_COLON = re.compile(rf"(?:^|(?<=[\s|｜丨]))(?P<label>{_LABELS})\s*[:：]\s*")
LABEL_SPACED = re.compile(rf"(?:^|(?<=\s))(?P<label>{_LABELS})\s+(?=\S)")
LABEL_BRACKETED = re.compile(rf"[\[【]\s*(?P<label>{_LABELS})\s*[\]】]\s*[:：]?\s*")
LABEL_ALONE = re.compile(rf"^(?P<label>{_LABELS})\s*[:：]?$")
CELL_EDGE = re.compile(r"^[\s|｜丨]*$")
YEAR_NEXT = re.compile(rf"\s*{P.YEAR}")

_NOTICE_END = f"(?:{'|'.join(L.NOTICE_ENDS)})"
NOTICE = re.compile(rf"^(?P<issuer>.{{0,60}}?)(?:关于(?P<verb>{'|'.join(L.NOTICE_VERBS)})|"
                    rf"(?<=[厅室府委局会院部])(?:印发|转发)(?=《))(?P<rest>.+?)(?:的)?{_NOTICE_END}$")
NOTICE_END = re.compile(rf"{_NOTICE_END}$")
STATUS_MARK = re.compile(r"\s*[(（【\[]\s*(?:已|该文件已)?(?:失效|废止|作废)\s*[)）】\]]\s*$")
DRAFT_MARK_END = re.compile(rf"\s*{P.PAREN_OPEN}\s*(?:{'|'.join(L.DRAFT_MARKS_AT_END)})\s*{P.PAREN_CLOSE}\s*$")
DRAFT_MARK = re.compile(rf"\s*{P.PAREN_OPEN}\s*(?:{'|'.join(L.DRAFT_MARKS)})\s*{P.PAREN_CLOSE}\s*")
QUOTED_TITLE = re.compile(r"《(.+)》")
TITLE_NOISE = re.compile(r"[\s《》“”\"'()（）\[\]〔〕【】,，。、:：—\-]")
SENTENCE_OPENER = re.compile(f"^(?:{'|'.join(L.SENTENCE_OPENERS)})")
FIRST_ITEM = re.compile(rf"^(?:一|第一|{P.PAREN_OPEN}一{P.PAREN_CLOSE}|1[.、．])")
TITLE_PARTS = re.compile(r"\s*[-_|｜]\s*")
DRAFT = re.compile("|".join(L.DRAFT_WORDS) + "|征求意见的通知")
DRAFT_STRONG = re.compile("|".join(L.DRAFT_WORDS))
EXPIRED = re.compile("|".join(L.EXPIRED_WORDS))
EXPIRED_NOTE = re.compile(r"(?:该|本)(?:文件|政策|规定|办法)?(?:已)?(?:失效|废止)|^已(?:失效|废止)$")
NO_NUMBER = re.compile(r"^\s*(?:无|/|-|—)?\s*$")
YEAR_BRACKETS = re.compile(rf"[{P.YEAR_OPEN.replace('〔', '')}]{P.YEAR_G}[{P.YEAR_CLOSE}]|〔{P.YEAR_G}[{P.YEAR_CLOSE.replace('〕', '')}]")
ISSUER_IN_TITLE = re.compile(r"^(.{2,40}?)关于")
ISSUER_CUT = re.compile(r"\s{2,}|[|｜]")
ISSUER_PARTS = re.compile(r"[\s、，,]+")
SELF_REFERENCE = re.compile(rf"^(?:{'|'.join(L.SELF_REFERENCE_PLACES)})(?:委|政府|人民政府|{P.HAN_CHAR}{{1,12}}(?:局|委|办|厅))")
ISSUER_IN_TEXT = re.compile(rf"({P.HAN_CHAR}{{2,20}}(?:{'|'.join(L.ISSUER_ENDS)}))(?:印发|发布)")
NATIONAL = re.compile(rf"^(?:国务院|{P.alternation(L.NATIONAL_ISSUERS + L.NATIONAL_MINISTRIES)})|"
                      rf"^国家(?!级){P.HAN_CHAR}{{2,12}}?(?:总局|局|署)(?:办公室|办公厅)?$|{'|'.join(L.NATIONAL_JOINT_MEETING)}")
TRUSTED_SOURCES = 3  # issuer, notice title, title
NO_REGION = {"province": None, "city": None, "district": None, "level": None}


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


@rule(stage="header", example="'2021年09月03日 18:30' → '2021-09-03'; '二〇二四年七月九日' → '2024-07-09'; '2022年12月' → None")
def parse_date(s: str | None) -> str | None:
    """An ISO date from a written date (digits with 年月日 - / ., or Chinese numerals); None when only
    the month is known or the day is impossible."""
    if not s:
        return None
    m = P.DATE_YMD.search(s.strip())
    if m:
        y, mo, d = map(int, m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = P.DATE_CN.search(s.strip())
    if m:
        y = int("".join(str(parse_cn_number(c) if c not in "○Ｏ" else 0) for c in m.group(1)))
        mo, d = parse_cn_number(m.group(2)), parse_cn_number(m.group(3))
        if y and mo and d and 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _key(label: str) -> str:
    return L.META_LABELS[P.WHITESPACE.sub("", label)]


@rule(stage="header", example="'索引号：SY001 发布日期：2024-12-02' → {'index': 'SY001', 'published': '2024-12-02'}")
def labelled_values(line: str, ctx: ParseContext) -> dict[str, str] | None:
    """Metadata on one line: "标签：值" pairs (several per row), or a colonless table row starting with
    a label ("索引号 SY0000123 主题分类 综合政务"). None: no metadata (a label in the middle of a
    sentence is none)."""
    f = ctx.fold_same(line)
    hits = list(LABEL_COLON.finditer(f))
    found: dict[str, str] = {}
    if not hits:
        cells = list(LABEL_SPACED.finditer(f))
        if not (cells and cells[0].start() == 0 and (len(cells) >= 2 or len(f) <= 60)):
            return None
        hits, plain = cells, True
    else:
        plain = False
        if hits[0].start() > 0 and not CELL_EDGE.match(f[:hits[0].start()]) and len(hits) < 2:
            return None
    for j, h in enumerate(hits):
        if not plain and h.group("label") in ("时间", "日期") and not YEAR_NEXT.match(f[h.end():]):
            continue
        end = hits[j + 1].start() if j + 1 < len(hits) else len(line)
        value = line[h.end():end].strip(" \t|｜丨")
        if value:
            found.setdefault(_key(h.group("label")), value)
    return found


def parse_meta(lines: list[str], limit: int, ctx: ParseContext) -> tuple[dict[str, str], set[int]]:
    """Labelled metadata values in the first ``limit`` lines (and the last 15); a label alone on its
    line takes the next line as its value."""
    meta: dict[str, str] = {}
    used: set[int] = set()
    for i in list(range(min(limit, len(lines)))) + list(range(max(limit, len(lines) - 15), len(lines))):
        line = lines[i]
        if len(line) > 300:
            continue
        if "[" in line or "【" in line:
            line = LABEL_BRACKETED.sub(r"\g<label>：", line)  # "[发文字号] 渝北府办发〔2023〕51号"
        alone = LABEL_ALONE.match(ctx.fold_same(line))
        if alone and i + 1 < len(lines) and not LABEL_ALONE.match(ctx.fold_same(lines[i + 1])):
            meta.setdefault(_key(alone.group("label")), lines[i + 1].strip())
            used.update((i, i + 1))
            continue
        found = labelled_values(line, ctx)
        if found is not None:
            for key, value in found.items():
                meta.setdefault(key, value)
            used.add(i)
    return meta, used


@rule(stage="header", example="'《沈阳市…方案（征求意见稿）》（已废止）' → '沈阳市…方案'")
def clean_title(s: str, ctx: ParseContext) -> str:
    """A title without 《》, a status mark (（已废止）) or a draft mark (（征求意见稿）)."""
    s = s.strip().strip("《》").strip()
    m = STATUS_MARK.search(ctx.fold_same(s))
    if m:
        s = s[:m.start()]
    s = DRAFT_MARK.sub("", DRAFT_MARK_END.sub("", s))
    return s.strip().strip("《》").strip()


@rule(stage="header", example="'沈阳市人民政府关于印发沈阳市…方案的通知' → '沈阳市…方案'")
def title_from_notice(notice: str, ctx: ParseContext) -> str | None:
    """The policy's title inside its covering notice: in 《》, else what the notice issues."""
    m = QUOTED_TITLE.search(notice)
    if m:
        return clean_title(m.group(1), ctx)
    m = NOTICE.match(ctx.fold_same(notice))
    return clean_title(notice[m.start("rest"):m.end("rest")], ctx) if m else None


def _norm(s: str, ctx: ParseContext) -> str:
    return TITLE_NOISE.sub("", ctx.fold(s or ""))


@rule(stage="header", example="'沈阳市知识产权保护工作方案' → True; '为加强知识产权保护，制定本方案。' → False")
def title_like(line: str, ctx: ParseContext) -> bool:
    """A line that could be the policy's title: short, names a genre (方案, 意见, 办法 …), no sentence."""
    f = ctx.fold(line)
    return (5 <= len(line) <= 90 and not f.endswith(("。", "；", "，")) and bool(P.GENRE.search(f))
            and match_numbering(line) is None and not LABEL_COLON.search(f) and not SENTENCE_OPENER.match(f))


@rule(stage="header", example="'…关于印发…方案的通知（已废止）' → ('…关于印发…方案的通知', True)")
def without_status_mark(line: str, ctx: ParseContext) -> tuple[str, bool]:
    """A title line without 《》 and without its expiry mark ("（已废止）"), and whether it had one."""
    line = line.strip().strip("《》")
    mark = STATUS_MARK.search(ctx.fold_same(line))
    return (line[:mark.start()] if mark else line), bool(mark)


@rule(stage="header", example="'沈阳市人民政府关于印发沈阳市…方案的通知' → True; '关于加强知识产权保护的意见' → False")
def is_notice(f: str) -> bool:
    """A covering notice's title (folded): "X关于印发《Y》的通知", "X印发《Y》的通知", at most 150 characters."""
    return len(f) <= 150 and bool(NOTICE.match(f))


@rule(stage="header", example="'宜昌市人民政府办公室关于印发宜昌市知识产权' + '保护和运用规划的通知' → the two joined")
def wrapped_notice(line: str, nxt: str, ctx: ParseContext) -> str | None:
    """A long notice title wrapped over two lines (the first without its 《》 and expiry mark)."""
    f = ctx.fold_same(line.strip().strip("《》"))
    if "关于" not in f or len(f) > 100 or f.endswith(("。", "：", ":")) or match_numbering(line) is not None:
        return None
    both = line.strip() + nxt.strip()
    fb = ctx.fold_same(both)
    if len(nxt.strip()) <= 60 and len(fb) <= 150 and NOTICE_END.search(fb) and NOTICE.match(fb):
        return both.strip("《》").strip()
    return None


def scan_header(lines: list[str], page_title: str | None, ctx: ParseContext) -> Header:
    h = Header()
    first_num = next((i for i, l in enumerate(lines) if match_numbering(l) and FIRST_ITEM.match(l)), len(lines))
    h.meta, h.meta_lines = parse_meta(lines, max(40, first_num), ctx)
    _find_notice(h, lines, first_num, ctx)
    _find_title(h, lines, page_title, first_num, ctx)
    _find_body_and_signature(h, lines, ctx)
    return h


def _find_notice(h: Header, lines: list[str], first_num: int, ctx: ParseContext) -> None:
    for i, raw in enumerate(lines[:max(first_num, 1) + 5]):
        if i in h.meta_lines:
            continue
        line, mark = without_status_mark(raw, ctx)
        f = ctx.fold_same(line.strip().strip("《》"))
        if is_notice(f):
            h.notice_title, h.notice_line, h.expired_mark = line.strip().strip("《》").strip(), i, mark
            prev = lines[i - 1].strip() if i > 0 else ""
            if f.startswith("关于") and i - 1 not in h.meta_lines and P.ORG_LINE.match(prev):
                h.notice_title = prev + h.notice_title  # "绵阳市人民政府办公室" / "关于印发…的通知"
            return
        both = wrapped_notice(line, lines[i + 1], ctx) if i + 1 < len(lines) else None
        if both:
            h.notice_title, h.notice_line = both, i + 1
            return
    if h.meta.get("title") and NOTICE.match(ctx.fold(h.meta["title"])):
        h.notice_title = h.meta["title"].strip().strip("《》")


def _find_title(h: Header, lines: list[str], page_title: str | None, first_num: int, ctx: ParseContext) -> None:
    if h.notice_title:
        h.title = title_from_notice(h.notice_title, ctx)
    if not h.title and h.meta.get("title"):
        h.title = clean_title(h.meta["title"], ctx)
    parts = [p for p in TITLE_PARTS.split(page_title or "") if P.GENRE.search(ctx.fold(p))]
    if not h.title:
        # the page's <title> names the document: its line in the text beats menu entries above it
        wanted = {_norm(clean_title(p, ctx), ctx) for p in parts}
        candidates = [i for i, line in enumerate(lines[:first_num]) if i not in h.meta_lines and title_like(line, ctx)]
        named = [i for i in candidates if _norm(clean_title(lines[i], ctx), ctx) in wanted]
        if named or candidates:
            h.title = clean_title(lines[(named or candidates)[0]], ctx)
    if not h.title and parts:
        h.title = clean_title(max(parts, key=len), ctx)


def _find_body_and_signature(h: Header, lines: list[str], ctx: ParseContext) -> None:
    """The body starts after the policy title repeated below the notice, else after the notice's
    signature; the signature gives the signing date (else one at the end of the document)."""
    start_from = (h.notice_line + 1) if h.notice_line is not None else 0
    want = _norm(h.title, ctx) if h.title else None
    body = None
    if want:
        for i in range(start_from, len(lines)):
            n = _norm(clean_title(lines[i], ctx), ctx)
            if (n == want or (len(want) > 8 and n.startswith(want) and len(n) <= len(want) + 8)) \
                    and any(match_numbering(l) for l in lines[i + 1:i + 400]):
                body = i + 1
                break
    if h.notice_line is not None:
        end = body if body else min(len(lines), h.notice_line + 40)
        for i in range(h.notice_line + 1, end):
            if P.DATE_LINE.match(lines[i]):
                h.signed_date = parse_date(lines[i])
                if i > 0 and P.ORG_LINE.match(lines[i - 1]):
                    h.signer = lines[i - 1]
                if body is None:
                    body = i + 1
                break
    if body is None:
        body = (h.notice_line + 1) if h.notice_line is not None else 0
    h.body_start = body
    if h.signed_date is None:
        tail = lines[-12:]
        for j in range(len(tail) - 1, -1, -1):
            if P.DATE_LINE.match(tail[j]):
                h.signed_date = parse_date(tail[j])
                if j > 0 and P.ORG_LINE.match(tail[j - 1]):
                    h.signer = h.signer or tail[j - 1]
                break


@rule(stage="header", example="notice '市政府关于印发…的通知', signature '昆山市人民政府' → '昆山市人民政府'")
def issuer_of(h: Header, lines: list[str], ctx: ParseContext) -> str | None:
    """The issuing body: the notice's own words, written out in full from the signature or the
    metadata when the notice abbreviates it (市政府); else the metadata, the signature, the title
    ("X关于…"), a sentence "X印发…", the page's 来源. Joint issuers are listed with 、."""
    meta = h.meta
    issuer = None
    if h.notice_title:
        m = NOTICE.match(ctx.fold_same(h.notice_title))
        if m and m.group("issuer"):
            issuer = h.notice_title[:len(m.group("issuer"))].strip()
    if issuer and SELF_REFERENCE.match(issuer):
        fuller = next((c.strip() for c in (h.signer, meta.get("issuer"))
                       if c and len(c.strip()) > len(issuer) and ctx.fold(c.strip())[-2:] == ctx.fold(issuer)[-2:]), None)
        issuer = fuller or issuer
    issuer = issuer or (meta.get("issuer") or "").strip() or h.signer
    if not issuer and h.title:
        m = ISSUER_IN_TITLE.match(ctx.fold_same(h.title))
        if m:
            issuer = h.title[:len(m.group(1))]
    if not issuer:
        found = (ISSUER_IN_TEXT.search(line) for line in lines[:h.body_start + 10])
        issuer = next((m.group(1) for m in found if m), None) or (meta.get("source") or "").strip() or None
    if issuer:
        issuer = ISSUER_CUT.split(issuer)[0].strip() or None
    return joint_issuers(issuer, meta.get("issuer")) if issuer and " " in issuer else issuer


@rule(stage="header", example="'中共洛阳市委办公室 洛阳市人民政府办公室' → '中共洛阳市委办公室、洛阳市人民政府办公室'")
def joint_issuers(issuer: str, listed: str | None) -> str:
    """Joint issuers set side by side: as the metadata table lists them, else joined with 、 when
    every part is an organisation's name."""
    if listed and ISSUER_PARTS.sub("", listed.strip()) == P.WHITESPACE.sub("", issuer):
        issuer = listed.strip()
    parts = issuer.split()
    if " " in issuer and len(parts) > 1 and all(P.ORG_LINE.match(p) for p in parts):
        return "、".join(parts)
    return issuer


@rule(stage="header", example="'冀政发[2016] 16号' → '冀政发〔2016〕16号'; '无' → None")
def doc_number_of(h: Header, lines: list[str]) -> str | None:
    """The 文号 from the metadata, else from a line of its own above the body; brackets normalised to 〔〕."""
    raw = h.meta.get("doc_number")
    m = P.DOC_NUMBER.search(raw.replace(" ", "")) if raw is not None else None
    if m is None and (raw is None or not NO_NUMBER.match(raw)):
        m = next(filter(None, (P.DOC_NUMBER.fullmatch(line.strip().strip("()（）"))
                               for line in lines[:max(h.body_start, 1) + 3])), None)
    return YEAR_BRACKETS.sub(r"〔\1\2〕", P.WHITESPACE.sub("", m.group(0))) if m else None


@rule(stage="header", example="notice '…（征求意见稿）…的通知' → 'draft'; metadata 效力状态：已废止 → 'expired'")
def status_of(h: Header, lines: list[str], ctx: ParseContext) -> str:
    """draft (征求意见稿, 公开征求, 草案 near the title), expired (an expiry mark on the title, the
    metadata's status, or a note such as 该文件已废止 near the top or the end), else in_force."""
    titles = " ".join(filter(None, [h.notice_title, h.title]))
    head_text = " ".join(filter(None, [h.notice_title, h.title, " ".join(lines[:h.body_start + 3])]))
    near_title = titles + " ".join(lines[h.body_start:h.body_start + 3]) + " ".join(lines[:h.body_start])
    if DRAFT.search(ctx.fold(head_text)) and DRAFT_STRONG.search(ctx.fold(near_title)):
        return "draft"
    if h.expired_mark:
        return "expired"
    st = ctx.fold(h.meta.get("status") or "")
    if st and EXPIRED.search(st) and "现行有效" not in st:
        return "expired"
    if any(len(l) <= 40 and EXPIRED_NOTE.search(ctx.fold(l)) for l in lines[:h.body_start + 5] + lines[-10:]):
        return "expired"
    return "in_force"


@rule(stage="header", example="'国务院办公厅' → True; '国家知识产权局、公安部' → True; '国家税务总局沈阳市税务局' → False")
def national_issuer(issuer: str | None, ctx: ParseContext) -> bool:
    """国务院 and its offices, ministries, national bureaus (国家知识产权局, 海关总署 …), the supreme court
    and procuratorate, 国务院…部际联席会议(办公室), and joint issuers that are all of these; a local
    branch of a national body names its place and is not national."""
    parts = [p for p in ISSUER_PARTS.split(ctx.fold(issuer or "")) if p]
    gaz = ctx.knowledge.gazetteer if ctx.knowledge else None
    return bool(parts) and all(NATIONAL.search(p) and not (gaz and (gaz.find(p) or gaz.find(p, short=True)))
                               for p in parts)


def header(ctx: ParseContext) -> None:
    """ctx.header, ctx.body_lines (the operative text after the covering notice, metadata lines out)
    and ctx.document."""
    h = ctx.header = scan_header(ctx.lines, ctx.page_title, ctx)
    lines = ctx.lines
    ctx.body_lines = [l for i, l in enumerate(lines[h.body_start:], h.body_start) if i not in h.meta_lines]
    issuer = issuer_of(h, lines, ctx)
    if national_issuer(issuer, ctx):
        region = dict(NO_REGION, level="national")
    else:
        region = resolve_region(ctx.knowledge.gazetteer, [issuer, h.notice_title, h.title, h.meta.get("source"),
                                                          " ".join(lines[h.body_start:h.body_start + 30])], ctx)
    ctx.document = {
        "title": h.title,
        "notice_title": h.notice_title,
        "issuer": issuer,
        "doc_number": doc_number_of(h, lines),
        "province": region["province"], "city": region["city"], "district": region["district"],
        "level": region["level"],
        # 生成日期 (the portal's record date) stands for the publication date when no other is given
        "signed_date": parse_date(h.meta.get("signed")) or h.signed_date,
        "published_date": parse_date(h.meta.get("published")) or parse_date(h.meta.get("generated")),
        "status": status_of(h, lines, ctx),
        "script": ctx.script,
        "body_text": "\n".join(ctx.body_lines),
    }


@rule(stage="header", example="['潜江市人民政府'] → {'province': '湖北省', 'city': '潜江市', 'district': None, 'level': 'city'}")
def resolve_region(gaz: Gazetteer, sources: list[str | None], ctx: ParseContext | None = None) -> dict:
    """Region of the issuer: the first source naming a known region decides. The issuer, notice and
    title are trusted with short names too ("延边州人民政府" is 延边朝鲜族自治州 even when the body
    names 吉林省); the rest only after every full name has been looked for."""
    if not gaz:
        return dict(NO_REGION)
    fold = ctx.fold if ctx else T.fold
    folded = [fold(src) if src else src for src in sources]
    mentioned_cache: list[set] = []

    def mentioned() -> set:
        """Regions named unambiguously anywhere in the sources (computed only for ambiguous names)."""
        if not mentioned_cache:
            found = [hit for src in folded if src for hit in gaz.find(src)]
            mentioned_cache.append({r["code"] for _, _, cands in found for r in cands if len(cands) == 1})
        return mentioned_cache[0]

    def under(region: dict, ancestor: dict | None) -> bool:
        return ancestor is not None and ancestor["code"] in {a["code"] for a in gaz.ancestors(region)}

    trusted = [(i, short) for i in range(min(TRUSTED_SOURCES, len(folded))) for short in (False, True)]
    rest = [(i, short) for short in (False, True) for i in range(TRUSTED_SOURCES, len(folded))]
    for i, short in trusted + rest:
        src = folded[i]
        found = gaz.find(src, short=short) if src else []
        best = None
        for _, name, cands in found:
            if len(cands) > 1:
                ctx_cands = [c for c in cands if any(a["code"] in mentioned() for a in gaz.ancestors(c))]
                if len(ctx_cands) != 1:  # ambiguous name: prefer one under an already chosen region
                    ctx_cands = [c for c in cands if under(c, best)]
                if len(ctx_cands) != 1:
                    continue
                cand = ctx_cands[0]
            else:
                cand = cands[0]
            if best is None or under(cand, best):
                best = cand  # more specific, consistent with what we have
        if best is not None:
            if not short and i < TRUSTED_SOURCES and best["level"] != "district":
                # "吉林省延边州人民政府": a short name under the full one is more specific
                taken = [(pos, pos + len(name)) for pos, name, _ in found]
                for pos, _, cands in gaz.find(src, short=True):
                    if any(a <= pos < b for a, b in taken):
                        continue
                    inside = [c for c in cands if under(c, best)]
                    if len(inside) == 1:
                        best = inside[0]
                        break
            return gaz.describe(best)
    return dict(NO_REGION)
