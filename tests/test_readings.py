"""Tests for reading names word by word: every mix of scripts a bank may print still matches."""

from __future__ import annotations

import itertools
import re
from importlib.resources import files

import pytest

from auditor.detect.readings import Reader
from auditor.detect.wallets import Catalogue, load_catalogue, parse_catalogue
from auditor.ingest.text import fold


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.mark.parametrize(("printed", "wallet"), [
    ("ﾗｸﾃﾝEDY", "rakuten-edy"),
    ("LINE ﾍﾟｲ", "line-pay"),
    ("RTK LINEﾍﾟｲ", "line-pay"),  # a channel word before the mix
    ("ﾗｲﾝPAY", "line-pay"),
    ("ﾗｸﾃﾝPAY", "rakuten-pay"),
    ("AUﾍﾟｲ", "au-pay"),
    ("ﾒﾙPAY", "merpay"),
    ("ﾌｧﾐPAY", "famipay"),
    ("ﾓﾊﾞｲﾙSUICA", "mobile-suica"),
    ("ｲｵﾝPAY", "aeon-pay"),
    ("DOCOMOｺｳｻﾞ", "docomo-koza"),
    ("ﾃﾞｨｰ払い", "d-barai"),
    ("ﾍﾟｲPAY", "paypay"),
])
def test_a_mix_of_scripts_names_its_wallet(catalogue: Catalogue, printed: str, wallet: str) -> None:
    assert catalogue.match(fold(printed)) == wallet


@pytest.mark.parametrize("printed", ["ﾗｸﾃﾝ銀行", "DOCOMO光", "AUﾍﾟｲｶｰﾄﾞ", "楽天ｶｰﾄﾞ",
                                     "DOCOMOﾃﾞﾝｷ", "KYASHﾃｽｳﾘﾖｳ", "ﾍﾟｲﾍﾟｲ銀行"])
def test_a_mixed_look_alike_stays_a_look_alike(catalogue: Catalogue, printed: str) -> None:
    payee = catalogue.payee(fold(printed))
    assert payee is not None and not payee.wallet


@pytest.mark.parametrize("printed", ["SPEEDY", "ONLINE PAYMENT", "EDY", "PAY", "AU", "LINE",
                                     "PAYMENT ﾗｸﾃﾝ", "SUICAﾃｲｷ", "ALINE ﾍﾟｲ"])
def test_words_that_only_contain_a_name_word_name_nothing(catalogue: Catalogue,
                                                          printed: str) -> None:
    assert catalogue.match(fold(printed)) is None


def test_a_latin_run_is_read_only_when_known_words_make_up_all_of_it() -> None:
    reader = Reader({"PAY": "ペイ", "AU": "エーユー", "LINE": "ライン", "楽天": "ラクテン"})
    assert reader.read("PAYPAY") == "ペイペイ"
    assert reader.read("AUPAY カード") == "エーユーペイ カード"
    assert reader.read("楽天PAY") == "ラクテンペイ"
    for word in ("PAYMENT", "ONLINE", "SPEEDY", "PAYPAL", "AUX"):
        assert reader.read(word) == word


def _mixes(text: str, readings: dict[str, str]) -> set[str]:
    """Every spelling of text with any of its words written as their reading, or back."""
    back = {reading: word for word, reading in readings.items()}
    swaps = {**readings, **back}
    pattern = re.compile("|".join(map(re.escape, sorted(swaps, key=len, reverse=True))))
    spots = [m for m in pattern.finditer(text)][:6]  # 2**6 spellings per name at most
    found = set()
    for choice in itertools.product((False, True), repeat=len(spots)):
        parts, last = [], 0
        for m, swap in zip(spots, choice, strict=True):
            parts += [text[last:m.start()], swaps[m.group()] if swap else m.group()]
            last = m.end()
        found.add("".join(parts) + text[last:])
    return found


def _latin_whole(text: str, readings: dict[str, str]) -> bool:
    """Whether every Latin run of text is made of reading words (the only runs ever read)."""
    reader = Reader({w: r for w, r in readings.items() if w.isascii()})
    return all(reader.read(run) != run for run in re.findall("[A-Z]+", text))


def test_every_name_in_every_mix_of_its_words_names_its_entry(catalogue: Catalogue) -> None:
    readings = dict(catalogue.matching.readings)
    wrong = []
    for entry in (*catalogue.wallets, *catalogue.lookalikes):
        for name, rule in entry.names.ruled():
            for printed in _mixes(name, readings) - {name}:
                if not _latin_whole(printed, readings) or rule == "alone":
                    continue  # a run with other letters is never read; alone names are words
                payee = catalogue.payee(printed)
                if payee is None or payee.id != entry.id:
                    wrong.append((entry.id, printed, payee and payee.id))
    assert wrong == []


def test_a_reading_never_changes_what_a_printed_name_already_names(catalogue: Catalogue) -> None:
    plain = parse_catalogue(_without_readings())
    for entry in (*plain.wallets, *plain.lookalikes):
        for name, _ in entry.names.ruled():
            assert catalogue.payee(name) == plain.payee(name)


def _without_readings() -> str:
    text = (files("auditor") / "data" / "wallets.toml").read_text(encoding="utf-8")
    start = text.index("[matching.readings]")
    end = text.index("\n\n", start)
    return text[:start] + text[end + 2:]


@pytest.mark.parametrize(("table", "message"), [
    ('readings = "PAY"', "readings must be a table"),
    ('readings = {PAY = "pei"}', "must be written in katakana"),
    ('readings = {pay = "ペイ"}', "folded form"),
])
def test_malformed_readings_are_refused(table: str, message: str) -> None:
    text = f'[matching]\n{table}\n[[wallet]]\nid = "w"\nname_ja = "w"\nname_en = "w"\n' \
           'source = "s"\npatterns = ["ダブリユ"]\n'
    with pytest.raises(ValueError, match=message):
        parse_catalogue(text)
