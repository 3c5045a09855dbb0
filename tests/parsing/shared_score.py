#!/usr/bin/env python3
"""Vendored copy of ../shared/eval/score.py, used by test_genre.py when the shared
folder is not next to the checkout (a clean CI clone). Keep it identical to the original.

Score parser output against gold answers (format: ../spec/parse-format.md).

    score.py --gold DIR --pred PRED.json          # score a saved parse
    score.py --gold DIR --docs DIR --cmd "CMD"    # run CMD FILE... and score it

CMD is the project's parse command, e.g. "uv run python manage.py parse_document --json";
it is run once with every document file whose stem has a gold file.
Prints one block per document, then a summary, and last a line
"overall: ..." with the headline figures. Standard library only.
"""
import argparse
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

DOC_FIELDS = ["title", "notice_title", "issuer", "doc_number", "province", "city",
              "district", "level", "signed_date", "published_date", "status", "script"]
NUM_PREFIX = re.compile(r"^\s*(?:[一二三四五六七八九十百零〇]+、|[(（〔][一二三四五六七八九十百零〇\d]+[)）〕]|\d+[.、．]|第[一二三四五六七八九十百零〇\d]+[条章节部分])\s*")
# mirror sites insert pinyin after polyphonic characters: 知識產(chǎn)權; ignored on both sides
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
PUNCT = re.compile(r"[\s\u3000,，。;；:：、.!！?？“”\"'‘’《》<>〈〉()（）\[\]【】〔〕{}—\-·…]")


def norm(s):
    if s is None:
        return ""
    return PUNCT.sub("", PINYIN.sub("", str(s)))


def norm_field(s):
    if s is None:
        return None
    s = PINYIN.sub("", str(s)).strip().replace("〔", "〔").replace("[", "〔").replace("]", "〕")
    s = s.replace("【", "〔").replace("】", "〕").replace("(", "（").replace(")", "）")
    s = re.sub(r"\s+", "", s).strip("《》")
    return s or None


def norm_heading(s):
    return norm(NUM_PREFIX.sub("", str(s or "")))


def norm_unit(s):
    s = re.sub(r"\s+", "", PINYIN.sub("", str(s))).replace("(", "（").replace(")", "）")
    s = s.strip("〔〕()（）[]【】,，、;；。")
    if s.endswith("等"):
        s = s[:-1]
    return s.replace("（", "(").replace("）", ")")


