"""--help in the reader's language: --lang on the command line, else the locale."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from auditor.wording import WORDS

# Every command's --help (the root and the state group take no --lang), and its own words.
COMMANDS = {"": "help.app", "scan": "help.scan", "identify": "help.identify",
            "allow": "help.allow", "wallets": "help.wallets", "rules": "help.rules",
            "review": "help.review", "report": "help.report", "state": "help.state",
            "state show": "help.state.show", "state forget": "help.state.forget"}
TAKES_LANG = [name for name in COMMANDS if name not in ("", "wallets", "state")]
KANA = re.compile(r"[\u3040-\u30ff]")
OPTION = re.compile(r"(?<![\w-])--?[a-z][\w-]*")


def _help(command: str, *extra: str, lang: str = "C.UTF-8") -> str:
    env = {**os.environ, "LANG": lang, "COLUMNS": "100"}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    done = subprocess.run([sys.executable, "-m", "auditor", *command.split(), *extra, "--help"],
                          capture_output=True, text=True, env=env, check=False, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return done.stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def _options(text: str) -> list[str]:
    """The option names of the help's first column, in order."""
    return [m.group() for line in text.splitlines() if line.startswith("  -")
            for m in OPTION.finditer(line.split("  ")[1])]


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    return {command: _help(command) for command in COMMANDS}


def test_the_english_help_says_every_english_text_word_for_word(english: dict[str, str]) -> None:
    said = " ".join(_flat(text) for text in english.values())
    assert [key for key, text in WORDS["en"].items()
            if key.startswith("help.") and _flat(text) not in said] == []
    for command, key in COMMANDS.items():
        assert _flat(WORDS["en"][key]) in _flat(english[command])
        if command:  # only the root's line carries its Japanese too
            assert not KANA.search(english[command]), command


@pytest.mark.parametrize("command", TAKES_LANG)
def test_lang_ja_gives_japanese_help_with_the_options_intact(
        command: str, english: dict[str, str]) -> None:
    text = _help(command, "--lang", "ja")
    assert _flat(WORDS["ja"][COMMANDS[command]]) in _flat(text)
    assert _options(text) == _options(english[command]) != []
    assert "--lang" in _options(text)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_japanese_locale_gives_japanese_help(command: str, english: dict[str, str]) -> None:
    text = _help(command, lang="ja_JP.UTF-8")
    assert _flat(WORDS["ja"][COMMANDS[command]]) in _flat(text) and KANA.search(text)
    assert _options(text) == _options(english[command]) != []
    assert text.splitlines()[0] == english[command].splitlines()[0]  # Usage: ... as it was


def test_lang_en_on_the_command_line_wins_over_a_japanese_locale(
        english: dict[str, str]) -> None:
    assert _help("scan", "--lang=en", lang="ja_JP.UTF-8") == english["scan"]
    assert _help("report", "--lang", "en", lang="ja_JP.UTF-8") == english["report"]


def test_an_unknown_lang_leaves_the_help_to_the_locale() -> None:
    assert KANA.search(_help("scan", "--lang", "fr", lang="ja_JP.UTF-8"))
    assert not KANA.search(_help("scan", "--lang", "fr"))
