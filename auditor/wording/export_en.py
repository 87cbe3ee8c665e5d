"""What a bank export and the Dask engine say, in English; export_ja.py likewise."""

WORDS: dict[str, str] = {
    # --- Reading a bank export (many accounts in one file) ---
    "export.no_account": "no account in column {column}",
    "export.not_export": "not a bank export: no layout with an account column matches its header",
    "export.note": "a bank export of {accounts} accounts: each audited on its own history",
    # A cell holding a line break cannot be cut into blocks at line breaks
    "export.quoted_newline": ("a quoted cell holds a line break (near line {line}): the Dask "
                              "engine splits the file at line breaks; remove the line breaks "
                              "in cells, or scan it without --engine dask"),
    # --- The Dask engine ---
    "dask.missing": ("--engine dask and Parquet (in or out) need the dask extra, which is not "
                     "installed: pip install 'statement-auditor[dask]' (in a clone: pip "
                     "install '.[dask]')"),
    "dask.no_export": ("{path}: --engine dask reads bank exports (a file whose layout has an "
                       "account column) and this is none; scan it without --engine dask"),
    "dask.one_file": "--engine dask reads one bank export at a time ({count} given)",
    "dask.needs_dask": "--scheduler needs --engine dask",
    "dask.parquet_output": "--format parquet needs --output FILE (Parquet is not for a terminal)",
    "dask.scheduler": "cannot reach the Dask scheduler at {address} ({reason})",
    # --- Help ---
    "help.scan.engine": ("Where the audit runs: in-process (default), or dask, for a bank export "
                         "too large for one machine (needs the dask extra)."),
    "help.scan.scheduler": ("With --engine dask: the address of a Dask scheduler "
                            "(tcp://HOST:8786); default: workers on this machine (--jobs)."),
}
