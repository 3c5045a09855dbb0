"""The editable data the parser relies on, in one plain object.

``Knowledge`` holds lists of plain dicts/tuples so that the importer can build
it from database rows exactly as :meth:`Knowledge.from_fixtures` builds it from
the Django fixture files:

* ``regions``: ``{"code": "210100", "name": "沈阳市", "short_name": "沈阳",
  "level": "province"|"city"|"district", "parent": "210000" | None}``
* ``themes`` / ``ip_types``: ``{"code": ..., "name": ..., "keywords": [...], "order": n}``;
  a keyword may carry a weight ("行政裁决^3", default 1); a keyword starting
  with "!" is a phrase to ignore ("!专利周": an event, not patents); "+" makes
  a keyword decisive ("+补贴": its presence alone adds the theme); "~" makes it
  weak ("~互联网^0.5": it counts only where the measure speaks of IP, one of
  ``lexicon.IP_CONTEXT_WORDS``); " -longer" after a keyword names a longer word
  it does not count inside ("产权制度^2 -知识产权制度": the system of property
  rights, not the IP system).
* ``unit_aliases``: ``[(alias, canonical), ...]`` such as ("市场监督管理局", "市场监管局").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from . import lexicon as L
from .text import fold
from .theme_model import ThemeModel, load_theme_model

PROJECT_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}


@dataclass(frozen=True)
class Rule:
    """Compiled keywords of one theme or IP type."""

    code: str
    name: str
    keywords: tuple[tuple[str, float], ...]  # (folded keyword, weight)
    ignore: tuple[str, ...]  # folded phrases masked before matching
    # "+word" keywords: their presence alone gives the theme (as one more theme, beside the best)
    decisive: tuple[str, ...] = ()
    # "~word" keywords: counted only where the measure speaks of IP (lexicon.IP_CONTEXT_WORDS)
    weak: tuple[str, ...] = ()
    # "word -longer": (keyword, longer words it does not count inside)
    not_inside: tuple[tuple[str, tuple[str, ...]], ...] = ()


def parse_keyword(raw: str) -> tuple[str, float]:
    """'行政裁决^3' -> ('行政裁决', 3.0); '专利' -> ('专利', 1.0)."""
    raw = raw.strip()
    if "^" in raw:
        word, _, weight = raw.rpartition("^")
        try:
            return word.strip(), float(weight)
        except ValueError:
            return raw, 1.0
    return raw, 1.0


def parse_entry(raw: str) -> tuple[str, str, float, tuple[str, ...]]:
    """One keyword entry -> (marks, word, weight, longer words it does not count inside):
    '~互联网^0.5' -> ('~', '互联网', 0.5, ()); '产权制度^2 -知识产权制度' -> ('', '产权制度', 2.0, ('知识产权制度',))."""
    head, *rest = raw.strip().split()
    not_inside = tuple(t[1:] for t in rest if t.startswith("-") and len(t) > 1)
    marks = ""
    while head[:1] in ("+", "~") and len(head) > 1:
        marks, head = marks + head[0], head[1:]
    word, weight = parse_keyword(head)
    return marks, word, weight, not_inside


def compile_rules(rows: list[dict]) -> list[Rule]:
    rules = []
    for row in sorted(rows, key=lambda r: (r.get("order", 0), r["code"])):
        kws, ignore, decisive, weak, not_inside = [], [], [], [], []
        for raw in row.get("keywords") or []:
            if not raw or not raw.strip():
                continue
            if raw.strip().startswith("!"):
                ignore.append(fold(raw.strip()[1:]))
                continue
            marks, word, weight, longer = parse_entry(raw)
            if word:
                kws.append((fold(word), weight))
                if "+" in marks:
                    decisive.append(fold(word))
                if "~" in marks:
                    weak.append(fold(word))
                if longer:
                    not_inside.append((fold(word), tuple(fold(w) for w in longer)))
        rules.append(Rule(row["code"], row.get("name", ""), tuple(kws), tuple(ignore), tuple(decisive),
                          tuple(weak), tuple(not_inside)))
    return rules


class KeywordIndex:
    """All keywords of one rule list, indexed by their first two characters (most keywords of most
    rules never need a scan)."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        by_gram: dict[str, set[str]] = {}
        self.owners: dict[str, list[tuple[int, int, float]]] = {}  # keyword -> [(rule, position, weight)]
        for ri, rule in enumerate(rules):
            for ki, (kw, weight) in enumerate(rule.keywords):
                if kw:
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
        self.weak = frozenset((ri, kw) for ri, rule in enumerate(rules) for kw in rule.weak)
        self.not_inside = {(ri, kw): longer for ri, rule in enumerate(rules) for kw, longer in rule.not_inside}
        self.short = frozenset(by_gram.pop("", ()))
        self.by_gram = {g: frozenset(v) for g, v in by_gram.items()}
        self.grams = frozenset(self.by_gram)


