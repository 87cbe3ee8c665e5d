"""The keys that steer a review (undo, back, go to N, quit) and the line that sums it up."""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator
from typing import TYPE_CHECKING

from auditor.review.walk import Key, Move, Walk
from auditor.store.answers import Answer
from auditor.wording import say

if TYPE_CHECKING:
    from auditor.models import Finding, Severity
    from auditor.review.session import Reply, Step
    from auditor.store.answers import AnswerStore, Entry


# The word for a key, shown after a piped line (a person's Enter ended the line themselves).
_DID = {Key.undo: "steer.did.undo", Key.back: "steer.did.back", Key.go: "steer.did.go",
        Key.quit: "steer.did.quit"}


class NoSuchFinding(Exception):
    """--change N with no Nth finding to review."""

    def __init__(self, number: int, count: int) -> None:
        super().__init__(number)
        self.number, self.count = number, count


class Steering:
    """What a Review does with a steering key; the Review holds the state it works on."""

    store: AnswerStore
    lang: str
    interactive: bool
    threshold: Severity
    counts: Counter[Answer]
    not_asked: Counter[str]
    walk: Walk
    everything: list[Finding]

    def say(self, what: str, /, **values: object) -> str:
        """The conversation's sentence `what` (a review.* entry of auditor.wording)."""
        return say("review." + what, self.lang, **values)

    def _move(self, move: Move) -> Generator[Step, Reply, Key | None]:
        """Follow a key: Key.quit to stop the review, None to go on where the walk stands."""
        from auditor.review.session import Blank, Line

        if not self.interactive:  # nobody typed a newline: end the prompt line
            yield Line(f"→ {say(_DID[move.key], self.lang)}")
        if move.key is Key.quit:
            return Key.quit
        if move.key is Key.back and not self.walk.back():
            yield Line(say("steer.first", self.lang))
        elif move.key is Key.go and not self.walk.go(move.number):
            yield Line(say("steer.no_such", self.lang, number=move.number,
                           count=len(self.walk.order)))
        elif move.key is Key.undo:
            yield Line(self._undo())
        yield Blank()
        return None

    def _undo(self) -> str:
        """Take back the last answer (this run's, else the last an earlier run saved)."""
        taken = self._taken() or self._earlier()
        if taken is None:
            return say("steer.nothing_to_undo", self.lang)
        finding, before, answer = taken
        self.store.restore(finding, before)
        self.store.save()
        return say("steer.undone", self.lang, answer=self.say(answer.value),
                   counter=self.walk.counter())

    def _taken(self) -> tuple[Finding, Entry | None, Answer] | None:
        """This run's last answer, taken back from the tally; None if it gave none."""
        taken = self.walk.undo()
        if taken is not None:
            self.counts[taken[2]] -= 1
        return taken

    def _earlier(self) -> tuple[Finding, Entry | None, Answer] | None:
        """The answer an earlier run saved last among this review's findings, stood at."""
        answered = [(entry.answered_at, index, entry) for index, finding in
                    enumerate(self.everything) if (entry := self.store.entry(finding)) is not None]
        if not answered:
            return None
        _, index, entry = max(answered, key=lambda item: (item[0], item[1]))
        self._stand_at(self.everything[index])
        return self.everything[index], None, entry.answer

    def _stand_at(self, finding: Finding) -> None:
        """Stand at a finding an earlier run answered: in the walk already (--all), or put in."""
        if finding in self.walk.order:
            self.walk.go(self.walk.order.index(finding) + 1)
            return
        self.walk.insert(finding)
        if self.not_asked["skipped"]:
            self.not_asked["skipped"] -= 1

    def saved(self) -> dict[str, object]:
        """How many answers this run saved, and where: for the messages that stop a run."""
        return {"count": sum(self.counts.values()), "path": self._shown_path()}

    def _shown_path(self) -> str:
        from auditor.render.safety import printable

        return printable(str(self.store.path))

    def summary(self) -> str:
        """One line for stderr: answers by kind, where they went, and what was not asked."""
        asked = sum(self.counts.values())
        left = self.not_asked["left"] or self.not_asked["quit"]
        parts = [self.say("summary", asked=asked, mine=self.counts[Answer.mine],
                          not_mine=self.counts[Answer.not_mine],
                          not_sure=self.counts[Answer.not_sure], path=self._shown_path())
                 if asked or left else self.say("nothing")]
        for key in ("left", "skipped", "below"):
            if self.not_asked[key]:
                parts.append(self.say(key, count=self.not_asked[key],
                                      severity=self._severity_word()))
        if self.not_asked["quit"]:
            parts.append(say("steer.quit_left", self.lang, count=self.not_asked["quit"]))
        if self.not_asked["skipped"]:
            parts.append(say("steer.change_hint", self.lang))
        return say("label.sentence_separator", self.lang).join(parts)

    def _severity_word(self) -> str:
        from auditor.i18n import word

        return word(self.threshold.value, self.lang)
