"""The review conversation: show each finding, read the holder's answer, save it at once."""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from auditor.ingest.account import mask_path
from auditor.store.answers import Answer, answer_key
from auditor.models import Severity

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from auditor.store.answers import AnswerStore, Entry
    from auditor.store.config import Config
    from auditor.models import Finding
    from auditor.detect.wallets import Catalogue

Rescan = Callable[[frozenset[str]], Iterable["Finding"]]

# The conversation's own wording; the labels it shares with the table come from auditor.i18n.
_WORDS: dict[str, dict[str, str]] = {
    "question": {
        "en": "Did you make this debit? [m]ine / [n]ot mine / [s] not sure (Enter = {key}): ",
        "ja": "ご自身の出金ですか？ [m]自分のもの / [n]身に覚えがない / [s]わからない"
              "（Enter = {key}）: ",
    },
    "again": {"en": "Please type m, n or s.", "ja": "m・n・s のどれかを入力してください。"},
    "mine": {"en": "mine", "ja": "自分のもの"},
    "not-mine": {"en": "not mine", "ja": "身に覚えがない"},
    "not-sure": {"en": "not sure", "ja": "わからない"},
    "before": {"en": "Answered before", "ja": "前回の回答"},
    "offer": {
        "en": "Add {wallet} to the wallets you use, so its top-ups are no longer flagged "
              "as unknown? [y/N]: ",
        "ja": "{wallet}を利用中のサービスに追加し、以後は不明なサービスとして検出しない"
              "ようにしますか？ [y/N]: ",
    },
    "yes_no": {"en": "Please type y or n.", "ja": "y か n を入力してください。"},
    "reason": {"en": "Reason (optional, Enter to skip): ", "ja": "理由（任意、Enterで省略）: "},
    "added": {"en": "added {wallet} to {path}", "ja": "{wallet}を{path}に追加しました"},
    "hint": {"en": "to stop flagging {wallet} as unknown: auditor allow {id}",
             "ja": "{wallet}を不明なサービスとして検出しないようにするには: auditor allow {id}"},
    "summary": {
        "en": "reviewed {asked} finding(s): {mine} mine, {not_mine} not mine, "
              "{not_sure} not sure; answers saved to {path}",
        "ja": "{asked}件を確認しました（自分のもの{mine}・身に覚えがない{not_mine}・"
              "わからない{not_sure}）。回答の保存先: {path}",
    },
    "nothing": {"en": "nothing to review", "ja": "確認する検出はありません"},
    "skipped": {"en": "{count} answered before and not asked again (--all asks them too)",
                "ja": "回答済みの{count}件は省略しました（--all で再確認できます）"},
    "below": {"en": "{count} below {severity} severity not asked (see --min-severity)",
              "ja": "重要度が{severity}未満の{count}件は確認していません（--min-severity）"},
    "left": {"en": "input ended with {count} finding(s) not asked",
             "ja": "入力が終わったため{count}件は未確認です"},
    "stopped": {"en": "stopped; {count} answer(s) saved to {path}",
                "ja": "中断しました。{count}件の回答を{path}に保存しました"},
    "bad_input": {
        "en": "input line {line}: {text} is not an answer (use m, n or s); "
              "{count} answer(s) saved to {path}",
        "ja": "入力の{line}行目: {text} は回答として読めません（m・n・s で答えてください）。"
              "{count}件の回答を{path}に保存しました",
    },
}
_SEPARATOR = {"en": "; ", "ja": "。"}
_KEYS = {Answer.mine: "m", Answer.not_mine: "n", Answer.not_sure: "s"}
_TYPED = {"m": Answer.mine, "mine": Answer.mine,
          "n": Answer.not_mine, "not-mine": Answer.not_mine, "not mine": Answer.not_mine,
          "s": Answer.not_sure, "not-sure": Answer.not_sure, "not sure": Answer.not_sure}
_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _read_line(out: Console, question: str) -> str | None:
    """Show the question and read one line from stdin; None at the end of the input."""
    from rich.text import Text

    out.print(Text(question), end="")
    out.file.flush()
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return None if line == "" else line.rstrip("\r\n")


def parse_answer(text: str, default: Answer) -> Answer | None:
    """m/n/s or the answer's words, any case, full-width too; blank is the default."""
    # NFKC: a Japanese input method left in full-width mode types ｍ for m.
    folded = unicodedata.normalize("NFKC", text).strip().lower()
    return default if not folded else _TYPED.get(folded)


class EndOfInput(Exception):
    """Stdin ended (EOF or Ctrl-D): stop asking, keep what was answered."""


class BadInput(Exception):
    """A piped line that is not an answer: re-asking would shift every later line."""

    def __init__(self, line: int, text: str) -> None:
        super().__init__(text)
        self.line, self.text = line, text


