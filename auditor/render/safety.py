"""Make untrusted statement text inert: for terminals, for spreadsheets, for JSON readers.

The rule for every output: a control, format or otherwise invisible character never
leaves the tool raw. A descriptor is evidence "exactly as printed", so such a character
is not deleted either (a ZERO WIDTH SPACE hidden in `ドコモ\u200bコウザ` is itself worth
seeing): people-facing outputs and CSV show it as the visible text `\\u200b`; JSON writes
it as its own `\\u200b` escape, so a JSON reader gets the exact text back.
"""

from __future__ import annotations

import re
import unicodedata

# Categories that can move the cursor, recolour a terminal or reorder text (bidi overrides).
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt) with every format
# character (Cf): all draw nothing. Some are letters or marks by category (U+3164 HANGUL
# FILLER, U+FE00 VARIATION SELECTOR-1), which a category test alone let through.
_INVISIBLE_RANGES = (
    "\u00ad\u034f\u061c\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\ufff0-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_RANGES}]")
# Spreadsheets run a cell as a formula when it starts with one of these (full-width too).
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def printable(text: str) -> str:
    """Show control, format and invisible characters as \\uXXXX: inert, and still seen."""
    if text.isprintable() and not _INVISIBLE.search(text):
        return text
    return "".join(
        _escape(char) if unicodedata.category(char) in _UNSAFE_CATEGORIES
        or _INVISIBLE.match(char) else char
        for char in text
    )


def csv_safe(value: object) -> object:
    """A CSV cell: text made printable, then prefixed with ' if a spreadsheet would run it.

    Leading spaces of any kind (NBSP, U+3000) are skipped, as spreadsheets skip them, when
    looking for the formula sign; invisible ones are already visible text by then.
    """
    if not isinstance(value, str):
        return value
    shown = printable(value)
    if shown.lstrip().startswith(_FORMULA_TRIGGERS):
        return "'" + shown
    return shown


# JSON escapes only C0 controls; these others can still act on a terminal, reorder text or
# hide in it: DEL, C1 controls, line and paragraph separators, and every invisible above.
_JSON_INERT = re.compile(f"[\u007f-\u009f\u2028\u2029{_INVISIBLE_RANGES}]")


def json_inert(text: str) -> str:
    """Escape DEL, C1 controls, separators and invisible characters in serialized JSON."""
    return _JSON_INERT.sub(lambda m: _json_escape(m.group()), text)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # JSON has only \uXXXX: a surrogate pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"
