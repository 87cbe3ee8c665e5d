"""The limits a statement's cells and rows must keep, and the errors past them."""

from __future__ import annotations

import csv

# Python's csv module stops at 128 KiB a field; a statement cell is never near that, and a
# larger one means an unbalanced quote swallowed the file, which must fail, not hang.
FIELD_LIMIT = 1 << 20
csv.field_size_limit(FIELD_LIMIT)
# A cell over the limit (say one 10 MB field) is refused with its line, wherever it stands:
# before, every csv.Error from split_line escaped as an internal error (exit 4).
TOO_LARGE = (f"a cell is larger than {FIELD_LIMIT // (1 << 20)} MB: not a statement export, "
             "or a quote is not closed")
# No bank writes more than a few dozen columns; 10,000 is far past any export. A row of a
# million empty cells (1 MB) made pandas build a million columns: minutes, 1.7 GB.
MAX_CELLS = 10_000
TOO_MANY_CELLS = (f"a row has more than {MAX_CELLS:,} cells: not a statement export "
                  "(or its delimiters are not the ones the header uses)")
UNCLOSED = "a quoted field is not closed (unbalanced quote); the file is cut or damaged"
