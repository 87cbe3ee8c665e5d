"""Fold bank descriptors and header words into one comparable form."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Rakuten and others write the voiced marks as spacing characters (゛ ゜); NFKC would
# turn "ト゛" into "ト ゙" instead of "ド", so swap in the combining marks first.
_SPACING_MARKS = str.maketrans({"\u309b": "\u3099", "\u309c": "\u309a"})

# Banks print small kana full size (キヤツシユ for キャッシュ), so fold ours the same way.
_SMALL_KANA = str.maketrans(
    "ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ",
    "アイウエオツヤユヨワカケあいうえおつやゆよわかけ",
)

# Characters that show nothing: every format character (category Cf: zero-width space and
# joiners, word joiner, BOM, soft hyphen, the bidi marks, embeddings, overrides and
# isolates, U+180E, tags), the variation selectors, the combining grapheme joiner and the
# Hangul fillers. A descriptor can carry them by accident or to slip a name past a match
# (ドコモ<ZWSP>コウザ), so they go before anything else; tests/test_text.py checks the list
# against every Cf character Python knows.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)

# After NFKC, dash-like marks that follow katakana are long-vowel marks written with
# whatever the bank's codec produced (U+FF0D under cp932, U+2212 under shift_jis).
_DASH_AFTER_KANA = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])[-\u2010-\u2015\u2212\u2500\u2501\uff70~\u301c]")
# Every space Unicode knows, and the braille blank that looks like one.
_SPACES = re.compile(r"[\s\u2800]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return the folded descriptor: no invisible characters, NFKC, full-size kana, ー,
    upper case, one space."""
    visible = _INVISIBLE.sub("", text.translate(_SPACING_MARKS))
    folded = _INVISIBLE.sub("", unicodedata.normalize("NFKC", visible))
    folded = folded.translate(_SMALL_KANA)
    folded = _DASH_AFTER_KANA.sub("ー", folded)
    return _SPACES.sub(" ", folded.upper()).strip()


def fold_header(text: str) -> str:
    """Return the key of a column name: NFKC, no spaces, no quotes, upper case."""
    folded = unicodedata.normalize("NFKC", text).upper()
    return _SPACES.sub("", folded).strip('"')
