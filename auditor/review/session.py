"""The review conversation as a core object: it yields what to show and ask, takes replies.

It never prints or reads: the terminal loop in `auditor.cli.review_loop` shows each step
and sends back each typed line (None when the input ends). Answers are saved as they come.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from auditor.models import Severity
from auditor.review.replies import KEYS, parse_answer, parse_yes_no
from auditor.review.steer import NoSuchFinding, Steering
from auditor.review.walk import Key, Move, Walk, parse_move
from auditor.store.answers import Answer, answer_key
from auditor.wording import Bi, say

if TYPE_CHECKING:
    from auditor.detect.wallets import Catalogue
    from auditor.models import Finding
    from auditor.store.answers import AnswerStore, Entry
    from auditor.store.config import Config

Rescan = Callable[[frozenset[str]], Iterable["Finding"]]
Reply = str | None  # a typed line, None when the input ended


@dataclass(frozen=True)
class Card:
    """A finding to show: its place in the queue, its wallet's name, an earlier answer."""

    finding: Finding
    counter: str
    wallet: str
    before: Entry | None


@dataclass(frozen=True)
class Line:
    """A sentence for the holder."""

    text: str


@dataclass(frozen=True)
class Blank:
    """An empty line: between findings, or to end a prompt the input left mid-line."""


@dataclass(frozen=True)
class Ask:
    """A question; the reply is sent back into the conversation."""

    question: str


Step = Card | Line | Blank | Ask
Steps = Generator[Step, Reply, None]


class EndOfInput(Exception):
    """Stdin ended (EOF or Ctrl-D): stop asking, keep what was answered."""


class BadInput(Exception):
    """A piped line that is not an answer: re-asking would shift every later line."""

    def __init__(self, line: int, text: str) -> None:
        super().__init__(text)
        self.line, self.text = line, text


