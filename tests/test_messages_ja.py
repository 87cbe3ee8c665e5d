"""Every message in the reader's language: errors, notes, rejected rows and confirmations.

Under --lang ja (or a Japanese locale) each is Japanese, one line, names its file (and line),
and the run ends with the exit code it has in English; JSON stays English for programs.
"""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import auditor
from auditor.errors import AuditorError
from tests.conftest import SAMPLES, Run
from tests.test_broken_input import ANY_LINE, CASES, GOOD, HEADER, SECRET, row, shown

Cli = Callable[..., Run]
JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
SOURCE = Path(auditor.__file__).parent


def _japanese(text: str) -> bool:
    return JAPANESE.search(text) is not None


# --- every error is raised with what was said ------------------------------------------


def _error_names() -> set[str]:
    for info in pkgutil.walk_packages([str(SOURCE)], "auditor."):
        if not info.name.endswith("__main__"):  # that one runs the command line
            importlib.import_module(info.name)
    names, todo = set(), [AuditorError]
    while todo:
        kind = todo.pop()
        names.add(kind.__name__)
        todo.extend(kind.__subclasses__())
    return names | {"_unusable", "not_ours"}  # the helpers that build them


def test_no_error_for_a_person_is_raised_as_a_finished_string() -> None:
    """Each is raised with what was said, so the reader's language can say it."""
    names, finished = _error_names(), []
    for path in SOURCE.rglob("*.py"):
        # The catalogue's and the account number's ValueErrors are read by people too.
        people = names | ({"ValueError"} if path.name in ("wallets.py", "claim.py") else set())
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in people
                    and any(isinstance(a, ast.JoinedStr) or (isinstance(a, ast.Constant)
                            and isinstance(a.value, str)) for a in node.args)):
                finished.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    assert finished == []


# --- a statement that cannot be read ----------------------------------------------------


def _file_lines(run: Run, path: Path) -> list[str]:
    return [m for m in run.err.splitlines() if m.startswith(f"auditor: {shown(path)}: ")]


