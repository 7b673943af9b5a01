"""Small official-publication documents written for these tests (no corpus text).

Each mirrors one shape of the real files: a Kamerstuk letter with a footnote, an
``extref`` and a ``<datum isodatum>``; Kamervragen with numbered questions and answers;
a scraped Handelingen item (pretty-printed, lower-cased attributes, roles only in the
label words); a VLOS meeting with an interruption; the HTML of a publication; its
``metadata.xml``.
"""

from __future__ import annotations

KST = """<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
  <metadata><meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://zoek.officielebekendmakingen.nl/kst-99001-7/metadata.xml"/></metadata>
  <kamerstuk>
    <kamerstukkop>
      <tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>
      <tekstregel inhoud="vergaderjaar">Vergaderjaar 2022-2023</tekstregel>
      <tekstregel inhoud="kamernummer">2</tekstregel>
    </kamerstukkop>
    <dossier><dossiernummer><dossiernr>99 001</dossiernr></dossiernummer><titel>Proefregels voor fietsbruggen</titel></dossier>
    <stuk>
      <stuknr>Nr. <ondernummer kamer="2">7</ondernummer></stuknr>
      <titel>BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT</titel>
      <algemeen><vrije-tekst><tekst status="goed">
        <al>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</al>
        <al>Den Haag, <datum isodatum="2023-03-14">14 maart 2023</datum></al>
        <tussenkop>Aanleiding</tussenkop>
        <al>In mijn vorige brief (<extref doc="kst-99001-6" soort="document" status="actief">Kamerstuk 99 001, nr. 6</extref>) beloofde ik een proef<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>Zie ook het verslag van de proef in Delft.</noot.al></noot>.</al>
        <al>Ik zal uw Kamer voor <datum isodatum="2023-07-01">1 juli 2023</datum> over de uitkomsten informeren.</al>
        <lijst><li><al>eerste punt van de proef;</al></li><li><al>tweede punt.</al></li></lijst>
        <ondertekening><functie>De Minister van Infrastructuur en Waterstaat,</functie><naam>A. Voorbeeld</naam></ondertekening>
      </tekst></vrije-tekst></algemeen>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
"""

METADATA = """<?xml version="1.0" encoding="UTF-8"?>
<metadata_gegevens>
<metadata name="DC.title" scheme="" content="Proefregels voor fietsbruggen; Brief regering; Uitkomsten van de proef"/>
<metadata name="OVERHEIDop.dossiernummer" scheme="" content="99001"/>
<metadata name="OVERHEIDop.ondernummer" scheme="" content="7"/>
<metadata name="DCTERMS.issued" scheme="DCTERMS.W3CDTF" content="2023-03-15"/>
<metadata name="DC.type" scheme="OVERHEIDop.KamerstukTypen" content="Brief"/>
<metadata name="DC.identifier" scheme="OVERHEIDop.ParlID" content="kst-99001-7"/>
</metadata_gegevens>
"""

KAMERVRAGEN = """<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
  <kamervragen>
    <kamervraagkop><tekstregel inhoud="vergaderjaar">Vergaderjaar 2022-2023</tekstregel></kamervraagkop>
    <kamervraagnummer>1234</kamervraagnummer>
    <kamervraagomschrijving type="vraag">Vragen van het lid <naam><achternaam>Voorbeeld</achternaam></naam> over <kamervraagonderwerp>fietsbruggen</kamervraagonderwerp> (ingezonden <datum isodatum="2023-01-10">10 januari 2023</datum>).</kamervraagomschrijving>
    <kamervraagomschrijving type="antwoord">Antwoord van Minister <naam><achternaam>Proef</achternaam></naam> (ontvangen <datum isodatum="2023-02-01">1 februari 2023</datum>).</kamervraagomschrijving>
    <vraag><nr status="officieel">Vraag 1</nr><al>Hoeveel fietsbruggen zijn er?</al></vraag>
    <antwoord><nr status="officieel">Antwoord 1</nr><al>Dat zoek ik uit; ik stuur u voor de zomer een overzicht (<extref doc="stb-2022-12">Staatsblad 2022, 12</extref>).</al></antwoord>
    <vraag><nr status="officieel">Vraag 2</nr><al>Wanneer begint de proef?</al></vraag>
    <antwoord><nr status="officieel">Antwoord 2</nr><al>In het voorjaar.</al></antwoord>
  </kamervragen>
</officiele-publicatie>
"""

