"""Does a trained model make themes and IP types generalise better than the keyword rules?

    uv run --no-sync --with numpy --with scipy python scripts/eval_classifier.py [--refresh] [--detail]

Parses every labelled page (the real pages tests/parsing/data/real/b*, the synthetic genre set
tests/parsing/data/genre, the seeds ../shared/seeds with ../shared/gold/seeds), matches its measures to
the gold with the shared scorer's match_measures, and keeps each measure's folded title, nearest heading
and body, its gold themes and IP types, and the keyword rules' scores and labels (cached in
.cache/eval_classifier_rows.pkl; --refresh parses again after a parser change).

Then:
1. the rules' theme and IP-type F1 per real batch and pooled (optimistic: the keywords were fitted on
   every real batch);
2. leave-one-batch-out over the real batches: a model (character 1-3-grams of title, heading and body;
   softmax logistic regression for themes, one logistic regression per IP type; numpy + scipy, for
   this evaluation only) is trained on genre + seeds + the other real batches and predicts the held-out
   batch; rules alone, model alone and hybrids are scored on the held-out batches pooled, on the IP
   batches (the 10 with the largest share of gold measures carrying an IP type), on the rest, and on the
   batches the keywords were never fitted on (b23 and later);
3. held out in time: the keyword data of 03f0c37 (fitted on b01-b19 only) against hybrids with a model
   trained on genre + seeds + b01-b19, on b20 and later: the fairest test of generalisation we have.

About 25 CPU minutes (one model fit per real batch).

F1 is counted as the shared scorer counts it: matched pairs, plus the labels of unmatched gold measures
(recall) and of unmatched parsed measures (precision); "pairs" columns count matched pairs only.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
REAL = ROOT / "tests/parsing/data/real"
GENRE = ROOT / "tests/parsing/data/genre"
CACHE = ROOT / ".cache/eval_classifier_rows.pkl"


def _scorer():
    path = SHARED / "eval"
    if not (path / "score.py").exists():
        path = ROOT / "tests/parsing"
        sys.path.insert(0, str(path))
        import shared_score as S  # noqa: E402
        return S
    sys.path.insert(0, str(path))
    import score as S  # noqa: E402
    return S


# ---------------------------------------------------------------------------------------------- collect
def _parse(data: bytes, source: str):
    from measures.parsing import core
    from measures.parsing.context import ParseContext
    from measures.parsing.knowledge import default_knowledge
    ctx = ParseContext(default_knowledge(), source=source)
    core.decode(ctx, data)
    for stage in (core.clean, core.lines, core.header, core.outline, core.measures, core.assign_units,
                  core.targets, core.classify):
        stage(ctx)
    return ctx


def _row(ctx, j, **kw):
    from measures.parsing.classify import Texts, rule_scores
    k = ctx.knowledge
    m, body = ctx.measures[j], ctx.bodies[j]
    heading = ctx.fold(m["path"][-1]) if m["path"] else ""
    texts = Texts.of(m["title"], body, None, ctx.fold)
    texts = texts.with_path(heading) if heading else texts
    ts = [(s, k.theme_index.rules[ri].code) for s, ri, _ in rule_scores(k.theme_index, texts)]
    ips = [(s, k.ip_index.rules[ri].code) for s, ri, _ in rule_scores(k.ip_index, texts)]
    return dict(kw, title=texts.title, body=texts.body, heading=heading, ip_context=texts.ip_context,
                rule_themes=list(m["themes"]), rule_ip=list(m["ip_types"]), theme_scores=ts, ip_scores=ips)


def collect_pages(gold_dir: Path, doc_dir: Path, corpus: str, batch: str, S) -> list[dict]:
    rows = []
    for g in sorted(gold_dir.glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        src = doc_dir / gold["source"]
        page = f"{batch}/{gold['source']}"
        try:
            ctx = _parse(src.read_bytes(), gold["source"])
        except Exception as exc:  # a page the parser refuses: every gold measure is missed
            print(f"  {page}: {exc}", file=sys.stderr)
            ctx = None
        pm = ctx.measures if ctx else []
        pairs = S.match_measures(gold["measures"], pm)
        by_gold = dict(pairs)
        matched = {pj for _, pj in pairs}
        base = dict(corpus=corpus, batch=batch, page=page)
        for gi, gm in enumerate(gold["measures"]):
            gt, gi_ = list(gm.get("themes") or []), list(gm.get("ip_types") or [])
            if gi in by_gold:
                rows.append(_row(ctx, by_gold[gi], kind="pair", gold_themes=gt, gold_ip=gi_, **base))
            else:
                rows.append(dict(base, kind="gold_only", gold_themes=gt, gold_ip=gi_))
        for pj in range(len(pm)):
            if pj not in matched:
                rows.append(_row(ctx, pj, kind="pred_only", gold_themes=[], gold_ip=[], **base))
    return rows


def collect() -> list[dict]:
    S = _scorer()
    rows = []
    for b in sorted(p for p in REAL.iterdir() if p.is_dir() and p.name[:1] == "b" and (p / "gold").is_dir()):
        rows += collect_pages(b / "gold", b, "real", b.name, S)
    rows += collect_pages(GENRE, GENRE, "genre", "genre", S)
    if (SHARED / "gold/seeds").is_dir():
        rows += collect_pages(SHARED / "gold/seeds", SHARED / "seeds", "seeds", "seeds", S)
    return rows


def with_rules(rows, knowledge) -> list[dict]:
    """Copies of rows whose rule fields come from another keyword version (the texts are already folded)."""
    from measures.parsing.classify import Texts, choose_ip_types, choose_themes, rule_scores
    out = []
    for r in rows:
        if r["kind"] == "gold_only":
            out.append(r)
            continue
        texts = Texts.of(r["title"], r["body"], None, fold=lambda s: s)
        texts = texts.with_path(r["heading"]) if r["heading"] else texts
        ts = rule_scores(knowledge.theme_index, texts)
        ips = rule_scores(knowledge.ip_index, texts)
        out.append(dict(r, rule_themes=choose_themes(knowledge.theme_index, ts),
                        rule_ip=choose_ip_types(knowledge.ip_index, ips),
                        theme_scores=[(sc, knowledge.theme_index.rules[ri].code) for sc, ri, _ in ts],
                        ip_scores=[(sc, knowledge.ip_index.rules[ri].code) for sc, ri, _ in ips]))
    return out


def knowledge_at(commit: str):
    """The keyword data (themes, IP types) as committed at ``commit``."""
    import subprocess
    from measures.parsing.knowledge import Knowledge

    def rows(name):
        data = subprocess.run(["git", "show", f"{commit}:fixtures/{name}"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout
        return [dict(item["fields"]) for item in json.loads(data)]
    return Knowledge(themes=rows("themes.json"), ip_types=rows("ip_types.json"))


# ------------------------------------------------------------------------------------------------ model
def features(title: str, heading: str, body: str) -> set[str]:
    """Character 1-3-grams of the title, the nearest heading and the body, each its own namespace."""
    out = set()
    for tag, s in (("t", title), ("h", heading), ("b", body)):
        s = s or ""
        for n in (1, 2, 3):
            for i in range(len(s) - n + 1):
                g = s[i:i + n]
                if not g.strip():
                    continue
                out.add(tag + g)
    return out


class Model:
    """Softmax regression over themes (gold themes share a measure's weight), one logistic regression per
    IP type; L2-regularised, fitted with L-BFGS on a sparse binary design matrix."""

    def __init__(self, theme_codes, ip_codes, c_theme=32.0, c_ip=32.0, min_count=2):
        self.theme_codes, self.ip_codes = list(theme_codes), list(ip_codes)
        self.c_theme, self.c_ip, self.min_count = c_theme, c_ip, min_count

    def _matrix(self, feats):
        import numpy as np
        from scipy import sparse
        indptr, idx = [0], []
        for f in feats:
            cols = sorted(self.vocab[g] for g in f if g in self.vocab)
            idx.extend(cols)
            indptr.append(len(idx))
        data = np.ones(len(idx))
        X = sparse.csr_matrix((data, idx, indptr), shape=(len(feats), len(self.vocab)))
        # each row scaled to unit length: long bodies do not shout
        norms = np.sqrt(np.asarray(X.sum(axis=1)).ravel())
        norms[norms == 0] = 1
        return sparse.diags(1 / norms) @ X

    def fit(self, rows, weights):
        import numpy as np
        from scipy.optimize import minimize
        feats = [features(r["title"], r["heading"], r["body"]) for r in rows]
        df = Counter(g for f in feats for g in f)
        self.vocab = {g: i for i, g in enumerate(sorted(g for g, c in df.items() if c >= self.min_count))}
        X = self._matrix(feats)
        w = np.asarray(weights, dtype=float)
        n, d = X.shape
        # themes: softmax, target distribution uniform over gold themes
        K = len(self.theme_codes)
        ti = {c: i for i, c in enumerate(self.theme_codes)}
        Y = np.zeros((n, K))
        for i, r in enumerate(rows):
            codes = [c for c in r["gold_themes"] if c in ti]
            for c in codes:
                Y[i, ti[c]] = 1 / len(codes)
        has = Y.sum(axis=1) > 0
        Xt, Yt, wt = X[has], Y[has], w[has]
        lam = 1 / self.c_theme

        def f_theme(theta):
            W = theta[:d * K].reshape(d, K)
            b = theta[d * K:]
            Z = Xt @ W + b
            Z -= Z.max(axis=1, keepdims=True)
            logp = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
            loss = -(wt[:, None] * Yt * logp).sum() + 0.5 * lam * (W * W).sum()
            G = wt[:, None] * (np.exp(logp) * Yt.sum(axis=1, keepdims=True) - Yt)
            gW = Xt.T @ G + lam * W
            gb = G.sum(axis=0)
            return loss, np.concatenate([gW.ravel(), gb])

        res = minimize(f_theme, np.zeros(d * K + K), jac=True, method="L-BFGS-B", options={"maxiter": 300})
        self.W_theme = res.x[:d * K].reshape(d, K)
        self.b_theme = res.x[d * K:]
        # IP types: one binary logistic regression each, fitted together
        lam = 1 / self.c_ip
        L = len(self.ip_codes)
        Yi = np.array([[1.0 if c in r["gold_ip"] else 0.0 for c in self.ip_codes] for r in rows])

        def f_ip(theta):
            W = theta[:d * L].reshape(d, L)
            b = theta[d * L:]
            Z = X @ W + b
            P = 1 / (1 + np.exp(-Z))
            eps = 1e-12
            loss = -(w[:, None] * (Yi * np.log(P + eps) + (1 - Yi) * np.log(1 - P + eps))).sum() \
                + 0.5 * lam * (W * W).sum()
            G = w[:, None] * (P - Yi)
            return loss, np.concatenate([(X.T @ G + lam * W).ravel(), G.sum(axis=0)])

        res = minimize(f_ip, np.zeros(d * L + L), jac=True, method="L-BFGS-B", options={"maxiter": 300})
        self.W_ip, self.b_ip = res.x[:d * L].reshape(d, L), res.x[d * L:]
        return self

    def predict(self, rows):
        """[(theme probabilities {code: p}, IP-type probabilities {code: p})] for each row."""
        import numpy as np
        X = self._matrix([features(r["title"], r["heading"], r["body"]) for r in rows])
        Z = X @ self.W_theme + self.b_theme
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        Q = 1 / (1 + np.exp(-(X @ self.W_ip + self.b_ip)))
        return [({c: float(P[i, k]) for k, c in enumerate(self.theme_codes)},
                 {c: float(Q[i, k]) for k, c in enumerate(self.ip_codes)}) for i in range(len(rows))]


class NaiveBayes:
    """Multinomial naive Bayes over the same features (plain Python), themes only, as a second opinion."""

    def __init__(self, theme_codes, alpha=0.3):
        self.codes, self.alpha = list(theme_codes), alpha

    def fit(self, rows, weights):
        self.count = {c: Counter() for c in self.codes}
        self.total = Counter()
        self.prior = Counter()
        vocab = set()
        for r, w in zip(rows, weights):
            codes = [c for c in r["gold_themes"] if c in self.count]
            if not codes:
                continue
            f = features(r["title"], r["heading"], r["body"])
            vocab |= f
            for c in codes:
                share = w / len(codes)
                self.prior[c] += share
                for g in f:
                    self.count[c][g] += share
                self.total[c] += share * len(f)
        self.V = len(vocab)
        self.vocab = vocab
        return self

    def predict_themes(self, r):
        f = [g for g in features(r["title"], r["heading"], r["body"]) if g in self.vocab]
        n = sum(self.prior.values())
        logp = {}
        for c in self.codes:
            denom = math.log(self.total[c] + self.alpha * self.V)
            logp[c] = math.log((self.prior[c] + 0.1) / (n + 0.1 * len(self.codes))) \
                + sum(math.log(self.count[c][g] + self.alpha) - denom for g in f)
        top = max(logp.values())
        z = sum(math.exp(v - top) for v in logp.values())
        return {c: math.exp(v - top) / z for c, v in logp.items()}


# ---------------------------------------------------------------------------------------------- deciders
def _ranked(p: dict) -> list[tuple[str, float]]:
    return sorted(p.items(), key=lambda kv: -kv[1])


def themes_model(p, second=0.3):
    (c1, p1), (c2, p2) = _ranked(p)[:2]
    return [c1, c2] if p2 >= second else [c1]


def themes_fallback(r, p):
    """The rules decide; where no keyword fires, the model's best theme replaces the fallback."""
    return r["rule_themes"] if r["theme_scores"] else [_ranked(p)[0][0]]


def themes_second(r, p, second=0.3):
    """The rules' best theme; the model chooses the second (its best other theme at >= second)."""
    if not r["theme_scores"]:
        return themes_model(p, second)
    first = r["rule_themes"][0]
    other = [(c, q) for c, q in _ranked(p) if c != first]
    return [first, other[0][0]] if other and other[0][1] >= second else [first]


def themes_fused(r, p, weight=1.0, ratio=0.5, keep_decisive=True):
    """Keyword scores (relative to the best) plus weight x the model's probability; the best always, a
    second at >= ratio of the best."""
    scores = dict((c, s) for s, c in r["theme_scores"])
    top = max(scores.values()) if scores else 0
    fused = {c: (scores.get(c, 0) / top if top else 0) + weight * q for c, q in p.items()}
    ranked = _ranked(fused)
    out = [ranked[0][0]]
    if ranked[1][1] >= ratio * ranked[0][1]:
        out.append(ranked[1][0])
    return out


def themes_confident(r, p, margin=0.5):
    """The rules where their best theme leads the second by margin (relative), else the model."""
    sc = sorted((s for s, _ in r["theme_scores"]), reverse=True)
    if sc and (len(sc) == 1 or sc[1] <= (1 - margin) * sc[0]):
        return r["rule_themes"]
    return themes_model(p)


def ip_model(q, t=0.5):
    return [c for c, v in q.items() if v >= t]


def ip_union(r, q, t=0.7):
    return sorted(set(r["rule_ip"]) | {c for c, v in q.items() if v >= t})


def ip_veto(r, q, t=0.2):
    """The rules' types, each kept only when the model gives it at least t."""
    return [c for c in r["rule_ip"] if q.get(c, 0) >= t]


def ip_fused(r, q, weight=1.0, t=1.0):
    scores = dict((c, s) for s, c in r["ip_scores"])
    return [c for c, v in q.items() if min(scores.get(c, 0), 3) / 3 + weight * v >= t]


# -------------------------------------------------------------------------------------------- reporting
def f1(tp, npred, ngold):
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    rc = tp / ngold if ngold else 1.0
    return 2 * p * rc / (p + rc) if p + rc else 0.0


def tally(rows, labels, key):
    """(all, pairs) F1 of one labelling: labels[i] for rows[i] (None for gold_only rows)."""
    tp = npred = ngold = ptp = pnp = png = 0
    for r, lab in zip(rows, labels):
        g = set(r["gold_themes" if key == "themes" else "gold_ip"])
        p = set(lab or [])
        tp += len(g & p)
        npred += len(p)
        ngold += len(g)
        if r["kind"] == "pair":
            ptp += len(g & p)
            pnp += len(p)
            png += len(g)
    return f1(tp, npred, ngold), f1(ptp, pnp, png)


def ip_batches(rows, n=10) -> list[str]:
    share = defaultdict(lambda: [0, 0])
    for r in rows:
        if r["corpus"] == "real" and r["kind"] != "pred_only":
            share[r["batch"]][0] += bool(r["gold_ip"])
            share[r["batch"]][1] += 1
    return sorted(sorted(share, key=lambda b: -share[b][0] / share[b][1])[:n])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--refresh", action="store_true", help="parse every page again")
    ap.add_argument("--detail", action="store_true", help="per-batch held-out figures for each decider")
    ap.add_argument("--real-weight", type=float, default=1.0, help="weight of a real measure in training")
    args = ap.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    if args.refresh or not CACHE.exists():
        rows = collect()
        CACHE.parent.mkdir(exist_ok=True)
        CACHE.write_bytes(pickle.dumps(rows))
    rows = pickle.loads(CACHE.read_bytes())
    real = [r for r in rows if r["corpus"] == "real"]
    batches = sorted({r["batch"] for r in real})
    ipb = ip_batches(rows)
    from measures.parsing.knowledge import default_knowledge
    k = default_knowledge()
    theme_codes = [r.code for r in k.theme_rules]
    ip_codes = [r.code for r in k.ip_rules]
    counts = Counter(r["corpus"] for r in rows if r["kind"] == "pair")
    print(f"matched measures: {dict(counts)}; real batches {len(batches)}; IP batches: {' '.join(ipb)}")

    # 1. baseline: the rules on every real batch
    print("\n1. rules (fitted on every real batch: optimistic)   themes all/pairs   ip_types all/pairs")
    for b in batches + ["pooled"]:
        sub = real if b == "pooled" else [r for r in real if r["batch"] == b]
        th = tally(sub, [r.get("rule_themes") for r in sub], "themes")
        ip = tally(sub, [r.get("rule_ip") for r in sub], "ip_types")
        print(f"  {b:32s} {th[0]:.3f} {th[1]:.3f}   {ip[0]:.3f} {ip[1]:.3f}")
    for corpus in ("genre", "seeds"):
        sub = [r for r in rows if r["corpus"] == corpus]
        th = tally(sub, [r.get("rule_themes") for r in sub], "themes")
        ip = tally(sub, [r.get("rule_ip") for r in sub], "ip_types")
        print(f"  {corpus:32s} {th[0]:.3f} {th[1]:.3f}   {ip[0]:.3f} {ip[1]:.3f}")

    # 2. leave one real batch out
    th_out, ip_out = {}, {}
    other = [r for r in rows if r["corpus"] != "real" and r["kind"] == "pair"]
    for b in batches:
        train = other + [r for r in real if r["batch"] != b and r["kind"] == "pair"]
        predict(train, [r for r in real if r["batch"] == b], theme_codes, ip_codes, args.real_weight,
                th_out, ip_out)
        print(f"  fold {b} done", file=sys.stderr)
    groups = {"pooled": real, "IP batches": [r for r in real if r["batch"] in ipb],
              "other batches": [r for r in real if r["batch"] not in ipb],
              "never fitted": [r for r in real if r["batch"] >= FIRST_NEVER_FITTED]}
    print(f"\n2. leave-one-batch-out over {len(batches)} real batches (model trained on genre + seeds + the other"
          " real batches; the rules are the current keywords, fitted on b01-b22)")
    report(groups, th_out, ip_out, batches if args.detail else None)

    # 3. a fair test of the rules: keywords fitted on b01-b19 only, on the batches written after them
    old = knowledge_at(OLD_KEYWORDS)
    later = [r for r in real if r["batch"] >= "b20"]
    span = f"b20-{batches[-1][:3]}"
    later_old = with_rules(later, old)
    train = [r for r in rows if r["kind"] == "pair" and (r["corpus"] != "real" or r["batch"] < "b20")]
    th3, ip3 = {}, {}
    predict(train, later_old, theme_codes, ip_codes, args.real_weight, th3, ip3)
    print(f"\n3. held out in time: keywords of {OLD_KEYWORDS} (fitted on b01-b19), model trained on genre + seeds +"
          f" b01-b19, both judged on {span}; the current keywords' figures for reference")
    cur_th = tally(later, [r.get("rule_themes") for r in later], "themes")
    cur_ip = tally(later, [r.get("rule_ip") for r in later], "ip_types")
    print(f"  current keywords on {span}: themes {cur_th[0]:.3f} ({cur_th[1]:.3f}), "
          f"ip_types {cur_ip[0]:.3f} ({cur_ip[1]:.3f})")
    report({span: later_old, f"{FIRST_NEVER_FITTED}-{batches[-1][:3]}":
            [r for r in later_old if r["batch"] >= FIRST_NEVER_FITTED]}, th3, ip3, None)


# the keyword data last changed in 4ee4bf8, fitted on b01-b22: batches from b23 on were never fitted
FIRST_NEVER_FITTED = "b23"
OLD_KEYWORDS = "03f0c37"

THEME_DECIDERS = {
    "rules": lambda r, p, nb: r["rule_themes"],
    "model (LR)": lambda r, p, nb: themes_model(p),
    "model (LR), 2nd >= 0.2": lambda r, p, nb: themes_model(p, 0.2),
    "model (LR), 2nd >= 0.4": lambda r, p, nb: themes_model(p, 0.4),
    "model (NB)": lambda r, p, nb: themes_model(nb),
    "rules, LR when no keyword": lambda r, p, nb: themes_fallback(r, p),
    "rules 1st, LR 2nd >= 0.3": lambda r, p, nb: themes_second(r, p),
    "rules 1st, LR 2nd >= 0.2": lambda r, p, nb: themes_second(r, p, 0.2),
    "rules 1st, LR 2nd >= 0.4": lambda r, p, nb: themes_second(r, p, 0.4),
    "fused w=0.5": lambda r, p, nb: themes_fused(r, p, 0.5),
    "fused w=1": lambda r, p, nb: themes_fused(r, p, 1.0),
    "fused w=2": lambda r, p, nb: themes_fused(r, p, 2.0),
    "fused w=1, 2nd >= 0.35": lambda r, p, nb: themes_fused(r, p, 1.0, 0.35),
    "rules when confident (0.5), else LR": lambda r, p, nb: themes_confident(r, p),
}
IP_DECIDERS = {
    "rules": lambda r, q: r["rule_ip"],
    "model >= 0.5": lambda r, q: ip_model(q),
    "model >= 0.3": lambda r, q: ip_model(q, 0.3),
    "rules + model >= 0.7": lambda r, q: ip_union(r, q),
    "rules + model >= 0.5": lambda r, q: ip_union(r, q, 0.5),
    "rules vetoed by model < 0.2": lambda r, q: ip_veto(r, q),
    "rules vetoed by model < 0.1": lambda r, q: ip_veto(r, q, 0.1),
    "fused w=1, t=1": lambda r, q: ip_fused(r, q),
    "fused w=1, t=0.8": lambda r, q: ip_fused(r, q, 1.0, 0.8),
}


def predict(train, test, theme_codes, ip_codes, real_weight, th_out, ip_out) -> None:
    """Fit on train, label every test row with every decider (th_out[decider][id(row)])."""
    weights = [real_weight if r["corpus"] == "real" else 1.0 for r in train]
    lr = Model(theme_codes, ip_codes).fit(train, weights)
    nb = NaiveBayes(theme_codes).fit(train, weights)
    scored = [r for r in test if r["kind"] != "gold_only"]
    probs = dict(zip(map(id, scored), lr.predict(scored)))
    for r in test:
        if r["kind"] == "gold_only":
            for name in THEME_DECIDERS:
                th_out.setdefault(name, {})[id(r)] = None
            for name in IP_DECIDERS:
                ip_out.setdefault(name, {})[id(r)] = None
            continue
        p, q = probs[id(r)]
        pnb = nb.predict_themes(r)
        for name, fn in THEME_DECIDERS.items():
            th_out.setdefault(name, {})[id(r)] = fn(r, p, pnb)
        for name, fn in IP_DECIDERS.items():
            ip_out.setdefault(name, {})[id(r)] = fn(r, q)


def report(groups, th_out, ip_out, batches) -> None:
    for title, out in (("themes", th_out), ("ip_types", ip_out)):
        print(f"  {title}: F1 all (pairs only)")
        print(f"  {'decider':40s} " + "  ".join(f"{g:>15s}" for g in groups))
        for name, lab in out.items():
            cells = []
            for sub in groups.values():
                a, p = tally(sub, [lab[id(r)] for r in sub], title)
                cells.append(f"{a:.3f} ({p:.3f})")
            print(f"  {name:40s} " + "  ".join(f"{c:>15s}" for c in cells))
        if batches:
            real = next(iter(groups.values()))
            print(f"\n  per batch ({title}, F1 all): " + " ".join(b[:3] for b in batches))
            for name, lab in out.items():
                vals = [tally([r for r in real if r["batch"] == b],
                              [lab[id(r)] for r in real if r["batch"] == b], title)[0] for b in batches]
                print(f"  {name:40s} " + " ".join(f"{v:.2f}" for v in vals))
        print()


if __name__ == "__main__":
    main()
