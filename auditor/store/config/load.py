"""Reading the config file: a missing default file is an empty config, a named one an error."""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from pathlib import Path

from auditor.errors import UsageError
from auditor.fs.regular import NotRegularFile, TooLarge, read_regular
from auditor.store.config.model import FAIL_ON_CHOICES, LANG_CHOICES, TOP_KEYS, Config
from auditor.store.config.validate import allow_entries, check_keys, choice

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
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:  # tomllib has no depth limit of its own: [[[[... 100,000 deep
        raise UsageError(f"{path}: not valid TOML: arrays or tables nested too deeply") from None
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