HANDELINGEN = """<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nonamespaceschemalocation="x">
 <metadata>
  <meta content="https://zoek.officielebekendmakingen.nl/h-tk-20222023-9-4/metadata.xml" name="OVERHEIDop.externMetadataRecord" scheme=""/>
 </metadata>
 <handelingen>
  <agendapunt>
   <nr>
    4
   </nr>
   <item-titel>
    Fietsbruggen
   </item-titel>
   <spreekbeurt nieuw="nee">
    <spreker>
     <voorvoegsels>
      De
     </voorvoegsels>
     <naam>
      <achternaam>
       voorzitter
      </achternaam>
     </naam>
     :
    </spreker>
    <tekst status="goed">
     <al-groep>
      <al>
       Het woord is aan de heer Jansen.
      </al>
     </al-groep>
    </tekst>
   </spreekbeurt>
   <spreekbeurt nieuw="ja">
    <spreker>
     <voorvoegsels>
      De heer
     </voorvoegsels>
     <naam>
      <achternaam>
       Jansen
      </achternaam>
     </naam>
     (
     <politiek>
      PvdB
     </politiek>
     ):
    </spreker>
    <tekst status="goed">
     <al-groep>
      <al>
       Wil de minister toezeggen dat de proef doorgaat? Ik dien een motie in.
      </al>
     </al-groep>
     <motie id="M-1">
      <al>
       verzoekt de regering de proef voort te zetten,
      </al>
      <motie-info>
       <spreker>
        <voorvoegsels>
         De
        </voorvoegsels>
        <naam>
         <achternaam>
          voorzitter
         </achternaam>
        </naam>
        :
       </spreker>
       <al>
        Zij krijgt nr.
        <extref doc="kst-99001-8" soort="document" status="actief">
         8
        </extref>
        (
        <extref doc="kst-99001-8" soort="document" status="actief">
         99001
        </extref>
        ).
       </al>
      </motie-info>
     </motie>
    </tekst>
   </spreekbeurt>
   <tekst status="goed">
    <al-groep>
     <al>
      Dank u wel. Dan de minister.
     </al>
    </al-groep>
   </tekst>
   <spreekbeurt nieuw="nee">
    <spreker>
     <voorvoegsels>
      Minister
     </voorvoegsels>
     <naam>
      <achternaam>
       Proef
      </achternaam>
     </naam>
     :
    </spreker>
    <tekst status="goed">
     <al-groep>
      <al>
       Ik zeg toe dat ik de Kamer voor de zomer een brief stuur.
      </al>
     </al-groep>
    </tekst>
   </spreekbeurt>
   <spreekbeurt nieuw="nee">
    <spreker>
     <voorvoegsels>
      De heer
     </voorvoegsels>
     <naam>
      <achternaam>
       Jansen
      </achternaam>
     </naam>
     (
     <politiek>
      PvdB
     </politiek>
     ):
    </spreker>
    <tekst status="goed">
     <al-groep>
      <al>
       Komt die brief er echt?
      </al>
     </al-groep>
    </tekst>
   </spreekbeurt>
   <spreekbeurt nieuw="nee">
    <spreker>
     <voorvoegsels>
      Minister
     </voorvoegsels>
     <naam>
      <achternaam>
       Proef
      </achternaam>
     </naam>
     :
    </spreker>
    <tekst status="goed">
     <al-groep>
      <al>
       Dat kan ik u beloven.
      </al>
     </al-groep>
    </tekst>
   </spreekbeurt>
  </agendapunt>
 </handelingen>
</officiele-publicatie>
"""

