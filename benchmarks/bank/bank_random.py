"""Counter-based random numbers: every draw a pure function of the seed and what it is for.

A value depends only on (seed, account, month, slot, field), never on the order or the chunks
the bank is generated in, so an export sorted by account and one sorted by date hold the same
rows, and a chunk of accounts can be made without making the ones before it.
"""

from __future__ import annotations

import hashlib

import numpy as np

U64 = np.uint64
_GOLDEN = U64(0x9E3779B97F4A7C15)
_M1, _M2 = U64(0xBF58476D1CE4E5B9), U64(0x94D049BB133111EB)
_S30, _S27, _S31, _S32 = U64(30), U64(27), U64(31), U64(32)


def mix(z: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser: a bijection of uint64 with good avalanche."""
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    return z ^ (z >> _S31)


def seed_key(seed: str) -> np.ndarray:
    """A 64-bit key from the seed text (stable across runs and platforms)."""
    return np.array(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:8], "little"), U64)


def draw(key: np.ndarray, *parts: np.ndarray | int) -> np.ndarray:
    """Hash the key with each part in turn; parts broadcast like numpy arrays."""
    h = np.asarray(key, U64)
    with np.errstate(over="ignore"):
        for part in parts:
            h = mix(h ^ (np.asarray(part).astype(U64) + _GOLDEN))
    return h


def high(h: np.ndarray, n: np.ndarray | int) -> np.ndarray:
    """An integer in [0, n) from the upper 32 bits."""
    return ((h >> _S32) % np.asarray(n, U64)).astype(np.int64)


def low(h: np.ndarray, n: np.ndarray | int) -> np.ndarray:
    """An integer in [0, n) from the lower 32 bits (independent of high())."""
    return ((h & U64(0xFFFFFFFF)) % np.asarray(n, U64)).astype(np.int64)


def unit(h: np.ndarray) -> np.ndarray:
    """A float in [0, 1) from the upper 32 bits."""
    return (h >> _S32).astype(np.float64) / 4294967296.0


def unit_low(h: np.ndarray) -> np.ndarray:
    """A float in [0, 1) from the lower 32 bits."""
    return (h & U64(0xFFFFFFFF)).astype(np.float64) / 4294967296.0


def weighted(u: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Indexes drawn with the given weights, from uniforms u in [0, 1)."""
    edges = np.cumsum(weights, dtype=np.float64)
    return np.minimum(np.searchsorted(edges / edges[-1], u, side="right"), len(weights) - 1)


def steps(h: np.ndarray, lo: int, hi: int, step: int) -> np.ndarray:
    """An amount lo, lo + step, ... below hi (the upper 32 bits)."""
    return lo + step * high(h, max(1, (hi - lo) // step))
