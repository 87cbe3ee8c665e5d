"""The time limits a bank applies to a claim: 30 days from noticing, 2 years from a debit."""

from __future__ import annotations

from datetime import date, timedelta

NOTICE_DAYS = 30  # report to the bank within 30 days of noticing the debits
CLAIM_YEARS = 2  # and within 2 years of each debit


def notice_limit(found: date) -> date:
    """The last day to report debits noticed on found."""
    return found + timedelta(days=NOTICE_DAYS)


def claim_limit(debit: date) -> date:
    """The last day to report a debit made on debit: the same day two years on.

    A debit on 29 February is due on 28 February, the day before 1 March two years on.
    """
    try:
        return debit.replace(year=debit.year + CLAIM_YEARS)
    except ValueError:
        return date(debit.year + CLAIM_YEARS, 2, 28)


def passed(limits: list[date], today: date) -> list[date]:
    """The limits that are already behind today."""
    return [limit for limit in limits if limit < today]
