"""Which file is the state: --state, else $AUDITOR_STATE, else the per-user state folder."""

from __future__ import annotations

import os
from pathlib import Path

from auditor.store.folders import state_file

ENV_VAR = "AUDITOR_STATE"
FILE_NAME = "state.sqlite3"


def default_state_path(explicit: Path | None = None) -> Path:
    """explicit (--state) beats $AUDITOR_STATE beats the per-user state folder."""
    if explicit is not None:
        return Path(explicit).expanduser()
    named = os.environ.get(ENV_VAR)
    if named:  # an empty variable counts as unset, as for AUDITOR_CONFIG
        return Path(named).expanduser()
    return state_file(FILE_NAME)


def state_is_explicit(explicit: Path | None = None) -> bool:
    """Whether the user named the state file (--state or $AUDITOR_STATE)."""
    return explicit is not None or bool(os.environ.get(ENV_VAR))
