"""The errors the core raises; each carries the exit code the command line uses."""

from __future__ import annotations


class AuditorError(Exception):
    """Base of every error the tool reports as a one-line message."""

    exit_code = 4


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
        text = super().__str__()
        return f"line {self.line}: {text}" if self.line is not None else text
