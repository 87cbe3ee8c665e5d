"""What an audit gives back: the report window, each account's findings, and row sources."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from auditor.hidden import Hidden
from auditor.models import Finding, Suggestion


@dataclass(frozen=True)
class Window:
    """The dates findings are reported for; earlier history still informs the rules."""

    since: date | None = None
    until: date | None = None

    def holds(self, when: date) -> bool:
        return (self.since is None or when >= self.since) and (self.until is None or when <= self.until)

    def hidden(self, days: Iterable[date]) -> Hidden:
        """How many of these days' findings the window hides: before --since, after --until."""
        early = late = 0
        for when in days:
            if self.since is not None and when < self.since:
                early += 1
            elif self.until is not None and when > self.until:
                late += 1
        return Hidden(since=early, until=late)


class Sources(Protocol):
    """Where each row of a statement stitched from several files was read."""

    def places(self, seq: int) -> tuple[tuple[str, int], ...]:
        """Every (file, line) holding the row, the file it is kept from first."""
        ...


@dataclass(frozen=True)
class Examined:
    """One statement's findings, in time order, and the wallets that look like the holder's."""

    findings: list[Finding]
    suggestions: list[Suggestion]
    hidden: Hidden = Hidden()  # findings outside the window, counted, not shown


__all__ = ["Examined", "Sources", "Window"]
