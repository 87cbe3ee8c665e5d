"""The --new-only state: keys, transactions, the run lock, damaged files, `auditor state`."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from auditor.models import Finding, Severity
from auditor.store.state import (APPLICATION_ID, Alert, StateBusy, StateError, alert_key,
                           default_state_path, mask_account, open_state)

ACCOUNT = "0012-1234567"


@pytest.fixture(autouse=True)
def _no_state_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AUDITOR_STATE", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "state" / "state.sqlite3"


def finding(day: date = date(2020, 9, 7), amount: int = 30000, *, occurrence: int = 1,
            file: str = "a.csv", line: int = 5, time_: str | None = "10:15",
            severity: Severity = Severity.high, wallet: str | None = "docomo") -> Finding:
    return Finding(file=file, line=line, date=day, time=time_, amount=amount,
                   description="ﾄﾞｺﾓｺｳｻﾞ ｼﾞｭｳﾄｳ", wallet=wallet, score=80, severity=severity,
                   reasons=(), key="ドコモ口座充当", occurrence=occurrence)


def alert(found: Finding, account: str | None = ACCOUNT) -> Alert:
    return Alert.for_finding(account, found)


def many(count: int, start: date = date(2020, 1, 1)) -> list[Alert]:
    return [alert(finding(start + timedelta(days=n % 400), 1000 + n)) for n in range(count)]


def stored(path: Path) -> list[tuple[object, ...]]:
    """The rows, read behind the store's back."""
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT * FROM alerts ORDER BY key").fetchall()


# --- where --------------------------------------------------------------------------


def test_default_path_explicit_beats_env_beats_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    if os.name == "posix":
        assert default_state_path() == tmp_path / "xdg" / "auditor" / "state.sqlite3"
    monkeypatch.setenv("AUDITOR_STATE", str(tmp_path / "env.sqlite3"))
    assert default_state_path() == tmp_path / "env.sqlite3"
    assert default_state_path(tmp_path / "mine.db") == tmp_path / "mine.db"
    monkeypatch.setenv("AUDITOR_STATE", "")  # empty means unset
    assert default_state_path().name == "state.sqlite3"


@pytest.mark.skipif(os.name != "posix", reason="XDG applies on POSIX only")
def test_relative_xdg_state_home_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", "relative/dir")
    assert default_state_path() == Path.home() / ".local" / "state" / "auditor" / "state.sqlite3"


# --- keys ---------------------------------------------------------------------------


def test_identical_debits_are_two_keys() -> None:
    first, second = finding(occurrence=1), finding(occurrence=2)
    assert first.identity() != second.identity()
    assert alert_key(ACCOUNT, first) != alert_key(ACCOUNT, second)


def test_the_same_transaction_in_overlapping_statements_is_one_key() -> None:
    # The September statement and a July-September export both hold this debit,
    # on different lines of different files.
    in_monthly = finding(file="2020-09.csv", line=4)
    in_quarterly = finding(file="2020-q3.csv", line=61)
    assert alert_key(ACCOUNT, in_monthly) == alert_key(ACCOUNT, in_quarterly)


def test_key_depends_on_the_account_but_not_its_spelling() -> None:
    found = finding()
    assert alert_key("0012-1234567", found) == alert_key("００１２ １２３４５６７", found)
    assert alert_key("0012-1234567", found) != alert_key("0012-7654321", found)
    assert alert_key(None, found) == alert_key("", found)
    assert alert_key(None, found) != alert_key(ACCOUNT, found)


def test_key_is_a_hash_with_no_statement_text() -> None:
    key = alert_key(ACCOUNT, finding())
    assert len(key) == 64 and int(key, 16) >= 0


# --- new and record -----------------------------------------------------------------


def test_new_then_seen(db: Path) -> None:
    one, two = alert(finding(occurrence=1)), alert(finding(occurrence=2))
    with open_state(db) as store:
        assert store.new([one.key, two.key]) == [True, True]
        assert store.record([one]) == 1
        assert store.new([one.key, two.key]) == [False, True]
    with open_state(db) as store:  # a later run
        assert store.new([one.key, two.key]) == [False, True]
        assert store.record([one, two]) == 1  # one was already there
        assert store.new([one.key, two.key]) == [False, False]
        assert store.record([one, two]) == 0


def test_a_key_repeated_in_one_run_is_new_once(db: Path) -> None:
    key = alert(finding()).key
    with open_state(db) as store:
        assert store.new([key, key]) == [True, False]