def prefecture_short_form(name: str, short: str) -> str:
    """The short form an autonomous prefecture goes by: '海南藏族自治州', '海南' → '海南州' (unambiguous
    where '海南' is also the province); any other region keeps its short name."""
    full_end, short_end = L.PREFECTURE_SHORT_FORM
    return short + short_end if name.endswith(full_end) and not short.endswith(short_end) else short


class Gazetteer:
    """Region names indexed for fast longest-match lookup in text."""

    def __init__(self, regions: list[dict]):
        self.by_code: dict[str, dict] = {}
        for r in regions:
            code = str(r["code"])
            parent = r.get("parent")
            self.by_code[code] = {
                "code": code, "name": r["name"], "short_name": r.get("short_name") or "",
                "level": r.get("level") or "district",
                "parent": str(parent) if parent not in (None, "") else None,
            }
        self.by_name: dict[str, list[dict]] = {}
        self.by_short: dict[str, list[dict]] = {}
        for r in self.by_code.values():
            self.by_name.setdefault(r["name"], []).append(r)
            short = r["short_name"]
            if len(short) >= 2 and r["level"] in ("province", "city") and short != r["name"]:
                self.by_short.setdefault(short, []).append(r)
                if prefecture_short_form(r["name"], short) != short:
                    self.by_short.setdefault(prefecture_short_form(r["name"], short), []).append(r)
        self._full_idx = self._index(n for n in self.by_name if len(n) >= 2)
        self._short_idx = self._index(self.by_short)

    @staticmethod
    def _index(names) -> tuple[dict[str, tuple[int, ...]], set[str], "re.Pattern[str] | None"]:
        """first character -> name lengths (longest first), the names, a regex for first characters."""
        lengths: dict[str, set[int]] = {}
        names = set(names)
        for n in names:
            lengths.setdefault(n[0], set()).add(len(n))
        by_first = {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}
        rx = re.compile("[" + re.escape("".join(sorted(by_first))) + "]") if by_first else None
        return by_first, names, rx

    def __bool__(self) -> bool:
        return bool(self.by_code)

    def find(self, text: str, short: bool = False) -> list[tuple[int, str, list[dict]]]:
        """Non-overlapping (position, name, candidate regions) found in ``text``."""
        by_first, names, rx = self._short_idx if short else self._full_idx
        if not text or rx is None:
            return []
        index = self.by_short if short else self.by_name
        out = []
        pos, n = 0, len(text)
        while pos < n:
            m = rx.search(text, pos)
            if m is None:
                break
            i = m.start()
            for length in by_first[text[i]]:
                cand = text[i:i + length]
                if len(cand) == length and cand in names:
                    out.append((i, cand, index[cand]))
                    pos = i + length
                    break
            else:
                pos = i + 1
        return out

    def parent(self, region: dict | None) -> dict | None:
        if not region or not region["parent"]:
            return None
        return self.by_code.get(region["parent"])

    def ancestors(self, region: dict) -> list[dict]:
        out, cur = [], self.parent(region)
        while cur is not None and len(out) < 5:
            out.append(cur)
            cur = self.parent(cur)
        return out

    def describe(self, region: dict) -> dict:
        """province/city/district names and the document level for ``region``."""
        chain = [region] + self.ancestors(region)
        province = next((r for r in chain if r["level"] == "province"), None)
        city = next((r for r in chain if r["level"] == "city"), None)
        district = region if region["level"] == "district" else None
        level = region["level"]
        if district is not None and city is None and province is not None \
                and province["name"] not in MUNICIPALITIES:
            # a county-level city directly under a province (潜江市) counts as a city
            city, district, level = district, None, "city"
        if district is not None and city is None and province is not None \
                and province["name"] in MUNICIPALITIES:
            # a district of 北京/上海/天津/重庆: the municipality is its city
            city = province
        return {
            "province": province["name"] if province else None,
            "city": city["name"] if city else None,
            "district": district["name"] if district else None,
            "level": level,
        }


