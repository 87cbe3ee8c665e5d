"""Every sentence the tool shows a person, in Japanese and English, looked up by key.

The words themselves are in `en.py` and `ja.py` (the same keys in both; tests check it).
A template names its values `{name}`; a value that differs by language (a wallet's name,
a phrase built from other words) is passed as `Bi(en, ja)`.
"""

from __future__ import annotations

from typing import NamedTuple

from auditor.wording import en, ja

LANGS = ("ja", "en")
WORDS: dict[str, dict[str, str]] = {"en": en.WORDS, "ja": ja.WORDS}


class Bi(NamedTuple):
    """A value with an English and a Japanese form."""

    en: str
    ja: str

    def of(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


def template(key: str, lang: str) -> str:
    """The raw template of key in lang (for callers that fill it in themselves)."""
    return WORDS[lang][key]


def say(key: str, lang: str, /, **values: object) -> str:
    """The sentence key in lang, its values filled in (a Bi value in that language)."""
    return WORDS[lang][key].format(**{name: value.of(lang) if isinstance(value, Bi) else value
                                      for name, value in values.items()})


def both(key: str, /, **values: object) -> Bi:
    """The sentence in both languages: for reasons, which carry both."""
    return Bi(say(key, "en", **values), say(key, "ja", **values))


def yen(amount: int) -> str:
    """¥1,234 as a bank clerk writes it (-¥1,234 below zero)."""
    return f"¥{amount:,}" if amount >= 0 else f"-¥{-amount:,}"


def day(value: object) -> str:
    """A date or timestamp as YYYY-MM-DD."""
    return str(value)[:10]
