"""The wallet services of the catalogue as banks print them: usual forms, variants, cut names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from corpus_text import LAYOUT_STYLE, apply, style_of


@dataclass(frozen=True)
class Wallet:
    """A catalogued service (its id in auditor/data/wallets.toml) and how banks name it."""

    id: str
    kana: str  # katakana as a passbook prints it: small kana full size (キヤツシユ)
    latin: str  # the Latin name, where the service has one
    prefer: str  # "kana" or "latin": what a bank prints when nothing more is known
    launched: date  # first day a bank account could be charged from (about)
    usual: tuple[int, ...]  # the holder's usual top-ups, when the wallet is theirs
    ended: date | None = None

    def alive(self, day: date) -> bool:
        """Whether the service took bank charges on that day."""
        return self.launched <= day and (self.ended is None or day <= self.ended)


SMALL = (1000, 2000, 3000)
MIDDLE = (1000, 2000, 3000, 5000)
LARGE = (3000, 5000, 10000)

WALLETS: dict[str, Wallet] = {w.id: w for w in (
    Wallet("docomo-koza", "ドコモコウザ", "", "kana", date(2017, 11, 21), LARGE,
           ended=date(2022, 3, 31)),
    Wallet("d-barai", "デイーバライ", "", "kana", date(2018, 4, 25), MIDDLE),
    Wallet("paypay", "ペイペイ", "PAYPAY", "kana", date(2018, 10, 5), MIDDLE),
    Wallet("line-pay", "ラインペイ", "LINE PAY", "kana", date(2014, 12, 16), MIDDLE,
           ended=date(2025, 4, 23)),
    Wallet("merpay", "メルペイ", "MERPAY", "kana", date(2019, 2, 13), MIDDLE),
    Wallet("kyash", "キヤツシユ", "KYASH", "latin", date(2020, 9, 7), LARGE),
    Wallet("paypal", "ペイパル", "PAYPAL", "kana", date(2010, 1, 1), LARGE),
    Wallet("rakuten-edy", "ラクテンエデイ", "RAKUTEN EDY", "kana", date(2012, 6, 1), SMALL),
    Wallet("rakuten-pay", "ラクテンペイ", "RAKUTEN PAY", "kana", date(2016, 10, 1), MIDDLE),
    Wallet("au-pay", "エーユーペイ", "AU PAY", "kana", date(2019, 4, 9), MIDDLE),
    Wallet("famipay", "フアミペイ", "FAMIPAY", "kana", date(2019, 7, 1), SMALL),
    Wallet("pring", "プリン", "PRING", "latin", date(2018, 3, 1), SMALL),
    Wallet("shiharai-hisho", "シハライヒシヨ", "WELLNET", "kana", date(2012, 1, 1), LARGE),
    Wallet("payb", "ペイビー", "PAYB", "latin", date(2013, 1, 1), LARGE),
    Wallet("yumeca", "ユメカ", "YUMECA", "kana", date(2012, 1, 1), SMALL),
    Wallet("mijica", "ミジカ", "MIJICA", "kana", date(2015, 4, 1), SMALL),
    Wallet("yucho-pay", "ユウチヨペイ", "YUCHO PAY", "kana", date(2019, 5, 8), SMALL),
    Wallet("aeon-pay", "イオンペイ", "AEON PAY", "latin", date(2021, 9, 1), MIDDLE),
    Wallet("mobile-suica", "モバイルスイカ", "MOBILE SUICA", "kana", date(2006, 1, 28), SMALL),
    Wallet("sbi-securities", "SBIシヨウケン", "", "kana", date(2000, 1, 1),
           (10000, 30000, 50000)),
)}

# Forms seen in real statements (bank-formats.md §2), by style, beating the defaults.
CONFIRMED: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("paypay", "yucho"): (("ＲＴ", "(PAYPAY)"),),
    ("paypay", "mufg"): (("口座振替", "ＲＴＫ　ペイペイ"),),
    ("paypay", "sumishin"): (("", "フリカエ　ＰＡＹＰＡＹ"),),
    ("paypay", "paypay"): (("", "PAYPAY"), ("", "ペイペイ")),
    ("paypay", "iwate"): (("", "RS ﾍﾟｲﾍﾟｲ"),),
    ("aeon-pay", "smbc"): (("", "JD /AEON PAY"),),
    ("sbi-securities", "sumishin"): (("", "振替　ＳＢＩ証券"),),
    ("docomo-koza", "plain"): (("", "ドコモコウザ"),),
    ("kyash", "smbc"): (("", "ＫＹＡＳＨ"),),
}


def usual_print(wallet_id: str, layout_id: str) -> tuple[tuple[str, str], ...]:
    """The (code, text) forms a bank prints a wallet's top-ups with; rows pick among them."""
    style_id = LAYOUT_STYLE[layout_id]
    if (wallet_id, style_id) in CONFIRMED:
        return CONFIRMED[wallet_id, style_id]
    wallet, style = WALLETS[wallet_id], style_of(layout_id)
    name = wallet.latin if wallet.prefer == "latin" or not wallet.kana else wallet.kana
    if wallet_id == "sbi-securities":
        name = "SBI証券" if style.width == "full" else "SBIシヨウケン"
    return (apply(style.wallet, style.name(name)),)


