"""The match key of a folded descriptor: its letters and digits alone, and where its words end."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Combining marks are kept until the word is composed again: a voiced mark that a bank
# printed apart (ﾄﾞ → ト + U+3099) belongs to the kana before it.
_MARK_RANGES = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a"
_MARKS = re.compile(f"[{_MARK_RANGES}]")
# Everything that is neither a letter, a digit nor such a mark separates words: spaces,
# brackets, dots, slashes, hyphens between Latin letters. The underscore counts as one too.
_SEPARATORS = re.compile(f"(?:[^\\w{_MARK_RANGES}]|_)+")
# A mark the bank printed after a space (ﾄ ﾞ) still belongs to the letter before the space.
_GAP_BEFORE_MARK = re.compile(f"(?:[^\\w{_MARK_RANGES}]|_)+(?=[{_MARK_RANGES}])")
# ー is part of the word it lengthens; banks drop it, double it or write it as a dash.
_LONG_VOWEL = "ー"
_HIRAGANA = str.maketrans({**{chr(c): chr(c + 0x60) for c in range(0x3041, 0x3097)},
                           "ゝ": "ヽ", "ゞ": "ヾ"})
# A change of script is a word boundary too: RTKペイペイ, ＰＡＹＰＡＹカード, NTTドコモ, D払い.
_LATIN = "A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff"
_SCRIPT_RUNS = re.compile(f"\\d+|[\u30a1-\u30ff]+|[{_LATIN}]+|[^\\d\u30a1-\u30ff{_LATIN}]+")


@dataclass(frozen=True, slots=True)
class Key:
    """A descriptor's match key and the positions in it where a word may start or end."""

    text: str
    bounds: frozenset[int]
    gaps: frozenset[int] = frozenset()  # the bounds where a space or punctuation stood

    def word_at(self, start: int, end: int) -> bool:
        """Whether text[start:end] stands as a word of its own (or a run of words)."""
        return start in self.bounds and end in self.bounds


@lru_cache(maxsize=65536)
def match_key(folded: str) -> Key:
    """The key of a folded descriptor (see auditor.ingest.text.fold).

    Spaces of every width, punctuation and ー are dropped, hiragana becomes katakana, and
    stray combining marks are composed with the letter before them or dropped; so
    ``ﾗｲﾝ ﾍﾟｲ``, ``ラインペイ`` and ``らいんぺい`` share the key ラインペイ. Where a separator
    stood, and where the script changes, a word may start or end.
    """
    if _MARKS.search(folded):
        folded = _GAP_BEFORE_MARK.sub("", folded)
    parts = [_word(token) for token in _SEPARATORS.split(folded)]
    text = "".join(parts)
    gaps = {0, len(text)}
    offset = 0
    for part in parts:
        offset += len(part)
        gaps.add(offset)
    bounds = gaps | {run.start() for run in _SCRIPT_RUNS.finditer(text)}
    return Key(text, frozenset(bounds), frozenset(gaps))


@lru_cache(maxsize=65536)
def key_text(folded: str) -> str:
    """Only the text of the match key: what most descriptors need (they name nothing)."""
    if _MARKS.search(folded):
        return match_key(folded).text
    # Without marks, the words joined are the text with its separators taken out.
    return _SEPARATORS.sub("", folded).replace(_LONG_VOWEL, "").translate(_HIRAGANA)


def _word(token: str) -> str:
    """One run of letters and digits, as it goes into the key."""
    token = token.replace(_LONG_VOWEL, "")
    if _MARKS.search(token):
        token = _MARKS.sub("", unicodedata.normalize("NFC", token))
    return token.translate(_HIRAGANA)


__all__ = ["Key", "key_text", "match_key"]
