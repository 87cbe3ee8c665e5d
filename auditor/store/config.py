"""The user's config file: the wallets they recognise, and defaults for --fail-on and --lang.

Which file: --config, else $AUDITOR_CONFIG, else config.toml in the per-user app dir
(on Linux $XDG_CONFIG_HOME/auditor, by default ~/.config/auditor). A missing default file
is an empty config; a missing file the user named is an error.

Schema::

    fail_on = "high"            # optional: low | medium | high
    lang = "ja"                 # optional: ja | en

    [[allow]]
    wallet = "paypay"           # required: a catalogue id
    reason = "my own account"   # optional
    until = 2025-12-31          # optional TOML date; the entry counts through that day
    added = 2025-01-10          # written by the tool: the day the wallet was first allowed

Messages count [[allow]] entries from 1 as they appear in the file ("allow[2]" is the
second) and quote only the offending key, id or choice value, never other file content.
save_config rewrites the whole file, so comments a user adds by hand are not kept.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from typer import get_app_dir

from auditor.fs.atomic import OutputError, atomic_write_text
from auditor.errors import UsageError
from auditor.fs.locks import shared_file_lock
from auditor.fs.regular import NotRegularFile, TooLarge, read_regular

ENV_VAR = "AUDITOR_CONFIG"
FAIL_ON_CHOICES = ("low", "medium", "high")
LANG_CHOICES = ("ja", "en")
_TOP_KEYS = ("allow", "fail_on", "lang")
_ALLOW_KEYS = ("wallet", "reason", "until", "added")
LOCK_WAIT = 10.0  # seconds a change waits for another run's change
MAX_CONFIG_BYTES = 1_000_000  # a config of a few hundred allow entries is a few kilobytes
_HEADER = "# auditor configuration. The tool rewrites this file; comments are not kept."


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


# --- where --------------------------------------------------------------------------


def default_config_path() -> Path:
    """config.toml in the per-user app dir (honours XDG_CONFIG_HOME on Linux)."""
    return Path(get_app_dir("auditor")) / "config.toml"


def config_path(explicit: Path | None = None) -> Path:
    """The file to use: explicit (--config) beats $AUDITOR_CONFIG beats the default."""
    if explicit is not None:
        return Path(explicit).expanduser()
    named = os.environ.get(ENV_VAR)
    # An empty variable is how people unset things in CI files; treat it as unset.
    return Path(named).expanduser() if named else default_config_path()


def config_is_explicit(explicit: Path | None = None) -> bool:
    """Whether the user named the file, so that it missing is an error (required=True)."""
    return explicit is not None or bool(os.environ.get(ENV_VAR))


# --- load ---------------------------------------------------------------------------


def load_config(path: Path, known_ids: Collection[str], *, required: bool = False) -> Config:
    """Read and validate the config; a missing file is empty unless required."""
    text = _read(path, required)
    if text is None:
        return Config((), None, None, path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib reports a position and what it expected, not the text it choked on.
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:  # tomllib has no depth limit of its own: [[[[... 100,000 deep
        raise UsageError(f"{path}: not valid TOML: arrays or tables nested too deeply") from None
    _check_keys(data, _TOP_KEYS, f"{path}")
    return Config(
        allow=_allow_entries(data.get("allow", []), path, known_ids),
        fail_on=_choice(data, "fail_on", FAIL_ON_CHOICES, f"{path}"),
        lang=_choice(data, "lang", LANG_CHOICES, f"{path}"),
        path=path,
    )


def _read(path: Path, required: bool) -> str | None:
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        if required:
            raise UsageError(f"{path}: config file not found") from None
        return None
    except NotRegularFile as exc:
        raise UsageError(f"{path}: the config is not a regular file ({exc.kind})") from None
    except TooLarge:
        raise UsageError(f"{path}: larger than {MAX_CONFIG_BYTES // 1_000_000} MB: "
                         "not an auditor config") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read config ({exc.strerror or exc})") from None
    try:
        # utf-8-sig: Windows editors have long added a BOM, which TOML itself does not allow.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: config is not UTF-8 text") from None


def _allow_entries(
    value: Any, path: Path, known_ids: Collection[str]
) -> tuple[AllowEntry, ...]:
    if not isinstance(value, list):
        raise UsageError(f"{path}: allow must be an array of tables ([[allow]]), "
                         f"not {_toml_type(value)}")
    entries: list[AllowEntry] = []
    first_seen: dict[str, int] = {}
    for number, table in enumerate(value, start=1):
        where = f"{path}: allow[{number}]"
        entry = _allow_entry(table, where, known_ids)
        if entry.wallet in first_seen:
            raise UsageError(f"{where}: wallet {_show(entry.wallet)} is listed twice "
                             f"(also allow[{first_seen[entry.wallet]}])")
        first_seen[entry.wallet] = number
        entries.append(entry)
    return tuple(entries)


def _allow_entry(table: Any, where: str, known_ids: Collection[str]) -> AllowEntry:
    if not isinstance(table, dict):
        raise UsageError(f"{where}: must be a table, not {_toml_type(table)}")
    _check_keys(table, _ALLOW_KEYS, where)
    if "wallet" not in table:
        raise UsageError(f"{where}: missing key 'wallet'")
    wallet = _text(table, "wallet", where) or ""  # present, checked above; TOML has no null
    _check_wallet(wallet, known_ids, f"{where}: ")
    return AllowEntry(
        wallet=wallet,
        reason=_text(table, "reason", where),
        until=_day(table, "until", where),
        added=_day(table, "added", where),
    )


def _check_keys(table: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in known:
            raise UsageError(f"{where}: unknown key {_show(key)}; known keys: {', '.join(known)}")


def check_wallet_id(wallet: str, known_ids: Collection[str], where: str) -> None:
    """Refuse a wallet id the catalogue does not know, suggesting the closest one."""
    _check_wallet(wallet, known_ids, f"{where}: " if where else "")


def _check_wallet(wallet: str, known_ids: Collection[str], where: str) -> None:
    if wallet in known_ids:
        return
    close = difflib.get_close_matches(wallet, list(known_ids), n=1)
    hint = f" (did you mean {_show(close[0])}?)" if close else ""
    raise UsageError(f"{where}unknown wallet id {_show(wallet)}{hint}")


def _text(table: Mapping[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{where}: {key} must be a string, not {_toml_type(value)}")
    return value


def _day(table: Mapping[str, Any], key: str, where: str) -> date | None:
    value = table.get(key)
    # datetime is a date subclass; "until = 2025-01-01T09:00" would hide an intent we lack.
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        raise UsageError(f"{where}: {key} must be a date (YYYY-MM-DD), not {_toml_type(value)}")
    return value


def _choice(data: Mapping[str, Any], key: str, choices: tuple[str, ...], where: str) -> str | None:
    value = _text(data, key, where)
    if value is not None and value not in choices:
        raise UsageError(f"{where}: {key} must be one of {', '.join(choices)}, not {_show(value)}")
    return value


def _toml_type(value: Any) -> str:
    """The TOML name of a parsed value's type, for messages that must not quote it."""
    # Order matters: bool is an int and datetime is a date.
    for kind, name in ((bool, "boolean"), (int, "integer"), (float, "float"), (str, "string"),
                       (datetime, "date-time"), (date, "date"), (time, "time"),
                       (list, "array"), (dict, "table")):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _show(text: str, limit: int = 40) -> str:
    # repr escapes newlines and control characters; the cap keeps the message one short line.
    return repr(text if len(text) <= limit else text[:limit] + "…")


