"""The draft's words as blocks (its sentences are in auditor.wording), and its number formats."""

from __future__ import annotations

from datetime import date
from string import Formatter

from auditor.report.blocks import Fixed, Inline, Parts
from auditor.wording import template

# {name} marks a value: the caller passes Fixed (the tool's own), str (untrusted) or a Blank.
# The sentences are the report.* entries of auditor.wording.


def word(key: str, lang: str) -> Fixed:
    """A fixed phrase in lang."""
    return Fixed(template("report." + key, lang))


def say(key: str, lang: str, **values: Inline) -> Parts:
    """The sentence for key, split so that each value keeps its own trust (Fixed or not)."""
    parts: list[Inline] = []
    for literal, name, _spec, _conversion in Formatter().parse(template("report." + key, lang)):
        if literal:
            parts.append(Fixed(literal))
        if name is not None:
            parts.append(values[name])
    return tuple(parts)


def flat(key: str, lang: str, **values: str) -> Fixed:
    """A sentence whose values are all the tool's own (numbers, dates, catalogue names)."""
    return Fixed(template("report." + key, lang).format(**values))


def money(amount: int, lang: str) -> Fixed:
    """300,000円 in Japanese, ¥300,000 in English."""
    return Fixed(f"{amount:,}円" if lang == "ja" else f"¥{amount:,}")


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_date(day: date, lang: str) -> Fixed:
    """2020年8月27日 in Japanese, 27 August 2020 in English (as a letter writes a date)."""
    if lang == "ja":
        return Fixed(f"{day.year}年{day.month}月{day.day}日")
    return Fixed(f"{day.day} {_MONTHS[day.month - 1]} {day.year}")


def listing(names: list[str], lang: str) -> Fixed:
    """Names joined the way each language lists them."""
    return Fixed(template("report.list_separator", lang).join(names))