@dataclass
class Review(Steering):
    """One review: what is left to ask, what was answered, what was allowed."""

    store: AnswerStore
    settings: Config
    catalogue: Catalogue
    allowed: frozenset[str]
    lang: str
    rescan: Rescan
    yes: bool
    again: bool  # --all
    threshold: Severity
    interactive: bool  # a person types the replies (not a script piping them)
    counts: Counter[Answer] = field(default_factory=Counter)
    offered: set[str] = field(default_factory=set)
    not_asked: Counter[str] = field(default_factory=Counter)
    lines: int = 0
    change: int = 0  # --change N: ask about the Nth finding only, answered or not
    walk: Walk = field(default_factory=lambda: Walk([]))
    everything: list[Finding] = field(default_factory=list)

    def run(self, findings: Iterable[Finding]) -> Steps:
        """Ask about each pending finding in turn, until done, quit or the input ends."""
        findings = list(findings)
        self.not_asked = self._not_asked(findings)
        self.walk = self._walk(findings)
        while (finding := self.walk.current()) is not None:
            try:
                outcome = yield from self._take(finding)
            except EndOfInput:  # at an allow offer, this finding's answer is already saved
                yield Blank()  # the prompt left the cursor mid-line
                self.not_asked["left"] = 1 if self.change else self.walk.left()
                return
            if outcome is Key.quit or (self.change and outcome is not None):
                self.not_asked["quit" if outcome is Key.quit else "left"] = (
                    0 if self.change else self.walk.left())
                return
            if outcome is True:  # a wallet just allowed may clear some of the findings left
                self.walk.again(self._pending(self.rescan(self.allowed)))

    def _walk(self, findings: list[Finding]) -> Walk:
        """The findings to go through; with --change N, standing at the Nth."""
        self.everything = self._pending(findings, every=True)
        walk = Walk(self.everything if self.change else self._pending(findings))
        if self.change and not walk.go(self.change):
            raise NoSuchFinding(self.change, len(walk.order))
        return walk

    def _pending(self, findings: Iterable[Finding], every: bool = False) -> list[Finding]:
        """Findings to ask about, once per transaction (overlapping downloads repeat rows);
        every: the answered ones too, numbered as `--all` and `--change N` number them."""
        keys: set[str] = set()
        pending = []
        for finding in findings:
            key = answer_key(finding)
            if key in keys or not self._wanted(finding, every):
                continue
            keys.add(key)
            pending.append(finding)
        return pending

    def _wanted(self, finding: Finding, every: bool = False) -> bool:
        if finding.severity.rank < self.threshold.rank:
            return False
        return every or self.again or self.store.get(finding) is None

    def _not_asked(self, findings: list[Finding]) -> Counter[str]:
        """How many transactions are left out, and why, for the summary line."""
        counts: Counter[str] = Counter()
        for finding in {answer_key(f): f for f in findings}.values():
            if finding.severity.rank < self.threshold.rank:
                counts["below"] += 1
            elif not (self.again or self.change) and self.store.get(finding) is not None:
                counts["skipped"] += 1
        return counts

    def _take(self, finding: Finding) -> Generator[Step, Reply, Key | bool | None]:
        """Ask about one finding and save the answer, or follow a key that moves the review.

        True if the allow list grew, False for an answer, a Key for quit, None for a move."""
        before = self.store.entry(finding)
        yield Card(finding, self.walk.counter(), self._name(finding.wallet), before)
        default = before.answer if before else Answer.not_sure
        answer = default if self.yes else (yield from self._answer(default))
        if isinstance(answer, Move):
            return (yield from self._move(answer))
        if not self.interactive or self.yes:  # nobody typed a newline: end the prompt line
            yield Line(f"→ {self.say(answer.value)}")
        # Saved before anything else is asked, so Ctrl-C at any later prompt keeps it.
        self.store.set(finding, answer, datetime.now().astimezone())
        self.store.save()
        self._count(finding, answer, before)
        allowed_more = answer is Answer.mine and (yield from self._maybe_allow(finding.wallet))
        yield Blank()
        return allowed_more

    def _count(self, finding: Finding, answer: Answer, before: Entry | None) -> None:
        """This run's tally: an answer given again replaces the one it gave first."""
        key = answer_key(finding)
        if key in self.walk.given:
            self.counts[self.walk.given[key]] -= 1
        self.counts[answer] += 1
        self.walk.answered(finding, answer, before)

    def _answer(self, default: Answer) -> Generator[Step, Reply, Answer | Move]:
        while True:
            text = yield from self._line(say("steer.question", self.lang, key=KEYS[default]))
            answer = parse_answer(text, default)
            move = parse_move(text) if answer is None else None
            if move is not None and move.key is Key.help:
                if not self.interactive:  # nobody typed a newline: end the prompt line
                    yield Blank()
                yield Line(say("steer.keys", self.lang))
                continue
            if answer is not None or move is not None:
                return answer or move  # type: ignore[return-value]
            if not self.interactive:
                raise BadInput(self.lines, text)
            yield Line(say("steer.again", self.lang))

    def _line(self, question: str) -> Generator[Step, Reply, str]:
        text = yield Ask(question)
        if text is None:
            raise EndOfInput
        self.lines += 1
        return text

    def _maybe_allow(self, wallet: str | None) -> Generator[Step, Reply, bool]:
        """Offer, once per wallet, to add a wallet the holder says is theirs."""
        if self.yes or wallet is None or wallet in self.allowed or wallet in self.offered:
            return False
        self.offered.add(wallet)
        if not self.interactive:  # a y/n line here would shift every later answer of a script
            yield Line(self.say("hint", wallet=self._name(wallet), id=wallet))
            return False
        if not (yield from self._confirm(self.say("offer", wallet=self._name(wallet)))):
            return False
        reason = (yield from self._line(self.say("reason"))).strip() or None
        yield Line(self._allow(wallet, reason))
        return True

    def _confirm(self, question: str) -> Generator[Step, Reply, bool]:
        while True:
            choice = parse_yes_no((yield from self._line(question)))
            if choice is not None:
                return choice
            yield Line(self.say("yes_no"))

    def _allow(self, wallet: str, reason: str | None) -> str:
        """Add the wallet to the config's allow list; the sentence that says so."""
        from auditor.render.safety import printable
        from auditor.store.config import update_config, with_allow

        self.settings = update_config(
            self.settings.path, self.catalogue.ids,
            lambda now: with_allow(now, wallet, reason, None, date.today()))
        self.allowed = self.allowed | {wallet}
        return self.say("added", wallet=wallet, path=printable(str(self.settings.path)))

    def _name(self, wallet: str | None) -> str:
        if wallet is None:
            return "?"
        entry = self.catalogue.get(wallet)
        return self.say("wallet_name", name=Bi(entry.name_en, entry.name_ja), id=wallet)
