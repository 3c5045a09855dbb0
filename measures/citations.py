"""References from one policy document to others: extraction and normalisation.

Pure functions, no database. A Chinese policy document names the documents it
implements in a few ways, all handled here:

- a title in 《》, alone or followed by its 文号 in brackets:
  根据《“十四五”国家知识产权保护和运用规划》(国发〔2021〕20号)
- a bare 文号: 按照国办发〔2010〕47号文件要求
- "根据…精神" without 《》: 根据国务院关于新形势下加快知识产权强国建设的若干意见精神

Text from mirror sites is cleaned first: pinyin glosses after characters
(國發(fā)〔2021〕20號), spam markers (@@), full-width forms. Titles and numbers
are then folded to Simplified (measures.search.text.fold, OpenCC tw2sp) and
normalised (quotes, dashes, brackets, spaces), so that 《知識產權強國建設綱要
(2021—2035年)》 and 《知识产权强国建设纲要(2021-2035年)》 get the same key.

What is not a reference: the document's own title and 文号 (a covering
notice names its policy: 现将《X》印发给你们), abbreviations it defines
((以下简称《纲要》) and their later uses), documents it announces it will
write (制定《…条例》), and 《》 shorter than four characters.

Resolution to documents in the corpus happens in measures.services_diffusion;
the keys it matches on are made here (`title_keys`, `number_parts`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# 國(guó) / 發(fā): a pinyin gloss in brackets right after a character (mirror sites).
_PINYIN = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê"
_GLOSS_RE = re.compile(rf"(?<=[{CJK}])[(（]\s?[{_PINYIN}]{{1,7}}\d?\s?[)）]")
_SPAM_RE = re.compile(r"@@+|\u200b|\ufeff")

_OPEN = "〔[［【(（﹝〖"
_CLOSE = "〕]］】)）﹞〗"
# 国发〔2021〕20号, 国办函[2011]58号, 教科技〔2020〕1 號, 宁党发〔201817号 (a bracket lost),
# 鄂办发202021号 (both lost: the year is the first four digits).
_NUMBER_RE = re.compile(
    rf"(?P<org>[{CJK}]{{1,16}})\s*"
    rf"(?:[{re.escape(_OPEN)}]\s*(?P<y1>(?:19|20)\d{{2}})\s*[{re.escape(_CLOSE)}]?"
    rf"|(?<=[发函字办])(?P<y2>(?:19|20)\d{{2}}))"
    rf"\s*(?P<no>\d{{1,5}})\s*[号號]"
)
# What follows the issuer in a _NUMBER_RE match (bracketed or glued year, number, 号): far fewer
# places in a text start one than start a run of 1-16 CJK characters.
_NUMBER_TAIL = re.compile(
    rf"\s*(?:[{re.escape(_OPEN)}]\s*(?:19|20)\d{{2}}\s*[{re.escape(_CLOSE)}]?|(?<=[发函字办])(?:19|20)\d{{2}})"
    rf"\s*\d{{1,5}}\s*[号號]"
)


def number_matches(text: str):
    """_NUMBER_RE.finditer(text), the same matches, without trying the regex at every CJK
    character: a match's issuer (1-16 CJK characters) ends where its tail (_NUMBER_TAIL) starts,
    so only the 16 places before each tail are tried, left to right, as finditer would."""
    pos = at = 0  # no match starts before pos; no match's tail starts before at
    while True:
        tail = _NUMBER_TAIL.search(text, at)
        if tail is None:
            return
        t = tail.start()
        for start in range(max(pos, t - 16), t):
            m = _NUMBER_RE.match(text, start)
            if m is not None:
                break
        else:
            at = t + 1
            continue
        yield m
        pos = at = m.end()


# 杭州市人民政府令第325号, 局长令第20号
_ORDER_RE = re.compile(rf"(?P<org>[{CJK}]{{1,16}}令)\s*第\s*(?P<no>\d{{1,5}})\s*[号號]")

# Words that end the phrase in front of a 文号's issuer code: 按照国办发〔…〕 → 国办发.
_ORG_STOPS = re.compile(
    r"^.*(?:根据|依据|按照|参照|遵照|贯彻|落实|执行|印发|转发|关于|通知|文件|精神|要求|规定|意见|决定|"
    r"及|和|与|的|即|见|是|为|在|以|对|由|将|了|、|号|號)")
_ORG_PREFIX = re.compile(r"^(?:原|经|请|据|照|并|等|及|和|与|或)")

# Verbs that announce a document still to be written: 制定《沈阳市知识产权保护和促进条例》.
_PLANNED_BEFORE = re.compile(r"(?:制定|制订|出台|修订|修改|起草|编制|研究制定|推动出台|发布实施|推进修改|加快制定|完善)\s*$")
# The covering notice names its own policy: 现将《X》印发给你们.
_SELF_AFTER = re.compile(r"^[^。;;]{0,14}?(?:印发给|印發給|印發(?:給)?你们|印发你们|发给你们|予以印发|现予印发|现予公布|予以公布|"
                         r"已经.{0,20}(?:同意|通过)|现印发|現印發)")
_NUMBER_LABEL_BEFORE = re.compile(r"(?:文号|文號|字号|字號|发文字号|發文字號|索引号)\s*[\]】]?\s*[::]?\s*$")
_ALIAS_AFTER = re.compile(r"^\s*[(（]\s*以下[简簡]称\s*[“\"「]?\s*《([^》]{1,12})》")
_ALIAS_AFTER_QUOTE = re.compile(r"^\s*[(（]\s*以下[简簡]称\s*[“\"「]([^”\"」]{1,12})[”\"」]")

# 根据…精神 without 《》: the phrase must read like a document's title.
_SPIRIT_RE = re.compile(
    rf"(?:根据|依据|按照|贯彻落实|贯彻|落实)(?P<what>[{CJK}、“”\"()()〈〉<>—\-0-9]{{6,80}}?)(?:的)?(?:文件)?"
    rf"(?:精神|要求|部署|规定)")
_GENRE_END = re.compile(r"(?:意见|方案|规划|纲要|计划|措施|办法|通知|决定|条例|规定|细则|指引|要点|指南|决议|公告|实施意见)$")

_QUOTES = re.compile(r"[“”„\"'‘’「」『』〝〞]")
_DASHES = re.compile(r"[—–―‐‑‒−－~～〜]+|至(?=\d{4})")
_INNER_BRACKETS = re.compile(r"[〈〉<>《》＜＞]")
_SPACE = re.compile(r"[\s\u3000]+")
_TRAILING_PUNCT = re.compile(r"[,,。;;::、.]+$")
# Draft markers, in or out of brackets.
DRAFT_MARKER = re.compile(r"[(（\[【]?\s*(?:征求意见稿|徵求意見稿|草案|送审稿|送審稿|讨论稿|討論稿|修改稿)\s*[)）\]】]?")
_NOTICE_INNER = re.compile(r"(?:关于)?(?:印发|转发|发布|公布|颁布)(?P<inner>.{4,}?)的(?:通知|决定|公告|通告)$")
_NOTICE_END = re.compile(r"(?:印发|转发|发布|公布|颁布).{4,}的(?:通知|决定|公告|通告)$")
_ISSUER_BEFORE_GUANYU = re.compile(r"^[^关]{2,40}?(?=关于)")


# --- cleaning and folding ---------------------------------------------------------------

def clean_text(text: str) -> str:
    """Mirror-site noise removed, full-width forms made half-width (NFKC keeps 〔〕《》)."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _SPAM_RE.sub("", text)
    return _GLOSS_RE.sub("", text)


