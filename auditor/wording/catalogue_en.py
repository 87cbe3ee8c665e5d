"""What is wrong in a wallet catalogue (wallets.toml), in English; catalogue_ja.py likewise.

Each message names the file and the entry (label: "<file>: wallet 'id'") and quotes only
the catalogue's own keys, ids and names.
"""

WORDS: dict[str, str] = {
    # --- The file ---
    "catalogue.not_toml": "{origin}: not valid TOML: {detail}",
    "catalogue.no_wallets": "{origin}: no [[wallet]] entries",
    "catalogue.not_array": "{origin}: {quoted} must be an array of tables ([[{name}]])",
    "catalogue.twice": "{what} {value} appears twice",
    "catalogue.shared": "{origin}: {text} is in {owner} and in {other}",
    # --- An entry ---
    "catalogue.bad_id": "{kind} #{number}: id must be a kebab-case string, not {value}",
    "catalogue.unknown_keys": "{label}: unknown key(s) {keys} (allowed: {allowed})",
    "catalogue.missing_keys": "{label}: missing key(s) {keys}",
    "catalogue.not_choice": "{label}: {key} must be one of {allowed}, not {value}",
    "catalogue.not_text": "{label}: {key} must be a non-empty string",
    "catalogue.not_list": "{label}: {key} must be a list of non-empty strings",
    "catalogue.not_folded": "{label}: {key} {value} is not folded; write {folded}",
    "catalogue.bad_cap": "{label}: {key} must be a positive integer of yen, not {value}",
    "catalogue.bad_regex": "{label}: regex {source} does not compile: {detail}",
    "catalogue.no_channel": "{label}: channel {channel} is not a [[channel]] pattern",
    # Its names
    "catalogue.no_names": "{label}: needs at least one of patterns, words or alone",
    "catalogue.no_letters": "{label}: {text} has no letter or digit to match",
    "catalogue.same_text": "{label}: {text} and {other} match the same text",
    # --- [matching] ---
    "catalogue.not_table": "{label} must be a table",
    "catalogue.truncated_min": "{label}: truncated_min must be a whole number of at least 3",
    "catalogue.truncated_share": "{label}: truncated_share must be a share above 0.5, at most 1",
    "catalogue.readings": "{label}: readings must be a table of word = reading",
    "catalogue.katakana": "{where} must be written in katakana",
    "catalogue.reading_folded": "{where}: write word and reading in folded form",
}
