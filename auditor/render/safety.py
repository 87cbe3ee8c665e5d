"""Make untrusted statement text inert: for terminals, and for spreadsheets opening a CSV."""

from __future__ import annotations

import re
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


# JSON escapes only C0 controls; these others can still act on a terminal or reorder text.
_JSON_INERT = re.compile("[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]")


def json_inert(text: str) -> str:
    """Escape DEL, C1 controls, bidi marks and line separators in serialized JSON text."""
    return _JSON_INERT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