@dataclass(frozen=True)
class Spelling:
    """One way a bank may print a wallet, and what makes it hard to match."""

    wallet: str
    feature: str  # the class suffix: width, space, long-vowel, small-kana, voiced, di, latin, ...
    text: str  # the name as printed, before the bank's own channel word (ＲＴ (…), フリカエ, RS)
    where: str = "any"  # "any" bank; "bare": only banks that add no channel word; or one style


def _spellings(wallet: str, feature: str, *texts: str, where: str = "any") -> list[Spelling]:
    """Spellings of one wallet and kind."""
    return [Spelling(wallet, feature, text, where) for text in texts]


ZW, ZWJ, ZWNJ, WJ, NBSP, BOM = "\u200b", "\u200d", "\u200c", "\u2060", "\u00a0", "\ufeff"
COMB_DAK, COMB_HAN = "\u3099", "\u309a"

SPELLINGS: tuple[Spelling, ...] = tuple(
    _spellings("docomo-koza", "width", "ﾄﾞｺﾓｺｳｻﾞ", "ドコモコウザ")
    + _spellings("docomo-koza", "space", "ﾄﾞｺﾓ ｺｳｻﾞ", "ﾄﾞｺﾓ\u3000ｺｳｻﾞ", "ドコモ　コウザ")
    + _spellings("docomo-koza", "voiced", "ト゛コモコウサ゛", f"ト{COMB_DAK}コモコウサ{COMB_DAK}")
    + _spellings("docomo-koza", "kanji", "ドコモ口座", "ﾄﾞｺﾓ口座", "ｄｏｃｏｍｏ口座")
    + _spellings("docomo-koza", "channel", "NTTﾄﾞｺﾓ ﾄﾞｺﾓｺｳｻﾞ", "ｺｳｻﾞﾌﾘｶｴ ﾄﾞｺﾓｺｳｻﾞ",
                 "ﾄﾞｺﾓｺｳｻﾞ ﾁﾔｰｼﾞ", where="bare")
    + _spellings("docomo-koza", "invisible", f"ﾄﾞｺﾓ{ZW}ｺｳｻﾞ", f"ドコモ{WJ}コウザ")
    + _spellings("d-barai", "width", "ﾃﾞｲｰﾊﾞﾗｲ", "デイーバライ")
    + _spellings("d-barai", "long-vowel", "ﾃﾞｲ-ﾊﾞﾗｲ", "デイ－バライ", "デイ―バライ", "デイ‐バライ",
                 "ﾃﾞｲ－ﾊﾞﾗｲ")
    + _spellings("d-barai", "di", "ﾃﾞｨｰﾊﾞﾗｲ", "ディーバライ", "ﾃﾞｲﾊﾞﾗｲ", "デイバライ", "ﾃﾞｨﾊﾞﾗｲ",
                 "ディバライ")
    + _spellings("d-barai", "space", "D ﾊﾞﾗｲ", "ﾃﾞｲｰ ﾊﾞﾗｲ", "Ｄ　バライ")
    + _spellings("d-barai", "kanji", "D払い", "ｄ払い", "Ｄ払い")
    + _spellings("d-barai", "voiced", "テ゛イーハ゛ライ", f"テ{COMB_DAK}イーハ{COMB_DAK}ライ")
    + _spellings("d-barai", "channel", "NTTﾄﾞｺﾓ ﾃﾞｲｰﾊﾞﾗｲ", "ﾃﾞｲｰﾊﾞﾗｲ ﾁﾔｰｼﾞ", where="bare")
    + _spellings("d-barai", "invisible", f"ﾃﾞｲｰ{ZW}ﾊﾞﾗｲ")
    + _spellings("paypay", "width", "ﾍﾟｲﾍﾟｲ", "ペイペイ")
    + _spellings("paypay", "latin", "ＰＡＹＰＡＹ", "PayPay", "ＰａｙＰａｙ", "paypay")
    + _spellings("paypay", "space", "PAY PAY", "ﾍﾟｲ ﾍﾟｲ", "ペイ　ペイ", "ＰＡＹ　ＰＡＹ")
    + _spellings("paypay", "voiced", "ヘ゜イヘ゜イ", f"ヘ{COMB_HAN}イヘ{COMB_HAN}イ")
    + _spellings("paypay", "channel", "ｺｳｻﾞﾌﾘｶｴ ﾍﾟｲﾍﾟｲ", "ﾍﾟｲﾍﾟｲ ﾁﾔｰｼﾞ", "PAYPAYﾁｬｰｼﾞ",
                 "ﾍﾟｲﾍﾟｲ(ｶ", where="bare")
    + _spellings("paypay", "channel", "RTK ﾍﾟｲﾍﾟｲ", "ＲＴＫペイペイ", where="mufg")
    + _spellings("paypay", "invisible", f"PAY{ZW}PAY", f"ペイ{ZWJ}ペイ", f"ＰＡＹ{NBSP}ＰＡＹ")
    + _spellings("line-pay", "width", "ﾗｲﾝﾍﾟｲ", "ラインペイ")
    + _spellings("line-pay", "latin", "LINE PAY", "ＬＩＮＥ　ＰＡＹ", "LINEPAY", "LinePay",
                 "ＬＩＮＥ Ｐａｙ", "line pay")
    + _spellings("line-pay", "space", "ﾗｲﾝ ﾍﾟｲ", "ライン　ペイ")
    + _spellings("line-pay", "voiced", "ラインヘ゜イ", f"ラインヘ{COMB_HAN}イ")
    + _spellings("line-pay", "channel", "ﾗｲﾝﾍﾟｲ ﾁﾔｰｼﾞ", "ﾗｲﾝﾍﾟｲ(ｶ", "ｺｳｻﾞﾌﾘｶｴ ﾗｲﾝﾍﾟｲ",
                 where="bare")
    + _spellings("line-pay", "invisible", f"ﾗｲﾝ{ZW}ﾍﾟｲ", f"LINE{NBSP}PAY", f"ライン{BOM}ペイ")
    + _spellings("merpay", "width", "ﾒﾙﾍﾟｲ", "メルペイ")
    + _spellings("merpay", "latin", "MERPAY", "Merpay", "ＭＥＲＰＡＹ", "ｍｅｒｐａｙ")
    + _spellings("merpay", "space", "ﾒﾙ ﾍﾟｲ", "メル　ペイ")
    + _spellings("merpay", "voiced", "メルヘ゜イ")
    + _spellings("merpay", "channel", "ﾒﾙﾍﾟｲ ﾁﾔｰｼﾞ", "ｶ)ﾒﾙﾍﾟｲ", where="bare")
    + _spellings("merpay", "invisible", f"ﾒﾙ{ZWNJ}ﾍﾟｲ")
    + _spellings("kyash", "width", "ｷﾔﾂｼﾕ", "キヤツシユ")
    + _spellings("kyash", "small-kana", "ｷｬｯｼｭ", "キャッシュ")
    + _spellings("kyash", "latin", "KYASH", "ＫＹＡＳＨ", "Kyash", "ｋｙａｓｈ")
    + _spellings("kyash", "channel", "KYASH ﾁﾔｰｼﾞ", "ＫＹＡＳＨ　チャージ", "ｶ)ｷﾔﾂｼﾕ", where="bare")
    + _spellings("kyash", "invisible", f"KY{ZW}ASH", f"ｷﾔﾂ{ZWJ}ｼﾕ")
    + _spellings("paypal", "width", "ﾍﾟｲﾊﾟﾙ", "ペイパル")
    + _spellings("paypal", "latin", "PAYPAL", "PayPal", "ＰａｙＰａｌ")
    + _spellings("paypal", "space", "PAY PAL", "ﾍﾟｲ ﾊﾟﾙ")
    + _spellings("paypal", "voiced", "ヘ゜イハ゜ル")
    + _spellings("rakuten-edy", "width", "ﾗｸﾃﾝｴﾃﾞｲ", "ラクテンエデイ")
    + _spellings("rakuten-edy", "di", "ﾗｸﾃﾝｴﾃﾞｨ", "ラクテンエディ", "楽天エディ")
    + _spellings("rakuten-edy", "space", "ﾗｸﾃﾝ ｴﾃﾞｲ", "ラクテン　エデイ")
    + _spellings("rakuten-edy", "kanji", "楽天Ｅｄｙ", "楽天EDY")
    + _spellings("rakuten-edy", "latin", "RAKUTEN EDY", "Rakuten Edy")
    + _spellings("rakuten-edy", "voiced", "ラクテンエテ゛イ")
    + _spellings("rakuten-edy", "channel", "ﾗｸﾃﾝｴﾃﾞｲ ﾁﾔｰｼﾞ", where="bare")
    + _spellings("rakuten-edy", "invisible", f"ﾗｸﾃﾝ{ZW}ｴﾃﾞｲ")
    + _spellings("rakuten-pay", "width", "ﾗｸﾃﾝﾍﾟｲ", "ラクテンペイ", "ﾗｸﾃﾝｷﾔﾂｼﾕ")
    + _spellings("rakuten-pay", "small-kana", "ﾗｸﾃﾝｷｬｯｼｭ", "ラクテンキャッシュ")
    + _spellings("rakuten-pay", "kanji", "楽天ペイ", "楽天キャッシュ")
    + _spellings("rakuten-pay", "latin", "RAKUTEN PAY", "Rakuten Pay")
    + _spellings("rakuten-pay", "space", "ﾗｸﾃﾝ ﾍﾟｲ")
    + _spellings("au-pay", "width", "ｴｰﾕｰﾍﾟｲ", "エーユーペイ")
    + _spellings("au-pay", "long-vowel", "ｴ-ﾕ-ﾍﾟｲ", "エ－ユ－ペイ", "エ―ユ―ペイ")
    + _spellings("au-pay", "latin", "AUPAY", "au PAY", "ａｕ　ＰＡＹ", "ａｕＰＡＹ", "Au Pay")
    + _spellings("au-pay", "space", "ｴｰﾕｰ ﾍﾟｲ")
    + _spellings("au-pay", "invisible", f"AU{NBSP}PAY", f"ｴｰﾕｰ{BOM}ﾍﾟｲ")
    + _spellings("au-pay", "channel", "KDDI ｴｰﾕｰﾍﾟｲ", "AUPAY ﾁﾔｰｼﾞ", where="bare")
    + _spellings("famipay", "width", "ﾌｱﾐﾍﾟｲ", "フアミペイ")
    + _spellings("famipay", "small-kana", "ﾌｧﾐﾍﾟｲ", "ファミペイ")
    + _spellings("famipay", "latin", "FAMIPAY", "FamiPay", "ＦａｍｉＰａｙ", "FAMI PAY")
    + _spellings("famipay", "space", "ﾌｱﾐ ﾍﾟｲ")
    + _spellings("pring", "width", "ﾌﾟﾘﾝ", "プリン")
    + _spellings("pring", "latin", "PRING", "pring", "ｐｒｉｎｇ")
    + _spellings("pring", "channel", "ｶ)ﾌﾟﾘﾝ", where="bare")
    + _spellings("shiharai-hisho", "width", "ｼﾊﾗｲﾋｼﾖ", "シハライヒシヨ")
    + _spellings("shiharai-hisho", "small-kana", "ｼﾊﾗｲﾋｼｮ")
    + _spellings("shiharai-hisho", "kanji", "支払秘書")
    # ウェルネット is also a payment agent (Pay-easy bills): by that name only as an ＲＴ payee.
    + _spellings("shiharai-hisho", "width", "ｳｴﾙﾈﾂﾄ", where="yucho")
    + _spellings("shiharai-hisho", "small-kana", "ｳｪﾙﾈｯﾄ", where="yucho")
    + _spellings("shiharai-hisho", "latin", "WELLNET", where="yucho")
    + _spellings("shiharai-hisho", "space", "ｼﾊﾗｲ ﾋｼﾖ")
    + _spellings("payb", "width", "ﾍﾟｲﾋﾞｰ", "ペイビー", "ﾋﾞﾘﾝｸﾞｼｽﾃﾑ")
    + _spellings("payb", "latin", "PAYB", "PayB", "ＰａｙＢ")
    + _spellings("payb", "long-vowel", "ﾍﾟｲﾋﾞ-", "ペイビ－")
    + _spellings("yumeca", "width", "ﾕﾒｶ", "ユメカ", "ﾕﾒｶｰﾄﾞ")
    + _spellings("yumeca", "latin", "YUMECA", "Yumeca")
    + _spellings("mijica", "width", "ﾐｼﾞｶ", "ミジカ")
    + _spellings("mijica", "latin", "MIJICA", "mijica")
    + _spellings("mijica", "voiced", "ﾐﾁﾞｶ", "ミヂカ")
    + _spellings("yucho-pay", "width", "ﾕｳﾁﾖﾍﾟｲ", "ユウチヨペイ")
    + _spellings("yucho-pay", "small-kana", "ﾕｳﾁｮﾍﾟｲ", "ユウチョペイ")
    + _spellings("yucho-pay", "kanji", "ゆうちょPay", "ゆうちょペイ")
    + _spellings("yucho-pay", "latin", "YUCHO PAY", "ﾕｳﾁﾖPAY")
    + _spellings("aeon-pay", "latin", "AEON PAY", "AEONPAY", "ＡＥＯＮ　ＰＡＹ", "AeonPay")
    + _spellings("aeon-pay", "width", "ｲｵﾝﾍﾟｲ", "イオンペイ")
    + _spellings("aeon-pay", "space", "ｲｵﾝ ﾍﾟｲ")
    + _spellings("aeon-pay", "channel", "JD /AEON PAY", where="bare")
    + _spellings("mobile-suica", "width", "ﾓﾊﾞｲﾙｽｲｶ", "モバイルスイカ")
    + _spellings("mobile-suica", "latin", "モバイルSuica", "MOBILE SUICA", "モバイルＳｕｉｃａ")
    + _spellings("mobile-suica", "space", "ﾓﾊﾞｲﾙ ｽｲｶ")
    + _spellings("sbi-securities", "width", "SBIｼﾖｳｹﾝ", "ＳＢＩショウケン")
    + _spellings("sbi-securities", "small-kana", "SBIｼｮｳｹﾝ")
    + _spellings("sbi-securities", "kanji", "ＳＢＩ証券", "SBI証券")
    + _spellings("sbi-securities", "channel", "ｿｸｼﾞﾆﾕｳｷﾝ SBIｼﾖｳｹﾝ", where="bare")
)

