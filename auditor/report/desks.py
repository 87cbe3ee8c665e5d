"""Who runs each wallet service and where to reach them, from the bundled desks.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_REQUIRED = frozenset({"operator_ja", "operator_en"})
_KEYS = _REQUIRED | {"phone", "phone_note_ja", "phone_note_en"}


@dataclass(frozen=True)
class Desk:
    """A service's operator, in both languages, and its phone when a source gives one."""

    operator_ja: str
    operator_en: str
    phone: str | None = None
    phone_note_ja: str | None = None
    phone_note_en: str | None = None

    def operator(self, lang: str) -> str:
        return self.operator_ja if lang == "ja" else self.operator_en

    def note(self, lang: str) -> str | None:
        return self.phone_note_ja if lang == "ja" else self.phone_note_en


def parse_desks(text: str) -> dict[str, Desk]:
    """The desks by wallet id; a ValueError names an entry with missing or unknown keys."""
    desks = {}
    for wallet, entry in tomllib.loads(text).items():
        if not isinstance(entry, dict) or not _REQUIRED <= set(entry) or set(entry) - _KEYS:
            raise ValueError(f"desks: entry {wallet} needs operator_ja and operator_en only "
                             f"(and phone, phone_note_ja, phone_note_en)")
        desks[wallet] = Desk(**{key: str(value) for key, value in entry.items()})
    return desks


@cache
def load_desks() -> dict[str, Desk]:
    """The bundled desks (read once)."""
    return parse_desks((files("auditor") / "data" / "desks.toml").read_text(encoding="utf-8"))
