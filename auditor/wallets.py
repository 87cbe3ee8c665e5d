"""Load the wallet catalogue and tell which wallet, if any, a folded descriptor names."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from auditor.text import fold

Where = Literal["channel", "description"]

_BUNDLED = "auditor/data/wallets.toml"
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_WALLET_REQUIRED = frozenset({"id", "name_ja", "name_en", "patterns", "source"})
_WALLET_OPTIONAL = frozenset({"exclude", "channels", "monthly_cap", "daily_cap", "incident_2020"})
_CHANNEL_REQUIRED = frozenset({"id", "where", "pattern", "bank", "note"})
_CHANNEL_OPTIONAL = frozenset({"regex"})
_TOP_LEVEL = frozenset({"wallet", "channel"})
_WHERE: frozenset[str] = frozenset({"channel", "description"})


@dataclass(frozen=True, slots=True)
class Wallet:
    """One top-up service: how banks print it and what is known about it."""

    id: str
    name_ja: str
    name_en: str
    patterns: tuple[str, ...]
    source: str
    exclude: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    monthly_cap: int | None = None
    daily_cap: int | None = None
    incident_2020: str | None = None

    def excluded(self, key: str) -> bool:
        """Return whether the folded descriptor names a look-alike of this wallet."""
        return any(word in key for word in self.exclude)


@dataclass(frozen=True, slots=True)
class ChannelMarker:
    """A bank's way of printing a pull by a third party, whoever the payee is."""

    id: str
    where: Where
    pattern: str
    bank: str
    note: str
    regex: re.Pattern[str] | None = None

    def hits(self, key: str, channel_key: str) -> bool:
        """Return whether a debit with this folded descriptor and channel carries the marker."""
        if self.where == "channel":
            # Channel columns hold short codes; comparing whole values keeps RT off RTK-like codes.
            found = channel_key == self.pattern
        else:
            found = self.pattern in key
        return found and (self.regex is None or self.regex.search(key) is not None)


@dataclass(frozen=True)
class Catalogue:
    """The validated wallet catalogue, precompiled for matching many descriptors."""

    wallets: tuple[Wallet, ...]
    channels: tuple[ChannelMarker, ...] = ()
    _by_id: Mapping[str, Wallet] = field(init=False, repr=False, compare=False)
    _by_length: tuple[tuple[str, Wallet], ...] = field(init=False, repr=False, compare=False)
    _any: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = [(pattern, wallet) for wallet in self.wallets for pattern in wallet.patterns]
        # Stable sort: the longest pattern is tried first, ties keep catalogue order.
        by_length = tuple(sorted(pairs, key=lambda pair: -len(pair[0])))
        # One alternation answers "no wallet at all" (most descriptors) in a single C-level scan.
        alternation = "|".join(re.escape(pattern) for pattern, _ in by_length) or r"(?!)"
        object.__setattr__(self, "_by_id", {wallet.id: wallet for wallet in self.wallets})
        object.__setattr__(self, "_by_length", by_length)
        object.__setattr__(self, "_any", re.compile(alternation))

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

    def match(self, key: str) -> str | None:
        """Return the id of the wallet a folded descriptor names, or None.

        A wallet matches when one of its patterns occurs in the key and none of its excludes
        does; among matching wallets the longest pattern wins, so an excluded look-alike can
        still fall through to another wallet.
        """
        if self._any.search(key) is None:
            return None
        for pattern, wallet in self._by_length:
            if pattern in key and not wallet.excluded(key):
                return wallet.id
        return None

    def marker(self, key: str, channel_key: str) -> str | None:
        """Return the id of the channel marker that makes this debit look like a top-up, or None."""
        for marker in self.channels:
            if marker.hits(key, channel_key):
                return marker.id
        return None


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load and validate a catalogue: the bundled one (cached) unless a TOML path is given."""
    if path is None:
        return _bundled_catalogue()
    return parse_catalogue(path.read_text(encoding="utf-8"), origin=str(path))


@cache
def _bundled_catalogue() -> Catalogue:
    resource = files("auditor") / "data" / "wallets.toml"
    return parse_catalogue(resource.read_text(encoding="utf-8"), origin=_BUNDLED)


def parse_catalogue(text: str, origin: str = "<string>") -> Catalogue:
    """Build a Catalogue from TOML text; ValueError naming the entry if anything is off."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{origin}: not valid TOML: {error}") from error
    _check_keys(data, required=frozenset(), optional=_TOP_LEVEL, label=origin)
    channels = tuple(
        _channel(entry, _label(entry, f"{origin}: channel", number))
        for number, entry in enumerate(_tables(data, "channel", origin), start=1)
    )
    _check_unique((marker.id for marker in channels), f"{origin}: channel")
    known_channels = frozenset(marker.pattern for marker in channels)
    wallets = tuple(
        _wallet(entry, _label(entry, f"{origin}: wallet", number), known_channels)
        for number, entry in enumerate(_tables(data, "wallet", origin), start=1)
    )
    if not wallets:
        raise ValueError(f"{origin}: no [[wallet]] entries")
    _check_unique((wallet.id for wallet in wallets), f"{origin}: wallet")
    _check_shared_patterns(wallets, origin)
    return Catalogue(wallets=wallets, channels=channels)


