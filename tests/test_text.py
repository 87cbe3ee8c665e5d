"""fold(): one comparable form for every way a bank prints a descriptor or a header."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.ingest.text import fold, fold_header


@pytest.mark.parametrize(("printed", "key"), [
    ("ﾄﾞｺﾓｺｳｻﾞ", "ドコモコウザ"),
    ("ドコモコウザ", "ドコモコウザ"),
    ("ト゛コモコウサ゛", "ドコモコウザ"),  # separate voiced marks (U+309B)
    ("ﾃﾞｲｰﾊﾞﾗｲ", "デイーバライ"),
    ("ディーバライ", "デイーバライ"),  # small kana folded to full size
    ("ＫＹＡＳＨ", "KYASH"),
    ("キャッシュ", "キヤツシユ"),
    ("ＲＴＫ　ペイペイ", "RTK ペイペイ"),  # full-width space
    ("フリカエ　ＰＡＹＰＡＹ", "フリカエ PAYPAY"),
    ("RS ﾍﾟｲﾍﾟｲ", "RS ペイペイ"),
    ("ＰＡＹＰＡＹカ－ド", "PAYPAYカード"),  # U+FF0D after katakana
    ("カ−ド", "カード"),  # U+2212, as shift_jis decodes 0x817C
    ("ラクテンカ－ト゛サ－ヒ゛ス", "ラクテンカードサービス"),
    ("  a \t b  ", "A B"),
    ("(paypay)", "(PAYPAY)"),
])
def test_fold_matches_bank_spellings(printed: str, key: str) -> None:
    assert fold(printed) == key


def test_dash_between_digits_is_kept() -> None:
    assert fold("03-1234-5678") == "03-1234-5678"


def test_fold_header_ignores_width_spaces_and_case() -> None:
    assert fold_header(" 入出金明細ＩＤ ") == "入出金明細ID"
    assert fold_header("Value Date") == "VALUEDATE"
    assert fold_header("受入金額（円）") == "受入金額(円)"


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_fold_drops_every_format_character_python_knows() -> None:
    # Category Cf: zero-width space and joiners, BOM, soft hyphen, bidi marks, embeddings,
    # overrides and isolates, U+180E, tags... Any of them inside a name would hide it.
    shown = [hex(code) for code in range(sys.maxunicode + 1)
             if unicodedata.category(chr(code)) == "Cf" and fold(f"A{chr(code)}B") != "AB"]
    assert shown == []


@pytest.mark.parametrize("invisible", [
    "\ufe00", "\ufe0f", "\U000e0100", "\U000e01ef",  # variation selectors
    "\u180b", "\u180c", "\u180d", "\u180f",  # Mongolian free variation selectors
    "\u034f",  # combining grapheme joiner
    "\u3164", "\uffa0", "\u115f", "\u1160",  # Hangul fillers
    "\u17b4", "\u17b5",  # Khmer inherent vowels
])
def test_fold_drops_other_characters_that_show_nothing(invisible: str) -> None:
    assert fold(f"ドコモ{invisible}コウザ") == "ドコモコウザ"


def test_fold_composes_a_voiced_mark_across_an_invisible_character() -> None:
    assert fold("ト\u200b゛コモ") == fold("ﾄ\u2060ﾞｺﾓ") == "ドコモ"


@pytest.mark.parametrize("space", ["\u00a0", "\u2002", "\u2009", "\u202f", "\u205f", "\u3000",
                                   "\u1680", "\u2028", "\u2800"])
def test_fold_makes_every_space_one_space(space: str) -> None:
    assert fold(f"ﾄﾞｺﾓ{space}{space}ｺｳｻﾞ") == "ドコモ コウザ"