def _fold(text: str) -> str:
    from measures.search.text import fold

    return fold(text)


def normalise_title(title: str) -> str:
    """The comparable form of a title: Simplified, lower case, no quotes, spaces,
    inner book-title brackets or trailing punctuation, dashes as '-'."""
    text = _fold(clean_text(title))
    text = _QUOTES.sub("", text)
    text = _INNER_BRACKETS.sub("", text)
    text = _DASHES.sub("-", text)
    text = _SPACE.sub("", text)
    return _TRAILING_PUNCT.sub("", text)


def base_title(title: str) -> str:
    """A title without its draft marker (征求意见稿, 草案, 送审稿 …), normalised."""
    return normalise_title(DRAFT_MARKER.sub("", clean_text(title)))


def is_draft_title(title: str) -> bool:
    return bool(DRAFT_MARKER.search(title or ""))


def title_keys(title: str) -> list[str]:
    """Keys a title is matched on, most specific first. Plain keys are whole
    titles (the title; the policy inside a covering notice, 关于印发X的通知 → X);
    keys starting with '~' are looser (the title without its issuer: 国务院关于…
    → 关于…) and only count when nothing matches a plain key."""
    full = normalise_title(title)
    if len(full) < 4:
        return []
    plain = [full]
    inner = _inner_title(title)
    if inner and inner not in plain:
        plain.append(inner)
    loose = []
    for key in plain:
        m = _ISSUER_BEFORE_GUANYU.match(key)
        if m and len(key) - m.end() >= 8:
            loose.append("~" + key[m.end():])
        elif key.startswith("关于") and len(key) >= 10:
            loose.append("~" + key)
    return list(dict.fromkeys(plain + loose))


