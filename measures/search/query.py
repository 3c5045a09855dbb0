"""Turning what people type into a safe tsquery.

Terms. A run of characters typed without spaces matches as written: the
measure's title or text must contain it (after Simplified/Traditional folding,
or one of its synonyms from the SynonymGroup table). "…" quotes a phrase
(spaces inside it do not count between Chinese characters). With fuzzy=True
(the 模糊 switch) a term also matches when all of its words occur anywhere
(jieba's segmentation with the domain dictionary: 数据知识产权 → 数据 + 知识产权).

Operators, in any case and in full-width forms (｜ － ＋ “…” （…） ：, the
full-width space):

- words separated by spaces must all match; AND / & / +word say the same;
- OR, or, | between terms: either (binds tighter than AND: 专利 商标|版权 is
  专利 AND (商标 OR 版权));
- NOT term, -term, !term: excludes measures containing the term as written
  (either script; not its synonyms);
- ( … ) groups;
- field prefixes: 标题:… (the measure's title only), 文号:…, 发布机构:…, 单位:…
  (a responsible unit). 文号, 发布机构 and 单位 are filters: they apply to the
  whole query when used at its top level (negated with -), and are searched
  as plain text inside a group or an OR with other terms. Their value may
  stand in parentheses (发布机构:(某县人民政府)), and alternatives of one
  field are any of their values (发布机构:(甲 OR 乙), 发布机构:甲 OR 发布机构:乙).

Anything that does not parse (a dangling operator, unbalanced parentheses) is
read again as plain terms, and `notice` says so; a query never fails.

The tsquery text is assembled here from lexemes quoted by `_quote` — user text
never reaches to_tsquery. A term that yields no lexemes (emoji, punctuation) is
dropped; a query left with no searchable terms matches nothing.

Besides the match query (`tsquery`), a parsed query carries:

- `loose_tsquery`: a superset with the same lexemes joined by & (no phrase
  distances, no weights, no exclusions), which the GIN index answers without
  rechecking rows ('' = no restriction, e.g. only exclusions); `lean_tsquery`
  the same with each term's rarest bigram only (what the search engine reads
  through the index before it checks `tsquery` on each row's vector);
- the ranking queries (see measures.search.engine.rank_sql): the terms as
  typed (no synonyms), whole-word lexemes, and in fuzzy mode the exact match.
"""
import re
import threading
import time
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_noop

from .text import CJK_WORD_RE, fold, fold_chars, get_tokenizer, term_lexemes

MAX_QUERY_CHARS = 256
MAX_TERMS = 16
MAX_TERM_CHARS = 48
MAX_DEPTH = 6
SYNONYM_TTL = 60  # seconds; edits in this process reset at once (signals)

QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "＂": '"', "「": '"', "」": '"', "『": '"', "』": '"',
                        "−": "-", "—": "-", "﹣": "-", "｜": "|", "¦": "|"})
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
GIN_INEXACT = re.compile(r"<|':|!")   # phrase distances, weights, nested negations need a recheck
SPECIAL = set('()|&"+')

# field prefix (as typed, lower case) -> field
FIELDS = {
    "标题": "title", "標題": "title", "题名": "title", "title": "title",
    "文号": "doc_number", "文號": "doc_number", "发文字号": "doc_number", "number": "doc_number",
    "发布机构": "issuer", "發布機構": "issuer", "发文机关": "issuer", "发文机构": "issuer", "机构": "issuer",
    "issuer": "issuer",
    "单位": "unit", "單位": "unit", "责任单位": "unit", "unit": "unit",
}
FIELD_LABELS = {"title": "标题", "doc_number": "文号", "issuer": "发布机构", "unit": "单位"}
METADATA_FIELDS = ("doc_number", "issuer", "unit")
TITLE_WEIGHTS = "A"   # the measure's own title in search_vector (measures.search.index)


# --- the syntax tree ----------------------------------------------------------

@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False
    field: str | None = None      # None: title and text; "title"; or a metadata field


@dataclass(frozen=True)
class Not:
    child: object


@dataclass(frozen=True)
class And:
    children: tuple


@dataclass(frozen=True)
class Or:
    children: tuple


@dataclass
class Metadata:
    field: str        # doc_number | issuer | unit
    value: str
    negated: bool = False
    alternatives: tuple = ()    # more values, any of which will do: 发布机构:(甲 OR 乙)

    @property
    def values(self) -> tuple:
        return (self.value, *self.alternatives)


