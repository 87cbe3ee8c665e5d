"""Files that mix encodings: a row that does not decode like the rest is a rejected row.

A CP932 export edited in a UTF-8 tool (or the reverse) carries a few rows in the other
encoding. The whole file used to be refused, or, where the odd rows happened to decode as
CP932 too (UTF-8 kana do), read as mojibake without a word: a ¥2,000 top-up went unseen.
Now the file's encoding is the one most of its non-ASCII lines are in; each line that is
not is rejected with its line number, and the file's notes say that it mixes encodings.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from auditor.errors import StatementError
from auditor.ingest.decode import decode
from auditor.wording import Bi, Said, say

_JAPANESE = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_CHANCE = re.compile("[\u0080-\u00a4\u00a6-\u00d6\u00d8-\u07ff]")  # all but ¥ and ×
_SAMPLE_BYTES = 1 << 18  # the lines looked at to tell UTF-8 with odd rows from CP932
_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "cp932": "CP932"}


@dataclass(frozen=True)
class Decoded:
    """A statement's text, its encoding, and the lines that did not decode in it."""

    text: str
    encoding: str
    rejected: tuple[tuple[int, str], ...] = ()
    # CP932 text that UTF-8 rows may hide in as mojibake: see foreign_text.
    check_rows: bool = False

    def note(self) -> list[str]:
        if not self.rejected:
            return []
        lines, more = _shown([line for line, _ in self.rejected])
        return [Said("note.mixed", lines=lines, more=more, encoding=_name(self.encoding))]


def decode_rows(raw: bytes, encoding: str | None = None) -> Decoded:
    """Decode a statement; lines in another encoding than most are rejected, not fatal."""
    try:
        text, name = decode(raw, encoding)
    except StatementError as whole:
        primary = encoding or ("utf-8" if _mostly_utf8(raw) else "cp932")
        return _by_line(raw, primary, whole)
    if encoding is None and name == "cp932" and _mostly_utf8(raw):
        # UTF-8 with a few CP932 rows, which all decoded as CP932: mojibake throughout.
        try:
            return _by_line(raw, "utf-8", None)
        except StatementError:
            pass
    return Decoded(text, name, check_rows=not name.startswith("utf"))


def foreign_text(value: str, encoding: str) -> bool:
    """Whether a cell read as `encoding` is really Japanese UTF-8 text (see _is_utf8)."""
    if value.isascii():
        return False
    try:
        return _is_utf8(value.encode(encoding))
    except UnicodeEncodeError:
        return False


def foreign_note(lines: list[int], encoding: str) -> str:
    """The note for rows whose text is UTF-8 in a file of another encoding."""
    shown, more = _shown(lines)
    return Said("note.mixed_utf8", lines=shown, more=more, encoding=_name(encoding))


def _shown(lines: list[int]) -> tuple[Bi, str]:
    """The first ten line numbers, in each language's list, and how many more there are."""
    first = [str(line) for line in lines[:10]]
    more = "" if len(lines) <= 10 else Said("note.more", count=len(lines) - 10)
    return Bi(*(say("message.line_separator", lang).join(first) for lang in ("en", "ja"))), more


def _name(encoding: str) -> str:
    return _NAMES.get(encoding, encoding)


def _mostly_utf8(raw: bytes) -> bool:
    """Whether most non-ASCII lines near the start are valid UTF-8."""
    newline = b"\n" if b"\n" in raw[:_SAMPLE_BYTES] else b"\r"
    votes = [0, 0]
    for line in raw[:_SAMPLE_BYTES].split(newline)[:-1] or [raw[:_SAMPLE_BYTES]]:
        if not line.isascii():
            votes[_is_utf8(line)] += 1
    return votes[1] > votes[0]


def _is_utf8(data: bytes) -> bool:
    """Whether bytes are Japanese text in UTF-8, not CP932 that happens to be valid UTF-8.

    Half-width katakana pairs are valid UTF-8 by chance (ﾐｼﾞｶ is D0 BC DE B6: Cyrillic and
    Thaana), so the decoded text must hold kana, kanji or full-width forms, which two-byte
    sequences cannot make, and nothing in U+0080-U+07FF, where they land (bar ¥ and ×).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(_JAPANESE.search(text)) and not _CHANCE.search(text)


def _ascii_compatible(encoding: str) -> bool:
    """Line breaks are the same bytes in it as in ASCII, and never inside a character."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return not name.startswith(("utf-16", "utf-32", "utf_16", "utf_32")) and \
        "\n".encode(name) == b"\n" and "\r".encode(name) == b"\r"


def _by_line(raw: bytes, primary: str, whole: StatementError | None) -> Decoded:
    """Decode line by line in `primary`; lines that do not decode are rejected by number.

    When that would reject as many non-ASCII lines as it reads, the file is not in
    `primary` at all: the whole-file error stands.
    """
    body, shown = (raw[3:], "utf-8-sig") if raw.startswith(codecs.BOM_UTF8) else (raw, primary)
    if not _ascii_compatible(primary) or (shown == "utf-8-sig" and primary != "utf-8"):
        raise whole or StatementError(Said("read.by_line"))
    newline = b"\n" if b"\n" in body else b"\r"
    parts, rejected, good = [], [], 0
    for number, line in enumerate(body.split(newline), start=1):
        try:
            parts.append(line.decode(primary))
        except UnicodeDecodeError:
            rejected.append((number, _why(line, primary)))
            parts.append("\r" if line.endswith(b"\r") else "")  # the line stays, empty
            continue
        good += not line.isascii()
    if not rejected or len(rejected) >= good:
        raise whole or StatementError(Said("read.by_line"))
    return Decoded(newline.decode("ascii").join(parts), shown, tuple(rejected))


def _why(line: bytes, primary: str) -> str:
    if primary != "utf-8" and _is_utf8(line):
        return Said("reject.utf8", encoding=_name(primary))
    if primary == "utf-8":
        try:
            line.decode("cp932")
        except UnicodeDecodeError:
            pass
        else:
            return Said("reject.cp932")
    return Said("reject.undecodable", encoding=_name(primary))
