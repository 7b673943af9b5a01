"""The temporary debate XML reader, on small Handelingen and VLOS files written here."""

from __future__ import annotations

from pathlib import Path

from kamer_nlp.evaluation.debates import read_debate

HANDELINGEN = """<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie><handelingen><agendapunt>
 <spreekbeurt nieuw="nee"><spreker><voorvoegsels>De</voorvoegsels>
  <naam><achternaam>voorzitter</achternaam></naam>:</spreker>
  <tekst><al-groep><al>Ik geef het woord aan de heer Jansen.</al></al-groep></tekst></spreekbeurt>
 <spreekbeurt nieuw="ja"><spreker><voorvoegsels>De heer</voorvoegsels>
  <naam><achternaam>Jansen</achternaam></naam> ( <politiek>XYZ</politiek> ):</spreker>
  <tekst><al-groep><al>Kan de minister een brief
     <nadruk type="vet">sturen</nadruk> ?</al></al-groep></tekst>
  <motie id="M-1"><al>De Kamer,</al><al>verzoekt de regering iets te doen,</al></motie>
 </spreekbeurt>
 <spreekbeurt nieuw="ja"><spreker><voorvoegsels>Minister</voorvoegsels>
  <naam><achternaam>De Vries</achternaam></naam>:</spreker>
  <tekst><al-groep><al>Ik stuur de Kamer voor de zomer een brief.</al>
  <al>Dat zeg ik toe.</al></al-groep></tekst></spreekbeurt>
 <spreekbeurt nieuw="ja"><spreker><voorvoegsels>Staatssecretaris</voorvoegsels>
  <naam><achternaam>Smit</achternaam></naam>:</spreker>
  <tekst><al-groep><al>Ik vul dat aan.</al></al-groep></tekst></spreekbeurt>
</agendapunt></handelingen></officiele-publicatie>
"""

VLOS = """<?xml version="1.0" encoding="UTF-8"?>
<vlosCoreDocument xmlns="http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"><vergadering>
<activiteit><activiteitdeel><activiteititem>
<woordvoerder><spreker soort="Minister"><aanhef>De</aanhef><verslagnaam>Bakker</verslagnaam>
<functie>minister van Financiën</functie></spreker><isvoorzitter>false</isvoorzitter>
<tekst><alinea><alineaitem>Minister <nadruk type="Vet">Bakker</nadruk>:</alineaitem>
<alineaitem>Ik kom daar in de Voorjaarsnota op terug.</alineaitem></alinea></tekst>
<interrumpant><spreker soort="Tweede Kamerlid"><fractie>ABC</fractie>
<verslagnaam>Pieters</verslagnaam></spreker><isvoorzitter>false</isvoorzitter>
<tekst><alinea><alineaitem>De heer <nadruk type="Vet">Pieters</nadruk> (ABC):</alineaitem>
<alineaitem>Wanneer dan?</alineaitem></alinea></tekst></interrumpant>
</woordvoerder>
<woordvoerder><spreker soort="Tweede Kamerlid"><fractie>ABC</fractie>
<verslagnaam>Klaas</verslagnaam></spreker><isvoorzitter>true</isvoorzitter>
<tekst><alinea><alineaitem>De <nadruk type="Vet">voorzitter</nadruk>:</alineaitem>
<alineaitem>Dank u wel.</alineaitem></alinea></tekst></woordvoerder>
</activiteititem></activiteitdeel></activiteit></vergadering></vlosCoreDocument>
"""


def test_handelingen_turns_roles_and_text(tmp_path: Path) -> None:
    path = tmp_path / "h.xml"
    path.write_text(HANDELINGEN, encoding="utf-8")
    debate = read_debate(path)
    assert [(t.speaker, t.role, t.party) for t in debate.turns] == [
        ("voorzitter", "chair", None),
        ("Jansen", "member", "XYZ"),
        ("De Vries", "minister", None),
        ("Smit", "staatssecretaris", None),
    ]
    member = debate.turns[1]
    assert member.paragraphs == (
        "Kan de minister een brief sturen?",
        "De Kamer,",
        "verzoekt de regering iets te doen,",
    )
    for turn in debate.turns:
        assert debate.text[turn.start : turn.end] == "\n\n".join(turn.paragraphs)
    assert debate.turn_at(debate.text.index("Dat zeg ik toe")) == 2
    assert debate.turns[2].is_government and not member.is_government


def test_vlos_turns_skip_the_speaker_label(tmp_path: Path) -> None:
    path = tmp_path / "v.xml"
    path.write_text(VLOS, encoding="utf-8")
    debate = read_debate(path)
    assert [(t.speaker, t.role, t.party) for t in debate.turns] == [
        ("Bakker", "minister", None),
        ("Pieters", "member", "ABC"),
        ("Klaas", "chair", "ABC"),
    ]
    assert debate.text == (
        "Ik kom daar in de Voorjaarsnota op terug.\n\nWanneer dan?\n\nDank u wel."
    )
