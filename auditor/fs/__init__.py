"""Files read and written safely: regular-file reads, atomic and in-place writes, locks."""