# --- change -------------------------------------------------------------------------


def with_allow(
    config: Config, wallet: str, reason: str | None, until: date | None, today: date,
    *, known_ids: Collection[str] | None = None,
) -> Config:
    """Allow wallet, replacing its entry in place if present (keeping its added day)."""
    if known_ids is not None:
        _check_wallet(wallet, known_ids, "")
    if until is not None and until < today:
        raise UsageError(f"until {until.isoformat()} is already past; the entry would never count")
    if reason is not None:
        _check_text(reason, "reason")
    old = next((e for e in config.allow if e.wallet == wallet), None)
    entry = AllowEntry(wallet, reason, until, old.added if old and old.added else today)
    if old is None:
        return replace(config, allow=(*config.allow, entry))
    return replace(config, allow=tuple(entry if e is old else e for e in config.allow))


def without_allow(config: Config, wallet: str) -> Config:
    """Drop wallet's entry; it not being there is the user's mistake to hear about."""
    if all(e.wallet != wallet for e in config.allow):
        raise UsageError(f"wallet {_show(wallet)} is not in the allow list of {config.path}")
    return replace(config, allow=tuple(e for e in config.allow if e.wallet != wallet))


# --- save ---------------------------------------------------------------------------


def update_config(path: Path, known_ids: Collection[str],
                  change: Callable[[Config], Config]) -> Config:
    """Apply change to the config as it is on disk now, under a lock, and save the result.

    The file is read again inside the lock, so runs changing it at once each keep what the
    others saved (ten `auditor allow` at once kept 5 of 10 entries). Returns what was saved.
    """
    _make_folder(path)
    with shared_file_lock(path, LOCK_WAIT, "config"):
        updated = change(load_config(path, known_ids))
        save_config(updated)
    return updated


def save_config(config: Config) -> None:
    """Write the config atomically, creating its directory (owner-only) if needed.

    Another run may be changing it too: change it through update_config.
    """
    text = dumps_config(config)  # first, so a bad value cannot leave a new empty directory
    _make_folder(config.path)
    atomic_write_text(config.path, text)


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def dumps_config(config: Config) -> str:
    """The TOML text for config; tomllib.loads(text) gives back exactly its values."""
    lines = [_HEADER]
    for key in ("fail_on", "lang"):
        value = getattr(config, key)
        if value is not None:
            lines.append(f"{key} = {_toml_string(value, key)}")
    for entry in config.allow:  # tables last: a key after [[allow]] would belong to it
        lines += ["", "[[allow]]", f"wallet = {_toml_string(entry.wallet, 'wallet')}"]
        if entry.reason is not None:
            lines.append(f"reason = {_toml_string(entry.reason, 'reason')}")
        for key in ("until", "added"):
            day = getattr(entry, key)
            if day is not None:
                # Through date() so a datetime cannot slip out as a TOML date-time.
                lines.append(f"{key} = {date(day.year, day.month, day.day).isoformat()}")
    return "\n".join(lines) + "\n"


# TOML basic strings must escape " \ and U+0000-001F, U+007F. The C1 controls and the
# line/paragraph separators are escaped too, so no editor or terminal shows a fake line.
_MUST_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f-\x9f\u2028\u2029]')
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n",
                  "\f": "\\f", "\r": "\\r"}
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _toml_string(text: str, key: str) -> str:
    _check_text(text, key)
    body = _MUST_ESCAPE.sub(
        lambda m: _SHORT_ESCAPES.get(m.group(), f"\\u{ord(m.group()):04X}"), text
    )
    return f'"{body}"'


def _check_text(text: str, key: str) -> None:
    # Undecodable argv bytes arrive as lone surrogates, which neither UTF-8 nor TOML can hold.
    if _SURROGATE.search(text):
        raise UsageError(f"{key} contains bytes that are not valid text in this locale")
