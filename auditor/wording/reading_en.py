"""Why a statement or a layout cannot be read, in English; reading_ja.py likewise."""

WORDS: dict[str, str] = {
    # --- A statement that cannot be read (exit 3) ---
    # A line number goes in front of the reason, where there is one
    "read.line": "line {line}: {message}",
    # The file itself
    "read.folder": "is a folder with no statement file (.csv, .tsv, .txt) in it",
    "read.not_regular": "not a regular file ({kind}): statements are read from files only",
    "read.too_large": ("larger than the {limit} MB limit; raise it with --max-size if this "
                       "really is one statement"),
    "read.cannot_open": "cannot open the file ({reason})",
    "read.empty": "the file is empty",
    "read.xlsx": "this is an Excel workbook (.xlsx), not CSV: save it as CSV first",
    "read.xls": "this is an old Excel file (.xls), not CSV: save it as CSV first",
    "read.web_page": "this is a web page (HTML/XML), not CSV: download the CSV export",
    # Its encoding
    "read.undecodable": ("cannot decode: not UTF-8 (from line {utf8}) nor CP932 (from line "
                         "{cp932}); pass --encoding with the file's encoding, e.g. --encoding "
                         "shift_jis_2004"),
    "read.unknown_encoding": "unknown encoding {encoding}; use a Python codec name such as cp932",
    "read.not_encoding": ("does not decode as {encoding}; try another --encoding or leave it "
                          "out to detect it"),
    "read.by_line": "cannot decode line by line",
    "read.nul": ("contains NUL bytes: binary data, or UTF-16 without a byte-order mark (try "
                 "--encoding utf-16-le)"),
    # Its cells and rows
    "read.cell_too_large": ("a cell is larger than {limit} MB: not a statement export, or a "
                            "quote is not closed"),
    "read.too_many_cells": ("a row has more than {limit} cells: not a statement export (or its "
                            "delimiters are not the ones the header uses)"),
    "read.unclosed": "a quoted field is not closed (unbalanced quote); the file is cut or damaged",
    "read.no_header": ("no bank header found in the first {lines} lines; if this is a "
                       "statement, describe it with --layout FILE (see README, 'Your own "
                       "layout')"),
    # A bug, not the file (exit 4); kind names the exception
    "read.internal_reading": "internal error while reading ({kind})",
    "read.internal_auditing": "internal error while auditing ({kind})",
    # --- A layout: the user's --layout FILE or a built-in one (exit 2) ---
    "layout.unknown_key": "{source}: unknown layout key {key}",
    "layout.needs": "{source}: layout needs a {key} entry",
    "layout.strings": "{source}: {key} must be a list of strings",
    "layout.delimiter": "{source}: 'delimiter' must be \",\", \"\\t\" or \";\"",
    "layout.negative": "{source}: 'negative_withdrawals' must be true or false",
    "layout.order": "{source}: 'order' must be \"oldest-first\" or \"newest-first\"",
    "layout.columns_table": "{source}: [columns] must be a table",
    "layout.unknown_role": "{source}: unknown column role {role} (known: {known})",
    "layout.one_column": "{source}: column role {role} takes one column",
    "layout.not_in_header": "{source}: column {column} of {role} is not in the header",
    "layout.date_description": "{source}: [columns] needs 'date' and 'description'",
    "layout.amounts": ("{source}: [columns] needs either 'withdrawal' and 'deposit', or one "
                       "signed 'amount'"),
    # Reading the layout file
    "layout.not_regular": "{path}: the layout file is not a regular file ({kind})",
    "layout.too_large": "{path}: larger than {limit} MB: not a layout file",
    "layout.cannot_read": "{path}: cannot read layout file ({reason})",
    "layout.invalid": "{path}: not a valid TOML layout ({detail})",
    "layout.too_deep": "{path}: not a valid TOML layout (nested too deeply)",
    # A file that --layout does not describe
    "error.layout_mismatch": "its header row is not that of --layout {layout} but of the built-in {found} layout: without --layout it is read as {found}",
    "error.layout_mismatch_none": "its header row is not that of --layout {layout} (nor of any bank layout auditor has): check the layout's header",
}
