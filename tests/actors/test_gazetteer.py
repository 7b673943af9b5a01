"""The packaged gazetteer: data validity, lookup, validity periods, resolve_function."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest

from kamer_nlp.actors import ActorEntry, Gazetteer
from kamer_nlp.actors.gazetteer import FUNCTION_TYPES

TYPES = {
    "minister", "staatssecretaris", "minister-president", "ministry", "parliament", "committee",
    "agency", "court", "party", "organisation", "eu", "international", "cabinet", "government",
    "municipality", "province", "water-board",
}  # fmt: skip


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_default_is_cached_and_versioned(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz
    manifest = json.loads(
        resources.files("kamer_nlp").joinpath("resources/actors/manifest.json").read_text("utf-8")
    )
    assert gaz.version == manifest["version"]
    assert len(gaz) > 250


def test_entries_are_consistent(gaz: Gazetteer) -> None:
    for entry in gaz:
        assert entry.type in TYPES, entry.actor_id
        assert entry.actor_id == entry.actor_id.lower() and " " not in entry.actor_id
        for start, end in entry.periods:
            assert start is None or end is None or start < end, entry.actor_id
        if entry.type in {"minister", "staatssecretaris"}:
            assert entry.ministry in gaz and gaz.get(entry.ministry).type == "ministry"
            assert entry.function
        for ref in (entry.ministry, entry.parent):
            assert ref is None or ref in gaz, (entry.actor_id, ref)


def test_every_ministry_has_a_minister_for_each_date_since_2000(gaz: Gazetteer) -> None:
    for year in range(2000, 2026):
        on = dt.date(year, 6, 1)
        ministries = [
            e
            for e in gaz
            if e.type == "ministry" and e.is_valid(on) and e.actor_id != "ministeries"
        ]
        assert 11 <= len(ministries) <= 16, (year, [m.actor_id for m in ministries])
        for m in ministries:
            if m.actor_id == "ministerie-az":
                continue
            assert f"minister-{m.actor_id.removeprefix('ministerie-')}" in gaz


def test_get_and_entry_round_trip(gaz: Gazetteer) -> None:
    entry = gaz.get("minister-rechtsbescherming")
    assert entry.type == "minister"
    assert entry.ministry == "ministerie-jenv"
    assert entry.function == "Minister voor Rechtsbescherming"
    assert entry.valid_from == dt.date(2017, 10, 26)
    assert ActorEntry.from_dict(entry.to_dict()) == entry
    with pytest.raises(KeyError):
        gaz.get("no-such-actor")


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("De Minister voor Rechtsbescherming", "2018-02-14", "minister-rechtsbescherming"),
        ("De Minister voor Rechtsbescherming,", None, "minister-rechtsbescherming"),
        (
            "DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,",
            "2023-02-03",
            "staatssecretaris-ienw",
        ),
        ("Minister van Economische\nZaken en Klimaat", "2020-01-01", "minister-ezk"),
        ("minister van EZ", "2015-01-01", "minister-ez"),
        ("Minister van LNV", "2001-01-01", "minister-lnv-natuurbeheer"),
        ("Minister van LNV", "2019-01-01", "minister-lnv"),
        ("Minister-President", "2019-01-01", "minister-president"),
        ("De Voorzitter van de Tweede Kamer", None, None),
        ("Ministerie van Financiën", None, None),
        ("", None, None),
    ],
)
def test_resolve_function(
    gaz: Gazetteer, text: str, date: str | None, expected: str | None
) -> None:
    entry = gaz.resolve_function(text, date)
    assert (entry.actor_id if entry else None) == expected
    if entry:
        assert entry.type in FUNCTION_TYPES


def test_choose_prefers_valid_then_nearest(gaz: Gazetteer) -> None:
    entry, anachronistic = gaz.choose(["ministerie-ezk"], dt.date(2010, 1, 1))
    assert entry.actor_id == "ministerie-ezk" and anachronistic
    entry, anachronistic = gaz.choose(
        ["ministerie-lnv", "ministerie-lnv-natuurbeheer"], dt.date(2002, 1, 1)
    )
    assert entry.actor_id == "ministerie-lnv-natuurbeheer" and not anachronistic
    # grace period after a renaming: a look back is not an anachronism
    assert gaz.get("ministerie-ez").is_valid(dt.date(2011, 1, 1), gaz.grace_days)
    assert not gaz.get("ministerie-ez").is_valid(dt.date(2011, 1, 1))


def test_duplicate_ids_are_rejected() -> None:
    e = ActorEntry("x", "agency", "X")
    with pytest.raises(ValueError, match="duplicate"):
        Gazetteer([e, e])


def test_disk_round_trip(gaz: Gazetteer, tmp_path) -> None:
    gaz.to_disk(tmp_path / "g")
    again = Gazetteer.from_disk(tmp_path / "g")
    assert again.version == gaz.version and len(again) == len(gaz)
    assert again.get("minister-jenv") == gaz.get("minister-jenv")
    assert again.index.size == gaz.index.size
