"""Tests for the wallet catalogue: data hygiene, spellings, look-alikes and channel markers."""

from __future__ import annotations

import pickle
import tomllib
import unicodedata
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.ingest.text import fold
from auditor.detect.wallets import Catalogue, Payee, load_catalogue, parse_catalogue

REQUIRED_IDS = (  # the 2020 wave's services and the bank-charged wallets named in the notes
    "docomo-koza",
    "d-barai",
    "paypay",
    "line-pay",
    "merpay",
    "kyash",
    "paypal",
    "rakuten-edy",
    "rakuten-pay",
    "au-pay",
    "famipay",
    "pring",
    "shiharai-hisho",
    "payb",
    "yumeca",
    "mijica",
    "yucho-pay",
    "aeon-pay",
    "mobile-suica",
    "sbi-securities",
)

# Descriptors as banks print them (half-width, full-width, separate voiced marks), and the wallet
# each must match once folded. Sources: bank-formats.md §1-§3; the others are forms banks may print.
SPELLINGS = [
    ("ﾄﾞｺﾓｺｳｻﾞ", "docomo-koza"),
    ("ドコモコウザ", "docomo-koza"),
    ("ト゛コモコウサ゛", "docomo-koza"),
    ("ドコモ口座", "docomo-koza"),
    ("ﾄﾞｺﾓ　ｺｳｻﾞ", "docomo-koza"),  # a full-width space inside the name
    ("ﾄﾞｺﾓ ｺｳｻﾞ", "docomo-koza"),
    ("ﾄ ﾞｺﾓｺｳｻﾞ", "docomo-koza"),  # a voiced mark printed after a space
    ("ｺｳｻﾞﾌﾘｶｴ ﾄﾞｺﾓｺｳｻﾞ", "docomo-koza"),  # channel words before the name...
    ("ﾄﾞｺﾓｺｳｻﾞﾌﾘｶｴ", "docomo-koza"),  # ...and after it, without a space
    ("NTTﾄﾞｺﾓ ﾄﾞｺﾓｺｳｻﾞ", "docomo-koza"),  # the operator beside the service
    ("NTTﾄﾞｺﾓｺｳｻﾞ", "docomo-koza"),
    ("ｿｸｼﾞﾆﾕｳｷﾝ ﾄﾞｺﾓｺｳｻﾞ", "docomo-koza"),
    ("ﾃﾞｲｰﾊﾞﾗｲ", "d-barai"),
    ("ﾃﾞｲ-ﾊﾞﾗｲ", "d-barai"),  # the long vowel as an ASCII hyphen
    ("ﾃﾞｨｰﾊﾞﾗｲ", "d-barai"),
    ("デイーバライ", "d-barai"),
    ("ディーバライ", "d-barai"),
    ("デイバライ", "d-barai"),
    ("d払い", "d-barai"),
    ("ｄﾊﾞﾗｲ", "d-barai"),
    ("D ﾊﾞﾗｲ", "d-barai"),
    ("Ｄ－ﾊﾞﾗｲ", "d-barai"),
    ("ＫＹＡＳＨ", "kyash"),
    ("Kyash", "kyash"),
    ("キヤツシユ", "kyash"),
    ("ｷﾔﾂｼﾕ", "kyash"),
    ("ｷﾔﾂｼﾕ(ｶ", "kyash"),  # 株式会社 after the name, as 全銀 kana abbreviate it
    ("ｶ)ｷﾔﾂｼﾕ", "kyash"),
    ("ＲＴ　(ｷﾔﾂｼﾕ)", "kyash"),
    ("ﾌﾘｶｴｷﾔﾂｼﾕ", "kyash"),
    ("ｷﾔﾂｼﾕ ﾁｬｰｼﾞ", "kyash"),
    ("ＲＴＫ　ペイペイ", "paypay"),
    ("ＲＴＫペイペイ", "paypay"),
    ("RTKﾍﾟｲﾍﾟｲ", "paypay"),
    ("フリカエ　ＰＡＹＰＡＹ", "paypay"),
    ("RS ﾍﾟｲﾍﾟｲ", "paypay"),
    ("(PAYPAY)", "paypay"),
    ("PAYPAY", "paypay"),
    ("PAY PAY", "paypay"),
    ("ＰＡＹＰＡＹ", "paypay"),
    ("ＰａｙＰａｙ", "paypay"),
    ("ペイペイ", "paypay"),
    ("ぺいぺい", "paypay"),  # hiragana
    ("ﾍﾟｲﾍﾟｲ", "paypay"),
    ("ヘ゜イヘ゜イ", "paypay"),
    ("ﾍﾟｲﾍﾟｲﾁｬｰｼﾞ", "paypay"),
    ("ｺｳｻﾞﾌﾘｶｴ ﾍﾟｲﾍﾟｲ", "paypay"),
    ("ﾗｲﾝﾍﾟｲ", "line-pay"),
    ("ﾗｲﾝ ﾍﾟｲ", "line-pay"),
    ("LINE PAY", "line-pay"),
    ("LINEPAY", "line-pay"),
    ("ＬＩＮＥ　ＰＡＹ", "line-pay"),
    ("LINE Pay", "line-pay"),
    ("LINE-PAY", "line-pay"),
    ("ﾌﾘｶｴﾗｲﾝﾍﾟｲ", "line-pay"),
    ("ﾗｲﾝﾍﾟｲﾁｬｰｼﾞ", "line-pay"),
    ("ＲＴ　(LINE PAY)", "line-pay"),
    ("ﾒﾙﾍﾟｲ", "merpay"),
    ("メルペイ", "merpay"),
    ("Merpay", "merpay"),
    ("ﾍﾟｲﾊﾟﾙ", "paypal"),
    ("PAYPAL", "paypal"),
    ("ＰＡＹＰＡＬ", "paypal"),
    ("ﾗｸﾃﾝｴﾃﾞｲ", "rakuten-edy"),
    ("楽天Edy", "rakuten-edy"),
    ("(楽天Edy)", "rakuten-edy"),
    ("フリカエ　楽天Edy", "rakuten-edy"),
    ("ﾗｸﾃﾝ ｴﾃﾞｲ", "rakuten-edy"),
    ("楽天ペイ", "rakuten-pay"),
    ("ﾗｸﾃﾝﾍﾟｲ", "rakuten-pay"),
    ("楽天キャッシュ", "rakuten-pay"),
    ("ﾗｸﾃﾝｷﾔﾂｼﾕ", "rakuten-pay"),
    ("ｴｰﾕｰﾍﾟｲ", "au-pay"),
    ("ｴ-ﾕ-ﾍﾟｲ", "au-pay"),
    ("AU PAY", "au-pay"),
    ("AUPAY", "au-pay"),
    ("ａｕ　ＰＡＹ", "au-pay"),
    ("(AU PAY)", "au-pay"),
    ("ﾌｧﾐﾍﾟｲ", "famipay"),
    ("FamiPay", "famipay"),
    ("ﾌﾟﾘﾝ", "pring"),
    ("(ﾌﾟﾘﾝ)", "pring"),
    ("pring", "pring"),
    ("PRING ﾁｬｰｼﾞ", "pring"),
    ("ｼﾊﾗｲﾋｼﾖ", "shiharai-hisho"),
    ("支払秘書", "shiharai-hisho"),
    ("ｳｴﾙﾈﾂﾄ", "shiharai-hisho"),
    ("ｳｪﾙﾈｯﾄ", "shiharai-hisho"),
    ("(ｳｴﾙﾈﾂﾄ)", "shiharai-hisho"),
    ("PayB", "payb"),
    ("ﾍﾟｲﾋﾞｰ", "payb"),
    ("ゆめか", "yumeca"),
    ("ﾕﾒｶ", "yumeca"),
    ("ゆめカード", "yumeca"),
    ("mijica", "mijica"),
    ("ﾐｼﾞｶ", "mijica"),
    ("ゆうちょPay", "yucho-pay"),
    ("ﾕｳﾁﾖﾍﾟｲ", "yucho-pay"),
    ("JD /AEON PAY", "aeon-pay"),
    ("ｲｵﾝﾍﾟｲ", "aeon-pay"),
    ("ﾓﾊﾞｲﾙｽｲｶ", "mobile-suica"),
    ("モバイルＳｕｉｃａ", "mobile-suica"),
    ("振替　ＳＢＩ証券", "sbi-securities"),
    ("ﾌﾘｶｴ SBIｼﾖｳｹﾝ", "sbi-securities"),
    ("ﾍﾟｲﾍﾟｲ(ｶ", "paypay"),  # 株式会社 set off by a bracket: a company word, not a cut カード
    ("ｶ)ﾍﾟｲﾍﾟｲ", "paypay"),
]