# The channel words of the three banks that add one to every top-up, with payees other than
# the one confirmed in text (ＲＴ (PAYPAY), フリカエ　ＰＡＹＰＡＹ, RS ﾍﾟｲﾍﾟｲ): bank-formats.md §2.
BANK_CHANNEL: tuple[Spelling, ...] = tuple(
    Spelling(wallet, "channel", text, style)
    for style, names in (
        ("yucho", (("docomo-koza", "ﾄﾞｺﾓｺｳｻﾞ"), ("line-pay", "ﾗｲﾝﾍﾟｲ"), ("merpay", "ﾒﾙﾍﾟｲ"),
                   ("kyash", "KYASH"), ("paypal", "PAYPAL"), ("rakuten-edy", "ﾗｸﾃﾝｴﾃﾞｲ"),
                   ("famipay", "ﾌｱﾐﾍﾟｲ"), ("pring", "PRING"), ("shiharai-hisho", "ｼﾊﾗｲﾋｼﾖ"),
                   ("payb", "PAYB"), ("yumeca", "ﾕﾒｶ"))),
        ("sumishin", (("docomo-koza", "ドコモコウザ"), ("line-pay", "ＬＩＮＥ　ＰＡＹ"),
                      ("merpay", "メルペイ"), ("kyash", "ＫＹＡＳＨ"), ("au-pay", "ａｕ　ＰＡＹ"))),
        ("iwate", (("docomo-koza", "ﾄﾞｺﾓｺｳｻﾞ"), ("line-pay", "ﾗｲﾝﾍﾟｲ"), ("merpay", "ﾒﾙﾍﾟｲ"),
                   ("d-barai", "ﾃﾞｲｰﾊﾞﾗｲ"))),
    )
    for wallet, text in names
)