def _inner_title(title: str) -> str | None:
    """The policy a covering notice's title names: 《X》/〈X〉 inside it, or 关于印发X的通知."""
    text = clean_text(title)
    folded = normalise_title(text)
    if not _NOTICE_END.search(folded):
        return None   # 贯彻落实〈X〉的实施方案 is a document of its own, not X
    m = re.search(r"[〈<《]([^〈〉<>《》]{4,})[〉>》]", text)
    if m:
        return normalise_title(m.group(1))
    m = _NOTICE_INNER.search(folded)
    if m and len(m.group("inner")) >= 4:
        return m.group("inner")
    return None


def normalise_number(number: str) -> str:
    """国發〔2021〕20號 / 国发[2021]20号 / 鄂办发202021号 → 国发〔2021〕20号 ('' when not a 文号)."""
    parts = number_parts(number)
    return parts[2] if parts else ""


def number_parts(number: str) -> tuple[str, str, str] | None:
    """(issuer code, core, full) of a 文号: ('国发', '〔2021〕20号', '国发〔2021〕20号');
    for an order number ('杭州市人民政府令', '令第325号', …)."""
    text = _fold(clean_text(number or "")).strip()
    m = _NUMBER_RE.search(text)
    if m:
        org = _trim_org(m.group("org"))
        if not org:
            return None
        core = f"〔{m.group('y1') or m.group('y2')}〕{int(m.group('no'))}号"
        return org, core, org + core
    m = _ORDER_RE.search(text)
    if m:
        org = _trim_org(m.group("org"))
        core = f"令第{int(m.group('no'))}号"
        return org, core, org[:-1] + core
    return None


def _trim_org(org: str) -> str:
    org = _ORG_STOPS.sub("", org)
    org = _ORG_PREFIX.sub("", org)
    return org[-12:]


def numbers_match(cited_org: str, doc_org: str) -> bool:
    """Whether the issuer code of a cited 文号 is that of a document's 文号: equal,
    or one ends with the other (extraction may keep a word of the sentence in front)."""
    if not cited_org or not doc_org:
        return False
    return cited_org == doc_org or (len(doc_org) >= 2 and cited_org.endswith(doc_org)) or (
        len(cited_org) >= 2 and doc_org.endswith(cited_org))


# --- extraction -------------------------------------------------------------------------