def f1(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_measures(gold, pred):
    """In-order one-to-one matching on the opening characters of each body."""
    pairs, start = [], 0
    pkeys = [norm(m.get("title")) + norm(m.get("anchor")) for m in pred]
    for gi, g in enumerate(gold):
        gkey = norm(g.get("title")) + norm(g.get("anchor"))
        ga = norm(g.get("anchor"))[:10]
        for pj in range(start, len(pred)):
            pa = norm(pred[pj].get("anchor"))[:10]
            if (ga and ga in pkeys[pj]) or (len(pa) >= 8 and pa in gkey):
                pairs.append((gi, pj))
                start = pj + 1
                break
    return pairs


def bigrams(s):
    s = norm(s)
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def target_match(g, p):
    try:
        if abs(float(g["value"]) - float(p.get("value"))) > 1e-6:
            return False
    except (TypeError, ValueError):
        return False
    if norm(g.get("unit")) != norm(p.get("unit")):
        return False
    if g.get("year") != p.get("year"):
        return False
    gb, pb = bigrams(g.get("metric")), bigrams(p.get("metric"))
    return len(gb & pb) / max(1, min(len(gb), len(pb))) >= 0.4


class Tally:
    def __init__(self):
        self.c = {}

    def add(self, key, tp=0, npred=0, ngold=0):
        a = self.c.setdefault(key, [0, 0, 0])
        a[0] += tp
        a[1] += npred
        a[2] += ngold

    def prf(self, key):
        return f1(*self.c.get(key, [0, 0, 0]))


def score_doc(gold, pred, tally, out):
    name = gold["source"]
    if pred is None or "error" in pred:
        why = "missing" if pred is None else pred.get("error")
        out.append(f"{name}: NO PARSE ({why})")
        pred = {"document": None, "measures": [], "targets": []}
    gd, pd = gold["document"], pred.get("document")
    wrong = []
    for f in DOC_FIELDS:
        if f not in gd:
            continue
        ok = isinstance(pd, dict) and norm_field(gd[f]) == norm_field(pd.get(f))
        tally.add("doc_fields", int(ok), 1, 1)
        if not ok:
            wrong.append(f"{f}: want {gd[f]!r} got {(pd or {}).get(f)!r}")
    gm, pm = gold["measures"], pred.get("measures") or []
    pairs = match_measures(gm, pm)
    tally.add("measures", len(pairs), len(pm), len(gm))
    t_ok = l_ok = p_ok = 0
    for gi, pj in pairs:
        g, p = gm[gi], pm[pj]
        t_ok += norm(g.get("title")) == norm(p.get("title"))
        l_ok += norm(g.get("label")) == norm(p.get("label"))
        p_ok += [norm_heading(x) for x in g.get("path", [])] == [norm_heading(x) for x in p.get("path") or []]
        for key, fn in (("units", norm_unit), ("lead_units", norm_unit), ("themes", str), ("ip_types", str)):
            gs = {fn(x) for x in g.get(key) or []}
            ps = {fn(x) for x in p.get(key) or []}
            tally.add(key, len(gs & ps), len(ps), len(gs))
    # units and labels on unmatched measures still count against recall/precision
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pj for _, pj in pairs}
    for gi, g in enumerate(gm):
        if gi not in matched_g:
            for key in ("units", "lead_units", "themes", "ip_types"):
                tally.add(key, 0, 0, len(g.get(key) or []))
    for pj, p in enumerate(pm):
        if pj not in matched_p:
            for key in ("units", "lead_units", "themes", "ip_types"):
                tally.add(key, 0, len(p.get(key) or []), 0)
    tally.add("titles", t_ok, len(pairs), len(gm))
    tally.add("labels", l_ok, len(pairs), len(gm))
    tally.add("paths", p_ok, len(pairs), len(gm))
    gt, pt = gold.get("targets", []), pred.get("targets") or []
    used, tp, cmp_ok = set(), 0, 0
    for g in gt:
        for j, p in enumerate(pt):
            if j not in used and target_match(g, p):
                used.add(j)
                tp += 1
                cmp_ok += g.get("comparator") == p.get("comparator")
                break
    tally.add("targets", tp, len(pt), len(gt))
    tally.add("comparators", cmp_ok, tp, len(gt))
    mp, mr, mf = f1(len(pairs), len(pm), len(gm))
    out.append(f"{name}: measures {len(pairs)}/{len(gm)} matched of {len(pm)} predicted (F1 {mf:.2f}); "
               f"titles {t_ok}/{len(gm)}; paths {p_ok}/{len(gm)}; targets {tp}/{len(gt)} matched of {len(pt)} predicted")
    for w in wrong:
        out.append(f"    document {w}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--pred", type=Path)
    ap.add_argument("--docs", type=Path)
    ap.add_argument("--cmd")
    ap.add_argument("--timeout", type=int, default=600)
    a = ap.parse_args()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(a.gold.glob("*.json"))]
    if not golds:
        sys.exit(f"no gold files in {a.gold}")
    if a.pred:
        preds = json.loads(a.pred.read_text(encoding="utf-8"))
    elif a.docs and a.cmd:
        files = []
        for g in golds:
            hits = sorted(a.docs.glob(Path(g["source"]).stem + ".*"))
            if not hits:
                sys.exit(f"no document for {g['source']} in {a.docs}")
            files.append(str(hits[0].resolve()))
        run = subprocess.run(shlex.split(a.cmd) + files, capture_output=True, text=True, timeout=a.timeout)
        if run.returncode != 0:
            print(run.stderr[-3000:], file=sys.stderr)
            sys.exit(f"parse command exited {run.returncode}")
        try:
            preds = json.loads(run.stdout)
        except json.JSONDecodeError as e:
            print(run.stdout[:2000], file=sys.stderr)
            sys.exit(f"parse command did not print one JSON array: {e}")
    else:
        sys.exit("give --pred, or --docs with --cmd")
    by_source = {}
    for p in preds if isinstance(preds, list) else []:
        by_source[Path(str(p.get("source", ""))).stem] = p
    if len(by_source) < len(preds if isinstance(preds, list) else []):
        print("warning: some parse results lack a distinct 'source'", file=sys.stderr)
    tally, out = Tally(), []
    for g in golds:
        score_doc(g, by_source.get(Path(g["source"]).stem), tally, out)
    print("\n".join(out))
    print()
    figures = []
    for key in ("doc_fields", "measures", "titles", "labels", "paths", "units", "lead_units", "targets", "comparators", "themes", "ip_types"):
        p, r, f = tally.prf(key)
        tp, npred, ngold = tally.c.get(key, [0, 0, 0])
        print(f"{key:12s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({tp} right, {npred} given, {ngold} wanted)")
        figures.append(f"{key} {f:.3f}")
    print("overall: " + " · ".join(figures))


if __name__ == "__main__":
    main()
