"""What the holder types in a review: answers in any case and width, yes or no."""

from __future__ import annotations

import unicodedata

from auditor.store.answers import Answer

KEYS = {Answer.mine: "m", Answer.not_mine: "n", Answer.not_sure: "s"}
_TYPED = {"m": Answer.mine, "mine": Answer.mine,
          "n": Answer.not_mine, "not-mine": Answer.not_mine, "not mine": Answer.not_mine,
          "s": Answer.not_sure, "not-sure": Answer.not_sure, "not sure": Answer.not_sure}


def _folded(text: str) -> str:
    # NFKC: a Japanese input method left in full-width mode types ｍ for m.
    return unicodedata.normalize("NFKC", text).strip().lower()


def parse_answer(text: str, default: Answer) -> Answer | None:
    """m/n/s or the answer's words, any case, full-width too; blank is the default."""
    folded = _folded(text)
    return default if not folded else _TYPED.get(folded)


def parse_yes_no(text: str) -> bool | None:
    """y/yes is True, blank or n/no False (the offer defaults to no), anything else None."""
    folded = _folded(text)
    if folded in ("", "n", "no"):
        return False
    return True if folded in ("y", "yes") else None