def test_rereading_an_overlapping_statement_adds_nothing(db: Path) -> None:
    september = [finding(date(2020, 9, d), 5000 * d, file="2020-09.csv") for d in (3, 7, 9)]
    quarter = [finding(date(2020, 9, d), 5000 * d, file="2020-q3.csv", line=d + 40)
               for d in (3, 7, 9)]
    with open_state(db) as store:
        assert store.record([alert(f) for f in september]) == 3
        assert store.new([alert(f).key for f in quarter]) == [False, False, False]
        assert store.record([alert(f) for f in quarter]) == 0


def test_record_is_all_or_nothing(db: Path) -> None:
    with open_state(db) as store:
        store.record([alert(finding(date(2019, 1, 1)))])
    before = stored(db)
    good = many(5)
    broken = Alert(good[3].key, good[3].date, object(), None, "high")  # type: ignore[arg-type]
    with open_state(db) as store, pytest.raises(sqlite3.Error):
        store.record([*good[:3], broken, good[4]])  # three rows in before it fails
    assert stored(db) == before
    with open_state(db) as store:
        assert store.record(good) == 5  # and the store still works


def test_an_exception_midway_through_the_alerts_undoes_the_rows_before_it(db: Path) -> None:
    def alerts() -> Iterator[Alert]:
        yield from many(3)
        raise RuntimeError("the scan crashed")

    with open_state(db) as store:
        with pytest.raises(RuntimeError):
            store.record(alerts())
        assert store.summary().count == 0
    assert stored(db) == []


def test_an_unmasked_account_is_refused_and_nothing_is_written(db: Path) -> None:
    good = many(2)
    leaky = Alert(good[1].key, good[1].date, 1, None, "high", "1234567")
    with open_state(db) as store, pytest.raises(ValueError, match="masked"):
        store.record([good[0], leaky])
    assert stored(db) == []


# --- what is kept -------------------------------------------------------------------


def test_masked_accounts_show_at_most_the_last_4_digits() -> None:
    assert mask_account("0012-1234567") == "***4567"
    assert mask_account("１２３４５６７") == "***4567"
    assert mask_account("1234") == "***"  # a short number is all secret
    assert mask_account("") is None and mask_account(None) is None


def test_the_database_holds_no_statement_text_or_account_number(db: Path) -> None:
    found = finding()
    with open_state(db) as store:
        store.record([alert(found)])
    # The keyed hashes are random-looking hex: a short secret such as 0012 may turn up inside
    # one by chance (it did, once in some hundred runs), which says nothing. Look beside them.
    raw = re.sub(rb"[0-9a-f]{64}", b"", db.read_bytes())
    for secret in (found.description, found.key, "1234567", "0012", found.identity()):
        assert secret.encode("utf-8") not in raw
    assert b"***4567" in raw


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_new_state_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "state.sqlite3"
    with open_state(path):
        pass
    assert (path.stat().st_mode & 0o777) == 0o600
    assert (path.parent.stat().st_mode & 0o777) == 0o700
    assert (path.parent.parent.stat().st_mode & 0o777) == 0o700
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "state.sqlite3", "state.sqlite3.lock"]  # no temp or journal left over


def test_summary_and_rows(db: Path) -> None:
    early = datetime(2021, 1, 1, tzinfo=timezone.utc)
    late = datetime(2021, 2, 1, tzinfo=timezone.utc)
    with open_state(db) as store:
        assert store.summary().count == 0
        store.record([alert(finding(date(2020, 9, 7))),
                      alert(finding(date(2020, 9, 8), severity=Severity.low))], now=early)
        store.record([alert(finding(date(2020, 10, 1), wallet=None), account=None)], now=late)
        summary = store.summary()
        rows = store.rows(2)
    assert summary.count == 3
    assert (summary.first_reported, summary.last_reported) == (early, late)
    assert summary.by_wallet == (("docomo", 2), (None, 1))
    assert summary.by_severity == (("high", 2), ("low", 1))
    assert summary.by_month == (("2020-09", 2), ("2020-10", 1))
    assert [r.date for r in rows] == [date(2020, 10, 1), date(2020, 9, 8)]  # newest first
    assert rows[0].first_reported == late and rows[0].masked_account is None
    assert rows[1].masked_account == "***4567"


def test_forget_before_a_date_and_everything(db: Path) -> None:
    with open_state(db) as store:
        store.record([alert(finding(date(2020, m, 1))) for m in (1, 2, 3, 4)])
        assert store.forget(date(2020, 3, 1)) == 2  # January and February
        assert [r.date.month for r in store.rows(None)] == [4, 3]
        assert store.forget(None) == 2
        assert store.summary().count == 0
        # A forgotten alert is new again.
        assert store.new([alert(finding(date(2020, 1, 1))).key]) == [True]


# --- two runs at once ---------------------------------------------------------------

_HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from auditor.store.state import open_state
    with open_state(Path(sys.argv[1]), wait=0):
        print("locked", flush=True)
        sys.stdin.readline()
