"""The terminal side of a review: show each step of the conversation, read each reply."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from auditor.models import Finding
    from auditor.review.session import Reply, Review, Step


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def converse(session: Review, findings: Iterable[Finding], out: Console) -> None:
    """Run the conversation to its end on this console and stdin."""
    steps = session.run(findings)
    try:
        step = next(steps)
        while True:
            step = steps.send(_show(step, out, session.lang))
    except StopIteration:
        return


def _show(step: Step, out: Console, lang: str) -> Reply:
    """Show one step; for a question, the line typed in reply (None at the end of input)."""
    from rich.text import Text

    from auditor.render.review_card import review_card
    from auditor.review.session import Ask, Card, Line

    if isinstance(step, Ask):
        return _read_line(out, step.question)
    if isinstance(step, Card):
        out.print(review_card(step, lang))
    elif isinstance(step, Line):
        out.print(Text(step.text))
    else:
        out.line()
    return None


def _read_line(out: Console, question: str) -> Reply:
    """Show the question and read one line from stdin; None at the end of the input."""
    from rich.text import Text

    out.print(Text(question), end="")
    out.file.flush()
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return None if line == "" else line.rstrip("\r\n")
