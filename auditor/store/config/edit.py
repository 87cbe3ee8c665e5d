"""Changing the config: allow or drop a wallet, and save under a lock without losing a change."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import date
from pathlib import Path

from auditor.errors import UsageError
from auditor.fs.atomic import OutputError, atomic_write_text
from auditor.fs.reason import os_reason
from auditor.fs.locks import shared_file_lock
from auditor.store.config.dump import check_text, dumps_config
from auditor.store.config.load import load_config
from auditor.store.config.model import AllowEntry, Config
from auditor.store.config.validate import check_wallet, show
from auditor.wording import Said

LOCK_WAIT = 10.0  # seconds a change waits for another run's change


def with_allow(
    config: Config, wallet: str, reason: str | None, until: date | None, today: date,
    *, known_ids: Collection[str] | None = None,
) -> Config:
    """Allow wallet, replacing its entry in place if present (keeping its added day)."""
    if known_ids is not None:
        check_wallet(wallet, known_ids, "")
    if reason is not None:
        check_text(reason, "reason")
    old = next((e for e in config.allow if e.wallet == wallet), None)
    entry = AllowEntry(wallet, reason, until, old.added if old and old.added else today)
    if old is None:
        return replace(config, allow=(*config.allow, entry))
    return replace(config, allow=tuple(entry if e is old else e for e in config.allow))


def without_allow(config: Config, wallet: str) -> Config:
    """Drop wallet's entry; it not being there is the user's mistake to hear about."""
    if all(e.wallet != wallet for e in config.allow):
        raise UsageError(Said("config.not_listed", wallet=show(wallet), path=config.path))
    return replace(config, allow=tuple(e for e in config.allow if e.wallet != wallet))


def update_config(path: Path, known_ids: Collection[str],
                  change: Callable[[Config], Config]) -> Config:
    """Apply change to the config as it is on disk now, under a lock, and save the result.

    The file is read again inside the lock, so runs changing it at once each keep what the
    others saved (ten `auditor allow` at once kept 5 of 10 entries). Returns what was saved.
    """
    _make_folder(path)
    with shared_file_lock(path, LOCK_WAIT, Said("lock.config")):
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
        raise OutputError(Said("output.cannot_write", path=path,
                               reason=os_reason(exc.errno, exc.strerror or exc))) from None