@dataclass
class ParsedQuery:
    raw: str
    tree: object = None
    fuzzy: bool = False
    scope: str = "all"              # "all" or "title" (every term as 标题:)
    metadata: list[Metadata] = field(default_factory=list)
    tsquery: str = ""               # '' when nothing searchable is left
    loose_tsquery: str = ""         # GIN superset; '' = no text restriction
    lean_tsquery: str = ""          # a wider GIN superset: the rarest bigram of each term (engine reads)
    typed_tsquery: str = ""         # positive terms as typed (no synonyms, no split words)
    title_tsquery: str = ""         # typed_tsquery within the measure title
    word_tsquery: str = ""          # whole-word lexemes of the terms that are words
    phrase_tsquery: str = ""        # fuzzy mode: the exact (non-split) match
    highlight_terms: list[str] = field(default_factory=list)
    fallback_terms: list[str] = field(default_factory=list)   # words of split terms
    splittable: bool = False        # a positive term has several words (模糊 would match more)
    notice: str = ""                # the query was read again as plain terms
    terms: list[Term] = field(default_factory=list)           # every term, in order

    @property
    def has_text(self) -> bool:
        return self.tree is not None

    @property
    def active(self) -> bool:
        """The user asked for a search (even one that matches nothing)."""
        return self.has_text or bool(self.metadata)

    @property
    def matches_nothing(self) -> bool:
        return self.has_text and not self.tsquery

    @property
    def loose_is_exact(self) -> bool:
        """The GIN superset is the match itself: no row needs verifying."""
        return bool(self.tsquery) and self.tsquery == self.loose_tsquery

    @property
    def rank_tsquery(self) -> str:
        return self.typed_tsquery


class ParseError(ValueError):
    pass


# --- lexer --------------------------------------------------------------------

def normalize(raw) -> str:
    """Control characters become spaces; full-width operators, quotes and
    spaces become their ASCII forms (NFKC, plus curly quotes and dashes)."""
    text = CONTROL_RE.sub(" ", str(raw or ""))[:MAX_QUERY_CHARS]
    text = unicodedata.normalize("NFKC", text.translate(QUOTES)).translate(QUOTES)
    return text


def lex(text: str) -> list[tuple]:
    """Tokens: ("(",), (")",), ("OR",), ("AND",), ("NOT",), ("NEG",), ("PLUS",),
    ("FIELD", name), ("TERM", text, phrase)."""
    toks = []
    i, n, terms = 0, len(text), 0
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            toks.append((c,))
            i += 1
        elif c in "|&":
            j = i
            while j < n and text[j] == c:
                j += 1
            toks.append(("OR",) if c == "|" else ("AND",))
            i = j
        elif c == '"':
            j = text.find('"', i + 1)
            j = n if j == -1 else j
            toks.append(("TERM", text[i + 1:j][:MAX_TERM_CHARS], True))
            terms += 1
            i = j + 1
        elif c in "-!+":
            nxt = text[i + 1] if i + 1 < n else ""
            if nxt and not nxt.isspace() and nxt not in ")|&":
                toks.append(("PLUS",) if c == "+" else ("NEG",))
            i += 1  # a lone sign applies to nothing
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in SPECIAL:
                j += 1
            word = text[i:j]
            name, colon, _ = word.partition(":")
            if colon and name.lower() in FIELDS:
                toks.append(("FIELD", FIELDS[name.lower()]))
                i += len(name) + 1
                if FIELDS[name.lower()] in METADATA_FIELDS and i < n and not text[i].isspace() and text[i] != '"' \
                        and not _wrapped(text, i):
                    # a 文号 or a name is one value up to the next space: 沈政发(2024)8号; a ) that
                    # closes nothing in it ends it: (发布机构:某市人民政府) 专利
                    j, depth = i, 0
                    while j < n and not text[j].isspace():
                        if text[j] == "(":
                            depth += 1
                        elif text[j] == ")":
                            if not depth:
                                break
                            depth -= 1
                        j += 1
                    if j > i:
                        toks.append(("TERM", text[i:j][:MAX_TERM_CHARS], False))
                        terms += 1
                    i = j
                continue
            if word.upper() in ("OR", "AND", "NOT"):
                toks.append((word.upper(),))
            else:
                toks.append(("TERM", word[:MAX_TERM_CHARS], False))
                terms += 1
            i = j
        if terms >= MAX_TERMS:
            break
    return toks


