"""CoNLL-U sentences → spaCy ``Doc`` objects and ``DocBin`` files, respecting the split.

Each sentence becomes one Doc with the gold tokens (``SpaceAfter=No`` gives the spaces),
``tag_`` = XPOS, ``pos_`` = UPOS, ``morph`` = FEATS, ``lemma_``, ``head`` and ``dep_`` (the
full UD relation with its subtype, e.g. ``nsubj:pass``, ``obl:agent``, ``aux:pass``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from kamer_nlp.syntax.split import Part, Sentence, part_of, read_conllu, treebank_files

__all__ = ["convert_treebanks", "sentence_to_doc"]


def sentence_to_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    rows = sentence.rows
    words = [r[1] for r in rows]
    spaces = ["SpaceAfter=No" not in r[9].split("|") for r in rows]
    spaces[-1] = False
    sent_starts: list[bool | int | None] = [i == 0 for i in range(len(rows))]
    heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=[r[4] for r in rows],
        pos=[r[3] for r in rows],
        morphs=[r[5] if r[5] != "_" else "" for r in rows],
        lemmas=[r[2] for r in rows],
        heads=heads,
        deps=[r[7] for r in rows],
        sent_starts=sent_starts,
    )
    doc.user_data["sent_id"] = sentence.sent_id
    doc.user_data["treebank"] = sentence.treebank
    return doc


def read_all(treebanks: Path) -> list[Sentence]:
    return [s for path in treebank_files(treebanks) for s in read_conllu(path)]


def split_counts(sentences: Iterable[Sentence]) -> dict[str, dict[str, dict[str, int]]]:
    """Sentences, tokens and documents per treebank and part."""
    sents: Counter[tuple[str, str]] = Counter()
    tokens: Counter[tuple[str, str]] = Counter()
    docs: dict[tuple[str, str], set[str]] = {}
    for s in sentences:
        key = (s.treebank, part_of(s).value)
        sents[key] += 1
        tokens[key] += len(s.rows)
        docs.setdefault(key, set()).add(s.document)
    out: dict[str, dict[str, dict[str, int]]] = {}
    for (tb, part), n in sorted(sents.items()):
        out.setdefault(tb, {})[part] = {
            "sentences": n,
            "tokens": tokens[(tb, part)],
            "documents": len(docs[(tb, part)]),
        }
    return out


def convert_treebanks(treebanks: Path, out: Path) -> dict[str, object]:
    """Write ``train.spacy``, ``dev.spacy`` and ``heldout-<treebank>.spacy`` to ``out``;
    return the split's counts (also written to ``split.json``)."""
    out.mkdir(parents=True, exist_ok=True)
    sentences = read_all(treebanks)
    vocab = Vocab()
    bins: dict[str, DocBin] = {}
    for s in sentences:
        part = part_of(s)
        name = f"heldout-{s.treebank}" if part is Part.HELD_OUT else part.value
        bins.setdefault(name, DocBin(store_user_data=True)).add(sentence_to_doc(vocab, s))
    for name, docbin in bins.items():
        docbin.to_disk(out / f"{name}.spacy")
    counts: dict[str, object] = {"parts": split_counts(sentences)}
    (out / "split.json").write_text(json.dumps(counts, indent=2) + "\n", encoding="utf-8")
    return counts
