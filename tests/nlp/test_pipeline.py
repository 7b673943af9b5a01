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
        "tok2vec",
        "tagger",
        "morphologizer",
        "parser",
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


def test_the_default_pipeline_has_syntax() -> None:
    doc = load_pipeline("default")("De minister zal de Kamer voor de zomer informeren.")
    assert doc.has_annotation("POS") and doc.has_annotation("TAG")
    assert doc.has_annotation("MORPH") and doc.has_annotation("DEP")
    by_text = {t.text: t for t in doc}
    assert by_text["minister"].pos_ == "NOUN"
    assert by_text["informeren"].dep_ == "ROOT"
    assert by_text["minister"].head.text == "informeren"
    assert by_text["zal"].morph.get("VerbForm") == ["Fin"]


def test_the_parser_keeps_the_sentence_boundaries_of_kamer_sentences() -> None:
    """kamer_sentences sets every token's is_sent_start (True or False) before the parser;
    the parser may neither add nor remove a boundary."""
    nlp = load_pipeline("default")
    text = (
        "Zie Kamerstuk 31 015, nr. 135 en de brief van 12 jan. jl. over de aanpak. "
        "De minister antwoordt de Kamer dat de regeling wordt verlengd; de staatssecretaris "
        "schrijft dat zij het onderzoek laat uitvoeren, en dat het rapport in mei verschijnt. "
        "Ik zeg toe dat ik de Kamer informeer"
    )
    before = [s.start_char for s in nlp.get_pipe("kamer_sentences")(nlp.make_doc(text)).sents]
    after = [s.start_char for s in nlp(text).sents]
    assert after == before


def test_process_runs_the_syntax_sentence_by_sentence() -> None:
    from kamer_nlp.nlp.pipeline import process, syntax_block

    nlp = load_pipeline("default")
    assert syntax_block(nlp) == ["tok2vec", "tagger", "morphologizer", "parser"]
    text = (
        "De minister stuurt de Kamer voor 1 juli een brief. Die brief wordt door de "
        "staatssecretaris ondertekend.\n\nIk zeg toe dat ik de Kamer informeer."
    )
    before = [s.start for s in nlp.get_pipe("kamer_sentences")(nlp.make_doc(text)).sents]
    doc = process(nlp, nlp.make_doc(text))
    assert [s.start for s in doc.sents] == before
    assert doc.has_annotation("DEP") and doc.has_annotation("POS")
    assert all(sum(t.dep_ == "ROOT" for t in s) == 1 for s in doc.sents if s.text.strip())
    assert nlp.max_length >= 5_000_000  # linear in length: the rules' limit stays


def test_the_syntax_model_is_named_by_its_meta_not_its_path() -> None:
    from kamer_nlp.nlp.pipeline import model_name

    name = model_name("default")
    assert name is not None and name.startswith("nl_kamer_syntax ")


def test_a_missing_syntax_model_is_a_clear_error(tmp_path: Path) -> None:
    from kamer_nlp.nlp.pipeline import config_text

    cfg = tmp_path / "other.cfg"
    cfg.write_text(
        config_text("default").replace(
            "syntax_model = null", f'syntax_model = "{tmp_path / "none"}"'
        ),
        encoding="utf-8",
    )
    with pytest.raises(PipelineError) as err:
        load_pipeline(str(cfg))
    assert "\n" not in str(err.value)


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
    from kamer_nlp.nlp.pipeline import process, syntax_block

    assert syntax_block(nlp) == []  # no syntax pipes: process() is nlp(doc)
    assert [t.text for t in process(nlp, nlp.make_doc("Een zin. Nog een."))][-1] == "."