# Invisible characters inside a name never hide it: format characters are removed first.
INVISIBLE = [
    "\u200b",  # ZERO WIDTH SPACE
    "\u200c",  # ZERO WIDTH NON-JOINER
    "\u200d",  # ZERO WIDTH JOINER
    "\u2060",  # WORD JOINER
    "\ufeff",  # ZERO WIDTH NO-BREAK SPACE (BOM)
    "\u00ad",  # SOFT HYPHEN
    "\u200e", "\u200f",  # LRM, RLM
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # embeddings and overrides (RLO)
    "\u2066", "\u2067", "\u2068", "\u2069",  # isolates
    "\u061c",  # ARABIC LETTER MARK
    "\ufe00", "\ufe0f", "\U000e0100",  # variation selectors (VS1, VS16, VS17)
    "\u180e",  # MONGOLIAN VOWEL SEPARATOR
    "\u3164", "\uffa0", "\u115f", "\u1160",  # Hangul fillers
    "\u034f",  # COMBINING GRAPHEME JOINER
    "\U000e0041",  # a tag character
]

# The same spellings as the banks' bytes, decoded as the reader would.
ENCODED = [
    (b"\xc4\xde\xba\xd3\xba\xb3\xbb\xde", "cp932", "docomo-koza"),  # ﾄﾞｺﾓｺｳｻﾞ
    (b"\xc4\xde\xba\xd3\x81@\xba\xb3\xbb\xde", "cp932", "docomo-koza"),  # ﾄﾞｺﾓ　ｺｳｻﾞ
    (b"\x83g\x81J\x83R\x83\x82\x83R\x83E\x83T\x81J", "cp932", "docomo-koza"),  # ト゛コモコウサ゛
    (b"\xd7\xb2\xdd \xcd\xdf\xb2", "cp932", "line-pay"),  # ﾗｲﾝ ﾍﾟｲ
    (b"\x82k\x82h\x82m\x82d\x81@\x82o\x82`\x82x", "cp932", "line-pay"),  # ＬＩＮＥ　ＰＡＹ
    (b"\xc3\xde\xb2-\xca\xde\xd7\xb2", "cp932", "d-barai"),  # ﾃﾞｲ-ﾊﾞﾗｲ
    (b"D \xca\xde\xd7\xb2", "cp932", "d-barai"),  # D ﾊﾞﾗｲ
    (b"\xb7\xd4\xc2\xbc\xd5", "cp932", "kyash"),  # ｷﾔﾂｼﾕ
    (b"\xb6)\xb7\xd4\xc2\xbc\xd5", "cp932", "kyash"),  # ｶ)ｷﾔﾂｼﾕ
    (b"\x82q\x82s\x82j\x81@\x83y\x83C\x83y\x83C", "cp932", "paypay"),  # ＲＴＫ　ペイペイ
    (b"RS \xcd\xdf\xb2\xcd\xdf\xb2", "cp932", "paypay"),  # RS ﾍﾟｲﾍﾟｲ
    (b"\xcd\xdf\xb2\xcd\xdf\xb2", "shift_jis_2004", "paypay"),  # ﾍﾟｲﾍﾟｲ
    (b"\xef\xbc\xb0\xef\xbd\x81\xef\xbd\x99\xef\xbc\xb0\xef\xbd\x81\xef\xbd\x99", "utf-8",
     "paypay"),  # ＰａｙＰａｙ
    (b"\xe3\x83\x89\xe3\x82\xb3\xe3\x83\xa2\xe2\x80\x8b\xe3\x82\xb3\xe3\x82\xa6\xe3\x82\xb6",
     "utf-8", "docomo-koza"),  # ドコモ<ZWSP>コウザ
    (b"\xcd\xdf\xb2\xcd\xdf", "cp932", "paypay"),  # ﾍﾟｲﾍﾟ, cut at the field width
]

