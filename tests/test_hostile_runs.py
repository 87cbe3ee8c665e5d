"""Runs as an attacker or an unlucky cron job would have them: closed pipes, killed parents,
devices and FIFOs as outputs, /dev/full, huge --jobs, killed runs' leftovers.

Each case ends with its documented exit code and a one-line message, and never loses
anything: a --new-only run records only what was really delivered.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import auditor.fs.atomic
import auditor.run.batch
from auditor.fs.atomic import atomic_output
from tests.conftest import SAMPLES, Run, recorded_alerts
from tests.downloads import downloads

Cli = Callable[..., Run]
posix = pytest.mark.skipif(os.name != "posix", reason="POSIX pipes, FIFOs and signals")
linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")
YUCHO = "取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,\r\n"


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """Four statements of five ドコモ口座 debits each: a table of several kilobytes."""
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for index, name in enumerate("abcd"):
        rows = "".join(f"2020090{index + 1},{n},,{1000 * (n + 1)},ＲＴ,(ﾄﾞｺﾓｺｳｻﾞ),,\r\n"
                       for n in range(5))
        paths.append(folder / f"{name}.csv")
        paths[-1].write_bytes((YUCHO + rows).encode("cp932"))
    return paths


def auditor_process(*args: str | Path, **kwargs: object) -> subprocess.Popen[bytes]:
    """`auditor ARGS` as its own process, stdout a pipe the test reads (or closes)."""
    return subprocess.Popen([sys.executable, "-m", "auditor", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)  # type: ignore[call-overload]


def read_a_little_and_quit(proc: subprocess.Popen[bytes]) -> tuple[int, str]:
    """What `| head -c 10` does: read ten bytes, close the pipe, never read the rest."""
    assert proc.stdout is not None and proc.stderr is not None
    first = os.read(proc.stdout.fileno(), 10)
    assert first  # the run had begun to write
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    return proc.wait(timeout=60), err



# --- the output must have got out before the state changes, in every format ----------------


@posix
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_new_only_into_a_pipe_closed_early_records_nothing(
        tmp_path: Path, files: list[Path], fmt: str) -> None:
    """`scan --new-only | head -1` (table) was exit 1, no message, every alert recorded:
    the table fitted in the pipe's buffer, so no write failed, and the next run was silent.
    Now it ends as `git log | head` does: exit 141 (128 + SIGPIPE), not a word on stderr."""
    state = tmp_path / "state.sqlite3"
    proc = auditor_process("scan", *files, "-j", "1", "--new-only", "--state", state,
                           "-f", fmt, "--lang", "en")
    code, err = read_a_little_and_quit(proc)
    assert (code, err) == (141, "")
    assert recorded_alerts(state) == 0
    done = subprocess.run([sys.executable, "-m", "auditor", "scan", *map(str, files), "-j", "1",
                           "--new-only", "--state", str(state), "-f", "json"],
                          capture_output=True, check=False)
    assert done.returncode == 1 and len(json.loads(done.stdout)["findings"]) == 20


@posix
def test_report_into_head_does_not_claim_success(files: list[Path]) -> None:
    """`auditor report BIG | head -c 10` exited 0 with its summary: the draft never arrived."""
    # One account's four downloads: one letter (four accounts would need --output-dir).
    code, err = read_a_little_and_quit(auditor_process("report", *files, "--same-account",
                                                       "--lang", "en"))
    assert (code, err) == (141, "")  # no summary claiming the draft was written


def test_rich_broken_pipe_is_exit_141_not_a_silent_exit_1(
        cli: Cli, files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich meets EPIPE by raising SystemExit(1) after pointing stdout at /dev/null: that was
    exit 1, as if findings had been reported, with every alert recorded."""
    import io

    class Broken(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def isatty(self) -> bool:
            return False

    state = tmp_path / "state.sqlite3"
    monkeypatch.setattr("sys.stdout", Broken())
    monkeypatch.setattr(auditor.fs.atomic, "silence_stdout", lambda: None)
    run = cli("scan", *files, "-j", "1", "--new-only", "--state", state)
    monkeypatch.undo()
    assert (run.code, run.err) == (141, "")
    assert recorded_alerts(state) == 0


@pytest.mark.parametrize("command", [("wallets",), ("wallets", "-f", "json"), ("rules",),
                                     ("rules", "-f", "json"), ("state", "show"),
                                     ("state", "show", "-f", "json")])
def test_listings_into_a_full_disk_are_exit_2(command: tuple[str, ...]) -> None:
    """`wallets`, `rules`, `state show` > /dev/full were exit 4, "internal error"."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "auditor", *command], stdout=full,
                              stderr=subprocess.PIPE, check=False)
    assert done.returncode == 2
    assert done.stderr.decode() == ("auditor: standard output: cannot write "
                                    "(No space left on device)\n")


# --- outputs that are not regular files ---------------------------------------------------------


@posix
def test_output_onto_a_fifo_writes_into_it(cli: Cli, files: list[Path], tmp_path: Path) -> None:
    """-o FIFO replaced the FIFO with a regular file (the atomic rename went over it)."""
    fifo = tmp_path / "findings.fifo"
    os.mkfifo(fifo)
    # Open for reading first (non-blocking: no writer yet), so the run finds its reader.
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    chunks: list[bytes] = []
    finished = threading.Event()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:  # a writer, but nothing yet
                chunk = None
            if chunk:
                chunks.append(chunk)
            elif chunk == b"" and (chunks or finished.is_set()):
                return  # end of file once the writer has come and gone
            else:
                time.sleep(0.002)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        run = cli("scan", *files, "-j", "1", "-f", "json", "-o", fifo)
    finally:
        finished.set()
        reader.join(timeout=30)
        os.close(fd)
    got = [b"".join(chunks)]
    assert run.code == 1, run.err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert len(json.loads(got[0])["findings"]) == 20


@posix
def test_output_onto_a_fifo_nobody_reads_is_exit_2_at_once(cli: Cli, files: list[Path],
                                                           tmp_path: Path) -> None:
    fifo = tmp_path / "nobody.fifo"
    os.mkfifo(fifo)
    run = cli("scan", *files, "-j", "1", "-o", fifo)
    assert run.code == 2 and run.err.endswith(f"auditor: {fifo}: cannot write "
                                              "(No such device or address)\n")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_onto_dev_null_is_never_renamed_over(
        cli: Cli, files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, the rename would have replaced /dev/null itself. (os.replace and os.link are
    refused here, so that even a regression cannot touch the real device.)"""
    if not os.path.exists(os.devnull) or os.name != "posix":
        pytest.skip("no /dev/null")

    def refused(*_: object) -> None:
        raise AssertionError("renamed over a device")

    monkeypatch.setattr(os, "replace", refused)
    monkeypatch.setattr(os, "link", refused)
    run = cli("scan", *files, "-j", "1", "-f", "csv", "-o", os.devnull)
    monkeypatch.undo()
    assert run.code == 1, run.err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    report = cli("report", *files, "--same-account", "-o", os.devnull)  # no --force needed
    assert report.code == 0, report.err


@linux
@pytest.mark.parametrize("how", ["dev-stdout", "process-substitution"])
def test_output_to_dev_stdout_and_process_substitution(files: list[Path], how: str) -> None:
    """-o /dev/stdout and -o >(cmd) (a /dev/fd/N path) failed with "No such file"."""
    read_end, write_end = os.pipe()
    target = "/dev/stdout" if how == "dev-stdout" else f"/dev/fd/{write_end}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "auditor", "scan", *map(str, files), "-j", "1", "-f", "json",
         "-o", target], stdout=write_end if how == "dev-stdout" else subprocess.DEVNULL,
        stderr=subprocess.PIPE, pass_fds=(write_end,))
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    assert proc.wait(timeout=60) == 1, proc.stderr.read() if proc.stderr else ""
    assert len(json.loads(data)["findings"]) == 20


