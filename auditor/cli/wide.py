"""--help wrapped by the columns a terminal gives each character: Japanese takes two."""

from __future__ import annotations

import importlib
import textwrap

from auditor.linebreak import CHUNK, columns, wrap_chunks

__all__ = ["columns", "install", "wide_wrapper"]


def wide_wrapper(base: type[textwrap.TextWrapper]) -> type[textwrap.TextWrapper]:
    """base (the help's text wrapper), measuring by columns and breaking between wide letters."""

    class Wide(base):  # type: ignore[valid-type,misc]
        def _split(self, text: str) -> list[str]:
            return CHUNK.findall(text)

        def _wrap_chunks(self, chunks: list[str]) -> list[str]:
            return wrap_chunks(chunks, self.width, self.initial_indent, self.subsequent_indent)

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
