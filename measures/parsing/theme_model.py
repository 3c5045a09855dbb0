"""A learned second reading of themes: logistic regression over the keyword scores and character n-grams.

The keyword rules (classify.rule_scores) stay the first reading and stay editable data; this model reads
their scores together with the measure's own characters and says how likely each theme is, as the
writers of the real-page development set assign themes. It was added because the keywords alone,
however tuned, disagreed most with those writers where a measure names no theme word or several.

What it computes for one measure (everything folded to Simplified first, as the keywords are):

* the text ``title + " " + heading + " " + heading + " " + body`` (the nearest heading twice: it names
  what a group of items is about), runs of white space made one space;
* its character 1-, 2- and 3-grams, each that is in the model's vocabulary weighted
  ``(1 + ln count) × idf`` and the vector scaled to length 1 (tf-idf);
* beside them, for every theme, the keyword score / 10, the score divided by the best score, and one
  feature saying that no keyword matched;
* per theme ``p = 1 / (1 + exp(-(bias + w · features)))``.

:func:`~measures.parsing.classify.choose_themes_learned` gives the likeliest theme and a second one when
its p reaches ``second_min``. The weights are in ``data/theme_model.json``, written by
``scripts/train_theme_model.py`` from the real pages and the seeds (the script says how, and how it was
checked: batch-grouped cross-validation and a held-out later batch set). The model is used only while
the theme list has exactly the model's codes: after a theme is added or removed the keywords decide
alone until the model is trained again.
"""
from __future__ import annotations

import json
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent / "data" / "theme_model.json"
WHITE = re.compile(r"\s+")


def model_text(title: str, body: str, heading: str) -> str:
    """The one string the n-grams are read from: '加强执法' + heading twice + body, spaces collapsed.

    >>> model_text("加强执法", "开展专项行动", "行政保护")
    '加强执法 行政保护 行政保护 开展专项行动'
    """
    return WHITE.sub(" ", f"{title} {heading} {heading} {body}")


def char_ngrams(text: str, lo: int = 1, hi: int = 3) -> Counter:
    """Counts of the character n-grams of ``text`` (lo ≤ n ≤ hi): '专利权' → 专, 利, 权, 专利, 利权, 专利权."""
    grams: Counter = Counter()
    for n in range(lo, hi + 1):
        grams.update(text[i:i + n] for i in range(len(text) - n + 1))
    return grams


def tfidf(text: str, idf: dict[str, float], lo: int = 1, hi: int = 3) -> dict[str, float]:
    """The text's in-vocabulary n-grams weighted (1 + ln count) × idf, scaled to unit length."""
    vec = {g: (1.0 + math.log(c)) * idf[g] for g, c in char_ngrams(text, lo, hi).items() if g in idf}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {g: v / norm for g, v in vec.items()} if norm else {}


def keyword_features(scores: dict[str, float], codes: tuple[str, ...]) -> list[float]:
    """For each code its keyword score / 10, then each score / the best score, then 1.0 when no keyword
    matched (else 0.0): {'funding': 6, 'organization': 3} over (funding, organization) →
    [0.6, 0.3, 1.0, 0.5, 0.0]."""
    raw = [float(scores.get(c, 0.0)) for c in codes]
    top = max(raw, default=0.0)
    return [s / 10.0 for s in raw] + [s / top if top > 0 else 0.0 for s in raw] + [0.0 if top > 0 else 1.0]


@dataclass(frozen=True)
class ThemeModel:
    """The trained weights, as data/theme_model.json holds them: every vocabulary n-gram's idf, and for
    each n-gram only the weights that reach the file's "prune" size (most are near zero: reading only
    the others keeps a measure's reading under a tenth of a millisecond)."""

    codes: tuple[str, ...]
    ngram: tuple[int, int]
    idf: dict[str, float]
    gram_weights: dict[str, tuple[tuple[int, float], ...]]  # n-gram -> ((code index, idf × weight), ...)
    keyword_weights: tuple[tuple[float, ...], ...]  # per code, one weight per keyword feature
    bias: tuple[float, ...]
    second_min: float

    @classmethod
    def from_dict(cls, data: dict) -> "ThemeModel":
        idf = {g: float(v) for g, v in data["idf"].items()}
        return cls(codes=tuple(data["codes"]), ngram=tuple(data["ngram"]), idf=idf,
                   gram_weights={g: tuple((int(j), idf[g] * float(w)) for j, w in pairs)
                                 for g, pairs in data["weights"].items()},
                   keyword_weights=tuple(tuple(float(x) for x in row) for row in data["keyword_weights"]),
                   bias=tuple(float(b) for b in data["bias"]), second_min=float(data["second_min"]))

    def probabilities(self, title: str, body: str, heading: str, scores: dict[str, float]) -> dict[str, float]:
        """{code: probability} for one measure (folded texts; ``scores``: the keyword rules' score by code)."""
        z = [0.0] * len(self.codes)
        idf, weights, log = self.idf, self.gram_weights, math.log
        norm2 = 0.0
        for g, c in char_ngrams(model_text(title, body, heading), *self.ngram).items():
            if g in idf:
                tf = 1.0 + log(c)
                norm2 += (tf * idf[g]) ** 2
                for j, u in weights.get(g, ()):
                    z[j] += tf * u
        scale = 1.0 / math.sqrt(norm2) if norm2 else 0.0
        kw = keyword_features(scores, self.codes)
        out = {}
        for code, zj, b, row in zip(self.codes, z, self.bias, self.keyword_weights):
            x = b + zj * scale + sum(map(operator.mul, row, kw))
            out[code] = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, x))))
        return out


@lru_cache(maxsize=4)
def load_theme_model(path: str | None = None) -> ThemeModel | None:
    """The model in ``path`` (default data/theme_model.json), read once per process; None when the file
    is missing or unreadable (the keywords then decide alone)."""
    try:
        return ThemeModel.from_dict(json.loads(Path(path or MODEL_FILE).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