def _tables(data: Mapping[str, Any], name: str, origin: str) -> list[Mapping[str, Any]]:
    tables = data.get(name, [])
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        raise ValueError(f"{origin}: {name!r} must be an array of tables ([[{name}]])")
    return tables


def _wallet(entry: Mapping[str, Any], label: str, known_channels: frozenset[str]) -> Wallet:
    _check_keys(entry, _WALLET_REQUIRED, _WALLET_OPTIONAL, label)
    patterns = _folded_list(entry, "patterns", label, required=True)
    exclude = _folded_list(entry, "exclude", label)
    channels = _folded_list(entry, "channels", label)
    for word in exclude:
        # An exclude that contains none of the wallet's patterns could never change a match:
        # it is a typo or belongs to another wallet.
        if word in patterns or not any(pattern in word for pattern in patterns):
            raise ValueError(f"{label}: exclude {word!r} must extend one of its patterns")
    for channel in channels:
        if channel not in known_channels:
            raise ValueError(f"{label}: channel {channel!r} is not a [[channel]] pattern")
    return Wallet(
        id=entry["id"],
        name_ja=_text(entry, "name_ja", label),
        name_en=_text(entry, "name_en", label),
        patterns=patterns,
        source=_text(entry, "source", label),
        exclude=exclude,
        channels=channels,
        monthly_cap=_cap(entry, "monthly_cap", label),
        daily_cap=_cap(entry, "daily_cap", label),
        incident_2020=_text(entry, "incident_2020", label) if "incident_2020" in entry else None,
    )


def _channel(entry: Mapping[str, Any], label: str) -> ChannelMarker:
    _check_keys(entry, _CHANNEL_REQUIRED, _CHANNEL_OPTIONAL, label)
    position = entry["where"]
    if position not in _WHERE:
        raise ValueError(f"{label}: where must be one of {sorted(_WHERE)}, not {position!r}")
    return ChannelMarker(
        id=entry["id"],
        where=position,
        pattern=_folded(_text(entry, "pattern", label), "pattern", label),
        bank=_text(entry, "bank", label),
        note=_text(entry, "note", label),
        regex=_regex(entry, label) if "regex" in entry else None,
    )


def _label(entry: Mapping[str, Any], kind: str, number: int) -> str:
    """Check the id first so that every later message names the entry by it."""
    entry_id = entry.get("id")
    if not isinstance(entry_id, str) or _ID.fullmatch(entry_id) is None:
        raise ValueError(f"{kind} #{number}: id must be a kebab-case string, not {entry_id!r}")
    return f"{kind} {entry_id!r}"


def _check_keys(
    entry: Mapping[str, Any], required: frozenset[str], optional: frozenset[str], label: str
) -> None:
    unknown = sorted(set(entry) - required - optional)
    if unknown:
        allowed = ", ".join(sorted(required | optional))
        raise ValueError(f"{label}: unknown key(s) {', '.join(unknown)} (allowed: {allowed})")
    missing = sorted(required - set(entry))
    if missing:
        raise ValueError(f"{label}: missing key(s) {', '.join(missing)}")


def _check_unique(values: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what} {value!r} appears twice")
        seen.add(value)


def _check_shared_patterns(wallets: Iterable[Wallet], origin: str) -> None:
    # A pattern in two wallets would make the winner depend on file order, not on the text.
    owner: dict[str, str] = {}
    for wallet in wallets:
        for pattern in wallet.patterns:
            if pattern in owner:
                raise ValueError(
                    f"{origin}: pattern {pattern!r} is in wallet {owner[pattern]!r}"
                    f" and in wallet {wallet.id!r}"
                )
            owner[pattern] = wallet.id


def _text(entry: Mapping[str, Any], key: str, label: str) -> str:
    value = entry[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{label}: {key} must be a non-empty string")
    return value


def _folded(value: str, key: str, label: str) -> str:
    # Descriptors are folded before matching, so an unfolded pattern could never match.
    if fold(value) != value:
        raise ValueError(f"{label}: {key} {value!r} is not folded; write {fold(value)!r}")
    return value


def _folded_list(
    entry: Mapping[str, Any], key: str, label: str, required: bool = False
) -> tuple[str, ...]:
    values = entry.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise ValueError(f"{label}: {key} must be a list of non-empty strings")
    if required and not values:
        raise ValueError(f"{label}: {key} must not be empty")
    _check_unique(values, f"{label}: {key} entry")
    return tuple(_folded(value, f"{key} entry", label) for value in values)


def _cap(entry: Mapping[str, Any], key: str, label: str) -> int | None:
    value = entry.get(key)
    if value is None:
        return None
    # bool is an int subclass; `cap = true` is a mistake, not one yen.
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{label}: {key} must be a positive integer of yen, not {value!r}")
    return value


def _regex(entry: Mapping[str, Any], label: str) -> re.Pattern[str]:
    source = _text(entry, "regex", label)
    try:
        return re.compile(source)
    except re.error as error:
        raise ValueError(f"{label}: regex {source!r} does not compile: {error}") from error


__all__ = ["Catalogue", "ChannelMarker", "Wallet", "load_catalogue", "parse_catalogue"]
