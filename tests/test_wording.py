"""The wording modules: both languages have every key, and every key is used and usable.

Every area (auditor.wording.AREAS) is checked: the table words, the reading errors, the
notes, the stores, the catalogue and the commands' messages."""

from __future__ import annotations

import ast
import json
import pickle
import re
from datetime import datetime
from pathlib import Path
from string import Formatter

import pytest

from auditor.detect.rules import wallet_like
from auditor.errors import StatementError, UsageError
from auditor.wording import AREAS, WORDS, Bi, Said, both, in_lang, say

SOURCE = Path(__file__).resolve().parent.parent / "auditor"
# Keys looked up as a prefix plus a word the caller names: i18n.word("date") is label.date,
# the report's word/say/flat("title") is report.title, the review's say("mine") is
# review.mine, and a bank's channel marker names its rule.wallet-like.shape.<marker>.
PREFIXES = ("label.", "report.", "review.", "rule.wallet-like.shape.")
# Built from an answer's value: label.answer_<value> and review.<value>.
ANSWERS = ("mine", "not-mine", "not-sure")
# Every key of every area, in English (the Japanese has the same: see the parity tests).
ALL = WORDS["en"]
# What a whole key looks like where the code names one (a prefix ends in "." and is no key):
# a key's first part, then its name.
_HEADS = sorted({key.split(".")[0] for key in ALL if "." in key})
KEY = re.compile(rf"(?:{'|'.join(_HEADS)})\.[\w.-]*[\w-]|suggestion")
# The files the tool keeps are named like keys, and are none.
FILE_NAMES = {"answers.json", "config.toml", "secret.key", "state.sqlite3"}


def _fields(template: str) -> dict[str, str]:
    return {name: spec for _, name, spec, _ in Formatter().parse(template) if name is not None}


def _files() -> list[Path]:
    return [p for p in SOURCE.rglob("*.py") if "wording" not in p.parts]


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in _files())


def _strings() -> list[str]:
    """Every string constant in the code, wherever it stands (a call, a tuple, a condition)."""
    return [node.value for p in _files() for node in ast.walk(ast.parse(p.read_text("utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


@pytest.mark.parametrize("area", sorted(AREAS))
def test_both_languages_have_the_same_keys(area: str) -> None:
    en, ja = AREAS[area]
    assert set(en.WORDS) == set(ja.WORDS)
    assert list(en.WORDS) == list(ja.WORDS)  # the same order, so the two files read alike


def test_no_key_is_in_two_areas() -> None:
    # A key in two areas would have one of its texts silently lost in WORDS.
    assert sum(len(en.WORDS) for en, _ in AREAS.values()) == len(ALL) == len(WORDS["ja"])


@pytest.mark.parametrize("area", sorted(AREAS))
def test_every_area_module_is_small(area: str) -> None:
    for module in AREAS[area]:
        assert len(Path(module.__file__ or "").read_text("utf-8").splitlines()) <= 250


@pytest.mark.parametrize("key", sorted(ALL))
def test_both_languages_take_the_same_values(key: str) -> None:
    assert _fields(WORDS["en"][key]) == _fields(WORDS["ja"][key]), key


@pytest.mark.parametrize("key", sorted(ALL))
def test_every_template_fills_in(key: str) -> None:
    def dummy(spec: str) -> object:
        return datetime(2020, 9, 1, 2, 3, 4) if "%" in spec else 12.0 if "f" in spec else "x"

    for lang in ("en", "ja"):
        values = {name: dummy(spec) for name, spec in _fields(WORDS[lang][key]).items()}
        text = say(key, lang, **values)
        assert "{" not in text and "}" not in text


def test_every_key_is_used() -> None:
    source = _source()
    unused = []
    for key in ALL:
        if f'"{key}"' in source or f"'{key}'" in source:
            continue
        word = next((key[len(p):] for p in PREFIXES if key.startswith(p)), None)
        built = key.removeprefix("label.answer_").removeprefix("review.") in ANSWERS
        named = word is not None and any(f"{q}{word}{q}" in source for q in "\"'")
        if built or named or (word is not None and f".{word}" in source):
            continue
        unused.append(key)
    assert unused == []


def test_every_key_named_in_the_code_exists() -> None:
    full = [text for text in _strings() if KEY.fullmatch(text) and text not in FILE_NAMES]
    assert full and [key for key in full if key not in ALL] == []
    source = _source()
    looked_up = re.findall(r'\b(?:both|say|template|Said)\(\s*["\']([\w.-]+)["\']\s*[,)]',
                           source)
    assert [key for key in looked_up if key not in ALL
            and not any(p + key in ALL for p in PREFIXES)] == []
    short = re.findall(r'\b(?:word|flat|say)\(["\']([\w-]+)["\']', source)
    known = [w for w in short if w in ALL or any(p + w in ALL for p in PREFIXES)
             or any(key.startswith(f"label.{w}") for key in ALL if w.endswith("_"))]
    assert short and known == short


def test_a_value_in_two_languages_goes_in_as_each() -> None:
    reason = both("rule.first-seen", wallet=Bi("docomo Koza", "ドコモ口座"), quiet=40,
                  since="2020-08-01")
    assert reason.en == "first debit ever to docomo Koza in 40 days of history (since 2020-08-01)"
    assert reason.ja == "2020-08-01以降40日間の履歴で初めてのドコモ口座への出金です"


def test_every_channel_marker_has_its_words() -> None:
    assert [m for m in sorted(wallet_like._MARKERS)
            if f"rule.wallet-like.shape.{m}" not in ALL] == []


def test_a_said_sentence_is_its_english_text_and_says_itself_in_japanese() -> None:
    said = Said("read.line", line=3, message=Said("read.empty"))
    assert said == "line 3: the file is empty" and str(said) == said
    assert said.text("ja") == "3行目: ファイルが空です"
    assert in_lang(said, "ja") == said.text("ja") and in_lang("plain", "ja") == "plain"
    assert json.dumps({"error": said}) == '{"error": "line 3: the file is empty"}'


def test_a_said_sentence_crosses_processes_as_what_was_said() -> None:
    said = Said("cli.expired", wallet=Bi("docomo", "ドコモ口座"), until="2020-09-01")
    again = pickle.loads(pickle.dumps(said))
    assert isinstance(again, Said) and again == said and again.text("ja") == said.text("ja")


def test_errors_keep_their_english_and_say_it_in_japanese() -> None:
    error = StatementError(Said("read.nul"), line=4)
    assert str(error).startswith("line 4: contains NUL bytes")
    assert error.text("ja").startswith("4行目: NULバイト")
    assert str(StatementError("as it was", line=2)) == "line 2: as it was"
    usage = UsageError(Said("config.not_found", path=Path("c.toml")))
    assert str(usage) == "c.toml: config file not found"
    assert usage.text("ja") == "c.toml: 設定ファイルが見つかりません"
