"""Decode a statement file whole: byte-order marks, UTF-16 without one, UTF-8, then CP932."""

from __future__ import annotations

from auditor.errors import StatementError
from auditor.wording import Said

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode the whole file and return (text, encoding name); BOM, UTF-8, then CP932."""
    _refuse_non_text(raw)
    if encoding:
        return _decode_as(raw, encoding), encoding
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _decode_as(raw[len(bom):], name), name
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return _decode_as(raw, utf16), utf16
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        utf8_at = utf8_error.start
    try:
        return raw.decode("cp932"), "cp932"
    except UnicodeDecodeError as cp932_error:
        cp932_at = cp932_error.start
    # The line named is where the encoding that read further failed: in a CP932 file with
    # one UTF-8 line (or the reverse) that is the odd line, not line 1 as it used to be.
    raise StatementError(Said("read.undecodable", utf8=_line_of(raw, utf8_at),
                              cp932=_line_of(raw, cp932_at)),
                         line=_line_of(raw, max(utf8_at, cp932_at)))


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text with no BOM shows as NUL bytes in every other position (ASCII, digits)."""
    head = raw[:4000]
    if len(head) < 8 or len(head) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > len(head) // 8 and even == 0:
        return "utf-16-le"
    if even > len(head) // 8 and odd == 0:
        return "utf-16-be"
    return None


def _decode_as(raw: bytes, encoding: str) -> str:
    try:
        text = raw.decode(encoding)
    except LookupError:
        raise StatementError(Said("read.unknown_encoding", encoding=repr(encoding))) from None
    except UnicodeDecodeError as exc:
        line = _line_of(raw, exc.start)
        raise StatementError(Said("read.not_encoding", encoding=encoding), line=line) from None
    return text.removeprefix("\ufeff")


def _line_of(raw: bytes, offset: int) -> int:
    # Old Mac exports end lines with CR only; counting LF there said "line 1" for every error.
    # (Not a CR|LF regex: in UTF-16 a CRLF is two bytes apart and would count twice.)
    newline = b"\n" if b"\n" in raw else b"\r"
    return raw.count(newline, 0, offset) + 1


def _refuse_non_text(raw: bytes) -> None:
    """Name the common wrong files (Excel, HTML saved as .csv) instead of failing later."""
    if not raw or raw.isspace():  # isspace stops at the first other byte; strip would copy
        raise StatementError(Said("read.empty"))
    if raw.startswith(b"PK\x03\x04"):
        raise StatementError(Said("read.xlsx"))
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise StatementError(Said("read.xls"))
    head = raw[:512].lstrip().lower()
    if head.startswith(_WEB_PAGE_HEADS):
        raise StatementError(Said("read.web_page"))


# Checked again on the decoded text: a page saved with a BOM or as UTF-16 starts with other
# bytes, and used to fall through to "no bank header found".
_WEB_PAGE_HEADS = (b"<!doctype html", b"<html", b"<?xml")


def check_text(text: str) -> None:
    """Refuse decoded text that cannot be a statement (NUL bytes mean binary or UTF-16)."""
    if not text or text.isspace():
        raise StatementError(Said("read.empty"))
    if text[:512].lstrip().lower().startswith(tuple(h.decode() for h in _WEB_PAGE_HEADS)):
        raise StatementError(Said("read.web_page"))
    position = text.find("\x00")
    if position >= 0:
        newline = "\n" if "\n" in text else "\r"  # CR-only line ends too, as _line_of
        line = text.count(newline, 0, position) + 1
        raise StatementError(Said("read.nul"), line=line)
