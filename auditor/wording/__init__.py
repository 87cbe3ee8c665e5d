"""Every sentence the tool shows a person, in Japanese and English, looked up by key.

The words are kept by area (AREAS), each area in a module per language: both hold the same
keys in the same order (tests check it). A template names its values `{name}`; a value that
differs by language (a wallet's name, a phrase built from other words) is passed as
`Bi(en, ja)` or as a `Said`.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, NamedTuple

from auditor.wording import (bank_export_en, bank_export_ja, catalogue_en, catalogue_ja, cli_en,
                             cli_ja, click_en, click_ja, en,
                             export_en, export_ja, help_en, help_ja, ja, letter_en, letter_ja,
                             lists_en, lists_ja,
                             notes_en, notes_ja, reading_en, reading_ja, review_en, review_ja,
                             steer_en, steer_ja, stores_en, stores_ja, table_en, table_ja)

LANGS = ("ja", "en")
# Each area: its English module, then its Japanese one.
AREAS: dict[str, tuple[ModuleType, ModuleType]] = {
    "words": (en, ja),  # the tables, the draft and the rules
    "review": (review_en, review_ja),  # the review conversation
    "reading": (reading_en, reading_ja),  # what stops a statement or a layout being read
    "notes": (notes_en, notes_ja),  # what a read statement carries, and its lines on stderr
    "stores": (stores_en, stores_ja),  # the config, answers, state, secret and output files
    "catalogue": (catalogue_en, catalogue_ja),  # what is wrong in a wallet catalogue
    "cli": (cli_en, cli_ja),  # what the commands refuse, confirm and print
    "help": (help_en, help_ja),  # what --help says of each command and option
    "steer": (steer_en, steer_ja),  # the keys that steer a review, and --change
    "lists": (lists_en, lists_ja),  # the listings' cells: a wallet's kind, a rule's grades
    "click": (click_en, click_ja),  # what Typer and Click say of themselves, in help and errors
    "letter": (letter_en, letter_ja),  # the letter's facts, blanks and reasons (report)
    "table": (table_en, table_ja),  # the findings table's own columns
    "export": (export_en, export_ja),  # a bank export of many accounts, and the Dask engine
    "bank_export": (bank_export_en, bank_export_ja),  # Parquet input, an export in identify
}
WORDS: dict[str, dict[str, str]] = {
    lang: {key: text for pair in AREAS.values() for key, text in pair[index].WORDS.items()}
    for index, lang in enumerate(("en", "ja"))
}


class Bi(NamedTuple):
    """A value with an English and a Japanese form."""

    en: str
    ja: str

    def of(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class Said(str):
    """What was said, by key and values; as a string it is the English sentence.

    Being the English text, it goes wherever a message went before (str() of an error,
    JSON, CSV, logs, comparisons) unchanged, while a renderer that knows the reader's
    language says it again in that language with `in_lang`.
    """

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, /, **values: object) -> Said:
        said = super().__new__(cls, say(key, "en", **values))
        said.key, said.values = key, values
        return said

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent between processes (a worker's file report) as what was said, not the text.
        return (_remade, (self.key, self.values))

    def text(self, lang: str) -> str:
        """The sentence in lang."""
        return say(self.key, lang, **self.values)


def _remade(key: str, values: dict[str, object]) -> Said:
    return Said(key, **values)


def in_lang(text: str, lang: str) -> str:
    """A message in lang: a Said is said again in it, any other string stays as it is."""
    return text.text(lang) if isinstance(text, Said) else text


def template(key: str, lang: str) -> str:
    """The raw template of key in lang (for callers that fill it in themselves)."""
    return WORDS[lang][key]


def say(key: str, lang: str, /, **values: object) -> str:
    """The sentence key in lang, its values filled in (a Bi or Said value in that language)."""
    return WORDS[lang][key].format(**{name: _value(value, lang) for name, value in values.items()})


def _value(value: object, lang: str) -> object:
    if isinstance(value, Bi):
        return value.of(lang)
    return value.text(lang) if isinstance(value, Said) else value


def both(key: str, /, **values: object) -> Bi:
    """The sentence in both languages: for reasons, which carry both."""
    return Bi(say(key, "en", **values), say(key, "ja", **values))


def yen(amount: int) -> str:
    """¥1,234 as a bank clerk writes it (-¥1,234 below zero)."""
    return f"¥{amount:,}" if amount >= 0 else f"-¥{-amount:,}"


def day(value: object) -> str:
    """A date or timestamp as YYYY-MM-DD."""
    return str(value)[:10]
