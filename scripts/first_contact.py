"""The raw first-contact counts of the real-page set: record one batch, or pool a range.

    python3 scripts/first_contact.py record BATCH_DIR SCORE_OUTPUT COMMIT
    python3 scripts/first_contact.py pool [--from N] [--to M] [--label TEXT]

A batch's first contact is the shared scorer run on it before any parser change made with that batch in
view (tests/parsing/data/real/README.md). SCORES.md keeps the F1 figures; pooling several batches needs
the raw counts under them (right, given, wanted per field), and those are kept here, one JSON line per
batch in tests/parsing/data/real/first_contact.jsonl, from session 26 on (the counts of sessions 6-25
were kept outside the repository and were lost with it; SCORES.md's rows for them stand as written).

``record`` reads the scorer's output (the lines "measures  P … (12 right, 14 given, 13 wanted)") and
appends the batch's line; ``pool`` sums the counts of the batches numbered N to M and prints one
SCORES.md row.

``pool --earlier "F1,F1,…" --earlier-batches LO-HI`` adds an earlier pooled row whose raw counts are
lost (sessions 6-25: SCORES.md's "pooled b55–b755" row) to the recorded counts. Of that row only the
F1 figures are known; its gold counts (wanted) are counted again from the gold files of those batches,
and its given counts are taken as equal to them, so each field is estimated as
(F1 × 2·wanted + 2·right') / (2·wanted + given' + wanted'), primes for the recorded batches. Checked on
the set itself (b55-b700 against b701-b755, both known exactly): within 0.002 of the exact pooled F1
on every field, 0.0000 on doc fields, measures and targets. The row says "estimate". Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "parsing"))
import shared_score  # noqa: E402  (the repository's copy of ../shared/eval/score.py: its fields and F1)
REAL = ROOT / "tests" / "parsing" / "data" / "real"
COUNTS_FILE = REAL / "first_contact.jsonl"
FIELDS = ("doc_fields", "measures", "titles", "labels", "paths", "units", "lead_units", "targets",
          "comparators", "themes", "ip_types")
COUNT_LINE = re.compile(r"^(\w+)\s+P [\d.]+\s+R [\d.]+\s+F1 [\d.]+\s+\((\d+) right, (\d+) given, (\d+) wanted\)")


def batch_number(name: str) -> int:
    return int(re.match(r"b(\d+)", name).group(1))


def counts_of(score_output: str) -> dict[str, list[int]]:
    """{field: [right, given, wanted]} from the shared scorer's summary lines:
    'targets      P 0.500  R 0.400  F1 0.444   (2 right, 4 given, 5 wanted)' → {'targets': [2, 4, 5]}."""
    out = {}
    for line in score_output.splitlines():
        m = COUNT_LINE.match(line.strip())
        if m and m.group(1) in FIELDS:
            out[m.group(1)] = [int(m.group(2)), int(m.group(3)), int(m.group(4))]
    return out


def f1(right: int, given: int, wanted: int) -> float:
    """The shared scorer's F1 of raw counts (empty sides count as perfect, as it counts them)."""
    return shared_score.f1(right, given, wanted)[2]


def wanted_counts(gold: dict) -> dict[str, int]:
    """What the shared scorer counts as wanted for one gold answer (it needs no parse): the document
    fields present, the measures (also for titles, labels and paths), their labels of each kind, the
    targets (also for comparators)."""
    measures, targets = gold.get("measures") or [], gold.get("targets") or []
    out = {"doc_fields": sum(f in gold["document"] for f in shared_score.DOC_FIELDS), "targets": len(targets),
           "comparators": len(targets)}
    out.update({f: len(measures) for f in ("measures", "titles", "labels", "paths")})
    out.update({f: sum(len(m.get(f) or []) for m in measures) for f in ("units", "lead_units", "themes", "ip_types")})
    return out


def batch_wanted(lo: int, hi: int) -> tuple[int, dict[str, int]]:
    """Pages and wanted counts of the batches numbered lo to hi."""
    pages, total = 0, dict.fromkeys(FIELDS, 0)
    for batch in REAL.glob("b*/"):
        if lo <= batch_number(batch.name) <= hi:
            for g in (batch / "gold").glob("*.json"):
                pages += 1
                for f, n in wanted_counts(json.loads(g.read_text(encoding="utf-8"))).items():
                    total[f] += n
    return pages, total


def with_earlier(f1s: list[float], wanted: dict[str, int], total: dict[str, list[int]]) -> dict[str, float]:
    """Each field's estimated F1 of an earlier pooled row (F1s only; given taken as wanted) together with
    recorded counts: (F1 × 2·wanted + 2·right) / (2·wanted + given + wanted of the recorded)."""
    out = {}
    for f, old in zip(FIELDS, f1s):
        right, given, want = total[f]
        den = 2 * wanted[f] + given + want
        out[f] = (old * 2 * wanted[f] + 2 * right) / den if den else 1.0
    return out


def read_counts(path: Path = COUNTS_FILE) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pool(rows: list[dict]) -> tuple[int, dict[str, list[int]]]:
    total = {f: [0, 0, 0] for f in FIELDS}
    for row in rows:
        for f, c in row["counts"].items():
            total[f] = [a + b for a, b in zip(total[f], c)]
    return sum(r["pages"] for r in rows), total


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("batch", type=Path)
    rec.add_argument("score_output", type=Path)
    rec.add_argument("commit")
    po = sub.add_parser("pool")
    po.add_argument("--from", dest="lo", type=int, default=0)
    po.add_argument("--to", dest="hi", type=int, default=10 ** 6)
    po.add_argument("--label")
    po.add_argument("--earlier", help="an earlier pooled row's F1 figures, comma-separated, in SCORES.md's order")
    po.add_argument("--earlier-batches", help="LO-HI: the batches that row pooled (their gold gives its counts)")
    a = ap.parse_args(argv)
    if a.cmd == "record":
        counts = counts_of(a.score_output.read_text(encoding="utf-8"))
        if set(counts) != set(FIELDS):
            sys.exit(f"{a.score_output}: not the shared scorer's output (fields {sorted(counts)})")
        name = a.batch.resolve().name
        if any(r["batch"] == name for r in read_counts()):
            sys.exit(f"{name} already has its first contact recorded")
        row = {"batch": name, "scored_at": a.commit, "pages": len(list(a.batch.glob("*.txt"))), "counts": counts}
        with COUNTS_FILE.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    rows = [r for r in read_counts() if a.lo <= batch_number(r["batch"]) <= a.hi]
    if not rows:
        sys.exit("no recorded batch in that range")
    pages, total = pool(rows)
    first, last = min(rows, key=lambda r: batch_number(r["batch"])), max(rows, key=lambda r: batch_number(r["batch"]))
    label = a.label or f"pooled b{batch_number(first['batch'])}–b{batch_number(last['batch'])}"
    if a.earlier:
        f1s = [float(x) for x in a.earlier.split(",")]
        lo, hi = (int(x) for x in a.earlier_batches.split("-"))
        if len(f1s) != len(FIELDS):
            sys.exit(f"--earlier needs {len(FIELDS)} figures")
        old_pages, wanted = batch_wanted(lo, hi)
        est = with_earlier(f1s, wanted, total)
        label = a.label or f"pooled b{lo}–b{batch_number(last['batch'])}"
        print(f"| {label} (estimate) | {pages + old_pages} | " + " | ".join(f"{est[f]:.3f}" for f in FIELDS) + " |")
        return 0
    print(f"| {label} | {pages} | " + " | ".join(f"{f1(*total[f]):.3f}" for f in FIELDS) + " |")
    print("raw: " + json.dumps(total), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
