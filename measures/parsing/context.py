"""What the stages share: one ParseContext per document, and the @rule marker."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from . import text as T

if TYPE_CHECKING:  # pragma: no cover
    from .knowledge import Knowledge


def rule(*, stage: str, example: str) -> Callable:
    """Mark a function as a rule of ``stage`` with an ``example`` ("input → result").

    Only sets attributes on the function (no registry): tests find rules by
    looking for ``__rule_stage__`` on a module's functions.
    """

    def mark(fn: Callable) -> Callable:
        fn.__rule_stage__ = stage
        fn.__rule_example__ = example
        return fn

    return mark


@dataclass
class ParseContext:
    """One document on its way through the pipeline (decode → … → classify).

    Every stage reads what the earlier ones left here and adds its own part;
    nothing about a document is kept anywhere else, so the same input always
    gives the same output, whatever was parsed before.
    """

    knowledge: "Knowledge | None" = None
    source: str = ""
    text: str = ""
    encoding: str = ""
    page_title: str | None = None
    simplified_only: bool = False  # no Traditional character anywhere: folding is the identity
    script: str = "hans"
    warnings: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    header: Any = None
    body_lines: list[str] = field(default_factory=list)
    notice_items: int = 0  # body lines that are a covering notice's own items (how to carry it out), no measures
    outline: Any = None
    summary_lines: list = field(default_factory=list)  # preamble lines inside a report of past work
    nodes: list = field(default_factory=list)
    document: dict = field(default_factory=dict)
    measures: list[dict] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)  # each measure's text without unit brackets
    targets: list[dict] = field(default_factory=list)

    def warn(self, message: str) -> None:
        """Add a short, stable, human-readable note (once)."""
        if message not in self.warnings:
            self.warnings.append(message)

    def fold(self, s: str) -> str:
        """Simplified form of ``s`` for matching (lengths may change)."""
        return s if self.simplified_only else T.fold(s)

    def fold_same(self, s: str) -> str:
        """Simplified form of ``s`` with every offset kept."""
        return s if self.simplified_only else T.fold_same_length(s)