""")

_WAITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from auditor.store.state import StateBusy, open_state
    start = time.monotonic()
    try:
        with open_state(Path(sys.argv[1]), wait=float(sys.argv[2])) as store:
            store.summary()
    except StateBusy as exc:
        print(f"busy {time.monotonic() - start:.2f} {exc}", flush=True)
        sys.exit(2)
    print(f"ok {time.monotonic() - start:.2f}", flush=True)
""")


def _python(code: str, *args: str, **options: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code, *args], text=True,  # type: ignore[call-overload]
                            **options)


@contextmanager
def _held_elsewhere(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holds the state until its stdin gets a line (or the block ends)."""
    with _python(_HOLDER, str(db), stdin=subprocess.PIPE, stdout=subprocess.PIPE) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            yield holder
        finally:
            holder.kill()


def test_a_second_process_waits_then_gets_busy_then_gets_in(db: Path) -> None:
    with open_state(db):  # the first run holds the state...
        with _python(_WAITER, str(db), "0.6", stdout=subprocess.PIPE) as waiter:
            out, _ = waiter.communicate(timeout=30)
        assert waiter.returncode == 2
        word, waited, message = out.split(" ", 2)
        assert word == "busy" and float(waited) >= 0.6
        assert f"the state database {db} is in use by another auditor run" in message
    with _python(_WAITER, str(db), "0.6", stdout=subprocess.PIPE) as waiter:  # ...and let go
        out, _ = waiter.communicate(timeout=30)
    assert waiter.returncode == 0, out
    assert out.startswith("ok")


def test_a_run_in_another_process_blocks_this_one_until_it_ends(db: Path) -> None:
    with _held_elsewhere(db) as holder:
        start = time.monotonic()
        with pytest.raises(StateBusy, match="try again later"):
            with open_state(db, wait=0.3):
                pass
        assert time.monotonic() - start >= 0.3
        # Released while this run waits: it gets in without an error.
        releaser = threading.Timer(0.3, _release, (holder,))
        releaser.start()
        try:
            with open_state(db, wait=20) as store:
                assert store.summary().count == 0
                assert holder.wait(timeout=20) == 0  # the holder ended cleanly first
        finally:
            releaser.join()


def _release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.write("\n")
    holder.stdin.flush()


def test_a_commit_blocked_by_another_program_records_nothing(db: Path) -> None:
    with open_state(db):
        pass
    # Say, someone browsing the file with the sqlite3 shell, in the middle of a read.
    with closing(sqlite3.connect(db, isolation_level=None)) as reader:
        reader.execute("BEGIN")
        reader.execute("SELECT * FROM alerts").fetchall()
        with open_state(db, wait=0.2) as store:
            with pytest.raises(StateBusy, match="in use by another program"):
                store.record(many(3))
        reader.execute("ROLLBACK")
    assert stored(db) == []
    with open_state(db, wait=0.2) as store:
        assert store.record(many(3)) == 3


# --- damaged and foreign files ------------------------------------------------------


def _real_db(path: Path) -> bytes:
    with open_state(path) as store:
        store.record(many(1500))
    return path.read_bytes()


def _leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir()
                  if p.name != path.name and not p.name.endswith(".lock"))


@pytest.mark.parametrize("kind", ["random", "text", "truncated", "header_only", "empty",
                                  "garbled_page"])
def test_a_damaged_file_is_refused_and_left_unchanged(tmp_path: Path, kind: str) -> None:
    real = _real_db(tmp_path / "real" / "state.sqlite3")
    page = int.from_bytes(real[16:18], "big")
    root = 2 * page  # page 3, the alerts table's root: reading the schema never touches it
    content = {
        "random": os.urandom(8192),
        "text": "date,amount\n2020-09-07,30000\n".encode(),
        "truncated": real[: len(real) // 2],
        "header_only": real[:100],
        "empty": b"",
        "garbled_page": real[:root] + bytes(range(256)) * (page // 256) + real[root + page:],
    }[kind]
    path = tmp_path / "damaged" / "state.sqlite3"
    path.parent.mkdir()
    path.write_bytes(content)
    with pytest.raises(StateError, match="is not a valid auditor state database") as caught:
        with open_state(path, wait=0):
            pass
    assert "move it aside to start afresh" in str(caught.value)
    assert caught.value.exit_code == 2
    assert path.read_bytes() == content
    assert _leftovers(path) == []


def test_another_programs_sqlite_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE alerts (key TEXT)")
    content = path.read_bytes()
    with pytest.raises(StateError, match="not created by auditor"):
        with open_state(path):
            pass
    assert path.read_bytes() == content


def test_a_newer_schema_is_refused(db: Path) -> None:
    with open_state(db):
        pass
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("UPDATE schema_version SET version = 99")
    content = db.read_bytes()
    with pytest.raises(StateError, match="newer auditor"):
        with open_state(db):
            pass
    assert db.read_bytes() == content


def test_a_valid_state_survives_reopening(db: Path) -> None:
    with open_state(db) as store:
        store.record(many(10))
    with closing(sqlite3.connect(db)) as connection, connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    with open_state(db) as store:
        assert store.summary().count == 10


# --- the command line ---------------------------------------------------------------


def test_state_show_json(cli, db: Path) -> None:  # noqa: ANN001
    with open_state(db) as store:
        store.record([alert(finding(date(2020, 9, 7))), alert(finding(date(2020, 9, 8)))])
    run = cli("state", "show", "--format", "json", "--state", db, "--limit", "1")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["schema"] == 1 and data["alerts"] == 2
    assert data["by_wallet"] == [{"wallet": "docomo", "count": 2}]
    assert data["by_month"] == [{"month": "2020-09", "count": 2}]
    assert len(data["recent"]) == 1
    assert data["recent"][0]["account"] == "***4567"
    assert "1234567" not in run.out and "0012" not in run.out


def test_state_show_table_masks_accounts(cli, db: Path, monkeypatch) -> None:  # noqa: ANN001
    with open_state(db) as store:
        store.record([alert(finding())])
    # Even a hand-edited file with a full number never shows more than the last 4 digits.
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("UPDATE alerts SET account = '0012-7654321'")
    monkeypatch.setenv("AUDITOR_STATE", str(db))
    run = cli("state", "show")
    assert run.code == 0, run.err
    assert "***4321" in run.out and "7654321" not in run.out
    assert "docomo" in run.out and "¥30,000" in run.out


def test_state_show_with_nothing_reported_creates_nothing(cli, tmp_path: Path) -> None:  # noqa: ANN001
    run = cli("state", "show", "--format", "json")
    assert run.code == 0 and json.loads(run.out)["alerts"] == 0
    assert not default_state_path().exists()
    run = cli("state", "show", "--state", tmp_path / "missing.sqlite3")
    assert run.code == 2 and "not found" in run.err


def test_state_forget_before(cli, db: Path) -> None:  # noqa: ANN001
    with open_state(db) as store:
        store.record([alert(finding(date(2020, m, 1))) for m in (1, 2, 3)])
    run = cli("state", "forget", "--before", "2020-02-15", "--state", db)
    assert run.code == 0, run.err
    assert "forgot 2 alerts for transactions before 2020-02-15" in run.err
    assert run.out == ""
    with open_state(db) as store:
        assert [r.date.month for r in store.rows(None)] == [3]
    assert cli("state", "forget", "--before", "someday", "--state", db).code == 2


def test_state_forget_everything_needs_yes_off_a_terminal(cli, db: Path) -> None:  # noqa: ANN001
    with open_state(db) as store:
        store.record(many(3))
    run = cli("state", "forget", "--state", db)
    assert run.code == 2 and "--yes" in run.err
    with open_state(db) as store:
        assert store.summary().count == 3
    run = cli("state", "forget", "--yes", "--state", db)
    assert run.code == 0 and "forgot 3 alerts" in run.err
    with open_state(db) as store:
        assert store.summary().count == 0


@pytest.mark.parametrize(("answer", "left"), [("y\n", 0), ("n\n", 2), ("", 2)])
def test_state_forget_asks_on_a_terminal(
    cli, db: Path, monkeypatch: pytest.MonkeyPatch, answer: str, left: int  # noqa: ANN001
) -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    with open_state(db) as store:
        store.record(many(2))
    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    run = cli("state", "forget", "--state", db)
    assert run.code == 0, run.err
    assert "Forget every alert" in run.err
    with open_state(db) as store:
        assert store.summary().count == left


def test_state_commands_report_a_damaged_file(cli, db: Path) -> None:  # noqa: ANN001
    db.parent.mkdir(parents=True)
    db.write_bytes(b"not a database at all" * 100)
    for args in (("show",), ("forget", "--yes")):
        run = cli("state", *args, "--state", db)
        assert run.code == 2
        assert "is not a valid auditor state database" in run.err
        assert "Traceback" not in run.err
    assert db.read_bytes() == b"not a database at all" * 100


def test_state_commands_report_a_busy_state(cli, db: Path, monkeypatch) -> None:  # noqa: ANN001
    # The state commands pass the package's DEFAULT_WAIT, read when they run.
    monkeypatch.setattr("auditor.store.state.DEFAULT_WAIT", 0.2)
    with _held_elsewhere(db):
        run = cli("state", "show", "--state", db)
    assert run.code == 2
    assert run.err == (f"auditor: the state database {db} is in use by another auditor "
                       "run; try again later\n")
