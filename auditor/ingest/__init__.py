"""Read: bytes of a statement file in, typed transactions and rejected rows out."""
