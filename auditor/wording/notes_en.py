"""What a read statement carries, in English: notes, rejected rows; notes_ja.py likewise."""

WORDS: dict[str, str] = {
    # --- The notes a statement carries (JSON "notes", stderr "note: ...") ---
    "note.no_rows": "no transactions below the header (line {line})",
    "note.generic": "unknown bank: read with the generic layout using columns {columns}",
    "note.no_year": ("dates have no year: assumed the statement starts in {year} (from the "
                     "file's date); pass --year to set it"),
    # Lines of another encoding; more is empty or note.more
    "note.mixed": ("the file mixes encodings: line(s) {lines}{more} are not {encoding} like the "
                   "rest and were rejected"),
    "note.mixed_utf8": ("the file mixes encodings: line(s) {lines}{more} are UTF-8, not "
                        "{encoding} like the rest, and were rejected"),
    "note.more": " and {count} more",
    "note.not_stitched": ("not stitched with the other downloads of its account (an internal "
                          "error; set AUDITOR_DEBUG=1 for details): rows they share may be "
                          "counted twice"),
    "note.fail_fast": "stopped here: --fail-fast and this file could not be read",
    "note.repeat": "the same bytes as {path}: read once and counted once",
    # The bank of a statement read with the generic layout
    "bank.unknown": "unknown bank",
    # --- Why a row was not read (JSON "rejected" and "skipped"); column names the layout's ---
    "reject.date": "date not recognised in column {column}",
    "reject.time": "time not recognised in columns {column}",
    "reject.amount": "amount not a number in column {column}",
    "reject.no_amount": "no amount in column {column}",
    "reject.no_amounts": "no amount in column {withdrawal} or {deposit}",
    "reject.year_range": "year out of range ({first} to {last}) in column {column}",
    "reject.no_such_day": "date does not exist in the year taken for it; pass --year",
    "reject.too_wide": "row has more cells than the header's {width}",
    "reject.utf8": "this row is UTF-8 text, the rest of the file {encoding}",
    "reject.cp932": "this row is CP932 (Shift_JIS) text, the rest of the file UTF-8",
    "reject.undecodable": "this row does not decode as {encoding} like the rest of the file",
    "reject.note_line": "note line after the table",
    # --- One line on stderr per problem with a file, after its name ---
    "message.rejected": "line {line}: row rejected: {reason}",
    "message.more_rejected": "{count} more rejected rows (see --format json)",
    "message.breaks": ("balance does not follow at line(s) {lines} (a row may be missing or "
                       "edited)"),
    "message.note": "note: {note}",
    # Numbers of lines in a list
    "message.line_separator": ", ",
}
