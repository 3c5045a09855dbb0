class IngestError(Exception):
    """A file that cannot be turned into text, with a reason an editor can act on."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self):
        return self.reason
