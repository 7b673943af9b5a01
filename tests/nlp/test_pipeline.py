from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kamer_nlp.errors import PipelineError
from kamer_nlp.nlp.pipeline import load_pipeline

HAS_LG = importlib.util.find_spec("nl_core_news_lg") is not None


def test_default_pipeline_has_the_components_in_order() -> None:
    nlp = load_pipeline("default")
    assert nlp.pipe_names == [
        "kamer_sentences",
        "lemmatizer",
        "kamer_references",
        "kamer_temporal",
        "kamer_actors",
        "kamer_commitments",
    ]


def test_lookup_lemmas_work_without_a_model() -> None:
    doc = load_pipeline("default")(
        "De ministers hebben uw Kamer geïnformeerd en de brief gestuurd."
    )
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["geïnformeerd"] == "informeren"
    assert lemmas["gestuurd"] == "sturen"


@pytest.mark.skipif(HAS_LG, reason="nl_core_news_lg is installed here")
def test_lg_without_the_model_names_the_install_command() -> None:
    with pytest.raises(PipelineError) as err:
        load_pipeline("lg")
    message = str(err.value)
    assert "python -m spacy download nl_core_news_lg" in message
    assert "\n" not in message


@pytest.mark.model
@pytest.mark.skipif(
    not HAS_LG, reason="nl_core_news_lg is not installed (cannot be downloaded here)"
)
def test_lg_pipeline_runs_the_same_components() -> None:
    nlp = load_pipeline("lg")
    for name in (
        "kamer_sentences",
        "kamer_references",
        "kamer_temporal",
        "kamer_actors",
        "kamer_commitments",
        "parser",
        "ner",
    ):
        assert name in nlp.pipe_names
    assert nlp.pipe_names.index("kamer_sentences") < nlp.pipe_names.index("parser")


def test_unknown_pipeline_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PipelineError):
        load_pipeline(str(tmp_path / "nope.cfg"))


def test_a_config_path_builds_a_pipeline(tmp_path: Path) -> None:
    cfg = tmp_path / "mini.cfg"
    cfg.write_text(
        '[nlp]\nlang = "nl"\npipeline = ["kamer_sentences"]\n[components]\n[components.kamer_sentences]\nfactory = "kamer_sentences"\n',
        encoding="utf-8",
    )
    nlp = load_pipeline(str(cfg))
    assert nlp.pipe_names == ["kamer_sentences"]
