"""Why a statement or a layout cannot be read, in English; reading_ja.py likewise."""

WORDS: dict[str, str] = {
    # --- A statement that cannot be read (exit 3) ---
    # A line number goes in front of the reason, where there is one
    "read.line": "line {line}: {message}",
}
