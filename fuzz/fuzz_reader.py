"""Fuzz the statement reader: random and mutated bytes through read_statement and audit.

Run by hand, never by the test suite:

    python fuzz/fuzz_reader.py --seconds 300            # atheris if installed, else random
    python fuzz/fuzz_reader.py --seconds 300 --engine random --seed 7

Inputs are seeded from sample_statements/*.csv. Each input is written to a temporary file
and read as a user's statement would be; a StatementError (a one-line message for the
user) is the only acceptable failure. Any other exception is a crash: the input is saved
under fuzz/crashes/ (named by its SHA-1) with the exception type and the innermost frame,
and the run goes on, so one run finds every distinct crash. The exit code is 1 when a
crash was found, else 0.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
import warnings
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "sample_statements"
CRASHES = Path(__file__).resolve().parent / "crashes"
sys.path.insert(0, str(ROOT))

# Byte strings a statement parser finds interesting: separators, quotes, line ends, BOMs,
# encodings' lead bytes, amounts and dates at their edges, wallet names, note heads.
TOKENS = [
    b",", b"\t", b";", b'"', b'""', b"\r\n", b"\r", b"\n", b"\x00", b"\xef\xbb\xbf",
    b"\xff\xfe", b"\xfe\xff", b"\x81", b"\x82\xa0", b"\xe3\x81", b"\x1b[2J", b"\xe2\x80\xae",
    b"-", b"\xe2\x96\xb3", b"(1)", b"1e5", b"inf", b"nan", b"99999999999999999999",
    b"-9223372036854775808", b"1,000", b"\\7,000", b"2.000000", b"0", b"", b" ",
    b"2020/9/1", b"20200901", b"2020-02-30", b"R02.05.01", b"\xe4\xbb\xa4\xe5\x92\x8c2\xe5\xb9\xb4",
    b"4\xe6\x9c\x8830\xe6\x97\xa5", b"9999/12/31", b"0001/01/01", b"12:34:56", b"25:61",
    b"\xe3\x83\x89\xe3\x82\xb3\xe3\x83\xa2\xe3\x82\xb3\xe3\x82\xa6\xe3\x82\xb6",  # ドコモコウザ
    b"\xc4\xde\xba\xd3\xba\xb3\xbb\xde", b"PAYPAY", b"\x82\xd0", b"\x8e\xe6\x88\xf8\x93\xfa",
    b"=cmd|' /C calc'!A0", b"<html>", b"PK\x03\x04", b"\xe2\x80\xa8",
]


def _load_seeds() -> list[bytes]:
    return [path.read_bytes() for path in sorted(SEEDS.glob("*.csv"))]


class Target:
    """One fuzz input: write it, read it, audit it; classify what happened."""

    def __init__(self, workdir: Path, keep_going: bool = True) -> None:
        from auditor.detect.rules import Context
        from auditor.ingest.statement import ReadOptions
        from auditor.detect.wallets import load_catalogue

        self.path = workdir / "statement.csv"
        self.options = ReadOptions(today=date(2024, 6, 1))
        self.ctx = Context(load_catalogue(), frozenset({"paypay"}))
        self.keep_going = keep_going
        self.runs = 0
        self.rejected = 0  # inputs refused with a StatementError
        self.crashes: dict[str, Path] = {}  # signature → saved input
        self.deadline: float | None = None  # atheris: libFuzzer exits without running atexit
        self.cleanup: list[Path] = [workdir]
        self.engine = "random"
        self.started = time.monotonic()

    def __call__(self, data: bytes) -> None:
        from auditor.detect.audit import audit
        from auditor.errors import StatementError
        from auditor.ingest.statement import read_statement

        if self.deadline is not None and time.monotonic() > self.deadline:
            code = _report(self)
            sys.stdout.flush()
            for folder in self.cleanup:  # os._exit skips the context managers' clean-up
                shutil.rmtree(folder, ignore_errors=True)
            os._exit(code)
        self.runs += 1
        self.path.write_bytes(data)
        try:
            with warnings.catch_warnings():
                # A RuntimeWarning (an overflowing cast, say) is a bug too: make it raise.
                warnings.simplefilter("error", RuntimeWarning)
                statement = read_statement(self.path, self.options)
                audit(statement, self.ctx)
        except StatementError as exc:
            self.rejected += 1
            if "\n" in str(exc):  # the promise is one line per message
                self._crash(data, ValueError("multi-line StatementError"))
        except Exception as exc:  # noqa: BLE001 - anything else is what we are here to find
            self._crash(data, exc)

    def _crash(self, data: bytes, exc: BaseException) -> None:
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [f for f in frames if "auditor" in f.filename] or frames or [None]
        where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours[-1] else "?"
        signature = f"{type(exc).__name__} at {where}"
        if signature not in self.crashes:
            CRASHES.mkdir(exist_ok=True)
            name = hashlib.sha1(data).hexdigest()
            saved = CRASHES / f"crash-{name}.csv"
            saved.write_bytes(data)
            (CRASHES / f"crash-{name}.txt").write_text(
                f"{signature}\n\n{''.join(traceback.format_exception(exc))}", encoding="utf-8")
            self.crashes[signature] = saved
            print(f"CRASH #{len(self.crashes)}: {signature} -> {saved.name}", flush=True)
        if not self.keep_going:
            raise exc


def mutate(rng: random.Random, seeds: list[bytes], data: bytes) -> bytes:
    """A few random edits: flips, inserts, deletions, tokens, repeats, splices."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.randrange(9)
        at = rng.randrange(len(buf) + 1)
        if choice == 0 and buf:  # flip a bit
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        elif choice == 1:  # a random byte
            buf[at:at] = bytes([rng.randrange(256)])
        elif choice == 2 and buf:  # delete a span
            buf[at:at + rng.randint(1, 64)] = b""
        elif choice == 3:  # an interesting token
            buf[at:at] = rng.choice(TOKENS)
        elif choice == 4 and buf:  # replace a cell-sized span with a token
            buf[at:at + rng.randint(1, 12)] = rng.choice(TOKENS)
        elif choice == 5 and buf:  # repeat a line-sized span
            end = min(len(buf), at + rng.randint(1, 200))
            buf[at:at] = bytes(buf[at:end]) * rng.randint(1, 20)
        elif choice == 6:  # splice in part of another sample
            other = rng.choice(seeds)
            start = rng.randrange(len(other))
            buf[at:at] = other[start:start + rng.randint(1, 400)]
        elif choice == 7 and buf:  # cut the file short (a download that stopped)
            del buf[at:]
        else:  # shuffle a line's bytes around a comma
            buf[at:at] = rng.choice([b'","', b",,,,,,,,,,,,", b'"\r\n"', b"\r\n" * 3])
    return bytes(buf)


