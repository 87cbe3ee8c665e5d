"""--help in the reader's language: --lang on the command line, else the locale."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.cli.wide import columns, wide_wrapper
from auditor.wording import WORDS

try:  # the text wrapper --help uses: Typer's own copy of click, or click
    from typer._click._textwrap import TextWrapper
except ImportError:  # pragma: no cover
    from click._textwrap import TextWrapper  # type: ignore[no-redef]

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


def _bare(text: str) -> str:
    """Japanese is wrapped between any two letters: compare it without the breaks."""
    return "".join(text.split())


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
    assert _bare(WORDS["ja"][COMMANDS[command]]) in _bare(text)
    assert _options(text) == _options(english[command]) != []
    assert "--lang" in _options(text)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_japanese_locale_gives_japanese_help(command: str, english: dict[str, str]) -> None:
    text = _help(command, lang="ja_JP.UTF-8")
    assert _bare(WORDS["ja"][COMMANDS[command]]) in _bare(text) and KANA.search(text)
    assert _options(text) == _options(english[command]) != []
    # The usage line as it was, but for its own word.
    assert text.splitlines()[0] == english[command].splitlines()[0].replace("Usage:", "使い方:")


def test_lang_en_on_the_command_line_wins_over_a_japanese_locale(
        english: dict[str, str]) -> None:
    assert _help("scan", "--lang=en", lang="ja_JP.UTF-8") == english["scan"]
    assert _help("report", "--lang", "en", lang="ja_JP.UTF-8") == english["report"]


def test_an_unknown_lang_leaves_the_help_to_the_locale() -> None:
    assert KANA.search(_help("scan", "--lang", "fr", lang="ja_JP.UTF-8"))
    assert not KANA.search(_help("scan", "--lang", "fr"))


def test_japanese_help_fits_the_terminal_and_breaks_lines_as_japanese_does() -> None:
    for command in COMMANDS:
        for line in _help(command, lang="ja_JP.UTF-8").splitlines():
            assert columns(line) <= 78, line  # click's widest, under COLUMNS=100
            assert not re.match(r"\s*[、。）」:]", line), line


@given(st.lists(st.text("abcxyz", min_size=1, max_size=12), min_size=1, max_size=30),
       st.integers(12, 60))
def test_the_wide_wrapper_wraps_plain_words_as_click_does(words: list[str], width: int) -> None:
    text = " ".join(words)
    assert wide_wrapper(TextWrapper)(width).fill(text) == TextWrapper(width).fill(text)


def test_the_wide_wrapper_counts_a_japanese_letter_as_two_columns() -> None:
    wrapped = wide_wrapper(TextWrapper)(20, subsequent_indent="  ").wrap(
        "明細を調べ、身に覚えのない出金（--since 90d）を一覧にします。")
    assert wrapped == ["明細を調べ、身に覚え", "  のない出金", "  （--since 90d）を", "  一覧にします。"]
    assert all(columns(line) <= 20 for line in wrapped)
    assert not any(line.strip().startswith(("、", "。", "）")) for line in wrapped)


@pytest.mark.parametrize("lang", ["C.UTF-8", "ja_JP.UTF-8"])
def test_help_in_either_language_imports_no_pandas(lang: str) -> None:
    code = ("import sys\nfrom auditor.cli import main\nsys.argv = ['auditor', 'scan', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('pandas' in sys.modules, file=sys.stderr)")
    env = {**os.environ, "LANG": lang}
    env.pop("LC_ALL", None)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          check=False, encoding="utf-8")
    assert "--since" in done.stdout and done.stderr.strip() == "False"
