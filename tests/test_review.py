"""auditor review: the conversation, what it saves, and how it stops."""

from __future__ import annotations

import io
import itertools
import json
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from auditor.models import Severity
from auditor.store.answers import Answer, AnswerStore
from auditor.review import replies as review
from auditor.store.config import default_config_path
from tests.conftest import SAMPLES, Run

Cli = Callable[..., Run]
MIZUHO = SAMPLES / "mizuho.csv"  # four ドコモ口座 debits on 2020-08-27; the holder uses LINE Pay
OWN = ("-a", "line-pay", "-a", "merpay")  # leaves the four ドコモ口座 findings
# An allow list that names a wallet the statement never shows: with none at all, its regular
# LINE Pay and メルペイ top-ups would be taken as the holder's habits and never asked about.
OTHERS = ("-a", "paypay")
MUFG_HEADER = '"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ","未資金化区分","入払区分"\r\n'


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("AUDITOR_ANSWERS", raising=False)
    return tmp_path / "data" / "auditor" / "answers.json"


@pytest.fixture
def answers_file(_isolated_data: Path) -> Path:
    return _isolated_data


class Terminal(io.StringIO):
    """Typed input, as if from a person at a terminal."""

    def isatty(self) -> bool:
        return True


class NoInput(io.StringIO):
    """Stdin that must not be read."""

    def readline(self, *args: object) -> str:
        raise AssertionError("review read stdin when it had nothing to ask")


def typed(monkeypatch: pytest.MonkeyPatch, text: str, terminal: bool = False) -> None:
    monkeypatch.setattr(sys, "stdin", (Terminal if terminal else io.StringIO)(text))