@dataclass
class Reference:
    """One document referred to (all its mentions in the text merged)."""

    kind: str                 # "title_number", "title", "number" or "spirit"
    title: str = ""           # as written (cleaned), without 《》
    doc_number: str = ""      # normalised 文号
    position: int = 0         # offset of the first mention in the cleaned text
    context: str = ""         # the sentence around the first mention
    occurrences: int = 1
    keys: list[str] = field(default_factory=list)   # title_keys(title)
    number_org: str = ""
    number_core: str = ""

    @property
    def ref_key(self) -> str:
        """What identifies the reference within its document."""
        if self.doc_number:
            return "n:" + self.doc_number
        return "t:" + (self.keys[0] if self.keys else normalise_title(self.title))


KIND_TITLE_NUMBER, KIND_TITLE, KIND_NUMBER, KIND_SPIRIT = "title_number", "title", "number", "spirit"
CONTEXT_CHARS = 40
MIN_TITLE = 4
MAX_TITLE = 150


_BOOK_MARKS = re.compile("[《》\n]")
# a 文号 right after a 《title》 (its issuer, the year, the number)
_NUMBER_AFTER = re.compile(rf"^\s*[{re.escape(_OPEN)}]?\s*([{CJK}]{{1,16}}\s*(?:[{re.escape(_OPEN)}]\s*)?"
                           rf"(?:19|20)\d{{2}}[^号號]{{0,8}}[号號])")
_CJK_RUN = re.compile(rf"[{CJK}]+")


def _book_titles(text: str):
    """(start, end, inner) of each outermost 《…》, nesting allowed (a line end closes them all).
    Only the marks and line ends are visited (the regex finds them)."""
    depth, start = 0, None
    for m in _BOOK_MARKS.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "《":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                yield start, i + 1, text[start + 1:i]
        elif ch == "\n" and depth:
            depth, start = 0, None


def _context(text: str, start: int, end: int) -> str:
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    left = re.split(r"[。;;\n]", text[lo:start])[-1]
    right = re.split(r"[。;;\n]", text[end:hi])[0]
    return _SPACE.sub(" ", (left + text[start:end] + right)).strip()[:300]


