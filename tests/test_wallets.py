"""Tests for the wallet catalogue: data hygiene, spellings, look-alikes and channel markers."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.text import fold
from auditor.wallets import Catalogue, load_catalogue, parse_catalogue

REQUIRED_IDS = (
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
# each must match once folded. Sources: bank-formats.md §1-§3 and the brief's spelling list.
SPELLINGS = [
    ("ﾄﾞｺﾓｺｳｻﾞ", "docomo-koza"),
    ("ドコモコウザ", "docomo-koza"),
    ("ト゛コモコウサ゛", "docomo-koza"),
    ("ドコモ口座", "docomo-koza"),
    ("ﾃﾞｲｰﾊﾞﾗｲ", "d-barai"),
    ("デイーバライ", "d-barai"),
    ("ディーバライ", "d-barai"),
    ("デイバライ", "d-barai"),
    ("d払い", "d-barai"),
    ("ｄﾊﾞﾗｲ", "d-barai"),
    ("ＫＹＡＳＨ", "kyash"),
    ("Kyash", "kyash"),
    ("キヤツシユ", "kyash"),
    ("ｷﾔﾂｼﾕ", "kyash"),
    ("ＲＴＫ　ペイペイ", "paypay"),
    ("ＲＴＫペイペイ", "paypay"),
    ("フリカエ　ＰＡＹＰＡＹ", "paypay"),
    ("RS ﾍﾟｲﾍﾟｲ", "paypay"),
    ("(PAYPAY)", "paypay"),
    ("PAYPAY", "paypay"),
    ("ＰＡＹＰＡＹ", "paypay"),
    ("ペイペイ", "paypay"),
    ("ﾍﾟｲﾍﾟｲ", "paypay"),
    ("ヘ゜イヘ゜イ", "paypay"),
    ("ﾗｲﾝﾍﾟｲ", "line-pay"),
    ("LINE PAY", "line-pay"),
    ("ＬＩＮＥ　ＰＡＹ", "line-pay"),
    ("LINE Pay", "line-pay"),
    ("ﾒﾙﾍﾟｲ", "merpay"),
    ("メルペイ", "merpay"),
    ("ﾍﾟｲﾊﾟﾙ", "paypal"),
    ("PAYPAL", "paypal"),
    ("ＰＡＹＰＡＬ", "paypal"),
    ("ﾗｸﾃﾝｴﾃﾞｲ", "rakuten-edy"),
    ("楽天Edy", "rakuten-edy"),
    ("(楽天Edy)", "rakuten-edy"),
    ("フリカエ　楽天Edy", "rakuten-edy"),
    ("楽天ペイ", "rakuten-pay"),
    ("ﾗｸﾃﾝﾍﾟｲ", "rakuten-pay"),
    ("楽天キャッシュ", "rakuten-pay"),
    ("ﾗｸﾃﾝｷﾔﾂｼﾕ", "rakuten-pay"),
    ("ｴｰﾕｰﾍﾟｲ", "au-pay"),
    ("AU PAY", "au-pay"),
    ("ａｕ　ＰＡＹ", "au-pay"),
    ("(AU PAY)", "au-pay"),
    ("ﾌｧﾐﾍﾟｲ", "famipay"),
    ("FamiPay", "famipay"),
    ("ﾌﾟﾘﾝ", "pring"),
    ("pring", "pring"),
    ("ｼﾊﾗｲﾋｼﾖ", "shiharai-hisho"),
    ("支払秘書", "shiharai-hisho"),
    ("ｳｴﾙﾈﾂﾄ", "shiharai-hisho"),
    ("ｳｪﾙﾈｯﾄ", "shiharai-hisho"),
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
]

# Descriptors that share a word with a wallet but are not top-ups.
LOOK_ALIKES = [
    "ＰＡＹＰＡＹカ－ド",
    "ＰＡＹＰＡＹカ−ド",  # the same bytes decoded with shift_jis instead of cp932
    "ＰＡＹＰＡＹカ－ト゛",
    "ﾍﾟｲﾍﾟｲｷﾞﾝｺｳ",
    "ラクテンカード",
    "ﾗｸﾃﾝｶｰﾄﾞ",
    "ラクテンカ－ト゛サ－ヒ゛ス",
    "楽天銀行",
    "ＮＴＴドコモ",
    "ドコモケイタイ",
    "NTTﾄﾞｺﾓ",
    "ﾒﾙｶﾘ",
    "ｾｿﾞﾝｶｰﾄﾞ",
    "SPRING",
    "ｽﾌﾟﾘﾝｸﾞ",
    "ﾌﾟﾘﾝｽﾎﾃﾙ",
    "ﾃﾞﾝｷﾀﾞｲ",
    "ＪＣＢデビット　ローソン",
    "Vﾃﾞﾋﾞﾂﾄ ｱﾏｿﾞﾝ",
    "振込　ヤマダ　タロウ",
    "VISAデビツトキヤツシユバツク",
    "デビツトカイガイリヨウキヤツシユバツク",
    "ONLINE PAYMENT",
    "AU PAYカード",
    "SPEEDY",
    "ＤＦ．ペイデイ",
    "ＳＢＩハイブリッド預金",
    "ATM ｼﾊﾗｲ",
]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _raw_catalogue() -> dict[str, Any]:
    return tomllib.loads((files("auditor") / "data" / "wallets.toml").read_text(encoding="utf-8"))


def test_every_pattern_exclude_and_channel_is_already_folded() -> None:
    raw = _raw_catalogue()
    strings = [
        (wallet["id"], text)
        for wallet in raw["wallet"]
        for key in ("patterns", "exclude", "channels")
        for text in wallet.get(key, [])
    ]
    strings += [(marker["id"], marker["pattern"]) for marker in raw["channel"]]
    assert [(entry, text) for entry, text in strings if fold(text) != text] == []


def test_every_required_wallet_exists(catalogue: Catalogue) -> None:
    assert set(REQUIRED_IDS) <= set(catalogue.ids)


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


@pytest.mark.parametrize(("printed", "wallet_id"), SPELLINGS)
def test_bank_spelling_matches_its_wallet(
    catalogue: Catalogue, printed: str, wallet_id: str
) -> None:
    assert catalogue.match(fold(printed)) == wallet_id


@pytest.mark.parametrize("printed", LOOK_ALIKES)
def test_look_alike_matches_no_wallet(catalogue: Catalogue, printed: str) -> None:
    assert catalogue.match(fold(printed)) is None


def test_longest_pattern_wins_over_a_shorter_one(catalogue: Catalogue) -> None:
    # ラクテンキヤツシユ contains Kyash's キヤツシユ; the longer 楽天キャッシュ pattern must win.
    assert catalogue.match(fold("ﾗｸﾃﾝｷﾔﾂｼﾕ")) == "rakuten-pay"


def test_excluded_look_alike_falls_through_to_the_next_wallet() -> None:
    small = parse_catalogue(
        _toml_wallet("long-one", ["ABCD"], exclude=["ABCDX"]) + _toml_wallet("short-one", ["BC"])
    )
    assert small.match("ABCD") == "long-one"
    assert small.match("ABCDX") == "short-one"
    assert small.match("ZZZ") is None


# (descriptor, channel column, expected marker). ゆうちょ ＲＴ is 即時振替 with the payee in
# brackets; an ＲＴ row whose 詳細２ is a bare name does not have that shape, so it is no hit.
MARKERS = [
    ("(ﾅﾝﾄｶﾍﾟｲ)", "ＲＴ", "yucho-rt"),
    ("(PAYPAY)", "ＲＴ", "yucho-rt"),
    ("ﾔﾏﾀﾞ ﾀﾛｳ", "ＲＴ", None),
    ("(ﾅﾝﾄｶﾍﾟｲ)", "自払", None),
    ("フリカエ　ナントカ", "", "sumishin-furikae"),
    ("ＲＴＫ　ナントカ", "口座振替", "mufg-rtk"),
    ("RS ﾅﾝﾄｶ", "", "iwate-rs"),
    ("GAICAカード チャージ", "", "charge"),
    ("振込　ヤマダ　タロウ", "", None),
    ("振込　ヤマダ　タロウ", "振込", None),
    ("ATM ｼﾊﾗｲ", "", None),
    ("ATM ｼﾊﾗｲ", "カ－ド", None),
    ("ﾃﾞﾝｷﾀﾞｲ", "口座振替３", None),
    ("ﾓｸﾃｷﾖｷﾝﾌﾘｶｴ", "", None),
    ("VISA STARS COFFEE", "", None),
]


@pytest.mark.parametrize(("descriptor", "channel", "expected"), MARKERS)
def test_channel_marker(
    catalogue: Catalogue, descriptor: str, channel: str, expected: str | None
) -> None:
    assert catalogue.marker(fold(descriptor), fold(channel)) == expected


def _toml_wallet(
    wallet_id: str, patterns: list[str], exclude: list[str] | None = None, extra: str = ""
) -> str:
    lines = [
        "[[wallet]]",
        f'id = "{wallet_id}"',
        'name_ja = "テスト"',
        'name_en = "Test"',
        f"patterns = {patterns!r}".replace("'", '"'),
        'source = "test"',
    ]
    if exclude is not None:
        lines.append(f"exclude = {exclude!r}".replace("'", '"'))
    return "\n".join(lines) + "\n" + extra + "\n"


_OK = _toml_wallet("ok", ["ABC"])
_RT = '[[channel]]\nid = "rt"\npattern = "RT"\nbank = "b"\nnote = "n"\n'

# (catalogue text, regex the ValueError message must contain: the entry's id where it has one)
MALFORMED = {
    "unknown-key": (_toml_wallet("bad", ["ABC"], extra='colour = "red"'), "'bad'.*colour"),
    "duplicate-id": (_toml_wallet("twice", ["A"]) + _toml_wallet("twice", ["B"]), "'twice'"),
    "unfolded-pattern": (_toml_wallet("halfwidth", ["ﾍﾟｲﾍﾟｲ"]), "'halfwidth'.*not folded"),
    "lower-case-pattern": (_toml_wallet("lower", ["paypay"]), "'lower'.*not folded"),
    "unfolded-exclude": (_toml_wallet("ex", ["ABC"], exclude=["ABCｶｰﾄﾞ"]), "'ex'.*not folded"),
    "unrelated-exclude": (_toml_wallet("ex", ["ABC"], exclude=["XYZ"]), "'ex'.*extend"),
    "shared-pattern": (_toml_wallet("a", ["SAME"]) + _toml_wallet("b", ["SAME"]), "SAME.*'a'.*'b'"),
    "bad-id": (_toml_wallet("Not_Kebab", ["ABC"]), "kebab"),
    "missing-key": ('[[wallet]]\nid = "thin"\npatterns = ["ABC"]\n', "'thin'.*missing"),
    "bool-cap": (_toml_wallet("cap", ["ABC"], extra="monthly_cap = true"), "'cap'.*monthly_cap"),
    "negative-cap": (_toml_wallet("cap", ["ABC"], extra="daily_cap = -5"), "'cap'.*daily_cap"),
    "unknown-channel": (_toml_wallet("chan", ["ABC"], extra='channels = ["ZZ"]'), "'chan'.*ZZ"),
    "unknown-top-level": (_OK + "[extra]\nx = 1\n", "extra"),
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