# Names the bank cut at its field width, at the end of the descriptor: a likely, truncated match.
TRUNCATED = [
    ("ﾄﾞｺﾓｺｳ", "docomo-koza"),
    ("ﾄﾞｺﾓｺｳｻ", "docomo-koza"),  # cut between サ and its voiced mark
    ("ﾄﾞｺﾓ ｺｳ", "docomo-koza"),
    ("RTK ﾄﾞｺﾓｺｳ", "docomo-koza"),
    ("ｿｸｼﾞﾆﾕｳｷﾝﾄﾞｺﾓｺｳ", "docomo-koza"),
    ("ﾃﾞｲｰﾊﾞﾗ", "d-barai"),  # デイバラ: four of デイバライ's five letters
    ("デイーバラ", "d-barai"),
    ("ﾍﾟｲﾍﾟ", "paypay"),  # three of four: no look-alike starts with so much of PayPay
    ("ﾍﾟｲﾊﾟ", "paypal"),
    ("ｴｰﾕｰﾍﾟ", "au-pay"),
    ("ﾗｲﾝﾍﾟ", "line-pay"),
    ("ＬＩＮＥ　ＰＡ", "line-pay"),
    ("MERPA", "merpay"),
    ("ﾌｱﾐﾍﾟ", "famipay"),
    ("ｼﾊﾗｲﾋｼ", "shiharai-hisho"),
    ("ﾓﾊﾞｲﾙｽｲ", "mobile-suica"),
    ("ﾗｸﾃﾝｴﾃﾞ", "rakuten-edy"),
    ("SBIｼﾖｳｹ", "sbi-securities"),
    ("NTTﾄﾞｺﾓ ﾄﾞｺﾓｺｳｻ", "docomo-koza"),
    ("VISAﾃﾞﾋﾞﾂﾄ ｷﾔﾂｼ", None),  # an alone name cut short must still stand alone
]

