"""The match key: letters and digits alone, and where a word may start or end."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.detect.matchkey import key_text, match_key
from auditor.ingest.text import fold


@pytest.mark.parametrize(("printed", "text", "bounds"), [
    ("ﾗｲﾝ ﾍﾟｲ", "ラインペイ", {0, 3, 5}),
    ("ＬＩＮＥ　ＰＡＹ", "LINEPAY", {0, 4, 7}),
    ("ONLINE PAYMENT", "ONLINEPAYMENT", {0, 6, 13}),  # no bound before LINE or after PAY
    ("ＲＴＫ　ペイペイ", "RTKペイペイ", {0, 3, 7}),
    ("ＲＴＫペイペイ", "RTKペイペイ", {0, 3, 7}),  # the script changes: a bound all the same
    ("(PAYPAY)", "PAYPAY", {0, 6}),
    ("ﾃﾞｲ-ﾊﾞﾗｲ", "デイバライ", {0, 5}),  # the long vowel is part of the word
    ("ﾁﾔｰｼﾞ", "チヤジ", {0, 3}),
    ("ﾄ ﾞｺﾓ", "ドコモ", {0, 3}),  # the voiced mark belongs to ト despite the space
    ("ぺいぺい", "ペイペイ", {0, 4}),
    ("ｶ)ｷﾔﾂｼﾕ", "カキヤツシユ", {0, 1, 6}),
    ("D払い", "D払イ", {0, 1, 2, 3}),
    ("", "", {0}),
    ("...", "", {0}),
])
def test_match_key(printed: str, text: str, bounds: set[int]) -> None:
    key = match_key(fold(printed))
    assert (key.text, set(key.bounds)) == (text, bounds)
    assert {0, len(text)} <= key.gaps <= key.bounds


def test_word_at_needs_a_bound_at_both_ends() -> None:
    key = match_key(fold("ONLINE PAYMENT"))
    assert key.word_at(0, 6) and not key.word_at(2, 9)


@settings(max_examples=500)
@given(st.text())
def test_the_quick_text_is_the_keys_text(text: str) -> None:
    folded = fold(text)
    assert key_text(folded) == match_key(folded).text


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from("ｱｲｳﾍﾟｲﾄﾞｺﾓABCab12 　-ー・()\u200b")))
def test_bounds_lie_within_the_key(text: str) -> None:
    key = match_key(fold(text))
    assert {0, len(key.text)} <= key.bounds <= set(range(len(key.text) + 1))


def test_gaps_are_where_a_separator_stood() -> None:
    assert set(match_key(fold("ﾍﾟｲﾍﾟｲ(ｶ")).gaps) == {0, 4, 5}
    assert set(match_key(fold("PAYPAYｶ")).gaps) == {0, 7}  # a change of script is no gap
