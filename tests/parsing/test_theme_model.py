"""The trained theme model's data file (measures/parsing/data/theme_model.json, written by
scripts/train_theme_model.py) and its plain-Python reader."""
import json
import math

import pytest

from measures.parsing.knowledge import Knowledge, default_knowledge
from measures.parsing.theme_model import MODEL_FILE, ThemeModel, char_ngrams, keyword_features, model_text


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
        got = model.probabilities(check["title"], check["body"], check["path"], check["scores"])
        assert got.keys() == check["probabilities"].keys()
        assert all(abs(got[c] - p) < 1e-5 for c, p in check["probabilities"].items()), check["body"][:40]


@pytest.mark.parametrize("title, body, heading, expected", [
    ("加强执法", "开展专项行动", "行政保护", "加强执法 行政保护 行政保护 开展专项行动"),
    ("", "开展\n专项  行动", "", " 开展 专项 行动"),  # runs of white space made one space
])
def test_model_text(title, body, heading, expected):
    assert model_text(title, body, heading) == expected


@pytest.mark.parametrize("text, expected", [
    ("专利权", {"专": 1, "利": 1, "权": 1, "专利": 1, "利权": 1, "专利权": 1}),
    ("专专", {"专": 2, "专专": 1}),
    ("", {}),
])
def test_char_ngrams(text, expected):
    assert dict(char_ngrams(text)) == expected


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