# Brand stems shared with bills, cards and banks are never a truncated wallet.
STEMS = ["ﾄﾞｺﾓ", "ﾄﾞｺﾓｺ", "NTTﾄﾞｺﾓ", "ﾗｸﾃﾝ", "ﾗｸﾃﾝｷ", "ﾗｲﾝ", "PAYPA", "PAYPAY BA",
         "ﾍﾟｲﾍﾟｲｷﾞ", "SAMSUNG PAY"]

# Descriptors that share a word with a wallet but are not top-ups.
LOOK_ALIKES = [
    "ＰＡＹＰＡＹカ－ド",
    "ＰＡＹＰＡＹカ−ド",  # the same bytes decoded with shift_jis instead of cp932
    "ＰＡＹＰＡＹカ－ト゛",
    "PAYPAY ｶｰﾄﾞ",
    "PayPay カード",
    "PAYPAYｶ",  # the card bill cut at the field width
    "ﾍﾟｲﾍﾟｲｷﾞﾝｺｳ",
    "振込　ペイペイ銀行",
    "ﾌﾘｺﾐ PAYPAY ｷﾞﾝｺｳ",
    "PAYPAY BANK",
    "Ｖデビット　ＰＡＹＰＡＹドーム",
    "ラクテンカード",
    "ﾗｸﾃﾝｶｰﾄﾞ",
    "楽天カード",
    "ラクテンカ－ト゛サ－ヒ゛ス",
    "楽天銀行",
    "ﾗｸﾃﾝｷﾞﾝｺｳ",
    "ＮＴＴドコモ",
    "NTTﾄﾞｺﾓ ｹｲﾀｲ",
    "ドコモケイタイ",
    "NTTﾄﾞｺﾓ",
    "ドコモ光",
    "ドコモでんき",
    "ﾄﾞｺﾓｼｮｯﾌﾟ",
    "ﾒﾙｶﾘ",
    "メルペイスマート払い",
    "ﾒﾙﾍﾟｲ ｽﾏｰﾄﾊﾞﾗｲ",
    "ｾｿﾞﾝｶｰﾄﾞ",
    "au PAY カード",
    "AU PAYカード",
    "ａｕ　ＰＡＹカード",
    "KYASH ｶｰﾄﾞ",
    "Kyash 手数料",
    "SPRING",
    "ｽﾌﾟﾘﾝｸﾞ",
    "ﾌﾟﾘﾝｽﾎﾃﾙ",
    "ﾌﾟﾘﾝｼﾊﾟﾙ",
    "ｶｽﾀｰﾄﾞﾌﾟﾘﾝ",
    "ﾃﾞﾝｷﾀﾞｲ",
    "ＪＣＢデビット　ローソン",
    "Vﾃﾞﾋﾞﾂﾄ ｱﾏｿﾞﾝ",
    "振込　ヤマダ　タロウ",
    "VISAデビツトキヤツシユバツク",
    "VISAﾃﾞﾋﾞﾂﾄ ｷﾔﾂｼﾕ ﾊﾞﾂｸ",
    "デビツトカイガイリヨウキヤツシユバツク",
    "ｷｬｯｼｭｻｰﾋﾞｽ",
    "ｷｬｯｼｭ ｻｰﾋﾞｽ",
    "ｷﾔﾂｼﾕｶｰﾄﾞ ｻｲﾊﾂｺｳ",
    "ONLINE PAYMENT",
    "ONLINE PAY",
    "AIRLINE PAYMENT",
    "ｵﾝﾗｲﾝﾍﾟｲ",
    "LINE PAYMENT",
    "AU PAYカード",
    "BEAUPAY",
    "SPEEDY",
    "PAYBACK",
    "ADﾊﾞﾗｲ",
    "ＤＦ．ペイデイ",
    "ＳＢＩハイブリッド預金",
    "ATM ｼﾊﾗｲ",
    "ｳｴﾙﾈﾂﾄ ﾊﾞｽﾁｹｯﾄ",
    "ｳｴﾙﾈﾂﾄ ｺｳｿｸﾊﾞｽ",
    "ｻｰﾋﾞｽﾁｬｰｼﾞ",
    "PayPay証券",
    "ﾍﾟｲﾍﾟｲｼﾖｳｹﾝ",
    "ＰＡＹＰＡＹ　ショウケン",
    "ＤＦ．ヘ゜イヘ゜イ証券",
    "V457321　AU PAY ﾏｰｹﾂﾄ",
    "VISAテ゛ヒ゛ット　ＰＡＹＰＡＹモ－ル",
    "デビット　ＫＹＡＳＨ　ＣＡＲＤ　ＦＥＥ",
    "ﾍﾟｲﾍﾟｲｶ",
]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _raw_catalogue() -> dict[str, Any]:
    return tomllib.loads((files("auditor") / "data" / "wallets.toml").read_text(encoding="utf-8"))


