"""The draft as Markdown: the tool's wording as written, everything else escaped."""

from __future__ import annotations

import re

from auditor.render.safety import printable
from auditor.report.blocks import (Blank, Block, Cell, Chart, Document, Fixed, Inline, Items,
                                   Lines, Para, Parts, Section, Table)
from auditor.wording import say

BLANK_TEXT = "＿" * 10  # full-width: no Markdown meaning, unlike ____ (a rule or emphasis)
_SPECIAL = re.compile(r"([\\`*_\[\]()<>#|~&!])")
_LEADING = re.compile(r"^(\s*)([-+=]|\d+[.)])")  # would start a list item or a heading rule
_ITEM = {"ordered": "{n}. ", "bullet": "- ", "check": "- [ ] "}


def md_escape(text: str) -> str:
    """Untrusted text made literal: controls shown as \\uXXXX, then every Markdown sign escaped.

    Line breaks are controls too, so a descriptor can never end a table row or start a block.
    """
    safe = _SPECIAL.sub(r"\\\1", printable(text))
    return _LEADING.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], safe)


def render_markdown(document: Document) -> str:
    """The whole draft as one Markdown text ending in a newline."""
    out = [f"# {document.title}"]
    for section in document.sections:
        out.extend(_section(section, document.lang))
    return "\n\n".join(out) + "\n"


def _section(section: Section, lang: str) -> list[str]:
    blocks = [_block(block, lang) for block in section.blocks if not isinstance(block, Chart)]
    if not blocks:  # a chart-only section: Markdown has no way to show it
        return []
    head = [f"## {section.heading}"] if section.heading else []
    return head + blocks


def _block(block: Block, lang: str) -> str:
    if isinstance(block, Para):
        text = _parts(block.parts)
        return f"> {text}" if block.style == "draft" else text
    if isinstance(block, Table):
        return _table(block, lang)
    assert isinstance(block, Items)
    return "\n".join(_ITEM[block.kind].format(n=n) + _parts(item)
                     for n, item in enumerate(block.items, start=1))


def _inline(part: Inline) -> str:
    if isinstance(part, Blank):
        return BLANK_TEXT
    return part if isinstance(part, Fixed) else md_escape(part)


def _parts(parts: Parts) -> str:
    return "".join(_inline(part) for part in parts)


def _cell(cell: Cell, lang: str) -> str:
    if isinstance(cell, Lines):
        return say("label.sentence_separator", lang).join(_inline(line) for line in cell.lines)
    return _inline(cell)


def _table(table: Table, lang: str) -> str:
    rows = [_row(table.headers, lang),
            "|" + "|".join("---:" if i in table.numeric else "---"
                           for i in range(len(table.headers))) + "|"]
    rows += [_row(row, lang) for row in table.rows]
    if table.foot is not None:
        rows.append(_row(tuple(Fixed(f"**{_cell(c, lang)}**") if c else c for c in table.foot),
                         lang))
    return "\n".join(rows)


def _row(cells: tuple[Cell, ...], lang: str) -> str:
    return "| " + " | ".join(_cell(cell, lang) for cell in cells) + " |"
