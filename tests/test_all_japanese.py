"""Under --lang ja (or a Japanese locale) every command speaks Japanese: its output, its
listings' headers, its --help and Click's usage errors; --lang goes before or after the command."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, Run

Cli = Callable[..., Run]
MIZUHO = SAMPLES / "mizuho.csv"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# What may stay in Latin letters in Japanese text: the tool's codes, not words for a reader
# (formats, choices, an argument's name, the answer keys).
CODES = {"auditor", "ja", "en", "ID", "CSV", "TOML", "JSON", "HTML", "Markdown", "BOM", "UTF",
         "Excel", "MB", "CPU", "cron", "cp", "table", "json", "csv", "md", "html", "low",
         "medium", "high", "none", "wallet", "d", "w", "m", "y", "x", "s", "n", "N", "A",
         "dask", "Dask", "Parquet", "parquet", "jsonl"}
COMMANDS = ["scan", "identify", "allow", "wallets", "rules", "review", "report", "state",
            "state show", "state forget"]
_NOT_WORDS = re.compile(
    r"`[^`]*`"  # a command line quoted
    r"|'[^']*'"  # what was typed, quoted back
    r"|<[^>]*>|\{[^}]*\}|\[[A-Z]+\]|\b(?:COMMAND|ARGS)\b"  # metavars
    r"|(?<![\w-])--?[a-z][\w-]*"  # option names
    r"|\S*[./$~_]\S*"  # paths, file names, environment variables
    r"|\b[a-z]+(?:-[a-z]+)+\b"  # ids and answers: docomo-koza, not-mine
    r"|\b\d+[dwmy]\b")  # spans: 90d, 12w


def leaked(text: str) -> list[str]:
    """The English words left in text once codes, ids, options and file names are taken out."""
    commands = {word for command in COMMANDS for word in command.split()}
    return sorted({word for word in re.findall(r"[A-Za-z]+", _NOT_WORDS.sub(" ", text))
                   if word not in CODES | commands})


# --- every command: --lang ja accepted, after the command and before it ----------------


def _args(command: str, tmp_path: Path) -> list[str]:
    files = {"scan": [str(MIZUHO), "-a", "line-pay"], "identify": [str(MIZUHO)],
             "review": [str(MIZUHO), "--yes"], "state forget": ["--yes"],
             "report": [str(MIZUHO), "-o", str(tmp_path / "draft.md")]}
    return files.get(command, ["show"] if command == "state" else [])


@pytest.mark.parametrize("where", ["after", "before", "locale"])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_takes_lang_ja_and_speaks_japanese(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str,
        where: str) -> None:
    words = command.split()
    if where == "after":
        run = cli(*words, *_args(command, tmp_path), "--lang", "ja")
    elif where == "before":
        run = cli("--lang", "ja", *words, *_args(command, tmp_path))
    else:  # no --lang at all: the locale's language
        monkeypatch.setenv("LANG", "ja_JP.UTF-8")
        run = cli(*words, *_args(command, tmp_path))
    assert run.code in (0, 1), run.err  # 1: the scan found something
    assert JAPANESE.search(run.out + run.err), (command, run.out, run.err)


def test_a_command_s_own_lang_wins_over_the_one_before_it(cli: Cli) -> None:
    run = cli("--lang", "ja", "rules", "--lang", "en")
    assert "Several debits to one wallet" in run.out and not JAPANESE.search(run.out.split("\n", 1)[1])


def test_an_unknown_lang_before_the_command_is_exit_2(cli: Cli) -> None:
    run = cli("--lang", "fr", "rules")
    assert run.code == 2 and "--lang" in run.err


def _headers(text: str) -> str:
    """A listing's title and header row, where its words are."""
    lines = text.splitlines()
    return "\n".join(lines[:1] + [line for line in lines if "┃" in line])


@pytest.mark.parametrize("command", [["rules"], ["wallets"], ["identify", str(MIZUHO)],
                                     ["state", "show"]])
def test_listings_have_japanese_headers_and_cells(cli: Cli, command: list[str],
                                                  tmp_path: Path) -> None:
    if command[0] == "state":  # something to list: one --new-only scan first
        cli("scan", MIZUHO, "--new-only", "-q")
    run = cli(*command, "--lang", "ja")
    assert run.code == 0 and JAPANESE.search(_headers(run.out))
    assert leaked(_headers(run.out)) == []
    if command == ["rules"]:
        assert leaked(run.out) == []  # the severities and titles too
    if command == ["wallets"]:
        assert "決済サービス" in run.out and "証券会社" in run.out and "wallet " not in run.out


def test_json_listings_keep_their_english_for_programs(cli: Cli) -> None:
    data = json.loads(cli("rules", "--lang", "ja", "-f", "json").out)
    assert data["rules"][0]["severity"] in ("low", "medium", "high")