def test_every_name_channel_and_word_is_already_folded() -> None:
    raw = _raw_catalogue()
    strings = [
        (entry["id"], text)
        for table in ("wallet", "lookalike")
        for entry in raw[table]
        for key in ("patterns", "words", "alone", "channels")
        for text in entry.get(key, [])
    ]
    strings += [(marker["id"], marker["pattern"]) for marker in raw["channel"]]
    strings += [("matching", word) for key in ("channel_words", "filler_words")
                for word in raw["matching"][key]]
    assert [(entry, text) for entry, text in strings if fold(text) != text] == []


def test_every_required_wallet_exists(catalogue: Catalogue) -> None:
    assert set(REQUIRED_IDS) <= set(catalogue.ids)


def test_brokerages_are_their_own_kind(catalogue: Catalogue) -> None:
    kinds = {wallet.id: wallet.kind for wallet in catalogue.wallets}
    assert kinds["sbi-securities"] == "brokerage"
    assert {kinds[wallet] for wallet in REQUIRED_IDS if wallet != "sbi-securities"} == {"wallet"}
    # PayPay証券 only shares a brand: a look-alike, judged as the brokerage it is.
    [paypay_securities] = [a for a in catalogue.lookalikes if a.id == "paypay-securities"]
    assert paypay_securities.kind == "brokerage"


def test_known_caps(catalogue: Catalogue) -> None:
    assert catalogue.get("docomo-koza").monthly_cap == 300000
    assert catalogue.get("kyash").daily_cap is not None


def test_get_unknown_id_raises_key_error(catalogue: Catalogue) -> None:
    with pytest.raises(KeyError, match="no-such-wallet"):
        catalogue.get("no-such-wallet")


def test_bundled_catalogue_is_cached_and_same_as_loading_the_file(catalogue: Catalogue) -> None:
    assert load_catalogue() is catalogue
    path = Path(str(files("auditor") / "data" / "wallets.toml"))
    assert load_catalogue(path) == catalogue


def test_catalogue_survives_pickling_for_worker_processes(catalogue: Catalogue) -> None:
    copy = pickle.loads(pickle.dumps(catalogue))
    assert copy == catalogue
    assert copy.payee(fold("ﾄﾞｺﾓｺｳ")) == Payee("docomo-koza", wallet=True, truncated=True)


@pytest.mark.parametrize(("printed", "wallet_id"), SPELLINGS)
def test_bank_spelling_matches_its_wallet(
    catalogue: Catalogue, printed: str, wallet_id: str
) -> None:
    assert catalogue.payee(fold(printed)) == Payee(wallet_id, wallet=True)


@pytest.mark.parametrize(("raw", "encoding", "wallet_id"), ENCODED)
def test_bank_bytes_match_their_wallet(catalogue: Catalogue, raw: bytes, encoding: str,
                                       wallet_id: str) -> None:
    assert catalogue.match(fold(raw.decode(encoding))) == wallet_id


