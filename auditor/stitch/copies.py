"""The same file given twice: the same bytes under another name is one download, used once."""

from __future__ import annotations

from collections.abc import Iterable


def duplicates(files: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each file that repeats an earlier one byte for byte, mapped to the one used instead.

    Takes (path, SHA-256 of the file's bytes) pairs in the order given; the first of equal
    files is used. A browser saves a second download of a statement as "name (1).csv":
    without this its rows would count twice in a claim.
    """
    first: dict[str, str] = {}
    copies: dict[str, str] = {}
    for path, digest in files:
        if digest in first:
            if first[digest] != path:  # one path given twice is one file, not a copy of it
                copies[path] = first[digest]
        else:
            first[digest] = path
    return copies