def _wrapped(text: str, i: int) -> bool:
    """Whether a field's value at `i` is a group in parentheses, 发布机构:(某县人民政府)
    or 发布机构:(甲 OR 乙): an opening parenthesis whose closing one ends the word
    (not 文号:(2024)8号, a value that starts with one)."""
    if text[i] != "(":
        return False
    depth, n = 0, len(text)
    for j in range(i, n):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if not depth:
                return j + 1 == n or text[j + 1].isspace() or text[j + 1] in ")|&"
    return False


# --- parser -------------------------------------------------------------------

class _Parser:
    """and := or (AND? or)* ; or := unary (OR unary)* ;
    unary := (NOT|-|!) unary | + unary | FIELD unary | primary ;
    primary := ( and ) | TERM"""

    def __init__(self, toks):
        self.toks, self.i, self.depth = toks, 0, 0

    def peek(self):
        return self.toks[self.i][0] if self.i < len(self.toks) else None

    def take(self):
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self):
        node = self.parse_and()
        if self.peek() is not None:
            raise ParseError("unexpected " + str(self.peek()))
        return node

    def parse_and(self):
        items = []
        while self.peek() not in (None, ")"):
            if self.peek() == "AND":
                if not items:
                    raise ParseError("AND without a left side")
                self.take()
                if self.peek() in (None, ")", "AND", "OR"):
                    raise ParseError("AND without a right side")
                continue
            items.append(self.parse_or())
        if not items:
            raise ParseError("empty")
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_or(self):
        items = [self.parse_unary()]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, ")", "AND", "OR"):
                raise ParseError("OR without a right side")
            items.append(self.parse_unary())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_unary(self):
        kind = self.peek()
        if kind in ("NOT", "NEG"):
            self.take()
            return Not(self.parse_unary())
        if kind == "PLUS":
            self.take()
            return self.parse_unary()
        if kind == "FIELD":
            name = self.take()[1]
            return _with_field(self.parse_unary(), name)
        return self.parse_primary()

    def parse_primary(self):
        kind = self.peek()
        if kind == "(":
            self.take()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ParseError("too deep")
            node = self.parse_and()
            if self.peek() != ")":
                raise ParseError("unclosed (")
            self.take()
            self.depth -= 1
            return node
        if kind == "TERM":
            _, text, phrase = self.take()
            return Term(text=text, phrase=phrase)
        raise ParseError(f"unexpected {kind}")


def _with_field(node, name):
    if isinstance(node, Term):
        if node.field and node.field != name:
            raise ParseError("two fields")
        return Term(node.text, node.phrase, name)
    if name in METADATA_FIELDS:
        # one value, or alternatives of one value each: 发布机构:(甲 OR 乙)
        if isinstance(node, Or) and all(isinstance(c, Term) and c.field in (None, name) for c in node.children):
            return Or(tuple(Term(c.text, c.phrase, name) for c in node.children))
        raise ParseError("a metadata field takes one value")
    if isinstance(node, Not):
        return Not(_with_field(node.child, name))
    return type(node)(tuple(_with_field(c, name) for c in node.children))


def _plain(toks) -> object:
    """The fallback reading: every term, ANDed; a - or NOT right before a term
    still excludes it; fields, parentheses and other operators are ignored."""
    items, negate = [], False
    for tok in toks:
        if tok[0] in ("NEG", "NOT"):
            negate = True
            continue
        if tok[0] == "TERM":
            term = Term(text=tok[1], phrase=tok[2])
            items.append(Not(term) if negate else term)
        negate = False
    if not items:
        return None
    return items[0] if len(items) == 1 else And(tuple(items))


# --- parse --------------------------------------------------------------------

def parse(raw, *, fuzzy: bool = False, scope: str = "all") -> ParsedQuery:
    text = normalize(raw)
    toks = lex(text)
    pq = ParsedQuery(raw=text, fuzzy=bool(fuzzy), scope="title" if scope == "title" else "all")
    if not any(t[0] == "TERM" for t in toks):
        return pq
    try:
        tree = _Parser(toks).parse()
    except ParseError:
        tree = _plain(toks)
        pq.notice = gettext_noop("检索式无法解析(如括号不配对、运算符缺少检索词),已按普通关键词检索。")
    tree = _prune(tree)
    if tree is None:
        return pq
    if pq.scope == "title":
        tree = _title_scope(tree)
    tree = _take_metadata(tree, pq)
    pq.tree = tree
    pq.terms = list(_terms(tree)) + [Term(v, field=m.field) for m in pq.metadata for v in m.values]
    if tree is not None:
        _compile(pq)
    return pq