@pytest.mark.parametrize("invisible", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_characters_never_hide_a_name(catalogue: Catalogue, invisible: str) -> None:
    for printed in ("ドコモ{}コウザ", "ﾄﾞ{}ｺﾓｺｳｻﾞ", "ﾗｲﾝ{}ﾍﾟｲ", "ｷﾔ{}ﾂｼﾕ", "{}PAY{}PAY{}"):
        assert catalogue.match(fold(printed.format(invisible, invisible, invisible))) is not None
    assert catalogue.payee(fold(f"ドコモ{invisible}コウザ")) == catalogue.payee(fold("ドコモコウザ"))


@pytest.mark.parametrize(("printed", "wallet_id"), TRUNCATED)
def test_name_cut_at_the_end_is_a_truncated_match(catalogue: Catalogue, printed: str,
                                                   wallet_id: str | None) -> None:
    expected = None if wallet_id is None else Payee(wallet_id, wallet=True, truncated=True)
    assert catalogue.payee(fold(printed)) == expected


@pytest.mark.parametrize("printed", STEMS)
def test_brand_stem_is_never_a_truncated_wallet(catalogue: Catalogue, printed: str) -> None:
    assert catalogue.match(fold(printed)) is None


def test_a_name_cut_in_the_middle_of_a_descriptor_is_no_match(catalogue: Catalogue) -> None:
    assert catalogue.match(fold("ﾄﾞｺﾓｺｳ ｶｲﾋ")) is None


@pytest.mark.parametrize("printed", LOOK_ALIKES)
def test_look_alike_matches_no_wallet(catalogue: Catalogue, printed: str) -> None:
    assert catalogue.match(fold(printed)) is None


@pytest.mark.parametrize(("printed", "lookalike"), [
    ("ＰＡＹＰＡＹカ－ド", "paypay-card"), ("PAYPAYｶ", "paypay-card"),
    ("ﾌﾘｺﾐ PAYPAY ｷﾞﾝｺｳ", "paypay-bank"), ("ﾍﾟｲﾍﾟｲｼﾖｳｹﾝ", "paypay-securities"),
    ("メルペイスマート払い", "merpay-smart"), ("ｻｰﾋﾞｽﾁｬｰｼﾞ", "service-charge"),
    ("ドコモ光", "docomo-bills"), ("au PAY カード", "au-pay-card"),
])
def test_look_alike_is_named(catalogue: Catalogue, printed: str, lookalike: str) -> None:
    payee = catalogue.payee(fold(printed))
    assert payee is not None and (payee.id, payee.wallet) == (lookalike, False)


def test_longest_pattern_wins_over_a_shorter_one(catalogue: Catalogue) -> None:
    # ラクテンキヤツシユ contains Kyash's キヤツシユ; the longer 楽天キャッシュ pattern must win.
    assert catalogue.match(fold("ﾗｸﾃﾝｷﾔﾂｼﾕ")) == "rakuten-pay"


def test_a_look_alike_outranks_the_wallet_name_inside_it_only() -> None:
    small = parse_catalogue(
        _toml_wallet("short-one", ["BC"]) + _toml_lookalike("long-one", ["BCDE"]))
    assert small.match("BC") == "short-one"
    assert small.match("ABCDEF") is None  # BC lies inside BCDE
    assert small.match("BCDE BC") == "short-one"  # a second BC stands outside it
    assert small.payee("BCDE") == Payee("long-one", wallet=False)


def test_words_and_alone_names_need_their_bounds() -> None:
    small = parse_catalogue(_toml_wallet("word", [], extra='words = ["AB"]')
                            + _toml_wallet("solo", [], extra='alone = ["カサ"]')
                            + '[matching]\nchannel_words = ["RT"]\nfiller_words = ["カ"]\n')
    assert [small.match(text) for text in ("AB", "X AB", "ABC", "XAB", "アAB")] == [
        "word", "word", None, None, "word"]
    assert [small.match(text) for text in ("カサ", "RTカサ", "カ カサ", "カサ カ", "アカサ", "カサ ア")] == [
        "solo", "solo", "solo", "solo", None, None]


KANA = st.sampled_from([text for text, _ in SPELLINGS] + LOOK_ALIKES)


def _wide(text: str) -> str:
    """Half-width katakana and ASCII written full width, voiced marks composed or apart."""
    return unicodedata.normalize("NFKC", text)


def _variants(draw: st.DrawFn, text: str) -> str:
    """The text with its width, case and voiced marks changed, as another bank would print it."""
    choice = draw(st.sampled_from(["as-is", "wide", "lower", "upper", "spacing-marks"]))
    if choice == "wide":
        return _wide(text)
    if choice in ("lower", "upper"):
        return getattr(text, choice)()
    if choice == "spacing-marks":
        decomposed = unicodedata.normalize("NFD", _wide(text))
        return decomposed.replace("\u3099", "\u309b").replace("\u309a", "\u309c")
    return text


@st.composite
def _respelt(draw: st.DrawFn, spaces: bool) -> tuple[str, str]:
    text = draw(KANA)
    changed = _variants(draw, text)
    extras = INVISIBLE + ([" ", "\u3000", "\u00a0", "\u2009"] if spaces else [])
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(changed)))
        changed = changed[:at] + draw(st.sampled_from(extras)) + changed[at:]
    return text, changed


@settings(max_examples=300, deadline=None)
@given(_respelt(spaces=False))
def test_invisible_characters_width_and_case_never_change_the_match(pair: tuple[str, str]) -> None:
    catalogue = load_catalogue()
    text, changed = pair
    assert catalogue.payee(fold(changed)) == catalogue.payee(fold(text))


@settings(max_examples=300, deadline=None)
@given(_respelt(spaces=True))
def test_spaces_inside_a_name_never_break_it(pair: tuple[str, str]) -> None:
    catalogue = load_catalogue()
    text, changed = pair
    if catalogue.match(fold(text)) is not None:
        assert catalogue.match(fold(changed)) == catalogue.match(fold(text))