def extract_references(text: str, *, own_title: str = "", own_number: str = "",
                       own_notice_title: str = "") -> list[Reference]:
    """The documents `text` refers to, in order of first mention, each once.

    own_title / own_notice_title / own_number: the document's own, which are
    not references (nor is a 《X》 the covering notice says it issues)."""
    text = clean_text(text)
    own_keys = set(title_keys(own_title)) | set(title_keys(own_notice_title or ""))
    own_keys = {k for k in own_keys if not k.startswith("~")}
    own_bases = {base_title(t) for t in (own_title, own_notice_title) if t and len(base_title(t)) >= MIN_TITLE}
    own_parts = number_parts(own_number or "")
    refs: dict[str, Reference] = {}
    aliases: set[str] = set()
    taken: list[tuple[int, int]] = []   # spans already read (a 文号 after a title is not a bare 文号)

    def add(ref: Reference):
        if own_parts and ref.number_core == own_parts[1] and numbers_match(ref.number_org, own_parts[0]):
            return
        if not ref.doc_number and (set(ref.keys[:2]) & own_keys or (ref.title and base_title(ref.title) in own_bases)):
            return
        key = ref.ref_key
        same = refs.get(key)
        if same is None and ref.doc_number:
            # the same document named by title earlier, without its number
            same = next((r for r in refs.values() if not r.doc_number and r.keys and ref.keys
                         and r.keys[0] == ref.keys[0]), None)
            if same is not None:
                del refs[same.ref_key]
                same.doc_number, same.number_org, same.number_core = ref.doc_number, ref.number_org, ref.number_core
                same.kind = KIND_TITLE_NUMBER
                same.occurrences += 1
                refs[same.ref_key] = same
                return
        if same is None and not ref.doc_number and ref.keys:
            same = next((r for r in refs.values() if r.keys and r.keys[0] == ref.keys[0]), None)
        if same is None and ref.kind == KIND_NUMBER:
            same = refs.get("n:" + ref.doc_number)
        if same is not None:
            same.occurrences += 1
            if not same.title and ref.title:
                same.title, same.keys = ref.title, ref.keys
                same.kind = KIND_TITLE_NUMBER
            return
        refs[key] = ref

    # 1. 《titles》, with a 文号 right after them
    for start, end, inner in _book_titles(text):
        title = _SPACE.sub("", inner).strip()
        after = text[end:end + 60]
        m_alias = _ALIAS_AFTER.match(after) or _ALIAS_AFTER_QUOTE.match(after)
        if m_alias:
            aliases.add(normalise_title(m_alias.group(1)))
        norm = normalise_title(title)
        if len(norm) < MIN_TITLE or len(norm) > MAX_TITLE or norm in aliases:
            continue
        if _PLANNED_BEFORE.search(text[max(0, start - 8):start]):
            continue
        if _SELF_AFTER.match(after):
            continue
        number = ""
        n_match = _NUMBER_AFTER.match(after)
        number_end = end
        parts = None
        if n_match:
            parts = number_parts(n_match.group(1))
            raw_org = _CJK_RUN.match(n_match.group(1))
            if parts and raw_org and len(parts[0]) < min(len(raw_org.group(0)), 12):
                parts = None   # words between the title and the number: not its 文号 (国办函〔2016〕66号 of the notice)
            if parts:
                number = parts[2]
                number_end = end + n_match.end()
        taken.append((start, number_end))
        keys = title_keys(title)
        ref = Reference(kind=KIND_TITLE_NUMBER if number else KIND_TITLE, title=_display_title(title),
                        doc_number=number, position=start, context=_context(text, start, number_end), keys=keys,
                        number_org=parts[0] if parts else "", number_core=parts[1] if parts else "")
        add(ref)

    # 2. bare 文号
    for regex in (_NUMBER_RE, _ORDER_RE):
        for m in (number_matches(text) if regex is _NUMBER_RE else regex.finditer(text)):
            if any(a <= m.start("no") < b for a, b in taken):
                continue
            parts = number_parts(m.group(0))
            if not parts:
                continue
            org_start = m.end("org") - len(parts[0]) if regex is _NUMBER_RE else m.start()
            if _NUMBER_LABEL_BEFORE.search(text[max(0, org_start - 12):org_start]):
                continue
            add(Reference(kind=KIND_NUMBER, doc_number=parts[2], position=org_start,
                          context=_context(text, org_start, m.end()), number_org=parts[0], number_core=parts[1]))
            taken.append((m.start(), m.end()))

    # 3. 根据…精神 without 《》
    for m in _SPIRIT_RE.finditer(text):
        if any(a <= m.start("what") < b for a, b in taken):
            continue
        what = m.group("what")
        if "《" in what or "》" in what:
            continue
        what = re.sub(r"的$", "", what)
        norm = normalise_title(what)
        if not _GENRE_END.search(norm) or ("关于" not in norm and not re.search(r"(?:纲要|规划|条例)$", norm)):
            continue
        add(Reference(kind=KIND_SPIRIT, title=_display_title(what), position=m.start("what"),
                      context=_context(text, m.start(), m.end()), keys=title_keys(what)))

    return sorted(refs.values(), key=lambda r: r.position)


def _display_title(title: str) -> str:
    return _TRAILING_PUNCT.sub("", _SPACE.sub("", title)).strip()[:500]


# --- where the policy text starts and ends -----------------------------------------------

_CHROME_TAIL = re.compile(r"\n\s*(?:【?相关(?:文件|链接|阅读|新闻|附件|推荐)】?|上一篇|下一篇|推荐阅读|扫一扫|分享到|打印本页|"
                          r"关闭窗口|【关闭】|网站地图|版权所有)")


def policy_text(raw_text: str) -> str:
    """The part of a page that can cite: the page without the related-links list,
    previous/next links and footer that sites append after the policy."""
    text = raw_text or ""
    m = _CHROME_TAIL.search(text, len(text) // 3)
    return text[:m.start()] if m else text
