"""An inline SVG of the debits a letter is about: claimed in red, still to check in orange."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

WIDTH, HEIGHT = 680, 230
LEFT, RIGHT, TOP, BOTTOM = 62, 14, 30, 34  # room for amount labels, legend and months
COLOURS = {"other": "#9a9a9a", "apart": "#e08a00", "claimed": "#d0021b"}
_ORDER = ("other", "apart", "claimed")  # claimed drawn last, so nothing hides it
_STEPS = (1, 2, 3, 6, 12)  # months between date ticks
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Point:
    """One debit: when, how much, and "claimed", "apart" or "other"."""

    when: date
    amount: int
    kind: str


@dataclass(frozen=True)
class Frame:
    """The plot area and its scales: days along x, the square root of yen up y."""

    start: date
    days: int
    top: int  # the yen at the top of the plot

    def x(self, when: date) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (when - self.start).days / self.days

    def y(self, amount: int) -> float:
        # sqrt keeps a ¥1,000 coffee visible next to a ¥100,000 top-up, and keeps zero at 0.
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * math.sqrt(amount / self.top)


def timeline_svg(points: Sequence[Point], labels: dict[str, str], lang: str) -> str:
    """The chart as an <svg> element (no namespace URL: inline SVG in HTML needs none).

    labels holds the legend text for "claimed", "apart" and "other"; all text is escaped.
    """
    if not points:
        return ""
    frame = _frame(points)
    parts = [f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-label="{escape(labels["title"])}" font-size="10">',
             f"<title>{escape(labels['title'])}</title>",
             *_amount_axis(frame, lang), *_date_axis(frame, lang), *_bars(points, frame),
             *_legend(points, labels), "</svg>"]
    return "\n".join(parts)


def _frame(points: Sequence[Point]) -> Frame:
    # A day of margin either side, so bars on the first and last day are not on the axis.
    start = min(p.when for p in points) - timedelta(days=1)
    end = max(p.when for p in points) + timedelta(days=1)
    return Frame(start, (end - start).days, _nice_ceiling(max(p.amount for p in points)))


def _nice_ceiling(amount: int) -> int:
    """The smallest 1, 2 or 5 × 10^n at or above amount."""
    power = 10 ** max(0, len(str(max(amount, 1))) - 1)
    return next(step * power for step in (1, 2, 5, 10) if step * power >= amount)


def _amount_axis(frame: Frame, lang: str) -> list[str]:
    base = HEIGHT - BOTTOM
    lines = [f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" stroke="#333"/>']
    last_y = float(base) + 99
    for value in sorted(_amount_ticks(frame.top), reverse=True):
        y = frame.y(value)
        if abs(last_y - y) < 12:  # sqrt squeezes small values together: keep labels apart
            continue
        last_y = y
        lines.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
                     f'stroke="#ddd" stroke-width="0.6"/>')
        lines.append(f'<text x="{LEFT - 5}" y="{y + 3.5:.1f}" text-anchor="end" fill="#333">'
                     f"{escape(_yen_label(value, lang))}</text>")
    return lines


def _amount_ticks(top: int) -> list[int]:
    ticks = [10 ** n for n in range(3, 10) if 10 ** n < top]
    return [*ticks, top]


def _yen_label(value: int, lang: str) -> str:
    if lang == "ja":
        return f"{value // 10_000:,}万円" if value % 10_000 == 0 else f"{value:,}円"
    return f"¥{value:,}"


def _date_axis(frame: Frame, lang: str) -> list[str]:
    end = frame.start + timedelta(days=frame.days)
    # Under ten weeks a month tick or two says little: mark each Monday instead; a few
    # days (a letter about one burst) may hold no Monday: mark each day.
    if frame.days <= 10:
        ticks = _daily(frame.start, end)
    else:
        ticks = _weekly(frame.start, end) if frame.days <= 70 else _monthly(frame.start, end, lang)
    base = HEIGHT - BOTTOM
    lines = []
    for when, label in ticks:
        x = frame.x(when)
        lines.append(f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 4}" stroke="#333"/>')
        lines.append(f'<text x="{x:.1f}" y="{base + 16}" text-anchor="middle" fill="#333">'
                     f"{escape(label)}</text>")
    return lines


def _monthly(start: date, end: date, lang: str) -> list[tuple[date, str]]:
    months = _month_starts(start, end)
    step = next((s for s in _STEPS if len(months) / s <= 12), 12)
    shown = [m for m in months if (m.month - 1) % step == 0]
    return [(m, _month_label(m, lang, with_year=i == 0 or m.month == 1))
            for i, m in enumerate(shown)]


def _weekly(start: date, end: date) -> list[tuple[date, str]]:
    """Mondays, as 2020/8/3 then 8/10, 8/17...: the same in both languages."""
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    ticks = []
    while monday <= end:
        first = not ticks
        label = (f"{monday.year}/{monday.month}/{monday.day}" if first
                 else f"{monday.month}/{monday.day}")
        ticks.append((monday, label))
        monday += timedelta(days=7)
    return ticks


def _daily(start: date, end: date) -> list[tuple[date, str]]:
    """Every day, as 2020/8/27 then 8/28: the same in both languages."""
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return [(day, f"{day.year}/{day.month}/{day.day}" if i == 0 else f"{day.month}/{day.day}")
            for i, day in enumerate(days)]


def _month_starts(start: date, end: date) -> list[date]:
    month = date(start.year, start.month, 1)
    found = []
    while month <= end:
        if month >= start:
            found.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return found


def _month_label(month: date, lang: str, with_year: bool) -> str:
    if lang == "ja":
        return f"{month.year}年{month.month}月" if with_year else f"{month.month}月"
    name = _MONTHS_EN[month.month - 1]
    return f"{name} {month.year}" if with_year else name


def _bars(points: Sequence[Point], frame: Frame) -> list[str]:
    """A thin bar per debit; debits on one day are spread a little so each one shows."""
    by_day: dict[date, list[Point]] = defaultdict(list)
    for point in points:
        by_day[point.when].append(point)
    placed = [(p, frame.x(day) + (i - (len(ps) - 1) / 2) * 3.0)
              for day, ps in by_day.items() for i, p in enumerate(ps)]
    placed.sort(key=lambda item: _ORDER.index(item[0].kind))
    return [_bar(point, x, frame) for point, x in placed]


def _bar(point: Point, x: float, frame: Frame) -> str:
    colour = COLOURS[point.kind]
    y = frame.y(point.amount)
    width = 1.2 if point.kind == "other" else 2.2
    tip = f"{point.when.isoformat()} ¥{point.amount:,}"
    dot = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="{colour}"/>'
           if point.kind != "other" else "")
    return (f'<g><title>{escape(tip)}</title><line x1="{x:.1f}" y1="{HEIGHT - BOTTOM}" '
            f'x2="{x:.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="{width}"/>{dot}</g>')


def _legend(points: Sequence[Point], labels: dict[str, str]) -> list[str]:
    present = {p.kind for p in points} | {"claimed"}  # "other" only if such points are given
    lines, x = [], float(LEFT)
    for kind in reversed(_ORDER):
        if kind not in present:
            continue
        text = labels[kind]
        lines.append(f'<rect x="{x:.1f}" y="8" width="10" height="10" fill="{COLOURS[kind]}"/>')
        lines.append(f'<text x="{x + 14:.1f}" y="17" fill="#111">{escape(text)}</text>')
        x += 14 + 10 * _width(text) + 16
    return lines


def _width(text: str) -> float:
    """Rough text width in ems: wide (CJK) characters count 1, others about 0.55."""
    return sum(1.0 if ord(char) > 0x2E80 else 0.55 for char in text)
