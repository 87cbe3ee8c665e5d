"""The errors the core raises; each carries the exit code the command line uses.

Each is raised with what was said (a `Said`, see auditor.wording): str() of the error is the
English sentence, as logs and tests read it, and `text(lang)` says it in the reader's language.
"""

from __future__ import annotations

from auditor.wording import Said, in_lang


class AuditorError(Exception):
    """Base of every error the tool reports as a one-line message."""

    exit_code = 4

    def said(self) -> str:
        """The whole message as said (a Said where it was raised with one)."""
        return self.args[0] if self.args and isinstance(self.args[0], Said) else str(self)

    def text(self, lang: str) -> str:
        """The whole message in lang."""
        return in_lang(self.said(), lang)


class UsageError(AuditorError):
    """A bad option, layout file or configuration: the user must change the command."""

    exit_code = 2


class StatementError(AuditorError):
    """A statement that cannot be read; the message never quotes a cell value."""

    exit_code = 3

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line

    def __str__(self) -> str:
        return str(self.said())

    def said(self) -> str:
        message = self.args[0] if self.args else ""
        return message if self.line is None else Said("read.line", line=self.line,
                                                      message=message)
