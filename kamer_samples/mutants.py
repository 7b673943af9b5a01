"""Seeded mutants of good PDFs, for fuzzing the batch: damaged in the ways files get damaged.

=============  =====================================================================
mutation       what it does to a copy of a source PDF
=============  =====================================================================
``flip``       XORs random bytes anywhere: a few, or (log-uniformly) up to 1 in 20
``truncate``   cuts the file at a random point
``duplicate``  copies a random chunk and inserts it at a random point
``xref``       damages the cross-reference data: drops the ``xref`` table, garbles its
               offsets, points ``startxref`` elsewhere (or at garbage), or drops it
``stream``     XORs bytes inside one ``stream … endstream`` (compressed page content,
               fonts): the structure holds, the content does not
``delete``     cuts a random chunk out
=============  =====================================================================

``write_mutants(sources, out_dir, n, seed)`` writes ``n`` files named
``<index>-<mutation>.pdf`` (``0042-flip.pdf``), cycling through the mutations, each
made from a source chosen at random. The same sources and seed give the same files
(byte for byte), whatever ``n``: mutant ``i`` depends only on the seed, ``i`` and
the sources' contents. Every mutant differs from its source and from the others.

    python -m kamer_samples.mutants data/raw/*.pdf --out /tmp/mutants -n 200 --seed 13
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

MUTATIONS: tuple[str, ...] = ("flip", "truncate", "duplicate", "xref", "stream", "delete")
MAX_ATTEMPTS = 50  # tries per mutant to get bytes that differ from the source and the others

_XREF_TABLE = re.compile(rb"(?<!start)xref[ \t]*\r?\n")
_STARTXREF = re.compile(rb"startxref[ \t]*\r?\n?[ \t]*(\d*)")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")


def _log_uniform(rng: random.Random, low: int, high: int) -> int:
    """An int in [low, high], as often small as large on a log scale."""
    high = max(low, high)
    return min(high, int(math.exp(rng.uniform(math.log(low), math.log(high + 1)))))


def _xor(data: bytearray, rng: random.Random, positions: Sequence[int]) -> None:
    for pos in positions:
        data[pos] ^= rng.randrange(1, 256)  # never 0: the byte always changes


def flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    count = _log_uniform(rng, 1, max(1, len(data) // 20))
    _xor(out, rng, rng.sample(range(len(data)), min(count, len(data))))
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def duplicate(data: bytes, rng: random.Random) -> bytes:
    size = _log_uniform(rng, 1, max(1, len(data) // 4))
    start = rng.randrange(0, len(data) - size + 1)
    at = rng.randrange(0, len(data) + 1)
    return data[:at] + data[start : start + size] + data[at:]


def delete(data: bytes, rng: random.Random) -> bytes:
    size = _log_uniform(rng, 1, max(1, len(data) // 4))
    start = rng.randrange(0, len(data) - size + 1)
    return data[:start] + data[start + size :]


def _xref_drop_table(data: bytes, rng: random.Random) -> bytes | None:
    tables = list(_XREF_TABLE.finditer(data))
    if not tables:
        return None
    table = rng.choice(tables)
    end = data.find(b"trailer", table.end())
    end = end if end >= 0 else data.find(b"startxref", table.end())
    return data[: table.start()] + data[end:] if end >= 0 else data[: table.start()]


def _xref_garble_offsets(data: bytes, rng: random.Random) -> bytes | None:
    entries = [m for t in _XREF_TABLE.finditer(data) for m in _XREF_ENTRY.finditer(data, t.end())]
    if not entries:
        return None
    out = bytearray(data)
    for entry in rng.sample(entries, _log_uniform(rng, 1, len(entries))):
        digits = b"%010d" % rng.randrange(0, max(2, 2 * len(data)))
        out[entry.start(1) : entry.end(1)] = digits
        if rng.random() < 0.2:  # now and then an in-use entry marked free, or the reverse
            kind = entry.start(3)
            out[kind : kind + 1] = b"f" if data[kind : kind + 1] == b"n" else b"n"
    return bytes(out)


def _xref_move_startxref(data: bytes, rng: random.Random) -> bytes | None:
    found = list(_STARTXREF.finditer(data))
    if not found:
        return None
    m = found[-1]
    old = int(m.group(1)) if m.group(1) else -1
    choices: list[bytes] = [
        b"%d" % rng.randrange(0, len(data)),
        b"%d" % (len(data) + rng.randrange(1, 100000)),
        b"%d" % max(0, old + rng.choice([-3, -1, 1, 7])),
        b"0",
        b"-1",
        b"abc",
        b"",
    ]
    new = rng.choice(choices)
    return data[: m.start(1)] + new + data[m.end(1) :]


def _xref_drop_startxref(data: bytes, rng: random.Random) -> bytes | None:
    found = list(_STARTXREF.finditer(data))
    if not found:
        return None
    m = rng.choice(found)
    return data[: m.start()] + data[m.end() :]


_XREF_DAMAGE: tuple[Callable[[bytes, random.Random], bytes | None], ...] = (
    _xref_drop_table,
    _xref_garble_offsets,
    _xref_move_startxref,
    _xref_drop_startxref,
)


def xref(data: bytes, rng: random.Random) -> bytes:
    for damage in rng.sample(_XREF_DAMAGE, len(_XREF_DAMAGE)):
        out = damage(data, rng)
        if out is not None and out != data:
            return out
    return flip(data, rng)  # no cross-reference data found: damage something


def stream(data: bytes, rng: random.Random) -> bytes:
    spans = []
    for m in _STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        if end > m.end():
            spans.append((m.end(), end))
    if not spans:
        return flip(data, rng)
    start, end = rng.choice(spans)
    out = bytearray(data)
    count = _log_uniform(rng, 1, max(1, (end - start) // 4))
    _xor(out, rng, rng.sample(range(start, end), min(count, end - start)))
    return bytes(out)


MUTATORS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "flip": flip,
    "truncate": truncate,
    "duplicate": duplicate,
    "xref": xref,
    "stream": stream,
    "delete": delete,
}


def mutate(data: bytes, mutation: str, rng: random.Random) -> bytes:
    """One mutant of ``data`` (see the module doc for the mutations)."""
    if len(data) < 2:
        raise ValueError("a source of fewer than 2 bytes cannot be mutated")
    return MUTATORS[mutation](data, rng)


def write_mutants(sources: list[Path], out_dir: Path, n: int, seed: int) -> list[Path]:
    """Write ``n`` mutated copies of the source PDFs to ``out_dir``; returns their paths.

    Files are named ``<index>-<mutation>.pdf`` with the index zero-padded to 4 digits
    (more when ``n`` needs them). Deterministic for the seed (see the module doc).
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    paths = sorted({Path(p) for p in sources}, key=str)
    contents = [p.read_bytes() for p in paths]
    if n and not contents:
        raise ValueError("no source PDFs to mutate")
    for path, data in zip(paths, contents, strict=True):
        if len(data) < 2:
            raise ValueError(f"{path}: too small to mutate")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    width = max(4, len(str(max(n - 1, 0))))
    seen = {hashlib.sha256(data).digest() for data in contents}
    written = []
    for i in range(n):
        mutation = MUTATIONS[i % len(MUTATIONS)]
        rng = random.Random(f"kamer-nlp-mutants:{seed}:{i}")
        for _ in range(MAX_ATTEMPTS):
            source = rng.randrange(len(contents))
            data = mutate(contents[source], mutation, rng)
            digest = hashlib.sha256(data).digest()
            if digest not in seen:
                break
        else:  # pragma: no cover - every mutation changes bytes; only tiny sources get here
            raise RuntimeError(f"could not make a distinct {mutation} mutant {i}")
        seen.add(digest)
        path = out_dir / f"{i:0{width}d}-{mutation}.pdf"
        path.write_bytes(data)
        written.append(path)
    return written


def pdfplumber_reads(path: Path) -> bool:
    """Whether pdfplumber itself opens ``path`` and reads some text from its pages: such a
    file must give a record, however damaged it is."""
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            return any((page.extract_text() or "").strip() for page in pdf.pages)
    except Exception:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kamer_samples.mutants", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("sources", type=Path, nargs="+", help="good PDFs to mutate")
    parser.add_argument("--out", type=Path, required=True, help="folder for the mutants")
    parser.add_argument("-n", type=int, default=100, help="how many mutants (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    for path in write_mutants(args.sources, args.out, args.n, args.seed):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
