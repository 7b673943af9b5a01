"""The components as spaCy plugins: data paths and options in the config, initialize,
registered scorers, one registration path, and the lg config's sourced components."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from kamer_nlp.errors import PipelineError
from kamer_nlp.nlp.extensions import ACTORS_KEY, COMMITMENTS_KEY, REFERENCES_KEY, TIMEX_KEY
from kamer_nlp.nlp.pipeline import (
    LG_MODEL,
    config_text,
    load_pipeline,
    model_name,
    parse_config,
    sourced_models,
)

RESOURCES = Path(str(resources.files("kamer_nlp.resources")))
COMPONENTS = ("kamer_references", "kamer_temporal", "kamer_actors", "kamer_commitments")
LOUWMAAND = "Wij besluiten op 3 louwmaand 2025 over de brief."
PARTY = "De Partij voor de Proef steunt de motie."
COMMITMENT = "Ik zal uw Kamer voor de zomer van 2025 informeren over de voortgang."


def blank(factory: str, **config: object) -> Language:
    nlp = spacy.blank("nl")
    if factory == "kamer_commitments":
        nlp.add_pipe("kamer_sentences")
    nlp.add_pipe(factory, config=config)
    return nlp


def custom_lexicon(folder: Path) -> Path:
    lexicon = json.loads((RESOURCES / "temporal" / "lexicon.json").read_text(encoding="utf-8"))
    lexicon.setdefault("months", {})["louwmaand"] = 1  # added to the language layer's months
    path = folder / "lexicon.json"
    path.write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
    return path


def custom_gazetteer(folder: Path) -> Path:
    gazetteer = folder / "gazetteer"
    shutil.copytree(RESOURCES / "actors", gazetteer)
    row = {
        "actor_id": "partij-proef",
        "type": "party",
        "name": "Partij voor de Proef",
        "aliases": [],
        "abbreviations": ["PvdP"],
        "periods": [[None, None]],
    }
    with (gazetteer / "parties.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row) + "\n")
    return gazetteer


def timexes(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s.kb_id_) for s in doc.spans[TIMEX_KEY]]


def actor_ids(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [s.kb_id_ for s in doc.spans[ACTORS_KEY]]


# ---------------------------------------------------------------- data paths in the config


def test_every_component_names_its_data_and_scorer_in_its_config() -> None:
    nlp = spacy.blank("nl")
    expected = {
        "kamer_sentences": {"abbreviations_path"},
        "kamer_references": {"patterns_path", "abbreviations_path"},
        "kamer_temporal": {"lexicon_path", "conventions_path"},
        "kamer_actors": {"gazetteer_path", "cues_path"},
        "kamer_commitments": {"cues_path", "model_path", "threshold"},
    }
    for factory, settings in expected.items():
        nlp.add_pipe(factory)
        config = nlp.config["components"][factory]
        assert settings <= set(config), factory
        assert all(config[s] is None for s in settings - {"threshold"})  # None: the package's
        assert "@scorers" in config["scorer"]


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_a_lexicon_path_changes_what_kamer_temporal_finds(tmp_path: Path) -> None:
    assert timexes(blank("kamer_temporal"), LOUWMAAND) == []
    nlp = blank("kamer_temporal", lexicon_path=str(custom_lexicon(tmp_path)))
    assert timexes(nlp, LOUWMAAND) == [("3 louwmaand 2025", "2025-01-03")]


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_a_gazetteer_path_in_a_cfg_changes_what_kamer_actors_finds(tmp_path: Path) -> None:
    gazetteer = custom_gazetteer(tmp_path)
    text = config_text("default").replace(
        '[components.kamer_actors]\nfactory = "kamer_actors"\n',
        f'[components.kamer_actors]\nfactory = "kamer_actors"\ngazetteer_path = "{gazetteer}"\n',
    )
    assert str(gazetteer) in text
    cfg = tmp_path / "custom.cfg"
    cfg.write_text(text, encoding="utf-8")
    assert "partij-proef" not in actor_ids(load_pipeline("default"), PARTY)
    assert "partij-proef" in actor_ids(load_pipeline(str(cfg)), PARTY)


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_an_abbreviations_path_changes_the_sentences(tmp_path: Path) -> None:
    text = "Zie xyz. Drie regels volgen. Dat is zo."
    path = tmp_path / "abbreviations.txt"
    path.write_text("# mine\nxyz\n", encoding="utf-8")
    default = [s.text for s in blank("kamer_sentences")(text).sents]
    custom = [s.text for s in blank("kamer_sentences", abbreviations_path=str(path))(text).sents]
    assert "Zie xyz." in default and len(custom) == len(default) - 1


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_reference_patterns_from_a_path(tmp_path: Path) -> None:
    text = "Zie Kamerstukken II 2023/24, 36 200 VII, nr. 5."
    patterns = tmp_path / "patterns.toml"
    patterns.write_text("", encoding="utf-8")  # no patterns: nothing is found
    assert blank("kamer_references")(text).spans[REFERENCES_KEY]
    assert not blank("kamer_references", patterns_path=str(patterns))(text).spans[REFERENCES_KEY]


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_the_commitment_threshold_and_model_path(tmp_path: Path) -> None:
    model = tmp_path / "model.json"
    shutil.copy(RESOURCES / "commitments" / "model.json", model)
    assert blank("kamer_commitments", model_path=str(model))(COMMITMENT).spans[COMMITMENTS_KEY]
    assert not blank("kamer_commitments", threshold=1.01)(COMMITMENT).spans[COMMITMENTS_KEY]


@pytest.mark.parametrize(
    ("factory", "setting"),
    [
        ("kamer_references", "patterns_path"),
        ("kamer_temporal", "conventions_path"),
        ("kamer_actors", "gazetteer_path"),
        ("kamer_actors", "cues_path"),
        ("kamer_commitments", "model_path"),
        ("kamer_sentences", "abbreviations_path"),
    ],
)
def test_a_missing_data_path_is_a_one_line_error(factory: str, setting: str) -> None:
    with pytest.raises(PipelineError) as info:
        blank(factory, **{setting: "no/such/file"})
    assert str(info.value).startswith(f"{factory}: {setting} 'no/such/file' is not a ")
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------- initialize


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_initialize_without_settings_keeps_what_the_component_has() -> None:
    nlp = spacy.blank("nl")
    for factory in ("kamer_sentences", *COMPONENTS):
        nlp.add_pipe(factory)
    before = {name: pipe.to_bytes() for name, pipe in nlp.pipeline if hasattr(pipe, "to_bytes")}
    nlp.initialize()
    after = {name: pipe.to_bytes() for name, pipe in nlp.pipeline if hasattr(pipe, "to_bytes")}
    assert before == after


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_initialize_settings_load_other_data(tmp_path: Path) -> None:
    nlp = blank("kamer_temporal")
    nlp.config["initialize"]["components"]["kamer_temporal"] = {
        "lexicon_path": str(custom_lexicon(tmp_path))
    }
    nlp.initialize()
    assert timexes(nlp, LOUWMAAND) == [("3 louwmaand 2025", "2025-01-03")]
    actors = blank("kamer_actors")
    actors.get_pipe("kamer_actors").initialize(gazetteer_path=str(custom_gazetteer(tmp_path)))
    assert "partij-proef" in actor_ids(actors, PARTY)


# ---------------------------------------------------------------- scorers


def gold(nlp: Language, text: str, spans: dict[str, list[tuple[int, int, str]]]) -> Example:
    reference = Doc(nlp.vocab).from_docs([nlp.make_doc(text)])
    for key, items in spans.items():
        made = [reference.char_span(s, e, label=label) for s, e, label in items]
        reference.spans[key] = [span for span in made if span is not None]
    return Example(nlp.make_doc(text), reference)


def test_evaluate_gives_per_label_figures_for_every_span_component() -> None:
    nlp = load_pipeline("default")
    text = "Ik zal uw Kamer voor 1 juli 2025 informeren, schrijft de minister van Financiën."
    found = nlp(text)
    spans = {
        key: [(s.start_char, s.end_char, s.label_) for s in found.spans[key]]
        for key in (REFERENCES_KEY, TIMEX_KEY, ACTORS_KEY, COMMITMENTS_KEY)
    }
    assert spans[TIMEX_KEY] and spans[ACTORS_KEY] and spans[COMMITMENTS_KEY]
    spans[ACTORS_KEY] = [*spans[ACTORS_KEY][:1], (0, 2, "ACTOR")]  # one right, one missed
    scores = nlp.evaluate([gold(nlp, text, spans)])
    assert scores["spans_kamer_timex_per_type"]["TIMEX"] == {"p": 1.0, "r": 1.0, "f": 1.0}
    assert scores["spans_kamer_commitments_f"] == 1.0
    actor = scores["spans_kamer_actors_per_type"]["ACTOR"]
    assert actor["r"] == 0.5 and actor["p"] == 1 / len(found.spans[ACTORS_KEY])
    assert scores["spans_kamer_references_f"] is None  # nothing to find, nothing found
    assert "sents_f" in scores


# ---------------------------------------------------------------- one registration path


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_spacy_finds_the_components_without_importing_kamer_nlp() -> None:
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('nl')\n"
        "for name in ('kamer_sentences', 'kamer_references', 'kamer_temporal',"
        " 'kamer_actors', 'kamer_commitments'):\n"
        "    nlp.add_pipe(name)\n"
        "assert nlp('Ik zal uw Kamer voor de zomer informeren.').spans['kamer_commitments']\n"
        "print(sorted(m for m in sys.modules if m.startswith('kamer_nlp.') and 'component' in m))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    ).stdout
    assert "kamer_nlp.actors.component" in out


def test_there_is_no_hand_kept_import_list() -> None:
    with pytest.raises(ModuleNotFoundError):
        __import__("kamer_nlp.nlp.components")


# ---------------------------------------------------------------- the lg config, without the model


def test_the_lg_config_sources_the_model_components() -> None:
    config = parse_config(config_text("lg"))
    pipeline = config["nlp"]["pipeline"]
    components = config["components"]
    sourced = [pipe for pipe in pipeline if "source" in components[pipe]]
    assert sourced == [
        "tok2vec", "morphologizer", "tagger", "parser", "lemmatizer", "attribute_ruler", "ner"
    ]  # fmt: skip
    assert sourced_models(config) == [LG_MODEL] and model_name("lg") == LG_MODEL
    assert model_name("default") == "nl_kamer_syntax 0.1.0"  # the package's syntax model
    assert "senter" not in pipeline and "kamer" not in config
    assert pipeline.index("kamer_sentences") < pipeline.index("parser")
    assert [p for p in pipeline if p.startswith("kamer_")] == ["kamer_sentences", *COMPONENTS]
    assert config["initialize"]["before_init"]["tokenizer"] == LG_MODEL
    assert config["initialize"]["before_init"]["vocab"] == LG_MODEL
    registered = spacy.registry.callbacks.get(config["initialize"]["after_init"]["@callbacks"])
    assert callable(registered)


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_the_lg_config_builds_like_the_default_one_apart_from_the_model(tmp_path: Path) -> None:
    """The lg config with its sourced components and base-model copy taken out is built
    by the same code path as default, with the same project components."""
    config = spacy.util.load_config_from_str(config_text("lg"))
    pipeline = [p for p in config["nlp"]["pipeline"] if "source" not in config["components"][p]]
    config["nlp"]["pipeline"] = pipeline
    config["components"] = {p: config["components"][p] for p in pipeline}
    del config["initialize"]["before_init"]
    cfg = tmp_path / "lg-without-model.cfg"
    cfg.write_text(config.to_str(), encoding="utf-8")
    nlp = load_pipeline(str(cfg))
    assert nlp.pipe_names == ["kamer_sentences", *COMPONENTS]
    assert [t.text for t in nlp("Bontenbal/Grinwis en/of")] == [
        "Bontenbal",
        "/",
        "Grinwis",
        "en/of",
    ]


def test_a_run_identity_covers_the_data_a_config_points_at(tmp_path: Path) -> None:
    from kamer_nlp.batch import pipeline_identity

    lexicon = custom_lexicon(tmp_path)
    cfg = tmp_path / "custom.cfg"
    cfg.write_text(
        config_text("default").replace(
            'factory = "kamer_temporal"\n',
            f'factory = "kamer_temporal"\nlexicon_path = "{lexicon}"\n',
        ),
        encoding="utf-8",
    )
    assert "data_sha256" not in pipeline_identity("default")
    before = pipeline_identity(str(cfg))
    lexicon.write_text(lexicon.read_text(encoding="utf-8").replace("louwmaand", "x"), "utf-8")
    after = pipeline_identity(str(cfg))
    assert before["data_sha256"] != after["data_sha256"]
    assert {k: v for k, v in before.items() if k != "data_sha256"} == {
        k: v for k, v in after.items() if k != "data_sha256"
    }
