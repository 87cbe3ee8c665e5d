"""Checking a parsed config against its schema, with messages that quote no file content."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from auditor.errors import UsageError
from auditor.store.config.model import ALLOW_KEYS, AllowEntry
from auditor.wording import Said

# Messages count [[allow]] entries from 1 as they appear in the file ("allow[2]" is the
# second) and quote only the offending key, id or choice value, never other file content.


def allow_entries(value: Any, path: Path, known_ids: Collection[str]) -> tuple[AllowEntry, ...]:
    """The [[allow]] array as entries, each wallet a known id listed once."""
    if not isinstance(value, list):
        raise UsageError(Said("config.allow_array", path=path, type=toml_type(value)))
    entries: list[AllowEntry] = []
    first_seen: dict[str, int] = {}
    for number, table in enumerate(value, start=1):
        where = f"{path}: allow[{number}]"
        entry = _allow_entry(table, where, known_ids)
        if entry.wallet in first_seen:
            raise UsageError(Said("config.listed_twice", where=where, wallet=show(entry.wallet),
                                  first=first_seen[entry.wallet]))
        first_seen[entry.wallet] = number
        entries.append(entry)
    return tuple(entries)


def _allow_entry(table: Any, where: str, known_ids: Collection[str]) -> AllowEntry:
    if not isinstance(table, dict):
        raise UsageError(Said("config.not_table", where=where, type=toml_type(table)))
    check_keys(table, ALLOW_KEYS, where)
    if "wallet" not in table:
        raise UsageError(Said("config.no_wallet", where=where))
    wallet = _text(table, "wallet", where) or ""  # present, checked above; TOML has no null
    check_wallet(wallet, known_ids, f"{where}: ")
    return AllowEntry(
        wallet=wallet,
        reason=_text(table, "reason", where),
        until=_day(table, "until", where),
        added=_day(table, "added", where),
    )


def check_keys(table: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
    """Refuse a key the schema does not have, naming the ones it does."""
    for key in table:
        if key not in known:
            raise UsageError(Said("config.unknown_key", where=where, key=show(key),
                                  known=", ".join(known)))


def check_wallet_id(wallet: str, known_ids: Collection[str], where: str) -> None:
    """Refuse a wallet id the catalogue does not know, suggesting the closest one."""
    check_wallet(wallet, known_ids, f"{where}: " if where else "")


def check_wallet(wallet: str, known_ids: Collection[str], where: str) -> None:
    """As check_wallet_id, with `where` the message's whole prefix ("" for none)."""
    if wallet in known_ids:
        return
    close = difflib.get_close_matches(wallet, list(known_ids), n=1)
    hint = Said("config.did_you_mean", wallet=show(close[0])) if close else ""
    raise UsageError(Said("config.unknown_wallet", where=where, wallet=show(wallet), hint=hint))


def _text(table: Mapping[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        raise UsageError(Said("config.not_string", where=where, key=key, type=toml_type(value)))
    return value


def _day(table: Mapping[str, Any], key: str, where: str) -> date | None:
    value = table.get(key)
    # datetime is a date subclass; "until = 2025-01-01T09:00" would hide an intent we lack.
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        raise UsageError(Said("config.not_date", where=where, key=key, type=toml_type(value)))
    return value


def choice(data: Mapping[str, Any], key: str, choices: tuple[str, ...], where: str) -> str | None:
    """An optional string key that must be one of choices."""
    value = _text(data, key, where)
    if value is not None and value not in choices:
        raise UsageError(Said("config.not_choice", where=where, key=key,
                              choices=", ".join(choices), value=show(value)))
    return value


def toml_type(value: Any) -> str:
    """The TOML name of a parsed value's type, for messages that must not quote it."""
    # Order matters: bool is an int and datetime is a date.
    for kind, name in ((bool, "boolean"), (int, "integer"), (float, "float"), (str, "string"),
                       (datetime, "date-time"), (date, "date"), (time, "time"),
                       (list, "array"), (dict, "table")):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def show(text: str, limit: int = 40) -> str:
    """A key or id for a message: escaped, and cut to one short line."""
    # repr escapes newlines and control characters; the cap keeps the message one short line.
    return repr(text if len(text) <= limit else text[:limit] + "…")
