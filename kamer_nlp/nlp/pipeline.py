"""Building the spaCy pipeline from a config in ``pipelines/``.

``default`` is blank Dutch plus the package's own syntax model (tok2vec, tagger,
morphologizer, parser, sourced from ``resources/models/syntax``: the config leaves
``[paths] syntax_model`` null and the loader fills in the package's folder) and the
project's components; ``lg`` sources the tagger, parser, lemmatizer and NER of
``nl_core_news_lg`` (spaCy's own ``source``) under the same components; any other value is a path to a spaCy config file. Every
config is built the same way, as spaCy builds a config for training: the components
from ``[components]`` (``factory`` or ``source``), then ``nlp.initialize()`` for the
components that are not sourced (the lookup lemmatizer loads its tables, the
``[initialize]`` callbacks run). A pipeline is built once per process and reused.

The kamer-nlp components, tokenizer, scorers and callbacks are registered with
spaCy by decorators in the modules that define them; spaCy imports those modules
through the package's entry points (``spacy_factories``, … in pyproject.toml) when it
first needs one, as it does for any plugin package.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import numpy
import spacy
from spacy.attrs import DEP, HEAD, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config, NumpyOps

from kamer_nlp.errors import PipelineError

__all__ = [
    "PipelineError",
    "config_text",
    "data_files",
    "load_pipeline",
    "model_name",
    "package_paths",
    "process",
    "sourced_models",
    "syntax_model_path",
]

LG_MODEL = "nl_core_news_lg"
LG_INSTALL = f"python -m spacy download {LG_MODEL}"
BUILTIN = ("default", "lg")
# The rule pipeline is linear in the text length; so is the package's syntax model when it
# runs sentence by sentence (``process``). A pipeline whose parser takes the whole document
# at once (lg) keeps spaCy's own limit.
MAX_CHARS_RULES = 5_000_000
# Pipes that ``process`` runs over a document's sentences as a batch of small Docs, when
# they follow the sentence splitter and include the tok2vec they listen to.
SYNTAX_PIPES = ("tok2vec", "tagger", "morphologizer", "parser")
SYNTAX_ATTRS = [TAG, POS, MORPH, HEAD, DEP]
SENTENCE_BATCH = 128
FACTORY = "kamer_sentences"  # one of the package's factories: is the package installed?
SYNTAX_MODEL = ("models", "syntax")  # under kamer_nlp/resources: the trained syntax model
SYNTAX_TRAIN = "kamer-nlp train syntax"


def syntax_model_path() -> Path:
    """The folder of the syntax model that ships in the package (``nlp.to_disk`` output)."""
    return Path(str(resources.files("kamer_nlp.resources").joinpath(*SYNTAX_MODEL)))


# ``[paths]`` variables that the package fills in when a config leaves them null.
PACKAGE_PATHS = {"syntax_model": syntax_model_path}


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


def package_paths(text: str) -> dict[str, str]:
    """Overrides for the ``[paths]`` of ``PACKAGE_PATHS`` that the config leaves null
    (``syntax_model = null`` → the package's model folder); a value set is kept."""
    paths = Config().from_str(text, interpolate=False).get("paths", {})
    return {
        f"paths.{key}": str(where())
        for key, where in PACKAGE_PATHS.items()
        if key in paths and paths[key] is None
    }


def parse_config(text: str) -> Config:
    """The config with its variables (``${paths.base_model}``) filled in."""
    return spacy.util.load_config_from_str(text, overrides=package_paths(text), interpolate=True)


def sourced_models(config: Config) -> list[str]:
    """The trained pipelines that components are sourced from, in pipeline order."""
    components = config.get("components", {})
    found = [
        str(components[pipe]["source"])
        for pipe in config["nlp"].get("pipeline", [])
        if "source" in components.get(pipe, {})
    ]
    return list(dict.fromkeys(found))


def data_files(name: str) -> list[Path]:
    """The data files and folders that the components' ``*_path`` settings name (in
    ``[components]`` and ``[initialize.components]``): what a run's identity must cover
    besides the package's own resources."""
    config = parse_config(config_text(name))
    sections = [*config.get("components", {}).values()]
    sections += [*config.get("initialize", {}).get("components", {}).values()]
    found = [
        Path(str(value))
        for section in sections
        for key, value in section.items()
        if key.endswith("_path") and value is not None
    ]
    return list(dict.fromkeys(found))


def _model_label(source: str) -> str:
    """A package name as it is; a pipeline folder as ``<lang>_<name> <version>`` from its
    ``meta.json`` (the same on every machine, unlike the folder's path)."""
    meta = Path(source) / "meta.json"
    if not meta.is_file():
        return source
    info = json.loads(meta.read_text(encoding="utf-8"))
    return f"{info.get('lang', '')}_{info.get('name', '')} {info.get('version', '')}".strip()


def model_name(name: str) -> str | None:
    """The trained pipelines the pipeline ``name`` sources components from, if any."""
    models = [_model_label(m) for m in sourced_models(parse_config(config_text(name)))]
    return ", ".join(models) if models else None


def _check_installed(name: str, config: Config) -> None:
    factories = {ep.name for ep in metadata.entry_points(group="spacy_factories")}
    if FACTORY not in factories:
        raise PipelineError(
            "kamer-nlp's spaCy components are not registered: install the package "
            "(`pip install -e .` in a checkout)"
        )
    for model in sourced_models(config):
        if model == str(syntax_model_path()) and not (Path(model) / "meta.json").is_file():
            raise PipelineError(
                f"the package's syntax model is missing ({model}): run `{SYNTAX_TRAIN}`"
            )
        if ("/" in model or "\\" in model) and not Path(model).exists():
            raise PipelineError(f"{model!r}, which a component is sourced from, is not found")
        if not Path(model).exists() and importlib.util.find_spec(model) is None:
            which = f"the {name} pipeline" if name in BUILTIN else f"the pipeline {name!r}"
            raise PipelineError(
                f"{which} needs {model}, which is not installed: "
                f"run `python -m spacy download {model}`"
            )


@cache
def load_pipeline(name: str = "default") -> Language:
    """The pipeline for ``name`` ('default', 'lg' or a config path), built once per process."""
    text = config_text(name)
    _check_installed(name, parse_config(text))
    config = spacy.util.load_config_from_str(text, overrides=package_paths(text))
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    sourced = [pipe for pipe in nlp.pipe_names if "source" in config["components"][pipe]]
    with nlp.select_pipes(disable=sourced):  # trained components keep their weights
        nlp.initialize()
    if "parser" not in nlp.pipe_names or syntax_block(nlp):
        nlp.max_length = MAX_CHARS_RULES
    return nlp


def syntax_block(nlp: Language) -> list[str]:
    """The syntax pipes that can run sentence by sentence: a contiguous run of
    ``SYNTAX_PIPES`` that starts with ``tok2vec`` and comes after ``kamer_sentences``
    (default pipeline); empty otherwise (lg: its tok2vec runs before the sentences)."""
    names = nlp.pipe_names
    if "tok2vec" not in names or FACTORY not in names:
        return []
    start = names.index("tok2vec")
    if start < names.index(FACTORY):
        return []
    end = start
    while end < len(names) and names[end] in SYNTAX_PIPES:
        end += 1
    return names[start:end]


def _by_sentence(nlp: Language, doc: Doc, block: list[str]) -> None:
    """Run ``block`` on each sentence of ``doc`` as a Doc of its own (as the model was
    trained: one sentence a Doc), in batches, and copy tags, morphology and the parse back.
    Memory and time stay linear in the document's length, and the parser works on many
    sentences at once instead of one long one."""
    sentences = []
    for sent in doc.sents:  # new Docs of the sentences' words (Span.as_doc copies the whole Doc)
        words = [t.text for t in sent]
        spaces = [bool(t.whitespace_) for t in sent]
        starts: list[bool | int | None] = [i == 0 for i in range(len(words))]
        sentences.append(Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts))
    with nlp.select_pipes(enable=block):
        parsed = list(nlp.pipe(sentences, batch_size=SENTENCE_BATCH))
    arrays = [small.to_array(SYNTAX_ATTRS) for small in parsed]
    doc.from_array(SYNTAX_ATTRS, NumpyOps().asarray2i(numpy.concatenate(arrays), dtype="uint64"))


def process(nlp: Language, doc: Doc) -> Doc:
    """``nlp(doc)``, with the syntax pipes of the default pipeline run sentence by sentence
    (``syntax_block``); what the batch and ``annotate_*`` use. Pipelines without such a
    block run as ``nlp(doc)``."""
    block = syntax_block(nlp)
    if not block or not len(doc):
        return nlp(doc)
    names = nlp.pipe_names
    first, last = names.index(block[0]), names.index(block[-1])
    for _name, proc in nlp.pipeline[:first]:
        doc = proc(doc)
    _by_sentence(nlp, doc, block)
    for _name, proc in nlp.pipeline[last + 1 :]:
        doc = proc(doc)
    return doc
