"""``kamer-nlp train syntax``: convert the treebanks (respecting the split), train with
``train.cfg`` (fixed seed), evaluate on the held-out split and write the model + scores.

The model written is a spaCy pipeline folder (``nlp.to_disk``) with ``scores.json`` (the
held-out figures, gold and project tokenisation, and the tokenizer alignment),
``split.json`` (the counts of the split), the licence files of the treebanks and a model
card ``README.md``. Training uses only spaCy.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from kamer_nlp.syntax.alignment import measure_alignment
from kamer_nlp.syntax.convert import convert_treebanks
from kamer_nlp.syntax.split import TREEBANKS

__all__ = [
    "DEFAULT_TREEBANKS",
    "MODEL_META",
    "evaluate_heldout",
    "package_model",
    "train_config",
    "train_syntax",
]

log = logging.getLogger(__name__)

DEFAULT_TREEBANKS = Path("../shared/treebanks")
METRICS = {
    "upos": "pos_acc",
    "xpos": "tag_acc",
    "morph": "morph_acc",
    "uas": "dep_uas",
    "las": "dep_las",
}
MODEL_META = {
    "name": "kamer_syntax",
    "version": "0.1.0",
    "description": (
        "kamer-nlp's small Dutch tagger, morphologizer and dependency parser, trained on "
        "UD_Dutch-Alpino and UD_Dutch-LassySmall (dev+test files, document-held-out split)."
    ),
    "author": "kamer-nlp",
    "license": "CC BY-SA 4.0",
    "sources": [
        {
            "name": "UD_Dutch-Alpino",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
            "license": "CC BY-SA 4.0",
            "author": "Gosse Bouma, Gertjan van Noord",
        },
        {
            "name": "UD_Dutch-LassySmall",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
            "license": "CC BY-SA 4.0",
            "author": "Gosse Bouma, Gertjan van Noord",
        },
    ],
}
LICENCE_FILES = ("LICENSE-UD_Dutch-Alpino.txt", "LICENSE-UD_Dutch-LassySmall.txt")


def train_config() -> Path:
    """The training config that ships with the package."""
    return Path(str(resources.files("kamer_nlp.syntax").joinpath("train.cfg")))


def _gold_token_example(nlp: Language, gold: Doc) -> Example:
    words = [t.text for t in gold]
    spaces = [bool(t.whitespace_) for t in gold]
    return Example(Doc(nlp.vocab, words=words, spaces=spaces), gold)


def _scores(nlp: Language, examples: list[Example]) -> dict[str, float]:
    raw = nlp.evaluate(examples)
    return {name: round(float(raw[key]), 4) for name, key in METRICS.items()}


def evaluate_heldout(nlp: Language, corpus: Path) -> dict[str, Any]:
    """Held-out scores per treebank and their mean, with gold tokens and with the
    pipeline's own tokenizer, plus the tokenizer's alignment with the gold tokens."""
    out: dict[str, Any] = {"gold_tokens": {}, "project_tokenizer": {}, "alignment": {}}
    for tb in TREEBANKS:
        golds = list(DocBin().from_disk(corpus / f"heldout-{tb}.spacy").get_docs(nlp.vocab))
        out["gold_tokens"][tb] = _scores(nlp, [_gold_token_example(nlp, g) for g in golds])
        tokenized = [Example(nlp.make_doc(g.text), g) for g in golds]
        out["project_tokenizer"][tb] = _scores(nlp, tokenized)
        out["alignment"][tb] = measure_alignment(nlp, golds).to_dict()
    for mode in ("gold_tokens", "project_tokenizer"):
        per = out[mode]
        per["mean"] = {
            m: round(sum(per[tb][m] for tb in TREEBANKS) / len(TREEBANKS), 4) for m in METRICS
        }
    train_docs = list(DocBin().from_disk(corpus / "train.spacy").get_docs(nlp.vocab))
    out["alignment"]["train"] = measure_alignment(nlp, train_docs).to_dict()
    return out


def _tidy(nlp: Language) -> None:
    """No machine paths in the shipped config; the model's own name, version, licence."""
    config = nlp.config
    for key in ("train", "dev", "init_tok2vec"):
        if key in config["paths"]:
            config["paths"][key] = None
    for corpus in config.get("corpora", {}).values():
        corpus["path"] = None
    config["initialize"]["init_tok2vec"] = None
    nlp.meta.update(MODEL_META)
    # a model loads in the spaCy minor version that trained it (spaCy's own convention)
    major, minor = spacy.__version__.split(".")[:2]
    nlp.meta["spacy_version"] = f">={major}.{minor}.0,<{major}.{int(minor) + 1}.0"


def model_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def package_model(trained: Path, corpus: Path, treebanks: Path, out: Path) -> dict[str, Any]:
    """Evaluate the trained pipeline ``trained`` (``model-best``) on the held-out split of
    ``corpus`` and write it to ``out`` (replaced) with its scores, split counts and the
    treebanks' licence files; return the scores."""
    nlp = spacy.load(trained)
    _tidy(nlp)
    scores = evaluate_heldout(nlp, corpus)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    for name in LICENCE_FILES:
        if (treebanks / name).is_file():
            shutil.copyfile(treebanks / name, out / name)
    shutil.copyfile(corpus / "split.json", out / "split.json")
    scores["size_bytes"] = model_size(out)
    (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    return scores


def train_syntax(
    treebanks: Path,
    out: Path,
    *,
    config: Path | None = None,
    overrides: dict[str, Any] | None = None,
    workdir: Path | None = None,
) -> dict[str, Any]:
    """Convert, train, evaluate and write the model to ``out`` (replaced); return the scores."""
    from spacy.cli.train import train as spacy_train

    config = config or train_config()
    with tempfile.TemporaryDirectory(prefix="kamer-syntax-") as tmp:
        work = workdir or Path(tmp)
        corpus = work / "corpus"
        convert_treebanks(treebanks, corpus)
        settings = {
            "paths.train": str(corpus / "train.spacy"),
            "paths.dev": str(corpus / "dev.spacy"),
            **(overrides or {}),
        }
        spacy_train(config, work / "training", overrides=settings)
        return package_model(work / "training" / "model-best", corpus, treebanks, out)
