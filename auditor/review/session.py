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
from auditor.wording import Bi, say
from auditor.store.answers import Answer, answer_key

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
class Review:
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
    seen: set[str] = field(default_factory=set)
    offered: set[str] = field(default_factory=set)
    not_asked: Counter[str] = field(default_factory=Counter)
    lines: int = 0

    def say(self, what: str, /, **values: object) -> str:
        """The conversation's sentence `what` (a review.* entry of auditor.wording)."""
        return say("review." + what, self.lang, **values)

    def run(self, findings: Iterable[Finding]) -> Steps:
        """Ask about each pending finding in turn, until done or the input ends."""
        findings = list(findings)
        self.not_asked = self._not_asked(findings)
        queue = self._pending(findings)
        while queue:
            finding = queue.pop(0)
            try:
                allowed_more = yield from self._take(finding, len(self.seen) + 1 + len(queue))
            except EndOfInput:  # at an allow offer, this finding's answer is already saved
                yield Blank()  # the prompt left the cursor mid-line
                self.not_asked["left"] = len(queue) + (answer_key(finding) not in self.seen)
                return
            if allowed_more:  # a wallet just allowed may clear some of the findings left
                queue = self._pending(self.rescan(self.allowed))

    def _pending(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings to ask about, once per transaction (overlapping downloads repeat rows)."""
        keys = set(self.seen)
        pending = []
        for finding in findings:
            key = answer_key(finding)
            if key in keys or not self._wanted(finding):
                continue
            keys.add(key)
            pending.append(finding)
        return pending

    def _wanted(self, finding: Finding) -> bool:
        if finding.severity.rank < self.threshold.rank:
            return False
        return self.again or self.store.get(finding) is None

    def _not_asked(self, findings: list[Finding]) -> Counter[str]:
        """How many transactions are left out, and why, for the summary line."""
        counts: Counter[str] = Counter()
        for finding in {answer_key(f): f for f in findings}.values():
            if finding.severity.rank < self.threshold.rank:
                counts["below"] += 1
            elif not self.again and self.store.get(finding) is not None:
                counts["skipped"] += 1
        return counts

    def _take(self, finding: Finding, total: int) -> Generator[Step, Reply, bool]:
        """Ask about one finding and save the answer; True if the allow list grew."""
        before = self.store.entry(finding)
        yield Card(finding, f"({len(self.seen) + 1}/{total})", self._name(finding.wallet), before)
        default = before.answer if before else Answer.not_sure
        answer = default if self.yes else (yield from self._answer(default))
        if not self.interactive or self.yes:  # nobody typed a newline: end the prompt line
            yield Line(f"→ {self.say(answer.value)}")
        # Saved before anything else is asked, so Ctrl-C at any later prompt keeps it.
        self.store.set(finding, answer, datetime.now().astimezone())
        self.store.save()
        self.seen.add(answer_key(finding))
        self.counts[answer] += 1
        allowed_more = answer is Answer.mine and (yield from self._maybe_allow(finding.wallet))
        yield Blank()
        return allowed_more

    def _answer(self, default: Answer) -> Generator[Step, Reply, Answer]:
        while True:
            text = yield from self._line(self.say("question", key=KEYS[default]))
            answer = parse_answer(text, default)
            if answer is not None:
                return answer
            if not self.interactive:
                raise BadInput(self.lines, text)
            yield Line(self.say("again"))

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

    def saved(self) -> dict[str, object]:
        """How many answers this run saved, and where: for the messages that stop a run."""
        return {"count": sum(self.counts.values()), "path": self._shown_path()}

    def _shown_path(self) -> str:
        from auditor.render.safety import printable

        return printable(str(self.store.path))

    def summary(self) -> str:
        """One line for stderr: answers by kind, where they went, and what was not asked."""
        asked = sum(self.counts.values())
        parts = [self.say("summary", asked=asked, mine=self.counts[Answer.mine],
                          not_mine=self.counts[Answer.not_mine],
                          not_sure=self.counts[Answer.not_sure], path=self._shown_path())
                 if asked or self.not_asked["left"] else self.say("nothing")]
        for key in ("left", "skipped", "below"):
            if self.not_asked[key]:
                parts.append(self.say(key, count=self.not_asked[key],
                                      severity=self._severity_word()))
        return say("label.sentence_separator", self.lang).join(parts)

    def _severity_word(self) -> str:
        from auditor.i18n import word

        return word(self.threshold.value, self.lang)
