from django.utils.translation import gettext_lazy

# Said after a refusal the editor can get round by converting the file.
CONVERT = gettext_lazy("请转换为 .docx 或 .pdf 后再导入")


class IngestError(Exception):
    """A file that cannot be turned into text, with a reason an editor can act on.

    Reasons go through i18n (the Chinese is the msgid, locale/en has the English): one built
    when the error is raised is in the language active then (the admin request's; the import
    command's, Chinese); a module-level one is lazy and read in the language of whoever shows it."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self):
        return str(self.reason)
