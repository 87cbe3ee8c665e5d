"""A finding in the review, as label/value lines; statement text goes in as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.ingest.account import mask_path

if TYPE_CHECKING:
    from rich.text import Text

    from auditor.review.session import Card

_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def review_card(card: Card, lang: str) -> Text:
    """The card, labels aligned by terminal cells (Japanese labels are wide), never markup."""
    from rich.cells import cell_len
    from rich.text import Text

    rows = _rows(card, lang)
    width = max(cell_len(label) for label, _, _ in rows) + 2
    lines = []
    for label, value, style in rows:
        lead = label + " " * (width - cell_len(label))
        for part in value.split("\n"):
            lines.append(Text.assemble((lead, "bold"), (part, style)))
            lead = " " * width
    return Text("\n").join(lines)


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
