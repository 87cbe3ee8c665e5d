"""--help wrapped by the columns a terminal gives each character: Japanese takes two."""

from __future__ import annotations

import importlib
import re
import textwrap
import unicodedata

# A chunk is a run of spaces, a run of narrow characters or one wide character; an opening
# bracket keeps to what follows it, and what may not start a line (、。）and small kana) to
# what comes before it, as Japanese lines are broken.
_WIDE = "\u2e80-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6"
_CHUNK = re.compile(rf"\s+|[（「『【〔]*(?:[^\s{_WIDE}]+|[{_WIDE}])"
                    r"[、。，．）」』】〕：・ー…ぁぃぅぇぉっゃゅょァィゥェォッャュョ:;,.)\]]*")


def columns(text: str) -> int:
    """How many terminal columns text takes."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(chunk: str, room: int) -> str:
    """The longest start of chunk that fits in room columns (at least one character)."""
    end = 1
    while end < len(chunk) and columns(chunk[:end + 1]) <= room:
        end += 1
    return chunk[:end]


def _wrap(chunks: list[str], width: int, first: str, later: str) -> list[str]:
    """Greedy lines of at most width columns, each after its indent."""
    lines: list[str] = []
    line: list[str] = []
    pending = list(reversed(chunks))
    while pending:
        chunk = pending.pop()
        room = width - columns(later if lines else first)
        used = columns("".join(line))
        if chunk.isspace() and not line:
            continue  # a line never starts with spaces
        if used + columns(chunk) <= room:
            line.append(chunk)
            continue
        if not chunk.isspace():
            if not line:  # wider than a whole line: cut it where the line ends
                head = _cut(chunk, room)
                line.append(head)
                pending.append(chunk[len(head):])
            else:
                pending.append(chunk)
        lines.append((later if lines else first) + "".join(line).rstrip())
        line = []
    if line:
        lines.append((later if lines else first) + "".join(line).rstrip())
    return lines


def wide_wrapper(base: type[textwrap.TextWrapper]) -> type[textwrap.TextWrapper]:
    """base (the help's text wrapper), measuring by columns and breaking between wide letters."""

    class Wide(base):  # type: ignore[valid-type,misc]
        def _split(self, text: str) -> list[str]:
            return _CHUNK.findall(text)

        def _wrap_chunks(self, chunks: list[str]) -> list[str]:
            return _wrap(chunks, self.width, self.initial_indent, self.subsequent_indent)

    return Wide


def install() -> None:
    """Wrap --help by columns: Typer's own copy of click, or click, whichever formats it."""
    for name in ("typer._click._textwrap", "click._textwrap"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if isinstance(getattr(module, "TextWrapper", None), type):
            module.TextWrapper = wide_wrapper(module.TextWrapper)
        return