def _prune(node):
    """Drop empty terms (e.g. `""`) and collapse one-child groups."""
    if node is None:
        return None
    if isinstance(node, Term):
        return node if node.text.strip() else None
    if isinstance(node, Not):
        child = _prune(node.child)
        return Not(child) if child is not None else None
    children = tuple(c for c in (_prune(c) for c in node.children) if c is not None)
    if not children:
        return None
    return children[0] if len(children) == 1 else type(node)(children)


def _title_scope(node):
    if isinstance(node, Term):
        return Term(node.text, node.phrase, node.field or "title")
    if isinstance(node, Not):
        return Not(_title_scope(node.child))
    return type(node)(tuple(_title_scope(c) for c in node.children))


def _take_metadata(tree, pq):
    """Top-level metadata terms become filters, and so do alternatives of one
    field's values (发布机构:甲 OR 发布机构:乙); nested ones plain text."""
    top = list(tree.children) if isinstance(tree, And) else [tree]
    keep = []
    for node in top:
        inner = node.child if isinstance(node, Not) else node
        alternatives = inner.children if isinstance(inner, Or) else (inner,)
        fields = {c.field if isinstance(c, Term) else None for c in alternatives}
        if len(fields) == 1 and fields <= set(METADATA_FIELDS):
            values = [v[:100] for v in dict.fromkeys(c.text.strip() for c in alternatives) if v]
            if values:
                pq.metadata.append(Metadata(fields.pop(), values[0], negated=isinstance(node, Not),
                                            alternatives=tuple(values[1:])))
            continue
        keep.append(_metadata_as_text(node))
    if not keep:
        return None
    return keep[0] if len(keep) == 1 else And(tuple(keep))


def _metadata_as_text(node):
    if isinstance(node, Term):
        return Term(node.text, node.phrase, None) if node.field in METADATA_FIELDS else node
    if isinstance(node, Not):
        return Not(_metadata_as_text(node.child))
    return type(node)(tuple(_metadata_as_text(c) for c in node.children))


def _terms(node):
    if node is None:
        return
    if isinstance(node, Term):
        yield node
    elif isinstance(node, Not):
        yield from _terms(node.child)
    else:
        for c in node.children:
            yield from _terms(c)


# --- compiling to tsquery -----------------------------------------------------

def _quote(lexeme: str, weights: str = "") -> str:
    q = "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
    return f"{q}:{weights}" if weights else q


def _squeeze(folded: str) -> str:
    """Spaces between Chinese characters do not count (a quoted phrase)."""
    if any(ch.isspace() for ch in folded):
        folded = re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", folded)
        folded = re.sub(r"\s+", " ", folded)
    return folded


# a term of this many distinct bigrams or more reads two non-word bigrams in its lean query
LEAN_PAIR_FROM = 4


def phrase_query(folded: str, *, loose: bool = False, weights: str = "", lean: bool = False) -> str:
    """An exact-substring tsquery for one folded form, '' if it has no lexemes.
    loose: every bigram joined by & (a superset, answered by GIN alone).
    lean (with loose): the rarest bigram only (least frequent in jieba's dictionary;
    识产 of 知识产权 is no word): still a superset, and the index intersects one
    posting list instead of every bigram's, each as long as the corpus for a
    common term (at 1M measures: 知识产权 or its synonyms in sample bucket 0, 10.1 ms
    with every bigram ANDed, 3.9 ms with the rarest of each). A term of LEAN_PAIR_FROM bigrams
    or more keeps a second one when it is no word either: its rarest bigram alone also
    occurs in its shorter phrases (利侵 of "专利侵权纠纷" in every 专利侵权: a quarter of its
    rows at 1M fail the phrase, so a sample verifies every row; 利侵 & 权纠 hold the phrase)."""
    folded = _squeeze(folded)
    lexemes = term_lexemes(folded)
    if not lexemes:
        return ""
    if loose:
        every = sorted({lex for _, lex in _all_lexemes(folded)})
        if lean and len(every) > 1:
            freq = get_tokenizer().FREQ
            by_rarity = sorted(every, key=lambda lex: (freq.get(lex, 0), lex))
            every = by_rarity[:1]
            if len(by_rarity) >= LEAN_PAIR_FROM and not freq.get(by_rarity[1], 0):
                every.append(by_rarity[1])
        return " & ".join(map(_quote, every)) if len(every) == 1 else "(" + " & ".join(map(_quote, every)) + ")"
    parts = [_quote(lexemes[0][1], weights)]
    for (prev, _), (pos, lex) in zip(lexemes, lexemes[1:]):
        distance = pos - prev
        parts.append(f"<{distance}>" if distance != 1 else "<->")
        parts.append(_quote(lex, weights))
    return " ".join(parts) if len(parts) == 1 else "(" + " ".join(parts) + ")"