@pytest.mark.parametrize("name", [n for n in CASES if CASES[n][1] and n != "10-mb-field"])
def test_a_broken_file_is_one_japanese_line_naming_file_and_line(cli: Cli, tmp_path: Path,
                                                                  name: str) -> None:
    raw, _, line = CASES[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(raw)
    run = cli("scan", path, GOOD, "-a", "line-pay", "-f", "json", "--lang", "ja")
    assert run.code == 3, run.err  # as in English (test_broken_input)
    (entry,) = [f for f in json.loads(run.out)["files"] if f["path"] == shown(path)]
    assert not _japanese(entry["error"])  # JSON stays English for programs
    (message,) = _file_lines(run, path)
    said = message.removeprefix(f"auditor: {shown(path)}: ")
    assert _japanese(said) and said != entry["error"] and SECRET not in run.err
    if line == ANY_LINE:
        assert re.match(r"\d+行目: ", said), said
    elif line is not None:
        assert said.startswith(f"{line}行目: "), said


def test_a_folder_of_broken_files_read_by_workers_is_said_in_japanese(cli: Cli,
                                                                       tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, (raw, says, _) in CASES.items():
        if says and name != "10-mb-field":
            (folder / f"{name}.csv").write_bytes(raw)
    run = cli("scan", folder, "-f", "json", "-j", "2", "--lang", "ja")
    assert run.code == 3
    lines = [m for m in run.err.splitlines() if m.startswith(f"auditor: {shown(folder)}")]
    assert len(lines) == len(list(folder.iterdir()))
    assert all(_japanese(m.split(": ", 2)[2]) for m in lines), lines


def test_rejected_rows_and_notes_are_said_in_japanese_and_json_stays_english(
        cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    bad_date = f'"2020/13/45","口座振替","{SECRET}","1,000","","","","",""\r\n'
    path.write_bytes((HEADER + row(1) + bad_date + row(2, amount="十円")).encode("cp932"))
    english, japanese = cli("scan", path, "-f", "json"), cli("scan", path, "-f", "json",
                                                            "--lang", "ja")
    assert english.code == japanese.code == 3
    assert json.loads(english.out)["files"] == json.loads(japanese.out)["files"]
    messages = _file_lines(japanese, path)
    assert messages[0].endswith("3行目: この行は読み込みませんでした（「日付」列の日付が読み取れません）")
    assert messages[1].endswith(
        "4行目: この行は読み込みませんでした（「支払い金額」列の金額が数値ではありません）")
    assert SECRET not in japanese.err and "十円" not in japanese.err


def test_a_statement_of_an_unknown_bank_says_so_in_japanese(
        cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    generic = SAMPLES / "generic_77.csv"
    run = cli("scan", generic, "--lang", "ja")
    (note,) = [m for m in run.err.splitlines() if "お知らせ: " in m]
    assert "汎用の形式で読み込みました" in note
    (entry,) = json.loads(cli("identify", generic, "-f", "json", "--lang", "ja").out)["files"]
    assert entry["bank"] == "unknown bank" and entry["notes"][0].startswith("unknown bank: ")
    monkeypatch.setenv("COLUMNS", "300")  # the table on one line a row
    assert "generic (不明な銀行)" in cli("identify", generic, "--lang", "ja").out


# --- the commands' own errors -----------------------------------------------------------


REFUSALS = ("add and remove", "answers", "bad config", "before", "config folder", "encoding",
            "layout", "output", "report over a statement", "since", "state", "state missing",
            "unknown wallet", "year")


def _setups(tmp_path: Path) -> dict[str, tuple[list[str | Path], str]]:
    """Each refusal: the command, and the path (or option) its message must name."""
    broken = tmp_path / "broken.toml"
    broken.write_text("allow = [\n", encoding="utf-8")
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    layout = tmp_path / "layout.toml"
    layout.write_text('id = "mine"\nbank = "x"\n', encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text("{", encoding="utf-8")
    state = tmp_path / "state.sqlite3"
    state.write_bytes(b"not a database at all" * 10)
    statement = tmp_path / "statement.csv"
    statement.write_bytes(GOOD.read_bytes())
    return {
        "bad config": (["scan", GOOD, "--config", broken], str(broken)),
        "config folder": (["allow", "--config", folder], str(folder)),
        "year": (["scan", GOOD, "--year", "1000"], "--year"),
        "encoding": (["scan", GOOD, "--encoding", "no-such-codec"], "--encoding"),
        "since": (["scan", GOOD, "--since", "someday"], "--since"),
        "layout": (["scan", GOOD, "--layout", layout], str(layout)),
        "output": (["scan", GOOD, "-o", tmp_path / "no" / "such" / "out.json"], "out.json"),
        "answers": (["scan", GOOD, "--answers", answers], str(answers)),
        "state": (["scan", GOOD, "--new-only", "--state", state], str(state)),
        "state missing": (["state", "show", "--state", tmp_path / "none.db"], "none.db"),
        "before": (["state", "forget", "--before", "someday"], "--before"),
        "unknown wallet": (["allow", "no-such-wallet"], "'no-such-wallet'"),
        "add and remove": (["allow", "paypay", "--remove", "docomo"], "--remove"),
        "report over a statement": (["report", statement, "-o", statement, "--force"],
                                    str(statement)),
    }


@pytest.mark.parametrize("case", REFUSALS)
def test_a_refusal_is_one_japanese_line_with_the_english_exit_code(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    setups = _setups(tmp_path)
    assert sorted(setups) == list(REFUSALS)
    args, named = setups[case]
    english = cli(*args)
    japanese = cli(*args, "--lang", "ja")
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    by_locale = cli(*args)
    assert english.code == japanese.code == by_locale.code == 2, (english.err, japanese.err)
    assert not _japanese(english.err)
    assert japanese.err == by_locale.err and japanese.err.count("\n") == 1
    assert japanese.err.startswith("auditor: ") and _japanese(japanese.err), japanese.err
    assert named in japanese.err and named in english.err


def test_a_bad_lang_is_refused_in_the_locale_language(cli: Cli,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("scan", GOOD, "--lang", "fr").err == "auditor: --lang must be one of ja, en\n"
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    run = cli("scan", GOOD, "--lang", "fr")
    assert run.code == 2 and run.err == "auditor: --lang には ja, en のいずれかを指定してください\n"


def test_the_config_language_says_a_later_refusal(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('lang = "ja"\n', encoding="utf-8")
    run = cli("scan", GOOD, "--config", config, "--year", "1000")
    assert run.code == 2 and _japanese(run.err)
    run = cli("scan", GOOD, "--config", config, "--lang", "en", "--year", "1000")
    assert run.err == "auditor: --year must be between 1678 and 2261\n"


# --- confirmations ------------------------------------------------------------------


def test_allow_confirms_and_lists_in_japanese(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    run = cli("allow", "paypay", "--until", "2999-12-31", "--config", config, "--lang", "ja")
    assert run.code == 0 and run.err == f"paypay を {config} に追加しました\n"
    listed = cli("allow", "--config", config, "--lang", "ja")
    assert listed.out == "paypay  2999-12-31まで\n"
    assert cli("allow", "--config", config).out == "paypay  until 2999-12-31\n"
    run = cli("allow", "--remove", "paypay", "--config", config, "--lang", "ja")
    assert run.code == 0 and run.err == f"paypay を {config} から削除しました\n"


def test_state_confirms_and_shows_in_japanese(cli: Cli) -> None:
    from auditor.store.state import default_state_path

    state = str(default_state_path())
    run = cli("state", "forget", "--yes", "--lang", "ja")
    assert run.code == 0 and run.err == f"消した記録は0件です（{state} に記録データベースはまだありません）\n"
    assert cli("scan", GOOD, "-a", "line-pay", "--new-only", "-q").code == 1
    shown_ja = cli("state", "show", "--lang", "ja")
    assert shown_ja.code == 0 and re.search(rf"{re.escape(state)}: 記録\d+件（報告日 ", shown_ja.out)
    assert "最近の記録" in shown_ja.out and "重要度別" in shown_ja.out
    run = cli("state", "forget", "--yes", "--lang", "ja")
    assert re.fullmatch(rf"{re.escape(state)} から記録\d+件を消しました\n", run.err), run.err


def test_an_ended_allow_entry_is_noted_in_japanese(cli: Cli, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[[allow]]\nwallet = "paypay"\nuntil = 2001-01-01\n', encoding="utf-8")
    run = cli("scan", GOOD, "--config", config, "--lang", "ja")
    assert "auditor: お知らせ: paypay の許可は 2001-01-01 で期限が切れたため" in run.err
