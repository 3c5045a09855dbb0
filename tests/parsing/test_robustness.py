"""The same page in another dress parses the same: real pages spaced out character by
character (PDF text), converted to Traditional script (mirror sites), with Windows line
ends or with each line indented keep their measures and their document fields.

The pages are the first of every batch of the real set (tests/parsing/data/real), so a
new batch adds to the check; the figures of the whole set are in SCORES.md.
"""
from pathlib import Path

import pytest

from measures.parsing import default_knowledge, parse_document
from measures.parsing import text as T

REAL = Path(__file__).parent / "data" / "real"
SAMPLE = sorted(min(b.glob("*.txt")) for b in REAL.iterdir() if b.is_dir() and b.name.startswith("b") and any(b.glob("*.txt")))
FIELDS = ("title", "issuer", "doc_number", "province", "city", "district", "level", "signed_date", "published_date")
# the share of the sample that must come out the same (a dressing may rightly change a rare page:
# a converter turns 於 into 于, a spaced-out table loses its empty cells)
SAME_SHARE = 0.9


def spaced(text: str) -> str:
    return "\n".join(" ".join(line) for line in text.split("\n"))


def traditional(text: str) -> str:
    return T._converter("s2t").convert(text)


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def indented(text: str) -> str:
    return "\n".join("\u3000\u3000" + line if line.strip() else line for line in text.split("\n"))


def signature(result: dict, fold=lambda s: s) -> tuple:
    doc = result["document"]
    fields = tuple(fold(doc.get(f)) if isinstance(doc.get(f), str) else doc.get(f) for f in FIELDS)
    return tuple(m["label"] for m in result["measures"]), fields


@pytest.fixture(scope="module")
def knowledge():
    return default_knowledge()


@pytest.mark.parametrize("dress", [spaced, traditional, crlf, indented], ids=lambda f: f.__name__)
def test_a_page_in_another_dress_parses_the_same(dress, knowledge):
    assert len(SAMPLE) >= 40
    fold = T.fold if dress is traditional else (lambda s: s)
    differ = []
    for page in SAMPLE:
        text = page.read_text(encoding="utf-8")
        plain = parse_document(text.encode(), source=page.name, knowledge=knowledge)
        dressed = parse_document(dress(text).encode(), source=page.name, knowledge=knowledge)
        if signature(plain, fold) != signature(dressed, fold):
            differ.append(page.parent.name[:3] + "/" + page.name)
    assert len(differ) <= (1 - SAME_SHARE) * len(SAMPLE), differ


def flattened(text: str) -> str:
    """The page as a scraper that joins its lines with spaces serves it: one line."""
    import re
    return re.sub(r"\s*\n\s*", " ", text)


# a page on one line loses some of its head (a date glued to its note, a title glued to 第一章):
# most keep title, 文号 and issuer (44 of the 62 sampled pages at the time of writing, 29 before
# lines.flat_header)
FLAT_SAME_SHARE = 0.65


def test_a_flattened_page_keeps_its_head(knowledge):
    keep = ("title", "doc_number", "issuer")
    differ = []
    for page in SAMPLE:
        text = page.read_text(encoding="utf-8")
        plain = parse_document(text.encode(), source=page.name, knowledge=knowledge)["document"]
        flat = parse_document(flattened(text).encode(), source=page.name, knowledge=knowledge)["document"]
        if any(plain.get(f) != flat.get(f) for f in keep):
            differ.append(page.parent.name[:3] + "/" + page.name)
    assert len(differ) <= (1 - FLAT_SAME_SHARE) * len(SAMPLE), differ
