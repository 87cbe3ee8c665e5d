"""Bank layouts as data: load the TOML files and recognise a statement's header row."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from auditor.errors import UsageError
from auditor.fs.reason import os_reason
from auditor.fs.regular import NotRegularFile, TooLarge, read_regular
from auditor.ingest.text import fold_header
from auditor.wording import Said

# Roles a layout maps to its columns; date and time may span several columns (PayPay銀行).
# account (and branch, the 店番, where the bank keeps it apart) make a bank's own export of
# many accounts: each row names the account it belongs to.
ROLES = ("date", "time", "withdrawal", "deposit", "amount", "description", "channel",
         "balance", "row_id", "account", "branch")
_MULTI_ROLES = {"date", "time"}
MAX_LAYOUT_BYTES = 1_000_000
_TOP_KEYS = {"id", "bank", "bank_en", "version", "encodings", "header", "delimiter",
             "negative_withdrawals", "order", "columns"}
ORDERS = ("oldest-first", "newest-first")


@dataclass(frozen=True)
class Layout:
    """One bank's export format, at one version."""

    id: str
    bank: str
    header: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]
    bank_en: str = ""
    version: str = ""
    encodings: tuple[str, ...] = ()
    delimiter: str | None = None
    negative_withdrawals: bool | None = None
    # How the bank lists rows, for a file whose dates and balances cannot tell (one day).
    order: str | None = None
    source: str = "built-in"
    generic: bool = False
    folded_header: tuple[str, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded_header", tuple(fold_header(h) for h in self.header))

    def column(self, role: str) -> tuple[str, ...]:
        """Return the header names that hold a role, empty when the layout lacks it."""
        return self.columns.get(role, ())


def parse_layout(data: dict[str, object], source: str) -> Layout:
    """Build a Layout from TOML data, naming the file and key of anything wrong."""
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise UsageError(Said("layout.unknown_key", source=source, key=repr(sorted(unknown)[0])))
    for key in ("id", "bank", "header", "columns"):
        if key not in data:
            raise UsageError(Said("layout.needs", source=source, key=repr(key)))
    header = _strings(data["header"], source, "header")
    columns = _columns(data["columns"], header, source)
    return Layout(
        id=str(data["id"]), bank=str(data["bank"]), header=header, columns=columns,
        bank_en=str(data.get("bank_en", "")), version=str(data.get("version", "")),
        encodings=_strings(data.get("encodings", []), source, "encodings"),
        delimiter=_delimiter(data.get("delimiter"), source),
        negative_withdrawals=_optional_bool(data.get("negative_withdrawals"), source),
        order=_order(data.get("order"), source), source=source,
    )


def _strings(value: object, source: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(Said("layout.strings", source=source, key=repr(key)))
    return tuple(value)


def _delimiter(value: object, source: str) -> str | None:
    if value is None:
        return None
    if value not in (",", "\t", ";"):
        raise UsageError(Said("layout.delimiter", source=source))
    return str(value)


def _order(value: object, source: str) -> str | None:
    if value is not None and value not in ORDERS:
        raise UsageError(Said("layout.order", source=source))
    return None if value is None else str(value)


def _optional_bool(value: object, source: str) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise UsageError(Said("layout.negative", source=source))
    return value


def _columns(value: object, header: Sequence[str], source: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise UsageError(Said("layout.columns_table", source=source))
    folded = {fold_header(h) for h in header}
    columns: dict[str, tuple[str, ...]] = {}
    for role, names in value.items():
        if role not in ROLES:
            raise UsageError(Said("layout.unknown_role", source=source, role=repr(role),
                                  known=", ".join(ROLES)))
        names = [names] if isinstance(names, str) else names
        names = _strings(names, source, f"columns.{role}")
        if len(names) > 1 and role not in _MULTI_ROLES:
            raise UsageError(Said("layout.one_column", source=source, role=repr(role)))
        missing = [n for n in names if fold_header(n) not in folded]
        if missing:
            raise UsageError(Said("layout.not_in_header", source=source, column=repr(missing[0]),
                                  role=repr(role)))
        columns[role] = names
    _check_roles(columns, source)
    return columns


def _check_roles(columns: dict[str, tuple[str, ...]], source: str) -> None:
    if "date" not in columns or "description" not in columns:
        raise UsageError(Said("layout.date_description", source=source))
    has_pair = "withdrawal" in columns and "deposit" in columns
    if has_pair == ("amount" in columns):
        raise UsageError(Said("layout.amounts", source=source))


@cache
def builtin_layouts() -> tuple[Layout, ...]:
    """Every layout shipped in auditor/data/layouts, sorted by id."""
    folder = resources.files("auditor") / "data" / "layouts"
    found = [
        parse_layout(tomllib.loads(entry.read_text(encoding="utf-8")), f"layouts/{entry.name}")
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    ]
    return tuple(sorted(found, key=lambda layout: layout.id))


def load_layout_file(path: Path) -> Layout:
    """Read a user's own layout file (same schema as the built-in ones)."""
    try:
        data = tomllib.loads(read_regular(path, MAX_LAYOUT_BYTES).decode("utf-8"))
    except NotRegularFile as exc:
        raise UsageError(Said("layout.not_regular", path=path, kind=exc.kind)) from None
    except TooLarge:
        raise UsageError(Said("layout.too_large", path=path,
                              limit=MAX_LAYOUT_BYTES // 1_000_000)) from None
    except OSError as exc:
        raise UsageError(Said("layout.cannot_read", path=path,
                              reason=os_reason(exc.errno, exc.strerror))) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(Said("layout.invalid", path=path, detail=str(exc))) from None
    except RecursionError:
        raise UsageError(Said("layout.too_deep", path=path)) from None
    return parse_layout(data, str(path))


@cache
def export_layouts() -> tuple[Layout, ...]:
    """The bank exports shipped in auditor/data/layouts/exports: layouts with an account column."""
    folder = resources.files("auditor") / "data" / "layouts" / "exports"
    found = [
        parse_layout(tomllib.loads(entry.read_text(encoding="utf-8")),
                     f"layouts/exports/{entry.name}")
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    ]
    return tuple(sorted(found, key=lambda layout: layout.id))


def header_index(layouts: Iterable[Layout]) -> dict[tuple[str, ...], list[Layout]]:
    """Map each folded header to the layouts that use it, in the order given."""
    index: dict[tuple[str, ...], list[Layout]] = {}
    for layout in layouts:
        index.setdefault(layout.folded_header, []).append(layout)
    return index
