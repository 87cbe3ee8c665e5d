"""Which language people-facing text is in: --lang, else the locale; and label look-ups."""

from __future__ import annotations

import os

from auditor.wording import LANGS, template

__all__ = ["LANGS", "detect_lang", "word"]


def detect_lang(explicit: str | None = None) -> str:
    """--lang if given, else Japanese when the locale is Japanese, else English."""
    if explicit:
        return explicit
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def word(key: str, lang: str) -> str:
    """The label for key in lang (a label.* entry of the wording modules)."""
    return template("label." + key, lang)
