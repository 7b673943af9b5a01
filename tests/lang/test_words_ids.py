"""The calendar words (loaded once), the id grammar and the input-kind rule."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kamer_nlp.commitments.cues import MONTHS_PLACEHOLDER, CueSet
from kamer_nlp.io.input_kind import INPUT_SUFFIXES, input_kind, is_text_file
from kamer_nlp.lang import ids
from kamer_nlp.lang.words import Calendar, calendar
from kamer_nlp.references.rules import ReferenceRules
from kamer_nlp.temporal.resources import TemporalResources

PACKAGE = Path(__file__).resolve().parents[2] / "kamer_nlp"


def test_calendar_is_loaded_once() -> None:
    assert calendar() is calendar()
    cal = calendar()
    assert cal.months["december"] == 12 and cal.month_abbreviations["sept"] == 9
    assert cal.weekdays["maandag"] == 0 and cal.weekdays["zondag"] == 6
    assert cal.ordinals["laatste"] == -1 and cal.ordinals["2e"] == 2
    assert cal.month("Feb.") == 2 and cal.month("mei") == 5 and cal.month("brumaire") is None


def test_calendar_rejects_a_bad_file() -> None:
    with pytest.raises(ValueError):
        Calendar.from_json('{"months": {"januari": "een"}}')
    with pytest.raises(ValueError):
        Calendar.from_json("[]")


def test_every_stage_reads_the_one_month_list() -> None:
    cal = calendar()
    lexicon = TemporalResources.default().lexicon
    assert lexicon["months"] == dict(cal.months)
    assert lexicon["month_abbreviations"] == dict(cal.month_abbreviations)
    assert lexicon["weekdays"] == dict(cal.weekdays)
    assert lexicon["ordinals"] == dict(cal.ordinals)
    months = ReferenceRules.default().tables["months"]
    assert months == {**cal.months, **{f"{a}.": n for a, n in cal.month_abbreviations.items()}}


def test_no_month_list_outside_the_language_layer() -> None:
    """The month names are written once, in resources/lang/calendar.json (the trained
    commitment model's n-gram vocabulary and the syntax model's string store aside); cue
    patterns say ``{{months}}``."""
    for path in (PACKAGE / "resources").rglob("*"):
        if path.suffix not in (".json", ".toml") or path.name in ("calendar.json", "model.json"):
            continue
        if "models" in path.relative_to(PACKAGE / "resources").parts:
            continue  # trained models: every word of their training data
        assert "januari" not in path.read_text(encoding="utf-8"), path


def test_cue_patterns_expand_the_month_names() -> None:
    cues = CueSet.default()
    with_months = [c for c in cues.cues if MONTHS_PLACEHOLDER in c.pattern]
    assert with_months
    for cue in with_months:
        assert (
            cue.regex.search("uiterlijk in december 2025")
            or cue.regex.search("op 3 december 2025")
            or cue.regex.search("start in december met")
        )


@pytest.mark.parametrize(
    ("written", "compact"), [("31 015", "31015"), ("31\u00a0015", "31015"), ("31.015", "31015")]
)
def test_dossier_number(written: str, compact: str) -> None:
    assert re.fullmatch(ids.DOSSIER_NUMBER, written)
    assert ids.compact(written) == compact


@pytest.mark.parametrize("code", ["VI", "XVI", "IXB", "A", "J", "02"])
def test_toevoeging(code: str) -> None:
    assert re.fullmatch(ids.TOEVOEGING, code)


def test_ids() -> None:
    assert ids.kamerstuk_id("34 775", "16", "VI") == "kst-34775-VI-16"
    assert ids.kamerstuk_id("31015", "135") == "kst-31015-135"
    assert ids.vergaderjaar("2017", "18") == (2017, 2018)
    assert ids.vergaderjaar("1999", "00") == (1999, 2000)
    assert ids.vergaderjaar("2017", "2019") is None
    for good in ("kst-31015-135", "ah-tk-20202021-3235", "h-tk-20172018-45-12", "stb-2020-118"):
        assert ids.is_official_id(good)
    for bad in ("kst", "abc-123", "kst 31015", "Kamerstuk 31015"):
        assert not ids.is_official_id(bad)
    assert re.fullmatch(ids.RIJKSWET, "R2120")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("brief.txt", "text"),
        ("brief.TXT", "text"),
        ("brief.text", "text"),
        ("brief.pdf", "pdf"),
        ("brief.PDF", "pdf"),
        ("brief.docx", None),
        ("brief", None),
    ],
)
def test_input_kind(name: str, kind: str | None) -> None:
    assert input_kind(name) == kind
    assert is_text_file(Path(name)) == (kind == "text")
    assert (Path(name).suffix.lower() in INPUT_SUFFIXES) == (kind is not None)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_the_language_layer_sits_below_every_stage() -> None:
    for path in (PACKAGE / "lang").glob("*.py"):
        inner = {m for m in _imports(path) if m.startswith("kamer_nlp")}
        assert all(m.startswith("kamer_nlp.lang") for m in inner), (path, inner)
    for path in (PACKAGE / "repair").glob("*.py"):
        assert not any(m.startswith("kamer_nlp.temporal") for m in _imports(path)), path


def test_batch_reads_every_input_kind(tmp_path: Path) -> None:
    from kamer_nlp.batch.inputs import find_inputs

    for name in ("a.pdf", "b.txt", "c.text", "d.TXT", "e.docx", ".f.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_inputs(tmp_path)] == ["a.pdf", "b.txt", "c.text", "d.TXT"]


def test_a_lexicon_section_adds_to_the_calendar_words() -> None:
    import json

    base = TemporalResources.default()
    lexicon = json.loads(base.lexicon_text)
    lexicon["months"] = {"louwmaand": 1}
    custom = TemporalResources(json.dumps(lexicon), base.conventions_text).lexicon
    assert custom["months"] == {**calendar().months, "louwmaand": 1}
    assert custom["weekdays"] == dict(calendar().weekdays)
