"""The terminal side of a review: show each step of the conversation, read each reply."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from auditor.models import Finding
    from auditor.review.session import Reply, Review, Step


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


@contextlib.contextmanager
def replies(statement_piped: bool) -> Iterator[TextIO | None]:
    """Where the answers are typed: stdin, or the terminal when the statement was piped in.

    `cat statement.csv | auditor review -` has used stdin up; as `less` and `git add -p` do,
    the answers are then read from the terminal, and with none (cron) there are none.
    """
    if not statement_piped:
        yield sys.stdin
        return
    try:
        terminal = open("CONIN$" if os.name == "nt" else "/dev/tty", encoding="utf-8",
                        errors="replace")
    except OSError:
        yield None
        return
    with terminal:
        yield terminal


def converse(session: Review, findings: Iterable[Finding], out: Console,
             answers: TextIO | None) -> None:
    """Run the conversation to its end on this console, reading replies from answers."""
    steps = session.run(findings)
    try:
        step = next(steps)
        while True:
            step = steps.send(_show(step, out, session.lang, answers))
    except StopIteration:
        return


def _show(step: Step, out: Console, lang: str, answers: TextIO | None) -> Reply:
    """Show one step; for a question, the line typed in reply (None at the end of input)."""
    from rich.text import Text

    from auditor.render.review_card import review_card
    from auditor.review.session import Ask, Card, Line

    if isinstance(step, Ask):
        return _read_line(out, step.question, answers)
    if isinstance(step, Card):
        out.print(review_card(step, lang))
    elif isinstance(step, Line):  # a sentence, often naming a path: the terminal wraps it
        out.print(Text(step.text), soft_wrap=True)
    else:
        out.line()
    return None


def _read_line(out: Console, question: str, answers: TextIO | None) -> Reply:
    """Show the question and read one line of answers; None at the end of the input."""
    from rich.text import Text

    out.print(Text(question), end="")
    out.file.flush()
    line = answers.readline() if answers is not None else ""
    return None if line == "" else line.rstrip("\r\n")
