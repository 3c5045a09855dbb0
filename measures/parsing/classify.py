"""Explainable keyword classifier for themes (工作类别) and IP types (客体).

Driven only by the keyword data in :class:`~measures.parsing.knowledge.Knowledge`:

* text is folded to Simplified mainland wording (Traditional input works);
* "!phrase" entries of a rule are masked out first (专利周 is an event, not patents);
* each keyword occurrence adds its weight; occurrences in the measure title
  count ``TITLE_WEIGHT`` times, in the enclosing headings ``PATH_WEIGHT`` times,
  repeated body occurrences are capped at ``BODY_CAP``;
* themes: the best theme is always assigned, others when they reach both
  ``THEME_MIN`` and ``THEME_RATIO`` of the best score, or when a decisive
  keyword ("+补贴") of theirs occurs;
* IP types: every type whose score reaches ``IP_MIN``.

:func:`explain_themes` / :func:`explain_ip_types` return the scores and the
keywords that matched, so the UI can show why a label was given.
"""
from __future__ import annotations

from operator import add

from .knowledge import Knowledge, Rule
from .text import fold

TITLE_WEIGHT = 2.0
PATH_WEIGHT = 1.0
BODY_CAP = 3
THEME_MIN = 3.0
THEME_RATIO = 0.35
MAX_THEMES = 3
IP_MIN = 1.0


def _keyword_score(weight: float, *, in_title: bool, in_path: bool, n: int) -> float:
    """A keyword's weight counted in the title, the chapter path and (capped) the body."""
    return (TITLE_WEIGHT * weight if in_title else 0.0) + (PATH_WEIGHT * weight if in_path else 0.0) \
        + min(n, BODY_CAP) * weight


def _mask(text: str, phrases) -> str:
    for p in phrases:
        if p and p in text:
            text = text.replace(p, "\u3000" * len(p))
    return text


class _Texts:
    """The three folded texts of one measure with memoised keyword counts.

    A keyword whose first two characters never occur next to each other in a
    text is skipped without scanning (most keywords, most of the time).
    """

    __slots__ = ("title", "body", "path", "_grams", "_memo")

    def __init__(self, title: str, body: str, path: str):
        self.title, self.body, self.path = title, body, path
        grams = set(map(add, body, body[1:]))
        if title:
            grams.update(map(add, title, title[1:]))
        if path:
            grams.update(map(add, path, path[1:]))
        self._grams = grams
        self._memo: dict[str, tuple[bool, bool, int]] = {}

    def grams(self) -> set[str]:
        return self._grams

    def counts(self, kw: str) -> tuple[bool, bool, int]:
        got = self._memo.get(kw)
        if got is None:
            if len(kw) >= 2 and kw[:2] not in self._grams:
                got = (False, False, 0)
            else:
                got = (bool(self.title) and kw in self.title, bool(self.path) and kw in self.path,
                       self.body.count(kw) if self.body else 0)
            self._memo[kw] = got
        return got


def _score(rule: Rule, title: str, body: str, path: str, texts: "_Texts | None" = None,
           keywords=None) -> tuple[float, dict[str, float]]:
    hits: dict[str, float] = {}
    if texts is None or any(p and (p in title or p in body or p in path) for p in rule.ignore):
        texts = _Texts(*(_mask(t, rule.ignore) for t in (title, body, path)))
        keywords = None
    for kw, weight in (rule.keywords if keywords is None else keywords):
        if not kw:
            continue
        in_title, in_path, n = texts.counts(kw)
        s = _keyword_score(weight, in_title=in_title, in_path=in_path, n=n)
        if s:
            hits[kw] = s
    # a keyword contained in a longer matched keyword of the same rule is not counted twice
    if len(hits) > 1:
        for kw in list(hits):
            if any(kw != other and kw in other for other in hits):
                hits[kw] *= 0.5
    return sum(hits.values()), hits


_LAST_GRAMS: list = [None, frozenset()]


def _body_grams(body: str) -> frozenset:
    """Bigrams of a body text; the last one is remembered (themes and IP types read the same body)."""
    if _LAST_GRAMS[0] is not body and _LAST_GRAMS[0] != body:
        _LAST_GRAMS[0], _LAST_GRAMS[1] = body, frozenset(map(add, body, body[1:]))
    return _LAST_GRAMS[1]


