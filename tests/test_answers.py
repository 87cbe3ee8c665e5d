"""The answers store: where it lives, how findings are keyed, damage never overwritten."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from auditor.store.answers import Answer, AnswerStore, annotate, answer_key, default_answers_path
from tests.conftest import scan
from auditor.errors import UsageError
from auditor.models import Finding, Severity
from auditor.detect.rules import Context
from auditor.ingest.statement import ReadOptions
from auditor.detect.wallets import load_catalogue

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
MUFG_HEADER = '"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ","未資金化区分","入払区分"\r\n'
OTHER_ROW = '"2020/8/20","振込１","ヤマダ","1000","","","","","支払い"\r\n'
DOCOMO = "ドコモコウザ"


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("AUDITOR_ANSWERS", raising=False)


def finding(amount: int = 30_000, occurrence: int = 1, line: int = 2, key: str = "ﾄﾞｺﾓｺｳｻﾞ",
            description: str = DOCOMO) -> Finding:
    return Finding(file="s.csv", line=line, date=date(2020, 9, 1), time=None, amount=amount,
                   description=description, wallet="docomo-koza", score=100,
                   severity=Severity.high, reasons=(), key=key, occurrence=occurrence)


def docomo_rows(*amounts: int) -> str:
    return "".join(f'"2020/9/1","口座振替３","{DOCOMO}","{amount}","","","","","支払い"\r\n'
                   for amount in amounts)


def findings_of(path: Path) -> tuple[Finding, ...]:
    return scan([path], ReadOptions(), Context(load_catalogue(), frozenset())).findings


# --- where --------------------------------------------------------------------------


def test_default_path_follows_xdg_data_home(tmp_path: Path) -> None:
    if sys.platform == "darwin" or os.name == "nt":
        pytest.skip("XDG applies to Linux and other POSIX systems")
    assert default_answers_path() == tmp_path / "data" / "auditor" / "answers.json"


def test_environment_variable_wins_and_empty_means_unset(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDITOR_ANSWERS", str(tmp_path / "mine.json"))
    assert default_answers_path() == tmp_path / "mine.json"
    monkeypatch.setenv("AUDITOR_ANSWERS", "")
    assert default_answers_path().name == "answers.json"


def test_relative_xdg_data_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform == "darwin" or os.name == "nt":
        pytest.skip("XDG applies to Linux and other POSIX systems")
    monkeypatch.setenv("XDG_DATA_HOME", "relative/data")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_answers_path() == tmp_path / "home" / ".local/share/auditor/answers.json"


# --- keys ---------------------------------------------------------------------------


def test_key_is_a_hash_of_the_identity() -> None:
    key = answer_key(finding())
    assert len(key) == 64 and set(key) <= set("0123456789abcdef")
    assert key == answer_key(finding(line=99))  # the row number is not part of it
    assert key != answer_key(finding(amount=30_001))


def test_identical_debits_get_different_keys(statement_file: Callable[..., Path]) -> None:
    path = statement_file((MUFG_HEADER + docomo_rows(30_000, 30_000, 20_000)).encode("utf-8"))
    first, second, third = findings_of(path)
    assert first.identity() != second.identity()
    assert len({answer_key(first), answer_key(second), answer_key(third)}) == 3


def test_answer_survives_row_renumbering(tmp_path: Path,
                                         statement_file: Callable[..., Path]) -> None:
    before = statement_file((MUFG_HEADER + docomo_rows(30_000, 30_000, 20_000)).encode("utf-8"),
                            "july.csv")
    store = AnswerStore(tmp_path / "answers.json")
    for found, answer in zip(findings_of(before), Answer, strict=True):
        store.set(found, answer, NOW)
    store.save()
    # The same transactions in a later download, one row further down the file.
    later = statement_file((MUFG_HEADER + OTHER_ROW + docomo_rows(30_000, 30_000, 20_000))
                           .encode("utf-8"), "august.csv")
    moved = findings_of(later)
    assert [f.line for f in moved] != [f.line for f in findings_of(before)]
    reloaded = AnswerStore.load(tmp_path / "answers.json")
    assert [reloaded.get(f) for f in moved] == list(Answer)


# --- the store ----------------------------------------------------------------------


def test_missing_file_is_an_empty_store(tmp_path: Path) -> None:
    store = AnswerStore.load(tmp_path / "none" / "answers.json")
    assert len(store) == 0 and store.get(finding()) is None
    assert not (tmp_path / "none").exists()


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "answers.json"
    store = AnswerStore.load(path)
    store.set(finding(), Answer.not_mine, NOW)
    store.set(finding(occurrence=2), Answer.mine, NOW)
    store.set(finding(), Answer.not_sure, NOW)  # a later answer replaces the earlier one
    store.save()
    again = AnswerStore.load(path)
    assert len(again) == 2
    assert again.get(finding()) is Answer.not_sure
    assert again.get(finding(occurrence=2)) is Answer.mine
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == 2
    assert data["answers"][answer_key(finding())] == {
        "answer": "not-sure", "wallet": "docomo-koza", "date": "2020-09-01", "amount": 30_000,
        "answered_at": "2026-01-02T03:04:05+00:00"}


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_new_store_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "answers.json"
    store = AnswerStore.load(path)
    store.set(finding(), Answer.mine, NOW)
    store.save()
    assert path.stat().st_mode & 0o077 == 0
    assert path.parent.stat().st_mode & 0o077 == 0


def test_store_holds_no_statement_text(tmp_path: Path) -> None:
    hostile = finding(key="ﾄﾞｺﾓｺｳｻﾞ秘密", description="ドコモコウザ 秘密 [bold]x[/bold]")
    store = AnswerStore(tmp_path / "answers.json")
    store.set(hostile, Answer.not_mine, NOW)
    store.save()
    text = (tmp_path / "answers.json").read_text(encoding="utf-8")
    for fragment in ("秘密", "ドコモ", "ﾄﾞｺﾓ", "bold", hostile.identity()):
        assert fragment not in text


def test_annotate_pairs_findings_with_answers(tmp_path: Path) -> None:
    store = AnswerStore(tmp_path / "answers.json")
    store.set(finding(), Answer.mine, NOW)
    pairs = annotate([finding(), finding(amount=1)], store)
    assert pairs == [(finding(), Answer.mine), (finding(amount=1), None)]


VALID_KEY = "a" * 64
VALID_ENTRY = {"answer": "mine", "wallet": None, "date": "2020-09-01", "amount": 1,
               "answered_at": "2026-01-02T03:04:05+00:00"}
DAMAGED = [
    b"", b"{", b"\xff\xfe\x00", b"[]", b'"answers"', b'{"schema": 1}',
    b'{"schema": 3, "answers": {}}', b'{"schema": "1", "answers": {}}',
    b'{"schema": true, "answers": {}}', b'{"schema": 1, "answers": []}',
    b'{"schema": 1, "answers": {}, "extra": 1}', b"[" * 100_000,
    json.dumps({"schema": 1, "answers": {"ドコモ": VALID_ENTRY}}).encode(),
    json.dumps({"schema": 1, "answers": {VALID_KEY: "mine"}}).encode(),
    json.dumps({"schema": 1, "answers": {VALID_KEY: {**VALID_ENTRY, "answer": "yes"}}}).encode(),
    json.dumps({"schema": 1, "answers": {VALID_KEY: {**VALID_ENTRY, "answer": ["mine"]}}}).encode(),
    json.dumps({"schema": 1, "answers": {VALID_KEY: {**VALID_ENTRY, "amount": True}}}).encode(),
    json.dumps({"schema": 1, "answers": {VALID_KEY: {**VALID_ENTRY, "wallet": 3}}}).encode(),
    json.dumps({"schema": 1, "answers": {VALID_KEY: {**VALID_ENTRY, "note": "x"}}}).encode(),
    json.dumps({"schema": 1, "answers": {VALID_KEY: {"answer": "mine"}}}).encode(),
]


@pytest.mark.parametrize("raw", DAMAGED, ids=range(len(DAMAGED)))
def test_damaged_store_is_a_usage_error_naming_the_file(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(raw)
    with pytest.raises(UsageError) as caught:
        AnswerStore.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "move it aside" in message
    assert "\n" not in message and len(message) < 300
    assert path.read_bytes() == raw


def test_a_folder_in_the_way_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "answers.json").mkdir()
    with pytest.raises(UsageError, match="move it aside"):
        AnswerStore.load(tmp_path / "answers.json")


def test_a_valid_hand_written_store_loads(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"schema": 1, "answers": {
        VALID_KEY: VALID_ENTRY}}).encode())
    assert len(AnswerStore.load(path)) == 1
