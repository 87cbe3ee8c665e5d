"""Find the catalogue entry a match key names: whole names, words, names cut short, look-alikes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from auditor.detect.matchkey import Key, key_text, match_key

Rule = Literal["anywhere", "word", "alone"]


@dataclass(frozen=True, slots=True)
class Name:
    """One way an entry is printed, as a match key, and where in a descriptor it may stand."""

    key: str
    entry: int  # index of the entry it names
    rule: Rule  # anywhere; as a word of its own; alone (but for channel and company words)


@dataclass(frozen=True, slots=True)
class Found:
    """The entry a descriptor names, where, and whether the bank cut the name short."""

    entry: int
    start: int
    end: int
    truncated: bool = False
    head: bool = False  # only the head of a longer look-alike: it hides names, names nothing

    def covers(self, other: Found) -> bool:
        return (self.start <= other.start and other.end <= self.end
                and self.end - self.start > other.end - other.start)


@dataclass(frozen=True)
class Cutting:
    """When a name cut at the end of a descriptor still names its entry."""

    shortest: int = 3  # letters kept, at least...
    share: float = 0.75  # ...and this share of the name's letters
    never: frozenset[str] = frozenset()  # cut forms that are words of their own (PAY)


@dataclass(frozen=True)
class _Where:
    """A descriptor's key with its bounds, and how far channel and company words reach."""

    key: Key
    bounds: frozenset[int]
    forward: frozenset[int]  # reached from the start over channel and company words
    backward: frozenset[int]  # reached from the end the same way


class Matcher:
    """All the names of a catalogue, compiled for matching many descriptors.

    ``lookalike[i]`` says whether entry i is a look-alike (a bill, card, bank, fee or shop
    sharing a wallet's brand): one that covers a wallet's name there outranks it.
    """

    def __init__(self, names: Sequence[Name], lookalike: Sequence[bool],
                 channel_words: Iterable[str], filler_words: Iterable[str], cutting: Cutting) -> None:
        self._names = sorted(names, key=lambda name: -len(name.key))
        self._lookalike = tuple(lookalike)
        self._channel = tuple(channel_words)
        self._filler = tuple(filler_words)
        # One alternation answers "no name at all" (most descriptors) in a single C-level scan.
        self._any = re.compile("|".join(re.escape(n.key) for n in self._names) or r"(?!)")
        self._plausible, self._heads = _cut_names(self._names, self._lookalike, cutting)
        self._cut_lengths = sorted({len(form) for form in (*self._plausible, *self._heads)},
                                   reverse=True)

    def find(self, folded: str) -> Found | None:
        """The entry a folded descriptor names, or None; see Catalogue.payee for the rules."""
        text = key_text(folded)
        whole = self._any.search(text) is not None
        tails = [len(text) - length for length in self._cut_lengths if length <= len(text)
                 and (text[len(text) - length:] in self._plausible
                      or text[len(text) - length:] in self._heads)]
        if not whole and not tails:
            return None
        where = self._where(match_key(folded))
        found = self._whole(where) if whole else []
        found += self._truncated(where, tails)
        return self._best(found, where)

    def _where(self, key: Key) -> _Where:
        """Bounds, with those channel words make (ﾌﾘｶｴﾗｲﾝﾍﾟｲ, ﾗｲﾝﾍﾟｲﾁｬｰｼﾞ), and their reach.

        Company words (ｶ for 株式会社) count only set off by a space or bracket: ﾍﾟｲﾍﾟｲ(ｶ.
        """
        text, bounds = key.text, set(key.bounds)
        for _ in range(2):  # a second pass for two channel words in a row (RTKフリカエ)
            for word in self._channel:
                for start in _starts(text, word):
                    if start in bounds:
                        bounds.add(start + len(word))
                    if start + len(word) in bounds:
                        bounds.add(start)
        steps = [(at, at + len(word)) for word in self._channel for at in _starts(text, word)
                 if at in bounds and at + len(word) in bounds]
        steps += [(at, at + len(word)) for word in self._filler for at in _starts(text, word)
                  if at in key.gaps and at + len(word) in key.gaps]
        forward, backward = {0}, {len(text)}
        for start, end in sorted(steps):
            if start in forward:
                forward.add(end)
        for start, end in sorted(steps, key=lambda step: -step[1]):
            if end in backward:
                backward.add(start)
        return _Where(key, frozenset(bounds), frozenset(forward), frozenset(backward))

    def _stands(self, rule: Rule, start: int, end: int, where: _Where) -> bool:
        """Whether a name found at text[start:end] stands where its rule says it must."""
        if rule == "word":
            return start in where.bounds and end in where.bounds
        if rule == "alone":
            return start in where.forward and end in where.backward
        return True

    def _whole(self, where: _Where) -> list[Found]:
        found = []
        for name in self._names:
            for start in _starts(where.key.text, name.key):
                if self._stands(name.rule, start, start + len(name.key), where):
                    found.append(Found(name.entry, start, start + len(name.key)))
        return found

    def _truncated(self, where: _Where, starts: list[int]) -> list[Found]:
        """Names cut at the end of the descriptor, where only one entry could be meant."""
        text, found = where.key.text, []
        for start in starts:
            form, end = text[start:], len(text)
            if start not in where.bounds:
                continue
            owners = {entry for entry, rule in self._plausible.get(form, ())
                      if self._stands(rule, start, end, where)}
            looks = sorted(entry for entry in owners if self._lookalike[entry])
            if looks:
                found.append(Found(looks[0], start, end, truncated=True))
            elif not owners and form in self._heads:
                # A cut look-alike (PAYPAYｶ of PAYPAYカード) still says what the text is not.
                found.append(Found(self._heads[form][0], start, end, truncated=True, head=True))
            elif len(owners) == 1:
                found.append(Found(owners.pop(), start, end, truncated=True))
        return found

    def _best(self, found: list[Found], where: _Where) -> Found | None:
        """Drop names inside longer ones; a wallet beats a look-alike elsewhere in the text."""
        def hides(other: Found, name: Found) -> bool:
            # A cut look-alike is no more than company words after a wallet (ﾍﾟｲﾍﾟｲ(ｶ).
            return other.covers(name) and not (other.truncated and name.end in where.backward)

        kept = [f for f in found if not f.head and not any(hides(other, f) for other in found)]
        if not kept:
            return None
        wallets = [f for f in kept if not self._lookalike[f.entry]] or kept
        return min(wallets, key=lambda f: (f.truncated, f.start - f.end, f.start, f.entry))