def run_random(target: Target, seconds: float, seed: int) -> None:
    rng = random.Random(seed)
    seeds = _load_seeds()
    corpus = list(seeds)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        roll = rng.random()
        if roll < 0.05:  # pure noise, sometimes huge
            data = os.urandom(rng.choice([0, 1, 2, 16, 512, 4096]))
        elif roll < 0.10:  # a header line from a sample, then noise rows
            sample = rng.choice(seeds)
            data = sample[:rng.randrange(len(sample))] + bytes(
                rng.randrange(256) for _ in range(rng.randrange(2000)))
        else:
            data = mutate(rng, seeds, rng.choice(corpus))
        target(data)
        if len(corpus) < 2000 and rng.random() < 0.02:
            corpus.append(data)  # keep some mutants to mutate further


def run_atheris(target: Target, seconds: float, seed: int) -> None:
    import atheris

    seeds_dir = tempfile.mkdtemp(prefix="fuzz-seeds-")
    target.cleanup.append(Path(seeds_dir))
    for path in sorted(SEEDS.glob("*.csv")):
        Path(seeds_dir, path.name).write_bytes(path.read_bytes())
    target.deadline = time.monotonic() + seconds
    atheris.Setup([sys.argv[0], f"-max_total_time={int(seconds) + 60}", f"-seed={seed}",
                   "-max_len=65536", "-rss_limit_mb=4096", "-print_final_stats=1", seeds_dir],
                  target)
    atheris.Fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget (default 60)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--engine", choices=("auto", "atheris", "random"), default="auto",
                        help="atheris (coverage-guided, if installed) or random mutation")
    parser.add_argument("--stop", action="store_true", help="stop at the first crash")
    args = parser.parse_args()

    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "random"
    if engine == "atheris":
        import atheris

        with atheris.instrument_imports(include=["auditor"]):
            import auditor.detect.audit  # noqa: F401
            import auditor.ingest.statement  # noqa: F401

    with tempfile.TemporaryDirectory(prefix="fuzz-reader-") as workdir:
        target = Target(Path(workdir), keep_going=not args.stop)
        target.engine = engine
        if engine == "atheris":
            run_atheris(target, args.seconds, args.seed)  # ends the process at the deadline
        else:
            run_random(target, args.seconds, args.seed)
        return _report(target)


def _report(target: Target) -> int:
    elapsed = time.monotonic() - target.started
    print(f"engine={target.engine} executions={target.runs} seconds={elapsed:.0f} "
          f"exec/s={target.runs / max(elapsed, 1e-9):.0f} refused={target.rejected} "
          f"crashes={len(target.crashes)}", flush=True)
    for signature, path in target.crashes.items():
        print(f"  {signature}: {path}", flush=True)
    return 1 if target.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
