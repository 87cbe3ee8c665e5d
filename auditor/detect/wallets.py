"""Load and validate the wallet catalogue (TOML): every entry checked, every name folded."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from auditor.detect.catalogue import (Catalogue, ChannelMarker, LookAlike, Matching, Names, Payee,
                               Wallet)
from auditor.detect.matchkey import key_text
from auditor.ingest.text import fold
from auditor.wording import Said

_BUNDLED = "auditor/data/wallets.toml"
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NAMES = frozenset({"patterns", "words", "alone"})
_WALLET_REQUIRED = frozenset({"id", "name_ja", "name_en", "source"})
_WALLET_OPTIONAL = _NAMES | {"kind", "channels", "monthly_cap", "daily_cap", "incident_2020"}
_LOOK_REQUIRED = frozenset({"id", "kind", "name_ja", "name_en", "source"})
_CHANNEL_REQUIRED = frozenset({"id", "where", "pattern", "bank", "note"})
_MATCHING = frozenset({"channel_words", "filler_words", "truncated_min", "truncated_share",
                       "never_cut", "readings"})
# A reading is written in katakana alone (ー included): it is what the word sounds like.
_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc]+")
_TOP_LEVEL = frozenset({"matching", "wallet", "lookalike", "channel"})
_KINDS = ("wallet", "brokerage")
_LOOK_KINDS = ("card", "bank", "brokerage", "bill", "fee", "purchase")
_WHERE = ("channel", "description")


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
        raise ValueError(Said("catalogue.not_toml", origin=origin, detail=str(error))) from error
    _check_keys(data, frozenset(), _TOP_LEVEL, origin)
    channels = tuple(_channel(entry, label) for entry, label in _entries(data, "channel", origin))
    known = frozenset(marker.pattern for marker in channels)
    wallets = tuple(_wallet(entry, label, known) for entry, label in _entries(data, "wallet", origin))
    if not wallets:
        raise ValueError(Said("catalogue.no_wallets", origin=origin))
    looks = tuple(_lookalike(entry, label) for entry, label in _entries(data, "lookalike", origin))
    _check_unique((w.id for w in (*wallets, *looks)), f"{origin}: entry id")
    _check_unique((m.id for m in channels), f"{origin}: channel")
    _check_shared_names([*wallets, *looks], origin)
    return Catalogue(wallets, channels, looks, _matching(data.get("matching", {}), origin))


def _entries(data: Mapping[str, Any], name: str, origin: str) -> list[tuple[Mapping[str, Any], str]]:
    tables = data.get(name, [])
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        raise ValueError(Said("catalogue.not_array", origin=origin, quoted=repr(name), name=name))
    return [(table, _label(table, f"{origin}: {name}", number))
            for number, table in enumerate(tables, start=1)]


def _wallet(entry: Mapping[str, Any], label: str, known_channels: frozenset[str]) -> Wallet:
    _check_keys(entry, _WALLET_REQUIRED, _WALLET_OPTIONAL, label)
    channels = _folded_list(entry, "channels", label)
    for channel in channels:
        if channel not in known_channels:
            raise ValueError(Said("catalogue.no_channel", label=label, channel=repr(channel)))
    return Wallet(
        id=entry["id"], name_ja=_text(entry, "name_ja", label),
        name_en=_text(entry, "name_en", label), names=_names(entry, label),
        source=_text(entry, "source", label), kind=_choice(entry, "kind", _KINDS, label, "wallet"),
        channels=channels, monthly_cap=_cap(entry, "monthly_cap", label),
        daily_cap=_cap(entry, "daily_cap", label),
        incident_2020=_text(entry, "incident_2020", label) if "incident_2020" in entry else None,
    )


def _lookalike(entry: Mapping[str, Any], label: str) -> LookAlike:
    _check_keys(entry, _LOOK_REQUIRED, _NAMES, label)
    return LookAlike(id=entry["id"], kind=_choice(entry, "kind", _LOOK_KINDS, label),
                     name_ja=_text(entry, "name_ja", label), name_en=_text(entry, "name_en", label),
                     names=_names(entry, label), source=_text(entry, "source", label))


def _names(entry: Mapping[str, Any], label: str) -> Names:
    names = Names(*(_folded_list(entry, key, label) for key in ("patterns", "words", "alone")))
    if not names.ruled():
        raise ValueError(Said("catalogue.no_names", label=label))
    seen: dict[str, str] = {}
    for text, _ in names.ruled():
        key = key_text(text)
        if not key:
            raise ValueError(Said("catalogue.no_letters", label=label, text=repr(text)))
        if key in seen:
            # Spaces and ー are ignored when matching: a second spelling would change nothing.
            raise ValueError(Said("catalogue.same_text", label=label, text=repr(text),
                                  other=repr(seen[key])))
        seen[key] = text
    return names


def _channel(entry: Mapping[str, Any], label: str) -> ChannelMarker:
    _check_keys(entry, _CHANNEL_REQUIRED, frozenset({"regex"}), label)
    return ChannelMarker(
        id=entry["id"], where=_choice(entry, "where", _WHERE, label),
        pattern=_folded(_text(entry, "pattern", label), "pattern", label),
        bank=_text(entry, "bank", label), note=_text(entry, "note", label),
        regex=_regex(entry, label) if "regex" in entry else None,
    )


def _matching(table: object, origin: str) -> Matching:
    label = f"{origin}: [matching]"
    if not isinstance(table, dict):
        raise ValueError(Said("catalogue.not_table", label=label))
    _check_keys(table, frozenset(), _MATCHING, label)
    shortest = table.get("truncated_min", Matching.truncated_min)
    if isinstance(shortest, bool) or not isinstance(shortest, int) or shortest < 3:
        raise ValueError(Said("catalogue.truncated_min", label=label))
    share = table.get("truncated_share", Matching.truncated_share)
    # Half a name or less is a brand stem (ドコモ of ドコモコウザ), shared with bills and cards.
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0.5 < share <= 1:
        raise ValueError(Said("catalogue.truncated_share", label=label))
    return Matching(_folded_list(table, "channel_words", label),
                    _folded_list(table, "filler_words", label), shortest, float(share),
                    _folded_list(table, "never_cut", label), _readings(table, label))


def _readings(table: Mapping[str, Any], label: str) -> tuple[tuple[str, str], ...]:
    """The readings of name words: each word folded, each reading folded katakana."""
    readings = table.get("readings", {})
    if not isinstance(readings, dict):
        raise ValueError(Said("catalogue.readings", label=label))
    pairs = []
    for word, reading in readings.items():
        where = f"{label}: readings.{word}"
        if not isinstance(reading, str) or not _KATAKANA.fullmatch(reading):
            raise ValueError(Said("catalogue.katakana", where=where))
        if fold(word) != word or fold(reading) != reading or not word.strip():
            raise ValueError(Said("catalogue.reading_folded", where=where))
        pairs.append((word, reading))
    return tuple(pairs)


def _label(entry: Mapping[str, Any], kind: str, number: int) -> str:
    """Check the id first so that every later message names the entry by it."""
    entry_id = entry.get("id")
    if not isinstance(entry_id, str) or _ID.fullmatch(entry_id) is None:
        raise ValueError(Said("catalogue.bad_id", kind=kind, number=number, value=repr(entry_id)))
    return f"{kind} {entry_id!r}"


def _check_keys(entry: Mapping[str, Any], required: frozenset[str], optional: frozenset[str],
                label: str) -> None:
    unknown = sorted(set(entry) - required - optional)
    if unknown:
        raise ValueError(Said("catalogue.unknown_keys", label=label, keys=", ".join(unknown),
                              allowed=", ".join(sorted(required | optional))))
    missing = sorted(required - set(entry))
    if missing:
        raise ValueError(Said("catalogue.missing_keys", label=label, keys=", ".join(missing)))


def _check_unique(values: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(Said("catalogue.twice", what=what, value=repr(value)))
        seen.add(value)


def _check_shared_names(entries: Iterable[Wallet | LookAlike], origin: str) -> None:
    # A name in two entries would make the winner depend on file order, not on the text.
    owner: dict[str, str] = {}
    for entry in entries:
        for text, _ in entry.names.ruled():
            key = key_text(text)
            if key in owner:
                raise ValueError(Said("catalogue.shared", origin=origin, text=repr(text),
                                      owner=repr(owner[key]), other=repr(entry.id)))
            owner[key] = entry.id


def _choice(entry: Mapping[str, Any], key: str, allowed: tuple[str, ...], label: str,
            default: str | None = None) -> Any:
    value = entry.get(key, default)
    if value not in allowed:
        raise ValueError(Said("catalogue.not_choice", label=label, key=key,
                              allowed=", ".join(allowed), value=repr(value)))
    return value


def _text(entry: Mapping[str, Any], key: str, label: str) -> str:
    value = entry[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(Said("catalogue.not_text", label=label, key=key))
    return value


def _folded(value: str, key: str, label: str) -> str:
    # Descriptors are folded before matching, so an unfolded name could never match.
    if fold(value) != value:
        raise ValueError(Said("catalogue.not_folded", label=label, key=key, value=repr(value),
                              folded=repr(fold(value))))
    return value


def _folded_list(entry: Mapping[str, Any], key: str, label: str) -> tuple[str, ...]:
    values = entry.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise ValueError(Said("catalogue.not_list", label=label, key=key))
    _check_unique(values, f"{label}: {key} entry")
    return tuple(_folded(value, f"{key} entry", label) for value in values)


def _cap(entry: Mapping[str, Any], key: str, label: str) -> int | None:
    value = entry.get(key)
    if value is None:
        return None
    # bool is an int subclass; `cap = true` is a mistake, not one yen.
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(Said("catalogue.bad_cap", label=label, key=key, value=repr(value)))
    return value


def _regex(entry: Mapping[str, Any], label: str) -> re.Pattern[str]:
    source = _text(entry, "regex", label)
    try:
        return re.compile(source)
    except re.error as error:
        raise ValueError(Said("catalogue.bad_regex", label=label, source=repr(source),
                              detail=str(error))) from error


__all__ = ["Catalogue", "ChannelMarker", "LookAlike", "Payee", "Wallet", "load_catalogue",
           "parse_catalogue"]
