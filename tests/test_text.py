from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.text import fold, fold_header


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