# (descriptor, channel column, bank, expected marker). ゆうちょ ＲＴ is 即時振替 with the payee in
# brackets; an ＲＴ row whose 詳細２ is a bare name does not have that shape, so it is no hit. A
# marker counts only at the bank where it means a pull.
YUCHO, MUFG, SUMISHIN, IWATE, SMBC = ("ゆうちょ銀行", "三菱UFJ銀行", "住信SBIネット銀行", "岩手銀行",
                                      "三井住友銀行")
MARKERS = [
    ("(ﾅﾝﾄｶﾍﾟｲ)", "ＲＴ", YUCHO, "yucho-rt"),
    ("(PAYPAY)", "ＲＴ", YUCHO, "yucho-rt"),
    ("(ﾅﾝﾄｶﾍﾟｲ)", "ＲＴ", SMBC, None),
    ("ﾔﾏﾀﾞ ﾀﾛｳ", "ＲＴ", YUCHO, None),
    ("(ﾅﾝﾄｶﾍﾟｲ)", "自払", YUCHO, None),
    ("フリカエ　ナントカ", "", SUMISHIN, "sumishin-furikae"),
    ("フリカエナントカ", "", SUMISHIN, "sumishin-furikae"),
    ("ﾌﾘｶｴ ﾄｳｷﾖｳﾃﾞﾝﾘﾖｸ", "", SUMISHIN, "sumishin-furikae"),
    ("ﾌﾘｶｴ ﾄｳｷﾖｳﾃﾞﾝﾘﾖｸ", "", IWATE, None),  # a power bill at any other bank
    ("ﾌﾘｶｴ ﾄｳｷﾖｳﾃﾞﾝﾘﾖｸ", "", None, None),
    ("ＲＴＫ　ナントカ", "口座振替", MUFG, "mufg-rtk"),
    ("ＲＴＫナントカ", "口座振替", MUFG, "mufg-rtk"),
    ("ＲＴＫ　ナントカ", "口座振替", SMBC, None),
    ("RS ﾅﾝﾄｶ", "", IWATE, "iwate-rs"),
    ("RSﾅﾝﾄｶ", "", IWATE, "iwate-rs"),
    ("RS ﾄｳｷﾖｳｶﾞｽ", "", SMBC, None),  # a gas bill elsewhere
    ("RSVP TOKYO", "", IWATE, None),
    ("GAICAカード チャージ", "", SMBC, "charge"),
    ("GAICAカード チャージ", "", None, "charge"),  # an unknown bank: the "any" markers only
    ("ﾅﾝﾄｶ ﾁﾔ-ｼﾞ", "", SMBC, "charge"),
    ("振込　ヤマダ　タロウ", "", SUMISHIN, None),
    ("振込　ヤマダ　タロウ", "振込", YUCHO, None),
    ("ATM ｼﾊﾗｲ", "", SMBC, None),
    ("ATM ｼﾊﾗｲ", "カ－ド", MUFG, None),
    ("ﾃﾞﾝｷﾀﾞｲ", "口座振替３", MUFG, None),
    ("ﾓｸﾃｷﾖｷﾝﾌﾘｶｴ", "", IWATE, None),
    ("ﾓｸﾃｷﾖｷﾝﾌﾘｶｴ", "", SUMISHIN, None),
    ("VISA STARS COFFEE", "", IWATE, None),
]


@pytest.mark.parametrize(("descriptor", "channel", "bank", "expected"), MARKERS)
def test_channel_marker(catalogue: Catalogue, descriptor: str, channel: str, bank: str | None,
                        expected: str | None) -> None:
    assert catalogue.marker(fold(descriptor), fold(channel), bank) == expected


def test_every_marker_bank_is_a_layout_bank(catalogue: Catalogue) -> None:
    from auditor.ingest.layouts import builtin_layouts

    banks = {layout.bank for layout in builtin_layouts()} | {"any"}
    assert {marker.bank for marker in catalogue.channels} <= banks


def _toml_wallet(wallet_id: str, patterns: list[str], extra: str = "") -> str:
    lines = ["[[wallet]]", f'id = "{wallet_id}"', 'name_ja = "テスト"', 'name_en = "Test"',
             'source = "test"']
    if patterns:
        lines.append(f"patterns = {patterns!r}".replace("'", '"'))
    return "\n".join(lines) + "\n" + extra + "\n"


