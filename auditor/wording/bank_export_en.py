"""What a bank export read from Parquet or shown by identify says, in English; bank_export_ja.py likewise."""

WORDS: dict[str, str] = {
    # --- A Parquet export that pyarrow cannot read: cut short, damaged, or no Parquet ---
    "parquet.unreadable": "not a readable Parquet file (cut short, damaged, or not Parquet)",
    # --- identify: the line under an export's row ---
    "identify.export": "Bank export: {accounts} accounts",
}
