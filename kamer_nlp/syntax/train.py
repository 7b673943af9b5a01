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
# The figures spaCy publishes in the model cards of its Dutch pipelines (3.x; trained on the
# full UD Dutch train sets, evaluated on raw text with the pipeline's own sentences).
PUBLISHED: dict[str, dict[str, float | None]] = {
    "nl_core_news_sm": {
        "upos": 0.9573,
        "xpos": 0.9392,
        "morph": 0.9505,
        "uas": 0.8535,
        "las": 0.8015,
    },
    "nl_core_news_md": {"upos": 0.9639, "xpos": 0.9499, "morph": 0.9606, "uas": None, "las": None},
    "nl_core_news_lg": {
        "upos": 0.9639,
        "xpos": 0.9514,
        "morph": 0.9629,
        "uas": 0.8702,
        "las": 0.8253,
    },
}


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
    split = json.loads((corpus / "split.json").read_text(encoding="utf-8"))
    (out / "README.md").write_text(model_card(scores, split), encoding="utf-8")
    return scores


def _row(name: str, row: dict[str, Any] | dict[str, float | None]) -> str:
    cells = [f"{row[m]:.3f}" if row.get(m) is not None else "–" for m in METRIC_ORDER]
    return f"| {name} | " + " | ".join(cells) + " |"


METRIC_ORDER = ("upos", "xpos", "morph", "uas", "las")


def model_card(scores: dict[str, Any], split: dict[str, Any]) -> str:
    """The model card (README.md beside the model) from the held-out scores."""
    head = "| | UPOS | XPOS | morph | UAS | LAS |\n|---|---|---|---|---|---|"
    gold = scores["gold_tokens"]
    ours = "\n".join(_row(f"kamer_syntax, {tb}", gold[tb]) for tb in (*TREEBANKS, "mean"))
    tok = scores["project_tokenizer"]
    ours_tok = "\n".join(_row(f"kamer_syntax, {tb}", tok[tb]) for tb in (*TREEBANKS, "mean"))
    published = "\n".join(_row(f"{name} (published)", row) for name, row in PUBLISHED.items())
    parts = split["parts"]
    split_rows = "\n".join(
        f"| {tb} | {part} | {n['documents']} | {n['sentences']} | {n['tokens']} |"
        for tb, by_part in parts.items()
        for part, n in by_part.items()
    )
    rates = ", ".join(f"{k} {v['rate']:.4f}" for k, v in scores["alignment"].items())
    return f"""# kamer_syntax: kamer-nlp's Dutch tagger, morphologizer and parser

A small spaCy pipeline (`tok2vec` CNN without vectors, `tagger` → `tag_` (XPOS, CGN tags),
`morphologizer` → `pos_` (UPOS) and `morph` (UD features), `parser` → `dep_`/`head` (UD
relations with subtypes)) that the `default` pipeline sources its syntax from. Made by
`kamer-nlp train syntax` with `kamer_nlp/syntax/train.cfg` (seed 0); see `docs/syntax.md`.
Size on disk: {scores["size_bytes"] / 1e6:.1f} MB.

## Licence and attribution

**CC BY-SA 4.0.** The model is trained on, and so derived from, two Universal
Dependencies treebanks under CC BY-SA 4.0, whose licence files are beside this card:

- UD_Dutch-Alpino — Gosse Bouma, Gertjan van Noord (University of Groningen),
  <https://github.com/UniversalDependencies/UD_Dutch-Alpino> (`LICENSE-UD_Dutch-Alpino.txt`)
- UD_Dutch-LassySmall — Gosse Bouma, Gertjan van Noord (University of Groningen),
  <https://github.com/UniversalDependencies/UD_Dutch-LassySmall>
  (`LICENSE-UD_Dutch-LassySmall.txt`)

The rest of kamer-nlp is MIT (see `NOTICE` at the top of the repository).

## Data and split

The dev and test files of both treebanks (the train files are not used). A sentence's
document is its `sent_id` before `.p.<n>.s.` (after the backslash in Alpino ids); a
sentence of a *test* file is held out (never trained on) when the SHA-1 of its document,
read as an integer, is 0 mod 5. Of the rest, documents with SHA-1 of `"dev:" + document`
0 mod 10 are the development part for early stopping. `split.json` has the counts:

| treebank | part | documents | sentences | tokens |
|---|---|---|---|---|
{split_rows}

## Scores on the held-out split

With the gold tokens (spaCy's scorer: UAS/LAS leave out punctuation):

{head}
{ours}

With kamer-nlp's tokenizer (`kamer_nlp.DutchTokenizer.v1`, aligned to the gold tokens):

{head}
{ours_tok}

Gold tokens aligned one-to-one with the tokenizer's: {rates}.

For comparison, the figures spaCy publishes for its Dutch pipelines; they are trained on
the full train sets of the same treebanks (about four times the tokens used here), lg and md
ones with word vectors, and are evaluated on raw text with their own sentence splitting,
so they are not measured on this split:

{head}
{published}
"""


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
