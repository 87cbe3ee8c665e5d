"""The README's cron recipe works as printed: its setup, then its job run twice as cron would."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

README = (ROOT / "README.md").read_text(encoding="utf-8")
SCHEDULE = re.compile(r"^\s*(?:\S+\s+){5}(?P<command>\S.*)$")  # m h dom mon dow command
STATEMENTS = ("mizuho.csv", "sumishin.csv", "yucho.csv")
VENV_AUDITOR = Path(sys.prefix) / "bin" / "auditor"  # what the quick start installed

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="cron and /bin/sh are Unix"),
    pytest.mark.skipif(not VENV_AUDITOR.exists(), reason="auditor is not installed in this venv"),
]


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end >= 0 else None]


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.M | re.S)


def _crontab_commands() -> list[str]:
    """The command part of each schedule line, as cron hands it to the shell."""
    (crontab,) = _blocks(_section("Cron"), "crontab")
    commands = []
    for line in crontab.splitlines():
        found = SCHEDULE.match(line)
        if line.lstrip().startswith("#") or "=" in line.split()[0] or not found:
            continue  # a comment or a variable, no job
        command = found["command"]
        # cron makes an unescaped % a newline (and the rest standard input): none here.
        assert re.search(r"(?<!\\)%", command) is None
        commands.append(command.replace("\\%", "%"))
    return commands


def _cron_env(home: Path, bin_dir: Path) -> dict[str, str]:
    """What cron gives a job: HOME, a short PATH, /bin/sh; no venv, no locale, no XDG."""
    return {"HOME": str(home), "LOGNAME": "user", "SHELL": "/bin/sh",
            "PATH": f"{bin_dir}:/usr/bin:/bin"}


def _fake_mail(bin_dir: Path, sent: Path) -> None:
    """A `mail` that keeps each message (its arguments, then its body) instead of sending."""
    bin_dir.mkdir()
    mail = bin_dir / "mail"
    mail.write_text(f'#!/bin/sh\n{{ echo "mail $*"; cat; echo; }} >> "{sent}"\n')
    mail.chmod(0o755)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A fresh home with the clone at ~/auditor and the quick start's .venv in it."""
    home = tmp_path / "home"
    (home / "auditor").mkdir(parents=True)
    (home / "auditor" / ".venv").symlink_to(sys.prefix, target_is_directory=True)
    return home


def test_the_recipe_has_setup_and_one_job() -> None:
    section = _section("Cron")
    assert len(_blocks(section, "sh")) == 1
    (command,) = _crontab_commands()
    assert "$HOME/auditor/.venv/bin/auditor scan" in command
    assert "--new-only" in command and "--state" in command and "auditor.log" in command


def test_the_recipe_runs_as_printed(home: Path, tmp_path: Path) -> None:
    bin_dir, sent = tmp_path / "bin", tmp_path / "sent.txt"
    _fake_mail(bin_dir, sent)
    env = _cron_env(home, bin_dir)
    (setup,) = _blocks(_section("Cron"), "sh")
    done = subprocess.run(["/bin/sh", "-ec", setup], cwd=home, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = home / "auditor-cron"
    assert out.is_dir() and (home / "statements").is_dir()  # the setup made them
    assert out.stat().st_mode & 0o077 == 0
    for name in STATEMENTS:  # the holder's downloads
        shutil.copy(SAMPLES / name, home / "statements" / name)
    (command,) = _crontab_commands()

    first = _job(command, home, env)
    assert first.stdout == "" and first.stderr == ""  # nothing for cron to mail
    log = (out / "auditor.log").read_text("utf-8")
    assert log.rstrip().endswith("exit 1")
    alerts = json.loads((out / "new.json").read_text("utf-8"))
    assert alerts["findings"] and alerts["summary"]["hidden"]["reported_before"] == 0
    mailed = sent.read_text("utf-8")
    assert mailed.startswith("mail -s auditor: new findings (exit 1) you@example.com\n")
    assert json.loads(mailed.split("\n", 1)[1]) == alerts

    second = _job(command, home, env)
    assert second.stdout == "" and second.stderr == ""
    log = (out / "auditor.log").read_text("utf-8")
    assert log.rstrip().endswith("exit 0") and log.count("exit ") == 2
    again = json.loads((out / "new.json").read_text("utf-8"))
    assert again["findings"] == []
    assert again["summary"]["hidden"]["reported_before"] == len(alerts["findings"])
    assert "(--new-only)" in log.split("exit 1", 1)[1]  # the log says what was held back
    assert sent.read_text("utf-8") == mailed  # nothing new, nothing mailed
    assert (out / "state.sqlite3").is_file()


def _job(command: str, home: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The job as cron runs it: `/bin/sh -c COMMAND` in the home folder."""
    return subprocess.run(["/bin/sh", "-c", command], cwd=home, env=env, capture_output=True,
                          text=True, timeout=300)
