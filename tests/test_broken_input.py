"""Broken input files: each gets one line naming the file (and the line where there is one),
exit 3, and the other inputs of the run are still audited. Never a traceback, never a cell.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.ingest.account import mask_path
from tests.conftest import SAMPLES, Run

Cli = Callable[..., Run]
GOOD = SAMPLES / "mizuho.csv"  # four ドコモ口座 debits; the holder uses LINE Pay
SECRET = "ヒミツ"  # a cell value that must never reach a message
HEADER = '"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ","未資金化区分","入払区分"\r\n'


def row(day: int, text: str = "ﾄﾞｺﾓｺｳｻﾞ", amount: str = "10,000") -> str:
    return f'"2020/9/{day}","口座振替","{text}","{amount}","","","{SECRET}","",""\r\n'


BODY = HEADER + row(1) + row(2)  # lines 1-3
ANY_LINE = -1

CASES: dict[str, tuple[bytes, str, int | None]] = {
    # name: (file bytes, what the message says, the line it names; None: no line applies)
    "empty": (b"", "the file is empty", None),
    "bom-only": (b"\xef\xbb\xbf", "the file is empty", None),
    "utf16-bom-only": (b"\xff\xfe", "the file is empty", None),
    "blank-lines-only": (b"\r\n\r\n \t\r\n", "the file is empty", None),
    "binary": (bytes(range(256)) * 8, "cannot decode", ANY_LINE),
    "nul-bytes": ((HEADER + row(1)).encode("cp932") + b"\x00\x00" + row(2).encode("cp932"),
                  "NUL bytes", 3),
    "truncated-in-a-quoted-field": ((BODY + f'"2020/9/3","口座振替","ﾄﾞｺﾓ{SECRET}').encode("cp932"),
                                    "quoted field is not closed", 4),
    "unbalanced-quote": ((HEADER + row(1) + f'"2020/9/2","口座振替","{SECRET},1,,,,,\r\n'
                          + row(3)).encode("cp932"), "quoted field is not closed", 3),
    "10-mb-field": ((HEADER + row(1, "Ａ" * 10_000_000) + row(2)).encode("utf-8"),
                    "larger than 1 MB", 2),
    "undecodable-everywhere": (HEADER.encode("cp932") + b"\x85\x40\xeb\x40\r\n" * 3,
                               "cannot decode", 2),
    "cr-only-unclosed-quote": ((BODY + f'"2020/9/3","口座振替","{SECRET}\r').replace(
        "\r\n", "\r").encode("cp932"), "quoted field is not closed", 4),
    "cr-only-nul": ((BODY.replace("\r\n", "\r") + "\x00").encode("cp932"), "NUL bytes", 4),
    "html": (b"<!DOCTYPE html>\n<html><body><table><tr><td>1</td></tr></table></body></html>",
             "web page", None),
    "html-with-bom": (b"\xef\xbb\xbf<html><body>statement</body></html>", "web page", None),
    "html-utf16": ("\ufeff<html><body>statement</body></html>".encode("utf-16-le"),
                   "web page", None),
    "xlsx": (b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "Excel workbook", None),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), "old Excel file", None),
    "no-header": (b"a,b,c\r\n1,2,3\r\n", "no bank header", None),
    # A million empty cells (1 MB) ran past a minute at 1.7 GB: pandas built a column each.
    "a-million-empty-cells": ((BODY + "," * 1_000_000 + "\r\n").encode("cp932"),
                              "a row has more than 10,000 cells", 4),
    "a-million-cells-in-the-first-row": ((HEADER + row(1).rstrip("\r\n") + "," * 1_000_000
                                          + "\r\n" + row(2)).encode("cp932"),
                                         "a row has more than 10,000 cells", 2),
    "a-million-cells-as-the-first-line": (("," * 1_000_000 + "\r\n" + BODY).encode("cp932"),
                                          "a row has more than 10,000 cells", 1),
    "a-million-cells-far-below": ((BODY + row(4) * 200 + "," * 1_000_000 + "\r\n")
                                  .encode("cp932"), "a row has more than 10,000 cells", 204),
    "a-wide-first-row-of-empty-cells": ((HEADER + row(1).rstrip("\r\n") + "," * 9_000
                                         + "\r\n" + row(2)).encode("cp932"), None, None),
}


def shown(path: Path) -> str:
    """A path as outputs print it (numbers in it masked)."""
    return mask_path(str(path))


def check_one_line_error(run: Run, path: Path, says: str, line: int | None) -> None:
    """Exit 3; one stderr line names the file; the JSON names the error; GOOD still audited."""
    assert run.code == 3, run.err
    assert "Traceback" not in run.err and SECRET not in run.err
    data = json.loads(run.out)
    assert SECRET not in run.out
    (entry,) = [f for f in data["files"] if f["path"] == shown(path)]
    error = entry["error"]
    assert error and says in error and "\n" not in error
    if line == ANY_LINE:
        assert re.match(r"line \d+: ", error)
    elif line is not None:
        assert error.startswith(f"line {line}: "), error
    else:
        assert not error.startswith("line ")
    messages = [m for m in run.err.splitlines() if m.startswith(f"auditor: {shown(path)}: ")]
    assert messages == [f"auditor: {shown(path)}: {error}"]
    assert data["summary"]["failed"] == 1
    assert any(f["file"] == str(GOOD) for f in data["findings"])  # the other file was audited


@pytest.mark.parametrize("name", [name for name in CASES if CASES[name][1]])
def test_broken_file_is_one_line_and_the_rest_is_audited(cli: Cli, tmp_path: Path,
                                                         name: str) -> None:
    raw, says, line = CASES[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(raw)
    run = cli("scan", path, GOOD, "-a", "line-pay", "-f", "json")
    check_one_line_error(run, path, says, line)


def test_a_folder_of_broken_files_in_parallel(cli: Cli, tmp_path: Path) -> None:
    """Every broken file at once with two workers: each reported, the good ones audited."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, (raw, _, _) in CASES.items():
        if name != "10-mb-field":  # kept out only for speed; it has its own test above
            (folder / f"{name}.csv").write_bytes(raw)
    (folder / "z-good-1.csv").write_bytes(GOOD.read_bytes())
    (folder / "z-good-2.csv").write_bytes(GOOD.read_bytes())
    run = cli("scan", folder, "-a", "line-pay", "-f", "json", "-j", "2")
    assert run.code == 3 and "Traceback" not in run.err and SECRET not in run.err + run.out
    data = json.loads(run.out)
    errors = {Path(f["path"]).stem: f["error"] for f in data["files"]}
    assert len(errors) == len(CASES) - 1 + 2
    assert errors["a-wide-first-row-of-empty-cells"] is None
    for name, (_, says, _) in CASES.items():
        if name in errors and says:
            assert says in errors[name]
    assert errors["z-good-1"] is None and errors["z-good-2"] is None
    # The second good file holds the same bytes as the first: read once, counted once.
    repeat = next(f for f in data["files"] if Path(f["path"]).stem == "z-good-2")
    assert "the same bytes as" in repeat["notes"][0]
    assert {Path(f["file"]).name for f in data["findings"]} == {
        "z-good-1.csv", "a-wide-first-row-of-empty-cells.csv"}


