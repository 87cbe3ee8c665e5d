"""Read a name's words in one script: ﾗｸﾃﾝEDY is 楽天Edy and LINE ﾍﾟｲ is LINE Pay.

Banks print a service's name in whatever mix of kanji, kana and Latin fits their field, so a
catalogue that lists each name in a few spellings cannot list every mix. The catalogue's
``[matching.readings]`` gives the reading (in katakana) of each word a name is built from; a
descriptor that names nothing as printed is read word by word and matched again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

# A Latin run is read only when it is made wholly of known words: PAYPAY, AUPAY and LINE are,
# SPEEDY, ONLINE and PAYMENT are not, so a reading never finds a name inside another word.
_LATIN_RUN = re.compile(r"[A-Z]+")


class Reader:
    """Replace the words of names with their readings, leaving every other character alone."""

    def __init__(self, readings: Mapping[str, str]) -> None:
        self._latin = {word: reading for word, reading in readings.items() if word.isascii()}
        self._other = {word: reading for word, reading in readings.items() if not word.isascii()}
        words = sorted(self._other, key=len, reverse=True)
        self._other_words = re.compile("|".join(map(re.escape, words))) if words else None
        self._longest = max(map(len, self._latin), default=0)
        self._segment = lru_cache(maxsize=4096)(self._segment_run)

    def read(self, folded: str) -> str:
        """The folded text with every word it knows written as its reading."""
        text = folded
        if self._other_words is not None:
            text = self._other_words.sub(lambda m: self._other[m.group()], text)
        if self._latin:
            text = _LATIN_RUN.sub(lambda m: self._segment(m.group()), text)
        return text

    def _segment_run(self, run: str) -> str:
        """A run of Latin capitals as readings, if known words make up all of it; else as is."""
        # best[i]: the reading of run[:i] in known words, or None when they cannot make it up.
        best: list[str | None] = [""] + [None] * len(run)
        for end in range(1, len(run) + 1):
            for start in range(max(0, end - self._longest), end):
                head, word = best[start], run[start:end]
                if head is not None and word in self._latin:
                    best[end] = head + self._latin[word]
                    break
        return best[-1] if best[-1] is not None else run


__all__ = ["Reader"]