def _toml_lookalike(entry_id: str, patterns: list[str], extra: str = "") -> str:
    lines = ["[[lookalike]]", f'id = "{entry_id}"', 'kind = "card"', 'name_ja = "テスト"',
             'name_en = "Test"', 'source = "test"', f"patterns = {patterns!r}".replace("'", '"')]
    return "\n".join(lines) + "\n" + extra + "\n"


_OK = _toml_wallet("ok", ["ABC"])
_RT = '[[channel]]\nid = "rt"\npattern = "RT"\nbank = "b"\nnote = "n"\n'

# (catalogue text, regex the ValueError message must contain: the entry's id where it has one)
MALFORMED = {
    "unknown-key": (_toml_wallet("bad", ["ABC"], extra='colour = "red"'), "'bad'.*colour"),
    "exclude-is-gone": (_toml_wallet("ex", ["ABC"], extra='exclude = ["ABCD"]'), "'ex'.*exclude"),
    "duplicate-id": (_toml_wallet("twice", ["A"]) + _toml_wallet("twice", ["B"]), "'twice'"),
    "id-shared-with-look-alike": (_OK + _toml_lookalike("ok", ["XYZ"]), "'ok' appears twice"),
    "unfolded-pattern": (_toml_wallet("halfwidth", ["ﾍﾟｲﾍﾟｲ"]), "'halfwidth'.*not folded"),
    "lower-case-pattern": (_toml_wallet("lower", ["paypay"]), "'lower'.*not folded"),
    "unfolded-word": (_toml_wallet("w", [], extra='words = ["ﾍﾟｲ"]'), "'w'.*not folded"),
    "no-names": (_toml_wallet("bare", []), "'bare'.*at least one of"),
    "same-key-twice": (_toml_wallet("spaced", ["AB C", "ABC"]), "'spaced'.*same text"),
    "long-vowel-twice": (_toml_wallet("vowel", ["デイーバライ", "デイバライ"]), "'vowel'.*same text"),
    "no-letters": (_toml_wallet("dots", ["..."]), "'dots'.*no letter"),
    "shared-pattern": (_toml_wallet("a", ["SAME"]) + _toml_wallet("b", ["SA ME"]), "'a'.*'b'"),
    "shared-with-look-alike": (_OK + _toml_lookalike("look", ["ABC"]), "'ok'.*'look'"),
    "bad-kind": (_toml_wallet("k", ["ABC"], extra='kind = "bank"'), "'k'.*kind"),
    "bad-look-alike-kind": (_OK + _toml_lookalike("l", ["X"]).replace('"card"', '"wallet"'),
                            "'l'.*kind"),
    "bad-id": (_toml_wallet("Not_Kebab", ["ABC"]), "kebab"),
    "missing-key": ('[[wallet]]\nid = "thin"\npatterns = ["ABC"]\n', "'thin'.*missing"),
    "bool-cap": (_toml_wallet("cap", ["ABC"], extra="monthly_cap = true"), "'cap'.*monthly_cap"),
    "negative-cap": (_toml_wallet("cap", ["ABC"], extra="daily_cap = -5"), "'cap'.*daily_cap"),
    "unknown-channel": (_toml_wallet("chan", ["ABC"], extra='channels = ["ZZ"]'), "'chan'.*ZZ"),
    "unknown-top-level": (_OK + "[extra]\nx = 1\n", "extra"),
    "matching-key": (_OK + "[matching]\nstems = 1\n", r"\[matching\].*stems"),
    "short-truncation": (_OK + "[matching]\ntruncated_min = 2\n", "truncated_min"),
    "half-a-name": (_OK + "[matching]\ntruncated_share = 0.5\n", "truncated_share"),
    "unfolded-channel-word": (_OK + '[matching]\nchannel_words = ["ﾌﾘｶｴ"]\n', "not folded"),
    "bad-where": (_OK + _RT + 'where = "column"\n', "'rt'.*where"),
    "bad-regex": (_OK + _RT + "where = \"channel\"\nregex = '('\n", "'rt'.*regex"),
    "empty": ("", r"no \[\[wallet\]\]"),
    "not-toml": ("[[wallet]\n", "not valid TOML"),
}


@pytest.mark.parametrize(("text", "message"), MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_catalogue_raises_value_error(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_catalogue(text)


def test_malformed_catalogue_file_raises_value_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "wallets.toml"
    path.write_text(_toml_wallet("halfwidth", ["ﾍﾟｲﾍﾟｲ"]), encoding="utf-8")
    with pytest.raises(ValueError, match=r"wallets\.toml: wallet 'halfwidth'"):
        load_catalogue(path)


@given(st.text())
def test_match_never_raises_and_returns_a_catalogue_id_or_none(text: str) -> None:
    catalogue = load_catalogue()
    for key in (text, fold(text)):
        assert catalogue.match(key) in {None, *catalogue.ids}