class _Index:
    """All keywords of one rule list, indexed by their first two characters."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        by_gram: dict[str, set[str]] = {}
        self.owners: dict[str, list[tuple[int, int, float]]] = {}  # keyword -> [(rule, position, weight)]
        for ri, rule in enumerate(rules):
            for ki, (kw, weight) in enumerate(rule.keywords):
                if not kw:
                    continue
                by_gram.setdefault(kw[:2] if len(kw) >= 2 else "", set()).add(kw)
                self.owners.setdefault(kw, []).append((ri, ki, weight))
        # keyword -> longer keywords of the same rule that contain it (for the halving rule)
        self.inside: dict[tuple[int, str], tuple[str, ...]] = {}
        for ri, rule in enumerate(rules):
            kws = [kw for kw, _ in rule.keywords if kw]
            for kw in kws:
                longer = tuple(o for o in kws if o != kw and kw in o)
                if longer:
                    self.inside[(ri, kw)] = longer
        self.with_ignore = frozenset(ri for ri, rule in enumerate(rules) if rule.ignore)
        self.short = frozenset(by_gram.pop("", ()))
        self.by_gram = {g: frozenset(v) for g, v in by_gram.items()}
        self.grams = frozenset(self.by_gram)


_INDEX_CACHE: dict[int, _Index] = {}


def _index(rules: list[Rule]) -> _Index:
    idx = _INDEX_CACHE.get(id(rules))
    if idx is None or idx.rules is not rules:
        if len(_INDEX_CACHE) > 16:
            _INDEX_CACHE.clear()
        idx = _INDEX_CACHE[id(rules)] = _Index(rules)
    return idx


def _rule_scores(rules: list[Rule], title: str | None, body: str, path: list[str] | None,
                 keywords: bool = True) -> list[tuple]:
    """[(score, rule index, hits)] for every rule with a positive score, best first (ties in rule order)."""
    t, b, p = fold(title or ""), fold(body or ""), fold(" ".join(path or []))
    idx = _index(rules)
    grams = _body_grams(b)
    if t or p:
        grams = set(grams)
    if t:
        grams.update(map(add, t, t[1:]))
    if p:
        grams.update(map(add, p, p[1:]))
    cands = set(idx.short)
    by_gram = idx.by_gram
    for g in grams & idx.grams:
        cands |= by_gram[g]
    # every keyword that occurs, scored once per owning rule (same arithmetic as _score)
    per_rule: dict[int, list[tuple[int, str, float]]] = {}
    owners = idx.owners
    for kw in cands:
        n = b.count(kw)
        in_title = kw in t
        in_path = kw in p
        if not (n or in_title or in_path):
            continue
        for ri, ki, weight in owners[kw]:
            sc = _keyword_score(weight, in_title=in_title, in_path=in_path, n=n)
            if sc:
                got = per_rule.get(ri)
                if got is None:
                    per_rule[ri] = [(ki, kw, sc)]
                else:
                    got.append((ki, kw, sc))
    out = []
    inside = idx.inside
    for ri in sorted(per_rule.keys() | idx.with_ignore):
        rule = rules[ri]
        if rule.ignore and any(ph and (ph in t or ph in b or ph in p) for ph in rule.ignore):
            score, hits = _score(rule, t, b, p)  # masked phrases: the plain way
        else:
            found = per_rule.get(ri)
            if not found:
                continue
            if len(found) == 1:
                hits = {found[0][1]: found[0][2]}
                score = found[0][2]
            else:
                found.sort()
                hits = {kw: sc for _, kw, sc in found}
                for kw in list(hits):
                    longer = inside.get((ri, kw))
                    if longer and any(o in hits for o in longer):
                        hits[kw] *= 0.5
                score = sum(hits.values())
        if score > 0:
            out.append((round(score, 2), ri, hits))
    out.sort(key=lambda d: -d[0])
    return out


def _explain(rules: list[Rule], title: str | None, body: str, path: list[str] | None) -> list[dict]:
    return [{"code": rules[ri].code, "name": rules[ri].name, "score": score,
             "keywords": sorted(hits, key=lambda k: -hits[k])}
            for score, ri, hits in _rule_scores(rules, title, body, path)]


def explain_themes(knowledge: Knowledge, title: str | None, body: str, path: list[str] | None = None) -> list[dict]:
    """Every theme with a positive score: [{"code", "name", "score", "keywords"}], best first."""
    return _explain(knowledge.theme_rules, title, body, path)


def explain_ip_types(knowledge: Knowledge, title: str | None, body: str, path: list[str] | None = None) -> list[dict]:
    return _explain(knowledge.ip_rules, title, body, None)


def classify_themes(knowledge: Knowledge, title: str | None, body: str, path: list[str] | None = None) -> list[str]:
    rules = knowledge.theme_rules
    scored = _rule_scores(rules, title, body, path)
    if not scored:
        return []
    top = scored[0][0]
    chosen = [rules[scored[0][1]].code]
    for score, ri, _ in scored[1:]:
        if len(chosen) >= MAX_THEMES:
            break
        if score >= THEME_MIN and score >= THEME_RATIO * top:
            chosen.append(rules[ri].code)
    # a decisive keyword ("+补贴" of 资金奖补) gives its theme whatever the others score
    for _, ri, hits in scored:
        rule = rules[ri]
        if rule.decisive and rule.code not in chosen and any(k in hits for k in rule.decisive):
            chosen.append(rule.code)
    return chosen


def classify_ip_types(knowledge: Knowledge, title: str | None, body: str) -> list[str]:
    rules = knowledge.ip_rules
    found = {ri for score, ri, _ in _rule_scores(rules, title, body, None) if score >= IP_MIN}
    return [r.code for ri, r in enumerate(rules) if ri in found]
