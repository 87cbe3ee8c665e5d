"""The holder's answers about findings, kept per transaction in the user's data folder."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from auditor.fs.atomic import OutputError, atomic_write_text
from auditor.errors import UsageError
from auditor.fs.locks import shared_file_lock
from auditor.models import Finding
from auditor.store.folders import data_file
from auditor.store.secret import private_key, rekey
from auditor.fs.reason import os_reason
from auditor.fs.regular import NotRegularFile, TooLarge, read_regular
from auditor.wording import Said

ENV_VAR = "AUDITOR_ANSWERS"
# 1: keys were plain SHA-256 hex; 2: keyed with the install's secret (auditor.store.secret).
# A schema 1 file is read and converted; it is written back as 2 at the next save.
SCHEMA = 2
LOCK_WAIT = 10.0  # seconds a save waits for another run's save
_ENTRY_KEYS = ("answer", "wallet", "date", "amount", "answered_at")
MAX_ANSWERS_BYTES = 64_000_000  # some 300,000 answers
_KEY = re.compile(r"[0-9a-f]{64}")


class Answer(StrEnum):
    """What the holder said about a finding."""

    mine = "mine"
    not_mine = "not-mine"
    not_sure = "not-sure"


_ANSWERS = frozenset(answer.value for answer in Answer)


@dataclass(frozen=True)
class Entry:
    """One stored answer; date and amount let a person tell entries apart, nothing more."""

    answer: Answer
    wallet: str | None
    date: str
    amount: int
    answered_at: str

    def to_dict(self) -> dict[str, Any]:
        return {"answer": self.answer.value, "wallet": self.wallet, "date": self.date,
                "amount": self.amount, "answered_at": self.answered_at}


# --- where --------------------------------------------------------------------------


def default_answers_path() -> Path:
    """$AUDITOR_ANSWERS, else answers.json in the per-user data folder."""
    named = os.environ.get(ENV_VAR)
    if named:  # empty counts as unset, as for $AUDITOR_CONFIG
        return Path(named).expanduser()
    return data_file("answers.json")


# --- keys ---------------------------------------------------------------------------


def answer_key(finding: Finding) -> str:
    """The store key of a finding: a keyed hash of its identity (auditor.store.secret), so no
    statement text is kept and the file alone names no transaction."""
    return private_key(finding.identity())


# --- the store ----------------------------------------------------------------------


class AnswerStore:
    """Answers by transaction; load it, read and set answers, save it after each change."""

    def __init__(self, path: Path, entries: Mapping[str, Entry] | None = None) -> None:
        self.path = path
        self._entries: dict[str, Entry] = dict(entries or {})
        self._changed: dict[str, Entry] = {}  # set() since the last save: what save() merges
        self._dropped: set[str] = set()  # taken back (review's undo) since the last save

    @classmethod
    def load(cls, path: Path) -> AnswerStore:
        """Read the store; a missing file is empty, an unreadable one is a UsageError."""
        text = _read(path)
        if text is None:
            return cls(path)
        return cls(path, _parse(text, path))

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, finding: Finding) -> Answer | None:
        """The answer given for this transaction, if any."""
        entry = self._entries.get(answer_key(finding))
        return None if entry is None else entry.answer

    def entry(self, finding: Finding) -> Entry | None:
        """The whole stored entry for this transaction, if any."""
        return self._entries.get(answer_key(finding))

    def set(self, finding: Finding, answer: Answer, now: datetime) -> None:
        """Record an answer (replacing an earlier one); call save() to keep it."""
        key = answer_key(finding)
        self._dropped.discard(key)
        self._entries[key] = self._changed[key] = Entry(
            answer=Answer(answer), wallet=finding.wallet, date=finding.date.isoformat(),
            amount=finding.amount, answered_at=now.isoformat(timespec="seconds"),
        )

    def restore(self, finding: Finding, entry: Entry | None) -> None:
        """Put back what was stored before an answer (None: no answer); save() keeps it."""
        key = answer_key(finding)
        if entry is not None:
            self._entries[key] = self._changed[key] = entry
            self._dropped.discard(key)
            return
        self._entries.pop(key, None)
        self._changed.pop(key, None)
        self._dropped.add(key)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (schema 2)."""
        return {"schema": SCHEMA,
                "answers": {key: entry.to_dict() for key, entry in self._entries.items()}}

    def save(self) -> None:
        """Merge this run's answers into the file as it is now, and write it atomically.

        Under a lock, re-read first: two reviews of one file at once each keep every answer
        the other saved (four `review --yes` at once kept 8 of 44), and for one transaction
        answered in both, the later save wins.
        """
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(Said("output.cannot_write", path=self.path,
                                   reason=os_reason(exc.errno, exc.strerror or exc))) from None
        with shared_file_lock(self.path, LOCK_WAIT, Said("lock.answers")):
            text = _read(self.path)
            on_disk = {} if text is None else _parse(text, self.path)
            merged = {**on_disk, **self._changed}
            self._entries = {k: v for k, v in merged.items() if k not in self._dropped}
            atomic_write_text(self.path, json.dumps(self.to_dict(), ensure_ascii=False,
                                                    indent=2) + "\n")
        self._changed, self._dropped = {}, set()