# --- --help and Click's usage errors: one process, as a Japanese run is ---------------

# Each run of main() in one process whose command line, when the CLI was imported, asked for
# Japanese (Typer takes its help texts then); `locale` runs it under LANG=ja_JP.UTF-8 instead.
_SCRIPT = textwrap.dedent("""
    import contextlib, io, json, sys
    sys.argv = ["auditor", *json.loads(sys.argv[1])]
    from auditor.cli import main
    said = []
    for args in json.loads(sys.stdin.read()):
        sys.argv = ["auditor", *args]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
                code = 0
            except SystemExit as done:
                code = done.code
        said.append([code, out.getvalue(), err.getvalue()])
    print(json.dumps(said))
""")
# Usage errors of each kind Click has: a missing argument, an unknown option, a bad choice,
# a number that is not one, a value out of range, a missing value, an extra argument, a
# misspelt command.
ERRORS = [["scan"], ["scan", "x.csv", "--bogus"], ["scan", "x.csv", "-f", "xml"],
          ["state", "show", "-n", "many"], ["review", "x.csv", "--change", "0"],
          ["scan", "x.csv", "--output"], ["rules", "x.csv"], ["scna"]]


def _runs(runs: list[list[str]], lang: str, before: list[str]) -> list[tuple[int, str, str]]:
    env = {**os.environ, "LANG": lang, "COLUMNS": "100"}
    for name in ("LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    done = subprocess.run([sys.executable, "-c", _SCRIPT, json.dumps(before)],
                          input=json.dumps(runs), capture_output=True, text=True, env=env,
                          check=True, encoding="utf-8")
    return [tuple(run) for run in json.loads(done.stdout)]  # type: ignore[misc]


@pytest.fixture(scope="module", params=["--lang", "locale"])
def japanese(request: pytest.FixtureRequest) -> list[tuple[int, str, str]]:
    helps = [[*command.split(), "--help"] for command in ["", *COMMANDS]]
    if request.param == "locale":
        return _runs(helps + ERRORS, "ja_JP.UTF-8", [])
    return _runs([["--lang", "ja", *run] for run in helps + ERRORS], "C.UTF-8",
                 ["--lang", "ja"])


def test_every_help_is_japanese_to_the_last_word(japanese: list[tuple[int, str, str]]) -> None:
    helps = japanese[:len(COMMANDS) + 1]
    assert [code for code, _, _ in helps] == [0] * len(helps)
    for _, out, _ in helps:
        assert out.startswith("使い方: auditor") and "オプション:" in out
        assert "このヘルプを表示して終了します。" in out
        assert leaked(out) == [], out
    assert "コマンド:" in helps[0][1] and "引数:" in helps[1][1] and "[必須]" in helps[1][1]
    assert "今のシェルにコマンドの補完を設定します。" in helps[0][1]


def test_click_s_usage_errors_are_japanese_and_exit_2(
        japanese: list[tuple[int, str, str]]) -> None:
    errors = japanese[len(COMMANDS) + 1:]
    assert [code for code, _, _ in errors] == [2] * len(ERRORS)
    for (_, out, err), args in zip(errors, ERRORS):
        assert out == "" and "エラー: " in err and "Error" not in err, err
        assert leaked(err) == [], err
    said = [err for _, _, err in errors]
    assert "'auditor scan --help' でヘルプを表示できます。" in said[0]
    assert "引数 'files'を指定してください。" in said[0]
    assert "そのオプションはありません: --bogus" in said[1]
    assert "'xml' は 'table', 'json', 'csv', 'jsonl', 'parquet' のどれでもありません。" in said[2]
    assert "'many' は整数として読めません。" in said[3]
    assert "0 は範囲 x>=1 の外です。" in said[4]
    assert "には値が必要です" in said[5] and "余分な引数があります（x.csv）" in said[6]
    assert "'scna' というコマンドはありません。" in said[7] and "'scan'" in said[7]


@pytest.mark.skipif(shutil.which("bash") is None or not (Path(sys.executable).parent
                                                          / "auditor").exists(),
                    reason="bash and the installed auditor script")
def test_install_completion_says_what_it_did_in_japanese(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "auditor"
    env = {**os.environ, "HOME": str(tmp_path), "LANG": "ja_JP.UTF-8"}
    env.pop("LC_ALL", None)
    done = subprocess.run(["bash", "-c", f"'{script}' --install-completion"], env=env,
                          capture_output=True, text=True, check=False, cwd=tmp_path,
                          encoding="utf-8")
    assert done.returncode == 0, done.stderr
    path = tmp_path / ".bash_completions" / "auditor.sh"
    assert done.stdout.splitlines() == [f"bashの補完を{path}に設定しました",
                                        "補完は端末を開き直すと使えるようになります"]
    assert "_AUDITOR_COMPLETE=complete_bash" in path.read_text(encoding="utf-8")
