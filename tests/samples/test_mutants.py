"""Seeded PDF mutants (kamer_samples.mutants): deterministic, distinct, damaged as named."""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

import pytest

from kamer_samples.mutants import MUTATIONS, mutate, write_mutants

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
SOURCES = sorted(RAW.glob("*.pdf"))
NAME = re.compile(r"^(\d{4})-(" + "|".join(MUTATIONS) + r")\.pdf$")


@pytest.fixture(scope="module")
def sources() -> list[Path]:
    if not SOURCES:
        pytest.skip("no sample PDFs in data/raw (python -m kamer_samples data/raw)")
    return SOURCES


def snapshot(paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in paths]


def test_deterministic_for_a_seed(sources: list[Path], tmp_path: Path) -> None:
    first = write_mutants(sources, tmp_path / "a", 24, seed=13)
    again = write_mutants(list(reversed(sources)), tmp_path / "b", 24, seed=13)
    assert snapshot(first) == snapshot(again)  # source order does not matter
    other = write_mutants(sources, tmp_path / "c", 24, seed=14)
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in first]
    fewer = write_mutants(sources, tmp_path / "d", 7, seed=13)
    assert snapshot(fewer) == snapshot(first)[:7]  # mutant i does not depend on n


def test_writes_n_distinct_files(sources: list[Path], tmp_path: Path) -> None:
    n = 60
    paths = write_mutants(sources, tmp_path / "out", n, seed=3)
    assert len(paths) == n
    assert sorted(tmp_path.joinpath("out").iterdir()) == sorted(paths)
    matches = [NAME.match(p.name) for p in paths]
    assert all(matches)
    assert [int(m.group(1)) for m in matches if m] == list(range(n))
    assert {m.group(2) for m in matches if m} == set(MUTATIONS)
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    assert len(digests) == n
    originals = {hashlib.sha256(s.read_bytes()).hexdigest() for s in sources}
    assert not digests & originals


def test_zero_mutants_and_no_sources(sources: list[Path], tmp_path: Path) -> None:
    assert write_mutants(sources, tmp_path / "none", 0, seed=1) == []
    with pytest.raises(ValueError):
        write_mutants([], tmp_path / "x", 3, seed=1)


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_each_mutation_does_what_it_says(sources: list[Path], mutation: str) -> None:
    for i in range(20):
        rng = random.Random(i)
        data = sources[i % len(sources)].read_bytes()
        out = mutate(data, mutation, rng)
        assert out != data
        if mutation == "truncate":
            assert len(out) < len(data) and data.startswith(out)
        elif mutation == "delete":
            assert len(out) < len(data)
        elif mutation == "duplicate":
            assert len(out) > len(data)
        elif mutation == "flip":
            assert len(out) == len(data)
        elif mutation == "stream":
            changed = [k for k, (a, b) in enumerate(zip(data, out, strict=True)) if a != b]
            spans = [
                (m.end(), data.index(b"endstream", m.end()))
                for m in re.finditer(rb"(?<!end)stream\r?\n", data)
            ]
            assert changed and all(any(s <= k < e for s, e in spans) for k in changed)
        elif mutation == "xref":
            table = data.rindex(b"\nxref") + 1  # classic xref tables in the samples
            assert out[:table] == data[:table]  # only the cross-reference part is touched
            assert out[table:] != data[table:]
