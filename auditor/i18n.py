"""Japanese or English for people-facing text: --lang, else the locale."""

from __future__ import annotations

import os

LANGS = ("ja", "en")

_WORDS: dict[str, dict[str, str]] = {
    "date": {"ja": "日付", "en": "Date"},
    "time": {"ja": "時刻", "en": "Time"},
    "description": {"ja": "摘要（明細の表示）", "en": "Description (as printed)"},
    "wallet": {"ja": "サービス", "en": "Wallet"},
    "amount": {"ja": "金額", "en": "Amount"},
    "severity": {"ja": "重要度", "en": "Severity"},
    "reasons": {"ja": "理由", "en": "Reasons"},
    "file": {"ja": "ファイル", "en": "File"},
    "line": {"ja": "行", "en": "Line"},
    "findings_title": {"ja": "身に覚えのない可能性がある出金", "en": "Debits you may not have made"},
    "high": {"ja": "高", "en": "high"},
    "medium": {"ja": "中", "en": "medium"},
    "low": {"ja": "低", "en": "low"},
    "answer_mine": {"ja": "回答：自分のもの", "en": "answered: mine"},
    "answer_not-mine": {"ja": "回答：身に覚えがない", "en": "answered: not mine"},
    "answer_not-sure": {"ja": "回答：わからない", "en": "answered: not sure"},
    "refunded": {"ja": "返金済み：{date}（{line}行目）", "en": "refunded on {date} (line {line})"},
    "by_wallet": {"ja": "サービス別", "en": "By wallet"},
    "by_bank": {"ja": "銀行別", "en": "By bank"},
    "top_accounts": {"ja": "被害の可能性が大きい口座", "en": "Accounts most at risk"},
    "campaigns": {"ja": "キャンペーン（同じサービスが複数の口座から出金）",
                  "en": "Campaigns: one wallet, many accounts"},
    "bank": {"ja": "銀行", "en": "bank"},
    "account": {"ja": "口座", "en": "account"},
    "accounts": {"ja": "口座数", "en": "accounts"},
    "findings": {"ja": "検出", "en": "findings"},
    "at_risk": {"ja": "金額", "en": "at risk"},
    "from": {"ja": "開始", "en": "from"},
    "to": {"ja": "終了", "en": "to"},
    "run_line": {
        "ja": "{files}ファイル：確認{audited}・失敗{failed}。検出 高{high}・中{medium}・低{low}、"
              "被害の可能性がある金額 {at_risk}",
        "en": "{files} files: {audited} audited, {failed} failed; findings {high} high, "
              "{medium} medium, {low} low; {at_risk} at risk",
    },
    "none": {"ja": "不審な出金は見つかりませんでした", "en": "no suspicious debits found"},
    "summary": {
        "ja": "{files}ファイルを確認（読めなかったもの{failed}）：検出{findings}件"
              "（高{high}・中{medium}・低{low}）、被害の可能性がある金額 {at_risk}",
        "en": "{files} file(s) checked ({failed} unreadable): {findings} finding(s) "
              "({high} high, {medium} medium, {low} low), {at_risk} at risk",
    },
}


def detect_lang(explicit: str | None = None) -> str:
    """--lang if given, else Japanese when the locale is Japanese, else English."""
    if explicit:
        return explicit
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def word(key: str, lang: str) -> str:
    """The label for key in lang."""
    return _WORDS[key][lang]
