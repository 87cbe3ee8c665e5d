"""The wallet catalogue in memory: services, their look-alikes and channel markers, compiled."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from auditor.detect.matcher import Cutting, Matcher, Name, Rule
from auditor.detect.matchkey import key_text
from auditor.detect.readings import Reader

Kind = Literal["wallet", "brokerage"]
LookKind = Literal["card", "bank", "brokerage", "bill", "fee", "purchase"]
Where = Literal["channel", "description"]
ANY_BANK = "any"


@dataclass(frozen=True, slots=True)
class Names:
    """How an entry is printed: folded strings, each matched with spaces and ー ignored."""

    patterns: tuple[str, ...] = ()  # anywhere in the descriptor
    words: tuple[str, ...] = ()  # only as a word of its own (short names: LINE PAY, PAYB)
    alone: tuple[str, ...] = ()  # only with nothing but channel or company words around

    def ruled(self) -> tuple[tuple[str, Rule], ...]:
        return (*((p, "anywhere") for p in self.patterns), *((w, "word") for w in self.words),
                *((a, "alone") for a in self.alone))


@dataclass(frozen=True, slots=True)
class Wallet:
    """One service that pulls money from a bank account: an e-wallet or a brokerage."""

    id: str
    name_ja: str
    name_en: str
    names: Names
    source: str
    kind: Kind = "wallet"
    channels: tuple[str, ...] = ()
    monthly_cap: int | None = None
    daily_cap: int | None = None
    incident_2020: str | None = None

    @property
    def patterns(self) -> tuple[str, ...]:
        """Every printed name, whatever its rule."""
        return (*self.names.patterns, *self.names.words, *self.names.alone)


@dataclass(frozen=True, slots=True)
class LookAlike:
    """A payee that shares a wallet's brand or words but takes no top-up: never flagged."""

    id: str
    kind: LookKind
    name_ja: str
    name_en: str
    names: Names
    source: str


@dataclass(frozen=True, slots=True)
class ChannelMarker:
    """A bank's way of printing a pull by a third party, whoever the payee is."""

    id: str
    where: Where
    pattern: str
    bank: str
    note: str
    regex: re.Pattern[str] | None = None

    def applies(self, bank: str | None) -> bool:
        """Whether the marker means a pull at this bank (a layout's bank name)."""
        return self.bank == ANY_BANK or self.bank == bank

    def hits(self, key: str, channel_key: str) -> bool:
        """Return whether a debit with this folded descriptor and channel carries the marker."""
        if self.where == "channel":
            # Channel columns hold short codes; comparing whole values keeps RT off RTK-like codes.
            found = channel_key == self.pattern
        else:
            found = key_text(self.pattern) in key_text(key)
        return found and (self.regex is None or self.regex.search(key) is not None)


@dataclass(frozen=True)
class Matching:
    """Catalogue-wide matching data: channel and company words, and when a cut name counts."""

    channel_words: tuple[str, ...] = ()
    filler_words: tuple[str, ...] = ()
    truncated_min: int = 3
    truncated_share: float = 0.75
    never_cut: tuple[str, ...] = ()
    readings: tuple[tuple[str, str], ...] = ()  # a name word and how it reads, in katakana


@dataclass(frozen=True, slots=True)
class Payee:
    """What a descriptor names: a wallet or brokerage, or a look-alike (``wallet`` False)."""

    id: str
    wallet: bool
    truncated: bool = False


