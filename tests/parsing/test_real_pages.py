"""The real-page development set (tests/parsing/data/real): well formed, none
of it reserved for the hidden evaluation sets, and the parser never refuses a
page of it.

Scores per batch: scripts/score_real.sh (figures in data/real/SCORES.md).
"""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REAL = Path(__file__).parent / "data" / "real"
BATCHES = sorted(p for p in REAL.iterdir() if p.is_dir() and p.name.startswith("b"))
PAGES = sorted(p for b in BATCHES for p in b.glob("*.txt"))
RESERVED_PY = Path(__file__).resolve().parents[3] / "shared" / "eval" / "reserved.py"
RESERVED_CHUNK = 100  # batches per reserved.py run


def test_the_set_has_at_least_120_pages_in_batches():
    assert len(PAGES) >= 120, len(PAGES)


@pytest.mark.parametrize("batch", BATCHES, ids=lambda b: b.name)
def test_every_page_has_gold_and_a_sources_row(batch):
    sources = (batch / "SOURCES.md").read_text(encoding="utf-8")
    for page in batch.glob("*.txt"):
        gold = json.loads((batch / "gold" / f"{page.stem}.json").read_text(encoding="utf-8"))
        assert gold["source"] == page.name
        assert {"document", "measures", "targets"} <= gold.keys()
        assert page.stem in sources, f"{page.name} has no row in {batch.name}/SOURCES.md"
        row = next(line for line in sources.splitlines() if page.stem in line)
        assert re.search(r"https?://", row), f"{page.name}: no URL in its SOURCES row"


@pytest.mark.skipif(not RESERVED_PY.exists(), reason="../shared/eval/reserved.py is not beside the checkout")
def test_no_page_is_reserved_for_the_hidden_sets():
    """Run over the batches a hundred at a time: the whole set's paths in one command line pass the
    system's limit on arguments in a checkout with a long path (11,569 pages, session 33)."""
    for at in range(0, len(BATCHES), RESERVED_CHUNK):
        chunk = BATCHES[at:at + RESERVED_CHUNK]
        args = [str(p) for b in chunk for p in sorted(b.glob("*.txt"))]
        for b in chunk:
            args += ["--urls", str(b / "SOURCES.md")]
        run = subprocess.run([sys.executable, str(RESERVED_PY), *args], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout[-3000:]


def test_no_page_is_refused():
    from measures.parsing import default_knowledge, parse_document

    knowledge = default_knowledge()
    for page in PAGES:
        result = parse_document(page.read_bytes(), source=page.name, knowledge=knowledge)
        assert "error" not in result and result["document"] is not None, page
        assert isinstance(result.get("warnings"), list), page


def test_no_page_is_in_the_set_twice():
    """Two writers of one round once kept the same pages: a page counts once, whatever its batch."""
    by_url: dict[str, str] = {}
    by_text: dict[str, str] = {}
    for page in PAGES:
        sources = (page.parent / "SOURCES.md").read_text(encoding="utf-8")
        row = next(line for line in sources.splitlines() if page.stem in line)
        url = re.search(r"https?://[^\s|]+", row).group().rstrip("/")
        text = re.sub(r"\s+", "", page.read_text(encoding="utf-8"))
        assert url not in by_url, f"{page} has the URL of {by_url[url]}"
        assert text not in by_text, f"{page} has the text of {by_text[text]}"
        by_url[url], by_text[text] = str(page), str(page)
