"""Where a review is: the findings in order, which are answered, and the keys that move it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from auditor.store.answers import answer_key

if TYPE_CHECKING:
    from auditor.models import Finding
    from auditor.store.answers import Answer, Entry


class Key(StrEnum):
    """What a typed line asks of the review, other than an answer."""

    undo = "undo"
    back = "back"
    go = "go"
    quit = "quit"
    help = "help"


@dataclass(frozen=True)
class Move:
    """A steering key, and the finding's number for `go`."""

    key: Key
    number: int = 0


_KEYS = {"u": Key.undo, "undo": Key.undo, "b": Key.back, "back": Key.back,
         "q": Key.quit, "quit": Key.quit, "?": Key.help, "h": Key.help, "help": Key.help}
# "g 3", "g3", "#3" or the bare number: the number the card's counter shows.
_GO = re.compile(r"(?:g(?:o)?\s*|#\s*)?(\d{1,6})")


def parse_move(text: str) -> Move | None:
    """u, b, q, ? or g N (any case, full-width too); None when it is none of them."""
    # NFKC: a Japanese input method left in full-width mode types ｕ for u and ３ for 3.
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    if folded in _KEYS:
        return Move(_KEYS[folded])
    number = _GO.fullmatch(folded)
    return Move(Key.go, int(number.group(1))) if number else None


@dataclass
class Walk:
    """The findings this review goes through, where it stands, and what it answered."""

    order: list[Finding]
    at: int = 0
    given: dict[str, Answer] = field(default_factory=dict)  # this run's answers, by key
    # The answers of this run, latest last, each with what was stored before it.
    history: list[tuple[Finding, Entry | None]] = field(default_factory=list)

    def current(self) -> Finding | None:
        return self.order[self.at] if self.at < len(self.order) else None

    def counter(self) -> str:
        return f"({self.at + 1}/{len(self.order)})"

    def answered(self, finding: Finding, answer: Answer, before: Entry | None) -> None:
        """Record an answer, then stand at the next finding not answered in this run."""
        key = answer_key(finding)
        earlier = [(f, b) for f, b in self.history if answer_key(f) == key]
        # Answered again (after back or go): undo still returns to what was there first.
        first = earlier[0][1] if earlier else before
        self.history = [(f, b) for f, b in self.history if answer_key(f) != key]
        self.history.append((finding, first))
        self.given[key] = answer
        self.at = self._next()

    def _next(self) -> int:
        """The first unanswered finding after this one, else from the start (where a jump
        back came from), else the end."""
        later = range(self.at + 1, len(self.order))
        for index in [*later, *range(self.at + 1)]:
            if answer_key(self.order[index]) not in self.given:
                return index
        return len(self.order)

    def back(self) -> bool:
        """Stand at the finding before this one; False at the first."""
        if self.at == 0:
            return False
        self.at -= 1
        return True

    def go(self, number: int) -> bool:
        """Stand at the finding the counter numbers so; False if there is none."""
        if not 1 <= number <= len(self.order):
            return False
        self.at = number - 1
        return True

    def undo(self) -> tuple[Finding, Entry | None, Answer] | None:
        """Take back this run's last answer and stand at it: the finding, what was stored
        before, the answer taken back; None when this run answered nothing."""
        if not self.history:
            return None
        finding, before = self.history.pop()
        taken = self.given.pop(answer_key(finding))
        self.at = next(i for i, f in enumerate(self.order) if answer_key(f) == answer_key(finding))
        return finding, before, taken

    def insert(self, finding: Finding) -> None:
        """Ask about a finding an earlier run answered, here and now (undo after a resume)."""
        self.order.insert(self.at, finding)

    def left(self) -> int:
        """How many findings of the walk have no answer from this run."""
        return sum(answer_key(f) not in self.given for f in self.order)

    def again(self, pending: list[Finding]) -> None:
        """After a rescan: the answered findings, then what is still pending."""
        answered = [f for f in self.order if answer_key(f) in self.given]
        self.order = answered + [f for f in pending if answer_key(f) not in self.given]
        self.at = len(answered) - 1
        self.at = self._next()
