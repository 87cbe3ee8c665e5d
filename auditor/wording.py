"""Small wording helpers shared by the rules and the renderers."""

from __future__ import annotations


def yen(amount: int) -> str:
    """¥1,234 as a bank clerk writes it."""
    return f"¥{amount:,}"


def day(value: object) -> str:
    """A date or timestamp as YYYY-MM-DD."""
    return str(value)[:10]
