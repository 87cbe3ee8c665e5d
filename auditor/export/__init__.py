"""A bank's own export of many accounts: read it, audit each account, on one machine or Dask."""
