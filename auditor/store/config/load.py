"""Reading the config file: a missing default file is an empty config, a named one an error."""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from pathlib import Path

from auditor.errors import UsageError
from auditor.fs.reason import os_reason
from auditor.fs.regular import NotRegularFile, TooLarge, read_regular
from auditor.store.config.model import FAIL_ON_CHOICES, LANG_CHOICES, TOP_KEYS, Config
from auditor.store.config.validate import allow_entries, check_keys, choice
from auditor.wording import Said

MAX_CONFIG_BYTES = 1_000_000  # a config of a few hundred allow entries is a few kilobytes


def load_config(path: Path, known_ids: Collection[str], *, required: bool = False) -> Config:
    """Read and validate the config; a missing file is empty unless required."""
    text = _read(path, required)
    if text is None:
        return Config((), None, None, path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib reports a position and what it expected, not the text it choked on.
        raise UsageError(Said("config.not_toml", path=path, detail=str(exc))) from None
    except RecursionError:  # tomllib has no depth limit of its own: [[[[... 100,000 deep
        raise UsageError(Said("config.too_deep", path=path)) from None
    check_keys(data, TOP_KEYS, f"{path}")
    return Config(
        allow=allow_entries(data.get("allow", []), path, known_ids),
        fail_on=choice(data, "fail_on", FAIL_ON_CHOICES, f"{path}"),
        lang=choice(data, "lang", LANG_CHOICES, f"{path}"),
        path=path,
    )


def _read(path: Path, required: bool) -> str | None:
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        if required:
            raise UsageError(Said("config.not_found", path=path)) from None
        return None
    except NotRegularFile as exc:
        raise UsageError(Said("config.not_regular", path=path, kind=exc.kind)) from None
    except TooLarge:
        raise UsageError(Said("config.too_large", path=path,
                              limit=MAX_CONFIG_BYTES // 1_000_000)) from None
    except OSError as exc:
        raise UsageError(Said("config.cannot_read", path=path,
                              reason=os_reason(exc.errno, exc.strerror or exc))) from None
    try:
        # utf-8-sig: Windows editors have long added a BOM, which TOML itself does not allow.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(Said("config.not_utf8", path=path)) from None