@dataclass(frozen=True)
class Catalogue:
    """The validated wallet catalogue, precompiled for matching many descriptors."""

    wallets: tuple[Wallet, ...]
    channels: tuple[ChannelMarker, ...] = ()
    lookalikes: tuple[LookAlike, ...] = ()
    matching: Matching = field(default_factory=Matching)
    _by_id: Mapping[str, Wallet] = field(init=False, repr=False, compare=False)
    _matcher: Matcher = field(init=False, repr=False, compare=False)
    _reader: Reader | None = field(init=False, repr=False, compare=False)
    _read_matcher: Matcher | None = field(init=False, repr=False, compare=False)
    _cached: Callable[[str], Payee | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        reader = Reader(dict(self.matching.readings)) if self.matching.readings else None
        object.__setattr__(self, "_by_id", {wallet.id: wallet for wallet in self.wallets})
        object.__setattr__(self, "_matcher", self._compile(lambda text: text))
        object.__setattr__(self, "_reader", reader)
        object.__setattr__(self, "_read_matcher", reader and self._compile(reader.read))
        # Per instance: a catalogue from a user's file must not share the bundled one's answers.
        object.__setattr__(self, "_cached", lru_cache(maxsize=65536)(self._payee))

    def _compile(self, spell: Callable[[str], str]) -> Matcher:
        """A matcher for every name of every entry, each name written as spell writes it."""
        entries = (*self.wallets, *self.lookalikes)
        names = {Name(key_text(spell(text)), index, rule)
                 for index, entry in enumerate(entries) for text, rule in entry.names.ruled()}
        m = self.matching
        cutting = Cutting(m.truncated_min, m.truncated_share,
                          frozenset(key_text(spell(w)) for w in m.never_cut))
        return Matcher(sorted(names, key=lambda n: (n.entry, n.key, n.rule)),
                       [isinstance(e, LookAlike) for e in entries],
                       [key_text(spell(w)) for w in m.channel_words],
                       [key_text(spell(w)) for w in m.filler_words], cutting)

    def __reduce__(self) -> tuple[type[Catalogue], tuple[object, ...]]:
        # Sent to worker processes by its data alone; each rebuilds the compiled parts.
        return (Catalogue, (self.wallets, self.channels, self.lookalikes, self.matching))

    @property
    def ids(self) -> tuple[str, ...]:
        """Wallet ids in catalogue order."""
        return tuple(wallet.id for wallet in self.wallets)

    def get(self, wallet_id: str) -> Wallet:
        """Return the wallet with this id; KeyError if the catalogue has none."""
        try:
            return self._by_id[wallet_id]
        except KeyError:
            raise KeyError(f"unknown wallet id {wallet_id!r}") from None

    def payee(self, key: str) -> Payee | None:
        """What a folded descriptor names, or None.

        Spaces, punctuation and ー are ignored; a name in ``words`` must stand as a word and
        one in ``alone`` with nothing but channel and company words around it. A name inside
        a longer one gives way to it (PAYPAY inside a look-alike PAYPAYカード), and a name
        the bank cut short at the end counts when only one entry could be meant.
        """
        return self._cached(key)

    def _payee(self, key: str) -> Payee | None:
        found = self._matcher.find(key)
        if found is None and self._reader is not None and self._read_matcher is not None:
            # Only what names nothing as printed is read word by word: a reading adds
            # spellings (ﾗｸﾃﾝEDY), it never changes what a printed name already says.
            read = self._reader.read(key)
            found = self._read_matcher.find(read) if read != key else None
        if found is None:
            return None
        if found.entry < len(self.wallets):
            return Payee(self.wallets[found.entry].id, True, found.truncated)
        return Payee(self.lookalikes[found.entry - len(self.wallets)].id, False, found.truncated)

    def match(self, key: str) -> str | None:
        """The id of the wallet or brokerage a folded descriptor names, or None."""
        payee = self.payee(key)
        return payee.id if payee is not None and payee.wallet else None

    def marker(self, key: str, channel_key: str, bank: str | None = None) -> str | None:
        """The id of the channel marker that makes this debit look like a top-up at this bank."""
        for marker in self.channels:
            if marker.applies(bank) and marker.hits(key, channel_key):
                return marker.id
        return None


__all__ = ["ANY_BANK", "Catalogue", "ChannelMarker", "Kind", "LookAlike", "LookKind", "Matching",
           "Names", "Payee", "Wallet", "Where"]
