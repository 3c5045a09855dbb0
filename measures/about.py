"""The about / methodology / coverage page (issue 15): what the corpus holds and
how well the parser reads it.

The parser's measured accuracy is read from tests/parsing/data/real/SCORES.md,
the one place those figures are kept (scripts/score_real.sh writes them): the
page shows its latest "first contact" pooled row (pages the parser had not seen:
the honest estimate for a new document) and the latest pooled row overall.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db.models import Count, F, IntegerField, Max
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _

SCORES_FILE = Path(settings.BASE_DIR) / "tests" / "parsing" / "data" / "real" / "SCORES.md"

# SCORES.md columns shown, in order: (column, label)
SCORE_COLUMNS = [
    ("doc_fields", _("文件信息(标题、文号、日期、机构、地区)")),
    ("measures", _("措施切分")),
    ("titles", _("措施标题")),
    ("paths", _("章节路径")),
    ("units", _("责任单位")),
    ("targets", _("量化目标")),
    ("comparators", _("目标的比较关系")),
    ("themes", _("工作类别")),
    ("ip_types", _("知识产权类型")),
]


@dataclass
class ScoreRow:
    section: str          # the heading of the section the row is in
    label: str            # the row's first cell (pooled, pooled b15–b18 …)
    pages: int
    scores: dict = field(default_factory=dict)

    @property
    def first_contact(self) -> bool:
        return "first contact" in self.section.lower()

    @property
    def estimated(self) -> bool:
        """A pooled row estimated from an earlier row's figures (scripts/first_contact.py pool --earlier)."""
        return "(estimate)" in self.label.lower()

    def shown(self) -> list[tuple[str, str, float]]:
        return [(col, label, self.scores[col]) for col, label in SCORE_COLUMNS if col in self.scores]


def score_rows(path: Path | None = None) -> list[ScoreRow]:
    """Every pooled row of SCORES.md, in file order (empty when the file is missing)."""
    path = path or SCORES_FILE
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return []
    rows, section, header = [], "", []
    for line in text.splitlines():
        if line.startswith("#"):
            section, header = line.lstrip("#").strip(), []
            continue
        if not line.startswith("|"):
            continue
        cells = [c.strip().strip("*").strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] == "batch":
            header = cells
            continue
        if not header or set(line) <= set("|-: ") or not cells[0].lower().startswith("pooled"):
            continue
        values = dict(zip(header, cells))
        scores = {}
        for col in header[2:]:
            try:
                scores[col] = float(values.get(col, ""))
            except ValueError:
                pass
        try:
            pages = int(values.get("pages", "0"))
        except ValueError:
            pages = 0
        rows.append(ScoreRow(section=section, label=cells[0], pages=pages, scores=scores))
    return rows


def accuracy(path: Path | None = None) -> dict:
    """{"unseen": the latest first-contact pooled row, "seen": the latest pooled
    row of all, "source": the file's path relative to the project}."""
    rows = score_rows(path)
    unseen = [r for r in rows if r.first_contact]
    source = Path(path or SCORES_FILE)
    try:
        source = source.relative_to(settings.BASE_DIR)
    except ValueError:
        pass  # a file outside the project (a test's)
    return {"unseen": unseen[-1] if unseen else None, "seen": rows[-1] if rows else None,
            "source": str(source) if rows else ""}


def coverage() -> dict:
    """What the corpus holds: totals, documents and measures by province, level and
    year (a date known only to the month counts in its year; 日期不详 last) and the
    last import (5 queries)."""
    from .models import Document, Level, Measure, Target

    documents = Document.objects.all()
    totals = documents.aggregate(documents=Count("id"), last_import=Max("imported_at"),
                                 provinces=Count("province", distinct=True), cities=Count("city", distinct=True))
    totals["measures"] = Measure.objects.count()
    totals["targets"] = Target.objects.count()
    by_province = list(documents.values("province__name").annotate(
        documents=Count("id", distinct=True), measures=Count("measures", distinct=True)).order_by(
        "-documents", "province__name"))
    levels = dict(Level.choices)
    by_level = [{**r, "label": levels.get(r["level"], r["level"]) if r["level"] else None} for r in
                documents.values("level").annotate(documents=Count("id", distinct=True),
                                                   measures=Count("measures", distinct=True)).order_by("-documents")]
    year = Coalesce(ExtractYear(Coalesce("signed_date", "published_date")), "date_year", output_field=IntegerField())
    by_year = list(documents.annotate(y=year).values("y").annotate(
        documents=Count("id", distinct=True), measures=Count("measures", distinct=True)).order_by(
        F("y").desc(nulls_last=True)))
    return {"totals": totals, "by_province": by_province, "by_level": by_level, "by_year": by_year}
