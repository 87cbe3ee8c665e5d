"""The draft as plain blocks, built once and rendered as Markdown or HTML.

Every piece of text is untrusted (escaped in full by each renderer) unless it is Fixed:
wording the tool itself wrote, which the Markdown renderer may leave as it is so that the
draft still reads well when pasted into an e-mail. HTML escapes Fixed text too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


class Fixed(str):
    """Text written by the tool (never by a statement, a payee or a command-line value)."""

    __slots__ = ()


@dataclass(frozen=True)
class Blank:
    """A space for the holder to fill in by hand."""


BLANK = Blank()

Inline = str | Blank  # a Fixed is a str
Parts = tuple[Inline, ...]


@dataclass(frozen=True)
class Lines:
    """A table cell of several short lines (the reasons of a finding)."""

    lines: tuple[str, ...]


Cell = Inline | Lines


@dataclass(frozen=True)
class Para:
    """A paragraph; style is a hint for the renderer: "", "note", "draft", "meta", "to"."""

    parts: Parts
    style: str = ""


@dataclass(frozen=True)
class Table:
    """A table; numeric and nowrap hold column indexes, foot is an optional total row."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: frozenset[int] = frozenset()  # right-aligned, never wrapped
    nowrap: frozenset[int] = frozenset()  # short values (dates, names) kept on one line
    wide: frozenset[int] = frozenset()  # long text (reasons) that needs the room
    foot: tuple[Cell, ...] | None = None
    css: str = ""


@dataclass(frozen=True)
class Items:
    """A list: numbered (requests), bulleted, or with boxes to tick (things done)."""

    items: tuple[Parts, ...]
    kind: Literal["ordered", "bullet", "check"] = "bullet"


@dataclass(frozen=True)
class Chart:
    """An inline SVG with its caption; only HTML shows it (a letter in Markdown has no room)."""

    svg: str
    caption: str


Block = Para | Table | Items | Chart


@dataclass(frozen=True)
class Section:
    """A titled part of the draft; key names it for styling (e.g. "review" is boxed)."""

    key: str
    heading: str | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """The whole draft: its title, its language and its sections in order."""

    title: str
    lang: str
    sections: tuple[Section, ...]
