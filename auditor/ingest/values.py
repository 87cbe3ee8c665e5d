"""Parse the cell values banks write: amounts, dates (Western, 和暦, no year) and times."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from dateutil import parser as dateparser

# Era name or initial → the Western year of that era's first year.
_ERAS = {"明治": 1868, "M": 1868, "大正": 1912, "T": 1912, "昭和": 1926, "S": 1926,
         "平成": 1989, "H": 1989, "令和": 2019, "R": 2019}
# Each era's first day and the last year number it reached (令和 goes on). A date before its
# era began, year 0, or a year the era never reached (平成32年) is no date: 令和0年 was
# taken as 2018. A date past the era's last day within its last year (平成31年5月1日, as
# some systems went on printing after the change) is unambiguous and kept.
_ERA_SPANS = {1868: (date(1868, 1, 1), 45), 1912: (date(1912, 7, 30), 15),
              1926: (date(1926, 12, 25), 64), 1989: (date(1989, 1, 8), 31),
              2019: (date(2019, 5, 1), None)}

_YMD = re.compile(r"(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})")
_YMD_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_YMD_KANJI = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_WAREKI = re.compile(
    r"(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d{1,2})\s*[./\-年]?\s*(\d{1,2})\s*[./\-月]\s*(\d{1,2})\s*日?"
)
_MD = re.compile(r"(\d{1,2})\s*(?:月\s*(\d{1,2})\s*日|/\s*(\d{1,2}))")
# dateutil is a last resort for forms no layout names; demand a full date so that a
# stray number in a note line ("1") never becomes a day of the month.
_DATEUTIL_SHAPE = re.compile(r"\d{1,4}\D+\d{1,2}\D+\d{1,4}|[A-Za-z]{3,}\.?\s*\d|\d\s*[A-Za-z]{3,}")
_TIME = re.compile(r"(\d{1,2})\s*[:/時]\s*(\d{1,2})\s*(?:[:/分]\s*(\d{1,2})\s*秒?)?")
_AMOUNT = re.compile(r"(-)?(\d+)(?:\.(\d+))?")
_AMOUNT_NOISE = re.compile(r"[,\s\\¥￥円+]")
_NONE_MARKS = {"", "-", "--", "ー", "―", "‐", "*"}
# No statement amount reaches 1000兆円. Larger numbers (or the "inf" pandas reads as a
# float) used to wrap around in int64 and come out as ¥-9,223,372,036,854,775,808.
MAX_YEN = 10**15

YMD = tuple[int | None, int, int]


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().strip('"').strip()


def parse_amount(text: str) -> int | None:
    """Return whole yen, or None for an empty cell; raise ValueError if not an amount."""
    cleaned = _clean(text)
    if cleaned in _NONE_MARKS:
        return None
    negative = cleaned[0] in "△▲"
    if negative:
        cleaned = cleaned[1:]
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1]
    match = _AMOUNT.fullmatch(_AMOUNT_NOISE.sub("", cleaned))
    if match is None:
        raise ValueError("not an amount")
    sign, whole, fraction = match.groups()
    if fraction and Decimal(fraction) != 0:
        raise ValueError("not a whole number of yen")
    value = int(whole)
    if value >= MAX_YEN:
        raise ValueError("too large to be an amount")
    return -value if negative != bool(sign) else value


def parse_date(text: str) -> YMD:
    """Return (year or None, month, day); raise ValueError if the text is not a date."""
    cleaned = _clean(text)
    ymd = _match_date(cleaned)
    if ymd is None:
        raise ValueError("not a date")
    year, month, day = ymd
    if year is None:
        date(2000, month, day)  # a leap year: 2月29日 is fine until the year is known
    else:
        date(year, month, day)
    return ymd


def _match_date(cleaned: str) -> YMD | None:
    for pattern in (_YMD, _YMD_COMPACT, _YMD_KANJI):
        match = pattern.fullmatch(cleaned) or pattern.match(cleaned)
        if match and _only_time_follows(cleaned, match.end()):
            return int(match[1]), int(match[2]), int(match[3])
    match = _WAREKI.fullmatch(cleaned)
    if match:
        return _wareki(_ERAS[match[1]], match[2], int(match[3]), int(match[4]))
    match = _MD.fullmatch(cleaned)
    if match:
        return None, int(match[1]), int(match[2] or match[3])
    return _dateutil(cleaned)


def _wareki(first: int, year: str, month: int, day: int) -> YMD:
    """(Western year, month, day) of an era date; ValueError for one that never was."""
    number = 1 if year == "元" else int(year)
    start, last = _ERA_SPANS[first]
    western = first + number - 1
    if number < 1 or (last is not None and number > last):
        raise ValueError("no such year in that era")
    if date(western, month, day) < start:  # (ValueError too for 30 February)
        raise ValueError("before that era began")
    return western, month, day


def _only_time_follows(cleaned: str, end: int) -> bool:
    rest = cleaned[end:].strip()
    return not rest or _TIME.fullmatch(rest) is not None


def _dateutil(cleaned: str) -> YMD | None:
    if not _DATEUTIL_SHAPE.search(cleaned):
        return None
    sentinel = datetime(1, 1, 1)
    try:
        parsed = dateparser.parse(cleaned, default=sentinel, yearfirst=True)
    except (ValueError, OverflowError):
        return None
    return (None if parsed.year == 1 else parsed.year), parsed.month, parsed.day


def parse_time(text: str) -> str | None:
    """Return HH:MM:SS, or None for an empty cell; raise ValueError if not a time."""
    cleaned = _clean(text)
    if cleaned.replace("/", "").replace(":", "") == "":
        return None
    match = _TIME.fullmatch(cleaned)
    if match is None:
        raise ValueError("not a time")
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError("not a time")
    return f"{hour:02d}:{minute:02d}:{second:02d}"


_RELATIVE = re.compile(r"(\d+)\s*([dwmy])", re.IGNORECASE)


def parse_day(text: str, today: date) -> date:
    """A --since/--until value: a date in any form above, or 90d / 12w / 6m / 1y ago."""
    relative = _RELATIVE.fullmatch(text.strip())
    if relative:
        from dateutil.relativedelta import relativedelta

        count, unit = int(relative[1]), relative[2].lower()
        step = {"d": relativedelta(days=count), "w": relativedelta(weeks=count),
                "m": relativedelta(months=count), "y": relativedelta(years=count)}[unit]
        return today - step
    year, month, day_ = parse_date(text)
    if year is None:
        raise ValueError("a date needs a year")
    return date(year, month, day_)
