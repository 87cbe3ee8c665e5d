"""Where a line of text may break, and greedy lines by terminal columns (Japanese takes two)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# A chunk is a run of spaces, a run of narrow characters or one wide character; an opening
# bracket keeps to what follows it, and what may not start a line (、。）and small kana) to
# what comes before it, as Japanese lines are broken.
_WIDE = "\u2e80-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6"
CHUNK = re.compile(rf"\s+|[（「『【〔]*(?:[^\s{_WIDE}]+|[{_WIDE}])"
                   r"[、。，．）」』】〕：・ー…ぁぃぅぇぉっゃゅょァィゥェォッャュョ:;,.)\]]*")

Measure = Callable[[str], int]


def columns(text: str) -> int:
    """How many terminal columns text takes."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(chunk: str, room: int, measure: Measure) -> str:
    """The longest start of chunk that fits in room columns (at least one character)."""
    end = 1
    while end < len(chunk) and measure(chunk[:end + 1]) <= room:
        end += 1
    return chunk[:end]


def wrap_chunks(chunks: list[str], width: int, first: str = "", later: str = "",
                measure: Measure = columns) -> list[str]:
    """Greedy lines of at most width columns, each after its indent."""
    lines: list[str] = []
    line: list[str] = []
    used = 0
    pending = list(reversed(chunks))
    while pending:
        chunk = pending.pop()
        room = width - measure(later if lines else first)
        if chunk.isspace() and not line:
            continue  # a line never starts with spaces
        size = measure(chunk)
        if used + size <= room:
            line.append(chunk)
            used += size
            continue
        if not chunk.isspace():
            if not line:  # wider than a whole line: cut it where the line ends
                head = _cut(chunk, room, measure)
                line.append(head)
                pending.append(chunk[len(head):])
            else:
                pending.append(chunk)
        lines.append((later if lines else first) + "".join(line).rstrip())
        line, used = [], 0
    if line:
        lines.append((later if lines else first) + "".join(line).rstrip())
    return lines


def wrap(text: str, width: int, first: str = "", later: str = "",
         measure: Measure = columns) -> list[str]:
    """text in lines of at most width columns, broken where a reader expects a break."""
    return wrap_chunks(CHUNK.findall(text), width, first, later, measure)