def _starts(text: str, word: str) -> Iterable[int]:
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + 1)


def _cut_names(names: Sequence[Name], lookalike: Sequence[bool], cutting: Cutting
               ) -> tuple[dict[str, tuple[tuple[int, Rule], ...]], dict[str, tuple[int, ...]]]:
    """The cut forms of every name: those that still tell the entry, and look-alikes' heads.

    A bank cuts a name at its field width, so the end can fall between a kana and its
    voiced mark (ﾄﾞｺﾓｺｳｻﾞ → ﾄﾞｺﾓｺｳｻ): the last letter may then lack its mark. A form tells its
    entry when it keeps at least ``cutting.shortest`` letters and ``cutting.share`` of the name
    (ﾍﾟｲﾍﾟ of ﾍﾟｲﾍﾟｲ, not ﾄﾞｺﾓ of ﾄﾞｺﾓｺｳｻﾞ); any longer head of a look-alike is kept apart,
    to say that PAYPAYｶ is no PayPay top-up.
    """
    whole = {name.key for name in names}
    plausible: dict[str, set[tuple[int, Rule]]] = {}
    heads: dict[str, set[int]] = {}
    for name in names:
        for length in range(cutting.shortest, len(name.key) + 1):
            head, last = name.key[:length - 1], name.key[length - 1]
            forms = {head + _unvoiced(last)} | ({head + last} if length < len(name.key) else set())
            for form in forms - whole - cutting.never:
                if length >= cutting.share * len(name.key):
                    plausible.setdefault(form, set()).add((name.entry, name.rule))
                elif lookalike[name.entry]:
                    heads.setdefault(form, set()).add(name.entry)
    return ({form: tuple(sorted(owners)) for form, owners in plausible.items()},
            {form: tuple(sorted(entries)) for form, entries in heads.items()})


def _unvoiced(letter: str) -> str:
    parts = unicodedata.normalize("NFD", letter)
    return parts[0] if len(parts) == 2 and parts[1] in "\u3099\u309a" else letter


__all__ = ["Cutting", "Found", "Matcher", "Name", "Rule"]