def test_identify_reports_broken_files_the_same_way(cli: Cli, tmp_path: Path) -> None:
    paths = []
    for name in ("nul-bytes", "unbalanced-quote", "html-with-bom"):
        paths.append(tmp_path / f"{name}.csv")
        paths[-1].write_bytes(CASES[name][0])
    run = cli("identify", *paths, GOOD, "--format", "json")
    assert run.code == 3 and "Traceback" not in run.err
    files = json.loads(run.out)["files"]
    assert [bool(f["error"]) for f in files] == [True, True, True, False]


def test_header_only_file_is_read_with_a_note(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "header-only.csv"
    path.write_bytes(HEADER.encode("cp932"))
    run = cli("scan", path, "-f", "json")
    assert run.code == 0
    (entry,) = json.loads(run.out)["files"]
    assert entry["error"] is None and entry["rows"] == 0
    assert entry["notes"] == ["no transactions below the header (line 1)"]
    assert f"auditor: {shown(path)}: note: no transactions below the header (line 1)" in run.err


def test_wrong_encoding_names_the_line(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "cp932.csv"
    broken.write_bytes((HEADER + row(1)).encode("cp932"))  # line 1 is already not UTF-8
    good = tmp_path / "utf8.csv"
    good.write_bytes((HEADER + row(1) + row(2)).encode("utf-8"))
    run = cli("scan", broken, good, "--encoding", "utf-8", "-f", "json")
    assert run.code == 3
    data = json.loads(run.out)
    assert data["files"][0]["error"] == ("line 1: does not decode as utf-8; try another "
                                         "--encoding or leave it out to detect it")
    assert data["files"][1]["error"] is None and len(data["findings"]) == 2


def test_an_encoding_that_decodes_the_wrong_text_is_no_header(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(BODY.encode("cp932"))
    run = cli("scan", path, "--encoding", "latin-1", "-f", "json")
    assert run.code == 3 and "no bank header found" in json.loads(run.out)["files"][0]["error"]


def test_unknown_encoding_is_a_usage_error(cli: Cli) -> None:
    run = cli("scan", GOOD, "--encoding", "klingon-8")
    assert run.code == 2 and run.out == ""
    assert run.err == ("auditor: --encoding: unknown encoding 'klingon-8'; "
                       "use a Python codec name such as cp932\n")


def test_cr_only_line_ends_read_with_right_line_numbers(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    text = HEADER + row(1) + row(2, amount="12a") + row(3)
    path.write_bytes(text.replace("\r\n", "\r").encode("cp932"))
    run = cli("scan", path, "-f", "json")
    assert run.code == 3
    (entry,) = json.loads(run.out)["files"]
    assert entry["rows"] == 2
    assert entry["rejected"] == [{"line": 3, "reason": "amount not a number in column 支払い金額"}]


def test_thousands_of_columns_in_the_header(cli: Cli, tmp_path: Path) -> None:
    extra = ",".join(f'"列{i}"' for i in range(2000))
    path = tmp_path / "wide.csv"
    path.write_bytes((HEADER.rstrip("\r\n") + "," + extra + "\r\n" + row(1) + row(2))
                     .encode("cp932"))
    run = cli("scan", path, "-f", "json")
    assert run.code == 1, run.err  # read with the generic layout: the two debits are found
    data = json.loads(run.out)
    assert data["files"][0]["layout"] == "generic" and len(data["findings"]) == 2


def test_a_wide_first_row_of_empty_cells_is_read_the_exact_way(tmp_path: Path) -> None:
    """9,000 empty cells in the first row made every row 9,009 cells wide for pandas."""
    statement = _read(tmp_path, CASES["a-wide-first-row-of-empty-cells"][0].decode("cp932"))
    assert list(statement.frame["line"]) == [2, 3] and statement.rejected == []


def test_thousands_of_cells_in_a_row(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    wide = row(2).rstrip("\r\n") + "," * 3000 + f'"{SECRET}"\r\n'
    path.write_bytes((HEADER + row(1) + wide + row(3)).encode("cp932"))
    run = cli("scan", path, "-f", "json")
    assert run.code == 3 and SECRET not in run.err + run.out
    (entry,) = json.loads(run.out)["files"]
    assert entry["rows"] == 2
    assert entry["rejected"] == [{"line": 3, "reason": "row has more cells than the header's 9"}]


def test_a_folder_with_no_statement_is_reported(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "downloads"
    empty.mkdir()
    (empty / "readme.md").write_text("no statements here", encoding="utf-8")
    run = cli("scan", empty, GOOD, "-a", "line-pay", "-f", "json")
    check_one_line_error(run, empty, "is a folder with no statement file", None)


def test_a_folder_named_like_a_statement_inside_a_folder_is_skipped(cli: Cli,
                                                                     tmp_path: Path) -> None:
    (tmp_path / "in" / "trap.csv").mkdir(parents=True)
    (tmp_path / "in" / "good.csv").write_bytes(GOOD.read_bytes())
    run = cli("scan", tmp_path / "in", "-a", "line-pay", "-f", "json")
    assert run.code == 1
    assert [Path(f["path"]).name for f in json.loads(run.out)["files"]] == ["good.csv"]


def test_unreadable_file_simulated(cli: Cli, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 does not stop root, so the refusal is simulated where the file is read."""
    import auditor.ingest.statement

    locked = tmp_path / "locked.csv"
    locked.write_bytes(BODY.encode("cp932"))
    real = auditor.ingest.statement.read_regular

    def read_regular(path: Path, limit: int) -> bytes:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, limit)

    monkeypatch.setattr(auditor.ingest.statement, "read_regular", read_regular)
    run = cli("scan", locked, GOOD, "-a", "line-pay", "-f", "json")
    check_one_line_error(run, locked, "cannot open the file (Permission denied)", None)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="running as root: permissions are not enforced")
def test_unreadable_file_for_real(cli: Cli, tmp_path: Path) -> None:
    locked = tmp_path / "locked.csv"
    locked.write_bytes(BODY.encode("cp932"))
    locked.chmod(0)
    try:
        run = cli("scan", locked, GOOD, "-a", "line-pay", "-f", "json")
    finally:
        locked.chmod(0o600)
    check_one_line_error(run, locked, "cannot open the file (Permission denied)", None)


# --- cells that used to break the reader (found by tests/test_invariants.py and probing) ----


def _read(tmp_path: Path, text: str) -> object:
    from auditor.ingest.statement import read_statement

    path = tmp_path / "cells.csv"
    path.write_bytes(text.encode("utf-8"))
    return read_statement(path)


@pytest.mark.parametrize("amount", ["inf", "-inf", "1e400", "1e5", "1.23457E+10",
                                    "99999999999999999999", "9223372036854775808",
                                    "1000000000000000"])
@pytest.mark.parametrize("path", ["fast", "exact"])
def test_amounts_pandas_would_misread_are_rejected(tmp_path: Path, amount: str,
                                                   path: str) -> None:
    """inf and 20-digit numbers came out as ¥-9,223,372,036,854,775,808 (int64 wrapped) with
    a RuntimeWarning on stderr; 1e5 was ¥100,000 on one path and rejected on the other."""
    import warnings

    multi_line = '"2020/9/3","口座振替","ﾔﾏﾀﾞ\r\nﾀﾛｳ","1","","","","",""\r\n'  # exact path
    text = HEADER + row(1, amount=amount) + row(2) + (multi_line if path == "exact" else "")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        statement = _read(tmp_path, text)
    assert statement.rejected == [(2, "amount not a number in column 支払い金額")]
    assert (statement.frame["debit"] >= 0).all() and statement.frame["debit"].max() <= 10_000


def test_a_blank_line_stays_blank_beside_a_number_pandas_gives_up_on(tmp_path: Path) -> None:
    """pandas returned the blank line's empty cells as "" (not NaN) once a number column held
    9223372036854775808: the blank line became a rejected row and the run exit 3."""
    text = HEADER + row(1) + "\r\n" + row(2).replace('"","",', '"","9223372036854775808",', 1)
    statement = _read(tmp_path, text)
    assert list(statement.frame["line"]) == [2, 4] and statement.rejected == []


def test_a_lone_cr_in_the_first_row_loses_no_row(tmp_path: Path) -> None:
    """A quoted lone CR cut the first row's line short, so the table looked narrower than the
    row; pandas then made the row's first cells an index: columns shifted, the next row lost."""
    first = '"2020/9/1","口座振替","ﾄﾞｺﾓｺｳｻﾞ","10,000","","","a\rb","","",""\r\n'
    statement = _read(tmp_path, HEADER + first + row(2))
    assert list(statement.frame["description"]) == ["ﾄﾞｺﾓｺｳｻﾞ", "ﾄﾞｺﾓｺｳｻﾞ"]
    assert list(statement.frame["debit"]) == [10_000, 10_000]
    assert [line for line, _ in statement.rejected] == []


def test_a_line_of_spaces_alone_below_the_header_is_not_dropped(tmp_path: Path) -> None:
    statement = _read(tmp_path, HEADER + "   \r\n")
    assert statement.skipped == [(2, "note line after the table")]


REGRESSIONS = sorted((Path(__file__).resolve().parent.parent / "fuzz" / "regressions").glob("*"))


@pytest.mark.parametrize("path", REGRESSIONS, ids=lambda p: p.name)
def test_inputs_the_fuzzer_crashed_on_now_read_cleanly(path: Path) -> None:
    """Each file in fuzz/regressions once crashed fuzz/fuzz_reader.py (see fuzz/README.md):
    now it reads, or it is refused with a StatementError, and nothing warns."""
    import warnings

    from auditor.detect.audit import audit
    from auditor.errors import StatementError
    from auditor.detect.rules import Context
    from auditor.ingest.statement import ReadOptions, read_statement
    from auditor.detect.wallets import load_catalogue

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            statement = read_statement(path, ReadOptions(year=2020))
        except StatementError:
            return
        audit(statement, Context(load_catalogue(), frozenset()))
    assert (statement.frame["debit"] >= 0).all() and (statement.frame["credit"] >= 0).all()


# --- paths that are not regular files, and files past their limits ---------------------------


def _zero_link(tmp_path: Path, name: str) -> Path:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    return link


def test_a_statement_linked_to_dev_zero_is_refused_unread(cli: Cli, tmp_path: Path) -> None:
    """It grew to 23 GB in a minute: --max-size looked at st_size, which is 0 for a device."""
    link = _zero_link(tmp_path, "zero.csv")
    run = cli("scan", link, GOOD, "-a", "line-pay", "-f", "json")
    check_one_line_error(run, link, "not a regular file (a character device): statements "
                                    "are read from files only", None)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_as_a_statement_is_refused_at_once(cli: Cli, tmp_path: Path) -> None:
    """Reading it hung for ever (nobody ever writes to it)."""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    run = cli("scan", fifo, GOOD, "-a", "line-pay", "-f", "json")
    check_one_line_error(run, fifo, "not a regular file (a FIFO (named pipe))", None)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_folder_scan_lists_what_it_could_not_read(cli: Cli, tmp_path: Path) -> None:
    """A FIFO or a link to a device in a folder was skipped without a word."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    os.mkfifo(folder / "a-pipe.csv")
    _zero_link(folder, "b-zero.csv")
    (folder / "c-gone.csv").symlink_to(folder / "nowhere.csv")
    (folder / "d-good.csv").write_bytes(GOOD.read_bytes())
    (folder / "notes.fifo").symlink_to("/dev/zero")  # not named like a statement: not ours
    run = cli("scan", folder, "-a", "line-pay", "-f", "json")
    assert run.code == 3, run.err
    errors = {Path(f["path"]).name: f["error"] for f in json.loads(run.out)["files"]}
    assert errors == {
        "a-pipe.csv": "not a regular file (a FIFO (named pipe)): statements are read from "
                      "files only",
        "b-zero.csv": "not a regular file (a character device): statements are read from "
                      "files only",
        "c-gone.csv": "cannot open the file (No such file or directory)",
        "d-good.csv": None}
    for name in ("a-pipe.csv", "b-zero.csv", "c-gone.csv"):
        assert f"auditor: {folder / name}: " in run.err


def test_every_command_reads_statements_with_a_size_limit(tmp_path: Path) -> None:
    """identify, report and review had none: only scan passed --max-size on."""
    from auditor.cli.app import read_options
    from auditor.errors import StatementError
    from auditor.ingest.statement import DEFAULT_MAX_BYTES, ReadOptions, read_statement

    assert read_options(None, None, None).max_bytes == DEFAULT_MAX_BYTES == 100_000_000
    big = tmp_path / "big.csv"
    big.write_bytes((HEADER + row(1) * 40).encode("cp932"))
    with pytest.raises(StatementError, match="larger than the 0 MB limit"):
        read_statement(big, ReadOptions(max_bytes=1000))


def test_a_file_that_grows_while_read_is_refused(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.fs.regular import TooLarge, read_regular

    path = tmp_path / "growing.csv"
    path.write_bytes(b"x" * 10)
    real = os.fstat

    def small_fstat(fd: int) -> os.stat_result:  # as if it were 10 bytes when looked at...
        info = real(fd)
        path.write_bytes(b"x" * 5000)  # ... and grew at once
        return info

    monkeypatch.setattr(os, "fstat", small_fstat)
    with pytest.raises(TooLarge):
        read_regular(path, 1000)


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "folder"])
def test_a_config_that_is_not_a_file_is_exit_2(cli: Cli, tmp_path: Path, kind: str) -> None:
    """A config symlinked to /dev/zero was exit 4 (after filling memory)."""
    if kind == "dev-zero":
        config = _zero_link(tmp_path, "config.toml")
        what = "a character device"
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        config = tmp_path / "config.toml"
        os.mkfifo(config)
        what = "a FIFO (named pipe)"
    else:
        config = tmp_path / "config.toml"
        config.mkdir()
        what = "a folder"
    for command in (("scan", GOOD), ("allow",), ("report", GOOD)):
        run = cli(*command, "--config", config)
        assert (run.code, run.out) == (2, ""), (command, run.err)
        assert run.err == f"auditor: {config}: the config is not a regular file ({what})\n"


def test_a_config_of_100000_nested_arrays_is_exit_2(cli: Cli, tmp_path: Path) -> None:
    """tomllib has no depth limit: RecursionError, exit 4."""
    config = tmp_path / "config.toml"
    config.write_text("fail_on = " + "[" * 100_000, encoding="utf-8")
    run = cli("scan", GOOD, "--config", config)
    assert (run.code, run.out) == (2, "")
    assert run.err == (f"auditor: {config}: not valid TOML: arrays or tables nested too "
                       "deeply\n")
    layout = tmp_path / "layout.toml"
    layout.write_text("id = " + "[" * 100_000, encoding="utf-8")
    run = cli("scan", GOOD, "--layout", layout)
    assert run.code == 2 and run.err == (f"auditor: {layout}: not a valid TOML layout "
                                         "(nested too deeply)\n")


def test_a_config_over_its_limit_is_exit_2(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("# padding\n" * 200_000, encoding="utf-8")
    run = cli("scan", GOOD, "--config", config)
    assert run.code == 2 and run.err == (f"auditor: {config}: larger than 1 MB: "
                                         "not an auditor config\n")


def test_layout_and_answers_linked_to_dev_zero_are_exit_2(cli: Cli, tmp_path: Path) -> None:
    layout = _zero_link(tmp_path, "layout.toml")
    run = cli("scan", GOOD, "--layout", layout)
    assert run.code == 2 and run.err == (f"auditor: {layout}: the layout file is not a "
                                         "regular file (a character device)\n")
    answers = _zero_link(tmp_path, "answers.json")
    for command in ("scan", "report", "review"):
        run = cli(command, GOOD, "--answers", answers)
        assert run.code == 2, (command, run.err)
        assert run.err.startswith(f"auditor: {answers}: the answers file is not a regular "
                                  "file (a character device); move it aside")


def test_impossible_dates_are_rejected_by_line_without_a_wrong_hint(cli: Cli,
                                                                    tmp_path: Path) -> None:
    """令和0年 was taken as 2018; 9999/12/31 was told to pass --year, which cannot help."""
    wareki = tmp_path / "wareki.csv"
    wareki.write_bytes(('"年月日（和暦）","お引出し","お預入れ","お取り扱い内容","残高"\r\n'
                        'R02.09.01,1000,,"ﾄﾞｺﾓｺｳｻﾞ",\r\n令和0年9月2日,2000,,"ﾄﾞｺﾓｺｳｻﾞ",\r\n'
                        'H32.01.01,3000,,"ﾄﾞｺﾓｺｳｻﾞ",\r\n').encode("cp932"))
    far = tmp_path / "far.csv"
    far.write_bytes((HEADER + row(1) + '"9999/12/31","口座振替","ﾄﾞｺﾓｺｳｻﾞ","1","","","","",""\r\n'
                     + '"1600/1/1","口座振替","ﾄﾞｺﾓｺｳｻﾞ","1","","","","",""\r\n').encode("cp932"))
    run = cli("scan", wareki, far, "-f", "json")
    assert run.code == 3 and "--year" not in run.err
    files = {Path(f["path"]).name: f for f in json.loads(run.out)["files"]}
    assert files["wareki.csv"]["rows"] == 1
    assert files["wareki.csv"]["rejected"] == [
        {"line": 3, "reason": "date not recognised in column 年月日（和暦）"},
        {"line": 4, "reason": "date not recognised in column 年月日（和暦）"}]
    assert files["far.csv"]["rows"] == 1
    assert files["far.csv"]["rejected"] == [
        {"line": 3, "reason": "year out of range (1678 to 2261) in column 日付"},
        {"line": 4, "reason": "year out of range (1678 to 2261) in column 日付"}]


def test_a_year_option_out_of_range_is_a_usage_error(cli: Cli) -> None:
    run = cli("scan", GOOD, "--year", "9999")
    assert (run.code, run.out) == (2, "")
    assert run.err == "auditor: --year must be between 1678 and 2261\n"


# --- rows in another encoding than the rest of the file ----------------------------------------


MIXED = {
    # name: (file bytes, line rejected, reason, encoding of the file)
    "cp932-with-a-utf8-row": (HEADER.encode("cp932") + row(1).encode("cp932")
                              + row(2, "ドコモコウザ", "2,000").encode("utf-8")
                              + row(3).encode("cp932"), 3,
                              "this row is UTF-8 text, the rest of the file CP932", "cp932"),
    "cp932-with-a-halfwidth-utf8-row": (HEADER.encode("cp932") + row(1).encode("cp932")
                                        + row(2).encode("utf-8") + row(3).encode("cp932"), 3,
                                        "this row is UTF-8 text, the rest of the file CP932",
                                        "cp932"),
    "utf8-with-a-cp932-row": (HEADER.encode("utf-8") + row(1).encode("utf-8")
                              + row(2).encode("cp932") + row(3).encode("utf-8"), 3,
                              "this row is CP932 (Shift_JIS) text, the rest of the file UTF-8",
                              "utf-8"),
    "utf8-bom-with-a-cp932-row": (b"\xef\xbb\xbf" + HEADER.encode("utf-8") + row(1).encode("utf-8")
                                  + row(2).encode("cp932"), 3,
                                  "this row is CP932 (Shift_JIS) text, the rest of the file UTF-8",
                                  "utf-8-sig"),
    "cp932-with-an-undecodable-row": ((BODY.encode("cp932") + b"\x85\x40\xeb\x40\r\n"
                                       + row(4).encode("cp932")), 4,
                                      "this row does not decode as CP932 like the rest of the "
                                      "file", "cp932"),
    "cr-only-undecodable": (BODY.replace("\r\n", "\r").encode("cp932") + b"\x85\x40\xeb\x40\r", 4,
                            "this row does not decode as CP932 like the rest of the file",
                            "cp932"),
}


@pytest.mark.parametrize("name", list(MIXED))
def test_a_row_in_another_encoding_is_rejected_by_line(cli: Cli, tmp_path: Path,
                                                       name: str) -> None:
    """A CP932 file with one UTF-8 row was read as mojibake without a note, and its ¥2,000
    ドコモ口座 top-up was missed; other mixes refused the whole file."""
    raw, line, reason, encoding = MIXED[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(raw)
    run = cli("scan", path, "-f", "json")
    assert run.code == 3, run.err
    (entry,) = json.loads(run.out)["files"]
    assert entry["error"] is None and entry["encoding"] == encoding
    assert entry["rejected"] == [{"line": line, "reason": reason}]
    assert [n for n in entry["notes"] if n.startswith("the file mixes encodings: line(s) "
                                                      f"{line} ")], entry["notes"]
    assert all("ﾄﾞｺﾓｺｳｻﾞ" == f["description"] for f in json.loads(run.out)["findings"])
    assert f"auditor: {shown(path)}: line {line}: row rejected: {reason}" in run.err
    assert SECRET not in run.err


def test_a_wrong_encoding_option_with_one_odd_row_rejects_that_row(cli: Cli,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "sjis.csv"
    path.write_bytes(HEADER.encode("cp932") + row(1).encode("cp932") + b"\x85\x40\r\n"
                     + row(3).encode("cp932"))
    run = cli("scan", path, "--encoding", "cp932", "-f", "json")
    (entry,) = json.loads(run.out)["files"]
    assert run.code == 3 and entry["rows"] == 2
    assert entry["rejected"] == [{"line": 3, "reason": "this row does not decode as CP932 like "
                                                       "the rest of the file"}]


def test_half_width_katakana_that_happen_to_be_utf8_are_not_a_mix(tmp_path: Path) -> None:
    """ﾐｼﾞｶ in CP932 (D0 BC DE B6) is valid UTF-8 by chance: Cyrillic and Thaana, not text."""
    from auditor.ingest.statement import read_statement

    path = tmp_path / "mijica.csv"
    rows = [row(day, text) for day, text in enumerate(["ﾐｼﾞｶ", "ﾃｨ", "ﾐｼﾞｶ ﾁｬｰｼﾞ"], start=1)]
    path.write_bytes((HEADER + "".join(rows)).encode("cp932"))
    statement = read_statement(path)
    assert statement.rejected == [] and statement.encoding == "cp932"
    assert list(statement.frame["description"]) == ["ﾐｼﾞｶ", "ﾃｨ", "ﾐｼﾞｶ ﾁｬｰｼﾞ"]