VLOS = """\ufeff<?xml version="1.0" encoding="UTF-8"?><vlosCoreDocument xmlns="http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"><vergadering soort="Plenair" kamer="Tweede Kamer"><titel>9e vergadering, dinsdag 4 oktober 2022</titel><vergaderjaar>2022-2023</vergaderjaar><datum>2022-10-04T00:00:00</datum><activiteit soort="Debat"><titel>Debat over fietsbruggen</titel><onderwerp>Debat over fietsbruggen</onderwerp><activiteithoofd soort="Termijn"><sprekers><spreker soort="Tweede Kamerlid"><verslagnaam>Jansen</verslagnaam></spreker></sprekers><activiteitdeel soort="Spreekbeurt"><activiteititem soort="Woordvoerder"><woordvoerder><spreker soort="Tweede Kamerlid"><fractie>PvdB</fractie><aanhef>De heer</aanhef><verslagnaam>De Bruin</verslagnaam><functie>Lid Tweede Kamer</functie></spreker><isvoorzitter>true</isvoorzitter><tekst><alinea><alineaitem>De <nadruk type="Vet">voorzitter</nadruk>:</alineaitem><alineaitem>Het woord is aan de minister.</alineaitem></alinea></tekst></woordvoerder></activiteititem><activiteititem soort="Woordvoerder"><woordvoerder><spreker soort="Minister"><aanhef>De heer</aanhef><verslagnaam>Proef</verslagnaam><functie>minister van Infrastructuur en Waterstaat</functie></spreker><isvoorzitter>false</isvoorzitter><tekst><alinea><alineaitem>Minister <nadruk type="Vet">Proef</nadruk>:</alineaitem><alineaitem>Wij beginnen in het voorjaar met de proef.</alineaitem></alinea></tekst><interrumpant><spreker soort="Tweede Kamerlid"><fractie>PvdB</fractie><aanhef>De heer</aanhef><verslagnaam>Jansen</verslagnaam><functie>Lid Tweede Kamer</functie></spreker><isvoorzitter>false</isvoorzitter><tekst><alinea><alineaitem>De heer <nadruk type="Vet">Jansen</nadruk> (PvdB):</alineaitem><alineaitem>Komt er een brief?</alineaitem></alinea></tekst></interrumpant></woordvoerder><woordvoerder><spreker soort="Minister"><verslagnaam>Proef</verslagnaam><functie>minister van Infrastructuur en Waterstaat</functie></spreker><isvoorzitter>false</isvoorzitter><tekst><alinea><alineaitem>Minister <nadruk type="Vet">Proef</nadruk>:</alineaitem><alineaitem>Ik zal u voor de zomer een brief sturen.</alineaitem></alinea></tekst></woordvoerder></activiteititem></activiteitdeel></activiteithoofd></activiteit></vergadering></vlosCoreDocument>
"""

HTML = """<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html
  PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="nl">
<head>
<meta name="DC.identifier" scheme="OVERHEIDop.ParlID" content="kst-99001-7" />
<meta name="DCTERMS.issued" scheme="DCTERMS.W3CDTF" content="2023-03-14" />
<title>Proef</title><script>var x = "<p>no</p>";</script>
</head>
<body>
<div id="kopregel">Kop die weg moet</div>
<div id="broodtekst">
<h1 class="dossiertitel"><span class="dossiernummer">99 001</span> Proefregels voor fietsbruggen</h1>
<p>In mijn vorige brief (<a href="kst-99001-6.html">Kamerstuk 99 001, nr. 6</a>) beloofde ik
   een proef.</p>
<ul><li>eerste punt van de proef;</li><li>tweede punt.</li></ul>
</div>
<div id="voetregel">Voet</div>
</body>
</html>
"""
