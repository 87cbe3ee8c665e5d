"""Files the tool keeps between runs, attacked: the state and the answers brute-forced for the
account number they stand for, and the config and the answers written by many runs at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from auditor.ingest.account import account_id
from auditor.store.secret import rekey, secret_path
from tests.conftest import Run

Cli = Callable[..., Run]
ACCOUNT = "1236543"  # 7 digits, as みずほ and most banks number accounts
YUCHO = "取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,\r\n"
DEBITS = [("20200907", 30_000), ("20200908", 20_000)]


def statement(folder: Path, name: str, debits: list[tuple[str, int]] = DEBITS) -> Path:
    rows = "".join(f"{day},{n},,{amount},ＲＴ,(ﾄﾞｺﾓｺｳｻﾞ),,\r\n"
                   for n, (day, amount) in enumerate(debits, start=1))
    path = folder / name
    path.write_bytes((YUCHO + rows).encode("cp932"))
    return path


def plain_key(account: str, day: str, amount: int, occurrence: int = 1) -> str:
    """The schema 1 key, as anyone holding the state file could compute it for a guess."""
    identity = f"{day[:4]}-{day[4:6]}-{day[6:]}||{amount}|(ドコモコウザ)|{occurrence}"
    return hashlib.sha256(f"{account_id(account)}\x1f{identity}".encode()).hexdigest()


def keys(state: Path) -> set[str]:
    with closing(sqlite3.connect(state)) as db:
        return {row[0] for row in db.execute("SELECT key FROM alerts")}


def version(state: Path) -> int:
    with closing(sqlite3.connect(state)) as db:
        return db.execute("SELECT version FROM schema_version").fetchone()[0]


# --- private hashes ---------------------------------------------------------------------------


def test_the_state_file_alone_does_not_give_the_account_back(cli: Cli, tmp_path: Path) -> None:
    """Unsalted, the 7-digit number came back in 18.6 s, 0.05 s knowing ***6543: every guess
    could be checked against the file. Keyed with the install's secret, none can."""
    state = tmp_path / "state.sqlite3"
    run = cli("scan", statement(tmp_path, f"{ACCOUNT}.csv"), "--new-only", "--state", state,
              "-f", "json")
    assert run.code == 1
    shown = json.loads(cli("state", "show", "--state", state, "-f", "json").out)
    assert {alert["account"] for alert in shown["recent"]} == {"***6543"}
    stored = keys(state)
    guesses = [f"{prefix:03d}6543" for prefix in range(1000)]  # all that fit the mask
    found = [g for g in guesses for day, amount in DEBITS if plain_key(g, day, amount) in stored]
    assert found == []
    # The keys are those guesses keyed with the secret: with it (and only with it), they match.
    assert {rekey(plain_key(ACCOUNT, day, amount)) for day, amount in DEBITS} == stored


