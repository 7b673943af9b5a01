"""Label files: their format, the checker, the double-labelling sample and Cohen's κ.

A label file is ``data/labels/commitments/labels/<batch>.<labeller>.jsonl``, one line per
sentence key of ``inventory/<batch>.jsonl``::

    {"key": "batch-001-0042", "label": "promise", "link": "none",
     "actor": "ik", "deadline": "voor de zomer", "note": ""}

``label`` is one of :data:`LABELS`, ``link`` one of :data:`LINKS`; ``actor``, ``deadline``
and ``note`` are short strings the labeller writes (``""`` when empty). The guideline is
``docs/commitments-guideline.md``.

    python -m kamer_nlp.evaluation.labels check [LABEL_FILE ...]
    python -m kamer_nlp.evaluation.labels double [--size 240] [--seed 11]
    python -m kamer_nlp.evaluation.labels agreement
    python -m kamer_nlp.evaluation.labels kappa FILE_A FILE_B

The double-labelling sample (``double.json``) is a seeded set of training-part keys; the
second labeller labels them as the batch ``inventory/double-001.jsonl`` (the same rows,
the same keys), and ``agreement`` compares those labels with the batch labels.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "FIELDS",
    "LABELS",
    "LINKS",
    "LabelFileError",
    "check_label_file",
    "cohens_kappa",
    "double_sample",
    "read_labels",
]

LABELS = ("promise", "plan", "not")
LINKS = ("none", "mention", "fulfils")
FIELDS = ("key", "label", "link", "actor", "deadline", "note")
BASE = Path("data/labels/commitments")
DOUBLE_BATCH = "double-001"
NAME = re.compile(
    r"^(?P<batch>(?:batch|heldout|double)-\d{3})\.(?P<labeller>[A-Za-z0-9_-]+)\.jsonl$"
)


class LabelFileError(ValueError):
    """A label file that breaks the format; the message lists every problem."""


def read_labels(path: str | Path) -> dict[str, dict[str, Any]]:
    """The rows of a label file by key (no checking beyond JSON)."""
    rows: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                rows.setdefault(str(row.get("key")), row)
    return rows


def check_label_file(path: str | Path, batch_keys: Sequence[str]) -> list[str]:
    """The problems of a label file for a batch with keys ``batch_keys``: each key labelled
    exactly once, no unknown key, values in the allowed sets, the string fields strings."""
    problems: list[str] = []
    seen: Counter[str] = Counter()
    allowed = set(batch_keys)
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"line {n}: not JSON ({e.msg})")
                continue
            if not isinstance(row, dict):
                problems.append(f"line {n}: not an object")
                continue
            key = row.get("key")
            if key not in allowed:
                problems.append(f"line {n}: key {key!r} is not in the batch")
            seen[str(key)] += 1
            extra = set(row) - set(FIELDS)
            if extra:
                problems.append(f"line {n}: unknown field(s) {sorted(extra)}")
            if row.get("label") not in LABELS:
                problems.append(f"line {n}: label {row.get('label')!r} not one of {LABELS}")
            if row.get("link") not in LINKS:
                problems.append(f"line {n}: link {row.get('link')!r} not one of {LINKS}")
            for field in ("actor", "deadline", "note"):
                if not isinstance(row.get(field, ""), str):
                    problems.append(f"line {n}: {field} must be a string")
    for key in batch_keys:
        if seen[key] == 0:
            problems.append(f"key {key} not labelled")
        elif seen[key] > 1:
            problems.append(f"key {key} labelled {seen[key]} times")
    return problems


def batch_keys(batch_path: str | Path) -> list[str]:
    with open(batch_path, encoding="utf-8") as fh:
        return [json.loads(line)["key"] for line in fh if line.strip()]


def cohens_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's κ of two labellers' labels of the same items (1.0 when both agree on a
    single category throughout)."""
    if len(a) != len(b):
        raise ValueError("the two label sequences differ in length")
    if not a:
        raise ValueError("no items")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if expected == 1.0:
        return 1.0
    return (observed - expected) / (1.0 - expected)


def kappa_of_files(
    a: Mapping[str, Mapping[str, Any]], b: Mapping[str, Mapping[str, Any]], field: str = "label"
) -> tuple[float, int]:
    """κ over the keys both label files share, and how many there are."""
    keys = sorted(set(a) & set(b))
    return cohens_kappa([a[k][field] for k in keys], [b[k][field] for k in keys]), len(keys)


def double_sample(
    rows: Sequence[Mapping[str, Any]], *, size: int = 240, seed: int = 11
) -> list[str]:
    """A seeded sample of training-part sentence keys for double labelling, spread over the
    source groups in proportion to their size but with at least a fifth of an even share per
    group; returned in key order."""
    train = [r for r in rows if r["split"] == "train"]
    groups: dict[str, list[str]] = {}
    for r in train:
        groups.setdefault(r["group"], []).append(r["key"])
    total = sum(len(v) for v in groups.values())
    floor = size // (5 * max(len(groups), 1))
    quota = {
        g: min(len(keys), max(floor, round(size * len(keys) / total))) for g, keys in groups.items()
    }
    rng = random.Random(seed)
    chosen: list[str] = []
    for g in sorted(groups):
        chosen += rng.sample(sorted(groups[g]), quota[g])
    return sorted(chosen)