# Names cut at the bank's field width, at the end of the descriptor: one to three characters
# off, leaving at least four kana or five letters so a clerk could still tell the service.
TRUNCATIONS: tuple[Spelling, ...] = tuple(
    _spellings("docomo-koza", "truncation", "ﾄﾞｺﾓｺｳ", "ﾄﾞｺﾓｺｳｻ", "ドコモコウ")
    + _spellings("docomo-koza", "truncation", "ｺｳｻﾞﾌﾘｶｴ ﾄﾞｺﾓｺｳ", "NTTﾄﾞｺﾓ ﾄﾞｺﾓｺｳｻ", where="bare")
    + _spellings("d-barai", "truncation", "ﾃﾞｲｰﾊﾞﾗ", "デイーバラ")
    + _spellings("paypay", "truncation", "ﾍﾟｲﾍﾟ", "ペイペ")
    + _spellings("line-pay", "truncation", "ﾗｲﾝﾍﾟ", "ＬＩＮＥ　ＰＡ")
    + _spellings("rakuten-edy", "truncation", "ﾗｸﾃﾝｴﾃﾞ")
    + _spellings("rakuten-pay", "truncation", "ﾗｸﾃﾝﾍﾟ")
    + _spellings("au-pay", "truncation", "ｴｰﾕｰﾍﾟ")
    + _spellings("famipay", "truncation", "ﾌｱﾐﾍﾟ")
    + _spellings("shiharai-hisho", "truncation", "ｼﾊﾗｲﾋｼ")
    + _spellings("mobile-suica", "truncation", "ﾓﾊﾞｲﾙｽｲ")
    + _spellings("yucho-pay", "truncation", "ﾕｳﾁﾖﾍﾟ")
    + _spellings("paypal", "truncation", "ﾍﾟｲﾊﾟ")
    + _spellings("merpay", "truncation", "MERPA")
)