def _all_lexemes(folded: str):
    """Every bigram of each CJK run (a single character alone), each ASCII word."""
    from .text import RUN_RE

    for m in RUN_RE.finditer(folded):
        run = m.group(0)
        if m.group(2) or len(run) == 1:
            yield m.start(), run
        else:
            for i in range(len(run) - 1):
                yield m.start() + i, run[i:i + 2]


def term_forms(text: str, *, synonyms: bool = True) -> list[str]:
    """Folded forms of a term: its own and (optionally) its synonyms'."""
    forms = [fold(text), fold_chars(text)]
    if synonyms:
        for base in list(forms):
            forms.extend(synonyms_of(base.strip()))
    return list(dict.fromkeys(f.strip() for f in forms if f.strip()))


def _or(parts) -> str:
    parts = list(dict.fromkeys(p for p in parts if p))
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def _and(parts) -> str:
    parts = list(dict.fromkeys(p for p in parts if p))
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"


def term_words(folded: str) -> list[str]:
    """The words of a folded term for the all-words (模糊) match: jieba's words
    with the domain dictionary (数据知识产权 → 数据, 知识产权); a term that is
    one word of four or more characters is split into its longest dictionary
    sub-words (行政裁决 → 行政, 裁决). [] when the term is one short word or
    would leave single characters."""
    from .text import get_tokenizer

    folded = _squeeze(folded)
    tok = get_tokenizer()
    words = [w for w in tok.lcut(folded, HMM=False) if w.strip()]
    if len(words) == 1 and len(words[0]) >= 4:
        words = _split_word(words[0], tok.FREQ)
    if len(words) < 2 or any(len(w) < 2 or not term_lexemes(w) for w in words):
        return []
    return words


def _split_word(word: str, freq) -> list[str]:
    """Greedy longest dictionary sub-words (shorter than `word`), left to right."""
    out, i, n = [], 0, len(word)
    while i < n:
        for size in range(min(n - i, n - 1), 1, -1):
            if freq.get(word[i:i + size]):
                out.append(word[i:i + size])
                i += size
                break
        else:
            return [word]
    return out


def is_word(folded: str) -> bool:
    """A term of three or more Chinese characters that jieba or the domain
    dictionary knows as a word: the index stores it as a lexeme wherever the
    text's segmentation has it (measures.search.text.tokens)."""
    from .text import get_tokenizer

    return len(folded) >= 3 and bool(CJK_WORD_RE.fullmatch(folded)) and bool(get_tokenizer().FREQ.get(folded))


@dataclass
class _C:
    match: str = ""          # '' = nothing searchable
    loose: str | None = None  # None = no restriction
    typed: str = ""
    title: str = ""
    words: str | None = None
    phrase: str = ""
    marks: tuple = ()
    split: tuple = ()
    splittable: bool = False


def _compile_term(term: Term, *, fuzzy: bool, negated: bool, lean: bool = False) -> _C:
    weights = TITLE_WEIGHTS if term.field == "title" else ""
    own = term_forms(term.text, synonyms=False)
    typed = _or(phrase_query(f, weights=weights) for f in own)
    if not typed:
        return _C()
    title = _or(phrase_query(f, weights=TITLE_WEIGHTS) for f in own)
    if negated:
        # an exclusion drops what contains the term as written (either script)
        return _C(match=typed, typed=typed)
    forms = term_forms(term.text)
    exact = _or(phrase_query(f, weights=weights) for f in forms)
    loose = _or(phrase_query(f, loose=True, lean=lean) for f in forms)
    words = [] if term.phrase else term_words(own[0])
    match, split = exact, ()
    if fuzzy and words:
        every = _and(_or(phrase_query(f, weights=weights) for f in term_forms(w)) for w in words)
        every_loose = _and(_or(phrase_query(f, loose=True, lean=lean) for f in term_forms(w)) for w in words)
        match = _or([exact, every])
        loose = _or([loose, every_loose])
        split = tuple(words)
    whole = _or(_quote(f) for f in own if is_word(_squeeze(f))) or None
    return _C(match=match, loose=loose, typed=typed, title=title, words=whole, phrase=exact,
              marks=tuple(forms) + (term.text,), split=split, splittable=bool(words))


