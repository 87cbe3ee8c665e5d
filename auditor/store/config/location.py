"""Which file is the config: --config, else $AUDITOR_CONFIG, else the per-user config folder."""

from __future__ import annotations

import os
from pathlib import Path

from auditor.store.folders import config_file

ENV_VAR = "AUDITOR_CONFIG"


def default_config_path() -> Path:
    """config.toml in the per-user config folder (auditor.store.folders)."""
    return config_file("config.toml")


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
