"""The config's values: the wallets the holder allows, and defaults for --fail-on and --lang."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from auditor.wording import LANGS

# The file, as load_config reads it and dumps_config writes it:
#
#     fail_on = "high"            # optional: low | medium | high
#     lang = "ja"                 # optional: ja | en
#
#     [[allow]]
#     wallet = "paypay"           # required: a catalogue id
#     reason = "my own account"   # optional
#     until = 2025-12-31          # optional TOML date; the entry counts through that day
#     added = 2025-01-10          # written by the tool: the day the wallet was first allowed
FAIL_ON_CHOICES = ("low", "medium", "high")
LANG_CHOICES = LANGS  # the languages the wording modules hold
TOP_KEYS = ("allow", "fail_on", "lang")
ALLOW_KEYS = ("wallet", "reason", "until", "added")


@dataclass(frozen=True)
class AllowEntry:
    """A wallet the holder recognises, so its top-ups are not flagged."""

    wallet: str
    reason: str | None = None
    until: date | None = None
    added: date | None = None

    def counts_on(self, today: date) -> bool:
        """Whether the entry still applies on this day (until is inclusive)."""
        return self.until is None or today <= self.until


@dataclass(frozen=True)
class Config:
    """A validated config file; path is where it was read from and will be saved to."""

    allow: tuple[AllowEntry, ...]
    fail_on: str | None
    lang: str | None
    path: Path

    def active(self, today: date) -> dict[str, AllowEntry]:
        """The entries that count today, by wallet id, in file order."""
        return {e.wallet: e for e in self.allow if e.counts_on(today)}

    def expired(self, today: date) -> list[AllowEntry]:
        """The entries whose until day is past, so the user can be told to renew or drop them."""
        return [e for e in self.allow if not e.counts_on(today)]