def _inventory_rows(inventory: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in [
        *sorted(inventory.glob("batch-*.jsonl")),
        *sorted(inventory.glob("heldout-*.jsonl")),
    ]:
        with open(path, encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def _agreement(base: Path) -> int:
    """κ on the double sample: the first labels from the ``batch-*`` label files, the second
    from the ``double-001`` label file(s)."""
    keys = set(json.loads((base / "double.json").read_text(encoding="utf-8"))["keys"])
    first: dict[str, dict[str, Any]] = {}
    for path in sorted((base / "labels").glob("batch-*.jsonl")):
        first.update({k: v for k, v in read_labels(path).items() if k in keys})
    second: dict[str, dict[str, Any]] = {}
    for path in sorted((base / "labels").glob(f"{DOUBLE_BATCH}.*.jsonl")):
        second.update({k: v for k, v in read_labels(path).items() if k in keys})
    shared = set(first) & set(second)
    if not shared:
        print(f"no key of the double sample ({len(keys)}) is labelled twice yet")
        return 1
    kappa, n = kappa_of_files(first, second)
    print(f"double sample: {n} of {len(keys)} keys labelled twice")
    print(f"Cohen's kappa (promise/plan/not): {kappa:.3f}")
    print(f"raw agreement: {sum(first[k]['label'] == second[k]['label'] for k in shared) / n:.3f}")
    print(f"Cohen's kappa (link): {kappa_of_files(first, second, 'link')[0]:.3f}")
    ordered = sorted(shared)
    binary_a = ["commitment" if first[k]["label"] != "not" else "not" for k in ordered]
    binary_b = ["commitment" if second[k]["label"] != "not" else "not" for k in ordered]
    print(f"Cohen's kappa (promise+plan vs not): {cohens_kappa(binary_a, binary_b):.3f}")
    any_a = [str(first[k]["link"] != "none") for k in ordered]
    any_b = [str(second[k]["link"] != "none") for k in ordered]
    print(f"Cohen's kappa (link vs none): {cohens_kappa(any_a, any_b):.3f}")
    print("confusion (rows: batch label, columns: double-001 label):")
    print(" " * 9 + "".join(f"{b:>9}" for b in LABELS))
    for a in LABELS:
        counts = [
            sum(first[k]["label"] == a and second[k]["label"] == b for k in ordered) for b in LABELS
        ]
        print(f"{a:>9}" + "".join(f"{c:>9}" for c in counts))
    adjudicated = (
        {
            json.loads(line)["key"]
            for line in (base / "adjudicated.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()
        }
        if (base / "adjudicated.jsonl").is_file()
        else set()
    )
    for k in ordered:
        if (first[k]["label"], first[k]["link"]) != (second[k]["label"], second[k]["link"]):
            print(
                f"  {k}: batch {first[k]['label']}/{first[k]['link']}, "
                f"double {second[k]['label']}/{second[k]['link']}"
                + (" (adjudicated)" if k in adjudicated else " (NOT adjudicated)")
            )
    return 0


def _check(files: Sequence[Path], base: Path) -> int:
    if not files:
        files = sorted((base / "labels").glob("*.jsonl"))
    bad = 0
    for path in files:
        m = NAME.match(path.name)
        if not m:
            print(f"{path}: name is not <batch>.<labeller>.jsonl")
            bad += 1
            continue
        batch = base / "inventory" / f"{m['batch']}.jsonl"
        if not batch.is_file():
            print(f"{path}: no batch {batch}")
            bad += 1
            continue
        problems = check_label_file(path, batch_keys(batch))
        if problems:
            bad += 1
            print(f"{path}: {len(problems)} problem(s)")
            for p in problems[:50]:
                print(f"  {p}")
        else:
            counts = Counter(r["label"] for r in read_labels(path).values())
            print(f"{path}: ok ({', '.join(f'{k} {counts[k]}' for k in LABELS)})")
    if not files:
        print("no label files")
    return 1 if bad else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kamer_nlp.evaluation.labels")
    parser.add_argument("--base", type=Path, default=BASE, help=f"default: {BASE}")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="check label files (default: all)")
    p_check.add_argument("files", nargs="*", type=Path)
    p_double = sub.add_parser("double", help="write double.json, the double-labelling sample")
    p_double.add_argument("--size", type=int, default=240)
    p_double.add_argument("--seed", type=int, default=11)
    sub.add_parser(
        "agreement", help="κ of the double sample: batch labels against double-001 labels"
    )
    p_kappa = sub.add_parser("kappa", help="Cohen's κ of two label files on shared keys")
    p_kappa.add_argument("a", type=Path)
    p_kappa.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.files, args.base)
    if args.command == "double":
        rows = _inventory_rows(args.base / "inventory")
        keys = double_sample(rows, size=args.size, seed=args.seed)
        by_key = {r["key"]: r for r in rows}
        data = {
            "seed": args.seed,
            "size": len(keys),
            "groups": dict(Counter(by_key[k]["group"] for k in keys)),
            "batches": dict(Counter(k.rsplit("-", 1)[0] for k in keys)),
            "keys": keys,
        }
        out = args.base / "double.json"
        out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        second = args.base / "inventory" / f"{DOUBLE_BATCH}.jsonl"
        with open(second, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(by_key[k], ensure_ascii=False) + "\n" for k in keys)
        print(f"{out}: {len(keys)} keys {data['groups']}; second labeller's batch {second}")
        return 0
    if args.command == "agreement":
        return _agreement(args.base)
    a, b = read_labels(args.a), read_labels(args.b)
    kappa, n = kappa_of_files(a, b)
    print(f"Cohen's kappa (promise/plan/not) on {n} shared keys: {kappa:.3f}")
    link_kappa, _ = kappa_of_files(a, b, "link")
    print(f"Cohen's kappa (link) on {n} shared keys: {link_kappa:.3f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
