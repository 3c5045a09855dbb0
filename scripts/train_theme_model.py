"""Train the theme model (measures/parsing/theme_model.py) on the labelled pages and check it.

    uv run --no-sync --with scikit-learn python scripts/train_theme_model.py            # write the model
    uv run --no-sync --with scikit-learn python scripts/train_theme_model.py --cv       # 5-fold, by batch
    uv run --no-sync --with scikit-learn python scripts/train_theme_model.py --holdout-from 135

scikit-learn is needed by this script only (the portal reads the written weights in plain Python).

Examples: every real page (tests/parsing/data/real/b*/, or the batches before --until) and the seeds
(../shared/seeds with ../shared/gold/seeds) is parsed with the keyword rules alone; its measures are
matched to the gold with the shared scorer's match_measures; each matched measure gives one example:
its folded title, nearest heading, bigrams and document title exactly as the classify stage reads them
(classify.measure_texts), the keyword rules' scores, and the gold themes. The unmatched measures are read
too (gold None): they are not examples, but their probabilities count in their document's mean.

Model: the features of theme_model.py (the bigrams seen in at least MIN_DF examples, weighted by idf and
scaled to length 1, and the keyword-score features), one L2 logistic regression per theme (C = C_VALUE,
lbfgs); bigram weights under PRUNE are left out of the file. Decision as in classify.classify: each
measure's probabilities blended with their document's mean (DOCUMENT_WEIGHT of the mean,
classify.with_document_mean), then the likeliest theme, a second from SECOND_MIN.

--cv scores keywords and model on held-out batches (batches in five groups by a hash of their name;
each group predicted by a model trained on the other four), --holdout-from N trains on the batches
before N and scores those from N on: matched measures only, F1 counted as the shared scorer counts it.
The keywords were fitted with every batch in view, so their figures are optimistic.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import math
import os
import re
import sys
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REAL = ROOT / "tests/parsing/data/real"
SHARED = ROOT.parent / "shared"
MIN_DF = 10
# 16 (was 4): held out, train before b317 / score b317-b356 0.675 -> 0.686, before b273 / b273-b356 0.697 -> 0.704
# (C 1: 0.655, C 32: 0.702; MIN_DF 5 or 20 and SECOND_MIN 0.2 or 0.45 no better)
C_VALUE = 16.0
SECOND_MIN = 0.3
# the document mean's share (classify.with_document_mean), held out at 0 / 0.3 / 0.4: trained before b480,
# b480-b551 0.715 / 0.725 / 0.727; before b400, b400-b551 0.685 / 0.692 / 0.693; before b300 0.680 /
# 0.691 / 0.692; before b514 0.735 / 0.750 / 0.751 (0.5 lower on two of the four); 5 folds by batch 0.712 -> 0.721
# at 0.35. On the session's fresh pages it did not help: before b552, b552-b589 0.730 -> 0.728 (617 measures)
DOCUMENT_WEIGHT = 0.35
# bigram weights smaller than this are left out of the file (about half are: the reading gets faster and
# held-out F1 does not move: --holdout-from 135 0.678 at 0.15, 0.681 at 0.3)
PRUNE = float(os.environ.get("THEME_MODEL_PRUNE", "0.3"))


def _scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        path = ROOT / "tests/parsing/shared_score.py"
    spec = importlib.util.spec_from_file_location("shared_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def batch_number(name: str) -> int:
    m = re.match(r"b(\d+)", name)
    return int(m.group(1)) if m else -1


def labelled_pages(until: int | None):
    """(batch, gold dict, page path) of every real page (batches before ``until``) and every seed."""
    for d in sorted(p for p in REAL.iterdir() if p.is_dir()):
        if until is not None and batch_number(d.name) >= until:
            continue
        for g in sorted((d / "gold").glob("*.json")):
            gold = json.loads(g.read_text(encoding="utf-8"))
            stem = Path(gold["source"]).stem
            page = next(p for p in sorted(d.glob(stem + ".*")) if p.is_file())
            yield d.name, gold, page
    for g in sorted((SHARED / "gold" / "seeds").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        stem = Path(gold["source"]).stem
        hits = sorted((SHARED / "seeds").glob(stem + ".*"))
        if hits:
            yield "seeds", gold, hits[0]


def examples(until: int | None = None) -> list[dict]:
    from measures.parsing import Knowledge
    from measures.parsing.classify import measure_texts, rule_scores
    from measures.parsing.core import parse_context

    score = _scorer()
    knowledge = Knowledge.from_fixtures()
    knowledge.learned_themes = False
    index = knowledge.theme_index
    out = []
    for n, (batch, gold, page) in enumerate(labelled_pages(until)):
        ctx = parse_context(page.read_bytes(), source=page.name, knowledge=knowledge)
        texts = measure_texts(ctx)
        gm = gold["measures"]
        matched = {pj: gi for gi, pj in score.match_measures(gm, ctx.measures)}
        for pj, t in enumerate(texts):
            out.append({"batch": batch, "page": n, "title": t.title, "path": t.path, "grams": sorted(t.grams),
                        "document": t.document, "scores": {index.rules[ri].code: s for s, ri, _ in rule_scores(index, t)},
                        "keyword_themes": ctx.measures[pj]["themes"],
                        "gold": gm[matched[pj]].get("themes") or [] if pj in matched else None})
    return out


def grams_of(r) -> set[str]:
    from measures.parsing.theme_model import model_grams

    return model_grams(r["grams"], r["title"], r["path"], r["document"])


def features(rows, idf, codes):
    from scipy.sparse import csr_matrix

    from measures.parsing.theme_model import keyword_features

    cols = {g: i for i, g in enumerate(sorted(idf))}
    data, ind, ptr = [], [], [0]
    for r in rows:
        found = grams_of(r) & idf.keys()
        norm = math.sqrt(sum(idf[g] ** 2 for g in found)) or 1.0
        for g in found:
            data.append(idf[g] / norm)
            ind.append(cols[g])
        for k, v in enumerate(keyword_features(r["scores"], codes)):
            if v:
                data.append(v)
                ind.append(len(cols) + k)
        ptr.append(len(data))
    return csr_matrix((data, ind, ptr), shape=(len(rows), len(cols) + 2 * len(codes) + 1))


def fit(rows, codes) -> dict:
    """The model, as data/theme_model.json holds it."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    df = Counter()
    for r in rows:
        df.update(grams_of(r))
    n = len(rows)
    idf = {g: math.log((1 + n) / (1 + d)) + 1 for g, d in df.items() if d >= MIN_DF}
    X = features(rows, idf, codes)
    grams = sorted(idf)
    gram_w = np.zeros((len(grams), len(codes)))
    kw_w, bias = [], []
    for j, code in enumerate(codes):
        y = np.array([code in r["gold"] for r in rows], dtype=int)
        if y.sum() == 0:  # never given: always improbable
            kw_w.append([0.0] * (2 * len(codes) + 1))
            bias.append(-10.0)
            continue
        m = LogisticRegression(C=C_VALUE, max_iter=5000).fit(X, y)
        gram_w[:, j] = m.coef_[0, :len(grams)]
        kw_w.append([round(float(x), 5) for x in m.coef_[0, len(grams):]])
        bias.append(round(float(m.intercept_[0]), 5))
    weights = {}
    for i, g in enumerate(grams):
        kept = [[j, round(float(w), 4)] for j, w in enumerate(gram_w[i]) if abs(w) >= PRUNE]
        if kept:
            weights[g] = kept
    return {"codes": list(codes), "second_min": SECOND_MIN, "document_weight": DOCUMENT_WEIGHT, "prune": PRUNE, "bias": bias,
            "keyword_weights": kw_w, "idf": {g: round(idf[g], 5) for g in grams}, "weights": weights}


