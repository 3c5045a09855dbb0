"""Turning what people type into a safe tsquery.

Syntax (as a search box): words separated by spaces must all match; "…" (or
“…”) is a phrase; -word or -"…" excludes; OR (or |) between words is an
alternative. Every term is folded like the index and expanded through the
SynonymGroup table; each form becomes an exact phrase of its bigrams, so a
measure matches a term when its folded text contains the term.

The tsquery text is assembled here from lexemes that are quoted by
`_quote` — user text never reaches to_tsquery. A term that yields no lexemes
(emoji, punctuation) is dropped; a query left with no terms matches nothing.
"""
import re
import threading
import time
from dataclasses import dataclass, field

from .text import fold, fold_chars, term_lexemes

MAX_QUERY_CHARS = 256
MAX_TERMS = 16
MAX_TERM_CHARS = 48
SYNONYM_TTL = 60  # seconds; edits in this process reset at once (signals)

TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "＂": '"'})
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Term:
    text: str
    negated: bool = False
    phrase: bool = False


@dataclass
class ParsedQuery:
    raw: str
    groups: list[list[Term]] = field(default_factory=list)   # AND of ORs
    excluded: list[Term] = field(default_factory=list)
    tsquery: str = ""               # '' when nothing searchable is left
    rank_tsquery: str = ""          # the positive terms as typed (no synonyms)
    # A cheap superset of `tsquery` for the GIN index: the same lexemes joined
    # by & (no <N> distances, no weights, no exclusions), so the index answers
    # it without rechecking any row; '' when only exclusions were given.
    loose_tsquery: str = ""
    highlight_terms: list[str] = field(default_factory=list)
    fallback_terms: list[str] = field(default_factory=list)   # words of split terms

    @property
    def active(self) -> bool:
        """The user asked for a search (even one that matches nothing)."""
        return bool(self.groups or self.excluded)

    @property
    def matches_nothing(self) -> bool:
        return self.active and not self.tsquery


def parse(raw) -> ParsedQuery:
    raw = CONTROL_RE.sub(" ", str(raw or ""))[:MAX_QUERY_CHARS].translate(QUOTES)
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    for m in TOKEN_RE.finditer(raw):
        if m.group(2) is not None or (m.group(0).startswith('"')):
            negated, text, phrase = bool(m.group(1)), (m.group(2) or "").strip(), True
        else:
            word = m.group(3)
            if word in ("OR", "|", "||"):
                pending_or = bool(groups)
                continue
            negated = word.startswith("-") and len(word) > 1
            text, phrase = (word[1:] if negated else word), False
        text = text[:MAX_TERM_CHARS]
        if not text.strip("-"):
            pending_or = False
            continue
        term = Term(text=text, negated=negated, phrase=phrase)
        if negated:
            excluded.append(term)
            pending_or = False
        elif pending_or and groups:
            groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
        if len(groups) + len(excluded) >= MAX_TERMS:
            break
    pq = ParsedQuery(raw=raw, groups=groups, excluded=excluded)
    _compile(pq)
    return pq


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def phrase_query(folded: str, *, loose: bool = False) -> str:
    """An exact-substring tsquery for one folded form, '' if it has no lexemes.
    loose: the same lexemes joined by & (a superset, answered by GIN alone)."""
    if any(ch.isspace() for ch in folded):
        # A quoted phrase: spaces between Chinese characters do not count.
        folded = re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", folded)
        folded = re.sub(r"\s+", " ", folded)
    lexemes = term_lexemes(folded)
    if not lexemes:
        return ""
    parts = [_quote(lexemes[0][1])]
    for (prev, _), (pos, lex) in zip(lexemes, lexemes[1:]):
        distance = pos - prev
        parts.append("&" if loose else f"<{distance}>" if distance != 1 else "<->")
        parts.append(_quote(lex))
    return " ".join(parts) if len(parts) == 1 else "(" + " ".join(parts) + ")"


def term_forms(text: str, *, synonyms: bool = True) -> list[str]:
    """Folded forms of a term: its own and (optionally) its synonyms'."""
    forms = [fold(text), fold_chars(text)]
    if synonyms:
        for base in list(forms):
            forms.extend(synonyms_of(base))
    return list(dict.fromkeys(f.strip() for f in forms if f.strip()))


def _or(parts) -> str:
    parts = list(dict.fromkeys(p for p in parts if p))
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def term_words(folded: str) -> list[str]:
    """The words of a folded term when it has several: jieba's words, a long
    one split further into dictionary sub-words (失信惩戒 → 失信, 惩戒).
    [] when the term is one short word or would leave single characters."""
    from .text import get_tokenizer

    tok = get_tokenizer()
    words = []
    for word in tok.lcut(folded, HMM=False):
        if not word.strip():
            continue
        words.extend(_split_word(word, tok.FREQ) if len(word) >= 4 else [word])
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


@dataclass
class CompiledTerm:
    query: str = ""        # forms, synonyms and the words fallback
    loose: str = ""        # the same with & instead of distances (a superset)
    exact: str = ""        # the term as typed (both foldings), for ranking
    marks: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def compile_term(term: Term) -> CompiledTerm:
    own = term_forms(term.text, synonyms=False)
    exact = _or(phrase_query(f) for f in own)
    if not exact:
        return CompiledTerm()
    forms = term_forms(term.text)
    parts = [phrase_query(f) for f in forms]
    loose = [phrase_query(f, loose=True) for f in forms]
    words = [] if term.phrase else term_words(own[0])
    if words:
        # All of the term's words, anywhere: found after the exact hits.
        parts.append("(" + " & ".join(phrase_query(w) for w in words) + ")")
        loose.append("(" + " & ".join(phrase_query(w, loose=True) for w in words) + ")")
    return CompiledTerm(query=_or(parts), loose=_or(loose), exact=exact, marks=forms + [term.text], words=words)


def _compile(pq: ParsedQuery) -> None:
    ands, looses, exacts, marks, words = [], [], [], [], []
    for group in pq.groups:
        compiled = [c for c in map(compile_term, group) if c.query]
        if compiled:
            ands.append(_or(c.query for c in compiled))
            looses.append(_or(c.loose for c in compiled))
            exacts.append(_or(c.exact for c in compiled))
            for c in compiled:
                marks.extend(c.marks)
                words.extend(c.words)
    # an excluded term drops the measures that contain it as written (either script), not
    # those that merely hold its words apart or a synonym: "-商业秘密" keeps "商业…秘密"
    nots = [c.exact for c in map(compile_term, pq.excluded) if c.exact]
    if not ands and pq.groups:
        pq.tsquery = ""          # every positive term was unsearchable
        return
    pq.tsquery = " & ".join(ands + [f"!{q}" for q in nots])
    pq.loose_tsquery = " & ".join(looses)
    # Ranking: the terms as typed (no synonyms, no split words) score first.
    pq.rank_tsquery = " & ".join(exacts)
    pq.highlight_terms = list(dict.fromkeys(marks))
    pq.fallback_terms = list(dict.fromkeys(words))


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