def annotate(
    findings: Iterable[Finding], store: AnswerStore
) -> list[tuple[Finding, Answer | None]]:
    """Each finding with the holder's answer about it, or None, in the given order."""
    return [(finding, store.get(finding)) for finding in findings]


# --- reading ------------------------------------------------------------------------


def _unusable(path: Path, problem: str) -> UsageError:
    # Never "fix" the file ourselves: it holds the holder's answers, which only they can redo.
    return UsageError(Said("answers.unusable", path=path, problem=problem))


def _read(path: Path) -> str | None:
    try:
        raw = read_regular(path, MAX_ANSWERS_BYTES)
    except FileNotFoundError:
        return None
    except NotRegularFile as exc:
        raise _unusable(path, Said("answers.not_regular", kind=exc.kind)) from None
    except TooLarge:
        raise _unusable(path, Said("answers.too_large",
                                   limit=MAX_ANSWERS_BYTES // 1_000_000)) from None
    except OSError as exc:
        reason = os_reason(exc.errno, exc.strerror or exc)
        raise _unusable(path, Said("answers.cannot_read", reason=reason)) from None
    try:
        return raw.decode("utf-8-sig")  # a BOM from a hand edit on Windows is harmless
    except UnicodeDecodeError:
        raise _unusable(path, Said("answers.not_utf8")) from None


def _parse(text: str, path: Path) -> dict[str, Entry]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise _unusable(path, Said("answers.not_json")) from None
    if not isinstance(data, dict) or set(data) != {"schema", "answers"}:
        raise _unusable(path, Said("answers.not_ours"))
    if type(data["schema"]) is not int or data["schema"] not in (1, SCHEMA):
        raise _unusable(path, Said("answers.schema", schema=f"{data['schema']!r:.20}",
                                   expected=SCHEMA))
    if not isinstance(data["answers"], dict):
        raise _unusable(path, Said("answers.not_object"))
    entries = {}
    for number, (key, value) in enumerate(data["answers"].items(), start=1):
        entry = _entry(key, value, number, path)
        entries[rekey(key) if data["schema"] == 1 else key] = entry
    return entries


def _entry(key: str, value: Any, number: int, path: Path) -> Entry:
    """One entry, checked strictly: only this tool writes the file, so oddities are damage."""
    if not _KEY.fullmatch(key) or not isinstance(value, dict) or set(value) != set(_ENTRY_KEYS):
        raise _unusable(path, Said("answers.malformed", number=number))
    answer, wallet, day, amount, at = (value[k] for k in _ENTRY_KEYS)
    well_typed = (isinstance(answer, str) and answer in _ANSWERS
                  and isinstance(wallet, str | None) and isinstance(day, str)
                  and isinstance(at, str) and type(amount) is int)  # bool is an int too
    if not well_typed:
        raise _unusable(path, Said("answers.malformed", number=number))
    return Entry(Answer(answer), wallet, day, amount, at)
