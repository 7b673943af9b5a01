"""Actors in the reference corpus (skips without ../shared/corpus).

Expected lists were written from reading the documents; the letters are read with
pdfplumber's plain ``extract_text`` (sidebar interleaving and all), the Aanhangsel both
from its PDF and from the official XML, whose <naam>/<organisatie> marks are checked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pdfplumber
import pytest

from kamer_nlp.actors import ActorResolver

pytestmark = pytest.mark.corpus

SEED_DATE = "2018-02-14"


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _ids(analysis) -> set[str]:
    return {m.actor_id for m in analysis.mentions}


def test_seed(corpus_dir: Path, resolver: ActorResolver) -> None:
    text = (corpus_dir / "seed" / "kst-31015-136.txt").read_text(encoding="utf-8")
    a = resolver.analyse(text, doc_date=SEED_DATE)
    assert [s.actor_id for s in a.signatories] == ["minister-rechtsbescherming"]
    assert [c.actor_id for c in a.co_senders] == ["minister-jenv", "minister-vws"]
    assert a.addressee == "tweede-kamer"
    # every first-person pronoun of the body resolves to the signatory
    body_end = text.index("De Minister voor Rechtsbescherming,")
    pronouns = [m.start() for m in re.finditer(r"\b(?:ik|Ik|mij|mijn)\b", text[:body_end])]
    resolved = {m.start: m for m in a.mentions if m.via == "ik"}
    assert len(pronouns) >= 12
    for pos in pronouns:
        assert resolved[pos].actor_id == "minister-rechtsbescherming"
    by = {(re.sub(r"\s+", " ", m.text), m.actor_id, m.via) for m in a.mentions}
    for item in [
        ("Minister van Justitie en Veiligheid", "minister-jenv", None),
        ("JenV", "ministerie-jenv", "abbreviation"),
        ("Minister van JenV", "minister-jenv", "abbreviation"),
        ("Minister van Volksgezondheid, Welzijn en Sport", "minister-vws", None),
        ("VWS", "ministerie-vws", "abbreviation"),
        ("Minister van VWS", "minister-vws", "abbreviation"),
        ("vaste commissie voor Veiligheid en Justitie", "commissie-tk-venj", None),
        (
            "Nationaal Rapporteur Mensen- handel en Seksueel Geweld tegen kinderen",
            "nationaal-rapporteur",
            None,
        ),
        ("Nationaal Rapporteur", "nationaal-rapporteur", "alias"),
        ("Openbaar Ministerie", "openbaar-ministerie", None),
        ("politie", "politie", None),
        ("Veilig Thuis", "veilig-thuis", None),
        ("Raad voor de Kinderbe- scherming", "raad-voor-de-kinderbescherming", None),
        ("uw Kamer", "tweede-kamer", "uw Kamer"),
        ("Voorzitter van de Tweede Kamer der Staten-Generaal", "voorzitter-tweede-kamer", None),
        ("MINISTER VOOR RECHTSBESCHERMING", "minister-rechtsbescherming", None),
        ("S. Dekker", "person-dekker", None),
    ]:
        assert item in by, item
    assert not any(m.anachronistic for m in a.mentions)


LETTERS = {
    "Kamerbrief_circulaire_economie.pdf": {
        "date": "2023-02-03",
        "signatory": "staatssecretaris-ienw",
        "co_senders": [
            "minister-voor-vro", "minister-ezk", "minister-lnv", "minister-klimaat-energie", "minister-bho",
        ],
        "named": {
            "ministerie-ienw", "pbl", "ser", "ilt", "rijkswaterstaat", "rvo", "omgevingsdiensten",
            "ce-delft", "tweede-kamer", "partij-cda", "person-mulder", "person-bontenbal",
            "person-grinwis", "gemeenten", "medeoverheden", "kabinet", "voorzitter-tweede-kamer",
        },
    },
    "Kamerbrief_innovatie_missie.pdf": {
        "date": "2023-05-30",
        "signatory": "minister-ezk",
        "co_senders": [],
        "named": {
            "ministerie-ocw", "ministerie-vws", "ministerie-def", "europese-commissie", "zonmw",
            "provincies", "tweede-kamer", "kabinet", "voorzitter-tweede-kamer",
            "person-marja-van-bijsterveldt",
        },
    },
    "Fiche_1pag.pdf": {
        "date": "2022-11-25",
        "signatory": None,
        "co_senders": [],
        "named": {
            "ministerie-fin", "europese-commissie", "europees-parlement", "raad-van-de-eu",
            "raad-voor-regelgevingstoetsing", "europese-unie", "eesc", "comite-van-de-regios",
        },
    },
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_letters(corpus_dir: Path, resolver: ActorResolver, name: str) -> None:
    want = LETTERS[name]
    text = _pdf_text(corpus_dir / "letters" / name)
    a = resolver.analyse(text, doc_date=want["date"])
    assert [s.actor_id for s in a.signatories][:1] == (
        [want["signatory"]] if want["signatory"] else []
    )
    assert [c.actor_id for c in a.co_senders] == want["co_senders"]
    missing = want["named"] - _ids(a)
    assert not missing
    if want["signatory"]:
        assert all(m.actor_id == want["signatory"] for m in a.mentions if m.via == "ik")
        assert any(m.via == "ik" for m in a.mentions)
    assert not any(m.anachronistic for m in a.mentions)


AH = "officielebekendmakingen/ah-tk-20202021-3235/ah-tk-20202021-3235"
AH_NAMED = {
    "tweede-kamer", "minister-szw", "ministerie-szw", "partij-d66", "person-van-weyenberg",
    "person-romke-de-jong", "person-kat", "gemeenten", "qredits", "rijksoverheid", "kabinet",
}  # fmt: skip


def test_aanhangsel_pdf(corpus_dir: Path, resolver: ActorResolver) -> None:
    a = resolver.analyse(_pdf_text(corpus_dir / f"{AH}.pdf"), doc_date="2021-06-21")
    assert [s.actor_id for s in a.signatories] == ["minister-szw"]
    assert not AH_NAMED - _ids(a)
    ik = [m for m in a.mentions if m.via == "ik"]
    assert len(ik) == 5 and {m.actor_id for m in ik} == {"minister-szw"}


def test_aanhangsel_xml_marks(corpus_dir: Path, resolver: ActorResolver) -> None:
    root = ET.parse(corpus_dir / f"{AH}.xml").getroot()
    body = root.find("kamervragen")
    text = "\n\n".join(" ".join("".join(el.itertext()).split()) for el in body)
    a = resolver.analyse(text, doc_date="2021-06-21")
    spans = [(m.text, m.actor_id, m.type) for m in a.mentions]
    for naam in body.iter("naam"):
        surname = "".join(naam.find("achternaam").itertext()).strip()
        assert any(surname in t and typ in {"person", "minister"} for t, _, typ in spans), surname
    for org in body.iter("organisatie"):
        abbr = org.get("afkorting")
        name = "".join(org.itertext()).strip()
        assert (name, f"ministerie-{abbr.lower()}", "ministry") in spans
    assert not AH_NAMED - _ids(a)
