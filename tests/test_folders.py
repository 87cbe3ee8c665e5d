"""Where the config, answers, state and secret live, and that an earlier auditor's are kept."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path

import platformdirs.macos
import platformdirs.unix
import platformdirs.windows
import pytest

import auditor.store.folders
from auditor.models import Finding, Severity
from auditor.store.answers import Answer, AnswerStore, default_answers_path
from auditor.store.config import (config_path, load_config, save_config, update_config,
                                   with_allow)
from auditor.store.secret import private_key, secret_path
from auditor.store.state import Alert, default_state_path, open_state

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
FINDING = Finding(file="s.csv", line=2, date=date(2020, 9, 1), time=None, amount=30_000,
                  description="ドコモコウザ", wallet="docomo-koza", score=100,
                  severity=Severity.high, reasons=(), key="ﾄﾞｺﾓｺｳｻﾞ", occurrence=1)
XDG = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
KNOWN = ("paypay", "kyash")

System = Callable[[str], Path]


@pytest.fixture
def system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> System:
    """Stand in for another system: its platformdirs class, sys.platform and an empty home.

    Returns the home folder. Windows' known folders are Roaming and Local under it.
    """
    def become(name: str) -> Path:
        home = tmp_path / "home"
        home.mkdir()
        monkeypatch.setenv("HOME", str(home))
        for variable in XDG:
            monkeypatch.delenv(variable, raising=False)
        classes = {"linux": platformdirs.unix.Unix, "darwin": platformdirs.macos.MacOS,
                   "win32": platformdirs.windows.Windows}
        monkeypatch.setattr(sys, "platform", name)
        monkeypatch.setattr(auditor.store.folders, "PlatformDirs", classes[name])
        if name == "win32":
            known = {"CSIDL_APPDATA": home / "Roaming", "CSIDL_LOCAL_APPDATA": home / "Local"}
            monkeypatch.setattr(platformdirs.windows, "get_win_folder",
                                lambda csidl: str(known[csidl]))
            monkeypatch.setenv("APPDATA", str(home / "Roaming"))  # what typer read
        return home

    return become


def _files() -> dict[str, Path]:
    return {"config": config_path(), "answers": default_answers_path(),
            "state": default_state_path(), "secret": secret_path()}


def _answer_and_alert() -> None:
    """What an earlier run left: an answer, an alert, and the secret keying both."""
    store = AnswerStore.load(default_answers_path())
    store.set(FINDING, Answer.not_mine, NOW)
    store.save()
    with open_state(default_state_path(), wait=0) as state:
        state.record([Alert.for_finding("1234567", FINDING)], now=NOW)


def _still_known() -> bool:
    """Whether this run sees the earlier run's answer and alert (the secret must match too)."""
    answered = AnswerStore.load(default_answers_path()).get(FINDING) is Answer.not_mine
    with open_state(default_state_path(), wait=0) as state:
        reported = state.new([Alert.for_finding("1234567", FINDING).key]) == [False]
    return answered and reported


# --- where new files go -----------------------------------------------------------------


def test_linux_folders_are_the_xdg_ones(system: System) -> None:
    home = system("linux")
    assert _files() == {"config": home / ".config/auditor/config.toml",
                        "answers": home / ".local/share/auditor/answers.json",
                        "state": home / ".local/state/auditor/state.sqlite3",
                        "secret": home / ".local/share/auditor/secret.key"}