# --- processes ------------------------------------------------------------------------------


_PARENT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from auditor.run import batch
    from auditor.store import state
    with state.open_state(Path(sys.argv[1])):  # held while the children are made
        if sys.argv[2] == "pool":
            pool = batch.worker_pool(2)
            for future in [pool.submit(os.getpid) for _ in range(8)]:
                future.result()
            pids = list(pool._processes)
        else:
            pids = [os.fork()]
            if pids[0] == 0:  # a plain child: only the lock hand-off protects the state
                time.sleep(60)
                os._exit(0)
        print(" ".join(map(str, pids)), flush=True)
        time.sleep(60)
""")


def _gone(pid: int, within: float = 10.0) -> bool:
    """Whether pid ends within the time (polled: the kernel's signal is asynchronous)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:  # reap it if it was ours; a zombie still answers kill(pid, 0)
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return True
        except ChildProcessError:
            pass
        if _zombie(pid):
            return True
        time.sleep(0.02)
    return False


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return False


@posix
@pytest.mark.parametrize("how", ["pool", "fork"])
def test_kill_9_of_the_parent_frees_the_state_and_ends_the_workers(tmp_path: Path,
                                                                   how: str) -> None:
    """kill -9 of a scan left its workers running, holding the state lock: every later
    cron run exited 2 "in use" until someone killed them by hand."""
    from auditor.store.state import open_state

    state = tmp_path / "state.sqlite3"
    parent = subprocess.Popen([sys.executable, "-c", _PARENT, str(state), how],
                              stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    children = [int(pid) for pid in parent.stdout.readline().split()]
    assert children and all(pid != parent.pid for pid in children)
    try:
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        with open_state(state, wait=5.0):  # free at once, whatever the children do
            pass
        if how == "pool":  # pool workers are told to die with their parent
            assert all(_gone(pid) for pid in children)
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


@posix
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_stop_a_run_like_ctrl_c(name: str) -> None:
    """The signal arrives while the command runs; Python's default was to die on the spot."""
    signum = getattr(signal, name)
    script = ("import os, sys; import auditor.cli as cli; "
              f"cli.app = lambda: os.kill(os.getpid(), {int(signum)}); cli.main()")
    proc = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum
    assert err.decode().endswith(f"auditor: stopped by {name}\n")


def test_jobs_beyond_the_cores_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    """--jobs 300 started 301 processes on 2 cores."""
    monkeypatch.setattr(auditor.run.batch, "usable_cores", lambda: 2)
    assert auditor.run.batch.worker_count(300, 1000) == 2
    assert auditor.run.batch.worker_count(300, 1) == 1
    assert auditor.run.batch.worker_count(None, 1000) == 2
    assert auditor.run.batch.worker_count(1, 1000) == 1


def test_jobs_300_end_to_end_starts_no_more_workers_than_cores(
        cli: Cli, files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []
    real = auditor.run.batch.worker_pool
    monkeypatch.setattr(auditor.run.batch, "usable_cores", lambda: 2)
    monkeypatch.setattr(auditor.run.batch, "worker_pool",
                        lambda jobs: sizes.append(jobs) or real(jobs))
    run = cli("scan", *files, "--jobs", "300", "-f", "json")
    assert run.code == 1 and sizes == [2]


def test_a_small_run_reads_and_audits_its_accounts_on_one_pool(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read, then audit each account stitched from two downloads: the same workers."""
    for seed in range(4):  # four accounts of two downloads each
        for one in downloads("mufg", seed=seed, overlap=5).downloads[:2]:
            (tmp_path / f"{seed}_{one.name}").write_bytes(one.data)
    pools: list[int] = []
    real = auditor.run.batch.ProcessPoolExecutor

    def counted(jobs: int, **kwargs: object) -> object:
        pools.append(jobs)
        return real(jobs, **kwargs)

    monkeypatch.setattr(auditor.run.batch, "usable_cores", lambda: 2)
    monkeypatch.setattr(auditor.run.batch, "ProcessPoolExecutor", counted)
    run = cli("scan", tmp_path, "--jobs", "300", "-f", "json")
    assert run.code in (0, 1) and len(json.loads(run.out)["accounts"]) == 4 and pools == [2]


# --- leftovers of killed runs ---------------------------------------------------------------


@posix
def test_a_killed_runs_temporary_files_are_swept_by_the_next_run(
        cli: Cli, files: list[Path], tmp_path: Path) -> None:
    """kill -9 during --output-dir left .findings.jsonl.*.tmp files for ever."""
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from auditor.fs.atomic import atomic_output
        out = Path({str(out)!r}); out.mkdir()
        with atomic_output(out / "findings.jsonl") as stream:
            stream.write("half"); stream.flush()
            os.kill(os.getpid(), 9)
    """)
    assert subprocess.run([sys.executable, "-c", script], check=False).returncode == -9
    left = [p.name for p in out.iterdir()]
    assert len(left) == 1 and left[0].startswith(".findings.jsonl.auditor-")
    foreign = out / ".findings.jsonl.tmp"  # not ours by its name: never touched
    foreign.write_text("x", encoding="utf-8")
    run = cli("scan", *files, "-j", "1", "--output-dir", out, "-q")
    assert run.code == 1, run.err
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [".findings.jsonl.tmp", "files.csv", "findings.csv", "findings.jsonl", "summary.json"])


def test_a_live_runs_temporary_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "findings.csv"
    with atomic_output(target) as first:
        first.write("mine")
        with atomic_output(target) as second:  # the same process: alive, so not swept
            second.write("theirs")
        assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert target.read_text(encoding="utf-8") == "mine"


# --- file names that are not text ------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_shown_escaped_everywhere(cli: Cli, tmp_path: Path,
                                                                  files: list[Path]) -> None:
    """-o and --output-dir failed with exit 4 and wrote nothing, for any file of the run."""
    folder = tmp_path / "odd"
    folder.mkdir()
    try:
        odd = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.csv"))
        odd.write_bytes(files[0].read_bytes())
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    (folder / "plain.csv").write_bytes(files[1].read_bytes())
    shown = str(folder / "caf\\xe9.csv")
    out = tmp_path / "out"
    run = cli("scan", folder, "-f", "json", "-o", tmp_path / "f.json", "--output-dir", out)
    assert run.code == 1, run.err
    data = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert sorted(f["path"] for f in data["files"]) == sorted([shown, str(folder / "plain.csv")])
    assert shown in (out / "findings.csv").read_text(encoding="utf-8")
    assert shown in (out / "files.csv").read_text(encoding="utf-8")
    lines = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    assert shown in {json.loads(line)["file"] for line in lines}
    assert cli("scan", odd, "-f", "csv", "-o", tmp_path / "f.csv").code == 1
    assert "caf\\xe9.csv" in (tmp_path / "f.csv").read_text(encoding="utf-8")
    assert cli("scan", odd, "-o", tmp_path / "f.txt").code == 1  # the table names no file
    from auditor.report.html import h
    from auditor.report.markdown import md_escape

    for fmt, escape in (("md", md_escape), ("html", h)):
        report = cli("report", odd, "-f", fmt, "-o", tmp_path / f"draft.{fmt}")
        assert report.code == 0, report.err
        assert escape("caf\\xe9.csv") in (tmp_path / f"draft.{fmt}").read_text(encoding="utf-8")
    identify = cli("identify", odd, "-f", "json")
    assert identify.code == 0 and json.loads(identify.out)["files"][0]["path"] == shown


# --- when a pipe counts as delivered ------------------------------------------------------------


@posix
def test_a_pipe_counts_as_delivered_once_read_and_not_when_its_reader_quits() -> None:
    from auditor.fs.streams import ReaderGone, wait_delivered

    read_end, write_end = os.pipe()
    os.write(write_end, b"x" * 1000)
    reader = threading.Thread(target=lambda: os.read(read_end, 1000))
    reader.start()
    wait_delivered(write_end, patience=30)  # returns once the reader has it all
    reader.join()
    os.write(write_end, b"y" * 1000)
    os.read(read_end, 10)
    os.close(read_end)  # `head -c 10`
    with pytest.raises(ReaderGone, match="990 bytes unread"):
        wait_delivered(write_end, patience=30)
    os.close(write_end)


@posix
def test_a_reader_that_waits_for_the_run_to_end_does_not_hang_it() -> None:
    """Popen(stdout=PIPE).wait() before reading: the run must not wait for ever."""
    from auditor.fs.streams import wait_delivered

    read_end, write_end = os.pipe()
    os.write(write_end, b"x" * 1000)
    started = time.monotonic()
    wait_delivered(write_end, patience=0.2)
    assert time.monotonic() - started < 10
    assert os.read(read_end, 2000) == b"x" * 1000  # still there for the reader
    os.close(read_end)
    os.close(write_end)
