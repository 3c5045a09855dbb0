"""The trained theme model's data file (measures/parsing/data/theme_model.json, written by
scripts/train_theme_model.py) and its plain-Python reader."""
import json
import math

import pytest

from measures.parsing.knowledge import Knowledge, default_knowledge
from measures.parsing.theme_model import MODEL_FILE, ThemeModel, bigrams, keyword_features, model_grams


@pytest.fixture(scope="module")
def data():
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def test_the_model_covers_exactly_the_fixture_themes(data):
    codes = [r.code for r in Knowledge.from_fixtures().theme_rules]
    assert data["codes"] == codes
    assert default_knowledge().theme_model is not None  # the parser reads it by default
    n = len(codes)
    assert len(data["bias"]) == n and all(len(row) == 2 * n + 1 for row in data["keyword_weights"])
    assert data["weights"].keys() <= data["idf"].keys()
    assert all(v > 0 and math.isfinite(v) for v in data["idf"].values())
    assert all(0 <= j < n and math.isfinite(w) and abs(w) >= data["prune"]
               for pairs in data["weights"].values() for j, w in pairs)
    assert 0 < data["second_min"] < 1 and data["trained"]["examples"] >= 1000


def test_the_reader_gives_the_probabilities_recorded_at_training(data):
    model = ThemeModel.from_dict(data)
    assert len(data["checks"]) >= 3
    for check in data["checks"]:
        got = model.probabilities(set(check["grams"]), check["title"], check["path"], check["scores"],
                                  check.get("document", ""))
        assert got.keys() == check["probabilities"].keys()
        assert all(abs(got[c] - p) < 1e-5 for c, p in check["probabilities"].items()), check["body"][:40]


@pytest.mark.parametrize("texts, expected", [
    (("专利权", "质押"), {"专利", "利权", "质押"}),  # none across two texts
    (("专", ""), set()),
])
def test_bigrams(texts, expected):
    assert bigrams(*texts) == expected


@pytest.mark.parametrize("grams, title, heading, document, expected", [
    ({"加强", "强执", "执法"}, "", "执法", None, {"加强", "强执", "执法", "^执法"}),  # the heading's bigrams once more, marked
    ({"资金"}, "专项资金", None, None, {"资金", "^专项", "^项资", "^资金"}),
    ({"补贴"}, None, None, "人才政策", {"补贴", "@人才", "@才政", "@政策"}),  # the document's title, marked
])
def test_model_grams(grams, title, heading, document, expected):
    assert model_grams(grams, title, heading, document) == expected


@pytest.mark.parametrize("scores, codes, expected", [
    ({"funding": 6, "organization": 3}, ("funding", "organization"), [0.6, 0.3, 1.0, 0.5, 0.0]),
    ({}, ("funding", "organization"), [0.0, 0.0, 0.0, 0.0, 1.0]),  # no keyword matched
])
def test_keyword_features(scores, codes, expected):
    assert keyword_features(scores, codes) == expected


def test_a_real_measure_reads_as_its_theme():
    from measures.parsing.classify import classify_themes

    # b137-like lines, typed here: a patent subsidy with an amount, a mediation line
    k = default_knowledge()
    assert "funding" in classify_themes(k, None, "对获得国内发明专利授权的,每件给予3000元资助。")
    assert "disputes" in classify_themes(k, "健全知识产权纠纷调解机制", "推动建立知识产权纠纷人民调解委员会,开展诉调对接。")