def test_the_secret_is_made_once_owner_only_and_can_be_moved(cli: Cli, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    state = tmp_path / "state.sqlite3"
    path = statement(tmp_path, f"{ACCOUNT}.csv")
    assert cli("scan", path, "--new-only", "--state", state, "-q").code == 1
    secret = secret_path()
    assert secret.parent.name == "auditor" and secret.name == "secret.key"
    if os.name == "posix":
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    first = secret.read_bytes()
    assert cli("scan", path, "--new-only", "--state", state, "-q").code == 0  # the same secret
    assert secret.read_bytes() == first
    monkeypatch.setenv("AUDITOR_SECRET", str(tmp_path / "other.key"))
    assert cli("scan", path, "--new-only", "--state", state, "-q").code == 1  # another: all new
    assert (tmp_path / "other.key").read_bytes() != first


def test_a_damaged_secret_is_exit_2_and_changes_nothing(cli: Cli, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "secret.key"
    bad.write_text("not hex\n", encoding="utf-8")
    monkeypatch.setenv("AUDITOR_SECRET", str(bad))
    state = tmp_path / "state.sqlite3"
    run = cli("scan", statement(tmp_path, "a.csv"), "--new-only", "--state", state)
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith(f"auditor: {bad}: the auditor secret is unusable: it is not 64 "
                              "hex digits. Restore it from a backup")
    assert bad.read_text(encoding="utf-8") == "not hex\n"


def _schema_1_state(path: Path, plain: list[str]) -> None:
    """A state as auditor wrote it before the secret: plain SHA-256 keys, schema 1."""
    from auditor.store.state.schema import APPLICATION_ID, SCHEMA_SQL

    with closing(sqlite3.connect(path)) as db:
        for statement_ in SCHEMA_SQL:
            db.execute(statement_)
        db.execute("INSERT INTO schema_version VALUES (1)")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.executemany("INSERT INTO alerts VALUES (?, '2020-09-07', 1, 'docomo-koza', 'high', "
                       "'***6543', '2020-09-10T00:00:00+00:00')", [(k,) for k in plain])
        db.commit()


def test_a_schema_1_state_is_converted_and_reports_nothing_again(cli: Cli,
                                                                 tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    plain = [plain_key(ACCOUNT, day, amount) for day, amount in DEBITS]
    _schema_1_state(state, plain)
    run = cli("scan", statement(tmp_path, f"{ACCOUNT}.csv"), "--new-only", "--state", state,
              "-f", "json")
    assert run.code == 0 and json.loads(run.out)["findings"] == []  # nothing re-alerted
    assert version(state) == 2 and keys(state) == {rekey(k) for k in plain}
    raw = state.read_bytes()
    assert not any(k.encode() in raw for k in plain)  # no plain key left anywhere in the file
    shown = json.loads(cli("state", "show", "--state", state, "-f", "json").out)
    assert shown["alerts"] == 2


def test_a_schema_1_answers_file_keeps_its_answers(cli: Cli, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    path = statement(tmp_path, f"{ACCOUNT}.csv")
    entry = {"answer": "mine", "wallet": "docomo-koza", "date": "2020-09-07", "amount": 30_000,
             "answered_at": "2020-09-10T09:00:00+09:00"}
    plain = hashlib.sha256("2020-09-07||30000|(ドコモコウザ)|1".encode()).hexdigest()
    answers.write_text(json.dumps({"schema": 1, "answers": {plain: entry}}), encoding="utf-8")
    run = cli("scan", path, "--answers", answers, "-f", "json")
    assert [f["answer"] for f in json.loads(run.out)["findings"]] == ["mine", None]
    assert cli("review", path, "--answers", answers, "--yes").code == 0
    data = json.loads(answers.read_text(encoding="utf-8"))
    assert data["schema"] == 2 and data["answers"][rekey(plain)] == entry
    assert plain not in data["answers"] and len(data["answers"]) == 2


# --- shared files written by many runs at once -------------------------------------------------


def _at_once(commands: list[list[str]]) -> list[subprocess.CompletedProcess[bytes]]:
    started = [subprocess.Popen([sys.executable, "-m", "auditor", *c], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE) for c in commands]
    done = []
    for proc, command in zip(started, commands, strict=True):
        out, err = proc.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(command, proc.returncode, out, err))
    return done


WALLETS = ["docomo-koza", "d-barai", "paypay", "line-pay", "merpay", "kyash", "paypal",
           "rakuten-edy", "rakuten-pay", "au-pay"]


def test_ten_allows_at_once_keep_ten_entries(cli: Cli, tmp_path: Path) -> None:
    """Each read the file, added its wallet and wrote it back: 5 of 10 entries were kept."""
    config = tmp_path / "config.toml"
    runs = _at_once([["allow", wallet, "--config", str(config)] for wallet in WALLETS])
    assert [r.returncode for r in runs] == [0] * 10, [r.stderr for r in runs]
    listed = cli("allow", "--config", config).out.split()
    assert sorted(listed) == sorted(WALLETS)


def test_four_reviews_at_once_keep_every_answer(cli: Cli, tmp_path: Path) -> None:
    """Four `review --yes` on one answers file kept 8 of 44 answers."""
    answers = tmp_path / "answers.json"
    paths = [statement(tmp_path, f"s{n}.csv", [(f"202009{day:02d}", 1000 * n + day)
                                               for day in range(1, 12)]) for n in range(4)]
    runs = _at_once([["review", str(p), "--yes", "--answers", str(answers)] for p in paths])
    assert [r.returncode for r in runs] == [0] * 4, [r.stderr for r in runs]
    assert len(json.loads(answers.read_text(encoding="utf-8"))["answers"]) == 44
