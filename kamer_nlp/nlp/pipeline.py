"""Building the spaCy pipeline from a config in ``pipelines/``.

``default`` is blank Dutch plus the project's components; ``lg`` sources the
tagger, parser, lemmatizer and NER of ``nl_core_news_lg`` under the same
components; any other value is a path to a spaCy config file. A pipeline is
built once per process and reused.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from kamer_nlp.errors import PipelineError

# Import the component modules so their factories are registered.
from kamer_nlp.nlp import extensions as _extensions  # noqa: F401
from kamer_nlp.nlp import sentences as _sentences  # noqa: F401
from kamer_nlp.nlp.components import register_all
from kamer_nlp.nlp.tokenizer import customise as customise_tokenizer

__all__ = ["PipelineError", "config_text", "load_pipeline", "model_name"]

LG_MODEL = "nl_core_news_lg"
LG_INSTALL = f"python -m spacy download {LG_MODEL}"
BUILTIN = ("default", "lg")
# The rule pipeline is linear in the text length; a parser needs about 1 GB per 100,000
# characters, so the lg pipeline keeps spaCy's own limit.
MAX_CHARS_RULES = 5_000_000


def config_text(name: str) -> str:
    if name in BUILTIN:
        return (
            resources.files("kamer_nlp.resources")
            .joinpath("pipelines", f"{name}.cfg")
            .read_text(encoding="utf-8")
        )
    path = Path(name)
    if not path.is_file():
        raise PipelineError(
            f"unknown pipeline {name!r}: use 'default', 'lg' or a path to a .cfg file"
        )
    return path.read_text(encoding="utf-8")


def model_name(name: str) -> str | None:
    return LG_MODEL if LG_MODEL in config_text(name) else None


@cache
def load_pipeline(name: str = "default") -> Language:
    """The pipeline for ``name`` ('default', 'lg' or a config path), built once per process."""
    register_all()
    text = config_text(name)
    if LG_MODEL in text and importlib.util.find_spec(LG_MODEL) is None:  # the model is a package
        raise PipelineError(
            f"the lg pipeline needs {LG_MODEL}, which is not installed: run `{LG_INSTALL}`"
        )
    config = spacy.util.load_config_from_str(text)
    kamer = dict(config.pop("kamer", {}))
    base = kamer.get("base_model")
    if base:
        nlp = spacy.load(base, exclude=list(kamer.get("exclude", [])))
        customise_tokenizer(nlp)
        for pipe in config["nlp"]["pipeline"]:
            settings = dict(config["components"][pipe])
            factory = settings.pop("factory")
            before = "parser" if pipe == "kamer_sentences" and "parser" in nlp.pipe_names else None
            nlp.add_pipe(factory, name=pipe, config=settings, before=before)
        return nlp
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, Lemmatizer) and pipe.mode == "lookup":
            pipe.initialize()  # loads the lookup table from spacy-lookups-data
    if "parser" not in nlp.pipe_names:
        nlp.max_length = MAX_CHARS_RULES
    return nlp
