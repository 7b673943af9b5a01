"""Write the Dutch lemma tables kamer-nlp ships, from spacy-lookups-data.

    pip install 'spacy-lookups-data==1.0.5'
    python tools/dutch_lemma_tables.py            # writes kamer_nlp/resources/lemmas/
    python tools/dutch_lemma_tables.py --check    # exit 1 when the shipped files differ

kamer-nlp needs two things from spacy-lookups-data's Dutch tables (MIT, see
kamer_nlp/resources/lemmas/README.md): the lemma lookup table for spaCy's lookup
lemmatizer, and every form of the lookup, index and exception tables for the repair
lexicon (``kamer_nlp.repair.lexicon.is_listed``). So instead of depending on the whole
package (about 100 MB, every language), it ships:

* ``nl_lemma_lookup.json.gz``: ``nl_lemma_lookup.json.gz`` of spacy-lookups-data, byte
  for byte;
* ``nl_lemma_forms.txt.gz``: the forms of ``nl_lemma_index`` and ``nl_lemma_exc`` that
  the lookup table does not already hold (as key or lemma), lowercased, sorted, one per
  line (gzip without a time stamp, so the file is reproducible).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "kamer_nlp" / "resources" / "lemmas"
LOOKUP = "nl_lemma_lookup.json.gz"
FORMS = "nl_lemma_forms.txt.gz"


def _table(name: str) -> object:
    data = resources.files("spacy_lookups_data").joinpath("data", name).read_bytes()
    return json.loads(gzip.decompress(data))


def build() -> dict[str, bytes]:
    lookup_bytes = resources.files("spacy_lookups_data").joinpath("data", LOOKUP).read_bytes()
    lookup = json.loads(gzip.decompress(lookup_bytes))
    index = _table("nl_lemma_index.json.gz")
    exc = _table("nl_lemma_exc.json.gz")
    known = {f.lower() for f in lookup} | {f.lower() for f in lookup.values()}
    forms: set[str] = set()
    for words in index.values():
        forms.update(w.lower() for w in words)
    for table in exc.values():
        for key, lemmas in table.items():
            forms.add(key.lower())
            forms.update(w.lower() for w in lemmas)
    extra = sorted(forms - known)
    assert not any("\n" in f for f in extra)
    text = "".join(f"{f}\n" for f in extra).encode("utf-8")
    return {LOOKUP: lookup_bytes, FORMS: gzip.compress(text, compresslevel=9, mtime=0)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    try:
        files = build()
    except ModuleNotFoundError:
        print("needs spacy-lookups-data: pip install 'spacy-lookups-data==1.0.5'", file=sys.stderr)
        return 2
    differ = 0
    for name, data in files.items():
        path = TARGET / name
        if args.check:
            same = path.is_file() and path.read_bytes() == data
            differ += not same
            print(f"{path.relative_to(ROOT)}: {'same' if same else 'DIFFERS'}")
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