def stored(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [entry["answer"] for entry in data["answers"].values()]


def test_piped_answers_are_saved(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                 answers_file: Path) -> None:
    typed(monkeypatch, "n\nnot-mine\n\nS\n")
    run = cli("review", MIZUHO, *OWN)
    assert run.code == 0
    assert stored(answers_file) == ["not-mine", "not-mine", "not-sure", "not-sure"]
    assert run.out.count("docomo Koza (docomo-koza)") == 4
    assert "(1/4)" in run.out and "¥100,000" in run.out and "→ not mine" in run.out
    assert ("reviewed 4 finding(s): 0 mine, 2 not mine, 2 not sure; answers saved to "
            f"{answers_file}") in run.err


def test_a_second_review_asks_nothing_already_answered(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                       answers_file: Path) -> None:
    typed(monkeypatch, "n\nn\nn\nn\n")
    assert cli("review", MIZUHO, *OWN).code == 0
    monkeypatch.setattr(sys, "stdin", NoInput())
    run = cli("review", MIZUHO, *OWN)
    assert run.code == 0 and run.out == ""
    assert "nothing to review; 4 answered before" in run.err
    assert stored(answers_file) == ["not-mine"] * 4


def test_all_asks_again_with_the_earlier_answer_as_default(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, answers_file: Path) -> None:
    typed(monkeypatch, "n\nm\ns\nn\n")
    cli("review", MIZUHO, *OWN)
    typed(monkeypatch, "\n\nn\n\n")  # Enter keeps the earlier answer
    run = cli("review", MIZUHO, *OWN, "--all")
    assert run.code == 0
    assert stored(answers_file) == ["not-mine", "mine", "not-mine", "not-mine"]
    assert "Answered before" in run.out and "(Enter = m)" in run.out


def test_yes_records_not_sure_without_reading_stdin(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                    answers_file: Path) -> None:
    monkeypatch.setattr(sys, "stdin", NoInput())
    run = cli("review", MIZUHO, *OTHERS, "--yes", "--min-severity", "low")
    assert run.code == 0
    assert stored(answers_file) == ["not-sure"] * 15
    assert "Did you make" not in run.out
    assert not default_config_path().exists()  # --yes never changes the allow list


def test_end_of_input_keeps_the_answers_given(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                              answers_file: Path) -> None:
    typed(monkeypatch, "n\n")
    run = cli("review", MIZUHO, *OWN)
    assert run.code == 0
    assert stored(answers_file) == ["not-mine"]
    assert "input ended with 3 finding(s) not asked" in run.err


def test_ctrl_c_keeps_the_answers_given_and_exits_130(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, answers_file: Path) -> None:
    replies: Iterator[str] = iter(["n", "m"])

    def read_line(out: object, question: str, answers: object) -> str:
        try:
            return next(replies)
        except StopIteration:
            raise KeyboardInterrupt from None

    import auditor.cli.review_loop

    monkeypatch.setattr(auditor.cli.review_loop, "_read_line", read_line)
    typed(monkeypatch, "")
    run = cli("review", MIZUHO, *OWN)
    assert run.code == 130
    assert f"auditor: stopped; 2 answer(s) saved to {answers_file}\n" in run.err
    assert "Traceback" not in run.err
    assert stored(answers_file) == ["not-mine", "mine"]


def test_a_line_that_is_not_an_answer_stops_a_script(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                     answers_file: Path) -> None:
    typed(monkeypatch, "n\nyes\nn\nn\n")  # re-asking would take the later lines out of turn
    run = cli("review", MIZUHO, *OWN)
    assert run.code == 2
    assert "input line 2: 'yes' is not an answer" in run.err and "1 answer(s) saved" in run.err
    assert stored(answers_file) == ["not-mine"]


def test_at_a_terminal_a_wrong_key_is_asked_again(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                  answers_file: Path) -> None:
    typed(monkeypatch, "x\nｎ\n", terminal=True)  # full-width ｎ from a Japanese input method
    run = cli("review", MIZUHO, *OWN)
    assert "Please type m, n or s." in run.out
    assert stored(answers_file) == ["not-mine"]


def test_mine_offers_to_allow_the_wallet(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                         answers_file: Path) -> None:
    config = default_config_path()  # in the test's own XDG_CONFIG_HOME
    typed(monkeypatch, "m\ny\nmy own account\nn\nn\n", terminal=True)
    run = cli("review", MIZUHO, *OTHERS)
    assert run.code == 0
    assert "Add LINE Pay (line-pay) to the wallets you use" in run.out
    assert f"added line-pay to {config}" in run.out
    entries = tomllib.loads(config.read_text(encoding="utf-8"))["allow"]
    assert [(e["wallet"], e["reason"]) for e in entries] == [("line-pay", "my own account")]
    assert stored(answers_file) == ["mine", "not-mine", "not-mine"]
    # Allowing LINE Pay cleared its six other top-ups from the 15 findings.
    after = run.out.split("added line-pay")[1]
    assert "LINE Pay (line-pay)" not in after and "Merpay (merpay)" in after
    assert "(2/9)" in after and "(3/9)" in after


def test_declining_the_offer_leaves_the_config_alone(cli: Cli,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    config = default_config_path()
    typed(monkeypatch, "m\n\nm\n", terminal=True)  # the offer is made once per wallet
    run = cli("review", MIZUHO, *OTHERS)
    assert run.out.count("Add LINE Pay") == 1
    assert not config.exists()


def test_piped_mine_only_hints_at_allow(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                        answers_file: Path) -> None:
    config = default_config_path()
    typed(monkeypatch, "m\nn\n")
    run = cli("review", MIZUHO, *OTHERS)
    assert "auditor allow line-pay" in run.out and "[y/N]" not in run.out
    assert not config.exists()
    assert stored(answers_file) == ["mine", "not-mine"]


def test_hostile_descriptor_is_shown_literally(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                               statement_file: Callable[..., Path],
                                               answers_file: Path) -> None:
    rows = "".join(f'"2020/9/1","口座振替３","ドコモコウザ[bold]x[/bold]\x1b[2J","{amount}",'
                   '"","","","","支払い"\r\n' for amount in (30_000, 30_000, 20_000))
    path = statement_file((MUFG_HEADER + rows).encode("utf-8"))
    typed(monkeypatch, "n\nn\nn\n")
    run = cli("review", path)
    assert run.code == 0
    assert run.out.count("ドコモコウザ[bold]x[/bold]\\u001b[2J") == 3
    assert "\x1b" not in run.out and "\x1b" not in run.err
    # Two identical debits are two transactions, each with its own answer.
    assert stored(answers_file) == ["not-mine"] * 3
    assert "ドコモ" not in answers_file.read_text(encoding="utf-8")


def test_damaged_answers_file_is_exit_2_and_untouched(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                      answers_file: Path) -> None:
    answers_file.parent.mkdir(parents=True)
    answers_file.write_bytes(b'{"schema": 1, "answers": {"oops"')
    monkeypatch.setattr(sys, "stdin", NoInput())
    run = cli("review", MIZUHO, *OTHERS)
    assert run.code == 2
    assert run.err.startswith(f"auditor: {answers_file}: ") and "move it aside" in run.err
    assert answers_file.read_bytes() == b'{"schema": 1, "answers": {"oops"'


def test_answers_option_and_unreadable_input(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    typed(monkeypatch, "n\nn\nn\nn\n")
    run = cli("review", tmp_path / "missing.csv", MIZUHO, *OWN, "--answers", target)
    assert run.code == 3  # as in scan: some input could not be read
    assert len(AnswerStore.load(target)) == 4


def test_japanese_conversation(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    typed(monkeypatch, "n\n")
    run = cli("review", MIZUHO, *OWN, "--lang", "ja")
    assert "ご自身の出金ですか" in run.out and "ドコモ口座" in run.out
    assert "1件を確認しました" in run.err


def test_min_severity_limits_what_is_asked(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", NoInput())
    run = cli("review", MIZUHO, *OWN, "--min-severity", "high", "--yes")
    assert run.code == 0 and "reviewed 4 finding(s)" in run.err


@pytest.mark.parametrize(("text", "expected"), [
    ("", Answer.not_sure), ("  ", Answer.not_sure), ("m", Answer.mine), ("MINE", Answer.mine),
    ("ｍ", Answer.mine), ("n", Answer.not_mine), ("not mine", Answer.not_mine),
    ("not-mine", Answer.not_mine), ("s", Answer.not_sure), ("not-sure", Answer.not_sure),
    ("x", None), ("yes", None), ("mn", None),
])
def test_parse_answer(text: str, expected: Answer | None) -> None:
    assert review.parse_answer(text, Answer.not_sure) is expected


def test_end_of_input_at_the_offer_keeps_the_answer(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                    answers_file: Path) -> None:
    typed(monkeypatch, "m\n", terminal=True)  # Ctrl-D instead of y/N
    run = cli("review", MIZUHO, *OTHERS)
    assert run.code == 0 and stored(answers_file) == ["mine"]
    assert "reviewed 1 finding(s): 1 mine" in run.err
    assert "input ended with 14 finding(s) not asked" in run.err
    assert not default_config_path().exists()


# --- the conversation as a core object: steps out, replies in, no terminal ------------


def _session(tmp_path: Path, interactive: bool, rescanned: list[frozenset[str]]) -> tuple[
        object, list[object]]:
    from auditor.detect.rules import Context
    from auditor.detect.wallets import load_catalogue
    from auditor.review.session import Review
    from auditor.run.pipeline import ScanJob, run_scan
    from auditor.store.config import load_config
    from auditor.ingest.statement import ReadOptions

    catalogue = load_catalogue()
    settings = load_config(tmp_path / "config.toml", catalogue.ids)
    job = ScanJob([MIZUHO], ReadOptions(), Context(catalogue, frozenset({"line-pay", "merpay"})))

    def rescan(wallets: frozenset[str]) -> list[object]:
        rescanned.append(wallets)
        return list(run_scan(job.with_allowed(wallets)).findings)

    session = Review(AnswerStore(tmp_path / "answers.json"), settings, catalogue,
                     job.ctx.allowed, "en", rescan, False, False, Severity.medium, interactive)
    return session, list(run_scan(job).findings)


def test_the_conversation_yields_steps_and_takes_replies(tmp_path: Path) -> None:
    from auditor.review.session import Ask, Blank, Card, Line

    rescanned: list[frozenset[str]] = []
    session, findings = _session(tmp_path, interactive=True, rescanned=rescanned)
    steps = session.run(findings)  # type: ignore[attr-defined]
    shown: list[object] = [next(steps)]
    replies = itertools.chain(["x", "m", "y", "my own account"], itertools.repeat("n"))
    try:
        while True:
            step = shown[-1]
            shown.append(steps.send(next(replies) if isinstance(step, Ask) else None))
    except StopIteration:
        pass
    kinds = [type(step).__name__ for step in shown]
    assert kinds[:5] == ["Card", "Ask", "Line", "Ask", "Ask"]  # a wrong key is asked again
    assert isinstance(shown[0], Card) and shown[0].counter == "(1/4)"
    assert isinstance(shown[2], Line) and shown[2].text.startswith("Please type m, n or s.")
    assert isinstance(shown[4], Ask) and "Add docomo Koza (docomo-koza)" in shown[4].question
    assert any(isinstance(s, Line) and s.text.startswith("added docomo-koza") for s in shown)
    assert isinstance(shown[-1], Blank)
    # The allow list grew, so the rest was scanned again with it; still a burst, still asked.
    assert rescanned == [frozenset({"line-pay", "merpay", "docomo-koza"})]
    assert sum(isinstance(step, Card) for step in shown) == 4
    assert stored(tmp_path / "answers.json") == ["mine", "not-mine", "not-mine", "not-mine"]


def test_the_conversation_stops_at_the_end_of_input(tmp_path: Path) -> None:
    from auditor.review.session import Ask, Blank

    session, findings = _session(tmp_path, interactive=False, rescanned=[])
    steps = session.run(findings)  # type: ignore[attr-defined]
    step = next(steps)
    answered = 0
    try:
        while True:
            if isinstance(step, Ask):
                reply = "n" if answered < 2 else None  # two answers, then the input ends
                answered += 1
                step = steps.send(reply)
            else:
                last = step
                step = next(steps)
    except StopIteration:
        pass
    assert isinstance(last, Blank)
    assert session.not_asked["left"] == 2  # type: ignore[attr-defined]
    assert "input ended with 2 finding(s) not asked" in session.summary()  # type: ignore[attr-defined]
