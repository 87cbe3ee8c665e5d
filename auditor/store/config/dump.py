"""Writing the config as TOML text that tomllib reads back to exactly the same values."""

from __future__ import annotations

import re
from datetime import date

from auditor.errors import UsageError
from auditor.store.config.model import Config
from auditor.wording import Said

# The whole file is rewritten, so comments a user adds by hand are not kept; it says so.
_HEADER = "# auditor configuration. The tool rewrites this file; comments are not kept."
# TOML basic strings must escape " \ and U+0000-001F, U+007F. The C1 controls and the
# line/paragraph separators are escaped too, so no editor or terminal shows a fake line.
_MUST_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f-\x9f\u2028\u2029]')
_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n",
                  "\f": "\\f", "\r": "\\r"}
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def dumps_config(config: Config) -> str:
    """The TOML text for config; tomllib.loads(text) gives back exactly its values."""
    lines = [_HEADER]
    for key in ("fail_on", "lang"):
        value = getattr(config, key)
        if value is not None:
            lines.append(f"{key} = {_toml_string(value, key)}")
    for entry in config.allow:  # tables last: a key after [[allow]] would belong to it
        lines += ["", "[[allow]]", f"wallet = {_toml_string(entry.wallet, 'wallet')}"]
        if entry.reason is not None:
            lines.append(f"reason = {_toml_string(entry.reason, 'reason')}")
        for key in ("until", "added"):
            day = getattr(entry, key)
            if day is not None:
                # Through date() so a datetime cannot slip out as a TOML date-time.
                lines.append(f"{key} = {date(day.year, day.month, day.day).isoformat()}")
    return "\n".join(lines) + "\n"


def _toml_string(text: str, key: str) -> str:
    check_text(text, key)
    body = _MUST_ESCAPE.sub(
        lambda m: _SHORT_ESCAPES.get(m.group(), f"\\u{ord(m.group()):04X}"), text
    )
    return f'"{body}"'


def check_text(text: str, key: str) -> None:
    """Refuse text that cannot be written as UTF-8 (and so as TOML)."""
    # Undecodable argv bytes arrive as lone surrogates, which neither UTF-8 nor TOML can hold.
    if _SURROGATE.search(text):
        raise UsageError(Said("config.not_text", key=key))