def test_linux_honours_absolute_xdg_and_ignores_relative(system: System, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    home = system("linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", "relative/state")
    monkeypatch.setenv("XDG_CONFIG_HOME", "")
    assert _files() == {"config": home / ".config/auditor/config.toml",
                        "answers": tmp_path / "data/auditor/answers.json",
                        "state": home / ".local/state/auditor/state.sqlite3",
                        "secret": tmp_path / "data/auditor/secret.key"}


def test_macos_keeps_everything_in_application_support(system: System) -> None:
    home = system("darwin")
    folder = home / "Library" / "Application Support" / "auditor"
    assert _files() == {"config": folder / "config.toml", "answers": folder / "answers.json",
                        "state": folder / "state.sqlite3", "secret": folder / "secret.key"}


def test_macos_honours_xdg_when_it_is_set(system: System, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    system("darwin")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    assert default_state_path() == tmp_path / "xdg-state" / "auditor" / "state.sqlite3"


def test_windows_config_roams_and_the_rest_stays_local(system: System) -> None:
    home = system("win32")
    local = home / "Local" / "auditor"
    assert _files() == {"config": home / "Roaming" / "auditor" / "config.toml",
                        "answers": local / "answers.json", "state": local / "state.sqlite3",
                        "secret": local / "secret.key"}


def test_the_variables_still_name_the_files(system: System, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    system("darwin")
    for name in ("CONFIG", "ANSWERS", "STATE", "SECRET"):
        monkeypatch.setenv(f"AUDITOR_{name}", str(tmp_path / name.lower()))
    assert _files() == {key: tmp_path / key for key in ("config", "answers", "state", "secret")}


# --- files an earlier auditor left elsewhere --------------------------------------------


def test_macos_state_from_before_is_used_where_it_is(system: System) -> None:
    home = system("darwin")
    _answer_and_alert()
    new = default_state_path()
    old = home / ".local" / "state" / "auditor" / "state.sqlite3"  # where it used to go
    old.parent.mkdir(parents=True)
    new.rename(old)
    Path(f"{new}.lock").unlink()
    assert default_state_path() == old
    assert _still_known()  # nothing is reported again
    assert not new.exists() and not Path(f"{new}.lock").exists()  # nothing moved or made


def test_windows_answers_state_and_secret_from_before_are_used(
        system: System, monkeypatch: pytest.MonkeyPatch) -> None:
    home = system("win32")
    roaming = home / "Roaming" / "auditor"  # typer's app folder, where all of them went
    named = {"AUDITOR_ANSWERS": "answers.json", "AUDITOR_STATE": "state.sqlite3",
             "AUDITOR_SECRET": "secret.key"}
    for variable, name in named.items():  # an earlier auditor's paths, named outright
        monkeypatch.setenv(variable, str(roaming / name))
    _answer_and_alert()
    for variable in named:
        monkeypatch.delenv(variable)
    before = {p.name: p.read_bytes() for p in roaming.iterdir()}
    assert (default_answers_path(), default_state_path(), secret_path()) == (
        roaming / "answers.json", roaming / "state.sqlite3", roaming / "secret.key")
    assert _still_known()
    assert not (home / "Local").exists()  # above all, no second secret beside the old one
    assert {p.name: p.read_bytes() for p in roaming.iterdir()} == before


def test_a_config_from_before_is_read_and_changed_in_place(
        system: System, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On macOS typer ignored XDG_CONFIG_HOME; platformdirs honours it when it is set."""
    home = system("darwin")
    old = home / "Library" / "Application Support" / "auditor" / "config.toml"
    save_config(with_allow(load_config(old, KNOWN), "paypay", None, None, date(2026, 1, 2)))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == old
    update_config(config_path(), KNOWN,
                  lambda config: with_allow(config, "kyash", None, None, date(2026, 1, 3)))
    assert [e.wallet for e in load_config(old, KNOWN).allow] == ["paypay", "kyash"]
    assert not (tmp_path / "xdg").exists()


def test_a_new_file_wins_over_one_from_before(system: System) -> None:
    home = system("win32")
    old, new = (home / "Roaming" / "auditor", home / "Local" / "auditor")
    for folder, text in ((old, "old"), (new, "new")):
        folder.mkdir(parents=True)
        (folder / "answers.json").write_text(text, encoding="utf-8")
    assert default_answers_path() == new / "answers.json"


def test_a_relative_folder_from_before_is_never_used(system: System, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """typer took a relative XDG_CONFIG_HOME as it was: a file under the working folder."""
    home = system("linux")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative")
    (tmp_path / "relative" / "auditor").mkdir(parents=True)
    (tmp_path / "relative" / "auditor" / "config.toml").write_text("", encoding="utf-8")
    assert config_path() == home / ".config" / "auditor" / "config.toml"


def test_a_link_at_the_new_place_is_the_users_choice(system: System, tmp_path: Path) -> None:
    home = system("darwin")
    old = home / ".local" / "state" / "auditor"
    old.mkdir(parents=True)
    (old / "state.sqlite3").write_bytes(b"")
    new = home / "Library" / "Application Support" / "auditor"
    new.mkdir(parents=True)
    (new / "state.sqlite3").symlink_to(tmp_path / "elsewhere.sqlite3")  # broken, for now
    assert default_state_path() == new / "state.sqlite3"


def test_keys_do_not_depend_on_where_the_secret_was_found(system: System) -> None:
    """The answers and the state must be keyed by the one secret wherever it is read from."""
    home = system("win32")
    first = private_key("x")
    secret = secret_path()
    old = home / "Roaming" / "auditor" / "secret.key"
    old.parent.mkdir(parents=True)
    secret.rename(old)
    assert secret_path() == old and private_key("x") == first