def decisions(model, rows) -> list[list[str]]:
    """The themes classify gives each row: probabilities blended within each page, then the likeliest."""
    from measures.parsing.classify import likeliest_themes, with_document_mean

    pages: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        pages.setdefault(r["page"], []).append(i)
    got: list[list[str]] = [[] for _ in rows]
    for members in pages.values():
        ps = [model.probabilities(rows[i]["grams"], rows[i]["title"], rows[i]["path"], rows[i]["scores"],
                                  rows[i]["document"]) for i in members]
        for i, p in zip(members, with_document_mean(ps, model.document_weight)):
            got[i] = likeliest_themes(p, model.second_min)
    return got


def f1(pairs) -> float:
    tp = sum(len(set(g) & set(p)) for g, p in pairs)
    total = sum(len(g) for g, _ in pairs) + sum(len(p) for _, p in pairs)
    return 2 * tp / total if total else 1.0


def evaluate(train, test, codes) -> tuple[float, float]:
    """Keywords' and model's F1 on the matched measures of ``test`` (its unmatched ones in the page means)."""
    from measures.parsing.theme_model import ThemeModel

    model = ThemeModel.from_dict(fit([r for r in train if r["gold"] is not None], codes))
    scored = [(r, g) for r, g in zip(test, decisions(model, test)) if r["gold"] is not None]
    return (f1([(r["gold"], r["keyword_themes"]) for r, _ in scored]), f1([(r["gold"], g) for r, g in scored]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true", help="5-fold cross-validation grouped by batch; writes nothing")
    ap.add_argument("--holdout-from", type=int, help="train on batches before N, score N and later; writes nothing")
    ap.add_argument("--until", type=int, help="use the batches before N only (with --holdout-from: those it holds out too)")
    ap.add_argument("--out", type=Path, default=ROOT / "measures/parsing/data/theme_model.json")
    a = ap.parse_args()
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    django.setup()
    from measures.parsing import default_knowledge

    codes = tuple(r.code for r in default_knowledge().theme_rules)
    rows = examples(None if a.cv else a.until)  # --until bounds --holdout-from's held-out batches too
    print(f"{sum(r['gold'] is not None for r in rows)} matched measures (of {len(rows)}) from "
          f"{len({r['batch'] for r in rows})} batches (seeds one)")
    if a.cv:
        for k in range(5):
            group = lambda r: zlib.crc32(r["batch"].encode()) % 5  # noqa: E731
            test = [r for r in rows if group(r) == k]
            kw, model = evaluate([r for r in rows if group(r) != k], test, codes)
            print(f"fold {k}: {sum(r['gold'] is not None for r in test)} measures, keywords {kw:.3f}, model {model:.3f}")
        return
    if a.holdout_from:
        late = lambda r: batch_number(r["batch"]) >= a.holdout_from  # noqa: E731
        test = [r for r in rows if late(r)]
        kw, model = evaluate([r for r in rows if not late(r)], test, codes)
        print(f"batches b{a.holdout_from} on: {sum(r['gold'] is not None for r in test)} measures, "
              f"keywords {kw:.3f}, model {model:.3f}")
        return
    rows = [r for r in rows if r["gold"] is not None]
    data = fit(rows, codes)
    from measures.parsing.theme_model import ThemeModel

    model = ThemeModel.from_dict(data)
    data["trained"] = {"date": dt.date.today().isoformat(), "examples": len(rows),
                       "batches": len({r["batch"] for r in rows}), "min_df": MIN_DF, "C": C_VALUE,
                       "until": a.until}
    # a few examples with the probabilities the plain-Python reader gives: the integrity test recomputes them
    data["checks"] = [{"grams": r["grams"], "title": r["title"], "path": r["path"], "scores": r["scores"],
                       "document": r["document"],
                       "probabilities": {c: round(p, 6) for c, p in model.probabilities(
                           r["grams"], r["title"], r["path"], r["scores"], r["document"]).items()}}
                      for r in rows[:: max(1, len(rows) // 5)][:5]]
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {a.out} ({a.out.stat().st_size // 1024} KB, {len(data['idf'])} n-grams, "
          f"{sum(map(len, data['weights'].values()))} weights)")


if __name__ == "__main__":
    main()
