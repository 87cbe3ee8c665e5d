"""Make untrusted statement text inert: for terminals, and for spreadsheets opening a CSV."""

from __future__ import annotations

import unicodedata

# Categories that can move the cursor, recolour a terminal or reorder text (bidi overrides).
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
# Spreadsheets run a cell as a formula when it starts with one of these (full-width too).
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def printable(text: str) -> str:
    """Show control and bidi characters as \\uXXXX so they cannot act on a terminal."""
    if text.isprintable():
        return text
    return "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char) in _UNSAFE_CATEGORIES else char
        for char in text
    )


def csv_safe(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula; numbers stay numbers."""
    if not isinstance(value, str):
        return value
    if value.lstrip(" \u3000").startswith(_FORMULA_TRIGGERS):
        return "'" + value
    return value
