"""The one exception the parser raises for files it cannot handle."""


class ParseError(Exception):
    """A document could not be parsed; ``reason`` is a human-readable explanation."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.reason
