"""auditor review steered by keys: undo, back, go to N, quit, and --change N."""

from __future__ import annotations

import functools
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.review.walk import Key, Move, parse_move
from tests.conftest import SAMPLES, Run

Cli = Callable[..., Run]
MIZUHO = SAMPLES / "mizuho.csv"  # four ドコモ口座 debits on 2020-08-27: ¥100k, ¥90k, ¥90k, ¥20k
OWN = ("-a", "line-pay", "-a", "merpay")


@pytest.fixture
def answers_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "auditor" / "answers.json"


def typed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def by_amount(path: Path) -> list[tuple[int, str]]:
    """The stored answers, largest debit first: ¥100k is the 1st finding, ¥20k the 4th."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return sorted(((e["amount"], e["answer"]) for e in data["answers"].values()), reverse=True)


def review(cli: Cli, monkeypatch: pytest.MonkeyPatch, text: str, *extra: str) -> Run:
    typed(monkeypatch, text)
    return cli("review", MIZUHO, *OWN, *extra)


def test_undo_takes_back_the_last_answer_and_asks_it_again(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, answers_file: Path) -> None:
    run = review(cli, monkeypatch, "n\nn\nu\nm\nn\nn\n")
    assert run.code == 0
    assert "→ undo\nTook back the answer “not mine”; asking (2/4) again." in run.out
    assert run.out.count("(2/4)") == 3  # two cards and the line that says it is asked again
    assert by_amount(answers_file) == [(100_000, "not-mine"), (90_000, "not-mine"),
                                       (90_000, "mine"), (20_000, "not-mine")]
    assert "reviewed 4 finding(s): 1 mine, 3 not mine, 0 not sure" in run.err


def test_undo_after_a_resume_takes_back_the_last_answer_the_earlier_run_saved(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, answers_file: Path) -> None:
    review(cli, monkeypatch, "n\nm\n")  # the input ends: two answers kept, two left
    assert by_amount(answers_file) == [(100_000, "not-mine"), (90_000, "mine")]
    run = review(cli, monkeypatch, "u\nn\nn\nn\n")
    assert "Took back the answer “mine”; asking (1/3) again." in run.out
    assert by_amount(answers_file) == [(100_000, "not-mine"), (90_000, "not-mine"),
                                       (90_000, "not-mine"), (20_000, "not-mine")]
    assert "reviewed 3 finding(s): 0 mine, 3 not mine" in run.err
    assert "1 answered before" in run.err


def test_undo_with_nothing_answered_says_so(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                            answers_file: Path) -> None:
    run = review(cli, monkeypatch, "u\nn\n")
    assert "Nothing to undo" in run.out and run.out.count("(1/4)") == 2
    assert by_amount(answers_file) == [(100_000, "not-mine")]


def test_back_at_the_first_finding_asks_it_again(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                 answers_file: Path) -> None:
    run = review(cli, monkeypatch, "b\nn\n")
    assert "This is the first finding: there is none before it." in run.out
    assert run.out.count("(1/4)") == 2 and "(2/4)" in run.out
    assert by_amount(answers_file) == [(100_000, "not-mine")]


def test_back_changes_the_previous_answer_and_goes_on_where_it_was(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, answers_file: Path) -> None:
    run = review(cli, monkeypatch, "n\nb\nm\nn\nn\nn\n")
    assert run.code == 0 and run.out.count("(1/4)") == 2 and run.out.count("(2/4)") == 2
    assert by_amount(answers_file) == [(100_000, "mine"), (90_000, "not-mine"),
                                       (90_000, "not-mine"), (20_000, "not-mine")]
    # The first finding answered twice counts once, as its last answer.
    assert "reviewed 4 finding(s): 1 mine, 3 not mine, 0 not sure" in run.err


def test_go_to_a_finding_by_its_number_then_the_rest(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                    answers_file: Path) -> None:
    run = review(cli, monkeypatch, "g 4\nm\n１\nn\nn\nn\n9\n")  # full-width １ too
    assert by_amount(answers_file) == [(100_000, "not-mine"), (90_000, "not-mine"),
                                       (90_000, "not-mine"), (20_000, "mine")]
    assert run.code == 0 and "There is no finding" not in run.out


def test_quit_keeps_the_answers_says_what_is_left_and_the_next_review_goes_on(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, answers_file: Path) -> None:
    run = review(cli, monkeypatch, "n\nq\nn\n")
    assert run.code == 0 and "→ quit" in run.out and "(3/4)" not in run.out
    assert by_amount(answers_file) == [(100_000, "not-mine")]
    assert ("reviewed 1 finding(s): 0 mine, 1 not mine, 0 not sure; answers saved to "
            f"{answers_file}; 3 finding(s) left for later") in run.err
    again = review(cli, monkeypatch, "s\ns\ns\n")
    assert "(1/3)" in again.out and "1 answered before" in again.err
    assert len(by_amount(answers_file)) == 4


def test_change_n_changes_one_answer_in_a_finished_review(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, answers_file: Path) -> None:
    review(cli, monkeypatch, "n\nn\nn\nn\n")
    finished = review(cli, monkeypatch, "")
    assert "auditor review --change N" in finished.err
    run = review(cli, monkeypatch, "m\n", "--change", "4")
    assert run.code == 0 and "(4/4)" in run.out and "Answered before" in run.out
    assert "(1/4)" not in run.out and "(Enter = n)" in run.out
    assert by_amount(answers_file) == [(100_000, "not-mine"), (90_000, "not-mine"),
                                       (90_000, "not-mine"), (20_000, "mine")]
    assert "reviewed 1 finding(s): 1 mine" in run.err and "left" not in run.err


def test_change_of_a_finding_that_is_not_there_is_exit_2(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, answers_file: Path) -> None:
    run = review(cli, monkeypatch, "", "--change", "5")
    assert run.code == 2
    assert "--change 5: there is no such finding" in run.err and "4 finding(s)" in run.err
    assert not answers_file.exists()


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ("u undo the last answer", "b back to the previous finding", "g N", "q quit")),
    ("ja", ("u 直前の回答を取り消す", "b ひとつ前の検出に戻る", "g N", "q 回答をすべて保存して終了")),
])
def test_question_mark_shows_the_keys_in_the_readers_language(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, answers_file: Path, lang: str,
        words: tuple[str, ...]) -> None:
    run = review(cli, monkeypatch, "?\nn\n", "--lang", lang)
    shown = " ".join(run.out.split()) if lang == "en" else "".join(run.out.split())
    assert all(("".join(word.split()) if lang == "ja" else word) in shown for word in words)
    # The question may fold at the terminal's width (80 when piped): compare words, not lines.
    assert ("? for more keys" if lang == "en" else "?でほかのキー") in shown


@pytest.mark.parametrize(("text", "move"), [
    ("u", Move(Key.undo)), (" UNDO ", Move(Key.undo)), ("ｕ", Move(Key.undo)),
    ("b", Move(Key.back)), ("q", Move(Key.quit)), ("?", Move(Key.help)), ("？", Move(Key.help)),
    ("g 3", Move(Key.go, 3)), ("g3", Move(Key.go, 3)), ("#12", Move(Key.go, 12)),
    ("７", Move(Key.go, 7)), ("go 2", Move(Key.go, 2)),
    ("x", None), ("g", None), ("yes", None), ("", None), ("g -1", None),
])
def test_parse_move(text: str, move: Move | None) -> None:
    assert parse_move(text) == move


# --- where a review stands, under any keys ----------------------------------------------


@functools.cache
def _findings() -> tuple[object, ...]:
    from auditor.detect.rules import Context
    from auditor.detect.wallets import load_catalogue
    from auditor.ingest.statement import ReadOptions
    from tests.conftest import scan

    ctx = Context(load_catalogue(), frozenset({"line-pay", "merpay"}))
    return tuple(scan([MIZUHO], ReadOptions(), ctx).findings)


STEPS = st.lists(st.one_of(st.just("answer"), st.just("back"), st.just("undo"),
                           st.integers(min_value=0, max_value=5)), max_size=30)


@given(STEPS)
@settings(max_examples=60, deadline=None)
def test_a_walk_stands_on_a_finding_until_every_one_is_answered(steps: list[object]) -> None:
    from auditor.review.walk import Walk
    from auditor.store.answers import Answer, answer_key

    findings = list(_findings())
    walk = Walk(list(findings))
    for step in steps:
        finding = walk.current()
        if step == "answer" and finding is not None:
            walk.answered(finding, Answer.not_mine, None)
            after = walk.current()  # the next one not answered, if any is left
            assert after is None or answer_key(after) not in walk.given
        elif step == "back":
            walk.back()
        elif step == "undo":
            walk.undo()
        elif isinstance(step, int):
            assert walk.go(step) == (1 <= step <= len(findings))
        answered = {answer_key(f) for f, _ in walk.history}
        assert answered == set(walk.given)  # each answer once in the history, none lost
        assert walk.left() == len(findings) - len(answered)
        # It stands past the end only when every finding is answered.
        if walk.current() is None:
            assert walk.left() == 0
