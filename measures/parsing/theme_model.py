"""A learned second reading of themes: logistic regression over the keyword scores and character bigrams.

The keyword rules (classify.rule_scores) stay the first reading and stay editable data; this model reads
their scores together with the measure's own characters and says how likely each theme is, as the
writers of the real-page development set assign themes. It was added because the keywords alone,
however tuned, disagreed most with those writers where a measure names no theme word or several.

What it computes for one measure (everything folded to Simplified first, as the keywords are):

* the character bigrams of the title, the body and the nearest heading (the set the keyword rules
  already build: classify.Texts.grams), the bigrams of the title and the heading once more, marked
  "^" (a heading names what a group of items is about), and those of the document's title, marked "@"
  (a measure of a talent policy is about talent even where it only says 给予补贴), each that is in the
  model's vocabulary weighted by its idf, the vector scaled to length 1;
* beside them, for every theme, the keyword score / 10, the score divided by the best score, and one
  feature saying that no keyword matched;
* per theme ``p = 1 / (1 + exp(-(bias + w · features)))``.

Within a document, each measure's probabilities are first blended with their mean over the document's
measures (:func:`~measures.parsing.classify.with_document_mean`, ``document_weight`` of the mean: the
items of one plan share its subject even where one item names none; held out, trained before b480 and
scored on b480-b551, 0.715 -> 0.725 at 0.3, and up on the b300 / b400 / b514 splits and on five
batch-grouped folds too; flat on the next fresh pages, b552-b589: 0.730 -> 0.728), then
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
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent / "data" / "theme_model.json"
TAG = "^"  # marks a bigram of the title or the nearest heading
DOC_TAG = "@"  # marks a bigram of the document's title (held out on b475-b513, trained on b01-b474: 0.664 -> 0.679)


def bigrams(*texts: str) -> set[str]:
    """The character bigrams of each text (none across two texts): '专利权', '质押' → 专利, 利权, 质押."""
    return {t[i:i + 2] for t in texts if t for i in range(len(t) - 1)}


def model_grams(grams, title: str | None, heading: str | None, document: str | None = None) -> set[str]:
    """The model's n-grams of a measure: its bigrams (``grams``, those of title, body and heading), those
    of the title and the heading marked "^" and those of the document's title marked "@":
    ({'加强', '强执', '执法'}, '', '执法', '人才') → those, '^执法' and '@人才'."""
    return set(grams) | {TAG + g for g in bigrams(title, heading)} | {DOC_TAG + g for g in bigrams(document)}


def keyword_features(scores: dict[str, float], codes: tuple[str, ...]) -> list[float]:
    """For each code its keyword score / 10, then each score / the best score, then 1.0 when no keyword
    matched (else 0.0): {'funding': 6, 'organization': 3} over (funding, organization) →
    [0.6, 0.3, 1.0, 0.5, 0.0]."""
    raw = [float(scores.get(c, 0.0)) for c in codes]
    top = max(raw, default=0.0)
    return [s / 10.0 for s in raw] + [s / top if top > 0 else 0.0 for s in raw] + [0.0 if top > 0 else 1.0]


@dataclass(frozen=True)
class ThemeModel:
    """The trained weights, as data/theme_model.json holds them: every vocabulary bigram's idf, and for
    each bigram only the weights that reach the file's "prune" size (about half are near zero: reading
    only the others keeps a measure's reading under a tenth of a millisecond)."""

    codes: tuple[str, ...]
    idf: dict[str, float]
    gram_weights: dict[str, tuple[tuple[int, float], ...]]  # bigram -> ((code index, idf × weight), ...)
    keyword_weights: tuple[tuple[float, ...], ...]  # per code, one weight per keyword feature
    bias: tuple[float, ...]
    second_min: float
    # how much of each measure's probabilities is its document's mean (classify.with_document_mean); 0 when
    # the file names none (a model written before it)
    document_weight: float = 0.0

    @cached_property
    def vocabulary(self) -> frozenset:
        return frozenset(self.idf)

    @classmethod
    def from_dict(cls, data: dict) -> "ThemeModel":
        idf = {g: float(v) for g, v in data["idf"].items()}
        return cls(codes=tuple(data["codes"]), idf=idf,
                   gram_weights={g: tuple((int(j), idf[g] * float(w)) for j, w in pairs)
                                 for g, pairs in data["weights"].items()},
                   keyword_weights=tuple(tuple(float(x) for x in row) for row in data["keyword_weights"]),
                   bias=tuple(float(b) for b in data["bias"]), second_min=float(data["second_min"]),
                   document_weight=float(data.get("document_weight", 0.0)))

    def probabilities(self, grams, title: str, heading: str, scores: dict[str, float],
                      document: str = "") -> dict[str, float]:
        """{code: probability} for one measure: ``grams`` the bigrams of its folded title, body and nearest
        heading (classify.Texts.grams), ``title``, ``heading`` and the ``document``'s title folded,
        ``scores`` the keyword rules' score by code."""
        z = [0.0] * len(self.codes)
        idf, weights = self.idf, self.gram_weights
        found = (grams if isinstance(grams, (set, frozenset)) else set(grams)) & self.vocabulary
        found |= {TAG + g for g in bigrams(title, heading)} & self.vocabulary
        found |= {DOC_TAG + g for g in bigrams(document)} & self.vocabulary
        norm2 = 0.0
        for g in found:
            norm2 += idf[g] * idf[g]
            for j, u in weights.get(g, ()):
                z[j] += u
        scale = 1.0 / math.sqrt(norm2) if norm2 else 0.0
        kw = [(k, v) for k, v in enumerate(keyword_features(scores, self.codes)) if v]  # mostly zeros
        out = {}
        for code, zj, b, row in zip(self.codes, z, self.bias, self.keyword_weights):
            x = b + zj * scale + sum(row[k] * v for k, v in kw)
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