@dataclass
class Review:
    """One review conversation: what is left to ask, what was answered, what was allowed."""

    out: Console
    store: AnswerStore
    settings: Config
    catalogue: Catalogue
    allowed: frozenset[str]
    lang: str
    rescan: Rescan
    yes: bool
    again: bool  # --all
    threshold: Severity
    interactive: bool
    counts: Counter[Answer] = field(default_factory=Counter)
    seen: set[str] = field(default_factory=set)
    offered: set[str] = field(default_factory=set)
    not_asked: Counter[str] = field(default_factory=Counter)
    lines: int = 0

    def say(self, what: str, /, **values: object) -> str:
        return _WORDS[what][self.lang].format(**values)

    def run(self, findings: Iterable[Finding]) -> None:
        """Ask about each pending finding in turn, until done or the input ends."""
        findings = list(findings)
        self.not_asked = self._not_asked(findings)
        queue = self._pending(findings)
        while queue:
            finding = queue.pop(0)
            try:
                allowed_more = self._take(finding, len(self.seen) + 1 + len(queue))
            except EndOfInput:  # at an allow offer, this finding's answer is already saved
                self.out.line()  # the prompt left the cursor mid-line
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

    def _take(self, finding: Finding, total: int) -> bool:
        """Ask about one finding and save the answer; True if the allow list grew."""
        before = self.store.entry(finding)
        self.out.print(_card(finding, f"({len(self.seen) + 1}/{total})", self.lang,
                             self._name(finding.wallet), before))
        default = before.answer if before else Answer.not_sure
        answer = default if self.yes else self._answer(default)
        if not self.interactive or self.yes:  # nobody typed a newline: end the prompt line
            self.out.print(_plain(f"→ {self.say(answer.value)}"))
        # Saved before anything else is asked, so Ctrl-C at any later prompt keeps it.
        self.store.set(finding, answer, datetime.now().astimezone())
        self.store.save()
        self.seen.add(answer_key(finding))
        self.counts[answer] += 1
        allowed_more = answer is Answer.mine and self._maybe_allow(finding.wallet)
        self.out.line()
        return allowed_more

    def _answer(self, default: Answer) -> Answer:
        while True:
            text = self._line(self.say("question", key=_KEYS[default]))
            answer = parse_answer(text, default)
            if answer is not None:
                return answer
            if not self.interactive:
                raise BadInput(self.lines, text)
            self.out.print(_plain(self.say("again")))

    def _line(self, question: str) -> str:
        text = _read_line(self.out, question)
        if text is None:
            raise EndOfInput
        self.lines += 1
        return text

    def _maybe_allow(self, wallet: str | None) -> bool:
        """Offer, once per wallet, to add a wallet the holder says is theirs."""
        if self.yes or wallet is None or wallet in self.allowed or wallet in self.offered:
            return False
        self.offered.add(wallet)
        if not self.interactive:  # a y/n line here would shift every later answer of a script
            self.out.print(_plain(self.say("hint", wallet=self._name(wallet), id=wallet)))
            return False
        if not self._confirm(self.say("offer", wallet=self._name(wallet))):
            return False
        self._allow(wallet, self._line(self.say("reason")).strip() or None)
        return True

    def _confirm(self, question: str) -> bool:
        while True:
            text = unicodedata.normalize("NFKC", self._line(question)).strip().lower()
            if text in ("", "n", "no"):
                return False
            if text in ("y", "yes"):
                return True
            self.out.print(_plain(self.say("yes_no")))

    def _allow(self, wallet: str, reason: str | None) -> None:
        from auditor.store.config import update_config, with_allow
        from auditor.render.safety import printable

        self.settings = update_config(
            self.settings.path, self.catalogue.ids,
            lambda now: with_allow(now, wallet, reason, None, date.today()))
        self.allowed = self.allowed | {wallet}
        self.out.print(_plain(self.say("added", wallet=wallet,
                                       path=printable(str(self.settings.path)))))

    def _name(self, wallet: str | None) -> str:
        if wallet is None:
            return "?"
        entry = self.catalogue.get(wallet)
        return f"{entry.name_ja if self.lang == 'ja' else entry.name_en} ({wallet})"

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
        return _SEPARATOR[self.lang].join(parts)

    def _severity_word(self) -> str:
        from auditor.i18n import word

        return word(self.threshold.value, self.lang)


def _plain(text: str) -> Text:
    from rich.text import Text

    return Text(text)


def _card(finding: Finding, counter: str, lang: str, wallet: str, before: Entry | None) -> Text:
    """The finding as label/value lines; data goes in as plain text, never as markup."""
    from rich.cells import cell_len
    from rich.text import Text

    rows = _card_rows(finding, counter, lang, wallet, before)
    width = max(cell_len(label) for label, _, _ in rows) + 2  # cells: Japanese labels are wide
    lines = []
    for label, value, style in rows:
        lead = label + " " * (width - cell_len(label))
        for part in value.split("\n"):
            lines.append(Text.assemble((lead, "bold"), (part, style)))
            lead = " " * width
    return Text("\n").join(lines)


def _card_rows(finding: Finding, counter: str, lang: str, wallet: str,
               before: Entry | None) -> list[tuple[str, str, str]]:
    """(label, value, style) for each row of the card; statement text made printable."""
    from auditor.i18n import word
    from auditor.render.safety import printable
    from auditor.wording import yen

    severity = finding.severity.value
    reasons = "\n".join(f"• {printable(reason.text(lang))}" for reason in finding.reasons)
    rows = [
        (counter, finding.date.isoformat() + (f" {finding.time}" if finding.time else ""), "bold"),
        (word("description", lang), printable(finding.description), ""),
        (word("wallet", lang), wallet, ""),
        (word("amount", lang), yen(finding.amount), ""),
        (word("severity", lang), f"{word(severity, lang)} ({finding.score})", _STYLE[severity]),
        (word("reasons", lang), reasons, ""),
        (word("file", lang), f"{printable(mask_path(finding.file))}:{finding.line}", ""),
    ]
    if before is not None:  # only with --all; the file is the user's, so treat it as data too
        answered = f"{_WORDS[before.answer.value][lang]} ({printable(before.answered_at)})"
        rows.append((_WORDS["before"][lang], answered, ""))
    return rows