@dataclass(eq=False)
class Knowledge:
    regions: list[dict] = field(default_factory=list)
    themes: list[dict] = field(default_factory=list)
    ip_types: list[dict] = field(default_factory=list)
    unit_aliases: list[tuple[str, str]] = field(default_factory=list)
    # themes from the trained model (theme_model.py) where its codes are the theme list's; False: keywords alone
    learned_themes: bool = True
    theme_model_file: str | None = None  # another model file than data/theme_model.json

    @classmethod
    def from_fixtures(cls, directory: Path | str | None = None) -> "Knowledge":
        """Read regions/themes/ip_types/unit_aliases from Django fixture JSON files.

        Missing files simply leave that part empty.
        """
        directory = Path(directory) if directory is not None else PROJECT_FIXTURES

        def rows(name: str) -> list[tuple[object, dict]]:
            path = directory / name
            if not path.exists():
                return []
            data = json.loads(path.read_text(encoding="utf-8"))
            return [(item.get("pk"), item.get("fields") or {}) for item in data]

        regions = []
        for pk, f in rows("regions.json"):
            regions.append({"code": str(f.get("code") or pk), "name": f["name"],
                            "short_name": f.get("short_name") or "", "level": f.get("level"),
                            "parent": None if f.get("parent") is None else str(f["parent"])})
        themes = [dict(f) for _, f in rows("themes.json")]
        ip_types = [dict(f) for _, f in rows("ip_types.json")]
        aliases = [(f["alias"], f["canonical"]) for _, f in rows("unit_aliases.json")]
        return cls(regions=regions, themes=themes, ip_types=ip_types, unit_aliases=aliases)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer(self.regions)

    @cached_property
    def theme_rules(self) -> list[Rule]:
        return compile_rules(self.themes)

    @cached_property
    def ip_rules(self) -> list[Rule]:
        return compile_rules(self.ip_types)

    @cached_property
    def theme_index(self) -> KeywordIndex:
        return KeywordIndex(self.theme_rules)

    @cached_property
    def ip_index(self) -> KeywordIndex:
        return KeywordIndex(self.ip_rules)

    @cached_property
    def theme_model(self) -> "ThemeModel | None":
        """The trained theme model (data/theme_model.json) when learned_themes is on and the model's codes
        are exactly the theme list's (a theme added or removed since training: None, keywords alone)."""
        if not self.learned_themes:
            return None
        model = load_theme_model(self.theme_model_file)
        if model is None or set(model.codes) != {r.code for r in self.theme_rules}:
            return None
        return model

    @cached_property
    def alias_map(self) -> dict[str, str]:
        return {a: c for a, c in self.unit_aliases}

    def canonical_unit(self, name: str) -> str:
        """Canonical form of a unit name: aliases replaced inside the name."""
        out = name
        for alias, canonical in sorted(self.unit_aliases, key=lambda p: -len(p[0])):
            if alias and alias in out:
                out = out.replace(alias, canonical)
        return out


@lru_cache(maxsize=1)
def default_knowledge() -> Knowledge:
    """The project's fixture data, loaded once per process."""
    return Knowledge.from_fixtures()