def _compile_node(node, *, fuzzy: bool, negated: bool = False, lean: bool = False) -> _C:
    if isinstance(node, Term):
        return _compile_term(node, fuzzy=fuzzy, negated=negated, lean=lean)
    if isinstance(node, Not):
        child = _compile_node(node.child, fuzzy=False, negated=not negated, lean=lean)
        if not child.match:
            return _C()
        # excluding plain lexemes (no phrase distances, no weights) is exact for GIN too
        loose = f"!{child.match}" if not negated and not GIN_INEXACT.search(child.match) else None
        return _C(match=f"!{child.match}", loose=loose, marks=() if not negated else child.marks)
    parts = [c for c in (_compile_node(n, fuzzy=fuzzy, negated=negated, lean=lean) for n in node.children) if c.match]
    if not parts:
        return _C()
    marks = tuple(m for p in parts for m in p.marks)
    split = tuple(w for p in parts for w in p.split)
    splittable = any(p.splittable for p in parts)
    if isinstance(node, And):
        looses = [p.loose for p in parts if p.loose is not None]
        words = [p.words for p in parts if p.words is not None]
        return _C(match=_and(p.match for p in parts), loose=_and(looses) or None,
                  typed=_and(p.typed for p in parts), title=_and(p.title for p in parts),
                  words=_and(words) or None, phrase=_and(p.phrase or p.match for p in parts),
                  marks=marks, split=split, splittable=splittable)
    # Or: a side without a restriction makes the whole alternative unrestricted
    loose = None if any(p.loose is None for p in parts) else _or(p.loose for p in parts)
    words = None if any(p.words is None for p in parts) else _or(p.words for p in parts)
    return _C(match=_or(p.match for p in parts), loose=loose, typed=_or(p.typed for p in parts),
              title=_or(p.title for p in parts), words=words, phrase=_or(p.phrase or p.match for p in parts),
              marks=marks, split=split, splittable=splittable)


def _compile(pq: ParsedQuery) -> None:
    c = _compile_node(pq.tree, fuzzy=pq.fuzzy)
    if not c.match:
        return  # every term was unsearchable: matches nothing
    pq.tsquery = c.match
    pq.loose_tsquery = c.loose or ""
    pq.lean_tsquery = (_compile_node(pq.tree, fuzzy=pq.fuzzy, lean=True).loose or "") if c.loose else ""
    pq.typed_tsquery = c.typed
    pq.title_tsquery = c.title if c.title != c.typed else ""
    pq.word_tsquery = c.words or ""
    pq.phrase_tsquery = c.phrase if pq.fuzzy and c.phrase != c.match else ""
    pq.highlight_terms = list(dict.fromkeys(m for m in c.marks if m.strip()))
    pq.fallback_terms = list(dict.fromkeys(c.split))
    pq.splittable = c.splittable


# --- synonyms ----------------------------------------------------------------

_syn_lock = threading.Lock()
_syn_map: dict[str, list[str]] | None = None
_syn_loaded_at = 0.0


def synonyms_of(folded: str) -> list[str]:
    return _synonym_map().get(folded, [])


def _synonym_map() -> dict[str, list[str]]:
    global _syn_map, _syn_loaded_at
    if _syn_map is not None and time.monotonic() - _syn_loaded_at < SYNONYM_TTL:
        return _syn_map
    with _syn_lock:
        from measures.models import SynonymGroup

        mapping: dict[str, list[str]] = {}
        for terms in SynonymGroup.objects.values_list("terms", flat=True):
            forms = list(dict.fromkeys(f for t in terms for f in (fold(t), fold_chars(t)) if f.strip()))
            for f in forms:
                mapping.setdefault(f, [])
                mapping[f].extend(x for x in forms if x != f and x not in mapping[f])
        _syn_map, _syn_loaded_at = mapping, time.monotonic()
        return mapping


def reset_synonyms() -> None:
    global _syn_map
    with _syn_lock:
        _syn_map = None
