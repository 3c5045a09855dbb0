"""The raw first-contact counts (tests/parsing/data/real/first_contact.jsonl, scripts/first_contact.py):
one well-formed line per batch, for a batch that exists, with that batch's page count."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import first_contact as fc  # noqa: E402

REAL = ROOT / "tests" / "parsing" / "data" / "real"
ROWS = fc.read_counts()


def test_every_recorded_batch_exists_once_with_its_page_count():
    names = [r["batch"] for r in ROWS]
    assert len(names) == len(set(names)), "a batch is recorded twice"
    for row in ROWS:
        batch = REAL / row["batch"]
        assert batch.is_dir(), row["batch"]
        assert row["pages"] == len(list(batch.glob("*.txt"))), row["batch"]
        assert set(row["counts"]) == set(fc.FIELDS), row["batch"]
        for field, (right, given, wanted) in row["counts"].items():
            assert 0 <= right <= given and right <= wanted, (row["batch"], field)
        assert row["counts"]["doc_fields"][1] == row["counts"]["doc_fields"][2], row["batch"]


@pytest.mark.parametrize("line, counts", [
    ("targets      P 0.500  R 0.400  F1 0.444   (2 right, 4 given, 5 wanted)", {"targets": [2, 4, 5]}),
    ("doc_fields   P 1.000  R 1.000  F1 1.000   (144 right, 144 given, 144 wanted)", {"doc_fields": [144, 144, 144]}),
    ("overall: doc_fields 0.965 · measures 0.889", {}),
    ("001_x.txt: measures 5/6 matched of 7 predicted (F1 0.77)", {}),
])
def test_counts_of_reads_the_scorers_summary_lines(line, counts):
    assert fc.counts_of(line) == counts


@pytest.mark.parametrize("right, given, wanted, expected", [
    (5, 10, 6, 0.625), (0, 0, 0, 1.0), (0, 3, 0, 0.0), (0, 0, 4, 0.0), (4, 4, 4, 1.0)])
def test_f1_counts_empty_sides_as_the_shared_scorer_does(right, given, wanted, expected):
    assert fc.f1(right, given, wanted) == pytest.approx(expected)


def test_pool_prints_one_scores_row(tmp_path):
    if not ROWS:
        pytest.skip("nothing recorded yet")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "first_contact.py"), "pool"],
                         capture_output=True, text=True, check=True)
    row = run.stdout.strip()
    assert row.startswith("| pooled b") and row.count("|") == len(fc.FIELDS) + 3, row
    pages = int(row.split("|")[2])
    assert pages == sum(r["pages"] for r in ROWS)
    raw = json.loads(run.stderr.split("raw: ", 1)[1])
    assert raw["measures"][2] >= raw["measures"][0]


def test_wanted_counts_count_what_the_shared_scorer_wants():
    gold = {"document": {"title": "x", "issuer": None, "level": "city"},
            "measures": [{"units": ["a", "b"], "lead_units": ["a"], "themes": ["funding"], "ip_types": []},
                         {"units": [], "lead_units": [], "themes": ["talent", "funding"], "ip_types": ["patent"]}],
            "targets": [{}, {}, {}]}
    assert fc.wanted_counts(gold) == {"doc_fields": 3, "measures": 2, "titles": 2, "labels": 2, "paths": 2,
                                      "units": 2, "lead_units": 1, "themes": 3, "ip_types": 1,
                                      "targets": 3, "comparators": 3}


def test_with_earlier_weights_an_earlier_row_by_its_gold_counts():
    wanted = dict.fromkeys(fc.FIELDS, 100)
    total = {f: [40, 50, 50] for f in fc.FIELDS}  # recorded: F1 0.8
    est = fc.with_earlier([0.9] * len(fc.FIELDS), wanted, total)
    assert est["measures"] == pytest.approx((0.9 * 200 + 80) / 300)  # between 0.8 and 0.9, nearer the larger row
    assert fc.with_earlier([0.9] * len(fc.FIELDS), dict.fromkeys(fc.FIELDS, 0), total)["targets"] == pytest.approx(0.8)
