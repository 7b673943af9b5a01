"""``python -m kamer_samples OUT_DIR``: write the sample PDFs and their truth files."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kamer_samples.bad_inputs import generate_bad_inputs
from kamer_samples.generate import generate_samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kamer_samples", description=__doc__)
    parser.add_argument("out_dir", type=Path, help="folder for <stem>.pdf and <stem>.truth.json")
    parser.add_argument(
        "--bad", type=Path, default=None, help="also write the bad inputs to this folder"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for path in generate_samples(args.out_dir):
        logging.info("wrote %s", path)
    if args.bad is not None:
        for kind, path in generate_bad_inputs(args.bad).items():
            logging.info("wrote %s (%s)", path, kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
