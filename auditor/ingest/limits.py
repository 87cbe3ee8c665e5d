"""The limits a statement's cells and rows must keep, and the errors past them."""

from __future__ import annotations

import csv

from auditor.wording import Said

# Python's csv module stops at 128 KiB a field; a statement cell is never near that, and a
# larger one means an unbalanced quote swallowed the file, which must fail, not hang.
FIELD_LIMIT = 1 << 20
csv.field_size_limit(FIELD_LIMIT)
# A cell over the limit (say one 10 MB field) is refused with its line, wherever it stands:
# before, every csv.Error from split_line escaped as an internal error (exit 4).
TOO_LARGE = Said("read.cell_too_large", limit=FIELD_LIMIT // (1 << 20))
# No bank writes more than a few dozen columns; 10,000 is far past any export. A row of a
# million empty cells (1 MB) made pandas build a million columns: minutes, 1.7 GB.
MAX_CELLS = 10_000
TOO_MANY_CELLS = Said("read.too_many_cells", limit=f"{MAX_CELLS:,}")
UNCLOSED = Said("read.unclosed")
