"""Where the per-user files live: platformdirs' folders, or where an earlier auditor left them."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from platformdirs import PlatformDirs

APP = "auditor"

# Until platformdirs, auditor took its folders from typer.get_app_dir and the XDG variables.
# On Linux they are the folders platformdirs gives. Elsewhere some moved: on macOS the state
# (from ~/.local/state/auditor to Application Support), on Windows the answers, the secret and
# the state (from %APPDATA% to %LOCALAPPDATA%). A file found only where an earlier auditor
# put it is used there, never moved: a move across file systems is a copy a crash can leave
# half made, and an older auditor or a run in progress may still have the old file open.


def config_file(name: str) -> Path:
    """name in the user's config folder: $XDG_CONFIG_HOME/auditor (~/.config/auditor),
    Application Support on macOS, %APPDATA% on Windows."""
    # Roaming on Windows: the wallets a user allows follow them to another machine.
    return _kept(Path(_dirs(roaming=True).user_config_dir, name), _old_app_folder, name)


def data_file(name: str) -> Path:
    """name in the user's data folder: $XDG_DATA_HOME/auditor (~/.local/share/auditor),
    Application Support on macOS, %LOCALAPPDATA% on Windows."""
    # Not roaming: the secret stays on this machine, and the answers it keys stay with it.
    return _kept(Path(_dirs().user_data_dir, name), _old_data_folder, name)


def state_file(name: str) -> Path:
    """name in the user's state folder: $XDG_STATE_HOME/auditor (~/.local/state/auditor),
    Application Support on macOS, %LOCALAPPDATA% on Windows."""
    return _kept(Path(_dirs().user_state_dir, name), _old_state_folder, name)


def _dirs(roaming: bool = False) -> PlatformDirs:
    # appauthor=False: no second "auditor" folder level on Windows. platformdirs creates no
    # folder here; whoever writes a file makes its folder, owner-only.
    return PlatformDirs(APP, appauthor=False, roaming=roaming)


def _kept(new: Path, old_folder: Callable[[], Path], name: str) -> Path:
    """new, unless there is nothing there and an earlier auditor's file is in old_folder."""
    # lexists: a link the user put at the new place is theirs to keep, even a broken one.
    # The old folder is looked up only then: the secret's path is resolved once per key.
    if os.path.lexists(new):
        return new
    old = old_folder() / name
    # A relative old path (from a relative XDG variable) would depend on the working folder.
    return old if old != new and old.is_absolute() and os.path.lexists(old) else new


def _old_app_folder() -> Path:
    """typer.get_app_dir("auditor") as earlier versions called it (read now, so tests can
    stand in for another system)."""
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", os.path.expanduser("~"))) / APP
    if sys.platform == "darwin":
        return Path(os.path.expanduser("~/Library/Application Support")) / APP
    return Path(os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config"))) / APP


def _old_data_folder() -> Path:
    if sys.platform in ("win32", "darwin"):
        return _old_app_folder()
    return _xdg("XDG_DATA_HOME", ".local/share") / APP


def _old_state_folder() -> Path:
    if sys.platform == "win32":
        return _old_app_folder()
    return _xdg("XDG_STATE_HOME", ".local/state") / APP  # macOS too, as it was


def _xdg(variable: str, default: str) -> Path:
    value = os.environ.get(variable, "")
    # The XDG spec says to ignore a relative value: it would move with the working folder.
    return Path(value) if os.path.isabs(value) else Path(os.path.expanduser("~")) / default
