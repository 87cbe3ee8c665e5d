"""A finding in the review, as label/value lines; statement text goes in as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.ingest.account import mask_path

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions
    from rich.text import Text

    from auditor.review.session import Card

_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def review_card(card: Card, lang: str) -> _Card:
    """The card, labels aligned by terminal cells (Japanese labels are wide), never markup."""
    return _Card(tuple(_rows(card, lang)))


class _Card:
    """Label and value lines, each value wrapped under itself at the console's width."""

    def __init__(self, rows: tuple[tuple[str, str, str], ...]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        from rich.cells import cell_len
        from rich.text import Text

        from auditor.linebreak import wrap

        width = max(cell_len(label) for label, _, _ in self.rows) + 2
        for label, value, style in self.rows:
            lead = label + " " * (width - cell_len(label))
            for part in value.split("\n"):
                hang = " " * (width + (2 if part.startswith("• ") else 0))  # under the text
                lines = wrap(part, options.max_width, lead, hang, cell_len) or [lead]
                for number, line in enumerate(lines):
                    start = hang if number else lead
                    yield Text.assemble((start, "bold"), (line[len(start):], style))
                lead = " " * width


def _rows(card: Card, lang: str) -> list[tuple[str, str, str]]:
    """(label, value, style) for each row of the card; statement text made printable."""
    from auditor.i18n import word
    from auditor.render.safety import printable
    from auditor.wording import say, yen

    finding = card.finding
    severity = finding.severity.value
    reasons = "\n".join(f"• {printable(reason.text(lang))}" for reason in finding.reasons)
    rows = [
        (card.counter, finding.date.isoformat() + (f" {finding.time}" if finding.time else ""),
         "bold"),
        (word("description", lang), printable(finding.description), ""),
        (word("wallet", lang), card.wallet, ""),
        (word("amount", lang), yen(finding.amount), ""),
        (word("severity", lang), f"{word(severity, lang)} ({finding.score})", _STYLE[severity]),
        (word("reasons", lang), reasons, ""),
        # Every download holding the row, the one it is kept from first.
        (word("file", lang), "\n".join(f"{printable(mask_path(file))}:{line}" for file, line
                                       in finding.seen_in or ((finding.file, finding.line),)),
         ""),
    ]
    if card.before is not None:  # only with --all; the file is the user's: data too
        answer = say("review." + card.before.answer.value, lang)
        answered = f"{answer} ({printable(card.before.answered_at)})"
        rows.append((say("review.before", lang), answered, ""))
    return rows
